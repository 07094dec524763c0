#!/usr/bin/env python3
"""Generate N synthetic news articles about one fictional incident, for the build benchmark.

    python benchmarks/make_corpus.py N OUT_DIR [--seed S] [--formats ours,pelican,hugo]

writes

- OUT_DIR/ours/     a complete mekraid-site content folder: site.yaml, actors.yaml, articles/<slug>.md
- OUT_DIR/pelican/  content/<slug>.md with Pelican metadata, and pelicanconf.py
- OUT_DIR/hugo/     content/posts/<slug>.md with YAML front matter, hugo.toml and a tiny layout

The incident, the city, the people, the organisations and the outlets are
invented. Each article is 400-900 words of many sentence templates filled
with seeded random choices: dates and clock times in many forms, relative
expressions, named people and organisations, and casualty figures that
differ from outlet to outlet.

Article i depends only on the seed and i (its own `random.Random`), so the
first N articles are the same for every N, article N + 1 can be made on its
own (`article(N + 1, seed)`, used by bench_build.py to time "add one
article"), and the output is byte-identical for the same N and seed. Article
i has the same slug, title, date, author and Markdown body in all formats.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

FORMATS = ("ours", "pelican", "hugo")
DEFAULT_SEED = 2031
MIN_WORDS, MAX_WORDS = 400, 900

# --------------------------------------------------------------------------------------------------
# The fictional world
# --------------------------------------------------------------------------------------------------

ZONE_NAME = "Europe/Athens"
ZONE = ZoneInfo(ZONE_NAME)
CITY = "Port Arvell"
COUNTRY = "Veldania"
INCIDENT_DAY = date(2031, 3, 4)  # a Tuesday
SITE_TITLE = "The Saltmarsh Terminal crackdown: a timeline"
INCIDENT_NAME = "Police crackdown on the dock workers' protest at Saltmarsh Terminal"
INCIDENT_PLACE = "Saltmarsh Terminal, Port Arvell, Veldania"
INCIDENT_SUMMARY = (
    "On Tuesday 4 March 2031 the Veldanian National Police cleared a sit-in of striking dock workers at the "
    "Saltmarsh Terminal in Port Arvell. A fire broke out in a fuel depot during the operation. Outlets, "
    "officials and rights groups give different numbers of dead, injured and arrested."
)

# (name, kind, aliases, description); every name and alias is unique, case-insensitively.
ACTORS: tuple[tuple[str, str, tuple[str, ...], str | None], ...] = (
    ("Veldania", "state", ("Republic of Veldania",), "The country where the incident took place."),
    ("Port Arvell", "place", ("Arvell",), "Veldania's main port city."),
    ("Caldre", "place", (), "Veldania's capital."),
    ("Saltmarsh Terminal", "place", ("Saltmarsh container terminal",), "Container terminal of the port."),
    ("Harbour Square", "place", (), "Square in front of the port authority building."),
    ("Marovia", "state", ("Republic of Marovia",), "Neighbouring country."),
    ("Veldanian National Police", "organization", ("VNP", "national police", "police"),
     "Veldania's national police force."),
    ("Special Intervention Unit", "organization", ("SIU",), "Riot unit of the national police."),
    ("Ministry of the Interior", "organization", ("interior ministry", "Veldanian interior ministry"), None),
    ("Dario Kestrel", "person", ("Kestrel",), "Interior Minister of Veldania."),
    ("Anton Mirelli", "person", ("Mirelli",), "Spokesman of the Veldanian National Police."),
    ("Katarin Holm", "person", ("Holm",), "Prime Minister of Veldania."),
    ("Ministry of Health", "organization", ("health ministry",), None),
    ("Oren Talvik", "person", ("Talvik",), "Health Minister of Veldania."),
    ("Port Arvell Harbour Authority", "organization", ("PAHA", "harbour authority"), None),
    ("United Dock Workers' Federation", "organization", ("UDWF", "dockers' union"),
     "The union that called the strike."),
    ("Selma Varga", "person", ("Varga",), "Leader of the dock workers' union."),
    ("Civic Monitor for Human Rights", "organization", ("CMHR",), "Veldanian human-rights group."),
    ("Ilse Brandauer", "person", ("Brandauer",), "Director of the Civic Monitor for Human Rights."),
    ("Democratic Renewal Party", "organization", ("DRP",), "Main opposition party."),
    ("Marek Osterfeld", "person", ("Osterfeld",), "Leader of the opposition."),
    ("Lina Corvo", "person", ("Corvo",), "Mayor of Port Arvell."),
    ("Port Arvell City Council", "organization", ("city council",), None),
    ("St. Brenna General Hospital", "organization", ("St. Brenna hospital",), "Port Arvell's largest hospital."),
    ("Paulo Renner", "person", ("Renner",), "Director of St. Brenna General Hospital."),
    ("Office of the State Prosecutor", "organization", ("state prosecutor", "prosecutor's office"), None),
    ("Helga Dunmore", "person", ("Dunmore",), "State Prosecutor."),
    ("Veldanian Red Cross", "organization", ("VRC",), None),
    ("Council of Coastal States", "organization", ("CCS",), "Regional intergovernmental body."),
    ("Marovian Foreign Ministry", "organization", ("Marovian ministry",), None),
    ("Independent Press Association", "organization", ("IPA",), "Journalists' association."),
    ("Arvell Shipping Company", "organization", ("Arvell Shipping",), "Operator of the Saltmarsh Terminal."),
    ("Tomas Lindqvar", "person", ("Lindqvar",), "Chief executive of Arvell Shipping Company."),
    ("Veldanian Armed Forces", "organization", ("VAF", "army"), None),
    ("Greta Vannier", "person", ("Vannier",), "Defence Minister of Veldania."),
    ("Emil Rask", "person", ("Rask",), "Judge at the Port Arvell district court."),
    ("Office of the Ombudsman", "organization", ("ombudsman",), None),
    ("Nadia Oreska", "person", ("Oreska",), "Veldania's Ombudsman."),
    ("Arvell Students' Assembly", "organization", ("ASA",), "Student union that joined the protest."),
    ("protesters", "group", ("demonstrators", "strikers"), None),
    ("witnesses", "group", ("eyewitnesses",), None),
)

# Outlets, each with the figures it tends to give (killed, injured, arrested).
OUTLETS: tuple[tuple[str, tuple[int, int, int]], ...] = (
    ("The Arvell Courier", (12, 40, 36)),
    ("Veldania Today", (9, 47, 36)),
    ("Caldre Evening Post", (14, 60, 51)),
    ("Coastal Wire", (12, 112, 80)),
    ("The Marovian Herald", (23, 150, 80)),
    ("Radio Veldania", (7, 40, 24)),
    ("The Harbour Ledger", (12, 63, 51)),
    ("Nordline Press Agency", (17, 85, 36)),
    ("Channel 9 Caldre", (9, 52, 40)),
    ("Independent Monitor", (21, 120, 96)),
    ("The Dockside Gazette", (12, 44, 30)),
    ("Global Ledger Agency", (15, 70, 60)),
)

AUTHORS = (
    "Mara Ellison", "Jonas Petrik", "Alia Moravec", "Theo Brandt", "Ines Kovalik", "Ruben Sato", "Clara Oduya",
    "Viktor Hallan", "Nell Dupree", "Samir Okonde", "Lotte Veers", "Pavel Dragan", "Yara Lindell", "Oskar Fenn",
)

NUMBER_WORDS = {
    1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
    10: "ten", 11: "eleven", 12: "twelve", 14: "fourteen", 15: "fifteen", 17: "seventeen", 20: "twenty",
    21: "twenty-one", 23: "twenty-three", 24: "two dozen", 30: "thirty", 36: "three dozen", 40: "forty",
    48: "four dozen", 50: "fifty", 60: "sixty", 80: "eighty", 100: "a hundred",
}

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

# --------------------------------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------------------------------


@dataclass
class _Ctx:
    """What one article's sentences draw on."""

    rng: random.Random
    published: datetime
    outlet: str
    killed: int
    injured: int
    arrested: int
    used: set[int]


