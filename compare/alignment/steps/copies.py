"""Step 4b, copies: which of two equal copies is in the main sequence and which moved.

Two copies of one text are interchangeable as partners: when a left unit i is in the main
sequence with right unit j, and a left unit i' with the same key moved to a right unit j' near
j (within `SWAP_WINDOW`), the two can trade partners (i with j', i' with j) without changing
any similarity. The chain decides: the trade is made when the heaviest in-order chain over the
1:1 and group matches around j and j' is heavier with it (for example a reworded copy of the
text right before an exact one, with a moved copy of it from elsewhere: the exact one anchored
in place pushed the reworded neighbour between them out of order, so two units moved where one
did). The same holds with the sides swapped (two right copies of one left text), so the step
is symmetric. `rechain` runs again after a trade to relabel what is moved.
"""

from __future__ import annotations

import bisect

from ..chain import weighted_chain
from ..similarity import cosine
from .moves import move_floor
from .params import ALL_PAIRS, LOW, SWAP_WINDOW
from .state import Match, State, expected

Cand = tuple[int, int, float]


def trade_copies(st: State) -> int:
    """Trade partners between equal copies where the local main chain gains; returns how many."""
    traded = 0
    for m2 in sorted((m for m in st.matches if m.kind == "move"), key=lambda m: m.right[0]):
        if len(m2.left) != 1 or len(m2.right) != 1:
            continue
        if _trade(st, m2, left_side=True) or _trade(st, m2, left_side=False):
            traded += 1
    return traded


def _trade(st: State, m2: Match, left_side: bool) -> bool:
    """Try trading m2's unit on one side with an equal copy anchored near m2's other unit."""
    i2, j2 = m2.left[0], m2.right[0]
    far, pos = (i2, j2) if left_side else (j2, i2)
    keys = st.lkey if left_side else st.rkey
    here = st.rpair if left_side else st.lpair
    n = len(here)
    for p in range(max(0, pos - SWAP_WINDOW), min(n, pos + SWAP_WINDOW + 1)):
        m = here[p]
        if m is None or m is m2 or m.kind == "move" or len(m.left) != 1 or len(m.right) != 1:
            continue
        mine = m.left[0] if left_side else m.right[0]
        if mine == far or keys[mine] != keys[far]:
            continue
        lo, hi = min(p, pos) - SWAP_WINDOW, max(p, pos) + SWAP_WINDOW
        if _gain(st, m, m2, left_side, lo, hi) > 1e-9:
            swap(st, m, m2, left_side)
            return True
    return False


def _gain(st: State, m: Match, m2: Match, left_side: bool, lo: int, hi: int) -> float:
    """Weight of the local heaviest chain with m and m2 trading partners, less without."""
    near = st.rpair if left_side else st.lpair
    seen: dict[int, Match] = {}
    for p in range(max(0, lo), min(len(near), hi + 1)):
        x = near[p]
        if x is not None:
            seen[id(x)] = x
    seen[id(m2)] = m2
    base = [_cand(x) for x in seen.values()]
    if left_side:
        a, b = (m2.left[0], m.right[0], m.similarity), (m.left[0], m2.right[0], m2.similarity)
    else:
        a, b = (m.left[0], m2.right[0], m.similarity), (m2.left[0], m.right[0], m2.similarity)
    traded = [_cand(x) for x in seen.values() if x is not m and x is not m2] + [a, b]
    free = _free_pairs(st, [x for x in seen.values() if x is not m2], left_side, lo, hi)
    return _weight(traded + free) - _weight(base + free)


