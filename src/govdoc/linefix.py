"""Line structure damaged by PDF or OCR extraction: hard-wrapped paragraphs and glued headings.

A PDF page breaks every paragraph at the right margin, so the extracted text holds one
paragraph as many lines of (nearly) the same display width, none of them ending a sentence,
with page numbers between pages. :func:`wrap_fixes` re-joins those lines, but only in a text
that looks wrapped as a whole and only between body lines: the frame (title, 文号, recipients),
the closing (signature, date, 抄送) and lines opening with a numbering marker stay as they are.
A page-number line inside a paragraph is moved after it, so that the paragraph reads on and
the page number is still there, on its own line.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .anatomy import Role, assign_roles
from .front import is_signer_line
from .lines import Line, split_lines
from .metadata import parse_date, parse_doc_number, parse_info_line
from .mojibake import Fix
from .script import detect_script, to_simplified
from .wrapwidth import display_widths, wrap_width
from .wrapwidth import is_open as _is_open
from .wrapwidth import slack as _slack

__all__ = ["wrap_fixes", "wrap_width"]

# Characters that make a word with a following 一: 统一, 唯一, 之一, 逐一 ….
_BEFORE_ONE = frozenset("统唯之同单划专逐万第")
_NO_LINE_START = frozenset("》〉）)”’」』】〕，。、；：！？,;:!?")
_TITLE_FAMILIES = frozenset({"part", "book", "chapter", "section"})


class _Patterns(NamedTuple):
    """What the joins look for in a line."""

    sentence_end: re.Pattern[str]
    frame_line: re.Pattern[str]
    # A heading glued to the end of a sentence ("…落到实处。三、保障措施") ends that line.
    trailing_heading: re.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    """Compiled on first use: only a text found hard-wrapped needs them."""
    return _Patterns(
        re.compile(r"[。！？；!?;]"),
        re.compile(r"^(?:附\s*件|抄\s*送|抄\s*报|印\s*发)"),
        re.compile(
            r"[。！？；]\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十百零〇]+[章节])"
            r"[^，。；,;]{0,20}$"
        ),
    )


@dataclass(frozen=True, slots=True)
class _Page:
    """A wrapped text, its lines with their roles, the margin width and whether the text
    indents the first line of its paragraphs."""

    text: str
    lines: Sequence[Line]
    roles: Sequence[Role]
    width: int
    indents: bool = False
    #: Per line: whether its marker continues the numbering before it (一、 二、 …), as
    #: opposed to a cross-reference the margin put at a line start (…依照本条例\n第六条规定).
    in_sequence: tuple[bool, ...] = ()
    #: Per line: the width of its indent.
    indent: tuple[int, ...] = ()
    #: Per line: whether it reaches the margin (two columns over: a comma or full stop the
    #: typesetter hung in the margin).
    full: tuple[bool, ...] = ()


def _page(text: str, lines: Sequence[Line], width: int) -> _Page:
    """The page of ``text``: each line's indent and width measured once."""
    indent = tuple(line.start - (text.rfind("\n", 0, line.start) + 1) for line in lines)
    cols = display_widths(
        [text[line.start - k : line.end] for line, k in zip(lines, indent, strict=True)]
    )
    low, high = width - _slack(width), width + 2
    page = _Page(
        text,
        lines,
        assign_roles(lines),
        width,
        in_sequence=_in_sequence(lines),
        indent=indent,
        full=tuple(low <= c <= high for c in cols),
    )
    return dataclasses.replace(page, indents=_indents_paragraphs(page))


def wrap_fixes(text: str) -> list[Fix]:
    """Joins of hard-wrapped body lines: the line break (and indent) at each seam removed, a
    space kept between two Latin letters or digits."""
    width = wrap_width(text)
    if width is None:
        return []
    lines = split_lines(text, to_simplified if detect_script(text) != "simplified" else None)
    page = _page(text, lines, width)
    fixes: list[Fix] = []
    i = 0
    while i < len(lines):
        chain = _chain(page, i)
        if len(chain) > 1:
            fixes.extend(_chain_fixes(text, lines, chain))
        i = chain[-1] + 1
    return fixes


def _in_sequence(lines: Sequence[Line]) -> tuple[bool, ...]:
    last: dict[str, int] = {}
    out: list[bool] = []
    for line in lines:
        m = line.marker
        if m is None or m.value is None:
            out.append(m is not None)
            continue
        before = last.get(m.style)
        fits = before is None or m.value in (1, before, before + 1)
        if fits:
            last[m.style] = m.value
        out.append(fits and not m.weak)
    return tuple(out)


def _marker_in_text(a: Line, b: Line) -> bool:
    """Whether what opens ``b`` like a marker is running text the margin cut: the end of a
    word (统 + 一、), a number followed by punctuation or digits (不高于 + 1.3。) or a line
    that closes a bracket it did not open (…以下为第九章、 + 第十章内容）)."""
    m = b.marker
    if m is None:
        return False
    if b.text[0] == "一" and a.text[-1] in _BEFORE_ONE:
        return True
    if m.body_start < len(b.text) and (
        b.text[m.body_start] in "，。、；,;." or b.text[m.body_start].isdigit()
    ):
        return True  # 1.3。 or a telephone number (06)2991111
    first_close = min((b.text.find(ch) for ch in "）)" if ch in b.text), default=-1)
    first_open = min((b.text.find(ch) for ch in "（(" if ch in b.text), default=len(b.text))
    return first_close >= m.end and first_close < first_open


