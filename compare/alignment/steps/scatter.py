"""Step 5c, scattered splits and merges: parts that are not neighbours of each other.

A clause split in two may have another unit between its halves (inserted, kept or moved there),
or one half may have moved away; clauses merged may come from different places. After the
earlier steps such a part is still free, and its text is largely contained (containment >=
`CONTAIN`) in one unit of the other side. `scattered` finds, for every free unit, the units of
the other side that contain it (candidates from an inverted index), and attaches it:

- to the match holding that containing unit, when the match is one-to-one or already a group on
  the part's side, not exact, below `GROUP_MAX`, and the group's similarity to the whole rises;
- or, when the containing unit is free too, gathers with the other free parts it contains into
  a new group whose similarity reaches the threshold (at least two parts).

Attachments are taken best first (highest resulting similarity; ties by side, then indices), on
both sides at once, so that swapping the documents mirrors the result (split <-> merge). Parts
are kept in their own document order.
"""

from __future__ import annotations

from ..similarity import Index, combine, containment, cosine
from .params import CONTAIN, GROUP_MAX, MAX_DF, TOP_K
from .state import Match, State

SIDES = ("right", "left")


def scattered(st: State) -> int:
    """Attach free contained parts to their wholes (two rounds: a part taken from a move frees
    the move's other unit); returns how many parts were attached."""
    attached = 0
    for _ in range(2):
        found = _attach_all(st)
        attached += found
        if not found:
            break
    return attached + _free_groups(st)


def _attach_all(st: State) -> int:
    plans: list[tuple[float, int, int, int, int]] = []  # (-similarity, distance, side, ...)
    for s, side in enumerate(SIDES):
        for part, whole in _containers(st, side):
            sim = _gain(st, side, part, whole)
            if sim is not None:
                m = st.lpair[whole] if side == "right" else st.rpair[whole]
                assert m is not None
                group = m.right if side == "right" else m.left
                plans.append((-sim, min(abs(part - k) for k in group), s, part, whole))
    attached = 0
    for _, _, s, part, whole in sorted(plans):
        attached += _attach(st, SIDES[s], part, whole)
    return attached


def _containers(st: State, side: str) -> list[tuple[int, int]]:
    """(part, whole): free units on `side` and the units of the other side (free, or in a match
    that can take a part) that contain them, in order."""
    parts_free = st.rpair if side == "right" else st.lpair
    free = [k for k, m in enumerate(parts_free) if m is None or _loose(m)]
    if not free:
        return []
    whole_pair = st.lpair if side == "right" else st.rpair
    wholes = [w for w, m in enumerate(whole_pair) if _can_hold(side, m)]
    whole_vec = st.vec_l if side == "right" else st.vec_r
    part_vec = st.vec_r if side == "right" else st.vec_l
    index = Index([whole_vec(w) for w in wholes], MAX_DF)
    out = []
    for k in free:
        vec = part_vec(k)
        for w in sorted(wholes[x] for x in index.candidates(vec, TOP_K)):
            c = containment(vec, whole_vec(w))
            m = parts_free[k]
            if c >= CONTAIN and (m is None or c > m.similarity):
                out.append((k, w))
    return out


def _loose(m: Match) -> bool:
    """A changed text paired as a move, one to one: a part that its whole explains better
    (contains it more than the move's similarity) is taken from the move."""
    return m.kind == "move" and len(m.left) == len(m.right) == 1 and m.similarity < 1.0


def _can_hold(side: str, m: Match | None) -> bool:
    """Whether a unit held by `m` (or free) can be the whole of parts on `side`: free, or one
    unit of a match that is not exact and has room on the parts' side."""
    if m is None:
        return True
    group, other = (m.right, m.left) if side == "right" else (m.left, m.right)
    return m.kind != "exact" and len(other) == 1 and len(group) < GROUP_MAX


def _group(st: State, side: str, m: Match) -> tuple[list[int], list[int]]:
    """(the group on the parts' side, the whole's side) of a match seen from `side`."""
    return (m.right, m.left) if side == "right" else (m.left, m.right)


def _gain(st: State, side: str, part: int, whole: int) -> float | None:
    """The similarity of `whole`'s match with `part` taken in, when it can take it and rises."""
    m = st.lpair[whole] if side == "right" else st.rpair[whole]
    if m is None or m.kind == "exact":
        return None
    group, other = _group(st, side, m)
    if len(other) != 1 or len(group) >= GROUP_MAX:
        return None
    return _raised(st, side, m, group, part)


def _raised(st: State, side: str, m: Match, group: list[int], part: int) -> float | None:
    one = st.vec_l(m.left[0]) if side == "right" else st.vec_r(m.right[0])
    vec = st.vec_r if side == "right" else st.vec_l
    s = cosine(one, combine(vec(k) for k in sorted([*group, part])))
    return s if s > m.similarity else None


def _attach(st: State, side: str, part: int, whole: int) -> int:
    """Take `part` into the match of `whole` if that still raises its similarity."""
    taken = st.rpair if side == "right" else st.lpair
    m = st.lpair[whole] if side == "right" else st.rpair[whole]
    held = taken[part]
    if m is None or (held is not None and not _loose(held)):
        return 0
    group, other = _group(st, side, m)
    if len(other) != 1 or len(group) >= GROUP_MAX:
        return 0
    s = _raised(st, side, m, group, part)
    if s is None:
        return 0
    if held is not None:  # the move is undone: its other unit is free again
        st.matches.remove(held)
        for i in held.left:
            st.lpair[i] = None
        for j in held.right:
            st.rpair[j] = None
    group[:] = sorted([*group, part])
    m.similarity = s
    taken[part] = m
    return 1


def _free_groups(st: State) -> int:
    """Free units that contain two or more free parts of the other side, together alike
    enough (>= threshold): new splits and merges, best first."""
    plans: list[tuple[float, int, int, list[int]]] = []
    for s, side in enumerate(SIDES):
        by_whole: dict[int, list[int]] = {}
        for part, whole in _containers(st, side):
            if (st.lpair[whole] if side == "right" else st.rpair[whole]) is None:
                by_whole.setdefault(whole, []).append(part)
        for whole, parts in by_whole.items():
            if len(parts) < 2:
                continue
            one = st.vec_l(whole) if side == "right" else st.vec_r(whole)
            vec = st.vec_r if side == "right" else st.vec_l
            group = sorted(parts)[:GROUP_MAX]
            sim = cosine(one, combine(vec(k) for k in group))
            if sim >= st.threshold:
                plans.append((-sim, s, whole, group))
    made = 0
    for neg, s, whole, group in sorted(plans):
        side = SIDES[s]
        taken = st.rpair if side == "right" else st.lpair
        own = st.lpair if side == "right" else st.rpair
        if own[whole] is not None or any(taken[k] is not None for k in group):
            continue
        left, right = ([whole], group) if side == "right" else (group, [whole])
        st.add(Match(left, right, -neg, "gap"))
        made += len(group)
    return made
