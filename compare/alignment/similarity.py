"""Similarity: TF-IDF weighted word and word-prefix features, compared through an inverted index.

Stage three of the alignment pipeline. `Space` weights the features of a set of texts (all the
units of both sides) with TF-IDF: term frequency dampened as
``1 + log(tf)``, inverse document frequency ``log((n + 1) / df)`` over the n distinct texts of
the space, so a feature found in every text weighs almost nothing, and still something when the
corpus is two texts. Similarity is the cosine of two weight vectors, in
[0, 1]. `Index` finds candidates for a query without comparing it to every text: it walks the
posting lists of the query's features, skipping features that are too common to be evidence
(more than `max_df` texts), and keeps the best `top_k` by partial score.

Nothing here knows about units or order; `align` decides what the numbers mean.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain

from .normalize import features

Vector = dict[str, float]


@dataclass(frozen=True)
class Weighted:
    """A text's feature weights (not normalised) and their Euclidean norm; `cosines` keeps
    this vector's cosine with each vector it was compared to (the steps ask again and again),
    `ranked` its (feature, squared weight), heaviest first (filled by `containment`)."""

    weights: Vector
    norm: float
    cosines: dict[int, tuple[Weighted, float]] = field(
        default_factory=dict, compare=False, repr=False)
    ranked: list[tuple[str, float]] = field(default_factory=list, compare=False, repr=False)


class Space:
    """TF-IDF weights over the distinct texts of a corpus (duplicates count once)."""

    def __init__(self, texts: Iterable[str]) -> None:
        found = {t: features(t) for t in dict.fromkeys(texts)}  # each distinct text once
        # a text counts once for each of its features (all counted in one call)
        df: Counter[str] = Counter(chain.from_iterable(map(set, found.values())))
        n = len(found) + 1
        log = math.log
        self.idf: dict[str, float] = {f: log(n / d) for f, d in df.items()}
        self.default_idf = math.log(n)
        # counted and weighed on first use: an aligner asks for the vectors of the units its
        # exact chain left unpaired, often a small share of them (the idf counts every text)
        self._features = found
        self._vectors: dict[str, Weighted] = {}
        self._counts: dict[str, Counter[str]] = {}

    def _weigh(self, counts: Counter[str]) -> Weighted:
        idf, default, log = self.idf, self.default_idf, math.log
        w: Vector = {  # a feature seen once weighs its idf: (1 + log 1) x idf, exactly
            f: idf.get(f, default) if tf == 1 else (1.0 + log(tf)) * idf.get(f, default)
            for f, tf in counts.items()
        }
        return Weighted(w, math.sqrt(sum([x * x for x in w.values()])))

    def vector(self, text: str) -> Weighted:
        """The weights of `text`, weighed on first use (with the corpus's idf; a text not in
        the corpus is weighed by its own features)."""
        vec = self._vectors.get(text)
        if vec is None:
            feats = self._features.get(text)
            vec = self._vectors[text] = self._weigh(
                Counter(feats if feats is not None else features(text)))
        return vec

    def counts(self, text: str) -> Counter[str]:
        """The feature counts of `text` (a sentence's, for `sentences`), counted once per
        text; the features of a text of the corpus are those the space found."""
        found = self._counts.get(text)
        if found is None:
            feats = self._features.get(text)
            found = self._counts[text] = Counter(feats if feats is not None else features(text))
        return found


def dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum([v * b[f] for f, v in a.items() if f in b])  # a list: quicker than a generator


def cosine(a: Weighted, b: Weighted) -> float:
    """Cosine similarity of two weight vectors, in [0, 1]; 0 when either is empty. Computed
    once for each ordered pair of vector objects (a's memo holds b, so b's id stays b's)."""
    seen = a.cosines.get(id(b))
    if seen is not None and seen[0] is b:
        return seen[1]
    if a.norm == 0.0 or b.norm == 0.0:
        value = 0.0
    else:
        value = min(1.0, dot(a.weights, b.weights) / (a.norm * b.norm))
    a.cosines[id(b)] = (b, value)
    return value


def containment(part: Weighted, whole: Weighted, least: float = 0.0) -> float:
    """Share of `part`'s squared weight carried by features that `whole` also has, in [0, 1].

    For a caller that only asks whether the share reaches `least`: the features `whole`
    lacks are summed heaviest first, and once they certainly leave less than `least` (by more
    than any rounding), 0.0 is returned: a text unlike the whole is told from its rare words."""
    if part.norm == 0.0:
        return 0.0
    held = whole.weights  # looked up once, not once per feature
    if least > 0.0:
        budget = (1.0 - least) * part.norm * part.norm * (1.0 + 1e-9)
        lacking = 0.0
        for f, q in _ranked(part):
            if f not in held:
                lacking += q
                if lacking > budget:
                    return 0.0
    inside = sum([v * v for f, v in part.weights.items() if f in held])
    return min(1.0, inside / (part.norm * part.norm))


def _ranked(vec: Weighted) -> list[tuple[str, float]]:
    """`vec.ranked`, filled on first use."""
    if not vec.ranked:
        vec.ranked.extend(sorted([(f, v * v) for f, v in vec.weights.items()],
                                 key=lambda item: -item[1]))
    return vec.ranked


def without_pairs(vec: Weighted) -> Weighted:
    """The weights of words and word prefixes only (word-pair features dropped): the
    vocabulary of a text, for asking whether another text's vocabulary contains it."""
    w = {f: v for f, v in vec.weights.items() if " " not in f}
    return Weighted(w, math.sqrt(sum([x * x for x in w.values()])))


def combine(vectors: Iterable[Weighted]) -> Weighted:
    """The weights of several texts taken together (their sum): for split and merge groups."""
    total: Vector = {}
    for vec in vectors:
        for f, v in vec.weights.items():
            total[f] = total.get(f, 0.0) + v
    return Weighted(total, math.sqrt(sum([x * x for x in total.values()])))


class Index:
    """An inverted index over a list of vectors (members are their positions in the list)."""

    def __init__(self, vectors: Sequence[Weighted], max_df: int = 64) -> None:
        self.vectors = vectors
        self.max_df = max_df
        # members only (a weight is looked up in its vector when a query walks the posting):
        # most postings are never walked, and building them is the index's main cost
        postings: defaultdict[str, list[int]] = defaultdict(list)
        for i, vec in enumerate(vectors):
            for f in vec.weights:
                postings[f].append(i)
        self.postings: dict[str, list[int]] = postings
        self._weights = [vec.weights for vec in vectors]
        self._asked: dict[tuple[int, int], tuple[Weighted, list[int]]] = {}

    def candidates(self, query: Weighted, top_k: int) -> list[int]:
        """Up to `top_k` members sharing the most weight with `query` through rare features.

        Ties are broken by member index, so the answer is deterministic. A query asked again
        (the same vector: copies of a text share theirs) gets the answer of its first asking.
        """
        key = (id(query), top_k)
        seen = self._asked.get(key)
        if seen is not None and seen[0] is query:
            return list(seen[1])
        acc: list[float | None] = [None] * len(self._weights)  # None: not reached
        postings, max_df, weights = self.postings, self.max_df, self._weights
        for f, v in query.weights.items():
            post = postings.get(f)
            if post is None or len(post) > max_df:
                continue
            for i in post:
                acc[i] = (acc[i] or 0.0) + v * weights[i][f]  # the first: 0.0 + its weight
        # (-score, member) orders as the score down, ties by member index up
        found = [i for _, i in heapq.nsmallest(
            top_k, [(-s, i) for i, s in enumerate(acc) if s is not None])]
        self._asked[key] = (query, found)
        return list(found)
