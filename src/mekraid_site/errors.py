"""Errors meant for the person who wrote the content."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Control characters from content would garble (or steer) the terminal that shows a message.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_LONGEST_SHOWN = 2000  # characters of one message; content quoted in a message is cut, never the place


def printable(text: str, limit: int = _LONGEST_SHOWN) -> str:
    """Text safe to print in a terminal: control characters as escapes, cut to `limit` characters."""
    text = _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content: where, what, and what would be right."""

    path: str
    line: int | None
    message: str
    hint: str | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = printable(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {printable(self.message)}"
        if self.hint:
            text += f" ({printable(self.hint)})"
        return text


class ContentError(Exception):
    """The content cannot be built; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in problems))
