"""The frame of a document as typed fields: a :class:`Meta` leaf per frame line, and the
document-level values (title, 文号, issuer, dates, 主送, attachments) chosen from them.

Which value wins follows the conventions of GB/T 9704-2012: the 成文日期 under the signature
over an adoption note (题注) over an info table's 成文日期 over the page's publication date;
the signing body over a drafting body over an info table's 发文机关 over the body named before
关于 in the title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .anatomy import join_title
from .lines import Line
from .metadata import find_dates, parse_date, parse_doc_number, parse_info_line
from .nodes import Block, Meta, MetaField, Span
from .numbering import strip_decoration

__all__ = ["frame_fields", "meta_leaf"]

_ATTACH_PREFIX = re.compile(r"^(?:附\s*件\s*[:：]\s*)?(?:[0-9０-９]{1,2}\s*[.．、:：]?\s*)?")
# "2022年10月27日临渚市第十六届人民代表大会常务委员会第八次会议通过" → the adopting body.
_ADOPTING_BODY = re.compile(
    r"(?:日|\s)\s*([^\s\d（()）日，,]{2,20}?)(?:第[一二三四五六七八九十百\d]+届)?"
    r"(人民代表大会常务委员会|人民代表大会|人民政府|委员会)"
)
_ISSUER_IN_TITLE = re.compile(r"^(.{2,40}?)关于")


def meta_leaf(role: str, line: Line, text: str) -> Meta:
    """The Meta leaf of a frame line of the given role, with its typed fields."""
    span = Span(line.start, line.end)
    value = line.text
    fields: list[MetaField] = []
    if role == "info":
        fields = parse_info_line(value, line.start)
    elif role == "doc_number":
        dn = parse_doc_number(value, line.start)
        if dn is not None:
            fields.append(MetaField("doc_number", "", dn.text, dn.span))
    elif role in ("date", "dateline", "caption"):
        dates = find_dates(value, line.start)
        if dates:
            day, where = max(dates, key=lambda d: d[0])
            key = "published" if role == "dateline" else "date"
            fields.append(MetaField(key, "", day.isoformat(), where))
        body = _ADOPTING_BODY.search(value) if role == "caption" else None
        if body:
            fields.append(MetaField("adopted_by", "", body.group(1) + body.group(2), span))
    elif role == "recipients":
        fields.append(MetaField("recipients", "", value.rstrip("：:"), span))
    elif role == "signature":
        fields.append(MetaField("issuer", "", "、".join(value.split()), span))
    elif role == "drafter":
        fields.append(MetaField("drafter", "", value[1:-1].strip(), span))
    elif role == "note":
        fields.append(MetaField("notes", "", value, span))
    elif role == "attachment_list":
        title = _ATTACH_PREFIX.sub("", value, count=1).strip()
        if title:
            fields.append(MetaField("attachment", "", title, span))
    elif role == "title":
        start = strip_decoration(value)
        fields.append(MetaField("title", "", value[start:].strip("*# "), span))
    return Meta(role, value, span, tuple(fields))


def frame_fields(blocks: Sequence[Block], text: str) -> tuple[MetaField, ...]:
    """Document-level fields from the top-level Meta leaves of one document."""
    metas = [b for b in blocks if isinstance(b, Meta)]
    found: dict[str, list[MetaField]] = {}
    for meta in metas:
        for f in meta.fields:
            found.setdefault(f.key, []).append(f)
    out: list[MetaField] = []
    titles = found.get("title", [])
    if titles:
        span = Span(titles[0].span.start, titles[-1].span.end)
        out.append(MetaField("title", "", join_title([t.value for t in titles]), span))
    else:
        out.extend(found.get("title", [])[:1])
    closing_dates = [f for m in metas if m.role == "date" for f in m.fields]
    caption_dates = [f for m in metas if m.role == "caption" for f in m.fields if f.key == "date"]
    info_dates = [f for m in metas if m.role == "info" for f in m.fields if f.key == "date"]
    date = closing_dates[-1:] or sorted(caption_dates, key=lambda f: f.value)[-1:] or info_dates[:1]
    if date:
        out.append(MetaField("date", date[0].label, _iso(date[0].value), date[0].span))
    published = found.get("published", [])
    if published:
        out.append(
            MetaField("published", published[0].label, _iso(published[0].value), published[0].span)
        )
    issuer = (
        found.get("issuer", [])[-1:]
        if any(m.role == "signature" for m in metas)
        else found.get("drafter", [])[:1]
        or found.get("adopted_by", [])[:1]
        or found.get("issuer", [])[:1]
        or found.get("publisher", [])[:1]
    )
    if not issuer and out and out[0].key == "title":
        m = _ISSUER_IN_TITLE.match(out[0].value)
        if m:
            issuer = [MetaField("issuer", "", m.group(1), out[0].span)]
    if issuer:
        out.append(MetaField("issuer", issuer[0].label, issuer[0].value, issuer[0].span))
    for key in ("doc_number", "recipients"):
        out.extend(found.get(key, [])[:1])
    out.extend(found.get("attachment", []))
    taken = {
        "title",
        "date",
        "published",
        "issuer",
        "doc_number",
        "recipients",
        "attachment",
        "drafter",
        "adopted_by",
    }
    for key, values in found.items():
        if key not in taken:
            out.extend(values)
    return tuple(out)


def _iso(value: str) -> str:
    day = parse_date(value)
    return day.isoformat() if day is not None else value
