"""Machine-readable exports of the timeline, built as bytes (part of the render stage)."""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

from .display import describe_time, iso_utc
from .model import Timeline, TimeValue


def timeline_json(timeline: Timeline, zone: ZoneInfo) -> bytes:
    """The machine-readable timeline (schema in docs/timeline-json.md)."""
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

    site = timeline.site
    data = {
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
                "published": source.published.isoformat() if source.published_has_time else source.published.date().isoformat(),
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
        "events": [
            {
                "id": event.id,
                "title": event.title,
                "when": when(event.time),
                "sources": list(event.sources),
                "actors": list(event.actors),
                "claims": [
                    {
                        "id": claim.id, "source": claim.source, "claimant": claim.claimant, "quote": claim.quote,
                        "start": claim.start, "end": claim.end, "time_text": claim.time_text, "when": when(claim.time),
                        "actors": list(claim.actors),
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
                "page": f"events/{event.id}.html",
            }
            for event in timeline.events
        ],
    }
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
