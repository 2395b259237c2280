"""Align: pair the units (paragraphs and list items) of two declarations, clause by clause.

Stage three of the pipeline (tokenise, normalise, **align**, analyse, visualise). `align(left,
right)` is pure and deterministic; every unit of each side ends up in exactly one `Pair`:

1. **Exact chain.** Units whose normalised text (`normalize.match_key`) is equal are chained in
   order by a longest common subsequence (`chain.exact_chain`, windowed on long inputs). These
   are *unchanged*; a pair whose stored texts differ gets the note "normalisation-only" (and
   "invisible-characters" when zero-width or bidi characters differ). Repeated texts: when
   several equal units lie between the same two neighbouring anchors, the anchor goes to the
   copy whose gaps before and after pair best (so "R x R" -> "R' R" keeps R' reworded).
2. **Gaps.** Between two consecutive anchors, the unmatched units of both sides are compared by
   TF-IDF cosine (`similarity`; word and word-prefix features, idf over all distinct unit texts
   of both sides), and the in-order chain of largest total similarity among pairs at or above
   `threshold` (default `THRESHOLD`) is taken (*reworded*). A matched unit absorbs unmatched
   neighbours on the other side, up to `GROUP_MAX`, that it largely contains (containment >=
   `LOOSE`, so a part may be reworded) when that raises the similarity: *split* (one left,
   several right) or *merged* (several left, one right); runs of adjacent units that together
   reach the threshold, each contained (>= `CONTAIN`), form a split or merge too.
3. **Moves.** Units still unmatched are paired across the document: equal keys first (in order,
   choosing which copies by least distance from their expected places), then by cosine >=
   `threshold`, best first, candidates from an inverted index over rare features plus the
   leftovers nearest the expected place. A changed text moved d units from where it was
   expected needs more: `threshold` + (1 - `threshold`) * d / (d + `HALF`), so a far pair of
   merely similar formulaic clauses is a deletion and an insertion, not a move.
4. **Main sequence.** The heaviest in-order chain over all these matches (weight: similarity
   times units) is the main sequence. In the first round every match outside it is undone and
   steps 2-3 run again with the corrected anchors; in the second round matches outside it are
   *moved* (note "reworded" when the text changed).
5. **Gap filling.** Order and anchors are evidence: inside each remaining gap the leftovers are
   chained in order among pairs reaching `LOW` x threshold, or each other's best match in the
   gap reaching `FLOOR` x threshold when the chain has at least two pairs (a lone weak pair
   between two anchors is as likely a deletion beside an insertion); repeated in the smaller
   gaps this leaves.
   **Independent renderings.** Where the matches around a gap are themselves weak (median
   similarity of the `CONTEXT` nearest below `WEAK`: translations, not edits), the gap's units
   are chained in order among plausible pairs even below that floor: lengths within `RATIO`,
   more alike each other than most units within `WINDOW` of the other's place (among the two
   best in a gap open at the start or end), each unit's vocabulary at least `NATIVE` present
   in the other text (a stranger is no one's rendering). A weak pair whose lengths differ by
   more than `RATIO_GROW` then takes in unmatched neighbours that bring the lengths closer,
   while the similarity does not fall (a split or merge under rewording). So two
   translations of one text align paragraph to paragraph instead of falling apart into
   removed and added.
6. The rest is *removed* (left only) or *added* (right only).

Changed pairs carry a word diff (`worddiff`) and a sentence-level refinement (`sentences`).

Tie-breaks (documented, deterministic): among longest chains of identical units, each match
is slid to the earliest equal unit after the previous match on both sides (`chain.lcs`), unless
another copy between the same anchors leaves better gaps (step 1); among equally good chains in
a gap the one nearest the gap's diagonal wins, then the first in (left, right) order; among
equally similar move candidates the one nearest its expected position wins, then the lower left
index, then the lower right index; equal texts are paired in order, least total distance,
earliest on ties. Pairs are listed in right-hand order; a removed unit comes after the pair of
its nearest in-order left predecessor.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Container, Sequence
from dataclasses import dataclass

from ..model import Alignment, Declaration, Diff, Pair, Relation, Unit, join_sentences
from .chain import exact_chain, ordered_pairing, weighted_chain
from .normalize import invisible_notes, match_key, normalisation_notes
from .sentences import align_sentences
from .similarity import Index, Space, Weighted, combine, containment, cosine, without_pairs
from .worddiff import word_diff

THRESHOLD = 0.5
"""Default cosine at or above which two units in the same gap are the same clause reworded."""

LOW = 0.4
"""Share of the threshold at or above which leftovers between anchors are paired by order."""

FLOOR = 0.1
"""Share of the threshold that leftovers between anchors, each other's best match, must reach."""

