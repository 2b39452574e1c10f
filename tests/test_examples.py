"""Every script in examples/ runs and prints well-formed, non-empty output."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parent.parent / "examples"


def _toc(out: str) -> None:
    lines = out.splitlines()
    assert lines[0].strip() and any("一、" in line for line in lines)
    assert all(line.endswith(")") for line in lines[1:] if line.startswith("  "))


def _tasks_csv(out: str) -> None:
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["document", "path", "task", "departments"]
    assert len(rows) > 1 and all(len(r) == 4 for r in rows)
    assert any(r[3] for r in rows[1:])  # the notice names responsible departments


def _chunks_jsonl(out: str) -> None:
    records = [json.loads(line) for line in out.splitlines()]
    assert records
    for r in records:
        assert {"id", "source", "citation", "text", "span", "headings", "document"} <= set(r)
        assert 0 < len(r["text"]) <= 300


def _batch_folder(out: str) -> None:
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == len(list(EXAMPLES.glob("*.txt")))
    assert all(r["ok"] and r["title"] for r in records)


VALIDATORS: dict[str, Callable[[str], None]] = {
    "toc.py": _toc,
    "tasks_csv.py": _tasks_csv,
    "chunks_jsonl.py": _chunks_jsonl,
    "batch_folder.py": _batch_folder,
}


def test_every_example_has_a_check() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("*.py")) == sorted(VALIDATORS)


@pytest.mark.parametrize("script", sorted(VALIDATORS))
def test_example_runs(script: str) -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / script)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip()
    VALIDATORS[script](done.stdout)
