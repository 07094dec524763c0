"""Claimants of reported speech, titles and surnames."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mekraid_site.attribution import Attribution, FullNames, find_claimant, strip_title


def claimant(sentence: str) -> tuple[str, str] | None:
    """(name, verb) of the sentence's claimant."""
    found = find_claimant(sentence)
    if found is None:
        return None
    assert sentence[found.start : found.end] == found.name
    return found.name, found.verb


def test_titled_person_clarified() -> None:
    sentence = ("Albanian Interior Minister Bledi Cuci clarified that while members resisted, "
                "the police were not responsible.")
    assert claimant(sentence) == ("Albanian Interior Minister Bledi Cuci", "clarified")


def test_leading_adverbial_with_time_is_not_part_of_name() -> None:
    sentence = "By 0651 EST, local Albanian media reported that at least one person had died."
    assert find_claimant(sentence) == Attribution("local Albanian media", 13, 33, "reported")



@pytest.mark.parametrize(("sentence", "expected"), [
    ("On Thursday he said that was not true.", ("he", "said")),
    ("Later the police said the road was shut.", ("the police", "said")),
    ("Yesterday she told reporters it had failed.", ("she", "told")),
    ("Monday Night Football said nothing.", ("Monday Night Football", "said")),  # a name, not a time
    # a sentence's first word, capitalised, heads its phrase as it would in the middle of one
    ("Officials at the scene said 12 were hurt.", ("Officials at the scene", "said")),
    ("Residents near the plant said they heard a blast.", ("Residents near the plant", "said")),
])
def test_a_time_before_the_subject_without_a_comma_is_not_the_claimant(sentence, expected) -> None:
    assert claimant(sentence) == expected

def test_inserted_time_phrase_after_verb() -> None:
    sentence = "However, Albanian officials claimed by 1200 EST, that two civilians died."
    assert claimant(sentence) == ("Albanian officials", "claimed")


def test_relative_clause_between_subject_and_released_a_statement() -> None:
    sentence = (
        "However, the National Council of Resistance of Iran, of which the MEK is a leading member, "
        "released a statement asserting that one man was killed."
    )
    assert claimant(sentence) == ("the National Council of Resistance of Iran", "released a statement")


def test_pronoun_with_adverb_further_claimed() -> None:
    found = find_claimant("They further claimed that over 100 people sustained injuries.")
    assert found == Attribution("They", 0, 4, "claimed", pronoun=True)


def test_auxiliary_had_expressed_concerns() -> None:
    sentence = "The Albanian Prosecutor’s Office had expressed concerns about the group’s alleged involvement."
    assert claimant(sentence) == ("The Albanian Prosecutor’s Office", "expressed concerns")


def test_lowercase_institution_explained_is_not_anaphora() -> None:
    found = find_claimant("The Albanian interior ministry explained that the operation was lawful.")
    assert found is not None and found.name == "The Albanian interior ministry" and not found.pronoun


def test_bare_definite_description_is_anaphora() -> None:
    found = find_claimant("The ministry accused the group of violating the agreement.")
    assert found is not None and (found.name, found.verb, found.pronoun) == ("The ministry", "accused", True)


def test_generic_actor_is_not_anaphora() -> None:
    found = find_claimant("The police said the fire started in the basement.")
    assert found is not None and not found.pronoun


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The coast guard said two bodies were found.", ("The coast guard", False)),
    ("The navy said its divers reached the wreck.", ("The navy", False)),
    ("The airline said the crew was experienced.", ("The airline", True)),  # the airline named before
    ("The club said the gates opened at six.", ("The club", True)),
    ("The utility said power was back.", ("The utility", True)),
])
def test_services_and_bodies_named_by_a_common_noun_speak(sentence, expected) -> None:
    found = find_claimant(sentence)
    assert found is not None and (found.name, found.pronoun) == expected


@pytest.mark.parametrize("sentence", [
    "Situation reports are issued twice a week.", "Police reports show two people died.",
    "Media reports from the town put the toll at 12."])
