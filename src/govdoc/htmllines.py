"""Lines of an HTML element as a browser lays them out: one per block, ``<br>`` and table row.

Block elements (``<p>``, ``<div>``, ``<li>``, headings …) and ``<br>`` end a line; the cells of
a table row are joined by a space into one line, whatever blocks they hold. Runs of ASCII
white space collapse to one space, as in a browser; U+3000 and no-break spaces are text and
stay (the repair stage normalises them). Scripts, styles, form controls and elements hidden
with ``display:none`` or ``hidden`` are not rendered. Each line keeps the XPath of the block
that holds it, so that a reader can find the element again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml.html import HtmlElement

__all__ = ["HtmlLine", "is_hidden", "is_text_node", "render_lines", "xpath_of"]

_BLOCKS = (
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li main menu nav ol "
    "p pre section summary table tbody td tfoot th thead ul"
)
_UNRENDERED = (
    "script style noscript template select option textarea button input head title meta link "
    "iframe object embed svg math canvas audio video map area"
)
BLOCK_TAGS = frozenset(_BLOCKS.split(" "))
SKIPPED = frozenset(_UNRENDERED.split(" "))
_SPACES = re.compile(r"[ \t\n\r\f]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class HtmlLine:
    """A rendered line and the element it comes from."""

    text: str
    element: HtmlElement


def is_hidden(el: HtmlElement) -> bool:
    """Whether the page hides ``el`` from readers (inline style or the hidden attribute)."""
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def render_lines(
    root: HtmlElement, as_row: Callable[[HtmlElement], bool] = lambda el: el.tag == "tr"
) -> list[HtmlLine]:
    """The non-blank lines of ``root`` in document order. An element for which ``as_row`` holds
    (by default a table row) becomes one line: its inner lines joined by a space."""
    out: list[HtmlLine] = []
    buf: list[str] = []
    owner: list[HtmlElement] = [root]

    def flush() -> None:
        text = _SPACES.sub(" ", "".join(buf)).strip(" ")
        buf.clear()
        if text.strip():
            out.append(HtmlLine(text, owner[-1]))

    def walk(el: HtmlElement) -> None:
        for child in el:
            if is_text_node(child):
                visit(child)
            if child.tail:
                buf.append(child.tail)

    def visit(el: HtmlElement) -> None:
        tag = el.tag
        if tag == "br":
            flush()
            return
        if as_row(el):
            flush()
            buf.append(" ".join(line.text for line in render_lines(el, as_row)))
            owner.append(el)
            flush()
            owner.pop()
            return
        block = tag in BLOCK_TAGS
        if block:
            flush()
            owner.append(el)
        if el.text:
            buf.append(el.text)
        walk(el)
        if block:
            flush()
            owner.pop()

    if root.text:
        buf.append(root.text)
    walk(root)
    flush()
    return out


def is_text_node(el: object) -> bool:
    """An element that can hold rendered text (not a comment, processing instruction, script…)."""
    return (
        isinstance(el, HtmlElement)
        and isinstance(el.tag, str)
        and el.tag not in SKIPPED
        and not is_hidden(el)
    )


def xpath_of(el: HtmlElement) -> str:
    """The element's XPath in its document (``/html/body/div[2]/p[3]``)."""
    return str(el.getroottree().getpath(el))
