"""Step 5d, evidence between renderings: where the whole document pair is weakly alike (two
translations of one text), a weak pair needs evidence, and a clause that moved is found.

The document pair's level is the median similarity of its changed one-to-one matches; below
`WEAK`, or when the median of all its one-to-one matches (unchanged ones counting 1.0) is below
`RENDERED` (`rendered`: no paragraph kept word for word, as in a long formulaic translation whose
shared openings lift the level), the two texts are independent renderings and order alone has
paired many units. Then:

- a one-to-one pair that shares only a frame (`on_frame`: runs of `FRAME` words in a row cover
  half of each text, and beyond them the two share nothing and name different things) is two
  clauses built on one formula and is undone; a year or a rare word inside the frame is no
  evidence, and the other rules below never pair such two again;

- a weak pair (below half the level, and below `LOW` x threshold) gives way when one of its
  units has a free counterpart more than twice as similar (and at least half the level) that
  shares a rare word with it: that counterpart is its rendering,
  moved, and the other unit of the weak pair is left unpaired (an unrelated pair is never
  *reworded* while the true counterpart is listed as added);
- two free units that are each other's best free match, at least half the level alike and
  sharing a rare word (a number, a name, any word found in at most two texts of the pair),
  are a rendering moved; below half the level (but at least `LOW` x threshold / 2) too when
  each is the other's most similar unit in the whole other text and the rare word they share
  is no number (a clause rendered loosely and moved far: figures and years recur across a
  text, a subject does not). Never two that each name something the other does not
  (`names_differ`: translators keep names; two clauses opening on one phrase, about a council
  and about a city, are an insertion and a deletion).
"""

from __future__ import annotations

import math

from ...model import Unit
from ..normalize import key_words
from ..similarity import Index, Weighted, cosine, without_pairs
from .params import FLOOR, FRAME, LOW, MAX_DF, RENDERED, TOP_K, WEAK
from .state import Match, State