CONTAIN = 0.8
"""Share of a unit's weight found in its neighbour's partner for it to join a split or merge."""

LOOSE = 0.4
"""Share of a neighbour's weight found in a matched unit's partner for it to join the match as
a split or merge part when that raises the similarity (a part may be reworded itself)."""

GROUP_MAX = 4
"""Most units one unit can be split into or merged from."""

ALL_PAIRS = 4096
"""Gaps up to this many unit pairs are compared pair by pair; larger ones through the index."""

HALF = 100
"""Distance (units from the expected place) at which a changed text's move must be halfway
between `threshold` and identical: the farther a clause travels, the more alike it must be."""

WEAK = 0.5
"""Median similarity of the matches around a gap below which the two sides are independent
renderings there (translations), so that order and length become evidence (step 5b)."""

CONTEXT = 3
"""Matches before and after a gap whose similarities tell whether the context is weak."""

RATIO = 2.0
"""Most a pair of renderings' lengths may differ (longer over shorter) in step 5b."""

RATIO_GROW = 1.5
"""Length ratio above which a weak pair takes in neighbours that bring the lengths closer."""

NATIVE = 0.1
"""Least share of a unit's vocabulary found in the other side for it to be a rendering there:
a text foreign to the other document (an unrelated insertion) is no one's translation."""

WINDOW = 6
"""Units on each side of a place whose similarities a plausible pair must mostly beat."""

NEIGHBOURS, TOP_K, MAX_DF = 6, 6, 48
"""Move candidates: leftovers nearest the expected position, best by rare features, df cap."""


@dataclass
class _Match:
    left: list[int]
    right: list[int]
    similarity: float
    kind: str  # "exact", "gap", "move"


