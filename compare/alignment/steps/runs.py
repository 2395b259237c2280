"""Step 5k, runs of copies: equal copies trade partners, a run at a time, so moves are short.

Two units of one side with equal keys are interchangeable as partners, and the earlier steps
give each its partner one unit at a time (the exact chain the earliest copy, a move the nearest
free one). That leaves two readings a reader would not give: a block moved beside the same block
of the next session (a long text repeating its sessions) is read as the other copy moved, so the
move spans the block it stands beside as well; and two copies of one paragraph, each in a block
that moved, take each other's place, so a block that kept its place loses a unit to the moves
and a shorter block stays in order instead. So a moved one-to-one match trades its unit on one
side with an equal copy held by another one-to-one match (moved or in order) that stands near it
on that side or is partnered near its partner (within `REACH`), alone or together with the
pairs of matches beside the two that hold equal copies too and continue either one's diagonal
(a block traded whole, up to `RUN_MAX`), when the longest in-order chain of the matches around
(`rechain.relabel`'s count, read within `SWAP_WINDOW`) gains a pair, or keeps as many and the
pairs it leaves out (the moved ones) are nearer their places: a pair (i, j) as far as j is from
where i is expected plus i from where j is (`state.expected`, read once before the trades). Of
two equal readings the one whose moves are shorter is the move a reader sees. The moves are
taken by their left units, the first trade that qualifies made; `rechain` relabels after. Both
sides are tried alike, so swapping the documents mirrors the result.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from ..chain import weighted_chain
from .copies import swap
from .params import SWAP_WINDOW
from .rechain import PART
from .state import Match, State, expected

REACH = 24
"""Units (on either side) within which an equal copy, or the partner of one, may trade with a
move in `trade_runs`; the chain deciding is read within `SWAP_WINDOW` around both."""

RUN_MAX = 8
"""Most pairs of matches one trade carries (a block moved whole)."""

Trade = list[tuple[Match, Match]]


def _one(m: Match | None) -> bool:
    return m is not None and len(m.left) == 1 and len(m.right) == 1


def trade_runs(st: State) -> int:
    """Trade partners between runs of equal copies where fewer pairs move or the moves get
    shorter (see the module docstring); returns how many trades were made."""
    traded = 0
    moves = sorted((m for m in st.matches if m.kind == "move" and _one(m)),
                   key=lambda m: (m.left[0], m.right[0]))
    if not moves:
        return 0
    copies = (_copies(st.lkey), _copies(st.rkey))
    if not copies[0] and not copies[1]:
        return 0
    ahead = (expected(st), expected(st, "right"))
    for m2 in moves:
        if m2.kind == "move" and _first_trade(st, m2, copies, ahead):
            traded += 1
    return traded


def _first_trade(st: State, m2: Match, copies: tuple[dict[str, list[int]], dict[str, list[int]]],
                 ahead: tuple[list[int], list[int]]) -> bool:
    """Make the first trade of move m2 that qualifies (the module docstring); whether one was."""
    for left_side in (True, False):
        for m in _rivals(st, m2, left_side, copies[0 if left_side else 1]):
            for run in _runs(st, m, m2, left_side):
                if not _may_shorten(run, left_side, ahead):
                    continue
                gain, chain, shorter = _gain(st, run, left_side, ahead)
                if gain > PART / 2 or (gain > -PART / 2 and shorter > 0):
                    _trade(st, run, left_side, chain)
                    return True
    return False


def _sides(st: State, left_side: bool) -> tuple[list[Match | None], list[Match | None]]:
    return (st.lpair, st.rpair) if left_side else (st.rpair, st.lpair)


def _unit(m: Match, left_side: bool) -> int:
    return m.left[0] if left_side else m.right[0]


def _partner(m: Match, left_side: bool) -> int:
    return m.right[0] if left_side else m.left[0]


def _rivals(st: State, m2: Match, left_side: bool, copies: dict[str, list[int]]) -> list[Match]:
    """One-to-one matches holding an equal copy of m2's unit on one side (`copies`: the units of
    each repeated key there, in order): near that unit, or partnered near m2's partner; in
    order of their position, each once."""
    own, other = _sides(st, left_side)
    keys = st.lkey if left_side else st.rkey
    u, p = _unit(m2, left_side), _partner(m2, left_side)
    at = copies.get(keys[u])
    if at is None:
        return []
    found: dict[int, Match] = {}
    for c in at[bisect.bisect_left(at, u - REACH):bisect.bisect_right(at, u + REACH)]:
        m = own[c]
        if c != u and m is not None and _one(m):
            found[c] = m
    for k in range(max(0, p - REACH), min(len(other), p + REACH + 1)):
        m = other[k]
        if m is not None and m is not m2 and len(m.left) == 1 and len(m.right) == 1:
            c = _unit(m, left_side)
            if c != u and keys[c] == keys[u]:
                found[c] = m
    return [found[c] for c in sorted(found)]


def _copies(keys: list[str]) -> dict[str, list[int]]:
    """The positions of each key found more than once, in order."""
    out: dict[str, list[int]] = {}
    for k, key in enumerate(keys):
        out.setdefault(key, []).append(k)
    return {key: at for key, at in out.items() if len(at) > 1}


def _runs(st: State, m: Match, m2: Match, left_side: bool) -> list[Trade]:
    """The trade of m and m2 alone, and (when longer) with the pairs of matches beside them
    that hold equal copies and continue either one's diagonal."""
    own, _ = _sides(st, left_side)
    keys = st.lkey if left_side else st.rkey
    run: Trade = [(m, m2)]
    taken = {id(m), id(m2)}
    for step in (1, -1):
        t = step
        while len(run) < RUN_MAX:
            a, b = _unit(m, left_side) + t, _unit(m2, left_side) + t
            if not (0 <= a < len(own) and 0 <= b < len(own)):
                break
            x, y = own[a], own[b]
            if not (_one(x) and _one(y)) or x is y or keys[a] != keys[b]:
                break
            assert x is not None and y is not None
            if id(x) in taken or id(y) in taken:
                break
            if _partner(x, left_side) != _partner(m, left_side) + t \
                    and _partner(y, left_side) != _partner(m2, left_side) + t:
                break
            run.append((x, y))
            taken.update((id(x), id(y)))
            t += step
    return [run[:1], run] if len(run) > 1 else [run]


