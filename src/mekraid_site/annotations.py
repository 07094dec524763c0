"""Curators' corrections: content/annotations/<article slug>.yaml, keyed by quoted text.

Each file corrects what the machine made of one article. Quotes are words
copied from the article, so a correction holds across rebuilds and program
versions as long as the words are in the article:

    claims:
      - quote: "rescuers reached the mine"  # the claim holding these words
        date: 2031-03-04T06:40+01:00        # ... is dated so (EDTF: 1986, 1986-03, 2013/2016, 1990~)
      - quote: "We thank our readers"
        suppress: true                      # ... is not a claim
      - quote: "the 2019 inquiry found no fault"
        add: true                           # these words are a claim (needs date)
        date: 2019
      - quote: "twelve miners died"
        claimant: Mine operator             # ... is asserted by this actor (name or alias)
    events:
      - quote: "rescuers reached the mine"  # the event holding the claim with these words
        title: "Rescuers reach the mine"    # ... has this title
      - quote: "the union called a strike"
        split: true                         # ... this claim leaves its event and forms its own
      - join:                               # these claims' events are one
          - "the mine was closed in 2019"
          - {source: other-article, quote: "shut the mine in 2020"}
"""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from .errors import ContentError, Problem
from .load import _parse_yaml, _shown
from .model import ClaimFix, EventFix, Precision, Qualifier, TimeValue

CLAIM_KEYS = ("quote", "date", "suppress", "add", "claimant")
EVENT_KEYS = ("quote", "title", "split", "join")
DATE_HINT = "use an ISO 8601 / EDTF date such as 1986, 1986-03, 2023-06-20, 2023-06-20T06:38+02:00, 2013/2016 or 1990~"

_DATE_FORMS = (
    (re.compile(r"(\d{4})"), Precision.YEAR),
    (re.compile(r"(\d{4})-(\d{2})"), Precision.MONTH),
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), Precision.DAY),
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(Z|[+-]\d{2}:?\d{2})?"), Precision.MINUTE),
)


def load_annotations(content_dir: Path, article_ids: set[str]) -> tuple[tuple[ClaimFix, ...], tuple[EventFix, ...]]:
    """Read every annotations file; raise ContentError with all problems found."""
    folder = content_dir / "annotations"
    claim_fixes: list[ClaimFix] = []
    event_fixes: list[EventFix] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else ():
        shown = _shown(path, content_dir)
        try:
            claims, events = _load_file(path, shown, article_ids)
        except ContentError as error:
            problems += error.problems
            continue
        claim_fixes += claims
        event_fixes += events
    if problems:
        raise ContentError(problems)
    return tuple(claim_fixes), tuple(event_fixes)


def _load_file(path: Path, shown: str, article_ids: set[str]) -> tuple[list[ClaimFix], list[EventFix]]:
    source = path.stem
    if source not in article_ids:
        raise ContentError([Problem(shown, 1, f"no article '{source}' to annotate",
                                    f"name the file after an article: content/annotations/<slug>.yaml, "
                                    f"one of {', '.join(sorted(article_ids))}")])
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ContentError([Problem(shown, None, f"not valid UTF-8 at byte offset {error.start}",
                                    "save the file as UTF-8")]) from None
    doc = _parse_yaml(text, shown)
    data = doc.data or {}
    if not isinstance(data, dict) or set(data) - {"claims", "events"}:
        raise ContentError([Problem(shown, doc.line(), "an annotations file is a mapping with 'claims' and/or "
                                    "'events' lists", "see the README's section on annotations")])
    problems: list[Problem] = []
    claims: list[ClaimFix] = []
    events: list[EventFix] = []
    for section, keys in (("claims", CLAIM_KEYS), ("events", EVENT_KEYS)):
        items = data.get(section) or []
        if not isinstance(items, list):
            problems.append(Problem(shown, doc.line(section), f"'{section}' must be a list", f"write {section}: [...]"))
            continue
        for index, item in enumerate(items):
            line = doc.line(section, index) or 1
            item_problems = _item_problems(item, keys, section, shown, line)
            if item_problems:
                problems += item_problems
            elif section == "claims":
                claims.append(ClaimFix(path=shown, line=line, source=source, quote=item["quote"],
                                       date=_text(item.get("date")), suppress=item.get("suppress", False),
                                       add=item.get("add", False), claimant=item.get("claimant")))
            else:
                events.append(EventFix(path=shown, line=line, source=source, quote=item.get("quote"),
                                       title=item.get("title"), split=item.get("split", False),
                                       join=tuple(_join_target(target, source) for target in item.get("join", ()))))
    if problems:
        raise ContentError(problems)
    return claims, events


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _join_target(target: str | dict, source: str) -> tuple[str, str]:
    if isinstance(target, str):
        return source, target
    return target.get("source", source), target["quote"]


