"""The static search index: a small JavaScript file built with the site.

It assigns one global (``SITE_SEARCH_INDEX``) instead of being fetched as JSON,
so that search works from a page opened from disk as well as from a server.
Entries point at pages by paths relative to the site's root.
"""

from __future__ import annotations

import json

from .model import Timeline


def search_index(timeline: Timeline, describe) -> bytes:
    """search-index.js: [{"k": kind, "t": title, "d": detail, "u": url, "x": more text to match, if any}]."""
    sources = {source.id: source for source in timeline.sources}
    actors = {actor.id: actor for actor in timeline.actors}
    entries = []
    for event in timeline.events:
        names = " ".join(actors[a].name for a in event.actors if a in actors)
        entries.append({"k": "event", "t": event.title, "d": describe(event.time), "u": f"events/{event.id}.html",
                        "x": " ".join([event.title, describe(event.time), names])})
        for claim in event.claims:
            source = sources.get(claim.source)
            entries.append({"k": "quote", "t": claim.quote, "d": source.title if source else claim.source,
                            "u": f"sources/{claim.source}.html#{claim.id}"})  # its text to match is its title
    for actor in timeline.actors:
        entries.append({"k": "actor", "t": actor.name, "d": actor.kind, "u": f"actors/{actor.id}.html",
                        "x": " ".join(filter(None, [actor.name, *actor.aliases, actor.description]))})
    for source in timeline.sources:
        publisher = source.publisher or "Unknown publisher"
        entries.append({"k": "source", "t": source.title, "d": publisher, "u": f"sources/{source.id}.html",
                        "x": " ".join(filter(None, [source.title, publisher, source.author]))})
    payload = json.dumps(entries, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    payload = payload.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.SITE_SEARCH_INDEX={payload};\n".encode("utf-8")
