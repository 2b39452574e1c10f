"""Decode stage: bytes of unknown encoding → str, or a :class:`~govdoc.errors.DecodeError`.

Decision order (the first rule that applies wins):

1. ``encoding=`` given → decode strictly in it (method ``"given"``); an unknown codec name or
   undecodable bytes raise, the latter with the byte offset and a caret context.
2. A byte order mark (UTF-8, UTF-32 LE/BE, UTF-16 LE/BE) whose body decodes → ``"bom"``.
3. :func:`sniff_binary` names a binary format (PDF, DOCX/XLSX/PPTX/ODF/ZIP, OLE Word/Excel,
   images, archives, executables, NUL-heavy data) → DecodeError "input looks like a …".
4. No NUL byte and strict UTF-8 succeeds → ``"utf-8"`` (the fast path: one ``bytes.decode``).
5. Detection → ``"detected"``. Each candidate, in this order: utf-8 (only if it holds NULs),
   gb18030, big5 (else cp950, else big5hkscs), utf-16-le, utf-16-be, is decoded strictly and,
   if that succeeds, scored by :func:`_plausibility`: how much of the text is frequent Han
   characters and CJK punctuation rather than rare characters in runs, kana, symbols or
   controls. The highest score wins if it is ≥ 0.3, the earlier candidate on equal scores.
   GB2312/GBK/CP936 text therefore comes out as ``gb18030``, their superset. Below 0.3 the
   text is not plausibly Chinese and charset-normalizer (imported only then) is asked; its
   guess is taken if it decodes strictly and scores at least as well as our best, which is
   kept otherwise.
6. Nothing decodes strictly → ``"fallback"``: among the candidates (and the BOM's codec) decoded
   with ``errors="replace"`` and at most 5 % replacement characters, the most plausible one if
   it scores ≥ 0.3. Otherwise DecodeError: "binary data" when over 5 % of the bytes are C0
   controls, else "not text in any supported encoding" at the first bad byte.

``confidence`` is 1.0 for rules 1, 2 and 4, the plausibility score (or 1 - charset-normalizer's
chaos) for rule 5, and at most 0.5 for rule 6. The returned text never starts with U+FEFF.
UTF-32 is recognised by its BOM only.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from govdoc.errors import DecodeError

from .sniff import SNIFF_BYTES, looks_like, sniff_binary

__all__ = ["Decoded", "Method", "decode", "sniff_binary"]

Method = Literal["given", "bom", "utf-8", "detected", "fallback"]


@dataclass(frozen=True, slots=True)
class Decoded:
    """The decoded text and how its encoding was chosen."""

    text: str
    """The decoded text, without a leading byte order mark."""
    encoding: str
    """Python codec name of the body (``"gb18030"``, ``"utf-16-le"`` …; never ``"utf-8-sig"``)."""
    method: Method
    """Which rule chose the encoding (see the module docstring)."""
    confidence: float
    """0…1; 1.0 when the choice is certain (given, BOM, strict UTF-8)."""


# UTF-32 LE must be tested before UTF-16 LE: its BOM starts with the UTF-16 LE BOM.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_OF = {codec: bom for bom, codec in _BOMS}
_BOM_PREFIXES = tuple(_BOM_OF.values())
# Measured on 8- to 20-character windows of real 公文 re-encoded in the candidate codecs: the
# right decoding scores ≥ 0.3 in 99 % of windows, a wrong one scores < 0.3 in 99 %.
_PLAUSIBLE = 0.3
# Candidates in order of preference on equal scores. Website "Big5" is often cp950 or HKSCS.
_FAMILIES = ("utf-8", "gb18030", "big5 cp950 big5hkscs", "utf-16-le", "utf-16-be")
_FALLBACKS = ("utf-8", "gb18030", "cp950", "utf-16-le", "utf-16-be")
# charset-normalizer's GBK-family guesses are reported as the superset, so callers see one name.
_GB_ALIASES = frozenset({"gbk", "gb2312", "cp936"})
# Frequent characters of running text and of 公文 vocabulary, simplified and traditional: a wrong
# CJK decoding yields a near-uniform draw from thousands of characters, real text mostly these.
_COMMON_HAN = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子"
    "说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机"
    "当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心"
    "反明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展"
    "五果料象员革位入常文总次品式活设及管特件长求头基资边流路级少图山统接知较将组见计别手期根论运农"
    "指几九区强放决西被干做必战先回则任取据处府研市省县局委办厅室院议规划推善落务保障安济企项目财创"
    "领导责监督检查考核评估标准施措升促环境态教育卫健康医疗技城乡交输源信息网络台律范依按照单负志请"
    "认真贯彻执印批复函报告示布令纪附抄送联话传址号共页款章节试暂细修订废止效召讨审署排协调配支持鼓励"
    "引快深扩减降优职权限围容础证确维稳绿享率治富美丽六七八零百千万亿元群众服村镇街园州盟旗居门团"
    "這爲為個國時來們於對會發動過說產種後學經進電裏裡現實兩體機當點從業應開還義間樣與關線內數麼質氣"
    "變條沒結問無軍並題黨員總設長頭資邊級圖統較將組見計別論運農幾區強決幹戰則據處縣辦廳議規劃務濟項"
    "財創領導責監檢評標準環態衛醫療鄉輸網絡臺範單負請認貫徹執復複報紀聯話傳號頁節試暫細訂廢討審協調"
    "勵擴減優職權圍礎證確維穩綠麗萬億眾衆鎮園門團"
)
_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』—…·．％０１２３４５６７８９\u3000"
_GOOD = frozenset(_COMMON_HAN + _PUNCT)
_ASCII_RUNS = re.compile(r"[\x20-\x7e\t\n\r]+")
_GOOD_RUNS = re.compile(f"[{re.escape(''.join(sorted(_GOOD)))}]+")
_HAN_RUNS = re.compile("[\u4e00-\u9fff]+")
_LONG_HAN_RUNS = re.compile("[\u4e00-\u9fff]{3,}")
# No evidence either way: white space and Latin letters (pinyin).
_LATIN_LETTERS = "".join(ch for ch in map(chr, range(0x250)) if ch.isalpha())
_NO_EVIDENCE = re.compile(f"[\\s{_LATIN_LETTERS}]+")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # not \t \n \v \f \r


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data`` by the rules of the module docstring; raise DecodeError if not text."""
    if encoding is not None:
        return _decode_given(data, encoding)
    bom_codec = None
    for bom, codec in _BOMS if data.startswith(_BOM_PREFIXES) else ():
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(codec).lstrip("\ufeff"), codec, "bom", 1.0)
            except UnicodeDecodeError:
                bom_codec = bom_codec or codec  # FF FE 00 00 may still be UTF-16 LE: go on
    kind = sniff_binary(data)
    if kind is not None:
        raise DecodeError(looks_like(kind))
    # NUL is valid UTF-8, but text holding it is far likelier UTF-16 without a BOM.
    has_nul = b"\0" in data
    if not has_nul:
        try:
            return Decoded(data.decode("utf-8"), "utf-8", "utf-8", 1.0)
        except UnicodeDecodeError:
            pass
    return _detect(data, bom_codec, has_nul)