def level(st: State) -> float:
    """Median similarity of the changed one-to-one matches; 1.0 when fewer than three."""
    sims = sorted(m.similarity for m in st.matches
                  if len(m.left) == len(m.right) == 1 and m.kind != "exact")
    return sims[len(sims) // 2] if len(sims) >= 3 else 1.0


def rendered(st: State) -> bool:
    """Whether the document pair reads as two renderings of one text: the median similarity
    of all its one-to-one matches, unchanged ones counting 1.0, is below `RENDERED` (at least
    three of them)."""
    sims = sorted(m.similarity for m in st.matches if len(m.left) == len(m.right) == 1)
    return len(sims) >= 3 and sims[len(sims) // 2] < RENDERED


def renderings_evidence(st: State) -> int:
    """Apply both rules where the document pair is two renderings (`rendered`, or its level
    below `WEAK`); returns pairs changed."""
    lvl = level(st)
    if lvl >= WEAK and not rendered(st):
        return 0
    return _frame_only(st) + _give_way(st, lvl) + _moved_renderings(st, lvl)


def _free(st: State) -> tuple[list[int], list[int]]:
    return ([i for i, m in enumerate(st.lpair) if m is None],
            [j for j, m in enumerate(st.rpair) if m is None])


def _best(vec: Weighted, members: list[int], index: Index, other: list[Weighted]
          ) -> tuple[float, int]:
    """The most similar member (similarity, index), lowest index on ties; (0, -1) if none."""
    best = (0.0, -1)
    for k in sorted(members[x] for x in index.candidates(vec, TOP_K)):
        s = cosine(vec, other[k])
        if s > best[0]:
            best = (s, k)
    return best


def _give_way(st: State, lvl: float) -> int:
    free_l, free_r = _free(st)
    vl = [st.vec_l(i) for i in range(len(st.lu))]
    vr = [st.vec_r(j) for j in range(len(st.ru))]
    idx_l, idx_r = Index([vl[i] for i in free_l], MAX_DF), Index([vr[j] for j in free_r], MAX_DF)
    weak, floor = min(LOW * st.threshold, lvl / 2), lvl / 2
    plans = []
    for n, m in enumerate(st.matches):
        if m.kind != "gap" or len(m.left) != 1 or len(m.right) != 1 or m.similarity >= weak:
            continue
        i, j = m.left[0], m.right[0]
        s_r, alt_r = _best(vl[i], free_r, idx_r, vr)
        s_l, alt_l = _best(vr[j], free_l, idx_l, vl)
        for s, pair in ((s_r, (i, alt_r)), (s_l, (alt_l, j))):
            if s >= floor and s > 2 * m.similarity and pair[0] >= 0 and pair[1] >= 0 \
                    and shares_rare(st, vl[pair[0]], vr[pair[1]]) and not on_frame(st, *pair):
                plans.append((-s, pair, n))
    changed, undone = 0, set()
    for neg, (i, j), n in sorted(plans):
        m = st.matches[n]
        if n in undone or st.lpair[i] not in (None, m) or st.rpair[j] not in (None, m):
            continue
        undone.add(n)
        st.lpair[m.left[0]] = st.rpair[m.right[0]] = None
        st.add(Match([i], [j], -neg, "move"))
        changed += 1
    st.matches = [m for n, m in enumerate(st.matches) if n not in undone]
    return changed


def _moved_renderings(st: State, lvl: float) -> int:
    free_l, free_r = _free(st)
    if not free_l or not free_r:
        return 0
    vl = [st.vec_l(i) for i in range(len(st.lu))]
    vr = [st.vec_r(j) for j in range(len(st.ru))]
    idx_l, idx_r = Index([vl[i] for i in free_l], MAX_DF), Index([vr[j] for j in free_r], MAX_DF)
    every_l, every_r = list(range(len(st.lu))), list(range(len(st.ru)))
    all_l, all_r = Index(vl, MAX_DF), Index(vr, MAX_DF)
    made = 0
    for i in free_l:
        s, j = _best(vl[i], free_r, idx_r, vr)
        if j < 0 or s < LOW * st.threshold / 2 or st.rpair[j] is not None:
            continue
        if _best(vr[j], free_l, idx_l, vl)[1] != i or not shares_rare(st, vl[i], vr[j]) \
                or on_frame(st, i, j) or names_differ(st, i, j):
            continue
        if s < lvl / 2 and not (  # below the pair's level: alike in subject, best anywhere
                shares_rare(st, vl[i], vr[j], words=True)
                and _best(vl[i], every_r, all_r, vr)[1] == j
                and _best(vr[j], every_l, all_l, vl)[1] == i):
            continue
        st.add(Match([i], [j], s, "move"))
        made += 1
    return made


def shares_rare(st: State, a: Weighted, b: Weighted, words: bool = False) -> bool:
    """Whether two texts share a rare word: a number, or a word (not a prefix or pair) whose
    idf says it is in at most two distinct texts of the pair; with `words`, a number does not
    count (figures and years recur across the paragraphs of one text: they name no
    subject)."""
    high = st.space.default_idf - math.log(2)
    for f in a.weights:
        if f in b.weights and " " not in f and not f.startswith("^") and (
                (f.isdigit() and not words) or (
                    not f.isdigit() and st.space.idf.get(f, 0.0) >= high - 1e-9)):
            return True
    return False


def _frame_only(st: State) -> int:
    """Undo the one-to-one pairs that share only a frame (`on_frame`); returns pairs undone."""
    undone = {n for n, m in enumerate(st.matches) if m.kind != "exact" and len(m.left) == 1
              and len(m.right) == 1 and on_frame(st, m.left[0], m.right[0])}
    for n in sorted(undone):
        m = st.matches[n]
        st.lpair[m.left[0]] = st.rpair[m.right[0]] = None
    st.matches = [m for n, m in enumerate(st.matches) if n not in undone]
    return len(undone)


def on_frame(st: State, i: int, j: int) -> bool:
    """Whether left unit i and right unit j share a frame and nothing else: runs of `FRAME` or
    more words in a row, found in both, cover at least half the words of each; outside them
    the two share no feature of weight (cosine below `FLOOR` x threshold, no rare word), and
    each names something (a capitalised word not opening a sentence) that the other does not
    name (nor abbreviates by its initials). Two clauses built on one formula about different
    named things ("the Fund for the Crafts ..." / "the Fund for the Protection of Pastures
    ..."), not one clause in two renderings."""
    a, b = key_words(st.lu[i].text), key_words(st.ru[j].text)
    in_a, in_b = _framed(a, b), _framed(b, a)
    if 2 * len(in_a) < len(a) or 2 * len(in_b) < len(b):
        return False
    rest_a = " ".join(w for k, w in enumerate(a) if k not in in_a)
    rest_b = " ".join(w for k, w in enumerate(b) if k not in in_b)
    va, vb = st.space.vector(rest_a), st.space.vector(rest_b)
    if cosine(without_pairs(va), without_pairs(vb)) >= FLOOR * st.threshold \
            or shares_rare(st, va, vb):
        return False
    names_a, names_b = _names(st.lu[i], in_a), _names(st.ru[j], in_b)
    if not names_a or not names_b:
        return False
    flat_a, flat_b = {w for n in names_a for w in n}, {w for n in names_b for w in n}
    return not (flat_a & flat_b or flat_a & _initials(names_b) or flat_b & _initials(names_a))


def names_differ(st: State, i: int, j: int) -> bool:
    """Whether left unit i and right unit j each name something the other does not
    (`names_known` fails both ways). Translators keep names: a "Business Council" in one and
    an "Urumqi" in the other are two clauses built on one phrase."""
    return not names_known(st.lu[i], st.ru[j]) and not names_known(st.ru[j], st.lu[i])


def names_known(unit: Unit, other: Unit) -> bool:
    """Whether every word of a name in `unit` (a capitalised word not opening a sentence) is
    found in `other`: as a word, by its first five letters ("Russia" / "Russian"), or as the
    initials of a name there ("SCO" for "Shanghai Cooperation Organisation")."""
    words = {w.casefold() for s in other.sentences for w in key_words(s.text)}
    known = words | {w[:5] for w in words} | _initials(_names(other, set()))
    return all(w in known or w[:5] in known for n in _names(unit, set()) for w in n)


def _names(unit: Unit, framed: set[int]) -> list[tuple[str, ...]]:
    """Runs of capitalised words outside `framed` that do not open a sentence (casefolded)."""
    out: list[tuple[str, ...]] = []
    run: list[str] = []
    k = 0
    for sentence in unit.sentences:
        for n, w in enumerate(key_words(sentence.text)):
            if n > 0 and k not in framed and w[:1].isupper():
                run.append(w.casefold())
            elif run:
                out.append(tuple(run))
                run = []
            k += 1
    if run:
        out.append(tuple(run))
    return out


def _initials(names: list[tuple[str, ...]]) -> set[str]:
    """The initials of each run of two or more names ("Shanghai Cooperation Organisation" ->
    "sco")."""
    return {"".join(w[0] for w in n) for n in names if len(n) > 1}


def _framed(a: list[str], b: list[str]) -> set[int]:
    """Positions of `a` inside a run of `FRAME` words found in a row in `b` (casefolded)."""
    fa, fb = [w.casefold() for w in a], [w.casefold() for w in b]
    grams = {tuple(fb[k:k + FRAME]) for k in range(len(fb) - FRAME + 1)}
    out: set[int] = set()
    for k in range(len(fa) - FRAME + 1):
        if tuple(fa[k:k + FRAME]) in grams:
            out.update(range(k, k + FRAME))
    return out
