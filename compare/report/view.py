"""Report stage, part 1: the view model that every report format is rendered from.

`build_view(alignment) -> ReportView` turns an `Alignment` (pairs, commitment changes, entity
changes) into frozen dataclasses (`report.viewmodel`) holding exactly what a reader sees: document
headers and summary counts (`report.summary`), changed commitments, side-by-side rows in reading
order and an inline redline of the right text (`report.rows`), entities. Word diffs are spread over
the units of each pair (by `redline.distribute_texts`, which also cuts out invisible characters),
so that templates only loop. Nothing here escapes or formats markup: that is the templates' job.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from ..alignment.table import citations
from ..errors import ScodiffError
from ..model import Alignment, CommitmentChange, Diff, EntityChange, Unit
from .redline import sentence_segments
from .rows import build_rows
from .summary import doc_view, meta_rows, summary, title
from .viewmodel import (
    BANNERS,
    COMMITMENT_CHANGES,
    COMMITMENT_MARKERS,
    ENTITY_CHANGES,
    ENTITY_MARKERS,
    LARGE_REPORT_ROWS,
    RELATION_MARKERS,
    RELATION_ORDER,
    REPORT_FORMAT,
    CommitmentView,
    Count,
    DocView,
    EntityView,
    MetaRow,
    RedlineEntry,
    ReportView,
    RowView,
    SummaryView,
    UnitView,
    anchor,
)

__all__ = [
    "BANNERS",
    "COMMITMENT_CHANGES",
    "COMMITMENT_MARKERS",
    "ENTITY_CHANGES",
    "ENTITY_MARKERS",
    "LARGE_REPORT_ROWS",
    "RELATION_MARKERS",
    "RELATION_ORDER",
    "REPORT_FORMAT",
    "CommitmentView",
    "Count",
    "DocView",
    "EntityView",
    "MetaRow",
    "RedlineEntry",
    "ReportView",
    "RowView",
    "SummaryView",
    "UnitView",
    "build_view",
    "collector_paused",
]


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
    _check_partition("left", alignment.left.id, lunits, [p.left for p in alignment.pairs])
    _check_partition("right", alignment.right.id, runits, [p.right for p in alignment.pairs])
    changed = [c for c in alignment.commitments if c.change != "unchanged"]
    marked = (
        frozenset(c.left.unit for c in changed if c.left),
        frozenset(c.right.unit for c in changed if c.right),
    )
    sentence_diffs = {
        (sp.left, sp.right): sp.diff for p in alignment.pairs for sp in p.sentences if sp.diff
    }
    rows, redline, invisible = build_rows(alignment.pairs, lunits, runits, marked)
    cites = (citations(lunits), citations(runits))
    left = doc_view("left", alignment.left.meta, len(lunits))
    right = doc_view("right", alignment.right.meta, len(runits))
    return ReportView(
        format=REPORT_FORMAT,
        title=title(alignment.left.meta, alignment.right.meta),
        left=left,
        right=right,
        meta_rows=meta_rows(left, right),
        summary=summary(alignment, invisible, len(changed)),
        commitments=tuple(
            _commitment_view(i, c, sentence_diffs, cites) for i, c in enumerate(changed, 1)
        ),
        rows=rows,
        redline=redline,
        entities=tuple(_entity_view(e) for e in alignment.entities),
        changes_only=len(rows) > LARGE_REPORT_ROWS,
    )


def _check_partition(
    side: str, doc: str, units: tuple[Unit, ...], groups: list[tuple[str, ...]]
) -> None:
    """Every unit of a side in exactly one pair: a report never drops or repeats a clause."""
    ids = {u.id: u for u in units}
    seen = [i for group in groups for i in group]
    unknown = [i for i in seen if i not in ids]
    if unknown:
        raise ScodiffError(f"alignment names {side} unit {unknown[0]!r}, not in {doc!r}")
    if len(seen) != len(set(seen)) or len(seen) != len(ids):
        counts = {i: 0 for i in ids}
        for i in seen:
            counts[i] += 1
        bad = next(i for i, n in counts.items() if n != 1)
        raise ScodiffError(
            f"alignment has {side} unit {bad!r} of {doc!r} in {counts[bad]} pairs, expected 1"
        )


def _commitment_view(
    index: int, c: CommitmentChange, diffs: dict[tuple[str | None, str | None], Diff],
    cites: tuple[dict[str, str], dict[str, str]],
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
        left_unit=lc.unit if lc else "",
        right_unit=rc.unit if rc else "",
        left_cite=cites[0].get(lc.unit, "") if lc else "",
        right_cite=cites[1].get(rc.unit, "") if rc else "",
        left_anchor=anchor("left", lc.unit) if lc else "",
        right_anchor=anchor("right", rc.unit) if rc else "",
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
    """Units are listed on the side that names the entity: the right when newly named."""
    side = "right" if e.change == "newly named" else "left"
    return EntityView(
        name=e.name,
        kind=e.kind,
        change=e.change,
        marker=ENTITY_MARKERS[e.change],
        units=tuple((u, anchor(side, u)) for u in e.units),
    )
