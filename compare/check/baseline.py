"""Check stage, the baseline: findings accepted as they are, so that only new ones are reported.

A baseline is a JSON file (`scodiff.baseline/1`): one entry per finding with its fingerprint,
code, declaration, unit, file and message, sorted. Applying it marks the findings whose
fingerprint it holds as baselined (not reported, but emitted as suppressed in SARIF) and returns
the entries that no longer match any finding: each is reported as `B001`, at its line in the
baseline file. Fingerprints leave line numbers out, so an edit above a finding keeps it matched.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..report.serialize import dumps_json
from ..store.fsio import read_bytes
from .config import ConfigError
from .findings import Finding

FORMAT = "scodiff.baseline/1"
_FIELDS = ("code", "declaration", "file", "fingerprint", "message", "unit")


@dataclass(frozen=True)
class Entry:
    fingerprint: str
    code: str
    declaration: str | None
    unit: str | None
    file: str
    message: str
    line: int | None = None
    column: int | None = None


def load(path: str) -> list[Entry]:
    """The entries of a baseline file; a file that is not one is a ConfigError naming it."""
    data = read_bytes(path)
    try:
        doc: Any = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: expected a {FORMAT} JSON file, found: {exc}") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        found = doc.get("format") if isinstance(doc, dict) else type(doc).__name__
        raise ConfigError(f"{path}: format: expected {FORMAT!r}, found {found!r}")
    entries = doc.get("findings")
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: findings: expected a list of entries")
    text = data.decode("utf-8")
    out = []
    for k, e in enumerate(entries):
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str) or not all(
                isinstance(e.get(f), str | None) for f in _FIELDS):
            raise ConfigError(f"{path}: findings[{k}]: expected an object with a string "
                              "fingerprint, code, file and message")
        at = text.find(f'"{e["fingerprint"]}"')
        line = text.count("\n", 0, at) + 1 if at >= 0 else None
        column = at - text.rfind("\n", 0, at) if at >= 0 else None
        out.append(Entry(e["fingerprint"], str(e.get("code") or ""), e.get("declaration"),
                         e.get("unit"), str(e.get("file") or ""), str(e.get("message") or ""),
                         line, column))
    return out


def apply(findings: Sequence[Finding], entries: Sequence[Entry]
          ) -> tuple[list[Finding], list[Entry]]:
    """Findings with `baselined` set where the baseline has them; the entries left unmatched."""
    known = {e.fingerprint for e in entries}
    matched: set[str] = set()
    out = []
    for f in findings:
        if f.fingerprint in known:
            matched.add(f.fingerprint)
            out.append(replace(f, baselined=True))
        else:
            out.append(f)
    return out, [e for e in entries if e.fingerprint not in matched]


def _entry_json(f: Finding | Entry) -> dict[str, Any]:
    return {"code": f.code, "declaration": f.declaration, "file": f.file.replace(os.sep, "/"),
            "fingerprint": f.fingerprint, "message": f.message, "unit": f.unit}


def dumps(items: Sequence[Finding | Entry]) -> bytes:
    """A baseline file holding `items` (findings to accept, or entries to keep)."""
    rows = sorted((_entry_json(f) for f in items),
                  key=lambda e: (e["file"], e["code"], e["fingerprint"]))
    return dumps_json({"format": FORMAT, "findings": rows}).encode("utf-8")
