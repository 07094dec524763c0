"""Actor names: finding new ones in an article, joining variants, and finding mentions.

``discover_names`` proposes candidate actors that no list knows yet: people
introduced by a title or role, institutions whose capitalised name holds a word
such as Council or Ministry, names followed by an acronym in parentheses, and
places after "in" or "near". It prefers missing a name to inventing one.

``name_key`` maps variants of one name to one key: case, diacritics,
punctuation, a leading "the", a possessive, the order of parts joined by "and",
and vowel spellings of transliterated words ("Mohammed"/"Muhammad").
``MentionMatcher`` finds every mention of known names in a text in one pass.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple


@dataclass(frozen=True)
class NameMention:
    """A candidate actor name found in a text."""

    text: str  # the name as written, without title or leading "the"
    start: int  # offsets of ``text`` in the analysed text
    end: int
    kind: str  # guess: person, organization, state, place or group
    acronym: str | None = None  # "INDH" in "National Institute of Human Rights (INDH)"
    role: str | None = None  # "Chilean Interior Minister" for a person


# --- keys -------------------------------------------------------------------

# Letters that Unicode does not decompose into a base letter and a mark.
_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d",
                       "Đ": "D", "ı": "i", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d"})
_VOWEL_RUN_RE = re.compile(r"(?<=.)[aeiouy]+|^[aeiou]+")  # a leading "y" is a consonant: Yemen
_DOUBLE_RE = re.compile(r"(.)\1+")
_FUNCTION_WORDS = frozenset("of for against on to in with at by from".split())


def _fold(text: str) -> str:
    """Text without diacritics: "Valparaíso" -> "Valparaiso"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _word_key(word: str) -> str:
    """Key of one lowercase folded word; long words lose vowel spelling ("muhammad" -> "mahamad").

    Short words keep their spelling so that "Mali" and "Male", "Lima" and "Lome" stay apart.
    """
    if len(word) < 5 or not word.isalpha():
        return word
    word = word.replace("ph", "f").replace("ck", "k").replace("q", "k").replace("z", "s")
    return _VOWEL_RUN_RE.sub("a", _DOUBLE_RE.sub(r"\1", word))


def _conjunct_orders(words: list[str], limit: int = 4) -> list[list[int]]:
    """Every order (as word indices) of the parts joined by "and" after a shared head.

    "court against corruption and organized crime" also reads "court against organized crime
    and corruption". ``words`` are lowercase; at most ``limit`` parts are permuted.
    """
    identity = [list(range(len(words)))]
    if "and" not in words or words[-1] == "and":
        return identity
    parts: list[list[int]] = [[]]
    for i, w in enumerate(words):
        if w == "and":
            parts.append([])
        else:
            parts[-1].append(i)
    first = parts[0]
    cut = max((k + 1 for k, i in enumerate(first) if words[i] in _FUNCTION_WORDS), default=0)
    head, conjuncts = first[:cut], [first[cut:], *parts[1:]]
    if any(not c for c in conjuncts) or len(conjuncts) > limit:
        return identity
    ands = [i for i, w in enumerate(words) if w == "and"]
    orders = []
    for perm in itertools.permutations(conjuncts):
        order = head + perm[0]
        for and_index, conjunct in zip(ands, perm[1:], strict=True):
            order += [and_index, *conjunct]
        orders.append(order)
    return orders


def _key_words(name: str) -> list[str]:
    """The lowercase words of a name, folded, without punctuation, possessives or a leading "the"."""
    text = _fold(name).lower().replace("’", "'").replace("&", " and ")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"(?<=\b\w)\.", "", text)  # "u.s." -> "us"
    words = re.sub(r"[\W_]+", " ", text).split()
    return words[1:] if words[:1] == ["the"] else words


@lru_cache(maxsize=1 << 14)
def name_key(name: str) -> str:
    """A key that is equal for spelling variants of one name."""
    words = _key_words(name)
    keys = [_word_key(w) for w in words]
    return min((" ".join(keys[i] for i in order) for order in _conjunct_orders(words)), default="")


