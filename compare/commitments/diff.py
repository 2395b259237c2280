"""Analyse stage, commitments across an alignment: added, dropped, strengthened or softened.

`diff_commitments(alignment)` finds the commitments of both declarations and follows the
alignment: pair by pair, the sentences the alignment paired (with its own word-set matching for
the sentences it left unpaired inside a pair), in document order. Two paired commitments are
compared clause by clause (`pairing`): by force (`compare_commitments`), with reasons; a
commitment with no counterpart clause is added or dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict, deque

from ..model import (
    Alignment,
    Commitment,
    CommitmentChange,
    CommitmentChangeKind,
    Declaration,
    Pair,
    Unit,
)
from .config import ConfigArg, as_config
from .lexicon import tokens
from .pairing import pair_clauses
from .read import Cache, find_commitments


def _reasons(left: Commitment, right: Commitment) -> tuple[str, ...]:
    if (left.level == right.level and left.phrase == right.phrase and left.actor == right.actor
            and left.hedges == right.hedges and left.intensifiers == right.intensifiers
            and left.negated == right.negated):
        return ()  # what the steps below find: nothing (a sentence kept, most often)
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


def compare_commitments(left: Commitment, right: Commitment, translation: bool = False
                        ) -> CommitmentChange:
    """Strengthened or softened as the force moves, else unchanged (a phrase swapped for
    another of the same force, "shall" / "must" / "will", is unchanged, with the swap among
    its reasons). Between two renderings of one text (`translation`) an unchanged commitment
    carries no reasons: its wording differences are the translator's."""
    change: CommitmentChangeKind = (
        "strengthened" if right.force > left.force else
        "softened" if right.force < left.force else "unchanged"
    )
    reasons = _reasons(left, right)
    if translation and change == "unchanged":
        reasons = ()
    return _change(change, left, right, reasons)


def _change(change: CommitmentChangeKind, left: Commitment | None, right: Commitment | None,
            reasons: tuple[str, ...]) -> CommitmentChange:
    """`CommitmentChange(change, left, right, reasons)`, its fields set as the instance's dict
    (the frozen `__init__` sets each by `object.__setattr__`): equal, and as frozen."""
    out = object.__new__(CommitmentChange)
    out.__dict__.update(change=change, left=left, right=right, reasons=reasons)
    return out


SENTENCE_MATCH = 0.5
"""Least word-set similarity for two sentences of a pair to be matched by the fallback."""

FALLBACK_CAP = 100_000
"""Most left x right sentences the fallback compares by similarity (a one-paragraph text of
thousands of sentences on each side); past it, only sentences of the same words are matched."""

Match = tuple[str | None, str | None]


def _jaccard(x: frozenset[str], y: frozenset[str]) -> float:
    return len(x & y) / len(x | y) if x | y else 1.0


def _fallback(left: list[tuple[str, str]], right: list[tuple[str, str]],
              words: dict[str, frozenset[str]]) -> list[Match]:
    """Match the sentences the alignment left unpaired: best word-set similarity first, ties in
    order. Sentences of the same word set (similarity 1) are matched first by look-up, which is
    what the ordering would do; the rest are compared pair by pair up to `FALLBACK_CAP`.
    `words`: the word sets of texts seen before (formulaic texts repeat sentences)."""
    if not left or not right:  # nothing to match: what the steps below give
        return [(sid, None) for sid, _ in left] + [(None, sid) for sid, _ in right]
    lsets = [_words(t, words) for _, t in left]
    rsets = [_words(t, words) for _, t in right]
    waiting: dict[frozenset[str], deque[int]] = defaultdict(deque)
    for ri, x in enumerate(rsets):
        waiting[x].append(ri)
    used_l: dict[int, int] = {}
    for li, x in enumerate(lsets):
        if queue := waiting.get(x):
            used_l[li] = queue.popleft()
    used_r = set(used_l.values())
    ls = [i for i in range(len(left)) if i not in used_l]
    rs = [i for i in range(len(right)) if i not in used_r]
    if len(ls) * len(rs) <= FALLBACK_CAP:
        scored = sorted((-_jaccard(lsets[li], rsets[ri]), li, ri) for li in ls for ri in rs)
        for neg, li, ri in scored:
            if -neg >= SENTENCE_MATCH and li not in used_l and ri not in used_r:
                used_l[li] = ri
                used_r.add(ri)
    out: list[Match] = [(left[li][0], right[ri][0]) for li, ri in sorted(
        used_l.items(), key=lambda p: (-_jaccard(lsets[p[0]], rsets[p[1]]), p[0], p[1]))]
    out += [(sid, None) for i, (sid, _) in enumerate(left) if i not in used_l]
    out += [(None, sid) for i, (sid, _) in enumerate(right) if i not in used_r]
    return out


