"""Temporal expressions in English news text: find them, give them TIMEX3 values, place them in UTC.

The engine is rule based. A set of precompiled, linear-time patterns proposes
candidate spans; the longest non-overlapping candidates win; they are then
resolved in text order against the document creation time (DCT) and the date
in focus (the last specific date mentioned), the way TimeBank annotates news.

Conventions follow TimeBank: a span includes its modifiers ("approximately
0638 EST", "early 2013", "the past three months") but not the signal word that
relates it to an event ("by", "since", "until", "before", "after"); those
signals still set ``mod`` and the interval's qualifier.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from typing import TypeVar
from zoneinfo import ZoneInfo

from dateutil.easter import easter

from mekraid_site.model import Precision, Qualifier, TimeRange, TimeValue, Timex

__all__ = ["find_timexes", "find_ranges", "parse_dct", "timex_json", "qualified", "unqualified", "ZONES", "ZONE_NAMES",
           "MONTHS", "WEEKDAYS"]

UTC = timezone.utc
_T = TypeVar("_T")

# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# Meteorological seasons of the northern hemisphere: (first month, months long).
_SEASON_SPAN: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# EDTF level 2 sub-year groupings.
_EDTF_SEASON = {"SP": "21", "SU": "22", "FA": "23", "WI": "24"}
_EDTF_QUARTER = {"1": "33", "2": "34", "3": "35", "4": "36"}
_EDTF_HALF = {"1": "40", "2": "41"}

# Parts of the day as TIMEX3 writes them, with the local hours they cover.
PARTS_OF_DAY: dict[str, tuple[str, int, int]] = {
    "morning": ("MO", 5, 12), "afternoon": ("AF", 12, 18), "evening": ("EV", 18, 22),
    "night": ("NI", 21, 30), "daytime": ("DT", 6, 18),
}
_POD_HOURS = {code: (a, b) for code, a, b in PARTS_OF_DAY.values()}
# Words for the turn of day and night, as the part of day they open or close.
TWILIGHT: dict[str, str] = {"dawn": "MO", "daybreak": "MO", "sunrise": "MO", "first light": "MO", "dusk": "EV",
                            "sunset": "EV", "nightfall": "EV"}

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "a": 1, "an": 1, "dozen": 12,
}
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22, "twenty-third": 23,
    "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28,
    "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}
_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}

# Duration units: TIMEX3 letter, whether it goes after "T", and the calendar step.
_UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "sec": ("S", True), "minute": ("M", True), "min": ("M", True),
    "hour": ("H", True), "hr": ("H", True), "day": ("D", False), "night": ("D", False),
    "week": ("W", False), "fortnight": ("W", False), "weekend": ("WE", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "yr": ("Y", False), "decade": ("E", False),
    "century": ("C", False), "centurie": ("C", False), "millennium": ("L", False), "millennia": ("L", False),
}


@dataclass(frozen=True)
class Zone:
    """A time-zone abbreviation: its UTC offset and the season it belongs to."""

    offset: timedelta | None  # None: the region's offset at that date ("ET")
    region: str | None = None  # IANA zone whose seasons the abbreviation follows
    label: str | None = None  # "US Eastern"
    summer: bool | None = None  # True: a daylight-saving name; False: a standard-time name
    other: str | None = None  # the abbreviation of the other season


def _h(hours: float) -> timedelta:
    return timedelta(hours=hours)


ZONES: dict[str, Zone] = {
    "UTC": Zone(_h(0)), "GMT": Zone(_h(0)), "Z": Zone(_h(0)), "ZULU": Zone(_h(0)),
    "EST": Zone(_h(-5), "America/New_York", "US Eastern", False, "EDT"),
    "EDT": Zone(_h(-4), "America/New_York", "US Eastern", True, "EST"),
    "CST": Zone(_h(-6), "America/Chicago", "US Central", False, "CDT"),
    "CDT": Zone(_h(-5), "America/Chicago", "US Central", True, "CST"),
    "MST": Zone(_h(-7), "America/Denver", "US Mountain", False, "MDT"),
    "MDT": Zone(_h(-6), "America/Denver", "US Mountain", True, "MST"),
    "PST": Zone(_h(-8), "America/Los_Angeles", "US Pacific", False, "PDT"),
    "PDT": Zone(_h(-7), "America/Los_Angeles", "US Pacific", True, "PST"),
    "AKST": Zone(_h(-9), "America/Anchorage", "Alaska", False, "AKDT"),
    "AKDT": Zone(_h(-8), "America/Anchorage", "Alaska", True, "AKST"),
    "HST": Zone(_h(-10)),
    "ET": Zone(None, "America/New_York"), "CT": Zone(None, "America/Chicago"),
    "MT": Zone(None, "America/Denver"), "PT": Zone(None, "America/Los_Angeles"),
    "BST": Zone(_h(1), "Europe/London", "UK", True, "GMT"),
    "WET": Zone(_h(0), "Europe/Lisbon", "Western European", False, "WEST"),
    "WEST": Zone(_h(1), "Europe/Lisbon", "Western European", True, "WET"),
    "CET": Zone(_h(1), "Europe/Paris", "Central European", False, "CEST"),
    "CEST": Zone(_h(2), "Europe/Paris", "Central European", True, "CET"),
    "EET": Zone(_h(2), "Europe/Athens", "Eastern European", False, "EEST"),
    "EEST": Zone(_h(3), "Europe/Athens", "Eastern European", True, "EET"),
    "WAT": Zone(_h(1)), "CAT": Zone(_h(2)), "SAST": Zone(_h(2)), "EAT": Zone(_h(3)), "TRT": Zone(_h(3)),
    "MSK": Zone(_h(3)), "IRST": Zone(_h(3.5)), "GST": Zone(_h(4)), "AFT": Zone(_h(4.5)), "PKT": Zone(_h(5)),
    "IST": Zone(_h(5.5)), "NPT": Zone(_h(5.75)), "ICT": Zone(_h(7)), "WIB": Zone(_h(7)), "HKT": Zone(_h(8)),
    "SGT": Zone(_h(8)), "PHT": Zone(_h(8)), "MYT": Zone(_h(8)), "WITA": Zone(_h(8)), "AWST": Zone(_h(8)),
    "JST": Zone(_h(9)), "KST": Zone(_h(9)), "WIT": Zone(_h(9)),
    "ACST": Zone(_h(9.5), "Australia/Adelaide", "Australian Central", False, "ACDT"),
    "ACDT": Zone(_h(10.5), "Australia/Adelaide", "Australian Central", True, "ACST"),
    "AEST": Zone(_h(10), "Australia/Sydney", "Australian Eastern", False, "AEDT"),
    "AEDT": Zone(_h(11), "Australia/Sydney", "Australian Eastern", True, "AEST"),
    "NZST": Zone(_h(12), "Pacific/Auckland", "New Zealand", False, "NZDT"),
    "NZDT": Zone(_h(13), "Pacific/Auckland", "New Zealand", True, "NZST"),
}

# Zones written out, as press releases and broadcasters do: "2:15 p.m. Eastern Time".
ZONE_NAMES: dict[str, str] = {
    "Eastern Time": "ET", "Central Time": "CT", "Mountain Time": "MT", "Pacific Time": "PT",
    "Eastern Standard Time": "EST", "Eastern Daylight Time": "EDT", "Central Standard Time": "CST",
    "Central Daylight Time": "CDT", "Mountain Standard Time": "MST", "Mountain Daylight Time": "MDT",
    "Pacific Standard Time": "PST", "Pacific Daylight Time": "PDT", "Greenwich Mean Time": "GMT",
    "Coordinated Universal Time": "UTC", "Universal Time": "UTC", "British Summer Time": "BST",
    "Central European Time": "CET", "Central European Summer Time": "CEST", "Eastern European Time": "EET",
    "Eastern European Summer Time": "EEST", "Moscow Time": "MSK", "Japan Standard Time": "JST",
    "India Standard Time": "IST", "Australian Eastern Standard Time": "AEST",
    "Australian Eastern Daylight Time": "AEDT",
}

# TIMEX3 mod -> interval qualifier.
_MOD_QUALIFIER: dict[str, Qualifier] = {
    "APPROX": Qualifier.APPROXIMATE, "BEFORE": Qualifier.BEFORE, "AFTER": Qualifier.AFTER,
    "ON_OR_BEFORE": Qualifier.BY, "ON_OR_AFTER": Qualifier.SINCE, "START": Qualifier.EARLY,
    "MID": Qualifier.MID, "END": Qualifier.LATE,
}
# Signal words just before a span: (mod, qualifier).
_SIGNALS: dict[str, tuple[str, Qualifier]] = {
    "by": ("ON_OR_BEFORE", Qualifier.BY), "no later than": ("ON_OR_BEFORE", Qualifier.BY),
    "before": ("BEFORE", Qualifier.BEFORE), "prior to": ("BEFORE", Qualifier.BEFORE),
    "after": ("AFTER", Qualifier.AFTER), "since": ("ON_OR_AFTER", Qualifier.SINCE),
    "until": ("ON_OR_BEFORE", Qualifier.UNTIL), "till": ("ON_OR_BEFORE", Qualifier.UNTIL),
    "up to": ("ON_OR_BEFORE", Qualifier.UNTIL),
}
_PREMODS: dict[str, str] = {
    "early": "START", "earlier": "START", "beginning": "START", "start": "START", "first half": "START",
    "mid": "MID", "middle": "MID", "late": "END", "later": "END", "end": "END", "last half": "END",
    "second half": "END", "close": "END",
}
_DURATION_MODS: dict[str, str] = {
    "more than": "MORE_THAN", "over": "MORE_THAN", "longer than": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "within": "EQUAL_OR_LESS", "about": "APPROX", "around": "APPROX", "approximately": "APPROX",
    "roughly": "APPROX", "some": "APPROX", "an estimated": "APPROX",
}

# ---------------------------------------------------------------------------
# Patterns (all precompiled; alternations of fixed words and bounded repeats only)
# ---------------------------------------------------------------------------


def _alt(words: Sequence[str]) -> str:
    """A regex alternation of fixed words, longest first so the longest wins."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_MONTH_FORMS = [m for m in MONTH_NAMES] + [m.upper() for m in MONTH_NAMES] + \
    ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"]
# Month names are matched case-sensitively: "may", "march" are common words.
# An abbreviation's dot belongs to it ("Sept."); after a full name ("in May.") it ends the sentence.
_ABBR_DOT = r"(?:(?<=[a-z]{3})(?<![a-z]{5})(?<!may)(?<!june)(?<!july)\.)?"
MONTH = r"(?-i:" + _alt(_MONTH_FORMS) + r")\b" + _ABBR_DOT
# The same names in any case, for the patterns that scan the lower-cased text; their rules check the capital
# ("may", "march" are common words) with _capitalised().
MONTH_ANY = r"(?:" + _alt(sorted({f.lower() for f in _MONTH_FORMS})) + r")\b" + _ABBR_DOT
WEEKDAY = r"(?:" + _alt(list(WEEKDAYS)) + r")\b"
# Abbreviated weekdays, as datelines and listings write them: "Sat., Nov. 4", "on Tues."; only capitalised and with
# the full stop ("sat.", "Wed" are words).
_WEEKDAY_ABBREVIATIONS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
                          "sat": 5, "sun": 6}
WEEKDAY_ABBREVIATED = r"(?-i:" + _alt([w.title() for w in _WEEKDAY_ABBREVIATIONS]) + r")\."
_NUM_WORD = _alt([w for w in NUMBER_WORDS if w not in ("a", "an")])
_HOUR_WORD = _alt([w for w, n in NUMBER_WORDS.items() if 1 <= n <= 12 and w not in ("a", "an", "dozen")])
NUM = (r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:a\s+)?couple\s+of|a\s+few|several|a\s+dozen|a\s+hundred|a\s+thousand"
       r"|half\s+an?"
       r"|many|few|some|an?|(?:" + _NUM_WORD + r")(?:[\s-]+(?:and[\s-]+)?(?:" + _NUM_WORD + r")){0,3})")
UNIT = (r"(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|decades?"
        r"|centur(?:y|ies)|quarters?|millenni(?:um|a)|fortnights?)")
_ZONE_ALT = _alt([z for z in ZONES if z not in ("Z", "ZULU", "ET", "CT", "MT", "PT")] + ["ET", "PT"])
# "CT" and "MT" only after a.m. or p.m. ("11:33 a.m. CT"): after a bare number they are as often tonnes or a state.
ZONE = (r"(?-i:(?:" + _alt(list(ZONE_NAMES)) + "|" + _ZONE_ALT
        + r"|Zulu|Z|(?<=[mM]\.\s)(?:CT|MT)|(?<=[mM]\s)(?:CT|MT))\b)")
PREMOD = (r"(?:(?:early|mid|late)(?:\s*-\s*|\s+)|(?:the\s+)?(?:beginning|start|middle|end|close|first\s+half|"
          r"second\s+half|last\s+half)\s+of\s+(?:the\s+)?)")
_B = r"(?<![\w$£€])"  # a left word boundary that also refuses currency amounts

_FLAGS = re.IGNORECASE


def _c(pattern: str, first: str = "") -> re.Pattern[str]:
    """Compile a pattern; ``first`` lists the letters a match can begin with (lower case, as a class body).

    The lookahead on them is only a speed-up: re then skips most word starts at once instead of trying every
    alternative of a long alternation there.
    """
    return re.compile((f"(?=[{first}])" if first else "") + pattern, _FLAGS)


_P_ISO = _c(_B + r"(?P<y>\d{4})(?:-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?"
            r"(?P<z>Z|[+-]\d{2}:?\d{2})?)?(?![\w-])"
            r"|/(?P<m2>\d{2})/(?P<d2>\d{2})(?![\w/]|\.\d))", "0-9")  # "2023/06/20" too
_P_NUMERIC = _c(_B + r"(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|(?<=/)\d{2})(?![\w/-]|\.\d)",
                "0-9")  # "6/20/23": a year in two digits only with slashes; "5-3-2024" with four
# "on 27/10", "from 10/27": a day and month without a year (see _r_day_month).
_P_DAY_MONTH = _c(r"(?<![\w/.,-])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?![\w/-]|[.,]\d)", "0-9")
# Days of the month written as ordinal words ("March eighth"); numbers are matched as digits.
_DAY_ORDINALS = _alt([w for w in ORDINALS if not w[0].isdigit()])
_P_MDY = _c(r"\b(?P<mon>" + MONTH_ANY + r")\s+"
            r"(?P<d>[0-3]?\d|" + _DAY_ORDINALS + r")(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|-year|:\d))"
            r"(?:,?\s+(?P<y>\d{4})\b|\s+(?P<ry>last|this|next)\s+year\b)?", "adfjmnos")
_P_DMY = _c(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?P<mon>" + MONTH_ANY + r")"
            r"(?:,?\s+(?P<y>\d{4})\b|\s+(?P<ry>last|this|next)\s+year\b)?"  # "3 March last year"
            # "20-Jun-2023", as forms and tables write it
            r"|-(?P<mon2>" + MONTH_ANY + r")-(?P<y2>\d{4})\b)", "0-9")
_P_MONTH = _c(r"\b(?P<mon>" + MONTH_ANY + r")(?:\s+(?P<ry>last|this|next)\s+year\b"
              r"|,?\s+(?:of\s+)?(?P<y>\d{4})\b)?", "adfjmnos")
_P_YEAR = _c(r"(?<![\w$£€#.,/'])"
             r"(?P<y>1[5-9]\d\d|20\d\d)(?![\w%]|[.,]\d|\s*(?:%|percent\b|per\s+cent\b))", "12")
_P_DECADE = _c(r"(?:\b(?P<c>1[5-9]|20)(?P<d>\d)0'?s\b|'(?P<d2>\d)0s\b"
               r"|\b(?P<w>" + _alt(list(_DECADE_WORDS)) + r")\b)", "12'tfsen")
_P_CENTURY = _c(r"\b(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>"
                + _alt([w for w in ORDINALS if not w[0].isdigit()]) + r"))[\s-]+century\b",
                "0-9" + "".join(sorted({w[0] for w in ORDINALS if not w[0].isdigit()})))
_P_QUARTER = _c(r"\b(?:the\s+)?(?:(?P<pre>" + PREMOD + r"))?(?:(?P<y>\d{4})\s+|(?P<rel>this\s+year's|last\s+year's|"
                r"next\s+year's|its|the\s+year-(?:earlier|ago))\s+)?(?:fiscal[\s-]+)?(?P<q>first|second|third|"
                r"fourth|1st|2nd|3rd|4th)[\s-]+quarter\b(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y2>\d{4})\b|"
                r"(?P<rel2>last|this|next)\s+year\b))?", "0-9temlbscfni")
_P_YEAR_PERIOD = _c(r"\bthe\s+(?P<y>1[5-9]\d\d|20\d\d)\s+(?:period|quarter|(?P<fy>(?:fiscal|financial)\s+year))\b", "t")
_P_YEAR_END = _c(r"\b(?:(?:the\s+)?year[\s-]end|(?:the\s+)?end\s+of\s+the\s+year|year's\s+end)\b", "yte")
_P_HALF = _c(r"\b(?:the\s+)?(?P<h>first|second|last)\s+(?:half|two\s+quarters)\s+of\s+(?:the\s+year\s+)?"
             r"(?:(?P<y>\d{4})\b|(?P<rel>last|this|next|the)\s+year\b)", "tfsl")
# "The day before, calm had returned": a step from the time in focus, ending a phrase ("the day before the raid" is
# about the raid).
# "the day before", "the night after"; "the day before yesterday", "the week before last": two steps from the DCT.
_P_STEP_BACK = _c(r"\bthe\s+(?P<unit>day|night|week|month|year)\s+(?P<step>before|after)"
                  r"(?:\s+(?P<ref>yesterday|tomorrow|last)\b|(?=\s*(?:[,.;:!?)]|$)))", "t")
# "on the 30th", "by the 5th of next month": a day of the month in focus, after a preposition, at a clause's end.
_P_DAY_OF_MONTH = _c(r"\bthe\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)\b(?:\s+of\s+(?P<ref>this|the|next|last)\s+month\b)?"
                     r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:at|in|and|when|before|after|to|until)\b)", "t")
_DAY_OF_MONTH_GATE = re.compile(r"\d(?:st|nd|rd|th)\b")
_DAY_OF_MONTH_BEFORE = re.compile(r"\b(?:on|by|until|till|from|before|after|since|between|and|to|through"
                                  r"|(?:morning|afternoon|evening|night|hours)\s+of)\s+$",  # "the morning of the 5th"
                                  re.IGNORECASE)
# Holidays with a date: fixed ones, those on a weekday of a month, and Easter (dateutil computes it); a
# name, so written with a capital. Only names that mean one day wherever they are used ("Independence Day"
# and "Labour Day" differ from country to country).
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14), "halloween": (10, 31),
    "fourth of july": (7, 4), "july fourth": (7, 4), "juneteenth": (6, 19), "veterans day": (11, 11),
    "remembrance day": (11, 11), "armistice day": (11, 11), "canada day": (7, 1), "australia day": (1, 26),
    "anzac day": (4, 25), "bastille day": (7, 14), "st patrick's day": (3, 17),
    "guy fawkes night": (11, 5), "bonfire night": (11, 5),
}
# (month, weekday, n): the n-th such weekday of the month, -1 the last; as the United States keeps them.
WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "memorial day": (5, 0, -1), "labor day": (9, 0, 1), "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4),
    "martin luther king day": (1, 0, 3), "martin luther king jr day": (1, 0, 3), "presidents' day": (2, 0, 3),
    "presidents day": (2, 0, 3), "columbus day": (10, 0, 2), "mother's day": (5, 6, 2), "father's day": (6, 6, 3),
}
_EASTER_DAYS = {"easter": 0, "easter sunday": 0, "easter monday": 1, "good friday": -2}
_HOLIDAY_NAMES = (
    r"christmas(?:\s+(?:day|eve))?|boxing\s+day|new\s+year['’]s\s+(?:day|eve)|valentine['’]s\s+day|halloween"
    r"|easter(?:\s+(?:sunday|monday))?|good\s+friday|fourth\s+of\s+july|july\s+fourth|juneteenth|veterans['’]?\s+day"
    r"|remembrance\s+day|armistice\s+day|canada\s+day|australia\s+day|anzac\s+day|bastille\s+day"
    r"|st\.?\s+patrick['’]s\s+day|guy\s+fawkes\s+night|bonfire\s+night|memorial\s+day|labor\s+day"
    r"|thanksgiving(?:\s+day)?|martin\s+luther\s+king(?:\s+jr\.?)?\s+day|presidents['’]?\s+day|columbus\s+day"
    r"|mother['’]s\s+day|father['’]s\s+day")
_HOLIDAY_AFTER = r"(?:holiday\s+)?weekend|holiday"
# "the" belongs to the expression only before a weekend or holiday: "the Memorial Day weekend"; "every Christmas"
# is each year's.
_P_HOLIDAY = _c(r"\b(?:(?P<every>every|each)\s+|the\s+(?=(?:" + _HOLIDAY_NAMES + r")\s+(?:" + _HOLIDAY_AFTER
                + r")\b))?(?P<h>" + _HOLIDAY_NAMES
                + r")\b(?:\s+(?P<y>\d{4})\b)?(?:\s+(?P<after>" + _HOLIDAY_AFTER + r")\b)?", "cbnvhegfjratsglmpt")
# A year written with an apostrophe and its last two digits: "in '98", "the '67 war".
_P_SHORT_YEAR = _c(r"(?<![\w'’])['’](?P<yy>\d\d)\b(?!['’]?s\b|\d|[.,]\d|\s*%)", "'’")
_SHORT_YEAR_BEFORE = re.compile(r"\b(?:in|since|until|till|the|of|by|from|before|after|during|spring|summer|fall"
                                r"|autumn|winter|class)\s+$", re.IGNORECASE)
