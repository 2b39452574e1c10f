"""One line's numbering marker read in full: the grammar's parse of the line's head, and the
tests around it (Markdown decoration, quantities such as 1.5亿元, weak items, statute
sub-articles).

:func:`read_line` is the reference reading. :func:`govdoc.numbering.match_marker` answers
most lines from their leading run of marker characters instead (the same answer, memoised);
the heads are read by :mod:`govdoc.markerheads` with the grammar's answer, the rarer ones by
Lark (:mod:`govdoc.numbergrammar`, imported on first need).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .markerheads import DIGITS, ParsedHead, common_head
from .slotinit import slot_init

__all__ = [
    "DECIMALS",
    "DECORATION_FIRST",
    "DECORATION_LAST",
    "FAMILIES",
    "FIRST",
    "MARKER_CHARS",
    "MARKER_LEADS",
    "PREFIX",
    "MarkerMatch",
    "char_ranges",
    "parse_head",
    "read_line",
    "strip_decoration",
]

#: style → family. A family groups the styles a careless writer mixes for one level.
FAMILIES: dict[str, str] = {
    "cn_dun": "top",
    "ordinal_comma": "top",
    "cn_paren": "bracket",
    "ar_paren": "bracket",
    "latin_paren": "bracket",
    "ar_dot": "arabic",
    "ar_dun": "arabic",
    "ar_half": "ar_half",
    "latin_dot": "latin_dot",
    "circled": "circled",
    "book": "book",
    "chapter": "chapter",
    "section": "section",
    "article": "article",
    "clause": "clause",
    "part": "part",
    "decimal2": "decimal2",
    "decimal3": "decimal3",
    "decimal4": "decimal4",
    "dash": "dash",
    "bullet": "bullet",
}


def char_ranges(bounds: str) -> str:
    """The characters of the ranges given as pairs of first and last character."""
    pairs = zip(bounds[::2], bounds[1::2], strict=True)
    return "".join(chr(c) for first, last in pairs for c in range(ord(first), ord(last) + 1))


# Characters a marker can begin with. Everything else is a paragraph without parsing.
FIRST = frozenset(
    "一二三四五六七八九十两壹贰叁肆伍陆柒捌玖拾貳參陸〇零○第(（—―－●■◆▲★•▪►◇□◎"
    + char_ranges("09０９azAZａｚＡＺ\u2460\u249b\u3220\u3229\u2776\u277f")
)
# Markdown and HTML wrapping that converted documents put around a line. The marker is found
# after it; the title excludes it; the text keeps it.
_DECORATION = re.compile(r"(?:\s+|<!--.*?-->|#{1,6}(?=\s)|>|[-*+](?=\s)|\*\*|__|\*(?=\S))*")
_TRAILING_DECORATION = re.compile(r"(?:\s|\*\*|__|<!--.*?-->)+$")
DECORATION_FIRST = frozenset("<#>-*+_")
#: What a line's first character must be for match_marker to find a marker: the first
#: character of a marker, of Markdown/HTML decoration, or a space.
MARKER_LEADS = FIRST | DECORATION_FIRST
DECORATION_LAST = frozenset("*_>")
# Characters that make "1.5" a quantity when they follow it directly: 1.5亿元, 2.3%, 1.2倍.
_QUANTITY_UNITS = frozenset("亿万千百十元角分%％‰倍个项件家人次年月日号米克吨公顷亩平方立里度秒")
# Styles made of an Arabic number and a point: a digit glued after them continues a number.
_ARABIC_LEAD = frozenset({"ar_dot", "ar_dun", "ar_half"})
DECIMALS = frozenset({"decimal2", "decimal3", "decimal4"})
_BARE_NUMERAL_CHARS = frozenset("一二三四五六七八九十百零〇两壹贰叁肆伍陆柒捌玖拾佰")
_BARE_NUMERAL_MAX = 5


@functools.cache
def _sub_article() -> re.Pattern[str]:
    # Compiled on first need: 第五条之一 is rare.
    return re.compile(r"之([一二三四五六七八九十]{1,3})")


_DASHES = frozenset("—―－")  # the DASH terminal of grammars/numbering.lark
# Only the first few dozen characters can hold a marker; parsing the whole line would make a
# 10 MB single-line input quadratic in the number of attempts.
PREFIX = 48


@slot_init
@dataclass(frozen=True, slots=True)
class MarkerMatch:
    """Where and what the marker of a line is. Offsets are relative to the line."""

    style: str
    value: int | None
    start: int  # first character of the marker (after decoration)
    end: int  # one past the marker's last character
    body_start: int  # first character of the text after the marker (== len(line) if none)
    body_end: int  # end of the text, trailing decoration (``**``) excluded
    sub_value: int | None = None
    damaged: bool = False
    #: Kept only when the numbering around it expects it (``2.2024年起…`` in an open 1. list).
    weak: bool = False

    @property
    def family(self) -> str:
        return FAMILIES[self.style]


def strip_decoration(line: str) -> int:
    """Offset of the first character after Markdown/HTML decoration and indentation."""
    if line and line[0] not in DECORATION_FIRST and not line[0].isspace():
        return 0  # every alternative of _DECORATION begins with a space or one of these
    m = _DECORATION.match(line)
    return m.end() if m else 0


def _decoration_start(line: str, pos: int) -> int:
    """Where trailing decoration (spaces, ``**``, ``__``, comments) at or after ``pos`` begins,
    else ``len(line)``."""
    # A match of _TRAILING_DECORATION ends the line with a space, *, _ or > (``$`` also matches
    # before a final newline, a space too), so other lines need no search.
    if line and line[-1] not in DECORATION_LAST and not line[-1].isspace():
        return len(line)
    trail = _TRAILING_DECORATION.search(line, pos)
    return trail.start() if trail else len(line)


# Every character a marker is made of. The grammar's answer depends only on the run of these
# at a line's start and on whether text follows (any other character can only begin the REST
# terminal), so the run plus one stand-in character is a cache key that "（一）" lines of every
# document share.
MARKER_CHARS = re.compile(
    r"[0-9０-９a-zA-Zａ-ｚＡ-Ｚ一二三四五六七八九十两壹贰叁肆伍陆柒捌玖拾佰貳參陸百〇零○"
    r"第编章节条款編節條部分\-－—―(（)）、，,.．\ufffd\u2460-\u249b\u3220-\u3229"
    r"\u2776-\u277f●■◆▲★•▪►◇□◎ \t]*"
)


@functools.lru_cache(maxsize=8192)
def parse_head(head: str) -> tuple[ParsedHead, int | None] | None:
    """The grammar's parse of a line head (see MARKER_CHARS), or None when it is no marker."""
    common = common_head(head)
    if not isinstance(common, str):  # a parse or None, not UNKNOWN
        return common
    from .numbergrammar import grammar_parse  # Lark is imported only for rarer heads

    return grammar_parse(head)


