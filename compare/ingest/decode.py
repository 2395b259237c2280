"""Import stage, decoding: input bytes to checked text, or a message saying what is wrong.

`read_text` refuses binary files by their magic numbers (PDF, office documents, archives) and by
NUL bytes, decodes strictly (UTF-8 unless told; a UTF-16 byte-order mark asks for
`--encoding`), drops a UTF-8 byte-order mark, makes newlines LF and refuses characters XML
cannot hold (`check_characters`). A form feed is refused too (the option `--page-breaks` reads
it), unless the copy shows it is a page break: every form feed stands at a line's edge and a page
number or an "n/N" page counter stands next to one of them (`paged_copy`, as a PDF converter or a
browser's print prints them). Each refusal names the line, and the option that may help.
"""

from __future__ import annotations

import codecs
import re

from ..errors import DeclarationError
from ..store.fsio import binary_kind
from .pages import PAGE_BREAK, page_number_line

_BAD_CHAR = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
BAD_CHAR = _BAD_CHAR
"""Characters XML cannot hold (C0 controls but tab and newline, C1, lone surrogates)."""
_BAD_CHAR_PAGED = re.compile("[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def read_text(
    data: bytes, path: str | None, encoding: str | None = None, page_breaks: bool = False
) -> str:
    """Decode an input text: refuse binary, decode strictly, LF newlines, no control characters.

    A form feed (a page break in text copied from a PDF) is refused like any control character
    unless `page_breaks`: then it is put on a line of its own, which `layout` reads as a page
    break.
    """
    binary = binary_kind(data)
    if binary:
        raise DeclarationError(binary, path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and encoding is None:
        raise DeclarationError("UTF-16 text (byte-order mark); try --encoding utf-16", path, 1)
    if b"\x00" in data and encoding is None:
        at = data.index(b"\x00")
        line = data.count(b"\n", 0, at) + 1
        raise DeclarationError(f"not a text file (NUL byte at byte {at})", path, line)
    text = _decode(data, path, encoding).removeprefix("\ufeff")
    page_breaks = page_breaks or paged_copy(text)
    text = newlines(text, page_breaks)
    check_characters(text, path, page_breaks)
    if not text.strip(" \t\n" + PAGE_BREAK):
        raise DeclarationError("no paragraphs found (the file is empty)", path)
    return text


_NOT_TEXT = frozenset({"utf-7", "idna", "punycode", "unicode-escape", "raw-unicode-escape",
                       "undefined", "utf-7-variant"})
"""Codecs that turn plain bytes into markup or other characters than they show
(`+ADw-` is "<" in UTF-7): never used to read a declaration."""


def _decode(data: bytes, path: str | None, encoding: str | None) -> str:
    name = encoding or "utf-8"
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise DeclarationError(f"unknown encoding {encoding!r}", path) from None
    if info.name.replace("_", "-") in _NOT_TEXT or not getattr(info, "_is_text_encoding", True):
        raise DeclarationError(f"encoding {encoding!r} is not a text encoding for documents "
                               "(it decodes escapes, not characters)", path)
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        hint = "" if encoding else f"; try --encoding {likely_encoding(data)}"
        raise DeclarationError(
            f"invalid {name} at byte {exc.start} (line {line}, byte 0x{data[exc.start]:02x}){hint}",
            path,
            line,
        ) from None


_SCRIPTS = (
    ("gb18030", lambda c: "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef"),
    ("cp1251", lambda c: "\u0400" <= c <= "\u04ff"),
)


def likely_encoding(data: bytes) -> str:
    """The legacy encoding to suggest for bytes that are not UTF-8 (a hint, never applied).

    Chinese (GB 18030) or Cyrillic (Windows-1251) when the bytes decode so and most letters
    are then of that script (a Western text has few letters outside ASCII); else cp1252.
    """
    for name, in_script in _SCRIPTS:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        letters = [c for c in text if c.isalpha()]
        if letters and sum(map(in_script, letters)) * 2 > len(letters):
            return name
    return "cp1252"


def newlines(text: str, page_breaks: bool) -> str:
    """LF newlines (also for U+2028; U+2029 ends a paragraph); with `page_breaks`, each form
    feed on a line of its own."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2029", "\n\n").replace("\u2028", "\n")
    return text.replace(PAGE_BREAK, f"\n{PAGE_BREAK}\n") if page_breaks else text


_EDGE_FEED = re.compile(r"(?:^|(?<=[\n\r]))[ \t]*\f+|\f+[ \t]*(?=[\n\r]|$)")


def paged_copy(text: str) -> bool:
    """Whether the form feeds of a text are evidently page breaks: each stands at a line's edge
    (alone on a line, or before the next page's first line) and at least one has a page number
    or an "n/N" counter on the line before it or right after it ("   1" / "\f2", a print's
    "https://... 1/3" footer). A form feed inside a line, or one with no page's marks by it,
    is refused as before (RELIABILITY T4), with the `--page-breaks` hint."""
    total = text.count(PAGE_BREAK)
    if not total or sum(m.group().count(PAGE_BREAK) for m in _EDGE_FEED.finditer(text)) != total:
        return False
    rows = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, row in enumerate(rows):
        if PAGE_BREAK not in row:
            continue
        head, tail = row.split(PAGE_BREAK)[0], row.rsplit(PAGE_BREAK, 1)[1]
        before = head if head.strip() else next(
            (r for r in reversed(rows[max(0, i - 3) : i]) if r.strip(" \t" + PAGE_BREAK)), "")
        after = tail or next((r for r in rows[i + 1 : i + 4] if r.strip(" \t" + PAGE_BREAK)), "")
        if page_number_line(before) or page_number_line(after.strip(PAGE_BREAK)):
            return True
    return False


_FORM_FEED_HINT = " (a form feed: --page-breaks reads it as a page break)"
_C1_HINT = " (a sign of the wrong encoding: Windows text read as Latin-1? try --encoding cp1252)"


def check_characters(text: str, path: str | None, page_breaks: bool = False) -> None:
    """Refuse characters XML cannot hold (C0 controls but tab and newline, lone surrogates);
    form feeds are let through for `layout` when they are read as page breaks."""
    m = (_BAD_CHAR_PAGED if page_breaks else _BAD_CHAR).search(text)
    if m is None:
        return
    line = text.count("\n", 0, m.start()) + 1
    column = m.start() - (text.rfind("\n", 0, m.start()) + 1) + 1
    ch = m.group()
    what = ("a lone surrogate" if "\ud800" <= ch <= "\udfff" else
            "a C1 control character" if "\x80" <= ch <= "\x9f" else "a control character")
    hint = _FORM_FEED_HINT if ch == PAGE_BREAK else _C1_HINT if "\x80" <= ch <= "\x9f" else ""
    raise DeclarationError(f"{what} U+{ord(m.group()):04X} is not allowed in a declaration{hint}",
                           path, line, column)


def is_utf8(data: bytes) -> bool:
    """Whether the bytes decode as UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
