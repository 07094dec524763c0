#!/usr/bin/env python3
"""Build-speed benchmark: mekraid-site against Pelican and Hugo on the same synthetic articles.

    python benchmarks/bench_build.py [--sizes 1000,5000,20000] [--runs 3] [--corpus-dir /tmp/mekraid-bench]
                                     [--rebuild-runs K] [--skip-hugo] [--skip-pelican] [--merge] [--no-write]

For each size N it makes (or reuses) the corpus of benchmarks/make_corpus.py
in CORPUS_DIR/nN, then runs, alternately, run after run:

    ours full (cold: empty output and cache, --clean), then ours no-change rebuild,
    ours add-one (article N + 1 copied in), ours edit-one (a sentence appended to one article);
    pelican full (`pelican content -o OUT -s pelicanconf.py`, no content cache);
    hugo full (`hugo --source DIR --destination OUT --quiet`)

Each measurement is one child process: wall time (perf_counter), CPU time
(user + system of the child and the children it waited for, from os.wait4) and
peak resident set (ru_maxrss from os.wait4: the largest single process of the
tree; with --jobs workers, the tree's memory sampled from /proc every 0.1 s is
reported as well: the sum of its processes' proportional set sizes, in which
pages shared by forked workers count once). It reports the median wall and CPU time and the
largest peak RSS over the runs, checks that every output has one page per
article, prints a Markdown table and writes benchmarks/results.md (machine,
versions, date, command). Text of an existing results.md after the line
`<!-- analysis -->` is kept. Raw numbers go to CORPUS_DIR/results.json;
`--merge` also reports sizes measured by earlier invocations that this one
did not run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402

RESULTS_MD = HERE / "results.md"
ANALYSIS_MARKER = "<!-- analysis -->"
OURS_STEPS = ("ours full", "ours no-change", "ours add-one", "ours edit-one")
EDIT_SENTENCE = "\n\nA correction was appended on March 20, 2031 at 0900 GMT: police now say 13 people died.\n"


# --------------------------------------------------------------------------------------------------
# Measuring one child process
# --------------------------------------------------------------------------------------------------


def _tree_pss_kib(root: int) -> int:
    """Memory of root and its descendants (0 when it is gone): the sum of their proportional set sizes.

    PSS splits each page among the processes that share it, so the pages that forked workers share with
    their parent count once in the sum, where adding up RSS would count them once per process.
    """
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as file:
                stat = file.read()
            ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        stack += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as file:
                total += next((int(line.split()[1]) for line in file if line.startswith(b"Pss:")), 0)
        except (OSError, ValueError):
            continue
    return total


def measure(argv: list[str], cwd: Path | None = None, sample_tree: bool = False) -> dict:
    """Run argv to the end; wall s, cpu s, peak RSS MiB of the largest process (and of the tree, sampled)."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak_tree = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.1):
            peak_tree[0] = max(peak_tree[0], _tree_pss_kib(process.pid))

    sampler = threading.Thread(target=sample, daemon=True) if sample_tree else None
    if sampler:
        sampler.start()
    output = process.stdout.read()  # until the child closes it (it ends)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    done.set()
    if sampler:
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    text = output.decode("utf-8", "replace")
    if process.returncode != 0:
        raise SystemExit(f"failed ({process.returncode}): {' '.join(map(str, argv))}\n{text[-3000:]}")
    result = {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mib": usage.ru_maxrss / 1024,
              "output": text.strip().splitlines()[-1:] or [""]}
    if sample_tree:
        result["tree_pss_mib"] = peak_tree[0] / 1024
    return result


# --------------------------------------------------------------------------------------------------
# The tools
# --------------------------------------------------------------------------------------------------


def _run_text(argv: list[str]) -> str:
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def our_flags(code: Path = PROJECT) -> set[str]:
    """The options `build.py --help` offers now (--clean, --cache, --jobs ... arrive over time)."""
    text = _run_text([sys.executable, str(code / "build.py"), "--help"])
    return set(re.findall(r"(--[a-z][a-z-]*)", text))


