"""Metadata grammar and extraction: 发文字号, dates, info-table lines, references, department
notes and inline enumerations. Every input string here is written for the test, in the genre
of the real pages (glued info tables, odd brackets, Chinese-numeral dates, traditional script)."""

from __future__ import annotations

import datetime
import re
import time
from concurrent.futures import ThreadPoolExecutor
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdoc import infotable, metadatagrammar
from govdoc.metadata import (
    KEYS,
    doc_number_problems,
    find_dates,
    find_departments,
    find_doc_numbers,
    find_inline_items,
    find_references,
    parse_date,
    parse_doc_number,
    parse_info_line,
)
from govdoc.nodes import Span

# --- the grammar file ----------------------------------------------------------------------


def _grammar_text() -> str:
    return resources.files("govdoc.grammars").joinpath("metadata.lark").read_text("utf-8")


def test_grammar_ships_in_the_grammars_package() -> None:
    assert "doc_number" in _grammar_text()


def test_every_terminal_cites_the_standard_or_a_variant() -> None:
    # House style: each terminal names the GB/T 9704-2012 rule it implements or the real-world
    # variant it tolerates, in the comment block above it (or above its group, as OPEN/CLOSE).
    lines = _grammar_text().splitlines()
    for i, line in enumerate(lines):
        if not re.match(r"[A-Z_]+\s*:", line):
            continue
        j = i - 1
        while j >= 0 and not lines[j].startswith("//"):
            j -= 1
        block = []
        while j >= 0 and lines[j].startswith("//"):
            block.append(lines[j])
            j -= 1
        text = " ".join(block)
        assert "§" in text or "variant" in text.lower(), line


def test_grammar_is_compiled_once() -> None:
    assert metadatagrammar.parser() is metadatagrammar.parser()


# --- 发文字号 ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "issuer", "year", "serial", "problems"),
    [
        ("川府发〔2020〕12号", "川府发", 2020, 12, []),
        ("国办函〔2021〕3号", "国办函", 2021, 3, []),
        ("湘政办函[2018]7号", "湘政办函", 2018, 7, ["doc-number-brackets"]),
        ("鲁卫发【2021】33号", "鲁卫发", 2021, 33, ["doc-number-brackets"]),
        ("浙科发规［2019］5号", "浙科发规", 2019, 5, ["doc-number-brackets"]),
        ("苏财规（2022）4号", "苏财规", 2022, 4, ["doc-number-brackets"]),
        ("粤建发(2017)88号", "粤建发", 2017, 88, ["doc-number-brackets"]),
        ("陕教﹝2016﹞21号", "陕教", 2016, 21, ["doc-number-brackets"]),
        ("冀政字〔2020〕9", "冀政字", 2020, 9, ["doc-number-no-hao"]),
        ("闽政〔2019]6号", "闽政", 2019, 6, ["doc-number-brackets"]),
        ("京人社发〔 2023〕101号", "京人社发", 2023, 101, ["doc-number-spaces"]),
        ("豫政〔2019〕第3号", "豫政", 2019, 3, ["doc-number-ordinal"]),
        ("黔府办发〔2020〕007号", "黔府办发", 2020, 7, ["doc-number-padded"]),
        ("沪府发〔２０２０〕５号", "沪府发", 2020, 5, []),
        ("某某市人民政府令第210号", "某某市人民政府令", None, 210, []),
        ("国务院令第700号", "国务院令", None, 700, []),
        (
            "中华人民共和国国务院令　第701号",
            "中华人民共和国国务院令",
            None,
            701,
            ["doc-number-spaces"],
        ),
        ("交通运输部令〔2019〕第12号", "交通运输部令", 2019, 12, []),
        ("某某银行令〔2015〕第 4号", "某某银行令", 2015, 4, ["doc-number-spaces"]),
    ],
)
def test_parse_doc_number(
    text: str, issuer: str, year: int | None, serial: int, problems: list[str]
) -> None:
    dn = parse_doc_number(text)
    assert dn is not None
    assert (dn.text, dn.issuer_code, dn.year, dn.serial) == (text, issuer, year, serial)
    assert dn.span == Span(0, len(text))
    assert doc_number_problems(dn) == problems


