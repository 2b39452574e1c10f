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

import re

from .charscore import LOST, char_scores, score
from .gbklines import CLOSERS as _CLOSERS
from .gbklines import SPACES as _SPACES
from .gbklines import suspect_line_starts
from .mojibake import Fix

__all__ = ["gbk_shift_fixes"]

_IN = -1  # decoder in step
_LEAD_LOST = -2  # out of step, the pending lead byte was lost
_KEEP, _SHIFTED, _LOSTCH, _LOST_PAREN = 0, 1, 2, 3
_MARGIN = 5  # the re-read line must beat the line as written by this much
_SILENT = 1  # extra evidence needed when no "?" marks the lost byte
_RESHIFT = 6  # cost of a second lost byte inside a line
_CLOSER_COST = -5  # a line that starts with 。 or ，
_EXTRA_LOSS = 2  # a lost byte where the ASCII could simply be a trail byte
_MAX_READ = 2000  # a decoder is back in step long before: bounds the work on huge lines
_BEAM = 16  # readings this far behind the best are dropped
_FOLD = 2  # cost of reading ASCII as a folded full-width form
_NUMERALS = "〇一二三四五六七八九十百零两"
_LOST_RUN = re.compile("\ufffd+")
_LEADING_MARKER = re.compile(f"[{_SPACES}]*(?:（[^）]{{1,4}}）)?")
_NUMBERED = re.compile(f"[{_NUMERALS}\ufffd]+）")

_Piece = tuple[str, int]  # one character and how it was obtained (_KEEP, _SHIFTED, …)
_Move = tuple[int, int, tuple[_Piece, ...]]  # cost, new state, pieces
_Cell = tuple[int, int, tuple[_Piece, ...]]  # score, previous state, pieces of the last unit


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


def _as_is_cost(body: str, i: int) -> int:
    # No line starts with closing punctuation; a mis-read indent (A1A1 → 。) often does.
    return _CLOSER_COST if i == 0 and body[:1] in _CLOSERS else 0


def _moves(state: int, ch: str, enc: bytes | None, i: int, keep_cost: int) -> list[_Move]:
    """Ways to read character ``i`` of a line (``enc`` its GBK bytes) in ``state``."""
    if state == _IN:
        out: list[_Move] = [(keep_cost, _IN, ((ch, _KEEP),))]
        if ch in "?\ufffd":
            out.append((-_RESHIFT, _LEAD_LOST, ()))
        return out
    at_start = i == 0
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
    # A lost character whose lead byte was A3 (full-width forms) may be the bracket "（".
    lost_kind = _LOST_PAREN if state == 0xA3 else _LOSTCH
    if ch in "?\ufffd":
        out.append((0, _IN, ((LOST, lost_kind),)))
    else:  # a byte lost just before ``ch``: one more accident than reading it as a trail byte
        out.append((-_EXTRA_LOSS if as_trail else 0, _IN, ((LOST, lost_kind), (ch, _KEEP))))
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


def _best_reading(body: str, silent: bool) -> tuple[list[tuple[_Piece, ...]], tuple[_Piece, ...]]:
    """The pieces of the best reading of the start of ``body``, per character, up to where it
    is back in step for good (the rest reads as written), and the pieces for a byte left
    pending at the end of the line. ``body`` starts where the lost byte was."""
    table = char_scores()
    cells: dict[int, _Cell] = {_IN: (0, _IN, ()), _LEAD_LOST: (-_SILENT if silent else 0, _IN, ())}
    history: list[dict[int, _Cell]] = []
    last_lost = max(body.rfind("?"), body.rfind("\ufffd"))
    for i, ch in enumerate(body):
        if i > last_lost and len(cells) == 1 and _IN in cells:
            break  # in step with no lost byte ahead: the rest of the line reads as written
        enc = _encode(ch)
        keep_cost = _as_is_cost(body, i)
        nxt: dict[int, _Cell] = {}
        for state, (total, _, _) in cells.items():
            for cost, new, pieces in _moves(state, ch, enc, i, keep_cost):
                value = total + cost + sum(score(t, table) for t, _ in pieces)
                if new not in nxt or value > nxt[new][0]:
                    nxt[new] = (value, state, pieces)
        # Readings far behind the best one cannot win any more (scores change by a few
        # points per character): dropping them keeps long in-step tails cheap.
        best = max(c[0] for c in nxt.values())
        cells = {s: c for s, c in nxt.items() if c[0] >= best - _BEAM}
        history.append(cells)
    pending = score(LOST, table)
    finals = {s: c[0] + (0 if s in (_IN, _LEAD_LOST) else pending) for s, c in cells.items()}
    state = max(finals, key=finals.__getitem__)
    last: tuple[_Piece, ...] = () if state in (_IN, _LEAD_LOST) else ((LOST, _LOSTCH),)
    per_unit: list[tuple[_Piece, ...]] = []
    for step in reversed(history):
        _, prev, pieces = step[state]
        per_unit.append(pieces)
        state = prev
    per_unit.reverse()
    return per_unit, last


