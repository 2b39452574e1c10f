"""Notes inside a paragraph: responsible departments and inline enumerations.

Implementation plans end a task with the bodies that carry it out, in brackets at the end of
the paragraph::

    …加快建设创新平台。（市科技局、市发展改革委等按职责分工负责）
    …完善考核办法。（牵头单位：市科技局；责任单位：市财政局、市人社局）

and enumerate inside one paragraph with ordinals that are items, not headings::

    重点做好三项工作：一是…。二是…。三是…。
    首先，…；其次，…；最后，…。

Both are pure functions over one paragraph's text; neither raises.
"""

from __future__ import annotations

import functools
import re

from govdoc.nodes import InlineItem, Span

__all__ = ["find_departments", "find_inline_items"]

# --- departments ---------------------------------------------------------------------------

_LABEL = re.compile(r"(?:牵头|责任|主责|配合|参与|协办|协同|实施)(?:单位|部门)[ \t\u3000]*[:：]")
# What follows the names in an unlabelled note: 等按职责分工负责, 分别负责, 牵头 …
_DUTY = re.compile(
    r"(?:等)?(?:各?有关|各?相关)?(?:部门|单位)?(?:按照|按|依|根据)?(?:职责分工|职能分工|职责|职能|分工)?"
    r"(?:分别|共同|协同|配合)?(?:负责|落实|牵头|配合|参与)$"
)
# The longest text _DUTY matches (等 各有关 部门 按照 职责分工 分别 负责), plus the newline
# that $ may leave after it: a match starts no earlier than this before the end.
_DUTY_REACH = 17
# A _DUTY match ends in one of these verbs where $ matches: a part that does not has none.
_DUTY_VERBS = ("负责", "落实", "牵头", "配合", "参与")
# A name must end like a body of government, so that （具体办法另行落实） yields nothing.
# 协 and 联 close 科协, 妇联, 残联, 侨联 (people's organisations named in duty notes).
_ORGAN_ENDS = (
    *("局", "委", "办", "厅", "部", "院", "会", "室", "中心", "处", "署", "银行", "分行", "支行"),
    *("府", "组", "所", "站", "队", "司", "馆", "社", "团", "区", "县", "市", "州", "盟", "旗"),
    *("协", "联", "镇", "乡", "街道", "公司", "集团", "海关", "单位", "部门", "机构", "党委"),
    *("政府", "管委会", "办公室", "委员会"),
)
_MAX_NOTE = 200
_MAX_NAME = 30


_BRACKET = re.compile(r"[（()）]")


def _open_bracket(text: str, close: int) -> int | None:
    """Index of the bracket that opens the one closing at ``close``, nesting counted (within
    the ``_MAX_NOTE`` characters that end at ``close``)."""
    lo = max(0, close - _MAX_NOTE + 1)
    # Mostly a note holds no brackets of its own: when no closing bracket follows the last
    # opening one, that one opens the note (the scan below would meet it first).
    last_open = max(text.rfind("（", lo, close), text.rfind("(", lo, close))
    if last_open < 0:
        return None
    if text.find("）", last_open, close) < 0 and text.find(")", last_open, close) < 0:
        return last_open
    depth = 0
    # Only brackets change the depth: visit them alone, last first.
    brackets = [m.start() for m in _BRACKET.finditer(text, lo, close + 1)]
    for i in reversed(brackets):
        if text[i] in "）)":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return i
    return None


_NAME_SEPARATORS = re.compile(r"[、，,；;]")
_NAME_BRACKETS = re.compile(r"[（(〔[［【）)〕\]］】]")


def _split_names(segment: str) -> list[str]:
    """Split on 、，,；; outside brackets: 各县（市、区）人民政府 is one name."""
    if _NAME_BRACKETS.search(segment) is None:  # no bracket: every separator splits
        names = _NAME_SEPARATORS.split(segment)
    else:
        names = []
        current: list[str] = []
        depth = 0
        for ch in segment:
            if ch in "（(〔[［【":
                depth += 1
            elif ch in "）)〕]］】":
                depth -= 1
            if depth == 0 and ch in "、，,；;":
                names.append("".join(current))
                current = []
            else:
                current.append(ch)
        names.append("".join(current))
    return [n.strip(" \t\u3000") for n in names if n.strip(" \t\u3000")]


