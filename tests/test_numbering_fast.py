"""The common-head reader of :mod:`govdoc.markerheads` gives the grammar's answer.

``markerheads.common_head`` reads frequent marker heads with one regular expression and rejects
heads that provably hold no marker, without running Lark. Wherever it answers, its answer
must be the grammar's (``numbergrammar.grammar_parse``): checked exhaustively over short
heads and by a property test over generated ones.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdoc.markerheads import UNKNOWN, common_head
from govdoc.numbergrammar import grammar_parse
from govdoc.numbering import match_marker

STAND_IN = "文"  # what match_marker puts for the text after a head's marker characters
# One or two characters of every terminal of grammars/numbering.lark (and its variants).
ALPHABET = "一二十百零两壹拾第章条部分(（)）、，,.．1２ａB\ufffd①⑴㈠—－● \t"
# Pieces of which realistic heads are made.
PIECES = [
    *("第", "(", "（", ")", "）", "、", "，", ",", ".", "．", " ", "\t", "—", "－", "-", "●"),
    *("一", "二", "十", "百", "零", "〇", "两", "壹", "拾", "佰", "九十九", "一百零五"),
    *("1", "12", "123", "1234", "２", "１０", "a", "Ｂ", "ab", "\ufffd", "①", "⑴", "⒈", "㈠"),
    *("章", "节", "条", "款", "编", "條", "部分", "部", "分", "——", "————", STAND_IN),
]


def _as_head(chars: str, stand_in: bool) -> str:
    """A head as match_marker builds it: marker characters, then the stand-in for the text,
    or without text the characters up to their last non-space."""
    return chars + STAND_IN if stand_in else chars.rstrip()


def _agrees(head: str) -> bool:
    common = common_head(head)
    return common == UNKNOWN or common == grammar_parse(head)


def test_exhaustive_short_heads() -> None:
    wrong = []
    for size in (1, 2, 3):
        for chars in itertools.product(ALPHABET, repeat=size):
            for stand_in in (False, True):
                head = _as_head("".join(chars), stand_in)
                if head and not _agrees(head):
                    wrong.append(head)
    assert wrong == []


def test_exhaustive_numerals() -> None:
    # Chinese numerals are read as a whole run of numeral characters, then checked against
    # the grammar's cn_num rules: every run up to four characters in three frames.
    wrong = []
    for size in (1, 2, 3, 4):
        for chars in itertools.product("一九两十拾百零〇", repeat=size):
            for before, after in (("", "、文"), ("（", "）文"), ("第", "条")):
                head = before + "".join(chars) + after
                if not _agrees(head):
                    wrong.append(head)
    assert wrong == []


@settings(max_examples=5000)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8), st.booleans())
def testcommon_heads_agree_with_grammar(pieces: list[str], stand_in: bool) -> None:
    head = _as_head("".join(pieces), stand_in)
    if head:
        assert common_head(head) == UNKNOWN or common_head(head) == grammar_parse(head)


@pytest.mark.parametrize(
    "head",
    [
        *("（一）文", "(十二)、文", "一、文", "三十一．文", "1.文", "2.2024文", "12、文", "3）文"),
        *("第一条 文", "第 1 条文", "第一百零五条文", "第二十章", "第三部分文", "第一，文"),
        *("——文", "（\ufffd）文", "一文", "2021文", "（文", "Real docs", "(a)文", "b.文", "①文"),
    ],
)
def test_common_forms_skip_the_grammar(head: str) -> None:
    # The forms that make up most marker lines must not fall through to Lark.
    assert common_head(head) != UNKNOWN
    assert common_head(head) == grammar_parse(head)


def test_marker_lines_unchanged() -> None:
    assert match_marker("（一）压实责任") is not None
    assert match_marker("1.5亿元") is None
