"""Analyse stage, reading a sentence: who commits, with which phrase, in which clause.

The grammar of a commitment over a sentence's tokens, driven by one language's `Rules`: an actor
(a canonical name from the actor lists or the entity list; "They" takes the previous sentence's
actor; actors after a preposition are no subject; "A and B" is one actor), then, past adverbs,
negations and gap words, a commitment phrase (`find_clauses`, with the clauses coordinated to it:
"... and welcome ..."). A parenthesis set off by commas may stand between actor and phrase ("We,
the heads of state, ..."). A passive ("will be revitalized") is a clause of the implicit actor
(`passive.find_passive`). What the clauses are worth is decided by `commitments.read`: the
grammar hands it finished clauses (`sentence_clauses`: actor, phrase, object's end, negation,
hedges, intensifiers) and is not called back.
"""

from __future__ import annotations

import itertools
from dataclasses import replace

from .config import Rules
from .lexicon import Tokenised, Tokens, match, match_loose, match_skipping
from .passive import Clause, adverbs, passive_at


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
    hit = match(rules.actors, toks, i) or (
        _generic_actor(rules, toks, i) if i == 0 or toks[i] == "the" else None)
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


_MODIFIERS = 3
_ARTICLES = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_OF_WORDS = 4


def _generic_actor(rules: Rules, toks: Tokens, i: int) -> tuple[int, str] | None:
    """An actor not listed: "the" (not needed at the sentence's start) + up to three words + a
    word of `actor_heads` ("the Russian side", "the competent authorities"), with an "of ..."
    that names it ("the ministers of transport", up to four words, stopping at a phrase); its
    name is its own words."""
    if not rules.actor_heads or (toks[i] != "the" and i):
        return None
    k = i + 1 if toks[i] == "the" else i  # "Ministers of transport will ..." opens a sentence
    while k < len(toks) and k <= i + _MODIFIERS and toks[k] not in rules.actor_heads:
        if (toks[k] in rules.phrases or toks[k] in rules.modals or toks[k] in rules.not_after
                or toks[k] in _ARTICLES):
            return None
        k += 1
    if k >= len(toks) or toks[k] not in rules.actor_heads:
        return None
    end = k + 1
    if end < len(toks) and toks[end] == "of":
        j = end + 1
        while (j < len(toks) and j <= end + _OF_WORDS and toks[j] not in rules.phrases
               and toks[j] not in rules.modals and toks[j] not in rules.conjunctions):
            j += 1
        end = j if j > end + 1 else end
    return end, " ".join(toks[i:end])


def _clause_after(rules: Rules, s: Tokenised, start: int, k: int, actor: str,
                  after_parenthesis: bool = False) -> Clause | None:
    """The phrase after an actor (or conjunction) at token `k`, skipping adverbs and negation.
    A phrase right after a comma is an appositive ("The SCO, supported by ..."), not a clause."""
    toks, k0 = s.toks, k
    negated, intens, k = adverbs(rules, toks, k)
    if actor not in rules.committers and (passive := passive_at(rules, toks, k)):
        return replace(passive, start=start, end=0)
    if k == k0 and _separated(s, k) and not after_parenthesis:
        return _after_parenthesis(rules, s, start, k, actor)
    phrase = match(rules.phrases, toks, k) or match_skipping(rules.phrases, toks, k,
                                                              rules.inner)
    if phrase is None:
        return None
    end, level = phrase
    if toks[k] in rules.modals and end == k + 1:
        more_neg, more_int, j = adverbs(rules, toks, end)
        negated = negated or more_neg
        intens += more_int
        weak = match(rules.weak, toks, j)
        effort = match(rules.phrases, toks, j)
        if weak and (effort is None or weak[0] >= effort[0]):
            end, level = weak[0], lower(rules, level, rules.weak_level)
        elif effort and effort[1] in rules.effort_levels and effort[1] != level:
            end, level = effort[0], lower(rules, level, effort[1])
    return Clause.made(start, actor, (k, end), level, negated, tuple(intens))


def lower(rules: Rules, a: str, b: str) -> str:
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
    return 0 < k < len(s.toks) and s.gaps[k] != " " and any(ch in marks for ch in s.gaps[k])


