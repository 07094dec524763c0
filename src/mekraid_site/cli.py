"""The command line: ``mekraid-site build`` and ``mekraid-site timex``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import __version__
from .build import build
from .errors import ContentError

EXIT_OK, EXIT_CONTENT_ERROR = 0, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = argparse.ArgumentParser(prog="mekraid-site", description="Build an incident-timeline site from news articles.")
    parser.add_argument("--version", action="version", version=f"mekraid-site {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    build_parser = commands.add_parser("build", help="build the site from the content folder")
    build_parser.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    build_parser.add_argument("--output", type=Path, default=Path("_site"), help="output folder (default: _site)")
    build_parser.add_argument("--templates", type=Path, default=None,
                              help="theme folder (default: templates/ beside the content folder)")

    timex_parser = commands.add_parser("timex", help="print the time expressions of a text file as JSON lines")
    timex_parser.add_argument("--dct", required=True, help="document creation time: DATE[THH:MM[+hh:mm]]")
    timex_parser.add_argument("--tz", default="UTC", help="IANA time zone for times without a zone (default: UTC)")
    timex_parser.add_argument("file", type=Path)

    args = parser.parse_args(argv)
    if args.command == "build":
        return _build(args)
    return _timex(args)


def _build(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    templates = args.templates or args.content.absolute().parent / "templates"
    try:
        report = build(args.content, args.output, templates)
    except ContentError as error:
        print(f"error: the site was not built; {len(error.problems)} problem(s):", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return EXIT_CONTENT_ERROR
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    print(
        f"Built {args.output}: {report.sources} sources, {report.claims} claims, {report.events} events "
        f"({report.disputes} with disputes), {report.actors} actors, {report.pages} pages in {elapsed:.2f} s"
    )
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
