"""The command line, called as main([...]) the way the console script calls it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govdoc.cli import main

EXAMPLES = Path(__file__).parent.parent / "examples"
NOTICE = EXAMPLES / "notice.txt"


def test_parse_prints_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(NOTICE)]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["type"] == "document" and doc["text"]


def test_outline_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(NOTICE), "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert entries and {"depth", "value", "marker", "title"} <= set(entries[0])


def test_outline_table_is_indented(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["outline", str(NOTICE)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("  ") for line in lines)
    assert any(not line.startswith(" ") for line in lines)


def test_meta(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meta", str(NOTICE)]) == 0
    meta = json.loads(capsys.readouterr().out)
    assert {
        "title",
        "doc_number",
        "issuer",
        "date",
        "published",
        "recipients",
        "attachments",
    } <= set(meta)


def test_missing_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["parse", str(tmp_path / "missing.txt")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.txt" in err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["outline"])
    assert exc.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    data = "关于做好工作的通知\n一、总体要求\n（一）压实责任。各单位要落实。\n".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["outline", "-", "--json"]) == 0
    assert [e["marker"] for e in json.loads(capsys.readouterr().out)] == ["一、", "（一）"]


def test_many_files_go_on_past_a_bad_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["meta", str(tmp_path / "nope.txt"), str(NOTICE)]) == 1
    out = capsys.readouterr()
    rows = [json.loads(line) for line in out.out.splitlines()]
    assert [r["ok"] for r in rows] == [False, True]


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("a.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("a.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        ("noise.bin", bytes(range(256)) * 8, "binary"),
    ],
)
def test_binary_input_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, data: bytes, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["parse", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err


def test_docx_is_named(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "notice.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    assert main(["outline", str(path)]) == 1
    assert "DOCX" in capsys.readouterr().err