class _Aligner:
    def __init__(self, left: Sequence[Unit], right: Sequence[Unit], threshold: float) -> None:
        self.lu, self.ru = left, right
        self.threshold = threshold
        self.lkey = [match_key(u.text) for u in left]
        self.rkey = [match_key(u.text) for u in right]
        self.lpair: list[_Match | None] = [None] * len(left)
        self.rpair: list[_Match | None] = [None] * len(right)
        self.matches: list[_Match] = []

    # -- bookkeeping --------------------------------------------------------------------
    def add(self, m: _Match) -> None:
        self.matches.append(m)
        for i in m.left:
            self.lpair[i] = m
        for j in m.right:
            self.rpair[j] = m

    def vec_l(self, i: int) -> Weighted:
        return self.space.vector(self.lu[i].text)

    def vec_r(self, j: int) -> Weighted:
        return self.space.vector(self.ru[j].text)

    # -- 1. exact chain -------------------------------------------------------------------
    def exact(self) -> None:
        ids: dict[str, int] = {}
        lk = [ids.setdefault(k, len(ids)) for k in self.lkey]
        rk = [ids.setdefault(k, len(ids)) for k in self.rkey]
        for i, j in exact_chain(lk, rk):
            self.add(_Match([i], [j], 1.0, "exact"))
        self.space = Space([u.text for u in self.lu] + [u.text for u in self.ru])

    def reslide(self) -> None:
        """Among equal texts between two anchors, anchor the copy that leaves the best gaps.

        The exact chain takes the earliest of several equal units; when another copy of the
        text lies between the same neighbouring anchors (on either side), the match moves to
        the copy whose gaps before and after pair best (`_gap_score`); ties keep the earliest.
        """
        chain = sorted(self.matches, key=lambda m: m.left[0])
        for k, m in enumerate(chain):
            i, j = m.left[0], m.right[0]
            lo_i, lo_j = (chain[k - 1].left[0], chain[k - 1].right[0]) if k else (-1, -1)
            hi_i, hi_j = ((chain[k + 1].left[0], chain[k + 1].right[0]) if k + 1 < len(chain)
                          else (len(self.lu), len(self.ru)))
            alt_l = [x for x in range(lo_i + 1, hi_i) if self.lkey[x] == self.lkey[i]]
            alt_r = [y for y in range(lo_j + 1, hi_j) if self.rkey[y] == self.rkey[j]]
            if len(alt_l) == len(alt_r) == 1:
                continue
            best, where = -1.0, (i, j)
            for x in alt_l:
                for y in alt_r:
                    score = (self._gap_score(range(lo_i + 1, x), range(lo_j + 1, y))
                             + self._gap_score(range(x + 1, hi_i), range(y + 1, hi_j)))
                    if score > best + 1e-9:
                        best, where = score, (x, y)
            if where != (i, j):
                self.lpair[i] = self.rpair[j] = None
                m.left, m.right = [where[0]], [where[1]]
                self.lpair[where[0]] = self.rpair[where[1]] = m

    def _gap_score(self, ls: range, rs: range) -> float:
        if not ls or not rs or len(ls) * len(rs) > ALL_PAIRS:
            return 0.0
        cands = [(i, j, s) for i in ls for j in rs
                 if (s := cosine(self.vec_l(i), self.vec_r(j))) >= LOW * self.threshold]
        return sum(s for _, _, s in weighted_chain(cands))

    def gaps(self) -> list[tuple[list[int], list[int]]]:
        """Unmatched units between consecutive in-order matches, both sides."""
        anchors = sorted((m.left[0], m.left[-1], m.right[0], m.right[-1])
                         for m in self.matches if m.kind != "move")
        out = []
        pl = pr = -1
        for a0, a1, b0, b1 in [*anchors, (len(self.lu), 0, len(self.ru), 0)]:
            ls = [i for i in range(pl + 1, a0) if self.lpair[i] is None]
            rs = [j for j in range(pr + 1, b0) if self.rpair[j] is None]
            if ls and rs:
                out.append((ls, rs))
            pl, pr = max(pl, a1), max(pr, b1)
        return out

    # -- 2. gaps: chain, splits and merges ---------------------------------------------
    def fill_gaps(self, low: bool) -> int:
        """Pair units inside each gap; returns how many matches were added."""
        added = 0
        for ls, rs in self.gaps():
            thr = FLOOR * self.threshold if low else self.threshold
            cands = self.gap_candidates(ls, rs, thr)
            if low:
                cands = _evidence(cands, LOW * self.threshold)
            chain = _diagonal_chain(cands, ls, rs)
            if low and len(chain) < 2:  # one weak pair alone is no evidence of order
                chain = [c for c in chain if c[2] >= LOW * self.threshold]
            found = [_Match([i], [j], s, "gap") for i, j, s in chain]
            for m in found:  # all of the chain first: a growing match takes only free units
                self.add(m)
            for m in found:
                self.grow(m, set(ls), set(rs))
            added += len(found)
            if not low and len(ls) * len(rs) <= ALL_PAIRS:
                self.groups(ls, rs)
        return added

    def gap_candidates(self, ls: list[int], rs: list[int], thr: float) -> list[
            tuple[int, int, float]]:
        if len(ls) * len(rs) <= ALL_PAIRS:
            pairs = [(i, j) for i in ls for j in rs]
        else:
            index = Index([self.vec_r(j) for j in rs], MAX_DF)
            pairs = [(i, rs[k]) for i in ls for k in index.candidates(self.vec_l(i), TOP_K)]
        out = []
        for i, j in pairs:
            s = cosine(self.vec_l(i), self.vec_r(j))
            if s >= thr:
                out.append((i, j, s))
        return out

    def grow(self, m: _Match, ls: Container[int], rs: Container[int]) -> None:
        """Extend a 1:1 gap match into a split or a merge with contained neighbours: the side
        whose growth reaches the higher similarity (the right side on a tie), so that swapping
        the two documents mirrors the result."""
        if len(m.left) > 1 or len(m.right) > 1:
            return
        plans = [(side, *self._grow_plan(m, side, rs if side == "right" else ls))
                 for side in ("right", "left")]
        side, group, s = max(plans, key=lambda p: p[2])
        if s <= m.similarity:
            return
        taken = self.rpair if side == "right" else self.lpair
        (m.right if side == "right" else m.left)[:] = group
        m.similarity = s
        for k in group:
            taken[k] = m

    def _grow_plan(self, m: _Match, side: str, free: Container[int]) -> tuple[list[int], float]:
        """The units one side of `m` would take in (free, contained neighbours that each raise
        the similarity), and the similarity then."""
        group = list(m.right if side == "right" else m.left)
        sim = m.similarity
        one = self.vec_l(m.left[0]) if side == "right" else self.vec_r(m.right[0])
        vec = self.vec_r if side == "right" else self.vec_l
        taken = self.rpair if side == "right" else self.lpair
        for step in (1, -1):
            while len(group) < GROUP_MAX:
                nxt = group[-1] + 1 if step == 1 else group[0] - 1
                if nxt not in free or taken[nxt] is not None:
                    break
                if containment(vec(nxt), one) < LOOSE:
                    break
                new = sorted([*group, nxt])
                s = cosine(one, combine(vec(k) for k in new))
                if s <= sim:
                    break
                group, sim = new, s
        return group, sim

    def groups(self, ls: list[int], rs: list[int]) -> None:
        """Splits and merges whose parts are each too unlike the whole to be chained 1:1."""
        for i in ls:
            if self.lpair[i] is None:
                self._group_for(i, rs, "right")
        for j in rs:
            if self.rpair[j] is None:
                self._group_for(j, ls, "left")

    def _group_for(self, one: int, others: list[int], side: str) -> None:
        vec_one = self.vec_l(one) if side == "right" else self.vec_r(one)
        vec = self.vec_r if side == "right" else self.vec_l
        taken = self.rpair if side == "right" else self.lpair
        free = [k for k in others if taken[k] is None and containment(vec(k), vec_one) >= CONTAIN]
        best: tuple[float, list[int]] | None = None
        for a in range(len(free)):
            run = [free[a]]
            for b in range(a + 1, min(len(free), a + GROUP_MAX)):
                if free[b] != run[-1] + 1:
                    break
                run = [*run, free[b]]
                s = cosine(vec_one, combine(vec(k) for k in run))
                if s >= self.threshold and (best is None or s > best[0]):
                    best = (s, run)
        if best is not None:
            left, right = ([one], best[1]) if side == "right" else (best[1], [one])
            self.add(_Match(left, right, best[0], "gap"))

    # -- 3. moves -------------------------------------------------------------------------
    def moves(self) -> None:
        rest_l = [i for i, m in enumerate(self.lpair) if m is None]
        rest_r = [j for j, m in enumerate(self.rpair) if m is None]
        if not rest_l or not rest_r:
            return
        expect = self.expected()
        by_key: dict[str, list[int]] = {}
        for j in rest_r:
            by_key.setdefault(self.rkey[j], []).append(j)
        by_left: dict[str, list[int]] = {}
        for i in rest_l:
            by_left.setdefault(self.lkey[i], []).append(i)
        for key, ls in by_left.items():
            rs = by_key.get(key)
            if rs:
                for i, j in ordered_pairing(ls, rs, expect):
                    self.add(_Match([i], [j], 1.0, "move"))
        rest_r = [j for j in rest_r if self.rpair[j] is None]
        index = Index([self.vec_r(j) for j in rest_r], MAX_DF)
        cands = []
        for i in rest_l:
            if self.lpair[i] is not None:
                continue
            e = expect[i]
            near = _nearest(rest_r, e, NEIGHBOURS)
            found = [rest_r[k] for k in index.candidates(self.vec_l(i), TOP_K)]
            for j in sorted({*near, *found}):
                s = cosine(self.vec_l(i), self.vec_r(j))
                if s >= self.move_floor(abs(j - e)):
                    cands.append((-s, abs(j - e), i, j))
        self._take(cands)

    def move_floor(self, distance: int) -> float:
        """Least similarity of a changed text moved `distance` units from its expected place."""
        return self.threshold + (1.0 - self.threshold) * distance / (distance + HALF)

    def _take(self, cands: list[tuple[float, int, int, int]]) -> None:
        for neg, _, i, j in sorted(cands):
            if self.lpair[i] is None and self.rpair[j] is None:
                self.add(_Match([i], [j], -neg, "move"))

    def expected(self) -> list[int]:
        """For each left index, the right index just after its nearest in-order predecessor."""
        out, cur = [], 0
        for i in range(len(self.lu)):
            out.append(cur)
            m = self.lpair[i]
            if m is not None and m.kind != "move":
                cur = max(cur, m.right[-1] + 1)
        return out

    # -- 4-6. main sequence, gap filling, the rest ------------------------------------------
    def run(self) -> list[_Match]:
        self.exact()
        self.reslide()
        self.fill_gaps(low=False)
        self.moves()
        self.rechain(dissolve=True)
        for m in list(self.matches):
            if m.kind == "gap" and len(m.left) == len(m.right) == 1:
                self.grow(m, range(len(self.lu)), range(len(self.ru)))
        self.fill_gaps(low=False)
        self.moves()
        self.rechain(dissolve=False)
        for _ in range(3):
            if not self.fill_gaps(low=True):
                break
        self.renderings()
        for i, left in enumerate(self.lpair):
            if left is None:
                self.add(_Match([i], [], 0.0, "removed"))
        for j, right in enumerate(self.rpair):
            if right is None:
                self.add(_Match([], [j], 0.0, "added"))
        return self.matches

    # -- 5b. independent renderings: order, neighbours and length ---------------------------
    def renderings(self) -> None:
        """Where the neighbouring pairs are themselves weak, order and length are the evidence.

        Two translations of one text share few words: a paragraph's rendering may be less alike
        its original than `FLOOR` x threshold. Where the matches around a gap are weak (median
        similarity below `WEAK`: the two sides are independent renderings there, not edits),
        the gap's units are chained in order among plausible pairs (`_plausible`: length ratio
        at most `RATIO`, more alike each other than most units near the other's place, and,
        in a gap open at the start or the end of the document, among the two best there);
        then each weak pair takes in unmatched neighbours that bring its two lengths closer
        (a paragraph split or merged under rewording), while the similarity does not fall.
        """
        for _ in range(3):
            added = 0
            chain = sorted((m.left[0], m.similarity) for m in self.matches if m.left and m.right)
            for ls, rs in self.gaps():
                if len(ls) * len(rs) > ALL_PAIRS or _context(chain, ls) >= WEAK:
                    continue
                open_end = ls[0] == 0 or rs[0] == 0 or ls[-1] == len(self.lu) - 1 \
                    or rs[-1] == len(self.ru) - 1
                cands = [(i, j, s) for i in ls for j in rs
                         if (s := self._plausible(i, j, open_end)) > 0.0]
                for i, j, _ in _diagonal_chain(cands, ls, rs):
                    self.add(_Match([i], [j], cosine(self.vec_l(i), self.vec_r(j)), "gap"))
                    added += 1
            if not added:
                break
        for m in sorted(self.matches, key=lambda m: m.left[0] if m.left else -1):
            if m.kind == "gap" and m.similarity < WEAK and len(m.left) == len(m.right) == 1:
                self.grow_by_length(m)

    def _plausible(self, i: int, j: int, open_end: bool) -> float:
        """The weight of (i, j) as a pair of renderings, or 0 when it is not plausible."""
        ratio = _ratio(len(self.lu[i].text), len(self.ru[j].text))
        if ratio > RATIO:
            return 0.0
        s = cosine(self.vec_l(i), self.vec_r(j))
        if s <= 0.0 or min(self.native("left", i), self.native("right", j)) < NATIVE:
            return 0.0
        row = [cosine(self.vec_l(i), self.vec_r(k)) for k in _window(j, len(self.ru))]
        col = [cosine(self.vec_l(k), self.vec_r(j)) for k in _window(i, len(self.lu))]
        for others in (row, col):
            above = sum(x > s for x in others)
            if len(others) < 2 or above * 2 >= len(others) or (open_end and above > 1):
                return 0.0
        return 1.0 + s - math.log(ratio)

    def native(self, side: str, k: int) -> float:
        """Share of a unit's vocabulary (words, prefixes) found anywhere in the other side."""
        if not hasattr(self, "_whole"):
            self._whole = (combine(self.vec_l(i) for i in range(len(self.lu))),
                           combine(self.vec_r(j) for j in range(len(self.ru))))
        if side == "left":
            return containment(without_pairs(self.vec_l(k)), self._whole[1])
        return containment(without_pairs(self.vec_r(k)), self._whole[0])

    def grow_by_length(self, m: _Match) -> None:
        """Take in unmatched neighbours while the two lengths come closer (split or merge)."""
        for side in ("right", "left"):
            if len(m.left) > 1 or len(m.right) > 1:
                return
            group = m.right if side == "right" else m.left
            other = self.lu[m.left[0]] if side == "right" else self.ru[m.right[0]]
            one = self.vec_l(m.left[0]) if side == "right" else self.vec_r(m.right[0])
            units, vec = (self.ru, self.vec_r) if side == "right" else (self.lu, self.vec_l)
            taken = self.rpair if side == "right" else self.lpair
            target = len(other.text)
            if _ratio(target, len(units[group[0]].text)) <= RATIO_GROW:
                continue
            while len(group) < GROUP_MAX:
                now = _ratio(target, sum(len(units[k].text) for k in group))
                best = None
                for nxt in (group[0] - 1, group[-1] + 1):
                    if not 0 <= nxt < len(units) or taken[nxt] is not None:
                        continue
                    new = sorted([*group, nxt])
                    r = _ratio(target, sum(len(units[k].text) for k in new))
                    s = cosine(one, combine(vec(k) for k in new))
                    if r < now and s >= m.similarity and (best is None or r < best[0]):
                        best = (r, s, new, nxt)
                if best is None:
                    break
                group[:] = best[2]
                m.similarity = best[1]
                taken[best[3]] = m

    def rechain(self, dissolve: bool) -> None:
        """The main sequence is the heaviest in-order chain of all matches; the rest moved.

        With `dissolve`, a match outside the chain is undone instead: the first round only
        gathers evidence for the chain, and its units get another chance in the next round.
        """
        cands = [(m.left[0], m.right[0], m.similarity * (len(m.left) + len(m.right)) / 2)
                 for m in self.matches]
        main = {(i, j) for i, j, _ in weighted_chain(cands)}
        keep = []
        for m in self.matches:
            if (m.left[0], m.right[0]) in main:
                m.kind = "gap" if m.kind == "move" else m.kind
            elif dissolve:
                for i in m.left:
                    self.lpair[i] = None
                for j in m.right:
                    self.rpair[j] = None
                continue
            else:
                m.kind = "move"
            keep.append(m)
        self.matches = keep


