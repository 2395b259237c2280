"""Stress generator: a second, independent benchmark of the alignment stage, with hard edits.

Part of the benchmark (not of the pipeline); written separately from `bench.benchgen` with another
edit model, so the aligner is not only measured on the edits it was tuned on. The left side is
N copies of a "session": the seed's paragraphs plus a block of formulaic paragraphs written for
this module (near-duplicates such as "The SCO member states support ..." with fields drawn per
copy, a paragraph repeated word for word, a list, long multi-sentence paragraphs). Each copy is
edited with a seeded `random.Random` by a random plan of operations, several of which may hit
the same paragraph:

- text edits: light rewording, heavy rewording (40-60% of the words changed: synonyms, dropped
  and added words, clauses of a sentence reordered), a sentence inserted into or deleted from a
  long paragraph, punctuation/quote/no-break-space/NFD-only changes, case-only changes;
- structure: deletion, insertion of a new paragraph, replacement by unrelated text (removed +
  added, not reworded), splits into 2 or 3 (one part possibly reworded), merges of 2 or 3
  (possibly reworded), moves by 1-2 positions and to the far end of the copy (possibly
  reworded, possibly next to a deletion or an insertion), list items added, removed, moved,
  reworded.

The relation of a 1:1 pair is computed from the texts (`normalize.match_key` equal: unchanged,
else reworded; moved when moved). Where the truth is not unique by construction, both answers
are accepted: a move by one position over one untouched neighbour is equally "the neighbour
moved" (`Truth2.alternatives`), and units of a removed or moved pair whose text occurs more than
once on their side are interchangeable with their twins (`score`). Edits that would make the
truth depend on arbitrary tie-breaks are not generated: a repeated paragraph is never deleted,
moved or passed over by a one-place move; the paragraphs a move passes over keep their words
(punctuation-only edits, deletions and splits only, and at least two stay whole); moves do not
cross; a far move stops one paragraph short of the copy's end, away from the next copy's twin.

`paraphrase` makes the "independent rendering" case instead: every unit reworded heavily, in
the same order. Everything generated is marked ``illustrative``.
"""

from __future__ import annotations

import difflib
import random
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from ..alignment.normalize import match_key
from ..model import Declaration
from .benchgen import Block, build_declaration

PairKey = tuple[str, tuple[str, ...], tuple[str, ...]]

# --- illustrative texts written for this generator ---------------------------------------------

FIELDS = (
    "transport corridors", "digital trade", "seismic monitoring", "water management",
    "higher education", "public health", "customs procedures", "railway links",
    "disaster relief", "youth exchanges", "food safety", "renewable energy", "tourism",
    "agriculture", "archival cooperation", "sports events", "the Ürümqi trade fair",
    "veterinary control", "mountain ecosystems", "civil aviation",
)

FORMULAIC = "The SCO member states support the development of cooperation in {field}."
REPEATED = "The member states reaffirm their commitment to the goals and principles of the Charter."
LIST_HEAD = "The heads of state agreed to take the following steps:"
LIST_ITEM = "expand practical cooperation in {field};"
LONG = (
    "The member states reviewed the work of the permanent bodies during the past year.",
    "They noted that the regional anti-terrorist structure had improved its information base.",
    "The Secretariat prepared a report on the implementation of earlier decisions.",
    "The ministers of justice held their first meeting and agreed on a plan of work.",
    "The member states welcomed the progress made in the exchange of legal assistance.",
)
LONG2 = (
    "The parties discussed the situation in the world economy in detail.",
    "They agreed that trade between the member states should grow in a balanced way.",
    "The business council and the interbank association will present joint projects.",
    "Priority will be given to projects in energy, transport and telecommunications.",
)

