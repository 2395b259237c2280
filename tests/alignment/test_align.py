"""Alignment: golden tables for hand-made cases, what each case must show, the CLI and JSON."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from compare.alignment.aligner import align
from compare.alignment.chain import exact_chain, lcs, weighted_chain
from compare.alignment.table import TableRow, format_table, parse_table
from compare.bench.benchgen import (
    Block,
    build_declaration,
    declaration_from_text,
    generate,
    seed_blocks,
)
from compare.bench.run import predicted, scores
from compare.cli import main
from compare.errors import ScodiffError
from compare.model import Alignment, Declaration, Relation
from compare.report.serialize import alignment_to_json
from compare.resources import declarations_dir

DATA = Path(__file__).parents[1] / "data" / "align"
CASES = sorted(p.name.removesuffix(".left.txt") for p in DATA.glob("*.left.txt"))
SEED = declarations_dir() / "2007-bishkek.xml"
DRAFT = declarations_dir() / "2007-bishkek-draft.xml"


def load_case(name: str) -> tuple[Declaration, Declaration]:
    left = (DATA / f"{name}.left.txt").read_text(encoding="utf-8")
    right = (DATA / f"{name}.right.txt").read_text(encoding="utf-8")
    return (declaration_from_text(f"{name}-left", left),
            declaration_from_text(f"{name}-right", right))


def relations(al: Alignment) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return [(p.relation.value, p.left, p.right) for p in al.pairs]


@pytest.mark.parametrize("name", CASES)
def test_golden_table(name: str, golden) -> None:
    golden(f"align/{name}.table", format_table(align(*load_case(name))))


def test_every_relation_case_shows_each_relation_once() -> None:
    rel = relations(align(*load_case("every-relation")))
    assert ("reworded", ("para_2",), ("para_2",)) in rel
    assert ("moved", ("para_3",), ("para_5",)) in rel
    assert ("split", ("para_6",), ("para_6", "para_7")) in rel
    assert ("merged", ("para_7", "para_8"), ("para_8",)) in rel
    assert ("removed", ("para_9",), ()) in rel
    assert ("added", (), ("para_9",)) in rel
    assert {r for r, _, _ in rel} == {r.value for r in Relation}


def test_translation_pairs_paragraph_to_paragraph_in_order() -> None:
    left, right = load_case("translation")
    al = align(left, right)
    assert [(p.left, p.right) for p in al.pairs] == [
        ((u.id,), (v.id,)) for u, v in zip(left.units(), right.units(), strict=True)
    ]
    assert {p.relation for p in al.pairs} == {Relation.REWORDED}


def test_unrelated_texts_fall_apart() -> None:
    al = align(*load_case("unrelated"))
    assert {p.relation for p in al.pairs} == {Relation.REMOVED, Relation.ADDED}


def test_swapped_paragraphs_one_moved() -> None:
    rel = relations(align(*load_case("swapped")))
    assert [r for r, _, _ in rel].count("moved") == 1
    assert [r for r, _, _ in rel].count("unchanged") == 3


def test_duplicates_matched_earliest_first() -> None:
    rel = relations(align(*load_case("duplicated")))
    assert rel[0] == ("unchanged", ("para_1",), ("para_1",))
    assert ("unchanged", ("para_4",), ("para_4",)) in rel
    assert ("added", (), ("para_5",)) in rel


def _decl(name: str, paragraphs: list[str]) -> Declaration:
    return build_declaration(name, [Block([t]) for t in paragraphs])


NORMALISATION = [
    ("nfd", unicodedata.normalize("NFD", "The régime of non-proliferation."),
     unicodedata.normalize("NFC", "The régime of non-proliferation.")),
    ("nbsp", "Semipalatinsk, September 8, 2006.", "Semipalatinsk, September\u00a08, 2006."),
    ("quotes", 'creation of "anti-drug security belts" around Afghanistan.',
     "creation of \u201canti-drug security belts\u201d around Afghanistan."),
    ("punctuation", "energy-producing, transit and consumer states..",
     "energy-producing, transit and consumer states."),
    ("zero-width", "The Contact Group SCO - Afghanistan will be revitalized.",
     "The Contact Group SCO - Afghan\u200bistan will be revitalized."),
    ("bidi", "The heads of state call for consistent cooperation.",
     "The heads of state call for \u202econsistent cooperation."),
    ("case", "The SCO Member States stand ready.", "The SCO member states stand ready."),
]


def test_normalisation_only_changes_are_flagged_never_hidden(golden) -> None:
    left = _decl("norm-left", [a for _, a, _ in NORMALISATION])
    right = _decl("norm-right", [b for _, _, b in NORMALISATION])
    al = align(left, right)
    golden("align/normalisation.table", format_table(al))
    by_id = {p.left[0]: p for p in al.pairs}
    for k, (name, _, _) in enumerate(NORMALISATION, 1):
        p = by_id[f"para_{k}"]
        if name == "case":
            assert p.relation is Relation.REWORDED
            continue
        assert p.relation is Relation.UNCHANGED, name
        assert "normalisation-only" in p.notes, name
        assert ("invisible-characters" in p.notes) == (name in ("zero-width", "bidi")), name
        assert p.diff != ((0, left.units()[k - 1].text),), name  # the change shows in the diff
    assert al.differs


@pytest.mark.parametrize("side", ["left", "right"])
def test_empty_side(side: str, golden) -> None:
    full = _decl("full", ["First clause here.", "Second clause there."])
    empty = _decl("empty", [])
    left, right = (empty, full) if side == "left" else (full, empty)
    al = align(left, right)
    golden(f"align/empty-{side}.table", format_table(al))
    want = Relation.ADDED if side == "left" else Relation.REMOVED
    assert [p.relation for p in al.pairs] == [want, want]
    assert align(empty, empty).pairs == ()


def test_sentences_show_one_new_sentence() -> None:
    s1 = "The member states note the need for collective efforts to address new challenges."
    s2 = "They express their appreciation for the activities of the Antiterrorist Structure."
    new = "They will hold a joint exercise in the coming year."
    left = build_declaration("l", [Block([s1, s2])])
    right = build_declaration("r", [Block([s1, new, s2])])
    (pair,) = align(left, right).pairs
    assert pair.relation is Relation.REWORDED
    assert [(s.relation.value, s.left, s.right) for s in pair.sentences] == [
        ("unchanged", "para_1__s_1", "para_1__s_1"),
        ("added", None, "para_1__s_2"),
        ("unchanged", "para_1__s_2", "para_1__s_3"),
    ]
    assert pair.diff == ((0, s1), (1, " " + new), (0, " " + s2))


def test_reworded_sentence_has_word_diff() -> None:
    left = build_declaration("l", [Block(["The SCO member states intend to cooperate closely."])])
    right = build_declaration("r", [Block(["The SCO member states will cooperate closely."])])
    (pair,) = align(left, right).pairs
    (sent,) = pair.sentences
    assert sent.relation is Relation.REWORDED
    assert (-1, "intend to") in sent.diff and (1, "will") in sent.diff


def test_table_round_trip() -> None:
    al = align(*load_case("every-relation"))
    rows = parse_table(format_table(al))
    assert rows == [
        TableRow(p.relation, p.left, p.right, round(p.similarity, 2), p.notes) for p in al.pairs
    ]


def test_parse_table_rejects_garbage() -> None:
    with pytest.raises(ScodiffError, match="line 2"):
        parse_table("=  para_1   para_1   1.00\nnonsense\n")


def test_threshold_decides_what_counts_as_moved() -> None:
    a = "The heads of state believe that stability in Central Asia is ensured by its states."
    b = "The SCO member states stand ready to develop cooperation on information security."
    b2 = "The SCO member states stand ready to develop cooperation on information security too."
    left, right = _decl("l", [a, b]), _decl("r", [b2, a])
    assert ("moved", ("para_2",), ("para_1",)) in relations(align(left, right))
    strict = relations(align(left, right, threshold=0.95))
    assert ("removed", ("para_2",), ()) in strict and ("added", (), ("para_1",)) in strict


def test_chains() -> None:
    assert lcs([1, 2, 3, 4], [1, 3, 4]) == [(0, 0), (2, 1), (3, 2)]
    assert lcs([], [1]) == []
    a = [k % 7 for k in range(700)]
    b = [k % 7 for k in range(700) if k % 50 != 3]
    assert len(exact_chain(a, b, whole=100)) == len(b)
    assert weighted_chain([(0, 1, 0.9), (1, 0, 0.8), (1, 2, 0.5), (2, 2, 0.1)]) == [
        (0, 1, 0.9), (1, 2, 0.5)]


@pytest.mark.skipif(not SEED.exists(), reason="seed declaration not in the corpus yet")
@pytest.mark.parametrize("seed", [1, 2])
def test_benchmark_generator_is_aligned_well_at_small_scale(seed: int) -> None:
    blocks = seed_blocks(SEED)
    left, right, truth = generate(blocks, 3, seed)
    assert len(left.paragraphs) == 3 * len(blocks)
    assert {r for r, _, _ in truth} == {r.value for r in Relation}
    figures = scores(predicted(align(left, right)), truth)
    assert figures["overall"][2] >= 0.95


@pytest.mark.skipif(not SEED.exists(), reason="seed declaration not in the corpus yet")
def test_seed_against_itself_is_unchanged() -> None:
    from compare.store.xmlio import load

    decl = load(SEED)
    al = align(decl, decl)
    assert {p.relation for p in al.pairs} == {Relation.UNCHANGED}
    assert not al.differs


@pytest.mark.skipif(not DRAFT.exists(), reason="draft declaration not in the corpus")
def test_cli_align_text_json_and_exit_codes(capsys) -> None:
    assert main(["align", str(DRAFT), str(SEED)]) == 1
    table = capsys.readouterr().out
    assert parse_table(table)
    assert main(["align", str(SEED), str(SEED), "--check"]) == 0
    assert capsys.readouterr().out == ""
    assert main(["align", str(DRAFT), str(SEED), "--check"]) == 1
    assert main(["align", str(DRAFT), str(SEED), "--format", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["format"] == "scodiff.alignment/1"
    assert doc["left"]["id"] and doc["right"]["title"]
    pair = doc["pairs"][0]
    assert set(pair) >= {"relation", "left", "right", "similarity", "diff"}
    for c in doc["commitments"]:
        assert set(c) >= {"change", "left", "right", "left_text", "right_text", "strength"}
        assert len(c["strength"]) == 2
    assert main(["align", str(DRAFT), "missing.xml"]) == 2
    assert main(["align", str(DRAFT), str(SEED), "--threshold", "1.5"]) == 2


def test_alignment_json_is_lossless_and_deterministic() -> None:
    al = align(*load_case("every-relation"))
    doc = alignment_to_json(al)
    assert doc == alignment_to_json(align(*load_case("every-relation")))
    units = {u.id: u.text for u in al.left.units()}
    for pair in doc["pairs"]:
        left_text = "".join(t for op, t in pair["diff"] if op <= 0)
        assert left_text == " ".join(units[i] for i in pair["left"])
    assert doc["summary"]["moved"] == 1


def test_long_unrelated_texts_are_bounded_and_partitioned() -> None:
    words = [f"w{k}" for k in range(900)]

    def doc(name: str, offset: int) -> Declaration:
        return build_declaration(name, [
            Block([" ".join(words[(offset + 7 * n + 13 * k) % 900] for k in range(25)) + "."])
            for n in range(300)
        ])

    al = align(doc("l", 0), doc("r", 450))
    assert sorted(i for p in al.pairs for i in p.left) == sorted(u.id for u in al.left.units())
    assert sorted(j for p in al.pairs for j in p.right) == sorted(u.id for u in al.right.units())


@pytest.mark.parametrize(
    ("first", "first_edited", "second"),
    [
        ("上海合作组织成员国主张建立安全架构。", "上海合作组织成员国支持建立新的安全架构。",
         "成员国愿意加强在能源领域的合作。"),
        ("Государства-члены ШОС выступают за укрепление стратегической стабильности.",
         "Государства-члены ШОС последовательно выступают за стратегическую стабильность.",
         "Контактная группа ШОС - Афганистан будет возобновлена."),
    ],
)
def test_chinese_and_russian(first: str, first_edited: str, second: str) -> None:
    other = "An unrelated English clause about railway links stays as it is."
    left = _decl("l", [first, second, other])
    right = _decl("r", [first_edited, other, second])
    al = align(left, right)
    assert relations(al) == [
        ("reworded", ("para_1",), ("para_1",)),
        ("unchanged", ("para_3",), ("para_2",)),
        ("moved", ("para_2",), ("para_3",)),
    ]
    (sent,) = al.pairs[0].sentences
    assert sent.relation is Relation.REWORDED
    assert sum(1 for op, _ in sent.diff if op == 0) >= 2  # words or characters kept in place


SEPARATED = {
    "split-apart": ("split", ("para_3",), ("para_3", "para_5")),
    "split-kept": ("split", ("para_3",), ("para_3", "para_5")),
    "split-moved": ("split", ("para_3",), ("para_3", "para_9")),
    "merge-apart": ("merged", ("para_3", "para_5"), ("para_3",)),
    "merge-moved": ("merged", ("para_2", "para_6"), ("para_5",)),
}


@pytest.mark.parametrize("name", sorted(SEPARATED))
def test_parts_apart_are_one_split_or_merge_both_ways(name: str) -> None:
    """Parts with another unit between them (inserted, kept) or moved away are one relation,
    listed in their own document order, and swapping the sides mirrors it."""
    left, right = load_case(name)
    al = align(left, right)
    assert SEPARATED[name] in relations(al)
    rel, ls, rs = SEPARATED[name]
    back = relations(align(right, left))
    assert ({"split": "merged", "merged": "split"}[rel], rs, ls) in back
    doc = alignment_to_json(al)
    [row] = [p for p in doc["pairs"] if p["relation"] == rel]
    assert (tuple(row["left"]), tuple(row["right"])) == (ls, rs)


@pytest.mark.parametrize("where", [0, 700, 1999])
def test_one_changed_copy_among_2000_identical_paragraphs_is_reworded_in_place(
        where: int) -> None:
    """The exact chain's tie-breaks leave the changed copy paired with its own place: one
    reworded pair, nothing removed or added, no commitment dropped or added."""
    from compare.bench.benchgen import Block, build_declaration
    from compare.commitments import analyse

    text = ("The member states will strengthen cooperation in the fight against terrorism, "
            "separatism and extremism.")
    changed = text.replace("will strengthen", "will deepen")
    left = build_declaration("l", [Block([text], []) for _ in range(2000)])
    right = build_declaration("r", [Block([changed if k == where else text], [])
                                    for k in range(2000)])
    al = analyse(align(left, right))
    rid = f"para_{where + 1}"
    assert [x for x in relations(al) if x[0] != "unchanged"] == [("reworded", (rid,), (rid,))]
    assert not any(c.change in ("dropped", "added") for c in al.commitments)


MIRROR = {"removed": "added", "added": "removed", "moved": "moved", "unchanged": "unchanged",
          "reworded": "reworded", "split": "merged", "merged": "split"}


def test_dated_variant_beside_its_original_is_added_not_a_far_move() -> None:
    """A paragraph deleted in one session and, in the next, duplicated after itself with a dated
    opening: the deleted copy is removed and the variant added (`steps.twins`), both ways."""
    left, right = load_case("twin-dated")
    rels = relations(align(left, right))
    assert ("removed", ("para_4",), ()) in rels
    assert ("added", (), ("para_11",)) in rels
    assert not any(r == "moved" for r, _, _ in rels)
    back = relations(align(right, left))
    assert sorted((MIRROR[r], b, a) for r, a, b in back) == sorted(rels)


def test_reworded_member_of_a_moved_block_moves_with_it() -> None:
    """Three paragraphs moved together past eleven, the first reworded to a similarity above the
    threshold but below the floor of a lone move that far: three moves (`moves.along_blocks`),
    the same swapped."""
    left, right = load_case("block-reworded")
    rels = relations(align(left, right))
    moved = sorted((a, b) for r, a, b in rels if r == "moved")
    assert moved == [(("para_2",), ("para_13",)), (("para_3",), ("para_14",)),
                     (("para_4",), ("para_15",))]
    assert not any(r in ("removed", "added") for r, _, _ in rels)
    back = relations(align(right, left))
    assert sorted((MIRROR[r], b, a) for r, a, b in back) == sorted(rels)


def test_copy_in_a_hole_of_a_merge_is_its_part() -> None:
    """Three neighbours merged, a copy of the middle one (another session's, moved up) after the
    next paragraph: the merge takes the copy between its parts, the far copy is the move
    (`steps.twins.fill_holes`); swapped, the same split."""
    left, right = load_case("merge-hole")
    rels = relations(align(left, right))
    assert ("merged", ("para_2", "para_3", "para_4"), ("para_2",)) in rels
    assert ("moved", ("para_9",), ("para_4",)) in rels
    assert [r for r, _, _ in rels].count("moved") == 1
    back = relations(align(right, left))
    assert sorted((MIRROR[r], b, a) for r, a, b in back) == sorted(rels)


def test_near_copy_beside_its_original_stands_in_no_deleted_neighbours_place() -> None:
    """A paragraph duplicated right after itself with its year changed, its weakly alike
    neighbour deleted: the one free unit a side between two anchors is no rewording when one
    of them is a near copy of the matched unit beside it (`gaps.one_twin`); removed and
    added, both ways."""
    left, right = load_case("twin-gap")
    rels = relations(align(left, right))
    assert ("removed", ("para_3",), ()) in rels
    assert ("added", (), ("para_3",)) in rels
    assert not any(r == "reworded" for r, _, _ in rels)
    back = relations(align(right, left))
    assert sorted((MIRROR[r], b, a) for r, a, b in back) == sorted(rels)


def test_a_copy_taken_from_a_moved_run_goes_back_to_its_hole_both_ways() -> None:
    """Two blocks each holding a copy of one paragraph, both moved, the second block's copy
    reworded: the move gave the first block's place to the nearer copy and left a hole in the
    second block. The far copy takes that move, the near one the reworded text between its
    neighbours' partners (`copies.free_copies`, `_run_hole`); the same swapped."""
    left, right = load_case("copy-run-hole")
    rels = relations(align(left, right))
    assert ("moved", ("para_2",), ("para_8",)) in rels
    assert ("moved", ("para_8",), ("para_11",)) in rels
    assert not any(r in ("removed", "added") for r, _, _ in rels)
    back = relations(align(right, left))
    assert sorted((MIRROR[r], b, a) for r, a, b in back) == sorted(rels)
