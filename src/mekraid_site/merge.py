"""Stage 3, merge: order claims into events on one timeline and find disputes.

Claims about the same happening join one event: their times are compatible
at their precision and they share actors and words (rare ones count more,
and in a large event those that few of its claims have count less, so an
event does not snowball into everything said of its day) or, on one day, most
of their words (the same sentence in many sources). Each claim is compared
only with a bounded number of events of its own time (its local day, or its
value when coarser) that share one of its keys, so the stage stays linear in
the number of claims; a clearly matching event of a neighbouring day or year,
from another source, is the same happening dated differently. Within an
event, figures of one kind that no single value satisfies are a dispute, and
so are the different dates of one happening.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from operator import attrgetter
from zoneinfo import ZoneInfo

from . import annotations
from .errors import ContentError, Problem
from .extract import Extraction, SourceAnalysis
from .figures import VAGUE_WORDS, household_noun
from .load import slugify
from .model import (
    Claim,
    Dispute,
    DisputedValue,
    Event,
    EventFix,
    Figure,
    Precision,
    Qualifier,
    SiteConfig,
    Timeline,
    TimeValue,
)
from .prose import prose_of

# Words too common in news to say two claims are about the same thing.
_STOPWORDS = frozenset("""
a about above after again against all also among an and any are as at be because been before being between both
but by can could did do does during each either few for from further had has have having he her here hers him his
how however if in into is it its itself just may might more most much must no nor not now of off on once only or
other our out over own same she should since so some such than that the their them then there these they this
those through to too under until up upon very was we were what when where which while who whom why will with would
you your said says say told reported according claimed stated added also further later earlier still
""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
_SUFFIXES = ("ations", "ation", "itions", "ition", "ments", "ment", "ings", "ing", "ied", "ies", "ed", "es", "s", "e")
# Words news uses for one kind of happening, joined so that "founded" meets "established".
_SYNONYMS = (
    "establish found form create",
    "relocate move transfer resettle",
    "kill die dead death",
    "injure wound hurt",
    "arrest detain",
    "expel evict deport",
    "attack assault",
    "raid search operation",
    "agree agreement deal accord",
    "designate list blacklist",
    "ceasefire truce",
)
# How much claims must share (actors and content words) to join one event.
# Day precision or finer, same local day: summed key weights (inverse document frequencies). About one key
# of 1 claim in 32, or two of 1 in 5, or three of 1 in 2.5: the same however many claims there are.
_MIN_SHARED_FINE = 3.5
# A key of a group counts in full when this share of its claims have it, less in proportion when fewer do.
_KEY_SHARE_IN_FULL = 0.05
# Or, the same local day, most keys in common (Dice similarity): the same sentence in many sources, wire copy,
# whose words are common in the collection just because so many sources repeat it.
_MIN_SIMILARITY_FINE = 0.6
_MIN_SIMILARITY_COARSE = 0.3  # coarser than a day, same value: Dice similarity of the keys
_MIN_SIMILARITY_NEAR = 0.4  # a neighbouring day or year, another source: a date dispute
_NEAR_DAYS, _NEAR_YEARS = 3, 2
# How many of the newest groups sharing a key a claim is compared with: bounds the work on busy days.
_MAX_POSTINGS = 32
_TITLE_WORDS = 14
# An event keeps the address each of its earliest sources would give it, for when a newly added, older article
# takes the lead: that many sources, not all, or an event that a thousand sources report would have a thousand
# addresses, each a page.
_ALIAS_SOURCES = 5


@functools.lru_cache(maxsize=1 << 16)  # news repeats its words: most stems are looked up, not made
def _stem(word: str) -> str:
    """A crude stem, enough to join inflections: "relocated", "relocation" -> "relocat"."""
    word = word.lower().removesuffix("'s").removesuffix("’s")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix in ("ied", "ies") else "")
            break
    return _SYNONYM_OF.get(word, word)


_SYNONYM_OF: dict[str, str] = {}
for _group in _SYNONYMS:
    _stems = [_stem(word) for word in _group.split()]
    _SYNONYM_OF.update({stem: _stems[0] for stem in _stems})


@dataclass(eq=False)  # compared and hashed by identity: a set of groups holds each group once
class _Group:
    """An event being built: its claims, and how many of them have each key."""

    order: int  # when it was made: ties go to the older group
    times: list[tuple[str, object]]  # the time keys it is found under
    claims: list[Claim] = field(default_factory=list)
    key_counts: dict[str, int] = field(default_factory=dict)  # key -> how many of the claims have it
    sources: set[str] = field(default_factory=set)

    def add(self, claim: Claim, keys: tuple[str, ...]) -> None:
        self.claims.append(claim)
        counts = self.key_counts
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
        self.sources.add(claim.source)


