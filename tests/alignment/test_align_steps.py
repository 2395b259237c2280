"""The aligner's steps one at a time, on a `State` built by hand (texts written for the tests)."""

from __future__ import annotations

import pytest

from compare.alignment.aligner import align
from compare.alignment.similarity import combine, cosine
from compare.alignment.steps.exact import exact_matches, reslide
from compare.alignment.steps.gaps import fill_gaps
from compare.alignment.steps.moves import move_floor, moves
from compare.alignment.steps.params import FLOOR, LOW, REST
from compare.alignment.steps.rechain import rechain
from compare.alignment.steps.rest import rest
from compare.alignment.steps.restore import rest_floor, restore
from compare.alignment.steps.scatter import scattered
from compare.alignment.steps.state import Match, State, gaps
from compare.bench.benchgen import Block, build_declaration, declaration_from_text, seed_blocks
from compare.resources import declarations_dir

A = "The member states will strengthen cooperation in the fight against terrorism."
B = "The heads of state support the creation of a regional energy market."
C = "Cultural exchanges between the peoples of the region will be expanded further."
B2 = "The heads of state support the creation of a regional energy market by 2030."
X = "A working group on disaster relief in the mountain regions is set up."


def state(left: list[str], right: list[str]) -> State:
    lu = build_declaration("l", [Block([t], []) for t in left]).units()
    ru = build_declaration("r", [Block([t], []) for t in right]).units()
    return State.start(lu, ru, 0.5)


def pairs(st: State) -> list[tuple[list[int], list[int], str]]:
    return sorted((m.left, m.right, m.kind) for m in st.matches)


def test_exact_step_alone_chains_equal_texts_in_order() -> None:
    st = state([A, B, C], [A, X, C])
    exact_matches(st)
    assert pairs(st) == [([0], [0], "exact"), ([2], [2], "exact")]
    assert gaps(st) == [([1], [1])]


def test_reslide_alone_moves_the_anchor_to_the_copy_with_the_better_gaps() -> None:
    # left R B R, right B2 R: the chain anchors the first R; the second leaves B to pair with B2
    st = state([A, B, A], [B2, A])
    exact_matches(st)
    assert pairs(st) == [([0], [1], "exact")]
    reslide(st)
    assert pairs(st) == [([2], [1], "exact")]


def test_gap_step_alone_pairs_a_reworded_clause_between_anchors() -> None:
    st = state([A, B, C], [A, B2, C])
    exact_matches(st)
    assert fill_gaps(st, low=False) == 1
    assert ([1], [1], "gap") in pairs(st)


def test_move_step_and_rechain_alone() -> None:
    st = state([A, B, C], [B, C, A])
    exact_matches(st)  # B, C chained; A free on both sides
    moves(st)
    assert ([0], [2], "move") in pairs(st)
    rechain(st, dissolve=False)
    assert ([0], [2], "move") in pairs(st)
    rest(st)
    assert len(st.matches) == 3


def test_rest_alone_makes_every_free_unit_removed_or_added() -> None:
    st = state([A], [X])
    rest(st)
    assert pairs(st) == [([], [0], "added"), ([0], [], "removed")]


def test_move_floor_rises_with_distance() -> None:
    assert move_floor(0.5, 0) == 0.5
    assert 0.5 < move_floor(0.5, 10) < move_floor(0.5, 100) == 0.75 < 1.0


def test_split_whose_first_half_is_reworded_too_is_one_split_both_ways() -> None:
    """The half that keeps its words pairs 1:1; the reworded half lowers the whole's cosine
    (new words), but it is alike to what that pair leaves uncovered, so it joins as a part."""
    blocks = seed_blocks(declarations_dir() / "2007-bishkek.xml")
    paras = [" ".join(b.sentences) for b in blocks if not b.items]
    k = next(i for i, p in enumerate(paras) if p.startswith("The member states note the need"))
    rest_of_it = paras[k].split(". ", 1)[1]
    reworded = "The member countries note the necessity for common efforts to address new dangers."
    new = [*paras[:k], reworded, rest_of_it, *paras[k + 1:]]
    left = declaration_from_text("l", "\n\n".join(paras))
    right = declaration_from_text("r", "\n\n".join(new))
    lid, a, b = left.units()[k].id, right.units()[k].id, right.units()[k + 1].id
    changed = [(p.relation.value, p.left, p.right) for p in align(left, right).pairs
               if p.relation.value != "unchanged"]
    assert changed == [("split", (lid,), (a, b))]
    back = [(p.relation.value, p.left, p.right) for p in align(right, left).pairs
            if p.relation.value != "unchanged"]
    assert back == [("merged", (a, b), (lid,))]


