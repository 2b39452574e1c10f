"""Web-site furniture around a document: which lines are chrome, and of what kind.

Rules match the simplified-script key of a line (so 版權所有 matches 版权所有). A line is chrome
when a rule says so; it is then kept aside with its span, never in a section or paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lines import Line

__all__ = ["chrome_kind", "is_menu_line", "mark_related_links", "trailer_start"]

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "breadcrumb",
        re.compile(
            r"^(?:当前位置|您当前的位置|您现在的位置|您的位置|当前页面|所在位置|位置)\s*[:：]"
            r"|^首页\s*[>»/＞]|[>»＞]\s*(?:正文|详情)\s*$|^[^。，,]{0,20}[»]$"
        ),
    ),
    (
        "widget",
        re.compile(
            r"字体\s*(?:大小)?\s*[:：]|【\s*[大中小]\s*】|\s大\s+中\s+小\s*$|^[大中小](?:\s+[大中小]){2}$"
            r"|^(?:打印|关闭|保存为word|打印本页|关闭窗口|分享到|扫一扫|收藏|返回顶部|返回|字号)"
            r"(?:\s|$|[:：【])|【\s*(?:打印|关闭|打印本页|关闭窗口)\s*】"
            r"|(?:^|\s)(?:打印|关闭)(?:\s+(?:打印|关闭|保存|收藏))+\s*$|^(?:扫一扫|扫码)"
            # version and accessibility switches: 简体版, 繁体版, English, 无障碍浏览, 长者模式
            r"|^(?:(?:简体版|繁体版|简体中文|繁体中文|简体|繁体|English|无障碍浏览|无障碍阅读|无障碍|"
            r"长者模式|关怀版|适老模式|智能问答)\s*)+$"
        ),
    ),
    (
        "footer",
        re.compile(
            r"主办单位\s*[:：]|承办单位\s*[:：]|版权所有|ICP\s*备|ICP证|公网安备|网站标识码|"
            r"网站地图|技术支持\s*[:：]|联系电话\s*[:：]|联系我们|Copyright|©|浏览器|分辨率|"
            r"^地址\s*[:：].{0,40}(?:邮编|电话)"
        ),
    ),
    (
        "related",
        re.compile(
            r"^(?:相关阅读|相关链接|相关文章|相关新闻|相关文件|相关稿件|换一批|推荐|热点推荐|"
            r"栏目资讯|上一篇|下一篇|扫码阅读|手机阅读|阅读次数|浏览次数|分享)\s*[:：]?"
            r"(?=\s|$)"
        ),
    ),
    ("markup", re.compile(r"^(?:<!--.*?-->\s*)+$|^(?:-{3,}|\*{3,}|_{3,})$")),
    # The citation code a legal database stamps on its text exports.
    ("export", re.compile(r"^【\s*法宝引证码\s*】")),
    (
        "page_number",
        re.compile(
            r"^[-—–－]\s*\d{1,4}\s*[-—–－]$|^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$"
            r"|^\d{1,4}\s*/\s*\d{1,4}$|^共\s*\d{1,4}\s*页"
        ),
    ),
)
_RELATED_HEAD = re.compile(
    r"^(?:相关阅读|相关链接|相关文章|相关新闻|相关文件|相关稿件|热点推荐|推荐阅读|推荐)\s*[:：]?$"
)
_MENU_ITEM = re.compile(r"^[-*+•]\s+\S.{0,18}$")
_SENTENCE_PUNCT = re.compile(r"[，。；,;：:！？!?]")
# A signing body (白山市人民政府办公室) is short too, but it is the document's, not the site's.
_BODY_NAME = re.compile(r"[府室厅局委会部院处办所站心司组]$")


def chrome_kind(line: Line) -> str | None:
    """The kind of chrome this line is, or None."""
    key = line.key
    if len(key) > 200 or "。" in key:
        return None  # body sentences can name 联系电话 or 浏览器; chrome lines are not prose
    for kind, rule in _RULES:
        if rule.search(key):
            return kind
    return None


def is_menu_line(line: Line) -> bool:
    """A navigation entry: a short Markdown list item, or a row of short words."""
    if line.marker is not None:
        return False
    if _MENU_ITEM.match(line.key):
        return True
    words = line.key.split()
    return (
        len(words) >= 4 and all(len(w) <= 6 for w in words) and not _SENTENCE_PUNCT.search(line.key)
    )


def mark_related_links(lines: Sequence[Line], kinds: list[str | None]) -> list[str | None]:
    """The titles listed under a bare 相关阅读/相关链接 line are links too (kinds updated in
    place and returned)."""
    for i, line in enumerate(lines):
        if kinds[i] != "related" or not _RELATED_HEAD.match(line.key):
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
            line.marker is None
            and line.length <= 8
            and not _SENTENCE_PUNCT.search(line.key)
            and not any(ch.isdigit() for ch in line.key)
            and not _BODY_NAME.search(line.key)
            and not line.key.startswith(("（", "("))  # （此件公开发布） is the document's
            and seen_chrome
        ):
            start = i
        else:
            break
    return start if seen_chrome else len(lines)
