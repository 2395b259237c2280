"""Hard cases for the aligner, one small hand-made example each (texts written for the tests,
illustrative), plus a seeded run of the stress generator `bench.benchgen2`.

Expected tables list one pair per line: MARK LEFT-IDS -> RIGHT-IDS, marks as in `alignment.table`
(= unchanged, ~ reworded, > moved, < split or merged, - removed, + added).
"""

from __future__ import annotations

import json

import pytest

from compare.alignment.aligner import align
from compare.alignment.table import MARKS
from compare.alignment.worddiff import left_text, right_text
from compare.bench import benchgen2
from compare.bench.benchgen import declaration_from_text, seed_blocks
from compare.bench.run import predicted
from compare.model import Alignment, Relation
from compare.report.serialize import alignment_to_json
from compare.resources import declarations_dir

SEED = declarations_dir() / "2007-bishkek.xml"

A = "The member states welcome the opening of the new session of the council of ministers."
B = "The parties agreed to hold consultations on transport corridors before the summit."
C = "The heads of state noted the progress in the demarcation of common borders."
D = "Cultural exchanges between universities of the member states will continue."
E = "The Secretariat will prepare a report on the budget of the Organization."
F = "Joint exercises against terrorism took place in the mountains last autumn."
R = "The member states reaffirm their commitment to the goals and principles of the Charter."


def rows(alignment: Alignment) -> list[str]:
    def ids(x: tuple[str, ...]) -> str:
        return " ".join(i.removeprefix("para_") for i in x) or "."

    return [f"{MARKS[p.relation]} {ids(p.left)} -> {ids(p.right)}" for p in alignment.pairs]


def run(left: list[str], right: list[str], **kw: float) -> Alignment:
    return align(declaration_from_text("l", "\n\n".join(left)),
                 declaration_from_text("r", "\n\n".join(right)), **kw)


def table(text: str) -> list[str]:
    return [ln.strip() for ln in text.strip().splitlines()]


def test_reworded_and_moved_paragraph_is_moved() -> None:
    a2 = A.replace("welcome", "hail").replace("new", "next")
    got = run([A, B, C, D, E], [B, C, D, a2, E])
    assert rows(got) == table("""
        = 2 -> 1
        = 3 -> 2
        = 4 -> 3
        > 1 -> 4
        = 5 -> 5
    """)
    assert got.pairs[3].notes[:1] == ("reworded",)


def test_split_into_three_with_the_middle_part_reworded() -> None:
    long = f"{A} {B} {C}"
    b2 = B.replace("agreed", "decided").replace("hold", "have")
    got = run([D, long, E], [D, A, b2, C, E])
    assert rows(got) == table("""
        = 1 -> 1
        < 2 -> 2 3 4
        = 3 -> 5
    """)
    assert got.pairs[1].relation is Relation.SPLIT


def test_merge_of_three() -> None:
    got = run([D, A, B, C, E], [D, f"{A} {B} {C}", E])
    assert rows(got) == table("""
        = 1 -> 1
        < 2 3 4 -> 2
        = 5 -> 3
    """)
    assert got.pairs[1].relation is Relation.MERGED


def test_repeated_paragraph_one_copy_reworded_the_other_kept() -> None:
    # R x R -> R' R: the first copy was reworded and x deleted, not "R kept, R dropped, R' new".
    r2 = R.replace("reaffirm", "confirm").replace("commitment", "attachment")
    got = run([A, R, F, R, B], [A, r2, R, B])
    assert rows(got) == table("""
        = 1 -> 1
        ~ 2 -> 2
        - 3 -> .
        = 4 -> 3
        = 5 -> 4
    """)


def test_near_duplicate_formulaic_paragraphs() -> None:
    tpl = "The SCO member states support the development of cooperation in {}."
    fields = ["public health", "digital trade", "railway links", "seismic monitoring"]
    left = [tpl.format(f) for f in fields]
    right = [left[0], left[2].replace("support", "back"), left[3]]
    got = run(left, right)
    assert rows(got) == table("""
        = 1 -> 1
        - 2 -> .
        ~ 3 -> 2
        = 4 -> 3
    """)


def test_unrelated_replacement_is_removed_and_added_not_reworded() -> None:
    u = "Choir festivals took place in three mountain towns with audiences of several thousand."
    got = run([A, B, C], [A, u, C])
    assert sorted(rows(got)) == sorted(table("""
        = 1 -> 1
        - 2 -> .
        + . -> 2
        = 3 -> 3
    """))


def test_far_pair_of_similar_formulaic_clauses_is_not_a_move() -> None:
    filler = [f"Paragraph {k} records the decision on question {k} of the agenda." for k in
              range(150)]
    first = "The SCO member states support the development of cooperation in civil aviation."
    last = "The SCO member states deepen practical cooperation in civil aviation."
    got = run([first, *filler], [*filler, last])
    marks = [r.split(" ")[0] for r in rows(got)]
    assert marks.count("=") == 150
    assert marks.count("-") == marks.count("+") == 1


def test_far_move_of_an_unchanged_paragraph_is_still_a_move() -> None:
    filler = [f"Paragraph {k} records the decision on question {k} of the agenda." for k in
              range(150)]
    got = run([A, *filler], [*filler, A])
    assert [p.relation for p in got.pairs].count(Relation.MOVED) == 1


