"""The main-content library comparison (`compare.bench.libraries`), without the libraries."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.bench import libraries
from compare.bench.pages import TUNING_FOLDER


def test_without_the_libraries_it_says_so_and_exits_2(monkeypatch, capsys) -> None:
    missing = {"missing": ("no_such_library_here", libraries._ours)}
    monkeypatch.setattr(libraries, "READERS", missing)
    assert libraries.main([str(TUNING_FOLDER)]) == 2
    assert "no_such_library_here is not installed" in capsys.readouterr().err


def test_the_importer_is_scored_on_every_html_page(monkeypatch) -> None:
    monkeypatch.setattr(libraries, "READERS", {"scodiff import": (None, libraries._ours)})
    lines = libraries.compare_libraries([TUNING_FOLDER])
    pages = sorted(p for p in TUNING_FOLDER.glob("*.html")
                   if Path(f"{p}.expect.toml").is_file())
    assert lines[0].startswith(f"main-content readers on {len(pages)} HTML page imitations")
    assert f"title {len(pages)}/{len(pages)}" in lines[1]  # tuned on: every title right


@pytest.mark.parametrize("reader", ["trafilatura", "jusText"])
def test_a_library_reader_that_reads_nothing_is_scored_as_nothing(monkeypatch, reader) -> None:
    def fail(path: Path, lib: object) -> tuple[object, list[object]]:
        raise ValueError("empty")

    monkeypatch.setattr(libraries, "READERS", {reader: (None, fail)})
    line = libraries.compare_libraries([TUNING_FOLDER])[1]
    assert " outline 0/" in line and "(errors: " in line
