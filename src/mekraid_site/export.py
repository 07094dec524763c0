"""Machine-readable exports of the timeline, built as bytes (part of the render stage)."""

from __future__ import annotations

import csv
import functools
import html
import io
import json
import uuid
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta, timezone
from xml.sax import saxutils
from zoneinfo import ZoneInfo

from .display import RECENT_TIMES, describe_time, iso_utc
from .model import Event, Precision, Source, Timeline, TimeValue


def timeline_json(timeline: Timeline, zone: ZoneInfo) -> Iterator[bytes]:
    """The machine-readable timeline (schema in docs/timeline-json.md), in pieces of about an event each.

    In pieces, so that a large timeline can be written to a file without being held whole.
    """
    @functools.lru_cache(maxsize=RECENT_TIMES)  # claims share their times
    def when(time: TimeValue) -> dict:
        return {
            "start": iso_utc(time.start),
            "end": iso_utc(time.end),
            "precision": time.precision.value,
            "qualifier": time.qualifier.value if time.qualifier else None,
            "uncertain": time.uncertain,
            "edtf": time.edtf,
            "display": describe_time(time, zone),
            "note": time.note,
        }

    def event_data(event: Event) -> dict:
        return {
            "id": event.id,
            "aliases": list(event.aliases),
            "title": event.title,
            "when": when(event.time),
            "sources": list(event.sources),
            "actors": list(event.actors),
            "claims": [
                {
                    "id": claim.id, "source": claim.source, "claimant": claim.claimant, "quote": claim.quote,
                    "start": claim.start, "end": claim.end, "time_text": claim.time_text, "when": when(claim.time),
                    "actors": list(claim.actors), "follows": claim.follows,
                    "figures": [{"kind": f.kind, "value": f.value, "qualifier": f.qualifier, "text": f.text}
                                for f in claim.figures],
                    "page": f"sources/{claim.source}.html#{claim.id}",
                }
                for claim in event.claims
            ],
            "disputes": [
                {"about": dispute.about,
                 "values": [{"value": value.value, "claims": list(value.claims)} for value in dispute.values]}
                for dispute in event.disputes
            ],
            "same_words": [list(group) for group in event.same_words],
            "page": f"events/{event.id}.html",
        }

    site = timeline.site
    head = {
        "incident": {
            "title": site.title,
            "name": site.incident.name,
            "place": site.incident.place,
            "timezone": site.incident.timezone,
            "summary": site.incident.summary,
        },
        "sources": [
            {
                "id": source.id, "title": source.title, "publisher": source.publisher,
                "published": (source.published.isoformat() if source.published_has_time
                              else source.published.date().isoformat()),
                "author": source.author, "url": source.url, "inferred": list(source.inferred),
                "page": f"sources/{source.id}.html",
            }
            for source in timeline.sources
        ],
        "actors": [
            {"id": actor.id, "name": actor.name, "kind": actor.kind, "aliases": list(actor.aliases),
             "description": actor.description, "page": f"actors/{actor.id}.html"}
            for actor in timeline.actors
        ],
    }
    # Encoded an event at a time: the whole document as Python objects would take many times its size.
    # Compact: indented JSON goes through the slow pure-Python encoder, and sites can be large.
    yield _compact_json(head)[:-1] + b',"events":['
    for index, event in enumerate(timeline.events):
        yield (b"," if index else b"") + _compact_json(event_data(event))
    yield b"]}\n"


def _compact_json(value: object, **options: bool) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), **options).encode("utf-8")


# --- Exports for readers and other tools: CSV, Atom, TimelineJS3, sitemap, JSON-LD ---------------------------------

