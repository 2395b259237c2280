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


def test_commitments_add_one_line_per_case_that_sees_a_changed_commitment(
        tmp_path: Path) -> None:
    ref = tmp_path / "ref.txt"
    assert fingerprint.main([*ARGS, "--commitments", "--write", str(ref)]) == 0
    stored = fingerprint.read_file(ref)
    names = [n for n in stored if not n.endswith("/commitments")]
    assert len(names) == len(fingerprint.generators())
    assert sorted(stored) == sorted([*names, *(f"{n}/commitments" for n in names)])
    assert fingerprint.main([*ARGS, "--commitments", "--check", str(ref)]) == 0
    left = declaration_from_text("l", "The member states will develop trade.\n")
    right = declaration_from_text("r", "The member states may develop trade.\n")
    both = dict(fingerprint.digests(left, right, commitments=True))
    assert set(both) == {"", "/commitments"}
    assert fingerprint.digests(left, right) == [("", both[""])]  # the aligner's hash alone
    assert both["/commitments"] != both[""]
    # "will" -> "may" softens the commitment: not the JSON of the text against itself
    assert both["/commitments"] != dict(fingerprint.digests(left, left, True))["/commitments"]
    assert both == dict(fingerprint.digests(left, right, True))
