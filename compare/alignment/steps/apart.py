"""Step 5d', between renderings: parts of a split or merge that stand apart, and the main
sequence read as the longest in-order run.

Where the document pair is two renderings of one text (`evidence.level` below `WEAK`, or
`evidence.rendered`), two things that the edit-shaped steps read from similarity are read from
order and length instead:

- **Parts apart** (`parts_apart`). A translator may split a paragraph into two that are not
  neighbours (another paragraph between them), or merge two list items that were not
  neighbours. The part left free shares few words with its whole (it is reworded, so neither
  `CONTAIN` nor `REST` holds) but carries the evidence of a rendering: its most similar unit on
  the other side is the whole, within `APART` units of the group's parts it brings the two
  lengths closer, it shares a rare word (`evidence.shares_rare`: a number, a name, a word in at
  most two texts) with what the group's parts leave uncovered of the whole, and every name it
  gives is in the whole (`evidence.names_known`). Its new words may lower the group's
  similarity; best first (the largest rise), one unit per group and round.
- **The main sequence** (`main_sequence`). Between two renderings one similarity says little
  (a short list item rendered closely may score 0.6, its reordered neighbours 0.2): the
  heaviest in-order chain is chosen by units first, each match weighing its units times one
  plus its similarity, so the longer in-order run stays in place and the one pair that crosses
  it is *moved*, not the run around one strong pair. A split or merge stands in the chain by
  any of its parts (each (left, right) unit pair of it is a candidate with the group's
  weight): a paragraph between two parts merged apart is in order with the part after it.
  Matches in the chain are in place, the rest moved.
"""

from __future__ import annotations

from collections.abc import Callable

from ..chain import weighted_chain
from ..similarity import Index, Weighted, combine, cosine
from .evidence import level, names_known, rendered, shares_rare
from .params import APART, GROUP_MAX, MAX_DF, NATIVE, TOP_K, WEAK
from .renderings import native, ratio
from .restore import missing
from .state import Match, State

SIDES = ("right", "left")


def between_renderings(st: State) -> int:
    """Both rules where the document pair is two renderings; returns units joined plus
    matches whose place changed."""
    if level(st) >= WEAK and not rendered(st):
        return 0
    joined = parts_apart(st)
    return joined + main_sequence(st)


def parts_apart(st: State) -> int:
    """Free units join the group whose whole they render, apart from its parts (see the
    module docstring); returns how many joined."""
    best = {side: _best_whole(st, side) for side in SIDES}
    joined = 0
    for _ in range(GROUP_MAX):
        plans = []
        for s, side in enumerate(SIDES):
            for k, w in best[side].items():
                rise = _rise(st, side, k, w)
                if rise is not None:
                    plans.append((-round(rise, 9), s, k, w))
        done: list[Match] = []
        for _, s, k, w in sorted(plans):
            side = SIDES[s]
            m = (st.lpair if side == "right" else st.rpair)[w]
            if m is None or any(m is d for d in done) or _rise(st, side, k, w) is None:
                continue
            own = st.rpair if side == "right" else st.lpair
            group = m.right if side == "right" else m.left
            group[:] = sorted([*group, k])
            m.similarity = cosine(_one(st, side, w), combine(_vec(st, side)(g) for g in group))
            own[k] = m
            done.append(m)
            del best[side][k]
        if not done:
            break
        joined += len(done)
    return joined


def _best_whole(st: State, side: str) -> dict[int, int]:
    """For each free unit on `side`, its most similar unit on the other side (lowest index on
    ties), candidates from an inverted index over the other side."""
    own = st.rpair if side == "right" else st.lpair
    free = [k for k, m in enumerate(own) if m is None]
    if not free:
        return {}
    n_other = len(st.lu) if side == "right" else len(st.ru)
    others = [_one(st, side, w) for w in range(n_other)]
    index = Index(others, MAX_DF)
    out = {}
    for k in free:
        vec = _vec(st, side)(k)
        top = (0.0, -1)
        for w in sorted(index.candidates(vec, TOP_K)):
            s = cosine(vec, others[w])
            if s > top[0]:
                top = (s, w)
        if top[1] >= 0:
            out[k] = top[1]
    return out


def _rise(st: State, side: str, k: int, w: int) -> float | None:
    """How much free unit k (on `side`) raises the similarity of the group whose whole is w
    (the one unit of its match on the other side) when it joins as a part apart; None when it
    is no part there (see the module docstring)."""
    own = st.rpair if side == "right" else st.lpair
    m = (st.lpair if side == "right" else st.rpair)[w]
    if own[k] is not None or m is None or m.kind == "exact":
        return None
    group, other = (m.right, m.left) if side == "right" else (m.left, m.right)
    if other != [w] or len(group) >= GROUP_MAX or min(abs(k - g) for g in group) > APART:
        return None
    units = st.ru if side == "right" else st.lu
    target = len((st.lu if side == "right" else st.ru)[w].text)
    size = sum(len(units[g].text) for g in group)
    whole_unit = (st.lu if side == "right" else st.ru)[w]
    if ratio(target, size + len(units[k].text)) >= ratio(target, size) \
            or native(st, side, k) < NATIVE or not names_known(units[k], whole_unit):
        return None
    vec, whole = _vec(st, side), _one(st, side, w)
    if not shares_rare(st, vec(k), missing(whole, [vec(g) for g in group])):
        return None
    return cosine(whole, combine(vec(g) for g in sorted([*group, k]))) - m.similarity


def main_sequence(st: State) -> int:
    """Mark the matches outside the heaviest in-order chain (by units, then similarity: see
    the module docstring) moved and those in it in place; returns matches changed."""
    cands, of = [], {}
    for n, m in enumerate(st.matches):
        w = (len(m.left) + len(m.right)) / 2 * (1.0 + m.similarity)
        for i in m.left:
            for j in m.right:
                cands.append((i, j, w))
                of[i, j] = n
    main = {of[i, j] for i, j, _ in weighted_chain(cands)}
    changed = 0
    for n, m in enumerate(st.matches):
        if not (m.left and m.right):
            continue
        kind = ("gap" if m.kind == "move" else m.kind) if n in main else "move"
        changed += kind != m.kind
        m.kind = kind
    return changed


def _vec(st: State, side: str) -> Callable[[int], Weighted]:
    return st.vec_r if side == "right" else st.vec_l


def _one(st: State, side: str, w: int) -> Weighted:
    """The vector of unit w on the side facing `side`'s parts."""
    return st.vec_l(w) if side == "right" else st.vec_r(w)