def read_line(line: str) -> MarkerMatch | None:
    """The numbering marker ``line`` begins with, after any decoration, or None (what
    :func:`govdoc.numbering.match_marker` answers, read without its shortcuts)."""
    start = strip_decoration(line)
    if start >= len(line) or line[start] not in FIRST:
        return None
    # Trailing spaces of a cut prefix would be a tail without text, which the grammar rejects.
    stop = min(len(line), start + PREFIX)
    while line[stop - 1].isspace():  # as str.rstrip; line[start] is no space
        stop -= 1
    run = MARKER_CHARS.match(line, start, stop)
    run_end = run.end() if run else start
    head = line[start:stop] if run_end == stop else line[start:run_end] + "文"
    parsed_tail = parse_head(head)
    if parsed_tail is None:
        return _bare_numeral(line, start)
    parsed, tail = parsed_tail
    end = start + parsed.end
    if tail is None:
        body_start = len(line)
        if start + PREFIX < len(line):
            # The parse saw only the prefix: the marker or the spaces after it may run on.
            if parsed.style == "dash":
                while end < len(line) and line[end] in _DASHES:
                    end += 1
            elif end >= start + PREFIX:
                return None  # a 48-character "marker" (1.1.1.… to depth 1000) is text
            body_start = end
            while body_start < len(line) and line[body_start].isspace():
                body_start += 1
    else:
        body_start = start + tail
        after = line[body_start]
        if after in "*_<":  # "**第一条** 为了": emphasis closes
            body_start += strip_decoration(line[body_start:])
        elif after.isdigit() and body_start == end and parsed.style in _ARABIC_LEAD:
            # "1.5亿元" as 1. + "5亿元", "3、4号楼" are text; "2.2024年起" may be an item
            # (weak). After 一、 or （一） a number is just the start of the title: 一、2023年.
            if parsed.style != "ar_dot" or not _weak_ok(line, end - 1):
                return None
            return MarkerMatch("ar_dot", parsed.value, start, end, body_start, len(line), weak=True)
    sub = parsed.sub_value
    if parsed.style == "article" and sub is None and line.startswith("之", end):
        m = _sub_article().match(line, end)
        if m and m.end() < len(line) and not line[m.end()].isalnum():
            sub = DIGITS.get(m.group(1)) if len(m.group(1)) == 1 else None
            end = body_start = m.end()
            while body_start < len(line) and line[body_start].isspace():
                body_start += 1
    body_end = _decoration_start(line, body_start)
    if parsed.style in DECIMALS:
        return _check_decimal(line, parsed, start, end, body_start, body_end)
    return MarkerMatch(
        parsed.style,
        parsed.value,
        start,
        end,
        body_start,
        max(body_start, body_end),
        sub,
        parsed.damaged,
    )


