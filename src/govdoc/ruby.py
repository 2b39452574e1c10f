"""The pinyin-ruby repair step: bracketed toned syllables after a Han character deleted.

``區(qū)域`` is ``區域``: some sites append the reading of each character they converted to
traditional script. A bracket counts as ruby only when it holds one toned Mandarin syllable
(:func:`govdoc.pinyin.is_toned_syllable`) right after a Han character, after U+FFFD or after
"?" (the damaged ``?chuàng)``, whose opening bracket went with the lost character).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from .mojibake import Fix
from .pinyin import TONE_MARKS, is_toned_syllable

__all__ = ["ruby_fixes"]

_PINYIN_LETTERS = "a-z\u00fc" + "".join(TONE_MARKS)
# Every ruby ends with a pinyin letter or a tone digit after one, then the closing bracket:
# searched from the bracket (a literal the regex engine scans for quickly), most texts have
# no such bracket at all.
_RUBY_ENDS = tuple(
    re.compile(f"{re.escape(close)}(?:(?<=[{_PINYIN_LETTERS}].)|(?<=[{_PINYIN_LETTERS}][1-5].))")
    for close in ")）"
)


class _Patterns(NamedTuple):
    """The patterns that find ruby once one is in sight."""

    ruby: re.Pattern[str]
    orphan: re.Pattern[str]  # the character carrying the ruby was lost, and its "(": "?chuàng)"
    ruby_at: re.Pattern[str]  # a ruby with or without its opening bracket


@functools.cache
def _patterns() -> _Patterns:
    """Compiled on first use: most texts hold no ruby."""
    syllable = f"([{_PINYIN_LETTERS}]{{1,6}}[1-5]?)[)）]"
    return _Patterns(
        re.compile(f"[(（]{syllable}"),
        re.compile(f"[?\ufffd]{syllable}"),
        re.compile(f"[(（]?{syllable}"),
    )


@functools.cache
def _han() -> re.Pattern[str]:
    """A Han character, or what stands for a lost one (lazy: costly to compile, and only
    needed once a ruby is in sight)."""
    return re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f?\ufffd]")


def ruby_fixes(text: str) -> list[Fix]:
    """Deletions of pinyin ruby, a whole chain of them (``區(qū)(qū)``) at a time."""
    if not any(end.search(text) for end in _RUBY_ENDS):
        return []
    patterns = _patterns()
    # Where each ruby starts and where its first syllable ends (a bracketless syllable after
    # a lost character starts at its first letter: no position starts both kinds).
    first_end = {
        m.start(): m.end()
        for m in patterns.ruby.finditer(text)
        if m.start() > 0 and _han().match(text, m.start() - 1) and is_toned_syllable(m.group(1))
    }
    if "?" in text or "\ufffd" in text:
        first_end.update(
            (m.start() + 1, m.end())
            for m in patterns.orphan.finditer(text)
            if is_toned_syllable(m.group(1))
        )
    fixes: list[Fix] = []
    for start in sorted(first_end):
        if fixes and start < fixes[-1].end:
            continue
        # Take the whole chain at once (區(qū)(qū), ?chuàng)(chuàng)) so that one pass leaves
        # none behind; a bracketless syllable only counts after a lost character. The first
        # syllable is the one found above; the chain goes on only at a bracket, or at any
        # character after a lost one.
        orphans = text[start - 1] in "?\ufffd"
        end = first_end[start]
        while (
            (orphans or text[end : end + 1] in ("(", "（"))
            and (m := patterns.ruby_at.match(text, end))
            and is_toned_syllable(m.group(1))
        ):
            end = m.end()
        fixes.append(Fix(start, end, ""))
    return fixes