def test_move_next_to_a_deletion_and_an_insertion() -> None:
    g = "Volunteers planted poplars along the canal to protect the fields from wind erosion."
    got = run([A, B, C, D, E, F], [A, C, D, g, B, F])
    assert sorted(rows(got)) == sorted(table("""
        = 1 -> 1
        = 3 -> 2
        = 4 -> 3
        + . -> 4
        > 2 -> 5
        - 5 -> .
        = 6 -> 6
    """))


def test_one_place_swap_moves_exactly_one_of_the_two() -> None:
    got = run([A, B, C, D], [A, C, B, D])
    marks = sorted(r.split(" ")[0] for r in rows(got))
    assert marks == sorted([">", "=", "=", "="])


def test_case_only_change_is_reworded_punctuation_only_is_unchanged_and_flagged() -> None:
    cased = A.replace("member states", "Member States")
    punct = B.replace("agreed to", "agreed\u00a0to").replace(",", "") + ""
    decomposed = "The ministers met in Ürümqi and Astana, as agreed."
    import unicodedata

    nfd = unicodedata.normalize("NFD", decomposed).replace(", ", " ")
    got = run([cased.replace("Member States", "member states"), B, decomposed],
              [cased, punct, nfd])
    assert rows(got) == table("""
        ~ 1 -> 1
        = 2 -> 2
        = 3 -> 3
    """)
    assert "normalisation-only" in got.pairs[1].notes
    assert "normalisation-only" in got.pairs[2].notes


def test_sentence_inserted_inside_a_long_paragraph() -> None:
    long = f"{A} {B} {C} {D}"
    new = "A working group on seismic monitoring will be set up before the next meeting."
    got = run([E, long, F], [E, f"{A} {B} {new} {C} {D}", F])
    assert rows(got) == table("""
        = 1 -> 1
        ~ 2 -> 2
        = 3 -> 3
    """)
    kinds = [s.relation for s in got.pairs[1].sentences]
    assert kinds.count(Relation.ADDED) == 1 and kinds.count(Relation.UNCHANGED) == 4


def test_list_items_added_removed_and_reordered() -> None:
    head = "The heads of state agreed to take the following steps:"
    items = [f"- expand practical cooperation in {f};" for f in
             ("agriculture", "tourism", "civil aviation", "food safety", "water management")]
    new = "- set up a joint fund for mountain ecosystems;"
    left = head + "\n" + "\n".join(items)
    right = head + "\n" + "\n".join([items[1], items[2], items[0], items[3], new])
    got = run([A, left], [A, right])
    assert sorted(rows(got)) == sorted(table("""
        = 1 -> 1
        = 2 -> 2
        = 2__item_2 -> 2__item_1
        = 2__item_3 -> 2__item_2
        > 2__item_1 -> 2__item_3
        = 2__item_4 -> 2__item_4
        - 2__item_5 -> .
        + . -> 2__item_5
    """))


def test_threshold_is_monotone_on_paired_units() -> None:
    left, right, _ = benchgen2.generate(seed_blocks(SEED), 1, 3)
    paired = []
    for thr in (0.3, 0.5, 0.7, 0.9):
        a = align(left, right, threshold=thr)
        paired.append(sum(len(p.left) for p in a.pairs if p.left and p.right))
    assert paired == sorted(paired, reverse=True)
    assert paired[0] > paired[-1]


def test_json_diff_is_lossless_for_every_pair_kind() -> None:
    left, right, _ = benchgen2.generate(seed_blocks(SEED), 2, 5)
    a = align(left, right)
    doc = json.loads(json.dumps(alignment_to_json(a)))
    lt = {u.id: u.text for u in left.units()}
    rt = {u.id: u.text for u in right.units()}
    kinds = set()
    for p in doc["pairs"]:
        kinds.add(p["relation"])
        diff = [(op, text) for op, text in p["diff"]]
        assert left_text(diff) == " ".join(lt[i] for i in p["left"])
        assert right_text(diff) == " ".join(rt[j] for j in p["right"])
    assert {"split", "merged", "moved", "reworded", "removed", "added"} <= kinds


@pytest.mark.parametrize("copies", [1, 2, 3])
def test_stress_generator_small_scale(copies: int) -> None:
    left, right, truth = benchgen2.generate(seed_blocks(SEED), copies, 100 + copies)
    f1 = benchgen2.score(list(predicted(align(left, right))), truth, left, right)["overall"][2]
    assert f1 >= 0.95


def test_paraphrase_keeps_order() -> None:
    left, right, truth = benchgen2.paraphrase(seed_blocks(SEED), 11)
    f1 = benchgen2.score(list(predicted(align(left, right))), truth, left, right)["overall"][2]
    assert f1 >= 0.9


def test_bench_reports_five_generators_per_seed_against_the_targets() -> None:
    from compare.bench.run import generators, quality

    assert generators() == ["benchgen", "benchgen2", "benchgen3", "benchgen4", "benchgen5"]
    lines = quality(generators(), [1], [1, 2], SEED)
    rows = [ln for ln in lines if " seed " in ln]
    assert [ln.split()[0] for ln in rows] == ["benchgen"] * 2 + ["benchgen2"] * 2 + [
        "benchgen3"] * 2 + ["benchgen4"] * 2 + ["benchgen5"] * 2
    assert all("splt" in ln and "merg" in ln for ln in rows)
    verdicts = lines[lines.index(next(ln for ln in lines if ln.startswith("== targets"))) + 1 :]
    assert len(verdicts) == 5
    assert all(ln.endswith(" met") or "NOT MET" in ln for ln in verdicts)
