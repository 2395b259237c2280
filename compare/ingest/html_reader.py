"""Import stage, reading HTML: a content element's text as a title and blocks, in order.

Inside the content, in document order: text broken by `<br>` is read line by line as in plain
text (`layout.line_blocks`); `<p>`, headings, table cells and `<div>`s give paragraphs; `<li>`
give items, except that a top-level `<ol>` of whole paragraphs numbers paragraphs. The title is
the first `<h1>` (or first heading, bold or centred title-like line) above the text, a record of
terms and values (`<dl>`) above it notwithstanding. Runs without a letter or digit are set aside
for a notice. Iterative: a deep page cannot exhaust the stack.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .html_nodes import BLOCKS, chars, class_words, clean, inline_style
from .layout import line_blocks
from .lines import Block, is_title_like, parse_marker
from .signals import KIND_WORDS

_LEAVES = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "dt", "figcaption",
                     "caption"})
_LISTS = ("ul", "ol", "table", "dl")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_SPACE = re.compile(r"[ \t\n\r\f]+")


@dataclass
class _Run:
    el: etree._Element
    text: str
    line: int


class Reader:
    """Collects the title and blocks of one or more containers."""

    def __init__(self) -> None:
        self.title = ""
        self.title_line: int | None = None
        self.blocks: list[Block] = []
        self.opening = True  # only datelines and title lines so far
        self.titled_last = False
        self.title_h1 = False  # the title came from an <h1>
        self.title_at = 0  # where the title stands among the blocks
        self.skipped: list[tuple[int, str]] = []  # runs without a letter or digit

    def read(self, container: etree._Element) -> None:
        wholes = _paragraph_items(container)
        for run in _runs(container, wholes):
            self._take(run, run.el in wholes)

    def _take(self, run: _Run, whole: bool) -> None:
        if "\n" in run.text.strip() and run.el.tag != "li":
            pre = run.el.tag == "pre"  # a <pre> sets its title lines apart, on source lines
            for block in line_blocks(run.text, run.line, source_lines=pre):
                self._add(block, run.el, heading=pre)
            return
        text = clean(run.text)
        if text and not any(ch.isalnum() for ch in text):
            self.skipped.append((run.line, text))
        elif text:
            heading = (run.el.tag in _HEADINGS or _emphasised(run.el)
                       or "title" in class_words(run.el))
            self._add(_block(run.el, text, run.line, whole), run.el, heading)

    def _add(self, block: Block, el: etree._Element, heading: bool) -> None:
        text = block.text if block.number is None else f"{block.number} {block.text}"
        titled = False
        if self.opening and block.kind == "paragraph" and is_title_like(text):
            titled = self._title(text, el, heading, block.line)
        elif el.tag not in ("dt", "dd"):  # a record's terms above the title ("Date:") open
            self.opening = False  # no text yet
        self.titled_last = titled
        if not titled:
            self.blocks.append(block)

    def _title(self, text: str, el: etree._Element, heading: bool, line: int) -> bool:
        names = KIND_WORDS.search(text) is not None
        if self.title:
            named = KIND_WORDS.search(self.title) is not None
            if heading and el.tag != "h1" and self.titled_last and self._continues(text) and (
                    named or not names):
                self.title = f"{self.title} {text}"  # a title set on two lines
                return True
            if (el.tag == "h1" or heading) and names and not named and not self.title_h1:
                # a banner or section label above the document's title: a block again
                self.blocks.insert(self.title_at, Block("paragraph", self.title,
                                                        self.title_line or 0, after_break=True))
                self._set_title(text, line, el.tag == "h1")
                return True
            return False
        upper = text == text.upper() and any(ch.isalpha() for ch in text)
        if el.tag == "h1" or heading or (upper and not self.blocks):
            self._set_title(text, line, el.tag == "h1")
            return True
        return False

    def _set_title(self, text: str, line: int, h1: bool) -> None:
        self.title, self.title_line, self.title_h1 = text, line, h1
        self.title_at = len(self.blocks)

    def _continues(self, text: str) -> bool:
        return text[:1].islower() or self.title == self.title.upper()


def _runs(container: etree._Element, wholes: set[etree._Element]) -> list[_Run]:
    """Text runs in document order: the text of a block element up to the next block inside it.

    Iterative (a deep page cannot exhaust the stack). Source line breaks are spaces, `<br>` is a
    line break (and so is a line break inside `<pre>`).
    """
    blocky = {a for b in container.iter(*BLOCKS) for a in b.iterancestors()}
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
        elif child.tag in _LISTS if leaf else (child.tag in BLOCKS or child in blocky):
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
    return f" {text} " if el.tag in BLOCKS else text


def _emphasised(el: etree._Element) -> bool:
    """Bold all through, or centred: how a title is set on pages without headings."""
    style = inline_style(el)
    if el.get("align", "").lower() == "center" or "text-align:center" in style:
        return True
    if el.tag == "center" or any(a.tag == "center" for a in el.iterancestors()):
        return True
    bold = "".join(b.text_content() for b in el.iter("b", "strong"))
    return bool(bold.strip()) and chars(bold) == chars(el.text_content())


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
    texts = [clean(x.text_content()) for x in items]
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
