"""Alignment properties (hypothesis, derandomized): identity, partition, symmetry, lossless diffs,
determinism."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from helpers import MIRROR, paragraphs
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.alignment.aligner import align, group_text
from compare.alignment.worddiff import left_text, right_text
from compare.bench.benchgen import Block, build_declaration
from compare.model import Alignment, Declaration, Relation
from compare.resources import declarations_dir

SENTENCES = [
    "An effective global security system can only be created under the UN auspices.",
    "Unilateral actions cannot resolve existing problems.",
    "The SCO member states intend to cooperate closely in addressing the UN reform issues.",
    "The heads of state support the efforts of the states parties to the Treaty.",
    "The Contact Group SCO - Afghanistan will be revitalized.",
    "The SCO member states stand ready to develop cooperation.",
    "Comparison of energy strategies in the SCO framework seems to be an important task.",
    "The member states note the need for collective efforts to address new challenges.",
    "上海合作组织成员国主张建立安全架构。",
    "Государства-члены ШОС выступают за укрепление стабильности.",
]
WORDS = ["the", "SCO", "member", "states", "will", "support", "energy", "security",
         "\u201cbelts\u201d", "cooperation", "regional", "Afghanistan", "stand", "ready", "\u00a0",
         "note"]

sentence = st.one_of(
    st.sampled_from(SENTENCES),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(lambda w: " ".join(w) + "."),
)
block = paragraphs(sentence, 1)
blocks = st.lists(block, max_size=7)

SETTINGS = settings(derandomize=True, deadline=None, max_examples=60)



def decl(name: str, bs: list[Block]) -> Declaration:
    return build_declaration(name, bs)


@SETTINGS
@given(blocks)
def test_identity_is_all_unchanged(bs: list[Block]) -> None:
    a = decl("a", bs)
    al = align(a, a)
    assert all(p.relation is Relation.UNCHANGED and not p.notes for p in al.pairs)
    assert [p.left for p in al.pairs] == [(u.id,) for u in a.units()]
    assert not al.differs


def check_partition(al: Alignment) -> None:
    lefts = [i for p in al.pairs for i in p.left]
    rights = [j for p in al.pairs for j in p.right]
    assert sorted(lefts) == sorted(u.id for u in al.left.units())
    assert sorted(rights) == sorted(u.id for u in al.right.units())


def check_lossless(al: Alignment) -> None:
    lu = {u.id: u for u in al.left.units()}
    ru = {u.id: u for u in al.right.units()}
    ls = {s.id: s.text for u in al.left.units() for s in u.sentences}
    rs = {s.id: s.text for u in al.right.units() for s in u.sentences}
    for p in al.pairs:
        assert 0.0 <= p.similarity <= 1.0
        assert left_text(p.diff) == group_text([lu[i] for i in p.left])
        assert right_text(p.diff) == group_text([ru[j] for j in p.right])
        for s in p.sentences:
            assert left_text(s.diff) == (ls[s.left] if s.left else "")
            assert right_text(s.diff) == (rs[s.right] if s.right else "")


@SETTINGS
@given(blocks, blocks)
def test_partition_lossless_and_deterministic(a: list[Block], b: list[Block]) -> None:
    left, right = decl("l", a), decl("r", b)
    al = align(left, right)
    check_partition(al)
    check_lossless(al)
    assert align(decl("l", a), decl("r", b)) == al


@SETTINGS
@given(blocks, st.data())
def test_edited_copy_partition_and_lossless(a: list[Block], data: st.DataObject) -> None:
    b = list(a)
    for _ in range(data.draw(st.integers(0, 3))):
        op = data.draw(st.sampled_from(["delete", "insert", "swap", "edit"]))
        if op == "insert" or not b:
            b.insert(data.draw(st.integers(0, len(b))), data.draw(block))
        elif op == "delete":
            b.pop(data.draw(st.integers(0, len(b) - 1)))
        elif op == "swap" and len(b) > 1:
            k = data.draw(st.integers(0, len(b) - 2))
            b[k], b[k + 1] = b[k + 1], b[k]
        else:
            k = data.draw(st.integers(0, len(b) - 1))
            b[k] = Block([*b[k].sentences, data.draw(sentence)], b[k].items)
    al = align(decl("l", a), decl("r", b))
    check_partition(al)
    check_lossless(al)


@st.composite
def unique_blocks(draw: st.DrawFn) -> list[Block]:
    """Blocks in which no sentence repeats: paragraphs of 1-3 sentences, some with an item."""
    texts = draw(st.lists(sentence, unique=True, max_size=10))
    out: list[Block] = []
    while texts:
        k = draw(st.integers(1, min(3, len(texts))))
        para, texts = texts[:k], texts[k:]
        items = [[texts.pop(0)]] if texts and draw(st.booleans()) else []
        out.append(Block(para, items))
    return out


@SETTINGS
@given(unique_blocks(), unique_blocks())
def test_swapping_sides_mirrors_relations(a: list[Block], b: list[Block]) -> None:
    """Mirror image when no text repeats within a side (repeats are broken by documented,
    left-first tie-breaks, which a swap does not mirror)."""
    forward = align(decl("l", a), decl("r", b))
    backward = align(decl("r", b), decl("l", a))
    mirrored = sorted((MIRROR.get(p.relation, p.relation).value, p.right, p.left)
                      for p in forward.pairs)
    assert sorted((p.relation.value, p.left, p.right) for p in backward.pairs) == mirrored


def test_output_does_not_depend_on_hash_seed(tmp_path: Path) -> None:
    left = declarations_dir() / "2007-bishkek-draft.xml"
    right = declarations_dir() / "2007-bishkek.xml"
    outs = []
    for seed in ("1", "987"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-m", "compare", "align", str(left), str(right), "--format", "json"],
            capture_output=True, env=env, check=False, cwd=tmp_path,
        )
        assert run.returncode == 1, run.stderr
        outs.append(run.stdout)
    assert outs[0] == outs[1]
    assert json.loads(outs[0])["format"] == "scodiff.alignment/1"
