"""Every command is documented in the README and has help with an example."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import readme_session

from compare.cli import cli, main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)


def test_there_are_commands() -> None:
    assert {"import", "export", "validate", "show", "list", "align", "commitments",
            "report"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_in_readme(name: str) -> None:
    assert f"`scodiff {name}" in README


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_with_example(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert f"Usage: scodiff {name}" in out and "Example:" in out


def test_readme_gives_install_and_test_commands() -> None:
    assert ".venv/bin/pip install . && .venv/bin/scodiff report" in README
    assert "bash .ci/run" in README
    assert "python -m pytest" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_readme_session_is_real_output(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    steps = readme_session('A session, with real output')
    assert len(steps) >= 6
    last = 0
    for cmd, expected in steps:
        if cmd == "echo $?":
            assert f"{last}\n" == expected
            continue
        words = cmd.split(" | head -")
        args = words[0].split()
        assert args[0] == "scodiff"
        args = [str(tmp_path / "out.html") if a.startswith("reports/") else a for a in args[1:]]
        last = main(args)
        captured = capsys.readouterr()
        out = captured.out + (captured.err if args[0] == "validate" else "")
        if len(words) == 2:
            out = "".join(out.splitlines(keepends=True)[: int(words[1])])
        assert out == expected, cmd


def test_readme_library_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code = README.split("## The library in six lines", 1)[1].split("```python\n", 1)[1]
    code = code.split("```", 1)[0]
    assert len(code.strip().splitlines()) == 6
    scope: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), scope)
    assert str(scope["html"]).startswith("<!DOCTYPE html>")
    assert any(c.change != "unchanged" for c in scope["alignment"].commitments)  # type: ignore[attr-defined]
