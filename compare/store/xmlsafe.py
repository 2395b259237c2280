"""The one hardened XML parser of the project (RELIABILITY.md, promise 2).

The bytes are read by us, must be UTF-8 (not gzip, not a binary format), and may not contain a
DOCTYPE or an entity declaration; lxml is told not to load DTDs, resolve entities, touch the
network or recover from errors, and XInclude is never processed. Nesting deeper than
`MAX_DEPTH` is refused. Every error is a `DeclarationError` naming the file, line and column.
"""

from __future__ import annotations

import re

from lxml import etree

from ..errors import DeclarationError, LimitError
from .fsio import binary_kind

MAX_DEPTH = 32
"""Deepest element nesting accepted (the format itself needs 6 levels)."""

def parser() -> etree.XMLParser:
    """A new lxml parser that loads nothing from outside and never recovers from errors."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        recover=False,
        remove_pis=True,
        remove_comments=True,
        collect_ids=False,
    )


def _line_of(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _decode(data: bytes, path: str | None) -> str:
    binary = binary_kind(data)
    if binary:
        raise DeclarationError(binary, path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DeclarationError("UTF-16 is not supported; save the file as UTF-8", path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DeclarationError(
            f"invalid UTF-8 at byte {exc.start} (0x{data[exc.start]:02x}); declarations are UTF-8",
            path,
            line,
        ) from None
    body = text.lstrip("\ufeff \t\r\n")
    if not body:
        raise DeclarationError("empty file, expected a <declaration> document", path)
    if not body.startswith("<"):
        line = text.count("\n", 0, len(text) - len(body)) + 1
        raise DeclarationError("not XML (a declaration file starts with '<'); to bring in a text "
                               "or HTML file, use `scodiff import`", path, line, 1)
    for token, what in (("<!DOCTYPE", "DOCTYPE not allowed"), ("<!ENTITY", "ENTITY not allowed")):
        at = text.find(token)
        if at >= 0:
            raise DeclarationError(what, path, *_line_of(text, at))
    return text


def parse_bytes(data: bytes, path: str | None, depth: bool = True) -> etree._Element:
    """The parsed tree of a file's bytes. With `depth` False, nesting past `MAX_DEPTH` is left
    to the caller (`check_depth`) unless another check here fails first: a caller whose grammar
    bounds the nesting checks it only for a file the grammar refuses."""
    text = _decode(data, path)
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (exc.lineno, None)
        msg = (exc.msg or "malformed XML").split(", line ")[0]
        if "Excessive depth" in msg:
            raise LimitError(f"XML nesting too deep ({msg})", path, line) from None
        if "Resource limit" in msg or "XML_PARSE_HUGE" in msg:
            raise LimitError("a text or attribute longer than the parser's limit (10 MB)",
                             path, line) from None
        raise DeclarationError(f"malformed XML: {msg}", path, line, col) from None
    tree = root.getroottree()
    if tree.docinfo.doctype:
        raise DeclarationError("DOCTYPE not allowed", path, 1)
    enc = (tree.docinfo.encoding or "UTF-8").upper()
    if enc not in ("UTF-8", "UTF8", "US-ASCII", "ASCII"):
        raise DeclarationError(f"encoding {enc} declared; declarations must be UTF-8", path, 1)
    forbidden = _may_hold_forbidden(text, data)
    if depth or forbidden:  # too deep is said before a forbidden character
        check_depth(root, path)
    if forbidden:
        _check_characters(root, path)
    return root


_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
FORBIDDEN = re.compile(f"[\x80-\x9f{_NONCHARACTERS}]")
"""C1 controls (text decoded with the wrong charset) and Unicode non-characters: XML 1.0 allows
them, HTML5 does not, and a terminal runs C1 sequences (CSI, OSC). No declaration holds them."""


_MAYBE_FORBIDDEN = re.compile("[\x80-\x9f\ufdd0-\ufdef\ufffe\uffff]")
"""`FORBIDDEN` within the Basic Multilingual Plane: a class of ranges, which `re` scans at once."""


def _may_hold_forbidden(text: str, data: bytes) -> bool:
    """Whether the parsed tree can hold a `FORBIDDEN` character, judged from the whole file in
    one pass: the tree's text is the file's text (UTF-8, no DOCTYPE, so no entity but the five
    ASCII ones) unless a character reference (`&#...;`) writes one. A non-character beyond the
    BMP (U+nFFFE, U+nFFFF) ends in the UTF-8 bytes BF BE or BF BF. False means none is there;
    True sends the tree to the element-by-element check, which names the line."""
    return (_MAYBE_FORBIDDEN.search(text) is not None or "&#" in text
            or b"\xbf\xbe" in data or b"\xbf\xbf" in data)


def _check_characters(root: etree._Element, path: str | None) -> None:
    for el in root.iter():
        values = [el.text, el.tail, *el.attrib.values()]
        for value in values:
            found = FORBIDDEN.search(value) if value else None
            if found:
                code = ord(found.group())
                what = "C1 control character" if code <= 0x9F else "Unicode non-character"
                hint = " (text read with the wrong charset?)" if code <= 0x9F else ""
                raise DeclarationError(f"{what} U+{code:04X} not allowed in a declaration{hint}",
                                       path, el.sourceline)


_AT_LIMIT = etree.XPath("(" + "/".join(["*"] * MAX_DEPTH) + ")[1]")
"""The first element, in document order, with MAX_DEPTH ancestors: any deeper one comes after
an ancestor at exactly that depth (comments and processing instructions are not kept)."""


def check_depth(root: etree._Element, path: str | None) -> None:
    """Refuse nesting deeper than `MAX_DEPTH` (`LimitError`, at the first element too deep)."""
    found = _AT_LIMIT(root)
    if isinstance(found, list) and found:
        message = f"XML nesting deeper than the limit of {MAX_DEPTH}"
        raise LimitError(message, path, found[0].sourceline)
