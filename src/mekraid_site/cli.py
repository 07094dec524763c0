"""The command line: ``mekraid-site build``, ``check``, ``serve`` and ``timex``.

Exit codes: 0 done, 2 bad content (every problem is printed, the previous
site is left as it was), 1 anything else (a file that cannot be written, an
internal error).
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import http.server
import json
import os
import pstats
import signal
import sys
import threading
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import __version__
from .build import BuildReport, build, check
from .errors import ContentError, printable
from .load import DEFAULT_MAX_ARTICLE_BYTES

EXIT_OK, EXIT_FAILED, EXIT_CONTENT_ERROR = 0, 1, 2
POLL_SECONDS = 1.0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = argparse.ArgumentParser(prog="mekraid-site",
                                     description="Build an incident-timeline site from news articles.")
    parser.add_argument("--version", action="version", version=f"mekraid-site {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    build_parser = commands.add_parser("build", help="build the site from the content folder")
    _add_content_options(build_parser)
    _add_output_options(build_parser)
    build_parser.add_argument("--clean", action="store_true",
                              help="ignore the cache and previous output: rebuild and write every file")
    build_parser.add_argument("--profile", action="store_true",
                              help="print where the time went (Python's profiler; use with --jobs 1 to see extraction)")

    check_parser = commands.add_parser("check", help="validate the content without building; report every problem")
    _add_content_options(check_parser)

    serve_parser = commands.add_parser("serve", help="build, serve on 127.0.0.1 and rebuild when content changes")
    _add_content_options(serve_parser)
    _add_output_options(serve_parser)
    serve_parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000; 0: any free)")

    timex_parser = commands.add_parser("timex", help="print the time expressions of a text file as JSON lines")
    timex_parser.add_argument("--dct", required=True, help="document creation time: DATE[THH:MM[+hh:mm]]")
    timex_parser.add_argument("--tz", default="UTC", help="IANA time zone for times without a zone (default: UTC)")
    timex_parser.add_argument("file", type=Path)

    args = parser.parse_args(argv)
    if args.command == "build":
        return _build(args)
    if args.command == "check":
        return _check(args)
    if args.command == "serve":
        return _serve(args)
    return _timex(args)


def _positive(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive number of bytes")
    return value


def _count(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be a positive number")
    return value


def _add_content_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    parser.add_argument("--max-article-bytes", type=_positive, default=DEFAULT_MAX_ARTICLE_BYTES,
                        help=f"largest article accepted, in bytes (default: {DEFAULT_MAX_ARTICLE_BYTES:,})")


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--output", type=Path, default=Path("_site"), help="output folder (default: _site)")
    parser.add_argument("--templates", type=Path, default=None,
                        help="theme folder (default: templates/ beside the content folder, else the project's own)")
    parser.add_argument("--cache", type=Path, default=None,
                        help="cache folder (default: .mekraid-cache beside the output folder)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument("--progress", action="store_true",
                        help="print a line per stage as it ends: what it made and the time it took")
    parser.add_argument("--jobs", type=_count, default=None,
                        help="processes that read articles (default: one per core); the output is the same")


def _templates(args: argparse.Namespace) -> Path:
    """The theme: --templates, else templates/ beside the content folder, else the theme of this checkout."""
    if args.templates:
        return args.templates
    beside = args.content.absolute().parent / "templates"
    if (beside / "base.html").is_file() or not (_OWN_THEME / "base.html").is_file():
        return beside  # when neither has a theme, the error names the folder beside the content
    return _OWN_THEME


_OWN_THEME = Path(__file__).resolve().parents[2] / "templates"  # src/mekraid_site/cli.py -> templates/


def _print_problems(error: ContentError, what: str) -> None:
    print(f"error: {what}; {len(error.problems)} problem(s):", file=sys.stderr)
    for problem in error.problems:
        print(f"  {problem}", file=sys.stderr)


def _run_build(args: argparse.Namespace, clean: bool = False) -> tuple[int, BuildReport | None]:
    """Build once and print what happened; (exit code, report)."""
    started = time.perf_counter()
    try:
        report = build(args.content, args.output, _templates(args), clean=clean, cache_dir=args.cache,
                       use_cache=not args.no_cache, max_article_bytes=args.max_article_bytes, jobs=args.jobs,
                       progress=_progress if args.progress else None)
    except ContentError as error:
        _print_problems(error, "the site was not built")
        return EXIT_CONTENT_ERROR, None
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        print(f"error: the site was not built: {printable(where + (error.strerror or str(error)))}", file=sys.stderr)
        return EXIT_FAILED, None
    except Exception:  # noqa: BLE001 (a bug: say so, keep the previous site, and give what a report needs)
        print("error: the site was not built: internal error (please report it with the text below); "
              "the previous site is unchanged", file=sys.stderr)
        traceback.print_exc()
        return EXIT_FAILED, None
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    changes = (f"{report.written} files written, {report.unchanged} unchanged, {report.removed} removed"
               if report.written or report.removed else f"nothing changed, {report.unchanged} files unchanged")
    print(
        f"Built {args.output}: {report.sources} sources, {report.claims} claims, {report.events} events "
        f"({report.disputes} with disputes), {report.actors} actors, {report.pages} pages in {elapsed:.2f} s; "
        f"{changes}",
        flush=True,
    )
    return EXIT_OK, report


def _progress(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def _build(args: argparse.Namespace) -> int:
    if not args.profile:
        return _run_build(args, clean=args.clean)[0]
    profiler = cProfile.Profile()
    code = profiler.runcall(_run_build, args, args.clean)[0]
    print("\nWhere the time went (top 25 functions by cumulative time):", file=sys.stderr)
    pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
    return code


def _check(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        report = check(args.content, args.max_article_bytes)
    except Exception:  # noqa: BLE001
        print("error: the check stopped: internal error (please report it with the text below)", file=sys.stderr)
        traceback.print_exc()
        return EXIT_FAILED
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if report.problems:
        _print_problems(ContentError(list(report.problems)), f"{args.content} has problems")
        return EXIT_CONTENT_ERROR
    print(f"OK {args.content}: {report.sources} sources, {report.claims} claims, {report.events} events, "
          f"no problems in {time.perf_counter() - started:.2f} s")
    return EXIT_OK


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the output folder; quiet, and never cached by the browser (the site changes under it)."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's API)
        pass


def _snapshot(folders: Sequence[Path], skip: Sequence[Path]) -> tuple:
    """Every file under folders as (path, modification time, size): changes when any file does."""
    skip_resolved = [path.resolve() for path in skip]
    seen = []
    for folder in folders:
        for directory, dirs, names in os.walk(folder):
            here = Path(directory).resolve()
            dirs[:] = sorted(d for d in dirs if (here / d) not in skip_resolved and not d.startswith("."))
            for name in sorted(names):
                try:
                    stat = (Path(directory) / name).stat()
                except OSError:
                    continue
                seen.append((directory, name, stat.st_mtime_ns, stat.st_size))
    return tuple(seen)


def _serve(args: argparse.Namespace) -> int:
    args.jobs = 1  # rebuilds run beside the server's threads: no forked workers there
    output = args.output.absolute()
    watched = [args.content, _templates(args)]
    skip = [output, args.cache or output.parent / ".mekraid-cache"]
    last = _snapshot(watched, skip)
    _run_build(args)
    output.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(_Handler, directory=str(output))
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    except OSError as error:
        print(f"error: cannot serve on 127.0.0.1:{args.port}: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED
    server.daemon_threads = True
    port = server.server_address[1]
    print(f"Serving {args.output} at http://127.0.0.1:{port}/ ; rebuilding when {args.content} or the "
          f"templates change (Ctrl-C to stop)", flush=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        while True:
            time.sleep(POLL_SECONDS)
            current = _snapshot(watched, skip)
            if current != last:
                last = current
                print("Content changed; rebuilding", flush=True)
                code, _ = _run_build(args)
                if code != EXIT_OK:
                    print("The previous site is still served.", file=sys.stderr, flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
    return EXIT_OK


def _timex(args: argparse.Namespace) -> int:
    from . import timex  # the engine is only needed here and in the build

    try:
        zone = ZoneInfo(args.tz)
    except (ZoneInfoNotFoundError, ValueError):
        print(f"error: unknown time zone {args.tz!r}; use an IANA name such as Europe/Tirane", file=sys.stderr)
        return EXIT_CONTENT_ERROR
    try:
        dct = timex.parse_dct(args.dct, zone)
    except ValueError as error:
        print(f"error: --dct {args.dct!r}: {error}", file=sys.stderr)
        return EXIT_CONTENT_ERROR
    try:
        text = args.file.read_bytes().decode("utf-8")
    except OSError as error:
        print(f"error: {args.file}: {error.strerror}", file=sys.stderr)
        return EXIT_CONTENT_ERROR
    except UnicodeDecodeError as error:
        print(f"error: {args.file}: not valid UTF-8 at byte offset {error.start}", file=sys.stderr)
        return EXIT_CONTENT_ERROR
    for found in timex.find_timexes(text, dct, zone):
        print(json.dumps(timex.timex_json(found), ensure_ascii=False))
    return EXIT_OK
