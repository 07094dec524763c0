"""Stage 3, merge: order claims into events on one timeline and find disputes.

Claims about the same happening join one event: their times are compatible
at their precision and they share actors and words. Each claim is compared
only with the events in its own time bucket (a day, or a year for coarser
times), so the stage stays near-linear in the number of claims. Within an
event, figures of one kind that no single value satisfies are a dispute.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from zoneinfo import ZoneInfo

from .extract import Extraction
from .load import slugify
from .model import Claim, Dispute, DisputedValue, Event, Figure, Precision, SiteConfig, Timeline, TimeValue

# Words too common in news to say two claims are about the same thing.
_STOPWORDS = frozenset("""
a about above after again against all also among an and any are as at be because been before being between both
but by can could did do does during each either few for from further had has have having he her here hers him his
how however if in into is it its itself just may might more most much must no nor not now of off on once only or
other our out over own same she should since so some such than that the their them then there these they this
those through to too under until up upon very was we were what when where which while who whom why will with would
you your said says say told reported according claimed stated added also further later earlier still
""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ed", "es", "s")
# How much claims must share (actors and content words) to join one event.
_MIN_SHARED_FINE = 1.0  # day precision or finer, same local day: summed key weights
_MIN_SIMILARITY_COARSE = 0.3  # coarser than a day: Dice similarity of the keys, same value
_TITLE_WORDS = 14


@dataclass
class _Group:
    """An event being built: its claims and the keys they share."""

    claims: list[Claim] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)


def claim_keys(claim: Claim) -> set[str]:
    """What a claim is about: its actors and the stems of its content words."""
    keys = {f"actor:{actor}" for actor in claim.actors}
    text = claim.quote
    for found in claim.timexes:
        text = text.replace(found.text, " ")
    for word in _WORD.findall(text):
        lowered = word.lower().strip("'-")
        if lowered in _STOPWORDS or len(lowered) < 4:
            continue
        keys.add(_stem(lowered))
    for figure in claim.figures:
        keys.add(f"figure:{figure.kind}")
    return keys


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _is_fine(time: TimeValue) -> bool:
    return time.precision.rank >= Precision.DAY.rank and not time.is_range


def _bucket(time: TimeValue, zone: ZoneInfo) -> str:
    """The time bucket a claim is compared in: its local day, or its value when coarser."""
    if _is_fine(time):
        return "day:" + time.start.astimezone(zone).date().isoformat()
    return f"value:{time.edtf}:{time.qualifier.value if time.qualifier else ''}"


def _shared_weight(keys: set[str], group_keys: set[str], weights: dict[str, float]) -> float:
    return sum(weights.get(key, 1.0) for key in keys & group_keys)


def merge(extraction: Extraction, site: SiteConfig) -> Timeline:
    """Join the claims of all sources into events, ordered in time, with disputes."""
    zone = ZoneInfo(site.incident.timezone)
    sources = [analysis.source for analysis in extraction.analyses]
    ordered_sources = sorted(sources, key=lambda source: (source.published, source.id))
    by_source = {analysis.source.id: analysis for analysis in extraction.analyses}
    claims = [claim for source in ordered_sources for claim in by_source[source.id].claims]
    keys = {claim.id: claim_keys(claim) for claim in claims}
    weights = _key_weights(keys.values())

    groups: list[_Group] = []
    buckets: dict[str, list[_Group]] = defaultdict(list)
    for claim in claims:
        bucket = buckets[_bucket(claim.time, zone)]
        group = _best_group(claim, keys[claim.id], bucket, weights)
        if group is None:
            group = _Group()
            groups.append(group)
            bucket.append(group)
        group.claims.append(claim)
        group.keys |= keys[claim.id]

    events = [_event(group.claims) for group in groups]
    events.sort(key=lambda event: (event.time.start, event.time.precision.rank, event.id))
    mentioned = {actor_id for analysis in extraction.analyses for actor_id in analysis.mentioned}
    actors = tuple(actor for actor in extraction.actors if actor.id in mentioned)
    return Timeline(
        site=site,
        sources=tuple(ordered_sources),
        actors=actors,
        events=_unique_ids(events),
        claims=tuple(claims),
    )


def _key_weights(all_keys) -> dict[str, float]:
    """Rarer keys say more: inverse document frequency over claims."""
    counts: dict[str, int] = defaultdict(int)
    total = 0
    for keys in all_keys:
        total += 1
        for key in keys:
            counts[key] += 1
    return {key: math.log(1 + total / count) / math.log(1 + total) for key, count in counts.items()} if total else {}


def _best_group(claim: Claim, keys: set[str], bucket: list[_Group], weights: dict[str, float]) -> _Group | None:
    """The event in the claim's bucket that it belongs to, if any."""
    best, best_score = None, 0.0
    for group in bucket:
        last = group.claims[-1]
        if last.source == claim.source and claim.time is last.time:
            return group  # the text carried its time over: same happening
        if _is_fine(claim.time):
            score = _shared_weight(keys, group.keys, weights)
            if score < _MIN_SHARED_FINE:
                continue
        else:
            union = len(keys) + len(group.keys)
            score = 2 * len(keys & group.keys) / union if union else 0.0
            if score < _MIN_SIMILARITY_COARSE:
                continue
        if score > best_score:
            best, best_score = group, score
    return best



