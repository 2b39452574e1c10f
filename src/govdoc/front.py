"""The front matter of one document: which line above the body is the title, the 文号, a
header element, a 题注, the 主送 line, an info-table line or the page's own headline.

GB/T 9704-2012 §7.2 puts 份号, 密级和保密期限, 紧急程度, 发文机关标志, 发文字号 and 签发人 above
the title (§7.3.1) and the 主送机关 (§7.3.2) under it; §10.2 writes an order as "某某令" over
"第N号". Web copies add an info table and repeat the title as the page's headline.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from .lines import Line
from .linetext import bare, title_key
from .metadata import find_dates, parse_date, parse_doc_number, parse_info_line

__all__ = [
    "DATE_START",
    "LABEL",
    "NOTE",
    "ORDER_LEAD",
    "SENTENCE",
    "SIGNER_AFTER_NUMBER",
    "SIGNER_END",
    "front_role",
    "is_caption",
    "is_colon_sentence",
    "is_drafter",
    "is_signer_line",
    "name_front",
]

SENTENCE = re.compile(r"[，。；,;！？!?]")
# The patterns kept as source (str) are compiled on first use by _pattern: the lines that need
# them are rarer, and a page may have none.
_HEADER = r"^(?:\d{6}|(?:绝密|机密|秘密)(?:\s*★.*)?|特急|加急|特提|平急|签发人\s*[:：].*)$"
_CAPTION = r"^[（(].*(?:通过|批准|发布|公布|修订|修正|施行|印发|\d{4}年).*[）)]$"
# "2014年7月23日 济南市人大常委会第十五次会议修订" — an adoption line without brackets.
_ADOPTION = r"^\d{4}\s*年.{0,60}(?:通过|批准|修订|修正|公布|发布)$"
# A bracketed line that ends a title: "（2024—2026年）", "（试行）", "（征求意见稿）".
_TITLE_TAIL = (
    r"^[（(](?:[12]\d{3}\s*[—\-–－~～至]+\s*[12]\d{3}\s*年?|[12]\d{3}\s*年(?:版|修订|修正)?"
    r"|试行|暂行|修订|修订稿|修订版|征求意见稿|送审稿|草案|草案征求意见稿)[）)]$"
)
# GB/T 9704 §10.2 命令（令）格式: "某某市人民政府令" over "第25号".
_ORDER_NAME = r"^[^\s，。,；;:：《》]{2,30}令$"
# An order's name and number opening a line: "中华人民共和国国务院令 第737号 《…》已经…".
ORDER_LEAD = re.compile(r"^([^\s，。,；;:：《》]{2,30}令)\s*(第\s*[0-9０-９]{1,6}\s*号)")
# A sentence that ends in a colon: "为了…，作如下决定：", "现将有关事项通知如下：".
_LEAD_SENTENCE = re.compile(r"如下|^(?:为了|为|根据|依据|按照|经)|《")
_MAX_RECIPIENTS = 100
# An upward document's 文号 line carrying its 签发人: "甲政发〔2024〕3号　　签发人：张明".
SIGNER_AFTER_NUMBER = re.compile(r"^(.*?\S)\s*签发人\s*[:：]\s*(\S.*)$")
_SALUTATION = r"^(?:各位|同志们|女士们|先生们|朋友们)"
_DRAFTER = r"^[（(][^（()）]{2,24}[）)]$"
NOTE = re.compile(r"^[（(](?:此件|此页|本件|联系人|请公开|不予公开|此文).*[）)]$")
LABEL = re.compile(r"^[^\s:：，。,]{2,8}[:：]\s*\S")
# The first character of every date metadata.parse_date and find_dates accept: a year in
# digits or Chinese numerals, or 中华民国/民国 (a C-level test before the date pattern).
DATE_START = frozenset("12１２〇○零OＯ一二三四五六七八九中民")
# The last character of every name _signer accepts.
SIGNER_END = frozenset("府室厅局部院委会心司组办令)）行团")
# The first characters _HEADER can start with besides a digit, and the brackets that open
# NOTE, _CAPTION, _TITLE_TAIL and _DRAFTER.
_HEADER_FIRST = frozenset("绝机秘特加平签")
_OPENS = frozenset("（(")
_MAX_TITLE_LINE = 150
# What every date metadata.find_dates finds holds: 年, or a separator of 2024-03-01, 2024/3/1.
_DATE_MARKS = re.compile(r"[年\-－.．/／]")


# The patterns of rarer lines are compiled on first use, behind cheaper tests: the sources
# above by _pattern, these by their functions.
@functools.cache
def _pattern(source: str) -> re.Pattern[str]:
    return re.compile(source)


@functools.cache
def _signer() -> re.Pattern[str]:
    return re.compile(
        r"^[^\s，。,；;:：]{2,40}(?:政府|办公室|办公厅|委员会|局|厅|部|院|委|会|中心|"
        r"公司|小组|办|政府令|\(章\)|（章）|银行|集团|协会|法院)$"
    )


@functools.cache
def _history() -> re.Pattern[str]:
    """What an amendment history line opening with its date says was done:
    "中華民國一百十二年六月三十日…函修正第三點"."""
    return re.compile(r"通过|批准|修订|修正|公布|发布|订定|制定|施行|废止")


@functools.cache
def _order_number() -> re.Pattern[str]:
    """The "第25号" under an order's name (see _ORDER_NAME)."""
    return re.compile(r"^[（(]?第\s*[0-9０-９一二三四五六七八九十百零〇]{1,6}\s*号[）)]?$")


