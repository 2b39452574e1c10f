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
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from .anatomy import Role, assign_roles
from .front import is_signer_line
from .lines import Line, split_lines
from .metadata import parse_date, parse_doc_number, parse_info_line
from .mojibake import Fix
from .script import detect_script, to_simplified

__all__ = ["wrap_fixes", "wrap_width"]

# A line ending in one of these ends a sentence (or a label): the line after it is new.
_CLOSING = "。！？；：…!?;:."
# Text lost to mis-decoding at a line end may have been its full stop: not a line to join.
_UNKNOWN_END = "\ufffd?"
# A closing bracket or quote ends a sentence only after one of the above (…实现。” or a note
# line （此件公开发布。）): 各县（区） and “放管服” are read on.
_CLOSERS = "”」』）)"
_NOTE_LINE = re.compile(r"[（(][^）)]*[）)]")
_MIN_WIDTH = 24  # display columns (12 Han characters): narrower lines say nothing of a margin
_MIN_FULL_LINES = 3
_DETECT_SLACK = 4
_FULL_SHARE = 0.3  # of the lines at least _MIN_WIDTH wide
_WIDER_SHARE = 0.1  # a wrapped text has (almost) no line wider than its margin
# Characters that make a word with a following 一: 统一, 唯一, 之一, 逐一 ….
_BEFORE_ONE = frozenset("统唯之同单划专逐万第")
_NO_LINE_START = frozenset("》〉）)”’」』】〕，。、；：！？,;:!?")
_SENTENCE_END = re.compile(r"[。！？；!?;]")
_TITLE_FAMILIES = frozenset({"part", "book", "chapter", "section"})
_FRAME_LINE = re.compile(r"^(?:附\s*件|抄\s*送|抄\s*报|印\s*发)")
# A heading glued to the end of a sentence ("…落到实处。三、保障措施") ends that line itself.
_TRAILING_HEADING = re.compile(
    r"[。！？；]\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十百零〇]+[章节])"
    r"[^，。；,;]{0,20}$"
)


_WIDE_RANGES = "\u3000-\u303e\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff\uff01-\uff60"
_SURELY_WIDE_RUN = re.compile(f"[{_WIDE_RANGES}]+")
# Once the characters above are deleted, the ones left at or above U+1100 may be wide.
_MAYBE_WIDE = re.compile("[^\x00-\u10ff]")
_LONG_LINE = re.compile(f"[^\\n]{{{_MIN_WIDTH // 2},}}")


def _width(line: str) -> int:
    """Display columns of ``line``: Han and full-width forms take two, as does each space of
    the indent (a U+3000 indent is an ASCII space once repaired)."""
    content = line.lstrip()
    body = content.rstrip()
    # Han, CJK punctuation and full-width forms are wide by definition: deleted by one regex
    # in C, the text is shorter by their number; only the other characters at or above
    # U+1100 need unicodedata.
    narrow = _SURELY_WIDE_RUN.sub("", body)
    cols = 2 * (len(line) - len(content)) + 2 * len(body) - len(narrow)
    for ch in _MAYBE_WIDE.findall(narrow):
        cols += unicodedata.east_asian_width(ch) in "WFA"
    return cols


@functools.lru_cache(maxsize=64)
def _any_of(chars: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(chars)}]+")


def _widths(lines: list[str]) -> list[int]:
    """:func:`_width` of each of ``lines`` (none holding "\\n"), counted in a few passes over
    them joined: with the wide characters deleted, a line is shorter by their number. That
    count must leave out the indent and trailing spaces, which it does as long as none of them
    is wide; U+3000 is the only wide space character (and a repaired text has none)."""
    joined = "\n".join(lines)
    if "\u3000" in joined:
        return [_width(line) for line in lines]
    narrow = _SURELY_WIDE_RUN.sub("", joined)
    # The other wide characters are few and of few kinds (“ ” — …): judged once each.
    maybe = set(_MAYBE_WIDE.findall(narrow))
    wide = "".join(sorted(ch for ch in maybe if unicodedata.east_asian_width(ch) in "WFA"))
    if wide:
        narrow = _any_of(wide).sub("", narrow)
    return [
        2 * (len(line) - len(line.lstrip())) + len(line.strip()) + len(line) - len(rest)
        for line, rest in zip(lines, narrow.split("\n"), strict=True)
    ]


def _is_open(line: str) -> bool:
    """Whether ``line`` stops in mid-sentence."""
    if not line or line[-1] in _CLOSING or line[-1] in _UNKNOWN_END:
        return False
    if line[-1] not in _CLOSERS:
        return True
    core = line.rstrip(_CLOSERS)
    return not (core and core[-1] in _CLOSING) and not _NOTE_LINE.fullmatch(line)


