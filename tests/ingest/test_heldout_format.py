"""The web-page imitations of issue 12 (tests/data/import/heldout*/, tuning2/): structure only.

Every input has a `<name>.expect.toml` with typed fields, a valid kind and an outline of
`"k: first words"` entries; what the expect file names (unit openings, furniture strings) is in the
input, and every input says it is illustrative. The importer's results on these files are not
tested here: they are scored once by the lead with `python -m compare.bench.pages`.
"""

from __future__ import annotations

import html
import re
import tomllib
from pathlib import Path

import pytest

from compare.bench.pages import EXPECT, _norm_kind, _starts, fold, inputs

FOLDER = Path(__file__).resolve().parents[1] / "data" / "import" / "heldout"
TUNING2 = FOLDER.parent / "tuning2"
FOLDERS = [FOLDER, *(FOLDER.with_name(f"heldout{n}") for n in (2, 3, 4, 5, 6, 7)), TUNING2]
KINDS = {"declaration", "communique", "press-release", "statement", "address"}
UNIT_KINDS = {"p", "i", "r", "h"}
REQUIRED = {"title": str, "date": str, "place": str, "kind": str, "truncated": bool,
            "units": list, "furniture": list}
OPTIONAL = {"other_lang": str, "same_work_as": str, "other_language": list}
ALL_INPUTS = sorted(p for f in FOLDERS for p in f.iterdir()
                    if not p.name.endswith(EXPECT) and p.name != "README.md")


def _text(path: Path) -> str:
    """What a reader of the input sees, folded: HTML tags dropped, entities and alt text kept."""
    raw = path.read_bytes()
    m = re.search(rb'charset="?([A-Za-z0-9_-]+)', raw[:1024])
    text = raw.decode(m.group(1).decode() if m else "utf-8")
    if path.suffix == ".html":
        alts = " ".join(re.findall(r'(?:alt|content)="([^"]*)"', text))
        text = html.unescape(re.sub(r"<[^>]*>", " ", text)) + " " + alts
    return fold(text)


def _expect(path: Path) -> dict[str, object]:
    return tomllib.loads(Path(f"{path}{EXPECT}").read_text(encoding="utf-8"))


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_enough_inputs_of_both_kinds(folder: Path) -> None:
    mine = [p for p in ALL_INPUTS if p.parent == folder]
    assert len(mine) >= (6 if folder == TUNING2 else 16)
    assert {p.suffix for p in mine} == {".txt", ".html"}
    assert [p for p in inputs(folder) if p.name != "README.md"] == mine  # each has its expect


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: f.name)
def test_every_expect_file_has_its_input(folder: Path) -> None:
    for e in folder.glob(f"*{EXPECT}"):
        assert (folder / e.name[: -len(EXPECT)]).is_file(), e.name


@pytest.mark.parametrize("path", ALL_INPUTS, ids=lambda p: p.name)
def test_expect_fields_are_typed(path: Path) -> None:
    exp = _expect(path)
    assert set(exp) <= set(REQUIRED) | set(OPTIONAL), path.name
    for key, typ in REQUIRED.items():
        assert isinstance(exp[key], typ), (path.name, key)
    for key, typ in OPTIONAL.items():
        assert key not in exp or isinstance(exp[key], typ), (path.name, key)
    assert _norm_kind(str(exp["kind"])) in KINDS
    assert str(exp["title"]).strip()
    date = str(exp["date"])
    assert date == "" or re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])", date)
    if "same_work_as" in exp:
        other = path.parent / str(exp["same_work_as"])
        assert other.is_file() and _expect(other).get("same_work_as") == path.name


@pytest.mark.parametrize("path", ALL_INPUTS, ids=lambda p: p.name)
def test_outline_entries_are_in_the_input(path: Path) -> None:
    exp = _expect(path)
    units = exp["units"]
    assert isinstance(units, list) and len(units) >= 2  # the shortest texts have two units
    text = _text(path)
    for spec in units:
        kind, sep, words = str(spec).partition(":")
        assert sep and kind in UNIT_KINDS, spec
        assert 1 <= len(words.split()) <= 10 or kind == "h", spec  # set 6 uses up to nine
        assert fold(words) in text, (path.name, spec)


@pytest.mark.parametrize("path", ALL_INPUTS, ids=lambda p: p.name)
def test_furniture_is_in_the_input_and_not_an_expected_opening(path: Path) -> None:
    exp = _expect(path)
    furniture = exp["furniture"]
    assert isinstance(furniture, list) and furniture
    text = _text(path)
    openings = [str(u).partition(":")[2] for u in exp["units"]]  # type: ignore[attr-defined]
    for f in furniture:
        assert isinstance(f, str) and f.strip()
        assert fold(f) in text, (path.name, f)
        assert not any(fold(f) in fold(o) for o in openings), (path.name, f)


@pytest.mark.parametrize("path", ALL_INPUTS, ids=lambda p: p.name)
def test_every_input_says_it_is_illustrative(path: Path) -> None:
    text = html.unescape(path.read_bytes().decode("utf-8", "replace")).replace("\u00ad", "")
    text = fold(text)
    said = ("illustrative", "sample text prepared for software testing", "sample texts prepared",
            "sample text was prepared for software testing", "подготовленный для тестирования",
            "软件测试用示例文本")  # set 7 says it in several ways and languages
    assert any(s in text for s in said)


def test_truncated_inputs_end_mid_sentence() -> None:
    flagged = [p for p in ALL_INPUTS if _expect(p)["truncated"] and p.parent == FOLDER]
    assert flagged
    for p in flagged:
        last = re.sub(r"<[^>]*>", " ", p.read_text(encoding="utf-8")).rstrip()
        assert last[-1:].isalpha(), p.name


def test_unit_openings_compare_with_and_without_markers() -> None:
    assert _starts("1. The member states will", "The member states")
    assert _starts("III Humanitarian ties", "III. Humanitarian ties")
    assert _starts("\u4e00\u3001\u6210\u5458\u56fd", "\u6210\u5458\u56fd")
    assert not _starts("The ministers agreed", "The member states")
    assert fold("Joint  Communiqu\u00e9 \u2013 \u201cX\u201d") == 'joint communiqué - "x"'
