"""Import stage, HTML furniture: what on a page is not the text, removed before reading it.

Never content: the elements of `DROPPED` (scripts, styles, forms, navigation, footers...),
hidden elements (`hidden`, `aria-hidden="true"`, `display:none`, hiding classes), a page
`<header>` outside the article, and page furniture named by its role, class or id (breadcrumbs,
cookie banners, share buttons, menus, related links...; see `FURNITURE`; or a class word
that opens or ends with such a word, `STEMS`: "socialshare", "articlerating"; or a small box
of the site's talk and its labels, `_talk_box`), unless it holds half
the page's text or the main content; a short line of its own in small print (`small_print`) is
the site's note on the copy, kept with the left-out furniture, as is a gallery's counter
("2/5", `counter`). A footnotes section and the
footnote markers that point into it are left out too: a marker such as `<sup>1</sup>` is a
reference, not a word of the clause (kept, it would glue to the word before it).
`strip_furniture` removes them all and reports each kind once.
"""

from __future__ import annotations

import re

from lxml import etree

from .html_nodes import chars, class_words, inline_style, introduced, remove_keep_tail
from .lines import Notice, ends_final
from .segment import count_cjk, normalize_space
from .signals import text_note
from .sitetalk import page_talk

DROPPED = ("script", "style", "noscript", "template", "nav", "footer", "aside",
           "form", "button", "select", "textarea", "svg", "math", "iframe", "object", "embed",
           "head", "title", "meta", "link", "dialog")
FURNITURE = frozenset({
    "breadcrumb", "breadcrumbs", "share", "sharing", "social", "cookie", "cookies", "consent",
    "gdpr", "sidebar", "menu", "navbar", "navigation", "nav", "related", "comments", "comment",
    "pagination", "pager", "advert", "advertisement", "ads", "subscribe", "newsletter",
    "toolbar", "skip", "tags", "footer", "meta", "byline", "print", "attachments", "downloads",
    "widget", "popup", "modal", "paywall", "ad", "sponsored",
})
"""Class or id words (split at "-", "_", spaces and case changes) of elements that are not text."""
STEMS = ("breadcrumb", "share", "sharing", "social", "cookie", "consent", "sidebar", "menu",
         "navbar", "related", "comment", "pagination", "pager", "advert", "subscribe",
         "newsletter", "toolbar", "widget", "popup", "modal", "paywall", "banner", "masthead",
         "topbar", "promo", "rating", "ticker", "sponsor", "readalso", "readmore", "seealso",
         "morenews", "tagcloud", "authorbox", "authorbio", "authorinfo", "byline", "postmeta",
         "entrymeta", "login", "signup", "weather", "currency", "donate", "footer", "embed",
         "pullquote", "tooltip", "citebox", "citethis", "howtocite")
"""Words that name page furniture when a class or id word opens or ends with them, run
together with other words as sites write them ("socialshare", "sharebar", "mainmenu",
"articlerating", "readalso", "authorbox", "sitefooter"; a class written with hyphens,
"author-box", "pull-quote", is read run together too); an element named so is left out with
its text kept in the declaration's furniture, as a link list's is."""
STEM_MIN = 5
"""A class or id word this long at least is read for `STEMS` (shorter ones are whole words)."""
_HIDDEN_CLASSES = frozenset({"hidden", "invisible", "sr-only", "visually-hidden", "visuallyhidden",
                            "screen-reader-text", "d-none"})
_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog",
                    "alertdialog", "menu", "menubar", "toolbar", "tooltip"})
_NOTES = frozenset({"footnote", "footnotes", "endnote", "endnotes"})
_NOTE_ROLES = frozenset({"doc-endnotes", "doc-footnote", "doc-footnotes"})
_NOTE_MARK = re.compile(r"\[?\(?(?:\d{1,3}|[*\u2020\u2021\u00a7]{1,3}|[a-z])\)?\]?")


def _hidden(el: etree._Element) -> bool:
    style = inline_style(el)
    classes = {c.lower() for c in el.get("class", "").split()}
    return (el.get("hidden") is not None or el.get("aria-hidden", "").lower() == "true"
            or "display:none" in style or "visibility:hidden" in style
            or bool(classes & _HIDDEN_CLASSES))


