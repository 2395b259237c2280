"""Analyse stage, reading a sentence: who commits, with which phrase, in which clause.

The grammar of a commitment over a sentence's tokens, driven by one language's `Rules`: an actor
(a canonical name from the actor lists or the entity list; "They" takes the previous sentence's
actor; actors after a preposition are no subject; "A and B" is one actor), then, past adverbs,
negations and gap words, a commitment phrase (`find_clauses`, with the clauses coordinated to it:
"... and welcome ..."). A parenthesis set off by commas may stand between actor and phrase ("We,
the heads of state, ..."). A passive ("will be revitalized") is a clause of the implicit actor
(`find_passive`). What the clauses are worth is decided by `commitments.read`: the
grammar hands it finished clauses (`sentence_clauses`: actor, phrase, object's end, negation,
hedges, intensifiers) and is not called back.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

from .config import Rules
from .lexicon import Tokenised, Tokens, distinct, match, match_loose, scan


@dataclass(frozen=True)
class Clause:
    """One actor + phrase found in a sentence; token indexes, `end` exclusive."""

    start: int
    actor: str
    phrase: tuple[int, int]
    level: str
    negated: bool
    intensifiers: tuple[str, ...]
    end: int = 0
    passive: bool = False
    hedges: tuple[str, ...] = ()


def _actor_at(rules: Rules, toks: Tokens, i: int, previous: str | None) -> tuple[int, str] | None:
    """The actor starting at token `i`: (end, canonical name). A pronoun takes `previous`; an
    actor after a preposition is no subject; actors joined by "and" are one ("A and B")."""
    before = i - 1
    while before >= 0 and toks[before] in rules.optional:
        before -= 1
    if before >= 0 and toks[before] in rules.not_after:
        return None
    if toks[i] in rules.pronouns:
        return (i + 1, previous) if previous else None
    hit = match(rules.actors, toks, i)
    if hit is None:
        return None
    names = [hit[1]]
    end = hit[0]
    while end + 1 < len(toks) and match(rules.conjunctions, toks, end) and toks[end] == "and":
        more = match(rules.actors, toks, end + 1)
        if more is None or more[1] in names:
            break
        names.append(more[1])
        end = more[0]
    return end, " and ".join(names)


def _clause_after(rules: Rules, s: Tokenised, start: int, k: int, actor: str,
                  after_parenthesis: bool = False) -> Clause | None:
    """The phrase after an actor (or conjunction) at token `k`, skipping adverbs and negation.
    A phrase right after a comma is an appositive ("The SCO, supported by ..."), not a clause."""
    toks, k0 = s.toks, k
    negated, intens, k = _adverbs(rules, toks, k)
    if actor not in rules.committers and (passive := _passive_at(rules, toks, k)):
        return passive
    if k == k0 and _separated(s, k) and not after_parenthesis:
        return _after_parenthesis(rules, s, start, k, actor)
    phrase = match(rules.phrases, toks, k)
    if phrase is None:
        return None
    end, level = phrase
    if toks[k] in rules.modals and end == k + 1:
        more_neg, more_int, j = _adverbs(rules, toks, end)
        negated = negated or more_neg
        intens += more_int
        effort = match(rules.phrases, toks, j)
        if effort and effort[1] in rules.effort_levels and effort[1] != level:
            end, level = effort[0], _lower(rules, level, effort[1])
    return Clause(start, actor, (k, end), level, negated, tuple(intens))


def _adverbs(rules: Rules, toks: Tokens, k: int) -> tuple[bool, list[str], int]:
    """Skip negations, intensifiers and gap words from token `k`: (negated, intensifiers, next)."""
    negated, intens = False, []
    while k < len(toks):
        if hit := match(rules.negations, toks, k):
            negated, k = True, hit[0]
        elif hit := match(rules.intensifiers, toks, k):
            intens.append(hit[1])
            k = hit[0]
        elif hit := match(rules.gap, toks, k):
            k = hit[0]
        elif toks[k].endswith(rules.gap_suffixes) and len(toks[k]) > 4 and not match(
            rules.phrases, toks, k
        ):
            k += 1
        else:
            break
    return negated, intens, k


def _lower(rules: Rules, a: str, b: str) -> str:
    """The lower of two levels (the ladder's order is kept by `rules.level_rank`)."""
    return min(a, b, key=lambda name: rules.level_rank.get(name, 0))


PARENTHESIS = 16
"""Most tokens of a parenthesis between an actor and its phrase ("We, the heads of state, ...")."""


def _after_parenthesis(rules: Rules, s: Tokenised, start: int, k: int, actor: str
                       ) -> Clause | None:
    """The phrase after a parenthesis set off by commas right after the actor; an actor named
    at the parenthesis' start (an apposition) replaces a committing pronoun such as "we"."""
    close = next((m for m in range(k + 1, min(len(s.toks), k + PARENTHESIS))
                  if _separated(s, m, ",")), None)
    if close is None:
        return None
    named = match(rules.actors, s.toks, k)
    if named and named[0] <= close and actor in rules.apposable:
        actor = named[1]
    clause = _clause_after(rules, s, start, close, actor, after_parenthesis=True)
    return clause if clause and not clause.passive else None


def _separated(s: Tokenised, k: int, marks: str = ",;:()") -> bool:
    """Whether punctuation (one of `marks`) stands between token k-1 and token k."""
    return 0 < k < len(s.toks) and any(
        ch in marks for ch in s.text[s.spans[k - 1][1] : s.spans[k][0]])


def find_clauses(rules: Rules, s: Tokenised, previous: str | None) -> list[Clause]:
    """Every actor-led clause, with the clauses coordinated to it ("... and welcome ...")."""
    toks = s.toks
    out: list[Clause] = []
    i = 0
    while i < len(toks):
        actor = _actor_at(rules, toks, i, previous)
        first = actor and _clause_after(rules, s, i, actor[0], actor[1])
        if not actor or not first:
            i = actor[0] if actor else i + 1
            continue
        out.append(first)
        j = first.phrase[1]
        while j < len(toks) and not _actor_at(rules, toks, j, previous):
            conj = match(rules.conjunctions, toks, j)
            more = conj and _clause_after(rules, s, j, conj[0], first.actor)
            if more:
                out.append(more)
                j = more.phrase[1]
            else:
                j += 1
        i = j
    return [replace(c, end=nxt.start) for c, nxt in itertools.pairwise(out)] + (
        [replace(out[-1], end=len(toks))] if out else []
    )


def _passive_at(rules: Rules, toks: Tokens, i: int) -> Clause | None:
    """A passive form at token `i` ("will be revitalized"): a commitment of the implicit actor,
    its phrase running to the participle; the subject before it is the object."""
    if i and toks[i - 1] in ("that", "which", "who"):
        return None
    if hit := match(rules.passive, toks, i):
        negated, intens, k = _adverbs(rules, toks, hit[0])
        if k >= len(toks) or not _participle(rules, toks[k]):
            return None
        return Clause(0, rules.passive_actor, (i, k + 1), rules.passive_level,
                      negated or bool(match(rules.negations, toks, i + 1)), tuple(intens),
                      len(toks), passive=True)
    if hit := match(rules.impersonal, toks, i):
        negated, intens, k = _adverbs(rules, toks, hit[0])
        phrase = match(rules.phrases, toks, k)
        if phrase is None or not _participle(rules, toks[phrase[0] - 1]):
            return None
        return Clause(0, rules.passive_actor, (i, phrase[0]), phrase[1], negated, tuple(intens),
                      len(toks), passive=True)
    return None


def _participle(rules: Rules, tok: str) -> bool:
    return tok.endswith(rules.passive_endings) or tok in rules.participles


def find_passive(rules: Rules, toks: Tokens) -> Clause | None:
    """The first passive commitment of a sentence without an actor-led one."""
    return next((c for i in range(len(toks)) if (c := _passive_at(rules, toks, i))), None)


def find_subject(rules: Rules, toks: Tokens, previous: str | None) -> str | None:
    """The first actor of a sentence without a commitment ("The heads of delegation discussed
    ..."), which a following "They" refers to; else the previous one."""
    for i in range(len(toks)):
        if toks[i] not in rules.pronouns and (hit := _actor_at(rules, toks, i, None)):
            return hit[1]
    return previous


def lead_only(rules: Rules, toks: Tokens, k: int) -> bool:
    """Whether toks[k:] holds only adverbs, hedges and `list_lead` words."""
    while k < len(toks):
        _, _, j = _adverbs(rules, toks, k)
        hit = (match_loose(rules.hedges, toks, j, rules.optional)
               or match(rules.list_lead, toks, j))
        if hit is None and j == k:
            return False
        k = hit[0] if hit else j
    return True



def modifiers(rules: Rules, toks: Tokens, lo: int = 0, hi: int | None = None
              ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The distinct hedges of the whole of `toks` (matched loosely) and the intensifiers of
    toks[lo:hi], each in order."""
    hedges = distinct(scan(rules.hedges, toks, optional=rules.optional))
    return hedges, distinct(scan(rules.intensifiers, toks, lo, hi))


def sentence_clauses(rules: Rules, s: Tokenised, previous: str | None) -> list[Clause]:
    """The commitment clauses of a sentence, each with its hedges and all its intensifiers:
    the actor-led ones, else its first passive one, else none. The sentence's hedges are found
    once, the intensifiers of each clause in its own stretch (past its phrase)."""
    clauses = find_clauses(rules, s, previous)
    if not clauses:
        passive = find_passive(rules, s.toks)
        clauses = [passive] if passive else []
    hedges = distinct(scan(rules.hedges, s.toks, optional=rules.optional)) if clauses else ()
    return [replace(c, hedges=hedges, intensifiers=tuple(dict.fromkeys(
        c.intensifiers + distinct(scan(rules.intensifiers, s.toks, c.phrase[1], c.end)))))
        for c in clauses]
