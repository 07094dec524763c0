"""Tests of the temporal-expression engine."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mekraid_site.display import describe_time
from mekraid_site.model import Precision, Qualifier
from mekraid_site.timex import find_ranges, find_timexes, parse_dct, qualified, timex_json, unqualified

TIRANE = ZoneInfo("Europe/Tirane")
ROME = ZoneInfo("Europe/Rome")
LONDON = ZoneInfo("Europe/London")
UTC_ZONE = ZoneInfo("UTC")
UTC = timezone.utc
DCT_000 = parse_dct("2023-06-20", TIRANE)  # a Tuesday
DCT_001 = parse_dct("2023-06-21", TIRANE)  # a Wednesday
SEEDS = Path("/work/shared/seeds")

# TIMEX3 values as TimeBank writes them.
VALUE_RE = re.compile(
    r"^(?:PAST_REF|PRESENT_REF|FUTURE_REF"
    r"|(?:\d{2}|\d{3}|\d{3}X|\d{2}XX|\d{4}|XXXX)"
    r"(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:[1-7]|WE))?|-Q[1-4X]|-H[12]|-(?:SP|SU|FA|WI))?"
    r"(?:T(?:MO|AF|EV|NI|DT|\d{2}(?::\d{2}(?::\d{2})?)?))?"
    r"|P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|Q|E|C|L|WE))+(?:T(?:(?:\d+|X)[HMS])+)?(?:\d+M)?"
    r"|PT(?:(?:\d+(?:\.\d+)?|X)[HMS])+)$"
)


# EDTF (ISO 8601-2) as the engine writes it: a date or time, an interval of two, or one open at an end.
_EDTF_POINT = r"\d{2,4}X{0,2}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2}))?)?)?[~?%]?"
EDTF_RE = re.compile(rf"^(?:{_EDTF_POINT}|{_EDTF_POINT}/{_EDTF_POINT}|\.\./{_EDTF_POINT}|{_EDTF_POINT}/\.\.)$")


def find(text: str, dct: datetime = DCT_000, tz: ZoneInfo = TIRANE):
    return find_timexes(text, dct, tz)


def one(text: str, dct: datetime = DCT_000, tz: ZoneInfo = TIRANE):
    found = find(text, dct, tz)
    assert len(found) == 1, [t.text for t in found]
    return found[0]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


# --- the seeds' expectations -------------------------------------------------


def test_seed_0638_est():
    t = one("At approximately 0638 EST, reports began to emerge.")
    assert (t.type, t.value, t.mod, t.text) == ("TIME", "2023-06-20T06:38", "APPROX", "approximately 0638 EST")
    tv = t.interval
    assert tv.start == utc(2023, 6, 20, 11, 38) and tv.end == utc(2023, 6, 20, 11, 39)
    assert tv.precision is Precision.MINUTE and tv.qualifier is Qualifier.APPROXIMATE
    assert tv.zone == "EST" and tv.utc_offset == timedelta(hours=-5)
    assert tv.uncertain and "EDT" in tv.note and "June" in tv.note
    assert tv.edtf == "2023-06-20T06:38-05:00"


def test_seed_by_est():
    t = one("By 0651 EST, local media reported")
    assert t.text == "0651 EST" and t.interval.start == utc(2023, 6, 20, 11, 51)
    assert t.interval.qualifier is Qualifier.BY and t.mod == "ON_OR_BEFORE"
    t = one("officials claimed by 1200 EST, that two civilians died")
    assert t.interval.start == utc(2023, 6, 20, 17, 0) and t.interval.qualifier is Qualifier.BY


def test_seed_on_tuesday():
    t = one("On Tuesday, a deadly clash was reported", DCT_001)
    assert (t.text, t.type, t.value) == ("Tuesday", "DATE", "2023-06-20")
    assert t.interval.precision is Precision.DAY
    assert t.interval.start == utc(2023, 6, 19, 22) and t.interval.end == utc(2023, 6, 20, 22)


def test_seed_between_years():
    text = "Between 2013 and 2016, approximately 3,000 MEK members relocated to Albania."
    found = find(text, DCT_001)
    assert [(t.text, t.value) for t in found] == [("2013", "2013"), ("2016", "2016")]
    (r,) = find_ranges(text, found)
    assert r.text == "Between 2013 and 2016" and r.interval.edtf == "2013/2016"
    assert r.interval.start == utc(2012, 12, 31, 23) and r.interval.end == utc(2016, 12, 31, 23)
    assert r.interval.precision is Precision.YEAR


@pytest.mark.parametrize("name,dct", [("000_37a06c2dd5294ce9", DCT_000), ("001_667f1f9534f450de", DCT_001)])
def test_seed_years_and_non_years(name, dct):
    path = SEEDS / f"{name}.txt"
    if not path.exists():
        pytest.skip("seed articles not available")
    found = find(path.read_text(), dct)
    values = {t.value for t in found}
    expected = {"000_37a06c2dd5294ce9": {"1981", "1986", "2003", "2016"},
                "001_667f1f9534f450de": {"2013", "2016", "1965", "1979", "1997", "2012", "2014"}}[name]
    assert expected <= values
    texts = " ".join(t.text for t in found)
    for number in ("5,000", "3,000", "100", "sixty-seven"):
        assert number not in texts


@pytest.mark.parametrize("text", ["more than 5,000 personnel", "approximately 3,000 members", "13 countries",
                                  "over 100 people", "2000 people were hurt", "a sixty-seven year old man"])
def test_counts_are_not_years(text):
    assert [t for t in find(text) if t.type == "DATE"] == []


@pytest.mark.parametrize("text", ["For the mill, 2022 was a hard year.", "Output in 2022 is expected to fall.",
                                  "By then 2021 has been forgotten."])
def test_a_year_before_a_verb_is_a_year(text):
    assert [t.type for t in find(text)] == ["DATE"]


# --- absolute dates ------------------------------------------------------------


@pytest.mark.parametrize("text,value", [
    ("on June 20, 2023 the police", "2023-06-20"),
    ("on 20 June 2023 the police", "2023-06-20"),
    ("on June 20 the police", "2023-06-20"),
    ("on 20.06.2023 the police", "2023-06-20"),
    ("on 2023-06-20 the police", "2023-06-20"),
    ("on Sept. 30 the company", "2023-09-30"),
    ("in July 2022 the group", "2022-07"),
    ("in 1986 Paris expelled", "1986"),
    ("the 2014 agreement", "2014"),
    ("after the 1979 revolution", "1979"),
    ("in the 1990s", "199"),
    ("in the 2000s", "200"),
    ("in the 20th century", "19"),
    ("in the third quarter of 1998", "1998-Q3"),
])
def test_absolute_dates(text, value):
    assert one(text).value == value


def test_day_interval_in_zone():
    t = one("on 20 June 2023 the police")
    assert t.interval.start == utc(2023, 6, 19, 22) and t.interval.end == utc(2023, 6, 20, 22)
    assert t.interval.precision is Precision.DAY and t.interval.edtf == "2023-06-20"


@pytest.mark.parametrize("text,value,mod,qualifier", [
    ("by mid-June the talks", "2023-06", "MID", Qualifier.MID),
    ("in early 2013 the group", "2013", "START", Qualifier.EARLY),
    ("in late 2013 the group", "2013", "END", Qualifier.LATE),
    ("in the late 1970s", "197", "END", Qualifier.LATE),
])
def test_part_of_period(text, value, mod, qualifier):
    t = one(text)
    assert (t.value, t.mod, t.interval.qualifier) == (value, mod, qualifier)


def test_decade_interval():
    tv = one("the 1990s", tz=ZoneInfo("UTC")).interval
    assert (tv.start, tv.end, tv.precision, tv.edtf) == (utc(1990, 1, 1), utc(2000, 1, 1), Precision.DECADE, "199X")


# --- clock times ---------------------------------------------------------------


@pytest.mark.parametrize("text,value,start", [
    ("at 06:38 the police", "2023-06-20T06:38", utc(2023, 6, 20, 4, 38)),
    ("at 6.38 a.m. the police", "2023-06-20T06:38", utc(2023, 6, 20, 4, 38)),
    ("at noon the police", "2023-06-20T12:00", utc(2023, 6, 20, 10, 0)),
    ("at 3 p.m. GMT the police", "2023-06-20T15:00", utc(2023, 6, 20, 15, 0)),
    ("at 0900 CEST the police", "2023-06-20T09:00", utc(2023, 6, 20, 7, 0)),
])
def test_clock_times(text, value, start):
    t = one(text)
    assert (t.type, t.value, t.interval.start) == ("TIME", value, start)
    assert not t.interval.uncertain



@pytest.mark.parametrize("text,values", [
    ("At 11 o'clock the vote began.", [("11 o'clock", "2023-06-21T11:00")]),
    ("They met at five o'clock in the afternoon.", [("five o'clock in the afternoon", "2023-06-21T17:00")]),
    ("Police came at 3 in the morning on Monday.",
     [("3 in the morning", "2023-06-19T03:00"), ("Monday", "2023-06-19")]),
    ("By 2 in the afternoon it was over.", [("2 in the afternoon", "2023-06-21T14:00")]),
])
def test_clock_times_in_words(text, values):
    assert [(t.text, t.value) for t in find(text, DCT_001)] == values


def test_clock_local_time_approx():
    t = one("around 7 a.m. local time the raid began")
    assert t.text == "around 7 a.m. local time" and t.mod == "APPROX"
    assert t.interval.start == utc(2023, 6, 20, 5) and t.interval.precision is Precision.MINUTE


@pytest.mark.parametrize("text,values", [
    ("Officers arrived at 7 a.m. on Monday.", ["2023-06-19T07:00", "2023-06-19"]),
    ("She was detained at 6:55 a.m. last Monday.", ["2023-06-19T06:55", "2023-06-19"]),
    ("Police moved in at 0915 local time yesterday.", ["2023-06-20T09:15", "2023-06-20"]),
    ("The raid began at 0638 EST, on Tuesday.", ["2023-06-20T06:38", "2023-06-20"]),
    ("Talks resumed at 3 p.m. on June 2.", ["2023-06-02T15:00", "2023-06-02"]),
    ("He was held at 0915 GMT on Monday morning.", ["2023-06-19T09:15", "2023-06-19TMO"]),
    # The same time in another zone, in brackets, between the clock time and its day.
    ("It began at 6:30am local time (0430 GMT) on Monday.", ["2023-06-19T06:30", "2023-06-19T04:30", "2023-06-19"]),
    # A longer period: the clock time is on a day of it that the text does not name.
    ("Operations resumed at 1530 GMT three weeks ago.", ["XXXX-XX-XXT15:30", "2023-W22"]),
    ("Talks ended at 9 a.m. last month.", ["XXXX-XX-XXT09:00", "2023-05"]),
    # The day after a full stop is another sentence's: the clock keeps the date in focus.
    ("On Monday talks lasted until 9 p.m. On Tuesday they resumed.", ["2023-06-19", "2023-06-19T21:00",
                                                                     "2023-06-20"]),
])
def test_clock_time_on_the_day_named_after_it(text, values):
    assert [t.value for t in find(text, DCT_001)] == values


# --- relative expressions --------------------------------------------------------


@pytest.mark.parametrize("text,value", [
    ("Tuesday's operation", "2023-06-20"),
    ("yesterday the police", "2023-06-20"),
    ("last week the police", "2023-W24"),
    ("this week the police", "2023-W25"),
    ("in July last year", "2022-07"),
    ("a decade ago the group", "2013"),
    ("last year the group", "2022"),
    ("next month the group", "2023-07"),
])
def test_relative(text, value):
    assert one(text, DCT_001).value == value


def test_earlier_this_month():
    t = one("earlier this month the group", DCT_001)
    assert (t.value, t.mod, t.interval.qualifier) == ("2023-06", "START", Qualifier.EARLY)


def test_anchored_on_focus():
    found = find("The raid began on 12 March 2021. Two days later the camp was closed. "
                 "The following year they left.", DCT_001)
    assert [t.value for t in found] == ["2021-03-12", "2021-03-14", "2022"]


def test_refs():
    values = [t.value for t in find("Now the group is currently recovering; it recently moved and will soon return.")]
    assert values == ["PRESENT_REF", "PRESENT_REF", "PAST_REF", "FUTURE_REF"]
    assert all(t.interval is None for t in find("Now the group"))


def test_since_then_does_not_crash():
    find("Since then, MEK has maintained their camp.")


# --- parts of day, durations, sets, qualifiers ---------------------------------------


def test_parts_of_day():
    t = one("early on Tuesday morning the police came", DCT_001)
    assert (t.type, t.value, t.mod) == ("TIME", "2023-06-20TMO", "START")
    assert t.interval.precision is Precision.PART_OF_DAY
    assert one("by the afternoon the camp was calm").value == "2023-06-20TAF"
    assert one("overnight the camp was calm", DCT_001).value == "2023-06-20TNI"


@pytest.mark.parametrize("text,dct,value", [
    # Told in the morning, a past "the night" is the one that just ended; a coming one is tonight.
    ("Crews battled the blaze through the night.", "2023-06-21T07:30+02:00", "2023-06-20TNI"),
    ("Crews will work through the night.", "2023-06-21T07:30+02:00", "2023-06-21TNI"),
    ("Crews battled the blaze through the night.", "2023-06-21", "2023-06-20TNI"),  # a date alone: its night is ahead
    ("Crews battled the blaze through the night.", "2023-06-21T23:50+02:00", "2023-06-21TNI"),
    # With a day named before, it is that day's night; if that had not begun, the one before it.
    ("On Monday, crews battled the fire. They fought it through the night.", "2023-06-21T07:30+02:00",
     "2023-06-19TNI"),
    ("On Wednesday, crews battled the fire. They fought it through the night.", "2023-06-21T07:30+02:00",
     "2023-06-20TNI"),
    # The morning of a text written before it began is the day before's; with a date alone, the day's own.
    ("Police raided the camp in the morning.", "2023-06-21T04:00+02:00", "2023-06-20TMO"),
    ("Police raided the camp in the morning.", "2023-06-21", "2023-06-21TMO"),
])
def test_a_past_part_of_day_is_one_that_had_begun(text, dct, value):
    (*_, found) = find(text, parse_dct(dct, TIRANE))
    assert found.value == value


def test_overnight_is_the_night_before_the_day_in_focus_or_the_night_just_ended():
    dct = parse_dct("2023-06-21T09:10+02:00", TIRANE)
    assert find("The toll from Tuesday's quake rose overnight.", dct)[-1].value == "2023-06-20TNI"
    assert find("On June 15, markets fell after overnight losses in Asia.", dct)[-1].value == "2023-06-14TNI"


@pytest.mark.parametrize("text,value", [
    ("On June 15 at 4 p.m. the levee broke. Overnight, the river rose.", "2023-06-15TNI"),
    ("On the night of June 15 fires burned. Overnight they spread.", "2023-06-15TNI"),
    ("On June 15 at 6 a.m. police moved in. Overnight, protesters had built barricades.", "2023-06-14TNI"),
])
def test_overnight_after_a_time_late_in_the_day_is_the_night_that_follows(text, value):
    assert find(text, parse_dct("2023-06-21T09:10+02:00", TIRANE))[-1].value == value


@pytest.mark.parametrize("text,value", [
    ("The block collapsed at about 10.30pm on Monday. The first survivor was freed at around 2am.",
     "2023-06-20T02:00"),
    ("Rescuers worked through Monday night. The first survivor was freed at 3 a.m.", "2023-06-20T03:00"),
    # Not after an afternoon or noon: the story need not go on in order.
    ("Two were critical on Monday afternoon; the rest left by noon. A centre opened at 3 a.m.", "2023-06-19T03:00"),
])
def test_the_small_hours_after_a_time_in_the_night_are_the_next_day(text, value):
    assert find(text, parse_dct("2023-06-20T07:30+02:00", TIRANE))[-1].value == value


def test_a_clock_time_with_a_dot_after_at_is_a_time_and_a_price_is_not():
    dct = parse_dct("2025-10-26T10:15+01:00", TIRANE)
    assert [(t.text, t.value) for t in find("The train left Korvin at 22.47 on Saturday.", dct)] == [
        ("22.47", "2025-10-25T22:47"), ("Saturday", "2025-10-25")]
    assert one("It had been due in Vienna at 06.52.", dct).value == "2025-10-26T06:52"
    assert find("Shares closed at 17.30 on Friday.", dct)[0].text == "Friday"
    assert find("The index rose to 14.35 points.", dct) == []
    assert find("The pool is 12.50 metres long.", dct) == []


@pytest.mark.parametrize("text,value", [
    ("It was about 11 at night.", "2023-06-20T23:00"),
    ("The call came at 2 at night.", "2023-06-20T02:00"),
    ("It was eleven o'clock at night.", "2023-06-20T23:00"),
    ("He woke at four in the morning.", "2023-06-20T04:00"),
])
def test_an_hour_at_night_or_in_the_morning(text, value):
    assert one(text).value == value


def test_an_hour_word_in_the_evening_is_a_time_only_after_at_or_the_like():
    assert [t.text for t in find("One in the evening said no.")] == ["the evening"]


def test_a_day_and_month_in_numbers_without_a_year_when_only_one_order_is_a_date():
    dct = parse_dct("2025-10-27T19:30+01:00", TIRANE)
    assert [(t.text, t.value) for t in find("Services resume on 28/10 at 06:00.", dct)] == [
        ("28/10", "2025-10-28"), ("06:00", "2025-10-28T06:00")]
    assert one("From 10/27 trains run.", dct).value == "2025-10-27"
    assert find("Open 24/7, and on 5/6 too. He won 21/12 in the final.", dct) == []


def test_overnight_told_in_the_past_is_no_night_ahead():
    text = ("Clashes on Saturday night left five dead. He said they would be reviewed on Wednesday. "
            "Officials said five people had died overnight.")
    assert find(text, parse_dct("2023-11-19T15:10-03:00", TIRANE))[-1].value == "2023-11-18TNI"


def test_stay_closed_is_no_past_tense():
    dct = parse_dct("2024-07-16", TIRANE)
    assert one("Schools will stay closed until September.", dct).value == "2024-09"
    assert one("The road remains closed until September.", dct).value == "2024-09"
    assert one("The road remained closed until September.", dct).value == "2023-09"


def test_the_time_of_a_closing_attribution_is_not_the_story_s_focus():
    dct = parse_dct("2025-06-12T19:05-04:00", ZoneInfo("America/New_York"))
    found = find("Hackers broke in on June 3, county officials said Thursday. A week earlier, the FBI had warned "
                 "them. The following day, the FBI opened an inquiry.", dct, ZoneInfo("America/New_York"))
    assert [(t.text, t.value) for t in found] == [("June 3", "2025-06-03"), ("Thursday", "2025-06-12"),
                                                  ("A week earlier", "2025-W22"), ("The following day", "2025-06-04")]


def test_a_numeric_date_with_slashes_is_read_the_way_nearer_the_text():
    dct = parse_dct("2026-02-13", TIRANE)
    assert [(t.text, t.value) for t in find("As of 12/02/2026, 21:00 hours, the ministry reports.", dct)] == [
        ("12/02/2026", "2026-02-12"), ("21:00 hours", "2026-02-12T21:00")]  # day first: the day before, not December
    assert one("Police came on 6/20/2023.", dct).value == "2023-06-20"  # only one reading


@pytest.mark.parametrize(("zone", "text", "value"), [
    ("America/New_York", "It began on 3/4/2026.", "2026-03-04"),  # US news: month first
    ("Europe/Tirane", "It began on 3/4/2026.", "2026-04-03"),  # elsewhere: day first
    ("UTC", "It began on 3/4/2026.", "2026-03-04"),  # no place known: as US wires write it
    ("Australia/Sydney", "Rain fell on 3/2/2026 and 21/2/2026.", "2026-02-03"),
    ("America/New_York", "Rain fell on 3/2/2026.", "2026-02-03"),  # March 2 is after the text: read day first
    ("Asia/Kolkata", "The first call was made on 5-3-2026.", "2026-03-05"),  # hyphens too, with a four-digit year
])
def test_numeric_dates_are_read_as_the_place_writes_them_unless_only_the_other_way_is_past(zone, text, value):
    dct = parse_dct("2026-02-13", ZoneInfo(zone))
    assert find(text, dct, ZoneInfo(zone))[0].value == value


def test_the_next_morning_becomes_the_day_in_focus():
    dct = parse_dct("2024-11-30T10:00+00:00", UTC_ZONE)
    found = find("It began on the evening of Sunday 17th November. The next morning, the gunmen released 23 women. "
                 "That evening, negotiators arrived.", dct, UTC_ZONE)
    assert [(t.text, t.value) for t in found] == [
        ("the evening of Sunday 17th November", "2024-11-17TEV"),
        ("The next morning", "2024-11-18TMO"), ("That evening", "2024-11-18TEV")]  # not the 17th's evening again


def test_a_closing_reporting_verb_does_not_set_the_tense():
    # "said" ends the sentence: "will" decides that Friday is ahead.
    assert one("Residents will not be allowed to return before Friday, Hayes said.", DCT_001).value == "2023-06-23"
    assert one("The vote on Friday was close, officials said.", DCT_001).value == "2023-06-16"
    assert one("On Monday, police said the camp was empty.", DCT_001).value == "2023-06-19"



@pytest.mark.parametrize("text,values", [
    # A turn of day and night after a preposition, dated by the day named after it.
    ("Police raided the camp at dawn on Tuesday.", [("dawn", "2023-06-20TMO"), ("Tuesday", "2023-06-20")]),
    ("They withdrew before dusk on Monday.", [("dusk", "2023-06-19TEV"), ("Monday", "2023-06-19")]),
    ("By nightfall the camp was calm.", [("nightfall", "2023-06-21TEV")]),
    # A part of the day takes the date after "of", not the date in focus, and is one expression with it.
    ("On Monday talks began. On the morning of June 25, police arrived.",
     [("Monday", "2023-06-19"), ("the morning of June 25", "2023-06-25TMO")]),
    # Not times: a newspaper's name, a figure of speech.
    ("Pakistan's Dawn newspaper reported the raid.", []),
    ("It marked the dawn of a new era.", []),
])
def test_turns_of_day_and_parts_of_day_on_their_day(text, values):
    assert [(t.text, t.value) for t in find(text, DCT_001)] == values


@pytest.mark.parametrize("text,values", [
    ("The first ship reached them only at Monday dawn.", [("Monday dawn", "TIME", "2023-06-19TMO")]),
    ("They withdrew by Tuesday dusk.", [("Tuesday dusk", "TIME", "2023-06-20TEV")]),
    ("Monday morning was calm.", [("Monday morning", "TIME", "2023-06-19TMO")]),
])
def test_a_turn_of_day_after_its_weekday_is_one_time(text, values):
    assert [(t.text, t.type, t.value) for t in find(text, DCT_001)] == values



@pytest.mark.parametrize("text,values", [
    ("Police came on Monday. The next morning they left.", [("Monday", "2023-06-19"),
                                                             ("The next morning", "2023-06-20TMO")]),
    ("The talks ended on June 2; the previous night was tense.", [("June 2", "2023-06-02"),
                                                                   ("the previous night", "2023-06-01TNI")]),
])
def test_the_next_and_the_previous_part_of_day(text, values):
    assert [(t.text, t.value) for t in find(text, DCT_001)] == values



def test_a_clock_range_is_on_the_day_after_its_end():
    found = find("On June 2 talks began. From 8 p.m. to midnight on Saturday the area was closed.", DCT_001)
    assert [(t.text, t.value) for t in found] == [("June 2", "2023-06-02"), ("8 p.m.", "2023-06-17T20:00"),
                                                 ("midnight", "2023-06-17T24:00"), ("Saturday", "2023-06-17")]



@pytest.mark.parametrize("text,values", [
    ("Between 5 and 6 a.m. police gathered.", [("5", "2023-06-21T05:00"), ("6 a.m.", "2023-06-21T06:00")]),
    ("From 5 to 7 p.m. they stayed.", [("5", "2023-06-21T17:00"), ("7 p.m.", "2023-06-21T19:00")]),
    ("Between 11 and 1 p.m. on Monday.", [("11", "2023-06-19T11:00"), ("1 p.m.", "2023-06-19T13:00"),
                                          ("Monday", "2023-06-19")]),
    ("He scored 5 to 7 p.m. fans.", [("7 p.m.", "2023-06-21T19:00")]),
])
def test_a_bare_hour_opening_a_range_of_clock_times(text, values):
    found = find(text, DCT_001)
    assert [(t.text, t.value) for t in found] == values
    assert len(find_ranges(text, found)) == (1 if len(values) > 1 else 0)


def test_a_clock_range_across_midnight_ends_the_next_day():
    text = "The curfew ran from 10pm until 6am; talks from 9 a.m. to 5 p.m."
    found = find(text, DCT_001)
    assert [t.value for t in found] == ["2023-06-21T22:00", "2023-06-22T06:00", "2023-06-21T09:00", "2023-06-21T17:00"]
    assert [r.text for r in find_ranges(text, found)] == ["from 10pm until 6am", "from 9 a.m. to 5 p.m."]


@pytest.mark.parametrize("text,value", [("The deadline is 31.12.2023.", "2023-12-31"),
                                        ("Born on 4/7/1985.", "1985-04-07"),
                                        ("The form says 20-Jun-2023.", "2023-06-20"),
                                        ("Filed on 2023/06/20.", "2023-06-20"), ("Filed on 6/20/23.", "2023-06-20"),
                                        ("On 9/11/01 it happened.", "2001-09-11")])
def test_a_numeric_date_at_the_end_of_a_sentence(text, value):
    (found,) = find(text, parse_dct("2023-06-21", UTC_ZONE), UTC_ZONE)  # a place unknown: month first, as US news
    assert found.value == value



@pytest.mark.parametrize("text,values", [
    ("Police came on Friday. The day before, calm had returned.",
     [("Friday", "2023-06-16"), ("The day before", "2023-06-15")]),
    ("Talks began on June 2; the night before, shots were heard.",
     [("June 2", "2023-06-02"), ("the night before", "2023-06-01TNI")]),
    # Before a noun phrase it is about that ("the day before the raid"): only the day in focus.
    ("Police came on Friday, the day before the raid.", [("Friday", "2023-06-16"), ("the day", "2023-06-16")]),
    # No day in focus: "the next day" steps from the publication date, not from 1 January.
    ("In the summer, numbers fell; by dawn the next day, most had gone.",
     [("the summer", "2023-SU"), ("dawn", "2023-06-22TMO"), ("the next day", "2023-06-22")]),
])
def test_a_step_from_the_time_in_focus(text, values):
    assert [(t.text, t.value) for t in find(text, DCT_001)] == values


@pytest.mark.parametrize("text,values", [
    ("The day before yesterday, shots were heard.", [("The day before yesterday", "2023-06-19")]),
    ("The vote is the day after tomorrow.", [("the day after tomorrow", "2023-06-23")]),
    ("The night before last was calm.", [("The night before last", "2023-06-19TNI")]),
    ("Talks failed the week before last.", [("the week before last", "2023-W23")]),
    ("Prices rose the month before last and the year before last.",
     [("the month before last", "2023-04"), ("the year before last", "2021")]),
])
def test_two_steps_from_the_publication_date(text, values):
    assert [(t.text, t.value) for t in find(text, DCT_001)] == values


@pytest.mark.parametrize("text,values", [
    ("Police came on Friday. That same day, the court ruled.",
     [("Friday", "2023-06-16"), ("That same day", "2023-06-16")]),
    ("In 2019 the group moved. That very year, it split.", [("2019", "2019"), ("That very year", "2019")]),
    ("In 2019 the group moved. That same week, it split.", [("2019", "2019")]),  # no week in focus
    ("Police came on Monday. Later in the week, the court ruled.",
     [("Monday", "2023-06-19"), ("Later in the week", "2023-W25")]),
    ("Police came on Monday. By the end of the week, the court had ruled.",
     [("Monday", "2023-06-19"), ("the end of the week", "2023-W25")]),
])
def test_the_same_time_as_the_one_in_focus(text, values):
    assert [(t.text, t.value) for t in find(text, DCT_001)] == values


@pytest.mark.parametrize("text,span,type_,value,edtf", [
    # Not counted: before or after the day in focus, on the timeline.
    ("Police came on Monday. Days earlier, crowds had gathered.", "Days earlier", "DATE", "PAST_REF",
     "../2023-06-19"),
    ("Police came on Monday. A few days earlier, crowds had gathered.", "A few days earlier", "DATE", "PAST_REF",
     "../2023-06-19"),
    ("Police came on Monday. Weeks later, the court ruled.", "Weeks later", "DATE", "FUTURE_REF", "2023-06-19/.."),
    ("Police came on Monday. In the days that followed, dozens were held.", "the days that followed", "DATE",
     "FUTURE_REF", "2023-06-19/.."),
    ("Police came on Monday. In the following weeks, dozens were held.", "the following weeks", "DATE",
     "FUTURE_REF", "2023-06-19/.."),
    ("The group moved in 1990. Years later, it split.", "Years later", "DATE", "FUTURE_REF", "1990/.."),
    ("It rained months ago.", "months ago", "DATE", "PAST_REF", "../2023-06"),
    # Hours and minutes: a stretch of the same day, as "two hours later" is.
    ("Police came on Monday. Hours later, the square was empty.", "Hours later", "DURATION", "PTXH", None),
    ("Minutes later the roof fell.", "Minutes later", "DURATION", "PTXM", None),
])
def test_units_not_counted_from_the_time_in_focus(text, span, type_, value, edtf):
    (found,) = [t for t in find(text, DCT_001) if t.text == span]
    assert (found.type, found.value) == (type_, value)
    assert (found.interval.edtf if found.interval else None) == edtf


@pytest.mark.parametrize("text", ["The days earlier in the month were calm.", "Those years ago are gone.",
                                  "In the following paragraphs, we explain."])
def test_units_not_counted_need_a_time_reading(text):
    assert [t.value for t in find(text, DCT_001) if t.value in ("PAST_REF", "FUTURE_REF")] == []


@pytest.mark.parametrize("text,values", [
    ("A year ago today, the dam burst.", [("A year ago today", "2022-06-21")]),
    ("Two years ago yesterday it fell.", [("Two years ago yesterday", "2021-06-20")]),
    ("Police came on Monday. A week on, ten are missing.", [("Monday", "2023-06-19"), ("A week on", "2023-W26")]),
    ("Police came on Monday. Ten days on from the raid, ten are missing.",
     [("Monday", "2023-06-19"), ("Ten days on", "2023-06-29")]),
    ("A week on Monday, the vote is held.", [("A week", "P1W"), ("Monday", "2023-06-19")]),  # Monday week: no step
])
def test_steps_to_a_day_written_with_ago_today_and_on(text, values):
    assert [(t.text, t.value) for t in find(text, DCT_001)] == values


@pytest.mark.parametrize("text,dct,values", [
    ("Police left an hour ago.", "2025-10-27T14:05", [("an hour ago", "TIME", "2025-10-27T13:05")]),
    ("Police left about two hours ago.", "2025-10-27T01:05", [("about two hours ago", "TIME", "2025-10-26T23:05")]),
    ("It began 30 minutes ago.", "2025-10-27T14:05", [("30 minutes ago", "TIME", "2025-10-27T13:35")]),
    # In a live page's entry: from the entry's time, not the page's
    ("17:05\n\nThe ministry said an hour ago that one died.", "2025-10-27T21:40",
     [("17:05", "TIME", "2025-10-27T17:05"), ("an hour ago", "TIME", "2025-10-27T16:05")]),
    # A DCT with no time of day: no time to count back from
    ("Police left two hours ago.", "2025-10-27", [("two hours ago", "DURATION", "PT2H")]),
    ("Police left three days ago.", "2025-10-27T14:05", [("three days ago", "DATE", "2025-10-24")]),
])
def test_hours_and_minutes_ago_are_a_time_before_writing(text, dct, values):
    found = find(text, parse_dct(dct, UTC_ZONE), UTC_ZONE)
    assert [(t.text, t.type, t.value) for t in found] == values


@pytest.mark.parametrize("text,values", [
    ("As recently as 2019, the camp was open.", [("2019", "2019", None)]),  # not also "recently"
    ("As recently as May, the camp was open.", [("May", "2023-05", None)]),
    ("Before March, the camp was open; officials May say so.", [("March", "2023-03", "BEFORE")]),
    ("The deal expires end-June.", [("end-June", "2023-06", "END")]),
    ("Talks began start-2022.", [("start-2022", "2022", "START")]),
])
def test_month_and_year_with_what_news_writes_before_them(text, values):
    assert [(t.text, t.value, t.mod) for t in find(text, DCT_001)] == values


@pytest.mark.parametrize("text,values", [
    ("In 2019, a 35-day shutdown ended on Jan. 25.", [("2019", "2019"), ("35-day", "P35D"), ("Jan. 25", "2019-01-25")]),
    ("In early 2013, talks stalled in May.", [("early 2013", "2013"), ("May", "2013-05")]),
    ("During 2016, on Tuesday, Nov. 8, voters chose.", [("2016", "2016"), ("Tuesday, Nov. 8", "2016-11-08")]),
    # A year elsewhere in the sentence is often about something else; the next sentence is not framed by it.
    ("Under a program approved in 1987, shares were bought through Sept. 29.",
     [("1987", "1987"), ("Sept. 29", "2022-09-29")]),
    ("In 1990, the group moved. It left on June 3.", [("1990", "1990"), ("June 3", "2023-06-03")]),
])
def test_a_sentence_that_opens_with_a_year_dates_its_days_in_that_year(text, values):
    assert [(t.text, t.value) for t in find(text, DCT_001)] == values


@pytest.mark.parametrize("text,values", [
    ("Before the end of the decade, the group plans to leave.", [("the end of the decade", "202", "END")]),
    ("By the middle of the century, seas will rise.", [("the middle of the century", "20", "MID")]),
    ("The decade of war ended.", []),  # a period of something, not this decade
])
def test_the_end_of_the_decade_is_the_publication_dates(text, values):
    assert [(t.text, t.value, t.mod) for t in find(text, DCT_001)] == values


@pytest.mark.parametrize("text,value", [
    ("He has been held since his arrest on 3 March last year.", "2022-03-03"),
    ("The term ends on March 3 next year.", "2024-03-03"),
    ("It opened on the 3rd of March this year.", "2023-03-03"),
])
def test_a_day_of_a_month_of_last_or_next_year(text, value):
    (found,) = find(text, DCT_001)
    assert (found.value, found.text.endswith("year")) == (value, True)


@pytest.mark.parametrize("text,value", [
    ("They met around 10:30 on Monday night.", "2023-06-19T22:30"),
    ("They met at 3:15 on Tuesday afternoon.", "2023-06-20T15:15"),
    ("They met at 10:30 on Tuesday morning.", "2023-06-20T10:30"),
    ("They met at 20:30 on Monday night.", "2023-06-19T20:30"),
    ("They met at 07:30 on Monday evening.", "2023-06-19T07:30"),  # a zero-padded hour is a 24-hour clock
    ("Shots rang out at 2am on Saturday night.", "2023-06-18T02:00"),  # after midnight: Sunday
    ("They met at 2:00 on Monday night.", "2023-06-20T02:00"),
    ("It ended at midnight on Monday night.", "2023-06-19T24:00"),
])
def test_a_clock_time_without_am_pm_follows_its_part_of_the_day(text, value):
    assert find(text, DCT_001)[0].value == value


@pytest.mark.parametrize("text,values", [
    ("Inspections happen every two weeks.", [("every two weeks", "SET", "P2W")]),
    ("Every other day it rains.", [("Every other day", "SET", "P2D")]),
    ("The deadline passed a fortnight ago.", [("a fortnight ago", "DATE", "2023-W23")]),  # two weeks, not one
    ("It took a fortnight.", [("a fortnight", "DURATION", "P2W")]),
    ("The trial resumes in two weeks' time.", [("two weeks' time", "DATE", "2023-W27")]),
    ("In a month's time, talks resume.", [("a month's time", "DATE", "2023-07")]),
])
def test_sets_fortnights_and_time_from_now(text, values):
    assert [(t.text, t.type, t.value) for t in find(text, DCT_001)] == values


@pytest.mark.parametrize("text,value,start", [
    ("The launch is at 14:30 GMT+2.", "2023-06-21T14:30", utc(2023, 6, 21, 12, 30)),
    ("The quake struck at 03:12 UTC+3.", "2023-06-21T03:12", utc(2023, 6, 21, 0, 12)),
    ("It ended at 10:00 UTC+5:30.", "2023-06-21T10:00", utc(2023, 6, 21, 4, 30)),
    ("It began at 9am GMT-5.", "2023-06-21T09:00", utc(2023, 6, 21, 14, 0)),
    ("The meeting starts at 14h30.", "2023-06-21T14:30", utc(2023, 6, 21, 12, 30)),  # Tirane, summer: UTC+2
])
def test_offsets_after_gmt_and_the_european_hour_mark(text, value, start):
    (found,) = find(text, DCT_001)
    assert (found.value, found.interval.start) == (value, start)


@pytest.mark.parametrize("text,values", [
    ("The raid began at 05.45 GMT.", [("05.45 GMT", "2023-06-21T05:45", utc(2023, 6, 21, 5, 45))]),
    ("Troops moved in at 17.30 local time.", [("17.30 local time", "2023-06-21T17:30", utc(2023, 6, 21, 15, 30))]),
    ("The curfew starts at 22.00 hrs.", [("22.00 hrs", "2023-06-21T22:00", utc(2023, 6, 21, 20, 0))]),
    # Without a zone, a number with a dot is a price or a count, not a time.
    ("Shares closed at 17.30 on Monday.", [("Monday", "2023-06-19", utc(2023, 6, 18, 22, 0))]),
])
def test_a_clock_time_with_a_dot_needs_its_zone(text, values):
    assert [(t.text, t.value, t.interval.start) for t in find(text, DCT_001)] == values


@pytest.mark.parametrize("text,values", [
    ("Defences were reinforced over the summer. Power returns by the end of the day.",
     [("the summer", "2023-SU", None), ("the end of the day", "2023-06-21", "END")]),
    ("In 2019 the day was hot.", [("2019", "2019", None)]),  # no day in focus and no part of one: not a time
])
def test_part_of_the_day_without_a_day_in_focus_is_the_publication_day(text, values):
    assert [(t.text, t.value, t.mod) for t in find(text, DCT_001)] == values


@pytest.mark.parametrize("text", ["He finished in 4h45.", "Route 9h12 is closed.", "At 10:00 GMT 2 people died."])
def test_hour_marks_and_offsets_only_as_clock_times(text):
    assert [t.text for t in find(text, DCT_001) if "h" in t.text or "+" in t.text] == []


@pytest.mark.parametrize("text,value", [
    ("It took 2.5 hours.", "PT2.5H"), ("He ran it in 9.58 seconds.", "PT9.58S"), ("He served 1.5 years.", "P1.5Y"),
    ("It took 2.0 hours.", "PT2H"), ("It took 1.5 fortnights.", "P3W"),
])
def test_a_decimal_count_of_units_keeps_its_fraction(text, value):
    assert one(text, DCT_001).value == value


@pytest.mark.parametrize("text,values", [
    ("Late in 1999, the talks collapsed.", [("Late in 1999", "1999", "END")]),
    ("Early in March 2020, cases rose.", [("Early in March 2020", "2020-03", "START")]),
    ("In the spring of last year, protests began.", [("the spring of last year", "2022-SP", None)]),
])
def test_early_in_a_year_and_a_season_of_last_year(text, values):
    assert [(t.text, t.value, t.mod) for t in find(text, DCT_001)] == values


@pytest.mark.parametrize("text,values", [
    ("The post-2008 crisis lingered.", [("2008", "AFTER", "2008/..")]),
    ("Prices returned to pre-2020 levels.", [("2020", "BEFORE", "../2020")]),
    ("The Boeing-1990 model flew.", []),
])
def test_pre_and_post_before_a_year(text, values):
    assert [(t.text, t.mod, t.interval.edtf) for t in find(text, DCT_001)] == values


@pytest.mark.parametrize("text,values", [
    ("He lives at 1600 Pennsylvania Avenue.", []),  # a house number
    ("In 1990 Smith Street was built.", [("1990", "1990")]),
])
def test_a_number_before_a_street_name_is_no_year(text, values):
    assert [(t.text, t.value) for t in find(text, DCT_001)] == values


@pytest.mark.parametrize("text,values", [
    ("The drug is taken twice daily.", [("daily", "P1D")]),  # as "every day" is
    ("The council meets weekly and reports monthly.", [("weekly", "P1W"), ("monthly", "P1M")]),
    ("This page is updated daily while the search goes on.", [("daily", "P1D")]),
    ("The board reports quarterly, as the law asks.", [("quarterly", "P3M")]),
    ("The fund pays out on a quarterly basis.", [("quarterly", "P3M")]),
    ("The festival is held annually.", [("annually", "XXXX")]),
    ("Every Sunday morning, the market opens.", [("Every Sunday morning", "XXXX-WXX-7TMO")]),
    ("Every Christmas, the family gathers.", [("Every Christmas", "XXXX-12-25")]),
    ("They come home each Thanksgiving.", [("each Thanksgiving", "P1Y")]),  # a holiday that moves: once a year
    ("Guards patrolled every single night.", [("every single night", "XXXX-XX-XXTNI")]),
    ("Each morning, the crews return.", [("Each morning", "XXXX-XX-XXTMO")]),
    ("The race is held every year.", [("every year", "P1Y")]),
    # A time of the day after a set of days or parts of days is one set with it.
    ("Briefings are held every evening at 5pm.", [("every evening at 5pm", "XXXX-XX-XXT17:00")]),
    ("Briefings are held every evening at 7:30.", [("every evening at 7:30", "XXXX-XX-XXT19:30")]),
    ("The market opens every Sunday at 10 a.m.", [("every Sunday at 10 a.m.", "XXXX-WXX-7T10:00")]),
    # Adjectives and rates are no sets of times.
    ("A weekly magazine and daily life.", []),
    ("It files quarterly and annual reports.", []),
    ("Sales rise 8.5% annually; the plant makes 10,000 units annually.", []),
])
def test_adverbs_of_frequency_are_sets(text, values):
    found = find(text, DCT_001)
    assert [(t.text, t.value) for t in found] == values and all(t.type == "SET" for t in found)


@pytest.mark.parametrize("text,values", [
    ("The blast came at 0900 local (0600 GMT).", [("0900 local", "2023-06-21T09:00"),
                                                  ("0600 GMT", "2023-06-21T06:00")]),
    ("Some 1200 local residents fled.", []),
])
def test_local_alone_after_a_clock_time(text, values):
    assert [(t.text, t.value) for t in find(text, DCT_001)] == values


def test_the_same_time_in_another_zone_on_the_next_day_is_on_that_day():
    dct = parse_dct("2023-11-18T23:45", UTC_ZONE)  # a Saturday
    local, gmt = find("Protesters rallied on Saturday. The clash erupted around 10:00 pm (0100 GMT Sunday).",
                      dct, UTC_ZONE)[1:]
    assert [(t.text, t.type, t.value) for t in (local, gmt)] == [
        ("around 10:00 pm", "TIME", "2023-11-18T22:00"), ("0100 GMT Sunday", "TIME", "2023-11-19T01:00")]
    assert local.interval.start == gmt.interval.start == utc(2023, 11, 19, 1, 0)  # the local time's offset: -3 h


@pytest.mark.parametrize("text,values", [
    ("Gunmen attacked in the early hours of Wednesday.", [("the early hours of Wednesday", "2023-06-21TMO")]),
    ("Gunmen attacked in the early hours of last Sunday.", [("the early hours of last Sunday", "2023-06-18TMO")]),
    ("The fire broke out in the small hours of June 3.", [("the small hours of June 3", "2023-06-03TMO")]),
    ("Police came on Monday. In the early hours, shots were heard.", [("Monday", "2023-06-19"),
                                                                      ("the early hours", "2023-06-19TMO")]),
    ("It burned until the wee hours of the morning.", [("the wee hours of the morning", "2023-06-21TMO")]),
    ("In the early hours of the campaign, the party stumbled.", []),  # a stage of something, not a time of day
])
def test_the_early_hours_open_the_morning_of_their_day(text, values):
    found = find(text, DCT_001)
    assert [(t.text, t.value) for t in found] == values
    assert all(t.mod == "START" for t in found if t.value.endswith("TMO"))


def test_the_early_hours_come_before_dawn_not_through_the_morning():
    hours = find("Gunmen attacked in the early hours of Wednesday.", DCT_001)[0].interval
    morning = find("Gunmen attacked early on Wednesday morning.", DCT_001)[0].interval
    assert (hours.start.astimezone(TIRANE).hour, hours.end.astimezone(TIRANE).hour) == (0, 5)
    assert morning.start.astimezone(TIRANE).hour == 5  # "early morning" is the morning's own start
    assert describe_time(hours, TIRANE) == "21 June 2023, early hours"
    assert describe_time(morning, TIRANE) == "21 June 2023, early morning"


@pytest.mark.parametrize("text,values", [
    ("The talks began on Mon. and ended on Tues.", [("Mon.", "2023-06-19"), ("Tues.", "2023-06-20")]),
    ("The vote is set for Sat., Nov. 4.", [("Sat., Nov. 4", "2023-11-04")]),  # the year whose Nov. 4 is a Saturday
    ("He reads the Sun. Sat. Mon. Mothma spoke. She wed.", []),
])
def test_abbreviated_weekdays(text, values):
    assert [(t.text, t.value) for t in find(text, DCT_001)] == values


def test_the_week_with_only_a_year_in_focus_is_the_dcts():
    found = find("The group was founded in 1980. By the end of the week, talks continue.", DCT_001)
    assert [(t.text, t.value) for t in found] == [("1980", "1980"), ("the end of the week", "2023-WXX")]


def test_a_time_alone_on_its_line_is_a_live_page_entry_of_the_publication_day():
    dct = parse_dct("2024-08-25T18:45+01:00", LONDON)
    text = ("A warning is in force until 06:00 on Monday.\n\n17:10\nA third death was confirmed at 15:50.\n\n"
            "23:30\nThe river rose overnight.")
    assert [(t.text, t.value) for t in find(text, dct, LONDON)] == [
        ("06:00", "2024-08-26T06:00"), ("Monday", "2024-08-26"),
        ("17:10", "2024-08-25T17:10"), ("15:50", "2024-08-25T15:50"),
        ("23:30", "2024-08-24T23:30"),  # later than the page's time: the day before's entry
        ("overnight", "2024-08-24TNI")]


@pytest.mark.parametrize("text,value", [
    ("It had been due to end at 18:00 but now runs until Monday.", "2024-08-26"),
    ("The curfew remains in place until Friday.", "2024-08-30"),
    ("The curfew remained in place until Friday.", "2024-08-23"),
])
def test_a_state_that_holds_until_a_day_looks_ahead(text, value):
    assert find(text, parse_dct("2024-08-25T18:45+01:00", LONDON))[-1].value == value


@pytest.mark.parametrize("text,period,value", [
    ("Profit for the year ended 31 December 2022 fell.", "the year", "2022"),
    ("Sales for the six months ended 30 June 2023 rose.", "the six months", "2023-H1"),
    ("Shares rose in the week ended Friday.", "the week", "2023-W24"),
    ("Hearings are set for the week beginning 2 October.", "the week", "2023-W40"),
    ("Net income in the quarter ended Sept. 30 fell.", "the quarter", "2022-Q3"),
])
def test_a_period_told_by_the_day_it_ends_or_begins(text, period, value):
    first, day = find(text, DCT_001)
    assert (first.text, first.type, first.value) == (period, "DATE", value)
    assert day.type == "DATE"  # the day stays an expression of its own, as TimeBank marks it


def test_a_year_that_ends_on_another_day_is_no_calendar_year():
    assert [t.type for t in find("Sales for the year ended June 30, 2023 rose.", DCT_001)] == ["DURATION", "DATE"]


def test_a_citations_date_does_not_move_the_story():
    text = ("Soldiers fired on 13 November, said a farmer (interview, 20 November 2023). "
            "Three bodies came that evening. One died the following day.")
    assert [t.value for t in find(text, parse_dct("2023-12-04T09:00", TIRANE))] == [
        "2023-11-13", "2023-11-20", "2023-11-13TEV", "2023-11-14"]


def test_the_month_reaches_back_only_within_its_paragraph():
    found = find("It was fined in March 2022.\n\nPlants must finish checks by the end of the month.", DCT_001)
    assert [t.value for t in found] == ["2022-03", "2023-06"]
    found = find("It was fined in March 2022. By the end of the month, it had paid.", DCT_001)
    assert [t.value for t in found] == ["2022-03", "2022-03"]


@pytest.mark.parametrize("text,value", [
    ("The court will rule on the 30th.", "2023-06-30"),
    ("The board met on the 10th, it said.", "2023-06-10"),
    ("The board will meet on the 10th.", "2023-07-10"),
    ("Rent is due by the 5th of next month.", "2023-07-05"),
])
def test_a_day_of_the_month_alone(text, value):
    assert one(text, DCT_001).value == value


@pytest.mark.parametrize("text", ["They live on the 5th floor.", "He finished the 3rd.", "It is the 2nd time."])
def test_ordinals_that_are_no_days(text):
    assert find(text, DCT_001) == []


@pytest.mark.parametrize("text,values,ranges", [
    ("Talks ran on June 19-20.", [("June 19", "2023-06-19"), ("20", "2023-06-20")],
     [("June 19-20", "2023-06-19/2023-06-20")]),
    ("The summit of June 19-20, 2019 ended.", [("June 19", "2019-06-19"), ("20, 2019", "2019-06-20")],
     [("June 19-20, 2019", "2019-06-19/2019-06-20")]),
    ("Protests were held on 3–4 July.", [("3", "2023-07-03"), ("4 July", "2023-07-04")],
     [("3–4 July", "2023-07-03/2023-07-04")]),
    ("Talks ran from June 19 to 21.", [("June 19", "2023-06-19"), ("21", "2023-06-21")],
     [("from June 19 to 21", "2023-06-19/2023-06-21")]),
    ("Between 1 and 3 March, talks stalled.", [("1", "2023-03-01"), ("3 March", "2023-03-03")],
     [("Between 1 and 3 March", "2023-03-01/2023-03-03")]),
    # Years written short.
    ("From 2013-16 the group lived in Iraq.", [("2013", "2013"), ("16", "2016")], [("From 2013-16", "2013/2016")]),
    ("In the 1999-01 period, Article 12-14 applied.", [("1999", "1999"), ("01", "2001")], [("1999-01", "1999/2001")]),
    # A count after "and" is no day.
    ("On June 19 and 20 people were hurt.", [("June 19", "2023-06-19")], []),
    ("He came on 12 and 3 March left.", [("3 March", "2023-03-03")], []),
])
def test_a_bare_day_beside_a_date_is_a_day_of_its_month(text, values, ranges):
    found = find(text, DCT_001)
    assert [(t.text, t.value) for t in found] == values
    assert [(r.text, r.interval.edtf) for r in find_ranges(text, found)] == ranges



@pytest.mark.parametrize("dct", [DCT_001, parse_dct("2024-02-29", TIRANE), parse_dct("0002-01-01", TIRANE)])
@pytest.mark.parametrize("text", ["From 11 p.m. to 1 a.m. on December 31, 9999 it ran.", "On June 19-20, 0000.",
                                  "On February 28-29, 2019 it rained.", "The day before, on January 1, 0001.",
                                  "Good Friday 0001 and Christmas 9999.", "Sales in Q4 00 fell, as in '67."])
def test_the_ends_of_the_calendar_and_leap_days_do_not_raise(text, dct):
    for found in find(text, dct):
        assert found.interval is None or found.interval.start < found.interval.end


@pytest.mark.parametrize("text,value", [
    ("Results for Q3 2023 are due.", "2023-Q3"),
    ("Its Q1'24 results are due.", "2024-Q1"),
    ("Sales fell in Q2, it said.", "2023-Q2"),
    ("The H1 2024 forecast is flat.", "2024-H1"),
    ("FY2022 profit rose.", "2022"),
    ("Sales fell in the second quarter of last year.", "2022-Q2"),
    ("Sales fell in the first half of last year.", "2022-H1"),
    ("Sales fell in the first half of the year.", "2023-H1"),
])
def test_quarters_halves_and_fiscal_years_in_business_shorthand(text, value):
    assert one(text, DCT_001).value == value



@pytest.mark.parametrize("text,value", [
    ("Protests resumed on Christmas Day.", "2022-12-25"),
    ("Police raided the camp on Christmas Eve 2019.", "2019-12-24"),
    ("Talks will resume after New Year's Day.", "2024-01-01"),
    ("The church was packed on Easter Monday.", "2023-04-10"),
    ("It was calm over Easter.", "2023-04-09"),
])
def test_holidays(text, value):
    assert one(text, DCT_001).value == value


@pytest.mark.parametrize("text,span,value", [
    ("The tornado struck on Memorial Day.", "Memorial Day", "2023-05-29"),  # the last Monday of May
    ("Shops were shut on Thanksgiving.", "Thanksgiving", "2022-11-24"),  # the fourth Thursday of November
    ("Crowds came over the Memorial Day weekend.", "the Memorial Day weekend", "2023-W21-WE"),  # ends on it
    ("Traffic was heavy on the Thanksgiving weekend.", "the Thanksgiving weekend", "2022-W47-WE"),  # after it
    ("Offices close ahead of the Fourth of July holiday.", "the Fourth of July holiday", "2023-07-04"),
    ("It rained on Labor Day 2019.", "Labor Day 2019", "2019-09-02"),
    ("The parade on Anzac Day was cancelled.", "Anzac Day", "2023-04-25"),
    ("They marched on Martin Luther King Jr. Day.", "Martin Luther King Jr. Day", "2023-01-16"),
])
def test_holidays_on_a_weekday_of_their_month_and_their_weekends(text, span, value):
    t = one(text, DCT_001)
    assert (t.text, t.value) == (span, value)


def test_the_before_a_holiday_alone_is_not_part_of_it():
    assert [t.text for t in find("The Christmas party was fun.", DCT_001)] == ["Christmas"]


def test_a_holiday_needs_its_capital():
    assert find("They sang christmas songs.", DCT_001) == []



@pytest.mark.parametrize("text,value", [("Since the '67 war the border was shut.", "1967"),
                                        ("He left in '98 for Paris.", "1998"), ("The class of '19 met.", "2019")])
def test_a_year_in_two_digits_after_an_apostrophe(text, value):
    assert one(text, DCT_001).value == value



def test_the_end_of_a_range_of_years_before_a_plural_is_a_year():
    found = find("In 2021–2022 arrests rose.", DCT_001)
    assert [(t.text, t.value) for t in found] == [("2021", "2021"), ("2022", "2022")]


@pytest.mark.parametrize("text", ["See page 2011 of the report.", "He said '98 percent' twice.",
                                  "Flight 2019 landed.", "Some 1500-2000 people marched."])
def test_numbers_that_name_something_are_no_years(text):
    assert find(text, DCT_001) == []


@pytest.mark.parametrize("text", ["A second statement followed.", "He was charged a second time.",
                                  "Question Q3 asks about pay.", "Version 1.2.2023.5 is out."])
def test_ordinals_and_labels_are_not_times(text):
    assert find(text, DCT_001) == []



@pytest.mark.parametrize("text,value", [("Half an hour later, police left.", "PT30M"),
                                        ("The talks lasted half a day.", "PT12H"),
                                        ("Prices rose for half a year.", "P6M")])
def test_half_of_one_unit(text, value):
    assert one(text, DCT_001).value == value


def test_half_of_one_unit_keeps_its_modifier():
    t = one("It lasted about half an hour.")
    assert (t.text, t.value, t.mod) == ("about half an hour", "PT30M", "APPROX")


@pytest.mark.parametrize("text,value,mod", [
    ("for three days", "P3D", None),
    ("more than 3,000 days", "P3000D", "MORE_THAN"),
    ("the past three months", "P3M", None),
    ("several years", "PXY", None),
    ("about two years", "P2Y", "APPROX"),
    ("a two-week visit", "P2W", None),
])
def test_durations(text, value, mod):
    t = one(text)
    assert (t.type, t.value, t.mod, t.interval) == ("DURATION", value, mod, None)


@pytest.mark.parametrize("text,value", [("every Tuesday", "XXXX-WXX-2"), ("each month", "P1M"),
                                        ("every night", "XXXX-XX-XXTNI"), ("twice a week", "P1W"),
                                        ("three times a day", "P1D"), ("once a fortnight", "P2W")])
def test_sets(text, value):
    t = one(text)
    assert (t.text, t.type, t.value, t.interval) == (text, "SET", value, None)


@pytest.mark.parametrize("text,found", [
    ("Epidemiological week 32 saw 1,310 cases.", [("Epidemiological week 32", "2024-W32")]),
    ("Cases fell in the week 31 report.", [("the week 31", "2024-W31")]),
    ("Week 52 of 2023 was quiet.", [("Week 52 of 2023", "2023-W52")]),
    ("Week 2 figures are provisional.", [("Week 2", "2025-W02")]),  # the week 2 nearest the DCT
    ("Week 31\n41\nWeek 32\n486", [("Week 31", "2024-W31"), ("Week 32", "2024-W32")]),  # no "41 weeks"
    ("In week 3 of the trial, he spoke.", []),
])
def test_weeks_by_number(text, found):
    dct = datetime(2024, 12, 20, 14, 0, tzinfo=UTC) if "Week 2 " in text else datetime(2024, 8, 9, 14, 0, tzinfo=UTC)
    assert [(t.text, t.value) for t in find(text, dct)] == found


@pytest.mark.parametrize("text,qualifier,edtf", [
    ("since 2016 the group", Qualifier.SINCE, "2016/.."),
    ("until 2016 the group", Qualifier.UNTIL, "../2016"),
    ("before 2016 the group", Qualifier.BEFORE, "../2016"),
    ("after 2016 the group", Qualifier.AFTER, "2016/.."),
    ("approximately 1986 the group", Qualifier.APPROXIMATE, "1986~"),
    # A week is an interval: an open end joins the day on its side.
    ("before last week the group", Qualifier.BEFORE, "../2023-06-12"),
    ("until next week the group", Qualifier.UNTIL, "../2023-07-02"),
    ("since the weekend the group", Qualifier.SINCE, "2023-06-17/.."),
])
def test_qualifiers(text, qualifier, edtf):
    t = one(text)
    assert (t.interval.qualifier, t.interval.edtf) == (qualifier, edtf)


def test_from_to_range():
    text = "from 1981 to 1986 and 2013-2016"
    ranges = find_ranges(text, find(text))
    assert [(r.text, r.interval.edtf) for r in ranges] == [("from 1981 to 1986", "1981/1986"),
                                                            ("2013-2016", "2013/2016")]


DEC_4 = parse_dct("2013-12-04", UTC_ZONE)  # a Wednesday in December


@pytest.mark.parametrize("text,values,edtf", [
    # Each end placed alone gave December 2013 and February 2013: the start moves back before the end.
    ("From December to February, snow fell.", [("December", "2012-12"), ("February", "2013-02")], "2012-12/2013-02"),
    ("The show runs from December to February.", [("December", "2013-12"), ("February", "2014-02")],
     "2013-12/2014-02"),
    ("The report covers the period from January to June.", [("January", "2013-01"), ("June", "2013-06")],
     "2013-01/2013-06"),
    ("Prices rose between Tuesday and Friday.", [("Tuesday", "2013-11-26"), ("Friday", "2013-11-29")],
     "2013-11-26/2013-11-29"),
    # A range ahead ends after its start, though that weekday comes sooner: next week's Monday to Wednesday.
    ("The festival will run from Monday to Wednesday.", [("Monday", "2013-12-09"), ("Wednesday", "2013-12-11")],
     "2013-12-09/2013-12-11"),
    # "May" and "March" are the months at the ends of a range of months.
    ("Between March and May, 40 died.", [("March", "2013-03"), ("May", "2013-05")], "2013-03/2013-05"),
    ("Floods hit during the March-May rains.", [("March", "2013-03"), ("May", "2013-05")], "2013-03/2013-05"),
    # A start with no year is in the months before the end's date.
    ("The works run from March to May 2015.", [("March", "2015-03"), ("May 2015", "2015-05")], "2015-03/2015-05"),
    ("Snow fell from November to February 2013.", [("November", "2012-11"), ("February 2013", "2013-02")],
     "2012-11/2013-02"),
])
def test_a_range_of_bare_months_or_weekdays_ends_after_it_starts(text, values, edtf):
    found = find(text, DEC_4)
    assert [(t.text, t.value) for t in found] == values and {t.type for t in found} == {"DATE"}
    assert [r.interval.edtf for r in find_ranges(text, found)] == [edtf]


def test_a_list_of_months_is_no_range():
    assert [t.value for t in find("He visited in June and January.", DEC_4)] == ["2013-06", "2014-01"]


def test_may_and_march_at_the_ends_of_a_range_are_months_and_verbs_are_not():
    assert [(t.text, t.type, t.value) for t in find("Rains fell March to May.", DEC_4)] == [
        ("March", "DATE", "2013-03"), ("May", "DATE", "2013-05")]
    assert find("Officials May March on the capital.", DEC_4) == []


# --- API details ------------------------------------------------------------------


def test_parse_dct():
    assert parse_dct("2023-06-20", TIRANE) == datetime(2023, 6, 20, tzinfo=TIRANE)
    assert parse_dct("2023-06-20T06:38+02:00", TIRANE).utcoffset() == timedelta(hours=2)
    assert parse_dct("2023-06-20T06:38", TIRANE).tzinfo is TIRANE
    with pytest.raises(ValueError, match="cannot read"):
        parse_dct("20 June", TIRANE)


def test_naive_dct_is_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        find_timexes("today", datetime(2023, 6, 20), TIRANE)


def test_edtf_of_the_first_years_has_four_digits():
    (t,) = find("It ended at 0638 GMT.", parse_dct("0002-01-01", UTC_ZONE), UTC_ZONE)
    assert t.interval.edtf == "0002-01-01T06:38Z"


def test_a_range_ending_in_a_week_runs_to_its_last_day():
    found = find("Between June 2 and last week, prices rose.")
    (joined,) = find_ranges("Between June 2 and last week, prices rose.", found)
    assert joined.interval.edtf == "2023-06-02/2023-06-18"


def test_timex_json():
    j = timex_json(one("At approximately 0638 EST, reports"))
    assert {k: j[k] for k in ("start", "end", "text", "type", "value", "mod")} == {
        "start": 3, "end": 25, "text": "approximately 0638 EST", "type": "TIME", "value": "2023-06-20T06:38",
        "mod": "APPROX"}
    assert j["interval"]["start"] == "2023-06-20T11:38:00Z" and j["interval"]["note"]


# --- properties on arbitrary text ------------------------------------------------------

_WORDS = ["on", "Tuesday", "June", "20", "2023", "1986", "at", "0638", "EST", "by", "noon", "the", "past",
          "three", "months", "last", "year", "ago", "a", "decade", "early", "mid-June", "since", "until", ",", ".",
          "between", "and", "from", "to", "-", "approximately", "7", "a.m.", "local", "time", "5,000", "days",
          "later", "the 1990s", "every", "week", "overnight", "morning", "2013-2016", "20.06.2023", "06:38",
          "before", "after", "weekend", "next", "the 20th century", "spring", "Q3", "fiscal"]
_texts = st.one_of(st.text(max_size=200),
                   st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join))


@settings(max_examples=150, deadline=None)
@given(text=_texts, days=st.integers(min_value=-20000, max_value=20000))
def test_properties(text, days):
    dct = DCT_000 + timedelta(days=days)
    found = find_timexes(text, dct, TIRANE)
    assert found == find_timexes(text, dct, TIRANE)  # deterministic
    last_end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text) and t.start >= last_end
        assert text[t.start:t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert VALUE_RE.match(t.value), t.value
        last_end = t.end
        if t.interval is not None:
            tv = t.interval
            assert tv.start < tv.end
            assert tv.start.utcoffset() == timedelta(0) and tv.end.utcoffset() == timedelta(0)
            assert EDTF_RE.match(tv.edtf), tv.edtf
            assert qualified(unqualified(tv), tv.qualifier).edtf == tv.edtf  # the open end comes off and back
        timex_json(t)
    for r in find_ranges(text, found):
        assert text[r.start:r.end] == r.text and r.interval.start < r.interval.end


# --- clock forms named in the issue ----------------------------------------------------


def test_midnight_and_clock_with_date():
    t = one("The ceasefire ends at midnight.", DCT_001)
    assert (t.value, t.interval.start) == ("2023-06-21T24:00", utc(2023, 6, 21, 22, 0))
    t = one("Bids are due by 5 p.m. EST Nov. 9.")
    assert (t.text, t.value, t.mod) == ("5 p.m. EST Nov. 9", "2023-11-09T17:00", "ON_OR_BEFORE")
    assert t.interval.start == utc(2023, 11, 9, 22, 0) and not t.interval.uncertain


def test_clock_weekday_follows_tense():
    dct = parse_dct("2023-06-19", TIRANE)  # a Monday
    assert one("The offer had been scheduled to expire at midnight Friday.", dct).value == "2023-06-16T24:00"
    assert one("The offer will expire at midnight Friday.", dct).value == "2023-06-23T24:00"
    # A plan the text reports is ahead; one that had been made, behind.
    assert one("The storm was expected to weaken by Thursday morning.", dct).value == "2023-06-22TMO"
    assert one("The leaders were scheduled to meet on Friday.", dct).value == "2023-06-23"
    assert one("The leaders had been scheduled to meet on Friday.", dct).value == "2023-06-16"


# --- tense decides the year of a month or day named without one ------------------------

NOV_1 = parse_dct("2023-11-01", TIRANE)
MAR_4 = parse_dct("2023-03-04", TIRANE)
OCT_20 = parse_dct("2023-10-20", TIRANE)


@pytest.mark.parametrize("text,dct,value", [
    ("The chairman stepped down in March for health reasons.", NOV_1, "2023-03"),
    ("The carrier has been on patrol since March.", parse_dct("2023-08-13", TIRANE), "2023-03"),
    ("Officials said the plant was sold in January.", NOV_1, "2023-01"),
    ("She will command a mission in December.", MAR_4, "2023-12"),
    ("The sale should be completed by February.", NOV_1, "2024-02"),
    ("The company will pay the dividend in February.", NOV_1, "2024-02"),
    ("The board changed its fiscal year in December.", OCT_20, "2022-12"),
    ("The board changed its fiscal year in December.", NOV_1, "2023-12"),  # next month: announced, ahead
    ("It declared a dividend payable Dec. 15.", OCT_20, "2023-12-15"),  # a day up to 2 months ahead stays ahead
    ("The old contract expired on Dec. 20.", parse_dct("2023-09-01", TIRANE), "2022-12-20"),
    ("It declared a dividend payable Dec. 15 to holders of record Nov. 21.", NOV_1, "2023-12-15"),
    ("The agency named its new director, effective Feb. 1.", NOV_1, "2024-02-01"),
])
def test_month_year_from_tense(text, dct, value):
    assert find(text, dct)[0].value == value


def test_weekday_follows_tense():
    sunday = parse_dct("2023-06-18", TIRANE)
    assert one("The talks are set to resume Monday in Geneva.", sunday).value == "2023-06-19"
    assert one("The talks resumed Monday in Geneva.", DCT_001).value == "2023-06-19"
    assert one("On Wednesday the council met.", DCT_001).value == "2023-06-21"  # the DCT's own weekday
    # "last" the verb is no past: the operation lasts into the days ahead.
    assert one("He said the operation would last until Friday.", DCT_001).value == "2023-06-23"


def test_weekday_with_date():
    t = one("The editorial ran on Saturday, June 17: it was sharp.", DCT_001)
    assert (t.text, t.value) == ("Saturday, June 17", "2023-06-17")
    # the weekday picks the year: 17 June was a Saturday in 2023, a Friday in 2022
    t = one("He arrived on Friday, June 17, by train.", DCT_001)
    assert t.value == "2022-06-17"
    t = one("The vote is this coming Sunday, June twenty-fifth.", DCT_001)
    assert (t.text, t.value) == ("Sunday, June twenty-fifth", "2023-06-25")


def test_weekday_sets():
    found = find("Flights leave on Monday and Tuesday nights, and on Sundays.", DCT_001)
    assert [(t.text, t.type, t.value) for t in found] == [
        ("Monday", "SET", "XXXX-WXX-1TNI"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI"),
        ("Sundays", "SET", "XXXX-WXX-7")]


def test_month_names_need_a_capital():
    assert find("Prices may 5 times rise; the plan may go ahead.", DCT_001) == []
    assert one("It closed on MAY 5.", DCT_001).value == "2023-05-05"


@pytest.mark.parametrize("text,span,value", [
    ("The treaty was signed last May.", "last May", "2023-05"),  # the full stop ends the sentence
    ("It reopened in July.", "July", "2023-07"),
    ("Rents rose in Sept.", "Sept.", "2023-09"),  # an abbreviation keeps its dot
])
def test_full_month_names_leave_the_full_stop_out(text, span, value):
    t = one(text, NOV_1)
    assert (t.text, t.value) == (span, value)


def test_lowercase_length_change_keeps_offsets():
    text = "İstanbul police said on June 3 that 5 people had died."
    t = one(text, DCT_001)
    assert (t.text, t.value) == ("June 3", "2023-06-03") and text[t.start:t.end] == "June 3"


# --- quarters and fiscal years -----------------------------------------------------------


@pytest.mark.parametrize("text,dct,value", [
    ("Its third-quarter profit rose.", NOV_1, "2023-Q3"),
    ("The company expects fourth-quarter sales to fall.", NOV_1, "2023-Q4"),
    ("Sales rose in the fourth quarter, the company said.", parse_dct("2023-01-20", TIRANE), "2022-Q4"),
    ("It expects to break even in the fourth quarter.", parse_dct("2023-01-20", TIRANE), "2023-Q4"),
])
def test_quarter_year(text, dct, value):
    assert one(text, dct).value == value


def test_quarter_the_text_is_about():
    text = ("Acme's third-quarter net income rose 11%. It expects fourth-quarter results to be flat. "
            "In the latest quarter, sales grew, up from $3 million a year ago and from the 2022 quarter.")
    values = [(t.text, t.value) for t in find(text, NOV_1)]
    assert values == [("third-quarter", "2023-Q3"), ("fourth-quarter", "2023-Q4"), ("the latest quarter", "2023-Q3"),
                      ("a year ago", "2022-Q3"), ("the 2022 quarter", "2022-Q3")]


@pytest.mark.parametrize("text,type_,value", [
    ("Sales for the year ended March 31 rose.", "DURATION", "P1Y"),
    ("Profits should grow throughout the year.", "DURATION", "P1Y"),
    ("It forecast higher earnings for the full year.", "DATE", "2023"),
    ("Earnings for the fiscal year will fall.", "DATE", "2023"),
])
def test_the_year(text, type_, value):
    t = find(text, NOV_1)[0]
    assert (t.type, t.value) == (type_, value)


@pytest.mark.parametrize("text,span", [
    ("Revenue rose in fiscal year 2023.", "fiscal year 2023"),
    ("Revenue rose in fiscal 2023.", "fiscal 2023"),
    ("Revenue rose in FY2023.", "FY2023"),
    ("Revenue rose in the 2023 fiscal year.", "the 2023 fiscal year"),
    ("Revenue rose in the 2023 financial year.", "the 2023 financial year"),
])
def test_a_fiscal_year_is_its_year(text, span):
    t = one(text, NOV_1)
    assert (t.text, t.type, t.value) == (span, "DATE", "2023")


def test_the_year_is_the_dcts():
    found = find("In 1988 it lost money. The stock hit a high for the year in June.", NOV_1)
    assert [t.value for t in found] == ["1988", "2023", "2023-06"]


def test_year_end_and_the_week():
    found = find("In 1969 the mill opened. Debt will be repaid by year-end.", NOV_1)
    assert [(t.value, t.mod) for t in found] == [("1969", None), ("2023", "END")]
    assert one("For the week, the index dropped 3.8%.", NOV_1).value == "2023-WXX"


# --- rates, spelled years, approximate ago ----------------------------------------------


@pytest.mark.parametrize("text,type_,value", [
    ("a dividend of $1.76 a year", "SET", "P1Y"),
    ("700 seats a week on the route", "SET", "P1W"),
    ("twice a month the board meets", "SET", "P1M"),
    ("for a year the board met", "DURATION", "P1Y"),
    ("within a week the board met", "DURATION", "P1W"),
])
def test_rates_are_sets(text, type_, value):
    t = one(text, DCT_001)
    assert (t.type, t.value) == (type_, value)


def test_spelled_years_with_month_or_season():
    assert one("It began in January nineteen ninety-seven.", DCT_001).value == "1997-01"
    t = one("It was the winter of nineteen ninety-four.", DCT_001)
    assert (t.text, t.value) == ("the winter of nineteen ninety-four", "1994-WI")


def test_or_so_ago():
    t = one("A week or so ago the general picked the date.", DCT_001)
    assert (t.text, t.type, t.value, t.mod) == ("A week or so ago", "DATE", "2023-W24", "APPROX")


# --- refs, day words, titles ------------------------------------------------------------


@pytest.mark.parametrize("text,found", [
    ("Under current market conditions the plan fails.", [("current", "PRESENT_REF")]),
    ("Shares were sold at the then-current price.", [("then-current", "PAST_REF")]),
    ("He swam against the current and lost.", []),
    ("The current account deficit widened.", []),
    ("They will leave as soon as the road opens.", []),
    ("He left soon after the vote.", []),
    ("Repay it as soon as possible.", [("as soon as possible", "FUTURE_REF")]),
    ("This matters for the future of the port.", []),
    ("The vote was put off to a later date.", [("a later date", "FUTURE_REF")]),
])
def test_refs_in_context(text, found):
    assert [(t.text, t.value) for t in find(text, DCT_001)] == found


@pytest.mark.parametrize("text,found", [
    ("The notice ran in today's edition.", [("today", "2023-06-21")]),
    ("Tomorrow's vote decides it.", [("Tomorrow", "2023-06-22")]),
    ("In today's world few walk.", []),
    ("They hired the leaders of tomorrow.", []),
    ("He read it in USA Today.", []),
    ('She said on the program "This Week" that it ended.', []),
])
def test_day_words_possessive_generic_and_titles(text, found):
    assert [(t.text, t.value) for t in find(text, DCT_001)] == found


def test_mid_year_with_hyphen():
    t = one("The group split in mid-1996 after a defection.", DCT_001)
    assert (t.text, t.value, t.mod) == ("mid-1996", "1996", "MID")


# --- quarters and halves -------------------------------------------------------------


@pytest.mark.parametrize("phrase", ["For the quarter a year ago", "For the corresponding period last year",
                                    "For last year's quarter", "In the comparable year-ago quarter"])
def test_same_period_a_year_before(phrase):
    found = find(f"Third-quarter profit rose. {phrase}, it lost $2 million.", NOV_1)
    assert [(t.text, t.value) for t in found] == [("Third-quarter", "2023-Q3"), (phrase.split(" ", 1)[1], "2022-Q3")]


def test_first_two_quarters_are_a_half():
    t = one("Weak demand lasts through the first two quarters of 1990.", NOV_1)
    assert (t.text, t.value) == ("the first two quarters of 1990", "1990-H1")


@pytest.mark.parametrize("text,value", [
    ("In the quarter ended July 31, sales rose.", "2023-Q2"),  # May to July: mostly the second quarter
    ("In the quarter ended Sept. 30, sales rose.", "2023-Q3"),
    ("For the quarter ending Oct. 31, 2022, it lost money.", "2022-Q3"),
])
def test_quarter_ended_is_the_three_months_to_that_day(text, value):
    t = find(text, NOV_1)[0]
    assert (t.text, t.value) == ("the quarter", value)


def test_determiner_of_a_compound_modifier_stays_out():
    found = find("Its third-quarter profit rose in the third quarter. The fiscal second-quarter loss widened "
                 "after the two-week strike.", NOV_1)
    assert [(t.text, t.value) for t in found] == [("third-quarter", "2023-Q3"), ("the third quarter", "2023-Q3"),
                                                  ("fiscal second-quarter", "2023-Q2"), ("two-week", "P2W")]


def test_year_earlier_months_are_a_duration():
    t = one("Net for the year-earlier nine months included a gain.", NOV_1)
    assert (t.text, t.type, t.value) == ("nine months", "DURATION", "P9M")


# --- tense cues -------------------------------------------------------------------------


@pytest.mark.parametrize("text,value", [
    ("The split would be paid on a date in January.", "2024-01"),  # "be paid" is a passive, not a past
    ("The two leaders meet separately Monday.", "2023-06-26"),  # a scheduled present
    ("The offer had been due to expire Friday.", "2023-06-16"),  # an infinitive under a past plan
    ("The final is on Sunday.", "2023-06-25"),  # a scheduled present: "is on", "is at"
    ("The law takes effect on 1 January.", "2024-01-01"),
    ("The law took effect on 1 January.", "2023-01-01"),
    ("The meeting was on Monday.", "2023-06-19"),
    ("Voters go to the polls on Sunday.", "2023-06-25"),  # the scheduled present of news
    ("The summit takes place Friday.", "2023-06-23"),
    ("The exhibition opens Saturday.", "2023-06-24"),
    ("The shop closed on Sunday.", "2023-06-18"),
    ("At the close of business Thursday, 5,745 shares were tendered.", "2023-06-15"),  # "close" the noun
])
def test_tense_cues(text, value):
    assert one(text, DCT_001).value == value


@pytest.mark.parametrize("text,dct,value", [
    # a modal far back in the sentence, with no nearer cue, still puts the month ahead
    ("The agency will name a veteran test pilot as commander of the orbiting laboratory for a mission in December.",
     MAR_4, "2023-12"),
    # a past form that far back is not used: the month stays in the usual window
    ("The firm announced an agreement to acquire the regional lender and its branches in January.", NOV_1, "2024-01"),
    # a participle with its agent has no tense; one whose "by" introduces the date is the date's verb
    ("A festival in January, organized by volunteers, draws crowds.", NOV_1, "2024-01"),
    ("Repairs finished by January.", NOV_1, "2023-01"),
])
def test_far_modal_and_participle_cues(text, dct, value):
    assert one(text, dct).value == value


# --- durations --------------------------------------------------------------------------


@pytest.mark.parametrize("text,span,value", [
    ("It will lead for the next couple of years.", "the next couple of years", "P2Y"),
    ("He served an additional year.", "an additional year", "P1Y"),
    ("It may last at least 20 more years.", "at least 20 more years", "P20Y"),
    ("The tape ran a minute and a half.", "a minute and a half", "PT1M30S"),
    ("The talks took two and a half days.", "two and a half days", "P2DT12H"),
    ("He died within weeks or months of capture.", "weeks or months", "PXW"),
    ("Funds may sell in the weeks ahead.", "the weeks ahead", "PXW"),
    ("Over the years the firm grew.", "the years", "PXY"),
    ("They must live without it for a while.", "a while", "PXX"),
    ("Kidnappings rose in recent years.", "recent years", "PAST_REF"),
    ("The board met within a week.", "a week", "P1W"),
    ("The trial is expected to last several months.", "several months", "PXM"),  # "last" the verb
    ("The strike could last three days.", "three days", "P3D"),
    ("Prices rose over the last three days.", "the last three days", "P3D"),
])
def test_duration_forms_and_spans(text, span, value):
    t = one(text, DCT_001)
    assert (t.text, t.value) == (span, value)


@pytest.mark.parametrize("text,span,value,mod", [
    ("It lasted three years, two months and 11 days.", "three years, two months and 11 days", "P3Y2M11D", None),
    ("The trial took 2 years and 3 months.", "2 years and 3 months", "P2Y3M", None),
    ("They waited about two hours and 30 minutes.", "about two hours and 30 minutes", "PT2H30M", "APPROX"),
    ("The siege went on for 3 days and 2 hours.", "3 days and 2 hours", "P3DT2H", None),
    ("Total duration: 4 hours 28 minutes.", "4 hours 28 minutes", "PT4H28M", None),  # side by side, as a log writes
    ("It took 1 hour 5 minutes 12 seconds.", "1 hour 5 minutes 12 seconds", "PT1H5M12S", None),
])
def test_a_duration_in_falling_units_is_one_expression(text, span, value, mod):
    t = one(text, DCT_001)
    assert (t.text, t.value, t.mod) == (span, value, mod)


@pytest.mark.parametrize("text,values", [
    ("In 2 years, 3 months passed.", ["P2Y", "P3M"]),  # no closing "and": not one list
    ("It took one hour, 20 minutes of it in the rain.", ["PT1H", "PT20M"]),
    ("It took 3 months and 2 years.", ["P3M", "P2Y"]),  # rising units
    ("He spent 2 days and 5 days there.", ["P2D", "P5D"]),  # the same unit twice
])
def test_durations_that_are_not_one_compound_stay_apart(text, values):
    assert [t.value for t in find(text, DCT_001)] == values


def test_the_years_alone_is_not_a_duration():
    assert find("The years of plenty ended.", DCT_001) == []


# --- seasons ----------------------------------------------------------------------------


@pytest.mark.parametrize("text,span,value,mod", [
    ("Orders fell from the low levels of the early summer.", "the early summer", "2023-SU", "START"),
    ("Orders fell in late winter.", "late winter", "2022-WI", "END"),
    ("The plant will reopen in late spring.", "late spring", "2024-SP", "END"),
    ("It happened in the summer of 1988.", "the summer of 1988", "1988-SU", None),
    ("It happened in early summer 1988.", "early summer 1988", "1988-SU", "START"),
])
def test_seasons_with_premodifier_or_year(text, span, value, mod):
    t = one(text, NOV_1)
    assert (t.text, t.value, t.mod) == (span, value, mod)


@pytest.mark.parametrize("text,value", [
    ("The factories are going to slow down in the spring.", "2023-SP"),  # last spring is over: the next one
    ("Sales slowed in the spring.", "2022-SP"),
    ("The roads are closed for the winter.", "2022-WI"),  # the winter under way
])
def test_the_season_follows_tense(text, value):
    t = one(text, parse_dct("2023-02-06", TIRANE))
    assert t.value == value


def test_a_late_fall_in_prices_is_no_season():
    assert find("Traders feared a late fall in prices.", NOV_1) == []


# --- first-letter lookaheads are only a speed-up ----------------------------------------------


def test_first_letter_lookaheads_do_not_change_matches():
    import mekraid_site.timex as tx
    text = ("Early May 1990, the '80s, 3rd quarter, late this year, a year ago, 2 1/2 weeks, couple of days, "
            "Now, then-current, mid-afternoon, Sunday night, 5 Jan, December 25, year-end, the first half of 1990, "
            "twenty years, Dozen hours, Zero days, in the twenties, Nineteen days, today, Tonight, "
            "Days later, hours ago, the early hours, on Tues.")
    for name in dir(tx):
        pattern = getattr(tx, name)
        if name.startswith("_P_") and pattern.pattern.startswith("(?=["):
            bare = re.compile(pattern.pattern[pattern.pattern.index("])") + 2:], pattern.flags)
            for variant in (text, text.lower(), text.upper()):
                assert [m.span() for m in pattern.finditer(variant)] == [m.span() for m in bare.finditer(variant)], name


@pytest.mark.parametrize(("text", "utc_start", "offset"), [
    ("Protests began at 14:00 EAT.", (2023, 6, 21, 11, 0), "+03:00"),  # East Africa
    ("The curfew began at 7 p.m. WAT.", (2023, 6, 21, 18, 0), "+01:00"),  # West Africa
    ("The quake hit at 06:15 NPT.", (2023, 6, 21, 0, 30), "+05:45"),  # Nepal's quarter hour
    ("The rally began at 9:30 a.m. ACST.", (2023, 6, 21, 0, 0), "+09:30"),  # Adelaide's winter
])
def test_zone_abbreviations_of_africa_asia_and_australia(text, utc_start, offset):
    t = one(text, DCT_001)
    assert (t.interval.start, t.interval.edtf[-6:], t.interval.uncertain) == (utc(*utc_start), offset, False)


def test_a_local_time_takes_its_offset_from_the_same_time_in_a_named_zone():
    # The article's zone is Tirane (UTC+2 in June); the place where it happened is three hours ahead of GMT.
    local, gmt, _ = find("The ferry sank at about 3 p.m. local time (1200 GMT) on Tuesday.", DCT_001)
    assert (local.value, local.interval.start, local.interval.edtf) == (
        "2023-06-20T15:00", utc(2023, 6, 20, 12, 0), "2023-06-20T15:00+03:00")
    assert gmt.interval.start == local.interval.start
    # Where the two agree with the article's zone, the time is told as local time, as without the other.
    local, _, _ = find("Boats arrived at 9 p.m. local time (1900 GMT) on Tuesday.", DCT_001)
    assert (local.interval.zone, local.interval.start) == ("Europe/Tirane", utc(2023, 6, 20, 19, 0))


def test_a_planned_day_ahead_does_not_become_the_day_in_focus():
    # Told on Wednesday the 21st: the return is planned, and "a day earlier" counts from the story's day.
    *_, earlier = find("The president was due to return on Friday. A day earlier, the ministry had reported "
                       "troop movements.", DCT_001)
    assert (earlier.text, earlier.value) == ("A day earlier", "2023-06-20")
    # A day of the past still does: "two days later" counts from Monday.
    *_, later = find("Police raided the camp on Monday. Two days later, the camp was empty.", DCT_001)
    assert (later.text, later.value) == ("Two days later", "2023-06-21")
    # And a plan goes on from the planned day.
    *_, later = find("Parliament will debate the bill on Friday. A week later, the senate will vote.", DCT_001)
    assert (later.text, later.value) == ("A week later", "2023-W26")  # the week of Friday 30 June


def test_two_counts_joined_by_and_are_a_range_not_a_sum():
    t = one("The project will take between six and eight months.", DCT_001)
    assert (t.text, t.type, t.value) == ("six and eight months", "DURATION", "P8M")  # not 14 months
    assert one("The war lasted one hundred and twenty days.", DCT_001).value == "P120D"


def test_a_holiday_in_a_past_sentence_is_the_last_one():
    oct_2 = parse_dct("2025-10-02", TIRANE)
    assert one("The attack came on New Year's Eve.", oct_2).value == "2024-12-31"
    assert one("Celebrations on Christmas Day were cancelled.", oct_2).value == "2024-12-25"
    assert one("Shops will close on Christmas Day.", oct_2).value == "2025-12-25"


def test_a_day_with_an_ordinal_ends_a_range_of_days():
    first, last = find("From March 3rd to 5th, schools shut.", DCT_001)
    assert [(t.text, t.value) for t in (first, last)] == [("March 3rd", "2023-03-03"), ("5th", "2023-03-05")]
    (span,) = find_ranges("From March 3rd to 5th, schools shut.", [first, last])
    assert span.interval.edtf == "2023-03-03/2023-03-05"


def test_the_night_from_one_day_to_the_next_is_the_first_day_s_night():
    night, saturday, sunday = find("The attack happened in the night from Saturday to Sunday.",
                                   parse_dct("2024-03-08", TIRANE))
    assert (night.text, night.value, saturday.value, sunday.value) == (
        "the night", "2024-03-02TNI", "2024-03-02", "2024-03-03")


@pytest.mark.parametrize(("text", "expected"), [
    ("The tremor came at half past two.", ("half past two", "2023-06-21T02:30")),
    ("The alarm sounded at a quarter to nine in the evening.", ("a quarter to nine in the evening",
                                                                 "2023-06-21T20:45")),
    ("Shots were heard at ten past midnight.", ("ten past midnight", "2023-06-21T00:10")),
    ("It began at 20 minutes past 6 p.m.", ("20 minutes past 6 p.m.", "2023-06-21T18:20")),
    ("It came at half past two on Monday afternoon.", ("half past two", "2023-06-19T14:30")),  # its day's part
])
def test_a_clock_time_told_in_words(text, expected):
    t = find(text, DCT_001)[0]
    assert (t.text, t.value, t.type) == (*expected, "TIME")


@pytest.mark.parametrize("text", ["Shares rose by a quarter to 10 dollars.", "From 5 to 7 p.m. they stayed."])
def test_a_fraction_or_a_range_of_hours_is_no_clock_time_in_words(text):
    assert all(" past " not in t.text and " to " not in t.text for t in find(text, DCT_001))


def test_a_day_weeks_after_a_date_of_another_year_is_in_that_year():
    text = "The school collapsed on the morning of 24 August 2016. The last child was pulled out on 26 August."
    *_, last = find(text, parse_dct("2025-03-04", TIRANE))
    assert (last.text, last.value) == ("26 August", "2016-08-26")
    # Not a day before it, nor months after: those are this year's.
    *_, other = find("The school collapsed on 24 August 2016. The trial opened on 3 March.",
                     parse_dct("2025-03-04", TIRANE))
    assert other.value == "2025-03-03"


@pytest.mark.parametrize(("text", "dct", "expected"), [
    # Told on a Tuesday: the mourning the government declared is this week's, not last week's.
    ("The government declared three days of national mourning from Thursday to Saturday.", "2023-06-20",
     ["2023-06-22", "2023-06-24"]),
    # Told on the Sunday after it: the nearer Thursday is the one just past.
    ("The government had declared three days of mourning from Thursday to Saturday.", "2023-06-25",
     ["2023-06-22", "2023-06-24"]),
    # A period ordered to last until a day ends after the order.
    ("The army ordered the roads closed until Monday.", "2023-06-20", ["2023-06-26"]),
    ("The governor ordered flags lowered to half-staff through Saturday.", "2023-06-20", ["2023-06-24"]),
    # Without a decision the past tense places a range behind the text.
    ("The storm raged from Thursday to Saturday.", "2023-06-20", ["2023-06-15", "2023-06-17"]),
    # "was open" is no present of a plan ("the polls open at 7").
    ("The market was open from Saturday to Monday.", "2023-06-25", ["2023-06-17", "2023-06-19"]),
])
def test_weekdays_of_a_period_a_decision_set(text, dct, expected):
    assert [t.value for t in find(text, parse_dct(dct, TIRANE)) if t.type == "DATE"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials met the week of March 10 to plan it.", ("the week of March 10", "2023-W10", None)),
    ("Sales rose in the week of 3 March 2021.", ("the week of 3 March 2021", "2021-W09", None)),
    ("This time last year, the camp was quiet.", ("This time last year", "2022-06-20", "APPROX")),
    ("Around the same time last year, prices fell.", ("Around the same time last year", "2022-06-20", "APPROX")),
])
def test_a_period_named_by_a_day_in_it(text, expected):
    t = find(text)[0]
    assert (t.text, t.value, t.mod) == expected


def test_us_zone_letters_after_a_clock_time_and_units_that_look_like_them():
    found = find("The gunman entered at 11:33 a.m. CT on Tuesday.", DCT_001)
    assert (found[0].text, found[0].interval.edtf) == ("11:33 a.m. CT", "2023-06-20T11:33-05:00")
    # After a bare number, MT and MW are units: no time, and no year either.
    assert find("They shipped 1500 MT of wheat and built 2000 MW of capacity.", DCT_001) == []


@pytest.mark.parametrize("text,values", [
    ("He was last seen on the night of 12 May.", [("the night of 12 May", "TIME", "2023-05-12TNI")]),
    ("He was last seen on the night of May 12.", [("the night of May 12", "TIME", "2023-05-12TNI")]),
    ("He was last seen on the night of Tuesday.", [("the night of Tuesday", "TIME", "2023-06-20TNI")]),
    ("The flood hit on the afternoon of Monday 19th June 2023.",
     [("the afternoon of Monday 19th June 2023", "TIME", "2023-06-19TAF")]),
    ("It was cold in the early morning of June 19.", [("the early morning of June 19", "TIME", "2023-06-19TMO")]),
    ("He recalled the night of the blast.", [("the night", "TIME", "2023-06-20TNI")]),  # no day: the span stays
])
def test_a_part_of_the_day_of_a_date_is_one_time(text, values):
    assert [(t.text, t.type, t.value) for t in find(text, DCT_001)] == values


def test_the_night_of_two_days_is_the_first_days_night():
    night = one("He was last seen on the night of 3-4 March.", DCT_001)
    assert (night.text, night.type, night.value) == ("the night of 3-4 March", "TIME", "2023-03-03TNI")
    night = one("The fire broke out on the night of Sept. 14-15, 2022.", DCT_001)
    assert (night.text, night.type, night.value) == ("the night of Sept. 14-15, 2022", "TIME", "2022-09-14TNI")



@pytest.mark.parametrize(("text", "expected"), [
    ("Red flag warnings remain in effect until 6 p.m. Friday.", "2023-06-23T18:00"),  # the present lasts
    ("Schools stay shut until Monday.", "2023-06-26"),
    ("The road was closed until Monday.", "2023-06-19"),  # told in the past: it was reopened
])
def test_until_a_day_in_the_present_is_the_coming_one(text, expected):
    (until,) = find(text, DCT_000)
    assert until.value == expected



def test_the_same_part_of_the_day_is_of_the_day_in_focus():
    _, same = find("The bridge fell on 12 June. Two more died the same afternoon.", DCT_001)
    assert (same.text, same.value) == ("the same afternoon", "2023-06-12TAF")



def test_a_date_in_brackets_after_the_day_something_was_said_is_the_saying_s():
    text = "A ferry sank on Saturday (Oct 12), officials said on Sunday (Oct 13).\n\nIt left at 2pm local time."
    *_, clock = find(text, parse_dct("2024-10-13T22:10", ZoneInfo("Asia/Jakarta")), ZoneInfo("Asia/Jakarta"))
    assert (clock.text, clock.value) == ("2pm local time", "2024-10-12T14:00")


@pytest.mark.parametrize(("text", "expected"), [
    # Written at 10 a.m.: the midnight and the 11 p.m. told in the past are last night's, not tonight's.
    ("The building was evacuated just after midnight.", "2023-06-20T24:00"),
    ("The suspect was arrested at 11pm.", "2023-06-20T23:00"),
    ("The vote will close at 11pm.", "2023-06-21T23:00"),
])
def test_a_clock_time_told_in_the_past_is_not_later_than_the_writing(text, expected):
    (clock,) = find(text, parse_dct("2023-06-21T10:00", TIRANE))
    assert clock.value == expected


def test_a_plan_ahead_in_focus_is_not_the_day_a_past_story_goes_on_from():
    text = "The vote is set for next Thursday, June 29. Earlier in the day, the minister had visited the site."
    _, earlier = find(text, parse_dct("2023-06-21T10:00", TIRANE))
    assert (earlier.text, earlier.value) == ("Earlier in the day", "2023-06-21")
    (light, tuesday) = find("At first light on Tuesday, rescuers resumed the search.", DCT_001)
    assert (light.text, light.value, tuesday.value) == ("first light", "2023-06-20TMO", "2023-06-20")



@pytest.mark.parametrize(("text", "expected"), [
    ("It occurred at approximately 2:15 p.m. Eastern Time on June 19.", ("2023-06-19T14:15-04:00", "ET")),
    ("Operations resumed at 6 a.m. Central European Time.", ("2023-06-21T06:00+01:00", "CET")),
    ("The call is at 8:30 a.m. Pacific Daylight Time.", ("2023-06-21T08:30-07:00", "PDT")),
])
def test_a_zone_written_out(text, expected):
    clock = find(text, DCT_001)[0]
    assert (clock.interval.edtf, clock.interval.zone) == expected


def test_the_morning_of_a_day_of_the_month():
    morning = one("The bodies were found on the morning of the 5th.", DCT_001)
    assert (morning.text, morning.value) == ("the morning of the 5th", "2023-06-05TMO")
    assert find("She is a member of the 5th.", DCT_001) == []  # a regiment, not a day


def test_a_factbox_entry_keeps_its_times_to_its_own_day():
    # Each paragraph opens with its day; a time never reaches across a paragraph break to the next day's line,
    # a day something lasts "until" is not the day the entry is on, nor is a year looked back to.
    text = ("Feb 2 - The SES log records the request at 11:52 p.m.\n\n"
            "Feb 3 - The river peaks at 4 a.m., above the level of February 1954. A state of emergency is declared at "
            "11 a.m., initially until Feb 7. Police report two dead at midday, and three dead by evening.")
    dct = parse_dct("2025-02-07T17:10", ZoneInfo("Australia/Sydney"))
    found = find(text, dct, ZoneInfo("Australia/Sydney"))
    assert [(t.text, t.value) for t in found] == [
        ("Feb 2", "2025-02-02"), ("11:52 p.m.", "2025-02-02T23:52"), ("Feb 3", "2025-02-03"),
        ("4 a.m.", "2025-02-03T04:00"), ("February 1954", "1954-02"), ("11 a.m.", "2025-02-03T11:00"),
        ("Feb 7", "2025-02-07"), ("midday", "2025-02-03T12:00"), ("evening", "2025-02-03TEV"),
    ]
    assert found[-1].mod == "ON_OR_BEFORE"  # "by evening"


def test_a_retrospective_keeps_the_years_it_looks_back_to():
    dct = parse_dct("2025-09-12T06:00", ZoneInfo("America/New_York"))
    text = ("Three years ago this week, a fire started. A sixth man died on 21 September. A year ago today, it rained. "
            "In early 2020 the sprinklers broke; that spring they were shut off. In September 2022 the plant burned, "
            "and the following spring he was charged. Fire ran through the night of Sept. 14-15, 2022. Five of the 14 "
            "people on the night shift died.")
    assert [(t.text, t.value) for t in find(text, dct, ZoneInfo("America/New_York"))] == [
        ("Three years ago this week", "2022-W37"), ("21 September", "2022-09-21"),  # the week's year, not 2025
        ("A year ago today", "2024-09-12"), ("early 2020", "2020"), ("that spring", "2020-SP"),
        ("September 2022", "2022-09"), ("the following spring", "2023-SP"),
        ("the night of Sept. 14-15, 2022", "2022-09-14TNI"),  # the range's year is its start's too
    ]  # "the night shift" is work, not a time


@pytest.mark.parametrize(("text", "value"), [
    ("A state of emergency remains in effect until Friday, though the premier has said it may be extended.",
     "2025-02-07"),
    ("Friends are organizing a candlelight vigil for Sunday afternoon.", "2025-02-09TAF"),
    ("Identification of the last victims should be completed by Friday, she said.", "2025-02-07"),
    ("Investigators opened an inquiry, he said, and state investigators were expected at the site Friday.",
     "2025-02-07"),
    ("The victims should have been identified by Friday.", "2025-01-31"),  # a past after all
])
def test_plans_and_states_that_last_look_ahead(text, value):
    dct = parse_dct("2025-02-06T21:30", UTC_ZONE)  # a Thursday evening
    assert find(text, dct, UTC_ZONE)[0].value == value


def test_a_clock_time_later_than_the_writing_on_its_day_was_the_night_before():
    dct = parse_dct("2022-09-15T18:30-04:00", ZoneInfo("America/New_York"))  # Thursday, 6.30 p.m.
    found = find("Early Thursday, crews were still on the scene. A camera time-stamped 11:38 p.m. EDT showed smoke. "
                 "The alert came at 1.40 in the morning.", dct, ZoneInfo("America/New_York"))
    assert [(t.text, t.value) for t in found] == [("Early Thursday", "2022-09-15"),
                                                  ("11:38 p.m. EDT", "2022-09-14T23:38"),
                                                  ("1.40 in the morning", "2022-09-15T01:40")]


@pytest.mark.parametrize("text,value", [
    # A live page's update stamp is of the day of writing, whatever day the entry before spoke of.
    ("The ward has been full since last Thursday.\n\nUpdated 3.20pm: The regent visited the ward.", "2024-08-06T15:20"),
    # A plan told from the time of writing is not on the past day in focus; a plan of that day is.
    ("Aid teams arrived on Saturday. The ministry will brief reporters at 10am.", "2024-08-06T10:00"),
    ("Aid teams arrived on Saturday. They were due to leave at 10am.", "2024-08-03T10:00"),
    ("On Saturday, officials said they would meet at 10am.", "2024-08-03T10:00"),
])
def test_a_clock_time_of_the_day_of_writing_after_a_past_day(text, value):
    jakarta = ZoneInfo("Asia/Jakarta")
    clock = [t for t in find(text, datetime(2024, 8, 6, 21, 15, tzinfo=jakarta), jakarta) if t.type == "TIME"]
    assert [t.value for t in clock] == [value]


def test_a_clock_in_the_small_hours_after_a_late_clock_of_a_date_is_the_next_day():
    lima = ZoneInfo("America/Lima")
    text = "- At 23:58 hours of 14/03/2023, the alert was declared.\n- At 01:30 hours, firemen began the search."
    found = find(text, datetime(2023, 3, 15, 11, 0, tzinfo=lima), lima)
    assert [(t.text, t.value) for t in found] == [
        ("23:58 hours", "2023-03-14T23:58"), ("14/03/2023", "2023-03-14"), ("01:30 hours", "2023-03-15T01:30")]


def test_the_date_of_a_meeting_or_a_decree_does_not_move_the_story():
    text = ("On Saturday 12 April 2025 the final was held. The plan, approved at its meeting of 3 April 2025, set a "
            "perimeter from 18.00. At 19.41 the first call came.")
    found = find(text, datetime(2025, 4, 14, 11, 30, tzinfo=ROME), ROME)
    assert [(t.text, t.value) for t in found if t.type == "TIME"] == [
        ("18.00", "2025-04-12T18:00"), ("19.41", "2025-04-12T19:41")]
