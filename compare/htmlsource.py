"""Import stage, HTML: the main content of a web page as a title and blocks (like `layout`).

The page is parsed with lxml.html without network access; DTDs are never loaded and only the
entities HTML itself defines are known. Scripts, styles, templates, forms, navigation, headers,
footers and asides are dropped before anything is read. The content is `--select` (a CSS
selector, or an XPath when it starts with "/" or "("), else `<main>`, else the `<article>` with
most text, else the element whose `<p>` children hold most text. Inside it: `<h1>` gives the
title, `<p>` and other headings give paragraphs, `<li>` of `<ul>`/`<ol>` give items.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector

from .errors import DeclarationError
from .layout import Block, Layout, Notice, parse_marker
from .segment import normalize_space

DROPPED = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside",
           "form", "button", "select", "textarea", "svg", "math", "iframe", "object", "embed",
           "head", "title", "meta", "link")
_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "blockquote",
           "figcaption", "td", "th", "div", "section")
_LEAVES = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "dt", "figcaption")
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def looks_like_html(data: bytes, path: str | None) -> bool:
    """By the file name's extension, else by an opening `<!doctype html>`/`<html>` tag."""
    if path and path.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    return bool(_HTML_START.match(data.removeprefix(b"\xef\xbb\xbf")[:4096]))


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in `<meta charset>` (None if none, or UTF-8)."""
    m = _CHARSET.search(data[:4096])
    if m is None or m.group(1).lower() in (b"utf-8", b"utf8"):
        return None
    return m.group(1).decode("ascii")


def _parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
        default_doctype=False, huge_tree=False,
    )


def extract(text: str, path: str | None, select: str | None) -> Layout:
    """Title and blocks of the page's main content (or of the elements `select` picks)."""
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=_parser())
    except (etree.ParserError, ValueError) as exc:
        raise DeclarationError(f"cannot parse HTML: {exc}", path) from None
    etree.strip_elements(root, *DROPPED, with_tail=False)
    containers = _select(root, select, path) if select else [_main(root)]
    title: str = ""
    title_line: int | None = None
    blocks: list[Block] = []
    for container in containers:
        for el in _block_elements(container):
            title, title_line = _take(el, title, title_line, blocks)
    if not blocks:
        raise DeclarationError("no paragraphs found in the HTML content", path)
    notices = [] if not select else [Notice(None, f"content selected with {select!r}")]
    return Layout(title, title_line, tuple(blocks), tuple(notices))


def _take(
    el: etree._Element, title: str, title_line: int | None, blocks: list[Block]
) -> tuple[str, int | None]:
    text = normalize_space(_own_text(el))
    if not text:
        return title, title_line
    line = el.sourceline or 0
    if el.tag == "h1" and not title and not blocks:
        return text, line
    if el.tag == "li":
        blocks.append(_item(el, text, line))
    else:
        blocks.append(_paragraph(text, line))
    return title, title_line


def _paragraph(text: str, line: int) -> Block:
    marker = parse_marker(text)
    if marker is not None and marker[1] == "paragraph":
        return Block("paragraph", marker[3], line, marker[2], marker[0], True)
    return Block("paragraph", text, line, after_break=True)


def _item(el: etree._Element, text: str, line: int) -> Block:
    parent = el.getparent()
    if parent is not None and parent.tag == "ol":
        number = _ol_number(parent, el)
        return Block("item", text, line, number, "ol", True)
    return Block("item", text, line, "-", "bullet", True)


def _ol_number(ol: etree._Element, li: etree._Element) -> str:
    siblings = [x for x in ol if x.tag == "li"]
    try:
        start = int(ol.get("start", "1"))
    except ValueError:
        start = 1
    n = start + siblings.index(li)
    if ol.get("type") in ("a", "A") and 1 <= n <= 26:
        letter = chr(ord("a") + n - 1)
        return f"{letter.upper() if ol.get('type') == 'A' else letter})"
    return f"{n})"


def _own_text(el: etree._Element) -> str:
    """Text of a block element without the text of block elements nested in it."""
    parts = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        if child.tag not in _BLOCKS and child.tag not in ("ul", "ol", "table"):
            parts.append(_own_text(child) if child.tag != "br" else " ")
        parts.append(child.tail or "")
    return " ".join(parts) if el.tag == "pre" else "".join(parts)


def _block_elements(container: etree._Element) -> list[etree._Element]:
    """Block elements in document order; a container's own loose text is not content."""
    return [el for el in container.iter(*_BLOCKS) if not _inside_block(el, container)]


def _inside_block(el: etree._Element, container: etree._Element) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not container:
        if parent.tag in _LEAVES:
            return True
        parent = parent.getparent()
    return False


def _select(root: etree._Element, select: str, path: str | None) -> list[etree._Element]:
    try:
        xpath = select.startswith(("/", "("))
        found = root.xpath(select) if xpath else CSSSelector(select)(root)
    except Exception as exc:  # cssselect and lxml raise several unrelated types
        raise DeclarationError(f"bad selector {select!r}: {exc}", path) from None
    items = found if isinstance(found, list) else []
    elements = [x for x in items if isinstance(x, etree._Element)]
    if not elements:
        raise DeclarationError(f"selector {select!r} matched no element", path)
    return _outermost(elements)


def _outermost(elements: list[etree._Element]) -> list[etree._Element]:
    chosen: list[etree._Element] = []
    for el in elements:
        if el not in chosen and not any(a in chosen for a in el.iterancestors()):
            chosen.append(el)
    return chosen


def _main(root: etree._Element) -> etree._Element:
    for tag in ("main", "article"):
        found = root.findall(f".//{tag}")
        if found:
            return max(found, key=_text_length)
    best, best_len = root, 0
    for el in root.iter():
        size = sum(_text_length(p) for p in el if p.tag == "p")
        if size > best_len:
            best, best_len = el, size
    return best


def _text_length(el: etree._Element) -> int:
    return len(normalize_space(el.text_content()))
