"""Parse tables are cached under a name derived from what they are built from, so that
installs of different versions sharing the cache folder never overwrite each other's file."""

from __future__ import annotations

from pathlib import Path

import pytest

from govdoc.grammar import _tables_key, load_grammar


def test_key_follows_grammar_and_options() -> None:
    one = _tables_key("metadata.lark", {"start": ["doc_number", "date"]})
    assert one == _tables_key("metadata.lark", {"start": ["doc_number", "date"]})
    assert one != _tables_key("metadata.lark", {"start": ["date"]})
    assert one != _tables_key("numbering.lark", {"start": ["doc_number", "date"]})
    # The transformer is applied on load, not stored: it does not change the tables.
    assert _tables_key("numbering.lark", {"transformer": object()}) == _tables_key(
        "numbering.lark", {}
    )


def test_cached_file_written_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    load_grammar("metadata.lark", start=["date"])
    (written,) = (tmp_path / "govdoc").glob("metadata-*.lalr")
    stamp = written.stat().st_mtime_ns
    parser = load_grammar("metadata.lark", start=["date"])
    assert written.stat().st_mtime_ns == stamp
    assert parser.parse("2021年3月5日") is not None
    load_grammar("metadata.lark", start=["doc_number"])
    assert len(list((tmp_path / "govdoc").glob("metadata-*.lalr"))) == 2
