"""Frame anatomy beyond the golden metadata: typed header and 版记 fields, the page headline,
orders, 题注, department notes on items and sections, ROC dates, related-link chrome."""

from __future__ import annotations

import json

import pytest

import govdoc
from govdoc.cli import main
from govdoc.metadata import parse_date
from govdoc.nodes import Document, Item, Meta, Paragraph
from govdoc.serialize import meta

from .conftest import FIXTURES


def _fields(doc: Document) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in doc.metadata:
        out.setdefault(f.key, f.value)
    return out


def test_header_and_imprint_fields() -> None:
    doc = govdoc.parse_file(FIXTURES / "26_secret_notice_imprint.txt")
    got = _fields(doc)
    assert got["copy_number"] == "000318"
    assert (got["classification"], got["classification_period"]) == ("机密", "6个月")
    assert got["urgency"] == "特急"
    assert got["signer"] == "罗青山"
    assert got["cc"] == "市委办公室，市人大常委会办公室，市政协办公室"
    assert (got["printed_by"], got["printed"]) == ("云岫市人民政府办公室", "2024-03-06")
    assert got["notes"] == "（此件不公开）"


def test_imprint_after_attachments_belongs_to_the_main_document() -> None:
    doc = govdoc.parse_file(FIXTURES / "01_full_notice_attachments.txt")
    assert _fields(doc)["printed"] == "2023-06-13"
    assert all("cc" not in _fields(a) for a in doc.attachments)
    last = doc.blocks[-1]
    assert isinstance(last, Meta) and last.role == "imprint"
    assert all(a.span.end <= last.span.start for a in doc.attachments)


def test_departments_on_items_and_sections() -> None:
    doc = govdoc.parse_file(FIXTURES / "26_secret_notice_imprint.txt")
    first = doc.sections[0]
    by_marker = {s.marker.raw: s for s in first.walk()}
    assert by_marker["（一）"].departments == ("各县〔市、区〕人民政府",)
    items = [b for b in by_marker["（二）"].body if isinstance(b, Item)]
    assert [i.departments for i in items] == [
        ("市林业局",),
        ("市应急管理局", "市消防救援支队"),
    ]
    assert by_marker["（二）"].departments == ("市林业局", "市应急管理局", "市消防救援支队")
    assert first.departments == ()  # its own body has no note; children keep theirs


def test_order_headline_and_signatory() -> None:
    doc = govdoc.parse_file(FIXTURES / "25_order_bracketed_number.txt")
    got = _fields(doc)
    assert got["headline"] == "云岫市河湖长制工作规定"
    assert got["signatory"] == "市长 韩景舟"
    assert doc.attachments == ()  # the promulgated rule is the order's own text
    assert [c.kind for c in doc.chrome] == ["export"]


def test_caption_is_kept_with_its_body() -> None:
    doc = govdoc.parse_file(FIXTURES / "03_regulation_captions.txt")
    got = _fields(doc)
    assert got["caption"].startswith("（")
    assert got["issuer"] == "临渚市人民代表大会常务委员会"


def test_roc_dates() -> None:
    assert str(parse_date("中華民國一百十一年十二月二十日")) == "2022-12-20"
    assert str(parse_date("中华民国112年6月30日")) == "2023-06-30"
    assert str(parse_date("民國九十八年一月五日")) == "2009-01-05"
    assert parse_date("民國一百十二年二月三十日") is None


def test_related_links_and_site_head_are_chrome() -> None:
    doc = govdoc.parse_file(FIXTURES / "16_web_page_chrome.txt")
    kinds = {c.text: c.kind for c in doc.chrome}
    assert kinds["澄湖区人民政府门户网站"] == "site"
    assert [k for t, k in kinds.items() if t.startswith("无障碍浏览")] == ["widget"]
    notes = [b for b in doc.blocks if isinstance(b, Meta) and b.role == "note"]
    assert [n.text for n in notes] == ["（此件公开发布）"]
    assert sum(k == "related" for k in kinds.values()) >= 3
    assert doc.attachments == ()
    body = [b.text for b in doc.leaves() if isinstance(b, Paragraph)]
    assert not any("相关阅读" in t or "门户网站" in t for t in body)


def test_joint_signature_and_simplified_meta() -> None:
    text = (
        "关于加强社区养老服务的意见\n"
        "各区人民政府：\n"
        "为推动社区养老服务高质量发展，现提出如下意见：\n"
        "一、总体要求\n"
        "坚持政府主导、社会参与。\n"
        "**甲市民政局**\n"
        "**甲市财政局**\n"
        "2024年5月6日\n"
    )
    doc = govdoc.parse(text)
    assert _fields(doc)["issuer"] == "甲市民政局、甲市财政局"
    assert _fields(doc)["recipients"] == "各区人民政府"
    traditional = govdoc.parse("溪嶺縣人民政府辦公室關於加強巡查的通知\n溪政辦發〔2023〕3號\n")
    view = meta(traditional)
    assert (view["doc_number"]["text"], view["doc_number"]["serial"]) == ("溪政辦發〔2023〕3號", 3)


