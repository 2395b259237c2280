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
    code, out, err = run(capsys, "validate", str(corpus))
    assert out == ""  # problems are not data: stderr
    out = err
    assert code == 2
    assert out.startswith(f"{corpus / 'c.xml'}:2:")


def test_validate_duplicate_ids_across_files(capsys, corpus) -> None:
    (corpus / "c.xml").write_bytes(xmlio.dump(decl("2003-a")))
    code, _out, err = run(capsys, "validate", str(corpus))
    assert code == 2 and "declaration id '2003-a' is used by more than one file" in err


def test_validate_strict_turns_warnings_into_1(capsys, tmp_path) -> None:
    bare = tmp_path / "bare.xml"
    bare.write_bytes(xmlio.dump(Declaration(Meta(id="bare"), decl("x").paragraphs)))
    assert run(capsys, "validate", str(bare))[0] == 0
    code, _out, err = run(capsys, "validate", "--strict", str(bare))
    assert code == 1 and "metadata missing: title" in err


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


# --- the rules every command follows (issue 13, item 7) -------------------------------------

DOCUMENT_COMMANDS = {
    # command: (arguments before -o, formats it writes)
    "align": (("LEFT", "RIGHT"), ("text", "json")),
    "report": (("LEFT", "RIGHT"), ("html", "md", "json")),
    "show": (("LEFT",), ("text", "json")),
    "list": (("CORPUS",), ("text", "json")),
    "commitments": (("LEFT",), ("text", "json")),
}
EXT = {"text": ".txt", "json": ".json", "md": ".md", "html": ".html"}


def _args(corpus: Path, names: tuple[str, ...]) -> list[str]:
    where = {"LEFT": corpus / "a.xml", "RIGHT": corpus / "b.xml", "CORPUS": corpus}
    return [str(where[n]) for n in names]


def _looks_like(fmt: str, text: str) -> bool:
    if fmt == "json":
        return isinstance(json.loads(text), dict)
    if fmt == "html":
        return text.startswith("<!DOCTYPE html>")
    if fmt == "md":
        return text.startswith("## scodiff: ")
    return not text.startswith(("{", "<", "##"))


def test_every_command_that_prints_a_document_takes_o_and_infers_the_format(
    capsys, corpus, tmp_path
) -> None:
    from compare.cli import cli

    for name, (names, formats) in DOCUMENT_COMMANDS.items():
        opts = {o for p in cli.commands[name].params for o in getattr(p, "opts", [])}
        assert {"-o", "--output", "--format"} <= opts, name
        for fmt in formats:
            out = tmp_path / f"{name}-{fmt}{EXT[fmt]}"
            code, stdout, err = run(capsys, name, *_args(corpus, names), "-o", str(out))
            assert code in (0, 1), (name, fmt, err)
            assert stdout == "" and _looks_like(fmt, out.read_text(encoding="utf-8")), (name, fmt)
    for name in ("export", "import"):
        assert "-o" in {o for p in cli.commands[name].params for o in getattr(p, "opts", [])}


def test_a_format_the_extension_contradicts_is_one_line_and_exit_2(capsys, corpus, tmp_path):
    for name, (names, formats) in DOCUMENT_COMMANDS.items():
        other = next(f for f in formats if f != formats[0])
        out = tmp_path / f"{name}{EXT[formats[0]]}"
        code, stdout, err = run(capsys, name, *_args(corpus, names), "-o", str(out),
                                "--format", other)
        assert code == 2 and stdout == "" and not out.exists(), name
        assert len(err.splitlines()) == 1 and "does not match" in err, err
    # an extension meaning a format the command does not write
    out = tmp_path / "x.html"
    code, _stdout, err = run(capsys, "show", str(corpus / "a.xml"), "-o", str(out))
    assert code == 2 and len(err.splitlines()) == 1 and not out.exists(), err
    # an extension that means nothing: --format decides, else the default
    out = tmp_path / "x.data"
    assert run(capsys, "show", str(corpus / "a.xml"), "-o", str(out), "--format", "json")[0] == 0
    assert json.loads(out.read_text(encoding="utf-8"))["format"] == "scodiff.declaration/1"