# Words before a number that make it the name or number of something, not a year.
_IDENTIFIER_BEFORE = re.compile(r"\b(?:resolution|page|pages|flight|room|route|article|no\.|number|unit|chapter"
                                r"|section|decree|highway|bus|platform|gate|ward|level|version|model|episode|vol"
                                r"|volume)\s+$", re.IGNORECASE)
# Business shorthand: "Q3 2023", "Q3'23", "H1 2024", "FY2022"; a lone "Q3" only where a word before makes it a time.
_P_CODE = _c(r"\b(?:(?P<q>Q[1-4])|(?P<h>H[12])|FY)(?:[\s/-]?(?:(?P<y>(?:19|20)\d\d)|'?(?P<yy>\d\d)))?\b", "qhf")
_CODE_GATE = re.compile(r"\b(?:q[1-4]|h[12]|fy)")
# A week by its number, as health and statistics reports count them: "epidemiological week 32", "Week 30 of 2024"
# (not "week 3 of the trial").
_P_WEEK_NUMBER = _c(r"\b(?:the\s+)?(?:(?:epidemiological|epidemiologic|epi|iso|calendar)\s+)?week\s+"
                    r"(?P<wn>[1-9]|[1-4]\d|5[0-3])\b(?:,?\s+(?:of\s+)?(?P<wy>(?:19|20)\d\d)\b|(?!\s+of\b))", "teicw")
_CODE_BEFORE = re.compile(r"\b(?:in|during|for|the|this|last|next|its|their|by|until|since|from|through|of)\s+$",
                          re.IGNORECASE)
# A season with a premodifier or a year: "(the) early summer", "the summer of 1988", "late fall" ("a late fall in
# prices" is no season).
_P_SEASON = _c(r"\b(?:the\s+)?(?:(?P<pre>early|mid|late)(?:\s*-\s*|\s+))?(?P<season>spring|summer|autumn|fall|winter)\b"
               r"(?:\s+(?:of\s+)?(?P<y>1[5-9]\d\d|20\d\d)\b|\s+of\s+(?P<ry>last|this|next)\s+year\b"
               r"|(?!\s+(?:in|of)\b))", "temlsafw")
_P_SPELLED_YEAR = _c(r"\b(?:the\s+year\s+)?(?:nineteen(?:[\s-]+hundred)?(?:[\s-]+and)?[\s-]+(?P<t>twenty|thirty|forty|"
                     r"fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?P<u>one|two|three|four|five|six|seven|eight|nine))?"
                     r"|(?P<k>two\s+thousand(?:[\s-]+(?:and[\s-]+)?(?P<ku>one|two|three|four|five|six|seven|eight|nine"
                     r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?))\b",
                     "tn")
_P_DAYWORD = _c(r"\b(?:(?P<pre>early|late|earlier|later)\s+)?(?P<w>yesterday|today|tomorrow|tonight)\b"
                r"(?:\s+(?P<pod>morning|afternoon|evening|night))?", "elyt")
# "today's world", "the people of tomorrow": the present or future in general, not the day.
_GENERIC_TODAYS = re.compile(r"['’]s\s+(?:world|society|standards|youth|young|kids|children|teens|teenagers|generation"
                             r"|families|parents|consumers|workers|women|men|economy|technology|computers|culture)\b",
                             re.IGNORECASE)
_OF_BEFORE = re.compile(r"\bof\s+$", re.IGNORECASE)
# A capitalised word just before: "USA Today", "VOA Today" are names.
_NAME_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*\s+$")
_P_WEEKDAY = _c(r"\b(?:(?P<pre>early|late|earlier|later)\s+(?:on\s+)?)?(?:(?P<rel>last|this|next|this\s+past|"
                r"this\s+coming|the\s+previous|the\s+following|the\s+next|coming|past)\s+)?"
                r"(?P<wd>" + _alt(list(WEEKDAYS)) + r")(?P<wpl>s)?\b"
                # "Tuesday night", "Monday dawn": the part of the day, or its turn, on that day
                r"(?:\s+(?P<pod>morning|afternoon|evening|night|" + _alt(list(TWILIGHT)) + r")(?P<pl>s)?\b)?",
                "eltncpmwfs")
_P_WEEKDAY_ABBREVIATED = _c(r"\b(?P<wd>" + WEEKDAY_ABBREVIATED + r")")
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|by|until|till|since|from|before|after|through|to)\s+$", re.IGNORECASE)
_P_RELUNIT = _c(r"\b(?P<rel>this|last|next|the\s+past|the\s+coming|the\s+current|"
                r"the\s+previous|the\s+following|the\s+same|the\s+latest|the\s+last|the\s+next|this\s+past|"
                r"this\s+coming|the\s+prior|that(?:\s+(?:same|very))?|the\s+very|"
                r"the(?:\s+(?:full|fiscal|current\s+fiscal|latest\s+fiscal))?|"
                r"a\s+year\s+(?:ago|earlier))\s+(?P<unit>week(?:end)?|month|year|"
                r"quarter|decade|century|day|spring|summer|autumn|fall|winter|period)\b(?!-|\s+(?:old|long)\b)", "tlna")
_P_YEARAGO = _c(r"\b(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?P<w>year|month|week)[\s-](?:earlier|ago)"
                # "the year-earlier nine months" is a duration
                r"(?:\s+(?P<unit>quarter|period|month|year))?\b(?!\s+(?:\w+[\s-]+)?months\b)", "tcsymw")
# The same period of the year before, named from its end: "the quarter a year ago", "the corresponding period
# last year", "last year's quarter".
_P_PERIOD_YEAR_AGO = _c(r"\b(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?P<unit>quarter|period)\s+"
                        r"(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year)\b(?!')"
                        r"|\blast\s+year's\s+(?P<unit2>quarter|period)\b", "tcsqpl")
# "A week on, ...", "ten days on from the quake": later ("a week on Monday" is Monday week: not this).
_ON = r"on(?=\s*,|\s+from\b)"
_P_DURATION = _c(r"\b(?P<num>" + NUM + r")(?P<half>[\s-]+and[\s-]+a[\s-]+half)?"
                 # "two more years", "an additional year", "five straight days"
                 r"(?:\s+(?:more|additional|extra|full|straight|consecutive))?"
                 r"(?:\s+|\s*-\s*)(?:(?:trading|business|working|calendar)\s+)?(?P<unit>" + UNIT + r")\b"
                 r"(?P<half2>\s+and\s+a\s+half\b)?"
                 r"(?P<old>[\s-]+old\b)?(?:\s+(?P<orso>or\s+so)\b)?"
                 r"(?:\s+(?P<dir>ago|earlier|later|from\s+now|hence|" + _ON + r")\b|(?P<hence>['’]s?\s+time\b))?"
                 r"(?:(?<=ago),?\s+(?P<dw>today|yesterday|this\s+(?:week|month))\b)?",
                 "0-9acdefhmnostz")
# "Days earlier", "hours later", "weeks ago": units not counted (counted ones are _P_DURATION's).
_P_UNITS_AWAY = _c(r"\b(?P<unit>minutes|hours|days|weeks|months|years|decades)"
                   r"\s+(?P<dir>earlier|later|ago|" + _ON + r")\b", "dhmwy")
_NOUN_PHRASE_BEFORE = _c(r"\b(?:the|these|those|their|its|his|her|our|of)\s+$")
_P_FRAC_DURATION = _c(r"\b(?P<n>\d+)\s+1/2\s+(?P<unit>" + UNIT + r")\b", "0-9")
_BARE_UNITS = ("years", "months", "weeks", "days", "decades", "centuries", "hours", "quarters")
_BARE_UNIT = r"(?:" + "|".join(_BARE_UNITS) + r")\b"
_P_BARE_UNITS = _c(r"\b(?:(?P<pre>for|over|within|over\s+the|in\s+recent|recent|the\s+coming|coming|in\s+coming|"
                   r"the\s+past\s+few|the\s+next\s+few|the\s+last\s+few|the\s+following|the\s+ensuing|"
                   r"the\s+subsequent|the)\s+)(?P<unit>" + _BARE_UNIT + r")"
                   # "within weeks or months", "in the weeks ahead", "in the days that followed"
                   r"(?:\s+or\s+" + _BARE_UNIT + r")?(?:(?P<ahead>\s+ahead\b)|(?P<after>\s+that\s+followed\b))?"
                   r"|\bfor\s+(?P<vague>a\s+while|some\s+time)\b")
# "current" as an adjective before a noun ("current market conditions"), not the noun ("the current"), not
# the electric one, not the accounting terms ("current assets").
_CURRENT_ADJ = (r"(?:then[\s-]+)?(?<!electric\s)(?<!alternating\s)(?<!direct\s)current"
                r"(?=\s+(?!(?:of|and|or|is|was|are|were|in|to|from|flows?|accounts?|assets|liabilities|ratio)\b)[a-z])")
_P_REF = _c(r"\b(?P<w>right\s+now|now|nowadays|currently|at\s+present|presently|these\s+days|at\s+the\s+moment|"
            r"recently|more\s+recently|lately|in\s+the\s+past|the\s+past|" + _CURRENT_ADJ + r"|"
            # "the future of the industry" is a thing, not a time; "soon after", "as soon as it ends" are signals
            r"the\s+near\s+future|the\s+future(?!\s+of\b)|the\s+near\s+term|the\s+short\s+term|the\s+long\s+term|"
            r"(?<!\bas\s)soon(?!\s+(?:after|as)\b)|a\s+(?:later|future)\s+date|"
            r"as\s+soon\s+as\s+possible|at\s+this\s+time|the\s+time\s+being)\b", "acilmnprst")
_P_POD = _c(r"\b(?:(?:the\s+)?(?P<pre>early|late|mid|later|earlier)(?:\s*-\s*|\s+)(?:in\s+the\s+|on\s+)?)?"
            r"(?:(?P<rel>this|last|"
            r"the\s+(?:next|following|previous|same)|that\s+same|the|that)\s+)?"
            r"(?P<pod>morning|afternoon|evening|night|dawn|daybreak|sunrise|first\s+light|dusk|sunset|nightfall)\b"
            # "the night shift", "the evening news": a thing named after a part of the day, not a time
            r"(?!\s+(?:shifts?|sky|skies|clubs?|vision|school|classes|news|editions?|shows?|papers?)\b)"
            r"(?:\s+(?P<dw>yesterday|today|tomorrow)\b)?|\b(?P<over>overnight)\b"
            # the hours after midnight, counted as the start of the morning
            r"|\bthe\s+(?P<hours>early|small|wee)\s+hours\b(?:\s+of\s+the\s+morning\b)?", "emltanodsf")
_BLANK_LINE = r"\n[^\S\n]*\n"  # where one paragraph ends and the next begins
# White space that opens no new paragraph: "at 11:52 p.m.\n\nFeb 3 - SES orders" are two times of two entries.
_IN_PARAGRAPH = r"(?:(?!" + _BLANK_LINE + r")\s)"
# "0900 local (0600 GMT)": "local" alone, not "1200 local residents".
_LOCAL_ALONE = r"local\b(?!\s+[a-z])"
_P_CLOCK = _c(r"(?:"
              r"\b(?P<h1>[01]?\d)(?:[:.](?P<m1>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.|[ap]m\b|[ap]\.m\b)"
              r"|(?<![\w:.,])(?P<h2>[01]?\d|2[0-4]):(?P<m2>[0-5]\d)(?::(?P<s2>[0-5]\d))?(?!\w|:\d|\.\d)"  # "06:15:" too
              r"(?:\s*(?:hours|hrs)\b)?"  # "21:00 hours"
              r"|(?<![\w.,:$])(?P<h3>[01]\d|2[0-4])(?P<m3>[0-5]\d)(?=\s*(?:hours?\b|hrs\b|h\b|GMT|UTC|Zulu|Z\b|"
              r"local\s+time|" + _LOCAL_ALONE + r"|[A-Z]{2,4}T\b|[EP]T\b))(?:\s*(?:hours?|hrs|h)\b)?"
              # "17.30 GMT", "05.45 local time": with a dot only before a zone, as "closed at 17.30" is a price
              r"|(?<![\w.,:$£€])(?P<h7>[01]?\d|2[0-3])\.(?P<m7>[0-5]\d)(?=\s*(?:hrs\b|GMT|UTC|local\s+time|"
              + _LOCAL_ALONE + r"|[A-Z]{2,4}T\b|[EP]T\b))(?:\s*hrs\b)?"
              # "left at 22.47", "due at 06.52": with a dot and no zone, after "at" and the like (see _r_clock)
              r"|(?<![\w.,:$£€])(?P<h8>[01]\d|2[0-3])\.(?P<m8>[0-5]\d)(?![\w%]|[.,]\d)"
              r"|\b(?P<noon>noon|midday|midnight)\b"
              r"|(?<![\w:.,])(?P<h6>[01]?\d|2[0-3])h(?P<m6>[0-5]\d)\b"  # "14h30", as French and other news write it
              # "5 o'clock in the morning", "2 in the afternoon"; in words, see _P_OCLOCK
              r"|\b(?<![\d.,])(?P<h4>[1-9]|1[0-2])(?:[:.](?P<m4>[0-5]\d))?(?:\s+o['’]clock\b)?\s+"
              r"(?:in\s+the\s+(?P<half>morning|afternoon|evening)|at\s+(?P<night>night))\b"  # "1.40 in the morning"
              r"|\b(?P<h5>[1-9]|1[0-2])\s+o['’]clock\b)"
              # "14:30 GMT+2": an offset from UTC as news writes it (not POSIX's inverted sign)
              r"(?:\s*(?P<zone>" + ZONE + r")(?P<zoff>[+-](?:1[0-4]|0?\d)(?::?[0-5]\d)?(?![\d:]))?"
              r"|\s+(?P<local>local\s+time|" + _LOCAL_ALONE + r"))?"
              r"(?:,?" + _IN_PARAGRAPH + r"+(?P<wd>" + WEEKDAY + r")|,?" + _IN_PARAGRAPH + r"+(?P<mon>" + MONTH
              + r")\s+(?P<d>[0-3]?\d)\b)?", "0-9nm")
# "half past two", "(a) quarter to nine", "ten past midnight", "20 minutes past 6 in the evening".
# Digits need "minutes": "from 5 to 7 p.m." is a range of hours.
_P_PAST_HOUR = _c(r"\b(?P<part>(?:a\s+)?quarter|half|(?P<mins>[1-5]?\d(?=\s+minutes)|five|ten|twenty|twenty-five)"
                  r"(?:\s+minutes)?)"
                  r"\s+(?P<rel>past|to|after)\s+(?P<hour>1[0-2]|[1-9]|" + _HOUR_WORD + r"|midnight|noon)\b"
                  r"(?:\s+in\s+the\s+(?P<half>morning|afternoon|evening)\b|\s*(?P<ampm>[ap]\.\s?m\.|[ap]m\b))?"
                  r"(?:,?\s+(?P<wd>" + WEEKDAY + r"))?", "0-9aqhftn")
# "five o'clock (in the morning)", "four in the morning" (see _r_clock: "one in the evening" may be a pronoun).
_P_OCLOCK = _c(r"\b(?P<h4>" + _HOUR_WORD + r")(?=\s+(?:o['’]clock\b|in\s+the\s+(?:morning|afternoon|evening)\b"
               r"|at\s+night\b))(?P<oclock>\s+o['’]clock\b)?"
               r"(?:\s+in\s+the\s+(?P<half>morning|afternoon|evening)\b|\s+at\s+(?P<night>night)\b)?")
_P_SET = _c(r"\b(?:(?P<q>each|every|per)\s+(?:single\s+)?(?P<unit>day|week|month|quarter|year|morning|night|evening|"
            r"afternoon|hour|" + WEEKDAY + r"|" + MONTH + r")(?:\s+(?P<pod>morning|afternoon|evening|night)\b)?"
            r"|(?P<adv>hourly|nightly)"
            # "meets weekly and reports monthly", "twice daily": adverbs, not "a weekly magazine"
            r"|(?P<adv2>daily|weekly|monthly|annually|yearly)(?=\s*(?:[,.;:!?)]|$)|\s+(?:and|or|but|in|at|on|for|"
            r"since|until|to|from|by|with|while|as|when|during|basis)\b)"
            # in business news mostly an adjective ("quarterly and annual reports"): before a stop or "basis" only
            r"|(?P<adv3>quarterly)(?=\s*(?:[,.;:!?)]|$)|\s+basis\b)"
            # "every two weeks", "every other day"
            r"|every\s+(?P<n>other|\d{1,2}|" + _HOUR_WORD + r")\s+(?P<units>minutes|hours|days|weeks|months|years|"
            r"day|week|month|year)"
            # "twice a week", "three times a day": how often, one set with its unit
            r"|(?:once|twice|thrice|(?:\d{1,2}|" + _HOUR_WORD + r"|several|many)\s+times)\s+(?:a|an|per|each|every)\s+"
            r"(?P<funit>day|week|month|year|hour|night|fortnight))\b", "ehnpdwmayqotsf0-9")

# What may stand before a core match and belongs to the expression, matched backwards (anchored at its end).
_PRE_WORDS = (r"(?:the\s+)?(?:(?:early|mid|late)(?:\s+in)?(?:\s*-\s*|\s+)|(?:end|start)\s*-\s*|"  # "end-June"
              r"(?:beginning|start|middle|end|close|first\s+half|second\s+half|last\s+half)\s+of\s+(?:the\s+)?)")
_BEFORE_PERIOD = _c(r"(?:\b(?P<pre>" + _PRE_WORDS + r"))?(?:\b(?P<rel>last|this|next|this\s+past|this\s+coming|"
                    r"the\s+previous|the\s+following)\s+)?(?:\b(?P<fy>fiscal(?:\s+year)?|the\s+year)\s+)?$")
_BEFORE_RELUNIT = _c(r"(?:\b(?P<pre>early|late|earlier|later|mid)(?:\s+in)?(?:\s*-\s*|\s+)|\b(?P<pre2>(?:the\s+)?"
                    r"(?:beginning|start|middle|end|close)\s+of)\s+)?$")
_SHARED_PLURAL_POD = _c(r"\s+(?:and|or)\s+" + WEEKDAY + r"\s+(?P<pod>morning|afternoon|evening|night)s\b")
_BEFORE_SPELLED_YEAR = _c(r"(?:\b(?P<mon>" + MONTH_ANY + r")\s+(?:of\s+)?|\b(?:the\s+)?"
                          r"(?P<season>spring|summer|autumn|fall|winter)\s+of\s+)?$")
# What a rate's "a year"/"a week" follows: an amount, a plural count noun or a frequency word.
_RATE_BEFORE = _c(r"(?:\d|\b(?:million|billion|thousand|hundred|cents?|dollars?|percent|times|once|twice|thrice"
                  r"|(?!(?:earnings|results|sales|profits|less|this|was|has|is|as|its|his|us|years|months|weeks|days)\b)"
                  r"[a-z]{2,}s))\s+$")
_YEAR_ENDED = _c(r"\s+end(?:ed|ing)\b")
_QUARTER_ENDED = _c(r"\s+end(?:ed|ing)\s+(?P<mon>" + MONTH + r")\s+(?P<d>[0-3]?\d)\b(?:,?\s+(?P<y>\d{4})\b)?")
_THROUGHOUT = _c(r"\bthroughout\s+$")
_BEFORE_MDY = _c(r"(?:\b(?P<wd>" + WEEKDAY + r"|" + WEEKDAY_ABBREVIATED + r"),?\s+)?$")
_BEFORE_DECADE = _c(r"(?:\bthe\s+)?(?:\b(?P<pre>" + _PRE_WORDS + r"))?$")
_LAST_NOT_VERB = r"(?<!will\s)(?<!would\s)(?<!to\s)(?<!could\s)(?<!may\s)(?<!might\s)(?<!can\s)(?<!should\s)last"
_BEFORE_DURATION = _c(r"(?:\b(?P<mod>" + _alt([w for w in _DURATION_MODS if w != "over"]) + r")\s+"
                      r"|\b(?P<mod2>over)\s+(?!the\b))?(?:\b(?P<det>the|each\s+of\s+the)\s+)?"
                      # not "last" the verb: "expected to last several months", "will last three days"
                      r"(?:\b(?P<rel>past|" + _LAST_NOT_VERB + r"|next|first|coming|previous|following|latest|final|"
                      r"initial|additional|further|other|recent)\s+)?$")

# A cheap test for anything the clock pattern could match.
_CLOCK_GATE = re.compile(r"\d(?:[:.]\d\d)?\s*[ap]\.?\s?m\b|\d:\d\d|\d\d\s*(?:hours?|hrs|h|[a-z]{1,4}t|gmt|utc|z|zulu"
                         r"|local)\b|noon|midday|midnight|o['’]clock|\d\s+in\s+the\s+(?:morning|afternoon|evening)"
                         r"|\d\s+at\s+night|\dh\d\d"
                         r"|\b(?:at|from|until|till|to|by|before|after|around|about|since|between|and)\s+[0-2]\d\.\d\d")

