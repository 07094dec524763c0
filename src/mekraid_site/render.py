"""Stage 4, render: turn the timeline into the site's files, one at a time.

Pages come from the Jinja templates in the theme folder; the exports
(timeline.json) are built here. Every link is relative to the page that holds
it, so the site works opened from disk and under any sub-path of any server.
`render` yields (relative path, bytes); only the largest files, made by
worker processes, go through a spool folder and come as `SpooledFile`.
"""

from __future__ import annotations

import functools
import hashlib
import html
import itertools
import multiprocessing
import re
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, replace
from functools import partial
from html import escape as _escape
from pathlib import Path
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import jinja2
import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

from . import __version__
from .axis import build_axis
from .display import RECENT_TIMES, describe_time, iso_utc
from .errors import ContentError, Problem
from .export import atom_feed, event_jsonld, events_csv, sitemap_xml, timeline_json, timelinejs_json
from .extract import Extraction, die_with_parent
from .kinds import KIND_LABELS, KINDS, event_kinds, incident_day, is_approximate, period
from .merge import figure_label
from .model import Actor, Claim, Dispute, DisputedValue, Event, Precision, Source, Timeline, TimeValue
from .prose import prose_of, widen_over_marks
from .search import search_index
from .write import KeptFile, PageRecord, SpooledFile

_SAFE_SCHEMES = re.compile(r"^(?:https?:|mailto:|#|[^:/?#]*(?:[/?#]|$))", re.IGNORECASE)
_OTHER_ORIGIN = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]+")  # browsers drop these inside a URL
# Runs of "[" make Python-Markdown's link patterns backtrack; no article needs this many in a line.
_MAX_BRACKETS = 200
# Private-use characters mark spans in the Markdown source; they survive Markdown untouched.
_OPEN, _OPEN_END, _CLOSE, _CLOSE_END = "\ue000", "\ue001", "\ue002", "\ue003"
_MARKER = re.compile(f"{_OPEN}(\\d+){_OPEN_END}|{_CLOSE}(\\d+){_CLOSE_END}")
_BLOCK_START = re.compile(r"[ \t]*(?:[-*+>#|]|\d+[.)]\s|```|~~~|$)|[ \t]{4}")


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    open_tag: str
    close_tag: str


class _SafeLinks(Treeprocessor):
    """Keep only http(s), mailto and relative links; drop anything that could run code or load from elsewhere."""

    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter():
            href = element.get("href")
            if href is not None and not _SAFE_SCHEMES.match(_as_browser_reads(href)):
                del element.attrib["href"]
            src = element.get("src")
            if src is None:
                continue
            address = _as_browser_reads(src)
            if _SAFE_SCHEMES.match(address) and not _OTHER_ORIGIN.match(address):
                continue
            # An image from elsewhere would be a request off the site: make it a link the reader may follow.
            alt = element.get("alt") or address
            element.attrib.clear()
            element.tag = "a"
            element.text = alt
            if _SAFE_SCHEMES.match(address):
                element.set("href", src)


def _as_browser_reads(address: str) -> str:
    """An address as a browser reads it: entities decoded, tabs, newlines and controls dropped."""
    decoded = html.unescape(address.replace(markdown.util.AMP_SUBSTITUTE, "&"))
    return _URL_IGNORED.sub("", decoded).strip()