def test_dash_is_standard_output(capsys, corpus, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name, (names, _formats) in DOCUMENT_COMMANDS.items():
        code, stdout, _err = run(capsys, name, *_args(corpus, names), "-o", "-")
        assert code in (0, 1) and stdout.strip(), name
    code, stdout, _err = run(capsys, "export", str(corpus / "a.xml"), "-o", "-")
    assert code == 0 and stdout.strip()
    assert not (tmp_path / "-").exists()


def test_commands_that_align_take_threshold_and_config(capsys, corpus, tmp_path) -> None:
    config = tmp_path / "extra.toml"
    config.write_text("", encoding="utf-8")
    left, right = str(corpus / "a.xml"), str(corpus / "b.xml")
    for name in ("align", "report"):
        for extra in (["--threshold", "0.9"], ["--config", str(config)]):
            code, stdout, err = run(capsys, name, left, right, *extra)
            assert code in (0, 1) and stdout and err == "", (name, extra, err)
        code, _stdout, err = run(capsys, name, left, right, "--threshold", "2")
        assert code == 2 and len(err.splitlines()) == 1


def test_notices_go_to_stderr_capped_at_20_and_data_to_stdout(capsys, tmp_path) -> None:
    from lxml import etree

    source = tmp_path / "many.txt"
    body = [f"The member states will cooperate on topic {i}.." for i in range(30)]
    source.write_text("Test Declaration\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    meta = ["--status", "illustrative", "--date", "2001-01-01", "--place", "X"]
    code, stdout, err = run(capsys, "import", str(source), *meta)
    assert code == 0
    etree.fromstring(stdout.encode("utf-8"))  # stdout is the document and nothing else
    lines = err.splitlines()
    assert len(lines) == 21 and lines[-1] == "... and 10 more (--verbose)"
    assert all(": notice: " in line for line in lines[:20])
    code, _stdout, err = run(capsys, "import", str(source), *meta, "--verbose")
    assert len(err.splitlines()) == 30


def test_print_notices_is_the_one_cap(capsys) -> None:
    from compare.cli.base import NOTICE_LIMIT, print_notices

    assert print_notices([f"n{i}" for i in range(NOTICE_LIMIT)], verbose=False) == NOTICE_LIMIT
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == NOTICE_LIMIT
    assert print_notices(iter(["a\nb", *["x"] * 24]), verbose=False) == 25
    out, err = capsys.readouterr()
    assert out == "" and err.splitlines()[0] == "a b"
    assert err.splitlines()[-1] == "... and 5 more (--verbose)"


def test_readme_session_runs_in_a_shell_with_the_installed_command(tmp_path) -> None:
    """The README's `$` lines as a user types them after the quick start: in bash, with the
    venv's bin folder on PATH (what `. .venv/bin/activate` does), from the checkout."""
    import os
    import shutil

    from helpers import ROOT, readme_session

    bin_dir = Path(sys.executable).parent
    if not (bin_dir / "scodiff").exists() or shutil.which("bash") is None:
        pytest.skip("the scodiff console script is not installed next to this Python")
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    last = 0
    for cmd, expected in readme_session("A session, with real output"):
        if cmd == "echo $?":
            assert f"{last}\n" == expected
            continue
        line = cmd.replace(" reports/", f" {tmp_path}/")  # never write into the checkout
        done = subprocess.run(["bash", "-c", line], cwd=ROOT, env=env, capture_output=True,
                              text=True, encoding="utf-8", check=False)
        last = done.returncode
        out = done.stdout + (done.stderr if cmd.startswith("scodiff validate") else "")
        assert out == expected, cmd