def claim_keys(claim: Claim) -> set[str]:
    """What a claim is about: its actors, the stems of its content words, its figure kinds."""
    # Interned: hundreds of thousands of claims name the same few actors and figure kinds.
    keys = {sys.intern(f"actor:{actor}") for actor in claim.actors}
    # An actor counts once: "Varga" is the actor selma-varga, not also a word.
    names = {part for actor in claim.actors for part in actor.split("-")}
    text = claim.quote.replace(claim.time_text, " ") if claim.time_text else claim.quote
    for word in _WORD.findall(text):
        content = _content_word(word)
        if content is not None and content[0] not in names:
            keys.add(content[1])
    keys.update(sys.intern(f"figure:{figure.kind}") for figure in claim.figures)
    return keys


@functools.lru_cache(maxsize=1 << 16)
def _content_word(word: str) -> tuple[str, str] | None:
    """A word as claim_keys compares it with actor names, and its stem; None for stopwords and short words."""
    lowered = word.lower().strip("'-")
    if lowered in _STOPWORDS or len(lowered) < 3:
        return None
    return lowered, _stem(lowered)


def _is_fine(time: TimeValue) -> bool:
    return time.precision.rank >= Precision.DAY.rank and not time.is_range


class _Clusterer:
    """Joins claims into groups, comparing each only with groups of its own or a neighbouring time.

    Within a time, a claim meets only groups that share one of its keys,
    found through posting lists; each list is read from its newest end and
    only so far, so the work per claim stays bounded however many claims a
    busy day gathers.
    """

    def __init__(self, zone: ZoneInfo, weights: dict[str, float]) -> None:
        self.zone = zone
        self.weights = weights
        self.groups: list[_Group] = []
        # time key -> content key -> groups with that key; time keys: ("same", day or value), ("day", n), ("year", n)
        self._postings: dict[tuple[str, object], dict[str, list[_Group]]] = defaultdict(lambda: defaultdict(list))
        self._group_of_claim: dict[str, _Group] = {}

    def add(self, claim: Claim, keys: tuple[str, ...]) -> None:
        """Put a claim into the group of its happening, or a new one; keys: claim_keys, sorted."""
        fine = _is_fine(claim.time)
        same = self._same_key(claim.time, fine)
        near = self._near_key(claim.time, fine)
        group = (self._continued(claim) or self._best_same(same, fine, keys)
                 or (self._best_near(claim.source, near, keys) if near else None))
        if group is None:
            group = _Group(len(self.groups), [("same", same)] + ([near] if near else []))
            self.groups.append(group)
        for key in keys:
            if key in group.key_counts:
                continue
            for time_key in group.times:
                self._postings[time_key][key].append(group)
        group.add(claim, keys)
        self._group_of_claim[claim.id] = group

    def _continued(self, claim: Claim) -> _Group | None:
        """The text carried its time over from an earlier claim: the same happening."""
        return self._group_of_claim.get(claim.follows) if claim.follows else None

    def _candidates(self, time_key: tuple[str, object], keys: tuple[str, ...]) -> Iterable[_Group]:
        """Groups at this time that share a key with the claim (per key only the newest few), in no set order."""
        postings = self._postings.get(time_key)
        if postings is None:
            return ()
        return {group for key in keys for group in postings.get(key, ())[-_MAX_POSTINGS:]}

    def _best_same(self, same: str, fine: bool, keys: tuple[str, ...]) -> _Group | None:
        best: _Group | None = None
        best_score = 0.0
        weight = self.weights.__getitem__
        threshold = _MIN_SHARED_FINE if fine else _MIN_SIMILARITY_COARSE
        for group in self._candidates(("same", same), keys):
            shared = group.key_counts.keys() & keys
            if fine:
                # A key that few of a large group's claims have weighs less: a group that has gathered
                # several happenings does not draw in every claim that shares a key with one of them.
                # fsum is exactly rounded: the same float whatever order the set gives the keys in.
                counts, enough = group.key_counts, len(group.claims) * _KEY_SHARE_IN_FULL
                score = math.fsum([weight(key) * min(1.0, counts[key] / enough) for key in shared])
                if score < threshold and 2 * len(shared) >= _MIN_SIMILARITY_FINE * (len(keys) + len(counts)):
                    score = threshold  # repeated words: too common to weigh much, but the claims say the same
            else:
                score = 2 * len(shared) / (len(keys) + len(group.key_counts))
            if score >= threshold and _better(group, score, best, best_score):
                best, best_score = group, score
        return best

    def _best_near(self, source: str, near: tuple[str, int], keys: tuple[str, ...]) -> _Group | None:
        """A group of another source, a few days or years off, about clearly the same happening."""
        unit, position = near
        reach = _NEAR_DAYS if unit == "day" else _NEAR_YEARS
        content = [key for key in keys if not key.startswith("actor:")]
        best: _Group | None = None
        best_score = 0.0
        for offset in range(-reach, reach + 1):
            if not offset:
                continue
            # Days in order, older groups first: on a tie the first found stays.
            for group in sorted(self._candidates((unit, position + offset), keys), key=attrgetter("order")):
                if source in group.sources or group.key_counts.keys().isdisjoint(content):
                    continue  # sharing actors only is not enough across days
                score = 2 * len(group.key_counts.keys() & keys) / (len(keys) + len(group.key_counts))
                if score >= _MIN_SIMILARITY_NEAR and score > best_score:
                    best, best_score = group, score
        return best

    def _same_key(self, time: TimeValue, fine: bool) -> str:
        if fine:
            return "day:" + time.start.astimezone(self.zone).date().isoformat()
        return f"value:{time.edtf}:{time.qualifier.value if time.qualifier else ''}"

    def _near_key(self, time: TimeValue, fine: bool) -> tuple[str, int] | None:
        if time.qualifier is Qualifier.BY:
            return None  # "by Tuesday it had burned 4,000 acres", "by Thursday 15,600": a state, as of each day
        if fine:
            return "day", time.start.astimezone(self.zone).date().toordinal()
        if time.precision is Precision.YEAR and not time.is_range and time.qualifier is None:
            return "year", _middle(time).year
        return None


