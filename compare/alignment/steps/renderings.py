"""Step 5b, independent renderings: where the matches around a gap are weak, order and length
are the evidence.

Two translations of one text share few words: a paragraph's rendering may be less alike its
original than `FLOOR` x threshold. Where the matches around a gap are weak (median similarity
of the `CONTEXT` nearest below `WEAK`), the gap's units are chained in order among plausible
pairs (`plausible`: length ratio at most `RATIO`, more alike each other than most units within
`WINDOW` of the other's place, among the two best in a gap open at an end, each unit's
vocabulary at least `NATIVE` present in the other side); then each weak pair takes in free
neighbours that bring its two lengths closer while the similarity does not fall
(`grow_by_length`: a paragraph split or merged under rewording).
"""

from __future__ import annotations

import bisect
import math

from ..similarity import combine, containment, cosine, without_pairs
from .gaps import diagonal_chain
from .params import ALL_PAIRS, CONTEXT, GROUP_MAX, NATIVE, RATIO, RATIO_GROW, WEAK, WINDOW
from .state import Match, State, gaps


def renderings(st: State) -> None:
    """Chain plausible pairs in weak gaps (up to three rounds), then grow weak pairs by length."""
    for _ in range(3):
        added = 0
        chain = sorted((m.left[0], m.similarity) for m in st.matches if m.left and m.right)
        for ls, rs in gaps(st):
            if len(ls) * len(rs) > ALL_PAIRS or context(chain, ls) >= WEAK:
                continue
            open_end = ls[0] == 0 or rs[0] == 0 or ls[-1] == len(st.lu) - 1 \
                or rs[-1] == len(st.ru) - 1
            cands = [(i, j, s) for i in ls for j in rs
                     if (s := plausible(st, i, j, open_end)) > 0.0]
            for i, j, _ in diagonal_chain(cands, ls, rs):
                st.add(Match([i], [j], cosine(st.vec_l(i), st.vec_r(j)), "gap"))
                added += 1
        if not added:
            break
    for m in sorted(st.matches, key=lambda m: m.left[0] if m.left else -1):
        if m.kind == "gap" and m.similarity < WEAK and len(m.left) == len(m.right) == 1:
            grow_by_length(st, m)


def plausible(st: State, i: int, j: int, open_end: bool) -> float:
    """The weight of (i, j) as a pair of renderings, or 0 when it is not plausible."""
    r = ratio(len(st.lu[i].text), len(st.ru[j].text))
    if r > RATIO:
        return 0.0
    s = cosine(st.vec_l(i), st.vec_r(j))
    if s <= 0.0 or min(native(st, "left", i), native(st, "right", j)) < NATIVE:
        return 0.0
    row = [cosine(st.vec_l(i), st.vec_r(k)) for k in window(j, len(st.ru))]
    col = [cosine(st.vec_l(k), st.vec_r(j)) for k in window(i, len(st.lu))]
    for others in (row, col):
        above = sum(x > s for x in others)
        if len(others) < 2 or above * 2 >= len(others) or (open_end and above > 1):
            return 0.0
    return 1.0 + s - math.log(r)


def native(st: State, side: str, k: int) -> float:
    """Share of a unit's vocabulary (words, prefixes) found anywhere in the other side."""
    whole_l, whole_r = st.whole_sides()
    if side == "left":
        return containment(without_pairs(st.vec_l(k)), whole_r)
    return containment(without_pairs(st.vec_r(k)), whole_l)


def grow_by_length(st: State, m: Match) -> None:
    """Take in unmatched neighbours while the two lengths come closer (split or merge)."""
    for side in ("right", "left"):
        if len(m.left) > 1 or len(m.right) > 1:
            return
        group = m.right if side == "right" else m.left
        other = st.lu[m.left[0]] if side == "right" else st.ru[m.right[0]]
        one = st.vec_l(m.left[0]) if side == "right" else st.vec_r(m.right[0])
        units, vec = (st.ru, st.vec_r) if side == "right" else (st.lu, st.vec_l)
        taken = st.rpair if side == "right" else st.lpair
        target = len(other.text)
        if ratio(target, len(units[group[0]].text)) <= RATIO_GROW:
            continue
        while len(group) < GROUP_MAX:
            now = ratio(target, sum(len(units[k].text) for k in group))
            best = None
            for nxt in (group[0] - 1, group[-1] + 1):
                if not 0 <= nxt < len(units) or taken[nxt] is not None:
                    continue
                new = sorted([*group, nxt])
                r = ratio(target, sum(len(units[k].text) for k in new))
                s = cosine(one, combine(vec(k) for k in new))
                if r < now and s >= m.similarity and (best is None or r < best[0]):
                    best = (r, s, new, nxt)
            if best is None:
                break
            group[:] = best[2]
            m.similarity = best[1]
            taken[best[3]] = m


def context(chain: list[tuple[int, float]], ls: list[int]) -> float:
    """Median similarity of the `CONTEXT` nearest matches (by left index) before and after a
    gap; 1.0, not weak, when fewer than two matches are near (nothing to lean on)."""
    k = bisect.bisect_left(chain, (ls[0], -1.0)) if ls else 0
    near = sorted(s for _, s in chain[max(0, k - CONTEXT) : k + CONTEXT])
    return near[len(near) // 2] if len(near) >= 2 else 1.0


def ratio(a: int, b: int) -> float:
    """The longer length over the shorter (1.0 when equal; large when one is empty)."""
    lo, hi = min(a, b), max(a, b)
    return hi / lo if lo else float("inf") if hi else 1.0


def window(k: int, n: int) -> list[int]:
    """Up to 2 x `WINDOW` indices around k (k itself left out): where k's rivals are."""
    lo = max(0, min(k - WINDOW, n - 2 * WINDOW - 1))
    return [x for x in range(lo, min(n, lo + 2 * WINDOW + 1)) if x != k]
