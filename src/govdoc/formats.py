"""Input formats: which one an input is (by its content), and the reader for HTML and DOCX.

``text`` is the default pipeline of :func:`govdoc.parse`; ``html`` and ``docx`` are read by
:mod:`govdoc.html` and :mod:`govdoc.docx`, which need the optional extras of the same names
(lxml, python-docx). Those modules are imported only when such an input arrives, so that
plain-text parsing never pays for them and works without them.
"""

from __future__ import annotations

import codecs
import re
from typing import Literal

from .errors import InputError, MissingExtraError
from .nodes import Document
from .sniff import sniff_binary

__all__ = ["FORMATS", "Format", "parse_rich", "sniff_format"]

Format = Literal["auto", "text", "html", "docx"]
FORMATS: tuple[Format, ...] = ("auto", "text", "html", "docx")

_DOCX = "Word document (DOCX)"
_HEAD = 2048
# The first tag of a page or fragment, after white space, comments and an XML declaration.
_HTML_START = re.compile(
    r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body|meta|div|p|table)\b",
    re.IGNORECASE | re.DOTALL,
)
_BOM_CODECS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def sniff_format(source: str | bytes) -> Literal["text", "html", "docx"]:
    """The format of ``source`` judged by its content: a ZIP holding ``word/`` is DOCX, input
    whose first tag opens a page (``<!DOCTYPE html>``, ``<html>``, ``<body>``, ``<div>`` …)
    is HTML, anything else text."""
    if isinstance(source, str):
        head = source[:_HEAD]
    else:
        if source.startswith(b"PK") and sniff_binary(source) == _DOCX:
            return "docx"
        head = _head_of(source[:_HEAD])
    return "html" if _HTML_START.match(head.lstrip("\ufeff")) else "text"


def parse_rich(source: str | bytes, fmt: Literal["html", "docx"], encoding: str | None) -> Document:
    """Parse ``source`` with the reader of ``fmt``; MissingExtraError when its extra is absent."""
    if fmt == "docx":
        if isinstance(source, str):
            raise InputError("DOCX input must be given as bytes, not text")
        try:
            from .docx import parse_docx
        except ImportError as exc:
            raise _missing("docx", "python-docx", exc) from None
        return parse_docx(source)
    try:
        from .html import parse_html
    except ImportError as exc:
        raise _missing("html", "lxml", exc) from None
    return parse_html(source, encoding)


def _head_of(data: bytes) -> str:
    """The start of ``data`` as text good enough to see tags: ASCII-compatible codecs show
    ``<html`` alike, UTF-16 needs its BOM."""
    for bom, codec in _BOM_CODECS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    return data.decode("latin-1")


def _missing(extra: str, package: str, exc: ImportError) -> MissingExtraError:
    return MissingExtraError(
        f"reading {extra.upper()} needs the optional {package} package ({exc}): "
        f"pip install govdoc[{extra}]"
    )