NEW_SENTENCES = (
    "The member states will hold regular consultations of experts on {field}.",
    "A working group on {field} will be set up before the next meeting.",
    "The Secretariat is instructed to prepare proposals on {field} in due course.",
    "The heads of state welcome the pilot projects on {field} in the border regions.",
    "The ministers agreed to exchange information on {field} on a regular basis.",
)
UNRELATED = (
    "A commemorative stamp series will be issued for the anniversary of the observatory.",
    "Choir festivals took place in three mountain towns with audiences of several thousand.",
    "The library catalogue was moved to a new building near the river embankment.",
    "Bakers from five provinces exchanged recipes for flat bread baked in clay ovens.",
    "The orchestra rehearsed a symphony composed for the opening of the concert hall.",
    "Volunteers planted poplars along the canal to protect the fields from wind erosion.",
)

SYN = {
    "support": "back", "development": "expansion", "cooperation": "collaboration",
    "member": "participating", "states": "countries", "important": "significant",
    "efforts": "endeavours", "strengthening": "reinforcing", "security": "safety",
    "international": "global", "note": "stress", "stand": "are", "ready": "prepared",
    "believe": "consider", "problems": "issues", "threats": "dangers", "threat": "danger",
    "challenges": "tasks", "role": "part", "basis": "foundation", "ensuring": "securing",
    "reviewed": "examined", "work": "activity", "noted": "observed", "improved": "enhanced",
    "prepared": "drafted", "report": "review", "implementation": "execution",
    "earlier": "previous", "agreed": "decided", "plan": "programme", "welcomed": "hailed",
    "progress": "advances", "exchange": "sharing", "discussed": "considered",
    "situation": "state", "detail": "depth", "grow": "increase", "balanced": "even",
    "present": "propose", "joint": "common", "projects": "schemes", "priority": "precedence",
    "given": "accorded", "held": "convened", "first": "initial", "meeting": "session",
    "reaffirm": "confirm", "commitment": "attachment", "goals": "aims", "take": "adopt",
    "following": "subsequent", "steps": "measures", "expand": "broaden",
    "practical": "concrete", "regional": "area", "stability": "steadiness",
    "effective": "efficient", "addressing": "tackling", "consistently": "steadily",
    "strict": "rigorous", "norms": "rules", "law": "legislation", "central": "core",
    "need": "necessity", "collective": "common", "reiterate": "repeat", "open": "accessible",
    "organization": "body", "confirmed": "affirmed", "readiness": "willingness",
    "provide": "offer", "mutual": "reciprocal", "assistance": "help", "created": "built",
    "carried": "conducted", "global": "worldwide", "economic": "economical",
    "reducing": "cutting", "protecting": "shielding", "advocate": "favour",
    "creating": "building", "interests": "concerns", "participants": "parties",
    "guarantee": "ensure", "settlement": "resolution", "conflicts": "disputes",
    "encourage": "promote", "enhancing": "improving", "intend": "plan",
    "cooperate": "collaborate", "closely": "tightly", "reform": "overhaul",
    "based": "founded", "broadest": "widest", "possible": "feasible",
    "successful": "fruitful", "strategic": "key", "concluding": "finalising",
    "recognizing": "acknowledging", "rapid": "quick", "massive": "large",
    "expressing": "voicing", "concerns": "worries", "emanating": "coming",
    "energy": "power", "entire": "whole", "new": "novel", "use": "application",
    "nuclear": "atomic", "weapons": "arms", "free": "clear", "zone": "area",
}
FILLERS = ("in this regard", "as a matter of priority", "in a spirit of trust",
           "without delay", "on a regular basis", "at all levels")
DROPPABLE = frozenset(("the", "of", "all", "its", "their", "a", "an", "and", "closely",
                       "particularly", "in", "with", "also", "further", "very"))


def _case_like(src: str, word: str) -> str:
    return word[:1].upper() + word[1:] if src[:1].isupper() else word


def _split_word(w: str) -> tuple[str, str, str]:
    """Leading punctuation, the word, trailing punctuation."""
    a = 0
    while a < len(w) and not w[a].isalnum():
        a += 1
    b = len(w)
    while b > a and not w[b - 1].isalnum():
        b -= 1
    return w[:a], w[a:b], w[b:]


