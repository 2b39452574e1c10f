"""Typed fields of one frame line: the :class:`Meta` leaf of a line whose role the anatomy
stage named (title, 文号, header element, 题注, 主送, signature, 成文日期, 附注, 附件说明, 版记,
info-table line).

Header elements follow GB/T 9704-2012 §7.2: 份号 (six digits, §7.2.1), 密级和保密期限
(绝密/机密/秘密 ★ period, §7.2.2), 紧急程度 (特急/加急, §7.2.3) and 签发人 (§7.2.6); the 版记
(§7.4) holds 抄送机关 and 印发机关和印发日期.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from .front import SIGNER_AFTER_NUMBER
from .lines import Line
from .linetext import bare
from .metadata import find_dates, parse_doc_number, parse_info_line
from .nodes import Meta, MetaField, Span
from .numbering import strip_decoration

__all__ = ["meta_leaf"]

# The patterns of the rarer roles, compiled on first use (by _pattern) rather than on import.
_ADOPTED = r"通过|批准|修订|修正|公布|发布|订定|制定"
_COPY_NUMBER = r"^\d{6}$"
_CLASSIFIED = r"^(绝密|机密|秘密)\s*(?:★\s*(.+))?$"
_URGENCY = r"^(特急|加急|特提|平急)$"
_SIGNER = r"^签发人\s*[:：]\s*(.+)$"
_IMPRINT_COPY = r"^(抄送|抄报|分送)\s*[:：]\s*(.+?)[。.]?$"
_IMPRINT_PRINTED = r"^(.{2,40}?)\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发$"
_IMPRINT_KEY = {"抄送": "cc", "抄报": "cc_superior", "分送": "distribution"}


@functools.cache
def _pattern(source: str) -> re.Pattern[str]:
    return re.compile(source)


@functools.cache
def _attach_prefix() -> re.Pattern[str]:
    return re.compile(r"^(?:附\s*件\s*[:：]\s*)?(?:[0-9０-９]{1,2}\s*[.．、:：]?\s*)?")


@functools.cache
def _adopting_body() -> re.Pattern[str]:
    """The body that adopted or amended: 临渚市…人民代表大会常务委员会 in
    "2022年10月27日临渚市第十六届人民代表大会常务委员会第八次会议通过", 南瀛市政府 in
    "中華民國一百十二年六月三十日南瀛市政府南市經字第…號函修正"."""
    return re.compile(
        r"(?:日|\s)\s*([^\s\d（()）日，,]{2,20}?)(?:第[一二三四五六七八九十百\d]+届)?"
        r"(人民代表大会常务委员会|人民代表大会|人民政府|委员会|政府)"
    )


@functools.cache
def _term() -> re.Pattern[str]:
    return re.compile(r"^第[一二三四五六七八九十百\d]+届")


def meta_leaf(role: str, line: Line, text: str) -> Meta:
    """The Meta leaf of a frame line of the given role, with its typed fields."""
    span = Span(line.start, line.end)
    fields = _FIELDS.get(role)  # none for a front, label, order or salutation line
    return Meta(role, line.text, span, tuple(fields(role, line, span)) if fields else ())


# How each role's fields are read: role, line and the line's span → the fields.
_Reader = Callable[[str, Line, Span], Sequence[MetaField]]


def _info_fields(role: str, line: Line, span: Span) -> Sequence[MetaField]:
    return parse_info_line(line.text, line.start)


def _doc_number_fields(role: str, line: Line, span: Span) -> Sequence[MetaField]:
    fields: list[MetaField] = []
    signer = SIGNER_AFTER_NUMBER.match(line.key)
    number = signer.group(1) if signer else line.key
    dn = parse_doc_number(number, line.start)
    if dn is not None:
        fields.append(MetaField("doc_number", "", _as_written(line, dn.span), dn.span))
    if signer:
        names = "、".join(signer.group(2).split())
        fields.append(MetaField("signer", "签发人", names, span))
    return fields


def _attachment_fields(role: str, line: Line, span: Span) -> Sequence[MetaField]:
    title = _attach_prefix().sub("", line.text, count=1).strip()
    return (MetaField("attachment", "", title, span),) if title else ()


def _title_fields(role: str, line: Line, span: Span) -> Sequence[MetaField]:
    value = line.text
    start = strip_decoration(value)
    return (MetaField(role, "", value[start:].strip("*# "), span),)


def _one(key: str, read: Callable[[str], str]) -> _Reader:
    """A reader of one field ``key`` whose value is ``read`` from the line's text."""
    return lambda role, line, span: (MetaField(key, "", read(line.text), span),)


