"""split_lines finds the lines str.split and str.strip would: same numbers, spans and text,
whatever white space (Unicode spaces, \\r, \\x0b, \\u2028 …) surrounds or fills them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govdoc.lines import split_lines
from govdoc.numbering import match_marker

PIECES = ["\n", "\n\n", " ", "\t", "\u3000", "\xa0", "\r", "\x0b", "\x1c", "\x85", "\u2028"]
PIECES += ["a", "一", "、", "（", "）", "1", ".", "第", "条", "**", "#", "文字"]


def _reference(text: str) -> list[tuple[int, int, int, str]]:
    out = []
    pos = 0
    for number, raw in enumerate(text.split("\n")):
        content = raw.strip()
        if content:
            start = pos + len(raw) - len(raw.lstrip())
            out.append((number, start, start + len(content), content))
        pos += len(raw) + 1
    return out


@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_lines_are_stripped_lines(text: str) -> None:
    lines = split_lines(text, str.upper)
    assert [(ln.number, ln.start, ln.end, ln.text) for ln in lines] == _reference(text)
    for ln in lines:
        assert ln.key == ln.text.upper() and ln.marker == match_marker(ln.text)
        assert text[ln.start : ln.end] == ln.text
