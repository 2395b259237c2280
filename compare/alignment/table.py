"""Alignment table: the plain-text view of an alignment that a reviewer reads (and golden tests).

Part of the visualise stage. One line per pair, columns separated by at least two spaces::

    =  para_2   para_2   1.00
    ~  para_3   para_4   0.91
    >  para_4   para_3   1.00
    <  para_8   para_8 para_9   0.97     (split)
    -  para_5   .        0.00
    +  .        para_10  0.00

Markers: ``=`` unchanged, ``~`` reworded, ``>`` moved, ``<`` split or merged (named in the
parenthesis), ``-`` removed, ``+`` added. ``.`` stands for an empty side; several ids on one side
are separated by one space. The similarity has two decimals; notes follow in parentheses.
`parse_table` reads the table back into `TableRow`s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import ScodiffError
from ..model import Alignment, Relation

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


def _ids(ids: tuple[str, ...]) -> str:
    return " ".join(ids) if ids else "."


def format_table(alignment: Alignment) -> str:
    """The alignment as a plain-text table, one line per pair, ending with a newline."""
    rows = []
    for p in alignment.pairs:
        extra = [p.relation.value] if p.relation in (Relation.SPLIT, Relation.MERGED) else []
        notes = [*extra, *p.notes]
        rows.append(
            (MARKS[p.relation], _ids(p.left), _ids(p.right), f"{p.similarity:.2f}",
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
    return () if col == "." else tuple(col.split())
