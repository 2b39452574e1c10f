"""Government web pages: the document, its info table and the page chrome, as lines.

:func:`page_lines` renders a page (see :mod:`govdoc.htmllines`) and sorts its lines:

* the **content container**: the element of a known CMS class or id (TRS_Editor, zoomcon,
  article-content …) that holds most of the page's prose; failing that, the element found by
  descending from ``<body>`` into the child holding most of its prose while that child holds at
  least :data:`_DESCEND` of it (prose = sentence punctuation outside links, so that menus and
  link lists weigh nothing);
* the **info table**: the smallest ``<table>``, ``<dl>``, ``<ul>`` or ``<div>`` outside the
  container naming two or more info labels (索引号, 发文机关, 文号, 成文日期 …); each of its
  rows (``<tr>``, ``<li>``, ``<dd>``, ``<dl>`` of ``<dt>``/``<dd>`` pairs) becomes one line
  such as ``索引号： 1144…/2023-00331 分类：`` that the text pipeline reads as info fields;
* the page **title**: the last ``<h1>``–``<h3>`` (or element of a ``title`` class) before the
  container that is neither a link (the site's logo) nor a breadcrumb, when the container does
  not repeat it;
* everything else is **chrome**, of the kind its own text or its ancestors' classes say.

:func:`parse_html` then parses those lines with :func:`govdoc.extracted.parse_extracted`.
lxml is the parser: libxml2 recovers from the tag soup of CMS pages the way browsers do, and
python-docx (the DOCX extra) needs it anyway, so both extras share one compiled dependency.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import lxml.html
from lxml.html import HtmlElement

from .chrome import chrome_kind
from .decode import decode
from .extracted import SourceLine, parse_extracted
from .htmllines import HtmlLine, is_text_node, render_lines, xpath_of
from .lines import split_lines
from .nodes import Document

__all__ = ["page_lines", "parse_html"]

_CMS = re.compile(
    r"trs_editor|^zoom(?:con)?$|article[-_]?con(?:tent)?|info_cont|content_article|"
    r"pages?_content|custom_unionstyle|detail[-_]?content|zw[-_]?con(?:tent)?|main[-_]?text",
    re.IGNORECASE,
)
_PROSE = re.compile(r"[，。；、：,;]")
_DESCEND = 0.6
# A CMS container must hold at least this share of the page's prose: "zoom" also names the
# font-size buttons.
_CMS_SHARE = 0.3
_INFO_LABELS = re.compile(
    r"索\s*引\s*号|发文机关|发布机构|发布机关|发文单位|文\s*号|发文字号|成文日期|发布日期|"
    r"发文日期|主题分类|公开方式|统一编号|生效日期|实施日期|信息来源|主\s*题\s*词"
)
_INFO_TAGS = frozenset({"table", "dl", "ul", "div", "tbody"})
_TITLE_TAGS = frozenset({"h1", "h2", "h3"})
# Breadcrumbs and date lines are not titles.
_NOT_TITLE = re.compile(r"[:：>»＞]")
_KIND_BY_CLASS = (
    ("footer", re.compile(r"foot|bottom|copyright|banquan", re.IGNORECASE)),
    ("breadcrumb", re.compile(r"crumb|position|location|weizhi|dqwz|path", re.IGNORECASE)),
    ("widget", re.compile(r"share|fenxiang|ewm|qrcode|print|font|zoom|tool", re.IGNORECASE)),
    ("related", re.compile(r"related|relevant|xgwj|xgjd|xglj|links?\b", re.IGNORECASE)),
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([-\w]+)""", re.IGNORECASE)


def parse_html(source: str | bytes, encoding: str | None = None) -> Document:
    """The Document of a web page given as text or bytes (``encoding`` forces the codec)."""
    enc, method = "utf-8", "text"
    if isinstance(source, bytes):
        source, enc, method = _decode(source, encoding)
    return parse_extracted(page_lines(source), enc, method)


def page_lines(page: str) -> list[SourceLine]:
    """The page's lines in page order, chrome marked (see the module docstring)."""
    # lxml refuses str input that declares an encoding; the text is decoded already.
    page = re.sub(r"\A\s*<\?xml[^>]*>", "", page)
    root = lxml.html.document_fromstring(page) if page.strip() else None
    if root is None:
        return []
    body = root.find("body")
    body = root if body is None else body
    weights = _prose_weights(body)
    container = _container(body, weights)
    inside = set(container.iter())
    infos = [el for el in _info_elements(body) if el not in inside]
    info_members = {x for el in infos for x in el.iter()}
    rows = {r for el in infos for r in _info_rows(el)}
    lines = render_lines(body, lambda el: el.tag == "tr" or el in rows)
    title = _page_title(lines, inside)
    out: list[SourceLine] = []
    seen_container = False
    for line in lines:
        el = line.element
        origin = xpath_of(el)
        seen_container = seen_container or el in inside
        if el in inside or el in info_members or line is title:
            out.append(SourceLine(line.text, origin))
        else:
            out.append(SourceLine(line.text, origin, _chrome_kind(line, seen_container)))
    return out