def _long_date(day: date, rng: random.Random) -> str:
    return rng.choice((
        f"{MONTHS[day.month - 1]} {day.day}, {day.year}",
        f"{day.day} {MONTHS[day.month - 1]} {day.year}",
        f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}, {day.year}",
        f"{day.isoformat()}",
    ))


def _incident_day(ctx: _Ctx) -> str:
    """The incident's day as this article would write it ("on Tuesday" only within the week)."""
    days_after = (ctx.published.date() - INCIDENT_DAY).days
    if days_after == 0:
        return ctx.rng.choice(("today", "early today", "this morning"))
    if days_after == 1:
        return ctx.rng.choice(("yesterday", "on Tuesday", "yesterday morning"))
    if days_after < 7:
        return ctx.rng.choice(("on Tuesday", "last Tuesday", "on Tuesday morning"))
    return "on " + ctx.rng.choice((f"March {INCIDENT_DAY.day}", f"{INCIDENT_DAY.day} March",
                                  _long_date(INCIDENT_DAY, ctx.rng)))


def _clock(rng: random.Random) -> str:
    hour, minute = rng.choice(((6, 40), (6, 55), (7, 10), (7, 30), (8, 5), (9, 15), (11, 0), (13, 20), (14, 45),
                               (17, 30), (19, 10), (22, 30)))
    form = rng.randrange(5)
    if form == 0:
        return f"{hour - 2:02d}{minute:02d} GMT"  # the zone is UTC+2 in early March
    if form == 1:
        return f"{hour:02d}:{minute:02d} local time"
    if form == 2:
        suffix = "a.m." if hour < 12 else "p.m."
        return f"{(hour - 1) % 12 + 1}:{minute:02d} {suffix}"
    if form == 3:
        return f"{hour:02d}{minute:02d} local time"
    return f"{hour - 2}:{minute:02d} GMT"


