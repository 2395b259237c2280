"""JSON output: one writer for every `scodiff.<kind>/<version>` document.

Keys sorted, UTF-8 (not ASCII-escaped), two-space indent, "\\n" line endings and one final newline:
the same input gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from .model import Declaration, Sentence


def dumps_json(doc: dict[str, Any]) -> str:
    """Serialise a JSON document deterministically."""
    return json.dumps(doc, sort_keys=True, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


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