def changed_share(before: str, after: str) -> float:
    """Share of `before`'s words that are not kept in order in `after` (case-folded)."""
    a = [w.casefold() for w in match_key(before).split()]
    b = [w.casefold() for w in match_key(after).split()]
    if not a:
        return 1.0
    kept = sum(m.size for m in difflib.SequenceMatcher(None, a, b, autojunk=False)
               .get_matching_blocks())
    return 1.0 - kept / len(a)


def _swap_words(sentence: str, rng: random.Random, p: float) -> str:
    out = []
    for w in sentence.split(" "):
        pre, core, post = _split_word(w)
        low = core.lower()
        roll = rng.random()
        if low in SYN and roll < p:
            out.append(pre + _case_like(core, SYN[low]) + post)
        elif low in DROPPABLE and roll < p / 2 and out:
            if post:
                out[-1] += post
        else:
            out.append(w)
    return " ".join(out)


def _reorder_clauses(sentence: str, rng: random.Random) -> str:
    body, end = (sentence[:-1], sentence[-1]) if sentence[-1:] in ".;:" else (sentence, "")
    parts = [p for p in body.split(", ") if p]
    if len(parts) < 2:
        return sentence
    k = rng.randrange(1, len(parts))
    moved = parts[k:] + parts[:k]
    first = moved[0][:1].upper() + moved[0][1:]
    rest = [p[:1].lower() + p[1:] if p[:2] in ("Th", "Su", "An") else p for p in moved[1:]]
    return ", ".join([first, *rest]) + end


def reword_light(sentences: list[str], rng: random.Random) -> list[str]:
    """One to three words of one sentence replaced by synonyms (or a filler phrase added)."""
    out = list(sentences)
    k = rng.randrange(len(out))
    for p in (0.3, 0.6, 1.0):
        new = _swap_words(out[k], rng, p)
        if new != out[k] and changed_share(out[k], new) <= 0.35:
            out[k] = new
            return out
    body = out[k].rstrip(".;:")
    out[k] = f"{body}, {rng.choice(FILLERS)}{out[k][len(body):]}"
    return out


def reword_heavy(sentences: list[str], rng: random.Random, low: float = 0.4,
                 high: float = 0.6) -> list[str]:
    """Rewrite until between `low` and `high` of the words changed (best effort)."""
    before = " ".join(sentences)
    best = list(sentences)
    for attempt in range(12):
        p = 0.5 + 0.05 * attempt
        new = [_swap_words(s, rng, p) for s in sentences]
        if rng.random() < 0.6:
            new = [_reorder_clauses(s, rng) for s in new]
        share = changed_share(before, " ".join(new))
        if share < low:
            k = rng.randrange(len(new))
            body = new[k].rstrip(".;:")
            new[k] = f"{body}, {rng.choice(FILLERS)}{new[k][len(body):]}"
            share = changed_share(before, " ".join(new))
        if low <= share <= high:
            return new
        if abs(share - (low + high) / 2) < abs(changed_share(before, " ".join(best))
                                               - (low + high) / 2):
            best = new
    return best


def punctuation_only(sentences: list[str], rng: random.Random) -> list[str]:
    """Typographic quotes and dashes, no-break spaces, NFD, commas dropped: key unchanged."""
    out = []
    for s in sentences:
        s = s.replace("'", "\u2019").replace(" - ", " \u2013 ")
        s = unicodedata.normalize("NFD", s)
        words = s.split(" ")
        if len(words) > 3:
            k = rng.randrange(1, len(words) - 1)
            words[k] = words[k] + "\u00a0" + words.pop(k + 1)
        s = " ".join(words)
        s = s.replace(", ", " ", 1) if ", " in s else s.replace(" and ", ", and ", 1)
        out.append(s)
    if out == sentences:
        out[-1] = out[-1].replace(" ", "  ", 1)
    return out


