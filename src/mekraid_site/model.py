"""The data model shared by every stage of the pipeline.

All classes are frozen dataclasses: a stage receives values, never mutates
them, and returns new ones. Times on the timeline are UTC intervals that keep
the precision of what the text said: "1986" is the whole year 1986, not
1 January 1986.
"""

from __future__ import annotations

import enum
import functools
import operator
import sys
from dataclasses import dataclass, field, fields
from datetime import datetime, timedelta

from .errors import Problem


def _pickled_by_fields(cls: type | None = None, *, shared: tuple[str, ...] = ()):
    """Pickle a frozen dataclass as a call of the class with its fields.

    The dataclass's own way sets each field through a Python loop that looks
    the fields up again for every object; a cached build unpickles hundreds of
    thousands of claims, and this is several times quicker.

    ``shared`` names fields whose strings (or tuples of strings) come from a
    small vocabulary, such as actor ids and time words: unpickled, each such
    string is one object however many articles repeat it, where pickle would
    make one per article.
    """

    def decorate(cls: type) -> type:
        names = tuple(item.name for item in fields(cls))
        values_of = operator.attrgetter(*names)  # a tuple, read in C
        positions = tuple(names.index(name) for name in shared)

        def __reduce__(self):
            values = values_of(self)
            if positions:
                values = list(values)
                for position in positions:
                    values[position] = _interned(values[position])
                values = tuple(values)
            return cls, values

        cls.__reduce__ = __reduce__
        return cls

    return decorate(cls) if cls is not None else decorate


class _Interned:
    """A string that unpickles as its interned copy: a call of sys.intern, in C, not a Python function."""

    __slots__ = ("string",)

    def __init__(self, string: str) -> None:
        self.string = string

    def __reduce__(self):
        return sys.intern, (self.string,)


@functools.lru_cache(maxsize=1 << 16)
def _interned(value: object) -> object:
    """A string, or the strings of a tuple, wrapped to unpickle interned; other values as they are.

    The same wrapper for the same value: pickle writes it once per pickle and refers back to it after.
    """
    if type(value) is str:
        return _Interned(value)
    if type(value) is tuple:
        return tuple(map(_interned, value))
    return value


class _PickledByName:
    """Pickle an enum member as its name: a lookup, where Enum's own way calls the class with the value."""

    def __reduce_ex__(self, protocol):
        return getattr, (type(self), self.name)


class Precision(_PickledByName, enum.Enum):
    """How finely a time is known, from coarsest to finest."""

    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    SEASON = "season"
    QUARTER = "quarter"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    PART_OF_DAY = "part-of-day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"

    def __init__(self, value: str) -> None:
        # Position from coarsest (0) to finest; an attribute, because merging and sorting read it millions of times.
        self.rank = len(type(self).__members__)


