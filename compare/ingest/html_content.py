"""Import stage, HTML main content: which element of a page holds the declaration's text.

The content is what `--select` picks (a CSS selector, or an XPath when it starts with "/" or
"("; the outermost of the elements it matches), else `<main>`, else the `<article>` with most
text, else the element whose own text and children's own text hold most characters that are not
links (the element around a quotation that has sentences of its own beside it, unless the
quotation is a whole document under its own title: a forum post quoting the text), widened to
its parent while the other children there are small, above the text and not
link lists. On a parallel edition whose halves are marked with their languages (`lang`), the
English half is the content. A title missing from the content may be the heading just before
it (`title_before`).
"""

from __future__ import annotations

from lxml import etree
from lxml.cssselect import CSSSelector

from ..errors import DeclarationError
from .html_nodes import BLOCKS, chars, class_words, clean
from .lines import is_title_like
from .segment import normalize_space
from .signals import KIND_WORDS


def _net(el: etree._Element) -> int:
    """Characters of text that are not link text, minus link text: link lists score below 0."""
    links = sum(chars(a.text_content()) for a in el.iter("a") if a.get("href") is not None)
    return chars(el.text_content()) - 2 * links


def _direct(el: etree._Element) -> int:
    """`_net` of the text that belongs to `el` itself (not to block elements inside it)."""
    score = chars(el.text or "")
    for child in el:
        if isinstance(child.tag, str) and child.tag not in BLOCKS:
            score += _net(child)
        score += chars(child.tail or "")
    return score


def _score(el: etree._Element) -> int:
    """`_direct` of the element and of its block children; a table counts its cells too (a
    text laid out one paragraph a row)."""
    score = _direct(el) + sum(_direct(c) for c in el if isinstance(c.tag, str) and c.tag in BLOCKS)
    if el.tag == "table":
        rows = [r for r in el.iter("tr") if next(r.iterancestors("table"), None) is el]
        score += sum(_direct(c) for r in rows for c in r if c.tag in ("td", "th"))
    return score


def main_content(root: etree._Element) -> etree._Element:
    """`<main>`, else the longest `<article>`, else the best-scoring element, widened."""
    for tag in ("main", "article"):
        found = root.findall(f".//{tag}")
        if found:
            return max(found, key=_text_length)
    body = root.find("body")
    body = root if body is None else body
    best = max(body.iter(), key=lambda el: _score(el) if isinstance(el.tag, str) else -1)
    if _score(best) <= 0:
        return body
    return _widen(_quoting(_english_half(best, body), body), body)


def _english_half(el: etree._Element, body: etree._Element) -> etree._Element:
    """On a page printing a parallel edition in elements marked with their languages (`<section
    lang="ru">` and then `<section lang="en">`): the English half, when the text found is
    marked in another language and a sibling of it (or of an element around it; before or after
    it) marked English holds at least a third as much text (the same text runs longer in
    Russian). English is the half compared (`ingest.bilingual.primary_language`); the other
    is left out, recorded."""
    for node in (el, *el.iterancestors()):
        if node is body:
            break
        lang = (node.get("lang") or node.get("{http://www.w3.org/XML/1998/namespace}lang") or "")
        if not lang:
            continue
        if lang.casefold().startswith("en"):
            return el
        size = _text_length(node)
        siblings = [*node.itersiblings(preceding=True), *node.itersiblings()]
        english = [c for c in siblings if isinstance(c.tag, str) and (
            c.get("lang") or "").casefold().startswith("en")
            and _text_length(c) * ENGLISH_SHARE >= size]
        return english[0] if english else el
    return el


ENGLISH_SHARE = 3
"""The English half of a parallel edition holds at least 1/ENGLISH_SHARE of the other's text."""


def _quoting(el: etree._Element, body: etree._Element) -> etree._Element:
    """The element holding a quotation (`<blockquote>`, `<q>`) with sentences of its own around
    it: a press release quoting the operative paragraphs is the text, the quote a part of it."""
    quote = next((q for q in (el, *el.iterancestors()) if q.tag in ("blockquote", "q")), None)
    parent = None if quote is None else quote.getparent()
    if quote is None or parent is None or parent is body:
        return el
    if _whole_document(quote):
        return quote
    others = [c for c in parent if isinstance(c.tag, str) and c is not quote]
    if any(_sentence_like(clean(_own_text(c))) for c in others):
        return parent
    return el


QUOTED_BLOCKS = 3
"""A quotation of a whole document holds at least this many blocks, its title the first."""


