"""The decode stage: encodings in, text out; binary input rejected with a named format."""

from __future__ import annotations

import dataclasses
import gzip
import io
import random
import subprocess
import sys
import zipfile

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from govdoc.decode import Decoded, decode, sniff_binary
from govdoc.errors import DecodeError

# A notice written for these tests, in simplified script and in its traditional (Taiwan) form.
SIMPLIFIED = """白河市人民政府办公室关于加强城乡供水安全管理工作的通知
白政办发〔2023〕17号

各县（区）人民政府，市政府各部门：
为进一步做好城乡供水安全管理工作，保障人民群众饮水安全，经市政府同意，现将有关事项通知如下。
一、提高思想认识
供水安全事关群众切身利益和社会稳定。各地各部门要切实增强责任感和紧迫感，把供水安全工作摆在\
突出位置，认真研究解决工作中遇到的困难和问题。
二、落实工作责任
（一）压实属地责任。各县（区）人民政府对本行政区域供水安全负总责，主要负责同志是第一责任人。
（二）强化部门监管。水利、住建、卫生健康等部门要按照职责分工，加强日常监督检查。
1．建立台账。对辖区内供水工程逐一登记造册，明确管护主体。
2．定期巡查。每季度至少开展一次全面巡查，发现隐患及时整改。
三、加强应急处置
各地要制定完善供水突发事件应急预案，储备必要的应急物资，每年组织不少于一次应急演练。
附件：供水安全检查表
白河市人民政府办公室
2023年5月12日
（此件公开发布）
"""
TRADITIONAL = """白河市人民政府辦公室關於加強城鄉供水安全管理工作的通知
白政辦發〔2023〕17號

各縣（區）人民政府，市政府各部門：
為進一步做好城鄉供水安全管理工作，保障人民群眾飲水安全，經市政府同意，現將有關事項通知如下。
一、提高思想認識
供水安全事關群眾切身利益和社會穩定。各地各部門要切實增強責任感和緊迫感，把供水安全工作擺在\
突出位置，認真研究解決工作中遇到的困難和問題。
二、落實工作責任
（一）壓實屬地責任。各縣（區）人民政府對本行政區域供水安全負總責，主要負責同志是第一責任人。
（二）強化部門監管。水利、住建、衛生健康等部門要按照職責分工，加強日常監督檢查。
1．建立臺賬。對轄區內供水工程逐一登記造冊，明確管護主體。
2．定期巡查。每季度至少開展一次全面巡查，發現隱患及時整改。
三、加強應急處置
各地要制定完善供水突發事件應急預案，儲備必要的應急物資，每年組織不少於一次應急演練。
附件：供水安全檢查表
白河市人民政府辦公室
2023年5月12日
（此件公開發布）
"""
SHORT_SIMPLIFIED = [
    "关于进一步加强城乡供水安全管理工作的通知",
    "各县（区）人民政府，市政府各部门：",
    "现将有关事项通知如下。请认真贯彻执行。",
]
SHORT_TRADITIONAL = [
    "關於進一步加強城鄉供水安全管理工作的通知",
    "各縣（區）人民政府，市政府各部門：",
    "現將有關事項通知如下。請認真貫徹執行。",
]
ALL_TEXTS = [SIMPLIFIED, TRADITIONAL, *SHORT_SIMPLIFIED, *SHORT_TRADITIONAL]


def test_texts_are_long_enough() -> None:
    assert len(SIMPLIFIED) >= 200 and len(TRADITIONAL) >= 200
    assert all(15 <= len(s) <= 20 for s in SHORT_SIMPLIFIED + SHORT_TRADITIONAL)


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_utf8_is_the_fast_path(text: str) -> None:
    assert decode(text.encode("utf-8")) == Decoded(text, "utf-8", "utf-8", 1.0)


@pytest.mark.parametrize("text", ALL_TEXTS)
@pytest.mark.parametrize("source", ["gb18030", "gbk"])
def test_gb_family_comes_out_as_gb18030(text: str, source: str) -> None:
    result = decode(text.encode(source))
    assert (result.text, result.encoding, result.method) == (text, "gb18030", "detected")
    assert 0.3 <= result.confidence <= 1.0


@pytest.mark.parametrize("text", [TRADITIONAL, *SHORT_TRADITIONAL])
def test_big5(text: str) -> None:
    result = decode(text.encode("big5"))
    assert (result.text, result.method) == (text, "detected")
    assert result.encoding in ("big5", "cp950")


