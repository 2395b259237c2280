"""Step 4c, variants beside their twins: a far move of a changed text undone when a copy of
the text stands beside its destination; and copies beside the parts of a group (step 5c).

A paragraph duplicated with its date changed (or a dated opening added) is a variant written
beside its original. When the document repeats that text (a left copy of it far away is free,
deleted there), the move step pairs the far copy with the variant, a reworded move across the
document. But the original beside the variant, paired in its own place, already shows that
text there: the variant is added and the far copy removed, which is what `undo_twin_moves`
makes of such a move after the copies have traded partners (`steps.copies`: a move that only
took the wrong one of two copies is put right there first, and is no longer a changed text).
Symmetric: a left variant beside its left original, moved to a far right copy, is the same.

`fill_holes` (after the scattered parts, step 5c) is the same reading of copies for splits and
merges: a part apart from the group's other parts, whose equal copy stands next to one of them,
trades places with that copy.
"""

from __future__ import annotations

from ..similarity import containment, cosine
from .moves import along_blocks
from .params import SWAP_WINDOW, TWIN_KEEP, TWIN_REACH
from .state import Match, State, expected


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
    """Whether right unit j keeps `TWIN_KEEP` of left unit i's text and stands up to
    `TWIN_REACH` units after a copy of it (an amended repetition follows its original), or
    right before it, the copy paired with left units all more than `SWAP_WINDOW` from i (i
    was carried from afar); or left unit i so beside a copy of j's text."""
    return ((containment(st.vec_l(i), st.vec_r(j)) >= TWIN_KEEP
             and _twin_at(st.rpair, st.rkey, j, st.lkey[i], i, left_side=False))
            or (containment(st.vec_r(j), st.vec_l(i)) >= TWIN_KEEP
                and _twin_at(st.lpair, st.lkey, i, st.rkey[j], j, left_side=True)))


def _twin_at(own: list[Match | None], keys: list[str], k: int, key: str, far: int,
             left_side: bool) -> bool:
    for x in range(k - TWIN_REACH, k + 2):  # before the variant, or right after it
        m = own[x] if x != k and 0 <= x < len(own) and keys[x] == key else None
        if m is None or any(_in_place(own[y]) for y in range(min(k, x) + 1, max(k, x))):
            continue
        if all(abs(p - far) > SWAP_WINDOW for p in (m.right if left_side else m.left)):
            return True
    return False


def _in_place(m: Match | None) -> bool:
    return m is not None and m.kind != "move" and len(m.left) == len(m.right) == 1


def fill_holes(st: State) -> int:
    """Step 5c': a part of a split or merge next to none of the group's other parts, whose
    equal copy stands next to one of them (in a hole between them or at an end), trades
    places with that copy when the copy is nearer where the group's whole is expected. Of two
    copies of one text, the one beside the rest of a merge (or split) is its part, and the far
    one takes the copy's match (a move when out of order there): the scattered parts' step took
    the far copy because the near one was held then (paired in order by the exact chain). A
    free copy joins the group the same way and the far part is left free. Both sides; returns
    how many parts were traded."""
    traded = 0
    expect = {True: expected(st, "right"), False: expected(st)}
    for m in sorted(st.matches, key=lambda x: (x.left[0], x.right[0])):
        for left_side in (True, False):
            parts, other = (m.left, m.right) if left_side else (m.right, m.left)
            if len(parts) > 1 and len(other) == 1:
                for _ in range(len(parts)):
                    if not _fill(st, m, parts, left_side, expect[left_side][other[0]]):
                        break
                    traded += 1
    return traded


def _fill(st: State, m: Match, parts: list[int], left_side: bool, e: int) -> bool:
    """One trade of `_fill`'s kind in group `m` (whose whole is expected at `e` on the parts'
    side): the copy nearest `e`; whether one was made."""
    keys, own = (st.lkey, st.lpair) if left_side else (st.rkey, st.rpair)
    whole = st.rkey[m.right[0]] if left_side else st.lkey[m.left[0]]
    plans = []
    for p in parts:
        if any(abs(p - q) == 1 for q in parts if q != p):
            continue
        beside = {(r, x) for r in parts if r != p for x in (r - 1, r + 1) if 0 <= x < len(own)}
        for q, c in sorted(beside):
            h = own[c]
            if c in parts or keys[c] != keys[p] or abs(c - e) >= abs(p - e) or (
                    h is not None and (h is m or len(h.left) != 1 or len(h.right) != 1)) \
                    or not _read_in_order(whole, keys[p], keys[q], c < q):
                continue
            plans.append((abs(c - e), c, p))
    if not plans:
        return False
    _, c, p = min(plans)
    h = own[c]
    parts[parts.index(p)] = c
    parts.sort()
    own[c], own[p] = m, h
    if h is not None:
        (h.left if left_side else h.right)[:] = [p]
        h.similarity = cosine(st.vec_l(h.left[0]), st.vec_r(h.right[0]))
        h.kind = "move" if not _in_order(st, h.left[0], h.right[0]) else h.kind
    return True


def _read_in_order(whole: str, part: str, beside: str, before: bool) -> bool:
    """Whether the whole's text can read `part` before `beside` (or after, as `before` says):
    False only when both are found in it the other way round (parts are read in their own
    order, so a copy on the wrong side of its neighbour is not the part)."""
    a, b = _at(whole, part), _at(whole, beside)
    return a < 0 or b < 0 or (a < b) == before


def _at(whole: str, part: str) -> int:
    """Where a passage from inside `part` (past its first third: a merge may change how a part
    opens) is found in `whole`; -1 if it is not."""
    start = len(part) // 3
    return whole.find(part[start:start + 40]) if len(part) > 60 else whole.find(part)


def _in_order(st: State, i: int, j: int) -> bool:
    """Whether left unit i lies between the left units of the in-order matches nearest before
    and after right unit j (a 1:1 pair that keeps the main sequence's order)."""
    lo, hi = -1, len(st.lu)
    for step, bound in ((-1, "lo"), (1, "hi")):
        y = j + step
        while 0 <= y < len(st.ru):
            x = st.rpair[y]
            if x is not None and x.kind != "move" and x.left:
                if bound == "lo":
                    lo = x.left[-1]
                else:
                    hi = x.left[0]
                break
            y += step
    return lo < i < hi
