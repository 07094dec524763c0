"""Exports for other tools: events.csv, the Atom feed, TimelineJS3 JSON, sitemap.xml and JSON-LD."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from xml.etree import ElementTree

import pytest

from conftest import CONTENT, TEMPLATES
from mekraid_site.build import build

ATOM = "{http://www.w3.org/2005/Atom}"
RAID = "2023-06-20-albanian-national-police-executed-a-special"


def _build_variant(tmp_path, edit) -> object:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    edit(content)
    output = tmp_path / "site"
    build(content, output, TEMPLATES)
    return output


@pytest.fixture(scope="module")
def site_with_base_url(tmp_path_factory):
    def edit(content):
        site = content / "site.yaml"
        site.write_text(site.read_text(encoding="utf-8").replace(
            "language: en\n", "language: en\nbase_url: \"https://example.org/raid/\"\n"), encoding="utf-8")
    return _build_variant(tmp_path_factory.mktemp("based"), edit)


def test_events_csv_has_one_row_per_event(built_site, timeline_json):
    raw = (built_site / "events.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfid,title,when,")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(timeline_json["events"]) == 13
    by_id = {row["id"]: row for row in rows}
    raid = by_id[RAID]
    assert raid["source_count"] == "2" and raid["sources"] == "atlas-news-mek-camp-raid; deadly-clash-durres-raid"
    assert raid["when"] == "about 20 June 2023, 06:38 EST (13:38 local time)"
    assert raid["disputes"] == "injured: several | more than 100 | 36; killed: 1 | at least 1 | 2"
    assert raid["kinds"].split()[0] == "incident-day" and raid["uncertain"] == "yes"
    paris = by_id["1986-paris-expelled-mek"]
    assert (paris["when"], paris["precision"], paris["start_utc"]) == ("1986", "year", "1985-12-31T23:00:00Z")
    assert "Paris" in paris["actors"].split("; ") and paris["page"] == "events/1986-paris-expelled-mek.html"


def test_atom_feed_dates_come_from_the_content(built_site):
    feed = ElementTree.fromstring((built_site / "feed.xml").read_bytes())
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}updated") == "2023-06-20T22:00:00Z"  # 21 June 2023, local midnight
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 13
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == 13 and all(re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", i) for i in ids)
    raid = next(e for e in entries if e.find(f"{ATOM}link").get("href") == f"events/{RAID}.html")
    assert "Reported by 2 sources (The Atlas News, Unknown publisher)" in raid.findtext(f"{ATOM}summary")
    assert "Sources disagree: injured" in raid.findtext(f"{ATOM}summary")
    assert raid.findtext(f"{ATOM}updated") == "2023-06-20T22:00:00Z"
    index = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml"' in index and 'href="feed.xml"' in index


def test_timelinejs_json(built_site):
    data = json.loads((built_site / "timelinejs.json").read_text(encoding="utf-8"))
    assert data["title"]["text"]["headline"] == "The Manëz raid: a timeline"
    events = {event["unique_id"]: event for event in data["events"]}
    assert len(events) == 13
    assert events["1986-paris-expelled-mek"]["start_date"] == {"year": 1986}
    assert events["1986-paris-expelled-mek"]["group"] == "Background"
    raid = events[RAID]
    assert raid["start_date"] == {"year": 2023, "month": 6, "day": 20, "hour": 13, "minute": 38}
    assert raid["display_date"] == "about 20 June 2023, 06:38 EST (13:38 local time)"
    assert f'href="events/{RAID}.html"' in raid["text"]["text"]
    span = events["2013-to-2016-approximately-3-000-mek-members-relocated-to"]
    assert span["start_date"] == {"year": 2013} and span["end_date"] == {"year": 2016}


def test_no_sitemap_without_base_url(built_site):
    assert not (built_site / "sitemap.xml").exists()


def test_base_url_gives_sitemap_and_absolute_feed_links(site_with_base_url):
    sitemap = ElementTree.fromstring((site_with_base_url / "sitemap.xml").read_bytes())
    locs = [loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://example.org/raid/index.html" in locs
    assert "https://example.org/raid/actors/paris.html" in locs
    pages = [page for page in site_with_base_url.rglob("*.html")
             if 'http-equiv="refresh"' not in page.read_text(encoding="utf-8")]  # old event URLs are not listed
    assert len(locs) == len(pages) == len(list(site_with_base_url.rglob("*.html"))) - 1
    feed = ElementTree.fromstring((site_with_base_url / "feed.xml").read_bytes())
    assert feed.findtext(f"{ATOM}id") == "https://example.org/raid/feed.xml"
    event = (site_with_base_url / "events" / f"{RAID}.html").read_text(encoding="utf-8")
    (raw,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', event, re.S)
    assert json.loads(raw)["url"] == f"https://example.org/raid/events/{RAID}.html"
    assert 'href="../index.html"' in event  # pages keep relative links


def test_jsonld_escapes_markup_from_content(tmp_path):
    def edit(content):
        article = content / "articles" / "atlas-news-mek-camp-raid.md"
        article.write_text(article.read_text(encoding="utf-8").replace(
            'title: "Albanian police raid the MEK camp near Durres"',
            'title: "Raid </script><script>alert(1)</script> & more"'), encoding="utf-8")
    site = _build_variant(tmp_path, edit)
    event = (site / "events" / f"{RAID}.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in event
    (raw,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', event, re.S)
    assert "\\u003c/script\\u003e" in raw and "\\u0026 more" in raw
    assert json.loads(raw)["subjectOf"][0]["headline"] == "Raid </script><script>alert(1)</script> & more"
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in (site / "sources" / "atlas-news-mek-camp-raid.html").read_text(
        encoding="utf-8")
