"""The Lark side of :mod:`govdoc.numbering`: ``grammars/numbering.lark`` parsed into a
:class:`~govdoc.markerheads.ParsedHead`.

The grammar is the specification of numbering markers. :mod:`govdoc.markerheads` answers the
commonest line heads without it (checked equal to this module's answer by property tests);
:mod:`govdoc.numbering` imports this module, and with it Lark, only for the other heads.
Lark's exceptions never leave this module.
"""

from __future__ import annotations

import functools
from typing import Any

from lark import Lark, Token, Transformer
from lark.exceptions import LarkError

from .grammar import load_grammar
from .markerheads import DIGITS, UNIT_STYLES, ParsedHead, enclosed_value, latin_value

__all__ = ["grammar_parse"]


class _ToMarker(Transformer[Token, Any]):
    """Inline transformer of the LALR parse: numerals to ints, rules to :class:`ParsedHead`."""

    def cn_units(self, c: list[Token]) -> int:
        return DIGITS[c[0]]

    def cn_zero(self, c: list[Token]) -> int:
        return 0

    def cn_teens(self, c: list[Token]) -> int:
        return 10 + (DIGITS[c[1]] if len(c) > 1 else 0)

    def cn_tens(self, c: list[Token]) -> int:
        return DIGITS[c[0]] * 10 + (DIGITS[c[2]] if len(c) > 2 else 0)

    def cn_hundreds(self, c: list[Any]) -> int:
        return DIGITS[c[0]] * 100 + (c[2] if len(c) > 2 else 0)

    def rest_units(self, c: list[Token]) -> int:
        return DIGITS[c[1]]

    rest_tens = cn_tens
    rest_teens = cn_teens

    def ar_num(self, c: list[Token]) -> int:
        return int(c[0])

    def sub_number(self, c: list[Token]) -> tuple[str, int]:
        return ("sub", int(c[1]))

    @staticmethod
    def _simple(style: str, c: list[Any]) -> ParsedHead:
        return ParsedHead(style, _value(c), _end(c[-1]))

    def cn_dun(self, c: list[Any]) -> ParsedHead:
        return self._simple("cn_dun", c)

    def ordinal_comma(self, c: list[Any]) -> ParsedHead:
        return self._simple("ordinal_comma", c)

    def cn_paren(self, c: list[Any]) -> ParsedHead:
        return self._simple("cn_paren", c)

    def ar_paren(self, c: list[Any]) -> ParsedHead:
        return self._simple("ar_paren", c)

    def ar_dot(self, c: list[Any]) -> ParsedHead:
        return self._simple("ar_dot", c)

    def ar_dun(self, c: list[Any]) -> ParsedHead:
        return self._simple("ar_dun", c)

    def ar_half(self, c: list[Any]) -> ParsedHead:
        return self._simple("ar_half", c)

    def damaged_paren(self, c: list[Token]) -> ParsedHead:
        return ParsedHead("cn_paren", None, _end(c[-1]), damaged=True)

    def latin_paren(self, c: list[Token]) -> ParsedHead:
        return ParsedHead("latin_paren", latin_value(c[1]), _end(c[-1]))

    def latin_dot(self, c: list[Token]) -> ParsedHead:
        return ParsedHead("latin_dot", latin_value(c[0]), _end(c[-1]))

    def decimal(self, c: list[Any]) -> ParsedHead:
        parts = [int(x) for x in c if x.type == "AR_NUM"]
        style = f"decimal{min(len(parts), 4)}"
        return ParsedHead(style, parts[-1], _end(c[-1]))

    def unit(self, c: list[Any]) -> ParsedHead:
        last: Token = c[-1]
        style = "part" if last.type == "PART" else UNIT_STYLES[str(last)]
        value = _value(c)
        sub = next((x[1] for x in c if isinstance(x, tuple)), None)
        return ParsedHead(style, value, _end(last), sub)

    def enclosed(self, c: list[Token]) -> ParsedHead:
        return ParsedHead(*enclosed_value(str(c[0])), _end(c[0]))

    def dash(self, c: list[Token]) -> ParsedHead:
        return ParsedHead("dash", None, _end(c[0]))

    def bullet(self, c: list[Token]) -> ParsedHead:
        return ParsedHead("bullet", None, _end(c[0]))

    def tail(self, c: list[Token]) -> int:
        return c[-1].start_pos or 0

    def start(self, c: list[Any]) -> tuple[ParsedHead, int | None]:
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


@functools.lru_cache(maxsize=1)
def _parser() -> Lark:
    # Loaded once per process on first use (tables cached on disk, see govdoc.grammar); the
    # Lark object is not mutated by parsing, so it is safe to share between threads.
    return load_grammar("numbering.lark", transformer=_ToMarker())


def grammar_parse(head: str) -> tuple[ParsedHead, int | None] | None:
    """The grammar's parse of a line head: the marker and where the text after it starts
    (None when nothing follows), or None when the head does not begin with a marker."""
    try:
        result: Any = _parser().parse(head)
    except LarkError:
        return None
    parsed, tail = result
    return (parsed, tail) if isinstance(parsed, ParsedHead) else None
