"""Display width of lines, and the margin width a text was hard-wrapped at.

A PDF page breaks every paragraph at the right margin: the extracted text holds one paragraph
as many lines of (nearly) the same display width, none of them ending a sentence.
:func:`wrap_width` finds that width; :func:`display_width` measures a line (Han and full-width
forms take two columns).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left, bisect_right
from itertools import compress, repeat
from operator import methodcaller

__all__ = ["display_width", "display_widths", "is_open", "slack", "wrap_width"]

# A line ending in one of these ends a sentence (or a label): the line after it is new.
_CLOSING = "。！？；：…!?;:."
# Text lost to mis-decoding at a line end may have been its full stop: not a line to join.
_UNKNOWN_END = "\ufffd?"
_SHUT = _CLOSING + _UNKNOWN_END
# A closing bracket or quote ends a sentence only after one of the above (…实现。” or a note
# line （此件公开发布。）): 各县（区） and “放管服” are read on.
_CLOSERS = "”」』）)"
_NOTE_LINE = re.compile(r"[（(][^）)]*[）)]")
_MIN_WIDTH = 24  # display columns (12 Han characters): narrower lines say nothing of a margin
_MIN_FULL_LINES = 3
_DETECT_SLACK = 4
_FULL_SHARE = 0.3  # of the lines at least _MIN_WIDTH wide
_WIDER_SHARE = 0.1  # a wrapped text has (almost) no line wider than its margin

_WIDE_RANGES = "\u3000-\u303e\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff\uff01-\uff60"


# The patterns below take a few milliseconds to compile and most texts are never measured:
# compiled on first use.
@functools.cache
def _surely_wide_run() -> re.Pattern[str]:
    return re.compile(f"[{_WIDE_RANGES}]+")


@functools.cache
def _maybe_wide() -> re.Pattern[str]:
    # Once the characters above are deleted, the ones left at or above U+1100 may be wide.
    return re.compile("[^\x00-\u10ff]")


@functools.cache
def _unsure() -> re.Pattern[str]:
    # Characters neither ASCII nor surely wide: the only ones whose width needs looking up.
    return re.compile(f"[^\\x00-\\x7f{_WIDE_RANGES}]")


_ASCII_ONLY = methodcaller("encode", "ascii", "ignore")


def _is_wide(ch: str) -> bool:
    return ch >= "\u1100" and unicodedata.east_asian_width(ch) in "WFA"


def display_width(line: str) -> int:
    """Display columns of ``line``: Han and full-width forms take two, as does each space of
    the indent (a U+3000 indent is an ASCII space once repaired)."""
    content = line.lstrip()
    body = content.rstrip()
    # Han, CJK punctuation and full-width forms are wide by definition: deleted by one regex
    # in C, the text is shorter by their number; only the other characters at or above
    # U+1100 need unicodedata.
    narrow = _surely_wide_run().sub("", body)
    cols = 2 * (len(line) - len(content)) + 2 * len(body) - len(narrow)
    for ch in _maybe_wide().findall(narrow):
        cols += unicodedata.east_asian_width(ch) in "WFA"
    return cols


def display_widths(lines: list[str]) -> list[int]:
    """:func:`display_width` of each of ``lines`` (none holding "\\n").

    A line is two columns a character, less one for each narrow character of its text between
    the indent and the trailing spaces. The narrow ones are the ASCII characters (counted in C
    by an encoding that drops the others) and the few kinds of other characters that are not
    wide: found in one pass over all lines, judged once each and counted per line. The indent
    and trailing spaces hold no wide character as long as they hold no U+3000, the only wide
    space character (and a repaired text has none)."""
    joined = "\n".join(lines)
    if "\u3000" in joined:
        return [display_width(line) for line in lines]
    narrow = [ch for ch in set(_unsure().findall(joined)) if not _is_wide(ch)]
    # Per line in C (map over str methods), then one pass to combine.
    contents = list(map(str.lstrip, lines))
    bodies = list(map(str.rstrip, contents))
    ascii_counts = map(len, map(_ASCII_ONLY, bodies))
    widths = [
        2 * (n - c + b) - a
        for n, c, b, a in zip(
            map(len, lines), map(len, contents), map(len, bodies), ascii_counts, strict=True
        )
    ]
    for ch in narrow:
        widths = [w - k for w, k in zip(widths, map(str.count, bodies, repeat(ch)), strict=True)]
    return widths


def is_open(line: str) -> bool:
    """Whether ``line`` stops in mid-sentence."""
    if not line or line[-1] in _SHUT:
        return False
    if line[-1] not in _CLOSERS:
        return True
    core = line.rstrip(_CLOSERS)
    return not (core and core[-1] in _CLOSING) and not _NOTE_LINE.fullmatch(line)


def slack(width: int) -> int:
    """How far short of the margin a line may end: a pushed-down character pair or a Latin
    word that did not fit."""
    return max(4, width // 10)


def wrap_width(text: str) -> int | None:
    """The margin width (display columns) ``text`` was hard-wrapped at, or None when it was
    not: at least three lines, and a good share of the wide ones, end open within a few
    columns of one width, and hardly any line is wider."""
    # Only lines of _MIN_WIDTH // 2 characters or more can be _MIN_WIDTH columns wide: the
    # lines split off and kept by their length in C, faster than a regex scan of the text.
    lines = text.split("\n")
    long_lines = list(compress(lines, map((_MIN_WIDTH // 2).__le__, map(len, lines))))
    visible = list(map(str.strip, long_lines))
    # A line is open when its last character leaves it so; only one ending in a closing
    # bracket needs a closer look.
    open_rows = [
        row
        for row, line in enumerate(visible)
        if line and line[-1] not in _SHUT and (line[-1] not in _CLOSERS or is_open(line))
    ]
    if len(open_rows) < _MIN_FULL_LINES:  # the fast path: ordinary text stops here
        return None
    # The margin's lines are open ones, and a line of _MIN_WIDTH characters between its first
    # and last visible one is at least as many columns wide: when too few lines are open for
    # the share of the wide lines asked below, no margin can have it (most texts).
    wide_enough = sum(map(_MIN_WIDTH.__le__, map(len, visible)))
    if len(open_rows) < _FULL_SHARE * wide_enough:
        return None
    all_widths: list[int] | None = None
    if 2 * len(open_rows) < len(long_lines):  # few open lines: judge them alone first
        open_widths = display_widths([long_lines[row] for row in open_rows])
    else:
        all_widths = display_widths(long_lines)
        open_widths = [all_widths[row] for row in open_rows]
    open_widths = sorted(w for w in open_widths if w >= _MIN_WIDTH)
    best, best_count = 0, 0
    for w in set(open_widths):
        # open_widths is sorted: the lines within the slack below w, by bisection (a scan per
        # candidate width would make long texts quadratic).
        # Lines broken at a margin end within a Han character or two of it.
        count = bisect_right(open_widths, w) - bisect_left(open_widths, w - _DETECT_SLACK)
        if (count, w) > (best_count, best):
            best, best_count = w, count
    if best_count < _MIN_FULL_LINES or best_count < _FULL_SHARE * wide_enough:
        return None
    if all_widths is None:
        all_widths = display_widths(long_lines)
    widths = [w for w in all_widths if w >= _MIN_WIDTH]
    if best_count < _FULL_SHARE * len(widths):
        return None
    wider = sum(1 for w in widths if w > best + slack(best))
    return best if wider <= _WIDER_SHARE * len(widths) else None
