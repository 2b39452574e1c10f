"""The repair stage: line breaks, invisible characters, pinyin ruby and mojibake.

Every document and sentence here was written for these tests. Damage is generated from them
the way sites produce it: bytes decoded one byte out of step, UTF-8 read as GBK.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdoc.nodes import Span
from govdoc.repair import STEPS, Repaired, repair

NOTICE = """青禾市人民政府关于推进数字政府建设的实施意见
各县（区）人民政府，市政府各部门：
　　为加快推进数字政府建设，提升政府治理能力，结合我市实际，提出如下意见。
一、总体要求
　　（一）指导思想。坚持以人民为中心的发展思想，统筹推进技术融合、业务融合、数据融合。
　　（二）基本原则。坚持统筹规划、集约建设，坚持需求导向、问题导向。
　　（三）主要目标。到2025年，全市政务服务事项网上可办率达到百分之九十以上。
二、重点任务
　　（四）夯实数字基础设施。统筹建设全市电子政务外网，提升网络承载能力。
　　（五）推动数据共享开放。建立健全数据资源目录，完善共享交换机制。
　　（六）优化政务服务流程。全面推行一网通办，减少办事环节和申请材料。
　　（七）加强安全保障体系。落实网络安全责任制，定期开展风险评估和应急演练。
三、保障措施
　　（八）加强组织领导。成立工作领导小组，研究解决重大问题。
　　（九）强化资金保障。将所需经费纳入财政预算，提高资金使用效益。
　　（十）严格督查考核。将推进情况纳入年度绩效考核，确保各项任务落到实处。
　　（十一）营造良好氛围。加大宣传力度，及时总结推广典型经验。
　　（十二）做好人才培养。引进和培养一批懂技术、懂业务的复合型人才。
青禾市人民政府
2023年6月8日
"""
NUMERALS = "一二三四五六七八九十"
MARKER = re.compile(r" *（([一二三四五六七八九十]+|\ufffd)）")


def check(result: Repaired) -> None:
    """Invariants every result must satisfy."""
    text = result.text
    for r in result.repairs:
        assert 0 <= r.span.start <= r.span.end <= len(text)
        assert text[r.span.start : r.span.end] == r.after, r
    for d in result.damaged:
        assert 0 <= d.start < d.end <= len(text)
    assert list(result.damaged) == sorted(result.damaged)
    for m in re.finditer("\ufffd", text):
        assert any(d.start <= m.start() < d.end for d in result.damaged)
    assert not re.search("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", text)
    assert not re.search("[\u200b-\u200f\u2060\ufeff\u00ad]", text)
    assert all(ch in " \n" for ch in text if ch.isspace())


def lines_of(text: str) -> list[str]:
    return text.split("\n")


# --- line breaks and invisible characters -----------------------------------------------


def test_clean_text_is_untouched() -> None:
    clean = NOTICE.replace("\u3000", " ")
    result = repair(clean)
    assert result.text == clean
    assert result.repairs == ()
    assert result.damaged == ()


def test_line_breaks() -> None:
    result = repair(
        "一、总体要求\r\n坚持统筹规划。\r\n\r\n二、重点任务\r推动数据共享\u2028完善机制\x0c"
    )
    assert result.text == "一、总体要求\n坚持统筹规划。\n\n二、重点任务\n推动数据共享\n完善机制\n"
    assert {r.kind for r in result.repairs} == {"newlines"}
    assert [r.before for r in result.repairs] == ["\r\n", "\r\n\r\n", "\r", "\u2028", "\x0c"]
    check(result)


def test_invisible_characters() -> None:
    result = repair(
        "\ufeff\u3000\u3000为加快推进\u200b数字政府建设，\xa0提升\t治理能力。\n附件：\u2003清单"
    )
    assert result.text == "  为加快推进数字政府建设， 提升 治理能力。\n附件： 清单"
    assert [r.kind for r in result.repairs] == ["invisible", "invisible"]
    check(result)


def test_invisible_one_repair_per_line() -> None:
    doc = "\n".join(f"\u3000\u3000第{i}项工作要抓实抓细。\u3000" for i in range(3000))
    result = repair(doc)
    assert len(result.repairs) == 3000
    assert result.text == doc.replace("\u3000", " ")
    check(result)


# --- pinyin ruby ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("damaged", "clean"),
    [
        ("推進區(qū)域協(xié)調發展", "推進區域協調發展"),
        ("科技創（chuàng）新", "科技創新"),
        ("產業(yè)(yè)升級", "產業升級"),  # a chain of ruby after one character
        ("綠(lǜ)色發展", "綠色發展"),
        ("綠(lv4)色發展", "綠色發展"),  # tone digit, ü as v
        ("經濟(ji4)帶", "經濟帶"),
        ("\ufffdchuàng)新引領", "\ufffd新引領"),  # the character and "(" were lost
        ("?chuàng)新引領", "?新引領"),
        ("\ufffd(tǒng)籌協調", "\ufffd籌協調"),
    ],
)
def test_ruby_removed(damaged: str, clean: str) -> None:
    result = repair(damaged)
    assert result.text == clean
    assert all(r.kind == "pinyin_ruby" and r.after == "" for r in result.repairs)
    check(result)


@pytest.mark.parametrize(
    "text",
    [
        "国内生产总值(GDP)比重达到百分之二点五",
        "乙类(B型)疫苗",
        "项目分为(a)(b)两类",
        "管理办法(试行)",
        "三年行动计划(2018—2020年)",
        "英文名称为(an)",
        "区(qu)县",  # no tone: could be anything
        "区(quu)县",  # not a syllable
        "区(GUĀN)县",  # upper case is not ruby
        "Pinyin(pīn)",  # not after a Han character
        "见附件(一)",
    ],
)
def test_ruby_kept(text: str) -> None:
    assert repair(text).text == text


# --- GBK read one byte out of step ------------------------------------------------------


def _shift_lines(doc: str, damage: str) -> str:
    """Encode ``doc`` as GBK and damage the first byte of every indented marker line."""
    out = []
    for line in lines_of(doc):
        raw = line.encode("gbk")
        if line.startswith("\u3000\u3000（"):
            raw = {"drop": raw[1:], "question": b"?" + raw[1:], "bad": b"\x80" + raw[1:]}[damage]
        out.append(raw)
    return b"\n".join(out).decode("gbk", "replace")


def _site_shift(doc: str) -> str:
    """Like some sites: "?" for the lost byte, GB18030 decoding, private-use results dropped."""
    out = []
    for line in lines_of(doc):
        raw = line.encode("gbk")
        if line.startswith("\u3000\u3000（"):
            raw = b"?" + raw[1:]
        out.append(re.sub("[\ue000-\uf8ff]", "", raw.decode("gb18030", "replace")))
    return "\n".join(out)


def _assert_markers_recovered(result: Repaired, *, min_exact: int) -> None:
    exact = 0
    for want, got in zip(lines_of(NOTICE), lines_of(result.text), strict=False):
        if not want.startswith("\u3000\u3000（"):
            assert got == want.replace("\u3000", " ")
            continue
        m = MARKER.match(got)
        assert m, got
        numeral = want[3 : want.index("）")]
        assert m.group(1) in (numeral, "\ufffd")
        exact += m.group(1) == numeral
        start = sum(len(x) + 1 for x in lines_of(result.text)[: lines_of(result.text).index(got)])
        if m.group(1) == "\ufffd":  # a lost numeral is flagged
            at = start + m.start(1)
            assert any(d.start <= at < d.end for d in result.damaged)
        # What follows the damage is the original text.
        line_damage = [d for d in result.damaged if start <= d.start < start + len(got)]
        tail_at = max((d.end for d in line_damage), default=start + m.end()) - start
        assert want.endswith(got[tail_at:])
    assert exact >= min_exact


@pytest.mark.parametrize("damage", ["drop", "question", "bad"])
def test_gbk_shift_whole_document(damage: str) -> None:
    corrupted = _shift_lines(NOTICE, damage)
    assert corrupted != NOTICE and "。ㄒ唬" in corrupted
    result = repair(corrupted)
    check(result)
    _assert_markers_recovered(result, min_exact=6)
    assert {r.kind for r in result.repairs} == {"gbk_shift", "invisible"}
    assert len([r for r in result.repairs if r.kind == "gbk_shift"]) == 12
    assert repair(result.text).text == result.text


def test_gbk_shift_site_dropping_private_use() -> None:
    result = repair(_site_shift(NOTICE))
    check(result)
    _assert_markers_recovered(result, min_exact=5)
    # Dropped bytes leave plausible characters behind: all re-read text is flagged.
    shifted = [r for r in result.repairs if r.kind == "gbk_shift"]
    assert len(shifted) == 12
    for r in shifted:
        assert any(d.start < r.span.end and r.span.start < d.end for d in result.damaged)


def test_gbk_shift_recovers_full_line() -> None:
    line = "\u3000\u3000（五）推动数据共享开放。"
    corrupted = (b"?" + line.encode("gbk")[1:]).decode("gbk", "replace")
    result = repair(corrupted)
    assert result.text.startswith(" （五）推")  # the first indent went with the lost byte
    check(result)


@pytest.mark.parametrize(
    "text",
    [
        "?为什么要推进数字政府建设",  # a real question mark at a line start
        "\ufffd\ufffd市人民政府办公室",
        "。。。",
        "龘靐齉爩",
        "ㄅㄆㄇㄈ注音符号",
    ],
)
def test_gbk_shift_leaves_real_text(text: str) -> None:
    assert repair(text).text == text


# --- UTF-8 read as GBK ------------------------------------------------------------------


def test_utf8_as_gbk_whole_document() -> None:
    corrupted = NOTICE.encode("utf-8").decode("gbk", "replace")
    assert "锛堜竴锛" in corrupted
    result = repair(corrupted)
    check(result)
    assert {r.kind for r in result.repairs} >= {"utf8_as_gbk"}
    lost = 0
    for want, got in zip(lines_of(NOTICE), lines_of(result.text), strict=False):
        want = want.replace("\u3000", " ")
        # Each U+FFFD stands for one or more characters whose bytes did not survive.
        pattern = "".join(".+?" if ch == "\ufffd" else re.escape(ch) for ch in got)
        assert re.fullmatch(pattern, want), (want, got)
        lost += got.count("\ufffd")
        if want.lstrip().startswith("（"):
            assert MARKER.match(got), got
    assert lost < len(NOTICE) // 8  # a byte GBK rejects costs its character
    assert repair(result.text).text == result.text


def test_utf8_as_gbk_with_question_marks() -> None:
    # Decoders that write "?" for a byte they cannot read end a run early: 骞?0 for 年10.
    corrupted = NOTICE.encode("utf-8").decode("gbk", "replace").replace("\ufffd", "?")
    result = repair(corrupted)
    check(result)
    got = lines_of(result.text)
    assert got[4].startswith("  （一）指导")
    assert "锛" not in result.text


def test_utf8_as_gbk_some_lines_only() -> None:
    lines = lines_of(NOTICE)
    mixed = [
        line.encode("utf-8").decode("gbk", "replace") if i % 3 == 0 else line
        for i, line in enumerate(lines)
    ]
    result = repair("\n".join(mixed))
    check(result)
    for i, (want, got) in enumerate(zip(lines, lines_of(result.text), strict=True)):
        if i % 3:  # untouched lines stay as they were
            assert got == want.replace("\u3000", " ")
        else:
            pattern = "".join(".+?" if ch == "\ufffd" else re.escape(ch) for ch in got)
            assert re.fullmatch(pattern, want.replace("\u3000", " ")), (want, got)


def test_utf8_as_gbk_character_read_as_ideographic_space() -> None:
    # 衡 is E8 A1 A1: read as GBK, its last two bytes become U+3000 inside the run.
    text = "保持平衡发展，推进均衡发展，衡量标准"
    corrupted = "\n".join([text.encode("utf-8").decode("gbk", "replace")] * 3)
    assert "\u3000" in corrupted
    assert repair(corrupted).text == "\n".join([text] * 3)


def test_utf8_as_gbk_trailing_question_marks() -> None:
    text = "完善共享交换机制。\n加强组织领导\n落实责任分工"
    corrupted = text.encode("utf-8").decode("gbk", "replace").replace("\ufffd", "?")
    result = repair(corrupted)
    check(result)
    assert "?" not in result.text
    assert result.text.startswith("完善共享交换机制")


def test_utf8_as_gbk_exact_when_bytes_survive() -> None:
    text = "（一）建设数字政府，推进“放管服”改革"
    corrupted = text.encode("utf-8").decode("gb18030", "replace")
    result = repair(corrupted)
    assert result.text.startswith("（一）建设数字政府，推进“放管服”改")
    check(result)


# --- composition of steps ---------------------------------------------------------------


def test_spans_survive_later_steps() -> None:
    shifted = (b"?" + "\u3000\u3000（二）強化區(qū)域協作".encode("gbk")[1:]).decode(
        "gbk", "replace"
    )
    doc = f"\u3000\u3000通知\u200b如下：\r\n{shifted}\r\n業(yè)務指導(yè)\u3000\r\n"
    result = repair(doc)
    check(result)
    kinds = [r.kind for r in result.repairs]
    assert kinds.index("newlines") < kinds.index("gbk_shift") < kinds.index("pinyin_ruby")
    assert "\r" not in result.text and "(yè)" not in result.text and "(qū)" not in result.text
    assert MARKER.match(result.text.split("\n")[1])  # 二 (B6FE) does not survive: （\ufffd）
    assert repair(result.text).text == result.text


def test_steps_are_named_and_ordered() -> None:
    names = [name for name, _ in STEPS]
    assert names == [
        "newlines",
        "utf8_as_gbk",
        "invisible",
        "gbk_shift",
        "pinyin_ruby",
        "number_spaces",
        "wrap_join",
        "heading_split",
    ]


def test_result_is_frozen() -> None:
    result = repair("一、总体要求")
    with pytest.raises(AttributeError):
        result.text = "x"  # type: ignore[misc]
    assert result.damaged == () and isinstance(Span(0, 0), Span)


# --- properties -------------------------------------------------------------------------

_PIECES = [
    *"一二三四五六七八九十（）()、。，；：？?\ufffd\u3000\xa0\t\r\n\u200b ",
    *"区業區创創新建设推进数字政府青禾市",
    "(qū)",
    "(yè)",
    "（chuàng）",
    "chuàng)",
    "(GDP)",
    "(a)",
    "(lv4)",
    *"锛堜竴锛夊缓璁鍚勫幙鏀垮簻銆愬尯",
    *"ㄒ唬﹦ǘ娀髽ㄈ┐龠ㄋ模嫿▍ㄎ澹┡囵",
    "?。ㄒ唬﹦",
    "\ufffd\u3000。ㄈ",
    "2019骞?0鏈",
    "骞\ufffd",
    "骞宠\u3000鍙",
    "\u200b锛",
    "??",
    "银发〔 2021〕259号",
    "2 021年",
    "\n- 1 -\n",
    "一、总体要求（一）",
    "第一章 总则第一条 ",
    "\n" + "统筹推进技术融合业务融合数据融合" * 2 + "\n",
]
chinese_heavy = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


def _assert_stable(text: str) -> None:
    once = repair(text)
    check(once)
    twice = repair(once.text)
    assert twice.text == once.text
    assert twice.repairs == ()


@given(st.text())
def test_never_raises_and_idempotent(text: str) -> None:
    _assert_stable(text)


@given(chinese_heavy)
def test_idempotent_on_chinese_heavy_text(text: str) -> None:
    _assert_stable(text)


@given(st.dictionaries(st.integers(0, 19), st.sampled_from(["drop", "question", "bad"])))
def test_idempotent_on_damaged_documents(damage: dict[int, str]) -> None:
    lines = lines_of(NOTICE)
    for index, how in damage.items():
        raw = lines[index].encode("gbk")
        raw = {"drop": raw[1:], "question": b"?" + raw[1:], "bad": b"\x80" + raw[1:]}[how]
        lines[index] = raw.decode("gbk", "replace")
    _assert_stable("\n".join(lines))


def _wrapped(doc: str, chars: int, page_every: int, glue: bool) -> str:
    """``doc`` broken every ``chars`` characters like a PDF page, with page-number lines."""
    if glue:
        doc = doc.replace("一、总体要求\n\u3000\u3000（一）", "一、总体要求（一）")
    pieces = [
        line[k : k + chars] for line in lines_of(doc) for k in range(0, len(line) or 1, chars)
    ]
    out: list[str] = []
    for i, piece in enumerate(pieces, 1):
        out.append(piece)
        if i % page_every == 0:
            out.append(f"- {i // page_every} -")
    return "\n".join(out)


@given(st.integers(8, 40), st.integers(2, 30), st.booleans())
def test_idempotent_on_wrapped_documents(chars: int, page_every: int, glue: bool) -> None:
    _assert_stable(_wrapped(NOTICE, chars, page_every, glue))
