"""Government web pages written here in the style of real sites, and the corpus pages."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

import govdoc
from govdoc.errors import MissingExtraError
from govdoc.formats import sniff_format
from govdoc.nodes import Chrome, Document, Section

from .conftest import SHARED
from .test_lossless import assert_lossless

lxml_html = pytest.importorskip("lxml.html")

CHROME_WORDS = ("版权所有", "ICP备", "网站地图", "当前位置", "扫一扫")

HEAD = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>关于做好秋冬季森林防火工作的通知_某某市人民政府</title>
<style>.nav li {{ float: left; }}</style>
<script>var site = "某某市人民政府"; document.write("统计");</script></head>
<body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a>
</li><li><a href="/bs">政务服务</a></li><li><a href="/hd">互动交流</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt;
<a href="/zwgk">政务公开</a> &gt; 通知公告</div>
"""

BODY = """<p style="text-align:center">某政办〔2024〕15号</p>
<p style="text-align:center"><strong>某某市人民政府办公室关于做好秋冬季森林防火工作的通知
</strong></p>
<p>各县（区）人民政府，市政府各部门：</p>
<p>&#12288;&#12288;为切实做好今年秋冬季森林防火工作，经市政府同意，现将有关事项通知如下：</p>
<p>&#12288;&#12288;<strong>一、提高思想认识</strong></p>
<p>&#12288;&#12288;（一）压实&ldquo;四方&rdquo;责任。各地要层层落实防火责任。</p>
<p>&#12288;&#12288;（二）加强宣传教育。<br>1.开展进村入户宣传；<br>2.设置防火警示牌。</p>
<p>&#12288;&#12288;<strong>二、强化火源管控</strong></p>
<p>&#12288;&#12288;（一）严格野外用火审批。&nbsp;未经批准，一律不得野外用火。</p>
<p>&#12288;&#12288;（二）加强巡查。各地要组织力量开展巡查。</p>
<p style="text-align:right">某某市人民政府办公室</p>
<p style="text-align:right">2024年10月8日</p>
"""

TAIL = """<div class="share">分享到：<a>微信</a> <a>微博</a></div>
<div class="ewm">扫一扫在手机打开当前页</div>
<div class="related"><h3>相关文件</h3>
<ul><li><a href="/a">关于做好春季森林防火工作的通知</a></li></ul>
</div>
<div class="footer"><p>主办单位：某某市人民政府办公室 版权所有</p>
<p>网站标识码：1234000001 某ICP备12345678号 <a href="/map">网站地图</a></p></div>
</body></html>
"""

INFO_TABLE = """<table class="xxgk"><tr><td>索引号：</td><td>11400000MB1234567X/2024-00015</td>
<td>主题分类：</td><td>农业、林业</td></tr>
<tr><td>发文机关：</td><td>某某市人民政府办公室</td><td>成文日期：</td><td>2024-10-08</td></tr>
<tr><td>文号：</td><td>某政办〔2024〕15号</td><td>发布日期：</td><td>2024-10-10</td></tr></table>
"""

INFO_LIST = """<dl class="meta"><dt>索 引 号：</dt><dd>11400000MB1234567X/2024-00015</dd>
<dt>发文机关：</dt><dd>某某市人民政府办公室</dd><dt>成文日期：</dt><dd>2024-10-08</dd>
<dt>发布日期：</dt><dd>2024-10-10</dd></dl>
"""

CMS_PAGE = (
    HEAD
    + INFO_TABLE
    + '<h1 class="title">某某市人民政府办公室关于做好秋冬季森林防火工作的通知</h1>'
    + '<div class="zoom-controls">字号：<a>大</a> <a>中</a> <a>小</a></div>'
    + f'<div id="zoom"><div class="TRS_Editor">{BODY}</div></div>'
    + TAIL
)
# No CMS class anywhere: the content is found by where the prose is.
BARE_PAGE = (
    HEAD
    + INFO_LIST
    + '<div class="w1200"><div class="left"><ul><li><a>通知公告</a></li><li><a>政策文件</a></li>'
    + "</ul></div>"
    + f'<div class="right"><div class="box">{BODY}</div></div></div>'
    + TAIL
)
# BODY as a reader would type it out of the page.
TYPED = """某政办〔2024〕15号
某某市人民政府办公室关于做好秋冬季森林防火工作的通知
各县（区）人民政府，市政府各部门：
　　为切实做好今年秋冬季森林防火工作，经市政府同意，现将有关事项通知如下：
　　一、提高思想认识
　　（一）压实“四方”责任。各地要层层落实防火责任。
　　（二）加强宣传教育。
1.开展进村入户宣传；
2.设置防火警示牌。
　　二、强化火源管控
　　（一）严格野外用火审批。 未经批准，一律不得野外用火。
　　（二）加强巡查。各地要组织力量开展巡查。
某某市人民政府办公室
2024年10月8日
"""
MARKERS = ["一、", "（一）", "（二）", "1.", "2.", "二、", "（一）", "（二）"]


def _outline(doc: Document) -> list[tuple[int, str, str]]:
    return [(e["depth"], e["marker"], e["title"]) for e in govdoc.outline(doc)]


def _section_texts(doc: Document) -> list[str]:
    return [
        s.span.slice(doc.text)
        for sub in doc.documents()
        for top in sub.sections
        for s in top.walk()
    ]


def _page(html: str) -> Document:
    return govdoc.parse(html.format(charset="utf-8").encode("utf-8"))


