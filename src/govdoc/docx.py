"""Word files (DOCX): paragraphs and tables in order, numbering as typed, headers as chrome.

:func:`docx_lines` reads the body with python-docx in document order: each paragraph is a
line, with its automatic numbering (:mod:`govdoc.docxnumbering`) written in front as the
marker a reader sees, so an auto-numbered list parses like a typed one; each table row is a
line of its cells joined by a space. Page headers and footers become chrome lines, headers
before the body and footers after it, each distinct text once. Heading styles are not used:
depth comes from the markers, as for text. :func:`parse_docx` parses the lines with
:func:`govdoc.extracted.parse_extracted`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
from docx.document import Document as WordDocument
from docx.table import Table
from docx.text.paragraph import Paragraph as WordParagraph

from .docxnumbering import NumberingState, read_numbering
from .errors import DecodeError
from .extracted import SourceLine, parse_extracted
from .nodes import Document

__all__ = ["docx_lines", "parse_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BODY_PART = "word/document.xml"


def parse_docx(data: bytes) -> Document:
    """The Document of a Word file given as bytes."""
    return parse_extracted(docx_lines(data), "utf-8", "docx")


def docx_lines(data: bytes) -> list[SourceLine]:
    """The lines of a Word file (see the module docstring)."""
    try:
        word = docx.Document(io.BytesIO(data))
    # python-docx reports a damaged package by whatever its XML walk tripped on (KeyError,
    # AttributeError on a missing element …): every one means the same to the caller.
    except Exception as exc:
        raise DecodeError(f"not a readable Word document (DOCX): {exc!r}") from None
    state = NumberingState(read_numbering(_numbering_xml(word)))
    out = list(_page_furniture(word, "header"))
    for index, block in enumerate(word.iter_inner_content()):
        origin = f"{_BODY_PART}#{index}"
        if isinstance(block, WordParagraph):
            out.append(SourceLine(_paragraph_text(block, state, word), origin))
        else:
            out.extend(
                SourceLine(text, f"{origin}/tr[{row}]") for row, text in enumerate(_rows(block))
            )
    out.extend(_page_furniture(word, "footer"))
    return out


def _numbering_xml(word: WordDocument) -> bytes | None:
    try:
        part = word.part.numbering_part
    except (KeyError, NotImplementedError):
        return None  # a document without lists
    return bytes(part.blob)


def _paragraph_text(par: WordParagraph, state: NumberingState, word: WordDocument) -> str:
    num = _num_props(par, word)
    if num is None:
        return par.text
    marker, separator = state.marker(*num)
    return f"{marker}{separator}{par.text}" if marker else par.text


def _num_props(par: WordParagraph, word: WordDocument) -> tuple[str, int] | None:
    """The (numId, ilvl) of a paragraph: its own w:numPr, else its style's (and the styles
    that style is based on)."""
    p_pr = par._p.pPr
    num_pr = None if p_pr is None else p_pr.find(f"{_W}numPr")
    style = par.style if num_pr is None else None
    while num_pr is None and style is not None:
        s_pr = style.element.find(f"{_W}pPr")
        num_pr = None if s_pr is None else s_pr.find(f"{_W}numPr")
        style = style.base_style
    if num_pr is None:
        return None
    num_id = num_pr.find(f"{_W}numId")
    ilvl = num_pr.find(f"{_W}ilvl")
    value = "" if num_id is None else str(num_id.get(f"{_W}val") or "")
    level = 0 if ilvl is None else int(ilvl.get(f"{_W}val") or 0)
    return (value, level) if value and value != "0" else None


def _rows(table: Table) -> Iterator[str]:
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
            if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                cells.append(text)
        yield " ".join(cells)


def _page_furniture(word: WordDocument, which: str) -> Iterator[SourceLine]:
    seen: set[str] = set()
    for section in word.sections:
        part = getattr(section, which)
        if part.is_linked_to_previous:
            continue
        name = str(part.part.partname).lstrip("/")
        for index, par in enumerate(part.paragraphs):
            text = par.text.strip()
            if text and text not in seen:
                seen.add(text)
                yield SourceLine(text, f"{name}#{index}", which)
