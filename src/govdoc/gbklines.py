"""Lines that may have been decoded one byte out of step (see :mod:`govdoc.gbkshift`): those
whose first character after the indent is a "?" or U+FFFD that stands for a lost byte, and
those that open with a character no real line starts with.
"""

from __future__ import annotations

import functools
import re

from .charscore import common_chars

__all__ = ["CLOSERS", "SPACES", "suspect_line_starts"]

#: What an indent is made of before the invisible-character step.
SPACES = " \t\u3000\xa0"
#: Punctuation that closes: no line starts with it.
CLOSERS = "，。、；：）》”’】〕」』？！"
_STARTERS = "（《“‘【〔「『—…●■◆▲★☆○◎□△※·０１２３４５６７８９\u3000"
_PREFIXED = re.compile(f"\\n[{SPACES}]*[?\ufffd][{SPACES}]*[^\\x00-\\x7f]")
# The first non-ASCII character of a line at or after its indent, and a line's whole opening.
_FIRST_WIDE = re.compile(f"\\n[{SPACES}]*([^\\x00-\\x7f])")
_OPENING = re.compile(f"\\n([{SPACES}]*)(.?)")


@functools.cache
def _line_openers() -> tuple[frozenset[str], str]:
    """The characters a real line may start with, and the indent characters outside them."""
    ok = frozenset((common_chars() - set(CLOSERS)) | set(_STARTERS))
    return ok, "".join(ch for ch in SPACES if not ch.isascii() and ch not in ok)


def _silent_starts(padded: str) -> list[int]:
    """Lines (their "\\n" in ``padded``) holding, in their indent or as their first character
    after it, a non-ASCII character no real line starts with (a closing 。, bopomofo ㄒ, a
    rare extension character): maybe out of step with no "?" left to show it."""
    ok, odd_spaces = _line_openers()
    # Indents made of ASCII and U+3000 only: just the first character after them can be odd,
    # and one C-level set test over those of all lines usually proves that none is.
    if not any(ch in padded for ch in odd_spaces) and ok.issuperset(_FIRST_WIDE.findall(padded)):
        return []
    return [
        m.start()
        for m in _OPENING.finditer(padded)
        if any(not ch.isascii() and ch not in ok for ch in m.group(1) + m.group(2))
    ]


def suspect_line_starts(text: str) -> list[int]:
    """Where the lines of ``text`` that may be out of step start, in order."""
    padded = "\n" + text  # the gates start at "\n"; a match at p is a line starting at p
    starts = set(_silent_starts(padded))
    if "?" in text or "\ufffd" in text:
        starts.update(m.start() for m in _PREFIXED.finditer(padded))
    return sorted(starts)
