"""Hanyu Pinyin syllables, for telling pinyin ruby such as ``區(qū)`` from real bracketed text.

Some web sites convert simplified to traditional script and append the reading of each
converted character in brackets. Letters alone cannot tell such ruby from ``(an)`` or
``(GDP)``, so the repair stage accepts a bracket only when it holds one real Mandarin syllable
that carries a tone (a tone mark, or a tone digit 1-5).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["SYLLABLES", "TONE_MARKS", "base_syllable", "is_toned_syllable"]


def _expand(table: str) -> frozenset[str]:
    """``"b: a ai an"`` rows → ``{"ba", "bai", "ban"}``; ``_`` is the empty initial."""
    out: set[str] = set()
    for row in table.strip().splitlines():
        initial, finals = row.split(":")
        prefix = "" if initial.strip() == "_" else initial.strip()
        out.update(prefix + final for final in finals.split())
    return frozenset(out)


# Every base syllable of Standard Mandarin (the usual table of about 410, as in the Xinhua
# Zidian), one row per initial, ü written as ``v``. The interjection syllables m, n, ng, hm
# and hng are included because dictionaries give them tones too.
SYLLABLES: frozenset[str] = _expand(
    """
_: a ai an ang ao e ei en eng er o ou m n ng hm hng
b: a ai an ang ao ei en eng i ian iao ie in ing o u
p: a ai an ang ao ei en eng i ian iao ie in ing o ou u
m: a ai an ang ao e ei en eng i ian iao ie in ing iu o ou u
f: a an ang ei en eng iao o ou u
d: a ai an ang ao e ei en eng i ia ian iao ie ing iu ong ou u uan ui un uo
t: a ai an ang ao e ei eng i ian iao ie ing ong ou u uan ui un uo
n: a ai an ang ao e ei en eng i ian iang iao ie in ing iu ong ou u uan un uo v ve
l: a ai an ang ao e ei eng i ia ian iang iao ie in ing iu o ong ou u uan un uo v ve
g: a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo
k: a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo
h: a ai an ang ao e ei en eng ong ou u ua uai uan uang ui un uo
j: i ia ian iang iao ie in ing iong iu u uan ue un
q: i ia ian iang iao ie in ing iong iu u uan ue un
x: i ia ian iang iao ie in ing iong iu u uan ue un
zh: a ai an ang ao e ei en eng i ong ou u ua uai uan uang ui un uo
ch: a ai an ang ao e en eng i ong ou u ua uai uan uang ui un uo
sh: a ai an ang ao e ei en eng i ou u ua uai uan uang ui un uo
r: an ang ao e en eng i ong ou u ua uan ui un uo
z: a ai an ang ao e ei en eng i ong ou u uan ui un uo
c: a ai an ang ao e en eng i ong ou u uan ui un uo
s: a ai an ang ao e en eng i ong ou u uan ui un uo
y: a an ang ao e i in ing o ong ou u uan ue un
w: a ai an ang ei en eng o u
"""
)

# Tone-marked letter → (base letter, tone). ü and its tones map to ``v``, the usual ASCII
# stand-in, so that ``lǜ`` and ``lv4`` meet in the same table entry. The syllabic nasals of
# interjections (嗯 ń ň ǹ, 呣 ḿ) carry their tone on the consonant. Read-only.
TONE_MARKS: Mapping[str, tuple[str, int]] = MappingProxyType(
    {
        **{
            mark: (base, tone)
            for base, marks in (
                ("a", "āáǎà"),
                ("e", "ēéěè"),
                ("i", "īíǐì"),
                ("o", "ōóǒò"),
                ("u", "ūúǔù"),
                ("v", "ǖǘǚǜ"),
            )
            for tone, mark in enumerate(marks, start=1)
        },
        "\u0144": ("n", 2),
        "\u0148": ("n", 3),
        "\u01f9": ("n", 4),
        "\u1e3f": ("m", 2),
    }
)


def base_syllable(text: str) -> tuple[str, int] | None:
    """``"chuàng"`` → ``("chuang", 1)``: the toneless syllable and how many tones it carries
    (tone marks plus a final tone digit); None when it holds anything but pinyin letters."""
    tones = 0
    if text[-1:] in ("1", "2", "3", "4", "5"):
        text = text[:-1]
        tones = 1
    letters: list[str] = []
    for ch in text:
        if ch in TONE_MARKS:
            letters.append(TONE_MARKS[ch][0])
            tones += 1
        elif ch == "ü":
            letters.append("v")
        elif "a" <= ch <= "z":
            letters.append(ch)
        else:
            return None
    return "".join(letters), tones


@functools.lru_cache(maxsize=4096)  # a ruby text repeats a few hundred syllables
def is_toned_syllable(text: str) -> bool:
    """True for one real Mandarin syllable with exactly one tone: ``qū``, ``chuàng``, ``lv4``.

    Toneless syllables (``an``, ``a``) are refused because they are also English or list labels.
    """
    parsed = base_syllable(text)
    if parsed is None or parsed[1] != 1:
        return False
    base = parsed[0]
    # ``lue``/``nue`` are the common spellings of lüe/nüe without the diaeresis.
    return base in SYLLABLES or base in ("lue", "nue")
