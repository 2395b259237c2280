"""Every declaration in declarations/ validates, has a unique id, and round-trips byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare import xmlio
from compare.corpus import catalogue, validate_all

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "declarations").glob("*.xml"))


def test_the_corpus_is_not_empty() -> None:
    assert any(f.name == "2007-bishkek.xml" for f in FILES)


@pytest.mark.parametrize("path", FILES, ids=[f.stem for f in FILES])
def test_file_validates_and_round_trips(path: Path) -> None:
    ok, problems = xmlio.validate(path)
    assert ok, [str(p) for p in problems]
    decl = xmlio.load(path)
    assert decl.id == path.stem
    assert xmlio.dump(decl) == path.read_bytes()


def test_no_errors_across_files() -> None:
    problems = validate_all(FILES)
    assert [str(p) for p in problems if p.severity == "error"] == []


def test_illustrative_documents_say_so() -> None:
    for entry in catalogue(ROOT / "declarations"):
        decl = xmlio.load(entry.path)
        if entry.status != "adopted":
            assert entry.status in ("illustrative", "draft")
            assert "illustrative" in (decl.meta.title + decl.meta.version_label).lower() or \
                entry.status == "draft"