@pytest.mark.parametrize("text", ALL_TEXTS)
@pytest.mark.parametrize("source", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(text: str, source: str) -> None:
    result = decode(text.encode(source))
    assert (result.text, result.encoding, result.method) == (text, source, "detected")


@pytest.mark.parametrize("text", ALL_TEXTS)
@pytest.mark.parametrize(
    ("source", "encoding"),
    [
        ("utf-8-sig", "utf-8"),
        ("utf-16", f"utf-16-{sys.byteorder[0]}e"),
        ("utf-32", f"utf-32-{sys.byteorder[0]}e"),
        ("utf-32-be", "utf-32-be"),
    ],
)
def test_bom(text: str, source: str, encoding: str) -> None:
    data = text.encode(source)
    if source == "utf-32-be":
        data = b"\x00\x00\xfe\xff" + data
    assert decode(data) == Decoded(text, encoding, "bom", 1.0)


@pytest.mark.parametrize("source", ["utf-16-le", "utf-16-be"])
def test_explicit_bom_prefix_is_dropped(source: str) -> None:
    data = ("\ufeff" + SIMPLIFIED).encode(source)
    assert decode(data).text == SIMPLIFIED
    assert decode(data, encoding=source).text == SIMPLIFIED
    assert decode(SIMPLIFIED.encode("utf-8-sig"), encoding="utf-8").text == SIMPLIFIED


def test_empty_and_ascii() -> None:
    assert decode(b"") == Decoded("", "utf-8", "utf-8", 1.0)
    assert decode(b"Notice No. 17\r\n").text == "Notice No. 17\r\n"
    # Text may begin like a BMP or an EXE header without being one.
    assert decode(b"BMW and MZ are letters").text == "BMW and MZ are letters"
    assert decode(b"MZ" + b" " * 80).method == "utf-8"


def test_explicit_encoding_overrides_detection() -> None:
    data = SIMPLIFIED.encode("gbk")
    assert decode(data, encoding="GBK") == Decoded(SIMPLIFIED, "gbk", "given", 1.0)
    # Latin-1 decodes anything: the caller asked for it, so the caller gets it.
    assert decode(data, encoding="latin-1").text == data.decode("latin-1")


def test_unknown_encoding() -> None:
    with pytest.raises(DecodeError, match="unknown encoding 'xyz'"):
        decode(b"abc", encoding="xyz")
    with pytest.raises(DecodeError, match="rot13"):
        decode(b"abc", encoding="rot13")


def test_wrong_encoding_reports_the_byte_offset() -> None:
    data = "请于5月12日前报送。".encode("gbk")
    with pytest.raises(DecodeError) as info:
        decode(data, encoding="utf-8")
    error = info.value
    assert error.position == 0
    assert "not valid utf-8" in str(error) and "offset 0" in str(error)
    prefix = "Notice 17: ".encode("ascii")
    with pytest.raises(DecodeError) as info:
        decode(prefix + data, encoding="ascii")
    assert info.value.position == len(prefix)
    line, caret = info.value.context.split("\n")
    assert line.startswith("Notice 17: \\x")
    assert caret == " " * len("Notice 17: ") + "^"


def test_caret_counts_wide_characters_twice() -> None:
    data = "供水".encode("gbk") + b"\xff"
    with pytest.raises(DecodeError) as info:
        decode(data, encoding="gbk")
    assert info.value.position == 4
    assert info.value.context == "供水\\xff\n    ^"


def _zip(*members: tuple[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members:
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = _zip(("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w:document/>"))
ODT = _zip(("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<x/>"))
BINARIES = {
    "PDF": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "DOCX": DOCX,
    "DOCX ": _zip(("word/document.xml", b"<w:document/>"))[:60],  # truncated: header only
    "XLSX": _zip(("xl/workbook.xml", b"<workbook/>")),
    "PPTX": _zip(("ppt/presentation.xml", b"<p/>")),
    "ODT": ODT,
    "ZIP": _zip(("notice.txt", SIMPLIFIED.encode("utf-8"))),
    "Word/Excel": bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504),
    "PNG": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
    "JPEG": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00",
    "GIF": b"GIF89a\x01\x00\x01\x00",
    "BMP": b"BM" + (70).to_bytes(4, "little") + bytes(4) + (54).to_bytes(4, "little") + b"(\0\0\0",
    "TIFF": b"II*\x00\x08\x00\x00\x00",
    "WebP": b"RIFF\x24\x00\x00\x00WEBPVP8 ",
    "gzip": gzip.compress(SIMPLIFIED.encode("utf-8")),
    "7z": b"7z\xbc\xaf\x27\x1c\x00\x04",
    "RAR": b"Rar!\x1a\x07\x01\x00",
    "ELF": b"\x7fELF\x02\x01\x01" + bytes(9),
    "EXE": b"MZ\x90\x00" + bytes(56) + (64).to_bytes(4, "little") + b"PE\0\0",
    "binary data": random.Random(20230512).randbytes(4096),
    "binary data ": b"\x00\x01\x02\x03" * 64 + SIMPLIFIED.encode("utf-8"),
}


@pytest.mark.parametrize("name", list(BINARIES))
def test_binary_input_is_named(name: str) -> None:
    data = BINARIES[name]
    found = sniff_binary(data)
    assert found is not None and name.strip() in found
    with pytest.raises(DecodeError, match=r"^input looks like .*, not text$") as info:
        decode(data)
    assert name.strip() in str(info.value)


def test_wrong_encoding_on_binary_input_says_what_it_looks_like() -> None:
    with pytest.raises(DecodeError, match="looks like a PNG image"):
        decode(BINARIES["PNG"], encoding="utf-8")


@pytest.mark.parametrize("text", [*ALL_TEXTS, "plain ASCII notice\n"])
def test_text_is_not_binary(text: str) -> None:
    for encoding in ("utf-8", "gb18030", "utf-16-le", "utf-16-be"):
        assert sniff_binary(text.encode(encoding)) is None


def test_stray_nul_in_long_text_is_tolerated() -> None:
    data = SIMPLIFIED.encode("utf-8") * 10 + b"\x00"
    result = decode(data)
    assert (result.encoding, result.method) == ("utf-8", "detected")


def test_truncated_gb_text_falls_back_with_a_replacement() -> None:
    data = SIMPLIFIED.encode("gbk") + "通知".encode("gbk")[:1]
    result = decode(data)
    assert (result.encoding, result.method) == ("gb18030", "fallback")
    assert result.text == SIMPLIFIED + "\ufffd"
    assert 0 < result.confidence <= 0.5


@pytest.mark.parametrize("source", ["utf-16", "utf-16-le", "utf-16-be"])
def test_truncated_utf16_falls_back(source: str) -> None:
    result = decode(SIMPLIFIED.encode(source)[:-1])
    assert result.method == "fallback" and result.encoding.startswith("utf-16")
    assert result.text == SIMPLIFIED[:-1] + "\ufffd"


def test_undecodable_non_binary_input_reports_position() -> None:
    data = "供水安全".encode("gbk") + bytes(range(0x80, 0x100)) * 2
    with pytest.raises(DecodeError) as info:
        decode(data)
    assert info.value.position is not None and "^" in info.value.context


def test_non_chinese_text_goes_to_charset_normalizer() -> None:
    text = "Le préfet a signé l'arrêté relatif à la sécurité de l'eau potable, été comme hiver."
    result = decode(text.encode("cp1252"))
    assert result.method == "detected"
    assert result.text == text


def test_decoded_is_frozen_and_slotted() -> None:
    result = decode(b"x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "y"  # type: ignore[misc]
    assert not hasattr(result, "__dict__")


def test_charset_normalizer_is_imported_lazily() -> None:
    code = (
        "import sys, govdoc.decode as d; d.decode('通知'.encode('gbk'));"
        "assert 'charset_normalizer' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@settings(max_examples=300)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_decode_or_raise_decode_error(data: bytes) -> None:
    try:
        result = decode(data)
    except DecodeError as error:
        assert str(error)
        return
    assert isinstance(result, Decoded) and not result.text.startswith("\ufeff")
    assert 0.0 <= result.confidence <= 1.0


@given(st.text(st.characters(codec="utf-8", exclude_characters="\x00")))
def test_utf8_round_trip(text: str) -> None:
    # A leading U+FEFF is a BOM by definition, and text that starts with a file signature
    # ("%PDF-", "GIF8" …) is treated as that file: both are outside the round-trip promise.
    assume(not text.startswith("\ufeff") and sniff_binary(text.encode("utf-8")) is None)
    assert decode(text.encode("utf-8")).text == text


@given(st.text(st.sampled_from(SIMPLIFIED + TRADITIONAL), min_size=20, max_size=80))
def test_gb18030_round_trip_of_document_characters(text: str) -> None:
    assume(any(ord(c) > 127 for c in text))
    assert decode(text.encode("gb18030")).text == text
