"""The anatomy of a 公文 page: which line is frame, body or chrome, and of which document.

GB/T 9704-2012 §7 lays a document out as 版头 (份号, 密级, 紧急程度, 发文机关标志, 发文字号,
签发人), 主体 (标题, 主送机关, 正文, 附件说明, 发文机关署名, 成文日期, 附注, 附件) and 版记
(抄送机关, 印发机关和印发日期). Web copies wrap that in site chrome and an info table, and a
印发 notice carries the document it issues after its own signature. :func:`assign_roles`
walks the lines once, as a small state machine (front → body → closing → next document's
front …), and gives each line a :class:`Role`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .chrome import chrome_kind, is_menu_line, trailer_start
from .lines import Line
from .metadata import parse_date, parse_doc_number, parse_info_line

__all__ = ["Role", "assign_roles", "join_title"]


@dataclass(frozen=True, slots=True)
class Role:
    """``kind`` is body, meta or chrome; ``name`` the meta role or chrome kind (``paragraph``
    for body); ``doc`` the index of the document the line belongs to (0 = the page's own)."""

    kind: str
    name: str
    doc: int


_SENTENCE = re.compile(r"[，。；,;！？!?]")
_HEADER = re.compile(
    r"^(?:\d{6}|(?:绝密|机密|秘密)(?:\s*★.*)?|特急|加急|特提|平急|签发人\s*[:：].*)$"
)
_CAPTION = re.compile(r"^[（(].*(?:通过|批准|发布|公布|修订|修正|施行|印发|\d{4}年).*[）)]$")
# "2014年7月23日 济南市人大常委会第十五次会议修订" — an adoption line without brackets.
_ADOPTION = re.compile(r"^\d{4}\s*年.{0,60}(?:通过|批准|修订|修正|公布|发布)$")
_DRAFTER = re.compile(r"^[（(][^（()）]{2,24}[）)]$")
_NOTE = re.compile(r"^[（(](?:此件|此页|本件|联系人|请公开|不予公开|此文).*[）)]$")
_ATTACH_LIST = re.compile(r"^附\s*件\s*[:：]\s*\S")
_ATTACH_LABEL = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?$")
_IMPRINT = re.compile(
    r"^(?:抄送|抄报|分送|主题词)\s*[:：]|^.{2,40}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$"
)
_LABEL = re.compile(r"^[^\s:：，。,]{2,8}[:：]\s*\S")
_SIGNER = re.compile(
    r"^[^\s，。,；;:：]{3,40}(?:政府|办公室|办公厅|委员会|局|厅|部|院|委|会|中心|"
    r"公司|小组|办|政府令|\(章\)|（章）|银行|集团|协会|法院)$"
)


def assign_roles(lines: Sequence[Line]) -> list[Role]:
    """One role per line, in order."""
    kinds = [chrome_kind(line) for line in lines]
    trail = trailer_start(lines, kinds)
    roles: list[Role | None] = [None] * len(lines)
    doc, state, front_start = 0, "front", 0
    i = 0
    while i < len(lines):
        line, kind = lines[i], kinds[i]
        if i >= trail or kind is not None:
            roles[i] = Role("chrome", kind or "trailer", doc)
        elif state == "front":
            if _starts_body(line):
                _name_front(lines, roles, front_start, i, doc)
                state = "body"
                continue
            if is_menu_line(line) and doc == 0:
                roles[i] = Role("chrome", "menu", doc)
        elif state == "body":
            if _closing_role(lines, i) is not None or (
                _ATTACH_LABEL.match(line.key)
                and i + 1 < len(lines)
                and _is_title_like(lines[i + 1])
            ):
                state = "closing"
                continue
            roles[i] = Role("body", "paragraph", doc)
        else:  # closing: signature, date, notes, attachment list, imprint, then maybe a new doc
            name = _closing_role(lines, i)
            if name is not None:
                roles[i] = Role("meta", name, doc)
            elif _ATTACH_LABEL.match(line.key) or _is_title_like(line):
                doc += 1
                state, front_start = "front", i
                if _ATTACH_LABEL.match(line.key):
                    roles[i] = Role("meta", "attachment_label", doc)
                    front_start = i + 1
                    i += 1
                continue
            else:
                state = "body"
                roles[i] = Role("body", "paragraph", doc)
        i += 1
    if state == "front":
        _name_front(lines, roles, front_start, len(lines), doc)
    return [r if r is not None else Role("body", "paragraph", doc) for r in roles]


def _starts_body(line: Line) -> bool:
    m = line.marker
    if m is not None and not m.weak:
        return True
    text = line.key
    if text.endswith(("：", ":")) or _CAPTION.match(text) or _DRAFTER.match(text):
        return False
    if _LABEL.match(text) and parse_info_line(text):
        return False
    return (line.length >= 20 and _SENTENCE.search(text) is not None) or (
        line.length >= 8 and text.endswith("。")
    )


def _name_front(
    lines: Sequence[Line], roles: list[Role | None], start: int, end: int, doc: int
) -> None:
    """Give the unassigned front lines ``[start, end)`` their meta roles; the title is the last
    run of plain lines before the first of caption, 主送, drafting body or the body."""
    boundary = end
    plain: list[int] = []
    for i in range(start, end):
        if roles[i] is not None:
            continue
        name = _front_role(lines[i])
        if name is None:
            plain.append(i)
        else:
            roles[i] = Role("meta", name, doc)
            if name in ("caption", "recipients", "drafter") and boundary == end:
                boundary = i
    for i in plain:
        # Bodies on their own line with a date under them sign a 规划 or 指南 on its cover.
        nxt = roles[i + 1] if i + 1 < end else None
        if nxt is not None and nxt.name == "dateline" and is_signer_line(lines[i].key):
            roles[i], roles[i + 1] = Role("meta", "signature", doc), Role("meta", "date", doc)
    plain = [i for i in plain if roles[i] is None]
    title: list[int] = []
    for i in reversed([p for p in plain if p < boundary] or plain):
        if title and (title[-1] - i > 1 and not _only_frame_between(roles, i, title[-1])):
            break
        title.append(i)
        if len(title) == 3:
            break
    for i in plain:
        if i in title:
            roles[i] = Role("meta", "title", doc)
        else:
            roles[i] = Role("meta", "header" if _is_issuer_mark(lines, roles, i) else "front", doc)


def is_signer_line(text: str) -> bool:
    """One or more body names: 白山市人民政府办公室, or several separated by spaces."""
    parts = text.split()
    return bool(parts) and all(_SIGNER.match(p) for p in parts)


def _is_issuer_mark(lines: Sequence[Line], roles: Sequence[Role | None], i: int) -> bool:
    """发文机关标志 (GB/T 9704 §7.2.3): "XX文件", or a body name right above the 文号."""
    if lines[i].key.endswith("文件"):
        return True
    nxt = roles[i + 1] if i + 1 < len(roles) else None
    return nxt is not None and nxt.name == "doc_number" and is_signer_line(lines[i].key)


def _only_frame_between(roles: Sequence[Role | None], a: int, b: int) -> bool:
    return all(r is not None and r.kind == "meta" and r.name == "info" for r in roles[a + 1 : b])


def _front_role(line: Line) -> str | None:
    text = line.key
    if _HEADER.match(text):
        return "header"
    if parse_doc_number(line.text) is not None:
        return "doc_number"
    if parse_date(text) is not None:
        return "dateline"
    if _NOTE.match(text):
        return "note"
    if _CAPTION.match(text) or _ADOPTION.match(text):
        return "caption"
    if _DRAFTER.match(text):
        return "drafter"
    if parse_info_line(line.text):
        return "info"
    if text.endswith(("：", ":")) and "。" not in text:
        return "recipients"
    if _LABEL.match(text):
        return "info"
    return None


def _closing_role(lines: Sequence[Line], i: int) -> str | None:
    """The closing role of line ``i`` (署名, 成文日期, 附注, 附件说明, 版记), or None."""
    line = lines[i]
    text = line.key
    if parse_date(text) is not None:
        return "date"
    if _NOTE.match(text):
        return "note"
    if _ATTACH_LIST.match(text):
        return "attachment_list"
    if _IMPRINT.match(text):
        return "imprint"
    nxt = lines[i + 1].key if i + 1 < len(lines) else ""
    if _SIGNER.match(text) and (parse_date(nxt) is not None or _SIGNER.match(nxt)):
        return "signature"
    prev = lines[i - 1] if i > 0 else None
    if (
        prev is not None
        and line.marker is not None
        and line.length <= 60
        and "。" not in text
        and _ATTACH_LIST.match(prev.key)
    ):
        return "attachment_list"  # 附件：1.… / 2.… continues the list, not an outline
    return None


def _is_title_like(line: Line) -> bool:
    return (
        line.marker is None
        and 4 <= line.length <= 60
        and _SENTENCE.search(line.key) is None
        and ":" not in line.key
        and "：" not in line.key
    )


def join_title(parts: Sequence[str]) -> str:
    """A title broken over lines, joined: "中共湖北省委关于" + "关于实施…的意见" drops the
    repeated 关于."""
    out = ""
    for part in parts:
        part = part.strip()
        if out.endswith("关于") and part.startswith("关于"):
            part = part[2:]
        out += part
    return out
