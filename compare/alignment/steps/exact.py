"""Step 1, the exact chain: units of equal normalised text chained in order, then re-slid.

`exact_matches` chains equal keys by a longest common subsequence (`chain.exact_chain`);
`reslide` moves a match among several equal copies between the same two neighbouring anchors to
the copy whose gaps before and after pair best, so "R x R" -> "R' R" keeps R' reworded.
"""

from __future__ import annotations

from ..chain import exact_chain, weighted_chain
from ..similarity import cosine
from .params import ALL_PAIRS, LOW
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
    """How well a gap's units pair: the weight of its best in-order chain (0 on large gaps)."""
    if not ls or not rs or len(ls) * len(rs) > ALL_PAIRS:
        return 0.0
    cands = [(i, j, s) for i in ls for j in rs
             if (s := cosine(st.vec_l(i), st.vec_r(j))) >= LOW * st.threshold]
    return sum(s for _, _, s in weighted_chain(cands))