def _decode_given(data: bytes, encoding: str) -> Decoded:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        raise DecodeError(f"unknown encoding {encoding!r}") from None
    try:
        text = data.decode(name)
    except UnicodeDecodeError as exc:
        hint = sniff_binary(data)
        raise DecodeError(
            f"bytes {exc.start}–{exc.end} are not valid {name}"
            + (f"; {looks_like(hint)}" if hint else ""),
            position=exc.start,
            context=_byte_context(data, exc.start, exc.end, name),
        ) from None
    except LookupError:  # bytes-to-bytes or str-to-str codecs: base64, rot13 …
        raise DecodeError(f"{encoding!r} is not a text encoding") from None
    except ValueError as exc:  # codecs that fail without a position, such as idna
        raise DecodeError(f"cannot decode with {encoding!r}: {exc}") from None
    return Decoded(text.lstrip("\ufeff"), name, "given", 1.0)


def _detect(data: bytes, bom_codec: str | None, has_nul: bool) -> Decoded:
    scored: list[tuple[float, int, str, str]] = []  # (score, -rank, codec, text)
    for rank, family in enumerate(_FAMILIES):
        if (family == "utf-8" and not has_nul) or (family.startswith("utf-16") and len(data) % 2):
            continue  # rule 4 already failed; odd lengths are not UTF-16
        for codec in family.split():
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            scored.append((_plausibility(text), -rank, codec, text))
            break
    best = max(scored, default=None)
    if best is not None and best[0] >= _PLAUSIBLE:
        return Decoded(best[3].lstrip("\ufeff"), best[2], "detected", round(best[0], 3))
    # Not plausibly Chinese: ask a general detector, but check its guess with the same score, as
    # it takes short Chinese for Korean or Japanese (johab, cp949, shift_jis) ever so often.
    guess = _normalizer_guess(data)
    if guess is not None and (best is None or _plausibility(guess[1]) >= best[0]):
        return Decoded(guess[1].lstrip("\ufeff"), guess[0], "detected", guess[2])
    if best is not None:
        return Decoded(best[3].lstrip("\ufeff"), best[2], "detected", round(best[0], 3))
    return _fallback(data, bom_codec)


