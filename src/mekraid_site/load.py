"""Stage 1, load: read content/ and validate it into a Content value.

Every problem is reported with its file and line, and all problems of a run
are collected before raising, so a writer fixes them in one pass.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from .errors import ContentError, Problem
from .model import Actor, Content, Incident, SiteConfig, Source

ACTOR_KINDS = ("person", "organization", "state", "place", "group")
ARTICLE_REQUIRED = ("title", "publisher", "published")
ARTICLE_OPTIONAL = ("author", "url", "timezone", "language", "notes", "inferred")
SITE_KEYS = ("title", "language", "base_url", "incident")
INCIDENT_KEYS = ("name", "place", "timezone", "summary")
ACTOR_KEYS = ("name", "kind", "aliases", "description")
DEFAULT_MAX_ARTICLE_BYTES = 4 * 1024 * 1024


class _StringDatesLoader(yaml.SafeLoader):
    """A safe YAML loader that leaves dates as strings, so we parse them ourselves.

    PyYAML would turn ``2023-06-20T10:00:00+02:00`` into a datetime and drop
    details; we want the text to validate it and report it as written.
    """


_StringDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class _Yaml:
    """A parsed YAML document with the line of every mapping key and list item."""

    data: Any
    lines: dict[tuple[Any, ...], int]  # path of keys/indexes -> 1-based line

    def line(self, *path: Any) -> int | None:
        """The line of the value at path, or of its nearest parent."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


def _parse_yaml(text: str, path: str, first_line: int = 1) -> _Yaml:
    """Parse YAML text, keeping line numbers; raise ContentError on bad syntax."""
    try:
        loader = _StringDatesLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else None
        column = mark.column + 1 if mark else None
        message = f"YAML syntax error: {error.problem or error.context}"
        raise ContentError(
            [Problem(path, line, message, "check indentation, colons and quotes", column)]
        ) from None
    except yaml.YAMLError as error:
        raise ContentError([Problem(path, None, f"YAML error: {error}")]) from None
    lines: dict[tuple[Any, ...], int] = {}
    if node is not None:
        _collect_lines(node, (), lines, first_line)
    return _Yaml(data, lines)


def _collect_lines(node: yaml.Node, path: tuple[Any, ...], lines: dict, first_line: int) -> None:
    lines[path] = node.start_mark.line + first_line
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            _collect_lines(value_node, path + (key,), lines, first_line)
            lines[path + (key,)] = key_node.start_mark.line + first_line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, path + (index,), lines, first_line)


def slugify(text: str) -> str:
    """A lowercase ASCII slug: "Bledi Çuçi" -> "bledi-cuci"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "item"


def _zone_problem(value: Any, path: str, line: int | None, key: str) -> Problem | None:
    if not isinstance(value, str) or not value:
        return Problem(path, line, f"'{key}' must be an IANA time zone name", "e.g. Europe/Tirane")
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return Problem(
            path, line, f"unknown time zone '{value}' in '{key}'",
            "use an IANA name such as Europe/Tirane or America/New_York",
        )
    return None


def _check_mapping(
    data: Any, doc: _Yaml, path: str, where: tuple, allowed: tuple[str, ...], required: tuple[str, ...], what: str
) -> list[Problem]:
    """Problems with a mapping's shape: not a mapping, missing or unknown keys."""
    if not isinstance(data, dict):
        return [Problem(path, doc.line(*where), f"{what} must be a mapping of keys to values",
                        f"expected keys: {', '.join(allowed)}")]
    problems = [
        Problem(path, doc.line(*where), f"{what} is missing the required key '{key}'")
        for key in required
        if key not in data
    ]
    return problems + _unknown_keys(data, doc, path, where, allowed, what)


def _unknown_keys(data: dict, doc: _Yaml, path: str, where: tuple, allowed: tuple[str, ...], what: str) -> list[Problem]:
    return [
        Problem(path, doc.line(*where, key), f"unknown key '{key}' in {what}", f"allowed keys: {', '.join(allowed)}")
        for key in data
        if key not in allowed
    ]


