"""Clause lineages: every unit of every declaration of a series in exactly one lineage.

The series is ordered by meeting date, then id (`order`), never by how files were listed, so the
result does not depend on it. `link.Linker` gives the links between units; here they become
lineages. A unit with no link into it starts a lineage (*first-seen*), named after that unit
(`declaration/unit`). A unit continued from several lineages (a merge across lineages) joins the
one that started first (earliest declaration, then document order); the others end there
(*merged-into*). Per declaration a lineage has one cell saying what happened: *first-seen*,
*unchanged*, *reworded*, *moved* (its place among the continued units changed: outside the
longest in-order chain), *split* (one unit became several), *merged* (several units became
one), *revived* (back after skipping `gap` summits), *dropped* (nothing continued it; it may
still be revived), or *merged-into*. An edge links a unit to each unit that continues it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..alignment.chain import longest_increasing
from ..model import Declaration
from .link import Link, Linker

Edge = tuple[str, str, str, str]

EVENTS = ("first-seen", "unchanged", "reworded", "moved", "split", "merged", "revived",
          "dropped", "merged-into")


@dataclass(frozen=True)
class Cell:
    """What happened to a lineage in one declaration."""

    declaration: str
    event: str
    units: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # "declaration/unit" of the units it continues
    similarity: float | None = None  # lowest similarity of the links into it
    detail: str = ""  # the lineage merged into, or the number of summits skipped


@dataclass(frozen=True)
class Lineage:
    id: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Lineages:
    declarations: tuple[str, ...]
    lineages: tuple[Lineage, ...]
    edges: frozenset[Edge]


def order(decls: Iterable[Declaration]) -> list[Declaration]:
    """By meeting date (undated last), then id."""
    return sorted(decls, key=lambda d: (d.meta.meeting.date == "", d.meta.meeting.date, d.id))


def _moved(step: list[Link]) -> set[tuple[int, int]]:
    """Targets of one-to-one links outside the longest chain that keeps their order."""
    ones = sorted((lk.target[1], lk.source[1]) for lk in step if lk.kind in ("same", "similar"))
    keep = set(longest_increasing([i for _j, i in ones]))
    b = step[0].target[0] if step else 0
    return {(b, ones[n][0]) for n in range(len(ones)) if n not in keep}


def build(decls: Sequence[Declaration]) -> Lineages:
    """The lineages of a series (any order in, the same result out)."""
    series = order(decls)
    ids = [d.id for d in series]
    units = [[u.id for u in d.units()] for d in series]
    links = Linker(series).links()
    into: dict[tuple[int, int], list[Link]] = defaultdict(list)
    for lk in links:
        into[lk.target].append(lk)
    moved: set[tuple[int, int]] = set()
    by_step: dict[int, list[Link]] = defaultdict(list)
    for lk in links:
        if lk.source[0] == lk.target[0] - 1:
            by_step[lk.target[0]].append(lk)
    for step in by_step.values():
        moved |= _moved(step)
    lineage_of: dict[tuple[int, int], int] = {}
    started: list[tuple[int, int]] = []
    cells: dict[int, list[Cell]] = defaultdict(list)
    for b in range(len(series)):
        here: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for j in range(len(units[b])):
            srcs = sorted({lineage_of[lk.source] for lk in into[(b, j)]})
            if srcs:
                lin = srcs[0]
            else:
                lin = len(started)
                started.append((b, j))
            lineage_of[(b, j)] = lin
            here[lin].append((b, j))
        _cells(b, here, into, moved, lineage_of, ids, units, cells)
        if b:
            _ended(b, here, links_from(links, b - 1), lineage_of, ids, cells, started, units)
    names = [f"{ids[d]}/{units[d][u]}" for d, u in started]
    lineages = tuple(Lineage(names[k], tuple(cells[k])) for k in range(len(started)))
    edges = frozenset((ids[lk.source[0]], units[lk.source[0]][lk.source[1]],
                       ids[lk.target[0]], units[lk.target[0]][lk.target[1]]) for lk in links)
    return Lineages(tuple(ids), lineages, edges)


def links_from(links: list[Link], a: int) -> dict[int, list[Link]]:
    out: dict[int, list[Link]] = defaultdict(list)
    for lk in links:
        if lk.source[0] == a:
            out[lk.source[1]].append(lk)
    return out


def _cells(b: int, here: dict[int, list[tuple[int, int]]], into: dict[tuple[int, int], list[Link]],
           moved: set[tuple[int, int]], lineage_of: dict[tuple[int, int], int], ids: list[str],
           units: list[list[str]], cells: dict[int, list[Cell]]) -> None:
    for lin, members in sorted(here.items()):
        incoming = [lk for m in members for lk in into[m]]
        sources = sorted({lk.source for lk in incoming})
        own = [s for s in sources if lineage_of[s] == lin]
        detail = ""
        if not incoming:
            event = "first-seen"
        elif any(lk.kind == "revival" for lk in incoming):
            event = "revived"
            detail = str(min(b - lk.source[0] - 1 for lk in incoming if lk.kind == "revival"))
        elif len(members) > len(own) and len(own) >= 1 and len(members) > 1:
            event = "split"
        elif len(sources) > len(members):
            event = "merged"
        elif any(m in moved for m in members):
            event = "moved"
        elif all(lk.kind == "same" for lk in incoming):
            event = "unchanged"
        else:
            event = "reworded"
        sims = [lk.similarity for lk in incoming]
        cells[lin].append(Cell(
            ids[b], event, tuple(units[b][j] for _, j in members),
            tuple(f"{ids[d]}/{units[d][u]}" for d, u in sources),
            min(sims) if sims else None, detail))


def _ended(b: int, here: dict[int, list[tuple[int, int]]], out_of: dict[int, list[Link]],
           lineage_of: dict[tuple[int, int], int], ids: list[str],
           cells: dict[int, list[Cell]], started: list[tuple[int, int]],
           units: list[list[str]]) -> None:
    """Lineages present in b - 1 and absent from b: dropped, or merged into another."""
    before: dict[int, list[int]] = defaultdict(list)
    for i in range(len(units[b - 1])):
        before[lineage_of[(b - 1, i)]].append(i)
    for lin, members in sorted(before.items()):
        if lin in here:
            continue
        targets = sorted({lineage_of[lk.target] for i in members for lk in out_of.get(i, [])
                          if lk.target[0] == b})
        if targets:
            d, u = started[targets[0]]
            cells[lin].append(Cell(ids[b], "merged-into", detail=f"{ids[d]}/{units[d][u]}"))
        else:
            cells[lin].append(Cell(ids[b], "dropped"))
