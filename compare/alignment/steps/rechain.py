"""Step 4, the main sequence: the heaviest in-order chain over all matches.

Weight of a match: similarity times its units (averaged over the two sides). With `dissolve`
(the first round) every match outside the chain is undone, so its units get another chance with
the corrected anchors; without it (the second round) they are *moved*. `relabel`, the last
labelling once every match is made, counts pairs instead: only a one-to-one pair is reported
moved, so when a chain of pairs alone leaves fewer of them outside, that chain is the main
sequence (groups join it where they are in order with it).
"""

from __future__ import annotations

from ..chain import weighted_chain
from .state import Match, State

PART = 1e-6
"""Weight of a group in `relabel`'s chain, and of a pair's similarity beside its count of 1:
ties only."""


def rechain(st: State, dissolve: bool) -> None:
    """The main sequence is the heaviest in-order chain of all matches; the rest moved.

    With `dissolve`, a match outside the chain is undone instead: the first round only
    gathers evidence for the chain, and its units get another chance in the next round.
    """
    cands = [(m.left[0], m.right[0], m.similarity * (len(m.left) + len(m.right)) / 2)
             for m in st.matches]
    main = {(i, j) for i, j, _ in weighted_chain(cands)}
    keep = []
    for m in st.matches:
        if (m.left[0], m.right[0]) in main:
            m.kind = "gap" if m.kind == "move" else m.kind
        elif dissolve:
            for i in m.left:
                st.lpair[i] = None
            for j in m.right:
                st.rpair[j] = None
            continue
        else:
            m.kind = "move"
        keep.append(m)
    st.matches = keep


def relabel(st: State) -> bool:
    """The final labels: the longest in-order chain of one-to-one pairs (ties: the more
    similar, then the one holding more splits and merges in order) when it leaves fewer pairs
    outside it than the main sequence does; its pairs and groups are in order, the rest
    *moved*. A split or merge is never reported moved, and passing one moves no pair; the
    heaviest chain weighs a group by its units and can keep it in order at the cost of two
    pairs moved. Returns whether the labels changed."""
    def one(m: Match) -> bool:
        return len(m.left) == len(m.right) == 1

    cands = [(m.left[0], m.right[0], 1.0 + PART * m.similarity if one(m) else PART)
             for m in st.matches]
    main = {(i, j) for i, j, _ in weighted_chain(cands)}
    now = sum(1 for m in st.matches if one(m) and m.kind == "move")
    then = sum(1 for m in st.matches if one(m) and (m.left[0], m.right[0]) not in main)
    if then >= now:
        return False
    for m in st.matches:
        inside = (m.left[0], m.right[0]) in main
        m.kind = ("gap" if m.kind == "move" else m.kind) if inside else "move"
    return True