class _SafeMarkdown(Extension):
    """Markdown without raw HTML (it is shown as text) and with safe links only."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_SafeLinks(md), "safe_links", 0)


def markdown_to_html(text: str) -> str:
    """Article Markdown as HTML: raw HTML escaped, unsafe links removed."""
    text = "\n".join(line.replace("[", "\\[") if line.count("[") > _MAX_BRACKETS else line for line in text.split("\n"))
    return markdown.markdown(text, extensions=[_SafeMarkdown()], output_format="html")


def lines_to_paragraphs(text: str) -> str:
    """Make each line of prose its own paragraph, as in text copied from web pages.

    Markdown joins lines separated by one line break; pasted articles put
    one paragraph on each line. Lines that start a Markdown block (lists,
    quotes, headings, code) are left as Markdown reads them.
    """
    lines = text.split("\n")
    out = []
    for index, line in enumerate(lines):
        out.append(line)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if line.strip() and following.strip() and not _BLOCK_START.match(following) and not _BLOCK_START.match(line):
            out.append("")
    return "\n".join(out)


def article_html(source: Source, claims: tuple[Claim, ...], timexes, describe) -> str:
    """The article as HTML, each claim an anchored <mark> and each time expression a <time>."""
    prose = prose_of(source.body)

    def span(start: int, end: int, open_tag: str, close_tag: str) -> _Span:
        return _Span(*widen_over_marks(source.body, prose, start, end), open_tag, close_tag)

    spans = [span(claim.start, claim.end, f'<mark class="claim" id="{_escape(claim.id)}">', "</mark>")
             for claim in claims]
    for found in timexes:
        if found.interval is not None:
            attributes = (f'datetime="{_escape(_datetime_attribute(found.interval))}" '
                          f'title="{_escape(describe(found.interval))}"')
        else:
            attributes = f'data-value="{_escape(found.value)}"'
            # No calendar value ("now", "recently"): a <time> would need one, so a <span> marks it.
            spans.append(span(found.start, found.end, f'<span class="timex" {attributes}>', "</span>"))
            continue
        spans.append(span(found.start, found.end, f'<time class="timex" {attributes}>', "</time>"))
    nested = _well_nested(spans)
    text = source.body
    inserts: list[tuple[int, int, int, str]] = []  # (offset, closes before opens, nesting order, marker)
    for number, span in enumerate(nested):  # outer spans come first in `nested`
        inserts.append((span.start, 1, number, f"{_OPEN}{number}{_OPEN_END}"))
        inserts.append((span.end, 0, -number, f"{_CLOSE}{number}{_CLOSE_END}"))  # inner spans close first
    pieces, last = [], 0
    for offset, _, _, marker in sorted(inserts):
        pieces.append(text[last:offset])
        pieces.append(marker)
        last = offset
    pieces.append(text[last:])
    html = markdown_to_html(lines_to_paragraphs("".join(pieces)))
    return _MARKER.sub(
        lambda m: nested[int(m.group(1))].open_tag if m.group(1) else nested[int(m.group(2))].close_tag, html
    )


def _well_nested(spans: list[_Span]) -> list[_Span]:
    """Drop spans that cross others, so the markup nests; outer spans win."""
    kept: list[_Span] = []
    open_spans: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        while open_spans and open_spans[-1].end <= span.start:
            open_spans.pop()
        if open_spans and span.end > open_spans[-1].end:
            continue
        kept.append(span)
        open_spans.append(span)
    return kept


def when_html(time: TimeValue, describe: Callable[[TimeValue], str]) -> Markup:
    """A time as the pages show it: a <time> element at its true precision, and its approximate/uncertain flags."""
    text = escape(describe(time))
    html = (f'<span class="when">{text}</span>' if time.is_range
            else f'<time class="when" datetime="{escape(_datetime_attribute(time))}">{text}</time>')
    if is_approximate(time):
        html += ' <span class="flag approx" title="The source gives this time as approximate">≈ approx.</span>'
    if time.uncertain:
        note = escape(time.note or "The time is uncertain")
        html += f' <span class="flag uncertain" title="{note}">? uncertain</span>'
    return Markup(html)


def _datetime_attribute(time: TimeValue) -> str:
    """A valid HTML datetime value at the time's precision (HTML has no year ranges or open ends)."""
    named = [part for part in time.edtf.split("/") if part not in ("", "..")] or [time.edtf]
    edtf = named[0].rstrip("~?%")
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", edtf):
        return edtf
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})", edtf):
        return edtf
    if "T" in edtf:
        return iso_utc(time.start)
    return f"{time.start.year:04d}"