@functools.cache
def _title_end() -> re.Pattern[str]:
    """How a document's title ends: its genre (文种), a form's name, or a bracketed tail."""
    return re.compile(
        r"(?:表|单|书|通知|通报|办法|方案|意见|规定|规则|细则|决定|决议|条例|目录|清单|名单|指南|"
        r"标准|说明|计划|规划|要点|函|报告|纪要|公告|通告|批复|制度|须知|协议|合同|样式|格式)$|[）)]$"
    )


def is_caption(text: str) -> bool:
    """A 题注 or amendment history line (adoption, promulgation, revision dates)."""
    first = text[:1]
    # _TITLE_TAIL and _CAPTION start with a bracket; _ADOPTION and every date do not.
    if first in _OPENS:
        return not _pattern(_TITLE_TAIL).match(text) and _pattern(_CAPTION).match(text) is not None
    if first.isdecimal() and _pattern(_ADOPTION).match(text):  # \d, as str.isdecimal
        return True
    # The cheap tests first; a date at the start begins with a year (see DATE_START).
    if len(text) > 120 or "。" in text or first not in DATE_START or not _history().search(text):
        return False
    dates = find_dates(text)
    return bool(dates) and dates[0][1].start == 0


def is_colon_sentence(text: str) -> bool:
    """A line ending in a colon that opens the body rather than naming the 主送机关."""
    return "。" in text or len(text) > _MAX_RECIPIENTS or _LEAD_SENTENCE.search(text) is not None


def is_drafter(text: str) -> bool:
    return _pattern(_DRAFTER).match(text) is not None and not _pattern(_TITLE_TAIL).match(text)


def is_signer_line(text: str) -> bool:
    """One or more body names: 白山市人民政府办公室, or several separated by spaces."""
    parts = bare(text).split()
    # Every name _signer accepts ends in one of SIGNER_END: a C-level test before the pattern,
    # on the last name first (most lines tested are no signature).
    if not parts or parts[-1][-1] not in SIGNER_END:
        return False
    return all(p[-1] in SIGNER_END and _signer().match(p) for p in parts)


def front_role(line: Line) -> str | None:
    """The role a front line has on its own, or None for a plain line (title candidate)."""
    text = bare(line.key)
    # The patterns that start with a character class run only when the first character is
    # in it (\d is str.isdecimal; every date starts with one of DATE_START).
    first = text[:1]
    if (first in _HEADER_FIRST or first.isdecimal()) and _pattern(_HEADER).match(text):
        return "header"
    if parse_doc_number(text) is not None:
        return "doc_number"
    signer = SIGNER_AFTER_NUMBER.match(text) if "签发人" in text else None
    if signer and parse_doc_number(signer.group(1)) is not None:
        return "doc_number"  # GB/T 9704 §7.2.6: 文号 left, 签发人 right, one line
    if first in DATE_START and parse_date(text) is not None:
        return "dateline"
    if first in _OPENS:  # NOTE, _TITLE_TAIL, _CAPTION and _DRAFTER start with a bracket
        if NOTE.match(text):
            return "note"
        if _pattern(_TITLE_TAIL).match(text):
            return None
        if _pattern(_CAPTION).match(text):  # is_caption of a bracketed line that is no title tail
            return "caption"
        if _pattern(_DRAFTER).match(text):
            return "drafter"
    elif is_caption(text):
        return "caption"
    if parse_info_line(line.text):
        return "info"
    if text.endswith(("：", ":")) and _pattern(_SALUTATION).match(text):
        return "salutation"  # a speech or report addresses its audience, not a 主送机关
    if text.endswith(("：", ":")) and not is_colon_sentence(text):
        return "recipients"
    if LABEL.match(text):
        return "info"
    return None