def our_version() -> str:
    init = (PROJECT / "src" / "mekraid_site" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r"__version__\s*=\s*['\"]([^'\"]+)", init)
    commit = _run_text(["git", "-C", str(PROJECT), "rev-parse", "--short", "HEAD"])
    dirty = _run_text(["git", "-C", str(PROJECT), "status", "--porcelain", "--untracked-files=no", "src"])
    version = match.group(1) if match else "?"
    if commit:
        version += f" (git {commit}{', src/ with uncommitted changes' if dirty else ''})"
    return version


def snapshot_code(root: Path) -> tuple[Path, str]:
    """Copy build.py, src/ and templates/ to root/code, so every run of this invocation measures the same code.

    Several engineers commit to the checkout while a benchmark runs; without the
    copy, each run would import whatever src/ holds when it starts. Returns the
    copy and a description: version, git commit and a hash of the copied sources.
    """
    import hashlib

    code = root / "code"
    _fresh(code)
    code.mkdir(parents=True)
    shutil.copy2(PROJECT / "build.py", code / "build.py")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    shutil.copytree(PROJECT / "src", code / "src", ignore=ignore)
    shutil.copytree(PROJECT / "templates", code / "templates", ignore=ignore)
    digest = hashlib.sha256()
    for path in sorted((code / "src").rglob("*.py")) + sorted((code / "templates").rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(code)).encode() + b"\0" + path.read_bytes())
    return code, f"{our_version()}, sources sha256 {digest.hexdigest()[:12]}"


def pelican_argv() -> list[str] | None:
    exe = shutil.which("pelican")
    if exe:
        return [exe]
    if _run_text([sys.executable, "-c", "import pelican; print(1)"]) == "1":
        return [sys.executable, "-m", "pelican"]
    return None


def versions(pelican: list[str] | None, hugo: str | None) -> dict[str, str]:
    found = {"python": platform.python_version(), "mekraid-site": our_version()}
    for package in ("markdown", "jinja2", "pyyaml"):
        code = f"import importlib.metadata as m; print(m.version('{package}'))"
        found[package] = _run_text([sys.executable, "-c", code])
    if pelican:
        found["pelican"] = _run_text([*pelican, "--version"])
    if hugo:
        found["hugo"] = _run_text([hugo, "version"])
    return found


