"""Build the section tree of one document body from its lines (iteratively).

Numbered markers open sections; the paragraphs that follow belong to the innermost open one.
Dash and bullet lines are items of the innermost section. A heading line is split into the
heading leaf and, for run-in headings ("（一）标题。正文……"), a paragraph holding the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .levels import LevelStack
from .lines import Line
from .metadata import find_departments, find_references
from .nodes import Chrome, Diagnostic, Heading, Item, Marker, Meta, Paragraph, Section, Span
from .numbering import FAMILIES

__all__ = ["BodyBuilder", "split_heading"]

# A heading's own title ends at the first of these when it is short enough to be a title.
# Not the colon: 机构护理：入住… and 目标：到2025年… are a label run into the text, not a title.
_STOPS = "。；;！？!?"
_FIRST_STOP = re.compile(f"[{_STOPS}]")
_TITLE_MAX = 40  # longest run-in title, in characters
_SHORT_LINE = 60  # a line this short without 。 is all heading
_PREVIEW = 30  # characters of text shown as the title of a heading-less article or item
_CAPTION_OPEN = "（("
_CAPTION_CLOSE = {"（": "）", "(": ")"}

BodyLeaf = Paragraph | Item | Chrome | Meta


#: How the text after a marker divides: ``(title, title_end, body_start, own)``. ``title_end``
#: ends the heading leaf's span, ``body_start`` starts the run-in paragraph (``title_end``
#: with spaces skipped), and ``own`` says whether the title is the heading's own (False: a
#: preview of the text). (A plain tuple: one is made per heading, and a tuple display is
#: several times cheaper to make than a named tuple.)
HeadingSplit = tuple[str, int, int, bool]


def split_heading(text: str, style: str) -> HeadingSplit:
    """Divide the text after a marker into title and run-in body (offsets into ``text``)."""
    # text[:1] of an empty text is "", which `in` finds in every string.
    if style == "article" and text and text[0] in _CAPTION_OPEN:
        close = text.find(_CAPTION_CLOSE[text[0]])
        if 0 < close <= _TITLE_MAX:  # 第一条（目的和依据）
            return text[1:close], close + 1, _skip_spaces(text, close + 1), True
    # find(…, 0, -1) looks at text[:-1] without copying it.
    if style != "article" and len(text) <= _SHORT_LINE and text.find("。", 0, -1) < 0:
        return text, len(text), len(text), True
    if style not in ("article", "part"):
        m = _FIRST_STOP.search(text, 0, _TITLE_MAX + 1)
        i = -1 if m is None else m.start()
        if i > 0:
            # _skip_spaces, inlined: the body mostly starts right after the stop.
            body = i + 1
            if body < len(text) and text[body].isspace():
                body = len(text) - len(text[body:].lstrip())
            return text[:i], i + 1, body, True
    return text[:_PREVIEW], 0, 0, False


def _skip_spaces(text: str, i: int) -> int:
    # What lstrip() removes is exactly what str.isspace() accepts. The body mostly starts
    # right at ``i``: one character tells, without copying the rest of the text to strip it.
    if i >= len(text) or not text[i].isspace():
        return i
    return len(text) - len(text[i:].lstrip())


# An open section: its heading and depth, then the leaves and the closed child sections met
# inside it so far. (A tuple around two lists: opening a section is the builder's most
# frequent step, and a tuple display is the cheapest record to make.)
_Open = tuple[Heading, int, list[BodyLeaf], list[Section]]


@dataclass(slots=True)
class BodyBuilder:
    """Accumulates the blocks of one document body in reading order.

    ``add_line`` takes body lines, ``add_leaf`` frame or chrome leaves met inside the body;
    ``finish`` closes open sections and returns the top-level blocks.
    """

    text: str
    diagnostics: list[Diagnostic]
    paragraph: Callable[[str, Span], Paragraph]
    levels: LevelStack = field(default_factory=LevelStack)
    top: list[BodyLeaf | Section] = field(default_factory=list)
    open: list[_Open] = field(default_factory=list)

    def add_leaf(self, leaf: BodyLeaf) -> None:
        opened = self.open
        (opened[-1][2] if opened else self.top).append(leaf)

    def add_line(self, line: Line, next_line: Line | None = None) -> bool:
        """Add one body line; True when it took ``next_line`` (the next line, of the same role)
        as its title: a lone marker followed by a short unnumbered line."""
        m = line.marker
        placement = self.levels.place(m) if m is not None else None
        if m is None or placement is None:
            leaf = self.paragraph(line.text, Span(line.start, line.end))
            opened = self.open  # add_leaf, inlined: most body lines are paragraphs
            (opened[-1][2] if opened else self.top).append(leaf)
            return False
        depth, value, is_item, notes = placement
        start, style, text = line.start, m.style, line.text
        marker_span = Span(start + m.start, start + m.end)
        marker = Marker(
            style, FAMILIES[style], value, text[m.start : m.end], marker_span, m.sub_value
        )
        if notes:  # mostly none: the numbering goes on as expected
            for code, message in notes:
                self.diagnostics.append(Diagnostic(code, message, marker_span))
        after = text[m.body_start : m.body_end]
        base = start + m.body_start
        if is_item:
            # A citation opens with 《; a department note ends in a closing bracket.
            item = Item(
                marker,
                after,
                Span(start, line.end),
                split_heading(after, style)[0],
                tuple(find_references(after, base)) if "《" in after else (),
                find_departments(after) if "）" in after or ")" in after else (),
            )
            self.add_leaf(item)
            return False
        if not after and next_line is not None and _is_title_line(next_line):
            heading = Heading(marker, next_line.text, Span(start, next_line.end), m.damaged)
            self._close_to(depth)
            self.open.append((heading, depth, [], []))
            return True
        title, title_end, body_start, own = split_heading(after, style)
        end = line.end
        if not own:  # the heading is the marker; all the text is its paragraph
            head_end = body_start = base
        elif body_start < len(after):  # run-in: title, then the body
            head_end, body_start = base + title_end, base + body_start
        else:
            head_end = body_start = end
        heading = Heading(marker, title, Span(start, head_end), m.damaged)
        opened = self.open
        if opened and opened[-1][1] >= depth:  # _close_to, called only when it closes one
            self._close_to(depth)
        body: list[BodyLeaf] = []
        if body_start < end:
            body.append(self.paragraph(self.text[body_start:end], Span(body_start, end)))
        opened.append((heading, depth, body, []))
        return False

    def _close_to(self, depth: int) -> None:
        """Close the open sections at ``depth`` or deeper, innermost first."""
        opened = self.open
        while opened and opened[-1][1] >= depth:
            heading, inner_depth, body, children = opened.pop()
            # A section ends where the last of its heading, leaves and children does. Blocks
            # arrive in reading order, so the last of each list ends furthest.
            end = heading.span.end
            if body and body[-1].span.end > end:
                end = body[-1].span.end
            if children and children[-1].span.end > end:
                end = children[-1].span.end
            section = Section(
                heading,
                inner_depth,
                Span(heading.span.start, end),
                tuple(body),
                tuple(children) if children else (),  # most sections are leaves of the tree
            )
            (opened[-1][3] if opened else self.top).append(section)

    def finish(self) -> list[BodyLeaf | Section]:
        self._close_to(0)  # depths start at 1: all of them
        return self.top


def _is_title_line(line: Line) -> bool:
    return line.marker is None and line.length <= _TITLE_MAX and "。" not in line.text[:-1]
