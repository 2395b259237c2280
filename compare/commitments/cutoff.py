"""Analyse stage, cut-off copies: commitments "dropped" only because a copy ends too early.

When one side of a comparison is flagged as cut off (`Meta.truncated`: the copy ends
mid-sentence or mid-word), every unit of the other side after the last unit the two share has
no counterpart, and its commitments would read as dropped (or added). They are not changes of
the text: `set_apart` moves them from `commitments` to `cut_off`, which reports list under "not
in the right copy, which is cut off" (or the left one).
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Alignment, CommitmentChange, Relation


def _last_shared(alignment: Alignment, side: str) -> int:
    """Index (in that side's units) of the last unit paired with the other side; -1 if none."""
    units = alignment.left.units() if side == "left" else alignment.right.units()
    index = {u.id: i for i, u in enumerate(units)}
    last = -1
    for p in alignment.pairs:
        if p.relation in (Relation.REMOVED, Relation.ADDED):
            continue
        for uid in p.left if side == "left" else p.right:
            last = max(last, index.get(uid, -1))
    return last


def _after(alignment: Alignment, side: str) -> set[str]:
    """The units of `side` past the cut of the other side's copy: those after the last unit the
    two share, and the one(s) paired with the cut copy's final unit (its text ends at the cut,
    so what it lacks may be past it)."""
    units = alignment.left.units() if side == "left" else alignment.right.units()
    past = {u.id for u in units[_last_shared(alignment, side) + 1 :]}
    other = alignment.right.units() if side == "left" else alignment.left.units()
    if other:
        final = other[-1].id
        for p in alignment.pairs:
            if final in (p.right if side == "left" else p.left):
                past.update(p.left if side == "left" else p.right)
    return past


def set_apart(alignment: Alignment) -> Alignment:
    """Move commitments past the end of a cut-off copy from `commitments` to `cut_off`."""
    right_cut, left_cut = alignment.right.meta.truncated, alignment.left.meta.truncated
    if not (right_cut or left_cut):
        return alignment
    past_left = _after(alignment, "left") if right_cut else set()
    past_right = _after(alignment, "right") if left_cut else set()
    kept: list[CommitmentChange] = []
    apart: list[CommitmentChange] = []
    for c in alignment.commitments:
        dropped = c.change == "dropped" and c.left is not None and c.left.unit in past_left
        added = c.change == "added" and c.right is not None and c.right.unit in past_right
        (apart if dropped or added else kept).append(c)
    return replace(alignment, commitments=tuple(kept), cut_off=tuple(apart))