def _event(claims: list[Claim]) -> Event:
    """An event from its claims: the anchor claim names it, the finest time dates it."""
    anchor = claims[0]
    finest = max(claim.time.precision.rank for claim in claims)
    time = min((claim.time for claim in claims if claim.time.precision.rank == finest), key=lambda t: t.start)
    ordered = sorted(claims, key=lambda claim: (claim.time.start, claim.time.precision.rank))
    title = event_title(anchor)
    return Event(
        id=f"{_date_slug(time)}-{slugify(' '.join(title.split()[:6]))}",
        title=title,
        time=time,
        claims=tuple(ordered),
        sources=tuple(dict.fromkeys(claim.source for claim in claims)),
        actors=tuple(dict.fromkeys(actor for claim in claims for actor in claim.actors)),
        disputes=find_disputes(ordered),
    )


def _date_slug(time: TimeValue) -> str:
    """The date part of an event id: "1986", "2013-to-2016", "until-2016", "2023-06-20"."""
    named = [part.split("T")[0] for part in time.edtf.split("/") if part not in ("", "..")]
    words = [time.qualifier.value] if time.qualifier and time.qualifier.value != "approximate" else []
    return slugify(" ".join(words + [" to ".join(named)]))


def _unique_ids(events: list[Event]) -> tuple[Event, ...]:
    """Give events that would share an id a numbered one, in timeline order."""
    seen: dict[str, int] = defaultdict(int)
    unique = []
    for event in events:
        seen[event.id] += 1
        if seen[event.id] > 1:
            event = replace(event, id=f"{event.id}-{seen[event.id]}")
        unique.append(event)
    return tuple(unique)


_LEADING_ADVERB = re.compile(
    r"^(?:However|Meanwhile|Tragically|Later|Earlier|Then|Also|Moreover|Furthermore|Still|Since then|Ever since"
    r"|Since that time|At that time|By then),\s+"
)
_LEADING_PHRASE = re.compile(r"^(?:After|Before|During|Following|Despite|Amid|In|On|At|Under|With)\s[^,]{3,60},\s+")
_REPORT_FRAME = re.compile(
    r"^(?:reports?|news|word|footage|images)\s+(?:began\s+to\s+|started\s+to\s+)?"
    r"(?:emerge[sd]?|came|surfaced|circulated)\s+(?:out\s+)?that\s+",
    re.IGNORECASE,
)
_TIME_PREPOSITION = re.compile(
    r"(?:\b(?:in|on|at|by|since|until|from|between|during|after|before|around|about|approximately)\s+)*$",
    re.IGNORECASE,
)
_TITLE_BREAK = re.compile(r",(?!\d)|;|:|\s+(?:due to|because|which|who|when|while|as|after|before|although|but)\s+")


def event_title(claim: Claim) -> str:
    """A short title from a claim: the main clause without its date, cut at a clause boundary."""
    text = _LEADING_ADVERB.sub("", claim.quote)
    if claim.time_text and claim.time_text in text:
        at = text.index(claim.time_text)
        opening = text.find(", ")
        if 0 <= opening < 60 and at < opening:
            text = text[opening + 2:]  # "In 1986, Paris expelled ...": drop the opening time phrase
        else:
            text = _TIME_PREPOSITION.sub("", text[:at]).rstrip() + " " + text[at + len(claim.time_text):].lstrip()
    text = " ".join(text.split())
    text = _LEADING_PHRASE.sub("", text)
    text = _REPORT_FRAME.sub("", text)
    words_needed = 3
    for boundary in _TITLE_BREAK.finditer(text):
        if len(text[: boundary.start()].split()) >= words_needed:
            text = text[: boundary.start()]
            break
    words = text.split()
    if len(words) > _TITLE_WORDS:
        text = " ".join(words[:_TITLE_WORDS]) + "…"
    text = text.strip().rstrip(".,;:")
    return text[:1].upper() + text[1:] if text else "Untitled event"


def figure_bounds(figure: Figure) -> tuple[float, float]:
    """The counts a figure allows: "more than 100" is (101, inf)."""
    value = figure.value
    return {
        "exact": (value, value),
        "at_least": (value, math.inf),
        "more_than": (value + 1, math.inf),
        "about": (value * 0.9, value * 1.1),
        "nearly": (value * 0.9, value),
        "up_to": (0, value),
        "several": (value, math.inf),
    }.get(figure.qualifier, (value, value))


def figure_label(figure: Figure) -> str:
    """A figure as a reader says it: "at least 1", "more than 100", "36"."""
    prefix = {
        "at_least": "at least ", "more_than": "more than ", "about": "about ",
        "nearly": "nearly ", "up_to": "up to ",
    }.get(figure.qualifier, "")
    if figure.qualifier == "several":
        return figure.text.split()[0].lower() if figure.text else f"at least {figure.value:,}"
    return f"{prefix}{figure.value:,}"


def find_disputes(claims: list[Claim]) -> tuple[Dispute, ...]:
    """Figures of one kind that no single count satisfies, given by different claims."""
    by_kind: dict[str, list[tuple[Claim, Figure]]] = defaultdict(list)
    for claim in claims:
        first_of_kind: dict[str, Figure] = {}
        for figure in claim.figures:
            first_of_kind.setdefault(figure.kind, figure)  # one value per claim and kind
        for kind, figure in first_of_kind.items():
            if kind != "age":
                by_kind[kind].append((claim, figure))
    disputes = []
    for kind in sorted(by_kind):
        given = by_kind[kind]
        low = max(figure_bounds(figure)[0] for _, figure in given)
        high = min(figure_bounds(figure)[1] for _, figure in given)
        if len(given) < 2 or low <= high:
            continue
        values: dict[str, list[str]] = {}
        for claim, figure in given:
            values.setdefault(figure_label(figure), []).append(claim.id)
        disputes.append(Dispute(about=kind, values=tuple(DisputedValue(v, tuple(ids)) for v, ids in values.items())))
    return tuple(disputes)
