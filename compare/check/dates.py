"""Check stage, dates in the text: a full date next to the meeting place that is not the meeting's.

Dates are read in English (`16 August 2007`, `August 16, 2007`), Russian (`16 августа 2007`),
Chinese (`2007年8月16日`) and ISO (`2007-08-16`). A sentence that names the meeting place (its
stem, so an inflected Russian form counts) and has a full date within `NEAR` characters of it
is about the meeting: that date must be the metadata's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Declaration, Sentence, Unit

NEAR = 80

_EN = ["january", "february", "march", "april", "may", "june", "july", "august",
       "september", "october", "november", "december"]
_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
       "сентября", "октября", "ноября", "декабря"]
_MONTHS = {m: i + 1 for i, m in enumerate(_EN)} | {m: i + 1 for i, m in enumerate(_RU)}
_MONTH = "|".join(_EN + _RU)
_PATTERNS = (
    (re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})", re.IGNORECASE), (3, 2, 1)),
    (re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})", re.IGNORECASE), (3, 1, 2)),
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"), (1, 2, 3)),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), (1, 2, 3)),
)


def _dates(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, ISO date) of each full date in `text`."""
    for pattern, (y, m, d) in _PATTERNS:
        for match in pattern.finditer(text):
            month = match.group(m)
            mo = int(month) if month.isdigit() else _MONTHS[month.lower()]
            iso = f"{int(match.group(y)):04d}-{mo:02d}-{int(match.group(d)):02d}"
            yield match.start(), match.end(), iso


def mismatches(decl: Declaration) -> list[tuple[Sentence, Unit, int, str]]:
    """(sentence, unit, index, message) for each meeting date in the text unlike the metadata."""
    m = decl.meta.meeting
    date, place = m.date, (m.place_written or m.place).strip()  # as the text writes it
    if not date or len(place) < 3:
        return []
    stem = place.casefold()[: max(3, len(place) - 2)]
    out = []
    for unit in decl.units():
        for s in unit.sentences:
            folded = s.text.casefold()
            spots = [m.start() for m in re.finditer(re.escape(stem), folded)]
            if not spots:
                continue
            found = sorted(
                (min(abs(a - p) for p in spots), a, iso) for a, b, iso in _dates(s.text)
                if min(min(abs(a - p), abs(b - p)) for p in spots) <= NEAR
            )
            if found and found[0][2] != date:
                _, at, iso = found[0]
                out.append((s, unit, at, f"date {iso} in the text next to {place!r}, but the "
                                          f"meeting date is {date}"))
    return out
