"""Curators' corrections in content/annotations/: they hold across rebuilds, and bad ones are named precisely."""

from __future__ import annotations

import shutil
from zoneinfo import ZoneInfo

import pytest

from conftest import CONTENT
from mekraid_site.annotations import parse_date
from mekraid_site.errors import ContentError
from mekraid_site.extract import extract
from mekraid_site.load import load_content
from mekraid_site.merge import merge

ATLAS = "atlas-news-mek-camp-raid"


def build_with(tmp_path, annotations: str, name: str = ATLAS):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "annotations").mkdir(exist_ok=True)
    (content / "annotations" / f"{name}.yaml").write_text(annotations, encoding="utf-8")
    loaded = load_content(content)
    return merge(extract(loaded), loaded.site, loaded.event_fixes)


def problems(tmp_path, annotations: str, name: str = ATLAS) -> list[str]:
    with pytest.raises(ContentError) as caught:
        build_with(tmp_path, annotations, name)
    return [str(problem) for problem in caught.value.problems]


def event_with(timeline, words: str):
    (event,) = [e for e in timeline.events if any(c.quote.startswith(words) for c in e.claims)]
    return event


def test_claim_date_suppress_add_and_claimant(tmp_path):
    timeline = build_with(tmp_path, """
claims:
  - quote: "MEK participated in several battles"
    date: 1980/1988
  - quote: "Some have speculated"
    suppress: true
  - quote: "MEK is an Iranian militant organization"
    add: true
    date: 1965~
  - quote: "The actual numbers"
    claimant: Albanian officials
""")
    battles = [c for c in timeline.claims if c.quote.startswith("MEK participated")][0]
    assert (battles.time.edtf, battles.time.start.year, battles.time.end.year) == ("1980/1988", 1979, 1988)
    assert battles.time.note == "date set by the editors"
    assert not [c for c in timeline.claims if c.quote.startswith("Some have speculated")]
    (added,) = [c for c in timeline.claims if c.id == f"{ATLAS}-a1"]
    assert added.quote == "MEK is an Iranian militant organization"
    assert added.time.edtf == "1965~" and added.time.qualifier.value == "approximate"
    (numbers,) = [c for c in timeline.claims if c.quote.startswith("The actual numbers")]
    assert numbers.claimant == "albanian-officials"


def test_event_title_split_and_join(tmp_path):
    timeline = build_with(tmp_path, """
events:
  - quote: "reports began to emerge"
    title: "Police raid the camp"
  - quote: "MEK relocated to Iraq"
    split: true
  - join:
      - "In 1986, Paris expelled MEK"
      - {source: deadly-clash-durres-raid, quote: "designated the MEK as a terrorist organization"}
""")
    raid = event_with(timeline, "At approximately 0638 EST")
    assert raid.title == "Police raid the camp"
    assert raid.id == "2023-06-20-albanian-national-police-executed-a-special"  # titles do not move URLs
    relocation = event_with(timeline, "MEK relocated to Iraq")
    assert [c.quote[:22] for c in relocation.claims] == ["MEK relocated to Iraq’"]
    joined = event_with(timeline, "In 1986, Paris expelled")
    assert set(joined.sources) == {ATLAS, "deadly-clash-durres-raid"}
    assert "1997-the-united-states-designated-the-mek" in joined.aliases  # the old URL still leads here
    (dispute,) = [d for d in joined.disputes if d.about == "date"]
    assert [value.value for value in dispute.values] == ["1986", "1997"]


def test_quote_not_in_the_article(tmp_path):
    assert problems(tmp_path, 'events:\n  - quote: "not in the article at all"\n    title: x\n') == [
        "content/annotations/atlas-news-mek-camp-raid.yaml:2: quote not found in "
        "content/articles/atlas-news-mek-camp-raid.md: \"not in the article at all\" "
        "(copy the words exactly as the article has them)"
    ]


def test_quote_found_twice_or_in_no_claim(tmp_path):
    assert problems(tmp_path, """
claims:
  - quote: "MEK"
    suppress: true
  - quote: "MEK is an Iranian militant organization"
    date: 1965
""") == [
        "content/annotations/atlas-news-mek-camp-raid.yaml:3: quote found 10 times in "
        "content/articles/atlas-news-mek-camp-raid.md: \"MEK\" (quote more words, so that they are found once)",
        "content/annotations/atlas-news-mek-camp-raid.yaml:5: the quoted words are in no claim of "
        "content/articles/atlas-news-mek-camp-raid.md (quote words of a claim (the source page highlights them), "
        "or add: true)",
    ]


