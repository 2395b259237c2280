"""JSON output: one writer for every `scodiff.<kind>/<version>` document.

Keys sorted, UTF-8 (not ASCII-escaped), two-space indent, "\\n" line endings and one final newline:
the same input gives the same bytes.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import Any

from ..model import Alignment, Declaration, Sentence

_TERMINAL_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                              "\u2066-\u2069]")
"""Characters a terminal runs or that reorder a line (DEL, C1 controls such as CSI and OSC, bidi
controls, line separators): written as `\\uXXXX` escapes, which JSON reads as the same string."""


def dumps_json(doc: dict[str, Any]) -> str:
    """Serialise a JSON document deterministically; nothing in it drives a terminal. The bytes
    are those of ``json.dumps(doc, sort_keys=True, ensure_ascii=False, indent=2,
    allow_nan=False)``, written by `_encode` (the standard library writes indented JSON in pure
    Python, one generator per container); anything `_encode` does not know goes to json.dumps."""
    return "".join(json_pieces(doc))


def json_pieces(doc: dict[str, Any]) -> list[str]:
    """`dumps_json(doc)` in pieces that concatenate to it: one per key of the document, and one
    per item of a list under a key (a pair, a commitment change). A command writes them one
    after another, so that a long document (megabytes at N=400) is never one string, copied
    again for each step of its writing."""
    try:
        pieces = _top_pieces(doc) if type(doc) is dict and doc else [_encode(doc, "\n")]
    except _Unusual:
        pieces = [json.dumps(doc, sort_keys=True, ensure_ascii=False, indent=2, allow_nan=False)]
    pieces.append("\n")
    return [p if p.isascii() and "\x7f" not in p else _TERMINAL_UNSAFE.sub(_escape, p)
            for p in pieces]  # ASCII holds one of those characters only: DEL


def _escape(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


_ITEM = "\n    "
"""The line break and indentation of an item of a list under a key of the document."""


def _top_pieces(doc: dict[str, Any]) -> list[str]:
    """`_encode(doc, "\\n")` of a non-empty dict, cut between its keys and list items."""
    for k in doc:
        if type(k) is not str:
            raise _Unusual
    out = ["{"]
    encode = _fast_encoder()
    for i, (k, v) in enumerate(sorted(doc.items())):
        out.append(f"{',' if i else ''}\n  {_STRING(k)}: ")
        if type(v) is list and v:
            out.append("[")
            out.extend(f"{',' if j else ''}{_ITEM}{encode(x, _ITEM)}" for j, x in enumerate(v))
            out.append("\n  ]")
        else:
            out.append(encode(v, "\n  "))
    out.append("\n}")
    return out


def _fast_encoder() -> Callable[[Any, str], str]:
    """`_encode`, through orjson (compiled; several times faster) when it is installed, for the
    values it writes as json.dumps does (`_alike`); `_encode` itself otherwise."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - orjson is a dependency; the pure path is the same
        return _encode
    dumps, option, error = orjson.dumps, orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS, TypeError

    def encode(o: Any, indent: str) -> str:
        if _alike(o):
            try:  # no line break inside a JSON string: each one starts an indented line
                return dumps(o, option=option).decode().replace("\n", indent)
            except error:  # a lone surrogate, an integer past 64 bits: the pure writer
                return _encode(o, indent)
        return _encode(o, indent)

    return encode


def _alike(o: Any) -> bool:
    """Whether orjson writes `o` as json.dumps does: only JSON's own exact types, string keys,
    and floats zero or of magnitude 1e-4 to 1e16 (outside, the two write exponents
    differently: json.dumps 1e-05, orjson 0.00001)."""
    kind = type(o)
    if kind in _LEAVES:
        return True
    if kind is float:
        return bool(o == 0.0 or 1e-4 <= abs(o) < 1e16)
    if kind is dict:
        if not all(type(k) is str for k in o):
            return False
        values: Any = o.values()
    elif kind is list:
        values = o
    else:
        return False
    for v in values:  # noqa: SIM110 (a loop, not all(): no call for the many leaves)
        if type(v) not in _LEAVES and not _alike(v):
            return False
    return True


_LEAVES = frozenset({str, int, bool, type(None)})


class _Unusual(Exception):
    """A value `_encode` leaves to json.dumps: a key that is not a string, a float out of
    range, a type JSON does not have (json.dumps then writes or refuses it as it always has)."""


_STRING = json.encoder.encode_basestring  # the C function json.dumps uses (ensure_ascii=False)


