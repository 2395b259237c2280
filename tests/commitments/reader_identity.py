"""Record what the commitment reader produces, to check a speed change leaves it byte-identical.

`python tests/commitments/reader_identity.py OUT [--quick]` writes one file per case into the
folder OUT: for each pair (the bundled draft/adopted declarations and consecutive declarations,
benchgen, benchgen2 and benchgen3 at N=10 and N=40 with seeds 1, 2, 3, the distinct speed case
at N=40) the alignment JSON after `analyse` and the `scodiff commitments` table and JSON of both
sides; the reading of every sentence of the labelled sets; the printed figures of
`python -m compare.commitments.evaluate --misses`. Run it before and after a change and compare
the folders with `diff -r`; `--quick` keeps N=10 only. `test_reader_identity.py` holds the same
check on a few small cases against committed goldens.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import compare  # noqa: E402
from compare.commitments import commitments_document, commitments_text  # noqa: E402
from compare.commitments.api import (  # noqa: E402
    change_to_json,
    commitment_to_json,
    find_commitments,
)
from compare.commitments.config import as_config  # noqa: E402
from compare.commitments.entities import entity_change_to_json  # noqa: E402
from compare.commitments.labelled import read_text  # noqa: E402
from compare.model import Alignment, Declaration  # noqa: E402
from compare.store.tomlfile import parse_toml  # noqa: E402

evaluate_module = importlib.import_module("compare.commitments.evaluate")

DECLS = ROOT / "declarations"
SETS = ROOT / "tests" / "data" / "commitments"


def pair_outputs(left: Declaration, right: Declaration) -> str:
    """The analysed alignment's JSON, then `reader_outputs`."""
    alignment = compare.analyse(compare.align(left, right))
    return compare.to_json(alignment) + "\n" + reader_outputs(left, right)


def reader_outputs(left: Declaration, right: Declaration) -> str:
    """Each side's commitments as the `scodiff commitments` table and JSON."""
    parts = []
    for decl in (left, right):
        found = find_commitments(decl)
        parts.append(commitments_text(found))
        parts.append(json.dumps(commitments_document(decl, found), sort_keys=True, indent=1))
    return "\n".join(parts) + "\n"


def change_outputs(alignment: Alignment) -> str:
    """The commitment and entity changes `analyse` finds over `alignment`, as JSON."""
    done = compare.analyse(alignment)
    return json.dumps({"commitments": [change_to_json(c) for c in done.commitments],
                       "entities": [entity_change_to_json(e) for e in done.entities]},
                      sort_keys=True, indent=1) + "\n"


def labelled_readings() -> str:
    """Every text of the labelled sets, read as `labelled` and `evaluate` read it."""
    cfg = as_config(None)
    rules = cfg.rules("en")
    assert rules is not None
    out: list[str] = []
    files = sorted(SETS.glob("*.toml")) + sorted((SETS / "clauses").glob("*.toml"))
    for path in files:
        doc = parse_toml(path.read_bytes(), str(path))
        texts = [r.get(k, "") for r in doc.get("sentence", []) for k in ("text", "previous",
                                                                          "intro")]
        texts += [r.get(k, "") for r in doc.get("pair", []) for k in ("left", "right", "before",
                                                                      "after")]
        for text in texts:
            if isinstance(text, str) and text:
                got = [commitment_to_json(c) for c in read_text(text, rules, cfg)]
                out.append(json.dumps([text, got], sort_keys=True))
    return "\n".join(out) + "\n"


def evaluate_output() -> str:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        evaluate_module.main(["--misses"])
        for _prefix, name in evaluate_module.SHIPPED_SETS:
            figures, mistakes = evaluate_module.run(SETS / name)
            print(name, json.dumps(figures, sort_keys=True))
            print("\n".join(mistakes))
    return buf.getvalue()


def cases(quick: bool) -> Iterator[tuple[str, Declaration, Declaration]]:
    from compare.bench import distinct
    from compare.bench.benchgen import seed_blocks
    from compare.bench.run import generators, make_case

    names = sorted(p.stem for p in DECLS.glob("*.xml"))
    decls = {n: compare.load(DECLS / f"{n}.xml") for n in names}
    yield "draft--adopted", decls["2007-bishkek-draft"], decls["2007-bishkek"]
    yield "adopted--draft", decls["2007-bishkek"], decls["2007-bishkek-draft"]
    dated = [n for n in names if "draft" not in n]
    for a, b in itertools.pairwise(dated):
        yield f"{a}--{b}", decls[a], decls[b]
    source = DECLS / "2007-bishkek.xml"
    for name in generators():
        for n in (10,) if quick else (10, 40):
            for seed in (1, 2, 3):
                left, right, _ = make_case(name, n, seed, source)
                yield f"{name}-n{n}-s{seed}", left, right
    if not quick:
        left, right = distinct.generate(seed_blocks(source), 40)
        yield "distinct-n40", left, right


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    quick = "--quick" in argv
    for name, left, right in cases(quick):
        (out / f"{name}.txt").write_text(pair_outputs(left, right), encoding="utf-8")
    (out / "labelled.txt").write_text(labelled_readings(), encoding="utf-8")
    (out / "evaluate.txt").write_text(evaluate_output(), encoding="utf-8")
    print(f"wrote {len(list(out.iterdir()))} files to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
