"""Step 5g, sentence exchanges: a part of a split or merge that a free unit explains one to one.

Two neighbouring paragraphs that trade a sentence each (P = A1 A2, Q = B1 B2 become P' = A1 B2
and Q' = B1 A2) look, by their words, like a merge (P and Q into Q', which holds most of both)
beside an added P', or like a split of P into P' and Q' beside a removed Q. The sentences tell
the two readings apart: P' is not new, it opens with P's own sentence, and that sentence is in
no unit of the merge's whole. So a part p of a group (a split or merge of one whole W) leaves
the group and pairs one to one with a free unit f of W's side when f holds, word for word after
normalisation (`normalize.match_key`), at least one sentence of p that W lacks, and at least as
many of them as W holds of p's sentences that f lacks (so each reading keeps as many of p's
sentences; the one that leaves no unit unexplained wins); f stands within `EXCHANGE_NEAR` units
of where p is expected; the two are alike (cosine >= `LOW` x threshold); and the group keeps at
least one part. A sentence counts only with at least `SENTENCE_WORDS` words (a short formula
repeated everywhere is no evidence). A true merge keeps all of its parts' sentences in the
whole (verbatim or reworded) and leaves no free unit beside it holding one of them that the
whole lacks, so it stays. Plans are taken best first (most sentences kept, then most alike,
then side and indices), on both sides at once, so that swapping the documents mirrors the
result (split <-> merge).

The exchange may also be read with a far part: Q' = B1 A2 taken as a merge of Q with another
copy of P far away, when P itself is paired with P'. Such a part (two or more units from the
rest of its group) leaves the group first when every sentence it brings the whole word for
word also stands in a unit nearer the group (within `NEAR`) that is paired one to one with a
unit lacking it and holding in return a sentence of the group's other parts that the whole
lacks, and none of the far part's other sentences is in the whole, even reworded
(`sentences.dice` >= `SENTENCE_THRESHOLD`): the two pairs traded sentences, and the far part
gives the whole nothing of its own.
"""

from __future__ import annotations

from ..normalize import match_key
from ..sentences import SENTENCE_THRESHOLD, dice
from ..similarity import combine, cosine
from .params import EXCHANGE_NEAR, LOW, NEAR, SENTENCE_WORDS
from .state import Match, State, expected

SIDES = ("right", "left")


def exchanges(st: State) -> int:
    """Take out of their groups the parts that a free unit explains one to one (see the module
    docstring); returns how many were taken out."""
    keys = _SentenceKeys(st)
    done = _borrowed(st, keys)
    plans: list[tuple[int, float, int, int, int]] = []  # (-kept, -cosine, side, part, free)
    for s, side in enumerate(SIDES):
        plans += [(-kept, -round(sim, 9), s, p, f) for kept, sim, p, f in _plans(st, side, keys)]
    for _, _, s, p, f in sorted(plans):
        done += _apply(st, SIDES[s], p, f)
    return done


def _borrowed(st: State, keys: _SentenceKeys) -> int:
    """Take out of their groups the far parts that bring the whole only sentences a nearer
    unit also holds and its own partner lacks: the whole borrowed them from that unit (an
    exchange between two pairs), and the far part's other sentences are not in the whole,
    neither word for word nor reworded (`sentences.dice` below `SENTENCE_THRESHOLD`). Parts
    are judged on both sides as the groups stood before, so that the result mirrors."""
    places = {side: expected(st, "left" if side == "right" else "right") for side in SIDES}
    found = [(side, p, m) for side in SIDES
             for p, m in enumerate(st.rpair if side == "right" else st.lpair)
             if m is not None and _group(side, m) and _lent(st, side, keys, p, m, places[side])]
    done = 0
    for side, p, m in found:
        group = m.right if side == "right" else m.left
        if len(group) < 2:
            continue  # (every part lent: the group keeps its last one)
        group.remove(p)
        whole = st.vec_l(m.left[0]) if side == "right" else st.vec_r(m.right[0])
        vec = st.vec_r if side == "right" else st.vec_l
        m.similarity = cosine(whole, combine(vec(k) for k in group))
        (st.rpair if side == "right" else st.lpair)[p] = None
        done += 1
    return done


def _lent(st: State, side: str, keys: _SentenceKeys, p: int, m: Match,
          place: list[int]) -> bool:
    """Whether part p of group `m` brings its whole only sentences lent by a unit nearer
    where the whole is expected on p's side (`place`, per unit of the whole's side; see
    `_borrowed`)."""
    parts = st.rpair if side == "right" else st.lpair
    other = "left" if side == "right" else "right"
    group, whole = (m.right, m.left[0]) if side == "right" else (m.left, m.right[0])
    at = place[whole]
    far = abs(p - at)
    given = keys.of(side, p) & keys.of(other, whole)
    if not given or far < 2:
        return False
    units = st.ru if side == "right" else st.lu
    wunits = st.lu if side == "right" else st.ru
    wtexts = [s.text for s in wunits[whole].sentences]
    for s in units[p].sentences:
        key = match_key(s.text)
        if key not in given and len(key.split()) >= SENTENCE_WORDS and any(
                dice(s.text, t) >= SENTENCE_THRESHOLD for t in wtexts):
            return False  # a sentence of p reworded in the whole: p is a part
    reach = min(far - 1, NEAR)
    near = [q for q in range(max(0, at - reach), min(len(parts), at + reach + 1))
            if q != p and q not in group]
    back = frozenset().union(*(keys.of(side, g) for g in group if g != p)) - keys.of(other, whole)
    return all(any(key in keys.of(side, q) and _lost(st, side, keys, q, key, back) for q in near)
               for key in given)


