"""Bad and hostile articles: exact messages, nothing that runs in a reader's browser, no hangs.

The corpus is in tests/corpus/: bad/ holds one broken article (or content
folder) per case with the exact message `check` and `build` give; hostile/
holds articles that build, and whose pages must not run any of their code.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import PROJECT, TEMPLATES
from mekraid_site.build import build, check
from mekraid_site.errors import ContentError
from mekraid_site.load import slugify

CORPUS = Path(__file__).resolve().parent / "corpus"
GOOD = '---\ntitle: "Harbour fire"\npublisher: "Port Gazette"\npublished: 2024-03-02\n---\nThe fire started at noon.\n'

# Case -> every problem, exactly as printed.
BAD = {
    "missing-front-matter.md": [
        "content/articles/missing-front-matter.md:1: missing front matter: the file must start with a line '---' "
        "(put title, publisher and published between two '---' lines at the top)"],
    "unterminated-front-matter.md": [
        "content/articles/unterminated-front-matter.md:1: unterminated front matter: no closing '---' line "
        "(end the front matter with a line '---' before the article text)"],
    "yaml-syntax-error.md": [
        "content/articles/yaml-syntax-error.md:3:13: YAML syntax error: expected <block end>, but found '<scalar>' "
        "(line 2 opens a quote it does not close)"],
    "missing-required-field.md": [
        "content/articles/missing-required-field.md:2: the front matter is missing the required key 'publisher'"],
    "wrong-type.md": [
        "content/articles/wrong-type.md:2: 'title' must be a non-empty text, not int (write title: \"...\")",
        "content/articles/wrong-type.md:3: 'publisher' must be a non-empty text, not list "
        "(write publisher: \"...\" or null if unknown)"],
    "unparseable-published.md": [
        "content/articles/unparseable-published.md:4: cannot read 'published': 'last Tuesday' (use an ISO 8601 date "
        "like 2023-06-20 or a date-time like 2023-06-20T14:05+02:00)"],
    "published-out-of-range.md": [
        "content/articles/published-out-of-range.md:4: 'published' is out of range: '0001-01-01' "
        "(use a year from 1000 to 8999)"],
    "unknown-time-zone.md": [
        "content/articles/unknown-time-zone.md:5: unknown time zone 'Europe/Atlantis' in 'timezone' "
        "(use an IANA name such as Europe/Tirane or America/New_York)"],
    "not-utf8.md": [
        "content/articles/not-utf8.md:6: not valid UTF-8: byte 0xe9 at byte offset 98 (save the file as UTF-8)"],
    "empty-article.md": [
        "content/articles/empty-article.md:6: the article is empty: no text after the front matter "
        "(paste the article's text below the closing '---')"],
    "empty-file.md": [
        "content/articles/empty-file.md:1: the file is empty (write the front matter (title, publisher, published) "
        "between two '---' lines, then the article's text)"],
    "duplicate-key.md": [
        "content/articles/duplicate-key.md:5:1: duplicate key 'title': already given on line 2 (keep one of them)"],
    "yaml-alias.md": [
        "content/articles/yaml-alias.md:3:12: YAML syntax error: aliases (*t) are not allowed "
        "(write the value out in full instead of referring to an anchor)"],
    "control-character.md": [
        "content/articles/control-character.md:2:16: character U+0001 is not allowed in YAML "
        "(remove it; control characters are invisible and often come from copy and paste)"],
    "javascript-url.md": [
        "content/articles/javascript-url.md:5: 'url' must start with http:// or https:// "
        "(e.g. url: \"https://example.org/news/raid\")"],
    "duplicate-slug": [
        "content/articles/durres.md: 'content/articles/Durrës.md' and 'content/articles/durres.md' both give the slug "
        "'durres' (rename one of the files: a slug is the file name in lowercase ASCII letters, digits and hyphens, "
        "and must be unique)"],
    "duplicate-actor": [
        "content/actors.yaml:3: duplicate name or alias 'Port Town Police': already used by 'Port Town Police' "
        "on line 1 (give each actor a name and aliases of its own)"],
    "reserved-slugs": [
        "content/articles/.draft.md: the file name '.draft.md' starts with a dot (hidden files are not articles: "
        "rename it without the dot, or move it out of articles/)",
        "content/articles/CON.md: the file name 'CON.md' gives the reserved slug 'con' (rename the file: index, con, "
        "prn, aux, nul, com1-9 and lpt1-9 cannot be page names)",
        "content/articles/index.md: the file name 'index.md' gives the reserved slug 'index' (rename the file: index, "
        "con, prn, aux, nul, com1-9 and lpt1-9 cannot be page names)"],
    "annotation-not-found": [
        "content/annotations/fire.yaml:2: quote not found in content/articles/fire.md: \"the fire was set on purpose\" "
        "(copy the words exactly as the article has them)"],
}


def corpus_content(tmp_path: Path, case: str) -> Path:
    """A content folder holding one case of the corpus (a file, or a folder with articles/, actors.yaml ...)."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copy(CORPUS / "site.yaml", content / "site.yaml")
    source = CORPUS / "bad" / case
    if source.is_dir():
        shutil.copytree(source, content, dirs_exist_ok=True)
    else:
        shutil.copy(source, content / "articles" / case)
    return content


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    code = "import sys; from mekraid_site.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def test_the_corpus_has_a_message_for_every_bad_case():
    assert sorted(BAD) == sorted(p.name for p in (CORPUS / "bad").iterdir())


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_article_gives_exact_messages_and_keeps_the_previous_site(tmp_path, case):
    content = corpus_content(tmp_path, case)
    output = tmp_path / "site"
    (output).mkdir()
    (output / ".mekraid-site").write_text("previous")
    (output / "index.html").write_text("the previous site")
    assert [str(p) for p in check(content).problems] == BAD[case]
    with pytest.raises(ContentError) as caught:
        build(content, output, TEMPLATES)
    assert [str(p) for p in caught.value.problems] == BAD[case]
    assert sorted(p.name for p in output.iterdir()) == [".mekraid-site", "index.html"]
    assert (output / "index.html").read_text() == "the previous site"