def _free_pairs(st: State, local: list[Match], left_side: bool, lo: int, hi: int
                ) -> list[Cand]:
    """Pairs of free units in the window (lo..hi on the side `near` is read on, within the
    span of the local matches on the other) alike at least `LOW` x threshold: what the gap
    filling of step 5 will pair once the order allows it, so a trade that lets a reworded
    neighbour pair in its gap gains its weight (the copy in order beside a heavily reworded
    clause is the move, not the one that keeps the clause out of its gap)."""
    near, far = (st.rpair, st.lpair) if left_side else (st.lpair, st.rpair)
    ends = [(x.left if left_side else x.right)[k] for x in local for k in (0, -1)]
    if not ends:
        return []
    ns = [k for k in range(max(0, lo), min(len(near), hi + 1)) if near[k] is None]
    fs = [k for k in range(min(ends), max(ends) + 1) if far[k] is None]
    out = []
    for n in ns:
        for f in fs:
            i, j = (f, n) if left_side else (n, f)
            sim = cosine(st.vec_l(i), st.vec_r(j))
            if sim >= LOW * st.threshold:
                out.append((i, j, sim))
    return out


def _cand(m: Match) -> Cand:
    return (m.left[0], m.right[0], m.similarity * (len(m.left) + len(m.right)) / 2)


def _weight(cands: list[Cand]) -> float:
    return sum(w for _, _, w in weighted_chain(sorted(cands)))


def swap(st: State, m: Match, m2: Match, left_side: bool) -> None:
    """Trade the left (or right) units of two matches, and score both again (`trade_runs`
    trades runs of them the same way)."""
    if left_side:
        m.left, m2.left = m2.left, m.left
        st.lpair[m.left[0]], st.lpair[m2.left[0]] = m, m2
    else:
        m.right, m2.right = m2.right, m.right
        st.rpair[m.right[0]], st.rpair[m2.right[0]] = m, m2
    for x in (m, m2):  # equal keys, so the same up to a normalisation-only difference of text
        x.similarity = cosine(st.vec_l(x.left[0]), st.vec_r(x.right[0]))


def free_copies(st: State) -> int:
    """A free copy takes the partner of its twin's move when the twin then pairs in its own
    gap; returns how many trades were made.

    Of two copies c and u of one text (one side), the move step gives a moved partner p to the
    copy nearer where p is expected, c, and u is left free, even when c had a partner in its
    own place: a paragraph repeated in every session of a long text, moved far in one session
    and heavily reworded in place in the one before (the reworded one, less alike its old text
    than the moved one, was left to the moves, which gave the moved text to the nearer copy).
    So when u can take p as a move (`move_floor` of u's distance) and c, freed, has in its gap
    a free counterpart q that is its best there and takes it as its best (at least `LOW` x
    threshold alike), u takes p and c pairs with q; or when q is the one free unit between the
    partners of c's two neighbours, alike c at least `LOW` x threshold (`_run_hole`: a block
    moved with c, c reworded, its old text given to the nearer copy). The same when c is
    paired in order in its gap and u stands in that gap on the other side of c from q ("R x R"
    -> "R' R''": the first R takes the light rewording R', the second the heavy one, x is
    removed). Both sides, best first (most alike q).
    """
    plans: list[tuple[float, int, int, int, int]] = []  # (-sim(c, q), side, u, c, q)
    expect = {"left": expected(st), "right": expected(st, "right")}
    for s, side in enumerate(("left", "right")):
        own = st.lpair if side == "left" else st.rpair
        keys = st.lkey if side == "left" else st.rkey
        free: dict[str, list[int]] = {}
        for k, m in enumerate(own):
            if m is None:
                free.setdefault(keys[k], []).append(k)
        for m in st.matches:
            if m.kind not in ("move", "gap") or len(m.left) != 1 or len(m.right) != 1:
                continue
            c, p = (m.left[0], m.right[0]) if side == "left" else (m.right[0], m.left[0])
            us = free.get(keys[c])
            if not us:
                continue
            if m.kind == "gap":  # in order: the copy must stand in the same gap
                lo, hi = _own_gap(own, c)
                us = us[bisect.bisect_right(us, lo) : bisect.bisect_left(us, hi)]
                if not us:
                    continue
            u = min(us, key=lambda x: (abs(expect[side][x] - p), x))
            if m.kind == "move" and m.similarity < move_floor(st.threshold,
                                                              abs(expect[side][u] - p)):
                continue
            found = _gap_partner(st, side, c) or _run_hole(st, side, c)
            if found is not None and (m.kind == "move" or (u - c) * (p - found[1]) > 0):
                plans.append((-found[0], s, u, c, found[1]))
    traded = 0
    for _, s, u, c, q in sorted(plans):
        side = ("left", "right")[s]
        own, other = (st.lpair, st.rpair) if side == "left" else (st.rpair, st.lpair)
        m = own[c]
        if own[u] is not None or other[q] is not None or m is None \
                or m.kind not in ("move", "gap"):
            continue
        if side == "left":
            m.left = [u]
            st.add(Match([c], [q], cosine(st.vec_l(c), st.vec_r(q)), "gap"))
        else:
            m.right = [u]
            st.add(Match([q], [c], cosine(st.vec_l(q), st.vec_r(c)), "gap"))
        own[u] = m
        m.similarity = cosine(st.vec_l(m.left[0]), st.vec_r(m.right[0]))
        traded += 1
    return traded


