"""The importer on inputs shaped like real sources (compare.ingest, layout, htmlsource, preamble).

Each input under tests/data/import/realistic/ imitates the STRUCTURE of a kind of real source
(a CMS page, an old table-layout site, a cp1251 or GBK page, text copied from a PDF or a web
page...) with illustrative text written for these tests. Beside each input, `NAME.words` holds
what a reader sees as the document: its title on the first line, then the body text (no
paragraph numbers or list markers). Three checks per input: the key facts below, the words
(none lost, none added, same order) and a reviewed golden outline under
tests/golden/import/realistic/.
"""

# ruff: noqa: RUF001  (Cyrillic, CJK punctuation and typographic quotes are the test data)
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from test_ingest import outline

from compare import ingest
from compare.model import Declaration
from compare.segment import CJK_LANGUAGES, base_language

DATA = Path(__file__).resolve().parent / "data" / "import" / "realistic"


@dataclass(frozen=True)
class Expect:
    """What a careful reader of the source would record."""

    title: str
    paragraphs: int
    items: int
    sentences: int
    date: str
    place: str
    parties: tuple[str, ...]
    language: str = "en"
    options: dict[str, object] = field(default_factory=dict)


CASES: dict[str, Expect] = {
    "cms-article.html": Expect("Joint Statement on Transport Corridors", 5, 0, 7, "2011-06-15",
                               "Astana", ("KZ", "KG", "UZ")),
    "footnotes.html": Expect("Joint Communiqué on Water Resources", 5, 3, 9, "2009-09-02",
                             "Dushanbe", ("TJ", "UZ")),
    "spacers.html": Expect("DECLARATION of the Heads of State on Regional Security", 9, 2, 11,
                           "2006-06-14", "Shanghai", ("KZ", "CN", "RU")),
    "table-layout.html": Expect("JOINT DECLARATION ON COOPERATION IN AGRICULTURE", 5, 3, 9,
                                "2005-07-19", "Moscow", ("RU", "TJ", "KG")),
    "div-paragraphs.html": Expect("Statement of the Council of Ministers on Youth Exchanges", 5, 2,
                                  8, "2013-05-16", "Cholpon-Ata", ()),
    "ol-numbered.html": Expect("Tashkent Declaration of the Heads of Member States", 6, 5, 13,
                               "2010-06-11", "Tashkent", ()),
    "ru-cp1251.html": Expect("Совместное заявление министров иностранных дел", 5, 2, 8,
                             "2007-08-16", "Бишкек", ("KZ", "KG", "RU"), "ru"),
    "zh-gb2312.html": Expect("中华人民共和国和吉尔吉斯共和国联合声明", 5, 2, 8, "2007-08-16",
                             "比什凯克", ("CN", "KG"), "zh"),
    "pdf-hyphen.txt": Expect(
        "JOINT STATEMENT OF THE MINISTERS OF ENERGY ON REGIONAL ENERGY COOPERATION", 5, 3, 10,
        "2012-09-22", "Samarkand", ("KZ", "RU", "UZ")),
    "pdf-formfeed.txt": Expect("Illustrative Memorandum on Customs Cooperation", 6, 0, 6,
                               "2014-03-03", "Osh", ("KG", "TJ"),
                               options={"page_breaks": True}),
    "web-copy.txt": Expect(
        "Joint Communiqué following the meeting of the Council of Heads of Government", 9, 2, 12,
        "2008-11-14", "Astana", ("KZ", "CN", "KG", "RU", "TJ", "UZ")),
    "numbered-subitems.txt": Expect("REGULATIONS ON THE BUSINESS COUNCIL (ILLUSTRATIVE)", 26, 3,
                                    30, "2009-06-15", "Yekaterinburg", ()),
    "roman-sections.txt": Expect("TREATY OF GOOD-NEIGHBOURLINESS (ILLUSTRATIVE TEXT)", 14, 0, 14,
                                 "2007-08-16", "Bishkek", ("KZ", "CN")),
    "russian-text.txt": Expect(
        "СОВМЕСТНОЕ ЗАЯВЛЕНИЕ министров культуры государств – членов Организации", 7, 3, 11,
        "2007-08-16", "Бишкек", ("KZ", "CN", "KG", "RU"), "ru"),
    "chinese-text.txt": Expect("中华人民共和国和塔吉克斯坦共和国关于加强文化合作的联合声明", 5,
                               3, 9, "2007-08-16", "比什凯克", ("CN", "TJ"), "zh"),
    "cp1252-quotes.txt": Expect("Joint Press Statement", 3, 0, 3, "2015-04-28", "Dushanbe",
                                ("TJ", "PK"), options={"encoding": "cp1252"}),
}


def load(name: str) -> tuple[Declaration, list[ingest.Notice]]:
    return ingest.import_file(str(DATA / name), **CASES[name].options)  # type: ignore[arg-type]


Facts = tuple[str, int, int, int, str, str, tuple[str, ...], str]


def expected_facts(e: Expect) -> Facts:
    return (e.title, e.paragraphs, e.items, e.sentences, e.date, e.place, e.parties, e.language)


def facts(decl: Declaration) -> Facts:
    """The same record, read from an import."""
    m = decl.meta
    return (m.title, len(decl.paragraphs), sum(len(p.items) for p in decl.paragraphs),
            len(decl.sentences()), m.meeting.date, m.meeting.place,
            tuple(p.code for p in m.parties), m.language)


def tokens(text: str, language: str) -> list[str]:
    """Words, or characters for Chinese and Japanese (no spaces between words)."""
    if base_language(language) in CJK_LANGUAGES:
        return [ch for ch in text if not ch.isspace()]
    return text.split()


def expected_words(name: str) -> list[str]:
    text = (DATA / f"{name}.words").read_text(encoding="utf-8")
    return tokens(text, CASES[name].language)


def stored_words(decl: Declaration) -> list[str]:
    texts = [decl.meta.title, *(s.text for s in decl.sentences())]
    return tokens(" ".join(texts), decl.meta.language)


def word_changes(expected: list[str], stored: list[str]) -> tuple[list[str], list[str]]:
    """(lost, added): words of the source missing from the import, and words it invented."""
    lost: list[str] = []
    added: list[str] = []
    matcher = difflib.SequenceMatcher(None, expected, stored, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "equal":
            lost += expected[a1:a2]
            added += stored[b1:b2]
    return lost, added


# --- every case: facts, words, golden outline ------------------------------------------------


@pytest.mark.parametrize("name", sorted(CASES))
def test_key_facts(name: str) -> None:
    decl, _ = load(name)
    assert facts(decl) == expected_facts(CASES[name])


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_word_lost_or_added(name: str) -> None:
    decl, _ = load(name)
    lost, added = word_changes(expected_words(name), stored_words(decl))
    assert (lost, added) == ([], [])


@pytest.mark.parametrize("name", sorted(CASES))
def test_outline(name: str, golden) -> None:
    decl, notices = load(name)
    golden(f"import/realistic/{name}.outline", outline(decl, notices))
