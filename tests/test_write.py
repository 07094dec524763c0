"""Writing the site: atomic swaps, incremental writes, the cache, determinism, and surviving kill -9."""

from __future__ import annotations

import pickle
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CONTENT, PROJECT, TEMPLATES
from mekraid_site.build import build
from mekraid_site.cache import DiskCache, default_cache_dir, program_fingerprint
from mekraid_site.errors import ContentError
from mekraid_site.extract import extract
from mekraid_site.load import load_content
from mekraid_site.write import MARKER, KeptFile, PageRecord, SpooledFile, spool_folder, write_site


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of a folder by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def siblings(folder: Path) -> list[str]:
    """What lies beside the output folder other than it, its lock and the cache."""
    return sorted(p.name for p in folder.parent.iterdir() if p.name not in (folder.name, f".{folder.name}.lock",
                                                                             ".mekraid-cache"))


# write_site ---------------------------------------------------------------------------------------------------


def test_write_creates_the_folder_with_a_marker(tmp_path):
    output = tmp_path / "site"
    report = write_site({"index.html": b"<p>hi</p>", "events/a.html": b"a"}, output)
    assert (report.written, report.unchanged, report.removed) == (2, 0, 0)
    assert snapshot(output) == {MARKER: (output / MARKER).read_bytes(), "events/a.html": b"a",
                                "index.html": b"<p>hi</p>"}
    assert siblings(output) == []


def test_no_change_writes_nothing_not_even_the_marker(tmp_path):
    output = tmp_path / "site"
    files = {"index.html": b"one", "events/a.html": b"a", "static/style.css": b"css"}
    write_site(files, output)
    before, inode = mtimes(output), output.stat().st_ino
    time.sleep(0.01)
    report = write_site(files, output)
    assert (report.written, report.unchanged, report.removed, report.changed) == (0, 3, 0, False)
    assert mtimes(output) == before
    assert output.stat().st_ino == inode  # not even swapped


def test_one_changed_file_is_written_the_others_are_linked(tmp_path):
    output = tmp_path / "site"
    write_site({"index.html": b"one", "events/a.html": b"a", "events/b.html": b"b"}, output)
    kept_inode = (output / "events/a.html").stat().st_ino
    report = write_site({"index.html": b"two", "events/a.html": b"a", "events/c.html": b"c"}, output)
    assert (report.written, report.unchanged, report.removed) == (2, 1, 1)
    assert (output / "events/a.html").stat().st_ino == kept_inode  # the unchanged file was linked, not rewritten
    assert {k: v for k, v in snapshot(output).items() if k != MARKER} == {
        "index.html": b"two", "events/a.html": b"a", "events/c.html": b"c"}
    assert siblings(output) == []


def test_clean_writes_every_file(tmp_path):
    output = tmp_path / "site"
    files = {"index.html": b"one", "events/a.html": b"a"}
    write_site(files, output)
    inode = (output / "events/a.html").stat().st_ino
    report = write_site(files, output, clean=True)
    assert (report.written, report.unchanged) == (2, 0)
    assert (output / "events/a.html").stat().st_ino != inode


@pytest.mark.parametrize("path", ["../evil.html", "/etc/passwd", "a/../../b", "", ".", "a//b", "a\\b", "x\x00y",
                                  MARKER, "events/../../x"])
def test_paths_that_could_leave_the_output_are_refused(tmp_path, path):
    output = tmp_path / "out" / "site"
    with pytest.raises(ValueError):
        write_site({path: b"x", "index.html": b"i"}, output)
    # Files stream in, so the refusal comes mid-way: no site, no staging folder, nothing outside.
    assert [p.name for p in (tmp_path / "out").iterdir()] == [".site.lock"]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_a_path_that_is_file_and_folder_is_refused_before_anything_is_written(tmp_path):
    output = tmp_path / "site"
    write_site({"index.html": b"old"}, output)
    with pytest.raises(ValueError, match="both a file and a folder"):
        write_site({"a": b"1", "a/b": b"2"}, output)
    assert (output / "index.html").read_bytes() == b"old"


def test_a_folder_not_written_by_us_is_never_replaced(tmp_path):
    output = tmp_path / "site"
    output.mkdir()
    (output / "precious.txt").write_text("keep me")
    with pytest.raises(ContentError, match="was not written by mekraid-site"):
        write_site({"index.html": b"x"}, output)
    assert (output / "precious.txt").read_text() == "keep me"