def _seed_paragraphs() -> list[str]:
    blocks = seed_blocks(declarations_dir() / "2007-bishkek.xml")
    return [" ".join(b.sentences) for b in blocks if not b.items]


def _changed_both_ways(paras: list[str], new: list[str]) -> tuple[list[object], list[object]]:
    left = declaration_from_text("l", "\n\n".join(paras))
    right = declaration_from_text("r", "\n\n".join(new))
    li = {u.id: k for k, u in enumerate(left.units())}
    ri = {u.id: k for k, u in enumerate(right.units())}

    def changed(a: object, b: object, ai: dict[str, int], bi: dict[str, int]) -> list[object]:
        return [(p.relation.value, [ai[x] for x in p.left], [bi[x] for x in p.right])
                for p in align(a, b).pairs if p.relation.value != "unchanged"]  # type: ignore[arg-type]

    return changed(left, right, li, ri), changed(right, left, ri, li)


def test_a_reworded_half_moved_away_is_a_part_of_the_split_both_ways() -> None:
    """One paragraph split: its first sentence reworded in place, the rest four paragraphs
    later. The reworded half is too unlike the whole to be contained in it, and the far half
    pairs alone as a move; the reworded one brings back the whole's missing features."""
    paras = _seed_paragraphs()
    _, rest_of_it = paras[1].split(". ", 1)
    reworded = ("Globalization processes gaining momentum reinforce the interdependence of "
                "countries, making their sustainable development and security indivisible.")
    new = [*paras[:1], reworded, *paras[2:6], rest_of_it, *paras[6:]]
    forward, back = _changed_both_ways(paras, new)
    assert forward == [("split", [1], [1, 6])]
    assert back == [("merged", [1, 6], [1])]


def test_a_reworded_half_beside_its_other_half_is_a_part_even_when_little_is_missing() -> None:
    """The kept half carries most of the whole's features (less than `REST` of its weight is
    left uncovered), so step 2's growth does not take the reworded half; step 5e does."""
    paras = _seed_paragraphs()
    _, rest_of_it = paras[5].split(". ", 1)
    reworded = ("The SCO member countries intend to collaborate closely in handling the issues of "
                "UN renewal.")
    forward, back = _changed_both_ways(paras, [*paras[:5], reworded, rest_of_it, *paras[6:]])
    assert forward == [("split", [5], [5, 6])]
    assert back == [("merged", [5, 6], [5])]


WHOLE = ("reflect the balance of legitimate interests of all participants of international "
         "relations;")
PARTNER = "reflect the balance of interests of all participants of international relations;"
PART = "reflect the balance of legitimate interests;"
STRANGER = ("settle regional conflicts by political means, with due regard for the legitimate "
            "interests of the parties concerned;")


def test_restore_alone_takes_a_part_that_completes_the_whole_and_leaves_a_stranger() -> None:
    for free, joined in ((PART, True), (STRANGER, False)):
        st = state([WHOLE], [PARTNER, free])
        st.add(Match([0], [0], 0.9, "gap"))
        assert restore(st) == int(joined)
        assert st.matches[0].right == ([0, 1] if joined else [0])
        assert (st.rpair[1] is st.matches[0]) is joined
    assert rest_floor(0) == REST < rest_floor(10) < rest_floor(100) < 1.0


def _plain_blocks() -> list[Block]:
    blocks = seed_blocks(declarations_dir() / "2007-bishkek.xml")
    return [Block(list(b.sentences), []) for b in blocks if not b.items]


