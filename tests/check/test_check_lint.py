"""Lint and validity rules: what each reports, where, and what it leaves alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_helpers import SEED, declaration, findings, write

from compare.check.lint import MAX_PER_RULE


def _line_of(path: Path, needle: str) -> tuple[int, int]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n, line.index(needle) + 1
    raise AssertionError(needle)


def test_seed_quote_and_doubled_stop_with_lines(capsys: pytest.CaptureFixture[str]) -> None:
    before = SEED.read_bytes()
    code, found = findings(["check", str(SEED)], capsys)
    assert code == 0  # warnings only: the bundled corpus passes the default gate
    by = {f["code"]: f for f in found}
    line, col = _line_of(SEED, "belts\u201d")
    assert (by["L101"]["line"], by["L101"]["column"]) == (line, col + len("belts"))
    assert by["L101"]["unit"] == "para_15" and by["L101"]["severity"] == "warning"
    line, col = _line_of(SEED, "states..")
    assert (by["L103"]["line"], by["L103"]["column"]) == (line, col + len("states"))
    assert by["L103"]["unit"] == "para_16"
    assert sorted(by) == ["L101", "L103"]
    assert SEED.read_bytes() == before  # the text is never changed


def test_corpus_passes_default_gate(capsys: pytest.CaptureFixture[str]) -> None:
    code, found = findings(["check", str(SEED.parent)], capsys)
    assert code == 0 and found and {f["severity"] for f in found} == {"warning"}


CASES = [
    ("L101", ["They speak of \u201csecurity belts around the region."], 0),
    ("L101", ['A "quoted word and more.'], 0),
    ("L102", ["The parties (hereinafter the Parties agree."], 0),
    ("L102", ["A list ends here] without its start."], 0),
    ("L103", ["It was said,, twice."], 0),
    ("L103", ["The member states.."], 0),
    ("L106", ["The caf\u0065\u0301 is decomposed."], 0),
    ("L107", ["A zero\u200bwidth space hides here."], 0),
    ("L108", ["A bidi \u202eoverride hides here."], 0),
]


@pytest.mark.parametrize(("code", "paras", "_"), CASES)
def test_rule_reports(code: str, paras: list[str], _: int, tmp_path: Path,
                      capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "t.xml", declaration(paras))
    _code, found = findings(["check", str(path)], capsys)
    assert code in [f["code"] for f in found]


CLEAN = [
    "An ellipsis... is not doubled punctuation.",
    "Matched \u201cquotes\u201d and (brackets) and \u00abguillemets\u00bb are fine.",
    "a) a list marker written in the text is not a bracket.",
    "Persian uses a non-joiner: \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645.",
    "The Meeting in Bishkek on 16 August 2007 is the meeting date.",
]


def test_clean_text_reports_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "t.xml", declaration(CLEAN))
    code, found = findings(["check", str(path)], capsys)
    assert (code, found) == (0, [])


def test_broken_paragraph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "t.xml", declaration(["The member states agreed to strengthen",
                                                 "cooperation in the region.", "Done."]))
    _, found = findings(["check", str(path)], capsys)
    assert [(f["code"], f["unit"]) for f in found] == [("L104", "para_1")]


def test_numbering_gap_and_repeat(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paras: list[object] = [("1.", ["One."], []), ("2.", ["Two."], []), ("4.", ["Four."], []),
                           ("4.", ["Four again."], []),
                           ("5.", ["Items:"], [("a)", "first;"), ("c)", "third.")])]
    path = write(tmp_path, "t.xml", declaration(paras))  # type: ignore[arg-type]
    _, found = findings(["check", str(path)], capsys)
    got = [(f["code"], f["unit"], f["message"].split(":")[0]) for f in found]
    assert got == [("L105", "para_3", "paragraph numbering skips 1"),
                   ("L105", "para_4", "paragraph number repeated"),
                   ("L105", "para_5__item_2", "item numbering skips 1")]


def test_duplicated_paragraph(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "The member states will strengthen cooperation in the region."
    path = write(tmp_path, "t.xml", declaration([text, "Something else entirely.", text]))
    _, found = findings(["check", str(path)], capsys)
    assert [(f["code"], f["unit"]) for f in found] == [("L109", "para_3")]
    assert "para_1" in found[0]["message"]


@pytest.mark.parametrize("said", ["on 17 August 2007 in Bishkek", "in Bishkek on August 17, 2007",
                                  "in Bishkek (2007-08-17)"])
def test_date_contradicting_metadata(said: str, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "t.xml", declaration([f"The heads met {said}.",
                                                 "A treaty of 15 June 2001 is another date."]))
    _, found = findings(["check", str(path)], capsys)
    assert [(f["code"], f["unit"]) for f in found] == [("L110", "para_1")]
    assert "2007-08-17" in found[0]["message"] and "2007-08-16" in found[0]["message"]


def test_russian_and_chinese_dates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ru = write(tmp_path, "ru.xml", declaration(["Встреча в Бишкеке 17 августа 2007 года."],
                                               place="Бишкек", id="ru"))
    zh = write(tmp_path, "zh.xml", declaration(["2007年8月16日在比什凯克举行会议。"],
                                               place="比什凯克", id="zh"))
    _, found = findings(["check", str(ru), str(zh)], capsys)
    assert [(f["code"], f["file"].rsplit("/", 1)[-1]) for f in found] == [("L110", "ru.xml")]


def test_a_romanised_place_is_looked_for_as_the_text_writes_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ru = write(tmp_path, "ru.xml", declaration(["Встреча в Бишкеке 17 августа 2007 года."],
                                               place="Bishkek", place_written="Бишкек", id="ru"))
    _, found = findings(["check", str(ru)], capsys)
    assert [f["code"] for f in found] == ["L110"]


def test_findings_per_rule_are_capped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "t.xml", declaration([("Doubled.. " * (MAX_PER_RULE + 7)).strip()]))
    _, found = findings(["check", str(path)], capsys)
    assert len(found) == MAX_PER_RULE + 1
    assert "7 more" in found[-1]["message"]


def test_duplicate_declaration_id_across_files(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path, "a.xml", declaration(["One."]))
    write(tmp_path, "b.xml", declaration(["Two."]))
    code, found = findings(["check", str(tmp_path)], capsys)
    assert code == 1 and [f["code"] for f in found] == ["V002", "V002"]


def test_missing_metadata_is_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = declaration(["One."]).replace(b"<source>written for the tests</source>", b"")
    path = write(tmp_path, "t.xml", data)
    code, found = findings(["check", str(path)], capsys)
    assert code == 0 and [(f["code"], f["severity"]) for f in found] == [("V004", "warning")]
    assert "source" in found[0]["message"]


@pytest.mark.parametrize(("old", "new", "code"), [
    (b'date="2007-08-16"', b'date="2007-02-30"', "V003"),
    (b'code="KG"', b'code="kg"', "V003"),
    (b'eId="para_2"', b'eId="para_1"', "V002"),
    (b"<body>", b"<body><bogus/>", "V001"),
])
def test_unusable_files_are_trouble(old: bytes, new: bytes, code: str, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    data = declaration(["One.", "Two."])
    assert old in data
    path = write(tmp_path, "t.xml", data.replace(old, new, 1))
    status, found = findings(["check", str(path)], capsys)
    assert status == 2 and code in [f["code"] for f in found]
    assert all(f["line"] for f in found if f["code"] == code)


def test_version_of_unknown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "t.xml", declaration(["One."], version_of="2001-nowhere"))
    status, found = findings(["check", str(path)], capsys)
    assert status == 0 and [f["code"] for f in found] == ["V005"]