def _item_problems(item: Any, keys: tuple[str, ...], section: str, shown: str, line: int) -> list[Problem]:
    """What is wrong with one entry, told so the curator can fix it."""
    what = "a claim correction" if section == "claims" else "an event correction"
    if not isinstance(item, dict):
        return [Problem(shown, line, f"{what} must be a mapping", "start it with '- quote: \"...\"'")]
    problems = [Problem(shown, line, f"unknown key '{key}' in {what}", f"allowed keys: {', '.join(keys)}")
                for key in item if key not in keys]
    if section == "events" and "join" in item:
        targets = item["join"]
        valid = isinstance(targets, list) and len(targets) >= 2 and all(
            isinstance(t, str) or (isinstance(t, dict) and isinstance(t.get("quote"), str)
                                   and set(t) <= {"source", "quote"}) for t in targets)
        if not valid:
            problems.append(Problem(shown, line, "'join' must list two or more quotes",
                                    'each a text, or {source: <article slug>, quote: "..."}'))
        if set(item) - {"join"}:
            problems.append(Problem(shown, line, "'join' stands alone in its entry", "put title or split in another"))
        return problems
    if not isinstance(item.get("quote"), str) or not item["quote"].strip():
        problems.append(Problem(shown, line, f"{what} needs 'quote': words copied from the article",
                                'e.g. quote: "reports began to emerge"'))
    if section == "claims":
        actions = [key for key in ("date", "suppress", "add", "claimant") if key in item]
        if not actions:
            problems.append(Problem(shown, line, "a claim correction does nothing",
                                    "add date, suppress: true, add: true or claimant"))
        for flag in ("suppress", "add"):
            if flag in item and not isinstance(item[flag], bool):
                problems.append(Problem(shown, line, f"'{flag}' must be true or false"))
        if item.get("add") and "date" not in item:
            problems.append(Problem(shown, line, "an added claim needs a 'date'", DATE_HINT))
        if item.get("suppress") and len(actions) > 1:
            problems.append(Problem(shown, line, "a suppressed claim takes no other correction",
                                    "remove date, add or claimant, or the suppress"))
        if "date" in item:
            try:
                parse_date(str(item["date"]), ZoneInfo("UTC"))
            except ValueError:
                problems.append(Problem(shown, line, f"cannot read date {item['date']!r}", DATE_HINT))
        if "claimant" in item and (not isinstance(item["claimant"], str) or not item["claimant"].strip()):
            problems.append(Problem(shown, line, "'claimant' must be an actor's name or alias"))
    else:
        if "title" not in item and not item.get("split"):
            problems.append(Problem(shown, line, "an event correction does nothing",
                                    "add title: \"...\" or split: true, or use join"))
        if "title" in item and (not isinstance(item["title"], str) or not item["title"].strip()):
            problems.append(Problem(shown, line, "'title' must be a non-empty text"))
    return problems


