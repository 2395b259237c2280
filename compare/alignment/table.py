"""Alignment table: the plain-text view of an alignment that a reviewer reads (and golden tests).

Part of the visualise stage. One line per pair, columns separated by at least two spaces::

    =  para_2 ¶2   para_2 ¶2   1.00
    ~  para_3 ¶3   para_4 ¶4   0.91
    >  para_4 ¶4   para_3 ¶3   1.00
    <  para_8 ¶8   para_8 ¶8 para_9 ¶9   0.97     (split)
    -  para_5 ¶5   .           0.00
    +  .           para_10 ¶10  0.00

Markers: ``=`` unchanged, ``~`` reworded, ``>`` moved, ``<`` split or merged (named in the
parenthesis), ``-`` removed, ``+`` added. ``.`` stands for an empty side; several ids on one side
are separated by one space, each followed by its citation (`citations`: ``¶7`` for a paragraph,
``¶6(a)`` for an item, the number as printed or, when the text prints none, counted from 1).
The similarity has two decimals; notes follow in parentheses. `parse_table` reads the table back
into `TableRow`s (citations are optional there).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import ScodiffError
from ..model import Alignment, Relation, Unit

MARKS = {
    Relation.UNCHANGED: "=",
    Relation.REWORDED: "~",
    Relation.MOVED: ">",
    Relation.SPLIT: "<",
    Relation.MERGED: "<",
    Relation.REMOVED: "-",
    Relation.ADDED: "+",
}


@dataclass(frozen=True)
class TableRow:
    relation: Relation
    left: tuple[str, ...]
    right: tuple[str, ...]
    similarity: float
    notes: tuple[str, ...] = ()


_BULLETS = frozenset("-\u2013\u2014\u2022\u25cf\u25aa\u00b7*+o")


def _printed(number: str | None) -> str:
    """A printed number as cited: "3." -> "3", "(a)" -> "a"; "" for a bullet or none."""
    core = (number or "").strip().strip(".)(").strip()
    return "" if not core or core in _BULLETS or not any(c.isalnum() for c in core) else core


def citations(units: tuple[Unit, ...]) -> dict[str, str]:
    """How an analyst cites each unit: `¶7` for a paragraph, `¶6(a)` for an item of it.

    The number as printed when the text prints one, else the unit's position counted from 1
    (paragraphs through the document, items within their paragraph). Linear in the units.
    """
    out: dict[str, str] = {}
    paragraphs = 0
    items = 0
    parent = ""
    for u in units:
        if u.kind == "item":
            items += 1
            out[u.id] = f"{parent}({_printed(u.number) or items})"
        else:
            paragraphs += 1
            items = 0
            parent = f"\u00b6{_printed(u.number) or paragraphs}"
            out[u.id] = parent
    return out


def _ids(ids: tuple[str, ...], cite: dict[str, str]) -> str:
    return " ".join(f"{i} {cite[i]}" if i in cite else i for i in ids) if ids else "."


def format_table(alignment: Alignment) -> str:
    """The alignment as a plain-text table, one line per pair, ending with a newline; each id
    is followed by its citation (`citations`)."""
    lcite = citations(alignment.left.units())
    rcite = citations(alignment.right.units())
    rows = []
    for p in alignment.pairs:
        extra = [p.relation.value] if p.relation in (Relation.SPLIT, Relation.MERGED) else []
        notes = [*extra, *p.notes]
        rows.append(
            (MARKS[p.relation], _ids(p.left, lcite), _ids(p.right, rcite), f"{p.similarity:.2f}",
             f"({', '.join(notes)})" if notes else "")
        )
    wl = max((len(r[1]) for r in rows), default=0) + 3
    wr = max((len(r[2]) for r in rows), default=0) + 3
    lines = [f"{m}  {lft:<{wl}}{rgt:<{wr}}{sim}     {n}".rstrip() for m, lft, rgt, sim, n in rows]
    return "".join(line + "\n" for line in lines)


_SPLIT = re.compile(r"\s{2,}")


def parse_table(text: str) -> list[TableRow]:
    """Read a table written by `format_table` (or by hand in the same layout)."""
    by_mark = {"=": Relation.UNCHANGED, "~": Relation.REWORDED, ">": Relation.MOVED,
               "-": Relation.REMOVED, "+": Relation.ADDED}
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = _SPLIT.split(line.strip())
        if len(cols) not in (4, 5) or cols[0] not in (*by_mark, "<"):
            raise ScodiffError(
                f"alignment table line {number}: expected 'MARK  LEFT  RIGHT  SIMILARITY "
                f"[(NOTES)]', found {line!r}"
            )
        notes = tuple(n.strip() for n in cols[4].strip("()").split(",")) if len(cols) == 5 else ()
        if cols[0] == "<":
            relation = Relation.MERGED if "merged" in notes else Relation.SPLIT
            notes = tuple(n for n in notes if n not in ("split", "merged"))
        else:
            relation = by_mark[cols[0]]
        rows.append(TableRow(relation, _parse_ids(cols[1]), _parse_ids(cols[2]),
                             float(cols[3]), notes))
    return rows


def _parse_ids(col: str) -> tuple[str, ...]:
    return () if col == "." else tuple(t for t in col.split() if not t.startswith("\u00b6"))
