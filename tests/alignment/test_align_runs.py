"""Which of two equal copies moved, when a block and its copy stand side by side or two copies
took each other's place (`steps.runs.trade_runs`).

The document is two sessions of the seed's plain paragraphs (written for the tests); each case
is read both ways, and swapping the documents must mirror the reading (moved stays moved, added
and removed trade places).
"""

from __future__ import annotations

import pytest

from compare.alignment.aligner import align
from compare.alignment.steps.runs import trade_runs
from compare.alignment.steps.state import Match, State
from compare.alignment.steps.ties import free_ties
from compare.bench.benchgen import Block, build_declaration, seed_blocks
from compare.resources import declarations_dir

Changed = list[tuple[str, list[int], list[int]]]
MIRROR = {"removed": "added", "added": "removed", "moved": "moved", "reworded": "reworded",
          "split": "merged", "merged": "split"}
NEW = [Block(["The heads of state instruct their veterinary services to agree on common rules "
              "for moving livestock across their borders."], []),
       Block(["The member states intend to set up a network of mountain rescue stations along "
              "their shared borders."], [])]


def _plain() -> list[Block]:
    blocks = seed_blocks(declarations_dir() / "2007-bishkek.xml")
    return [Block(list(b.sentences), []) for b in blocks if not b.items]


def _changed(lb: list[Block], rb: list[Block]) -> Changed:
    """The pairs that are not unchanged, by unit positions, checked against the swapped
    reading (which must mirror them)."""
    out = []
    for a, b in ((lb, rb), (rb, lb)):
        left, right = build_declaration("l", a), build_declaration("r", b)
        li = {u.id: k for k, u in enumerate(left.units())}
        ri = {u.id: k for k, u in enumerate(right.units())}
        out.append(sorted((p.relation.value, [li[x] for x in p.left], [ri[x] for x in p.right])
                          for p in align(left, right).pairs if p.relation.value != "unchanged"))
    forward, back = out
    assert sorted((MIRROR[r], b, a) for r, a, b in back) == forward
    return forward


def test_a_block_moved_beside_its_copy_is_the_copy_nearer_where_it_came_from() -> None:
    """Session one's paragraphs 5-7 moved into session two, before that session's own 5-7,
    with a new paragraph before and one between: the first copy is the move (the shorter
    one), the second is in order; the exact chain had taken the first (the earliest) and
    moved the second, past the block it stood beside. Both ways."""
    plain = _plain()
    n, block = len(plain), plain[5:8]
    right = [*plain[:5], *plain[8:], *plain[:5], NEW[0], *block, NEW[1], *plain[5:]]
    at = n - 3 + 5 + 1  # the first copy in session two
    assert _changed(plain + plain, right) == [
        ("added", [], [at - 1]), ("added", [], [at + 3]),
        ("moved", [5], [at]), ("moved", [6], [at + 1]), ("moved", [7], [at + 2])]


def test_a_block_moved_back_beside_its_copy_is_the_later_copy() -> None:
    """The mirror case: session two's 5-7 moved back into session one, before that session's
    own 5-7: the move is the second copy (nearer session two), both ways."""
    plain = _plain()
    n, block = len(plain), plain[5:8]
    right = [*plain[:5], NEW[0], *block, NEW[1], *plain[5:], *plain[:5], *plain[8:]]
    assert _changed(plain + plain, right) == [
        ("added", [], [5]), ("added", [], [9]),
        ("moved", [n + 5], [10]), ("moved", [n + 6], [11]), ("moved", [n + 7], [12])]


def _crossed(plain: list[Block], later: bool) -> list[Block]:
    """Session one: paragraph 9 reworded, 6-8 moved after 12; session two: 9-11 moved to after
    its paragraph 3 (`later`) or to the end of session one."""
    reworded = Block([plain[9].sentences[0].replace("Recognizing", "Recognising"),
                      *plain[9].sentences[1:]], [])
    one = [*plain[:6], reworded, *plain[10:13], *plain[6:9], *plain[13:]]
    if later:
        return [*one, *plain[:4], *plain[9:12], *plain[4:9], *plain[12:]]
    return [*one[:-2], *plain[9:12], *one[-2:], *plain[:9], *plain[12:]]


