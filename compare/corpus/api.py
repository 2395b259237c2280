"""Corpus stage, its face: load a corpus, its lineages, the timeline, phrase tracks, the site.

`load_corpus(paths)` checks every file before it returns any (the first error, named by file and
line, is raised: one broken file of twenty stops the command before anything is written) and
refuses two files with one id. `series(decls)` is what lineages run over: the declarations that
are not a version of another declaration present (a draft or a second translation points at its
work with `version/@of`), by date, then id. `versions(decls)` pairs each such version with its
work: the draft-to-adopted comparisons.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import DeclarationError
from ..model import Declaration
from ..store.catalogue import cross_problems, expand
from ..store.xmlio import inspect
from .lineage import Lineages, build, order
from .timeline import timeline_document
from .track import track_document


def load_corpus(paths: Sequence[str | os.PathLike[str]] = ()) -> list[Declaration]:
    """The declarations of files or folders (none: the default corpus), every one checked."""
    files = expand(tuple(os.fspath(p) for p in paths))
    return load_files(files)


def load_files(files: Sequence[Path]) -> list[Declaration]:
    decls: list[Declaration] = []
    for path in files:
        decl, problems = inspect(path)
        errors = [p for p in problems if p.severity == "error"]
        if errors or decl is None:
            first = errors[0]
            raise DeclarationError(first.message, first.path or os.fspath(path), first.line)
        decls.append(decl)
    for p in cross_problems(decls):
        if p.severity == "error":
            raise DeclarationError(p.message, p.path, p.line)
    return decls


def series(decls: Sequence[Declaration]) -> list[Declaration]:
    """The works: declarations that are not a version of another one present, in date order."""
    ids = {d.id for d in decls}
    return order(d for d in decls if not d.meta.version_of or d.meta.version_of == d.id
                 or d.meta.version_of not in ids)


def versions(decls: Sequence[Declaration]) -> list[tuple[Declaration, Declaration]]:
    """(version, its work) for every version whose work is present, in date then id order."""
    by_id = {d.id: d for d in decls}
    return [(d, by_id[d.meta.version_of]) for d in order(decls)
            if d.meta.version_of and d.meta.version_of != d.id and d.meta.version_of in by_id]


def work_of(decls: Sequence[Declaration], decl_id: str) -> Declaration | None:
    """The text a version points at (`version/@of`), when it is present: the adopted text of a
    draft. None for a declaration that is not a version of another one present."""
    by_id = {d.id: d for d in decls}
    d = by_id.get(decl_id)
    if d is None or not d.meta.version_of or d.meta.version_of == d.id:
        return None
    return by_id.get(d.meta.version_of)


def previous(decls: Sequence[Declaration], decl_id: str) -> Declaration | None:
    """The declaration before this one in the series (a version stands where its work does)."""
    works = series(decls)
    target = work_of(decls, decl_id)
    key = target.id if target is not None else decl_id
    ids = [d.id for d in works]
    if key not in ids:
        return None
    k = ids.index(key)
    return works[k - 1] if k else None


def lineages(decls: Sequence[Declaration]) -> Lineages:
    """The clause lineages of the series of `decls`."""
    return build(series(decls))


def timeline(decls: Sequence[Declaration], commitments_only: bool = False,
             changed_only: bool = False) -> dict[str, Any]:
    """The `scodiff.timeline/1` document of a corpus."""
    return timeline_document(decls, lineages(decls), commitments_only, changed_only)


def track(decls: Sequence[Declaration], phrases: Sequence[str], regex: bool = False,
          ignore_case: bool = False) -> dict[str, Any]:
    """The `scodiff.track/1` document: every declaration (versions too), by date then id."""
    return track_document(order(decls), phrases, regex, ignore_case)
