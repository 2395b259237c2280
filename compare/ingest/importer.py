"""Import stage: plain text or HTML to a `Declaration`, plus notices; and back to text (export).

`read_text` decodes and checks bytes (`ingest.decode`: binary, encoding, control characters,
newlines); `parse_text` and `parse_html` build the declaration: `layout` (or `ingest.html_source`)
finds the title and blocks, `ingest.assemble` attaches list items to the paragraph that introduces
them, joins a paragraph that a blank line broke mid-sentence, numbers the ids and splits sentences
(`segment`); `ingest.meta` takes the metadata from the options and has `preamble` guess the rest.
The text is stored as written: doubled full stops, unbalanced quotes and repeated words are reported
as notices, never corrected. `to_text` is the export: parsing it again gives the same declaration.
"""

from __future__ import annotations

import dataclasses
import re

from ..errors import DeclarationError
from ..model import Declaration, Paragraph
from ..store.fsio import read_bytes
from . import html_source as htmlsource
from . import lossless
from .assemble import assemble, text_notices
from .bilingual import alphabet_halves, language_runs, primary_language
from .decode import BAD_CHAR, check_characters, is_utf8, newlines, paged_copy, read_text
from .html_charset import WHATWG, charset_label, whatwg_codec
from .layout import layout
from .lines import Layout, Notice, ends_final
from .meta import Overrides, build_meta, foreign
from .segment import detect_language
from .shape import furniture_notices, html_blocks_furniture, shape
from .structure import cut_off

__all__ = [
    "Notice",
    "Overrides",
    "import_file",
    "parse_html",
    "parse_text",
    "read_text",
    "to_text",
]


# --- parsing ---------------------------------------------------------------------------------


def parse_text(
    text: str,
    *,
    path: str | None = None,
    page_breaks: bool = False,
    keep_furniture: bool = False,
    start_at: str | None = None,
    **overrides: object,
) -> tuple[Declaration, list[Notice]]:
    """Build a declaration from decoded text; keyword arguments are `Overrides` fields.

    `keep_furniture` keeps page furniture in the body; `start_at` (a regular expression) names
    the line where the body starts (see `ingest.furniture`)."""
    if lossless.is_lossless(text):
        return _lossless(text, path)
    page_breaks = page_breaks or paged_copy(text)
    text = newlines(text, page_breaks)
    check_characters(text, path, page_breaks)
    try:
        lay = layout(text, keep_furniture=keep_furniture, start_at=start_at)
    except DeclarationError as exc:
        raise DeclarationError(exc.message, path, exc.line) from None
    return _build(lay, path, overrides)


def parse_html(
    data: bytes,
    *,
    path: str | None = None,
    select: str | None = None,
    encoding: str | None = None,
    keep_furniture: bool = False,
    start_at: str | None = None,
    **overrides: object,
) -> tuple[Declaration, list[Notice]]:
    """Build a declaration from the main content of an HTML page (or what `select` picks)."""
    declared, note = _page_charset(data, path, encoding)
    text = read_text(data, path, encoding or declared)
    lay = htmlsource.extract(text, path, select, keep_furniture)
    _check_references(lay, text, path)
    try:
        lay = html_blocks_furniture(lay, keep=keep_furniture, start_at=start_at)
    except DeclarationError as exc:
        raise DeclarationError(exc.message, path, exc.line) from None
    if note is not None:
        lay = dataclasses.replace(lay, notices=(note, *lay.notices))
    return _build(lay, path, overrides)


