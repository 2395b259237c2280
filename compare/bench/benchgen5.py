"""Fifth benchmark generator: the successor text, next year's declaration drafted by reusing last
year's, as a drafting committee does, with the edits that make such texts hard to pair.

Part of the benchmark (not of the pipeline), written as a held-out check without reading the
aligner. The left side is N copies of the seed's paragraphs with a calendar of four formulaic
near-twins of this module's own words ("... the next meeting of the Ministers of Culture ... in
2008.", the same with Education, Transport, Agriculture) before the seed's last paragraph; ids are
numbered through. The right side revises every copy with a seeded `random.Random`: the preamble
gets the new meeting's date and place (``preamble``, every copy), and each copy draws three to
five more of: twins updated -- one or two take the next year, or a twin takes its neighbour's noun
and the next year so that its best word match is the neighbour (``twins``); a heavy paraphrase in
this module's own words that keeps the meaning and few words (``paraphrase``); two paragraphs
exchanging a sentence each (``exchange``); a list's items turned into one paragraph, or a
paragraph's sentences after the first turned into the items of a new list (``list``); a paragraph
replaced at its place by a new one on another subject (``replace``); a decoy -- a new paragraph
opening with an existing one's boilerplate but saying something new, put beside it or at its
place while the original moves away (``decoy``); three paragraphs from different places merged
at the first one's place (``merge3``); a paragraph split into three parts scattered with other
paragraphs between them (``split3``); paragraphs reordered by topic -- one moved at least five
places, or a run of two or three moved past at least four (``reorder``). Both sides
``illustrative``.

Truth, as `benchgen4` states it and scores it (`plain`, `resolve` and `score` are imported from
there). Units are paragraphs (their own sentences) and list items; every unit of either side is in
exactly one ``(relation, left ids, right ids)``: ``split`` one left unit to its parts (``split3``;
``list`` from a paragraph: the intro and the items), ``merged`` several left to one right
(``merge3``; ``list`` from items), the several ids in their own document order; ``removed`` and
``added`` have one side empty (``replace`` is one of each; a decoy is ``added``). The 1:1 pairs are
``moved`` when outside a longest subsequence of 1:1 pairs in order on both sides, else
``unchanged`` when equal after `plain` and ``reworded`` otherwise; among several longest
subsequences, the one agreeing most with the prediction (`resolve`), the generator's own moves in
`generate`.

Ambiguity floors. `overlap` is the Dice coefficient of two texts' lowercased word multisets (order
free, since a paraphrase reorders). A reworded pair keeps `overlap` >= `FLOOR` (0.42) with its left
unit and, except a near-twin, exceeds its overlap with every other distinct unit of the seed by
`MARGIN` (0.1): a paraphrase or an exchange that would not is not made. A near-twin differs from
its neighbours in one noun and a year, so only its place decides: a twin edited in place is paired
in place (reading it as its neighbour's counterpart would need a move). A new paragraph (decoy or
replacement) has `overlap` < `CEIL` (0.36) with every unit of the seed, so a replacement is removed
plus added, not reworded. Split parts and merged units keep their sentences verbatim, each part of
at least `MIN_WORDS` words. No unit takes two edits (the preamble only its update), edits stay in
their copy, and a seed paragraph that an edit moves, splits, merges or removes in one copy is not
moved, split, merged or removed in the next (identical copies would offer another reading).

First score, at 49b27a2 before anyone tuned on it (worst over seeds 1-3): N=1 1.0000; N=10
0.9867 (reworded 0.954, merged 0.909, removed 0.923, added 0.933); N=40 0.9881 (reworded 0.943,
merged 0.903, removed 0.923, added 0.921); N=400 0.9933 (merged 0.964, removed 0.961, added 0.961).
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import Declaration
from .benchgen import Block, build_declaration, split_sentences
from .benchgen4 import ONE_TO_ONE, RELATIONS, Revision, Truth, plain, resolve, score

__all__ = ["CEIL", "FLOOR", "KINDS", "MARGIN", "MIN_WORDS", "ONE_TO_ONE", "RELATIONS", "Revision",
           "Truth", "generate", "overlap", "plain", "resolve", "revise", "score"]

FLOOR, MARGIN, CEIL = 0.42, 0.1, 0.36
MIN_WORDS = 6

TWIN = ("The heads of state welcome the decision to hold the next meeting of the Ministers of {} "
        "of the SCO member states in Dushanbe in {}.")
TWIN_NOUNS = ("Culture", "Education", "Transport", "Agriculture")
YEAR, NEXT_YEAR = "2008", "2009"

PREAMBLE = ("on August 16, 2007 in Bishkek",
            ("on June 15, 2008 in Dushanbe", "on August 28, 2008 in Dushanbe",
             "on July 5, 2009 in Yekaterinburg", "on June 11, 2010 in Tashkent"))

# Heavy paraphrases in this module's own words, keyed by the opening of the seed paragraph.
PARAPHRASES = (
    ("Processes of globalization",
     "As globalization gathers pace, states grow ever more dependent on one another, so that their "
     "security and their development can no longer be separated. Present threats and challenges "
     "are best met by the international community acting together, on principles it has agreed "
     "and within multilateral mechanisms. No state acting alone can solve the problems."),
    ("An effective global security system",
     "Only under the auspices of the UN, and strictly in line with its Charter, can a global "
     "security system that works be built."),
    ("Cooperation in addressing new challenges",
     "Cooperation against new challenges and threats must be consistent, free of double standards "
     "and strictly within the norms of international law."),
    ("The SCO Member States consistently stand",
     "The SCO Member States remain firmly committed to strategic stability and to the "
     "non-proliferation of weapons of mass destruction, and regard as important and urgent the "
     "drafting of an international legal instrument that would prevent weapons being deployed in "
     "outer space, and force or its threat being used against objects there."),
    ("Recognizing the catalytic role",
     "Information technologies, developing fast and used on a massive scale, act as a catalyst of "
     "social progress; the SCO member states are nevertheless concerned that they may be used for "
     "aims at odds with maintaining international stability and security."),
    ("The SCO member states stand ready to develop",
     "The SCO member states are prepared to cooperate and to join efforts more closely so as to "
     "make international information security stronger in every aspect."),
    ("The heads of state believe that stability",
     "In the view of the heads of state, stability and security in Central Asia are first of all a "
     "matter for the states of the region, relying on the regional and international "
     "organizations already at work there."),
    ("The SCO member states have confirmed",
     "The SCO member states have reaffirmed that they are ready to help one another in practice "
     "with carrying out their national programs of economic development."),
    ("The SCO member states reiterate",
     "The SCO member states state once more that the Organization is open to working with every "
     "interested partner, on the basis of international law and of the universally recognized "
     "norms of international relations, to find solutions acceptable to all for the pressing "
     "problems of our day."),
)

# Decoys: a new subject behind an existing paragraph's opening words.
DECOYS = (
    ("The SCO member states stand ready to develop",
     "The SCO member states stand ready to coordinate vaccination campaigns, send medical teams "
     "wherever epidemics break out in border districts, and train nurses and rescuers together "
     "every year."),
    ("The heads of state support the efforts",
     "The heads of state support the efforts of national academies to compile a common atlas of "
     "earthquake hazards for mountain valleys, with maps that farmers, builders and schools can "
     "read."),
    ("The heads of state believe that stability",
     "The heads of state believe that weather data and early warnings of mudflows, avalanches and "
     "floods could be passed on faster, at modest cost, if meteorological services ran one common "
     "network."),
    ("The SCO member states have confirmed",
     "The SCO member states have confirmed their readiness to open cultural centres across one "
     "another's capitals by 2010, each offering a library, a cinema hall, concerts, exhibitions "
     "and evening language courses for adults."),
    ("The SCO member states intend to cooperate",
     "The SCO member states intend to cooperate closely in restoring the Aral Sea basin, in "
     "planting forest belts along its former shores and in bringing clean drinking water to nearby "
     "towns."),
)

NEW_PARAS = (
    "The heads of state agree to set up a working group on glaciers and on sharing transboundary "
    "rivers fairly, which will report to the next summit.",
    "A joint university network offering degrees in engineering, medicine and languages will open "
    "with a common scholarship fund from 2009.",
    "A railway corridor linking the Caspian coast with the ports of the Yellow Sea is to be "
    "studied, and a route with a cost estimate presented within two years.",
    "The Secretariat is instructed to publish a yearly digest of the decisions taken, in every "
    "official language, on its public website.",
    "Exchanges of young scientists, journalists and artists are encouraged, and a youth festival "
    "will be held in one of the capitals each summer.",
    "Tourism between the parties will be eased by simpler visa procedures for group travel and by "
    "a shared guide to heritage sites.",
)

_WORD = re.compile(r"\w+")


def overlap(a: str, b: str) -> float:
    """Dice coefficient of the two texts' lowercased word multisets (see the docstring)."""
    wa, wb = Counter(_WORD.findall(a.lower())), Counter(_WORD.findall(b.lower()))
    total = sum(wa.values()) + sum(wb.values())
    return 2 * sum((wa & wb).values()) / total if total else 1.0


