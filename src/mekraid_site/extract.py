"""Stage 2, extract: turn each article into dated claims.

For every sentence the stage decides when it is said to have happened (its
own time expressions, or the time in focus where the text makes that clear),
who asserts it, which actors it names and which figures it gives. Work is per
article and pure, so articles can be extracted in any order or in parallel;
`extract` then joins the actors that several articles discovered.
"""

from __future__ import annotations

import bisect
import ctypes
import ctypes.util
import gc
import hashlib
import itertools
import multiprocessing
import os
import pickle
import re
import signal
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from operator import attrgetter
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from . import annotations, attribution, figures, names, timex
from .cache import DiskCache
from .errors import ContentError, Problem
from .load import slugify
from .model import Actor, Claim, ClaimFix, Content, Precision, Qualifier, Source, TimeValue, Timex
from .prose import prose_of

T = TypeVar("T")

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt maj cmdr adm gov sen rep st jr sr inc ltd co corp bros vs etc "
    "no nos jan feb mar apr aug sept sep oct nov dec a.m p.m u.s u.k u.n e.g i.e approx est dept".split()
)
_SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|\n+")
_WORD_BEFORE = re.compile(r"(?<![0-9A-Za-z])([A-Za-z][A-Za-z.]*)\.$")  # not the "s" of "the 1990s."
# After "a.m." or "p.m." a capitalised word starts a new sentence ("at 6 a.m. Residents fled"), unless it
# belongs to the time: a weekday, a month, a zone ("7 p.m. EDT", "10 a.m. Moscow time").
_CLOCK_ABBREVIATIONS = frozenset(("a.m", "p.m"))
_NEXT_SENTENCE_AFTER_CLOCK = re.compile(
    r"\s+[\"“‘']?(?!(?i:" + timex.WEEKDAY + ")|" + timex.MONTH + "|" + timex.WEEKDAY_ABBREVIATED
    + r"|[A-Z]{1,4}T?\b|Zulu\b|(?:Eastern|Pacific|Central|Mountain|Atlantic)\b|[A-Z][a-z]+\s+time\b)[A-Z][a-z]")

# Nouns that name a happening: "the raid", "this attack", "the police operation"
# point back to the happening the article is about.
_EVENT_NOUNS = (
    "raid|raids|clash|clashes|operation|attack|attacks|incident|search|protest|protests|explosion|blast|fire|"
    "strike|strikes|shooting|assault|crackdown|riot|riots|fighting|violence|evacuation|earthquake|quake|"
    "collapse|crash|siege|standoff|confrontation|demonstration|storm|flood|flooding|arrests|killing|killings"
)
_EVENT_ANAPHORA = re.compile(
    rf"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir)\s+(?:[A-Za-z'-]+\s+){{0,2}}?({_EVENT_NOUNS})\b"
)
_EVENT_NOUN = re.compile(rf"\b({_EVENT_NOUNS})\b", re.IGNORECASE)
_EVENT_NOUN_AFTER = re.compile(rf"['’]s\s+(?:[a-z-]+\s+)?(?:{_EVENT_NOUNS})\b")  # "Sunday's (deadly) quake"
# A sentence that tells of the past or reports speech goes on with the narrative.
_NARRATIVE = re.compile(
    r"\b(?:was|were|had|did|said|told|took|began|went|came|fled|fought|left|led|saw|hit|shot|held|brought|"
    r"[a-z]{3,}ed)\b"
)
# A live report's entry time before its text: "21.40 BST", "9:45am:"
_ENTRY_CLOCK = re.compile(r"(?:\d{1,2}[.:]\d\d\s*(?:[ap]\.?m\.?\s*)?(?:[A-Z]{2,5}\b)?[\s:–—-]*)?")
# A list's entry that opens with its clock time: "11:28 a.m.: The gunman crashes his truck".
_LIST_ENTRY = re.compile(r"(?P<clock>\d{1,2}[.:]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,5}\b)?)\s*[:–—-]\s")
# An interviewer's question asserts nothing, nor does a line that introduces a list ("Here is how Monday unfolded:").
_ASSERTS_NOTHING = re.compile(r"\?[\"”’')\]]*$|:\s*$")
# Page furniture copied with an article's text: never a claim.
_BOILERPLATE = re.compile(
    r"(?:Share this article|We invite readers|Read more|Click here|Subscribe|Follow us|Sign up|Advertisement"
    # an editor's note on the article itself, not on the story
    r"|Correction|Clarification|Editor['’]s note|This (?:interview|article|story|report) (?:has been|was) "
    r"|Welcome to)\b",  # a live report's greeting
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s{2,}")
_SPACE_BEFORE_PUNCTUATION = re.compile(r" (?=[,.;:!?])")
# Between a reporting verb and the time of the saying: a few words, not what was said.
_SAYING_GAP_WORDS = 4
_SAYING_GAP_STOP = re.compile(r"\bthat\b|[,:;\"“]|\b(?:was|were|had|began|[a-z]{3,}ed)\b")
_SINCE_THEN = re.compile(r"(?:Since then|Ever since|Since that time)\b")
_PRONOUN_START = re.compile(r"[\"“]?(?:They|He|She|It|Their|His|Her|Its|We)\b")
# "Tuesday's derailment": a date that names a happening beside the sentence's own time.
_POSSESSIVE_AFTER = re.compile(r"['’]s\s+[a-z]")
_CASUALTY_KINDS = frozenset(("killed", "injured", "missing"))
# "the 2014 agreement": a date used as a modifier names a reference, not when the sentence happened...
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that|whose)\s+$", re.IGNORECASE)
_ATTRIBUTIVE_AFTER = re.compile(
    r"\s+(?!(?:and|or|to|when|after|before|until|in|on|at|that|which|as|by|for|with|but|because)\b)[a-z]"
)
# "the bridge, built in 1885, was ...": a date in a participle between commas describes the noun before it
_REDUCED_RELATIVE = re.compile(r",\s+(?:[a-z]{3,}ed|built|born|made|set\s+up|written|known|begun|founded)\s+"
                               r"(?:in|on|during|around|about|between)\s+(?:the\s+)?$")
_CLOSING_COMMA = re.compile(r"\s*,")
_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][\w’'-]*)[ \t]+$")  # a first name before a surname: "Mark Carr"
_APPOSITION = re.compile(r",\s+(?!(?:and|but|while|whereas)\b)")  # a comma that joins no clause
_WHOLE_QUOTE = re.compile(r"\s*[“\"][^“”\"]+[”\"]\s*")  # a sentence that is all quotation
_QUOTE_MARK = re.compile(r"[“”\"]")
# Up to the next quotation mark in the paragraph, if near: a mark never closed must not cost a scan per sentence.
_QUOTE_CLOSE = re.compile(r"[^“”\"\n]{0,600}?[“”\"]")
_SINCE_A_RECORD = re.compile(r"\b(?:[a-z]+iest|largest|biggest|worst|best|highest|lowest|greatest|longest|strongest"
                             r"|first|(?:most|least)\s+[a-z]+)\b[^,.;:]{0,60}\bsince\s+(?:the\s+)?$")
_RELATIVE_CLAUSE_BEFORE = re.compile(r",\s+(?:who|whose|which)\s[^,;:\"“”]*$")  # up to the time, no comma
_DETERMINER = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Tt]his|[Tt]hat)\s")
# ... unless a temporal preposition makes it one: "after the 1979 revolution".
_TEMPORAL_PREPOSITION = re.compile(
    r"\b(after|before|since|until|following|during|prior to|ahead of)\s+(?:the|a|an|its|their)\s+$", re.IGNORECASE
)
_PREPOSITION_QUALIFIER = {
    "after": Qualifier.AFTER, "following": Qualifier.AFTER, "since": Qualifier.SINCE,
    "before": Qualifier.BEFORE, "prior to": Qualifier.BEFORE, "ahead of": Qualifier.BEFORE,
    "until": Qualifier.UNTIL,
}
# Where the noun phrase around a dated reference ends.
_PHRASE_END = re.compile(r"[,;:.!?]|\s+(?:remain|remains|was|were|is|are|has|have|had)\b")
# Where a sentence with two dates splits into two claims, best boundary first.
_CLAUSE_BOUNDARIES = (re.compile(r";\s*"), re.compile(r",?\s+but\s+"), re.compile(r",\s+(?:and|while|whereas)\s+"),
                      re.compile(r"\s+and\s+"), re.compile(r",\s+"))
