"""The time axis of the index page, laid out at build time.

One horizontal axis in up to three segments: the background on a scale of
years (runs of years without events folded into a short break), the
incident day opened out by hour (local time, zoomed to the hours that have
events), and the aftermath by day. This module only computes geometry; the
template draws it as inline SVG, so every text is escaped there.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from .kinds import IncidentDay, period
from .model import Event, Precision, TimeValue

WIDTH, HEIGHT = 960, 168
_MARGIN = 26
_GAP = 40  # between segments
_BASELINE = 128
_LANES = (104, 80, 56, 32)
_POINT = 10.0  # an interval narrower than this is drawn as a point
_RANGE_YEARS = 6  # ranges up to this many years keep their inner years on the scale
_FOLD = 0.7  # width of a fold, in units


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Mark:
    number: int
    event: Event
    x1: float
    x2: float
    y: float
    point: bool
    disputed: bool
    qualified: bool  # approximate, uncertain or open-ended: drawn dashed / hollow


@dataclass(frozen=True)
class Moment:
    """A claim's clock time on the incident day: a small tick on the baseline."""

    x: float
    label: str


@dataclass
class Segment:
    x1: float
    x2: float
    label: str
    ticks: list[Tick] = field(default_factory=list)
    folds: list[float] = field(default_factory=list)


@dataclass
class Axis:
    width: int
    height: int
    baseline: int
    segments: list[Segment]
    marks: list[Mark]
    moments: list[Moment]
    breaks: list[float]  # x of the breaks between segments


class _UnitScale:
    """Equal slots for the units (years or days) that have events; folds between runs."""

    def __init__(self, units: list[int], x1: float, x2: float) -> None:
        self.units = sorted(set(units))
        weights = []
        for index, unit in enumerate(self.units):
            if index and unit - self.units[index - 1] > 1:
                weights.append(("fold", self.units[index - 1], unit))
            weights.append(("slot", unit, unit))
        total = sum(1.0 if kind == "slot" else _FOLD for kind, _, _ in weights) or 1.0
        self.unit_width = (x2 - x1) / total
        self.pieces: list[tuple[str, int, int, float, float]] = []
        x = x1
        for kind, first, last in weights:
            width = self.unit_width * (1.0 if kind == "slot" else _FOLD)
            self.pieces.append((kind, first, last, x, x + width))
            x += width
        self.x1, self.x2 = x1, x2

    def x(self, value: float) -> float:
        """Position of a fractional unit (2013.5 is the middle of 2013)."""
        for kind, first, last, left, right in self.pieces:
            if kind == "slot" and first <= value < first + 1:
                return left + (value - first) * (right - left)
            if kind == "fold" and first + 1 <= value < last:
                return left + (value - first - 1) / max(last - first - 1, 1) * (right - left)
        if self.pieces and value >= self.pieces[-1][2] + 1:
            return self.x2
        return self.x1

    def folds(self) -> list[float]:
        return [(left + right) / 2 for kind, _, _, left, right in self.pieces if kind == "fold"]

    def slots(self) -> list[tuple[int, float, float]]:
        return [(first, left, right) for kind, first, _, left, right in self.pieces if kind == "slot"]


def _fractional_year(moment: datetime, zone: ZoneInfo) -> float:
    local = moment.astimezone(zone)
    first = datetime(local.year, 1, 1, tzinfo=zone)
    following = datetime(local.year + 1, 1, 1, tzinfo=zone)
    return local.year + (local - first) / (following - first)


def _fractional_day(moment: datetime, zone: ZoneInfo) -> float:
    local = moment.astimezone(zone)
    midnight = datetime(local.year, local.month, local.day, tzinfo=zone)
    return local.date().toordinal() + (local - midnight) / timedelta(days=1)


def _last_instant(time_value: TimeValue) -> datetime:
    return max(time_value.start, time_value.end - timedelta(microseconds=1))


def build_axis(events: tuple[Event, ...], numbers: dict[str, int], day: IncidentDay | None,
               zone: ZoneInfo, describe) -> Axis | None:
    """The axis for these events, or None when there are none."""
    if not events:
        return None
    groups: dict[str, list[Event]] = {"background": [], "incident-day": [], "aftermath": []}
    for event in events:
        groups[period(event, day)].append(event)
    present = [name for name in ("background", "incident-day", "aftermath") if groups[name]]
    shares = {"background": 0.52, "incident-day": 0.36, "aftermath": 0.12}
    total_share = sum(shares[name] for name in present)
    inner = WIDTH - 2 * _MARGIN - _GAP * (len(present) - 1)
    segments: list[Segment] = []
    marks: list[Mark] = []
    moments: list[Moment] = []
    breaks: list[float] = []
    x = float(_MARGIN)
    for name in present:
        width = inner * shares[name] / total_share
        x1, x2 = x, x + width
        if name == "incident-day":
            segment, placed, day_moments = _day_segment(groups[name], day, zone, x1, x2, describe)
            moments.extend(day_moments)
        else:
            segment, placed = _unit_segment(groups[name], name, zone, x1, x2)
        segments.append(segment)
        marks.extend(_mark(event, numbers[event.id], left, right) for event, left, right in placed)
        x = x2 + _GAP
        if name != present[-1]:
            breaks.append(x2 + _GAP / 2)
    return Axis(WIDTH, HEIGHT, _BASELINE, segments, _in_lanes(marks), moments, breaks)