def _words(sents: list[str]) -> int:
    return len(" ".join(sents).split())


# --- the copy being revised ------------------------------------------------------------------


@dataclass
class _RU:
    """A right unit being built: its sentences, the left ids it comes from, how."""

    sentences: list[str]
    src: tuple[str, ...]
    tag: str = "one"  # one | part | merge | new
    moved: bool = False


@dataclass
class _RP:
    unit: _RU
    items: list[_RU]
    k: int | None  # index in the augmented seed, None for a new paragraph


@dataclass
class _Copy:
    paras: list[_RP]
    rng: random.Random
    seed: list[Block]  # the augmented seed, as on the left
    blocked: frozenset[int]  # seed paragraphs moved, split, merged or removed in the copy before
    twins: tuple[int, ...]
    touched: set[int] = field(default_factory=set)
    structural: set[int] = field(default_factory=set)

    def pos(self, k: int) -> int:
        return next(i for i, p in enumerate(self.paras) if p.k == k)

    def free(self, k: int | None, structural: bool = True) -> bool:
        return (k is not None and k not in self.touched and k not in self.twins and k != 0
                and not (structural and k in self.blocked))

    def take(self, ks: list[int], structural: bool = True) -> None:
        self.touched.update(ks)
        if structural:
            self.structural.update(ks)


