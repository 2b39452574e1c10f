"""govdoc: Chinese official documents (公文) as a typed, lossless tree.

>>> import govdoc
>>> doc = govdoc.parse("关于做好安全生产工作的通知\\n一、总体要求\\n（一）压实责任。各单位要……")
>>> [(s.marker.raw, s.title) for s in doc.sections]
[('一、', '总体要求')]
"""

from __future__ import annotations

from .api import parse, parse_file
from .errors import DecodeError, GovdocError, InputError
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
    Span,
)
from .serialize import meta, outline, to_dict

__all__ = [
    "Chrome",
    "DecodeError",
    "Diagnostic",
    "DocNumber",
    "Document",
    "GovdocError",
    "Heading",
    "InlineItem",
    "InputError",
    "Item",
    "Marker",
    "Meta",
    "MetaField",
    "Paragraph",
    "Reference",
    "Repair",
    "Section",
    "Span",
    "meta",
    "outline",
    "parse",
    "parse_file",
    "to_dict",
]