def test_parse_doc_number_offset_whitespace_and_enclosing_brackets() -> None:
    dn = parse_doc_number("  辽政发〔2018〕14号 ", offset=100)
    assert dn is not None and dn.text == "辽政发〔2018〕14号"
    assert dn.span == Span(102, 114)
    wrapped = "（新疆某某发〔2012〕24号）"
    dn = parse_doc_number(wrapped, offset=10)
    assert dn is not None and dn.issuer_code == "新疆某某发"
    assert dn.span == Span(11, 10 + len(wrapped) - 1)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "国发",
        "〔2019〕1号",
        "第16号",
        "（第16号）",
        "国发〔19〕1号",
        "国发〔2019〕号",
        "国发〔2019〕1号号",
        "A国发〔2019〕1号",
        "2018年11月23日",
        "关于印发某某方案的通知（国发〔2019〕1号）",
        "国发〔2019〕1号" * 10,
    ],
)
def test_parse_doc_number_rejects(text: str) -> None:
    assert parse_doc_number(text) is None


def _found(text: str) -> list[tuple[str, str, int | None, int | None]]:
    return [(d.text, d.issuer_code, d.year, d.serial) for d in find_doc_numbers(text)]


def test_find_doc_numbers_in_running_text() -> None:
    text = (
        "按照《辽宁省人民政府关于加快某某产业发展的意见》（辽政发〔2017〕12号）要求，制定本方案。"
    )
    assert _found(text) == [("辽政发〔2017〕12号", "辽政发", 2017, 12)]
    text = "根据国办发〔2019〕5号和湘政发〔2020〕3号文件精神"
    assert _found(text) == [
        ("国办发〔2019〕5号", "国办发", 2019, 5),
        ("湘政发〔2020〕3号", "湘政发", 2020, 3),
    ]
    text = "依据《某某条例》（国务院令第699号）的规定，依照中华人民共和国国务院令 第702号执行"
    assert _found(text) == [
        ("国务院令第699号", "国务院令", None, 699),
        ("中华人民共和国国务院令 第702号", "中华人民共和国国务院令", None, 702),
    ]
    text = "（2020年5月1日某某省人民政府令第300号公布，二〇二一年一月二日国务院令第9号修订）"
    assert [d.issuer_code for d in find_doc_numbers(text)] == ["某某省人民政府令", "国务院令"]
    text = "《某办法》（某某银行令〔2010〕第3号）同时废止。"
    assert _found(text) == [("某某银行令〔2010〕第3号", "某某银行令", 2010, 3)]


def test_find_doc_numbers_spans_index_the_text() -> None:
    text = "前言。\n转发京经信发〔2021〕7号、粤府函[2020]15号及黑政规(2019)2号。"
    found = find_doc_numbers(text, offset=1000)
    assert [d.issuer_code for d in found] == ["京经信发", "粤府函", "黑政规"]
    for dn in found:
        assert text[dn.span.start - 1000 : dn.span.end - 1000] == dn.text