def _changed_blocks(lb: list[Block], rb: list[Block]) -> tuple[list[object], list[object]]:
    left, right = build_declaration("l", lb), build_declaration("r", rb)
    li = {u.id: k for k, u in enumerate(left.units())}
    ri = {u.id: k for k, u in enumerate(right.units())}
    out = []
    for a, b, ai, bi in ((left, right, li, ri), (right, left, ri, li)):
        out.append([(p.relation.value, [ai[x] for x in p.left], [bi[x] for x in p.right])
                    for p in align(a, b).pairs if p.relation.value != "unchanged"])
    return out[0], out[1]


def _as_list(sentence: str) -> list[list[str]]:
    """The seed's sentence "X stand for A and consider B" as the two items of a list."""
    a, b = sentence.split(" and consider ")
    return [["consistently stand for" + a.split("consistently stand for")[1] + ";"],
            ["consider " + b]]


@pytest.mark.parametrize("intro", ["The SCO Member States:", "The SCO member countries:"])
def test_a_list_intro_goes_with_its_items_both_ways(intro: str) -> None:
    """A paragraph turned into an intro and two items, right after a paragraph split in two:
    the intro (contained in both paragraphs, or reworded and contained in neither) is a part
    of its own items' split, not the last part of the split before it, nor added."""
    plain = _plain_blocks()
    first = plain[5].sentences
    right = [*plain[:5], Block([first[0]], []), Block(first[1:], []),
             Block([intro], _as_list(plain[6].sentences[0])), *plain[7:]]
    forward, back = _changed_blocks(plain, right)
    assert forward == [("split", [5], [5, 6]), ("split", [6], [7, 8, 9])]
    assert back == [("merged", [5, 6], [5]), ("merged", [7, 8, 9], [6])]


def test_a_part_of_a_repeated_text_joins_the_copy_where_it_is_expected() -> None:
    """Two copies of the seed; in the first, one paragraph is lightly reworded; in the second,
    it is split: its first half unchanged, its second half reworded heavily, three paragraphs
    on. The unchanged half is contained in both copies and would raise the first copy's
    similarity more, but it belongs to the second copy, where it is expected."""
    plain = _plain_blocks()
    text = plain[6].sentences[0]
    a, b = text.split(" and consider ")
    light = text.replace("consistently", "jointly").replace("strengthening", "reinforcing")
    heavy = ("The member countries also jointly deem significant and pressing to draft "
             + b.split("to draft ", 1)[1])
    n = len(plain)
    right = [*plain[:6], Block([light], []), *plain[7:], *plain[:6], Block([heavy], []),
             *plain[7:10], Block([a + "."], []), *plain[10:]]
    forward, back = _changed_blocks(plain + plain, right)
    assert forward == [("reworded", [6], [6]), ("split", [n + 6], [n + 6, n + 10])]
    assert back == [("reworded", [6], [6]), ("merged", [n + 6, n + 10], [n + 6])]


def test_scatter_builds_no_index_when_no_unit_is_free(monkeypatch: pytest.MonkeyPatch) -> None:
    """Work in proportion to what is left: all units paired, the step reads no vectors."""
    from compare.alignment.steps import scatter

    def no_index(*args: object, **kwargs: object) -> None:
        raise AssertionError("an index was built")

    st = state([A, B, C], [A, B2, C])
    exact_matches(st)
    fill_gaps(st, low=False)
    assert all(m is not None for m in [*st.lpair, *st.rpair])
    monkeypatch.setattr(scatter, "Index", no_index)
    assert scatter.scattered(st) == 0


def test_an_intro_taken_by_a_merge_leaves_it_free_for_its_far_part_both_ways() -> None:
    """Paragraph 5 merged with paragraph 12 (seven paragraphs on), followed by paragraph 6 as
    an intro and two items: growth first takes the intro into paragraph 5's match, which then
    has two units on the right and cannot take the far part; the intro goes to its items
    before the scattered parts are attached."""
    plain = _plain_blocks()
    right = [*plain[:5], Block(plain[5].sentences + plain[12].sentences, []),
             Block(["The SCO Member States:"], _as_list(plain[6].sentences[0])), *plain[7:12],
             *plain[13:]]
    forward, back = _changed_blocks(plain, right)
    assert forward == [("merged", [5, 12], [5]), ("split", [6], [6, 7, 8])]
    assert back == [("split", [5], [5, 12]), ("merged", [6, 7, 8], [6])]


CHARTER = ("The member states reaffirm their commitment to the aims and principles of the common "
           "charter.")
