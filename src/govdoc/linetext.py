"""A line's text as the rules read it: without the Markdown marks around it (:func:`bare`),
folded for comparing titles (:func:`title_key`), joined when a title is broken over lines
(:func:`join_title`); and the characters str.isspace holds true, as a set."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

__all__ = ["SPACES", "bare", "join_title", "title_key"]

_MARKUP = re.compile(r"^(?:#{1,6}\s+|>\s*)*\**\s*|\s*\**$")
# Every character str.isspace() holds true (Unicode White_Space less U+180E and the
# zero-width ones; tests/test_anatomy_fast.py checks it against str.isspace), so that a set
# lookup does the work of str.isspace on one character.
SPACES = frozenset(
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"
) | {chr(c) for c in range(0x2000, 0x200B)}
# The characters at an edge of a text that bare() may remove.
_MARK_EDGE = frozenset("#>*") | SPACES
_TITLE_DASHES = str.maketrans("", "", "-—–－~～")


def bare(text: str) -> str:
    """``text`` without Markdown heading, quote and bold marks around it."""
    # _MARKUP removes a prefix that starts with #, >, * or a space and a suffix that ends with
    # * or a space (its $ also matches before a final newline, a space too); a text whose
    # edges are none of these is returned as is without running the pattern over it.
    if text and not (text[:1] in _MARK_EDGE or text[-1:] in _MARK_EDGE):
        return text
    return _MARKUP.sub("", text)


def title_key(text: str) -> str:
    """A title for comparison: width, dashes, spaces and Markdown marks folded away."""
    folded = unicodedata.normalize("NFKC", bare(text))
    # split() drops the same spaces as \s in a pattern (both go by str.isspace).
    return "".join(folded.split()).translate(_TITLE_DASHES)


def join_title(parts: Sequence[str]) -> str:
    """A title broken over lines, joined: "中共湖北省委关于" + "关于实施…的意见" drops the
    repeated 关于."""
    out = ""
    for part in parts:
        part = part.strip()
        if out.endswith("关于") and part.startswith("关于"):
            part = part[2:]
        out += part
    return out
