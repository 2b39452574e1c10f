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

from .chrome import chrome_kind, is_menu_line, mark_related_links, trailer_start
from .front import (
    DATE_START,
    LABEL,
    NOTE,
    ORDER_LEAD,
    SENTENCE,
    SIGNER_END,
    bare,
    is_caption,
    is_colon_sentence,
    is_drafter,
    is_signer_line,
    join_title,
    name_front,
    title_key,
)
from .lines import Line
from .metadata import find_references, parse_date, parse_info_line

__all__ = ["Role", "assign_roles", "join_title"]


@dataclass(frozen=True, slots=True)
class Role:
    """``kind`` is body, meta or chrome; ``name`` the meta role or chrome kind (``paragraph``
    for body); ``doc`` the index of the document the line belongs to (0 = the page's own)."""

    kind: str
    name: str
    doc: int


_ATTACH_LIST = re.compile(r"^附\s*件\s*[:：]\s*\S")
_ATTACH_LABEL = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?$")
# Cheap tests that prove a line has no closing role, so that a body paragraph costs a few
# character lookups: every date starts with one of DATE_START; every _signatory name starts
# with one of _SIGNATORY_START; an _imprint line starts with 抄送/抄报/分送/主题词 or ends
# with 印发; a signing body ends with one of SIGNER_END; a 附注 starts with a bracket, an
# attachment list with 附. bare() changes only a line with #, >, * or a space at
# an edge.
_SIGNATORY_START = frozenset("国总主委省市县区州旗镇乡局厅部署行院董书代")
_IMPRINT_START = ("抄送", "抄报", "分送", "主题词")
_CLOSING_FIRST = DATE_START | _SIGNATORY_START | frozenset("（(附抄分主#>*")
_CLOSING_LAST = SIGNER_END | frozenset("发#>*")


@functools.cache
def _role(kind: str, name: str, doc: int) -> Role:
    """The one Role value of these fields (roles are immutable, so lines share them)."""
    return Role(kind, name, doc)


