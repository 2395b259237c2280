"""Step 5c, scattered splits and merges: parts that are not neighbours of each other.

A clause split in two may have another unit between its halves (inserted, kept or moved there),
or one half may have moved away; clauses merged may come from different places. After the
earlier steps such a part is still free (or paired by order alone with a deleted neighbour's
place, below the threshold), and its text is largely contained (containment >=
`CONTAIN`) in one unit of the other side. `scattered` finds, for every free unit, the units of
the other side that contain it (candidates from an inverted index), and attaches it:

- to the match holding that containing unit, when the match is one-to-one or already a group on
  the part's side, not exact, below `GROUP_MAX`, and the group's similarity to the whole rises;
- or, when the containing unit is free too, gathers with the other free parts it contains into
  a new group whose similarity reaches the threshold (at least two parts).

Of several copies of one text (a repeated paragraph), only one of the two nearest where the
part's whole is expected (before and after) is a candidate: the nearer, or the other within
`NEAR` when its match lacks more of what the part brings (`_best_copy`); a part whose text
repeats one already in the group is not taken (`_raised`), and when an equal copy of the part
stands right beside the group, held one to one elsewhere, that copy joins the group and the
part takes its match as a move (`_twin`); a part held by a move to an equal text leaves that
move to a free copy of itself, the one nearest where the move's partner is expected
(`_stand_in`: the move step gave the move to the nearer copy, the part of the group beside
it). Attachments are taken best first (highest resulting similarity; ties: the part nearer
its match, `_nearness`, then side and indices), on both sides at once, so that swapping the
documents mirrors the result (split <-> merge). Parts are kept in their own document order.
"""

from __future__ import annotations

import bisect

from ..similarity import Index, combine, containment, cosine
from .groups import parts_fit
from .moves import nearest
from .params import CONTAIN, GROUP_MAX, HALF, MAX_DF, NEAR, NEIGHBOURS, TOP_K
from .state import Match, State

SIDES = ("right", "left")


Wholes = dict[str, tuple[list[int], dict[str, Index], dict[str, list[int]]]]
"""Per side of the parts: the units of the other side that may hold parts (as they were when
the step began), their index (built on first use, under the key "index": a side with no free
part needs none), and their positions by key (copies of one text)."""


def scattered(st: State) -> int:
    """Attach free contained parts to their wholes (two rounds: a part taken from a move frees
    the move's other unit); returns how many parts were attached."""
    wholes: Wholes = {}
    for side in SIDES:
        pairs = st.lpair if side == "right" else st.rpair
        keys = st.lkey if side == "right" else st.rkey
        members = [w for w, m in enumerate(pairs) if _can_hold(side, m)]
        copies: dict[str, list[int]] = {}
        for w in members:
            copies.setdefault(keys[w], []).append(w)
        wholes[side] = (members, {}, copies)
    spare = {side: _spare(st, side) for side in SIDES}
    found = {side: _containers(st, side, wholes, spare[side]) for side in SIDES}
    freed: dict[str, set[int]] = {side: set() for side in SIDES}
    attached = _attach_all(st, found, freed, spare)
    if any(freed.values()):  # a move undone: its other unit may be a part too
        again = {side: _containers(st, side, wholes, spare[side], freed[side])
                 for side in SIDES}
        attached += _attach_all(st, again, {side: set() for side in SIDES}, spare)
        found = {side: found[side] + again[side] for side in SIDES}
    return attached + _free_groups(st, found)


Found = dict[str, list[tuple[int, int]]]
"""Per side of the parts: (part, whole) candidates from `_containers`."""


Spare = dict[str, list[int]]
"""Free units of one side by key (copies of one text that no match holds), in order."""


def _spare(st: State, side: str) -> Spare:
    own = st.rpair if side == "right" else st.lpair
    keys = st.rkey if side == "right" else st.lkey
    out: Spare = {}
    for k, m in enumerate(own):
        if m is None:
            out.setdefault(keys[k], []).append(k)
    return out


