"""Chains: order-preserving matchings of two sequences, the backbone of the alignment stage.

`lcs` is the longest common subsequence of two integer sequences (Myers' algorithm, as
diff-match-patch implements it with ``Diff_Timeout = 0``; each value is mapped to one character;
values found on one side only are dropped first, so unrelated inputs cost nothing).
`exact_chain` bounds the work on long inputs: above `WHOLE` items in total it is `banded_chain`,
a longest increasing chain (patience sorting, O(P log P)) over candidate pairs of equal items: an
item unique on both sides pairs wherever it is (so reordered, reversed or shuffled text is as
cheap as it is exact), and a repeated item pairs with its copies within `BAND` of the diagonal
(both sides reduced to their common items, the diagonal joining their ends). The band keeps every
copy of a repeated text near its own place: the whole document is one chain, with both ends
pinned, so it cannot drift one copy off the way a sliding window did (N copies of the seed, F1
0.2-0.48 at N=400). The band is halved until there are at most `BUDGET` pairs per item, so the
work is linear in the input whatever the repetition. The chain is an LCS when every pair of some
LCS is a candidate: always when the common items are unique, and when both sides are shorter than
the band and the budget did not narrow it; otherwise it is an LCS of the pairs in the band. Among
equally long chains it takes the one nearest the diagonal (`nearest_increasing`): on copies of
one text a chain one copy off is often as long, and patience sorting alone keeps the lowest right
item at every rank, so it drifted a copy back wherever that cost nothing (F1 0.67 on one N=400
case of the fourth benchmark generator). `weighted_chain` picks, among scored candidate pairs,
the strictly increasing chain of maximum total score in O(P log P) (a Fenwick tree of prefix
maxima). Ties: `lcs` (and `banded_chain`, once it has the nearest chain) slides every
match to the earliest equal item after the previous match (on each side), and `weighted_chain`
keeps the chain found first in (left, right) order, so results are deterministic and
explainable. `ordered_pairing` pairs the copies of one repeated
text on the two sides in order, choosing which ones by least total distance from where each
was expected (a small dynamic programme).
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Sequence

from diff_match_patch import diff_match_patch

WHOLE = 4000
"""Up to this many items (both sides together) the exact chain is one LCS over everything (at
worst, two reversed sequences, about 2 s). Beyond it the chain is an LIS over candidate pairs
(`banded_chain`)."""

BAND = 256
"""Half-width of the band around the diagonal in which equal repeated items are candidate pairs
(before it is narrowed to keep within `BUDGET`)."""

BUDGET = 16
"""At most this many candidate pairs per item (both sides together) in `banded_chain`: the band
is halved until the pairs fit, so the work stays linear whatever the repetition."""


def _char(n: int) -> str:
    code = 0x100 + n
    return chr(code + 0x800 if code >= 0xD800 else code)


def lcs(a: Sequence[int], b: Sequence[int]) -> list[tuple[int, int]]:
    """Index pairs of a longest common subsequence of `a` and `b`, increasing in both."""
    common = set(a) & set(b)
    ia = [k for k, v in enumerate(a) if v in common]
    ib = [k for k, v in enumerate(b) if v in common]
    if not ia or not ib:
        return []
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    diffs = dmp.diff_main("".join(_char(a[k]) for k in ia), "".join(_char(b[k]) for k in ib), False)
    out: list[tuple[int, int]] = []
    i = j = 0
    for op, text in diffs:
        n = len(text)
        if op == 0:
            out.extend((ia[i + k], ib[j + k]) for k in range(n))
            i += n
            j += n
        elif op < 0:
            i += n
        else:
            j += n
    return _earliest(a, b, out)


def _earliest(
    a: Sequence[int], b: Sequence[int], pairs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Slide each match to the earliest equal item after the previous match, on both sides.

    Among longest common subsequences of repeated items this picks a canonical one, so the
    tie-break is "as early as possible" whatever path the Myers bisection took.
    """
    out: list[tuple[int, int]] = []
    pi = pj = -1
    for i, j in pairs:
        i2 = next(k for k in range(pi + 1, i + 1) if a[k] == a[i])
        j2 = next(k for k in range(pj + 1, j + 1) if b[k] == b[j])
        out.append((i2, j2))
        pi, pj = i2, j2
    return out


def exact_chain(a: Sequence[int], b: Sequence[int], whole: int = WHOLE) -> list[tuple[int, int]]:
    """A common subsequence of `a` and `b`: exact LCS when short, `banded_chain` when long."""
    if len(a) + len(b) <= whole:
        return lcs(a, b)
    return banded_chain(a, b)


