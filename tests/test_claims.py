"""Claims, claimants, figures, events and disputes: the seeds, and articles the program has never seen."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from conftest import CONTENT
from mekraid_site.display import describe_time
from mekraid_site.extract import extract, split_sentences
from mekraid_site.load import load_content
from mekraid_site.merge import event_title, merge

UNSEEN = Path(__file__).parent / "data" / "unseen"
RAID_SOURCES = {"atlas-news-mek-camp-raid", "deadly-clash-durres-raid"}


def claims_with(timeline, words: str):
    return [claim for claim in timeline.claims if words in claim.quote]


def event_of(timeline, words: str):
    (event,) = [event for event in timeline.events if any(words in claim.quote for claim in event.claims)]
    return event


def dispute_values(event, about: str) -> dict[str, set[str]]:
    """Each disputed value with the claimants (actor ids, or the source for the publisher) that give it."""
    (dispute,) = [d for d in event.disputes if d.about == about]
    claims = {claim.id: claim for claim in event.claims}
    return {value.value: {claims[c].claimant or claims[c].source for c in value.claims} for value in dispute.values}


@pytest.fixture(scope="module")
def with_unseen(tmp_path_factory):
    """The shipped content plus two articles from other outlets, naming new people, figures and dates."""
    content = tmp_path_factory.mktemp("unseen") / "content"
    shutil.copytree(CONTENT, content)
    for article in UNSEEN.glob("*.md"):
        shutil.copy(article, content / "articles" / article.name)
    loaded = load_content(content)
    return merge(extract(loaded), loaded.site)


def _published(number: int) -> str:
    return (datetime(2023, 6, 21, 10, tzinfo=timezone(timedelta(hours=2))) + timedelta(minutes=number - 1)
            ).isoformat(timespec="minutes")


def content_of(folder: Path, *bodies: str):
    """Content with the shipped site settings and one article per body, published a minute apart on 21 June 2023."""
    content = folder / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copy(CONTENT / "site.yaml", content / "site.yaml")
    for number, body in enumerate(bodies, 1):
        (content / "articles" / f"report-{number}.md").write_text(
            f'---\ntitle: "Report {number}"\npublisher: "Wire"\npublished: {_published(number)}\n---\n'
            + body + "\n", encoding="utf-8")
    return load_content(content)


def claimants_and_kinds(content):
    """The claimant of each claim of the one article, and the kind of every actor, by id."""
    extraction = extract(content)
    (analysis,) = extraction.analyses
    return [claim.claimant for claim in analysis.claims], {actor.id: actor.kind for actor in extraction.actors}


def article_claims(folder: Path, body: str):
    """The claims of one article with this body."""
    (analysis,) = extract(content_of(folder, body)).analyses
    return analysis.claims


def test_a_clock_time_and_its_day_are_one_time_of_one_claim(tmp_path):
    (claim,) = article_claims(tmp_path, "Varga was detained at 6:55 a.m. last Tuesday, witnesses said.")
    assert claim.quote == "Varga was detained at 6:55 a.m. last Tuesday, witnesses said."
    assert claim.time_text == "6:55 a.m. last Tuesday"
    assert claim.time.edtf == "2023-06-20T06:55+02:00"
    (claim,) = article_claims(tmp_path / "2", "Police entered on Tuesday at 06:38.")
    assert (claim.time_text, claim.time.edtf) == ("Tuesday at 06:38", "2023-06-20T06:38+02:00")


def test_a_clock_time_in_a_longer_period_is_dated_by_the_period(tmp_path):
    # The clock time's day is not named: the claim is of that week, not of the day the article was published.
    (claim,) = article_claims(tmp_path, "Operations resumed at 1530 GMT three weeks ago.")
    assert claim.quote == "Operations resumed at 1530 GMT three weeks ago."
    assert (claim.time_text, claim.time.edtf) == ("three weeks ago", "2023-05-29/2023-06-04")


def test_days_earlier_is_before_the_day_in_focus_not_on_it(tmp_path):
    # Without a time of its own the second sentence would take Tuesday's; "days earlier" puts it before Tuesday.
    content = content_of(tmp_path, "Police raided the camp on Tuesday. Days earlier, residents had received a "
                                   "warning. In the early hours of Wednesday, police detained twelve people.")
    timeline = merge(extract(content), content.site)
    first, second, third = timeline.claims
    assert first.time.edtf == "2023-06-20"
    assert (second.time_text, second.time.edtf, second.time.qualifier.value) == ("Days earlier", "../2023-06-20",
                                                                                 "before")
    zone = ZoneInfo(content.site.incident.timezone)
    assert [(event.title, describe_time(event.time, zone)) for event in timeline.events] == [
        ("Police raided the camp", "20 June 2023"),  # not "Police raided the camp ." nor with a space
        ("Residents had received a warning", "before 20 June 2023"),  # the time's comma is not the title's
        ("Police detained twelve people", "21 June 2023, early hours"),  # after midnight, before the morning
    ]


def test_events_that_share_an_id_are_numbered_in_the_order_they_were_reported(tmp_path):
    def ids(folder: Path, *bodies: str) -> list[str]:
        content = content_of(folder, *bodies)
        return [event.id for event in merge(extract(content), content.site).events]

    evening, morning = "It was over at 9 p.m. on Tuesday.", "It was over at 6 a.m. on Tuesday."
    assert ids(tmp_path / "1", evening) == ["2023-06-20-it-was-over"]
    # The newer report's event comes first on the timeline, but the older one keeps its address.
    assert ids(tmp_path / "2", evening, morning) == ["2023-06-20-it-was-over-2", "2023-06-20-it-was-over"]


def test_a_large_event_does_not_draw_in_what_one_of_its_claims_also_mentions(tmp_path):
    stormed = "Police stormed the terminal at dawn on Tuesday, witnesses said."
    both = "Police stormed the terminal at dawn on Tuesday and the city mayor resigned, witnesses said."
    resigned = "The city mayor resigned on Tuesday, his office said."
    content = content_of(tmp_path, *[stormed] * 60, both, *[resigned] * 5)
    events = merge(extract(content), content.site).events
    assert sorted(len(event.claims) for event in events) == [5, 61]


def test_wire_copy_repeated_by_many_sources_is_one_event(tmp_path):
    # Every word is in every claim, so none weighs much; the claims still say the same of the same day.
    content = content_of(tmp_path, *["Police stormed the terminal on Tuesday, witnesses said."] * 40)
    (event,) = merge(extract(content), content.site).events
    assert len(event.claims) == 40 and len(event.sources) == 40


def test_claims_told_in_the_same_words_by_several_sources_are_marked_as_one_text(tmp_path):
    # A copy desk's case, commas and spaces do not make another account; other words do, and one source
    # saying the same twice is not a copy of another's.
    content = content_of(tmp_path, "Police stormed the terminal on Tuesday, witnesses said.",
                         "police stormed the terminal on Tuesday,  witnesses said",
                         "Police stormed the Saltmarsh terminal on Tuesday, a union leader said.\n\n"
                         "Police stormed the Saltmarsh terminal on Tuesday, a union leader said.")
    (event,) = merge(extract(content), content.site).events
    assert [claim.id for claim in event.claims] == ["report-1-c1", "report-2-c1", "report-3-c1", "report-3-c2"]
    assert event.same_words == (("report-1-c1", "report-2-c1"),)


def test_an_event_keeps_the_addresses_of_its_five_earliest_sources(tmp_path):
    # Each source opens with other words, so each would name the event differently if it led.
    names = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo"]
    content = content_of(tmp_path, *[f"{name} saw police storm the terminal and detain strikers near its gates on "
                                     "Tuesday." for name in names])
    (event,) = merge(extract(content), content.site).events
    assert len(event.sources) == 8 and event.id == "2023-06-20-anna-saw-police-storm-the-terminal"
    assert event.aliases == tuple(f"2023-06-20-{name.lower()}-saw-police-storm-the-terminal"
                                  for name in ["Boris", "Clara", "Dmitri", "Elena"])


def test_an_event_is_titled_by_what_was_said_and_a_member_of_a_body_speaks_for_herself(tmp_path):
    content = content_of(tmp_path, "Human rights lawyer Arben Kola, who represents several residents, said hearings "
                                   "could begin in September. Ali Safavi of the National Council of Resistance of Iran "
                                   "said at 10.30 local time on Friday that the group would appeal.")
    events = merge(extract(content), content.site).events
    assert [(event.title, event.time.edtf, [claim.claimant for claim in event.claims]) for event in events] == [
        ("The group would appeal", "2023-06-16", ["ali-safavi"]),
        ("Hearings could begin", "2023-09", ["arben-kola"]),
    ]


def test_a_title_is_not_cut_at_a_plan_it_was_due_to_carry_out(tmp_path):
    (claim,) = article_claims(tmp_path, "The president cut short his trip and was due to return on Friday.")
    assert event_title(claim) == "The president cut short his trip and was due to return"
    (closed,) = article_claims(tmp_path / "2", "The port closed on Monday due to the storm.")
    assert event_title(closed) == "The port closed"


def test_a_speaker_goes_on_in_a_quotation_and_a_relative_clause_does_not_date_what_she_says(tmp_path):
    claims = article_claims(tmp_path, '"They came at dawn on Monday and broke down the doors," said Maryam Hosseini, '
                                      '34, who has lived there since 2016. "We will not leave."')
    assert [(claim.time.edtf, claim.claimant, event_title(claim)) for claim in claims] == [
        ("2023-06-19", "maryam-hosseini", "They came and broke down the doors"),  # not cut at "since 2016"
        ("2023-06-19", "maryam-hosseini", '"We will not leave."'),
    ]
    # With no other time, the relative clause's dates the sentence, as before.
    (alone,) = article_claims(tmp_path / "2", "The mayor, who took office in 2019, resigned.")
    assert alone.time.edtf == "2019"


@pytest.mark.parametrize(("body", "claimant", "title"), [
    # a list of who says what: the label stays with what is said
    ("- Harlow Central Hospital: 8 dead, including 3 civilians (Tuesday)", "harlow-central-hospital",
     "Harlow Central Hospital: 8 dead"),
    # an opening "According to X," goes; a post's title is what it says
    ("According to the Red Cross, 14 people were treated on Monday, three in hospital.", "red-cross",
     "14 people were treated"),
    ("Governor Ivey posted on Facebook on Monday that the road had reopened.", "ivey", "The road had reopened"),
    # "after" a stretch of time opens no clause; before a verb it does
    ("An airliner crashed six minutes after takeoff from the capital on Sunday.", None,
     "An airliner crashed six minutes after takeoff from the capital"),
    ("A collapse trapped 12 miners for 40 hours on Sunday before all were rescued.", None,
     "A collapse trapped 12 miners for 40 hours"),
    # a speaker who goes on as "he" or "it" stays, in one piece and without a relative clause
    ("A parent, Javier Ruiz, said he arrived at the school at 11:50 a.m. on Monday.", "javier-ruiz",
     "A parent, Javier Ruiz, said he arrived at the school"),
    ("The Harbour Company, which runs the port, said on Monday it had invested heavily.", "harbour-company",
     "The Harbour Company said it had invested heavily"),
    # "that" the subject, not a conjunction
    ("On Monday Mayor Ana Kola said that was not true: the bridge had been inspected.", "ana-kola",
     "Mayor Ana Kola said that was not true"),
    # an aside about the subject goes
    ("The gunman, identified as Tyler Moss of Harlan, crashed his truck at 11:28 a.m. on Monday.", None,
     "The gunman crashed his truck"),
    # a quotation of two sentences is titled by the first
    ('"We lost everything. The house, the horses," said Linda Marsh on Monday.', "linda-marsh", "We lost everything"),
    # "said in a filing ... that": what was said
    ("Harbour Power said in a filing with regulators on Monday that a fault had occurred.", "harbour-power",
     "A fault had occurred"),
    # an age set off by commas goes, and a time inside quotation marks takes its marks along
    ('A resident, Ana Ruiz, 71, said she had reported cracks "weeks ago" and was told the bridge was safe.',
     "ana-ruiz", "A resident, Ana Ruiz, said she had reported cracks and was told the bridge…"),
    # a verb's particle stays ("went on"), the time's preposition goes
    ("Talks went on through Tuesday.", None, "Talks went on"),
    # a title that would be one word without its time keeps it; who said it, and when, goes
    ("Not before the summer, the city's transport alderman Jan de Wit said on Wednesday.", "jan-de-wit",
     "Not before the summer"),
    # a preposition goes with its time
    ("A vigil is planned for Sunday at 7 p.m. at the town square.", None, "A vigil is planned at the town square"),
])
def test_a_title_is_what_is_said_and_the_claimant_who_says_it(tmp_path, body, claimant, title):
    (claim,) = article_claims(tmp_path, body)
    assert (claim.claimant, event_title(claim)) == (claimant, title)


def test_a_title_drops_who_says_so_after_what_happened(tmp_path):
    content = content_of(tmp_path, "Operations resumed at 06:40 GMT, the port said. Police fired tear gas on Tuesday, "
                                   "according to witnesses.")
    assert sorted(event.title for event in merge(extract(content), content.site).events) == [
        "Operations resumed", "Police fired tear gas"]


def test_a_title_drops_the_reporting_participle_and_at_least_with_the_time(tmp_path):
    content = content_of(tmp_path, "Flights resumed on Monday, the coast guard said, adding that the "
                                   "search would run until at least Thursday. The strike will last at least until "
                                   "Friday.")
    assert sorted(event.title for event in merge(extract(content), content.site).events) == [
        "Flights resumed", "The search would run", "The strike will last"]


def test_a_heading_in_straight_single_quotes_is_titled_as_a_quotation(tmp_path):
    content = content_of(tmp_path, "14:32 BST\n\n'There was a crack and it just went'\n\nA man said he had crossed the "
                                   "bridge minutes before it fell.")
    titles = [event.title for event in merge(extract(content), content.site).events]
    assert "‘There was a crack and it just went’" in titles


def test_a_title_keeps_a_time_that_was_spent_and_drops_shortly_before_a_time(tmp_path):
    content = content_of(tmp_path, "About 350 people spent the night in tents. Police arrived shortly after 6 a.m. on "
                                   "Tuesday.")
    assert sorted(event.title for event in merge(extract(content), content.site).events) == [
        "About 350 people spent the night in tents", "Police arrived"]


def test_a_title_drops_the_time_in_another_zone_with_the_time(tmp_path):
    content = content_of(tmp_path, "The ferry sank at 22:10 local time (2010 GMT) off Durres. The plan (Plan B) was "
                                   "adopted on Tuesday. The budget (2023) was cut.")
    assert sorted(event.title for event in merge(extract(content), content.site).events) == [
        "The budget was cut", "The ferry sank off Durres", "The plan (Plan B) was adopted"]


def test_a_sentence_ends_after_a_decade():
    text = "Rights groups have criticised the unit since the 1990s. The strike began on Monday."
    assert [text[s.start:s.end] for s in split_sentences(text)] == [
        "Rights groups have criticised the unit since the 1990s.", "The strike began on Monday."]


def test_a_capitalised_word_after_am_or_pm_starts_a_sentence_unless_it_belongs_to_the_time():
    text = ("The dam broke at 6 a.m. Residents fled. Talks began at 7 p.m. Tuesday and ended at 9 p.m. EDT. "
            "It struck at 10 a.m. Moscow time. He left at 9 a.m. \"We had no warning,\" she said.")
    assert [text[s.start:s.end] for s in split_sentences(text)] == [
        "The dam broke at 6 a.m.", "Residents fled.", "Talks began at 7 p.m. Tuesday and ended at 9 p.m. EDT.",
        "It struck at 10 a.m. Moscow time.", "He left at 9 a.m.", "\"We had no warning,\" she said."]


def test_sentences_split_at_ends_not_at_abbreviations():
    text = "The U.S. military left at 6 a.m. on Monday. Mr. Smith said so.\nNext line"
    assert [text[s.start:s.end] for s in split_sentences(text)] == [
        "The U.S. military left at 6 a.m. on Monday.", "Mr. Smith said so.", "Next line"]



def test_a_quotation_that_closes_with_a_comma_is_one_sentence_with_its_speaker(tmp_path):
    text = '"It was the wrong decision. Period," Carr said. “We came. We saw,” she said. "We will stay." He left.'
    assert [text[s.start:s.end] for s in split_sentences(text)] == [
        '"It was the wrong decision. Period," Carr said.', "“We came. We saw,” she said.", '"We will stay."',
        "He left."]
    claims = article_claims(tmp_path, 'Steven Carr spoke on Thursday. "It was wrong. Period," Carr said.\n')
    assert [(claim.quote, claim.claimant) for claim in claims][-1] == (
        '"It was wrong. Period," Carr said.', "steven-carr")


def test_people_of_a_place_speak_for_themselves_not_for_the_place(tmp_path):
    content = content_of(tmp_path, "Police stormed the Caldre terminal on Tuesday. Officials in Caldre said 387 "
                                   "officers took part in the operation. Residents of Mill Street said the water "
                                   "rose fast on Tuesday. Doctors at Caldre General Hospital said 12 people died on "
                                   "Tuesday.")
    claimants, kinds = claimants_and_kinds(content)
    assert claimants == [None, "officials-in-caldre", "residents-of-mill-street", "caldre-general-hospital"]
    assert (kinds["officials-in-caldre"], kinds["residents-of-mill-street"], kinds["caldre"]) == (
        "group", "group", "place")


def test_a_place_that_says_whose_police_or_which_mayor_is_not_who_speaks(tmp_path):
    content = content_of(tmp_path, "The bridge in Caldre fell on Sunday. Caldre police said on Sunday that two were "
                                   "hurt. The mayor of Caldre said on Monday that it was old. Caldre County Sheriff "
                                   "Dale Hammond said on Monday that divers were out. The Caldre County Coroner said "
                                   "on Tuesday that four had died. Rescuers in Caldre worked on until Friday.")
    claimants, kinds = claimants_and_kinds(content)
    assert claimants == [None, "caldre-police", "mayor-of-caldre", "dale-hammond", "caldre-county-coroner", None]
    assert (kinds["caldre-police"], kinds["mayor-of-caldre"], kinds["caldre-county-coroner"], kinds["caldre"]) == (
        "organization", "person", "person", "place")


def test_a_person_goes_on_by_surname_and_a_title(tmp_path):
    claims = article_claims(tmp_path, "Director Steven Carr said on Monday that it was wrong. Director Carr left on "
                                      "Tuesday. Carr returned on Wednesday. Carr Street was shut on Friday.")
    assert [claim.actors for claim in claims] == [("steven-carr",), ("steven-carr",), ("steven-carr",), ()]
    # Two people of one surname: the surname alone is neither's.
    claims = article_claims(tmp_path / "2", "Director Steven Carr said on Monday that it was wrong. Mark Carr, "
                                            "a lawyer, left on Tuesday. Carr returned on Wednesday.")
    assert [claim.actors for claim in claims] == [("steven-carr",), ("mark-carr",), ()]

def test_raid_casualty_disputes_have_the_right_claimants(shipped_timeline):
    raid = event_of(shipped_timeline, "reports began to emerge")
    assert set(raid.sources) == RAID_SOURCES
    killed = dispute_values(raid, "killed")
    assert killed["at least 1"] == {"albanian-media"}
    assert killed["2"] == {"albanian-officials"}
    assert "national-council-of-resistance-of-iran" in killed["1"]
    injured = dispute_values(raid, "injured")
    assert injured["36"] == {"albanian-media"}
    assert injured["more than 100"] == {"national-council-of-resistance-of-iran"}


def test_officials_claim_two_civilians_died_by_noon_est(shipped_timeline):
    (claim,) = claims_with(shipped_timeline, "two civilians died")
    assert claim.claimant == "albanian-officials"
    assert [(f.kind, f.value, f.qualifier) for f in claim.figures] == [("killed", 2, "exact")]
    assert claim.time.start.isoformat() == "2023-06-20T17:00:00+00:00"  # by 1200 EST
    assert claim.time_text == "1200 EST"


def test_the_sixty_seven_year_old_is_an_age_not_a_count(shipped_timeline):
    (claim,) = claims_with(shipped_timeline, "sixty-seven year old")
    assert all(figure.value != 67 for figure in claim.figures)


def test_pronoun_claimant_resolves_to_the_previous_one(shipped_timeline):
    (claim,) = claims_with(shipped_timeline, "They further claimed that over 100 people")
    assert claim.claimant == "national-council-of-resistance-of-iran"
    assert [(f.kind, f.value, f.qualifier) for f in claim.figures] == [("injured", 100, "more_than")]


def test_a_time_alone_before_another_time_dates_the_clause_after_them(tmp_path):
    claims = article_claims(tmp_path, "Three years ago this week, a little before midnight, a fire started in the "
                                      "spray room. In 2019, on March 3, the plant was cited.")
    assert [(claim.quote, claim.time_text, claim.time.edtf) for claim in claims] == [
        # not a claim of "Three years ago this week" alone; "midnight" of the day in focus is not in that week
        ("Three years ago this week, a little before midnight, a fire started in the spray room.",
         "Three years ago this week", "2020-06-15/2020-06-21"),
        ("In 2019, on March 3, the plant was cited.", "March 3", "2019-03-03"),  # the finer time, inside the first
    ]


def test_he_who_opens_a_sentence_is_the_person_the_sentence_before_was_about(tmp_path):
    claims = article_claims(tmp_path, (
        "Police spokesman Ardit Gjoka said on Tuesday that 12 people were arrested. The camp's director, Ali Reza, "
        "arrived at the scene on Wednesday. He said 30 residents were injured. Opposition leader Sali Bera visited "
        "on Thursday. On Friday she told reporters the police had used tear gas. Spokesman Ardit Gjoka said on "
        "Saturday the camp was calm. Sali Bera left on Sunday. He added that no one was hurt."))
    assert [claim.claimant for claim in claims] == [
        "ardit-gjoka", None, "ali-reza", None, "sali-bera", "ardit-gjoka", None,
        "ardit-gjoka",  # "added" goes on with the speaker before, not with the person spoken of
    ]


def test_cuci_is_the_claimant_and_undated_sentences_take_the_raid_day(shipped_timeline):
    (claim,) = claims_with(shipped_timeline, "not responsible for the man")
    assert claim.claimant == "bledi-cuci"
    assert claim.time.edtf == "2023-06-20"
    assert claim.time_text == ""  # inherited from "On Tuesday"
    assert event_of(shipped_timeline, "not responsible for the man") is event_of(shipped_timeline, "0638 EST")


def test_two_dates_in_one_sentence_make_two_claims(shipped_timeline):
    listing = event_of(shipped_timeline, "designated the MEK as a terrorist organization")
    delisting = event_of(shipped_timeline, "removed it from the blacklist")
    assert listing is not delisting
    assert (listing.time.edtf, delisting.time.edtf) == ("1997", "2012")
    assert listing.title == "The United States designated the MEK"



def test_a_phrase_with_no_verb_after_a_comma_is_no_claim_of_its_own(tmp_path):
    (claim,) = article_claims(tmp_path, "The country has seen two coups since independence in 1961, the last in 2003.")
    assert (claim.quote, claim.time.edtf) == (
        "The country has seen two coups since independence in 1961, the last in 2003.", "1961")
    # A clause with its own verb still is.
    claims = article_claims(tmp_path / "2", "The army seized power in 1961, and it stepped down in 2003.")
    assert [(claim.quote, claim.time.edtf) for claim in claims] == [
        ("The army seized power in 1961", "1961"), ("it stepped down in 2003.", "2003")]

def test_dated_reference_is_its_own_event(shipped_timeline):
    (agreement,) = [event for event in shipped_timeline.events
                    if any(claim.quote == "the 2014 agreement that permitted their stay in the country"
                           for claim in event.claims)]
    assert agreement.time.edtf == "2014"
    assert agreement.title == "The agreement that permitted their stay in the country"
    # ... while the ministry's explanation stays on the raid day, where "the police operation" points.
    (explanation,) = claims_with(shipped_timeline, "The Albanian interior ministry explained")
    assert explanation.time.edtf == "2023-06-20"
    assert explanation.claimant == "albanian-ministry-of-interior"


def test_different_happenings_of_one_year_stay_apart(shipped_timeline):
    until = event_of(shipped_timeline, "until 2016 when their relocation")
    since = event_of(shipped_timeline, "Since then, MEK has maintained")
    assert until is not since
    assert (until.time.qualifier.value, since.time.qualifier.value) == ("until", "since")


def test_event_ids_are_stable_names_from_date_and_title(shipped_timeline):
    raid = event_of(shipped_timeline, "0638 EST")
    assert raid.id == "2023-06-20-albanian-national-police-executed-a-special"
    assert raid.aliases == ("2023-06-20-a-deadly-clash-between-albanian-forces",)
    assert event_of(shipped_timeline, "Paris expelled").id == "1986-paris-expelled-mek"


def test_event_title_drops_the_date_and_report_frame(shipped_timeline):
    (claim,) = claims_with(shipped_timeline, "In 1986, Paris expelled")
    assert event_title(claim) == "Paris expelled MEK"
    (claim,) = claims_with(shipped_timeline, "Between 2013 and 2016")
    assert event_title(claim) == "Approximately 3,000 MEK members relocated to Albania"
    # After a leading adverb the time phrase still opens the sentence: not "Revolution, they turned ..."
    (claim,) = claims_with(shipped_timeline, "However, after the 1979 revolution")
    assert event_title(claim) == "They turned against the Islamic Republic"


def test_unseen_articles_join_the_raid_with_their_own_figures(with_unseen):
    raid = event_of(with_unseen, "0638 EST")
    assert set(raid.sources) == RAID_SOURCES | {"balkan-wire-police-defend-raid", "harbour-times-camp-search",
                                                "euro-report-camp-raid", "adriatic-wire-exiles"}
    assert raid.id == "2023-06-20-albanian-national-police-executed-a-special"  # unchanged by the new articles
    injured = dispute_values(raid, "injured")
    assert injured["21"] == {"albanian-state-police"}
    assert injured["3"] == {"albanian-media"}
    assert "mojahedin-e-khalq" in injured["more than 100"]  # the PMOI, an alias in actors.yaml
    assert "albanian-state-police" in dispute_values(raid, "killed")["1"]


def test_unseen_people_are_discovered_and_claim_what_they_said(with_unseen):
    actors = {actor.id: actor for actor in with_unseen.actors}
    assert actors["ardit-kola"].kind == "person" and actors["edi-rama"].kind == "person"
    (seized,) = claims_with(with_unseen, "150 computers had been seized")
    assert seized.claimant == "ardit-kola"
    assert [(f.kind, f.value) for f in seized.figures] == [("seized", 150)]
    (quote,) = claims_with(with_unseen, "full respect of the law")
    assert quote.claimant == "ardit-kola"  # "Kola said": the surname resolves to the full name
    (added,) = claims_with(with_unseen, "Rama added")
    assert added.claimant == "edi-rama"
    (witnesses,) = claims_with(with_unseen, "Witnesses said")
    assert actors[witnesses.claimant].name == "Witnesses"


def test_statements_are_dated_by_when_they_were_made(with_unseen):
    (arrests,) = claims_with(with_unseen, "two people had been arrested")
    assert arrests.claimant == "arta-marku"
    assert arrests.time.edtf == "2023-06-21" and arrests.time_text == "Wednesday"
    assert [(f.kind, f.value) for f in arrests.figures] == [("arrested", 2)]
    (defended,) = claims_with(with_unseen, "defended the search on Thursday")
    assert defended.time.edtf == "2023-06-22"


def test_dateline_does_not_date_the_story(with_unseen):
    (claim,) = claims_with(with_unseen, "21 officers were injured")
    assert claim.quote.startswith("Albanian police said on Thursday")  # "TIRANA, June 22 - " left out
    assert claim.time.edtf == "2023-06-20"  # "on Tuesday", not the dateline nor when police spoke


def test_a_happening_dated_differently_is_one_event_with_a_date_dispute(with_unseen):
    founding = event_of(with_unseen, "founded in 1963")
    assert founding is event_of(with_unseen, "initially established in 1965")
    (dispute,) = [d for d in founding.disputes if d.about == "date"]
    assert {value.value: len(value.claims) for value in dispute.values} == {"1963": 1, "1965": 2}
    assert founding.time.edtf == "1965"  # two sources against one


def test_same_relocation_reported_in_other_words_joins(with_unseen):
    assert event_of(with_unseen, "moved to Albania from Iraq") is event_of(with_unseen, "3,000 MEK members relocated")


def test_statement_authors_appositive_names_and_surnames(with_unseen):
    (statement,) = claims_with(with_unseen, "A police statement said")
    assert statement.claimant == "albanian-state-police"
    assert [(f.kind, f.value, f.qualifier) for f in statement.figures] == [("deployed", 1000, "more_than")]
    (death,) = claims_with(with_unseen, "one resident, Ali Mostashari, 67, died")
    assert death.claimant == "ali-safavi"
    assert [(f.kind, f.value) for f in death.figures] == [("killed", 1)]  # not 67: an age
    (quote,) = claims_with(with_unseen, "shameful act")
    assert quote.claimant == "ali-safavi"  # "Safavi said": the full name met before
    actors = {actor.id: actor for actor in with_unseen.actors}
    assert actors["ali-safavi"].kind == "person"
    (cuci,) = claims_with(with_unseen, "said in parliament on Wednesday")
    assert (cuci.claimant, cuci.time.edtf) == ("bledi-cuci", "2023-06-21")


def test_dateline_with_a_country_and_a_time_phrase_title(with_unseen):
    (raided,) = claims_with(with_unseen, "Albanian police raided a camp")
    assert raided.quote.startswith("Albanian police raided")  # "MANEZ, Albania, June 21 (Euro Report) - " left out
    assert raided.time.edtf == "2023-06-20"
    lived = event_of(with_unseen, "has lived in Albania since 2013")
    assert (lived.title, lived.time.edtf) == ("The group has lived in Albania", "2013/..")


def test_the_group_and_number_words(with_unseen):
    (followed,) = claims_with(with_unseen, "the group said")
    assert followed.claimant == "mojahedin-e-khalq"  # "the group": the nearest group named, not the police
    (hurt,) = claims_with(with_unseen, "three dozen people hurt")
    assert hurt.claimant == "mojahedin-e-khalq"
    assert [(f.kind, f.value) for f in hurt.figures] == [("killed", 1), ("injured", 36)]  # "a 67-year-old man dead"
    raid = event_of(with_unseen, "0638 EST")
    assert hurt in raid.claims
    (detained,) = claims_with(with_unseen, "Officers detained two residents")
    assert detained.claimant == "elda-bega"
    assert [(f.kind, f.value) for f in detained.figures] == [("arrested", 2)]


MARKDOWN_STORY = """# Warehouse fire at the port injures four

