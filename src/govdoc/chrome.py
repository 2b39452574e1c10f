"""Web-site furniture around a document: which lines are chrome, and of what kind.

Rules match the simplified-script key of a line (so 版權所有 matches 版权所有). A line is chrome
when a rule says so; it is then kept aside with its span, never in a section or paragraph.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from .lines import Line

__all__ = ["chrome_kind", "chrome_kinds", "is_menu_line", "mark_related_links", "trailer_start"]

# The rules, in the order they are tried. Compiled on first use: most pages have no line
# that gets past :func:`_may_be_chrome`.
_RULE_SOURCES: tuple[tuple[str, str], ...] = (
    (
        "breadcrumb",
        r"^(?:当前位置|您当前的位置|您现在的位置|您的位置|当前页面|所在位置|位置)\s*[:：]"
        r"|^首页\s*[>»/＞]|[>»＞]\s*(?:正文|详情)\s*$|^[^。，,]{0,20}[»]$",
    ),
    (
        "widget",
        r"字体\s*(?:大小)?\s*[:：]|【\s*[大中小]\s*】|\s大\s+中\s+小\s*$|^[大中小](?:\s+[大中小]){2}$"
        r"|^(?:打印|关闭|保存为word|打印本页|关闭窗口|分享到|扫一扫|收藏|返回顶部|返回|字号)"
        r"(?:\s|$|[:：【])|【\s*(?:打印|关闭|打印本页|关闭窗口)\s*】"
        r"|(?:^|\s)(?:打印|关闭)(?:\s+(?:打印|关闭|保存|收藏))+\s*$|^(?:扫一扫|扫码)"
        # version and accessibility switches: 简体版, 繁体版, English, 无障碍浏览, 长者模式
        r"|^(?:(?:简体版|繁体版|简体中文|繁体中文|简体|繁体|English|无障碍浏览|无障碍阅读|无障碍|"
        r"长者模式|关怀版|适老模式|智能问答)\s*)+$",
    ),
    (
        "footer",
        r"主办单位\s*[:：]|承办单位\s*[:：]|版权所有|ICP\s*备|ICP证|公网安备|网站标识码|"
        r"网站地图|技术支持\s*[:：]|联系电话\s*[:：]|联系我们|Copyright|©|浏览器|分辨率|"
        r"^地址\s*[:：].{0,40}(?:邮编|电话)",
    ),
    (
        "related",
        r"^(?:相关阅读|相关链接|相关文章|相关新闻|相关文件|相关稿件|换一批|推荐|热点推荐|"
        r"栏目资讯|上一篇|下一篇|扫码阅读|手机阅读|阅读次数|浏览次数|分享)\s*[:：]?"
        r"(?=\s|$)",
    ),
    ("markup", r"^(?:<!--.*?-->\s*)+$|^(?:-{3,}|\*{3,}|_{3,})$"),
    # The citation code a legal database stamps on its text exports.
    ("export", r"^【\s*法宝引证码\s*】"),
    (
        "page_number",
        r"^[-—–－]\s*\d{1,4}\s*[-—–－]$|^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$"
        r"|^\d{1,4}\s*/\s*\d{1,4}$|^共\s*\d{1,4}\s*页",
    ),
)
# What a line needs before any rule can match it (tested at C level, see _may_be_chrome): a
# word the unanchored alternatives all contain, or the start of an anchored alternative.
_RULE_WORDS = re.compile(
    r">|»|＞|字体|【|小|打印|关闭|主办单位|承办单位|版权所有|ICP|公网安备|网站标识码|网站地图|"
    r"技术支持|联系电话|联系我们|Copyright|©|浏览器|分辨率"
)
# The starts of the anchored alternatives, rule by rule (breadcrumb … markup).
_RULE_STARTS = (
    *("当前位置", "您当前的位置", "您现在的位置", "您的位置", "当前页面", "所在位置"),
    *("位置", "首页", "打印", "关闭", "保存为word", "分享到", "扫一扫", "收藏", "返回"),
    *("字号", "扫码", "简体", "繁体", "English", "无障碍", "长者模式", "关怀版", "适老模式"),
    *("智能问答", "地址", "相关", "换一批", "推荐", "热点推荐", "栏目资讯", "上一篇"),
    *("下一篇", "手机阅读", "阅读次数", "浏览次数", "分享", "<!--", "---", "***", "___"),
)
_RULE_FIRSTS = frozenset(start[0] for start in _RULE_STARTS)
_DASHES = frozenset("-—–－")
_SIZES = frozenset("大中小")
_PAGE = frozenset("第共")
_ANY_FIRST = _RULE_FIRSTS | _SIZES | _DASHES | _PAGE  # see _may_be_chrome
_MENU_ITEM = re.compile(r"^[-*+•]\s+\S.{0,18}$")
# Sentence punctuation: a line holding one of these is no menu or label (a set, not a
# pattern: the lines tested are short).
_SENTENCE_PUNCT = frozenset("，。；,;：:！？!?")


def chrome_kind(line: Line) -> str | None:
    """The kind of chrome this line is, or None."""
    key = line.key
    if len(key) > 200 or "。" in key:
        return None  # body sentences can name 联系电话 or 浏览器; chrome lines are not prose
    return _key_kind(key)


def chrome_kinds(lines: Sequence[Line]) -> list[str | None]:
    """chrome_kind of every line, with _may_be_chrome's tests inline: most lines are prose, or
    hold none of _RULE_WORDS and start with no character an anchored alternative starts with
    (_ANY_FIRST, or a digit); a line that holds one of the words may be chrome."""
    words = _RULE_WORDS.search
    return [
        None
        if "。" in key or len(key) > 200  # prose, as in chrome_kind
        else _rule_kind(key)
        if words(key) is not None
        else None
        if (f := key[:1]) not in _ANY_FIRST and not f.isdecimal()  # no anchored start either
        else _key_kind(key)
        for line in lines
        for key in (line.key,)
    ]


def _key_kind(key: str) -> str | None:
    return _rule_kind(key) if _may_be_chrome(key) else None


def _rule_kind(key: str) -> str | None:
    """The kind of the first rule that matches ``key``, or None."""
    for kind, rule in _rules():
        if rule.search(key):
            return kind
    return None


@functools.cache
def _rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((kind, re.compile(source)) for kind, source in _RULE_SOURCES)


def _may_be_chrome(key: str) -> bool:
    """False when no rule can match ``key`` (one line: a ``$`` in a rule is its end): it holds
    none of _RULE_WORDS and does not start the way an anchored alternative starts (a row of
    大 中 小, a page number -1-, 第1页, 共3页, 1/3). A rule added to _RULE_SOURCES must keep
    this true."""
    first, last = key[:1], key[-1:]
    if first in _RULE_FIRSTS and key.startswith(_RULE_STARTS):
        return True
    if _RULE_WORDS.search(key) is not None:
        return True
    if first in _SIZES:
        return last in _SIZES
    if first in _DASHES:
        return last in _DASHES
    if first in _PAGE:
        return "页" in key
    return first.isdecimal() and "/" in key


@functools.cache
def _related_head() -> re.Pattern[str]:
    return re.compile(
        r"^(?:相关阅读|相关链接|相关文章|相关新闻|相关文件|相关稿件|热点推荐|推荐阅读|推荐)\s*[:：]?$"
    )


@functools.cache
def _body_name() -> re.Pattern[str]:
    """A signing body (白山市人民政府办公室) is short too, but it is the document's, not the
    site's."""
    return re.compile(r"[府室厅局委会部院处办所站心司组]$")


