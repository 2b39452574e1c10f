"""The two character-level repair steps: line breaks made ``\\n`` and invisible characters made
ASCII spaces (or deleted, the zero-width ones).

Both act on characters of a fixed class and leave none of it behind, which lets the repair
stage skip them on a text that holds none (:data:`BREAK_CHARS`, :data:`INVISIBLE_CHARS`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from itertools import accumulate

from .mojibake import Fix

__all__ = ["BREAK_CHARS", "INVISIBLE_CHARS", "invisible_fixes", "newline_fixes"]

#: Line breaks other than "\n".
BREAK_CHARS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# A run of line breaks holding at least one that is not "\n": one repair per blank-line run.
# Written as alternatives that each open with one literal character, which lets the regex
# engine skip ahead to candidates instead of trying every position (same matches as
# \n*(?:\r\n?|[…])[\n…]*: a run of \n only matches when a break other than \n ends it).
_BREAKS = re.compile(
    "((?:"
    + "|".join([f"\\n\\n*(?:\\r\\n?|[{BREAK_CHARS[1:]}])", "\\r\\n?", *BREAK_CHARS[1:]])
    + f")[\\n{BREAK_CHARS}]*)"
)
_BREAK_TABLE = str.maketrans(dict.fromkeys(BREAK_CHARS, "\n"))

_ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"
_SPACE_CODES = (0x09, 0x1F, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)
#: Zero-width characters and white space other than " " and the line breaks.
INVISIBLE_CHARS = _ZERO_WIDTH + "".join(map(chr, _SPACE_CODES))
# From the first to the last invisible character of a line, so that a document indented with
# thousands of U+3000 gets one repair per line, not one per character. The run between two of
# them is taken possessively: it holds none, so giving characters back could not end it on one
# (the same matches as [inv](?:[^\n]*[inv])?, without the backtracking from the end of each
# line to its last invisible character).
_INVISIBLE = re.compile(f"([{INVISIBLE_CHARS}](?:[^\\n{INVISIBLE_CHARS}]*+[{INVISIBLE_CHARS}])*)")
_INVISIBLE_TABLE = str.maketrans(
    {**dict.fromkeys(_ZERO_WIDTH), **dict.fromkeys(map(chr, _SPACE_CODES), " ")}
)


# The runs these two steps replace are mostly the same few ("\r\n", an indent of two U+3000),
# so their replacements are remembered.
@functools.lru_cache(maxsize=1024)
def _as_newlines(run: str) -> str:
    return run.replace("\r\n", "\n").translate(_BREAK_TABLE)


@functools.lru_cache(maxsize=1024)
def _as_spaces(run: str) -> str:
    return run.translate(_INVISIBLE_TABLE)


def _fixes(pattern: re.Pattern[str], text: str, replace: Callable[[str], str]) -> list[Fix]:
    """A fix for each match of ``pattern`` (one group around all of it), its text replaced by
    ``replace``. Made without a Python loop: re.split() gives the matches and the text
    between them, and their lengths add up to where each match starts and ends."""
    parts = pattern.split(text)
    bounds = list(accumulate(map(len, parts), initial=0))
    return list(map(Fix, bounds[1::2], bounds[2::2], map(replace, parts[1::2])))


def newline_fixes(text: str) -> list[Fix]:
    """Each run of line breaks holding one other than "\\n", as that many "\\n" (CRLF as one)."""
    if not any(ch in text for ch in BREAK_CHARS):
        return []
    return _fixes(_BREAKS, text, _as_newlines)


def invisible_fixes(text: str) -> list[Fix]:
    """Per line, its invisible characters as spaces (zero-width ones deleted)."""
    return _fixes(_INVISIBLE, text, _as_spaces)
