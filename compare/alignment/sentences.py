"""Sentence refinement: inside a matched pair of units, which sentences stayed, changed, came, went.

Part of the alignment stage, run only for pairs whose text changed. The sentences of the left
units and of the right units are chained exactly on their normalised keys (LCS); the sentences
left between two exact anchors are paired in order when their word-feature overlap (Dice
coefficient over words, word prefixes and word pairs) reaches `SENTENCE_THRESHOLD` (*reworded*,
with a word diff); the rest are *removed* or *added*. So a long paragraph with one new sentence
reads as exactly that. Work is bounded: a gap of more than `MAX_PAIRS` sentence pairs is left
unpaired. Sentence pairs are listed in right-hand order, removed sentences after
their left predecessor's pair.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from itertools import pairwise

from ..model import Relation, Sentence, SentencePair, Unit
from .chain import lcs, weighted_chain
from .normalize import features, match_key
from .worddiff import word_diff

SENTENCE_THRESHOLD = 0.4
"""Dice overlap at or above which two sentences in the same gap are one sentence reworded."""

MAX_PAIRS = 2500
"""Gaps with more sentence pairs than this are not compared (their sentences are added/removed)."""


def dice(left: str, right: str) -> float:
    """Dice coefficient of the two texts' feature multisets, in [0, 1]."""
    return _dice(Counter(features(left)), Counter(features(right)))


def _dice(a: Counter[str], b: Counter[str]) -> float:
    total = a.total() + b.total()
    if len(a) > len(b):
        a, b = b, a
    # the multiset intersection's size, counted without building it (`a & b` loops in Python)
    shared = sum([v if v <= w else w for f, v in a.items() if (w := b.get(f, 0))])
    return 2 * shared / total if total else 1.0


def align_sentences(left: Sequence[Unit], right: Sequence[Unit],
                    counted: Callable[[str], Counter[str]] | None = None,
                    ) -> tuple[SentencePair, ...]:
    """Sentence pairs of a changed unit pair (the units of each side taken in order);
    `counted` gives a text's feature counts (`similarity.Space.counts`: shared with the
    aligner's space, whose texts a one-sentence unit's sentence is), else they are counted
    here."""
    ls = [s for u in left for s in u.sentences]
    rs = [s for u in right for s in u.sentences]
    ids: dict[str, int] = {}
    lk = [ids.setdefault(match_key(s.text), len(ids)) for s in ls]
    rk = [ids.setdefault(match_key(s.text), len(ids)) for s in rs]
    anchors = lcs(lk, rk)
    matched: list[tuple[int, int, float]] = [(i, j, 1.0) for i, j in anchors]
    bounds = [(-1, -1), *anchors, (len(ls), len(rs))]
    counts: dict[str, Counter[str]] = {}  # each sentence's features counted once

    def own(text: str) -> Counter[str]:
        c = counts.get(text)
        if c is None:
            c = counts[text] = Counter(features(text))
        return c

    count = own if counted is None else counted

    for (a0, b0), (a1, b1) in pairwise(bounds):
        if (a1 - a0 - 1) * (b1 - b0 - 1) > MAX_PAIRS:
            continue
        cands = [
            (i, j, s)
            for i in range(a0 + 1, a1)
            for j in range(b0 + 1, b1)
            if (s := _dice(count(ls[i].text), count(rs[j].text))) >= SENTENCE_THRESHOLD
        ]
        matched.extend(weighted_chain(cands))
    return tuple(_pairs(ls, rs, sorted(matched)))


def _pairs(
    ls: list[Sentence], rs: list[Sentence], matched: list[tuple[int, int, float]]
) -> list[SentencePair]:
    by_left = {i: (j, s) for i, j, s in matched}
    by_right = {j: i for i, j, _ in matched}
    out: list[SentencePair] = []
    i = 0
    for j, r in enumerate(rs):
        if j in by_right:
            while i < by_right[j]:
                if i not in by_left:
                    out.append(SentencePair(Relation.REMOVED, ls[i].id, None, 0.0,
                                            ((-1, ls[i].text),)))
                i += 1
            left = ls[i]
            i += 1
            out.append(_matched(left, r, by_left[by_right[j]][1]))
        else:
            out.append(SentencePair(Relation.ADDED, None, r.id, 0.0, ((1, r.text),)))
    out.extend(
        SentencePair(Relation.REMOVED, ls[k].id, None, 0.0, ((-1, ls[k].text),))
        for k in range(i, len(ls))
        if k not in by_left
    )
    return out


def _matched(left: Sentence, right: Sentence, score: float) -> SentencePair:
    if match_key(left.text) == match_key(right.text):
        diff = ((0, left.text),) if left.text == right.text else word_diff(left.text, right.text)[0]
        return SentencePair(Relation.UNCHANGED, left.id, right.id, 1.0, diff)
    diff = word_diff(left.text, right.text)[0]
    return SentencePair(Relation.REWORDED, left.id, right.id, round(score, 4), diff)
