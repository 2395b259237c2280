"""Tuning figures: the four generators at chosen scales and seeds, per-relation F1 over seeds.

Run as ``python -m compare.bench.tune [--generators benchgen4] [--scales 10,40] [--seeds
100-119] [--failures]``. For each generator and scale it prints the mean of the per-seed
overall F1 and the worst seed, and per relation the support-weighted mean F1 over the seeds
and the worst seed's F1 (a relation absent from a seed's truth does not count there), with
the seconds spent aligning. `--failures` adds one line per seed below 1.0 with the relations
it missed. Seeds 1-3 are the ones `compare.bench` reports: tune on others (>= 100), so this
refuses to show per-seed failures on seeds below 100.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ..alignment.aligner import align
from ..resources import declarations_dir
from .run import RELATIONS, make_case

Figures = dict[str, tuple[float, float, float, int]]


def seeds_of(text: str) -> list[int]:
    """The seeds of "100-119" or "100,105" (or both, comma-separated), in order."""
    out: list[int] = []
    for part in (p.strip() for p in text.split(",") if p.strip()):
        lo, _, hi = part.partition("-")
        out.extend(range(int(lo), int(hi or lo) + 1))
    return out


def figures(name: str, n: int, seeds: list[int], source: Path,
            failures: bool = False) -> list[str]:
    """One summary line for generator `name` at scale `n` over `seeds` (and failure lines)."""
    lines: list[str] = []
    per_seed: list[Figures] = []
    spent = 0.0
    for seed in seeds:
        left, right, score = make_case(name, n, seed, source)
        t0 = time.perf_counter()
        al = align(left, right)
        spent += time.perf_counter() - t0
        s = score(al)
        per_seed.append(s)
        if failures and s["overall"][2] < 1.0:
            missed = "  ".join(f"{r} {s[r][2]:.3f}" for r in RELATIONS if s[r][3] and s[r][2] < 1)
            lines.append(f"    seed {seed}: {s['overall'][2]:.4f}  {missed}")
    overall = [s["overall"][2] for s in per_seed]
    cells = []
    for rel in RELATIONS:
        weight = sum(s[rel][3] for s in per_seed)
        mean = sum(s[rel][2] * s[rel][3] for s in per_seed) / weight if weight else 1.0
        worst = min((s[rel][2] for s in per_seed if s[rel][3]), default=1.0)
        cells.append(f"{rel[:4]} {mean:.3f}/{worst:.3f}")
    head = (f"{name:<9} N={n:<4} seeds {seeds[0]}-{seeds[-1]}  overall mean "
            f"{sum(overall) / len(overall):.4f} worst {min(overall):.4f}  ")
    return [head + "  ".join(cells) + f"  [{spent:.1f} s]", *lines]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m compare.bench.tune", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--generators", default="benchgen,benchgen2,benchgen3,benchgen4")
    parser.add_argument("--scales", default="10,40")
    parser.add_argument("--seeds", default="100-119", help='e.g. "100-119" or "100,121,127"')
    parser.add_argument("--failures", action="store_true",
                        help="one line per seed below 1.0 (seeds >= 100 only)")
    args = parser.parse_args(argv)
    seeds = seeds_of(args.seeds)
    if not seeds:
        parser.error("no seeds")
    if args.failures and min(seeds) < 100:
        parser.error("per-seed failures are for tuning seeds (>= 100); 1-3 are the reported ones")
    source = declarations_dir() / "2007-bishkek.xml"
    for name in args.generators.split(","):
        for n in seeds_of(args.scales):
            print("\n".join(figures(name, n, seeds, source, args.failures)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