def parse_date(text: str, zone: ZoneInfo) -> TimeValue:
    """An EDTF date as a time value in zone: "1986", "2023-06", "2023-06-20T06:38-04:00", "2013/2016", "1990~"."""
    text = text.strip()
    if "/" in text:
        first, last = (parse_date(part, zone) for part in text.split("/", 1))
        if last.end <= first.start:
            raise ValueError("a range must run forwards")
        precision = min(first.precision, last.precision, key=lambda p: p.rank)
        return TimeValue(start=first.start, end=last.end, precision=precision, edtf=f"{first.edtf}/{last.edtf}",
                         note="date set by the editors")
    approximate = text.endswith("~")
    core = text.rstrip("~")
    for pattern, precision in _DATE_FORMS:
        match = pattern.fullmatch(core)
        if match:
            start, end, offset = _bounds(match, precision, zone)
            return TimeValue(
                start=start, end=end, precision=precision, edtf=text,
                qualifier=Qualifier.APPROXIMATE if approximate else None,
                zone=_zone_label(match, zone) if precision is Precision.MINUTE else None,
                utc_offset=offset, note="date set by the editors",
            )
    raise ValueError(f"not an EDTF date: {text!r}")


def _bounds(match: re.Match[str], precision: Precision, zone: ZoneInfo) -> tuple[datetime, datetime, timedelta | None]:
    numbers = [int(group) for group in match.groups()[:5] if group is not None and group.isdigit()]
    year, month, day = (numbers + [1, 1])[:3]
    if precision is Precision.YEAR:
        first, after = date(year, 1, 1), date(year + 1, 1, 1)
    elif precision is Precision.MONTH:
        first = date(year, month, 1)
        after = date(year + month // 12, month % 12 + 1, 1)
    else:
        first = date(year, month, day)
        after = first + timedelta(days=1)
    if precision is not Precision.MINUTE:
        return _utc(first, zone), _utc(after, zone), None
    hour, minute = numbers[3], numbers[4]
    written = match.group(6)
    tz = zone if written is None else timezone.utc if written == "Z" else _fixed(written)
    start = datetime(year, month, day, hour, minute, tzinfo=tz).astimezone(timezone.utc)
    return start, start + timedelta(minutes=1), start.astimezone(tz).utcoffset()


def _fixed(offset: str) -> timezone:
    sign = -1 if offset.startswith("-") else 1
    hours, minutes = int(offset[1:3]), int(offset[-2:])
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _zone_label(match: re.Match[str], zone: ZoneInfo) -> str:
    written = match.group(6)
    if written is None:
        return zone.key
    return "UTC" if written == "Z" else f"UTC{written[:3]}:{written[-2:]}"


def _utc(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), zone).astimezone(timezone.utc)


def locate(body: str, quote: str) -> list[tuple[int, int]]:
    """Every place the quoted words are in the article body, as (start, end); spacing may differ.

    Words must be apart in the body as in the quote; around punctuation any
    spacing will do ("in August 2019 , when", where Markdown marks were).
    """
    tokens = _QUOTE_TOKEN.findall(quote)
    if not tokens:
        return []
    pattern = re.escape(tokens[0])
    for previous, token in itertools.pairwise(tokens):
        pattern += (r"\s+" if previous[-1].isalnum() and token[0].isalnum() else r"\s*") + re.escape(token)
    return [match.span() for match in re.finditer(pattern, body)]


_QUOTE_TOKEN = re.compile(r"\w+|[^\w\s]")


def quote_span(body: str, quote: str, fix_path: str, fix_line: int, article: str) -> tuple[int, int]:
    """The one place a quote is in the body; ContentError when it is in none or several."""
    places = locate(body, quote)
    shown = quote if len(quote) <= 60 else quote[:57] + "..."
    if not places:
        raise ContentError([Problem(fix_path, fix_line, f"quote not found in {article}: \"{shown}\"",
                                    "copy the words exactly as the article has them")])
    if len(places) > 1:
        raise ContentError([Problem(fix_path, fix_line, f"quote found {len(places)} times in {article}: \"{shown}\"",
                                    "quote more words, so that they are found once")])
    return places[0]
