"""Lines of the repaired text, with spans and what each can be.

Every later stage works on :class:`Line` values: the span of the line's content (indentation
and trailing spaces excluded), its marker if the numbering grammar recognises one, and a
simplified-script copy used only for keyword matching, so that 來源 and 来源 match alike while
the tree keeps the text as written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .numbering import MarkerMatch, match_marker

__all__ = ["Line", "split_lines"]


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
    pos = 0
    n = len(text)
    number = 0
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        raw = text[pos:end]
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = pos + lead
            content = text[start : start + len(stripped)]
            key = to_key(content) if to_key else content
            marker = match_marker(content)
            out.append(Line(number, start, start + len(stripped), content, key, marker))
        if nl < 0:
            break
        pos = nl + 1
        number += 1
    return out
