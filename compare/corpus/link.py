"""Links between the units of consecutive declarations, and back to dormant units (revivals).

One TF-IDF `Space` is built over every unit text of the series (idf over the whole corpus), so a
unit is weighed once. Linking declaration B to the one before it, A: (1) units with equal
normalised text (`match_key`) are paired in document order; (2) the remaining units of B ask an
inverted index over the remaining units of A for candidates, and pairs with cosine at or above
`THRESHOLD` are taken best first, one to one (ties: lower A index, then lower B index); (3)
leftovers between the same two matched neighbours that are each other's best match there, at
`GAP_FLOOR` or more, are paired (order is evidence); (4) a leftover unit whose vocabulary is at
least `CONTAIN` inside the other side of a changed pair standing within `NEAR` units of it, and
which raises that pair's similarity when joined, joins the pair (a split or a merge); (5) the
still unmatched units of B ask the index of **dormant** units (units of earlier declarations
that nothing continued) for a revival at `THRESHOLD`. No step compares every pair:
candidates come from posting lists of features rarer than `MAX_DF` texts, `TOP_K` per query,
gaps are searched pair by pair only up to `GAP_MAX`, and splits and merges look at neighbours
only, so the cost grows with the number of units, not its square.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..alignment.normalize import match_key
from ..alignment.similarity import Space, Weighted, combine, containment, cosine, without_pairs
from ..model import Declaration, Unit

THRESHOLD = 0.5
"""Cosine at or above which two units are one clause (the aligner's default)."""
CONTAIN = 0.7
"""Share of a leftover unit's vocabulary weight that must lie in a matched unit to join it."""
TOP_K = 8
"""Candidates asked of an index per query."""
MAX_DF = 64
"""Features found in more texts than this are skipped when looking for candidates."""
NEAR = 6
"""Farthest (in units) a leftover may stand from the changed pair it joins as a split or merge
(parts stand together, but a new, revived or moved clause may come between them)."""
STEP_DF = 16
"""Features found in more than this many of a declaration's unmatched units are skipped when
asking for candidates (common words are no evidence, and the work per query stays bounded)."""
PART_DF = 16
"""Beyond its neighbours, a leftover looks for a changed pair to join through features found in
at most this many of them, and asks for `PART_K` candidates (so a part that moved is found
too, at a bounded cost per leftover)."""
PART_K = 3
GAP_FLOOR = 0.25
"""Cosine that two leftovers between the same matched neighbours, each other's best, need."""
GAP_MAX = 400
"""Largest gap (left leftovers x right leftovers) searched pair by pair; larger ones are not."""


@dataclass(frozen=True)
class Link:
    """A unit (`source`: declaration index, unit index) continued by a unit of `target`."""

    source: tuple[int, int]
    target: tuple[int, int]
    similarity: float
    kind: str  # "same", "similar", "part" (split or merge), "revival"


class Postings:
    """An inverted index that grows (units added) and shrinks (members retired)."""

    def __init__(self, max_df: int = MAX_DF) -> None:
        self.postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        self.retired: set[int] = set()
        self.max_df = max_df

    def add(self, member: int, vec: Weighted) -> None:
        for f, w in vec.weights.items():
            self.postings[f].append((member, w))

    def candidates(self, query: Weighted, top_k: int = TOP_K) -> list[int]:
        acc: dict[int, float] = {}
        for f, v in query.weights.items():
            post = self.postings.get(f)
            if not post or len(post) > self.max_df:
                continue
            for i, w in post:
                if i not in self.retired:
                    acc[i] = acc.get(i, 0.0) + v * w
        best = heapq.nsmallest(top_k, acc.items(), key=lambda kv: (-kv[1], kv[0]))
        return [i for i, _ in best]


class Linker:
    """Links each declaration of a series to the one before it and to dormant units."""

    def __init__(self, decls: Sequence[Declaration]) -> None:
        self.units: list[tuple[Unit, ...]] = [d.units() for d in decls]
        self.space = Space(u.text for us in self.units for u in us)
        self.vecs = [[self.space.vector(u.text) for u in us] for us in self.units]
        self.keys = [[match_key(u.text) for u in us] for us in self.units]
        self.dormant = Postings()
        self.dormant_of: list[tuple[int, int]] = []
        self._vocab: dict[tuple[int, int], Weighted] = {}

    def vocab(self, d: int, u: int) -> Weighted:
        """The unit's words and prefixes only (`without_pairs`), computed once."""
        v = self._vocab.get((d, u))
        if v is None:
            v = self._vocab[(d, u)] = without_pairs(self.vecs[d][u])
        return v

    def links(self) -> list[Link]:
        out: list[Link] = []
        for b in range(1, len(self.units)):
            step = self.step(b - 1, b)
            continued = {lk.source[1] for lk in step}
            out.extend(step)
            revived = self.revive(b, {lk.target[1] for lk in step})
            out.extend(revived)
            for i in range(len(self.units[b - 1])):
                if i not in continued:
                    self.dormant.add(len(self.dormant_of), self.vocab(b - 1, i))
                    self.dormant_of.append((b - 1, i))
        return out

    def step(self, a: int, b: int) -> list[Link]:
        pairs: dict[int, int] = {}  # B index -> A index
        sims: dict[int, float] = {}
        by_key: dict[str, list[int]] = defaultdict(list)
        for i, k in enumerate(self.keys[a]):
            by_key[k].append(i)
        for j, k in enumerate(self.keys[b]):
            if by_key.get(k):
                pairs[j] = by_key[k].pop(0)
                sims[j] = 1.0
        self._similar(a, b, pairs, sims)
        self._gaps(a, b, pairs, sims)
        links = [Link((a, i), (b, j), sims[j], "same" if sims[j] == 1.0 else "similar")
                 for j, i in sorted(pairs.items())]
        changed = {j: i for j, i in pairs.items() if sims[j] < 1.0}
        return links + self._parts(a, b, changed, set(pairs.values()), set(pairs))

    def _similar(self, a: int, b: int, pairs: dict[int, int], sims: dict[int, float]) -> None:
        taken = set(pairs.values())
        free_a = [i for i in range(len(self.units[a])) if i not in taken]
        index = Postings(STEP_DF)
        for i in free_a:
            index.add(i, self.vecs[a][i])
        cands: list[tuple[float, int, int]] = []
        for j in range(len(self.units[b])):
            if j in pairs:
                continue
            for i in index.candidates(self.vecs[b][j]):
                sim = cosine(self.vecs[a][i], self.vecs[b][j])
                if sim >= THRESHOLD:
                    cands.append((-sim, i, j))
        for neg, i, j in sorted(cands):
            if i not in taken and j not in pairs:
                pairs[j] = i
                sims[j] = round(-neg, 4)
                taken.add(i)

    def _gaps(self, a: int, b: int, pairs: dict[int, int], sims: dict[int, float]) -> None:
        """Leftovers between the same two matched neighbours (order is evidence): each other's
        best match there, at `GAP_FLOOR` or more, are one clause reworded."""
        order = sorted(pairs.items())
        taken = set(pairs.values())
        gaps: dict[tuple[int, int], list[int]] = defaultdict(list)
        k = 0
        for j in range(len(self.units[b])):
            while k < len(order) and order[k][0] < j:
                k += 1
            if j in pairs:
                continue
            lo = order[k - 1][1] if k else -1
            hi = order[k][1] if k < len(order) else len(self.units[a])
            if lo < hi:
                gaps[(lo, hi)].append(j)
        for (lo, hi), js in sorted(gaps.items()):
            iis = [i for i in range(lo + 1, hi) if i not in taken]
            if not iis or len(iis) * len(js) > GAP_MAX:
                continue
            sim = {(i, j): cosine(self.vecs[a][i], self.vecs[b][j]) for i in iis for j in js}
            for j in js:
                i = max(iis, key=lambda i: (sim[(i, j)], -i))
                best_j = max(js, key=lambda jj: (sim[(i, jj)], -jj))
                if best_j == j and sim[(i, j)] >= GAP_FLOOR and i not in taken:
                    pairs[j] = i
                    sims[j] = round(sim[(i, j)], 4)
                    taken.add(i)

    def _parts(self, a: int, b: int, pairs: dict[int, int], used_a: set[int], used_b: set[int]
               ) -> list[Link]:
        """Leftovers of either side joining a changed pair beside them: splits and merges. (A
        pair of equal texts lost nothing and took in nothing, so only changed pairs are asked;
        the parts of a split or a merge stand together, so only `NEAR` neighbours are.)"""
        out: list[Link] = []
        of_a = {i: j for j, i in pairs.items()}
        for side, mine, partner, used in ((b, a, pairs, used_b), (a, b, of_a, used_a)):
            # partner: unit of `side` in a changed pair -> its unit on the other side (`mine`)
            index = Postings(PART_DF)
            of_mine = {k: y for y, k in partner.items()}
            for k in sorted(of_mine):
                index.add(k, self.vocab(mine, k))
            for x in range(len(self.units[side])):
                if x in used:
                    continue
                far = [of_mine[k] for k in index.candidates(self.vocab(side, x), PART_K)]
                found = self._join(side, x, mine, partner, far)
                if found is not None:
                    k, sim = found
                    src, dst = ((mine, k), (side, x)) if side == b else ((side, x), (mine, k))
                    out.append(Link(src, dst, sim, "part"))
        return out

    def _join(self, side: int, x: int, mine: int, partner: dict[int, int], far: list[int]
              ) -> tuple[int, float] | None:
        vx = self.vecs[side][x]
        vocab = self.vocab(side, x)
        near = sorted((abs(y - x), y) for y in range(x - NEAR, x + NEAR + 1) if y in partner)
        for y in dict.fromkeys([y for _, y in near] + far):
            k = partner[y]
            whole = self.vecs[mine][k]
            if containment(vocab, self.vocab(mine, k)) < CONTAIN:
                continue
            before = cosine(self.vecs[side][y], whole)
            after = cosine(combine([self.vecs[side][y], vx]), whole)
            if after > before:
                return k, round(after, 4)
        return None

    def revive(self, b: int, matched: set[int]) -> list[Link]:
        out: list[Link] = []
        best: list[tuple[float, int, int]] = []
        for j in range(len(self.units[b])):
            if j in matched:
                continue
            vocab = self.vocab(b, j)
            for m in self.dormant.candidates(vocab):
                da, di = self.dormant_of[m]
                sim = cosine(self.vecs[da][di], self.vecs[b][j])
                if sim >= THRESHOLD:
                    best.append((-sim, m, j))
        done: set[int] = set()
        for neg, m, j in sorted(best):
            if m in self.dormant.retired or j in done:
                continue
            self.dormant.retired.add(m)
            done.add(j)
            out.append(Link(self.dormant_of[m], (b, j), round(-neg, 4), "revival"))
        return out
