"""Report stage, part 1: the view model that every report format is rendered from.

`build_view(alignment) -> ReportView` turns an `Alignment` (pairs, commitment changes, entity
changes) into frozen dataclasses holding exactly what a reader sees: document headers, summary
counts, changed commitments, side-by-side rows in reading order (the right text's order, removed
clauses and the old places of moved clauses slotted in after their left neighbours), an inline
redline of the right text, entities. Word diffs are spread over the units of each pair (by
`redline.distribute_texts`, which also cuts out invisible characters), so that templates only loop.
Nothing here escapes or formats markup: that is the templates' job.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from .errors import ScodiffError
from .model import (
    Alignment,
    CommitmentChange,
    Diff,
    EntityChange,
    Meta,
    Pair,
    Relation,
    Unit,
)
from .redline import Segment, distribute_texts, sentence_segments

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
LARGE_REPORT_ROWS = 500
"""Above this many side-by-side rows the HTML report opens with unchanged clauses hidden (the
"changes only" filter ticked): an 8,800-clause comparison is otherwise two million pixels tall."""
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
class MetaRow:
    """One line of the header's metadata table; rows empty on both sides are left out."""

    field: str
    left: str
    right: str


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
    verdict: str


@dataclass(frozen=True)
class ReportView:
    format: str
    title: str
    left: DocView
    right: DocView
    meta_rows: tuple[MetaRow, ...]
    summary: SummaryView
    commitments: tuple[CommitmentView, ...]
    rows: tuple[RowView, ...]
    redline: tuple[RedlineEntry, ...]
    entities: tuple[EntityView, ...]
    changes_only: bool


# --- building ---------------------------------------------------------------------------------


def build_view(alignment: Alignment) -> ReportView:
    """The view model of one comparison: everything every report format shows, in order."""
    with collector_paused():
        return _build_view(alignment)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while building a large, acyclic structure.

    The view of an 8,800-clause comparison holds some 120,000 small objects. Each time enough
    of them survive, the collector rescans the whole heap (the caller's alignment too): four
    full scans took 40 % of the build. Nothing built here forms a reference cycle, so reference
    counting frees it all the same; the collector resumes afterwards (unless it was already off).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _build_view(alignment: Alignment) -> ReportView:
    lunits, runits = alignment.left.units(), alignment.right.units()
    left_units = {u.id: u for u in lunits}
    right_units = {u.id: u for u in runits}
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
    rows, redline = _order(built, lunits, runits)
    invisible = sum(b.invisible for b in built)
    left = _doc_view("left", alignment.left.meta, len(lunits))
    right = _doc_view("right", alignment.right.meta, len(runits))
    return ReportView(
        format=REPORT_FORMAT,
        title=_title(alignment.left.meta, alignment.right.meta),
        left=left,
        right=right,
        meta_rows=_meta_rows(left, right),
        summary=_summary(alignment, invisible, len(changed)),
        commitments=tuple(_commitment_view(i, c, sentence_diffs) for i, c in enumerate(changed, 1)),
        rows=rows,
        redline=redline,
        entities=tuple(_entity_view(e) for e in alignment.entities),
        changes_only=len(rows) > LARGE_REPORT_ROWS,
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


def _doc_view(side: str, m: Meta, units: int) -> DocView:
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
        units=units,
    )


def _meta_rows(left: DocView, right: DocView) -> tuple[MetaRow, ...]:
    """The metadata worth a line: every field that either document gives."""
    rows = [
        MetaRow(name, lv, rv)
        for name, lv, rv in (
            ("id", left.id, right.id),
            ("title", left.title, right.title),
            ("kind", left.kind, right.kind),
            ("body", left.body, right.body),
            ("place", left.place, right.place),
            ("date", left.date, right.date),
            ("language", left.language, right.language),
            ("status", left.status, right.status),
            ("version", _version(left), _version(right)),
            ("units", str(left.units), str(right.units)),
        )
        if lv or rv
    ]
    return tuple(rows)


def _version(d: DocView) -> str:
    if d.version_of:
        return f"{d.version_label} (of {d.version_of})".lstrip()
    return d.version_label


def _verdict(differs: bool, changed_pairs: int, commitments: int) -> str:
    """One sentence that says whether anything changed, first thing in every report."""
    if not differs:
        return "No differences: every clause is the same in both texts."
    pairs = f"{changed_pairs} changed {'pair' if changed_pairs == 1 else 'pairs'} of clauses"
    if not commitments:
        return f"The texts differ: {pairs}; no commitment changed."
    noun = "commitment" if commitments == 1 else "commitments"
    return f"The texts differ: {pairs}; {commitments} {noun} changed."


def _summary(alignment: Alignment, invisible: int, commitments: int) -> SummaryView:
    rel = [p.relation.value for p in alignment.pairs]
    com: list[str] = [c.change for c in alignment.commitments]
    ent: list[str] = [e.change for e in alignment.entities]
    notes = sum("invisible-characters" in p.notes for p in alignment.pairs)
    changed_pairs = sum(_is_changed(p) for p in alignment.pairs)
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
        changed_pairs=changed_pairs,
        verdict=_verdict(alignment.differs, changed_pairs, commitments),
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
    """One pair's pieces, before its row gets an id, a place and its move links."""

    pair: Pair
    relation: str
    label: str
    similarity: str
    changed: bool
    commitment: bool
    left: tuple[UnitView, ...]
    right: tuple[UnitView, ...]
    red: tuple[tuple[Segment, ...], ...]
    invisible: int


def _pair_view(
    pair: Pair,
    left_units: dict[str, Unit],
    right_units: dict[str, Unit],
    marked: tuple[frozenset[str], frozenset[str]],
) -> _Built:
    lu = [left_units[i] for i in pair.left]
    ru = [right_units[i] for i in pair.right]
    lt, rt = [u.text for u in lu], [u.text for u in ru]
    lsegs, rsegs, red = distribute_texts(pair, lt, rt)
    left = tuple(
        _unit_view("left", u, t, s, u.id in marked[0])
        for u, t, s in zip(lu, lt, lsegs, strict=True)
    )
    right = tuple(
        _unit_view("right", u, t, s, u.id in marked[1])
        for u, t, s in zip(ru, rt, rsegs, strict=True)
    )
    return _Built(
        pair=pair,
        relation=pair.relation.value,
        label=_label(pair),
        similarity=f"{round(pair.similarity, 4):.4f}",
        changed=_is_changed(pair),
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
    side: str, unit: Unit, text: str, segs: tuple[Segment, ...], commitment: bool
) -> UnitView:
    return UnitView(
        side=side,
        id=unit.id,
        anchor=("L-" if side == "left" else "R-") + unit.id,
        kind=unit.kind,
        number=unit.number or "",
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
    marker = RELATION_MARKERS[b.relation]
    if b.pair.right:
        return [
            RedlineEntry(
                f"X-{u.anchor}",
                u.id,
                "right",
                b.relation,
                marker,
                rid,
                b.label,
                b.similarity,
                b.pair.left,
                segs,
            )
            for u, segs in zip(b.right, b.red, strict=True)
        ]
    return [
        RedlineEntry(
            f"X-{u.anchor}",
            u.id,
            "left",
            b.relation,
            marker,
            rid,
            b.label,
            b.similarity,
            (),
            u.segments,
        )
        for u in b.left
    ]