def _better(group: _Group, score: float, best: _Group | None, best_score: float) -> bool:
    """Whether group beats the best so far: a higher score, or the same score and older."""
    return score > best_score or (score == best_score and best is not None and group.order < best.order)


def _middle(time: TimeValue):
    return time.start + (time.end - time.start) / 2


def _sort_start(time: TimeValue) -> datetime:
    """Where a time takes its place on the timeline: "late August" after 20 August, not on the 1st."""
    part = _PART_OF_INTERVAL.get(time.qualifier)
    return time.start + (time.end - time.start) * part if part else time.start


_PART_OF_INTERVAL = {Qualifier.MID: 1 / 3, Qualifier.LATE: 2 / 3}  # where "mid-" and "late" begin


def merge(extraction: Extraction, site: SiteConfig, fixes: tuple[EventFix, ...] = ()) -> Timeline:
    """Join the claims of all sources into events, ordered in time, with disputes.

    Curators' event corrections (titles, joins, splits) are applied last;
    ContentError for those that do not fit.
    """
    zone = ZoneInfo(site.incident.timezone)
    sources = [analysis.source for analysis in extraction.analyses]
    ordered_sources = sorted(sources, key=lambda source: (source.published, source.id))
    by_source = {analysis.source.id: analysis for analysis in extraction.analyses}
    claims = [claim for source in ordered_sources for claim in by_source[source.id].claims]
    groups, titles = _apply_event_fixes(_cluster(claims, zone), fixes, by_source)

    read_at = {claim.id: index for index, claim in enumerate(claims)}
    # Each event with where its first claim was read: the order in which the events were first reported.
    events = [(_event(claims_of_event, zone, titles), read_at[claims_of_event[0].id]) for claims_of_event in groups]
    events.sort(key=lambda made: (_sort_start(made[0].time), made[0].time.precision.rank, made[0].id))
    mentioned = {actor_id for analysis in extraction.analyses for actor_id in analysis.mentioned}
    actors = tuple(actor for actor in extraction.actors if actor.id in mentioned)
    return Timeline(
        site=site,
        sources=tuple(ordered_sources),
        actors=actors,
        events=_unique_ids(events),
        claims=tuple(claims),
    )


def _cluster(claims: list[Claim], zone: ZoneInfo) -> list[list[Claim]]:
    """The claims of each group the clusterer makes, in the order the groups were made.

    Only the claims leave: the keys and posting lists, a large part of the
    stage's memory, are gone before the events are built.
    """
    # Sorted tuples: a quarter of the memory of sets, and an order that does not depend on the hash seed.
    keys = [tuple(sorted(claim_keys(claim))) for claim in claims]
    clusterer = _Clusterer(zone, _key_weights(keys))
    for claim, keys_of_claim in zip(claims, keys, strict=True):
        clusterer.add(claim, keys_of_claim)
    return [group.claims for group in clusterer.groups]


