"""Free neighbours (step 5h): a clause reworded heavily at the edge of a moved run pairs with it.

Case `moved-run-edge` (golden table `tests/golden/align/moved-run-edge.table`): four paragraphs
moved together past four others, the first of them reworded heavily (cosine about 0.27, in
words written for the test). The three unchanged ones are moves; the reworded one has no gap
of its own (its neighbours on each side are a moved run and an anchor), so before step 5h it
was removed and added. Each is the other's best free unit beside the run's head.
"""

from __future__ import annotations

from pathlib import Path

from compare.alignment import aligner
from compare.alignment.aligner import align
from compare.bench.benchgen import declaration_from_text
from compare.model import Alignment, Declaration

DATA = Path(__file__).parents[1] / "data" / "align"


def _case() -> tuple[Declaration, Declaration]:
    left, right = (declaration_from_text(side, (DATA / f"moved-run-edge.{side}.txt").read_text(
        encoding="utf-8")) for side in ("left", "right"))
    return left, right


def _moved(al: Alignment) -> list[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    return [(p.left, p.right, p.notes) for p in al.pairs if p.relation.value == "moved"]


def test_reworded_head_of_a_moved_run_moves_with_it_both_ways() -> None:
    left, right = _case()
    al = align(left, right)
    assert (("para_3",), ("para_7",), ("reworded",)) in _moved(al)
    assert not [p for p in al.pairs if p.relation.value in ("removed", "added")]
    back = align(right, left)
    assert (("para_7",), ("para_3",), ("reworded",)) in _moved(back)
    assert not [p for p in back.pairs if p.relation.value in ("removed", "added")]


def test_without_the_step_the_head_is_removed_and_added(monkeypatch) -> None:
    monkeypatch.setattr(aligner, "nearby", lambda st: 0)
    left, right = _case()
    rels = sorted(p.relation.value for p in align(left, right).pairs)
    assert rels.count("removed") == rels.count("added") == 1


def test_an_unrelated_insertion_beside_a_deletion_stays_apart() -> None:
    """The floor keeps a deletion and an unrelated insertion at one place apart."""
    left, _ = _case()
    rows = [u.text for u in left.units()]
    new = ("A railway survey from the Caspian coast to the eastern ports will be commissioned, "
           "with a route and a cost estimate due within two years.")
    right = declaration_from_text("r", "\n\n".join([*rows[:2], new, *rows[3:]]))
    rels = sorted((p.relation.value, p.left, p.right) for p in align(left, right).pairs
                  if p.relation.value != "unchanged")
    assert rels == [("added", (), ("para_3",)), ("removed", ("para_3",), ())]


def test_reworded_middle_of_a_moved_run_pairs_below_the_order_floor(monkeypatch) -> None:
    """`moved-run-inside`: a run of four seed paragraphs moved past four, the second reworded
    so heavily (cosine about 0.17) that it is below `LOW` x threshold; it is the one unit a
    side between the same two moves, a gap inside the run, so it pairs at `FLOOR` x threshold
    as the one free unit a side between two anchors does (and, without step 5h, it was
    removed and added)."""
    left, right = (declaration_from_text(side, (DATA / f"moved-run-inside.{side}.txt").read_text(
        encoding="utf-8")) for side in ("left", "right"))
    assert (("para_4",), ("para_8",), ("reworded",)) in _moved(align(left, right))
    assert (("para_8",), ("para_4",), ("reworded",)) in _moved(align(right, left))
    monkeypatch.setattr(aligner, "nearby", lambda st: 0)
    rels = sorted(p.relation.value for p in align(left, right).pairs)
    assert rels.count("removed") == rels.count("added") == 1
