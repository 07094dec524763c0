"""Smoke tests of the build benchmark's corpus generators (benchmarks/make_*corpus.py); no timing."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from mekraid_site.extract import extract
from mekraid_site.load import load_content

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
N = 5


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def make_corpus():
    return _script("make_corpus")


@pytest.fixture(scope="module")
def make_other_corpus():
    return _script("make_other_corpus")


def _files(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_corpus_is_deterministic(make_corpus, tmp_path):
    make_corpus.write_corpus(N, tmp_path / "a", seed=7)
    make_corpus.write_corpus(N, tmp_path / "b", seed=7)
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert first == second
    assert len([name for name in first if name.startswith("ours/articles/")]) == N
    make_corpus.write_corpus(N, tmp_path / "c", seed=8)
    assert _files(tmp_path / "c") != first


def test_article_depends_only_on_seed_and_index(make_corpus, tmp_path):
    articles = make_corpus.write_corpus(N, tmp_path, seed=7)
    assert make_corpus.article(3, seed=7) == articles[2]
    assert make_corpus.article(N + 1, seed=7).slug not in {article.slug for article in articles}


def test_ours_is_valid_content(make_corpus, tmp_path):
    articles = make_corpus.write_corpus(N, tmp_path, seed=7)
    content = load_content(tmp_path / "ours")
    assert len(content.sources) == N
    assert len(content.actors) >= 40
    assert not content.warnings
    for article, source in zip(articles, content.sources, strict=True):
        assert source.id == article.slug
        assert source.title == article.title
        assert make_corpus.MIN_WORDS <= len(source.body.split()) <= make_corpus.MAX_WORDS
        assert re.search(r"\b\d{4} GMT\b|\blocal time\b|[ap]\.m\.", source.body)  # clock times
        assert re.search(r"\b20\d\d\b", source.body)  # years and full dates


def test_same_articles_in_every_format(make_corpus, tmp_path):
    articles = make_corpus.write_corpus(N, tmp_path, seed=7)
    assert (tmp_path / "pelican" / "pelicanconf.py").is_file()
    assert (tmp_path / "hugo" / "hugo.toml").is_file()
    assert (tmp_path / "hugo" / "layouts" / "_default" / "single.html").is_file()
    for article in articles:
        pelican = (tmp_path / "pelican" / "content" / f"{article.slug}.md").read_text(encoding="utf-8")
        hugo = (tmp_path / "hugo" / "content" / "posts" / f"{article.slug}.md").read_text(encoding="utf-8")
        ours = (tmp_path / "ours" / "articles" / f"{article.slug}.md").read_text(encoding="utf-8")
        assert pelican.startswith(f"Title: {article.title}\n")
        assert f"\nSlug: {article.slug}\n" in pelican
        assert f'\nslug: "{article.slug}"\n' in hugo
        for text in (pelican, hugo, ours):
            assert text.endswith(article.body)


def test_other_corpus_is_deterministic_with_its_dossier(make_other_corpus, tmp_path):
    make_other_corpus.write_corpus(N, tmp_path / "a", seed=7, dossier=3)
    make_other_corpus.write_corpus(N, tmp_path / "b", seed=7, dossier=3)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert len(load_content(tmp_path / "a").sources) == N
    (dossier,) = load_content(tmp_path / "a-dossier").sources
    bodies = [source.body for source in load_content(tmp_path / "a").sources[:3]]
    assert dossier.body == "\n".join(bodies)


def test_other_corpus_people_are_discovered_by_their_names(make_other_corpus, tmp_path):
    # Nobody is listed: the build finds the people, and "X of the Y" or "at 7 a.m. X" are not names.
    make_other_corpus.write_corpus(N, tmp_path, seed=7)
    discovered = extract(load_content(tmp_path)).actors
    people = [actor.name for actor in discovered if actor.kind == "person"]
    assert len(people) >= 20
    assert all(re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", name) for name in people), people
    assert {"Riverton City Council", "National Weather Service"} <= {actor.name for actor in discovered}
