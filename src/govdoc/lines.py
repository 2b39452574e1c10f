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

from .numbering import MARKER_LEADS, MarkerMatch, match_marker
from .slotinit import slot_init

__all__ = ["Line", "split_lines"]

# The content of a non-blank line: from its first to its last non-space character, which is
# what str.strip() keeps (both use Python's notion of white space); the newline bounds it.
_CONTENT = re.compile(r"^[^\S\n]*+(\S(?:[^\n]*\S)?)", re.MULTILINE)


@slot_init
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
    append = out.append
    count = text.count
    leads = MARKER_LEADS
    number = counted = 0
    # Blank lines are skipped by the regex engine, not line by line in Python: a text of a
    # million newlines has no line to look at.
    for m in _CONTENT.finditer(text):
        start, end = m.span(1)
        number += count("\n", counted, start)
        counted = start
        content = m[1]
        # Most lines are paragraphs whose first character rules a marker out.
        append(
            Line(
                number,
                start,
                end,
                content,
                to_key(content) if to_key else content,
                match_marker(content) if content[0] in leads else None,
            )
        )
    return out
