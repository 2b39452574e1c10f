"""Marker heads read without the grammar: the values the grammar's terminals stand for, and
the commonest heads (一、 （一） 1. 第一条 ……) parsed by one regular expression.

:func:`common_head` gives :mod:`govdoc.numbering` the answer ``grammars/numbering.lark``
gives for the heads it knows, so that most lines never reach Lark, and :data:`UNKNOWN` for
the rest. ``tests/test_numbering_fast.py`` checks its answers against the grammar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "DIGITS",
    "UNIT_STYLES",
    "UNKNOWN",
    "ParsedHead",
    "common_head",
    "enclosed_value",
    "latin_value",
]

#: The UNIT terminal of the grammar → style.
UNIT_STYLES = {
    "编": "book",
    "章": "chapter",
    "节": "section",
    "條": "article",
    "条": "article",
    "款": "clause",
    "節": "section",
    "編": "book",
}
#: Chinese digit (CN_DIGIT) → value.
DIGITS = {
    c: i
    for i, chars in enumerate(
        ("", "一壹", "二两贰貳", "三叁參", "四肆", "五伍", "六陆陸", "七柒", "八捌", "九玖")
    )
    for c in chars
}


@dataclass(frozen=True, slots=True)
class ParsedHead:
    """The grammar's reading of a marker; offsets are relative to the line head."""

    style: str
    value: int | None
    end: int
    sub_value: int | None = None
    damaged: bool = False


def latin_value(ch: str) -> int:
    """Value of a Latin item letter (the LATIN terminal): a = 1."""
    return ord(ch.lower()) - ord("a") + 1 if ch.isascii() else ord(ch.lower()) - ord("ａ") + 1


def enclosed_value(ch: str) -> tuple[str, int]:
    """Style and value of an enclosed numeral (the ENCLOSED terminal)."""
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


#: The characters of a Chinese numeral (the CN_* terminals of the grammar).
_CN_NUMERAL_CHARS = "一二三四五六七八九两壹贰叁肆伍陆柒捌玖貳參陸十拾百佰〇零○"

# The characters a marker can end with (or, for 1.1, contain): every rule of the grammar has a
# token of them (DUN COMMA DOT RPAR UNIT PART ENCLOSED DASH BULLET), and the REST terminal can
# only follow a whole marker. A head without any of them is no marker: 一是, 2021年, （注.
# Nor is one that starts with two Latin letters (the LATIN terminal is a single letter).
_MARKER_STOPS = frozenset(
    "、，,.．)）编章节条款編節條分—―－●■◆▲★•▪►◇□◎"
    + "".join(
        chr(c) for c in (*range(0x2460, 0x249C), *range(0x3220, 0x322A), *range(0x2776, 0x2780))
    )
)
# The commonest heads, written as the grammar's terminals: an optional opening bracket or 第,
# a numeral, spaces, a closing token; or a dash run, an enclosed numeral, a bullet. _RULES then
# says which grammar rule (if any) that combination is. A Chinese numeral is taken as the
# whole run of numeral characters: no token that may follow a numeral is one of them.
_AR = "[0-9０-９]{1,3}+(?![0-9０-９])"  # AR_NUM
_COMMON_HEAD = re.compile(
    rf"""(?x)
      (?: (?P<open>[(（]|第) [ \t]*+ )?+
      (?: (?P<cn>[{_CN_NUMERAL_CHARS}]++)
        | (?P<ar>{_AR}) | (?P<latin>[a-zA-Zａ-ｚＡ-Ｚ]) | (?P<damaged>\ufffd) )
      [ \t]*+ (?P<close>[)）、，,.．编章节条款編節條]|部分)
    | (?P<dash>[—―－]{{2,}}+)
    | (?P<enclosed>[\u2460-\u249b\u3220-\u3229\u2776-\u277f])
    | (?P<bullet>[●■◆▲★•▪►◇□◎])
    """
)
# The grammar's terminal for each closing token of _COMMON_HEAD.
_CLOSE_TOKENS = {
    **dict.fromkeys(")）", "RPAR"),
    **dict.fromkeys("、", "DUN"),
    **dict.fromkeys("，,", "COMMA"),
    **dict.fromkeys(".．", "DOT"),
    **dict.fromkeys(UNIT_STYLES, "UNIT"),
    "部分": "PART",
}
# (opening, numeral, closing token) → the rule's style and whether the rule allows spaces
# inside the marker. cn_paren, ar_paren and damaged_paren may end with 、 (DUN?).
_RULES: dict[tuple[str, str, str], tuple[str, bool]] = {
    ("(", "cn", "RPAR"): ("cn_paren", True),
    ("(", "ar", "RPAR"): ("ar_paren", True),
    ("(", "damaged", "RPAR"): ("cn_paren", False),
    ("(", "latin", "RPAR"): ("latin_paren", False),
    ("", "cn", "DUN"): ("cn_dun", True),
    ("", "cn", "COMMA"): ("cn_dun", True),
    ("", "cn", "DOT"): ("cn_dun", True),
    ("", "ar", "DOT"): ("ar_dot", False),
    ("", "ar", "DUN"): ("ar_dun", False),
    ("", "ar", "COMMA"): ("ar_dun", False),
    ("", "ar", "RPAR"): ("ar_half", False),
    ("", "latin", "DOT"): ("latin_dot", False),
    **{
        ("第", num, tok): ("ordinal_comma", True)
        for num in ("cn", "ar")
        for tok in ("COMMA", "DUN")
    },
    **{("第", num, tok): ("unit", True) for num in ("cn", "ar") for tok in ("UNIT", "PART")},
}
_AR_NUM = re.compile(_AR)
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") | frozenset(
    chr(c) for c in (*range(ord("ａ"), ord("ｚ") + 1), *range(ord("Ａ"), ord("Ｚ") + 1))
)
#: common_head's answer for a head that is not one of the common forms: ask the grammar.
UNKNOWN = "unknown"