def same_name(a: str, b: str) -> bool:
    """Whether two strings are variants of one name."""
    return name_key(a) == name_key(b)


# --- mentions ---------------------------------------------------------------

_MENTION_TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+")  # "U.S." is one token
_GAP_RE = re.compile(r"[ \t\u00a0]+\n?[ \t]*|\n|[ \t]*[-‐‑–][ \t]*|['’]s?[ \t]*")
_END = ""  # trie key marking a complete name; no token key is empty


@lru_cache(maxsize=1 << 16)  # texts repeat their words: keying each once pays
def _token_keys(token: str) -> tuple[str, ...]:
    """Keys under which a token can match: exact case for acronyms, folded key otherwise."""
    token = token.replace(".", "")
    folded = _word_key(_fold(token).lower())
    if len(token) > 1 and token.isupper():
        return ("=" + token, folded)
    return (folded,)


def _tokens(text: str) -> list[re.Match[str]]:
    """Word tokens of a text, without the "s" of possessives."""
    return [
        m
        for m in _MENTION_TOKEN_RE.finditer(text)
        if not (m.group(0) == "s" and m.start() > 0 and text[m.start() - 1] in "'’")
    ]


class MentionMatcher:
    """Finds mentions of known names in texts; build once, call ``find`` per text."""

    def __init__(self, names: Mapping[str, str]) -> None:
        """Compile a matcher from surface forms (names and aliases) to actor ids."""
        self._root: dict[str, dict] = {}
        for surface, actor in names.items():
            tokens = [m.group(0) for m in _tokens(surface)]
            if tokens[:1] and tokens[0].lower() == "the":
                tokens = tokens[1:]
            if not tokens:
                continue
            # acronyms only match themselves; other words match by their key
            keys = [_token_keys(t)[0] for t in tokens]
            for order in _conjunct_orders([t.lower() for t in tokens]):
                node = self._root
                for key in (keys[i] for i in order):
                    node = node.setdefault(key, {})
                node.setdefault(_END, actor)  # the first surface form given for a key wins

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Every mention in text as (start, end, actor id), longest match first, left to right."""
        tokens = _tokens(text)
        keys = [_token_keys(t.group(0)) for t in tokens]
        found: list[tuple[int, int, str]] = []
        i = 0
        while i < len(tokens):
            node = self._root
            best: tuple[int, str] | None = None
            j = i
            while j < len(tokens):
                if j > i and not _GAP_RE.fullmatch(text, tokens[j - 1].end(), tokens[j].start()):
                    break
                child = next((node[k] for k in keys[j] if k in node), None)
                if child is None:
                    break
                node = child
                j += 1
                if _END in node:
                    best = (j, node[_END])
            if best is None:
                i += 1
                continue
            found.append((tokens[i].start(), tokens[best[0] - 1].end(), best[1]))
            i = best[0]
        return found


def find_mentions(text: str, names: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """Every mention of the mapped names in text as (start, end, actor id)."""
    return MentionMatcher(names).find(text)


# --- discovery --------------------------------------------------------------

_ORG_WORDS = frozenset(
    """Council Court Office Ministry Police Agency Organization Organisation Party Army Union Committee
    Commission Service Services University Bank Company Corporation Association Institute Institution
    Foundation Department Authority Directorate Guard Guards Forces Force Navy Corps Alliance Federation
    League Parliament Assembly Senate Congress Government Administration Bureau Center Centre Network
    Tribunal Church Hospital Mission Embassy Coalition Nations Board Cabinet Presidency Secretariat
    Prosecution Judiciary Gendarmerie Observatory Watch International Group Command Society Academy
    College School Fund Trust Inc Ltd Corp Patrol Unit Division Squad Regiment Station Airlines Airways
    Gazette Herald Tribune Journal Times Radio Television Courier Ledger Infirmary Clinic Prison Airport
    Railway Rail""".split()
)
_GROUP_WORDS = frozenset("Front Movement Brigade Brigades Militia Militias Battalion Battalions Faction".split())
_STATE_WORDS = frozenset("Republic Kingdom Emirates Emirate Sultanate Principality Commonwealth States".split())
# Streets, squares and the like, in the languages news names them in: "Rua Augusta" is no person.
_PLACE_WORDS = frozenset(
    """Street Road Avenue Square Boulevard Lane Bridge Highway Plaza Rua Avenida Praça Praca Piazza Platz Strasse
    Straße Rue Calle Plaza Via Viale Ulica""".split()
)


def guess_kind(name: str) -> str:
    """The kind a bare name most likely names: "Ali Safavi" a person, "Red Crescent Society" an organization."""
    words = name.split()
    if any(word in _STATE_WORDS for word in words):
        return "state"
    if any(word in _GROUP_WORDS for word in words):
        return "group"
    if any(word in _ORG_WORDS for word in words):
        return "organization"
    if any(word in _PLACE_WORDS for word in words):
        return "place"
    if 2 <= len(words) <= 4 and _is_name_word(words[0]) and _after_a_first_name(words[-1]) and all(
            _after_a_first_name(word) or word in NAME_PARTICLES for word in words[1:-1]):
        return "person"
    return "group" if name[:1].islower() or name.endswith("s") else "organization"


def _after_a_first_name(word: str) -> bool:
    """Whether a word can follow a first name in a person's name: "Smith", "J.", "GebreMariam"."""
    return _is_name_word(word) or _is_initial(word) or _is_inner_capital_surname(word)


