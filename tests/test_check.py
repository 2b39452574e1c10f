"""`govdoc check`: the rules of docs/check.md, the output formats and the exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govdoc
from govdoc.checker import SEVERITIES
from govdoc.cli import main

from .conftest import SEEDS, needs_seeds

INPUTS = Path(__file__).parent / "check_inputs"
DOCS = Path(__file__).parent.parent / "docs" / "check.md"


def _codes(text: str) -> list[str]:
    return [f.code for f in govdoc.check(govdoc.parse(text))]


def test_clean_notice_has_no_findings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(INPUTS / "clean_notice.txt")]) == 0
    assert capsys.readouterr().out == ""


def test_flawed_notice_lines_and_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(INPUTS / "flawed_notice.txt")
    assert main(["check", path]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert f"{path}:7:1: numbering-gap error: expected 2 after 1, found 3" in lines
    assert any(line.startswith(f"{path}:8:5: impossible-date error:") for line in lines)
    codes = {line.split(": ")[1].split()[0] for line in lines}
    assert codes == {
        "doc-number-brackets",
        "doc-number-no-hao",
        "missing-closing",
        "missing-recipients",
        "heading-period",
        "runin-heading-period",
        "numbering-gap",
        "impossible-date",
    }


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--json", str(INPUTS / "flawed_notice.txt")]) == 1
    report = json.loads(capsys.readouterr().out)
    gap = next(f for f in report if f["code"] == "numbering-gap")
    assert (gap["line"], gap["column"], gap["severity"]) == (7, 1, "error")
    assert set(gap) == {"path", "line", "column", "code", "severity", "message", "span"}


def test_warnings_only_exit_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "w.txt"
    path.write_text(
        "关于开展检查的通知\n各单位：\n一、总体要求\n（一）压实责任；各单位要做好自查。\n"
        "某某局\n2024年3月1日\n",
        encoding="utf-8",
    )
    assert main(["check", str(path)]) == 0
    assert "runin-heading-period warning" in capsys.readouterr().out


def test_unreadable_input_exit_two(tmp_path: Path) -> None:
    assert main(["check", str(tmp_path / "missing.txt")]) == 2


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "关于检查的意见\n一、要求\n1.乙\n（一）丙\n",
            "level-order",
        ),
        ("关于检查的意见\n一、要求\n做好。\n三、安排\n做好。\n", "numbering-gap"),
        ("关于检查的意见\n二〇二四年二月三十日\n", "impossible-date"),
        ("关于检查的意见\n2023年13月1日\n", "impossible-date"),
        ("一、要求\n做好。\n", "missing-title"),
    ],
)
def test_rule_fires(text: str, code: str) -> None:
    assert code in _codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "关于检查的意见\n2024年2月29日\n二〇二四年十二月三十一日\n",
        "关于检查的意见\n一、各单位要认真做好自查，确保不留死角。\n",
        "关于检查的意见\n（一）各地要按照以下要求：\n",
    ],
)
def test_rule_stays_quiet(text: str) -> None:
    assert _codes(text) == []


def test_every_code_documented_with_an_example() -> None:
    doc = DOCS.read_text(encoding="utf-8")
    for code in SEVERITIES:
        assert f"### `{code}`" in doc, code
        section = doc.split(f"### `{code}`", 1)[1].split("\n### ", 1)[0]
        assert SEVERITIES[code] in section and "```" in section, code


@needs_seeds
def test_seed_002_reports_style_changes(capsys: pytest.CaptureFixture[str]) -> None:
    path = next(SEEDS.glob("002_*.txt"))
    main(["check", str(path)])
    lines = capsys.readouterr().out.splitlines()
    style = [line for line in lines if ": style-change warning:" in line]
    assert len(style) >= 5
    assert all(line.startswith(f"{path}:") for line in lines)
