"""Markdown and plain-text renderings, and `govdoc parse --format`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import govdoc
from govdoc.cli import main

from .conftest import FIXTURES

DEEP = "关于检查的意见\n第一部分 总则\n一、要求\n（一）甲\n1.乙\n（1）丙\n①丁\na.戊\n"


def _front_matter(markdown: str) -> dict[str, Any]:
    """Reads the front matter the way YAML does for the subset render.py writes: block
    mappings and lists, every scalar in JSON (= YAML flow) form."""
    assert markdown.startswith("---\n")
    block = markdown[4 : markdown.index("\n---\n")]
    root: dict[str, Any] = {}
    stack: list[tuple[int, Any]] = [(-1, root)]
    for line in block.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        body = line.strip()
        while stack[-1][0] >= indent:
            stack.pop()
        container = stack[-1][1]
        if body.startswith("- "):
            entry: dict[str, Any] = {}
            container.append(entry)
            stack.append((indent, entry))
            body, indent = body[2:], indent + 2
            container = entry
        key, _, value = body.partition(": ")
        if value:
            container[key] = json.loads(value)
        else:
            key = key.rstrip(":")
            container[key] = [] if block.split(line + "\n", 1)[1].lstrip().startswith("-") else {}
            stack.append((indent, container[key]))
    return root


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.stem)
def test_front_matter_is_the_meta_view(path: Path) -> None:
    doc = govdoc.parse_file(path)
    markdown = govdoc.to_markdown(doc)
    assert _front_matter(markdown) == govdoc.meta(doc)
    body = markdown.split("\n---\n", 1)[1]
    for chrome in doc.chrome:
        if len(chrome.text.strip()) > 6:
            assert chrome.text.strip() not in body
    for entry in govdoc.outline(doc):
        if entry["depth"] <= 6 and entry["style"] not in ("dash", "bullet"):
            assert re.search(
                rf"^{'#' * entry['depth']} {re.escape(entry['marker'])}", body, re.M
            ), entry


def test_headings_items_and_deep_levels() -> None:
    markdown = govdoc.to_markdown(govdoc.parse(DEEP + "——坚持*问题*导向\n"))
    body = markdown.split("\n---\n", 1)[1]
    assert "\n# 第一部分" in body
    assert "\n###### ①丁\n" in body
    assert "\n**a.戊**\n" in body
    assert "- ——坚持\\*问题\\*导向" in body


def test_attached_document_follows_a_rule() -> None:
    doc = govdoc.parse_file(FIXTURES / "01_full_notice_attachments.txt")
    body = govdoc.to_markdown(doc).split("\n---\n", 1)[1]
    assert "\n---\n" in body
    assert f"**{doc.attachments[0].title}**" in body


def test_yaml_quotes_every_text() -> None:
    doc = govdoc.parse('关于开展"yes"活动的通知\n各单位：\n一、总体要求\n做好工作。\n')
    front = govdoc.to_markdown(doc).split("\n---\n")[0]
    assert 'title: "关于开展\\"yes\\"活动的通知"' in front


def test_text_drops_chrome_and_keeps_lines() -> None:
    doc = govdoc.parse_file(FIXTURES / "16_web_page_chrome.txt")
    text = govdoc.to_text(doc)
    assert "首页" not in text.split("\n")
    assert all(line == line.strip() and "  " not in line for line in text.splitlines())
    for entry in govdoc.outline(doc):
        assert any(line.startswith(entry["marker"]) for line in text.splitlines()), entry


def test_text_keeps_space_after_article_marker() -> None:
    text = govdoc.to_text(govdoc.parse("某某办法\n第一条　为了规范管理，制定本办法。\n"))
    assert "第一条 为了规范管理，制定本办法。" in text.splitlines()


@pytest.mark.parametrize("fmt", ["markdown", "text"])
def test_cli_format(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = FIXTURES / "02_secret_urgent_runin.txt"
    assert main(["parse", "--format", fmt, str(path)]) == 0
    out = capsys.readouterr().out
    doc = govdoc.parse_file(path)
    expected = govdoc.to_markdown(doc) if fmt == "markdown" else govdoc.to_text(doc)
    assert out == expected


def test_cli_format_json_is_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(FIXTURES / "02_secret_urgent_runin.txt")]) == 0
    assert json.loads(capsys.readouterr().out)["type"] == "document"
