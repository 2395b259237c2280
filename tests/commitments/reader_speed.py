"""Time the commitment reader against `difflib.HtmlDiff().make_file`, in one run.

`python tests/commitments/reader_speed.py [--profile]`: for the benchmark's distinct speed case
(N=40) and benchgen2 N=40 seed 1, the best of 3 of `compare.analyse(alignment)` and of HtmlDiff on
the same unit texts, measured alternately in this process (the machine is shared: only the ratio
of one run means much). `--profile` prints a cProfile of one `analyse` of the distinct case.
"""

from __future__ import annotations

import cProfile
import difflib
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import compare  # noqa: E402
from compare.bench import distinct  # noqa: E402
from compare.bench.benchgen import seed_blocks  # noqa: E402
from compare.bench.run import make_case  # noqa: E402

SOURCE = ROOT / "declarations" / "2007-bishkek.xml"


def _best(fn: object, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: list[str]) -> int:
    pairs = {"distinct N=40": distinct.generate(seed_blocks(SOURCE), 40)}
    left, right, _ = make_case("benchgen2", 40, 1, SOURCE)
    pairs["benchgen2 N=40 seed 1"] = (left, right)
    for name, (left, right) in pairs.items():
        al = compare.align(left, right)
        lt, rt = [u.text for u in left.units()], [u.text for u in right.units()]
        ours, html = [], []
        for _ in range(3):
            ours.append(_best(lambda al=al: compare.analyse(al), 1))
            html.append(_best(lambda lt=lt, rt=rt: difflib.HtmlDiff().make_file(lt, rt), 1))
        a, h = min(ours), min(html)
        print(f"{name}: {len(lt)}/{len(rt)} units; analyse {a * 1000:.0f} ms; HtmlDiff "
              f"{h * 1000:.0f} ms; analyse/HtmlDiff {a / h:.3f}")
        if "--profile" in argv and name.startswith("distinct"):
            prof = cProfile.Profile()
            prof.runcall(compare.analyse, al)
            pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
