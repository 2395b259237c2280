"""Step 5e, reworded parts: a free unit that brings back what a whole's partner lacks.

A clause split in two whose one half is also reworded (or two clauses merged, one of them
reworded) leaves a part that shares too few features with the whole to count as contained in it
(`CONTAIN`, `LOOSE`), and its new words may lower the whole's cosine, so steps 2 and 5c leave it
added (or removed) beside a whole matched to the other part alone. What marks such a part is
what it restores: the whole's features that its partners lack (`missing`). A free unit within
`NEAR` units of a match (one unit on the whole's side, not exact, room on the parts' side)
joins that match when it is alike (cosine >= `rest_floor(d)`: `REST` beside the group, rising
with the distance d as for moves) to those missing features, and brings back at least `GAIN` of
the whole's squared weight (the whole's containment in the group rises by that much). A unit
paired only as a reworded move (one to one) is taken too when it is more alike (by cosine) the
features its whole lacks than its move's partner, and the move is undone: the move step gave
a reworded half to a copy of its whole elsewhere, before the half's own whole was paired with
its other half. Best first
(most weight restored, then nearest, then side and indices), on both sides at once, so that
swapping the documents mirrors the result (split <-> merge). Parts stay in document order.
"""

from __future__ import annotations

import math

from ..similarity import Weighted, combine, cosine, without_pairs
from .groups import parts_fit
from .params import GAIN, GROUP_MAX, HALF, MOST, NEAR, REST
from .state import Match, State

SIDES = ("right", "left")


def restore(st: State) -> int:
    """Attach free reworded parts to the matches whose whole they complete; returns how many."""
    plans: list[tuple[float, int, int, int, int]] = []  # (-gain, distance, side, part, whole)
    for s, side in enumerate(SIDES):
        own = st.rpair if side == "right" else st.lpair
        gaps: dict[int, tuple[Weighted, Weighted]] = {}  # id of a match -> (whole, missing)
        for k, held in enumerate(own):
            if held is not None and not _loose_move(held):
                continue
            for m in _near(st, side, k):
                if m is held:
                    continue
                found = _restores(st, side, k, m, gaps, held)
                if found is not None:
                    whole = m.left[0] if side == "right" else m.right[0]
                    # rounded: copies of one text tie up to float noise; the nearer must win
                    plans.append((-round(found[0], 9), found[1], s, k, whole))
    attached = 0
    for _, _, s, part, whole in sorted(plans):
        side = SIDES[s]
        own = st.rpair if side == "right" else st.lpair
        held = st.lpair[whole] if side == "right" else st.rpair[whole]
        moved = own[part]
        if held is None or held is moved or (moved is not None and not _loose_move(moved)) \
                or _restores(st, side, part, held, None, moved) is None:
            continue
        if moved is not None:  # the move is undone: its other unit is free again
            st.matches.remove(moved)
            for i in moved.left:
                st.lpair[i] = None
            for j in moved.right:
                st.rpair[j] = None
        group = held.right if side == "right" else held.left
        group[:] = sorted([*group, part])
        one = st.vec_l(whole) if side == "right" else st.vec_r(whole)
        vec = st.vec_r if side == "right" else st.vec_l
        held.similarity = cosine(one, combine(vec(k) for k in group))
        own[part] = held
        attached += 1
    return attached


def _near(st: State, side: str, k: int) -> list[Match]:
    """The matches that can take a part holding a unit within `NEAR` of unit k on its side,
    in order of those units, each once."""
    own = st.rpair if side == "right" else st.lpair
    out: list[Match] = []
    for q in range(max(0, k - NEAR), min(len(own), k + NEAR + 1)):
        m = own[q]
        if m is None or m.kind == "exact" or any(x is m for x in out):
            continue
        group, other = (m.right, m.left) if side == "right" else (m.left, m.right)
        if len(other) == 1 and len(group) < GROUP_MAX:
            out.append(m)
    return out


def rest_floor(distance: int) -> float:
    """Least cosine of a part `distance` units from its group to the features the group
    lacks: `REST` beside it, rising towards 1 as for moves (`HALF`)."""
    return REST + (1.0 - REST) * distance / (distance + HALF)


def _loose_move(m: Match) -> bool:
    """A changed text paired one to one as a move: a reworded part that step 3 took to a copy
    of its whole elsewhere (the copy of a paragraph split here, in another part of the text)."""
    return m.kind == "move" and m.similarity < 1.0 and len(m.left) == len(m.right) == 1


def _restores(st: State, side: str, part: int, m: Match,
              gaps: dict[int, tuple[Weighted, Weighted]] | None = None,
              moved: Match | None = None) -> tuple[float, int] | None:
    """(weight restored, distance) when `part` completes the whole of `m` (see the module
    docstring), else None. `gaps` keeps each match's whole and missing features while the
    matches do not change. A part held by a reworded move (`moved`) must be more alike (by
    cosine) to what the whole lacks than to its move's partner: it explains that better."""
    group, other = (m.right, m.left) if side == "right" else (m.left, m.right)
    if len(other) != 1 or len(group) >= GROUP_MAX or not parts_fit(st, side, other[0],
                                                                    [*group, part]):
        return None
    vec = st.vec_r if side == "right" else st.vec_l
    p = vec(part)
    known = gaps.get(id(m)) if gaps is not None else None
    if known is None:
        whole = st.vec_l(other[0]) if side == "right" else st.vec_r(other[0])
        known = (whole, missing(whole, [vec(g) for g in group]))
        if gaps is not None:
            gaps[id(m)] = known
    whole, gap = known
    need = GAIN * whole.norm * whole.norm
    if whole.norm == 0.0 or p.norm == 0.0 or gap.norm * gap.norm < need * (1.0 - 1e-9):
        return None  # (too little is missing for any part to bring back `GAIN` of it)
    small, large = (p.weights, gap.weights) if len(p.weights) < len(gap.weights) \
        else (gap.weights, p.weights)
    back = sum(gap.weights[f] ** 2 for f in small if f in large)
    if back < need:
        return None
    distance = min(abs(part - g) for g in group)
    if not _alike(p, gap, rest_floor(distance)) or (
            moved is not None and cosine(p, gap) <= moved.similarity):
        return None
    return back / (whole.norm * whole.norm), distance


def _alike(part: Weighted, gap: Weighted, floor: float) -> bool:
    """Whether a part is alike the features its whole's partners lack: by cosine, or by
    vocabulary (words and prefixes, word pairs aside: the adverbs and qualifiers of a reworded
    half break its word pairs) when it brings back at least `MOST` of the missing vocabulary's
    weight (the missing half itself, not a few rare words a clause inserted into the whole
    shares with a formulaic paragraph nearby)."""
    if cosine(part, gap) >= floor:
        return True
    vp, vg = without_pairs(part), without_pairs(gap)
    if vg.norm == 0.0 or cosine(vp, vg) < floor:
        return False
    back = sum(v * v for f, v in vg.weights.items() if f in vp.weights)
    return back >= MOST * vg.norm * vg.norm


def missing(whole: Weighted, parts: list[Weighted]) -> Weighted:
    """The features of `whole` that none of `parts` has (its weights there)."""
    have: set[str] | dict[str, float] = parts[0].weights if len(parts) == 1 else \
        set().union(*(p.weights for p in parts))
    rest = {f: v for f, v in whole.weights.items() if f not in have}
    return Weighted(rest, math.sqrt(sum(v * v for v in rest.values())))
