"""Analyse stage, output: commitments as JSON documents and as a plain-text table.

`change_to_json` is one entry of an alignment's `commitments` list (the scodiff.alignment/1
contract); `commitments_document` is the `scodiff.commitments/1` document of one declaration;
`commitments_text` is the table `scodiff commitments` prints, the object clipped to a width.
"""

from __future__ import annotations

from typing import Any

from ..model import Commitment, CommitmentChange, Declaration
from ..textfmt import clip, columns

FORMAT = "scodiff.commitments/1"


def commitment_to_json(c: Commitment) -> dict[str, Any]:
    return {
        "sentence": c.sentence, "unit": c.unit, "text": c.text, "actor": c.actor,
        "phrase": c.phrase, "object": c.object, "force": c.force, "level": c.level,
        "base_force": c.base_force, "negated": c.negated, "hedges": list(c.hedges),
        "intensifiers": list(c.intensifiers), "clause": c.clause,
    }


def change_to_json(ch: CommitmentChange) -> dict[str, Any]:
    """One entry of the alignment's `commitments` list (the scodiff.alignment/1 contract)."""
    left, right = ch.left, ch.right
    return {
        "change": ch.change,
        "left": left.sentence if left else None,
        "right": right.sentence if right else None,
        "left_text": left.text if left else None,
        "right_text": right.text if right else None,
        "strength": [left.force if left else None, right.force if right else None],
        "level": [left.level if left else None, right.level if right else None],
        "actor": [left.actor if left else None, right.actor if right else None],
        "phrase": [left.phrase if left else None, right.phrase if right else None],
        "object": [left.object if left else None, right.object if right else None],
        "clause": [left.clause if left else None, right.clause if right else None],
        "reasons": list(ch.reasons),
    }


def commitments_document(decl: Declaration, commitments: tuple[Commitment, ...]
                         ) -> dict[str, Any]:
    """The `scodiff.commitments/1` document of one declaration."""
    return {"format": FORMAT, "id": decl.id, "language": decl.meta.language,
            "commitments": [commitment_to_json(c) for c in commitments]}


_HEADER = ("sentence", "clause", "force", "level", "actor", "phrase", "notes")
_OBJECT_WIDTH = 60


def _notes(c: Commitment) -> str:
    parts = ["negated"] if c.negated else []
    parts += [f"{label}: {', '.join(vals)}"
              for label, vals in (("hedges", c.hedges), ("intensifiers", c.intensifiers)) if vals]
    return "; ".join(parts) or "-"


def commitments_text(commitments: tuple[Commitment, ...]) -> str:
    """A table, one row per commitment: sentence id, clause (from 1 within the sentence), force,
    level, actor, phrase, notes, object."""
    if not commitments:
        return ""
    rows = [(*_HEADER, "object")] + [
        (c.sentence, str(c.clause + 1), str(c.force), c.level, c.actor, c.phrase, _notes(c),
         clip(c.object, _OBJECT_WIDTH))
        for c in commitments
    ]
    return columns(rows)