def _is_name_word(word: str) -> bool:
    """A capitalised word of lowercase letters, in any alphabet: "Safavi", "Mazón", "Šimić"."""
    return len(word) > 1 and word[0].isupper() and all(char.islower() or char in "'’-" for char in word[1:])


def _is_inner_capital_surname(word: str) -> bool:
    """A surname with one capital inside: "GebreMariam", "McDonald", "DeSantis" (not "NATO", not "iPhone")."""
    inner = [i for i, char in enumerate(word) if char.isupper()]
    return (len(inner) == 2 and inner[0] == 0 and 2 <= inner[1] <= len(word) - 3
            and all(char.islower() for i, char in enumerate(word) if i not in inner))


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."
_HEADS = _ORG_WORDS | _GROUP_WORDS | _STATE_WORDS
_TITLE_WORDS = frozenset(
    """Mr Mrs Ms Miss Dr Prof Professor Sir Dame Lord Lady President Minister Secretary General Gen Colonel
    Col Captain Capt Lieutenant Lt Major Maj Sergeant Sgt Commander Chief Director Judge Senator Sen Rep
    Governor Gov Mayor King Queen Prince Princess Pope Bishop Archbishop Cardinal Rev
    Reverend Ambassador Envoy Spokesman Spokeswoman Spokesperson Chairman Chairwoman Chancellor Premier
    Speaker Commissioner Inspector Superintendent Prosecutor Sheriff Marshal Constable Coroner Magistrate
    Councilman Councilwoman Councillor Councilor Alderman Detective Trooper""".split()
)
_ABBREVIATED = frozenset("Mr Mrs Ms Dr Prof Gen Col Capt Lt Maj Sgt Rep Sen Gov Rev St".split())
# Lowercase roles that introduce a name: "spokesman John Smith".
_ROLE_WORDS = frozenset(
    """spokesman spokeswoman spokesperson leader chief head director minister president commander lawyer
    attorney official activist journalist reporter prosecutor judge mayor governor chairman chairwoman
    secretary ambassador envoy founder analyst researcher professor witness resident survivor officer
    deputy premier colonel general captain member agent investigator detective trooper manager administrator
    adviser advisor aide negotiator correspondent editor economist expert engineer coordinator doctor
    executive""".split()
)
NAME_PARTICLES = frozenset("de del della der den van von da di du la le al el bin ibn ben y".split())  # "Jan de Wit"
_CONNECTORS = frozenset("of for against and the on de del da di du la le van von der den al el bin ibn".split())
_TAIL_CONNECTORS = frozenset("of for against on".split())  # after a head word: "Council of ..."
_MONTHS_DAYS = frozenset(
    """January February March April May June July August September October November December Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday""".split()
)
# Capitalised words that start sentences or headlines but are not names.
_COMMON_CAPS = frozenset(
    """The A An However After Before Since Between During In On At By For From Meanwhile This That These
    Those It They He She We I Our Its Their His Her When While Although Because If As But And Or So Yet
    Also Some Many Several Both Each Every All Any No Not Other Such What Which Who Where Why How There Here
    Now Then Today Yesterday Tomorrow Last Next According Despite Amid Following Under Over Through With
    Without Within Until Once Only Even Still Thus Therefore Moreover Furthermore Later Earlier First
    Second Third Finally Eventually Initially Currently Recently Since Share Read More Click Subscribe
    Photo Video Watch Breaking Update Updated Advertisement Comments Reply Home News Live Sign""".split()
)
_PLACE_CUES = frozenset("in near outside".split())
_AGE_AFTER_RE = re.compile(r",\s+(?:aged\s+)?\d{1,3}(?:,|\s+and\b)")
_VERB_AFTER_RE = re.compile(r" (?:[a-z]+ed|said|says|told|had|has|was|is|would|will|could|did|does|also)\b")
# Words that name a happening, not a person: "Hurricane Dana", "Operation Desert Storm", "Flight 302".
_HAPPENING_WORDS = frozenset("Hurricane Typhoon Cyclone Storm Tropical Operation Flight Wildfire Fire".split())
_FOLLOWING_OK = frozenset(
    """on in at of to from for by with and or but as when while after before during since until was were is
    are has have had will would could said says also which who where that than where the a an its their
    this these those near over under across against between among following amid today yesterday
    tonight now then""".split()
)
_DEMONYM_RE = re.compile(r"^[A-Z][a-z]+(?:an|ian|ese|ish|i|ch)$")
_ACRONYM_RE = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9&.\-]{1,11})\s*\)")
_WORD_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_PARTICLE_NAME_RE = re.compile(r"^(?:al|el|ad|as|ash|at|an|ar|bin|ibn|abu|d|l)[-’'][A-Z]")
_POSSESSIVE = ("'s", "’s")
_BOILERPLATE_RE = re.compile(
    r"""^\s*by[\s:]|share\s+this|subscribe|sign\s+up|click\s+here|read\s+more|follow\s+us|newsletter
        |all\s+rights\s+reserved|©|copyright|advertisement|cookie""",
    re.IGNORECASE | re.VERBOSE,
)
# "Karen Sanchez of the National Weather Service": the body a person speaks for, as her role.
_AFFILIATION_RE = re.compile(r"\s+(of\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+|the\s+)*[A-Z][\w’'-]*){0,5})")
_APPOSITIVE_ROLE_RE = re.compile(
    # (not "..., hospital spokeswoman Dana Ortiz said": the role is the next name's)
    r",\s+(?:(?:a|an|the)\s+)?((?:[\w’'-]+\s+){0,3}?(?:" + "|".join(sorted(_ROLE_WORDS)) + r")\b(?!\s+[A-Z][a-z])"
    r"[^,.;]{0,60})",
)


