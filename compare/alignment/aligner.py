"""Align: pair the units (paragraphs and list items) of two declarations, clause by clause.

Stage three of the pipeline (tokenise, normalise, **align**, analyse, visualise). `align(left,
right)` is pure and deterministic; every unit of each side ends up in exactly one `Pair`:

1. **Exact chain.** Units whose normalised text (`normalize.match_key`) is equal are chained in
   order by a longest common subsequence (`chain.exact_chain`, banded on long inputs). These
   are *unchanged*; a pair whose stored texts differ gets the note "normalisation-only" (and
   "invisible-characters" when zero-width or bidi characters differ). Repeated texts: when
   several equal units lie between the same two neighbouring anchors, the anchor goes to the
   copy whose gaps before and after pair best (so "R x R" -> "R' R" keeps R' reworded); and
   in a run of consecutive equal units, a copy the chain left free moves to the place in the
   run whose gap holds its most similar free counterpart (2,000 equal paragraphs, one
   reworded: that one pairs at its own place).
2. **Gaps.** Between two consecutive anchors, the unmatched units of both sides are compared by
   TF-IDF cosine (`similarity`; word and word-prefix features, idf over all distinct unit texts
   of both sides), and the in-order chain of largest total similarity among pairs at or above
   `threshold` (default `THRESHOLD`) is taken (*reworded*). A matched unit absorbs unmatched
   neighbours on the other side, up to `GROUP_MAX`, that it largely contains (containment >=
   `LOOSE`, so a part may be reworded) when that raises the similarity, or that is alike
   (cosine >= `REST`) to what the whole's partner leaves uncovered (a part reworded so much
   that its new words lower the similarity), the parts together at most `PART_RATIO` times
   the whole's length: *split* (one left, several right) or *merged* (several left, one
   right); runs of adjacent units that together reach the threshold, each contained (>=
   `CONTAIN`), form a split or merge too.
3. **Moves.** Units still unmatched are paired across the document: equal keys first (in order,
   choosing which copies by least distance from their expected places), then by cosine >=
   `threshold`, best first, candidates from an inverted index over rare features plus the
   leftovers nearest the expected place. A changed text moved d units from where it was
   expected needs more: `threshold` + (1 - `threshold`) * d / (d + `HALF`), so a far pair of
   merely similar formulaic clauses is a deletion and an insertion, not a move (a move between
   a paragraph and a list item, or from one list to another, counts `HALF` units farther);
   candidates are taken by how far they pass that floor, so of two variants of a clause about
   equally alike, the nearer wins. A move then extends along its block: the free units just
   before (after) both its sides pair when alike at least `threshold` (paragraphs moved
   together, one reworded in passing, `steps.moves.along_blocks`).
4. **Main sequence.** The heaviest in-order chain over all these matches (weight: similarity
   times units) is the main sequence. In the first round every match outside it is undone and
   steps 2-3 run again with the corrected anchors; in the second round matches outside it are
   *moved* (note "reworded" when the text changed).
   **Copies.** A moved unit and an equal copy of it in the main sequence near its partner
   trade partners when the heaviest in-order chain of the matches around them, and of the
   free pairs there alike at least `LOW` x threshold, is heavier for it (`steps.copies`,
   within `SWAP_WINDOW`; either side): a copy moved up beside its reworded twin is the move,
   and the twin stays in place with its reworded neighbours.
   **Variants beside their twins.** A move of a changed text is undone when its destination
   stands up to `TWIN_REACH` units after a copy of its text, or right before it (nothing
   paired in place between them), the copy paired far from the move's source, and keeps
   `TWIN_KEEP` of that text: a paragraph duplicated with its date changed or a dated opening
   added is *added* beside its original,
   and the far copy the move took is *removed* (`steps.twins`; either side).
   After step 5's gap filling, a free copy takes the partner of its twin's move (or of its
   twin's pair in the same gap) when the twin, freed, is the best match of a free unit in its
   own gap, or alike at least `LOW` x threshold the one free unit between the partners of
   its two neighbours (a hole in a run moved with it)
   (`steps.copies.free_copies`): the move went to the nearer copy, and the other copy was
   reworded in place.
5. **Gap filling.** Order and anchors are evidence: inside each remaining gap the leftovers are
   chained in order among pairs reaching `LOW` x threshold, or each other's best match in the
   gap reaching `FLOOR` x threshold when the chain has at least two pairs or the gap holds one
   free unit on each side, the two of a length within `RATIO` (a lone weak pair among other
   free units is as likely a deletion beside an insertion; the one unit left on each side
   between two anchors stands in the other's place, also beside units alike nothing across
   the gap when the two are of a kind); no pair below the threshold where just one of the two
   keeps `TWIN_KEEP` of the matched unit beside it (a paragraph duplicated beside its
   original, amended, is *added*, not a rewording of a deleted neighbour: `gaps.one_twin`, in
   step 5i too); repeated in the smaller gaps this leaves.
   **Independent renderings.** First, a match in place that keeps free units apart (free
   left units before it, free right ones after it, between the same neighbours) is moved
   when the free units there chain as renderings (as below, pairs weak) across it and
   outweigh it (units times one plus similarity): a paragraph kept word for word but moved
   does not hold the translated rest apart (`steps.renderings.uncross`).
   Where the matches around a gap are themselves weak (median
   similarity of the `CONTEXT` nearest below `WEAK`: translations, not edits), the gap's units
   are chained in order among plausible pairs even below that floor: lengths within `RATIO`,
   more alike each other than most units within `WINDOW` of the other's place (among the two
   best in a gap open at the start or end), each unit's vocabulary at least `NATIVE` present
   in the other text (a stranger is no one's rendering) unless the two share a rare word that
   is no number (a clause paraphrased word for word but one). A weak pair whose lengths differ by
   more than `RATIO_GROW` then takes in unmatched neighbours that bring the lengths closer,
   while the similarity does not fall (a split or merge under rewording); then any pair or
   group there takes in free units next to its parts that bring the lengths closer and share
   a rare word with what its parts leave uncovered of the whole (a last part, or list item,
   reworded too far to raise the similarity: `steps.renderings.complete`). So two
   translations of one text align paragraph to paragraph instead of falling apart into
   removed and added.
   **Evidence between renderings.** Where the whole pair is weakly alike (median similarity
   of its changed one-to-one matches below `WEAK`, or of all its one-to-one matches below
   `RENDERED`: two renderings keep few paragraphs word for word), a weak pair gives way to a
   free counterpart more than twice as similar that shares a rare word (a number, a name, a
   word in at most two texts), and two free units that are each other's best free match, half
   the pair's level alike and sharing a rare word, are a moved rendering (less alike when each
   is the other's best anywhere and the rare word is no number; never two that each name
   something the other does not); a pair whose
   likeness is only a shared frame of `FRAME`-word runs, naming different things, is undone
   (`steps.evidence`).
   **Parts apart and the order between renderings.** There too, a free unit joins the group
   whose whole is its most similar unit when it stands within `APART` units of the group's
   parts (another paragraph may stand between the halves of a split), brings the two lengths
   closer and shares a rare word with what the parts leave uncovered; and the main sequence
   is chosen again by units first (weight: units times one plus similarity), so a longer run
   in order stays in place and the one pair that crosses it is *moved* (`steps.apart`).
   **Scattered splits and merges.** A unit still free (or paired only as a reworded move, or
   in its gap by order alone, below the threshold) whose text is contained (>= `CONTAIN`) in
   a unit of the other side joins that unit's match as a part when the similarity rises,
   wherever it is (another unit inserted, kept or moved between the parts, or the part moved
   away); free units containing two or more free parts become a split or merge of their own
   (not of two copies of one text). Of the copies of a repeated whole, a part's is one of the
   two nearest where the whole is expected, the one whose match lacks most of what the part
   brings, weighed down with distance as moves are; of two copies of a part equally alike,
   the one nearer the group's other parts, or standing where the whole is, is taken.
   Parts are listed in their document order. Of two copies of a part, the one next to another
   part (between them or at an end) is the part when it is nearer where the whole is expected,
   and the far one takes its match (`steps.twins.fill_holes`; the main sequence is then
   chained again).
   **Reworded parts.** A free unit within `NEAR` units of a match (or one paired only as a
   reworded move, more alike what the whole lacks than its move's partner: the move is
   undone) joins it as a part when it
   brings back at least `GAIN` of the whole's weight that the match's parts lack and is alike
   (cosine >= `REST`, rising with its distance from them; or so alike by vocabulary alone,
   bringing back at least `MOST` of the missing vocabulary) to those missing features: a half
   of a split (or a clause merged) that is itself reworded, too unlike the whole to count as
   contained in it (`steps.restore`). A part of a text repeated in the document joins the
   copy where it is expected (as in 5c), a second copy of a text already in the group is no
   part, and of two copies of a part the one beside the group is taken (`steps.scatter`).
   **List intros.** A list's intro joins its items' group when they are parts of a split or
   merge of one unit (`steps.intros`): a paragraph turned into an intro and items.
   **Sentence exchanges.** A part of a split or merge leaves it for a free unit of the whole's
   side, near where the part is expected and alike at least `LOW` x threshold, that holds
   word for word a sentence of the part that the whole lacks, and at least as many such
   sentences as the whole holds of the part's that the free unit lacks (`steps.exchange`):
   two paragraphs that traded a sentence each are two rewordings, not a merge beside an
   added paragraph. Before that, a part two or more units from the rest of its group leaves
   it when every sentence it brings the whole word for word stands also in a nearer unit
   paired one to one with a unit lacking it, and no other sentence of the part is in the
   whole even reworded: the whole borrowed the sentence from that nearer pair.
   **Copies in a moved run's hole.** A free unit standing alone between two matches whose
   partners stand on either side of the partner of its equal copy's move takes that move,
   and the copy is free (`steps.copies.hole_copies`: a block moved with its middle reworded,
   whose old text the move step gave to a copy elsewhere).
   **Gap filling again.** The gaps are filled once more as in 5 (at most three rounds): a
   unit that 5c-5g freed (a move given up to a scattered part's split, a part taken out of a
   group) or whose gap they changed gets its place's chance; where the documents are two
   renderings, a new pair alike only by a shared frame is undone again (`steps.nearby.refill`).
   **Free neighbours.** A free left and a free right unit pair when each is the other's most
   similar free unit within `EXCHANGE_NEAR` of where it is expected beside its nearest matched
   neighbours (a moved run's or a scattered group's too), alike at least `LOW` x threshold, of
   one kind and of a length (`steps.nearby`): a clause reworded heavily beside a scattered
   group or at the edge of a moved run, which is no gap of its own.
   **Runs of copies.** A moved pair trades its unit on one side with an equal copy held by a
   pair near it (moved or in order), alone or with the pairs of copies beside the two along
   either one's diagonal (a block whole), when the longest in-order chain around gains a pair
   or keeps as many and the pairs it leaves moved are nearer their expected places
   (`steps.runs`): a block moved beside its copy in the next session is the copy nearer where
   it came from, and two copies that took each other's place in two moved blocks trade back;
   the main sequence is then chained again.
   **Ties the free units break.** The longest in-order chain of one-to-one pairs is taken
   again with the free pairs (alike at least the threshold, of one kind and length) that the
   labels keep apart, each near where the other is expected but outside its gap; when it takes
   one in and moves no more pairs, it is the main sequence and they are reworded
   (`steps.ties`): three paragraphs moved past four, one of the four reworded and left free,
   are the move, not the four.
   **Last labels.** Only a one-to-one pair is reported moved, and a split or merge is never
   (passing one moves no pair): when the longest in-order chain of pairs alone leaves fewer
   pairs outside it than the main sequence, whose heaviest chain weighs a group by its units,
   that chain is the main sequence (`steps.rechain.relabel`).
6. The rest is *removed* (left only) or *added* (right only).

Each step is a module of `steps/` over one shared `steps.state.State` (step 1 `exact`, 2
`gaps` and `groups`, 3 `moves`, 4 `rechain`, `copies` and `twins`, 5 `gaps` again,
`renderings`, `evidence`, `apart`, `scatter`, `restore`, `intros`, `exchange`, `copies` again,
`gaps` again, `nearby`, `runs`, `ties` and `rechain`'s `relabel`, 6 `rest`); `run_steps` runs
them in order, and the thresholds named here are in `steps.params`.

Changed pairs carry a word diff (`worddiff`) and a sentence-level refinement (`sentences`).

Tie-breaks (documented, deterministic): among longest chains of identical units, each match
is slid to the earliest equal unit after the previous match on both sides (`chain.lcs`), unless
another copy between the same anchors leaves better gaps (step 1); among equally good chains in
a gap the one nearest the gap's diagonal wins, then the first in (left, right) order; among
equally similar move candidates the one nearest its expected position wins, then the lower left
index, then the lower right index; equal texts are paired in order, least total distance,
earliest on ties. Pairs are listed in right-hand order; a removed unit comes after the pair of
its nearest in-order left predecessor.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Protocol

from ..model import Alignment, Declaration, Diff, Pair, Relation, Unit, join_sentences
from .normalize import invisible_notes, normalisation_notes
from .sentences import align_sentences
from .steps.apart import between_renderings
from .steps.copies import free_copies, hole_copies, trade_copies
from .steps.evidence import renderings_evidence
from .steps.exact import exact_matches, resettle, reslide
from .steps.exchange import exchanges
from .steps.gaps import fill_gaps
from .steps.groups import grow
from .steps.intros import intros
from .steps.moves import moves
from .steps.nearby import nearby, refill
from .steps.params import (
    ALL_PAIRS,
    CONTAIN,
    CONTEXT,
    FLOOR,
    GAIN,
    GROUP_MAX,
    HALF,
    LOOSE,
    LOW,
    MOST,
    NATIVE,
    NEAR,
    PART_RATIO,
    RATIO,
    RATIO_GROW,
    REST,
    SWAP_WINDOW,
    THRESHOLD,
    WEAK,
    WINDOW,
)
from .steps.rechain import rechain, relabel
from .steps.renderings import renderings
from .steps.rest import rest
from .steps.restore import restore
from .steps.runs import trade_runs
from .steps.scatter import scattered
from .steps.state import Match, State
from .steps.ties import free_ties
from .steps.twins import fill_holes, undo_twin_moves
from .worddiff import word_diff

__all__ = ["ALL_PAIRS", "CONTAIN", "CONTEXT", "FLOOR", "GAIN", "GROUP_MAX", "HALF", "LOOSE",
           "LOW", "MOST", "NATIVE", "NEAR", "PART_RATIO", "RATIO", "RATIO_GROW", "REST",
           "SWAP_WINDOW", "THRESHOLD", "WEAK", "WINDOW", "align", "group_text", "run_steps"]

_Match = Match  # the name tests built pairs with before the steps had modules of their own


class _Keys(Protocol):
    lkey: list[str]
    rkey: list[str]


def run_steps(st: State) -> None:
    """Steps 1-6 of the module docstring, in order, on one state."""
    exact_matches(st)
    reslide(st)
    resettle(st)
    fill_gaps(st, low=False)
    moves(st)
    rechain(st, dissolve=True)
    for m in list(st.matches):
        if m.kind == "gap" and len(m.left) == len(m.right) == 1:
            grow(st, m, range(len(st.lu)), range(len(st.ru)))
    fill_gaps(st, low=False)
    moves(st)
    rechain(st, dissolve=False)
    if trade_copies(st):
        rechain(st, dissolve=False)
    undo_twin_moves(st)
    for _ in range(3):
        if not fill_gaps(st, low=True):
            break
    if free_copies(st):
        rechain(st, dissolve=False)
    renderings(st)
    renderings_evidence(st)
    between_renderings(st)
    intros(st)  # before 5c: an intro taken by the split before frees that split's whole
    scattered(st)
    if fill_holes(st):
        rechain(st, dissolve=False)
    restore(st)
    intros(st)  # again: items grouped by 5c and 5e
    exchanges(st)
    hole_copies(st)
    refill(st)  # units freed by 5c-5g get their gap's chance again
    nearby(st)
    if trade_runs(st):
        rechain(st, dissolve=False)
    free_ties(st)
    relabel(st)
    rest(st)


def align(left: Declaration, right: Declaration, threshold: float = THRESHOLD) -> Alignment:
    """Align two declarations unit by unit (see the module docstring); pure, deterministic."""
    lu, ru = left.units(), right.units()
    st = State.start(lu, ru, threshold)
    run_steps(st)
    pairs = [_pair(m, lu, ru, st, st.space.counts) for m in _ordered(st.matches, len(ru))]
    return Alignment(left, right, tuple(pairs))


def _ordered(matches: list[Match], n_right: int) -> list[Match]:
    cur = 0
    spots: dict[int, int] = {}
    by_left = sorted((m.left[0], m) for m in matches if m.left)
    for i, m in ((i, m) for i, m in by_left):
        spots[i] = cur
        if m.right and m.kind not in ("move", "removed"):
            cur = max(cur, m.right[-1] + 1)

    def key(m: Match) -> tuple[int, int, int]:
        if m.right:
            return (2 * m.right[0] + 1, 0, m.left[0] if m.left else -1)
        return (2 * spots[m.left[0]], 1, m.left[0])

    return sorted(matches, key=key)


def group_text(units: Sequence[Unit]) -> str:
    """The text of one side of a pair: its units' sentences joined as in one unit (one space,
    none after a Chinese or Japanese full stop), so that a split that moves no word is no
    change of text."""
    return join_sentences(tuple(s for u in units for s in u.sentences))


def _pair(m: Match, lu: Sequence[Unit], ru: Sequence[Unit], a: _Keys,
          counted: Callable[[str], Counter[str]] | None = None) -> Pair:
    left = [lu[i] for i in m.left]
    right = [ru[j] for j in m.right]
    lt, rt = _text(left), _text(right)
    ids_l, ids_r = tuple(u.id for u in left), tuple(u.id for u in right)
    if not right:
        return Pair(Relation.REMOVED, ids_l, (), 0.0, _whole(-1, lt))
    if not left:
        return Pair(Relation.ADDED, (), ids_r, 0.0, _whole(1, rt))
    same_key = _joined_key(a.lkey, m.left) == _joined_key(a.rkey, m.right)
    if same_key and lt == rt and m.kind != "move" and len(left) == len(right) == 1:
        return Pair(Relation.UNCHANGED, ids_l, ids_r, 1.0, _whole(0, lt))
    notes: list[str] = []
    if len(left) > 1 or len(right) > 1:
        relation = Relation.SPLIT if len(right) > 1 else Relation.MERGED
        notes += [] if same_key else ["reworded"]
    elif same_key:
        relation = Relation.MOVED if m.kind == "move" else Relation.UNCHANGED
    else:
        relation = Relation.MOVED if m.kind == "move" else Relation.REWORDED
        notes += ["reworded"] if m.kind == "move" else []
    notes += list(normalisation_notes(lt, rt) if same_key else invisible_notes(lt, rt))
    sim = 1.0 if same_key else round(m.similarity, 4)
    if lt == rt and relation is Relation.UNCHANGED:
        return Pair(relation, ids_l, ids_r, sim, _whole(0, lt))
    diff, coarse = word_diff(lt, rt)
    notes += ["coarse-diff"] if coarse else []
    sentences = align_sentences(left, right, counted)
    return Pair(relation, ids_l, ids_r, sim, diff, tuple(notes), sentences)


def _text(units: list[Unit]) -> str:
    """`group_text(units)`; one unit's is its own text (cached on the unit)."""
    return units[0].text if len(units) == 1 else group_text(units)


def _joined_key(keys: list[str], group: list[int]) -> str:
    """The key of several units read as one text (a unit with an empty key adds no space)."""
    return keys[group[0]] if len(group) == 1 else " ".join(keys[k] for k in group if keys[k])


def _whole(op: int, text: str) -> Diff:
    return ((op, text),) if text else ()