def case_only(sentences: list[str], rng: random.Random) -> list[str]:
    """One or two words change case ("member states" / "Member States")."""
    out = list(sentences)
    k = rng.randrange(len(out))
    words = out[k].split(" ")
    lower = [i for i, w in enumerate(words) if w[:1].islower() and len(w) > 3]
    upper = [i for i, w in enumerate(words[1:], 1) if w[:1].isupper()]
    picks = rng.sample(lower, min(2, len(lower))) if lower else upper[:1]
    for i in picks:
        w = words[i]
        words[i] = w[:1].swapcase() + w[1:]
    out[k] = " ".join(words)
    return out


def new_sentence(rng: random.Random) -> str:
    return rng.choice(NEW_SENTENCES).format(field=_field(rng))


def _field(rng: random.Random) -> str:
    fresh: list[str] = getattr(rng, "fresh", None) or list(FIELDS)
    return rng.choice(fresh)


class _FreshRandom(random.Random):
    """The copy's random generator, with the fields new text may use."""

    def __init__(self, parent: random.Random, fresh: list[str]) -> None:
        super().__init__(parent.random())
        self.fresh = fresh


# --- the units being edited --------------------------------------------------------------------


@dataclass(eq=False)
class Part:
    """One right-hand unit being generated and where it came from."""

    sentences: list[str]
    origin: tuple[str, ...] = ()  # left unit ids
    source: str = ""  # the left text (for the 1:1 relation)
    moved: bool = False
    group: int = 0  # split parts share a group number
    items: list[Part] = field(default_factory=list)
    swap: Part | None = None  # moved by one over this untouched neighbour


@dataclass
class Slot:
    """What became of one left paragraph: the parts now in its place."""

    para: Part
    parts: list[Part]
    state: str = "clean"  # clean, edited, structural, deleted, anchor, twin
    jumped_by: list[list[Slot]] = field(default_factory=list)  # the ranges of moves over it
    twin: bool = False  # its text occurs twice in the copy: never deleted, moved, swapped
    before: list[Part] = field(default_factory=list)  # insertions before this slot


@dataclass
class Truth2:
    pairs: list[PairKey]
    alternatives: list[tuple[list[PairKey], list[PairKey]]]  # (as built, equally valid)


def session(rng: random.Random) -> list[Block]:
    """The formulaic block of one copy (four near-duplicates, a repeated paragraph, a list)."""
    fields = rng.sample(FIELDS, 9)
    near = [Block([FORMULAIC.format(field=f)]) for f in fields[:4]]
    items = [[LIST_ITEM.format(field=f)] for f in fields[4:9]]
    return [
        Block(list(LONG)), near[0], near[1], Block([REPEATED]), near[2],
        Block([REPEATED]), near[3], Block([LIST_HEAD], items), Block(list(LONG2)),
    ]


def copy_blocks(seed: Sequence[Block], rng: random.Random) -> list[Block]:
    extra = session(rng)
    cut = len(seed) // 2
    return [*seed[:cut], *extra, *seed[cut:]]


# --- generation -------------------------------------------------------------------------------

TEXT_EDITS = ("light", "heavy", "sentence+", "sentence-", "punct", "case")
EDITS_PER_COPY = 11


def generate(
    seed: Sequence[Block], copies: int, rng_seed: int
) -> tuple[Declaration, Declaration, Truth2]:
    """Left: `copies` sessions; right: each edited by a random plan; the ground truth."""
    rng = random.Random(rng_seed)
    left: list[Block] = []
    right_parts: list[Part] = []
    removed: list[PairKey] = []
    for _ in range(copies):
        blocks = copy_blocks(seed, rng)
        slots = []
        for b in blocks:
            pid = f"para_{len(left) + 1}"
            left.append(Block(list(b.sentences), [list(x) for x in b.items]))
            para = Part(list(b.sentences), (pid,), " ".join(b.sentences))
            para.items = [Part(list(x), (f"{pid}__item_{m}",), " ".join(x))
                          for m, x in enumerate(b.items, 1)]
            slots.append(Slot(para, [para]))
        _mark_twins(slots)
        right_parts.extend(edit_copy(slots, rng, removed))
    ldecl = build_declaration("stress-left", left, "Stress benchmark left (illustrative)")
    blocks_r = [Block(p.sentences, [it.sentences for it in p.items]) for p in right_parts]
    rdecl = build_declaration("stress-right", blocks_r, "Stress benchmark right (illustrative)")
    return ldecl, rdecl, _truth(right_parts, removed)