class _Token(NamedTuple):
    """A word of the text; a named tuple, because an article has thousands and each is read many times."""

    start: int
    end: int
    text: str
    initial: bool  # first word of a sentence or line
    bare: str  # the word without a possessive 's


def _skipped_lines(text: str) -> list[tuple[int, int]]:
    """Spans of bylines, sharing boilerplate and title-case headlines, where no name is taken."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        words = _WORD_TOKEN_RE.findall(line)
        capitalised = sum(1 for w in words if w[0].isupper())
        ended = line.rstrip().endswith((".", "?", "!", "”", '"'))
        headline = len(words) >= 3 and capitalised >= 0.7 * len(words) and not ended
        boilerplate = len(words) < 20 and _BOILERPLATE_RE.search(line)  # a paragraph may say "subscribe"
        if headline or boilerplate:
            spans.append((pos, pos + len(line)))
        pos += len(line)
    return spans


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether pos falls in one of the sorted, disjoint spans."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _name_like(tok: _Token) -> bool:
    """Whether a word can be part of a capitalised name."""
    word = tok.text
    if word in _MONTHS_DAYS or tok.bare in _MONTHS_DAYS:
        return False
    return word[0].isupper() or bool(_PARTICLE_NAME_RE.match(word))


def _runs(text: str, tokens: list[_Token]) -> list[list[_Token]]:
    """Maximal sequences of capitalised words, joined by spaces and inner connectors ("of", "and")."""
    runs: list[list[_Token]] = []
    current: list[_Token] = []

    def close() -> None:
        while current and current[-1].text in _CONNECTORS:
            current.pop()
        if current:
            runs.append(list(current))
        current.clear()

    for tok in tokens:
        if current:
            prev = current[-1]
            gap = text[prev.end : tok.start]
            joined = gap in (" ", "\u00a0") or (gap == ". " and prev.text in _ABBREVIATED)
            possessive_end = prev.bare != prev.text and tok.text not in _HEADS
            if not joined or possessive_end or tok.initial:
                close()
        if _name_like(tok) and not (not current and tok.text in _COMMON_CAPS):
            current.append(tok)
        elif current and tok.text in _CONNECTORS:
            current.append(tok)
        else:
            close()
    close()
    return runs


def _split_coordinated(run: list[_Token]) -> list[list[_Token]]:
    """Split "Police and Army" (a head word on both sides) and "Karen Sanchez of the Weather Service" in two."""
    for i, tok in enumerate(run):
        if tok.text == "and" and any(t.text in _HEADS for t in run[:i]) and any(t.text in _HEADS for t in run[i + 1 :]):
            return [*_split_coordinated(run[:i]), *_split_coordinated(run[i + 1 :])]
        if tok.text == "of" and i >= 2 and _person_name(run[:i]) and any(t.text in _HEADS for t in run[i + 1 :]):
            return [run[:i], *_split_coordinated(run[i + 1 :])]
    while run and run[0].text in _CONNECTORS:
        run = run[1:]
    return [run] if run else []


def _initials(run: list[_Token]) -> str:
    """Initials of the capitalised parts of a name, hyphenated parts included: "Jaish-e-Mohammed" -> "JEM"."""
    return "".join(part[0] for t in run if t.text[0].isupper() for part in re.split(r"[-\s]", t.bare) if part).upper()


def _mention(
    text: str, run: list[_Token], kind: str, acronym: str | None = None, role: str | None = None
) -> NameMention:
    """A mention spanning the run's words."""
    start, end = run[0].start, run[-1].end
    if run[-1].bare != run[-1].text:
        end -= len(run[-1].text) - len(run[-1].bare)
    return NameMention(text[start:end], start, end, kind, acronym, role)


