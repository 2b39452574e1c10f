"""Many files: parse_many (order, errors, processes) and `govdoc parse --jsonl`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govdoc import ParseResult, parse_file, parse_many, to_dict
from govdoc.cli import main
from tests.archive import write_archive


def test_parse_many_is_lazy_and_in_order(tmp_path: Path) -> None:
    paths = write_archive(tmp_path, 5, broken=(2,))
    results = parse_many(paths)
    first = next(results)
    assert isinstance(first, ParseResult) and first.ok and first.path == str(paths[0])
    rest = list(results)
    assert [r.path for r in rest] == [str(p) for p in paths[1:]]
    assert [r.ok for r in rest] == [True, False, True, True]
    assert rest[1].document is None and rest[1].error and "\n" not in rest[1].error
    assert rest[0].document == parse_file(paths[1])


def test_processes_give_the_same_results(tmp_path: Path) -> None:
    paths = [*write_archive(tmp_path, 30, broken=(7,)), tmp_path / "missing.txt"]
    alone = list(parse_many(paths, jobs=1))
    assert list(parse_many(paths, jobs=2, chunksize=3)) == alone
    assert [r.ok for r in alone].count(False) == 2


def test_negative_jobs_is_an_error(tmp_path: Path) -> None:
    from govdoc import GovdocError

    with pytest.raises(GovdocError):
        list(parse_many(write_archive(tmp_path, 1), jobs=-1))


def test_jsonl_over_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = write_archive(tmp_path / "in" / "sub", 12, broken=(4,))
    (tmp_path / "in" / "notes.md").write_text("一、总体要求\n", encoding="utf-8")
    status = main(["parse", str(tmp_path / "in"), "-r", "--glob", "*.txt", "--jsonl", "-j", "2"])
    out = capsys.readouterr()
    rows = [json.loads(line) for line in out.out.splitlines()]
    assert status == 1
    assert [r["path"] for r in rows] == [str(p) for p in paths]
    assert [r["ok"] for r in rows].count(False) == 1 and "error" in rows[4]
    assert rows[0]["encoding"] == "gb18030" and rows[1]["encoding"] == "utf-8"
    assert rows[1]["document"] == to_dict(parse_file(paths[1]))
    summary = out.err.splitlines()[-1]
    assert "12 files" in summary and "11 ok" in summary and "1 failed" in summary


def test_jsonl_all_good_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = write_archive(tmp_path, 3)
    assert main(["parse", *map(str, paths), "--jsonl"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_directory_needs_recursive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_archive(tmp_path, 2)
    assert main(["parse", str(tmp_path), "--jsonl"]) == 2
    out = capsys.readouterr()
    assert out.out == "" and out.err.count("\n") == 1 and "--recursive" in out.err


def test_batch_options_need_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["parse", str(tmp_path), "--recursive"])
    assert exc.value.code == 2 and capsys.readouterr().err.count("\n") == 1