# Context cues.
_SIGNAL_BEFORE = _c(r"\b(?P<s>" + _alt(list(_SIGNALS)) + r")\s+(?:the\s+)?$")
# Tense cues around a span: the nearest one decides whether an underspecified date lies ahead or behind.
# Future forms are listed first so that "scheduled to" is not read as a past "-ed".
_TENSE_CUE = _c(r"(?P<f>\b(?:will|won't|wo\s+n't|shall|going\s+to|is\s+to|are\s+to|set\s+to|due|"
                # a plan the text reports: "the storm was expected to weaken by Thursday morning"
                r"(?:was|were)\s+(?:scheduled|expected|due|set|planned|slated)\s+to|"
                # "investigators were expected at the site Friday", "was due in court on Monday"
                r"(?:was|were)\s+(?:scheduled|expected|due|planned|slated)\s+(?:at|in|on|for)|"
                # "should be completed by Friday"; "should have" is a past
                r"(?:should|must)(?!\s+have)|"
                # a state that lasts, or a plan being made: "in effect until Friday", "are organizing a vigil for"
                r"in\s+(?:effect|force)|(?:is|are)\s+(?:organi[sz]ing|planning|preparing|holding|hosting)|"
                r"(?:scheduled|expected|planned|proposed|intended|slated|poised|supposed)(?:\s+to)?|expects?\s+to|"
                r"plans?\s+to|intends?\s+to|hopes?\s+to|aims?\s+to|would|upcoming|next|coming|effective"
                # the present of a scheduled event: "the two leaders meet Monday", "the offer expires Friday"
                # ("had been due to expire Friday" is an infinitive under a past plan)
                r"|(?<!to\s)(?:meets?|begins?|starts?|resumes?|expires?|arrives?|convenes?|departs?"
                # "polls close at 8 p.m.", not "at the close of business Thursday", "Friday's close", "was open"
                r"|(?<!the\s)(?<!'s\s)(?<!’s\s)(?<!was\s)(?<!were\s)(?<!been\s)(?:opens?|closes?)"
                # "voters go to the polls on Sunday", "the summit takes place Friday", "she travels to Paris on Monday"
                r"|go(?:es)?\s+to\s+the\s+polls|takes?\s+place|kicks?\s+off|gets?\s+under\s*way|travels?\s+to"
                r"|heads?\s+to"
                # a state that holds on until a time ahead: "the warning now runs until Monday"
                r"|(?:runs?|lasts?|remains?|continues?|stays?)\s+(?:in\s+(?:place|force|effect)\s+)?until)"
                r"|(?:is|are)\s+(?:on|at)|takes?\s+effect|comes?\s+into\s+force)\b|'ll\b)"  # "the vote is on Friday"
                # "had been scheduled to expire Friday": a plan that lay in the past
                r"|(?P<p>\b(?:(?:had\s+been|had|was|were)\s+(?:scheduled|expected|due|set|planned|slated)(?:\s+to)?"
                # "last" the verb after a modal ("would last until Thursday") is no past
                r"|was|were|had|did|said|ago|" + _LAST_NOT_VERB +
                r"|since|began|rose|fell|took|came|went|grew|became|ran"
                # past forms that are also participles: "will be paid" is no past
                r"|(?P<pp>made|brought|paid|sold|bought|left|met|won|lost|told|got|gave|saw|fought|struck|held"
                r"|spent))\b)"
                r"|(?P<ed>\b[a-z]{2,}ed\b)")  # a past -ed verb, once _past_ed() has ruled out adjectives
# Modal auxiliaries of the future, looked for further back than the other cues (see _Ctx._far_modal).
# A reporting verb that closes a sentence: "…, Hayes said.", "…, police said on Tuesday."
_TRAILING_ATTRIBUTION = _c(r"(?:said|told\s+\w+|added|stated|announced|reported|wrote|noted)\b[^.!?\n,;]{0,20}"
                           r"(?:[.!?]|$)")
_MODAL_CUE = _c(r"\b(?:will|won't|shall|would|going\s+to)\b|'ll\b")
# -ed words that are not past verbs, and words after which an -ed word is an adjective or a passive
# ("a still unspecified date", "will be named").
_NOT_PAST_ED = frozenset(("based", "limited", "united", "hundred", "indeed", "need", "proceed", "succeed", "exceed",
                          "feed", "speed", "red", "bed", "related", "detailed", "advanced", "concerned", "interested",
                          "armed", "troubled", "supposed"))
# "be paid", "a detailed plan", "will stay closed": a passive or an adjective
_BEFORE_ADJECTIVE_ED = re.compile(r"\b(?:a|an|the|its|still|their|be|being|stay|stays|remain|remains)\s$",
                                  re.IGNORECASE)
# An agent after a participle: "markets untouched by the crisis" is a description, not a past event.
_BY_AFTER = re.compile(r"\s+by\s+", re.IGNORECASE)
# A sentence ends at . ! ? before a capital, except after an initial ("P.") or a title ("Mr.", "Corp.").
_SENTENCE_END = re.compile(r"(?:[!?]|\.(?<![A-Z]\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bJr\.)(?<!\bCo\.)"
                           r"(?<!\bMrs\.)(?<!\bInc\.)(?<!\bCorp\.)(?<!\bGov\.)(?<!\bSen\.)(?<!\bRep\.)(?<!\bGen\.)"
                           r"(?<!\bCol\.)(?<!\bLt\.))"
                           r"\s+(?=[A-Z\"'“])|\n")
# Words that follow a count rather than a year: "2000 people", "1500 troops" (not "1989 was", "1989 is").
_COUNT_NOUN_AFTER = re.compile(r"\s+(?:(?!(?:years|days|is|was|has|as|us|its|this|thus|plus|versus|less|unless)\b)"
                               r"[a-z]+s|people|men|women|children|police|personnel|staff"
                               r"|feet|km|kilometres|kilometers|tonnes|tons|metres|meters"
                               # units as abbreviations: "1500 MT of wheat", "2000 MW", "1200 kg"
                               r"|(?-i:MT|MW|GW|kW|MWh|GWh|kWh|kg|GB|TB|mph|km/h|bpd|BPD))\b")
_YEAR_CUE_BEFORE = _c(r"\b(?:in|since|until|till|by|from|of|during|before|after|between|and|to|through|the|"
                      r"fiscal|early|mid|late|year|circa|around|about|or|than)\W*$")
_YEAR_RANGE_BEFORE = re.compile(r"\b((?:1[5-9]|20)\d\d)\s*[-–/]\s*$")
_NUMBER_RANGE_AFTER = re.compile(r"\s*[-–]\s*(\d{3,5})\b")
# Prepositions a pattern needs for context but TimeBank leaves outside the span: "(in) recent years",
# "(within) a week", "(for) centuries", "(in) the past".
_LEADING_SIGNAL = _c(r"(?:in|within|for|over)\s+")
# A determiner before a hyphenated compound belongs to the noun the compound modifies: "the [third-quarter]
# loss", "its [two-week] strike".
_COMPOUND_DETERMINER = _c(r"(?:the|its|their)\s+(?=(?:fiscal\s+)?\S+-(?:quarter|year|month|week|day|hour|minute)$)")
_APPROX_BEFORE = _c(r"\b(?:approximately|approx\.|about|around|roughly|circa|c\.)\s+$")
_RANGE_GAP = _c(r"^" + _IN_PARAGRAPH + r"*(?:-|–|—|to|and|until|till|through|thru)" + _IN_PARAGRAPH + r"*$")
_RANGE_HEAD = _c(r"\b(?P<w>between|from)\s+$")

# ---------------------------------------------------------------------------
# Resolution context
# ---------------------------------------------------------------------------


_DAY_BEFORE_REACH = 300  # characters: about the sentence before

# What may open a sentence before the time that frames it: "In 2019, ...", "During March 2020, ...".
_FRAMING_OPENING = re.compile(r"\s*[\"“]?(?:In|During)\s+(?:early\s+|late\s+|mid-)?", re.IGNORECASE)


@dataclass
class _Ctx:
    """Per-call resolution state: the DCT and the date in focus (the last specific date)."""

    text: str
    dct: datetime
    tz: ZoneInfo
    today: date
    focus: str  # a TIMEX3 value, at most day precision
    focus_named: bool = False  # whether the focus was named in the text rather than being the DCT
    # The focus of the story told in the past: the last date in focus that is not after the text was written.
    # "A day earlier, the ministry had reported ..." after "he was due to return on Friday" counts from it.
    past_focus: str = ""
    focus_start: int = -1  # where the text named it
    # The last day the text named: a clock time after a coarser date in focus ("recorded in February 1954")
    # is on the day the story was on.
    day_focus: date | None = None
    # Whether the time in focus is in the day's second half ("at 4 p.m.", "Tuesday night"): "overnight"
    # after it is the night that follows, not the one before.
    focus_late: bool = False
    # Whether it is in the evening or night ("at 10.30pm", "Monday night"): a clock time in the small hours
    # after it is in the night that follows.
    focus_night: bool = False
    # The first calendar quarter the text names: the period a results report is about ("third-quarter
    # net income rose"); "the quarter", "the latest period", "the year-ago quarter" refer back to it.
    topic_quarter: str | None = None
    # The time of the live page's entry being read ("14:32 BST" alone on its line): "an hour ago" in it counts
    # back from then, not from when the page was last updated.
    entry: _Res | None = None

    def day_of(self, focus: str) -> date:
        """The day a focus value names; for a longer period ("in 1954"), the last day named, else today."""
        found = _focus_date(focus)
        return found[0] if found and found[1] == "day" else self.day_focus or self.today

    def tense(self, start: int, end: int) -> int:
        """+1 when the words nearest a span speak of the future, -1 of the past, 0 when nothing tells.

        The cue nearest the span within its sentence wins (one before it by preference: "will meet on
        Monday"; one after it when the date is fronted: "On Monday, the board will meet"). With neither,
        a modal further back in the sentence decides.
        """
        lo = self.sentence_start(start, 60)
        best, best_distance = 0, 10**6
        for cue in _TENSE_CUE.finditer(self.text, lo, start):
            sign = self._cue_sign(cue, start)
            if sign:
                best, best_distance = sign, start - cue.end()
        hi = min(len(self.text), end + 40)
        stop = _SENTENCE_END.search(self.text, end, hi)
        for cue in _TENSE_CUE.finditer(self.text, end, stop.start() if stop else hi):
            if cue.start() - end + 20 >= best_distance:
                break
            if best and _TRAILING_ATTRIBUTION.match(self.text, cue.start()) and "," in self.text[end:cue.start()]:
                continue  # "will not return before Friday, Hayes said.": the saying is not the clause's tense
            sign = self._cue_sign(cue)
            if sign:
                return sign
        return best or self._far_modal(start)

    def focus_in_earlier_paragraph(self, start: int) -> bool:
        """Whether the date in focus was named in a paragraph before the one at start."""
        return self.focus_named and _PARAGRAPH_BREAK.search(self.text, max(self.focus_start, 0), start) is not None

    def story_focus(self, start: int, end: int) -> str:
        """The focus "a day earlier", "two days later" count from: in a past-tense context, no day after the text."""
        if self.past_focus == self.focus:
            return self.focus  # (the tense costs a scan: only asked when the two differ)
        return self.past_focus if self.tense(start, end) < 0 else self.focus

    def _far_modal(self, start: int) -> int:
        """+1 when a modal auxiliary further back in the sentence puts a span with no nearer cue in the future.

        A modal governs its whole verb phrase, however long ("will be named commander of the shuttle for a
        mission in December"); a past form that far back more often belongs to another clause, so only modals
        count.
        """
        return 1 if _MODAL_CUE.search(self.text, self.sentence_start(start, 160), start) else 0

    def year_named_before(self, start: int) -> int | None:
        """The year a sentence opens with, for a date later in it: "In 2019, ... ended on Jan. 25" is in 2019.

        Only an opening "In/During ...": a year elsewhere in the sentence is as often about something else
        ("a program approved in 1987 ... had purchased shares through Sept. 29").
        """
        if not self.focus_named or not 0 <= self.focus_start < start:
            return None
        opening = self.sentence_start(start, start - self.focus_start + 20)
        if opening > self.focus_start or not _FRAMING_OPENING.fullmatch(self.text, opening, self.focus_start):
            return None
        return int(self.focus[:4])

    def year_of_day_before(self, start: int, month: int, day: int) -> int | None:
        """The year of a full date of another year named just before, for a day a few weeks after it.

        "... on the morning of 24 August 2016. ... pulled out alive on 26 August": 2016, not this year.
        """
        found = _focus_date(self.focus)
        if (not self.focus_named or found is None or found[1] not in ("day", "week")
                or not 0 <= start - self.focus_start <= _DAY_BEFORE_REACH):
            return None
        named = found[0]
        following = _safe_date(named.year, month, day)
        if named.year == self.today.year or following is None or not 0 < (following - named).days <= 60:
            return None
        return named.year

    def sentence_start(self, start: int, reach: int) -> int:
        """Where the sentence holding `start` begins, looking back at most `reach` characters."""
        lo = max(0, start - reach)
        # Up to the span's first character: the end's lookahead for a capital must see a sentence the span opens.
        for cut in _SENTENCE_END.finditer(self.text, lo, min(start + 1, len(self.text))):
            if cut.end() <= start:
                lo = cut.end()  # the last sentence end before the span
        return lo

    def _cue_sign(self, cue: re.Match[str], span_start: int = -1) -> int:
        if cue["f"]:
            return 1
        if cue["p"] and not cue["pp"]:
            return -1
        word = cue["pp"] or cue["ed"]
        if word.lower() in _NOT_PAST_ED or _BEFORE_ADJECTIVE_ED.search(self.text, max(0, cue.start() - 9),
                                                                       cue.start()):
            return 0  # "will be paid", "a still unspecified date": a passive or an adjective, not a past verb
        agent = _BY_AFTER.match(self.text, cue.end())
        if agent and agent.end() != span_start:  # "doubled by August" is the span's own verb: keep it
            return 0
        return -1

    def future_context(self, start: int, end: int) -> bool:
        """Whether the words around a span speak of the future."""
        return self.tense(start, end) > 0


@dataclass(frozen=True)
class _Res:
    """What a rule resolved a span to."""

    type: str
    value: str
    mod: str | None = None
    zone: str | None = None  # zone as written, for clock times
    offset: timedelta | None = None  # explicit UTC offset from the text
    anchor: bool = True  # whether this value becomes the date in focus
    # For a value that names no point ("days earlier" is PAST_REF): the time it lies before or after.
    beside: tuple[str, Qualifier] | None = None
    hours: tuple[int, int] | None = None  # local hours of a part of day narrower than its code's ("the early hours")


class _M:
    """A core match with the words matched backwards before it; groups are read from either."""

    __slots__ = ("core", "before", "text")

    def __init__(self, core: re.Match[str], before: re.Match[str] | None, text: str) -> None:
        self.core = core
        self.before = before
        self.text = text  # the original text: a core matched on the lower-cased copy reads its groups here

    def __getitem__(self, name: str) -> str | None:
        if name in self.core.re.groupindex:
            a, b = self.core.span(name)
            return None if a < 0 else self.text[a:b]
        if self.before is not None and name in self.before.re.groupindex:
            return self.before[name]
        return None

    def start(self, name: int | str = 0) -> int:
        if name == 0 and self.before is not None and self.before.end() > self.before.start():
            return self.before.start()
        return self.core.start(name)

    def end(self, name: int | str = 0) -> int:
        return self.core.end(name)


_Rule = Callable[[_M, "_Ctx"], "_Res | None"]


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    rule: _Rule
    match: _M
    priority: int


# ---------------------------------------------------------------------------
# Small calendar helpers
# ---------------------------------------------------------------------------


def _number(words: str) -> int | None:
    """The value of a numeral written in digits or words; None for vague amounts ("several")."""
    w = re.sub(r"\s+", " ", words.strip().lower())
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", w):
        return int(float(w.replace(",", "")))
    if w in ("a couple of", "couple of"):
        return 2
    if w in ("a dozen",):
        return 12
    total = 0
    current = 0
    previous = None
    for part in re.split(r"[\s-]+", w):
        if part == "and":
            if previous not in (100, 1000):
                return None  # "six and eight": two numbers, not "one hundred and twenty"
            continue
        n = previous = NUMBER_WORDS.get(part)
        if n is None:
            return None
        if n == 100:
            current = max(current, 1) * 100
        elif n == 1000:
            total += max(current, 1) * 1000
            current = 0
        else:
            current += n
    return total + current


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _week_value(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def _quarter(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _focus_date(value: str) -> tuple[date, str] | None:
    """The first day of a focus value and its granularity."""
    m = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})|-Q([1-4]))?", value)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(3):
        return date(y, int(m.group(2)), int(m.group(3))), "day"
    if m.group(2):
        return date(y, int(m.group(2)), 1), "month"
    if m.group(4):
        return date.fromisocalendar(y, int(m.group(4)), 1), "week"
    if m.group(5):
        return date(y, 3 * int(m.group(5)) - 2, 1), "quarter"
    return date(y, 1, 1), "year"


_GRAN_RANK = {"year": 0, "quarter": 1, "month": 2, "week": 3, "day": 4}


def _at_granularity(d: date, gran: str) -> str:
    if gran == "day":
        return d.isoformat()
    if gran == "week":
        return _week_value(d)
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "quarter":
        return f"{d.year:04d}-Q{_quarter(d)}"
    return f"{d.year:04d}"


def _shift(d: date, unit: str, k: int) -> date:
    """Move a date by k calendar units (D, W, M, Q, Y, E, C)."""
    if unit == "D":
        return d + timedelta(days=k)
    if unit in ("W", "WE"):
        return d + timedelta(weeks=k)
    months = {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200}.get(unit)
    if months is None:
        return d
    y, m = _add_months(d.year, d.month, k * months)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


_UNIT_GRAN = {"D": "day", "W": "week", "WE": "week", "M": "month", "Q": "quarter",
              "Y": "year", "E": "year", "C": "year"}


def _unit_of(word: str) -> tuple[str, bool]:
    w = word.lower().rstrip(".")
    if w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("s") and w not in ("hrs", "yrs", "mins", "secs"):
        w = w[:-1]
    w = {"hrs": "hr", "yrs": "yr", "mins": "min", "secs": "sec"}.get(w, w)
    return _UNITS.get(w, ("X", False))


def _nearest_year(today: date, month: int, day: int | None, tense: int) -> int:
    """The year of a month (and day) named without one: the one in a twelve-month window around the DCT.

    News speaks of the recent past more than of the future: the window runs from 7 months before the
    DCT's month to 4 after; from 10 before to 1 after in a past-tense sentence ("stepped down in March";
    a day up to 2 months ahead: "declared a dividend payable Dec. 15" stays ahead),
    from 2 before to 9 after in a future one ("a mission in December").
    """
    lo = (-10 if day is None else -9) if tense < 0 else -2 if tense > 0 else -7
    for y in (today.year - 1, today.year, today.year + 1):
        if lo <= (y * 12 + month) - (today.year * 12 + today.month) < lo + 12:
            return y
    return today.year


def _premod(text: str | None) -> str | None:
    if not text:
        return None
    t = re.sub(r"\s+", " ", text.lower()).strip(" -")
    t = re.sub(r"^(?:the|in|at|by) ", "", t)
    t = re.sub(r" (?:of|of the|in|on)$", "", t)
    return _PREMODS.get(t) or _PREMODS.get(t.split(" ")[0])


# ---------------------------------------------------------------------------
# Rules: each turns a match into a resolved value
# ---------------------------------------------------------------------------


def _r_iso(m: _M, ctx: _Ctx) -> _Res | None:
    d = _safe_date(int(m["y"]), int(m["m"] or m["m2"]), int(m["d"] or m["d2"]))
    if d is None:
        return None
    if m["H"] is None:
        return _Res("DATE", d.isoformat())
    hh, mm = int(m["H"]), int(m["M"])
    if hh > 23:
        return None
    value = f"{d.isoformat()}T{hh:02d}:{mm:02d}" + (f":{m['S']}" if m["S"] else "")
    off = None
    zone = None
    if m["z"]:
        zone = m["z"]
        off = timedelta(0) if zone.upper() == "Z" else _parse_offset(zone)
    return _Res("TIME", value, zone=zone, offset=off)


def _parse_offset(text: str) -> timedelta:
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))


_NEAR_TEXT = timedelta(days=60)


def _r_numeric(m: _M, ctx: _Ctx) -> _Res | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        y = _year_of_two_digits(y, ctx.today.year)
    # Dots are European (day first); slashes and hyphens are as the place writes them (month first in the
    # Americas and where no place is known, as in US news) unless that cannot be. The other reading wins when
    # only it is near the text's date ("12/02/2026" in a text of 13 February 2026 is the day before), or when
    # both are and only it is not after the text ("3/2/2025" in an Australian text of 5 February 2025).
    if m["sep"] == "." or a > 12:
        return _numeric_date(_safe_date(y, b, a))
    if b > 12:
        return _numeric_date(_safe_date(y, a, b))
    first, other = _safe_date(y, a, b), _safe_date(y, b, a)
    if not (ctx.tz.key or "UTC").startswith(_MONTH_FIRST_ZONES):
        first, other = other, first
    if first and other and abs(other - ctx.today) <= _NEAR_TEXT and (
            _NEAR_TEXT < abs(first - ctx.today) or other <= ctx.today < first):
        first = other
    return _numeric_date(first)


def _r_day_month(m: _M, ctx: _Ctx) -> _Res | None:
    """A day and month in numbers after "on", "from" and the like, when only one order is a date: 27/10, 10/27."""
    a, b = int(m["a"]), int(m["b"])
    if not _ON_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()) or (a, b) == (24, 7) or (a > 12) == (b > 12):
        return None  # "5/6" could be either; "24/7" is around the clock
    day, month = (a, b) if a > 12 else (b, a)
    return _numeric_date(_safe_date(_nearest_year(ctx.today, month, day, ctx.tense(m.start(), m.end())), month, day))


_ON_BEFORE = re.compile(r"\b(?:on|from|until|till|to|by|since|before|after|and)\s+$", re.IGNORECASE)


def _numeric_date(d: date | None) -> _Res | None:
    return _Res("DATE", d.isoformat()) if d else None


# Zones whose news writes numeric dates month first; UTC, where the place is unknown, as US news does.
_MONTH_FIRST_ZONES = ("America/", "US/", "Pacific/Honolulu", "UTC", "Etc/")


