"""Which Chinese script a text is written in, and its simplified view.

The text itself is never converted: the tree keeps the document's own script. Conversion is
offered as a view (:func:`to_simplified`) and used for keyword matching. OpenCC is imported
on first use only, because importing it costs more than the rest of govdoc.
"""

from __future__ import annotations

import functools
import json
import os
import re
import zlib
from collections import Counter
from importlib.machinery import PathFinder
from pathlib import Path
from typing import Any, Literal

from .cachedir import cache_folder, write_atomically

__all__ = ["Script", "detect_script", "to_simplified"]

Script = Literal["simplified", "traditional", "mixed"]

_HAN_RANGES = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF))
# Where a text's non-ASCII characters are: in Chinese text a Han character comes within the
# first few of them, found sooner by a loop than a regex of 28 000 code points is compiled.
_NON_ASCII = re.compile("[^\x00-\x7f]+")
_SAMPLE_AT = 40_000  # longer texts are judged on evenly spaced windows
_WINDOWS = 16
_WINDOW = 2_000
# Share of script-specific characters the majority script must reach: below it the text mixes
# scripts. A few odd characters (a traditional 乾 in a name, 于 left unconverted by a site, a
# mis-decoded line) do not change the verdict.
_MAJORITY = 0.9
_MIN_EVIDENCE = 2  # fewer script-specific characters than this: call it simplified


@functools.lru_cache(maxsize=2)
def _converter(config: str) -> Any:
    import opencc  # lazy: see module docstring

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """``text`` converted to simplified script with OpenCC ``t2s`` (phrase-aware)."""
    if not text:
        return text
    return str(_converter("t2s").convert(text))


def _sample(text: str) -> str:
    if len(text) <= _SAMPLE_AT:
        return text
    step = (len(text) - _WINDOW) // (_WINDOWS - 1)
    return "".join(text[i * step : i * step + _WINDOW] for i in range(_WINDOWS))


def _changed(chars: list[str], config: str) -> set[str]:
    """The characters that ``config`` converts when each stands alone."""
    # One call for all characters; newlines keep OpenCC from matching them as phrases.
    converted = str(_converter(config).convert("\n".join(chars))).split("\n")
    if len(converted) != len(chars):  # never seen; fall back to one call per character
        converted = [str(_converter(config).convert(ch)) for ch in chars]
    return {ch for ch, out in zip(chars, converted, strict=False) if out != ch}


@functools.cache
def _specific() -> tuple[frozenset[str], frozenset[str]]:
    """The traditional-specific and the simplified-specific Han characters (see
    :func:`detect_script`), judged once for every code point of ``_HAN_RANGES``.

    Building the table needs both OpenCC converters (~150 ms to load, more than parsing a
    document); reading it back from the cache folder takes a few milliseconds, so a
    simplified text is judged without loading OpenCC at all.
    """
    target = _table_file()
    if target is not None:
        try:
            table = json.loads(target.read_text(encoding="utf-8"))
            return frozenset(table["traditional"]), frozenset(table["simplified"])
        except (OSError, ValueError, KeyError, TypeError):
            pass  # missing, stale or damaged: build it again
    chars = [chr(c) for first, last in _HAN_RANGES for c in range(first, last + 1)]
    to_simp = _changed(chars, "t2s")
    to_trad = _changed(chars, "s2t")
    traditional, simplified = to_simp - to_trad, to_trad - to_simp
    if target is not None:
        table = {
            "traditional": "".join(sorted(traditional)),
            "simplified": "".join(sorted(simplified)),
        }
        write_atomically(target, json.dumps(table, ensure_ascii=False).encode("utf-8"))
    return frozenset(traditional), frozenset(simplified)


def _table_file() -> Path | None:
    """The cached table's path, named after the installed OpenCC (its location, size and
    time), so that another OpenCC version builds its own; None when OpenCC is missing or
    nothing can be cached."""
    folder = cache_folder()
    spec = PathFinder.find_spec("opencc")
    if folder is None or spec is None or spec.origin is None:
        return None
    try:
        info = os.stat(spec.origin)
    except OSError:
        return None
    key = zlib.crc32(f"{spec.origin}|{info.st_size}|{info.st_mtime_ns}".encode())
    return folder / f"script-table-{key:08x}.json"


def _has_han(sample: str) -> bool:
    """Whether ``sample`` holds a character of ``_HAN_RANGES``."""
    return any(
        any(first <= ord(ch) <= last for first, last in _HAN_RANGES)
        for run in _NON_ASCII.finditer(sample)
        for ch in run.group()
    )


@functools.cache
def _traditional_in_gb2312() -> re.Pattern[str]:
    """The few traditional-specific characters GB2312 can encode (於, 後, 乾 …), as a regex."""
    chars = "".join(_specific()[0]).encode("gb2312", "ignore").decode("gb2312")
    return re.compile(f"[{re.escape(chars)}]" if chars else "(?!)")


_CHAR_REF = re.compile(rb"&#([0-9]{1,7});")
_STRICT_TRIES = 4


def _may_hold_traditional(sample: str, traditional_only: frozenset[str]) -> bool:
    """False only when ``sample`` holds no character of ``traditional_only``.

    GB2312 encodes all but a handful of them (see :func:`_traditional_in_gb2312`), so only
    the characters it cannot encode need looking up. A strict encoding stops at the first
    (in a traditional text, almost surely one of them); after a few others (— or € in a
    simplified text), one C call writes the rest as ``&#N;`` references. A reference already
    in the text only costs the exact count.
    """
    if _traditional_in_gb2312().search(sample):
        return True
    pos = 0
    for _ in range(_STRICT_TRIES):
        try:
            sample[pos:].encode("gb2312")
        except UnicodeEncodeError as exc:
            if not traditional_only.isdisjoint(exc.object[exc.start : exc.end]):
                return True
            pos += exc.end
        else:
            return False
    raw = sample[pos:].encode("gb2312", "xmlcharrefreplace")
    if b"&#" not in raw:
        return False
    codes = {int(code) for code in _CHAR_REF.findall(raw)}
    return any(chr(code) in traditional_only for code in codes if code <= 0x10FFFF)


def detect_script(text: str) -> Script:
    """``"traditional"`` when the script-specific characters of ``text`` are (almost) all
    traditional, ``"simplified"`` when they are (almost) all simplified or too few to tell,
    else ``"mixed"``.

    A character is traditional-specific when OpenCC ``t2s`` changes it and ``s2t`` does not,
    simplified-specific the other way round. Large texts are sampled.
    """
    sample = _sample(text)
    if not _has_han(sample):  # before the table: it may need OpenCC to build
        return "simplified"
    traditional_only, simplified_only = _specific()
    # Without a single traditional-specific character the verdict is "simplified" whatever
    # the other counts (fewer than two specific characters, or all of them simplified), and
    # most texts are like that: proving it in C is far cheaper than counting every character.
    if not _may_hold_traditional(sample, traditional_only):
        return "simplified"
    # Both tables hold Han characters only, so counting every character (in C, without
    # picking the Han ones out first) gives the same sums.
    counts = Counter(sample)
    traditional = sum(counts[ch] for ch in traditional_only.intersection(counts))
    simplified = sum(counts[ch] for ch in simplified_only.intersection(counts))
    total = traditional + simplified
    if total < _MIN_EVIDENCE:
        return "simplified"
    if traditional >= _MAJORITY * total:
        return "traditional"
    if simplified >= _MAJORITY * total:
        return "simplified"
    return "mixed"
