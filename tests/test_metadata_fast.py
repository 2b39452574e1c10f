"""The common dates and 发文字号 that :mod:`govdoc.metadata` reads without Lark get the
grammar's value.

``commonmetadata.common_date`` and ``commonmetadata.common_doc_number`` read frequent forms with one
regular expression each and answer UNKNOWN for the rest. Wherever they answer, the answer must
be that of ``grammars/metadata.lark`` (``metadatagrammar.grammar_parse``): checked exhaustively
over short strings of the grammar's terminals and by property tests over generated ones.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdoc import commonmetadata, metadata
from govdoc.metadatagrammar import grammar_parse

FastPath = Callable[[str], Any]
# Pieces of dates: every terminal of the date rules, some in several spellings.
DATE_PIECES = [
    *("2024", "１９９９", "0000", "202", "20245", "1", "12", "123", "０５", "31", "29"),
    *("年", "月", "日", "号", "-", "－", ".", "．", "/", "／", ":", "：", " ", "\u3000", "\t"),
    *("二〇二四", "一九九九", "○○○○", "OＯ一二", "一", "二", "九", "十", "〇", "零", "百"),
    *("民国", "中華民國", "x"),
]
# Pieces of document numbers: issuers, brackets of every kind, years, serials, 第, 令, 号.
DOC_NUMBER_PIECES = [
    *("国办发", "川府发", "某某银行令", "令", "第", "发", "国务院", "国", "a", "A1"),
    *("〔", "〕", "[", "]", "【", "】", "［", "］", "（", "）", "(", ")", "﹝", "﹞"),
    *("2024", "２０２４", "202", "20245", "3", "12", "000001", "1234567"),
    *("号", "號", " ", "\u3000"),
]


def _agrees(fast: FastPath, start: str, text: str) -> bool:
    value = fast(text)
    return value is commonmetadata.UNKNOWN or value == grammar_parse(text, start)


def test_exhaustive_short_dates() -> None:
    alphabet = "1２0年月日号-．:十二〇 "
    wrong = [
        "".join(chars)
        for size in range(1, 5)
        for chars in itertools.product(alphabet, repeat=size)
        if not _agrees(commonmetadata.common_date, "date", "".join(chars))
    ]
    assert wrong == []


def test_exhaustive_date_fields() -> None:
    # Every split of digits between the fields, in the Arabic frames and with a clock time.
    wrong = []
    fields = ("", "0", "1", "12", "31", "123")
    for y, m, d in itertools.product(("2024", "202", "20241"), fields, fields):
        for text in (
            f"{y}年{m}月{d}日",
            f"{y}-{m}-{d}",
            f"{y}/{m}/{d} {m}:{d}",
            f"{y}.{m}.{d}{m}:{d}:{m}",
        ):
            if not _agrees(commonmetadata.common_date, "date", text):
                wrong.append(text)
    for numerals in itertools.product("一二九十〇", repeat=3):
        numeral = "".join(numerals)
        frames = (f"二〇二四年{numeral}月五日", f"二〇二四年一月{numeral}日", f"二〇二{numeral}年")
        for text in frames:
            if not _agrees(commonmetadata.common_date, "date", text):
                wrong.append(text)
    assert wrong == []


def test_exhaustive_short_doc_numbers() -> None:
    alphabet = "国令第〔(〕1号 "
    wrong = [
        "".join(chars)
        for size in range(1, 6)
        for chars in itertools.product(alphabet, repeat=size)
        if not _agrees(commonmetadata.common_doc_number, "doc_number", "".join(chars))
    ]
    assert wrong == []


@settings(max_examples=4000)
@given(st.lists(st.sampled_from(DATE_PIECES), min_size=1, max_size=9))
def test_dates_agree_with_grammar(pieces: list[str]) -> None:
    assert _agrees(commonmetadata.common_date, "date", "".join(pieces))


@settings(max_examples=4000)
@given(st.lists(st.sampled_from(DOC_NUMBER_PIECES), min_size=1, max_size=8))
def test_doc_numbers_agree_with_grammar(pieces: list[str]) -> None:
    assert _agrees(commonmetadata.common_doc_number, "doc_number", "".join(pieces))


@pytest.mark.parametrize(
    ("text", "start"),
    [
        *(("2024年1月5日", "date"), ("2024 年 10 月 24 号", "date"), ("2019-10-24", "date")),
        *(("2019．10．24", "date"), ("2019/10/24 10:00:00", "date"), ("2024年2月30日", "date")),
        *(("二〇二四年一月五日", "date"), ("一九九九年十二月三十一日", "date")),
        *(("国办发〔2024〕3号", "doc_number"), ("湘政办函[2018]7号", "doc_number")),
        *(("京人社发〔 2023〕101号", "doc_number"), ("某某银行令〔2015〕第4号", "doc_number")),
        *(("国务院令第700号", "doc_number"), ("国务院令  第700号", "doc_number")),
    ],
)
def test_common_forms_skip_the_grammar(text: str, start: str) -> None:
    fast = commonmetadata.common_date if start == "date" else commonmetadata.common_doc_number
    assert fast(text) is not commonmetadata.UNKNOWN
    assert fast(text) == grammar_parse(text, start)


def test_clear_caches_forgets_values() -> None:
    metadata.parse_date("2024年1月5日")
    assert metadata._parse.cache_info().currsize > 0
    metadata.clear_caches()
    assert metadata._parse.cache_info().currsize == 0