def _furniture(el: etree._Element, total: int, links: bool = True) -> str:
    """Why `el` is not text ("" if it may be)."""
    if _hidden(el):
        return "hidden"
    tokens = class_words(el)
    role = el.get("role", "").lower()
    if tokens & _NOTES or role in _NOTE_ROLES or _notes_list(el):
        return "footnotes"
    if el.tag == "header" and not any(a.tag in ("article", "main") for a in el.iterancestors()):
        return "page header"
    why = sorted(tokens & FURNITURE) or ([role] if role in _ROLES else [])
    if not why and links and _named(tokens):
        why = ["named"]
    if not why and links and _link_list(el):
        why = ["link list"]
    if not why and links and (_talk_box(el) or _widget_box(el)):
        why = ["site talk"]
    if not why or el.tag in ("body", "html", "main", "article"):
        return ""
    big = chars(el.text_content()) * 2 > total or el.find(".//main") is not None
    return "" if big or el.find(".//article") is not None else why[0]


_BACKLINK = re.compile(r"[\^\u2191\u21a9\u2934\u2b06]|\[?\(?(?:\d{1,3}|[a-z])\)?\]?")
"""The text of a note's link back to where the text cites it ("^", "\u2191", "\u21a9", "a")."""


def _notes_list(el: etree._Element) -> bool:
    """A list of notes under the text, whatever its class: every item opens with a link back
    to its mark in the text (an in-page link, "^" or a letter) and says more after it, or is
    the target of an in-page link whose text is a note's mark ("[1]", "1") from outside the
    list. A list of links into the page (a table of contents) says nothing after its links."""
    if el.tag not in ("ol", "ul"):
        return False
    items = [li for li in el if isinstance(li.tag, str) and li.tag == "li"]
    if not items or len(items) != len(el):
        return False
    if all(_backlinked(li) for li in items):
        return True
    if not all(li.get("id") for li in items):
        return False
    marks = {a.get("href", "")[1:] for a in el.getroottree().getroot().iter("a")
             if a.get("href", "").startswith("#") and el not in a.iterancestors()
             and _NOTE_MARK.fullmatch(normalize_space(a.text_content()))}
    return all(li.get("id") in marks or _backlinked(li) for li in items)


def _backlinked(li: etree._Element) -> bool:
    """An item opening with an in-page link whose text is a mark, and more text after it."""
    first = next((c for c in li.iter() if c is not li and isinstance(c.tag, str)), None)
    if first is None or first.tag != "a" or not first.get("href", "").startswith("#") or (
            normalize_space(li.text or "")):
        return False
    mark = normalize_space(first.text_content())
    rest = normalize_space(li.text_content())[len(mark):]
    return bool(_BACKLINK.fullmatch(mark)) and len(rest.split()) >= 2


def _named(tokens: set[str]) -> bool:
    """A class or id word that opens or ends with a word of page furniture (`STEMS`)."""
    joined = {t.replace("-", "").replace("_", "") for t in tokens}
    return any(len(t) >= STEM_MIN and (t.startswith(STEMS) or t.endswith(STEMS))
               for t in joined)


_BOX_TAGS = frozenset({"div", "section", "aside", "ul", "ol", "table"})
_LEAVES = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "blockquote")
BOX_WORDS = 80
"""A box of the site's talk is this short in words."""
LABEL_WORDS = 4
"""A box's heading or button beside the site's talk ("Stay informed", "Sign up") this short."""


def _talk_box(el: etree._Element) -> bool:
    """A small box whose lines are the site's talk (`sitetalk.page_talk`: "Get alerts by text
    message. Sign up free.") and short labels beside it (its heading "Stay informed", a
    button): a newsletter or alert box set between two paragraphs, whatever its class."""
    if el.tag not in _BOX_TAGS or len(el.text_content().split()) > BOX_WORDS:
        return False
    if _labelled_box(el):
        return True
    texts = [normalize_space(x.text_content()) for x in el.iter(*_LEAVES)]
    texts = [x for x in texts if x]
    return any(page_talk(x) for x in texts) and all(
        page_talk(x) or (len(x.split()) <= LABEL_WORDS and not x.endswith(".")) for x in texts)


WIDGET_WORDS = 40
"""A box set between the text's paragraphs (a vote count, an "apply now" box) this short."""
_MODAL = re.compile(r"(?i)\b(?:will|shall|must|should|agreed?|undertakes?)\b|будут|будет"
                    r"|должны|согласились|[将应]")
