"""Step 5l, ties the free units break: of two readings moving as many pairs, the one that lets
a reworded pair into the main sequence.

Where a block moved past a run of as many pairs (three paragraphs moved past four, one of the
four reworded so far that nothing paired it), the two readings move three pairs each, and the
main sequence took the moved block: the reworded paragraph and its new text then stand in
different gaps, so no gap pairs them, and they are reported removed and added. A reader sees
the four kept in place, the one reworded, and the three moved. So the longest in-order chain of
one-to-one matches (`rechain.relabel`'s count) is taken again with the free pairs that the
present labels keep apart: a free left and a free right unit of one kind, lengths within
`RATIO`, alike at least the threshold, the right one within `REACH` of where the left one is
expected and not in its gap (or the other way round). When that chain takes in at least one of
them and moves no more matched pairs than the present labels do, it is the main sequence: its
free pairs are *reworded* in place, the rest of the matches in it in order, the others moved.
Both sides alike, so swapping the documents mirrors the result.
"""

from __future__ import annotations

import bisect

from ..chain import weighted_chain
from ..similarity import cosine
from .params import RATIO
from .rechain import PART
from .state import Match, State, expected

REACH = 24
"""Units from where a free unit is expected within which a free unit of the other side is a
candidate pair for `free_ties`."""


def free_ties(st: State) -> int:
    """Relabel by the chain with the free pairs the labels keep apart when it takes any and
    moves no more matched pairs (see the module docstring); returns how many pairs it made."""
    free = _apart(st)
    if not free:
        return 0

    def one(m: Match) -> bool:
        return len(m.left) == len(m.right) == 1

    cands = [(m.left[0], m.right[0], 1.0 + PART * m.similarity if one(m) else PART)
             for m in st.matches if m.left and m.right]
    cands += [(i, j, 1.0 + PART * sim) for i, j, sim in free]
    main = {(i, j) for i, j, _ in weighted_chain(cands)}
    taken = [(i, j, sim) for i, j, sim in free if (i, j) in main]
    now = sum(1 for m in st.matches if one(m) and m.kind == "move")
    then = sum(1 for m in st.matches if m.left and m.right and one(m)
               and (m.left[0], m.right[0]) not in main)
    if not taken or then > now:
        return 0
    for m in st.matches:
        if m.left and m.right:
            inside = (m.left[0], m.right[0]) in main
            m.kind = ("gap" if m.kind == "move" else m.kind) if inside else "move"
    for i, j, sim in taken:
        st.add(Match([i], [j], sim, "gap"))
    return len(taken)


def _apart(st: State) -> list[tuple[int, int, float]]:
    """Free pairs (i, j, similarity) alike at least the threshold, one within `REACH` of where
    the other is expected and outside the gap the labels give it there."""
    ahead_r, ahead_l = expected(st), expected(st, "right")
    after_r, after_l = _next(st, True), _next(st, False)
    free_l = [i for i, m in enumerate(st.lpair) if m is None]
    free_r = [j for j, m in enumerate(st.rpair) if m is None]
    if not free_l or not free_r:
        return []
    out: dict[tuple[int, int], float] = {}
    for left_side, own, other, ahead, after in ((True, free_l, free_r, ahead_r, after_r),
                                                (False, free_r, free_l, ahead_l, after_l)):
        for u in own:
            lo = bisect.bisect_left(other, ahead[u] - REACH)
            hi = bisect.bisect_right(other, ahead[u] + REACH)
            for v in other[lo:hi]:
                if ahead[u] <= v < after[u]:
                    continue  # in its gap already: the gap filling has had its chance
                i, j = (u, v) if left_side else (v, u)
                if (i, j) in out or not _alike_lengths(st, i, j):
                    continue
                sim = cosine(st.vec_l(i), st.vec_r(j))
                if sim >= st.threshold:
                    out[(i, j)] = sim
    return sorted((i, j, s) for (i, j), s in out.items())


def _alike_lengths(st: State, i: int, j: int) -> bool:
    """Of one kind (paragraphs or items) and lengths within `RATIO` of each other: a quick
    test before the cosine."""
    a, b = st.lu[i], st.ru[j]
    return a.kind == b.kind and max(len(a.text), len(b.text)) <= RATIO * min(len(a.text),
                                                                           len(b.text))


def _next(st: State, left_side: bool) -> list[int]:
    """For each unit of one side, the first partner of its nearest in-order successor (the
    other side's length if none): the end of the gap where its counterpart would stand."""
    own = st.lpair if left_side else st.rpair
    n_other = len(st.ru) if left_side else len(st.lu)
    out = [n_other] * len(own)
    cur = n_other
    for k in range(len(own) - 1, -1, -1):
        out[k] = cur
        m = own[k]
        if m is not None and m.kind != "move":
            cur = min(cur, (m.right if left_side else m.left)[0])
    return out
