"""The numbering grammar: every style, values 1–999, width and spacing variants, and the
lines that only look like markers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdoc.numbering import FAMILIES, match_marker

DIGITS = "零一二三四五六七八九"
CAPITALS = dict(zip("一二三四五六七八九十百", "壹贰叁肆伍陆柒捌玖拾佰", strict=True))


def chinese(n: int, capital: bool = False) -> str:
    """Render 1–999 the way documents write it: 十一, 二十, 一百零五, 一百一十."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    out = ""
    if hundreds:
        out += DIGITS[hundreds] + "百"
        if rest and tens == 0:
            out += "零"
    if tens:
        out += ("" if tens == 1 and not hundreds else DIGITS[tens]) + "十"
    if units:
        out += DIGITS[units]
    return "".join(CAPITALS.get(c, c) for c in out) if capital else out


def arabic(n: int, wide: bool) -> str:
    s = str(n)
    return s.translate(str.maketrans("0123456789", "０１２３４５６７８９")) if wide else s


LATIN = "abcdefghijklmnopqrstuvwxyz"
UNITS = {
    "book": "编",
    "chapter": "章",
    "section": "节",
    "article": "条",
    "clause": "款",
    "part": "部分",
}


@st.composite
def rendered(draw: st.DrawFn) -> tuple[str, str, int | None]:
    style = draw(st.sampled_from(sorted(FAMILIES)))
    value = draw(st.integers(1, 999))
    wide = draw(st.booleans())
    lpar, rpar = draw(st.sampled_from([("（", "）"), ("(", ")"), ("(", "）"), ("（", ")")]))
    sp = draw(st.sampled_from(["", " "]))
    if style == "cn_dun":
        m = chinese(value, draw(st.booleans())) + draw(st.sampled_from(["、", "，", "．"]))
    elif style == "ordinal_comma":
        m = "第" + chinese(value) + draw(st.sampled_from(["，", ",", "、"]))
    elif style == "cn_paren":
        m = lpar + sp + chinese(value) + sp + rpar + draw(st.sampled_from(["", "、"]))
    elif style == "ar_paren":
        m = lpar + arabic(value, wide) + rpar
    elif style == "ar_dot":
        m = arabic(value, wide) + draw(st.sampled_from([".", "．"]))
    elif style == "ar_dun":
        m = arabic(value, wide) + "、"
    elif style == "ar_half":
        m = arabic(value, wide) + draw(st.sampled_from([")", "）"]))
    elif style in ("latin_paren", "latin_dot", "circled"):
        value = value % (26 if style != "circled" else 20) + 1
        letter = draw(st.sampled_from([LATIN[value - 1], LATIN[value - 1].upper()]))
        m = {
            "latin_paren": f"{lpar}{letter}{rpar}",
            "latin_dot": f"{letter}.",
            "circled": chr(0x2460 + value - 1),
        }[style]
    elif style in UNITS:
        num = draw(
            st.sampled_from([chinese(value), arabic(value, wide), " " + chinese(value) + " "])
        )
        m = "第" + num + UNITS[style]
    elif style.startswith("decimal"):
        depth = int(style[-1])
        parts = [str(draw(st.integers(1, 30))) for _ in range(depth - 1)] + [str(value)]
        m = ".".join(parts)
        sp = " "
    else:
        m = "——" if style == "dash" else draw(st.sampled_from(list("●■◆")))
        value = None  # type: ignore[assignment]
    title = draw(
        st.sampled_from(
            ["加强组织领导", "总则", "工作目标。到年底", "（目的）为了", "推进数字政府建设"]
        )
    )
    return sp.join([m, title]) if sp else m + title, style, value


@given(rendered())
def test_every_style_round_trips(case: tuple[str, str, int | None]) -> None:
    line, style, value = case
    m = match_marker(line)
    assert m is not None, line
    assert (m.style, m.value) == (style, value), line


@pytest.mark.parametrize(
    "line",
    [
        "1.5亿元用于补助",
        "2021年以来，我市",
        "一是加强领导",
        "二是完善机制",
        "一批重点项目",
        "一带一路建设",
        "十大战役全面打响",
        "第一次全体会议",
        "第三方评估机构",
        "2.3%的增长",
        "12345热线",
        "A股上市公司",
        "GDP增长",
        "（GDP）增速",
    ],
)
def test_not_markers(line: str) -> None:
    assert match_marker(line) is None


@pytest.mark.parametrize(
    ("line", "style", "value", "sub"),
    [
        ("第六条之一 为了", "article", 6, 1),
        ("第6-1条 本办法", "article", 6, 1),
        ("第一百零五条 附则", "article", 105, None),
        ("㈢完善机制", "cn_paren", 3, None),
        ("⑴ 项目", "ar_paren", 1, None),
        ("⒉项目", "ar_dot", 2, None),
        ("三，我们要", "cn_dun", 3, None),
        ("（一）、组织", "cn_paren", 1, None),
        ("第 一 章 总则", "chapter", 1, None),
        ("第1条 为了", "article", 1, None),
        ("壹、总体", "cn_dun", 1, None),
        ("拾贰、附则", "cn_dun", 12, None),
        ("两、", "cn_dun", 2, None),
    ],
)
def test_variants(line: str, style: str, value: int, sub: int | None) -> None:
    m = match_marker(line)
    assert m is not None and (m.style, m.value, m.sub_value) == (style, value, sub)


def test_markdown_is_read_through() -> None:
    for line in (
        "# 第一章 总则",
        "## 一、总体要求",
        "**（一）加强领导**",
        "> 1. 引用",
        "<!-- x --> 二、要求",
    ):
        m = match_marker(line)
        assert m is not None, line
        assert line[m.body_start : m.body_end] in ("总则", "总体要求", "加强领导", "引用", "要求")


def test_lone_numeral_is_weak() -> None:
    # "## 三": a heading that lost its 、 — kept only where an open 一、 sequence expects it
    m = match_marker("## 三")
    assert m is not None and m.weak and (m.style, m.value) == ("cn_dun", 3)
    assert match_marker("三大战役") is None


def test_number_followed_by_year_is_weak() -> None:
    m = match_marker("2.2024年起实施")
    assert m is not None and m.weak and m.value == 2
    assert match_marker("1.5亿元") is None
