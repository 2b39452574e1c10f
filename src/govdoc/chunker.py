"""Section-aware chunks of a Document for retrieval (RAG).

The body (headings, paragraphs and items; frame lines and chrome are left out) is cut into
*units*: the heading and body of one section before its first child, or a run of body text
outside any section. A unit that fits ``max_chars`` is one chunk, so a chunk never mixes two
sections. A longer unit is packed greedily from its sentences (ending in 。！？； or a line
break); a sentence longer than the room left is cut after a clause mark (，、：) and only then
anywhere. Every chunk's text is at most ``max_chars`` characters, overlap included, and the
chunks' spans cover every non-space character of the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .errors import InputError
from .nodes import Document, Heading, Item, Paragraph, Section, Span

__all__ = ["Chunk", "chunk"]

_SENTENCE_END = re.compile(r"[。！？；!?;]+[”’」』）)]*|\n")
_CLAUSE_MARKS = "，、：,:"


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of one section's text. ``span`` runs from the first to the last character of
    ``text`` in ``Document.text``; ``headings`` is the (marker, title) path of the section from
    the top of its document, empty outside sections; ``document`` is 0 for the page's own
    document and 1… for attached or forwarded ones (as in the outline); ``title`` is the
    title of that document (the page's title when it has none of its own)."""

    text: str
    span: Span
    title: str | None
    headings: tuple[tuple[str, str], ...]
    document: int

    def to_dict(self) -> dict[str, object]:
        """JSON-ready: ``span`` as ``[start, end]``, ``headings`` as ``[[marker, title], …]``."""
        return {
            "text": self.text,
            "span": [self.span.start, self.span.end],
            "title": self.title,
            "headings": [list(h) for h in self.headings],
            "document": self.document,
        }


@dataclass(frozen=True, slots=True)
class _Unit:
    """The text of one unit with the ``Document.text`` offset of each of its characters."""

    text: str
    offsets: tuple[int, ...]
    headings: tuple[tuple[str, str], ...]


def chunk(doc: Document, *, max_chars: int = 500, overlap: int = 0) -> list[Chunk]:
    """Chunks of ``doc`` in reading order (see the module documentation). ``overlap`` characters
    of the previous chunk of the same section begin the next one. Raises
    :class:`~govdoc.errors.InputError` unless ``max_chars`` ≥ 1 and 0 ≤ ``overlap`` <
    ``max_chars``."""
    if max_chars < 1 or not 0 <= overlap < max_chars:
        raise InputError(
            f"need max_chars >= 1 and 0 <= overlap < max_chars, got {max_chars}, {overlap}"
        )
    out: list[Chunk] = []
    for index, sub in enumerate(doc.documents()):
        title = sub.title or doc.title
        for unit in _units(sub, doc.text):
            for start, end in _pieces(unit.text, max_chars, overlap):
                span = Span(unit.offsets[start], unit.offsets[end - 1] + 1)
                out.append(Chunk(unit.text[start:end], span, title, unit.headings, index))
    return out


def _units(doc: Document, text: str) -> Iterator[_Unit]:
    run: list[Heading | Paragraph | Item] = []
    for block in doc.blocks:
        if isinstance(block, (Heading, Paragraph, Item)):
            run.append(block)
            continue
        if isinstance(block, (Section, Document)) and run:
            yield _unit(run, text, ())
            run = []
        if isinstance(block, Section):
            yield from _section_units(block, text)
    if run:
        yield _unit(run, text, ())


def _section_units(top: Section, text: str) -> Iterator[_Unit]:
    stack: list[tuple[Section, tuple[tuple[str, str], ...]]] = [(top, ())]
    while stack:
        section, above = stack.pop()
        path = (*above, (section.marker.raw, section.title))
        leaves = [section.heading, *(b for b in section.body if isinstance(b, (Paragraph, Item)))]
        yield _unit(leaves, text, path)
        stack.extend((child, path) for child in reversed(section.children))


def _unit(
    leaves: list[Heading | Paragraph | Item], text: str, headings: tuple[tuple[str, str], ...]
) -> _Unit:
    chars: list[str] = []
    offsets: list[int] = []
    previous_end: int | None = None
    for leaf in leaves:
        if previous_end is not None:
            gap = text[previous_end : leaf.span.start]
            # Leaves on separate lines are joined by one line break; a run-in heading and its
            # text keep whatever was written between them.
            if "\n" in gap or (gap and not gap.isspace()):
                chars.append("\n")
                offsets.append(previous_end)
            else:
                chars.extend(gap)
                offsets.extend(range(previous_end, leaf.span.start))
        chars.extend(text[leaf.span.start : leaf.span.end])
        offsets.extend(range(leaf.span.start, leaf.span.end))
        previous_end = leaf.span.end
    return _Unit("".join(chars), tuple(offsets), headings)


def _pieces(text: str, max_chars: int, overlap: int) -> Iterator[tuple[int, int]]:
    """``[start, end)`` ranges of ``text``, stripped of outer whitespace, at most ``max_chars``
    long, each beginning with up to ``overlap`` characters of the one before."""
    if len(text.strip()) <= max_chars:
        yield from _stripped(text, 0, len(text))
        return
    cuts = _cuts(text, max_chars - overlap)
    start = 0
    first = True
    while start < len(text):
        room = max_chars if first else max_chars - overlap
        end = start
        for cut in cuts:
            if cut - start > room:
                break
            if cut > start:
                end = cut
        back = 0 if first else min(overlap, start)
        yield from _stripped(text, start - back, end)
        start, first = end, False


def _cuts(text: str, longest: int) -> list[int]:
    """Sorted positions where a chunk may end: after sentence ends, and inside any sentence
    longer than ``longest`` after clause marks or, failing those, every ``longest`` chars."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    if not ends or ends[-1] != len(text):
        ends.append(len(text))
    cuts: list[int] = []
    previous = 0
    for end in ends:
        while end - previous > longest:
            window = text[previous + 1 : previous + longest]
            clause = max(window.rfind(c) for c in _CLAUSE_MARKS)
            previous = previous + 1 + clause + 1 if clause >= 0 else previous + longest
            cuts.append(previous)
        cuts.append(end)
        previous = end
    return cuts


def _stripped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end
