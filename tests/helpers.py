"""Helpers the test modules import (tests/ is on pytest's `pythonpath`)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_session(after: str) -> list[tuple[str, str]]:
    """The first fenced block of README.md after the text `after`, as (command line, expected
    output) pairs, one per `$ ` line."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split(after, 1)[1].split("```", 2)[1]
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines()[1:]:
        if line.startswith("$ "):
            steps.append((line[2:], []))
        elif steps:
            steps[-1][1].append(line)
    return [(cmd, "".join(f"{x}\n" for x in out)) for cmd, out in steps]

