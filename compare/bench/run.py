"""Benchmark: alignment quality and cost on seeded edits of the seed, against difflib.HtmlDiff.

Run as ``python -m compare.bench [--scales 1,10,40,400] [--seed S] [--source PATH]``. For each
scale N and each of two independent generators (`bench.benchgen`, the one the aligner was developed
with, and `bench.benchgen2`, a stress generator with another edit model: stacked edits, short and
far moves, 3-way splits and merges, near-duplicates, heavy rewording, unrelated replacements) it
generates N copies of the seed and their edited versions, then prints pair precision, recall and F1
per relation and overall, the time and peak memory of `align` (word diffs included) and of the HTML
rendering (`compare.report.render_html`, when that module exists), and the same for
`difflib.HtmlDiff().make_file` on the unit texts, with the ratio and the pair F1 of a line diff
(skipped above `--htmldiff-max` units: it is quadratic). If `compare.commitments` has an
`evaluate()` returning a dict of figures, they are printed too. Timing runs and memory runs are
separate (tracemalloc slows the code it watches).
"""

from __future__ import annotations

import argparse
import difflib
import gc
import importlib
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..alignment.aligner import align
from ..model import Alignment, Declaration
from ..resources import declarations_dir
from ..store import xmlio
from . import benchgen2
from .benchgen import Truth, generate, seed_blocks
from .corpus_bench import corpus_figures

RELATIONS = ("unchanged", "reworded", "moved", "split", "merged", "removed", "added")


def predicted(alignment: Alignment) -> Truth:
    return {(p.relation.value, p.left, p.right) for p in alignment.pairs}


def scores(pred: Truth, truth: Truth) -> dict[str, tuple[float, float, float, int]]:
    """(precision, recall, F1, support) per relation and "overall"."""
    out = {}
    for rel in (*RELATIONS, "overall"):
        p = {x for x in pred if rel in ("overall", x[0])}
        t = {x for x in truth if rel in ("overall", x[0])}
        hit = len(p & t)
        prec = hit / len(p) if p else 1.0
        rec = hit / len(t) if t else 1.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[rel] = (prec, rec, f1, len(t))
    return out


def difflib_pairs(left: Declaration, right: Declaration) -> Truth:
    """The pairs `difflib.HtmlDiff` shows side by side (its row generator `difflib._mdiff`):
    a row with lines on both sides is unchanged or reworded, a one-sided row removed or added.
    No line diff knows moves, splits or merges."""
    lu, ru = left.units(), right.units()
    out: Truth = set()
    rows = difflib._mdiff([u.text for u in lu], [u.text for u in ru])  # type: ignore[attr-defined]
    for (ln, _), (rn, _), changed in rows:
        if ln and rn:
            out.add(("reworded" if changed else "unchanged", (lu[ln - 1].id,), (ru[rn - 1].id,)))
        elif ln:
            out.add(("removed", (lu[ln - 1].id,), ()))
        elif rn:
            out.add(("added", (), (ru[rn - 1].id,)))
    return out


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    t0 = time.perf_counter()
    value = fn()
    return time.perf_counter() - t0, value