def _apply_event_fixes(
    groups: list[list[Claim]], fixes: tuple[EventFix, ...], analyses: dict[str, SourceAnalysis]
) -> tuple[list[list[Claim]], dict[str, str]]:
    """The groups' claims split and joined as curators say, and the titles they set, by claim id."""
    problems: list[Problem] = []

    def claim_of(source_id: str, quote: str, fix: EventFix) -> Claim | None:
        analysis = analyses.get(source_id)
        if analysis is None:
            problems.append(Problem(fix.path, fix.line, f"no article '{source_id}'", "use an article's slug"))
            return None
        try:
            start, end = annotations.quote_span(prose_of(analysis.source.body), quote, fix.path, fix.line,
                                                analysis.source.path)
        except ContentError as error:
            problems.extend(error.problems)
            return None
        holders = [claim for claim in analysis.claims if claim.start <= start and end <= claim.end]
        if not holders:
            problems.append(Problem(fix.path, fix.line, f"the quoted words are in no claim of {analysis.source.path}",
                                    "quote words of a claim (the source page highlights them)"))
            return None
        return min(holders, key=lambda claim: claim.end - claim.start)

    members = [list(group) for group in groups]
    order = {claim.id: index for index, claim in enumerate(claim for group in groups for claim in group)}
    place = {claim.id: index for index, group in enumerate(members) for claim in group}
    titles: dict[str, str] = {}
    for fix in fixes:
        found = [claim_of(source_id, quote, fix) for source_id, quote in fix.join] if fix.join else []
        targets = list(dict.fromkeys(place[claim.id] for claim in found if claim))
        for other in targets[1:]:
            for claim in members[other]:
                place[claim.id] = targets[0]
            members[targets[0]] += members[other]
            members[other] = []
        if fix.join:
            continue
        claim = claim_of(fix.source, fix.quote, fix)
        if claim is None:
            continue
        if fix.split and len(members[place[claim.id]]) > 1:
            members[place[claim.id]].remove(claim)
            members.append([claim])
            place[claim.id] = len(members) - 1
        if fix.title:
            titles[claim.id] = fix.title.strip()
    if problems:
        raise ContentError(problems)
    # Claims keep the order they were read in, so an event's first claim is its earliest source's.
    return [sorted(group, key=lambda claim: order[claim.id]) for group in members if group], titles


def _key_weights(all_keys) -> dict[str, float]:
    """Rarer keys say more: inverse document frequency over claims.

    Not scaled by the number of claims: a key's weight depends only on the
    share of claims that have it, so two claims that join in a small
    collection still join when it has grown a hundredfold.
    """
    counts: dict[str, int] = defaultdict(int)
    total = 0
    for keys in all_keys:
        total += 1
        for key in keys:
            counts[key] += 1
    return {key: math.log(1 + total / count) for key, count in counts.items()}


def _event(claims: list[Claim], zone: ZoneInfo, titles: dict[str, str]) -> Event:
    """An event from its claims: the first claim of the earliest source names it, the best-supported time dates it."""
    anchor = claims[0]
    dates = _date_groups(claims, zone)
    agreed = max(dates.values(), key=lambda group: len({claim.source for claim in group}))
    finest = max(claim.time.precision.rank for claim in agreed)
    time = min((claim.time for claim in agreed if claim.time.precision.rank == finest), key=lambda t: t.start)
    ordered = sorted(claims, key=lambda claim: (claim.time.start, claim.time.precision.rank))
    disputes = find_disputes(ordered)
    if len(dates) > 1:
        disputes += (Dispute(about="date", values=tuple(
            DisputedValue(label, tuple(claim.id for claim in group)) for label, group in sorted(dates.items())
        )),)
    first_of_earliest_sources: dict[str, Claim] = {}
    for claim in claims:  # in the order they were read: sources by publication
        first_of_earliest_sources.setdefault(claim.source, claim)
        if len(first_of_earliest_sources) == _ALIAS_SOURCES:
            break
    event_id = _claim_event_id(anchor)
    title = next((titles[claim.id] for claim in claims if claim.id in titles), None)
    return Event(
        id=event_id,
        # A first claim that is nothing but its time ("Around the beginning of July.") lends the next one's title.
        title=title or next((text for claim in claims if (text := event_title(claim)) != UNTITLED), UNTITLED),
        time=time,
        claims=tuple(ordered),
        sources=tuple(dict.fromkeys(claim.source for claim in claims)),
        actors=tuple(dict.fromkeys(actor for claim in claims for actor in claim.actors)),
        disputes=disputes,
        aliases=tuple(sorted({_claim_event_id(claim) for claim in first_of_earliest_sources.values()} - {event_id})),
        same_words=same_words(claims),
    )


def same_words(claims: Iterable[Claim]) -> tuple[tuple[str, ...], ...]:
    """The ids of claims that two or more sources tell in the same words, a group per wording, in the claims' order.

    Same words means the same words in the same order, whatever the case,
    punctuation or spacing: a copy desk's commas do not make a new account.
    """
    by_words: dict[tuple[str, ...], list[Claim]] = {}
    for claim in claims:
        by_words.setdefault(tuple(_WORD_RUN.findall(claim.quote.casefold())), []).append(claim)
    return tuple(tuple(claim.id for claim in group) for words, group in by_words.items()
                 if words and len({claim.source for claim in group}) > 1)


_WORD_RUN = re.compile(r"\w+")  # any word, of any length and script


