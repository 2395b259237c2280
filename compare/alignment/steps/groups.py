"""Step 2's splits and merges: one unit matched with several neighbours on the other side.

`grow` extends a 1:1 match with free neighbours that it largely contains (containment >=
`LOOSE`) while that raises the similarity, on the side whose growth reaches the higher
similarity (the right on a tie, so swapping the documents mirrors the result). `groups` finds
runs of adjacent free units that together reach the threshold, each contained (>= `CONTAIN`)
in a free unit of the other side: parts too unlike the whole to be chained 1:1.
"""

from __future__ import annotations

from collections.abc import Container

from ..similarity import combine, containment, cosine
from .params import CONTAIN, GROUP_MAX, LOOSE
from .state import Match, State


def grow(st: State, m: Match, ls: Container[int], rs: Container[int]) -> None:
    """Extend a 1:1 gap match into a split or a merge with contained neighbours: the side
    whose growth reaches the higher similarity (the right side on a tie), so that swapping
    the two documents mirrors the result."""
    if len(m.left) > 1 or len(m.right) > 1:
        return
    plans = [(side, *grow_plan(st, m, side, rs if side == "right" else ls))
             for side in ("right", "left")]
    side, group, s = max(plans, key=lambda p: p[2])
    if s <= m.similarity:
        return
    taken = st.rpair if side == "right" else st.lpair
    (m.right if side == "right" else m.left)[:] = group
    m.similarity = s
    for k in group:
        taken[k] = m


def grow_plan(st: State, m: Match, side: str, free: Container[int]) -> tuple[list[int], float]:
    """The units one side of `m` would take in (free, contained neighbours that each raise
    the similarity), and the similarity then."""
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
            if containment(vec(nxt), one) < LOOSE:
                break
            new = sorted([*group, nxt])
            s = cosine(one, combine(vec(k) for k in new))
            if s <= sim:
                break
            group, sim = new, s
    return group, sim


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