def _find(seed: list[Block], opening: str) -> int | None:
    return next((k for k, b in enumerate(seed) if b.sentences and b.sentences[0].startswith(
        opening)), None)


def _texts(seed: list[Block]) -> list[str]:
    return [t for b in seed for t in (" ".join(b.sentences), *(" ".join(it) for it in b.items))]


def unambiguous(new: str, old: str, seed_texts: list[str]) -> bool:
    """A rewording of `old` that a careful reader pairs with it (the floors of the docstring)."""
    own = overlap(new, old)
    return own >= FLOOR and all(own >= overlap(new, t) + MARGIN for t in seed_texts if t != old)


def e_preamble(c: _Copy) -> bool:
    u = c.paras[c.pos(0)].unit
    text = " ".join(u.sentences)
    if PREAMBLE[0] not in text:
        return False
    u.sentences = split_sentences(text.replace(PREAMBLE[0], c.rng.choice(PREAMBLE[1])))
    c.touched.add(0)
    return True


def e_twins(c: _Copy) -> bool:
    ks = [k for k in c.twins if k not in c.touched]
    if len(ks) < 2:
        return False
    if c.rng.random() < 0.5:  # a twin takes its neighbour's noun and the next year
        m = c.rng.randrange(len(ks) - 1)
        a, b = (ks[m], ks[m + 1]) if c.rng.random() < 0.5 else (ks[m + 1], ks[m])
        noun = TWIN_NOUNS[c.twins.index(b)]
        c.paras[c.pos(a)].unit.sentences = [TWIN.format(noun, NEXT_YEAR)]
        c.take([a, b], structural=False)
        return True
    for k in c.rng.sample(ks, c.rng.randint(1, 2)):
        c.paras[c.pos(k)].unit.sentences = [TWIN.format(TWIN_NOUNS[c.twins.index(k)], NEXT_YEAR)]
        c.take([k], structural=False)
    return True