CHARTER_REWORDED = "The participating countries confirm attachment to aims of charter."


def test_reslide_counts_a_weak_pair_as_evidence_for_the_later_copy() -> None:
    """Left R B R, right R' R (B moved away): R' is so reworded that it is below `LOW` x
    threshold alike R, yet it is evidence (>= `FLOOR` x threshold) that the first R became
    R', so the anchor goes to the second copy ("R x R" -> "R' R" keeps R' the first's)."""
    st = state([A, CHARTER, B, CHARTER, C, X], [A, CHARTER_REWORDED, CHARTER, C, X, B])
    weak = cosine(st.vec_l(1), st.vec_r(1))
    assert FLOOR * st.threshold <= weak < LOW * st.threshold
    exact_matches(st)
    assert ([1], [2], "exact") in pairs(st)
    reslide(st)
    assert ([3], [2], "exact") in pairs(st)


_WORDS = ("archives", "bridges", "canals", "dairy", "ferries", "granaries", "harbours", "inns",
          "jetties", "kilns", "looms", "mills", "nurseries", "orchards", "piers", "quarries",
          "ranches", "saddlers", "tanneries", "vineyards")


def _fillers(n: int) -> list[str]:
    return [f"The council lists the {_WORDS[k % 20]} of district {k // 20} as entry {k}."
            for k in range(n)]


def test_of_two_changed_copies_equally_alike_the_move_takes_the_nearer() -> None:
    # X's place is empty on the right; a one-verb variant of X stands next to that place and
    # another 50 units away, a shade more alike (the near one added a word): the far one must
    # pass a higher floor, and the near one passes its own by more
    x = "expand practical cooperation in veterinary control;"
    near = "broaden practical cooperation in veterinary control matters;"
    far = "deepen practical cooperation in veterinary control;"
    f = _fillers(80)
    st = state([*f[:20], x, *f[20:]], [*f[:20], near, *f[20:70], far, *f[70:]])
    assert cosine(st.vec_l(20), st.vec_r(71)) > cosine(st.vec_l(20), st.vec_r(20))
    exact_matches(st)
    moves(st)
    assert ([20], [20], "move") in pairs(st)


def test_a_copy_moved_beside_its_reworded_twin_is_the_move_both_ways() -> None:
    # left: A B ... A (a second copy of A, further on); right: A reworded, B reworded, then the
    # second A moved up beside them. The exact A anchored in place would push B's rewording out
    # of order (two moves); the copies trade partners and only the second A moved
    a2 = "The member states will strengthen cooperation in the fight against terrorism today."
    f = _fillers(12)
    left = [*f[:2], A, B, *f[2:10], A, *f[10:]]
    right = [*f[:2], a2, B2, A, *f[2:10], *f[10:]]
    for lt, rt, moved in ((left, right, (12, 4)), (right, left, (4, 12))):
        ld = build_declaration("l", [Block([t], []) for t in lt])
        rd = build_declaration("r", [Block([t], []) for t in rt])
        lu, ru = ld.units(), rd.units()
        got = {(p.relation.value, p.left, p.right) for p in align(ld, rd).pairs
               if p.relation.value != "unchanged"}
        assert got == {("reworded", (lu[2].id,), (ru[2].id,)),
                       ("reworded", (lu[3].id,), (ru[3].id,)),
                       ("moved", (lu[moved[0]].id,), (ru[moved[1]].id,))}


def test_a_second_copy_of_a_merged_text_is_not_a_part_of_the_merge_both_ways() -> None:
    # A and B merged into one paragraph (B's half reworded); further on, a second copy of A
    # that the other side deleted. The copy is contained in the merged paragraph, and doubling
    # A leans the group towards it (the cosine rises), but it brings no word back
    merged = A + " The heads favour a common power market for the region."
    f = _fillers(12)
    many = [*f[:2], A, B, *f[2:8], A, *f[8:]]
    one = [*f[:2], merged, *f[2:8], *f[8:]]
    for flip in (False, True):
        st = state(one, many) if flip else state(many, one)
        exact_matches(st)
        vec_one, vec_many = (st.vec_l, st.vec_r) if flip else (st.vec_r, st.vec_l)
        sim = cosine(vec_one(2), combine([vec_many(2), vec_many(3)]))
        assert cosine(vec_one(2), combine([vec_many(2), vec_many(3), vec_many(10)])) > sim
        st.add(Match([2], [2, 3], sim, "gap") if flip else Match([2, 3], [2], sim, "gap"))
        scattered(st)
        assert (st.rpair if flip else st.lpair)[10] is None


