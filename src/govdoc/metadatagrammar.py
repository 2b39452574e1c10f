"""The Lark side of :mod:`govdoc.metadata`: ``grammars/metadata.lark`` parsed into values.

The grammar is the specification of 发文字号 and dates. :mod:`govdoc.metadata` reads the
commonest forms without it (checked equal to this module's answer by exhaustive and property
tests) and imports this module, and with it Lark, only for the others. Lark's exceptions never
leave this module.
"""

from __future__ import annotations

import datetime
import functools
from typing import Any

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import LarkError

from .commonmetadata import CN_DIGIT, DocNumberParts
from .grammar import load_grammar

__all__ = ["grammar_parse", "parser"]


def _roc_year(text: str) -> int:
    """A 民國 year: Arabic digits, or Chinese numerals with 百 and 十 (一百十二, 九十八)."""
    if text.isdigit():
        return int(text)  # int() reads full-width digits too
    total, unit = 0, 0
    for ch in text:
        if ch == "百":
            total, unit = total + 100 * max(unit, 1), 0
        elif ch == "十":
            total, unit = total + 10 * max(unit, 1), 0
        else:
            unit = CN_DIGIT.get(ch, 0)
    return total + unit


@v_args(inline=True)
class _ToValue(Transformer[Token, Any]):
    """Parse tree → value. Runs inside the LALR parser (``transformer=``), so no tree is built.

    Impossible dates come back as None instead of raising, so that an exception from a
    callback (which Lark would wrap) can never escape.
    """

    def bracketed(self, issuer: Token, *rest: Token) -> DocNumberParts:
        year = next(t for t in rest if t.type == "YEAR")
        serial = next(t for t in rest if t.type == "SERIAL")
        # int() reads full-width digits too
        return DocNumberParts(str(issuer), int(year), int(serial))

    def order(self, issuer: Token, ling: Token, *rest: Token) -> DocNumberParts:
        serial = next(t for t in rest if t.type == "SERIAL")
        return DocNumberParts(f"{issuer}{ling}", None, int(serial))

    def ymd_arabic(self, *tokens: Token) -> tuple[int, ...]:
        return tuple(int(t) for t in tokens if t.type in ("YEAR", "NUM"))

    def ymd_cn(self, y: Token, _n: Token, m: int, _y: Token, d: int, _r: Token) -> tuple[int, ...]:
        return int("".join(str(CN_DIGIT[c]) for c in str(y))), m, d

    def ymd_roc(self, _roc: Token, y: Token, _n: Token, m: int, *rest: Any) -> tuple[int, ...]:
        return _roc_year(str(y)) + 1911, m, rest[1]

    def md_num(self, value: Token | int) -> int:
        return int(value)

    def cn_unit(self, unit: Token) -> int:
        return CN_DIGIT[str(unit)]

    def cn_teen(self, _shi: Token, unit: Token | None = None) -> int:
        return 10 + (CN_DIGIT[str(unit)] if unit is not None else 0)

    def cn_tens(self, tens: Token, _shi: Token, unit: Token | None = None) -> int:
        return 10 * CN_DIGIT[str(tens)] + (CN_DIGIT[str(unit)] if unit is not None else 0)

    def clock(self, *tokens: Token) -> bool:
        h, m, *s = (int(t) for t in tokens if t.type == "NUM")
        return h < 24 and m < 60 and all(x < 60 for x in s)

    def date(self, ymd: tuple[int, int, int], clock_ok: bool = True) -> datetime.date | None:
        if not clock_ok:
            return None
        try:
            return datetime.date(*ymd)
        except ValueError:  # 2月30日, month 13 …
            return None


@functools.lru_cache(maxsize=1)
def parser() -> Lark:
    """The metadata grammar, loaded on first use (tables cached on disk, see
    :mod:`govdoc.grammar`); the Lark object is not mutated by parsing."""
    return load_grammar("metadata.lark", start=["doc_number", "date"], transformer=_ToValue())


def grammar_parse(text: str, start: str) -> Any:
    """The value of ``text`` by rule ``start`` (``doc_number`` or ``date``), or None."""
    try:
        return parser().parse(text, start=start)
    except LarkError:
        return None
