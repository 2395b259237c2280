"""Corpus stage: the catalogue of declarations in a folder, and how a command finds a file.

The corpus is every `*.xml` file in a folder (by default `./declarations` when it exists, else
the declarations bundled with the package), ordered by meeting date, then id. A command argument
may name a file or the id of a declaration in the corpus.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..errors import DeclarationError
from ..model import Declaration
from ..resources import declarations_dir
from .xmlio import Problem, inspect, load


@dataclass(frozen=True)
class Entry:
    """One line of the catalogue."""

    path: str
    id: str
    title: str
    date: str
    place: str
    kind: str
    status: str
    paragraphs: int
    units: int


def default_dir() -> Path:
    """`./declarations` when it holds declarations, else the bundled corpus."""
    local = Path("declarations")
    if local.is_dir() and any(local.glob("*.xml")):
        return local
    return declarations_dir()


def files_in(folder: str | os.PathLike[str]) -> list[Path]:
    """The `*.xml` regular files of a folder, sorted by name.

    A FIFO, device or socket named `*.xml` is never catalogued (reading it could block for
    ever); `special_files` lists them so that a command can say it skipped them.
    """
    return [p for p in _xml_names(folder) if p.is_file()]


def special_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The `*.xml` names of a folder that are not regular files (FIFOs, devices, sockets)."""
    return [p for p in _xml_names(folder) if not p.is_file() and not p.is_dir()]


def _xml_names(folder: str | os.PathLike[str]) -> list[Path]:
    path = Path(folder)
    if not path.is_dir():
        raise DeclarationError("not a directory", os.fspath(folder))
    return sorted(path.glob("*.xml"))


def expand(args: tuple[str, ...]) -> list[Path]:
    """Command arguments to files: a folder stands for its `*.xml`, none for the default corpus;
    a file named twice (also through a link or its folder) is checked once."""
    if not args:
        return files_in(default_dir())
    out: list[Path] = []
    for arg in args:
        found = files_in(arg) if Path(arg).is_dir() else [resolve(arg)]
        if not found:  # a mistyped or wrong folder must not pass a CI check
            raise DeclarationError("no *.xml file in this folder", arg)
        out.extend(found)
    return _unique(out)


def _unique(paths: list[Path]) -> list[Path]:
    """Each file once, however often and by whichever name (link, folder) it was given."""
    seen: set[object] = set()
    out: list[Path] = []
    for path in paths:
        try:
            st = path.stat()
            key: object = (st.st_dev, st.st_ino)
        except OSError:
            key = os.path.abspath(path)
        if key not in seen:
            seen.add(key)
            out.append(path)
    return out


def resolve(arg: str) -> Path:
    """A file that exists, or the file of the declaration with that id in the default corpus.

    The id is looked up by file name first, then by the id written in each file; a folder of
    that name in the working directory does not hide the declaration.
    """
    path = Path(arg)
    if (path.exists() and not path.is_dir()) or path.suffix == ".xml" or os.sep in arg:
        return path
    files = files_in(default_dir())
    for candidate in files:
        if candidate.stem == arg:
            return candidate
    for candidate in files:
        decl, _ = inspect(candidate)
        if decl is not None and decl.id == arg:
            return candidate
    if path.is_dir():
        raise DeclarationError("is a directory, expected a file or the id of a declaration", arg)
    raise DeclarationError("no such file, nor a declaration with that id in the corpus", arg)


def _entry(decl: Declaration, path: Path) -> Entry:
    m = decl.meta
    return Entry(
        os.fspath(path), m.id, m.title, m.meeting.date, m.meeting.place, m.kind, m.status,
        len(decl.paragraphs), len(decl.units()),
    )


def catalogue(folder: str | os.PathLike[str] | None = None) -> list[Entry]:
    """Every declaration of a folder, by meeting date (undated last), then id."""
    entries = [_entry(load(p), p) for p in files_in(folder or default_dir())]
    return sorted(entries, key=lambda e: (e.date == "", e.date, e.id, e.path))


def cross_problems(decls: list[Declaration]) -> list[Problem]:
    """Problems between files: one id used twice; a version of an id not in the set."""
    out: list[Problem] = []
    counts = Counter(d.id for d in decls)
    ids = set(counts)
    for d in decls:
        if counts[d.id] > 1:
            out.append(Problem("error", f"declaration id {d.id!r} is used by more than one file",
                               d.path, 2))
        of = d.meta.version_of
        if of and of != d.id and of not in ids:
            message = f"version of {of!r}, which is not among the files checked"
            out.append(Problem("warning", message, d.path, None))
    return out


def validate_all(paths: list[Path]) -> list[Problem]:
    """Validate each file, then the set: every problem, in file order."""
    problems: list[Problem] = []
    loaded: list[Declaration] = []
    for path in paths:
        decl, found = inspect(path)
        problems.extend(found)
        if decl is not None:
            loaded.append(decl)
    return problems + cross_problems(loaded)