# "... today confirmed that ...": a time right before a reporting verb is when it was said
# Verbs that report what someone said: the time, subject or clause around them is the saying's, not the story's.
_REPORTING = r"(?:said|says|told\s+\w+|stated|announced|reported|claimed|confirmed|added|denied)"
_REPORTING_VERB_AFTER = re.compile(r"\s+" + _REPORTING + r"\b")
_PREPOSITION_BEFORE_TIME = re.compile(
    r"^[\"“‘(]?(?:at|on|in|by|from|around|about|until|since|before|after|into|through|till)\s+$", re.IGNORECASE)
# A clause that only compares with another time's figure: "three in critical condition, up from two on Saturday".
_COMPARISON = re.compile(r"(?:(?:up|down)\s+from|compared\s+(?:with|to)|versus|against|than)\b", re.IGNORECASE)
# A clause that only tells who said the rest: ", the PSP police force said on Sunday."
_SAYING_FRAME = re.compile(r"[^,;:\"“]{1,60}?\s" + _REPORTING + r"(?:\s+[^,;:\"“]{1,40})?[.!]?")
# A verb in the past, or an auxiliary: where a clause's subject ends ("The United States designated ...").
_VERB_WORDS = (r"(?:[a-z]{2,}ed|began|was|were|had|has|have|is|are|did|took|went|came|fled|fought|left|led|saw|hit|"
               r"shot|held|brought|made|said|told|became|grew|ran|rose|fell|won|lost|met|sent|kept|put|struck|sank|"
               r"broke|burst|spread|paid|sold|bought|gave|got|stood|will|would|could)\b")
_VERB = re.compile(r"\b" + _VERB_WORDS)
_VERB_FIRST = re.compile(r"(?:also\s+|later\s+|then\s+|again\s+)?" + _VERB_WORDS)  # "... but (later) removed it ..."
_SUBJECT_WORDS = 8
# "said (on Monday that)": what was said starts after it
_SAYING_VERB = re.compile(_REPORTING + r"\s+(?:[^,]*?\bthat\s+)?")
# Between two expressions of one time: "6:55 a.m. last Tuesday", "0638 EST on Tuesday", "Tuesday at 6:55",
# "3 p.m. local time (1200 GMT) on Tuesday".
_ONE_TIME_GAP = re.compile(r"\s*(?:\([^()\d]{0,12}\d[^()]{0,16}\)\s*)?,?\s*(?:(?:on|at|of)\s+)?")
_LETTER = re.compile(r"[^\W\d_]")
_ACRONYM = re.compile(r"[A-Z]{2,6}")  # "NTSB", "UN"
# Discovered actors carry this id prefix until `extract` names them across articles.
_PROVISIONAL = "new:"
# Fewer articles than this are read in this process: starting workers would cost more.
_MIN_PARALLEL = 64
_PR_SET_PDEATHSIG = 1  # Linux prctl option: the signal a process gets when its parent dies
# What "the group", "the organisation" may refer to, by actor kind; and how far back to look for it.
_KIND_NOUNS = {
    "group": ("group", "organization"), "organization": ("organization", "group"),
    "organisation": ("organization", "group"), "movement": ("group", "organization"),
    "party": ("organization",), "government": ("state",), "country": ("state",), "city": ("place",),
}
_ANTECEDENT_REACH = 5_000
# "The group" is not the state's own bodies: police, ministries, courts.
_INSTITUTION_WORDS = frozenset(
    "police ministry court office government prosecutor prosecution army parliament agency department authority "
    "forces force guard judiciary".split())
_NOBODY = Actor(id="", name="", kind="")
# The news peg: the article's own happening lies within this many days before publication.
_PEG_DAYS = 8


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article body: offsets and the paragraph it belongs to."""

    start: int
    end: int
    paragraph: int


class _Spans(Generic[T]):
    """Items with offsets in a text, found by span in logarithmic time (an article may have thousands)."""

    def __init__(self, items: Sequence[T], start: Callable[[T], int] = attrgetter("start"),
                 end: Callable[[T], int] = attrgetter("end")) -> None:
        self._items = sorted(items, key=start)
        self._starts = [start(item) for item in self._items]
        self._end = end

    def within(self, start: int, end: int) -> list[T]:
        """The items that lie inside [start, end), in order."""
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end)
        return [item for item in self._items[first:last] if self._end(item) <= end]


@dataclass(frozen=True)
class _Focus:
    """A claim whose time later sentences may take over."""

    time: TimeValue
    claim: str  # Claim.id


@dataclass(frozen=True)
class SourceAnalysis:
    """What extraction found in one article."""

    source: Source
    timexes: tuple[Timex, ...]
    claims: tuple[Claim, ...]
    discovered: tuple[Actor, ...]  # actors the article names that actors.yaml does not list
    mentioned: tuple[str, ...]  # ids of every actor the article names, in order of first mention
    # Digests of what was extracted, for pages to tell whether they changed without comparing every claim.
    # Equal digests, equal values, but for the final ids of discovered actors (extract sets those after).
    digest: bytes  # of the article, its time expressions and its claims
    claim_digests: tuple[bytes, ...]  # of each claim


@dataclass(frozen=True)
class Extraction:
    """The result of the extract stage for all articles."""

    analyses: tuple[SourceAnalysis, ...]
    actors: tuple[Actor, ...]  # known actors first, then discovered ones


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of text, split at sentence-final punctuation and line breaks."""
    sentences: list[Sentence] = []
    paragraph = 0
    start = 0
    quotes = _QuoteCount(text)
    for match in _SENTENCE_END.finditer(text):
        if match.group().startswith("\n"):
            end = match.start()
            quotes.new_paragraph(match.end())
        else:
            word = _WORD_BEFORE.search(text, max(0, match.start() - 20), match.start() + 1)
            after_clock = word and word.group(1).lower() in _CLOCK_ABBREVIATIONS
            if word and _is_abbreviation(word.group(1)) and not (
                    after_clock and _NEXT_SENTENCE_AFTER_CLOCK.match(text, match.end())):
                continue
            if quotes.open_at(match.start()) and _quotation_goes_on(text, match.start()):
                continue
            end = match.end()
        _add_sentence(text, start, end, paragraph, sentences)
        if match.group().startswith("\n"):
            paragraph += 1
        start = match.end()
    _add_sentence(text, start, len(text), paragraph, sentences)
    return sentences


