"""The cheap tests of the anatomy stage never decide other than the full ones they stand for:
chrome's prefilter, the plain-paragraph flags of the closing tests, the attachment-list items
found once per page, the set of space characters."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from govdoc import chrome
from govdoc.closing import (
    ATTACH_LABEL,
    attachment_heads,
    attachment_items,
    closing_role,
    quiet_lines,
)
from govdoc.decode import decode
from govdoc.lines import Line, split_lines
from govdoc.linetext import SPACES
from govdoc.repair import repair
from govdoc.script import detect_script, to_simplified

from .conftest import FIXTURES

# Words the chrome rules are made of, their near misses, and what surrounds them on a page.
_CHROME_WORDS = [
    *chrome._RULE_STARTS,
    *("字体", "大小", "ICP", "ICP证", "公网安备", "版权所有", "主办单位", "承办单位", "技术支持"),
    *("联系电话", "联系我们", "Copyright", "©", "浏览器", "分辨率", "网站地图", "网站标识码"),
    *("正文", "详情", "法宝引证码", "页", "共", "第", "打印本页", "关闭窗口", "保存", "推荐阅读"),
    *("大", "中", "小", "-", "—", "－", "–", "»", ">", "＞", "/", "【", "】", "<!--", "-->"),
    *("***", "___", "邮编", "电话", "位置", "首页", "当前", "简体版", "English", "无障碍浏览"),
]
# Whole shapes some rules want (a row of sizes, page numbers, a row of buttons).
_SHAPES = [
    " 大 中 小",
    "大 中 小",
    "中 大 中",
    "【 小 】",
    "- 12 -",
    "第 3 页",
    "共 5 页",
    "1 / 3",
    "打印 关闭",
]
_TEXT = ["市人民政府", "关于", "通知", "各区县", "2024", "3", "12", "年", "月", "日", "的"]
_PUNCT = [":", "：", "，", ",", "、", "。", "；", "(", "（", ")", "）", "|", "*", "#"]
_SPACE = [" ", "  ", "\u3000", "\t"]
_piece = st.sampled_from(_CHROME_WORDS + _SHAPES + _TEXT + _PUNCT + _SPACE)


def _line(text: str) -> Line:
    return Line(0, 0, len(text), text, text, None)


@settings(max_examples=300)
@given(st.sampled_from(_SHAPES) | st.lists(_piece, min_size=1, max_size=8).map("".join))
def test_chrome_prefilter_keeps_every_line_a_rule_matches(text: str) -> None:
    if any(rule.search(text) for _, rule in chrome._rules()):
        assert chrome._may_be_chrome(text)
    assert chrome.chrome_kinds([_line(text)]) == [chrome.chrome_kind(_line(text))]


def test_spaces_are_what_isspace_holds_true() -> None:
    assert {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()} == SPACES


# A page with attachment lists: one after the signature, one of 25 items (longer than the 20
# lines a list is followed), one broken by a paragraph, one header right under another.
_LISTS = "\n".join(
    [
        "关于印发某某办法的通知",
        "各单位：",
        "现将有关事项通知如下，请遵照执行。",
        "附件：1.某某管理办法",
        "2.某某实施细则",
        "某某市人民政府",
        "2024年3月1日",
        "附件：1.第一项",
        *(f"{n}.第{n}项" for n in range(2, 26)),
        "附件：1.另一项",
        "这是一段正文，它打断了上面的列表。",
        "2.不再是附件",
        "附件：",
        "附件：1.紧接着的一项",
        "2.第二项",
    ]
)


def _page_lines() -> list[list[Line]]:
    """The lines of every fixture, as parse() splits them, and of _LISTS."""
    pages = [split_lines(_LISTS)]
    for path in sorted(FIXTURES.glob("*.txt")):
        text = repair(decode(path.read_bytes()).text).text
        simplified = detect_script(text) == "simplified"
        pages.append(split_lines(text, None if simplified else to_simplified))
    return pages


def _continues_list(lines: list[Line], i: int, heads: frozenset[int]) -> bool:
    """The definition: line ``i`` and every line up to the nearest header above it (at most
    20 lines up) are items."""
    if not _item(lines[i]):
        return False
    for k in range(i - 1, max(-1, i - 21), -1):
        if k in heads:
            return True
        if not _item(lines[k]):
            return False
    return False


def _item(line: Line) -> bool:
    return line.marker is not None and line.length <= 60 and "。" not in line.key


def test_plain_flags_and_attachment_items_agree_with_the_full_tests() -> None:
    found = 0
    for lines in _page_lines():
        heads = attachment_heads(lines)
        items = attachment_items(lines, heads)
        assert items == {i for i in range(len(lines)) if _continues_list(lines, i, heads)}
        found += len(items)
        for i, quiet in enumerate(quiet_lines(lines, items)):
            if quiet:
                assert closing_role(lines, i, items) is None, lines[i].text
                assert ATTACH_LABEL.match(lines[i].key) is None
    assert found >= 20  # the lists above are found
