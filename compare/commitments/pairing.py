"""Analyse stage, commitment by commitment: which clause of a sentence became which in its pair.

Two paired sentences may each hold several commitments ("stand for X and consider Y urgent").
`pair_clauses` matches them so a sentence that keeps one commitment and softens another reports
exactly the softened one: first clauses with the same actor, phrase and object (in order), then
the most similar of the rest (word stems of phrase and object, best first, at least
`CLAUSE_MATCH`), then, when as many are left on each side, the rest in order (a clause reworded
past recognition in its own place). What is left is added or dropped. Past `GREEDY_CAP`
candidate pairs (a sentence of thousands of clauses) the similarity step is skipped, so the work
stays near-linear. The result is in the right sentence's order, a dropped clause after its left
predecessor's counterpart.
"""

from __future__ import annotations

from collections import defaultdict, deque

from ..model import Commitment
from .lexicon import tokens

CLAUSE_MATCH = 0.25
"""Least stem-set similarity for two clauses of paired sentences to be matched as one."""

GREEDY_CAP = 400
"""Most left x right leftover clauses compared by similarity; past it they pair in order."""

ClausePair = tuple[Commitment | None, Commitment | None]

_STEM = 5


def _key(c: Commitment) -> tuple[str, str, tuple[str, ...]]:
    return (c.actor, c.phrase.lower(), tokens(c.object))


def _stems(c: Commitment) -> frozenset[str]:
    return frozenset(t[:_STEM] for t in tokens(f"{c.phrase} {c.object}"))


def _score(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def _exact(left: tuple[Commitment, ...], right: tuple[Commitment, ...]) -> dict[int, int]:
    waiting: dict[tuple[str, str, tuple[str, ...]], deque[int]] = defaultdict(deque)
    for ri, c in enumerate(right):
        waiting[_key(c)].append(ri)
    out: dict[int, int] = {}
    for li, c in enumerate(left):
        queue = waiting.get(_key(c))
        if queue:
            out[li] = queue.popleft()
    return out


def _similar(left: tuple[Commitment, ...], right: tuple[Commitment, ...], ls: list[int],
             rs: list[int]) -> dict[int, int]:
    lstem = {li: _stems(left[li]) for li in ls}
    rstem = {ri: _stems(right[ri]) for ri in rs}
    scored = sorted((-_score(lstem[li], rstem[ri]), abs(li - ri), li, ri) for li in ls
                    for ri in rs)
    out: dict[int, int] = {}
    used: set[int] = set()
    for neg, _, li, ri in scored:
        if -neg >= CLAUSE_MATCH and li not in out and ri not in used:
            out[li] = ri
            used.add(ri)
    return out


def pair_clauses(left: tuple[Commitment, ...], right: tuple[Commitment, ...]
                 ) -> list[ClausePair]:
    """The commitments of two paired sentences matched clause to clause, in document order."""
    if len(left) <= 1 and len(right) <= 1:  # what the steps below give, without the work
        return [(left[0] if left else None, right[0] if right else None)] if left or right else []
    pairs = _exact(left, right)
    ls = [i for i in range(len(left)) if i not in pairs]
    used = set(pairs.values())
    rs = [i for i in range(len(right)) if i not in used]
    if ls and rs and len(ls) * len(rs) <= GREEDY_CAP:
        pairs.update(_similar(left, right, ls, rs))
        used = set(pairs.values())
        ls = [i for i in ls if i not in pairs]
        rs = [i for i in rs if i not in used]
    if len(ls) == len(rs):
        pairs.update(zip(ls, rs, strict=True))
        ls, rs = [], []
    return _ordered(left, right, pairs, ls, rs)


def _ordered(left: tuple[Commitment, ...], right: tuple[Commitment, ...], pairs: dict[int, int],
             dropped: list[int], added: list[int]) -> list[ClausePair]:
    """Paired and added clauses by right position; a dropped one after the right position of
    the last clause paired before it on the left."""
    keyed: list[tuple[float, int, ClausePair]] = [
        (float(ri), li, (left[li], right[ri])) for li, ri in pairs.items()]
    keyed += [(float(ri), -1, (None, right[ri])) for ri in added]
    best, gone = -1.0, set(dropped)
    for li in range(len(left)):
        if li in pairs:
            best = max(best, float(pairs[li]))
        elif li in gone:
            keyed.append((best + 0.5, li, (left[li], None)))
    return [p for _, _, p in sorted(keyed, key=lambda k: (k[0], k[1]))]
