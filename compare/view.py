"""Report stage, part 1: the view model that every report format is rendered from.

`build_view(alignment) -> ReportView` turns an `Alignment` (pairs, commitment changes, entity
changes) into frozen dataclasses holding exactly what a reader sees: document headers, summary
counts, changed commitments, side-by-side rows in reading order (the right text's order, removed
clauses and the old places of moved clauses slotted in after their left neighbours), an inline
redline of the right text, entities. Word diffs are distributed over the units of each pair here,
and invisible or bidi characters are cut out as separate segments, so that templates only loop.
Nothing here escapes or formats markup: that is the templates' job.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .model import (
    Alignment,
    CommitmentChange,
    Declaration,
    EntityChange,
    Meta,
    Pair,
    Relation,
    Unit,
)

REPORT_FORMAT = "scodiff.report/1"

INVISIBLE: dict[str, str] = {
    "\u00a0": "NO-BREAK SPACE",
    "\u00ad": "SOFT HYPHEN",
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2060": "WORD JOINER",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE",
}
"""Characters shown as badges wherever they occur (they are invisible or reorder the display)."""

_INVISIBLE_RE = re.compile("([" + "".join(INVISIBLE) + "])")

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
class Segment:
    """A run of text: op -1 deleted, 0 equal, 1 inserted; `char` set for one invisible character."""

    op: int
    text: str
    char: str = ""
    name: str = ""


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
    changed = [c for c in alignment.commitments if c.change != "unchanged"]
    marked = (
        frozenset(c.left.unit for c in changed if c.left),
        frozenset(c.right.unit for c in changed if c.right),
    )
    built = [_pair_view(p, left_units, right_units, marked) for p in alignment.pairs]
    rows, redline = _order(built, alignment.left, alignment.right)
    invisible = sum(b.invisible for b in built)
    return ReportView(
        format=REPORT_FORMAT,
        title=_title(alignment.left.meta, alignment.right.meta),
        left=_doc_view("left", alignment.left),
        right=_doc_view("right", alignment.right),
        summary=_summary(alignment, invisible),
        commitments=tuple(_commitment_view(i, c) for i, c in enumerate(changed, 1)),
        rows=rows,
        redline=redline,
        entities=tuple(_entity_view(e) for e in alignment.entities),
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


def _commitment_view(index: int, c: CommitmentChange) -> CommitmentView:
    lc, rc = c.left, c.right
    either = rc or lc
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


Segs = tuple[Segment, ...]


def distribute(
    pair: Pair, left: Sequence[Unit], right: Sequence[Unit]
) -> tuple[tuple[Segs, ...], tuple[Segs, ...], tuple[Segs, ...]]:
    """Cut a pair's word diff at unit boundaries.

    Returns per left unit its equal+deleted segments, per right unit its equal+inserted ones, and
    per right unit the redline (equal, deleted and inserted). A diff that does not rebuild the
    unit texts is replaced by a coarse one (everything deleted, everything inserted).
    """
    ltexts, rtexts = [u.text for u in left], [u.text for u in right]
    diff = _usable_diff(pair, ltexts, rtexts)
    spread = _spread(diff, ltexts, rtexts)
    if spread is None:
        spread = _spread(_coarse(ltexts, rtexts), ltexts, rtexts)
        assert spread is not None
    lout, rout, red = spread
    return _finish(lout), _finish(rout), _finish(red)


Runs = list[list[tuple[int, str]]]


def _spread(
    diff: tuple[tuple[int, str], ...], ltexts: list[str], rtexts: list[str]
) -> tuple[Runs, Runs, Runs] | None:
    """Runs per unit, or None when the diff does not rebuild every unit's text exactly."""
    lb = _bounds("".join(t for op, t in diff if op <= 0), ltexts)
    rb = _bounds("".join(t for op, t in diff if op >= 0), rtexts)
    if lb is None or rb is None:
        return None
    lout: Runs = [[] for _ in ltexts]
    rout: Runs = [[] for _ in rtexts]
    red: Runs = [[] for _ in rtexts]
    lpos = rpos = 0
    for op, text in diff:
        if op == 0:
            _walk_equal(text, lpos, rpos, lb, rb, lout, rout, red)
        elif op < 0:
            for a, b in _cut(lpos, lpos + len(text), lb):
                _put(lout, _owner(lb, a), -1, text[a - lpos : b - lpos])
            _put(red, _attach(rb, rpos), -1, text)
        else:
            for a, b in _cut(rpos, rpos + len(text), rb):
                _put(rout, _owner(rb, a), 1, text[a - rpos : b - rpos])
                _put(red, _owner(rb, a), 1, text[a - rpos : b - rpos])
        lpos += len(text) if op <= 0 else 0
        rpos += len(text) if op >= 0 else 0
    ok = all(_text(r, -1) == t for r, t in zip(lout, ltexts, strict=True)) and all(
        _text(r, 1) == t for r, t in zip(rout, rtexts, strict=True)
    )
    return (lout, rout, red) if ok else None