def _claim_event_id(claim: Claim) -> str:
    """The id an event gets when this claim names it: its date and the first words of its title.

    Only the claim decides it, so the id stays while other sources join the
    event; the first claims of the next earliest sources give the event's
    aliases, which keep working if a new, earlier source takes the lead.
    """
    return f"{_date_slug(claim.time)}-{_title_slug(_titled_text(claim), claim.time_text)}"


@functools.lru_cache(maxsize=1 << 14)  # reports repeat their sentences; each source's first claim is asked for
def _title_slug(text: str, time_text: str) -> str:
    return slugify(" ".join(_title(text, time_text).split()[:6]))


def _date_groups(claims: list[Claim], zone: ZoneInfo) -> dict[str, list[Claim]]:
    """Claims grouped by the date they give: a local day, or a coarser value; one group when all agree."""
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[_date_label(claim.time, zone)].append(claim)
    labels = sorted(groups, key=lambda label: groups[label][0].time.start)
    merged: dict[str, list[Claim]] = {}
    for label in labels:
        # Overlapping times agree: "June 2023" and "20 June 2023" are one date at different precisions.
        home = next((known for known in merged if _overlap(merged[known][0].time, groups[label][0].time)), None)
        if home is None:
            merged[label] = list(groups[label])
        else:
            merged[home] += groups[label]
    return merged


def _date_label(time: TimeValue, zone: ZoneInfo) -> str:
    if _is_fine(time):
        return time.start.astimezone(zone).date().isoformat()
    return time.edtf


def _overlap(first: TimeValue, second: TimeValue) -> bool:
    return first.start < second.end and second.start < first.end


def _date_slug(time: TimeValue) -> str:
    """The date part of an event id: "1986", "2013-to-2016", "until-2016", "2023-06-20"."""
    return _date_slug_of(time.edtf, time.qualifier)


@functools.lru_cache(maxsize=1 << 14)  # a collection names a few thousand distinct times
def _date_slug_of(edtf: str, qualifier: Qualifier | None) -> str:
    named = [part.split("T")[0] for part in edtf.split("/") if part not in ("", "..")]
    words = [qualifier.value] if qualifier and qualifier.value != "approximate" else []
    return slugify(" ".join(words + [" to ".join(named)]))


def _unique_ids(events: list[tuple[Event, int]]) -> tuple[Event, ...]:
    """The events, those that would share an id numbered in the order they were first reported.

    events: each event with the place its first claim was read at. Numbered
    by report, not by date, so that a newer article's events take the next
    numbers and the events already there keep their addresses.
    """
    unique = [event for event, _ in events]
    seen: dict[str, int] = defaultdict(int)
    for index in sorted(range(len(events)), key=lambda index: events[index][1]):
        event = unique[index]
        seen[event.id] += 1
        if seen[event.id] > 1:
            unique[index] = replace(event, id=f"{event.id}-{seen[event.id]}")
    return tuple(unique)


_LEADING_ADVERB = re.compile(
    r"^(?:However|Meanwhile|Tragically|Later|Earlier|Then|Also|Moreover|Furthermore|Still|Since then|Ever since"
    r"|Since that time|At that time|By then),\s+"
)
# The second claim of "..., the coast guard said, adding that the search would end on Thursday": what was added.
_REPORTING_PARTICIPLE = re.compile(r"^(?:adding|saying|noting|warning|stressing|explaining|insisting|claiming)"
                                   r"\s+(?:that\s+)?", re.IGNORECASE)
# A sentence that opens with its time: "In 1986, ...", "On Tuesday, ...", "Early on Monday, ...".
# (Either case: after a leading adverb, "However, after the 1979 revolution, ...", the phrase is in lower case.)
_OPENING_TIME = re.compile(
    r"(?:In|On|At|By|Since|Until|From|Between|During|After|Before|Around|About|Approximately|Early|Late|Last|As\s+of|"
    r"This|Next|Earlier|Later|Shortly|Just)\b|\d", re.IGNORECASE
)
_LEADING_PHRASE = re.compile(r"^(?:After|Before|During|Following|Despite|Amid|In|On|At|Under|With|According\s+to)"
                             r"\s[^,]{3,60},\s+", re.IGNORECASE)  # "According to the Red Cross, 14 were hurt"
