"""Splits, merges and lists between two renderings of one text, and what must stay apart.

Two English renderings of an invented statement of agriculture ministers (status:
illustrative; written for these tests, not a real document): the same seven paragraphs in
different words, with one passage between them rendered differently in structure: a list as
one prose paragraph (3-6 items) and back, a paragraph split into three, two paragraphs merged.
The group's last parts are reworded so far that they are barely contained in their whole, and
some lower its similarity; what ties them to it is that they bring the two lengths closer and
share a rare word (a number, a name) with what the whole's other parts leave uncovered
(`steps.renderings.complete`). The negative cases: a neighbour sharing only boilerplate
("the Member States") with the whole, and a translator's note found in one rendering only,
stay removed (added when swapped).
"""

from __future__ import annotations

import pytest

from compare.alignment.aligner import THRESHOLD, align
from compare.alignment.similarity import combine, cosine
from compare.alignment.steps.renderings import complete, regroup
from compare.alignment.steps.state import Match, State
from compare.bench.run import predicted
from compare.ingest.importer import parse_text
from compare.model import Declaration

HEAD_L = [
    "Joint Statement of the Ministers of Agriculture of the Member States of the Shanghai "
    "Cooperation Organisation",
    "The Ministers of Agriculture of the Member States of the Shanghai Cooperation "
    "Organisation gathered in Osh on 14 September 2071 for their ninth meeting.",
    "The Ministers observed that droughts in recent seasons have cut the harvest of grain in "
    "several parts of the region and raised the price of fodder.",
]
HEAD_R = [
    "Communique by the SCO Member States' Agriculture Ministers",
    "On 14 September 2071 the agriculture ministers of the SCO Member States held their ninth "
    "meeting in the city of Osh.",
    "The ministers remarked that dry spells over the last seasons reduced cereal yields in a "
    "number of areas of the region and pushed up the cost of animal feed.",
]
TAIL_L = [
    "The Ministers welcomed the opening of the SCO seed bank in Tashkent, which now stores "
    "samples of 1,200 local crop varieties.",
    "The Member States will share data on the spread of locusts and other pests and warn one "
    "another early of any outbreak.",
    "The Ministers asked their deputies to draw up, before the end of 2072, a plan for the "
    "joint training of veterinary inspectors.",
    "The next meeting of the Ministers will take place in Almaty in 2073.",
]
TAIL_R = [
    "The ministers hailed the launch of the SCO seed bank in Tashkent, where samples of 1,200 "
    "native crop varieties are now kept.",
    "The Member States shall exchange information on locust swarms and other pests and give "
    "each other prompt notice of outbreaks.",
    "The ministers instructed their deputies to prepare by the close of 2072 a scheme for "
    "training veterinary inspectors together.",
    "The ministers will meet again in Almaty in 2073.",
]
# (list item, the same task in the prose rendering): the first two close, the rest reworded
TASKS = [
    ("the saving of irrigation water through drip and sprinkler systems",
     "saving irrigation water through drip and sprinkler systems"),
    ("the restoration of pastures damaged by overgrazing",
     "restoring pastures damaged by overgrazing"),
    ("credit on easy terms for family farms that buy modern machinery",
     "offering family farms cheap loans to acquire up-to-date equipment"),
    ("a common register of plant diseases found at border crossings",
     "keeping a shared list of the plant diseases detected at frontier posts"),
    ("exchanges of young agronomists between the universities of the region",
     "sending young agronomists to study at other universities in the region"),
    ("the protection of bees from pesticides sprayed near orchards",
     "shielding bees from the chemicals used close to orchards"),
]
SPLIT_ONE = ("The Member States support the building of cold storage depots along the main "
             "trade routes of the region so that fruit and vegetables reach markets fresh, and "
             "welcome the loans of the SCO Development Fund for such depots, among them the "
             "credit of 40 million dollars agreed for the depot at Khorgos.")
SPLIT_THREE = [
    "The Member States are in favour of building cold storage depots along the main trade "
    "routes of the region, so that fruit and vegetables arrive at markets fresh.",
    "They welcome the loans that the SCO Development Fund grants for such depots.",
    "Among these facilities is the refrigerated warehouse close to Khorgos, financed with 40 "
    "million dollars.",
]
MERGE_TWO = ["The Council approved the work plan of the Agricultural Working Group for 2072.",
             "It also heard the report of the chair of the Group on the results achieved in 2071."]
MERGE_ONE = ("The Council endorsed the 2072 work plan of the Agricultural Working Group and "
             "listened to the account given by its chair of what had been accomplished in 2071.")
SHORT = "The Ministers welcomed the opening of the SCO seed bank in Tashkent."
LONG = ("The ministers hailed the launch of the SCO seed bank in Tashkent, where samples of "
        "1,200 native crop varieties are now kept, and called on the Member States to add to "
        "its stock.")
BOILERPLATE = ("The Member States took note of the statements made at the meeting by the "
               "observer states.")
NOTE = "Translator's note: the names of towns are given here in their usual English spelling."
FLIP = {"split": "merged", "merged": "split", "removed": "added", "added": "removed"}

