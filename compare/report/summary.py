"""Report stage, header and summary: what a report says before its first clause.

The title, each document's header (`doc_view`, with the banner an illustrative or draft text
carries), the metadata table of the fields either document gives, and the summary: counts of
relations, commitment changes and entity changes in their fixed order, the one-sentence
verdict every report opens with, and the same counts as one line (`counts_line`) that the HTML
headline and the Markdown header both print.
"""

from __future__ import annotations

from ..model import Alignment, Meta
from .rows import is_changed
from .viewmodel import (
    BANNERS,
    COMMITMENT_CHANGES,
    COMMITMENT_MARKERS,
    ENTITY_CHANGES,
    ENTITY_MARKERS,
    RELATION_MARKERS,
    RELATION_ORDER,
    Count,
    DocView,
    MetaRow,
    SummaryView,
)


def title(left: Meta, right: Meta) -> str:
    return f"{left.title or left.id} \u2192 {right.title or right.id}"


def doc_view(side: str, m: Meta, units: int) -> DocView:
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


def meta_rows(left: DocView, right: DocView) -> tuple[MetaRow, ...]:
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


def summary(alignment: Alignment, invisible: int, commitments: int) -> SummaryView:
    """Counts in their fixed order, and the verdict; `invisible` counts changed invisible
    characters (when none were found in the diffs, the pairs noted for them are counted)."""
    rel = [p.relation.value for p in alignment.pairs]
    com: list[str] = [c.change for c in alignment.commitments]
    ent: list[str] = [e.change for e in alignment.entities]
    notes = sum("invisible-characters" in p.notes for p in alignment.pairs)
    changed_pairs = sum(is_changed(p) for p in alignment.pairs)
    relations = tuple(Count(r, RELATION_MARKERS[r], rel.count(r)) for r in RELATION_ORDER)
    changes = tuple(Count(c, COMMITMENT_MARKERS[c], com.count(c)) for c in COMMITMENT_CHANGES)
    entities = tuple(Count(e, ENTITY_MARKERS[e], ent.count(e)) for e in ENTITY_CHANGES)
    hidden = (invisible if invisible else notes,
              sum("normalisation-only" in p.notes for p in alignment.pairs))
    return SummaryView(
        differs=alignment.differs,
        relations=relations,
        commitments=changes,
        entities=entities,
        invisible=hidden[0],
        normalisation_only=hidden[1],
        changed_pairs=changed_pairs,
        verdict=_verdict(alignment.differs, changed_pairs, commitments) + _cut_off(alignment),
        counts=counts_line(relations, changes, entities, *hidden),
    )


def counts_line(
    relations: tuple[Count, ...], commitments: tuple[Count, ...], entities: tuple[Count, ...],
    invisible: int, normalisation_only: int,
) -> str:
    """Every count on one line, the non-zero ones named: "Clauses: 10 unchanged, 6 reworded.
    Commitments: 3 strengthened. Entities: none." (what the HTML headline and Markdown print)."""

    def some(counts: tuple[Count, ...]) -> str:
        named = [f"{c.value} {c.key}" for c in counts if c.value]
        return ", ".join(named) if named else "none"

    parts = [f"Clauses: {some(relations)}.", f"Commitments: {some(commitments)}.",
             f"Entities: {some(entities)}."]
    if invisible:
        parts.append(f"Invisible characters changed: {invisible}.")
    if normalisation_only:
        parts.append(f"Normalisation-only: {normalisation_only}.")
    return " ".join(parts)


def _cut_off(alignment: Alignment) -> str:
    """What the verdict adds when a copy is cut off (it ends mid-sentence or mid-word)."""
    sides = [s for s, d in (("left", alignment.left), ("right", alignment.right))
             if d.meta.truncated]
    if not sides:
        return ""
    n = len(alignment.cut_off)
    named = [f"{c.unit} \u201c{c.phrase}\u201d" for x in alignment.cut_off[:3]
             for c in (x.left or x.right,) if c is not None]
    listed = ", ".join(named) + (f" and {n - 3} more" if n > 3 else "")
    apart = (f" Not in the {sides[0]} copy, which is cut off (not counted as changes): "
             f"{listed}.") if n else ""
    return f" The {' and '.join(sides)} copy is cut off (it ends mid-sentence).{apart}"


def _verdict(differs: bool, changed_pairs: int, commitments: int) -> str:
    """One sentence that says whether anything changed, first thing in every report."""
    if not differs:
        return "No differences: every clause is the same in both texts."
    pairs = f"{changed_pairs} changed {'pair' if changed_pairs == 1 else 'pairs'} of clauses"
    if not commitments:
        return f"The texts differ: {pairs}; no commitment changed."
    noun = "commitment" if commitments == 1 else "commitments"
    return f"The texts differ: {pairs}; {commitments} {noun} changed."