def _stand_in(st: State, side: str, k: int, m: Match | None, spare: Spare,
              place: list[int] | None = None) -> int | None:
    """A free copy of part k's text (same side, the one nearest where its partner is
    expected) that can take k's place in its move `m` when k's text is equal to its partner's:
    of two copies of a text, one a part of a group beside it, the other left over, the moved
    one is the leftover (the move step gave the move to the nearer copy)."""
    if m is None or m.kind != "move" or len(m.left) != 1 or len(m.right) != 1 \
            or m.similarity < 1.0:
        return None
    keys, own = (st.rkey, st.rpair) if side == "right" else (st.lkey, st.lpair)
    partner = m.left[0] if side == "right" else m.right[0]
    free = [u for u in spare.get(keys[k], []) if own[u] is None and u != k]
    if not free:
        return None
    at = place if place is not None else _places(st, side)
    return min(free, key=lambda u: (abs(at[u] - partner), u))


def _attach_all(st: State, found: Found, freed: dict[str, set[int]],
                spare: dict[str, Spare]) -> int:
    plans: list[tuple[float, int, int, int, int]] = []  # (-similarity, distance, side, ...)
    for s, side in enumerate(SIDES):
        at = _places(st, side) if found[side] else []
        for part, whole in found[side]:
            sim = _gain(st, side, part, whole)
            if sim is not None:
                m = st.lpair[whole] if side == "right" else st.rpair[whole]
                assert m is not None
                group = m.right if side == "right" else m.left
                # rounded: copies of one text tie up to the float noise of summing in another
                # order, and the nearer part must then win
                plans.append((-round(sim, 9), _nearness(part, group, at[part], whole), s,
                              part, whole))
    attached = 0
    places: dict[str, list[int]] = {}  # where each unit is expected, for `_stand_in`
    for _, _, s, part, whole in sorted(plans):
        attached += _attach(st, SIDES[s], part, whole, freed, spare[SIDES[s]], places)
    return attached


def _nearness(part: int, group: list[int], place: int, whole: int) -> int:
    """How far a part is from its match: from the nearest unit of the group on its side, or
    from its whole when the whole stands where the part is expected (`place`), whichever is
    nearer. Of two copies of a part, the one beside the rest of the group is the part; so is
    the one whose own place the whole took (clauses merged at the second one's place, or a
    split whose first half stayed while the rest moved): its copy is someone else's."""
    return min(min(abs(part - k) for k in group), abs(place - whole))


def _containers(st: State, side: str, wholes: Wholes, spare: Spare,
                only: set[int] | None = None) -> list[tuple[int, int]]:
    """(part, whole): free units on `side` (those in `only`, if given) and the units of the
    other side (free, or in a match that can take a part) that contain them, in order."""
    parts_free = st.rpair if side == "right" else st.lpair
    place = _places(st, side)
    stand = {k for k, m in enumerate(parts_free) if m is not None and m.kind == "move"
             and m.similarity >= 1.0 and _stand_in(st, side, k, m, spare, place) is not None}
    free = [k for k, m in enumerate(parts_free)
            if (m is None or _loose(m, st.threshold) or k in stand)
            and (only is None or k in only)]
    if not free:
        return []
    whole_pair = st.lpair if side == "right" else st.rpair
    members, built, copies = wholes[side]
    keys = st.lkey if side == "right" else st.rkey
    whole_vec = st.vec_l if side == "right" else st.vec_r
    if "index" not in built:
        built["index"] = Index([whole_vec(w) for w in members], MAX_DF)
    index = built["index"]
    part_vec = st.vec_r if side == "right" else st.vec_l
    out = []
    for k in free:
        vec = part_vec(k)
        near = nearest(members, place[k], NEIGHBOURS)
        found = {*near, *(members[x] for x in index.candidates(vec, TOP_K))}
        # a copy found stands for its text: the part's copy of it is `_best_copy`
        best: dict[str, tuple[int, float]] = {}  # copies contain k alike: one test a text
        for w in found:
            if keys[w] not in best:
                same, c = copies[keys[w]], containment(vec, whole_vec(w), CONTAIN)
                best[keys[w]] = (w if c < CONTAIN or len(same) == 1 else
                                 _best_copy(st, side, k, same, place[k]), c)
        for w, c in sorted(set(best.values())):
            if not _can_hold(side, whole_pair[w]):
                continue
            m = parts_free[k]
            if c >= part_floor(_distance(side, k, w, whole_pair[w], place)) and (
                    m is None or c > m.similarity or k in stand):
                out.append((k, w))
    return out