def test_find_doc_numbers_missing_hao_in_running_text() -> None:
    # 〔〕 alone marks a 文号 even without 号 …
    assert _found("（粤府〔2016〕51）") == [("粤府〔2016〕51", "粤府", 2016, 51)]
    # … round brackets followed by more text do not: a figure, not a number.
    assert _found("新增标准(2019)12项，修订(2020)3部") == []
    assert _found("到2020年，全市达到2.5%，(2021—2023年)") == []


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018年11月23日", datetime.date(2018, 11, 23)),
        ("2019年1月5日", datetime.date(2019, 1, 5)),
        ("2019 年 1 月 5 日", datetime.date(2019, 1, 5)),
        ("2021年3月8号", datetime.date(2021, 3, 8)),
        ("２０２１年３月８日", datetime.date(2021, 3, 8)),
        ("二〇一八年十一月二十三日", datetime.date(2018, 11, 23)),
        ("二○一三年一月八日", datetime.date(2013, 1, 8)),
        ("二零二零年二月二十九日", datetime.date(2020, 2, 29)),
        ("一九九八年十二月三十一日", datetime.date(1998, 12, 31)),
        ("二〇〇八年八月八日", datetime.date(2008, 8, 8)),
        ("二〇一六年十一月十日", datetime.date(2016, 11, 10)),
        ("二〇一六年十一月二十日", datetime.date(2016, 11, 20)),
        ("2019-10-24", datetime.date(2019, 10, 24)),
        ("2019-1-4", datetime.date(2019, 1, 4)),
        ("2019.10.24", datetime.date(2019, 10, 24)),
        ("2019/10/24", datetime.date(2019, 10, 24)),
        ("2019－10－24", datetime.date(2019, 10, 24)),
        ("2020-05-06 10:15:30", datetime.date(2020, 5, 6)),
        ("2020-05-06 10:15", datetime.date(2020, 5, 6)),
        ("2019年11月6日 9：30", datetime.date(2019, 11, 6)),
        ("  2019-10-24\n", datetime.date(2019, 10, 24)),
    ],
)
def test_parse_date(text: str, expected: datetime.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2019年2月29日",
        "2020年2月30日",
        "2019-13-01",
        "2019-04-31",
        "2019年0月1日",
        "二〇一九年十三月一日",
        "二〇一九年二月三十日",
        "2019-10-24 24:00",
        "2019-10-24 08:61",
        "2019年",
        "2019年10月",
        "2019-10",
        "20191024",
        "2019-10/24",
        "去年十月",
        "十一月二十三日",
        "",
    ],
)
def test_parse_date_rejects(text: str) -> None:
    assert parse_date(text) is None


def test_find_dates_in_running_text() -> None:
    text = (
        "本办法自2021年5月1日起施行。到2020年，完成2019年10月的目标。"
        "发布时间：2020-05-06 10:15:30，二〇一八年十一月二十三日印发。"
        "索引号12345678-9/2020-02343，2019年2月30日。"
    )
    found = find_dates(text, offset=5)
    assert [d for d, _ in found] == [
        datetime.date(2021, 5, 1),
        datetime.date(2020, 5, 6),
        datetime.date(2018, 11, 23),
    ]
    slices = [text[s.start - 5 : s.end - 5] for _, s in found]
    assert slices == ["2021年5月1日", "2020-05-06 10:15:30", "二〇一八年十一月二十三日"]


# --- info-table lines ----------------------------------------------------------------------


