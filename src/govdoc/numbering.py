"""Numbering markers: the Lark grammar in ``grammars/numbering.lark`` applied to one line.

:func:`match_marker` answers "does this line begin with a numbering marker, and which?". It
reads Markdown decoration through (``#``, ``>``, ``**``, list dashes, HTML comments), runs a
cheap first-character test so that ordinary paragraphs never reach the parser, and turns the
grammar's parse of the line's head into a :class:`MarkerMatch`. The commonest heads are read
by :mod:`govdoc.markerheads` with the grammar's answer; the others by Lark
(:mod:`govdoc.numbergrammar`, imported on first need).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from .markerheads import DIGITS, ParsedHead, common_head
from .slotinit import slot_init

__all__ = [
    "FAMILIES",
    "MARKER_LEADS",
    "STYLES",
    "UNIT_RANKS",
    "MarkerMatch",
    "clear_caches",
    "match_marker",
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
STYLES: tuple[str, ...] = tuple(FAMILIES)

#: Statute units close lower-ranked ones (编 > 章 > 节 > 条): a 第二节 after 第五条 is the
#: 条's uncle, not its child, even though 条 was open most recently.
UNIT_RANKS: dict[str, int] = {"book": 1, "chapter": 2, "section": 3, "article": 4}


def _char_ranges(bounds: str) -> str:
    """The characters of the ranges given as pairs of first and last character."""
    pairs = zip(bounds[::2], bounds[1::2], strict=True)
    return "".join(chr(c) for first, last in pairs for c in range(ord(first), ord(last) + 1))


# Characters a marker can begin with. Everything else is a paragraph without parsing.
_FIRST = frozenset(
    "一二三四五六七八九十两壹贰叁肆伍陆柒捌玖拾貳參陸〇零○第(（—―－●■◆▲★•▪►◇□◎"
    + _char_ranges("09０９azAZａｚＡＺ\u2460\u249b\u3220\u3229\u2776\u277f")
)
# Markdown and HTML wrapping that converted documents put around a line. The marker is found
# after it; the title excludes it; the text keeps it.
_DECORATION = re.compile(r"(?:\s+|<!--.*?-->|#{1,6}(?=\s)|>|[-*+](?=\s)|\*\*|__|\*(?=\S))*")
_TRAILING_DECORATION = re.compile(r"(?:\s|\*\*|__|<!--.*?-->)+$")
_DECORATION_FIRST = frozenset("<#>-*+_")
#: What a line's first character must be for match_marker to find a marker: the first
#: character of a marker, of Markdown/HTML decoration, or a space.
MARKER_LEADS = _FIRST | _DECORATION_FIRST
_DECORATION_LAST = frozenset("*_>")
# Characters that make "1.5" a quantity when they follow it directly: 1.5亿元, 2.3%, 1.2倍.
_QUANTITY_UNITS = frozenset("亿万千百十元角分%％‰倍个项件家人次年月日号米克吨公顷亩平方立里度秒")
# Styles made of an Arabic number and a point: a digit glued after them continues a number.
_ARABIC_LEAD = frozenset({"ar_dot", "ar_dun", "ar_half"})
_DECIMALS = frozenset({"decimal2", "decimal3", "decimal4"})
_BARE_NUMERAL_CHARS = frozenset("一二三四五六七八九十百零〇两壹贰叁肆伍陆柒捌玖拾佰")
_BARE_NUMERAL = re.compile(f"[{''.join(sorted(_BARE_NUMERAL_CHARS))}]{{1,5}}")
_SUB_ARTICLE = re.compile(r"之([一二三四五六七八九十]{1,3})")
_DASHES = frozenset("—―－")  # the DASH terminal of grammars/numbering.lark
# Only the first few dozen characters can hold a marker; parsing the whole line would make a
# 10 MB single-line input quadratic in the number of attempts.
_PREFIX = 48


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
    if line and line[0] not in _DECORATION_FIRST and not line[0].isspace():
        return 0  # every alternative of _DECORATION begins with a space or one of these
    m = _DECORATION.match(line)
    return m.end() if m else 0


def _decoration_start(line: str, pos: int) -> int:
    """Where trailing decoration (spaces, ``**``, ``__``, comments) at or after ``pos`` begins,
    else ``len(line)``."""
    # A match of _TRAILING_DECORATION ends the line with a space, *, _ or > (``$`` also matches
    # before a final newline, a space too), so other lines need no search.
    if line and line[-1] not in _DECORATION_LAST and not line[-1].isspace():
        return len(line)
    trail = _TRAILING_DECORATION.search(line, pos)
    return trail.start() if trail else len(line)


# Every character a marker is made of. The grammar's answer depends only on the run of these
# at a line's start and on whether text follows (any other character can only begin the REST
# terminal), so the run plus one stand-in character is a cache key that "（一）" lines of every
# document share.
_MARKER_CHARS = re.compile(
    r"[0-9０-９a-zA-Zａ-ｚＡ-Ｚ一二三四五六七八九十两壹贰叁肆伍陆柒捌玖拾佰貳參陸百〇零○"
    r"第编章节条款編節條部分\-－—―(（)）、，,.．\ufffd\u2460-\u249b\u3220-\u3229"
    r"\u2776-\u277f●■◆▲★•▪►◇□◎ \t]*"
)


@functools.lru_cache(maxsize=8192)
def _parse_head(head: str) -> tuple[ParsedHead, int | None] | None:
    """The grammar's parse of a line head (see _MARKER_CHARS), or None when it is no marker."""
    common = common_head(head)
    if not isinstance(common, str):  # a parse or None, not UNKNOWN
        return common
    from .numbergrammar import grammar_parse  # Lark is imported only for rarer heads

    return grammar_parse(head)


