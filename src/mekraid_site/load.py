"""Stage 1, load: read content/ and validate it into a Content value.

Every problem is reported with its file and line, and all problems of a run
are collected before raising, so a writer fixes them in one pass.
"""

from __future__ import annotations

import hashlib
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
# Slugs that cannot be page names: the site's own index, and names Windows reserves for devices.
RESERVED_SLUGS = frozenset(
    ["index", "con", "prn", "aux", "nul"] + [f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)]
)
MAX_SLUG_LENGTH = 80
_PUBLISHED_YEARS = (1000, 9000)  # outside, date arithmetic on relative dates ("in 20 years") would overflow


class _StringDatesLoader(yaml.SafeLoader):
    """A safe YAML loader that leaves dates as strings, so we parse them ourselves.

    PyYAML would turn ``2023-06-20T10:00:00+02:00`` into a datetime and drop
    details; we want the text to validate it and report it as written.
    """


    def compose_node(self, parent, index):  # noqa: D102 (PyYAML's API)
        # Aliases let a few lines of YAML expand into gigabytes ("billion laughs"); content never needs them.
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, f"aliases (*{event.anchor}) are not allowed",
                                              event.start_mark)
        return super().compose_node(parent, index)


class _FastStringDatesLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same, parsed by libyaml where PyYAML has it: ten times quicker, for text that holds no alias.

    libyaml composes the document in C, past the alias check above, so it only
    reads text without a "*"; its error messages are worded differently, so a
    text it refuses is read again by _StringDatesLoader to report the problem.
    """


_StringDatesLoader.yaml_implicit_resolvers = _FastStringDatesLoader.yaml_implicit_resolvers = {
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
        try:
            node, data = _compose_and_construct(_FastStringDatesLoader, text) if "*" not in text else (None, None)
        except (yaml.YAMLError, ValueError):  # refused: the Python parser words the problem
            node, data = None, None
        if node is None:
            node, data = _compose_and_construct(_StringDatesLoader, text)
        lines: dict[tuple[Any, ...], int] = {}
        problems: list[Problem] = []
        if node is not None:
            _collect_lines(node, (), lines, first_line, path, problems)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else None
        column = mark.column + 1 if mark else None
        problem = error.problem or error.context
        open_quote = _unclosed_quote_line(text, mark.line if mark else 0)
        if "aliases" in str(problem):
            hint = "write the value out in full instead of referring to an anchor"
        elif open_quote is not None:
            hint = f"line {open_quote + first_line} opens a quote it does not close"
        else:
            hint = "check indentation, colons and quotes; quote values that contain ': ' or start with a symbol"
        raise ContentError([Problem(path, line, f"YAML syntax error: {problem}", hint, column)]) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + first_line
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "?")
        raise ContentError([Problem(path, line, f"character U+{code:04X} is not allowed in YAML",
                                    "remove it; control characters are invisible and often come from copy and paste",
                                    column)]) from None
    except yaml.YAMLError as error:
        raise ContentError([Problem(path, first_line, f"YAML error: {error}")]) from None
    except RecursionError:
        raise ContentError([Problem(path, first_line, "YAML nested too deeply",
                                    "content needs at most a few levels of lists and mappings")]) from None
    if problems:
        raise ContentError(problems)
    return _Yaml(data, lines)


def _compose_and_construct(loader_class: type, text: str) -> tuple[yaml.Node | None, Any]:
    """The document's node tree and its Python value; (None, None) for an empty document."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _unclosed_quote_line(text: str, last: int) -> int | None:
    """The first of lines 0..last (0-based) whose value opens a double quote and does not close it."""
    for number, line in enumerate(text.split("\n")[: last + 1]):
        value = line.split(":", 1)[1].strip() if ":" in line else line.strip().removeprefix("- ")
        if value.startswith('"') and (len(value) == 1 or not re.search(r'(?<!\\)"\s*(?:#.*)?$', value[1:])):
            return number
    return None


def _collect_lines(node: yaml.Node, path: tuple[Any, ...], lines: dict, first_line: int, shown: str,
                   problems: list[Problem]) -> None:
    lines[path] = node.start_mark.line + first_line
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            key_line = key_node.start_mark.line + first_line
            if key is not None and key in seen:
                problems.append(Problem(shown, key_line, f"duplicate key '{key}': already given on line {seen[key]}",
                                        "keep one of them", key_node.start_mark.column + 1))
            seen.setdefault(key, key_line)
            _collect_lines(value_node, path + (key,), lines, first_line, shown, problems)
            lines[path + (key,)] = key_line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, path + (index,), lines, first_line, shown, problems)


# Letters that Unicode does not decompose to ASCII, written as English texts write them.
_TRANSLITERATION = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th",
    "Þ": "TH", "œ": "oe", "Œ": "OE", "ı": "i", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T",
})


