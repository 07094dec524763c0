"""Incidents the program was not written for, in a dozen styles of news: what a reader would check first.

Each folder of tests/data/incidents is a content folder written by hand: an AP story with a dateline, a union's
bulleted timeline, a live report, a ministry bulletin, a press release, an interview, a data story with a table,
British and US dates. The rules these collections led to have unit tests of their own (test_claims.py,
test_timex.py, ...); here each collection is read whole.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mekraid_site.extract import extract
from mekraid_site.load import load_content
from mekraid_site.merge import merge

INCIDENTS = Path(__file__).parent / "data" / "incidents"
FOLDERS = sorted(path.name for path in INCIDENTS.iterdir())


def timeline_of(name: str):
    content = load_content(INCIDENTS / name)
    return merge(extract(content), content.site)


def disputes(timeline) -> set[tuple[str, tuple[str, ...]]]:
    return {(dispute.about, tuple(sorted(value.value for value in dispute.values)))
            for event in timeline.events for dispute in event.disputes}


@pytest.mark.parametrize("name", FOLDERS)
def test_no_markup_no_junk_actors_no_broken_titles(name):
    timeline = timeline_of(name)
    assert timeline.events
    for claim in timeline.claims:
        assert not re.search(r"\*\*|\]\(|^#|^[-|>] |/PRNewswire/", claim.quote), claim.quote
    for actor in timeline.actors:
        # No date or count taken for a name; a number inside one ("Regional 118 emergency service") is its own.
        assert not re.search(r"^\d|\d{4}|\b\d+(?:st|nd|rd|th)\b", actor.name) and actor.name[0].isupper(), actor.name
    for event in timeline.events:
        assert event.title != "Untitled event"
        # Not cut off after a preposition; "caved in", "moved in" are whole.
        assert not re.search(r"\b(?:on|at|of|the|into|through|shortly)$|(?<!ed )(?<!ve )\bin$|^[,;:'’–-]|,,|\( \)",
                             event.title), (
            event.title)
        assert not re.fullmatch(r"[\"“‘][^\"”’]*", event.title), event.title  # no quotation mark left open


@pytest.mark.parametrize(("name", "expected"), [
    ("strike", {("arrested", ("14", "17"))}),  # the paper's 17 detained against the union's timeline's 14
    ("mine", {("killed", ("6", "7"))}),  # the company's 6 bodies against the ministry's 7 deceased
    ("bridge", {("injured", ("3", "4"))}),  # the local paper's 3 injured against the BBC's 4
    ("summit", {("arrested", ("43", "51"))}),  # the live report's 43 so far against the wire's 51
    # the police's 5, 6 and 8 dead against the hospital's 6 and 7 and the premier's 9, day by day
    ("heldout-anzca", {("killed", ("5", "6")), ("killed", ("6", "7")), ("killed", ("8", "9"))}),
    ("heldout-court", {("killed", ("4", "5"))}),  # the fire chief's four dead against the coroner's five bodies
    ("heldout-bizasia", {("killed", ("8", "at least 11"))}),  # the company's 8 dead against the union's at least 11
    # the coast guard's 24 dead and 15 missing against the provincial office's 26 and 16, ten days on
    ("heldout-ferry", {("killed", ("24", "26")), ("missing", ("15", "16"))}),
    ("heldout-africa", {("killed", ("14", "16"))}),  # the county's 14 dead against the Red Cross's 16
])
def test_sources_that_disagree_on_a_count_are_a_dispute(name, expected):
    assert expected <= disputes(timeline_of(name))


def test_some_of_the_injured_make_no_dispute_with_the_count_of_them():
    assert disputes(timeline_of("bridge")) == {("injured", ("3", "4"))}  # not "two of the injured" against 4


def test_an_acronym_and_the_name_it_stands_for_are_one_actor_across_sources():
    actors = {actor.id: actor for actor in timeline_of("rail").actors}
    assert actors["national-transportation-safety-board"].aliases == ("NTSB",)
    assert actors["alvin-brown"].kind == "person" and actors["mike-dewine"].kind == "person"


def test_a_toll_of_the_quake_reported_the_next_day_joins_the_quake():
    (quake,) = [event for event in timeline_of("quake").events
                if any("magnitude 6.1" in claim.quote for claim in event.claims)]
    counts = {(figure.kind, figure.value) for claim in quake.claims for figure in claim.figures}
    assert {("killed", 12), ("killed", 15), ("injured", 80), ("injured", 94)} <= counts
    assert quake.time.edtf == "2024-07-14T14:32+02:00"


def test_a_press_release_dates_what_happened_not_when_it_was_confirmed():
    titles = {event.title: event.time.edtf for event in timeline_of("rail-release").events}
    assert titles["One of its trains derailed in Millbrook"] == "2025-03-03T21:47-05:00"


def test_a_us_wire_story_and_a_local_paper_on_a_hurricane():
    timeline = timeline_of("hurricane")
    events = {event.title: event for event in timeline.events}
    landfall = events["The storm made landfall near Dauphin Island with maximum sustained winds of 120 mph"]
    # "at about 10:45 p.m. CDT" and the next day's "shortly before 11 p.m. Tuesday" are one happening.
    assert landfall.sources == ("ap", "local") and landfall.time.edtf == "2025-09-16T22:45-05:00"
    # The forecast reported in the past tense is still ahead: this Thursday, not last.
    assert events["The storm was expected to weaken to a tropical storm"].time.edtf == "../2025-09-18"
    assert events["Hurricane Carlos came ashore"].time.edtf == "2025-08-27"


def test_a_coup_attempt_told_by_a_wire_a_local_paper_and_a_web_page():
    timeline = timeline_of("coup")
    titles = [event.title for event in timeline.events]
    assert "Updated" not in titles  # the page's "Updated 12 May 2025, 20:45 WAT" is no event
    # The ministry's warning "a day earlier" is the day before the coup, not before the president's planned return.
    warning = next(event for event in timeline.events if "troop movements" in event.title)
    assert warning.time.edtf == "2025-05-11"
    # After that look back, the next paragraph's counts are the coup day's, and they disagree.
    assert disputes(timeline) == {("killed", ("4", "7"))}
    (counts,) = [event for event in timeline.events if event.disputes]
    assert counts.time.start.date().isoformat() == "2025-05-12"
    # A link line between two sentences does not lose the second's claim.
    assert any("12 mutineers had been detained" in claim.quote for claim in timeline.claims)


def test_a_school_shooting_told_by_a_wire_and_a_local_paper_with_a_timeline_box():
    timeline = timeline_of("shooting")
    events = {event.title: event for event in timeline.events}
    # "12 children and two teachers" is one count of 14.
    opened_fire = events["An 18-year-old gunman opened fire inside an elementary school in this small Texas town"]
    assert [(f.kind, f.value) for claim in opened_fire.claims for f in claim.figures] == [("killed", 14)]
    # "11:33 a.m. CT" is Central time; the box "Timeline of the attack" is the attack's day, not Sunday's vigil.
    breach = events["A tactical team breached the classroom"]
    assert breach.time.edtf == "2025-04-15T12:50-05:00" and breach.sources == ("wire", "local")
    # "Moss" after "Tyler Moss" is the gunman; Carr's multi-sentence quotation is his.
    actors = {actor_id for claim in timeline.claims if "criminal history" in claim.quote for actor_id in claim.actors}
    assert "tyler-moss" in actors
    assert any(claim.quote == '"It was the wrong decision. Period," Carr said.' and claim.claimant == "steven-carr"
               for claim in timeline.claims)
    # The flags are lowered through the coming Saturday, not the last one.
    assert events["She ordered flags lowered to half-staff"].time.edtf.endswith("2025-04-19")


def test_a_wildfire_told_by_a_local_paper_and_a_wire():
    timeline = timeline_of("wildfire")
    events = {event.title: event for event in timeline.events}
    # The warnings "remain in effect until 6 p.m. Friday": the coming Friday.
    assert events["Red flag warnings remain in effect"].time.edtf == "../2025-10-10T18:00-07:00"
    # The fire's size by Tuesday evening and by Thursday morning are two states, not one happening dated twice.
    assert all(dispute.about != "date" for event in timeline.events for dispute in event.disputes)
    counts = {(f.kind, f.value) for claim in timeline.claims for f in claim.figures}
    assert {("displaced", 30000), ("displaced", 35000), ("killed", 1), ("killed", 2), ("injured", 2)} <= counts
    assert "We lost everything" in events


def test_a_live_report_with_post_times_and_an_inquest_months_later():
    timeline = timeline_of("depot")
    events = {event.title: event for event in timeline.events}
    # A post's heading ("**18.05 BST**") is no event; the post under it is told at that time.
    assert "Untitled event" not in events
    toll = events["West Yorkshire police say the death toll has risen to four"]
    assert toll.time.edtf == "2025-06-12T18:05+01:00"
    # "Network Rail chief executive Andrew Haines ... He told reporters": he speaks.
    assert any(claim.claimant == "andrew-haines" for claim in timeline.claims)
    # "Gareth Lyle, 52, died": a person, and a title without his age.
    assert "Gareth Lyle died in hospital" in events
    assert "gareth-lyle" in {actor.id for actor in timeline.actors}


def test_a_ferry_sinking_in_asian_and_agency_styles():
    timeline = timeline_of("ferry")
    events = {event.title: event for event in timeline.events}
    # "BATAM - " is a dateline; "said on Sunday (Oct 13)" is when it was said, so "2pm local time" is Saturday's.
    sank = events["At least 21 people died and 38 are missing"]
    assert sank.time.edtf == "2024-10-12"
    left = next(event for title, event in events.items() if title.startswith("The KM Sinar Bahari left"))
    assert left.time.start.isoformat() == "2024-10-12T07:00:00+00:00" and "Singapore time" not in left.title
    counts = {(f.kind, f.value) for claim in timeline.claims for f in claim.figures}
    assert {("killed", 21), ("missing", 38), ("killed", 27), ("missing", 32)} <= counts
    assert any(f.text == "21 people" for claim in timeline.claims if "bodies" in claim.quote for f in claim.figures)


def test_a_protest_told_by_an_agency_and_a_local_paper():
    timeline = timeline_of("protest")
    # "the largest protest the city has seen since 2019" dates nothing.
    assert not any(event.time.edtf.startswith("2019") for event in timeline.events)
    # Crowd counts are a dispute: the ministry's 18,000 and the union's 60,000; organisers' 55,000 and police's 20,000.
    assert ("protesters", ("18,000", "60,000", "tens of thousands")) in disputes(timeline)
    assert ("protesters", ("20,000", "55,000")) in disputes(timeline)
    # The prefecture's 23 taken in for questioning and its 31 arrests the next day: two counts of one claimant,
    # which the reader sees side by side.
    assert ("arrested", ("23", "31")) in disputes(timeline)
    assert any(claim.quote.startswith("Police made 31 arrests") and claim.claimant == "prefecture"
               for claim in timeline.claims)


def test_an_explainer_with_question_headings_and_a_dated_list():
    timeline = timeline_of("bridge-closure")
    events = {event.title: event for event in timeline.events}
    assert events["Cracks are found in the girders"].time.edtf == "2025-02-10"
    # "the city's transport alderman Jan de Wit": a person with a particle in his name, who goes on as "he".
    assert {claim.claimant for claim in timeline.claims if claim.claimant} == {"jan-de-wit"}
    # An answer that is nothing but its time keeps it in its title.
    assert "Not before the summer" in events
