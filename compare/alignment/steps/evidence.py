"""Step 5d, evidence between renderings: where the whole document pair is weakly alike (two
translations of one text), a weak pair needs evidence, and a clause that moved is found.

The document pair's level is the median similarity of its changed one-to-one matches; below
`WEAK` the two texts are independent renderings and order alone has paired many units. Then:

- a weak pair (below half the level, and below `LOW` x threshold) gives way when one of its
  units has a free counterpart more than twice as similar (and at least half the level) that
  shares a rare word with it: that counterpart is its rendering,
  moved, and the other unit of the weak pair is left unpaired (an unrelated pair is never
  *reworded* while the true counterpart is listed as added);
- two free units that are each other's best free match, at least half the level alike and
  sharing a rare word (a number, a name, any word found in at most two texts of the pair),
  are a rendering moved.
"""

from __future__ import annotations

import math

from ..similarity import Index, Weighted, cosine
from .params import LOW, MAX_DF, TOP_K, WEAK
from .state import Match, State


def level(st: State) -> float:
    """Median similarity of the changed one-to-one matches; 1.0 when fewer than three."""
    sims = sorted(m.similarity for m in st.matches
                  if len(m.left) == len(m.right) == 1 and m.kind != "exact")
    return sims[len(sims) // 2] if len(sims) >= 3 else 1.0


def renderings_evidence(st: State) -> int:
    """Apply both rules where the document pair is weakly alike; returns pairs changed."""
    lvl = level(st)
    if lvl >= WEAK:
        return 0
    return _give_way(st, lvl) + _moved_renderings(st, lvl)


def _free(st: State) -> tuple[list[int], list[int]]:
    return ([i for i, m in enumerate(st.lpair) if m is None],
            [j for j, m in enumerate(st.rpair) if m is None])


def _best(vec: Weighted, members: list[int], index: Index, other: list[Weighted]
          ) -> tuple[float, int]:
    """The most similar member (similarity, index), lowest index on ties; (0, -1) if none."""
    best = (0.0, -1)
    for k in sorted(members[x] for x in index.candidates(vec, TOP_K)):
        s = cosine(vec, other[k])
        if s > best[0]:
            best = (s, k)
    return best


def _give_way(st: State, lvl: float) -> int:
    free_l, free_r = _free(st)
    vl = [st.vec_l(i) for i in range(len(st.lu))]
    vr = [st.vec_r(j) for j in range(len(st.ru))]
    idx_l, idx_r = Index([vl[i] for i in free_l], MAX_DF), Index([vr[j] for j in free_r], MAX_DF)
    weak, floor = min(LOW * st.threshold, lvl / 2), lvl / 2
    plans = []
    for n, m in enumerate(st.matches):
        if m.kind != "gap" or len(m.left) != 1 or len(m.right) != 1 or m.similarity >= weak:
            continue
        i, j = m.left[0], m.right[0]
        s_r, alt_r = _best(vl[i], free_r, idx_r, vr)
        s_l, alt_l = _best(vr[j], free_l, idx_l, vl)
        for s, pair in ((s_r, (i, alt_r)), (s_l, (alt_l, j))):
            if s >= floor and s > 2 * m.similarity and pair[0] >= 0 and pair[1] >= 0 \
                    and shares_rare(st, vl[pair[0]], vr[pair[1]]):
                plans.append((-s, pair, n))
    changed, undone = 0, set()
    for neg, (i, j), n in sorted(plans):
        m = st.matches[n]
        if n in undone or st.lpair[i] not in (None, m) or st.rpair[j] not in (None, m):
            continue
        undone.add(n)
        st.lpair[m.left[0]] = st.rpair[m.right[0]] = None
        st.add(Match([i], [j], -neg, "move"))
        changed += 1
    st.matches = [m for n, m in enumerate(st.matches) if n not in undone]
    return changed


def _moved_renderings(st: State, lvl: float) -> int:
    free_l, free_r = _free(st)
    if not free_l or not free_r:
        return 0
    vl = [st.vec_l(i) for i in range(len(st.lu))]
    vr = [st.vec_r(j) for j in range(len(st.ru))]
    idx_l, idx_r = Index([vl[i] for i in free_l], MAX_DF), Index([vr[j] for j in free_r], MAX_DF)
    made = 0
    for i in free_l:
        s, j = _best(vl[i], free_r, idx_r, vr)
        if j < 0 or s < max(lvl / 2, LOW * st.threshold / 2) or st.rpair[j] is not None:
            continue
        if _best(vr[j], free_l, idx_l, vl)[1] != i or not shares_rare(st, vl[i], vr[j]):
            continue
        st.add(Match([i], [j], s, "move"))
        made += 1
    return made


def shares_rare(st: State, a: Weighted, b: Weighted) -> bool:
    """Whether two texts share a rare word: a number, or a word (not a prefix or pair) whose
    idf says it is in at most two distinct texts of the pair."""
    high = st.space.default_idf - math.log(2)
    for f in a.weights:
        if f in b.weights and " " not in f and not f.startswith("^") and (
                f.isdigit() or st.space.idf.get(f, 0.0) >= high - 1e-9):
            return True
    return False
