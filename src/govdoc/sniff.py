"""Binary formats recognised by their first bytes, so that the decode stage can refuse them
with a useful message ("input looks like a PDF file, not text") instead of decoding noise.
"""

from __future__ import annotations

import unicodedata

__all__ = ["SNIFF_BYTES", "looks_like", "sniff_binary"]

_MAGIC = {
    b"%PDF-": "PDF file",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "legacy Word/Excel document (OLE2: DOC/XLS/PPT)",
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",  # GIF87a, GIF89a
    b"II*\x00": "TIFF image",
    b"MM\x00*": "TIFF image",
    b"\x1f\x8b\x08": "gzip archive",
    b"7z\xbc\xaf\x27\x1c": "7z archive",
    b"Rar!\x1a\x07": "RAR archive",
    b"\x7fELF": "ELF executable",
}
_MAGIC_PREFIXES = (*_MAGIC, b"PK\x03\x04", b"PK\x05\x06", b"RIFF", b"BM", b"MZ")
_ODF = {b"text": "ODT", b"spreadsheet": "ODS", b"presentation": "ODP"}
_OOXML = {
    "word/": "Word document (DOCX)",
    "xl/": "Excel workbook (XLSX)",
    "ppt/": "PowerPoint presentation (PPTX)",
}
#: How much of the input the sniffing reads.
SNIFF_BYTES = 8192
# Text never contains NUL except in UTF-16/32; random bytes hold 1/256 ≈ 0.39 % of them, and a
# stray NUL in a few KB of text must not reject it.
_NUL_SHARE = 0.002


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format ``data`` looks like ("PDF file", "PNG image" …), else None.

    "binary data" is the answer for NUL-heavy input that is not UTF-16 text without a BOM.
    """
    if data.startswith(_MAGIC_PREFIXES):  # one C call on the fast path, then the details
        for magic, name in _MAGIC.items():
            if data.startswith(magic):
                return name
        if data.startswith(b"PK"):
            return _zip_kind(data)
        if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
            return "WebP image"
        # "BM" and "MZ" can also begin plain text: demand more of the header.
        dib_size = int.from_bytes(data[14:18], "little")
        if data.startswith(b"BM") and data[6:10] == bytes(4) and dib_size in (12, 40, 56, 108, 124):
            return "BMP image"
        pe_offset = int.from_bytes(data[60:64], "little")
        if data.startswith(b"MZ") and data[pe_offset : pe_offset + 4] == b"PE\0\0":
            return "Windows executable (EXE/DLL)"
    if data.find(0, 0, SNIFF_BYTES) < 0:  # memchr: counting costs more than the decoding
        return None
    if data.count(0, 0, SNIFF_BYTES) >= _NUL_SHARE * min(len(data), SNIFF_BYTES):
        return None if _wide_text(data[:SNIFF_BYTES]) else "binary data"
    return None


def _zip_kind(data: bytes) -> str:
    import io  # lazily: zipfile costs ~6 ms to import and archives are rare
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            mimetype = b""
            if "mimetype" in names:
                with archive.open("mimetype") as member:  # a bounded read: zip bombs exist
                    mimetype = member.read(100)
    except Exception:  # a truncated or damaged archive is still one: read its first header
        length = int.from_bytes(data[26:28], "little")
        names = [data[30 : 30 + length].decode("cp437")]
        mimetype = data[38:138] if names[0] == "mimetype" else b""
    odf = mimetype.strip().removeprefix(b"application/vnd.oasis.opendocument.")
    if odf in _ODF:
        return f"OpenDocument {odf.decode()} file ({_ODF[odf]})"
    for folder, name in _OOXML.items():
        if any(n.startswith(folder) for n in names):
            return name
    return "ZIP archive"


def _wide_text(sample: bytes) -> bool:
    """Whether NUL-bearing ``sample`` reads as UTF-16 text without a BOM."""
    for codec in ("utf-16-le", "utf-16-be"):
        text = sample[: len(sample) // 2 * 2].decode(codec, errors="replace")
        # Bytes that are not UTF-16 give replacement (lone surrogates), private-use, unassigned
        # and control characters; a surrogate pair cut by the sample's end costs one.
        odd = sum(
            ch == "\ufffd" or (unicodedata.category(ch) in ("Cc", "Co", "Cn") and not ch.isspace())
            for ch in text
        )
        if text and odd <= 0.01 * len(text):
            return True
    return False


def looks_like(kind: str) -> str:
    """The error message for input that looks like ``kind`` (a :func:`sniff_binary` answer)."""
    article = "" if kind == "binary data" else ("an " if kind[0] in "AEIOU" else "a ")
    return f"input looks like {article}{kind}, not text"