def machine() -> dict[str, str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        ram = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass
    return {"nproc": str(os.cpu_count()), "cpu": cpu, "ram": ram,
            "os": f"{platform.system()} {platform.release()}", "load": " ".join(f"{x:.2f}" for x in os.getloadavg())}


# --------------------------------------------------------------------------------------------------
# One size
# --------------------------------------------------------------------------------------------------


def ensure_corpus(n: int, root: Path, seed: int) -> Path:
    """CORPUS_DIR/nN with the three formats; made once, reused while the generator and seed are unchanged."""
    folder = root / f"n{n}"
    stamp = folder / "corpus.json"
    wanted = {"n": n, "seed": seed, "generator": _file_digest(HERE / "make_corpus.py")}
    if stamp.is_file() and json.loads(stamp.read_text()) == wanted:
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    started = time.perf_counter()
    make_corpus.write_corpus(n, folder, seed)
    stamp.write_text(json.dumps(wanted))
    print(f"  corpus n={n}: generated in {time.perf_counter() - started:.1f} s", flush=True)
    return folder


def _file_digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _fresh(*folders: Path) -> None:
    for folder in folders:
        if folder.exists():
            shutil.rmtree(folder)


def _count_pages(out: Path, slugs: list[str], pattern: str) -> int:
    return sum(1 for slug in slugs if (out / pattern.format(slug=slug)).is_file())


def bench_size(n: int, args: argparse.Namespace, flags: set[str], pelican: list[str] | None, hugo: str | None,
               code: Path = PROJECT) -> dict:
    corpus = ensure_corpus(n, args.corpus_dir, args.seed)
    work = args.corpus_dir / f"work-n{n}"
    _fresh(work)
    work.mkdir(parents=True)
    content = work / "content"
    shutil.copytree(corpus / "ours", content)  # add-one and edit-one change this copy, never the corpus
    slugs = sorted(path.stem for path in (corpus / "ours" / "articles").glob("*.md"))
    extra = make_corpus.article(n + 1, args.seed)
    edited = content / "articles" / f"{slugs[len(slugs) // 2]}.md"
    edited_original = edited.read_bytes()
    ours_out, ours_cache = work / "ours-site", work / "ours-cache"
    ours = [sys.executable, str(code / "build.py"), "--content", str(content), "--output", str(ours_out),
            "--templates", str(code / "templates")]
    if "--cache" in flags:
        ours += ["--cache", str(ours_cache)]
    if "--jobs" in flags and args.jobs:
        ours += ["--jobs", str(args.jobs)]
    ours_clean = ours + (["--clean"] if "--clean" in flags else [])
    sample_tree = "--jobs" in flags
    samples: dict[str, list[dict]] = {}
    pages: dict[str, int] = {}
    expected: dict[str, int] = {}

    def record(step: str, result: dict) -> None:
        samples.setdefault(step, []).append(result)
        extra_text = f", tree {result['tree_pss_mib']:.0f} MiB" if "tree_pss_mib" in result else ""
        print(f"  n={n} {step:15} wall {result['wall']:8.2f} s  cpu {result['cpu']:8.2f} s  "
              f"rss {result['rss_mib']:7.1f} MiB{extra_text}", flush=True)

    def rebuilds() -> None:
        """No-change rebuild, then add article N + 1, then edit one article; the corpus copy is restored."""
        record("ours no-change", measure(ours, sample_tree=sample_tree))
        added = content / "articles" / f"{extra.slug}.md"
        added.write_text(make_corpus.ours_article(extra), encoding="utf-8")
        record("ours add-one", measure(ours, sample_tree=sample_tree))
        pages["ours add-one"] = _count_pages(ours_out, slugs + [extra.slug], "sources/{slug}.html")
        expected["ours add-one"] = n + 1
        edited.write_bytes(edited_original + EDIT_SENTENCE.encode())
        record("ours edit-one", measure(ours, sample_tree=sample_tree))
        added.unlink()
        edited.write_bytes(edited_original)

    for run in range(1, args.runs + 1):
        print(f" n={n} run {run}/{args.runs}", flush=True)
        # ours: cold full build, then the rebuilds that a newsroom does all day
        _fresh(ours_out, ours_cache, work / ".mekraid-cache")
        record("ours full", measure(ours_clean, sample_tree=sample_tree))
        pages["ours full"] = _count_pages(ours_out, slugs, "sources/{slug}.html")
        expected["ours full"] = n
        if run <= args.rebuild_runs:
            rebuilds()
        if pelican:
            pel_out = work / "pelican-out"
            _fresh(pel_out)
            record("pelican full", measure([*pelican, "content", "-o", str(pel_out), "-s", "pelicanconf.py"],
                                           cwd=corpus / "pelican"))
            pages["pelican full"] = _count_pages(pel_out, slugs, "{slug}.html")
            expected["pelican full"] = n
        if hugo:
            hugo_out = work / "hugo-out"
            _fresh(hugo_out)
            record("hugo full", measure([hugo, "--source", str(corpus / "hugo"), "--destination", str(hugo_out),
                                         "--quiet"]))
            pages["hugo full"] = _count_pages(hugo_out, slugs, "posts/{slug}/index.html")
            expected["hugo full"] = n
    bad = {step: (pages[step], expected[step]) for step in pages if pages[step] != expected[step]}
    if bad:
        print(f"  WARNING n={n}: page counts differ from the number of articles: {bad}", flush=True)
    summary = {}
    for step, results in samples.items():
        summary[step] = {
            "runs": len(results),
            "wall_median": statistics.median(r["wall"] for r in results),
            "wall_all": [round(r["wall"], 3) for r in results],
            "cpu_median": statistics.median(r["cpu"] for r in results),
            "rss_max_mib": max(r["rss_mib"] for r in results),
            "tree_pss_max_mib": max((r.get("tree_pss_mib", 0) for r in results), default=0) or None,
            "pages": pages.get(step), "expected_pages": expected.get(step),
            "last_output": results[-1]["output"][0][:300],
        }
    shutil.rmtree(work, ignore_errors=True)
    return {"n": n, "runs": args.runs, "steps": summary,
            "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "command": " ".join(["python", "benchmarks/bench_build.py", *sys.argv[1:]])}


# --------------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------------


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}" if a and b else "–"


def table(sizes: list[dict]) -> str:
    rows = ["| N | step | runs | wall median (s) | wall runs (s) | CPU median (s) | peak RSS max (MiB) | pages "
            "| ours/pelican wall (CPU) | ours/hugo wall (CPU) |",
            "|---:|---|---:|---:|---|---:|---:|---:|---:|---:|"]
    for size in sizes:
        steps = size["steps"]
        pel, hug = steps.get("pelican full", {}), steps.get("hugo full", {})
        for step in (*OURS_STEPS, "pelican full", "hugo full"):
            if step not in steps:
                continue
            s = steps[step]
            rss = f"{s['rss_max_mib']:.0f}" + (f" (tree {s['tree_pss_max_mib']:.0f})" if s.get("tree_pss_max_mib")
                                               else "")
            page = "–" if s["pages"] is None else (f"{s['pages']}" + ("" if s["pages"] == s["expected_pages"]
                                                                      else f" of {s['expected_pages']}!"))
            ratios = [f"{_ratio(s['wall_median'], peer.get('wall_median'))} "
                      f"({_ratio(s['cpu_median'], peer.get('cpu_median'))})" if peer else "–" for peer in (pel, hug)]
            if step != "ours full":
                ratios = ["", ""]
            rows.append(f"| {size['n']:,} | {step} | {s['runs']} | {s['wall_median']:.2f} | "
                        f"{', '.join(f'{w:.2f}' for w in s['wall_all'])} | {s['cpu_median']:.2f} | {rss} | {page} | "
                        f"{ratios[0]} | {ratios[1]} |")
    return "\n".join(rows)


def targets(sizes: list[dict]) -> str:
    by_n = {size["n"]: size["steps"] for size in sizes}
    lines = []
    if 5000 in by_n:
        s = by_n[5000]
        ours = s.get("ours full", {}).get("wall_median")

        def check(label: str, ok: bool | None, detail: str) -> None:
            lines.append(f"- {label}: {'n/a' if ok is None else 'met' if ok else 'NOT met'} ({detail})")

        pel = s.get("pelican full", {}).get("wall_median")
        hug = s.get("hugo full", {}).get("wall_median")
        check("full build cold <= Pelican (required)", None if not pel else ours <= pel,
              f"ours {ours:.2f} s, Pelican {pel:.2f} s" if pel else "Pelican not run")
        check("full build cold <= Hugo (aim)", None if not hug else ours <= hug,
              f"ours {ours:.2f} s, Hugo {hug:.2f} s" if hug else "Hugo not run")
        add = s.get("ours add-one", {}).get("wall_median")
        check("add one article and rebuild <= 1 s", None if add is None else add <= 1, f"{add:.2f} s")
        same = s.get("ours no-change", {}).get("wall_median")
        check("no-change rebuild <= 0.5 s", None if same is None else same <= 0.5, f"{same:.2f} s")
        rss = max(step["rss_max_mib"] for name, step in s.items() if name.startswith("ours"))
        tree = max((step.get("tree_pss_max_mib") or 0) for name, step in s.items() if name.startswith("ours"))
        check("peak memory <= 500 MB", max(rss, tree) * 1.048576 <= 500,
              f"{max(rss, tree) * 1.048576:.0f} MB = {max(rss, tree):.0f} MiB")
        if 20000 in by_n:
            big = by_n[20000].get("ours full", {}).get("wall_median")
            check("20,000 articles within 4.5x the 5,000 time", big <= 4.5 * ours,
                  f"{big:.2f} s / {ours:.2f} s = {big / ours:.2f}x")
        else:
            lines.append("- 20,000 articles within 4.5x the 5,000 time: not measured in this report")
    else:
        lines.append("- the targets are for N = 5,000, which this report does not include")
    return "\n".join(lines)


def _per_size(sizes: list[dict], render) -> str:
    """One value when every size has the same, else "N=1,000: ...; N=5,000: ..."."""
    values = [render(size) for size in sizes]
    if len(set(values)) == 1:
        return values[0]
    return "; ".join(f"N={size['n']:,}: {value}" for size, value in zip(sizes, values, strict=True))


def write_markdown(sizes: list[dict]) -> str:
    def flags_text(size: dict) -> str:
        flags = size.get("flags", [])
        missing = [flag for flag in ("--clean", "--cache", "--jobs") if flag not in flags]
        text = ", ".join(f"`{flag}`" for flag in flags) or "none of --clean/--cache/--jobs"
        return text + (f" (not yet: {', '.join(f'`{flag}`' for flag in missing)})" if missing else "")

    def cold_text(size: dict) -> str:
        flags = size.get("flags", [])
        return ("`--clean`" if "--clean" in flags else "no flag") + (
            f" and `--jobs {size['jobs']}`" if size.get("jobs") else "")

    def machine_text(size: dict) -> str:
        m = size.get("machine", {})
        return f"{m.get('nproc', '?')} cores, {m.get('cpu', '?')}, {m.get('ram', '?')} RAM, {m.get('os', '?')}"

    text = f"""# Build benchmark results

Written by `benchmarks/bench_build.py`; how to run it and what it measures: `benchmarks/README.md`.

- **Date (UTC):** {_per_size(sizes, lambda size: size['date'])}
- **Command:** {_per_size(sizes, lambda size: f"`{size['command']}`")}
- **Machine:** {_per_size(sizes, machine_text)}. Load average when each size ended:
  {_per_size(sizes, lambda size: size.get('machine', {}).get('load', '?'))} (our own builds load both cores).
  Anything else sharing the cores makes single runs noisy, so the tools run alternately (ours, Pelican, Hugo,
  ours, ...) and the table gives medians; CPU time is the steadier figure.
- **Versions:** {_per_size(sizes, lambda size: ', '.join(f'{k} {v}' for k, v in size.get('versions', {}).items() if v))}
- **Our options:** `build.py --help` offered {_per_size(sizes, flags_text)}. The full build is cold: output and
  cache folders deleted, then {_per_size(sizes, cold_text)}.
- **Corpus:** `benchmarks/make_corpus.py N DIR --seed {_per_size(sizes, lambda size: str(size.get('seed', '?')))}`,
  articles of 400-900 words; the same articles in Pelican's and Hugo's formats.

Wall and CPU time are medians over the runs; CPU is user + system of the process and the children it waited for;
peak RSS is the largest over the runs (ru_maxrss of the largest single process; "tree" is the sampled memory of
the main process and its workers when `--jobs` exists: the sum of their proportional set sizes, in which the pages
that forked workers share with the main process count once). "pages" counts one page per article (ours:
`sources/<slug>.html`, Pelican: `<slug>.html`, Hugo: `posts/<slug>/index.html`). Ratios are ours full / peer
full: wall time, and CPU time in parentheses.

{table(sizes)}

## Targets (2 cores, 5,000 articles)

{targets(sizes)}

"""
    return text


def save_markdown(sizes: list[dict]) -> None:
    """Write results.md, keeping the hand-written analysis after ANALYSIS_MARKER."""
    kept = ""
    if RESULTS_MD.is_file():
        old = RESULTS_MD.read_text(encoding="utf-8")
        if ANALYSIS_MARKER in old:
            kept = old[old.index(ANALYSIS_MARKER):]
    RESULTS_MD.write_text(write_markdown(sizes) + (kept or ANALYSIS_MARKER + "\n"), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build benchmark: mekraid-site vs Pelican and Hugo.")
    parser.add_argument("--sizes", default="1000,5000,20000", help="comma-separated article counts")
    parser.add_argument("--runs", type=int, default=3, help="runs per tool and size (default: 3)")
    parser.add_argument("--corpus-dir", type=Path, default=Path("/tmp/mekraid-bench"),
                        help="where corpora, outputs and results.json go (default: /tmp/mekraid-bench)")
    parser.add_argument("--seed", type=int, default=make_corpus.DEFAULT_SEED)
    parser.add_argument("--jobs", type=int, default=os.cpu_count(),
                        help="passed to our --jobs when build.py has it (default: number of cores)")
    parser.add_argument("--rebuild-runs", type=int, default=None,
                        help="time our no-change, add-one and edit-one rebuilds in the first K runs only "
                             "(default: every run)")
    parser.add_argument("--skip-hugo", action="store_true")
    parser.add_argument("--skip-pelican", action="store_true")
    parser.add_argument("--merge", action="store_true",
                        help="also report sizes from CORPUS_DIR/results.json that this invocation does not run")
    parser.add_argument("--no-write", action="store_true", help="print only; leave benchmarks/results.md alone")
    parser.add_argument("--report", action="store_true",
                        help="run nothing: rewrite results.md from CORPUS_DIR/results.json (the --sizes, or all with "
                             "--merge)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.rebuild_runs is None:
        args.rebuild_runs = args.runs
    args.corpus_dir = args.corpus_dir.absolute()
    args.corpus_dir.mkdir(parents=True, exist_ok=True)
    if args.corpus_dir.resolve().is_relative_to(PROJECT):
        parser.error("--corpus-dir must be outside the repository (generated corpora are not committed)")

    raw_path = args.corpus_dir / "results.json"
    if args.report:
        if not raw_path.is_file():
            parser.error(f"no {raw_path}: run the benchmark first")
        previous = json.loads(raw_path.read_text())
        report = [previous[k] for k in sorted(previous, key=int) if int(k) in sizes or args.merge]
        print(table(report))
        save_markdown(report)
        return 0

    code, code_version = snapshot_code(args.corpus_dir)
    flags = our_flags(code)
    pelican = None if args.skip_pelican else pelican_argv()
    hugo = None if args.skip_hugo else shutil.which("hugo")
    if not args.skip_pelican and not pelican:
        print("Pelican is not installed (pip install pelican markdown); skipping it", file=sys.stderr)
    if not args.skip_hugo and not hugo:
        print("Hugo is not installed (apt-get install hugo); skipping it", file=sys.stderr)
    info = {"versions": versions(pelican, hugo)}
    info["versions"]["mekraid-site"] = code_version
    print(f"our build flags: {sorted(f for f in flags if f in ('--clean', '--cache', '--no-cache', '--jobs'))}; "
          f"versions: {info['versions']}", flush=True)

    previous = json.loads(raw_path.read_text()) if raw_path.is_file() else {}
    done: list[dict] = []
    for n in sizes:
        print(f"N = {n}", flush=True)
        done.append(bench_size(n, args, flags, pelican, hugo, code))
        done[-1].update(versions=info["versions"], machine=machine(), seed=args.seed,
                        flags=sorted(f for f in flags if f in ("--clean", "--cache", "--no-cache", "--jobs")),
                        jobs=args.jobs if "--jobs" in flags else None)
        previous[str(n)] = done[-1]
        raw_path.write_text(json.dumps(previous, indent=1))
        report = [previous[k] for k in sorted(previous, key=int)] if args.merge else done
        print("\n" + table(report) + "\n", flush=True)
        if not args.no_write:  # after every size, so a long run that is stopped still leaves its figures
            save_markdown(report)
    print(targets(done if not args.merge else [previous[k] for k in sorted(previous, key=int)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
