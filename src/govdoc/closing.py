"""The closing lines of a document's body: 发文机关署名, 成文日期, 附注, 附件说明 and 版记.

GB/T 9704-2012 §7.3.5–§7.4 puts these under the last body paragraph. :func:`closing_role`
names one line; the cheap tests of :func:`may_close` rule out a plain body paragraph first, so
that most lines cost a few character lookups and no pattern at all, and :func:`quiet_lines`
makes the same tests for a whole page in one pass.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from .front import DATE_START, NOTE, SENTENCE, SIGNER_END, is_signer_line
from .lines import Line
from .linetext import SPACES, bare
from .metadata import parse_date

__all__ = [
    "ATTACH_LABEL",
    "attachment_heads",
    "attachment_items",
    "closing_role",
    "is_title_like",
    "may_close",
    "quiet_lines",
    "single_attachment_list",
]

_ATTACH_LIST = re.compile(r"^附\s*件\s*[:：]\s*\S")
ATTACH_LABEL = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?$")
# Cheap tests that prove a line has no closing role, so that a body paragraph costs a few
# character lookups: every date starts with one of DATE_START; every _signatory name starts
# with one of _SIGNATORY_START; an _imprint line starts with 抄送/抄报/分送/主题词 or ends
# with 印发; a signing body ends with one of SIGNER_END; a 附注 starts with a bracket, an
# attachment list with 附. bare() changes only a line with #, >, * or a space at
# an edge (SPACES: what str.isspace holds true).
_SIGNATORY_START = frozenset("国总主委省市县区州旗镇乡局厅部署行院董书代")
_IMPRINT_START = ("抄送", "抄报", "分送", "主题词")
_CLOSING_FIRST = DATE_START | _SIGNATORY_START | frozenset("（(附抄分主#>*") | SPACES
_CLOSING_LAST = SIGNER_END | frozenset("发#>*") | SPACES
# A line with sentence punctuation (，。；,;) is no date, signature or signatory (none of
# their patterns admits it): only a 附注 (bracket), an attachment list (附; its items have
# markers) or a 版记 (抄送…, …印发) can be closing then.
_PROSE_FIRST = frozenset("（(附抄分主#>*") | SPACES
_PROSE_LAST = frozenset("发#>*") | SPACES


def closing_role(lines: Sequence[Line], i: int, items: frozenset[int]) -> str | None:
    """The closing role of line ``i`` (署名, 成文日期, 附注, 附件说明, 版记), or None.
    ``items`` are the indices of the lines that carry on a 附件：… list (see
    attachment_items)."""
    line = lines[i]
    if line.marker is not None and not line.marker.weak:
        # A numbered line is body, unless it carries on a 附件：1.… list above it.
        return "attachment_list" if i in items else None
    if not may_close(line):
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
    if i in items:
        return "attachment_list"  # 附件：1.… / 2.… / 3.… continues the list, not an outline
    return None


def _bare_next(lines: Sequence[Line], i: int) -> str:
    return bare(lines[i + 1].key) if i + 1 < len(lines) else ""


def may_close(line: Line) -> bool:
    """False when the first and last characters of ``line``, a line without a strong marker,
    prove that it has no closing role (see _CLOSING_FIRST): then it is a plain body line."""
    key = line.key
    return (
        key[:1] in _CLOSING_FIRST
        or key[-1:] in _CLOSING_LAST
        or _is_list_item(line)  # an item of a 附件：1.… list
    )


def quiet_lines(lines: Sequence[Line], items: frozenset[int]) -> list[bool]:
    """For each line, whether it is a plain body paragraph wherever the body state meets it:
    closing_role gives it None and it is no 附件 label (those start with 附). The same tests
    as closing_role's first two steps, for all lines in one pass: a numbered line is quiet
    unless it carries on an attachment list; another line when may_close rules it out, or
    when it is prose whose edges no closing line of prose has."""
    cf, cl = _CLOSING_FIRST, _CLOSING_LAST
    return [
        (i not in items and key[:1] != "附")
        if (m := line.marker) is not None and not m.weak
        else (not (key[:1] in cf or key[-1:] in cl) or _plain_prose(key))
        and (m is None or not _is_list_item(line))
        for i, line in enumerate(lines)
        for key in (line.key,)
    ]


def _plain_prose(key: str) -> bool:
    """Whether ``key`` holds sentence punctuation and has neither edge of a closing line of
    prose (see _PROSE_FIRST)."""
    return (
        key[:1] not in _PROSE_FIRST
        and key[-1:] not in _PROSE_LAST
        and ("，" in key or "。" in key or "；" in key or "," in key or ";" in key)
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


def single_attachment_list(lines: Sequence[Line], i: int, items: frozenset[int]) -> bool:
    """ "附件：" over one title, then the attachment's own "附件" label: a one-item list."""
    key = lines[i].key
    return (
        i + 2 < len(lines)
        and key.rstrip().endswith(("：", ":"))
        and ATTACH_LABEL.match(key) is not None
        and is_title_like(lines[i + 1])
        and (
            ATTACH_LABEL.match(lines[i + 2].key) is not None
            or closing_role(lines, i + 2, items) is not None
        )
    )


def attachment_heads(lines: Sequence[Line]) -> frozenset[int]:
    """The indices of the 附件：… lines that open an attachment list (most pages have none)."""
    with_fu = [k for k, line in enumerate(lines) if "附" in line.key]
    return frozenset(k for k in with_fu if _ATTACH_LIST.match(bare(lines[k].key)))


def attachment_items(lines: Sequence[Line], heads: frozenset[int]) -> frozenset[int]:
    """The indices of the lines that carry on a 附件：1.… list: items (short numbered lines)
    with every line between them and the nearest header above them (one of ``heads``, at most
    20 lines up) an item too. Found by walking down from each header, once per page."""
    out: set[int] = set()
    for head in heads:
        for k in range(head + 1, min(head + 21, len(lines))):
            if not _is_list_item(lines[k]):
                break
            out.add(k)
            if k in heads:
                break  # the lines under it carry on its own list (walked from it)
    return frozenset(out)


def _is_list_item(line: Line) -> bool:
    return line.marker is not None and line.end - line.start <= 60 and "。" not in line.key


def is_title_like(line: Line) -> bool:
    return (
        line.marker is None
        and 4 <= line.end - line.start <= 60  # its length, without a property call
        and SENTENCE.search(line.key) is None
        and ":" not in line.key
        and "：" not in line.key
    )
