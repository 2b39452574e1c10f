"""Assemble the tree: lines with roles → leaves, sections and attached documents.

The page's own document (index 0) holds its frame, body and chrome; each later document (a
plan issued by a 印发 notice, an attachment) becomes a nested :class:`Document` block of it,
sharing its text. Chrome that closes the page (related links, footers) stays with the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from .anatomy import Role
from .frame import frame_fields, meta_leaf
from .lines import Line
from .linetext import title_key
from .nodes import Block, Chrome, Diagnostic, Document, Meta, Repair, Span
from .paragraphs import ParagraphMaker
from .sections import BodyBuilder

__all__ = ["Source", "build"]

_ISSUING = re.compile(r"印发|转发|发布|颁布|批转")


@dataclass(frozen=True, slots=True)
class Source:
    """What the stages before the build learned about the input."""

    text: str
    encoding: str = "utf-8"
    encoding_method: str = "given"
    script: str = "simplified"
    repairs: tuple[Repair, ...] = ()
    damaged: tuple[Span, ...] = ()


@dataclass(slots=True)
class _Doc:
    builder: BodyBuilder
    diagnostics: list[Diagnostic]
    attached_by_label: bool = False
    start: int | None = None
    end: int = 0


def build(source: Source, lines: Sequence[Line], roles: Sequence[Role]) -> Document:
    """The Document of ``lines`` with their ``roles`` (see :mod:`govdoc.anatomy`)."""
    text = source.text
    count = len(roles)
    last_content = next((i for i in range(count - 1, -1, -1) if roles[i].kind != "chrome"), -1)
    paragraph = ParagraphMaker(text, source.damaged).make  # the documents share one text
    docs: dict[int, _Doc] = {}
    page_tail: list[Chrome] = []
    consumed = -1  # a line that became the title of the lone marker above it
    key = -1  # the document of the line before, whose _Doc is ``doc``: lines come in runs
    doc: _Doc | None = None
    for i, (line, role) in enumerate(zip(lines, roles, strict=True)):
        if i == consumed:
            continue
        if role.doc != key or doc is None:
            key = role.doc
            doc = docs.get(key)
            if doc is None:
                diags: list[Diagnostic] = []
                doc = docs[key] = _Doc(BodyBuilder(text, diags, paragraph), diags)
            builder = doc.builder
        kind = role.kind
        if kind == "chrome":
            leaf = Chrome(role.name, line.text, Span(line.start, line.end))
            if i > last_content:
                page_tail.append(leaf)
                continue
            if role.name != "page_number":
                builder.finish()  # site chrome never sits inside a section
            builder.add_leaf(leaf)
        elif kind == "meta":
            if role.name == "attachment_label":
                doc.attached_by_label = True
            builder.finish()
            builder.add_leaf(meta_leaf(role.name, line, text))
        else:
            # Only a lone marker (nothing after it) can take the next line as its title.
            m = line.marker
            if m is not None and m.body_start >= m.body_end:
                nxt = lines[i + 1] if i + 1 < count and roles[i + 1] == role else None
                if builder.add_line(line, nxt):
                    consumed = i + 1
                    line = lines[i + 1]
            else:
                builder.add_line(line)
        if doc.start is None:
            doc.start = line.start
        doc.end = line.end
    return _assemble(source, docs, page_tail)


def _assemble(source: Source, docs: dict[int, _Doc], page_tail: list[Chrome]) -> Document:
    text = source.text
    main_key = min(docs, default=0)
    built: list[Document] = []
    imprint: list[Meta] = []  # the 版记 closes the whole document, after its attachments
    for key in sorted(docs):
        doc = docs[key]
        blocks: list[Block] = list(doc.builder.finish())
        if key != main_key:
            imprint = []
            while blocks and isinstance(blocks[-1], Meta) and blocks[-1].role == "imprint":
                last = blocks.pop()
                assert isinstance(last, Meta)
                imprint.insert(0, last)
        fields = frame_fields(blocks, text)
        kind: Literal["document", "attachment", "forwarded"] = "document"
        if key != main_key:
            main_title = next((f.value for f in built[0].metadata if f.key == "title"), "")
            kind = (
                "forwarded"
                if not doc.attached_by_label and _ISSUING.search(main_title)
                else "attachment"
            )
        built.append(
            Document(
                text=text,
                span=Span(doc.start or 0, blocks[-1].span.end if imprint and blocks else doc.end),
                blocks=tuple(blocks),
                diagnostics=tuple(doc.diagnostics),
                script=_script(source.script),
                encoding=source.encoding,
                encoding_method=source.encoding_method,
                kind=kind,
                metadata=fields,
            )
        )
    main = built[0] if built else Document(text, Span(0, len(text)))
    blocks = [*main.blocks, *_nest_attachments(built[1:]), *imprint, *page_tail]
    metadata = frame_fields([*main.blocks, *imprint], text) if imprint else main.metadata
    diagnostics = [*main.diagnostics, *_damage_notes(source.damaged)]
    return Document(
        text=text,
        span=Span(0, len(text)),
        blocks=tuple(blocks),
        diagnostics=tuple(diagnostics),
        repairs=source.repairs,
        encoding=source.encoding,
        encoding_method=source.encoding_method,
        script=main.script,
        kind="document",
        metadata=metadata,
    )


def _nest_attachments(later: Sequence[Document]) -> list[Document]:
    """The documents after the page's own, with each attachment moved into the issued document
    whose 附件 list names it (an attachment the page's own document lists stays on top)."""
    out: list[Document] = []
    for doc in later:
        owner = out[-1] if out else None  # only the document right before: reading order holds
        if (
            owner is not None
            and doc.kind == "attachment"
            and owner.kind == "forwarded"
            and _lists(owner, doc.title or "")
        ):
            out[-1] = replace(
                owner, blocks=(*owner.blocks, doc), span=Span(owner.span.start, doc.span.end)
            )
        else:
            out.append(doc)
    return out


def _lists(doc: Document, title: str) -> bool:
    key = title_key(title)
    return bool(key) and any(
        f.key == "attachment" and title_key(f.value) == key for f in doc.metadata
    )


def _script(name: str) -> Literal["simplified", "traditional", "mixed"]:
    if name == "traditional":
        return "traditional"
    return "mixed" if name == "mixed" else "simplified"


def _damage_notes(damaged: Sequence[Span]) -> list[Diagnostic]:
    return [
        Diagnostic("damaged-text", "text lost to mis-decoded bytes could not be recovered", span)
        for span in damaged
    ]
