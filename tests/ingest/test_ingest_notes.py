"""Leftovers of issue 12 in the importer, each on its own invented text (illustrative).

Notes of the text: a translator's or editor's note is a paragraph wherever it stands (under the
title, between paragraphs, at the end; in brackets or not), while a line that only says what the
copy is ("(Unofficial translation)") is left out with the furniture and a labelled header field
(`[Notes] ...`) stays metadata. Then: a number inside the quotation mark opening a quoted
paragraph; a note on the copy that shares a word with the text; a parallel Russian and English
edition; whole sentences in another language inside a paragraph; `<dl>` records.
"""

# ruff: noqa: RUF001  (Cyrillic and CJK letters are the test data)
from __future__ import annotations

import pytest

from compare.ingest import importer as ingest
from compare.model import Declaration


def parse(text: str, **kw: object) -> Declaration:
    return ingest.parse_text(text, path="t.txt", **kw)[0]


TITLE = "Declaration of the Ministers of Forestry on Seed Banks"
BODY = ("The ministers of forestry of the member states met in Turkestan on 3 March 2071.\n\n"
        "1. The ministers will set up a shared register of tree seed collections.\n\n"
        "2. The ministers support joint field surveys of mountain walnut forests.\n")


@pytest.mark.parametrize("note", [
    "[Translator's note: the word rendered as 'grove' stands for a protected stand of trees.]",
    "[Editor's note: this text follows the version circulated to the delegations.]",
    "(Note by the compiler: the paragraph numbers are those of the original.)",
    "Editors' comment: two paragraphs were reordered in this rendering of the text.",
    "[Примечание переводчика: нумерация пунктов сохранена как в оригинале текста.]",
])
def test_a_note_of_the_text_under_the_title_is_its_first_paragraph(note: str) -> None:
    decl = parse(f"{TITLE}\n\n{note}\n\n{BODY}")
    assert decl.meta.title == TITLE
    assert decl.units()[0].text == note
    assert len(decl.paragraphs) == 4 and note not in decl.furniture
    assert (decl.meta.meeting.place, decl.meta.meeting.date) == ("Turkestan", "2071-03-03")


def test_a_note_of_the_text_at_the_end_is_a_paragraph_bracketed_or_not() -> None:
    for note in ("[Translator's note: the survey names follow the spelling of the original.]",
                 "Translator's note: the survey names follow the spelling of the original."):
        decl = parse(f"{TITLE}\n\n{BODY}\n{note}\n")
        assert decl.units()[-1].text == note, note
        assert note not in decl.furniture


def test_a_note_in_a_web_page_under_its_heading_is_a_paragraph() -> None:
    page = (f"<html><body><nav><a href='/'>Home</a> | <a href='/docs'>Documents</a></nav>"
            f"<h1>{TITLE}</h1><p>[Editor's note: the list of parties is given as printed in "
            "the bulletin.]</p><p>The ministers of forestry of the member states met in "
            "Turkestan on 3 March 2071.</p><p>The ministers will set up a shared register "
            "of tree seed collections.</p></body></html>").encode()
    decl, _ = ingest.parse_html(page, path="t.html")
    assert decl.units()[0].text.startswith("[Editor's note: the list of parties")
    assert len(decl.paragraphs) == 3


def test_a_line_saying_what_the_copy_is_stays_furniture_and_labels_stay_metadata() -> None:
    decl = parse(f"{TITLE}\n(Unofficial translation)\n\n{BODY}")
    assert "(Unofficial translation)" in decl.furniture
    assert decl.units()[0].text.startswith("The ministers of forestry")
    decl = parse(f"[Title] {TITLE}\n[Place] Turkestan\n[Date] March 3, 2071\n"
                 "[Notes] Illustrative record typed for the tests\n[Full text]\n\n" + BODY)
    assert decl.meta.title == TITLE and len(decl.paragraphs) == 3
    assert "[Notes] Illustrative record typed for the tests" in decl.furniture
    # a note's label with no sentence after it is no note of the text
    decl = parse(f"{TITLE}\n[Editor's note: abridged]\n\n{BODY}")
    assert len(decl.paragraphs) == 3 and "[Editor's note: abridged]" in decl.furniture


QUOTED = ("<html><body><h1>Press release on the Charter of the Mountain Railways</h1>"
          "<p>On 14 May 2072 the ministers of railways, meeting in Osh, adopted a charter that "
          "was drafted over three winters by the national railway boards.</p>"
          "<p>Its operative part reads:</p><blockquote>"
          "<p>\u201c1. The railway boards will share timetables for the mountain lines.</p>"
          "<p>2. The railway boards will train signal staff together every second year.\u201d"
          "</p></blockquote><p>The ministry will publish the charter in the official bulletin."
          "</p><p>Demonstration page drafted for the unit tests. Illustrative only.</p>"
          "</body></html>")


def test_a_number_inside_the_quotation_mark_opening_a_paragraph_is_its_number() -> None:
    decl, _ = ingest.parse_html(QUOTED.encode(), path="t.html")
    quoted = [p for p in decl.paragraphs if p.number]
    assert [p.number for p in quoted] == ["1.", "2."]
    assert quoted[0].text == ("\u201cThe railway boards will share timetables for the mountain "
                              "lines.")
    text = ('Statement on trail maintenance\n\nThe rangers agreed on the following points:\n\n'
            '"1. The rangers will clear the upper trails before the first of June.\n\n'
            '2. The rangers will mark the closed trails in three languages."\n')
    decl = parse(text)
    assert [u.number for u in decl.units()][-2:] == ["1.", "2."]
    assert ingest.parse_text(ingest.to_text(decl))[0].paragraphs == decl.paragraphs