def _normalizer_guess(data: bytes) -> tuple[str, str, float] | None:
    """charset-normalizer's best guess as (codec, strictly decoded text, confidence)."""
    import charset_normalizer  # lazily: it costs ~40 ms to import and Chinese never needs it

    try:
        match = charset_normalizer.from_bytes(data).best()
        if match is None:
            return None
        name = codecs.lookup(match.encoding).name
        name = "gb18030" if name in _GB_ALIASES else name
        return name, data.decode(name), round(1.0 - min(max(float(match.chaos), 0.0), 1.0), 3)
    except Exception:  # a detector failure on odd bytes only means "no guess"
        return None


def _fallback(data: bytes, bom_codec: str | None) -> Decoded:
    """No candidate decodes strictly: keep the most plausible one with few replacements."""
    options = []
    for rank, codec in enumerate((bom_codec, *_FALLBACKS)):
        if codec is not None:
            raw = data[len(_BOM_OF[codec]) :] if codec == bom_codec else data
            text = raw.decode(codec, errors="replace")
            bad = text.count("\ufffd")
            score = _plausibility(text) if bad <= 0.05 * len(text) else 0.0
            options.append((score, -rank, codec, raw, text, bad))
    score, _, codec, raw, text, bad = max(options)
    if score >= _PLAUSIBLE:
        confidence = round(0.5 * score * (1 - bad / max(len(text), 1)), 3)
        return Decoded(text.lstrip("\ufeff"), codec, "fallback", confidence)
    # Text has next to no C0 control bytes outside UTF-16; random and binary data about 27/256.
    sample = data[:SNIFF_BYTES].decode("latin-1")
    if len(_BINARY_CONTROLS.findall(sample)) > 0.05 * len(sample):
        raise DecodeError(looks_like("binary data"))
    message = f"input is not text in any supported encoding (closest: {codec})"
    try:
        raw.decode(codec)
    except UnicodeDecodeError as exc:
        context = _byte_context(raw, exc.start, exc.end, codec)
        raise DecodeError(message, position=exc.start, context=context) from None
    raise DecodeError(message)


def _plausibility(text: str) -> float:
    """0…1: good evidence (frequent Han, CJK punctuation) over all evidence; 0.5 if none.

    Printable ASCII, spaces and Latin letters (pinyin) are no evidence either way. A rare Han
    character costs a quarter alone and a whole point in a run of three or more, the signature of
    a wrong CJK codec; kana, Hangul, symbols, private use, controls and U+FFFD (what other wrong
    decodings produce) cost a point each.
    """
    # The first 6000 characters once each ASCII run is one space, of the first 50 000. The
    # sample of a prefix is a prefix of the sample, so a shorter prefix will do when it leaves
    # enough: 8000 characters first, then as many more as the share of them left promises.
    size = 8000
    sample = _ASCII_RUNS.sub(" ", text[:size])
    while len(sample) < 6000 and size < min(len(text), 50_000):
        size = min(50_000, size * 6500 // max(len(sample), 1000))
        sample = _ASCII_RUNS.sub(" ", text[:size])
    sample = sample[:6000]
    # Counted by regex passes in C, run by run. Each run of good characters becomes one
    # space, which ends a run of rare Han characters as a good character does. A rare Han
    # character costs a quarter, and three quarters more in a run of three or more; every cost
    # is a multiple of a quarter, so the float sums are exact whatever order they are added in.
    rest, good_runs = _GOOD_RUNS.subn(" ", sample)
    good = len(sample) - len(rest) + good_runs
    in_long_runs = sum(map(len, _LONG_HAN_RUNS.findall(rest)))
    no_han = _HAN_RUNS.sub("", rest)
    others = len(_NO_EVIDENCE.sub("", no_han))
    bad = 0.25 * (len(rest) - len(no_han)) + 0.75 * in_long_runs + others
    return 0.5 if good + bad == 0 else good / (good + bad)


def _byte_context(data: bytes, start: int, end: int, codec: str) -> str:
    """The decoded text around the bad bytes (shown as escapes) and a caret under them."""
    before = data[max(0, start - 40) : start].decode(codec, errors="replace")[-16:]
    after = data[end : end + 40].decode(codec, errors="replace")[:16]
    before, after = _CONTROLS.sub(" ", before), _CONTROLS.sub(" ", after)
    bad = "".join(f"\\x{b:02x}" for b in data[start:end])
    # Like GovdocError.caret, but CJK characters take two columns on a terminal.
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in before)
    return f"{before}{bad}{after}\n{' ' * width}^"
