"""Every command is documented in the README and has help with an example."""

from __future__ import annotations

from pathlib import Path

import pytest

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