def iso_partial(time: TimeValue, zone: ZoneInfo, *, last: bool = False) -> str:
    """ISO 8601 at the time's precision, in local time: "1986", "2023-06", "2023-06-20", "2023-06-20T13:38:00+02:00".""" # noqa: E501
    moment = (max(time.start, time.end - timedelta(microseconds=1)) if last else time.start).astimezone(zone)
    if time.precision.rank <= Precision.YEAR.rank:
        return f"{moment.year:04d}"
    if time.precision.rank < Precision.DAY.rank and time.precision is not Precision.WEEK:
        return f"{moment.year:04d}-{moment.month:02d}"
    if time.precision.rank < Precision.HOUR.rank:
        return moment.date().isoformat()
    return moment.replace(microsecond=0).isoformat()


def _source_published(source: Source) -> str:
    return source.published.isoformat() if source.published_has_time else source.published.date().isoformat()


def _absolute(base_url: str | None, path: str) -> str | None:
    return f"{base_url.rstrip('/')}/{path}" if base_url else None


def _dispute_text(event: Event) -> str:
    return "; ".join(f"{dispute.about}: " + " | ".join(value.value for value in dispute.values)
                     for dispute in event.disputes)


def events_csv(timeline: Timeline, zone: ZoneInfo, kinds: dict[str, tuple[str, ...]]) -> bytes:
    """events.csv: one row per event, UTF-8 with a byte-order mark (so spreadsheets read it as UTF-8)."""
    actors = {actor.id: actor.name for actor in timeline.actors}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["id", "title", "when", "start_utc", "end_utc", "precision", "qualifier", "uncertain", "edtf",
                     "kinds", "source_count", "sources", "claim_count", "actors", "disputes", "page"])
    for event in timeline.events:
        time = event.time
        writer.writerow([
            event.id, event.title, describe_time(time, zone), iso_utc(time.start), iso_utc(time.end),
            time.precision.value, time.qualifier.value if time.qualifier else "", "yes" if time.uncertain else "no",
            time.edtf, " ".join(kinds.get(event.id, ())), len(event.sources), "; ".join(event.sources),
            len(event.claims), "; ".join(actors.get(actor, actor) for actor in event.actors), _dispute_text(event),
            f"events/{event.id}.html",
        ])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def content_updated(timeline: Timeline) -> datetime:
    """The latest publication among the sources: the content's own date (never the clock)."""
    if not timeline.sources:
        return datetime(1970, 1, 1, tzinfo=timezone.utc)
    return max(source.published for source in timeline.sources)


def _feed_id(timeline: Timeline, path: str) -> str:
    absolute = _absolute(timeline.site.base_url, path)
    return absolute or f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'mekraid-site:{timeline.site.title}:{path}')}"


def atom_feed(timeline: Timeline, zone: ZoneInfo) -> bytes:
    """feed.xml: an Atom feed of the events in timeline order; dates from the sources, never the clock."""
    site = timeline.site
    sources = {source.id: source for source in timeline.sources}
    esc = saxutils.escape
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={saxutils.quoteattr(site.language)}>',
             f"  <title>{esc(site.title)}</title>",
             f"  <subtitle>{esc(site.incident.name)} · {esc(site.incident.place)}</subtitle>",
             f"  <id>{esc(_feed_id(timeline, 'feed.xml'))}</id>",
             f"  <updated>{iso_utc(content_updated(timeline))}</updated>",
             f"  <author><name>{esc(site.title)}</name></author>",
             f"  <link rel=\"self\" href={saxutils.quoteattr(_absolute(site.base_url, 'feed.xml') or 'feed.xml')}/>",
             f"  <link rel=\"alternate\" type=\"text/html\" "
             f"href={saxutils.quoteattr(_absolute(site.base_url, 'index.html') or 'index.html')}/>",
             "  <generator>mekraid-site</generator>"]
    latest = content_updated(timeline)
    for event in timeline.events:
        path = f"events/{event.id}.html"
        cited = [sources[s] for s in event.sources if s in sources]
        updated = max((source.published for source in cited), default=latest)
        names = ", ".join(source.publisher or "Unknown publisher" for source in cited)
        summary = f"{describe_time(event.time, zone)}. Reported by {len(cited)} source{'s' if len(cited) != 1 else ''}"
        summary += f" ({names})." if names else "."
        if event.disputes:
            summary += f" Sources disagree: {_dispute_text(event)}."
        lines += ["  <entry>",
                  f"    <title>{esc(event.title)}</title>",
                  f"    <id>{esc(_feed_id(timeline, path))}</id>",
                  "    <link rel=\"alternate\" type=\"text/html\" "
                  f"href={saxutils.quoteattr(_absolute(site.base_url, path) or path)}/>",
                  f"    <updated>{iso_utc(updated)}</updated>",
                  f"    <summary>{esc(summary)}</summary>",
                  "  </entry>"]
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _timelinejs_date(time: TimeValue, zone: ZoneInfo, *, last: bool = False) -> dict:
    moment = (max(time.start, time.end - timedelta(microseconds=1)) if last else time.start).astimezone(zone)
    date = {"year": moment.year}
    if time.precision.rank >= Precision.MONTH.rank:
        date["month"] = moment.month
    if time.precision.rank >= Precision.DAY.rank:
        date["day"] = moment.day
    if time.precision.rank >= Precision.HOUR.rank:
        date["hour"] = moment.hour
        date["minute"] = moment.minute
    return date