class _QuoteCount:
    """Whether a place in a paragraph is inside a quotation, counting marks from the paragraph's start once."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._counted_to = 0
        self._straight = self._opening = self._closing = 0

    def new_paragraph(self, start: int) -> None:
        self._counted_to = start
        self._straight = self._opening = self._closing = 0

    def open_at(self, at: int) -> bool:
        stretch = self._text[self._counted_to:at]
        self._counted_to = at
        self._straight += stretch.count('"')
        self._opening += stretch.count("“")
        self._closing += stretch.count("”")
        return self._straight % 2 == 1 or self._opening > self._closing


def _quotation_goes_on(text: str, at: int) -> bool:
    """Whether a quotation open at a sentence end closes with a comma, before who said it.

    '"It was the wrong decision. Period," Carr said.' is one sentence: its first part is Carr's too.
    """
    closing = _QUOTE_CLOSE.match(text, at + 1)
    return closing is not None and text[closing.end() - 2] == ","


def _is_abbreviation(word: str) -> bool:
    lowered = word.lower().rstrip(".")
    return lowered in _ABBREVIATIONS or len(lowered) == 1


def _add_sentence(text: str, start: int, end: int, paragraph: int, sentences: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(char.isalnum() for char in text[start:end]):
        sentences.append(Sentence(start, end, paragraph))


class ActorIndex:
    """Known and discovered actors, and a matcher for their names and aliases."""

    def __init__(self, actors: tuple[Actor, ...], base: ActorIndex | None = None) -> None:
        self._base = base
        self.actors = {**(base.actors if base else {}), **{actor.id: actor for actor in actors}}
        surface: dict[str, str] = {}
        for actor in actors:
            for label in (actor.name, *actor.aliases):
                surface.setdefault(label, actor.id)
        self._matcher = names.MentionMatcher(surface)
        self._by_key = {names.name_key(label): actor.id for actor in actors for label in (actor.name, *actor.aliases)}

    def with_actors(self, actors: tuple[Actor, ...]) -> ActorIndex:
        """This index and a few more actors (an article's discoveries), without rebuilding this one."""
        return ActorIndex(actors, base=self) if actors else self

    def mentions(
        self, text: str, base_mentions: list[tuple[int, int, str]] | None = None
    ) -> list[tuple[int, int, str]]:
        """Every mention of an actor: (start, end, actor id), in order; the base index's names win overlaps.

        `base_mentions`, when the caller already has the base index's mentions of text, saves matching again.
        """
        own = self._matcher.find(text) if self._by_key else []
        if self._base is None:
            return own
        found = list(base_mentions) if base_mentions is not None else self._base.mentions(text)
        starts = [start for start, _, _ in found]
        for mention in own:
            before = bisect.bisect_left(starts, mention[1]) - 1  # the one base mention that could overlap
            if before < 0 or found[before][1] <= mention[0]:
                found.insert(before + 1, mention)
                starts.insert(before + 1, mention[0])
        return found

    def lookup(self, name: str) -> str | None:
        """The actor id a name or one of its variants belongs to."""
        key = names.name_key(name)
        found = self._by_key.get(key)
        if found is None and self._base is not None:
            return self._base.lookup(name)
        return found


def extract(
    content: Content, cache: MutableMapping[str, SourceAnalysis] | None = None, jobs: int = 1
) -> Extraction:
    """Extract claims from every article and join the actors they discovered.

    Articles whose analysis is in `cache` (keyed by `analysis_keys`) are not
    read again; with `jobs` > 1 the others are read in that many processes,
    with the same result. Raises ContentError with every curator's correction
    that does not fit its article.
    """
    keys = analysis_keys(content)
    analyses: dict[int, SourceAnalysis] = {}
    todo: list[int] = []
    for index, key in enumerate(keys):
        cached = cache.get(key) if cache is not None else None
        if cached is not None:
            # The key covers the article: its source equals the one loaded; keep one copy of the text, not two.
            analyses[index] = replace(cached, source=content.sources[index])
        else:
            todo.append(index)
    problems: list[Problem] = []
    for index, outcome in zip(todo, _extract_all([content.sources[i] for i in todo], content, jobs), strict=True):
        pickled = outcome if isinstance(outcome, bytes) else None
        if pickled is not None:
            outcome = pickle.loads(pickled)
        if isinstance(outcome, ContentError):
            problems += outcome.problems
            continue
        if isinstance(cache, DiskCache) and pickled is not None:
            cache.set_pickled(keys[index], pickled)  # as the worker pickled it, not pickled again here
        elif cache is not None:
            cache[keys[index]] = outcome
        analyses[index] = replace(outcome, source=content.sources[index])  # one copy, as above
    if problems:
        raise ContentError(problems)
    ordered = tuple(analyses[index] for index in range(len(keys)))
    discovered, final_ids = join_discovered(ordered, {actor.id for actor in content.actors})
    return Extraction(
        analyses=tuple(_with_final_ids(analysis, final_ids) for analysis in ordered),
        actors=content.actors + discovered,
    )


def analysis_keys(content: Content) -> list[str]:
    """What each article's analysis depends on, hashed: the article, the known actors, the zone, its corrections."""
    shared = hashlib.sha256(repr((content.actors, content.site.incident.timezone)).encode("utf-8"))
    fixes: dict[str, list[ClaimFix]] = defaultdict(list)
    for fix in content.claim_fixes:
        fixes[fix.source].append(fix)
    keys = []
    for source in content.sources:
        key = shared.copy()
        key.update(repr((source, tuple(fixes[source.id]))).encode("utf-8"))
        keys.append(key.hexdigest())
    return keys


def _extract_all(sources: list[Source], content: Content, jobs: int) -> Iterator[SourceAnalysis | ContentError | bytes]:
    """Each article's analysis, or the ContentError its corrections raise, in order.

    From worker processes they come pickled, as the workers send them: the cache stores those bytes as
    they are. They are yielded one by one, so the bytes of all articles are never held at once.
    """
    if jobs <= 1 or len(sources) < _MIN_PARALLEL:
        known = ActorIndex(content.actors)
        yield from (_extract_or_error(source, content, known) for source in sources)
        return
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        # A worker is importing the caller's script, which builds again: its pool would wait forever.
        raise RuntimeError("the build ran while a worker process was importing the script that started it; put the "
                           "call under `if __name__ == \"__main__\":`, or pass jobs=1")
    chunk = max(1, len(sources) // (jobs * 8))
    # The articles go to the workers one task at a time, not with the rest of the content at their start: a
    # worker that dies while starting must not leave the build blocked writing megabytes into its pipe.
    shared = replace(content, sources=())
    # "spawn": workers start clean, safe even when the caller runs threads (`serve` does).
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_start_worker, initargs=(shared, gc.get_threshold())) as pool:
        try:
            yield from pool.map(_extract_in_worker, sources, chunksize=chunk)
        except BrokenProcessPool as error:
            raise RuntimeError("a process reading articles ended abruptly: killed, out of memory, or it failed to "
                               "start (its error, if it had one, is printed above)") from error


def _extract_or_error(source: Source, content: Content, known: ActorIndex) -> SourceAnalysis | ContentError:
    try:
        return extract_source(source, content, known)
    except ContentError as error:
        return error


# Each worker process builds the actor matcher once, not once per article.
_worker: dict[str, Any] = {}


def _start_worker(content: Content, collector_thresholds: tuple[int, int, int]) -> None:
    die_with_parent()
    gc.set_threshold(*collector_thresholds)  # as the build that started it
    _worker["content"] = content
    _worker["known"] = ActorIndex(content.actors)


def die_with_parent() -> None:
    """End this worker when the build that started it ends, even by kill -9 (Linux; elsewhere nothing)."""
    libc_name = ctypes.util.find_library("c")
    prctl = getattr(ctypes.CDLL(libc_name), "prctl", None) if libc_name else None
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        parent = multiprocessing.parent_process()
        if parent is not None and os.getppid() != parent.pid:
            os._exit(1)  # the build was gone before the signal was asked for: nothing would send it


def _extract_in_worker(source: Source) -> bytes:
    return pickle.dumps(_extract_or_error(source, _worker["content"], _worker["known"]), pickle.HIGHEST_PROTOCOL)


def _with_final_ids(analysis: SourceAnalysis, final_ids: dict[str, str]) -> SourceAnalysis:
    """The analysis with provisional actor ids replaced by the final ones."""
    def final(actor_id: str) -> str:
        return final_ids.get(actor_id, actor_id)

    def provisional(claim: Claim) -> bool:
        return any(actor_id in final_ids for actor_id in claim.actors) or claim.claimant in final_ids

    claims = tuple(
        replace(claim, actors=tuple(map(final, claim.actors)),
                claimant=final(claim.claimant) if claim.claimant else None)
        if provisional(claim) else claim  # most claims name only listed actors: no copy needed
        for claim in analysis.claims
    )
    return replace(analysis, claims=claims, mentioned=tuple(map(final, analysis.mentioned)), discovered=())


def join_discovered(analyses: tuple[SourceAnalysis, ...], taken: set[str]) -> tuple[tuple[Actor, ...], dict[str, str]]:
    """One actor per discovered name, named by its most frequent spelling; and provisional id -> final id.

    An acronym that stands alone ("the NTSB said") joins the one organisation
    whose initials it is ("National Transportation Safety Board") or that an
    article wrote it after in parentheses.
    """
    spellings: dict[str, Counter[str]] = {}
    kinds: dict[str, Counter[str]] = {}
    acronyms: dict[str, set[str]] = defaultdict(set)  # provisional id -> acronyms written after its name
    for analysis in analyses:
        for actor in analysis.discovered:
            spellings.setdefault(actor.id, Counter())[actor.name] += 1
            kinds.setdefault(actor.id, Counter())[actor.kind] += 1
            acronyms[actor.id].update(alias for alias in actor.aliases if _ACRONYM.fullmatch(alias))
    ranked = {provisional: sorted(counts.items(), key=lambda item: (-item[1], item[0]))
              for provisional, counts in spellings.items()}
    kind_of = {provisional: sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0]
               for provisional, counts in kinds.items()}
    expanded = _expanded_acronyms({provisional: names[0][0] for provisional, names in ranked.items()}, kind_of,
                                  acronyms)
    joined = []
    final_ids: dict[str, str] = {}
    taken = set(taken)
    for provisional in sorted(ranked):
        if provisional in expanded:
            continue
        name = ranked[provisional][0][0]
        actor_id = slugify(name)
        while actor_id in taken:  # a listed actor or another name has it: number this one
            actor_id = re.sub(r"(?:-(\d+))?$", lambda m: f"-{int(m.group(1) or 1) + 1}", actor_id, count=1)
        taken.add(actor_id)
        final_ids[provisional] = actor_id
        short = sorted(acronyms[provisional] | {ranked[other][0][0] for other, full in expanded.items()
                                                 if full == provisional})
        aliases = tuple(dict.fromkeys([spelling for spelling, _ in ranked[provisional][1:]] + short))
        joined.append(Actor(id=actor_id, name=name, kind=kind_of[provisional], aliases=aliases))
    final_ids.update({acronym: final_ids[full] for acronym, full in expanded.items()})
    return tuple(joined), final_ids


