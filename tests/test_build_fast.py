"""The build's shortcuts give the answers of the plain searches they stand for.

:mod:`govdoc.paragraphs` finds inline-item hints by finding the verbs instead of scanning for a
pair of character classes; :mod:`govdoc.inline` finds the bracket opening a note
with ``rfind`` when the note holds no brackets of its own, and replaces ``(?:…)$`` patterns by
``endswith``. Each shortcut is compared here with the plain form, by property tests over
texts made of the characters that matter.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from govdoc.inline import (
    _DUTY,
    _DUTY_VERBS,
    _LABEL,
    _MAX_NAME,
    _MAX_NOTE,
    _ORGAN_ENDS,
    _PARTS,
    _clean,
    _duty,
    _ends_in,
    _split_names,
    find_departments,
)
from govdoc.inline import _open_bracket as open_bracket
from govdoc.levels import LevelStack
from govdoc.numbering import MarkerMatch
from govdoc.paragraphs import _FIRSTS, _VERBS, _item_hints

HINT = re.compile(f"[{_FIRSTS}][{_VERBS}]")
BRACKET = re.compile(r"[（()）]")

hint_texts = st.text(alphabet=f"{_FIRSTS}{_VERBS}文。\n", max_size=60)
bracket_texts = st.text(alphabet="（()）文", max_size=2 * _MAX_NOTE)
note_pieces = ["市科技局", "市财政局", "办", "等", "由", "按职责分工负责", "牵头", "配合", "（县）"]
note_pieces += ["、", "，", ",", "；", "牵头单位：", "\n", " ", "\u3000", "（", ")", "文"]
note_texts = st.lists(st.sampled_from(note_pieces), max_size=12).map("".join)
name_texts = st.text(alphabet="市局委办公室等由负责牵头落实配合参与按职分工\n \u3000", max_size=14)


@settings(max_examples=400)
@given(hint_texts)
def test_item_hints_are_the_class_pair_matches(text: str) -> None:
    assert _item_hints(text) == [m.start() for m in HINT.finditer(text)]


@settings(max_examples=100)
@given(
    st.lists(st.sampled_from(["一要", "文要", "要", "三是", "首先", "方面", "。"]), max_size=120)
)
def test_item_hints_past_the_find_limit_are_the_class_pair_matches(pieces: list[str]) -> None:
    text = "".join(pieces)  # frequent verbs: the regex engine takes over from str.find
    assert _item_hints(text) == [m.start() for m in HINT.finditer(text)]


def _open_bracket_by_scan(text: str, close: int) -> int | None:
    depth = 0
    lo = max(0, close - _MAX_NOTE + 1)
    for i in reversed([m.start() for m in BRACKET.finditer(text, lo, close + 1)]):
        if text[i] in "）)":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return i
    return None


@settings(max_examples=400)
@given(bracket_texts, st.sampled_from("）)"))
def test_open_bracket_agrees_with_the_bracket_scan(text: str, close: str) -> None:
    text += close
    assert open_bracket(text, len(text) - 1) == _open_bracket_by_scan(text, len(text) - 1)


@settings(max_examples=400)
@given(name_texts)
def test_endswith_tests_agree_with_the_patterns(name: str) -> None:
    organ = re.compile(f"(?:{'|'.join(_ORGAN_ENDS)})$")
    verbs = re.compile(f"(?:{'|'.join(_DUTY_VERBS)})$")
    assert _ends_in(name, _ORGAN_ENDS) == bool(organ.search(name))
    assert _ends_in(name, _DUTY_VERBS) == bool(verbs.search(name))
    found = _duty(name)
    expected = _DUTY.search(name)
    assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=400)
@given(name_texts)
def test_clean_agrees_with_the_substitutions(name: str) -> None:
    expected = re.sub("等$", "", _DUTY.sub("", name).strip(" \t\u3000").removeprefix("由"))
    assert _clean(name) == expected


def _departments_by_parts(text: str) -> tuple[str, ...]:
    """find_departments as first written: every part and name looked at before deciding."""
    body = text.rstrip(" \t\u3000\u00a0\r\n。；;.")
    start = open_bracket(body, len(body) - 1) if body.endswith(("）", ")")) else None
    if start is None:
        return ()
    inner = body[start + 1 : -1].strip(" \t\u3000")
    labels = list(_LABEL.finditer(inner))
    if labels:
        stops = [m.start() for m in labels[1:]] + [len(inner)]
        raw = [
            n
            for m, stop in zip(labels, stops, strict=True)
            for n in _split_names(inner[m.end() : stop])
        ]
    else:
        parts = [p.strip(" \t\u3000") for p in _PARTS.split(inner)]
        duties = [_DUTY.search(p) for p in parts]
        if not all(duty for p, duty in zip(parts, duties, strict=True) if p.strip()):
            return ()
        raw = [n for p in parts for n in _split_names(_DUTY.sub("", p))]
    names = [n for n in map(_clean, raw) if n]
    organ = re.compile(f"(?:{'|'.join(_ORGAN_ENDS)})$")
    if not names or not all(len(n) <= _MAX_NAME and organ.search(n) for n in names):
        return ()
    return tuple(dict.fromkeys(names))


@settings(max_examples=600)
@given(note_texts, st.sampled_from(["）", ")", "）。", "；"]))
@example("市科技局负责\n", "）")  # a duty verb before a final newline ends the last part
def test_departments_agree_with_looking_at_every_part(note: str, close: str) -> None:
    text = "加强协作。（" + note + close
    assert find_departments(text) == _departments_by_parts(text)


def _marker(style: str, value: int | None, sub: int | None = None) -> MarkerMatch:
    return MarkerMatch(style, value, 0, 2, 2, 4, sub)


def test_levels_follow_the_rules_in_order() -> None:
    stack = LevelStack()
    places = [
        stack.place(m)
        for m in (
            _marker("cn_dun", 1),  # opens level 1
            _marker("cn_paren", 1),  # opens level 2
            _marker("ar_dot", 1),  # opens level 3
            _marker("cn_paren", 2),  # rule 1 at level 2, closing level 3
            _marker("ar_paren", 3),  # rule 2: continues the bracket family, style change
            _marker("cn_dun", 3),  # rule 1 at level 1, with a gap
            _marker("cn_dun", 3),  # a repeat
            _marker("dash", None),  # an item below the innermost level
        )
    ]
    depths = [p[0] if p else None for p in places]
    assert depths == [1, 2, 3, 2, 2, 1, 1, 2]
    codes = [[code for code, _ in p[3]] if p else None for p in places]
    assert codes == [[], [], [], [], ["style-change"], ["numbering-gap"], ["numbering-repeat"], []]
    assert places[-1] == (2, None, True, ())


def test_an_inserted_article_repeats_its_value_without_a_repeat_note() -> None:
    stack = LevelStack()
    stack.place(_marker("article", 6))
    placed = stack.place(_marker("article", 6, sub=1))  # 第六条之一
    assert placed is not None
    assert placed[0] == 1
    assert "numbering-repeat" not in [code for code, _ in placed[3]]
