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
_HAN = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _HAN_RANGES) + "]")
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
    :func:`detect_script`), judged once for every code point of ``_HAN``.

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


def detect_script(text: str) -> Script:
    """``"traditional"`` when the script-specific characters of ``text`` are (almost) all
    traditional, ``"simplified"`` when they are (almost) all simplified or too few to tell,
    else ``"mixed"``.

    A character is traditional-specific when OpenCC ``t2s`` changes it and ``s2t`` does not,
    simplified-specific the other way round. Large texts are sampled.
    """
    counts = Counter(_HAN.findall(_sample(text)))  # counted in C: this runs on every parse
    if not counts:
        return "simplified"
    traditional_only, simplified_only = _specific()
    traditional = sum(n for ch, n in counts.items() if ch in traditional_only)
    simplified = sum(n for ch, n in counts.items() if ch in simplified_only)
    total = traditional + simplified
    if total < _MIN_EVIDENCE:
        return "simplified"
    if traditional >= _MAJORITY * total:
        return "traditional"
    if simplified >= _MAJORITY * total:
        return "simplified"
    return "mixed"