def _fields(line: str) -> list[tuple[str, str, str]]:
    return [(f.key, f.label, f.value) for f in parse_info_line(line)]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # keys glued to their values, empty values, several pairs on a line
        (
            "索引号11530000MB1234567X/2021-00042",
            [("index_number", "索引号", "11530000MB1234567X/2021-00042")],
        ),
        (
            "发文字号 成文日期2021-03-15",
            [("doc_number", "发文字号", ""), ("date", "成文日期", "2021-03-15")],
        ),
        (
            "发文机关某县人民政府办公室 主题词",
            [("issuer", "发文机关", "某县人民政府办公室"), ("keywords", "主题词", "")],
        ),
        (
            "标题关于印发《某县乡村振兴实施方案》的通知",
            [("title", "标题", "关于印发《某县乡村振兴实施方案》的通知")],
        ),
        (
            "主题分类 发布日期2021-03-16",
            [("subject", "主题分类", ""), ("published", "发布日期", "2021-03-16")],
        ),
        ("发文字号某政办发〔2021〕8号", [("doc_number", "发文字号", "某政办发〔2021〕8号")]),
        # separators, both scripts
        (
            "來源:本站 日期:2018-05-02 點擊:次",
            [("source", "來源", "本站"), ("date", "日期", "2018-05-02"), ("clicks", "點擊", "次")],
        ),
        ("發文機關：某市人民政府", [("issuer", "發文機關", "某市人民政府")]),
        ("發佈日期：2022-07-01", [("published", "發佈日期", "2022-07-01")]),
        (
            "发布日期：2023-06-01\u00a0\u00a0浏览次数：35",
            [("published", "发布日期", "2023-06-01"), ("clicks", "浏览次数", "35")],
        ),
        (
            "索　引　号：000014349/2020-00123",
            [("index_number", "索　引　号", "000014349/2020-00123")],
        ),
        ("签 发 人：李某某", [("signer", "签 发 人", "李某某")]),
        ("索引号：", [("index_number", "索引号", "")]),
        ("主题词", [("keywords", "主题词", "")]),
        ("**来源**: 某某网站", [("source", "来源", "某某网站")]),
        ("- 发布时间：2020-05-06 10:00", [("published", "发布时间", "2020-05-06 10:00")]),
        # a widget date stays as written: the caller decides what it is worth
        ("  时间：2022-01-05    大   中   小  ", [("time", "时间", "2022-01-05    大   中   小")]),
        (
            "| 发布机构 | 某市统计局 | 公开方式 | 主动公开 |",
            [("publisher", "发布机构", "某市统计局"), ("disclosure", "公开方式", "主动公开")],
        ),
        (
            "有效性：有效 生效日期：2020-01-01 废止日期：",
            [
                ("validity", "有效性", "有效"),
                ("effective", "生效日期", "2020-01-01"),
                ("repealed", "废止日期", ""),
            ],
        ),
        (
            "体裁分类：通知 组配分类：政策文件",
            [("genre", "体裁分类", "通知"), ("category", "组配分类", "政策文件")],
        ),
        ("信息来源：某市政府办公室", [("source", "信息来源", "某市政府办公室")]),
        ("作者：张某 责任编辑：王某", [("author", "作者", "张某"), ("editor", "责任编辑", "王某")]),
        ("名称：某某市公共数据管理办法", [("title", "名称", "某某市公共数据管理办法")]),
        (
            "原文链接：关于印发某某办法的通知",
            [("original_link", "原文链接", "关于印发某某办法的通知")],
        ),
        (
            "文号：某府规〔2024〕3号；发文日期：2024-07-26",
            [("doc_number", "文号", "某府规〔2024〕3号"), ("date", "发文日期", "2024-07-26")],
        ),
        # a label inside a glued value is part of the value, not a key
        (
            "标题关于规范信息来源管理的通知",
            [("title", "标题", "关于规范信息来源管理的通知")],
        ),
    ],
)
def test_parse_info_line(line: str, expected: list[tuple[str, str, str]]) -> None:
    assert _fields(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "",
        "一、指导思想",
        "时间就是生命，效率就是金钱。",
        "时间为两个工作日。",
        "时间紧、任务重",
        "来源于群众的意见建议",
        "来源包括：财政拨款、社会捐赠",
        "标题要简洁明了，准确概括内容。",
        "标题应当准确简要地概括公文的主要内容",
        "日期间组织开展检查",
        "作者、编者和出版者",
        "作者应当对稿件负责。",
        "分类指导，精准施策。",
        "名称变更的，应当办理变更登记。",
        "点击量持续增长",
        "有效性审查",
        # weak labels glued alone: chrome and column heads, not fields
        "栏目资讯",
        "时间",
        "来源未知",
        "日期：" + "很长的正文内容。" * 50,
        "作者：某某。他认为应当加强管理。并提出三点意见。",
    ],
)
def test_parse_info_line_rejects_prose(line: str) -> None:
    assert parse_info_line(line) == []


def test_parse_info_line_spans() -> None:
    line = "来源:本站 日期:2018-05-02 點擊:次"
    fields = parse_info_line(line, offset=40)
    assert [line[f.span.start - 40 : f.span.end - 40] for f in fields] == [
        "来源:本站",
        "日期:2018-05-02",
        "點擊:次",
    ]
    (empty,) = parse_info_line("  主题词：", offset=3)
    assert empty.span == Span(5, 9)


def test_keys_vocabulary() -> None:
    assert KEYS["來源"] == KEYS["来源"] == "source"
    assert KEYS["發文機關"] == "issuer"
    assert KEYS["索引號"] == "index_number"
    assert KEYS["點擊"] == "clicks"
    assert KEYS["統一編號"] == "registration_number"
    assert KEYS["文件狀態"] == KEYS["效力狀態"] == "validity"
    assert KEYS["公開範圍"] == "disclosure_scope"
    assert KEYS["瀏覽次數"] == "clicks"
    assert KEYS["簽發人"] == "signer"
    assert KEYS["發佈日期"] == KEYS["發布日期"] == "published"
    with pytest.raises(TypeError):
        KEYS["新键"] = "x"  # type: ignore[index]
    # every normalised key is documented in the vocabulary table of the module docstring
    doc = infotable.__doc__ or ""
    for key in set(KEYS.values()):
        assert re.search(rf"^{key}\s", doc, re.M), key