def _best_copy(st: State, side: str, k: int, copies: list[int], place: int) -> int:
    """Of the copies of one text (a whole repeated in the document), the one that part k
    belongs to: the nearest to where k's whole is expected (`place`), or the nearest on the
    other side of `place` when it is within `NEAR` of it (the reach of a reworded part) and
    its match lacks more of what k brings (`_brings`: a copy reworded whole in its place lacks
    little, the copy split with its other half alone lacks k's half), weighed down with the
    distance from `place` as moves are (`HALF`); the nearer on a tie. A part belongs to the
    copy where it is expected, not to a farther copy whose group it happens to fit."""
    p = bisect.bisect_left(copies, place)
    near = copies[max(0, p - 1) : p + 1]
    nearest_one = min(near, key=lambda w: (abs(w - place), w))
    near = [w for w in near if w == nearest_one or abs(w - place) <= NEAR]
    if len(near) == 1:
        return near[0]

    def worth(w: int) -> float:
        return round(_brings(st, side, k, w) * HALF / (abs(w - place) + HALF), 9)

    return min(near, key=lambda w: (-worth(w), abs(w - place), w))


def _brings(st: State, side: str, k: int, w: int) -> float:
    """The share of whole w's squared weight that part k brings back: w's features that the
    other parts of its match on k's side lack (all of them when w is free) and k has."""
    whole = st.vec_l(w) if side == "right" else st.vec_r(w)
    m = st.lpair[w] if side == "right" else st.rpair[w]
    vec = st.vec_r if side == "right" else st.vec_l
    group = [] if m is None else [g for g in (m.right if side == "right" else m.left) if g != k]
    haves = [vec(g).weights for g in group]
    own = vec(k).weights
    back = sum(v * v for f, v in whole.weights.items()
               if f in own and not any(f in h for h in haves))
    return back / (whole.norm * whole.norm) if whole.norm else 0.0


def part_floor(distance: int) -> float:
    """Least containment of a part `distance` units from the rest of its group (or from where
    its whole is expected): `CONTAIN` near, rising towards 1 as for moves (`HALF`), so that a
    formulaic clause far away is not taken for a part."""
    return CONTAIN + (1.0 - CONTAIN) * distance / (distance + HALF)


def _distance(side: str, k: int, w: int, m: Match | None, place: list[int]) -> int:
    """How far part k is from the units already in w's group on its side (from the expected
    place of w, when w is free)."""
    if m is None:
        return abs(w - place[k])
    group = m.right if side == "right" else m.left
    return min(abs(k - g) for g in group)


def _places(st: State, side: str) -> list[int]:
    """For each unit on `side`, the index on the other side just after the partner of its
    nearest in-order predecessor: where its whole is most likely to be."""
    own = st.rpair if side == "right" else st.lpair
    out, cur = [], 0
    for m in own:
        out.append(cur)
        if m is not None and m.kind != "move" and m.left and m.right:
            cur = max(cur, (m.left if side == "right" else m.right)[-1] + 1)
    return out


def _loose(m: Match, threshold: float) -> bool:
    """A changed text paired as a move, or paired in its gap by order alone (below
    `threshold`), one to one: a part that its whole explains better (contains it more than
    the pair's similarity) is taken from it (a half of a split moved into the place of a
    deleted paragraph is that paragraph's neighbour in order, not its rewording)."""
    return len(m.left) == len(m.right) == 1 and (
        (m.kind == "move" and m.similarity < 1.0)
        or (m.kind == "gap" and m.similarity < threshold))


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
    """The similarity with `part` taken in, when it rises; None for a part whose text repeats
    one already in the group (a second copy of a text brings no word of the whole back: that
    it raises the cosine at all is the doubled weights leaning the group's way), or that would
    make the parts together longer than the whole by more than `PART_RATIO` (`groups.parts_fit`)."""
    keys = st.rkey if side == "right" else st.lkey
    if any(keys[k] == keys[part] for k in group):
        return None
    whole = m.left[0] if side == "right" else m.right[0]
    if not parts_fit(st, side, whole, [*group, part]):
        return None
    one = st.vec_l(m.left[0]) if side == "right" else st.vec_r(m.right[0])
    vec = st.vec_r if side == "right" else st.vec_l
    s = cosine(one, combine(vec(k) for k in sorted([*group, part])))
    return s if s > m.similarity else None


