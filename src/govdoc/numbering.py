"""Numbering markers: the Lark grammar in ``grammars/numbering.lark`` applied to one line.

:func:`match_marker` answers "does this line begin with a numbering marker, and which?". It
reads Markdown decoration through (``#``, ``>``, ``**``, list dashes, HTML comments), runs a
cheap first-character test so that ordinary paragraphs never reach the parser, and turns
Lark's parse into a :class:`MarkerMatch`. Lark's exceptions never leave this module.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from lark import Lark, Token, Transformer
from lark.exceptions import LarkError

from .grammar import load_grammar

__all__ = [
    "FAMILIES",
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

_UNIT_STYLES = {
    "编": "book",
    "章": "chapter",
    "节": "section",
    "條": "article",
    "条": "article",
    "款": "clause",
    "節": "section",
    "編": "book",
}
_DIGITS = {
    c: i
    for i, chars in enumerate(
        ("", "一壹", "二两贰貳", "三叁參", "四肆", "五伍", "六陆陸", "七柒", "八捌", "九玖")
    )
    for c in chars
}

# Characters a marker can begin with. Everything else is a paragraph without parsing.
_FIRST = re.compile(
    r"[一二三四五六七八九十两壹贰叁肆伍陆柒捌玖拾貳參陸〇零○第(（0-9０-９a-zA-Zａ-ｚＡ-Ｚ"
    r"\u2460-\u249b\u3220-\u3229\u2776-\u277f—―－●■◆▲★•▪►◇□◎]"
)
# Markdown and HTML wrapping that converted documents put around a line. The marker is found
# after it; the title excludes it; the text keeps it.
_DECORATION = re.compile(r"(?:\s+|<!--.*?-->|#{1,6}(?=\s)|>|[-*+](?=\s)|\*\*|__|\*(?=\S))*")
_TRAILING_DECORATION = re.compile(r"(?:\s|\*\*|__|<!--.*?-->)+$")
# Characters that make "1.5" a quantity when they follow it directly: 1.5亿元, 2.3%, 1.2倍.
_QUANTITY_UNITS = frozenset("亿万千百十元角分%％‰倍个项件家人次年月日号米克吨公顷亩平方立里度秒")
# Styles made of an Arabic number and a point: a digit glued after them continues a number.
_ARABIC_LEAD = frozenset({"ar_dot", "ar_dun", "ar_half"})
_BARE_NUMERAL = re.compile(r"[一二三四五六七八九十百零〇两壹贰叁肆伍陆柒捌玖拾佰]{1,5}")
_SUB_ARTICLE = re.compile(r"之([一二三四五六七八九十]{1,3})")
_DASHES = frozenset("—―－")  # the DASH terminal of grammars/numbering.lark
# Only the first few dozen characters can hold a marker; parsing the whole line would make a
# 10 MB single-line input quadratic in the number of attempts.
_PREFIX = 48


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


@dataclass(frozen=True, slots=True)
class _Parsed:
    style: str
    value: int | None
    end: int
    sub_value: int | None = None
    damaged: bool = False


class _ToMarker(Transformer[Token, Any]):
    """Inline transformer of the LALR parse: numerals to ints, rules to :class:`_Parsed`."""

    def cn_units(self, c: list[Token]) -> int:
        return _DIGITS[c[0]]

    def cn_zero(self, c: list[Token]) -> int:
        return 0

    def cn_teens(self, c: list[Token]) -> int:
        return 10 + (_DIGITS[c[1]] if len(c) > 1 else 0)

    def cn_tens(self, c: list[Token]) -> int:
        return _DIGITS[c[0]] * 10 + (_DIGITS[c[2]] if len(c) > 2 else 0)

    def cn_hundreds(self, c: list[Any]) -> int:
        return _DIGITS[c[0]] * 100 + (c[2] if len(c) > 2 else 0)

    def rest_units(self, c: list[Token]) -> int:
        return _DIGITS[c[1]]

    rest_tens = cn_tens
    rest_teens = cn_teens

    def ar_num(self, c: list[Token]) -> int:
        return int(c[0])

    def sub_number(self, c: list[Token]) -> tuple[str, int]:
        return ("sub", int(c[1]))

    @staticmethod
    def _simple(style: str, c: list[Any]) -> _Parsed:
        return _Parsed(style, _value(c), _end(c[-1]))

    def cn_dun(self, c: list[Any]) -> _Parsed:
        return self._simple("cn_dun", c)

    def ordinal_comma(self, c: list[Any]) -> _Parsed:
        return self._simple("ordinal_comma", c)

    def cn_paren(self, c: list[Any]) -> _Parsed:
        return self._simple("cn_paren", c)

    def ar_paren(self, c: list[Any]) -> _Parsed:
        return self._simple("ar_paren", c)

    def ar_dot(self, c: list[Any]) -> _Parsed:
        return self._simple("ar_dot", c)

    def ar_dun(self, c: list[Any]) -> _Parsed:
        return self._simple("ar_dun", c)

    def ar_half(self, c: list[Any]) -> _Parsed:
        return self._simple("ar_half", c)

    def damaged_paren(self, c: list[Token]) -> _Parsed:
        return _Parsed("cn_paren", None, _end(c[-1]), damaged=True)

    def latin_paren(self, c: list[Token]) -> _Parsed:
        return _Parsed("latin_paren", _latin_value(c[1]), _end(c[-1]))

    def latin_dot(self, c: list[Token]) -> _Parsed:
        return _Parsed("latin_dot", _latin_value(c[0]), _end(c[-1]))

    def decimal(self, c: list[Any]) -> _Parsed:
        parts = [int(x) for x in c if x.type == "AR_NUM"]
        style = f"decimal{min(len(parts), 4)}"
        return _Parsed(style, parts[-1], _end(c[-1]))

    def unit(self, c: list[Any]) -> _Parsed:
        last: Token = c[-1]
        style = "part" if last.type == "PART" else _UNIT_STYLES[str(last)]
        value = _value(c)
        sub = next((x[1] for x in c if isinstance(x, tuple)), None)
        return _Parsed(style, value, _end(last), sub)

    def enclosed(self, c: list[Token]) -> _Parsed:
        return _Parsed(*_enclosed(str(c[0])), _end(c[0]))

    def dash(self, c: list[Token]) -> _Parsed:
        return _Parsed("dash", None, _end(c[0]))

    def bullet(self, c: list[Token]) -> _Parsed:
        return _Parsed("bullet", None, _end(c[0]))

    def tail(self, c: list[Token]) -> int:
        return c[-1].start_pos or 0

    def start(self, c: list[Any]) -> tuple[_Parsed, int | None]:
        return c[0], (c[1] if len(c) > 1 else None)


def _end(token: Token) -> int:
    """End offset of a token (Lark types it optional; the LALR lexer always sets it)."""
    return token.end_pos or 0


def _value(children: list[Any]) -> int:
    """The number among a rule's children: a transformed numeral or an AR_NUM token."""
    for x in children:
        if isinstance(x, Token):
            if x.type == "AR_NUM":
                return int(x)
        elif isinstance(x, int):
            return x
    raise ValueError("marker without a number")  # unreachable by the grammar


