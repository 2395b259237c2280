"""Step 4, the main sequence: the heaviest in-order chain over all matches.

Weight of a match: similarity times its units (averaged over the two sides). With `dissolve`
(the first round) every match outside the chain is undone, so its units get another chance with
the corrected anchors; without it (the second round) they are *moved*.
"""

from __future__ import annotations

from ..chain import weighted_chain
from .state import State


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
