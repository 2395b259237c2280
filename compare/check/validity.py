"""Check stage, validity: each file read as a declaration, and what makes it invalid or incomplete.

`read(path)` parses the file once with the project's hardened parser and validator
(`store.xmlio.inspect`) and sorts what `validate` says into codes: a problem inside `<meta>` is
`V003` (an error: malformed) or `V004` (a warning: missing), a duplicate id `V002`, any other
error `V001` (the file cannot be used: trouble), any other warning `V006`. `across(files)` adds
what only the set shows: a declaration id used by two files, a version of an unknown id.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import DeclarationError
from ..model import Declaration
from ..store.fsio import read_bytes
from ..store.xmlio import Problem, inspect
from ..store.xmlsafe import parse_bytes
from .findings import Finding
from .locate import Source

_NS = "{urn:scodiff:declaration:1}"


@dataclass(frozen=True)
class Loaded:
    """One file as read: its declaration (None when unusable), raw text and validity findings."""

    path: str
    decl: Declaration | None
    source: Source | None
    findings: tuple[Finding, ...]


def _meta_lines(data: bytes, path: str) -> tuple[int, int]:
    """The lines from `<meta>` up to `<body>` (0, 0 when the tree cannot be read)."""
    try:
        root = parse_bytes(data, path)
    except DeclarationError:
        return 0, 0
    meta, body = root.find(_NS + "meta"), root.find(_NS + "body")
    start = meta.sourceline if meta is not None else None
    end = body.sourceline if body is not None else None
    return start or 0, end or (start or 0) + 1


def _code(p: Problem, meta: tuple[int, int]) -> str:
    in_meta = p.line is not None and meta[0] <= p.line < meta[1]
    if p.severity == "warning":
        return "V004" if in_meta else "V006"
    if p.message.startswith("duplicate id "):
        return "V002"
    return "V003" if in_meta else "V001"


def read(path: Path) -> Loaded:
    """Read and validate one file; never raises for bad input."""
    name = os.fspath(path)
    try:
        data = read_bytes(name)
    except DeclarationError as exc:
        return Loaded(name, None, None, (Finding("V001", "error", name, exc.line, exc.column,
                                                 None, None, exc.message, exc.message),))
    decl, problems = inspect(path)
    meta = _meta_lines(data, name)
    try:
        source: Source | None = Source(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        source = None
    out = []
    for p in problems:
        code = _code(p, meta)
        col = None
        if source is not None and p.line is not None:
            col = source.element(p.line, "")[1]
        out.append(Finding(code, "error" if p.severity == "error" else "warning", name,
                           p.line, col, decl.id if decl else None, None, p.message, p.message))
    return Loaded(name, decl, source if decl is not None else None, tuple(out))


def across(files: Sequence[Loaded], corpus: Sequence[Declaration]) -> list[Finding]:
    """Findings of the set: one declaration id in two files; a version of an id not known."""
    decls = [(f, f.decl) for f in files if f.decl is not None]
    counts = Counter(d.id for _, d in decls)
    known = {d.id for d in corpus} | set(counts)
    out: list[Finding] = []
    for f, d in decls:
        line: int | None = None
        col: int | None = None
        at = f.source.text.find("<declaration") if f.source is not None else -1
        if f.source is not None and at >= 0:
            line, col = f.source.position(at)
        if counts[d.id] > 1:
            others = [g.path for g, e in decls if e.id == d.id and g.path != f.path]
            out.append(Finding("V002", "error", f.path, line, col, d.id, None,
                               f"declaration id {d.id!r} is also used by {', '.join(others)}",
                               d.id))
        of = d.meta.version_of
        if of and of != d.id and of not in known:
            out.append(Finding("V005", "warning", f.path, line, col, d.id, None,
                               f"version of {of!r}, which is not in the corpus", of))
    return out
