"""Numbering markers: the Lark grammar in ``grammars/numbering.lark`` applied to one line.

:func:`match_marker` answers "does this line begin with a numbering marker, and which?". It
runs a cheap first-character test so that ordinary paragraphs never reach the parser, reads
the commonest lines (a run of marker characters, then text) from that run alone, memoised per
run, and leaves the others (Markdown decoration, quantities, weak items) to
the full reading of :mod:`govdoc.markerline`, which gives the same answer for every line.
"""

from __future__ import annotations

import functools

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
    """_read_run as a RunReading, memoised: the runs of a document's headings recur."""
    return _reading(_read_run(run))


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


# The same lines are matched by several stages (wrap repair, the line split) and recur across
# the pages of one site; a MarkerMatch is immutable, so a bounded cache can share it.
_match_marker = functools.lru_cache(maxsize=4096)(read_line)


def clear_caches() -> None:
    """Forget memoised matches, and the memoised dates and 发文字号 of :mod:`govdoc.metadata`
    (benchmarks call this so that a repeat run does not profit; a document's own repeats do)."""
    _match_marker.cache_clear()
    _run_marker.cache_clear()
    parse_head.cache_clear()
    from . import metadata  # imported here: numbering is imported by metadata's importers

    metadata.clear_caches()
