"""A linter for the format of a 公文 in the spirit of GB/T 9704-2012: numbering, 发文字号,
dates, heading punctuation and the parts a 通知 must have. Every rule is in docs/check.md.

The numbering findings are the parser's own diagnostics (docs/levels.md) given a severity;
the other rules read the tree. Severities: ``error`` for what GB/T 9704 rules out (a gap in
the numbering, a 发文字号 without 〔〕 or 号, a date that does not exist, a 通知 without its
title, 主送 or 落款), ``warning`` for what is allowed but inconsistent.
"""

from __future__ import annotations

import bisect
import datetime
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from .metadata import doc_number_problems, parse_doc_number
from .nodes import Chrome, Document, Meta, Section, Span

__all__ = ["SEVERITIES", "Finding", "check"]

Severity = Literal["error", "warning"]

#: code → severity of every finding :func:`check` reports.
SEVERITIES: dict[str, Severity] = {
    "numbering-gap": "error",
    "numbering-repeat": "error",
    "style-change": "warning",
    "first-value": "warning",
    "skipped-level": "warning",
    "level-order": "warning",
    "doc-number-brackets": "error",
    "doc-number-no-hao": "error",
    "doc-number-ordinal": "warning",
    "doc-number-padded": "warning",
    "doc-number-spaces": "warning",
    "impossible-date": "error",
    "heading-period": "warning",
    "runin-heading-period": "warning",
    "missing-title": "error",
    "missing-recipients": "error",
    "missing-closing": "error",
}

