"""Importing many files at once into a corpus folder, with one id per file.

`plan_import(sources, folder, ...)` imports every source (sorted by path, so the result does not
depend on the order given) before anything is written; a file that cannot be imported stops the
batch with its error. Ids come from each text's metadata (`YEAR-place`, else the file name). Two
files are never given one id: a later file (by path) whose id is taken gets the first free
`ID-2`, `ID-3`, ..., becomes a version of the first (`version/@of`) unless `--version-of` was
given, and a notice says so and which option sets it. An id already used in the folder by a
file of another name is an error naming that file (re-importing into the same file name is a
rebuild and allowed).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import DeclarationError
from ..model import Declaration
from ..store.xmlio import inspect

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Planned:
    source: str
    destination: Path
    declaration: Declaration
    notices: tuple[str, ...]  # formatted `path:line: notice: ...` lines


def _ids_in(folder: Path) -> dict[str, Path]:
    out: dict[str, Path] = {}
    if folder.is_dir():
        for path in sorted(folder.glob("*.xml")):
            decl, _ = inspect(path)
            if decl is not None:
                out.setdefault(decl.id, path)
    return out


def plan_import(sources: Sequence[str], folder: str | os.PathLike[str],
                progress: Progress | None = None, **options: object) -> list[Planned]:
    """Import every source into declarations destined for `folder`/ID.xml (nothing written)."""
    from ..ingest.importer import import_file

    folder = Path(folder)
    existing = _ids_in(folder)
    taken: dict[str, str] = {}
    out: list[Planned] = []
    fmt = str(options.pop("fmt", "auto"))
    paths = sorted(dict.fromkeys(sources))
    for n, src in enumerate(paths):
        if progress:
            progress(n, len(paths), src)
        decl, notices = import_file(src, fmt=fmt, **options)  # type: ignore[arg-type]
        lines = [n.format(src) for n in notices]
        decl, extra = _unique(decl, src, taken, options.get("version_of") is not None)
        lines += extra
        dest = folder / f"{decl.id}.xml"
        other = existing.get(decl.id)
        if other is not None and other.name != dest.name:
            raise DeclarationError(f"id {decl.id!r} is already used by {other}; give this file "
                                   f"another id (import it alone with --id)", src)
        taken[decl.id] = src
        out.append(Planned(src, dest, decl, tuple(lines)))
    if progress:
        progress(len(paths), len(paths), "done")
    return out


def _unique(decl: Declaration, src: str, taken: dict[str, str], of_given: bool
            ) -> tuple[Declaration, list[str]]:
    if decl.id not in taken:
        return decl, []
    base, k = decl.id, 2
    while f"{base}-{k}" in taken:
        k += 1
    new_id = f"{base}-{k}"
    meta = replace(decl.meta, id=new_id,
                   version_of=decl.meta.version_of if of_given else base)
    note = (f"{src}: notice: id {base!r} is taken by {taken[base]}: this file gets id "
            f"{new_id!r} and is marked a version of {meta.version_of!r} (import it alone with "
            f"--id and --version-of to choose)")
    return replace(decl, meta=meta), [note]
