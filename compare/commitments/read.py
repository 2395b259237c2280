"""Analyse stage, commitments of a declaration: each sentence's strongest clause, with its force.

A commitment is a sentence in which an actor uses a commitment phrase ranked on an ordinal ladder
(`compare/commitments/data/commitments.toml`): force = the level's force, lowered by each hedge
("where possible") and by negation, raised by each intensifier ("firmly"). One commitment per
sentence: when a sentence holds several clauses (`commitments.grammar`), it is the strongest (the
first on a tie). A list intro ending in its phrase ("The member states will:") lends its commitment
to the items below it. `find_commitments(decl)` reads a whole declaration in document order.
"""

from __future__ import annotations

from dataclasses import replace

from ..alignment.normalize import canonical
from ..model import Commitment, Declaration
from .config import (
    Config,
    ConfigArg,
    Index,
    Rules,
    Tokens,
    as_config,
    match,
    match_loose,
    tokens,
)
from .grammar import (
    Clause,
    Tokenised,
    find_clauses,
    find_passive,
    find_subject,
    lead_only,
    tokenise,
)

_TRIM = " \t\n,;:.!?\u3002\uff1b\uff1a\uff0c\u3001\uff01\uff1f"  # also CJK full stop, comma...


def _found(index: Index, toks: Tokens, lo: int = 0, hi: int | None = None,
           optional: frozenset[str] | None = None) -> tuple[str, ...]:
    """Distinct entries of `index` found in toks[lo:hi], in order; with `optional`, matched
    loosely and reported in the text's own words."""
    out: list[str] = []
    i, end = lo, len(toks) if hi is None else hi
    while i < end:
        hit = match(index, toks, i) if optional is None else match_loose(index, toks, i, optional)
        if hit and hit[0] <= end:
            if hit[1] not in out:
                out.append(hit[1])
            i = hit[0]
        else:
            i += 1
    return tuple(out)


def _force(config: Config, base: int, hedges: tuple[str, ...], intens: tuple[str, ...],
           negated: bool) -> int:
    adj = config.adjust
    force = base + adj["hedge"] * len(hedges) + adj["intensifier"] * len(intens)
    return force + (adj["negation"] if negated else 0)


def _commitment(
    s: Tokenised, c: Clause, rules: Rules, config: Config, ids: tuple[str, str]
) -> Commitment:
    intens = tuple(dict.fromkeys(c.intensifiers + _found(rules.intensifiers, s.toks, *c.phrase[1:],
                                                               c.end)))
    hedges = _found(rules.hedges, s.toks, optional=rules.optional)
    base = config.level(c.level).force
    force = _force(config, base, hedges, intens, c.negated)
    a, b = c.phrase
    phrase = s.text[s.spans[a][0] : s.spans[b - 1][1]]
    obj_end = s.spans[c.end - 1][1] if c.end < len(s.toks) else len(s.text)
    obj = s.text[s.spans[b - 1][1] : obj_end] if b < c.end else ""
    if c.passive:
        obj = s.text[: s.spans[a][0]] if a else obj
    obj = obj.strip(_TRIM)
    return Commitment(ids[0], ids[1], s.text, c.actor, phrase, obj, force, c.level, base,
                      c.negated, hedges, intens)


def read_sentence(
    text: str,
    rules: Rules,
    config: Config,
    previous_actor: str | None = None,
    ids: tuple[str, str] = ("", ""),
) -> tuple[Commitment | None, str | None]:
    """The commitment of one sentence (or None) and the actor a following "They" refers to."""
    s = tokenise(text)
    clauses = find_clauses(rules, s, previous_actor)
    if clauses:
        found = [(_commitment(s, c, rules, config, ids), c) for c in clauses]
        best, clause = max(found, key=lambda fc: fc[0].force)  # max() keeps the first on a tie
        return best, previous_actor if clause.passive else best.actor
    passive = find_passive(rules, s.toks)
    if passive is None:
        return None, find_subject(rules, s.toks, previous_actor)
    return _commitment(s, passive, rules, config, ids), previous_actor


_COLONS = (":", "\uff1a")


def read_intro(text: str, rules: Rules, config: Config, previous_actor: str | None = None
               ) -> Commitment | None:
    """The commitment a list intro lends to its items: its last clause, when the intro ends in
    that clause's phrase ("The member states will:", "The Parties shall, as appropriate:"); None
    when a noun follows the phrase ("... support an economic space that will:")."""
    if not text.rstrip().endswith(_COLONS):
        return None
    s = tokenise(text)
    clauses = find_clauses(rules, s, previous_actor)
    last = clauses[-1] if clauses else find_passive(rules, s.toks)
    if last is None or not lead_only(rules, s.toks, last.phrase[1]):
        return None
    return _commitment(s, last, rules, config, ("", ""))


def read_item(
    text: str,
    lead: Commitment | None,
    rules: Rules,
    config: Config,
    previous_actor: str | None = None,
    ids: tuple[str, str] = ("", ""),
) -> tuple[Commitment | None, str | None]:
    """A list item's commitment: its own, else the one its intro (`lead`) lends it, with the
    item's own hedges and intensifiers added to the intro's."""
    own, actor = read_sentence(text, rules, config, previous_actor, ids)
    if own is not None or lead is None:
        return own, actor
    toks = tokens(text)
    hedges = tuple(dict.fromkeys(lead.hedges + _found(rules.hedges, toks,
                                                      optional=rules.optional)))
    intens = tuple(dict.fromkeys(lead.intensifiers + _found(rules.intensifiers, toks)))
    force = _force(config, lead.base_force, hedges, intens, lead.negated)
    return replace(lead, sentence=ids[0], unit=ids[1], text=text, object=text.strip(_TRIM),
                   force=force, hedges=hedges, intensifiers=intens), actor


def find_commitments(decl: Declaration, config: ConfigArg = None) -> tuple[Commitment, ...]:
    """The commitments of a declaration in document order; none for a language without rules.
    The first sentence of a list item may take its commitment from the intro (`read_intro`)."""
    cfg = as_config(config)
    rules = cfg.rules(decl.meta.language or "")
    if rules is None:
        return ()
    out: list[Commitment] = []
    previous: str | None = None
    leads: dict[str, Commitment | None] = {}
    for unit in decl.units():
        lead = leads.get(unit.parent or "") if unit.kind == "item" else None
        for k, s in enumerate(unit.sentences):
            ids = (s.id, unit.id)
            before = previous
            text = canonical(s.text)  # read as shown: no invisible characters, plain spaces
            found, previous = read_item(text, lead if k == 0 else None, rules, cfg, previous,
                                        ids)
            if found is not None:
                out.append(replace(found, text=s.text))
            if unit.kind == "paragraph" and k == len(unit.sentences) - 1:
                leads[unit.id] = read_intro(text, rules, cfg, before)
    return tuple(out)

