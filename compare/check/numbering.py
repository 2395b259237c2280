"""Check stage, numbering: the printed numbers of paragraphs, and of the items of each list.

A number (`<num>`) is read as arabic (`1.`, `(2)`, `3)`), a letter (`a)`, `B.`) or a roman
numeral (`iv.`, when the sequence starts at `i`); bullets (`-`, `•`) and anything else are not
numbers and are skipped. Consecutive numbers of one style should run on by one: a repeat, a gap
or a step back is reported on the unit where it shows.
"""

from __future__ import annotations

import re

from ..model import Declaration, Unit

_NUM = re.compile(r"^\(?\s*([0-9]{1,6}|[A-Za-z]|[ivxlcdmIVXLCDM]{1,8})\s*[.)]?\)?$")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def _roman(s: str) -> int | None:
    s = s.lower()
    if not s or any(c not in _ROMAN for c in s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " ", strict=True):
        v = _ROMAN[a]
        total += -v if b != " " and _ROMAN[b] > v else v
    return total


def _values(units: list[Unit]) -> list[tuple[Unit, str, int]]:
    """(unit, style, value) of the units whose number reads as one."""
    bodies = [(u, m.group(1)) for u in units if u.number and (m := _NUM.match(u.number.strip()))]
    if not bodies:
        return []
    first = bodies[0][1]
    roman = first.lower() == "i" and all(_roman(b) for _, b in bodies if not b.isdigit())
    out: list[tuple[Unit, str, int]] = []
    for u, b in bodies:
        if b.isdigit():
            out.append((u, "arabic", int(b)))
        elif roman and _roman(b):
            out.append((u, "roman", int(_roman(b) or 0)))
        elif len(b) == 1:
            out.append((u, "lower" if b.islower() else "upper", ord(b.lower()) - 96))
    return out


def _sequence(units: list[Unit], what: str) -> list[tuple[Unit, str]]:
    out: list[tuple[Unit, str]] = []
    prev: dict[str, tuple[Unit, int]] = {}
    for u, style, value in _values(units):
        if style in prev:
            before, v = prev[style]
            shown = f"{u.number!r} after {before.number!r} ({before.id})"
            if value == v:
                out.append((u, f"{what} number repeated: {shown}"))
            elif value > v + 1:
                n = value - v - 1
                out.append((u, f"{what} numbering skips {n}: {shown}"))
            elif value < v:
                out.append((u, f"{what} number out of order: {shown}"))
        prev[style] = (u, value)
    return out


def problems(decl: Declaration) -> list[tuple[Unit, str]]:
    """Repeats, gaps and steps back among paragraph numbers and within each list."""
    units = decl.units()
    out = _sequence([u for u in units if u.kind == "paragraph"], "paragraph")
    for p in decl.paragraphs:
        if p.items:
            out += _sequence([u for u in units if u.parent == p.id], "item")
    return out
