"""Word files built here with python-docx, automatic numbering written into numbering.xml."""

from __future__ import annotations

import io
import re

import pytest

import govdoc
from govdoc.nodes import Chrome, Section

docx = pytest.importorskip("docx")
from lxml import etree  # noqa: E402  (python-docx requires lxml)

from govdoc.docxnumbering import NumberingState, format_number, read_numbering  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

TYPED = """关于做好防汛工作的通知
各镇人民政府，各有关单位：
为切实做好今年防汛工作，现将有关事项通知如下。
一、总体要求
（一）压实责任。各单位要落实防汛责任制。
1.明确分工。
2.加强值守。
（二）强化预警。及时发布预警信息。
二、工作措施
（一）排查隐患。全面排查重点部位。
1.水库。
2.山塘。
三、保障措施
各单位要加强组织领导。
某某县人民政府办公室
2024年5月6日
"""

# Three levels as a Chinese office writes them: 一、 / （一） / 1.
ABSTRACT = f"""<w:abstractNum xmlns:w="{W}" w:abstractNumId="7">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
    <w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>"""
MARKER = re.compile(r"([一二三])、|（([一二三])）|(\d)\.")
NUM = f'<w:num xmlns:w="{W}" w:numId="3"><w:abstractNumId w:val="7"/></w:num>'


def _numbered(paragraph: object, level: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    num_pr = etree.SubElement(p_pr, f"{{{W}}}numPr")
    etree.SubElement(num_pr, f"{{{W}}}ilvl").set(f"{{{W}}}val", str(level))
    etree.SubElement(num_pr, f"{{{W}}}numId").set(f"{{{W}}}val", "3")


def _auto_numbered_docx() -> bytes:
    """TYPED as a Word file whose markers come from numbering.xml, not from the text."""
    word = docx.Document()
    numbering = word.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    numbering.append(etree.fromstring(ABSTRACT))
    numbering.append(etree.fromstring(NUM))
    for line in TYPED.splitlines():
        typed = MARKER.match(line)
        if typed is None:
            word.add_paragraph(line)
        else:
            level = next(k for k, group in enumerate(typed.groups()) if group)
            _numbered(word.add_paragraph(line[typed.end() :]), level)
    word.sections[0].header.paragraphs[0].text = "某某县人民政府网站"
    word.sections[0].footer.paragraphs[0].text = "第 1 页"
    buf = io.BytesIO()
    word.save(buf)
    return buf.getvalue()


def _shape(doc: govdoc.Document) -> list[tuple[int, int | None, str, str]]:
    return [(e["depth"], e["value"], e["marker"], e["title"]) for e in govdoc.outline(doc)]


def test_auto_numbering_outline_equals_typed_text() -> None:
    data = _auto_numbered_docx()
    doc = govdoc.parse(data)
    typed = govdoc.parse(TYPED)
    assert _shape(doc) == _shape(typed)
    assert [e[2] for e in _shape(doc)][:4] == ["一、", "（一）", "1.", "2."]
    assert govdoc.meta(doc)["title"] == govdoc.meta(typed)["title"]


def test_headers_and_footers_are_chrome_outside_sections() -> None:
    doc = govdoc.parse(_auto_numbered_docx())
    chrome = {c.text: c.kind for c in doc.leaves() if isinstance(c, Chrome)}
    assert chrome == {"某某县人民政府网站": "header", "第 1 页": "footer"}
    for section in (s for top in doc.sections for s in top.walk()):
        assert "某某县人民政府网站" not in section.span.slice(doc.text)


def test_sources_point_at_body_paragraphs() -> None:
    doc = govdoc.parse(_auto_numbered_docx(), format="docx")
    paths = [s.path for s in doc.sources]
    assert paths[0].startswith("word/header")
    assert paths[1] == "word/document.xml#0"
    assert all(s.span.slice(doc.text).strip() for s in doc.sources)


def test_tables_are_rows_of_cells() -> None:
    word = docx.Document()
    word.add_paragraph("附件")
    table = word.add_table(rows=2, cols=2)
    for r, row in enumerate([("单位", "任务"), ("县水利局", "巡查水库")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    buf = io.BytesIO()
    word.save(buf)
    doc = govdoc.parse(buf.getvalue())
    assert doc.text.splitlines()[1:] == ["单位 任务", "县水利局 巡查水库"]
    assert doc.sources[2].path == "word/document.xml#1/tr[1]"


def test_counters_restart_deeper_levels_and_follow_start_override() -> None:
    xml = (
        f'<w:numbering xmlns:w="{W}">{ABSTRACT}{NUM}'
        f'<w:num w:numId="4"><w:abstractNumId w:val="7"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
        "</w:numbering>"
    ).encode()
    state = NumberingState(read_numbering(xml))
    seen = [state.marker(n, lvl)[0] for n, lvl in [("3", 0), ("3", 1), ("3", 1), ("3", 0)]]
    seen += [state.marker(n, lvl)[0] for n, lvl in [("3", 1), ("4", 0), ("4", 1), ("9", 0)]]
    assert seen == ["一、", "（一）", "（二）", "二、", "（一）", "五、", "（一）", ""]


@pytest.mark.parametrize(
    ("n", "fmt", "text"),
    [
        (10, "chineseCounting", "十"),
        (21, "chineseCounting", "二十一"),
        (105, "chineseCountingThousand", "一百零五"),
        (3, "ideographTraditional", "丙"),
        (28, "lowerLetter", "bb"),
        (4, "upperRoman", "IV"),
        (3, "decimalEnclosedCircle", "③"),
        (12, "chineseLegalSimplified", "拾贰"),
    ],
)
def test_number_formats(n: int, fmt: str, text: str) -> None:
    assert format_number(n, fmt) == text


def test_damaged_docx_is_a_decode_error() -> None:
    data = _auto_numbered_docx()
    with pytest.raises(govdoc.GovdocError):
        govdoc.parse(data[:200] + bytes(200), format="docx")


def test_sections_nest_like_typed() -> None:
    doc = govdoc.parse(_auto_numbered_docx())
    first = doc.sections[0]
    assert isinstance(first, Section)
    assert [c.marker.raw for c in first.children] == ["（一）", "（二）"]


def test_dict_round_trip_keeps_sources() -> None:
    doc = govdoc.parse(_auto_numbered_docx())
    assert doc.sources and govdoc.from_dict(govdoc.to_dict(doc)) == doc


def test_style_numbering_and_symbol_bullets() -> None:
    word = docx.Document()
    word.add_paragraph("关于开展检查的通知")
    for text in ("检查范围", "检查方式"):
        word.add_paragraph(text, style="List Number")
    word.add_paragraph("重点单位", style="List Bullet")
    buf = io.BytesIO()
    word.save(buf)
    doc = govdoc.parse(buf.getvalue())
    assert doc.text.splitlines()[1:] == ["1. 检查范围", "2. 检查方式", "● 重点单位"]
