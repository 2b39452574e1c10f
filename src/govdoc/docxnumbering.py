"""Word's automatic numbering (``word/numbering.xml``) rendered as the text a reader sees.

A numbered paragraph names a ``w:num`` (numId) and a level (ilvl). The num points at a
``w:abstractNum`` whose ``w:lvl`` elements give, per level, the first value (``w:start``), the
number format (``w:numFmt``: decimal, chineseCounting, ideographTraditional …), the marker
template (``w:lvlText``: ``%1、``, ``（%1）``, ``%1.%2``) and what follows it (``w:suff``).
:class:`NumberingState` keeps the counters as Word does: one set per abstractNum (nums sharing
one continue each other's count), a level's use restarting every deeper level, and a
``w:startOverride`` restarting its num's list at the num's first use.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

__all__ = ["Level", "NumberingState", "format_number", "read_numbering"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}
_DIGITS = "零一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(frozen=True, slots=True)
class Level:
    """One ``w:lvl``: its first value, format, marker template and suffix."""

    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"  # tab, space or nothing
    legal: bool = False  # w:isLgl: every placeholder in decimal


def _chinese(n: int, digits: str = _DIGITS, units: str = "十百千") -> str:
    if n == 0:
        return digits[0]
    if n >= 10000:
        return str(n)
    out: list[str] = []
    zero = False
    for power in (3, 2, 1, 0):
        d = n // 10**power % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out.append(digits[0])
            zero = False
        out.append(digits[d] + (units[power - 1] if power else ""))
    text = "".join(out)
    return text[1:] if 10 <= n < 20 and text.startswith(digits[1] + units[0]) else text


def _letters(n: int, upper: bool) -> str:
    # Word repeats the letter past z: 27 → aa, 28 → bb.
    letter = chr(ord("A" if upper else "a") + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = []
    for value, numeral in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def _enclosed(first: int, last: int) -> Callable[[int], str]:
    return lambda n: chr(first + n - 1) if 1 <= n <= last else str(n)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalHalfWidth": str,
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "taiwaneseCounting": _chinese,
    "taiwaneseCountingThousand": _chinese,
    "japaneseCounting": _chinese,
    "ideographDigital": lambda n: "".join(_DIGITS[int(d)] for d in str(n)),
    "taiwaneseDigital": lambda n: "".join(_DIGITS[int(d)] for d in str(n)),
    "chineseLegalSimplified": lambda n: _chinese(n, _LEGAL, "拾佰仟"),
    "ideographLegalTraditional": lambda n: _chinese(n, _LEGAL, "拾佰仟"),
    "ideographTraditional": lambda n: _STEMS[(n - 1) % 10],
    "ideographZodiac": lambda n: _BRANCHES[(n - 1) % 12],
    "lowerLetter": lambda n: _letters(n, upper=False),
    "upperLetter": lambda n: _letters(n, upper=True),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": _roman,
    "decimalEnclosedCircle": _enclosed(0x2460, 20),
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 20),
    "ideographEnclosedCircle": _enclosed(0x3280, 10),
    "decimalEnclosedParen": _enclosed(0x2474, 20),
    "decimalEnclosedFullstop": _enclosed(0x2488, 20),
    "none": lambda n: "",
}


def format_number(n: int, fmt: str) -> str:
    """``n`` written in the Word number format ``fmt`` (decimal for formats not listed)."""
    return _FORMATS.get(fmt, str)(n)


@dataclass(frozen=True, slots=True)
class _Num:
    abstract: str
    overrides: dict[int, int]  # ilvl → start value of a w:startOverride


@dataclass(frozen=True, slots=True)
class Numbering:
    """The lists of a document: abstractNum id → levels, numId → its abstractNum."""

    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, _Num] = field(default_factory=dict)


def read_numbering(xml: bytes | None) -> Numbering:
    """The lists defined by the bytes of ``word/numbering.xml`` (none when absent)."""
    if not xml:
        return Numbering()
    root = etree.fromstring(xml)
    abstracts = {
        _val(a, "abstractNumId"): {
            int(_val(lvl, "ilvl") or 0): _level(lvl) for lvl in a.iterfind("w:lvl", _NS)
        }
        for a in root.iterfind("w:abstractNum", _NS)
    }
    nums = {}
    for num in root.iterfind("w:num", _NS):
        overrides = {
            int(_val(o, "ilvl") or 0): int(_attr(o.find("w:startOverride", _NS)) or 1)
            for o in num.iterfind("w:lvlOverride", _NS)
            if o.find("w:startOverride", _NS) is not None
        }
        nums[_val(num, "numId")] = _Num(_attr(num.find("w:abstractNumId", _NS)), overrides)
    return Numbering(abstracts, nums)


def _val(el: etree._Element, name: str) -> str:
    return str(el.get(f"{{{_W}}}{name}") or "")


def _attr(el: etree._Element | None) -> str:
    return "" if el is None else _val(el, "val")


def _level(lvl: etree._Element) -> Level:
    def child(name: str) -> str | None:
        el = lvl.find(f"w:{name}", _NS)
        return None if el is None else _attr(el)

    start = child("start")
    return Level(
        start=int(start) if start and start.lstrip("-").isdigit() else 1,
        fmt=child("numFmt") or "decimal",
        text=child("lvlText") or "",
        suffix=child("suff") or "tab",
        legal=lvl.find("w:isLgl", _NS) is not None,
    )


@dataclass(slots=True)
class NumberingState:
    """The counters of every list while reading paragraphs in order."""

    numbering: Numbering
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)

    def marker(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """Count one paragraph of list ``num_id`` at level ``ilvl``; its marker text and the
        separator after it (``""`` for none). ``("", "")`` for an unknown list or numId 0."""
        num = self.numbering.nums.get(num_id)
        levels = self.numbering.abstracts.get(num.abstract, {}) if num else {}
        if num is None or ilvl not in levels:
            return "", ""
        counts = self.counters.setdefault(num.abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for restarted, start in num.overrides.items():
                counts[restarted] = start - 1
                for deeper in [k for k in counts if k > restarted]:
                    del counts[deeper]
        level = levels[ilvl]
        counts[ilvl] = counts.get(ilvl, self._start(num, levels, ilvl) - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]

        def value(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            n = counts.get(k, self._start(num, levels, k))
            fmt = levels[k].fmt if k in levels else "decimal"
            return format_number(n, "decimal" if level.legal and k != ilvl else fmt)

        text = _PLACEHOLDER.sub(value, level.text)
        if level.fmt == "bullet" and any(0xE000 <= ord(ch) <= 0xF8FF for ch in text):
            # Symbol/Wingdings glyphs sit in the private use area (U+F0B7 is Symbol's bullet):
            # the reader sees a bullet, which text writes as ●.
            return "●", " "
        if level.fmt == "bullet" or not text:
            return text, " " if text else ""
        # A tab or space after 一、 or （一） reads as nothing; after "1." it is the space typed.
        spaced = level.suffix in {"tab", "space"} and text[-1].isascii()
        return text, " " if spaced else ""

    @staticmethod
    def _start(num: _Num, levels: dict[int, Level], ilvl: int) -> int:
        return num.overrides.get(ilvl, levels[ilvl].start if ilvl in levels else 1)