def _own_gap(own: list[Match | None], c: int) -> tuple[int, int]:
    """The nearest units before and after unit c held by another match than c's (-1 and the
    side's length when there is none): c's gap on its own side."""
    lo, hi = c - 1, c + 1
    while lo >= 0 and own[lo] is None:
        lo -= 1
    while hi < len(own) and own[hi] is None:
        hi += 1
    return lo, hi




def _gap_partner(st: State, side: str, c: int) -> tuple[float, int] | None:
    """(similarity, q): the free unit q of the other side between the in-order anchors around
    unit c that c is most alike, and that is most alike c among the free units of its side
    there, at least `LOW` x threshold; None if there is none."""
    own, other = (st.lpair, st.rpair) if side == "left" else (st.rpair, st.lpair)
    lo, hi = _anchors(st, side, c), _anchors(st, side, c, after=True)
    vec_c, vec_o = (st.vec_l, st.vec_r) if side == "left" else (st.vec_r, st.vec_l)
    qs = [x for x in range(lo + 1, hi) if other[x] is None]
    if not qs or len(qs) > ALL_PAIRS:
        return None
    best = max((cosine(vec_c(c), vec_o(x)), -x) for x in qs)
    sim, q = best[0], -best[1]
    if sim < LOW * st.threshold:
        return None
    flip = "right" if side == "left" else "left"
    olo, ohi = _anchors(st, flip, q), _anchors(st, flip, q, after=True)
    rivals = [k for k in range(olo + 1, ohi) if own[k] is None]
    if any(cosine(vec_o(q), vec_c(k)) > sim for k in rivals):
        return None
    return sim, q


def _run_hole(st: State, side: str, c: int) -> tuple[float, int] | None:
    """(similarity, q): the free unit q of the other side standing alone between the partners
    of c's two neighbours, each paired one to one (c's place in a run moved with it: a block
    moved with its middle paragraph reworded, whose old text a copy elsewhere took), when q
    and c are alike at least `LOW` x threshold; None otherwise."""
    own, other = (st.lpair, st.rpair) if side == "left" else (st.rpair, st.lpair)
    if not 0 < c < len(own) - 1:
        return None
    a, b = own[c - 1], own[c + 1]
    if a is None or b is None or a is b or any(
            len(m.left) != 1 or len(m.right) != 1 for m in (a, b)):
        return None
    pa, pb = (a.right[0], b.right[0]) if side == "left" else (a.left[0], b.left[0])
    if pb - pa != 2 or other[pa + 1] is not None:
        return None
    q = pa + 1
    sim = cosine(st.vec_l(c), st.vec_r(q)) if side == "left" else cosine(st.vec_r(c),
                                                                          st.vec_l(q))
    return (sim, q) if sim >= LOW * st.threshold else None