# The GB/T 9704 §7.3.3 order of levels; styles a writer uses in their place share a rank.
_RANK = {
    "cn_dun": 1,
    "ordinal_comma": 1,
    "cn_paren": 2,
    "ar_dot": 3,
    "ar_dun": 3,
    "ar_paren": 4,
    "ar_half": 4,
}
_DOC_NUMBER_MESSAGES = {
    "doc-number-brackets": "the year of 发文字号 {} is not in 六角括号 〔〕",
    "doc-number-no-hao": "发文字号 {} does not end with 号",
    "doc-number-ordinal": "发文字号 {} has 第 before its serial",
    "doc-number-padded": "发文字号 {} pads its serial with a zero",
    "doc-number-spaces": "发文字号 {} contains whitespace",
}
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {
    "○": 0,
    "零": 0,
    "Ｏ": 0,
    "O": 0,
}
_D = r"[0-9０-９]"
_DATE = re.compile(
    rf"(?<!{_D})({_D}{{4}})\s*年\s*({_D}{{1,2}})\s*月\s*({_D}{{1,2}})\s*日"
    r"|([〇○零Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
_RUNIN_END = re.compile(r"[。；：;:]")
# A heading is short; a longer first clause is a sentence, not a run-in heading.
_MAX_HEADING = 30
_MARKUP = " \t\u3000*#_"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: stable ``code`` (docs/check.md), ``severity``, a message, the span in
    ``Document.text`` and its 1-based ``line`` and ``column`` (in characters)."""

    code: str
    severity: Severity
    message: str
    span: Span
    line: int
    column: int


def check(doc: Document) -> list[Finding]:
    """Every finding of every rule on ``doc`` and its attached documents, in text order."""
    starts = [0, *(m.end() for m in re.finditer("\n", doc.text))]
    raw = [
        *_numbering(doc),
        *_doc_numbers(doc),
        *_dates(doc),
        *_heading_punctuation(doc),
        *_notice_parts(doc),
    ]
    found: dict[tuple[str, int, int], Finding] = {}
    for code, message, span in raw:
        line = bisect.bisect_right(starts, span.start)
        column = span.start - starts[line - 1] + 1
        found.setdefault(
            (code, span.start, span.end),
            Finding(code, SEVERITIES[code], message, span, line, column),
        )
    return sorted(found.values(), key=lambda f: (f.span.start, f.code))


_Raw = tuple[str, str, Span]


def _numbering(doc: Document) -> Iterator[_Raw]:
    inserted = {  # 第六条之一 follows 第六条 without repeating it
        s.marker.span
        for sub in doc.documents()
        for top in sub.sections
        for s in top.walk()
        if s.marker.sub_value is not None
    }
    for sub in doc.documents():
        for d in sub.diagnostics:
            if d.code in SEVERITIES and not (d.code == "numbering-repeat" and d.span in inserted):
                yield d.code, d.message, d.span
        for top in sub.sections:
            for section in top.walk():
                parent = _RANK.get(section.marker.style)
                for child in section.children:
                    rank = _RANK.get(child.marker.style)
                    if parent is not None and rank is not None and rank <= parent:
                        yield (
                            "level-order",
                            f"{child.marker.raw} is nested under {section.marker.raw}: "
                            "GB/T 9704 orders levels 一、 （一） 1. （1）",
                            child.marker.span,
                        )


def _doc_numbers(doc: Document) -> Iterator[_Raw]:
    for leaf in doc.leaves():
        if not isinstance(leaf, Meta):
            continue
        for field in leaf.fields:
            number = parse_doc_number(field.value) if field.key == "doc_number" else None
            if number is None:
                continue
            for code in doc_number_problems(number):
                yield code, _DOC_NUMBER_MESSAGES[code].format(number.text), field.span


def _dates(doc: Document) -> Iterator[_Raw]:
    for leaf in doc.leaves():
        if isinstance(leaf, Chrome):
            continue
        text = doc.text[leaf.span.start : leaf.span.end]
        for m in _DATE.finditer(text):
            if m.group(1):
                year = _arabic(m.group(1))
                month, day = _arabic(m.group(2)), _arabic(m.group(3))
            else:
                year = int("".join(str(_CN_DIGITS[c]) for c in m.group(4)))
                month, day = _cn_number(m.group(5)), _cn_number(m.group(6))
            if not _exists(year, month, day):
                span = Span(leaf.span.start + m.start(), leaf.span.start + m.end())
                yield "impossible-date", f"{m.group(0)} is not a date that exists", span


def _arabic(digits: str) -> int:
    return int("".join(str(unicodedata.digit(c)) for c in digits))


def _cn_number(text: str) -> int:
    """一 … 九十九 as written in dates (十二, 二十, 三十一)."""
    if "十" not in text:
        return _CN_DIGITS.get(text, 0) if len(text) == 1 else 0
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return 0
    return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (
        _CN_DIGITS.get(units, 0) if units else 0
    )


def _exists(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _heading_punctuation(doc: Document) -> Iterator[_Raw]:
    for sub in doc.documents():
        for top in sub.sections:
            for section in top.walk():
                yield from _section_punctuation(doc.text, section)


def _section_punctuation(text: str, section: Section) -> Iterator[_Raw]:
    marker = section.marker
    line_end = text.find("\n", marker.span.end)
    line = text[marker.span.end : len(text) if line_end < 0 else line_end].rstrip(_MARKUP)
    body_follows = any(
        "\n" not in text[section.heading.span.end : leaf.span.start] for leaf in section.body[:1]
    )
    # A 一、 line with nothing under it is a list entry, which may be a whole sentence.
    heading_alone = not body_follows and bool(section.body or section.children)
    # A comma makes the line a sentence rather than a heading.
    phrase = "，" not in line and line.count("。") == 1
    if marker.style == "cn_dun" and heading_alone and phrase and line.endswith("。"):
        yield "heading-period", f"heading {marker.raw}{line} ends with 。", section.heading.span
    if marker.style == "cn_paren":
        end = _RUNIN_END.search(line)
        runin = end is not None and bool(line[end.end() :].strip(_MARKUP))
        short = end is not None and end.start() <= _MAX_HEADING and "，" not in line[: end.start()]
        if end and runin and short and end.group(0) != "。":
            yield (
                "runin-heading-period",
                f"run-in heading {marker.raw}{line[: end.start()]} ends with "
                f"{end.group(0)} instead of 。",
                section.heading.span,
            )


def _notice_parts(doc: Document) -> Iterator[_Raw]:
    roles = {leaf.role for leaf in doc.blocks if isinstance(leaf, Meta)}
    where = Span(doc.span.start, doc.span.start)
    if doc.title is None:
        yield "missing-title", "the document has no title", where
        return
    if not doc.title.rstrip().endswith("通知"):
        return
    if "recipients" not in roles:
        yield "missing-recipients", "the 通知 has no 主送机关", where
    if not roles & {"signature", "date", "dateline"}:
        yield "missing-closing", "the 通知 has no 落款 (署名 or 成文日期)", where
