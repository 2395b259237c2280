"""Plain-text output helpers shared by the text formats (`show`, `list`, `commitments`).

Columns are padded to the widest cell so that output is stable and diffable; nothing depends on
the terminal's width or locale.
"""

from __future__ import annotations

from collections.abc import Sequence


def clip(text: str, width: int) -> str:
    """`text` cut to at most `width` characters, an ellipsis marking a cut."""
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


def columns(rows: Sequence[Sequence[str]]) -> str:
    """Rows as a table: cells padded to their column's widest, two spaces apart, one per line.

    The last column is not padded, so a long last cell does not widen the others.
    """
    if not rows:
        return ""
    n = len(rows[0])
    widths = [max(len(r[i]) for r in rows) for i in range(n - 1)] + [0]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    return "\n".join(lines) + "\n"
