"""The README's check section and the integrations: the codes table is the rules', the session
is real output, the configuration, git lines and workflow work as written, and the pre-commit
hooks name real commands and options."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
import yaml
from check_helpers import ROOT
from test_gitdiff import DRIVER, Repo

from compare.check.config import load_settings
from compare.check.rules import RULES, rules_table
from compare.cli import cli, main

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Checks in CI and git", 1)[1].split("\n## ", 1)[0]


def _blocks(lang: str = "") -> list[str]:
    """The fenced blocks of the section in a language ("" for none), in order."""
    out: list[tuple[str, list[str]]] = []
    inside = False
    for line in SECTION.splitlines():
        if line.startswith("```"):
            if not inside:
                out.append((line[3:].strip(), []))
            inside = not inside
        elif inside:
            out[-1][1].append(line)
    return ["".join(f"{x}\n" for x in body) for kind, body in out if kind == lang]


def test_codes_table_is_generated_from_the_rules() -> None:
    table = SECTION.split("keeps it equal -->\n", 1)[1].split("\n\n", 1)[0] + "\n"
    assert table == rules_table()
    assert len(RULES) == len({r.code for r in RULES}) == len({r.name for r in RULES})
    assert all(re.fullmatch(r"[VLPB]\d{3}", r.code) for r in RULES)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", r.name) for r in RULES)


def test_check_session_is_real_output(capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    steps: list[tuple[str, list[str]]] = []
    for line in _blocks()[0].splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            steps[-1][1].append(line)
    assert len(steps) == 4
    last = 0
    for cmd, lines in steps:
        expected = "".join(f"{x}\n" for x in lines)
        if cmd == "echo $?":
            assert expected == f"{last}\n"
            continue
        args = shlex.split(cmd)
        assert args[0] == "scodiff"
        last = main(args[1:])
        out = capsys.readouterr()
        assert out.out + out.err == expected, cmd


def test_configuration_example_loads(tmp_path: Path) -> None:
    toml = _blocks("toml")[0]
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    s = load_settings(tmp_path / "pyproject.toml")
    assert s.ignore == ("L104",) and s.against == "auto" and s.fail_on == "error"
    assert dict(s.severity) == {"P203": "error", "doubled-punctuation": "info"}
    assert s.baseline == str(tmp_path / "scodiff-baseline.json")


def test_git_lines_work_as_written(tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    blocks = _blocks()
    attributes = next(b for b in blocks if b.startswith("# .gitattributes"))
    (repo.path / ".gitattributes").write_text(attributes.replace("declarations/", "d/"),
                                              encoding="utf-8")
    config = next(b for b in blocks if b.startswith("git config"))
    for line in config.splitlines():
        args = shlex.split(line)[1:]
        repo.git(*args[:-1], args[-1].replace("scodiff git-diff", DRIVER))
    (repo.path / "d" / "x.xml").write_text(
        (ROOT / "tests/data/check/2007-bishkek-variant.xml").read_text(encoding="utf-8"),
        encoding="utf-8")
    assert "softened para_12__s_1" in repo.git("diff")
    repo.git("commit", "-qam", "variant")
    assert "softened para_12__s_1" in repo.git("show", "--ext-diff")
    assert "+para_12__s_1  The SCO member states note" in repo.git("log", "-p", "-1")


def test_workflow_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    flow = yaml.safe_load(_blocks("yaml")[0])
    steps = flow["jobs"]["check"]["steps"]
    runs = [s["run"].split("#")[0].strip() for s in steps if "run" in s and
            s["run"].startswith("scodiff ")]
    assert any("--format github" in r for r in runs) and any("--format sarif" in r for r in runs)
    upload = next(s for s in steps if s.get("uses", "").startswith(
        "github/codeql-action/upload-sarif"))
    assert flow["permissions"]["security-events"] == "write"
    for cmd in runs:
        args = shlex.split(cmd)[1:]
        if "-o" in args:
            assert args[args.index("-o") + 1] == upload["with"]["sarif_file"]
            args[args.index("-o") + 1] = str(tmp_path / "scodiff.sarif")
        code = main(args)
        capsys.readouterr()
        assert code == (0 if "--fail-on" in args else 1)  # the draft softens commitments
    sarif = json.loads((tmp_path / "scodiff.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"


def test_pre_commit_hooks(capsys: pytest.CaptureFixture[str],
                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["scodiff-check", "scodiff-validate"]
    files = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "declarations").glob("*.xml"))
    for hook in hooks:
        assert {"id", "name", "entry", "language"} <= set(hook) and hook["language"] == "python"
        prog, command, *options = shlex.split(hook["entry"])
        assert prog == "scodiff" and command in cli.commands
        known = {o for p in cli.commands[command].params for o in getattr(p, "opts", [])}
        assert set(options) <= known
        pattern = re.compile(hook["files"])
        assert all(pattern.search(f) for f in files)
        assert not pattern.search("src/declarations.py") and not pattern.search("pom.xml")
        assert main([command, *options, *files]) == 0
        capsys.readouterr()
