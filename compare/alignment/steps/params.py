"""The aligner's parameters: every threshold and bound its steps use, documented once.

Each is a plain module constant read by the steps (`compare.alignment.steps.*`) and re-exported
by `compare.alignment.aligner`; the module docstring of `aligner` says where each one acts.
"""

THRESHOLD = 0.5
"""Default cosine at or above which two units in the same gap are the same clause reworded."""

LOW = 0.4
"""Share of the threshold at or above which leftovers between anchors are paired by order."""

FLOOR = 0.1
"""Share of the threshold that leftovers between anchors, each other's best match, must reach."""

CONTAIN = 0.8
"""Share of a unit's weight found in its neighbour's partner for it to join a split or merge."""

LOOSE = 0.4
"""Share of a neighbour's weight found in a matched unit's partner for it to join the match as
a split or merge part when that raises the similarity (a part may be reworded itself)."""

GROUP_MAX = 8
"""Most units one unit can be split into or merged from."""

ALL_PAIRS = 4096
"""Gaps up to this many unit pairs are compared pair by pair; larger ones through the index."""

HALF = 100
"""Distance (units from the expected place) at which a changed text's move must be halfway
between `threshold` and identical: the farther a clause travels, the more alike it must be."""

WEAK = 0.5
"""Median similarity of the matches around a gap below which the two sides are independent
renderings there (translations), so that order and length become evidence (step 5b)."""

RENDERED = 0.75
"""Median similarity of a document pair's one-to-one matches (unchanged ones counting 1.0) below
which the two are renderings of one text for the evidence rules (step 5d): a revised version
keeps most clauses equal and its reworded ones keep most of their words, while two translations
share no paragraph word for word and their pairs lie about the threshold. (`WEAK` asks the same
of the few matches around one gap; a long formulaic text can lift its changed pairs' median to
`WEAK` although no paragraph is kept.)"""

FRAME = 4
"""Words in a row that two renderings share for the run to count as their frame (step 5d): a
formula both texts are built on ("took note of the report of ... and asked for a further
report in ..."), which says nothing about whether they render one clause."""

CONTEXT = 3
"""Matches before and after a gap whose similarities tell whether the context is weak."""

RATIO = 2.0
"""Most a pair of renderings' lengths may differ (longer over shorter) in step 5b."""

RATIO_GROW = 1.5
"""Length ratio above which a weak pair takes in neighbours that bring the lengths closer."""

NATIVE = 0.1
"""Least share of a unit's vocabulary found in the other side for it to be a rendering there:
a text foreign to the other document (an unrelated insertion) is no one's translation (step
5b waives it for two units sharing a rare word that is no number)."""

WINDOW = 6
"""Units on each side of a place whose similarities a plausible pair must mostly beat."""

APART = 3
"""Most units from a part of a split or merge rendered apart to the group's nearest part (step
5d', `apart`; 3: up to two units between them): a translator who splits a paragraph may put
another one between the halves, or merge two list items that were not neighbours."""

NEIGHBOURS, TOP_K, MAX_DF = 6, 6, 48
"""Move candidates: leftovers nearest the expected position, best by rare features, df cap."""

TIE = 1e-6
"""Weight of the distance from the gap's diagonal: it only breaks ties between equal chains."""

RESETTLE_MAX = 64
"""Most free copies in one run of equal texts that step 1 re-places (beyond, the chain's
earliest-first choice stands: each re-placement reads the whole run)."""

REST = 0.25
"""Cosine at or above which a free neighbour of a 1:1 match is a reworded part of its whole:
alike to the features of the whole that its partner lacks, when those carry at least this share
of the whole's squared weight (a part of it is missing). New words of a reworded part lower the
whole's cosine, so `LOOSE` alone would leave that part added."""

GAIN = 0.05
"""Least share of a whole's squared weight that a free unit must bring back (features of the
whole its partners lack) to join the whole's match as a reworded part (step 5e, `restore`)."""

NEAR = 20
"""Units on each side of a free unit whose matches it may complete as a reworded part."""

SWAP_WINDOW = 6
"""Units around two equal copies within which they may trade partners, and whose matches' chain
decides whether they do (step 4b, `copies`)."""

PART_RATIO = 1.5
"""Most the texts of a scattered split's parts together may be longer than their whole (and a
merge's parts than their merged text) for one more part to join (step 5c, `scatter`): parts
share out the whole's words, a template twin that is merely contained in it doubles them."""

MOST = 0.5
"""Least share of the missing vocabulary's weight (the whole's words and prefixes that its
partners lack) that a reworded part alike only by vocabulary must bring back (step 5e)."""

TWIN_REACH = 6
"""Units before a variant within which its original may stand (right after it, too): other
units may have come between them (new paragraphs, a part detached from a neighbour, a block
moved in), but not one paired one to one in its place, which puts the original in another
place of the text. (A bound on the scan: the rule is that no unit between is in place.)"""

TWIN_KEEP = 0.9
"""Least share of the original's weight that a variant written beside it keeps (a date changed,
an opening added): a clause reworded in its own words is a move, not a variant of its twin."""

SENTENCE_WORDS = 4
"""Least words of a sentence for it to count as evidence that two units share it (step 5g,
`exchange`): a short formula repeated across the document says nothing about where a unit went."""

EXCHANGE_NEAR = 6
"""Units from where a part of a split or merge is expected within which a free unit holding
its sentences may take it one to one (step 5g, `exchange`)."""
