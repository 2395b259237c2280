"""The aligner's steps one at a time, on a `State` built by hand (texts written for the tests)."""

from __future__ import annotations

from compare.alignment.aligner import align
from compare.alignment.steps.exact import exact_matches, reslide
from compare.alignment.steps.gaps import fill_gaps
from compare.alignment.steps.moves import move_floor, moves
from compare.alignment.steps.rechain import rechain
from compare.alignment.steps.rest import rest
from compare.alignment.steps.state import State, gaps
from compare.bench.benchgen import Block, build_declaration, declaration_from_text, seed_blocks
from compare.resources import declarations_dir

A = "The member states will strengthen cooperation in the fight against terrorism."
B = "The heads of state support the creation of a regional energy market."
C = "Cultural exchanges between the peoples of the region will be expanded further."
B2 = "The heads of state support the creation of a regional energy market by 2030."
X = "A working group on disaster relief in the mountain regions is set up."


def state(left: list[str], right: list[str]) -> State:
    lu = build_declaration("l", [Block([t], []) for t in left]).units()
    ru = build_declaration("r", [Block([t], []) for t in right]).units()
    return State.start(lu, ru, 0.5)


def pairs(st: State) -> list[tuple[list[int], list[int], str]]:
    return sorted((m.left, m.right, m.kind) for m in st.matches)


def test_exact_step_alone_chains_equal_texts_in_order() -> None:
    st = state([A, B, C], [A, X, C])
    exact_matches(st)
    assert pairs(st) == [([0], [0], "exact"), ([2], [2], "exact")]
    assert gaps(st) == [([1], [1])]


def test_reslide_alone_moves_the_anchor_to_the_copy_with_the_better_gaps() -> None:
    # left R B R, right B2 R: the chain anchors the first R; the second leaves B to pair with B2
    st = state([A, B, A], [B2, A])
    exact_matches(st)
    assert pairs(st) == [([0], [1], "exact")]
    reslide(st)
    assert pairs(st) == [([2], [1], "exact")]


def test_gap_step_alone_pairs_a_reworded_clause_between_anchors() -> None:
    st = state([A, B, C], [A, B2, C])
    exact_matches(st)
    assert fill_gaps(st, low=False) == 1
    assert ([1], [1], "gap") in pairs(st)


def test_move_step_and_rechain_alone() -> None:
    st = state([A, B, C], [B, C, A])
    exact_matches(st)  # B, C chained; A free on both sides
    moves(st)
    assert ([0], [2], "move") in pairs(st)
    rechain(st, dissolve=False)
    assert ([0], [2], "move") in pairs(st)
    rest(st)
    assert len(st.matches) == 3


def test_rest_alone_makes_every_free_unit_removed_or_added() -> None:
    st = state([A], [X])
    rest(st)
    assert pairs(st) == [([], [0], "added"), ([0], [], "removed")]


def test_move_floor_rises_with_distance() -> None:
    assert move_floor(0.5, 0) == 0.5
    assert 0.5 < move_floor(0.5, 10) < move_floor(0.5, 100) == 0.75 < 1.0


def test_split_whose_first_half_is_reworded_too_is_one_split_both_ways() -> None:
    """The half that keeps its words pairs 1:1; the reworded half lowers the whole's cosine
    (new words), but it is alike to what that pair leaves uncovered, so it joins as a part."""
    blocks = seed_blocks(declarations_dir() / "2007-bishkek.xml")
    paras = [" ".join(b.sentences) for b in blocks if not b.items]
    k = next(i for i, p in enumerate(paras) if p.startswith("The member states note the need"))
    rest_of_it = paras[k].split(". ", 1)[1]
    reworded = "The member countries note the necessity for common efforts to address new dangers."
    new = [*paras[:k], reworded, rest_of_it, *paras[k + 1:]]
    left = declaration_from_text("l", "\n\n".join(paras))
    right = declaration_from_text("r", "\n\n".join(new))
    lid, a, b = left.units()[k].id, right.units()[k].id, right.units()[k + 1].id
    changed = [(p.relation.value, p.left, p.right) for p in align(left, right).pairs
               if p.relation.value != "unchanged"]
    assert changed == [("split", (lid,), (a, b))]
    back = [(p.relation.value, p.left, p.right) for p in align(right, left).pairs
            if p.relation.value != "unchanged"]
    assert back == [("merged", (a, b), (lid,))]
