"""Output formats (text, json, github, sarif, junit), configuration, and trouble: exit 2 in
every format for hostile or broken input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from check_helpers import ROOT, SEED, VARIANT, declaration, findings, run, write
from lxml import etree

from compare.check.formats import _escape
from compare.check.rules import RULES

FORMATS = ["text", "json", "github", "sarif", "junit"]


def test_text_format(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    code, out, err = run(["check", "declarations/2007-bishkek.xml"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    for line in lines:
        assert re.fullmatch(r"declarations/2007-bishkek\.xml:\d+:\d+: L10[13] .+", line)
    assert "0 error(s), 2 warning(s)" in err


def test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    _, found = findings(["check", str(VARIANT), "--against", str(SEED)], capsys)
    keys = {"code", "name", "severity", "file", "line", "column", "declaration", "unit",
            "message", "fingerprint", "baselined"}
    assert found and all(set(f) == keys for f in found)
    assert {f["severity"] for f in found} <= {"error", "warning", "info"}


def test_github_format(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", str(VARIANT), "--against", str(SEED), "--format", "github"],
                       capsys)
    assert code == 1
    lines = out.splitlines()
    assert any(x.startswith("::error file=") and "title=P201 commitment-dropped::" in x
               for x in lines)
    assert all(re.match(r"::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=", x)
               for x in lines)
    assert _escape("a,b:c%\nd", True) == "a%2Cb%3Ac%25%0Ad"
    assert _escape("a,b:c%\nd", False) == "a,b:c%25%0Ad"


def test_sarif(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path / "b.json"
    args = ["check", str(VARIANT), "--against", str(SEED)]
    run([*args, "--generate-baseline", str(base), "--select", "L"], capsys)
    code, out, _ = run([*args, "--baseline", str(base), "--format", "sarif"], capsys)
    assert code == 1
    doc = json.loads(out)
    assert doc["version"] == "2.1.0" and doc["$schema"].endswith("sarif-2.1.0.json")
    driver = doc["runs"][0]["tool"]["driver"]
    assert driver["name"] == "scodiff"
    assert [r["id"] for r in driver["rules"]] == [r.code for r in RULES]
    assert all(r["help"]["text"] and r["shortDescription"]["text"] and r["name"]
               for r in driver["rules"])
    results = doc["runs"][0]["results"]
    for r in results:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
        assert r["level"] in ("error", "warning", "note") and r["message"]["text"]
        loc = r["locations"][0]["physicalLocation"]
        assert not loc["artifactLocation"]["uri"].startswith("/")
        assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
        assert len(r["partialFingerprints"]["scodiffFingerprint/v1"]) == 32
    suppressed = [r for r in results if "suppressions" in r]
    assert sorted(r["ruleId"] for r in suppressed) == ["L101", "L103"]
    assert all(r["suppressions"][0]["kind"] == "external" for r in suppressed)
    assert sorted(r["ruleId"] for r in results if "suppressions" not in r) == ["P201", "P202"]


def test_junit_parses(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", str(VARIANT), str(SEED), "--against", str(SEED), "--format",
                        "junit"], capsys)
    assert code == 1
    root = etree.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 2
    for suite in suites:
        cases = suite.findall("testcase")
        assert int(suite.get("tests", "")) == len(cases) >= 1
        assert int(suite.get("failures", "")) == len(suite.findall("testcase/failure"))
        assert all(c.get("classname") and c.get("name") for c in cases)
    failures = root.findall(".//failure")
    assert sorted(f.get("type") for f in failures) == ["P201", "P202"]
    assert int(root.get("failures", "")) == 2


HOSTILE = {
    "xxe.xml": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
               b"<r>&x;</r>",
    "laughs.xml": b'<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><l>&b;</l>',
    "malformed.xml": b"<declaration><meta></declaration>",
    "schema.xml": b'<declaration xmlns="urn:scodiff:declaration:1" eId="x"><body/></declaration>',
    "binary.xml": b"%PDF-1.4 \x00\x01",
    "empty.xml": b"",
    "cp1252.xml": b"<?xml version='1.0'?><a>\x92</a>",
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_broken_input_exits_2(name: str, fmt: str, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path, name, HOSTILE[name])
    good = write(tmp_path, "good.xml", declaration(["Fine."]))
    code, out, err = run(["check", str(good), str(bad), "--format", fmt], capsys)
    assert code == 2 and "cannot be read as a declaration" in err
    assert "root:" not in out + err  # nothing of /etc/passwd
    if fmt in ("json", "sarif"):
        json.loads(out)
    if fmt == "junit":
        assert int(etree.fromstring(out.encode()).get("errors", "")) == 1
    if fmt != "junit":
        assert "V001" in out


def test_missing_file_and_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["check", str(tmp_path / "nope.xml")], capsys)[0] == 2
    assert run(["check", str(tmp_path)], capsys)[0] == 2


def test_select_ignore_fail_on(capsys: pytest.CaptureFixture[str]) -> None:
    def got(*extra: str) -> tuple[int, list[str]]:
        code, found = findings(["check", str(SEED), *extra], capsys)
        return code, [f["code"] for f in found]

    assert got("--select", "L103") == (0, ["L103"])
    assert got("--select", "doubled-punctuation,L101")[1] == ["L101", "L103"]
    assert got("--ignore", "L1") == (0, [])
    assert got("--fail-on", "warning")[0] == 1
    assert got("--fail-on", "never", "--select", "ALL")[0] == 0
    code, _, err = run(["check", str(SEED), "--select", "X999"], capsys)
    assert code == 2 and "X999" in err and "--select" in err


def _config(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def test_config_found_upward(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    _config(tmp_path, "pyproject.toml", '[tool.scodiff.check]\nfail-on = "warning"\n'
            '[tool.scodiff.check.severity]\nL103 = "error"\nunbalanced-quote = "info"\n'
            '[tool.scodiff.check.per-file-ignores]\n"sub/*.xml" = ["L101"]\n')
    sub = tmp_path / "sub" / "deeper"
    sub.mkdir(parents=True)
    (tmp_path / "sub" / "s.xml").write_bytes(SEED.read_bytes())
    (sub / "s.xml").write_bytes(SEED.read_bytes().replace(b"2007-bishkek", b"2007-bishkek-2"))
    monkeypatch.chdir(sub)
    code, found = findings(["check", "s.xml", "../s.xml"], capsys)
    assert code == 1
    assert [(f["file"], f["code"], f["severity"]) for f in found] == [
        ("s.xml", "L101", "info"), ("s.xml", "L103", "error"), ("../s.xml", "L103", "error")]
    _config(tmp_path / "sub", "scodiff.toml", '[check]\nselect = ["L101"]\n')
    code, found = findings(["check", "s.xml"], capsys)
    assert (code, [f["code"] for f in found]) == (0, ["L101"])
    other = _config(tmp_path, "other.toml", '[check]\nignore = ["ALL"]\n')
    code, found = findings(["check", "s.xml", "--config", str(other)], capsys)
    assert (code, found) == (0, [])


@pytest.mark.parametrize(("body", "key", "expected"), [
    ('[check]\nfail-on = "fatal"\n', "fail-on", "expected one of info, warning, error, never"),
    ('[check]\nselect = "L1"\n', "select", "expected a list"),
    ('[check]\nselect = ["Q1"]\n', "select", "names no rule"),
    ('[check]\ncolour = true\n', "colour", "unknown key"),
    ('[check.severity]\nL101 = "fatal"\n', "severity.L101", "expected one of info"),
    ('[check.per-file-ignores]\n"*.xml" = "L1"\n', "per-file-ignores.*.xml", "expected a list"),
    ('[check]\nbaseline = 3\n', "baseline", "expected a file name"),
    ("[check\n", "", "expected a UTF-8 TOML file"),
])
def test_config_errors(body: str, key: str, expected: str, tmp_path: Path,
                       capsys: pytest.CaptureFixture[str]) -> None:
    path = _config(tmp_path, "scodiff.toml", body)
    code, out, err = run(["check", str(SEED), "--config", str(path)], capsys)
    assert code == 2 and out == ""
    assert str(path) in err and key in err and expected in err


def test_missing_config_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", str(SEED), "--config", str(tmp_path / "no.toml")], capsys)
    assert code == 2 and "no.toml" in err


def test_output_file_and_determinism(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outs = []
    for fmt in FORMATS:
        target = tmp_path / f"out.{fmt}"
        run(["check", str(VARIANT), "--against", str(SEED), "--format", fmt, "-o", str(target)],
            capsys)
        outs.append(target.read_bytes())
        run(["check", str(VARIANT), "--against", str(SEED), "--format", fmt, "-o", str(target)],
            capsys)
        assert target.read_bytes() == outs[-1]
    code, _, _ = run(["check", str(VARIANT), "-o", str(VARIANT)], capsys)
    assert code == 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_raw_control_characters_in_any_format(fmt: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "t.xml", declaration(["A bidi \u202eoverride and a zero\u200bwidth "
                                                 "space, \u201cunclosed."]))
    code, out, _ = run(["check", str(path), "--format", fmt], capsys)
    assert code == 1  # L108 is an error by default
    assert "\u202e" not in out and "\u200b" not in out and "U+202E" in out


def test_glob_semantics() -> None:
    from compare.check.engine import _glob

    assert _glob("drafts/*.xml").fullmatch("drafts/a.xml")
    assert not _glob("drafts/*.xml").fullmatch("drafts/old/a.xml")
    assert _glob("drafts/**/*.xml").fullmatch("drafts/old/a.xml")
    assert _glob("drafts/**/*.xml").fullmatch("drafts/a.xml")
    assert _glob("*-draft.xml").fullmatch("any/where/x-draft.xml")