def _evidence(
    cands: list[tuple[int, int, float]], low: float
) -> list[tuple[int, int, float]]:
    """Weak pairs worth chaining: at or above `low`, or each other's best in the gap."""
    row: dict[int, float] = {}
    col: dict[int, float] = {}
    for i, j, s in cands:
        row[i] = max(row.get(i, 0.0), s)
        col[j] = max(col.get(j, 0.0), s)
    return [(i, j, s) for i, j, s in cands if s >= low or s == row[i] == col[j]]


TIE = 1e-6
"""Weight of the distance from the gap's diagonal: it only breaks ties between equal chains."""


def _diagonal_chain(
    cands: list[tuple[int, int, float]], ls: list[int], rs: list[int]
) -> list[tuple[int, int, float]]:
    """The heaviest in-order chain; among equally heavy ones (equal texts), the one nearest the
    gap's diagonal, so of two equal left units the one in the matching relative place pairs."""
    pl = {i: k / len(ls) for k, i in enumerate(ls)}
    pr = {j: k / len(rs) for k, j in enumerate(rs)}
    sim = {(i, j): s for i, j, s in cands}
    tilted = [(i, j, s - TIE * abs(pl[i] - pr[j])) for i, j, s in cands]
    return [(i, j, sim[i, j]) for i, j, _ in weighted_chain(tilted)]