def banded_chain(a: Sequence[int], b: Sequence[int], band: int = BAND) -> list[tuple[int, int]]:
    """The longest chain, nearest the diagonal, among candidate pairs: items unique on both sides,
    wherever they are, and equal items within `band` of the diagonal (both sides reduced to
    their common items)."""
    count_a, count_b = Counter(a), Counter(b)
    ia = [k for k, v in enumerate(a) if v in count_b]
    ib = [k for k, v in enumerate(b) if v in count_a]
    if not ia or not ib:
        return []
    fa, fb = [a[k] for k in ia], [b[k] for k in ib]
    where: dict[int, list[int]] = {}
    for y, v in enumerate(fb):
        where.setdefault(v, []).append(y)
    while True:
        xs, ys = _candidates(fa, fb, where, count_a, count_b, band)
        if len(xs) <= BUDGET * (len(fa) + len(fb)) or band == 0:
            break
        band //= 2
    chain = nearest_increasing(xs, ys, len(fa), len(fb))
    return _earliest(a, b, [(ia[xs[k]], ib[ys[k]]) for k in chain])


def _candidates(fa: list[int], fb: list[int], where: dict[int, list[int]],
                count_a: Counter[int], count_b: Counter[int], band: int
                ) -> tuple[list[int], list[int]]:
    """Pairs (xs[k], ys[k]) with fa[x] == fb[y]: unique ones anywhere, others with |y -
    diagonal(x)| <= band; by x, and by decreasing y within one x (a chain takes one per x)."""
    slope = len(fb) / len(fa)
    xs: list[int] = []
    ys: list[int] = []
    for x, v in enumerate(fa):
        at = where[v]
        if count_a[v] == 1 and count_b[v] == 1:
            xs.append(x)
            ys.append(at[0])
            continue
        mid = x * slope
        lo = bisect.bisect_left(at, mid - band)
        hi = bisect.bisect_right(at, mid + band)
        xs.extend([x] * (hi - lo))
        ys.extend(reversed(at[lo:hi]))
    return xs, ys


def _levels(ys: Sequence[int]) -> list[int]:
    """For each item, the length of the longest strictly increasing subsequence ending there."""
    tails: list[int] = []
    out = []
    for y in ys:
        p = bisect.bisect_left(tails, y)
        if p == len(tails):
            tails.append(y)
        else:
            tails[p] = y
        out.append(p + 1)
    return out


def nearest_increasing(xs: Sequence[int], ys: Sequence[int], wide: int, high: int) -> list[int]:
    """Indices of a longest chain of pairs strictly increasing in both coordinates (pairs given
    by x, and by decreasing y within one x) that, among the longest, keeps nearest the diagonal
    from (0, 0) to (`wide`, `high`): the least sum of |y * wide - x * high|; then the earliest.

    Patience sorting gives each pair the longest chain ending and starting there; the pairs on
    a longest chain fall into layers (their rank in it), each an antichain ordered by x with y
    falling, so the pairs of one layer that can precede a pair of the next form an interval:
    one range minimum per pair (a sparse table), O(P log P) in all.
    """
    forward = _levels(ys)
    backward = _levels([-y for y in reversed(ys)])[::-1]
    length = max(forward, default=0)
    layers: list[list[int]] = [[] for _ in range(length)]
    for k, (f, b) in enumerate(zip(forward, backward, strict=True)):
        if f + b - 1 == length:
            layers[f - 1].append(k)
    if not layers:
        return []
    cost = {k: abs(ys[k] * wide - xs[k] * high) for k in layers[0]}
    back = dict.fromkeys(layers[0], -1)
    for prev, cur in itertools.pairwise(layers):
        px = [xs[q] for q in prev]
        neg_y = [-ys[q] for q in prev]
        table = _MinTable([(cost[q], q) for q in prev])
        for k in cur:
            lo = bisect.bisect_right(neg_y, -ys[k])  # ys[q] < ys[k]
            hi = bisect.bisect_left(px, xs[k])  # xs[q] < xs[k]
            c, q = table.least(lo, hi)
            cost[k], back[k] = c + abs(ys[k] * wide - xs[k] * high), q
    end = min(layers[-1], key=lambda k: (cost[k], k))
    out: list[int] = []
    while end != -1:
        out.append(end)
        end = back[end]
    return out[::-1]