def test_two_copies_that_took_each_others_place_trade_back() -> None:
    """Session one's 9 (reworded in place) and session two's 9 (moved in a block of three):
    the exact copy of session one took the moved text and session two's the reworded one, so
    session one's 9-12 lost its first unit to the moves and its 6-8 stayed in order instead.
    Traded back: 6-8 and session two's 9-11 are the moves, 9 reworded in place. Both ways,
    with the block moved to either place."""
    plain = _plain()
    n = len(plain)
    for later, at in ((True, n + 4), (False, n - 2)):
        assert _changed(plain + plain, _crossed(plain, later)) == [
            ("moved", [6], [10]), ("moved", [7], [11]), ("moved", [8], [12]),
            ("moved", [n + 9], [at]), ("moved", [n + 10], [at + 1]),
            ("moved", [n + 11], [at + 2]), ("reworded", [9], [6])]


def test_no_trade_without_copies_or_moves() -> None:
    """Texts without a repeated paragraph have nothing to trade, and neither has a state
    without moves."""
    texts = [" ".join(b.sentences) for b in _plain()]
    lu = build_declaration("l", [Block([t], []) for t in texts]).units()
    ru = build_declaration("r", [Block([t], []) for t in texts[::-1]]).units()
    st = State.start(lu, ru, 0.5)
    for k in range(len(texts)):
        st.add(Match([k], [len(texts) - 1 - k], 1.0, "move" if k else "exact"))
    assert trade_runs(st) == 0
    twice = build_declaration("l", [Block([t], []) for t in texts + texts]).units()
    st = State.start(twice, twice, 0.5)
    for k in range(len(twice)):
        st.add(Match([k], [k], 1.0, "exact"))
    assert trade_runs(st) == 0


def _tie_state(left_side: bool, new: Block | None = None) -> tuple[State, int]:
    """Seed paragraphs 0-12; on the other side 9-11 (X Y Z) stand before 5-8 (A B C D), B
    reworded: X Y Z in order, A C D moved, B and its new text free (apart: X Y Z between
    them), or `new` in its place. The sides swapped when not `left_side`; returns the state
    and B's new position."""
    texts = [" ".join(b.sentences) for b in _plain()[:13]]
    b2 = texts[6].replace("consistently stand for", "are consistent in their support for")
    if new is not None:
        b2 = " ".join(new.sentences)
    other = [*texts[:5], *texts[9:12], texts[5], b2, texts[7], texts[8], texts[12]]
    pairs = [(k, k, "exact") for k in range(5)] + [(9, 5, "exact"), (10, 6, "exact"),
                                                   (11, 7, "exact"), (5, 8, "move"),
                                                   (7, 10, "move"), (8, 11, "move"),
                                                   (12, 12, "exact")]
    a, b = (texts, other) if left_side else (other, texts)
    lu = build_declaration("l", [Block([t], []) for t in a]).units()
    ru = build_declaration("r", [Block([t], []) for t in b]).units()
    st = State.start(lu, ru, 0.5)
    for i, j, kind in pairs:
        st.add(Match([i], [j], 1.0, kind) if left_side else Match([j], [i], 1.0, kind))
    return st, 9


@pytest.mark.parametrize("left_side", [True, False])
def test_a_tie_goes_to_the_reading_that_pairs_a_reworded_unit(left_side: bool) -> None:
    """Three paragraphs moved past four, one of the four reworded and left free: both
    readings move three pairs, and the one with the four in place pairs the reworded one
    (`steps.ties.free_ties`): A B C D in order, X Y Z moved. Both ways."""
    st, at = _tie_state(left_side)
    assert free_ties(st) == 1
    m = st.lpair[6] if left_side else st.rpair[6]
    assert m is not None and (m.left, m.right) == (([6], [at]) if left_side else ([at], [6]))
    assert m.kind == "gap" and m.similarity >= st.threshold
    moved = sorted((x.left[0], x.right[0]) for x in st.matches if x.kind == "move")
    expect = [(9, 5), (10, 6), (11, 7)]
    assert moved == (expect if left_side else sorted((j, i) for i, j in expect))


@pytest.mark.parametrize("left_side", [True, False])
def test_no_tie_broken_by_a_stranger_or_a_pair_already_in_its_gap(left_side: bool) -> None:
    """The free unit's new text replaced by a paragraph on another subject: nothing alike at
    the threshold, nothing changes. And with A C D in order and X Y Z moved, the free pair
    stands in its gap already (the gap filling's to pair): nothing either. Both ways."""
    for stranger in (True, False):
        st, _ = _tie_state(left_side, NEW[0] if stranger else None)
        if not stranger:
            for x in st.matches:
                if x.kind in ("exact", "move") and x.left[0] != x.right[0]:
                    x.kind = "gap" if x.kind == "move" else "move"
        kinds = [(x.left, x.right, x.kind) for x in st.matches]
        assert free_ties(st) == 0
        assert [(x.left, x.right, x.kind) for x in st.matches] == kinds