def _mark_twins(slots: list[Slot]) -> None:
    seen = Counter(match_key(" ".join(s.para.sentences)) for s in slots)
    for s in slots:
        if seen[match_key(" ".join(s.para.sentences))] > 1:
            s.state, s.twin = "twin", True


def edit_copy(slots: list[Slot], rng: random.Random, removed: list[PairKey]) -> list[Part]:
    """Apply one copy's random plan of edits; returns the right-hand paragraphs in order.

    New text takes its field from those the copy does not use, so that an insertion is not
    equally well explained as a rewording of a deleted formulaic paragraph.
    """
    text = " ".join(" ".join(s.para.sentences + [x for it in s.para.items for x in it.sentences])
                    for s in slots)
    fresh = [f for f in FIELDS if f not in text]
    rng = _FreshRandom(rng, fresh)
    ops = ["delete", "insert", "insert", "replace", "items", "stack", "stack"]
    ops += [rng.choice(TEXT_EDITS) for _ in range(EDITS_PER_COPY)]
    rng.shuffle(ops)
    first = ["far"] if rng.random() < 0.5 else []
    # moves first (what they pass over stays untouched), then splits and merges
    ops = [*first, "move", "move", "split", "merge", "merge", *ops]
    moves: list[tuple[int, int]] = []
    for op in ops:
        _apply(op, slots, rng, removed, moves)
    return _assemble(slots, moves)


def _free(slots: list[Slot], ok: tuple[str, ...] = ("clean",), plain: bool = True) -> list[int]:
    return [k for k, s in enumerate(slots)
            if s.state in ok and (not plain or not s.para.items)]


def _structural(slots: list[Slot]) -> list[int]:
    """Clean paragraphs, and paragraphs a move passed over that can go (two others stay)."""
    return [k for k, s in enumerate(slots) if not s.para.items and not s.twin and (
        s.state == "clean" or (s.state == "anchor" and all(
            sum(1 for t in rng_ if t is not s and t.state == "anchor") >= 2
            for rng_ in s.jumped_by)))]


def _apply(op: str, slots: list[Slot], rng: random.Random, removed: list[PairKey],
           moves: list[tuple[int, int]]) -> None:
    if op in TEXT_EDITS:
        _text_edit(op, slots, rng)
    elif op == "stack":  # two text edits on one paragraph
        ks = _free(slots, ("clean", "twin"))
        if ks:
            k = rng.choice(ks)
            for e in rng.sample(("light", "sentence+", "punct", "case"), 2):
                _edit_text(slots[k].para, e, rng)
            slots[k].state = "edited"
    elif op in ("move", "far"):
        _move(op, slots, rng, moves)
    elif op in ("delete", "replace"):
        ks = _structural(slots)
        if ks:
            k = rng.choice(ks)
            s = slots[k]
            removed.append(("removed", s.para.origin, ()))
            s.parts = [Part([rng.choice(UNRELATED)])] if op == "replace" else []
            s.state = "deleted"
    elif op == "insert":
        k = rng.randrange(len(slots))
        slots[k].before.append(Part([new_sentence(rng)] * 1))
    elif op == "split":
        _split(slots, rng)
    elif op == "merge":
        _merge(slots, rng)
    elif op == "items":
        _items(slots, rng, removed)


