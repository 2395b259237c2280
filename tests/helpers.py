"""Helpers the test modules import (tests/ is on pytest's `pythonpath`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from compare.bench.benchgen import Block
from compare.model import Relation

ROOT = Path(__file__).resolve().parents[1]


def readme_session(after: str) -> list[tuple[str, str]]:
    """The first fenced block of README.md after the text `after`, as (command line, expected
    output) pairs, one per `$ ` line."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split(after, 1)[1].split("```", 2)[1]
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines()[1:]:
        if line.startswith("$ "):
            steps.append((line[2:], []))
        elif steps:
            steps[-1][1].append(line)
    return [(cmd, "".join(f"{x}\n" for x in out)) for cmd, out in steps]


MIRROR = {Relation.ADDED: Relation.REMOVED, Relation.REMOVED: Relation.ADDED,
          Relation.SPLIT: Relation.MERGED, Relation.MERGED: Relation.SPLIT}
"""What a relation becomes when the two sides are swapped (the others stay)."""


def paragraphs(sentence: Any, item_sentences: int) -> Any:
    """Hypothesis: one generated paragraph, one to three sentences drawn from `sentence` and up
    to two items of up to `item_sentences` sentences."""
    return st.builds(
        Block,
        st.lists(sentence, min_size=1, max_size=3),
        st.lists(st.lists(sentence, min_size=1, max_size=item_sentences), max_size=2),
    )