def is_menu_line(line: Line) -> bool:
    """A navigation entry: a short Markdown list item, or a row of short words."""
    if line.marker is not None:
        return False
    if _MENU_ITEM.match(line.key):
        return True
    words = line.key.split()
    return (
        len(words) >= 4 and all(len(w) <= 6 for w in words) and _SENTENCE_PUNCT.isdisjoint(line.key)
    )


def mark_related_links(lines: Sequence[Line], kinds: list[str | None]) -> list[str | None]:
    """The titles listed under a bare 相关阅读/相关链接 line are links too (kinds updated in
    place and returned)."""
    if "related" not in kinds:
        return kinds
    for i, line in enumerate(lines):
        if kinds[i] != "related" or not _related_head().match(line.key):
            continue
        j = i + 1
        while j < len(lines) and kinds[j] is None and _is_link_title(lines[j]):
            kinds[j] = "related"
            j += 1
    return kinds


def _is_link_title(line: Line) -> bool:
    return line.marker is None and line.length <= 80 and "。" not in line.key


def trailer_start(lines: Sequence[Line], kinds: Sequence[str | None]) -> int:
    """Index of the first line of the trailing chrome run (``len(lines)`` when none).

    Besides chrome lines, the run takes short label lines (新闻, 网站首页) between them, but
    only when the run holds real chrome: a document that merely ends in a short line keeps it.
    """
    start = len(lines)
    seen_chrome = False
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if kinds[i] is not None:
            seen_chrome = True
            start = i
        elif (
            seen_chrome
            and line.marker is None
            and line.length <= 8
            and _SENTENCE_PUNCT.isdisjoint(line.key)
            and not any(ch.isdigit() for ch in line.key)
            and not _body_name().search(line.key)
            and not line.key.startswith(("（", "("))  # （此件公开发布） is the document's
        ):
            start = i
        else:
            break
    return start if seen_chrome else len(lines)
