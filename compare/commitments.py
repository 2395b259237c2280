"""Analyse stage: commitments in a declaration, and how a rewording changed them.

A commitment is a sentence in which an actor (the member states, the heads of state, the SCO, a
named state or body; "They" takes the previous sentence's actor) uses a commitment phrase ranked
on an ordinal ladder (`compare/data/commitments.toml`): force = the level's force, lowered by each
hedge ("where possible") and by negation, raised by each intensifier ("firmly"). A passive
"will be revitalized" is a commitment of the SCO. Plain observations are not commitments.

One commitment per sentence: when a sentence holds several ("note X and welcome Y"), it is the
strongest (the first on a tie), so matching across versions follows the sentence alignment and is
stable. `diff_commitments(alignment)` compares the sentences paired by the alignment (falling back
to its own matching inside a pair) and says for each commitment: added, dropped, strengthened,
softened or unchanged, with reasons. `analyse(alignment)` fills `commitments` and `entities`.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, replace
from typing import Any

from .commitments_config import TOKEN as _TOKEN
from .commitments_config import Config, Rules, Tokens, load_config, match, match_loose
from .entities import Entity, entity_changes, load_entities
from .model import (
    Alignment,
    Commitment,
    CommitmentChange,
    CommitmentChangeKind,
    Declaration,
    Pair,
    Unit,
)

FORMAT = "scodiff.commitments/1"
_TRIM = " \t\n,;:.!?\u3002\uff1b\uff1a\uff0c\u3001\uff01\uff1f"  # also CJK full stop, comma...
ConfigArg = Config | str | os.PathLike[str] | None


def _config(config: ConfigArg) -> Config:
    return config if isinstance(config, Config) else load_config(config)


@dataclass(frozen=True)
class _Clause:
    """One actor + phrase found in a sentence; token indexes, `end` exclusive."""

    start: int
    actor: str
    phrase: tuple[int, int]
    level: str
    negated: bool
    intensifiers: tuple[str, ...]
    end: int = 0
    passive: bool = False


@dataclass(frozen=True)
class _Sentence:
    text: str
    toks: Tokens
    spans: tuple[tuple[int, int], ...]


def _sentence(text: str) -> _Sentence:
    found = list(_TOKEN.finditer(text))
    return _Sentence(text, tuple(m.group(0).lower() for m in found),
                     tuple((m.start(), m.end()) for m in found))


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


def _clause_after(rules: Rules, s: _Sentence, start: int, k: int, actor: str,
                  after_parenthesis: bool = False) -> _Clause | None:
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
    return _Clause(start, actor, (k, end), level, negated, tuple(intens))


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


def _after_parenthesis(rules: Rules, s: _Sentence, start: int, k: int, actor: str
                       ) -> _Clause | None:
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


def _separated(s: _Sentence, k: int, marks: str = ",;:()") -> bool:
    """Whether punctuation (one of `marks`) stands between token k-1 and token k."""
    return 0 < k < len(s.toks) and any(
        ch in marks for ch in s.text[s.spans[k - 1][1] : s.spans[k][0]])


def _clauses(rules: Rules, s: _Sentence, previous: str | None) -> list[_Clause]:
    """Every actor-led clause, with the clauses coordinated to it ("... and welcome ...")."""
    toks = s.toks
    out: list[_Clause] = []
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


def _passive_at(rules: Rules, toks: Tokens, i: int) -> _Clause | None:
    """A passive form at token `i` ("will be revitalized"): a commitment of the implicit actor,
    its phrase running to the participle; the subject before it is the object."""
    if i and toks[i - 1] in ("that", "which", "who"):
        return None
    if hit := match(rules.passive, toks, i):
        negated, intens, k = _adverbs(rules, toks, hit[0])
        if k >= len(toks) or not _participle(rules, toks[k]):
            return None
        return _Clause(0, rules.passive_actor, (i, k + 1), rules.passive_level,
                       negated or bool(match(rules.negations, toks, i + 1)), tuple(intens),
                       len(toks), passive=True)
    if hit := match(rules.impersonal, toks, i):
        negated, intens, k = _adverbs(rules, toks, hit[0])
        phrase = match(rules.phrases, toks, k)
        if phrase is None or not _participle(rules, toks[phrase[0] - 1]):
            return None
        return _Clause(0, rules.passive_actor, (i, phrase[0]), phrase[1], negated, tuple(intens),
                       len(toks), passive=True)
    return None


def _participle(rules: Rules, tok: str) -> bool:
    return tok.endswith(rules.passive_endings) or tok in rules.participles


def _passive(rules: Rules, toks: Tokens) -> _Clause | None:
    """The first passive commitment of a sentence without an actor-led one."""
    return next((c for i in range(len(toks)) if (c := _passive_at(rules, toks, i))), None)


def _found(index: Any, toks: Tokens, lo: int = 0, hi: int | None = None,
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
    s: _Sentence, c: _Clause, rules: Rules, config: Config, ids: tuple[str, str]
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
    s = _sentence(text)
    clauses = _clauses(rules, s, previous_actor)
    if clauses:
        found = [(_commitment(s, c, rules, config, ids), c) for c in clauses]
        best, clause = max(found, key=lambda fc: fc[0].force)  # max() keeps the first on a tie
        return best, previous_actor if clause.passive else best.actor
    passive = _passive(rules, s.toks)
    if passive is None:
        return None, _subject(rules, s.toks, previous_actor)
    return _commitment(s, passive, rules, config, ids), previous_actor


def _subject(rules: Rules, toks: Tokens, previous: str | None) -> str | None:
    """The first actor of a sentence without a commitment ("The heads of delegation discussed
    ..."), which a following "They" refers to; else the previous one."""
    for i in range(len(toks)):
        if toks[i] not in rules.pronouns and (hit := _actor_at(rules, toks, i, None)):
            return hit[1]
    return previous


_COLONS = (":", "\uff1a")


def read_intro(text: str, rules: Rules, config: Config, previous_actor: str | None = None
               ) -> Commitment | None:
    """The commitment a list intro lends to its items: its last clause, when the intro ends in
    that clause's phrase ("The member states will:", "The Parties shall, as appropriate:"); None
    when a noun follows the phrase ("... support an economic space that will:")."""
    if not text.rstrip().endswith(_COLONS):
        return None
    s = _sentence(text)
    clauses = _clauses(rules, s, previous_actor)
    last = clauses[-1] if clauses else _passive(rules, s.toks)
    if last is None or not _lead_only(rules, s.toks, last.phrase[1]):
        return None
    return _commitment(s, last, rules, config, ("", ""))


def _lead_only(rules: Rules, toks: Tokens, k: int) -> bool:
    """Whether toks[k:] holds only adverbs, hedges and `list_lead` words."""
    while k < len(toks):
        _, _, j = _adverbs(rules, toks, k)
        hit = (match_loose(rules.hedges, toks, j, rules.optional)
               or match(rules.list_lead, toks, j))
        if hit is None and j == k:
            return False
        k = hit[0] if hit else j
    return True


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
    toks = _sentence(text).toks
    hedges = tuple(dict.fromkeys(lead.hedges + _found(rules.hedges, toks,
                                                      optional=rules.optional)))
    intens = tuple(dict.fromkeys(lead.intensifiers + _found(rules.intensifiers, toks)))
    force = _force(config, lead.base_force, hedges, intens, lead.negated)
    return replace(lead, sentence=ids[0], unit=ids[1], text=text, object=text.strip(_TRIM),
                   force=force, hedges=hedges, intensifiers=intens), actor


def find_commitments(decl: Declaration, config: ConfigArg = None) -> tuple[Commitment, ...]:
    """The commitments of a declaration in document order; none for a language without rules.
    The first sentence of a list item may take its commitment from the intro (`read_intro`)."""
    cfg = _config(config)
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
            found, previous = read_item(s.text, lead if k == 0 else None, rules, cfg, previous,
                                        ids)
            if found is not None:
                out.append(found)
            if unit.kind == "paragraph" and k == len(unit.sentences) - 1:
                leads[unit.id] = read_intro(s.text, rules, cfg, before)
    return tuple(out)


# --- across an alignment ----------------------------------------------------------------------


def _reasons(left: Commitment, right: Commitment) -> tuple[str, ...]:
    out: list[str] = []
    if left.level != right.level:
        out.append(f"phrase '{left.phrase}' ({left.level}) -> '{right.phrase}' ({right.level})")
    elif left.phrase.lower() != right.phrase.lower():
        out.append(f"phrase '{left.phrase}' -> '{right.phrase}' (same level {left.level})")
    for what, lv, rv in (("hedge", left.hedges, right.hedges),
                         ("intensifier", left.intensifiers, right.intensifiers)):
        out.extend(f"{what} added: '{h}'" for h in rv if h not in lv)
        out.extend(f"{what} removed: '{h}'" for h in lv if h not in rv)
    if left.negated != right.negated:
        out.append("negation added" if right.negated else "negation removed")
    if left.actor != right.actor:
        out.append(f"actor '{left.actor}' -> '{right.actor}'")
    return tuple(out)


def compare_commitments(left: Commitment, right: Commitment) -> CommitmentChange:
    """Strengthened or softened by force (the phrase's level breaks a tie), else unchanged."""
    lk, rk = (left.force, left.base_force), (right.force, right.base_force)
    change: CommitmentChangeKind = (
        "strengthened" if rk > lk else "softened" if rk < lk else "unchanged"
    )
    return CommitmentChange(change, left, right, _reasons(left, right))


def _similar(a: str, b: str) -> float:
    """Jaccard similarity of the two sentences' word sets."""
    x, y = set(_sentence(a).toks), set(_sentence(b).toks)
    return len(x & y) / len(x | y) if x | y else 1.0


SENTENCE_MATCH = 0.5
"""Least word-set similarity for two sentences of a pair to be matched by the fallback."""

Match = tuple[str | None, str | None]


def _fallback(left: list[tuple[str, str]], right: list[tuple[str, str]]) -> list[Match]:
    """Match the sentences the alignment left unpaired: best similarity first, ties in order."""
    scored = sorted(
        ((-_similar(lt, rt), li, ri) for li, (_, lt) in enumerate(left)
         for ri, (_, rt) in enumerate(right)),
    )
    used_l: set[int] = set()
    used_r: set[int] = set()
    out: list[Match] = []
    for neg, li, ri in scored:
        if -neg >= SENTENCE_MATCH and li not in used_l and ri not in used_r:
            used_l.add(li)
            used_r.add(ri)
            out.append((left[li][0], right[ri][0]))
    out += [(sid, None) for i, (sid, _) in enumerate(left) if i not in used_l]
    out += [(None, sid) for i, (sid, _) in enumerate(right) if i not in used_r]
    return out


def _in_order(matches: list[Match], lpos: dict[str, int], rpos: dict[str, int]) -> list[Match]:
    """Document order: by right position; a dropped sentence after its left predecessor."""
    out = sorted((m for m in matches if m[1] is not None), key=lambda m: rpos[m[1] or ""])
    for m in sorted((m for m in matches if m[1] is None), key=lambda m: lpos[m[0] or ""]):
        at = 0
        for k, other in enumerate(out):
            if other[0] is not None and lpos[other[0]] < lpos[m[0] or ""]:
                at = k + 1
        out.insert(at, m)
    return out


def _pair_matches(pair: Pair, lunits: dict[str, Unit], runits: dict[str, Unit]) -> list[Match]:
    ls = [(s.id, s.text) for uid in pair.left if uid in lunits for s in lunits[uid].sentences]
    rs = [(s.id, s.text) for uid in pair.right if uid in runits for s in runits[uid].sentences]
    lpos = {sid: i for i, (sid, _) in enumerate(ls)}
    rpos = {sid: i for i, (sid, _) in enumerate(rs)}
    given = [(sp.left, sp.right) for sp in pair.sentences
             if (sp.left is None or sp.left in lpos) and (sp.right is None or sp.right in rpos)
             and (sp.left, sp.right) != (None, None)]
    seen_l = {m[0] for m in given}
    seen_r = {m[1] for m in given}
    rest = _fallback([x for x in ls if x[0] not in seen_l], [x for x in rs if x[0] not in seen_r])
    return _in_order(given + rest, lpos, rpos)


def _change(match_: Match, lc: dict[str, Commitment], rc: dict[str, Commitment]
            ) -> CommitmentChange | None:
    lcm = lc.get(match_[0] or "")
    rcm = rc.get(match_[1] or "")
    if lcm and rcm:
        return compare_commitments(lcm, rcm)
    if lcm:
        why = "sentence removed" if match_[1] is None else "the sentence no longer commits"
        return CommitmentChange("dropped", lcm, None, (why,))
    if rcm:
        why = "sentence added" if match_[0] is None else "the sentence now commits"
        return CommitmentChange("added", None, rcm, (why,))
    return None


def diff_commitments(alignment: Alignment, config: ConfigArg = None
                     ) -> tuple[CommitmentChange, ...]:
    """Each commitment of either side as added, dropped, strengthened, softened or unchanged,
    pair by pair in the alignment's order, sentence by sentence in document order."""
    cfg = _config(config)
    lc = {c.sentence: c for c in find_commitments(alignment.left, cfg)}
    rc = {c.sentence: c for c in find_commitments(alignment.right, cfg)}
    lunits = {u.id: u for u in alignment.left.units()}
    runits = {u.id: u for u in alignment.right.units()}
    out: list[CommitmentChange] = []
    for pair in alignment.pairs:
        for m in _pair_matches(pair, lunits, runits):
            change = _change(m, lc, rc)
            if change is not None:
                out.append(change)
    return tuple(out)


def analyse(
    alignment: Alignment,
    config: ConfigArg = None,
    entities: tuple[Entity, ...] | str | os.PathLike[str] | None = None,
) -> Alignment:
    """The alignment with `commitments` and `entities` filled: the one call for CLI and report."""
    ents = entities if isinstance(entities, tuple) else load_entities(entities)
    cfg = config if isinstance(config, Config) else load_config(config, entities=ents)
    return replace(
        alignment,
        commitments=diff_commitments(alignment, cfg),
        entities=entity_changes(alignment.left, alignment.right, ents),
    )


def evaluate(path: str | os.PathLike[str] | None = None, config: ConfigArg = None
             ) -> dict[str, Any]:
    """Figures on the labelled evaluation set (see `compare.commitments_eval`)."""
    from .commitments_eval import evaluate as run

    return run(path, config)


# --- output ---------------------------------------------------------------------------------------


def commitment_to_json(c: Commitment) -> dict[str, Any]:
    return {
        "sentence": c.sentence, "unit": c.unit, "text": c.text, "actor": c.actor,
        "phrase": c.phrase, "object": c.object, "force": c.force, "level": c.level,
        "base_force": c.base_force, "negated": c.negated, "hedges": list(c.hedges),
        "intensifiers": list(c.intensifiers),
    }


def change_to_json(ch: CommitmentChange) -> dict[str, Any]:
    """One entry of the alignment's `commitments` list (the scodiff.alignment/1 contract)."""
    left, right = ch.left, ch.right
    return {
        "change": ch.change,
        "left": left.sentence if left else None,
        "right": right.sentence if right else None,
        "left_text": left.text if left else None,
        "right_text": right.text if right else None,
        "strength": [left.force if left else None, right.force if right else None],
        "level": [left.level if left else None, right.level if right else None],
        "actor": [left.actor if left else None, right.actor if right else None],
        "phrase": [left.phrase if left else None, right.phrase if right else None],
        "reasons": list(ch.reasons),
    }


def commitments_document(decl: Declaration, commitments: tuple[Commitment, ...]
                         ) -> dict[str, Any]:
    """The `scodiff.commitments/1` document of one declaration."""
    return {"format": FORMAT, "id": decl.id, "language": decl.meta.language,
            "commitments": [commitment_to_json(c) for c in commitments]}


_HEADER = ("sentence", "force", "level", "actor", "phrase", "notes")
_OBJECT_WIDTH = 60


def _notes(c: Commitment) -> str:
    parts = ["negated"] if c.negated else []
    parts += [f"{label}: {', '.join(vals)}"
              for label, vals in (("hedges", c.hedges), ("intensifiers", c.intensifiers)) if vals]
    return "; ".join(parts) or "-"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


def commitments_text(commitments: tuple[Commitment, ...]) -> str:
    """A table, one row per commitment: sentence id, force, level, actor, phrase, notes, object."""
    if not commitments:
        return ""
    rows = [_HEADER] + [(c.sentence, str(c.force), c.level, c.actor, c.phrase, _notes(c))
                        for c in commitments]
    widths = [max(len(r[i]) for r in rows) for i in range(len(_HEADER))]
    objects = ["object"] + [_clip(c.object, _OBJECT_WIDTH) for c in commitments]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip((*row, obj), (*widths, 0), strict=True))
             .rstrip() for row, obj in zip(rows, objects, strict=True)]
    return "\n".join(lines) + "\n"