def _bare_numeral(line: str, start: int) -> MarkerMatch | None:
    """ "## 三" — a top-level numeral whose 、 was lost in conversion. Weak: kept only where it
    continues an open 一、 sequence, so a lone 一 elsewhere stays text."""
    if line[start] not in _BARE_NUMERAL_CHARS:
        return None  # the common case, without looking at the end of the line
    end = _decoration_start(line, start)
    if not (
        0 < end - start <= _BARE_NUMERAL_MAX and _BARE_NUMERAL_CHARS.issuperset(line[start:end])
    ):
        return None  # one to five numeral characters up to the decoration
    parsed_tail = parse_head(line[start:end] + "、")
    if parsed_tail is None:
        return None
    parsed = parsed_tail[0]
    return MarkerMatch("cn_dun", parsed.value, start, end, len(line), len(line), weak=True)


def _check_decimal(
    line: str, parsed: ParsedHead, start: int, end: int, body_start: int, body_end: int
) -> MarkerMatch | None:
    """1.1 is a section number only when a space or the end of the line follows it; otherwise
    ``2.2024年起`` is the item 2. beginning with a number (weak) and ``1.5亿元`` is text."""
    if body_start >= len(line) or body_start > end or line[body_start] not in _QUANTITY_UNITS:
        return MarkerMatch(
            parsed.style, parsed.value, start, end, body_start, max(body_start, body_end)
        )
    dot = next(i for i in range(start, end) if line[i] in ".．")
    return (
        MarkerMatch(
            "ar_dot",
            int(line[start:dot]),
            start,
            dot + 1,
            dot + 1,
            max(dot + 1, body_end),
            weak=True,
        )
        if _weak_ok(line, dot)
        else None
    )


def _weak_ok(line: str, dot: int) -> bool:
    # "2.2024年起" : an item whose text starts with a year or quantity. "1.5亿元" : a decimal.
    m = re.match(r"[0-9]{4}年", line[dot + 1 : dot + 6])
    return m is not None