def test_a_failure_while_writing_leaves_the_previous_site(tmp_path, monkeypatch):
    output = tmp_path / "site"
    write_site({"index.html": b"old", "a.html": b"a"}, output)
    before = snapshot(output)

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", broken)
    with pytest.raises(OSError):
        write_site({"index.html": b"new", "a.html": b"a"}, output)
    monkeypatch.undo()
    assert snapshot(output) == before
    assert siblings(output) == []


def test_leftover_staging_folders_are_cleared_by_the_next_write(tmp_path):
    output = tmp_path / "site"
    write_site({"index.html": b"old"}, output)
    (tmp_path / ".site.new-abandoned").mkdir()
    (tmp_path / ".site.new-abandoned" / "index.html").write_bytes(b"half")
    write_site({"index.html": b"new"}, output)
    assert siblings(output) == []
    assert (output / "index.html").read_bytes() == b"new"


def test_spooled_files_are_moved_in_or_kept_when_unchanged(tmp_path):
    output = tmp_path / "site"
    write_site({"timeline.json": b"old", "same.json": b"kept"}, output)
    kept_inode = (output / "same.json").stat().st_ino
    spool = tmp_path / "spool"
    spool.mkdir()
    (spool / "timeline.json").write_bytes(b"new")
    (spool / "same.json").write_bytes(b"kept")
    report = write_site([("timeline.json", SpooledFile(spool / "timeline.json")),
                         ("same.json", SpooledFile(spool / "same.json"))], output)
    assert (report.written, report.unchanged) == (1, 1)
    assert (output / "timeline.json").read_bytes() == b"new"
    assert not (spool / "timeline.json").exists()  # moved, not copied
    assert (output / "same.json").stat().st_ino == kept_inode  # the previous file, linked


def test_kept_files_are_the_previous_sites_linked_and_a_missing_one_stops_the_write(tmp_path):
    output = tmp_path / "site"
    write_site({"events/a.html": b"page a", "index.html": b"old"}, output)
    record = PageRecord(output, {"events/a.html": ("digest-a", 6, (output / "events/a.html").stat().st_mtime_ns)})
    kept = record.unchanged("events/a.html", "digest-a")
    assert kept == output / "events/a.html"
    assert record.unchanged("events/a.html", "digest-b") is None  # its inputs changed
    inode = kept.stat().st_ino
    report = write_site([("events/a.html", KeptFile(kept)), ("index.html", b"new")], output)
    assert (report.written, report.unchanged) == (1, 1)
    assert (output / "events/a.html").stat().st_ino == inode
    (output / "events/a.html").write_bytes(b"edited")  # by hand: no longer the file the record describes
    assert record.unchanged("events/a.html", "digest-a") is None
    gone = output / "events/gone.html"
    with pytest.raises(ContentError) as raised:
        write_site([("events/gone.html", KeptFile(gone))], output)
    assert raised.value.problems[0].message.startswith("the output folder changed while this build ran")
    assert (output / "index.html").read_bytes() == b"new"  # the previous site is left as it was


def test_a_killed_builds_spool_folder_is_cleared_by_the_next_write(tmp_path):
    output = tmp_path / "site"
    write_site({"index.html": b"old"}, output)
    spool_folder(output).mkdir()
    (spool_folder(output) / "timeline.json").write_bytes(b"half")
    write_site({"index.html": b"new"}, output)
    assert siblings(output) == []


# cache -------------------------------------------------------------------------------------------------------


def test_cache_round_trip_and_misses(tmp_path):
    cache = DiskCache(tmp_path / "cache")
    assert "k1" not in cache and cache.get("k1") is None
    cache["k1"] = {"claims": (1, 2, 3)}
    cache["weird key/../with:chars"] = [1]
    again = DiskCache(tmp_path / "cache")
    assert again["k1"] == {"claims": (1, 2, 3)}
    assert again["weird key/../with:chars"] == [1]
    assert sorted(again) == ["k1", "weird key/../with:chars"] and len(again) == 2
    del again["k1"]
    assert "k1" not in again
    with pytest.raises(KeyError):
        again["k1"]
    files = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert all(p.parent.name == program_fingerprint() for p in files)  # nothing escapes the namespace folder