def clear_caches() -> None:
    """Forget memoised matches (benchmarks call this so that a repeat run does not profit)."""
    _match_marker.cache_clear()
    _parse_head.cache_clear()


def match_marker(line: str) -> MarkerMatch | None:
    """The numbering marker this line begins with, or None.

    A marker must be followed by text that does not begin with a digit (so ``1.5亿元`` and
    ``2021年`` are text), except that ``2.2024年起…`` is offered as a weak ``ar_dot`` match: the
    level inference keeps it only when an open ``1.`` list expects that value.
    """
    if line and line[0] not in MARKER_LEADS and not line[0].isspace():
        return None  # most paragraphs: neither decoration nor a marker can start here
    return _match_marker(line)


# The same lines are matched by several stages (wrap repair, the line split) and recur across
# the pages of one site; a MarkerMatch is immutable, so a bounded cache can share it.
@functools.lru_cache(maxsize=4096)
def _match_marker(line: str) -> MarkerMatch | None:
    """match_marker for a line that may begin with decoration or a marker."""
    start = strip_decoration(line)
    if start >= len(line) or line[start] not in _FIRST:
        return None
    # Trailing spaces of a cut prefix would be a tail without text, which the grammar rejects.
    stop = min(len(line), start + _PREFIX)
    while line[stop - 1].isspace():  # as str.rstrip; line[start] is no space
        stop -= 1
    run = _MARKER_CHARS.match(line, start, stop)
    run_end = run.end() if run else start
    head = line[start:stop] if run_end == stop else line[start:run_end] + "文"
    parsed_tail = _parse_head(head)
    if parsed_tail is None:
        return _bare_numeral(line, start)
    parsed, tail = parsed_tail
    end = start + parsed.end
    if tail is None:
        body_start = len(line)
        if start + _PREFIX < len(line):
            # The parse saw only the prefix: the marker or the spaces after it may run on.
            if parsed.style == "dash":
                while end < len(line) and line[end] in _DASHES:
                    end += 1
            elif end >= start + _PREFIX:
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
        m = _SUB_ARTICLE.match(line, end)
        if m and m.end() < len(line) and not line[m.end()].isalnum():
            sub = DIGITS.get(m.group(1)) if len(m.group(1)) == 1 else None
            end = body_start = m.end()
            while body_start < len(line) and line[body_start].isspace():
                body_start += 1
    body_end = _decoration_start(line, body_start)
    if parsed.style in _DECIMALS:
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
    if not _BARE_NUMERAL.fullmatch(line, start, end):
        return None
    parsed_tail = _parse_head(line[start:end] + "、")
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


def __getattr__(name: str) -> Any:
    # The grammar's transformer lives with Lark in govdoc.numbergrammar (imported on demand).
    if name == "_ToMarker":
        from . import numbergrammar

        return numbergrammar._ToMarker
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