def _slack(width: int) -> int:
    # A line can end early by a pushed-down character pair or a Latin word that did not fit.
    return max(4, width // 10)


def wrap_width(text: str) -> int | None:
    """The margin width (display columns) ``text`` was hard-wrapped at, or None when it was
    not: at least three lines, and a good share of the wide ones, end open within a few
    columns of one width, and hardly any line is wider."""
    # Only lines of _MIN_WIDTH // 2 characters or more can be _MIN_WIDTH columns wide; the
    # regex engine finds them (whole lines: maximal runs without "\n").
    long_lines = _LONG_LINE.findall(text)
    open_rows = [row for row, line in enumerate(long_lines) if _is_open(line.strip())]
    if len(open_rows) < _MIN_FULL_LINES:  # the fast path: ordinary text stops here
        return None
    # The margin's lines are open ones, and a line of _MIN_WIDTH characters between its first
    # and last visible one is at least as many columns wide: when too few lines are open for
    # the share of the wide lines asked below, no margin can have it (most texts).
    wide_enough = sum(1 for line in long_lines if len(line.strip()) >= _MIN_WIDTH)
    if len(open_rows) < _FULL_SHARE * wide_enough:
        return None
    all_widths: list[int] | None = None
    if 2 * len(open_rows) < len(long_lines):  # few open lines: judge them alone first
        open_widths = _widths([long_lines[row] for row in open_rows])
    else:
        all_widths = _widths(long_lines)
        open_widths = [all_widths[row] for row in open_rows]
    open_widths = sorted(w for w in open_widths if w >= _MIN_WIDTH)
    best, best_count = 0, 0
    for w in set(open_widths):
        # open_widths is sorted: the lines within the slack below w, by bisection (a scan per
        # candidate width would make long texts quadratic).
        # Lines broken at a margin end within a Han character or two of it.
        count = bisect_right(open_widths, w) - bisect_left(open_widths, w - _DETECT_SLACK)
        if (count, w) > (best_count, best):
            best, best_count = w, count
    if best_count < _MIN_FULL_LINES or best_count < _FULL_SHARE * wide_enough:
        return None
    if all_widths is None:
        all_widths = _widths(long_lines)
    widths = [w for w in all_widths if w >= _MIN_WIDTH]
    if best_count < _FULL_SHARE * len(widths):
        return None
    wider = sum(1 for w in widths if w > best + _slack(best))
    return best if wider <= _WIDER_SHARE * len(widths) else None


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

    def indent(self, line: Line) -> int:
        return line.start - (self.text.rfind("\n", 0, line.start) + 1)

    def full(self, line: Line) -> bool:
        """Whether ``line`` reaches the margin (two columns over: a comma or full stop the
        typesetter hung in the margin)."""
        cols = _width(self.text[line.start - self.indent(line) : line.end])
        return self.width - _slack(self.width) <= cols <= self.width + 2


def wrap_fixes(text: str) -> list[Fix]:
    """Joins of hard-wrapped body lines: the line break (and indent) at each seam removed, a
    space kept between two Latin letters or digits."""
    width = wrap_width(text)
    if width is None:
        return []
    lines = split_lines(text, to_simplified if detect_script(text) != "simplified" else None)
    page = _Page(text, lines, assign_roles(lines), width)
    page = dataclasses.replace(
        page, indents=_indents_paragraphs(page), in_sequence=_in_sequence(lines)
    )
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
    starts = [
        page.indent(b) > 0
        for a, b, role in zip(page.lines, page.lines[1:], page.roles[1:], strict=False)
        if role.kind == "body" and b.marker is None and not _is_open(a.text) and not page.full(a)
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
    if role_a.doc != role_b.doc or "chrome" in (role_a.kind, role_b.kind) or not page.full(a):
        return False
    # No line begins with a closing mark or a pause: one that does goes on from the line
    # above, in the frame as in the body (《…管理办法\n》已经市政府同意).
    if b.text[0] in _NO_LINE_START:
        return True
    if role_b.kind != "body":
        return False
    if _TRAILING_HEADING.search(a.text) or _is_frame(b):
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
        and not _SENTENCE_END.search(a.text, a.marker.body_start)
    ):
        return False
    # A body name on a line of its own signs the document; at the margin it is running text.
    if is_signer_line(b.key) and not page.full(b):
        return False
    # A continuation starts at the margin; a line indented deeper begins a new paragraph.
    indent_a, indent_b = page.indent(a), page.indent(b)
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
        or _FRAME_LINE.match(key)
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
