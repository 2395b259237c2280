"""Which of several copies of a repeated text a split, merge, move or variant belongs to.

The document repeats its paragraphs (two copies of the seed's plain paragraphs, written for the
tests): each test holds one reading of copies that order and what a group lacks decide, both
ways where the alignment is swapped (split <-> merge, added <-> removed).
"""

from __future__ import annotations

import pytest

from compare.alignment.aligner import align
from compare.alignment.similarity import combine, cosine
from compare.alignment.steps.copies import hole_copies
from compare.alignment.steps.rechain import rechain, relabel
from compare.alignment.steps.restore import restore
from compare.alignment.steps.scatter import scattered
from compare.alignment.steps.state import Match, State
from compare.alignment.steps.twins import beside_twin
from compare.bench.benchgen import Block, build_declaration, seed_blocks
from compare.resources import declarations_dir

Changed = list[tuple[str, list[int], list[int]]]


def _plain() -> list[Block]:
    blocks = seed_blocks(declarations_dir() / "2007-bishkek.xml")
    return [Block(list(b.sentences), []) for b in blocks if not b.items]


def _both_ways(lb: list[Block], rb: list[Block]) -> tuple[Changed, Changed]:
    left, right = build_declaration("l", lb), build_declaration("r", rb)
    li = {u.id: k for k, u in enumerate(left.units())}
    ri = {u.id: k for k, u in enumerate(right.units())}
    out = []
    for a, b, ai, bi in ((left, right, li, ri), (right, left, ri, li)):
        out.append(sorted((p.relation.value, [ai[x] for x in p.left], [bi[x] for x in p.right])
                          for p in align(a, b).pairs if p.relation.value != "unchanged"))
    return out[0], out[1]


def _state(left: list[str], right: list[str]) -> State:
    lu = build_declaration("l", [Block([t], []) for t in left]).units()
    ru = build_declaration("r", [Block([t], []) for t in right]).units()
    return State.start(lu, ru, 0.5)


Spans = list[tuple[list[int], list[int]]]


def _moved_state(left: list[str], right: list[str], moved: Spans, kept: Spans,
                 left_side: bool) -> State:
    """A state holding the `moved` pairs as moves and the `kept` as exact matches, the sides
    swapped when not `left_side` (the same case read the other way)."""
    if not left_side:
        left, right = right, left
        moved = [(r, lft) for lft, r in moved]
        kept = [(r, lft) for lft, r in kept]
    st = _state(left, right)
    for lft, r in moved:
        st.add(Match(lft, r, 1.0, "move"))
    for lft, r in kept:
        st.add(Match(lft, r, 1.0, "exact"))
    return st


def test_a_merge_at_its_second_clauses_place_takes_that_clause_not_a_nearer_copy() -> None:
    """The second copy's clauses 0 and 11 fused at 11's place; the first copy lost its
    clause 11. That copy (six units before the second copy's clause 0) is nearer the merge's
    other part than the second copy's clause 11, but the merged text stands where that clause
    was, after its clause 10: the part is the second copy's clause 11, and the first copy's is
    removed (`scatter._nearness`)."""
    plain = _plain()
    n = len(plain)
    fused = Block([*plain[0].sentences, *plain[11].sentences], [])
    right = [*plain[:11], *plain[12:], *plain[1:11], fused, *plain[12:]]
    at = right.index(fused)
    forward, back = _both_ways(plain + plain, right)
    assert forward == [("merged", [n, n + 11], [at]), ("removed", [11], [])]
    assert back == [("added", [], [11]), ("split", [at], [n, n + 11])]