def _expanded_acronyms(names: dict[str, str], kinds: dict[str, str], acronyms: dict[str, set[str]]) -> dict[str, str]:
    """Provisional ids of bare acronyms -> the provisional id of the one organisation they stand for."""
    standing_for: dict[str, set[str]] = defaultdict(set)
    for provisional, name in names.items():
        if kinds[provisional] != "organization" or _ACRONYM.fullmatch(name):
            continue
        initials = "".join(word[0] for word in name.split() if word[:1].isupper())
        for acronym in acronyms[provisional] | ({initials} if len(initials) >= 2 else set()):
            standing_for[acronym].add(provisional)
    expanded = {}
    for provisional, name in names.items():
        full = standing_for.get(name, set()) - {provisional}
        if _ACRONYM.fullmatch(name) and len(full) == 1:
            expanded[provisional] = full.pop()
    return expanded


def _with_surnames(text: str, mentions: list[tuple[int, int, str]], index: ActorIndex) -> list[tuple[int, int, str]]:
    """The mentions, and each person's surname alone after the first mention of the full name ("Carr said").

    A surname two people of the text share names neither; nor does one after another capitalised word
    ("Mark Carr", unless a title: "Director Carr"; "Gov." ends no sentence and is a title) or before one
    ("Carr Street").
    """
    first_end: dict[str, int] = {}  # actor id -> where its first mention ends
    for _, end, actor_id in mentions:
        first_end.setdefault(actor_id, end)
    first_seen: dict[str, tuple[int, str]] = {}  # surname -> (where the full name ends, actor id)
    shared: set[str] = set()
    for actor_id, end in first_end.items():
        actor = index.actors.get(actor_id)
        words = actor.name.split() if actor is not None and actor.kind == "person" else []
        if len(words) < 2 or not words[-1][:1].isupper():
            continue
        seen = first_seen.setdefault(words[-1], (end, actor_id))
        if seen[1] != actor_id:
            shared.add(words[-1])
    surnames = {name: seen for name, seen in first_seen.items() if name not in shared}
    if not surnames:
        return mentions
    starts = [start for start, _, _ in mentions]
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(surnames))) + r")\b(?!-)(?!\s+[A-Z])")
    added = []
    for found in pattern.finditer(text):
        start, end = found.span()
        end_of_full, actor_id = surnames[found.group()]
        if start < end_of_full or text[start - 1:start] in ("-", "'", "’"):
            continue
        covering = bisect.bisect_right(starts, start) - 1  # the mention that starts last at or before it
        if covering >= 0 and mentions[covering][1] > start:
            continue  # part of a longer name ("Steven Carr" itself)
        before = _CAPITALISED_BEFORE.search(text, max(0, start - 40), start)
        if before and not names.is_title(before.group(1)):
            continue
        added.append((start, end, actor_id))
    return sorted([*mentions, *added]) if added else mentions


def _provisional_id(name: str) -> str:
    """The id of a discovered actor within one article: the same for all variants of its name."""
    return _PROVISIONAL + slugify(names.name_key(name))


def _discover(text: str, known: ActorIndex, known_mentions: list[tuple[int, int, str]]) -> tuple[Actor, ...]:
    """Actors an article's text names that no listed actor matches."""
    found: dict[str, Actor] = {}
    covered = {position for start, end, _ in known_mentions for position in (start, end - 1)}
    for mention in names.discover_names(text):
        if mention.start in covered or mention.end - 1 in covered or known.lookup(mention.text):
            continue
        actor_id = _provisional_id(mention.text)
        aliases = (mention.acronym,) if mention.acronym else ()
        found.setdefault(actor_id, Actor(id=actor_id, name=mention.text, kind=mention.kind, aliases=aliases))
    # "Director Carr" after "Steven Carr" is he, by his surname (see _with_surnames), not a person of his own.
    surnames = {actor.name.split()[-1] for actor in (*found.values(), *(known.actors[m[2]] for m in known_mentions))
                if actor.kind == "person" and " " in actor.name}
    return tuple(actor for actor in found.values()
                 if not (actor.kind == "person" and " " not in actor.name and actor.name in surnames))