def _ascii_slug(text: str) -> str:
    """Lowercase ASCII letters and digits of text, runs of anything else as one hyphen."""
    ascii_text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def slugify(text: str) -> str:
    """A lowercase ASCII slug that is safe as a file name: "Zoë Ñúñez" -> "zoe-nunez".

    Only a-z, 0-9 and inner hyphens, at most MAX_SLUG_LENGTH characters, so a
    slug can never name a folder above the output ("../"), a hidden file or an
    absolute path. Text with nothing to write in ASCII ("Москва") gets a short
    name made from its hash, so different texts do not share a slug; names
    Windows reserves for devices ("con", "nul") get "-1" appended.
    """
    slug = _ascii_slug(text)
    if not slug:
        if not text.strip():
            return "item"
        slug = "x-" + hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:10]
    if len(slug) > MAX_SLUG_LENGTH:
        cut = slug[:MAX_SLUG_LENGTH]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[MAX_SLUG_LENGTH // 2:] else cut
    if slug in RESERVED_SLUGS and slug != "index":
        slug += "-1"
    return slug


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


def _unknown_keys(
    data: dict, doc: _Yaml, path: str, where: tuple, allowed: tuple[str, ...], what: str
) -> list[Problem]:
    return [
        Problem(path, doc.line(*where, key), f"unknown key '{key}' in {what}", f"allowed keys: {', '.join(allowed)}")
        for key in data
        if key not in allowed
    ]


def _string_problem(
    data: dict, key: str, doc: _Yaml, path: str, where: tuple, nullable: bool = False
) -> Problem | None:
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
                                        f"'{other}' on line {other_line}",
                                        "give each actor a name and aliases of its own"))
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
    if not text.strip():
        raise ContentError([Problem(shown, 1, "the file is empty",
                                    "write the front matter (title, publisher, published) between two '---' lines, "
                                    "then the article's text")])
    if not re.match(r"---[ \t]*(?:\n|$)", text):
        raise ContentError([Problem(shown, 1, "missing front matter: the file must start with a line '---'",
                                    "put title, publisher and published between two '---' lines at the top")])
    start = text.find("\n") + 1 or len(text)
    end_match = _FRONT_MATTER_END.search(text, start)
    if end_match is None:
        raise ContentError([Problem(shown, 1, "unterminated front matter: no closing '---' line",
                                    "end the front matter with a line '---' before the article text")])
    front = text[start:end_match.start()]
    body_start = end_match.end()
    if text.startswith("\n", body_start):
        body_start += 1
    body_line = text.count("\n", 0, body_start) + 1
    return front, text[body_start:], body_line


def _parse_published(value: Any, zone: ZoneInfo) -> tuple[datetime, bool] | None:
    """An ISO 8601 date or date-time, as (aware datetime, has time); a date-time without offset is read in zone."""
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
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?", text):
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    # No offset: a clock time of the place the article is from, as its other clock times without a zone.
    return (moment if moment.tzinfo else moment.replace(tzinfo=zone)), True


def _published_problem(
    value: Any, published: tuple[datetime, bool] | None, path: str, line: int | None, key: str = "published"
) -> Problem | None:
    shown = repr(value) if isinstance(value, (str, int, float, bool)) or value is None else type(value).__name__
    if published is None:
        return Problem(path, line, f"cannot read '{key}': {shown}",
                       "use an ISO 8601 date like 2023-06-20 "
                       "or a date-time like 2023-06-20T14:05+02:00")
    if not _PUBLISHED_YEARS[0] <= published[0].year < _PUBLISHED_YEARS[1]:
        return Problem(path, line, f"'{key}' is out of range: {shown}",
                       f"use a year from {_PUBLISHED_YEARS[0]} to {_PUBLISHED_YEARS[1] - 1}")
    return None


def load_article(
    path: Path, content_dir: Path, site: SiteConfig, max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
) -> tuple[Source, list[Problem]]:
    """Read and validate one article; return it with warnings (unknown front-matter keys)."""
    shown = _shown(path, content_dir)
    text = _read_text(path, shown, max_bytes)
    front, body, body_line = split_front_matter(text, shown)
    doc = _parse_yaml(front, shown, first_line=2)
    data = doc.data
    # "date", as Pelican, Hugo and Jekyll call it, stands for "published" when that is missing.
    published_key = "date" if isinstance(data, dict) and "published" not in data and "date" in data else "published"
    required = tuple(published_key if key == "published" else key for key in ARTICLE_REQUIRED)
    allowed = required + ARTICLE_OPTIONAL
    problems = _check_mapping(data, doc, shown, (), allowed, required, "the front matter")
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
    if published_key in data:
        published = _parse_published(data[published_key], ZoneInfo(zone_name))
        published_problem = _published_problem(data[published_key], published, shown, doc.line(published_key),
                                               published_key)
        if published_problem:
            problems.append(published_problem)
    inferred = data.get("inferred", [])
    if not isinstance(inferred, list) or not all(isinstance(k, str) and k.strip() for k in inferred):
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
    content, problems = load_content_lenient(content_dir, max_article_bytes)
    if problems or content is None:
        raise ContentError(problems)
    return content


