"""The tuning runner: seed ranges, one summary line per generator and scale, and no per-seed
failures on the reported seeds."""

from __future__ import annotations

import re

import pytest

from compare.bench.tune import figures, main, seeds_of
from compare.resources import declarations_dir


def test_seed_ranges() -> None:
    assert seeds_of("100-103") == [100, 101, 102, 103]
    assert seeds_of("100, 121,127-128") == [100, 121, 127, 128]


def test_figures_line_per_generator_and_scale() -> None:
    [line] = figures("benchgen", 1, [100, 101], declarations_dir() / "2007-bishkek.xml")
    assert re.match(r"benchgen  N=1    seeds 100-101  overall mean [01]\.\d{4} worst [01]\.\d{4}  ",
                    line)
    cells = re.findall(r"(unch|rewo|move|spli|merg|remo|adde) [01]\.\d{3}/[01]\.\d{3}", line)
    assert cells == ["unch", "rewo", "move", "spli", "merg", "remo", "adde"]


def test_failures_refused_on_reported_seeds(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--seeds", "1-3", "--failures"])
    assert exc.value.code == 2
    assert "tuning seeds" in capsys.readouterr().err
