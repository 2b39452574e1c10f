"""Views of a Document for other tools: the whole tree as a dict, the outline, the metadata.

The shapes are the contracts of docs/contracts.md (JSON Schema in docs/schema/): keys are
only ever added, never renamed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

from .metadata import parse_doc_number
from .nodes import Document, Item, Section, Span

__all__ = ["meta", "outline", "to_dict"]

_TYPE_NAMES = {"Span": None}


def to_dict(doc: Document, *, convert: Callable[[str], str] | None = None) -> dict[str, Any]:
    """The whole Document as plain JSON-ready values; every node carries ``type`` and
    ``span`` ([start, end] into ``text``). ``convert`` maps every text value (for example to
    simplified script); ``text`` itself is kept as parsed so that spans stay valid."""
    out = _node(doc, convert, top=True)
    assert isinstance(out, dict)
    return out


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
            title = node.title
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
    import bisect

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