def _latin_value(ch: str) -> int:
    return ord(ch.lower()) - ord("a") + 1 if ch.isascii() else ord(ch.lower()) - ord("ａ") + 1


def _enclosed(ch: str) -> tuple[str, int]:
    code = ord(ch)
    if 0x2460 <= code <= 0x2473:  # ① … ⑳
        return "circled", code - 0x2460 + 1
    if 0x2474 <= code <= 0x2487:  # ⑴ … ⒇ read as (1)
        return "ar_paren", code - 0x2474 + 1
    if 0x2488 <= code <= 0x249B:  # ⒈ … ⒛ read as 1.
        return "ar_dot", code - 0x2488 + 1
    if 0x3220 <= code <= 0x3229:  # ㈠ … ㈩ read as （一）
        return "cn_paren", code - 0x3220 + 1
    return "circled", code - 0x2776 + 1  # ❶ … ❿


@functools.lru_cache(maxsize=1)
def _parser() -> Lark:
    # Loaded once per process on first use (tables cached on disk, see govdoc.grammar); the
    # Lark object is not mutated by parsing, so it is safe to share between threads.
    return load_grammar("numbering.lark", transformer=_ToMarker())


def strip_decoration(line: str) -> int:
    """Offset of the first character after Markdown/HTML decoration and indentation."""
    m = _DECORATION.match(line)
    return m.end() if m else 0


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
def _parse_head(head: str) -> tuple[_Parsed, int | None] | None:
    """The grammar's parse of a line head (see _MARKER_CHARS), or None when it is no marker."""
    try:
        result: Any = _parser().parse(head)
    except LarkError:
        return None
    parsed, tail = result
    return (parsed, tail) if isinstance(parsed, _Parsed) else None


