"""The fingerprint of the aligner's results: it runs, matches itself and catches a change."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.bench import fingerprint
from compare.bench.benchgen import declaration_from_text

ARGS = ["--scales", "1", "--seeds", "1", "--no-big", "--no-data"]


def test_fingerprint_matches_itself_and_detects_one_changed_hash(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ref = tmp_path / "ref.txt"
    assert fingerprint.main([*ARGS, "--write", str(ref)]) == 0
    stored = fingerprint.read_file(ref)
    assert len(stored) == len(fingerprint.generators())  # one case per generator at N=1
    assert all(len(v) == 64 for v in stored.values())
    assert fingerprint.main([*ARGS, "--check", str(ref)]) == 0
    lines = ref.read_text(encoding="utf-8").splitlines()
    name, value = lines[1].split()
    lines[1] = f"{name}  {'0' if value[0] != '0' else '1'}{value[1:]}"
    altered = tmp_path / "altered.txt"
    altered.write_text("\n".join(lines) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert fingerprint.main([*ARGS, "--check", str(altered)]) == 1
    out = capsys.readouterr().out
    assert f"{name}  {value}  DIFFERS" in out
    assert out.count("DIFFERS") == 1


def test_a_case_missing_from_the_file_fails_the_check(tmp_path: Path) -> None:
    ref = tmp_path / "ref.txt"
    fingerprint.main([*ARGS, "--write", str(ref)])
    first = ref.read_text(encoding="utf-8").splitlines()[0]
    ref.write_text(first + "\n", encoding="utf-8")
    assert fingerprint.main([*ARGS, "--check", str(ref)]) == 1


def test_the_digest_sees_a_changed_alignment() -> None:
    left = declaration_from_text("l", "One clause on trade.\n\nAnother clause on energy.\n")
    right = declaration_from_text("r", "One clause on trade.\n\nAnother clause on water.\n")
    assert fingerprint.digest(left, left) != fingerprint.digest(left, right)
    assert fingerprint.digest(left, right) == fingerprint.digest(left, right)