Truth = set[tuple[str, tuple[str, ...], tuple[str, ...]]]


def doc(paragraphs: list[str]) -> Declaration:
    decl, _ = parse_text("\n\n".join(paragraphs) + "\n", path="renderings.txt",
                         status="illustrative")
    return decl


def listed(n: int) -> str:
    items = [f"{chr(ord('a') + k)}) {item}" for k, (item, _) in enumerate(TASKS[:n])]
    return "\n".join(["The Ministers agreed to concentrate their joint work on the following "
                      "tasks:", *(f"{x};" for x in items[:-1]), f"{items[-1]}."])


def prose(n: int) -> str:
    parts = [p for _, p in TASKS[:n]]
    return ("The ministers decided to concentrate their joint work on " + ", on ".join(
        parts[:-1]) + f", and on {parts[-1]}.")


def one_to_one(left: Declaration, right: Declaration, skip_l: set[str], skip_r: set[str]
               ) -> Truth:
    """The remaining paragraphs paired in order, one to one (reworded)."""
    ls = [u.id for u in left.units() if u.id not in skip_l]
    rs = [u.id for u in right.units() if u.id not in skip_r]
    assert len(ls) == len(rs)
    return {("reworded", (a,), (b,)) for a, b in zip(ls, rs, strict=True)}


def check_both_ways(left: Declaration, right: Declaration, truth: Truth) -> None:
    assert predicted(align(left, right)) == truth
    assert predicted(align(right, left)) == {(FLIP.get(r, r), rs, ls) for r, ls, rs in truth}


@pytest.mark.parametrize("n", [3, 4, 5, 6])
def test_a_list_rendered_as_prose_is_one_merge_and_prose_as_a_list_one_split(n: int) -> None:
    left, right = doc([*HEAD_L, listed(n), *TAIL_L]), doc([*HEAD_R, prose(n), *TAIL_R])
    group = tuple(u.id for u in left.units() if u.id.startswith("para_3"))
    assert len(group) == n + 1
    truth = {("merged", group, ("para_3",))}
    truth |= one_to_one(left, right, set(group), {"para_3"})
    check_both_ways(left, right, truth)  # left to right: merged; right to left: split


def test_a_paragraph_split_in_three_under_rewording() -> None:
    left, right = doc([*HEAD_L, SPLIT_ONE, *TAIL_L]), doc([*HEAD_R, *SPLIT_THREE, *TAIL_R])
    parts = ("para_3", "para_4", "para_5")
    truth = {("split", ("para_3",), parts)} | one_to_one(left, right, {"para_3"}, set(parts))
    check_both_ways(left, right, truth)


def test_two_paragraphs_merged_under_rewording() -> None:
    left, right = doc([*HEAD_L, *MERGE_TWO, *TAIL_L]), doc([*HEAD_R, MERGE_ONE, *TAIL_R])
    parts = ("para_3", "para_4")
    truth = {("merged", parts, ("para_3",))} | one_to_one(left, right, set(parts), {"para_3"})
    check_both_ways(left, right, truth)


@pytest.mark.parametrize("before", [False, True])
def test_a_neighbour_sharing_only_boilerplate_is_not_taken_into_the_group(before: bool) -> None:
    """The right rendering of the seed bank paragraph is much longer, so the neighbour would
    bring the lengths closer; it shares only "the Member States" with it: no evidence."""
    middle = [BOILERPLATE, SHORT] if before else [SHORT, BOILERPLATE]
    left, right = doc([*HEAD_L, *middle, *TAIL_L[1:]]), doc([*HEAD_R, LONG, *TAIL_R[1:]])
    stranger = "para_3" if before else "para_4"
    truth = {("removed", (stranger,), ())} | one_to_one(left, right, {stranger}, set())
    check_both_ways(left, right, truth)


@pytest.mark.parametrize("beside_split", [False, True])
def test_a_paragraph_in_one_rendering_only_stays_removed(beside_split: bool) -> None:
    if beside_split:  # the note follows a split whose whole it might complete
        left = doc([*HEAD_L, SPLIT_ONE, NOTE, *TAIL_L])
        right = doc([*HEAD_R, *SPLIT_THREE, *TAIL_R])
        truth = {("split", ("para_3",), ("para_3", "para_4", "para_5")),
                 ("removed", ("para_4",), ())}
        truth |= one_to_one(left, right, {"para_3", "para_4"}, {"para_3", "para_4", "para_5"})
    else:
        left, right = doc([*HEAD_L, NOTE, *TAIL_L]), doc([*HEAD_R, *TAIL_R])
        truth = {("removed", ("para_3",), ())} | one_to_one(left, right, {"para_3"}, set())
    check_both_ways(left, right, truth)


def test_a_list_item_missing_from_the_prose_stays_removed() -> None:
    """Five items, four of them in the prose: the fifth brings nothing of the whole back."""
    left, right = doc([*HEAD_L, listed(5), *TAIL_L]), doc([*HEAD_R, prose(4), *TAIL_R])
    group = tuple(u.id for u in left.units() if u.id.startswith("para_3"))
    truth = {("merged", group[:-1], ("para_3",)), ("removed", group[-1:], ())}
    truth |= one_to_one(left, right, set(group), {"para_3"})
    check_both_ways(left, right, truth)