def _lost(st: State, side: str, keys: _SentenceKeys, q: int, key: str,
          back: frozenset[str]) -> bool:
    """Whether unit q (on `side`) is paired one to one, not exactly, with a unit that lacks
    the sentence `key` and holds one of `back` (a sentence of the group's other parts that
    their whole lacks): the two pairs traded sentences."""
    m = (st.rpair if side == "right" else st.lpair)[q]
    if m is None or m.kind == "exact" or len(m.left) != 1 or len(m.right) != 1:
        return False
    partner, other = (m.left[0], "left") if side == "right" else (m.right[0], "right")
    held = keys.of(other, partner)
    return key not in held and not held.isdisjoint(back)


class _SentenceKeys:
    """The normalised keys of each unit's sentences of at least `SENTENCE_WORDS` words, worked
    out on first use."""

    def __init__(self, st: State) -> None:
        self.st = st
        self.done: dict[tuple[str, int], frozenset[str]] = {}

    def of(self, side: str, k: int) -> frozenset[str]:
        got = self.done.get((side, k))
        if got is None:
            unit = (self.st.ru if side == "right" else self.st.lu)[k]
            found = (match_key(s.text) for s in unit.sentences)
            got = frozenset(key for key in found if len(key.split()) >= SENTENCE_WORDS)
            self.done[side, k] = got
        return got


def _plans(st: State, side: str, keys: _SentenceKeys) -> list[tuple[int, float, int, int]]:
    """(sentences kept, cosine, part, free unit) for the parts on `side` (the side of a
    group's parts) that a free unit of the other side explains one to one."""
    parts = st.rpair if side == "right" else st.lpair
    other = "left" if side == "right" else "right"
    free_other = st.lpair if side == "right" else st.rpair
    by_key: dict[str, list[int]] = {}  # sentence key -> free units of the other side
    for k, m in enumerate(free_other):
        if m is None:
            for key in keys.of(other, k):
                by_key.setdefault(key, []).append(k)
    if not by_key:
        return []
    place = expected(st, side)
    out = []
    for p, m in enumerate(parts):
        if m is None or not _group(side, m):
            continue
        whole = (m.left if side == "right" else m.right)[0]
        own, held = keys.of(side, p), keys.of(other, whole)
        lacking = own - held
        cands = sorted({f for key in lacking for f in by_key.get(key, ())
                        if abs(f - place[p]) <= EXCHANGE_NEAR})
        for f in cands:
            there = keys.of(other, f)
            kept, lost = len(lacking & there), len((own & held) - there)
            if kept < lost:
                continue
            sim = _cosine(st, side, p, f)
            if sim >= LOW * st.threshold:
                out.append((kept - lost, sim, p, f))
    return out


def _group(side: str, m: Match) -> bool:
    """A split or merge of one whole with its parts on `side`: two or more parts, not exact."""
    group, other = (m.right, m.left) if side == "right" else (m.left, m.right)
    return m.kind != "exact" and len(other) == 1 and len(group) > 1


def _cosine(st: State, side: str, p: int, f: int) -> float:
    return cosine(st.vec_r(p), st.vec_l(f)) if side == "right" else \
        cosine(st.vec_l(p), st.vec_r(f))


def _apply(st: State, side: str, p: int, f: int) -> int:
    """Take part p out of its group and pair it with free unit f, if both still stand so."""
    parts = st.rpair if side == "right" else st.lpair
    free_other = st.lpair if side == "right" else st.rpair
    m = parts[p]
    if m is None or not _group(side, m) or free_other[f] is not None:
        return 0
    group = m.right if side == "right" else m.left
    group.remove(p)
    whole = st.vec_l(m.left[0]) if side == "right" else st.vec_r(m.right[0])
    vec = st.vec_r if side == "right" else st.vec_l
    m.similarity = cosine(whole, combine(vec(k) for k in group))
    parts[p] = None
    left, right = ([f], [p]) if side == "right" else ([p], [f])
    st.add(Match(left, right, _cosine(st, side, p, f), kind_at(st, left[0], right[0])))
    return 1


def kind_at(st: State, i: int, j: int) -> str:
    """"gap" when left unit i and right unit j stand in order with the nearest in-order
    matches before and after i (a match placed, as in the main sequence, by its first units),
    else "move"."""
    def anchor(ks: range) -> Match | None:
        return next((m for k in ks if (m := st.lpair[k]) is not None and m.kind != "move"
                     and m.left[0] == k), None)

    before, after = anchor(range(i - 1, -1, -1)), anchor(range(i + 1, len(st.lu)))
    ok = (before is None or before.right[0] < j) and (after is None or after.right[0] > j)
    return "gap" if ok else "move"
