"""Import mechanisms behind the misses on the fourth held-out set (issue 12), each on its own
short input written here (illustrative text, not the held-out pages): stage directions and
running heads inside the text, salutations on two lines, an opening wrapped over two lines
above a list of recitals, Russian and Chinese label and date forms, places named only in
Cyrillic, titles of bilingual pages, agency datelines, one-line texts and PDF-host pages."""

# ruff: noqa: RUF001  (Cyrillic, CJK punctuation and typographic quotes are the test data)
from __future__ import annotations

from compare.ingest import importer as ingest
from compare.model import Declaration


def texts(decl: Declaration) -> list[str]:
    return [p.text for p in decl.paragraphs]


def test_stage_direction_between_paragraphs_is_furniture() -> None:
    text = ("Speech of the Chair at the Forum of River Towns\n\n"
            "Dear guests,\n\n"
            "It is a joy to see the mayors of forty river towns in one hall today.\n\n"
            "(Laughter)\n\n"
            "Our rivers join our towns, and our towns will keep our rivers clean.\n\n"
            "(Long applause)\n\n"
            "We shall meet again next spring on the lower river.\n")
    decl, _ = ingest.parse_text(text)
    assert not any("Laughter" in t or "applause" in t for t in texts(decl))
    assert "(Laughter)" in decl.furniture and "(Long applause)" in decl.furniture
    assert len(decl.paragraphs) == 4


def test_running_head_repeated_inside_the_text_is_furniture() -> None:
    head = "river-archive.example | print view | 12.01.2061"
    text = (f"{head}\n"
            "Statement of the Mayors of River Towns on Clean Banks\n"
            "The mayors of the river towns, meeting in Pavlodar on 10 January 2061, agree on "
            "the following.\n"
            "The towns will plant trees along both banks of the river.\n"
            f"{head}\n"
            "The towns shall keep the banks free of waste.\n"
            "Done at Pavlodar on 10 January 2061.\n"
            f"{head}\n")
    decl, _ = ingest.parse_text(text)
    assert not any("print view" in t for t in texts(decl))
    assert texts(decl)[2] == "The towns shall keep the banks free of waste."
    assert decl.furniture.count(head) == 3


def test_two_salutation_lines_are_two_units() -> None:
    text = ("Remarks of the Host at the Festival of Steppe Songs\n\n"
            "Dear singers and dancers,\n"
            "Dear guests from near and far, friends,\n\n"
            "Our steppe has always sung, and tonight it will sing in seven languages.\n\n"
            "Thank you for coming.\n")
    decl, _ = ingest.parse_text(text)
    assert texts(decl)[:2] == ["Dear singers and dancers,",
                               "Dear guests from near and far, friends,"]
