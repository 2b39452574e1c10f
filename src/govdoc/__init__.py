"""govdoc: Chinese official documents (公文) as a typed, lossless tree.

>>> import govdoc
>>> doc = govdoc.parse("关于做好安全生产工作的通知\\n一、总体要求\\n（一）压实责任。各单位要……")
>>> [(s.marker.raw, s.title) for s in doc.sections]
[('一、', '总体要求')]
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import parse, parse_file
    from .batch import ParseResult, parse_many
    from .checker import Finding, check
    from .chunker import Chunk, chunk
    from .errors import DecodeError, GovdocError, InputError, MissingExtraError
    from .nodes import (
        Chrome,
        Diagnostic,
        DocNumber,
        Document,
        Heading,
        InlineItem,
        Item,
        Marker,
        Meta,
        MetaField,
        Paragraph,
        Reference,
        Repair,
        Section,
        SourceRef,
        Span,
    )
    from .render import to_markdown, to_text
    from .serialize import from_dict, meta, outline, to_dict

# Public name → the module defining it. Imported on first access (PEP 562), so that
# `import govdoc` and `govdoc --help` do not pay for Lark, OpenCC and the compiled patterns.
_HOME = {
    **dict.fromkeys(("parse", "parse_file"), ".api"),
    **dict.fromkeys(("ParseResult", "parse_many"), ".batch"),
    **dict.fromkeys(("Finding", "check"), ".checker"),
    **dict.fromkeys(("Chunk", "chunk"), ".chunker"),
    **dict.fromkeys(("to_markdown", "to_text"), ".render"),
    **dict.fromkeys(("DecodeError", "GovdocError", "InputError", "MissingExtraError"), ".errors"),
    **dict.fromkeys(("from_dict", "meta", "outline", "to_dict"), ".serialize"),
    **dict.fromkeys(
        (
            "Chrome",
            "Diagnostic",
            "DocNumber",
            "Document",
            "Heading",
            "InlineItem",
            "Item",
            "Marker",
            "Meta",
            "MetaField",
            "Paragraph",
            "Reference",
            "Repair",
            "Section",
            "SourceRef",
            "Span",
        ),
        ".nodes",
    ),
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'govdoc' has no attribute {name!r}")
    value = getattr(import_module(home, __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "Chrome",
    "Chunk",
    "DecodeError",
    "Diagnostic",
    "DocNumber",
    "Document",
    "Finding",
    "GovdocError",
    "Heading",
    "InlineItem",
    "InputError",
    "Item",
    "Marker",
    "Meta",
    "MetaField",
    "MissingExtraError",
    "Paragraph",
    "ParseResult",
    "Reference",
    "Repair",
    "Section",
    "SourceRef",
    "Span",
    "check",
    "chunk",
    "from_dict",
    "meta",
    "outline",
    "parse",
    "parse_file",
    "parse_many",
    "to_dict",
    "to_markdown",
    "to_text",
]
