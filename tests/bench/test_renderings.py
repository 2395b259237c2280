"""The translation-pair scorer (`compare.bench.renderings`): truth parsing and the figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.bench.renderings import cases, parse_truth, renderings_figures, score_case

LEFT = """Joint Statement of the Ministers (illustrative)

The ministers met in Dushanbe on 3 May 2041 and reviewed the work of the year.

The parties shall exchange data on river flows every month.

The parties will hold a joint exercise of their rescue services in 2042.

The choir of the village school gave three concerts in the spring.
"""
RIGHT = """Joint Statement of the Ministers (illustrative)

Having met in Dushanbe on 3 May 2041, the ministers reviewed the year's work.

Every month the parties must share data on the flow of rivers.

The parties are to stage a joint exercise of rescue services in 2042.

A new bakery opened near the station and sells bread at dawn.
"""


def _case(tmp_path: Path, truth: str) -> Path:
    (tmp_path / "c.left.txt").write_text(LEFT, encoding="utf-8")
    (tmp_path / "c.right.txt").write_text(RIGHT, encoding="utf-8")
    (tmp_path / "c.truth").write_text(truth, encoding="utf-8")
    return tmp_path


def test_truth_marks_and_id_lists() -> None:
    got = parse_truth("# note\n~  para_1  para_2\n<  para_3  para_3,para_4\n"
                      "<  para_5 para_6  para_7\n-  para_8  .\n+  .  para_9\n")
    assert got == {("reworded", ("para_1",), ("para_2",)),
                   ("split", ("para_3",), ("para_3", "para_4")),
                   ("merged", ("para_5", "para_6"), ("para_7",)),
                   ("removed", ("para_8",), ()), ("added", (), ("para_9",))}


def test_right_truth_scores_one_and_a_wrong_truth_does_not(tmp_path: Path) -> None:
    right = _case(tmp_path, "~  para_1  para_1\n~  para_2  para_2\n~  para_3  para_3\n"
                            "-  para_4  .\n+  .  para_4\n")
    s = score_case(right, "c")
    assert (s.found, s.truth_pairs, s.one_sided_right, s.one_sided, s.moved) == (3, 3, 2, 2, 0)
    wrong = _case(tmp_path, "~  para_1  para_2\n~  para_2  para_1\n~  para_3  para_3\n"
                            "~  para_4  para_4\n")
    s = score_case(wrong, "c")
    assert (s.found, s.truth_pairs) == (1, 4)
    assert any("truth 1:1 para_4 -> para_4" in m for m in s.misses)
    lines = renderings_figures(wrong, details=True)
    assert "truth pairs found: 1/4 (0.25)" in lines[1]


def test_an_empty_folder_says_so(tmp_path: Path) -> None:
    assert renderings_figures(tmp_path) == [f"renderings: no cases in {tmp_path}"]


HELD_OUT = Path(__file__).resolve().parents[1] / "data" / "align" / "renderings-heldout"
FOLDERS = [HELD_OUT.with_name(n) for n in ("renderings-heldout", "renderings-heldout3",
                                              "renderings-heldout4", "renderings-heldout5",
                                              "renderings-heldout6", "renderings-heldout7",
                                              "renderings-heldout8", "renderings-heldout9",
                                              "renderings-tuning3")]
CASES = [(f, n) for f in FOLDERS for n in cases(f)]


@pytest.mark.parametrize(("folder", "name"), CASES, ids=[f"{f.name}/{n}" for f, n in CASES])
def test_held_out_truth_names_each_paragraph_once(folder: Path, name: str) -> None:
    """The held-out pairs (written from the issue alone): each side's ids in the truth are
    unique, and its paragraphs run para_1 .. para_K, one per blank-line block after the title
    (list items are under their paragraph). Their scores are not tested here:
    `python -m compare.bench.renderings` prints them."""
    truth = parse_truth((folder / f"{name}.truth").read_text(encoding="utf-8"))
    for side, column in (("left", 1), ("right", 2)):
        ids = [i for t in truth for i in t[column]]
        assert len(ids) == len(set(ids)), (name, side)
        paras = sorted(int(i.removeprefix("para_")) for i in ids if "__" not in i)
        blocks = (folder / f"{name}.{side}.txt").read_text(encoding="utf-8").split("\n\n")
        prose = [b for b in blocks[1:] if b.strip()]
        assert paras == list(range(1, len(paras) + 1)), (name, side)
        assert len(paras) == len(prose), (name, side)


def test_there_are_enough_held_out_pairs() -> None:
    assert [len(cases(f)) for f in FOLDERS] >= [8, 6, 6, 6]


def test_scorer_mains_take_help_and_refuse_a_missing_folder(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]
                                                            ) -> None:
    from compare.bench import pages, renderings

    for main, module in ((pages.main, "compare.bench.pages"),
                         (renderings.main, "compare.bench.renderings")):
        with pytest.raises(SystemExit) as ended:
            main(["--help"])
        assert ended.value.code == 0
        assert f"usage: python -m {module} [-h] [-v] [folder]" in capsys.readouterr().out
        with pytest.raises(SystemExit) as ended:
            main([str(tmp_path / "absent")])
        assert ended.value.code == 2
        assert "absent: not a folder" in capsys.readouterr().err


def test_a_move_the_truth_makes_too_is_not_counted_against_the_target() -> None:
    from compare.bench.renderings import _crossed
    from compare.ingest.importer import parse_text

    text = "Title (illustrative)\n\n" + "\n\n".join(
        f"Paragraph {w} of the statement, written for the scorer's test." for w in
        ("one", "two", "three")) + "\n"
    doc, _ = parse_text(text, path="x.txt", status="illustrative")
    swapped = {("reworded", ("para_1",), ("para_2",)), ("reworded", ("para_2",), ("para_1",)),
               ("reworded", ("para_3",), ("para_3",))}
    in_order = {("reworded", (f"para_{k}",), (f"para_{k}",)) for k in (1, 2, 3)}
    assert _crossed(("moved", ("para_1",), ("para_2",)), swapped, doc, doc)
    assert not _crossed(("moved", ("para_3",), ("para_3",)), swapped, doc, doc)
    assert not _crossed(("moved", ("para_2",), ("para_2",)), in_order, doc, doc)
    assert not _crossed(("moved", ("para_1",), ("para_3",)), in_order, doc, doc)  # not a truth pair


@pytest.mark.parametrize("folder", FOLDERS, ids=[f.name for f in FOLDERS])
def test_the_seen_sets_keep_their_tuned_scores(folder: Path) -> None:
    """Every set here has been tuned on: each keeps at least 0.95 of its truth pairs found
    (today 0.98-1.00), no pair the truth keeps in order called moved, and no unrelated pair
    called reworded (issue 12's targets), so a change elsewhere that loses them shows."""
    scored = [score_case(folder, n) for n in cases(folder)]
    found, truth = sum(s.found for s in scored), sum(s.truth_pairs for s in scored)
    assert found >= 0.95 * truth, (folder.name, found, truth)
    assert sum(s.moved_in_order for s in scored) == 0, folder.name
    assert sum(s.unrelated for s in scored) == 0, folder.name
