"""Analyse stage, commitments of a declaration: one per commitment clause, with its force.

A commitment is a clause in which an actor uses a commitment phrase ranked on an ordinal ladder
(`compare/commitments/data/commitments.toml`, the scale of the README): force = the level's force,
lowered by each hedge ("where possible") and by negation, raised by each intensifier ("firmly")
and by intensity words on its object ("important and urgent"), kept between the ladder's lowest
and highest force. A sentence holds as many commitments as it has commitment clauses
(`commitments.clauses`), numbered from 0 in `Commitment.clause`. A list intro ending in its phrase
("The member states will:") lends its commitment to the items below it (`lead_only`,
`weak_opening`: the grammar of intros and items). `find_commitments(decl)` reads a whole
declaration in document order, each distinct sentence once (`Cache`). The flow is one way:
this module asks `clauses` for finished clauses and turns them into commitments; nothing calls
back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..alignment.normalize import canonical
from ..model import Commitment, Declaration
from .clauses import modifiers, sentence_clauses
from .config import Config, ConfigArg, Rules, as_config
from .grammar import find_subject, lower
from .lexicon import Tokenised, Tokens, match, match_loose, tokenise
from .passive import Clause, adverbs

_TRIM = " \t\n,;:.!?\u3002\uff1b\uff1a\uff0c\u3001\uff01\uff1f"  # also CJK full stop, comma...


def _force(config: Config, base: int, hedges: tuple[str, ...], intens: tuple[str, ...],
           negated: bool) -> int:
    adj = config.adjust
    force = base + adj["hedge"] * len(hedges) + adj["intensifier"] * len(intens)
    return config.clamp(force + (adj["negation"] if negated else 0))


def _commitment(s: Tokenised, c: Clause, config: Config, ids: tuple[str, str], clause: int = 0
                ) -> Commitment:
    """A finished clause as a commitment: its force, phrase and object in the text's words."""
    base = config.level(c.level).force
    force = _force(config, base, c.hedges, c.intensifiers, c.negated)
    a, b = c.phrase
    phrase_end = s.end(b - 1)
    phrase = c.carried or s.text[s.start(a) : phrase_end]
    obj_end = s.end(c.end - 1) if c.end < len(s.toks) else len(s.text)
    obj = s.text[phrase_end : obj_end] if b < c.end else ""
    if c.passive and a > c.start:
        obj = s.text[s.start(c.start) : s.start(a)]
    out = _new(Commitment)  # its fields set as `_placed` sets them: the same frozen record
    out.__dict__.update(sentence=ids[0], unit=ids[1], text=s.text, actor=c.actor, phrase=phrase,
                        object=obj.strip(_TRIM), force=force, level=c.level, base_force=base,
                        negated=c.negated, hedges=c.hedges, intensifiers=c.intensifiers,
                        clause=clause)
    return out


def _placed(c: Commitment, sentence: str, unit: str, text: str) -> Commitment:
    """`c` in another sentence (same reading): a copy of its fields (`PLACED_FIELDS`) with
    these three set. Copied as the instance's dict, not through the frozen `__init__` (which
    sets each field by `object.__setattr__`: three times the cost of a cached reading's
    copy); the copy is equal, hashes and prints alike, and is as frozen."""
    out = _new(Commitment)
    fields = out.__dict__
    fields.update(c.__dict__)
    fields["sentence"], fields["unit"], fields["text"] = sentence, unit, text
    return out


_new = object.__new__


PLACED_FIELDS = ("sentence", "unit", "text", "actor", "phrase", "object", "force", "level",
                 "base_force", "negated", "hedges", "intensifiers", "clause")
"""`Commitment`'s fields, in order, as `_placed` copies them (a test holds them equal)."""

Reading = tuple[tuple[Commitment, ...], str | None]
Key = tuple[str, str, str | None]