def extract_source(source: Source, content: Content, known: ActorIndex) -> SourceAnalysis:
    """Claims, time expressions and discovered actors of one article."""
    zone = ZoneInfo(source.timezone or content.site.incident.timezone)
    text = prose_of(source.body)  # offsets into it are offsets into the body
    timexes = tuple(timex.find_timexes(text, source.published, zone))
    ranges = timex.find_ranges(text, timexes)
    known_mentions = known.mentions(text)
    discovered = _discover(text, known, known_mentions)
    index = known.with_actors(discovered)
    mentions = _with_surnames(text, index.mentions(text, known_mentions) if discovered else known_mentions, index)
    mention_spans = _Spans(mentions, start=lambda m: m[0], end=lambda m: m[1])
    timex_spans = _Spans(timexes)
    range_spans = _Spans(ranges)
    sentences = split_sentences(text)
    peg = _news_peg(timexes, source, zone)

    claims: list[Claim] = []
    previous: _Focus | None = None  # the narrative claim of the previous sentence
    # The story's own line: the last narrative claim that was neither a look back ("A day earlier, the ministry
    # had reported ...") nor a plan ahead; a new paragraph after a look back goes on from it.
    main_line: _Focus | None = None
    looked_back = False
    previous_paragraph = -1
    last_claimant: str | None = None
    quoting: str | None = None  # the claimant of the previous sentence, when it quoted them
    full_names = attribution.FullNames()
    dated_nouns: dict[str, _Focus] = {}  # stem of a happening's noun -> the last claim naming it
    claimant_actors: dict[str, Actor] = {}
    # The day of a list of clock times under a heading that names none ("Timeline of the attack:"): the news peg.
    list_day: TimeValue | None = None
    opener: str | None = None  # the person who opens the previous sentence, when it quotes nobody
    for sentence in sentences:
        sentence_text = text[sentence.start:sentence.end]
        furniture = _BOILERPLATE.match(sentence_text, _ENTRY_CLOCK.match(sentence_text).end())
        if furniture or _ASSERTS_NOTHING.search(sentence_text):
            previous = None
            if sentence_text.rstrip().endswith(":"):
                untimed = not any(found.type in ("DATE", "TIME")
                                  for found in timex_spans.within(sentence.start, sentence.end))
                list_day = peg if untimed else None
            continue
        entry = _LIST_ENTRY.match(sentence_text)
        if entry is None:
            list_day = None
        found = attribution.find_claimant(sentence_text)
        if found is not None and opener is not None and _opens_with_he_or_she(sentence_text, found):
            # "Sali Bera visited the camp. He said ...": he is the person the sentence before was about.
            last_claimant = opener
        claimant, last_claimant = _claimant(found, sentence.start, index, mention_spans, full_names, last_claimant,
                                            claimant_actors)
        opener = None if found else _opening_person(text, sentence, mention_spans, index)
        if (found is None and quoting is not None and sentence.paragraph == previous_paragraph
                and _WHOLE_QUOTE.fullmatch(sentence_text)):
            claimant = quoting  # '"They came at dawn," said Maryam Hosseini. "We will not leave."': she goes on
        datings, references, possessives = _datings(text, sentence, timex_spans, range_spans)
        if list_day is not None and entry is not None and datings and datings[0][:2] == (
                sentence.start, sentence.start + entry.end("clock")):
            datings[0] = (*datings[0][:2], _on_day(datings[0][2], list_day, zone))
        said_at = _time_of_saying(text, datings, found, sentence.start)
        datings = [dating for dating in datings if dating is not said_at]
        # "Tuesday's raid left two dead, police said on Wednesday": the raid's day dates the sentence when it has
        # no other, and a toll of the raid ("the death toll from Sunday's quake rose to 15 overnight") always.
        if possessives and (not datings or _toll_of(text, sentence, possessives[0], timex_spans)):
            datings = possessives[:1]
        if len(datings) == 1 and not _LETTER.search(text, sentence.start, datings[0][0]) and not _LETTER.search(
                text, datings[0][1], sentence.end):
            # Nothing but a time: a live report's post heading ("18.05 BST"). No claim; the post under it is told
            # at that time, as if it went on in the heading's paragraph.
            previous, previous_paragraph = _Focus(datings[0][2], ""), sentence.paragraph + 1
            continue
        pieces: list[tuple[int, int, TimeValue, str]] = []
        follows: str | None = None
        counted_from = ""  # "two days after the quake": the quake keeps its own time
        if datings:
            pieces = _split_clauses(text, sentence, datings, zone)
        else:
            durations = [(found.start - sentence.start, found.end - sentence.start, found.value)
                         for found in timex_spans.within(sentence.start, sentence.end) if found.type == "DURATION"]
            same_paragraph = sentence.paragraph == previous_paragraph
            goes_on_from = (main_line if looked_back and not same_paragraph and not _PRONOUN_START.match(sentence_text)
                            else previous)
            inherited = _inherited_time(sentence_text, same_paragraph, goes_on_from, peg,
                                        dated_nouns, said_at[2] if said_at else None, zone, durations)
            if inherited is not None:
                when, follows, counted_from = inherited
                time_text = counted_from
                if said_at and when is said_at[2]:
                    time_text = text[said_at[0]:said_at[1]]
                pieces = [(sentence.start, sentence.end, when, time_text)]
        # "Police said three died, while the ministry said five did": each says its own, and they may disagree.
        second_claimant: tuple[int, str | None] | None = None  # where the second claimant's clause starts, who
        if found is not None and len(pieces) == 1:
            second = _second_attribution(sentence_text, found)
            start, end, when, time_text = pieces[0]
            semicolon = sentence_text.rfind("; ", 0, found.start)  # "38 cars derailed; the NTSB put it at 40"
            if second is not None and start <= sentence.start + second[0] and sentence.start + second[1] < end:
                cut, resume, second_found = second
                second_start = sentence.start + resume
                second_id, last_claimant = _claimant(second_found, second_start, index, mention_spans, full_names,
                                                     last_claimant, claimant_actors)
                pieces = [(start, sentence.start + cut, when, time_text),
                          (second_start, end, when, time_text if time_text in text[second_start:end] else "")]
                second_claimant = (second_start, second_id)
            elif semicolon > 0 and start <= sentence.start + semicolon:
                # The claimant speaks in the clause after a semicolon: the clause before has its own, or none.
                second_start = sentence.start + semicolon + 2
                second_claimant = (second_start, claimant)
                claimant, _ = _claimant(attribution.find_claimant(sentence_text[:semicolon]), sentence.start, index,
                                        mention_spans, full_names, last_claimant, claimant_actors)
                pieces = [(start, sentence.start + semicolon, when, time_text),
                          (second_start, end, when, time_text if time_text in text[second_start:end] else "")]
        # The narrative goes on from the sentence's last piece (not from a dated reference in it).
        narrative_piece = pieces[-1] if pieces else None
        narrative = None
        # A dated reference ("the 2014 agreement ...") is about its own noun phrase only.
        pieces = [(*piece, True) for piece in pieces]
        pieces += [(*_reference_piece(text, sentence, reference), False) for reference in references]
        sentence_actors = _actors_in(mention_spans, sentence.start, sentence.end)
        first_piece = min((piece for piece in pieces if piece[4]), default=None)
        first_start = first_piece[0] if first_piece else sentence.start
        for start, end, when, time_text, whole_sentence in sorted(pieces, key=lambda piece: piece[0]):
            actors = _actors_in(mention_spans, start, end)
            piece_claimant, piece_follows = claimant, follows
            if second_claimant is not None and start == second_claimant[0]:
                piece_claimant, piece_follows = second_claimant[1], claims[-1].id  # the same happening
            if whole_sentence:
                actors = tuple(dict.fromkeys(actors + sentence_actors + ((piece_claimant,) if piece_claimant else ())))
            claims.append(Claim(
                id=f"{source.id}-c{len(claims) + 1}",
                source=source.id,
                start=start,
                end=end,
                quote=_quote(text, start, end),
                time=when,
                time_text=time_text,
                claimant=piece_claimant if whole_sentence else None,
                actors=actors,
                follows=piece_follows if whole_sentence else None,
                figures=tuple(figures.find_figures(text[start:end], start, _time_spans(timex_spans, start, end),
                                                   context=sentence_text)),
                subject=(_shared_subject(text, first_start, start)
                         or _repeated_happening(text, first_piece, start, end, time_text)
                         if whole_sentence and start > first_start else ""),
            ))
            if whole_sentence and (start, end, when, time_text) == narrative_piece:
                narrative = _Focus(when, claims[-1].id)
        if narrative:
            for noun in _EVENT_NOUN.findall(sentence_text.replace(counted_from, "") if counted_from else sentence_text):
                dated_nouns[_noun_stem(noun)] = narrative
        if narrative:
            # A look back goes on while its sentences follow it ("It had named no units." / "It said ...").
            looked_back = _looks_back(sentence_text) or (
                looked_back and previous is not None and follows == previous.claim)
            if not looked_back and narrative.time.start <= source.published:  # not a plan ahead either
                main_line = narrative
        previous = narrative
        previous_paragraph = sentence.paragraph
        quoting = claimant if claimant and _QUOTE_MARK.search(sentence_text) else None
        for actor_id in sentence_actors:
            if index.actors[actor_id].kind == "person":
                full_names.add(index.actors[actor_id].name)
    fixes = [fix for fix in content.claim_fixes if fix.source == source.id]
    if fixes:
        claims = _apply_claim_fixes(claims, fixes, source, text, index, mention_spans, timex_spans, zone)
    mentioned = tuple(dict.fromkeys([actor_id for _, _, actor_id in mentions] + list(claimant_actors)))
    claim_digests = tuple(map(_digest, claims))
    return SourceAnalysis(source=source, timexes=timexes, claims=tuple(claims),
                          discovered=discovered + tuple(claimant_actors.values()), mentioned=mentioned,
                          digest=_digest((source, timexes, claim_digests)), claim_digests=claim_digests)


def _quote(prose: str, start: int, end: int) -> str:
    """A claim's words as a reader sees them: where Markdown marks were blanked out, no runs of spaces."""
    quote = prose[start:end]
    if "  " not in quote:
        return quote
    return _SPACE_BEFORE_PUNCTUATION.sub("", _SPACES.sub(" ", quote))


def _digest(value: object) -> bytes:
    """A short digest of a value's repr, which is the same for equal values (of the model's classes)."""
    return hashlib.blake2b(repr(value).encode("utf-8"), digest_size=16).digest()


def _time_of_saying(
    text: str, datings: list[tuple[int, int, TimeValue]], found: attribution.Attribution | None, offset: int
) -> tuple[int, int, TimeValue] | None:
    """The dating that tells when something was said: "on Wednesday" in "X said on Wednesday that ...".

    Or a time right before a reporting verb, whoever the speaker: "today" in "X today confirmed that ...";
    or the date of a citation: "(interview, 20 November 2023)".
    """
    cited = next((dating for dating in datings if timex.closes_citation(text, dating[0], dating[1])), None)
    if cited is not None:
        return cited
    right_before = next((dating for dating in datings if _REPORTING_VERB_AFTER.match(text, dating[1])), None)
    if found is None or found.verb == "according to":
        return right_before
    sentence_end = datings[-1][1] if datings else offset
    verb = re.compile(rf"\b{re.escape(found.verb)}\b", re.IGNORECASE).search(text, offset + found.end, sentence_end)
    if verb is None:
        return right_before
    for dating in datings:
        gap = text[verb.end():dating[0]]
        if dating[0] >= verb.end() and len(gap.split()) <= _SAYING_GAP_WORDS and not _SAYING_GAP_STOP.search(gap):
            return dating
    return right_before


