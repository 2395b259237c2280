"""Import mechanisms behind the misses on the fifth held-out set (issue 12), each on its own
short input written here (illustrative text, not the held-out pages): decimal-numbered
paragraphs under numbered headings, transcript time codes, e-mail and markdown copies,
Cyrillic item letters, dot-leader labels and tables of contents, footnotes at the end."""

from __future__ import annotations

from compare.ingest import importer as ingest
from compare.model import Declaration


def texts(decl: Declaration) -> list[str]:
    return [p.text for p in decl.paragraphs]


def test_decimal_numbered_paragraphs_under_numbered_headings() -> None:
    text = ("Statement of the Mayors of Lake Towns on Ferries\n\n"
            "1. Ferry lines\n\n"
            "1.1 The mayors confirm the four ferry lines opened across the lake last year.\n\n"
            "1.2 The towns will buy two new ferries for the northern line by 2090.\n\n"
            "2. Piers\n\n"
            "2.1 The towns shall repair every pier before the spring floods.\n")
    decl, _ = ingest.parse_text(text)
    paras = decl.paragraphs
    assert [p.number for p in paras] == ["1.1", "1.2", "2.1"]
    assert paras[0].text.startswith("The mayors confirm")
    assert paras[2].text == "The towns shall repair every pier before the spring floods."
    assert paras[0].heading == "1. Ferry lines" and paras[2].heading == "2. Piers"
    assert "2. Piers" not in decl.furniture