_PIECES_PER_BATCH = 4096


def check_theme(templates_dir: Path) -> None:
    """Raise ContentError unless templates_dir is a theme folder (it has base.html)."""
    if not (templates_dir / "base.html").is_file():
        raise ContentError([Problem(str(templates_dir), None, "no base.html in the templates folder",
                                    "point --templates at the theme folder (the project's templates/)")])


class Renderer:
    """Renders pages from the templates of one theme folder."""

    def __init__(self, templates_dir: Path) -> None:
        check_theme(templates_dir)
        self.templates_dir = templates_dir
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def page(self, template: str, path: str, **context) -> bytes:
        """One page, with `root` set to the relative path back to the site's root."""
        return b"".join(self.page_chunks(template, path, **context))

    def page_chunks(self, template: str, path: str, **context) -> Iterator[bytes]:
        """One page in encoded pieces, to write to a file without holding the page whole."""
        root = "../" * path.count("/")
        pieces = self.env.get_template(template).generate(root=root, page_path=path, **context)
        # Encoded in batches: a list of all the pieces of a large page would take many times the page's size.
        while batch := list(itertools.islice(pieces, _PIECES_PER_BATCH)):
            yield "".join(batch).encode("utf-8")

    def static_files(self) -> dict[str, bytes]:
        """The theme's static files (CSS, scripts), copied as they are."""
        static = self.templates_dir / "static"
        if not static.is_dir():
            return {}
        return {
            "static/" + path.relative_to(static).as_posix(): path.read_bytes()
            for path in sorted(static.rglob("*"))
            if path.is_file()
        }