def _apply_claim_fixes(
    claims: list[Claim], fixes: list[ClaimFix], source: Source, text: str, index: ActorIndex,
    mentions: _Spans, timexes: _Spans[Timex], zone: ZoneInfo,
) -> list[Claim]:
    """The claims as the curator corrected them; ContentError for corrections that do not fit.

    Quotes are found in the article's prose (`text`): a curator quotes what the source page shows, not its marks.
    """
    problems: list[Problem] = []
    result = list(claims)
    added = 0
    for fix in fixes:
        try:
            start, end = annotations.quote_span(text, fix.quote, fix.path, fix.line, source.path)
        except ContentError as error:
            problems += error.problems
            continue
        claimant = index.lookup(fix.claimant) if fix.claimant else None
        if fix.claimant and claimant is None:
            problems.append(Problem(fix.path, fix.line, f"unknown claimant '{fix.claimant}'",
                                    "use the name or an alias of an actor in actors.yaml, or add the actor there"))
            continue
        when = annotations.parse_date(fix.date, zone) if fix.date else None
        if fix.add:
            added += 1
            result.append(Claim(
                id=f"{source.id}-a{added}",
                source=source.id, start=start, end=end, quote=_quote(text, start, end), time=when, time_text="",
                claimant=claimant,
                actors=tuple(dict.fromkeys(_actors_in(mentions, start, end) + ((claimant,) if claimant else ()))),
                figures=tuple(figures.find_figures(text[start:end], start, _time_spans(timexes, start, end))),
            ))
            continue
        holders = [claim for claim in result if claim.start <= start and end <= claim.end]
        if not holders:
            problems.append(Problem(fix.path, fix.line, f"the quoted words are in no claim of {source.path}",
                                    "quote words of a claim (the source page highlights them), or add: true"))
            continue
        claim = min(holders, key=lambda held: held.end - held.start)
        position = result.index(claim)
        if fix.suppress:
            del result[position]
            continue
        if when is not None:
            claim = replace(claim, time=when, follows=None)
        if claimant is not None:
            claim = replace(claim, claimant=claimant, actors=tuple(dict.fromkeys(claim.actors + (claimant,))))
        result[position] = claim
    if problems:
        raise ContentError(problems)
    return sorted(result, key=lambda claim: (claim.start, claim.id))


# A sentence is about the person it opens with: a name within its first words ("Opposition leader Sali Bera
# visited", "The camp's director, Hassan Nouri, arrived").
_OPENING_WORDS = 6


def _opening_person(text: str, sentence: Sentence, mentions: _Spans, index: ActorIndex) -> str | None:
    """The person named at the start of the sentence, if any."""
    first = next(iter(mentions.within(sentence.start, sentence.end)), None)
    if first is None or len(text[sentence.start:first[0]].split()) > _OPENING_WORDS:
        return None
    return first[2] if index.actors[first[2]].kind == "person" else None


_GOES_ON_VERBS = frozenset({"added", "adds", "continued", "went on"})  # "He added": the speaker before goes on


def _opens_with_he_or_she(sentence_text: str, found: attribution.Attribution) -> bool:
    """Whether "he" or "she" opens the sentence and speaks anew: "He said", "On Thursday she told", not "He added"."""
    return (found.name.lower() in ("he", "she") and found.verb not in _GOES_ON_VERBS
            and (not sentence_text[:found.start].strip() or attribution.fronted_time(sentence_text) == found.start))


def _actors_in(mentions: _Spans, start: int, end: int) -> tuple[str, ...]:
    return tuple(dict.fromkeys(actor_id for _, _, actor_id in mentions.within(start, end)))


def _time_spans(timexes: _Spans[Timex], start: int, end: int) -> list[tuple[int, int]]:
    return [(found.start, found.end) for found in timexes.within(start, end)]


def _datings(
    text: str, sentence: Sentence, timexes: _Spans, ranges: _Spans
) -> tuple[list[tuple[int, int, TimeValue]], list[Timex], list[tuple[int, int, TimeValue]]]:
    """The expressions that say when a sentence happened, as (start, end, time); dated references; possessives.

    A date used as a modifier ("the 2014 agreement") dates the thing it
    modifies, not the sentence: it is returned as a reference. A possessive
    date ("Tuesday's derailment") names a happening beside the sentence's
    own: it is returned apart, for the caller to weigh.
    """
    references: list[Timex] = []
    inside = timexes.within(sentence.start, sentence.end)
    datings: list[tuple[int, int, TimeValue]] = []
    possessives: list[tuple[int, int, TimeValue]] = []
    in_range: set[int] = set()
    aside: list[Timex] = []  # times in a relative clause after a comma
    for span in ranges.within(sentence.start, sentence.end):
        datings.append((span.start, span.end, span.interval))
        in_range |= {span.first.start, span.last.start}
    for found in inside:
        if found.interval is None or found.type not in ("DATE", "TIME") or found.start in in_range:
            continue
        line_start = max(sentence.start, found.start - 40)
        before = text[line_start:found.start]
        if text.find("since", found.start - 11, found.start) >= 0 and _SINCE_A_RECORD.search(
                text, max(sentence.start, found.start - 90), found.start):
            continue  # "the largest protest the city has seen since 2019": a comparison, not when it happened
        if _RELATIVE_CLAUSE_BEFORE.search(text, sentence.start, found.start):
            aside.append(found)  # "said Maryam Hosseini, who has lived there since 2016": about her, not the sentence
            continue
        attributive = ((_ATTRIBUTIVE_BEFORE.search(before) and _ATTRIBUTIVE_AFTER.match(text, found.end))
                       or _reduced_relative(text, sentence, found) is not None)
        preposition = _TEMPORAL_PREPOSITION.search(before)
        if preposition:
            # "after the 1979 revolution": the sentence is after it, and the revolution is in 1979.
            qualifier = _PREPOSITION_QUALIFIER.get(preposition.group(1).lower())
            when = timex.qualified(found.interval, qualifier) if qualifier else found.interval
            datings.append((preposition.start() + line_start, found.end, when))
            references.append(found)
        elif attributive:
            references.append(found)
        elif _POSSESSIVE_AFTER.match(text, found.end):
            possessives.append((found.start, found.end, found.interval))
        else:
            datings.append((found.start, found.end, found.interval))
    if not datings:  # a relative clause's time dates the sentence when nothing else does
        datings = [(found.start, found.end, found.interval) for found in aside]
    return sorted(datings, key=lambda dating: dating[0]), references, possessives


def _toll_of(text: str, sentence: Sentence, possessive: tuple[int, int, TimeValue], timexes: _Spans[Timex]) -> bool:
    """Whether a sentence gives a casualty count of the happening a possessive date names ("Sunday's quake")."""
    if not _EVENT_NOUN_AFTER.match(text, possessive[1]):
        return False
    counts = figures.find_figures(text[sentence.start:sentence.end], sentence.start,
                                  _time_spans(timexes, sentence.start, sentence.end))
    return any(figure.kind in _CASUALTY_KINDS for figure in counts)


def _reference_piece(text: str, sentence: Sentence, reference: Timex) -> tuple[int, int, TimeValue, str]:
    """The noun phrase a date modifies, as its own claim: "the 2014 agreement that permitted their stay"."""
    relative = _reduced_relative(text, sentence, reference)
    if relative is not None:  # "the bridge, built in 1885,"
        return relative, reference.end, timex.unqualified(reference.interval), reference.text
    before = _ATTRIBUTIVE_BEFORE.search(text, max(sentence.start, reference.start - 40), reference.start)
    start = before.start() if before else reference.start
    end_match = _PHRASE_END.search(text, reference.end, sentence.end)
    end = end_match.start() if end_match else sentence.end
    return start, end, timex.unqualified(reference.interval), reference.text


def _reduced_relative(text: str, sentence: Sentence, found: Timex) -> int | None:
    """Where the noun phrase starts that a date in a participle between commas describes, or None.

    "The council said the bridge, built in 1885, was last inspected in 2023":
    1885 dates the bridge, not the saying nor the inspection.
    """
    if not _CLOSING_COMMA.match(text, found.end):
        return None
    relative = _REDUCED_RELATIVE.search(text, max(sentence.start, found.start - 40), found.start)
    if relative is None:
        return None
    determiners = list(_DETERMINER.finditer(text, max(sentence.start, relative.start() - 60), relative.start()))
    return determiners[-1].start() if determiners else sentence.start


