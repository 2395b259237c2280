"""Invisible and blank characters (issue 14, kind 3): one table, badges everywhere, ignorable ones
equal for matching.

"will" and "wi\u034fll" look the same on screen: a change between them must never be reported as
a dropped commitment, and the character must be shown (a badge in the report, `<U+XXXX>` in
text output). The table is Unicode's Default_Ignorable_Code_Point plus the C1 controls
(`INVISIBLE`, dropped for matching) and the characters that print as blank (`BLANK`, shown only).
"""

from __future__ import annotations

import unicodedata

import pytest

from compare import align, analyse, render_html
from compare.alignment.normalize import match_key
from compare.model import Declaration, Meta, Paragraph, Sentence
from compare.textfmt import BLANK, DEFAULT_IGNORABLE, INVISIBLE, visible

IGNORABLE = ["\u034f", "\u115f", "\u1160", "\u3164", "\ufe0f", "\U000e0100", "\u200b", "\u2060",
             "\u00ad", "\u180e", "\uffa0", "\U000e0001", "\u0085", "\u009b"]
SHOWN_ONLY = ["\u2800", "\u2003", "\u202f"]


def decl(name: str, text: str) -> Declaration:
    return Declaration(Meta(id=name, title=name, status="illustrative"),
                       (Paragraph("para_1", "1", (Sentence("para_1__s_1", text),)),))


LEFT = decl("left", "The member states will strengthen cooperation in the field of energy.")


@pytest.mark.parametrize("char", IGNORABLE, ids=lambda c: f"U+{ord(c):04X}")
def test_an_ignorable_character_inside_a_word_changes_no_commitment(char: str) -> None:
    right = decl("right", f"The member states wi{char}ll strengthen cooperation in the field of "
                          "energy.")
    assert match_key(right.paragraphs[0].text) == match_key(LEFT.paragraphs[0].text)
    alignment = analyse(align(LEFT, right))
    assert [p.relation.value for p in alignment.pairs] == ["unchanged"]
    assert "invisible-characters" in alignment.pairs[0].notes
    assert all(c.change == "unchanged" for c in alignment.commitments)
    assert f"U+{ord(char):04X}" in render_html(alignment)


@pytest.mark.parametrize("char", IGNORABLE + SHOWN_ONLY, ids=lambda c: f"U+{ord(c):04X}")
def test_every_invisible_or_blank_character_is_shown_in_text_output(char: str) -> None:
    assert visible(f"wi{char}ll") == f"wi<U+{ord(char):04X}>ll"


@pytest.mark.parametrize("char", SHOWN_ONLY, ids=lambda c: f"U+{ord(c):04X}")
def test_a_blank_character_gets_a_badge_in_the_report(char: str) -> None:
    right = decl("right", f"The member states will{char}strengthen cooperation in the field of "
                          "energy.")
    assert f"U+{ord(char):04X}" in render_html(analyse(align(LEFT, right)))


def test_the_table_is_default_ignorable_plus_c1_and_holds_no_visible_character() -> None:
    assert DEFAULT_IGNORABLE <= INVISIBLE
    assert {chr(c) for c in range(0x80, 0xA0)} <= INVISIBLE
    assert not (INVISIBLE & BLANK)
    for ch in INVISIBLE | BLANK:  # no letter or digit that prints (the Hangul fillers print blank)
        assert unicodedata.category(ch) in ("Cc", "Cf", "Cn", "Mn", "Lo", "Zs", "So"), hex(ord(ch))
        assert not ch.isdigit()