def assign_roles(lines: Sequence[Line]) -> list[Role]:
    """One role per line, in order."""
    kinds = mark_related_links(lines, [chrome_kind(line) for line in lines])
    trail = trailer_start(lines, kinds)
    _mark_site_head(lines, kinds)
    heads = _attachment_heads(lines)
    roles: list[Role | None] = [None] * len(lines)
    doc, state, front_start = 0, "front", 0
    cited: set[str] = set()  # titles the page's own document cites: what a notice issues
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
            if is_menu_line(line) and doc == 0:
                roles[i] = _role("chrome", "menu", doc)
        elif state == "body":
            if doc > 0 and _is_title_like(line) and title_key(line.key) in cited:
                # A notice issuing two documents: the second follows the first's body.
                doc, state, front_start = doc + 1, "front", i
                continue
            if doc == 0 and "《" in line.key:  # find_references finds nothing without a 《
                cited.update(title_key(r.title) for r in find_references(line.key))
            name = _closing_role(lines, i, heads)
            if name is not None:  # what the closing state makes of this line, done here
                state = "closing"
                roles[i] = _role("meta", name, doc)
            elif (
                _ATTACH_LABEL.match(line.key)
                and i + 1 < len(lines)
                and _is_title_like(lines[i + 1])
            ):
                state = "closing"
                continue
            else:
                roles[i] = _role("body", "paragraph", doc)
        else:  # closing: signature, date, notes, attachment list, imprint, then maybe a new doc
            name = _closing_role(lines, i, heads)
            if name is not None:
                roles[i] = _role("meta", name, doc)
            elif _single_attachment_list(lines, i, heads):
                # "附件：" over one title, then the attachment's own "附件" label: a list.
                roles[i] = roles[i + 1] = _role("meta", "attachment_list", doc)
                i += 1
            elif _ATTACH_LABEL.match(line.key) or _is_title_like(line):
                state, front_start = "front", i
                if _ATTACH_LABEL.match(line.key):
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
    return [r if r is not None else rest for r in roles]


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
    if is_caption(text) or is_drafter(text):
        return False
    if LABEL.match(text) and parse_info_line(text):
        return False
    return (line.length >= 20 and SENTENCE.search(text) is not None) or (
        line.length >= 8 and text.endswith("。")
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


def _closing_role(lines: Sequence[Line], i: int, heads: frozenset[int]) -> str | None:
    """The closing role of line ``i`` (署名, 成文日期, 附注, 附件说明, 版记), or None.
    ``heads`` are the indices of the page's 附件：… lines (see _attachment_heads)."""
    line = lines[i]
    if line.marker is not None and not line.marker.weak:
        # A numbered line is body, unless it carries on a 附件：1.… list above it.
        return "attachment_list" if _continues_attachment_list(lines, i, heads) else None
    if not _may_close(line):
        return None
    text = bare(line.key)  # never starts with a space, so text[:1] is what parse_date sees
    start = text[:1]
    if start in DATE_START and parse_date(text) is not None:
        return "date"
    if NOTE.match(text):
        return "note"
    if _ATTACH_LIST.match(text):
        return "attachment_list"
    if (text.startswith(_IMPRINT_START) or text.endswith("印发")) and _imprint().match(text):
        return "imprint"
    if line.marker is None and is_signer_line(text):
        nxt = _bare_next(lines, i)
        if parse_date(nxt) is not None or is_signer_line(nxt):
            return "signature"
    if (
        start in _SIGNATORY_START
        and _signatory().match("".join(text.split()))  # every space removed, as \s in a re.sub
        and parse_date(_bare_next(lines, i)) is not None
    ):
        return "signatory"
    if _continues_attachment_list(lines, i, heads):
        return "attachment_list"  # 附件：1.… / 2.… / 3.… continues the list, not an outline
    return None


def _bare_next(lines: Sequence[Line], i: int) -> str:
    return bare(lines[i + 1].key) if i + 1 < len(lines) else ""


def _may_close(line: Line) -> bool:
    """False when the first and last characters of ``line``, a line without a strong marker,
    prove that it has no closing role (see _CLOSING_FIRST): then it is a plain body line."""
    key = line.key
    first, last = key[:1], key[-1:]
    return (
        first in _CLOSING_FIRST
        or last in _CLOSING_LAST
        or first.isspace()
        or last.isspace()
        or _is_list_item(line)  # an item of a 附件：1.… list
    )


# The rare closing lines' patterns are compiled on first use (behind the cheap tests above).
@functools.cache
def _imprint() -> re.Pattern[str]:
    return re.compile(
        r"^(?:抄送|抄报|分送|主题词)\s*[:：]|^.{2,40}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$"
    )


@functools.cache
def _signatory() -> re.Pattern[str]:
    """The person who signs an order or a report: "市长　周立平", "总 理  李克强"."""
    return re.compile(
        r"^(?:国务院总理|总理|主席|委员长|省长|市长|县长|区长|州长|旗长|镇长|乡长|主任|局长|厅长|"
        r"部长|署长|行长|院长|董事长|书记|代市长|代省长|代县长|代区长)[\u4e00-\u9fff·]{2,5}$"
    )


def _single_attachment_list(lines: Sequence[Line], i: int, heads: frozenset[int]) -> bool:
    key = lines[i].key
    return (
        i + 2 < len(lines)
        and key.rstrip().endswith(("：", ":"))
        and _ATTACH_LABEL.match(key) is not None
        and _is_title_like(lines[i + 1])
        and (
            _ATTACH_LABEL.match(lines[i + 2].key) is not None
            or _closing_role(lines, i + 2, heads) is not None
        )
    )


def _attachment_heads(lines: Sequence[Line]) -> frozenset[int]:
    """The indices of the 附件：… lines that open an attachment list (most pages have none)."""
    return frozenset(
        k for k, line in enumerate(lines) if "附" in line.key and _ATTACH_LIST.match(bare(line.key))
    )


def _continues_attachment_list(lines: Sequence[Line], i: int, heads: frozenset[int]) -> bool:
    """Whether line ``i`` is an item of a 附件：1.… list whose header (one of ``heads``) is the
    nearest one above it (within 20 lines): the lines from the header down to ``i`` are all
    items. Runs on every body line, so it walks up only over items: a line that is neither
    item nor header above ``i`` ends the search, as it would fail the nearest header further
    up."""
    if not heads or not _is_list_item(lines[i]):
        return False
    for k in range(i - 1, max(-1, i - 21), -1):
        if k in heads:
            return True
        if not _is_list_item(lines[k]):
            return False
    return False


def _is_list_item(line: Line) -> bool:
    return line.marker is not None and line.end - line.start <= 60 and "。" not in line.key


def _is_title_like(line: Line) -> bool:
    return (
        line.marker is None
        and 4 <= line.length <= 60
        and SENTENCE.search(line.key) is None
        and ":" not in line.key
        and "：" not in line.key
    )
