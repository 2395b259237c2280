"""Speed case: a revision with light edits of a text whose units are all distinct.

`difflib.HtmlDiff` is pathological on the benchmark's edit generators: their texts are N copies
of the seed, and repeated lines defeat its matcher (8-34 s for 800-1,500 units). On a text with
no repeated unit it runs at its typical speed (about 0.1-0.3 s for 800 units), which is the
baseline a user would compare with. The left side is n copies of the seed's paragraphs, each
made distinct by its session number ("In session 7, the member states ..."); the right side
changes one word in every 7th unit, drops every 23rd and repeats every 29th. Deterministic;
both sides marked illustrative. For speed only: it has no ground truth.
"""

from __future__ import annotations

from ..model import Declaration
from .benchgen import Block, build_declaration


def _distinct(block: Block, session: int) -> Block:
    first, *rest = block.sentences
    items = [[f"(session {session}) {item[0]}", *item[1:]] for item in block.items]
    return Block([f"In session {session}, {first[:1].lower()}{first[1:]}", *rest], items)


def generate(blocks: list[Block], n: int) -> tuple[Declaration, Declaration]:
    """The pair at scale n (n copies of `blocks`, made distinct)."""
    left = [_distinct(b, c) for c in range(n) for b in blocks]
    right: list[Block] = []
    for k, b in enumerate(left):
        if k % 23 == 5:
            continue
        sentences = list(b.sentences)
        if k % 7 == 3:
            words = sentences[0].split(" ")
            words[min(3, len(words) - 1)] = "jointly"
            sentences[0] = " ".join(words)
        right.append(Block(sentences, [list(i) for i in b.items]))
        if k % 29 == 11:
            right.append(Block(list(b.sentences), [list(i) for i in b.items]))
    return build_declaration("distinct-left", left), build_declaration("distinct-right", right)