def test_reports_before_their_own_verb_are_a_noun_not_a_reporting_verb(sentence) -> None:
    assert find_claimant(sentence) is None


def test_denial() -> None:
    found = find_claimant("The factory owner denied that safety rules had been broken.")
    assert found is not None and (found.name, found.denial) == ("The factory owner", True)


def test_according_to() -> None:
    found = claimant("According to the fire brigade, 12 workers died in the blaze.")
    assert found == ("the fire brigade", "according to")


def test_according_to_mid_sentence() -> None:
    assert claimant("Twelve people died, according to local media in Chile.") == ("local media", "according to")


def test_inverted_said_after_quote() -> None:
    assert claimant("“We will rebuild,” said Mayor Jane Doe.") == ("Mayor Jane Doe", "said")


def test_subject_said_after_quote() -> None:
    assert claimant("“We will rebuild,” the mayor said.") == ("the mayor", "said")


def test_reporting_verb_inside_quote_is_not_main_clause() -> None:
    assert claimant('"They said we would be safe," a resident told reporters.') == ("a resident", "told")


def test_statement_released_by() -> None:
    sentence = "A statement released by the Ministry of Health said 40 people were hurt."
    assert claimant(sentence) == ("the Ministry of Health", "a statement released by")


def test_in_a_statement() -> None:
    sentence = "In a statement, the Chilean Interior Ministry denied that police fired on protesters."
    assert claimant(sentence) == ("the Chilean Interior Ministry", "in a statement")


def test_appositive_role_is_skipped() -> None:
    assert claimant("John Smith, the spokesman, said the plant was closed.") == ("John Smith", "said")


def test_a_role_then_the_name_in_commas_the_person_speaks() -> None:
    assert claimant('The regional president, Carlos Mazón, said: "We did everything we could."') == (
        "Carlos Mazón", "said")
    assert claimant("Its director, Ana Lopez, told reporters the plant was safe.") == ("Ana Lopez", "told")
    assert find_claimant("The group, Amnesty International, said it was alarmed.") is None  # no person in commas
    # An age after the name goes with it.
    assert claimant("A resident, Margaret Ellis, 71, said she had reported cracks.") == ("Margaret Ellis", "said")
    assert claimant("Margaret Ellis, 71, said she had reported cracks.") == ("Margaret Ellis", "said")


def test_witnesses_told_reporters() -> None:
    assert claimant("Witnesses told reporters that the ground shook for a minute.") == ("Witnesses", "told")


def test_leading_time_phrase_without_comma() -> None:
    assert claimant("Later on Tuesday the ministry confirmed two deaths.") == ("the ministry", "confirmed")


@pytest.mark.parametrize(
    "sentence",
    [
        "A deadly clash was reported in the capital.",
        "At approximately 0638 EST, reports began to emerge that the raid had started.",
        "Some have speculated increased pressure on the government.",
        "The clash between police and protesters in Lima has raised significant concerns.",
        "It is not clear why the raid occurred, other than Albanian stated goals of keeping order.",
        "Since then, the group has maintained their camp in the country.",
        "The United States designated the group as a terrorist organization in 1997.",
    ],
)
def test_no_claimant(sentence: str) -> None:
    assert find_claimant(sentence) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Albanian Interior Minister Bledi Cuci", ("Bledi Cuci", "Albanian Interior Minister")),
        ("Prime Minister Edi Rama", ("Edi Rama", "Prime Minister")),
        ("Mr. John Smith", ("John Smith", "Mr.")),
        ("Dr Ana Lopez", ("Ana Lopez", "Dr")),
        ("President Gabriel Boric", ("Gabriel Boric", "President")),
        ("spokesman John Smith", ("John Smith", "spokesman")),
        ("John Smith, the spokesman", ("John Smith", "spokesman")),
        ("Minister of Interior Bledi Cuci", ("Bledi Cuci", "Minister of Interior")),
        ("Karen Sanchez of the National Weather Service", ("Karen Sanchez", "of the National Weather Service")),
        ("Police Chief Ana Lopez of Riverton", ("Ana Lopez", "Police Chief of Riverton")),
        ("Central Bank of Iran", ("Central Bank of Iran", None)),
        ("National Council of Resistance of Iran", ("National Council of Resistance of Iran", None)),
        ("John Major", ("John Major", None)),
        ("the spokesman", ("the spokesman", None)),
        ("Sheriff Mark Dillon", ("Mark Dillon", "Sheriff")),
        ("County Judge-Executive Wanda Pryor", ("Wanda Pryor", "County Judge-Executive")),
        ("NTSB board member Alvin Brown", ("Alvin Brown", "NTSB board member")),
        ("FBI agent John Smith", ("John Smith", "FBI agent")),
        ("Mary Smith-Jones", ("Mary Smith-Jones", None)),
    ],
)
def test_strip_title(name: str, expected: tuple[str, str | None]) -> None:
    assert strip_title(name) == expected