_CLOSE = re.compile(r"(?i)(?:done|signed|adopted|issued)\s+(?:at|in|on)\b"
                    r"|(?:совершено|подписано|принято)\s|[\d\u3007\u4e00-\u9fff]+年")


def _widget_box(el: etree._Element) -> bool:
    """A box the markup sets apart among the text's paragraphs: a `<div>` with a class or id
    right after a `<p>` that ends a sentence and before another such `<p>` or nothing (the
    container's end), short (`WIDGET_WORDS`), committing to nothing with a modal ("will",
    "agreed", "будут", "将"), no closing formula ("Done at ..."), and marked as a box of its
    own: a heading or a bold opening of its own, a link (a button), or a `Label: value` line
    that ends no sentence ("Voting results on this item: for - 97, ...")."""
    if el.tag != "div" or not (el.get("class") or el.get("id")):
        return False
    text = normalize_space(el.text_content())
    if not text or len(text.split()) > WIDGET_WORDS or _MODAL.search(text) or _CLOSE.match(
            text) or text_note(text):
        return False
    prev, nxt = el.getprevious(), el.getnext()
    if not _text_paragraph(prev) or not (nxt is None or _text_paragraph(nxt)):
        return False
    first = next(iter(el), None)
    bold = first is not None and first.tag in ("strong", "b") and not normalize_space(
        el.text or "")
    return bold or el.find(".//a") is not None or any(
        el.find(f".//{h}") is not None for h in ("h2", "h3", "h4", "h5", "h6")) or (
        ":" in text and not ends_final(text))


def _text_paragraph(el: etree._Element | None) -> bool:
    """A `<p>` of the text: a sentence of six words (fifteen CJK characters) or more, ending
    like one."""
    if el is None or el.tag != "p":
        return False
    text = normalize_space(el.text_content())
    return (len(text.split()) >= 6 or count_cjk(text) >= 15) and ends_final(text)


AD_WORDS = 40
"""A box under the site's own label ("Advertisement", "Реклама") is this short in words."""


def _labelled_box(el: etree._Element) -> bool:
    """A small box whose first child is only the site's label for what follows
    ("<span>Advertisement</span><p>Fly to ...</p>", "<small>Реклама</small>"): an
    advertisement or a sponsored item between two paragraphs, whatever its class or words."""
    first = next(iter(el), None)
    if first is None or not isinstance(first.tag, str) or normalize_space(el.text or ""):
        return False
    label = normalize_space(first.text_content())
    rest = len(el.text_content().split()) - len(label.split())
    return (0 < len(label.split()) <= LABEL_WORDS and page_talk(label) and 0 < rest <= AD_WORDS
            and not label.endswith(".") and len(first) == 0)


_LINK_CONTAINERS = frozenset({"ul", "ol", "div", "p", "table", "dl", "section", "span"})
_ONE_LINK = frozenset({"p", "li", "div"})


def _link_list(el: etree._Element) -> bool:
    """Mostly links: two or more, their text at least 60% of the element's (a menu, a list of
    related items, a row of share links), and no text ending like a sentence outside them; or a
    paragraph that is one link (90% of its text). A list a sentence of the text introduces with
    a colon is the text's (`html_nodes.introduced`)."""
    if el.tag not in _LINK_CONTAINERS or (el.tag in ("ul", "ol", "li") and introduced(el)):
        return False
    links = [a for a in el.iter("a") if a.get("href") is not None]
    total = chars(el.text_content())
    linked = sum(chars(a.text_content()) for a in links)
    if len(links) == 1 and total and linked * 10 >= total * 9 and el.tag in _ONE_LINK:
        return True  # a block that is one link: a headline of other news, "Download (PDF)"
    if len(links) < 2:
        return False
    if total == 0 or linked * 10 < total * 6:
        return False
    rest = normalize_space(" ".join(_unlinked(el)))
    return not rest.endswith((".", ";", ":", "\u3002"))


_SMALL_CLASSES = frozenset({"note", "notes", "small", "disclaimer", "fineprint", "smallprint"})
_SMALL_FONT = frozenset({"1", "-1", "-2", "-3"})
SMALL_PRINT_WORDS = 12
"""A line in small print (`<small>`, `<font size="1">`, a "note" or "small" class) this short,
without digits, is the site's note on the copy, not a clause."""