def _whole_document(quote: etree._Element) -> bool:
    """A quotation that is a whole document: its first block a title naming its kind
    ("Shiraz Declaration of ...", a forum post quoting the text it was asked for), then
    `QUOTED_BLOCKS` blocks or more with the title. The talk around it is the page's."""
    blocks = [x for x in quote.iter() if isinstance(x.tag, str) and x.tag in BLOCKS
              and x is not quote and normalize_space(x.text_content())]
    if len(blocks) < QUOTED_BLOCKS:
        return False
    first = clean(blocks[0].text_content())
    return is_title_like(first) and KIND_WORDS.search(first) is not None and not first[
        :1].islower()


def _widen(el: etree._Element, body: etree._Element) -> etree._Element:
    """The parent too, while its other children are small, not link lists and above the text
    (a title, a dateline), or more of the text (another column), never the body."""
    size = _score(el)
    parent = el.getparent()
    while parent is not None and parent is not body:
        before = list(el.itersiblings(preceding=True))
        after = [c for c in el.itersiblings() if chars(c.text_content() + (c.tail or ""))
                 and not _more_content(c, size)]
        nets = [_net(c) for c in before if isinstance(c.tag, str) and not _more_content(c, size)]
        nets.append(chars(parent.text or ""))
        if after or chars(el.tail or "") or any(n < 0 for n in nets) or sum(nets) * 2 > size:
            break
        el, parent = parent, parent.getparent()
    return el


def _more_content(el: etree._Element, size: int) -> bool:
    """A sibling that continues the text (a second column): sentence-like blocks, hardly any
    link text, and at least half as much text as the content found so far."""
    if not isinstance(el.tag, str) or _net(el) * 2 < size:
        return False
    if _net(el) * 4 < chars(el.text_content()) * 3:
        return False
    return any(_sentence_like(clean(_own_text(x))) for x in el.iter()
               if isinstance(x.tag, str) and x.tag in BLOCKS)


def _text_length(el: etree._Element) -> int:
    return len(normalize_space(el.text_content()))


def title_before(container: etree._Element) -> tuple[str, int | None]:
    """The nearest heading or element whose class or id says "title" before the content."""
    el: etree._Element | None = container
    for _ in range(3):
        if el is None:
            break
        for sibling in el.itersiblings(preceding=True):
            for cand in reversed(list(sibling.iter())):
                if not isinstance(cand.tag, str):
                    continue
                titled = cand.tag in ("h1", "h2", "h3") or class_words(cand) & {"title", "headline"}
                text = clean(cand.text_content())
                if titled and text and is_title_like(text):
                    return text, cand.sourceline
        el = el.getparent()
    return "", None


def select_content(root: etree._Element, select: str, path: str | None) -> list[etree._Element]:
    """The outermost elements a CSS selector (or an XPath: "/..." or "(...") picks."""
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


_SENTENCE_END = tuple(".;:!?\u3002\uff1b\uff1a\uff01\uff1f")


def left_out(root: etree._Element, containers: list[etree._Element]) -> list[tuple[int, str]]:
    """Sentence-like texts of the page outside the chosen content: (line, text) in page order.

    A text counts when it ends like a sentence and has six words or more (twenty characters
    without spaces, for Chinese); menus, bylines and captions rarely do.
    """
    # lxml makes a new proxy object per access: keep these alive so that `id` stays theirs.
    kept = [el for c in containers for el in (*c.iter(), *c.iterancestors())]
    skip = {id(el) for el in kept}
    out: list[tuple[int, str]] = []
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in BLOCKS and id(el) not in skip:
            text = clean(_own_text(el))
            if _sentence_like(text):
                out.append((el.sourceline or 0, text))
    return out


def outside_text(root: etree._Element,
                 containers: list[etree._Element]) -> list[tuple[int, str]]:
    """Every text of the page outside the chosen content, links too, block by block: (line,
    text) in page order, for the declaration's left-out furniture (a wiki's site notice, the
    page's own heading above the text): nothing is dropped silently."""
    inside = [el for c in containers for el in c.iter()]
    above = [a for c in containers for a in c.iterancestors()]
    skip, path = {id(el) for el in inside}, {id(a) for a in above}
    out: list[tuple[int, str]] = []
    for el in root.iter():
        if not isinstance(el.tag, str) or id(el) in skip or (
                el.tag not in BLOCKS and id(el) not in path):
            continue
        parts = [el.text or ""]
        for child in el:
            if isinstance(child.tag, str) and child.tag not in BLOCKS and id(
                    child) not in path and id(child) not in skip:
                parts.append(child.text_content())
            else:
                parts.append(" ")  # a block, or the content, between two runs
            parts.append(child.tail or "")
        text = clean("".join(parts))
        if text:
            out.append((el.sourceline or 0, text))
    return out


def _own_text(el: etree._Element) -> str:
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in BLOCKS and child.tag != "a":
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return " ".join(parts)


def _sentence_like(text: str) -> bool:
    if not text.endswith(_SENTENCE_END):
        return False
    return len(text.split()) >= 6 or (" " not in text and chars(text) >= 20)

