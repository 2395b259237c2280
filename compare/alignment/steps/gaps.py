"""Steps 2 and 5, gaps: the free units between two consecutive anchors, paired in order.

`fill_gaps(st, low=False)` (step 2) takes, in each gap, the in-order chain of largest total
similarity among pairs at or above the threshold (*reworded*), lets each found match grow into
a split or merge (`groups.grow`) and looks for splits and merges of uncontained parts
(`groups.groups`). `fill_gaps(st, low=True)` (step 5) chains leftovers among pairs reaching
`LOW` x threshold, or each other's best reaching `FLOOR` x threshold when the chain has at least
two pairs or the gap is one free unit on each side, the two of a length (within `RATIO`), and
never below the threshold when just one of the two is a near copy of the matched unit beside it
(`one_twin`: a paragraph duplicated beside its original is added). Among
equally heavy chains the one nearest the gap's diagonal wins.
"""

from __future__ import annotations

from collections.abc import Callable

from ..chain import weighted_chain
from ..similarity import Index, Weighted, containment, cosine
from .groups import groups, grow
from .params import ALL_PAIRS, FLOOR, LOW, MAX_DF, RATIO, TIE, TOP_K, TWIN_KEEP
from .state import Match, State, gaps

Cand = tuple[int, int, float]


def fill_gaps(st: State, low: bool) -> int:
    """Pair units inside each gap; returns how many matches were added."""
    added = 0
    for ls, rs in gaps(st):
        thr = FLOOR * st.threshold if low else st.threshold
        cands = gap_candidates(st, ls, rs, thr)
        alone = _alone(st, ls, rs, cands)
        if low:
            cands = [c for c in evidence(cands, LOW * st.threshold)
                     if c[2] >= st.threshold or not one_twin(st, c[0], c[1])]
        chain = diagonal_chain(cands, ls, rs)
        if low and len(chain) < 2:
            # one weak pair alone among other free units is no evidence of order; the one free
            # unit on each side between two anchors (`_alone`) is, when the two are of a length
            # (within `RATIO`): the pair stands in the other's place, a rewording keeps the
            # clause's size
            chain = [c for c in chain if c[2] >= LOW * st.threshold or (
                alone and _of_a_length(st, c[0], c[1]))]
        found = [Match([i], [j], s, "gap") for i, j, s in chain]
        for m in found:  # all of the chain first: a growing match takes only free units
            st.add(m)
        for m in found:
            grow(st, m, set(ls), set(rs))
        added += len(found)
        if not low and len(ls) * len(rs) <= ALL_PAIRS:
            groups(st, ls, rs)
    return added


def _alone(st: State, ls: list[int], rs: list[int], cands: list[Cand]) -> bool:
    """Whether the gap holds one free unit on each side that can pair: only one, or one of a
    kind (both paragraphs or both list items) once the strangers are set aside, units alike
    no unit across the gap (below `FLOOR` x threshold): plainly inserted or deleted, they
    compete for no place (a deletion, a rewording and an unrelated insertion between two
    anchors). With strangers beside it the place is weaker evidence, so the kind must hold."""
    if len(ls) == len(rs) == 1:
        return True
    live_l, live_r = {i for i, _, _ in cands}, {j for _, j, _ in cands}
    if len(live_l) != 1 or len(live_r) != 1:
        return False
    return st.lu[live_l.pop()].kind == st.ru[live_r.pop()].kind


def one_twin(st: State, i: int, j: int) -> bool:
    """Whether exactly one of left unit i and right unit j is a near copy of a matched unit
    right beside it on its own side (keeps `TWIN_KEEP` of that text, changed, and the other of
    the two does not keep it): a paragraph duplicated beside its original, amended, is *added*; it
    stands in no weakly alike unit's place."""
    vl, vr = st.vec_l(i), st.vec_r(j)
    return (_twin_beside(st.lpair, st.lkey, st.vec_l, i, vr)
            != _twin_beside(st.rpair, st.rkey, st.vec_r, j, vl))


def _twin_beside(own: list[Match | None], keys: list[str], vec: Callable[[int], Weighted],
                 k: int, other: Weighted) -> bool:
    return any(0 <= x < len(own) and own[x] is not None and keys[x] != keys[k]
               and containment(vec(x), vec(k)) >= TWIN_KEEP
               and containment(vec(x), other) < TWIN_KEEP for x in (k - 1, k + 1))


def _of_a_length(st: State, i: int, j: int) -> bool:
    """Whether the texts of left unit i and right unit j differ in length by at most `RATIO`."""
    a, b = len(st.lu[i].text), len(st.ru[j].text)
    return max(a, b) <= RATIO * min(a, b)


def gap_candidates(st: State, ls: list[int], rs: list[int], thr: float) -> list[Cand]:
    """Pairs of the gap at or above `thr`: all pairs of a small gap, indexed ones of a big one."""
    if len(ls) * len(rs) <= ALL_PAIRS:
        pairs = [(i, j) for i in ls for j in rs]
    else:
        index = Index([st.vec_r(j) for j in rs], MAX_DF)
        pairs = [(i, rs[k]) for i in ls for k in index.candidates(st.vec_l(i), TOP_K)]
    out = []
    for i, j in pairs:
        s = cosine(st.vec_l(i), st.vec_r(j))
        if s >= thr:
            out.append((i, j, s))
    return out


def evidence(cands: list[Cand], low: float) -> list[Cand]:
    """Weak pairs worth chaining: at or above `low`, or each other's best in the gap."""
    row: dict[int, float] = {}
    col: dict[int, float] = {}
    for i, j, s in cands:
        row[i] = max(row.get(i, 0.0), s)
        col[j] = max(col.get(j, 0.0), s)
    return [(i, j, s) for i, j, s in cands if s >= low or s == row[i] == col[j]]


def diagonal_chain(cands: list[Cand], ls: list[int], rs: list[int]) -> list[Cand]:
    """The heaviest in-order chain; among equally heavy ones (equal texts), the one nearest the
    gap's diagonal, so of two equal left units the one in the matching relative place pairs."""
    pl = {i: k / len(ls) for k, i in enumerate(ls)}
    pr = {j: k / len(rs) for k, j in enumerate(rs)}
    sim = {(i, j): s for i, j, s in cands}
    tilted = [(i, j, s - TIE * abs(pl[i] - pr[j])) for i, j, s in cands]
    return [(i, j, sim[i, j]) for i, j, _ in weighted_chain(tilted)]
