"""Step 5b, independent renderings: where the matches around a gap are weak, order and length
are the evidence.

Two translations of one text share few words: a paragraph's rendering may be less alike its
original than `FLOOR` x threshold. A paragraph both keep word for word is paired first, and if
it moved it keeps the translated rest apart; `uncross` moves it when the renderings around it
chain in order across it and outweigh it. Where the matches around a gap are weak (median similarity
of the `CONTEXT` nearest below `WEAK`), the gap's units are chained in order among plausible
pairs (`plausible`: length ratio at most `RATIO`, more alike each other than most units within
`WINDOW` of the other's place, among the two best in a gap open at an end, each unit's
vocabulary at least `NATIVE` present in the other side, or the two sharing a rare word that is
no number: a clause paraphrased in all its words but one, a name or a rare noun kept, is no
stranger there); then each weak pair takes in free neighbours that bring its two lengths closer
while the similarity does not fall (`grow_by_length`: a paragraph split or merged under
rewording). A weak pair chained by order alone beside a split or merge gives its unit to that
group when the unit is far more alike the group's whole and brings a rare word of it back
(`regroup`). Last, every pair or group in a weak context takes in free units next to its parts
that bring the lengths closer and share a rare word with what its parts leave uncovered of the
whole (`complete`): the third part of a split, the second of a merge or the last items of a
list rendered as prose, reworded too far to be contained in the whole or to raise its cosine;
the length and the rare word are the evidence, so a neighbour sharing only formulaic words
stays added or removed. An item of a list whose intro or another item is already a part needs
no closer lengths (the document says it belongs with them), only lengths still within
`RATIO_GROW` and the rare word: the short last item of a paragraph rendered as a list. (Parts
that stand apart from their group are `steps.apart`'s.)
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Sequence

from ...model import Unit
from ..similarity import Weighted, combine, containment, cosine, without_pairs
from .evidence import level, shares_rare
from .gaps import diagonal_chain
from .params import ALL_PAIRS, CONTEXT, GROUP_MAX, LOW, NATIVE, RATIO, RATIO_GROW, WEAK, WINDOW
from .restore import missing
from .state import Match, State, gaps

SIDES = ("right", "left")


def renderings(st: State) -> None:
    """Chain plausible pairs in weak gaps (up to three rounds), grow weak pairs by length, then
    complete pairs and groups with the parts that length and rare words tie to them."""
    uncross(st)
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
    regroup(st)
    complete(st)


def uncross(st: State) -> int:
    """An in-place match that stands between free units it keeps apart (free left units before
    it and free right units after it, or the other way round, between the same neighbouring
    matches) may be one strong pair across a run of renderings: a paragraph kept word for word
    but moved, the rest translated. The free units of both sides between its neighbours are
    chained as in a weak gap (`plausible`); when its pairs are weak (median below `WEAK`) and
    those that cross the match outweigh it as the main sequence weighs them (`steps.apart`:
    units times one plus similarity), the chain's pairs are taken in place and the match is
    *moved*. Returns matches moved."""
    anchors = sorted((m for m in st.matches if m.kind != "move" and m.left and m.right),
                     key=lambda m: m.left[0])
    moved = 0
    for n, m in enumerate(anchors):
        lo_l, lo_r = (anchors[n - 1].left[-1] + 1, anchors[n - 1].right[-1] + 1) if n else (0, 0)
        hi_l, hi_r = (anchors[n + 1].left[0], anchors[n + 1].right[0]) \
            if n + 1 < len(anchors) else (len(st.lu), len(st.ru))
        ls = [i for i in range(lo_l, hi_l) if st.lpair[i] is None]
        rs = [j for j in range(lo_r, hi_r) if st.rpair[j] is None]
        before_l, before_r = sum(i < m.left[0] for i in ls), sum(j < m.right[0] for j in rs)
        across = min(before_l, len(rs) - before_r) + min(before_r, len(ls) - before_l)
        weight = (len(m.left) + len(m.right)) / 2 * (1.0 + m.similarity)
        if 2 * across <= weight or len(ls) * len(rs) > ALL_PAIRS:
            continue  # (too few units across it for any chain to outweigh it)
        chain: list[tuple[int, int, float]] = []
        for full in (False, True):  # the vocabulary test only once all else holds
            chain = _across(st, m, ls, rs, weight, full)
            if not chain:
                break
        if chain:
            m.kind = "move"
            for i, j, s in chain:
                st.add(Match([i], [j], s, "gap"))
            moved += 1
    return moved


def _across(st: State, m: Match, ls: list[int], rs: list[int], weight: float, full: bool
            ) -> list[tuple[int, int, float]]:
    """The chain of plausible pairs among `ls` x `rs` when it outweighs `m` across it (see
    `uncross`), else []; without `full`, plausible but for the vocabulary test."""
    open_end = ls[0] == 0 or rs[0] == 0 or ls[-1] == len(st.lu) - 1 or rs[-1] == len(st.ru) - 1
    cands = [(i, j, s) for i in ls for j in rs
             if (s := plausible(st, i, j, open_end, full)) > 0.0]
    chain = [(i, j, cosine(st.vec_l(i), st.vec_r(j))) for i, j, _ in
             diagonal_chain(cands, ls, rs)]
    crossing = [s for i, j, s in chain if (i < m.left[0]) != (j < m.right[0])]
    sims = sorted(s for _, _, s in chain)
    if not chain or sims[len(sims) // 2] >= WEAK or sum(1.0 + s for s in crossing) <= weight:
        return []
    return chain


def plausible(st: State, i: int, j: int, open_end: bool, vocabulary: bool = True) -> float:
    """The weight of (i, j) as a pair of renderings, or 0 when it is not plausible (without
    `vocabulary`, each unit's vocabulary is not looked for in the other side)."""
    r = ratio(len(st.lu[i].text), len(st.ru[j].text))
    if r > RATIO:
        return 0.0
    s = cosine(st.vec_l(i), st.vec_r(j))
    if s <= 0.0 or (vocabulary and min(native(st, "left", i), native(st, "right", j)) < NATIVE
                    and not shares_rare(st, st.vec_l(i), st.vec_r(j), words=True)):
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


def regroup(st: State) -> int:
    """Where the document pair is weakly alike (`evidence.level` below `WEAK`), a weak one-to-one
    pair chained by order alone (below half the level and `LOW` x threshold) gives up a unit to
    the neighbouring match whose single unit on the other side it is far more alike (at least
    half the level, over twice the weak pair's similarity): when the unit lies next to that
    match's parts, brings the two lengths closer and shares a rare word with what the parts
    leave uncovered. The unit becomes a part of that merge or split; the weak pair's other unit
    is freed (for `complete`, or to stay added or removed). So an unrelated pair is not called
    *reworded* because order put the two side by side beside a merge. Returns units moved."""
    lvl = level(st)
    if lvl >= WEAK:
        return 0
    weak, floor = min(LOW * st.threshold, lvl / 2), lvl / 2
    plans = []
    for n, m in enumerate(st.matches):
        if m.kind != "gap" or len(m.left) != 1 or len(m.right) != 1 or m.similarity >= weak:
            continue
        for side in SIDES:  # the side on which the unit joins its neighbour's parts
            k = m.right[0] if side == "right" else m.left[0]
            taken = st.rpair if side == "right" else st.lpair
            for x in (k - 1, k + 1):
                near = taken[x] if 0 <= x < len(taken) else None
                if near is None or near is m or near.kind not in ("gap", "exact"):
                    continue
                s = _regroup_weight(st, near, side, k)
                if s >= floor and s > 2 * m.similarity:
                    plans.append((-round(s, 9), SIDES.index(side), k, n, st.matches.index(near)))
    moved, undone, grown = 0, set(), set()
    for _, s_ix, k, n, t in sorted(plans):
        if n in undone or n in grown or t in undone:
            continue
        m, near, side = st.matches[n], st.matches[t], SIDES[s_ix]
        undone.add(n)
        grown.add(t)
        st.lpair[m.left[0]] = st.rpair[m.right[0]] = None
        group = near.right if side == "right" else near.left
        group[:] = sorted([*group, k])
        (st.rpair if side == "right" else st.lpair)[k] = near
        near.similarity = cosine(_whole(st, near, side),
                                 combine(_vec(st, side)(g) for g in group))
        moved += 1
    st.matches = [m for n, m in enumerate(st.matches) if n not in undone]
    return moved


def _regroup_weight(st: State, near: Match, side: str, k: int) -> float:
    """The similarity of unit `k` (on `side`) to `near`'s one unit on the other side when it
    would complete `near` there (lengths closer, a rare word of what `near`'s parts lack); else
    0."""
    group, other = (near.right, near.left) if side == "right" else (near.left, near.right)
    if len(other) != 1 or len(group) >= GROUP_MAX:
        return 0.0
    units = st.ru if side == "right" else st.lu
    target = len((st.lu if side == "right" else st.ru)[other[0]].text)
    size = sum(len(units[g].text) for g in group)
    if ratio(target, size + len(units[k].text)) >= ratio(target, size):
        return 0.0
    vec, whole = _vec(st, side), _whole(st, near, side)
    if not shares_rare(st, vec(k), missing(whole, [vec(g) for g in group])):
        return 0.0
    return cosine(whole, vec(k))


def complete(st: State) -> int:
    """Pairs and groups in a weak context (`context` below `WEAK`) take in free units beside
    (or between) their parts that bring the two lengths closer and share a rare word
    (`evidence.shares_rare`) with the features of the whole that its parts lack, best first
    (the highest similarity then), one unit per match and round; returns how many joined. So
    the last parts of a split, merge or list rendered as prose join although reworded beyond
    `LOOSE` containment (their new words may even lower the cosine), and a neighbour sharing
    only common words ("the Member States") with the whole stays apart. A further item of a
    list already among the parts may also lengthen the group, up to `RATIO_GROW`."""
    chain = sorted((m.left[0], m.similarity) for m in st.matches if m.left and m.right)
    live = [n for n, m in enumerate(st.matches) if m.kind == "gap" and m.left and m.right
            and context(chain, m.left) < WEAK]
    joined = 0
    for _ in range(GROUP_MAX):
        plans = []
        for n in live:  # a match with no plan gets none later: units are only taken here
            for s, side in enumerate(SIDES):
                for rise, k in _completions(st, st.matches[n], side):
                    plans.append((-round(rise, 9), s, k, n))
        done: set[int] = set()
        for _, s, k, n in sorted(plans):
            m, side = st.matches[n], SIDES[s]
            taken = st.rpair if side == "right" else st.lpair
            if n in done or taken[k] is not None:
                continue
            group = m.right if side == "right" else m.left
            group[:] = sorted([*group, k])
            m.similarity = cosine(_whole(st, m, side), combine(_vec(st, side)(g) for g in group))
            taken[k] = m
            done.add(n)
        if not done:
            break
        joined += len(done)
        live = sorted({n for *_, n in plans})
    return joined


def _completions(st: State, m: Match, side: str) -> list[tuple[float, int]]:
    """(rise of the similarity, unit) for each free unit on `side` next to one of `m`'s parts
    there that would complete it (see `complete`; `m`'s other side must be one unit)."""
    group, other = (m.right, m.left) if side == "right" else (m.left, m.right)
    if len(other) != 1 or len(group) >= GROUP_MAX:
        return []
    units = st.ru if side == "right" else st.lu
    taken = st.rpair if side == "right" else st.lpair
    vec, whole = _vec(st, side), _whole(st, m, side)
    target = len((st.lu if side == "right" else st.ru)[other[0]].text)
    size = sum(len(units[g].text) for g in group)
    lacks: Weighted | None = None
    out = []
    for k in sorted({x for g in group for x in (g - 1, g + 1) if 0 <= x < len(units)}):
        r = ratio(target, size + len(units[k].text))
        if taken[k] is not None or (r >= ratio(target, size)
                                    and not (r <= RATIO_GROW and _same_list(units, k, group))):
            continue
        if lacks is None:
            lacks = missing(whole, [vec(g) for g in group])
        if native(st, side, k) >= NATIVE and shares_rare(st, vec(k), lacks):
            s = cosine(whole, combine(vec(g) for g in sorted([*group, k])))
            out.append((s - m.similarity, k))
    return out


def _same_list(units: Sequence[Unit], k: int, group: list[int]) -> bool:
    """Whether unit k is an item of a list whose intro or another item is in `group`."""
    parent = units[k].parent
    return parent is not None and any(units[g].id == parent or units[g].parent == parent
                                      for g in group)


def _vec(st: State, side: str) -> Callable[[int], Weighted]:
    return st.vec_r if side == "right" else st.vec_l


def _whole(st: State, m: Match, side: str) -> Weighted:
    """The vector of the one unit on the side of `m` facing `side`'s parts."""
    return st.vec_l(m.left[0]) if side == "right" else st.vec_r(m.right[0])


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
