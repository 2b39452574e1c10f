"""Repair of lines whose GBK bytes were decoded one byte out of step.

When a decoder loses one byte at the start of a line it reads every following pair of bytes
across two characters: ``（一）創`` (A3A8 D2BB A3A9 8493) becomes ``?。ㄒ唬﹦`` (lost byte,
A1A3 A8D2 BBA3 A984). It stays out of step until a single-byte character brings it back.
Encoding the characters back to GBK and decoding one byte later recovers the text, as far as
the bytes survive: sites drop the private-use characters that some pairs decode to, so a
recovered character may straddle a gap (``醛`` for ``三）``).

Each line is read by a small dynamic programme over "in step" and "out of step, carrying byte
b"; at an ASCII character it weighs "back in step" (the character was the trail byte),
"a full-width form folded to ASCII" (sites fold ＝ to =) and "a byte lost here". The reading
with the best plausibility (:mod:`govdoc.charscore`) wins if it beats the line as it stands
by a clear margin. A bracket marker is then made whole: ``（`` + straddle becomes
``（\\ufffd）`` so that the parser can infer the numeral from the numbering around it.
"""

from __future__ import annotations

import functools
import re

from .charscore import LOST, char_class, common_chars, score
from .mojibake import Fix

__all__ = ["gbk_shift_fixes"]

_IN = -1  # decoder in step
_LEAD_LOST = -2  # out of step, the pending lead byte was lost
_KEEP, _SHIFTED, _LOSTCH, _LOST_PAREN = 0, 1, 2, 3
_MARGIN = 6  # the re-read line must beat the line as written by this much (3 characters)
_SILENT = 4  # extra evidence needed when no "?" marks the lost byte
_RESHIFT = 6  # cost of a second lost byte inside a line
_CLOSER_COST = -5  # a line that starts with 。 or ，
_EXTRA_LOSS = 2
_FOLD = 2  # cost of reading ASCII as a folded full-width form
_NUMERALS = "〇一二三四五六七八九十百零两"
_SPACES = " \t\u3000\xa0"
_PREFIXED = re.compile(f"\\n[{_SPACES}]*[?\ufffd][^\\x00-\\x7f]")
_STARTERS = "（《“‘【〔「『—…●■◆▲★☆○◎□△※·０１２３４５６７８９\u3000"
_CLOSERS = "，。、；：）》”’】〕」』？！"
_MARKER = re.compile(f"（([{_NUMERALS}]+)(.?)", re.S)
_LOST_RUN = re.compile("\ufffd+")
_NUMBERED = re.compile(f"[{_NUMERALS}\ufffd]+）")

_Piece = tuple[str, int]  # one character and how it was obtained (_KEEP, _SHIFTED, …)
_Move = tuple[int, int, tuple[_Piece, ...]]  # cost, new state, pieces
_Cell = tuple[int, int, tuple[_Piece, ...]]  # score, previous state, pieces of the last unit


@functools.cache
def _silent_gate() -> re.Pattern[str]:
    """Lines starting with a character no real line starts with (a closing 。, bopomofo ㄒ,
    a rare extension character): maybe out of step with no "?" left to show it."""
    ok = (common_chars() - set(_CLOSERS)) | set(_STARTERS)
    return re.compile(f"\\n[{_SPACES}]*[^\\x00-\\x7f{char_class(''.join(ok))}]")


def _pair(a: int, b: int) -> str:
    try:
        return bytes((a, b)).decode("gbk")
    except UnicodeDecodeError:
        return LOST


def _carry(pieces: tuple[_Piece, ...], byte: int) -> tuple[int, tuple[_Piece, ...]]:
    # A trail byte below 0x80 is an ASCII character to the in-step reader: back in step.
    if byte < 0x80:
        return _IN, (*pieces, (chr(byte), _SHIFTED))
    return byte, pieces


def _opening(body: str) -> int:
    """Index of the first character after a "?" that marks a lost byte (0 without one)."""
    return 1 if body[:1] in ("?", "\ufffd") else 0


def _as_is_cost(body: str, i: int) -> int:
    # No line starts with closing punctuation; a mis-read indent (A1A1 → 。) often does.
    return _CLOSER_COST if i == _opening(body) and body[i : i + 1] in _CLOSERS else 0


def _moves(state: int, ch: str, enc: bytes | None, i: int, body: str) -> list[_Move]:
    """Ways to read character ``i`` of a line (``enc`` its GBK bytes) in ``state``."""
    if state == _IN:
        out: list[_Move] = [(_as_is_cost(body, i), _IN, ((ch, _KEEP),))]
        if ch in "?\ufffd":
            out.append((0 if i == 0 else -_RESHIFT, _LEAD_LOST, ()))
        return out
    at_start = i <= 1
    if enc is not None:
        if state == _LEAD_LOST:
            # At the start of a line the lost character was most likely an indent (A1A1) or
            # the bracket of a marker (A3A8); elsewhere it is just lost.
            kind = _LOST_PAREN if at_start and enc[0] == 0xA8 else _LOSTCH
            head: tuple[_Piece, ...] = () if at_start and enc[0] == 0xA1 else ((LOST, kind),)
        else:
            head = ((_pair(state, enc[0]), _SHIFTED),)
        new, pieces = _carry(head, enc[1])
        return [(0, new, pieces)]
    o = ord(ch)
    first = (LOST, _LOSTCH) if state == _LEAD_LOST else (_pair(state, 0xA3), _SHIFTED)
    out = []
    as_trail = 0x40 <= o <= 0x7E and state != _LEAD_LOST
    if as_trail:
        out.append((0, _IN, ((_pair(state, o), _SHIFTED),)))
    if 0x21 <= o <= 0x7E and ch != "?":  # "?" is a lost byte far more often than a folded ？
        new, pieces = _carry((first,), o + 0x80)
        out.append((-_FOLD, new, pieces))
    if ch in "?\ufffd":
        out.append((0, _IN, ((LOST, _LOSTCH),)))
    else:  # a byte lost just before ``ch``: one more accident than reading it as a trail byte
        out.append((-_EXTRA_LOSS if as_trail else 0, _IN, ((LOST, _LOSTCH), (ch, _KEEP))))
    return out