def test_bad_entries_are_all_reported(tmp_path):
    assert problems(tmp_path, """
claims:
  - quote: "Some have speculated"
    dated: 2020
  - quote: "Some have speculated"
    date: June 2020
  - quote: "MEK is an Iranian"
    add: true
  - quote: "The actual numbers"
    claimant: Nobody Known
""") == [
        "content/annotations/atlas-news-mek-camp-raid.yaml:3: unknown key 'dated' in a claim correction "
        "(allowed keys: quote, date, suppress, add, claimant)",
        "content/annotations/atlas-news-mek-camp-raid.yaml:3: a claim correction does nothing "
        "(add date, suppress: true, add: true or claimant)",
        "content/annotations/atlas-news-mek-camp-raid.yaml:5: cannot read date 'June 2020' (use an ISO 8601 / "
        "EDTF date such as 1986, 1986-03, 2023-06-20, 2023-06-20T06:38+02:00, 2013/2016 or 1990~)",
        "content/annotations/atlas-news-mek-camp-raid.yaml:7: an added claim needs a 'date' (use an ISO 8601 / "
        "EDTF date such as 1986, 1986-03, 2023-06-20, 2023-06-20T06:38+02:00, 2013/2016 or 1990~)",
    ]


def test_unknown_claimant(tmp_path):
    assert problems(tmp_path, 'claims:\n  - quote: "The actual numbers"\n    claimant: Nobody Known\n') == [
        "content/annotations/atlas-news-mek-camp-raid.yaml:2: unknown claimant 'Nobody Known' "
        "(use the name or an alias of an actor in actors.yaml, or add the actor there)"
    ]


def test_annotations_for_a_missing_article(tmp_path):
    (problem,) = problems(tmp_path, "claims: []\n", name="no-such-article")
    assert problem.startswith("content/annotations/no-such-article.yaml:1: no article 'no-such-article' to annotate")


def test_parse_date_keeps_precision():
    zone = ZoneInfo("Europe/Tirane")
    year = parse_date("1986", zone)
    assert (year.precision.value, year.start.isoformat(), year.end.isoformat()) == (
        "year", "1985-12-31T23:00:00+00:00", "1986-12-31T23:00:00+00:00")
    month = parse_date("2023-06", zone)
    assert (month.precision.value, month.end.isoformat()) == ("month", "2023-06-30T22:00:00+00:00")
    clock = parse_date("2023-06-20T06:38-04:00", zone)
    assert (clock.start.isoformat(), clock.zone, str(clock.utc_offset)) == (
        "2023-06-20T10:38:00+00:00", "UTC-04:00", "-1 day, 20:00:00")
    with pytest.raises(ValueError):
        parse_date("2016/2013", zone)


def test_a_curator_quotes_a_markdown_article_as_its_page_shows_it(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "articles" / "wire.md").write_text(
        '---\ntitle: "Wire"\npublisher: "Wire"\npublished: 2023-06-21\n---\n'
        "Police searched the camp in **August 2019**, when the group moved in. *Residents* said it was calm.\n",
        encoding="utf-8")
    (content / "annotations").mkdir(exist_ok=True)
    (content / "annotations" / "wire.yaml").write_text(
        'claims:\n  - quote: "in August 2019, when the group"\n    date: 2019-08-02\n'
        '  - quote: "Residents said it was calm."\n    add: true\n    date: 2023-06-20\n', encoding="utf-8")
    loaded = load_content(content)
    timeline = merge(extract(loaded), loaded.site, loaded.event_fixes)
    (searched,) = [claim for claim in timeline.claims if claim.quote.startswith("Police searched the camp")]
    assert (searched.quote, searched.time.edtf) == (
        "Police searched the camp in August 2019, when the group moved in.", "2019-08-02")
    (added,) = [claim for claim in timeline.claims if claim.id == "wire-a1"]
    assert added.quote == "Residents said it was calm."
