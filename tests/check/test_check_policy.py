"""Policy rules against the previous declaration, and the baseline round: generate, edit above,
fix one, prune."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from check_helpers import SEED, VARIANT, codes, findings, run

from compare.check.previous import previous
from compare.model import Declaration, Meeting, Meta
from compare.store.xmlio import load


def test_variant_dropped_and_softened(capsys: pytest.CaptureFixture[str]) -> None:
    code, found = findings(["check", str(VARIANT), "--against", str(SEED)], capsys)
    assert code == 1
    policy = [(f["code"], f["unit"], f["severity"]) for f in found if f["code"][0] == "P"]
    assert policy == [("P202", "para_12", "error"), ("P201", "para_17", "error")]
    soft = next(f for f in found if f["code"] == "P202")
    assert "'stand ready'" in soft["message"] and "'note'" in soft["message"]
    text = VARIANT.read_text(encoding="utf-8").splitlines()
    assert "The SCO member states note the value" in text[soft["line"] - 1]


def test_against_auto_finds_the_adopted_text(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(SEED, tmp_path)
    shutil.copy(VARIANT, tmp_path)
    code, found = findings(["check", str(tmp_path / VARIANT.name), "--against", "auto"], capsys)
    assert code == 1 and {"P201", "P202"} <= set(codes(found))
    code, found = findings(["check", str(tmp_path / SEED.name), "--against", "auto"], capsys)
    assert code == 0 and not [c for c in codes(found) if c[0] == "P"]


def _decl(id: str, kind: str, date: str, status: str = "adopted", of: str = "") -> Declaration:
    return Declaration(Meta(id, kind=kind, meeting=Meeting(date=date), status=status,
                            version_of=of), ())


def test_previous_by_kind_and_date() -> None:
    corpus = [_decl("a", "declaration", "2006-06-15"), _decl("b", "declaration", "2007-08-16"),
              _decl("c", "communique", "2007-01-01"), _decl("b-draft", "declaration",
                                                           "2007-08-10", "draft", "b"),
              _decl("x", "declaration", "2007-05-01", "illustrative")]
    assert previous(corpus[1], corpus) is corpus[0]  # not the communique, draft, illustrative
    assert previous(corpus[3], corpus) is corpus[1]  # a draft: the text it is a version of
    assert previous(corpus[0], corpus) is None
    assert previous(_decl("y", "declaration", "2007-06-01", "illustrative"), corpus) is corpus[4]


def _edit(src: Path, dest: Path, *pairs: tuple[str, str]) -> Path:
    text = src.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text
        text = text.replace(old, new, 1)
    dest.write_text(text, encoding="utf-8")
    return dest


ABOVE = ('    <paragraph eId="para_3">',
         '    <paragraph eId="para_2a">\n      <s eId="para_2a__s_1">A paragraph added above the '
         'findings for the test.</s>\n    </paragraph>\n    <paragraph eId="para_3">')
REWORD = ("Processes of globalization that are gaining momentum",
          "Processes of globalization, which are gaining momentum")


def test_baseline_round(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path / "baseline.json"
    args = ["check", str(VARIANT), "--against", str(SEED)]
    code, _, err = run([*args, "--generate-baseline", str(base)], capsys)
    assert code == 0 and "4 finding(s) in the baseline" in err
    doc = json.loads(base.read_text(encoding="utf-8"))
    assert doc["format"] == "scodiff.baseline/1"
    assert sorted(e["code"] for e in doc["findings"]) == ["L101", "L103", "P201", "P202"]
    code, found = findings([*args, "--baseline", str(base)], capsys)
    assert code == 0 and found and all(f["baselined"] for f in found)
    lines = {f["code"]: f["line"] for f in found}

    edited = _edit(VARIANT, tmp_path / "edited.xml", ABOVE, REWORD)
    code, found = findings(["check", str(edited), "--against", str(SEED), "--baseline",
                            str(base)], capsys)
    assert code == 0 and codes(found) == []
    assert all(f["line"] == lines[f["code"]] + 3 for f in found)  # moved, still baselined

    fixed = _edit(edited, tmp_path / "fixed.xml",
                  ("The SCO member states note the value of cooperation and of joint efforts on",
                   "The SCO member states stand ready to develop cooperation and step up joint "
                   "efforts to strengthen"))
    code, found = findings(["check", str(fixed), "--against", str(SEED), "--baseline",
                            str(base)], capsys)
    stale = [f for f in found if not f["baselined"]]
    assert code == 0 and [f["code"] for f in stale] == ["B001"]
    assert "P202" in stale[0]["message"] and stale[0]["file"].endswith("baseline.json")
    row = base.read_text(encoding="utf-8").splitlines()[stale[0]["line"] - 1]
    assert row[stale[0]["column"] - 1:].startswith(f'"{stale[0]["fingerprint"]}"')

    code, _, err = run(["check", str(fixed), "--against", str(SEED), "--baseline", str(base),
                        "--prune-baseline"], capsys)
    assert code == 0 and "1 stale" in err
    code, found = findings(["check", str(fixed), "--against", str(SEED), "--baseline",
                            str(base)], capsys)
    assert code == 0 and codes(found) == [] and len(found) == 3


def test_stale_entry_can_fail_the_gate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path / "b.json"
    assert run(["check", str(VARIANT), "--against", str(SEED), "--generate-baseline",
                str(base)], capsys)[0] == 0
    code, _, _ = run(["check", str(SEED), "--against", str(SEED), "--baseline", str(base),
                      "--fail-on", "warning", "--select", "B,P"], capsys)
    assert code == 1


@pytest.mark.parametrize("content", ["{", '{"format": "other"}', '{"format": '
                                     '"scodiff.baseline/1", "findings": [1]}'])
def test_bad_baseline_is_trouble(content: str, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    base = tmp_path / "b.json"
    base.write_text(content, encoding="utf-8")
    code, out, err = run(["check", str(SEED), "--baseline", str(base)], capsys)
    assert code == 2 and str(base) in err and out == ""


def test_fingerprints_ignore_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edited = _edit(SEED, tmp_path / "s.xml", ABOVE)
    _, a = findings(["check", str(SEED)], capsys)
    _, b = findings(["check", str(edited)], capsys)
    assert [f["fingerprint"] for f in a] == [f["fingerprint"] for f in b]
    assert [f["line"] for f in a] != [f["line"] for f in b]
    assert len({f["fingerprint"] for f in a}) == len(a)
    assert load(edited).id == load(SEED).id


def test_actor_and_entity_no_longer_named(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    from check_helpers import declaration, write

    prev = write(tmp_path, "prev.xml", declaration(
        ["The heads of state will strengthen cooperation with the United Nations.",
         "The SCO member states will develop trade in the region."], id="prev"))
    new = write(tmp_path, "new.xml", declaration(
        ["The SCO member states will develop trade in the region."], id="new"))
    code, found = findings(["check", str(new), "--against", str(prev)], capsys)
    got = {(f["code"], f["severity"]) for f in found}
    assert code == 1
    assert {("P201", "error"), ("P203", "warning"), ("P204", "warning")} <= got
    actor = next(f for f in found if f["code"] == "P203")
    assert "the heads of state" in actor["message"] and actor["line"] is not None
    entity = next(f for f in found if f["code"] == "P204")
    assert "'UN'" in entity["message"] and entity["unit"] == "para_1"
    code, found = findings(["check", str(new), "--against", str(prev), "--select", "P203,P204"],
                           capsys)
    assert code == 0 and len(found) == 2
