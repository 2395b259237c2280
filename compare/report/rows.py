"""Report stage, side-by-side rows: each pair of an alignment as a row, in reading order.

`build_rows` gives every pair its row (its units with their share of the pair's word diff, cut
by `redline.distribute_texts`), puts the rows in the right text's order (removed clauses and the
old places of moved clauses slotted in after their left neighbours that stayed in place), links
the two ends of each move, and reads the inline redline off the rows: a right unit with its
changes, or a removed left unit. Linear in the number of units apart from one sort.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..alignment.table import citations
from ..model import Pair, Relation, Unit
from .redline import Segment, distribute_texts
from .viewmodel import RELATION_MARKERS, RedlineEntry, RowView, UnitView, anchor

Marked = tuple[frozenset[str], frozenset[str]]
"""The ids of the left and of the right units that hold a changed commitment."""


def build_rows(
    pairs: tuple[Pair, ...], lunits: tuple[Unit, ...], runits: tuple[Unit, ...], marked: Marked
) -> tuple[tuple[RowView, ...], tuple[RedlineEntry, ...], int]:
    """The rows and the redline in reading order, and the number of invisible characters changed."""
    left_units = {u.id: u for u in lunits}
    right_units = {u.id: u for u in runits}
    cites = (citations(lunits), citations(runits))
    built = [_pair_view(p, left_units, right_units, marked, cites) for p in pairs]
    rows, redline = _order(built, lunits, runits)
    return _navigate(rows), redline, sum(b.invisible for b in built)


def _navigate(rows: tuple[RowView, ...]) -> tuple[RowView, ...]:
    """Link every changed row to the changed rows before and after it, and mark each run of
    unchanged rows (its first row holds the run's length, its last `fold_end`)."""
    changed = [r.id for r in rows if r.changed]
    where = {rid: i for i, rid in enumerate(changed)}
    out: list[RowView] = []
    for n, r in enumerate(rows):
        if r.changed:
            i = where[r.id]
            out.append(replace(r, previous=changed[i - 1] if i else "",
                               next=changed[i + 1] if i + 1 < len(changed) else ""))
            continue
        run = 0
        if n == 0 or rows[n - 1].changed:  # a run starts: count it once (linear overall)
            end = n
            while end < len(rows) and not rows[end].changed:
                end += 1
            run = end - n
        last = n + 1 == len(rows) or rows[n + 1].changed
        out.append(replace(r, fold=run, fold_end=last) if run or last else r)
    return tuple(out)


def percent(pair: Pair, changed: bool) -> str:
    """The similarity as a reader sees it ("89 %"), only for a changed pair of two texts."""
    if not changed or not pair.left or not pair.right:
        return ""
    return f"{int(pair.similarity * 100 + 0.5)} %"


def is_changed(pair: Pair) -> bool:
    """Whether a pair shows a change: a relation other than unchanged, or a note."""
    return pair.relation is not Relation.UNCHANGED or bool(pair.notes)


# --- one pair ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Built:
    """One pair's pieces, before its row gets an id, a place and its move links."""

    pair: Pair
    relation: str
    label: str
    similarity: str
    percent: str
    changed: bool
    commitment: bool
    left: tuple[UnitView, ...]
    right: tuple[UnitView, ...]
    red: tuple[tuple[Segment, ...], ...]
    invisible: int


def _pair_view(
    pair: Pair, left_units: dict[str, Unit], right_units: dict[str, Unit], marked: Marked,
    cites: tuple[dict[str, str], dict[str, str]],
) -> _Built:
    lu = [left_units[i] for i in pair.left]
    ru = [right_units[i] for i in pair.right]
    lt, rt = [u.text for u in lu], [u.text for u in ru]
    lsegs, rsegs, red = distribute_texts(pair, lt, rt)
    left = tuple(
        _unit_view("left", u, t, s, u.id in marked[0], cites[0][u.id])
        for u, t, s in zip(lu, lt, lsegs, strict=True)
    )
    right = tuple(
        _unit_view("right", u, t, s, u.id in marked[1], cites[1][u.id])
        for u, t, s in zip(ru, rt, rsegs, strict=True)
    )
    changed = is_changed(pair)
    return _Built(
        pair=pair,
        relation=pair.relation.value,
        label=_label(pair),
        similarity=f"{round(pair.similarity, 4):.4f}",
        percent=percent(pair, changed),
        changed=changed,
        commitment=any(u.commitment for u in (*left, *right)),
        left=left,
        right=right,
        red=red,
        invisible=sum(1 for segs in (*lsegs, *rsegs) for s in segs if s.char and s.op),
    )


def _label(pair: Pair) -> str:
    rel = pair.relation
    if rel is Relation.SPLIT:
        return f"split into {len(pair.right)}"
    if rel is Relation.MERGED:
        return f"merged from {len(pair.left)}"
    if rel is Relation.MOVED and "reworded" in pair.notes:
        return "moved and reworded"
    return rel.value


def _unit_view(
    side: str, unit: Unit, text: str, segs: tuple[Segment, ...], commitment: bool, cite: str
) -> UnitView:
    return UnitView(
        side=side,
        id=unit.id,
        anchor=anchor(side, unit.id),
        kind=unit.kind,
        number=unit.number or "",
        cite=cite,
        text=text,
        segments=segs,
        commitment=commitment,
    )


# --- reading order ----------------------------------------------------------------------------


def _order(
    built: list[_Built], lunits: tuple[Unit, ...], runits: tuple[Unit, ...]
) -> tuple[tuple[RowView, ...], tuple[RedlineEntry, ...]]:
    """Rows in the right text's order; removed clauses and old places of moves after their
    nearest preceding left neighbour that stayed in place. Linear apart from one sort."""
    lidx = {u.id: i for i, u in enumerate(lunits)}
    ridx = {u.id: i for i, u in enumerate(runits)}
    anchored: list[int | None] = [None] * len(lunits)
    for b in built:
        if b.pair.right and b.pair.relation is not Relation.MOVED:
            first = min(ridx[i] for i in b.pair.right)
            for i in b.pair.left:
                anchored[lidx[i]] = first
    before = _anchors_before(anchored)
    keyed: list[tuple[tuple[int, int, int], _Built, bool]] = []
    for n, b in enumerate(built):
        if b.pair.right:
            keyed.append(((min(ridx[i] for i in b.pair.right), 0, n), b, False))
        if not b.pair.right or b.pair.relation is Relation.MOVED:
            start = min(lidx[i] for i in b.pair.left)
            keyed.append(((before[start], 1, start), b, bool(b.pair.right)))
    keyed.sort(key=lambda k: k[0])
    return _number([(b, ghost) for _k, b, ghost in keyed])


def _anchors_before(anchored: list[int | None]) -> list[int]:
    """For each left position, the right position of the nearest anchored unit before it."""
    out, last = [], -1
    for value in anchored:
        out.append(last)
        if value is not None:
            last = value
    return out


def _number(
    ordered: list[tuple[_Built, bool]],
) -> tuple[tuple[RowView, ...], tuple[RedlineEntry, ...]]:
    """Give rows their ids, link the two ends of each move, and read the redline off the rows."""
    rows: list[RowView] = []
    redline: list[RedlineEntry] = []
    ghost_row = {b.left[0].id: f"row-{n}" for n, (b, ghost) in enumerate(ordered, 1) if ghost}
    moved_to = {
        b.left[0].id: b.right[0].anchor
        for b, ghost in ordered
        if b.relation == "moved" and not ghost and b.left and b.right
    }
    for n, (b, ghost) in enumerate(ordered, 1):
        rid = f"row-{n}"
        if ghost:
            rows.append(_ghost_row(b, rid, moved_to.get(b.left[0].id, "")))
            continue
        moved = b.relation == "moved" and b.left
        rows.append(_row(b, rid, ghost_row.get(b.left[0].id, "") if moved else ""))
        redline.extend(_redline_entries(b, rid))
    return tuple(rows), tuple(redline)


def _row(b: _Built, rid: str, link: str) -> RowView:
    return RowView(
        id=rid,
        relation=b.relation,
        marker=RELATION_MARKERS[b.relation],
        label=b.label,
        similarity=b.similarity,
        percent=b.percent,
        notes=b.pair.notes,
        left=b.left,
        right=b.right,
        changed=b.changed,
        commitment=b.commitment,
        link=link,
    )


def _ghost_row(b: _Built, rid: str, link: str) -> RowView:
    """The old place of a moved clause, linked to its new place."""
    return RowView(
        id=rid,
        relation=b.relation,
        marker=RELATION_MARKERS[b.relation],
        label="moved from here",
        similarity=b.similarity,
        percent="",
        notes=(),
        left=(),
        right=(),
        changed=True,
        commitment=b.commitment,
        ghost=True,
        link=link,
        origin=b.left[0].id,
    )


def _redline_entries(b: _Built, rid: str) -> list[RedlineEntry]:
    """The redline of one pair: its right units with their changes, or its removed left units."""
    if b.pair.right:
        return [_entry(b, rid, u, "right", b.pair.left, segs)
                for u, segs in zip(b.right, b.red, strict=True)]
    return [_entry(b, rid, u, "left", (), u.segments) for u in b.left]


def _entry(b: _Built, rid: str, u: UnitView, side: str, counterpart: tuple[str, ...],
           segs: tuple[Segment, ...]) -> RedlineEntry:
    return RedlineEntry(f"X-{u.anchor}", u.id, u.cite, side, b.relation,
                        RELATION_MARKERS[b.relation], rid, b.label, b.similarity, b.percent,
                        counterpart, segs)