@pytest.mark.parametrize("html", [CMS_PAGE, BARE_PAGE], ids=["cms", "bare"])
def test_page_gives_the_documents_outline_and_metadata(html: str) -> None:
    doc = _page(html)
    assert _outline(doc) == _outline(govdoc.parse(TYPED))
    assert [marker for _, marker, _ in _outline(doc)] == MARKERS
    meta = govdoc.meta(doc)
    assert meta["title"] == "某某市人民政府办公室关于做好秋冬季森林防火工作的通知"
    assert meta["doc_number"]["text"] == "某政办〔2024〕15号"
    assert meta["date"] == "2024-10-08"
    assert meta["index_number"] == "11400000MB1234567X/2024-00015"
    assert meta["recipients"] == "各县（区）人民政府，市政府各部门"
    assert_lossless(doc)


@pytest.mark.parametrize("html", [CMS_PAGE, BARE_PAGE], ids=["cms", "bare"])
def test_page_chrome_is_kept_aside(html: str) -> None:
    doc = _page(html)
    chrome = " ".join(leaf.text for leaf in doc.leaves() if isinstance(leaf, Chrome))
    for word in (*CHROME_WORDS, "政务服务", "分享到"):
        assert word in chrome
        assert not any(word in text for text in _section_texts(doc))
    assert "document.write" not in doc.text and "float: left" not in doc.text


def test_info_table_rows_are_label_value_lines() -> None:
    doc = _page(CMS_PAGE)
    lines = doc.text.splitlines()
    assert "索引号： 11400000MB1234567X/2024-00015 主题分类： 农业、林业" in lines
    assert "发文机关： 某某市人民政府办公室 成文日期： 2024-10-08" in lines


def test_entities_and_breaks_become_text_and_lines() -> None:
    doc = _page(CMS_PAGE)
    assert "压实“四方”责任" in doc.text
    assert "当前位置：首页 > 政务公开 > 通知公告" in doc.text
    assert "（二）加强宣传教育。\n1.开展进村入户宣传；\n2.设置防火警示牌。" in doc.text


def test_sources_lead_back_to_elements() -> None:
    html = CMS_PAGE.format(charset="utf-8")
    doc = govdoc.parse(html)
    tree = lxml_html.document_fromstring(html).getroottree()
    assert len(doc.sources) == len(doc.text.splitlines())
    for ref in doc.sources:
        element = tree.xpath(ref.path)[0]
        words = ref.span.slice(doc.text).split()
        assert words[0] in " ".join(element.text_content().split())
    number = next(r for r in doc.sources if r.span.slice(doc.text).startswith("某政办"))
    element = tree.xpath(number.path)[0]
    assert element.tag == "p" and element.getparent().get("class") == "TRS_Editor"


def test_page_in_gbk_with_declared_charset() -> None:
    data = CMS_PAGE.format(charset="gbk").encode("gbk")
    doc = govdoc.parse(data)
    assert doc.encoding == "gb18030"
    assert _outline(doc) == _outline(govdoc.parse(TYPED))


def test_format_is_sniffed_from_content() -> None:
    assert sniff_format(CMS_PAGE) == "html"
    assert sniff_format(b"\xef\xbb\xbf  <!-- x -->\n<html><body>") == "html"
    assert sniff_format("<div class=content><p>正文</p></div>") == "html"
    assert sniff_format("关于做好工作的通知\n一、总体要求\n") == "text"
    assert sniff_format("<!-- INFO END -->\n# 标题\n") == "text"


def test_format_in_text_keeps_the_markup_as_text() -> None:
    doc = govdoc.parse(CMS_PAGE.format(charset="utf-8"), format="text")
    assert "<p" in doc.text and not doc.sources


def test_missing_extra_names_the_pip_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m == "lxml" or m.startswith(("lxml.", "govdoc.html"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "lxml", None)
    with pytest.raises(MissingExtraError, match=re.escape("pip install govdoc[html]")):
        govdoc.parse("<html><body><p>正文</p></body></html>")


def test_cli_reads_html_and_honours_format_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from govdoc.cli import main

    page = tmp_path / "notice.html"
    page.write_text(CMS_PAGE.format(charset="utf-8"), encoding="utf-8")
    assert main(["outline", str(page)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "一、 提高思想认识"
    assert main(["outline", "--format-in", "text", str(page)]) == 0
    assert capsys.readouterr().out == ""  # markup lines start with no marker


CORPUS = SHARED / "corpus"
CORPUS_PAGES = sorted(CORPUS.glob("*.html")) if CORPUS.is_dir() else []
_NUMBERED = re.compile(r"^\s*(?:一、|第一条|第一章|（一）)", re.MULTILINE)


@pytest.mark.skipif(not CORPUS_PAGES, reason="no corpus HTML beside the repository")
@pytest.mark.parametrize("path", CORPUS_PAGES, ids=lambda p: p.name)
def test_corpus_page_parses_without_chrome_in_sections(path: Path) -> None:
    doc = govdoc.parse_file(path)
    assert_lossless(doc)
    assert not [w for text in _section_texts(doc) for w in CHROME_WORDS if w in text]
    if _NUMBERED.search(doc.text):
        assert govdoc.outline(doc)
    assert all(isinstance(s, Section) for sub in doc.documents() for s in sub.sections)


def test_dict_round_trip_keeps_sources() -> None:
    doc = _page(CMS_PAGE)
    assert doc.sources and govdoc.from_dict(govdoc.to_dict(doc)) == doc


def test_page_output_matches_the_document_schema() -> None:
    import json

    jsonschema = pytest.importorskip("jsonschema")
    schema_path = Path(__file__).parent.parent / "docs" / "schema" / "document.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    errors = list(
        jsonschema.Draft202012Validator(schema).iter_errors(govdoc.to_dict(_page(BARE_PAGE)))
    )
    assert not errors, errors[0].message