class _MinTable:
    """Range minima over a fixed list of (value, index) pairs: a sparse table, O(1) a query."""

    def __init__(self, items: list[tuple[int, int]]) -> None:
        self.rows = [items]
        width = 1
        while 2 * width <= len(items):
            row = self.rows[-1]
            self.rows.append([min(row[i], row[i + width]) for i in range(len(row) - width)])
            width *= 2

    def least(self, lo: int, hi: int) -> tuple[int, int]:
        """The least pair in items[lo:hi]; an empty range gives a pair no real one exceeds."""
        if lo >= hi:
            return (1 << 62, -1)
        level = (hi - lo).bit_length() - 1
        row = self.rows[level]
        return min(row[lo], row[hi - (1 << level)])


def longest_increasing(ys: Sequence[int]) -> list[int]:
    """Indices of a longest strictly increasing subsequence of `ys`, in order (patience
    sorting, O(n log n)); among equally long ones, the one whose items were found first."""
    tails: list[int] = []
    tail_at: list[int] = []
    back = [-1] * len(ys)
    for k, y in enumerate(ys):
        p = bisect.bisect_left(tails, y)
        if p == len(tails):
            tails.append(y)
            tail_at.append(k)
        else:
            tails[p] = y
            tail_at[p] = k
        back[k] = tail_at[p - 1] if p else -1
    out: list[int] = []
    k = tail_at[-1] if tail_at else -1
    while k != -1:
        out.append(k)
        k = back[k]
    return out[::-1]


def weighted_chain(cands: Sequence[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """The strictly increasing chain of (left, right, score) candidates with the largest sum."""
    if not cands:
        return []
    rights = sorted({j for _, j, _ in cands})
    rank = {j: r + 1 for r, j in enumerate(rights)}
    n = len(cands)
    # a Fenwick tree of prefix maxima over right ranks, as two lists (score, candidate): a
    # node takes a value only when strictly greater, so the first found of equals is kept
    tree_s, tree_k = [0.0] * (len(rights) + 1), [-1] * (len(rights) + 1)
    size = len(tree_s)
    keys = [(c[0], c[1]) for c in cands]
    order = sorted(range(n), key=keys.__getitem__)  # by (left, right); ties keep input order
    ranks = [rank[c[1]] for c in cands]
    best_s, best_k = [0.0] * n, [-1] * n
    pending: list[int] = []
    last_i = None
    for k in order:
        i = keys[k][0]
        if i != last_i:
            for q in pending:  # a left item's candidates enter the tree once it is done
                pos, value = ranks[q], best_s[q]
                while pos < size:
                    if value > tree_s[pos]:
                        tree_s[pos], tree_k[pos] = value, q
                    pos += pos & -pos
            pending, last_i = [], i
        pos, got_s, got_k = ranks[k] - 1, 0.0, -1  # the best chain ending left of this right
        while pos > 0:
            if tree_s[pos] > got_s:
                got_s, got_k = tree_s[pos], tree_k[pos]
            pos -= pos & -pos
        best_s[k], best_k[k] = got_s + cands[k][2], got_k
        pending.append(k)
    end = best_s.index(max(best_s))  # the heaviest; of equals, the first candidate
    chain: list[tuple[int, int, float]] = []
    while end != -1:
        chain.append(cands[end])
        end = best_k[end]
    return chain[::-1]


def ordered_pairing(ls: list[int], rs: list[int], expect: list[int]) -> list[tuple[int, int]]:
    """Pair equal units in order, choosing which ones by least total distance from expected."""
    if len(ls) > len(rs):
        flipped = _pairing([float(j) for j in rs], [float(expect[i]) for i in ls])
        return [(ls[b], rs[a]) for a, b in flipped]
    return [(ls[a], rs[b]) for a, b in _pairing([float(expect[i]) for i in ls], rs)]


def _pairing(short: Sequence[float], long: Sequence[float]) -> list[tuple[int, int]]:
    """Order-preserving matching of every `short` item into `long`, least total |difference|."""
    n, m = len(short), len(long)
    if n * m > 40000:
        return [(a, round(a * (m - 1) / max(n - 1, 1))) for a in range(n)]
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    cost[0] = [0.0] * (m + 1)
    for a in range(1, n + 1):
        row, prev = cost[a], cost[a - 1]
        for b in range(a, m + 1):
            take = prev[b - 1] + abs(short[a - 1] - long[b - 1])
            row[b] = take if take < row[b - 1] else row[b - 1]
    pairs = []
    a, b = n, m
    while a > 0:
        if cost[a][b] == cost[a][b - 1] and b > a:
            b -= 1
        else:
            pairs.append((a - 1, b - 1))
            a, b = a - 1, b - 1
    return pairs[::-1]
