"""Series generator: a run of yearly declarations whose clause lineages are known.

Part of the benchmark (not of the pipeline), written from the issue text before any lineage code.
The first declaration is the seed's units as paragraphs (`size` copies, each copy after the first
made distinct by replacing a share of its words with words of the seed's vocabulary). Each next
declaration edits the live clauses with a seeded `random.Random`: rewordings (small per summit;
a "drifting" share is reworded at every summit, so its first and last versions share little),
moves (several places), splits (a clause's sentences divided between two paragraphs), merges
(two neighbours joined), drops (some for good, some revived after one summit, some after three,
lightly reworded when they come back) and new clauses. The truth is the set of lineage edges:
``(declaration id, unit id, declaration id, unit id)`` from a unit to each unit that continues it
in the next declaration where its lineage appears (a revival edge skips the declarations it was
absent from). Every generated declaration is marked ``illustrative``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Declaration, Meeting, Meta, Paragraph, Sentence
from .benchgen import new_clause, seed_blocks

Edge = tuple[str, str, str, str]

COPY_NOISE = 0.35
"""Share of words replaced in copies after the first, so that no two copies read alike."""
REWORD_RATE = 0.25
"""Chance that a clause is lightly reworded at a summit."""
DRIFT_SHARE = 0.12
"""Share of clauses reworded at every summit (their wording drifts away over the series)."""
WORD_EDIT = 0.12
"""Share of a clause's words changed by one rewording."""
PER_STEP = {"move": 0.04, "split": 0.03, "merge": 0.03, "drop": 0.03, "revive1": 0.03,
            "revive3": 0.03, "add": 0.04}
"""Events per summit, as a share of the live clauses (at least one of each when there is room)."""


@dataclass
class Clause:
    """A clause being generated: its sentences and where it was last printed."""

    sentences: list[str]
    drift: bool = False
    sources: list[tuple[str, str]] = field(default_factory=list)  # (decl id, unit id) it continues
    last: tuple[str, str] | None = None


@dataclass(frozen=True)
class Series:
    declarations: tuple[Declaration, ...]
    edges: frozenset[Edge]


def _vocabulary(clauses: list[Clause]) -> list[str]:
    words = {w.strip(",.;:()\"'") for c in clauses for s in c.sentences for w in s.split()}
    return sorted(w for w in words if len(w) > 3 and w.isalpha() and w.islower())


def _perturb(sentence: str, share: float, vocab: list[str], rng: random.Random) -> str:
    """About `share` of the words replaced, inserted or dropped (first word and final mark kept)."""
    words = sentence.split(" ")
    out: list[str] = words[:1]
    for w in words[1:]:
        roll = rng.random()
        if roll >= share or not w.isalpha():
            out.append(w)
        elif roll < share * 0.6:
            out.append(rng.choice(vocab))
        elif roll < share * 0.8:
            out.extend([w, rng.choice(vocab)])
        # else: dropped
    text = " ".join(out)
    return text if text.endswith((".", ";", ":")) else text.rstrip(",") + "."


def _reword(c: Clause, share: float, vocab: list[str], rng: random.Random) -> None:
    c.sentences = [_perturb(s, share, vocab, rng) for s in c.sentences]


def _first(seed: Path, size: int, rng: random.Random) -> list[Clause]:
    units: list[list[str]] = []
    for b in seed_blocks(seed):
        units.append(list(b.sentences))
        units.extend(list(it) for it in b.items)
    base = [Clause(list(u)) for u in units]
    vocab = _vocabulary(base)
    out: list[Clause] = []
    for copy in range(size):
        for u in units:
            c = Clause(list(u))
            if copy:
                _reword(c, COPY_NOISE, vocab, rng)
            out.append(c)
    for c in out:
        c.drift = rng.random() < DRIFT_SHARE
    return out


def _count(kind: str, n: int) -> int:
    return max(1, round(PER_STEP[kind] * n)) if n >= 8 else 0


def _step(live: list[Clause], dormant: list[tuple[int, Clause]], k: int, vocab: list[str],
          rng: random.Random) -> list[Clause]:
    """The clauses of declaration k from those of k - 1 (dormant ones come back at their time)."""
    for c in live:
        c.sources = [c.last] if c.last else []
        if c.drift or rng.random() < REWORD_RATE:
            _reword(c, WORD_EDIT, vocab, rng)
    n = len(live)
    for _ in range(_count("drop", n)):  # drops for good
        live.pop(rng.randrange(len(live)))
    for gap in (1, 3):
        for _ in range(_count(f"revive{gap}", n)):
            c = live.pop(rng.randrange(len(live)))
            dormant.append((k + gap, c))
    for _ in range(_count("merge", n)):
        i = rng.randrange(len(live) - 1)
        a, b = live[i], live.pop(i + 1)
        a.sentences += b.sentences
        a.sources += b.sources
        a.drift = a.drift or b.drift
    for _ in range(_count("split", n)):
        cands = [i for i, c in enumerate(live) if len(c.sentences) >= 2 and len(c.sources) == 1]
        if not cands:
            break
        i = rng.choice(cands)
        c = live[i]
        cut = rng.randrange(1, len(c.sentences))
        rest = Clause(c.sentences[cut:], c.drift, list(c.sources))
        c.sentences = c.sentences[:cut]
        live.insert(i + 1, rest)
    for _ in range(_count("move", n)):
        i = rng.randrange(len(live))
        c = live.pop(i)
        j = max(0, min(len(live), i + rng.choice((-1, 1)) * rng.randint(3, 8)))
        live.insert(j, c)
    back = [c for due, c in dormant if due == k]
    dormant[:] = [(due, c) for due, c in dormant if due != k]
    for c in back:
        c.sources = [c.last] if c.last else []
        _reword(c, WORD_EDIT / 2, vocab, rng)
        live.insert(rng.randrange(len(live) + 1), c)
    for _ in range(_count("add", n)):
        live.insert(rng.randrange(len(live) + 1), Clause(new_clause(rng)))
    return live


def _declaration(k: int, clauses: list[Clause], edges: set[Edge]) -> Declaration:
    year = 2001 + k
    decl_id = f"{year}-series"
    paras = []
    for n, c in enumerate(clauses, 1):
        pid = f"para_{n}"
        sents = tuple(Sentence(f"{pid}__s_{m}", t) for m, t in enumerate(c.sentences, 1))
        paras.append(Paragraph(pid, f"{n}.", sents))
        for src in c.sources:
            edges.add((src[0], src[1], decl_id, pid))
        c.last = (decl_id, pid)
        c.sources = []
    meta = Meta(id=decl_id, title=f"Illustrative series declaration {year}", kind="declaration",
                meeting=Meeting("Council of Heads of State", "Series", f"{year}-06-15"),
                status="illustrative")
    return Declaration(meta, tuple(paras))


def generate_series(seed: Path, n: int, size: int = 1, rng_seed: int = 1) -> Series:
    """`n` declarations (years 2001, 2002, ...) of about `size` times the seed, with the truth."""
    rng = random.Random(rng_seed)
    live = _first(seed, size, rng)
    vocab = _vocabulary(live)
    edges: set[Edge] = set()
    dormant: list[tuple[int, Clause]] = []
    decls = [_declaration(0, live, edges)]
    for k in range(1, n):
        live = _step(live, dormant, k, vocab, rng)
        decls.append(_declaration(k, live, edges))
    return Series(tuple(decls), frozenset(edges))
