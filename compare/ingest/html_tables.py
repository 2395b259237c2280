"""Import stage, HTML tables and lists that are not laid out as the text: read for what they are.

Two layouts, found by their shape, whatever the site: a table that sets the text out one
paragraph a row beside columns of its own (`text_column_table`: a number column, the text
column, a column of commentary links or votes), whose text column is the text, its number
column the paragraphs' numbers and everything else (the header row, the other columns) the
page's; and an index of other documents (`document_index`: a table or list of three entries
or more, each naming a kind of document in a title-like line, none of them a sentence: an
archive's list above the text it opens). `rearrange_tables` applies both to the content and
keeps the words it leaves out, with their lines, for the declaration's left-out furniture.
"""

from __future__ import annotations

import re

from lxml import etree

from .html_nodes import clean, introduced
from .lines import Notice, ends_final, is_title_like
from .segment import count_cjk
from .signals import KIND_WORDS

TEXT_SHARE = 0.6
"""The text column: at least this share of the table's rows below its header are sentences."""
SHORT_CELL_WORDS = 4
"""A cell of a column beside the text ("2 notes", "—", "For: 97") is this short in words."""
INDEX_ENTRIES = 3
"""An index of other documents lists this many documents at least."""
_MARKER = re.compile(r"(?:\(?(?:\d{1,3}|[ivxlc]{1,6}|[a-z])[.)]?|\d{1,3}(?:\.\d{1,3})+\.?|"
                     r"[\u00a7]\s*\d{1,3})", re.IGNORECASE)


def _sentence(text: str) -> bool:
    return (len(text.split()) >= 6 or count_cjk(text) >= 15) and ends_final(text)


def _rows(table: etree._Element) -> list[list[etree._Element]]:
    return [[c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
            for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]


def _text_column(rows: list[list[etree._Element]]) -> tuple[int, int] | None:
    """(the text column, the rows of the header above it) of a table laid out as a text beside
    columns of its own, or None: a header row at most, then rows of one width (three or more,
    at least two columns), one column holding sentences in most of them, every other column
    short (`SHORT_CELL_WORDS`) and never a sentence; a header row is one of `<th>` cells only
    or one whose text cell is no sentence."""
    if len(rows) < 3 or len({len(r) for r in rows[1:]}) != 1 or len(rows[1]) < 2:
        return None
    texts = [[clean(c.text_content()) for c in r] for r in rows]
    head = 1 if len(rows[0]) == len(rows[1]) and (
        all(c.tag == "th" for c in rows[0]) or not any(_sentence(t) for t in texts[0])) else 0
    body = texts[head:]
    if len(body) < 3 or any(c.tag == "th" for r in rows[head:] for c in r):
        return None
    width = len(body[0])
    counts = [sum(_sentence(r[j]) for r in body) for j in range(width)]
    col = max(range(width), key=lambda j: counts[j])
    if counts[col] < TEXT_SHARE * len(body):
        return None
    others = [j for j in range(width) if j != col]
    if any(len(r[j].split()) > SHORT_CELL_WORDS or _sentence(r[j]) for r in body for j in others):
        return None
    return col, head


def _is_marker_column(cells: list[str]) -> bool:
    """Paragraph numbers ("1.", "2)", "iii", "§ 4") or nothing, and one number at least."""
    return any(cells) and all(not c or _MARKER.fullmatch(c) for c in cells)


def _read_text_column(table: etree._Element, kept: list[tuple[int, str]]) -> bool:
    """Set out a text-column table (see `_text_column`) as its text: one `<p>` a row, opened by
    the row's paragraph number; the header row and the other columns' words go to `kept`."""
    rows = _rows(table)
    found = _text_column(rows)
    parent = table.getparent()
    if found is None or parent is None:
        return False
    col, head = found
    texts = [[clean(c.text_content()) for c in r] for r in rows]
    numbers = [j for j in range(len(rows[-1])) if j != col
               and _is_marker_column([r[j] for r in texts[head:]])]
    number = numbers[0] if numbers else None
    paragraphs = []
    for i, (row, words) in enumerate(zip(rows, texts, strict=True)):
        for j, (cell, text) in enumerate(zip(row, words, strict=True)):
            if text and (i < head or (j != col and j != number)):
                kept.append((cell.sourceline or 0, text))
        if i < head or not words[col]:
            continue
        p = etree.Element("p")
        p.text = f"{words[number]} {words[col]}" if number is not None and words[
            number] else words[col]
        p.sourceline = row[col].sourceline
        paragraphs.append(p)
    _replace(table, paragraphs)
    return True


def _replace(el: etree._Element, new: list[etree._Element]) -> None:
    parent = el.getparent()
    assert parent is not None
    at = parent.index(el)
    tail = el.tail
    parent.remove(el)
    for k, p in enumerate(new):
        parent.insert(at + k, p)
    if new:
        new[-1].tail = tail
    elif tail:
        prev = parent[at - 1] if at else None
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def _entries(el: etree._Element) -> list[list[str]]:
    """The entries of a table (its rows' cells) or a list (its items)."""
    if el.tag == "table":
        return [[clean(c.text_content()) for c in r] for r in _rows(el)]
    return [[clean(li.text_content())] for li in el if isinstance(li.tag, str) and li.tag == "li"]


def document_index(el: etree._Element) -> bool:
    """A table or list of `INDEX_ENTRIES` entries or more, each naming a kind of document
    ("Statement of ...", "Joint Communiqué on ...") in a title-like line, none of them a
    sentence: a list of other documents (an archive's results, "Documents of the summit"),
    not the text of one of them. A list a sentence introduces with a colon is the text's."""
    if el.tag not in ("table", "ul", "ol") or introduced(el):
        return False
    entries = [e for e in _entries(el) if any(e)]
    named = [e for e in entries if any(KIND_WORDS.search(t) and is_title_like(t)
                                       and not t[:1].islower() for t in e)]
    return len(named) >= INDEX_ENTRIES and len(named) * 2 > len(entries) and not any(
        _sentence(t) for e in entries for t in e)


def rearrange_tables(container: etree._Element, kept: list[tuple[int, str]]) -> list[Notice]:
    """Read the content's text-column tables as their text and leave its indexes of other
    documents out (their words to `kept`, as (line, text)); the notices saying so."""
    notices = []
    for el in list(container.iter("table", "ul", "ol")):
        if el is not container and not any(a is container for a in el.iterancestors()):
            continue  # inside one already set out
        if document_index(el):
            kept += [(el.sourceline or 0, t) for e in _entries(el) for t in e if t]
            notices.append(Notice(el.sourceline, f"left out a list of {len(_entries(el))} "
                                                 "other documents' titles (an index)"))
            _replace(el, [])
        elif el.tag == "table" and _read_text_column(el, kept):
            notices.append(Notice(el.sourceline, "table read as the text of its text column; "
                                                 "its header and other columns left out"))
    return notices
