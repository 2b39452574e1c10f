"""How plausible a character is in a Chinese official document.

Mojibake is recognised by comparison: the text as it stands against the text its bytes give
when decoded another way. Both readings are scored character by character with a frequency
model derived from the codecs themselves, so no data file is needed: GB2312 level 1 holds the
3755 most frequent simplified characters and Big5's 常用字 block the 5401 most frequent
traditional ones. Mis-decoded bytes land mostly outside these sets (level-2 and extension
characters, bopomofo, box drawing, Greek, private use).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["COMMON_SCORE", "LOST", "char_class", "char_scores", "common_chars", "score"]

LOST = "\ufffd"
COMMON_SCORE = 2
_RARE_HAN = -1  # a real but uncommon character: names and place names have some
_LOST_SCORE = -2
_ODD = -3  # symbols, bopomofo, Latin letters with accents, private use: mis-decoding debris


def _block(codec: str, leads: range, trails: list[int]) -> str:
    # Every lead byte followed by every trail byte, interleaved by slice assignment in C.
    raw = bytearray(2 * len(leads) * len(trails))
    raw[0::2] = b"".join(bytes((lead,)) * len(trails) for lead in leads)
    raw[1::2] = bytes(trails) * len(leads)
    return raw.decode(codec, "ignore")


@functools.cache
def common_chars() -> frozenset[str]:
    """Characters a 公文 is made of: frequent Han characters of both scripts, the punctuation
    and full-width forms of GB2312 rows 1 and 3, circled numbers and printable ASCII.

    Built on first use (a few milliseconds) and cached: importing govdoc stays cheap.
    """
    hi = list(range(0xA1, 0xFF))
    parts = [
        _block("gb2312", range(0xB0, 0xD8), hi),  # level 1: rows B0–D7
        _block("big5", range(0xA4, 0xC6), [*range(0x40, 0x7F), *hi]),
        _block("big5", range(0xC6, 0xC7), list(range(0x40, 0x7F))),  # 常用字 end at C67E
        _block("gb2312", range(0xA1, 0xA2), hi),
        _block("gb2312", range(0xA3, 0xA4), hi),
        "".join(map(chr, range(0x2460, 0x2474))),  # ①…⑳
        "".join(map(chr, range(0x2160, 0x216C))),  # Ⅰ…Ⅻ
        "".join(map(chr, range(0x20, 0x7F))).replace("?", ""),
        "\u3007\u3001\u3002\u300a\u300b\u3008\u3009\u300c\u300d\u300e\u300f\u3010\u3011\u3014\u3015",
        "\u2014\u2026\u201c\u201d\u2018\u2019\u00b7\u00d7\u2103\u3000\u00ab\u00bb",
    ]
    return frozenset("".join(parts))


@functools.cache
def char_scores() -> Mapping[str, int]:
    """Score of every character :func:`common_chars` holds (read-only, shared)."""
    return MappingProxyType(dict.fromkeys(common_chars(), COMMON_SCORE))


def score(ch: str, table: Mapping[str, int]) -> int:
    """Plausibility of one character: positive for what documents are made of. ``table`` is
    :func:`char_scores` (passed in because this runs in tight loops)."""
    known = table.get(ch)
    if known is not None:
        return known
    if ch in ("?", LOST):  # "?" is how many decoders show a byte they could not read
        return _LOST_SCORE
    o = ord(ch)
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
        return _RARE_HAN
    return _ODD


def char_class(chars: str) -> str:
    """The inside of a regex ``[...]`` matching ``chars``, written as ranges to keep it small."""
    codes = sorted({ord(ch) for ch in chars})
    parts: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        lo, hi = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        parts.append(lo if i == j else f"{lo}-{hi}")
        i = j + 1
    return "".join(parts)