def _context(chain: list[tuple[int, float]], ls: list[int]) -> float:
    """Median similarity of the `CONTEXT` nearest matches (by left index) before and after a
    gap; 1.0, not weak, when fewer than two matches are near (nothing to lean on)."""
    k = bisect.bisect_left(chain, (ls[0], -1.0)) if ls else 0
    near = sorted(s for _, s in chain[max(0, k - CONTEXT) : k + CONTEXT])
    return near[len(near) // 2] if len(near) >= 2 else 1.0


def _ratio(a: int, b: int) -> float:
    """The longer length over the shorter (1.0 when equal; large when one is empty)."""
    lo, hi = min(a, b), max(a, b)
    return hi / lo if lo else float("inf") if hi else 1.0


def _window(k: int, n: int) -> list[int]:
    """Up to 2 x `WINDOW` indices around k (k itself left out): where k's rivals are."""
    lo = max(0, min(k - WINDOW, n - 2 * WINDOW - 1))
    return [x for x in range(lo, min(n, lo + 2 * WINDOW + 1)) if x != k]


def _nearest(sorted_idx: list[int], e: int, k: int) -> list[int]:
    p = bisect.bisect_left(sorted_idx, e)
    return sorted_idx[max(0, p - k) : p + k]


def align(left: Declaration, right: Declaration, threshold: float = THRESHOLD) -> Alignment:
    """Align two declarations unit by unit (see the module docstring); pure, deterministic."""
    lu, ru = left.units(), right.units()
    aligner = _Aligner(lu, ru, threshold)
    matches = aligner.run()
    pairs = [_pair(m, lu, ru, aligner) for m in _ordered(matches, len(ru))]
    return Alignment(left, right, tuple(pairs))


def _ordered(matches: list[_Match], n_right: int) -> list[_Match]:
    cur = 0
    spots: dict[int, int] = {}
    by_left = sorted((m.left[0], m) for m in matches if m.left)
    for i, m in ((i, m) for i, m in by_left):
        spots[i] = cur
        if m.right and m.kind not in ("move", "removed"):
            cur = max(cur, m.right[-1] + 1)

    def key(m: _Match) -> tuple[int, int, int]:
        if m.right:
            return (2 * m.right[0] + 1, 0, m.left[0] if m.left else -1)
        return (2 * spots[m.left[0]], 1, m.left[0])

    return sorted(matches, key=key)


def group_text(units: Sequence[Unit]) -> str:
    """The text of one side of a pair: its units' sentences joined as in one unit (one space,
    none after a Chinese or Japanese full stop), so that a split that moves no word is no
    change of text."""
    return join_sentences(tuple(s for u in units for s in u.sentences))


def _pair(m: _Match, lu: Sequence[Unit], ru: Sequence[Unit], a: _Aligner) -> Pair:
    left = [lu[i] for i in m.left]
    right = [ru[j] for j in m.right]
    lt, rt = group_text(left), group_text(right)
    ids_l, ids_r = tuple(u.id for u in left), tuple(u.id for u in right)
    if not right:
        return Pair(Relation.REMOVED, ids_l, (), 0.0, _whole(-1, lt))
    if not left:
        return Pair(Relation.ADDED, (), ids_r, 0.0, _whole(1, rt))
    same_key = _joined_key(a.lkey, m.left) == _joined_key(a.rkey, m.right)
    notes: list[str] = []
    if len(left) > 1 or len(right) > 1:
        relation = Relation.SPLIT if len(right) > 1 else Relation.MERGED
        notes += [] if same_key else ["reworded"]
    elif same_key:
        relation = Relation.MOVED if m.kind == "move" else Relation.UNCHANGED
    else:
        relation = Relation.MOVED if m.kind == "move" else Relation.REWORDED
        notes += ["reworded"] if m.kind == "move" else []
    notes += list(normalisation_notes(lt, rt) if same_key else invisible_notes(lt, rt))
    sim = 1.0 if same_key else round(m.similarity, 4)
    if lt == rt and relation is Relation.UNCHANGED:
        return Pair(relation, ids_l, ids_r, sim, _whole(0, lt))
    diff, coarse = word_diff(lt, rt)
    notes += ["coarse-diff"] if coarse else []
    sentences = align_sentences(left, right)
    return Pair(relation, ids_l, ids_r, sim, diff, tuple(notes), sentences)


def _joined_key(keys: list[str], group: list[int]) -> str:
    """The key of several units read as one text (a unit with an empty key adds no space)."""
    return " ".join(keys[k] for k in group if keys[k])


def _whole(op: int, text: str) -> Diff:
    return ((op, text),) if text else ()