def test_build_command_exits_2_with_the_messages(tmp_path):
    content = corpus_content(tmp_path, "wrong-type.md")
    done = run_cli("build", "--content", "content", "--output", "site", "--templates", str(TEMPLATES), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines() == ["error: the site was not built; 2 problem(s):", *[f"  {m}" for m in
                                                                                          BAD["wrong-type.md"]]]
    assert not (tmp_path / "site").exists() and content.is_dir()


def test_check_reports_every_problem_of_every_file_at_once(tmp_path):
    content = corpus_content(tmp_path, "annotation-not-found")  # the annotation problem comes from extract
    for case in ("wrong-type.md", "not-utf8.md", "unknown-time-zone.md"):
        shutil.copy(CORPUS / "bad" / case, content / "articles" / case)
    done = run_cli("check", cwd=tmp_path)
    assert done.returncode == 2
    expected = BAD["not-utf8.md"] + BAD["unknown-time-zone.md"] + BAD["wrong-type.md"] + BAD["annotation-not-found"]
    assert done.stderr.splitlines() == [f"error: content has problems; {len(expected)} problem(s):",
                                        *[f"  {m}" for m in expected]]


def test_article_over_the_size_limit_10_mb_without_a_newline(tmp_path):
    content = corpus_content(tmp_path, "empty-file.md")
    (content / "articles" / "empty-file.md").unlink()
    huge = content / "articles" / "huge.md"
    huge.write_text(GOOD.replace("The fire", "The fire " + "word " * 2_000_000))
    size = huge.stat().st_size
    assert size > 10_000_000
    started = time.perf_counter()
    assert [str(p) for p in check(content).problems] == [
        f"content/articles/huge.md: the file is {size:,} bytes, over the limit of 4,194,304 "
        "(split it, or raise the limit with --max-article-bytes)"]
    assert time.perf_counter() - started < 2
    done = run_cli("check", "--max-article-bytes", "100", cwd=tmp_path)
    assert "over the limit of 100 " in done.stderr and done.returncode == 2


def test_slugs_are_ascii_and_safe():
    assert slugify("Durrës") == "durres" and slugify("Straße") == "strasse" and slugify("Łódź") == "lodz"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("/absolute/path") == "absolute-path"
    assert slugify("CON") == "con-1" and slugify("nul") == "nul-1"  # never a Windows device name
    assert re.fullmatch(r"x-[0-9a-f]{10}", slugify("Москва")) and slugify("Москва") != slugify("Киев")
    assert len(slugify("word " * 100)) <= 80
    assert slugify("") == "item"
    for text in ["..", ".", "...hidden", "a/../b", "\x00", " - "]:
        slug = slugify(text)
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug), (text, slug)


