"""The repair stage: ordered, named, idempotent steps that undo what web sites did to a text.

Guarantees on ``repair(text).text`` (the parser relies on them):

* the only line break is ``\\n``: no CR, CRLF, VT, FF, NEL, U+2028/U+2029 or U+001C–U+001E,
  so ``str.splitlines`` and ``split("\\n")`` agree;
* every other whitespace character is an ASCII space (no tab, nbsp, U+3000 ideographic space,
  U+2000–U+200A …), so column offsets and ``str.strip`` behave alike everywhere;
* no zero-width or invisible format characters (U+200B–U+200F, U+2060, U+FEFF, soft hyphen);
* no pinyin ruby: no bracketed toned pinyin syllable (``(qū)``, ``（chuàng）``, ``(lv4)``)
  directly after a Han character, after U+FFFD or after "?" (the damaged ``?chuàng)`` too);
  ``(GDP)``, ``(B型)``, ``(a)``, ``(an)``, ``(试行)`` are text and stay;
* runs of UTF-8 read as GBK (``锛堜竴锛`` for ``（一）``) are reverted where their bytes survive;
* lines whose GBK bytes were read one byte out of step (``?。ㄒ唬`` for ``（一）``) are re-read;
  a bracket marker whose numeral is lost is written ``（\\ufffd）``;
* every U+FFFD (text known to be lost) lies inside a span of ``Repaired.damaged``.

And on the result itself: ``repaired.text[r.span.start:r.span.end] == r.after`` for every
repair ``r`` (spans index the final text, however later steps moved it), repairs are listed in
the order they were made, ``repair`` never raises on any ``str`` and
``repair(repair(t).text).text == repair(t).text``.
"""

from __future__ import annotations

import operator
import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import add, eq, lt, sub
from typing import NamedTuple

from .gbkshift import gbk_shift_fixes
from .headsplit import heading_split_fixes
from .linefix import wrap_fixes
from .mojibake import SUSPECT_CHARS, Fix, utf8_as_gbk_fixes
from .nodes import Repair, Span
from .numspace import number_space_fixes
from .ruby import ruby_fixes
from .whitespace import BREAK_CHARS, INVISIBLE_CHARS, invisible_fixes, newline_fixes

__all__ = ["STEPS", "Repaired", "repair"]


@dataclass(frozen=True, slots=True)
class Repaired:
    """The repaired text, what was changed (in order) and the spans of text known lost."""

    text: str
    repairs: tuple[Repair, ...]
    damaged: tuple[Span, ...]


_LOST_RUN = re.compile("\ufffd+")

Step = Callable[[str], list[Fix]]

# The order matters. UTF-8 read as GBK is reverted first, while a U+3000 that is really the
# middle of a character (衡 = E8 A1 A1 reads as …銆) is still there; it ends its runs at
# spaces so that it judges them alike on every run of the repair. The out-of-step reading
# needs normalised spaces (an indent is then ASCII), so it comes after the invisible step.
# What the byte-level steps produce (a U+3000 decoded from the bytes, ruby after a recovered
# character) is handled by the steps after them or by the next round.
STEPS: tuple[tuple[str, Step], ...] = (
    ("newlines", newline_fixes),
    ("utf8_as_gbk", utf8_as_gbk_fixes),
    ("invisible", invisible_fixes),
    ("gbk_shift", gbk_shift_fixes),
    ("pinyin_ruby", ruby_fixes),
    # Line structure last, on text whose characters are right: wrapped lines are joined
    # before a heading glued to its first item is split off the joined line.
    ("number_spaces", number_space_fixes),
    ("wrap_join", wrap_fixes),
    ("heading_split", heading_split_fixes),
)
# Steps that only ever act on characters of their class: without one in the text they have
# nothing to do. One scan tells which of these characters a text holds; a fix adds no other
# characters than those it writes, so adding those keeps the set an upper bound.
_GATES = {
    "newlines": frozenset(BREAK_CHARS),
    "utf8_as_gbk": frozenset(SUSPECT_CHARS),
    "invisible": frozenset(INVISIBLE_CHARS),
}
# Steps that leave no character of their class behind: once one has run, its characters are
# only in the text again if a later fix writes them.
_CLEARS = frozenset({"newlines", "invisible"})
_GATED = re.compile(f"[{re.escape(''.join(sorted(frozenset().union(*_GATES.values()))))}]")

# A repair can expose another (deleting a zero-width character or a ruby joins what was
# apart), so the steps run again until a round changes nothing that could. Line breaks and
# same-length space changes cannot: text with only those is done in one round.
_MAX_ROUNDS = 3
_CONFINED = frozenset({"newlines", "invisible"})