def _encode(o: Any, indent: str) -> str:
    """`o` as json.dumps writes it with indent 2 and sorted keys, at the line break plus
    indentation `indent`: the common exact types first, then json.encoder's checks in its order
    (str, None, bools, int, float, list or tuple, dict) for subclasses. A container is one
    f-string around one join: a chain of `+` would copy the (megabytes long) text once per `+`
    at every level of nesting."""
    kind = type(o)
    if kind is str:
        return _STRING(o)
    inner = indent + "  "
    if kind is dict:
        if not o:
            return "{}"
        for k in o:
            if type(k) is not str:
                raise _Unusual
        items = ("," + inner).join([f"{_STRING(k)}: {_encode(v, inner)}"
                                    for k, v in sorted(o.items())])
        return f"{{{inner}{items}{indent}}}"
    if kind is list:
        if not o:
            return "[]"
        return f"[{inner}{(',' + inner).join([_encode(v, inner) for v in o])}{indent}]"
    if kind is int:
        return int.__repr__(o)
    return _other(o, indent)


def _other(o: Any, indent: str) -> str:
    if isinstance(o, str):
        return _STRING(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        if o != o or o in (math.inf, -math.inf):
            raise _Unusual
        return float.__repr__(o)
    inner = indent + "  "
    if isinstance(o, (list, tuple)):
        if not o:
            return "[]"
        return f"[{inner}{(',' + inner).join([_encode(v, inner) for v in o])}{indent}]"
    raise _Unusual  # a dict subclass (its keys may not sort as str), or not JSON at all


def _sentences(sentences: tuple[Sentence, ...]) -> list[dict[str, Any]]:
    return [{"id": s.id, "text": s.text} for s in sentences]


def declaration_to_json(decl: Declaration) -> dict[str, Any]:
    """The `scodiff.declaration/1` contract (see DESIGN.md), units in document order."""
    m = decl.meta
    return {
        "format": "scodiff.declaration/1",
        "id": m.id,
        "title": m.title,
        "date": m.meeting.date or None,
        "language": m.language,
        "status": m.status or None,
        "kind": m.kind or None,
        "place": m.meeting.place or None,
        "place_written": m.meeting.place_written or None,
        "version": {"label": m.version_label or None, "of": m.version_of or None},
        "units": [
            {
                "id": u.id,
                "kind": u.kind,
                "number": u.number,
                "parent": u.parent,
                "text": u.text,
                "sentences": _sentences(u.sentences),
            }
            for u in decl.units()
        ],
    }


# --- alignment (scodiff.alignment/1) -----------------------------------------------------------


def _diff_json(diff: tuple[tuple[int, str], ...]) -> list[list[Any]]:
    return list(map(list, diff))  # each (op, text) as [op, text]


def _pair_json(p: Any, cites: tuple[dict[str, str], dict[str, str]]) -> dict[str, Any]:
    return {
        "relation": p.relation.value,
        "left": list(p.left),
        "right": list(p.right),
        "cite": {"left": [cites[0][i] for i in p.left], "right": [cites[1][i] for i in p.right]},
        "similarity": round(p.similarity, 4),
        "diff": _diff_json(p.diff),
        "notes": list(p.notes),
        "sentences": [
            {"relation": s.relation.value, "left": s.left, "right": s.right,
             "similarity": round(s.similarity, 4), "diff": _diff_json(s.diff)}
            for s in p.sentences
        ],
    }


def alignment_to_json(alignment: Alignment) -> dict[str, Any]:
    """The `scodiff.alignment/1` contract (see DESIGN.md); pairs in the alignment's order.

    Extra keys beyond the contract: per pair `notes`, `sentences` and `cite` (how an analyst
    cites each unit, `¶7` or `¶6(2)`, side by side with `left` and `right`); per commitment change
    `level`, `actor`, `phrase`, `reasons`; `entities`; `summary` (pairs per relation); for a
    copy that is cut off, `truncated: true` on its side and `cut_off`: the commitments past its
    end, which are not counted as changes.
    """
    from ..alignment.table import citations
    from ..commitments.output import change_to_json

    cites = (citations(alignment.left.units()), citations(alignment.right.units()))
    summary: dict[str, int] = {}
    for p in alignment.pairs:
        summary[p.relation.value] = summary.get(p.relation.value, 0) + 1
    doc = {
        "format": "scodiff.alignment/1",
        "left": _side_json(alignment.left),
        "right": _side_json(alignment.right),
        "pairs": [_pair_json(p, cites) for p in alignment.pairs],
        "commitments": [change_to_json(c) for c in alignment.commitments],
        "entities": [
            {"name": e.name, "kind": e.kind, "change": e.change, "units": list(e.units)}
            for e in alignment.entities
        ],
        "summary": summary,
    }
    if alignment.cut_off:  # past the end of a cut-off copy: listed apart, not changes
        doc["cut_off"] = [change_to_json(c) for c in alignment.cut_off]
    return doc


def _side_json(decl: Declaration) -> dict[str, Any]:
    side: dict[str, Any] = {"id": decl.id, "title": decl.meta.title}
    if decl.meta.truncated:
        side["truncated"] = True  # the copy ends mid-sentence or mid-word
    return side