def _page_charset(
    data: bytes, path: str | None, encoding: str | None
) -> tuple[str | None, Notice | None]:
    """The codec to read a page with (None: UTF-8) and what to say about it (WHATWG rules)."""
    if encoding:
        codec = whatwg_codec(encoding)
        if codec is None or codec == "replacement":
            raise DeclarationError(f"--encoding {encoding!r}: not an encoding browsers read "
                                   "web pages in (WHATWG Encoding)", path)
        return codec, None
    label = charset_label(data)
    declared = htmlsource.declared_charset(data)
    if declared == "replacement":
        raise DeclarationError(f"the page declares {label}, an encoding browsers refuse to "
                               "decode (WHATWG: replacement); give --encoding", path)
    if label and label not in WHATWG:
        return None, Notice(None, f"the page declares charset {label!r}, which browsers do "
                                  "not support: ignored, read as UTF-8")
    if declared and not data.isascii() and is_utf8(data):
        return None, Notice(None, f"the page declares {declared} but its bytes are UTF-8 (as "
                                  "a saved page's often are): read as UTF-8; --encoding "
                                  "overrides")
    if declared:
        return declared, Notice(None, f"decoded as {declared}, the encoding the page declares")
    return None, None


_NUMERIC_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")


def _check_references(lay: Layout, source: str, path: str | None) -> None:
    """A character reference (`&#1;`) may bring what XML cannot hold: refuse it at the line of
    the reference in the page (else at its block's line)."""
    for b in lay.blocks:
        m = BAD_CHAR.search(b.text)
        if m:
            char = m.group()
            line = _reference_line(source, ord(char)) or b.line
            raise DeclarationError(f"a control character U+{ord(char):04X} (from a "
                                   "character reference) is not allowed in a declaration",
                                   path, line)


def _reference_line(source: str, code: int) -> int | None:
    for ref in _NUMERIC_REF.finditer(source):
        value = int(ref.group(1), 16) if ref.group(1) else int(ref.group(2))
        if value == code or (code == 0xFFFD and value > 0x10FFFF):
            return source.count("\n", 0, ref.start()) + 1
    return None


def import_file(
    path: str,
    *,
    fmt: str = "auto",
    encoding: str | None = None,
    select: str | None = None,
    page_breaks: bool = False,
    keep_furniture: bool = False,
    start_at: str | None = None,
    **overrides: object,
) -> tuple[Declaration, list[Notice]]:
    """Read and parse one input file; `fmt` is "text", "html" or "auto" (by name and content).

    `page_breaks` (text only) reads form feeds as page breaks instead of refusing them.
    """
    data = read_bytes(path)
    if fmt == "auto":
        fmt = "html" if htmlsource.looks_like_html(data, path) else "text"
        if fmt == "text":
            _refuse_xml(data, path)
    if fmt == "html":
        return parse_html(data, path=path, select=select, encoding=encoding,
                          keep_furniture=keep_furniture, start_at=start_at, **overrides)
    if select is not None:
        raise DeclarationError("--select applies to HTML input only", path)
    if lossless.is_lossless_bytes(data):
        return _lossless(read_text(data, path, "utf-8"), path)
    text = read_text(data, path, encoding, page_breaks)
    return parse_text(text, path=path, page_breaks=page_breaks, keep_furniture=keep_furniture,
                      start_at=start_at, **overrides)


