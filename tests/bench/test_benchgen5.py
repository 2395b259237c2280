"""benchgen5: the truth partitions both sides, is deterministic, holds its ambiguity floors, and
has every relation and every kind of edit at N=40; N=400 generates in reasonable time."""

from __future__ import annotations

import time
from collections import Counter
from functools import cache
from itertools import pairwise

from compare.bench.benchgen import seed_blocks
from compare.bench.benchgen5 import (
    CEIL,
    FLOOR,
    KINDS,
    MARGIN,
    MIN_WORDS,
    ONE_TO_ONE,
    RELATIONS,
    TWIN_NOUNS,
    Revision,
    augmented,
    overlap,
    plain,
    revise,
    score,
)
from compare.model import Declaration
from compare.resources import declarations_dir

SEED = declarations_dir() / "2007-bishkek.xml"


@cache
def rev(n: int, seed: int) -> Revision:
    return revise(seed_blocks(SEED), n, seed)


def _units(d: Declaration) -> dict[str, tuple[int, str, tuple[str, ...]]]:
    return {u.id: (i, u.text, tuple(s.text for s in u.sentences))
            for i, u in enumerate(d.units())}


def _seed_texts() -> list[str]:
    aug, _ = augmented(seed_blocks(SEED))
    return [t for b in aug for t in (" ".join(b.sentences), *(" ".join(it) for it in b.items))]


def _is_twin(text: str) -> bool:
    return any(f"the Ministers of {noun} " in text for noun in TWIN_NOUNS)


def test_truth_is_a_partition_of_both_sides_with_ids_in_document_order() -> None:
    for seed in (1, 2, 3):
        r = rev(40, seed)
        left, right = _units(r.left), _units(r.right)
        lseen = Counter(i for t in r.truth for i in t[1])
        rseen = Counter(i for t in r.truth for i in t[2])
        assert lseen == Counter(list(left)) and rseen == Counter(list(right))
        for rel, ls, rs in r.truth:
            assert rel in RELATIONS
            assert [left[i][0] for i in ls] == sorted(left[i][0] for i in ls)
            assert [right[i][0] for i in rs] == sorted(right[i][0] for i in rs)
            shape = {"split": (1, None), "merged": (None, 1), "removed": (1, 0), "added": (0, 1)}
            nl, nr = shape.get(rel, (1, 1))
            assert (nl is None and len(ls) >= 2) or len(ls) == nl
            assert (nr is None and len(rs) >= 2) or len(rs) == nr
            if rel in ONE_TO_ONE[:2]:
                assert (plain(left[ls[0]][1]) == plain(right[rs[0]][1])) == (rel == "unchanged")


def test_deterministic_for_a_seed_and_different_across_seeds() -> None:
    a, b = revise(seed_blocks(SEED), 10, 7), revise(seed_blocks(SEED), 10, 7)
    assert a.truth == b.truth and a.kinds == b.kinds
    assert [u.text for u in a.right.units()] == [u.text for u in b.right.units()]
    c = revise(seed_blocks(SEED), 10, 8)
    assert [u.text for u in c.right.units()] != [u.text for u in a.right.units()]


def test_every_relation_and_every_kind_occur_at_n40() -> None:
    for seed in (1, 2, 3):
        r = rev(40, seed)
        rels = Counter(t[0] for t in r.truth)
        assert all(rels[rel] > 0 for rel in RELATIONS), rels
        assert {k for ks in r.kinds for k in ks} == set(KINDS)
        assert all(len(ks) >= 3 for ks in r.kinds)
        assert r.left.meta.status == r.right.meta.status == "illustrative"


def test_reworded_pairs_keep_the_floor_and_the_margin() -> None:
    seed_texts = _seed_texts()
    for seed in (1, 2, 3):
        r = rev(40, seed)
        left, right = _units(r.left), _units(r.right)
        for rel, ls, rs in r.truth:
            if rel not in ("reworded", "moved"):
                continue
            old, new = left[ls[0]][1], right[rs[0]][1]
            own = overlap(new, old)
            assert own >= FLOOR
            if not _is_twin(old):
                assert all(own >= overlap(new, t) + MARGIN for t in seed_texts if t != old)


def test_new_paragraphs_are_below_the_ceiling_so_a_replacement_is_removed_plus_added() -> None:
    seed_texts = _seed_texts()
    assert CEIL < FLOOR
    for seed in (1, 2, 3):
        r = rev(40, seed)
        right = _units(r.right)
        added = [right[t[2][0]][1] for t in r.truth if t[0] == "added"]
        assert added
        for text in added:
            assert max(overlap(text, t) for t in seed_texts) < CEIL, text


def test_split_and_merged_units_keep_their_sentences_and_parts_lie_apart() -> None:
    scattered_splits = three_way_merges_apart = 0
    for seed in (1, 2, 3):
        r = rev(40, seed)
        left, right = _units(r.left), _units(r.right)
        for rel, ls, rs in r.truth:
            if rel == "split":
                parts = [right[i][2] for i in rs]
                assert all(len(" ".join(p).split()) >= MIN_WORDS for p in parts)
                assert Counter(s for p in parts for s in p) == Counter(left[ls[0]][2])
                pos = [right[i][0] for i in rs]
                if len(rs) == 3 and all(b - a > 1 for a, b in pairwise(pos)):
                    scattered_splits += 1
            elif rel == "merged":
                assert [s for i in ls for s in left[i][2]] == list(right[rs[0]][2])
                pos = [left[i][0] for i in ls]
                if len(ls) == 3 and pos[2] - pos[0] > 2:
                    three_way_merges_apart += 1
    assert scattered_splits and three_way_merges_apart


def test_a_twin_edited_towards_its_neighbour_is_paired_in_place() -> None:
    seed_texts = [t for t in _seed_texts() if _is_twin(t)]
    tricked = 0
    for seed in (1, 2, 3):
        r = rev(40, seed)
        left, right = _units(r.left), _units(r.right)
        for rel, ls, rs in r.truth:
            old, new = left[ls[0]][1] if ls else "", right[rs[0]][1] if rs else ""
            if rel == "reworded" and _is_twin(old):
                best = max(seed_texts, key=lambda t, n=new: overlap(n, t))
                tricked += best != old
    assert tricked


def test_runs_move_together_and_the_scorer_gives_the_truth_full_marks() -> None:
    r = rev(40, 2)
    right = _units(r.right)
    moved = sorted(right[t[2][0]][0] for t in r.truth if t[0] == "moved")
    assert any(b == a + 1 for a, b in pairwise(moved))
    s = score(r.truth, r.truth, r.left, r.right)
    assert s["overall"][2] == 1.0 and all(s[rel][2] == 1.0 for rel in RELATIONS)
    wrong = {t for t in r.truth if t[0] != "split"}
    assert score(wrong, r.truth, r.left, r.right)["split"][1] == 0.0


def test_n400_generates_in_reasonable_time() -> None:
    t0 = time.perf_counter()
    r = revise(seed_blocks(SEED), 400, 3)
    assert time.perf_counter() - t0 < 30
    assert len(r.left.units()) == 400 * len(_seed_texts())