def find_clauses(rules: Rules, s: Tokenised, previous: str | None) -> list[Clause]:
    """Every commitment clause, in order: actor-led ones (with a relative "which ..." of the
    actor), the ones coordinated to them ("... and welcome ...", "..., welcome ...", a phrase
    carried over "and" to a weak verb or a second "to"), passive and impersonal ones ("will be
    held", "It was agreed to") and participles of the main actor ("Noting X, the member
    states ..."). Inside the sentence a pronoun takes the actor of the clause before it. Each
    clause ends where the next one starts."""
    toks = s.toks
    out: list[Clause] = []
    head: Clause | None = None
    openers, conjunctions, comma = rules.openers, rules.conjunctions, rules.comma_coordination
    actor_starts, passive_starts = rules.actor_starts, rules.passive_starts
    participles, triggers = rules.participle_phrases, rules.triggers
    # an actor-led clause needs a phrase or passive form past its actor: a token of
    # `Rules.triggers` after where it starts (none past the last: no actor is tried there)
    last = next((k for k in range(len(toks) - 1, -1, -1) if toks[k] in triggers), -1)
    places = _places(rules, s)
    p = 0
    while p < len(places):
        i, p = places[p], p + 1
        t = toks[i]
        if i and t not in openers and (head is None or (
                t not in conjunctions and not (comma and _separated(s, i, ",;")))):
            continue  # no clause can start here (`Rules.openers`): the tries below would fail
        current = head.actor if head else previous
        found = (_actor_clauses(rules, s, i, current) if i < last and (i == 0 or t in actor_starts)
                 else None)
        # each try below only where its first test can pass (the tries return None elsewhere)
        if found is None and head is not None and (
                t in conjunctions or (comma and _separated(s, i, ",;"))):
            more = _coordinated(rules, s, i, head)
            found = [more] if more else None
        if found is None and t in passive_starts and (passive := passive_at(rules, toks, i)):
            found = [replace(passive, start=out[-1].phrase[1] if out else 0)]
        if found is None and t in participles and (part := _participle_clause(rules, s, i)):
            found = [part]
        if found is None:
            continue
        out.extend(found)
        head = next((c for c in reversed(found) if not c.passive and c.actor), head)
        resume = max(found[-1].phrase[1], i + 1)
        while p < len(places) and places[p] < resume:
            p += 1
    return _finish(out, len(toks))


def _places(rules: Rules, s: Tokenised) -> list[int]:
    """The tokens `find_clauses` tries: the first, openers, conjunctions, after punctuation."""
    starts = rules.clause_starts
    return [k for k, (t, gap) in enumerate(zip(s.toks, s.gaps, strict=True))
            if gap != " " or t in starts]  # the first token's gap is ""


def _actor_clauses(rules: Rules, s: Tokenised, i: int, current: str | None
                   ) -> list[Clause] | None:
    """The clause led by an actor at token `i`, after the relative clause that describes the
    actor if there is one ("The member states, which attach importance to X, will ...")."""
    actor = _actor_at(rules, s.toks, i, current)
    if actor is None:
        return None
    first = _clause_after(rules, s, i, actor[0], actor[1])
    if first is None:
        return None
    out = []
    e = actor[0]
    if e < len(s.toks) and s.toks[e] in rules.relatives and _separated(s, e, ","):
        rel = _clause_after(rules, s, e, e + 1, actor[1], after_parenthesis=True)
        if rel and not rel.passive and rel.phrase[1] <= first.phrase[0]:
            out.append(rel)
    return [*out, first]


def _finish(out: list[Clause], n: int) -> list[Clause]:
    """Clause ends (where the next starts); a participle takes the actor of the nearest
    actor-led clause (the next one for an opening participle), or is dropped without one."""
    actors = [c.actor for c in out if c.actor and not c.passive]
    if not actors:
        out = [c for c in out if c.actor or c.passive]
    filled = []
    for k, c in enumerate(out):
        if not c.actor and not c.passive:
            after = next((o.actor for o in out[k + 1:] if o.actor and not o.passive), None)
            before = next((o.actor for o in reversed(out[:k]) if o.actor and not o.passive),
                          None)
            c = replace(c, actor=after or before or "")
        filled.append(c)
    return [c.ending(nxt.start) for c, nxt in itertools.pairwise(filled)] + (
        [filled[-1].ending(n)] if filled else []
    )


