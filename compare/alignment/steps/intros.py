"""Step 5f, list intros: a list's intro goes with its items when they are parts of one whole.

A paragraph turned into a list ("The member states: stand ready ...; step up ...") is a split
of the paragraph into the new intro and its items; a list turned into a paragraph is the merge
of intro and items. The items carry the whole's words and are found as parts by the earlier
steps; the intro is short, may be reworded ("The SCO member countries:"), and is as much
contained in the paragraph before as in its own whole, so it is left free or taken as the last
part of the neighbouring split. The document's structure settles it: an intro introduces its
items. When the first item of a list is in a group of two or more units on its side, matched to
one unit of the other side, and the intro is free or a part of another such group (never of a
one-to-one or exact match), and it shares any feature with that whole, it joins its items'
group. Both sides alike, so swapping the documents mirrors the result (split <-> merge).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Unit
from ..similarity import Weighted, combine, cosine
from .params import GROUP_MAX
from .state import Match, State

SIDES = ("right", "left")


def intros(st: State) -> int:
    """Move or attach list intros to their items' group; returns how many joined."""
    joined = 0
    for side in SIDES:
        units = st.ru if side == "right" else st.lu
        own = st.rpair if side == "right" else st.lpair
        for k in _heads(units):
            target = own[k + 1]
            if target is None or target is own[k] or not _group_of_one(side, target):
                continue
            held = own[k]
            if held is not None and not (_group_of_one(side, held) and len(_parts(side, held)) > 1):
                continue
            whole = _whole_vec(st, side, target)
            vec = st.vec_r if side == "right" else st.vec_l
            if cosine(vec(k), whole) == 0.0 or len(_parts(side, target)) >= GROUP_MAX:
                continue
            if held is not None:
                _take_out(st, side, held, k)
            group = _parts(side, target)
            group[:] = sorted([*group, k])
            target.similarity = cosine(whole, combine(vec(g) for g in group))
            own[k] = target
            joined += 1
    return joined


def _heads(units: Sequence[Unit]) -> list[int]:
    """Indices of paragraphs followed by their own items (list intros), in order."""
    return [k for k in range(len(units) - 1)
            if units[k].kind == "paragraph" and units[k + 1].parent == units[k].id]


def _parts(side: str, m: Match) -> list[int]:
    return m.right if side == "right" else m.left


def _group_of_one(side: str, m: Match) -> bool:
    """A split (parts on `side`) or merge whose whole is one unit: two or more parts, not exact."""
    other = m.left if side == "right" else m.right
    return m.kind != "exact" and len(other) == 1 and len(_parts(side, m)) > 1


def _whole_vec(st: State, side: str, m: Match) -> Weighted:
    return st.vec_l(m.left[0]) if side == "right" else st.vec_r(m.right[0])


def _take_out(st: State, side: str, m: Match, k: int) -> None:
    """Remove part k from group match `m` (which keeps at least one part)."""
    group = _parts(side, m)
    group.remove(k)
    vec = st.vec_r if side == "right" else st.vec_l
    m.similarity = cosine(_whole_vec(st, side, m), combine(vec(g) for g in group))
