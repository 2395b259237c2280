"""The README's corpus session is real output: every `$` line re-run and compared."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
from helpers import readme_session

from compare.cli import main
from compare.corpus.site import build_site

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_corpus_session(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    steps = readme_session('## Tracking language across summits')
    assert [c.split()[1] for c, _ in steps] == ["timeline", "track", "site"]
    build_site(ROOT / "declarations", tmp_path / "site")  # the committed site, built once
    for cmd, expected in steps:
        words = cmd.split(" | head -")
        args = shlex.split(words[0])
        assert args[0] == "scodiff"
        args = [str(tmp_path / "site") if a == "reports/" else a for a in args[1:]]
        assert main(args) == 0
        captured = capsys.readouterr()
        out = captured.out + (captured.err if args[0] == "site" else "")
        if len(words) == 2:
            out = "".join(out.splitlines(keepends=True)[: int(words[1])])
        assert out == expected, cmd