# Hostile articles ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """The hostile corpus built into a fresh folder."""
    folder = tmp_path_factory.mktemp("hostile")
    content = folder / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copy(CORPUS / "site.yaml", content / "site.yaml")
    shutil.copy(CORPUS / "hostile-actors.yaml", content / "actors.yaml")
    for article in (CORPUS / "hostile").glob("*.md"):
        shutil.copy(article, content / "articles" / article.name)
    output = folder / "out" / "site"
    build(content, output, TEMPLATES)
    return output


class _Scan(HTMLParser):
    """Everything in a page that could run code or load from elsewhere."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.in_data_script = False

    def handle_data(self, data):
        if self.in_data_script:  # JSON-LD is data: one JSON value, with no "<" that could end the element
            json.loads(data)
            if "<" in data:
                self.found.append(f"'<' in JSON-LD: {data[:80]}")

    def handle_endtag(self, tag):
        self.in_data_script = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            bare = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "formaction", "data", "srcdoc", "xlink:href") and (
                    bare.startswith(("javascript:", "vbscript:", "data:")) or name == "srcdoc"):
                self.found.append(f"<{tag} {name}={value}>")
        self.in_data_script = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        if tag == "script" and not self.in_data_script and not dict(attrs).get("src", "").startswith(
                ("static/", "../static/", "search-index", "../search-index")):
            self.found.append(f"<script {attrs}>")
        if tag in ("iframe", "object", "embed", "base", "frame"):
            self.found.append(f"<{tag}>")


def test_hostile_pages_hold_no_code_of_the_content(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 8
    for page in pages:
        text = page.read_text(encoding="utf-8")
        scan = _Scan()
        scan.feed(text)
        assert scan.found == [], f"{page.relative_to(hostile_site)}: {scan.found}"
        assert '<meta http-equiv="Content-Security-Policy"' in text
        csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text).group(1)
        assert "'unsafe-inline'" not in csp and "script-src 'self'" in csp


def test_hostile_text_is_escaped_where_it_is_shown(hostile_site):
    page = (hostile_site / "sources" / "title-injection.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=window.__pwned=&#39;title&#39;&gt;" in page or \
        "&#34;&gt;&lt;img src=x onerror" in page or "&quot;&gt;&lt;img" in page
    assert "<img src=x" not in page and "<svg" not in page
    scripts = (hostile_site / "sources" / "script-tags.html").read_text(encoding="utf-8")
    assert "<p>&lt;script&gt;window.__pwned = 'body'&lt;/script&gt;</p>" in scripts


def test_hostile_exports_stay_data(hostile_site):
    data = json.loads((hostile_site / "timeline.json").read_text(encoding="utf-8"))
    assert data
    ElementTree.fromstring((hostile_site / "feed.xml").read_bytes()) if (hostile_site / "feed.xml").exists() else None
    for script in hostile_site.rglob("*.js"):
        if script.parent.name == "static":
            continue
        text = script.read_text(encoding="utf-8")
        prefix, _, rest = text.partition("=")
        assert re.fullmatch(r"window\.[A-Za-z_]+", prefix), script
        json.loads(rest.rstrip().rstrip(";"))  # the whole value is one JSON literal: no code can break out
        assert "</script" not in text.lower()


def test_hostile_slugs_stay_inside_the_output(hostile_site):
    outside = hostile_site.parent
    assert sorted(p.name for p in outside.iterdir()) == [".mekraid-cache", ".site.lock", "site"]
    for path in hostile_site.rglob("*"):
        assert path.resolve().is_relative_to(hostile_site.resolve())
        assert re.fullmatch(r"[A-Za-z0-9._-]+", path.name), path
    assert (hostile_site / "sources" / "2e-2e-2fetc-2fpasswd.html").is_file()


# Found by this suite in the text modules; each was fixed there.


@pytest.mark.parametrize("body", ["9999-12-31", "0001-01-01"])
def test_a_date_at_the_end_of_the_calendar_does_not_crash_the_extractor(body):
    from datetime import datetime, timezone

    from mekraid_site.extract import extract
    from mekraid_site.model import Content, Incident, SiteConfig, Source

    site = SiteConfig(title="t", incident=Incident(name="n", place="p", timezone="Europe/Berlin"))
    source = Source(id="a", path="a.md", title="t", publisher=None, published=datetime(2000, 1, 1, tzinfo=timezone.utc),
                    published_has_time=True, body=body, body_line=5)
    extract(Content(site=site, actors=(), sources=(source,)))


@pytest.mark.parametrize("link", ["javascript&colon;alert(1)", "javascript&#58;alert(1)", "jav&#x09;ascript:alert(1)"])
def test_entity_encoded_javascript_links_are_removed(link):
    from mekraid_site.render import markdown_to_html

    html = markdown_to_html(f"[x]({link})")
    scan = _Scan()
    scan.feed(html)
    hrefs = re.findall(r'href="([^"]*)"', html)
    import html as html_module

    assert not any(re.sub(r"[\x00-\x20]", "", html_module.unescape(h)).lower().startswith("javascript:")
                   for h in hrefs), html


@pytest.mark.parametrize("image", ["https://evil.example/pixel.png", "//evil.example/pixel.png"])
def test_images_from_other_origins_become_links(image):
    from mekraid_site.render import markdown_to_html

    # Nothing loads from elsewhere; the reader may still follow the address.
    assert markdown_to_html(f"![x]({image})") == f'<p><a href="{image}">x</a></p>'
    assert markdown_to_html("![x](pictures/x.png)") == '<p><img alt="x" src="pictures/x.png"></p>'



# Pathological text: every stage is fast on any input --------------------------------------------------------

BUDGET_SECONDS = 10.0
PROBE = """
import sys, time
from datetime import datetime
from zoneinfo import ZoneInfo
from mekraid_site import timex, figures, attribution, names, extract, render
zone = ZoneInfo("Europe/Berlin")
text = {text}
funcs = {{
    "timex": lambda: timex.find_timexes(text, datetime(2024, 3, 2, tzinfo=zone), zone),
    "figures": lambda: figures.find_figures(text),
    "attribution": lambda: attribution.find_claimant(text),
    "names": lambda: names.discover_names(text),
    "sentences": lambda: extract.split_sentences(text),
    "markdown": lambda: render.markdown_to_html(render.lines_to_paragraphs(text)),
}}
funcs[{module!r}]()
"""

PATHOLOGICAL = {
    "one-line": "'The police said on Monday that the fire, which began at noon, spread. ' * 5_000",  # 350 KB
    "a-space": "'a ' * 100_000",
    "quotes": "'>' * 100_000",
    "brackets": "'[' * 20_000",
    "digits-commas": "'1,234,' * 50_000",
    "capitals": "'Big ' * 100_000",
    "said": "'said ' * 100_000",
    "digits": "'1' * 1_000_000",
    "dates": "'20 June 2023 ' * 10_000",
}
MODULES = ["timex", "figures", "attribution", "names", "sentences", "markdown"]


def probe(module: str, text: str, budget: float = BUDGET_SECONDS) -> float | None:
    """Seconds one call takes in a fresh process, or None when over budget (the process is stopped)."""
    started = time.perf_counter()
    try:
        subprocess.run([sys.executable, "-c", PROBE.format(text=text, module=module)], check=True, timeout=budget,
                       capture_output=True, cwd=PROJECT)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - started


@pytest.mark.parametrize("module,case", [
    (module, case) for module in MODULES for case in PATHOLOGICAL])
def test_pathological_text_is_handled_in_time(module, case):
    took = probe(module, PATHOLOGICAL[case])
    assert took is not None, f"{module} took over {BUDGET_SECONDS} s on {case}"


def test_extract_of_a_large_article_without_newlines_finishes_in_time(tmp_path):
    """Extraction of a 250 KB single-line article stays within the budget."""
    code = """
