"""Metadata values of a 公文: 发文字号, dates, and the documents a text cites.

The values are parsed by the Lark grammar ``grammars/metadata.lark`` (LALR, loaded on first
use by :mod:`govdoc.metadatagrammar`); the commonest dates and 发文字号 are read without it,
with the grammar's answer. Every ``find_*`` function scans running text with a regular
expression first and hands the grammar only the candidate it found, because these functions
run on every paragraph of large archives and most paragraphs hold no metadata at all. Lark
exceptions never leave this module: a candidate the grammar rejects is simply not a value.

All functions are pure; spans are ``offset`` + the position in ``text``. The info-table reader
lives in :mod:`govdoc.infotable` and the paragraph notes (departments, inline items) in
:mod:`govdoc.inline`; both are re-exported here so that callers have one import.

Problem codes of :func:`doc_number_problems` (GB/T 9704-2012 §7.2.5 is the rule they cite):

=========================  ===========================================================
``doc-number-brackets``    the year is not in 六角括号 〔〕 ([ ] 【】 （ ） … used instead)
``doc-number-no-hao``      the serial is not followed by 号
``doc-number-ordinal``     第 before the serial of a bracketed number (only 令 use 第)
``doc-number-padded``      the serial has a leading zero (不编虚位: 1 not 01)
``doc-number-spaces``      whitespace inside the number
=========================  ===========================================================
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterator
from typing import Any

from govdoc.commonmetadata import UNKNOWN, DocNumberParts, common_date, common_doc_number
from govdoc.infotable import KEYS, parse_info_line
from govdoc.inline import find_departments, find_inline_items
from govdoc.nodes import DocNumber, Reference, Span

__all__ = [
    "KEYS",
    "clear_caches",
    "doc_number_problems",
    "find_dates",
    "find_departments",
    "find_doc_numbers",
    "find_inline_items",
    "find_references",
    "parse_date",
    "parse_doc_number",
    "parse_info_line",
]


@functools.lru_cache(maxsize=4096)
def _parse(text: str, start: str) -> Any:
    """The value of ``text`` by rule ``start`` (``doc_number`` or ``date``), or None. Cached:
    the anatomy, the frame lines and the frame fields read the same dates and numbers again,
    and the values (tuples, dates, None) are immutable."""
    common = common_date(text) if start == "date" else common_doc_number(text)
    if common is not UNKNOWN:
        return common
    from govdoc.metadatagrammar import grammar_parse  # Lark only for the rarer forms

    return grammar_parse(text, start)


def clear_caches() -> None:
    """Forget memoised values (benchmarks call this so that a repeat run does not profit)."""
    _parse.cache_clear()


# --- 发文字号 ----------------------------------------------------------------------------------

_SP = r"[ \t\u3000\u00a0]"
_DIGIT = "[0-9０-９]"
_OPEN = "〔[【［（(﹝"
_TAIL = re.compile(
    # A bracketed year then the serial (川府发〔2020〕12号), or 令 + 第N号 (国务院令第700号).
    # Only the tail is matched here: where the 机关代字 begins is decided by looking back.
    rf"(?:[{_OPEN}]{_SP}*[12１２]{_DIGIT}{{3}}{_SP}*[〕\]】］）)﹞]{_SP}*(?:第{_SP}*)?"
    rf"{_DIGIT}{{1,6}}(?!{_DIGIT})(?P<hao>{_SP}*[号號])?"
    rf"|令{_SP}*第{_SP}*{_DIGIT}{{1,6}}(?!{_DIGIT}){_SP}*[号號])"
)


# Words that end running text before a 机关代字 (根据国发〔…〕, 和京政发〔…〕), and the end of a
# date (2020年5月1日某省人民政府令第300号公布). 和 is followed by a negative lookahead because
# 中华人民共和国 contains 共和国. 经 is absent: 京经信发.
@functools.cache
def _lead_in() -> re.Pattern[str]:
    # Compiled on first need: only 发文字号 in running text look back for their 机关代字.
    return re.compile(
        r"根据|依据|按照|依照|参照|对照|遵照|详见|参见|通知|意见|决定|办法|方案|规定|批复|报告"
        r"|文件|号文|印发|转发|关于|执行|落实|贯彻|颁布|发布|通过|和(?!国)|[的及与或即见是为在将以于等]"
        r"|(?<=[0-9０-９〇○零一二三四五六七八九十])[年月日]"
    )


_MAX_ISSUER = 20
_BRACKETS_NOT_STANDARD = frozenset("[【［（(﹝]】］）)﹞")


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff"


def _issuer_start(text: str, tail: int, floor: int) -> int | None:
    """Where the 机关代字 before ``tail`` begins, or None when there is none."""
    end = tail
    while end > floor and tail - end < 2 and text[end - 1] in " \u3000\u00a0":
        end -= 1  # 银发 〔2021〕: a stray space between 代字 and bracket
    start = end
    while start > floor and end - start < _MAX_ISSUER and _is_cjk(text[start - 1]):
        start -= 1
    cuts = [m.end() for m in _lead_in().finditer(text, start, end)]
    if cuts:
        start = cuts[-1]
    return start if start < end else None


def _doc_number(text: str, start: int, end: int, offset: int) -> DocNumber | None:
    p = _parse(text[start:end], "doc_number")
    span = Span(offset + start, offset + end)
    return DocNumber(text[start:end], *p, span) if isinstance(p, DocNumberParts) else None


def parse_doc_number(text: str, offset: int = 0) -> DocNumber | None:
    """The 发文字号 that is the whole of ``text`` (surrounding whitespace and one enclosing pair
    of round brackets, as in a header line ``（新质监办发〔2012〕24号）``, are allowed and left
    out of the result), or None.

    >>> parse_doc_number("川府发〔2020〕12号").serial
    12
    """
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    if end - start > 60 or not _TAIL.search(text, start, end):
        return None
    if end - start > 2 and text[start] in "（(" and text[end - 1] in "）)":
        inner = parse_doc_number(text[start + 1 : end - 1], offset + start + 1)
        if inner is not None:
            return inner
    return _doc_number(text, start, end, offset)


def find_doc_numbers(text: str, offset: int = 0) -> list[DocNumber]:
    """Every 发文字号 in running text, in order: ``…意见》(辽政发〔2017〕12号)精神``.

    In running text a number without 号 is only taken when its brackets are 〔〕 or it is
    followed by punctuation, so that ``标准(2019)12项`` is not read as one.
    """
    return list(_doc_numbers(text, offset))


def _doc_numbers(text: str, offset: int) -> Iterator[DocNumber]:
    """The values of :func:`find_doc_numbers`, lazily: a caller that needs the first one only
    does not parse the others."""
    floor = 0
    for m in _TAIL.finditer(text):
        if m.start() < floor:
            continue
        if m.group(0)[0] in _OPEN and m.group("hao") is None:
            after = text[m.end() : m.end() + 1]
            if m.group(0)[0] not in "〔﹝" and (after.isalnum() or _is_cjk(after)):
                continue
        start = _issuer_start(text, m.start(), floor)
        if start is None:
            continue
        dn = _doc_number(text, start, m.end(), offset)
        if dn is not None:
            yield dn
            floor = m.end()


def doc_number_problems(dn: DocNumber) -> list[str]:
    """Codes of the ways ``dn`` departs from GB/T 9704-2012 §7.2.5 (table in the module doc)."""
    problems = []
    if not _BRACKETS_NOT_STANDARD.isdisjoint(dn.text):
        problems.append("doc-number-brackets")
    if not dn.text.endswith(("号", "號")):
        problems.append("doc-number-no-hao")
    if dn.year is not None and "第" in dn.text and not dn.issuer_code.endswith("令"):
        problems.append("doc-number-ordinal")
    if re.search(rf"[〕\]】］）)﹞]{_SP}*(?:第{_SP}*)?[0０]", dn.text):
        problems.append("doc-number-padded")
    if re.search(r"\s", dn.text):
        problems.append("doc-number-spaces")
    return problems


# --- dates ---------------------------------------------------------------------------------

_DATE = re.compile(
    rf"(?<!{_DIGIT})(?:"
    rf"[12１２]{_DIGIT}{{3}}{_SP}*年{_SP}*{_DIGIT}{{1,2}}{_SP}*月{_SP}*{_DIGIT}{{1,2}}{_SP}*[日号]"
    rf"|[12１２]{_DIGIT}{{3}}(?P<sep>[-－.．/／]){_DIGIT}{{1,2}}(?P=sep){_DIGIT}{{1,2}}(?!{_DIGIT})"
    rf"|[〇○零OＯ一二三四五六七八九]{{4}}{_SP}*年{_SP}*[一二三四五六七八九十]{{1,3}}{_SP}*月"
    rf"{_SP}*[一二三四五六七八九十]{{1,3}}{_SP}*日"
    rf"|(?:中[华華])?民[国國]{_SP}*(?:{_DIGIT}{{1,3}}|[一二三四五六七八九十百零〇]{{1,6}}){_SP}*年"
    rf"{_SP}*(?:{_DIGIT}{{1,2}}|[一二三四五六七八九十]{{1,3}}){_SP}*月"
    rf"{_SP}*(?:{_DIGIT}{{1,2}}|[一二三四五六七八九十]{{1,3}}){_SP}*日"
    rf")(?:{_SP}*{_DIGIT}{{1,2}}[:：]{_DIGIT}{{2}}(?:[:：]{_DIGIT}{{2}})?(?!{_DIGIT}))?"
)


def parse_date(text: str) -> datetime.date | None:
    """The date that is the whole of ``text`` (``2018年11月23日``, ``二〇一八年十一月二十三日``,
    ``2020-05-06 10:00:00`` …), or None, also for impossible dates such as 2月30日."""
    stripped = text.strip()
    if len(stripped) > 40 or not _DATE.fullmatch(stripped):
        return None
    value = _parse(stripped, "date")
    return value if isinstance(value, datetime.date) else None


def find_dates(text: str, offset: int = 0) -> list[tuple[datetime.date, Span]]:
    """Every complete date in running text with its span (a following clock time is inside
    the span). Partial dates (2020年, 2019年10月) and impossible ones are skipped."""
    found: list[tuple[datetime.date, Span]] = []
    for m in _DATE.finditer(text):
        value = _parse(m.group(0), "date")
        if isinstance(value, datetime.date):
            found.append((value, Span(offset + m.start(), offset + m.end())))
    return found


# --- references ----------------------------------------------------------------------------

_MAX_TITLE = 300
_ALIAS = re.compile(r"(?:简称|下称|以下称)[“\"]?$")  # （以下简称《实施方案》） names, not cites


_TITLE_MARKS = re.compile("[《》\n]")


def _title_end(text: str, start: int) -> int | None:
    """Index after the 》 that closes the 《 at ``start`` (nesting counted), or None."""
    depth = 0
    # Only these characters decide: visit them alone, not every character of the title.
    for m in _TITLE_MARKS.finditer(text, start, min(len(text), start + _MAX_TITLE)):
        i = m.start()
        ch = text[i]
        if ch == "《":
            depth += 1
        elif ch == "》":
            depth -= 1
            if depth == 0:
                return i + 1
        elif ch == "\n":
            return None
    return None


def _skip_space(text: str, i: int) -> int:
    return i + len(text[i : i + 8]) - len(text[i : i + 8].lstrip(" \t\u3000\u00a0"))


def _number_at(text: str, i: int, offset: int) -> DocNumber | None:
    dn = next(_doc_numbers(text[i : i + 60], offset + i), None)
    return dn if dn is not None and dn.span.start == offset + i else None


def find_references(text: str, offset: int = 0) -> list[Reference]:
    """Every 《…》 title in ``text`` (nesting such as 《关于印发〈…〉的通知》 kept in the title)
    with the 发文字号 that directly follows it, bracketed (``《…》（国发〔2018〕32号）``) or
    not. The span runs from 《 to the end of the number (and its closing bracket).
    A 《…》 that defines an abbreviation (以下简称《…》) is not a reference."""
    found: list[Reference] = []
    i = text.find("《")
    while i != -1:
        end = _title_end(text, i)
        if end is None:
            i = text.find("《", i + 1)
            continue
        title = text[i + 1 : end - 1]
        if title.strip() and not _ALIAS.search(text, max(0, i - 6), i):
            dn, span_end = None, end
            j = _skip_space(text, end)
            if j < len(text) and text[j] in "（(":
                dn = _number_at(text, _skip_space(text, j + 1), offset)
                if dn is not None:
                    k = _skip_space(text, dn.span.end - offset)
                    span_end = k + 1 if k < len(text) and text[k] in "）)" else dn.span.end - offset
            else:
                dn = _number_at(text, j, offset)
                if dn is not None:
                    span_end = dn.span.end - offset
            found.append(Reference(title, Span(offset + i, offset + span_end), dn))
        i = text.find("《", end)
    return found