_PARTS = re.compile(r"[，,；;]")


def _ends_in(text: str, ends: tuple[str, ...]) -> bool:
    """Whether ``text`` ends in one of ``ends`` where a pattern's ``$`` matches: at the end, or
    before a newline that ends the text. (``endswith`` runs in C; a pattern ``(?:…)$`` would be
    tried at every position.)"""
    return text.endswith(ends) or (text[-1:] == "\n" and text.endswith(ends, 0, len(text) - 1))


def _duty(part: str) -> re.Match[str] | None:
    """``_DUTY.search(part)``, started where a match can begin: the pattern has no look-behind
    or anchor but $, so the leftmost match is the same and the scan far shorter. Most parts
    and names do not end in a duty verb, which endswith tells without the pattern."""
    if not _ends_in(part, _DUTY_VERBS):
        return None
    return _DUTY.search(part, max(0, len(part) - _DUTY_REACH))


def _cut(part: str, duty: re.Match[str] | None) -> str:
    """``part`` without its duty phrase: ``_DUTY.sub("", part)`` when ``duty`` is
    ``_duty(part)`` (a match ends at the end or before a final newline: there is at most one)."""
    return part if duty is None else part[: duty.start()] + part[duty.end() :]


def _clean(name: str) -> str:
    duty = _duty(name)  # mostly none: the duty phrase closes the note, after the last name
    if duty is not None:
        name = _cut(name, duty)
    name = name.strip(" \t\u3000").removeprefix("由")
    # re.sub("等$", "", name): $ matches at the end or before a final newline.
    if name.endswith("等"):
        return name[:-1]
    return name[:-2] + "\n" if name.endswith("等\n") else name


def find_departments(text: str) -> tuple[str, ...]:
    """The departments a closing note of ``text`` makes responsible, in order, without
    duplicates; ``()`` when the paragraph has no such note.

    >>> find_departments("加强协作。（市科技局、市发展改革委等按职责分工负责）")
    ('市科技局', '市发展改革委')
    """
    body = text.rstrip(" \t\u3000\u00a0\r\n。；;.")
    if not body.endswith(("）", ")")):
        return ()
    start = _open_bracket(body, len(body) - 1)
    if start is None:
        return ()
    inner = body[start + 1 : -1].strip(" \t\u3000")
    # Every label ends in a colon.
    labels = list(_LABEL.finditer(inner)) if "：" in inner or ":" in inner else []
    raw: list[str] = []
    if labels:
        for k, m in enumerate(labels):
            stop = labels[k + 1].start() if k + 1 < len(labels) else len(inner)
            raw.extend(_split_names(inner[m.end() : stop]))
    else:
        # Unlabelled: the whole note must end in a duty phrase (…等按职责分工负责), or each
        # part does (市科技局牵头，市财政局配合). Unless a separator or a space ends the note,
        # its last character ends its last part, which must then end in a duty verb: most
        # notes that are no duty notes are told so without splitting them.
        last = inner[-1:]
        ends_part = bool(last) and last not in "，,；;" and not last.isspace()
        if ends_part and not inner.endswith(_DUTY_VERBS):
            return ()
        for part in _PARTS.split(inner):
            part = part.strip(" \t\u3000")
            duty = _duty(part)
            if duty is None and part.strip():
                return ()  # a part that names no duty: no duty note
            raw.extend(_split_names(_cut(part, duty)))
    names: list[str] = []
    for name in raw:
        name = _clean(name)
        if not name:
            continue
        if len(name) > _MAX_NAME or not _ends_in(name, _ORGAN_ENDS):
            return ()  # every name must be a body's
        names.append(name)
    return tuple(dict.fromkeys(names))


# --- inline enumerations -------------------------------------------------------------------

