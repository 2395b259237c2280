"""Analyse stage, commitments across an alignment: added, dropped, strengthened or softened.

`diff_commitments(alignment)` finds the commitments of both declarations and follows the
alignment: pair by pair, the sentences the alignment paired (with its own word-set matching for
the sentences it left unpaired inside a pair), in document order. Two paired commitments are
compared by force, the phrase's level breaking a tie (`compare_commitments`), with reasons; a
commitment whose sentence has no committing counterpart is added or dropped.
"""

from __future__ import annotations

from ..model import Alignment, Commitment, CommitmentChange, CommitmentChangeKind, Pair, Unit
from .config import ConfigArg, as_config
from .lexicon import tokens
from .read import Cache, find_commitments


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
    x, y = set(tokens(a)), set(tokens(b))
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
    cfg = as_config(config)
    cache: Cache = {}
    lc = {c.sentence: c for c in find_commitments(alignment.left, cfg, cache)}
    rc = {c.sentence: c for c in find_commitments(alignment.right, cfg, cache)}
    lunits = {u.id: u for u in alignment.left.units()}
    runits = {u.id: u for u in alignment.right.units()}
    out: list[CommitmentChange] = []
    for pair in alignment.pairs:
        for m in _pair_matches(pair, lunits, runits):
            change = _change(m, lc, rc)
            if change is not None:
                out.append(change)
    return tuple(out)