class _Mapper:
    """Maps spans of a text to the text after a step's fixes (sorted, non-overlapping).

    A span keeps what lies inside it: a fix that overlaps it widens it to the fix's result,
    and a pure insertion at either edge stays outside.
    """

    def __init__(self, starts: list[int], ends: list[int], afters: list[str]) -> None:
        self.starts = starts  # of the fixes, in the text before
        self.ends = ends
        # The total shift after the first k fixes, and where the results lie in the text after
        # (lists made by map() and accumulate(), without a Python loop).
        self.deltas = list(
            accumulate(map(sub, map(len, afters), map(sub, ends, starts)), initial=0)
        )
        self.new_starts = list(map(add, starts, self.deltas))
        self.new_ends = list(map(add, self.new_starts, map(len, afters)))

    def spans(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """``spans`` in the text after the fixes."""
        starts, ends, deltas = self.starts, self.ends, self.deltas
        # A position with k fixes ending at or before it can only lie inside fix k, one with
        # k fixes starting before it only inside fix k - 1: padded with a fix that no position
        # lies inside (at the far end, at the near end), these lists need no bounds tests.
        inside_start = [*starts, sys.maxsize]
        start_to = [*self.new_starts, 0]
        inside_end = [-1, *ends]
        end_to = [0, *self.new_ends]
        out: list[tuple[int, int]] = []
        for start, end in spans:
            k = bisect_right(ends, start)
            new_start = start_to[k] if inside_start[k] < start else start + deltas[k]
            if start == end:
                out.append((new_start, new_start))
                continue
            k = bisect_left(starts, end)
            new_end = end_to[k] if inside_end[k] > end else end + deltas[k]
            out.append((new_start, max(new_start, new_end)))
        return out


_START_END = operator.itemgetter(0, 1)  # of a Fix


class _Applied(NamedTuple):
    """A step's fixes applied: the new text, where positions went, the fixes kept (those
    that change something and overlap no earlier one) and the text each of them replaced."""

    text: str
    mapper: _Mapper
    fixes: list[Fix]
    befores: list[str]


_FIX_START = operator.itemgetter(0)
_FIX_END = operator.itemgetter(1)
_FIX_AFTER = operator.itemgetter(2)


def _apply(text: str, fixes: list[Fix]) -> _Applied:
    """``fixes`` applied to ``text``, which also records their positions."""
    fixes = sorted(fixes, key=_START_END)
    starts = list(map(_FIX_START, fixes))
    ends = list(map(_FIX_END, fixes))
    befores = list(map(text.__getitem__, map(slice, starts, ends)))
    afters = list(map(_FIX_AFTER, fixes))
    # Most steps only propose fixes that change something and do not overlap: then all are
    # kept, as two C-level tests show; otherwise a pass keeps those that do.
    if any(map(eq, befores, afters)) or any(map(lt, starts[1:], ends)):
        kept = _kept(starts, ends, befores, afters)
        fixes = [fixes[i] for i in kept]
        starts, ends = [starts[i] for i in kept], [ends[i] for i in kept]
        befores, afters = [befores[i] for i in kept], [afters[i] for i in kept]
    # The text between the fixes, interleaved with their results.
    parts = [""] * (2 * len(fixes) + 1)
    parts[0::2] = map(text.__getitem__, map(slice, [0, *ends], [*starts, len(text)]))
    parts[1::2] = afters
    return _Applied("".join(parts), _Mapper(starts, ends, afters), fixes, befores)


def _kept(starts: list[int], ends: list[int], befores: list[str], afters: list[str]) -> list[int]:
    """Indexes of the fixes (sorted) that change something and overlap no earlier one kept."""
    kept: list[int] = []
    pos = 0  # the end of the last fix kept
    for i, (start, end, before, after) in enumerate(
        zip(starts, ends, befores, afters, strict=True)
    ):
        if before != after and start >= pos:
            kept.append(i)
            pos = end
    return kept


def _merge(spans: list[tuple[int, int]]) -> tuple[Span, ...]:
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return tuple(Span(s, e) for s, e in out if e > s)


def repair(text: str) -> Repaired:
    """Run :data:`STEPS` over ``text``; see the module docstring for what holds afterwards."""
    # The log of repairs, by column: the spans index the current text.
    kinds: list[str] = []
    befores: list[str] = []
    spans: list[tuple[int, int]] = []
    damaged: list[tuple[int, int]] = []
    # The text each step last found nothing to do in: steps are pure functions of the text,
    # so on the same text (unchanged since, hence the same object) the next round skips them.
    idle: dict[str, str] = {}
    present = set(_GATED.findall(text))
    for _ in range(_MAX_ROUNDS):
        exposing = False
        for kind, step in STEPS:
            gate = _GATES.get(kind)
            if idle.get(kind) is text or (gate is not None and present.isdisjoint(gate)):
                continue
            proposed = step(text)
            if gate is not None and kind in _CLEARS:
                present -= gate
            # Most steps propose nothing on most texts: an empty list is not applied.
            applied = _apply(text, proposed) if proposed else None
            if applied is None or not applied.fixes:
                idle[kind] = text
                continue
            fixes = applied.fixes
            exposing = (
                exposing
                or kind not in _CONFINED
                or any(len(f.after) != f.end - f.start for f in fixes)
            )
            mapper = applied.mapper
            spans = mapper.spans(spans) if spans else spans
            damaged = mapper.spans(damaged) if damaged else damaged
            kinds.extend(repeat(kind, len(fixes)))
            befores.extend(applied.befores)
            spans.extend(zip(mapper.new_starts, mapper.new_ends, strict=True))
            for f, new_start in zip(fixes, mapper.new_starts, strict=True):
                if f.damaged:
                    damaged.extend((new_start + a, new_start + b) for a, b in f.damaged)
            text = applied.text
            present.update(_GATED.findall("".join(f.after for f in fixes)))
        if not exposing:
            break
    if "\ufffd" in text:
        damaged.extend(m.span() for m in _LOST_RUN.finditer(text))
    # Made by the thousand in some texts: map() calls the constructors without a Python loop.
    starts, ends = zip(*spans, strict=True) if spans else ((), ())
    afters = map(text.__getitem__, map(slice, starts, ends))
    repairs = tuple(map(Repair, kinds, map(Span, starts, ends), befores, afters))
    return Repaired(text, repairs, _merge(damaged))
