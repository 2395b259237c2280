"""Import stage, HTML: the main content of a web page as a title and blocks (like `layout`).

The page is decoded by its declared charset (`<meta charset>`, `http-equiv`, `<?xml encoding?>`,
with the WHATWG label meanings: gb2312 is GBK, iso-8859-1 is windows-1252) and parsed with
lxml.html without network access; DTDs are never loaded and only HTML's own entities are known.

Never content: scripts, styles, templates, forms, navigation, footers, asides, comments, hidden
elements (`hidden`, `aria-hidden="true"`, `display:none`), a page `<header>` outside the
article, and page furniture named by its role, class or id (breadcrumbs, cookie banners, share
buttons, menus, related links...; see `FURNITURE`). A footnotes section and the footnote markers
that point into it are left out too: a marker such as `<sup>1</sup>` is a reference, not a word
of the clause (kept, it would glue to the word before it). Each of these is reported once.

The content is `--select` (a CSS selector, or an XPath when it starts with "/" or "("), else
`<main>`, else the `<article>` with most text, else the element whose own text and children's
own text hold most words that are not links, widened to its parent while the other children
there are small and not link lists. Inside it, in document order: text broken by `<br>` is read
line by line as in plain text; `<p>`, headings, table cells and `<div>`s give paragraphs; `<li>`
give items, except that a top-level `<ol>` of whole paragraphs numbers paragraphs. The title is
the first `<h1>` (or first heading, bold or centred title-like line) above the text, else a
title element just before the content.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector

from .errors import DeclarationError
from .layout import Block, Layout, Notice, is_title_like, line_blocks, parse_marker
from .segment import normalize_space

DROPPED = ("script", "style", "noscript", "template", "nav", "footer", "aside",
           "form", "button", "select", "textarea", "svg", "math", "iframe", "object", "embed",
           "head", "title", "meta", "link", "dialog")
FURNITURE = frozenset({
    "breadcrumb", "breadcrumbs", "share", "sharing", "social", "cookie", "cookies", "consent",
    "gdpr", "sidebar", "menu", "navbar", "navigation", "nav", "related", "comments", "comment",
    "pagination", "pager", "advert", "advertisement", "ads", "subscribe", "newsletter",
    "toolbar", "skip", "tags", "footer", "meta", "byline", "print", "attachments", "downloads",
    "widget", "popup", "modal",
})
"""Class or id words (split at "-", "_", spaces and case changes) of elements that are not text."""
_HIDDEN_CLASSES = frozenset({"hidden", "invisible", "sr-only", "visually-hidden", "visuallyhidden",
                            "screen-reader-text", "d-none"})
_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog",
                    "alertdialog", "menu", "menubar", "toolbar"})
_NOTES = frozenset({"footnote", "footnotes", "endnote", "endnotes"})
_NOTE_ROLES = frozenset({"doc-endnotes", "doc-footnote", "doc-footnotes"})
_NOTE_MARK = re.compile(r"\[?\(?(?:\d{1,3}|[*\u2020\u2021\u00a7]{1,3}|[a-z])\)?\]?")
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre",
                     "blockquote", "figcaption", "td", "th", "div", "section", "article", "main",
                     "header", "table", "tr", "tbody", "thead", "tfoot", "ul", "ol", "dl",
                     "center", "address", "figure", "caption", "body", "hr"})
_LEAVES = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "dt", "figcaption",
                     "caption"})
_LISTS = ("ul", "ol", "table", "dl")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_LABELS = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
    "csgb2312": "gb18030", "chinese": "gb18030", "iso-ir-58": "gb18030",
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "l1": "cp1252",
    "ascii": "cp1252", "us-ascii": "cp1252", "windows-1252": "cp1252", "iso_8859-1": "cp1252",
    "shift_jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "windows-31j": "cp932",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "big5": "big5hkscs", "tis-620": "cp874",
    "iso-8859-11": "cp874",
}
"""Charset labels as browsers read them (WHATWG Encoding): the superset Python names."""
_WORD_PARTS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def looks_like_html(data: bytes, path: str | None) -> bool:
    """By the file name's extension, else by an opening `<!doctype html>`/`<html>` tag."""
    if path and path.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    return bool(_HTML_START.match(data.removeprefix(b"\xef\xbb\xbf")[:4096]))


