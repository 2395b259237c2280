"""`scodiff import` of many files: ids from the metadata, never two files with one id."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compare.cli import main
from compare.store.xmlio import load

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "declarations" / "sources").glob("*.txt"))


def test_many_files_into_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "decl"
    args = [str(p) for p in reversed(SOURCES)]
    assert main(["import", *args, "-o", f"{out}/", "--status", "illustrative"]) == 0
    names = sorted(p.name for p in out.glob("*.xml"))
    assert names == ["2008-dushanbe.xml", "2009-yekaterinburg.xml", "2010-tashkent.xml",
                     "2011-astana.xml"]
    assert load(out / "2010-tashkent.xml").meta.meeting.date == "2010-06-11"


def test_the_committed_files_are_rebuilt_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "decl"
    assert main(["import", *map(str, SOURCES), "-o", f"{out}/", "--status", "illustrative",
                 "--body", "Council of Heads of State",
                 "--version-label", "illustrative English text", "--source",
                 "Illustrative declaration written by the scodiff authors in the style of the "
                 "Bishkek text; not an SCO document"]) == 0
    for p in out.glob("*.xml"):
        assert p.read_bytes() == (ROOT / "declarations" / p.name).read_bytes(), p.name


def test_a_second_version_gets_its_own_id_and_points_at_the_first(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    shutil.copy(SOURCES[0], a)
    b.write_text(SOURCES[0].read_text(encoding="utf-8").replace("Globalization", "Globalisation"),
                 encoding="utf-8")
    out = tmp_path / "o"
    assert main(["import", str(b), str(a), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "id '2008-dushanbe' is taken by" in err and "--id" in err
    first, second = load(out / "2008-dushanbe.xml"), load(out / "2008-dushanbe-2.xml")
    assert "Globalization" in first.paragraphs[1].text  # a.txt, first by path
    assert second.meta.version_of == "2008-dushanbe"


def test_an_id_used_by_another_file_in_the_folder_is_an_error(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "o"
    out.mkdir()
    shutil.copy(ROOT / "declarations" / "2008-dushanbe.xml", out / "other-name.xml")
    assert main(["import", str(SOURCES[0]), str(SOURCES[1]), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "other-name.xml" in err and "2008-dushanbe" in err
    assert sorted(p.name for p in out.iterdir()) == ["other-name.xml"]


def test_a_bad_source_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "zz.txt"
    bad.write_bytes(b"\x00\x01binary")
    out = tmp_path / "o"
    assert main(["import", str(SOURCES[0]), str(bad), "-o", f"{out}/"]) == 2
    assert "zz.txt" in capsys.readouterr().err
    assert not out.exists() or not any(out.iterdir())


def test_several_sources_need_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(SOURCES[0]), str(SOURCES[1])]) == 2
    assert main(["import", str(SOURCES[0]), str(SOURCES[1]), "-o", "x", "--id", "y"]) == 2