# --- references ----------------------------------------------------------------------------


def test_find_references_with_and_without_numbers() -> None:
    text = (
        "按照《某某市关于加快创新发展的意见》（某政发〔2019〕8号）和《某某市科技计划管理办法》"
        "要求，参照《某某条例》(国务院令第600号)，制定《某某市创新券实施细则（2021—2023年）》"
        "（以下简称《细则》）。"
    )
    refs = find_references(text, offset=7)
    assert [r.title for r in refs] == [
        "某某市关于加快创新发展的意见",
        "某某市科技计划管理办法",
        "某某条例",
        "某某市创新券实施细则（2021—2023年）",
    ]
    numbers = [r.doc_number.text if r.doc_number else None for r in refs]
    assert numbers == ["某政发〔2019〕8号", None, "国务院令第600号", None]
    assert refs[0].doc_number is not None and refs[0].doc_number.year == 2019
    slices = [text[r.span.start - 7 : r.span.end - 7] for r in refs]
    assert slices[0] == "《某某市关于加快创新发展的意见》（某政发〔2019〕8号）"
    assert slices[1] == "《某某市科技计划管理办法》"
    assert slices[2] == "《某某条例》(国务院令第600号)"


def test_find_references_nesting_and_adjacent_numbers() -> None:
    text = "转发《关于印发〈某某方案〉的通知》（某办发〔2020〕3号），《关于印发《某某规划》的通知》"
    refs = find_references(text)
    assert [r.title for r in refs] == ["关于印发〈某某方案〉的通知", "关于印发《某某规划》的通知"]
    assert refs[0].doc_number is not None and refs[0].doc_number.issuer_code == "某办发"
    refs = find_references("依据《某某办法》某政发〔2018〕2号的规定")
    assert refs[0].doc_number is not None and refs[0].doc_number.serial == 2
    assert refs[0].span == Span(2, 2 + len("《某某办法》某政发〔2018〕2号"))


def test_find_references_edge_cases() -> None:
    assert find_references("《》和《 》") == []
    assert [r.title for r in find_references("《某某《某某办法》")] == ["某某办法"]
    assert find_references("《未闭合的书名号\n下一行》") == []
    (ref,) = find_references("《某某规划》（2021年修订）")
    assert ref.doc_number is None and ref.span == Span(0, 6)


# --- department notes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("加强科技创新。（市科技局、市发展改革委等按职责分工负责）", ("市科技局", "市发展改革委")),
        ("加强宣传引导(市委宣传部等按职责分工负责)", ("市委宣传部",)),
        (
            "完善考核办法。（牵头单位：市科技局；责任单位：市财政局、市人社局）",
            ("市科技局", "市财政局", "市人社局"),
        ),
        (
            "健全工作机制（责任单位：各县（市、区）人民政府，市直有关部门）。",
            ("各县（市、区）人民政府", "市直有关部门"),
        ),
        (
            "推进项目建设（市科技局牵头，市财政局、市人社局配合）",
            ("市科技局", "市财政局", "市人社局"),
        ),
        ("落实到位。（由市住房城乡建设局负责）", ("市住房城乡建设局",)),
        ("加大投入。（市财政局、市科技局分别负责）", ("市财政局", "市科技局")),
        (
            "形成合力（责任部门：区发展和改革局、区市场监督管理局）",
            ("区发展和改革局", "区市场监督管理局"),
        ),
        ("抓好落实（责任单位：市科技局、市科技局）", ("市科技局",)),
        ("提高比重（GDP）", ()),
        ("（2019年8月22日某某会议通过）", ()),
        ("（此件公开发布）", ()),
        ("推进改革（具体办法另行落实）", ()),
        ("推进改革。", ()),
        ("", ()),
    ],
)
def test_find_departments(text: str, expected: tuple[str, ...]) -> None:
    assert find_departments(text) == expected


