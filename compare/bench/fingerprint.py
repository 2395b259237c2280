"""Fingerprint: one sha256 per benchmark case of the alignment's JSON, to prove a speed change
changes no result.

A change meant only to make the aligner faster must leave every pair, relation, score, note and
word diff as it was. This module aligns a fixed set of cases and prints one line per case,
``NAME  SHA256``, the hash of the alignment's JSON as ``scodiff align --format json`` writes it
(`report.serialize.alignment_to_json` through `json_pieces`; commitments are not read, so the
fingerprint holds the aligner alone). The cases: every edit generator (`run.make_case`) at
N = 1, 10 and 40 with seeds 1-3 and 100-102, and at N = 400 with seed 1; the speed case
`distinct` at N = 40; every translation pair under ``tests/data/align`` (the ``renderings-*``
and ``translations`` folders, read as `bench.renderings` reads them); and the hand-made golden
inputs ``tests/data/align/*.left.txt``. Run as ``python -m compare.bench.fingerprint [--write
FILE | --check FILE] [--scales 1,10] [--seeds 1] [--no-data]``: ``--write`` stores the lines,
``--check`` compares with stored lines and exits 1 when a case's hash differs or a case is not
in the file (cases of the file not run are ignored, so a subset can be checked), 0 otherwise.
Record the reference on the commit before the change, outside the worktree.

With ``--commitments`` each case also gets a line ``NAME/commitments  SHA256``: the hash of the
whole JSON ``scodiff align --format json`` writes once the commitments are read (`commitments.
analyse` with the shipped configuration: commitment changes, entities, what a cut-off copy sets
apart), so a change meant only to make the commitment reader faster is proven to change none of
its results.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from ..alignment.aligner import align
from ..commitments import analyse
from ..model import Alignment, Declaration
from ..report.serialize import alignment_to_json, json_pieces
from ..resources import declarations_dir
from ..store.fsio import write_atomic
from .benchgen import declaration_from_text, seed_blocks
from .renderings import cases as rendering_cases
from .renderings import load_case
from .run import generators, make_case

DATA = Path(__file__).resolve().parents[2] / "tests" / "data" / "align"
SCALES = (1, 10, 40)
SEEDS = (1, 2, 3, 100, 101, 102)
BIG = 400
Thunk = Callable[[], tuple[Declaration, Declaration]]


def digest(left: Declaration, right: Declaration) -> str:
    """The sha256 of the JSON of `align(left, right)`, as the CLI writes it."""
    return _hash(align(left, right))


def _hash(alignment: Alignment) -> str:
    h = hashlib.sha256()
    for p in json_pieces(alignment_to_json(alignment)):
        h.update(p.encode("utf-8"))
    return h.hexdigest()


def digests(left: Declaration, right: Declaration, commitments: bool = False
            ) -> list[tuple[str, str]]:
    """("", the alignment's hash) and, with `commitments`, ("/commitments", the hash of the
    JSON with the commitments read, as `scodiff align --format json` writes it): one alignment
    for both."""
    alignment = align(left, right)
    out = [("", _hash(alignment))]
    if commitments:
        out.append(("/commitments", _hash(analyse(alignment))))
    return out


def _generator_pair(name: str, n: int, seed: int, source: Path
                    ) -> tuple[Declaration, Declaration]:
    left, right, _ = make_case(name, n, seed, source)
    return left, right


def _rendering_pair(folder: Path, case: str) -> tuple[Declaration, Declaration]:
    left, right, _ = load_case(folder, case)
    return left, right


def _generated(scales: tuple[int, ...], seeds: tuple[int, ...], big: bool,
               source: Path) -> Iterator[tuple[str, Thunk]]:
    runs = [(n, s) for n in scales for s in seeds] + ([(BIG, seeds[0])] if big else [])
    for name in generators():
        for n, s in runs:
            yield f"{name}/N={n}/seed={s}", partial(_generator_pair, name, n, s, source)
    if 40 in scales or big:
        from .distinct import generate
        yield "distinct/N=40", lambda: generate(seed_blocks(source), 40)


def _data() -> Iterator[tuple[str, Thunk]]:
    folders = sorted(p for p in DATA.iterdir() if p.is_dir() and any(p.glob("*.truth")))
    for folder in folders:
        for case in rendering_cases(folder):
            yield f"{folder.name}/{case}", partial(_rendering_pair, folder, case)
    for path in sorted(DATA.glob("*.left.txt")):
        case = path.name.removesuffix(".left.txt")

        def golden(case: str = case) -> tuple[Declaration, Declaration]:
            texts = [(DATA / f"{case}.{side}.txt").read_text(encoding="utf-8")
                     for side in ("left", "right")]
            return (declaration_from_text(f"{case}-left", texts[0]),
                    declaration_from_text(f"{case}-right", texts[1]))
        yield f"align/{case}", golden


def fingerprints(scales: tuple[int, ...] = SCALES, seeds: tuple[int, ...] = SEEDS, *,
                 big: bool = True, data: bool = True, source: Path | None = None,
                 commitments: bool = False) -> Iterator[tuple[str, str]]:
    """(case name, hash) for each case, in a fixed order; with `commitments`, each case's
    line is followed by its `NAME/commitments` line (`digests`)."""
    src = source or declarations_dir() / "2007-bishkek.xml"
    todo = [*_generated(scales, seeds, big, src), *(_data() if data else ())]
    for name, thunk in todo:
        left, right = thunk()
        for suffix, value in digests(left, right, commitments):
            yield name + suffix, value


def read_file(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            name, value = line.split()
            out[name] = value
    return out


def _ints(text: str) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split(",") if x.strip())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m compare.bench.fingerprint",
                                 description=__doc__.split("\n\n")[0])
    what = ap.add_mutually_exclusive_group()
    what.add_argument("--write", type=Path, help="store the lines in this file")
    what.add_argument("--check", type=Path, help="compare with the lines of this file")
    ap.add_argument("--scales", type=_ints, default=SCALES, help="generator scales (1,10,40)")
    ap.add_argument("--seeds", type=_ints, default=SEEDS, help="seeds (1,2,3,100,101,102)")
    ap.add_argument("--no-big", action="store_true", help=f"skip N={BIG}")
    ap.add_argument("--no-data", action="store_true", help="skip the cases under tests/data")
    ap.add_argument("--commitments", action="store_true",
                    help="also hash each case's JSON with its commitments read (NAME/commitments)")
    args = ap.parse_args(argv)
    stored = read_file(args.check) if args.check else {}
    lines, bad = [], 0
    t0 = time.perf_counter()
    for name, value in fingerprints(args.scales, args.seeds, big=not args.no_big,
                                    data=not args.no_data, commitments=args.commitments):
        mark = ""
        if args.check:
            if name not in stored:
                mark, bad = "  NOT IN FILE", bad + 1
            elif stored[name] != value:
                mark, bad = "  DIFFERS", bad + 1
        lines.append(f"{name}  {value}")
        print(f"{name}  {value}{mark}", flush=True)
    if args.write:
        write_atomic(args.write, "".join(f"{x}\n" for x in lines).encode("utf-8"))
    summary = f"{len(lines)} cases in {time.perf_counter() - t0:.1f} s"
    if args.check:
        summary += f"; {bad} differ from {args.check}" if bad else f"; all match {args.check}"
    print(summary, file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
