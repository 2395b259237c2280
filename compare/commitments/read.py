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
from .config import Config, ConfigArg, Rules, as_config
from .grammar import Clause, find_subject, lead_only, modifiers, sentence_clauses
from .lexicon import Tokenised, tokenise

_TRIM = " \t\n,;:.!?\u3002\uff1b\uff1a\uff0c\u3001\uff01\uff1f"  # also CJK full stop, comma...


def _force(config: Config, base: int, hedges: tuple[str, ...], intens: tuple[str, ...],
           negated: bool) -> int:
    adj = config.adjust
    force = base + adj["hedge"] * len(hedges) + adj["intensifier"] * len(intens)
    return force + (adj["negation"] if negated else 0)


def _commitment(s: Tokenised, c: Clause, config: Config, ids: tuple[str, str]) -> Commitment:
    """A finished clause as a commitment: its force, phrase and object in the text's words."""
    base = config.level(c.level).force
    force = _force(config, base, c.hedges, c.intensifiers, c.negated)
    a, b = c.phrase
    phrase = s.text[s.spans[a][0] : s.spans[b - 1][1]]
    obj_end = s.spans[c.end - 1][1] if c.end < len(s.toks) else len(s.text)
    obj = s.text[s.spans[b - 1][1] : obj_end] if b < c.end else ""
    if c.passive:
        obj = s.text[: s.spans[a][0]] if a else obj
    obj = obj.strip(_TRIM)
    return Commitment(ids[0], ids[1], s.text, c.actor, phrase, obj, force, c.level, base,
                      c.negated, c.hedges, c.intensifiers)


Reading = tuple[Commitment | None, str | None]
Cache = dict[tuple[str, str, str | None], Reading]
"""Readings by (language, sentence text, previous actor): formulaic texts repeat sentences."""


def read_sentence(
    text: str,
    rules: Rules,
    config: Config,
    previous_actor: str | None = None,
    ids: tuple[str, str] = ("", ""),
    cache: Cache | None = None,
) -> Reading:
    """The commitment of one sentence (or None) and the actor a following "They" refers to;
    with `cache`, a text read before after the same actor is not read again."""
    if cache is None:
        return _read_sentence(text, rules, config, previous_actor, ids)
    key = (rules.language, text, previous_actor)
    if key not in cache:
        cache[key] = _read_sentence(text, rules, config, previous_actor, ("", ""))
    found, actor = cache[key]
    return (replace(found, sentence=ids[0], unit=ids[1]) if found else None), actor


def _read_sentence(text: str, rules: Rules, config: Config, previous_actor: str | None,
                   ids: tuple[str, str]) -> Reading:
    s = tokenise(text)
    clauses = sentence_clauses(rules, s, previous_actor)
    if not clauses:
        return None, find_subject(rules, s.toks, previous_actor)
    found = [(_commitment(s, c, config, ids), c) for c in clauses]
    best, clause = max(found, key=lambda fc: fc[0].force)  # max() keeps the first on a tie
    return best, previous_actor if clause.passive else best.actor


_COLONS = (":", "\uff1a")


def read_intro(text: str, rules: Rules, config: Config, previous_actor: str | None = None
               ) -> Commitment | None:
    """The commitment a list intro lends to its items: its last clause, when the intro ends in
    that clause's phrase ("The member states will:", "The Parties shall, as appropriate:"); None
    when a noun follows the phrase ("... support an economic space that will:")."""
    if not text.rstrip().endswith(_COLONS):
        return None
    s = tokenise(text)
    clauses = sentence_clauses(rules, s, previous_actor)
    if not clauses or not lead_only(rules, s.toks, clauses[-1].phrase[1]):
        return None
    return _commitment(s, clauses[-1], config, ("", ""))


def read_item(
    text: str,
    lead: Commitment | None,
    rules: Rules,
    config: Config,
    previous_actor: str | None = None,
    ids: tuple[str, str] = ("", ""),
    cache: Cache | None = None,
) -> Reading:
    """A list item's commitment: its own, else the one its intro (`lead`) lends it, with the
    item's own hedges and intensifiers added to the intro's."""
    own, actor = read_sentence(text, rules, config, previous_actor, ids, cache)
    if own is not None or lead is None:
        return own, actor
    own_hedges, own_intens = modifiers(rules, tokenise(text).toks)
    hedges = tuple(dict.fromkeys(lead.hedges + own_hedges))
    intens = tuple(dict.fromkeys(lead.intensifiers + own_intens))
    force = _force(config, lead.base_force, hedges, intens, lead.negated)
    return replace(lead, sentence=ids[0], unit=ids[1], text=text, object=text.strip(_TRIM),
                   force=force, hedges=hedges, intensifiers=intens), actor


def find_commitments(decl: Declaration, config: ConfigArg = None, cache: Cache | None = None
                     ) -> tuple[Commitment, ...]:
    """The commitments of a declaration in document order; none for a language without rules.
    The first sentence of a list item may take its commitment from the intro (`read_intro`).
    Each distinct sentence is read once (`cache`, shared by the caller across declarations)."""
    cfg = as_config(config)
    cache = {} if cache is None else cache
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
                                        ids, cache)
            if found is not None:
                out.append(replace(found, text=s.text))
            if unit.kind == "paragraph" and k == len(unit.sentences) - 1:
                leads[unit.id] = read_intro(text, rules, cfg, before)
    return tuple(out)