def timelinejs_json(timeline: Timeline, zone: ZoneInfo, groups: dict[str, str]) -> bytes:
    """timelinejs.json: the events in TimelineJS3's JSON format (local times; text is escaped HTML)."""
    site = timeline.site
    sources = {source.id: source for source in timeline.sources}
    events = []
    for event in timeline.events:
        path = f"events/{event.id}.html"
        link = _absolute(site.base_url, path) or path
        cited = [sources[s] for s in event.sources if s in sources]
        text = (f"<p>Reported by {len(cited)} source{'s' if len(cited) != 1 else ''}: "
                + html.escape(", ".join(source.publisher or "Unknown publisher" for source in cited)) + ".</p>")
        if event.disputes:
            text += f"<p>Sources disagree: {html.escape(_dispute_text(event))}.</p>"
        text += f'<p><a href="{html.escape(link)}">Claims and sources</a></p>'
        item = {"unique_id": event.id, "start_date": _timelinejs_date(event.time, zone),
                "display_date": describe_time(event.time, zone),
                "text": {"headline": html.escape(event.title), "text": text}}
        if event.time.is_range:
            item["end_date"] = _timelinejs_date(event.time, zone, last=True)
        if event.id in groups:
            item["group"] = groups[event.id]
        events.append(item)
    data = {"title": {"text": {"headline": html.escape(site.title),
                               "text": f"<p>{html.escape(site.incident.summary or site.incident.name)}</p>"}},
            "events": events}
    return _compact_json(data, sort_keys=True) + b"\n"


def sitemap_xml(base_url: str, pages: list[str]) -> bytes:
    """sitemap.xml for the given page paths (only built when the site has a base_url)."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"  <url><loc>{saxutils.escape(_absolute(base_url, path))}</loc></url>" for path in sorted(pages)]
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def event_jsonld(timeline: Timeline, event: Event, zone: ZoneInfo, sources: Mapping[str, Source]) -> dict:
    """schema.org Event for an event page, with the sources (by id) that report it (rendered with Jinja's tojson)."""
    site = timeline.site
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": iso_partial(event.time, zone),
        "endDate": iso_partial(event.time, zone, last=True),
        "description": f"{describe_time(event.time, zone)}: {event.title}",
        "location": {"@type": "Place", "name": site.incident.place},
        "subjectOf": [],
    }
    url = _absolute(site.base_url, f"events/{event.id}.html")
    if url:
        data["url"] = url
    for source_id in event.sources:
        source = sources.get(source_id)
        if source is None:
            continue
        article: dict = {"@type": "NewsArticle", "headline": source.title, "datePublished": _source_published(source)}
        if source.publisher:
            article["publisher"] = {"@type": "Organization", "name": source.publisher}
        if source.author:
            article["author"] = {"@type": "Person", "name": source.author}
        if source.url:
            article["url"] = source.url
        data["subjectOf"].append(article)
    return data
