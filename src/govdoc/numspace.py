"""Stray spaces inside numbers and 发文字号, as OCR and PDF extraction leave them.

``2 021年`` is the year 2021 and ``银发〔 2021〕259号`` the 文号 银发〔2021〕259号: the spaces are
closed up. Spaces around a number that stand between words (``第 5 条``, ``2021 年 6 月``) are
how some documents are typeset and stay.
"""

from __future__ import annotations

import re

from .metadata import find_doc_numbers
from .mojibake import Fix

__all__ = ["number_space_fixes"]

# Four digits with single spaces between some of them, ending a year: before 年 or the closing
# bracket of a 文号. At least one space inside, else there is nothing to close. The check that
# no digit or point comes before the year follows its first digit, so that the regex engine
# can skip to the candidates (1 or 2) instead of trying the lookbehind at every position.
_YEAR = re.compile(r"([12](?<![0-9.][12])(?: ?[0-9]){3})(?![0-9])(?= ?年| *[〕\]］】）)﹞])")
# The cheap first test: a space between two of digits, brackets and 号, or before a bracket.
# Searched from the space, a literal the regex engine skips to quickly.
_SPACE_HINT = re.compile(
    r" (?:(?<=[0-9〔﹝\[［【（(〕﹞\]］】）)] )[0-9〔﹝\[［【〕﹞\]］】）)号]|[〔﹝\[［【])"
)
# A year with a space inside holds a digit, a space and a digit.
_SPACED_DIGITS = re.compile(r" (?<=[0-9] )[0-9]")
# A bracketed year and a serial (号 optional): a 文号 to close up when a space is inside it or
# just before it.
_DOC_NUMBER = re.compile(r"[〔﹝\[［【（(] *[0-9 ]{4,7} *[〕﹞\]］】）)] *[0-9]{1,5} *号?")


def number_space_fixes(text: str) -> list[Fix]:
    """Fixes deleting the spaces inside years and 文号."""
    if not _SPACE_HINT.search(text):
        return []
    years = [
        m
        for m in (_YEAR.finditer(text) if _SPACED_DIGITS.search(text) else ())
        if " " in m.group(1) and m.group(1).replace(" ", "")[:2] in ("19", "20")
    ]
    fixes: list[Fix] = []
    if _spaced_doc_number(text):
        closed, origin = _close_years(text, years)
        for dn in find_doc_numbers(closed):
            if " " in dn.text:
                start, end = origin[dn.span.start], origin[dn.span.end - 1] + 1
                fixes.append(Fix(start, end, dn.text.replace(" ", "")))
    inside = [(f.start, f.end) for f in fixes]
    fixes.extend(
        Fix(m.start(), m.end(), m.group(1).replace(" ", ""))
        for m in years
        if not any(s <= m.start() < e for s, e in inside)
    )
    return sorted(fixes)


def _spaced_doc_number(text: str) -> bool:
    """Whether a 文号 holds a space or follows one. (Each match holds one opening bracket,
    its first character, so no match hides another and each is found from its bracket.)"""
    return any(
        " " in m.group() or text[m.start() - 1 : m.start()] == " "
        for m in _DOC_NUMBER.finditer(text)
    )


def _close_years(text: str, years: list[re.Match[str]]) -> tuple[str, list[int]]:
    """``text`` with the spaces of ``years`` removed, and the original index of each of its
    characters (plus one past the end)."""
    if not years:
        return text, list(range(len(text) + 1))
    parts: list[str] = []
    origin: list[int] = []
    pos = 0
    for m in years:
        parts.append(text[pos : m.start()])
        origin.extend(range(pos, m.start()))
        for k in range(m.start(), m.end()):
            if text[k] != " ":
                parts.append(text[k])
                origin.append(k)
        pos = m.end()
    parts.append(text[pos:])
    origin.extend(range(pos, len(text) + 1))
    return "".join(parts), origin