def _attach(st: State, side: str, part: int, whole: int, freed: dict[str, set[int]],
            spare: Spare, places: dict[str, list[int]]) -> int:
    """Take `part` into the match of `whole` if that still raises its similarity."""
    taken = st.rpair if side == "right" else st.lpair
    m = st.lpair[whole] if side == "right" else st.rpair[whole]
    held = taken[part]
    stand = None
    if held is not None and held.kind == "move" and held.similarity >= 1.0:
        if side not in places:
            places[side] = _places(st, side)
        stand = _stand_in(st, side, part, held, spare, places[side])
    if m is None or (held is not None and not _loose(held, st.threshold) and stand is None):
        return 0
    group, other = _group(st, side, m)
    if len(other) != 1 or len(group) >= GROUP_MAX:
        return 0
    s = _raised(st, side, m, group, part)
    if s is None:
        return 0
    if stand is not None and held is not None:  # a free copy of the part takes its move
        (held.right if side == "right" else held.left)[:] = [stand]
        taken[stand] = held
        taken[part] = None
        held.similarity = cosine(st.vec_l(held.left[0]), st.vec_r(held.right[0]))
    elif held is not None:  # the move is undone: its other unit is free again
        st.matches.remove(held)
        for i in held.left:
            st.lpair[i] = None
            freed["left"].add(i)
        for j in held.right:
            st.rpair[j] = None
            freed["right"].add(j)
    twin = _twin(st, side, part, group)
    if twin is not None:  # the copy beside the group is the part; `part` takes its place
        h = taken[twin]
        assert h is not None
        own = h.right if side == "right" else h.left
        own[own.index(twin)] = part
        taken[part] = h
        h.kind = "move"  # the copy stood in order at the group's side; `part` stands elsewhere
        h.similarity = cosine(combine(st.vec_l(i) for i in h.left),
                              combine(st.vec_r(j) for j in h.right))
        part = twin
    group[:] = sorted([*group, part])
    m.similarity = s
    taken[part] = m
    return 1


def _twin(st: State, side: str, part: int, group: list[int]) -> int | None:
    """An equal copy of `part` right beside `group` (next to its first or last unit), held
    one to one by another match that is not exact: of two copies of a text, the one beside
    the rest of a merge (or split) is its part, and the farther one takes the other's match."""
    keys = st.rkey if side == "right" else st.lkey
    taken = st.rpair if side == "right" else st.lpair
    for c in (group[0] - 1, group[-1] + 1):
        if c == part or not 0 <= c < len(keys) or keys[c] != keys[part]:
            continue
        h = taken[c]
        if h is not None and h.kind != "exact" and len(h.left) == len(h.right) == 1:
            return c
    return None


def _free_groups(st: State, found: Found) -> int:
    """Free units that contain two or more free parts of the other side, together alike
    enough (>= threshold): new splits and merges, best first. A text found twice among the
    parts is no part (two copies of one half bring one half back, `_raised`)."""
    plans: list[tuple[float, int, int, list[int]]] = []
    for s, side in enumerate(SIDES):
        by_whole: dict[int, list[int]] = {}
        taken = st.rpair if side == "right" else st.lpair
        for part, whole in found[side]:
            if taken[part] is None and (
                    st.lpair[whole] if side == "right" else st.rpair[whole]) is None:
                by_whole.setdefault(whole, []).append(part)
        keys = st.rkey if side == "right" else st.lkey
        for whole, parts in by_whole.items():
            parts = sorted(set(parts))
            seen = [keys[k] for k in parts]
            parts = [k for k in parts if seen.count(keys[k]) == 1]  # (`_raised`: no repeats)
            if len(parts) < 2:
                continue
            one = st.vec_l(whole) if side == "right" else st.vec_r(whole)
            vec = st.vec_r if side == "right" else st.vec_l
            group = parts[:GROUP_MAX]
            if not parts_fit(st, side, whole, group):
                continue
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
