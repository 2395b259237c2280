"""Plain-text output helpers shared by the text formats (`show`, `list`, `commitments`).

Columns are padded to the widest cell so that output is stable and diffable; nothing depends on
the terminal's width or locale.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]|[^\x00-\x7f]")


def _code(m: re.Match[str]) -> str:
    ch = m.group()
    if ch.isascii() or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cn", "Cs"):
        return f"<U+{ord(ch):04X}>"
    return ch


def visible(text: str) -> str:
    """Controls (C0 but tab and newline, C1), format characters (bidi, zero-width) and line
    separators shown as `<U+XXXX>`: a terminal never runs them, a reader sees them."""
    return _HIDDEN.sub(_code, text)


_BREAKS = re.compile("[\t\n\r]")


def one_line(text: str) -> str:
    """`visible`, and tabs and line breaks too: one printed field is one line (a newline in an
    attribute must not forge a second row or a second error)."""
    return _BREAKS.sub(lambda m: f"<U+{ord(m.group()):04X}>", visible(text))


def clip(text: str, width: int) -> str:
    """`text` made `visible`, cut to at most `width` characters, an ellipsis marking a cut."""
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


def columns(rows: Sequence[Sequence[str]]) -> str:
    """Rows as a table: cells padded to their column's widest, two spaces apart, one per line.

    The last column is not padded, so a long last cell does not widen the others.
    """
    if not rows:
        return ""
    rows = [[one_line(c) for c in r] for r in rows]
    n = len(rows[0])
    widths = [max(len(r[i]) for r in rows) for i in range(n - 1)] + [0]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines) + "\n"
