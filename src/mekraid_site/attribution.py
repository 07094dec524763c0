"""Who a sentence says is making the claim: "X said that ...", "according to X".

``find_claimant`` finds the claimant of the main reporting clause: the noun
phrase before a reporting verb ("Chilean officials claimed"), after "according
to" or an inverted "said" ('"...," said the minister'), or after "a statement
released by". Names are returned as written, with their offsets; pronouns and
anaphora ("They", "the ministry") are flagged for the caller to resolve.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .names import NAME_PARTICLES, guess_kind, name_key


@dataclass(frozen=True)
class Attribution:
    """The claimant of a sentence, as written, and how the claim is reported."""

    name: str  # the claimant phrase as written: "Chilean officials", "They"
    start: int  # offsets of ``name`` in the sentence
    end: int
    verb: str  # the reporting words: "said", "claimed", "according to", "released a statement"
    pronoun: bool = False  # "They", "the ministry": the caller resolves it to an earlier claimant
    denial: bool = False  # denied, rejected, dismissed


_VERBS = (
    r"says|said|say|claimed|claims|stated|states|confirmed|confirms|denied|denies|deny|told|tells"
    r"|clarified|clarifies|explained|explains|accused|accuses|announced|announces|reported|reports"
    r"|added|adds|insisted|insists|asserted|asserts|alleged|alleges|noted|notes|warned|warns|argued"
    r"|argues|maintained|maintains|acknowledged|acknowledges|admitted|admits|declared|declares"
    r"|revealed|reveals|disclosed|discloses|rejected|rejects|disputed|disputes|dismissed|dismisses"
    r"|refuted|refutes|estimated|estimates|tweeted|wrote|writes|stressed|stresses|emphasi[sz]ed"
    r"|suggested|contended|countered|blamed|blames|responded|replied|counted"
)
_REPORT_RE = re.compile(
    rf"""\b(?:(?P<according>according\s+to)
        |(?P<statement>(?:a|an|the|its|their)\s+(?:\w+\s+)?(?:statement|communiqu[eé]|press\s+release)
            \s+(?:(?:released|issued|published|put\s+out)\s+)?(?:by|from))
        |(?P<verb>(?:expressed|voiced|raised)\s+(?:\w+\s+)?concerns?
            |(?:released|issued|published|put\s+out)\s+(?:a|an)\s+(?:\w+\s+)?(?:statement|communiqu[eé]|press\s+release)
            |posted\s+(?:on|to)\s+[\w.]+(?=(?:\s+(?:on|late|early)\s+\w+)?\s+that\b)  # "posted on Facebook that"
            # "put the death toll at seven", "police put it at 20,000"
            |puts?\s+(?:it|(?:the\s+)?(?:(?:death\s+)?toll|number(?:\s+of\s+\w+)?|crowd|turnout|figure))\s+at
            |{_VERBS}))\b""",
    re.IGNORECASE | re.VERBOSE,
)
# The same pattern, without capitals, on the lower-cased sentence: the same matches in 40% of the time.
_REPORT_LOWER_RE = re.compile(_REPORT_RE.pattern, re.VERBOSE)
# "A police statement said", "the ministry's statement added": the author is the claimant.
_AUTHORED_STATEMENT_RE = re.compile(
    r"""^\s*(?:(?:However|Meanwhile|Later|Earlier),\s+)?(?:a|an|the)\s+(?P<author>(?:[\w’'-]+\s+){0,4}?[\w’'-]+?)(?:['’]s)?
        \s+(?:statement|communiqu[eé]|press\s+release)\s+(?P<verb>said|says|added|stated|claimed|read|reads)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# "In a statement, X ...": the claimant is the subject after the comma.
_IN_STATEMENT_RE = re.compile(
    r"""^\s*in\s+(?:a|an|its|their|his|her|the)\s+(?:\w+\s+)?(?:statement|communiqu[eé]|press\s+release
        |interview|post|tweet|letter)\b[^,]{0,60},\s*""",
    re.IGNORECASE | re.VERBOSE,
)
_INTRO_VERB_RE = re.compile(rf"\b(?:{_VERBS}|accused|expressed|called|urged|condemned)\b", re.IGNORECASE)
_DENIAL = frozenset("denied denies deny rejected rejects disputed disputes dismissed dismisses refuted refutes".split())
# Verbs that report only when a clause or quote follows: "maintained that", not "maintained their camp".
_CLAUSE_VERBS = frozenset(
    "maintained maintains added adds noted notes declared declares revealed reveals stressed stresses suggested".split()
)
_CLAUSE_FOLLOWS_RE = re.compile(r"\s*(?:that\b|[,:“\".]|$)", re.IGNORECASE)
# A reporting verb that is a plural noun before its own verb: "Situation reports are issued", "Police reports show".
_NOUN_BEFORE_VERB_RE = re.compile(
    r"\s+(?:are|were|have|had|show|showed|suggest|suggested|say|said|indicate|indicated|put|from)\b", re.IGNORECASE)
# Verbs that may come before their subject: '"...," said the minister.'
_INVERTING = frozenset("said says added adds explained claimed stated insisted noted wrote told".split())
_QUOTE_RE = re.compile(r"“[^“”]*”|\"[^\"]*\"")
# Auxiliaries and adverbs between the subject and the verb: "had expressed", "further claimed".
_AUX_TAIL_RE = re.compile(
    r"""(?:\b(?:has|have|had|also|later|further|previously|earlier|reportedly|publicly|repeatedly|again|then
        |quickly|immediately|subsequently|initially|separately|similarly|likewise|officially|firmly|strongly
        |flatly|categorically|swiftly|once|would|will|did|does|do|not|never|was|were|is|are|been|be|being)
        \s+)+$""",
    re.IGNORECASE | re.VERBOSE,
)
_LOOKBACK = 300  # characters before a verb searched for its subject
_PASSIVE = frozenset("was were is are been be being".split())
_BOUNDARY_RE = re.compile(
    r"""[,;:()\[\]“”"—–]|\s-\s|\b(?:that|while|but|however|although|though|because|when|whereas|as|so|if|since
        |after|before|where|which|who|whom|whose|meanwhile|yet)\b""",
    re.IGNORECASE | re.VERBOSE,
)
_FORWARD_END_RE = re.compile(
    rf"""[,;:()\[\]“”"—–!?]|\.(?=\s|$)|\b(?:that|who|which|on|in|at|during|after|before|when|while|as
        |because|adding|saying|stating|claiming|to|{_VERBS})\b""",
    re.IGNORECASE | re.VERBOSE,
)
_LEADING_ADVERBS_RE = re.compile(
    r"""(?:(?:and|but|so|yet|also|later|earlier|meanwhile|separately|moreover|furthermore|however|then|now
        |still|today|yesterday|tonight|previously|subsequently|initially|finally|again|instead|overnight
        |notably|officially|indeed)\s+)+""",
    re.IGNORECASE | re.VERBOSE,
)
# A live report's entry time: "21.40 BST Police say ..."
_LEADING_CLOCK_RE = re.compile(r"\d{1,2}[.:]\d\d\s*(?:[ap]\.?m\.?\s*)?(?:[A-Z]{2,5}\b)?[\s:–—-]*")
_LEADING_PREPOSITION_RE = re.compile(
    r"(?:on|by|at|in|during|since|after|before|until|from|for|within|amid|following)\s+[^,]*?\b(?=(?:the|a|an)\s)",
    re.IGNORECASE,
)
_APPOSITIVE_START_RE = re.compile(
    r"^\s*(?:the|a|an|its|his|her|their|our|who|which|whose|of\s+which|of\s+whom|where|one\s+of)\b", re.IGNORECASE
)
_AGE_RE = re.compile(r"\s*\d{1,3}\s*")
# "The regional president, Carlos Mazón, said": a role, then the name in commas.
_ROLE_BEFORE_NAME_RE = re.compile(r"(?:^|[.;:]\s+|\b(?:the|its|his|her|their)\s+)(?:[\w’'-]+\s+){0,3}[a-z]+\s*$",
                                  re.IGNORECASE)
# A sentence's main reporting clause is among its first verbs; looking further only costs time.
_MAX_VERBS = 16
_TRAILING_ACRONYM_RE = re.compile(r"\s*\([A-Za-z][A-Za-z.&-]{1,15}\)$")
_WORD_RE = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*\.?")

_PRONOUNS = frozenset("he she they it we i you".split())
_DEFINITE = frozenset("the this that these those its their his her our".split())
_DETERMINERS = frozenset("the a an this that these those its their his her our my your some any".split())
# Words that cannot be inside a claimant noun phrase (verbs, clause words).
_NOT_IN_NP = frozenset(
    """is was were are be been being has have had do does did will would can could should may might must
    that which who whom whose not no if when while because why how what where there here to than as
    into onto with it's there's""".split()
)
# Participles that are fine inside a noun phrase: "armed groups", "the ruling party".
_NP_PARTICIPLES = frozenset(
    """armed unnamed unidentified ruling governing leading opposing injured wounded detained displaced
    exiled banned outlawed affected concerned united elected appointed qualified retired""".split()
)
# Lowercase heads that name people, groups or institutions.
_ACTOR_NOUNS = frozenset(
    """official officials spokesman spokeswoman spokesperson spokespeople minister ministers ministry police
    media press witnesses witness eyewitnesses eyewitness residents resident locals sources source authorities
    government prosecutor prosecutors prosecution court group groups organization organisation council
    office agency army military party movement company firm operator department officer officers commander
    chief director head leader leaders lawyer lawyers attorney attorneys activists activist protesters
    protestors demonstrators survivors survivor doctors doctor hospital embassy mayor governor president
    premier administration representative representatives member members observers analysts experts
    journalists journalist reporter reporters newspaper outlet broadcaster channel television radio station
    investigators investigator rescuers firefighters staff employees workers union family families relatives
    neighbours neighbors people person man woman men women others someone everyone nobody opposition
    campaigners monitors monitor ngo ngos charity watchdog regime cabinet parliament senate congress
    diplomats diplomat ambassador envoy official's coalition alliance federation association committee
    commission bureau service services forces troops soldiers guards board management owner owners
    operators regulator regulators inspectors judge judges magistrate tribunal brigade teams team crews
    crew students teachers pupils patients victims villagers farmers miners force unit squad patrol organisers
    prefecture prefect governorate
    organizers organiser organizer guard coastguard navy airline carrier utility club league institute
    observatory authority municipality foundation railway insurer""".split()
)
# Definite descriptions that name an independent actor, not an anaphor for the last claimant.
_GENERIC_ACTORS = frozenset(
    """police government authorities military army media press witnesses residents officials sources
    prosecutors prosecution survivors locals neighbours neighbors doctors hospital court protesters
    protestors demonstrators activists opposition regime firefighters rescuers investigators prefecture
    organisers organizers navy coastguard""".split()
)
_PREPOSITIONS = frozenset("of in at on for from between near with against during among across".split())
_NON_ACTOR_HEADS = frozenset(
    """report reports statement statements article document documents data study survey figures footage
    video videos photos images evidence investigation operation raid incident clash claims claim news
    story stories account accounts""".split()
)


def _is_claimant(phrase: str, strict: bool = True) -> bool:
    """Whether a phrase is a noun phrase naming people, a group, an institution or a pronoun.

    Not ``strict`` (after "according to"), any lowercase head that is not a document will do.
    """
    words = _WORD_RE.findall(phrase)
    if not 1 <= len(words) <= 14:
        return False
    lowered = [w.lower().rstrip(".") for w in words]
    if any(w in _NOT_IN_NP for w in lowered):
        return False
    for w, low in zip(words, lowered, strict=True):
        if w[0].islower() and len(low) > 4 and low.endswith(("ed", "ing")) and low not in _NP_PARTICIPLES:
            return False  # a verb: the phrase is a clause, not a name
    # The head is the noun before a lowercase word's preposition: "the clash between X and Y" is a clash
    # (and "Officials at the scene" are officials, capitalised as a sentence's first word).
    cut = next(
        (i for i in range(1, len(words)) if lowered[i] in _PREPOSITIONS
         and (words[i - 1][0].islower() or (i == 1 and lowered[0] in _ACTOR_NOUNS))),
        len(words),
    )
    head, low = words[cut - 1], lowered[cut - 1]
    if len(words) == 1 and low in _PRONOUNS:
        return True
    if low in _DETERMINERS or low in _PRONOUNS or low in _NON_ACTOR_HEADS or low.endswith(("'s", "’s")):
        return False
    return head[0].isupper() or not strict or low in _ACTOR_NOUNS or low.endswith(("ers", "ists", "ians", "ors", "men"))


def _is_pronoun(name: str) -> bool:
    """Whether the claimant is a pronoun or a bare definite description ("the ministry")."""
    words = name.lower().split()
    if len(words) == 1:
        return words[0] in _PRONOUNS
    return (
        len(words) == 2
        and words[0] in _DEFINITE
        and name.split()[1][0].islower()
        and words[1] not in _GENERIC_ACTORS
    )


def _trimmed(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) to the phrase without surrounding spaces and leading adverbs."""
    phrase = sentence[start:end]
    start += len(phrase) - len(phrase.lstrip())
    end -= len(phrase) - len(phrase.rstrip())
    for pattern in (_LEADING_CLOCK_RE, _LEADING_ADVERBS_RE, _LEADING_PREPOSITION_RE):
        m = pattern.match(sentence, start, end)
        if m:
            start = m.end()
    return start, end


def _subject_before(sentence: str, verb_start: int) -> tuple[int, int] | None:
    """The claimant noun phrase ending right before the verb at ``verb_start``."""
    lo = max(0, verb_start - _LOOKBACK)  # a subject is short: bounded work per verb
    pre = sentence[lo:verb_start]
    aux = _AUX_TAIL_RE.search(pre)
    if aux:
        if any(w.lower() in _PASSIVE for w in aux.group(0).split()):
            return None  # "was reported": a passive has no claimant subject here
        pre = pre[: aux.start()]
    end = len(pre.rstrip())
    acronym = _TRAILING_ACRONYM_RE.search(pre, 0, end)
    if acronym:
        end = acronym.start()  # "The Council of Elders (CoE) said": the name before its acronym
    if end and pre[end - 1] == ",":
        # "X, the spokesman, said" / "X, of which ... is a member, released": skip the inserted phrase.
        comma = pre.rfind(",", 0, end - 1)
        aged = comma > 0 and _AGE_RE.fullmatch(pre, comma + 1, end - 1)
        if aged:
            end = comma + 1  # "Margaret Ellis, 71, said": the age goes
            comma = pre.rfind(",", 0, end - 1)
        if comma < 0 and aged:
            end -= 1  # the name right before the age
        elif comma < 0:
            return None
        else:
            inserted = pre[comma + 1 : end - 1]
            if _ROLE_BEFORE_NAME_RE.search(pre, 0, comma) and _is_personal_name(inserted.strip()):
                # "The regional president, Carlos Mazón, said": the person named after the role speaks
                return _trimmed(sentence, lo + comma + 1, lo + end - 1)
            if not _APPOSITIVE_START_RE.match(inserted):
                return None
            end = comma
    boundaries = list(_BOUNDARY_RE.finditer(pre, 0, end))
    if not boundaries and lo:
        return None
    start = boundaries[-1].end() if boundaries else 0
    fronted = _FRONTED_TIME_RE.match(pre, start, end)
    if fronted:
        start = fronted.end()  # "On Thursday he said": he, not the day
    start, end = _trimmed(sentence, lo + start, lo + end)
    if start < end and _is_claimant(sentence[start:end]):
        return start, end
    return None


# A time that opens a sentence without a comma, before the subject: "On Thursday he said", "Later the police said".
_FRONTED_TIME_RE = re.compile(
    r"\s*(?:(?:on|late|early)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?-i:\s+(?:morning|afternoon|evening|night))?|yesterday|today|later|then|earlier|afterwards|subsequently)"
    r"\s+(?=\S)", re.IGNORECASE)


def fronted_time(text: str) -> int:
    """How far a time that opens the text before its subject reaches ("On Thursday "), or 0."""
    fronted = _FRONTED_TIME_RE.match(text)
    return fronted.end() if fronted else 0


def _phrase_after(sentence: str, pos: int, strict: bool = True) -> tuple[int, int] | None:
    """The claimant noun phrase starting at ``pos``: "according to X, ..."."""
    stop = _FORWARD_END_RE.search(sentence, pos)
    start, end = _trimmed(sentence, pos, stop.start() if stop else len(sentence))
    if start < end and _is_claimant(sentence[start:end], strict):
        return start, end
    return None


def _attribution(sentence: str, span: tuple[int, int], verb: str) -> Attribution:
    """Build the result for the claimant at ``span``."""
    name = sentence[span[0] : span[1]]
    words = verb.lower().split()
    return Attribution(
        name=name,
        start=span[0],
        end=span[1],
        verb=" ".join(verb.lower().split()),
        pronoun=_is_pronoun(name),
        denial=bool(words) and words[0] in _DENIAL,
    )


def find_claimant(sentence: str) -> Attribution | None:
    """The claimant of the sentence's main reporting clause, or None if it reports none."""
    author = _AUTHORED_STATEMENT_RE.match(sentence)
    if author:  # "A police statement said ...": whose statement it is
        start, end = _trimmed(sentence, author.start("author"), author.end("author"))
        if start < end and _is_claimant(sentence[start:end], strict=False):
            return _attribution(sentence, (start, end), author.group("verb"))
    intro = _IN_STATEMENT_RE.match(sentence)
    if intro:
        stop = _INTRO_VERB_RE.search(sentence, intro.end())
        if stop:
            pre = sentence[: stop.start()]
            aux = _AUX_TAIL_RE.search(pre)
            start, end = _trimmed(sentence, intro.end(), aux.start() if aux else len(pre))
            if start < end and _is_claimant(sentence[start:end]):
                return _attribution(sentence, (start, end), "in a statement")
    quoted = [q.span() for q in _QUOTE_RE.finditer(sentence)]
    lower = sentence.lower()
    # Spans from the lower-cased sentence, words from the sentence (a few letters lower-case to two).
    verbs = _REPORT_LOWER_RE.finditer(lower) if len(lower) == len(sentence) else _REPORT_RE.finditer(sentence)
    for m in itertools.islice(verbs, _MAX_VERBS):
        q = bisect.bisect_right(quoted, (m.start(), len(sentence))) - 1
        if q >= 0 and quoted[q][0] <= m.start() < quoted[q][1]:
            continue  # reported speech inside a quotation is not the main clause
        verb = sentence[m.start("verb"):m.end("verb")] if m.start("verb") >= 0 else None
        needs_clause = verb is not None and verb.lower() in _CLAUSE_VERBS
        if verb and (verb[0].isupper() or needs_clause and not _CLAUSE_FOLLOWS_RE.match(sentence, m.end())
                     or verb.lower() in ("reports", "claims") and _NOUN_BEFORE_VERB_RE.match(sentence, m.end())):
            continue  # "The United States", "maintained their camp", "police reports show": not reporting
        if m.group("according") or m.group("statement"):
            span = _phrase_after(sentence, m.end(), strict=False)
        else:
            span = _subject_before(sentence, m.start())
            before = sentence[: m.start()].rstrip()
            if span is None and m.group(0).lower() in _INVERTING and (not before or before[-1] in ",”\"’'"):
                span = _phrase_after(sentence, m.end())
        if span is not None:
            return _attribution(sentence, span, sentence[m.start():m.end()])
    labelled = _LABEL_RE.match(sentence)  # "- The health ministry: 7 dead (Tuesday)"
    if labelled and _names_a_speaker(labelled.group("name")):
        return _attribution(sentence, labelled.span("name"), ":")
    return None


def _names_a_speaker(label: str) -> bool:
    """Whether a label before a colon names who says what follows: "The army", not "Injured" or "Location"."""
    words = label.split()
    if words[-1].lower() in _NOT_SPEAKERS or not _is_claimant(label):
        return False
    if words[0].lower() == "the" or sum(word[0].isupper() for word in words) >= 2:
        return True
    return len(words) == 1 and words[0].lower() in _ACTOR_NOUNS  # "Police: 43 arrested"


# A list of who says what: "The army: 4 dead", "Harlow Central Hospital: 8 dead". A name in capitals (or "the"
# and a noun) before a colon, and a statement after it.
_LABEL_RE = re.compile(r"^\s*(?P<name>(?:[Tt]he\s+)?[A-Z][\w.'’&-]*(?:\s+[A-Za-z][\w.'’&-]*){0,5}|the\s+[a-z]+)"
                       r"\s*:\s+(?=\S+\s+\S)")
# Labels that head a passage rather than name who speaks: "Update: ...", "Tuesday: ...", "Q: ...".
_NOT_SPEAKERS = frozenset(
    """update updated breaking note warning correction clarification watch read related photo photos video
    source sources timeline background analysis opinion live latest exclusive summary q a question answer
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning afternoon evening
    night january february march april may june july august september october november december
    what who why how when where numbers figures facts details street road avenue square lane highway bridge
    """.split()
)


_TITLES = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady president vice prime minister deputy secretary
    general gen colonel col captain capt lieutenant lt major maj sergeant sgt commander cmdr chief director
    judge justice senator sen rep representative governor gov mayor king queen prince princess sheikh shaikh
    ayatollah imam pope bishop archbishop cardinal father rev reverend ambassador envoy spokesman spokeswoman
    spokesperson chairman chairwoman chairperson chair chancellor premier speaker commissioner inspector
    superintendent prosecutor attorney officer leader head emir sultan ceo founder member agent investigator
    detective trooper sheriff marshal constable warden coroner magistrate councilman councilwoman councillor
    councilor alderman trustee treasurer clerk executive""".split()
)


def _is_name_word(word: str) -> bool:
    """Whether a word can be part of a personal name: capitalised and not a title."""
    return word[:1].isupper() and not _is_title(word)


def _name_words(words: list[str]) -> bool:
    """Whether words make a personal name: capitalised, but for particles inside it ("Jan de Wit")."""
    return bool(words) and _is_name_word(words[0]) and _is_name_word(words[-1]) and all(
        _is_name_word(word) or word in NAME_PARTICLES for word in words[1:-1])


def _is_title(word: str) -> bool:
    """Whether a word is a title: "Sheriff", "Gen.", and joined ones such as "Judge-Executive"."""
    return any(part in _TITLES for part in word.rstrip(".").lower().split("-"))


def names_a_role(phrase: str) -> bool:
    """Whether a phrase names someone by office: its head is a title ("mayor of Caldre", "spokesman for the port")."""
    head = _AFTER_HEAD_RE.split(phrase, maxsplit=1)[0].split()
    # "the Health and Safety Executive": a body named after what it oversees, not an office
    return bool(head) and _is_title(head[-1]) and "and" not in head


_AFTER_HEAD_RE = re.compile(r"\s(?:of|for|in|at|from|with)\s")


def _is_personal_name(text: str) -> bool:
    """Whether text is a personal name alone: two to four capitalised words, no title ("Carlos Mazón")."""
    words = text.split()
    return 2 <= len(words) <= 4 and _name_words(words) and guess_kind(text) == "person"


def strip_title(name: str) -> tuple[str, str | None]:
    """Split a title or role from a name: "Interior Minister Ana Lopez" -> ("Ana Lopez", "Interior Minister")."""
    name = " ".join(name.split())
    role: str | None = None
    if "," in name:
        # "John Smith, the spokesman": a role in apposition
        head, tail = (part.strip() for part in name.split(",", 1))
        tail_words = tail.split()
        if head and tail_words and tail_words[0].lower() in _DETERMINERS:
            name, role = head, " ".join(tail_words[1:]) or None
    person, of, affiliation = name.partition(" of ")
    if of and (affiliation[:1].isupper() or affiliation.startswith("the ")):
        # "Karen Sanchez of the Weather Service": the person speaks; the body she belongs to is her role
        bare, title = strip_title(person)
        if 2 <= len(bare.split()) <= 4 and _name_words(bare.split()) and guess_kind(bare) == "person":
            return bare, " ".join(filter(None, (title, f"of {affiliation}")))
    words = name.split()
    for i in range(len(words) - 2, -1, -1):
        if not _is_title(words[i]):
            continue
        j = i + 1
        if words[j].lower() in ("of", "for"):
            # "Minister of Interior Ana Lopez": the title takes words while two remain for the name
            j += 1
            while j < len(words) - 2 and words[j][:1].isupper():
                j += 1
        rest = words[j:]
        if rest and _name_words(rest) and len(rest) <= 4:
            title = " ".join(words[:j])
            title = title[4:] if title.lower().startswith("the ") else title
            return " ".join(rest), title
    return name, role


class FullNames:
    """The full names an article has given so far, to tell whom a surname means: "Lopez" -> "Ana Lopez".

    Found by the words a name ends with, so that a long article's thousandth
    "Lopez said" costs as little as its first.
    """

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._by_ending: dict[tuple[str, ...], str] = {}
        for name in names:
            self.add(name)

    def add(self, name: str) -> None:
        """A full name met in the text; for its surname, the latest one met wins."""
        bare, parts = _bare_name_parts(name)
        for count in range(1, len(parts) + 1):
            self._by_ending[parts[-count:]] = bare

    def resolve(self, name: str) -> str | None:
        """The full name met last that ends in this name, without its title; None when there is none."""
        parts = _bare_name_parts(name)[1]
        if not parts or not all(parts):
            return None
        return self._by_ending.get(parts)


@functools.lru_cache(maxsize=1 << 12)  # an article names its people again and again
def _bare_name_parts(name: str) -> tuple[str, tuple[str, ...]]:
    bare = strip_title(name)[0]
    return bare, tuple(name_key(part) for part in bare.split())
