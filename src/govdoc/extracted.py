"""Text extracted from a structured format (HTML, DOCX), parsed by the text pipeline.

A reader turns its input into :class:`SourceLine` values: the line as a reader sees it, where
it comes from (an XPath, a DOCX part and paragraph index) and, when the format itself says so,
that it is chrome (a page's menu, a Word header). :func:`parse_extracted` joins the lines
with ``\\n`` into the Document's text and runs the same stages as :func:`govdoc.parse`
(repair → lines → anatomy → build); lines the format marks as chrome are kept out of the
anatomy, which only sees the document's own lines, and become :class:`~govdoc.nodes.Chrome`
leaves in page order. ``Document.sources`` maps each line's span back to its origin.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from .anatomy import Role, assign_roles
from .build import Source, build
from .lines import Line, split_lines
from .nodes import Document, SourceRef, Span
from .repair import repair
from .script import detect_script, to_simplified

__all__ = ["SourceLine", "parse_extracted"]


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One extracted line: its ``text`` (no line break), its ``origin`` in the input, and the
    chrome kind when the input's structure marks it as such (``None`` for document text)."""

    text: str
    origin: str
    chrome: str | None = None


def parse_extracted(
    source_lines: Sequence[SourceLine], encoding: str = "utf-8", method: str = "given"
) -> Document:
    """The Document of the extracted lines (see the module docstring)."""
    # A line break inside a line would shift every later line number; readers render breaks as
    # separate lines, so any left inside (a CR in an attribute-like run) becomes a space.
    texts = [" ".join(sl.text.splitlines()) for sl in source_lines]
    repaired = repair("\n".join(texts))
    script = detect_script(repaired.text)
    lines = split_lines(repaired.text, to_simplified if script != "simplified" else None)
    # The repair stage keeps "\n" as the only line break and adds or removes none, so line
    # numbers of the repaired text are the indexes of the source lines.
    origin_of = {line.number: source_lines[line.number] for line in lines}
    roles = _roles(lines, [origin_of[line.number].chrome for line in lines])
    doc = build(
        Source(repaired.text, encoding, method, script, repaired.repairs, repaired.damaged),
        lines,
        roles,
    )
    sources = tuple(
        SourceRef(Span(line.start, line.end), origin_of[line.number].origin) for line in lines
    )
    return dataclasses.replace(doc, sources=sources)


def _roles(lines: Sequence[Line], chrome: Sequence[str | None]) -> list[Role]:
    """Anatomy roles of the document's own lines; the format's chrome lines take the document
    index of the line before them (0 before the first)."""
    own = [i for i, kind in enumerate(chrome) if kind is None]
    own_roles = dict(zip(own, assign_roles([lines[i] for i in own]), strict=True))
    out: list[Role] = []
    doc = 0
    for i, kind in enumerate(chrome):
        if kind is None:
            role = own_roles[i]
            doc = role.doc
            out.append(role)
        else:
            out.append(Role("chrome", kind, doc))
    return out
