"""Acceptance on the real documents the project was founded on (../shared/seeds).

Skipped when ../shared is not beside the checkout; the project never copies their text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govdoc
from govdoc.serialize import meta, outline

from .conftest import needs_seeds, norm, outline_problems, seed_files

pytestmark = needs_seeds

META_KEYS = ("title", "doc_number", "issuer", "date", "published", "recipients", "index_number")
RUBY = "(qū)"


def _expected(path: Path) -> dict[str, object]:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", seed_files(), ids=lambda p: p.name[:3])
def test_seed_outline(path: Path) -> None:
    expected = _expected(path)
    got = outline(govdoc.parse_file(path))
    # the seeds' expected outlines count depth from the shallowest entry
    low = min((e["depth"] for e in got), default=1)
    got = [dict(e, depth=e["depth"] - low + 1) for e in got]
    for e in got:
        e.pop("document")
    problems = outline_problems(got, expected["outline"])  # type: ignore[arg-type]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", seed_files(), ids=lambda p: p.name[:3])
def test_seed_meta(path: Path) -> None:
    expected = _expected(path)
    got = meta(govdoc.parse_file(path))
    problems = []
    for key in META_KEYS:
        if key not in expected:
            continue
        actual = got.get(key)
        if key == "doc_number" and isinstance(actual, dict):
            actual = actual["text"]
            parts = expected.get("doc_number_parts")
            if isinstance(parts, dict):
                for part, value in parts.items():
                    if got["doc_number"][part] != value:
                        problems.append(f"doc_number.{part}: {got['doc_number'][part]!r}")
        want = expected[key]
        if norm(actual) != norm(want) and not (want is None and actual in (None, "")):
            problems.append(f"{key}: expected {want!r}, got {actual!r}")
    if "attachment_title" in expected:
        titles = [a["title"] for a in got["attachments"]]
        if not titles or norm(titles[0]) != norm(expected["attachment_title"]):
            problems.append(f"attachment: {titles}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", seed_files(), ids=lambda p: p.name[:3])
def test_no_pinyin_ruby_left(path: Path) -> None:
    doc = govdoc.parse_file(path)
    for leaf in doc.leaves():
        if leaf.__class__.__name__ == "Chrome":
            continue
        assert RUBY not in doc.text[leaf.span.start : leaf.span.end]


def _encodings(path: Path) -> list[str]:
    traditional = _expected(path).get("script") == "traditional"
    return ["gb18030", "utf-16", "utf-8-sig", "big5" if traditional else "gbk"]


@pytest.mark.parametrize(
    ("path", "codec"),
    [(p, c) for p in seed_files() for c in _encodings(p)],
    ids=lambda v: v.name[:3] if isinstance(v, Path) else v,
)
def test_seed_in_other_encodings(path: Path, codec: str) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        data = text.encode(codec)
    except UnicodeEncodeError:
        pytest.skip(f"{codec} cannot encode this seed")
    want = [(e["depth"], e["value"], e["title"]) for e in outline(govdoc.parse(text))]
    got = [(e["depth"], e["value"], e["title"]) for e in outline(govdoc.parse(data))]
    assert got == want
