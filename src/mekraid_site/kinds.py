"""Facets of events for the reader's filters, computed from the data alone.

The *incident day* is the local day with the most claims dated at day
precision or finer within a week before (or on) the publication dates of the
sources: news reports the day it covers. Every event is then *background*
(before that day), *incident day* (within it) or *aftermath* (after it).
Further kinds come from what the claims carry: figures of casualties,
arrests or other counts, statements of named claimants, disputes, and
uncertain or approximate times. No word of any incident is known here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .model import Event, Precision, Qualifier, Timeline

# Claims this many days before a source's publication still count as its news.
_NEWS_DAYS = 7
_CASUALTY_FIGURES = frozenset({"killed", "dead", "died", "deaths", "injured", "wounded", "hurt", "casualties"})
_ARREST_FIGURES = frozenset({"arrested", "detained", "held", "charged"})

# (id, label, explanation) in the order the filter lists them.
KINDS: tuple[tuple[str, str, str], ...] = (
    ("background", "Background", "ends before the incident day"),
    ("incident-day", "Incident day", "within the incident day, in local time"),
    ("aftermath", "Aftermath", "starts after the incident day"),
    ("casualties", "Casualty figures", "a claim gives a count of people killed or injured"),
    ("arrests", "Arrest figures", "a claim gives a count of people arrested or detained"),
    ("figures", "Other figures", "a claim gives another count (members, deployed, seized ...)"),
    ("statements", "Statements", "a claim is attributed to a named actor, not only to the publisher"),
    ("disputed", "Disputed", "sources give figures that cannot all be true"),
    ("uncertain-time", "Approximate or uncertain time", "the time is qualified (about, before, since ...) or doubtful"),
)
KIND_LABELS = {kind: label for kind, label, _ in KINDS}


@dataclass(frozen=True)
class IncidentDay:
    """The local day the sources report on, as a UTC interval."""

    day: date
    start: datetime  # UTC
    end: datetime  # UTC


def incident_day(timeline: Timeline, zone: ZoneInfo) -> IncidentDay | None:
    """The local day with the most claims near the sources' publication dates, or None."""
    published = {source.id: source.published.astimezone(zone).date() for source in timeline.sources}
    counts: Counter[date] = Counter()
    for claim in timeline.claims:
        if claim.time.precision.rank < Precision.DAY.rank or claim.time.is_range:
            continue
        day = claim.time.start.astimezone(zone).date()
        reference = published.get(claim.source)
        if reference is not None and timedelta(0) <= reference - day <= timedelta(days=_NEWS_DAYS):
            counts[day] += 1
    if not counts:
        return None
    best = max(counts.items(), key=lambda item: (item[1], -item[0].toordinal()))[0]  # ties: the earlier day
    start = datetime.combine(best, time(0), zone).astimezone(ZoneInfo("UTC"))
    end = datetime.combine(best + timedelta(days=1), time(0), zone).astimezone(ZoneInfo("UTC"))
    return IncidentDay(best, start, end)


def period(event: Event, day: IncidentDay | None) -> str:
    """background, incident-day or aftermath (background when there is no incident day)."""
    if day is None or event.time.start < day.start:
        return "background"
    if event.time.start >= day.end:
        return "aftermath"
    return "incident-day"


def event_kinds(event: Event, day: IncidentDay | None) -> tuple[str, ...]:
    """The kinds of an event, in the order of KINDS."""
    found = {period(event, day)}
    for claim in event.claims:
        for figure in claim.figures:
            if figure.kind in _CASUALTY_FIGURES:
                found.add("casualties")
            elif figure.kind in _ARREST_FIGURES:
                found.add("arrests")
            elif figure.kind != "age":
                found.add("figures")
        if claim.claimant:
            found.add("statements")
    if event.disputes:
        found.add("disputed")
    time_value = event.time
    if time_value.uncertain or (time_value.qualifier is not None):
        found.add("uncertain-time")
    return tuple(kind for kind, _, _ in KINDS if kind in found)


def is_approximate(time_value) -> bool:
    """Whether the text says about/around for this time."""
    return time_value.qualifier is Qualifier.APPROXIMATE