def declared_charset(data: bytes) -> str | None:
    """The Python codec for the charset a page declares (None if none, UTF-8 or unknown)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return None
    head = data[:4096]
    m = _CHARSET.search(head) or _XML_ENCODING.search(head)
    if m is None:
        return None
    label = m.group(1).decode("ascii").lower()
    name = _LABELS.get(label, label)
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None  # read as UTF-8; a failure there suggests --encoding
    return None if codec == "utf-8" else name


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
    if select:  # what the user picked stays, whatever its class; furniture inside it goes
        containers = _select(root, select, path)
        notices = [n for c in containers for n in _strip_furniture(c)]
    else:
        notices = _strip_furniture(root)
        containers = [_main(root)]
    reader = _Reader()
    for container in containers:
        reader.read(container)
    if not reader.blocks:
        raise DeclarationError("no paragraphs found in the HTML content", path)
    if not reader.title and not select:
        reader.title, reader.title_line = _title_before(containers[0])
        if reader.title:
            notices.append(Notice(reader.title_line, "title taken from the element above "
                                                     "the text"))
    if select:
        notices.append(Notice(None, f"content selected with {select!r}"))
    notices += [Notice(line, f"text without letters or digits left out: {text!r}")
                for line, text in reader.skipped]
    return Layout(reader.title, reader.title_line, tuple(reader.blocks), tuple(notices))


# --- what is not content ---------------------------------------------------------------------


def _tokens(el: etree._Element) -> set[str]:
    """Lower-case words of the class and id ("news-detail-share" -> news, detail, share)."""
    raw = f"{el.get('class', '')} {el.get('id', '')}"
    whole = {w.lower() for w in raw.split()}
    return whole | {w.lower() for w in _WORD_PARTS.findall(raw)}


def _hidden(el: etree._Element) -> bool:
    style = re.sub(r"\s+", "", el.get("style", "")).lower()
    classes = {c.lower() for c in el.get("class", "").split()}
    return (el.get("hidden") is not None or el.get("aria-hidden", "").lower() == "true"
            or "display:none" in style or "visibility:hidden" in style
            or bool(classes & _HIDDEN_CLASSES))


def _furniture(el: etree._Element, total: int) -> str:
    """Why `el` is not text ("" if it may be)."""
    if _hidden(el):
        return "hidden"
    tokens = _tokens(el)
    role = el.get("role", "").lower()
    if tokens & _NOTES or role in _NOTE_ROLES:
        return "footnotes"
    if el.tag == "header" and not any(a.tag in ("article", "main") for a in el.iterancestors()):
        return "page header"
    why = sorted(tokens & FURNITURE) or ([role] if role in _ROLES else [])
    if not why or el.tag in ("body", "html", "main", "article"):
        return ""
    big = _chars(el.text_content()) * 2 > total or el.find(".//main") is not None
    return "" if big or el.find(".//article") is not None else why[0]


def _strip_furniture(root: etree._Element) -> list[Notice]:
    """Remove hidden elements, page furniture, footnote sections and markers; notices."""
    total = _chars(root.text_content())
    found: list[tuple[int, str]] = []
    stack = [root]
    while stack:
        el = stack.pop()
        for child in list(el):
            if not isinstance(child.tag, str):
                continue
            why = _furniture(child, total)
            if why:
                found.append((child.sourceline or 0, why))
                _remove(child)
            else:
                stack.append(child)
    notes = any(why == "footnotes" for _, why in found)
    marks: list[tuple[int, str]] = []
    for sup in list(root.iter("sup")):
        if _note_marker(sup, notes):
            marks.append((sup.sourceline or 0, normalize_space(sup.text_content())))
            _remove(sup)
    return _furniture_notices(found, marks)


def _note_marker(sup: etree._Element, notes: bool) -> bool:
    if not _NOTE_MARK.fullmatch(normalize_space(sup.text_content())):
        return False
    return notes or any(a.get("href", "").startswith("#") for a in sup.iter("a"))


def _remove(el: etree._Element) -> None:
    """Remove `el` but keep the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _furniture_notices(found: list[tuple[int, str]], marks: list[tuple[int, str]]) -> list[Notice]:
    out = []
    other = [(line, why) for line, why in found if why != "footnotes"]
    if other:
        kinds = ", ".join(dict.fromkeys(why for _, why in other))
        out.append(Notice(other[0][0], f"left out {len(other)} page element(s) that are not "
                                       f"text ({kinds}; first here)"))
    for line, why in found:
        if why == "footnotes":
            out.append(Notice(line, "footnotes section left out"))
    if marks:
        listed = ", ".join(f"{m!r} (line {line})" for line, m in marks)
        out.append(Notice(marks[0][0], f"footnote marker(s) left out of the text: {listed}"))
    return out