def test_cached_analyses_share_their_actor_ids_and_time_words(tmp_path):
    # Thousands of cached articles name the same actors and write the same time words: read back, each
    # such string is one object, not one per article, which keeps a large build's memory down.
    content = load_content(CONTENT)
    analyses = extract(content).analyses
    cache = DiskCache(tmp_path)
    for index, analysis in enumerate(analyses):
        cache[f"a{index}"] = analysis
    first, second = (DiskCache(tmp_path)[f"a{index}"] for index in range(2))
    assert first == analyses[0] and second == analyses[1]
    shared_actors = {a for c in first.claims for a in c.actors} & {a for c in second.claims for a in c.actors}
    assert "mojahedin-e-khalq" in shared_actors
    actor_objects = {id(a) for analysis in (first, second) for c in analysis.claims for a in c.actors
                     if a == "mojahedin-e-khalq"}
    assert len(actor_objects) == 1
    values = {id(t.value) for analysis in (first, second) for t in analysis.timexes if t.value == "2023-06-20"}
    assert len(values) == 1


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", pickle.dumps("a bare value"), pickle.dumps((1, "k", 2))[:-3],
                                     pickle.dumps((99, "k", 2)), pickle.dumps((1, "other key", 2))])
def test_corrupt_or_foreign_entries_are_misses(tmp_path, garbage):
    cache = DiskCache(tmp_path)
    cache["k"] = "value"
    (cache.folder / "k.pickle").write_bytes(garbage)
    assert "k" not in cache
    assert cache.get("k") is None
    cache["k"] = "fresh"
    assert DiskCache(tmp_path)["k"] == "fresh"


def test_cache_of_another_program_version_is_never_read(tmp_path):
    old = DiskCache(tmp_path, namespace="0.0.1-0123456789abcdef")
    old["k"] = "stale"
    current = DiskCache(tmp_path)
    assert "k" not in current
    current["k"] = "fresh"
    current.prune()
    assert not old.folder.exists()  # another program's entries are removed by prune


def test_prune_keeps_what_this_build_used(tmp_path):
    first = DiskCache(tmp_path)
    first["a"], first["b"] = 1, 2
    (first.folder / ".tmp-killed.pickle").write_bytes(b"half")
    second = DiskCache(tmp_path)
    assert second["a"] == 1
    assert second.prune() == 1
    assert sorted(DiskCache(tmp_path)) == ["a"]
    assert not list(first.folder.glob(".tmp-*"))


