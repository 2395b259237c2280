"""Import stage, HTML bytes: whether a file is a web page, and the charset it declares.

A file is HTML by its extension or by an opening `<!doctype html>`/`<html>` tag. The declared
charset is read from `<meta charset>`, `http-equiv` or `<?xml encoding?>` in the first 4 KiB, with
the WHATWG label meanings (gb2312 is GBK, read as its superset gb18030; iso-8859-1 is
windows-1252; a meta saying UTF-16 means UTF-8; a label browsers do not know, such as utf-7,
idna or cp037, is ignored): the Python codec to decode with, or None for UTF-8, a byte-order
mark or no label.
"""

from __future__ import annotations

import re

_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"<\?xml[^>]+encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.IGNORECASE)
def _labels(codec: str, *labels: str) -> dict[str, str]:
    return dict.fromkeys(labels, codec)


def _iso(n: int, *extra: str) -> dict[str, str]:
    return _labels(f"iso8859-{n}", f"iso-8859-{n}", f"iso8859-{n}", f"iso8859{n}",
                   f"iso_8859-{n}", *extra)


WHATWG: dict[str, str] = {
    **_labels("utf-8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8",
              "x-unicode20utf8"),
    **_labels("cp866", "866", "cp866", "csibm866", "ibm866"),
    **_iso(2, "csisolatin2", "iso-ir-101", "l2", "latin2"),
    **_iso(3, "csisolatin3", "iso-ir-109", "l3", "latin3"),
    **_iso(4, "csisolatin4", "iso-ir-110", "l4", "latin4"),
    **_iso(5, "csisolatincyrillic", "cyrillic", "iso-ir-144"),
    **_iso(6, "arabic", "asmo-708", "csiso88596e", "csiso88596i", "csisolatinarabic",
           "ecma-114", "iso-8859-6-e", "iso-8859-6-i", "iso-ir-127"),
    **_iso(7, "csisolatingreek", "ecma-118", "elot_928", "greek", "greek8", "iso-ir-126",
           "sun_eu_greek"),
    **_iso(8, "csiso88598e", "csisolatinhebrew", "hebrew", "iso-8859-8-e", "iso-ir-138",
           "visual", "iso-8859-8-i", "csiso88598i", "logical"),
    **_iso(10, "csisolatin6", "iso-ir-157", "l6", "latin6"),
    **_iso(13), **_iso(14), **_iso(15, "csisolatin9", "l9"), **_iso(16),
    **_labels("koi8-r", "cskoi8r", "koi", "koi8", "koi8-r", "koi8_r"),
    **_labels("koi8-u", "koi8-ru", "koi8-u"),
    **_labels("mac-roman", "csmacintosh", "mac", "macintosh", "x-mac-roman"),
    **_labels("cp874", "dos-874", "iso-8859-11", "iso8859-11", "iso885911", "tis-620",
              "windows-874"),
    **{label: f"windows-125{n}" for n in range(9) for label in
       (f"cp125{n}", f"windows-125{n}", f"x-cp125{n}")},
    **_labels("cp1252", "ansi_x3.4-1968", "ascii", "cp819", "csisolatin1", "ibm819",
              "iso-8859-1", "iso-ir-100", "iso8859-1", "iso88591", "iso_8859-1",
              "iso_8859-1:1987", "l1", "latin1", "us-ascii"),
    **_labels("cp1254", "csisolatin5", "iso-8859-9", "iso-ir-148", "iso8859-9", "iso88599",
              "iso_8859-9", "iso_8859-9:1989", "l5", "latin5"),
    **_labels("mac-cyrillic", "x-mac-cyrillic", "x-mac-ukrainian"),
    **_labels("gb18030", "chinese", "csgb2312", "csiso58gb231280", "gb2312", "gb_2312",
              "gb_2312-80", "gbk", "iso-ir-58", "x-gbk", "gb18030"),
    **_labels("big5hkscs", "big5", "big5-hkscs", "cn-big5", "csbig5", "x-x-big5"),
    **_labels("euc_jp", "cseucpkdfmtjapanese", "euc-jp", "x-euc-jp"),
    **_labels("iso2022_jp", "csiso2022jp", "iso-2022-jp"),
    **_labels("cp932", "csshiftjis", "ms932", "ms_kanji", "shift-jis", "shift_jis", "sjis",
              "windows-31j", "x-sjis"),
    **_labels("cp949", "cseuckr", "csksc56011987", "euc-kr", "iso-ir-149", "korean",
              "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949"),
    **_labels("replacement", "csiso2022kr", "hz-gb-2312", "iso-2022-cn", "iso-2022-cn-ext",
              "iso-2022-kr", "replacement"),
    # a page cannot declare UTF-16 in its own bytes: browsers read such a meta as UTF-8
    **_labels("utf-8", "unicodefffe", "utf-16be", "csunicode", "iso-10646-ucs-2", "ucs-2",
              "unicode", "unicodefeff", "utf-16", "utf-16le"),
    **_labels("cp1252", "x-user-defined"),
}
"""Charset labels as browsers read them (WHATWG Encoding, and HTML's rule for a meta that says
UTF-16): the Python codec; supersets where the standard decodes so (gb2312 as GB 18030,
iso-8859-1 as windows-1252). "replacement" means the page cannot be decoded. A label not here
(utf-7, idna, unicode_escape, cp037...) is no label: browsers ignore it."""


def looks_like_html(data: bytes, path: str | None) -> bool:
    """By the file name's extension, else by an opening `<!doctype html>`/`<html>` tag."""
    if path and path.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    return bool(_HTML_START.match(data.removeprefix(b"\xef\xbb\xbf")[:4096]))


def charset_label(data: bytes) -> str | None:
    """The charset label a page declares, lower case, as written (None without one or with a
    UTF-8 byte-order mark, which wins)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return None
    head = data[:4096]
    m = _CHARSET.search(head) or _XML_ENCODING.search(head)
    return None if m is None else m.group(1).decode("ascii").lower().strip()


def declared_charset(data: bytes) -> str | None:
    """The Python codec for the charset a page declares (None if none, UTF-8 or not a label
    browsers know; "replacement" for the encodings the standard will not decode)."""
    label = charset_label(data)
    name = WHATWG.get(label or "")
    return None if name in (None, "utf-8") else name


def whatwg_codec(label: str) -> str | None:
    """The codec of a label browsers know (for --encoding on a page), else None."""
    return WHATWG.get(label.lower().strip())
