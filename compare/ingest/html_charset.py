"""Import stage, HTML bytes: whether a file is a web page, and the charset it declares.

A file is HTML by its extension or by an opening `<!doctype html>`/`<html>` tag. The declared
charset is read from `<meta charset>`, `http-equiv` or `<?xml encoding?>` in the first 4 KiB, with
the WHATWG label meanings (gb2312 is GBK, read as its superset gb18030; iso-8859-1 is
windows-1252): the Python codec to decode with, or None for UTF-8, a byte-order mark or no label.
"""

from __future__ import annotations

import codecs
import re

_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_LABELS = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
    "csgb2312": "gb18030", "chinese": "gb18030", "iso-ir-58": "gb18030",
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "l1": "cp1252",
    "ascii": "cp1252", "us-ascii": "cp1252", "windows-1252": "cp1252", "iso_8859-1": "cp1252",
    "shift_jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "windows-31j": "cp932",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "big5": "big5hkscs", "tis-620": "cp874",
    "iso-8859-11": "cp874",
}
"""Charset labels as browsers read them (WHATWG Encoding): the superset Python names."""


def looks_like_html(data: bytes, path: str | None) -> bool:
    """By the file name's extension, else by an opening `<!doctype html>`/`<html>` tag."""
    if path and path.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    return bool(_HTML_START.match(data.removeprefix(b"\xef\xbb\xbf")[:4096]))


def declared_charset(data: bytes) -> str | None:
    """The Python codec for the charset a page declares (None if none, UTF-8 or unknown)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return None
    head = data[:4096]
    m = _CHARSET.search(head) or _XML_ENCODING.search(head)
    if m is None:
        return None
    label = m.group(1).decode("ascii").lower()
    name = _LABELS.get(label, label)
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None  # read as UTF-8; a failure there suggests --encoding
    return None if codec == "utf-8" else name
