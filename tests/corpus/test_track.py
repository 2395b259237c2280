"""Phrase tracking on the bundled corpus: counts checked against the source texts themselves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare.cli import main
from compare.corpus.api import load_corpus, track
from compare.errors import ScodiffError

ROOT = Path(__file__).resolve().parents[2]
SOURCES = {
    "2007-bishkek": ROOT / "tests" / "data" / "import" / "2007-bishkek.txt",
    "2007-bishkek-draft": ROOT / "tests" / "data" / "report" / "2007-bishkek-draft.txt",
    **{p.stem: p for p in (ROOT / "declarations" / "sources").glob("*.txt")},
}


@pytest.fixture(scope="module")
def corpus():
    return load_corpus([ROOT / "declarations"])


@pytest.mark.parametrize("phrase", ["double standards", "Afghanistan"])
def test_counts_match_the_texts(corpus, phrase: str) -> None:
    doc = track(corpus, [phrase])
    (row,) = doc["phrases"]
    expected = {k: p.read_text(encoding="utf-8").count(phrase) for k, p in SOURCES.items()}
    got = {p["declaration"]: p["count"] for p in row["by_declaration"]}
    assert got == expected
    assert row["total"] == sum(expected.values()) == len(row["occurrences"])
    present = [d["id"] for d in doc["declarations"] if expected[d["id"]]]
    assert (row["first"], row["last"]) == (present[0], present[-1])


def test_bundled_figures(corpus) -> None:
    doc = track(corpus, ["double standards", "Afghanistan"])
    ds, af = doc["phrases"]
    assert [p["count"] for p in ds["by_declaration"]] == [1, 1, 0, 0, 1, 1]
    assert [p["count"] for p in af["by_declaration"]] == [4, 4, 3, 3, 3, 3]
    words = {d["id"]: d["words"] for d in doc["declarations"]}
    first = ds["by_declaration"][0]
    assert first["per_1000_words"] == round(1000 / words[first["declaration"]], 3)


def test_whole_words_any_spacing_case_and_regex(corpus) -> None:
    assert track(corpus, ["Afghan"])["phrases"][0]["total"] == 0
    assert track(corpus, ["double   standards"])["phrases"][0]["total"] == 4
    assert track(corpus, ["DOUBLE STANDARDS"])["phrases"][0]["total"] == 0
    assert track(corpus, ["DOUBLE STANDARDS"], ignore_case=True)["phrases"][0]["total"] == 4
    doc = track(corpus, [r"Afghan\w*"], regex=True)
    assert doc["phrases"][0]["total"] == 20
    occ = doc["phrases"][0]["occurrences"][0]
    assert occ["text"][occ["start"]:occ["end"]] == "Afghanistan"
    with pytest.raises(ScodiffError):
        track(corpus, ["(unclosed"], regex=True)


def test_cli_json_and_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["track", "double standards", "Afghanistan", str(ROOT / "declarations"),
                 "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["format"] == "scodiff.track/1"
    assert [p["phrase"] for p in doc["phrases"]] == ["double standards", "Afghanistan"]
    out = tmp_path / "t.html"
    assert main(["track", "Afghanistan", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<svg" in page and "<script" not in page and "<mark>Afghanistan</mark>" in page
    assert main(["track", "--regex", "(bad", "-o", str(tmp_path / "x.html")]) == 2
    assert not (tmp_path / "x.html").exists()