def test_attachment_nests_in_the_document_that_lists_it() -> None:
    doc = govdoc.parse_file(FIXTURES / "27_notice_issuing_two.txt")
    assert [(a.kind, a.title) for a in doc.attachments] == [
        ("forwarded", "东澜市促进会展业发展若干措施"),
        ("forwarded", "东澜市会展场馆管理办法"),
    ]
    measures = doc.attachments[1]
    assert [(a.kind, a.title) for a in measures.attachments] == [
        ("attachment", "东澜市重点会展场馆名录")
    ]
    assert [f.value for f in measures.metadata if f.key == "attachment"] == [
        "东澜市重点会展场馆名录"
    ]
    first = doc.attachments[0].sections
    assert [s.departments for s in first] == [("市商务局", "市财政局"), ("市政务服务中心",)]


def test_one_item_attachment_list_before_the_signature() -> None:
    text = (
        "甲市人民政府办公室关于做好汛期安全工作的通知\n"
        "各区人民政府：\n"
        "现将有关事项通知如下，请认真贯彻落实。\n"
        "附件：\n"
        "甲市汛期值班表\n"
        "甲市人民政府办公室\n"
        "2024年6月1日\n"
        "附件\n"
        "甲市汛期值班表\n"
    )
    doc = govdoc.parse(text)
    assert meta(doc)["attachments"] == [{"title": "甲市汛期值班表"}]
    assert (meta(doc)["issuer"], meta(doc)["date"]) == ("甲市人民政府办公室", "2024-06-01")
    assert [(a.kind, a.title) for a in doc.attachments] == [("attachment", "甲市汛期值班表")]


def test_a_report_salutation_is_no_recipient() -> None:
    doc = govdoc.parse("政府工作报告\n各位代表：\n现在，我代表市人民政府，向大会报告工作。\n")
    assert meta(doc)["recipients"] is None


def test_people_organisations_in_duty_notes() -> None:
    doc = govdoc.parse("一、强化科普\n开展科普进社区活动。（市科协、市妇联按职责分工负责）\n")
    assert doc.sections[0].departments == ("市科协", "市妇联")


def test_title_only_in_the_info_table() -> None:
    text = (
        "标题：关于《甲市促进消费若干措施》的政策解读\n"
        "发布机构：甲市商务局\n"
        "发布日期：2024-01-12\n"
        "近日，市商务局印发了《甲市促进消费若干措施》。现就有关内容解读如下：\n"
        "一、出台背景\n"
        "消费是经济增长的重要引擎。\n"
    )
    got = meta(govdoc.parse(text))
    assert got["title"] == "关于《甲市促进消费若干措施》的政策解读"
    assert (got["issuer"], got["published"]) == ("甲市商务局", "2024-01-12")


def test_adopting_body_without_its_term() -> None:
    text = (
        "全国人民代表大会常务委员会关于乡镇选举工作的若干规定\n"
        "（2001年3月5日第九届全国人民代表大会常务委员会第二十次会议通过）\n"
        "一、乡镇人民代表大会代表的选举，由本级选举委员会主持。\n"
    )
    got = meta(govdoc.parse(text))
    assert (got["issuer"], got["date"]) == ("全国人民代表大会常务委员会", "2001-03-05")


def test_meta_simplified_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meta", "--simplified", str(FIXTURES / "22_traditional_notice.txt")]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["title"] == "溪岭县人民政府办公室关于进一步加强农村饮用水安全保障工作的通知"
    assert got["doc_number"]["text"] == "溪政办发〔2023〕14号"
    assert got["recipients"] == "各乡镇人民政府，县政府各部门"
    assert got["script"] == "traditional"


def test_signer_on_the_doc_number_line() -> None:
    text = (
        "甲市人民政府文件\n"
        "甲政发〔2024〕3号　　　　签发人：张明\n"
        "甲市人民政府关于申请设立甲市综合保税区的请示\n"
        "省人民政府：\n"
        "为扩大对外开放，我市拟申请设立综合保税区。妥否，请批示。\n"
        "甲市人民政府\n"
        "2024年2月1日\n"
    )
    got = meta(govdoc.parse(text))
    assert got["doc_number"]["text"] == "甲政发〔2024〕3号"
    assert (got["signer"], got["recipients"]) == ("张明", "省人民政府")
    assert got["title"] == "甲市人民政府关于申请设立甲市综合保税区的请示"
