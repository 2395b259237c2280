"""Import stage, a document title fused with a site's name on one line of a page.

A page's title line often joins the document's title to the site's name or section between
separators ("Dushanbe Declaration on Digital Cooperation - PDFSHELF", "Tashkent Declaration |
Ministry of Foreign Affairs"): `fused_title` finds such a line among the lines above the text
and splits it into the title and the rest (left out with the furniture); `document_part` gives
the piece of a web page's `<title>` that is the document's.
"""

from __future__ import annotations

import re

from .bounds import document_title
from .lines import Line

_PIECES = re.compile(r"\s+(?:[|>/\u00bb\u00b7\u2022\u203a]|--?|\u2013|\u2014)\s+")


def fused_title(head: list[Line]) -> tuple[int, str, str] | None:
    """A document title fused with a site's name on one line ("Dushanbe Declaration on
    Digital Cooperation - PDFSHELF"): (index in `head`, the title, the rest of the line)."""
    for i, (_, x) in enumerate(head):
        parts = _PIECES.split(x)
        named = [p for p in parts if len(p.split()) >= 2 and document_title(p)]
        if len(parts) >= 2 and len(named) == 1:
            at = x.index(named[0])
            return i, named[0], f"{x[:at]} {x[at + len(named[0]):]}".strip()
    return None


def document_part(line: str) -> str:
    """The piece of a line between separators that is a document title ("Tashkent Declaration"
    in "Tashkent Declaration | Ministry of Foreign Affairs"), if exactly one is; else ""."""
    named = [p for p in _PIECES.split(line) if len(p.split()) >= 2 and document_title(p)]
    return named[0] if len(named) == 1 else ""
