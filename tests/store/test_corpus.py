"""Every declaration in declarations/ validates, has a unique id, and round-trips byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.errors import DeclarationError
from compare.store import xmlio
from compare.store.catalogue import catalogue, resolve, validate_all

ROOT = Path(__file__).resolve().parents[2]
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


def _local_corpus(tmp_path: Path, name: str) -> str:
    """A ./declarations holding one shipped declaration under the file name `name`."""
    entry = catalogue()[0]
    (tmp_path / "declarations").mkdir()
    (tmp_path / "declarations" / name).write_bytes(Path(entry.path).read_bytes())
    return entry.id


def test_an_id_is_not_shadowed_by_a_folder_of_that_name(tmp_path, monkeypatch) -> None:
    ident = _local_corpus(tmp_path, "x.xml")
    (tmp_path / "x").mkdir()
    monkeypatch.chdir(tmp_path)
    assert resolve("x") == Path("declarations") / "x.xml"
    assert resolve(ident) == Path("declarations") / "x.xml"


def test_an_id_finds_its_file_whatever_the_file_name(tmp_path, monkeypatch) -> None:
    ident = _local_corpus(tmp_path, "renamed.xml")
    (tmp_path / "declarations" / "broken.xml").write_text("<oops/>\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert resolve(ident) == Path("declarations") / "renamed.xml"
    with pytest.raises(DeclarationError, match="nor a declaration with that id"):
        resolve("no-such-id")