def _words(text: str, seen: dict[str, frozenset[str]]) -> frozenset[str]:
    found = seen.get(text)
    if found is None:
        found = seen[text] = frozenset(tokens(text))
    return found


def _in_order(matches: list[Match], lpos: dict[str, int], rpos: dict[str, int]) -> list[Match]:
    """Document order: by right position; a dropped sentence after the last one placed whose
    left position is before its own (in left order among the dropped)."""
    placed = sorted((m for m in matches if m[1] is not None), key=lambda m: rpos[m[1] or ""])
    if len(placed) == len(matches):  # nothing dropped to place among them
        return placed
    lefts = sorted((lpos[m[0]], k) for k, m in enumerate(placed) if m[0] is not None)
    keys = [p for p, _ in lefts]
    best: list[int] = []
    for _, k in lefts:
        best.append(max(best[-1], k) if best else k)
    keyed = [(float(k), 0, m) for k, m in enumerate(placed)]
    for m in (m for m in matches if m[1] is None):
        p = lpos[m[0] or ""]
        n = bisect_left(keys, p)
        keyed.append(((best[n - 1] if n else -1) + 0.5, p, m))
    return [m for _, _, m in sorted(keyed, key=lambda x: (x[0], x[1]))]


def _pair_matches(pair: Pair, lunits: dict[str, Unit], runits: dict[str, Unit],
                  words: dict[str, frozenset[str]]) -> list[Match]:
    ls = [(s.id, s.text) for uid in pair.left if uid in lunits for s in lunits[uid].sentences]
    rs = [(s.id, s.text) for uid in pair.right if uid in runits for s in runits[uid].sentences]
    if not pair.sentences and [t for _, t in ls] == [t for _, t in rs]:
        # the same sentences: each is matched with its own, what `_fallback` would find
        return [(a, b) for (a, _), (b, _) in zip(ls, rs, strict=True)]
    lpos = {sid: i for i, (sid, _) in enumerate(ls)}
    rpos = {sid: i for i, (sid, _) in enumerate(rs)}
    given = [(sp.left, sp.right) for sp in pair.sentences
             if (sp.left is None or sp.left in lpos) and (sp.right is None or sp.right in rpos)
             and (sp.left, sp.right) != (None, None)]
    seen_l = {m[0] for m in given}
    seen_r = {m[1] for m in given}
    rest = _fallback([x for x in ls if x[0] not in seen_l], [x for x in rs if x[0] not in seen_r],
                     words)
    return _in_order(given + rest, lpos, rpos)


Found = dict[str, tuple[Commitment, ...]]


def _same_force(pairs: list[tuple[Commitment | None, Commitment | None]]
                ) -> list[tuple[Commitment | None, Commitment | None]]:
    """Between renderings: a clause left alone in a sentence that still has a commitment of
    its actor at its force on the other side was worded as one with it ("will A and will B" /
    "will A and B"): paired with that one, not added or dropped."""
    lefts = [lc for lc, rc in pairs if lc and rc]
    rights = [rc for lc, rc in pairs if lc and rc]
    out: list[tuple[Commitment | None, Commitment | None]] = []
    for lc, rc in pairs:
        if lc and not rc:
            rc = next((r for r in rights if (r.actor, r.force) == (lc.actor, lc.force)), None)
        elif rc and not lc:
            lc = next((x for x in lefts if (x.actor, x.force) == (rc.actor, rc.force)), None)
        out.append((lc, rc))
    return out


