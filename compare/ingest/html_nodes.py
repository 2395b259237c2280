"""Import stage, HTML elements: the small measures every part of the HTML reader shares.

Which tags are blocks (`BLOCKS`), the words of an element's class and id (`class_words`, which
furniture detection, the title search and the reader all consult), an element's inline style
without spaces, the size of a text in characters that are not spaces (`chars`), and a text's
spaces normalised for storing (`clean`).
"""

from __future__ import annotations

import re

from lxml import etree

from .lines import INTRO_WORDS
from .segment import normalize_space

BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre",
                    "blockquote", "figcaption", "td", "th", "div", "section", "article", "main",
                    "header", "table", "tr", "tbody", "thead", "tfoot", "ul", "ol", "dl",
                    "center", "address", "figure", "caption", "body", "hr"})
_WORD_PARTS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def class_words(el: etree._Element) -> set[str]:
    """Lower-case words of the class and id ("news-detail-share" -> news, detail, share)."""
    raw = f"{el.get('class', '')} {el.get('id', '')}"
    whole = {w.lower() for w in raw.split()}
    return whole | {w.lower() for w in _WORD_PARTS.findall(raw)}


def inline_style(el: etree._Element) -> str:
    """The `style` attribute, lower case, without spaces ("display:none")."""
    return re.sub(r"\s+", "", el.get("style", "")).lower()


def chars(text: str) -> int:
    """Characters that are not white space: the size of a text, however it is laid out."""
    return len("".join(text.split()))


def clean(text: str) -> str:
    """Normalised spaces, and none (no-break, ideographic) at the edges: they are layout."""
    return normalize_space(text).strip()


def remove_keep_tail(el: etree._Element) -> None:
    """Remove `el` from its parent but keep the text that follows it (its tail) in place."""
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


def introduced(el: etree._Element) -> bool:
    """Whether the list `el` (or the list item `el` is in) goes on with a sentence of the text:
    the text just before the list ends with a colon and has `INTRO_WORDS` words or more."""
    if el.tag == "li" and (parent := el.getparent()) is not None:
        el = parent
    prev = el.getprevious()
    if prev is None:
        parent = el.getparent()
        before = (parent.text or "") if parent is not None else ""
    else:
        before = prev.tail if prev.tail and prev.tail.strip() else prev.text_content()
    before = before.strip()
    return before.endswith((":", "\uff1a")) and len(before.split()) >= INTRO_WORDS
