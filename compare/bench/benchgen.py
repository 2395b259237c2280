"""Benchmark generator: seeded, edited versions of the seed declaration with their ground truth.

Part of the benchmark (not of the pipeline). The left side is N copies of the seed's paragraphs
concatenated (ids numbered through, so unique per copy); the right side edits every copy with a
seeded `random.Random`: one deletion, one insertion of a new clause written from templates in
this module, three rewordings (synonym swaps, an inserted or a dropped word), one move (three
to `MOVE_MAX` paragraphs away), one split and one merge. The ground truth is the set of
``(relation, left ids, right ids)`` that `align` should produce. Every generated document is
marked ``illustrative``. `build_declaration` makes a `Declaration` from plain sentences (also
used by tests); `seed_blocks` reads the seed from the corpus XML or, failing that, a text file.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Declaration, Item, Meta, Paragraph, Sentence

Truth = set[tuple[str, tuple[str, ...], tuple[str, ...]]]


@dataclass
class Block:
    """A paragraph being generated: sentences, items, and where each unit came from."""

    sentences: list[str]
    items: list[list[str]] = field(default_factory=list)
    origin: tuple[str, ...] = ()  # left unit ids of the paragraph unit
    relation: str = "unchanged"
    item_origin: list[tuple[str, str]] = field(default_factory=list)  # (left id, relation)


_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u0410-\u042f\"\u201c])")


def split_sentences(text: str) -> list[str]:
    """A naive English/Russian sentence splitter (the generator's own texts only)."""
    return [s for s in _SENT.split(text.strip()) if s]


def build_declaration(
    decl_id: str, blocks: Sequence[Block], title: str = "", status: str = "illustrative"
) -> Declaration:
    """A declaration whose paragraphs are `blocks`, ids para_N, para_N__item_M, ..._s_K."""
    paras = []
    for n, b in enumerate(blocks, 1):
        pid = f"para_{n}"
        items = tuple(
            Item(f"{pid}__item_{m}", None, _sentences(f"{pid}__item_{m}", sents))
            for m, sents in enumerate(b.items, 1)
        )
        paras.append(Paragraph(pid, str(n), _sentences(pid, b.sentences), items))
    meta = Meta(id=decl_id, title=title or decl_id, kind="declaration", status=status)
    return Declaration(meta, tuple(paras))


def _sentences(uid: str, texts: Sequence[str]) -> tuple[Sentence, ...]:
    return tuple(Sentence(f"{uid}__s_{k}", t) for k, t in enumerate(texts, 1))


def declaration_from_text(decl_id: str, text: str, title: str = "") -> Declaration:
    """Paragraphs separated by blank lines; lines starting with "- " are items (tests, bench)."""
    return build_declaration(decl_id, parse_blocks(text), title)


def parse_blocks(text: str) -> list[Block]:
    """Blocks from plain text; a paragraph without final punctuation runs on into the next."""
    blocks: list[Block] = []
    carry = ""
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = [ln.strip() for ln in chunk.strip().splitlines() if ln.strip()]
        if not lines:
            continue
        if all(ln.startswith("- ") for ln in lines) and blocks:
            blocks[-1].items.extend([ln[2:]] for ln in lines)
            continue
        para = " ".join(ln for ln in lines if not ln.startswith("- "))
        para = f"{carry} {para}".strip()
        if not re.search(r"[.:;!?\"\u201d\u3002]$", para):
            carry = para
            continue
        carry = ""
        items = [[ln[2:]] for ln in lines if ln.startswith("- ")]
        blocks.append(Block(split_sentences(para), items))
    return blocks


def seed_blocks(path: Path) -> list[Block]:
    """The seed as blocks: from the corpus XML (via `xmlio`) or from a plain-text file."""
    if path.suffix == ".xml":
        from ..store.xmlio import load

        decl = load(path)
        return [Block([s.text for s in p.sentences], [[s.text for s in it.sentences]
                                                      for it in p.items]) for p in decl.paragraphs]
    text = path.read_text(encoding="utf-8")
    blocks = parse_blocks(text)
    return [b for b in blocks if not b.sentences[0].isupper()]


# --- edits -----------------------------------------------------------------------------------

SYNONYMS = {
    "cooperation": "collaboration", "strengthening": "reinforcing", "important": "significant",
    "states": "countries", "support": "back", "efforts": "endeavours", "security": "safety",
    "development": "progress", "problems": "issues", "consistently": "steadily",
    "effective": "efficient", "issues": "questions", "note": "underline", "area": "field",
    "threat": "danger", "role": "function", "believe": "consider", "ensure": "guarantee",
    "joint": "common", "urgent": "pressing", "basis": "foundation", "aimed": "directed",
}
INSERTS = ("further", "actively", "jointly", "fully", "firmly", "in particular", "also")
DROPPABLE = ("strict", "all", "consistently", "effectively", "closely", "special", "key",
             "comprehensive", "practical", "international", "regional", "primarily", "genuine")

SUBJECTS = ("The SCO member states", "The heads of state", "The member states",
            "The Council of Heads of State")
VERBS = ("welcome", "support", "call for", "stand ready to promote", "note the importance of",
         "intend to expand", "attach priority to", "agreed to launch")
OBJECTS = ("cooperation in {field}", "a joint programme on {field}",
           "regular consultations of experts on {field}", "a working group on {field}",
           "pilot projects in {field} in the border regions")
FIELDS = ("public health", "higher education", "transport corridors", "agriculture",
          "disaster relief", "customs procedures", "tourism", "water management",
          "youth exchanges", "digital trade", "railway links", "seismic monitoring",
          "food safety", "archival cooperation", "sports events", "renewable energy")
TAILS = ("To this end, they instruct the {body} to prepare proposals by {when}.",
         "The {body} will report on progress at the next meeting.",
         "They ask the {body} to consider the matter in {when}.")
BODIES = ("Council of Foreign Ministers", "SCO Secretariat", "Council of National Coordinators",
          "meeting of senior officials")
WHENS = ("the coming year", "the next summit", "the first half of the year", "due course")


def new_clause(rng: random.Random) -> list[str]:
    """One or two sentences of a plausible new clause, from the templates above."""
    field_ = rng.choice(FIELDS)
    obj = rng.choice(OBJECTS).format(field=field_)
    first = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {obj}."
    if rng.random() < 0.6:
        return [first, rng.choice(TAILS).format(body=rng.choice(BODIES), when=rng.choice(WHENS))]
    return [first]


def reword(sentences: list[str], rng: random.Random) -> list[str]:
    """Two small edits in one sentence: a synonym swap, an inserted or a dropped word."""
    out = list(sentences)
    k = rng.randrange(len(out))
    words = out[k].split(" ")
    for _ in range(2):
        words = _edit(words, rng)
    new = " ".join(words)
    if new == out[k]:
        new = out[k].rstrip(".;:") + ", as appropriate" + out[k][len(out[k].rstrip(".;:")):]
    out[k] = new
    return out


def _edit(words: list[str], rng: random.Random) -> list[str]:
    swaps = [i for i, w in enumerate(words) if w in SYNONYMS]
    drops = [i for i, w in enumerate(words) if w in DROPPABLE]
    roll = rng.random()
    if swaps and roll < 0.5:
        i = rng.choice(swaps)
        return [*words[:i], SYNONYMS[words[i]], *words[i + 1 :]]
    if drops and roll < 0.75:
        i = rng.choice(drops)
        return words[:i] + words[i + 1 :]
    i = rng.randrange(1, max(2, len(words)))
    return [*words[:i], rng.choice(INSERTS), *words[i:]]


# --- copies and ground truth -----------------------------------------------------------------

REWORDINGS = 3
"""Units reworded per copy."""

MOVE_MAX = 8
"""Farthest a paragraph moves, in paragraphs (the seed has 18)."""


def generate(
    seed: Sequence[Block], copies: int, rng_seed: int
) -> tuple[Declaration, Declaration, Truth]:
    """Left: `copies` copies of the seed; right: each copy edited; and the ground truth."""
    rng = random.Random(rng_seed)
    left_blocks: list[Block] = []
    right_blocks: list[Block] = []
    removed: Truth = set()
    touched: set[int] = set()
    for _ in range(copies):
        copy = []
        for b in seed:
            pid = f"para_{len(left_blocks) + 1}"
            left_blocks.append(Block(list(b.sentences), [list(x) for x in b.items]))
            origin = [(f"{pid}__item_{m}", "unchanged") for m in range(1, len(b.items) + 1)]
            copy.append(Block(list(b.sentences), [list(x) for x in b.items], (pid,),
                              "unchanged", origin))
        right_blocks.extend(edit_copy(copy, rng, removed, touched))
    left = build_declaration("bench-left", left_blocks, "Benchmark left (illustrative)")
    right = build_declaration("bench-right", right_blocks, "Benchmark right (illustrative)")
    return left, right, removed | _truth(right_blocks)


def _pick(rng: random.Random, pool: list[int], used: set[int], avoid: set[int]) -> int:
    """A paragraph from `pool`, preferably away from `used` ones and not in `avoid`."""
    tiers = (
        [k for k in pool if k not in avoid and not {k - 1, k, k + 1} & used],
        [k for k in pool if k not in avoid and k not in used],
        [k for k in pool if k not in used],
    )
    pick = next((t for t in tiers if t), None)
    if pick is None:
        raise ValueError("the seed has too few paragraphs for one copy's edits")
    k = rng.choice(pick)
    used.add(k)
    return k


def edit_copy(
    copy: list[Block], rng: random.Random, removed: Truth, touched: set[int]
) -> list[Block]:
    """One copy's edits (see the module docstring); records deletions in `removed`.

    `touched` holds the seed paragraphs the previous copy edited; this copy edits other ones
    where it can (and leaves its own in `touched`). Otherwise, say, a moved paragraph and its
    deleted twin in the next copy would be two equally good explanations of the same texts,
    and the ground truth would be arbitrary.
    """
    plain = [k for k, b in enumerate(copy) if not b.items]
    used: set[int] = set()
    avoid = set(touched)
    split = _pick(rng, [k for k in plain if len(copy[k].sentences) >= 2], used, avoid)
    pairs = [k for k in plain if k + 1 in plain and k + 1 not in used]
    merge = _pick(rng, pairs, used, avoid)
    used.add(merge + 1)
    delete = _pick(rng, plain, used, avoid)
    move = _pick(rng, plain, used, avoid)
    reworded = _reword_some(copy, rng, used, avoid)
    touched.clear()
    touched.update((split, merge, merge + 1, delete, move, *reworded))
    removed.add(("removed", copy[delete].origin, ()))
    out: list[list[Block]] = []  # groups: the two parts of the split stay together
    for k, b in enumerate(copy):
        if k in (delete, move, merge + 1):
            continue
        if k == split:
            cut = rng.randrange(1, len(b.sentences))
            out.append([Block(b.sentences[:cut], [], b.origin, "split"),
                        Block(b.sentences[cut:], [], b.origin, "split")])
        elif k == merge:
            nxt = copy[k + 1]
            out.append([Block(b.sentences + nxt.sentences, [], b.origin + nxt.origin, "merged")])
        else:
            out.append([b])
    home = next((t for t, g in enumerate(out) if copy[move + 1] in g), len(out)) \
        if move + 1 < len(copy) else len(out)
    spots = [t for t in range(len(out) + 1) if 3 <= abs(t - home) <= MOVE_MAX]
    moved = copy[move]
    moved.relation = "moved"
    out.insert(rng.choice(spots), [moved])
    out.insert(rng.randrange(len(out) + 1), [Block(new_clause(rng), [], (), "added")])
    return [b for g in out for b in g]


def _reword_some(
    copy: list[Block], rng: random.Random, used: set[int], avoid: set[int]
) -> list[int]:
    for skip in (used | avoid, used):
        units: list[tuple[int, int | None]] = [(k, None) for k in range(len(copy)) if k not in skip]
        units += [(k, m) for k, b in enumerate(copy) for m in range(len(b.items)) if k not in skip]
        if len(units) >= REWORDINGS:
            break
    picked = rng.sample(units, min(REWORDINGS, len(units)))
    for k, m in picked:
        b = copy[k]
        if m is None:
            b.sentences = reword(b.sentences, rng)
            b.relation = "reworded"
        else:
            b.items[m] = reword(b.items[m], rng)
            b.item_origin[m] = (b.item_origin[m][0], "reworded")
    used.update(k for k, _ in picked)
    return [k for k, _ in picked]


def _truth(blocks: list[Block]) -> Truth:
    truth: Truth = set()
    k = 0
    while k < len(blocks):
        b, pid = blocks[k], f"para_{k + 1}"
        if b.relation == "split":
            truth.add(("split", b.origin, (pid, f"para_{k + 2}")))
            k += 2
            continue
        truth.add((b.relation, b.origin, (pid,)))
        for m, (lid, rel) in enumerate(b.item_origin, 1):
            truth.add((rel, (lid,), (f"{pid}__item_{m}",)))
        k += 1
    return truth
