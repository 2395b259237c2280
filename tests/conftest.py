"""Shared pytest set-up: the `--update-golden` option and the `golden` checker; the headless
Chromium the browser tests share (`browser`, `CHROMIUM`, `BROWSER_ARGS`); `helpers.py` holds what
tests import.

A golden test compares output bytes with a committed file under tests/golden/. On a mismatch the
actual output is saved under tests/actual/ (same relative path) so updating is a review (diff the
two), not a re-run; `pytest --update-golden` rewrites the golden files instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
GOLDEN = TESTS / "golden"
ACTUAL = TESTS / "actual"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="Rewrite golden files with the actual output instead of failing.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


GoldenCheck = Callable[[str | Path, bytes | str], None]


@pytest.fixture
def golden(update_golden: bool) -> GoldenCheck:
    """`golden(path, actual)`: path relative to tests/golden/ (or absolute, e.g. in reports/)."""

    def check(path: str | Path, actual: bytes | str) -> None:
        data = actual.encode("utf-8") if isinstance(actual, str) else actual
        target = Path(path) if Path(path).is_absolute() else GOLDEN / path
        if update_golden:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            return
        expected = target.read_bytes() if target.exists() else None
        if expected != data:
            rel = target.relative_to(ROOT) if target.is_relative_to(ROOT) else Path(target.name)
            saved = ACTUAL / rel
            saved.parent.mkdir(parents=True, exist_ok=True)
            saved.write_bytes(data)
            what = "missing" if expected is None else "differs"
            pytest.fail(f"golden file {rel} {what}; actual output saved to {saved} "
                        "(review it, then run pytest --update-golden)")

    return check


CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium, driven by Playwright (no browser download)."""
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """One headless Chromium per test module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        yield b
        b.close()
