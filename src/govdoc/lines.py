"""Lines of the repaired text, with spans and what each can be.

Every later stage works on :class:`Line` values: the span of the line's content (indentation
and trailing spaces excluded), its marker if the numbering grammar recognises one, and a
simplified-script copy used only for keyword matching, so that 來源 and 来源 match alike while
the tree keeps the text as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .numbering import MarkerMatch, match_marker

__all__ = ["Line", "split_lines"]

_NON_EMPTY = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line. ``start``/``end`` bound its content without surrounding spaces."""

    number: int  # 0-based line number in the text
    start: int
    end: int
    text: str  # text[start:end]
    key: str  # simplified-script copy of ``text`` for keyword matching
    marker: MarkerMatch | None

    @property
    def length(self) -> int:
        return self.end - self.start


def split_lines(text: str, to_key: Callable[[str], str] | None = None) -> list[Line]:
    """The non-blank lines of ``text`` in order. ``to_key`` maps a line to the script keyword
    rules are written in (identity when the text is simplified already)."""
    out: list[Line] = []
    number = counted = 0
    # Runs of blank lines are skipped by the regex engine, not line by line in Python: a text
    # of a million newlines has no line to look at.
    for m in _NON_EMPTY.finditer(text):
        raw = m.group()
        stripped = raw.strip()
        if not stripped:
            continue
        number += text.count("\n", counted, m.start())
        counted = m.start()
        start = m.start() + len(raw) - len(raw.lstrip())
        key = to_key(stripped) if to_key else stripped
        marker = match_marker(stripped)
        out.append(Line(number, start, start + len(stripped), stripped, key, marker))
    return out
