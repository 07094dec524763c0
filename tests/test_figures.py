"""Counts in sentences: kind, value, qualifier, offsets."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mekraid_site.figures import FIGURE_KINDS, QUALIFIERS, find_figures


def facts(text: str) -> list[tuple[str, int, str]]:
    """(kind, value, qualifier) of each figure."""
    return [(f.kind, f.value, f.qualifier) for f in find_figures(text)]


def test_kinds_are_documented() -> None:
    assert set(FIGURE_KINDS) == {"killed", "injured", "arrested", "deployed", "seized", "members", "displaced",
                                 "missing", "protesters"}
    assert all(FIGURE_KINDS.values())


def test_elided_noun_takes_kind_from_its_own_predicate() -> None:
    text = "local Albanian media reported that at least one person had died and 36 had been wounded as protestors"
    assert facts(text) == [("killed", 1, "at_least"), ("injured", 36, "exact")]


def test_offsets_and_text_cover_qualifier_number_and_noun() -> None:
    text = "Officials said at least one person had died."
    (figure,) = find_figures(text, offset=100)
    assert figure.text == "at least one person"
    assert (figure.start, figure.end) == (115, 134)
    assert text[figure.start - 100 : figure.end - 100] == figure.text


def test_a_number_inside_a_time_expression_is_not_a_count() -> None:
    # A number the time engine took as part of a time is not read again as a count; one beside a time is.
    text = "By then 12 officers were hurt."
    assert [(f.kind, f.value) for f in find_figures(text, offset=10)] == [("injured", 12)]
    assert find_figures(text, offset=10, times=[(18, 20)]) == []
    assert [(f.kind, f.value) for f in find_figures("In 2031 40 people were hurt", times=[(3, 7)])] == [("injured", 40)]


def test_number_word_with_person_noun() -> None:
    assert facts("a statement asserting that one man was killed and several others were injured") == [
        ("killed", 1, "exact"),
        ("injured", 3, "several"),
    ]


def test_death_of_one_person() -> None:
    assert facts("Tragically, the clash resulted in the death of one person.") == [("killed", 1, "exact")]


def test_over_is_more_than_and_sustained_injuries_is_injured() -> None:
    assert facts("They further claimed that over 100 people sustained injuries.") == [("injured", 100, "more_than")]


def test_civilians_died() -> None:
    assert facts("Officials claimed that two civilians died in unrelated situations.") == [("killed", 2, "exact")]


def test_members_relocated_with_thousands_separator() -> None:
    text = "Between 2013 and 2016, approximately 3,000 MEK members relocated to Albania."
    assert facts(text) == [("members", 3000, "about")]


def test_personnel_and_families_are_members() -> None:
    text = "the group has maintained their camp of more than 5,000 personnel and their families in the country"
    assert facts(text) == [("members", 5000, "more_than")]


def test_critical_condition_counts_as_injured() -> None:
    assert facts("several individuals were in critical condition") == [("injured", 3, "several")]


@pytest.mark.parametrize(
    "text",
    [
        "a sixty-seven year old man going into cardiac arrest",
        "the victim, aged 67, died",
        "John Smith, 67, a retiree, died at the scene",
    ],
)
def test_ages_are_never_counts(text: str) -> None:
    assert facts(text) == []


def test_an_article_counts_one_person_and_the_age_is_left_out() -> None:
    assert facts("a 67-year-old man was killed") == [("killed", 1, "exact")]
    assert facts("A protester was killed and an officer was injured.") == [("killed", 1, "exact"),
                                                                           ("injured", 1, "exact")]
    assert facts("A member of parliament said the vote was close.") == []


@pytest.mark.parametrize(
    "text",
    [
        "In 1986, Paris expelled the group.",
        "the 2014 agreement that permitted their stay",
        "At approximately 0638 EST, reports began to emerge.",
        "Albanian officials claimed by 1200 EST that nothing happened.",
        "The strike began at 12:00 and ended on 20 June.",
        "Turnout fell to 45% and the fine was $300 for protesters.",
        "The second raid killed nobody.",
        "The quake, a magnitude 6.4 event, struck 10 km from the town.",
    ],
)
def test_years_times_dates_percentages_money_measures_ordinals_are_not_counts(text: str) -> None:
    assert facts(text) == []


def test_count_without_identifiable_kind_gives_nothing() -> None:
    assert facts("Thirteen countries condemned the raid; 13 countries sent envoys.") == []


def test_vague_words_without_kind_give_nothing() -> None:
    assert facts("after coordinating several demonstrations and attacks") == []


def test_earthquake_killed_and_injured_by_preceding_verbs() -> None:
    text = "The earthquake killed at least 12 people and injured 40 others."
    assert facts(text) == [("killed", 12, "at_least"), ("injured", 40, "exact")]


def test_death_toll() -> None:
    assert facts("The death toll from the factory fire rose to 45 on Tuesday.") == [("killed", 45, "exact")]
    assert facts("The death toll from Sunday's earthquake in central Italy rose to 15 overnight.") == [
        ("killed", 15, "exact")]
    assert facts("The number of dead rose to 15.") == [("killed", 15, "exact")]
    assert facts("Police arrested 12 yesterday.") == [("arrested", 12, "exact")]
    assert facts("The number of injured rose to 120.") == [("injured", 120, "exact")]
    assert facts("The number of arrests climbed to 300 on Sunday.") == [("arrested", 300, "exact")]
    assert facts("A number of injured were taken to 2 hospitals.") == []


def test_all_of_a_count_is_the_count() -> None:
    assert facts("The plane crashed, killing all 157 people on board.") == [("killed", 157, "exact")]
    assert facts("Police arrested all 40 protesters.") == [("arrested", 40, "exact")]


def test_a_revised_count_is_the_count_after_the_revision() -> None:
    assert facts("The toll rose from 12 to 19.") == [("killed", 19, "exact")]
    assert facts("The death toll was revised down to 125 from an earlier 174.") == [("killed", 125, "exact")]
    assert facts("Police raised the number of arrests from 40 to 57.") == [("arrested", 57, "exact")]
    assert facts("Five people from the village were killed.") == [("killed", 5, "exact")]


def test_some_of_the_casualties_is_no_count_of_them() -> None:
    assert facts("Two of the injured were taken to Leeds General Infirmary.") == []
    assert facts("Of the 87 injured, 12 remain in critical condition.") == [("injured", 87, "exact")]
    # The relative clause says what befell the whole: the whole is the count, not the part.
    assert facts("Two of the 14 people who died in the crush were children.") == [("killed", 14, "exact")]
    assert facts("Four of the 12 miners who were trapped have died.") == [("killed", 4, "exact")]
    assert facts("Many of the people who died at home were older farmers.") == []
    assert facts("Among the dead, three were children. Of those, two were brothers.") == []
    assert facts("One of the dead was a child.") == []
    assert facts("Two of them were injured.") == [("injured", 2, "exact")]


def test_those_among_the_casualties_are_no_count_of_them() -> None:
    assert facts("Two New Zealanders are among the people missing, police said.") == []
    assert facts("Two children were also among the dead.") == []
    assert facts("Three firefighters are among the 12 injured.") == [("injured", 12, "exact")]
    assert facts("Twelve people were killed, among them two children.") == [("killed", 12, "exact")]


def test_deaths_are_killed_whatever_wounds_caused_them() -> None:
    assert facts("Hospital records list 22 deaths from gunshot wounds.") == [("killed", 22, "exact")]
    assert facts("Police found 3 bodies with stab wounds.") == [("killed", 3, "exact")]
    assert facts("Five detainees were injured.") == [("injured", 5, "exact")]
    assert facts("Two injured later died.") == [("killed", 2, "exact")]


def test_lakh_and_crore_scale_a_count() -> None:
    assert facts("Nearly 1.5 lakh people were displaced by the floods.") == [("displaced", 150_000, "nearly")]
    assert facts("Two lakh people were evacuated.") == [("displaced", 200_000, "exact")]
    assert facts("More than 3 lakhs people were evacuated.") == [("displaced", 300_000, "more_than")]


def test_a_toll_of_dead_and_missing_is_two_counts_and_more_bodies_are_none() -> None:
    assert facts("The coast guard put the toll at 12 dead and 27 missing.") == [
        ("killed", 12, "exact"), ("missing", 27, "exact")]
    assert facts("Divers retrieved three more bodies from the lounge.") == []
    assert facts("3 police and 5 protesters were injured.") == [("injured", 8, "exact")]


def test_what_a_day_or_a_period_of_hours_added_is_not_the_toll() -> None:
    assert facts("In the last 24 hours, 4 bodies were recovered and 8 persons rescued alive.") == []
    assert facts("The ministry recorded 12 new deaths.") == []
    assert facts("Twelve people died in the 24 hours to 8am, bringing the toll to 31.") == [("killed", 31, "exact")]
    assert facts("In the past 48 hours, the toll has risen to 31 dead.") == [("killed", 31, "exact")]
    # Not a day's addition: a longer period may hold the whole count, and "the last week of" names a time.
    assert facts("Over the past three days, 300 people were arrested.") == [("arrested", 300, "exact")]
    assert facts("Police said 14 people had died since the last week of July.") == [("killed", 14, "exact")]


def test_arrests_with_dozen() -> None:
    text = "Police in Santiago arrested 15 protesters and detained three dozen more."
    assert facts(text) == [("arrested", 15, "exact"), ("arrested", 36, "exact")]


def test_taken_into_custody() -> None:
    assert facts("More than 300 people were taken into custody.") == [("arrested", 300, "more_than")]


def test_deployed_police() -> None:
    assert facts("Some 2,000 riot police were deployed around the square.") == [("deployed", 2000, "about")]


def test_took_part_counts_personnel_and_in_a_protest_protesters() -> None:
    text = "Fewer than 10 people took part in the march, while 200 officers took part in the raid."
    assert facts(text) == [("protesters", 10, "up_to"), ("deployed", 200, "exact")]
    assert facts("200 volunteers took part in the search.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The ministry counted 18,000 demonstrators.", [("protesters", 18000, "exact")]),
    ("Tens of thousands of people marched through Lyon.", [("protesters", 20000, "several")]),
    ("Organisers estimated the crowd at 55,000; police put it at 20,000.", [("protesters", 55000, "exact"),
                                                                          ("protesters", 20000, "exact")]),
    ("Police fired tear gas at several hundred protesters.", [("protesters", 300, "several")]),
    ("Police arrested 40 protesters.", [("arrested", 40, "exact")]),  # what befell them, first
    ("Twenty-three people were taken in for questioning.", [("arrested", 23, "exact")]),
])
def test_a_crowd_is_counted_as_protesters(text, expected) -> None:
    assert facts(text) == expected


def test_seized_items() -> None:
    text = "Investigators seized 50 computers and 20 mobile phones."
    assert facts(text) == [("seized", 50, "exact"), ("seized", 20, "exact")]


def test_displaced_and_missing() -> None:
    text = "About 1.2 million people were evacuated, and at least five workers remain missing."
    assert facts(text) == [("displaced", 1200000, "about"), ("missing", 5, "at_least")]


def test_vague_quantities_give_lower_bounds() -> None:
    text = "Dozens of people were injured and hundreds were arrested."
    assert facts(text) == [("injured", 24, "several"), ("arrested", 200, "several")]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("As many as 40 people may have died.", "up_to"),
        ("Up to 40 people may have died.", "up_to"),
        ("Nearly 40 people died.", "nearly"),
        ("Almost 40 people died.", "nearly"),
        ("No fewer than 40 people died.", "at_least"),
        ("Upwards of 40 people died.", "more_than"),
        ("Roughly 40 people died.", "about"),
        ("40 people or more died.", "at_least"),
        ("40 or more people died.", "at_least"),
    ],
)
def test_qualifiers(text: str, qualifier: str) -> None:
    assert facts(text) == [("killed", 40, qualifier)]


def test_predicate_beats_noun_default() -> None:
    assert facts("Two police officers were injured and one of them died.") == [
        ("injured", 2, "exact"),
        ("killed", 1, "exact"),
    ]


def test_negated_predicate_gives_nothing() -> None:
    assert facts("No one was hurt, and 12 workers were not injured.") == []


def test_hyphenated_number_words() -> None:
    assert facts("The blast killed twenty-one miners.") == [("killed", 21, "exact")]


@settings(max_examples=150, deadline=None)
@given(st.text(), st.integers(min_value=0, max_value=10_000))
def test_never_raises_and_offsets_are_consistent(text: str, offset: int) -> None:
    for figure in find_figures(text, offset):
        assert 0 <= figure.start - offset <= figure.end - offset <= len(text)
        assert text[figure.start - offset : figure.end - offset] == figure.text
        assert figure.kind in FIGURE_KINDS and figure.qualifier in QUALIFIERS
        assert figure.value >= 0


@pytest.mark.parametrize(("text", "expected"), [
    ("Three people from 2 families died in the blaze.", [("killed", 3, "Three people")]),
    ("Five members of 2 families were killed.", [("killed", 5, "Five members")]),
    ("Ten workers in 3 mines were injured.", [("injured", 10, "Ten workers")]),
])
def test_a_number_inside_a_counts_noun_phrase_leaves_the_predicate_to_the_count(text, expected) -> None:
    assert [(f.kind, f.value, f.text) for f in find_figures(text)] == expected



@pytest.mark.parametrize(("text", "expected"), [
    # One verb, several groups of people: one count, added up.
    ("A gunman killed 13 children and two teachers in the school.", [("killed", 15, "13 children and two teachers")]),
    ("3 police and 5 protesters were injured.", [("injured", 8, "3 police and 5 protesters")]),
    ("Three women, two men and a boy died.", [("killed", 6, "Three women, two men and a boy")]),
    # Each with words of its own, or things seized, or a range: not added.
    ("The raid left a man dead and three dozen people hurt.", [("killed", 1, "a man dead"),
                                                               ("injured", 36, "three dozen people")]),
    ("Investigators seized 50 computers and 20 phones.", [("seized", 50, "50 computers"), ("seized", 20, "20 phones")]),
    ("Between 10 and 12 people were killed.", [("killed", 12, "12 people")]),
])
def test_counts_joined_by_and_are_one_count(text, expected) -> None:
    assert [(f.kind, f.value, f.text) for f in find_figures(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Six people, including 2 children, were killed.", [("killed", 6, "Six people")]),
    ("At least 17 other people were wounded, including three officers.", [("injured", 17, "At least 17 other people")]),
    ("40 people, among them 12 children and 3 nurses, were evacuated.", [("displaced", 40, "40 people")]),
])
def test_a_part_named_in_an_aside_is_no_count_of_its_own(text, expected) -> None:
    assert [(f.kind, f.value, f.text) for f in find_figures(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "N of the M ...": the part is the count when the verb tells what happened to it ...
    ("By dawn, five of the 14 people on the night shift were dead.", [("killed", 5, "exact")]),
    ("Three of the 20 passengers were killed.", [("killed", 3, "exact")]),
    # ... the whole when its own participle does, and the verb tells something else of the part
    ("Six of the 40 people arrested were released.", [("arrested", 40, "exact")]),
    ("Two of the 31 people killed were children.", [("killed", 31, "exact")]),
])
def test_some_of_a_number_of_people(text, expected) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The fire forced about 30,000 residents to evacuate.", [("displaced", 30000, "about")]),
    ("Some 35,000 people remained under evacuation orders.", [("displaced", 35000, "about")]),
    # who the one was, set off by commas: neither a second count nor a list
    ("One resident, an 81-year-old man, was found dead.", [("killed", 1, "exact")]),
    ("The bodies of 21 people, including four children, were recovered.", [("killed", 21, "exact")]),
])
def test_evacuations_and_a_described_victim(text, expected) -> None:
    assert facts(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Three more people died overnight, raising the death toll to 31.", [("killed", 31, "exact")]),
    ("The ministry reported three deaths on Monday, bringing the total to 27 deaths.", [("killed", 27, "exact")]),
    # without a total, what was added stays
    ("Police arrested 15 protesters and detained three dozen more.", [("arrested", 15, "exact"),
                                                                       ("arrested", 36, "exact")]),
])
def test_a_total_the_sentence_brings_a_count_to_is_the_count(text, expected) -> None:
    assert facts(text) == expected

_WORDS = st.sampled_from(
    "at least about over one two 36 3,000 people were killed injured arrested and the police members had been "
    "died several dozens of 1986 EST year old , . aged".split()
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=25).map(" ".join))
def test_sentence_like_text_is_consistent(text: str) -> None:
    for figure in find_figures(text):
        assert text[figure.start : figure.end] == figure.text
