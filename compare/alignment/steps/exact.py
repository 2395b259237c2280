"""Step 1, the exact chain: units of equal normalised text chained in order, then re-slid.

`exact_matches` chains equal keys by a longest common subsequence (`chain.exact_chain`);
`reslide` moves a match among several equal copies between the same two neighbouring anchors to
the copy whose gaps before and after pair best, so "R x R" -> "R' R" keeps R' reworded.
"""

from __future__ import annotations

import bisect

from ..chain import exact_chain, weighted_chain
from ..similarity import cosine
from .params import ALL_PAIRS, FLOOR, LOW, RESETTLE_MAX
from .state import Match, State


def exact_matches(st: State) -> None:
    """Chain the units whose keys are equal (an LCS over key ids) as exact matches."""
    ids: dict[str, int] = {}
    lk = [ids.setdefault(k, len(ids)) for k in st.lkey]
    rk = [ids.setdefault(k, len(ids)) for k in st.rkey]
    for i, j in exact_chain(lk, rk):
        st.add(Match([i], [j], 1.0, "exact"))


def reslide(st: State) -> None:
    """Among equal texts between two anchors, anchor the copy that leaves the best gaps.

    The exact chain takes the earliest of several equal units; when another copy of the
    text lies between the same neighbouring anchors (on either side), the match moves to
    the copy whose gaps before and after pair best (`gap_score`); ties keep the earliest.
    """
    chain = sorted(st.matches, key=lambda m: m.left[0])
    for k, m in enumerate(chain):
        i, j = m.left[0], m.right[0]
        lo_i, lo_j = (chain[k - 1].left[0], chain[k - 1].right[0]) if k else (-1, -1)
        hi_i, hi_j = ((chain[k + 1].left[0], chain[k + 1].right[0]) if k + 1 < len(chain)
                      else (len(st.lu), len(st.ru)))
        alt_l = [x for x in range(lo_i + 1, hi_i) if st.lkey[x] == st.lkey[i]]
        alt_r = [y for y in range(lo_j + 1, hi_j) if st.rkey[y] == st.rkey[j]]
        if len(alt_l) == len(alt_r) == 1:
            continue
        best, where = -1.0, (i, j)
        for x in alt_l:
            for y in alt_r:
                score = (gap_score(st, range(lo_i + 1, x), range(lo_j + 1, y))
                         + gap_score(st, range(x + 1, hi_i), range(y + 1, hi_j)))
                if score > best + 1e-9:
                    best, where = score, (x, y)
        if where != (i, j):
            st.lpair[i] = st.rpair[j] = None
            m.left, m.right = [where[0]], [where[1]]
            st.lpair[where[0]] = st.rpair[where[1]] = m


def gap_score(st: State, ls: range, rs: range) -> float:
    """How well a gap's units pair: the weight of its best in-order chain among pairs reaching
    `FLOOR` x threshold, the least evidence step 5 pairs by order (0 on large gaps)."""
    if not ls or not rs or len(ls) * len(rs) > ALL_PAIRS:
        return 0.0
    cands = [(i, j, s) for i in ls for j in rs
             if (s := cosine(st.vec_l(i), st.vec_r(j))) >= FLOOR * st.threshold]
    return sum(s for _, _, s in weighted_chain(cands))


def resettle(st: State) -> None:
    """Within a run of equal texts, put each unmatched copy where its gap can pair it.

    Of a run of consecutive units with one key on one side, the exact chain matches the
    earliest copies and leaves the last ones free, wherever the other side's missing copy was:
    2,000 equal paragraphs, one of them reworded, would leave the last copy free and the
    reworded one alone in another gap. Any copy of the run can be the free one (the matches
    slide along the run, keeping their partners), so each free copy moves to the place in its
    run whose gap holds the most similar free unit of the other side (at least `LOW` x
    threshold); ties, and no such place, keep the chain's choice. Both sides, left first.
    """
    for side in ("left", "right"):
        for run in _runs(st.lkey if side == "left" else st.rkey):
            _resettle_run(st, side, run)


def _runs(keys: list[str]) -> list[range]:
    """Maximal runs of two or more consecutive equal keys."""
    out, start = [], 0
    for k in range(1, len(keys) + 1):
        if k == len(keys) or keys[k] != keys[start]:
            if k - start > 1:
                out.append(range(start, k))
            start = k
    return out


def _resettle_run(st: State, side: str, run: range) -> None:
    own, other = (st.lpair, st.rpair) if side == "left" else (st.rpair, st.lpair)
    members = [m for m in (own[k] for k in run) if m is not None]
    free = [k for k in run if own[k] is None]
    if not members or not free or len(free) > RESETTLE_MAX \
            or any(m.kind != "exact" for m in members):
        return
    def partner(m: Match) -> int:
        return m.right[0] if side == "left" else m.left[0]

    before = next((partner(m) for k in range(run.start - 1, -1, -1)
                   if (m := own[k]) is not None), -1)
    after = next((partner(m) for k in range(run.stop, len(own)) if (m := own[k]) is not None),
                 len(other))
    partners = [partner(m) for m in members]
    gap_of: dict[int, list[int]] = {}  # rank of a slot -> the free units of the other side there
    for x in range(before + 1, after):
        if other[x] is None:
            gap_of.setdefault(bisect.bisect_left(partners, x), []).append(x)
    if not gap_of:
        return
    for n, f in enumerate(free):
        others = {*free[:n], *free[n + 1 :]}
        slots = [k for k in run if k not in others]  # slot r: the copy left free at rank r
        best, where = _slot_score(st, side, f, gap_of.get(slots.index(f), [])), f
        for r, xs in sorted(gap_of.items()):
            score = _slot_score(st, side, slots[r], xs)
            if score > best + 1e-9:
                best, where = score, slots[r]
        if where != f:
            _reassign(st, side, [k for k in slots if k != where], members)
            free[n] = where


def _slot_score(st: State, side: str, q: int, xs: list[int]) -> float:
    """The best similarity (at least `LOW` x threshold, else 0) between unit `q` and the free
    units `xs` of the other side."""
    vec_q = st.vec_l(q) if side == "left" else st.vec_r(q)
    best = 0.0
    for x in xs:
        s = cosine(vec_q, st.vec_r(x) if side == "left" else st.vec_l(x))
        if s >= LOW * st.threshold and s > best:
            best = s
    return best


def _reassign(st: State, side: str, matched: list[int], members: list[Match]) -> None:
    """Give the run's matches (in order) to the units `matched` (in order)."""
    own = st.lpair if side == "left" else st.rpair
    for m in members:
        for k in (m.left if side == "left" else m.right):
            own[k] = None
    for k, m in zip(sorted(matched), members, strict=True):
        if side == "left":
            m.left = [k]
        else:
            m.right = [k]
        own[k] = m
