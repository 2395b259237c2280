"""Import stage, HTML saved by a word processor: list paragraphs read as the list items they are.

Word (and what copies its HTML) writes a list item as a `<p>` whose style names the list
(`mso-list:l0 level1 lfo1`) and opens with the item's marker in a span the browser is told to
skip (`mso-list:Ignore`): a bullet in a symbol font ("·" in Symbol, "o" in Courier New, "§" in
Wingdings) or the item's number ("1.", "a)"). Read as it stands, the marker's glyph is fused to
the item's first word. `word_lists` takes the marker out: a bullet's paragraph becomes a list
item (`<li>`); a number opens the paragraph's text, as a typed list's number does.
"""

from __future__ import annotations

import re

from lxml import etree

from .html_nodes import clean, inline_style, remove_keep_tail

_NUMBERED = re.compile(r"\(?(?:\d{1,3}(?:\.\d{1,3})*|[ivxlc]{1,6}|[a-z])[.)]?", re.IGNORECASE)
SYMBOL_BULLETS = frozenset("o\u00a7\u00b7\u00a8\u00d8\u00fc\u2022\u25aa\u25cf\u2013-*v")
"""A marker that is one of these (or has no letter or digit) is a bullet: the glyphs the
symbol fonts print as bullets, typed as the letters Word stores ("o", "§", "·", "Ø", "ü", "v")."""


def _ignored(p: etree._Element) -> etree._Element | None:
    """The marker's span of a list paragraph (`mso-list:Ignore`), if `p` is one."""
    if "mso-list:" not in inline_style(p):
        return None
    return next((s for s in p.iter() if s is not p and isinstance(s.tag, str)
                 and "mso-list:ignore" in inline_style(s)), None)


def _drop(el: etree._Element) -> None:
    """Remove `el` and the spans around it that hold nothing else; keep the text after it."""
    while True:
        parent = el.getparent()
        if parent is None:
            return
        if el.tail and not el.tail.strip():
            el.tail = None
        remove_keep_tail(el)
        if parent.tag != "span" or clean(parent.text_content()) or len(parent):
            return
        el = parent


def word_lists(container: etree._Element) -> int:
    """Read the content's word-processor list paragraphs as items (see the module); how many."""
    found = 0
    for p in list(container.iter("p", "div")):
        span = _ignored(p)
        if span is None:
            continue
        marker = clean(span.text_content())
        _drop(span)
        found += 1
        if marker and marker not in SYMBOL_BULLETS and any(c.isalnum() for c in marker) and (
                _NUMBERED.fullmatch(marker)):
            p.text = f"{marker} {(p.text or '').lstrip()}"
        else:
            p.tag = "li"
    return found
