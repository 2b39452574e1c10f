"""The frame of a document as typed fields: a :class:`Meta` leaf per frame line, and the
document-level values (title, 文号, issuer, dates, 主送, attachments) chosen from them.

Which value wins follows the conventions of GB/T 9704-2012: the 成文日期 under the signature
over an adoption note (题注) over an info table's 成文日期 over the page's publication date;
the signing body over a drafting body over an info table's 发文机关 over the body named before
关于 in the title. Per-line fields (header elements, 版记) are read by :mod:`govdoc.frameline`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .frameline import meta_leaf
from .front import ORDER_LEAD
from .linetext import bare, join_title
from .metadata import parse_date, parse_doc_number
from .nodes import Block, Meta, MetaField, Paragraph, Span

__all__ = ["frame_fields", "meta_leaf"]

_ISSUER_IN_TITLE = re.compile(r"^(.{2,40}?)关于")
# A title that carries its own number in brackets: "防范和处置非法集资条例（国务院令第737号）".
_TITLE_NUMBER = re.compile(r"[（(]([^（()）]{4,40})[）)]$")
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_STATE = "中华人民共和国"
_PRIMARY = ("title", "date", "published", "issuer", "doc_number", "recipients", "attachment")
_CONSUMED = {*_PRIMARY, "drafter", "adopted_by"}


def frame_fields(blocks: Sequence[Block], text: str) -> tuple[MetaField, ...]:
    """Document-level fields from the top-level Meta leaves of one document."""
    metas = [b for b in blocks if isinstance(b, Meta)]
    found: dict[str, list[MetaField]] = {}
    for meta in metas:
        for f in meta.fields:
            found.setdefault(f.key, []).append(f)
    out: list[MetaField] = []
    title, title_number = _title(metas, found)
    if title is not None:
        out.append(title)
    order = _order(metas, blocks)
    date = _date(metas)
    if date is not None:
        out.append(date)
    published = found.get("published", [])
    if published:
        first = published[0]
        out.append(MetaField("published", first.label, _iso(first.value), first.span))
    issuer = _issuer(metas, found, order, title)
    if issuer is not None:
        out.append(issuer)
    numbers = found.get("doc_number", [])[:1] or order[:1] or title_number
    out.extend(numbers[:1])
    out.extend(found.get("recipients", [])[:1])
    out.extend(found.get("attachment", []))
    for key, values in found.items():
        if key not in _CONSUMED:
            out.extend(values)
    return tuple(out)


def _title(
    metas: Sequence[Meta], found: dict[str, list[MetaField]]
) -> tuple[MetaField | None, list[MetaField]]:
    """The title joined from its lines (else an info table's 标题), and a 文号 the title
    carries in brackets at its end."""
    lines = [f for m in metas if m.role == "title" for f in m.fields if f.key == "title"]
    if not lines:
        info = found.get("title", [])
        return (info[0] if info else None), []
    span = Span(lines[0].span.start, lines[-1].span.end)
    value = join_title([t.value for t in lines])
    m = _TITLE_NUMBER.search(value)
    number = parse_doc_number(m.group(1)) if m else None
    if m is None or number is None:
        return MetaField("title", "", value, span), []
    cut = MetaField("title", "", value[: m.start()].rstrip(), span)
    return cut, [MetaField("doc_number", "", number.text, span)]


def _order(metas: Sequence[Meta], blocks: Sequence[Block]) -> list[MetaField]:
    """The 令号 of an order: its name and number on two lines, or opening the first paragraph
    (empty when the document is no order)."""
    name = next((m for m in metas if m.role == "order_name"), None)
    number = next((m for m in metas if m.role == "order_number"), None)
    if name is not None and number is not None:
        span = Span(name.span.start, number.span.end)
        serial = bare(number.text).strip("（()）")
        return [MetaField("doc_number", "", _joined(bare(name.text) + serial), span)]
    first = next((b for b in blocks if isinstance(b, Paragraph)), None)
    m = ORDER_LEAD.match(first.text) if first is not None else None
    if first is None or m is None:
        return []
    span = Span(first.span.start, first.span.start + m.end())
    return [MetaField("doc_number", "", _joined(m.group(1) + m.group(2)), span)]


def _date(metas: Sequence[Meta]) -> MetaField | None:
    closing = [f for m in metas if m.role == "date" for f in m.fields]
    caption = [f for m in metas if m.role == "caption" for f in m.fields if f.key == "date"]
    info = [f for m in metas if m.role == "info" for f in m.fields if f.key == "date"]
    date = closing[-1:] or sorted(caption, key=lambda f: f.value)[-1:] or info[:1]
    if not date:
        return None
    return MetaField("date", date[0].label, _iso(date[0].value), date[0].span)


def _issuer(
    metas: Sequence[Meta],
    found: dict[str, list[MetaField]],
    order: Sequence[MetaField],
    title: MetaField | None,
) -> MetaField | None:
    signers = _last_signature_run(metas)
    if signers:
        span = Span(signers[0].span.start, signers[-1].span.end)
        return MetaField("issuer", "", "、".join(f.value for f in signers), span)
    for key in ("drafter", "adopted_by", "issuer"):
        if found.get(key):
            first = found[key][0]
            return MetaField("issuer", first.label, first.value, first.span)
    numbers = [*found.get("doc_number", []), *order]
    number = parse_doc_number(numbers[0].value) if numbers else None
    if number is not None and number.issuer_code.endswith("令"):
        name = number.issuer_code[:-1]
        if name.startswith(_STATE) and len(name) - len(_STATE) >= 3:
            name = name[len(_STATE) :]
        return MetaField("issuer", "", name, numbers[0].span)
    if found.get("publisher"):
        first = found["publisher"][0]
        return MetaField("issuer", first.label, first.value, first.span)
    m = _ISSUER_IN_TITLE.match(title.value) if title is not None else None
    if title is not None and m:
        return MetaField("issuer", "", "、".join(m.group(1).split()), title.span)
    return None


def _last_signature_run(metas: Sequence[Meta]) -> list[MetaField]:
    """The issuer fields of the last run of consecutive signature lines (joint documents are
    signed by several bodies, one per line)."""
    run: list[MetaField] = []
    previous = ""
    for meta in metas:
        if meta.role == "signature":
            if previous != "signature":
                run = []
            run.extend(f for f in meta.fields if f.key == "issuer")
        previous = meta.role
    return run


def _joined(value: str) -> str:
    return re.sub(r"\s", "", value)


def _iso(value: str) -> str:
    # Most values were written by date.isoformat() already (see govdoc.frameline). For that
    # shape the answer is the value itself: parse_date gives back the same day, or None for
    # an impossible one, so the grammar need not run.
    if _ISO_DAY.fullmatch(value):
        return value
    day = parse_date(value)
    return day.isoformat() if day is not None else value