def _refuse_xml(data: bytes, path: str | None) -> None:
    """An XML file is not a text to import: a stored declaration, or some other XML format."""
    head = data[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    if b"urn:scodiff:declaration:" in head and head.startswith(b"<"):
        raise DeclarationError("already a scodiff declaration (XML): use `scodiff validate` "
                               "or `scodiff show`, or `scodiff export` for its text", path)
    if head.startswith(b"<?xml"):
        raise DeclarationError("an XML document, not a text or HTML page; give --format text "
                               "to import its characters as they are", path)


def _build(
    lay: Layout, path: str | None, options: dict[str, object]
) -> tuple[Declaration, list[Notice]]:
    over = Overrides(**options)  # type: ignore[arg-type]
    texts = [dict(lay.fields).get("title") or lay.title, *(b.text for b in lay.blocks)]
    titles = (dict(lay.fields).get("title", ""), lay.title)
    language = over.language or primary_language(texts, detect_language(" ".join(texts)),
                                                 titles)
    lay, shaped = shape(lay, language)
    paragraphs, notices = assemble(lay.blocks, language)
    if not paragraphs:
        raise DeclarationError("no paragraphs found", path)
    fields = dict(lay.fields)
    title = fields.get("title") or lay.title
    if lay.title and foreign(title, language) and not foreign(lay.title, language):
        title = lay.title  # a record's title in the site's language over the page's own
    furniture = [x for _, x in lay.furniture]
    if lay.title and title != lay.title:
        furniture.insert(0, lay.title)  # the labelled title wins; the line is kept
    runs = language_runs(title, language) if title else []
    halves = alphabet_halves(title, language) if len(runs) == 1 else None
    if halves is not None:  # "ХУДЖАНДСКАЯ ДЕКЛАРАЦИЯ ... KHUJAND DECLARATION ..."
        runs = [(halves[0], ""), (halves[1], "other")]
    if len(runs) > 1 and any(not tag for _, tag in runs):  # a title printed in two languages
        title = " ".join(text for text, tag in runs if not tag)
        furniture += [text for text, tag in runs if tag]
    meta = build_meta(title, paragraphs, language, over, path, fields, lay.datelines,
                      tuple(furniture))
    truncated = cut_off(_last_text(paragraphs)) and not _unpunctuated_list(paragraphs[-1])
    meta = dataclasses.replace(meta, truncated=truncated)
    decl = Declaration(meta, paragraphs, path, tuple(furniture))
    _check_storable(decl, path)
    found = list(lay.notices) + shaped + notices + text_notices(decl)
    found += furniture_notices(lay, truncated, _last_text(paragraphs))
    if not title and over.title is None:
        found.append(Notice(None, "no title line found; give one with --title"))
    return decl, sorted(found, key=lambda x: (x.line or 0))


def _unpunctuated_list(last: Paragraph) -> bool:
    """A list whose items all go without final punctuation ("- lower duties") ends that way:
    its last item is no cut."""
    return len(last.items) >= 2 and not any(ends_final(it.text) for it in last.items)


def _last_text(paragraphs: tuple[Paragraph, ...]) -> str:
    last = paragraphs[-1]
    return last.items[-1].text if last.items else last.text


def _lossless(text: str, path: str | None) -> tuple[Declaration, list[Notice]]:
    decl = lossless.parse(text, path)
    _check_storable(decl, path)
    return decl, [Notice(None, "read as the lossless text form (scodiff export --format "
                               "lossless)")]


def _check_storable(decl: Declaration, path: str | None) -> None:
    """Refuse a declaration whose XML would not validate (never write a file `load` refuses)."""
    from ..store.xmlio import dump, loads

    try:
        loads(dump(decl))
    except DeclarationError as exc:
        raise DeclarationError(f"the result would not be a valid declaration: {exc.message}",
                               path) from None


# --- export ----------------------------------------------------------------------------------


def to_text(decl: Declaration) -> str:
    """Plain text: title, blank line, paragraphs (number first) with items as `marker text`.

    Sentences are joined as in the model (one space; none after a full-width terminal);
    headings stand on a line of their own. For reading: parsing it again reads its layout
    again (the lossless form is `ingest.lossless.dumps`).
    """
    chunks = [decl.meta.title] if decl.meta.title else []
    for p in decl.paragraphs:
        if p.heading:
            chunks.append(p.heading)
        lines = [_numbered(p.number, p.text)]
        lines += [_numbered(it.number or "-", it.text) for it in p.items]
        chunks.append("\n".join(x for x in lines if x))
    return "\n\n".join(chunks) + "\n"


def _numbered(number: str | None, text: str) -> str:
    if number is None:
        return text
    glue = "" if number.endswith(("\u3001", "\uff09")) else " "
    return f"{number}{glue}{text}".rstrip(" ")