# --- inline enumerations -------------------------------------------------------------------


def _items(text: str, offset: int = 0) -> list[tuple[str, int | None, str]]:
    return [(i.marker, i.value, i.text) for i in find_inline_items(text, offset)]


def test_inline_items_yi_shi() -> None:
    text = (
        "主要做了三方面工作：一是抓培育，促进主体活跃。加大力度。二是抓合作，打造平台。三是抓创新。"
    )
    assert _items(text) == [
        ("一是", 1, "抓培育，促进主体活跃。加大力度。"),
        ("二是", 2, "抓合作，打造平台。"),
        ("三是", 3, "抓创新。"),
    ]
    items = find_inline_items(text, offset=50)
    assert [text[i.span.start - 50 : i.span.end - 50][:2] for i in items] == [
        "一是",
        "二是",
        "三是",
    ]
    assert items[-1].span.end == 50 + len(text)


def test_inline_items_other_series() -> None:
    assert _items("重点抓好：一要提高认识；二要加强领导；三要狠抓落实。") == [
        ("一要", 1, "提高认识；"),
        ("二要", 2, "加强领导；"),
        ("三要", 3, "狠抓落实。"),
    ]
    assert _items("首先，统一思想；其次，加强领导；最后，狠抓落实。") == [
        ("首先", 1, "统一思想；"),
        ("其次", 2, "加强领导；"),
        ("最后", 3, "狠抓落实。"),
    ]
    assert _items("一方面，加强监管；另一方面，优化服务。") == [
        ("一方面", 1, "加强监管；"),
        ("另一方面", 2, "优化服务。"),
    ]
    assert [v for _, v, _ in _items("。一是甲。二是乙。十一是丙。十二是丁。")] == [1, 2, 11, 12]


def test_inline_items_not_enumerations() -> None:
    assert _items("统一是前提。二是什么") == []
    assert _items("我们要一要提高，二要坚持") == []
    assert _items("最后一公里问题得到解决。首先，我们") == []
    assert _items("他首先发言，其次是我。") == []
    assert _items("") == []
    # a paragraph that opens with 一是 / 二是 continues a series across paragraphs
    assert _items("二是完善机制。") == [("二是", 2, "完善机制。")]


def test_inline_items_pick_the_longest_series() -> None:
    text = "一是加强领导。首先，统一思想；其次，明确责任。二是完善机制。三是强化考核。"
    assert [m for m, _, _ in _items(text)] == ["一是", "二是", "三是"]


# --- properties ----------------------------------------------------------------------------

_CN = "〇一二三四五六七八九"


def _cn_small(n: int) -> str:
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN[tens] + "十")
    return head + (_CN[units] if units or not head else "")


def _render_date(d: datetime.date, style: int, zero: str) -> str:
    if style == 0:
        return f"{d.year}年{d.month}月{d.day}日"
    if style == 1:
        year = "".join(_CN[int(c)] for c in str(d.year)).replace("〇", zero)
        return f"{year}年{_cn_small(d.month)}月{_cn_small(d.day)}日"
    if style in (2, 3, 4):
        sep = "-./"[style - 2]
        return f"{d.year}{sep}{d.month:02d}{sep}{d.day:02d}"
    if style == 5:
        return f"{d.year}-{d.month}-{d.day} 10:15:30"
    if style == 6:
        return f"{d.year} 年 {d.month} 月 {d.day} 日"
    wide = str.maketrans("0123456789", "０１２３４５６７８９")
    return f"{d.year}年{d.month}月{d.day}日".translate(wide)


@given(
    st.dates(datetime.date(1900, 1, 1), datetime.date(2099, 12, 31)),
    st.integers(0, 7),
    st.sampled_from("〇○零"),
)
def test_dates_in_every_format_parse_back(d: datetime.date, style: int, zero: str) -> None:
    rendered = _render_date(d, style, zero)
    assert parse_date(rendered) == d
    text = f"本通知自{rendered}起施行。"
    found = find_dates(text, offset=3)
    assert [v for v, _ in found] == [d]
    assert text[found[0][1].start - 3 : found[0][1].end - 3] == rendered


