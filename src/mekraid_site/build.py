"""The pipeline end to end: load -> extract -> merge -> render -> write; and `check`, which stops before render."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from .cache import DiskCache, default_cache_dir, program_fingerprint
from .errors import ContentError, Problem
from .load import DEFAULT_MAX_ARTICLE_BYTES, load_content, load_content_lenient
from .write import KeptFile, PageRecord, SpooledFile, WriteReport, spool_folder, write_site

# extract, merge and render (the heavy imports: Jinja, Markdown, the text engines) are imported when
# a build runs, so that an unchanged rebuild, which stops before them, starts fast.


@dataclass(frozen=True)
class BuildReport:
    """What a build made, for the person who ran it."""

    sources: int
    claims: int
    events: int
    disputes: int
    actors: int
    pages: int
    warnings: tuple[Problem, ...]
    written: int = 0  # files written anew
    unchanged: int = 0  # files kept from the previous site
    removed: int = 0  # files of the previous site that are gone
    cache_hits: int = 0  # articles whose extraction came from the cache


@dataclass(frozen=True)
class CheckReport:
    """What `check` found: every problem of every file, and what would be built."""

    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...]
    sources: int  # articles that passed the loader
    claims: int
    events: int


@contextlib.contextmanager
def collecting_cycles_less() -> Iterator[None]:
    """Run Python's cycle collector less often for a while: a build keeps millions of objects for its whole run.

    With the default thresholds the collector walks all of them again and
    again: 5 % of a build's time at 5,000 articles, 11 % at 20,000. The
    objects a build makes are seldom in cycles, so it need not run as often.
    The thresholds are put back after; worker processes take those of the
    process that starts them.
    """
    before = gc.get_threshold()
    gc.set_threshold(*_BUILD_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


_BUILD_GC_THRESHOLDS = (100_000, 20, 20)  # Python's are (700, 10, 10)


@collecting_cycles_less()
def build(
    content_dir: Path,
    output_dir: Path,
    templates_dir: Path,
    *,
    clean: bool = False,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
    jobs: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build the site from content_dir into output_dir; raise ContentError on bad content.

    Per-article work is cached in cache_dir (default: .mekraid-cache beside the
    output) and only files whose bytes changed are written; when no input file
    changed since the last build and the output is as it left it, nothing is
    done at all. `clean` empties the cache and writes every file. Articles are
    read in `jobs` processes (default: one per core), with the same result.
    `progress` receives a line per stage: what it made and the time it took.
    """
    say = progress or (lambda line: None)
    cache = DiskCache(Path(cache_dir) if cache_dir else default_cache_dir(Path(output_dir))) if use_cache else None
    manifest = _Manifest(cache.root, Path(output_dir)) if cache is not None else None
    inputs = _fingerprint([Path(content_dir), Path(templates_dir)], f"{program_fingerprint()}:{max_article_bytes}")
    if manifest is not None and not clean:
        report = manifest.unchanged_report(inputs)
        if report is not None:
            say("nothing changed since the last build: no content, template or program file differs")
            return report
    if cache is not None and clean:
        cache.clear()
    from .extract import extract
    from .merge import merge
    from .render import check_theme, render

    check_theme(Path(templates_dir))  # before the long stages, not after them
    timer = _StageTimer(say)
    content = load_content(Path(content_dir), max_article_bytes)
    timer.done("load", f"{len(content.sources)} articles, {len(content.actors)} listed actors")
    extraction = extract(content, cache=cache, jobs=jobs or os.cpu_count() or 1)
    timer.done("extract", f"{sum(len(a.claims) for a in extraction.analyses)} claims"
                          + (f", {cache.hits} articles from the cache" if cache is not None else ""))
    timeline = merge(extraction, content.site, content.event_fixes)
    timer.done("merge", f"{len(timeline.events)} events, {len(timeline.actors)} actors")
    made = _Tally()
    # Pages made from the same inputs as the last build's are kept, not made again (not with --clean).
    record = PageRecord(Path(output_dir), None if clean else manifest.page_record()) if manifest else None
    files = render(timeline, extraction, Path(templates_dir), jobs=jobs or os.cpu_count() or 1,
                   spool=spool_folder(Path(output_dir)), record=record)
    written = write_site(made.count(files), Path(output_dir), clean=clean)
    timer.done("render and write", f"{made.files} files ({made.pages} pages, {made.bytes / 1e6:.1f} MB): "
               f"{written.written} written, {written.unchanged} unchanged, {written.removed} removed")
    report = BuildReport(
        sources=len(timeline.sources),
        claims=len(timeline.claims),
        events=len(timeline.events),
        disputes=sum(1 for event in timeline.events if event.disputes),
        actors=len(timeline.actors),
        pages=made.pages,
        warnings=content.warnings,
        written=written.written,
        unchanged=written.unchanged,
        removed=written.removed,
        cache_hits=cache.hits if cache is not None else 0,
    )
    if cache is not None and manifest is not None:
        cache.prune()
        manifest.save(inputs, report, record.saved() if record else {})
    return report