@pytest.mark.parametrize("new, relation", [
    ("The participating countries confirm attachment to aims and principles the Charter.",
     "reworded"),
    ("Bakers from five provinces exchanged recipes for flat bread baked in clay ovens.",
     "removed"),
    ("Rules and principles of archery.", "removed"),
])
def test_the_one_free_unit_between_two_anchors_pairs_with_the_other_sides_one_when_alike(
        new: str, relation: str) -> None:
    # heavily reworded (cosine under LOW x threshold, above FLOOR x threshold) in the one place
    # left between two kept paragraphs: it stands in the other's place, so it is reworded; an
    # unrelated text there (nothing shared), or one as weakly alike but not half as long, is
    # still a deletion beside an insertion
    old = "The member states reaffirm their commitment to the goals and principles of the Charter."
    f = _fillers(6)
    for lt, rt in (([*f[:3], old, *f[3:]], [*f[:3], new, *f[3:]]),
                   ([*f[:3], new, *f[3:]], [*f[:3], old, *f[3:]])):
        st = state(lt, rt)
        sim = cosine(st.vec_l(3), st.vec_r(3))
        assert (FLOOR * 0.5 <= sim < LOW * 0.5) == (relation == "reworded" or "archery" in new)
        ld = build_declaration("l", [Block([t], []) for t in lt])
        rd = build_declaration("r", [Block([t], []) for t in rt])
        got = sorted(p.relation.value for p in align(ld, rd).pairs
                     if p.relation.value != "unchanged")
        assert got == (["reworded"] if relation == "reworded" else ["added", "removed"])


def test_of_two_copies_of_a_merged_text_the_one_beside_the_merge_is_its_part_both_ways() -> None:
    # left: A B Z ... Z (a second copy of Z further on); right: A, B and Z merged, then Z
    # reworded. The copy beside A and B is the merge's third part and the far copy is the one
    # that moved up (reworded), not the reverse (a merge of A, B and the far Z, and the near Z
    # reworded in place)
    z = ("The SCO member states reiterate that the Organization is open for cooperation with "
         "all interested partners.")
    zr = ("The SCO member states repeat that the Organization is open for cooperation all "
          "interested partners.")
    f = _fillers(12)
    left = [*f[:2], A, B, z, *f[2:10], z, *f[10:]]
    right = [*f[:2], " ".join([A, B, z]), zr, *f[2:10], *f[10:]]
    for lt, rt, flip in ((left, right, False), (right, left, True)):
        ld = build_declaration("l", [Block([t], []) for t in lt])
        rd = build_declaration("r", [Block([t], []) for t in rt])
        lu, ru = ld.units(), rd.units()
        got = {(p.relation.value, p.left, p.right) for p in align(ld, rd).pairs
               if p.relation.value != "unchanged"}
        if flip:
            assert got == {("split", (lu[2].id,), (ru[2].id, ru[3].id, ru[4].id)),
                           ("moved", (lu[3].id,), (ru[13].id,))}
        else:
            assert got == {("merged", (lu[2].id, lu[3].id, lu[4].id), (ru[2].id,)),
                           ("moved", (lu[13].id,), (ru[3].id,))}