import sys
from pathlib import Path
from mekraid_site.load import load_content
from mekraid_site.extract import extract
content = Path(sys.argv[1])
(content / "articles").mkdir(parents=True)
(content / "site.yaml").write_text(open(sys.argv[2]).read())
line = "The Port Town Police said on Monday that 12 people were hurt when the fire spread. " * 3_000
(content / "articles" / "long.md").write_text("---\\ntitle: t\\npublisher: p\\npublished: 2024-03-02\\n---\\n" + line)
extract(load_content(content))
"""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, str(tmp_path / "c"), str(CORPUS / "site.yaml")], check=True,
                   timeout=BUDGET_SECONDS * 3, cwd=PROJECT)
    assert time.perf_counter() - started < BUDGET_SECONDS * 3


def test_extract_time_grows_linearly_with_article_length(tmp_path):
    """Three times the text takes about three times as long, not nine: no quadratic step (a ratio, so load does
    not matter); and a 3 MB article, near the size limit, is done well within a minute."""
    code = """
import sys, time
from pathlib import Path
from mekraid_site.load import load_content
from mekraid_site.extract import extract
took = []
for sentences in (4_000, 12_000, 36_000):
    content = Path(sys.argv[1]) / str(sentences)
    (content / "articles").mkdir(parents=True)
    (content / "site.yaml").write_text(open(sys.argv[2]).read())
    line = "The Port Town Police said on Monday that 12 people were hurt when the fire spread. " * sentences
    front_matter = "---\\ntitle: t\\npublisher: p\\npublished: 2024-03-02\\n---\\n"
    (content / "articles" / "long.md").write_text(front_matter + line)
    started = time.process_time()
    extract(load_content(content), jobs=1)
    took.append(time.process_time() - started)