def e_paraphrase(c: _Copy) -> bool:
    texts = _texts(c.seed)
    for opening, new in c.rng.sample(PARAPHRASES, len(PARAPHRASES)):
        k = _find(c.seed, opening)
        if k is None or not c.free(k, structural=False) or c.seed[k].items:
            continue
        if unambiguous(new, " ".join(c.seed[k].sentences), texts):
            c.paras[c.pos(k)].unit.sentences = split_sentences(new)
            c.take([k], structural=False)
            return True
    return False


def e_exchange(c: _Copy) -> bool:
    texts = _texts(c.seed)
    multi = [k for k, b in enumerate(c.seed) if len(b.sentences) >= 2 and not b.items]
    pairs = [(a, b) for a in multi for b in multi if a < b]
    for a, b in c.rng.sample(pairs, len(pairs)):
        if not (c.free(a, False) and c.free(b, False)):
            continue
        sa, sb = list(c.seed[a].sentences), list(c.seed[b].sentences)
        i, j = c.rng.randrange(1, len(sa)), c.rng.randrange(1, len(sb))
        sa[i], sb[j] = sb[j], sa[i]
        if (unambiguous(" ".join(sa), " ".join(c.seed[a].sentences), texts)
                and unambiguous(" ".join(sb), " ".join(c.seed[b].sentences), texts)):
            c.paras[c.pos(a)].unit.sentences, c.paras[c.pos(b)].unit.sentences = sa, sb
            c.take([a, b], structural=False)
            return True
    return False


def e_list(c: _Copy) -> bool:
    listed = [k for k, b in enumerate(c.seed) if b.items and c.free(k)]
    prose = [k for k, b in enumerate(c.seed) if len(b.sentences) >= 3 and not b.items
             and c.free(k) and all(len(s.split()) >= MIN_WORDS for s in b.sentences)]
    if listed and (not prose or c.rng.random() < 0.5):  # items -> one paragraph after the intro
        k = c.rng.choice(listed)
        i = c.pos(k)
        p = c.paras[i]
        merged = _RU([s for it in p.items for s in it.sentences],
                     tuple(it.src[0] for it in p.items), "merge")
        p.items = []
        c.paras.insert(i + 1, _RP(merged, [], None))
    elif prose:  # a paragraph -> its first sentence as the intro of a list of the others
        k = c.rng.choice(prose)
        p = c.paras[c.pos(k)]
        lid = p.unit.src[0]
        sents = p.unit.sentences
        p.unit = _RU([sents[0]], (lid,), "part")
        p.items = [_RU([s], (lid,), "part") for s in sents[1:]]
    else:
        return False
    c.take([k])
    return True


def e_replace(c: _Copy) -> bool:
    ks = [p.k for p in c.paras if c.free(p.k) and not p.items]
    if not ks:
        return False
    k = c.rng.choice(ks)
    assert k is not None
    i = c.pos(k)
    c.paras[i] = _RP(_RU(split_sentences(c.rng.choice(NEW_PARAS)), (), "new"), [], None)
    c.take([k])
    return True


def _move(c: _Copy, i: int, count: int, dist: int) -> bool:
    """Move paras[i:i+count] past `dist` paragraphs (forward if room, else backward)."""
    run = c.paras[i:i + count]
    rest = c.paras[:i] + c.paras[i + count:]
    fwd, back = i + dist, i - dist
    options = [t for t in (fwd, back) if 1 <= t <= len(rest)]
    if not options:
        return False
    t = c.rng.choice(options)
    c.paras = rest[:t] + run + rest[t:]
    for p in run:
        for u in (p.unit, *p.items):
            u.moved = True
    return True


