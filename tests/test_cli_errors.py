"""The command line on bad input: one clear line on stderr, the documented exit status (1 for an
input that cannot be read, 2 for a usage error), never a traceback, and in a run over many
files the others are still processed. Empty and whitespace-only files are not errors: they
give a Document without blocks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from govdoc.cli import main

GOOD = "关于做好安全生产工作的通知\n一、总体要求\n（一）压实责任。各单位要落实。\n"


def _one_error_line(err: str, *words: str) -> None:
    assert err.count("\n") == 1 and err.startswith("govdoc: "), err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path / "missing.txt")]) == 1
    captured = capsys.readouterr()
    _one_error_line(captured.err, "missing.txt", "no such file")
    assert captured.out == ""


def test_directory_without_recursive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "docs").mkdir()
    assert main(["parse", str(tmp_path / "docs")]) == 1
    _one_error_line(capsys.readouterr().err, "docs", "is a directory", "--recursive")


@pytest.mark.parametrize("content", ["", "  \n\t\n\u3000\n"], ids=["empty", "whitespace"])
def test_empty_input_is_a_document_without_blocks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(content, encoding="utf-8")
    assert main(["parse", str(path)]) == 0
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    assert doc["type"] == "document" and doc["blocks"] == [] and captured.err == ""
    assert main(["outline", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("noise.bin", bytes(range(256)) * 8, ("noise.bin", "binary")),
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", ("scan.pdf", "PDF")),
    ],
    ids=["binary", "pdf"],
)
def test_binary_input(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes,
    words: tuple[str, ...],
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["parse", str(path)]) == 1
    _one_error_line(capsys.readouterr().err, *words)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files chmod 000"
)
def test_unreadable_file(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good.chmod(0)
    try:
        assert main(["parse", str(good)]) == 1
    finally:
        good.chmod(0o644)
    _one_error_line(capsys.readouterr().err, "good.txt", "permission denied")


def test_invalid_encoding(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(good), "--encoding", "no-such-codec"]) == 1
    _one_error_line(capsys.readouterr().err, "no-such-codec")


def test_unknown_option(good: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["parse", str(good), "--no-such-option"])
    assert exc.value.code == 2
    _one_error_line(capsys.readouterr().err, "--no-such-option")


def test_bad_files_do_not_stop_the_others(
    tmp_path: Path, good: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "noise.bin"
    binary.write_bytes(bytes(range(256)) * 8)
    names = [str(tmp_path / "missing.txt"), str(binary), str(good), str(tmp_path)]
    assert main(["outline", *names, "--json"]) == 1
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert [r["ok"] for r in rows] == [False, False, True, False]
    assert [e["marker"] for e in rows[2]["result"]] == ["一、", "（一）"]
    errors = captured.err.splitlines()
    assert len(errors) == 3 and "Traceback" not in captured.err
    assert all(e.startswith("govdoc: ") for e in errors)


def test_output_to_a_closed_pipe(tmp_path: Path) -> None:
    # Far more than a pipe buffer holds, so the writer is still writing when the reader leaves.
    big = tmp_path / "big.txt"
    body = "".join(f"{i}.第{i}项工作要求\n" for i in range(1, 1000))
    big.write_text("关于工作的通知\n" + body * 6, encoding="utf-8")
    shell = f"{sys.executable} -m govdoc outline {big} | head -1"
    done = subprocess.run(shell, shell=True, capture_output=True, text=True, timeout=120)
    assert done.stdout.count("\n") == 1
    assert done.stderr == "", done.stderr