def _edit_text(p: Part, e: str, rng: random.Random) -> None:
    if e == "light":
        p.sentences = reword_light(p.sentences, rng)
    elif e == "heavy":
        p.sentences = reword_heavy(p.sentences, rng)
    elif e == "sentence+":
        k = rng.randrange(1, len(p.sentences) + 1)
        p.sentences = [*p.sentences[:k], new_sentence(rng), *p.sentences[k:]]
    elif e == "sentence-" and len(p.sentences) >= 3:
        k = rng.randrange(1, len(p.sentences))
        p.sentences = p.sentences[:k] + p.sentences[k + 1 :]
    elif e == "punct":
        p.sentences = punctuation_only(p.sentences, rng)
    elif e == "case":
        p.sentences = case_only(p.sentences, rng)


def _text_edit(e: str, slots: list[Slot], rng: random.Random) -> None:
    need = 3 if e in ("sentence+", "sentence-") else 1
    ok = ("clean", "twin", "anchor") if e == "punct" else ("clean", "twin")
    ks = [k for k in _free(slots, ok) if len(slots[k].para.sentences) >= need]
    if ks:
        k = rng.choice(ks)
        _edit_text(slots[k].para, e, rng)
        slots[k].state = "anchor" if slots[k].state == "anchor" else "edited"


def _move(op: str, slots: list[Slot], rng: random.Random, moves: list[tuple[int, int]]) -> None:
    """Move a paragraph (maybe reworded) by 1-2 places, or to the far end of the copy."""
    n = len(slots)
    cands = []
    for k in _free(slots):
        far = [1] if k > n // 2 else [n - 1]  # not next to the neighbouring copy's twin
        dests = far if op == "far" else [k - 2, k - 1, k + 2, k + 3]
        for d in dests:
            if 0 <= d <= n and d not in (k, k + 1) and _can_jump(slots, k, d, moves):
                cands.append((k, d))
    if not cands:
        return
    k, d = rng.choice(cands)
    s = slots[k]
    s.para.moved = True
    if rng.random() < 0.4:
        s.para.sentences = reword_light(s.para.sentences, rng)
    s.state = "structural"
    lo, hi = (d, k) if d < k else (k + 1, d)
    jumped = [slots[t] for t in range(lo, hi)]
    for t in jumped:
        t.jumped_by.append(jumped)
        if t.state in ("clean", "twin"):
            t.state = "anchor"
    alive = [t for t in jumped if t.parts]
    if len(alive) == 1:
        s.para.swap = alive[0].para
    moves.append((k, d))


def _can_jump(slots: list[Slot], k: int, d: int, moves: list[tuple[int, int]]) -> bool:
    lo, hi = (d, k) if d < k else (k + 1, d)
    span = range(min(lo, k), max(hi, k + 1))
    for a, b in moves:
        if set(span) & set(range(min(a, b), max(a, b + 1))):
            return False
    jumped = slots[lo:hi]
    if hi - lo == 1 and jumped[0].twin:  # "which of the two moved" would depend on the twin
        return False
    if any(t.state not in ("clean", "twin", "anchor", "deleted") for t in jumped):
        return False
    if any(t.before for t in slots[lo + 1 : hi]):
        return False
    return sum(1 for t in jumped if t.parts and not t.para.moved) >= (1 if hi - lo == 1 else 2)


def _split(slots: list[Slot], rng: random.Random) -> None:
    ks = [k for k in _structural(slots) if len(slots[k].para.sentences) >= 2]
    if not ks:
        return
    k = rng.choice(ks)
    s, sents = slots[k], slots[k].para.sentences
    ways = 3 if len(sents) >= 3 and rng.random() < 0.6 else 2
    cuts = sorted(rng.sample(range(1, len(sents)), ways - 1))
    bounds = [0, *cuts, len(sents)]
    group = int(s.para.origin[0].removeprefix("para_"))  # unique: one split per paragraph
    parts = [Part(sents[a:b], s.para.origin, group=group) for a, b in pairwise(bounds)]
    if rng.random() < 0.5:
        p = rng.choice(parts)
        p.sentences = reword_light(p.sentences, rng)
    s.parts = parts
    s.state = "structural"


