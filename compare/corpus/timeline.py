"""The timeline: lineages by summit as a grid, with the commitment force of each over time.

`timeline_document(decls, lineages)` is the `scodiff.timeline/1` JSON document: the series'
declarations in order, every pair of consecutive declarations with the name of its comparison
report (`LEFT--RIGHT.html`), and per lineage its cells (what happened in each declaration where
something did), the force of its strongest commitment in each declaration where it has units
(null where it commits to nothing), and whether it changed or ever held a commitment. Filters
keep the lineages holding a commitment, or the changed ones. `timeline_text` is the grid for a
terminal, one letter per cell (the key is printed with it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..commitments import find_commitments
from ..model import Declaration
from ..textfmt import visible
from .lineage import Lineages

FORMAT = "scodiff.timeline/1"

CODES = {"first-seen": "+", "unchanged": "=", "reworded": "~", "moved": ">", "split": "<",
         "merged": "&", "revived": "R", "dropped": "x", "merged-into": "m"}
LABEL_CHARS = 60
"""Characters of a lineage's first text shown as its label."""


def report_name(left: str, right: str) -> str:
    """File name of the comparison report of two declarations in a site."""
    return f"{left}--{right}.html"


def forces(decls: Sequence[Declaration]) -> dict[tuple[str, str], int]:
    """(declaration id, unit id) -> the force of the strongest commitment in that unit."""
    out: dict[tuple[str, str], int] = {}
    for d in decls:
        for c in find_commitments(d):
            key = (d.id, c.unit)
            out[key] = max(out.get(key, c.force), c.force)
    return out


def _label(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1].rstrip() + "\u2026"


def timeline_document(decls: Sequence[Declaration], lineages: Lineages,
                      commitments_only: bool = False, changed_only: bool = False
                      ) -> dict[str, Any]:
    by_id = {d.id: d for d in decls}
    series = [by_id[i] for i in lineages.declarations]
    force = forces(series)
    texts = {(d.id, u.id): u.text for d in series for u in d.units()}
    rows: list[dict[str, Any]] = []
    for lin in lineages.lineages:
        cells = []
        for c in lin.cells:
            levels = [force[(c.declaration, u)] for u in c.units if (c.declaration, u) in force]
            cells.append({"declaration": c.declaration, "event": c.event, "units": list(c.units),
                          "sources": list(c.sources), "similarity": c.similarity,
                          "detail": c.detail or None, "force": max(levels) if levels else None})
        changed = any(c["event"] not in ("first-seen", "unchanged") for c in cells)
        committed = any(c["force"] is not None for c in cells)
        if (commitments_only and not committed) or (changed_only and not changed):
            continue
        first = lin.cells[0]
        rows.append({"id": lin.id, "label": _label(texts[(first.declaration, first.units[0])]),
                     "first": first.declaration, "last": _last(lin.cells), "changed": changed,
                     "commitment": committed, "cells": cells})
    pairs = [{"left": a, "right": b, "report": report_name(a, b)}
             for a, b in zip(lineages.declarations, lineages.declarations[1:], strict=False)]
    return {
        "format": FORMAT,
        "declarations": [_decl(d) for d in series],
        "pairs": pairs,
        "filters": {"commitments_only": commitments_only, "changed_only": changed_only},
        "lineages": rows,
        "counts": _counts(lineages),
    }


def _last(cells: Sequence[Any]) -> str:
    present: list[str] = [c.declaration for c in cells if c.units]
    return present[-1]


def _decl(d: Declaration) -> dict[str, Any]:
    m = d.meta
    return {"id": m.id, "title": m.title, "date": m.meeting.date or None,
            "place": m.meeting.place or None, "status": m.status or None,
            "units": len(d.units())}


def _counts(lineages: Lineages) -> dict[str, int]:
    out = {e: 0 for e in CODES}
    for lin in lineages.lineages:
        for c in lin.cells:
            out[c.event] += 1
    out["lineages"] = len(lineages.lineages)
    return out


def timeline_text(doc: dict[str, Any]) -> str:
    """The grid: one row per lineage, one column (a letter) per declaration."""
    ids = [d["id"] for d in doc["declarations"]]
    lines = ["columns: " + ", ".join(f"{n + 1}={i}" for n, i in enumerate(ids)),
             "key: " + "  ".join(f"{v} {k}" for k, v in CODES.items()) + "  . absent"]
    width = max((len(r["id"]) for r in doc["lineages"]), default=0)
    for row in doc["lineages"]:
        at = {c["declaration"]: c for c in row["cells"]}
        started = False
        marks = []
        for i in ids:
            cell = at.get(i)
            started = started or cell is not None
            marks.append(CODES[cell["event"]] if cell else ("." if started else " "))
        lines.append(f"{row['id']:<{width}}  {''.join(marks)}  {row['label']}")
    c = doc["counts"]
    lines.append(f"{len(doc['lineages'])} of {c['lineages']} lineage(s) shown, "
                 f"{len(ids)} declaration(s); cells: "
                 + ", ".join(f"{c[e]} {e}" for e in CODES if c[e]))
    return visible("\n".join(lines)) + "\n"