def clear_caches() -> None:
    """Forget memoised matches (benchmarks call this so that a repeat run does not profit)."""
    match_marker.cache_clear()
    _parse_head.cache_clear()


# The same lines are matched by several stages (wrap repair, the line split) and recur across
# the pages of one site; a MarkerMatch is immutable, so a bounded cache can share it.
@functools.lru_cache(maxsize=4096)
def match_marker(line: str) -> MarkerMatch | None:
    """The numbering marker this line begins with, or None.

    A marker must be followed by text that does not begin with a digit (so ``1.5亿元`` and
    ``2021年`` are text), except that ``2.2024年起…`` is offered as a weak ``ar_dot`` match: the
    level inference keeps it only when an open ``1.`` list expects that value.
    """
    start = strip_decoration(line)
    if start >= len(line) or not _FIRST.match(line, start):
        return None
    # Trailing spaces of a cut prefix would be a tail without text, which the grammar rejects.
    prefix = line[start : start + _PREFIX].rstrip()
    run = _MARKER_CHARS.match(prefix)
    head = prefix if run is None or run.end() == len(prefix) else prefix[: run.end()] + "文"
    parsed_tail = _parse_head(head)
    if parsed_tail is None:
        return _bare_numeral(line, start)
    parsed, tail = parsed_tail
    end = start + parsed.end
    body_start = start + tail if tail is not None else len(line)
    if tail is None and start + _PREFIX < len(line):
        # The parse saw only the prefix: the marker or the spaces after it may run on.
        if parsed.style == "dash":
            while end < len(line) and line[end] in _DASHES:
                end += 1
        elif end >= start + _PREFIX:
            return None  # a 48-character "marker" (1.1.1.… to depth 1000) is text
        body_start = end
        while body_start < len(line) and line[body_start].isspace():
            body_start += 1
    if tail is not None and prefix[tail] in "*_<":  # "**第一条** 为了": emphasis closes
        body_start += strip_decoration(line[body_start:])
    glued_digit = tail is not None and prefix[tail].isdigit() and start + tail == end
    if glued_digit and parsed.style in _ARABIC_LEAD:
        # "1.5亿元" as 1. + "5亿元", "3、4号楼" are text; "2.2024年起" may be an item (weak).
        # After 一、 or （一） a number is just the start of the title: 一、2023年工作成效.
        if parsed.style != "ar_dot" or not _weak_ok(line, start + parsed.end - 1):
            return None
        return MarkerMatch("ar_dot", parsed.value, start, end, body_start, len(line), weak=True)
    sub = parsed.sub_value
    if parsed.style == "article" and sub is None:
        m = _SUB_ARTICLE.match(line, end)
        if m and m.end() < len(line) and not line[m.end()].isalnum():
            sub = _DIGITS.get(m.group(1)) if len(m.group(1)) == 1 else None
            end = body_start = m.end()
            while body_start < len(line) and line[body_start].isspace():
                body_start += 1
    trail = _TRAILING_DECORATION.search(line, body_start)
    body_end = trail.start() if trail else len(line)
    if parsed.style.startswith("decimal"):
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
    trail = _TRAILING_DECORATION.search(line, start)
    end = trail.start() if trail else len(line)
    if not _BARE_NUMERAL.fullmatch(line, start, end):
        return None
    try:
        result: Any = _parser().parse(line[start:end] + "、")
    except LarkError:
        return None
    parsed = result[0]
    return MarkerMatch("cn_dun", parsed.value, start, end, len(line), len(line), weak=True)


def _check_decimal(
    line: str, parsed: _Parsed, start: int, end: int, body_start: int, body_end: int
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