def _split_clauses(
    text: str, sentence: Sentence, datings: list[tuple[int, int, TimeValue]], zone: ZoneInfo
) -> list[tuple[int, int, TimeValue, str]]:
    """One piece per distinct day or coarser time: a sentence naming 1997 and 2012 gives two claims.

    Times of one day ("began at 7 a.m. and lasted until the afternoon") stay
    one claim, dated by the first.
    """
    distinct: list[tuple[int, int, TimeValue]] = []
    for dating in datings:
        if distinct and _day_key(distinct[-1][2], zone) == _day_key(dating[2], zone):
            start, end, when = distinct[-1]
            if _ONE_TIME_GAP.fullmatch(text, end, dating[0]):
                # "at 6:55 a.m. last Tuesday", "on Tuesday at 6:55": one time in two expressions, dated by the finer.
                finer = dating[2] if dating[2].precision.rank > when.precision.rank else when
                distinct[-1] = (start, dating[1], finer)
            continue
        distinct.append(dating)
    cuts, kept = [sentence.start], distinct[:1]
    for (_, previous_end, _), following in itertools.pairwise(distinct):
        cut = _boundary(text, previous_end, following[0])
        if cut is not None:  # else one clause names both times: one claim, dated by the first
            cuts.append(cut)
            kept.append(following)
    distinct = kept
    cuts.append(sentence.end)
    pieces: list[tuple[int, int, TimeValue, str]] = []
    bare_first = False  # whether the first piece is nothing but a time ("Three years ago this week, ...")
    for (start, end, when), (cut_start, cut_end) in zip(distinct, itertools.pairwise(cuts), strict=True):
        piece_start, piece_end = _trim(text, cut_start, cut_end)
        words_besides = _PREPOSITION_BEFORE_TIME.sub("", text[piece_start:start]) + text[end:piece_end]
        if len(pieces) == 1 and bare_first:
            # "Three years ago this week, a little before midnight, a fire started": one happening, dated by the
            # finer time if it lies within the first, else by the first.
            first_start, _, first_when, first_text = pieces[0]
            within = first_when.start <= when.start and when.end <= first_when.end
            pieces[0] = (first_start, piece_end, *((when, text[start:end]) if within else (first_when, first_text)))
            bare_first = False
            continue
        bare_first = not pieces and not _LETTER.search(words_besides)
        if pieces and (not _LETTER.search(words_besides) or _COMPARISON.match(text, piece_start)
                       or _SAYING_FRAME.fullmatch(text, piece_start, piece_end)
                       or (_APPOSITION.match(text, cut_start) and not _VERB.search(text, piece_start, piece_end))):
            # Nothing but a time ("at 9:47 p.m. on Monday"), a comparison ("up from two on Saturday"), who said
            # it ("the PSP said on Sunday") or a phrase with no verb ("two coups since 1961, the last in 2003"):
            # no claim of its own.
            pieces[-1] = (pieces[-1][0], piece_end, *pieces[-1][2:])
            continue
        pieces.append((piece_start, piece_end, when, text[start:end]))
    return pieces


def _second_attribution(
    sentence: str, found: attribution.Attribution
) -> tuple[int, int, attribution.Attribution] | None:
    """A second claimant's clause after the first's: "..., while the ministry said five died".

    Returns where the first clause ends, where the second starts, and its
    attribution (offsets within the second clause); None if there is none.
    """
    for contrast in _CONTRAST.finditer(sentence, found.end):
        second = attribution.find_claimant(sentence[contrast.end():])
        if second is not None:
            return contrast.start(), contrast.end(), second
    return None


_CONTRAST = re.compile(r"[,;]\s+(?:while|whereas|but)\s+|;\s+")  # "organisers said 55,000; police put it at 20,000"


def _shared_subject(text: str, first: int, start: int) -> str:
    """The subject of the clause at `first`, when the clause at `start` goes on without one of its own.

    "Torrential rain began on Tuesday and continued into Wednesday": the
    second claim's subject is "Torrential rain". Only a plain subject, the
    words before the first clause's verb, without a comma.
    """
    if not _VERB_FIRST.match(text, start):
        return ""
    verb = _VERB.search(text, first, start)
    said = _SAYING_VERB.match(text, verb.start(), start) if verb else None
    if said:  # "Police said the raid began on Monday and ended on Tuesday": the raid ended, not the police
        first = said.end()
        verb = _VERB.search(text, first, start)
    subject = text[first:verb.start()].strip() if verb else ""
    return subject if subject and "," not in subject and len(subject.split()) <= _SUBJECT_WORDS else ""


def _repeated_happening(
    text: str, first_piece: tuple[int, int, TimeValue, str, bool], start: int, end: int, time_text: str
) -> str:
    """What the first clause says happened, when the clause text[start:end] only says it happened again.

    "Police raided the camp on 12 July and again on 1 August": the second
    claim shares "Police raided the camp".
    """
    again = _AGAIN.match(text, start)
    if not again:
        return ""
    # Besides "again", only its time and who said it: "again in late August, the lawyer said."
    rest = _ONLY_TIME_LEFT.sub("", text[again.end():end].replace(time_text, "", 1), count=1).strip(" ,")
    if _LETTER.search(rest) and not _SAYING_FRAME.fullmatch(rest):
        return ""
    first_start, first_end, _, first_time_text, _ = first_piece
    if not first_time_text:
        return ""
    before_time = text[first_start:first_end].find(first_time_text)
    words = text[first_start:first_start + before_time] if before_time > 0 else ""
    words = _PREPOSITION_AT_END.sub("", words).strip(" ,")
    return words if len(words.split()) <= 2 * _SUBJECT_WORDS else ""


_BEFORE_A_TIME = r"(?:at|on|in|by|from|around|about|during)"  # the words that join a time to its clause
_ONLY_TIME_LEFT = re.compile(r"^\s*" + _BEFORE_A_TIME + r"?\s*", re.IGNORECASE)
_AGAIN = re.compile(r"(?:and\s+|but\s+)?(?:once\s+more|(?:once\s+)?again)\b", re.IGNORECASE)
_PREPOSITION_AT_END = re.compile(r"\b" + _BEFORE_A_TIME + r"\s*$", re.IGNORECASE)


def _day_key(time: TimeValue, zone: ZoneInfo) -> str:
    """Times with the same key are one happening's: the same local day, or the same coarse value."""
    if time.precision.rank >= Precision.DAY.rank and not time.is_range:
        return time.start.astimezone(zone).date().isoformat()
    return time.edtf


def _boundary(text: str, start: int, end: int) -> int | None:
    """Where to cut between two dated clauses: at the best boundary between them; None when there is none."""
    for boundary in _CLAUSE_BOUNDARIES:
        matches = list(boundary.finditer(text, start, end))
        if matches:
            return matches[-1].start()
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    for word in ("but ", "and ", "while ", "whereas "):
        if text.startswith(word, start):
            start += len(word)
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _inherited_time(
    sentence_text: str, same_paragraph: bool, previous: _Focus | None, peg: TimeValue | None,
    dated_nouns: dict[str, _Focus], said_at: TimeValue | None, zone: ZoneInfo,
    durations: Sequence[tuple[int, int, str]] = (),
) -> tuple[TimeValue, str | None, str] | None:
    """The time of a sentence without a date of its own, if the text makes it clear, the claim it follows, and
    the words that date it when they are no time expression ("two days after the quake"), else "".

    durations: the sentence's DURATION expressions, as (start, end, TIMEX3
    value) within sentence_text. The first rule that applies wins:
    1. "Since then": from the previous sentence's time on.
    2. A definite reference to a happening ("the police operation") takes the
       time of the last claim that named it; "two days after the quake", the
       day that many days after it (another happening: it follows no claim).
    3. A statement dated by when it was made ("X said on Wednesday that ...").
    4. The narrative goes on from the previous sentence, if it is in the same
       paragraph, starts with a pronoun, or tells of the past (news puts one
       sentence in each paragraph).
    5. A reference to a happening not yet dated is the article's own (its news peg).
    """
    if previous is not None and _SINCE_THEN.match(sentence_text):
        return _since(previous.time), None, ""
    anaphora = _EVENT_ANAPHORA.search(sentence_text)
    days, words = _days_before(sentence_text, anaphora, durations) if anaphora else (None, "")
    if anaphora and _noun_stem(anaphora.group(1)) in dated_nouns:
        named = dated_nouns[_noun_stem(anaphora.group(1))]
        if days is not None:
            return _days_from(named.time, days, zone) or named.time, None, words
        # "officials said by noon that two died in the raid": the saying is the finer time that day.
        if said_at is not None and _day_key(said_at, zone) == _day_key(named.time, zone):
            return said_at, named.claim, ""
        return named.time, named.claim, ""
    if said_at is not None:
        return said_at, None, ""
    if previous is not None and (
        same_paragraph or _PRONOUN_START.match(sentence_text) or _NARRATIVE.search(sentence_text)
    ):
        if days is not None:  # the happening is not dated: the narrative's time stands for it
            return _days_from(previous.time, days, zone) or previous.time, None, words
        return previous.time, previous.claim, ""
    if anaphora and peg is not None:
        return peg, None, ""
    return None


def _looks_back(sentence: str) -> bool:
    """Whether a sentence steps back from the story in the past perfect: "A day earlier, the ministry had warned"."""
    if "had" not in sentence:  # (the verb search costs a scan of the sentence)
        return False
    verb = _VERB.search(sentence)
    return bool(verb) and verb.group() == "had" and bool(_PAST_PARTICIPLE_AFTER.match(sentence, verb.end()))


