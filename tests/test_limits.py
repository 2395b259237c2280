"""Faults found by the black-box hostile tests: a long word imports in linear time, an import
whose XML the tool could not read back is refused, file names print on one line, and a bad
baseline still gives a whole document."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from compare import ingest
from compare.cli import main
from compare.store import fsio

PREAMBLE = "The heads of member states, meeting in Bishkek on 16 August 2007, declare:"


def _cpu(text: str) -> float:
    t0 = time.process_time()
    ingest.parse_text(text)
    return time.process_time() - t0


def test_a_long_word_without_spaces_imports_in_linear_time() -> None:
    """A 100 KB word took minutes: the compound and line-end-hyphen patterns were tried at
    every position inside it, each running to the word's end and back (quadratic)."""
    small = f"Title\n\n{PREAMBLE}\n\n{'x' * 5_000}.\n"
    large = f"Title\n\n{PREAMBLE}\n\n{'x' * 80_000}.\n"
    decl, _ = ingest.parse_text(large)
    assert any("x" * 80_000 in u.text for u in decl.units())
    _cpu(small)  # patterns compiled
    assert _cpu(large) < 16 * max(_cpu(small), 0.01) + 0.5


def test_an_import_too_large_to_read_back_is_refused(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "tiny.txt"
    src.write_text("Illustrative Tiny Paragraphs\n\n" + "a.\n\n" * 400, encoding="utf-8")
    out = tmp_path / "tiny.xml"
    monkeypatch.setattr(fsio, "MAX_INPUT_BYTES", 20_000)  # the text fits, its XML does not
    assert main(["import", str(src), "-o", str(out), "--status", "illustrative"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "tiny.txt" in err[0] and "MiB a declaration file may hold" in err[0]
    assert not out.exists()
    assert main(["import", str(src), "-o", f"{tmp_path}/many/", "--status", "illustrative",
                 str(src)]) == 2
    assert not (tmp_path / "many").exists() or not any((tmp_path / "many").iterdir())


@pytest.mark.parametrize("fmt", ["text", "github", "junit"])
def test_check_prints_a_file_named_with_controls_on_one_visible_line(
        tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("bad\x1b[2J.xml", "nl\nname.xml"):
        (tmp_path / name).write_text("<r/>", encoding="utf-8")
        assert main(["check", str(tmp_path / name), "--format", fmt]) == 2
        out = capsys.readouterr().out
        assert "\x1b" not in out and ("U+001B" in out or "U+000A" in out)
        if fmt != "junit":
            assert len(out.strip().splitlines()) == 1, out


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
def test_a_malformed_baseline_still_gives_a_whole_document(
        tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    """README: trouble (a bad configuration or baseline) exits 2 in every format, and the output
    is still a complete document of that format."""
    import json
    from xml.etree import ElementTree

    base = tmp_path / "base.json"
    base.write_text("{not json", encoding="utf-8")
    seed = Path(__file__).resolve().parents[1] / "declarations" / "2007-bishkek.xml"
    assert main(["check", str(seed), "--baseline", str(base), "--format", fmt]) == 2
    captured = capsys.readouterr()
    assert "base.json" in captured.err and len(captured.err.strip().splitlines()) == 1
    if fmt == "junit":
        assert ElementTree.fromstring(captured.out).get("errors") == "1"
    else:
        doc = json.loads(captured.out)
        assert doc.get("format") == "scodiff.findings/1" or doc.get("version") == "2.1.0"
    out = tmp_path / f"out.{fmt}"
    assert main(["check", str(seed), "--baseline", str(base), "--format", fmt, "-o", str(out)]) == 2
    assert out.stat().st_size > 0