def _person(
    text: str, run: list[_Token], tokens: list[_Token], index: int, lone_words: frozenset[str] = frozenset()
) -> NameMention | None:
    """A person introduced by a title in the run, a role word before it, or a role after it.

    Or a name of two or three words whose last is used alone elsewhere, as news writes a person's
    surname after the first mention ("Tyler Moss ... Moss had no criminal history").
    """
    for i in range(len(run) - 2, -1, -1):
        if run[i].text in _TITLE_WORDS and _person_name(run[i + 1 :]):
            role = text[run[0].start : run[i].end]
            return _mention(text, run[i + 1 :], "person", role=role)
    if lone_words and any(t.bare in lone_words for t in run[1:4]):
        name = next((run[:i] for i, t in enumerate(run) if t.text in _CONNECTORS), run)  # "Tyler Moss of Harlan"
        if 2 <= len(name) <= 3 and name[-1].bare in lone_words and _person_name(name):
            return _mention(text, name, "person")
    if len(run) >= 3 and run[0].text.lower() in _ROLE_WORDS and _person_name(run[1:]):
        return _mention(text, run[1:], "person", role=run[0].text.lower())  # "Activist Maryam Rostami" opening
    if not _person_name(run) or len(run) < 2:
        return None
    before = tokens[index - 1] if index > 0 else None
    if before is not None and before.text in _ROLE_WORDS and (
            text[before.end : run[0].start] == " "
            or (text.startswith(", ", before.end) and text.startswith(",", run[-1].end))):
        return _mention(text, run, "person", role=before.text)  # "spokesman John Smith", "the director, Ana Lee,"
    after = _APPOSITIVE_ROLE_RE.match(text, run[-1].end) or _AFFILIATION_RE.match(text, run[-1].end)
    if after:
        return _mention(text, run, "person", role=after.group(1).strip())
    if _AGE_AFTER_RE.match(text, run[-1].end):  # "Gareth Lyle, 52, died"
        return _mention(text, run, "person")
    return None