def _as_written(line: Line, where: Span) -> str:
    """The text of ``where`` as written (the key may be a simplified copy of the line)."""
    return line.text[where.start - line.start : where.end - line.start]


def _date_fields(role: str, line: Line, span: Span) -> list[MetaField]:
    fields: list[MetaField] = []
    dates = find_dates(line.key, line.start)
    if dates:
        day, where = max(dates, key=lambda d: d[0])
        key = "published" if role == "dateline" else "date"
        fields.append(MetaField(key, "", day.isoformat(), where))
    if role == "caption":
        fields.append(MetaField("caption", "", line.text, span))
        # Only an adoption or amendment names its body ("在…会议上" under a report does not).
        body = _adopting_body().search(line.key) if _pattern(_ADOPTED).search(line.key) else None
        if body:
            where = Span(line.start + body.start(1), line.start + body.end(2))
            name = _as_written(line, Span(where.start, line.start + body.end(1)))
            name = _term().sub("", name)  # 第五届全国人民代表大会… → 全国人民代表大会…
            name += _as_written(line, Span(line.start + body.start(2), where.end))
            fields.append(MetaField("adopted_by", "", name, where))
    return fields


def _header_fields(role: str, line: Line, span: Span) -> list[MetaField]:
    text = bare(line.key)
    if _pattern(_COPY_NUMBER).match(text):
        return [MetaField("copy_number", "", text, span)]
    m = _pattern(_CLASSIFIED).match(text)
    if m:
        out = [MetaField("classification", "", m.group(1), span)]
        if m.group(2):
            out.append(MetaField("classification_period", "", m.group(2).strip(), span))
        return out
    if _pattern(_URGENCY).match(text):
        return [MetaField("urgency", "", text, span)]
    m = _pattern(_SIGNER).match(text)
    if m:
        return [MetaField("signer", "签发人", "、".join(m.group(1).split()), span)]
    if text.endswith("文件"):
        return [MetaField("issuer_mark", "", text, span)]
    return []


def _imprint_fields(role: str, line: Line, span: Span) -> list[MetaField]:
    text = bare(line.key)
    m = _pattern(_IMPRINT_COPY).match(text)
    if m:
        return [MetaField(_IMPRINT_KEY[m.group(1)], m.group(1), _as_written_tail(line, m), span)]
    m = _pattern(_IMPRINT_PRINTED).match(text)
    if m:
        out = [MetaField("printed_by", "", m.group(1).strip(), span)]
        out.extend(
            MetaField("printed", "", d.isoformat(), w) for d, w in find_dates(text, line.start)
        )
        return out
    return []


def _as_written_tail(line: Line, m: re.Match[str]) -> str:
    return line.text[m.start(2) : m.end(2)] if len(line.text) == len(line.key) else m.group(2)


_FIELDS: dict[str, _Reader] = {
    "info": _info_fields,
    "doc_number": _doc_number_fields,
    "date": _date_fields,
    "dateline": _date_fields,
    "caption": _date_fields,
    "recipients": _one("recipients", lambda v: bare(v).rstrip("：:")),
    "signature": _one("issuer", lambda v: "、".join(bare(v).split())),
    "signatory": _one("signatory", lambda v: " ".join(bare(v).split())),
    "drafter": _one("drafter", lambda v: v[1:-1].strip()),
    "note": _one("notes", lambda v: v),
    "attachment_list": _attachment_fields,
    "title": _title_fields,
    "headline": _title_fields,
    "header": _header_fields,
    "imprint": _imprint_fields,
}
