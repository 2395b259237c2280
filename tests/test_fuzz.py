"""Fuzzing the whole comparison pipeline (hypothesis, derandomized): align, analyse, view, render.

Random small declarations are built from a small vocabulary (so that texts repeat) in Latin,
Cyrillic and CJK script with hostile characters mixed in: markup characters, NBSP, zero-width
space, bidi override, combining accents (NFD), astral-plane characters (emoji, CJK Extension B),
empty-ish sentences and very long words. The right side is the left side edited at random.
Every output must keep the documented invariants. The vocabulary is illustrative, written here.
"""

from __future__ import annotations

import json
import unicodedata

import lxml.html
from helpers import MIRROR, paragraphs
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.alignment.aligner import align, group_text
from compare.alignment.normalize import match_key
from compare.alignment.table import format_table, parse_table
from compare.alignment.worddiff import left_text, right_text, word_diff
from compare.bench.benchgen import Block, build_declaration
from compare.commitments import analyse
from compare.model import Alignment, Declaration, Relation
from compare.report.renderers import render_html, render_json, render_markdown
from compare.report.serialize import alignment_to_json, dumps_json

WORDS = [
    "the", "member", "states", "will", "support", "cooperation", "SCO", "security",
    "Afghanistan", "Kyrgyz Republic", "United Nations",
    "государства", "поддерживают", "сотрудничество", "合作", "安全", "成员国",
    "<b>", "a&b", "\"quoted\"", "it's", "x\u00a0y", "zero\u200bwidth", "\u202eevil",
    "\U000e0068\U000e0069", "cafe\u0301", "caf\u00e9", "\U0001f600", "\U00020000\U00020001",
    "e\u0301\u0301",
    "{{7*7}}", "</script>", "\u061cmark", "w" * 120, "\u2028", "\ufeff", "-", "\u00ad",
]
ENDS = [".", ";", "!", "?", "\u3002", ":", ""]

word = st.sampled_from(WORDS)
CJK = ["成员国", "支持", "合作", "安全", "地区", "\U00020000", "「", "」", "\uff0c", "\u200b"]
sentence = st.one_of(
    st.builds(lambda ws, end: "".join(ws) + end, st.lists(st.sampled_from(CJK), min_size=1,
              max_size=6), st.sampled_from(["\u3002", "\uff01", "\u3002\u300d", ""])),
    st.sampled_from([".", "-", "\u3002", "\U0001f600.", "The member states will support it."]),
    st.builds(
        lambda ws, end: " ".join(ws) + end,
        st.lists(word, min_size=1, max_size=7),
        st.sampled_from(ENDS),
    ),
)
block = paragraphs(sentence, 2)
blocks = st.lists(block, max_size=6)

SETTINGS = settings(derandomize=True, deadline=None, max_examples=40)



