"""Import stage, HTML: the main content of a web page as a title and blocks (like `layout`).

The page is decoded by its declared charset (`ingest.html_charset`) and parsed with lxml.html
without network access; DTDs are never loaded and only HTML's own entities are known. Then, in
order: what is not content is removed (`ingest.html_furniture`: scripts, navigation, hidden
elements, page furniture, footnotes and their markers, each reported once); the content is chosen
(`ingest.html_content`: `--select`, else `<main>`, else the `<article>` with most text, else the
element holding most text that is not links); and it is read in document order into a title and
blocks (`ingest.html_reader`). A title missing from the content is taken from the heading just above
it, else from the part of the page's `<title>` that names a kind of document; the text left
outside the chosen content is kept with the left-out furniture (`html_content.outside_text`)
and its sentence-like blocks reported, never dropped silently. Inside the content, tables set
out beside their text and indexes of other documents (`ingest.html_tables`), what follows the
document's end (`ingest.html_sections`) and a word processor's list markers (`ingest.html_word`)
are read for what they are. A record of labelled fields
the markup sets out (table rows, `<dl>` terms and values) gives metadata (`page_fields`).
"""

from __future__ import annotations

import itertools

import lxml.html
from lxml import etree

from ..errors import DeclarationError, LimitError
from .html_charset import declared_charset, looks_like_html
from .html_content import left_out, main_content, outside_text, select_content, title_before
from .html_furniture import DROPPED, FURNITURE, strip_furniture
from .html_nodes import clean
from .html_reader import Reader
from .html_sections import cut_after_document
from .html_tables import rearrange_tables
from .html_word import word_lists
from .labels import META_FIELDS, read_label
from .lines import Block, Layout, Notice, is_title_like
from .titleparts import document_part

__all__ = ["DROPPED", "FURNITURE", "declared_charset", "extract", "looks_like_html"]

WORDED = ("nav", "footer", "aside", "dialog")
"""Elements of `DROPPED` whose words a reader sees (a menu, a footer, a sidebar, a pop-up): left
out of the text, their words kept in the declaration's left-out furniture."""


def _parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
        default_doctype=False, huge_tree=False,
    )


def extract(
    text: str, path: str | None, select: str | None, keep_furniture: bool = False
) -> Layout:
    """Title and blocks of the page's main content (or of the elements `select` picks);
    `keep_furniture` keeps link lists (menus found by link density) in the text."""
    parser = _parser()
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise DeclarationError(f"cannot parse HTML: {exc}", path) from None
    for entry in parser.error_log:  # libxml2 stops reading there: the rest would be lost
        if "Excessive depth" in entry.message:
            raise LimitError("HTML nesting deeper than 256 elements; the text past that point "
                             "would be lost", path, entry.line)
        if "XML_PARSE_HUGE" in entry.message or "Resource limit" in entry.message:
            raise LimitError("a text run past the HTML parser's limit (10 MB); the text past "
                             "that point would be lost", path, entry.line)
    head_title = clean(" ".join(t.text_content() for t in root.iter("title")))
    links: list[tuple[int, str]] = [] if keep_furniture else [
        (el.sourceline or 0, clean(" ".join(el.itertext())))
        for el in root.iter(*WORDED) if not any(a.tag in DROPPED for a in el.iterancestors())]
    etree.strip_elements(root, *DROPPED, with_tail=False)
    fields, field_lines = page_fields(root)
    if select:  # what the user picked stays, whatever its class; furniture inside it goes
        containers = select_content(root, select, path)
        notices = [n for c in containers for n in strip_furniture(c, links, not keep_furniture)]
    else:
        notices = strip_furniture(root, links, not keep_furniture)
        containers = [main_content(root)]
        if not keep_furniture:
            notices += rearrange_tables(containers[0], links)
            notices += cut_after_document(containers[0], links)
    reader = Reader()
    for container in containers:
        word_lists(container)
        reader.read(container)
    if not select:
        notices += _left_out_notice(root, containers)
    if not reader.blocks:
        raise DeclarationError("no paragraphs found in the HTML content", path)
    if not reader.title and not select:
        reader.title, reader.title_line = title_before(containers[0])
        if reader.title:
            notices.append(Notice(reader.title_line, "title taken from the element above "
                                                     "the text"))
        else:
            reader.title = document_part(head_title)
            fuller = _fuller_title(reader.title, reader.blocks)
            if fuller is not None:  # the <title> is the start of a title line on the page
                reader.title, reader.title_line = reader.blocks[fuller].text, reader.blocks[
                    fuller].line
                reader.blocks.pop(fuller)
                notices.append(Notice(reader.title_line, "title taken from the line on the "
                                      f"page that the page's <title> {head_title!r} opens"))
            elif reader.title:
                notices.append(Notice(None, f"title taken from the page's <title> "
                                            f"{head_title!r}"))
    if select:
        notices.append(Notice(None, f"content selected with {select!r}"))
    notices += [Notice(line, f"text without letters or digits left out: {text!r}")
                for line, text in reader.skipped]
    kept = {text for _, text in field_lines}
    outside = [(line, text) for line, text in outside_text(root, containers)
               if text not in kept and text != reader.title]
    title = dict(fields).get("title")  # a long title is no less the record's
    blocks = tuple(b for b in reader.blocks if b.text not in kept or (
        len(b.text) > 150 and b.text != title))
    return Layout(reader.title, reader.title_line, blocks, tuple(notices),
                  tuple(sorted([*((line, text) for line, text in links if text),
                                *field_lines, *outside], key=lambda x: x[0])), tuple(fields))


