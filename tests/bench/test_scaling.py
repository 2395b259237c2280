"""The import-scaling case of the benchmark (`bench.scaling`): it runs and says what it timed."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from compare.bench.scaling import import_scaling

SEED = Path(__file__).resolve().parents[2] / "declarations" / "2007-bishkek.xml"


def test_import_scaling_times_both_sizes_against_the_baseline() -> None:
    lines = import_scaling(SEED, [sys.executable, "-m", "compare"], dict(os.environ),
                           small=2, large=8)
    assert lines[0].startswith("== import scaling (processes): plain texts of ")
    assert "(4x)" in lines[0]
    m = re.fullmatch(r"  scodiff import (\S+) s -> (\S+) s = (\S+)x; naive split-and-write "
                     r"baseline (\S+) s -> (\S+) s = (\S+)x \(linear: about 4x\)", lines[1])
    assert m is not None, lines[1]
    assert all(float(x) > 0 for x in m.groups())
