"""Check stage, policy: what a declaration no longer commits to, against the previous one.

The previous declaration (left) is aligned with the one checked (right) by `alignment.align`,
and `commitments.analyse` follows each commitment across. A dropped commitment (`P201`), a
softened one (`P202`), an actor whose commitments are all gone (`P203`) and an entity no longer
named (`P204`) are findings in the checked file. Only the fields of `model.CommitmentChange`
and `model.Commitment` are read. A finding about something that is gone points at the place in
the checked text where it was: the unit its old unit was aligned with, else the next aligned
unit. Its unit id and subject are the previous declaration's (stable, so a baseline matches).
"""

from __future__ import annotations

from ..alignment import align
from ..commitments import analyse
from ..model import Alignment, Commitment, Declaration
from ..textfmt import clip
from .findings import Finding
from .locate import Source


def _places(al: Alignment) -> dict[str, str | None]:
    """Left unit id -> the right unit where it is, or would be if it was removed."""
    out: dict[str, str | None] = {}
    pending: list[str] = []
    last: str | None = None
    for pair in al.pairs:
        if pair.right:
            for uid in pending:
                out[uid] = pair.right[0]
            pending = []
            last = pair.right[0]
            for uid in pair.left:
                out[uid] = pair.right[0]
        else:
            pending.extend(pair.left)
    for uid in pending:
        out[uid] = last
    return out


class _Policy:
    def __init__(self, al: Alignment, source: Source | None, path: str) -> None:
        self.al, self.source, self.path = al, source, path
        self.places = _places(al)
        self.units = {u.id: u for u in al.right.units()}
        self.out: list[Finding] = []

    def gone(self, code: str, left_unit: str | None, message: str, subject: str) -> None:
        where = self.units.get(self.places.get(left_unit or "") or "")
        line, col = (where.line, None) if where else (None, None)
        if where is not None and self.source is not None:
            line, col = self.source.element(where.line, where.kind)
        self.out.append(Finding(code, "", self.path, line, col, self.al.right.id, left_unit,
                                message, subject))

    def here(self, code: str, c: Commitment, message: str, subject: str) -> None:
        unit = self.units.get(c.unit)
        line = unit.line if unit else None
        spot = None
        if self.source is not None:
            at = c.text.lower().find(c.phrase.lower()) if c.phrase else -1
            spot = self.source.sentence(c.sentence, max(at, 0))
        line, col = spot if spot else (line, None)
        self.out.append(Finding(code, "", self.path, line, col, self.al.right.id, c.unit,
                                message, subject))


def _said(c: Commitment) -> str:
    return f"{c.actor} '{c.phrase}' (force {c.force})"


def policy(prev: Declaration, decl: Declaration, source: Source | None,
           path: str) -> list[Finding]:
    """The policy findings of `decl` against `prev`."""
    al = analyse(align(prev, decl))
    p = _Policy(al, source, path)
    for ch in al.commitments:
        left, right = ch.left, ch.right
        why = "; ".join(ch.reasons)
        if ch.change == "dropped" and left is not None:
            p.gone("P201", left.unit, f"commitment dropped: {_said(left)}, {left.sentence} of "
                   f"{prev.id}" + (f" ({why})" if why else "") + f": {clip(left.text, 80)!r}",
                   f"{left.text}|{left.phrase}")
        elif ch.change == "softened" and left is not None and right is not None:
            p.here("P202", right, f"commitment softened: {_said(left)} -> '{right.phrase}' "
                   f"(force {right.force})" + (f": {why}" if why else "")
                   + f"; was {left.sentence} of {prev.id}", f"{right.text}|{right.phrase}")
    right_actors = {c.right.actor.casefold() for c in al.commitments if c.right and c.right.actor}
    seen: set[str] = set()
    for ch in al.commitments:
        left = ch.left
        if left is None or not left.actor or left.actor.casefold() in right_actors | seen:
            continue
        seen.add(left.actor.casefold())
        p.gone("P203", left.unit, f"actor {left.actor!r} makes no commitment here (it made "
               f"them in {prev.id}, first in {left.sentence})", left.actor.casefold())
    for e in al.entities:
        if e.change == "no longer named":
            first = e.units[0] if e.units else None
            p.gone("P204", first, f"{e.kind} {e.name!r} no longer named (named in {prev.id}"
                   + (f", {', '.join(e.units[:3])}" if e.units else "") + ")", e.name)
    return p.out
