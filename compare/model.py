"""The model: frozen dataclasses shared by every stage of the pipeline.

A `Declaration` is what `xmlio` loads and `ingest` builds: metadata plus paragraphs, each with
sentences and optionally an introduced list of items. `Declaration.units()` flattens it into the
units that alignment works on (paragraphs and list items, in document order). `Alignment`,
`Pair` and `SentencePair` are what `align` produces; `Commitment`, `CommitmentChange` and
`EntityChange` are what `commitments` adds. Nothing here does I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Literal

from .vocab import KINDS as KINDS
from .vocab import STATUSES as STATUSES

UnitKind = Literal["paragraph", "item"]


@dataclass(frozen=True)
class Sentence:
    """One sentence; `lang` is set (BCP 47) on a run in another language than the document's."""

    id: str
    text: str
    line: int | None = field(default=None, compare=False)
    lang: str = ""


@dataclass(frozen=True)
class Item:
    """A list item introduced by its paragraph's intro; `number` is its marker as printed."""

    id: str
    number: str | None
    sentences: tuple[Sentence, ...]
    line: int | None = field(default=None, compare=False)

    @cached_property
    def text(self) -> str:
        return join_sentences(self.sentences)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: its sentences (the intro when it has a list) and the list's items."""

    id: str
    number: str | None
    sentences: tuple[Sentence, ...]
    items: tuple[Item, ...] = ()
    line: int | None = field(default=None, compare=False)
    heading: str = ""
    """A section heading printed above this paragraph ("II", "Part I. Security"): not a unit."""

    @cached_property
    def text(self) -> str:
        return join_sentences(self.sentences)


@dataclass(frozen=True)
class Unit:
    """What alignment works on: a paragraph (its own text, without its items) or an item."""

    id: str
    kind: UnitKind
    number: str | None
    sentences: tuple[Sentence, ...]
    parent: str | None = None
    line: int | None = field(default=None, compare=False)

    @cached_property
    def text(self) -> str:
        return join_sentences(self.sentences)


@dataclass(frozen=True)
class Party:
    code: str
    name: str


@dataclass(frozen=True)
class Meeting:
    body: str = ""
    place: str = ""
    """The place in Latin letters: an importer romanises a place written in Cyrillic."""
    date: str = ""
    place_written: str = ""
    """The place as the text writes it, when `place` is its romanisation ("Бишкек" for
    "Bishkek"); empty when the text writes it as `place`."""


@dataclass(frozen=True)
class Meta:
    """Metadata of one declaration version; empty strings mean "not known"."""

    id: str
    title: str = ""
    kind: str = ""
    meeting: Meeting = Meeting()
    language: str = "en"
    parties: tuple[Party, ...] = ()
    status: str = ""
    version_label: str = ""
    version_of: str = ""
    source: str = ""
    source_url: str = ""
    truncated: bool = False
    """The copy ends mid-sentence or mid-word: what follows its last unit is missing."""


@dataclass(frozen=True)
class Declaration:
    """Metadata and paragraphs; `furniture` is the page text the importer left out of the body
    (menus, banners, page counters), kept as lines so that nothing is dropped silently."""

    meta: Meta
    paragraphs: tuple[Paragraph, ...]
    path: str | None = field(default=None, compare=False)
    furniture: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return self.meta.id

    def units(self) -> tuple[Unit, ...]:
        """Paragraphs and list items in document order (a paragraph before its items)."""
        return self._units

    @cached_property
    def _units(self) -> tuple[Unit, ...]:
        """Built once: every stage asks for the units, and each unit caches its text."""
        out: list[Unit] = []
        for p in self.paragraphs:
            out.append(Unit(p.id, "paragraph", p.number, p.sentences, None, p.line))
            for it in p.items:
                out.append(Unit(it.id, "item", it.number, it.sentences, p.id, it.line))
        return tuple(out)

    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for u in self.units() for s in u.sentences)


_CJK_END = re.compile(r"[\u3002\uff01\uff1f][\u300d\u300f\uff09\u300b\u201d\u2019]*$")


def join_sentences(sentences: tuple[Sentence, ...]) -> str:
    """The text of a unit: its sentences joined by one space (the stored form).

    After a full-width terminal (U+3002, U+FF01, U+FF1F: Chinese and Japanese) no space is
    put: those scripts write none between sentences.
    """
    out: list[str] = []
    for s in sentences:
        if out and not _CJK_END.search(out[-1]):
            out.append(" ")
        out.append(s.text)
    return "".join(out)


# --- alignment -------------------------------------------------------------------------------


class Relation(StrEnum):
    UNCHANGED = "unchanged"
    REWORDED = "reworded"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    REMOVED = "removed"
    ADDED = "added"


# A word-level diff: (op, text) with op -1 delete, 0 equal, 1 insert (diff-match-patch's codes).
Diff = tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class SentencePair:
    """Sentence-level refinement inside a matched pair of units."""

    relation: Relation
    left: str | None
    right: str | None
    similarity: float
    diff: Diff = ()


@dataclass(frozen=True)
class Pair:
    """One relation between units: ids on each side, similarity in [0, 1], word diff.

    `notes` flags what kind of change it is beyond the relation, e.g. "reworded" on a moved
    pair whose text changed, "normalisation-only" when only punctuation, whitespace, quotes or
    Unicode normalisation differ, "invisible-characters" when zero-width or bidi characters
    changed.
    """

    relation: Relation
    left: tuple[str, ...]
    right: tuple[str, ...]
    similarity: float
    diff: Diff = ()
    notes: tuple[str, ...] = ()
    sentences: tuple[SentencePair, ...] = ()


@dataclass(frozen=True)
class Commitment:
    """A commitment found in one sentence: who commits to what, and with what force."""

    sentence: str
    unit: str
    text: str
    actor: str
    phrase: str
    object: str
    force: int
    level: str
    base_force: int
    negated: bool = False
    hedges: tuple[str, ...] = ()
    intensifiers: tuple[str, ...] = ()
    clause: int = 0
    """Which commitment of its sentence this is, from 0 (a sentence may hold several)."""


CommitmentChangeKind = Literal["added", "dropped", "strengthened", "softened", "unchanged"]


@dataclass(frozen=True)
class CommitmentChange:
    change: CommitmentChangeKind
    left: Commitment | None
    right: Commitment | None
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityChange:
    """A named state, organisation, treaty or region newly named or no longer named."""

    name: str
    kind: str
    change: Literal["newly named", "no longer named"]
    units: tuple[str, ...] = ()


@dataclass(frozen=True)
class Alignment:
    left: Declaration
    right: Declaration
    pairs: tuple[Pair, ...]
    commitments: tuple[CommitmentChange, ...] = ()
    entities: tuple[EntityChange, ...] = ()
    cut_off: tuple[CommitmentChange, ...] = ()
    """Commitments of one side past the end of the other, cut-off copy: not changes."""

    @property
    def differs(self) -> bool:
        return any(p.relation is not Relation.UNCHANGED or p.notes for p in self.pairs)