FULLER_WITHIN = 3
"""Blocks at the top of a page read for a fuller form of its <title>."""


def _fuller_title(short: str, blocks: list[Block]) -> int | None:
    """The index of a title-like block among the first that opens with the <title>'s words
    and goes on ("Joint Statement" -> "Joint Statement on Cooperation in Science"), if any."""
    key = short.casefold().split()
    if len(key) < 2:
        return None
    for i, b in enumerate(blocks[:FULLER_WITHIN]):
        words = b.text.casefold().split()
        if b.number is None and len(words) > len(key) and words[: len(key)] == key and (
                is_title_like(b.text)):
            return i
    return None


def page_fields(root: etree._Element) -> tuple[list[tuple[str, str]], list[tuple[int, str]]]:
    """Labelled fields a database page prints as a table (`<tr><td>Date</td><td>...`) or as a
    record of terms and values (`<dl><dt>Date:</dt><dd>...`, two labelled terms or more):
    (field, value) and the texts (line, text). The markup says which text is the value,
    whatever it holds (brackets, a sentence): it is the field's, never the body's."""
    fields: list[tuple[str, str]] = []
    lines: list[tuple[int, str]] = []
    for table in root.iter("table"):
        rows = [[c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
                for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]
        pairs = [cells for cells in rows if len(cells) == 2]
        known = sum(_field(a, b, fields, lines) for a, b in pairs)
        if known >= 2:  # a record: its other labelled rows ("Authors:") are its fields too
            lines += [line for a, b in pairs if _row_label(a) for line in _row(a, b)
                      if line not in lines]
    for dl in root.iter("dl"):
        terms = _record(dl)
        if sum(read_label(clean(dt.text_content())) is not None for dt, _ in terms) >= 2:
            for dt, dd in terms:
                _field(dt, dd, fields, lines)
    for ul in root.iter("ul", "ol"):
        _list_record(ul, fields, lines)
    return fields, lines


def _list_record(ul: etree._Element, fields: list[tuple[str, str]],
                 lines: list[tuple[int, str]]) -> None:
    """A list whose entries are labelled lines (`<li>Place: Xi'an</li>`, two of them or more,
    each a label of a metadata field with its value): a record of fields, not a list."""
    items = [(li, clean(li.text_content())) for li in ul if isinstance(li.tag, str)
             and li.tag == "li"]
    read = [(li, text, read_label(text) if len(text) <= 400 else None) for li, text in items]
    valued = [(li, text, lab) for li, text, lab in read if lab is not None and lab[1]]
    if sum(1 for *_, lab in valued if lab[0] in META_FIELDS) < 2:
        return
    for li, text, lab in valued:
        if lab[0] != "body" and lab[0] not in dict(fields):
            fields.append(lab)
        lines.append((li.sourceline or 0, text))


def _record(dl: etree._Element) -> list[tuple[etree._Element, etree._Element]]:
    """The (term, value) pairs of a `<dl>`: each `<dt>` with the `<dd>` right after it."""
    kids = [c for c in dl if isinstance(c.tag, str) and c.tag in ("dt", "dd")]
    return [(a, b) for a, b in itertools.pairwise(kids) if a.tag == "dt" and b.tag == "dd"]


def _field(term: etree._Element, cell: etree._Element, fields: list[tuple[str, str]],
           lines: list[tuple[int, str]]) -> bool:
    """One labelled field: a label alone in `term` ("Date", "Notes:") and its value in `cell`
    (whether it is one)."""
    label, value = clean(term.text_content()), clean(cell.text_content())
    found = read_label(label) if len(label) <= 30 else None
    if found is None or found[1] or not value or found[0] == "body" or len(value) > 300:
        return False
    fields.append((found[0], value))
    lines += _row(term, cell)
    return True


ROW_LABEL_WORDS = 4
"""The label of a record's row that the labels do not know ("Appears in Collections:")."""


def _row_label(term: etree._Element) -> bool:
    """A record's label cell: a few words ending in a colon, or a header cell (`<th>`)."""
    label = clean(term.text_content())
    return 0 < len(label.split()) <= ROW_LABEL_WORDS and (term.tag == "th" or label.endswith(
        (":", "\uff1a"))) and not label.endswith((".", "\u3002"))


def _row(term: etree._Element, cell: etree._Element) -> list[tuple[int, str]]:
    """A row's label and value as (line, text), the value when it is a field's size."""
    label, value = clean(term.text_content()), clean(cell.text_content())
    return [(term.sourceline or 0, label)] + (
        [(cell.sourceline or 0, value)] if value and len(value) <= 300 else [])


def _left_out_notice(root: etree._Element, containers: list[etree._Element]) -> list[Notice]:
    """Say so when sentences of the page lie outside the content chosen (nothing goes silently)."""
    found = left_out(root, containers)
    if not found:
        return []
    line, text = found[0]
    clip = text if len(text) <= 60 else text[:59] + "\u2026"
    return [Notice(line, f"left out {len(found)} sentence-like block(s) outside the chosen "
                         f"content, first here: {clip!r}; use --select to choose the content")]

