"""Section-aware chunks: size bound, one section per chunk, heading paths, coverage."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdoc
from govdoc import Chunk, Document, Heading, InputError, Item, Paragraph, Section
from govdoc.cli import main

EXAMPLES = Path(__file__).parent.parent / "examples"

CN = "一二三四五六七八九十"
WORDS = [
    "加强",
    "组织",
    "领导",
    "工作",
    "推进",
    "落实",
    "责任",
    "机制",
    "服务",
    "建设",
    "2024年",
    "12个",
]


def _cn(n: int) -> str:
    return CN[n - 1] if n <= 10 else "十" + CN[n - 11]


def _marker(level: int, n: int) -> str:
    return (f"{_cn(n)}、", f"（{_cn(n)}）", f"{n}.", f"（{n}）")[level - 1]


sentences = st.builds(
    lambda words, end: "".join(words) + end,
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=60),
    st.sampled_from(["。", "；", "，", "！", "", "、"]),
)
paragraphs = st.lists(sentences, min_size=1, max_size=8).map("".join)
# (level change, paragraphs): a heading one level deeper, the same, or back up; or text.
steps = st.lists(
    st.tuples(st.sampled_from([1, 0, -1, -2, None]), st.lists(paragraphs, max_size=3)),
    max_size=14,
)


def _document(plan: list[tuple[int | None, list[str]]]) -> str:
    lines = ["鹤汀市关于做好重点工作的通知", "各有关单位："]
    counters: list[int] = []
    for change, texts in plan:
        if change is not None:
            depth = max(1, min(4, len(counters) + change)) if counters else 1
            counters = [*counters[:depth], 0][:depth]
            counters[-1] += 1
            if counters[-1] > 20:
                continue
            lines.append(_marker(depth, counters[-1]) + "".join(WORDS[: 1 + depth]))
        lines.extend(texts)
    return "\n".join(lines) + "\n"


def _owners(doc: Document) -> list[tuple[Heading | Paragraph | Item, int, tuple[str, ...]]]:
    """Every body leaf with its document index and the markers of its section path."""
    out: list[tuple[Heading | Paragraph | Item, int, tuple[str, ...]]] = []
    for index, sub in enumerate(doc.documents()):
        stack: list[tuple[object, tuple[str, ...]]] = [(b, ()) for b in reversed(sub.blocks)]
        while stack:
            node, path = stack.pop()
            if isinstance(node, Section):
                inner = (*path, node.marker.raw)
                out.append((node.heading, index, inner))
                stack.extend((c, inner) for c in reversed(node.children))
                stack.extend((b, inner) for b in reversed(node.body))
            elif isinstance(node, (Paragraph, Item)):
                out.append((node, index, path))
    return out


def _solid(text: str, start: int, end: int) -> set[int]:
    return {i for i in range(start, end) if not text[i].isspace()}


def _check(doc: Document, chunks: list[Chunk], max_chars: int) -> None:
    owners = [
        (_solid(doc.text, leaf.span.start, leaf.span.end), leaf, index, path)
        for leaf, index, path in _owners(doc)
    ]
    covered: set[int] = set()
    for c in chunks:
        assert 0 < len(c.text) <= max_chars
        assert c.text == c.text.strip()
        inside = _solid(doc.text, c.span.start, c.span.end)
        covered |= inside
        hits = [
            (solid & inside, index, path)
            for solid, leaf, index, path in owners
            if leaf.span.start < c.span.end and c.span.start < leaf.span.end
        ]
        touched = {(index, path) for shared, index, path in hits if shared}
        # one section only, and the one the heading path names
        assert touched == {(c.document, tuple(m for m, _ in c.headings))}
        body = "".join(doc.text[i] for shared, _, _ in hits for i in sorted(shared))
        assert re.sub(r"\s", "", c.text) == body
    for solid, _, _, _ in owners:
        assert solid <= covered


@given(steps, st.integers(50, 2000), st.integers(0, 60))
def test_chunks_keep_size_sections_and_coverage(
    plan: list[tuple[int | None, list[str]]], max_chars: int, overlap: int
) -> None:
    doc = govdoc.parse(_document(plan))
    chunks = govdoc.chunk(doc, max_chars=max_chars, overlap=min(overlap, max_chars // 2))
    _check(doc, chunks, max_chars)


def test_heading_paths_and_titles() -> None:
    doc = govdoc.parse(
        "关于开展检查的通知\n一、总体要求\n（一）压实责任。各单位要做好自查。\n二、工作安排\n按计划推进。\n"
    )
    chunks = govdoc.chunk(doc, max_chars=200)
    assert [c.headings for c in chunks] == [
        (("一、", "总体要求"),),
        (("一、", "总体要求"), ("（一）", "压实责任")),
        (("二、", "工作安排"),),
    ]
    assert {c.title for c in chunks} == {"关于开展检查的通知"}
    assert chunks[2].text == "二、工作安排\n按计划推进。"
    assert chunks[2].to_dict()["headings"] == [["二、", "工作安排"]]


def test_long_section_splits_at_sentence_ends_with_overlap() -> None:
    sentence = "各单位要按照统一部署认真开展自查工作。"  # 19 characters
    doc = govdoc.parse("一、总体要求\n" + sentence * 6 + "\n")
    chunks = govdoc.chunk(doc, max_chars=50, overlap=5)
    assert all(len(c.text) <= 50 for c in chunks)
    assert chunks[1].text.startswith(chunks[0].text[-5:])
    assert all(c.text.endswith("。") for c in chunks)
    _check(doc, chunks, 50)


def test_sentence_longer_than_the_bound_is_cut_inside() -> None:
    doc = govdoc.parse("一、要求\n" + "推进" * 80 + "。\n")
    chunks = govdoc.chunk(doc, max_chars=50)
    assert len(chunks) > 3
    _check(doc, chunks, 50)


@pytest.mark.parametrize(("max_chars", "overlap"), [(0, 0), (50, 50), (50, -1)])
def test_bad_sizes_raise(max_chars: int, overlap: int) -> None:
    with pytest.raises(InputError):
        govdoc.chunk(govdoc.parse("一、要求\n"), max_chars=max_chars, overlap=overlap)


def test_cli_jsonl_and_array(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(EXAMPLES / "notice.txt")
    assert main(["chunk", path, "--max-chars", "80", "--overlap", "10", "--jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines and all(len(e["text"]) <= 80 and e["path"] == path for e in lines)
    assert main(["chunk", path, "--max-chars", "80", "--overlap", "10"]) == 0
    assert json.loads(capsys.readouterr().out) == lines


def test_cli_rejects_overlap_not_below_max_chars() -> None:
    assert (
        main(["chunk", str(EXAMPLES / "notice.txt"), "--max-chars", "50", "--overlap", "50"]) == 2
    )
