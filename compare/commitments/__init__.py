"""Analyse stage: the commitments of a declaration, how an alignment changed them, and entities.

Owns the commitment ladder and phrase lists (`data/`, `config`), the grammar of one sentence
(`grammar`), reading a declaration's commitments (`read`), following them across an alignment
(`diff`), named entities (`entities`), JSON and text output (`output`) and the figures on labelled
sets (`evaluate`). Imports the shared core, `compare.store` (data files) and `compare.align`
(normalisation).

Entry points: `analyse(alignment) -> Alignment`, `find_commitments(declaration)`.
"""

from .analyse import (
    FORMAT,
    PARENTHESIS,
    SENTENCE_MATCH,
    ConfigArg,
    analyse,
    change_to_json,
    commitment_to_json,
    commitments_document,
    commitments_text,
    compare_commitments,
    diff_commitments,
    evaluate,
    find_commitments,
    read_intro,
    read_item,
    read_sentence,
)

__all__ = [
    "FORMAT",
    "PARENTHESIS",
    "SENTENCE_MATCH",
    "ConfigArg",
    "analyse",
    "change_to_json",
    "commitment_to_json",
    "commitments_document",
    "commitments_text",
    "compare_commitments",
    "diff_commitments",
    "evaluate",
    "find_commitments",
    "read_intro",
    "read_item",
    "read_sentence",
]
