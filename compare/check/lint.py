"""Check stage, lint: what looks wrong in a declaration's text. The text is never changed.

Quotes and brackets are balanced within a unit (a paragraph's own text, or one item), the other
character checks run sentence by sentence; paragraphs are read for a break in mid-sentence, the
printed numbers for gaps and repeats, units for repeated text, sentences that name the meeting
place for a date other than the meeting's. Each finding points at the character in the file
(`locate.Source`); at most `MAX_PER_RULE` findings of one rule are listed per file, then one
saying how many more there are, so a hostile file cannot flood the output.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator

from ..alignment.normalize import canonical
from ..model import Declaration, Sentence, Unit
from ..textfmt import clip
from . import dates, numbering, textscan
from .findings import Finding
from .locate import Source

MAX_PER_RULE = 50

Scan = Callable[[str], list[textscan.Hit]]
_UNIT_SCANS: tuple[tuple[str, Scan], ...] = (("L101", textscan.quotes),
                                             ("L102", textscan.brackets))
_SENTENCE_SCANS: tuple[tuple[str, Scan], ...] = (
    ("L103", textscan.doubled), ("L106", textscan.non_nfc), ("L107", textscan.invisible),
    ("L108", textscan.bidi),
)
_TERMINAL = ".!?:;\u2026\u3002\uff01\uff1f\uff1b\uff1a"
_CLOSING = "\"'\u201d\u2019\u00bb)]\u300d\u300f\uff09"


class _Lint:
    def __init__(self, decl: Declaration, source: Source | None, path: str) -> None:
        self.decl, self.source, self.path = decl, source, path
        self.out: list[Finding] = []

    def at(self, code: str, s: Sentence | None, index: int, unit: Unit | None, message: str,
           subject: str) -> None:
        line, col = (unit.line if unit else None), None
        if s is not None:
            line = s.line or line
            spot = self.source.sentence(s.id, index) if self.source else None
            if spot is not None:
                line, col = spot
        elif self.source is not None and unit is not None:
            line, col = self.source.element(unit.line, unit.kind)
        self.out.append(Finding(code, "", self.path, line, col, self.decl.id,
                                unit.id if unit else None, message, subject))


def _unit_scan(lint: _Lint, unit: Unit) -> None:
    parts = [s.text for s in unit.sentences]
    joined = "\n".join(parts)
    for code, scan in _UNIT_SCANS:
        for index, message in scan(joined):
            k, start = 0, 0
            while k + 1 < len(parts) and index >= start + len(parts[k]) + 1:
                start += len(parts[k]) + 1
                k += 1
            s = unit.sentences[k]
            lint.at(code, s, index - start, unit, message, s.text)
    for s in unit.sentences:
        for code, scan in _SENTENCE_SCANS:
            for index, message in scan(s.text):
                lint.at(code, s, index, unit, message, s.text)


def _broken(lint: _Lint, units: tuple[Unit, ...]) -> None:
    paragraphs = [u for u in units if u.kind == "paragraph"]
    has_items = {u.parent for u in units if u.kind == "item"}
    for this, nxt in itertools.pairwise(paragraphs):
        text, following = this.text.rstrip().rstrip(_CLOSING), nxt.text.lstrip()
        if not text or not this.sentences or this.id in has_items or text[-1] in _TERMINAL:
            continue
        first = next((c for c in following if c.isalpha()), "")
        if first.islower() or text.endswith((",", "-")):
            last = this.sentences[-1]
            lint.at("L104", last, len(last.text.rstrip()) - 1, this,
                    f"paragraph ends without a full stop and {nxt.id} goes on "
                    f"{clip(following, 30)!r}: broken in mid-sentence?", this.text)


def _duplicates(lint: _Lint, units: tuple[Unit, ...]) -> None:
    first: dict[str, Unit] = {}
    for u in units:
        key = canonical(u.text)
        if len(key) < 30:
            continue
        if key in first:
            prior = first[key]
            lint.at("L109", None, 0, u, f"repeats the text of {prior.id} (line {prior.line})",
                    u.text)
        else:
            first[key] = u


def _capped(found: list[Finding]) -> Iterator[Finding]:
    counts: dict[str, int] = {}
    for f in found:
        counts[f.code] = counts.get(f.code, 0) + 1
        n = counts[f.code]
        if n <= MAX_PER_RULE:
            yield f
    for code, n in sorted(counts.items()):
        if n > MAX_PER_RULE:
            last = next(f for f in reversed(found) if f.code == code)
            yield Finding(code, "", last.file, last.line, last.column, last.declaration, None,
                          f"... and {n - MAX_PER_RULE} more like this in this file",
                          f"more:{n - MAX_PER_RULE}")


def lint(decl: Declaration, source: Source | None, path: str) -> list[Finding]:
    """Every lint finding of one declaration (severity filled in later from the rules)."""
    state = _Lint(decl, source, path)
    units = decl.units()
    for u in units:
        _unit_scan(state, u)
    _broken(state, units)
    for unit, message in numbering.problems(decl):
        state.at("L105", None, 0, unit, message, f"{unit.number}|{unit.text}")
    _duplicates(state, units)
    for s, unit, index, message in dates.mismatches(decl):
        state.at("L110", s, index, unit, message, s.text)
    return list(_capped(state.out))
