"""Analyse stage: the commitments of a declaration, how an alignment changed them, and entities.

Owns the commitment ladder and phrase lists (`data/`, `config`), the grammar of one sentence
(`grammar`), reading a declaration's commitments (`read`), following them across an alignment
(`diff`), named entities (`entities`), JSON and text output (`output`) and the figures on labelled
sets (`evaluate`). Imports the shared core, `compare.store` (data files) and `compare.align`
(normalisation).

Entry points: `analyse(alignment) -> Alignment`, `find_commitments(declaration)`.
"""

from .api import (
    analyse,
    commitments_document,
    commitments_text,
    diff_commitments,
    evaluate,
    find_commitments,
)

__all__ = [
    "analyse",
    "commitments_document",
    "commitments_text",
    "diff_commitments",
    "evaluate",
    "find_commitments",
]
