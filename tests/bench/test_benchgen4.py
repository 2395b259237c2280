"""benchgen4: determinism, the truth's partition and id order, its unambiguity rules, the scorer."""

from __future__ import annotations

import time
from functools import cache

import pytest

from compare.bench.benchgen import Block, build_declaration, seed_blocks
from compare.bench.benchgen4 import (
    CONNECTIVES,
    KINDS,
    MIN_KINDS,
    MIN_WORDS,
    ONE_TO_ONE,
    RELATIONS,
    Revision,
    Truth,
    generate,
    plain,
    resolve,
    revise,
    score,
    similar_enough,
)
from compare.model import Declaration
from compare.resources import declarations_dir


@cache
def _blocks() -> tuple[Block, ...]:
    return tuple(seed_blocks(declarations_dir() / "2007-bishkek.xml"))


@cache
def _rev(n: int, seed: int) -> Revision:
    return revise(list(_blocks()), n, seed)


def _texts(d: Declaration) -> dict[str, str]:
    return {u.id: u.text for u in d.units()}


def test_same_seed_same_output_other_seed_other_output() -> None:
    a = generate(list(_blocks()), 6, 3)
    b = generate(list(_blocks()), 6, 3)
    c = generate(list(_blocks()), 6, 4)
    assert a == b
    assert [u.text for u in a[1].units()] == [u.text for u in b[1].units()]
    assert a[2] != c[2]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_unit_of_either_side_is_in_exactly_one_relation(seed: int) -> None:
    r = _rev(10, seed)
    lefts = [i for t in r.truth for i in t[1]]
    rights = [i for t in r.truth for i in t[2]]
    assert sorted(lefts) == sorted(u.id for u in r.left.units())
    assert sorted(rights) == sorted(u.id for u in r.right.units())
    assert {t[0] for t in r.truth} <= set(RELATIONS)
    for rel, left, right in r.truth:
        assert len(left) == (0 if rel == "added" else 1 if rel != "merged" else len(left))
        assert len(right) == (0 if rel == "removed" else 1 if rel != "split" else len(right))
        if rel in ("split", "merged"):
            assert len(right if rel == "split" else left) >= 2


def test_split_and_merged_ids_are_in_document_order() -> None:
    r = _rev(40, 1)
    lpos = {u.id: i for i, u in enumerate(r.left.units())}
    rpos = {u.id: i for i, u in enumerate(r.right.units())}
    splits = [t for t in r.truth if t[0] == "split"]
    merges = [t for t in r.truth if t[0] == "merged"]
    assert splits and merges
    for _, _, right in splits:
        assert [rpos[i] for i in right] == sorted(rpos[i] for i in right)
    for _, left, _ in merges:
        assert [lpos[i] for i in left] == sorted(lpos[i] for i in left)


def test_every_copy_gets_three_kinds_and_every_kind_occurs() -> None:
    r = _rev(40, 2)
    assert len(r.kinds) == 40
    assert all(len(k) >= MIN_KINDS for k in r.kinds)
    assert {k for ks in r.kinds for k in ks} == set(KINDS)


def test_both_sides_are_illustrative() -> None:
    r = _rev(2, 0)
    assert r.left.meta.status == r.right.meta.status == "illustrative"
    assert len(r.left.paragraphs) == 2 * len(_blocks())


def test_relations_follow_the_documented_rules() -> None:
    r = _rev(40, 0)
    lt, rt = _texts(r.left), _texts(r.right)
    lpos = {u.id: i for i, u in enumerate(r.left.units())}
    rpos = {u.id: i for i, u in enumerate(r.right.units())}
    kinds = {t[0] for t in r.truth}
    assert kinds == set(RELATIONS)
    typographic = 0
    for rel, left, right in r.truth:
        if rel == "unchanged":
            assert plain(lt[left[0]]) == plain(rt[right[0]])
            typographic += lt[left[0]] != rt[right[0]]
        elif rel in ONE_TO_ONE:
            assert rel == "moved" or plain(lt[left[0]]) != plain(rt[right[0]])
            l_sents = sorted(s.text for s in r.left.units()[lpos[left[0]]].sentences)
            r_sents = sorted(s.text for s in r.right.units()[rpos[right[0]]].sentences)
            assert similar_enough(lt[left[0]], rt[right[0]]) or l_sents == r_sents
        elif rel == "split":
            parts = [rt[i] for i in right]
            assert all(len(p.split()) >= MIN_WORDS for p in parts)
            assert sorted(" ".join(parts).split()) == sorted(lt[left[0]].split())
        elif rel == "merged":
            whole = rt[right[0]].lower()
            for c in CONNECTIVES:
                whole = whole.replace(c.lower() + " ", "")
            assert all(lt[i].lower() in whole for i in left)
    assert typographic > 0  # typography-only edits are in the truth as unchanged
    changed = {t[0] for t in r.truth if t[0] in ONE_TO_ONE
               and plain(lt[t[1][0]]) != plain(rt[t[2][0]])}
    assert changed == {"reworded", "moved"}  # a moved paragraph may be reworded in passing
    assert any(t[0] == "reworded" and "__item_" in t[1][0] for t in r.truth)


def _where(unit_id: str, per_copy: int) -> tuple[int, str]:
    """Copy number and seed key of a left unit id (para_N or para_N__item_M)."""
    para, _, item = unit_id.partition("__")
    n = int(para.removeprefix("para_")) - 1
    return n // per_copy, f"{n % per_copy}{':' + item if item else ''}"


