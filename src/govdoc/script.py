"""Which Chinese script a text is written in, and its simplified view.

The text itself is never converted: the tree keeps the document's own script. Conversion is
offered as a view (:func:`to_simplified`) and used for keyword matching. OpenCC is imported
on first use only, because importing it costs more than the rest of govdoc.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Literal

__all__ = ["Script", "detect_script", "to_simplified"]

Script = Literal["simplified", "traditional", "mixed"]

_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff]")
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


def detect_script(text: str) -> Script:
    """``"traditional"`` when the script-specific characters of ``text`` are (almost) all
    traditional, ``"simplified"`` when they are (almost) all simplified or too few to tell,
    else ``"mixed"``.

    A character is traditional-specific when OpenCC ``t2s`` changes it and ``s2t`` does not,
    simplified-specific the other way round. Large texts are sampled.
    """
    counts: dict[str, int] = {}
    for ch in _HAN.findall(_sample(text)):
        counts[ch] = counts.get(ch, 0) + 1
    if not counts:
        return "simplified"
    chars = sorted(counts)
    to_simp = _changed(chars, "t2s")
    to_trad = _changed(chars, "s2t")
    traditional = sum(counts[ch] for ch in to_simp - to_trad)
    simplified = sum(counts[ch] for ch in to_trad - to_simp)
    total = traditional + simplified
    if total < _MIN_EVIDENCE:
        return "simplified"
    if traditional >= _MAJORITY * total:
        return "traditional"
    if simplified >= _MAJORITY * total:
        return "simplified"
    return "mixed"