def _string_problem(data: dict, key: str, doc: _Yaml, path: str, where: tuple, nullable: bool = False) -> Problem | None:
    value = data.get(key)
    if value is None and nullable:
        return None
    if not isinstance(value, str) or not value.strip():
        kind = type(value).__name__ if value is not None else "empty"
        return Problem(path, doc.line(*where, key), f"'{key}' must be a non-empty text, not {kind}",
                       f'write {key}: "..."' + (" or null if unknown" if nullable else ""))
    return None


def load_site(content_dir: Path) -> SiteConfig:
    """Read and validate site.yaml."""
    path = content_dir / "site.yaml"
    shown = _shown(path, content_dir)
    text = _read_text(path, shown)
    doc = _parse_yaml(text, shown)
    data = doc.data
    problems = _check_mapping(data, doc, shown, (), SITE_KEYS, ("title", "incident"), "site.yaml")
    if problems and not isinstance(data, dict):
        raise ContentError(problems)
    problems += [p for p in [_string_problem(data, "title", doc, shown, ())] if p and "title" in data]
    for key in ("language", "base_url"):
        if key in data:
            problems += [p for p in [_string_problem(data, key, doc, shown, ())] if p]
    if isinstance(data.get("base_url"), str) and not re.match(r"https?://", data["base_url"]):
        problems.append(Problem(shown, doc.line("base_url"), "'base_url' must start with http:// or https://",
                                'e.g. base_url: "https://example.org/timeline/"'))
    incident = data.get("incident")
    if "incident" in data:
        problems += _check_mapping(incident, doc, shown, ("incident",), INCIDENT_KEYS,
                                   ("name", "place", "timezone"), "'incident'")
    if isinstance(incident, dict):
        for key in ("name", "place"):
            if key in incident:
                problems += [p for p in [_string_problem(incident, key, doc, shown, ("incident",))] if p]
        if "summary" in incident:
            problems += [p for p in [_string_problem(incident, "summary", doc, shown, ("incident",))] if p]
        if "timezone" in incident:
            problems += [p for p in [_zone_problem(incident["timezone"], shown,
                                                   doc.line("incident", "timezone"), "timezone")] if p]
    if problems:
        raise ContentError(problems)
    return SiteConfig(
        title=data["title"].strip(),
        language=data.get("language", "en"),
        base_url=data.get("base_url"),
        incident=Incident(
            name=incident["name"].strip(),
            place=incident["place"].strip(),
            timezone=incident["timezone"],
            summary=(incident.get("summary") or "").strip() or None,
        ),
    )


def load_actors(content_dir: Path) -> tuple[Actor, ...]:
    """Read and validate actors.yaml (a missing file means no known actors)."""
    path = content_dir / "actors.yaml"
    if not path.exists():
        return ()
    shown = _shown(path, content_dir)
    doc = _parse_yaml(_read_text(path, shown), shown)
    if doc.data is None:
        return ()
    if not isinstance(doc.data, list):
        raise ContentError([Problem(shown, doc.line(), "actors.yaml must be a YAML list of actors",
                                    "each item: - name: ...\\n  kind: person")])
    problems: list[Problem] = []
    actors: list[Actor] = []
    seen: dict[str, tuple[str, int | None]] = {}  # lowercased name or alias -> (actor name, line)
    for index, item in enumerate(doc.data):
        where = (index,)
        item_problems = _check_mapping(item, doc, shown, where, ACTOR_KEYS, ("name", "kind"), f"actor #{index + 1}")
        if isinstance(item, dict):
            if "name" in item:
                item_problems += [p for p in [_string_problem(item, "name", doc, shown, where)] if p]
            kind = item.get("kind")
            if "kind" in item and kind not in ACTOR_KINDS:
                item_problems.append(Problem(shown, doc.line(*where, "kind"), f"unknown actor kind {kind!r}",
                                             f"use one of: {', '.join(ACTOR_KINDS)}"))
            aliases = item.get("aliases", [])
            if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
                item_problems.append(Problem(shown, doc.line(*where, "aliases"), "'aliases' must be a list of texts",
                                             "e.g. aliases: [NCRI, National Council]"))
            if "description" in item:
                item_problems += [p for p in [_string_problem(item, "description", doc, shown, where)] if p]
        if item_problems:
            problems += item_problems
            continue
        name = item["name"].strip()
        line = doc.line(*where, "name")
        for label in [name, *item.get("aliases", [])]:
            key = label.strip().lower()
            if key in seen:
                other, other_line = seen[key]
                what = "actor" if label == name and other == key else "name or alias"
                problems.append(Problem(shown, line, f"duplicate {what} '{label.strip()}': already used by "
                                        f"'{other}' on line {other_line}", "give each actor a name and aliases of its own"))
            else:
                seen[key] = (name, line)
        actors.append(Actor(
            id=slugify(name),
            name=name,
            kind=item["kind"],
            aliases=tuple(alias.strip() for alias in item.get("aliases", [])),
            description=(item.get("description") or "").strip() or None,
        ))
    ids: dict[str, str] = {}
    for actor in actors:
        if actor.id in ids:
            problems.append(Problem(shown, None, f"actors '{ids[actor.id]}' and '{actor.name}' get the same id "
                                    f"'{actor.id}'", "make the names differ in letters or digits"))
        ids[actor.id] = actor.name
    if problems:
        raise ContentError(problems)
    return tuple(actors)


