"""Benchmark of the corpus stage: lineage cost and accuracy, and the cost of an unchanged site.

`corpus_figures()` returns the lines `python -m compare.bench` prints: the time of
`corpus.lineage.build` in-process over 5, 25, 100 and 250 generated declarations the size of the
seed and over 25 ten times that size (per declaration too, to show the growth is linear); the
precision and recall of every lineage edge against the truth of `bench.seriesgen` (written before
the lineage code), overall and for revival edges (those that skip declarations) alone; and the
time of `corpus.site.build_site` re-run on an unchanged corpus of 25, with the number of pages it
re-rendered (targets: lineages under 1 s at 25 and under 10 s at 25 x 10; P and R >= 0.98; an
unchanged site under 0.5 s with nothing re-rendered).
"""

from __future__ import annotations

import gc
import tempfile
import time
from pathlib import Path

from ..corpus.lineage import build
from ..corpus.site import build_site
from ..resources import declarations_dir
from ..store.xmlio import dump
from .seriesgen import Edge, Series, generate_series

SCALES = (5, 25, 100, 250)
ACCURACY_SEEDS = (1, 2, 3)


def _seed() -> Path:
    return declarations_dir() / "2007-bishkek.xml"


def _time_build(series: Series) -> tuple[float, float, frozenset[Edge]]:
    """Wall-clock and CPU seconds of one build (CPU time is steadier on a shared machine)."""
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    result = build(series.declarations)
    return time.perf_counter() - t0, time.process_time() - c0, result.edges


def _pr(pred: frozenset[Edge], truth: frozenset[Edge]) -> tuple[float, float, int]:
    hit = len(pred & truth)
    return (hit / len(pred) if pred else 1.0, hit / len(truth) if truth else 1.0, len(truth))


def _skips(edges: frozenset[Edge]) -> frozenset[Edge]:
    """Edges that skip at least one declaration (ids start with the year)."""
    return frozenset(e for e in edges if int(e[2][:4]) - int(e[0][:4]) > 1)


def lineage_figures() -> list[str]:
    lines = ["corpus lineages (in-process, corpus.lineage.build):"]
    for n, size in [(n, 1) for n in SCALES] + [(25, 10)]:
        series = generate_series(_seed(), n, size)
        units = sum(len(d.units()) for d in series.declarations)
        dt, cpu, pred = _time_build(series)
        p, r, m = _pr(pred, series.edges)
        lines.append(f"  {n:>3} declarations x{size:<2} ({units:>6} units): {dt * 1000:8.1f} ms "
                     f"(CPU {cpu * 1000:8.1f} ms, {cpu * 1000 / n:6.2f} ms per declaration)   "
                     f"edges P {p:.3f}  R {r:.3f}  (n={m})")
    return lines


def accuracy_figures() -> list[str]:
    lines = ["lineage edges against bench.seriesgen's truth (25 declarations, seeds "
             f"{', '.join(map(str, ACCURACY_SEEDS))}):"]
    allp: set[Edge] = set()
    allt: set[Edge] = set()
    skp: set[Edge] = set()
    skt: set[Edge] = set()
    for seed in ACCURACY_SEEDS:
        series = generate_series(_seed(), 25, 1, rng_seed=seed)
        pred = build(series.declarations).edges

        def tag(edges: frozenset[Edge], seed: int = seed) -> set[Edge]:
            return {(f"{seed}:{e[0]}", e[1], e[2], e[3]) for e in edges}

        allp |= tag(pred)
        allt |= tag(series.edges)
        skp |= tag(_skips(pred))
        skt |= tag(_skips(series.edges))
        p, r, m = _pr(pred, series.edges)
        lines.append(f"  seed {seed}: P {p:.3f}  R {r:.3f}  (n={m})")
    p, r, m = _pr(frozenset(allp), frozenset(allt))
    lines.append(f"  all edges: P {p:.3f}  R {r:.3f}  (n={m})")
    p, r, m = _pr(frozenset(skp), frozenset(skt))
    lines.append(f"  revival edges (skipping declarations): P {p:.3f}  R {r:.3f}  (n={m})")
    return lines


def site_figures(n: int = 25) -> list[str]:
    series = generate_series(_seed(), n, 1)
    with tempfile.TemporaryDirectory(prefix="scodiff-bench-") as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "site"
        corpus.mkdir()
        for d in series.declarations:
            (corpus / f"{d.id}.xml").write_bytes(dump(d))
        t0 = time.perf_counter()
        first = build_site(corpus, out)
        t_first = time.perf_counter() - t0
        gc.collect()
        t0 = time.perf_counter()
        again = build_site(corpus, out)
        t_again = time.perf_counter() - t0
    return [f"corpus site of {n} declarations: first build {t_first:.2f} s "
            f"({len(first.written)} pages), re-run unchanged {t_again * 1000:.1f} ms "
            f"({len(again.written)} pages re-rendered, {len(again.unchanged)} unchanged)"]


def corpus_figures() -> list[str]:
    """Every figure of the corpus stage, as printed lines."""
    return lineage_figures() + accuracy_figures() + site_figures()