_CODE_CHARS = (
    "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘青宁新政府办发函字规财人社建卫教科农商"
)
_PAIRS = ["〔〕", "[]", "【】", "［］", "（）", "()", "﹝﹞"]


@given(
    st.text(_CODE_CHARS, min_size=1, max_size=6),
    st.integers(1949, 2099),
    st.integers(1, 9999),
    st.sampled_from(_PAIRS),
    st.booleans(),
    st.sampled_from(["", " ", "\u3000"]),
)
def test_doc_numbers_in_every_format_parse_back(
    code: str, year: int, serial: int, pair: str, hao: bool, space: str
) -> None:
    rendered = f"{code}{pair[0]}{space}{year}{pair[1]}{serial}{'号' if hao else ''}"
    dn = parse_doc_number(rendered)
    assert dn is not None
    assert (dn.issuer_code, dn.year, dn.serial) == (code, year, serial)
    problems = doc_number_problems(dn)
    assert ("doc-number-brackets" in problems) == (pair != "〔〕")
    assert ("doc-number-no-hao" in problems) == (not hao)
    assert ("doc-number-spaces" in problems) == bool(space)
    text = f"按照《某某办法》（{rendered}）要求"
    (found,) = find_doc_numbers(text, offset=9)
    assert (found.text, found.issuer_code, found.year, found.serial) == (
        rendered,
        code,
        year,
        serial,
    )
    assert text[found.span.start - 9 : found.span.end - 9] == rendered
    (ref,) = find_references(text, offset=9)
    assert ref.doc_number == found


@given(st.text(_CODE_CHARS, min_size=1, max_size=8), st.integers(1, 9999), st.booleans())
def test_order_numbers_parse_back(body: str, serial: int, spaced: bool) -> None:
    rendered = f"{body}令{' ' if spaced else ''}第{serial}号"
    dn = parse_doc_number(rendered)
    assert dn is not None and (dn.issuer_code, dn.year, dn.serial) == (f"{body}令", None, serial)
    assert [d.text for d in find_doc_numbers(f"依据{rendered}。")] == [rendered]


_NOISY = st.text(
    st.sampled_from(
        list(
            "《》〈〉〔〕[]【】（）()﹝﹞0123456789０１２３号令第年月日〇○零一二三十是要首先其次最后"
        )
        + list("：:；;。，、 \u3000\n-./|来源日期时间点击标题索引发文机关字")
        + list("负责牵头单位局委等按职责分工")
    ),
    max_size=80,
)


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=80), _NOISY))
def test_no_function_raises_on_arbitrary_text(text: str) -> None:
    parse_doc_number(text)
    find_doc_numbers(text)
    parse_date(text)
    find_dates(text)
    parse_info_line(text)
    find_references(text)
    find_departments(text)
    find_inline_items(text)
    for dn in find_doc_numbers(text, offset=3):
        assert text[dn.span.start - 3 : dn.span.end - 3] == dn.text
        doc_number_problems(dn)
    for field in parse_info_line(text):
        assert text[field.span.start : field.span.end].startswith(field.label)
        assert field.value in text[field.span.start : field.span.end]
    for item in find_inline_items(text):
        assert item.text in text[item.span.start : item.span.end]


def test_parsing_is_thread_safe() -> None:
    # One compiled grammar serves every thread: results must not depend on interleaving.
    texts = [
        f"依据某政发〔{1990 + k % 30}〕{k}号，于{2000 + k % 20}年{1 + k % 12}月{1 + k % 28}日"
        for k in range(400)
    ]

    def work(text: str) -> tuple[object, ...]:
        return tuple(find_doc_numbers(text)), tuple(find_dates(text))

    expected = [work(t) for t in texts]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(work, texts)) == expected


def test_prose_is_cheap() -> None:
    paragraph = "各地要坚持问题导向，加强统筹协调，推动工作落实，确保取得实效。" * 8
    start = time.perf_counter()
    for _ in range(500):
        find_doc_numbers(paragraph)
        find_dates(paragraph)
        parse_info_line(paragraph)
        find_references(paragraph)
        find_departments(paragraph)
        find_inline_items(paragraph)
    assert time.perf_counter() - start < 2.0