def _month_num(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _capitalised(word: str | None) -> bool:
    """Whether a month name was written as a name ("May", "MAY"), not as a common word ("may")."""
    return bool(word) and word[0].isupper()


def _weekday_of(y: int, month: int, day: int) -> int | None:
    d = _safe_date(y, month, day)
    return None if d is None else d.weekday()


# "last year", "this year", "next year", and "the year" of "the first half of the year": steps from the DCT's year.
_YEAR_STEP = {"last": -1, "this": 0, "the": 0, "next": 1}


def _r_mdy(m: _M, ctx: _Ctx) -> _Res | None:
    month_name, year_named = m["mon"] or m["mon2"], m["y"] or m["y2"]
    if not _capitalised(month_name):
        return None
    month = _month_num(month_name)
    day = int(m["d"]) if m["d"].isdigit() else ORDINALS[re.sub(r"\s+", "-", m["d"].lower())]
    if not 1 <= day <= 31:
        return None
    if year_named:
        year = int(year_named)
    elif m["ry"]:
        year = ctx.today.year + _YEAR_STEP[m["ry"].lower()]
    elif range_end := _RANGE_END_WITH_YEAR.match(ctx.text, m.end()):
        year = int(range_end["y"])  # "Sept. 14-15, 2022": the year after the range is the start's too
    elif (year_before := ctx.year_named_before(m.start()) or ctx.year_of_day_before(m.start(), month, day)) \
            is not None and (not m["wd"] or _weekday_of(year_before, month, day) == _weekday_number(m["wd"])):
        year = year_before  # "In 2019, ... ended on Jan. 25"
    else:
        year = _nearest_year(ctx.today, month, day, ctx.tense(m.start(), m.end()))
        if m["wd"]:  # "Tuesday, Nov. 7": the nearest year in which that date is that weekday
            wd = _weekday_number(m["wd"])
            fits = [y for y in (year, year - 1, year + 1) if _weekday_of(y, month, day) == wd]
            if fits:
                year = fits[0]
    d = _safe_date(year, month, day)
    if d is None:
        return None
    return _Res("DATE", d.isoformat(), mod=_premod(m["pre"]))


_RANGE_END_WITH_YEAR = re.compile(r"\s*[-–]\s*[0-3]?\d(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b")
# Before "May" or "March" alone, words that make it the month.
_MONTH_WORD_BEFORE = re.compile(r"\b(?:in|since|until|till|by|of|from|early|late|mid|last|this|next|through|during|"
                                r"before|after|between|as\s+(?:recently|early|late)\s+as"
                                # the end of a range of months: "between January and May", "from March to May"
                                r"|(?:between|from)\s+" + MONTH + r"\s*(?:and|to|until|till|through|-|–)"
                                r"|\b" + MONTH + r"(?:\s*[-–]|\s+(?:to|until|till|through)))\s*$",  # "March-May"
                                re.IGNORECASE)
# After "May" or "March" alone, the rest of a range of months: "March-May", "March to May 2024".
_MONTH_RANGE_AFTER = re.compile(r"\s*(?:[-–]|to|until|till|through)\s*" + MONTH)


def _r_month(m: _M, ctx: _Ctx) -> _Res | None:
    mon_text = m["mon"]
    if not _capitalised(mon_text):
        return None
    month = _month_num(mon_text)
    # "May" alone is too often the verb; accept it only with a year or a determiner.
    if mon_text.rstrip(".") in ("May", "MAY", "March", "MARCH") and not (m["y"] or m["rel"] or m["ry"] or m["pre"]):
        if not (_MONTH_WORD_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())
                or _MONTH_RANGE_AFTER.match(ctx.text, m.end())):
            return None
    rel = (m["rel"] or "").lower().split()
    ty = ctx.today
    if m["y"]:
        year = int(m["y"])
    elif m["ry"]:
        year = ty.year + _YEAR_STEP[m["ry"].lower()]
    elif rel and rel[-1] in ("last", "past", "previous"):
        year = ty.year if month < ty.month else ty.year - 1
    elif rel and rel[-1] in ("next", "coming", "following"):
        year = ty.year if month > ty.month else ty.year + 1
    elif rel == ["this"]:
        year = ty.year
    elif (year_before := ctx.year_named_before(m.start())) is not None:
        year = year_before
    else:
        year = _nearest_year(ty, month, None, ctx.tense(m.start(), m.end()))
    return _Res("DATE", f"{year:04d}-{month:02d}", mod=_premod(m["pre"]))


_PRE_POST = re.compile(r"\b(pre|post)-$", re.IGNORECASE)


def _r_year(m: _M, ctx: _Ctx) -> _Res | None:
    start = m.start("y")
    before = ctx.text[max(0, start - 25):start]
    if before.endswith("-") and not m["pre"] and not re.search(r"\d{4}\s*-$", before):
        side = _PRE_POST.search(before)
        if side:  # "the post-2008 crisis", "pre-2020 levels"
            return _Res("DATE", m["y"], mod="AFTER" if side[1].lower() == "post" else "BEFORE")
        return None  # "Boeing-1990", but "mid-1996" is a year
    range_start = _YEAR_RANGE_BEFORE.search(before)
    ends_a_range = range_start is not None and 0 < int(m["y"]) - int(range_start[1]) <= 20  # "2021–2022 arrests"
    if not (m["pre"] or m["fy"] or ends_a_range) and not _YEAR_CUE_BEFORE.search(before) \
            and _COUNT_NOUN_AFTER.match(ctx.text, m.end("y")):
        return None  # "2000 people": a count, not a year
    range_end = _NUMBER_RANGE_AFTER.match(ctx.text, m.end("y"))
    if (range_end and not 0 < int(range_end[1]) - int(m["y"]) <= 20
            and _COUNT_NOUN_AFTER.match(ctx.text, range_end.end())):
        return None  # "1500-2000 people": the first count of a range
    if not (m["pre"] or m["fy"]) and (_IDENTIFIER_BEFORE.search(before) or (
            _STREET_AFTER.match(ctx.text, m.end("y")) and not _YEAR_CUE_BEFORE.search(before))):
        return None  # "Resolution 2231", "page 2011", "1600 Pennsylvania Avenue": a number that names something
    return _Res("DATE", m["y"], mod=_premod(m["pre"]))


_STREET_AFTER = re.compile(r"\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Lane|Drive|"
                           r"Way|Place|Square|Highway)\b")


def _r_short_year(m: _M, ctx: _Ctx) -> _Res | None:
    """ "in '98", "the '67 war": the year of those last two digits up to the DCT's."""
    if not _SHORT_YEAR_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start()):
        return None  # a quotation mark before a number, not a year
    year = ctx.today.year // 100 * 100 + int(m["yy"])
    year -= 100 if year > ctx.today.year else 0
    return _Res("DATE", f"{year:04d}") if year >= 1 else None


def _r_decade(m: _M, ctx: _Ctx) -> _Res | None:
    if m["c"]:
        value = m["c"] + m["d"]
    else:
        digit = int(m["d2"]) if m["d2"] else _DECADE_WORDS[m["w"].lower()]
        century = 20 if 2000 + digit * 10 <= ctx.today.year else 19
        value = f"{century}{digit}"
    return _Res("DATE", value, mod=_premod(m["pre"]))


def _r_century(m: _M, ctx: _Ctx) -> _Res | None:
    n = int(m["n"]) if m["n"] else ORDINALS[m["w"].lower()]
    if not 1 <= n <= 30:
        return None
    return _Res("DATE", f"{n - 1:02d}", mod=_premod(m["pre"]))


def _r_quarter(m: _M, ctx: _Ctx) -> _Res | None:
    q = ORDINALS[m["q"].lower()]
    if q > 4:
        return None
    rel = (m["rel"] or m["rel2"] or "").lower()
    if m["y"] or m["y2"]:
        year = int(m["y"] or m["y2"])
    elif rel.startswith(("last", "the year")):
        year = ctx.today.year - 1
    elif rel.startswith("next"):
        year = ctx.today.year + 1
    elif rel.startswith("this"):
        year = ctx.today.year
    else:
        year = _unnamed_quarter_year(q, m, ctx)
    return _Res("DATE", f"{year:04d}-Q{q}", mod=_premod(m["pre"]))


def _unnamed_quarter_year(q: int, m: _M, ctx: _Ctx) -> int:
    """The year of a quarter named without one: this year's if begun by the DCT or spoken of as ahead."""
    if q <= _quarter(ctx.today) or ctx.tense(m.start(), m.end()) > 0:
        return ctx.today.year  # this year's quarters: those begun are reported, later ones forecast
    return ctx.today.year - 1  # "the fourth quarter" in a past-tense sentence early in the year: last year's


def _r_step_back(m: _M, ctx: _Ctx) -> _Res | None:
    """ "the day before", "the night after", "the year before": one unit from the time in focus.

    "The day before yesterday", "the day after tomorrow", "the week (month, year) before last": two from the DCT.
    """
    focus = _focus_date(ctx.focus)
    unit, step = m["unit"].lower(), -1 if m["step"].lower() == "before" else 1
    ref = (m["ref"] or "").lower()
    if ref:
        step = _TWO_STEPS.get(f"{m['step'].lower()} {ref}", 0)
        if not step:
            return None  # "the week after last" is last week
        focus = ctx.today, _STEP_GRANULARITY[unit]
    if focus is None or _GRAN_RANK[focus[1]] < _GRAN_RANK[_STEP_GRANULARITY[unit]]:
        return None  # "the day before" after "in 2019": no day to step from
    day = focus[0]
    if unit in ("day", "night"):
        day += timedelta(days=step)
        return _Res("DATE", day.isoformat()) if unit == "day" else _Res("TIME", f"{day.isoformat()}TNI", anchor=False)
    if unit == "week":
        return _Res("DATE", _week_value(day + timedelta(weeks=step)))
    if unit == "month":
        year, month = _add_months(day.year, day.month, step)
        return _Res("DATE", f"{year:04d}-{month:02d}")
    return _Res("DATE", f"{day.year + step:04d}")


_TWO_STEPS = {"before yesterday": -2, "before last": -2, "after tomorrow": 2}
_STEP_GRANULARITY = {"day": "day", "night": "day", "week": "week", "month": "month", "year": "year"}


def _r_day_of_month(m: _M, ctx: _Ctx) -> _Res | None:
    """ "on the 30th": that day of the month named, or else of the month in focus, ahead or behind as the tense says."""
    if not _DAY_OF_MONTH_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start()):
        return None  # "the 5th floor" is cut off by the lookahead; "finished the 3rd." by this
    day = int(m["d"])
    ref = (m["ref"] or "").lower()
    year, month = ctx.today.year, ctx.today.month
    if ref in ("next", "last"):
        year, month = _add_months(year, month, 1 if ref == "next" else -1)
    elif not ref:
        focus = _focus_date(ctx.focus)
        if focus and focus[1] in ("day", "month"):
            year, month = focus[0].year, focus[0].month
        named = _safe_date(year, month, day)
        tense = ctx.tense(m.start(), m.end())
        if named and not ctx.focus_named and tense > 0 and named < ctx.today:
            year, month = _add_months(year, month, 1)  # "will rule on the 10th", said on the 22nd: next month's
        elif named and not ctx.focus_named and tense < 0 and named > ctx.today:
            year, month = _add_months(year, month, -1)
    d = _safe_date(year, month, day)
    return _Res("DATE", d.isoformat()) if d else None


def _r_holiday(m: _M, ctx: _Ctx) -> _Res | None:
    """ "Christmas Eve", "New Year's Day 2024", "Easter Monday": the holiday in the year named, or the nearest."""
    if not m["h"][0].isupper():
        return None  # "christmas" in lower case is not the name
    name = re.sub(r"\s+", " ", m["h"].lower()).replace("’", "'").replace(".", "")
    name = name.replace("veterans' day", "veterans day")
    if m["every"]:  # a holiday on a fixed date, every year on that date; one that moves, once a year
        fixed = HOLIDAYS.get(name)
        return _Res("SET", f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}" if fixed else "P1Y", anchor=False)
    tense = ctx.tense(m.start(), m.end())
    # Placed as a month is: a holiday in a past-tense sentence is the last one ("the attack came on New
    # Year's Eve"), where a day a past sentence names may be a date set ahead ("payable Dec. 15").
    if name in HOLIDAYS:
        month, day = HOLIDAYS[name]
        year = int(m["y"]) if m["y"] else _nearest_year(ctx.today, month, None, tense)
        found = _safe_date(year, month, day)
    elif name in WEEKDAY_HOLIDAYS:
        month, weekday, n = WEEKDAY_HOLIDAYS[name]
        year = int(m["y"]) if m["y"] else _nearest_year(ctx.today, month, None, tense)
        found = _nth_weekday(year, month, weekday, n)
    else:
        year = int(m["y"]) if m["y"] else _nearest_year(ctx.today, easter(ctx.today.year).month, None, tense)
        found = easter(year) + timedelta(days=_EASTER_DAYS[name])
    if found and m["after"] and m["after"].lower().endswith("weekend"):
        # The weekend the holiday ends (a Monday's) or begins (a Thursday's or Friday's), or falls in.
        saturday = found + timedelta(days=(5 - found.weekday()) % 7 if found.weekday() in (3, 4) else
                                     -((found.weekday() - 5) % 7))
        return _Res("DATE", _week_value(saturday) + "-WE")
    return _Res("DATE", found.isoformat()) if found else None


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday (Monday 0) of a month; n = -1: the last."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _r_code(m: _M, ctx: _Ctx) -> _Res | None:
    """ "Q3 2023", "H1 2024", "FY2022" (a fiscal year as its calendar year); "in Q3" as "the third quarter"."""
    year = int(m["y"]) if m["y"] else _year_of_two_digits(int(m["yy"]), ctx.today.year) if m["yy"] else None
    if m["q"]:
        q = int(m["q"][1])
        if year is None:
            if not _CODE_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
                return None  # "Q3" alone may be a label
            year = _unnamed_quarter_year(q, m, ctx)
        return _Res("DATE", f"{year:04d}-Q{q}")
    if year is None:
        return None
    return _Res("DATE", f"{year:04d}-H{m['h'][1]}" if m["h"] else f"{year:04d}")


def _r_week_number(m: _M, ctx: _Ctx) -> _Res | None:
    """ "Epidemiological week 32": that ISO week of the year named, else of the year nearest the DCT."""
    week = int(m["wn"])
    if m["wy"]:
        year = int(m["wy"])
    else:
        this_year, this_week, _ = ctx.today.isocalendar()
        year = this_year - (week - this_week > 26) + (this_week - week > 26)
    try:
        date.fromisocalendar(year, week, 1)
    except ValueError:
        return None  # week 53 of a year of 52
    return _Res("DATE", f"{year:04d}-W{week:02d}")


def _year_of_two_digits(two_digits: int, this_year: int) -> int:
    """The year written with its last two digits ("FY22", "Q3'98") nearest to this year."""
    century = this_year // 100 * 100
    years = [century + step + two_digits for step in (-100, 0, 100) if 1 <= century + step + two_digits <= 9999]
    return min(years, key=lambda year: abs(year - this_year))


def _quarter_in_focus(ctx: _Ctx) -> date | None:
    """The first day of the quarter the text is about: the first one it named, else the one in focus."""
    if ctx.topic_quarter:
        return _focus_date(ctx.topic_quarter)[0]  # type: ignore[index]
    focus = _focus_date(ctx.focus)
    return focus[0] if focus and focus[1] == "quarter" else None


def _r_year_period(m: _M, ctx: _Ctx) -> _Res | None:
    """ "the 1988 quarter": that year's quarter like the one the text is about; "the 2023 fiscal year": 2023."""
    q = _quarter_in_focus(ctx)
    if q and not m["fy"]:
        return _Res("DATE", f"{m['y']}-Q{_quarter(q)}", anchor=False)
    return _Res("DATE", m["y"])


def _r_year_end(m: _M, ctx: _Ctx) -> _Res | None:
    """ "year-end", "the end of the year": the end of the DCT's year, as "the year" is."""
    return _Res("DATE", f"{ctx.today.year:04d}", mod="END", anchor=False)


def _r_half(m: _M, ctx: _Ctx) -> _Res | None:
    year = int(m["y"]) if m["y"] else ctx.today.year + _YEAR_STEP[m["rel"].lower()]
    return _Res("DATE", f"{year:04d}-H{1 if m['h'].lower() == 'first' else 2}")


def _r_season(m: _M, ctx: _Ctx) -> _Res | None:
    """ "the summer of 1988"; "early summer": the latest such season begun by the DCT, or the next one in a sentence
    about the future."""
    if not (m["pre"] or m["y"] or m["ry"]):
        return None  # "the summer", "this fall": the relative-unit rule's
    code = SEASONS[m["season"].lower()]
    if m["ry"]:  # "the spring of last year"
        year = ctx.today.year + _YEAR_STEP[m["ry"].lower()]
    else:
        year = int(m["y"]) if m["y"] else _season_year(code, ctx, m.start(), m.end())
    return _Res("DATE", f"{year:04d}-{code}", mod=_premod(m["pre"]))


def _season_year(code: str, ctx: _Ctx, start: int, end: int) -> int:
    """The year of a season named without one: the latest such season begun by the DCT, or the next one
    when that one is over and the sentence speaks of the future."""
    first_month = _SEASON_SPAN[code]
    year = ctx.today.year if first_month <= ctx.today.month else ctx.today.year - 1
    if (ctx.today.month - first_month) % 12 > 2 and ctx.future_context(start, end):
        year += 1
    return year


def _r_spelled_year(m: _M, ctx: _Ctx) -> _Res | None:
    if m["k"]:
        year = 2000 + (NUMBER_WORDS.get((m["ku"] or "").lower(), 0) if m["ku"] else 0)
    else:
        year = 1900 + NUMBER_WORDS[m["t"].lower()] + (NUMBER_WORDS[m["u"].lower()] if m["u"] else 0)
    if m["mon"] and _capitalised(m["mon"]):  # "January nineteen ninety-seven"
        return _Res("DATE", f"{year:04d}-{_month_num(m['mon']):02d}")
    if m["season"]:  # "the winter of nineteen ninety-four"
        return _Res("DATE", f"{year:04d}-{SEASONS[m['season'].lower()]}")
    return _Res("DATE", str(year))


def _pod_code(word: str | None) -> str | None:
    if not word:
        return None
    word = " ".join(word.lower().split())
    return TWILIGHT.get(word) or PARTS_OF_DAY[word][0]


def _r_dayword(m: _M, ctx: _Ctx) -> _Res | None:
    w = m["w"].lower()
    start = m.start("w")
    if _GENERIC_TODAYS.match(ctx.text, m.end("w")) or _OF_BEFORE.search(ctx.text, max(0, start - 4), start) \
            or (m["w"][0].isupper() and _NAME_BEFORE.search(ctx.text, max(0, start - 30), start)):
        return None
    d = ctx.today + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[w])
    pod = _pod_code(m["pod"]) or ("NI" if w == "tonight" else None)
    mod = _premod(m["pre"])
    if pod:
        return _Res("TIME", f"{d.isoformat()}T{pod}", mod=mod)
    return _Res("DATE", d.isoformat(), mod=mod)


def _weekday_number(name: str) -> int:
    """Monday 0 ... Sunday 6, from a weekday's name or abbreviation ("Tues.")."""
    name = name.lower().rstrip(".")
    return WEEKDAYS[name] if name in WEEKDAYS else _WEEKDAY_ABBREVIATIONS[name]


def _r_weekday_abbreviated(m: _M, ctx: _Ctx) -> _Res | None:
    """ "on Tues.", "by Fri.": an abbreviated weekday after a preposition (not "The Sun." the newspaper)."""
    if not _PREPOSITION_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
        return None
    return _r_weekday(m, ctx)


def _r_weekday(m: _M, ctx: _Ctx) -> _Res | None:
    wd = _weekday_number(m["wd"])
    recurring = _weekday_set(m, ctx, wd)
    if recurring is not None:
        return recurring
    rel = (m["rel"] or "").lower().split()
    ref = ctx.today
    back = (ref.weekday() - wd) % 7
    ahead = (wd - ref.weekday()) % 7
    if rel and rel[-1] in ("previous", "past"):
        d = ref - timedelta(days=back or 7)
        if rel[0] == "the":  # "the previous Friday": before the date in focus
            base = (_focus_date(ctx.focus) or (ref, "day"))[0]
            d = base - timedelta(days=((base.weekday() - wd) % 7) or 7)
    elif rel and rel[-1] == "last":
        d = ref - timedelta(days=back or 7)
    elif rel and rel[-1] in ("next", "coming", "following"):
        d = ref + timedelta(days=ahead or 7)
    elif rel == ["this"]:
        d = ref + timedelta(days=wd - ref.weekday())
    elif (start_day := _range_start_day(m, ctx)) is not None:
        d = start_day + timedelta(days=(wd - start_day.weekday()) % 7)
    elif back and (ctx.future_context(m.start(), m.end()) or _until_ahead(m, ctx)):
        d = ref + timedelta(days=ahead)
    elif back and _DECREED_END.search(ctx.text, max(0, m.start() - 12), m.start()) and (
            decreed := _DECREED_PERIOD.search(ctx.text, ctx.sentence_start(m.start(), 160), m.start())):
        # A period a decision set ("declared three days of mourning from Thursday") begins after it was taken,
        # which was not long before the text: the nearer such day; and it ends after it ("until Sunday").
        d = ref + timedelta(days=ahead) if decreed["until"] or ahead < back else ref - timedelta(days=back)
    else:
        d = ref - timedelta(days=back)  # news past tense: the latest such day on or before the DCT
    pod = _pod_code(m["pod"])
    mod = _premod(m["pre"])
    if pod:
        return _Res("TIME", f"{d.isoformat()}T{pod}", mod=mod)
    return _Res("DATE", d.isoformat(), mod=mod)