def test_clear_touches_only_cache_files(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    cache = DiskCache(tmp_path)
    cache["a"] = 1
    cache.clear()
    assert len(DiskCache(tmp_path)) == 0
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_an_unwritable_cache_only_slows_the_build(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    cache = DiskCache(blocker)
    cache["a"] = 1  # no exception
    assert "a" not in cache


def test_default_cache_folder_is_beside_the_output(tmp_path):
    assert default_cache_dir(tmp_path / "out" / "_site") == tmp_path / "out" / ".mekraid-cache"


# builds ------------------------------------------------------------------------------------------------------


def test_rebuild_with_nothing_changed_writes_nothing(tmp_path):
    output = tmp_path / "site"
    first = build(CONTENT, output, TEMPLATES)
    assert first.written == len([p for p in output.rglob("*") if p.is_file()]) - 1  # all but the marker
    before = mtimes(output)
    time.sleep(0.01)
    again = build(CONTENT, output, TEMPLATES)
    assert (again.written, again.removed, again.unchanged) == (0, 0, first.written)
    assert mtimes(output) == before


def test_adding_an_article_writes_only_what_changed(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    output = tmp_path / "site"
    first = build(content, output, TEMPLATES)
    (content / "articles" / "harbour-note.md").write_text(
        "---\ntitle: A harbour note\npublisher: Harbour Times\npublished: 2023-06-22\n---\n"
        "The harbour master said on Wednesday that ferries ran as usual.\n", encoding="utf-8")
    second = build(content, output, TEMPLATES)
    assert (output / "sources" / "harbour-note.html").is_file()
    assert 0 < second.written < first.written + 3
    assert second.unchanged > 0
    clean = build(content, output, TEMPLATES, clean=True)
    assert clean.unchanged == 0 and clean.written == second.written + second.unchanged


def test_two_builds_of_the_same_content_are_byte_identical(tmp_path, monkeypatch):
    one, two = tmp_path / "one", tmp_path / "two"
    build(CONTENT, one, TEMPLATES)
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    time.tzset()
    try:
        build(CONTENT, two, TEMPLATES, clean=True, use_cache=False)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert snapshot(one) == snapshot(two)


# kill -9 during a build --------------------------------------------------------------------------------------

SYNTHETIC_SITE = """title: "Synthetic incident"
incident:
  name: "Harbour fire"
  place: "Port Town"
  timezone: Europe/Berlin
"""
PLACES = ["Port Town", "Hill Road", "the harbour", "the old market", "North Quay"]
AGENCIES = ["Port Town Police", "the Fire Service", "Harbour Authority", "City Council", "Red Crescent"]


def synthetic_article(number: int, rng: random.Random) -> str:
    """A small plausible news article, different for each number."""
    day = 1 + number % 27
    lines = []
    for _ in range(6):
        agency, place = rng.choice(AGENCIES), rng.choice(PLACES)
        lines.append(f"On {day} March 2024 at {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}, {agency} said "
                     f"that {rng.randint(2, 90)} people were evacuated near {place}.")
        lines.append(f"At least {rng.randint(1, 9)} people were injured, according to {rng.choice(AGENCIES)}.")
    return (f"---\ntitle: \"Report {number} on the harbour fire\"\npublisher: \"Wire {number % 7}\"\n"
            f"published: 2024-03-{day:02d}T18:00+01:00\n---\n" + "\n".join(lines) + "\n")


def make_synthetic_content(folder: Path, count: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    (folder / "articles").mkdir(parents=True)
    (folder / "site.yaml").write_text(SYNTHETIC_SITE, encoding="utf-8")
    for number in range(count):
        (folder / "articles" / f"report-{number:03d}.md").write_text(synthetic_article(number, rng), encoding="utf-8")
    return folder


def frozen_program(folder: Path) -> list[str]:
    """A copy of the program and theme, so edits in the checkout during the test do not change its builds."""
    shutil.copytree(PROJECT / "src", folder / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(TEMPLATES, folder / "templates")
    shutil.copy(PROJECT / "build.py", folder / "build.py")
    return [sys.executable, str(folder / "build.py"), "--templates", str(folder / "templates"), "--no-cache"]


def test_kill_9_at_random_moments_leaves_the_previous_site_whole(tmp_path):
    BUILD_COMMAND = frozen_program(tmp_path / "program")  # noqa: N806
    content = make_synthetic_content(tmp_path / "content", 300)
    output = tmp_path / "out" / "_site"
    subprocess.run(BUILD_COMMAND + ["--content", str(content), "--output", str(output)], check=True,
                   capture_output=True)
    previous = snapshot(output)
    # The next build differs: one article more and one edited.
    (content / "articles" / "report-300.md").write_text(synthetic_article(300, random.Random(1)), encoding="utf-8")
    edited = content / "articles" / "report-000.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("evacuated", "moved"), encoding="utf-8")
    expected = tmp_path / "expected"
    started = time.perf_counter()
    subprocess.run(BUILD_COMMAND + ["--content", str(content), "--output", str(expected)], check=True,
                   capture_output=True)
    duration = time.perf_counter() - started
    new = snapshot(expected)
    assert new != previous

    rng = random.Random(20240301)
    outcomes = []
    for _ in range(6):
        process = subprocess.Popen(BUILD_COMMAND + ["--content", str(content), "--output", str(output)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, duration * 0.7))
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = snapshot(output)
        assert now in (previous, new), "the output is neither the previous site nor the new one"
        outcomes.append("previous" if now == previous else "new")
        if now == new:  # the kill came after the swap: start again from the previous site
            restore(output, previous)
    assert "previous" in outcomes
    print(f"kill -9 outcomes: {outcomes}; a full build takes {duration:.1f} s")
    done = subprocess.run(BUILD_COMMAND + ["--content", str(content), "--output", str(output)], capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert snapshot(output) == new
    assert sorted(p.name for p in output.parent.iterdir()) == ["._site.lock", "_site"]


def restore(output: Path, files: dict[str, bytes]) -> None:
    shutil.rmtree(output)
    for relative, data in files.items():
        target = output / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def test_killing_a_parallel_build_leaves_no_worker_behind(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    article = (CONTENT / "articles" / "atlas-news-mek-camp-raid.md").read_text(encoding="utf-8")
    for number in range(150):
        (content / "articles" / f"copy-{number}.md").write_text(article, encoding="utf-8")
    build_process = subprocess.Popen(
        [sys.executable, str(PROJECT / "build.py"), "--content", str(content), "--output", str(tmp_path / "site"),
         "--templates", str(TEMPLATES), "--no-cache", "--jobs", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[str] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and build_process.poll() is None and time.monotonic() < deadline:
        listed = subprocess.run(["ps", "-ww", "--ppid", str(build_process.pid), "-o", "pid=,args="],
                                capture_output=True,
                                text=True).stdout
        workers = [line.split()[0] for line in listed.splitlines() if "spawn_main" in line]
        time.sleep(0.05)
    build_process.kill()
    build_process.wait()
    assert len(workers) == 2, "the build ended before its workers could be seen"
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(Path(f"/proc/{pid}").exists() for pid in workers)
