"""Step 6, the rest: every unit still free is *removed* (left only) or *added* (right only)."""

from __future__ import annotations

from .state import Match, State


def rest(st: State) -> None:
    """One one-sided match per free unit, left ones first, each side in order."""
    for i, left in enumerate(st.lpair):
        if left is None:
            st.add(Match([i], [], 0.0, "removed"))
    for j, right in enumerate(st.rpair):
        if right is None:
            st.add(Match([], [j], 0.0, "added"))
