"""Between two renderings: parts of a split or merge that are not neighbours, which run of pairs
stays in place when one pair crosses it (`steps.apart`), and the evidence a weak pair needs.

Two English renderings of an invented statement of culture ministers (status: illustrative;
written for these tests, not a real document). In the first, the right rendering splits one
paragraph in two and puts another paragraph between the halves; the second half shares few
words with the whole, but it is more alike that whole than anything else, brings the two
lengths closer and shares rare words ("levy", "masons") with what the first half leaves out.
In the second, a list's last item comes first in the other rendering, translated almost word
for word, while the other items are reworded: the four items in order stay in place and the
one item that crosses them is *moved*, not the other way round. Then the evidence floors: a
paragraph moved far and loosely rendered is found by its subject, a clause paraphrased in all
but one rare word pairs in its place, and paragraphs that name other things or share only a
formula stay apart. Each case is checked with the sides swapped too (split <-> merge).
"""

from __future__ import annotations

import pytest

from compare.alignment.aligner import align
from compare.bench.run import predicted
from compare.ingest.importer import parse_text
from compare.model import Declaration

FLIP = {"split": "merged", "merged": "split", "removed": "added", "added": "removed"}
Truth = set[tuple[str, tuple[str, ...], tuple[str, ...]]]

OPEN_L = ("The Ministers of Culture of the Member States of the Shanghai Cooperation "
          "Organisation met in Karakol on 4 May 2201.")
OPEN_R = "On 4 May 2201 the culture ministers of the SCO Member States held a meeting at Karakol."
RUIN_L = ("The Ministers noted that many old caravanserais along the trade roads of the region "
          "are falling into ruin.")
RUIN_R = ("The ministers observed that numerous ancient caravanserais on the region's trade "
          "routes are crumbling.")
SCHOOL_L = "The Member States will open the restored buildings to school visits free of charge."
SCHOOL_R = ("Pupils will be able to visit the restored buildings without paying, the Member "
            "States having so decided.")
GUIDE_L = ("The Ministers asked the Secretariat to publish a guide to the heritage sites of the "
           "region in four languages.")
GUIDE_R = ("A guide to the region's heritage sites in four languages is to be issued by the "
           "Secretariat at the ministers' request.")
NEXT_L = "The next meeting will be held in Turkistan in 2203."
NEXT_R = "Turkistan will host the next meeting in 2203."

WHOLE = ("The Member States will draw up a common list of the caravanserais that most need "
         "repair before the end of 2202, and will set aside part of the tourism levy for "
         "training the masons who restore them.")
HALF_ONE = ("By the close of 2202 the Member States are to compile a joint register of those "
            "caravanserais in greatest need of repair.")
HALF_TWO = ("Some of the revenue of the tourism levy shall go to the schooling of masons engaged "
            "in restoration.")


def doc(title: str, paragraphs: list[str]) -> Declaration:
    decl, _ = parse_text("\n\n".join([title, *paragraphs]) + "\n", path="renderings.txt",
                         status="illustrative")
    return decl


def check_both_ways(left: Declaration, right: Declaration, truth: Truth) -> None:
    assert predicted(align(left, right)) == truth
    assert predicted(align(right, left)) == {(FLIP.get(r, r), rs, ls) for r, ls, rs in truth}


def one_to_one(pairs: list[tuple[int, int]]) -> Truth:
    return {("reworded", (f"para_{a}",), (f"para_{b}",)) for a, b in pairs}


def test_a_paragraph_split_in_two_with_another_between_the_halves() -> None:
    left = doc("Karakol Statement of the Ministers of Culture",
               [OPEN_L, RUIN_L, WHOLE, SCHOOL_L, GUIDE_L, NEXT_L])
    right = doc("Statement of the SCO Culture Ministers at Karakol",
                [OPEN_R, RUIN_R, HALF_ONE, SCHOOL_R, HALF_TWO, GUIDE_R, NEXT_R])
    truth = {("split", ("para_3",), ("para_3", "para_5"))}
    truth |= one_to_one([(1, 1), (2, 2), (4, 4), (5, 6), (6, 7)])
    check_both_ways(left, right, truth)


def test_a_paragraph_only_in_one_rendering_beside_a_whole_it_would_lengthen_stays_added(
) -> None:
    """The right rendering renders the whole paragraph in one ("tourism charge" for "tourism
    levy"); a paragraph found only on the right, two units on, shares "levy" with what that
    rendering leaves out, but the lengths already agree: it is no part of the whole."""
    whole = ("The Member States will draw up a common list of the caravanserais that most need "
             "repair before the end of 2202, to be paid for out of the tourism levy.")
    one = ("By the close of 2202 the Member States are to compile a joint register of those "
           "caravanserais in greatest need of repair, funded from the tourism charge.")
    extra = "The tourism levy will also fund a yearly prize for the best restoration work."
    left = doc("Karakol Statement of the Ministers of Culture",
               [OPEN_L, RUIN_L, whole, SCHOOL_L, GUIDE_L, NEXT_L])
    right = doc("Statement of the SCO Culture Ministers at Karakol",
                [OPEN_R, RUIN_R, one, SCHOOL_R, extra, GUIDE_R, NEXT_R])
    truth = {("added", (), ("para_5",))}
    truth |= one_to_one([(1, 1), (2, 2), (3, 3), (4, 4), (5, 6), (6, 7)])
    check_both_ways(left, right, truth)


