"""Hypothesis strategies that write whole 公文 with a known outline.

:func:`documents` draws an outline (depth ≤ 6, one numbering style per level, families distinct
from every ancestor's so that docs/levels.md places each marker unambiguously), renders it with
random widths, spacing, run-in headings, dash/bullet items, body paragraphs that only look like
markers, and an optional frame and site chrome, and returns the text with the outline it must
parse back to. A style swap inside a family is drawn only where the value continues, which is
exactly where the level rules keep the marker at its level and diagnose ``style-change``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import strategies as st
from hypothesis.strategies import DrawFn

from govdoc.numbering import FAMILIES, UNIT_RANKS

__all__ = ["Generated", "documents", "render_marker"]

#: Styles a generated level may take (dash and bullet are items, drawn separately).
LEVEL_STYLES = tuple(s for s in FAMILIES if s not in ("dash", "bullet"))
_MAX_VALUE = {"circled": 20, "latin_paren": 26, "latin_dot": 26}
_DEFAULT_MAX = 99
# Styles whose list the level rules accept only from 1 or as a continuation of an open list.
_FROM_ONE = frozenset({"latin_dot"})

_CN_DIGITS = "零一二三四五六七八九"
_FULL_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")

_TITLES = (
    "总体要求",
    "工作目标",
    "主要任务",
    "保障措施",
    "加强组织领导",
    "强化督促检查",
    "完善工作机制",
    "推进数字化转型",
    "优化营商环境",
    "提升公共服务水平",
    "加强队伍建设",
    "适用范围",
    "职责分工",
)
_SENTENCES = (
    "各单位要高度重视，切实抓好落实。",
    "要坚持问题导向，补齐短板弱项。",
    "建立健全长效机制，确保各项任务按期完成。",
    "加强统筹协调，形成工作合力。",
)
# Paragraph openings that begin like a marker but are text: quantities, years, inline
# ordinals, and words that start with a numeral or 第.
_LOOKALIKES = (
    "1.5亿元用于支持重点项目建设。",
    "2021年以来，全市累计完成投资。",
    "2.3%的增幅高于全省平均水平。",
    "一是加强组织领导，二是强化督促检查，三是严格考核问责。",
    "一批重点项目已经开工建设。",
    "第一次全体会议研究了有关事项。",
    "第三方评估结果将向社会公开。",
    "十大工程要按计划推进。",
    "3、4号楼的改造工作由街道负责。",
    "12月底前完成全部验收工作。",
    "首先要统一思想，其次要压实责任。",
)
_ITEM_TEXTS = ("坚持人民至上", "坚持系统观念", "坚持稳中求进", "坚持改革创新")
_FRONT_CHROME = ("当前位置：首页 > 政务公开 > 政策文件", "首页 | 机构概况 | 政务公开 | 办事服务")
_BACK_CHROME = ("版权所有：示范市人民政府办公室", "网站标识码：3700000001", "【打印】【关闭】")


@dataclass(frozen=True, slots=True)
class Generated:
    """A generated document: its text, the outline it must parse to as (depth, value, family)
    per heading or item in reading order, and the outline indices of the style swaps."""

    text: str
    outline: tuple[tuple[int, int | None, str], ...]
    swaps: frozenset[int]


@dataclass(slots=True)
class _Writer:
    draw: DrawFn
    styles: tuple[str, ...]
    lines: list[str] = field(default_factory=list)
    outline: list[tuple[int, int | None, str]] = field(default_factory=list)
    swaps: set[int] = field(default_factory=set)
    last_at_depth: dict[int, int] = field(default_factory=dict)
    budget: int = 24  # headings still to write; keeps examples fast

    def line(self, content: str) -> None:
        indent = self.draw(st.sampled_from(("", "", "  ", "\u3000\u3000")))
        trail = self.draw(st.sampled_from(("", "", " ")))
        self.lines.append(f"{indent}{content}{trail}")
        if self.draw(st.integers(0, 5)) == 0:
            self.lines.append("")

    def level(self, depth: int) -> None:
        base = self.styles[depth - 1]
        count = self.draw(st.integers(1, 4))
        start = 1
        previous = self.last_at_depth.get(depth)
        if previous is not None and base not in _FROM_ONE and self.draw(st.booleans()):
            start = previous + 1  # numbering continued across parents: （九） under 四、
        if start + count - 1 > _max_value(base):
            start = 1
        style = base
        for k in range(count):
            if self.budget <= 0:
                break
            self.budget -= 1
            value = start + k
            if k > 0:
                swapped = _swap_for(style, value, self.draw)
                if swapped != style:
                    self.swaps.add(len(self.outline))
                    style = swapped
            self.heading(style, value, depth)
            self.last_at_depth[depth] = value
            if depth < len(self.styles) and self.draw(st.integers(0, 2)) > 0:
                self.level(depth + 1)

    def heading(self, style: str, value: int, depth: int) -> None:
        marker = render_marker(style, value, self.draw)
        gap = self.draw(st.sampled_from(("", "", " ")))
        title = self.draw(st.sampled_from(_TITLES))
        if style in ("article", "clause"):
            text = "为了" + title + "，" + self.draw(st.sampled_from(_SENTENCES))
        elif style not in ("part", "chapter", "section", "book") and self.draw(st.booleans()):
            text = title + "。" + self.draw(st.sampled_from(_SENTENCES))  # run-in
        else:
            text = title
        self.outline.append((depth, value, FAMILIES[style]))
        form = self.draw(st.sampled_from(("plain",) * 6 + ("bold", "markdown", "lone")))
        if form == "lone" and text == title:  # the title on the line after a bare marker
            self.line(marker.strip())
            self.line(title)
        elif form == "bold":
            self.line(f"**{marker}{gap}{text}**")
        elif form == "markdown":
            self.line(f"{'#' * min(depth + 1, 6)} {marker}{gap}{text}")
        else:
            self.line(f"{marker}{gap}{text}")
        for _ in range(self.draw(st.integers(0, 2))):
            self.line(self.draw(st.sampled_from(_SENTENCES + _LOOKALIKES)))
        if self.draw(st.integers(0, 4)) == 0:
            kind = self.draw(st.sampled_from(("dash", "bullet")))
            lead = "——" if kind == "dash" else self.draw(st.sampled_from("●■◆"))
            for _ in range(self.draw(st.integers(1, 3))):
                self.outline.append((depth + 1, None, kind))
                self.line(lead + self.draw(st.sampled_from(_ITEM_TEXTS)) + "。")


def _max_value(style: str) -> int:
    return _MAX_VALUE.get(style, _DEFAULT_MAX)


def _swap_for(style: str, value: int, draw: DrawFn) -> str:
    """The style of the next sibling: usually the same, sometimes another of its family."""
    family = FAMILIES[style]
    others = [
        s for s in LEVEL_STYLES if FAMILIES[s] == family and s != style and value <= _max_value(s)
    ]
    if not others or draw(st.integers(0, 5)) != 0:
        return style
    return draw(st.sampled_from(others))


def cn_numeral(value: int) -> str:
    """一 … 九十九 as written in 公文 (十一, not 一十一)."""
    tens, units = divmod(value, 10)
    if tens == 0:
        return _CN_DIGITS[units]
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return head + "十" + (_CN_DIGITS[units] if units else "")


def render_marker(style: str, value: int, draw: DrawFn) -> str:
    """One written form of ``style`` with ``value``, in a random width and spacing."""

    def pick(*options: str) -> str:
        return draw(st.sampled_from(options))

    ar = str(value)
    arabic = pick(ar, ar.translate(_FULL_DIGITS))
    cn = cn_numeral(value)
    lpar, rpar = pick("（", "("), pick("）", ")")
    unit = {"book": "编", "chapter": "章", "section": "节", "article": "条", "clause": "款"}
    if style == "cn_dun":
        return cn + pick("、", "、", "．")
    if style == "ordinal_comma":
        return "第" + cn + pick("，", "、")
    if style == "cn_paren":
        forms = [f"{lpar}{cn}{rpar}", f"（{cn}）、"]
        return pick(*forms, *([chr(0x3220 + value - 1)] if value <= 10 else []))
    if style == "ar_paren":
        forms = [f"{lpar}{arabic}{rpar}", f"（ {ar} ）"]
        return pick(*forms, *([chr(0x2474 + value - 1)] if value <= 20 else []))
    if style == "latin_paren":
        return f"({chr(ord('a') + value - 1)})"
    if style == "ar_dot":
        return pick(f"{arabic}.", f"{ar}．", *([chr(0x2488 + value - 1)] if value <= 20 else []))
    if style == "ar_dun":
        return arabic + "、"
    if style == "ar_half":
        return arabic + pick(")", "）")
    if style == "latin_dot":
        return chr(ord(pick("a", "A")) + value - 1) + ". "
    if style == "circled":
        return chr(0x2460 + value - 1)
    if style == "part":
        return f"第{cn}部分 "
    if style in unit:
        return pick(f"第{cn}{unit[style]} ", f"第 {cn} {unit[style]} ", f"第{ar}{unit[style]} ")
    if style.startswith("decimal"):
        parts = int(style[-1])
        prefix = ".".join(str(draw(st.integers(1, 9))) for _ in range(parts - 1))
        return f"{prefix}.{ar} "
    raise ValueError(f"no rendering for {style}")


@st.composite
def level_styles(draw: DrawFn) -> tuple[str, ...]:
    """One style per level, families distinct, statute units in their order (编 > 章 > 节 > 条)."""
    depth = draw(st.integers(1, 6))
    chosen: list[str] = []
    for _ in range(depth):
        used = {FAMILIES[s] for s in chosen}
        rank = max((UNIT_RANKS.get(s, 0) for s in chosen), default=0)
        allowed = [
            s
            for s in LEVEL_STYLES
            if FAMILIES[s] not in used and (s not in UNIT_RANKS or UNIT_RANKS[s] > rank)
        ]
        chosen.append(draw(st.sampled_from(allowed)))
    return tuple(chosen)


@st.composite
def documents(draw: DrawFn) -> Generated:
    """A whole document with its expected outline (see the module docstring)."""
    writer = _Writer(draw, draw(level_styles()))
    frame = draw(st.booleans())
    if draw(st.booleans()):
        writer.line(draw(st.sampled_from(_FRONT_CHROME)))
    if frame:
        writer.line("示范市人民政府关于" + draw(st.sampled_from(_TITLES)) + "的通知")
        writer.line("示政发〔2023〕" + str(draw(st.integers(1, 99))) + "号")
        writer.line("各区县人民政府，市政府各部门：")
        writer.line("为做好有关工作，现就有关事项通知如下：")
    writer.level(1)
    if frame:
        writer.line("示范市人民政府")
        writer.line(
            "2023年" + str(draw(st.integers(1, 12))) + "月" + str(draw(st.integers(1, 28))) + "日"
        )
    if draw(st.booleans()):
        writer.line(draw(st.sampled_from(_BACK_CHROME)))
    newline = draw(st.sampled_from(("\n", "\n", "\r\n")))
    return Generated(
        newline.join(writer.lines) + newline, tuple(writer.outline), frozenset(writer.swaps)
    )
