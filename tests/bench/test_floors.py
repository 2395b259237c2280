"""The floors printed beside the speed ratios (`compare.bench.floors`)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from compare.bench import distinct
from compare.bench.benchgen import seed_blocks
from compare.bench.floors import floor_lines, process_floor, read_floor
from compare.resources import declarations_dir
from compare.store import xmlio

SEED = declarations_dir() / "2007-bishkek.xml"


def test_read_floor_grows_with_the_texts() -> None:
    small = distinct.generate(seed_blocks(SEED), 2)
    large = distinct.generate(seed_blocks(SEED), 40)
    assert 0 < read_floor(*small) < read_floor(*large)


def test_process_floor_parses_the_files(tmp_path: Path) -> None:
    good = tmp_path / "good.xml"
    good.write_bytes(xmlio.dump(xmlio.load(SEED)))
    assert process_floor([str(good)], dict(os.environ), runs=1) > 0
    bad = tmp_path / "bad.xml"
    bad.write_text("<declaration>", encoding="utf-8")
    with pytest.raises(subprocess.CalledProcessError):  # it parses, so a broken file fails it
        process_floor([str(bad)], dict(os.environ), runs=1)


def test_floor_lines_are_shares_of_the_baselines_given(tmp_path: Path) -> None:
    left, right = distinct.generate(seed_blocks(SEED), 2)
    files = []
    for name, decl in (("l.xml", left), ("r.xml", right)):
        (tmp_path / name).write_bytes(xmlio.dump(decl))
        files.append(str(tmp_path / name))
    lines = floor_lines(left, right, 2.0, 4.0, files, dict(os.environ))
    assert len(lines) == 2
    assert "HtmlDiff (2000 ms)" in lines[0] and "budget of 500 ms" in lines[0]
    assert "(4.000 s;" in lines[1]
    found = re.search(r"once ([0-9.]+) ms = ([0-9.]+)x HtmlDiff", lines[0])
    assert found is not None
    assert float(found.group(1)) > 0 and float(found.group(2)) < 0.05  # a few ms of 2 s