def _cn_value(numeral: str) -> int | None:
    """Value of a Chinese numeral as the grammar's cn_num reads it, None if it is not one."""
    if len(numeral) > 2 and numeral[1] in "百佰":  # cn_hundreds
        rest = numeral[2:]
        if rest[0] in "〇零○":  # rest_units
            low = DIGITS.get(rest[1]) if len(rest) == 2 else None
        else:  # rest_tens, rest_teens: a lone digit is not one
            low = _cn_tens(rest) if len(rest) > 1 or rest in "十拾" else None
        hundreds = DIGITS.get(numeral[0])
        return None if hundreds is None or low is None else hundreds * 100 + low
    if len(numeral) == 2 and numeral[1] in "百佰":
        hundreds = DIGITS.get(numeral[0])
        return None if hundreds is None else hundreds * 100
    if numeral in ("〇", "零", "○"):  # cn_zero
        return 0
    return _cn_tens(numeral)


def _cn_tens(numeral: str) -> int | None:
    """cn_units, cn_teens or cn_tens (1–99), None for anything else."""
    if len(numeral) == 1:
        return 10 if numeral in "十拾" else DIGITS.get(numeral)
    if numeral[0] in "十拾":  # cn_teens
        return 10 + DIGITS[numeral[1]] if len(numeral) == 2 and numeral[1] in DIGITS else None
    if len(numeral) <= 3 and numeral[0] in DIGITS and numeral[1] in "十拾":  # cn_tens
        if len(numeral) == 2:
            return DIGITS[numeral[0]] * 10
        units = DIGITS.get(numeral[2])
        return None if units is None else DIGITS[numeral[0]] * 10 + units
    return None


def _common_marker(m: re.Match[str]) -> ParsedHead | str | None:
    """The marker a _COMMON_HEAD match is, as the grammar reads it; None when no rule of the
    grammar fits (no rule has that closing token after that opening and numeral: 二十条,
    (1、, 第一) are no markers); UNKNOWN for the rarer cases left to the grammar."""
    end = m.end()
    kind = m.lastgroup  # the alternative that matched: dash, enclosed, bullet or close
    if kind == "dash" or kind == "bullet":
        return ParsedHead(kind, None, end)
    if kind == "enclosed":
        return ParsedHead(*enclosed_value(m[0]), end)
    opening, cn, ar, latin, close = m.group("open", "cn", "ar", "latin", "close")
    opening = "(" if opening in ("(", "（") else opening or ""
    numeral = "cn" if cn else "ar" if ar else "latin" if latin else "damaged"
    rule = _RULES.get((opening, numeral, _CLOSE_TOKENS[close]))
    if rule is None:
        return None
    style, spaces = rule
    if not spaces and (" " in m[0] or "\t" in m[0]):
        return UNKNOWN
    if opening == "(" and numeral != "latin" and m.string.startswith("、", end):
        end += 1  # cn_paren, ar_paren and damaged_paren end with DUN?
    if cn:
        value = _cn_value(cn)
        if value is None:
            return UNKNOWN
    elif ar:
        value = int(ar)
    elif latin:
        value = latin_value(latin)
    else:
        return ParsedHead(style, None, end, damaged=True)
    if style == "unit":
        style = "part" if close == "部分" else UNIT_STYLES[close]
    return ParsedHead(style, value, end)


def common_head(head: str) -> tuple[ParsedHead, int | None] | str | None:
    """The grammar's parse of ``head`` when it is one of the common forms, else UNKNOWN."""
    if _MARKER_STOPS.isdisjoint(head) or (head[:1] in _LATIN and head[1:2] in _LATIN):
        return None
    m = _COMMON_HEAD.match(head)
    if m is None:
        return UNKNOWN
    parsed = _common_marker(m)
    if not isinstance(parsed, ParsedHead):
        return parsed  # no marker, or UNKNOWN
    # After the marker: tail: WS? REST.
    tail = parsed.end
    while tail < len(head) and head[tail] in " \t":
        tail += 1
    if tail == len(head):
        # Spaces without text after them: the grammar rejects (match_marker never asks).
        return UNKNOWN if tail > parsed.end else (parsed, None)
    if tail == parsed.end and parsed.style == "ar_dot" and _AR_NUM.match(head, tail):
        # A number glued to "1." is read by the AR_NUM terminal (1.1, a decimal), unless it
        # has four or more digits, which AR_NUM refuses and REST takes (1.2024年).
        return UNKNOWN
    return parsed, tail