@dataclass(frozen=True)
class Cache:
    """What has been read, by (language, sentence text, previous actor): each sentence's
    reading (ids left empty) and, for a list intro, the commitment it lends its items. Formulaic
    texts repeat sentences; a text is read once for both (once for every previous actor when
    it holds no pronoun: `alone`), and a caller may share one cache across declarations (both
    sides of an alignment)."""

    readings: dict[Key, Reading] = field(default_factory=dict)
    intros: dict[Key, Commitment | None] = field(default_factory=dict)
    alone: dict[tuple[str, str], tuple[Reading, Commitment | None]] = field(default_factory=dict)
    """By (language, text): the reading (after no actor) and intro of a sentence without a
    pronoun, the same after any actor but for the actor passed on (`_remember`)."""
    shown: dict[str, str] = field(default_factory=dict)
    """A sentence's text as written -> as shown (`canonical`)."""

    def canonical(self, text: str) -> str:
        found = self.shown.get(text)
        if found is None:
            found = self.shown[text] = canonical(text)
        return found


def read_sentence(
    text: str,
    rules: Rules,
    config: Config,
    previous_actor: str | None = None,
    ids: tuple[str, str] = ("", ""),
    cache: Cache | None = None,
) -> Reading:
    """The commitments of one sentence, clause by clause (none: an empty tuple), and the actor a
    following "They" refers to; with `cache`, a text read before after the same actor is not
    read again."""
    if cache is None:
        return _read(tokenise(text), rules, config, previous_actor, ids)[0]
    key = (rules.language, text, previous_actor)
    if key not in cache.readings:
        _remember(cache, key, rules, config)
    found, actor = cache.readings[key]
    return tuple([_placed(c, ids[0], ids[1], c.text) for c in found]), actor


def _remember(cache: Cache, key: Key, rules: Rules, config: Config) -> None:
    """Read a sentence into `cache`. Only a pronoun ("They") reads the previous actor, and a
    sentence that names none of its own passes it on: a text without a pronoun is read once,
    after no actor (its actor None: the previous one passed on), for every previous actor."""
    alone = cache.alone.get(key[:2])
    if alone is None:
        s = tokenise(key[1])
        if not rules.pronouns.isdisjoint(s.toks):
            reading, intro = _read(s, rules, config, key[2], ("", ""))
            cache.readings[key] = reading
            if _is_intro(key[1]):
                cache.intros[key] = intro
            return
        alone = cache.alone[key[:2]] = _read(s, rules, config, None, ("", ""))
    (found, actor), intro = alone
    cache.readings[key] = found, key[2] if actor is None else actor
    if _is_intro(key[1]):
        cache.intros[key] = intro


def _read(s: Tokenised, rules: Rules, config: Config, previous_actor: str | None,
          ids: tuple[str, str]) -> tuple[Reading, Commitment | None]:
    """A sentence's reading and, when it is a list intro, the commitment it lends (`read_intro`),
    from one reading of its clauses."""
    text = s.text
    clauses = sentence_clauses(rules, s, previous_actor)
    if not clauses:
        return ((), find_subject(rules, s.toks, previous_actor)), None
    found = tuple(_commitment(s, c, config, ids, k) for k, c in enumerate(clauses))
    actor = next((c.actor for c in clauses if not c.passive), previous_actor)
    intro = None
    if _is_intro(text) and lead_only(rules, s.toks, clauses[-1].phrase[1]):
        intro = _commitment(s, clauses[-1], config, ("", ""))
    return (found, actor), intro


def strongest(found: tuple[Commitment, ...]) -> Commitment | None:
    """The strongest of a sentence's commitments (the first on a tie), or None."""
    return max(found, key=lambda c: c.force) if found else None


_COLONS = (":", "\uff1a")


def _is_intro(text: str) -> bool:
    return text.rstrip().endswith(_COLONS)


def read_intro(text: str, rules: Rules, config: Config, previous_actor: str | None = None,
               cache: Cache | None = None) -> Commitment | None:
    """The commitment a list intro lends to its items: its last clause, when the intro ends in
    that clause's phrase ("The member states will:", "The Parties shall, as appropriate:"); None
    when a noun follows the phrase ("... support an economic space that will:")."""
    if not _is_intro(text):
        return None
    if cache is None:
        return _read(tokenise(text), rules, config, previous_actor, ("", ""))[1]
    key = (rules.language, text, previous_actor)
    if key not in cache.intros:
        _remember(cache, key, rules, config)
    return cache.intros[key]