def _decode(data: bytes, encoding: str | None) -> tuple[str, str, str]:
    if encoding is None:
        declared = _CHARSET.search(data[:4096])
        if declared:
            name = declared.group(1).decode("ascii").lower()
            name = "gb18030" if name in {"gb2312", "gbk"} else name
            try:
                return data.decode(name), name, "declared"
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong declaration: detect as for any text
    decoded = decode(data, encoding)
    return decoded.text, decoded.encoding, decoded.method


def _prose_weights(body: HtmlElement) -> dict[HtmlElement, int]:
    """Sentence punctuation under each element, outside links and unrendered elements."""
    weights: dict[HtmlElement, int] = {}

    def weigh(el: HtmlElement, in_link: bool) -> int:
        in_link = in_link or el.tag == "a"
        total = 0 if in_link else len(_PROSE.findall(el.text or ""))
        for child in el:
            if is_text_node(child):
                total += weigh(child, in_link)
            if not in_link:
                total += len(_PROSE.findall(child.tail or ""))
        weights[el] = total
        return total

    weigh(body, False)
    return weights


def _container(body: HtmlElement, weights: dict[HtmlElement, int]) -> HtmlElement:
    total = max(weights[body], 1)
    named = [
        el
        for el in weights
        if _CMS.search(" ".join([*(el.get("class") or "").split(), el.get("id") or ""]))
        and weights[el] >= _CMS_SHARE * total
    ]
    if named:
        return max(named, key=lambda el: weights[el])
    node = body
    while True:
        children = [c for c in node if c in weights]
        best = max(children, key=lambda c: weights[c], default=None)
        if best is None or weights[best] < _DESCEND * weights[node] or weights[node] == 0:
            return node
        node = best


def _info_elements(body: HtmlElement) -> Iterator[HtmlElement]:
    """The innermost elements naming two or more info labels, in page order."""
    for el in body.iter():
        if not is_text_node(el) or el.tag not in _INFO_TAGS:
            continue
        if len(set(_INFO_LABELS.findall(el.text_content()))) < 2:
            continue
        if any(
            c.tag in _INFO_TAGS
            and len(set(_INFO_LABELS.findall(c.text_content()))) >= 2
            and is_text_node(c)
            for c in el.iter()
            if c is not el
        ):
            continue
        yield el


def _info_rows(info: HtmlElement) -> Iterator[HtmlElement]:
    """Elements of an info table that each make one line: rows, items, label/value pairs."""
    for el in info.iter():
        pairs_in_dl = el.tag == "dl" and el.find("dt") is not None
        lone_dd = el.tag == "dd" and el.getparent().find("dt") is None
        if el.tag in {"tr", "li"} or lone_dd or pairs_in_dl:
            yield el


def _page_title(lines: list[HtmlLine], inside: set[HtmlElement]) -> HtmlLine | None:
    """The page's own title for the document: the last heading-like line before the container
    (not a site logo inside a link, not a breadcrumb), unless the container repeats it."""
    before = list(itertools.takewhile(lambda line: line.element not in inside, lines))
    candidates = [line for line in before if _is_title_like(line)]
    if not candidates:
        return None
    title = candidates[-1]
    key = re.sub(r"\s", "", title.text)
    opening = [re.sub(r"\s", "", line.text) for line in lines[len(before) : len(before) + 8]]
    return None if any(key in k or k in key for k in opening if k) else title


def _is_title_like(line: HtmlLine) -> bool:
    el = line.element
    titled = el.tag in _TITLE_TAGS or "title" in (el.get("class") or "").lower()
    in_link = any(a.tag == "a" for a in el.iterancestors()) or el.find(".//a") is not None
    return (
        titled
        and not in_link
        and len(re.sub(r"\s", "", line.text)) >= 6
        and not _NOT_TITLE.search(line.text)
    )


def _chrome_kind(line: HtmlLine, after_content: bool) -> str:
    parsed = split_lines(line.text)
    kind = chrome_kind(parsed[0]) if parsed else None
    if kind is not None:
        return kind
    el: HtmlElement | None = line.element
    while el is not None:
        names = " ".join([el.tag, el.get("class") or "", el.get("id") or ""])
        for name, rule in _KIND_BY_CLASS:
            if rule.search(names):
                return name
        el = el.getparent()
    return "trailer" if after_content else "menu"