def _anchors(st: State, side: str, k: int, after: bool = False) -> int:
    """The bound on the other side set by the nearest in-order match before unit k of `side`
    (its last partner; -1 if none), or after it (its first partner; the other side's length)."""
    own = st.lpair if side == "left" else st.rpair
    step = 1 if after else -1
    x = k + step
    while 0 <= x < len(own):
        m = own[x]
        if m is not None and m.kind != "move":
            part = m.right if side == "left" else m.left
            return part[0] if after else part[-1]
        x += step
    return (len(st.ru) if side == "left" else len(st.lu)) if after else -1


def hole_copies(st: State) -> int:
    """A free unit standing in a hole of a run (or at a moved run's edge) takes the partner of
    its equal copy's move when that partner stands in the same place of the run on the other
    side; returns how many trades.

    Of two copies c and u of one text (one side), the move step may give a unit p to u while c
    is held elsewhere; when a later step frees c (its far move given up to a scattered part),
    c stands in a hole of a run, its neighbours paired with p's neighbours (p - 1 and p + 1,
    one to one: a block moved with its middle paragraph reworded), or right before (after) a
    moved match whose partner stands right before (after) p, while u's neighbours are paired
    with neither of p's (a block moved whole, its first paragraph given to a copy elsewhere).
    Order is then the evidence equal copies leave: c is p's counterpart, and u, paired out of
    order, is free again (the pair is in order, not moved, when both neighbours' matches are).
    Both sides; the moves in the order of their left units, each traded only when one free
    copy stands so (a hole before an edge).
    """
    traded = 0
    for side in ("left", "right"):
        own, other = (st.lpair, st.rpair) if side == "left" else (st.rpair, st.lpair)
        keys = st.lkey if side == "left" else st.rkey
        for m in sorted((m for m in st.matches if m.kind == "move"), key=lambda m: m.left[0]):
            if len(m.left) != 1 or len(m.right) != 1:
                continue
            u, p = (m.left[0], m.right[0]) if side == "left" else (m.right[0], m.left[0])
            cs = []  # free copies of u's text beside the units paired with p's neighbours
            for d in (-1, 1):
                x = other[p + d] if 0 <= p + d < len(other) else None
                if x is not None and len(x.left) == len(x.right) == 1:
                    c = (x.left[0] if side == "left" else x.right[0]) - d
                    if 0 <= c < len(own) and own[c] is None and keys[c] == keys[u] \
                            and c not in cs:
                        cs.append(c)
            if not cs:
                continue
            beside = {c: _beside(st, side, c, p) for c in cs}
            hole = [c for c in cs if len(beside[c]) == 2]
            edge = [c for c in cs if len(beside[c]) == 1 and beside[c][0].kind == "move"]
            if len(hole) != 1 and (hole or len(edge) != 1 or _beside(st, side, u, p)):
                continue
            c = (hole or edge)[0]
            own[u] = None
            if side == "left":
                m.left = [c]
            else:
                m.right = [c]
            own[c] = m
            m.similarity = cosine(st.vec_l(m.left[0]), st.vec_r(m.right[0]))
            if len(beside[c]) == 2 and all(x.kind != "move" for x in beside[c]):
                m.kind = "gap"  # between two matches of the main sequence: in order
            traded += 1
    return traded


def _beside(st: State, side: str, c: int, p: int) -> list[Match]:
    """The matches that pair unit c's neighbours on `side` one to one with p's neighbours on
    the other side, each on its own side (c - 1 with p - 1, c + 1 with p + 1)."""
    own, other = (st.lpair, st.rpair) if side == "left" else (st.rpair, st.lpair)
    out = []
    for d in (-1, 1):
        if not (0 <= c + d < len(own) and 0 <= p + d < len(other)):
            continue
        x = own[c + d]
        if x is not None and len(x.left) == len(x.right) == 1 and x is other[p + d]:
            out.append(x)
    return out