def _count(value: int, rng: random.Random) -> str:
    """A figure as outlets write it: "at least 12", "more than 40", "three dozen"."""
    word = NUMBER_WORDS.get(value)
    plain = word if word and rng.random() < 0.4 else str(value)
    return rng.choice((f"at least {plain}", f"more than {plain}", plain, f"some {plain}", f"nearly {value + 1}",
                       f"up to {plain}", f"at least {plain}"))


def _year_phrase(rng: random.Random) -> str:
    return rng.choice(("in 2019", "between 2015 and 2018", "since 2022", "in the 1990s", "in late 2029",
                       "in early 2030", "in 2027", "from 2024 to 2026", "in the summer of 2028", "by 2025"))


def _relative(rng: random.Random) -> str:
    return rng.choice(("last week", "two days later", "the following morning", "earlier this month",
                       "three weeks ago", "last year", "the next day", "a week later", "last month",
                       "within 48 hours", "the previous evening", "on Monday night", "later that afternoon"))


def _sentence(ctx: _Ctx) -> str:  # noqa: C901 (one table of templates)
    rng = ctx.rng
    day = _incident_day(ctx)
    clock = _clock(rng)
    killed, injured, arrested = _count(ctx.killed, rng), _count(ctx.injured, rng), _count(ctx.arrested, rng)
    later = INCIDENT_DAY + timedelta(days=rng.randint(1, 20))
    earlier = INCIDENT_DAY - timedelta(days=rng.randint(3, 60))
    templates = (
        f"Police moved on the Saltmarsh Terminal at {clock} {day}, witnesses said.",
        f"{killed.capitalize()} people were killed and {injured} injured when the Special Intervention Unit "
        f"cleared the sit-in, {ctx.outlet} has learned.",
        f"Police spokesman Anton Mirelli said {arrested} people had been arrested by {clock}.",
        f"Interior Minister Dario Kestrel told parliament {_relative(rng)} that officers had acted within the law.",
        f"The Civic Monitor for Human Rights (CMHR) said {killed} protesters had died, a figure the interior "
        f"ministry disputed.",
        f"According to the Ministry of Health, {injured} people were treated at St. Brenna General Hospital.",
        f"The strike began on {_long_date(INCIDENT_DAY - timedelta(days=rng.randint(8, 30)), rng)}, when the "
        f"United Dock Workers' Federation (UDWF) called out its members.",
        f"Union leader Selma Varga said the dockers had occupied the terminal peacefully since "
        f"{_long_date(earlier, rng)}.",
        f"Witnesses described smoke rising over the fuel depot at about {clock}.",
        f"The fire was brought under control {_relative(rng)}, the harbour authority said.",
        f"Prime Minister Katarin Holm called for calm in a televised address {_relative(rng)}.",
        f"Opposition leader Marek Osterfeld of the Democratic Renewal Party (DRP) demanded an inquiry "
        f"{_relative(rng)}.",
        f"State Prosecutor Helga Dunmore opened an investigation on {_long_date(later, rng)}.",
        f"Judge Emil Rask ordered the release of {_count(max(2, ctx.arrested // 3), rng)} detainees on "
        f"{_long_date(later, rng)}.",
        f"Mayor Lina Corvo said the city council would meet {_relative(rng)} to discuss compensation.",
        f"Hospital director Paulo Renner said {_count(max(1, ctx.injured // 10), rng)} of the injured were in "
        f"critical condition.",
        f"The Veldanian Red Cross (VRC) said {injured} people were injured.",
        f"Arvell Shipping Company, which operates the terminal, said {_year_phrase(rng)} it had invested heavily "
        f"in the port.",
        f"Chief executive Tomas Lindqvar said operations resumed at {clock} {_relative(rng)}.",
        f"Dock workers have complained about pay and safety {_year_phrase(rng)}.",
        f"A similar strike {_year_phrase(rng)} ended without violence.",
        f"The Council of Coastal States (CCS) said on {_long_date(later, rng)} that it was following events closely.",
        f"The Marovian Foreign Ministry summoned Veldania's ambassador {_relative(rng)}.",
        f"Ombudsman Nadia Oreska said her office had received {_count(rng.randint(20, 90), rng)} complaints by "
        f"{_long_date(later, rng)}.",
        "Defence Minister Greta Vannier denied that the army had been deployed in Port Arvell.",
        f"The Arvell Students' Assembly (ASA) said {_count(rng.randint(3, 15), rng)} of its members were among "
        f"those detained.",
        f"The Independent Press Association (IPA) said {_count(rng.randint(2, 6), rng)} journalists were beaten "
        f"near Harbour Square at around {clock}.",
        f"Eyewitnesses said the first shots were heard shortly after {clock}.",
        f"Police said {arrested} people were detained, while the union put the number at "
        f"{_count(ctx.arrested + rng.randint(10, 40), rng)}.",
        f"Local media reported {killed} dead by {clock}, and {injured} injured.",
        f"By {_long_date(later, rng)}, the death toll given by {ctx.outlet} had risen to "
        f"{_count(ctx.killed + rng.randint(1, 4), rng)}.",
        f"The interior ministry said {_count(max(1, ctx.killed - rng.randint(2, 5)), rng)} people had died and "
        f"that {_count(rng.randint(10, 30), rng)} officers were hurt.",
        f"The protest had been announced {_relative(rng)} on social media.",
        f"Talks between the union and Arvell Shipping collapsed on {_long_date(earlier, rng)}.",
        f"Health Minister Oren Talvik visited St. Brenna hospital {_relative(rng)}.",
        f"The Saltmarsh Terminal handled most of Veldania's container traffic {_year_phrase(rng)}.",
        f"A funeral for {_count(rng.randint(2, 6), rng)} of the victims was held in Port Arvell on "
        f"{_long_date(later, rng)}.",
        f"Thousands marched through Caldre {_relative(rng)} to protest against the crackdown.",
        f"The government declared {_long_date(later, rng)} a day of national mourning.",
        f"Kestrel said {_relative(rng)} that he would not resign.",
        f"Mirelli said officers used tear gas at {clock} only after being attacked with stones.",
        "Brandauer, the CMHR director, said live ammunition had been used, which the police denied.",
        f"Varga was detained at {clock} {day} and released {_relative(rng)}.",
        f"The port was closed for {_count(rng.randint(2, 9), rng)} days.",
        f"Security was tightened around Harbour Square {_relative(rng)}.",
        f"Veldania's parliament is due to debate the events on {_long_date(later, rng)}.",
        f"Rights groups have criticised the Special Intervention Unit {_year_phrase(rng)}.",
        f"The army was last deployed against strikers {_year_phrase(rng)}, according to historians.",
        f"The union said its members would return to work on {WEEKDAYS[later.weekday()]} if talks resumed.",
        f"Officials in Caldre said {_count(rng.randint(100, 400), rng)} police officers took part in the operation.",
    )
    # No template twice in one article until all have been used.
    fresh = [index for index in range(len(templates)) if index not in ctx.used] or list(range(len(templates)))
    if len(fresh) == len(templates):
        ctx.used.clear()
    choice = rng.choice(fresh)
    ctx.used.add(choice)
    return templates[choice]


