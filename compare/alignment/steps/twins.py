"""Step 4c, variants beside their twins: a far move of a changed text undone when a copy of
the text stands beside its destination.

A paragraph duplicated with its date changed (or a dated opening added) is a variant written
beside its original. When the document repeats that text (a left copy of it far away is free,
deleted there), the move step pairs the far copy with the variant, a reworded move across the
document. But the original beside the variant, paired in its own place, already shows that
text there: the variant is added and the far copy removed, which is what `undo_twin_moves`
makes of such a move after the copies have traded partners (`steps.copies`: a move that only
took the wrong one of two copies is put right there first, and is no longer a changed text).
Symmetric: a left variant beside its left original, moved to a far right copy, is the same.
"""

from __future__ import annotations

from ..similarity import containment
from .moves import along_blocks
from .params import SWAP_WINDOW, TWIN_KEEP, TWIN_REACH
from .state import Match, State


def undo_twin_moves(st: State) -> int:
    """Undo each 1:1 move of a changed text `beside_twin`, then extend the moves along their
    blocks again (`steps.moves.along_blocks`); returns how many were undone."""
    undone = 0
    keep = []
    for m in st.matches:
        if m.kind == "move" and len(m.left) == len(m.right) == 1 \
                and st.lkey[m.left[0]] != st.rkey[m.right[0]] \
                and beside_twin(st, m.left[0], m.right[0]):
            st.lpair[m.left[0]] = st.rpair[m.right[0]] = None
            undone += 1
            continue
        keep.append(m)
    st.matches = keep
    if undone:
        along_blocks(st)  # a unit freed may be the reworded member of a moved block
    return undone


def beside_twin(st: State, i: int, j: int) -> bool:
    """Whether right unit j keeps `TWIN_KEEP` of left unit i's text and stands within
    `TWIN_REACH` of a copy of it paired with left units all more than `SWAP_WINDOW` from i
    (i was carried from afar), or left unit i so beside a copy of j's text."""
    return ((containment(st.vec_l(i), st.vec_r(j)) >= TWIN_KEEP
             and _twin_at(st.rpair, st.rkey, j, st.lkey[i], i, left_side=False))
            or (containment(st.vec_r(j), st.vec_l(i)) >= TWIN_KEEP
                and _twin_at(st.lpair, st.lkey, i, st.rkey[j], j, left_side=True)))


def _twin_at(own: list[Match | None], keys: list[str], k: int, key: str, far: int,
             left_side: bool) -> bool:
    for x in range(k - TWIN_REACH, k + TWIN_REACH + 1):
        m = own[x] if x != k and 0 <= x < len(own) and keys[x] == key else None
        if m is None or any(_in_place(own[y]) for y in range(min(k, x) + 1, max(k, x))):
            continue
        if all(abs(p - far) > SWAP_WINDOW for p in (m.right if left_side else m.left)):
            return True
    return False


def _in_place(m: Match | None) -> bool:
    return m is not None and m.kind != "move" and len(m.left) == len(m.right) == 1
