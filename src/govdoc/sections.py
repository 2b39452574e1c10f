"""Build the section tree of one document body from its lines (iteratively).

Numbered markers open sections; the paragraphs that follow belong to the innermost open one.
Dash and bullet lines are items of the innermost section. A heading line is split into the
heading leaf and, for run-in headings ("（一）标题。正文……"), a paragraph holding the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .levels import LevelStack
from .lines import Line
from .metadata import find_departments, find_references
from .nodes import Chrome, Diagnostic, Heading, Item, Marker, Meta, Paragraph, Section, Span

__all__ = ["BodyBuilder", "split_heading"]

# A heading's own title ends at the first of these when it is short enough to be a title.
# Not the colon: 机构护理：入住… and 目标：到2025年… are a label run into the text, not a title.
_STOPS = "。；;！？!?"
_TITLE_MAX = 40  # longest run-in title, in characters
_SHORT_LINE = 60  # a line this short without 。 is all heading
_PREVIEW = 30  # characters of text shown as the title of a heading-less article or item
_CAPTION_OPEN = "（("
_CAPTION_CLOSE = {"（": "）", "(": ")"}

BodyLeaf = Paragraph | Item | Chrome | Meta


@dataclass(frozen=True, slots=True)
class HeadingSplit:
    """How the text after a marker divides: ``title_end`` ends the heading leaf's span,
    ``body_start`` starts the run-in paragraph (== ``title_end`` stripped of spaces), and
    ``own`` says whether the title is the heading's own (False: a preview of the text)."""

    title: str
    title_end: int
    body_start: int
    own: bool


def split_heading(text: str, style: str) -> HeadingSplit:
    """Divide the text after a marker into title and run-in body (offsets into ``text``)."""
    # text[:1] of an empty text is "", which `in` finds in every string.
    if style == "article" and text and text[0] in _CAPTION_OPEN:
        close = text.find(_CAPTION_CLOSE[text[0]])
        if 0 < close <= _TITLE_MAX:  # 第一条（目的和依据）
            return HeadingSplit(text[1:close], close + 1, _skip_spaces(text, close + 1), True)
    if style != "article" and len(text) <= _SHORT_LINE and "。" not in text[:-1]:
        return HeadingSplit(text, len(text), len(text), True)
    if style not in ("article", "part"):
        for i, ch in enumerate(text[: _TITLE_MAX + 1]):
            if ch in _STOPS:
                if i == 0:
                    break
                return HeadingSplit(text[:i], i + 1, _skip_spaces(text, i + 1), True)
    return HeadingSplit(text[:_PREVIEW], 0, 0, False)


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i].isspace():
        i += 1
    return i


@dataclass(slots=True)
class _Open:
    heading: Heading
    depth: int
    body: list[BodyLeaf] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    end: int = 0

    def close(self) -> Section:
        return Section(
            self.heading,
            self.depth,
            Span(self.heading.span.start, self.end),
            tuple(self.body),
            tuple(self.children),
        )


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
        if self.open:
            self.open[-1].body.append(leaf)
            self.open[-1].end = max(self.open[-1].end, leaf.span.end)
        else:
            self.top.append(leaf)

    def add_line(self, line: Line, following: Sequence[Line] = ()) -> int:
        """Add one body line; returns how many of ``following`` it consumed (a title on the
        line after a lone marker)."""
        m = line.marker
        placement = self.levels.place(m) if m is not None else None
        if m is None or placement is None:
            self.add_leaf(self.paragraph(line.text, Span(line.start, line.end)))
            return 0
        marker = Marker(
            m.style,
            m.family,
            placement.value,
            line.text[m.start : m.end],
            Span(line.start + m.start, line.start + m.end),
            m.sub_value,
        )
        for code, message in placement.notes:
            self.diagnostics.append(Diagnostic(code, message, marker.span))
        after = line.text[m.body_start : m.body_end]
        base = line.start + m.body_start
        if placement.is_item:
            split = split_heading(after, m.style)
            item = Item(
                marker,
                after,
                Span(line.start, line.end),
                split.title,
                tuple(find_references(after, base)),
                tuple(find_departments(after)),
            )
            self.add_leaf(item)
            return 0
        used = 0
        if not after and following and self._is_title_line(following[0]):
            nxt = following[0]
            heading = Heading(marker, nxt.text, Span(line.start, nxt.end), m.damaged)
            used = 1
            rest: tuple[str, Span] | None = None
        else:
            split = split_heading(after, m.style)
            rest = None
            if not split.own:  # the heading is the marker; all the text is its paragraph
                head_end = body_start = base
            elif split.body_start < len(after):  # run-in: title, then the body
                head_end, body_start = base + split.title_end, base + split.body_start
            else:
                head_end = body_start = line.end
            if body_start < line.end:
                rest = (self.text[body_start : line.end], Span(body_start, line.end))
            heading = Heading(marker, split.title, Span(line.start, head_end), m.damaged)
        self._open_section(heading, placement.depth)
        if rest is not None:
            self.add_leaf(self.paragraph(*rest))
        return used

    @staticmethod
    def _is_title_line(line: Line) -> bool:
        return line.marker is None and line.length <= _TITLE_MAX and "。" not in line.text[:-1]

    def _open_section(self, heading: Heading, depth: int) -> None:
        while self.open and self.open[-1].depth >= depth:
            self._close_innermost()
        self.open.append(_Open(heading, depth, end=heading.span.end))

    def _close_innermost(self) -> None:
        section = self.open.pop().close()
        if self.open:
            parent = self.open[-1]
            parent.children.append(section)
            parent.end = max(parent.end, section.span.end)
        else:
            self.top.append(section)

    def finish(self) -> list[BodyLeaf | Section]:
        while self.open:
            self._close_innermost()
        return self.top
