"""The label matcher of :mod:`govdoc.infotable` finds what the label pattern it replaces finds.

Labels are matched with a tree of their characters instead of one regular expression of ~500
alternatives (which took ~40 ms to compile at every start). The pattern stays here as the
reference: at every position of generated info-table lines both give the same label,
separator and end, and ``parse_info_line`` is unchanged on them.
"""

from __future__ import annotations

import functools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from govdoc.infotable import _GAP, _LEAD, KEYS, _find_key, _key_at

_LABEL_GAP = "(?:[ \t\u00a0]|[\u2002\u2003\u3000]{1})"


@functools.cache
def _reference() -> re.Pattern[str]:
    labels = "|".join(
        f"{_LABEL_GAP}{{0,2}}".join(map(re.escape, label))
        for label in sorted(KEYS, key=len, reverse=True)
    )
    return re.compile(rf"(?P<label>{labels})(?P<sep>(?:\*\*|__)?{_GAP}*[:：])?")


def _as_tuple(m: object) -> tuple[int, int, str, str | None] | None:
    if m is None:
        return None
    if isinstance(m, re.Match):
        return (m.start(), m.end(), m.group("label"), m.group("sep"))
    return (m.start, m.end, m.label, m.sep)  # type: ignore[attr-defined]


LABELS = sorted(KEYS)
PIECES = [" ", "  ", "   ", "\t", "\u3000", "\u2002", "\xa0", ":", "：", "**", "__", "*", "|"]
PIECES += ["2021-01-01", "本站", "次", "关于", "时", "间", "发", "文", "号", "\u3000\u3000"]


@st.composite
def info_lines(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            label = draw(st.sampled_from(LABELS))
            gaps = draw(
                st.lists(
                    st.sampled_from(["", " ", "  ", "\u3000", " \u3000 "]),
                    min_size=len(label),
                    max_size=len(label),
                )
            )
            parts.append("".join(c + g for c, g in zip(label, gaps, strict=True)).rstrip(" \u3000"))
        else:
            parts.append(draw(st.sampled_from(PIECES)))
    return "".join(parts)


@settings(max_examples=3000)
@given(info_lines())
def test_label_matcher_equals_pattern(line: str) -> None:
    pattern = _reference()
    for pos in range(len(line) + 1):
        assert _as_tuple(_key_at(line, pos)) == _as_tuple(pattern.match(line, pos))
        assert _as_tuple(_find_key(line, pos)) == _as_tuple(pattern.search(line, pos))


@given(st.text(alphabet=" \t\u2002\u2003\u3000\u00a0-*•·●|｜>#_来源a1", max_size=12))
def test_lead_characters_equal_pattern(line: str) -> None:
    lead = re.compile(rf"(?:{_GAP}|[-*•·●|｜>])*").match(line)
    assert lead is not None and lead.end() == len(line) - len(line.lstrip(_LEAD))
