"""What makes govdoc start and run fast must not change what it computes: the on-disk caches
of parse tables and script tables, lazy imports, the fast display width."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from govdoc.grammar import load_grammar


def test_grammar_tables_cached_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from govdoc.numbergrammar import _ToMarker

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fresh = load_grammar("numbering.lark", transformer=_ToMarker())
    cached = list((tmp_path / "govdoc").glob("numbering-*.lalr"))
    assert len(cached) == 1 and not list((tmp_path / "govdoc").glob(".*.tmp"))
    again = load_grammar("numbering.lark", transformer=_ToMarker())
    for line in ("（一）压实责任", "第十二条　适用范围", "1.总体要求"):
        assert again.parse(line) == fresh.parse(line)


def test_no_cache_folder_still_parses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from govdoc.numbergrammar import _ToMarker

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    parser = load_grammar("numbering.lark", transformer=_ToMarker())
    assert parser.parse("一、总体要求") is not None


def test_script_table_written_then_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from govdoc import script

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    script._specific.cache_clear()
    try:
        built = script._specific()
        assert list((tmp_path / "govdoc").glob("script-table-*.json"))
        script._specific.cache_clear()
        assert script._specific() == built
        traditional, simplified = built
        assert "機" in traditional and "机" in simplified and "人" not in traditional | simplified
        assert script.detect_script("關於進一步加強機關管理工作的通知") == "traditional"
        assert script.detect_script("关于进一步加强机关管理工作的通知") == "simplified"
    finally:
        script._specific.cache_clear()


def test_import_govdoc_is_lazy() -> None:
    code = (
        "import sys, govdoc\n"
        "assert 'lark' not in sys.modules and 'opencc' not in sys.modules\n"
        "from govdoc import parse, parse_many, Document\n"
        "assert parse('一、总体要求').sections[0].title == '总体要求'\n"
        # Common markers, dates and 发文字号 are read without the grammars: Lark stays unloaded.
        "assert 'lark' not in sys.modules and callable(parse_many)\n"
        "assert set(govdoc.__all__) <= set(dir(govdoc))\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_unknown_attribute_is_an_attribute_error() -> None:
    import govdoc

    with pytest.raises(AttributeError):
        _ = govdoc.no_such_name  # type: ignore[attr-defined]


def test_display_width_matches_unicodedata() -> None:
    from govdoc.wrapwidth import display_width as _width

    def reference(line: str) -> int:
        content = line.lstrip()
        cols = 2 * (len(line) - len(content))
        for ch in content.rstrip():
            wide = ord(ch) >= 0x1100 and unicodedata.east_asian_width(ch) in "WFA"
            cols += 2 if wide else 1
        return cols

    # Every code point of the BMP that can stand in a line, one string per 512 of them.
    points = [chr(c) for c in range(0x21, 0x10000) if not 0xD800 <= c <= 0xDFFF]
    for i in range(0, len(points), 512):
        line = "\u3000 " + "".join(points[i : i + 512]) + " "
        assert _width(line) == reference(line)
