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

import re
from typing import NamedTuple

from .charscore import COMMON_SCORE, LOST, common_chars, score

__all__ = ["Fix", "collapse_lost", "utf8_as_gbk_fixes"]


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


_SUSPECT = re.compile(f"[{re.escape(_gbk_lead_class())}]")
_RUN = re.compile(r"[^\x00-\x7f]+")
_LOST_RUN = re.compile("\ufffd{2,}")
_MIN_RUNS = 2  # confident runs that make a document "mis-decoded", letting marginal runs in


def collapse_lost(text: str) -> str:
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


def _window_score(buf: bytearray, k: int) -> int:
    common = common_chars()
    piece = bytes(buf[max(0, k - 6) : k + 7]).decode("utf-8", "replace")
    return sum(score(ch, common) for ch in piece)


def _fill_unknown(buf: bytearray, unknown: list[int], following: int) -> None:
    """Guess each byte the wrong decoder replaced: it must be one GBK rejects in its place, and
    exactly one such value must give the most plausible UTF-8 around it; else it stays 0xFF
    (invalid in UTF-8, so the character decodes as U+FFFD)."""
    for k in unknown:
        nxt = buf[k + 1] if k + 1 < len(buf) else following
        scored: list[tuple[int, int]] = []
        for x in range(0x80, 0x100):
            if _gbk_replaces(x, nxt):
                buf[k] = x
                scored.append((_window_score(buf, k), x))
        scored.sort(reverse=True)
        unique = len(scored) == 1 or (len(scored) > 1 and scored[0][0] > scored[1][0])
        buf[k] = scored[0][1] if scored and unique else 0xFF


def _encode_run(run: str) -> tuple[bytearray, list[int]] | None:
    buf = bytearray()
    unknown: list[int] = []
    for i, part in enumerate(run.split(LOST)):
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


def _revert_run(text: str, start: int, end: int) -> _Candidate | None:
    run = text[start:end]
    encoded = _encode_run(run)
    if encoded is None:
        return None
    buf, unknown = encoded
    following = ord(text[end]) if end < len(text) else 0x0A
    # A decoder that writes "?" for a bad byte ends the run early: "骞?0" for "年10".
    if following == 0x3F and _ends_incomplete(buf):
        unknown.append(len(buf))
        buf.append(0xFF)
        end += 1
        following = ord(text[end]) if end < len(text) else 0x0A
    _fill_unknown(buf, unknown, following)
    after = collapse_lost(bytes(buf).decode("utf-8", "replace"))
    common = common_chars()
    good = sum(1 for ch in after if ord(ch) > 0x7F and ch in common)
    lost = after.count(LOST)
    odd = sum(1 for ch in after if ch != LOST and score(ch, common) < -1)
    if odd > good // 10 or good + lost == 0:
        return None
    before_avg = sum(score(ch, common) for ch in run) / len(run)
    after_avg = sum(score(ch, common) for ch in after) / len(after)
    confident = good >= 2 and lost * 4 <= good and after_avg >= before_avg + 0.75
    marginal = odd == 0 and before_avg < COMMON_SCORE
    if not (confident or marginal):
        return None
    damaged = tuple((i, i + 1) for i, ch in enumerate(after) if ch == LOST)
    return _Candidate(Fix(start, end, after, damaged), confident)


def _ends_incomplete(buf: bytearray) -> bool:
    try:
        bytes(buf).decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.end == len(buf) and exc.reason == "unexpected end of data"
    return False


def utf8_as_gbk_fixes(text: str) -> list[Fix]:
    """Runs of UTF-8 bytes shown as GBK characters, reverted where the bytes survive.

    A run is reverted when its bytes read as clearly more plausible text; a run that only
    reads no worse (a lone "骞" + lost byte) is reverted too once the document has shown
    itself mis-decoded by several clear runs.
    """
    if _SUSPECT.search(text) is None:
        return []
    found: list[_Candidate] = []
    done = 0
    for hit in _SUSPECT.finditer(text):
        if hit.start() < done:
            continue
        line_end = text.find("\n", hit.start())
        line_end = len(text) if line_end < 0 else line_end
        line_start = text.rfind("\n", 0, hit.start()) + 1
        for run in _RUN.finditer(text, max(line_start, done), line_end):
            if _SUSPECT.search(run.group()) is not None:
                cand = _revert_run(text, run.start(), run.end())
                if cand is not None:
                    found.append(cand)
        done = line_end
    confident = sum(1 for c in found if c.confident)
    keep_marginal = confident >= _MIN_RUNS
    return [c.fix for c in found if c.confident or keep_marginal]
