#!/usr/bin/env python3
"""Generate a second synthetic corpus, unlike make_corpus.py's, to check the build on news of another shape.

    python benchmarks/make_other_corpus.py N OUT_DIR [--seed S] [--dossier K]

writes OUT_DIR/articles/story-<i>.md and OUT_DIR/site.yaml: a content folder
with no actors.yaml, about a dam collapse in an invented US county. Where
make_corpus.py names some forty listed actors, this one names about 2,500
people ("Karen Sanchez of the National Weather Service"), all discovered by
the build; its dates are US-style ("Sept. 14", "9/28/2027", "Tuesday,
September 28"), its clock times "6:25 a.m.", and twenty sentence templates
repeat across outlets with other names and numbers, so that an event gathers
claims from thousands of sources.

With --dossier K it also writes OUT_DIR-dossier/: one article made of the
bodies of the first K articles, to time a very long article against the same
text read as K articles.

Article i depends only on the seed and i: the output is byte-identical for
the same N and seed.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

DEFAULT_SEED = 7919
FIRST_NAMES = """James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan
Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Margaret Mark Sandra
Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Dorothy George
Melissa Timothy Deborah""".split()
SURNAMES = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson
Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker
Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter
Roberts""".split()
ORGANIZATIONS = ("Riverton Fire Department", "Eastland National Guard", "Red Cross", "Army Corps of Engineers",
                 "Riverton City Council", "State Emergency Agency", "Federal Emergency Management Agency",
                 "Riverton Water Authority", "Eastland Highway Patrol", "National Weather Service")
PLACES = ("Riverton", "Millbrook", "Cedar Falls", "Oak Ridge", "Lake Harmon", "Pine Bluff", "Stone Creek", "Eastland")
OUTLETS = ("Riverton Gazette", "Eastland Public Radio", "Daily Courier", "Associated Wire", "Valley News",
           "Morning Ledger", "Channel 7 News", "Capital Tribune")
COLLAPSE = date(2027, 9, 14)
MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
TEMPLATES = (
    "The dam gave way at {clock} on {date}, sending water into {place}.",
    "{org} said on {date} that {n} people had died and {m} were missing.",
    "At least {n} residents were killed, according to {person}, a spokesperson for {org}.",
    "{person}, who lives in {place}, said the water arrived {relative}.",
    "Officials evacuated {n} homes in {place} on {date}.",
    "{org} reported {m} injured by {date}.",
    "\"We had no warning,\" said {person}, {age}, a teacher from {place}.",
    "{person} of {org} told reporters the spillway had been inspected in {year}.",
    "Rescue teams pulled {n} survivors from the water {relative}.",
    "The governor, {person}, declared an emergency on {date} at {clock}.",
    "Engineers had warned about cracks in the dam since {year}, {person} said.",
    "Between {year} and {later_year}, the reservoir was drained twice for repairs.",
    "More than {large} people were displaced, {org} said {relative}.",
    "{person} said the death toll had risen to {n} by {date}.",
    "The water level in {place} peaked {relative}, {org} said.",
    "Schools in {place} will reopen on {date}, {person} announced.",
    "A vigil for the victims was held in {place} on {date}.",
    "{org} deployed {m} soldiers to {place} two days later.",
    "Power was restored to {large} homes in {place} by {date}.",
    "The dam, built in {year}, held back {large} acre-feet of water.",
)
RELATIVE = ("yesterday", "last week", "early on Tuesday morning", "overnight", "earlier this month", "on Friday night",
            "two days later", "this week", "hours later", "the following day")


def written_date(rng: random.Random, day: date, published: date) -> str:
    """A date in one of the forms US news uses; a weekday alone only within the week before publication."""
    form = rng.randrange(7)
    if form == 0:
        return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
    if form == 1:
        return f"{day.day} {MONTHS[day.month - 1]}"
    if form == 2 and 0 <= (published - day).days < 6:
        return WEEKDAYS[day.weekday()]
    if form == 3:
        return f"{MONTHS[day.month - 1][:3]}. {day.day}"
    if form == 4:
        return f"{day.month}/{day.day}/{day.year}"
    if form == 5:
        return f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}"
    return f"{MONTHS[day.month - 1]} {day.day}"


def sentence(rng: random.Random, published: date) -> str:
    """One sentence: a template filled with seeded choices."""
    day = COLLAPSE + timedelta(days=rng.randrange(-3, (published - COLLAPSE).days + 1))
    return rng.choice(TEMPLATES).format(
        clock=f"{rng.randrange(1, 12)}:{rng.randrange(60):02d} {rng.choice(['a.m.', 'p.m.'])}",
        date=written_date(rng, day, published), place=rng.choice(PLACES), org=rng.choice(ORGANIZATIONS),
        n=rng.randrange(2, 60), m=rng.randrange(10, 400), person=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
        relative=rng.choice(RELATIVE), age=rng.randrange(20, 80), year=rng.randrange(1950, 2020),
        later_year=rng.randrange(2020, 2027), large=f"{rng.randrange(1000, 90000):,}")


def article(number: int, seed: int) -> tuple[str, str]:
    """Article `number`: its front matter and its Markdown body (400-900 words)."""
    rng = random.Random(seed * 1_000_003 + number)
    published = COLLAPSE + timedelta(days=rng.randrange(40))
    front = (f'---\ntitle: "Riverton flood report {number}"\npublisher: "{rng.choice(OUTLETS)}"\n'
             f"published: {published.isoformat()}T{rng.randrange(6, 22):02d}:15-05:00\n---\n")
    paragraphs: list[str] = []
    words, wanted = 0, rng.randrange(400, 900)
    while words < wanted:
        sentences = [sentence(rng, published) for _ in range(rng.randrange(2, 5))]
        words += sum(len(text.split()) for text in sentences)
        paragraphs.append(" ".join(sentences))
    return front, "\n\n".join(paragraphs) + "\n"


SITE_YAML = """title: "The Riverton dam collapse: a timeline"
incident:
  name: "Collapse of the Riverton dam"
  place: "Riverton, Eastland"
  timezone: America/Chicago
"""


def write_corpus(n: int, out_dir: Path, seed: int = DEFAULT_SEED, dossier: int = 0) -> None:
    """Write n articles and site.yaml to out_dir; with dossier K, the first K bodies as one article beside it."""
    (out_dir / "articles").mkdir(parents=True, exist_ok=True)
    (out_dir / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
    bodies = []
    for number in range(1, n + 1):
        front, body = article(number, seed)
        (out_dir / "articles" / f"story-{number:05d}.md").write_text(front + body, encoding="utf-8")
        if number <= dossier:
            bodies.append(body)
    if dossier:
        folder = out_dir.with_name(out_dir.name + "-dossier")
        (folder / "articles").mkdir(parents=True, exist_ok=True)
        (folder / "site.yaml").write_text(SITE_YAML, encoding="utf-8")
        front = '---\ntitle: "The Riverton dossier"\npublisher: "Archive"\npublished: 2027-10-24T10:00-05:00\n---\n'
        (folder / "articles" / "dossier.md").write_text(front + "\n".join(bodies), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--dossier", type=int, default=0, metavar="K",
                        help="also write OUT_DIR-dossier/: one article of the first K articles' bodies")
    args = parser.parse_args()
    write_corpus(args.n, args.out_dir, args.seed, args.dossier)
    print(f"wrote {args.n} articles to {args.out_dir}" + (f" and a dossier of {args.dossier}" if args.dossier else ""))


if __name__ == "__main__":
    main()
