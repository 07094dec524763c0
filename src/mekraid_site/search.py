"""The static search index: a small JavaScript file built with the site.

It assigns one global (``SITE_SEARCH_INDEX``) instead of being fetched as JSON,
so that search works from a page opened from disk as well as from a server.
Entries point at pages by paths relative to the site's root.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from .model import Timeline


def search_index(timeline: Timeline, describe) -> Iterator[bytes]:
    """search-index.js, an entry at a time: [{"k": kind, "t": title, "d": detail, "u": url, "x": more text}].

    In pieces: the whole index as Python objects would take many times its size.
    """
    yield b"window.SITE_SEARCH_INDEX=["
    for index, entry in enumerate(_entries(timeline, describe)):
        yield (b"," if index else b"") + _entry_json(entry)
    yield b"];\n"


def _entries(timeline: Timeline, describe) -> Iterator[dict[str, str]]:
    """The index's entries: events, the quotes of their claims, actors, sources."""
    sources = {source.id: source for source in timeline.sources}
    actors = {actor.id: actor for actor in timeline.actors}
    for event in timeline.events:
        names = " ".join(actors[a].name for a in event.actors if a in actors)
        yield {"k": "event", "t": event.title, "d": describe(event.time), "u": f"events/{event.id}.html",
               "x": " ".join([event.title, describe(event.time), names])}
        for claim in event.claims:
            source = sources.get(claim.source)
            yield {"k": "quote", "t": claim.quote, "d": source.title if source else claim.source,
                   "u": f"sources/{claim.source}.html#{claim.id}"}  # its text to match is its title
    for actor in timeline.actors:
        yield {"k": "actor", "t": actor.name, "d": actor.kind, "u": f"actors/{actor.id}.html",
               "x": " ".join(filter(None, [actor.name, *actor.aliases, actor.description]))}
    for source in timeline.sources:
        publisher = source.publisher or "Unknown publisher"
        yield {"k": "source", "t": source.title, "d": publisher, "u": f"sources/{source.id}.html",
               "x": " ".join(filter(None, [source.title, publisher, source.author]))}


def _entry_json(entry: dict[str, str]) -> bytes:
    """An entry as JSON that is safe inside a script: no markup characters, no JavaScript line breaks."""
    text = json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").encode("utf-8")