_CN = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


@functools.cache
def _item_pattern() -> re.Pattern[str]:
    """The inline-item marker pattern, compiled on first use: most paragraphs never reach it
    (see govdoc.paragraphs)."""
    return re.compile(
        # Only at a sentence start (text start or after 。；：！？), so that 统一是 or 第一要务 in
        # mid-sentence is not an item. 首先/其次/最后 need a following comma or 是/要, so that
        # 最后一公里 is not one.
        r"(?:^|(?<=[。；;：:！？!?\n]))[ \t\u3000]*"
        r"(?P<marker>(?P<num>[一二三四五六七八九十]{1,3})(?P<verb>[是要则])"
        r"|(?P<ord>首先|其次|再次|然后|最后)(?=[，,、：:是要])"
        r"|(?P<side>一方面|另一方面))"
    )


@functools.cache
def _item_starts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A cheap test that the item pattern can match: each of its matches opens the text or
    follows a sentence end (the look-behind), then spaces and a marker word. With the sentence
    end consumed instead of looked behind, the scan skips to the punctuation, which the
    pattern's ``^|(?<=…)`` start, tried at every position, cannot."""
    words = (
        r"[ \t\u3000]*"
        r"(?:[一二三四五六七八九十]{1,3}[是要则]|首先|其次|再次|然后|最后|一方面|另一方面)"
    )
    return re.compile(words), re.compile(f"[。；;：:！？!?\n]{words}")


_ORDER = {"首先": 1, "其次": 2, "再次": 3}
_NUMBERED = frozenset("是要则")  # 一是 / 一要 / 一则: may open a paragraph alone


def _cn_small(numeral: str) -> int | None:
    """一 … 九十九 → int; None for anything else."""
    if numeral in _CN:
        return _CN[numeral]
    head, ten, tail = numeral.partition("十")
    if not ten or (head and head not in _CN) or (tail and tail not in _CN):
        return None
    return (_CN[head] if head else 1) * 10 + (_CN[tail] if tail else 0)


def find_inline_items(text: str, offset: int = 0) -> list[InlineItem]:
    """The inline enumeration of a paragraph (一是…二是…, 一要…二要…, 首先…其次…最后…,
    一方面…另一方面…). Each item's text runs from after its marker to the next item or the end
    of the paragraph. One kind of series is returned: the one with the most items. A lone
    ordinal is not an enumeration unless it opens the paragraph with 一是/二是 (a series
    continued across paragraphs)."""
    opening, after_stop = _item_starts()
    if opening.match(text) is None and after_stop.search(text) is None:
        return []
    series: dict[str, list[tuple[re.Match[str], int | None]]] = {}
    for m in _item_pattern().finditer(text):
        if m.group("num"):
            value = _cn_small(m.group("num"))
            if value is None:
                continue
            kind = m.group("verb")
        elif m.group("ord"):
            kind = "order"
            value = _ORDER.get(m.group("ord"))
        else:
            kind = "side"
            value = 1 if m.group("side") == "一方面" else 2
        series.setdefault(kind, []).append((m, value))
    lead = len(text) - len(text.lstrip())
    eligible = [
        found
        for kind, found in series.items()
        if len(found) >= 2 or (kind in _NUMBERED and found[0][0].start("marker") == lead)
    ]
    best = max(eligible, key=lambda f: (len(f), -f[0][0].start()), default=[])
    items: list[InlineItem] = []
    previous = 0
    for k, (m, value) in enumerate(best):
        if value is None:  # 然后 / 最后 continue the count
            value = previous + 1
        previous = value
        stop = best[k + 1][0].start("marker") if k + 1 < len(best) else len(text)
        body_start = m.end("marker")
        body = text[body_start:stop].rstrip()
        skip = len(body) - len(body.lstrip(" \t\u3000，,、：:"))  # 首先，… → text after the comma
        span = Span(offset + m.start("marker"), offset + body_start + len(body))
        items.append(InlineItem(m.group("marker"), value, body[skip:], span))
    return items