def is_title(word: str) -> bool:
    """Whether a word is a title that goes before a name: "Director", "Gov"."""
    return word in _TITLE_WORDS


def _person_name(part: list[_Token]) -> bool:
    """Whether words can name a person: up to four, none a head or acronym, no title first ("Amanda King")."""
    return 1 <= len(part) <= 4 and part[0].text not in _TITLE_WORDS and all(
        _name_like(t) and t.text not in _HEADS and t.text not in _CONNECTORS and t.text not in _PLACE_WORDS
        and t.text not in _COMMON_CAPS and t.text not in _HAPPENING_WORDS and not t.text.isupper()
        for t in part
    )


def _organization(text: str, run: list[_Token], known: set[str]) -> NameMention | None:
    """An institution, group or state whose name has a head word ("Council") or an acronym after it."""
    acronym_match = _ACRONYM_RE.match(text, run[-1].end)
    acronym = acronym_match.group(1) if acronym_match else None
    if acronym is not None and sum(c.isupper() for c in acronym) < 2:
        acronym = None  # "(Reuters)" is not an acronym
    heads = [i for i, t in enumerate(run) if t.text in _HEADS]
    if acronym:
        # "Pakistani Jaish-e-Mohammed (JEM)": start where the initials spell the acronym
        letters = acronym.replace(".", "").replace("-", "").upper()
        for k in range(len(run)):
            # (the initials skip "of", "and", "the": a name does not begin with one)
            if run[k].text[0].isupper() and _initials(run[k:]) == letters:
                run = run[k:]
                break
    elif not heads or len(run) < 2:
        return None
    if heads:
        last = heads[-1]
        if not acronym and not (last + 1 < len(run) and run[last + 1].text in _TAIL_CONNECTORS):
            run = run[: last + 1]  # "National Police Raid" -> "National Police"
        head = run[heads[0]].text if heads[0] < len(run) else run[-1].text
        kind = "group" if head in _GROUP_WORDS else "state" if head in _STATE_WORDS else "organization"
    else:
        kind = "organization"
    if len(run) < 2 and not acronym:
        return None
    if (
        len(run) > 2
        and _DEMONYM_RE.match(run[0].text)
        and name_key(text[run[1].start : run[-1].end]) in known
    ):
        run = run[1:]  # "Peruvian Electoral Court" is the "Electoral Court" named elsewhere
    return _mention(text, run, kind, acronym)


