"""Lines of a web page's information table (信息公开 / 政务公开 metadata).

Pages put a table of KEY：VALUE cells above the document. Text extraction flattens it into
lines like these (keys glued to values, empty values, several pairs on a line)::

    索引号：000014349/2021-00042          →  index_number
    发文机关某某区管委会 主题词            →  issuer, keywords (empty)
    來源:本站 日期:2018-05-02 點擊:次    →  source, date, clicks

:func:`parse_info_line` reads one line into :class:`~govdoc.nodes.MetaField` values over the
key vocabulary below; labels are matched in simplified and traditional script and with
spaces between their characters (索 引 号). Values stay as written (only surrounding spaces,
table pipes and ；are trimmed).

The vocabulary is plain data rather than grammar rules because values are free text and keys
may be glued to them: a grammar would need the whole vocabulary as lookaheads anyway.

====================  =======================================================================
key                   labels (simplified; traditional forms are derived)
====================  =======================================================================
index_number          索引号 信息索引号 索取号 信息索取号
doc_number            发文字号 文号 发文号 文件编号
issuer                发文机关 发文单位 发文机构 发布部门 发布机关 制发机关 制定机关
publisher             发布机构 发布单位 (the site that posted it; may differ from the issuer)
date                  成文日期 成文时间 发文日期 发文时间 印发日期 日期
published             发布日期 发布时间 公布日期 公布时间 发表日期 发表时间 公开日期 公开时间
updated               更新时间 更新日期 上传时间
time                  时间 (a bare 时间 is often a page widget; callers weigh it below date)
effective             生效日期 生效时间 施行日期 实施日期
repealed              废止日期 失效日期 废止时间
validity              有效性 时效性 效力状态 文件状态 时效状态
level                 效力级别
subject               主题分类 所属主题
genre                 体裁分类 文种 公文种类
category              组配分类 分类 信息分类 法规类别 所属分类 栏目
keywords              主题词 关键词 关键字
title                 标题 名称 文件名称 文章标题
source                来源 信息来源 文章来源 稿件来源
author                作者 撰稿 撰稿人
editor                编辑 责任编辑
clicks                点击 点击数 点击量 点击率 浏览次数 浏览量 浏览 访问量 访问次数
                      阅读 阅读量 阅读次数
disclosure            公开方式 公开属性
disclosure_period     公开时限
disclosure_scope      公开范围
registration_number   统一编号 登记号
signer                签发人
original_link         原文链接 原文地址
====================  =======================================================================
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from govdoc.nodes import MetaField, Span

__all__ = ["KEYS", "parse_info_line"]

_VOCABULARY: dict[str, str] = {
    "index_number": "索引号 信息索引号 索取号 信息索取号",
    "doc_number": "发文字号 文号 发文号 文件编号",
    "issuer": "发文机关 发文单位 发文机构 发布部门 发布机关 制发机关 制定机关",
    "publisher": "发布机构 发布单位",
    "date": "成文日期 成文时间 发文日期 发文时间 印发日期 日期",
    "published": "发布日期 发布时间 公布日期 公布时间 发表日期 发表时间 公开日期 公开时间",
    "updated": "更新时间 更新日期 上传时间",
    "time": "时间",
    "effective": "生效日期 生效时间 施行日期 实施日期",
    "repealed": "废止日期 失效日期 废止时间",
    "validity": "有效性 时效性 效力状态 文件状态 时效状态",
    "level": "效力级别",
    "subject": "主题分类 所属主题",
    "genre": "体裁分类 文种 公文种类",
    "category": "组配分类 分类 信息分类 法规类别 所属分类 栏目",
    "keywords": "主题词 关键词 关键字",
    "title": "标题 名称 文件名称 文章标题",
    "source": "来源 信息来源 文章来源 稿件来源",
    "author": "作者 撰稿 撰稿人",
    "editor": "编辑 责任编辑",
    "clicks": "点击 点击数 点击量 点击率 浏览次数 浏览量 浏览 访问量 访问次数 阅读 阅读量 阅读次数",
    "disclosure": "公开方式 公开属性",
    "disclosure_period": "公开时限",
    "disclosure_scope": "公开范围",
    "registration_number": "统一编号 登记号",
    "signer": "签发人",
    "original_link": "原文链接 原文地址",
}

# Simplified → traditional for the characters of the labels (opencc is not needed for ~30
# fixed words, and this module must not depend on it).
_TRADITIONAL = str.maketrans(
    "号发机关构时间题类词标称来点击览数废体组开键签链访问编辑责级别规门实态读阅属资单围种记码浏载传审务职统状范",
    "號發機關構時間題類詞標稱來點擊覽數廢體組開鍵簽鏈訪問編輯責級別規門實態讀閱屬資單圍種記碼瀏載傳審務職統狀範",
)
# Real traditional-script variants that are not a character-for-character mapping.
_EXTRA = {
    "發佈日期": "published",
    "發佈時間": "published",
    "發佈機構": "publisher",
    "發佈單位": "publisher",
    "發佈部門": "issuer",
    "發佈機關": "issuer",
    "資訊來源": "source",
    "原文連結": "original_link",
    "瀏覽人次": "clicks",
}


def _build_keys() -> Mapping[str, str]:
    keys: dict[str, str] = {}
    for key, labels in _VOCABULARY.items():
        for label in labels.split():
            keys[label] = key
            keys.setdefault(label.translate(_TRADITIONAL), key)
    for label, key in _EXTRA.items():
        keys.setdefault(label, key)
    return MappingProxyType(keys)


KEYS: Mapping[str, str] = _build_keys()
"""Every label (both scripts, without inner spaces) → its normalised key. Read-only."""

_GAP = "[ \t\u2002\u2003\u3000\u00a0]"
_GAP_CHARS = frozenset(" \t\u2002\u2003\u3000\u00a0")  # the characters of _GAP


def _build_trie() -> dict[str, Any]:
    """The labels of KEYS as a tree of characters; the entry "" of a node is the label that
    ends there."""
    trie: dict[str, Any] = {}
    for label in KEYS:
        node = trie
        for ch in label:
            node = node.setdefault(ch, {})
        node[""] = label
    return trie


_TRIE = _build_trie()


@dataclass(frozen=True, slots=True)
class _KeyMatch:
    """A label at ``start`` (its characters possibly spaced out) and the colon after it."""

    start: int
    label_end: int
    end: int  # after the separator when there is one, else label_end
    line: str

    @property
    def label(self) -> str:
        return self.line[self.start : self.label_end]

    @property
    def sep(self) -> str | None:
        return self.line[self.label_end : self.end] if self.end > self.label_end else None


def _key_at(line: str, start: int) -> _KeyMatch | None:
    """The longest label at ``start`` with the separator after it, else None.

    Pages space out short labels (索 引 号, 签 发 人) to align table cells, so up to two spaces
    may sit between characters; Markdown exports bold the label: **来源**: …
    """
    node = _TRIE.get(line[start]) if start < len(line) else None
    if node is None:
        return None
    label_end = -1
    pos = start + 1
    while True:
        if "" in node:
            label_end = pos  # longest label so far
        gap = pos
        while gap < len(line) and gap - pos < 2 and line[gap] in _GAP_CHARS:
            gap += 1
        # Labels hold no spaces, so taking all (up to two) spaces first loses no match.
        if gap >= len(line) or line[gap] not in node:
            break
        node = node[line[gap]]
        pos = gap + 1
    if label_end < 0:
        return None
    sep = label_end + 2 if line.startswith(("**", "__"), label_end) else label_end
    while sep < len(line) and line[sep] in _GAP_CHARS:
        sep += 1
    end = sep + 1 if sep < len(line) and line[sep] in ":：" else label_end
    return _KeyMatch(start, label_end, end, line)


def _find_key(line: str, pos: int) -> _KeyMatch | None:
    """The first label at or after ``pos``."""
    for start in range(pos, len(line)):
        if line[start] in _TRIE:
            m = _key_at(line, start)
            if m is not None:
                return m
    return None


# What may precede the first label: spaces, list and quote marks, table pipes.
_LEAD = " \t\u2002\u2003\u3000\u00a0-*•·●|｜>"
# What separates one cell from the next (and is trimmed off values): spaces, table pipes, ；.
_CELL_GAP = " \t\u2002\u2003\u3000\u00a0|｜;；"
_MAX_LINE = 300

# Without a colon, a value must look like one, or 时间为两个工作日 / 来源包括 / 分类管理 in running
# prose would be read as fields. These patterns are compiled on first use (re's own cache):
# most documents have no line that gets this far.
_DATE_LIKE = r"[12１２][0-9０-９]{3}[-－./／年]|[〇○零一二三四五六七八九]{4}年"
_SHAPES: dict[str, str] = {
    "index_number": r"[0-9A-Za-z][0-9A-Za-z\-/_.]*$",
    "registration_number": r"[0-9A-Za-z][0-9A-Za-z\-/_.〔〕\[\]]*$",
    "doc_number": r".*(?:[〔\[【［（(﹝][12１２][0-9０-９]{3}|令第)",
    "clicks": r"[0-9０-９]*[ \u3000]*次?$",
    "validity": r"(?:现行)?有效|失效|已?废止|已修改|部分失效|尚未生效|現行有效|已?廢止",
}
_DATE_KEYS = frozenset({"date", "published", "updated", "time", "effective", "repealed"})
# Keys seen glued to their value on a line of their own (索引号0123…, 标题关于…). Other labels
# alone without a colon are too often something else: 栏目资讯 is chrome, 时间 a column head.
_GLUED_ALONE = frozenset(
    {"index_number", "doc_number", "issuer", "publisher", "date", "published", "title"}
    | {"subject", "keywords", "genre", "effective", "repealed", "validity", "registration_number"}
)
_PROSE_START = r"[为是的和与及、，。,.：:；;应要可将由对在以于也都已不中上下内外里等]|包括|应当"
_PROSE_PUNCT = r"[，。；！？,;!?]"


def _plausible(key: str, value: str, glued: bool) -> bool:
    """Whether ``value`` can be the value of ``key`` (only checked when no colon says so)."""
    if not value:
        return True
    if not glued:
        # After a colon anything goes, except several sentences of prose.
        return "。" not in value.rstrip("。")
    if key in _DATE_KEYS:
        return re.match(_DATE_LIKE, value) is not None
    if key in _SHAPES:
        return re.match(_SHAPES[key], value) is not None
    return not re.match(_PROSE_START, value) and not re.search(_PROSE_PUNCT, value)


def _keys_in(line: str, first: _KeyMatch) -> list[_KeyMatch]:
    """The label matches of ``line`` that are keys: the first one, then every label that
    follows a gap (space, pipe, ；) or is followed by a colon. A label glued inside a value
    (标题关于印发某某来源管理办法…) is neither, so it stays part of the value."""
    found = [first]
    pos = first.end
    while (m := _find_key(line, pos)) is not None:
        if m.sep or line[m.start - 1] in _CELL_GAP:
            found.append(m)
            pos = m.end
        else:
            pos = m.start + 1
    return found


def _label_key(m: _KeyMatch) -> str:
    return "".join(ch for ch in m.label if ch not in _GAP_CHARS)


def parse_info_line(line: str, offset: int = 0) -> list[MetaField]:
    """The KEY：VALUE fields of one info-table line, or ``[]`` when the line is not one.

    A line is read as fields only when it starts with a known label and every value fits:
    after a colon any short value, without one a value of the key's shape (a date for date
    keys, an identifier for 索引号 …, a phrase without sentence punctuation for text keys).

    >>> [(f.key, f.value) for f in parse_info_line("來源:本站 日期:2018-05-02 點擊:次")]
    [('source', '本站'), ('date', '2018-05-02'), ('clicks', '次')]
    """
    if len(line) > _MAX_LINE:
        return []
    first = _key_at(line, len(line) - len(line.lstrip(_LEAD)))
    if first is None:
        return []
    keys = _keys_in(line, first)
    if len(keys) == 1 and not first.sep and KEYS[_label_key(first)] not in _GLUED_ALONE:
        return []
    fields: list[MetaField] = []
    for k, m in enumerate(keys):
        stop = keys[k + 1].start if k + 1 < len(keys) else len(line)
        raw = line[m.end : stop]
        value = raw.strip(_CELL_GAP)
        label = m.label
        key = KEYS[_label_key(m)]
        if not _plausible(key, value, glued=m.sep is None):
            return []
        end = m.end + raw.find(value) + len(value) if value else m.end
        fields.append(MetaField(key, label, value, Span(offset + m.start, offset + end)))
    return fields