_REPORT_FRAME = re.compile(
    r"^(?:reports?|news|word|footage|images)\s+(?:began\s+to\s+|started\s+to\s+)?"
    r"(?:emerge[sd]?|came|surfaced|circulated)\s+(?:out\s+)?that\s+",
    re.IGNORECASE,
)
# Who said it, before what was said: "Arben Kola, who represents residents, said hearings could begin".
_SPEAKER_FRAME = re.compile(
    r"^(?:(?=\S*\w)[\w'’.-]+\s+){0,9}?(?=\S*\w)[\w'’.-]+(?:,[^,;]{1,80},)?\s+"
    r"(?:said|says|told\s+(?:reporters|journalists|parliament|lawmakers|the\s+\w+)"
    r"|(?:told|tells)\s+(?:[\w'’.-]+\s+){0,2}[\w'’.-]+(?=\s+that\b)"  # "tells Portuguese TV that"
    r"|(?:posted|wrote)\s+(?:on|to)\s+[\w.]+(?=\s+that\b)"  # "posted on Facebook that"
    r"|(?:confirmed|announced|reported|stated)(?=\s+that\b))"  # not "police confirmed two deaths"
    # "... said at 10.30 local time on Friday that the group would ...": the time of saying goes too
    r"(?:\s+that|\s+(?:on|at|in|late|early|last|this)\b[^,\"“]{0,40}?\s+that)?\s+"
)
# "..., the port said.", "..., according to officials.": who says so, after what happened
_TRAILING_SOURCE = re.compile(
    r",\s+(?:(?:[^,]{1,60}?\s+)?(?:said|says|reported|added)"
    # "said on Wednesday", "said Tuesday"
    r"(?:\s+(?:on|in|at|late|early|last|this)\b[^,]{0,30}|\s+(?:yesterday|today|tonight|[A-Z][a-z]+day))?"
    r"|according\s+to\s+[^,]{1,60})\.?$")
# "14:30 – Management calls police" (a timeline's entry), "21:00 hours, the ministry reports"
_ENTRY_TIME = re.compile(r"^(?:\d{1,2}[:.]\d\d\s*(?:hours|hrs)?\s*[–—,-]+|[–—-]+)\s*")
_LABEL = re.compile(r"^(?:[Tt]he\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Za-z][\w.'’&-]*){0,5}:\s+(?=\S)")
# "the Ministry of Mining reports: 20 workers rescued": what is reported, not who reports it
_COLON_FRAME = re.compile(r"^[^:\"“]{1,80}\b(?:reports?|said|says|announced|states?|confirmed)\s*:\s+(?=\S)")
_EMPTY_COMMAS = re.compile(r",\s*,")  # "Wednesday's collapse, at 4:50 a.m., trapped": the time went, its commas too
_PARTICIPLE = r"(?:[a-z]{3,}ed|built|born|made|written|known|founded)\s+(?:in|on|during|around|about)\s+"
_PARTICIPLE_BEFORE = re.compile(r",\s+" + _PARTICIPLE + r"(?:the\s+)?$")
# "the bridge, built in 1885, was ...", "the gunman, identified as Tyler Moss, crashed ...": an aside about the subject
_PARTICIPLE_ASIDE = re.compile(r",\s+(?:" + _PARTICIPLE + r"|(?:[a-z]{3,}ed|known)\s+as\s+)[^,]{1,40},")
_THE_BEFORE = re.compile(r"\b(?:on|at|in|by|during|until|since|from|after|before)\s+the\s+$", re.IGNORECASE)
_NOT_ATTRIBUTIVE_AFTER = re.compile(r"\s*(?:[,.;:!?]|$)|\s+(?:before|after|when|that|of|in|on|at|and|but)\b")
_DANGLING_ADVERB = re.compile(r"\s+(?:shortly|just|right|soon)$", re.IGNORECASE)
_SPENT = re.compile(r"\b(?:spent|spend|spends|spending)\s+$")
_POSSESSIVE = re.compile(r"['’]s\b")
_TICKER = re.compile(r"\s*\((?:NYSE|NASDAQ|Nasdaq|LSE|TSX|ASX|Euronext|FTSE)\s*:[^()]{1,12}\)")  # "(NYSE: NSC)"
_EMPTY_PARENTHESES = re.compile(r"\s*\(\s*\)")
_CLOCK_IN_PARENTHESES = re.compile(  # "(0430 GMT)", "(3pm Singapore time)"
    r"\s*\((?:\d{1,2}[:.]\d\d(?:\s*[A-Z]{1,5})?|\d{3,4}\s*[A-Z]{2,5}|\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?(?:\s*[A-Z]{1,5})?)"
    r"(?:\s+(?:[A-Z][a-z]+\s+){1,2}time)?\)")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,;:.])")
