"""Plain-text output helpers shared by the text formats, and the table of invisible characters.

`INVISIBLE` (what prints as nothing) and `BLANK` (what prints as blank) are the one table that
matching (`alignment.normalize`), the report's badges (`report.redline`) and every printed field
(`visible`) use.

Columns are padded to the widest cell so that output is stable and diffable; nothing depends on
the terminal's width or locale.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence


def _chars(*ranges: tuple[int, int]) -> frozenset[str]:
    return frozenset(chr(c) for a, b in ranges for c in range(a, b + 1))


DEFAULT_IGNORABLE = _chars(
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
"""Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 15.1): code points
that a renderer shows as nothing when it does not support them (zero-width characters, bidi
controls, variation selectors, the Hangul fillers, the combining grapheme joiner, tag
characters)."""

INVISIBLE = DEFAULT_IGNORABLE | _chars(
    (0x0080, 0x009F),  # C1 controls (refused in stored files, but never shown raw)
    (0xFFF9, 0xFFFB),  # interlinear annotation controls
)
"""Characters that print as nothing: dropped for matching (so "wi\u034fll" matches "will") and
shown as a badge wherever they occur. The one table every stage uses."""

BLANK = _chars((0x2000, 0x200A), (0x202F, 0x202F), (0x205F, 0x205F), (0x2800, 0x2800))
"""Characters that print as blank but are not ignorable (typographic spaces, the braille blank):
shown as badges; spaces among them match a space, the braille blank matches only itself."""

_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]|[^\x00-\x7f]")


def _code(m: re.Match[str]) -> str:
    ch = m.group()
    if ch.isascii() or ch in INVISIBLE or ch in BLANK or unicodedata.category(ch) in (
            "Cc", "Cf", "Zl", "Zp", "Cn", "Cs"):
        return f"<U+{ord(ch):04X}>"
    return ch


def visible(text: str) -> str:
    """Controls (C0 but tab and newline, C1), format characters (bidi, zero-width), everything
    of `INVISIBLE` and `BLANK`, and line separators shown as `<U+XXXX>`: a terminal never runs
    them, a reader sees them."""
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
