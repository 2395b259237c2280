"""Phrase tracking: where a phrase occurs in each declaration, how often, and when it came and went.

A phrase matches as written, whole words only (not inside a longer word; "Afghanistan" matches
in "Afghanistan's"), any run of spaces matching any other, in the sentence's canonical form
(invisible characters dropped, NFC, one space: what the reader sees); with `regex` it is a
Python regular expression (at most `MAX_PATTERN` characters); `ignore_case` folds case. Counts
are per declaration and per 1,000 words (words: runs of letters or digits), so declarations of
different lengths compare. `track_document` is the `scodiff.track/1` JSON document;
`track_text` the table for a terminal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..alignment.normalize import canonical
from ..errors import ScodiffError
from ..model import Declaration
from ..textfmt import visible

FORMAT = "scodiff.track/1"
MAX_PATTERN = 500
"""Longest phrase or regular expression accepted."""
_WORD = re.compile(r"\w+")


def pattern(phrase: str, regex: bool = False, ignore_case: bool = False) -> re.Pattern[str]:
    if not phrase.strip():
        raise ScodiffError("expected a phrase, found an empty string")
    if len(phrase) > MAX_PATTERN:
        raise ScodiffError(f"phrase longer than {MAX_PATTERN} characters")
    flags = re.IGNORECASE if ignore_case else 0
    if not regex:
        words = [re.escape(w) for w in canonical(phrase).split()]
        phrase = r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"
    try:
        return re.compile(phrase, flags)
    except re.error as exc:
        raise ScodiffError(f"not a regular expression: {phrase!r}: {exc}") from None


def words(decl: Declaration) -> int:
    return sum(len(_WORD.findall(canonical(s.text))) for s in decl.sentences())


def _occurrences(decl: Declaration, pat: re.Pattern[str]) -> list[dict[str, Any]]:
    out = []
    for u in decl.units():
        for s in u.sentences:
            text = canonical(s.text)
            for m in pat.finditer(text):
                if m.end() > m.start():
                    out.append({"declaration": decl.id, "unit": u.id, "sentence": s.id,
                                "text": text, "start": m.start(), "end": m.end()})
    return out


def track_document(decls: Sequence[Declaration], phrases: Sequence[str], regex: bool = False,
                   ignore_case: bool = False) -> dict[str, Any]:
    """Every occurrence of each phrase in `decls` (already in date order)."""
    sizes = {d.id: words(d) for d in decls}
    rows = []
    for phrase in phrases:
        pat = pattern(phrase, regex, ignore_case)
        occ = [o for d in decls for o in _occurrences(d, pat)]
        per: list[dict[str, Any]] = []
        for d in decls:
            n = sum(1 for o in occ if o["declaration"] == d.id)
            rate = round(1000 * n / sizes[d.id], 3) if sizes[d.id] else 0.0
            per.append({"declaration": d.id, "count": n, "per_1000_words": rate})
        seen = [p["declaration"] for p in per if p["count"]]
        rows.append({"phrase": phrase, "regex": regex, "ignore_case": ignore_case,
                     "total": len(occ), "first": seen[0] if seen else None,
                     "last": seen[-1] if seen else None, "by_declaration": per,
                     "occurrences": occ})
    return {
        "format": FORMAT,
        "declarations": [{"id": d.id, "title": d.meta.title, "date": d.meta.meeting.date or None,
                          "status": d.meta.status or None, "words": sizes[d.id]}
                         for d in decls],
        "phrases": rows,
    }


def _cell(per: dict[str, Any]) -> str:
    return f"{per['count']:>3} ({per['per_1000_words']:.2f})"


def track_text(doc: dict[str, Any]) -> str:
    """Counts per declaration, one column per phrase, then each occurrence."""
    phrases = doc["phrases"]
    width = max((len(d["id"]) for d in doc["declarations"]), default=0)
    head = f"{'declaration':<{width}}  " + "  ".join(f"{p['phrase']!r} (per 1,000 words)"
                                                     for p in phrases)
    lines = [head]
    for k, d in enumerate(doc["declarations"]):
        cells = [_cell(p["by_declaration"][k]) for p in phrases]
        lines.append(f"{d['id']:<{width}}  " + "  ".join(cells))
    for p in phrases:
        where = f"first {p['first']}, last {p['last']}" if p["total"] else "not found"
        lines.append(f"{p['phrase']!r}: {p['total']} occurrence(s); {where}")
        for o in p["occurrences"]:
            lines.append(f"  {o['declaration']} {o['unit']} {o['sentence']}: {o['text']}")
    return visible("\n".join(lines)) + "\n"