# A weekday that begins or ends a period a decision set, after the verb of the decision.
_DECREED_PERIOD = _c(r"\b(?:declared|announced|ordered|imposed|decreed|extended|proclaimed)\b[^.;:!?]*?"
                     r"\b(?:from|starting|beginning|as\s+of|effective|(?P<until>until|till|through|thru))\s+$")
_DECREED_END = _c(r"\b(?:from|starting|beginning|of|effective|until|till|through|thru)\s+$")  # quick test first
# The start of a range of weekdays, just before its end: "from Thursday to Saturday".
_WEEKDAY_RANGE_START = _c(r"\b(?:from|between)\s+" + WEEKDAY + r"\s*(?:-|–|to|until|till|through|and)\s*$")
_UNTIL_BEFORE = _c(r"\buntil\s+$|\btill\s+$")
_RANGE_END_WORD = _c(r"(?:-|–|\bto|\buntil|\btill|\bthrough|\band)\s*$")  # a quick test before the range's


def _until_ahead(m: _M, ctx: _Ctx) -> bool:
    """ "Warnings remain in effect until Friday": a present that lasts until a day is lasting until the next one."""
    return bool(_UNTIL_BEFORE.search(ctx.text, max(0, m.start() - 7), m.start())) and ctx.tense(m.start(), m.end()) == 0


def _range_start_day(m: _M, ctx: _Ctx) -> date | None:
    """The day ahead a range of weekdays starts on, when the span ends one: the range ends on or after it.

    (A range in the past is placed end first: see _range_in_order.)
    """
    if m["rel"] or not _RANGE_END_WORD.search(ctx.text, max(0, m.start() - 9), m.start()) or \
            not _WEEKDAY_RANGE_START.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None
    focus = _focus_date(ctx.focus)
    return focus[0] if focus and focus[1] == "day" and focus[0] > ctx.today else None


def _weekday_set(m: _M, ctx: _Ctx, wd: int) -> _Res | None:
    """ "on Mondays", "Tuesday nights", "Monday and Tuesday nights": every such day (part)."""
    pod = m["pod"]
    if not (m["wpl"] or (pod and m["pl"])):
        shared = _SHARED_PLURAL_POD.match(ctx.text, m.end())
        if m["rel"] or pod or not shared:
            return None
        pod = shared["pod"]
    code = _pod_code(pod)
    return _Res("SET", f"XXXX-WXX-{wd + 1}" + (f"T{code}" if code else ""), anchor=False)


_SAME_AS_THAT = {"that same": "that", "that very": "that", "the very": "that"}


def _r_relunit(m: _M, ctx: _Ctx) -> _Res | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    rel = _SAME_AS_THAT.get(rel, rel)  # "that same day", "the very day": that day
    unit = m["unit"].lower()
    if m["unit"][0].isupper() and not m["unit"].isupper():
        return None  # "ABC's 'This Week'": a title
    if unit == "year" and rel in ("the", "the fiscal", "the full") and (
            _YEAR_ENDED.match(ctx.text, m.end()) or _THROUGHOUT.search(ctx.text, max(0, m.start() - 12), m.start())):
        return _Res("DURATION", "P1Y")  # "sales for the year ended March 31", "throughout the year": a year long
    if rel.startswith("the ") and rel.endswith(("full", "fiscal")):
        if unit != "year":
            return None
        year = ctx.today.year - (1 if "latest" in rel else 0)
        return _Res("DATE", f"{year:04d}", anchor=False)  # "earnings for the full year": this year
    mod = _premod(m["pre"] or m["pre2"])
    ty = ctx.today
    # "the day before", "that week" refer back to the story's day; "last week", "this year" to the DCT's.
    referring = rel.startswith(("the", "that"))
    focus = _focus_date(ctx.story_focus(m.start(), m.end()) if referring else ctx.focus) or (ty, "day")
    step = {"this": 0, "the current": 0, "last": -1, "the past": -1, "the previous": -1, "the last": -1,
            "this past": -1, "the prior": -1, "next": 1, "the coming": 1, "the next": 1, "this coming": 1,
            "the following": 1, "the same": 0, "that": 0, "the": 0, "the latest": -1}.get(rel)
    if rel.startswith("a year"):
        step = None
    # "the month", "the week" speak of the period in focus; "the year" in news is the DCT's year.
    anaphoric = rel in ("the previous", "the following", "the same", "that", "the next", "the prior") or (
        rel == "the" and unit in ("day", "month", "week"))
    base = focus[0] if anaphoric else ty
    if rel == "the" and unit in ("week", "month") and (
            _GRAN_RANK[focus[1]] < _GRAN_RANK[unit] or ctx.focus_in_earlier_paragraph(m.start())):
        # "by the end of the week" after "in 1980": no week in focus, so the DCT's; nor after "in March
        # 2022" in a paragraph before: "the month" reaches back only within its paragraph.
        base = ty
    if rel == "that" and unit in ("day", "week", "month") and _GRAN_RANK[focus[1]] < _GRAN_RANK[unit]:
        return None  # "in 2019 ... that week": no week in focus
    if rel == "the":
        if unit == "week":  # "for the week", "the week's most active session": TimeBank leaves the week open
            if (m["pre2"] or m["pre"] and m["pre"][0] in "eElL") and ctx.focus_named and focus[1] == "day":
                # "on Monday ... later in the week", "by the end of the week": Monday's week
                return _Res("DATE", _week_value(base), mod=mod, anchor=False)
            return _Res("DATE", f"{base.year:04d}-WXX", mod=mod, anchor=False)
        if unit == "weekend":
            back = (ty.weekday() - 5) % 7
            sat = ty - timedelta(days=back) if back <= 1 else ty + timedelta(days=(5 - ty.weekday()) % 7) \
                if ctx.future_context(m.start(), m.end()) else ty - timedelta(days=back)
            return _Res("DATE", _week_value(sat) + "-WE", mod=mod)
        if unit == "day":
            if focus[1] == "day":
                return _Res("DATE", focus[0].isoformat(), mod=mod, anchor=False)
            # "by the end of the day" after "since the summer": no day in focus, so the DCT's, as for the week
            return _Res("DATE", ty.isoformat(), mod=mod, anchor=False) if mod else None
        if unit in ("month", "year", "week"):
            if not mod and unit != "year" and re.search(r"\bfor\s+$", ctx.text[max(0, m.start() - 5):m.start()]):
                return _Res("DURATION", _duration_value(1, _unit_of(unit)[0], False))
            return _Res("DATE", _at_granularity(base, unit), mod=mod, anchor=False)
        if unit in ("decade", "century") and mod:  # "by the end of the decade": the DCT's, as for "the year"
            return _Res("DATE", f"{ty.year // 10:03d}" if unit == "decade" else f"{ty.year // 100:02d}", mod=mod,
                        anchor=False)
        if unit in SEASONS:
            code = SEASONS[unit]
            if anaphoric and base != ty:  # "in early 2020 ... that spring": the spring of the year in focus
                year = base.year - (code == "WI" and base.month <= 2)
            else:
                year = _season_year(code, ctx, m.start(), m.end())
            return _Res("DATE", f"{year:04d}-{code}", mod=mod)
        if unit == "quarter":
            return _quarter_ended(m, ctx, mod) or _r_the_quarter(ctx, mod, latest=False)
        return None
    if rel.startswith("a year"):
        if unit == "quarter":
            return _Res("DATE", f"{ty.year - 1:04d}-Q{_quarter(base)}")
        return None
    if step is None:
        return None
    if unit in SEASONS:
        code = SEASONS[unit]
        if anaphoric:  # "in September 2022 ... the following spring": after the time in focus
            ty = base
        cur_season = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP",
                      6: "SU", 7: "SU", 8: "SU"}.get(ty.month, "FA")
        start_month = _SEASON_SPAN[code]
        year = ty.year if not (code == "WI" and ty.month <= 2) else ty.year - 1
        if step < 0 and (code == cur_season or start_month > ty.month):
            year -= 1
        elif step > 0 and (code == cur_season or start_month <= ty.month):
            year += 1
        return _Res("DATE", f"{year:04d}-{code}", mod=mod)
    if unit == "period":
        if rel in ("the latest", "the same"):
            return _r_the_quarter(ctx, mod)
        return None
    if unit == "quarter":
        if rel == "the latest":
            return _r_the_quarter(ctx, mod)
        idx = base.year * 4 + _quarter(base) - 1 + step
        return _Res("DATE", f"{idx // 4:04d}-Q{idx % 4 + 1}", mod=mod)
    if unit == "day":
        if rel == "the past":
            return None
        if focus[1] != "day":
            base = ty  # "the next day" after "in the summer": no day in focus to step from but the DCT
        return _Res("DATE", (base + timedelta(days=step)).isoformat(), mod=mod)
    if unit in ("week", "weekend"):
        d = base + timedelta(weeks=step)
        if unit == "weekend":
            return _Res("DATE", _week_value(d) + "-WE", mod=mod)
        return _Res("DATE", _week_value(d), mod=mod)
    if unit == "month":
        y, mo = _add_months(base.year, base.month, step)
        return _Res("DATE", f"{y:04d}-{mo:02d}", mod=mod)
    if unit == "year":
        return _Res("DATE", f"{base.year + step:04d}", mod=mod)
    if unit == "decade":
        return _Res("DATE", f"{(base.year // 10 + step):03d}", mod=mod)
    if unit == "century":
        return _Res("DATE", f"{(base.year // 100 + step):02d}", mod=mod)
    return None


def _quarter_ended(m: _M, ctx: _Ctx, mod: str | None) -> _Res | None:
    """ "the quarter ended July 31": the three months to that day, as the calendar quarter holding most of them
    (May-July is the second); a fiscal quarter need not follow the calendar."""
    end = _QUARTER_ENDED.match(ctx.text, m.end())
    if end is None:
        return None
    month, day = _month_num(end["mon"]), int(end["d"])
    year = int(end["y"]) if end["y"] else _nearest_year(ctx.today, month, day, -1)
    middle_y, middle_m = _add_months(year, month, -1)
    return _Res("DATE", f"{middle_y:04d}-Q{(middle_m - 1) // 3 + 1}", mod=mod, anchor=False)


def _r_the_quarter(ctx: _Ctx, mod: str | None, latest: bool = True) -> _Res:
    """ "the latest period": the quarter the text is about; "the quarter": the one in focus, else that one;
    without either, the last complete quarter."""
    focus = _focus_date(ctx.focus)
    q = focus[0] if not latest and focus and focus[1] == "quarter" else _quarter_in_focus(ctx)
    if q:
        return _Res("DATE", f"{q.year:04d}-Q{_quarter(q)}", mod=mod, anchor=False)
    idx = ctx.today.year * 4 + _quarter(ctx.today) - 2
    return _Res("DATE", f"{idx // 4:04d}-Q{idx % 4 + 1}", mod=mod)


def _r_yearago(m: _M, ctx: _Ctx) -> _Res | None:
    w = (m["w"] or "year").lower()
    unit = (m["unit"] or m["unit2"] or "").lower()
    ty = ctx.today
    if w != "year":
        return None
    q = _quarter_in_focus(ctx)
    if q:
        return _Res("DATE", f"{q.year - 1:04d}-Q{_quarter(q)}", anchor=False)
    if unit in ("quarter", "period"):
        return _Res("DATE", f"{ty.year - 1:04d}-Q{(_quarter(ty) - 2) % 4 + 1}", anchor=False)
    return _Res("DATE", f"{ty.year - 1:04d}", anchor=False)


# Half of a unit in the next smaller one: "two and a half years" is P2Y6M, "a minute and a half" PT1M30S.
_HALF_OF = {("Y", False): "6M", ("M", False): "15D", ("D", False): "T12H", ("H", True): "30M", ("M", True): "30S"}


def _duration_value(n: int | str | None, unit: str, time_part: bool, half: bool = False) -> str:
    """An ISO 8601 duration: n units (a decimal as written: "2.5"), X for an unknown count, plus a half."""
    amount = "X" if n is None else str(n)
    extra = _HALF_OF.get((unit, time_part), "") if half and n is not None else ""
    return f"PT{amount}{unit}{extra}" if time_part else f"P{amount}{unit}{extra}"


# After "a second": a word that makes it the ordinal, not the duration ("a second later", "for a second or two").
_ORDINAL_SECOND = re.compile(r"[\s-]+(?!(?:later|ago|earlier|or|and|of|before|after|longer|too|in|to|for|more|than|the|"
                             r"that|when|as|he|she|they|it|we|i)\b)[a-z]", re.IGNORECASE)


_DIRECTION = {"on": "later"}


def _r_duration(m: _M, ctx: _Ctx) -> _Res | None:
    num_text = m["num"].lower()
    if m["old"]:
        return None  # ages ("a sixty-seven year old man") describe a person, not the timeline
    unit, time_part = _unit_of(m["unit"])
    if unit == "X":
        return None
    mod_text = m["mod"] or m["mod2"]
    mod = _DURATION_MODS.get(re.sub(r"\s+", " ", mod_text.lower())) if mod_text else None
    if num_text.startswith("half"):  # "half an hour (later)": half of one unit, in the next smaller units
        half = _HALF_OF.get((unit, time_part))
        if half is None or m["unit"].lower().endswith("s"):
            return None
        return _Res("DURATION", f"PT{half}" if time_part else f"P{half}", mod=mod)
    vague = re.sub(r"\s+", " ", num_text) in ("a few", "several", "many", "few", "some")
    n = None if vague else _number(num_text)
    if n is None and not vague and " and " in num_text:  # "(between) six and eight months": up to the larger
        n = _number(num_text.rsplit(" and ", 1)[1])
    # "2.5 hours" is PT2.5H, as ISO 8601 writes a fraction of the last unit; counts and steps use the whole part.
    decimal = num_text.rstrip("0") if re.fullmatch(r"\d+\.\d*[1-9]\d*", num_text) else None
    if n is not None and m["unit"].lower().startswith("fortnight"):  # "a fortnight": two weeks
        n, decimal = n * 2, decimal and f"{float(decimal) * 2:g}"
    if not vague and n is None:
        return None
    if n is not None and 1500 <= n <= 2100 and num_text.isdigit():
        return None  # "the 1988 quarter": a year, not a count
    if unit == "Q" and re.match(r"\s+of\b", ctx.text[m.end():m.end() + 4]):
        return None  # "three-quarters of": a fraction
    if m["unit"][0].isupper() and "\n" in ctx.text[m.end("num"):m.start("unit")]:
        return None  # a number ending one line of a table and a heading opening the next ("41\nWeek 32")
    plural = m["unit"].lower().endswith("s")
    if num_text in ("a", "an") and plural:
        return None
    if num_text in ("a", "an") and not (m["dir"] or m["mod"] or m["mod2"] or m["det"] or m["rel"]) \
            and _RATE_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
        # "$1.76 a year", "four flights a week", "twice a month": a rate, a set of times, not a stretch of time
        return _Res("SET", _duration_value(1, unit, time_part), anchor=False)
    if num_text == "some" and not plural:
        return None
    if num_text in ("a", "an") and m["unit"].lower() == "second" and _ORDINAL_SECOND.match(ctx.text, m.end("unit")):
        return None  # "a second statement", "a second-degree charge": the ordinal
    direction = "from now" if m["hence"] else _DIRECTION.get((m["dir"] or "").lower(), (m["dir"] or "").lower())
    rel = (m["rel"] or "").lower()
    if m["orso"]:  # "a week or so (ago)"
        mod = "APPROX"
    if direction in ("ago", "earlier", "later", "from now", "hence"):
        if time_part:
            written_less = _before_writing(ctx, float(decimal or n), unit, mod) \
                if direction == "ago" and n is not None else None
            return written_less or _Res("DURATION", _duration_value(decimal or n, unit, True), mod=mod)
        sign = 1 if direction in ("later", "from now", "hence") else -1
        base = ctx.today
        gran = _UNIT_GRAN.get(unit, "day")
        if m["dw"]:  # "a year ago today": that day of the year; "three years ago this week": that week
            base, gran = base - timedelta(days=m["dw"].lower() == "yesterday"), m["dw"].split()[-1].lower()
            gran = "day" if gran in ("today", "yesterday") else gran
        if direction in ("earlier", "later"):
            focus = _focus_date(ctx.story_focus(m.start(), m.end()))
            if focus:
                base = focus[0]
                if _GRAN_RANK[focus[1]] < _GRAN_RANK[gran] or (ctx.focus_named and unit == "Y"):
                    gran = focus[1]  # "Sept. 30 ... a year earlier" is a day; "1990 ... two days later" a year
        if n is None:
            if direction == "ago" and unit == "Y" and num_text == "a few":
                return _Res("DATE", f"{(ctx.today.year - 3) // 10:03d}X", mod=mod, anchor=False)
            return _some_units_away(base, gran, sign, mod)
        if unit == "Y" and n == 1 and direction in ("ago", "earlier"):
            q = _quarter_in_focus(ctx)
            focus = _focus_date(ctx.focus)
            if q and not (focus and focus[1] == "day" and ctx.focus_named):  # "the third quarter ... a year earlier"
                base, gran = q, "quarter"
        d = _shift(base, unit, sign * n)
        mod = "APPROX" if mod in ("LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE") else mod
        return _Res("DATE", _at_granularity(d, gran), mod=mod, anchor=direction == "later" or bool(m["dw"]))
    if rel == "recent" and n is None:
        return None
    return _Res("DURATION", _duration_value(decimal or n, unit, time_part, bool(m["half"] or m["half2"])), mod=mod)


def _before_writing(ctx: _Ctx, amount: float, unit: str, mod: str | None) -> _Res | None:
    """ "An hour ago", "30 minutes ago": the time of writing less the amount; None when that time is unknown."""
    if unit not in ("H", "M"):
        return None  # seconds: finer than any time of writing
    if ctx.entry is not None:
        written, zone, offset = _wall_time(ctx.entry.value), ctx.entry.zone, ctx.entry.offset
    else:
        local = ctx.dct.astimezone(ctx.tz)
        written, zone, offset = (None if local.time() == time(0) else local.replace(tzinfo=None)), None, None
    if written is None:
        return None  # a DCT with no time of day: "two hours ago" stays a stretch of time
    at = written - timedelta(**{"hours" if unit == "H" else "minutes": amount})
    mod = "APPROX" if mod in ("LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE") else mod
    return _Res("TIME", at.strftime("%Y-%m-%dT%H:%M"), mod=mod, zone=zone, offset=offset, anchor=False)


def _some_units_away(base: date, gran: str, sign: int, mod: str | None = None) -> _Res:
    """ "Days earlier", "several weeks later": PAST_REF or FUTURE_REF, before or after the base day at gran."""
    side = Qualifier.BEFORE if sign < 0 else Qualifier.AFTER
    # A week's EDTF form is already an interval ("2023-06-19/2023-06-25"): from a week, step from its day.
    return _Res("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod=mod, anchor=False,
                beside=(_at_granularity(base, "day" if gran == "week" else gran), side))


def _r_units_away(m: _M, ctx: _Ctx) -> _Res | None:
    """ "Days earlier", "hours later", "weeks ago": units not counted, from the time in focus or the DCT."""
    if _NOUN_PHRASE_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
        return None  # "the days later in the week", "those years ago"
    unit, time_part = _unit_of(m["unit"])
    if time_part:
        return _Res("DURATION", _duration_value(None, unit, True))
    direction = _DIRECTION.get(m["dir"].lower(), m["dir"].lower())
    if direction == "ago":
        return _some_units_away(ctx.today, _UNIT_GRAN[unit], -1)
    return _units_from_focus(ctx, unit, -1 if direction == "earlier" else 1, m)


def _units_from_focus(ctx: _Ctx, unit: str, sign: int, m: _M) -> _Res:
    """Some units before or after the time in focus (of the story, said in the past), or the DCT when there is none."""
    gran = _UNIT_GRAN[unit]
    focus = _focus_date(ctx.story_focus(m.start(), m.end())) or (ctx.today, "day")
    if _GRAN_RANK[focus[1]] < _GRAN_RANK[gran]:
        gran = focus[1]  # "in 1990 ... days later": after 1990
    return _some_units_away(focus[0], gran, sign)


def _r_frac_duration(m: _M, ctx: _Ctx) -> _Res | None:
    unit, time_part = _unit_of(m["unit"])
    if unit == "Y":
        return _Res("DURATION", f"P{m['n']}Y6M")
    return None


def _r_bare_units(m: _M, ctx: _Ctx) -> _Res | None:
    if m["vague"]:
        return _Res("DURATION", "PXX")  # "for a while": a stretch of unknown length and unit
    pre = re.sub(r"\s+", " ", m["pre"].lower())
    unit, time_part = _unit_of(m["unit"])
    if (pre in ("the following", "the ensuing", "the subsequent") or m["after"]) and not time_part:
        return _units_from_focus(ctx, unit, 1, m)  # "in the days that followed": after the time in focus
    if pre == "the" and not m["ahead"]:
        return None  # "the years of plenty"
    if pre in ("in recent", "recent") and unit in ("Y", "D"):
        return _Res("DATE", "PAST_REF", anchor=False)
    if pre in ("the coming", "coming", "in coming") and unit in ("Y", "M", "Q"):
        return _Res("DATE", "FUTURE_REF", anchor=False)
    return _Res("DURATION", _duration_value(None, unit, time_part))


_REF_VALUES = {
    "PRESENT_REF": ("right now", "now", "nowadays", "currently", "at present", "presently", "these days",
                    "at the moment", "at this time", "the time being", "current"),
    "PAST_REF": ("recently", "more recently", "lately", "in the past", "the past", "then current"),
    "FUTURE_REF": ("the near future", "the future", "the near term", "the short term", "the long term", "soon",
                   "as soon as possible", "a later date", "a future date"),
}
_REF_OF = {w: v for v, ws in _REF_VALUES.items() for w in ws}