def load_content_lenient(
    content_dir: Path, max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
) -> tuple[Content | None, list[Problem]]:
    """Read the content folder; return what is valid (the good articles) and every problem found.

    The Content is None when site.yaml cannot be read. `load_content` is this
    plus raising; `mekraid-site check` uses the partial content to go on
    validating the good articles in the later stages.
    """
    content_dir = Path(content_dir)
    if not (content_dir / "site.yaml").is_file():
        return None, [Problem(str(content_dir), None, "no site.yaml in the content folder",
                              "create site.yaml with title and incident (see README)")]
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
        return None, problems
    sources: list[Source] = []
    warnings: list[Problem] = []
    by_slug: dict[str, str] = {}
    articles_dir = content_dir / "articles"
    # Sub-folders too ("articles/2023-06/raid.md"): a large collection may be kept by month or outlet.
    entries = sorted(path for path in articles_dir.rglob("*") if path.is_file()  # not in hidden folders (.git)
                     and not any(part.startswith(".") for part in path.relative_to(articles_dir).parts[:-1])
                     ) if articles_dir.is_dir() else []
    article_paths = [path for path in entries if path.name.endswith(".md")]
    for path in entries:
        if not path.name.endswith(".md") and not path.name.startswith("."):
            warnings.append(Problem(_shown(path, content_dir), None, "ignored: not an article",
                                    "articles are files named <slug>.md"))
    if not article_paths:
        problems.append(Problem(_shown(articles_dir, content_dir), None, "no articles found",
                                "add articles as content/articles/<slug>.md"))
    for path in article_paths:
        shown = _shown(path, content_dir)
        slug_problem = _slug_problem(path, shown)
        if slug_problem:
            problems.append(slug_problem)
            continue
        try:
            source, article_warnings = load_article(path, content_dir, site, max_article_bytes)
            warnings += article_warnings
        except ContentError as error:
            problems += error.problems
            by_slug.setdefault(slugify(path.stem), shown)
            continue
        if source.id in by_slug:
            problems.append(Problem(source.path, None, f"'{by_slug[source.id]}' and '{source.path}' both give the "
                                    f"slug '{source.id}'", "rename one of the files: a slug is the file name in "
                                    "lowercase ASCII letters, digits and hyphens, and must be unique"))
            continue
        by_slug[source.id] = source.path
        sources.append(source)
    from .annotations import load_annotations  # it reads YAML with this module's helpers

    claim_fixes, event_fixes = (), ()
    try:
        claim_fixes, event_fixes = load_annotations(content_dir, set(by_slug))
    except ContentError as error:
        problems += error.problems
    content = Content(site=site, actors=actors, sources=tuple(sources), warnings=tuple(warnings),
                      claim_fixes=claim_fixes, event_fixes=event_fixes)
    return content, problems


def _slug_problem(path: Path, shown: str) -> Problem | None:
    """Why an article's file name cannot be its page name, if it cannot."""
    name = path.name
    if name.startswith("."):
        return Problem(shown, None, f"the file name '{name}' starts with a dot",
                       "hidden files are not articles: rename it without the dot, or move it out of articles/")
    base = _ascii_slug(path.stem)
    if base in RESERVED_SLUGS:
        return Problem(shown, None, f"the file name '{name}' gives the reserved slug '{base}'",
                       "rename the file: index, con, prn, aux, nul, com1-9 and lpt1-9 cannot be page names")
    return None


def _shown(path: Path, content_dir: Path) -> str:
    """The path as shown in messages: relative to the content folder's parent."""
    try:
        return str(path.relative_to(content_dir.parent))
    except ValueError:
        return str(path)


def _read_text(path: Path, shown: str, max_bytes: int = DEFAULT_MAX_ARTICLE_BYTES) -> str:
    """Read a file as UTF-8 with LF line ends, naming the byte offset of the first bad byte."""
    try:
        if not path.is_file():
            raise ContentError([Problem(shown, None, "not a regular file",
                                        "articles and settings must be plain text files")])
        with path.open("rb") as file:
            raw = file.read(max_bytes + 1)
    except OSError as error:
        raise ContentError([Problem(shown, None, f"cannot read the file: {error.strerror or error}",
                                    "check that it exists and that you may read it")]) from None
    if len(raw) > max_bytes:
        size = max(path.stat().st_size, len(raw))
        raise ContentError([Problem(shown, None, f"the file is {size:,} bytes, over the limit of {max_bytes:,}",
                                    "split it, or raise the limit with --max-article-bytes")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ContentError([Problem(shown, line, f"not valid UTF-8: byte 0x{raw[error.start]:02x} at byte offset "
                                    f"{error.start}", "save the file as UTF-8")]) from None
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