def _encode(ch: str) -> bytes | None:
    """The two GBK bytes of ``ch``; None for ASCII and for what GBK cannot hold."""
    if ord(ch) < 0x80:
        return None
    try:
        enc = ch.encode("gbk")
    except UnicodeEncodeError:
        return None
    return enc if len(enc) == 2 else None


def _best_reading(body: str, silent: bool) -> tuple[int, list[tuple[_Piece, ...]]]:
    """Score of the best reading of ``body`` and its pieces per character (one extra entry
    for a byte left pending at the end of the line)."""
    common = common_chars()
    cells: dict[int, _Cell] = {_IN: (0, _IN, ())}
    if silent:
        cells[_LEAD_LOST] = (-_SILENT, _IN, ())
    history: list[dict[int, _Cell]] = []
    for i, ch in enumerate(body):
        enc = _encode(ch)
        nxt: dict[int, _Cell] = {}
        for state, (total, _, _) in cells.items():
            for cost, new, pieces in _moves(state, ch, enc, i, body):
                value = total + cost + sum(score(t, common) for t, _ in pieces)
                if new not in nxt or value > nxt[new][0]:
                    nxt[new] = (value, state, pieces)
        history.append(nxt)
        cells = nxt
    pending = score(LOST, common)
    finals = {s: c[0] + (0 if s in (_IN, _LEAD_LOST) else pending) for s, c in cells.items()}
    state = max(finals, key=finals.__getitem__)
    best = finals[state]
    per_unit: list[tuple[_Piece, ...]] = [()]
    if state not in (_IN, _LEAD_LOST):
        per_unit[0] = ((LOST, _LOSTCH),)
    for step in reversed(history):
        _, prev, pieces = step[state]
        per_unit.insert(0, pieces)
        state = prev
    return best, per_unit


def _finish(per_unit: list[tuple[_Piece, ...]]) -> tuple[int, str, int] | None:
    """How many characters of the line the re-read part covers, its text with the marker made
    whole, and where its damaged part (first loss to end) begins; None if nothing changed."""
    changed = [i for i, ps in enumerate(per_unit) if any(k != _KEEP for _, k in ps)]
    if not changed:
        return None
    consumed = min(changed[-1] + 1, len(per_unit) - 1)
    pieces = [p for ps in per_unit[: changed[-1] + 1] for p in ps]
    common = common_chars()
    chars: list[str] = []
    lost: list[bool] = []
    for text, kind in pieces:
        is_lost = kind in (_LOSTCH, _LOST_PAREN) or (kind == _SHIFTED and score(text, common) < 0)
        chars.append(LOST if is_lost else text)
        lost.append(is_lost)
    if pieces and pieces[0][1] != _KEEP:
        _mend_marker(pieces[0][1], chars, lost)
    first = lost.index(True) if True in lost else len(chars)
    head = "".join(chars[:first])
    return consumed, head + _LOST_RUN.sub(LOST, "".join(chars[first:])), len(head)


def _mend_marker(first_kind: int, chars: list[str], lost: list[bool]) -> None:
    """``（`` + straddle → ``（\ufffd）``; ``（四`` + straddle → ``（四）\ufffd``; a lost A3A8
    before numerals and ``）`` → ``（``."""
    if first_kind == _LOST_PAREN and _NUMBERED.match("".join(chars[1:6])):
        chars[0], lost[0] = "（", False
    out = "".join(chars)
    m = _MARKER.match(out)
    if m and m.group(2) != "）":
        chars[m.start(2) : m.end(2)] = ["）", LOST]
        lost[m.start(2) : m.end(2)] = [False, True]
    elif not m and out.startswith("（") and out[1:2] != "）":
        # The straddle stands for the numeral and, unless it survived, the closing bracket.
        chars[1:2] = [LOST] if out[2:3] == "）" else [LOST, "）"]
        lost[1:2] = [True] if out[2:3] == "）" else [True, False]


def gbk_shift_fixes(text: str) -> list[Fix]:
    """Fixes for every line that reads far better one byte out of step."""
    padded = "\n" + text  # the gates start at "\n"; a match at p is a line starting at p
    starts = {m.start() for m in _PREFIXED.finditer(padded)}
    starts.update(m.start() for m in _silent_gate().finditer(padded))
    common = common_chars()
    fixes: list[Fix] = []
    for line_start in sorted(starts):
        line_end = text.find("\n", line_start)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        body_at = line_start + len(line) - len(line.lstrip(_SPACES))
        body = line[body_at - line_start :]
        prefixed = body[:1] in ("?", "\ufffd")
        best, per_unit = _best_reading(body, silent=not prefixed)
        as_is = sum(score(ch, common) + _as_is_cost(body, i) for i, ch in enumerate(body))
        if best < as_is + _MARGIN + (0 if prefixed else _SILENT):
            continue
        done = _finish(per_unit)
        if done is not None:
            consumed, after, damage_at = done
            damaged = ((damage_at, len(after)),) if damage_at < len(after) else ()
            fixes.append(Fix(body_at, body_at + consumed, after, damaged))
    return fixes
