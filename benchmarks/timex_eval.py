"""Score the temporal-expression engine on TimeML files, TempEval-3 Task A style.

Usage: python benchmarks/timex_eval.py DIR [--errors N] [--no-peers]

For every *.tml file in DIR: the plain text of <TEXT> (tags stripped, offsets
into that plain text), the DCT from the CREATION_TIME TIMEX3, zone UTC. The
engine and, as peers, dateparser's search_dates and datefinder run on the same
documents in this process. Strict match = same span; relaxed = overlapping
spans (one-to-one). Value and type F1 count relaxed matches whose attribute is
right, over system and gold counts, as TempEval-3 does. "DT" columns restrict
gold and system to DATE and TIME expressions.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from mekraid_site.timex import find_timexes, parse_dct  # noqa: E402

UTC = ZoneInfo("UTC")
_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}|\d\s*[ap]\.?m\b|\bnoon\b|\bmidnight\b", re.IGNORECASE)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass(frozen=True)
class Doc:
    name: str
    text: str
    dct: datetime
    gold: tuple[Span, ...]


def load(path: Path) -> Doc:
    """The plain text of <TEXT>, its gold TIMEX3 spans and the DCT of one TimeML file."""
    raw = path.read_text(encoding="utf-8")
    dct_tag = re.search(r"<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", raw)
    if dct_tag is None:
        raise ValueError(f"{path}: no TIMEX3 with functionInDocument=\"CREATION_TIME\"")
    dct_value = dict(_ATTR.findall(dct_tag.group(0)))["value"]
    dct = parse_dct(dct_value[:16] if "T" in dct_value else dct_value[:10], UTC)
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    parts: list[str] = []
    length = 0
    gold: list[Span] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) == "TIMEX3":
            if m.group(1) == "":
                open_timex = (length, dict(_ATTR.findall(m.group(3))))
            elif open_timex is not None:
                start, attrs = open_timex
                gold.append(Span(start, length, attrs.get("type", ""), attrs.get("value", ""), ""))
                open_timex = None
    parts.append(html.unescape(body[pos:]))
    text = "".join(parts)
    gold = [Span(g.start, g.end, g.type, g.value, text[g.start:g.end]) for g in gold]
    return Doc(path.stem, text, dct, tuple(gold))


# --- systems -------------------------------------------------------------------------


def engine(doc: Doc) -> list[Span]:
    return [Span(t.start, t.end, t.type, t.value, t.text) for t in find_timexes(doc.text, doc.dct, UTC)]


def _peer_spans(text: str, hits: Iterable[tuple[str, datetime]]) -> list[Span]:
    """Map (substring, datetime) hits to spans by finding each substring in order."""
    out: list[Span] = []
    cursor = 0
    for sub, value in hits:
        i = text.find(sub, cursor)
        if i < 0:
            i = text.find(sub)
            if i < 0:
                continue
        cursor = i + len(sub)
        has_clock = bool(_CLOCK.search(sub))
        val = value.strftime("%Y-%m-%dT%H:%M" if has_clock else "%Y-%m-%d")
        out.append(Span(i, i + len(sub), "TIME" if has_clock else "DATE", val, sub))
    return out


def make_dateparser() -> Callable[[Doc], list[Span]] | str:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return "dateparser is not installed (pip install dateparser)"

    def run(doc: Doc) -> list[Span]:
        base = doc.dct.replace(tzinfo=None)
        hits = search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
        return _peer_spans(doc.text, hits)

    return run


def make_datefinder() -> Callable[[Doc], list[Span]] | str:
    try:
        import datefinder
    except ImportError:
        return "datefinder is not installed (pip install datefinder)"

    def run(doc: Doc) -> list[Span]:
        base = doc.dct.replace(tzinfo=None)
        hits = []
        try:
            for value, sub in datefinder.find_dates(doc.text, source=True, base_date=base):
                hits.append((sub, value))
        except (ValueError, OverflowError, TypeError):
            pass  # datefinder raises on some inputs; keep what it found so far
        return _peer_spans(doc.text, hits)

    return run


# --- scoring ---------------------------------------------------------------------------


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, gold: list[Span], system: list[Span], errors: list[str] | None, name: str) -> None:
        self.gold += len(gold)
        self.system += len(system)
        self.strict += len({(g.start, g.end) for g in gold} & {(s.start, s.end) for s in system})
        used: set[int] = set()
        for g in gold:
            overlapping = (j for j, s in enumerate(system) if j not in used and s.start < g.end and g.start < s.end)
            match = next(overlapping, None)
            if match is None:
                if errors is not None:
                    errors.append(f"MISS  {name}: {g.text!r} {g.type} {g.value}")
                continue
            used.add(match)
            s = system[match]
            self.relaxed += 1
            self.value += s.value == g.value
            self.type += s.type == g.type
            if errors is not None and (s.value != g.value or (s.start, s.end) != (g.start, g.end)):
                errors.append(f"DIFF  {name}: gold {g.text!r} {g.type} {g.value} | sys {s.text!r} {s.type} {s.value}")
        if errors is not None:
            for j, s in enumerate(system):
                if j not in used:
                    errors.append(f"EXTRA {name}: {s.text!r} {s.type} {s.value}")

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(docs: list[Doc], system: Callable[[Doc], list[Span]], errors: list[str] | None = None
             ) -> tuple[Counts, Counts, float]:
    """Counts over all expressions, over DATE+TIME only, and documents per second."""
    outputs = []
    t0 = time.perf_counter()
    for doc in docs:
        outputs.append(system(doc))
    elapsed = time.perf_counter() - t0
    every, dt = Counts(), Counts()
    for doc, out in zip(docs, outputs, strict=True):
        every.add(list(doc.gold), out, errors, doc.name)
        dt.add([g for g in doc.gold if g.type in ("DATE", "TIME")], [s for s in out if s.type in ("DATE", "TIME")],
               None, doc.name)
    return every, dt, len(docs) / elapsed if elapsed else float("inf")


def row(name: str, every: Counts, dt: Counts, speed: float) -> str:
    sp, sr, sf = every.prf(every.strict)
    rp, rr, rf = every.prf(every.relaxed)
    cells = [sp, sr, sf, rp, rr, rf, every.prf(every.value)[2], every.prf(every.type)[2],
             dt.prf(dt.strict)[2], dt.prf(dt.relaxed)[2], dt.prf(dt.value)[2], dt.prf(dt.type)[2]]
    return f"{name:<11}" + "".join(f"{c:>8.3f}" for c in cells) + f"{speed:>10.1f}"


HEADER = (f"{'system':<11}" + "".join(f"{h:>8}" for h in (
    "str-P", "str-R", "str-F1", "rel-P", "rel-R", "rel-F1", "val-F1", "type-F1",
    "DT-sF1", "DT-rF1", "DT-vF1", "DT-tF1")) + f"{'docs/s':>10}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path, help="folder of TimeML (.tml) files")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print the engine's first N errors")
    parser.add_argument("--no-peers", action="store_true", help="score the engine only")
    args = parser.parse_args(argv)
    files = sorted(args.dir.glob("*.tml"))
    if not files:
        parser.error(f"no .tml files in {args.dir}")
    docs = [load(f) for f in files]
    print(f"{len(docs)} documents, {sum(len(d.gold) for d in docs)} gold TIMEX3 "
          f"({sum(g.type in ('DATE', 'TIME') for d in docs for g in d.gold)} DATE+TIME)\n")
    errors: list[str] | None = [] if args.errors else None
    engine(docs[0])  # warm up
    rows = [row("engine", *evaluate(docs, engine, errors))]
    notes = []
    if not args.no_peers:
        for name, make in (("dateparser", make_dateparser), ("datefinder", make_datefinder)):
            peer = make()
            if isinstance(peer, str):
                notes.append(f"skipped {name}: {peer}")
            else:
                rows.append(row(name, *evaluate(docs, peer)))
    print(HEADER)
    print("\n".join(rows))
    for note in notes:
        print(note)
    if errors:
        print()
        print("\n".join(errors[:args.errors]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
