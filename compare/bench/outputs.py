"""Output check for speed work: every document the pipeline writes on the speed cases.

``python -m compare.bench.outputs DIR`` writes, for the speed cases (`distinct`, and the
generators `benchgen2`, `benchgen4` and `benchgen3` at N=40, seed 1, and `distinct` with the
sides swapped) and for consecutive pairs of the bundled declarations, the `scodiff.alignment/1`
JSON and the text table, the report in HTML, Markdown and JSON, and the commitments document of
each side, one file each; then it prints one SHA-256 per file. Run it on a checkout before a
change and on one after: a speed change must leave every byte as it was. With ``--against
BEFORE`` it compares with the folder written before and exits 1 on any difference, naming the
files.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from ..alignment.aligner import align
from ..alignment.table import format_table
from ..commitments import analyse, commitments_document, find_commitments
from ..commitments.config import load_config
from ..model import Declaration
from ..report.facade import render
from ..report.serialize import alignment_to_json, dumps_json
from ..resources import declarations_dir
from .run import _speed_pair

CASES = (("distinct", 40), ("benchgen2", 40), ("benchgen4", 40), ("benchgen3", 40))
PAIRS = (("2007-bishkek-draft", "2007-bishkek"), ("2008-dushanbe", "2009-yekaterinburg"),
         ("2009-yekaterinburg", "2010-tashkent"), ("2010-tashkent", "2011-astana"))


def documents(name: str, left: Declaration, right: Declaration) -> dict[str, str]:
    """File name -> text of every document written for one pair."""
    alignment = analyse(align(left, right))
    out = {f"{name}.align.json": dumps_json(alignment_to_json(alignment)),
           f"{name}.align.txt": format_table(alignment)}
    for fmt in ("html", "md", "json"):
        out[f"{name}.report.{fmt}"] = render(alignment, fmt)
    rules = load_config(None)
    for side, decl in (("left", left), ("right", right)):
        found = find_commitments(decl, rules)
        out[f"{name}.{side}.commitments.json"] = dumps_json(commitments_document(decl, found))
    return out


def all_documents() -> dict[str, str]:
    from ..store.xmlio import load

    source = declarations_dir() / "2007-bishkek.xml"
    out: dict[str, str] = {}
    for gen, n in CASES:
        try:
            left, right = _speed_pair(gen, n, 1, source)
        except (AttributeError, ImportError):  # a generator not in this checkout
            continue
        out.update(documents(f"{gen}-{n}", left, right))
    left, right = _speed_pair("distinct", 40, 1, source)
    out.update(documents("distinct-40-swapped", right, left))
    for a, b in PAIRS:
        paths = [declarations_dir() / f"{x}.xml" for x in (a, b)]
        if all(p.exists() for p in paths):
            out.update(documents(f"{a}--{b}", load(paths[0]), load(paths[1])))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m compare.bench.outputs", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="where to write the documents")
    parser.add_argument("--against", type=Path, default=None,
                        help="a folder written before the change: exit 1 if any file differs")
    args = parser.parse_args(argv)
    args.folder.mkdir(parents=True, exist_ok=True)
    docs = all_documents()
    for fname in sorted(docs):
        data = docs[fname].encode("utf-8")
        (args.folder / fname).write_bytes(data)
        print(f"{hashlib.sha256(data).hexdigest()[:16]}  {len(data):>9}  {fname}")
    if args.against is None:
        return 0
    before = {p.name for p in args.against.iterdir()}
    differ = sorted(f for f in docs if f not in before
                    or (args.against / f).read_bytes() != docs[f].encode("utf-8"))
    missing = sorted(before - set(docs))
    for f in differ:
        print(f"DIFFERS: {f}")
    for f in missing:
        print(f"MISSING: {f}")
    print(f"{len(docs) - len(differ)} of {len(docs)} documents byte-identical to {args.against}")
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main())
