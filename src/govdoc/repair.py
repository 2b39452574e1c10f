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

import bisect
import functools
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass

from .gbkshift import gbk_shift_fixes
from .headsplit import heading_split_fixes
from .linefix import wrap_fixes
from .mojibake import SUSPECT_CHARS, Fix, utf8_as_gbk_fixes
from .nodes import Repair, Span
from .numspace import number_space_fixes
from .pinyin import TONE_MARKS, is_toned_syllable

__all__ = ["STEPS", "Repaired", "repair"]


@dataclass(frozen=True, slots=True)
class Repaired:
    """The repaired text, what was changed (in order) and the spans of text known lost."""

    text: str
    repairs: tuple[Repair, ...]
    damaged: tuple[Span, ...]


_BREAK_CHARS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# A run of line breaks holding at least one that is not "\n": one repair per blank-line run.
# Written as alternatives that each open with one literal character, which lets the regex
# engine skip ahead to candidates instead of trying every position (same matches as
# \n*(?:\r\n?|[…])[\n…]*: a run of \n only matches when a break other than \n ends it).
_BREAKS = re.compile(
    "(?:"
    + "|".join([f"\\n\\n*(?:\\r\\n?|[{_BREAK_CHARS[1:]}])", "\\r\\n?", *_BREAK_CHARS[1:]])
    + f")[\\n{_BREAK_CHARS}]*"
)
_BREAK_TABLE = str.maketrans(dict.fromkeys(_BREAK_CHARS, "\n"))

_ZERO_WIDTH = "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad"
_SPACE_CODES = (0x09, 0x1F, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000)
_INVISIBLE_CLASS = _ZERO_WIDTH + "".join(map(chr, _SPACE_CODES))
# From the first to the last invisible character of a line, so that a document indented with
# thousands of U+3000 gets one repair per line, not one per character.
_INVISIBLE = re.compile(f"[{_INVISIBLE_CLASS}](?:[^\\n]*[{_INVISIBLE_CLASS}])?")
_INVISIBLE_TABLE = str.maketrans(
    {**dict.fromkeys(_ZERO_WIDTH), **dict.fromkeys(map(chr, _SPACE_CODES), " ")}
)

_PINYIN_LETTERS = "a-z\u00fc" + "".join(TONE_MARKS)
_RUBY = re.compile(f"[(（]([{_PINYIN_LETTERS}]{{1,6}}[1-5]?)[)）]")
# The character carrying the ruby was lost, and with it the opening bracket: "?chuàng)".
_ORPHAN = re.compile(f"[?\ufffd]([{_PINYIN_LETTERS}]{{1,6}}[1-5]?)[)）]")
_RUBY_AT = re.compile(f"[(（]?([{_PINYIN_LETTERS}]{{1,6}}[1-5]?)[)）]")
# Every ruby ends with a pinyin letter or a tone digit after one, then the closing bracket:
# searched from the bracket (a literal the regex engine scans for quickly), most texts have
# no such bracket at all.
_RUBY_ENDS = tuple(
    re.compile(f"{re.escape(close)}(?:(?<=[{_PINYIN_LETTERS}].)|(?<=[{_PINYIN_LETTERS}][1-5].))")
    for close in ")）"
)
_LOST_RUN = re.compile("\ufffd+")


@functools.cache
def _han() -> re.Pattern[str]:
    """A Han character, or what stands for a lost one (lazy: costly to compile, and only
    needed once a ruby is in sight)."""
    return re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f?\ufffd]")


# The runs these two steps replace are mostly the same few ("\r\n", an indent of two U+3000),
# so their replacements are remembered.
@functools.lru_cache(maxsize=1024)
def _as_newlines(run: str) -> str:
    return run.replace("\r\n", "\n").translate(_BREAK_TABLE)


@functools.lru_cache(maxsize=1024)
def _as_spaces(run: str) -> str:
    return run.translate(_INVISIBLE_TABLE)


def _newlines(text: str) -> list[Fix]:
    if not any(ch in text for ch in _BREAK_CHARS):
        return []
    return [Fix(m.start(), m.end(), _as_newlines(m.group())) for m in _BREAKS.finditer(text)]


def _invisible(text: str) -> list[Fix]:
    return [Fix(m.start(), m.end(), _as_spaces(m.group())) for m in _INVISIBLE.finditer(text)]


def _pinyin_ruby(text: str) -> list[Fix]:
    if not any(end.search(text) for end in _RUBY_ENDS):
        return []
    starts = {
        m.start()
        for m in _RUBY.finditer(text)
        if m.start() > 0 and _han().match(text, m.start() - 1) and is_toned_syllable(m.group(1))
    }
    if "?" in text or "\ufffd" in text:
        starts.update(
            m.start() + 1 for m in _ORPHAN.finditer(text) if is_toned_syllable(m.group(1))
        )
    fixes: list[Fix] = []
    for start in sorted(starts):
        if fixes and start < fixes[-1].end:
            continue
        # Take the whole chain at once (區(qū)(qū), ?chuàng)(chuàng)) so that one pass leaves
        # none behind; a bracketless syllable only counts after a lost character.
        orphans = text[start - 1] in "?\ufffd"
        end = start
        while (m := _RUBY_AT.match(text, end)) and is_toned_syllable(m.group(1)):
            if not (orphans or m.group()[0] in "(（"):
                break
            end = m.end()
        fixes.append(Fix(start, end, ""))
    return fixes


