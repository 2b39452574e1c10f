"""The anatomy of a 公文 page: which line is frame, body or chrome, and of which document.

GB/T 9704-2012 §7 lays a document out as 版头 (份号, 密级, 紧急程度, 发文机关标志, 发文字号,
签发人), 主体 (标题, 主送机关, 正文, 附件说明, 发文机关署名, 成文日期, 附注, 附件) and 版记
(抄送机关, 印发机关和印发日期). Web copies wrap that in site chrome and an info table, and a
印发 notice carries the document it issues after its own signature. :func:`assign_roles`
walks the lines once, as a small state machine (front → body → closing → next document's
front …), and gives each line a :class:`Role`. The front lines are named by
:mod:`govdoc.front`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .chrome import chrome_kinds, is_menu_line, mark_related_links, trailer_start
from .closing import (
    ATTACH_LABEL,
    attachment_heads,
    attachment_items,
    closing_role,
    is_title_like,
    quiet_lines,
    single_attachment_list,
)
from .front import (
    LABEL,
    ORDER_LEAD,
    SENTENCE,
    is_caption,
    is_colon_sentence,
    is_drafter,
    name_front,
)
from .lines import Line
from .linetext import bare, join_title, title_key
from .metadata import find_references, parse_date, parse_info_line

__all__ = ["Role", "assign_roles", "join_title"]


@dataclass(frozen=True, slots=True)
class Role:
    """``kind`` is body, meta or chrome; ``name`` the meta role or chrome kind (``paragraph``
    for body); ``doc`` the index of the document the line belongs to (0 = the page's own)."""

    kind: str
    name: str
    doc: int


@functools.cache
def _role(kind: str, name: str, doc: int) -> Role:
    """The one Role value of these fields (roles are immutable, so lines share them)."""
    return Role(kind, name, doc)


def assign_roles(lines: Sequence[Line]) -> list[Role]:
    """One role per line, in order."""
    kinds = mark_related_links(lines, chrome_kinds(lines))
    trail = trailer_start(lines, kinds)
    _mark_site_head(lines, kinds)
    items = attachment_items(lines, attachment_heads(lines))
    quiet = quiet_lines(lines, items)
    if kinds.count(None) != len(kinds):  # a chrome line is no plain paragraph
        for k, kind in enumerate(kinds):
            if kind is not None:
                quiet[k] = False
    plain = bytes(quiet)  # 1 for a plain paragraph: bytes.find(0, …) ends a run of them
    roles: list[Role | None] = [None] * len(lines)
    doc, state, front_start = 0, "front", 0
    # The page's own body lines: some cite titles (《…》) that are what a notice issues; they
    # are looked up only when a later document's body meets a line that looks like a title.
    own_body: list[range] = []
    cited: set[str] | None = None
    i = 0
    while i < len(lines):
        line, kind = lines[i], kinds[i]
        if i >= trail or kind is not None:
            roles[i] = _role("chrome", kind or "trailer", doc)
        elif state == "front":
            if _starts_body(line):
                _name_front(lines, roles, front_start, i, doc)
                state = "body"
                continue
            if doc == 0 and is_menu_line(line):
                roles[i] = _role("chrome", "menu", doc)
        elif state == "body":
            # A run of plain paragraphs before the trailer: what the steps below make of each
            # is a paragraph, except of a title-like line in a later document's body (it may
            # open a document the notice issues), so a run there ends at one.
            end = plain.find(0, i, trail)
            end = trail if end < 0 else end
            if doc > 0:
                end = _first_title_like(lines, i, end)
            if end > i:
                if doc == 0:
                    own_body.append(range(i, end))
                roles[i:end] = [_role("body", "paragraph", doc)] * (end - i)
                i = end
                continue
            if doc > 0 and is_title_like(line):
                if cited is None:  # doc 0 is over: own_body holds all its body lines
                    cited = _cited_titles(lines, own_body)
                if title_key(line.key) in cited:
                    # A notice issuing two documents: the second follows the first's body.
                    doc, state, front_start = doc + 1, "front", i
                    continue
            if doc == 0:
                own_body.append(range(i, i + 1))
            name = closing_role(lines, i, items)
            if name is not None:  # what the closing state makes of this line, done here
                state = "closing"
                roles[i] = _role("meta", name, doc)
            elif (
                ATTACH_LABEL.match(line.key) and i + 1 < len(lines) and is_title_like(lines[i + 1])
            ):
                state = "closing"
                continue
            else:
                roles[i] = _role("body", "paragraph", doc)
        else:  # closing: signature, date, notes, attachment list, imprint, then maybe a new doc
            name = closing_role(lines, i, items)
            if name is not None:
                roles[i] = _role("meta", name, doc)
            elif single_attachment_list(lines, i, items):
                # "附件：" over one title, then the attachment's own "附件" label: a list.
                roles[i] = roles[i + 1] = _role("meta", "attachment_list", doc)
                i += 1
            elif ATTACH_LABEL.match(line.key) or is_title_like(line):
                state, front_start = "front", i
                if ATTACH_LABEL.match(line.key):
                    doc += 1
                    roles[i] = _role("meta", "attachment_label", doc)
                    front_start = i + 1
                    i += 1
                elif _is_order(lines, roles, doc):
                    # An order (令): the 办法 it promulgates follows the signature and is the
                    # order's own text; a title above the order was the page's headline.
                    for k, r in enumerate(roles):
                        if r is not None and r.doc == doc and r.name == "title":
                            roles[k] = _role("meta", "headline", doc)
                else:
                    doc += 1
                continue
            else:
                state = "body"
                roles[i] = _role("body", "paragraph", doc)
        i += 1
    if state == "front":
        _name_front(lines, roles, front_start, len(lines), doc)
    rest = _role("body", "paragraph", doc)
    return [r or rest for r in roles]  # a Role is always true: `or` picks out None


def _first_title_like(lines: Sequence[Line], start: int, end: int) -> int:
    """The first line of ``[start, end)`` that is_title_like, else ``end``."""
    for k in range(start, end):
        line = lines[k]
        # A title-like line is at most 60 characters long; most body lines are longer.
        if line.end - line.start <= 60 and is_title_like(line):
            return k
    return end


def _cited_titles(lines: Sequence[Line], body: Sequence[range]) -> set[str]:
    """The titles (as title_key) that the ``body`` lines cite."""
    return {
        title_key(ref.title)
        for run in body
        for k in run
        if "《" in lines[k].key  # find_references finds nothing without a 《
        for ref in find_references(lines[k].key)
    }


def _mark_site_head(lines: Sequence[Line], kinds: list[str | None]) -> None:
    """Short lines above a page's breadcrumb (site name, menu entries) are site chrome."""
    crumb = next((i for i, k in enumerate(kinds[:40]) if k == "breadcrumb"), None)
    if crumb is None:
        return
    for i in range(crumb):
        text = lines[i].key
        if (
            kinds[i] is None
            and len(text) <= 30
            and not SENTENCE.search(text)
            and not parse_info_line(lines[i].text)
            and parse_date(text) is None
        ):
            kinds[i] = "site"


def _is_order(lines: Sequence[Line], roles: Sequence[Role | None], doc: int) -> bool:
    """Whether document ``doc`` is an order: a 令 name over its number, a 令号 as its 文号, or
    its first paragraph opening with the order's name and number."""
    first_body = True
    for line, role in zip(lines, roles, strict=False):
        if role is None or role.doc != doc:
            continue
        if role.name in ("order_name", "order_number"):
            return True
        if role.name == "doc_number" and re.search(r"令\s*(?:[〔\[【［（(].{4,6})?第", line.key):
            return True
        if role.kind == "body" and first_body:
            first_body = False
            if ORDER_LEAD.match(bare(line.key)):
                return True
    return False


def _starts_body(line: Line) -> bool:
    m = line.marker
    if m is not None and not m.weak:
        return True
    text = bare(line.key)
    if text.endswith(("：", ":")):
        return is_colon_sentence(text)  # "…现将有关事项通知如下："; a 主送 line is a list
    length = line.length
    if not (
        (length >= 20 and SENTENCE.search(text) is not None)
        or (length >= 8 and text.endswith("。"))
    ):
        return False  # only a sentence starts the body: the costlier tests below are moot
    # A sentence can still be a 题注, a drafting body or an info-table line.
    return not (
        is_caption(text) or is_drafter(text) or (LABEL.match(text) and parse_info_line(text))
    )


def _name_front(
    lines: Sequence[Line], roles: list[Role | None], start: int, end: int, doc: int
) -> None:
    named: dict[int, str] = {i: "" for i in range(start, end) if roles[i] is not None}
    label = roles[start - 1] if start > 0 else None
    name_front(lines, named, start, end, label is not None and label.name == "attachment_label")
    for i, name in named.items():
        if roles[i] is None and name:
            roles[i] = _role("meta", name, doc)