def _unit_segment(events: list[Event], name: str, zone: ZoneInfo, x1: float, x2: float):
    by_day = name == "aftermath"
    position = _fractional_day if by_day else _fractional_year
    def unit(moment: datetime) -> int:  # exact, where the fractional position may round up
        local = moment.astimezone(zone)
        return local.date().toordinal() if by_day else local.year

    units: list[int] = []
    for event in events:
        first, last = unit(event.time.start), unit(_last_instant(event.time))
        units.extend(range(first, last + 1) if last - first <= _RANGE_YEARS else (first, last))
    scale = _UnitScale(units, x1, x2)
    label = "Afterwards, by day" if by_day else "Background, by year"
    segment = Segment(x1, x2, label, folds=scale.folds())
    last_label = -math.inf
    for slot, left, right in scale.slots():
        middle = (left + right) / 2
        if middle - last_label >= 40:  # keep labels apart
            moment = datetime.fromordinal(slot) if by_day else None
            segment.ticks.append(Tick(middle, f"{moment.day} {moment:%b}" if moment else str(slot)))
            last_label = middle
    placed = []
    for event in events:
        first, last = position(event.time.start, zone), position(_last_instant(event.time), zone)
        first_unit, last_unit = unit(event.time.start), unit(_last_instant(event.time))
        if first_unit == last_unit:  # within one slot: a point in its middle
            middle = scale.x(first_unit + 0.5)
            placed.append((event, middle, middle))
        else:
            placed.append((event, scale.x(first), scale.x(last)))
    return segment, placed


def _day_segment(events: list[Event], day: IncidentDay, zone: ZoneInfo, x1: float, x2: float, describe):
    clock = [claim.time for event in events for claim in event.claims
             if claim.time.precision.rank >= Precision.HOUR.rank and day.start <= claim.time.start < day.end]
    clock += [event.time for event in events if event.time.precision.rank >= Precision.HOUR.rank]
    hours = [(value.start - day.start) / timedelta(hours=1) for value in clock]
    if hours:
        first, last = max(0, math.floor(min(hours)) - 1), min(24, math.ceil(max(hours)) + 1)
        while last - first < 6:
            first, last = max(0, first - 1), min(24, last + 1)
    else:
        first, last = 0, 24
    span = last - first
    step = 1 if (x2 - x1) / span >= 44 else 2 if (x2 - x1) / span >= 22 else 3

    def x_of(moment: datetime) -> float:
        offset = (moment - day.start) / timedelta(hours=1)
        return x1 + (min(max(offset, first), last) - first) / span * (x2 - x1)

    label = f"{day.day.day} {day.day:%B} {day.day.year}, by hour (local time)"
    segment = Segment(x1, x2, label)
    for hour in range(first, last + 1, step):
        moment = day.start + timedelta(hours=hour)
        segment.ticks.append(Tick(x_of(moment), moment.astimezone(zone).strftime("%H:%M")))
    placed = [(event, x_of(event.time.start), x_of(_last_instant(event.time))) for event in events]
    seen: set[tuple[float, str]] = set()
    moments = []
    for value in sorted(clock, key=lambda v: v.start):
        moment = Moment(round(x_of(value.start), 1), describe(value))
        if (moment.x, moment.label) not in seen:
            seen.add((moment.x, moment.label))
            moments.append(moment)
    return segment, placed, moments


def _mark(event: Event, number: int, left: float, right: float) -> Mark:
    point = right - left < _POINT
    if point:
        left = right = (left + right) / 2
    time_value = event.time
    qualified = (time_value.uncertain or time_value.qualifier is not None
                 or time_value.precision.rank < Precision.YEAR.rank)
    return Mark(number, event, round(left, 1), round(right, 1), 0.0, point, bool(event.disputes), qualified)


def _in_lanes(marks: list[Mark]) -> list[Mark]:
    """Stack marks that would overlap into lanes above the baseline."""
    ends = [-math.inf] * len(_LANES)
    placed = []
    for mark in sorted(marks, key=lambda m: (m.x1, m.x2, m.number)):
        left, right = mark.x1 - 11, mark.x2 + 11
        lane = next((index for index, end in enumerate(ends) if end <= left), None)
        if lane is None:
            lane = min(range(len(ends)), key=lambda index: ends[index])
        ends[lane] = right
        placed.append(Mark(mark.number, mark.event, mark.x1, mark.x2, _LANES[lane], mark.point, mark.disputed,
                           mark.qualified))
    return sorted(placed, key=lambda m: m.number)