_AS_RECENTLY = re.compile(r"as recently as\b", re.IGNORECASE)


def _r_ref(m: _M, ctx: _Ctx) -> _Res | None:
    w = re.sub(r"[\s-]+", " ", m["w"].lower())
    if w == "recently" and _AS_RECENTLY.match(ctx.text, max(0, m.start() - 3)):
        return None  # "as recently as 2019": the year says when
    value = _REF_OF.get(w)
    if value is None:
        return None
    return _Res("DATE", value, anchor=False)


# "three dead by evening": a part of the day without "the" after a bound is the day in focus's.
_BOUND_OF_BARE_PART = re.compile(r"\b(?:by|until|till|before)\s+$", re.IGNORECASE)
_TWILIGHT_BEFORE = re.compile(r"\b(?:at|before|after|by|until|till|from|since|around|near|towards?|to)\s+$",
                              re.IGNORECASE)


# "the early hours of" a day or date takes that day (see _clocks_on_their_day); of anything else, it is no time.
_HOURS_OF_SOMETHING = re.compile(r"\s+of\s+(?!(?:(?:(?:last|this|this\s+past)\s+)?" + WEEKDAY + "|" + MONTH
                                 + r"|\d|yesterday|today|tomorrow|"
                                 r"(?:the|that)\s+(?:same\s+|next\s+|following\s+|previous\s+)?day|new\s+year)\b)",
                                 re.IGNORECASE)
_DAY_STEPS = {"the next": 1, "the following": 1, "the previous": -1}
# "The early hours" are those after midnight and before the morning, not the morning itself.
_EARLY_HOURS = (0, PARTS_OF_DAY["morning"][1])


def _not_yet_begun(day: date, pod: str, ctx: _Ctx) -> bool:
    """Whether that part of that day had not begun when the text was written (so the past cannot mean it).

    A text with a date and no clock time counts as written at its start: only
    its night is surely ahead.
    """
    written = ctx.dct.astimezone(ctx.tz)
    if pod != "NI" and written.time() == time(0):
        return False
    return datetime.combine(day, time(_POD_HOURS[pod][0]), ctx.tz) > written


def _r_pod(m: _M, ctx: _Ctx) -> _Res | None:
    if m["hours"]:
        if _HOURS_OF_SOMETHING.match(ctx.text, m.end()):
            return None  # "the early hours of the campaign": a stage of something, not a time of day
        day = ctx.day_of(ctx.focus)
        return _Res("TIME", f"{day.isoformat()}TMO", mod="START", anchor=False, hours=_EARLY_HOURS)
    if m["over"]:
        # The night before the day in focus ("overnight losses in New York" weighed on Friday's trading),
        # but the night just ended when the day in focus is yesterday ("Sunday's quake ... overnight", on Monday),
        # and the night after a time late in the day ("at 4 p.m. ... Overnight the river rose").
        base = ctx.day_of(ctx.story_focus(m.start(), m.end()))  # "had died overnight" is no night ahead
        if base == ctx.today - timedelta(days=1) or ctx.focus_late:
            base += timedelta(days=1)
        return _Res("TIME", f"{(base - timedelta(days=1)).isoformat()}TNI", anchor=False)
    rel = " ".join((m["rel"] or "").lower().split())
    pod = _pod_code(m["pod"])
    mod = _premod(m["pre"])
    twilight = " ".join(m["pod"].lower().split()) in TWILIGHT
    if twilight and (m["pod"][0].isupper() or m["pre"] or m["rel"]
                     or not _TWILIGHT_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start())):
        return None  # only "at dawn", "by nightfall": not Dawn the newspaper, not "the dawn of an era"
    if m["dw"]:
        d = ctx.today + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[m["dw"].lower()])
    elif rel in ("this",):
        d = ctx.today
    elif rel == "last":
        if pod != "NI":
            return None
        d = ctx.today - timedelta(days=1)
    elif rel in ("the", "that", "the same", "that same") or (not rel and mod) or twilight or (
            not rel and _BOUND_OF_BARE_PART.search(ctx.text, max(0, m.start() - 8), m.start())):
        d = ctx.day_of(ctx.story_focus(m.start(), m.end()))  # a plan ahead is not the day told in the past
        if _not_yet_begun(d, pod, ctx) and ctx.tense(m.start(), m.end()) < 0:
            d -= timedelta(days=1)  # "crews fought the fire through the night", told the next morning
    elif rel in _DAY_STEPS:  # "the next morning": the day after the one in focus, which it becomes
        d = ctx.day_of(ctx.focus) + timedelta(days=_DAY_STEPS[rel])
    else:
        return None
    return _Res("TIME", f"{d.isoformat()}T{pod}", mod=mod, anchor=rel in _DAY_STEPS)


def _r_clock(m: _M, ctx: _Ctx) -> _Res | None:
    if m["part"]:
        return _past_hour(m, ctx)
    if m["noon"]:
        word = m["noon"].lower()
        hh, mm, ss = (24 if word == "midnight" else 12), 0, None
    elif m["h1"] is not None:
        hh, mm, ss = int(m["h1"]), int(m["m1"] or 0), None
        if not 1 <= hh <= 12:
            return None
        pm = m["ampm"].lower().startswith("p")
        hh = (hh % 12) + (12 if pm else 0)
    elif m["h2"] is not None:
        hh, mm, ss = int(m["h2"]), int(m["m2"]), m["s2"]
    elif m["h6"] is not None:
        if not _AT_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start()):
            return None  # "finished in 4h45", "Route 9h12": a time taken or a name, not a time of day
        hh, mm, ss = int(m["h6"]), int(m["m6"]), None
    elif m["h4"] is not None or m["h5"] is not None:
        if m["h4"] and m["h4"][0].isalpha() and not m["oclock"] and (
                m["h4"].lower() == "one" or not _AT_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start())):
            return None  # "four in the morning" after "at", "about" ...; "one in the evening" may be a pronoun
        hh, mm, ss = _number((m["h4"] or m["h5"]).lower()) or 0, int(m["m4"] or 0), None
        later_half = (m["half"] or "").lower() in ("afternoon", "evening") or m["night"] and hh >= _EVENING_HOURS_FROM
        if later_half and hh < 12:
            hh += 12  # "2 in the afternoon", "11 at night" (but "2 at night" is 02:00)
    elif m["h7"] is not None:
        hh, mm, ss = int(m["h7"]), int(m["m7"]), None
    elif m["h8"] is not None:
        if (not _AT_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start())
                or _AMOUNT_BEFORE.search(ctx.text, max(0, m.start() - 60), m.start())
                or _UNIT_AFTER.match(ctx.text, m.end())):
            return None  # "closed at 17.30", "rose to 14.35 points": an amount, not a time of day
        hh, mm, ss = int(m["h8"]), int(m["m8"]), None
    else:
        hh, mm, ss = int(m["h3"]), int(m["m3"]), None
    if hh > 24 or (hh == 24 and mm):
        return None
    day = _clock_day(m, ctx)
    if ctx.focus_night and hh < _SMALL_HOURS_END and not (m["wd"] or m["mon"]):
        day += timedelta(days=1)  # "at 10.30pm ... at around 2am": the small hours after the late time in focus
    named = _focus_date(ctx.focus) if ctx.focus_named else None
    if (day == ctx.today and not (m["wd"] or m["mon"] or (named and named[1] == "day" and named[0] != ctx.today))
            and _after_writing(day, hh, mm, ctx) and ctx.tense(m.start(), m.end()) < 0):
        day -= timedelta(days=1)  # "the building was evacuated just after midnight", written at 10 a.m.: last night
    value = f"{day.isoformat()}T{hh:02d}:{mm:02d}" + (f":{ss}" if ss else "")
    zone = m["zone"]
    if zone is not None:
        zone = ZONE_NAMES.get(" ".join(zone.split()), zone).upper()
        if zone in ("Z", "ZULU"):
            zone = "UTC"
        if m["zoff"] and zone in ("UTC", "GMT"):
            sign, hours, minutes = _ZONE_OFFSET.fullmatch(m["zoff"]).groups()
            offset = (-1 if sign == "-" else 1) * timedelta(hours=int(hours), minutes=int(minutes or 0))
            return _Res("TIME", value, zone=zone + m["zoff"], offset=offset, anchor=False)
    return _Res("TIME", value, zone=zone, anchor=False)


def _past_hour(m: _M, ctx: _Ctx) -> _Res | None:
    """A clock time told in words: "half past two" is 02:30, "a quarter to nine in the evening" 20:45."""
    if not _AT_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start()) or _COUNT_NOUN_AFTER.match(ctx.text, m.end()):
        return None  # a time of day only after "at", "by", ...: not "rose by a quarter to 10 dollars"
    part = m["part"].lower()
    minutes = 15 if "quarter" in part else 30 if part == "half" else _number(m["mins"])
    hour_word = m["hour"].lower()
    hour = {"midnight": 0, "noon": 12}.get(hour_word)
    if hour is None:
        hour = _number(hour_word)
    if minutes is None or hour is None or not 0 < minutes < 60:
        return None
    if (m["half"] or "").lower() in ("afternoon", "evening") or (m["ampm"] or "").lower().startswith("p"):
        hour = hour % 12 + 12
    if m["rel"].lower() == "to":
        hour, minutes = (hour - 1) % 24, 60 - minutes
    day = _clock_day(m, ctx)
    return _Res("TIME", f"{day.isoformat()}T{hour:02d}:{minutes:02d}", anchor=False)


_AT_BEFORE = re.compile(r"\b(?:at|from|until|till|to|by|before|after|around|about|since|between|and)\s+$",
                        re.IGNORECASE)
# Words before or after a number with a dot that make it an amount: a price, an index, a measure.
_AMOUNT_BEFORE = re.compile(r"\b(?:clos|trad|end|finish|open|rose|rise|fell|fall|drop|gain|los[st]|stood|pric|shares?"
                            r"|stocks?|index|yield|rate|average|score|dollars?|euros?|pounds?|yen|cents?)\w*\b|[$£€¥%]",
                            re.IGNORECASE)
_UNIT_AFTER = re.compile(r"\s*(?:per\s*cent|percent|points?|pence|cents?|[kc]?m\b|metres|meters|kilo|miles|tonnes"
                         r"|million|billion|dollars|euros|pounds|seconds|minutes)", re.IGNORECASE)
_ZONE_OFFSET = re.compile(r"([+-])(\d{1,2}):?(\d{2})?")


def _after_writing(day: date, hour: int, minute: int, ctx: _Ctx) -> bool:
    """Whether a time of the DCT's day is after the text was written (a DCT with no time of day: never)."""
    written = ctx.dct.astimezone(ctx.tz)
    if written.time() == time(0):
        return False
    return datetime.combine(day, time(0), ctx.tz) + timedelta(hours=hour, minutes=minute) > written


_EVENING_HOURS_FROM = 6  # "7 at night" is 19:00, "2 at night" 02:00
_SMALL_HOURS_END = 6  # a clock time before 06:00 after a late one is in the night that follows


def _clock_day(m: _M, ctx: _Ctx) -> date:
    """The day a clock time falls on: a day named with it, else the next day-date after "on", else the focus."""
    if m["wd"]:
        wd = _weekday_number(m["wd"])
        if ctx.tense(m.start(), m.end()) > 0 or _until_ahead(m, ctx):  # "the offer expires at midnight Friday"
            return ctx.today + timedelta(days=(wd - ctx.today.weekday()) % 7)
        return ctx.today - timedelta(days=(ctx.today.weekday() - wd) % 7)
    if m["mon"]:
        month = _month_num(m["mon"])
        day = int(m["d"])
        d = _safe_date(_nearest_year(ctx.today, month, day, ctx.tense(m.start(), m.end())), month, day)
        if d:
            return d
    day = ctx.day_of(ctx.focus)
    if day < ctx.today and _PRESENT_FUTURE.search(ctx.text, ctx.sentence_start(m.start(), 80), m.start()):
        return ctx.today  # "The ministry will brief reporters at 10am", after a past day: not on that day
    return day


# A plan told from the time of writing: "will", "is due to" (not "would", "was due to": a plan of the past day).
_PRESENT_FUTURE = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:due|set|expected|scheduled|going)\s+to)\s[^.;,]*$",
                             re.IGNORECASE)


# Before "annually" and the like, words that make it a rate: "8.5% annually", "10,000 units annually", "doubling
# its profits annually".
_RATE_OF_CHANGE_BEFORE = re.compile(r"(?:%|\bpercent|\bper\s+cent|\d\s+[a-z]+s|\b(?:doubl|tripl|grow|ris|increas|"
                                    r"fall|declin)\w*(?:\s+\w+){0,2})\s+$", re.IGNORECASE)
# "Daily" is "every day" (P1D), as news annotators write it; "annually" as TimeBank writes it: every year (XXXX).
_SET_ADVERBS = {"hourly": "PT1H", "nightly": "XXXX-XX-XXTNI", "daily": "P1D", "weekly": "P1W", "monthly": "P1M",
                "quarterly": "P3M", "annually": "XXXX", "yearly": "XXXX"}


def _r_set(m: _M, ctx: _Ctx) -> _Res | None:
    if m["funit"]:
        letter, time_part = _unit_of(m["funit"])
        weeks = 2 if m["funit"].lower() == "fortnight" else 1
        return _Res("SET", _duration_value(weeks, letter, time_part), anchor=False)
    if m["n"]:
        other = m["n"].lower() == "other"
        count = 2 if other else _number(m["n"].lower())
        if count is None or m["units"].lower().endswith("s") == (other or count == 1):
            return None  # "every two week", "every other days", "every one weeks"
        letter, time_part = _unit_of(m["units"])
        return _Res("SET", _duration_value(count, letter, time_part), anchor=False)
    adverb = m["adv"] or m["adv2"] or m["adv3"]
    if adverb and not m["adv"] and _RATE_OF_CHANGE_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
        return None  # "to rise 8.5% annually": a rate, as TimeBank leaves it
    if adverb:
        return _Res("SET", _SET_ADVERBS[adverb.lower()], anchor=False)
    unit = m["unit"].lower().rstrip(".")
    if unit in WEEKDAYS:  # "every Sunday (morning)"
        part = f"T{PARTS_OF_DAY[m['pod'].lower()][0]}" if m["pod"] else ""
        return _Res("SET", f"XXXX-WXX-{WEEKDAYS[unit] + 1}{part}", anchor=False)
    if unit in MONTHS:
        return _Res("SET", f"XXXX-{MONTHS[unit]:02d}", anchor=False)
    if unit in PARTS_OF_DAY:
        return _Res("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit][0]}", anchor=False)
    letter, time_part = _unit_of(unit)
    return _Res("SET", _duration_value(1, letter, time_part), anchor=False)


@dataclass(frozen=True)
class _Family:
    """One family of expressions: its core pattern, its rule, what may precede it, and a cheap gate.

    Patterns written without capitals (no case-sensitive month or zone names) also get a case-sensitive
    twin, ``fast``, that scans the lower-cased text: the same matches at the same offsets, about twice
    as fast as IGNORECASE. Groups are always read from the original text.
    """

    pattern: re.Pattern[str]
    rule: _Rule
    before: re.Pattern[str] | None = None
    gate: tuple[str, ...] | re.Pattern[str] = ()  # run only if the lower-cased text contains one / matches
    fast: re.Pattern[str] | None = None

    def __post_init__(self) -> None:
        bare = re.sub(r"\(?P[<=]\w+>?|\\[A-Za-z]", "", self.pattern.pattern)
        if not re.search(r"[A-Z]", bare):
            object.__setattr__(self, "fast", re.compile(self.pattern.pattern))


# In priority order: earlier wins between equally long candidates.
_FAMILIES: tuple[_Family, ...] = (
    _Family(_P_ISO, _r_iso, gate=("-", "/")),
    _Family(_P_CLOCK, _r_clock, gate=_CLOCK_GATE),
    _Family(_P_OCLOCK, _r_clock, gate=("o'clock", "o’clock", " in the morning", " in the afternoon", " in the evening",
                                        " at night")),
    _Family(_P_PAST_HOUR, _r_clock, gate=(" past ", "quarter to ", "minutes to ", "minutes after ", "five to ",
                                          "ten to ", "twenty to ")),
    _Family(_P_NUMERIC, _r_numeric, gate=(".", "/")),
    _Family(_P_DAY_MONTH, _r_day_month, gate=("/",)),
    _Family(_P_WEEKDAY, _r_weekday, gate=tuple(WEEKDAYS)),
    _Family(_P_WEEKDAY_ABBREVIATED, _r_weekday_abbreviated, gate=tuple(f"{w}." for w in _WEEKDAY_ABBREVIATIONS)),
    _Family(_P_MDY, _r_mdy, _BEFORE_MDY),
    _Family(_P_DMY, _r_mdy, _BEFORE_MDY),
    _Family(_P_QUARTER, _r_quarter, gate=("quarter",)),
    _Family(_P_HALF, _r_half, gate=("half", "quarters")),
    _Family(_P_CODE, _r_code, gate=_CODE_GATE),
    _Family(_P_WEEK_NUMBER, _r_week_number, gate=("week ",)),
    _Family(_P_SHORT_YEAR, _r_short_year, gate=("'", "’")),
    _Family(_P_HOLIDAY, _r_holiday, gate=("christmas", "boxing day", "new year", "valentine", "halloween", "easter",
                                          "good friday", "july", "juneteenth", " day", "night", "thanksgiving")),
    _Family(_P_DAY_OF_MONTH, _r_day_of_month, gate=_DAY_OF_MONTH_GATE),
    _Family(_P_STEP_BACK, _r_step_back, gate=(" before", " after")),
    _Family(_P_YEAR_PERIOD, _r_year_period, gate=(" period", " quarter", "fiscal year", "financial year")),
    _Family(_P_YEAR_END, _r_year_end, gate=("end",)),
    _Family(_P_MONTH, _r_month, _BEFORE_PERIOD),
    _Family(_P_DECADE, _r_decade, _BEFORE_DECADE, gate=("0s", "0's", "ties")),
    _Family(_P_CENTURY, _r_century, _BEFORE_DECADE, gate=("century",)),
    _Family(_P_YEAR, _r_year, _BEFORE_PERIOD),
    _Family(_P_SEASON, _r_season, gate=("spring", "summer", "autumn", "fall", "winter")),
    _Family(_P_SPELLED_YEAR, _r_spelled_year, _BEFORE_SPELLED_YEAR, gate=("nineteen", "thousand")),
    _Family(_P_DAYWORD, _r_dayword, gate=("yesterday", "today", "tomorrow", "tonight")),
    _Family(_P_YEARAGO, _r_yearago, gate=("year", "month", "week")),
    _Family(_P_PERIOD_YEAR_AGO, _r_yearago, gate=("year ago", "year earlier", "last year")),
    _Family(_P_RELUNIT, _r_relunit, _BEFORE_RELUNIT),
    _Family(_P_DURATION, _r_duration, _BEFORE_DURATION),
    _Family(_P_UNITS_AWAY, _r_units_away, gate=("earlier", "later", "ago")),
    _Family(_P_FRAC_DURATION, _r_frac_duration, gate=("1/2",)),
    _Family(_P_BARE_UNITS, _r_bare_units, gate=(*_BARE_UNITS, "while", "some")),
    _Family(_P_SET, _r_set, gate=("each", "every", "per", "hourly", "nightly", "daily", "weekly", "monthly",
                                  "quarterly", "annually", "yearly", "once", "twice", "thrice", "times")),
    _Family(_P_POD, _r_pod, gate=("morning", "afternoon", "evening", "night", "hours", *TWILIGHT)),
    _Family(_P_REF, _r_ref),
)

# ---------------------------------------------------------------------------
# Placing values on the timeline
# ---------------------------------------------------------------------------

_V_TIME = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(?:(\d{2})(?::(\d{2})(?::(\d{2}))?)?|(MO|AF|EV|NI|DT))$")
_V_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})(-WE)?|-Q([1-4])|-H([12])|-(SP|SU|FA|WI))?$")
_V_DECADE = re.compile(r"(\d{3})X?$")
_V_CENTURY = re.compile(r"(\d{2})(?:XX)?$")