@pytest.mark.parametrize("seed", [0, 5])
def test_a_moved_seed_unit_is_kept_one_to_one_in_the_neighbouring_copies(seed: int) -> None:
    r = _rev(40, seed)
    per = len(_blocks())
    one_to_one = {_where(t[1][0], per) for t in r.truth if t[0] in ONE_TO_ONE}
    moved = [_where(t[1][0], per) for t in r.truth if t[0] == "moved"]
    assert moved
    for copy, key in moved:
        for other in (copy - 1, copy + 1):
            if 0 <= other < 40:
                assert (other, key) in one_to_one, (copy, key)


@pytest.mark.parametrize("seed", [0, 1, 5, 100])
def test_neighbouring_copies_never_relocate_the_same_seed_unit(seed: int) -> None:
    # identical copies: a unit moved in both copy i and i+1 could be paired across them
    r = _rev(40, seed)
    per = len(_blocks())
    relocated: set[tuple[int, str]] = set()  # moved 1:1, or split (a detached tail)
    touched: set[tuple[int, str]] = set()  # relocated, merged or removed
    for rel, left, _ in r.truth:
        for lid in left:
            where = _where(lid, per)
            if rel in ("moved", "split"):
                relocated.add(where)
            if rel in ("moved", "split", "merged", "removed"):
                touched.add(where)
    assert sum(1 for t in r.truth if t[0] == "moved") >= 10
    clashes = sorted((copy, key) for copy, key in relocated
                     if (copy - 1, key) in touched or (copy + 1, key) in touched)
    assert not clashes


def test_scoring_the_truth_itself_is_perfect() -> None:
    r = _rev(10, 1)
    s = score(r.truth, r.truth, r.left, r.right)
    assert set(s) == {*RELATIONS, "overall"}
    assert all(v[:3] == (1.0, 1.0, 1.0) for v in s.values())
    assert s["overall"][3] == len(r.truth)


def test_leaving_out_the_additions_costs_exactly_their_recall() -> None:
    r = _rev(10, 1)
    pred = {t for t in r.truth if t[0] != "added"}
    s = score(pred, r.truth, r.left, r.right)
    added = sum(t[0] == "added" for t in r.truth)
    assert s["added"] == (0.0, 0.0, 0.0, added)
    assert s["overall"][0] == 1.0
    assert s["overall"][1] == pytest.approx(1 - added / len(r.truth))


def test_a_split_read_as_a_rewording_and_an_addition_scores_as_computed() -> None:
    r = _rev(10, 2)
    splits = sorted(t for t in r.truth if t[0] == "split")
    _, left, right = splits[0]
    pred = (r.truth - {splits[0]}) | {("reworded", left, right[:1])} | {
        ("added", (), (i,)) for i in right[1:]}
    s = score(pred, r.truth, r.left, r.right)
    n_split = len(splits)
    reworded = sum(t[0] == "reworded" for t in r.truth)
    added = sum(t[0] == "added" for t in r.truth)
    assert s["split"] == pytest.approx((1.0, (n_split - 1) / n_split,
                                        2 * (n_split - 1) / (2 * n_split - 1), n_split))
    assert s["reworded"][:2] == pytest.approx((reworded / (reworded + 1), 1.0))
    assert s["added"][0] == pytest.approx(added / (added + len(right) - 1))


def _abcd() -> tuple[Declaration, Declaration]:
    texts = ["Alpha paragraph on water.", "Beta paragraph on roads.", "Gamma paragraph on trade.",
             "Delta paragraph on schools."]
    left = build_declaration("l", [Block([t]) for t in texts])
    right = build_declaration("r", [Block([texts[i]]) for i in (0, 2, 1, 3)])
    return left, right


def _pairs(moved: set[int]) -> Truth:
    rpos = {0: 1, 1: 3, 2: 2, 3: 4}  # left para_i+1 sits at right para_rpos[i]
    return {("moved" if i in moved else "unchanged", (f"para_{i + 1}",), (f"para_{rpos[i]}",))
            for i in range(4)}


def test_a_swap_of_neighbours_counts_against_neither_answer() -> None:
    left, right = _abcd()
    truth = _pairs({1})  # Beta moved
    other = _pairs({2})  # Gamma moved: just as short a reading
    assert resolve(truth, other, left, right) == other
    assert resolve(truth, truth, left, right) == truth
    assert score(other, truth, left, right)["overall"][2] == 1.0
    # an answer with more moves than needed is not accepted
    both = _pairs({1, 2})
    s = score(both, truth, left, right)
    assert s["moved"][:2] == (0.5, 1.0)
    assert s["overall"][2] < 1.0
    # with nothing to lean on, the truth stays a longest reading (one move)
    assert sum(t[0] == "moved" for t in resolve(both, set(), left, right)) == 1


def test_a_real_move_is_not_resolved_away() -> None:
    left, _ = _abcd()
    texts = [u.text for u in left.units()]
    right = build_declaration("r", [Block([t]) for t in [*texts[1:], texts[0]]])
    truth = {("moved", ("para_1",), ("para_4",))} | {
        ("unchanged", (f"para_{i}",), (f"para_{i - 1}",)) for i in (2, 3, 4)}
    wrong = {("unchanged", ("para_1",), ("para_4",))} | {
        ("moved", (f"para_{i}",), (f"para_{i - 1}",)) for i in (2, 3, 4)}
    assert resolve(truth, wrong, left, right) == truth
    assert score(wrong, truth, left, right)["overall"][2] == 0.0


def test_n400_generates_and_scores_in_reasonable_time() -> None:
    start = time.perf_counter()
    left, right, truth = generate(list(_blocks()), 400, 7)
    s = score(truth, truth, left, right)
    assert time.perf_counter() - start < 30
    assert len(left.units()) == 400 * sum(1 + len(b.items) for b in _blocks())
    assert s["overall"][2] == 1.0
