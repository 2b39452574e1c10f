"""The tree is lossless: leaves partition the non-space text, every span lies in the text."""

from __future__ import annotations

from pathlib import Path

import pytest

import govdoc
from govdoc.nodes import Document, Section

from .conftest import FIXTURES, seed_files

EXAMPLES = Path(__file__).parent.parent / "examples"
FILES = sorted(FIXTURES.glob("*.txt")) + sorted(EXAMPLES.glob("*.txt")) + seed_files()


def assert_lossless(doc: Document) -> None:
    text = doc.text
    owner = [-1] * len(text)
    for n, leaf in enumerate(doc.leaves()):
        assert 0 <= leaf.span.start <= leaf.span.end <= len(text), leaf
        for i in range(leaf.span.start, leaf.span.end):
            if not text[i].isspace():
                assert owner[i] == -1, f"{text[i]!r} at {i} in two leaves"
                owner[i] = n
    lost = [i for i, ch in enumerate(text) if not ch.isspace() and owner[i] == -1]
    assert not lost, f"characters in no leaf: {text[lost[0] : lost[0] + 20]!r}"
    for sub in doc.documents():
        for block in sub.blocks:
            if isinstance(block, Section):
                for section in block.walk():
                    assert section.span.start <= section.heading.span.start
                    for child in (*section.body, *section.children):
                        assert section.span.start <= child.span.start
                        assert child.span.end <= section.span.end


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_file_is_lossless(path: Path) -> None:
    assert_lossless(govdoc.parse_file(path))


def test_leaves_in_reading_order() -> None:
    doc = govdoc.parse("标题\n一、总体要求\n正文第一段，内容。\n（一）分项。正文。\n二、保障\n")
    starts = [leaf.span.start for leaf in doc.leaves()]
    assert starts == sorted(starts)
