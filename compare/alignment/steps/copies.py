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

from ..chain import weighted_chain
from ..similarity import cosine
from .params import SWAP_WINDOW
from .state import Match, State

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
            _swap(st, m, m2, left_side)
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
    return _weight(traded) - _weight(base)


def _cand(m: Match) -> Cand:
    return (m.left[0], m.right[0], m.similarity * (len(m.left) + len(m.right)) / 2)


def _weight(cands: list[Cand]) -> float:
    return sum(w for _, _, w in weighted_chain(sorted(cands)))


def _swap(st: State, m: Match, m2: Match, left_side: bool) -> None:
    if left_side:
        m.left, m2.left = m2.left, m.left
        st.lpair[m.left[0]], st.lpair[m2.left[0]] = m, m2
    else:
        m.right, m2.right = m2.right, m.right
        st.rpair[m.right[0]], st.rpair[m2.right[0]] = m, m2
    for x in (m, m2):  # equal keys, so the same up to a normalisation-only difference of text
        x.similarity = cosine(st.vec_l(x.left[0]), st.vec_r(x.right[0]))
