"""The command line: build, check and serve, their messages and exit codes."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import CONTENT, TEMPLATES

CLI = [sys.executable, "-c", "import sys; from mekraid_site.cli import main; sys.exit(main(sys.argv[1:]))"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def copy_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    shutil.copytree(TEMPLATES, tmp_path / "templates")
    return content


def test_check_of_good_content_prints_one_line_and_exits_0():
    done = run("check", "--content", str(CONTENT))
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(r"OK \S+: 2 sources, \d+ claims, \d+ events, no problems in [\d.]+ s\n", done.stdout)


def test_build_then_rebuild_writes_nothing_and_clean_writes_all(tmp_path):
    copy_content(tmp_path)
    first = run("build", "--output", "site", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    written = int(re.search(r"; (\d+) files written, 0 unchanged, 0 removed", first.stdout).group(1))
    assert (tmp_path / ".mekraid-cache").is_dir()
    again = run("build", "--output", "site", cwd=tmp_path)
    assert f"; nothing changed, {written} files unchanged" in again.stdout
    clean = run("build", "--output", "site", "--clean", cwd=tmp_path)
    assert f"; {written} files written, 0 unchanged, 0 removed" in clean.stdout


def test_content_without_a_theme_beside_it_is_built_with_the_projects_theme(tmp_path):
    shutil.copytree(CONTENT, tmp_path / "corpus" / "content")
    done = run("build", "--content", "corpus/content", "--output", "site", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "static").is_dir()
    assert (tmp_path / "site" / "index.html").read_bytes().startswith(b"<!DOCTYPE html>")
    # A theme beside the content folder is preferred to the project's own.
    shutil.copytree(TEMPLATES, tmp_path / "corpus" / "templates")
    (tmp_path / "corpus" / "templates" / "about.html").write_text("our about page", encoding="utf-8")
    assert run("build", "--content", "corpus/content", "--output", "site", cwd=tmp_path).returncode == 0
    assert (tmp_path / "site" / "about.html").read_text(encoding="utf-8") == "our about page"


def test_custom_cache_folder_and_no_cache(tmp_path):
    copy_content(tmp_path)
    assert run("build", "--output", "site", "--cache", "my-cache", cwd=tmp_path).returncode == 0
    assert not (tmp_path / ".mekraid-cache").exists()
    assert run("build", "--output", "site2", "--no-cache", cwd=tmp_path).returncode == 0
    assert not (tmp_path / ".mekraid-cache").exists()


def test_refusing_to_overwrite_a_foreign_folder_exits_2(tmp_path):
    copy_content(tmp_path)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "mine.txt").write_text("mine")
    done = run("build", "--output", "site", cwd=tmp_path)
    assert done.returncode == 2
    assert "was not written by mekraid-site; refusing to replace it" in done.stderr
    assert (tmp_path / "site" / "mine.txt").read_text() == "mine"


def test_an_unwritable_output_exits_1_with_a_message(tmp_path):
    copy_content(tmp_path)
    (tmp_path / "blocker").write_text("a file, not a folder")
    done = run("build", "--output", "blocker/site", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("error: the site was not built: ") and "Traceback" not in done.stderr


def test_bad_option_values_are_refused(tmp_path):
    done = run("build", "--max-article-bytes", "-5")
    assert done.returncode == 2 and "must be a positive number of bytes" in done.stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 60.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = predicate()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_serve_rebuilds_when_an_article_changes(tmp_path):
    content = copy_content(tmp_path)
    port = free_port()
    server = subprocess.Popen([*CLI, "serve", "--port", str(port), "--output", "site"], cwd=tmp_path,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}/"
        index = wait_for(lambda: fetch(base + "index.html"))
        assert "<html" in index
        article = content / "articles" / "harbour-note.md"
        article.write_text("---\ntitle: \"A brand new harbour note\"\npublisher: Harbour Times\npublished: 2023-06-22\n"
                           "---\nThe harbour master said on Wednesday that ferries ran as usual.\n", encoding="utf-8")
        page = wait_for(lambda: fetch(base + "sources/harbour-note.html"))
        assert "A brand new harbour note" in page
        # A broken article: the error is printed and the previous site stays served.
        article.write_text("---\ntitle: broken\n", encoding="utf-8")
        time.sleep(3)
        assert "A brand new harbour note" in fetch(base + "sources/harbour-note.html")
    finally:
        server.terminate()
        out, err = server.communicate(timeout=30)
    assert server.returncode == 0, err
    assert f"Serving site at http://127.0.0.1:{port}/" in out
    assert "unterminated front matter" in err and "The previous site is still served." in err