_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def split_front_matter(text: str, shown: str) -> tuple[str, str, int]:
    """Split an article into (front matter, body, line number of the body's first line)."""
    if not re.match(r"---[ \t]*\r?\n", text):
        raise ContentError([Problem(shown, 1, "missing front matter: the file must start with a line '---'",
                                    "put title, publisher and published between two '---' lines at the top")])
    start = text.index("\n") + 1
    end_match = _FRONT_MATTER_END.search(text, start)
    if end_match is None:
        raise ContentError([Problem(shown, 1, "unterminated front matter: no closing '---' line",
                                    "end the front matter with a line '---' before the article text")])
    front = text[start:end_match.start()]
    body_start = end_match.end()
    if text.startswith("\r\n", body_start):
        body_start += 2
    elif text.startswith("\n", body_start):
        body_start += 1
    body_line = text.count("\n", 0, body_start) + 1
    return front, text[body_start:], body_line


def _parse_published(value: Any, zone: ZoneInfo) -> tuple[datetime, bool] | None:
    """An ISO 8601 date or date-time with UTC offset, as (aware datetime, has time)."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time(0), zone), False
    if not isinstance(value, str):
        return None
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return datetime.combine(date.fromisoformat(text), time(0), zone), False
        except ValueError:
            return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})", text):
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment, True


def load_article(
    path: Path, content_dir: Path, site: SiteConfig, max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
) -> tuple[Source, list[Problem]]:
    """Read and validate one article; return it with warnings (unknown front-matter keys)."""
    shown = _shown(path, content_dir)
    size = path.stat().st_size
    if size > max_bytes:
        raise ContentError([Problem(shown, None, f"article is {size:,} bytes, over the limit of {max_bytes:,}",
                                    "split it, or raise the limit with --max-article-bytes")])
    text = _read_text(path, shown)
    front, body, body_line = split_front_matter(text, shown)
    doc = _parse_yaml(front, shown, first_line=2)
    data = doc.data
    allowed = ARTICLE_REQUIRED + ARTICLE_OPTIONAL
    problems = _check_mapping(data, doc, shown, (), allowed, ARTICLE_REQUIRED, "the front matter")
    if not isinstance(data, dict):
        raise ContentError(problems)
    # Unknown keys are kept as warnings: an article may carry the writer's own fields.
    warnings = _unknown_keys(data, doc, shown, (), allowed, "the front matter")
    problems = [problem for problem in problems if problem not in warnings]
    for key in ("title",):
        if key in data:
            problems += [p for p in [_string_problem(data, key, doc, shown, ())] if p]
    if "publisher" in data:
        problems += [p for p in [_string_problem(data, "publisher", doc, shown, (), nullable=True)] if p]
    for key in ("author", "url", "language", "notes"):
        if key in data and data[key] is not None:
            problems += [p for p in [_string_problem(data, key, doc, shown, ())] if p]
    if isinstance(data.get("url"), str) and not re.match(r"https?://", data["url"]):
        problems.append(Problem(shown, doc.line("url"), "'url' must start with http:// or https://",
                                'e.g. url: "https://example.org/news/raid"'))
    zone_name = data.get("timezone") or site.incident.timezone
    if data.get("timezone") is not None:
        zone_problem = _zone_problem(data["timezone"], shown, doc.line("timezone"), "timezone")
        if zone_problem:
            problems.append(zone_problem)
            zone_name = site.incident.timezone
    published = None
    if "published" in data:
        published = _parse_published(data["published"], ZoneInfo(zone_name))
        if published is None:
            problems.append(Problem(shown, doc.line("published"), f"cannot read 'published': {data['published']!r}",
                                    "use an ISO 8601 date like 2023-06-20 or a date-time with UTC offset "
                                    "like 2023-06-20T14:05+02:00"))
    inferred = data.get("inferred", [])
    if not isinstance(inferred, list) or not all(isinstance(k, str) for k in inferred):
        problems.append(Problem(shown, doc.line("inferred"), "'inferred' must be a list of front-matter keys",
                                "e.g. inferred: [published, title]"))
    else:
        for key in inferred:
            if key not in ARTICLE_REQUIRED + ARTICLE_OPTIONAL or key == "inferred":
                problems.append(Problem(shown, doc.line("inferred"), f"'inferred' names unknown key '{key}'",
                                        f"use keys of the front matter: {', '.join(ARTICLE_REQUIRED)}, ..."))
    if not body.strip():
        problems.append(Problem(shown, body_line, "the article is empty: no text after the front matter",
                                "paste the article's text below the closing '---'"))
    if problems:
        raise ContentError(problems)
    source = Source(
        id=slugify(path.stem),
        path=shown,
        title=data["title"].strip(),
        publisher=data["publisher"].strip() if data["publisher"] else None,
        published=published[0],
        published_has_time=published[1],
        body=body,
        body_line=body_line,
        author=data.get("author"),
        url=data.get("url"),
        timezone=data.get("timezone"),
        language=data.get("language") or site.language,
        notes=(data.get("notes") or "").strip() or None,
        inferred=tuple(inferred),
    )
    return source, warnings


def load_content(content_dir: Path, max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> Content:
    """Read and validate the whole content folder; raise ContentError with every problem found."""
    content_dir = Path(content_dir)
    if not (content_dir / "site.yaml").is_file():
        raise ContentError([Problem(str(content_dir), None, "no site.yaml in the content folder",
                                    "create site.yaml with title and incident (see README)")])
    problems: list[Problem] = []
    site = None
    try:
        site = load_site(content_dir)
    except ContentError as error:
        problems += error.problems
    actors: tuple[Actor, ...] = ()
    try:
        actors = load_actors(content_dir)
    except ContentError as error:
        problems += error.problems
    if site is None:
        raise ContentError(problems)
    sources: list[Source] = []
    warnings: list[Problem] = []
    by_slug: dict[str, str] = {}
    article_paths = sorted((content_dir / "articles").glob("*.md"))
    if not article_paths:
        problems.append(Problem(str(content_dir / "articles"), None, "no articles found",
                                "add articles as content/articles/<slug>.md"))
    for path in article_paths:
        try:
            source, article_warnings = load_article(path, content_dir, site, max_article_bytes)
            warnings += article_warnings
        except ContentError as error:
            problems += error.problems
            continue
        if source.id in by_slug:
            problems.append(Problem(source.path, 1, f"duplicate slug '{source.id}': {by_slug[source.id]} has the same",
                                    "rename one of the files"))
            continue
        by_slug[source.id] = source.path
        sources.append(source)
    if problems:
        raise ContentError(problems)
    return Content(site=site, actors=actors, sources=tuple(sources), warnings=tuple(warnings))


def _shown(path: Path, content_dir: Path) -> str:
    """The path as shown in messages: relative to the content folder's parent."""
    try:
        return str(path.relative_to(content_dir.parent))
    except ValueError:
        return str(path)


def _read_text(path: Path, shown: str) -> str:
    """Read a file as UTF-8, naming the byte offset of the first bad byte."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ContentError([Problem(shown, line, f"not valid UTF-8: byte 0x{raw[error.start]:02x} at byte offset "
                                    f"{error.start}", "save the file as UTF-8")]) from None
    return text.removeprefix("\ufeff")
