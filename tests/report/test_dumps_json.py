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


def test_compiled_writer_used_only_where_it_writes_the_same() -> None:
    """orjson writes the values `_alike` accepts (JSON's exact types, floats of magnitude 1e-4
    to 1e16) as json.dumps does; around that range, and for all else, the pure writer."""
    from compare.report import serialize

    floats = [0.0, -0.0, 1e-4, 9.99e-5, 1e-05, 1.5e-7, 0.1 + 0.2, 1 / 3, 123456.789,
              9.999999999999998e15, 1e16, 1.5e300, 5e-324]
    rng = random.Random(9)
    floats += [rng.uniform(-1, 1) * 10 ** rng.uniform(-6, 18) for _ in range(3000)]
    for x in floats:
        assert dumps_json({"x": [x, {"y": x}]}) == _reference({"x": [x, {"y": x}]})
    assert not serialize._alike(1e-05) and not serialize._alike((1, 2))
    assert not serialize._alike({1: 2}) and not serialize._alike(_Name("q"))
    assert serialize._alike({"a": [1, 2.5, None, True, "s", {}]})
    for doc in ({"a": ["\ud800"]}, {"a": [2**64, -(2**63) - 1]}):  # orjson refuses; pure path
        assert dumps_json(doc) == _reference(doc)


def test_only_del_is_unsafe_in_ascii() -> None:
    """`json_pieces` skips the escaping scan of an ASCII piece without DEL: no other ASCII
    character is terminal-unsafe."""
    assert [c for c in map(chr, range(128)) if _TERMINAL_UNSAFE.match(c)] == ["\x7f"]