def test_a_note_on_the_copy_sharing_one_word_with_the_text_is_left_out() -> None:
    decl, _ = ingest.parse_html(QUOTED.encode(), path="t.html")
    assert decl.units()[-1].text.startswith("The ministry will publish")
    assert "Demonstration page drafted for the unit tests. Illustrative only." in decl.furniture
    # a short last sentence of the text shares more of its words: it stays
    decl = parse(f"{TITLE}\n\n{BODY}\nDone in Turkestan, in two copies.\n")
    assert decl.units()[-1].text == "Done in Turkestan, in two copies."


PARALLEL = ("СОВМЕСТНОЕ ЗАЯВЛЕНИЕ МИНИСТРОВ ЛЕСНОГО ХОЗЯЙСТВА О СЕМЕННЫХ БАНКАХ\n"
            "JOINT STATEMENT OF THE MINISTERS OF FORESTRY ON SEED BANKS\n\n"
            "г. Нарын, 9 апреля 2073 г.\nNaryn, 9 April 2073\n\n"
            "Министры лесного хозяйства государств-членов обсудили сохранение семян редких "
            "деревьев и кустарников горных районов.\n\n"
            "The ministers of forestry of the member states discussed keeping the seeds of rare "
            "trees and shrubs of mountain areas.\n\n"
            "1. Государства-члены будут обмениваться образцами семян через общий реестр.\n\n"
            "1. The member states will exchange seed samples through a common register.\n")


def test_a_parallel_russian_and_english_edition_is_read_as_its_english_text() -> None:
    decl = parse(PARALLEL)
    m = decl.meta
    assert (m.language, m.title, m.meeting.place, m.meeting.date) == (
        "en", "JOINT STATEMENT OF THE MINISTERS OF FORESTRY ON SEED BANKS", "Naryn",
        "2073-04-09")
    tagged = [(s.text[:12], s.lang) for u in decl.units() for s in u.sentences]
    assert ("The minister", "") in tagged and ("Министры лес", "ru") in tagged
    # a Russian text whose title is in Russian only, with English glosses, stays Russian
    glossed = PARALLEL.replace("JOINT STATEMENT OF THE MINISTERS OF FORESTRY ON SEED BANKS\n",
                               "")
    assert parse(glossed).meta.language == "ru"
    assert parse(PARALLEL, language="ru").meta.language == "ru"


def test_whole_sentences_in_another_language_inside_a_paragraph_are_a_unit_after_it() -> None:
    text = (f"{TITLE}\n\n"
            "The ministers met in Turkestan on 3 March 2071. "
            "部长们于二〇七一年三月三日在突厥斯坦会晤。"
            " They reviewed the state of the forests.\n\n"
            "The ministers praised the idea of 守护森林 as a shared duty of the member states.\n\n"
            "The rangers will count the walnut trees. Егеря пересчитают ореховые деревья "
            "весной. The count will be published.\n")
    decl = parse(text)
    got = [[(s.text[:12], s.lang) for s in p.sentences] for p in decl.paragraphs]
    assert got == [
        [("The minister", ""), ("They reviewe", "")],
        [("部长们于二〇七一年三月三", "zh")],
        [("The minister", ""), ("守护森林", "zh"), ("as a shared ", "")],  # a term, not a unit
        [("The rangers ", ""), ("The count wi", "")],
        [("Егеря пересч", "ru")],
    ]


RECORD = ("<html><body><div class='content'><h1>{h1}</h1><dl class='record'>"
          "<dt>Place:</dt><dd>Naryn</dd><dt>Date:</dt><dd>9 April 2073</dd>"
          "<dt>{label}</dt><dd>{value}</dd></dl>"
          "<p>The ministers of forestry of the member states met in Naryn on 9 April 2073 and "
          "discussed the seeds of rare trees.</p>"
          "<p>1. The member states will exchange seed samples through a common register.</p>"
          "</div></body></html>")


@pytest.mark.parametrize("value", [
    "Record typed for the unit tests of the importer [not an official document, illustrative]",
    "Forestry bulletin [issue 4] (illustrative)",
])
def test_a_definition_list_record_keeps_every_value_out_of_the_body(value: str) -> None:
    page = RECORD.format(h1=TITLE, label="Notes:", value=value)
    decl, _ = ingest.parse_html(page.encode(), path="t.html")
    assert [u.text[:14] for u in decl.units()] == ["The ministers ", "The member sta"]
    assert value in decl.furniture and "Notes:" in decl.furniture
    assert (decl.meta.meeting.place, decl.meta.meeting.date) == ("Naryn", "2073-04-09")


def test_a_record_title_in_another_script_does_not_take_the_pages_own_title() -> None:
    page = RECORD.format(h1=TITLE, label="标题：", value="成员国林业部长关于种子库的联合声明")
    decl, _ = ingest.parse_html(page.encode(), path="t.html")
    assert (decl.meta.language, decl.meta.title) == ("en", TITLE)
    assert "成员国林业部长关于种子库的联合声明" in decl.furniture


def test_a_record_above_the_heading_leaves_the_heading_the_title() -> None:
    page = RECORD.format(h1=TITLE, label="Source:", value="Forestry bulletin [issue 4]")
    head, rest = page.split("<h1>", 1)
    h1, rest = rest.split("</h1>", 1)
    record, rest = rest.split("</dl>", 1)
    decl, _ = ingest.parse_html(f"{head}{record}</dl><h1>{h1}</h1>{rest}".encode(), path="t.html")
    assert decl.meta.title == TITLE
    assert decl.units()[0].text.startswith("The ministers of forestry")