def e_decoy(c: _Copy) -> bool:
    for opening, new in c.rng.sample(DECOYS, len(DECOYS)):
        k = _find(c.seed, opening)
        if k is None or not c.free(k):
            continue
        i = c.pos(k)
        decoy = _RP(_RU(split_sentences(new), (), "new"), [], None)
        after = c.paras[i + 1] if i + 1 < len(c.paras) else None
        if c.rng.random() < 0.5 and _move(c, i, 1, c.rng.randint(5, 8)):
            at = len(c.paras) if after is None else c.paras.index(after)
            c.paras.insert(at, decoy)  # the decoy takes the place the original left
        else:
            c.paras.insert(i + c.rng.randint(0, 1), decoy)
        c.take([k])
        return True
    return False


def _mergeable(c: _Copy, i: int) -> bool:
    return 0 <= i < len(c.paras) and c.free(c.paras[i].k) and not c.paras[i].items


def e_merge3(c: _Copy) -> bool:
    starts = list(range(len(c.paras)))
    for i in c.rng.sample(starts, len(starts)):
        j = i + c.rng.randint(1, 3)
        m = j + c.rng.randint(1, 3)
        if not all(_mergeable(c, x) for x in (i, j, m)):
            continue
        parts = [c.paras[x] for x in (i, j, m)]
        src = tuple(p.unit.src[0] for p in parts)
        merged = _RU([s for p in parts for s in p.unit.sentences], src, "merge")
        c.take([p.k for p in parts if p.k is not None])
        del c.paras[m], c.paras[j]
        c.paras[i] = _RP(merged, [], None)
        return True
    return False


def _thirds(sents: list[str], rng: random.Random) -> list[list[str]]:
    cut = sorted(rng.sample(range(1, len(sents)), 2))
    return [sents[:cut[0]], sents[cut[0]:cut[1]], sents[cut[1]:]]


def e_split3(c: _Copy) -> bool:
    ks = [p.k for p in c.paras if c.free(p.k) and not p.items and len(p.unit.sentences) >= 3]
    for k in c.rng.sample(ks, len(ks)):
        assert k is not None
        i = c.pos(k)
        p = c.paras[i]
        parts = _thirds(p.unit.sentences, c.rng)
        if any(_words(s) < MIN_WORDS for s in parts):
            continue
        lid = p.unit.src[0]
        rps = [_RP(_RU(s, (lid,), "part"), [], None) for s in parts]
        g1, g2 = c.rng.randint(1, 3), c.rng.randint(1, 3)
        if i + 1 + g1 > len(c.paras):
            continue
        c.paras[i] = rps[0]
        c.paras.insert(i + 1 + g1, rps[1])
        if c.rng.random() < 0.5 and i - g2 >= 1:
            c.paras.insert(i - g2, rps[2])  # the third part ahead of the first
        else:
            c.paras.insert(min(i + 2 + g1 + g2, len(c.paras)), rps[2])
        c.take([k])
        return True
    return False


def e_reorder(c: _Copy) -> bool:
    count = c.rng.choice((1, 2, 3))
    starts = [i for i in range(1, len(c.paras) - count + 1)
              if all(c.free(p.k) for p in c.paras[i:i + count])]
    if not starts:
        return False
    i = c.rng.choice(starts)
    ks = [p.k for p in c.paras[i:i + count] if p.k is not None]
    dist = c.rng.randint(5, 9) if count == 1 else c.rng.randint(max(4, count + 1), 8)
    if not _move(c, i, count, dist):
        return False
    c.take(ks)
    return True


Edit = Callable[[_Copy], bool]
EDITS: dict[str, Edit] = {
    "twins": e_twins, "paraphrase": e_paraphrase, "exchange": e_exchange, "list": e_list,
    "replace": e_replace, "decoy": e_decoy, "merge3": e_merge3, "split3": e_split3,
    "reorder": e_reorder,
}
KINDS = tuple(EDITS)
MIN_KINDS = 3


