"""Shared fixtures: the shipped content built once per test session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mekraid_site.build import build
from mekraid_site.extract import extract
from mekraid_site.load import load_content
from mekraid_site.merge import merge

PROJECT = Path(__file__).resolve().parent.parent
CONTENT = PROJECT / "content"
TEMPLATES = PROJECT / "templates"


@pytest.fixture(scope="session")
def shipped_timeline():
    """The timeline merged from the shipped content."""
    content = load_content(CONTENT)
    return merge(extract(content), content.site, content.event_fixes)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The shipped content built into a fresh folder."""
    output = tmp_path_factory.mktemp("site") / "_site"
    build(CONTENT, output, TEMPLATES)
    return output


@pytest.fixture(scope="session")
def timeline_json(built_site) -> dict:
    """The built timeline.json."""
    return json.loads((built_site / "timeline.json").read_text(encoding="utf-8"))
