"""Line structure damaged by PDF or OCR extraction: wrapped paragraphs, page numbers between
them, headings glued to their first item, spaces inside numbers and 文号.

The document here was written for these tests; the damage is generated from it the way a PDF
extraction produces it: lines broken at a fixed display width, page-number lines between
pages, a heading and the item under it on one line.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govdoc
from govdoc.headsplit import heading_split_fixes
from govdoc.linefix import wrap_fixes, wrap_width
from govdoc.nodes import Chrome, Document, Paragraph
from govdoc.numspace import number_space_fixes
from govdoc.repair import repair
from govdoc.serialize import outline

from .conftest import FIXTURES, outline_problems, seed_files

NOTICE = """青禾市人民政府办公室关于加快推进城乡供水一体化建设的实施意见
青政办发〔2024〕17号
各县（区）人民政府，市政府各部门，各直属机构：
　　为加快推进城乡供水一体化建设，全面提升农村供水保障水平，让城乡居民喝上放心水、安全水，\
根据国家和省有关部署要求，结合我市实际，提出如下实施意见。
一、总体要求
　　（一）指导思想。坚持以人民为中心的发展思想，统筹城乡供水基础设施规划建设和运行管理，\
以规模化发展、标准化建设、专业化管护为方向，推动城乡供水同网同质同服务。
　　（二）主要目标。到2026年底，全市城乡供水一体化覆盖率达到百分之九十五以上，农村自来水\
普及率稳定在百分之九十九以上，水质达标率明显提升，基本建成布局合理、设施完善、管理规范的城乡供水体系。
二、重点任务
　　（三）优化水源布局。加强水源地保护，推进备用水源建设，对供水人口在一万人以上的水源地\
全部划定保护区，设立明显标志，定期开展环境状况评估。
　　（四）推进管网延伸。以县为单元推动城市管网向乡镇和农村延伸，对老旧管网实施更新改造，\
管网漏损率控制在百分之十以内。具体包括：
　　1.实施骨干管网连通工程，打通县城与重点镇之间的输水通道，提高区域调配能力。
　　2.实施村级管网改造工程，对使用年限超过二十年的村级管网进行全面排查和分批改造。
　　（五）强化水质保障。健全从水源到水龙头的全过程水质监测体系，县级水质检测中心每月对出厂水\
和末梢水开展检测，检测结果按规定向社会公开，推广使用GIS system管网图。
三、保障措施
　　（六）加强组织领导。各县（区）要成立由政府主要负责同志任组长的工作专班，制定年度计划，\
明确责任分工，确保各项任务按期完成。
　　（七）强化资金保障。统筹用好中央和省级补助资金、地方政府专项债券等资金渠道，鼓励社会资本\
通过特许经营等方式参与项目建设和运营。
　　（八）严格督导考核。将城乡供水一体化建设纳入市政府督查事项，每半年通报一次进展情况，\
对工作推进缓慢的地方进行约谈。
附件：青禾市城乡供水一体化重点项目清单
青禾市人民政府办公室
2024年3月15日
"""
PAGE_FORMATS = ["- {} -", "— {} —", "第 {} 页 共 9 页", "{}/9"]
LINE_KINDS = {"number_spaces", "wrap_join", "heading_split"}
# Characters a line may not begin with: a PDF typesetter keeps them on the line before.
NO_LINE_START = "，。；：、）”"


def _columns(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WFA" else 1


def wrap(doc: str, chars: int) -> list[str]:
    """Every line broken at ``chars`` Han characters of display width, like a PDF page."""
    out: list[str] = []
    for line in doc.split("\n"):
        current, width = "", 0
        for ch in line:
            if width + _columns(ch) > 2 * chars and ch not in NO_LINE_START:
                out.append(current)
                current, width = "", 0
            current += ch
            width += _columns(ch)
        out.append(current)
    return out


def paginate(lines: list[str], every: int, page_format: str) -> tuple[str, int]:
    """A page-number line after every ``every`` lines; the text and the number of pages."""
    out: list[str] = []
    pages = 0
    for i, line in enumerate(lines, 1):
        out.append(line)
        if i % every == 0 and i < len(lines) - 1:
            pages += 1
            out.append(page_format.format(pages))
    return "\n".join(out), pages


def glue(doc: str) -> str:
    """Headings run together with the item under them, as some extractions produce."""
    return doc.replace("一、总体要求\n\u3000\u3000（一）", "一、总体要求（一）").replace(
        "三、保障措施\n\u3000\u3000（六）", "三、保障措施（六）"
    )


def shape(doc: Document) -> list[tuple[object, ...]]:
    return [(e["depth"], e["value"], e["marker"], e["title"]) for e in outline(doc)]


def paragraphs(doc: Document) -> list[str]:
    return [re.sub(r"\s", "", leaf.text) for leaf in doc.leaves() if isinstance(leaf, Paragraph)]


def page_lines(doc: Document) -> list[str]:
    return [leaf.text for leaf in doc.leaves() if isinstance(leaf, Chrome)]


CLEAN = govdoc.parse(NOTICE)


# --- wrapped documents parse like the clean one --------------------------------------------


@pytest.mark.parametrize("chars", [20, 23, 27, 31, 35])
@pytest.mark.parametrize("page_format", PAGE_FORMATS)
@pytest.mark.parametrize("glued", [False, True])
def test_damaged_document_parses_like_clean(chars: int, page_format: str, glued: bool) -> None:
    damaged, pages = paginate(wrap(glue(NOTICE) if glued else NOTICE, chars), 9, page_format)
    assert damaged.count("\n") > NOTICE.count("\n") + 15
    doc = govdoc.parse(damaged)
    assert shape(doc) == shape(CLEAN)
    assert paragraphs(doc) == paragraphs(CLEAN)
    assert len(page_lines(doc)) == pages
    assert {r.kind for r in doc.repairs} >= {"wrap_join"} | ({"heading_split"} if glued else set())


def _fixture_texts() -> list[tuple[str, str]]:
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.txt"))]


@pytest.mark.parametrize(("name", "text"), _fixture_texts(), ids=lambda v: v[:24])
def test_wrapped_fixtures_keep_their_outline(name: str, text: str) -> None:
    want = outline(govdoc.parse(text))
    # Short documents wrapped at a wide margin break too few lines to be told from ordinary
    # text; they are left as they are (and lose nothing), so the margins here are narrow.
    for chars in (20, 23, 26, 29):
        doc = govdoc.parse("\n".join(wrap(text, chars)))
        problems = outline_problems(outline(doc), want, "title")
        assert not problems, (name, chars, problems)
        assert repair(doc.text).text == doc.text


@pytest.mark.parametrize("chars", [20, 28, 35])
def test_join_is_lossless(chars: int) -> None:
    damaged, pages = paginate(wrap(NOTICE, chars), 7, "- {} -")
    result = repair(damaged)
    pages_at = re.compile(r"^- \d+ -$", re.M)
    # Every page-number line is still a line of its own, and nothing else moved or was lost.
    assert len(pages_at.findall(result.text)) == pages
    assert re.sub(r"\s", "", pages_at.sub("", result.text)) == re.sub(
        r"\s", "", pages_at.sub("", damaged)
    )
    joins = [r for r in result.repairs if r.kind == "wrap_join"]
    assert joins
    for r in joins:
        assert result.text[r.span.start : r.span.end] == r.after
        moved = pages_at.findall(r.before)
        # A join removes only line breaks and indents, except where it carries a page number
        # past the rest of its paragraph.
        assert re.sub(r"\s", "", pages_at.sub("", r.before)) == re.sub(
            r"\s", "", pages_at.sub("", r.after)
        )
        assert moved == pages_at.findall(r.after)
        if not moved:
            assert not r.before.strip() and r.after in ("", " ")
    assert repair(result.text).text == result.text


def test_frame_and_closing_are_not_joined() -> None:
    damaged = "\n".join(wrap(NOTICE, 22))
    text = repair(damaged).text.split("\n")
    # The title broke at the margin but belongs to the frame: it keeps its line break.
    assert text[:2] == ["青禾市人民政府办公室关于加快推进城乡供水一体", "化建设的实施意见"]
    assert text[-4:] == [
        "附件：青禾市城乡供水一体化重点项目清单",
        "青禾市人民政府办公室",
        "2024年3月15日",
        "",
    ]
    assert govdoc.parse(damaged).title == CLEAN.title


def test_latin_words_keep_a_space_at_the_seam() -> None:
    lines = wrap(NOTICE, 24)
    at = next(i for i, line in enumerate(lines) if line.startswith("\u3000\u3000（五）"))
    assert len(lines[at + 1]) > 12
    lines[at + 1 : at + 2] = [lines[at + 1][:-2] + "PDF", "file" + lines[at + 1][-2:]]
    result = repair("\n".join(lines))
    assert "PDF file" in result.text
    assert "PDF\nfile" not in result.text


def test_marker_and_blank_line_stop_a_join() -> None:
    lines = wrap(NOTICE, 25)
    at = next(i for i, line in enumerate(lines) if line.startswith("\u3000\u3000为加快"))
    lines[at + 1 : at + 1] = ["2.各县区要把握的原则和要求", lines[at + 1][:3]]
    lines[at + 4 : at + 4] = [""]
    result = repair("\n".join(lines)).text
    assert f"{lines[at].strip()}\n2.各县区" in result
    assert f"\n{lines[at + 2]}\n" in result
    assert f"{lines[at + 3]}\n\n{lines[at + 5]}" in result


def test_indented_line_begins_a_paragraph() -> None:
    lines = wrap(NOTICE, 25)
    at = next(i for i, line in enumerate(lines) if line.startswith("\u3000\u3000（七）"))
    lines[at - 1] = lines[at - 1].rstrip("。")  # the paragraph before ends without a full stop
    result = repair("\n".join(lines)).text
    assert "按期完成\n  （七）" in result


# --- ordinary documents are never touched --------------------------------------------------


def _normal_documents() -> list[Path]:
    return sorted(FIXTURES.glob("*.txt")) + seed_files()


@pytest.mark.parametrize("path", _normal_documents(), ids=lambda p: p.name[:24])
def test_normal_documents_unchanged(path: Path) -> None:
    doc = govdoc.parse_file(path)
    assert [r for r in doc.repairs if r.kind in LINE_KINDS] == []


def test_whole_paragraph_lines_are_not_wrapped() -> None:
    assert wrap_width(NOTICE) is None
    assert wrap_fixes(NOTICE) == []
    assert repair(NOTICE).text == NOTICE.replace("\u3000", " ")
    assert wrap_width("\n".join(wrap(NOTICE, 27))) in range(50, 59)


# --- headings glued to their first item ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "split"),
    [
        ("一、总体要求（一）指导思想。坚持人民至上。", "一、总体要求\n（一）指导思想。"),
        ("一、总体要求 （一）指导思想。坚持人民至上。", "一、总体要求\n（一）指导思想。"),
        ("（一）指导思想1.坚持人民至上。", "（一）指导思想\n1.坚持人民至上。"),
        ("第一章 总则第一条 为了规范管理，制定本办法。", "第一章 总则\n第一条 为了"),
        (
            "二、重点任务\n（三）优化布局。\n三、保障措施（四）加强领导。",
            "三、保障措施\n（四）加强领导。",
        ),
    ],
)
def test_heading_split(text: str, split: str) -> None:
    result = repair(text)
    assert split in result.text
    assert [r.kind for r in result.repairs] == ["heading_split"]
    assert repair(result.text).text == result.text


@pytest.mark.parametrize(
    "text",
    [
        "一、关于（一）类项目的认定",  # a marker-like word after 关于
        "一、总体要求（三）指导思想。",  # not the next item of any level
        "（一）主要目标（二）工作要求",  # the same level twice
        "二、重点任务\n（三）优化布局。\n三、保障措施（六）加强领导。",
        "加快建设（一）期工程",  # no heading before it
    ],
)
def test_heading_not_split(text: str) -> None:
    assert heading_split_fixes(text) == []


# --- spaces inside numbers and 文号 -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        ("按照银发〔 2021〕259号文件要求", "按照银发〔2021〕259号文件要求"),
        ("银发 〔2021〕 259 号", "银发〔2021〕259号"),
        ("京政办发[2020] 3号", "京政办发[2020]3号"),
        ("国发〔2 021〕12号", "国发〔2021〕12号"),
        ("到2 021年底完成", "到2021年底完成"),
        ("2 0 2 4年3月15日", "2024年3月15日"),
    ],
)
def test_number_spaces_closed(text: str, closed: str) -> None:
    result = repair(text)
    assert result.text == closed
    assert {r.kind for r in result.repairs} == {"number_spaces"}


@pytest.mark.parametrize(
    "text",
    [
        "依照第 5 条的规定",
        "2024 年 3 月 15 日",
        "共 1 2 3 4 5年",
        "第 1 页 共 5 页",
        "- 1 -",
        "增长 1 2 个百分点",
        "标准 (2019) 12项",
    ],
)
def test_number_spaces_kept(text: str) -> None:
    assert number_space_fixes(text) == []


# --- idempotence on damaged documents of every kind --------------------------------------


@settings(max_examples=150)
@given(
    st.sampled_from(_fixture_texts()),
    st.integers(12, 40),
    st.integers(3, 20),
    st.sampled_from(PAGE_FORMATS),
    st.booleans(),
)
def test_repair_of_wrapped_fixtures_is_idempotent(
    fixture: tuple[str, str], chars: int, every: int, page_format: str, glued: bool
) -> None:
    text = fixture[1]
    damaged, _ = paginate(wrap(glue(text) if glued else text, chars), every, page_format)
    once = repair(damaged)
    for r in once.repairs:
        assert once.text[r.span.start : r.span.end] == r.after
    twice = repair(once.text)
    assert twice.text == once.text
    assert twice.repairs == ()