def test_a_reworded_half_held_by_a_far_copys_move_is_its_splits_part_both_ways() -> None:
    """`steps.restore`: a clause split with a new clause between the halves, its first half
    reworded; the move step gave that half to a far copy of the clause (deleted there). The
    half is more alike what its own whole lacks than that copy: it joins the split, and the
    far copy is free. The same with the sides swapped (a merge)."""
    plain = [" ".join(b.sentences) for b in _plain()]
    first, second, third = _plain()[5].sentences
    half = first.replace("intend to cooperate closely", "actively intend to further "
                         "cooperate") + " " + second
    new = "The parties will set up a joint register of mountain rescue teams."
    fill = [plain[k] for k in (7, 8, 9, 10)]
    for left_side in (True, False):
        left, right = [plain[5], *fill, plain[5]], [half, new, third, *fill]
        whole, part, rest_of_it, far = ([0], [0], [2], [5])
        if not left_side:
            left, right = right, left
        st = _state(left, right)
        pairs = [(whole, rest_of_it, "gap"), (far, part, "move"),
                 *(([1 + k], [3 + k], "exact") for k in range(4))]
        for lft, r, kind in pairs:
            lft, r = (lft, r) if left_side else (r, lft)
            st.add(Match(lft, r, cosine(combine(st.vec_l(i) for i in lft),
                                        combine(st.vec_r(j) for j in r)), kind))
        assert restore(st) == 1
        got = st.lpair[0] if left_side else st.rpair[0]
        assert got is not None and (got.right if left_side else got.left) == [0, 2]
        assert (st.lpair[5] if left_side else st.rpair[5]) is None


def test_a_part_joins_the_copy_that_lacks_it_over_a_nearer_one_reworded_whole() -> None:
    """`steps.scatter`: two copies of a clause, the first reworded lightly in place (whole),
    the second paired with its second sentence alone; its first sentence stands free nearer
    the first copy. It joins the second copy, which lacks it, not the first, which lacks
    nothing of it. The same with the sides swapped."""
    plain = [" ".join(b.sentences) for b in _plain()]
    first, second = _plain()[12].sentences
    light = plain[12].replace("collective efforts", "joint efforts")
    f = [plain[k] for k in (2, 3, 7, 8, 9)]
    for left_side in (True, False):
        left = [plain[12], f[0], f[1], f[2], f[3], plain[12], f[4]]
        right = [light, f[0], first, f[1], f[2], f[3], second, f[4]]
        pairs = [([0], [0], "gap"), ([5], [6], "gap"), ([1], [1], "exact"),
                 ([2], [3], "exact"), ([3], [4], "exact"), ([4], [5], "exact"),
                 ([6], [7], "exact")]
        if not left_side:
            left, right = right, left
        st = _state(left, right)
        for lft, r, kind in pairs:
            lft, r = (lft, r) if left_side else (r, lft)
            st.add(Match(lft, r, cosine(st.vec_l(lft[0]), st.vec_r(r[0])), kind))
        scattered(st)
        got = st.rpair[2] if left_side else st.lpair[2]
        assert got is not None and (got.left if left_side else got.right) == [5]
        assert (got.right if left_side else got.left) == [2, 6]


def test_two_copies_of_one_half_are_no_split_of_a_free_whole() -> None:
    """A free unit containing two equal free units is not split into them: a second copy of
    a text brings none of the whole back (both ways)."""
    plain = _plain()
    whole = " ".join(plain[12].sentences)
    half = plain[12].sentences[1]
    other = " ".join(plain[3].sentences)
    for left, right in (([whole], [half, other, half]), ([half, other, half], [whole])):
        st = _state(left, right)
        scattered(st)
        assert not any(len(m.left) > 1 or len(m.right) > 1 for m in st.matches)


@pytest.mark.parametrize("left_side", [True, False])
def test_a_free_copy_in_a_moved_runs_hole_takes_its_copys_move(left_side: bool) -> None:
    """A block B X C moved (X reworded as X2); the move step gave X2 to the far copy of X
    (left 0), and X's own copy in the block's hole (left 4) is free: it takes the move, the
    far copy is free (`copies.hole_copies`). The same with the sides swapped."""
    plain = [" ".join(b.sentences) for b in _plain()]
    b, x, c, y = plain[2], plain[5], plain[7], plain[9]
    x2 = x.replace("intend to cooperate closely", "will cooperate closely")
    left, right = [x, y, plain[10], b, x, c], [b, x2, c, y, plain[10]]
    moved = [([3], [0]), ([0], [1]), ([5], [2])]
    kept = [([1], [3]), ([2], [4])]
    st = _moved_state(left, right, moved, kept, left_side)
    assert hole_copies(st) == 1
    m = st.lpair[4] if left_side else st.rpair[4]
    assert m is not None and (m.left, m.right) == (([4], [1]) if left_side else ([1], [4]))
    assert m.kind == "move"  # its neighbours moved: the trade keeps the move
    assert (st.lpair[0] if left_side else st.rpair[0]) is None