_PAST_PARTICIPLE_AFTER = re.compile(r"\s+(?:already\s+|been\s+)?(?!to\b|no\b)[a-z]+(?:ed|en|wn|ne|t)\b")


def _days_before(
    text: str, happening: re.Match[str], durations: Sequence[tuple[int, int, str]]
) -> tuple[int | None, str]:
    """The days between a happening named in text and "two days after" it, and those words; (None, "") if none."""
    for start, end, value in durations:
        relation = _AFTER_OR_BEFORE.fullmatch(text, end, happening.start())
        amount = _DAYS_OR_WEEKS.fullmatch(value)
        if relation and amount:
            days = int(amount.group(1)) * (7 if amount.group(2) == "W" else 1)
            return (days if relation.group(1).lower() == "after" else -days), text[start:happening.end()]
    return None, ""


_AFTER_OR_BEFORE = re.compile(r"\s+(after|before)\s+", re.IGNORECASE)
_DAYS_OR_WEEKS = re.compile(r"P(\d{1,3})([DW])")


def _days_from(time: TimeValue, days: int | None, zone: ZoneInfo) -> TimeValue | None:
    """The local day so many days from a time known to the day; None without days or such a time."""
    if days is None or time.precision.rank < Precision.DAY.rank or time.is_range:
        return None
    return _day(time.start.astimezone(zone).date() + timedelta(days=days), zone)


def _on_day(time: TimeValue, day: TimeValue, zone: ZoneInfo) -> TimeValue:
    """A clock time moved to another day, at the same time of day (as it was if its EDTF is not a plain one)."""
    days = (day.start.astimezone(zone).date() - time.start.astimezone(zone).date()).days
    clock_zone = timezone(time.utc_offset) if time.utc_offset is not None else zone  # the zone the EDTF is written in
    if not days or not time.edtf.startswith(time.start.astimezone(clock_zone).date().isoformat()):
        return time
    shift = timedelta(days=days)
    edtf = (time.start + shift).astimezone(clock_zone).date().isoformat() + time.edtf[10:]
    return replace(time, start=time.start + shift, end=time.end + shift, edtf=edtf)


def _since(time: TimeValue) -> TimeValue:
    """From a time on: "Since then" after a sentence dated 2016 is 2016 onwards."""
    named = time.edtf.replace("../", "").replace("/..", "").split("/")[-1]
    return replace(time, qualifier=Qualifier.SINCE, edtf=f"{named}/..")


def _noun_stem(noun: str) -> str:
    noun = noun.lower()
    noun = noun[:-2] if noun.endswith("es") and noun[:-2] in _EVENT_NOUNS.split("|") else noun.rstrip("s")
    return _SAME_HAPPENING.get(noun, noun)


# Nouns that name the same happening: "the quake" after "an earthquake".
_SAME_HAPPENING = {"earthquake": "quake", "blast": "explosion", "flooding": "flood"}


def _news_peg(timexes: tuple[Timex, ...], source: Source, zone: ZoneInfo) -> TimeValue | None:
    """The day of the happening the article reports: its earliest date in the days before publication.

    The earliest, because later days in that window are mostly when people
    spoke about it ("police said on Thursday").
    """
    earliest = source.published - timedelta(days=_PEG_DAYS)
    latest = source.published + timedelta(days=1)
    days = [
        found.interval.start.astimezone(zone).date()
        for found in timexes
        if found.interval is not None and found.type in ("DATE", "TIME")
        and found.interval.precision.rank >= Precision.DAY.rank and not found.interval.is_range
        and earliest <= found.interval.start < latest
    ]
    return _day(min(days), zone) if days else None


def _day(day: date, zone: ZoneInfo) -> TimeValue:
    """The whole local day as a time value."""
    start = datetime.combine(day, time(0), zone).astimezone(timezone.utc)
    end = datetime.combine(day + timedelta(days=1), time(0), zone).astimezone(timezone.utc)
    return TimeValue(start=start, end=end, precision=Precision.DAY, edtf=day.isoformat())


def _antecedent(
    phrase: str, offset: int, actors: dict[str, Actor], mentions: _Spans, last_claimant: str | None
) -> str | None:
    """Whom "he", "they" or "the group" refers to: the nearest fitting actor named before, else the last claimant.

    "He"/"she" takes the last claimant if a person, else the nearest person
    named; "the group", "the ministry" take the nearest actor whose name
    holds that word, or of that kind; "they"/"it" take the last claimant.
    """
    words = phrase.lower().split()
    head = words[-1]
    if len(words) == 1 and head not in ("he", "she"):
        return last_claimant
    if len(words) == 1:
        if last_claimant and actors.get(last_claimant, _NOBODY).kind == "person":
            return last_claimant
        fits = lambda actor: actor.kind == "person"  # noqa: E731
    else:
        kinds = _KIND_NOUNS.get(head, ())
        fits = lambda actor: head in actor.name.lower().split() or (  # noqa: E731
            actor.kind in kinds and not _INSTITUTION_WORDS & set(actor.name.lower().split()))
    for _, _, actor_id in reversed(mentions.within(max(0, offset - _ANTECEDENT_REACH), offset)):
        if fits(actors.get(actor_id, _NOBODY)):
            return actor_id
    return last_claimant if last_claimant and fits(actors.get(last_claimant, _NOBODY)) else None


# People named by what they are, then the place they are in or from: "officials in", "residents of".
_PLACE_AFTER_SPEAKERS_RE = re.compile(r"(?<=[a-z])\s+(?:in|of|at|from|near)\s+(?=[A-Z])")


def _without_article(name: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.IGNORECASE)


def _kind_of(actor_id: str, index: ActorIndex, claimant_actors: dict[str, Actor]) -> str | None:
    actor = index.actors.get(actor_id) or claimant_actors.get(actor_id)
    return actor.kind if actor else None


def _claimant(
    found: attribution.Attribution | None, offset: int, index: ActorIndex, mentions: _Spans,
    full_names: attribution.FullNames, last_claimant: str | None, claimant_actors: dict[str, Actor],
) -> tuple[str | None, str | None]:
    """Who asserts the sentence (None: the publisher), and the claimant to resolve later pronouns to.

    A claimant no actor matches ("witnesses", "local media") becomes an actor
    of its own, added to claimant_actors.
    """
    if found is None:
        return None, last_claimant
    if found.pronoun:
        known = {**index.actors, **claimant_actors}
        antecedent = _antecedent(found.name, offset, known, mentions, last_claimant)
        return antecedent, antecedent or last_claimant
    start, end = offset + found.start, offset + found.end
    head = found.name.find(" of ")
    # "Ana Lopez of the Red Cross said": the person speaks, not the body named after "of"
    speaker = mentions.within(start, start + head) if head > 0 else []
    inside = [(m_end - m_start, actor_id) for m_start, m_end, actor_id in speaker or mentions.within(start, end)]
    bare, role = attribution.strip_title(found.name)
    # "Officials in Caldre said", "Residents of Mill Street said": those people speak, not the place.
    people_of = None if speaker or role else _PLACE_AFTER_SPEAKERS_RE.search(found.name)
    # Nor does a place that a longer phrase names to say whose police or which mayor: "Caldre police",
    # "the mayor of Caldre"; "Caldre County Sheriff Dale Hammond" is the sheriff.
    phrase = _without_article(found.name)
    speaking = [(length, actor_id) for length, actor_id in inside
                if length >= len(phrase) or _kind_of(actor_id, index, claimant_actors) != "place"]
    if speaking:
        actor_id = max(speaking)[1]
        return actor_id, actor_id
    speakers = found.name[:people_of.start()] if people_of else None
    full = None if people_of else full_names.resolve(bare)
    name = _without_article(full or bare)
    actor_id = index.lookup(speakers or full or bare)
    if actor_id and not speakers and name != phrase and _kind_of(actor_id, index, claimant_actors) == "place":
        name, actor_id = phrase, index.lookup(phrase)  # "the governor of Texas": the title is who speaks
    if actor_id is None:
        actor_id = _provisional_id(name)
        if actor_id not in claimant_actors:
            kind = names.guess_kind(_without_article(speakers) if speakers else name)
            if kind == "person":
                full_names.add(name)  # so that "Safavi said" later is this person
            elif attribution.names_a_role(name):
                kind = "person"  # "Caldre mayor", "a spokesman for the port"
            claimant_actors[actor_id] = Actor(id=actor_id, name=name[:1].upper() + name[1:], kind=kind)
    return actor_id, actor_id
