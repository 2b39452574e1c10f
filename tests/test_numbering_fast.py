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


# --- the run path of match_marker ------------------------------------------------------------
#
# match_marker reads a line that starts with a run of marker characters from that run alone
# (memoised per run). The full reading,
# markerline.read_line, is the reference: both must agree on every line.

RUNS = [
    *("（一）", "(十二)、", "一、", "三十一．", "第一条 ", "第一百零五条", "第二十章 ", "第三部分"),
    *("1.", "12.", "123.", "1234.", "１２．", "3、", "4）", "（5）", "(67)", "1.1 ", "2.3.4"),
    *("⒈", "①"),
    *("第5条", "第5-1条", "第1条之", "一", "2024", "a.", "(b)", "——", "●", "（\ufffd）", "十十、"),
]
AFTERS = ["文", "年", "亿", "之一", "5", "٣", "**", "*", "_", "<", " 文", "\u3000文", "", "%"]
ENDS = ["", "文", "**", " ", ">", "_"]


def _same(line: str) -> bool:
    from govdoc import markerline, numbering

    numbering.clear_caches()
    fresh = markerline.read_line(line)
    return match_marker(line) == fresh and match_marker(line) == fresh  # cold, then cached


def test_runs_read_as_whole_lines() -> None:
    wrong = [
        run + after + end
        for run in RUNS
        for after in AFTERS
        for end in ENDS
        if not _same(run + after + end)
    ]
    assert wrong == []


def test_runs_with_any_number_read_as_the_full_reading() -> None:
    # Lines of one frame read in one order, so that later ones meet a warm run cache.
    from govdoc import markerline, numbering

    wrong = []
    frames = ("{}.文", "（{}）文", "第{}条 文", "{}、文", "第一-{}条文", "{}.2024年", "{}．5亿")
    full_width = str.maketrans("0123456789", "０１２３４５６７８９")
    for frame in frames:
        numbering.clear_caches()
        for number in (*range(1, 30), 99, 100, 123, 999, 1000, 2024):
            for digits in (str(number), str(number).translate(full_width)):
                line = frame.format(digits)
                if match_marker(line) != markerline.read_line(line):
                    wrong.append(line)
    assert wrong == []


def test_runs_with_any_numeral_read_as_the_full_reading() -> None:
    from govdoc import markerline, numbering

    numerals = [
        *(
            "一",
            "二",
            "两",
            "十",
            "十一",
            "二十",
            "二十三",
            "九十九",
            "一百",
            "一百零五",
            "三百二十",
        ),
        *("〇", "零", "壹拾", "十十", "一二", "百", "一百一", "二十三四", "一千"),
    ]
    frames = ("第{}条 文", "（{}）文", "({})、文", "{}、文", "{}．文", "第{}章文", "第{}部分文")
    wrong = []
    for frame in (*frames, "1.{}文", "一、{}文", "第 {} 条文", "（{}）一文", "——{}文", "{}是"):
        numbering.clear_caches()
        for numeral in numerals:
            line = frame.format(numeral)
            if match_marker(line) != markerline.read_line(line):
                wrong.append(line)
    assert wrong == []


@settings(max_examples=3000)
@given(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=6),
    st.sampled_from(AFTERS),
    st.sampled_from(ENDS),
)
def test_run_path_agrees_with_full_reading(pieces: list[str], after: str, end: str) -> None:
    line = "".join(pieces) + after + end
    if line:
        assert _same(line)


@settings(max_examples=300)
@given(
    st.lists(
        st.tuples(
            st.lists(st.sampled_from(PIECES), min_size=1, max_size=5),
            st.sampled_from(AFTERS),
            st.sampled_from(ENDS),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_run_path_agrees_across_lines(lines: list[tuple[list[str], str, str]]) -> None:
    # Caches kept between the lines of one document: later lines may be read from the run
    # cache filled by earlier ones.
    from govdoc import markerline, numbering

    numbering.clear_caches()
    for pieces, after, end in lines:
        line = "".join(pieces) + after + end
        assert match_marker(line) == markerline.read_line(line), line


@pytest.mark.parametrize(
    "head",
    ["二十条第一款第一文", "一条，文", "十条文", "(1、文", "第一)文", "a、文", "1条文", "一)文"],
)
def test_heads_without_a_rule_skip_the_grammar(head: str) -> None:
    # A numeral and a closing token that no rule of the grammar joins: no marker, known
    # without Lark (these come from looking for a marker inside a line: 第二十条第一款).
    assert common_head(head) is None
    assert grammar_parse(head) is None
