"""The whole pipeline on the shipped content: what a reader of the built site sees."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag

import pytest

from conftest import CONTENT, PROJECT
from mekraid_site import extract as extract_module
from mekraid_site.build import build
from mekraid_site.cache import DiskCache
from mekraid_site.errors import ContentError
from mekraid_site.extract import extract
from mekraid_site.load import load_content
from mekraid_site.merge import merge

RAID_SOURCES = {"atlas-news-mek-camp-raid", "deadly-clash-durres-raid"}


def events_in_year(timeline_json: dict, year: str) -> list[dict]:
    return [event for event in timeline_json["events"] if event["when"]["edtf"].lstrip("./").startswith(year)]


def test_background_years_are_dated_events(timeline_json):
    expected = {
        "1965": "established",
        "1981": "flee",
        "1986": "expelled",
        "1997": "terrorist",
        "2003": "surrendered",
        "2012": "blacklist",
    }
    for year, word in expected.items():
        events = events_in_year(timeline_json, year)
        quotes = " ".join(claim["quote"] for event in events for claim in event["claims"])
        assert word in quotes, f"no {year} event mentions {word!r}"
        assert all(event["when"]["precision"] == "year" for event in events)


def test_1986_expulsion_from_paris(timeline_json):
    (event,) = [e for e in events_in_year(timeline_json, "1986") if "paris" in e["actors"]]
    assert event["when"]["display"] == "1986"
    assert event["when"]["start"] == "1985-12-31T23:00:00Z"  # the whole year, in Tirane time
    assert event["when"]["end"] == "1986-12-31T23:00:00Z"
    assert "mojahedin-e-khalq" in event["actors"]


def test_raid_is_one_event_citing_both_sources(timeline_json):
    raid_day = [e for e in timeline_json["events"] if e["when"]["start"].startswith("2023-06-20")]
    both = [e for e in raid_day if set(e["sources"]) == RAID_SOURCES]
    assert len(both) == 1
    raid = both[0]
    assert {"albanian-state-police", "mojahedin-e-khalq"} <= set(raid["actors"])
    assert len(raid["claims"]) >= 8


def test_0638_est_is_1138_utc_and_keeps_its_wording(timeline_json):
    claims = [c for e in timeline_json["events"] for c in e["claims"] if "0638 EST" in c["quote"]]
    (claim,) = claims
    assert claim["when"]["start"] == "2023-06-20T11:38:00Z"
    assert claim["when"]["precision"] == "minute"
    assert claim["when"]["qualifier"] == "approximate"
    assert claim["when"]["display"] == "about 20 June 2023, 06:38 EST (13:38 local time)"
    assert claim["when"]["uncertain"] is True  # EST in June: the source may mean EDT
    assert "approximately 0638 EST" in claim["time_text"]


def test_range_between_2013_and_2016(timeline_json):
    (event,) = [e for e in timeline_json["events"] if e["when"]["edtf"] == "2013/2016"]
    assert event["when"]["display"] == "2013–2016"
    assert "3,000" in event["claims"][0]["quote"]


def test_raid_disputes_casualty_figures(timeline_json):
    (raid,) = [e for e in timeline_json["events"] if set(e["sources"]) == RAID_SOURCES]
    disputes = {d["about"]: {v["value"] for v in d["values"]} for d in raid["disputes"]}
    assert {"at least 1", "2", "1"} <= disputes["killed"]
    assert {"36", "more than 100"} <= disputes["injured"]


def test_actor_pages_link_to_their_events(built_site, timeline_json):
    mentioned = {"mojahedin-e-khalq", "paris", "bledi-cuci", "national-council-of-resistance-of-iran",
                 "durres", "albanian-state-police", "special-court-against-corruption-and-organized-crime"}
    for actor_id in mentioned:
        page = built_site / "actors" / f"{actor_id}.html"
        assert page.is_file(), actor_id
    html = (built_site / "actors" / "paris.html").read_text(encoding="utf-8")
    (event,) = [e for e in events_in_year(timeline_json, "1986") if "paris" in e["actors"]]
    assert f'href="../events/{event["id"]}.html"' in html


def test_cuci_is_the_claimant_of_his_statement(timeline_json):
    claims = [c for e in timeline_json["events"] for c in e["claims"] if "not responsible" in c["quote"]]
    assert [c["claimant"] for c in claims] == ["bledi-cuci"]


def test_site_has_index_events_actors_and_sources(built_site, timeline_json):
    assert (built_site / "index.html").is_file()
    assert len(list((built_site / "events").glob("*.html"))) >= 12
    assert {p.stem for p in (built_site / "sources").glob("*.html")} == RAID_SOURCES
    index = (built_site / "index.html").read_text(encoding="utf-8")
    assert index.count('class="event') >= 12
    assert "1986" in index


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        for name in ("href", "src"):
            if attributes.get(name) and tag in ("a", "link", "script", "img"):
                self.links.append(attributes[name])


def test_every_internal_link_resolves(built_site):
    pages = sorted(built_site.rglob("*.html"))
    ids_of: dict[Path, set[str]] = {}
    links_of: dict[Path, list[str]] = {}
    for page in pages:
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        ids_of[page] = parser.ids
        links_of[page] = parser.links
    checked = 0
    for page, links in links_of.items():
        for link in links:
            assert not link.startswith("/"), f"{page}: absolute link {link}"
            if re.match(r"[a-z]+:", link):
                assert link.startswith(("http://", "https://", "mailto:")), f"{page}: {link}"
                continue
            target, fragment = urldefrag(link)
            target_path = (page.parent / unquote(target)).resolve() if target else page
            assert target_path.is_file(), f"{page.relative_to(built_site)}: broken link {link}"
            if fragment and target_path.suffix == ".html":
                assert fragment in ids_of[target_path], f"{page.relative_to(built_site)}: no #{fragment} in {target}"
            checked += 1
    assert checked > 100


def test_no_request_leaves_the_site(built_site):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r'<(?:link|script|img)[^>]+(?:href|src)="(?:https?:)?//', html), page


def test_source_page_marks_claims_and_times(built_site):
    html = (built_site / "sources" / "atlas-news-mek-camp-raid.html").read_text(encoding="utf-8")
    assert '<time class="timex" datetime="1986"' in html
    assert re.search(r'<mark class="claim" id="atlas-news-mek-camp-raid-c\d+">In <time[^>]*>1986</time>, Paris', html)
    assert "The Atlas News" in html and "Tessaron" in html
    unknown = (built_site / "sources" / "deadly-clash-durres-raid.html").read_text(encoding="utf-8")
    assert "Unknown publisher" in unknown


class _Nesting(HTMLParser):
    """Fails on an end tag that closes an element other than the innermost open one."""

    VOID = {"meta", "link", "br", "hr", "img", "input", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1]}>"
        self.open.pop()


def test_claims_in_markdown_nest_with_its_emphasis_and_links(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copy(CONTENT / "site.yaml", content / "site.yaml")
    (content / "articles" / "wire.md").write_text(
        '---\ntitle: "Wire"\npublisher: "Wire"\npublished: 2023-06-21\n---\n'
        "*Police* raided the camp on *Tuesday* at 6 a.m., [officials](https://example.org) said.\n\n"
        "**A court had ordered the search on Monday.** It was *the* first.\n", encoding="utf-8")
    build(content, tmp_path / "site", PROJECT / "templates")
    html = (tmp_path / "site" / "sources" / "wire.html").read_text(encoding="utf-8")
    _Nesting().feed(html)
    assert '<mark class="claim" id="wire-c1"><em>Police</em> raided the camp on <time' in html
    assert '<mark class="claim" id="wire-c2"><strong>A court had ordered the search on <time' in html


def test_build_command_reports_counts_and_bad_content_exits_2(tmp_path):
    output = tmp_path / "site"
    done = subprocess.run([sys.executable, str(PROJECT / "build.py"), "--content", str(CONTENT),
                           "--output", str(output)],
                          capture_output=True, text=True, check=True)
    assert re.search(r"2 sources, \d+ claims, \d+ events .*\d+ actors, \d+ pages in [\d.]+ s", done.stdout)
    before = sorted(p.relative_to(output) for p in output.rglob("*"))

    broken = tmp_path / "content"
    shutil.copytree(CONTENT, broken)
    (broken / "articles" / "bad.md").write_text("---\ntitle: x\n---\nText.\n", encoding="utf-8")
    failed = subprocess.run([sys.executable, str(PROJECT / "build.py"), "--content", str(broken),
                             "--output", str(output),
                             "--templates", str(PROJECT / "templates")], capture_output=True, text=True)
    assert failed.returncode == 2
    assert "content/articles/bad.md:2: the front matter is missing the required key 'publisher'" in failed.stderr
    assert sorted(p.relative_to(output) for p in output.rglob("*")) == before  # previous site intact


def test_builds_are_byte_identical(tmp_path):
    outputs = []
    for name in ("one", "two"):
        output = tmp_path / name
        subprocess.run([sys.executable, str(PROJECT / "build.py"), "--output", str(output)], cwd=PROJECT, check=True,
                       capture_output=True)
        outputs.append({p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()})
    assert outputs[0] == outputs[1]


def test_an_event_alias_leads_to_the_event(built_site, timeline_json):
    (raid,) = [e for e in timeline_json["events"] if set(e["sources"]) == RAID_SOURCES]
    assert raid["aliases"] == ["2023-06-20-a-deadly-clash-between-albanian-forces"]
    html = (built_site / "events" / f"{raid['aliases'][0]}.html").read_text(encoding="utf-8")
    assert f'<meta http-equiv="refresh" content="0; url={raid["id"]}.html">' in html
    assert f'<a href="{raid["id"]}.html">' in html


def test_curators_titles_from_content_annotations(timeline_json):
    titles = {event["id"]: event["title"] for event in timeline_json["events"]}
    assert titles["2023-06-20-albanian-national-police-executed-a-special"] == (
        "Albanian police raid the MEK camp Ashraf 3 at Manëz, near Durrës")
    assert titles["1981-the-mek-competed-for-power-with"] == "The MEK is forced to flee Iran for France"


def test_unchanged_rebuild_stops_at_once_and_a_touched_template_rebuilds(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(CONTENT, project / "content")
    shutil.copytree(PROJECT / "templates", project / "templates")
    command = [sys.executable, str(PROJECT / "build.py"), "--content", str(project / "content"),
               "--output", str(project / "_site"), "--progress"]
    first = subprocess.run(command, capture_output=True, text=True, check=True)
    assert re.search(r"extract: \d+ claims, 0 articles from the cache in [\d.]+ s", first.stderr)
    again = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "nothing changed since the last build" in again.stderr
    assert "nothing changed, 52 files unchanged" in again.stdout
    css = project / "templates" / "static" / "style.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")
    edited = subprocess.run(command, capture_output=True, text=True, check=True)
    assert "extract: 37 claims, 2 articles from the cache" in edited.stderr
    assert "1 files written, 51 unchanged, 0 removed" in edited.stdout


def test_pages_made_in_worker_processes_are_the_same(monkeypatch, tmp_path):
    from mekraid_site import render as render_module
    from mekraid_site.write import SpooledFile

    content = load_content(CONTENT)
    extraction = extract(content)
    timeline = merge(extraction, content.site, content.event_fixes)
    alone = list(render_module.render(timeline, extraction, PROJECT / "templates", jobs=1))
    monkeypatch.setattr(render_module, "_MIN_PARALLEL_PAGES", 0)
    monkeypatch.setattr(render_module, "_PAGES_PER_TASK", 5)
    together = list(render_module.render(timeline, extraction, PROJECT / "templates", jobs=2))
    assert sorted(together) == sorted(alone)
    assert len(alone) == 52
    # With a spool folder the whole-site files come on disk, as they would in memory; the folder goes after.
    spool = tmp_path / "spool"
    spooled = {}
    for path, data in render_module.render(timeline, extraction, PROJECT / "templates", jobs=2, spool=spool):
        spooled[path] = data.path.read_bytes() if isinstance(data, SpooledFile) else data
        assert isinstance(data, SpooledFile) == (path in render_module._WHOLE_SITE_FILES)
    assert spooled == dict(alone)
    assert not spool.exists()


def test_articles_read_in_worker_processes_are_the_same_and_are_cached_as_they_came(tmp_path, monkeypatch):
    monkeypatch.setattr(extract_module, "_MIN_PARALLEL", 0)
    content = load_content(CONTENT)
    alone = extract(content, jobs=1)
    cache = DiskCache(tmp_path)
    assert extract(content, cache, jobs=2) == alone
    assert len(cache) == len(content.sources)
    reread = DiskCache(tmp_path)
    assert extract(content, reread, jobs=2) == alone and reread.hits == len(content.sources)


def test_a_new_article_leaves_pages_it_does_not_touch_as_they_were(tmp_path):
    """Pages carry no site-wide counts or positions, so a deploy after one new article uploads little."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    output = tmp_path / "_site"
    build(content, output, PROJECT / "templates")
    before = {p.relative_to(output): p.read_bytes() for p in output.rglob("*.html")}
    (content / "articles" / "harbour-notes-lighthouse.md").write_text(
        "---\ntitle: Lighthouse reopens\npublisher: Harbour Notes\npublished: 2024-05-02\n---\n"
        "The harbour lighthouse reopened on 1 May 2024 after repairs, the port authority said.\n", encoding="utf-8")
    report = build(content, output, PROJECT / "templates")
    after = {p.relative_to(output): p.read_bytes() for p in output.rglob("*.html")}
    changed = {path for path in before if after.get(path) != before[path]}
    assert Path("events/1986-paris-expelled-mek.html") not in changed
    # Of the events, only the one before the new event changes: its "next" link leads to the new one.
    assert len([path for path in changed if path.parts[0] == "events"]) == 1, sorted(changed)
    assert Path("sources/atlas-news-mek-camp-raid.html") not in changed
    assert Path("index.html") in changed  # the new event is listed
    assert report.written <= len(changed) + 8  # the new pages and the exports; not every page again


