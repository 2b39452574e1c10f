"""Numbering markers: the Lark grammar in ``grammars/numbering.lark`` applied to one line.

:func:`match_marker` answers "does this line begin with a numbering marker, and which?". It
runs a cheap first-character test so that ordinary paragraphs never reach the parser, reads
the commonest lines (a run of marker characters, then text) from that run alone, memoised per
run and per run shape, and leaves the others (Markdown decoration, quantities, weak items) to
the full reading of :mod:`govdoc.markerline`, which gives the same answer for every line.
"""

from __future__ import annotations

import functools
import re

from .markerheads import CN_NUMERAL_CHARS, cn_value, common_head
from .markerline import (
    DECIMALS,
    DECORATION_FIRST,
    DECORATION_LAST,
    FAMILIES,
    FIRST,
    MARKER_CHARS,
    MARKER_LEADS,
    PREFIX,
    MarkerMatch,
    char_ranges,
    parse_head,
    read_line,
    strip_decoration,
)

__all__ = [
    "FAMILIES",
    "MARKER_LEADS",
    "STYLES",
    "UNIT_RANKS",
    "MarkerMatch",
    "clear_caches",
    "match_marker",
    "strip_decoration",
]

STYLES: tuple[str, ...] = tuple(FAMILIES)

#: Statute units close lower-ranked ones (编 > 章 > 节 > 条): a 第二节 after 第五条 is the
#: 条's uncle, not its child, even though 条 was open most recently.
UNIT_RANKS: dict[str, int] = {"book": 1, "chapter": 2, "section": 3, "article": 4}


def match_marker(line: str) -> MarkerMatch | None:
    """The numbering marker this line begins with, or None.

    A marker must be followed by text that does not begin with a digit (so ``1.5亿元`` and
    ``2021年`` are text), except that ``2.2024年起…`` is offered as a weak ``ar_dot`` match: the
    level inference keeps it only when an open ``1.`` list expects that value.
    """
    if not line:
        return None
    first = line[0]
    if first not in FIRST:
        if first not in DECORATION_FIRST and not first.isspace():
            return None  # most paragraphs: neither decoration nor a marker can start here
        return _match_marker(line)
    # The commonest marker line: no decoration, a run of marker characters ("第三条 ",
    # "（一）", "1.") and then text. See _run_marker for when the run alone decides.
    run_end = MARKER_CHARS.match(line).end()  # type: ignore[union-attr]  # * always matches
    if run_end < len(line) and run_end < PREFIX:
        after, last = line[run_end], line[-1]
        if (
            after not in _AFTER_RUN_SLOW
            and not after.isspace()
            and not after.isdigit()
            and last not in DECORATION_LAST
            and not last.isspace()
        ):
            reading = _run_marker(line[:run_end])
            if reading is None:
                return None
            if reading is not _SLOW_RUN:
                style, value, start, end, body_start, sub_value, damaged = reading
                return MarkerMatch(
                    style, value, start, end, body_start, len(line), sub_value, damaged
                )
    return _match_marker(line)


# After a run of marker characters, these make the rest of the line matter (emphasis closing
# "**", a 之 sub-article), so such lines take the full path.
_AFTER_RUN_SLOW = frozenset("*_<之")
# The points of ar_dot and decimal markers (⒈ … ⒛ are read as 1. … 20.).
_DOTS = frozenset(".．" + char_ranges("\u2488\u249b"))
# _read_run's answer when the run alone does not decide.
_SLOW = MarkerMatch("", None, 0, 0, 0, 0)
# _shape_marker's answer when the digits of a run are not just its value: ask _read_run.
_BY_RUN = MarkerMatch("", None, 0, 0, 0, 0)


# What _run_marker keeps for a run: its lines' MarkerMatch fields but body_end (each line's
# length) and weak (False), as a tuple: cheaper to make and unpack than a MarkerMatch.
RunReading = tuple[str, int | None, int, int, int, int | None, bool]  # style, …, damaged
_SLOW_RUN: RunReading = ("", None, 0, 0, 0, None, False)  # _SLOW as a RunReading


def _reading(m: MarkerMatch | None) -> RunReading | None:
    if m is None or m is _SLOW:
        return None if m is None else _SLOW_RUN
    return m.style, m.value, m.start, m.end, m.body_start, m.sub_value, m.damaged


