"""Fuzzing: whatever the bytes of an article, the loader and the extractor give a result or a clean error."""

from __future__ import annotations

import re
import shutil
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mekraid_site.errors import ContentError
from mekraid_site.extract import extract
from mekraid_site.load import load_content
from mekraid_site.model import Content, Incident, SiteConfig, Source

CORPUS = Path(__file__).resolve().parent / "corpus"
FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that steer the parsers into their corners.
TOKENS = ["---", "\n", "\r\n", ":", ": ", "- ", "[", "]", "{", "}", "'", '"', "&a", "*a", "!!python/object", "#",
          "title", "publisher", "published", "timezone", "url", "inferred", "2023-06-20", "2023-06-20T14:05+02:00",
          "Europe/Berlin", "null", "true", "0638 EST", "on Tuesday", "at least 3 killed", "said", "according to",
          "Mr.", "U.S.", "(ICRC)", ">", "<script>", "\x00", "\ufeff", "\u2028", "é", "Ç", "1,234",
          "    ", "\t", "0001-01-01", "9999-12-31"]
text = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=12)), max_size=60).map("".join)
front = st.fixed_dictionaries({}, optional={
    "title": st.one_of(text, st.just("Harbour fire")),
    "publisher": st.one_of(text, st.just("null"), st.just("Port Gazette")),
    "published": st.one_of(text, st.sampled_from(["2024-03-02", "2024-03-02T10:00+01:00", "9999-12-31", "2024-02-30"])),
    "timezone": st.one_of(text, st.sampled_from(["Europe/Berlin", "../../etc/passwd", "UTC", ""])),
    "inferred": st.one_of(text, st.just("[title]")),
    "url": st.one_of(text, st.just("https://example.org/x")),
})


def content_with(article: bytes) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    (folder / "articles").mkdir()
    shutil.copy(CORPUS / "site.yaml", folder / "site.yaml")
    (folder / "articles" / "fuzzed.md").write_bytes(article)
    return folder


def load_or_error(article: bytes) -> None:
    folder = content_with(article)
    try:
        content = load_content(folder)
        assert len(content.sources) == 1
        extract(content)
    except ContentError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path and problem.message
            str(problem)
    finally:
        shutil.rmtree(folder)


@FUZZ
@given(st.binary(max_size=400))
def test_loader_on_any_bytes(data):
    load_or_error(data)


@FUZZ
@given(front, text)
def test_loader_on_front_matter_made_of_tricky_pieces(fields, body):
    lines = "".join(f"{key}: {value}\n" for key, value in fields.items())
    load_or_error(f"---\n{lines}---\n{body}".encode("utf-8", "surrogatepass"))


@FUZZ
@given(text)
def test_loader_on_text_that_may_not_close_its_front_matter(body):
    load_or_error(("---\n" + body).encode("utf-8", "surrogatepass"))


SITE = SiteConfig(title="t", incident=Incident(name="n", place="p", timezone="Europe/Berlin"))
prose = st.lists(st.one_of(st.sampled_from(TOKENS + ["The police", "In 1986,", "between 2013 and 2016", ".", ". ",
                                                     "Ashraf", "three people were injured", "he said", "since then"]),
                           st.text(max_size=10)), max_size=80).map(" ".join)


@FUZZ
@given(prose, st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)))
def test_extractor_on_any_text(body, published):
    source = Source(id="fuzzed", path="content/articles/fuzzed.md", title="t", publisher=None,
                    published=published.replace(tzinfo=timezone.utc), published_has_time=True, body=body, body_line=5)
    try:
        extraction = extract(Content(site=SITE, actors=(), sources=(source,)))
    except ContentError as error:
        assert error.problems
        return
    for claim in extraction.analyses[0].claims:
        assert 0 <= claim.start <= claim.end <= len(body)
        quoted = body[claim.start:claim.end]
        if not re.search(r"[*_`#>\[\]<|\\-]|  ", body):  # no Markdown marks, no spaces to join
            assert quoted == claim.quote
        # The quote is the passage's words, Markdown marks left out: its characters, in order, are the passage's.
        remaining = iter(quoted)
        assert all(char in remaining for char in claim.quote.replace(" ", ""))