_AGE_ASIDE = re.compile(r",\s+(?:aged\s+)?\d{1,3},(?=\s)")
_AGE_IN_APPOSITION = re.compile(r"(,\s+[^,]{1,60}),\s+(?:aged\s+)?\d{1,3},(?=\s)")  # "A resident, Ana Ruiz, 71, said"
_EMPTY_QUOTES = re.compile(r"\s*[\"“]\s*[\"”](?=\W)")
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|which|whose)\s[^,]{1,80},")
_VERB_FIRST = re.compile(r"(?:was|were|is|are|had|has|have|would|will|could|did)\b")
_PRONOUN = re.compile(r"(?:he|she|it|they|we|i|his|her|its|their|our|my)\b", re.IGNORECASE)
# The words that went with a time: a preposition, after an adverb or a preposition of its own ("shortly after",
# "from about"), but not a verb's particle ("talks went on through Tuesday": "went on" stays).
_TIME_PREPOSITION = re.compile(
    r"(?:\bat\s+least\s+)?(?:\b(?:shortly|just|right|from|until|till|since|by|at)\s+)?"
    r"(?:\b(?:in|on|at|by|for|since|until|till|from|between|during|after|before|around|about|approximately|into|"
    r"through|throughout|over|of)\s+)?(?:at\s+least\s+)?$",  # "the stampede of 14.03.2011": the stampede
    re.IGNORECASE,
)
_TITLE_BREAK = re.compile(  # not in "1,200" nor "06:40"; "closed due to the storm", not "was due to return"
    r",(?!\d)|;|:(?!\d)|(?<=[a-z]{3})\.\s+(?=[A-Z])|(?<!\bwas)(?<!\bwere)(?<!\bis)(?<!\bare)(?<!\bbe)\s+due to\s+"
    r"|\s+(?:(?:in|on|at|from|during|of|by|with|for|through)\s+)?which\s+"  # "a stampede in which seven died"
    r"|\s+(?:because|who|when|while|as|although|but)\s+"
    # "crashed six minutes after takeoff": after a stretch of time, "after" opens no clause, unless a verb follows
    # ("trapped 12 miners for 40 hours before all were rescued")
    r"|(?<!minutes)(?<!minute)(?<!hours)(?<!hour)(?<!days)(?<!day)(?<!weeks)(?<!months)(?<!years)(?<!moments)"
    r"\s+(?:after|before)\s+|\s+(?:after|before)\s+(?=\w+\s+(?:was|were|had|has|have|is|are|did)\b)")


UNTITLED = "Untitled event"


def event_title(claim: Claim) -> str:
    """A short title from a claim: the main clause without its date, cut at a clause boundary."""
    return _title(_titled_text(claim), claim.time_text)


def _titled_text(claim: Claim) -> str:
    """The words a claim's title is made from: its quote, after the subject it shares with the clause before."""
    return f"{claim.subject} {claim.quote}" if claim.subject else claim.quote


def _title(quote: str, time_text: str) -> str:
    text = _LEADING_ADVERB.sub("", _REPORTING_PARTICIPLE.sub("", quote))
    if time_text and time_text in text:
        at = text.index(time_text)
        opening = text.find(", ")
        if (0 <= opening < 60 and at < opening and _OPENING_TIME.match(text)
                and len(text[at + len(time_text):opening].split()) <= 2):
            text = text[opening + 2:]  # "In 1990, the council banned ...": drop the opening time phrase
        elif not (_SPENT.search(text, 0, at) or _POSSESSIVE.match(text, at + len(time_text))
                  or (_PARTICIPLE_BEFORE.search(text, 0, at) and not text[at + len(time_text):].strip(" .,;"))):
            # kept: "350 people spent the night in tents", "Tuesday's raid killed two", "the bridge, built in 1885"
            before = text[:at]
            if _NOT_ATTRIBUTIVE_AFTER.match(text, at + len(time_text)):
                before = _THE_BEFORE.sub("", before)  # "came on the Friday before it fell", not "the 1979 revolution"
            text = _TIME_PREPOSITION.sub("", before).rstrip() + " " + text[at + len(time_text):].lstrip()
    # "struck at 14:32 local time (1232 GMT)": the time in another zone; "the plan (2023)": brackets left empty
    text = _EMPTY_PARENTHESES.sub("", _CLOCK_IN_PARENTHESES.sub("", _TICKER.sub("", text)))
    # "the bridge, built in 1885, was inspected"; "Gareth Lyle, 52, died"
    text = _AGE_ASIDE.sub("", _AGE_IN_APPOSITION.sub(r"\1,", _PARTICIPLE_ASIDE.sub("", text)))
    text = _EMPTY_COMMAS.sub("", _EMPTY_QUOTES.sub("", text))  # 'cracks "weeks ago"': the time went, its marks too
    text = " ".join(text.split()).lstrip(",;: ")  # "Days earlier, residents ...": the comma went with the time
    text = _COLON_FRAME.sub("", _ENTRY_TIME.sub("", text))
    text = _LEADING_PHRASE.sub("", text)
    text = _REPORT_FRAME.sub("", text)
    said = _SPEAKER_FRAME.match(text)
    kept_frame = 0  # where the words of a kept speaker frame end: no break inside them ("A parent, Ana Ruiz, said")
    if said and len(text[said.end():].split()) >= 2 and not _PRONOUN.match(text, said.end()) \
            and not _VERB_FIRST.match(text, said.end()):
        text = text[said.end():]  # the title is what happened, not that someone said so ("he" would lose whom)
    elif said:
        # "he said that was not true": "that" was the subject, not a conjunction; "the company, which runs the
        # port, said it had invested": the speaker stays, without the aside.
        frame = _RELATIVE_ASIDE.sub("", text[:said.end()])
        text, kept_frame = frame + text[said.end():], len(frame)
    text = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text)  # "resumed , the port said": the time between went
    text = _TRAILING_SOURCE.sub("", text)
    words_needed = 3
    label = _LABEL.match(text)  # "Harlow Central Hospital: 8 dead": who says it stays with what is said
    for boundary in _TITLE_BREAK.finditer(text, max(label.end() if label else 0, kept_frame)):
        if len(text[: boundary.start()].split()) >= words_needed:
            text = text[: boundary.start()]
            break
    text = _DANGLING_ADVERB.sub("", text)  # "the tremor came shortly" when the break was at "after half past two"
    words = text.split()
    if len(words) > _TITLE_WORDS:
        text = " ".join(words[:_TITLE_WORDS]).rstrip(".,;: ") + "…"
    text = text.strip().rstrip(".,;: ")
    if text[:1] in _CLOSING_QUOTE_OF and _CLOSING_QUOTE_OF[text[0]] not in text[1:]:
        text = text[1:]  # '"They came at dawn' cut before its closing mark: no mark left open
    elif _IN_STRAIGHT_SINGLE_QUOTES.fullmatch(text):
        text = f"‘{text[1:-1]}’"  # a heading that quotes someone, as British pages write it: the marks it means
    if len(text.split()) == 1 and time_text:
        return _title(quote, "")  # "Not before the summer": without its time, a claim says nothing
    return text[:1].upper() + text[1:] if text else UNTITLED