def _place(text: str, run: list[_Token], tokens: list[_Token], index: int) -> list[NameMention]:
    """Places after "in", "near" or "outside": "in Lima", "near Valparaíso", "in Santiago, Chile"."""
    before = tokens[index - 1] if index > 0 else None
    if before is not None and before.text.lower() == "the" and index > 1:
        before = tokens[index - 2]
    if before is None or before.text.lower() not in _PLACE_CUES or len(run) > 3:
        return []
    if not re.fullmatch(r"\s+(?:the\s+)?", text[before.end : run[0].start], re.IGNORECASE):
        return []  # "In 1990, Lima ...": the cue is not this name's
    if any(t.text in _HEADS or t.text in _TITLE_WORDS or t.text in _CONNECTORS or t.text.isupper() for t in run):
        return []
    following = tokens[index + len(run)] if index + len(run) < len(tokens) else None
    if (
        run[-1].bare == run[-1].text
        and following is not None
        and text[run[-1].end : following.start].strip() == ""
        and following.text[0].islower()
        and following.text not in _FOLLOWING_OK
        and (_DEMONYM_RE.match(run[-1].text) or not following.text.endswith(("ed", "ing", "s")))
    ):
        return []  # "in Chilean custody": an adjective, not a place
    places = [_mention(text, run, "place")]
    country = _COUNTRY_AFTER_PLACE.match(text, run[-1].end)
    if country and run[-1].bare == run[-1].text and country.group(1) not in _COMMON_CAPS | _MONTHS_DAYS:
        places.append(NameMention(country.group(1), country.start(1), country.end(1), "place"))
    return places


# "in Santiago, Chile.": the country after a place, at the end of a clause
_COUNTRY_AFTER_PLACE = re.compile(r",\s+([A-Z][^\W\d_]+)(?=\s*(?:[.;:!?)]|$))")


def _tokenize(text: str) -> list[_Token]:
    """Word tokens with whether each starts a sentence or line."""
    tokens = []
    for m in _WORD_TOKEN_RE.finditer(text):
        before = text[max(0, m.start() - 4) : m.start()].rstrip(" \t\"“‘'(")
        initial = not before or before[-1] in ".!?\n:"
        if before.endswith(".") and tokens and tokens[-1].text in _ABBREVIATED and tokens[-1].end == m.start() - 2:
            initial = False  # "Mr. Smith" does not start a sentence
        word = m.group(0)
        tokens.append(_Token(m.start(), m.end(), word, initial, word[:-2] if word.endswith(_POSSESSIVE) else word))
    return tokens


def discover_names(text: str) -> list[NameMention]:
    """Candidate actor names in an article: titled people, institutions, acronyms, places."""
    skipped = _skipped_lines(text)
    tokens = [t for t in _tokenize(text) if not _inside(skipped, t.start)]
    position = {t.start: i for i, t in enumerate(tokens)}
    runs = [part for run in _runs(text, tokens) for part in _split_coordinated(run)]
    # Organisation names without a leading demonym, to fold "Peruvian X" into "X" named elsewhere.
    known = set()
    for run in runs:
        org = _organization(text, run, set())
        if org is not None:
            known.add(name_key(org.text))
    # Words standing alone as a capitalised name: the surnames a text goes on with ("Moss had no criminal
    # history"); a sentence's first word only before a verb ("Moss had", not "Rights groups").
    lone_words = frozenset(run[0].bare for run in runs if len(run) == 1 and (
        not run[0].initial or _VERB_AFTER_RE.match(text, run[-1].end)))
    mentions: list[NameMention] = []
    for run in runs:
        index = position[run[0].start]
        person = _person(text, run, tokens, index, lone_words)
        if person is not None:
            mentions.append(person)
            continue
        org = _organization(text, run, known)
        if org is not None:
            mentions.append(org)
            continue
        mentions.extend(_place(text, run, tokens, index))
    return sorted(mentions, key=lambda m: m.start)
