"""The typed tree govdoc builds: frozen, slotted values with a :class:`Span` on every node.

Leaves (:class:`Heading`, :class:`Paragraph`, :class:`Item`, :class:`Meta`, :class:`Chrome`)
partition the text: every non-space character of ``Document.text`` lies in exactly one leaf's
span. Containers (:class:`Section`, :class:`Document`) hold leaves and other containers in
reading order, with tuples for children so that a tree can be shared between threads.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal, Union

from .slotinit import slot_init

__all__ = [
    "Block",
    "Chrome",
    "Diagnostic",
    "DocNumber",
    "Document",
    "Heading",
    "InlineItem",
    "Item",
    "Leaf",
    "Marker",
    "Meta",
    "MetaField",
    "Paragraph",
    "Reference",
    "Repair",
    "Section",
    "SourceRef",
    "Span",
]


@slot_init
@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` into ``Document.text``."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


@slot_init
@dataclass(frozen=True, slots=True)
class Marker:
    """A numbering marker such as ``（一）`` or ``第三条``.

    ``style`` is the concrete form (``cn_paren``, ``ar_dot`` …, see ``govdoc.numbering.STYLES``);
    ``family`` groups styles a careless writer mixes for one level; ``value`` is the number it
    denotes (None for dashes and bullets); ``sub_value`` is the 之一 of ``第六条之一``; ``raw``
    is the marker as written.
    """

    style: str
    family: str
    value: int | None
    raw: str
    span: Span
    sub_value: int | None = None


@slot_init
@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a line of ``Document.text`` comes from in a structured input: ``path`` is the
    XPath of its HTML element, or ``part#index`` of its DOCX paragraph (``word/document.xml#12``).
    """

    span: Span
    path: str