def test_a_variant_after_a_block_moved_in_beside_its_original_is_added() -> None:
    """`steps.twins.beside_twin`: B2 (B with a date added) stands four units after B, paired
    in place, with a block moved in between: a variant written beside its original (the
    units between are not in place). With one of them paired in place, it is not."""
    filler = [f"Paragraph number {k} of the session on a subject of its own." for k in range(8)]
    b = "The heads of state support the creation of a regional energy market."
    b2 = "At the meeting of 10 June 2011, the heads of state support the creation of a " \
         "regional energy market."
    st = _state([b, *filler, b], [b, filler[5], filler[6], filler[7], b2])
    st.add(Match([9], [0], 1.0, "exact"))
    for k in (1, 2, 3):
        st.add(Match([5 + k], [k], 1.0, "move"))
    assert beside_twin(st, 0, 4)
    st.rpair[2] = st.lpair[7] = Match([7], [2], 1.0, "exact")
    assert not beside_twin(st, 0, 4)


@pytest.mark.parametrize("left_side", [True, False])
def test_a_free_copy_at_a_moved_runs_edge_takes_its_copys_move(left_side: bool) -> None:
    """A block X C moved whole; the move step gave X's place to a far copy of X (left 0,
    whose neighbours stay apart from it), and X's own copy right before C's move (left 3) is
    free: it extends the moved run and takes the move (`copies.hole_copies`). Both ways."""
    plain = [" ".join(b.sentences) for b in _plain()]
    x, c, y, z = plain[5], plain[7], plain[9], plain[10]
    left, right = [x, y, z, x, c], [x, c, y, z]
    moved, kept = [([0], [0]), ([4], [1])], [([1], [2]), ([2], [3])]
    st = _moved_state(left, right, moved, kept, left_side)
    assert hole_copies(st) == 1
    m = st.lpair[3] if left_side else st.rpair[3]
    assert m is not None and (m.left, m.right) == (([3], [0]) if left_side else ([0], [3]))
    assert (st.lpair[0] if left_side else st.rpair[0]) is None


def test_pairs_passing_a_merge_are_not_moved() -> None:
    """Four clauses merged into one at the head of the text, before two clauses that stood
    before them: the merge weighs more than the two pairs in the heaviest chain (step 4), so
    the pairs were moved; only a pair is reported moved, and passing a merge moves none: the
    last labelling keeps the pairs in order (`rechain.relabel`). With the pairs' order kept by
    the chain already, it changes nothing (a tie stays as the steps left it)."""
    plain = [" ".join(b.sentences) for b in _plain()]
    parts = [plain[k] for k in (9, 10, 11, 12)]
    for left_side in (True, False):
        left, right = [plain[2], plain[3], *parts], [" ".join(parts), plain[2], plain[3]]
        group, pairs = ([2, 3, 4, 5], [0]), [([0], [1]), ([1], [2])]
        if not left_side:
            left, right = right, left
            group, pairs = (group[1], group[0]), [(r, lft) for lft, r in pairs]
        st = _state(left, right)
        st.add(Match(list(group[0]), list(group[1]), 0.95, "gap"))
        for lft, r in pairs:
            st.add(Match(lft, r, 1.0, "gap"))
        rechain(st, dissolve=False)
        assert [m.kind for m in st.matches] == ["gap", "move", "move"]
        assert relabel(st)
        assert [m.kind for m in st.matches] == ["move", "gap", "gap"]
        assert not relabel(st)
        assert [m.kind for m in st.matches] == ["move", "gap", "gap"]
