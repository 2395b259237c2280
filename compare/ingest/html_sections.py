"""Import stage, HTML sections: where the document ends on a page that goes on past it.

The page's headings tell: the document's title is the first heading naming a kind of
document ("Andijan Declaration of ...", set as an `<h3>` under a page's own `<h2>`). A later
heading that outranks it (an `<h2>` "Our assessment" after the text) opens a section of the
page above the document's level when it stands outside the title's own element (the
document's box); a later heading of the title's own rank that names a kind
of document too ("Statement of the Ministers ...") opens a second document. Either ends the
text when sentences stand between it and the title, unless it reads as a part of the text
(a section number, "Part II", "Annex", "Приложение"). `cut_after_document` leaves everything
from there on out of the content, its words kept for the declaration's left-out furniture.
"""

from __future__ import annotations

import re

from lxml import etree

from .html_nodes import clean
from .lines import Notice, ends_final, is_title_like
from .segment import count_cjk
from .signals import KIND_WORDS

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
TITLE_TRIES = 3
"""Headings naming a kind of document tried as the title, the first ones (each try reads the
content once: linear in the page)."""
_PART = re.compile(r"(?i)^(?:[\dIVXLC]+[.):\s]|(?:part|section|chapter|article|annex|appendix|"
                   r"schedule|attachment|раздел|глава|статья|часть|приложение)\b|第|附件)")
TITLE_WORDS = 4
"""A heading naming a kind of document is a document's title when this long in words at
least (or as many CJK characters times three)."""


def _titles(text: str) -> bool:
    long = len(text.split()) >= TITLE_WORDS or count_cjk(text) >= 3 * TITLE_WORDS
    return long and bool(KIND_WORDS.search(text)) and is_title_like(text) and not text[
        :1].islower() and not _PART.match(text)


def _sentence(el: etree._Element) -> bool:
    text = clean(el.text_content())
    return (len(text.split()) >= 6 or count_cjk(text) >= 15) and ends_final(text)


def _end(container: etree._Element) -> etree._Element | None:
    """The heading that ends the document's text in `container` (see the module), or None.
    Each heading naming a kind of document is tried as the title in turn: a commentary's own
    `<h1>` ("Reading the Andijan declaration") may name one above the document's."""
    heads = [h for h in container.iter(*_HEADINGS) if _titles(clean(h.text_content()))]
    for title in heads[:TITLE_TRIES]:
        end = _end_after(container, title)
        if end is not None:
            return end
    return None


def _end_after(container: etree._Element, title: etree._Element) -> etree._Element | None:
    level, name = int(title.tag[1]), clean(title.text_content())
    home = title.getparent()  # the title's own element: a section outranking it stands outside
    said = False  # a sentence stands after the title, before the heading
    after = False
    for el in container.iter():
        if el is title:
            after = True
            continue
        if not after or not isinstance(el.tag, str):
            continue
        if el.tag in _HEADINGS:
            text = clean(el.text_content())
            rank = int(el.tag[1])
            outside = home is None or not any(a is home for a in el.iterancestors())
            if said and not _PART.match(text) and text and (
                    (rank < level and outside)
                    or (rank == level and text != name and _titles(text))):
                return el
        elif el.tag == "p" and _sentence(el):
            said = True
    return None


def cut_after_document(container: etree._Element,
                       kept: list[tuple[int, str]]) -> list[Notice]:
    """Leave out of `container` the heading that ends the document and all that follows it,
    the words to `kept` as (line, text); the notice saying so."""
    end = _end(container)
    if end is None:
        return []
    line = end.sourceline
    node = end
    gone = [end]
    while node is not container:
        gone += [s for s in node.itersiblings() if isinstance(s.tag, str)]
        parent = node.getparent()
        if parent is None:
            break
        node = parent
    for el in gone:
        text = clean(" ".join([*el.itertext(), el.tail or ""]))
        if text:
            kept.append((el.sourceline or 0, text))
        parent = el.getparent()
        if parent is not None:
            el.tail = None
            parent.remove(el)
    return [Notice(line, f"the document ends before the heading {clean(end.text_content())!r}: "
                         "it and what follows on the page left out")]
