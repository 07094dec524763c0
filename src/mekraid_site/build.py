"""The pipeline end to end: load -> extract -> merge -> render -> write; and `check`, which stops before render."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .cache import DiskCache, default_cache_dir
from .errors import ContentError, Problem
from .extract import extract
from .load import DEFAULT_MAX_ARTICLE_BYTES, load_content, load_content_lenient
from .merge import merge
from .render import render
from .write import WriteReport, write_site


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
) -> BuildReport:
    """Build the site from content_dir into output_dir; raise ContentError on bad content.

    Per-article work is cached in cache_dir (default: .mekraid-cache beside the
    output) and only files whose bytes changed are written. `clean` empties the
    cache and writes every file. Articles are read in `jobs` processes (default:
    one per core), with the same result.
    """
    content = load_content(Path(content_dir), max_article_bytes)
    cache = DiskCache(Path(cache_dir) if cache_dir else default_cache_dir(Path(output_dir))) if use_cache else None
    if cache is not None and clean:
        cache.clear()
    extraction = extract(content, cache=cache, jobs=jobs or os.cpu_count() or 1)
    timeline = merge(extraction, content.site, content.event_fixes)
    files = render(timeline, extraction, Path(templates_dir))
    written = write_site(files, Path(output_dir), clean=clean)
    if cache is not None:
        cache.prune()
    return BuildReport(
        sources=len(timeline.sources),
        claims=len(timeline.claims),
        events=len(timeline.events),
        disputes=sum(1 for event in timeline.events if event.disputes),
        actors=len(timeline.actors),
        pages=sum(1 for path in files if path.endswith(".html")),
        warnings=content.warnings,
        written=written.written,
        unchanged=written.unchanged,
        removed=written.removed,
        cache_hits=cache.hits if cache is not None else 0,
    )


def check(content_dir: Path, max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> CheckReport:
    """Validate everything a build would, without rendering or writing; collect every problem.

    The good articles go on through extract and merge even when others fail
    to load, so problems found there (an annotation quoting text the article
    lacks) are reported in the same run.
    """
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
