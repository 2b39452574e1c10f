"""The commonest dates and 发文字号 read without the grammar, with the grammar's answer.

:mod:`govdoc.metadata` asks :func:`common_date` and :func:`common_doc_number` first: each reads
its common forms (2024年1月5日, 二〇二四年一月五日, 2024-01-05 10:00, 国办发〔2024〕3号,
国务院令第700号 …) with one regular expression written with the terminals of
``grammars/metadata.lark``, so that Lark is neither imported nor run for them, and answers
:data:`UNKNOWN` for anything else, which goes to the grammar (:mod:`govdoc.metadatagrammar`).
``tests/test_metadata_fast.py`` checks, exhaustively over short strings and by property
tests, that wherever these answer, the grammar gives the same value.
"""

from __future__ import annotations

import datetime
import functools
import re
from typing import Any, NamedTuple

__all__ = ["CN_DIGIT", "UNKNOWN", "DocNumberParts", "common_date", "common_doc_number"]


class DocNumberParts(NamedTuple):
    """The parts of a 发文字号 as the grammar reads them (its ``doc_number`` value)."""

    issuer_code: str
    year: int | None
    serial: int


#: A Chinese digit of a date (CN_YEAR, CN_UNIT of the grammar) → its value.
CN_DIGIT: dict[str, int] = dict(
    zip("〇○零OＯ一二三四五六七八九", (0, 0, 0, 0, 0, *range(1, 10)), strict=True)
)


# Why the readings are the grammar's:
# - the text is first mapped character for character onto ASCII stand-ins for the grammar's
#   classes (full-width digits, WS, the separators of a date, the brackets of a number): a
#   stand-in replaces only characters of the class it stands for, and the patterns then need
#   only ASCII classes, which compile in a fraction of the time of mixed ones (start-up);
# - WS is %ignored between tokens and allowed (as " *+") exactly there;
# - the contextual lexer takes the longest run a terminal allows (NUM: two digits, SERIAL: six),
#   which the possessive quantifiers reproduce: no backtracking into a shorter token;
# - every terminal in a fixed-width position (YEAR, CN_YEAR, separators, units) is one class;
# - ISSUER is a lazy run of CJK characters that stops where ``令?WS*第WS*digit`` or a non-CJK
#   character follows. In a run of CJK characters followed by an opening bracket (or by
#   令 WS* 第 WS* digits), no earlier position has a digit after 第, so ISSUER is the whole run.

#: The answer for a text that is not one of the common forms: ask the grammar.
UNKNOWN: Any = object()
_FULL_WIDTH_DIGITS = {chr(0xFF10 + i): str(i) for i in range(10)}
_WS_AS_SPACE = dict.fromkeys("\t\u3000\u00a0", " ")
_DATE_STAND_INS = str.maketrans(
    {**_FULL_WIDTH_DIGITS, **_WS_AS_SPACE, "－": "-", "．": ".", "／": "/", "：": ":"}
)
_DOC_NUMBER_STAND_INS = str.maketrans(
    {
        **_FULL_WIDTH_DIGITS,
        **_WS_AS_SPACE,
        **dict.fromkeys("〔【［（(﹝", "["),  # OPEN
        **dict.fromkeys("〕】］）)﹞", "]"),  # CLOSE
    }
)
_CLOCK = "(?: *+(?P<h>[0-9]{1,2}+) *+: *+(?P<mi>[0-9]{1,2}+)(?: *+: *+(?P<s>[0-9]{1,2}+))?)? *+"
_COMMON_DATE = re.compile(
    "(?P<year>[0-9]{4}) *+(?:年 *+(?P<m>[0-9]{1,2}+) *+月 *+(?P<d>[0-9]{1,2}+) *+(?:日|号)"
    "|(?P<sep>[-./]) *+(?P<m2>[0-9]{1,2}+) *+(?P=sep) *+(?P<d2>[0-9]{1,2}+))" + _CLOCK
)
_CN_YEAR_DIGITS = frozenset("〇○零OＯ一二三四五六七八九")
_COMMON_DOC_NUMBER = re.compile(
    "(?P<issuer>[^ \\[\\]0-9]++) *+\\[ *+(?P<year>[0-9]{4}) *+\\] *+(?:第 *+)?"
    "(?P<serial>[0-9]{1,6}+) *+(?:[号號] *+)?"
    "|(?P<order>[^ \\[\\]0-9]+?)令 *+第 *+(?P<order_serial>[0-9]{1,6}+) *+(?:[号號] *+)?"
)


@functools.cache
def _common_cn_date() -> re.Pattern[str]:
    """Dates in Chinese numerals (二〇二四年一月五日), compiled on first need: they are rare."""
    cn = "[一二三四五六七八九]"
    cn_num = f"{cn}(?:十{cn}?)?+|十{cn}?"  # cn_unit, cn_tens, cn_teen
    return re.compile(
        f"(?P<cn_year>[〇○零OＯ一二三四五六七八九]{{4}}) *+年 *+(?P<cn_m>{cn_num}) *+月"
        f" *+(?P<cn_d>{cn_num}) *+日" + _CLOCK
    )


def _cn_num(numeral: str) -> int:
    """The value of a month or day matched by _common_cn_date (一 … 九十九)."""
    if numeral[0] == "十":
        return 10 + (CN_DIGIT[numeral[1]] if len(numeral) > 1 else 0)
    if len(numeral) == 1:
        return CN_DIGIT[numeral]
    return CN_DIGIT[numeral[0]] * 10 + (CN_DIGIT[numeral[2]] if len(numeral) > 2 else 0)


def common_date(text: str) -> Any:
    """The grammar's ``date`` value of ``text`` when it is a common form, else UNKNOWN."""
    plain = text.translate(_DATE_STAND_INS)
    if text and text[0] in _CN_YEAR_DIGITS:
        m = _common_cn_date().fullmatch(plain)
    else:
        m = _COMMON_DATE.fullmatch(plain)
    if m is None:
        return UNKNOWN
    h, mi, s = m.group("h", "mi", "s")
    if h is not None and not (int(h) < 24 and int(mi) < 60 and (s is None or int(s) < 60)):
        return None  # the grammar's clock check
    if "year" in m.re.groupindex:
        ymd = (int(m["year"]), int(m["m"] or m["m2"]), int(m["d"] or m["d2"]))
    else:
        cn_year = int("".join(str(CN_DIGIT[c]) for c in m["cn_year"]))
        ymd = (cn_year, _cn_num(m["cn_m"]), _cn_num(m["cn_d"]))
    try:
        return datetime.date(*ymd)
    except ValueError:  # 2月30日, month 13 …
        return None


def common_doc_number(text: str) -> Any:
    """The grammar's ``doc_number`` value of ``text`` when it is a common form, else UNKNOWN."""
    m = _COMMON_DOC_NUMBER.fullmatch(text.translate(_DOC_NUMBER_STAND_INS))
    if m is None:
        return UNKNOWN
    issuer = m["issuer"] or m["order"]
    if min(issuer) < "\u3400" or max(issuer) > "\u9fff":
        return UNKNOWN  # ISSUER is CJK only (stand-ins are not CJK: the issuer is as written)
    if m["issuer"] is not None:
        return DocNumberParts(issuer, int(m["year"]), int(m["serial"]))
    return DocNumberParts(issuer + "令", None, int(m["order_serial"]))
