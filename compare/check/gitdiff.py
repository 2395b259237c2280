"""Check stage, the git external diff driver and textconv: `git diff` in clauses.

git calls an external diff (`diff.external`, or `diff.<driver>.command` chosen by the `diff`
attribute) with 7 arguments, `path old-file old-hex old-mode new-file new-hex new-mode`; 9 for a
rename (then `new-path` and the metainfo git would print, `similarity index ...`); 1 for an
unmerged path. An added or deleted side is `/dev/null` with hex and mode `.`. The files may be
git's temporary files: they are only read (git removes them). The driver prints git's header
lines, then the clause diff when both sides are declarations, else a plain unified diff. It
exits 0 unless in trouble (2): git 2.39 stops on any other status; when git trusts the exit code
(`GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE`, or `--exit-code` for `diff.<driver>.trustExitCode`), it
exits 1 when the sides differ.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..alignment import align
from ..commitments import analyse
from ..errors import DeclarationError, ScodiffError
from ..model import Declaration, Meta
from ..store.fsio import read_bytes
from ..store.xmlio import loads
from ..textfmt import visible
from .clausediff import BOLD, Painter, clause_diff, outline_text, plain_diff

DEV_NULL = "/dev/null"
_HEX = re.compile(r"^(?:[0-9a-f]{4,64}|\.)$")
_MODE = re.compile(r"^(?:[0-7]{6}|\.)$")
USAGE = ("expected git's arguments: path old-file old-hex old-mode new-file new-hex new-mode "
         "(7), the same plus new-path and metainfo for a rename (9), or a path (1: unmerged)")


class GitDiffError(ScodiffError):
    """The driver was called in a way git never calls it."""


@dataclass(frozen=True)
class Side:
    path: str
    file: str
    hex: str
    mode: str

    @property
    def absent(self) -> bool:
        return self.file == DEV_NULL or self.mode == "."


@dataclass(frozen=True)
class Call:
    old: Side
    new: Side
    metainfo: str = ""


def parse_args(args: Sequence[str]) -> Call | str:
    """git's arguments as a `Call`, or the path alone for an unmerged path."""
    if len(args) == 1:
        return args[0]
    if len(args) not in (7, 9):
        raise GitDiffError(f"{USAGE}; found {len(args)} argument(s)")
    path, ofile, ohex, omode, nfile, nhex, nmode = args[:7]
    for what, value, pattern in (("old-hex", ohex, _HEX), ("old-mode", omode, _MODE),
                                 ("new-hex", nhex, _HEX), ("new-mode", nmode, _MODE)):
        if not pattern.match(value):
            kind = "hex digits" if "hex" in what else "an octal mode"
            raise GitDiffError(f"{what}: expected {kind} or '.', found {value!r} ({USAGE})")
    new_path = args[7] if len(args) == 9 else path
    return Call(Side(path, ofile, ohex, omode), Side(new_path, nfile, nhex, nmode),
                args[8] if len(args) == 9 else "")


def _read(side: Side) -> bytes | None:
    return None if side.absent else read_bytes(side.file)


def _declaration(data: bytes | None, name: str) -> Declaration | DeclarationError | None:
    """The declaration in `data`; None for an absent side; the error if it is not one."""
    if data is None:
        return None
    try:
        return loads(data, name)
    except DeclarationError as exc:
        return exc


def _header(call: Call) -> list[str]:
    o, n = call.old, call.new
    out = [f"diff --git a/{o.path} b/{n.path}"]
    if call.metainfo:
        out += [x for x in call.metainfo.splitlines() if x.strip()]
    if o.absent:
        out.append(f"new file mode {n.mode}")
    elif n.absent:
        out.append(f"deleted file mode {o.mode}")
    elif o.mode != n.mode:
        out += [f"old mode {o.mode}", f"new mode {n.mode}"]
    return out


def _body(call: Call, old: bytes | None, new: bytes | None, p: Painter) -> list[str]:
    a = DEV_NULL if call.old.absent else f"a/{call.old.path}"
    b = DEV_NULL if call.new.absent else f"b/{call.new.path}"
    if old == new:
        return []
    left, right = _declaration(old, a), _declaration(new, b)
    sides = [x for x in (left, right) if x is not None]
    if sides and all(isinstance(x, Declaration) for x in sides):
        first = next(x for x in sides if isinstance(x, Declaration))
        empty = Declaration(Meta(first.id), ())
        al = analyse(align(left if isinstance(left, Declaration) else empty,
                           right if isinstance(right, Declaration) else empty))
        return [p.paint(f"--- {a}", BOLD), p.paint(f"+++ {b}", BOLD), *clause_diff(al, p)]
    notes = [f"# scodiff: {visible(str(x))}; shown line by line" for x in (left, right)
             if isinstance(x, DeclarationError) and b"urn:scodiff:declaration" in (
                 (old if x is left else new) or b"")]
    return notes + plain_diff(old, new, a, b, p)


def git_diff(args: Sequence[str], colour: bool, width: int, trust_exit: bool) -> tuple[str, int]:
    """What the driver prints for git's arguments, and its exit status."""
    call = parse_args(args)
    if isinstance(call, str):
        return f"* Unmerged path {visible(call)}\n", 0
    old, new = _read(call.old), _read(call.new)
    painter = Painter(colour, width)
    lines = [painter.paint(visible(x), BOLD) for x in _header(call)] + _body(call, old, new,
                                                                            painter)
    differs = old != new or call.old.mode != call.new.mode or call.old.path != call.new.path
    return "".join(f"{x}\n" for x in lines), 1 if trust_exit and differs else 0


def textconv(path: str) -> bytes:
    """The text git diffs for a file (`diff.<driver>.textconv`): a declaration's outline, one
    line per sentence, or any other file's bytes unchanged."""
    data = read_bytes(path)
    decl = _declaration(data, path)
    return outline_text(decl).encode("utf-8") if isinstance(decl, Declaration) else data


def trust_from_env(env: dict[str, str] | None = None) -> bool:
    """git's `GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE`, read as git reads a boolean."""
    value = (env if env is not None else os.environ).get("GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE", "")
    return value.strip().lower() in ("1", "true", "yes", "on")