def test_a_reworded_part_alike_by_vocabulary_must_bring_back_most_of_what_is_missing() -> None:
    from compare.alignment.similarity import Weighted, without_pairs
    from compare.alignment.steps.restore import _alike

    def vec(weights: dict[str, float]) -> Weighted:
        return Weighted(weights, sum(v * v for v in weights.values()) ** 0.5)

    # what the whole's partners lack: "stand ready to develop" (words and their pairs)
    gap = vec({"stand": 1.0, "ready": 1.0, "develop": 1.0, "stand ready": 1.0,
               "ready to": 1.0, "to develop": 1.0})
    # the half, reworded: its words back, its pairs broken by inserted adverbs
    half = vec({"stand": 1.0, "ready": 1.0, "develop": 1.0, "actively": 1.0,
                "ready actively": 1.0, "actively develop": 1.0, "resolutely": 1.0,
                "resolutely stand": 1.0})
    assert cosine(half, gap) < 0.5 and _alike(half, gap, 0.5)
    # a formulaic clause sharing the rare words of a sentence inserted into the whole: alike
    # by vocabulary, but it brings back less than half of the missing vocabulary
    words = ("stand", "ready", "develop", "cooperation", "step", "joint")
    wide = vec({**dict.fromkeys(words, 1.0), "stand ready": 1.0, "ready to": 1.0,
                "to develop": 1.0, "develop cooperation": 1.0, "step up": 1.0, "railway": 1.5,
                "links": 1.5, "railway links": 1.5, "on railway": 1.0})
    other = vec({"railway": 1.5, "links": 1.5, "support": 1.0, "in railway": 1.0,
                 "support the": 1.0, "the development": 1.0})
    assert cosine(other, wide) < 0.5 < cosine(without_pairs(other), without_pairs(wide))
    assert not _alike(other, wide, 0.5)


def test_free_copies_gives_an_in_order_pair_to_the_copy_that_leaves_its_twin_a_partner() -> None:
    from compare.alignment.steps.copies import free_copies

    r = "The member states reaffirm their commitment to the goals and principles of the Charter."
    r1 = "The member states reaffirm commitment to the goals and principles of the Charter."
    r2 = "The participating countries confirm their commitment to aims and principles of Charter."
    d = "The SCO member states support the development of cooperation in higher education."
    st = state([A, r, d, r, C], [A, r1, r2, C])
    exact_matches(st)
    # the second copy took the light rewording, in order; the first copy is left free
    st.add(Match([3], [1], cosine(st.vec_l(3), st.vec_r(1)), "gap"))
    assert free_copies(st) == 1
    assert ([1], [1], "gap") in pairs(st) and ([3], [2], "gap") in pairs(st)
    assert st.lpair[2] is None  # the paragraph between them is removed


def test_scattered_part_held_by_a_move_of_its_text_leaves_the_move_to_a_free_copy() -> None:
    # left: X P Q X Y C (X repeated, Y deleted); right: P Q X M, M the second X merged with
    # C. The move step gave the moved X to the nearer copy (the second); the first was left
    # over. (Beside the group, the copy would join it as its twin; here Y stands between.)
    x = "An effective global security system can only be created under the UN auspices."
    p = "The heads of state support the creation of a regional energy market."
    q = "Cultural exchanges between the peoples of the region will be expanded further."
    c = "Cooperation against new threats should be carried out without double standards."
    y = "A commemorative stamp series will be issued for the anniversary of the observatory."
    st = state([x, p, q, x, y, c], [p, q, x, x + " " + c])
    st.add(Match([1], [0], 1.0, "exact"))
    st.add(Match([2], [1], 1.0, "exact"))
    st.add(Match([3], [2], 1.0, "move"))
    st.add(Match([5], [3], cosine(st.vec_l(5), st.vec_r(3)), "gap"))
    assert scattered(st) == 1
    assert ([0], [2], "move") in pairs(st)
    assert ([3, 5], [3], "gap") in pairs(st)


@pytest.mark.parametrize(("variant", "expected"), [(4, True), (3, True), (1, True), (0, False)])
def test_a_variant_stands_after_its_original_or_right_before_it(variant: int,
                                                                expected: bool) -> None:
    """`steps.twins.beside_twin`: right unit 2 is B, paired in place with left 9, and left 0
    is a far copy of B; B2 (B with a date added) at right `variant` is a variant written
    beside that original when it stands up to two units after it or right before it, not two
    before (there the far copy more likely moved and was lightly reworded)."""
    from compare.alignment.steps.twins import beside_twin

    filler = [f"Paragraph number {k} of the session on a subject of its own." for k in range(8)]
    right = [A, C, B, X, C]
    right[variant] = B2
    st = state([B, *filler, B], right)
    st.add(Match([9], [2], 1.0, "exact"))
    assert beside_twin(st, 0, variant) is expected
    assert beside_twin(st, 1, variant) is False  # a filler paragraph is no copy of B
