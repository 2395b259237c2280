"""Cross-cutting promises of RELIABILITY.md through the real command line.

D1: every output is byte-identical across hash seeds, time zones, locales and working
directories. F3: inputs in a read-only folder work and stay byte-identical. Exit statuses are
always in {0, 1, 2}, 0 exactly when nothing differs.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "declarations" / "2007-bishkek-draft.xml"
ADOPTED = ROOT / "declarations" / "2007-bishkek.xml"

COMMANDS = [
    ("show", str(ADOPTED), "--format", "json"),
    ("show", str(ADOPTED), "--full"),
    ("list", str(ROOT / "declarations"), "--format", "json"),
    ("align", str(DRAFT), str(ADOPTED), "--format", "json"),
    ("align", str(DRAFT), str(ADOPTED)),
    ("commitments", str(ADOPTED), "--format", "json"),
    ("report", str(DRAFT), str(ADOPTED), "--format", "html"),
    ("report", str(DRAFT), str(ADOPTED), "--format", "md"),
    ("report", str(DRAFT), str(ADOPTED), "--format", "json"),
    ("export", str(ADOPTED)),
]

ENVIRONMENTS = [
    {"PYTHONHASHSEED": "0", "TZ": "UTC", "LC_ALL": "C.UTF-8"},
    {"PYTHONHASHSEED": "4242", "TZ": "Asia/Shanghai", "LC_ALL": "C"},
]


Result = subprocess.CompletedProcess[bytes]


def run(args: tuple[str, ...], env: dict[str, str], cwd: Path) -> Result:
    full = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "compare", *args], cwd=cwd, env=full,
                          capture_output=True, check=False)


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a[:1] + a[-2:]) for a in COMMANDS])
def test_d1_outputs_identical_across_environments(args: tuple[str, ...], tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    results = [run(args, env, cwd) for env, cwd in zip(ENVIRONMENTS, (ROOT, tmp_path / "a"),
                                                         strict=True)]
    for r in results:
        assert r.returncode in (0, 1), r.stderr.decode()
    assert results[0].stdout == results[1].stdout
    assert results[0].stdout.endswith(b"\n") and b"\r\n" not in results[0].stdout


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_f3_read_only_inputs_work_and_stay_identical(tmp_path: Path) -> None:
    src = tmp_path / "inputs"
    src.mkdir()
    for p in (DRAFT, ADOPTED):
        shutil.copy2(p, src / p.name)
    before = digest(src)
    mtimes = {p.name: p.stat().st_mtime_ns for p in src.iterdir()}
    for p in src.iterdir():
        p.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    src.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
    try:
        out = tmp_path / "out"
        out.mkdir()
        left, right = src / DRAFT.name, src / ADOPTED.name
        r = run(("report", str(left), str(right), "-o", str(out / "r.html")), {}, tmp_path)
        assert r.returncode == 1, r.stderr.decode()
        assert run(("validate", str(src)), {}, tmp_path).returncode == 0
        assert run(("align", str(left), str(right), "--check"), {}, tmp_path).returncode == 1
        refused = run(("report", str(left), str(right), "-o", str(left)), {}, tmp_path)
        assert refused.returncode == 2 and b"refusing to overwrite an input" in refused.stderr
    finally:
        src.chmod(stat.S_IRWXU)
    assert digest(src) == before
    assert {p.name: p.stat().st_mtime_ns for p in src.iterdir()} == mtimes
    assert sorted(p.name for p in src.iterdir()) == sorted(before)


def test_identical_inputs_exit_0_everywhere(tmp_path: Path) -> None:
    for args in (("align", str(ADOPTED), str(ADOPTED), "--check"),
                 ("report", str(ADOPTED), str(ADOPTED), "-o", str(tmp_path / "same.html"))):
        r = run(args, {}, tmp_path)
        assert r.returncode == 0, r.stderr.decode()


def test_trouble_beats_differences(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(b"<declaration")
    for args in (("align", str(DRAFT), str(bad)), ("report", str(bad), str(ADOPTED))):
        r = run(args, {}, tmp_path)
        assert r.returncode == 2
        assert r.stderr.decode().count("\n") == 1 and str(bad) in r.stderr.decode()


def _random_text(seed: int, vocabulary: list[str], paragraphs: int) -> str:
    import random

    rng = random.Random(seed)
    paras = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(10, 40))).capitalize()
             + "." for _ in range(paragraphs)]
    return "Title\n\n" + "\n\n".join(paras) + "\n"


@pytest.mark.parametrize("vocabulary_size", [40, 3000])
def test_d2_long_unrelated_texts_are_deterministic_and_partitioned(vocabulary_size: int) -> None:
    import random

    from compare.alignment.aligner import align
    from compare.ingest.importer import parse_text
    from compare.report.serialize import alignment_to_json, dumps_json

    rng = random.Random(0)
    vocabulary = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6))
                  for _ in range(vocabulary_size)]
    left = parse_text(_random_text(1, vocabulary, 300), id="left")[0]
    right = parse_text(_random_text(2, vocabulary, 300), id="right")[0]
    first, second = align(left, right), align(left, right)
    assert dumps_json(alignment_to_json(first)) == dumps_json(alignment_to_json(second))
    for side, decl in (("left", left), ("right", right)):
        ids = [i for p in first.pairs for i in getattr(p, side)]
        assert sorted(ids) == sorted(u.id for u in decl.units())
