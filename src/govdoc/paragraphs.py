"""Paragraph leaves with what running text carries inside it: inline enumerations (一是…
二是…), the documents it cites (《…》 with a 文号) and its responsible-department note.

Most paragraphs carry none of these, so each search runs only where a cheap test says it can
find something; the tests are necessary conditions of the searches, which keeps the result
the same as running every search on every paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from .metadata import find_departments, find_inline_items, find_references
from .nodes import Paragraph, Span

__all__ = ["ParagraphMaker", "make_paragraph"]

# Every marker find_inline_items accepts holds one of these two-character runs: the last
# numeral of 一是/二要/十一则 and its verb, 首先 其次 再次 然后 最后, or the 方面 of 一方面 and
# 另一方面 (the two classes admit a few more pairs, such as 三次: a wider test is still a
# necessary one). No character is in both classes, so the runs never overlap and one scan of
# the whole text finds every occurrence, whatever the paragraph boundaries. Two classes scan
# several times faster than the alternation of the exact words.
_ITEM_HINT = re.compile(r"[一二三四五六七八九十首其再然最方][是要则先次后面]")
_HINT_LEN = 2


def make_paragraph(text: str, span: Span, damaged: Sequence[Span] = ()) -> Paragraph:
    """A Paragraph of ``text`` at ``span``; ``damaged`` spans of lost text mark it damaged."""
    return _paragraph(text, span, _ITEM_HINT.search(text) is not None, damaged)


class ParagraphMaker:
    """Makes the paragraphs of one document text: ``maker(text, span)`` equals
    ``make_paragraph(text, span, damaged)`` when ``text`` is the document text at ``span``.
    The inline-item hints are found by one scan of the whole text instead of one per
    paragraph."""

    __slots__ = ("_damaged", "_hints")

    def __init__(self, text: str, damaged: Sequence[Span] = ()) -> None:
        self._hints = [m.start() for m in _ITEM_HINT.finditer(text)]
        self._damaged = damaged

    def __call__(self, text: str, span: Span) -> Paragraph:
        hints = self._hints
        k = bisect_left(hints, span.start)  # the first hint at or after the paragraph's start
        hinted = k < len(hints) and hints[k] + _HINT_LEN <= span.end
        return _paragraph(text, span, hinted, self._damaged)


def _paragraph(text: str, span: Span, hinted: bool, damaged: Sequence[Span]) -> Paragraph:
    return Paragraph(
        text,
        span,
        tuple(find_inline_items(text, span.start)) if hinted else (),
        # A department note ends the paragraph in a closing bracket; a citation opens with 《.
        find_departments(text) if "）" in text or ")" in text else (),
        tuple(find_references(text, span.start)) if "《" in text else (),
        bool(damaged) and any(d.start < span.end and span.start < d.end for d in damaged),
    )