ITEMS_L = ["the digitisation of the archives of the old observatories",
           "the exchange of restorers between the national museums",
           "joint festivals of folk music in the border towns",
           "a common catalogue of the manuscripts kept in the region",
           "free entry to the national museums for students"]
ITEMS_R = ["free entry to the national museums for students",
           "turning the archives of old observatories into digital form",
           "sending restorers from one national museum to work in another",
           "folk music festivals held jointly in frontier towns",
           "a shared catalogue of the region's manuscripts"]


def listed(intro: str, items: list[str]) -> str:
    return "\n".join([intro, *(f"- {x};" for x in items[:-1]), f"- {items[-1]}."])


def test_the_longer_run_in_order_stays_in_place_and_the_item_that_crosses_it_is_moved(
) -> None:
    left = doc("Karakol Statement of the Ministers of Culture",
               [OPEN_L, listed("The Ministers agreed to work together on the following:",
                               ITEMS_L), GUIDE_L, NEXT_L])
    right = doc("Statement of the SCO Culture Ministers at Karakol",
                [OPEN_R, listed("The ministers decided on joint work in these fields:",
                                ITEMS_R), GUIDE_R, NEXT_R])
    items = [(f"para_2__item_{a}", f"para_2__item_{b}") for a, b in
             [(1, 2), (2, 3), (3, 4), (4, 5)]]
    truth = {("reworded", (a,), (b,)) for a, b in items}
    truth |= {("moved", ("para_2__item_5",), ("para_2__item_1",))}
    truth |= one_to_one([(1, 1), (2, 2), (3, 3), (4, 4)])
    check_both_ways(left, right, truth)


def test_a_paragraph_moved_far_in_one_rendering_is_found_by_its_subject() -> None:
    """The ruin paragraph comes last but one on the right. Its two renderings share few words
    (less than half the document pair's level), but each is the other's most similar paragraph
    in the whole other text and they share a rare word that is no number ("trade"): a
    rendering moved (`steps.evidence`), not one paragraph removed and another added."""
    left = doc("Karakol Statement of the Ministers of Culture",
               [OPEN_L, RUIN_L, WHOLE, SCHOOL_L, GUIDE_L, NEXT_L])
    right = doc("Statement of the SCO Culture Ministers at Karakol",
                [OPEN_R, HALF_ONE, SCHOOL_R, HALF_TWO, GUIDE_R, RUIN_R, NEXT_R])
    truth = {("split", ("para_3",), ("para_2", "para_4")),
             ("moved", ("para_2",), ("para_6",))}
    truth |= one_to_one([(1, 1), (4, 3), (5, 5), (6, 7)])
    check_both_ways(left, right, truth)


def test_two_paragraphs_in_one_rendering_each_built_on_one_phrase_but_naming_other_things(
) -> None:
    """A museum fund only on the left, a theatre festival only on the right, far from it: both
    open "The Member States welcome ... strengthening ... within the Organisation and support",
    words no other paragraph has, but each names what the other does not (a council, a city):
    one removed, one added, not a rendering moved."""
    fund = ("The Member States welcome the work of the Silk Road Council of Museums in "
            "strengthening ties within the Organisation and support its plan for a fund of 20 "
            "million dollars for small museums.")
    festival = ("The Member States welcome the strengthening of ties within the Organisation in "
                "the field of theatre and support a drama festival held in Osh every spring.")
    left = doc("Karakol Statement of the Ministers of Culture",
               [OPEN_L, fund, RUIN_L, SCHOOL_L, GUIDE_L, NEXT_L])
    right = doc("Statement of the SCO Culture Ministers at Karakol",
                [OPEN_R, RUIN_R, SCHOOL_R, GUIDE_R, festival, NEXT_R])
    truth = {("removed", ("para_2",), ()), ("added", (), ("para_5",))}
    truth |= one_to_one([(1, 1), (3, 2), (4, 3), (5, 4), (6, 6)])
    check_both_ways(left, right, truth)


def test_a_paragraph_between_two_parts_merged_apart_stays_in_place() -> None:
    """Left: the list of caravanserais, the school visits, the levy; right: the school visits
    first, then one paragraph rendering both the list and the levy. The school paragraph is
    in order with the merge's second part: it stays in place (reworded), not *moved*."""
    first = ("The Member States will draw up a common list of the caravanserais that most need "
             "repair before the end of 2202.")
    second = ("They will set aside part of the tourism levy for training the masons who restore "
              "them.")
    merged = ("The Member States are to compile, by the close of 2202, a joint register of the "
              "caravanserais in greatest need of repair, and some of the revenue of the tourism "
              "levy shall go to the schooling of masons engaged in their restoration.")
    left = doc("Karakol Statement of the Ministers of Culture",
               [OPEN_L, RUIN_L, first, SCHOOL_L, second, GUIDE_L, NEXT_L])
    right = doc("Statement of the SCO Culture Ministers at Karakol",
                [OPEN_R, RUIN_R, SCHOOL_R, merged, GUIDE_R, NEXT_R])
    truth = {("merged", ("para_3", "para_5"), ("para_4",))}
    truth |= one_to_one([(1, 1), (2, 2), (4, 3), (6, 5), (7, 6)])
    check_both_ways(left, right, truth)