def _title(ctx: _Ctx) -> str:
    rng = ctx.rng
    killed = _count(ctx.killed, rng)
    return rng.choice((
        f"{killed.capitalize()} killed as police clear Port Arvell docks",
        f"Port Arvell: {_count(ctx.injured, rng)} injured in Saltmarsh Terminal crackdown",
        "Interior minister defends police after deadly Saltmarsh raid",
        f"Veldania mourns after {killed} die in port protest",
        f"{_count(ctx.arrested, rng).capitalize()} arrested as dock strike is broken up",
        "Rights group disputes official toll of Port Arvell crackdown",
        "Questions mount over fire at Saltmarsh fuel depot",
        "Union vows to continue strike after Port Arvell violence",
        "Prosecutor opens inquiry into Saltmarsh Terminal deaths",
        "What we know about the Port Arvell crackdown",
    ))


# --------------------------------------------------------------------------------------------------
# Articles
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """One article, format-independent."""

    index: int
    slug: str
    title: str
    publisher: str
    author: str | None
    published: datetime  # aware, in ZONE
    url: str
    body: str  # Markdown: paragraphs separated by blank lines

    @property
    def words(self) -> int:
        return len(self.body.split())


def article(index: int, seed: int = DEFAULT_SEED) -> Article:
    """Article number index (1-based); depends only on seed and index."""
    rng = random.Random(f"mekraid-bench:{seed}:{index}")
    outlet, (killed, injured, arrested) = OUTLETS[rng.randrange(len(OUTLETS))]
    # Most coverage comes in the first days; some much later.
    days_after = min(int(rng.expovariate(1 / 6)), 120)
    minute_of_day = rng.randint(5 * 60, 23 * 60)
    published = datetime.combine(INCIDENT_DAY + timedelta(days=days_after), datetime.min.time(), ZONE)
    published += timedelta(minutes=minute_of_day)
    published = published.astimezone(ZONE)  # the offset of that day (EET or EEST)
    ctx = _Ctx(rng, published, outlet,
               max(1, killed + rng.randint(-2, 2)), injured + rng.randint(-5, 5), arrested + rng.randint(-4, 4), set())
    title = _title(ctx)
    target = rng.randint(MIN_WORDS + 20, MAX_WORDS - 60)
    sentences: list[str] = []
    words = 0
    while words < target:
        sentence = _sentence(ctx)
        sentences.append(sentence)
        words += len(sentence.split())
    paragraphs, start = [], 0
    while start < len(sentences):
        size = rng.randint(2, 5)
        paragraphs.append(" ".join(sentences[start:start + size]))
        start += size
    outlet_slug = "".join(c if c.isalnum() else "-" for c in outlet.lower()).strip("-").replace("--", "-")
    slug = f"a{index:05d}-{outlet_slug}"
    author = rng.choice(AUTHORS) if rng.random() < 0.85 else None
    return Article(
        index=index, slug=slug, title=title, publisher=outlet, author=author, published=published,
        url=f"https://news.example/{outlet_slug}/{published:%Y/%m/%d}/{slug}",
        body="\n\n".join(paragraphs) + "\n",
    )