# --- where the text is -----------------------------------------------------------------------


def _chars(text: str) -> int:
    return len("".join(text.split()))


def _net(el: etree._Element) -> int:
    """Characters of text that are not link text, minus link text: link lists score below 0."""
    links = sum(_chars(a.text_content()) for a in el.iter("a") if a.get("href") is not None)
    return _chars(el.text_content()) - 2 * links


def _direct(el: etree._Element) -> int:
    """`_net` of the text that belongs to `el` itself (not to block elements inside it)."""
    score = _chars(el.text or "")
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _BLOCKS:
            score += _net(child)
        score += _chars(child.tail or "")
    return score


def _score(el: etree._Element) -> int:
    return _direct(el) + sum(_direct(c) for c in el if isinstance(c.tag, str) and c.tag in _BLOCKS)


def _main(root: etree._Element) -> etree._Element:
    for tag in ("main", "article"):
        found = root.findall(f".//{tag}")
        if found:
            return max(found, key=_text_length)
    body = root.find("body")
    body = root if body is None else body
    best = max(body.iter(), key=lambda el: _score(el) if isinstance(el.tag, str) else -1)
    if _score(best) <= 0:
        return body
    return _widen(best, body)


def _widen(el: etree._Element, body: etree._Element) -> etree._Element:
    """The parent too, while its other children are small, not link lists and above the text
    (a title, a dateline), never the body."""
    size = _score(el)
    parent = el.getparent()
    while parent is not None and parent is not body:
        before = list(el.itersiblings(preceding=True))
        after = [c for c in el.itersiblings() if _chars(c.text_content() + (c.tail or ""))]
        nets = [_net(c) for c in before if isinstance(c.tag, str)] + [_chars(parent.text or "")]
        if after or _chars(el.tail or "") or any(n < 0 for n in nets) or sum(nets) * 2 > size:
            break
        el, parent = parent, parent.getparent()
    return el


def _text_length(el: etree._Element) -> int:
    return len(normalize_space(el.text_content()))


def _title_before(container: etree._Element) -> tuple[str, int | None]:
    """The nearest heading or element whose class or id says "title" before the content."""
    el: etree._Element | None = container
    for _ in range(3):
        if el is None:
            break
        for sibling in el.itersiblings(preceding=True):
            for cand in reversed(list(sibling.iter())):
                if not isinstance(cand.tag, str):
                    continue
                titled = cand.tag in ("h1", "h2", "h3") or _tokens(cand) & {"title", "headline"}
                text = _clean(cand.text_content())
                if titled and text and is_title_like(text):
                    return text, cand.sourceline
        el = el.getparent()
    return "", None