def test_resolve_surname_to_full_name_met_earlier() -> None:
    assert FullNames(["Edi Rama", "Interior Minister Bledi Cuci"]).resolve("Cuci") == "Bledi Cuci"


def test_resolve_surname_with_title_and_diacritics() -> None:
    assert FullNames(["Hans Muller"]).resolve("Mr Müller") == "Hans Muller"


def test_resolve_surname_prefers_latest_full_name() -> None:
    assert FullNames(["John Smith", "Jane Smith"]).resolve("Smith") == "Jane Smith"


def test_resolve_unknown_surname() -> None:
    assert FullNames(["Bledi Cuci"]).resolve("Smith") is None


_WORDS = st.sampled_from(
    'said claimed according to the ministry officials , “ ” " They however By 0651 EST that denied in a '
    "statement released by police Mr. Smith who was reported".split()
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(), st.lists(_WORDS, max_size=20).map(" ".join)))
def test_find_claimant_never_raises_and_offsets_are_consistent(sentence: str) -> None:
    found = find_claimant(sentence)
    if found is not None:
        assert 0 <= found.start < found.end <= len(sentence)
        assert sentence[found.start : found.end] == found.name


@settings(max_examples=150, deadline=None)
@given(st.text(), st.lists(st.text(max_size=30), max_size=5))
def test_title_and_surname_functions_never_raise(name: str, known: list[str]) -> None:
    bare, title = strip_title(name)
    assert isinstance(bare, str) and (title is None or isinstance(title, str))
    full = FullNames(known).resolve(name)
    assert full is None or isinstance(full, str)


@pytest.mark.parametrize(("sentence", "name"), [
    ("Governor Ivey posted on Facebook that the storm had passed.", "Governor Ivey"),
    ("The mayor posted on X on Monday that the road had reopened.", "The mayor"),
    ("The health ministry put the death toll at seven.", "The health ministry"),
    ("Officials put the number of dead at 14.", "Officials"),
    ("She put the book on the table.", None),  # "put" reports only a count
    ("He posted on Instagram a photo of the site.", None),  # a post that asserts nothing
])
def test_a_post_and_a_toll_put_at_a_number_are_reported(sentence, name) -> None:
    found = find_claimant(sentence)
    assert (found.name if found else None) == name


@pytest.mark.parametrize(("sentence", "name"), [
    ("The army: 4 dead (Monday evening)", "The army"),
    ("Harlow Central Hospital: 8 dead (Tuesday)", "Harlow Central Hospital"),
    ("Police: 43 arrested so far", "Police"),
    # A fact box's labels and a passage's headings name no one.
    ("Injured: 94 people, 11 of them seriously", None),
    ("Location: Valdera valley, central Italy", None),
    ("The numbers: 12 dead, 4 hurt", None),
    ("Update: police have cleared the square.", None),
    ("Tuesday: Police raided the camp.", None),
])
def test_a_list_of_who_says_what_names_each_claimant(sentence, name) -> None:
    found = find_claimant(sentence)
    assert (found.name if found else None) == name
