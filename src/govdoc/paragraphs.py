"""Paragraph leaves with what running text carries inside it: inline enumerations (一是…
二是…), the documents it cites (《…》 with a 文号) and its responsible-department note.

Most paragraphs carry none of these, so each search runs only where a cheap test says it can
find something; the tests are necessary conditions of the searches, which keeps the result
the same as running every search on every paragraph.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Sequence

from .metadata import find_departments, find_inline_items, find_references
from .nodes import Paragraph, Span

__all__ = ["ParagraphMaker"]

# Every marker find_inline_items accepts holds one of these two-character runs: the last
# numeral of 一是/二要/十一则 and its verb, 首先 其次 再次 然后 最后, or the 方面 of 一方面 and
# 另一方面 (the two classes admit a few more pairs, such as 三次: a wider test is still a
# necessary one). No character is in both classes, so the runs never overlap, and finding
# them in the whole text once finds every occurrence, whatever the paragraph boundaries.
_FIRSTS = "一二三四五六七八九十首其再然最方"
_VERBS = "是要则先次后面"
_HINT_LEN = 2
# str.find runs through the text in C, so visiting each occurrence of a verb costs little
# while the verb is rare; past this many in one text, the regex engine scans for the rest.
_FIND_LIMIT = 32


@functools.cache
def _hints_at(verb: str) -> re.Pattern[str]:
    """The runs that end in ``verb``, matched at the verb: the engine scans for a literal first
    character quickly and checks the character before by the look-behind. (Compiled on first
    use: a text of a few pages rarely needs one.)"""
    return re.compile(f"{verb}(?<=[{_FIRSTS}]{verb})")


def _item_hints(text: str) -> list[int]:
    """The start of every two-character run of the classes above, in order. (One regex for the
    pair of classes would test every character of the text against the first class, which
    costs about three times more than finding the verbs.)"""
    hints: list[int] = []
    for verb in _VERBS:
        i = text.find(verb, 1)  # a run needs a character before its verb
        seen = 0
        while i >= 0:
            if text[i - 1] in _FIRSTS:
                hints.append(i - 1)
            seen += 1
            if seen == _FIND_LIMIT:  # a frequent verb: the regex engine finds the rest
                hints.extend(m.start() - 1 for m in _hints_at(verb).finditer(text, i + 1))
                break
            i = text.find(verb, i + 1)
    hints.sort()
    return hints


class ParagraphMaker:
    """Makes the paragraphs of one document text: ``maker.make(text, span)`` is the Paragraph
    of ``text``, the document text at ``span``; ``damaged`` spans of lost text mark it damaged.
    The inline-item hints are found by one scan of the whole text instead of one per
    paragraph. (A method, not ``__call__``: Python calls a bound method faster than an
    instance, and the builder makes one paragraph per body line.)"""

    __slots__ = ("_damaged", "_hints")

    def __init__(self, text: str, damaged: Sequence[Span] = ()) -> None:
        self._hints = _item_hints(text)
        self._damaged = damaged

    def make(self, text: str, span: Span) -> Paragraph:
        hints = self._hints
        start, end = span.start, span.end
        k = bisect_left(hints, start)  # the first hint at or after the paragraph's start
        damaged = self._damaged
        return Paragraph(
            text,
            span,
            tuple(find_inline_items(text, start))
            if k < len(hints) and hints[k] + _HINT_LEN <= end
            else (),
            # A department note ends the paragraph in a closing bracket; a citation opens with 《.
            find_departments(text) if "）" in text or ")" in text else (),
            tuple(find_references(text, start)) if "《" in text else (),
            any(d.start < end and start < d.end for d in damaged) if damaged else False,
        )