def _q(text: str) -> str:
    """A YAML (and TOML) double-quoted string."""
    return json.dumps(text, ensure_ascii=False)


def ours_article(art: Article) -> str:
    lines = ["---", f"title: {_q(art.title)}", f"publisher: {_q(art.publisher)}"]
    if art.author:
        lines.append(f"author: {_q(art.author)}")
    lines += [f"published: {art.published.isoformat(timespec='minutes')}", f"url: {_q(art.url)}", "language: en",
              "---"]
    return "\n".join(lines) + "\n" + art.body


def pelican_article(art: Article) -> str:
    lines = [f"Title: {art.title}", f"Date: {art.published:%Y-%m-%d %H:%M}", f"Author: {art.author or 'Staff'}",
             f"Slug: {art.slug}", "Category: Port Arvell"]
    return "\n".join(lines) + "\n\n" + art.body


def hugo_article(art: Article) -> str:
    lines = ["---", f"title: {_q(art.title)}", f"date: {art.published.isoformat(timespec='seconds')}",
             f"author: {_q(art.author or 'Staff')}", f"slug: {_q(art.slug)}", "---"]
    return "\n".join(lines) + "\n" + art.body


def site_yaml() -> str:
    return (f"title: {_q(SITE_TITLE)}\nlanguage: en\nincident:\n  name: {_q(INCIDENT_NAME)}\n"
            f"  place: {_q(INCIDENT_PLACE)}\n  timezone: {ZONE_NAME}\n  summary: {_q(INCIDENT_SUMMARY)}\n")


