"""Steps 5h and 5i, late pairing: the gaps filled again, then free neighbours paired.

Steps 5c-5g free units (a move given up to a scattered part's split, a part taken out of a
group) after gap filling has run; `refill` fills the gaps once more as in step 5 (and, where
the documents are two renderings, undoes again a new pair alike only by a shared frame, as
step 5d did). What is left free on both sides is mostly deleted and inserted text, but a
clause reworded heavily (a paraphrase keeping its meaning and few of its words) is left free
too when its place is no gap of its own: scattered groups around it span it, or it stands at
the edge of a moved run. Its counterpart is then free within a few units of where it is
expected. `nearby` pairs a free left unit and a free right unit (*reworded*; *moved* when out
of order with their neighbours, and then only at the edge of a moved run: a move on its own
needs the threshold, step 3) when each is the other's most similar free unit within
`EXCHANGE_NEAR` units of where it is expected beside its nearest matched neighbours, the two
are alike at least `LOW` x threshold (the floor of pairing by order between anchors; `FLOOR` x
threshold when they are the one unit a side between the same two matches, a gap inside a moved
run, as step 5 pairs the one free unit a side between two anchors), of one
kind (paragraphs or list items), of a length (within `RATIO`) and not alike by a shared frame
alone (`evidence.on_frame`), and not when just one of them is a near copy of the matched unit
beside it (`gaps.one_twin`). A deletion beside an unrelated insertion shares too few words to
reach that floor. Mutual best on both sides, so swapping the documents mirrors the result.
"""

from __future__ import annotations

import bisect

from ..similarity import cosine
from .evidence import level, on_frame, rendered
from .exchange import kind_at
from .gaps import fill_gaps, one_twin
from .params import EXCHANGE_NEAR, FLOOR, LOW, RATIO, WEAK
from .state import Match, State


def refill(st: State) -> int:
    """Fill the gaps once more as in step 5 (at most three rounds), after steps 5c-5g freed
    units or changed gaps; where the document pair is two renderings (the condition of step
    5d), a new pair alike only by a shared frame is undone again, as step 5d undid it.
    Returns how many pairs were kept."""
    before = {id(m) for m in st.matches}
    for _ in range(3):
        if not fill_gaps(st, low=True):
            break
    new = [m for m in st.matches if id(m) not in before]
    if new and (level(st) < WEAK or rendered(st)):
        for m in new:
            if len(m.left) == len(m.right) == 1 and on_frame(st, m.left[0], m.right[0]):
                st.matches.remove(m)
                st.lpair[m.left[0]] = st.rpair[m.right[0]] = None
    return sum(1 for m in st.matches if id(m) not in before)


def nearby(st: State) -> int:
    """Pair free units that are each other's best free match near their places; returns how
    many pairs were made."""
    free_l = [i for i, m in enumerate(st.lpair) if m is None]
    free_r = [j for j, m in enumerate(st.rpair) if m is None]
    if not free_l or not free_r:
        return 0
    floor = FLOOR * st.threshold
    best_l = _best(st, free_l, free_r, "left", floor)
    best_r = _best(st, free_r, free_l, "right", floor)
    made = 0
    for i, (j, s) in sorted(best_l.items()):
        if best_r.get(j, (None, 0.0))[0] != i or (s < LOW * st.threshold
                                                  and not _enclosed(st, i, j)):
            continue
        if s < st.threshold and one_twin(st, i, j):
            continue  # a near copy of its neighbour is added beside it (`gaps.one_twin`)
        kind = kind_at(st, i, j)
        if kind == "move" and not _extends_run(st, i, j):
            continue  # a move on its own needs the threshold (step 3), not this floor
        st.add(Match([i], [j], s, kind))
        made += 1
    return made


def _enclosed(st: State, i: int, j: int) -> bool:
    """Whether left unit i and right unit j are each the one unit between the same two
    matches on both sides (the units before them in one match, those after in another): a
    gap of one unit a side inside a moved run, where step 5 pairs at `FLOOR` x threshold."""
    if not (0 < i < len(st.lu) - 1 and 0 < j < len(st.ru) - 1):
        return False
    before, after = st.lpair[i - 1], st.lpair[i + 1]
    return before is not None and after is not None and before is st.rpair[j - 1] \
        and after is st.rpair[j + 1] and before is not after


def _extends_run(st: State, i: int, j: int) -> bool:
    """Whether left unit i and right unit j stand right before (or right after) the two
    units of one moved match: the pair is the edge of a moved run."""
    for d in (-1, 1):
        if 0 <= i + d < len(st.lu) and 0 <= j + d < len(st.ru):
            m = st.lpair[i + d]
            if m is not None and m is st.rpair[j + d] and m.kind == "move":
                return True
    return False


def places(st: State, side: str, k: int) -> list[int]:
    """Where unit k of `side` is expected on the other side: just after the partners of its
    nearest matched unit before it, just before those of its nearest matched unit after it
    (each within `EXCHANGE_NEAR` units; any match, a moved run's too, and every unit of a
    group: a clause beside a scattered part or a moved run stands beside its counterpart)."""
    own = st.lpair if side == "left" else st.rpair
    out: list[int] = []
    for step in (-1, 1):
        for q in range(k + step, k + step * (EXCHANGE_NEAR + 1), step):
            if not 0 <= q < len(own):
                break
            m = own[q]
            if m is not None:
                out += [o - step for o in (m.right if side == "left" else m.left)]
                break
    return out


def _best(st: State, own: list[int], others: list[int], side: str,
          floor: float) -> dict[int, tuple[int, float]]:
    """For each free unit of `side`, its most similar free unit of the other side within
    `EXCHANGE_NEAR` of a place where it is expected (`places`; ties: lower index), if it
    passes `floor` and `_plausible`."""
    out = {}
    for k in own:
        cands: set[int] = set()
        for at in places(st, side, k):
            lo = bisect.bisect_left(others, at - EXCHANGE_NEAR)
            cands.update(others[lo:bisect.bisect_right(others, at + EXCHANGE_NEAR)])
        found: tuple[float, int] | None = None
        for o in sorted(cands):
            i, j = (k, o) if side == "left" else (o, k)
            s = cosine(st.vec_l(i), st.vec_r(j))
            # the cheap tests first: `_plausible` reads the frame of the pair
            if s >= floor and (found is None or (-s, o) < found) and _plausible(st, i, j):
                found = (-s, o)
        if found is not None:
            out[k] = (found[1], -found[0])
    return out


def _plausible(st: State, i: int, j: int) -> bool:
    """Of one kind, of a length (within `RATIO`), and alike by more than a shared frame
    (`evidence.on_frame`: one formula about different named things)."""
    a, b = st.lu[i], st.ru[j]
    la, lb = len(a.text), len(b.text)
    return a.kind == b.kind and max(la, lb) <= RATIO * min(la, lb) and not on_frame(st, i, j)