def test_a_paragraph_naming_what_the_whole_does_not_is_no_part_of_it() -> None:
    """The right rendering leaves out the levy clause of the whole; two paragraphs on, a
    paragraph only on the right speaks of the levy and the masons too, but of a museum in
    Samarkand, which the whole does not name: it stays added, not a part apart."""
    museum = ("The tourism levy collected in Samarkand will also pay for a small museum of "
              "the tools of the masons.")
    left = doc("Karakol Statement of the Ministers of Culture",
               [OPEN_L, RUIN_L, WHOLE, SCHOOL_L, GUIDE_L, NEXT_L])
    right = doc("Statement of the SCO Culture Ministers at Karakol",
                [OPEN_R, RUIN_R, HALF_ONE, SCHOOL_R, museum, GUIDE_R, NEXT_R])
    truth = {("added", (), ("para_5",))}
    truth |= one_to_one([(1, 1), (2, 2), (3, 3), (4, 4), (5, 6), (6, 7)])
    check_both_ways(left, right, truth)


def test_a_clause_paraphrased_beyond_its_vocabulary_pairs_in_its_place_by_a_rare_word(
) -> None:
    """Between two pairs in place, one paragraph a side, every word changed but "roof": too
    little of either's vocabulary is in the other text (`NATIVE`), yet the rare word they
    share, their place and their lengths make them one clause (`steps.renderings.plausible`).
    """
    storm_l = ("Should a storm damage an old roof, the nearest craftsmen shall be sent at once "
               "to mend it.")
    storm_r = ("If bad weather harms an ancient roof, whoever is closest among the builders must "
               "go without delay and repair it.")
    left = doc("Karakol Statement of the Ministers of Culture",
               [OPEN_L, RUIN_L, storm_l, SCHOOL_L, GUIDE_L, NEXT_L])
    right = doc("Statement of the SCO Culture Ministers at Karakol",
                [OPEN_R, RUIN_R, storm_r, SCHOOL_R, GUIDE_R, NEXT_R])
    check_both_ways(left, right, one_to_one([(k, k) for k in range(1, 7)]))


def test_two_strangers_in_one_place_sharing_only_the_formula_stay_apart() -> None:
    """The same place holds, on each side, a paragraph only that rendering has; they share
    "The Member States will" and no rare word: one removed, one added."""
    loans = "The Member States will lend farmers money at low interest to buy new tractors."
    crafts = ("The Member States will hold a fair of felt and embroidery every autumn, with a "
              "prize for young makers.")
    left = doc("Karakol Statement of the Ministers of Culture",
               [OPEN_L, RUIN_L, loans, SCHOOL_L, GUIDE_L, NEXT_L])
    right = doc("Statement of the SCO Culture Ministers at Karakol",
                [OPEN_R, RUIN_R, crafts, SCHOOL_R, GUIDE_R, NEXT_R])
    truth = {("removed", ("para_3",), ()), ("added", (), ("para_3",))}
    truth |= one_to_one([(1, 1), (2, 2), (4, 4), (5, 5), (6, 6)])
    check_both_ways(left, right, truth)


@pytest.mark.parametrize("middle", [False, True])
def test_a_paragraph_kept_word_for_word_but_moved_does_not_hold_the_rest_apart(middle: bool
                                                                               ) -> None:
    """The right rendering puts the closing sentence first, word for word as the left has it
    last; every other paragraph is translated in its place. The equal pair is found first and
    stood between all the rest (free left units before it, free right ones after it), which
    fell apart into removed and added: the run of renderings in order outweighs it, stays in
    place, and the equal paragraph is the one *moved* (`steps.renderings.uncross`)."""
    left = doc("Karakol Statement of the Ministers of Culture",
               [OPEN_L, RUIN_L, SCHOOL_L, GUIDE_L, NEXT_L])
    if middle:  # the guide paragraph, word for word, two places up
        right = doc("Statement of the SCO Culture Ministers at Karakol",
                    [OPEN_R, GUIDE_L, RUIN_R, SCHOOL_R, NEXT_R])
        truth = {("moved", ("para_4",), ("para_2",))}
        truth |= one_to_one([(1, 1), (2, 3), (3, 4), (5, 5)])
    else:
        right = doc("Statement of the SCO Culture Ministers at Karakol",
                    [NEXT_L, OPEN_R, RUIN_R, SCHOOL_R, GUIDE_R])
        truth = {("moved", ("para_5",), ("para_1",))}
        truth |= one_to_one([(k, k + 1) for k in range(1, 5)])
    check_both_ways(left, right, truth)
