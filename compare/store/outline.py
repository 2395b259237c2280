"""Plain-text renderings of one declaration and of the corpus (for `show` and `list`).

Columns are padded to the widest value, so output is stable and diffable; nothing depends on the
terminal's width or locale.
"""

from __future__ import annotations

import textwrap
from typing import Any

from ..model import Declaration, Unit
from ..textfmt import clip, columns, one_line, visible
from .catalogue import Entry

_WIDTH = 100


def _header(decl: Declaration) -> list[str]:
    m, f = decl.meta, one_line  # every field on its own line, whatever it holds
    facts = ", ".join(f(x) for x in (m.kind, m.status, m.language) if x)
    lines = [f"{f(m.id)}  {f(m.title) or '(untitled)'}" + (f"  ({facts})" if facts else "")]
    place = m.meeting.place + (f" ({m.meeting.place_written})" if m.meeting.place_written else "")
    meeting = ", ".join(f(x) for x in (m.meeting.body, place, m.meeting.date) if x)
    if meeting:
        lines.append(f"meeting: {meeting}")
    if m.parties:
        lines.append("parties: " + ", ".join(f"{f(p.code)} {f(p.name)}" for p in m.parties))
    if m.version_label or m.version_of:
        of = f" of {f(m.version_of)}" if m.version_of else ""
        lines.append(f"version: {f(m.version_label) or '(unlabelled)'}{of}")
    if m.source or m.source_url:
        lines.append("source: " + " ".join(f(x) for x in (m.source, m.source_url) if x))
    if m.truncated:
        lines.append("cut off: the copy ends mid-sentence or mid-word; what follows its last "
                     "unit is missing")
    return lines


def _furniture_lines(decl: Declaration, full: bool) -> list[str]:
    """What the importer left out of the body: a count, or (`full`) every line of it."""
    if not decl.furniture:
        return []
    n = len(decl.furniture)
    if not full:
        return [f"left out of the body: {n} line(s) of page furniture or header "
                "(show --full lists them)"]
    return ["", f"left out of the body ({n} line(s) of page furniture or header):",
            *(f"  | {one_line(line)}" for line in decl.furniture)]


def _unit_lines(unit: Unit, full: bool, width: int) -> list[str]:
    indent = "  " if unit.kind == "item" else ""
    number = f"{unit.number} " if unit.number else ""
    head = f"{indent + unit.id:<{width + 2}}  {number}"
    if not full:
        return [head + clip(unit.text, max(20, _WIDTH - len(head)))]
    lines = [head.rstrip()]
    for s in unit.sentences:
        wrapped = textwrap.wrap(one_line(s.text), _WIDTH - 8, break_long_words=False) or [""]
        lines.append(f"{indent}    {s.id}")
        lines.extend(f"{indent}      {w}" for w in wrapped)
    return lines


def outline(decl: Declaration, full: bool = False) -> str:
    """Header, then one line per unit (id, number, text clipped), each section heading on a
    line of its own above its first paragraph, and what the importer left out of the body (a
    count; `full` lists it, and every sentence)."""
    units = decl.units()
    width = max((len(u.id) for u in units), default=0)
    headings = {p.id: p.heading for p in decl.paragraphs if p.heading}
    lines = [*_header(decl), ""]
    lines.append(f"{len(decl.paragraphs)} paragraphs, {len(units) - len(decl.paragraphs)} items, "
                 f"{len(decl.sentences())} sentences"
                 + (f", {len(headings)} section headings" if headings else ""))
    if not full:
        lines.extend(_furniture_lines(decl, full))
    for u in units:
        if u.id in headings:
            lines.append(f"-- {one_line(headings[u.id])} --")
        lines.extend(_unit_lines(u, full, width))
    if full:
        lines.extend(_furniture_lines(decl, full))
    return visible("\n".join(lines)) + "\n"


_COLUMNS = ("id", "date", "place", "kind", "status", "paragraphs")


def catalogue_table(entries: list[Entry]) -> str:
    """The corpus as an aligned table, one declaration per row."""
    return columns([_COLUMNS] + [
        (e.id, e.date or "-", e.place or "-", e.kind or "-", e.status or "-", str(e.paragraphs))
        for e in entries
    ])


def catalogue_json(entries: list[Entry]) -> dict[str, Any]:
    """The `scodiff.corpus/1` document."""
    return {
        "format": "scodiff.corpus/1",
        "declarations": [
            {"id": e.id, "title": e.title, "date": e.date or None, "place": e.place or None,
             "kind": e.kind or None, "status": e.status or None, "paragraphs": e.paragraphs,
             "units": e.units, "path": e.path}
            for e in entries
        ],
    }
