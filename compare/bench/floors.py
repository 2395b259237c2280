"""Floors of the speed ratios: what the least any Python reader of both texts costs, beside them.

The speed targets of `bench.run` (a) and (b) are ratios to `difflib.HtmlDiff`. Beside them the
benchmark prints two floors, measured in the same run on the same pair, that no design written in
CPython can go under: (a) splitting every unit text of both sides into lower-cased words once
(one `re.findall` each: a reader that reads every word does at least this, and the aligner's
TF-IDF and the commitment reader both read every word); (b) a process that starts Python,
imports the two libraries the command line is built on (click, lxml) and parses both files with
lxml, with no validation and no work. Each is printed as a share of the baseline's own time, and
(a) also as the share of the target's budget it leaves.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Callable, Sequence

from ..model import Declaration

_WORDS = re.compile(r"\w+")

PARSE_ONLY = """import sys
import click
from lxml import etree
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        etree.fromstring(f.read())
"""


def _best(fn: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def read_floor(left: Declaration, right: Declaration, runs: int = 5) -> float:
    """Seconds to split both sides' unit texts into lower-cased words once, best of `runs`."""
    texts = [u.text for u in left.units()] + [u.text for u in right.units()]
    find = _WORDS.findall
    return _best(lambda: [find(t.lower()) for t in texts], runs)


def process_floor(files: Sequence[str], env: dict[str, str], runs: int = 3) -> float:
    """Wall-clock seconds of a process that imports click and lxml and parses `files`."""
    cmd = [sys.executable, "-c", PARSE_ONLY, *files]

    def once() -> None:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                       env=env)

    once()  # the bytecode cache, as for the timed commands
    return _best(once, runs)


def floor_lines(left: Declaration, right: Declaration, t_html: float, p_base: float,
                files: Sequence[str], env: dict[str, str]) -> list[str]:
    """The two floor lines of `bench.run.speed`, against the baseline times of the same run."""
    t_read = read_floor(left, right)
    p_parse = process_floor(files, env)
    budget = 0.25 * t_html
    return [
        f"  floor of (a): splitting both sides' unit texts into words once {t_read * 1000:.1f} "
        f"ms = {t_read / t_html:.3f}x HtmlDiff ({t_html * 1000:.0f} ms), {t_read / budget:.0%} "
        f"of the target's budget of {budget * 1000:.0f} ms for all the work",
        f"  floor of (b): a process importing click and lxml and parsing both files, no work "
        f"{p_parse:.3f} s = {p_parse / p_base:.3f}x the HtmlDiff process ({p_base:.3f} s; "
        f"target 0.5 for the whole job)",
    ]
