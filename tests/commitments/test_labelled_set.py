"""Structure of the labelled commitment set (issue 11, item 4).

tests/data/commitments/clauses/{tuning,heldout}.toml hold illustrative sentences labelled with
their commitments (actor, phrase, force) and before/after pairs labelled with their changes. These
tests check the files' shape only: every field present and typed, ids unique and well formed,
forces on the 1..5 scale, change kinds consistent with their forces, the agreed sizes, and the
same mix of cases in both parts. Scoring the reader against the labels is the benchmark's job.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "commitments" / "clauses"
PARTS = {"tuning": "t", "heldout": "h"}
KINDS = {"added", "dropped", "strengthened", "softened"}
SENTENCE_KEYS = {"id", "text", "commitment"}
COMMITMENT_KEYS = {"actor", "phrase", "force"}
PAIR_KEYS = {"id", "before", "after", "change"}
CHANGE_KEYS = {"change", "before_phrase", "after_phrase", "before_force", "after_force"}


def _load(part: str) -> dict[str, Any]:
    with (DATA / f"{part}.toml").open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module", params=sorted(PARTS))
def part(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    return request.param, _load(request.param)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def test_file_opens_with_a_comment_header() -> None:
    for name in PARTS:
        head = (DATA / f"{name}.toml").read_text(encoding="utf-8").splitlines()[:12]
        assert all(line.startswith("#") or not line for line in head), name
        text = "\n".join(head).lower()
        assert "illustrative" in text and "scodiff authors" in text, name


def test_only_known_tables(part: tuple[str, dict[str, Any]]) -> None:
    name, data = part
    assert set(data) == {"sentence", "pair"}, name


def test_sentences_are_well_formed(part: tuple[str, dict[str, Any]]) -> None:
    name, data = part
    pattern = re.compile(rf"^{PARTS[name]}\d{{3}}$")
    for sentence in data["sentence"]:
        assert set(sentence) <= SENTENCE_KEYS and {"id", "text"} <= set(sentence), sentence
        assert pattern.match(sentence["id"]), sentence["id"]
        assert isinstance(sentence["text"], str) and sentence["text"].strip(), sentence["id"]
        for commitment in sentence.get("commitment", []):
            assert set(commitment) == COMMITMENT_KEYS, (sentence["id"], commitment)
            actor, phrase, force = commitment["actor"], commitment["phrase"], commitment["force"]
            assert isinstance(actor, str) and actor == actor.lower(), sentence["id"]
            assert isinstance(phrase, str) and phrase.strip() and phrase == phrase.lower()
            assert _is_int(force) and 1 <= force <= 5, (sentence["id"], force)


def test_named_actors_appear_in_the_text(part: tuple[str, dict[str, Any]]) -> None:
    """An actor is as written, or inherited (then it too is written in the sentence)."""
    _, data = part
    for sentence in data["sentence"]:
        text = sentence["text"].lower()
        for commitment in sentence.get("commitment", []):
            assert commitment["actor"] in text, (sentence["id"], commitment["actor"])


def _check_change(pair_id: str, change: dict[str, Any]) -> None:
    assert set(change) == CHANGE_KEYS, (pair_id, change)
    kind = change["change"]
    before, after = change["before_force"], change["after_force"]
    assert kind in KINDS, (pair_id, kind)
    assert isinstance(change["before_phrase"], str) and isinstance(change["after_phrase"], str)
    assert _is_int(before) and _is_int(after), pair_id
    assert before in range(6) and after in range(6), pair_id
    if kind == "added":
        assert before == 0 and change["before_phrase"] == "", pair_id
    else:
        assert 1 <= before <= 5 and change["before_phrase"], pair_id
    if kind == "dropped":
        assert after == 0 and change["after_phrase"] == "", pair_id
    else:
        assert 1 <= after <= 5 and change["after_phrase"], pair_id
    if kind == "strengthened":
        assert after > before, pair_id
    if kind == "softened":
        assert after < before, pair_id


def test_pairs_are_well_formed(part: tuple[str, dict[str, Any]]) -> None:
    name, data = part
    pattern = re.compile(rf"^{PARTS[name]}p\d{{3}}$")
    for pair in data["pair"]:
        assert set(pair) <= PAIR_KEYS and {"id", "before", "after"} <= set(pair), pair
        assert pattern.match(pair["id"]), pair["id"]
        for key in ("before", "after"):
            assert isinstance(pair[key], str) and pair[key].strip(), (pair["id"], key)
        assert pair["before"] != pair["after"], pair["id"]
        for change in pair.get("change", []):
            _check_change(pair["id"], change)


def test_ids_and_texts_unique_across_both_parts() -> None:
    parts = {name: _load(name) for name in PARTS}
    ids = [s["id"] for d in parts.values() for s in d["sentence"]]
    ids += [p["id"] for d in parts.values() for p in d["pair"]]
    assert not [i for i, n in Counter(ids).items() if n > 1]
    sentences = [s["text"] for d in parts.values() for s in d["sentence"]]
    assert len(sentences) == len(set(sentences)), "a sentence is labelled twice"
    # no leakage: no text of the held-out part appears in the tuning part
    assert not _texts(parts["tuning"]) & _texts(parts["heldout"])


def _texts(data: dict[str, Any]) -> set[str]:
    out = {s["text"] for s in data["sentence"]}
    return out | {p[k] for p in data["pair"] for k in ("before", "after")}


def _counts(data: dict[str, Any]) -> dict[str, int]:
    sentences = data["sentence"]
    changes = [c for p in data["pair"] for c in p.get("change", [])]
    kinds = Counter(c["change"] for c in changes)
    return {
        "commitments": sum(len(s.get("commitment", [])) for s in sentences),
        "empty": sum(1 for s in sentences if not s.get("commitment")),
        "multi": sum(1 for s in sentences if len(s.get("commitment", [])) >= 2),
        "pairs": len(data["pair"]),
        "unchanged_pairs": sum(1 for p in data["pair"] if not p.get("change")),
        **{kind: kinds[kind] for kind in sorted(KINDS)},
    }


def test_sizes_meet_the_brief() -> None:
    tuning, heldout = _counts(_load("tuning")), _counts(_load("heldout"))
    assert tuning["commitments"] + heldout["commitments"] >= 220
    assert tuning["empty"] + heldout["empty"] >= 40
    assert tuning["pairs"] + heldout["pairs"] >= 70
    for key in ("commitments", "empty", "pairs"):
        share = tuning[key] / (tuning[key] + heldout[key])
        assert 0.5 <= share <= 0.7, (key, share)


def test_both_parts_hold_the_same_mix() -> None:
    for name in PARTS:
        counts = _counts(_load(name))
        for key in ("multi", "unchanged_pairs", *sorted(KINDS)):
            assert counts[key] >= 3, (name, key, counts[key])
        forces = Counter(
            c["force"] for s in _load(name)["sentence"] for c in s.get("commitment", [])
        )
        assert set(forces) == {1, 2, 3, 4, 5}, (name, forces)