FOLD = {
    "nfd": lambda t: unicodedata.normalize("NFD", t),
    "nbsp": lambda t: t.replace(" ", "\u00a0", 1),
    "zwsp": lambda t: t[:1] + "\u200b" + t[1:],
    "quotes": lambda t: t.replace('"', "\u201c", 1).replace("'", "\u2019"),
    "space": lambda t: t.replace(" ", "  ", 1),
    "shy": lambda t: t[: len(t) // 2] + "\u00ad" + t[len(t) // 2 :],
    "newline": lambda t: t.replace(" ", "\n", 1),
}
"""Edits that change only normalisation, invisible characters or spacing."""
OPS = ["delete", "insert", "swap", "reword", "split", "merge", *FOLD]


def edit(bs: list[Block], data: st.DataObject) -> list[Block]:
    """The blocks with 0-4 random edits: delete, insert, swap, reword, split, merge."""
    out = [Block(list(b.sentences), [list(i) for i in b.items]) for b in bs]
    for _ in range(data.draw(st.integers(0, 4))):
        op = data.draw(st.sampled_from(OPS))
        if op == "insert" or not out:
            out.insert(data.draw(st.integers(0, len(out))), data.draw(block))
            continue
        k = data.draw(st.integers(0, len(out) - 1))
        b = out[k]
        if op == "delete":
            out.pop(k)
        elif op == "swap" and k + 1 < len(out):
            out[k], out[k + 1] = out[k + 1], out[k]
        elif op == "split" and len(b.sentences) > 1:
            out[k : k + 1] = [Block(b.sentences[:1], []), Block(b.sentences[1:], b.items)]
        elif op in FOLD:
            s = data.draw(st.integers(0, len(b.sentences) - 1))
            b.sentences[s] = FOLD[op](b.sentences[s])
        elif op == "merge" and k + 1 < len(out) and not b.items:
            nxt = out[k + 1]
            out[k : k + 2] = [Block(b.sentences + nxt.sentences, nxt.items)]
        else:
            s = data.draw(st.integers(0, len(b.sentences) - 1))
            ws = b.sentences[s].split(" ")
            ws.insert(data.draw(st.integers(0, len(ws))), data.draw(word))
            b.sentences[s] = " ".join(ws)
    return out


def pipeline(left: Declaration, right: Declaration) -> tuple[Alignment, list[str]]:
    al = analyse(align(left, right))
    outs = [render_html(al), render_markdown(al), render_json(al)]
    return al, [*outs, dumps_json(alignment_to_json(al))]


def check_alignment(al: Alignment) -> None:
    lu = {u.id: u for u in al.left.units()}
    ru = {u.id: u for u in al.right.units()}
    lefts = [i for p in al.pairs for i in p.left]
    rights = [j for p in al.pairs for j in p.right]
    assert sorted(lefts) == sorted(lu) and len(lefts) == len(set(lefts))
    assert sorted(rights) == sorted(ru) and len(rights) == len(set(rights))
    ls = {s.id: s.text for u in lu.values() for s in u.sentences}
    rs = {s.id: s.text for u in ru.values() for s in u.sentences}
    for p in al.pairs:
        assert 0.0 <= p.similarity <= 1.0
        lt, rt = group_text([lu[i] for i in p.left]), group_text([ru[j] for j in p.right])
        assert left_text(p.diff) == lt and right_text(p.diff) == rt, p
        if p.relation is Relation.UNCHANGED:
            assert lt == rt or "normalisation-only" in p.notes or "invisible-characters" in p.notes
            assert match_key(lt) == match_key(rt) or lt == rt
        if p.relation is Relation.ADDED:
            assert not p.left and p.right
        if p.relation is Relation.REMOVED:
            assert p.left and not p.right
        if p.relation is Relation.SPLIT:
            assert len(p.left) == 1 and len(p.right) > 1
        if p.relation is Relation.MERGED:
            assert len(p.left) > 1 and len(p.right) == 1
        own_l = {s.id for i in p.left for s in lu[i].sentences}
        own_r = {s.id for j in p.right for s in ru[j].sentences}
        used_l = [s.left for s in p.sentences if s.left]
        used_r = [s.right for s in p.sentences if s.right]
        assert len(used_l) == len(set(used_l)) and set(used_l) <= own_l
        assert len(used_r) == len(set(used_r)) and set(used_r) <= own_r
        if p.sentences:  # a refined pair accounts for every sentence of its units
            assert set(used_l) == own_l and set(used_r) == own_r, p
        for s in p.sentences:
            assert left_text(s.diff) == (ls[s.left] if s.left else "")
            assert right_text(s.diff) == (rs[s.right] if s.right else "")
    for c in al.commitments:
        assert c.left is None or c.left.sentence in ls
        assert c.right is None or c.right.sentence in rs


def shown_text(el: lxml.html.HtmlElement) -> str:
    el = lxml.html.fromstring(lxml.html.tostring(el, encoding="unicode"))
    for badge in el.xpath(".//span[@class='invisible']"):
        badge.text = chr(int(badge.get("data-char")[2:], 16))
    (text,) = el.xpath(".//span[@class='text']")
    return str(text.text_content())


def check_outputs(al: Alignment, outs: list[str]) -> None:
    html, md, js, ajs = outs
    tree = lxml.html.document_fromstring(html)
    assert not tree.xpath("//script")
    for prefix, decl in (("L", al.left), ("R", al.right)):
        for unit in decl.units():
            (el,) = tree.xpath(f"//*[@id='{prefix}-{unit.id}']")
            assert shown_text(el) == unit.text, unit.id
    assert "<script" not in md.lower()
    assert json.loads(js)["format"].startswith("scodiff.")
    rows = parse_table(format_table(al))
    assert [(r.relation, r.left, r.right, r.notes) for r in rows] == [
        (p.relation, p.left, p.right, p.notes) for p in al.pairs]
    doc = json.loads(ajs)
    assert doc["format"] == "scodiff.alignment/1"
    assert len(doc["pairs"]) == len(al.pairs)


@SETTINGS
@given(blocks, st.data())
def test_edited_copy_keeps_every_invariant(bs: list[Block], data: st.DataObject) -> None:
    left, right = build_declaration("l", bs), build_declaration("r", edit(bs, data))
    al, outs = pipeline(left, right)
    check_alignment(al)
    check_outputs(al, outs)
    again, outs2 = pipeline(build_declaration("l", bs), right)
    assert again == al and outs2 == outs


@SETTINGS
@given(blocks, blocks)
def test_unrelated_declarations_keep_every_invariant(a: list[Block], b: list[Block]) -> None:
    al, outs = pipeline(build_declaration("l", a), build_declaration("r", b))
    check_alignment(al)
    check_outputs(al, outs)


@SETTINGS
@given(blocks)
def test_identity_is_all_unchanged_and_says_so(bs: list[Block]) -> None:
    d = build_declaration("l", bs)
    al, outs = pipeline(d, d)
    assert all(p.relation is Relation.UNCHANGED and not p.notes for p in al.pairs)
    assert not al.differs and not [c for c in al.commitments if c.change != "unchanged"]
    check_outputs(al, outs)


@SETTINGS
@given(blocks, st.lists(st.sampled_from(sorted(FOLD)), min_size=1, max_size=3))
def test_folding_only_edits_are_unchanged_and_flagged(bs: list[Block], folds: list[str]) -> None:
    """Only normalisation, spacing or invisible characters edited: every pair unchanged, and
    every pair whose texts differ says so (never hidden)."""
    def fold(t: str) -> str:
        for f in folds:
            t = FOLD[f](t)
        return t

    right = [Block([fold(t) for t in b.sentences], [[fold(t) for t in i] for i in b.items])
             for b in bs]
    al, outs = pipeline(build_declaration("l", bs), build_declaration("r", right))
    check_alignment(al)
    check_outputs(al, outs)
    lu = {u.id: u.text for u in al.left.units()}
    ru = {u.id: u.text for u in al.right.units()}
    for p in al.pairs:
        assert p.relation is Relation.UNCHANGED, p
        assert bool(p.notes) == (lu[p.left[0]] != ru[p.right[0]]), p
    assert al.entities == ()
    assert all(c.change == "unchanged" for c in al.commitments)


@SETTINGS
@given(blocks, st.data())
def test_a_changed_symbol_is_a_change(bs: list[Block], data: st.DataObject) -> None:
    """"<" to ">", "$" to "\u20ac", one emoji for another: a change of text, not normalisation."""
    a, b = data.draw(st.sampled_from(["<>", "$\u20ac", "+=", "\U0001f600\U0001f621"]))
    left = [*bs, Block([f"The rate is {a} 5 percent."], [])]
    right = [*bs, Block([f"The rate is {b} 5 percent."], [])]
    al, outs = pipeline(build_declaration("l", left), build_declaration("r", right))
    check_alignment(al)
    check_outputs(al, outs)
    last = f"para_{len(left)}"
    (pair,) = [p for p in al.pairs if last in p.left]
    assert pair.relation is not Relation.UNCHANGED and al.differs


@st.composite
def unique_blocks(draw: st.DrawFn) -> list[Block]:
    texts = draw(st.lists(sentence, unique_by=match_key, max_size=8))
    texts = [t for t in texts if match_key(t).strip(" .;:!?-\u3002")]
    out: list[Block] = []
    while texts:
        k = draw(st.integers(1, min(2, len(texts))))
        para, texts = texts[:k], texts[k:]
        out.append(Block(para, []))
    return out


@SETTINGS
@given(unique_blocks(), unique_blocks())
def test_swapping_sides_mirrors_relations(a: list[Block], b: list[Block]) -> None:
    forward = align(build_declaration("l", a), build_declaration("r", b))
    backward = align(build_declaration("r", b), build_declaration("l", a))
    mirrored = sorted((MIRROR.get(p.relation, p.relation).value, p.right, p.left)
                      for p in forward.pairs)
    assert sorted((p.relation.value, p.left, p.right) for p in backward.pairs) == mirrored


@settings(derandomize=True, deadline=None, max_examples=60)
@given(st.lists(word, max_size=12), st.lists(word, max_size=12), st.sampled_from([" ", ""]))
def test_word_diff_is_lossless_on_hostile_words(a: list[str], b: list[str], sep: str) -> None:
    lt, rt = sep.join(a), sep.join(b)
    for x, y in ((lt, rt), (unicodedata.normalize("NFD", lt), rt)):
        diff, _ = word_diff(x, y)
        assert left_text(diff) == x and right_text(diff) == y
        assert all(text for _, text in diff)


# --- regressions found by the fuzzer ---------------------------------------------------------


def test_a_growing_gap_match_does_not_take_a_unit_the_chain_pairs_later() -> None:
    """A gap match grew into a merge with the next left unit, which the same chain then paired
    again: one unit in two pairs (the report refused the alignment)."""
    s = "The member states will support it."
    left = build_declaration("l", [Block(["the the."], [[s]])])
    right = build_declaration("r", [Block([s, "the the the."], [[s, s]])])
    al, outs = pipeline(left, right)
    check_alignment(al)
    check_outputs(al, outs)


def test_a_match_grows_on_the_side_that_fits_best_so_a_swap_mirrors_it() -> None:
    """A gap match grew on the right first (a split) even where growing on the left (a merge)
    fitted better, so swapping the documents did not mirror the relations."""
    a = [Block(["peace will.", "cooperation SCO peace."], []), Block(["will support."], [])]
    b = [Block(["will support.", "cooperation SCO peace."], []), Block(["will."], [])]
    forward = align(build_declaration("l", a), build_declaration("r", b))
    backward = align(build_declaration("r", b), build_declaration("l", a))
    mirrored = sorted((MIRROR.get(p.relation, p.relation).value, p.right, p.left)
                      for p in forward.pairs)
    assert sorted((p.relation.value, p.left, p.right) for p in backward.pairs) == mirrored


def test_a_split_off_punctuation_only_unit_is_not_a_rewording() -> None:
    """The joined key of a group put a space for a unit whose key is empty ("-"), so a split
    whose text is the same after normalisation was noted "reworded"."""
    from compare.alignment.aligner import _Match, _pair

    left = build_declaration("l", [Block(["The member states will support it."], [])])
    right = build_declaration("r", [Block(["The member states will support it."], []),
                                    Block(["-"], [])])
    aligner = type("A", (), {"lkey": [match_key(u.text) for u in left.units()],
                             "rkey": [match_key(u.text) for u in right.units()]})()
    pair = _pair(_Match([0], [0, 1], 0.9, "gap"), left.units(), right.units(), aligner)
    assert pair.relation is Relation.SPLIT and pair.similarity == 1.0
    assert "reworded" not in pair.notes and "normalisation-only" in pair.notes


def test_a_chinese_paragraph_split_in_two_is_no_change_of_text() -> None:
    """The two halves were joined with a space, which Chinese does not write between sentences:
    a pure split showed an inserted space and the note "normalisation-only"."""
    whole = [Block(["成员国支持合作。", "成员国加强安全。"], [])]
    halves = [Block(["成员国支持合作。"], []), Block(["成员国加强安全。"], [])]
    for a, b, relation in ((whole, halves, Relation.SPLIT), (halves, whole, Relation.MERGED)):
        al, outs = pipeline(build_declaration("l", a), build_declaration("r", b))
        check_alignment(al)
        check_outputs(al, outs)
        (pair,) = al.pairs
        assert pair.relation is relation and not pair.notes
        assert pair.diff == ((0, "成员国支持合作。成员国加强安全。"),)