def _changes(match_: Match, lc: Found, rc: Found, translation: bool
             ) -> list[CommitmentChange]:
    """The changes of one matched pair of sentences, commitment by commitment."""
    left, right = lc.get(match_[0] or "", ()), rc.get(match_[1] or "", ())
    out: list[CommitmentChange] = []
    pairs = pair_clauses(left, right)
    for lcm, rcm in _same_force(pairs) if translation else pairs:
        if lcm and rcm:
            out.append(compare_commitments(lcm, rcm, translation))
        elif lcm:
            why = ("sentence removed" if match_[1] is None else
                   "the sentence no longer commits" if not right else
                   "the sentence no longer holds this commitment")
            out.append(_change("dropped", lcm, None, (why,)))
        elif rcm:
            why = ("sentence added" if match_[0] is None else
                   "the sentence now commits" if not left else
                   "the sentence holds a new commitment")
            out.append(_change("added", None, rcm, (why,)))
    return out


def _by_sentence(found: tuple[Commitment, ...]) -> Found:
    out: dict[str, list[Commitment]] = {}
    for c in found:
        out.setdefault(c.sentence, []).append(c)
    return {k: tuple(v) for k, v in out.items()}


_DRAFT = re.compile(r"(?i)\bdraft|\u043f\u0440\u043e\u0435\u043a\u0442|\u8349\u6848")
"""A version label naming a draft ("negotiating draft", "проект", "草案")."""


def versions_of_one_work(left: Declaration, right: Declaration) -> bool:
    """Whether the metadata says the two texts render one work in one language: both are
    versions of the same work (`version_of`), neither the other's, and neither is a draft
    (status `draft`, or a version label naming one). A text that is a version of the other
    (a draft and its adopted text, an amended text) is a revision, not a rendering: its
    commitment changes are what is compared; so are two drafts of one work."""
    a, b = left.meta, right.meta
    if (a.language or "").lower() != (b.language or "").lower():
        return False
    if not a.version_of or a.version_of != b.version_of or a.id in (b.version_of, b.id) or (
            b.id == a.version_of):
        return False  # not siblings: one is the other's version (or its own work)
    return not any(m.status == "draft" or _DRAFT.search(m.version_label) for m in (a, b))


def diff_commitments(alignment: Alignment, config: ConfigArg = None,
                     translation: bool | None = None, cache: Cache | None = None
                     ) -> tuple[CommitmentChange, ...]:
    """Each commitment of either side as added, dropped, strengthened, softened or unchanged,
    pair by pair in the alignment's order, sentence by sentence in document order, clause by
    clause within a sentence (`pairing`). With `translation`, wording differences of the same
    force are unchanged (`compare_commitments`, `_same_force`); None: when the metadata says
    the two texts render one work (`versions_of_one_work`). `cache`: the readings to share
    (`read.Cache`; a new one when None)."""
    if translation is None:
        translation = versions_of_one_work(alignment.left, alignment.right)
    cfg = as_config(config)
    cache = Cache() if cache is None else cache
    lc = _by_sentence(find_commitments(alignment.left, cfg, cache))
    rc = _by_sentence(find_commitments(alignment.right, cfg, cache))
    lunits = {u.id: u for u in alignment.left.units()}
    runits = {u.id: u for u in alignment.right.units()}
    out: list[CommitmentChange] = []
    words: dict[str, frozenset[str]] = {}
    for pair in alignment.pairs:
        for m in _pair_matches(pair, lunits, runits, words):
            out.extend(_changes(m, lc, rc, translation))
    return tuple(out)