class Qualifier(_PickledByName, enum.Enum):
    """How a time relates to the interval it names."""

    APPROXIMATE = "approximate"  # about, around, approximately
    BEFORE = "before"
    AFTER = "after"
    BY = "by"  # on or before
    SINCE = "since"  # from then on
    UNTIL = "until"  # up to then
    EARLY = "early"  # first part of the interval
    MID = "mid"
    LATE = "late"


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A time on the timeline: the UTC interval [start, end) and how well it is known.

    ``zone`` and ``utc_offset`` record a clock time as the text wrote it
    ("0638 EST" keeps zone "EST" and offset -5 h), so it can be shown in its
    original wording next to local time.
    """

    start: datetime  # UTC, inclusive
    end: datetime  # UTC, exclusive
    precision: Precision
    edtf: str  # ISO 8601-2 (EDTF) form, e.g. "1986", "2023-06-20T06:38-05:00", "2013/2016", "1990~"
    qualifier: Qualifier | None = None
    uncertain: bool = False  # the text's own value is doubtful, see ``note``
    zone: str | None = None  # zone as written: "EST", "UTC", or an IANA name
    utc_offset: timedelta | None = None  # offset of that zone at that time
    note: str | None = None  # why the value is uncertain, for the reader

    @property
    def is_range(self) -> bool:
        """Whether the value spans two named times ("between 2013 and 2016"), not an open end ("../2016")."""
        parts = self.edtf.split("/")
        return len(parts) == 2 and all(part not in ("", "..") for part in parts)

    def __reduce__(self):
        # A corpus repeats a few thousand distinct times across hundreds of thousands of claims and dates:
        # unpickled (from the cache or an extraction worker), equal times become one shared object.
        return _shared_time_value, tuple(getattr(self, name) for name in self.__slots__)


@functools.lru_cache(maxsize=1 << 16)
def _shared_time_value(*fields) -> TimeValue:
    """The one TimeValue of these fields (start and end are UTC, so equal fields are identical ones)."""
    return TimeValue(*fields)


@_pickled_by_fields(shared=("text", "value", "mod"))
@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression found in a text, in TimeML TIMEX3 terms.

    ``start``/``end`` are character offsets into the analysed text.
    ``interval`` places the expression on the timeline; it is None for
    durations, sets and references that name no point ("now", "recently").
    """

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION or SET
    value: str  # TIMEX3 value: 2023-06-20, 2023-06-20T06:38, 199X, P3D, PAST_REF ...
    mod: str | None = None  # TIMEX3 mod: APPROX, BEFORE, AFTER, ON_OR_BEFORE, START, MID, END ...
    interval: TimeValue | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class TimeRange:
    """Two expressions joined into one span: "between 2013 and 2016", "from 1981 to 1986"."""

    start: int
    end: int
    text: str
    first: Timex
    last: Timex
    interval: TimeValue


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Incident:
    """What the site is about, from site.yaml."""

    name: str
    place: str
    timezone: str  # IANA zone of the place
    summary: str | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class SiteConfig:
    """The site's settings, from site.yaml."""

    title: str
    incident: Incident
    language: str = "en"
    base_url: str | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Actor:
    """A person, organization, state, place or group that articles name."""

    id: str
    name: str
    kind: str  # person, organization, state, place, group
    aliases: tuple[str, ...] = ()
    description: str | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Source:
    """One article as loaded from content/articles/<slug>.md."""

    id: str  # the file's slug
    path: str  # the file, relative to the content folder, for messages
    title: str
    publisher: str | None  # None: the article names none
    published: datetime  # aware; midnight local time when only a date is given
    published_has_time: bool
    body: str  # Markdown, as written after the front matter
    body_line: int  # line number of the body's first line in the file
    author: str | None = None
    url: str | None = None
    timezone: str | None = None  # IANA zone for clock times given without a zone
    language: str = "en"
    notes: str | None = None
    inferred: tuple[str, ...] = ()  # front-matter fields inferred, not stated by the article


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class ClaimFix:
    """A curator's correction of a claim, found by words quoted from its article."""

    path: str  # the annotations file and line, for messages
    line: int
    source: str  # Source.id
    quote: str
    date: str | None = None  # EDTF: the claim's date
    suppress: bool = False  # the words are not a claim
    add: bool = False  # the words are a claim the machine missed
    claimant: str | None = None  # name or alias of who asserts it


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class EventFix:
    """A curator's correction of an event, found by words quoted from one of its claims."""

    path: str
    line: int
    source: str
    quote: str | None
    title: str | None = None
    split: bool = False  # the quoted claim leaves its event
    join: tuple[tuple[str, str], ...] = ()  # (Source.id, quote) of claims whose events are one


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Content:
    """Everything the loader read, validated."""

    site: SiteConfig
    actors: tuple[Actor, ...]
    sources: tuple[Source, ...]
    warnings: tuple[Problem, ...] = ()  # not fatal, shown to the writer
    claim_fixes: tuple[ClaimFix, ...] = ()
    event_fixes: tuple[EventFix, ...] = ()


@_pickled_by_fields(shared=("kind", "qualifier", "text"))
@dataclass(frozen=True, slots=True)
class Figure:
    """A count a claim gives: "at least one person had died" is killed >= 1."""

    kind: str  # killed, injured, arrested, deployed, seized, members ...
    value: int
    qualifier: str = "exact"  # exact, at_least, more_than, about, up_to, nearly, several
    text: str = ""  # the words that gave it
    start: int = 0  # offsets into the article body
    end: int = 0


@_pickled_by_fields(shared=("time_text", "claimant", "actors"))
@dataclass(frozen=True, slots=True)
class Claim:
    """A dated statement of one source: what is said to have happened, when, by whom."""

    id: str
    source: str  # Source.id
    start: int  # offsets of ``quote`` in the source body
    end: int
    quote: str
    time: TimeValue
    time_text: str  # the words that dated it, or "" when inherited from the date in focus
    claimant: str | None  # Actor.id of who asserts it; None: the publisher
    actors: tuple[str, ...] = ()  # Actor.ids mentioned
    figures: tuple[Figure, ...] = ()
    follows: str | None = None  # Claim.id of the same source's claim whose time and happening this one continues
    # The subject this clause shares with the one before it: "Torrential rain" for "continued into Wednesday"
    # in "Torrential rain began on Tuesday and continued into Wednesday".
    subject: str = ""


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class DisputedValue:
    """One side of a dispute: a value and the claims that give it."""

    value: str
    claims: tuple[str, ...]  # Claim.ids


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Dispute:
    """Sources disagree about one thing within an event."""

    about: str  # a figure kind, or "date"
    values: tuple[DisputedValue, ...]


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Event:
    """One happening on the timeline, backed by the claims of one or more sources."""

    id: str
    title: str
    time: TimeValue
    claims: tuple[Claim, ...]
    sources: tuple[str, ...]  # Source.ids
    actors: tuple[str, ...]  # Actor.ids
    disputes: tuple[Dispute, ...] = ()
    aliases: tuple[str, ...] = ()  # other ids the event had or may have had; their URLs lead here
    # Claims of two or more sources in the same words (one text copied, not separate confirmations): each group
    # of Claim.ids in the order the claims were read, so the earliest published comes first.
    same_words: tuple[tuple[str, ...], ...] = ()


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Timeline:
    """The merged result: what the renderer turns into pages."""

    site: SiteConfig
    sources: tuple[Source, ...]
    actors: tuple[Actor, ...]
    events: tuple[Event, ...]
    claims: tuple[Claim, ...] = field(default=())  # every claim, in source order