def test_a_folder_without_templates_is_refused_before_any_article_is_read(tmp_path, monkeypatch):
    def must_not_run(*args, **kwargs):
        raise AssertionError("extraction ran before the theme was checked")

    monkeypatch.setattr(extract_module, "extract", must_not_run)
    with pytest.raises(ContentError) as raised:
        build(CONTENT, tmp_path / "_site", tmp_path, use_cache=False)
    (problem,) = raised.value.problems
    assert problem.message == "no base.html in the templates folder"
    assert not (tmp_path / "_site").exists()


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_pages_kept_from_the_last_build_are_what_a_clean_build_makes(tmp_path, monkeypatch):
    """A page is made again only when what it shows changed; whatever changed, the site is a clean build's."""
    from mekraid_site import render as render_module

    made_pages: list[str] = []
    item_page = render_module._Site.item_page
    monkeypatch.setattr(render_module._Site, "item_page",
                        lambda site, kind, index: made_pages.append(kind) or item_page(site, kind, index))
    content, templates = tmp_path / "content", tmp_path / "templates"
    shutil.copytree(CONTENT, content)
    shutil.copytree(PROJECT / "templates", templates)
    output = tmp_path / "_site"
    build(content, output, templates)

    def add_article():
        (content / "articles" / "harbour-notes-raid.md").write_text(
            "---\ntitle: Camp raid questioned\npublisher: Harbour Notes\npublished: 2023-06-23\n---\n"
            "Police raided the camp at 6:30 a.m. on Tuesday, the Interior Ministry said. At least 40 people were "
            "injured, residents said.\n", encoding="utf-8")

    def edit_article():
        article = content / "articles" / "deadly-clash-durres-raid.md"
        article.write_text(article.read_text(encoding="utf-8").replace("one person", "two people"), encoding="utf-8")

    def rename_actor():
        actors = content / "actors.yaml"
        text = actors.read_text(encoding="utf-8")
        assert "Bledi Çuçi" in text
        actors.write_text(text.replace("Bledi Çuçi", "Bledi Cuçi"), encoding="utf-8")

    def retitle_site():
        site = content / "site.yaml"
        site.write_text(re.sub(r"(?m)^title: .*$", 'title: "Manëz, 20 June 2023"', site.read_text(encoding="utf-8")),
                        encoding="utf-8")

    def edit_template():
        event = templates / "event.html"
        event.write_text(event.read_text(encoding="utf-8").replace("What each source says", "Who says what"),
                         encoding="utf-8")

    # Event, source and redirect pages made again, of 18 (actor pages are always made): the new article joins
    # the raid event and adds its source page and a redirect; a site setting or a template changes every page.
    remade = {add_article: 3, edit_article: 2, rename_actor: 2, retitle_site: 18, edit_template: 18}
    for change, pages in remade.items():
        before = _files(output)
        change()
        made_pages.clear()
        report = build(content, output, templates)
        assert len([kind for kind in made_pages if kind != "actor"]) == pages, change.__name__
        clean = tmp_path / f"clean-{change.__name__}"
        build(content, clean, templates, clean=True, use_cache=False)
        assert _files(output) == _files(clean), change.__name__
        assert report.written == sum(1 for path, data in _files(output).items() if before.get(path) != data)
    assert "Who says what" in (output / "events" / "2023-06-20-albanian-national-police-executed-a-special.html"
                               ).read_text(encoding="utf-8")