print(took[1] / took[0], took[2] / took[1])
"""
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path / "c"), str(CORPUS / "site.yaml")], check=True,
                          timeout=120, cwd=PROJECT, capture_output=True, text=True)
    ratios = [float(ratio) for ratio in done.stdout.split()]
    assert all(ratio < 5 for ratio in ratios), ratios  # linear: 3; quadratic: 9


def test_a_script_without_a_main_guard_fails_with_a_message_not_a_hang(tmp_path):
    # Worker processes import the script that starts them; this one builds again as they do.
    content = tmp_path / "content"
    shutil.copytree(PROJECT / "content", content)
    for number in range(70):  # enough articles for worker processes
        (content / "articles" / f"fire-{number}.md").write_text(GOOD, encoding="utf-8")
    script = tmp_path / "unguarded.py"
    script.write_text("from pathlib import Path\nfrom mekraid_site.build import build\n"
                      f"build(Path({str(content)!r}), Path({str(tmp_path / 'site')!r}), Path({str(TEMPLATES)!r}), "
                      "use_cache=False, jobs=2)\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert 'put the call under `if __name__ == "__main__":`' in done.stderr
    assert "a process reading articles ended abruptly" in done.stderr
    assert not (tmp_path / "site").exists()


def test_deeply_nested_yaml_is_a_clean_error(tmp_path):
    content = corpus_content(tmp_path, "empty-file.md")
    (content / "articles" / "empty-file.md").write_text(
        "---\ntitle: " + "[" * 5000 + "]" * 5000 + "\npublisher: p\npublished: 2024-03-02\n---\nText.\n")
    (problem,) = check(content).problems
    assert str(problem).startswith("content/articles/empty-file.md:2")


# The browser: no script of the content runs -----------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def test_no_script_runs_in_the_browser(hostile_site):
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium")
    pages = sorted(hostile_site.rglob("*.html"))
    fired: list[str] = []
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.on("dialog", lambda dialog: (fired.append(f"dialog: {dialog.message}"), dialog.dismiss()))
            page.on("pageerror", lambda error: fired.append(f"page error: {error}"))
            page.route(re.compile(r"^(?!file:).*"), lambda route: (fired.append(f"request: {route.request.url}"),
                                                                   route.abort()))
            for path in pages:
                page.goto(path.as_uri())
                page.wait_for_load_state("load")
                page.mouse.move(10, 10)
                page.mouse.move(400, 300)
                for link in page.locator("main a").all()[:30]:
                    link.hover(timeout=2000, force=True)
                assert page.evaluate("typeof window.__pwned") == "undefined", f"{path.name}: content script ran"
                assert page.evaluate("typeof parent.__pwned") == "undefined"
        finally:
            browser.close()
    assert fired == []
