"""Test helpers for the commitments tests: the seed as a Declaration, the illustrative variant,
and alignments built by hand (the sentence ids of an edited paragraph are kept, as in a stored
file, so the pairs follow from the ids)."""

from __future__ import annotations

import tomllib
from dataclasses import replace
from pathlib import Path

from compare.ingest.importer import parse_text
from compare.ingest.segment import split_sentences
from compare.model import (
    Alignment,
    Declaration,
    Meta,
    Pair,
    Paragraph,
    Relation,
    Sentence,
    SentencePair,
)
from compare.store import xmlio

TESTS = Path(__file__).resolve().parents[1]
DATA = TESTS / "data" / "commitments"
SEED_XML = TESTS.parent / "declarations" / "2007-bishkek.xml"


def _sentences(pid: str, text: str) -> tuple[Sentence, ...]:
    parts = split_sentences(text, "en")
    return tuple(Sentence(f"{pid}__s_{k}", t) for k, t in enumerate(parts, 1))


def split_text(text: str, meta: Meta) -> Declaration:
    """A declaration from plain text through the importer, with `meta`'s id and status."""
    decl, _ = parse_text(text, id=meta.id, status=meta.status or None)
    return decl


def seed() -> Declaration:
    """The Bishkek Declaration as stored in the corpus."""
    return xmlio.load(SEED_XML)


def find_sentence(decl: Declaration, prefix: str) -> Sentence:
    hits = [s for s in decl.sentences() if s.text.startswith(prefix)]
    assert len(hits) == 1, f"expected one sentence starting {prefix!r}, found {len(hits)}"
    return hits[0]


def _edit_paragraph(p: Paragraph, sid: str, new: Sentence | None) -> Paragraph:
    def fix(ss: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
        return tuple(new if s.id == sid else s for s in ss if s.id != sid or new is not None)

    items = tuple(replace(it, sentences=fix(it.sentences)) for it in p.items)
    return replace(p, sentences=fix(p.sentences), items=items)


def variant(base: Declaration | None = None) -> tuple[Declaration, list[dict[str, str]]]:
    """The illustrative variant (tests/data/commitments/variant-2007-bishkek.toml) and its edits."""
    decl = base or seed()
    spec = tomllib.loads((DATA / "variant-2007-bishkek.toml").read_text(encoding="utf-8"))
    paras = list(decl.paragraphs)
    for edit in spec["edit"]:
        if edit["action"] == "add_paragraph":
            pid = f"para_{len(paras) + 1}"
            paras.append(Paragraph(pid, str(len(paras) + 1), _sentences(pid, edit["text"])))
            continue
        s = find_sentence(replace(decl, paragraphs=tuple(paras)), edit["sentence"])
        new = None
        if edit["action"] == "replace":
            assert edit["old"] in s.text
            new = replace(s, text=s.text.replace(edit["old"], edit["new"]))
        paras = [_edit_paragraph(p, s.id, new) for p in paras]
    meta = replace(decl.meta, **spec["meta"])
    return Declaration(meta, tuple(paras)), spec["edit"]


def hand_alignment(left: Declaration, right: Declaration, sentences: bool = True) -> Alignment:
    """Pairs by unit id (ids are kept by the variant); sentence pairs by sentence id."""
    lunits = {u.id: u for u in left.units()}
    runits = {u.id: u for u in right.units()}
    pairs = []
    for uid in [*lunits, *(u for u in runits if u not in lunits)]:
        lu, ru = lunits.get(uid), runits.get(uid)
        if lu is None or ru is None:
            rel = Relation.REMOVED if ru is None else Relation.ADDED
            pairs.append(Pair(rel, (uid,) if lu else (), (uid,) if ru else (), 0.0))
            continue
        rel = Relation.UNCHANGED if lu.text == ru.text else Relation.REWORDED
        sps = _sentence_pairs(lu.sentences, ru.sentences) if sentences else ()
        pairs.append(Pair(rel, (uid,), (uid,), 1.0 if rel is Relation.UNCHANGED else 0.9,
                          sentences=sps))
    return Alignment(left, right, tuple(pairs))


def _sentence_pairs(ls: tuple[Sentence, ...], rs: tuple[Sentence, ...]
                    ) -> tuple[SentencePair, ...]:
    rmap = {s.id: s for s in rs}
    out = []
    for s in ls:
        r = rmap.get(s.id)
        if r is None:
            out.append(SentencePair(Relation.REMOVED, s.id, None, 0.0))
        else:
            same = r.text == s.text
            out.append(SentencePair(Relation.UNCHANGED if same else Relation.REWORDED, s.id, r.id,
                                    1.0 if same else 0.9))
    lids = {s.id for s in ls}
    out += [SentencePair(Relation.ADDED, None, s.id, 0.0) for s in rs if s.id not in lids]
    return tuple(out)
