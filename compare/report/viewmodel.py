"""Report stage, the view model: frozen dataclasses holding exactly what a reader sees.

`ReportView` and its parts (document headers, summary counts, changed commitments, side-by-side
rows, the inline redline, entities) are built by `view.build_view` and rendered by `render`;
the markers and orders of relations, commitment changes and entity changes are fixed here so that
every report format shows the same ones, and so are the anchors (`anchor`) that link a unit's
cell, its redline entry and the commitments in it. The values are found by `report.rows` (rows and
redline) and `report.summary` (header and counts).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Relation
from .redline import Segment

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
ENTITY_MARKERS = {"newly named": "+", "no longer named": "\u2212"}
LARGE_REPORT_ROWS = 500
"""Above this many side-by-side rows the HTML report opens with unchanged clauses hidden (the
"changes only" filter ticked): an 8,800-clause comparison is otherwise two million pixels tall."""
BANNERS = {
    "illustrative": "written for demonstration and testing; it is not an SCO text",
    "draft": "a draft, not the adopted text",
}


def anchor(side: str, unit: str) -> str:
    """The id of a unit's place in a report: `L-para_3` on the left, `R-para_3` on the right."""
    return ("L-" if side == "left" else "R-") + unit


@dataclass(frozen=True)
class UnitView:
    side: str
    id: str
    anchor: str
    kind: str
    number: str
    cite: str
    text: str
    segments: tuple[Segment, ...]
    commitment: bool


@dataclass(frozen=True)
class RowView:
    """One row of the side-by-side view: a pair, or the old place of a moved clause (`ghost`).

    `percent` is the similarity as printed ("89 %"), only on changed rows that pair two texts;
    `previous` and `next` are the ids of the changed rows before and after a changed row;
    `fold` is the length of the run of unchanged rows this row opens (0 inside a run or on a
    changed row) and `fold_end` marks the last row of a run: templates fold each run.
    """

    id: str
    relation: str
    marker: str
    label: str
    similarity: str
    percent: str
    notes: tuple[str, ...]
    left: tuple[UnitView, ...]
    right: tuple[UnitView, ...]
    changed: bool
    commitment: bool
    ghost: bool = False
    link: str = ""
    origin: str = ""
    previous: str = ""
    next: str = ""
    fold: int = 0
    fold_end: bool = False


@dataclass(frozen=True)
class RedlineEntry:
    """One clause of the inline redline: a right unit with its changes, or a removed left unit."""

    anchor: str
    unit: str
    cite: str
    side: str
    relation: str
    marker: str
    row: str
    label: str
    similarity: str
    percent: str
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
    left_unit: str
    right_unit: str
    left_cite: str
    right_cite: str
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
    counts: str


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
