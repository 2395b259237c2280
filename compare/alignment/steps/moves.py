"""Step 3, moves: units still free paired across the document.

Equal keys first (in order, choosing which copies by least distance from their expected
places, `chain.ordered_pairing`), then by cosine, among candidates from an inverted index over
rare features plus the leftovers nearest the expected place. A changed text moved d units from
where it was expected needs `move_floor(d)`: the farther, the more alike (a move between a
paragraph and a list item, or from one list to another, counts `HALF` units farther);
candidates are taken by how far they pass their floor, best first.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ...model import Unit
from ..chain import ordered_pairing
from ..similarity import Index, cosine
from .params import HALF, MAX_DF, NEIGHBOURS, TOP_K
from .state import Match, State, expected


def moves(st: State) -> None:
    """Pair the free units across the document: equal texts, then similar ones."""
    rest_l = [i for i, m in enumerate(st.lpair) if m is None]
    rest_r = [j for j, m in enumerate(st.rpair) if m is None]
    if not rest_l or not rest_r:
        return
    expect = expected(st)
    by_key: dict[str, list[int]] = {}
    for j in rest_r:
        by_key.setdefault(st.rkey[j], []).append(j)
    by_left: dict[str, list[int]] = {}
    for i in rest_l:
        by_left.setdefault(st.lkey[i], []).append(i)
    for key, ls in by_left.items():
        rs = by_key.get(key)
        if rs:
            for i, j in ordered_pairing(ls, rs, expect):
                st.add(Match([i], [j], 1.0, "move"))
    rest_r = [j for j in rest_r if st.rpair[j] is None]
    index = Index([st.vec_r(j) for j in rest_r], MAX_DF)
    cands = []
    parents = (_parents(st.lu), _parents(st.ru))
    for i in rest_l:
        if st.lpair[i] is not None:
            continue
        e = expect[i]
        near = nearest(rest_r, e, NEIGHBOURS)
        found = [rest_r[k] for k in index.candidates(st.vec_l(i), TOP_K)]
        for j in sorted({*near, *found}):
            s = cosine(st.vec_l(i), st.vec_r(j))
            floor = move_floor(st.threshold, abs(j - e) + _kind_change(st, i, j, parents))
            if s >= floor:
                cands.append((floor - s, abs(j - e), i, j, s))
    take(st, cands)
    along_blocks(st)


def along_blocks(st: State) -> None:
    """Extend each move along its block: the free units just before (after) both sides of a
    moved match are in order with it, so they pair as part of the moved block when alike at
    least `threshold` (a block of paragraphs moved together, one of them reworded in passing:
    expected beside its moved neighbour, it is no far move that needs `move_floor`). Repeated
    outward while the block goes on."""
    work = sorted((m for m in st.matches if m.kind == "move"), key=lambda m: m.left[0])
    while work:
        m = work.pop()
        for i, j in ((m.left[0] - 1, m.right[0] - 1),
                     (m.left[-1] + 1, m.right[-1] + 1)):
            if not (0 <= i < len(st.lu) and 0 <= j < len(st.ru)) \
                    or st.lpair[i] is not None or st.rpair[j] is not None:
                continue
            s = cosine(st.vec_l(i), st.vec_r(j))
            if s >= st.threshold:
                found = Match([i], [j], s, "move")
                st.add(found)
                work.append(found)


def move_floor(threshold: float, distance: int) -> float:
    """Least similarity of a changed text moved `distance` units from its expected place."""
    return threshold + (1.0 - threshold) * distance / (distance + HALF)


def _kind_change(st: State, i: int, j: int, parents: tuple[list[int], list[int]]) -> int:
    """Extra distance of a move that changes the unit's place in the structure: between a
    paragraph and a list item, or from one list to another (the two items' paragraphs are not
    paired with each other). A unit's kind and list are part of its place, so a clause that
    leaves its list while its words change has moved `HALF` units farther than its index says
    (a formulaic paragraph is not the new list item of the same template, "... cooperation in
    tourism." / "deepen cooperation in tourism;", nor an item the new item of another list)."""
    if st.lu[i].kind != st.ru[j].kind:
        return HALF
    pi, pj = parents[0][i], parents[1][j]
    if pi < 0 or pj < 0:
        return 0
    held = st.lpair[pi]
    return 0 if held is not None and pj in held.right else HALF


def _parents(units: Sequence[Unit]) -> list[int]:
    """For each unit, the index of the paragraph whose list it is in (-1 for a paragraph)."""
    at = {u.id: k for k, u in enumerate(units) if u.kind == "paragraph"}
    return [at.get(u.parent, -1) if u.parent else -1 for u in units]


def take(st: State, cands: list[tuple[float, int, int, int, float]]) -> None:
    """Take candidates (-margin, distance, i, j, similarity) best first while both units are
    free: the margin is how far the similarity passes the floor of the candidate's distance, so
    of two copies of a clause equally alike, the nearer is taken (the farther needs more)."""
    for _, _, i, j, s in sorted(cands):
        if st.lpair[i] is None and st.rpair[j] is None:
            st.add(Match([i], [j], s, "move"))


def nearest(sorted_idx: list[int], e: int, k: int) -> list[int]:
    """Up to k indices on each side of `e` in a sorted list."""
    p = bisect.bisect_left(sorted_idx, e)
    return sorted_idx[max(0, p - k) : p + k]