class _Site:
    """What every page is made from: the templates, the timeline and lookups into it."""

    def __init__(self, timeline: Timeline, extraction: Extraction, templates_dir: Path,
                 record: PageRecord | None = None) -> None:
        self.timeline = timeline
        self.renderer = Renderer(templates_dir)
        self.record = record
        # What every page is made from besides its own inputs: the theme's files and the site's settings.
        # (Not the program's code: a record is used only by the program that made it.)
        theme = hashlib.sha256(__version__.encode())
        for path in sorted(templates_dir.rglob("*")):
            if path.is_file():
                theme.update(path.relative_to(templates_dir).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        theme.update(repr(timeline.site).encode())
        self.salt = theme.digest()
        self.zone = ZoneInfo(timeline.site.incident.timezone)
        self.describe = functools.lru_cache(maxsize=RECENT_TIMES)(partial(describe_time, local_zone=self.zone))
        self.view = _View(timeline, self.zone)
        self.context = dict(site=timeline.site, timeline=timeline, view=self.view, describe=self.describe,
                            version=__version__)
        self.renderer.env.globals.update(
            KINDS=KINDS, KIND_LABELS=KIND_LABELS, dt_attr=_datetime_attribute,
            when_html=functools.lru_cache(maxsize=RECENT_TIMES)(partial(when_html, describe=self.describe)))
        self.analyses = {analysis.source.id: analysis for analysis in extraction.analyses}
        self.claim_digests = {claim.id: digest for analysis in extraction.analyses
                              for claim, digest in zip(analysis.claims, analysis.claim_digests, strict=True)}
        self._headers: dict[str, str] = {}
        # Old URLs of an event (when another source led it, or before a join), each with its event's index.
        taken = {event.id for event in timeline.events}
        self.aliases: list[tuple[str, int]] = []
        for index, event in enumerate(timeline.events):
            for alias in event.aliases:
                if alias not in taken:
                    taken.add(alias)
                    self.aliases.append((alias, index))

    def page(self, template: str, path: str, **extra) -> tuple[str, bytes]:
        return path, self.renderer.page(template, path, **extra, **self.context)

    def make(self, task: _Task, spool: Path | None = None) -> list[_Made]:
        """The files of one task, a whole-site file by name or a batch of item pages, with the pages' digests.

        With a spool folder, a whole-site file is written there as it is made
        and passed on as a SpooledFile, and so is a large page: the largest
        files are never held whole, nor sent from process to process. A page
        made from the same inputs as the previous site's file comes as KeptFile.
        """
        if isinstance(task, str):
            if spool is None:
                return [(task, b"".join(self.whole_site_chunks(task)), None)]
            return [(task, _spooled(spool / task, self.whole_site_chunks(task)), None)]
        made: list[_Made] = []
        for kind, index in task:
            digest = self.item_digest(kind, index) if kind in _DIGESTED else None
            path = self.item_path(kind, index)
            kept = self.record.unchanged(path, digest) if digest and self.record else None
            if kept is not None:
                made.append((path, KeptFile(kept), digest))
                continue
            path, data = self.item_page(kind, index)
            if spool is not None and len(data) > _SPOOL_PAGE_BYTES:
                data = _spooled(spool / f"{kind}-{index}", (data,))
            made.append((path, data, digest))
        return made

    def item_digest(self, kind: str, index: int) -> str:
        """A digest of everything the page of the index-th event, source or redirect is made from."""
        # The inputs' repr, not their pickle: it is the same for equal values whether or not they share objects.
        return hashlib.sha256(self.salt + repr(self.item_inputs(kind, index)).encode()).hexdigest()

    def item_inputs(self, kind: str, index: int) -> tuple:
        """What the page of the index-th event, source or redirect shows: keep in step with its template.

        Articles and claims stand as the digests extraction made of them: the
        repr of hundreds of thousands of claims, each on two pages, took
        seconds. With them go the final ids of the actors the claims name.
        """
        timeline, view = self.timeline, self.view
        if kind == "redirect":
            alias, event_index = self.aliases[index]
            event = timeline.events[event_index]
            return alias, event.id, event.title
        if kind == "event":
            event = timeline.events[index]
            neighbours = [(other.id, other.title) for other in timeline.events[max(index - 1, 0):index + 2]]
            claims = [(self.claim_digests[claim.id], claim.actors, claim.claimant) for claim in event.claims]
            sources = [self._header(source_id) for source_id in event.sources]
            return (replace(event, claims=()), claims, sources, index == 0, neighbours, view.day,
                    self._actors_of(event.claims, event.actors))
        source = timeline.sources[index]
        analysis = self.analyses[source.id]
        events = [(event.id, event.title) if (event := view.event_of_claim.get(claim.id)) else None
                  for claim in analysis.claims]
        claims = [(claim.actors, claim.claimant) for claim in analysis.claims]
        return analysis.digest, claims, events, self._actors_of(analysis.claims, ())

    def _header(self, source_id: str) -> str:
        """A source as the pages that cite it show it (everything but its text), as its repr."""
        header = self._headers.get(source_id)
        if header is None:  # made once: events share their sources
            source = self.view.sources.get(source_id)
            header = self._headers[source_id] = repr(replace(source, body="") if source else None)
        return header

    def _actors_of(self, claims: Iterable[Claim], also: Iterable[str]) -> list[Actor | None]:
        """The actors that claims name as claimants, and others, as the pages show them."""
        named = {claim.claimant for claim in claims if claim.claimant}.union(also)
        return [self.view.actors.get(actor_id) for actor_id in sorted(named)]

    def whole_site_chunks(self, name: str) -> Iterator[bytes]:
        """A file made from the whole timeline (the index, the disputes, the exports), in pieces."""
        timeline, zone, view = self.timeline, self.zone, self.view
        if name == "index.html":
            axis = build_axis(timeline.events, view.number, view.day, zone, self.describe)
            return self.renderer.page_chunks("index.html", name, axis=axis, **self.context)
        if name.endswith(".html"):
            return self.renderer.page_chunks(name, name, **self.context)
        if name == "timeline.json":
            return timeline_json(timeline, zone)
        if name == "search-index.js":
            return search_index(timeline, self.describe)
        data = {
            "events.csv": lambda: events_csv(timeline, zone, view.kinds),
            "feed.xml": lambda: atom_feed(timeline, zone),
            "timelinejs.json": lambda: timelinejs_json(
                timeline, zone, {event.id: KIND_LABELS[period(event, view.day)] for event in timeline.events}),
        }[name]()
        return iter((data,))

    def item_path(self, kind: str, index: int) -> str:
        """Where the page of the index-th event, actor, source or redirect goes."""
        if kind == "redirect":
            return f"events/{self.aliases[index][0]}.html"
        folder, items = {"event": ("events", self.timeline.events), "actor": ("actors", self.timeline.actors),
                         "source": ("sources", self.timeline.sources)}[kind]
        return f"{folder}/{items[index].id}.html"

    def item_page(self, kind: str, index: int) -> tuple[str, bytes]:
        """The page of the index-th event, actor, source or redirect (an event's old URL)."""
        timeline = self.timeline
        if kind == "redirect":
            alias, event_index = self.aliases[index]
            return self.page("redirect.html", f"events/{alias}.html", event=timeline.events[event_index])
        if kind == "event":
            event = timeline.events[index]
            previous = timeline.events[index - 1] if index > 0 else None
            following = timeline.events[index + 1] if index + 1 < len(timeline.events) else None
            return self.page("event.html", f"events/{event.id}.html", event=event, previous=previous,
                             following=following, jsonld=event_jsonld(timeline, event, self.zone, self.view.sources),
                             charts=[_chart(self.view, dispute) for dispute in event.disputes])
        if kind == "actor":
            actor = timeline.actors[index]
            return self.page("actor.html", f"actors/{actor.id}.html", actor=actor)
        source = timeline.sources[index]
        analysis = self.analyses[source.id]
        body = article_html(source, analysis.claims, analysis.timexes, self.describe)
        return self.page("source.html", f"sources/{source.id}.html", source=source, body=body, claims=analysis.claims)


def render(
    timeline: Timeline, extraction: Extraction, templates_dir: Path, jobs: int = 1, spool: Path | None = None,
    record: PageRecord | None = None,
) -> Iterator[tuple[str, bytes | SpooledFile | KeptFile]]:
    """Every file of the site, as (path relative to the output folder, bytes), one at a time.

    One at a time, so that the writer can put each on disk before the next is
    made: a large site is never held in memory whole. With `jobs` > 1 the
    files are made in that many processes, in the order they are finished;
    the files are the same. `spool` (a folder made here and removed after;
    put it on the output's file system) lets the whole-site files go to disk
    as they are made: those come as SpooledFile, not bytes.
    With the `record` of the last build into the output folder, an event,
    source or redirect page made from the same inputs as the file there comes
    as KeptFile, not made again; `record.made` gets each such page's digest.
    """
    site = _Site(timeline, extraction, templates_dir, record)
    yield from site.renderer.static_files().items()
    items = ([("event", i) for i in range(len(timeline.events))] + [("actor", i) for i in range(len(timeline.actors))]
             + [("source", i) for i in range(len(timeline.sources))]
             + [("redirect", i) for i in range(len(site.aliases))])
    # The whole-site files first: they are the largest tasks, so the workers start on them.
    tasks: list[_Task] = list(_WHOLE_SITE_FILES)
    tasks += [items[start:start + _PAGES_PER_TASK] for start in range(0, len(items), _PAGES_PER_TASK)]
    for made in _made(site, tasks, jobs if len(items) >= _MIN_PARALLEL_PAGES else 1, spool):
        for path, data, digest in made:
            if digest is not None and record is not None:
                record.made[path] = digest
            yield path, data
    if timeline.site.base_url:
        pages = (["index.html"] + [site.item_path(kind, index) for kind, index in items if kind != "redirect"]
                 + [f"{name}.html" for name in ("disputes", "about", "search")])
        yield "sitemap.xml", sitemap_xml(timeline.site.base_url, pages)


# A task for a worker: one whole-site file by name, or a batch of item pages.
_Task = str | list[tuple[str, int]]
# A file a task made: its path, its bytes (or where they are), and for an item page the digest of its inputs.
_Made = tuple[str, bytes | SpooledFile | KeptFile, str | None]
_DIGESTED = ("event", "source", "redirect")  # actor pages list most events: nearly every new article changes them
_WHOLE_SITE_FILES = ("timeline.json", "index.html", "disputes.html", "search-index.js", "events.csv", "feed.xml",
                     "timelinejs.json", "about.html", "search.html")


def _made(site: _Site, tasks: list[_Task], jobs: int, spool: Path | None) -> Iterator[list[_Made]]:
    """The files of each task; made by this process and jobs - 1 workers, in the order they finish, when jobs > 1.

    This process makes tasks too, between taking in what the workers
    finished: one worker fewer means one copy fewer of the pages that a
    worker reads and so writes (CPython counts references in place).
    """
    if jobs <= 1:
        for task in tasks:
            yield site.make(task)
        return
    # Forked workers share the site as it is now, instead of receiving it pickled; the caller runs no
    # threads while rendering (`serve` renders with jobs=1).
    _forked["site"] = site
    if spool is not None:
        spool.mkdir()
        _forked["spool"] = spool
    try:
        with ProcessPoolExecutor(max_workers=jobs - 1, mp_context=multiprocessing.get_context("fork"),
                                 initializer=die_with_parent) as pool:
            # Some tasks ahead of the workers, enough to keep them busy while this process makes a large
            # file, no more: finished files wait in this process until written.
            ahead = _TASKS_AHEAD_PER_WORKER * (jobs - 1)
            waiting = iter(tasks)
            running: set[Future] = set()

            def submit(count: int) -> None:
                running.update(pool.submit(_make_in_worker, task) for task in itertools.islice(waiting, count))

            submit(ahead)
            while (task := next(waiting, None)) is not None:
                yield site.make(task, spool)
                finished = {future for future in running if future.done()}
                running.difference_update(finished)
                submit(ahead - len(running))
                for future in finished:
                    yield future.result()
            while running:
                finished, running = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    yield future.result()
    finally:
        _forked.clear()
        if spool is not None:
            shutil.rmtree(spool, ignore_errors=True)


_MIN_PARALLEL_PAGES = 400
_PAGES_PER_TASK = 64
_TASKS_AHEAD_PER_WORKER = 8
_SPOOL_PAGE_BYTES = 1 << 18  # larger pages go through the spool folder (an actor's page may list every claim)
_forked: dict[str, object] = {}  # set only while a pool of forked workers renders


def _spooled(path: Path, chunks: Iterable[bytes]) -> SpooledFile:
    """A file written to the spool folder piece by piece, to be moved into the site by the writer."""
    with open(path, "wb") as file:
        file.writelines(chunks)
    return SpooledFile(path)


def _make_in_worker(task: _Task) -> list[_Made]:
    return _forked["site"].make(task, _forked.get("spool"))


@dataclass(frozen=True)
class _ClaimantRow:
    """One claimant of a disputed value: its first claim giving it, and how many of its claims do."""

    claim: Claim
    count: int


@dataclass(frozen=True)
class _Bar:
    label: str  # who says it, and the value as written
    claim: Claim
    width: float
    open_ended: bool  # "at least", "more than", "several": the true count may be higher
    vague: bool  # "about", "nearly", "up to", "several": drawn dashed
    y: float


@dataclass(frozen=True)
class _Chart:
    about: str
    bars: tuple[_Bar, ...]
    width: int
    height: int
    scale_max: int


def _chart(view: "_View", dispute: Dispute) -> _Chart | None:
    """Bars comparing a disputed figure by claimant (None for disputes without figures)."""
    rows: dict[tuple[str, str], list] = {}  # (claimant, value as written) -> [claim, figure, count]
    for value in dispute.values:
        for claim_id in value.claims:
            claim = view.claims.get(claim_id)
            figure = next((f for f in claim.figures if f.kind == dispute.about), None) if claim else None
            if figure is not None:
                row = rows.setdefault((view.claimant_name(claim), value.value), [claim, figure, 0])
                row[2] += 1
    if not rows:
        return None
    top = max(figure.value for _, figure, _ in rows.values()) or 1
    bars = []
    for index, ((who, written), (claim, figure, count)) in enumerate(rows.items()):
        label = f"{who}: {written}" + (f" ({count} claims)" if count > 1 else "")
        bars.append(_Bar(label, claim, round(max(figure.value / top * 300, 3), 1),
                         figure.qualifier in ("at_least", "more_than", "several"),
                         figure.qualifier in ("about", "nearly", "up_to", "several"), 22 + index * 46))
    return _Chart(dispute.about, tuple(bars), 400, 30 + len(bars) * 46, top)


class _View:
    """Lookups the templates need, computed once."""

    def __init__(self, timeline: Timeline, zone: ZoneInfo) -> None:
        self.zone = zone
        self.day = incident_day(timeline, zone)
        self.number = {event.id: index for index, event in enumerate(timeline.events, 1)}
        self.kinds = {event.id: event_kinds(event, self.day) for event in timeline.events}
        self.period = {event.id: period(event, self.day) for event in timeline.events}
        self.by_period: dict[str, list[Event]] = defaultdict(list)
        for event in timeline.events:
            self.by_period[self.period[event.id]].append(event)
        self.disputed_events = [event for event in timeline.events if event.disputes]
        self.sources = {source.id: source for source in timeline.sources}
        self.actors = {actor.id: actor for actor in timeline.actors}
        self.claims = {claim.id: claim for claim in timeline.claims}
        self.event_of_claim = {claim.id: event for event in timeline.events for claim in event.claims}
        self.events_of_actor: dict[str, list[Event]] = defaultdict(list)
        self.claims_by_claimant: dict[str, list[Claim]] = defaultdict(list)
        for event in timeline.events:
            for actor_id in event.actors:
                self.events_of_actor[actor_id].append(event)
        for claim in timeline.claims:
            if claim.claimant:
                self.claims_by_claimant[claim.claimant].append(claim)
        # A claim told in the same words as an earlier source's is shown short, with a link to that first
        # claim; the first says how many other sources repeat it.
        self._original: dict[str, Claim] = {}
        self.repeats: dict[str, int] = {}
        for event in timeline.events:
            for first_id, *others in event.same_words:
                first = self.claims[first_id]
                self.repeats[first_id] = len({self.claims[claim_id].source for claim_id in others} - {first.source})
                for claim_id in others:
                    self._original[claim_id] = first

        named = {actor_id for event in timeline.events for actor_id in event.actors}
        self.filter_actors = sorted((a for a in timeline.actors if a.id in named), key=lambda a: (a.name.lower(), a.id))
        self.actors_by_kind: dict[str, list[Actor]] = defaultdict(list)
        for actor in sorted(timeline.actors, key=lambda a: (a.name.lower(), a.id)):
            self.actors_by_kind[actor.kind].append(actor)
        self.kinds_present = [kind for kind, _, _ in KINDS if any(kind in k for k in self.kinds.values())]
        # Cached per view, not per class: `serve` renders again and again in one process.
        self.actor_link = functools.lru_cache(maxsize=None)(self._actor_link)

    def day_label(self) -> str:
        """The incident day as a reader says it, or ""."""
        day = self.day.day if self.day else None
        return f"{day.day} {day:%B} {day.year}" if day else ""

    def claims_by_source(self, event: Event) -> list[tuple[Source, list[Claim]]]:
        """An event's claims grouped by source, in the order the event lists its sources."""
        by_source: dict[str, list[Claim]] = defaultdict(list)
        for claim in event.claims:  # one pass: an event may have thousands of sources and claims
            by_source[claim.source].append(claim)
        return [(self.sources[source_id], by_source[source_id]) for source_id in event.sources
                if source_id in self.sources and by_source[source_id]]

    def copy_of(self, claim: Claim, claimant: str | None = None) -> Claim | None:
        """The earlier claim this one repeats word for word; on a claimant's page, only if it is that claimant's too."""
        original = self._original.get(claim.id)
        if original is None or (claimant is not None and original.claimant != claimant):
            return None
        return original

    @staticmethod
    def copies_in(event: Event) -> int:
        """How many of an event's claims repeat the words of a claim read before them (shown in one line)."""
        return sum(len(group) - 1 for group in event.same_words)

    def moments(self, event: Event) -> list[Claim]:
        """The event's claims with a clock time, earliest first: the minute-by-minute of a day."""
        clocked = [claim for claim in event.claims  # only times the claims state themselves, not inherited ones
                   if claim.time.precision.rank >= Precision.HOUR.rank and claim.time_text]
        return sorted(clocked, key=lambda claim: (claim.time.start, claim.source, claim.start))

    def local_clock(self, time: TimeValue) -> str:
        """HH:MM in the incident's local time, with the qualifier's word: "about 13:38", "by 19:00"."""
        words = {"approximate": "about", "before": "before", "after": "after", "by": "by", "since": "since",
                 "until": "until"}
        word = words.get(time.qualifier.value) if time.qualifier else None
        clock = time.start.astimezone(self.zone).strftime("%H:%M")
        return f"{word} {clock}" if word else clock

    def _actor_link(self, actor_id: str, root: str) -> Markup:
        """A link to an actor's page, or nothing for an actor without one."""
        actor = self.actors.get(actor_id)
        return Markup(f'<a href="{root}actors/{escape(actor.id)}.html">{escape(actor.name)}</a>') if actor else Markup()

    def claimant_html(self, claim: Claim, root: str) -> Markup:
        """Who asserts a claim: a link to the actor, or the publisher, marked as such."""
        if claim.claimant and claim.claimant in self.actors:
            return self.actor_link(claim.claimant, root)
        return Markup(f'{escape(self.publisher(self.sources[claim.source]))} <span class="muted">(publisher)</span>')

    def claimant_rows(self, value: DisputedValue) -> list[_ClaimantRow]:
        """Who gives a disputed value, each claimant once with its first claim and how many claims it made."""
        rows: dict[tuple[str, str | None], _ClaimantRow] = {}
        for claim_id in value.claims:
            claim = self.claims[claim_id]
            # The claimant as the page names it: an actor, or else the publisher.
            who = ("actor", claim.claimant) if claim.claimant in self.actors else (
                "publisher", self.publisher(self.sources[claim.source]))
            row = rows.get(who)
            rows[who] = _ClaimantRow(claim, 1) if row is None else _ClaimantRow(row.claim, row.count + 1)
        return list(rows.values())

    def claimant_name(self, claim: Claim) -> str:
        """Who asserts a claim, for the reader."""
        if claim.claimant and claim.claimant in self.actors:
            return self.actors[claim.claimant].name
        return self.publisher(self.sources[claim.source])

    @staticmethod
    def publisher(source: Source) -> str:
        """The publisher's name, or a plain statement that it is unknown."""
        return source.publisher or "Unknown publisher"

    @staticmethod
    def figure(figure) -> str:
        """A figure as a reader says it."""
        return figure_label(figure)

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, if the site has a page for it."""
        return self.actors.get(actor_id)