# --- reading the content in document order ---------------------------------------------------


@dataclass
class _Run:
    el: etree._Element
    text: str
    line: int


def _clean(text: str) -> str:
    """Normalised spaces, and none (no-break, ideographic) at the edges: they are layout."""
    return normalize_space(text).strip()


class _Reader:
    """Collects the title and blocks of one or more containers."""

    def __init__(self) -> None:
        self.title = ""
        self.title_line: int | None = None
        self.blocks: list[Block] = []
        self.opening = True  # only datelines and title lines so far
        self.titled_last = False
        self.skipped: list[tuple[int, str]] = []  # runs without a letter or digit

    def read(self, container: etree._Element) -> None:
        wholes = _paragraph_items(container)
        for run in _runs(container, wholes):
            self._take(run, run.el in wholes)

    def _take(self, run: _Run, whole: bool) -> None:
        if "\n" in run.text.strip() and run.el.tag != "li":
            for block in line_blocks(run.text, run.line):
                self._add(block, run.el, heading=False)
            return
        text = _clean(run.text)
        if text and not any(ch.isalnum() for ch in text):
            self.skipped.append((run.line, text))
        elif text:
            heading = run.el.tag in _HEADINGS or _emphasised(run.el) or "title" in _tokens(run.el)
            self._add(_block(run.el, text, run.line, whole), run.el, heading)

    def _add(self, block: Block, el: etree._Element, heading: bool) -> None:
        text = block.text if block.number is None else f"{block.number} {block.text}"
        titled = False
        if self.opening and block.kind == "paragraph" and is_title_like(text):
            titled = self._title(text, el, heading, block.line)
        else:
            self.opening = False
        self.titled_last = titled
        if not titled:
            self.blocks.append(block)

    def _title(self, text: str, el: etree._Element, heading: bool, line: int) -> bool:
        if self.title:
            if heading and el.tag != "h1" and self.titled_last and self._continues(text):
                self.title = f"{self.title} {text}"  # a title set on two lines
                return True
            return False
        upper = text == text.upper() and any(ch.isalpha() for ch in text)
        if el.tag == "h1" or heading or (upper and not self.blocks):
            self.title, self.title_line = text, line
            return True
        return False

    def _continues(self, text: str) -> bool:
        return text[:1].islower() or self.title == self.title.upper()


_SPACE = re.compile(r"[ \t\n\r\f]+")


def _runs(container: etree._Element, wholes: set[etree._Element]) -> list[_Run]:
    """Text runs in document order: the text of a block element up to the next block inside it.

    Iterative (a deep page cannot exhaust the stack). Source line breaks are spaces, `<br>` is a
    line break (and so is a line break inside `<pre>`).
    """
    blocky = {a for b in container.iter(*_BLOCKS) for a in b.iterancestors()}
    out: list[_Run] = []
    stack = [_Frame(container, list(container), [_ws(container, container.text)])]
    while stack:
        frame = stack[-1]
        el = frame.el
        leaf = el.tag in _LEAVES or el in wholes
        if frame.index == len(frame.children):
            _flush(out, el, frame.pieces)
            stack.pop()
            if stack and el is not container:
                stack[-1].pieces.append(_ws(stack[-1].el, el.tail))
            continue
        child = frame.children[frame.index]
        frame.index += 1
        if not isinstance(child.tag, str):
            frame.pieces.append(_ws(el, child.tail))
        elif child.tag in _LISTS if leaf else (child.tag in _BLOCKS or child in blocky):
            _flush(out, el, frame.pieces)
            stack.append(_Frame(child, list(child), [_ws(child, child.text)]))
        else:
            frame.pieces.append(_inline(child, el))
            frame.pieces.append(_ws(el, child.tail))
    return out


@dataclass
class _Frame:
    el: etree._Element
    children: list[etree._Element]
    pieces: list[str]
    index: int = 0