def _indents_paragraphs(page: _Page) -> bool:
    """Whether plain paragraphs begin indented: those after a line that ends a sentence
    short of the margin (a paragraph's last line) are, nearly all of them."""
    lines, full = page.lines, page.full
    starts = [
        page.indent[i + 1] > 0
        for i, role in enumerate(page.roles[1:])
        if role.kind == "body"
        and lines[i + 1].marker is None
        and not _is_open(lines[i].text)
        and not full[i]
    ]
    return len(starts) >= 2 and sum(starts) >= 0.8 * len(starts)


def _chain(page: _Page, i: int) -> list[int]:
    """Indices of the lines of the paragraph starting at line ``i`` (just ``[i]`` if none
    follows); page-number lines between them are not in the list."""
    lines, roles = page.lines, page.roles
    chain = [i]
    while True:
        a = lines[chain[-1]]
        j = chain[-1] + 1
        while j < len(lines) and roles[j].name == "page_number":
            j += 1
        if j >= len(lines) or not _joins(page, chain[-1], j):
            return chain
        # A blank line ends a paragraph, except around a page number between its halves.
        if j == chain[-1] + 1 and "\n" in page.text[a.end : lines[j].start].replace("\n", "", 1):
            return chain
        chain.append(j)


# Closing lines that run on over several lines: 抄送 and the attachment list.
_RUN_ON_CLOSING = frozenset({"imprint", "attachment_list"})


def _joins(page: _Page, i: int, j: int) -> bool:
    """Whether line ``j`` continues line ``i``, broken off at the margin."""
    a, b = page.lines[i], page.lines[j]
    role_a, role_b = page.roles[i], page.roles[j]
    if role_a.doc != role_b.doc or "chrome" in (role_a.kind, role_b.kind) or not page.full[i]:
        return False
    # No line begins with a closing mark or a pause: one that does goes on from the line
    # above, in the frame as in the body (《…管理办法\n》已经市政府同意).
    if b.text[0] in _NO_LINE_START:
        return True
    if role_b.kind != "body":
        return False
    if _patterns().trailing_heading.search(a.text) or _is_frame(b):
        return False
    if b.marker is not None:
        # A marker out of the numbering's sequence after a line cut mid-sentence is text, as
        # is one that reads as text (telephone numbers come after a colon: 电话：\n（06）29…).
        if _marker_in_text(a, b):
            if not _is_open(a.text) and a.text[-1] not in "：:":
                return False
        elif page.in_sequence[j] or not _is_open(a.text):
            return False
    # A statute heading (第一章, 第一节) holding only its title ends there, however long the
    # title; items (一、 （一） 1.) run on into their text, 一、 too (Taiwanese 要點 use it so).
    if (
        a.marker is not None
        and a.marker.family in _TITLE_FAMILIES
        and not _patterns().sentence_end.search(a.text, a.marker.body_start)
    ):
        return False
    # A body name on a line of its own signs the document; at the margin it is running text.
    if is_signer_line(b.key) and not page.full[j]:
        return False
    # A continuation starts at the margin; a line indented deeper begins a new paragraph.
    indent_a, indent_b = page.indent[i], page.indent[j]
    if indent_b > indent_a:
        return False
    if role_a.kind == "body":
        # The margin can fall right after a full stop: in a text that indents its paragraphs,
        # a line at the margin after it still reads on.
        return _is_open(a.text) or b.marker is not None or (page.indents and indent_b == 0)
    if role_a.name in _RUN_ON_CLOSING:
        return _is_open(a.text)
    # The first line of the body read as the last of the frame: the body's first paragraph
    # broke at the margin before its first punctuation. After 主送 it cannot be the title;
    # taken for the title, it must be indented like a paragraph to be believed.
    return (
        (role_a.name == "front" or (role_a.name == "title" and indent_a > indent_b))
        and _is_open(a.text)
        and j == i + 1
        and all(r.kind != "body" for r in page.roles[:i])
    )


def _is_frame(line: Line) -> bool:
    key = line.key
    return bool(
        parse_date(key) is not None
        or parse_doc_number(line.text) is not None
        or parse_info_line(line.text)
        or _patterns().frame_line.match(key)
    )


def _seam(before: str, after: str) -> str:
    """What joins two lines: nothing between Han characters or the digits of a number cut by
    the margin, a space between two Latin words."""
    if before.isdigit() and after.isdigit():
        return ""
    return (
        " " if before.isascii() and before.isalnum() and after.isascii() and after.isalnum() else ""
    )


def _chain_fixes(text: str, lines: Sequence[Line], chain: list[int]) -> list[Fix]:
    """One fix per seam; from the first seam with page numbers on, one fix that joins the
    rest of the paragraph and puts the page-number lines after it."""
    fixes: list[Fix] = []
    for k in range(1, len(chain)):
        a, b = lines[chain[k - 1]], lines[chain[k]]
        if chain[k] == chain[k - 1] + 1:
            fixes.append(Fix(a.end, b.start, _seam(a.text[-1], b.text[0])))
            continue
        parts: list[str] = []
        pages: list[str] = []
        for m in range(k, len(chain)):
            prev, cur = lines[chain[m - 1]], lines[chain[m]]
            parts.append(_seam(prev.text[-1], cur.text[0]) + cur.text)
            pages.extend(line.text for line in lines[chain[m - 1] + 1 : chain[m]])
        after = "".join(parts) + "".join("\n" + page for page in pages)
        fixes.append(Fix(a.end, lines[chain[-1]].end, after))
        break
    return fixes