def _text(runs: list[tuple[int, str]], keep: int) -> str:
    return "".join(t for op, t in runs if op in (0, keep))


def _usable_diff(pair: Pair, ltexts: list[str], rtexts: list[str]) -> tuple[tuple[int, str], ...]:
    if pair.diff:
        return tuple((int(op), str(t)) for op, t in pair.diff)
    if " ".join(ltexts) == " ".join(rtexts):
        return ((0, " ".join(ltexts)),) if ltexts else ()
    return _coarse(ltexts, rtexts)


def _coarse(ltexts: list[str], rtexts: list[str]) -> tuple[tuple[int, str], ...]:
    out = []
    if ltexts:
        out.append((-1, " ".join(ltexts)))
    if rtexts:
        out.append((1, " ".join(rtexts)))
    return tuple(out)


def _bounds(whole: str, texts: list[str]) -> list[tuple[int, int]] | None:
    """Where each unit's text sits in the side's joined text, in order; None if one is missing."""
    out, pos = [], 0
    for t in texts:
        at = whole.find(t, pos)
        if at < 0:
            return None
        out.append((at, at + len(t)))
        pos = at + len(t)
    return out


def _cut(a: int, b: int, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split [a, b) at unit boundaries, dropping the parts between units."""
    out = []
    for s, e in bounds:
        lo, hi = max(a, s), min(b, e)
        if lo < hi:
            out.append((lo, hi))
    return out


def _owner(bounds: list[tuple[int, int]], pos: int) -> int | None:
    for i, (s, e) in enumerate(bounds):
        if s <= pos < e:
            return i
    return None


def _attach(bounds: list[tuple[int, int]], pos: int) -> int | None:
    """The unit a deletion at right position `pos` is shown in: the one there or just before."""
    best = 0 if bounds else None
    for i, (s, _e) in enumerate(bounds):
        if s <= pos:
            best = i
    return best


def _walk_equal(
    text: str,
    lpos: int,
    rpos: int,
    lb: list[tuple[int, int]],
    rb: list[tuple[int, int]],
    lout: Runs,
    rout: Runs,
    red: Runs,
) -> None:
    cuts = {0, len(text)}
    for bounds, base in ((lb, lpos), (rb, rpos)):
        for s, e in bounds:
            cuts.update(x - base for x in (s, e) if 0 < x - base < len(text))
    points = sorted(cuts)
    for a, b in itertools.pairwise(points):
        piece = text[a:b]
        _put(lout, _owner(lb, lpos + a), 0, piece)
        _put(rout, _owner(rb, rpos + a), 0, piece)
        _put(red, _owner(rb, rpos + a), 0, piece)


def _put(out: Runs, index: int | None, op: int, text: str) -> None:
    if index is None or not text:
        return
    runs = out[index]
    if runs and runs[-1][0] == op:
        runs[-1] = (op, runs[-1][1] + text)
    else:
        runs.append((op, text))


def _finish(out: Runs) -> tuple[Segs, ...]:
    return tuple(tuple(s for op, t in runs for s in segments(op, t)) for runs in out)


def segments(op: int, text: str) -> Segs:
    """Cut one run into plain text and one segment per invisible character."""
    out = []
    for piece in _INVISIBLE_RE.split(text):
        if not piece:
            continue
        if piece in INVISIBLE:
            code = f"U+{ord(piece):04X}"
            out.append(Segment(op, f"\u27e8{code}\u27e9", code, INVISIBLE[piece]))
        else:
            out.append(Segment(op, piece))
    return tuple(out)


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