@functools.lru_cache(maxsize=4096)
def _run_marker(run: str) -> RunReading | None:
    """_read_run as a RunReading, memoised, and shared by the runs of one shape (see below)."""
    shape = run.translate(_DIGITS_AS_ONE)
    if _DIGITS_1.isdisjoint(shape):  # no digits
        return _numeral_run_marker(run)
    shaped = _shape_marker(shape)
    if shaped is None:
        return None
    common, digits, digits_end = shaped
    if common is _BY_RUN:
        return _reading(_read_run(run))
    if common is _SLOW or digits == digits_end:
        return _reading(common)
    return (
        common.style,
        int(run[digits:digits_end]),
        common.start,
        common.end,
        common.body_start,
        common.sub_value,
        common.damaged,
    )


def _read_run(run: str) -> MarkerMatch | None:
    """match_marker for a line that is ``run`` (a run of MARKER_CHARS shorter than PREFIX,
    starting with a FIRST character) followed by a character that is no marker character,
    no space, no digit and none of _AFTER_RUN_SLOW, and that ends with no decoration; except
    that body_end (the line's length) is for the caller to set. _SLOW when that depends on
    more of the line.

    Such a line's head is ``run + "文"`` (see read_line), and every test read_line
    makes after the parse gives the same answer for it as for ``run + "文"``: the character
    after the run is tested only for being emphasis, a digit, 之 or a space; the line ends
    with no decoration, so the body ends at the line's end; a bare numeral would have to
    cover the whole line. The exceptions are read further into the line (decimals such as
    1.5亿元, the weak "2.2024年起" or no marker), and a marker without text after it; those
    are _SLOW.
    """
    m = read_line(run + "文")
    if m is None:
        # "2.2024年起" is a weak item or text depending on what follows the year.
        return None if _DOTS.isdisjoint(run) else _SLOW
    if m.weak or m.style in DECIMALS or m.body_start > len(run):
        return _SLOW
    return m


# Runs that differ only in their Arabic digits ("1．", "12．", "（3）") share one reading: digits
# occur in the grammar only inside AR_NUM, so the tokens, and with them the marker, are the
# same but for the number's value. _shape_marker reads a run with every digit made a 1.
_DIGITS_AS_ONE = str.maketrans("0123456789０１２３４５６７８９", "1111111111１１１１１１１１１１")
_DIGITS_1 = frozenset("1１")  # a shape has digits when it has one of these
_ONES_AS_TWO = str.maketrans("1１", "2２")
_DIGIT_RUN = re.compile("[0-9０-９]+")


@functools.lru_cache(maxsize=1024)
def _shape_marker(shape: str) -> tuple[MarkerMatch, int, int] | None:
    """_read_run for every run whose digits made 1 are ``shape``: None (no marker), or the
    marker (_SLOW: read the whole line; _BY_RUN: ask _read_run with the run) and the span of
    the digits whose number is its value (an empty span: the value is the marker's own).

    A shape with one group of digits is read twice, with 1s and with 2s: when the values
    are those of the digits and nothing else differs, the value is the number of those digits
    (the grammar reads a digit group only as AR_NUM, whose value is its number); otherwise
    the value does not depend on them. A shape with more groups (1.1, 第5-1条) is _BY_RUN.
    """
    groups = [m.span() for m in _DIGIT_RUN.finditer(shape)]
    if len(groups) > 1:
        return _BY_RUN, 0, 0
    ones = _read_run(shape)
    if ones is None or ones is _SLOW or not groups:
        return None if ones is None else (ones, 0, 0)
    first, last = groups[0]
    twos = _read_run(shape[:first] + shape[first:last].translate(_ONES_AS_TWO) + shape[last:])
    if twos is None or twos is _SLOW or _without_value(ones) != _without_value(twos):
        return _BY_RUN, 0, 0
    if ones.value == twos.value:
        return ones, 0, 0
    if ones.value == int(shape[first:last]) and twos.value == int(shape[first:last]) * 2:
        return ones, first, last
    return _BY_RUN, 0, 0


def _without_value(m: MarkerMatch) -> tuple[object, ...]:
    return m.style, m.start, m.end, m.body_start, m.body_end, m.sub_value, m.damaged, m.weak