def _ws(el: etree._Element, text: str | None) -> str:
    if not text:
        return ""
    return text if el.tag == "pre" else _SPACE.sub(" ", text)


def _flush(out: list[_Run], el: etree._Element, pieces: list[str]) -> None:
    text = "".join(pieces)
    pieces.clear()
    if text.strip():
        out.append(_Run(el, text, el.sourceline or 0))


def _inline(el: etree._Element, parent: etree._Element) -> str:
    """Text of an inline element (or of a block inside a leaf, set apart by spaces)."""
    if el.tag == "br":
        return "\n"
    parts = [_ws(parent, el.text)]
    for child in el:
        if isinstance(child.tag, str):
            parts.append(_inline(child, parent))
        parts.append(_ws(parent, child.tail))
    text = "".join(parts)
    return f" {text} " if el.tag in _BLOCKS else text


def _emphasised(el: etree._Element) -> bool:
    """Bold all through, or centred: how a title is set on pages without headings."""
    style = re.sub(r"\s+", "", el.get("style", "")).lower()
    if el.get("align", "").lower() == "center" or "text-align:center" in style:
        return True
    if el.tag == "center" or any(a.tag == "center" for a in el.iterancestors()):
        return True
    bold = "".join(b.text_content() for b in el.iter("b", "strong"))
    return bool(bold.strip()) and _chars(bold) == _chars(el.text_content())


def _block(el: etree._Element, text: str, line: int, whole: bool) -> Block:
    if whole:
        return Block("paragraph", text, line, _ol_number(el.getparent(), el, "."), "number",
                     True)
    if el.tag == "li":
        return _item(el, text, line)
    marker = parse_marker(text)
    if marker is not None:
        style, kind, number, rest = marker
        return Block(kind, rest, line, number, style, True)
    return Block("paragraph", text, line, after_break=True)


def _item(el: etree._Element, text: str, line: int) -> Block:
    parent = el.getparent()
    if parent is not None and parent.tag == "ol":
        return Block("item", text, line, _ol_number(parent, el, ")"), "ol", True)
    return Block("item", text, line, "-", "bullet", True)


def _paragraph_items(container: etree._Element) -> set[etree._Element]:
    """The `<li>` that are numbered paragraphs (see `_paragraph_list`)."""
    return {li for ol in container.iter("ol") if _paragraph_list(ol)
            for li in ol if li.tag == "li"}


def _paragraph_list(ol: etree._Element) -> bool:
    """A top-level `<ol>` whose items are whole paragraphs: several sentences, a nested list or
    paragraphs inside, or long; none ending in ";" or "," as list items do."""
    if ol.get("type") in ("a", "A", "i", "I") or any(a.tag == "li" for a in ol.iterancestors()):
        return False
    items = [x for x in ol if x.tag == "li"]
    texts = [_clean(x.text_content()) for x in items]
    if not items or any(t.rstrip(" )\u201d\u00bb").endswith((";", ",", "\uff1b")) for t in texts):
        return False
    nested = any(x.find(".//ul") is not None or x.find(".//ol") is not None
                 or x.find(".//p") is not None for x in items)
    sentences = any(re.search(r"[.!?\u3002] +\S", t) for t in texts)
    return nested or sentences or sum(map(len, texts)) >= 100 * len(texts)


def _ol_number(ol: etree._Element | None, li: etree._Element, end: str) -> str:
    if ol is None:
        return f"1{end}"
    siblings = [x for x in ol if x.tag == "li"]
    try:
        start = int(ol.get("start", "1"))
    except ValueError:
        start = 1
    n = start + siblings.index(li)
    if ol.get("type") in ("a", "A") and 1 <= n <= 26:
        letter = chr(ord("a") + n - 1)
        return f"{letter.upper() if ol.get('type') == 'A' else letter}{end}"
    return f"{n}{end}"


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
