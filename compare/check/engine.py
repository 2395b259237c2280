"""Check stage, the run: files in, findings out, and the exit status they give.

`run(paths, settings)` reads each file (`validity`), lints the usable ones (`lint`), checks them
against their previous declaration when asked (`policy`, `previous`), adds what only the set
shows, then applies the settings (rules selected and ignored, per-file ignores, severities), the
fingerprints and the baseline. A file that cannot be read as a declaration is trouble (exit 2)
whatever the gate; otherwise the exit status is 1 when a finding not in the baseline is at or
above the failing level, else 0.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..model import Declaration
from ..store.catalogue import files_in
from ..store.xmlio import inspect, load
from . import baseline as baseline_file
from .config import Settings
from .findings import Finding, fingerprinted, order
from .lint import lint
from .policy import policy
from .previous import previous
from .rules import BY_CODE, SEVERITIES, enabled, matches
from .validity import Loaded, across, read


@dataclass(frozen=True)
class Result:
    findings: tuple[Finding, ...]
    """Every finding: reported ones, baselined ones (flagged) and stale baseline entries."""
    files: tuple[str, ...]
    trouble: tuple[str, ...]
    """Files that could not be read as declarations (exit 2)."""
    fail_on: str
    notes: tuple[str, ...] = ()

    @property
    def reported(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if not f.baselined)

    def failing(self, f: Finding) -> bool:
        return (self.fail_on != "never" and not f.baselined
                and SEVERITIES.index(f.severity) >= SEVERITIES.index(self.fail_on))

    @property
    def exit_code(self) -> int:
        if self.trouble:
            return 2
        return 1 if any(self.failing(f) for f in self.findings) else 0


def corpus_of(files: Sequence[Loaded]) -> list[Declaration]:
    """The declarations a file may be checked against: the files given and their folders'."""
    seen = {os.path.realpath(f.path) for f in files}
    out = [f.decl for f in files if f.decl is not None]
    for folder in dict.fromkeys(os.path.dirname(f.path) or "." for f in files):
        for path in files_in(folder):
            if os.path.realpath(path) not in seen:
                seen.add(os.path.realpath(path))
                decl, _ = inspect(path)
                if decl is not None:
                    out.append(decl)
    return out


def _against(f: Loaded, corpus: Sequence[Declaration], fixed: Declaration | None
             ) -> Declaration | None:
    assert f.decl is not None
    return fixed if fixed is not None else previous(f.decl, corpus)


@lru_cache(maxsize=256)
def _glob(pattern: str) -> re.Pattern[str]:
    """A path glob as in .gitignore: `*` and `?` stay inside one folder, `**` crosses them; a
    pattern without `/` matches the file name in any folder."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        else:
            ch = pattern[i]
            out.append("[^/]*" if ch == "*" else "[^/]" if ch == "?" else re.escape(ch))
            i += 1
    prefix = "" if "/" in pattern else "(?:.*/)?"
    return re.compile(prefix + "".join(out))


def _relative(path: str, root: str) -> str:
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _settle(found: list[Finding], s: Settings) -> list[Finding]:
    """Only the rules in effect for each file, each with its severity."""
    out = []
    for f in found:
        r = BY_CODE[f.code]
        rel = _relative(f.file, s.root)
        extra = tuple(i for glob, sels in s.per_file_ignores
                      if _glob(glob).fullmatch(rel) for i in sels)
        if not enabled(r, s.select, s.ignore + extra):
            continue
        sev = r.severity
        best = -1
        for sel, level in s.severity:
            weight = 99 if sel == r.name else 0 if sel == "ALL" else len(sel)
            if matches(sel, r) and weight >= best:
                sev, best = level, weight
        out.append(replace(f, severity=sev))
    return out


def run(paths: Sequence[Path], s: Settings) -> Result:
    """Check the files; the result says what was found and how to exit."""
    files = [read(p) for p in paths]
    fixed = load(s.against) if s.against and s.against != "auto" else None
    found: list[Finding] = [x for f in files for x in f.findings]
    ids = {f.decl.id for f in files if f.decl is not None}
    wanted = s.against == "auto" or any(
        f.decl.meta.version_of not in ids | {"", f.decl.id} for f in files if f.decl is not None)
    corpus = corpus_of(files) if wanted else [f.decl for f in files if f.decl is not None]
    corpus += [fixed] if fixed is not None else []
    found += across(files, corpus)
    notes: list[str] = []
    for f in files:
        if f.decl is None:
            continue
        found += lint(f.decl, f.source, f.path)
        if s.against:
            prev = _against(f, corpus, fixed)
            if prev is None:
                notes.append(f"{f.path}: no previous declaration found; policy rules not run")
            elif prev.id != f.decl.id:
                found += policy(prev, f.decl, f.source, f.path)
    trouble = tuple(dict.fromkeys(f.path for f in files if f.decl is None))
    settled = fingerprinted(order(_settle(found, s)))
    if s.baseline:
        settled, stale = baseline_file.apply(settled, baseline_file.load(s.baseline))
        settled += _settle([Finding("B001", "", s.baseline, e.line, e.column,
                                    e.declaration, e.unit,
                                    f"baseline entry no longer matches: {e.code} {e.message}",
                                    e.fingerprint, e.fingerprint) for e in stale], s)
    return Result(tuple(settled), tuple(os.fspath(p) for p in paths), trouble, s.fail_on,
                  tuple(notes))
