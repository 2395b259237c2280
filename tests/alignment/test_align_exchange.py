"""Sentence exchanges (step 5g): two paragraphs that trade a sentence each stay two rewordings.

The golden table of the case is `tests/golden/align/exchange.table` (run by test_align.py with
every case of tests/data/align); here what the step must and must not do, both ways.
"""

from __future__ import annotations

from pathlib import Path

from compare.alignment import aligner
from compare.alignment.aligner import align
from compare.bench.benchgen import declaration_from_text
from compare.model import Alignment, Declaration

DATA = Path(__file__).parents[1] / "data" / "align"


def _case(name: str) -> tuple[Declaration, Declaration]:
    texts = [(DATA / f"{name}.{side}.txt").read_text(encoding="utf-8")
             for side in ("left", "right")]
    return declaration_from_text("l", texts[0]), declaration_from_text("r", texts[1])


def _changed(al: Alignment) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return sorted((p.relation.value, p.left, p.right) for p in al.pairs
                  if p.relation.value != "unchanged")


EXCHANGED = [("reworded", ("para_3",), ("para_3",)), ("reworded", ("para_4",), ("para_4",))]


def test_exchanged_sentences_are_two_rewordings_both_ways() -> None:
    """P = A1 A2 and Q = B1 B2 B3 become P' = A1 B2 and Q' = B1 A2 B3: Q' holds most of both,
    but P' opens with P's own sentence, which Q' lacks, so P pairs with P'."""
    left, right = _case("exchange")
    assert _changed(align(left, right)) == EXCHANGED
    assert _changed(align(right, left)) == EXCHANGED


def test_without_the_step_the_exchange_reads_as_a_merge(monkeypatch) -> None:
    """The case shows the mechanism: without step 5g it is a merge beside an added unit (and,
    swapped, a split beside a removed one)."""
    monkeypatch.setattr(aligner, "exchanges", lambda st: 0)
    left, right = _case("exchange")
    assert [r for r, _, _ in _changed(align(left, right))] == ["added", "merged"]
    assert [r for r, _, _ in _changed(align(right, left))] == ["removed", "split"]


def test_a_true_merge_beside_a_copy_of_its_sentence_stays_a_merge() -> None:
    """A merge whose whole keeps every sentence of its parts stays a merge, even beside an
    added unit that repeats one of those sentences: the whole lacks none of them."""
    left, _ = _case("exchange")
    a, b = (u.text for u in left.units()[2:4])
    first = left.units()[2].sentences[0].text
    rows = [u.text for u in left.units()]
    merged = "\n\n".join([*rows[:2], f"{a} {b}", f"{first} A new clause on glaciers follows.",
                           *rows[4:]])
    al = align(left, declaration_from_text("r", merged))
    assert [r for r, _, _ in _changed(al)] == ["added", "merged"]


def test_a_far_copy_lending_one_sentence_is_no_part_both_ways() -> None:
    """`exchange-far`: P = U1 U2 U3 and Q = B1 B2 B3 trade their last sentences (P' = U1 U2 B3,
    Q' = B1 B2 U3), and a second copy of P far below is deleted. Q' holds U3, which the far
    copy holds too, but the nearer P, paired with P', lent it: Q is reworded into Q' and the
    far copy is removed, not merged into Q'."""
    left, right = _case("exchange-far")
    assert _changed(align(left, right)) == [
        ("removed", ("para_11",), ()), ("reworded", ("para_2",), ("para_2",)),
        ("reworded", ("para_5",), ("para_5",))]
    assert _changed(align(right, left)) == [
        ("added", (), ("para_11",)), ("reworded", ("para_2",), ("para_2",)),
        ("reworded", ("para_5",), ("para_5",))]