@slot_init
@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A soft problem found while parsing: never an exception, always kept on the Document.

    ``code`` is stable (documented in docs/diagnostics.md); ``severity`` is ``info``,
    ``warning`` or ``error``.
    """

    code: str
    message: str
    span: Span
    severity: Literal["info", "warning", "error"] = "warning"


@slot_init
@dataclass(frozen=True, slots=True)
class Repair:
    """One change the repair stage made: ``kind`` of repair, the span of the result in the
    repaired text, the text before and after."""

    kind: str
    span: Span
    before: str
    after: str


@slot_init
@dataclass(frozen=True, slots=True)
class DocNumber:
    """A 发文字号 such as ``白山政办发〔2019〕25号``."""

    text: str
    issuer_code: str
    year: int | None
    serial: int | None
    span: Span


@slot_init
@dataclass(frozen=True, slots=True)
class Reference:
    """A document cited in the body: ``《…》`` with an optional following 文号."""

    title: str
    span: Span
    doc_number: DocNumber | None = None


@slot_init
@dataclass(frozen=True, slots=True)
class MetaField:
    """A typed metadata value: ``key`` is normalised (``doc_number``, ``date`` …), ``label`` is
    the key as written (empty when implied by position), ``value`` the text as written."""

    key: str
    label: str
    value: str
    span: Span


@slot_init
@dataclass(frozen=True, slots=True)
class InlineItem:
    """An enumeration inside a paragraph: 一是… 二是…, 首先… 其次…"""

    marker: str
    value: int | None
    text: str
    span: Span


@slot_init
@dataclass(frozen=True, slots=True)
class Heading:
    """Leaf: the heading of a section, marker and title (markup such as ``#`` or ``**`` around
    it stays inside the span but out of ``title``)."""

    marker: Marker
    title: str
    span: Span
    damaged: bool = False


@slot_init
@dataclass(frozen=True, slots=True)
class Paragraph:
    """Leaf: running text. ``items`` are its inline enumerations, ``departments`` the bodies a
    closing note such as ``（市科技局等按职责分工负责）`` makes responsible, ``references`` the
    documents it cites."""

    text: str
    span: Span
    items: tuple[InlineItem, ...] = ()
    departments: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    damaged: bool = False


@slot_init
@dataclass(frozen=True, slots=True)
class Item:
    """Leaf: a dash (——) or bullet (●) item; ``text`` is what follows the marker."""

    marker: Marker
    text: str
    span: Span
    title: str = ""
    references: tuple[Reference, ...] = ()
    departments: tuple[str, ...] = ()


@slot_init
@dataclass(frozen=True, slots=True)
class Meta:
    """Leaf: a line of the document's frame: ``role`` is ``title``, ``doc_number``,
    ``recipients``, ``signature``, ``date``, ``note``, ``caption``, ``info`` (a web info table
    line), ``attachment_list``, ``imprint`` (版记) or ``header``; ``fields`` its typed values."""

    role: str
    text: str
    span: Span
    fields: tuple[MetaField, ...] = ()


@slot_init
@dataclass(frozen=True, slots=True)
class Chrome:
    """Leaf: web-site furniture kept aside (menus, breadcrumbs, widgets, footers, page numbers).
    ``kind`` says which."""

    kind: str
    text: str
    span: Span


Leaf = Heading | Paragraph | Item | Meta | Chrome


@slot_init
@dataclass(frozen=True, slots=True)
class Section:
    """A numbered section: its heading, the paragraphs and items before its first child, then
    its children. ``depth`` is 1 for the top level of its own document."""

    heading: Heading
    depth: int
    span: Span
    body: tuple[Paragraph | Item | Chrome | Meta, ...] = ()
    children: tuple[Section, ...] = ()

    @property
    def marker(self) -> Marker:
        return self.heading.marker

    @property
    def title(self) -> str:
        return self.heading.title

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(b for b in self.body if isinstance(b, Paragraph))

    @property
    def departments(self) -> tuple[str, ...]:
        """The responsible bodies named by the notes of this section's own paragraphs and
        items (not its children's), each once, in reading order."""
        named = (d for b in self.body if isinstance(b, (Paragraph, Item)) for d in b.departments)
        return tuple(dict.fromkeys(named))

    def walk(self) -> Iterator[Section]:
        """This section and every section below it, in reading order (iterative)."""
        stack: list[Section] = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


# Union, not |: the alias names Document before it is defined, which | cannot do at runtime.
Block = Union[Heading, Paragraph, Item, Meta, Chrome, Section, "Document"]


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed document, or a document attached to or forwarded by one.

    ``text`` is the repaired text every span indexes (an attached document shares its parent's
    text). ``blocks`` hold everything in reading order: frame lines (:class:`Meta`), chrome,
    body paragraphs and items, sections and attached documents.
    """

    text: str
    span: Span
    blocks: tuple[Block, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    repairs: tuple[Repair, ...] = ()
    encoding: str = "utf-8"
    encoding_method: str = "given"
    script: Literal["simplified", "traditional", "mixed"] = "simplified"
    kind: Literal["document", "attachment", "forwarded"] = "document"
    metadata: tuple[MetaField, ...] = field(default=())
    # Empty for text input; one entry per line for HTML and DOCX (see govdoc.extracted).
    sources: tuple[SourceRef, ...] = ()

    @property
    def sections(self) -> tuple[Section, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Section))

    @property
    def attachments(self) -> tuple[Document, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Document))

    @property
    def chrome(self) -> tuple[Chrome, ...]:
        return tuple(b for b in self.blocks if isinstance(b, Chrome))

    @property
    def title(self) -> str | None:
        for f in self.metadata:
            if f.key == "title":
                return f.value
        return None

    def leaves(self) -> Iterator[Leaf]:
        """Every leaf in reading order, attached documents included (iterative)."""
        stack: list[Block] = list(reversed(self.blocks))
        while stack:
            node = stack.pop()
            if isinstance(node, Section):
                stack.extend(reversed(node.children))
                stack.extend(reversed(node.body))
                stack.append(node.heading)
            elif isinstance(node, Document):
                stack.extend(reversed(node.blocks))
            else:
                yield node

    def documents(self) -> Iterator[Document]:
        """This document and every attached or forwarded one, in reading order."""
        stack: list[Document] = [self]
        while stack:
            doc = stack.pop()
            yield doc
            stack.extend(reversed(doc.attachments))
