"""Counts stated in a sentence: "at least one person had died" is killed >= 1.

A count is a number expression (digits, number words, or a vague quantity
such as "several") whose kind is told by the words around it: a verb or noun
right before it ("killed 12", "the death of one person", "death toll rose to
45"), the predicate after it ("36 had been wounded", "two civilians died"), or
the counted noun itself ("3,000 members", "20 computers"). Numbers whose kind
cannot be told give no figure, and years, clock times, dates, ages,
percentages, money, measures and ordinals are never counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from types import MappingProxyType
from typing import NamedTuple

from .model import Figure

FIGURE_KINDS: MappingProxyType[str, str] = MappingProxyType(
    {
        "killed": "people killed or dead (killed, died, deaths, fatalities, lost their lives)",
        "injured": "people injured (injured, wounded, hurt, hospitalized, sustained injuries)",
        "arrested": "people arrested (arrested, detained, charged, taken into custody)",
        "deployed": "police, troops or other personnel sent to act (deployed, took part)",
        "seized": "items seized or confiscated (computers, devices, weapons, documents)",
        "members": "people belonging to or living in a place or group (members, residents, relocated)",
        "displaced": "people forced from their homes (displaced, evacuated, left homeless)",
        "missing": "people missing or unaccounted for",
        "protesters": "people protesting, as a crowd is counted (demonstrators, marched, the crowd at)",
    }
)
"""Every figure kind, with what it counts."""

QUALIFIERS: tuple[str, ...] = ("exact", "at_least", "more_than", "about", "up_to", "nearly", "several")
"""How a figure's value relates to the true count; "several" marks a vague word
("several", "dozens"), whose value is the lower bound it implies."""

# Vague quantities and the lower bound each implies.
_VAGUE: dict[str, int] = {
    "several hundred": 300,
    "several thousand": 3000,
    "a few hundred": 200,
    "a few thousand": 2000,
    "a few": 2,
    "a handful": 2,
    "a couple": 2,
    "several": 3,
    "many": 3,
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2000,
    "tens of thousands": 20000,
    "hundreds of thousands": 200000,
    "millions": 2000000,
}

# The words of those quantities, as a reader sees them in a count's text: "tens of thousands".
VAGUE_WORDS = frozenset(word for phrase in _VAGUE for word in phrase.split())

# Counts of homes, not of people: "housed 18 families", "40 households were evacuated".
_HOUSEHOLD_NOUN = re.compile(r"\b(?:famil(?:y|ies)|households?|homes?|houses?|flats?|apartments?|dwellings?)\b",
                             re.IGNORECASE)


def household_noun(figure: Figure) -> str | None:
    """The word of homes a count counts in ("families", "households"), or None when it counts people or things."""
    found = _HOUSEHOLD_NOUN.search(figure.text)
    return found.group().lower() if found else None


_MAX_DIGITS = 15
# "a man was killed": the indefinite article counts one, for these nouns and what befalls them only.
_ONE_PERSON = ("man|woman|boy|girl|child|person|protester|protestor|demonstrator|resident|officer|policeman"
               "|policewoman|soldier|civilian|worker|journalist|student|passenger|member")
_ONE_KINDS = frozenset({"killed", "injured", "arrested", "missing"})
# Ages before a noun ("a 67-year-old man") are left out of the noun phrase; same offsets.
_AGE_ADJECTIVE_RE = re.compile(r"\b(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[ -]years?[ -]old\b(?=[ ]+[a-z])", re.IGNORECASE)
_SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"thousand": 1000, "million": 1000000, "billion": 1000000000,
           # South Asian English: "1.5 lakh people", "two crore".
           "lakh": 100000, "lakhs": 100000, "crore": 10000000, "crores": 10000000}
_SCALE_WORDS = "|".join(sorted(_SCALES, key=len, reverse=True))

_W = "|".join(sorted([*_SMALL, *_TENS, "hundred", "dozen", *_SCALES], key=len, reverse=True))
_NUMBER_RE = re.compile(
    rf"""
    (?P<vague>\b(?:tens\ of\ thousands|hundreds\ of\ thousands|(?:several|a\ few)\ (?:hundred|thousand)
        |a\ few|a\ handful|a\ couple
        |several|many|dozens|scores|hundreds|thousands|millions)\b)
    |(?P<words>\b(?:an?[ ]+(?=(?:dozen|hundred|thousand|million|billion)\b))?(?:{_W})
        (?:(?:[ ]+|-|(?<=hundred)[ ]+and[ ]+|(?<=thousand)[ ]+and[ ]+)(?:{_W}))*\b)
    |(?P<digits>(?<![\w.,:/$€£¥-])(?P<number>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?![\w]|[.,:/]\d)
        (?:[ ]+(?P<scale>{_SCALE_WORDS})\b)?)
    |(?P<one>\b(?:a|an)\b(?=[ ]+(?:{_ONE_PERSON})\b))
    """,
    re.IGNORECASE | re.VERBOSE,
)
# The same pattern, without capitals, on the lower-cased text: the same matches, found in about half the time.
_NUMBER_LOWER_RE = re.compile(_NUMBER_RE.pattern, re.VERBOSE)

# Qualifier words right before the number.
_QUALIFIER_RE = re.compile(
    r"""\b(?P<q>at\ least|no\ fewer\ than|no\ less\ than|not\ less\ than|a\ minimum\ of
        |no\ more\ than|more\ than|upwards\ of|in\ excess\ of|just\ over|over|above
        |approximately|approx\.|about|around|roughly|an\ estimated|estimated|some|circa
        |up\ to|as\ many\ as|at\ most|fewer\ than|less\ than|just\ under|under
        |nearly|almost|close\ to|all)\s+$""",  # "killing all 157 people": every one of them, exactly
    re.IGNORECASE | re.VERBOSE,
)
_QUALIFIER_OF = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least",
    "more than": "more_than", "upwards of": "more_than", "in excess of": "more_than",
    "just over": "more_than", "over": "more_than", "above": "more_than",
    "approximately": "about", "approx.": "about", "about": "about", "around": "about",
    "roughly": "about", "an estimated": "about", "estimated": "about", "some": "about",
    "circa": "about",
    "up to": "up_to", "as many as": "up_to", "at most": "up_to", "no more than": "up_to",
    "fewer than": "up_to", "less than": "up_to", "under": "up_to",
    "just under": "nearly", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "all": "exact",
}
_OR_MORE_RE = re.compile(r"\s+or\s+more\b|-?plus\b|\+", re.IGNORECASE)

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_UNITS = (
    r"years?|yrs?|months?|weeks?|days?|nights?|hours?|hrs?|minutes?|mins?|seconds?|secs?|decades?"
    r"|centuries|century|km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|m|cm|mm|feet|foot|ft|inch(?:es)?"
    r"|kg|kilos?|kilograms?|grams?|g|lbs?|pounds?|tons?|tonnes?|litres?|liters?|gallons?|barrels?"
    r"|hectares?|acres?|square|sq|degrees?|percent|per\s*cent|pc|times|storeys?|stories|floors?"
    r"|points?|magnitude|mph|kph|dollars?|euros?|cents?|pence|yuan|yen|rupees?|roubles?|rubles?"
    r"|francs?|lek|leke|lira|dinars?|rials?|riyals?|usd|eur|gbp|am|pm|a\.m\.|p\.m\.|o'clock|gmt|utc"
    r"|bst|cet|cest|eet|eest|est|edt|cst|cdt|mst|mdt|pst|pdt|ist|jst|msk|irst|local\s+time|hrs"
)
# After a number: measures, money, clock zones, ages, compounds, dates, ranges, ordinals.
_AFTER_NOT_COUNT_RE = re.compile(
    rf"""^(?:\s*(?:{_UNITS})\b
        |\s*(?:%|°)
        |\s*(?:-|\s)\s*years?[\s-]+old\b
        |-(?!plus\b)[^\W\d_]
        |\s*(?:st|nd|rd|th)\b
        |\s*,\s+(?:a|an)\s
        |\s*[/:-]\s*\d
        |\)
        )""",
    re.IGNORECASE | re.VERBOSE,
)
_MONTH_AFTER_RE = re.compile(rf"^\s+(?:{_MONTHS})\b")  # case-sensitive: "12 may have died" is a count
_MONTH_BEFORE_RE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$")
# Before a number: money signs, ages, and words that make it an identifier ("Flight 12").
_BEFORE_NOT_COUNT_RE = re.compile(
    r"""(?:[$€£¥#/(]|\b(?:usd|eur|gbp)|\baged|\bages?(?:\s+of)?|\bno\.|\bnos\.
        |\b(?:number|article|resolution|route|flight|page|chapter|section|law|decree|unit|block|room
        |paragraph|item|highway|road|bus|line|platform|gate|ward|district|zone|level|phase|version|model
        |category|class|grade|episode|season|vol|volume|part|act))\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_PREV_WORD_RE = re.compile(r"(\w+)\s*$")
# Words before a year-like number that make it a time: "in 1986", "at 0638", "the 2014 agreement".
_TIME_CONTEXT = frozenset("at by from since until till before after between in of the year years".split())
_PRONOUN_ONE = frozenset("no any every each another".split())  # "no one", "each one"

# A name in apposition, with an age: ", Ali Mostashari, 67," or ", Jane Doe,".
_NAME_APPOSITIVE_RE = re.compile(r",\s+(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}(?:,\s+(?:aged\s+)?\d{1,3})?"
                                 # "one resident, an 81-year-old man, died": who the one was
                                 r"|an?\s+(?:[\w'’-]+\s+){0,3}(?:man|woman|boy|girl|child|person)),(?=\s)")
# Clause ends: the predicate of a count does not run past these.
_CLAUSE_END_RE = re.compile(
    r"""[.;:!?()\[\]—–,]|\band\s+(?=(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your)\b)
        |\b(?:but|while|whereas|although|though|because|when|whereby|until|unless|whether
        |which|where|according|said|says|claimed|reported|stated)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

# Predicate cues after the counted noun; the group name is the kind.
_PREDICATE_RE = re.compile(
    r"""\b(?:
    (?P<killed>fatally\s+(?:injured|wounded|shot|hurt)|killed|died|dead|deaths?|perished|fatalities|slain
        |lost\s+(?:their|his|her)\s+li(?:ves|fe)|murdered|drowned|succumbed|shot\s+dead|burned\s+to\s+death
        |bodies|corpses)
    |(?P<injured>injured|injuries|injury|wounded|wounds|hurt|hospitali[sz]ed
        |(?:in|with)\s+(?:a\s+)?(?:critical|serious|stable)\s+condition|treated\s+(?:for|in\s+hospital)
        |taken\s+to\s+(?:a\s+|the\s+)?hospital)
    |(?P<arrested>arrested|(?<!cardiac\s)(?<!respiratory\s)arrests?|detained|detainees|detentions?|charged|in\s+custody|into\s+custody
        |under\s+arrest|apprehended|rounded\s+up|(?:held|taken\s+in)\s+for\s+questioning)
    |(?P<deployed>deployed|dispatched|mobili[sz]ed|on\s+duty)
    |(?P<deployed_weak>took\s+part|taking\s+part|participated|participating|involved)
    |(?P<seized>seized|confiscated|impounded)
    |(?P<displaced>displaced|evacuated|evacuees|homeless|fled\s+(?:their\s+)?homes|forced\s+to\s+flee
        |to\s+(?:evacuate|flee)|under\s+evacuation\s+orders?)
    |(?P<protesters>marched|rallied|demonstrated|protested|took\s+to\s+the\s+streets
        |joined\s+the\s+(?:march|protest|rally|demonstration))
    |(?P<missing>missing|unaccounted\s+for)
    |(?P<members>members?|membership|relocated|resettled|living|lived|live|lives|reside[sd]?|residing
        |housed|based|stationed)
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Cues right before the number (after any qualifier): "killed 12", "the death of one".
_PREFIX_RE = re.compile(
    r"""(?:
    (?P<killed>\b(?:killed|killing|kills|kill|death\s+of|deaths\s+of|claimed\s+the\s+lives\s+of|bodies\s+of
        |(?:death\s+toll|(?:number|count)\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities))\b[^.;:,]{0,60}
        |\btoll\s+(?:rose|climbed|jumped|reached|stood|stands|is|was
        |of|at|to|hit)\b[^.;:,]{0,20}))
    |(?P<injured>\b(?:injured|injuring|injures|wounded|wounding|wounds|hurt|hurting|injuries\s+to
        |(?:number|count)\s+of\s+(?:the\s+)?(?:injured|wounded|injuries)\b[^.;:,]{0,60}))
    |(?P<arrested>\b(?:arrested|arresting|arrests|arrest\s+of|arrests\s+of|detained|detaining|detention\s+of
        |charged|charging|rounded\s+up|apprehended
        |(?:number|count)\s+of\s+(?:arrests|detainees|those\s+(?:arrested|detained))\b[^.;:,]{0,60}))
    |(?P<deployed>\b(?:deployed|deploying|deployment\s+of|dispatched|mobili[sz]ed))
    |(?P<seized>\b(?:seized|seizing|seizure\s+of|confiscated|confiscating|confiscation\s+of|impounded))
    |(?P<members>\b(?:housed|houses|housing|home\s+to|hosts|hosted|relocated|relocation\s+of|resettled))
    |(?P<displaced>\b(?:displaced|displacing|evacuated|evacuating|evacuation\s+of))
    |(?P<protesters>\b(?:crowd|turnout)\s+(?:at|of)|\bput\s+it\s+at)
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_PARTITIVE_RE = re.compile(r"^\s+of\s+(?:the|those|them|these)\b", re.IGNORECASE)  # "one of them"
# A participle after a noun, then the verb: "the 40 people arrested were released" (the arrested are the 40).
_POSTMODIFIER_RE = re.compile(r"\s+[a-z]+(?:ed|en)\s+(?:were|was|are|is|have|has|had)\b")
# "Of the 87 injured, 12 remain in critical condition", "Among the dead, three were children": a part of a count.
_FRONTED_PART_RE = re.compile(r"(?:^|[.;:]\s+)(?:[Oo]f|[Aa]mong)\s+(?:the|those|these|them)\b[^,;.]{0,60},\s*"
                              r"(?:[a-z]+\s+){0,2}$")
_CASUALTY_GROUP_RE = re.compile(r"\s+(?:injured|wounded|dead|hurt|victims|casualties|missing)\b", re.IGNORECASE)
_VAGUE_OF_RE = re.compile(r"^\s+of\b(?:\s+(?:the|those|them|these)\b)?", re.IGNORECASE)  # "dozens of"
_AS_MANY_RE = re.compile(r"\b(?:how|too|so|as)\s+many\b|\bmany\s+as\b", re.IGNORECASE)
_NEGATION = frozenset("not never no nobody none".split())

# Nouns that count people but say nothing of what happened to them.
_PERSON_NOUNS = frozenset(
    """people persons person man men woman women child children kids boys girls babies infants
    civilians individuals victims others workers students passengers
    villagers journalists reporters employees staff families households tourists migrants pilgrims
    worshippers miners patients inmates prisoners suspects activists bystanders pedestrians citizens
    nationals locals adults teenagers youths crew sailors guards volunteers rioters fans spectators
    participants attendees guests occupants firefighters rescuers medics doctors nurses strikers dockers
    farmers drivers truckers teachers settlers refugees hostages detainees""".split()
)
# Nouns that also tell the kind when no verb does.
_NOUN_KINDS: dict[str, str] = {
    **dict.fromkeys(
        "members residents fighters militants followers adherents inhabitants personnel".split(), "members"
    ),
    **dict.fromkeys(
        "police policemen policewomen officers troops soldiers agents gendarmes servicemen commandos".split(),
        "deployed",
    ),
    **dict.fromkeys(
        """computers laptops devices phones smartphones weapons guns firearms rifles pistols items documents
        servers drives cartridges rounds grenades explosives""".split(),
        "seized",
    ),
    **dict.fromkeys("dead deceased deaths fatalities bodies corpses".split(), "killed"),
    **dict.fromkeys("injured wounded injuries".split(), "injured"),
    **dict.fromkeys("arrests detainees detentions".split(), "arrested"),
    **dict.fromkeys("displaced evacuees refugees homeless".split(), "displaced"),
    **dict.fromkeys("protesters protestors demonstrators marchers".split(), "protesters"),
    "missing": "missing",
}
_SINGULAR = {noun[:-1]: noun for noun in (_PERSON_NOUNS | _NOUN_KINDS.keys()) if noun.endswith("s")}
_NOUN_KINDS.update({singular: _NOUN_KINDS[plural] for singular, plural in _SINGULAR.items() if plural in _NOUN_KINDS})
# Nouns that can be counted: "one resident", "two civilians".
_COUNTED = _PERSON_NOUNS | _NOUN_KINDS.keys() | _SINGULAR.keys()
# A prepositional phrase after the noun may be long before the predicate comes:
# "one resident of the camp of the group died".
_PP_START = frozenset("of from in at near inside outside".split())
# An aside after a count that names a part of it: "six people, including 2 children, were killed".
_ASIDE_BEFORE_NUMBER_RE = re.compile(r"\s+(?:[a-z-]+\s+){0,3}[a-z-]+(?P<comma>,)\s+(?:including|among\s+them)\s+$",
                                     re.IGNORECASE)
_TOTAL_BEFORE = re.compile(r"\b(?:bringing|raising|pushing|taking|lifting)\s+(?:the\s+|its\s+)?(?:overall\s+)?"
                           r"(?:total|toll|number|tally|count|death\s+toll)\b[^.;]{0,60}$", re.IGNORECASE)
_GROUP_OF_BEFORE = re.compile(r"\b(?:a|one|another)\s+group\s+of\s+$", re.IGNORECASE)
_AND_BEFORE_NUMBER_RE = re.compile(r"\s+[a-z-]+\s+and\s+(?:all\s+|the\s+)?$", re.IGNORECASE)
_WORDS_AFTER_RE = re.compile(r"\s+([A-Za-z-]+)(?:\s+([A-Za-z]+))?")  # "five attackers", "five armed attackers"
_PROTEST_RE = re.compile(r"\b(?:demonstrat|protest|march|rall(?:y|ies))", re.IGNORECASE)
_TOLD_BY_NOUN = frozenset(("killed", "injured", "arrested", "displaced", "missing"))  # "dead", "wounded", ...
_COORDINATION_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
# A noun and a preposition before the next number: "three people from 2 families", "10 workers in 3 mines".
_AMONG_RE = re.compile(r"\s+(?:[a-z'-]+\s+){0,3}(?:are|were|is|was|remain|remained)\s+(?:also\s+|still\s+)?among\b",
                       re.IGNORECASE)
# "three more bodies", "two further deaths", "12 new cases": a count added to, with the noun it counts.
_INCREMENT_AFTER = re.compile(r"\s+(?:more|additional|further|new)\s+[a-z]", re.IGNORECASE)
# "In the last 24 hours, 4 bodies were recovered", "12 died in the 24 hours to 8am": what a day added, not the toll
# (not "over the past three days", which may be the whole of what it counts, nor "the last day of the search").
_PERIOD_OF_A_COUNT = re.compile(
    r"\b(?:in|over|during|within)\s+the\s+(?:(?:last|past|previous|preceding)\s+(?:[\w-]+\s+)?(?:hours|day)\b(?!\s+of)"
    r"|(?:[\w-]+\s+)?hours\s+(?:to|until|up\s+to)\s)", re.IGNORECASE)
_TOLL_BEFORE = re.compile(r"\b(?:toll|total|tally|cumulative)\b[^.;]{0,60}$", re.IGNORECASE)  # "the toll rose to 31"
_PP_BEFORE_NUMBER_RE = re.compile(r"\s+[a-z-]+(?:\s+[a-z-]+){0,2}\s+(?:of|from|in|among|across)\s+(?:the\s+)?$",
                                  re.IGNORECASE)
_MAX_BETWEEN, _MAX_BETWEEN_PP = 5, 12
_MODIFIERS = frozenset(
    """other others more additional further young elderly old armed unarmed innocent unidentified foreign
    local special senior junior female male uniformed masked suspected alleged riot plainclothes
    civilian police security military emergency rescue mobile hard""".split()
)
# Words that end the counted noun phrase: auxiliaries, prepositions, determiners, pronouns.
_NP_STOP = frozenset(
    """was were is are be been being had has have will would could should may might must can do does did
    remain remained remains in on at of from to by with during after before near across for among including
    into onto over under and or but who which that whom whose the a an this these those his her its their
    our my your it they he she we also still reportedly allegedly now then as than overnight yesterday today
    tonight earlier later since until last""".split()
)


def _parse_words(words: str) -> int | None:
    """Value of a number written in words ("three dozen", "sixty-seven"); None if malformed."""
    total = current = 0
    for w in re.split(r"[\s-]+", words.lower()):
        if w in ("a", "an", "and"):
            continue
        if w in _SMALL:
            if current % 100 and (_SMALL[w] >= 10 or current % 10):
                return None  # "one two", "twenty twelve"
            current += _SMALL[w]
        elif w in _TENS:
            if current % 100:
                return None
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "dozen":
            current = (current or 1) * 12
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
        else:
            return None
    return total + current


def _value(m: re.Match[str]) -> int | None:
    """Value of a number expression match, or None if it is not a whole count."""
    if m.group("vague"):
        return _VAGUE[re.sub(r"\s+", " ", m.group("vague").lower())]
    if m.group("one"):
        return 1
    if m.group("words"):
        return _parse_words(m.group("words"))
    digits = m.group("number").replace(",", "")
    if len(digits) > _MAX_DIGITS:
        return None  # no count has this many digits; converting them would take long
    value = Decimal(digits)
    if m.group("scale"):
        value *= _SCALES[m.group("scale").lower()]
    if value != value.to_integral_value():
        return None  # "6.4" is a measure, not a count
    return int(value)


def _not_a_count(m: re.Match[str], text: str, value: int) -> bool:
    """Whether the number is a year, time, date, age, measure, money, identifier or pronoun."""
    start, end = m.span()
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    if _AFTER_NOT_COUNT_RE.match(after) or _MONTH_AFTER_RE.match(after):
        return True
    if _BEFORE_NOT_COUNT_RE.search(before) or _MONTH_BEFORE_RE.search(before):
        return True
    prev_match = _PREV_WORD_RE.search(before)
    prev = prev_match.group(1).lower() if prev_match else ""
    word = m.group(0)
    if m.group("words"):
        return word.lower() == "one" and prev in _PRONOUN_ONE
    year_or_clock = word[0] == "0" or 1000 <= value <= 2199
    if m.group("scale") is None and len(word) == 4 and word.isdigit() and year_or_clock:
        # A year or clock time unless a counted noun follows and no time word precedes ("2000 people").
        noun = _TOKEN_RE.match(after.lstrip())
        counted = noun is not None and noun.group(0).lower() in _COUNTED
        return word[0] == "0" or not counted or prev in _TIME_CONTEXT
    return False


def _noun_phrase_and_cue(clause: str, has_predicate: bool = True,
                         sentence: str = "") -> tuple[int, str | None, bool] | None:
    """Read the counted noun phrase and the kind its words or predicate give.

    ``clause`` is the text after the number up to the clause end. Returns (end of
    the noun phrase in clause, kind or None, whether a predicate gave the kind), or
    None when the count is not one of people or items we know (an unknown noun:
    "13 countries") or is negated. A count inside another's noun phrase has no
    predicate of its own: only its noun can give its kind. ``sentence``: the whole sentence (of a protest?).
    """
    cues = {c.start(): c for c in _PREDICATE_RE.finditer(clause)}
    np_end = 0
    head_known = unknown = False
    noun_kind: str | None = None
    modifiers = 0
    for tok in _TOKEN_RE.finditer(clause):
        lower = tok.group(0).lower()
        if lower in _NP_STOP:
            break
        if lower in _COUNTED:
            head_known = True
            noun_kind = _NOUN_KINDS.get(lower, noun_kind)  # "injured civilians" stays injured
            np_end = tok.end()
            continue
        if tok.start() in cues or head_known:
            break  # the predicate starts
        if tok.group(0)[0].isupper() or lower in _MODIFIERS:
            modifiers += 1
        elif lower.endswith(("ed", "ing")):
            break  # a verb: the noun is elided ("36 had been wounded")
        else:
            unknown = True
            modifiers += 1
        if modifiers > 3:
            break
        np_end = tok.end()
    if unknown and not head_known:
        return None
    if not has_predicate:
        return np_end, noun_kind, False
    cue_kind: str | None = None
    state_kind: str | None = None
    for c in sorted(cues.values(), key=lambda c: c.start()):
        if c.start() < np_end:
            continue
        between = _TOKEN_RE.findall(clause[np_end : c.start()])
        if len(between) > (_MAX_BETWEEN_PP if between and between[0].lower() in _PP_START else _MAX_BETWEEN):
            break
        if any(w.lower() in _NEGATION for w in between):
            return None  # "were not injured"
        if c.lastgroup == "members":
            state_kind = state_kind or "members"  # a state; an event cue after it wins
            continue
        cue_kind = c.lastgroup
        break
    if noun_kind == "killed" and cue_kind == "injured":
        cue_kind = "killed"  # "22 deaths from gunshot wounds", "bodies with stab wounds": the dead, not the hurt
    if cue_kind == "deployed_weak":
        # "took part" counts personnel; people who took part in a protest are protesters
        cue_kind = ("deployed" if noun_kind == "deployed"
                    else "protesters" if _PROTEST_RE.search(sentence or clause) else None)
    return np_end, cue_kind or state_kind or noun_kind, bool(cue_kind or state_kind)


def find_figures(text: str, offset: int = 0, times: Sequence[tuple[int, int]] = (), context: str = "") -> list[Figure]:
    """Counts stated in one sentence, each with its kind and qualifier.

    ``times`` are the spans of the time expressions found in the text (offset like the figures): a number
    in one ("March 4, 2031", "1530 GMT") is part of a time, not a count, and is not looked at again.
    ``context``: the whole sentence, when the text is a clause of it (does it speak of a protest?).
    """
    original = text
    # "one resident, Ali Mostashari, 67, died": read past a name (and age) set off by commas; same offsets.
    text = _NAME_APPOSITIVE_RE.sub(lambda m: " " * len(m.group()), text)
    lower = text.lower()
    if "old" in lower:
        text = _AGE_ADJECTIVE_RE.sub(lambda m: " " * len(m.group()), text)
        lower = text.lower()
    # Groups read from the lower-cased text are only compared lower-cased; a few letters lower-case to two.
    matches = list(_NUMBER_LOWER_RE.finditer(lower) if len(lower) == len(text) else _NUMBER_RE.finditer(text))
    counts: list[_Count] = []
    inner: set[int] = set()  # the numbers inside an earlier count's noun phrase
    parts: set[int] = set()  # the numbers of an aside that names part of an earlier count ("including 2 children")
    for i, m in enumerate(matches):
        start, end = m.span()
        if i in parts or times and any(t_start <= start + offset and end + offset <= t_end for t_start, t_end in times):
            continue
        value = _value(m)
        if value is None:
            continue
        if m.group("vague"):
            if m.group("vague").lower() == "many" and _AS_MANY_RE.search(text, max(0, start - 4), end + 4):
                continue  # "as many as 40": a qualifier, not a count
        elif not m.group("one") and _not_a_count(m, text, value):
            continue
        before = text[max(0, start - 80) : start]
        qualifier = "several" if m.group("vague") else "exact"
        qual = None if m.group("vague") else _QUALIFIER_RE.search(before)
        if qual:
            qualifier = _QUALIFIER_OF[re.sub(r"\s+", " ", qual.group("q").lower())]
            start -= len(before) - qual.start()
            before = before[: qual.start()]
        if "group" in before and _GROUP_OF_BEFORE.search(before):
            continue  # "a group of about 300 demonstrators broke away": a part of a crowd, not its count
        rest = text[end : matches[i + 1].start() if i + 1 < len(matches) else len(text)]
        aside = _ASIDE_BEFORE_NUMBER_RE.match(rest) if i + 1 < len(matches) else None
        if i + 1 < len(matches) and (_PP_BEFORE_NUMBER_RE.match(rest) or (
                _AND_BEFORE_NUMBER_RE.match(rest) and not _counted_noun_after(text, matches[i + 1].end()))):
            # "Three people from 2 families died", "4 hostages and all five attackers were killed": the predicate
            # after the next number is this count's, and the next is no count we know.
            inner.add(i + 1)
            rest = text[end : matches[i + 2].start() if i + 2 < len(matches) else len(text)]
        elif aside:
            # "Six people, including 2 children, were killed": the aside's counts are parts of this one, and its
            # predicate comes after the aside.
            closing = text.find(",", matches[i + 1].end())
            inside = [j for j in range(i + 1, len(matches)) if closing < 0 or matches[j].start() < closing]
            parts.update(inside)
            resume = len(text) if closing < 0 else closing + 1
            following = inside[-1] + 1
            rest = rest[: aside.start("comma")] + text[resume : matches[following].start()
                                                       if following < len(matches) else len(text)]
        if _AMONG_RE.match(rest) or _FRONTED_PART_RE.search(before):
            continue  # "two children were among the dead": a part of a count, not the count
        if _INCREMENT_AFTER.match(rest):
            continue  # "divers retrieved three more bodies": what was added to a count, not the count
        clause = _CLAUSE_END_RE.search(rest)
        if not _TOLL_BEFORE.search(before) and (_PERIOD_OF_A_COUNT.search(before) or _PERIOD_OF_A_COUNT.search(
                rest, 0, clause.start() if clause else len(rest))):
            continue  # "in the last 24 hours, 4 bodies were recovered": a day's addition, not the toll
        or_more = _OR_MORE_RE.match(rest)
        of = (_VAGUE_OF_RE if m.group("vague") else _PARTITIVE_RE).match(rest)
        if of and (_CASUALTY_GROUP_RE.match(rest, of.end()) or _cue_in_relative_clause(
                rest, _NOUN_AFTER_OF.match(rest, of.end()).end())):
            # "two of the injured were taken to hospital", "many of the people who died": some of a count, not it
            continue
        skip = or_more.end() if or_more else of.end() if of else 0
        part_of_count = bool(of and i + 1 < len(matches) and not rest[of.end():].strip() and i + 1 not in parts)
        if part_of_count:
            # "Three of the 20 passengers were killed": the part is the count, with the whole's noun and verb.
            rest = text[end : matches[i + 2].start() if i + 2 < len(matches) else len(text)]
            skip = matches[i + 1].end() - end
        clause_end = _CLAUSE_END_RE.search(rest, skip)
        read = _noun_phrase_and_cue(rest[skip : clause_end.start() if clause_end else len(rest)], i not in inner,
                                    context or text)
        if (part_of_count and read is not None and read[2] and not _POSTMODIFIER_RE.match(rest, skip + read[0])
                and not _cue_in_relative_clause(rest, skip + read[0])):
            inner.add(i + 1)
        elif read is None or part_of_count:
            continue  # "Six of the 40 people arrested were released": the whole is the count
        np_end, kind, by_predicate = read
        if qualifier == "exact" and (or_more or _OR_MORE_RE.match(rest, skip + np_end)):
            qualifier = "at_least"  # "40 or more people", "40 people or more"
        prefix = _PREFIX_RE.search(before)
        if (prefix and kind in _TOLD_BY_NOUN and not by_predicate and kind != prefix.lastgroup
                and any(char.isdigit() for char in prefix.group())):
            prefix = None  # "put the toll at 12 dead and 27 missing": the second count's noun tells its kind
        fig_end = end + skip + np_end if np_end else end
        total = "ing" in before and bool(_TOTAL_BEFORE.search(before))  # "bringing", "raising" ...
        counts.append(_Count(start, fig_end, value, qualifier, prefix.lastgroup if prefix else kind,
                             "before" if prefix else "after" if by_predicate or kind in _TOLD_BY_NOUN else "role",
                             bool(m.group("one")), fig_end > end, total))
    made = [(figure, group[-1].total) for group in _coordinated(counts, text)
            if (figure := _figure(group, original, offset))]
    # "Three more people died overnight, raising the death toll to 31": the toll is the count of its kind.
    totals = {figure.kind for figure, total in made if total}
    figures = [figure for figure, total in made if total or figure.kind not in totals]
    return _without_superseded(figures, text, offset)


class _Count(NamedTuple):
    """A number read as a count, before counts joined by "and" are added up."""

    start: int
    end: int
    value: int
    qualifier: str
    kind: str | None
    # What gave the kind: "before", a verb ("killing 12 children"); "after", a predicate or a noun that tells what
    # happened ("... were killed", "a man dead"); "role", a noun that tells who they are ("3 police").
    kind_from: str
    one: bool  # "one", "a": a single person
    has_noun: bool
    total: bool  # after "raising the death toll to", "bringing the total to": the count, not what was added to it


def _cue_in_relative_clause(text: str, at: int) -> bool:
    """Whether a relative clause at `at` says what befell the noun before it: "the three patients who died"."""
    relative = _RELATIVE_RE.match(text, at)
    return bool(relative and _PREDICATE_RE.match(text, relative.end()))


_NOUN_AFTER_OF = re.compile(r"(?:\s+(?!(?:who|that)\b)[a-z-]+){0,2}")  # "(of the) people", "(of the) elderly patients"
_RELATIVE_RE = re.compile(r"\s+(?:who|that)\s+(?:(?:had|have|has|were|was|are|is)\s+)?(?:been\s+)?", re.IGNORECASE)


def _counted_noun_after(text: str, at: int) -> bool:
    """Whether the word after a number is a noun we count ("teachers"), not one we do not ("attackers")."""
    words = _WORDS_AFTER_RE.match(text, at)
    return words is not None and any((word or "").lower() in _COUNTED for word in words.groups())


def _coordinated(counts: list[_Count], text: str) -> list[list[_Count]]:
    """Counts in groups: "12 children and two teachers", "3 women, 2 men and a boy" are one count each.

    Not counts with words of their own between them ("a man dead and 36 people hurt"), nor things seized
    ("50 computers and 20 phones" add up to nothing a reader counts).
    """
    groups: list[list[_Count]] = []
    for count in counts:
        previous = groups[-1] if groups else None
        if (previous is not None and previous[-1].has_noun and count.has_noun
                and previous[-1].kind_from != "after" and "seized" not in (previous[-1].kind, count.kind)
                and not _casualties_of_two_kinds(previous[-1], count, text)
                and _COORDINATION_GAP.fullmatch(text, previous[-1].end, count.start)
                and not _BETWEEN_BEFORE.search(text, max(0, previous[0].start - 10), previous[0].start)):
            previous.append(count)
        else:
            groups.append([count])
    # A list ends with "and"; commas alone set off an aside ("one resident, a man of 81, ..."), not a list.
    return [part for group in groups for part in (
        [group] if len(group) == 1 or "and" in text[group[-2].end:group[-1].start] else [[count] for count in group])]


def _casualties_of_two_kinds(first: _Count, second: _Count, text: str) -> bool:
    """Whether two counts' own nouns tell different casualties: "12 dead and 27 missing" are two counts."""
    kinds = [_NOUN_KINDS.get(text[count.start:count.end].rsplit(None, 1)[-1].lower()) for count in (first, second)]
    return kinds[0] != kinds[1] and all(kind in _TOLD_BY_NOUN for kind in kinds)


def _figure(group: list[_Count], original: str, offset: int) -> Figure | None:
    """One figure of a group of counts, added up; its kind from a verb before the first or after the last."""
    first, last = group[0], group[-1]
    if len(group) == 1:
        if first.kind is None or (first.one and first.kind not in _ONE_KINDS):
            return None
        kind = first.kind
    else:
        kind = (first.kind if first.kind_from == "before" else last.kind if last.kind_from == "after"
                else next((count.kind for count in group if count.kind), None))
        if kind is None:
            return None
    qualifier = next((count.qualifier for count in group if count.qualifier != "exact"), "exact")
    return Figure(kind, sum(count.value for count in group), qualifier, original[first.start:last.end],
                  first.start + offset, last.end + offset)


def _without_superseded(figures: list[Figure], text: str, offset: int) -> list[Figure]:
    """The counts without those a revision replaced: "the toll rose from 12 to 19" gives 19, not 12."""
    replaced = [bool(_SUPERSEDED_BEFORE.search(text, 0, figure.start - offset)) for figure in figures]
    kinds_revised = {figure.kind for figure, old in zip(figures, replaced, strict=True) if not old}
    return [figure for figure, old in zip(figures, replaced, strict=True) if not (old and figure.kind in kinds_revised)]


# "from" before a count, with another count of its kind in the same text: the count it was before a revision.
_SUPERSEDED_BEFORE = re.compile(r"\bfrom\s+(?:an?\s+|the\s+)?(?:earlier|previous|initial|original)?\s*$",
                                re.IGNORECASE)
