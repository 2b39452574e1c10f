"""Properties of the parser on generated documents and on arbitrary input.

Generated documents (tests/strategies.py) must parse back to the outline they were written
from, with a ``style-change`` diagnostic on every swapped marker. Arbitrary text and bytes must
never make the parser raise (bytes: only DecodeError), every tree must be lossless, repairs
idempotent, and the JSON view must round-trip back into an equal Document.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import govdoc
from govdoc.repair import repair
from govdoc.serialize import from_dict

from .strategies import Generated, documents
from .test_lossless import FILES, assert_lossless

# Text that exercises the marker grammar and the frame rules far more often than st.text().
_PIECES = st.sampled_from(
    (
        "一、", "（一）", "(二)", "1.", "1.1", "1.1.1.", "①", "第一条", "第二章", "第三节",
        "第一部分", "——", "●", "(a)", "a.", "一是", "2021年", "1.5亿元", "（", "）", "、",
        "。", "：", "\n", "\r\n", "\u3000", "\ufffd", "\x00", " ", "关于", "的通知", "附件",
        "〔2023〕", "号", "人民政府", "年", "月", "日", "标题", "正文内容", "<!--", "**", "#",
    )
)  # fmt: skip
MARKERISH = st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=40).map("".join)
ANY_TEXT = st.one_of(st.text(), MARKERISH)


def _assert_spans_inside(node: object, size: int) -> None:
    """Every span of every node (markers, diagnostics, repairs, fields too) lies in the text."""
    stack = [node]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if "span" in value:
                start, end = value["span"]
                assert 0 <= start <= end <= size, value
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


@given(documents())
def test_generated_document_parses_back(gen: Generated) -> None:
    doc = govdoc.parse(gen.text)
    entries = govdoc.outline(doc)
    assert [(e["depth"], e["value"], e["family"]) for e in entries] == list(gen.outline)
    swapped = {entries[i]["span"][0] for i in gen.swaps}
    changes = {d.span.start for d in doc.diagnostics if d.code == "style-change"}
    assert changes == swapped  # a style-change diagnostic on every swap, and only there
    assert_lossless(doc)
    as_dict = govdoc.to_dict(doc)
    _assert_spans_inside(as_dict, len(doc.text))
    assert from_dict(json.loads(json.dumps(as_dict, ensure_ascii=False))) == doc
    once = repair(gen.text).text
    assert repair(once).text == once


@given(ANY_TEXT)
@example("")
@example(" \n\t\u3000\n")
@example("（" * 200)
@example("1." * 300)
@example("第0条")  # once an IndexError: the empty text after the marker had no caption
@example("第一条\n")
def test_any_text_parses_losslessly_and_round_trips(text: str) -> None:
    doc = govdoc.parse(text)
    assert_lossless(doc)
    as_dict = govdoc.to_dict(doc)
    _assert_spans_inside(as_dict, len(doc.text))
    assert json.loads(json.dumps(as_dict, ensure_ascii=False)) == as_dict
    assert from_dict(as_dict) == doc


@pytest.mark.parametrize(
    ("line", "marker", "title"),
    [
        ("—" * 60 + "坚持人民至上", "—" * 60, "坚持人民至上"),
        ("第一章" + " " * 60 + "总则", "第一章", "总则"),
        ("1.1.1" + " " * 60 + "适用范围", "1.1.1", "适用范围"),
    ],
    ids=["long-dash-run", "spaces-after-unit", "spaces-after-decimal"],
)
def test_marker_longer_than_the_grammar_prefix(line: str, marker: str, title: str) -> None:
    # The grammar reads a line's first 48 characters; what runs on past them was once lost.
    [entry] = govdoc.outline(govdoc.parse(line + "\n"))
    assert (entry["marker"], entry["title"]) == (marker, title)


def test_decimal_to_depth_1000_is_text() -> None:
    line = ".".join(["1"] * 1000) + " 标题"
    doc = govdoc.parse(line + "\n")
    assert govdoc.outline(doc) == []
    assert [leaf.span for leaf in doc.leaves()] == [govdoc.Span(0, len(line))]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_round_trips_through_from_dict(path: Path) -> None:
    # Fixtures and examples hold forwarded and attached documents, which share the text.
    doc = govdoc.parse_file(path)
    assert from_dict(json.loads(json.dumps(govdoc.to_dict(doc), ensure_ascii=False))) == doc


@given(st.binary(max_size=400) | MARKERISH.map(lambda s: s.encode("gb18030")))
def test_bytes_raise_only_decode_error(data: bytes) -> None:
    try:
        doc = govdoc.parse(data)
    except govdoc.DecodeError as exc:
        assert str(exc)
    else:
        assert_lossless(doc)


@given(ANY_TEXT)
def test_repair_is_idempotent(text: str) -> None:
    once = repair(text).text
    assert repair(once).text == once
