"""How times read on the page: "1986", "June 2023", "20 June 2023, 06:38 EST (13:38 local time)".

Shared by the renderer and the timeline.json export, so a time reads the same
everywhere.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from .model import Precision, Qualifier, TimeValue

_QUALIFIER_WORDS = {
    Qualifier.APPROXIMATE: "about",
    Qualifier.BEFORE: "before",
    Qualifier.AFTER: "after",
    Qualifier.BY: "by",
    Qualifier.SINCE: "since",
    Qualifier.UNTIL: "until",
    Qualifier.EARLY: "early",
    Qualifier.MID: "mid",
    Qualifier.LATE: "late",
}
_SEASON_NAMES = {"21": "spring", "22": "summer", "23": "autumn", "24": "winter"}
_EARLY_HOURS = "early hours"


# How many described times a renderer keeps: the claims of an event share a few times and pages are made event
# by event, so a few thousand catch nearly every repeat; keeping every distinct time of a large collection
# held tens of megabytes in each process that renders.
RECENT_TIMES = 1 << 12


def describe_time(time: TimeValue, local_zone: ZoneInfo) -> str:
    """The time as a reader should see it, at its true precision and with its qualifier."""
    if time.is_range:
        text = _describe_range(time, local_zone)
    else:
        text = _describe_point(time, local_zone)
    word = _QUALIFIER_WORDS.get(time.qualifier) if time.qualifier else None
    if word in ("early", "mid", "late"):
        if time.precision is Precision.PART_OF_DAY:  # "20 June 2023, early morning", not "early 20 June 2023, ..."
            day, _, part = text.rpartition(", ")
            if part == _EARLY_HOURS:
                return text
            return f"{day}, {word}-{part}" if word == "mid" else f"{day}, {word} {part}"
        return f"{word}-{text}" if word == "mid" else f"{word} {text}"
    return f"{word} {text}" if word else text


def _describe_point(time: TimeValue, local_zone: ZoneInfo) -> str:
    if time.precision.rank >= Precision.HOUR.rank:
        return _describe_clock(time, local_zone)
    middle = _middle(time, local_zone)
    return _describe_calendar(middle, time.precision, time.edtf, time.start.astimezone(local_zone))


def _middle(time: TimeValue, local_zone: ZoneInfo) -> datetime:
    # The middle of the interval names the right day whatever zone the text's day was in.
    return (time.start + (time.end - time.start) / 2).astimezone(local_zone)


def _describe_calendar(moment: datetime, precision: Precision, edtf: str, start: datetime) -> str:
    if precision is Precision.CENTURY:
        century = start.year // 100 + 1
        return f"the {century}{_ordinal_suffix(century)} century"
    if precision is Precision.DECADE:
        return f"the {start.year // 10 * 10}s"
    if precision is Precision.YEAR:
        return str(moment.year)
    if precision is Precision.SEASON:
        # As EDTF writes it, with its year: "2022-24" is the winter of 2022 ("../2022-24", "2022-24/..": before, since)
        bare = edtf.removeprefix("../")
        return f"{_SEASON_NAMES.get(bare[5:7], 'season')} {bare[:4] if bare[:4].isdigit() else moment.year}"
    if precision is Precision.QUARTER:
        return f"Q{(moment.month - 1) // 3 + 1} {moment.year}"
    if precision is Precision.MONTH:
        return f"{moment:%B} {moment.year}"
    if precision is Precision.WEEK:
        return f"week of {start.day} {start:%B} {start.year}"
    if precision is Precision.PART_OF_DAY:
        if start.hour == 0:  # the hours after midnight: TimeML's early morning, as news says it
            return f"{start.day} {start:%B} {start.year}, {_EARLY_HOURS}"
        part = _part_of_day(moment.hour)
        if part == "night" and moment.hour < 12:
            moment = moment - timedelta(days=1)  # a night is named after the day it follows, as TimeML's TNI
        return f"{moment.day} {moment:%B} {moment.year}, {part}"
    return f"{moment.day} {moment:%B} {moment.year}"


def _describe_clock(time: TimeValue, local_zone: ZoneInfo) -> str:
    local = time.start.astimezone(local_zone)
    clock_format = "%H:%M" if time.precision is not Precision.HOUR else "%H:00"
    if time.zone and time.utc_offset is not None and time.utc_offset != local.utcoffset():
        written = (time.start + time.utc_offset).replace(tzinfo=None)
        zone_name = time.zone if "/" not in time.zone else time.start.astimezone(ZoneInfo(time.zone)).tzname()
        text = f"{written.day} {written:%B} {written.year}, {written.strftime(clock_format)} {zone_name}"
        local_clock = local.strftime(clock_format)
        if written.date() != local.date():
            local_clock = f"{local.day} {local:%B}, {local_clock}"
        return f"{text} ({local_clock} local time)"
    return f"{local.day} {local:%B} {local.year}, {local.strftime(clock_format)} local time"


def _describe_range(time: TimeValue, local_zone: ZoneInfo) -> str:
    first = time.start.astimezone(local_zone)
    last = (time.end - timedelta(microseconds=1)).astimezone(local_zone)
    if time.precision.rank <= Precision.YEAR.rank:
        return f"{first.year}–{last.year}" if first.year != last.year else str(first.year)
    if time.precision is Precision.MONTH:
        if first.year == last.year:
            return f"{first:%B}–{last:%B} {last.year}"
        return f"{first:%B} {first.year} – {last:%B} {last.year}"
    if time.precision.rank >= Precision.HOUR.rank:  # "from 10 p.m. to 6 a.m.": clock to clock, local time
        if last.date() == first.date():
            return f"{first.day} {first:%B} {first.year}, {first:%H:%M}–{last:%H:%M} local time"
        return f"{first.day} {first:%B} {first.year}, {first:%H:%M} – {last.day} {last:%B}, {last:%H:%M} local time"
    if first.year == last.year and first.month == last.month:
        return f"{first.day}–{last.day} {last:%B} {last.year}"
    return f"{first.day} {first:%B} {first.year} – {last.day} {last:%B} {last.year}"


def _part_of_day(hour: int) -> str:
    if 5 <= hour < 12:
        return "morning"
    if 12 <= hour < 18:
        return "afternoon"
    if 18 <= hour < 22:
        return "evening"
    return "night"


def _ordinal_suffix(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def iso_utc(moment: datetime) -> str:
    """An aware datetime as ISO 8601 in UTC with a Z."""
    utc = moment.astimezone(ZoneInfo("UTC"))
    return f"{utc.year:04d}-{utc:%m-%dT%H:%M:%SZ}"  # %Y writes the year 2 as "2", not "0002"