def _finish(
    reading: tuple[list[tuple[_Piece, ...]], tuple[_Piece, ...]], body: str
) -> tuple[int, str, int, int] | None:
    """How many characters of ``body`` the re-read part covers, its text with the marker made
    whole, where its damage (first loss to end) begins and how many characters the re-reading
    recovered (without any, dropping an "indent" and a "lost byte" explains too little);
    None if nothing changed. ``reading`` is what :func:`_best_reading` returns."""
    per_unit, last = reading
    if last:  # a byte pending at the end: the whole line is re-read, as written after the DP
        per_unit = [*per_unit, *(((ch, _KEEP),) for ch in body[len(per_unit) :]), last]
    changed = [i for i, ps in enumerate(per_unit) if any(k != _KEEP for _, k in ps)]
    if not changed:
        return None
    consumed = min(changed[-1] + 1, len(body))
    table = char_scores()
    chars: list[str] = []
    kinds: list[int] = []
    for text, kind in (p for ps in per_unit[: changed[-1] + 1] for p in ps):
        if kind == _SHIFTED and score(text, table) < 0:  # a character straddling lost bytes
            kind = _LOSTCH
        chars.append(LOST if kind in (_LOSTCH, _LOST_PAREN) else text)
        kinds.append(kind)
    evidence = sum(
        1 for ch, k in zip(chars, kinds, strict=False) if k == _SHIFTED and ch not in _SPACES
    )
    size, taken = len(chars), 0
    if kinds and kinds[0] != _KEEP:
        chars, size, taken = _mend_marker(chars, kinds, body[consumed : consumed + 8])
        evidence += "（" in chars[:size] and "（" not in body[: consumed + taken]
    region = "".join(chars[:size])
    # Everything read out of step after the marker is unverified: a site may have dropped the
    # private-use characters some byte pairs decode to, leaving plausible straddles behind.
    start = _marker_end(region)
    lost = region.find(LOST)
    start = min(start, lost) if lost >= 0 else start
    region = region[:start] + _LOST_RUN.sub(LOST, region[start:])
    return consumed + taken, region, start, evidence


def _marker_end(text: str) -> int:
    """End of the indent and bracket marker at the start of ``text`` (0 without either)."""
    m = _LEADING_MARKER.match(text)
    return m.end() if m else 0


def _mend_marker(chars: list[str], kinds: list[int], rest: str) -> tuple[list[str], int, int]:
    """Make a bracket marker at the start of a re-read line whole, looking ahead into the
    in-step ``rest``: ``（`` + straddle → ``（\ufffd）``, ``（四`` + straddle → ``（四）\ufffd``,
    a lost A3xx before numerals and ``）`` → ``（``. Returns the characters, how many of them
    belong to the re-read part and how many characters of ``rest`` it took in."""
    size = len(chars)
    joined = [*chars, *rest]
    at = 0
    while at < size and joined[at] in _SPACES:
        at += 1
    if at >= size:
        return chars, size, 0
    if kinds[at] == _LOST_PAREN and _NUMBERED.match("".join(joined[at + 1 : at + 6])):
        joined[at] = "（"
    elif joined[at] == "）":  # the bracket and the numeral went with the lost byte
        joined[at:at] = ["（", LOST]
        return joined, size + 2, 0
    if joined[at] != "（":
        return joined[:size], size, 0
    start = end = at + 1
    while end < len(joined) and joined[end] in _NUMERALS:
        end += 1
    if end > start:  # the numeral survived; what follows it should be the bracket
        if end < len(joined) and joined[end] == "）":
            return joined[:size], size, 0
        start = end
        end = end + 1 if end < size else end  # a straddle stands for "）" and more
        new = ["）", LOST]
    else:  # the numeral is lost: a straddle stands for it and, unless it survived, for "）"
        if end < size and joined[end] != "）":
            end += 1
        stop = end
        while stop < len(joined) and (joined[stop] == LOST or joined[stop] in _NUMERALS):
            stop += 1
        if stop < len(joined) and joined[stop] == "）":  # （ + 十 lost + 一） → （\ufffd）
            end = stop + 1
        new = [LOST, "）"]
    joined[start:end] = new
    return joined, max(size, end) + len(new) - (end - start), max(0, end - size)


def gbk_shift_fixes(text: str) -> list[Fix]:
    """Fixes for every line that reads far better one byte out of step.

    Runs after the invisible-character step, so an indent is ASCII spaces: the lost byte is
    the "?" after it, or (without one) the first byte of the first character after it.
    """
    starts = suspect_line_starts(text)
    if not starts:
        return []
    table = char_scores()
    fixes: list[Fix] = []
    for line_start in starts:
        line_end = text.find("\n", line_start)
        line = text[line_start : len(text) if line_end < 0 else line_end]
        at = line_start + len(line) - len(line.lstrip(_SPACES))
        prefixed = text[at : at + 1] in ("?", "\ufffd")
        body_at = at
        if prefixed:  # the indent after a "?" was read out of step too; it reads as spaces
            rest = line[at + 1 - line_start :]
            body_at = at + 1 + len(rest) - len(rest.lstrip(_SPACES))
        body = text[body_at : min(line_start + len(line), body_at + _MAX_READ)]
        done = _finish(_best_reading(body, silent=not prefixed), body)
        if done is None:
            continue
        consumed, after, damage_at, evidence = done
        before = sum(
            score(ch, table) + _as_is_cost(body, i) for i, ch in enumerate(body[:consumed])
        )
        gain = (
            sum(score(ch, table) for ch in after) - before + (-score("?", table) if prefixed else 0)
        )
        # Without the "?" only a recovered marker is evidence enough (bopomofo ㄅㄆ… reads
        # as plausible characters one byte later, and this model knows no words).
        line_after = after + body[consumed : consumed + 8]
        marked = prefixed or _marker_end(line_after) > len(line_after) - len(
            line_after.lstrip(_SPACES)
        )
        if evidence and marked and gain >= _MARGIN + (0 if prefixed else _SILENT):
            gap = text[at + 1 : body_at] if prefixed else ""
            damaged = (
                ((len(gap) + damage_at, len(gap) + len(after)),) if damage_at < len(after) else ()
            )
            fixes.append(Fix(at, body_at + consumed, gap + after, damaged))
    return fixes
