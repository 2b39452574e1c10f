"""Byte-level repair of text that was decoded with the wrong codec or out of step.

* UTF-8 decoded as GBK/GB18030 ("锛堜竴锛夊缓璁" for "（一）建设"): each run of non-ASCII
  characters is encoded back to GB18030, which restores the UTF-8 bytes, and replaced when
  those bytes read as far more plausible text (:mod:`govdoc.charscore`). Bytes the wrong
  decoder replaced (U+FFFD, or "?" where the run ends early) are guessed when exactly one
  value fits, else the character stays lost.
* GBK decoded one byte out of step ("?。ㄒ唬﹦" for "（一）創"): see :mod:`govdoc.gbkshift`.

Functions return :class:`Fix` values in text coordinates; ``govdoc.repair`` applies them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import NamedTuple

from .charscore import COMMON_SCORE, LOST, char_scores, score

__all__ = ["SUSPECT_CHARS", "Fix", "utf8_as_gbk_fixes"]


class Fix(NamedTuple):
    """Replace ``text[start:end]`` by ``after``; ``damaged`` are ranges of ``after`` (relative
    to its start) holding text that could not be recovered."""

    start: int
    end: int
    after: str
    damaged: tuple[tuple[int, int], ...] = ()


def _gbk_lead_class() -> str:
    # Characters GBK decodes from (UTF-8 lead byte of U+2000–U+9FFF or U+FFxx, continuation
    # byte): every mis-decoded run of Chinese UTF-8 starts with one of them, and they are rare
    # level-2 or extension characters in real text, so they make a cheap gate.
    chars = []
    for lead in (*range(0xE2, 0xEA), 0xEF):
        for trail in range(0x80, 0xC0):
            try:
                chars.append(bytes((lead, trail)).decode("gbk"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


#: Every run this module reverts holds one of these characters; a text without any has nothing
#: to revert.
SUSPECT_CHARS = _gbk_lead_class()


@functools.cache
def _run() -> re.Pattern[str]:
    """A run of characters that may be mis-decoded bytes (compiled on first use, as below)."""
    return re.compile(f"[^{_NOT_IN_RUN}](?:[^{_NOT_IN_RUN}]|\\?(?=[^{_NOT_IN_RUN}]))*")


@functools.cache
def _part_lost_numeral() -> re.Pattern[str]:
    return re.compile(_PART_LOST_NUMERAL)


@functools.cache
def _suspect() -> re.Pattern[str]:
    # Compiled on first use (a few milliseconds): the repair stage calls this module only for
    # texts holding one of these characters.
    return re.compile(f"[{re.escape(SUSPECT_CHARS)}]")


# Runs end at ASCII and at spaces (which the invisible step turns into ASCII spaces next, so
# that a second run of the repair sees the same runs); zero-width characters inside a run
# carry no bytes. A "?" between two other characters is a byte the decoder could not read.
_NOT_IN_RUN = "\\x00-\\x7f\u3000\xa0\u1680\u2000-\u200a\u202f\u205f"
_ZERO_WIDTH = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
_UNREAD = re.compile("[?\ufffd]")
_LOST_RUN = re.compile("\ufffd{2,}")
_NUMERAL = "〇一二三四五六七八九十百零两"
# A bracket marker whose numeral is partly lost: the parser infers the value from its
# neighbours only when the whole numeral is U+FFFD.
_PART_LOST_NUMERAL = f"^([ \u3000]*（)[{_NUMERAL}\ufffd]*\ufffd[{_NUMERAL}\ufffd]*(）)"
_MIN_RUNS = 2  # confident runs that make a document "mis-decoded", letting marginal runs in


def _collapse_lost(text: str) -> str:
    """One U+FFFD per stretch of lost text: how many characters were lost is unknown."""
    return _LOST_RUN.sub(LOST, text) if LOST in text else text


def _gbk_replaces(byte: int, following: int) -> bool:
    """Would a GBK decoder have replaced ``byte`` when followed by ``following``?"""
    if byte < 0x80:
        return False
    try:
        bytes((byte, following)).decode("gbk")
    except UnicodeDecodeError as exc:
        return exc.start == 0
    return False


def _utf8_size(lead: int) -> int:
    """Length of the UTF-8 sequence ``lead`` starts (0 if it starts none)."""
    if 0xC2 <= lead < 0xE0:
        return 2
    if 0xE0 <= lead < 0xF0:
        return 3
    return 4 if 0xF0 <= lead < 0xF5 else 0


def _fits(buf: bytearray, k: int, table: Mapping[str, int]) -> bool:
    """Is byte ``k`` part of a valid UTF-8 sequence for a common character?"""
    lo = k
    while lo > 0 and k - lo < 3 and 0x80 <= buf[lo] < 0xC0:  # back to the lead byte
        lo -= 1
    size = _utf8_size(buf[lo])
    if lo + size <= k:
        return False
    try:
        ch = bytes(buf[lo : lo + size]).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return len(ch) == 1 and score(ch, table) > 0


def _fill_unknown(buf: bytearray, unknown: list[int], following: int) -> None:
    """Guess each byte the wrong decoder replaced: a value GBK rejects in its place that
    completes a common character. Only a unique fit is taken (十 and 本 both fit E6 9C ??:
    guessing by frequency would hide the loss); otherwise the byte stays 0xFF, invalid in
    UTF-8, and the character reads as U+FFFD."""
    table = char_scores()
    for k in unknown:
        nxt = buf[k + 1] if k + 1 < len(buf) else following
        fits: list[int] = []
        for x in range(0x80, 0x100):
            buf[k] = x
            if _gbk_replaces(x, nxt) and _fits(buf, k, table):
                fits.append(x)
                if len(fits) > 1:
                    break
        buf[k] = fits[0] if len(fits) == 1 else 0xFF


def _encode_run(run: str) -> tuple[bytearray, list[int]] | None:
    """The bytes the wrong decoder read, 0xFF where it could not read one (their indexes)."""
    run = _ZERO_WIDTH.sub("", run)
    if not run:
        return None
    buf = bytearray()
    unknown: list[int] = []
    for i, part in enumerate(_UNREAD.split(run)):
        if i:
            unknown.append(len(buf))
            buf.append(0xFF)
        try:
            buf += part.encode("gb18030")
        except UnicodeEncodeError:  # lone surrogates: not something a decoder produced
            return None
    return buf, unknown


class _Candidate(NamedTuple):
    fix: Fix
    confident: bool


def _revert_run(text: str, start: int, end: int, floor: int) -> _Candidate | None:
    """Revert ``text[start:end]``; a "?" before it (not before ``floor``) and after it may
    stand for bytes the decoder could not read."""
    encoded = _encode_run(text[start:end])
    if encoded is None:
        return None
    buf, unknown = encoded
    # The run starts inside a character whose first bytes went with a "?": that character is
    # lost, the "?" belongs to it.
    stray = 0x80 <= buf[0] < 0xC0
    if stray and start > floor and text[start - 1] == "?":
        start -= 1
    following = _first_byte(text, end)
    # A decoder that writes "?" for a bad byte ends the run early: "骞?0" for "年10".
    while following == 0x3F and _missing(buf, unknown) > 0:
        unknown.append(len(buf))
        buf.append(0xFF)
        end += 1
        following = _first_byte(text, end)
    _fill_unknown(buf, unknown, following)
    after = _collapse_lost(bytes(buf).decode("utf-8", "replace"))
    table = char_scores()
    good = sum(1 for ch in after if ord(ch) > 0x7F and ch in table)
    lost = after.count(LOST)
    # Losses the decoder's replacements explain; any other U+FFFD means the bytes are not
    # UTF-8 at all.
    unexplained = lost - buf.count(0xFF) - stray
    odd = sum(1 for ch in after if ch != LOST and score(ch, table) < -1)
    if odd > good // 10 or good + lost == 0:
        return None
    before_avg = sum(score(ch, table) for ch in text[start:end]) / (end - start)
    after_avg = sum(score(ch, table) for ch in after) / len(after)
    confident = good >= 2 and unexplained * 4 <= good and after_avg >= before_avg + 0.75
    # A remnant such as "骞?" or "傚姞": valid UTF-8 except where bytes were replaced.
    marginal = odd == 0 and unexplained <= 0 and before_avg < COMMON_SCORE
    if not (confident or marginal):
        return None
    if text[text.rfind("\n", 0, start) + 1 : start].strip(" \u3000\t") == "":
        after = _part_lost_numeral().sub(f"\\1{LOST}\\2", after)  # （十\ufffd） → （\ufffd）
    damaged = tuple((i, i + 1) for i, ch in enumerate(after) if ch == LOST)
    return _Candidate(Fix(start, end, after, damaged), confident)


def _first_byte(text: str, pos: int) -> int:
    """The first byte the wrong decoder saw at ``pos`` (a newline at the end)."""
    if pos >= len(text):
        return 0x0A
    try:
        return text[pos].encode("gb18030")[0]
    except UnicodeEncodeError:
        return 0xFF


def _missing(buf: bytearray, unknown: list[int]) -> int:
    """How many bytes the last UTF-8 sequence of ``buf`` lacks (unread bytes count as
    continuation bytes)."""
    lo = len(buf) - 1
    while lo >= 0 and len(buf) - lo <= 3 and (0x80 <= buf[lo] < 0xC0 or lo in unknown):
        lo -= 1
    return _utf8_size(buf[lo]) - (len(buf) - lo) if lo >= 0 else 0


def _split_by_indent(text: str, end: int, nxt: int) -> bool:
    """Is the U+3000 between two runs the middle of a character (A1A1 of 衡 = E8 A1 A1)?"""
    if nxt != end + 1 or text[end] != "\u3000":
        return False
    start = text.rfind("\n", 0, end) + 1
    encoded = _encode_run(text[max(start, end - 4) : end])
    return encoded is not None and _missing(*encoded) == 2


def utf8_as_gbk_fixes(text: str) -> list[Fix]:
    """Runs of UTF-8 bytes shown as GBK characters, reverted where the bytes survive.

    A run is reverted when its bytes read as clearly more plausible text; a run that only
    reads no worse (a lone "骞" + lost byte) is reverted too once the document has shown
    itself mis-decoded by several clear runs.
    """
    found: list[_Candidate] = []
    done = 0
    for hit in _suspect().finditer(text):
        if hit.start() < done:
            continue
        line_end = text.find("\n", hit.start())
        line_end = len(text) if line_end < 0 else line_end
        floor = max(text.rfind("\n", 0, hit.start()) + 1, done)
        runs = [m.span() for m in _run().finditer(text, floor, line_end)]
        for i, (start, end) in enumerate(runs):
            if start < floor or _suspect().search(text, start, end) is None:
                continue
            cand = None
            if i + 1 < len(runs) and _split_by_indent(text, end, runs[i + 1][0]):
                cand = _revert_run(text, start, runs[i + 1][1], floor)
            cand = cand or _revert_run(text, start, end, floor)
            if cand is not None:
                found.append(cand)
                floor = cand.fix.end
        done = line_end
    confident = sum(1 for c in found if c.confident)
    keep_marginal = confident >= _MIN_RUNS
    return [c.fix for c in found if c.confident or keep_marginal]