def test_a_page_changed_by_hand_is_made_again(tmp_path):
    output = tmp_path / "_site"
    build(CONTENT, output, PROJECT / "templates")
    page = output / "events" / "1986-paris-expelled-mek.html"
    made = page.read_bytes()
    page.write_bytes(made.replace(b"Paris", b"Lyon"))
    report = build(CONTENT, output, PROJECT / "templates")
    assert page.read_bytes() == made
    assert (report.written, report.unchanged) == (1, 51)


def test_a_build_leaves_the_cycle_collector_as_it_found_it(tmp_path):
    """build() runs Python's cycle collector less often while it works, and puts the caller's thresholds back."""
    import gc

    before = gc.get_threshold()
    gc.set_threshold(500, 5, 5)
    try:
        during = []
        build(CONTENT, tmp_path / "_site", PROJECT / "templates", use_cache=False,
              progress=lambda line: during.append(gc.get_threshold()))
        assert set(during) == {(100_000, 20, 20)}
        assert gc.get_threshold() == (500, 5, 5)
        bad = tmp_path / "bad"
        shutil.copytree(CONTENT, bad)
        (bad / "articles" / "broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
        with pytest.raises(ContentError):
            build(bad, tmp_path / "_site", PROJECT / "templates", use_cache=False)
        assert gc.get_threshold() == (500, 5, 5)
    finally:
        gc.set_threshold(*before)