def _peak(fn: Callable[[], Any]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def _renderer() -> Callable[[Alignment], Any] | None:
    try:
        report = importlib.import_module("compare.report.facade")
    except ImportError:
        return None
    fn = getattr(report, "render_html", None)
    return fn if callable(fn) else None


def warm_up(source: Path) -> str:
    """Render once before measuring: Jinja compiles the templates once per process."""
    render = _renderer()
    if render is None:
        return "render: not available"
    decl = xmlio.load(source) if source.suffix == ".xml" else None
    if decl is None:
        return "render: warm-up skipped (seed is not XML)"
    alignment = align(decl, decl)
    first, _ = _timed(lambda: render(alignment))
    second, _ = _timed(lambda: render(alignment))
    return (f"first render in this process (templates compiled) {first * 1000:.1f} ms, then "
            f"{second * 1000:.1f} ms for the same pair; the figures below are after it")


def _htmldiff(left: Declaration, right: Declaration) -> str:
    return difflib.HtmlDiff().make_file([u.text for u in left.units()],
                                        [u.text for u in right.units()])


Scorer = Callable[[Truth, Declaration, Declaration], dict[str, tuple[float, float, float, int]]]


def _cases(n: int, seed: int, source: Path) -> list[tuple[str, Declaration, Declaration, Scorer]]:
    blocks = seed_blocks(source)
    left, right, truth = generate(blocks, n, seed + n)
    l2, r2, t2 = benchgen2.generate(blocks, n, seed + n)
    return [
        ("benchgen", left, right, lambda pred, _l, _r: scores(pred, truth)),
        ("benchgen2", l2, r2, lambda pred, lft, rgt: benchgen2.score(list(pred), t2, lft, rgt)),
    ]


def run_scale(n: int, seed: int, source: Path, htmldiff_max: int) -> list[str]:
    lines = []
    for name, left, right, score in _cases(n, seed, source):
        lines += run_case(f"{name} N={n}", left, right, score, htmldiff_max)
    return lines


def run_paraphrase(seed: int, source: Path) -> list[str]:
    """The independent-rendering case of `bench.benchgen2` (every unit reworded, same order)."""
    left, right, truth = benchgen2.paraphrase(seed_blocks(source), seed)
    p, r, f, n = benchgen2.score(list(predicted(align(left, right))), truth, left, right)["overall"]
    return [f"== benchgen2 paraphrase: every unit reworded heavily, order kept: "
            f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (n={n})"]


def run_case(title: str, left: Declaration, right: Declaration, score: Scorer,
             htmldiff_max: int) -> list[str]:
    lines = [f"== {title}: {len(left.units())} units left, {len(right.units())} right, "
             f"{len(left.paragraphs)} / {len(right.paragraphs)} paragraphs"]
    t_align, alignment = _timed(lambda: align(left, right))
    for rel, (p, r, f, sup) in score(predicted(alignment), left, right).items():
        lines.append(f"  {rel:<10} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (n={sup})")
    render = _renderer()
    t_render = 0.0
    if render is None:
        lines.append("  report: not available")
    else:
        t_render, _ = _timed(lambda: render(alignment))
    m_ours = _peak(lambda: render(align(left, right)) if render else align(left, right))
    total = t_align + t_render
    lines.append(
        f"  align+worddiff {t_align * 1000:9.1f} ms   render {t_render * 1000:9.1f} ms   "
        f"total {total * 1000:9.1f} ms   peak {m_ours:7.1f} MB"
    )
    if len(left.units()) > htmldiff_max:
        lines.append(f"  difflib.HtmlDiff.make_file: skipped (more than {htmldiff_max} units)")
        return lines
    t_html, _ = _timed(lambda: _htmldiff(left, right))
    m_html = _peak(lambda: _htmldiff(left, right))
    line_f1 = score(difflib_pairs(left, right), left, right)["overall"][2]
    lines += [
        f"  difflib.HtmlDiff.make_file {t_html * 1000:9.1f} ms   peak {m_html:7.1f} MB   "
        f"(line-diff pair F1 {line_f1:.3f})",
        f"  ratio ours/HtmlDiff: time {total / t_html:.3f}   memory {m_ours / m_html:.3f}",
    ]
    return lines


def commitment_figures() -> list[str]:
    try:
        mod = importlib.import_module("compare.commitments")
    except ImportError:
        return ["commitments: not available"]
    evaluate = getattr(mod, "evaluate", None)
    if not callable(evaluate):
        return ["commitments: no evaluate()"]
    figures = evaluate()
    return ["commitments:"] + [f"  {k}: {figures[k]}" for k in sorted(figures)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m compare.bench", description=__doc__)
    parser.add_argument("--scales", default="1,10,40", help="copies of the seed, comma-separated")
    parser.add_argument("--seed", type=int, default=7, help="random seed of the generator")
    parser.add_argument("--source", type=Path, default=None, help="seed declaration (XML or text)")
    parser.add_argument("--htmldiff-max", type=int, default=2000,
                        help="skip difflib.HtmlDiff above this many units (it is quadratic)")
    args = parser.parse_args(argv)
    source = args.source or declarations_dir() / "2007-bishkek.xml"
    if not source.exists():
        parser.error(f"seed declaration not found: {source} (give --source)")
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    print(f"seed text: {source}; generator seed {args.seed}")
    print(warm_up(source))
    for n in scales:
        print("\n".join(run_scale(n, args.seed, source, args.htmldiff_max)), flush=True)
    print("\n".join(run_paraphrase(args.seed, source)))
    print("\n".join(commitment_figures()))
    print("\n".join(corpus_figures()))
    return 0