# --- generation ------------------------------------------------------------------------------


def augmented(blocks: list[Block]) -> tuple[list[Block], tuple[int, ...]]:
    """The seed with the calendar of near-twins before its last paragraph, and their indices."""
    at = max(len(blocks) - 1, 0)
    twins = [Block([TWIN.format(noun, YEAR)]) for noun in TWIN_NOUNS]
    return blocks[:at] + twins + blocks[at:], tuple(range(at, at + len(twins)))


def _seed_copy(seed: list[Block], copy: int) -> list[_RP]:
    paras = []
    for k, b in enumerate(seed):
        pid = f"para_{copy * len(seed) + k + 1}"
        items = [_RU(list(it), (f"{pid}__item_{m}",)) for m, it in enumerate(b.items, 1)]
        paras.append(_RP(_RU(list(b.sentences), (pid,)), items, k))
    return paras


def _revise_copy(c: _Copy) -> tuple[str, ...]:
    e_preamble(c)
    drawn = c.rng.sample(KINDS, c.rng.randint(MIN_KINDS, 5))
    done = [k for k in KINDS if k in drawn and EDITS[k](c)]
    for k in c.rng.sample(KINDS, len(KINDS)):  # top up when some found no unit
        if len(done) >= MIN_KINDS:
            break
        if k not in done and EDITS[k](c):
            done.append(k)
    return tuple(sorted(done, key=KINDS.index))


def revise(blocks: list[Block], n: int, seed: int) -> Revision:
    """Left: `n` copies of the augmented seed; right: each copy revised; the truth."""
    rng = random.Random(seed)
    aug, twins = augmented(blocks)
    left = build_declaration("benchgen5-left", [b for _ in range(n) for b in aug],
                             "Benchmark left (illustrative)")
    paras: list[_RP] = []
    kinds = []
    blocked: frozenset[int] = frozenset()
    for copy in range(n):
        c = _Copy(_seed_copy(aug, copy), rng, aug, blocked, twins)
        kinds.append(_revise_copy(c))
        paras.extend(c.paras)
        blocked = frozenset(c.structural)
    blocks_r = [Block(p.unit.sentences, [it.sentences for it in p.items]) for p in paras]
    right = build_declaration("benchgen5-right", blocks_r, "Benchmark right (illustrative)")
    raw, intent = _raw_truth(left, [u for p in paras for u in (p.unit, *p.items)],
                             [u.id for u in right.units()])
    return Revision(left, right, resolve(raw, intent, left, right), tuple(kinds))


def generate(blocks: list[Block], n: int, seed: int) -> tuple[Declaration, Declaration, Truth]:
    """Left: `n` copies of the augmented seed; right: each copy revised; the truth."""
    r = revise(blocks, n, seed)
    return r.left, r.right, r.truth


def _raw_truth(left: Declaration, units: list[_RU], ids: list[str]) -> tuple[Truth, Truth]:
    """The relations by construction (1:1 pairs all ``moved`` until `resolve` orders them), and
    the generator's own reading of its moves, as a prediction to break ties with."""
    lpos = {u.id: i for i, u in enumerate(left.units())}
    truth: Truth = set()
    intent: Truth = set()
    parts: dict[str, list[str]] = {}
    used: set[str] = set()
    for u, rid in zip(units, ids, strict=True):
        used.update(u.src)
        if u.tag == "one":
            truth.add(("moved", u.src, (rid,)))
            intent.add(("moved" if u.moved else "in order", u.src, (rid,)))
        elif u.tag == "part":
            parts.setdefault(u.src[0], []).append(rid)
        elif u.tag == "merge":
            truth.add(("merged", tuple(sorted(u.src, key=lpos.__getitem__)), (rid,)))
        else:
            truth.add(("added", (), (rid,)))
    truth.update(("split", (lid,), tuple(rids)) for lid, rids in parts.items())
    truth.update(("removed", (lid,), ()) for lid in lpos if lid not in used)
    return truth, intent
