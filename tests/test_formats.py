"""Choosing the input format by content, and the message when a format's extra is missing."""

from __future__ import annotations

import io
import re
import sys
import zipfile

import pytest

import govdoc
from govdoc.errors import DecodeError, MissingExtraError
from govdoc.formats import sniff_format


def _zip(*names: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("source", "fmt"),
    [
        (_zip("[Content_Types].xml", "word/document.xml"), "docx"),
        (_zip("[Content_Types].xml", "xl/workbook.xml"), "text"),  # decode names it
        (b"<!DOCTYPE HTML PUBLIC>\n<html>", "html"),
        ("<?xml version='1.0'?><html><body>", "html"),
        ("﻿<HTML><BODY>正文", "html"),
        ("<body>\n<p>正文</p>", "html"),
        ("一、总体要求\n<p>正文</p>", "text"),
        ("《关于<2024>年度工作的通知》", "text"),
        (b"", "text"),
    ],
)
def test_sniff_format(source: str | bytes, fmt: str) -> None:
    assert sniff_format(source) == fmt


def test_other_zip_formats_still_fail_as_binary() -> None:
    with pytest.raises(DecodeError, match="XLSX"):
        govdoc.parse(_zip("[Content_Types].xml", "xl/workbook.xml"))


def test_missing_docx_extra_names_the_pip_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m == "docx" or m.startswith(("docx.", "govdoc.docx"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "docx", None)
    with pytest.raises(MissingExtraError, match=re.escape("pip install govdoc[docx]")):
        govdoc.parse(_zip("[Content_Types].xml", "word/document.xml"))


def test_docx_given_as_text_is_an_input_error() -> None:
    with pytest.raises(govdoc.InputError):
        govdoc.parse("一、总体要求", format="docx")