def small_print(el: etree._Element) -> bool:
    """A short line of its own set in small print ("Sample text written for tests" under the
    text): not a note of the text ("Translator's note: ..."), no date or number (a dateline
    is read for the meeting's date), standing as a line of its own (a block, or alone between
    line breaks or in its block)."""
    small = el.tag == "small" or (el.tag == "font" and el.get("size", "").strip() in _SMALL_FONT)
    if not small and not class_words(el) & _SMALL_CLASSES:
        return False
    text = normalize_space(el.text_content())
    if not text or len(text.split()) > SMALL_PRINT_WORDS or any(c.isdigit() for c in text) or (
            text_note(text)):
        return False
    return _alone(el)


_COUNTER = re.compile(r"(\d{1,3})\s*(?:/|\uff0f|of|из)\s*(\d{1,3})", re.IGNORECASE)


def counter(el: etree._Element) -> bool:
    """A block that is only a counter of a gallery's photographs or a deck's slides ("2/5",
    "3 of 12", "4 из 9"; the first no greater than the second, which is 2 or more), set
    between the text's paragraphs: where the reader is, not a word of the text."""
    if el.tag not in _BLOCKISH and not (el.tag in ("span", "li") and _alone(el)):
        return False
    found = _COUNTER.fullmatch(normalize_space(el.text_content()).strip())
    return found is not None and 1 <= int(found[1]) <= int(found[2]) and int(found[2]) >= 2


def _alone(el: etree._Element) -> bool:
    """Nothing but white space or line breaks beside `el` in its parent."""
    parent = el.getparent()
    if parent is None:
        return True
    prev = el.getprevious()
    before = (prev.tail if prev is not None else parent.text) or ""
    after = el.tail or ""
    nxt = el.getnext()
    return (not before.strip() or (prev is not None and prev.tag == "br" and (
        not before.strip()))) and not after.strip() and (
        prev is None or prev.tag == "br" or prev.tag in _BLOCKISH) and (
        nxt is None or nxt.tag == "br" or nxt.tag in _BLOCKISH)


_BLOCKISH = frozenset({"p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                       "section", "blockquote", "pre", "hr", "dl"})


def _unlinked(el: etree._Element) -> list[str]:
    """The text of `el` outside its links."""
    out = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag != "a":
            out += _unlinked(child)
        out.append(child.tail or "")
    return out


def strip_furniture(
    root: etree._Element, kept: list[tuple[int, str]] | None = None, links: bool = True
) -> list[Notice]:
    """Remove hidden elements, page furniture, footnote sections and markers; notices. The
    text of link lists (menus found by link density, not by name) and of a photograph's
    `<figcaption>` (neither with `links` False) goes to `kept` when given, as (line, text), for
    the declaration's left-out furniture; so does the text of every other element left out
    (named furniture, hidden, the page header, footnotes), which the notices list too."""
    total = chars(root.text_content())
    found: list[tuple[int, str]] = []
    stack = [root]
    while stack:
        el = stack.pop()
        for child in list(el):
            if not isinstance(child.tag, str):
                continue
            why = _furniture(child, total, links)
            if why == "" and child.tag == "figcaption" and kept is not None and links:
                why = "caption"  # the words under a photograph, not the text
            if why == "" and kept is not None and links and small_print(child):
                why = "small print"
            if why == "" and kept is not None and links and counter(child):
                why = "counter"
            if why in ("link list", "named", "site talk", "caption", "small print",
                       "counter") and (
                    kept is not None):
                kept.append((child.sourceline or 0, normalize_space(" ".join(child.itertext()))))
                remove_keep_tail(child)
            elif why:
                if kept is not None and links:  # its words kept too, for the left-out furniture
                    kept.append((child.sourceline or 0,
                                 normalize_space(" ".join(child.itertext()))))
                found.append((child.sourceline or 0, why))
                remove_keep_tail(child)
            else:
                stack.append(child)
    notes = any(why == "footnotes" for _, why in found)
    marks: list[tuple[int, str]] = []
    for sup in list(root.iter("sup")):
        if _note_marker(sup, notes):
            marks.append((sup.sourceline or 0, normalize_space(sup.text_content())))
            remove_keep_tail(sup)
    return _furniture_notices(found, marks)


def _note_marker(sup: etree._Element, notes: bool) -> bool:
    if not _NOTE_MARK.fullmatch(normalize_space(sup.text_content())):
        return False
    return notes or any(a.get("href", "").startswith("#") for a in sup.iter("a"))


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