def actors_yaml() -> str:
    out = ["# Fictional actors of the benchmark incident (benchmarks/make_corpus.py)."]
    for name, kind, aliases, description in ACTORS:
        out.append(f"- name: {_q(name)}\n  kind: {kind}")
        if aliases:
            out.append(f"  aliases: [{', '.join(_q(alias) for alias in aliases)}]")
        if description:
            out.append(f"  description: {_q(description)}")
    return "\n".join(out) + "\n"


PELICANCONF = f'''# Pelican settings for the build benchmark (benchmarks/make_corpus.py).
AUTHOR = "Benchmark"
SITENAME = {_q(SITE_TITLE)}
SITEURL = ""
PATH = "content"
TIMEZONE = "{ZONE_NAME}"
DEFAULT_LANG = "en"
RELATIVE_URLS = True
LOAD_CONTENT_CACHE = False
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
DEFAULT_PAGINATION = False
'''

HUGO_TOML = f'''# Hugo settings for the build benchmark (benchmarks/make_corpus.py).
baseURL = "/"
languageCode = "en"
title = {_q(SITE_TITLE)}
relativeURLs = true
buildFuture = true  # the fictional incident is in 2031
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
timeZone = "{ZONE_NAME}"
'''

HUGO_BASEOF = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
"""

HUGO_SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ .Date.Format "2 January 2006 15:04" }}{{ with .Params.author }} by {{ . }}{{ end }}</p>
{{ .Content }}</article>{{ end }}
"""

HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1><ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}
<p>{{ .Summary }}</p></li>
{{ end }}</ul>{{ end }}
"""

HUGO_INDEX = """{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>
{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}
<p>{{ .Summary }}</p></li>
{{ end }}</ul>{{ end }}
"""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def write_corpus(n: int, out_dir: Path, seed: int = DEFAULT_SEED, formats: tuple[str, ...] = FORMATS) -> list[Article]:
    """Write articles 1..n in the given formats under out_dir; return them."""
    out_dir = Path(out_dir)
    articles = [article(i, seed) for i in range(1, n + 1)]
    if "ours" in formats:
        _write(out_dir / "ours" / "site.yaml", site_yaml())
        _write(out_dir / "ours" / "actors.yaml", actors_yaml())
        (out_dir / "ours" / "articles").mkdir(parents=True, exist_ok=True)
        for art in articles:
            _write(out_dir / "ours" / "articles" / f"{art.slug}.md", ours_article(art))
    if "pelican" in formats:
        _write(out_dir / "pelican" / "pelicanconf.py", PELICANCONF)
        (out_dir / "pelican" / "content").mkdir(parents=True, exist_ok=True)
        for art in articles:
            _write(out_dir / "pelican" / "content" / f"{art.slug}.md", pelican_article(art))
    if "hugo" in formats:
        hugo = out_dir / "hugo"
        _write(hugo / "hugo.toml", HUGO_TOML)
        _write(hugo / "layouts" / "_default" / "baseof.html", HUGO_BASEOF)
        _write(hugo / "layouts" / "_default" / "single.html", HUGO_SINGLE)
        _write(hugo / "layouts" / "_default" / "list.html", HUGO_LIST)
        _write(hugo / "layouts" / "index.html", HUGO_INDEX)
        (hugo / "content" / "posts").mkdir(parents=True, exist_ok=True)
        for art in articles:
            _write(hugo / "content" / "posts" / f"{art.slug}.md", hugo_article(art))
    return articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out_dir", type=Path, help="output folder (created; existing files are overwritten)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default: {DEFAULT_SEED})")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated: ours,pelican,hugo")
    args = parser.parse_args(argv)
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or args.n < 1:
        parser.error(f"unknown formats {unknown}" if unknown else "N must be at least 1")
    articles = write_corpus(args.n, args.out_dir, args.seed, formats)
    words = [art.words for art in articles]
    print(f"Wrote {len(articles)} articles ({min(words)}-{max(words)} words, {sum(words) // len(words)} on average) "
          f"in {', '.join(formats)} format(s) to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