class _Tally:
    """Counts the files the renderer makes as they pass to the writer."""

    def __init__(self) -> None:
        self.files = self.pages = self.bytes = 0

    def count(self, files: Iterable[tuple[str, _FileData]]) -> Iterator[tuple[str, _FileData]]:
        for path, data in files:
            self.files += 1
            self.pages += path.endswith(".html")
            self.bytes += len(data) if isinstance(data, bytes) else data.path.stat().st_size
            yield path, data


_FileData = bytes | SpooledFile | KeptFile


class _StageTimer:
    """Tells how long each stage took, as it ends."""

    def __init__(self, say: Callable[[str], None]) -> None:
        self._say = say
        self._last = time.perf_counter()

    def done(self, stage: str, detail: str) -> None:
        now = time.perf_counter()
        self._say(f"{stage}: {detail} in {now - self._last:.2f} s")
        self._last = now


def _fingerprint(folders: list[Path], salt: str) -> str:
    """A hash of the names, sizes and modification times of every file under the folders."""
    digest = hashlib.sha256(salt.encode())
    for folder in folders:
        for top, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                stat = os.stat(os.path.join(top, name))
                digest.update(f"{top}/{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


class _Manifest:
    """What the last build into an output folder read and left, so an unchanged rebuild can stop at once.

    Beside it, in a file of its own (an unchanged rebuild does not read it),
    the record of what each page was made from, so a rebuild can keep pages.
    """

    def __init__(self, cache_root: Path, output: Path) -> None:
        self._output = output.absolute()
        name = hashlib.sha256(str(self._output).encode()).hexdigest()[:16]
        self._path = cache_root / f"manifest-{name}.json"
        self._pages_path = cache_root / f"pages-{name}.json"

    def unchanged_report(self, inputs: str) -> BuildReport | None:
        """The last build's report when its inputs and its output are as they were, else None."""
        try:
            saved = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if saved.get("inputs") != inputs or saved.get("output") != _fingerprint([self._output], ""):
            return None
        counts = saved["report"]
        return BuildReport(**{**counts, "warnings": (), "written": 0, "removed": 0,
                              "unchanged": counts["written"] + counts["unchanged"]})

    def page_record(self) -> dict[str, tuple[str, int, int]]:
        """The last build's PageRecord, or nothing when there is none or it is not this program's."""
        try:
            saved = json.loads(self._pages_path.read_text(encoding="utf-8"))
            if saved["program"] != program_fingerprint():
                return {}  # another program may make other pages from the same inputs
            return {path: (digest, size, mtime) for path, (digest, size, mtime) in saved["pages"].items()}
        except (OSError, ValueError, KeyError, TypeError):
            return {}

    def save(self, inputs: str, report: BuildReport, pages: dict[str, tuple[str, int, int]]) -> None:
        counts = {key: value for key, value in asdict(report).items() if key != "warnings"}
        _write_json(self._pages_path, {"program": program_fingerprint(), "pages": pages})
        _write_json(self._path, {"inputs": inputs, "output": _fingerprint([self._output], ""), "report": counts})


def _write_json(path: Path, data: dict) -> None:
    """Write a JSON file whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(data), encoding="utf-8")
    os.replace(temporary, path)


@collecting_cycles_less()
def check(content_dir: Path, max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> CheckReport:
    """Validate everything a build would, without rendering or writing; collect every problem.

    The good articles go on through extract and merge even when others fail
    to load, so problems found there (an annotation quoting text the article
    lacks) are reported in the same run.
    """
    from .extract import extract
    from .merge import merge

    content, problems = load_content_lenient(Path(content_dir), max_article_bytes)
    if content is None:
        return CheckReport(tuple(problems), (), 0, 0, 0)
    claims = events = 0
    if content.sources:
        try:
            extraction = extract(content, jobs=os.cpu_count() or 1)
            timeline = merge(extraction, content.site, content.event_fixes)
            claims, events = len(timeline.claims), len(timeline.events)
        except ContentError as error:
            problems += [problem for problem in error.problems if problem not in problems]
    return CheckReport(tuple(problems), content.warnings, len(content.sources), claims, events)


__all__ = ["BuildReport", "CheckReport", "WriteReport", "build", "check"]
