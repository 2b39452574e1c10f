"""Paragraph leaves with what running text carries inside it: inline enumerations (一是…
二是…), the documents it cites (《…》 with a 文号) and its responsible-department note."""

from __future__ import annotations

from collections.abc import Sequence

from .metadata import find_departments, find_inline_items, find_references
from .nodes import Paragraph, Span

__all__ = ["make_paragraph"]


def make_paragraph(text: str, span: Span, damaged: Sequence[Span] = ()) -> Paragraph:
    """A Paragraph of ``text`` at ``span``; ``damaged`` spans of lost text mark it damaged."""
    return Paragraph(
        text=text,
        span=span,
        items=tuple(find_inline_items(text, span.start)),
        departments=find_departments(text),
        references=tuple(find_references(text, span.start)),
        damaged=any(d.start < span.end and span.start < d.end for d in damaged),
    )
