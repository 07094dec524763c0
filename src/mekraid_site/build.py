"""The pipeline end to end: load -> extract -> merge -> render -> write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import Problem
from .extract import extract
from .load import load_content
from .merge import merge
from .render import render
from .write import write_site


@dataclass(frozen=True)
class BuildReport:
    """What a build made, for the person who ran it."""

    sources: int
    claims: int
    events: int
    disputes: int
    actors: int
    pages: int
    warnings: tuple[Problem, ...]


def build(content_dir: Path, output_dir: Path, templates_dir: Path) -> BuildReport:
    """Build the site from content_dir into output_dir; raise ContentError on bad content."""
    content = load_content(Path(content_dir))
    extraction = extract(content)
    timeline = merge(extraction, content.site)
    files = render(timeline, extraction, Path(templates_dir))
    write_site(files, Path(output_dir))
    return BuildReport(
        sources=len(timeline.sources),
        claims=len(timeline.claims),
        events=len(timeline.events),
        disputes=sum(1 for event in timeline.events if event.disputes),
        actors=len(timeline.actors),
        pages=sum(1 for path in files if path.endswith(".html")),
        warnings=content.warnings,
    )
