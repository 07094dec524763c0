"""An article's prose: its Markdown text with the markup blanked out, every offset kept.

Extraction reads the prose, not the Markdown, so that "**KELSO, Wash.** —",
"- Two are in critical condition" or "[the report](https://...)" give claims,
titles and names without asterisks, bullets and addresses. Each markup
character becomes a space, so an offset into the prose is the same offset
into the article body (the source page marks claims in the body by offset).
A story's dateline ("KELSO, Wash. (AP) —") is blanked too: it tells where
the story was filed, it is not something that happened; and so is a press
release's furniture (its release line, its contacts, the end matter about
the company) and a web page's (when it was updated, the byline, links to
other stories, picture credits).
"""

from __future__ import annotations

import re

# Marks at the start of a line: headings (whole), quotes, list bullets (nested too). Tables go whole too.
_LINE_MARKS = re.compile(
    r"^[ \t]*(?:"
    r"#{1,6}(?:[ \t].*)?$"  # "## What we know": a heading names a part of the story, it tells nothing
    r"|(?:>[ \t]?)+(?:[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))?"  # "> quoted", "> - quoted item"
    r"|[-*+](?=[ \t])"  # "- item"
    r"|\d{1,9}[.)](?=[ \t])"  # "1. item"
    r")",
    re.MULTILINE,
)
# Whole lines that are markup only: rules, setext underlines, table separators, code fences, link definitions.
_MARKUP_LINE = re.compile(
    r"^[ \t]*(?:(?:[-*_][ \t]*){3,}|=+|\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?|(?:```|~~~).*"
    r"|\[[^\]\n]+\]:[ \t]*\S+.*)[ \t]*$",
    re.MULTILINE,
)
# "| Civil Protection | 14 July | 12 |": a table's cells are no sentences ("14 July 12" would read as 12 July)
_TABLE_ROW = re.compile(r"^[ \t]*\|.*$", re.MULTILINE)
# Inline: images whole; of links, the brackets and the address; autolinks and HTML tags whole.
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"(?<!\\)\[([^\]\n]+)\](\([^)\n]*\)|\[[^\]\n]*\])")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]+>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>")
# Emphasis and code marks: runs of "*", "`" and "_" (which of them are marks is decided by their neighbours).
# (Plain runs, their neighbours looked at after: lookbehinds at every character made this the slowest part.)
_STAR_RUN = re.compile(r"\*+|`+")
_UNDERSCORE_RUN = re.compile(r"_+")
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|>])")
_AGENCY = r"(?:\([^()\n]{1,30}\)|/[^/\n]{2,30}/)"  # "(AP)", "/PRNewswire/"
# A dateline opening a story: the place in capitals, then its region, country or the date, or the agency, then
# a dash. "KELSO, Wash. (AP) —", "LIMA, June 22 -", "OSLO, Norway, Jan. 3 (Reuters) —", "PARIS —".
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,4}(?:"
    r"(?:,[ \t]+[A-Z0-9][\w.'’ -]{0,30}?){1,2}(?:[ \t]+" + _AGENCY + r")?[ \t]+(?:—|–|--?)"  # ", Wash. (AP) -"
    r"|[ \t]+" + _AGENCY + r"[ \t]+(?:—|–|--?)"  # " (AP) -"
    r"|[ \t]+(?:—|–|--)"  # " —": with a place alone, not a hyphen ("US - China talks")
    r")[ \t]+(?=\S)",
    re.MULTILINE,
)
# South Asian and Gulf papers end the dateline with a colon: "DUBAI:", "KESARIGANJ (AMRAULI DISTRICT):",
# "LUCKNOW, March 5 (PTI):". A place in capitals of three letters or more, so not "UN: talks fail".
_COLON_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'’]{2,}(?:[ -][A-Z][A-Z.'’]+){0,3}(?:[ \t]+\([A-Z][A-Za-z .'’-]{0,30}\))?"
    r"(?:,[ \t]+[A-Z0-9][\w.'’ -]{0,30}?)?(?:[ \t]+" + _AGENCY + r")?:[ \t]+(?=[A-Z\"“])",
    re.MULTILINE,
)
# At the story's very start, a place and a plain hyphen are a dateline too: "BATAM - At least 21 people died".
_OPENING_DATELINE = re.compile(r"\A\s*[A-Z][A-Z.'’]{2,}(?:[ -][A-Z][A-Z.'’]+){0,3}[ \t]+-[ \t]+(?=[A-Z])")

# A press release's furniture: its release line and contacts, and after "###" or "About <Company>" the end matter.
_RELEASE_LINE = re.compile(r"^[ \t]*(?:FOR IMMEDIATE RELEASE|(?:Media|Press)?\s*[Cc]ontacts?:.*)[ \t]*$", re.MULTILINE)
_RELEASE_TAIL = re.compile(r"^[ \t]*(?:#{3}|About(?: [A-Z][\w.&'’-]*){1,6})[ \t]*$", re.MULTILINE)
_LINE = re.compile(r"[^\n]+")
# A web page's furniture, line by line: when it was updated, the byline, links to other stories.
_CAPITALISED = r"[A-ZÀ-ÖØ-ÞĀ-ž][\w.'’&-]*"  # "Okafor", "Šimić" (Latin Extended-A: upper and lower case alternate)
_NOT_A_TIME = (r"(?!(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun"
               r"|January|February|March|April|May|June|July|August|September|October|November|December"
               r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Noon|Midnight|Dawn|Then|Now)\b)")
_NAME = _NOT_A_TIME + _CAPITALISED + r"(?:[ \t]+" + _CAPITALISED + r"){0,3}"  # "By Monday, ..." is no byline
_PAGE_LINE = re.compile(
    r"^[ \t]*(?:(?:Updated|Published|Posted|Last updated|First published|Last modified)\b[^\n]{0,60}"
    r"|By[ \t]+" + _NAME + r"(?:(?:,|[ \t]+and)[ \t]+" + _NAME + r")*"
    r"(?:[ \t]*[,|–—-][ \t]*" + _CAPITALISED + r"(?:[ \t]+" + _CAPITALISED + r"){0,4})?"
    r"|(?:Read more|Read also|Also read|Related|See also|More on this story)[ \t]*:[^\n]*"
    r")[ \t]*$",
    re.MULTILINE,
)
# A picture's credit: "(Photo by John Doe/AFP via Getty Images)", "(Photo: Reuters)".
_CREDIT = re.compile(r"\((?:Photos?|Images?|Pictures?|Video|Credit)(?:[ \t]+by|[ \t]*:)[^()\n]{1,100}\)",
                     re.IGNORECASE)


def prose_of(text: str) -> str:
    """The text with Markdown markup, datelines and the furniture of releases and web pages replaced by spaces.

    The result has the text's length, and every offset into it is the same offset into the text.
    """
    prose = _blanked(text, _mark_spans(text))
    furniture = [match.span() for pattern in (_DATELINE, _COLON_DATELINE, _OPENING_DATELINE, _RELEASE_LINE,
                                              _PAGE_LINE, _CREDIT)
                 for match in pattern.finditer(prose)]
    tail = _RELEASE_TAIL.search(text)  # in the text: the prose has "###" blanked as a heading mark
    if tail:
        furniture += [(line.start(), line.end()) for line in _LINE.finditer(prose, tail.start())]
    return _blanked(prose, furniture)


def _mark_spans(text: str) -> list[tuple[int, int]]:
    """Where the Markdown marks are (none spans a line break)."""
    spans = [match.span() for pattern in (_MARKUP_LINE, _LINE_MARKS, _IMAGE, _AUTOLINK, _HTML_TAG, _ESCAPE)
             for match in pattern.finditer(text)]
    spans += [row.span() for row in _TABLE_ROW.finditer(text)]
    for match in _LINK.finditer(text):
        spans += [(match.start(), match.start(1)), (match.end(1), match.end())]  # "[", "](address)"
    for pattern, is_mark in ((_STAR_RUN, _is_star_mark), (_UNDERSCORE_RUN, _is_underscore_mark)):
        for match in pattern.finditer(text):
            start, end = match.span()
            before = text[start - 1] if start else " "
            if before == "\\":  # "\*": the first one is a character
                start, before = start + 1, text[start]
            after = text[end] if end < len(text) else " "
            if end > start and is_mark(before, after):
                spans.append((start, end))
    return spans


def _is_star_mark(before: str, after: str) -> bool:
    """A run of "*" or "`" is a mark unless spaces stand on both sides ("5 * 3")."""
    return not (before.isspace() and after.isspace())


def _is_underscore_mark(before: str, after: str) -> bool:
    """A run of "_" is a mark at a word's edge only: "_word_", not "snake_case"."""
    return (not _is_word(before) and not after.isspace()) or (not before.isspace() and not _is_word(after))


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with each span (within one line) replaced by as many spaces."""
    if not spans:
        return text
    pieces, done = [], 0
    for start, end in sorted(spans):
        start = max(start, done)
        if end > start:
            pieces += [text[done:start], " " * (end - start)]
            done = end
    pieces.append(text[done:])
    return "".join(pieces)


def widen_over_marks(text: str, prose: str, start: int, end: int) -> tuple[int, int]:
    """A span of the prose widened over the Markdown marks that touch it ("*", "**", "["), to nest in the HTML.

    "*Police* raided the camp." gives a claim from "Police"; marked from
    there, the claim's element would start inside the emphasis and end
    outside it.
    """
    while start > 0 and _is_mark(text, prose, start - 1):
        start -= 1
    while end < len(text) and _is_mark(text, prose, end):
        end += 1
    return start, end


def _is_mark(text: str, prose: str, position: int) -> bool:
    """Whether the character is punctuation that the prose blanked out (a mark, not a dateline's letters)."""
    char = text[position]
    return prose[position] == " " and not char.isspace() and not char.isalnum()
