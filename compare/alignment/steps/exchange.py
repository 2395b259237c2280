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
"""

from __future__ import annotations

from ..normalize import match_key
from ..similarity import combine, cosine
from .params import EXCHANGE_NEAR, LOW, SENTENCE_WORDS
from .state import Match, State, expected

SIDES = ("right", "left")


def exchanges(st: State) -> int:
    """Take out of their groups the parts that a free unit explains one to one (see the module
    docstring); returns how many were taken out."""
    keys = _SentenceKeys(st)
    plans: list[tuple[int, float, int, int, int]] = []  # (-kept, -cosine, side, part, free)
    for s, side in enumerate(SIDES):
        plans += [(-kept, -round(sim, 9), s, p, f) for kept, sim, p, f in _plans(st, side, keys)]
    done = 0
    for _, _, s, p, f in sorted(plans):
        done += _apply(st, SIDES[s], p, f)
    return done


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
    st.add(Match(left, right, _cosine(st, side, p, f), _kind(st, left[0], right[0])))
    return 1


def _kind(st: State, i: int, j: int) -> str:
    """"gap" when left unit i and right unit j stand in order with the nearest in-order
    matches before and after i (a match placed, as in the main sequence, by its first units),
    else "move"."""
    def anchor(ks: range) -> Match | None:
        return next((m for k in ks if (m := st.lpair[k]) is not None and m.kind != "move"
                     and m.left[0] == k), None)

    before, after = anchor(range(i - 1, -1, -1)), anchor(range(i + 1, len(st.lu)))
    ok = (before is None or before.right[0] < j) and (after is None or after.right[0] > j)
    return "gap" if ok else "move"
