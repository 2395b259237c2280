"""Units freed by the late steps get their gap's chance again (the last gap filling of step 5).

Case `freed-reworded` (golden table `tests/golden/align/freed-reworded.table`): a paragraph
reworded heavily in place, and a second copy of it further down split into three scattered
parts. The move step first takes the reworded copy's left unit for one of the parts; step 5c
then gives that part to its split and frees the unit, after gap filling has run. Filled again,
the gap pairs it with its rewording (one free unit on each side between two anchors).
"""

from __future__ import annotations

from pathlib import Path

from compare.alignment.aligner import align
from compare.bench.benchgen import declaration_from_text
from compare.model import Alignment

DATA = Path(__file__).parents[1] / "data" / "align"


def _changed(al: Alignment) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return sorted((p.relation.value, p.left, p.right) for p in al.pairs
                  if p.relation.value != "unchanged")


def test_a_unit_freed_by_a_split_pairs_in_its_gap_both_ways() -> None:
    left, right = (declaration_from_text(side, (DATA / f"freed-reworded.{side}.txt").read_text(
        encoding="utf-8")) for side in ("left", "right"))
    parts = ("para_8", "para_10", "para_12")
    assert _changed(align(left, right)) == [
        ("reworded", ("para_2",), ("para_2",)), ("split", ("para_8",), parts)]
    assert _changed(align(right, left)) == [
        ("merged", parts, ("para_8",)), ("reworded", ("para_2",), ("para_2",))]
