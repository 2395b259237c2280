"""Check stage, findings: what a rule reports, and the fingerprint that identifies it.

A `Finding` names its rule, the file, line and column in that file, the declaration and the unit
it is about, and a message. Its fingerprint is a hash of the rule, the declaration id, the unit
id and the text the finding is about (plus the occurrence among identical ones), never of line
numbers: an edit above a finding leaves it as it was, so a baseline keeps matching it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    file: str
    line: int | None
    column: int | None
    declaration: str | None
    unit: str | None
    message: str
    subject: str = ""
    """The text the finding is about (a sentence, a name): part of the fingerprint."""
    fingerprint: str = ""
    baselined: bool = False

    @property
    def name(self) -> str:
        from .rules import BY_CODE

        return BY_CODE[self.code].name


def _digest(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        h.update(str(len(data)).encode() + b":" + data)
    return h.hexdigest()[:32]


def fingerprinted(findings: list[Finding]) -> list[Finding]:
    """Each finding with its fingerprint: rule, declaration, unit, subject and occurrence.

    For a file that cannot be read as a declaration (no declaration id), the file's path
    stands in for the id.
    """
    seen: Counter[tuple[str, str, str, str]] = Counter()
    out: list[Finding] = []
    for f in findings:
        key = (f.code, f.declaration or f"file:{f.file}", f.unit or "", f.subject)
        nth = seen[key]
        seen[key] += 1
        out.append(replace(f, fingerprint=_digest(*key, str(nth))))
    return out


def order(findings: list[Finding]) -> list[Finding]:
    """File order as given, then line, column and code: the order every format prints."""
    files: dict[str, int] = {}
    for f in findings:
        files.setdefault(f.file, len(files))
    return sorted(findings, key=lambda f: (files[f.file], f.line or 0, f.column or 0, f.code,
                                           f.message))
