"""The command line: exit codes (0/1/2), one-line errors, validate/show/list (RELIABILITY E1)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from compare.cli import main
from compare.model import Declaration, Meeting, Meta, Paragraph, Party, Sentence
from compare.store import xmlio


def decl(ident: str, date: str = "2001-06-15", status: str = "illustrative") -> Declaration:
    return Declaration(
        Meta(id=ident, title="Test", kind="declaration", meeting=Meeting("Council", "Town", date),
             parties=(Party("KZ", "Kazakhstan"),), status=status, version_label="test",
             source="written for the tests"),
        (Paragraph("para_1", None, (Sentence("para_1__s_1", "One."),)),),
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "b.xml").write_bytes(xmlio.dump(decl("2002-b", "2002-01-01")))
    (folder / "a.xml").write_bytes(xmlio.dump(decl("2003-a", "2003-01-01")))
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_ok(capsys, corpus) -> None:
    code, out, err = run(capsys, "validate", str(corpus))
    assert code == 0 and out == ""
    assert "2 file(s): 2 valid, 0 invalid; 0 error(s), 0 warning(s)" in err


def test_validate_error_exits_2_and_names_file_and_line(capsys, corpus) -> None:
    (corpus / "c.xml").write_text("<declaration>\n<oops></declaration>\n")
    code, out, _ = run(capsys, "validate", str(corpus))
    assert code == 2
    assert out.startswith(f"{corpus / 'c.xml'}:2:")


def test_validate_duplicate_ids_across_files(capsys, corpus) -> None:
    (corpus / "c.xml").write_bytes(xmlio.dump(decl("2003-a")))
    code, out, _ = run(capsys, "validate", str(corpus))
    assert code == 2 and "declaration id '2003-a' is used by more than one file" in out


def test_validate_strict_turns_warnings_into_1(capsys, tmp_path) -> None:
    bare = tmp_path / "bare.xml"
    bare.write_bytes(xmlio.dump(Declaration(Meta(id="bare"), decl("x").paragraphs)))
    assert run(capsys, "validate", str(bare))[0] == 0
    code, out, _ = run(capsys, "validate", "--strict", str(bare))
    assert code == 1 and "metadata missing: title" in out


def test_show_text_and_json(capsys, corpus) -> None:
    code, out, _ = run(capsys, "show", str(corpus / "a.xml"))
    assert code == 0 and out.startswith("2003-a  Test  (declaration, illustrative, en)\n")
    assert "para_1" in out
    code, out, _ = run(capsys, "show", str(corpus / "a.xml"), "--format", "json")
    doc = json.loads(out)
    assert doc["format"] == "scodiff.declaration/1"
    assert doc["units"] == [{"id": "para_1", "kind": "paragraph", "number": None,
                             "parent": None, "text": "One.",
                             "sentences": [{"id": "para_1__s_1", "text": "One."}]}]
    assert list(doc) == sorted(doc)


def test_list_orders_by_date(capsys, corpus) -> None:
    code, out, _ = run(capsys, "list", str(corpus))
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["id", "date", "place", "kind", "status",
                                              "paragraphs"]
    assert [line.split()[0] for line in lines[1:]] == ["2002-b", "2003-a"]
    doc = json.loads(run(capsys, "list", str(corpus), "--format", "json")[1])
    assert doc["format"] == "scodiff.corpus/1" and len(doc["declarations"]) == 2


@pytest.mark.parametrize("args", [
    ("show", "/nonexistent/file.xml"),
    ("show",),
    ("show", "x.xml", "--format", "yaml"),
    ("frobnicate",),
    ("list", "/nonexistent"),
])
def test_e1_trouble_exits_2_with_one_line(capsys, args) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2
    assert "Traceback" not in err
    assert err.startswith("scodiff: error: ") and err.count("\n") == 1


def test_usage_error_names_the_command_help(capsys) -> None:
    code, _, err = run(capsys, "show", "x.xml", "--format", "yaml")
    assert code == 2
    assert err == ("scodiff: error: Invalid value for '--format': 'yaml' is not one of 'text', "
                   "'json' (see 'scodiff show --help')\n")


def test_a_text_file_given_as_xml_points_to_import(capsys, tmp_path) -> None:
    path = tmp_path / "seed.txt"
    path.write_text("\nBISHKEK DECLARATION\n\nThe heads of state declare:\n")
    code, _, err = run(capsys, "show", str(path))
    assert code == 2
    assert err == (f"scodiff: error: {path}:2:1: not XML (a declaration file starts with '<'); "
                   "to bring in a text or HTML file, use `scodiff import`\n")


def test_e1_missing_file_message(capsys) -> None:
    code, _, err = run(capsys, "show", "/nonexistent/file.xml")
    assert (code, err) == (2, "scodiff: error: /nonexistent/file.xml: no such file\n")


def test_e1_bug_exits_2_and_debug_shows_traceback(capsys, monkeypatch, corpus) -> None:
    import compare.store.outline

    def boom(*a: object, **k: object) -> str:
        raise RuntimeError("kaboom")

    monkeypatch.setattr(compare.store.outline, "outline", boom)
    code, _, err = run(capsys, "show", str(corpus / "a.xml"))
    assert code == 2
    assert err == ("scodiff: internal error: RuntimeError: kaboom "
                   "(run with --debug for a traceback)\n")
    code, _, err = run(capsys, "--debug", "show", str(corpus / "a.xml"))
    assert code == 2 and "Traceback" in err


def test_help_and_version_exit_0(capsys) -> None:
    assert run(capsys, "--help")[0] == 0
    code, out, _ = run(capsys, "--version")
    assert code == 0 and "scodiff" in out


def test_console_script_and_module_agree(corpus) -> None:
    """Real processes: `python -m compare` gives the status, not click's default 1."""
    bad = corpus / "bad.xml"
    bad.write_bytes(b"%PDF-1.4")
    proc = subprocess.run([sys.executable, "-m", "compare", "show", str(bad)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 2
    assert proc.stderr == f"scodiff: error: {bad}: not a text file (PDF)\n"


@pytest.mark.parametrize("command", ["align", "report"])
def test_two_sided_commands_take_corpus_ids(capsys, monkeypatch, command) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    code, out, err = run(capsys, command, "2007-bishkek-draft", "2007-bishkek", "--format",
                         "json")
    assert code == 1, err
    assert json.loads(out)["format"] in ("scodiff.alignment/1", "scodiff.report/1")


def test_report_refuses_output_over_input_before_any_work(capsys, corpus) -> None:
    target = corpus / "a.xml"
    before = target.read_bytes()
    code, _, err = run(capsys, "report", str(corpus / "b.xml"), str(target), "-o", str(target))
    assert code == 2 and "refusing to overwrite an input file" in err
    assert target.read_bytes() == before


def test_bare_command_prints_its_help_not_an_error(capsys) -> None:
    code, out, err = run(capsys)
    assert code == 2 and out == ""
    assert err.startswith("Usage: scodiff [OPTIONS] COMMAND") and "scodiff: error" not in err
    assert "  validate " in err and "(see 'scodiff --help')" not in err


def test_validate_counts_a_file_named_twice_once(capsys, corpus) -> None:
    (corpus / "hard.xml").hardlink_to(corpus / "a.xml")
    a = str(corpus / "a.xml")
    for args in ([a, str(corpus)], [a, a], [a, str(corpus / "." / "hard.xml")]):
        code, out, err = run(capsys, "validate", *args)
        assert (code, out) == (0, ""), out
        assert "valid, 0 invalid; 0 error(s)" in err
    code, _, err = run(capsys, "validate", str(corpus))
    assert code == 0 and "2 file(s): 2 valid" in err


def test_error_lines_never_send_controls_to_the_terminal(capsys, tmp_path) -> None:
    code, _, err = run(capsys, "show", str(tmp_path / "no\x1b[2J\u202efile.xml"))
    assert code == 2 and "\x1b" not in err and "\u202e" not in err
    assert "no<U+001B>[2J<U+202E>file.xml: no such file" in err


def test_error_lines_clip_what_they_quote(capsys, tmp_path) -> None:
    ident = "x" * 5000
    text = xmlio.dump(decl("ok")).decode().replace('eId="ok"', f'eId="{ident}"', 1)
    (tmp_path / "long.xml").write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "show", str(tmp_path / "long.xml"))
    assert code == 2 and "at most 128 letters" in err and len(err) < 400, len(err)


def test_validate_an_empty_folder_is_trouble_not_success(capsys, tmp_path) -> None:
    (tmp_path / "notes.txt").write_text("not a declaration\n", encoding="utf-8")
    code, out, err = run(capsys, "validate", str(tmp_path))
    assert code == 2 and out == "" and "no *.xml file" in err


@pytest.mark.parametrize("command", ["report", "import", "export"])
def test_an_empty_output_path_is_refused_not_taken_for_stdout(capsys, corpus, command) -> None:
    # `-o "$OUT"` with OUT unset must not print to stdout and exit 0.
    src = corpus.parent / "in.txt"
    src.write_text("Title\n\nText.\n", encoding="utf-8")
    args = {"report": [str(corpus / "a.xml"), str(corpus / "b.xml")],
            "import": [str(src)], "export": [str(corpus / "a.xml")]}[command]
    code, out, err = run(capsys, command, *args, "-o", "")
    assert code == 2 and out == "" and "--output" in err
