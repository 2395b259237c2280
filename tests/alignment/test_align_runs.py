"""Which of two equal copies moved, when a block and its copy stand side by side or two copies
took each other's place (`steps.runs.trade_runs`).

The document is two sessions of the seed's plain paragraphs (written for the tests); each case
is read both ways, and swapping the documents must mirror the reading (moved stays moved, added
and removed trade places).
"""

from __future__ import annotations

from compare.alignment.aligner import align
from compare.alignment.steps.runs import trade_runs
from compare.alignment.steps.state import Match, State
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
