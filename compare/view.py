"""Report stage, part 1: the view model that every report format is rendered from.

`build_view(alignment) -> ReportView` turns an `Alignment` (pairs, commitment changes, entity
changes) into frozen dataclasses holding exactly what a reader sees: document headers, summary
counts, changed commitments, side-by-side rows in reading order (the right text's order, removed
clauses and the old places of moved clauses slotted in after their left neighbours), an inline
redline of the right text, entities. Word diffs are spread over the units of each pair (by
`redline.distribute`, which also cuts out invisible characters), so that templates only loop.
Nothing here escapes or formats markup: that is the templates' job.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .errors import ScodiffError
from .model import (
    Alignment,
    CommitmentChange,
    Declaration,
    Diff,
    EntityChange,
    Meta,
    Pair,
    Relation,
    Unit,
)
from .redline import Segment, distribute, sentence_segments

REPORT_FORMAT = "scodiff.report/1"

RELATION_ORDER = tuple(r.value for r in Relation)
RELATION_MARKERS = {
    "unchanged": "=",
    "reworded": "~",
    "moved": "[moved]",
    "split": "[split]",
    "merged": "[merged]",
    "removed": "\u2212",
    "added": "+",
}
COMMITMENT_CHANGES = ("added", "dropped", "strengthened", "softened")
COMMITMENT_MARKERS = {
    "added": "+",
    "dropped": "\u2212",
    "strengthened": "\u2191",
    "softened": "\u2193",
    "unchanged": "=",
}
ENTITY_CHANGES = ("newly named", "no longer named")
BANNERS = {
    "illustrative": "written for demonstration and testing; it is not an SCO text",
    "draft": "a draft, not the adopted text",
}


@dataclass(frozen=True)
class UnitView:
    side: str
    id: str
    anchor: str
    kind: str
    number: str
    text: str
    segments: tuple[Segment, ...]
    commitment: bool


@dataclass(frozen=True)
class RowView:
    """One row of the side-by-side view: a pair, or the old place of a moved clause (`ghost`)."""

    id: str
    relation: str
    marker: str
    label: str
    similarity: str
    notes: tuple[str, ...]
    left: tuple[UnitView, ...]
    right: tuple[UnitView, ...]
    changed: bool
    commitment: bool
    ghost: bool = False
    link: str = ""
    origin: str = ""


@dataclass(frozen=True)
class RedlineEntry:
    """One clause of the inline redline: a right unit with its changes, or a removed left unit."""

    anchor: str
    unit: str
    side: str
    relation: str
    marker: str
    row: str
    label: str
    similarity: str
    counterpart: tuple[str, ...]
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class CommitmentView:
    id: str
    change: str
    marker: str
    actor: str
    left_sentence: str
    right_sentence: str
    left_anchor: str
    right_anchor: str
    left_text: str
    right_text: str
    left_segments: tuple[Segment, ...]
    right_segments: tuple[Segment, ...]
    left_phrase: str
    right_phrase: str
    left_level: str
    right_level: str
    left_force: int | None
    right_force: int | None
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class EntityView:
    name: str
    kind: str
    change: str
    marker: str
    units: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class DocView:
    side: str
    id: str
    title: str
    kind: str
    body: str
    place: str
    date: str
    language: str
    status: str
    version_label: str
    version_of: str
    source: str
    banner: str
    units: int


@dataclass(frozen=True)
class Count:
    key: str
    marker: str
    value: int


@dataclass(frozen=True)
class SummaryView:
    differs: bool
    relations: tuple[Count, ...]
    commitments: tuple[Count, ...]
    entities: tuple[Count, ...]
    invisible: int
    normalisation_only: int
    changed_pairs: int


@dataclass(frozen=True)
class ReportView:
    format: str
    title: str
    left: DocView
    right: DocView
    summary: SummaryView
    commitments: tuple[CommitmentView, ...]
    rows: tuple[RowView, ...]
    redline: tuple[RedlineEntry, ...]
    entities: tuple[EntityView, ...]


# --- building ---------------------------------------------------------------------------------


def build_view(alignment: Alignment) -> ReportView:
    """The view model of one comparison: everything every report format shows, in order."""
    left_units = {u.id: u for u in alignment.left.units()}
    right_units = {u.id: u for u in alignment.right.units()}
    _check_partition("left", alignment.left.id, left_units, [p.left for p in alignment.pairs])
    _check_partition("right", alignment.right.id, right_units, [p.right for p in alignment.pairs])
    changed = [c for c in alignment.commitments if c.change != "unchanged"]
    marked = (
        frozenset(c.left.unit for c in changed if c.left),
        frozenset(c.right.unit for c in changed if c.right),
    )
    sentence_diffs = {
        (sp.left, sp.right): sp.diff for p in alignment.pairs for sp in p.sentences if sp.diff
    }
    built = [_pair_view(p, left_units, right_units, marked) for p in alignment.pairs]
    rows, redline = _order(built, alignment.left, alignment.right)
    invisible = sum(b.invisible for b in built)
    return ReportView(
        format=REPORT_FORMAT,
        title=_title(alignment.left.meta, alignment.right.meta),
        left=_doc_view("left", alignment.left),
        right=_doc_view("right", alignment.right),
        summary=_summary(alignment, invisible),
        commitments=tuple(_commitment_view(i, c, sentence_diffs) for i, c in enumerate(changed, 1)),
        rows=rows,
        redline=redline,
        entities=tuple(_entity_view(e) for e in alignment.entities),
    )


def _check_partition(
    side: str, doc: str, units: dict[str, Unit], groups: list[tuple[str, ...]]
) -> None:
    """Every unit of a side in exactly one pair: a report never drops or repeats a clause."""
    seen = [i for ids in groups for i in ids]
    unknown = [i for i in seen if i not in units]
    if unknown:
        raise ScodiffError(f"alignment names {side} unit {unknown[0]!r}, not in {doc!r}")
    if len(seen) != len(set(seen)) or len(seen) != len(units):
        counts = {i: 0 for i in units}
        for i in seen:
            counts[i] += 1
        bad = next(i for i, n in counts.items() if n != 1)
        raise ScodiffError(
            f"alignment has {side} unit {bad!r} of {doc!r} in {counts[bad]} pairs, expected 1"
        )


def _title(left: Meta, right: Meta) -> str:
    return f"{left.title or left.id} \u2192 {right.title or right.id}"


def _doc_view(side: str, decl: Declaration) -> DocView:
    m = decl.meta
    return DocView(
        side=side,
        id=m.id,
        title=m.title,
        kind=m.kind,
        body=m.meeting.body,
        place=m.meeting.place,
        date=m.meeting.date,
        language=m.language,
        status=m.status,
        version_label=m.version_label,
        version_of=m.version_of,
        source=m.source,
        banner=BANNERS.get(m.status, ""),
        units=len(decl.units()),
    )


def _summary(alignment: Alignment, invisible: int) -> SummaryView:
    rel = [p.relation.value for p in alignment.pairs]
    com: list[str] = [c.change for c in alignment.commitments]
    ent: list[str] = [e.change for e in alignment.entities]
    notes = sum("invisible-characters" in p.notes for p in alignment.pairs)
    return SummaryView(
        differs=alignment.differs,
        relations=tuple(Count(r, RELATION_MARKERS[r], rel.count(r)) for r in RELATION_ORDER),
        commitments=tuple(
            Count(c, COMMITMENT_MARKERS[c], com.count(c)) for c in COMMITMENT_CHANGES
        ),
        entities=tuple(
            Count(e, "+" if e == "newly named" else "\u2212", ent.count(e)) for e in ENTITY_CHANGES
        ),
        invisible=invisible if invisible else notes,
        normalisation_only=sum("normalisation-only" in p.notes for p in alignment.pairs),
        changed_pairs=sum(_is_changed(p) for p in alignment.pairs),
    )


def _is_changed(pair: Pair) -> bool:
    return pair.relation is not Relation.UNCHANGED or bool(pair.notes)


def _commitment_view(
    index: int, c: CommitmentChange, diffs: dict[tuple[str | None, str | None], Diff]
) -> CommitmentView:
    lc, rc = c.left, c.right
    either = rc or lc
    key = (lc.sentence if lc else None, rc.sentence if rc else None)
    lsegs, rsegs = sentence_segments(
        diffs.get(key, ()), lc.text if lc else "", rc.text if rc else ""
    )
    return CommitmentView(
        id=f"c-{index}",
        change=c.change,
        marker=COMMITMENT_MARKERS.get(c.change, "?"),
        actor=either.actor if either else "",
        left_sentence=lc.sentence if lc else "",
        right_sentence=rc.sentence if rc else "",
        left_anchor=f"L-{lc.unit}" if lc else "",
        right_anchor=f"R-{rc.unit}" if rc else "",
        left_text=lc.text if lc else "",
        right_text=rc.text if rc else "",
        left_segments=lsegs,
        right_segments=rsegs,
        left_phrase=lc.phrase if lc else "",
        right_phrase=rc.phrase if rc else "",
        left_level=lc.level if lc else "",
        right_level=rc.level if rc else "",
        left_force=lc.force if lc else None,
        right_force=rc.force if rc else None,
        reasons=c.reasons,
    )


def _entity_view(e: EntityChange) -> EntityView:
    prefix = "R-" if e.change == "newly named" else "L-"
    return EntityView(
        name=e.name,
        kind=e.kind,
        change=e.change,
        marker="+" if e.change == "newly named" else "\u2212",
        units=tuple((u, prefix + u) for u in e.units),
    )


# --- one pair ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Built:
    pair: Pair
    row: RowView
    red: tuple[tuple[str, tuple[Segment, ...]], ...]
    invisible: int


def _pair_view(
    pair: Pair,
    left_units: dict[str, Unit],
    right_units: dict[str, Unit],
    marked: tuple[frozenset[str], frozenset[str]],
) -> _Built:
    lu = [left_units[i] for i in pair.left]
    ru = [right_units[i] for i in pair.right]
    lsegs, rsegs, red = distribute(pair, lu, ru)
    left = tuple(
        _unit_view("left", u, s, u.id in marked[0]) for u, s in zip(lu, lsegs, strict=True)
    )
    right = tuple(
        _unit_view("right", u, s, u.id in marked[1]) for u, s in zip(ru, rsegs, strict=True)
    )
    invisible = sum(1 for segs in (*lsegs, *rsegs) for s in segs if s.char and s.op)
    rel = pair.relation.value
    row = RowView(
        id="",
        relation=rel,
        marker=RELATION_MARKERS[rel],
        label=_label(pair),
        similarity=f"{round(pair.similarity, 4):.4f}",
        notes=pair.notes,
        left=left,
        right=right,
        changed=_is_changed(pair),
        commitment=any(u.commitment for u in (*left, *right)),
    )
    red_units = tuple((u.id, s) for u, s in zip(ru, red, strict=True))
    return _Built(pair, row, red_units, invisible)


def _label(pair: Pair) -> str:
    rel = pair.relation
    if rel is Relation.SPLIT:
        return f"split into {len(pair.right)}"
    if rel is Relation.MERGED:
        return f"merged from {len(pair.left)}"
    if rel is Relation.MOVED and "reworded" in pair.notes:
        return "moved and reworded"
    return rel.value


def _unit_view(side: str, unit: Unit, segs: tuple[Segment, ...], commitment: bool) -> UnitView:
    return UnitView(
        side=side,
        id=unit.id,
        anchor=("L-" if side == "left" else "R-") + unit.id,
        kind=unit.kind,
        number=unit.number or "",
        text=unit.text,
        segments=segs,
        commitment=commitment,
    )


# --- reading order ----------------------------------------------------------------------------


def _order(
    built: list[_Built], left: Declaration, right: Declaration
) -> tuple[tuple[RowView, ...], tuple[RedlineEntry, ...]]:
    """Rows in the right text's order; removed clauses and old places of moves after their
    nearest preceding left neighbour that stayed in place."""
    lidx = {u.id: i for i, u in enumerate(left.units())}
    ridx = {u.id: i for i, u in enumerate(right.units())}
    lorder = [u.id for u in left.units()]
    anchored: dict[str, int] = {}
    for b in built:
        if b.pair.right and b.pair.relation is not Relation.MOVED:
            first = min(ridx[i] for i in b.pair.right)
            for i in b.pair.left:
                anchored[i] = first
    keyed: list[tuple[tuple[int, int, int], RowView, _Built | None]] = []
    for n, b in enumerate(built):
        if b.pair.right:
            keyed.append(((min(ridx[i] for i in b.pair.right), 0, n), b.row, b))
        if not b.pair.right or b.pair.relation is Relation.MOVED:
            start = min(lidx[i] for i in b.pair.left)
            key = (_left_anchor(start, lorder, anchored), 1, start)
            row = b.row if not b.pair.right else _ghost(b.row)
            keyed.append((key, row, b if not b.pair.right else None))
    keyed.sort(key=lambda k: k[0])
    rows, redline = _number([(row, b) for _k, row, b in keyed])
    return rows, redline


def _left_anchor(start: int, lorder: list[str], anchored: dict[str, int]) -> int:
    for j in range(start - 1, -1, -1):
        if lorder[j] in anchored:
            return anchored[lorder[j]]
    return -1


def _ghost(row: RowView) -> RowView:
    return RowView(
        id="",
        relation=row.relation,
        marker=row.marker,
        label="moved from here",
        similarity=row.similarity,
        notes=(),
        left=(),
        right=(),
        changed=True,
        commitment=row.commitment,
        ghost=True,
        link=f"L-{row.left[0].id}" if row.left else "",
        origin=row.left[0].id if row.left else "",
    )


def _number(
    ordered: list[tuple[RowView, _Built | None]],
) -> tuple[tuple[RowView, ...], tuple[RedlineEntry, ...]]:
    """Give rows their ids, link the two ends of each move, and read the redline off the rows."""
    rows: list[RowView] = []
    redline: list[RedlineEntry] = []
    ghost_row = {r.link: f"row-{n}" for n, (r, _b) in enumerate(ordered, 1) if r.ghost}
    moved_to = {
        f"L-{r.left[0].id}": f"R-{r.right[0].id}"
        for r, _b in ordered
        if r.relation == "moved" and not r.ghost and r.left and r.right
    }
    for n, (row, b) in enumerate(ordered, 1):
        rid = f"row-{n}"
        if row.ghost:
            rows.append(replace(row, id=rid, link=moved_to.get(row.link, "")))
            continue
        key = f"L-{row.left[0].id}" if row.left else ""
        link = ghost_row.get(key, "") if row.relation == "moved" else ""
        rows.append(replace(row, id=rid, link=link))
        if b is None:
            continue
        if b.pair.right:
            redline.extend(
                RedlineEntry(
                    f"X-R-{uid}",
                    uid,
                    "right",
                    row.relation,
                    row.marker,
                    rid,
                    row.label,
                    row.similarity,
                    b.pair.left,
                    segs,
                )
                for uid, segs in b.red
            )
        else:
            redline.extend(
                RedlineEntry(
                    f"X-L-{u.id}",
                    u.id,
                    "left",
                    row.relation,
                    row.marker,
                    rid,
                    row.label,
                    row.similarity,
                    (),
                    u.segments,
                )
                for u in row.left
            )
    return tuple(rows), tuple(redline)
