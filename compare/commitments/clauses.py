"""Analyse stage, which words belong to which clause: a sentence's commitment clauses, finished.

`sentence_clauses` takes the clauses `grammar` found (the actor-led ones, else the first passive
one) and gives each the modifiers in its own stretch of the sentence (from where it starts to
where the next clause starts; the first clause's stretch opens the sentence): the hedges there
(matched loosely, "subject to THE availability of funds"), the intensifiers past its phrase and
the intensity words on its object ("important and urgent"). Hedges that open the sentence before
its first phrase ("Where possible, the member states will ... and ...") frame every clause.
Each list is scanned once per sentence, so a sentence of any length is read in one pass.
"""

from __future__ import annotations

from .config import Rules
from .grammar import find_clauses
from .lexicon import Tokenised, Tokens, distinct, scan
from .passive import Clause, find_passive

Hit = tuple[int, int, str]


def modifiers(rules: Rules, toks: Tokens) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The distinct hedges (matched loosely) and intensifiers of the whole of `toks`."""
    hedges = distinct(scan(rules.hedges, toks, optional=rules.optional))
    return hedges, distinct(scan(rules.intensifiers, toks))


def _within(hits: tuple[Hit, ...], lo: int, hi: int, start: int) -> tuple[Hit, ...]:
    """The hits starting in [lo, hi), found from position `start` of the sorted `hits`."""
    out = []
    for h in hits[start:]:
        if h[0] >= hi:
            break
        if h[0] >= lo:
            out.append(h)
    return tuple(out)


def sentence_clauses(rules: Rules, s: Tokenised, previous: str | None) -> list[Clause]:
    """The commitment clauses of a sentence, in order, each with its hedges and intensifiers."""
    if rules.triggers.isdisjoint(s.toks):
        return []  # no phrase, passive or participle: the grammar would find nothing
    clauses = find_clauses(rules, s, previous)
    if not clauses:
        passive = find_passive(rules, s.toks)
        clauses = [passive] if passive else []
    if not clauses:
        return []
    hedges = scan(rules.hedges, s.toks, optional=rules.optional)
    intens = scan(rules.intensifiers, s.toks)
    strong = scan(rules.object_intensity, s.toks)
    if not (hedges or intens or strong):  # what the loop below gives when nothing was found
        return [c.ending(c.end, hedges=(), intensifiers=tuple(dict.fromkeys(c.intensifiers)))
                for c in clauses]
    frame = distinct(_within(hedges, 0, min(c.phrase[0] for c in clauses), 0))
    out: list[Clause] = []
    cursor = [0, 0, 0]
    lo = 0
    for c in clauses:
        found = []
        for n, (hits, a) in enumerate(((hedges, lo), (intens, c.phrase[0]),
                                       (strong, c.phrase[0]))):
            while cursor[n] < len(hits) and hits[cursor[n]][0] < min(lo, a):
                cursor[n] += 1
            found.append(distinct(_within(hits, a, c.end, cursor[n])))
        out.append(c.ending(c.end, hedges=tuple(dict.fromkeys(frame + found[0])),
                            intensifiers=tuple(dict.fromkeys(c.intensifiers + found[1]
                                                             + found[2]))))
        lo = c.end
    return out