Step = Callable[[str], list[Fix]]

# The order matters. UTF-8 read as GBK is reverted first, while a U+3000 that is really the
# middle of a character (衡 = E8 A1 A1 reads as …銆) is still there; it ends its runs at
# spaces so that it judges them alike on every run of the repair. The out-of-step reading
# needs normalised spaces (an indent is then ASCII), so it comes after the invisible step.
# What the byte-level steps produce (a U+3000 decoded from the bytes, ruby after a recovered
# character) is handled by the steps after them or by the next round.
STEPS: tuple[tuple[str, Step], ...] = (
    ("newlines", _newlines),
    ("utf8_as_gbk", utf8_as_gbk_fixes),
    ("invisible", _invisible),
    ("gbk_shift", gbk_shift_fixes),
    ("pinyin_ruby", _pinyin_ruby),
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
    "newlines": frozenset(_BREAK_CHARS),
    "utf8_as_gbk": frozenset(SUSPECT_CHARS),
    "invisible": frozenset(_INVISIBLE_CLASS),
}
_GATED = re.compile(f"[{re.escape(''.join(sorted(frozenset().union(*_GATES.values()))))}]")

# A repair can expose another (deleting a zero-width character or a ruby joins what was
# apart), so the steps run again until a round changes nothing that could. Line breaks and
# same-length space changes cannot: text with only those is done in one round.
_MAX_ROUNDS = 3
_CONFINED = frozenset({"newlines", "invisible"})


class _Mapper:
    """Maps positions of a text to the text after ``fixes`` (sorted, non-overlapping).

    A span keeps what lies inside it: a fix that overlaps it widens it to the fix's result,
    and a pure insertion at either edge stays outside.
    """

    def __init__(self, fixes: list[Fix]) -> None:
        self.starts = [f.start for f in fixes]
        self.ends = [f.end for f in fixes]
        self.new_starts: list[int] = []
        self.new_ends: list[int] = []
        self.deltas: list[int] = []  # total shift after each fix
        delta = 0
        for f in fixes:
            self.new_starts.append(f.start + delta)
            self.new_ends.append(f.start + delta + len(f.after))
            delta += len(f.after) - (f.end - f.start)
            self.deltas.append(delta)

    def start(self, pos: int) -> int:
        k = bisect.bisect_right(self.ends, pos)  # fixes ending at or before pos
        if k < len(self.starts) and self.starts[k] < pos:  # pos inside fix k
            return self.new_starts[k]
        return pos + (self.deltas[k - 1] if k else 0)

    def end(self, pos: int) -> int:
        k = bisect.bisect_left(self.starts, pos)  # fixes starting before pos
        if k and self.ends[k - 1] > pos:  # pos inside fix k - 1
            return self.new_ends[k - 1]
        return pos + (self.deltas[k - 1] if k else 0)

    def span(self, start: int, end: int) -> tuple[int, int]:
        new_start = self.start(start)
        if start == end:
            return new_start, new_start
        return new_start, max(new_start, self.end(end))


_START_END = operator.itemgetter(0, 1)  # of a Fix


def _clean(text: str, fixes: list[Fix]) -> list[Fix]:
    """Sorted fixes that change something, dropping any that overlaps an earlier one."""
    out: list[Fix] = []
    for f in sorted(fixes, key=_START_END):
        if text[f.start : f.end] == f.after or (out and f.start < out[-1].end):
            continue
        out.append(f)
    return out


def _apply(text: str, fixes: list[Fix]) -> str:
    parts: list[str] = []
    pos = 0
    for f in fixes:
        parts.append(text[pos : f.start])
        parts.append(f.after)
        pos = f.end
    parts.append(text[pos:])
    return "".join(parts)


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
    log: list[tuple[str, int, int, str]] = []  # kind, start, end (in the current text), before
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
            fixes = _clean(text, step(text))
            if not fixes:
                idle[kind] = text
                continue
            exposing = (
                exposing
                or kind not in _CONFINED
                or any(len(f.after) != f.end - f.start for f in fixes)
            )
            mapper = _Mapper(fixes)
            log = [(k, *mapper.span(s, e), before) for k, s, e, before in log]
            damaged = [mapper.span(s, e) for s, e in damaged]
            for f, new_start in zip(fixes, mapper.new_starts, strict=False):
                log.append((kind, new_start, new_start + len(f.after), text[f.start : f.end]))
                if f.damaged:
                    damaged.extend((new_start + a, new_start + b) for a, b in f.damaged)
            text = _apply(text, fixes)
            present.update(_GATED.findall("".join(f.after for f in fixes)))
        if not exposing:
            break
    if "\ufffd" in text:
        damaged.extend(m.span() for m in _LOST_RUN.finditer(text))
    repairs = tuple(Repair(k, Span(s, e), before, text[s:e]) for k, s, e, before in log)
    return Repaired(text, repairs, _merge(damaged))
