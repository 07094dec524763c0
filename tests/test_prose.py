"""An article's prose: Markdown marks and datelines blanked out, offsets kept."""

from __future__ import annotations

import pytest

from mekraid_site.prose import prose_of, widen_over_marks


@pytest.mark.parametrize(("text", "expected"), [
    ("**KELSO, Wash.** — A fire broke out", "                   A fire broke out"),
    ("KELSO, Wash. (AP) — Five people were hurt", "                    Five people were hurt"),
    ("MANEZ, Albania, June 21 (Euro Report) - Police raided", " " * 40 + "Police raided"),
    ("PARIS — The French", "        The French"),
    ("BATAM - At least 21 died", "        At least 21 died"),  # a plain hyphen, at the story's start only
    ("Talks went on.\nUS - China talks", "Talks went on.\nUS - China talks"),
    # South Asian and Gulf papers: a colon; not a short label ("UN: talks fail")
    ("LUCKNOW (UP), March 5 (PTI): At least 11 died", " " * 29 + "At least 11 died"),
    ("DUBAI: For taxi driver Rakesh", "       For taxi driver Rakesh"),
    ("UN: talks fail", "UN: talks fail"),
    ("NEW YORK, June 5 (AP) -- Police", "                         Police"),
    ("## What we know\n- Four were hurt.\n1. One died.", "               \n  Four were hurt.\n   One died."),
    ("> > \"It burned,\" she said.", "    \"It burned,\" she said."),
    ("See [the report](https://example.org/r) and ![map](m.png).",
     "See  the report" + " " * 25 + "and" + " " * 14 + "."),
    ("*Police* raided it on __Tuesday__ at `6`.", " Police  raided it on   Tuesday   at  6 ."),
    ("| Police | 14 July | 12 |\n|---|---|---|", " " * 25 + "\n" + " " * 13),  # a table is no prose
    ("<b>bold</b> and <https://example.org>", "   bold     and                      "),
])
def test_marks_and_datelines_become_spaces(text, expected):
    assert prose_of(text) == expected


@pytest.mark.parametrize("text", [
    "US - China talks resumed on Monday.",  # a hyphen after a place alone is no dateline
    "The snake_case name, 5 * 3 and C# stay.",
    "In 1986, Paris expelled the group.",
])
def test_text_that_is_not_markup_is_kept(text):
    assert prose_of(text) == text


def test_a_span_is_widened_over_the_marks_it_touches():
    text = "*Police* raided the camp. **[It](https://x.org) burned.**"
    prose = prose_of(text)
    assert widen_over_marks(text, prose, 1, 25) == (0, 25)  # "Police ... camp." takes in the "*" before it
    start = text.index("It")
    assert text[slice(*widen_over_marks(text, prose, start, text.index("burned.") + 7))] == (
        "**[It](https://x.org) burned.**")


def test_a_press_release_s_furniture_is_blanked_and_about_the_victims_is_not():
    text = "FOR IMMEDIATE RELEASE\nA train derailed.\nAbout Norfolk Rail\nWe move goods.\nMedia Contact: Jane\n"
    assert prose_of(text) == " " * 21 + "\nA train derailed.\n" + " " * 18 + "\n" + " " * 14 + "\n" + " " * 19 + "\n"
    assert prose_of("Police came.\n###\nEnd matter\n") == "Police came.\n   \n          \n"
    assert prose_of("About the victims\nThey were 12.\n") == "About the victims\nThey were 12.\n"


def test_a_web_page_s_furniture_is_blanked_and_the_story_is_not():
    lines = ["By Jane Okafor and Peter Mills", "Updated 12 May 2025, 20:45 WAT",
             "*Soldiers stand guard on Monday. (Photo by John Doe/AFP via Getty Images)*",
             "Read more: [Coups in Freedonia](https://example.org/h)", "**Related:** President cuts trip"]
    blanked = prose_of("\n".join(lines)).split("\n")
    assert blanked == [" " * len(line) for line in lines[:2]] + [
        " Soldiers stand guard on Monday.".ljust(len(lines[2]))] + [" " * len(line) for line in lines[3:]]
    assert prose_of("By Ana Šimić and Jörg Weiß, AFP").strip() == ""
    for story in ("By Wednesday afternoon, crowds had gathered.", "By Monday, Reuters reported 12 dead.",
                  "By March, Police Had Left", "Updated figures showed 12 dead on Monday, "
                  "officials said, and the toll was expected to rise further in the coming days.",
                  "Police said the photo (taken on Monday) was real."):
        assert prose_of(story) == story
