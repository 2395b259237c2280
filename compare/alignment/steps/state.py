"""The state the aligner's steps share: the units, their keys and vectors, and the matches so far.

`State` is the one mutable object of the alignment: each step (`compare.alignment.steps.*`)
reads it and adds, changes or undoes `Match`es through it, and nothing else is shared between
steps. `lpair[i]` / `rpair[j]` name the match that holds left unit i / right unit j (None while
free). `gaps` and `expected` are the two views of the matches that several steps need: the free
units between consecutive in-order matches, and where each left unit is expected on the right.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ...model import Unit
from ..normalize import match_key
from ..similarity import Space, Weighted, combine


@dataclass
class Match:
    """One pairing under construction: left and right unit indices, similarity and its kind
    ("exact", "gap", "move", then "removed" and "added" for the rest)."""

    left: list[int]
    right: list[int]
    similarity: float
    kind: str


@dataclass
class State:
    """What the steps share (mutable by design: the steps build the matching in place)."""

    lu: Sequence[Unit]
    ru: Sequence[Unit]
    threshold: float
    lkey: list[str]
    rkey: list[str]
    space: Space
    lpair: list[Match | None]
    rpair: list[Match | None]
    matches: list[Match] = field(default_factory=list)
    whole: tuple[Weighted, Weighted] | None = None

    @classmethod
    def start(cls, left: Sequence[Unit], right: Sequence[Unit], threshold: float) -> State:
        """The state before any step: keys and the TF-IDF space of both sides, no match."""
        space = Space([u.text for u in left] + [u.text for u in right])
        return cls(left, right, threshold, [match_key(u.text) for u in left],
                   [match_key(u.text) for u in right], space,
                   [None] * len(left), [None] * len(right))

    def add(self, m: Match) -> None:
        self.matches.append(m)
        for i in m.left:
            self.lpair[i] = m
        for j in m.right:
            self.rpair[j] = m

    def vec_l(self, i: int) -> Weighted:
        return self.space.vector(self.lu[i].text)

    def vec_r(self, j: int) -> Weighted:
        return self.space.vector(self.ru[j].text)

    def whole_sides(self) -> tuple[Weighted, Weighted]:
        """The vectors of each whole side (computed once)."""
        if self.whole is None:
            self.whole = (combine(self.vec_l(i) for i in range(len(self.lu))),
                          combine(self.vec_r(j) for j in range(len(self.ru))))
        return self.whole


def gaps(st: State) -> list[tuple[list[int], list[int]]]:
    """Unmatched units between consecutive in-order matches, both sides."""
    anchors = sorted((m.left[0], m.left[-1], m.right[0], m.right[-1])
                     for m in st.matches if m.kind != "move")
    out = []
    lpair, rpair = st.lpair, st.rpair
    pl = pr = -1
    for a0, a1, b0, b1 in [*anchors, (len(st.lu), 0, len(st.ru), 0)]:
        if a0 > pl + 1 and b0 > pr + 1:  # units on both sides between the two anchors
            ls = [i for i in range(pl + 1, a0) if lpair[i] is None]
            rs = [j for j in range(pr + 1, b0) if rpair[j] is None] if ls else []
            if ls and rs:
                out.append((ls, rs))
        if a1 > pl:
            pl = a1
        if b1 > pr:
            pr = b1
    return out


def expected(st: State, side: str = "left") -> list[int]:
    """For each index of `side`, the other side's index just after its nearest in-order
    predecessor (where its counterpart would stand if it had kept its place)."""
    own = st.lpair if side == "left" else st.rpair
    out: list[int] = []
    cur = 0
    append = out.append
    for m in own:
        append(cur)
        if m is not None and m.kind != "move":
            end = (m.right if side == "left" else m.left)[-1] + 1
            if end > cur:
                cur = end
    return out