def _participle_clause(rules: Rules, s: Tokenised, i: int) -> Clause | None:
    """A participle of a phrase opening the sentence or after a comma ("Recognising X, ...",
    "..., noting that ..."): a clause whose actor is the main clause's (filled by `_finish`)."""
    if s.toks[i] not in rules.participle_phrases or (i and not _separated(s, i, ",;")):
        return None
    hit = match(rules.participle_phrases, s.toks, i)
    if hit is None:
        return None
    return Clause(i, "", (i, hit[0]), hit[1], False, ())


def _coordinated(rules: Rules, s: Tokenised, j: int, head: Clause) -> Clause | None:
    """A clause coordinated at token `j` to `head`: a phrase after a conjunction or (with
    `comma_coordination`) after a comma that closes an object; or the head's phrase carried
    over the conjunction to a weak verb ("will deepen X and consider Y") or to a second "to"
    ("stand ready to X and, where possible, to Y")."""
    toks = s.toks
    if conj := match(rules.conjunctions, toks, j):
        clause = _clause_after(rules, s, j, conj[0], head.actor)
        if clause and _same_tense(rules, toks, head, clause):
            return clause
        return None if clause else _carried(rules, s, j, conj[0], head)
    if (rules.comma_coordination and _separated(s, j, ",;")
            and _object_before(rules, toks, head.phrase[1], j)):
        clause = _clause_after(rules, s, j, j, head.actor, after_parenthesis=True)
        if clause and not clause.passive and _same_tense(rules, toks, head, clause):
            return clause
    return None


def _same_tense(rules: Rules, toks: Tokens, head: Clause, clause: Clause) -> bool:
    """A past form coordinated to a present one is a participle of the object ("respect X and
    universally recognized norms"), not a clause; a modal or a passive goes with either."""
    first = toks[clause.phrase[0]]
    if clause.passive or first in rules.modals:
        return True
    return first.endswith("ed") == toks[head.phrase[0]].endswith("ed")


_OBJECT_WINDOW = 12


def _object_before(rules: Rules, toks: Tokens, lo: int, hi: int) -> bool:
    """Whether toks[lo:hi] holds more than adverbs and hedges (an object, not a parenthesis
    such as "shall, as appropriate, adopt"); a long stretch is taken to hold one unread."""
    if hi - lo > _OBJECT_WINDOW:
        return True
    k = lo
    while k < hi:
        _, _, j = adverbs(rules, toks, k)
        hit = match_loose(rules.hedges, toks, j, rules.optional)
        if hit is None and j == k:
            return True
        k = hit[0] if hit else j
    return False


def _carried(rules: Rules, s: Tokenised, j: int, k: int, head: Clause) -> Clause | None:
    toks = s.toks
    while k < len(toks):
        _, _, k2 = adverbs(rules, toks, k)
        hit = match_loose(rules.hedges, toks, k2, rules.optional)
        if hit is None and k2 == k:
            break
        k = hit[0] if hit else k2
    modal = head.phrase[1] - head.phrase[0] == 1 and toks[head.phrase[0]] in rules.modals
    if modal and (weak := match(rules.weak, toks, k)):
        text = f"{_phrase(s, head)} {s.text[s.start(k) : s.end(weak[0] - 1)]}"
        return Clause(j, head.actor, (k, weak[0]), lower(rules, head.level, rules.weak_level),
                      False, (), carried=text)
    infinitive = toks[head.phrase[1] - 1] == "to" or (
        head.phrase[1] < len(toks) and toks[head.phrase[1]] == "to")
    if k < len(toks) and toks[k] == "to" and infinitive and k > head.phrase[1]:
        return Clause(j, head.actor, (k, k + 1), head.level, False, (), carried=_phrase(s, head))
    return None


def _phrase(s: Tokenised, head: Clause) -> str:
    """The head's phrase as it applies (carried over before) or in the text's words."""
    return head.carried or s.text[s.start(head.phrase[0]) : s.end(head.phrase[1] - 1)]


def find_subject(rules: Rules, toks: Tokens, previous: str | None) -> str | None:
    """The first actor of a sentence without a commitment ("The heads of delegation discussed
    ..."), which a following "They" refers to; else the previous one."""
    starts, pronouns = rules.actor_starts, rules.pronouns
    for i, t in enumerate(toks):
        if (i == 0 or t in starts) and t not in pronouns and (
                hit := _actor_at(rules, toks, i, None)):
            return hit[1]
    return previous