def _pairs(run: Trade, left_side: bool, traded: bool) -> dict[int, int]:
    """Left unit -> right unit of the run's matches, before or after the trade."""
    out = {}
    for x, y in run:
        for a, b in ((x, y), (y, x)):
            unit = _unit(b if traded else a, left_side)
            part = _partner(a, left_side)
            i, j = (unit, part) if left_side else (part, unit)
            out[i] = j
    return out


def _far(pairs: Iterable[tuple[int, int]], ahead: tuple[list[int], list[int]]) -> int:
    """How far pairs (i, j) are from their places: j from where i is expected plus i from
    where j is (`ahead`), summed."""
    return sum(abs(j - ahead[0][i]) + abs(i - ahead[1][j]) for i, j in pairs)


def _may_shorten(run: Trade, left_side: bool, ahead: tuple[list[int], list[int]]) -> bool:
    """Whether the run's moves may be shorter after the trade (a quick test before `_gain`):
    the pairs moved now against the traded pairs of the same matches."""
    now, then = [], []
    for x, y in run:
        for a, b in ((x, y), (y, x)):
            if a.kind == "move":
                unit = _unit(b, left_side)
                now.append((a.left[0], a.right[0]))
                then.append((unit, a.right[0]) if left_side else (a.left[0], unit))
    return _far(then, ahead) < _far(now, ahead)


def _gain(st: State, run: Trade, left_side: bool, ahead: tuple[list[int], list[int]]
          ) -> tuple[float, set[tuple[int, int]], int]:
    """(gain, chain, shorter): the pairs in the longest in-order chain of the matches around
    the run after the trade, less before (`rechain.relabel`'s count: a one-to-one match counts
    1, a group `PART`), read within `SWAP_WINDOW` of the run's units on both sides; the pairs
    of that chain after the trade; how much shorter (`_far`) the run's pairs outside the chain
    are after the trade than before."""
    seen: dict[int, Match] = {}
    for side, ks in ((st.lpair, [m.left[0] for pair in run for m in pair]),
                     (st.rpair, [m.right[0] for pair in run for m in pair])):
        for k in range(max(0, min(ks) - SWAP_WINDOW), min(len(side), max(ks) + SWAP_WINDOW + 1)):
            m = side[k]
            if m is not None and m.left and m.right:
                seen[id(m)] = m
    involved = {id(m) for pair in run for m in pair}
    rest = [_count(m.left[0], m.right[0], _one(m)) for m in seen.values()
            if id(m) not in involved]
    old, new = _pairs(run, left_side, False), _pairs(run, left_side, True)
    base = _chain(rest + [_count(i, j, True) for i, j in old.items()])
    then = _chain(rest + [_count(i, j, True) for i, j in new.items()])
    gain = sum(w for _, _, w in then.values()) - sum(w for _, _, w in base.values())
    shorter = _far((p for p in old.items() if p not in base), ahead) \
        - _far((p for p in new.items() if p not in then), ahead)
    return gain, set(then), shorter


def _chain(cands: list[tuple[int, int, float]]) -> dict[tuple[int, int], tuple[int, int, float]]:
    return {(i, j): (i, j, w) for i, j, w in weighted_chain(sorted(cands))}


def _count(i: int, j: int, one: bool) -> tuple[int, int, float]:
    return (i, j, 1.0 if one else PART)


def _trade(st: State, run: Trade, left_side: bool, chain: set[tuple[int, int]]) -> None:
    """Make the trade; a traded match in the local chain is in order, one outside moved (until
    `rechain` reads the whole)."""
    for x, y in run:
        swap(st, x, y, left_side)
        for m in (x, y):
            if (m.left[0], m.right[0]) not in chain:
                m.kind = "move"
            elif m.kind == "move":
                m.kind = "gap"