# Runs that differ only in their Chinese numeral ("第三条 ", "第一百零五条 ", "（十二）") share
# one reading too: the common heads read a numeral as one whole run of numeral characters
# (see govdoc.markerheads), so another numeral moves what follows it and changes the value.
_CN_NUMERAL = re.compile(f"[{CN_NUMERAL_CHARS}]+")
_PROBES = ("一", "二十三")  # two numerals of different length and value
_OFFSETS = ("start", "end", "body_start", "body_end")
_SLOW_SHAPE: tuple[MarkerMatch, tuple[int, ...], bool] = (_SLOW, (), False)
_BY_RUN_SHAPE: tuple[MarkerMatch, tuple[int, ...], bool] = (_BY_RUN, (), False)


def _numeral_run_marker(run: str) -> RunReading | None:
    """_run_marker for a run without digits, from the reading of its shape (_numeral_shape)."""
    numeral = _CN_NUMERAL.search(run)
    if (
        numeral is None
        or _CN_NUMERAL.search(run, numeral.end())  # two numerals
        or len(run) > PREFIX - 8  # a longer numeral could reach PREFIX
    ):
        return _reading(_read_run(run))
    value = cn_value(numeral[0])
    if value is None:
        return _reading(_read_run(run))
    shaped = _numeral_shape(run[: numeral.start()] + _PROBES[0] + run[numeral.end() :])
    if shaped is None or shaped[0] is _SLOW:
        return None if shaped is None else _SLOW_RUN
    common, moved, valued = shaped
    if common is _BY_RUN:
        return _reading(_read_run(run))
    shift = len(numeral[0]) - 1
    start, end, body_start, _ = moved
    return (
        common.style,
        value if valued else common.value,
        common.start + shift * start,
        common.end + shift * end,
        common.body_start + shift * body_start,
        common.sub_value,
        common.damaged,
    )


@functools.lru_cache(maxsize=1024)
def _numeral_shape(shape: str) -> tuple[MarkerMatch, tuple[int, ...], bool] | None:
    """_read_run for every run that is ``shape`` with its one numeral 一 replaced by another
    valid one: None, or the marker for 一 (_SLOW, or _BY_RUN: ask _read_run), which of its
    offsets move with the numeral's length (1 or 0, in _OFFSETS order), and whether the
    value is the numeral's.

    The shape is read with 一 and with 二十三; both heads must be common ones (read by
    govdoc.markerheads, where a numeral is one atomic run, so that any valid numeral reads
    alike). An offset that moves by 2 between them moves with the length, a value that is 1
    and then 23 is the numeral's; anything else is _BY_RUN.
    """
    numeral = shape.index(_PROBES[0])
    probes = [shape[:numeral] + probe + shape[numeral + 1 :] for probe in _PROBES]
    if any(isinstance(common_head(probe + "文"), str) for probe in probes):  # UNKNOWN: Lark
        return _BY_RUN_SHAPE
    ones, twos = (_read_run(probe) for probe in probes)
    if ones is None or ones is _SLOW:
        # No marker, or one that needs the whole line: so for every numeral if for both.
        return (None if ones is None else _SLOW_SHAPE) if twos is ones else _BY_RUN_SHAPE
    if twos is None or twos is _SLOW:
        return _BY_RUN_SHAPE
    moves = [getattr(twos, name) - getattr(ones, name) for name in _OFFSETS]
    moved = tuple(move // 2 for move in moves)
    if (
        any(move not in (0, 2) for move in moves)
        or _without_value(ones)[-3:] != _without_value(twos)[-3:]
    ):
        return _BY_RUN_SHAPE  # an offset moves otherwise, or sub_value, damaged, weak differ
    if ones.value == twos.value:
        return ones, moved, False
    return (ones, moved, True) if (ones.value, twos.value) == (1, 23) else _BY_RUN_SHAPE


# The same lines are matched by several stages (wrap repair, the line split) and recur across
# the pages of one site; a MarkerMatch is immutable, so a bounded cache can share it.
_match_marker = functools.lru_cache(maxsize=4096)(read_line)


def clear_caches() -> None:
    """Forget memoised matches, and the memoised dates and 发文字号 of :mod:`govdoc.metadata`
    (benchmarks call this so that a repeat run does not profit; a document's own repeats do)."""
    _match_marker.cache_clear()
    _run_marker.cache_clear()
    _shape_marker.cache_clear()
    _numeral_shape.cache_clear()
    parse_head.cache_clear()
    from . import metadata  # imported here: numbering is imported by metadata's importers

    metadata.clear_caches()