*By Jane Roe, Staff Writer*

**KELSO, Wash.** — A fire broke out at a warehouse on *Tuesday*, injuring four workers, officials said.

## What we know

- Two are in critical condition, the hospital said on Tuesday.
- Three were in critical condition on Wednesday, up from two on Tuesday.

The port was last hit by a major fire in **August 2019**. [Read more](https://example.org/2019)."""


def test_markdown_marks_headings_and_the_dateline_are_not_in_claims(tmp_path):
    claims = article_claims(tmp_path, MARKDOWN_STORY)
    assert [(claim.quote, claim.time.edtf) for claim in claims] == [
        ("A fire broke out at a warehouse on Tuesday, injuring four workers, officials said.", "2023-06-20"),
        ("Two are in critical condition, the hospital said on Tuesday.", "2023-06-20"),
        ("Three were in critical condition on Wednesday, up from two on Tuesday.", "2023-06-21"),
        ("The port was last hit by a major fire in August 2019.", "2019-08"),
    ]
    first = claims[0]
    assert MARKDOWN_STORY[first.start:first.end] == first.quote.replace("Tuesday", "*Tuesday*")
    assert event_title(claims[0]) == "A fire broke out at a warehouse"


def test_a_possessive_date_names_a_happening_beside_the_sentences_time(tmp_path):
    (widened,) = article_claims(tmp_path, "The zone around Tuesday's derailment site was widened on Wednesday "
                                          "afternoon, the mayor announced.")
    assert (widened.time_text, widened.time.edtf) == ("Wednesday afternoon", "2023-06-21")
    (raid,) = article_claims(tmp_path / "2", "Tuesday's raid left two people dead.")
    assert (raid.time_text, raid.time.edtf) == ("Tuesday", "2023-06-20")
    assert event_title(raid) == "Tuesday's raid left two people dead"  # the time stays: it names the raid
    (attack,) = article_claims(tmp_path / "3", "Monday's attack killed 12 people, police said on Tuesday.")
    assert (attack.time_text, attack.time.edtf) == ("Monday", "2023-06-19")  # Tuesday is when police spoke
    # A toll of the happening is about it, whenever it was counted.
    (toll,) = article_claims(tmp_path / "4", "The death toll from Monday's earthquake in the north rose to 15 "
                                             "overnight, officials said.")
    assert (toll.time_text, toll.time.edtf) == ("Monday", "2023-06-19")
    assert [(figure.kind, figure.value) for figure in toll.figures] == [("killed", 15)]


def test_days_after_a_happening_count_from_its_day(tmp_path):
    quake, rescue, warning = article_claims(
        tmp_path, "An earthquake struck the valley on Saturday. Two days after the quake, rescuers pulled a girl "
                  "from the rubble.\n\nA week before the quake, geologists had warned of the risk.")
    assert quake.time.edtf == "2023-06-17"
    assert (rescue.time_text, rescue.time.edtf, rescue.follows) == ("Two days after the quake", "2023-06-19", None)
    assert (warning.time_text, warning.time.edtf) == ("A week before the quake", "2023-06-10")
    assert event_title(rescue) == "Rescuers pulled a girl from the rubble"
    # Hours after it is still its day.
    (_, hours) = article_claims(tmp_path / "2", "A blast hit the port on Monday. Hours after the explosion, "
                                                "crews found two bodies.")
    assert (hours.time.edtf, hours.time_text) == ("2023-06-19", "")


def test_two_claimants_in_one_sentence_make_two_claims_that_may_disagree(tmp_path):
    content = content_of(tmp_path, "Clashes broke out at the border crossing on Monday. Police said three people "
                                   "were killed, while the health ministry said five died.\n\n"
                                   "The army said the crossing was closed, but gave no reason.")
    timeline = merge(extract(content), content.site)
    (police,) = claims_with(timeline, "three people")
    (ministry,) = claims_with(timeline, "five died")
    assert (police.quote, police.claimant) == ("Police said three people were killed", "police")
    assert (ministry.quote, ministry.claimant, ministry.follows) == (
        "the health ministry said five died.", "health-ministry", police.id)
    clashes = event_of(timeline, "five died")
    assert dispute_values(clashes, "killed") == {"3": {"police"}, "5": {"health-ministry"}}
    (closed,) = claims_with(timeline, "crossing was closed")  # no second claimant: one claim
    assert closed.quote == "The army said the crossing was closed, but gave no reason."


def test_a_timeline_with_colons_gives_its_entries_and_its_introduction_is_no_claim(tmp_path):
    content = content_of(tmp_path, "Here is how Monday unfolded:\n\n- 06:15: Gunmen enter the hotel.\n"
                                   "- 2.30pm: Special forces storm the building.")
    assert [(event.title, event.time.edtf) for event in merge(extract(content), content.site).events] == [
        ("Gunmen enter the hotel", "2023-06-19T06:15+02:00"),
        ("Special forces storm the building", "2023-06-19T14:30+02:00"),
    ]



def test_a_timeline_under_a_heading_with_no_day_is_on_the_day_of_the_news(tmp_path):
    # The day in focus before the list is a plan ahead (Sunday); the list is of what happened on Monday.
    content = content_of(tmp_path, "Gunmen stormed the hotel on Monday.\n\nA vigil is planned for Sunday.\n\n"
                                   "Timeline of the attack, according to police:\n\n- 06:15: Gunmen enter the hotel.\n"
                                   "- 2.30pm: Special forces storm the building.")
    claims = {claim.quote: claim.time.edtf for analysis in extract(content).analyses for claim in analysis.claims}
    assert claims["06:15: Gunmen enter the hotel."] == "2023-06-19T06:15+02:00"
    assert claims["2.30pm: Special forces storm the building."] == "2023-06-19T14:30+02:00"


def test_states_as_of_two_days_are_two_events_not_a_date_dispute(tmp_path):
    content = content_of(tmp_path, "By Monday evening the fire had burned 4,000 acres and was 5% contained.",
                         "The fire had burned 15,600 acres by Wednesday morning and was 20% contained.")
    events = merge(extract(content), content.site).events
    assert [(event.time.edtf, event.disputes) for event in events] == [("../2023-06-19", ()), ("../2023-06-21", ())]



def test_counts_that_add_up_to_the_total_are_parts_not_a_dispute(tmp_path):
    body = ("The storm killed at least nine people on Monday, officials said. In Mississippi, emergency officials "
            "reported three deaths, while Alabama authorities said six people died.")
    content = content_of(tmp_path, body)
    (event,) = merge(extract(content), content.site).events
    assert event.disputes == ()
    # One count told twice is no pair of parts: 1, 1 and 2 still disagree.
    content = content_of(tmp_path / "2", "The raid killed one man on Monday. The group said one man was killed. "
                                         "Officials said two civilians were killed.")
    (event,) = merge(extract(content), content.site).events
    assert [(d.about, [v.value for v in d.values]) for d in event.disputes] == [("killed", ["1", "2"])]


def test_counts_of_homes_are_compared_only_with_counts_of_homes(tmp_path):
    content = content_of(tmp_path, "The block, which collapsed on Monday, housed 18 families. On Monday, the block "
                                   "housed about 60 residents, officials said.",
                         "The block that collapsed on Monday housed 25 households, the council said.")
    events = merge(extract(content), content.site).events
    assert [(d.about, [v.value for v in d.values]) for event in events for d in event.disputes] == [
        ("members", ["18 families", "25 households"])]


def test_a_claimant_after_a_semicolon_speaks_for_the_second_clause_only(tmp_path):
    claims = article_claims(tmp_path, "Thirty-eight cars derailed on Monday, according to the railroad's initial "
                                      "report; the NTSB later put the number at 40.")
    assert [(claim.quote, claim.claimant) for claim in claims] == [
        ("Thirty-eight cars derailed on Monday, according to the railroad's initial report", None),
        ("the NTSB later put the number at 40.", "ntsb")]

def test_a_comparison_since_a_year_dates_nothing_and_a_semicolon_opens_a_second_claimant(tmp_path):
    claims = article_claims(tmp_path, "Thousands marched on Monday, in the largest protest since 2019. Organisers "
                                      "estimated the crowd at 55,000; police put it at 20,000.")
    assert [(claim.time.edtf, claim.claimant, [f.value for f in claim.figures]) for claim in claims] == [
        ("2023-06-19", None, [2000]), ("2023-06-19", "organisers", [55000]), ("2023-06-19", "police", [20000])]

def test_a_clause_that_says_it_happened_again_is_titled_with_what_happened(tmp_path):
    content = content_of(tmp_path, "Police raided the camp on 12 May and again on 1 June.\n\n"
                                   "Officers searched the offices in March, and again in late May, the lawyer said.\n\n"
                                   "Officers seized phones on 4 May and again raided the offices on 20 May.")
    assert [(event.title, event.time.edtf) for event in merge(extract(content), content.site).events] == [
        ("Officers searched the offices", "2023-03"),
        ("Officers seized phones", "2023-05-04"),
        ("Police raided the camp", "2023-05-12"),
        ("Officers again raided the offices", "2023-05-20"),  # says what happened: no repeat of the seizure
        ("Officers searched the offices again", "2023-05"),  # late May comes after the 20th
        ("Police raided the camp again", "2023-06-01"),
    ]


def test_a_time_told_in_two_zones_and_its_day_are_one_time_that_the_title_drops(tmp_path):
    (claim,) = article_claims(tmp_path, "The ferry sank at 3 p.m. local time (1200 GMT) on Tuesday off the coast.")
    assert claim.time_text == "3 p.m. local time (1200 GMT) on Tuesday"
    assert event_title(claim) == "The ferry sank off the coast"


def test_a_paragraph_after_a_look_back_goes_on_with_the_story(tmp_path):
    claims = article_claims(tmp_path, "Soldiers seized the broadcaster on Monday.\n\nA week earlier, the ministry "
                                      "had warned of unrest. It said troops were moving.\n\nThe army said four were "
                                      "killed.\n\nIn 2019, the army had staged a coup.\n\nThey ruled for a year.")
    assert [(claim.quote, claim.time.edtf) for claim in claims] == [
        ("Soldiers seized the broadcaster on Monday.", "2023-06-19"),
        ("A week earlier, the ministry had warned of unrest.", "2023-06-12/2023-06-18"),
        ("It said troops were moving.", "2023-06-12/2023-06-18"),  # the look back goes on in its paragraph
        ("The army said four were killed.", "2023-06-19"),  # a new paragraph is the story's again
        ("In 2019, the army had staged a coup.", "2019"),
        ("They ruled for a year.", "2019"),  # "they": the look back goes on
    ]


def test_two_times_in_one_clause_give_one_claim_dated_by_the_first(tmp_path):
    # Not cut before "2019": no claim ends "... he had bought in".
    (claim,) = article_claims(tmp_path, "Police arrested him on Monday at the house he bought in 2019 with cash.")
    assert (claim.quote, claim.time.edtf) == ("Police arrested him on Monday at the house he bought in 2019 with cash.",
                                               "2023-06-19")


def test_a_night_is_named_after_the_day_it_follows(tmp_path):
    (claim,) = article_claims(tmp_path, "Crews fought the fire through the night, officials said.")
    assert claim.time.edtf == "2023-06-20"  # told at 10:00 on the 21st: the night that just ended
    assert describe_time(claim.time, ZoneInfo("Europe/Tirane")) == "20 June 2023, night"


def test_a_bare_acronym_joins_the_organisation_it_stands_for(tmp_path):
    content = content_of(tmp_path, "Investigators from the National Transportation Safety Board arrived on Monday.",
                         "The NTSB said on Tuesday that 40 cars derailed. NTSB board member Alvin Brown said 11 "
                         "carried vinyl chloride.")
    timeline = merge(extract(content), content.site)
    actors = {actor.id: actor for actor in timeline.actors}
    assert actors["national-transportation-safety-board"].aliases == ("NTSB",)
    assert "ntsb" not in actors
    (said,) = claims_with(timeline, "40 cars derailed")
    assert said.claimant == "national-transportation-safety-board"
    (brown,) = claims_with(timeline, "vinyl chloride")
    assert (brown.claimant, actors["alvin-brown"].kind) == ("alvin-brown", "person")
    assert describe_time(event_of(timeline, "40 cars").time, ZoneInfo("Europe/Tirane")) == "20 June 2023"


def test_a_timeline_of_entries_gives_titled_claims_and_a_correction_note_is_none(tmp_path):
    content = content_of(tmp_path, "- **19 June, 14:30** – Management calls police to the gate.\n"
                                   "- **20 June** – About 1,200 workers join the strike, according to the union.\n"
                                   "- **20 June, 22:15** – Police clear the gate; 14 strikers are detained.\n\n"
                                   "*Correction, 21 June: an earlier version said 17 strikers were detained.*")
    timeline = merge(extract(content), content.site)
    assert [(event.title, event.time.edtf) for event in timeline.events] == [
        ("Management calls police to the gate", "2023-06-19T14:30+02:00"),
        ("About 1,200 workers join the strike", "2023-06-20"),
        ("Police clear the gate", "2023-06-20T22:15+02:00"),
    ]
    (detained,) = claims_with(timeline, "strikers are detained")
    assert [(figure.kind, figure.value) for figure in detained.figures] == [("arrested", 14)]


def test_a_clause_without_a_subject_is_titled_with_the_subject_it_shares(tmp_path):
    content = content_of(tmp_path, "Torrential rain began on Monday afternoon and continued into the early hours of "
                                   "Tuesday. The United States designated the group in 1997 but removed it from "
                                   "the list in 2012. The ministry said that the camp was closed in 2019 and "
                                   "reopened in 2021.")
    assert [(event.title, event.time.edtf) for event in merge(extract(content), content.site).events] == [
        ("The United States designated the group", "1997"),
        ("The United States removed it from the list", "2012"),
        ("The camp was closed", "2019"),
        ("The camp reopened", "2021"),  # not "The ministry reopened": who said so is not who did it
        ("Torrential rain began", "2023-06-19"),
        ("Torrential rain continued", "2023-06-20"),  # "into the early hours of Tuesday" went with its time
    ]


def test_a_live_report_s_entries_and_a_closing_attribution(tmp_path):
    content = content_of(tmp_path,
                         "**21.40 BST** Police say 43 people have been arrested so far today.\n\n"
                         "**19.15 BST** Riot police used water cannon on Rua Augusta, our reporter Sofia Mendes "
                         "says.\n\n"
                         "**16.02 BST** The interior minister, Rui Carvalho, tells Portuguese TV that order will be "
                         "kept.\n\n**11.00 BST** Welcome to our live coverage of the summit protests.",
                         "Police arrested 51 people on Tuesday, the PSP police force said on Wednesday.")
    timeline = merge(extract(content), content.site)
    (say,) = claims_with(timeline, "43 people")
    assert (say.claimant, say.time.edtf) == ("police", "2023-06-21T21:40+01:00")
    assert not claims_with(timeline, "Welcome")  # the greeting is no claim
    (arrested,) = claims_with(timeline, "51 people")  # one claim: who said it is not a claim of its own
    assert arrested.quote == "Police arrested 51 people on Tuesday, the PSP police force said on Wednesday."
    assert "Order will be kept" in [event.title for event in timeline.events]
    kinds = {actor.name: actor.kind for actor in timeline.actors}
    assert "Rua Augusta" not in kinds and kinds["Sofia Mendes"] == "person"


def test_a_citations_date_is_when_it_was_said_not_when_it_happened(tmp_path):
    content = content_of(tmp_path, "At about 14:30 on 13 June soldiers fired on the crowd. A doctor said staff "
                                   "received three bodies that evening; a fourth victim was taken home by relatives "
                                   "(interview, 20 June 2023).")
    timeline = merge(extract(content), content.site)
    (taken_home,) = claims_with(timeline, "taken home")
    assert taken_home.time.edtf.startswith("2023-06-13")  # the evening of the 13th, not the day of the interview


def test_a_statement_s_figures_and_titles(tmp_path):
    content = content_of(tmp_path, "As of 20/06/2023, 21:00 hours, the Ministry of Mining reports: 20 workers rescued "
                                   "alive; 7 deceased; 7 unaccounted for.",
                         "Tuesday's collapse, at about 4:50 a.m. local time (0250 GMT), trapped 34 workers.")
    titles = {event.title: event for event in merge(extract(content), content.site).events}
    assert sorted(titles) == ["20 workers rescued alive", "Tuesday's collapse trapped 34 workers"]
    (report,) = titles["20 workers rescued alive"].claims
    assert report.time.edtf == "2023-06-20T21:00+02:00"
    assert [(figure.kind, figure.value) for figure in report.figures] == [("killed", 7), ("missing", 7)]


def test_a_press_release_s_dateline_furniture_and_time_of_saying(tmp_path):
    content = content_of(tmp_path,
                         "FOR IMMEDIATE RELEASE\n\n"
                         "ATLANTA, June 21, 2023 /PRNewswire/ -- Norfolk Rail Corporation (NYSE: NRC) today confirmed "
                         "that one of its trains derailed in Millbrook, at approximately 9:47 p.m. on Monday, June 19."
                         "\n\nThe company ran a help centre from 8 a.m. to 8 p.m. on Tuesday.\n\n"
                         "About Norfolk Rail\n\nSince 1827, Norfolk Rail has moved the goods that drive the economy."
                         "\n\nMedia Contact: Jane Doe, media@example.org\n\n###\n")
    timeline = merge(extract(content), content.site)
    zone = ZoneInfo("Europe/Tirane")
    assert [(event.title, describe_time(event.time, zone)) for event in timeline.events] == [
        ("One of its trains derailed in Millbrook", "about 19 June 2023, 21:47 local time"),  # not dated "today"
        ("The company ran a help centre on Tuesday", "20 June 2023, 08:00–20:00 local time"),
    ]


def test_an_interview_s_questions_and_edit_note_are_no_claims(tmp_path):
    content = content_of(tmp_path, "**When did you first notice the cracks?**\n\nAround the beginning of June. I walk "
                                   "my dog over it every morning.\n\n**Did anyone come?**\n\nA man came on Monday."
                                   "\n\n*This interview has been edited for length and clarity.*")
    timeline = merge(extract(content), content.site)
    assert not [claim for claim in timeline.claims if "?" in claim.quote or "edited" in claim.quote]
    assert [(event.title, event.time.edtf) for event in timeline.events] == [
        ("I walk my dog over it every morning", "2023-06"),  # the first claim is nothing but its time
        ("A man came", "2023-06-19"),
    ]


def test_a_date_in_a_participle_between_commas_describes_the_noun_before_it(tmp_path):
    content = content_of(tmp_path, "The council said the bridge, built in 1885, was last fully inspected in March "
                                   "2023.")
    timeline = merge(extract(content), content.site)
    assert [(event.title, event.time.edtf) for event in timeline.events] == [
        ("The bridge, built in 1885", "1885"),
        ("The bridge was last fully inspected", "2023-03"),  # not dated 1885, nor titled "The bridge, built"
    ]


@pytest.mark.parametrize(("body", "described"), [
    ("Since the winter of 2022, prices have risen.", "since winter 2022"),  # the season as EDTF names it
    ("The bridge will not reopen before the summer of 2026.", "before summer 2026"),
])
def test_a_season_is_described_by_its_own_year(tmp_path, body, described):
    (claim,) = article_claims(tmp_path, body)
    assert describe_time(claim.time, ZoneInfo("Europe/Tirane")) == described
