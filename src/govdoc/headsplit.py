"""A heading run together with the first item under it, as PDF extraction leaves it:
"一、总体要求（一）指导思想。坚持…" is two lines, 一、总体要求 and （一）指导思想。坚持….

The line is split only when the glued marker continues the structure: the first item of a
lower level, or the item after the last one of its style. 关于（一）类项目 and a second
marker of the same level stay as they are.
"""

from __future__ import annotations

import re

from .lines import Line, split_lines
from .mojibake import Fix
from .numbering import FAMILIES, MARKER_LEADS, MarkerMatch, match_marker

__all__ = ["heading_split_fixes"]

# Families from the outer level to the inner, in the order 公文 nest them.
_NESTING: tuple[tuple[str, ...], ...] = (
    ("top", "bracket", "arabic", "ar_half", "circled"),
    ("book", "chapter", "section", "article"),
)
# The lookahead after the first marker asks for a character that can open the second one
# before the sentence ends: a necessary condition, tested in one pass, which spares the lazy
# search below its thirty attempts on an ordinary heading.
_GLUED_LINE = (
    r"[ #>*]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|"
    r"第[一二三四五六七八九十百零〇]+[编章节]) *"
    r"(?=[^\n，。；：,;:！？!?（(\d①-⑳第]*+[（(\d①-⑳第])[^\n，。；：,;:！？!?]{1,30}?"
    r"(?<![于的和与及或在对从将把被按第是为]) *"
    r"(?:[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、]|[①-⑳]|"
    r"第[一二三四五六七八九十百零〇\d]+[条节])"
)
# Searched after a line break, a literal the regex engine skips to ("^" in MULTILINE mode is
# tried at every position of the text); a single line is matched with a "\n" before it.
_GLUED = re.compile("\n" + _GLUED_LINE)
_SENTENCE = frozenset("，。；：,;:！？!?")
# A line whose indent holds white space other than " ", which _GLUED does not skip.
_ODD_INDENT = re.compile(r"\n *[^\S\n ]")


def _is_inner(outer: str, inner: str) -> bool:
    a, b = FAMILIES[outer], FAMILIES[inner]
    return any(a in order and b in order and order.index(a) < order.index(b) for order in _NESTING)


def heading_split_fixes(text: str) -> list[Fix]:
    """A line break inserted before a numbering marker glued to the title of the heading
    before it, when that marker continues the structure: the first item of a lower level, or
    the item after the last one of its style."""
    padded = "\n" + text
    starts = [m.start() + 1 for m in _GLUED.finditer(padded)]  # of the lines of that shape
    if not starts:
        return []
    # Only a line of that shape can be split; unless one could whatever came before it, the
    # numbering of the whole text need not be followed.
    if _ODD_INDENT.search(padded):  # stripped, such a line may match where it did not above
        candidates = [line.strip() for line in text.split("\n") if _is_glued(line.strip())]
    else:  # each line matched above is one of them (a match ends on its last marker)
        candidates = [_line_at(padded, start).strip() for start in starts]
    if not any(_split_at(line, None) for line in candidates):
        return []
    last: dict[str, int | None] = {}
    fixes: list[Fix] = []
    for line in split_lines(text):
        m1 = line.marker
        if m1 is None:
            continue
        last[m1.style] = m1.value
        glued = _glued_marker(line, last)
        if glued is not None:
            split, style, value = glued
            last[style] = value
            gap = len(line.text[:split]) - len(line.text[:split].rstrip())
            fixes.append(Fix(line.start + split - gap, line.start + split, "\n"))
    return fixes


def _line_at(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : len(text) if end < 0 else end]


def _is_glued(line: str) -> bool:
    return _GLUED.match("\n" + line) is not None


def _glued_marker(line: Line, last: dict[str, int | None]) -> tuple[int, str, int | None] | None:
    if line.marker is None or not _is_glued(line.text):
        return None
    return _split_at(line.text, last, line.marker)


def _split_at(
    text: str, last: dict[str, int | None] | None, m1: MarkerMatch | None = None
) -> tuple[int, str, int | None] | None:
    """Where the marker glued into line ``text`` starts, its style and value; ``last`` holds
    the last value of each style (None: any value that continues some numbering will do)."""
    if m1 is None:
        m1 = match_marker(text)
    if m1 is None or m1.weak:
        return None
    for p in range(m1.body_start + 1, min(len(text), m1.body_start + 32)):
        if text[p] in _SENTENCE:
            return None
        if text[p] not in MARKER_LEADS and not text[p].isspace():
            continue  # match_marker's own first test: no marker starts here
        m2 = match_marker(text[p:])
        if m2 is None or m2.start != 0 or m2.weak or m2.body_start >= len(text) - p:
            continue
        if not text[m1.body_start : p].strip() or not _is_inner(m1.style, m2.style):
            continue
        if last is None:
            if m2.value is not None:
                return p, m2.style, m2.value
            continue
        previous = last.get(m2.style)
        if m2.value == 1 or (previous is not None and m2.value == previous + 1):
            return p, m2.style, m2.value
    return None