def test_a_split_beside_a_merge_is_not_cut_by_an_order_pair_between_them() -> None:
    """A paragraph split in three just before two paragraphs merged into one: order alone
    would pair the split's third part with the merge's first part (their only common words are
    formulaic); the merge's part is far more alike its own whole, shares a rare word with what
    the whole's other part leaves uncovered and brings the lengths closer, so it joins the
    merge, and the third part, freed, completes the split (`steps.renderings.regroup`)."""
    left = doc([*HEAD_L, SPLIT_ONE, *MERGE_TWO, *TAIL_L])
    right = doc([*HEAD_R, *SPLIT_THREE, MERGE_ONE, *TAIL_R])
    split = ("split", ("para_3",), ("para_3", "para_4", "para_5"))
    merge = ("merged", ("para_4", "para_5"), ("para_6",))
    truth = {split, merge} | one_to_one(left, right, {"para_3", "para_4", "para_5"},
                                        {"para_3", "para_4", "para_5", "para_6"})
    check_both_ways(left, right, truth)


# A short invented declaration in two renderings (illustrative): on the right, the coast
# paragraph is split in three, the two ferry paragraphs of the left merged into one.
COAST_L = [
    "The Heads of State of the Member States of the Shanghai Cooperation Organisation, meeting "
    "in Aktau on 9 June 2093, adopt this Declaration.",
    "The Caspian coast is home to more than four million people. Its fishing towns depend on "
    "harbours built long ago, many of which silt up every winter and close to boats. The Member "
    "States will dredge the main harbours, starting with the port of Bautino in 2094.",
    "The Member States will open a ferry line across the sea from Aktau.",
    "The ferry shall be open to the cargo and passengers of all the Member States.",
    "The Heads of State instruct the SCO Development Bank to prepare the financing of these "
    "projects and to report to the Council in 2095.",
]
COAST_R = [
    "The Heads of State of the SCO Member States, gathered in Aktau on 9 June 2093, adopt the "
    "present Declaration.",
    "More than four million people live on the Caspian coast.",
    "Fishing there relies on harbours dating from long ago, and many of them fill with silt "
    "each winter so that boats cannot enter.",
    "Starting with the port of Bautino in 2094, the Member States will pay for the main "
    "harbours to be dredged.",
    "A ferry line over the sea will be opened by the Member States from Aktau, and it shall "
    "take the cargo and passengers of every Member State.",
    "The SCO Development Bank is instructed by the Heads of State to prepare the financing of "
    "these projects and report to the Council in 2095.",
]


def _coast_state(left: list[str], right: list[str], pairs: list[tuple[list[int], list[int]]]
                 ) -> State:
    st = State.start(doc(left).units(), doc(right).units(), THRESHOLD)
    for ls, rs in pairs:
        st.add(Match(list(ls), list(rs), cosine(combine(st.vec_l(i) for i in ls),
                                                combine(st.vec_r(j) for j in rs)), "gap"))
    return st


def _matches(st: State) -> list[tuple[list[int], list[int]]]:
    return sorted((m.left, m.right) for m in st.matches)


ORDER_PAIRS = [([0], [0]), ([1], [1, 2]), ([2], [3]), ([3], [4]), ([4], [5])]


@pytest.mark.parametrize("swap", [False, True])
def test_regroup_a_weak_order_pair_beside_a_merge_gives_its_unit_to_the_merge(swap: bool
                                                                             ) -> None:
    """As order alone may leave it: the split's third part (right 3) paired with the first
    ferry paragraph (left 2), the second ferry paragraph with the merged one. Left 2 is far
    more alike right 4 ("ferry", "sea"), and right 3 more alike the split's whole ("Bautino",
    "2094", which the split's parts lack); either unit of the weak pair goes to its
    neighbour's group, and `complete` gives the freed one to the other group. Mirrored with
    the sides swapped."""
    made, want = ORDER_PAIRS, [([0], [0]), ([1], [1, 2, 3]), ([2, 3], [4]), ([4], [5])]
    left, right = COAST_L, COAST_R
    if swap:
        left, right = right, left
        made, want = [(b, a) for a, b in made], sorted((b, a) for a, b in want)
    st = _coast_state(left, right, made)
    assert regroup(st) == 1
    complete(st)
    assert _matches(st) == want


def test_regroup_leaves_a_weak_pair_whose_units_bring_no_rare_word() -> None:
    """The same pairs, but the split's third part loses its port and year, and the merged
    paragraph every word that only the ferry paragraphs have: nothing ties either unit of the
    weak pair to its neighbour, and the pair stays."""
    right = list(COAST_R)
    right[3] = ("The Member States will pay for the main harbours to be dredged, beginning with "
                "the largest of them.")
    right[4] = ("The cargo and passengers of every Member State shall be taken on it, the "
                "Member States having decided so.")
    st = _coast_state(COAST_L, right, ORDER_PAIRS)
    assert regroup(st) == 0
    assert ([2], [3]) in _matches(st)