def _local(d: date, tz: ZoneInfo, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    day_shift, hour = divmod(hour, 24)
    naive = datetime.combine(d + timedelta(days=day_shift), time(hour, minute, second))
    return naive.replace(tzinfo=tz).astimezone(UTC)


def _fmt_offset(off: timedelta) -> str:
    total = int(off.total_seconds() // 60)
    sign = "-" if total < 0 else "+"
    hh, mm = divmod(abs(total), 60)
    return f"{sign}{hh:02d}:{mm:02d}"


def _place(res: _Res, tz: ZoneInfo) -> TimeValue | None:
    """The UTC interval, precision and EDTF form of a DATE/TIME value."""
    v = res.value
    m = _V_TIME.match(v)
    if m:
        d = date(int(m[1]), int(m[2]), int(m[3]))
        if m[7]:
            a, b = res.hours or _POD_HOURS[m[7]]
            return TimeValue(_local(d, tz, a), _local(d, tz, b), Precision.PART_OF_DAY, d.isoformat())
        hh = int(m[4])
        mm = int(m[5]) if m[5] else 0
        ss = int(m[6]) if m[6] else 0
        precision = Precision.SECOND if m[6] else Precision.MINUTE if m[5] else Precision.HOUR
        step = {Precision.SECOND: timedelta(seconds=1), Precision.MINUTE: timedelta(minutes=1),
                Precision.HOUR: timedelta(hours=1)}[precision]
        wall = datetime.combine(d, time(0)) + timedelta(hours=hh, minutes=mm, seconds=ss)
        zone_name, offset, note = _clock_zone(res, wall, tz)
        start = (wall - offset).replace(tzinfo=UTC)
        # Not strftime's %Y: it writes the year 2 as "2", not "0002".
        edtf = f"{wall.year:04d}-{wall:%m-%dT%H:%M}" + (wall.strftime(":%S") if m[6] else "") + (
            "Z" if offset == timedelta(0) and zone_name in ("UTC", "GMT") else _fmt_offset(offset))
        return TimeValue(start, start + step, precision, edtf, uncertain=note is not None,
                         zone=zone_name, utc_offset=offset, note=note)
    m = _V_DATE.match(v)
    if m:
        y = int(m[1])
        if y < 1:
            return None
        if m[3]:
            d = date(y, int(m[2]), int(m[3]))
            return TimeValue(_local(d, tz), _local(d + timedelta(days=1), tz), Precision.DAY, d.isoformat())
        if m[2]:
            mo = int(m[2])
            ny, nm = _add_months(y, mo, 1)
            return TimeValue(_local(date(y, mo, 1), tz), _local(date(ny, nm, 1), tz), Precision.MONTH,
                             f"{y:04d}-{mo:02d}")
        if m[4]:
            monday = date.fromisocalendar(y, int(m[4]), 1)
            first = monday + timedelta(days=5) if m[5] else monday
            last = monday + timedelta(days=6)
            return TimeValue(_local(first, tz), _local(last + timedelta(days=1), tz), Precision.WEEK,
                             f"{first.isoformat()}/{last.isoformat()}")
        if m[6]:
            q = int(m[6])
            ny, nm = _add_months(y, 3 * q - 2, 3)
            return TimeValue(_local(date(y, 3 * q - 2, 1), tz), _local(date(ny, nm, 1), tz), Precision.QUARTER,
                             f"{y:04d}-{_EDTF_QUARTER[m[6]]}")
        if m[7]:
            h = int(m[7])
            ny, nm = _add_months(y, 6 * h - 5, 6)
            return TimeValue(_local(date(y, 6 * h - 5, 1), tz), _local(date(ny, nm, 1), tz), Precision.QUARTER,
                             f"{y:04d}-{_EDTF_HALF[m[7]]}")
        if m[8]:
            first_month = _SEASON_SPAN[m[8]]
            ny, nm = _add_months(y, first_month, 3)
            return TimeValue(_local(date(y, first_month, 1), tz), _local(date(ny, nm, 1), tz), Precision.SEASON,
                             f"{y:04d}-{_EDTF_SEASON[m[8]]}")
        if y >= 9999:
            return None
        return TimeValue(_local(date(y, 1, 1), tz), _local(date(y + 1, 1, 1), tz), Precision.YEAR, f"{y:04d}")
    m = _V_DECADE.match(v)
    if m and v[:3].isdigit() and int(m[1]) > 0 and int(m[1]) < 999:
        y = int(m[1]) * 10
        return TimeValue(_local(date(y, 1, 1), tz), _local(date(y + 10, 1, 1), tz), Precision.DECADE, f"{m[1]}X")
    m = _V_CENTURY.match(v)
    if m and 0 < int(m[1]) < 99:
        y = int(m[1]) * 100
        return TimeValue(_local(date(y, 1, 1), tz), _local(date(y + 100, 1, 1), tz), Precision.CENTURY, f"{m[1]}XX")
    return None


def _clock_zone(res: _Res, wall: datetime, tz: ZoneInfo) -> tuple[str, timedelta, str | None]:
    """The zone a clock time was given in, its offset, and a note when the abbreviation misfits the season."""
    if res.offset is not None:
        return res.zone or _fmt_offset(res.offset), res.offset, None
    if res.zone is None:
        return tz.key, wall.replace(tzinfo=tz).utcoffset() or timedelta(0), None
    zone = ZONES[res.zone]
    if zone.offset is None:
        region = ZoneInfo(zone.region or "UTC")
        return res.zone, wall.replace(tzinfo=region).utcoffset() or timedelta(0), None
    note = None
    if zone.region and zone.summer is not None and zone.other:
        region = ZoneInfo(zone.region)
        in_summer = bool(wall.replace(tzinfo=region).dst())
        if in_summer != zone.summer:
            other = ZONES[zone.other].offset or timedelta(0)
            note = (f"{res.zone} (UTC{_fmt_offset(zone.offset)}) in {MONTH_NAMES[wall.month - 1]}, when "
                    f"{zone.label} time is {zone.other} (UTC{_fmt_offset(other)}); the source may mean {zone.other}")
    return res.zone, zone.offset, note


_OPEN_ENDED = (Qualifier.BEFORE, Qualifier.BY, Qualifier.UNTIL, Qualifier.AFTER, Qualifier.SINCE)


def qualified(tv: TimeValue, qualifier: Qualifier | None) -> TimeValue:
    """The time with a qualifier, written into its EDTF form: before 2020 is "../2020", about 1990 "1990~".

    A week is an interval in EDTF ("2023-06-12/2023-06-18"): an open end joins the day on the side it
    opens from, "../2023-06-12" before it, "2023-06-18/.." after it.
    """
    tv = unqualified(tv)
    if qualifier is None and not tv.uncertain:
        return tv
    edtf = tv.edtf
    is_date = "T" not in edtf and "/" not in edtf
    first, _, last = edtf.partition("/")
    last = last or first
    if qualifier is Qualifier.BEFORE:
        edtf = f"../{first}"
    elif qualifier in (Qualifier.BY, Qualifier.UNTIL):
        edtf = f"../{last}"
    elif qualifier is Qualifier.AFTER:
        edtf = f"{last}/.."
    elif qualifier is Qualifier.SINCE:
        edtf = f"{first}/.."
    elif qualifier is Qualifier.APPROXIMATE and is_date and not edtf.endswith(("~", "%")):
        edtf += "~"
    if tv.uncertain and is_date and "/" not in edtf and not edtf.endswith(("?", "%")):
        edtf = edtf[:-1] + "%" if edtf.endswith("~") else edtf + "?"
    return TimeValue(tv.start, tv.end, tv.precision, edtf, qualifier, tv.uncertain, tv.zone, tv.utc_offset, tv.note)


def unqualified(tv: TimeValue) -> TimeValue:
    """The named time itself, without before, after, by, since or until: the 1979 of "after 1979"."""
    if tv.qualifier not in _OPEN_ENDED:
        return tv
    bare = tv.edtf.removeprefix("../").removesuffix("/..")
    if tv.precision is Precision.WEEK and "/" not in bare:  # the day a week's open end joined: the week again
        length = timedelta(days=round((tv.end - tv.start) / timedelta(days=1)) - 1)
        day = date.fromisoformat(bare)
        first = day if tv.qualifier in (Qualifier.BEFORE, Qualifier.SINCE) else day - length
        bare = f"{first.isoformat()}/{(first + length).isoformat()}"
    return replace(tv, qualifier=None, edtf=bare)


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def _candidates(text: str) -> list[_Cand]:
    out: list[_Cand] = []
    lower = text.lower()
    same_offsets = len(lower) == len(text)  # a few characters lower-case to two ("İ")
    for priority, fam in enumerate(_FAMILIES):
        if isinstance(fam.gate, re.Pattern):
            if not fam.gate.search(lower):
                continue
        elif fam.gate and not any(g in lower for g in fam.gate):
            continue
        scan = fam.fast.finditer(lower) if fam.fast is not None and same_offsets else fam.pattern.finditer(text)
        for core in scan:
            if core.end() == core.start():
                continue
            before = fam.before.search(text, max(0, core.start() - 40), core.start()) if fam.before else None
            m = _M(core, before, text)
            out.append(_Cand(m.start(), m.end(), fam.rule, m, priority))
    return out


def _within_calendar(function: Callable[..., _T], *args: object) -> _T | None:
    """The function's result, or None where the date runs off Python's calendar (years 1 and 9999)."""
    try:
        return function(*args)
    except (OverflowError, ValueError):
        return None


def _select(cands: list[_Cand], text: str, ctx: _Ctx) -> list[tuple[_Cand, _Res]]:
    """Longest non-overlapping candidates whose rule accepts them, in text order."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.priority, c.start))
    taken = bytearray(len(text) + 1)
    chosen: list[_Cand] = []
    for c in cands:
        if any(taken[c.start:c.end]):
            continue
        # Rules are pure given the DCT; acceptance must not depend on the focus, so try with the DCT focus.
        if _within_calendar(c.rule, c.match, ctx) is None:
            continue  # the rule refuses it ("May" the verb, "2000 people")
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    resolved: list[tuple[_Cand, _Res]] = []
    for c in chosen:
        stamp = c.rule is _r_clock and _stamps_an_entry(text, c)
        if stamp:
            _focus_on_day(ctx, ctx.today, c.start)
        res = _within_calendar(c.rule, c.match, ctx)
        if res is None:
            continue
        if stamp and res.offset is None and res.value > ctx.dct.astimezone(ctx.tz).strftime("%Y-%m-%dT%H:%M"):
            _focus_on_day(ctx, ctx.today - timedelta(days=1), c.start)  # a later clock time: yesterday's entry
            res = _within_calendar(c.rule, c.match, ctx) or res
        if stamp:
            ctx.entry = res
        resolved.append((c, res))
        if ctx.topic_quarter is None and c.rule is _r_quarter and res.value[4:6] == "-Q" and not (
                c.match["y"] or c.match["y2"] or "fiscal" in c.match.text[c.start:c.end].lower()):
            ctx.topic_quarter = res.value  # a calendar quarter placed by the DCT, not "the 1984 quarter"
        if (res.anchor and res.type in ("DATE", "TIME") and _focus_date(res.value) and not _said_at(text, c)
                and not _BOUND_BEFORE.search(text, max(0, c.start - 12), c.start)
                and not _DOCUMENT_OF_BEFORE.search(text, max(0, c.start - 24), c.start)
                and not closes_citation(text, c.start, c.end)):
            ctx.focus = res.value if "T" not in res.value else res.value.split("T")[0]
            night_of = _LATE_PART_OF.search(text, max(0, c.start - 24), c.start)  # "the night of June 15"
            # "at 10.30pm on Monday": the clock time before the day is the time in focus
            clock, clock_res = resolved[-2] if len(resolved) > 1 else (None, None)
            told = clock_res.value if clock and clock.rule is _r_clock and _CLOCK_DAY_GAP.fullmatch(
                text, clock.end, c.start) else res.value
            ctx.focus_late = _late_in_the_day(told) or bool(night_of)
            ctx.focus_night = _in_the_night(told) or bool(night_of and night_of["part"].lower() != "afternoon")
            ctx.focus_named, ctx.focus_start = True, c.start
            if len(ctx.focus) == 10:
                ctx.day_focus = _focus_date(ctx.focus)[0]
            if ctx.focus[:10] <= ctx.today.isoformat():
                ctx.past_focus = ctx.focus  # not a day ahead ("was due to return on Friday"): it may be told as past
        elif res.type == "TIME" and res.value[:10] == ctx.focus and not stamp:
            ctx.focus_late = _late_in_the_day(res.value)  # a clock time on the day in focus
            ctx.focus_night = _in_the_night(res.value)
    # Range ends first: "the night of 3-4 March" is the night of the 3rd, once the 3 is a day.
    dated = _periods_of_their_day(_clocks_on_their_day(_shorthand_range_ends(resolved, text), text), text, ctx)
    return _range_in_order(_offsets_from_equivalents(dated, text, ctx.tz), text)


_PARAGRAPH_BREAK = re.compile(_BLANK_LINE)

# "a state of emergency until Feb 7": the day something lasts until is not the day the story is on.
_BOUND_BEFORE = re.compile(r"\b(?:until|till|through)\s+$", re.IGNORECASE)


# "approved at its meeting of 3 April", "the decree of 5 May": the date names a document or a sitting, not the day
# the story is on.
_DOCUMENT_OF_BEFORE = re.compile(r"\b(?:meeting|session|sitting|decree|ordinance|circular|resolution|letter|ruling|"
                                 r"judgment|judgement|minutes)\s+of\s+$", re.IGNORECASE)
_LATE_PART_OF = re.compile(r"\b(?P<part>afternoon|evening|night)\s+of\s+$", re.IGNORECASE)


_CITATION_BEFORE = re.compile(r"\([^()\n]{1,60},\s*$")
_CITATION_AFTER = re.compile(r"\s*\)")


def closes_citation(text: str, start: int, end: int) -> bool:
    """Whether a date closes a citation, "(interview, 20 November 2023)": when a source spoke, not the story's day."""
    return bool(_CITATION_AFTER.match(text, end) and _CITATION_BEFORE.search(text, max(0, start - 62), start))


def _stamps_an_entry(text: str, c: _Cand) -> bool:
    """Whether a time stamps an entry of a live page: alone on its line ("14:32 BST"), or "Updated 3.20pm:"."""
    line_start = text.rfind("\n", 0, c.start) + 1
    if _UPDATE_STAMP.fullmatch(text, line_start, c.start) and _STAMP_END.match(text, c.end):
        return True
    line_end = text.find("\n", c.end)
    return not text[line_start:c.start].strip() and not text[c.end:len(text) if line_end < 0 else line_end].strip()


_UPDATE_STAMP = re.compile(r"\s*(?:last\s+)?updated?,?(?:\s+at)?\s+", re.IGNORECASE)
_STAMP_END = re.compile(r"\s*(?:[:–—|-]|$)", re.MULTILINE)


def _focus_on_day(ctx: _Ctx, day: date, start: int) -> None:
    """Put a day in focus, as the text had named it at start."""
    ctx.focus = ctx.past_focus = day.isoformat()
    ctx.day_focus, ctx.focus_named, ctx.focus_start = day, True, start
    ctx.focus_late = ctx.focus_night = False


def _late_in_the_day(value: str) -> bool:
    """Whether a TIMEX3 value is a time in the afternoon, evening or night: 2024-03-05T16:00, 2024-03-05TNI."""
    clock = value.partition("T")[2]
    return clock in ("AF", "EV", "NI") or (clock[:2].isdigit() and int(clock[:2]) >= 12)


def _in_the_night(value: str) -> bool:
    """Whether a TIMEX3 value is a time in the evening or night: 2024-03-05T22:30, 2024-03-05TNI, midnight."""
    clock = value.partition("T")[2]
    return clock in ("EV", "NI") or (clock[:2].isdigit() and int(clock[:2]) >= _EVENING_STARTS)


_EVENING_STARTS = 18


def _said_at(text: str, c: _Cand) -> bool:
    """Whether a time closes its sentence as the time of the saying: ", officials said Thursday."."""
    # The story goes on from the time of what was said, not of the saying.
    return bool(_SENTENCE_CLOSE.match(text, c.end)
                and _ATTRIBUTION_BEFORE.search(text, max(0, c.start - 60), c.start))


# "..., officials said on Sunday (Oct 13).": the day and the date in brackets after it are the saying's.
_ATTRIBUTION_BEFORE = re.compile(r",[^,.;:!?\n]{1,50}\b(?:said|told\s+\w+|announced|confirmed|reported|added|stated)"
                                 r"\s+(?:on\s+)?(?:[A-Z][a-z]+\s*\(\s*)?$")
_SENTENCE_CLOSE = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?\)?(?:[.!?]|$)")


# Between a clock time and the day it falls on: "6:55 a.m. last Tuesday", "0638 EST on Tuesday morning";
# between a part of the day and its day: "dawn on Tuesday", "the morning of June 20".
# ")": "6:30am local time (0430 GMT) on Tuesday"; "of": "at 23:58 hours of 14/03/2023"
_CLOCK_DAY_GAP = re.compile(r"\)?" + _IN_PARAGRAPH + r"*,?" + _IN_PARAGRAPH + r"*(?:on\s+|of\s+)?")
# "the night from Saturday to Sunday"
_PART_DAY_GAP = re.compile(_IN_PARAGRAPH + r"*,?" + _IN_PARAGRAPH + r"*(?:on\s+|of\s+)?|(?<=night)\s+from\s+")
_CLOCK_RANGE_GAP = re.compile(_IN_PARAGRAPH + r"*(?:[-–]|to|until|till|through|and)" + _IN_PARAGRAPH + r"*")
_SAME_CLOCK_GAP = re.compile(r"\s*\(\s*")  # the same time in another zone, in brackets


def _offsets_from_equivalents(
    resolved: list[tuple[_Cand, _Res]], text: str, tz: ZoneInfo
) -> list[tuple[_Cand, _Res]]:
    """A local clock time followed by the same time in a named zone takes its offset from that time.

    "at 3 p.m. local time (1200 GMT)" is 12:00 UTC whatever the article's zone: the place may be elsewhere.
    """
    out = list(resolved)
    for index, ((local, local_res), (other, other_res)) in enumerate(itertools.pairwise(resolved)):
        if (local.rule is not _r_clock or other.rule is not _r_clock or local_res.zone or local_res.offset
                or not (other_res.zone or other_res.offset)
                or not _SAME_CLOCK_GAP.fullmatch(text, local.end, other.start)):
            continue
        local_wall, other_wall = _wall_time(local_res.value), _wall_time(other_res.value)
        if local_wall is None or other_wall is None:
            continue
        if other.match["wd"]:  # "10:00 pm (0100 GMT Sunday)": the weekday within a day of the local time's
            other_wall = _weekday_beside(other_wall, local_wall)
            out[index + 1] = (other, replace(other_res, value=other_wall.strftime("%Y-%m-%d") + other_res.value[10:]))
        offset = local_wall - (other_wall - _clock_zone(other_res, other_wall, tz)[1])
        if offset == local_wall.replace(tzinfo=tz).utcoffset():
            continue  # the article's zone, as it would be without the other time
        if abs(offset) <= _h(14) and not offset % timedelta(minutes=15):
            out[index] = (local, replace(local_res, offset=offset))
    return out


def _weekday_beside(clock: datetime, beside: datetime) -> datetime:
    """The clock time moved to the day of its weekday that is the day of `beside`, the day before or the one after."""
    for step in (0, -1, 1):
        day = beside.date() + timedelta(days=step)
        if day.weekday() == clock.weekday():
            return datetime.combine(day, clock.time())
    return clock


def _wall_time(value: str) -> datetime | None:
    """The clock time of a TIMEX3 TIME value to the minute or second, as a naive datetime; else None."""
    m = _V_TIME.match(value)
    if not m or not m[4]:
        return None
    return datetime(int(m[1]), int(m[2]), int(m[3])) + timedelta(hours=int(m[4]), minutes=int(m[5] or 0),
                                                                 seconds=int(m[6] or 0))


# Hours of a twelve-hour clock that a part of the day puts after noon: "10:30 on Monday night" is 22:30.
_AFTERNOON_HOURS = {"AF": range(1, 7), "EV": range(5, 12), "NI": range(6, 12)}


def _in_part_of_day(clock_value: str, day_value: str) -> str:
    """A clock time written without a.m. or p.m. ("T10:30"), moved after noon if its part of the day says so."""
    hours = _AFTERNOON_HOURS.get(day_value[-2:]) if "T" in day_value else None
    hour = int(clock_value[1:3])
    return f"T{hour + 12:02d}{clock_value[3:]}" if hours and hour in hours else clock_value


def _range_in_order(resolved: list[tuple[_Cand, _Res]], text: str) -> list[tuple[_Cand, _Res]]:
    """A range of months or weekdays named without a year or week ends after it starts.

    Each end was placed on its own, so "from December to February, snow fell" gave December of this year and
    February of this one too; the end's placement stands (it says which February), and the start moves back
    to the latest December before it; a start with no year before an end with one ("from March to May 2026") is
    in the months before that end. Only when the start is a bare name: "from December 2012 to February" is not
    this rule's.
    """
    out = list(resolved)
    for index in range(len(out) - 1):
        (first, first_res), (last, last_res) = out[index], out[index + 1]
        gap = _RANGE_GAP.match(text[first.end:last.start])
        if not gap or first.rule is not last.rule or first.rule not in (_r_month, _r_weekday):
            continue
        if "and" in gap.group() and not _BETWEEN_BEFORE.search(text, max(0, first.start - 9), first.start):
            continue  # "in June and January": a list, not a range
        dated_end = last.rule is _r_month and last.match["y"] is not None
        if not _BARE_NAME.fullmatch(text, first.start, first.end) or not (
                dated_end or _BARE_NAME.fullmatch(text, last.start, last.end)):
            continue
        value = first_res.value
        if first.rule is _r_month and len(value) == 7 and len(last_res.value) == 7 and (
                value > last_res.value or dated_end):
            value = f"{int(last_res.value[:4]) - (value[5:] > last_res.value[5:]):04d}{value[4:]}"
        elif first.rule is _r_weekday and len(value) == len(last_res.value) == 10 and value > last_res.value:
            end = date.fromisoformat(last_res.value)
            start = date.fromisoformat(value)
            value = (end - timedelta(days=(end.weekday() - start.weekday()) % 7)).isoformat()
        else:
            continue
        out[index] = (first, replace(first_res, value=value))
    return out


_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_BARE_NAME = re.compile(r"[A-Z][a-z]+\.?")  # a month or weekday alone: "June", "Friday", "Sept."


def _clocks_on_their_day(resolved: list[tuple[_Cand, _Res]], text: str) -> list[tuple[_Cand, _Res]]:
    """A clock time or part of a day followed by the day it falls on takes that day's date, not the date in focus.

    A clock time followed by a longer period ("at 1530 GMT three weeks ago") is on a day of it that the text
    does not name: its date is unknown (XXXX-XX-XX), and the period dates what happened.
    """
    dated = list(resolved)
    redated: set[int] = set()
    for index, ((hour, hour_res), (day, day_res)) in enumerate(itertools.pairwise(resolved)):
        if day.rule is _r_clock or day_res.type not in ("DATE", "TIME"):
            continue
        clock = hour.rule is _r_clock and not (hour.match["wd"] or hour.match["mon"])
        part = hour.rule is _r_pod and not (hour.match["dw"] or hour.match["over"])
        gap = _CLOCK_DAY_GAP if clock else _PART_DAY_GAP if part else None
        if gap is None or not gap.fullmatch(text, hour.end, day.start):
            continue
        focus = _focus_date(day_res.value)
        if focus and focus[1] == "day":
            day, clock_value = focus[0], hour_res.value[10:]
            # "10:30 on Monday night", "half past two on Sunday afternoon": a clock without a.m. or p.m.
            if clock and ((hour.match["h2"] and not hour.match["h2"].startswith("0"))
                          or (hour.match["part"] and not (hour.match["ampm"] or hour.match["half"]))):
                clock_value = _in_part_of_day(clock_value, day_res.value)
            if clock and day_res.value.endswith("TNI") and clock_value[1:3] < "06":
                day = _within_calendar(lambda d: d + timedelta(days=1), day) or day  # "2am on Saturday night"
            dated[index] = (hour, replace(hour_res, value=day.isoformat() + clock_value))
            redated.add(index)
        elif focus and clock:  # a week, month or year: the clock time is on a day the text does not name
            dated[index] = (hour, replace(hour_res, value="XXXX-XX-XX" + hour_res.value[10:]))
            redated.add(index)
    # "from 8 p.m. to midnight on Saturday", "6:30am local time (0430 GMT) on Tuesday": the first clock time is
    # on the day of the second.
    for index in sorted(redated, reverse=True):
        if index == 0 or index - 1 in redated:
            continue
        (first, first_res), (last, last_res) = dated[index - 1], dated[index]
        if (first.rule is _r_clock and last.rule is _r_clock and not (first.match["wd"] or first.match["mon"])
                and (_CLOCK_RANGE_GAP.fullmatch(text, first.end, last.start)
                     or _SAME_CLOCK_GAP.fullmatch(text, first.end, last.start))):
            dated[index - 1] = (first, replace(first_res, value=last_res.value[:10] + first_res.value[10:]))
    # "from 10 p.m. until 6 a.m.": an end earlier in the day than the start is on the next day.
    for index, ((first, first_res), (last, last_res)) in enumerate(itertools.pairwise(dated)):
        if (first.rule is _r_clock and last.rule is _r_clock and not last.match["wd"] and not last.match["mon"]
                and first_res.value[:10] == last_res.value[:10] and not first_res.value.startswith("X")
                and last_res.value[10:] < first_res.value[10:]
                and _CLOCK_RANGE_GAP.fullmatch(text, first.end, last.start)):
            next_day = _within_calendar(lambda day: date.fromisoformat(day) + timedelta(days=1), last_res.value[:10])
            if next_day is not None:  # None on the calendar's last day
                dated[index + 1] = (last, replace(last_res, value=next_day.isoformat() + last_res.value[10:]))
    return dated


_WEEK_OF = re.compile(r"(?:the\s+)?week\s*$", re.IGNORECASE)
_OF_GAP = re.compile(r"\s+of\s+")
_AT_GAP = re.compile(r"\s+at\s+")
_THIS_TIME_BEFORE = re.compile(r"\b(?:(?:around|about)\s+)?(?:this|the\s+same)\s+time\s+$", re.IGNORECASE)


def _periods_of_their_day(resolved: list[tuple[_Cand, _Res]], text: str,
                          ctx: _Ctx) -> list[tuple[_Cand, _Res]]:
    """ "the week of March 10" is that day's week, one expression, as "the night of 12 May" is that day's night
    and "every evening at 5pm" that time of every day; "this time last year" is this day a year ago."""
    out: list[tuple[_Cand, _Res]] = []
    last_year = f"{ctx.today.year - 1:04d}"
    for cand, res in resolved:
        of_day = out and res.type == "DATE" and len(res.value) == 10 and _OF_GAP.fullmatch(text, out[-1][0].end,
                                                                                           cand.start)
        if of_day and _WEEK_OF.fullmatch(text, out[-1][0].start, out[-1][0].end):
            week = out.pop()[0]
            cand, res = replace(cand, start=week.start), replace(res, value=_week_value(date.fromisoformat(res.value)))
        elif of_day and out[-1][0].rule is _r_pod and out[-1][1].value[:10] == res.value:
            # (the part of the day already took the day's date: see _clocks_on_their_day)
            part, res = out.pop()
            cand = replace(part, end=cand.end)
        elif out and cand.rule is _r_clock and out[-1][1].type == "SET" and out[-1][1].value.startswith("XXXX") \
                and _AT_GAP.fullmatch(text, out[-1][0].end, cand.start):
            every, every_res = out.pop()  # "every evening at 5pm": the set's days at that time
            clock = res.value[10:]
            if cand.match["h2"] and not cand.match["h2"].startswith("0"):
                clock = _in_part_of_day(clock, every_res.value)  # "every evening at 7:30"
            cand, res = replace(every, end=cand.end), replace(every_res, value=every_res.value.split("T")[0] + clock)
        elif out and res.type == "DATE" and _night_of_the_day_before(out[-1], res.value, text) \
                and _CLOCK_RANGE_GAP.fullmatch(text, out[-1][0].end, cand.start):
            night, res = out.pop()  # "the night of 14-15 September": one night, the first day's
            cand = replace(night, end=cand.end)
        elif res.value == last_year and text[cand.start:cand.end].lower() == "last year" and (
                this_time := _THIS_TIME_BEFORE.search(text, max(0, cand.start - 25), cand.start)):
            a_year_ago = _within_calendar(lambda: ctx.today.replace(year=ctx.today.year - 1)) or \
                ctx.today - timedelta(days=365)  # 29 February
            cand, res = replace(cand, start=this_time.start()), replace(res, value=a_year_ago.isoformat(),
                                                                          mod="APPROX")
        out.append((cand, res))
    return out


def _night_of_the_day_before(night: tuple[_Cand, _Res], day_value: str, text: str) -> bool:
    """Whether a span is "the night of" a day and the day after it has the value given."""
    cand, res = night
    if cand.rule is not _r_pod or not res.value.endswith("TNI") or not _OF_GAP.search(text, cand.start, cand.end):
        return False
    after = _within_calendar(lambda: date.fromisoformat(res.value[:10]) + timedelta(days=1))
    return after is not None and after.isoformat() == day_value


# "June 19-20", "from June 19 to 21", "June 19-20, 2019"; "19-20 June", "between 1 and 3 March": a bare day beside
# a date; "2013-16", "2021/22": the last two digits of a year after a year.
_DAY_AFTER_DATE = re.compile(r"(?P<join>\s*[-–]\s*|\s+(?:to|and|through|until|till)\s+)"
                             r"(?P<d>[0-3]?\d)(?P<th>st|nd|rd|th)?\b"
                             r"(?!\s*(?:%|percent\b|per\s+cent\b)|[.,:/-]\d)(?:,?\s+(?P<y>\d{4})\b)?")
_DAY_BEFORE_DATE = re.compile(r"(?:\b(?P<opener>between|from|on)\s+)?\b(?P<d>[0-3]?\d)"
                              r"(?P<join>\s*[-–]\s*|\s+(?:and|to|until|through)\s+)$", re.IGNORECASE)
_YEAR_AFTER_YEAR = re.compile(r"[-–/](?P<yy>\d\d)\b(?![-–/.,:]\d)")
# "between 5 and 6 a.m.", "from 5 to 7 p.m.": a bare hour that opens a range of clock times.
_HOUR_BEFORE_CLOCK = re.compile(r"\b(?:between|from)\s+(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?"
                                r"\s*(?:-|–|and|to|until|till)\s*$", re.IGNORECASE)
# What follows a day joined by a word, and shows it is no count ("June 19 and 20 people"): punctuation, the end.
_AFTER_JOINED_DAY = re.compile(r"\s*(?:[,.;:)]|$)|\s+(?:in|at|on|when|as|and|but|while|with|before|after)\b")


def _shorthand_range_ends(resolved: list[tuple[_Cand, _Res]], text: str) -> list[tuple[_Cand, _Res]]:
    """A bare day that continues or opens a date's range of days ("June 19-20") is a day of its month; the
    two digits after a year ("2013-16") are a year of its century.

    Each becomes an expression of its own, which find_ranges joins to the date; a year after the last day
    ("June 19-20, 2019") dates both.
    """
    out = list(resolved)
    for index, (date_cand, date_res) in enumerate(resolved):
        following = resolved[index + 1][0] if index + 1 < len(resolved) else None
        previous_end = resolved[index - 1][0].end if index else 0
        if date_cand.rule is _r_clock and date_cand.match["ampm"] and date_res.value[10:11] == "T":
            m = _HOUR_BEFORE_CLOCK.search(text, max(previous_end, date_cand.start - 24), date_cand.start)
            if m:
                end_hour = int(date_res.value[11:13])
                hour = int(m["h"]) % 12 + (12 if end_hour >= 12 else 0)
                hour -= 12 if hour >= end_hour and hour >= 12 else 0  # "between 11 and 1 p.m.": 11 a.m.
                opening = _Cand(m.start("h"), m.end("m") if m["m"] else m.end("h"), date_cand.rule, date_cand.match,
                                date_cand.priority)
                value = f"{date_res.value[:11]}{hour:02d}:{m['m'] or '00'}"
                out.append((opening, replace(date_res, value=value)))
            continue
        if date_cand.rule is _r_year and len(date_res.value) == 4:
            m = _YEAR_AFTER_YEAR.match(text, date_cand.end)
            first = int(date_res.value)
            last = first - first % 100 + int(m["yy"]) if m else 0
            last += 100 if last <= first else 0  # "1999-01"
            if m and last - first <= 20 and (following is None or following.start >= m.end()):
                end = _Cand(m.start("yy"), m.end("yy"), date_cand.rule, date_cand.match, date_cand.priority)
                out.append((end, _Res("DATE", f"{last:04d}", anchor=False)))
            continue
        if date_cand.rule is not _r_mdy or len(date_res.value) != 10 or date_cand.match["mon"] is None:
            continue  # not "20-Jun-2023" either
        month_first = date_cand.match.start("mon") < date_cand.match.start("d")
        first = date.fromisoformat(date_res.value)
        if month_first and not date_cand.match["y"]:
            m = _DAY_AFTER_DATE.match(text, date_cand.end)
            day_end = (m.end("th") if m["th"] else m.end("d")) if m else -1  # "to 5th"
            if (not m or (following is not None and following.start < day_end)
                    or ("-" not in m["join"] and "–" not in m["join"] and not m["y"]
                        and not _AFTER_JOINED_DAY.match(text, day_end))):
                continue
            year_named = bool(m["y"]) and (following is None or following.start >= m.start("y"))
            year = int(m["y"]) if year_named else first.year
            opening, closing = _safe_date(year, first.month, first.day), _safe_date(year, first.month, int(m["d"]))
            if opening is None or closing is None or closing <= opening:
                continue  # "June 19-12", "February 28-30"
            end = m.end("y") if year_named else day_end
            if year_named:  # the year after the last day dates the first too, and is part of the last
                out = [item for item in out if not (item[0].start >= m.start("y") and item[0].end <= end)]
                out[out.index((date_cand, date_res))] = (date_cand, replace(date_res, value=opening.isoformat()))
            day = _Cand(m.start("d"), end, date_cand.rule, date_cand.match, date_cand.priority)
            out.append((day, _Res("DATE", closing.isoformat(), anchor=False)))
        elif not month_first:
            m = _DAY_BEFORE_DATE.search(text, max(previous_end, date_cand.start - 24), date_cand.start)
            if m and 1 <= int(m["d"]) < first.day and (m["opener"] or "-" in m["join"] or "–" in m["join"]):
                day = _Cand(m.start("d"), m.end("d"), date_cand.rule, date_cand.match, date_cand.priority)
                out.append((day, _Res("DATE", first.replace(day=int(m["d"])).isoformat(), anchor=False)))
    out.sort(key=lambda item: item[0].start)
    return out


def find_timexes(text: str, dct: datetime, tz: ZoneInfo) -> list[Timex]:
    """Every temporal expression in text, in order, non-overlapping."""
    if dct.tzinfo is None:
        raise ValueError("the document creation time must be timezone-aware")
    today = dct.astimezone(tz).date()
    out: list[Timex] = []
    for c, res in _select(_candidates(text), text, _Ctx(text, dct, tz, today, today.isoformat(),
                                                          past_focus=today.isoformat())):
        mod = res.mod
        start = c.start
        lead = _LEADING_SIGNAL.match(text, start, c.end) or _COMPOUND_DETERMINER.match(text, start, c.end)
        if lead:
            start = lead.end()
        if res.type in ("DATE", "TIME") and mod is None:
            # TimeBank keeps "about"/"around" inside the span of a date or time.
            approx = _APPROX_BEFORE.search(text, max(out[-1].end if out else 0, start - 16), start)
            if approx:
                start, mod = approx.start(), "APPROX"
        qualifier = _MOD_QUALIFIER.get(mod) if mod else None
        signal = _SIGNAL_BEFORE.search(text, max(0, start - 20), start)
        if signal and res.type in ("DATE", "TIME") and mod is None:
            mod, qualifier = _SIGNALS[re.sub(r"\s+", " ", signal["s"].lower())]
        interval = None
        if res.beside is not None:  # "days earlier": before the time in focus
            value, qualifier = res.beside
            tv = _within_calendar(_place, replace(res, value=value), tz)
            interval = qualified(tv, qualifier) if tv else None
        elif res.type in ("DATE", "TIME"):
            tv = _within_calendar(_place, res, tz)
            interval = qualified(tv, qualifier) if tv else None
        out.append(Timex(start, c.end, text[start:c.end], res.type, res.value, mod, interval))
    return _periods_ended(_compound_durations(out, text), text, tz)


# A period told by the day it ends or begins, as reports and filings do: "the six months ended 30 June 2023".
_PERIOD_OF_A_DAY = re.compile(r"the\s+(?:(?P<n>three|six|3|6)\s+months|(?P<unit>year|quarter|month|week))", re.I)
_DAY_VALUE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ENDED_OR_BEGINNING = re.compile(r"\s+(?:that\s+)?(?:(?P<end>ended|ending|to)|beginning|starting|commencing)"
                                 r"\s+(?:on\s+)?", re.I)


def _periods_ended(timexes: list[Timex], text: str, tz: ZoneInfo) -> list[Timex]:
    """ "the week ended Friday" is that week, "the year ended 31 December 2022" 2022 (the day stays a date)."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        period = timexes[i]
        day = timexes[i + 1] if i + 1 < len(timexes) else None
        m = _PERIOD_OF_A_DAY.fullmatch(period.text)
        joiner = _ENDED_OR_BEGINNING.fullmatch(text, period.end, day.start) if m and day else None
        found = _DAY_VALUE.fullmatch(day.value) if joiner else None
        value = _period_value(m, date(int(found[1]), int(found[2]), int(found[3])), bool(joiner["end"])) \
            if found else None
        interval = _within_calendar(_place, _Res("DATE", value), tz) if value else None
        # Two expressions, as TimeBank marks them ("the quarter" 1989-Q3, "Sept. 30"): the period takes its value.
        out.append(replace(period, type="DATE", value=value, interval=interval) if interval else period)
        i += 1
    return out


def _period_value(m: re.Match[str], day: date, ended: bool) -> str | None:
    """The TIMEX3 value of a period of the kind m names that ends (or begins) on day; None if none such does."""
    months = {"three": 3, "3": 3, "six": 6, "6": 6}.get((m["n"] or "").lower()) or {"quarter": 3}.get(m["unit"].lower())
    if months:  # a calendar quarter or half, ended on its last day or begun on its first
        first_month = day.month - months + 1 if ended else day.month
        edge = day + timedelta(days=1) if ended else day
        if edge.day != 1 or first_month < 1 or (first_month - 1) % months:
            return None
        return f"{day.year:04d}-" + (f"Q{(first_month - 1) // 3 + 1}" if months == 3 else f"H{first_month // 6 + 1}")
    unit = m["unit"].lower()
    if unit == "week":
        return _week_value(day)
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}" if (day.month, day.day) == ((12, 31) if ended else (1, 1)) else None


# A duration told in several units: "three years, two months and 11 days" is P3Y2M11D, one expression.
_DURATION_PARTS = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?")
_DURATION_UNITS = ("Y", "M", "D", "H", "M", "S")  # largest first; a week does not mix with the others in ISO 8601
_DURATION_JOINER = re.compile(r",?[^\S\n]+and[^\S\n]+|,[^\S\n]+|[^\S\n]+")


def _duration_parts(timex: Timex) -> list[int | None] | None:
    """A plain duration's count of each unit, largest first; None for any other expression."""
    m = _DURATION_PARTS.fullmatch(timex.value) if timex.type == "DURATION" else None
    if m is None or not any(m.groups()):
        return None
    return [None if part is None else int(part) for part in m.groups()]


def _joined_duration_value(parts: list[int | None]) -> str:
    """The TIMEX3 value of a duration's counts of each unit, largest first: P3Y2M11D."""
    date = "".join(f"{n}{unit}" for n, unit in zip(parts[:3], _DURATION_UNITS[:3], strict=True) if n is not None)
    clock = "".join(f"{n}{unit}" for n, unit in zip(parts[3:], _DURATION_UNITS[3:], strict=True) if n is not None)
    return "P" + date + ("T" + clock if clock else "")


def _compound_durations(timexes: list[Timex], text: str) -> list[Timex]:
    """Durations in falling units, joined by commas and a last "and", made one: "2 years and 3 months" P2Y3M."""
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        first, parts = timexes[i], _duration_parts(timexes[i])
        j = i
        while parts is not None and j + 1 < len(timexes):
            joiner = _DURATION_JOINER.fullmatch(text, timexes[j].end, timexes[j + 1].start)
            following = _duration_parts(timexes[j + 1]) if joiner and timexes[j + 1].mod is None else None
            smallest = max(k for k, n in enumerate(parts) if n is not None)
            if following is None or any(n is not None for n in following[:smallest + 1]):
                break
            parts = [a if a is not None else b for a, b in zip(parts, following, strict=True)]
            j += 1
            if "and" in joiner.group():
                break  # the last part
        # Only a list that ends in "and", or counts side by side ("4 hours 28 minutes"): "in 2 years, 3 months
        # passed" is not one duration.
        gaps = [text[timexes[k].end:timexes[k + 1].start] for k in range(i, j)]
        if gaps and ("and" in gaps[-1] or not any(gap.strip() for gap in gaps)):
            out.append(Timex(first.start, timexes[j].end, text[first.start:timexes[j].end], "DURATION",
                             _joined_duration_value(parts), first.mod))
        else:
            out.extend(timexes[i:j + 1])
        i = j + 1
    return out


def find_ranges(text: str, timexes: Sequence[Timex]) -> list[TimeRange]:
    """Pairs of timexes joined into spans: "between 2013 and 2016", "from 1981 to 1986", "2013-2016"."""
    out: list[TimeRange] = []
    ordered = sorted(timexes, key=lambda t: t.start)
    i = 0
    while i + 1 < len(ordered):
        a, b = ordered[i], ordered[i + 1]
        gap = text[a.end:b.start]
        if a.interval and b.interval and a.interval.start < b.interval.end and _RANGE_GAP.match(gap):
            head = _RANGE_HEAD.search(text, max(0, a.start - 12), a.start)
            joiner = gap.strip().lower()
            if (head and (joiner == "and") == (head["w"].lower() == "between")) or joiner in ("-", "–", "—"):
                start = head.start() if head else a.start
                ia, ib = a.interval, b.interval
                coarse = ia.precision if ia.precision.rank <= ib.precision.rank else ib.precision
                # From the first day of the first to the last of the second: a week is itself "first/last".
                edtf = f"{_bare_edtf(ia.edtf).split('/')[0]}/{_bare_edtf(ib.edtf).split('/')[-1]}"
                tv = TimeValue(ia.start, ib.end, coarse, edtf)
                out.append(TimeRange(start, b.end, text[start:b.end], a, b, tv))
                i += 2
                continue
        i += 1
    return out


def _bare_edtf(edtf: str) -> str:
    return edtf.removeprefix("../").removesuffix("/..")


def parse_dct(value: str, tz: ZoneInfo) -> datetime:
    """Parse --dct 'YYYY-MM-DD[THH:MM[+hh:mm]]' into an aware datetime (midnight in tz when only a date)."""
    text = value.strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?", text)
    if not m:
        raise ValueError(f"cannot read the date {value!r}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[+hh:mm]")
    try:
        d = date(int(m[1]), int(m[2]), int(m[3]))
        t = time(int(m[4] or 0), int(m[5] or 0), int(m[6] or 0))
    except ValueError as exc:
        raise ValueError(f"cannot read the date {value!r}: {exc}") from None
    if m[7]:
        off = timedelta(0) if m[7] == "Z" else _parse_offset(m[7])
        return datetime.combine(d, t, timezone(off))
    return datetime.combine(d, t).replace(tzinfo=tz)


def timex_json(t: Timex) -> dict:
    """{"start","end","text","type","value"} plus mod and the interval when there is one."""
    out: dict = {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
    if t.mod:
        out["mod"] = t.mod
    tv = t.interval
    if tv is not None:
        out["interval"] = {
            "start": tv.start.astimezone(UTC).isoformat().replace("+00:00", "Z"),
            "end": tv.end.astimezone(UTC).isoformat().replace("+00:00", "Z"),
            "precision": tv.precision.value,
            "edtf": tv.edtf,
        }
        if tv.qualifier:
            out["interval"]["qualifier"] = tv.qualifier.value
        if tv.zone:
            out["interval"]["zone"] = tv.zone
        if tv.utc_offset is not None:
            out["interval"]["utc_offset"] = _fmt_offset(tv.utc_offset)
        if tv.uncertain:
            out["interval"]["uncertain"] = True
        if tv.note:
            out["interval"]["note"] = tv.note
    return out
