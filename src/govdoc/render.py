"""Human-readable renderings of a Document: Markdown and normalized plain text.

Both omit site chrome. Markdown puts the metadata view (:func:`govdoc.serialize.meta`) in YAML
front matter and writes each section heading at its depth with its marker kept; the plain text
keeps the document's own lines with whitespace runs collapsed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

from .nodes import Chrome, Document, Heading, Item, Leaf, Meta, Paragraph, Section
from .serialize import meta

__all__ = ["heading_text", "to_markdown", "to_text"]

# Markdown has six heading levels; deeper sections become bold lines instead.
_MAX_ATX = 6
# Line starts Markdown would read as block syntax (heading, quote, list, rule, table).
_BLOCK_START = re.compile(r"^(?:[#>*+|=-]|\d+[.)])")
# Characters YAML does not allow unescaped in a double-quoted scalar (control characters that
# json.dumps leaves as they are, surrogates, non-characters).
_YAML_UNSAFE = re.compile("[\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
_MARKUP_TAIL = re.compile(r"[\s*#_]+$")


def heading_text(doc_text: str, heading: Heading) -> str:
    """The heading as written from its marker on (a run-in heading keeps its 。), without the
    Markdown marks the source may have put around it."""
    raw = doc_text[heading.marker.span.start : heading.span.end]
    return _SPACES.sub(" ", _MARKUP_TAIL.sub("", raw)).strip()


def to_text(doc: Document, *, convert: Callable[[str], str] | None = None) -> str:
    """The document's text without chrome: its own line breaks, each line's whitespace runs
    collapsed to one space, empty lines dropped, Markdown marks around headings removed."""
    conv = convert or (lambda s: s)
    pieces: list[str] = []
    last_end: int | None = None
    for leaf in doc.leaves():
        if isinstance(leaf, Chrome):
            continue
        if last_end is not None:
            gap = doc.text[last_end : leaf.span.start]
            pieces.append("\n" if "\n" in gap else gap)
        if isinstance(leaf, Heading):
            pieces.append(heading_text(doc.text, leaf))
            # 第一条 为了…: the space after the marker separates it from the run-in text.
            tail = _MARKUP_TAIL.search(doc.text, leaf.marker.span.start, leaf.span.end)
            if tail and any(c.isspace() for c in tail.group(0)):
                pieces.append(" ")
        else:
            pieces.append(doc.text[leaf.span.start : leaf.span.end])
        last_end = leaf.span.end
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(pieces).split("\n"))
    return "".join(conv(line) + "\n" for line in lines if line)


def to_markdown(doc: Document, *, convert: Callable[[str], str] | None = None) -> str:
    """Markdown: YAML front matter with the metadata, then the body. Section headings are
    ``#`` × depth (bold lines below depth 6), items are list entries, attached and forwarded
    documents follow after a rule with their own title in bold and their own depths."""
    conv = convert or (lambda s: s)
    out = ["---\n", *_yaml(meta(doc, convert=convert)), "---\n"]
    blocks = list(_document_blocks(doc, doc, conv))
    if blocks:
        out.append("\n")
        out.append("\n\n".join(blocks))
        out.append("\n")
    return "".join(out)


def _document_blocks(doc: Document, root: Document, conv: Callable[[str], str]) -> Iterator[str]:
    for block in doc.blocks:
        if isinstance(block, Document):
            yield "---"
            yield from _document_blocks(block, root, conv)
        elif isinstance(block, Section):
            yield from _section_blocks(block, root.text, conv)
        elif isinstance(block, Meta):
            # The page's own frame lines are in the front matter; an attached document has
            # none, so its frame lines stay in the body.
            if doc is not root:
                yield _meta_block(block, conv)
        elif isinstance(block, Heading):
            yield _escape_block(conv(heading_text(root.text, block)))
        else:
            rendered = _leaf_block(block, conv)
            if rendered:
                yield rendered


def _section_blocks(section: Section, text: str, conv: Callable[[str], str]) -> Iterator[str]:
    stack = [section]
    while stack:
        node = stack.pop()
        title = _escape_inline(conv(heading_text(text, node.heading)))
        yield f"{'#' * node.depth} {title}" if node.depth <= _MAX_ATX else f"**{title}**"
        items: list[str] = []
        for leaf in node.body:
            rendered = _leaf_block(leaf, conv)
            if isinstance(leaf, Item):
                items.append(rendered)
                continue
            if items:
                yield "\n".join(items)
                items = []
            if rendered:
                yield rendered
        if items:
            yield "\n".join(items)
        stack.extend(reversed(node.children))


def _leaf_block(leaf: Leaf, conv: Callable[[str], str]) -> str:
    if isinstance(leaf, Chrome):
        return ""
    if isinstance(leaf, Item):
        return f"- {_escape_inline(conv(leaf.marker.raw + leaf.text))}"
    if isinstance(leaf, Meta):
        return _meta_block(leaf, conv)
    if isinstance(leaf, Paragraph):
        return _escape_block(conv(leaf.text))
    return _escape_block(conv(leaf.marker.raw + leaf.title))


def _meta_block(leaf: Meta, conv: Callable[[str], str]) -> str:
    text = _SPACES.sub(" ", conv(leaf.text)).strip()
    return f"**{_escape_inline(text)}**" if leaf.role == "title" else _escape_block(text)


def _escape_inline(text: str) -> str:
    # Emphasis and code marks inside running text would otherwise format it.
    return re.sub(r"([\\`*_\[\]<])", r"\\\1", text)


def _escape_block(text: str) -> str:
    text = _escape_inline(_SPACES.sub(" ", text).strip())
    return "\\" + text if _BLOCK_START.match(text) else text


def _yaml(value: dict[str, Any], indent: str = "") -> Iterator[str]:
    """YAML block mapping of JSON-ready values; every string is double-quoted, so that
    values such as ``no``, ``2024-05-20`` or ``：`` keep their type and meaning."""
    for key, item in value.items():
        if isinstance(item, dict) and item:
            yield f"{indent}{key}:\n"
            yield from _yaml(item, indent + "  ")
        elif isinstance(item, list) and item:
            yield f"{indent}{key}:\n"
            for entry in item:
                yield from _yaml_entry(entry, indent + "  ")
        else:
            yield f"{indent}{key}: {_yaml_scalar(item)}\n"


def _yaml_entry(entry: Any, indent: str) -> Iterator[str]:
    if isinstance(entry, dict) and entry:
        lines = list(_yaml(entry, indent + "  "))
        yield f"{indent}- {lines[0][len(indent) + 2 :]}"
        yield from lines[1:]
    else:
        yield f"{indent}- {_yaml_scalar(entry)}\n"


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, str):
        quoted = json.dumps(value, ensure_ascii=False)
        return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    # None, bool and numbers are written the same in JSON and YAML.
    return json.dumps(value)