_CLOSING_QUOTE_OF = {"\"": "\"", "“": "”", "‘": "’"}
_IN_STRAIGHT_SINGLE_QUOTES = re.compile(r"'[^']+'")


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
    if figure.qualifier == "several":  # as the text says it: "several", "tens of thousands", "a few hundred"
        words = list(itertools.takewhile(lambda word: word in VAGUE_WORDS, figure.text.lower().split()))
        while words and words[-1] == "of":
            words.pop()
        return " ".join(words) or f"at least {figure.value:,}"
    return f"{prefix}{figure.value:,}"


def _parts_of_a_total(figures: list[Figure]) -> bool:
    """Whether the counts are a total and parts that add up to it: "at least nine killed", "three in
    Mississippi", "six in Alabama". Every count either agrees with the total or is smaller than it, and there
    are two parts or more, no two of which could be the same count ("1" and "1" are one count, told twice).

    Counted by distinct values, and only for a few: an event that many sources count is no such sum.
    """
    distinct = sorted({figure_bounds(figure) for figure in figures})
    if len(distinct) > _MOST_PARTS + 1:
        return False
    for total_low, total_high in distinct:
        parts = [(low, high) for low, high in distinct if high < total_low]
        if len(parts) < 2 or any(a_low <= b_high and b_low <= a_high
                                 for (a_low, a_high), (b_low, b_high) in itertools.combinations(parts, 2)):
            continue
        agreeing = [(low, high) for low, high in distinct if low <= total_high and high >= total_low]
        if len(parts) + len(agreeing) == len(distinct):
            low = math.fsum(part_low for part_low, _ in parts)
            high = math.fsum(part_high for _, part_high in parts)
            if low <= total_high and high >= total_low:
                return True
    return False


_MOST_PARTS = 6


def find_disputes(claims: list[Claim]) -> tuple[Dispute, ...]:
    """Figures of one kind that no single count satisfies, given by different claims.

    Counts of homes are compared only with counts of homes: "housed 18 families" and "dozens of residents"
    do not disagree. Such a count's value says what it counts ("18 families").
    """
    by_kind: dict[tuple[str, bool], list[tuple[Claim, Figure]]] = defaultdict(list)  # by kind and of homes
    for claim in claims:
        first_of_kind: dict[str, Figure] = {}
        for figure in claim.figures:
            first_of_kind.setdefault(figure.kind, figure)  # one value per claim and kind
        for kind, figure in first_of_kind.items():
            if kind != "age":
                by_kind[kind, household_noun(figure) is not None].append((claim, figure))
    values_of_kind: dict[str, dict[str, list[str]]] = {}
    for kind, homes in sorted(by_kind):
        given = by_kind[kind, homes]
        low = max(figure_bounds(figure)[0] for _, figure in given)
        high = min(figure_bounds(figure)[1] for _, figure in given)
        if len(given) < 2 or low <= high or _parts_of_a_total([figure for _, figure in given]):
            continue
        values = values_of_kind.setdefault(kind, {})
        for claim, figure in given:
            label = figure_label(figure)
            values.setdefault(f"{label} {household_noun(figure)}" if homes else label, []).append(claim.id)
    return tuple(Dispute(about=kind, values=tuple(DisputedValue(v, tuple(ids)) for v, ids in values.items()))
                 for kind, values in values_of_kind.items())