def _merge(slots: list[Slot], rng: random.Random) -> None:
    for ways in ((3, 2) if rng.random() < 0.5 else (2,)):
        ks = [k for k in range(len(slots) - ways + 1)
              if all(slots[k + t].state == "clean" and not slots[k + t].para.items
                     and not slots[k + t].before[:1] for t in range(1, ways))
              and slots[k].state == "clean" and not slots[k].para.items]
        if ks:
            k = rng.choice(ks)
            group = slots[k : k + ways]
            sents = [x for g in group for x in g.para.sentences]
            if rng.random() < 0.4:
                sents = reword_light(sents, rng)
            merged = Part(sents, tuple(o for g in group for o in g.para.origin))
            merged.group = -1
            group[0].parts = [merged]
            for g in group:
                g.state = "structural"
            for g in group[1:]:
                g.parts = []
            return


def _items(slots: list[Slot], rng: random.Random, removed: list[PairKey]) -> None:
    ks = [k for k in _free(slots, ("clean", "twin", "edited", "anchor"), plain=False)
          if slots[k].para.items]
    if not ks:
        return
    para = slots[rng.choice(ks)].para
    items = para.items
    op = rng.choice(("add", "remove", "move", "reword", "add+move"))
    if "move" in op and len(items) >= 3:
        k = rng.randrange(len(items))
        d = rng.choice([t for t in range(len(items) + 1) if abs(t - k) >= 2 and t != k + 1]
                       or [len(items)])
        it = items[k]
        it.moved = True
        if d - k in (2, -1):
            it.swap = items[k + 1] if d > k else items[k - 1]
        items.insert(d, it)
        del items[k if d > k else k + 1]
        if rng.random() < 0.4:
            it.sentences = reword_light(it.sentences, rng)
    if op == "remove" and len(items) >= 2:
        k = rng.randrange(len(items))
        removed.append(("removed", items[k].origin, ()))
        del items[k]
    if op.startswith("add"):
        field_ = _field(rng)
        items.insert(rng.randrange(len(items) + 1), Part([LIST_ITEM.format(field=field_)
                                                          .replace("expand", "deepen")]))
    if op == "reword":
        it = rng.choice(items)
        it.sentences = reword_light(it.sentences, rng)


def _assemble(slots: list[Slot], moves: list[tuple[int, int]]) -> list[Part]:
    moved_from = {k for k, _ in moves}
    dest: dict[int, list[Part]] = {}
    for k, d in moves:
        dest.setdefault(d, []).extend(slots[k].parts)
    out: list[Part] = []
    for k, s in enumerate(slots):
        out.extend(s.before)
        out.extend(dest.get(k, []))
        if k not in moved_from:
            out.extend(s.parts)
    out.extend(dest.get(len(slots), []))
    return out


# --- ground truth and scoring -------------------------------------------------------------------


def _one(p: Part, rid: str) -> PairKey:
    if not p.origin:
        return ("added", (), (rid,))
    if p.moved:
        return ("moved", p.origin, (rid,))
    same = match_key(p.source) == match_key(" ".join(p.sentences))
    return ("unchanged" if same else "reworded", p.origin, (rid,))


