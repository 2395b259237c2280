"""Import stage: plain text or HTML to a `Declaration`, plus notices; and back to text (export).

`read_text` decodes and checks bytes (binary, encoding, control characters, newlines);
`parse_text` and `parse_html` build the declaration: `layout` (or `htmlsource`) finds the title
and blocks, `assemble` attaches list items to the paragraph that introduces them, joins a
paragraph that a blank line broke mid-sentence, numbers the ids and splits sentences
(`segment`); `preamble` guesses the metadata that options do not give. The text is stored as
written: doubled full stops, unbalanced quotes and repeated words are reported as notices, never
corrected. `to_text` is the export: parsing it again gives the same declaration.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
import re
from dataclasses import dataclass

from . import htmlsource, preamble
from .errors import DeclarationError
from .fsio import read_bytes
from .layout import layout
from .layout_lines import Block, Layout, Notice, ends_final, join_lines
from .layout_pages import PAGE_BREAK
from .model import KINDS, STATUSES, Declaration, Item, Meeting, Meta, Paragraph, Party, Sentence
from .segment import CJK_LANGUAGES, CLOSING, base_language, detect_language, split_sentences

__all__ = [
    "Notice",
    "Overrides",
    "import_file",
    "parse_html",
    "parse_text",
    "read_text",
    "to_text",
]

_BINARY = (
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP or office document"),
    (b"\x1f\x8b", "gzip-compressed"),
    (b"\xd0\xcf\x11\xe0", "old Word or Excel document"),
    (b"{\\rtf", "RTF"),
)
_BAD_CHAR = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_BAD_CHAR_PAGED = re.compile("[\x00-\x08\x0b\x0d-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_LANG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Overrides:
    """Metadata given on the command line; None means "take it from the text"."""

    id: str | None = None
    title: str | None = None
    kind: str | None = None
    body: str | None = None
    place: str | None = None
    date: str | None = None
    language: str | None = None
    parties: tuple[Party, ...] | None = None
    status: str | None = None
    version_label: str | None = None
    version_of: str | None = None
    source: str | None = None
    source_url: str | None = None


# --- decoding --------------------------------------------------------------------------------


def read_text(
    data: bytes, path: str | None, encoding: str | None = None, page_breaks: bool = False
) -> str:
    """Decode an input text: refuse binary, decode strictly, LF newlines, no control characters.

    A form feed (a page break in text copied from a PDF) is refused like any control character
    unless `page_breaks`: then it is put on a line of its own, which `layout` reads as a page
    break.
    """
    for magic, what in _BINARY:
        if data.startswith(magic):
            raise DeclarationError(f"not a text file ({what})", path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and encoding is None:
        raise DeclarationError("UTF-16 text (byte-order mark); try --encoding utf-16", path, 1)
    if b"\x00" in data and encoding is None:
        at = data.index(b"\x00")
        line = data.count(b"\n", 0, at) + 1
        raise DeclarationError(f"not a text file (NUL byte at byte {at})", path, line)
    text = _decode(data, path, encoding)
    text = _newlines(text.removeprefix("\ufeff"), page_breaks)
    check_characters(text, path, page_breaks)
    if not text.strip(" \t\n" + PAGE_BREAK):
        raise DeclarationError("no paragraphs found (the file is empty)", path)
    return text


def _decode(data: bytes, path: str | None, encoding: str | None) -> str:
    name = encoding or "utf-8"
    try:
        return data.decode(name)
    except LookupError:
        raise DeclarationError(f"unknown encoding {encoding!r}", path) from None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        hint = "" if encoding else "; try --encoding cp1252"
        raise DeclarationError(
            f"invalid {name} at byte {exc.start} (line {line}, byte 0x{data[exc.start]:02x}){hint}",
            path,
            line,
        ) from None


def _newlines(text: str, page_breaks: bool) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace(PAGE_BREAK, f"\n{PAGE_BREAK}\n") if page_breaks else text


_FORM_FEED_HINT = " (a form feed: --page-breaks reads it as a page break)"


def check_characters(text: str, path: str | None, page_breaks: bool = False) -> None:
    """Refuse characters XML cannot hold (C0 controls but tab and newline, lone surrogates);
    form feeds are let through for `layout` when they are read as page breaks."""
    m = (_BAD_CHAR_PAGED if page_breaks else _BAD_CHAR).search(text)
    if m is None:
        return
    line = text.count("\n", 0, m.start()) + 1
    column = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
    what = "a lone surrogate" if "\ud800" <= m.group() <= "\udfff" else "a control character"
    hint = "" if m.group() != PAGE_BREAK else _FORM_FEED_HINT
    raise DeclarationError(f"{what} U+{ord(m.group()):04X} is not allowed in a declaration{hint}",
                           path, line, column)


# --- parsing ---------------------------------------------------------------------------------


def parse_text(
    text: str, *, path: str | None = None, page_breaks: bool = False, **overrides: object
) -> tuple[Declaration, list[Notice]]:
    """Build a declaration from decoded text; keyword arguments are `Overrides` fields."""
    text = _newlines(text, page_breaks)
    check_characters(text, path, page_breaks)
    return _build(layout(text), path, overrides)


def parse_html(
    data: bytes,
    *,
    path: str | None = None,
    select: str | None = None,
    encoding: str | None = None,
    **overrides: object,
) -> tuple[Declaration, list[Notice]]:
    """Build a declaration from the main content of an HTML page (or what `select` picks)."""
    declared = htmlsource.declared_charset(data)
    note = None
    if declared and not encoding:
        if not data.isascii() and _is_utf8(data):
            note = Notice(None, f"the page declares {declared} but its bytes are UTF-8 (as a "
                                "saved page's often are): read as UTF-8; --encoding overrides")
            declared = None
        else:
            note = Notice(None, f"decoded as {declared}, the encoding the page declares")
    text = read_text(data, path, encoding or declared)
    lay = htmlsource.extract(text, path, select)
    if note is not None:
        lay = dataclasses.replace(lay, notices=(note, *lay.notices))
    return _build(lay, path, overrides)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def import_file(
    path: str,
    *,
    fmt: str = "auto",
    encoding: str | None = None,
    select: str | None = None,
    page_breaks: bool = False,
    **overrides: object,
) -> tuple[Declaration, list[Notice]]:
    """Read and parse one input file; `fmt` is "text", "html" or "auto" (by name and content).

    `page_breaks` (text only) reads form feeds as page breaks instead of refusing them.
    """
    data = read_bytes(path)
    if fmt == "auto":
        fmt = "html" if htmlsource.looks_like_html(data, path) else "text"
    if fmt == "html":
        return parse_html(data, path=path, select=select, encoding=encoding, **overrides)
    if select is not None:
        raise DeclarationError("--select applies to HTML input only", path)
    text = read_text(data, path, encoding, page_breaks)
    return parse_text(text, path=path, page_breaks=page_breaks, **overrides)


def _build(
    lay: Layout, path: str | None, options: dict[str, object]
) -> tuple[Declaration, list[Notice]]:
    over = Overrides(**options)  # type: ignore[arg-type]
    language = over.language or detect_language(
        " ".join([lay.title, *(b.text for b in lay.blocks)])
    )
    paragraphs, notices = assemble(lay.blocks, language)
    if not paragraphs:
        raise DeclarationError("no paragraphs found", path)
    meta = _meta(lay.title, paragraphs, language, over, path)
    decl = Declaration(meta, paragraphs, path)
    found = list(lay.notices) + notices + text_notices(decl)
    if not lay.title and over.title is None:
        found.append(Notice(None, "no title line found; give one with --title"))
    return decl, sorted(found, key=lambda x: (x.line or 0))


# --- assembly --------------------------------------------------------------------------------


@dataclass
class _Para:
    block: Block
    text: str
    items: list[Block]

    @property
    def takes_items(self) -> bool:
        """A list item that opens the text (or follows one) is a paragraph of its own."""
        return self.block.kind == "paragraph"


def assemble(
    blocks: tuple[Block, ...], language: str
) -> tuple[tuple[Paragraph, ...], list[Notice]]:
    """Attach items to their paragraph, join mid-sentence breaks, number ids, split sentences."""
    notices: list[Notice] = []
    paras: list[_Para] = []
    for b in blocks:
        if _continues(paras, b, language):
            _join(paras[-1], b, notices)
        elif b.kind == "item" and paras and paras[-1].takes_items and _is_item(paras[-1], b):
            if not paras[-1].items and not paras[-1].text.rstrip(" ").endswith((":", "\uff1a")):
                notices.append(Notice(b.line, "list follows a paragraph that does not end with "
                                              "':'; attached to it"))
            paras[-1].items.append(b)
        else:
            if b.kind == "item" and b.style == "digit":  # "1)" outside a list numbers a paragraph
                b = dataclasses.replace(b, kind="paragraph")
            paras.append(_Para(b, b.text, []))
    return tuple(_paragraph(i, p, language) for i, p in enumerate(paras, 1)), notices


def _is_item(para: _Para, b: Block) -> bool:
    """`1)` is an item inside a list (or after an intro ending in ':'), else a paragraph number."""
    if b.style != "digit":
        return True
    intro = para.text.rstrip(" ").endswith((":", "\uff1a")) and not para.items
    if intro or not para.items or para.items[-1].style != "digit":
        return intro
    # after a blank line, a list whose last item ended a sentence is over
    return not (b.after_break and para.items[-1].text.rstrip(CLOSING).endswith((".", "!", "?")))


def _continues(paras: list[_Para], b: Block, language: str) -> bool:
    """A block after a blank line that goes on with a sentence the previous block left open."""
    if not paras or not b.after_break or b.kind != "paragraph" or b.number is not None:
        return False
    prev = paras[-1].items[-1].text if paras[-1].items else paras[-1].text
    if ends_final(prev):
        return False
    if base_language(language) in CJK_LANGUAGES:
        return prev.endswith(("\uff0c", "\u3001", ","))
    first = next((ch for ch in b.text if ch.isalpha()), "")
    return bool(first) and first.islower() and b.text[0].isalpha()


def _join(para: _Para, b: Block, notices: list[Notice]) -> None:
    target = para.items[-1] if para.items else None
    where = target.line if target else para.block.line
    notices.append(Notice(b.line, f"paragraph broken by a blank line in mid-sentence: joined "
                                  f"line {b.line} to the paragraph at line {where}"))
    if target is None:
        para.text = join_lines(para.text, b.text)
    else:
        para.items[-1] = dataclasses.replace(target, text=join_lines(target.text, b.text))


def _paragraph(n: int, p: _Para, language: str) -> Paragraph:
    pid = f"para_{n}"
    items = tuple(
        Item(f"{pid}__item_{m}", it.number, _sentences(f"{pid}__item_{m}", it, it.text, language),
             it.line)
        for m, it in enumerate(p.items, 1)
    )
    return Paragraph(pid, p.block.number, _sentences(pid, p.block, p.text, language), items,
                     p.block.line)


def _sentences(uid: str, b: Block, text: str, language: str) -> tuple[Sentence, ...]:
    parts = split_sentences(text, language)
    return tuple(Sentence(f"{uid}__s_{k}", s, b.line) for k, s in enumerate(parts, 1))


# --- notices on the text as written ----------------------------------------------------------

_QUOTE_PAIRS = (("\u201c", "\u201d"), ("\u00ab", "\u00bb"), ("(", ")"), ("[", "]"),
                ("\u300c", "\u300d"), ("\u300e", "\u300f"), ("\uff08", "\uff09"))
_DOUBLED_STOP = re.compile(r"(?<![.\s])\.\.(?!\.)")
_REPEATED = re.compile(r"\b(\w+) \1\b", re.IGNORECASE)


def text_notices(decl: Declaration) -> list[Notice]:
    """Doubled full stops, unbalanced quotes or brackets and repeated words, kept as written."""
    out: list[Notice] = []
    for u in decl.units():
        text = u.text
        if _DOUBLED_STOP.search(text):
            out.append(Notice(u.line, f"{u.id}: doubled full stop '..' kept as written"))
        for opening, closing in _QUOTE_PAIRS:
            a, b = text.count(opening), text.count(closing)
            if a != b:
                out.append(Notice(u.line, f"{u.id}: unbalanced {opening}{closing}: {a} opening, "
                                          f"{b} closing, kept as written"))
        if text.count('"') % 2:
            out.append(Notice(u.line, f'{u.id}: odd number of " quotes, kept as written'))
        for m in _REPEATED.finditer(text):
            out.append(Notice(u.line, f"{u.id}: repeated word {m.group(0)!r} kept as written"))
    return out


# --- metadata --------------------------------------------------------------------------------


def _meta(
    title: str, paragraphs: tuple[Paragraph, ...], language: str, over: Overrides, path: str | None
) -> Meta:
    guess = preamble.guess_from_paragraphs(title, tuple(_full_text(p) for p in paragraphs))
    place = over.place if over.place is not None else guess.place
    date = over.date if over.date is not None else guess.date
    meta = Meta(
        id=over.id or _default_id(date, place, path),
        title=over.title if over.title is not None else title,
        kind=over.kind if over.kind is not None else preamble.guess_kind(over.title or title),
        meeting=Meeting(over.body or "", place, date),
        language=language,
        parties=over.parties if over.parties is not None else guess.parties,
        status=over.status or "",
        version_label=over.version_label or "",
        version_of=over.version_of or "",
        source=over.source or "",
        source_url=over.source_url or "",
    )
    _check_meta(meta, path)
    return meta


def _full_text(p: Paragraph) -> str:
    return " ".join([p.text, *(it.text for it in p.items)])


def _default_id(date: str, place: str, path: str | None) -> str:
    where = preamble.slug(place)
    if date and where:
        return f"{date[:4]}-{where}"
    stem = preamble.slug(os.path.splitext(os.path.basename(path))[0]) if path else ""
    return stem or "declaration"


def _check_meta(m: Meta, path: str | None) -> None:
    checks = (
        (_ID.fullmatch(m.id) is not None, f"id {m.id!r}: expected letters, digits, '_', '.', '-'"),
        (m.kind in ("", *KINDS), f"kind {m.kind!r}: expected one of {', '.join(KINDS)}"),
        (m.status in ("", *STATUSES), f"status {m.status!r}: expected {', '.join(STATUSES)}"),
        (_LANG.fullmatch(m.language) is not None,
         f"language {m.language!r}: expected a BCP 47 tag such as en, ru, zh"),
        (not m.meeting.date or _real_date(m.meeting.date),
         f"date {m.meeting.date!r}: expected a calendar date YYYY-MM-DD"),
        (all(re.fullmatch(r"[A-Z]{2}", p.code) for p in m.parties),
         "party codes: expected ISO 3166 alpha-2 codes such as KZ"),
    )
    for ok, message in checks:
        if not ok:
            raise DeclarationError(message, path)


def _real_date(value: str) -> bool:
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


# --- export ----------------------------------------------------------------------------------


def to_text(decl: Declaration) -> str:
    """Plain text: title, blank line, paragraphs (number first) with items as `marker text`.

    Sentences are joined as in the model (one space; none after a full-width terminal):
    parsing the result again gives the same declaration.
    """
    chunks = [decl.meta.title] if decl.meta.title else []
    for p in decl.paragraphs:
        lines = [_numbered(p.number, p.text)]
        lines += [_numbered(it.number or "-", it.text) for it in p.items]
        chunks.append("\n".join(x for x in lines if x))
    return "\n\n".join(chunks) + "\n"


def _numbered(number: str | None, text: str) -> str:
    if number is None:
        return text
    glue = "" if number.endswith(("\u3001", "\uff09")) else " "
    return f"{number}{glue}{text}".rstrip(" ")