def read_item(
    text: str,
    lead: Commitment | None,
    rules: Rules,
    config: Config,
    previous_actor: str | None = None,
    ids: tuple[str, str] = ("", ""),
    cache: Cache | None = None,
) -> Reading:
    """A list item's commitments: its own, else the one its intro (`lead`) lends it, with the
    item's own hedges and intensifiers added to the intro's."""
    own, actor = read_sentence(text, rules, config, previous_actor, ids, cache)
    if own or lead is None:
        return own, actor
    toks = tokenise(text).toks
    own_hedges, own_intens = modifiers(rules, toks)
    hedges = tuple(dict.fromkeys(lead.hedges + own_hedges))
    intens = tuple(dict.fromkeys(lead.intensifiers + own_intens))
    weak = weak_opening(rules, toks, lead.phrase)
    level = lower(rules, lead.level, weak) if weak else lead.level
    base = config.level(level).force
    force = _force(config, base, hedges, intens, lead.negated)
    return (replace(lead, sentence=ids[0], unit=ids[1], text=text, object=text.strip(_TRIM),
                    force=force, level=level, base_force=base, hedges=hedges,
                    intensifiers=intens, clause=0),), actor


def find_commitments(decl: Declaration, config: ConfigArg = None, cache: Cache | None = None
                     ) -> tuple[Commitment, ...]:
    """The commitments of a declaration in document order, clause by clause; none for a
    language without rules. The first sentence of a list item may take its commitment from the
    intro (`read_intro`). Each distinct sentence is read once (`cache`, which the caller may
    share across declarations)."""
    cfg = as_config(config)
    cache = Cache() if cache is None else cache
    rules = cfg.rules(decl.meta.language or "")
    if rules is None:
        return ()
    out: list[Commitment] = []
    previous: str | None = None
    leads: dict[str, Commitment | None] = {}
    readings, shown, language = cache.readings, cache.shown, rules.language
    for unit in decl.units():
        lead = leads.get(unit.parent or "") if unit.kind == "item" else None
        last = len(unit.sentences) - 1 if unit.kind == "paragraph" else -1
        for k, s in enumerate(unit.sentences):
            before = previous
            # read as shown: no invisible characters, plain spaces
            text = shown.get(s.text) or cache.canonical(s.text)
            reading = readings.get((language, text, previous))
            if reading is not None and (reading[0] or lead is None or k):
                # read before, and not an item taking its intro's commitment: what
                # `read_item` gives, placed here and shown as written, in one copy
                found, previous = reading
                out.extend([_placed(c, s.id, unit.id, s.text) for c in found])
            else:
                found, previous = read_item(text, lead if k == 0 else None, rules, cfg,
                                            previous, (s.id, unit.id), cache)
                # shown as written (its commitments carry `text`: a copy where that differs)
                out.extend(found if text == s.text else
                           (_placed(c, c.sentence, c.unit, s.text) for c in found))
            if k == last:
                leads[unit.id] = read_intro(text, rules, cfg, before, cache)
    return tuple(out)


def lead_only(rules: Rules, toks: Tokens, k: int) -> bool:
    """Whether toks[k:] holds only adverbs, hedges and `list_lead` words."""
    while k < len(toks):
        _, _, j = adverbs(rules, toks, k)
        hit = (match_loose(rules.hedges, toks, j, rules.optional)
               or match(rules.list_lead, toks, j))
        if hit is None and j == k:
            return False
        k = hit[0] if hit else j
    return True


def weak_opening(rules: Rules, toks: Tokens, lead_phrase: str) -> str | None:
    """The level a list item reads at when its intro's phrase is a modal alone ("will:") and
    the item opens with a weak verb ("- examine the possibility of ..."): `weak_level`."""
    if lead_phrase.lower() not in rules.modals or not rules.weak_level:
        return None
    _, _, k = adverbs(rules, toks, 0)
    return rules.weak_level if match(rules.weak, toks, k) else None