def _truth(parts: list[Part], removed: list[PairKey]) -> Truth2:
    pairs: list[PairKey] = list(removed)
    ids: dict[int, str] = {}
    flat: list[tuple[Part, str]] = []
    splits: dict[int, list[str]] = {}
    split_origin: dict[int, tuple[str, ...]] = {}
    for n, p in enumerate(parts, 1):
        pid = f"para_{n}"
        if p.group > 0:
            splits.setdefault(p.group, []).append(pid)
            split_origin[p.group] = p.origin
        elif p.group < 0:
            pairs.append(("merged", p.origin, (pid,)))
        else:
            flat.append((p, pid))
        for m, it in enumerate(p.items, 1):
            flat.append((it, f"{pid}__item_{m}"))
    for g, rids in splits.items():
        pairs.append(("split", split_origin[g], tuple(rids)))
    for p, rid in flat:
        ids[id(p)] = rid
    alternatives = []
    for p, rid in flat:
        if p.swap is not None and id(p.swap) in ids:
            other = p.swap
            as_built = [_one(p, rid), _one(other, ids[id(other)])]
            p.moved, other.moved = False, True
            alternatives.append((as_built, [_one(p, rid), _one(other, ids[id(other)])]))
            p.moved, other.moved = True, False
    swapped = {id(x) for p, _ in flat if p.swap is not None and id(p.swap) in ids
               for x in (p, p.swap)}
    pairs.extend(_one(p, rid) for p, rid in flat if id(p) not in swapped)
    for p, _ in flat:
        if p.origin and not p.source:
            raise AssertionError("a part with an origin lost its source text")
    return Truth2(pairs, alternatives)


RELATIONS = ("unchanged", "reworded", "moved", "split", "merged", "removed", "added")


def score(pred: Sequence[PairKey], truth: Truth2, left: Declaration, right: Declaration
          ) -> dict[str, tuple[float, float, float, int]]:
    """(precision, recall, F1, support) per relation and "overall", accepting either answer of
    each alternative and twins of removed/added/moved units (see the module docstring)."""
    chosen = list(truth.pairs)
    pset = set(pred)
    for built, other in truth.alternatives:
        chosen.extend(other if len(pset & set(other)) > len(pset & set(built)) else built)
    canon = _canonical(chosen, left, right)
    t = Counter(canon(x) for x in chosen)
    p = Counter(canon(x) for x in pred)
    out = {}
    for rel in (*RELATIONS, "overall"):
        tt = Counter({k: v for k, v in t.items() if rel in ("overall", k[0])})
        pp = Counter({k: v for k, v in p.items() if rel in ("overall", k[0])})
        hit = sum((tt & pp).values())
        np_, nt = sum(pp.values()), sum(tt.values())
        prec = hit / np_ if np_ else 1.0
        rec = hit / nt if nt else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[rel] = (prec, rec, f1, nt)
    return out


def _canonical(truth: list[PairKey], left: Declaration, right: Declaration):  # type: ignore[no-untyped-def]
    lkey = {u.id: match_key(u.text) for u in left.units()}
    rkey = {u.id: match_key(u.text) for u in right.units()}
    lcount, rcount = Counter(lkey.values()), Counter(rkey.values())
    free_l = {i for rel, ls, _ in truth if rel in ("removed", "moved") for i in ls}
    free_r = {j for rel, _, rs in truth if rel in ("added", "moved") for j in rs}
    free_l = {i for i in free_l if lcount[lkey[i]] > 1}
    free_r = {j for j in free_r if rcount[rkey[j]] > 1}

    def canon(x: PairKey) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        rel, ls, rs = x
        return (rel, tuple("=" + lkey[i] if i in free_l else i for i in ls),
                tuple("=" + rkey[j] if j in free_r else j for j in rs))

    return canon


def paraphrase(seed: Sequence[Block], rng_seed: int) -> tuple[Declaration, Declaration, Truth2]:
    """An independent rendering: every unit reworded heavily (40-60%), order kept."""
    rng = random.Random(rng_seed)
    blocks = copy_blocks(seed, rng)
    left = build_declaration("para-left", blocks, "Paraphrase left (illustrative)")
    out = [Block(reword_heavy(b.sentences, rng),
                 [reword_heavy(x, rng) for x in b.items]) for b in blocks]
    right = build_declaration("para-right", out, "Paraphrase right (illustrative)")
    pairs: list[PairKey] = []
    for lu, ru in zip(left.units(), right.units(), strict=True):
        rel = "unchanged" if match_key(lu.text) == match_key(ru.text) else "reworded"
        pairs.append((rel, (lu.id,), (ru.id,)))
    return left, right, Truth2(pairs, [])
