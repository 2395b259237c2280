"""Step 2's splits and merges: one unit matched with several neighbours on the other side.

`grow` extends a 1:1 match with free neighbours that it largely contains (containment >=
`LOOSE`) while that raises the similarity, or that are reworded parts themselves: alike
(cosine >= `REST`) to the part of the whole its partner leaves uncovered, so that a split whose
other half is reworded too (new words lower the whole's cosine) is still one split. The side that
grows wins, with the higher similarity on both (the right on a tie, so swapping the documents
mirrors the result). `groups` finds runs of adjacent free units that together reach the
threshold, each contained (>= `CONTAIN`) in a free unit of the other side: parts too unlike the
whole to be chained 1:1.
"""

from __future__ import annotations

import math
from collections.abc import Container

from ..similarity import Weighted, combine, containment, cosine
from .params import CONTAIN, GROUP_MAX, LOOSE, PART_RATIO, REST
from .state import Match, State


def grow(st: State, m: Match, ls: Container[int], rs: Container[int]) -> None:
    """Extend a 1:1 gap match into a split or a merge with contained neighbours: the side
    that grows, with the higher similarity then (the right side on a tie), so that swapping
    the two documents mirrors the result."""
    if len(m.left) > 1 or len(m.right) > 1:
        return
    plans = [(side, *grow_plan(st, m, side, rs if side == "right" else ls))
             for side in ("right", "left")]
    side, group, s = max(plans, key=lambda p: (len(p[1]) > 1, p[2]))
    if len(group) == 1:
        return
    taken = st.rpair if side == "right" else st.lpair
    (m.right if side == "right" else m.left)[:] = group
    m.similarity = s
    for k in group:
        taken[k] = m


def grow_plan(st: State, m: Match, side: str, free: Container[int]) -> tuple[list[int], float]:
    """The units one side of `m` would take in, and the similarity then: free neighbours that
    each raise the similarity (contained >= `LOOSE`), or that are themselves reworded parts,
    alike (>= `REST`) to what the whole still has uncovered (`uncovered`)."""
    group = list(m.right if side == "right" else m.left)
    sim = m.similarity
    one = st.vec_l(m.left[0]) if side == "right" else st.vec_r(m.right[0])
    vec = st.vec_r if side == "right" else st.vec_l
    taken = st.rpair if side == "right" else st.lpair
    for step in (1, -1):
        while len(group) < GROUP_MAX:
            nxt = group[-1] + 1 if step == 1 else group[0] - 1
            if nxt not in free or taken[nxt] is not None:
                break
            new = sorted([*group, nxt])
            if not parts_fit(st, side, m.left[0] if side == "right" else m.right[0], new):
                break
            s = cosine(one, combine(vec(k) for k in new))
            if not (containment(vec(nxt), one) >= LOOSE and s > sim):
                rest = uncovered(one, [vec(k) for k in group])
                if rest is None or cosine(vec(nxt), rest) < REST:
                    break
            group, sim = new, s
    return group, sim


def parts_fit(st: State, side: str, whole: int, parts: list[int]) -> bool:
    """Whether the texts of `parts` (on `side`) together are at most `PART_RATIO` times as
    long as the text of `whole` (the other side): the parts of a split share out the whole's
    words. A formulaic clause of the document ("... cooperation in food safety.") is as much
    contained in its template twin as a true part is, or as alike to what a reworded partner
    lost, and doubles the group's length."""
    units, other = (st.ru, st.lu) if side == "right" else (st.lu, st.ru)
    return sum(len(units[k].text) for k in parts) <= PART_RATIO * len(other[whole].text)


def uncovered(whole: Weighted, parts: list[Weighted]) -> Weighted | None:
    """The features of `whole` that none of `parts` has, when they carry at least `REST` of
    its squared weight (a real part of it is missing); else None."""
    have = combine(parts).weights
    rest = {f: v for f, v in whole.weights.items() if f not in have}
    sq = sum(v * v for v in rest.values())
    if whole.norm == 0.0 or sq < REST * whole.norm * whole.norm:
        return None
    return Weighted(rest, math.sqrt(sq))


def groups(st: State, ls: list[int], rs: list[int]) -> None:
    """Splits and merges whose parts are each too unlike the whole to be chained 1:1."""
    for i in ls:
        if st.lpair[i] is None:
            group_for(st, i, rs, "right")
    for j in rs:
        if st.rpair[j] is None:
            group_for(st, j, ls, "left")


def group_for(st: State, one: int, others: list[int], side: str) -> None:
    """Match free unit `one` with the best run of adjacent contained units among `others`."""
    vec_one = st.vec_l(one) if side == "right" else st.vec_r(one)
    vec = st.vec_r if side == "right" else st.vec_l
    taken = st.rpair if side == "right" else st.lpair
    free = [k for k in others if taken[k] is None and containment(vec(k), vec_one) >= CONTAIN]
    best: tuple[float, list[int]] | None = None
    for a in range(len(free)):
        run = [free[a]]
        for b in range(a + 1, min(len(free), a + GROUP_MAX)):
            if free[b] != run[-1] + 1:
                break
            run = [*run, free[b]]
            s = cosine(vec_one, combine(vec(k) for k in run))
            if s >= st.threshold and (best is None or s > best[0]):
                best = (s, run)
    if best is not None:
        left, right = ([one], best[1]) if side == "right" else (best[1], [one])
        st.add(Match(left, right, best[0], "gap"))