def name_front(
    lines: Sequence[Line], named: dict[int, str], start: int, end: int, labelled: bool = False
) -> None:
    """Name the unnamed front lines ``[start, end)`` (``named`` maps line index → role name,
    and is filled in). The title is the last run of plain lines before the first of caption,
    主送, drafting body or the body; a line repeated right above it is the page's headline.
    Under an attachment label (``labelled``) the title is the first run: a form or table
    that follows it has no body sentence to end the front."""
    boundary = end
    plain: list[int] = []
    for i in range(start, end):
        if i in named:
            continue
        name = front_role(lines[i])
        if name is None and i + 1 < end and _is_order(lines, i):
            named[i], named[i + 1] = "order_name", "order_number"
        elif name is None:
            if i not in named:
                plain.append(i)
        else:
            named[i] = name
            if name in ("caption", "recipients", "drafter") and boundary == end:
                boundary = i
    plain = [i for i in plain if i not in named]
    for i in plain:
        # Bodies on their own line with a date under them sign a 规划 or 指南 on its cover.
        if named.get(i + 1) == "dateline" and is_signer_line(lines[i].key):
            named[i], named[i + 1] = "signature", "date"
    candidates = [
        i
        for i in plain
        if i not in named
        and "。" not in lines[i].key
        and lines[i].length <= _MAX_TITLE_LINE
        and not _holds_date(lines[i].key)  # "《…》已经2021年4月12日…" is a wrapped sentence
    ]
    title: list[int] = []
    ordered = [p for p in candidates if p < boundary] or candidates
    if labelled and ordered and ordered[0] == _first_unnamed(named, start, end):
        ordered = ordered[: _title_run(lines, ordered)]
    for i in reversed(ordered):
        if title and (title[-1] - i > 1 and not _only_info_between(named, i, title[-1])):
            break
        if title and _same_title(lines[i].key, lines[title[-1]].key):
            named[i] = "headline"
            break
        title.append(i)
        if len(title) == 3:
            break
    for i in plain:
        if i in named:
            continue
        if i in title:
            named[i] = "title"
        else:
            named[i] = "header" if _is_issuer_mark(lines, named, i) else "front"


def _holds_date(text: str) -> bool:
    """Whether find_dates finds a date in ``text``; only when it holds one of _DATE_MARKS,
    as every date does (a 年, or separators between numbers)."""
    return _DATE_MARKS.search(text) is not None and bool(find_dates(text))


def _first_unnamed(named: dict[int, str], start: int, end: int) -> int:
    return next((i for i in range(start, end) if i not in named), end)


def _title_run(lines: Sequence[Line], indices: Sequence[int]) -> int:
    """How many of ``indices`` (ascending) make the title that opens an attachment: lines in
    a row, until one ends the way titles end (…登记表, …的通知, （试行）); at most 3."""
    n = 1
    while (
        n < min(len(indices), 3)
        and indices[n] == indices[n - 1] + 1
        and not _title_end().search(bare(lines[indices[n - 1]].key))
    ):
        n += 1
    return n


def _same_title(a: str, b: str) -> bool:
    return title_key(a) == title_key(b)


def _is_order(lines: Sequence[Line], i: int) -> bool:
    name = bare(lines[i].key)
    return bool(
        name.endswith("令")  # as _ORDER_NAME's names do: a C-level test before the pattern
        and _pattern(_ORDER_NAME).match(name)
        and _order_number().match(bare(lines[i + 1].key))
    )


def _is_issuer_mark(lines: Sequence[Line], named: dict[int, str], i: int) -> bool:
    """发文机关标志 (GB/T 9704 §7.2.3): "XX文件", or a body name right above the 文号."""
    if bare(lines[i].key).endswith("文件"):
        return True
    return named.get(i + 1) == "doc_number" and is_signer_line(lines[i].key)


def _only_info_between(named: dict[int, str], a: int, b: int) -> bool:
    return all(named.get(k) == "info" for k in range(a + 1, b))
