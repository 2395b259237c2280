"""`dumps_json` writes the bytes of json.dumps(sort_keys, ensure_ascii=False, indent=2,
allow_nan=False), terminal-unsafe characters escaped, and refuses what json.dumps refuses."""

from __future__ import annotations

import json
import math
import random
from collections import OrderedDict
from enum import IntEnum
from typing import Any

import pytest

from compare.report.serialize import _TERMINAL_UNSAFE, dumps_json, json_pieces


def _reference(doc: Any) -> str:
    text = json.dumps(doc, sort_keys=True, ensure_ascii=False, indent=2, allow_nan=False)
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


class _Level(IntEnum):
    HIGH = 3


class _Name(str):
    pass


@pytest.mark.parametrize("doc", [
    {}, [], {"a": []}, {"b": {}, "a": [1, 2.5, -0.0, 1e300, True, False, None, 'x\u0085"\\\n']},
    {"z": (1, (2, [])), "k": OrderedDict([("b", 1), ("a", 2)])},
    {"e": _Level.HIGH, "s": _Name("q")}, [1.0, 0.1 + 0.2, 12345678901234567890], "top", 5, None,
    {"\u2028": "\x00\x1f\u202e"},
])
def test_same_bytes_as_json_dumps(doc: Any) -> None:
    assert dumps_json(doc) == _reference(doc)


@pytest.mark.parametrize("doc", [{"x": math.nan}, {"x": -math.inf}, {"x": {1, 2}},
                                 {"a": 1, 2: 3}])
def test_refuses_what_json_dumps_refuses(doc: Any) -> None:
    with pytest.raises((TypeError, ValueError)) as ours:
        dumps_json(doc)
    with pytest.raises((TypeError, ValueError)) as theirs:
        _reference(doc)
    assert type(ours.value) is type(theirs.value)


def _random(rng: random.Random, depth: int) -> Any:
    leaves = ["s\u00e9", "", "\u202e", -1, 0, 2.5, 1e-7, None, True, False]
    r = rng.random()
    if depth < 5 and r < 0.3:
        return {rng.choice("abcde") + str(i): _random(rng, depth + 1)
                for i in range(rng.randint(0, 4))}
    if depth < 5 and r < 0.6:
        return [_random(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    return rng.choice(leaves)


def test_random_documents() -> None:
    rng = random.Random(7)
    for _ in range(500):
        doc = _random(rng, 0)
        assert dumps_json(doc) == _reference(doc)


def test_pieces_concatenate_to_the_document() -> None:
    """`json_pieces` cuts the text between top-level keys and list items; terminal-unsafe
    characters are escaped in every piece."""
    rng = random.Random(8)
    docs = [{"b": [{"x": "\u202e"}, [1], "s"], "a": [], "c": {"d": ["\x9b"]}}, {}, {"a": 1},
            {"a": [math.nan]}, {"a": {1: 2}}, OrderedDict([("b", [1]), ("a", 2)])]
    docs += [_random(rng, 0) for _ in range(300)]
    for doc in docs:
        try:
            expected = _reference(doc)
        except (TypeError, ValueError):
            continue
        pieces = json_pieces(doc)
        assert "".join(pieces) == expected
        assert all(not _TERMINAL_UNSAFE.search(p) for p in pieces)
    assert len(json_pieces({"a": [1, 2, 3], "b": 1})) > 3  # really cut
