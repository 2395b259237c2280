"""Analyse stage: commitments in a declaration, and how a rewording changed them.

A commitment is a clause in which an actor (the member states, the heads of state, the SCO, a
named state or body; "They" takes the previous sentence's actor) uses a commitment phrase ranked on
an ordinal ladder (`compare/commitments/data/commitments.toml`, the scale in README
"Commitments"): force 1..5 = the level's force, lowered by each hedge ("where possible") and by
negation, raised by an intensifier ("firmly") or intensity words on the object ("urgent"). A
sentence holds one commitment per commitment clause. A passive "will be revitalized" is a
commitment of the SCO. Plain observations are not commitments.

This module is the stage's public face: `analyse(alignment)` fills `commitments` and `entities`. The
work flows one way: `commitments.config` (the ladder compiled into `Rules`), `commitments.lexicon`
(tokens, phrase look-up), `commitments.grammar` (clauses of one sentence), `commitments.clauses`
(each clause's hedges and intensifiers), `commitments.read` (the commitments of a sentence, a list
item, a declaration: `find_commitments`), `commitments.pairing` (clause to clause),
`commitments.diff` (`diff_commitments(alignment)`: added, dropped, strengthened, softened or
unchanged, with reasons), `commitments.output` (JSON and text) and `commitments.evaluate`
(figures on labelled sets).
"""

from __future__ import annotations

import os
from dataclasses import replace

from ..model import Alignment
from .config import Config, ConfigArg, load_config
from .cutoff import set_apart
from .diff import SENTENCE_MATCH, compare_commitments, diff_commitments, versions_of_one_work
from .entities import Entity, entity_changes, load_entities
from .evaluate import evaluate
from .grammar import PARENTHESIS
from .output import (
    FORMAT,
    change_to_json,
    commitment_to_json,
    commitments_document,
    commitments_text,
)
from .read import Cache, find_commitments, read_intro, read_item, read_sentence

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
    "versions_of_one_work",
]


def analyse(
    alignment: Alignment,
    config: ConfigArg = None,
    entities: tuple[Entity, ...] | str | os.PathLike[str] | None = None,
    translation: bool | None = None,
) -> Alignment:
    """The alignment with `commitments` and `entities` filled: the one call for CLI and report.
    `translation`: compare as two renderings of one text (None: as the metadata says)."""
    ents = entities if isinstance(entities, tuple) else load_entities(entities)
    cfg = config if isinstance(config, Config) else load_config(config, entities=ents)
    cache = Cache()  # the sentences' shown forms are computed once for both readers
    return set_apart(replace(
        alignment,
        commitments=diff_commitments(alignment, cfg, translation, cache),
        entities=entity_changes(alignment.left, alignment.right, ents, cache.shown),
    ))
