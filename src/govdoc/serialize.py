"""Views of a Document for other tools: the whole tree as a dict, the outline, the metadata.

The shapes are the contracts of docs/contracts.md (JSON Schema in docs/schema/): keys are
only ever added, never renamed.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

from . import nodes
from .metadata import parse_doc_number
from .nodes import Document, Item, Paragraph, Section, Span

# Characters of text an outline entry shows at least, when the line holds more than the title.
_OUTLINE_TEXT = 30

__all__ = ["from_dict", "meta", "outline", "to_dict"]

# ``type`` as to_dict writes it (the class name in lower case) → the node class.
_NODE_TYPES: dict[str, type[Any]] = {
    name.lower(): getattr(nodes, name)
    for name in nodes.__all__
    if dataclasses.is_dataclass(getattr(nodes, name)) and name != "Span"
}


def to_dict(doc: Document, *, convert: Callable[[str], str] | None = None) -> dict[str, Any]:
    """The whole Document as plain JSON-ready values; every node carries ``type`` and
    ``span`` ([start, end] into ``text``). ``convert`` maps every text value (for example to
    simplified script); ``text`` itself is kept as parsed so that spans stay valid."""
    out = _node(doc, convert, top=True)
    assert isinstance(out, dict)
    return out


def from_dict(data: dict[str, Any]) -> Document:
    """The Document that :func:`to_dict` turned into ``data`` (its exact inverse when
    ``to_dict`` was called without ``convert``). Keys added for convenience (a section's
    ``marker`` and ``title``, a document's ``title``) are derived, so they are read past."""
    doc = _from_node(data, data.get("text", ""))
    if not isinstance(doc, Document):
        raise ValueError(f"not a document: type {data.get('type')!r}")
    return doc


def _from_node(data: dict[str, Any], text: str) -> Any:
    cls = _NODE_TYPES.get(data.get("type", ""))
    if cls is None:
        raise ValueError(f"unknown node type {data.get('type')!r}")
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if cls is Document and f.name == "text":
            kwargs["text"] = text  # an attached document shares its parent's text
        elif f.name in data:
            kwargs[f.name] = _from_value(f.name, data[f.name], text)
    return cls(**kwargs)


def _from_value(name: str, value: Any, text: str) -> Any:
    if name == "span":
        return Span(value[0], value[1])
    if isinstance(value, dict):
        return _from_node(value, text)
    if isinstance(value, list):
        return tuple(_from_value("", v, text) for v in value)
    return value


def _node(value: Any, convert: Callable[[str], str] | None, top: bool = False) -> Any:
    if isinstance(value, Span):
        return [value.start, value.end]
    if isinstance(value, (list, tuple)):
        return [_node(v, convert) for v in value]
    if isinstance(value, str):
        return convert(value) if convert else value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {"type": type(value).__name__.lower()}
        for f in dataclasses.fields(value):
            v = getattr(value, f.name)
            if isinstance(value, Document) and f.name == "text":
                if top:
                    out["text"] = v
                continue
            out[f.name] = _node(v, convert)
        if isinstance(value, Document):
            out["title"] = _node(value.title, convert)
        if isinstance(value, Section):
            out["marker"] = _node(value.marker, convert)
            out["title"] = _node(value.title, convert)
        return out
    return value


def outline(doc: Document, *, convert: Callable[[str], str] | None = None) -> list[dict[str, Any]]:
    """One entry per numbered heading or dash/bullet item, in reading order (DESIGN §4)."""
    conv = convert or (lambda s: s)
    lines = _line_starts(doc.text)
    out: list[dict[str, Any]] = []
    for index, sub in enumerate(doc.documents()):
        for depth, node in _headings(sub):
            marker = node.marker
            title = _outline_title(doc.text, node)
            out.append(
                {
                    "depth": depth,
                    "value": marker.value,
                    "marker": conv(marker.raw),
                    "title": conv(title),
                    "style": marker.style,
                    "family": marker.family,
                    "line": _line_of(lines, marker.span.start),
                    "span": [marker.span.start, node.span.end],
                    "document": index,
                    **({"sub_value": marker.sub_value} if marker.sub_value is not None else {}),
                }
            )
    return out


def _outline_title(text: str, node: Section | Item) -> str:
    """The heading's title; for a run-in heading or an item, the start of its text, title
    sentence first ("加强组织领导。各地要……"), which is how readers cite an outline entry."""
    title = node.title
    if not title and isinstance(node, Section) and node.body:
        first = node.body[0]  # a marker alone on its line, its text on the next
        return first.text[:_OUTLINE_TEXT] if isinstance(first, Paragraph) else ""
    line_end = text.find("\n", node.marker.span.end)
    rest = text[node.marker.span.end : len(text) if line_end < 0 else line_end]
    rest = rest.replace("**", "").replace("__", "").strip()  # Markdown emphasis is not text
    if title and rest.startswith(title) and len(rest) > len(title):
        return rest[: max(len(title), _OUTLINE_TEXT)]
    return title


def _headings(doc: Document) -> Iterator[tuple[int, Section | Item]]:
    stack: list[tuple[int, Any]] = [(0, b) for b in reversed(doc.blocks)]
    while stack:
        depth, node = stack.pop()
        if isinstance(node, Section):
            yield node.depth, node
            stack.extend((node.depth, c) for c in reversed(node.children))
            stack.extend((node.depth, b) for b in reversed(node.body))
        elif isinstance(node, Item):
            yield depth + 1, node


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _line_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset)


def meta(doc: Document, *, convert: Callable[[str], str] | None = None) -> dict[str, Any]:
    """The metadata view (DESIGN §4): title, doc_number, issuer, date, published, recipients,
    attachments, and every further field found, by normalised key."""
    conv = convert or (lambda s: s)
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    attachments: list[dict[str, Any]] = []
    for f in doc.metadata:
        if f.key == "attachment":
            attachments.append({"title": conv(f.value)})
        elif f.key in fields or f.key in extra:
            continue
        elif f.key in ("title", "issuer", "date", "published", "recipients", "doc_number"):
            fields[f.key] = conv(f.value)
        else:
            extra[f.key] = conv(f.value)
    if not attachments:
        attachments = [{"title": conv(a.title or ""), "kind": a.kind} for a in doc.attachments]
    number = parse_doc_number(fields["doc_number"]) if "doc_number" in fields else None
    return {
        "title": fields.get("title"),
        "doc_number": None
        if number is None
        else {
            "text": conv(number.text),
            "issuer_code": conv(number.issuer_code),
            "year": number.year,
            "serial": number.serial,
        },
        "issuer": fields.get("issuer"),
        "date": fields.get("date"),
        "published": fields.get("published"),
        "recipients": fields.get("recipients"),
        "attachments": attachments,
        "script": doc.script,
        "encoding": doc.encoding,
        **extra,
    }
