"""The loader: the shipped content reads as documented, bad content is named precisely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CONTENT
from mekraid_site.errors import ContentError
from mekraid_site.load import load_content, slugify

GOOD_ARTICLE = """---
title: "Factory fire in Springfield"
publisher: "Springfield Gazette"
published: 2024-03-02T09:30+01:00
---
A fire broke out on Friday.
"""


def make_content(tmp_path: Path, articles: dict[str, str | bytes], actors: str | None = None) -> Path:
    """A content folder with the shipped site.yaml and the given articles."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copy(CONTENT / "site.yaml", content / "site.yaml")
    if actors is not None:
        (content / "actors.yaml").write_text(actors, encoding="utf-8")
    for name, text in articles.items():
        path = content / "articles" / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return content


def problems_of(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(content)
    return [str(problem) for problem in caught.value.problems]


def test_shipped_content_loads_both_seed_articles_unchanged():
    content = load_content(CONTENT)
    assert [source.id for source in content.sources] == ["atlas-news-mek-camp-raid", "deadly-clash-durres-raid"]
    seeds = {
        "atlas-news-mek-camp-raid": "At approximately 0638 EST, reports began to emerge",
        "deadly-clash-durres-raid": "Share This Article\nOn Tuesday, a deadly clash",
    }
    for source in content.sources:
        assert source.body.startswith(seeds[source.id])
    atlas, unknown = content.sources
    assert atlas.publisher == "The Atlas News" and atlas.author == "Tessaron"
    assert unknown.publisher is None  # the article names none: recorded as unknown
    assert "published" in atlas.inferred and "published" in unknown.inferred
    assert atlas.published.isoformat() == "2023-06-20T00:00:00+02:00"
    assert not atlas.published_has_time


def test_shipped_actors_have_ids_kinds_and_aliases():
    actors = {actor.id: actor for actor in load_content(CONTENT).actors}
    assert actors["mojahedin-e-khalq"].kind == "organization"
    assert "MEK" in actors["mojahedin-e-khalq"].aliases
    assert actors["bledi-cuci"].name == "Bledi Çuçi"
    assert actors["national-council-of-resistance-of-iran"].aliases == ("NCRI",)


def test_published_with_offset_is_kept_as_an_instant(tmp_path):
    content = load_content(make_content(tmp_path, {"fire.md": GOOD_ARTICLE}))
    (source,) = content.sources
    assert source.published.isoformat() == "2024-03-02T09:30:00+01:00"
    assert source.published_has_time
    assert source.body == "A fire broke out on Friday.\n"
    assert source.body_line == 6


@pytest.mark.parametrize("title", ["Factory fire *exclusive*", "Factory fire in Springfield"])
def test_front_matter_reads_the_same_with_or_without_an_asterisk(tmp_path, title):
    # Text with "*" (which could be an alias) is read by the Python parser, other text by libyaml.
    article = GOOD_ARTICLE.replace('"Factory fire in Springfield"', f'"{title}"').replace(
        "---\nA fire", "notes: |\n  Two lines,\n  kept as written.\ninferred: [publisher]\n---\nA fire")
    content = load_content(make_content(tmp_path, {"fire.md": article}))
    (source,) = content.sources
    assert (source.title, source.published.isoformat(), source.notes, source.inferred, source.body_line) == (
        title, "2024-03-02T09:30:00+01:00", "Two lines,\nkept as written.", ("publisher",), 10)


def test_yaml_alias_is_refused_at_its_place(tmp_path):
    article = GOOD_ARTICLE.replace('publisher: "Springfield Gazette"', "publisher: &p Gazette\nauthor: *p")
    assert problems_of(make_content(tmp_path, {"fire.md": article})) == [
        "content/articles/fire.md:4:9: YAML syntax error: aliases (*p) are not allowed "
        "(write the value out in full instead of referring to an anchor)"
    ]


def test_missing_required_field_names_file_and_line(tmp_path):
    article = GOOD_ARTICLE.replace('publisher: "Springfield Gazette"\n', "")
    assert problems_of(make_content(tmp_path, {"fire.md": article})) == [
        "content/articles/fire.md:2: the front matter is missing the required key 'publisher'"
    ]


def test_unparseable_published_says_what_would_be_right(tmp_path):
    article = GOOD_ARTICLE.replace("2024-03-02T09:30+01:00", "March 2nd")
    assert problems_of(make_content(tmp_path, {"fire.md": article})) == [
        "content/articles/fire.md:4: cannot read 'published': 'March 2nd' (use an ISO 8601 date like 2023-06-20 "
        "or a date-time like 2023-06-20T14:05+02:00)"
    ]


@pytest.mark.parametrize(("published", "zone", "expected"), [
    ("2024-03-02T09:30", None, "2024-03-02T09:30:00+01:00"),  # the incident's zone (Europe/Tirane), in winter
    ("2024-07-02 09:30:15", None, "2024-07-02T09:30:15+02:00"),  # and in summer
    ("2024-03-02T09:30", "America/New_York", "2024-03-02T09:30:00-05:00"),  # the article's own zone
])
def test_date_time_without_offset_is_read_in_the_articles_zone(tmp_path, published, expected, zone):
    article = GOOD_ARTICLE.replace("2024-03-02T09:30+01:00", published)
    if zone:
        article = article.replace("---\nA fire", f"timezone: {zone}\n---\nA fire")
    (source,) = load_content(make_content(tmp_path, {"fire.md": article})).sources
    assert (source.published.isoformat(), source.published_has_time) == (expected, True)


def test_date_as_other_generators_call_it_stands_for_published(tmp_path):
    article = GOOD_ARTICLE.replace("published: 2024-03-02T09:30+01:00", "date: 2024-03-02 09:30")
    content = load_content(make_content(tmp_path, {"fire.md": article}))
    ((source,), warnings) = content.sources, content.warnings
    assert (source.published.isoformat(), warnings) == ("2024-03-02T09:30:00+01:00", ())
    unreadable = GOOD_ARTICLE.replace("published: 2024-03-02T09:30+01:00", "date: soon")
    assert problems_of(make_content(tmp_path / "2", {"fire.md": unreadable})) == [
        "content/articles/fire.md:4: cannot read 'date': 'soon' (use an ISO 8601 date like 2023-06-20 "
        "or a date-time like 2023-06-20T14:05+02:00)"
    ]
    # With both, "published" is the date and "date" one of the writer's own keys.
    both = GOOD_ARTICLE.replace("---\nA fire", "date: 2024-01-01\n---\nA fire")
    content = load_content(make_content(tmp_path / "3", {"fire.md": both}))
    assert content.sources[0].published.date().isoformat() == "2024-03-02"
    assert ["'date'" in str(warning) for warning in content.warnings] == [True]


def test_articles_may_be_kept_in_sub_folders(tmp_path):
    content = make_content(tmp_path, {"fire.md": GOOD_ARTICLE})
    (content / "articles" / "2024-03" / "agency").mkdir(parents=True)
    (content / "articles" / "2024-03" / "agency" / "blaze.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    (content / "articles" / ".git").mkdir()
    (content / "articles" / ".git" / "HEAD.md").write_text("not an article", encoding="utf-8")
    (content / "articles" / ".DS_Store").write_bytes(b"\0")
    loaded = load_content(content)
    assert [(source.id, source.path) for source in loaded.sources] == [
        ("blaze", "content/articles/2024-03/agency/blaze.md"), ("fire", "content/articles/fire.md")]
    assert loaded.warnings == ()
    # A slug is the file name: the same name in two folders is refused, naming both.
    (content / "articles" / "2024-03" / "fire.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    (problem,) = problems_of(content)
    assert "both give the slug 'fire'" in problem


def test_unknown_time_zone(tmp_path):
    article = GOOD_ARTICLE.replace("---\nA fire", "timezone: Europe/Springfield\n---\nA fire")
    assert problems_of(make_content(tmp_path, {"fire.md": article})) == [
        "content/articles/fire.md:5: unknown time zone 'Europe/Springfield' in 'timezone' "
        "(use an IANA name such as Europe/Tirane or America/New_York)"
    ]


def test_yaml_syntax_error_has_line_and_column(tmp_path):
    article = GOOD_ARTICLE.replace('title: "Factory fire in Springfield"', 'title: "Factory fire')
    (problem,) = problems_of(make_content(tmp_path, {"fire.md": article}))
    assert problem.startswith("content/articles/fire.md:3:")
    assert "YAML syntax error" in problem


def test_missing_and_unterminated_front_matter(tmp_path):
    problems = problems_of(make_content(tmp_path, {
        "a-plain.md": "Just text.\n",
        "b-open.md": "---\ntitle: x\nJust text.\n",
    }))
    assert problems == [
        "content/articles/a-plain.md:1: missing front matter: the file must start with a line '---' "
        "(put title, publisher and published between two '---' lines at the top)",
        "content/articles/b-open.md:1: unterminated front matter: no closing '---' line "
        "(end the front matter with a line '---' before the article text)",
    ]


def test_not_utf8_gives_the_byte_offset(tmp_path):
    data = GOOD_ARTICLE.encode("utf-8").replace(b"broke out", b"broke \xe9out")
    (problem,) = problems_of(make_content(tmp_path, {"fire.md": data}))
    assert problem == ("content/articles/fire.md:6: not valid UTF-8: byte 0xe9 at byte offset 125 "
                       "(save the file as UTF-8)")


def test_empty_article_and_wrong_type_are_all_reported_at_once(tmp_path):
    problems = problems_of(make_content(tmp_path, {
        "empty.md": GOOD_ARTICLE.replace("A fire broke out on Friday.\n", "\n"),
        "typed.md": GOOD_ARTICLE.replace('title: "Factory fire in Springfield"', "title: 42"),
    }))
    assert problems == [
        "content/articles/empty.md:6: the article is empty: no text after the front matter "
        "(paste the article's text below the closing '---')",
        "content/articles/typed.md:2: 'title' must be a non-empty text, not int (write title: \"...\")",
    ]


def test_duplicate_actor_is_an_error(tmp_path):
    actors = "- name: Red Cross\n  kind: organization\n- name: Acme\n  kind: organization\n  aliases: [red cross]\n"
    assert problems_of(make_content(tmp_path, {"fire.md": GOOD_ARTICLE}, actors)) == [
        "content/actors.yaml:3: duplicate name or alias 'red cross': already used by 'Red Cross' on line 1 "
        "(give each actor a name and aliases of its own)"
    ]


def test_unknown_actor_kind_lists_the_kinds(tmp_path):
    actors = "- name: Red Cross\n  kind: charity\n"
    assert problems_of(make_content(tmp_path, {"fire.md": GOOD_ARTICLE}, actors)) == [
        "content/actors.yaml:2: unknown actor kind 'charity' (use one of: person, organization, state, place, group)"
    ]


def test_unknown_front_matter_key_is_a_warning_not_an_error(tmp_path):
    article = GOOD_ARTICLE.replace("---\nA fire", "tags: [fire]\n---\nA fire")
    content = load_content(make_content(tmp_path, {"fire.md": article}))
    assert [str(w) for w in content.warnings] == [
        "content/articles/fire.md:5: unknown key 'tags' in the front matter (allowed keys: title, publisher, "
        "published, author, url, timezone, language, notes, inferred)"
    ]


def test_slugify_makes_ascii_ids():
    assert slugify("Bledi Çuçi") == "bledi-cuci"
    assert slugify("Durrës") == "durres"
    assert slugify("../../etc/passwd") == "etc-passwd"
