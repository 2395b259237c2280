"""Plain-text copies seen first in held-out sets 10 and 12 (`ingest.copymarks`, `ingest.lines`,
`ingest.layout`, `ingest.meta`).

Every text here is illustrative, invented for these tests in our own words, in other shapes
than the sets' pages: a mail reply that quotes the document in pieces with the replier's
comments between them, a copy with line numbers in its margin, a wire copy sent in two takes,
a copy cut off in the middle of a word, a publication stamp after the text, an edition's
apparatus after the text, and a Russian place named only in an oblique case.
"""

# ruff: noqa: RUF001  (Cyrillic letters are the test data)
from __future__ import annotations

import re

import pytest

from compare.ingest import importer as ingest
from compare.model import Declaration


def parse(text: str) -> tuple[Declaration, list[str]]:
    decl, notices = ingest.parse_text(text, path="t.txt")
    return decl, [str(n) for n in notices]


def units(decl: Declaration) -> list[str]:
    return [u.text for u in decl.units()]


def kept_words(decl: Declaration) -> set[str]:
    kept = " ".join(units(decl) + [str(f) for f in decl.furniture] + [decl.meta.title])
    return set(kept.split())


REPLY = """\
Subject: Re: the Osh statement, please check
From: Timur Example <timur@example.kg>
Date: Tue, 3 Mar 2310 09:15:00 +0600

See my remarks below, prefixed TE.

Aliya Example <aliya@example.kg> wrote on 2 Mar 2310:
> Statement of the Ministers of Culture of the Member States on Shared Museums
>
> The Ministers of Culture of the Member States met in Osh on 1 March 2310 and
> discussed exhibitions that travel between their museums.
>
> The Member States will lend each other objects for joint exhibitions.

TE: agreed, this is what was read out.

> The Member States will train restorers together
> in the workshops of the national museums.

TE: I heard "may train" here.

> The Ministers will meet again in 2311.
> --
> Aliya (an illustrative mail for the tests)

TE: otherwise fine.
"""


def test_a_reply_quoting_the_text_in_pieces_keeps_only_the_quoted_text() -> None:
    decl, _ = parse(REPLY)
    assert decl.meta.title.startswith("Statement of the Ministers of Culture")
    assert decl.meta.meeting.place == "Osh" and decl.meta.meeting.date == "2310-03-01"
    got = units(decl)
    assert [u.split()[:3] for u in got] == [
        ["The", "Ministers", "of"], ["The", "Member", "States"], ["The", "Member", "States"],
        ["The", "Ministers", "will"]]
    assert got[2].endswith("in the workshops of the national museums.")
    assert not any("TE" in u or ">" in u or "wrote" in u for u in got)
    furniture = " ".join(str(f) for f in decl.furniture)
    assert 'TE: I heard "may train" here.' in furniture and "wrote on 2 Mar" in furniture
    assert set(re.sub(r"(?m)^>", " ", REPLY).split()) - {"--"} <= kept_words(decl) | set(
        furniture.split())


MARGIN = """\
Collected Texts (an illustrative reading-room copy for the tests)

   5  STATEMENT OF THE MINISTERS OF HEALTH
   6  ON SHARED VACCINE STORES
   7
   8  The Ministers of Health met in Dushanbe on 9 April 2312
   9  and agreed as follows.
  10
  11  The Member States will keep shared stores of vaccines
  12  near their borders.
  13
  14  The Member States will report outbreaks within a day.
"""

LIST = """\
Statement of the Ministers of Sport on Youth Games

The Ministers of Sport met in Khujand on 2 June 2313 and chose these sports:

1 Athletics
2 Wrestling
3 Football
4 Chess
5 Volleyball
6 Archery
7 Swimming
"""


def test_a_margin_of_line_numbers_is_taken_off_the_lines() -> None:
    decl, _ = parse(MARGIN)
    assert decl.meta.title == "STATEMENT OF THE MINISTERS OF HEALTH ON SHARED VACCINE STORES"
    assert units(decl) == [
        "The Ministers of Health met in Dushanbe on 9 April 2312 and agreed as follows.",
        "The Member States will keep shared stores of vaccines near their borders.",
        "The Member States will report outbreaks within a day."]
    assert {"5", "10", "14"} <= {str(f) for f in decl.furniture}


def test_the_numbers_of_a_list_one_item_a_line_are_no_margin() -> None:
    decl, _ = parse(LIST)
    kept = units(decl) + [str(f) for f in decl.furniture]
    assert not {"1", "7", "Athletics", "Swimming"} & set(kept)  # each line kept whole


WIRE = """\
ZCZC
XNA771 4 E 0210 KZ/XNA-EN
KAZAKHSTAN-SCO-RAIL
SCO rail ministers' statement / text
ALMATY, March 8 (XNA) -- The statement adopted by the rail ministers on Friday reads:
STATEMENT OF THE MINISTERS OF RAILWAYS ON FREIGHT CORRIDORS
The Ministers of Railways met in Almaty on 8 March 2314.
The Member States will run more container trains between their capitals.
MORE FOLLOWS
XNA 081212 GMT MAR 14
NNNN
ZCZC
XNA772 4 E 0150 KZ/XNA-EN
KAZAKHSTAN-SCO-RAIL 2 ADD
The Member States will share the timetables of their freight trains.
The Ministers will meet again in 2315.
(An illustrative wire copy for the tests.)
XNA 081220 GMT MAR 14
NNNN
"""


def test_a_wire_copy_in_two_takes_runs_on_across_the_take_break() -> None:
    decl, _ = parse(WIRE)
    assert decl.meta.title == "STATEMENT OF THE MINISTERS OF RAILWAYS ON FREIGHT CORRIDORS"
    got = units(decl)
    assert [u.split()[:4] for u in got] == [
        ["The", "Ministers", "of", "Railways"], ["The", "Member", "States", "will"],
        ["The", "Member", "States", "will"], ["The", "Ministers", "will", "meet"]]
    furniture = {str(f) for f in decl.furniture}
    assert {"ZCZC", "NNNN", "MORE FOLLOWS", "XNA772 4 E 0150 KZ/XNA-EN",
            "KAZAKHSTAN-SCO-RAIL 2 ADD"} <= furniture


CUT = """\
News of the Region (an illustrative news site for the tests)
Home | Politics | Economy

Statement of the Ministers of Water on the Amu Darya

The Ministers of Water met in Termez on 11 May 2316 and discussed the river.

The Member States will measure the flow of the river at the same points.

{last}
"""


@pytest.mark.parametrize("last", [
    "The Member States will prepare an agreement on the joint use of the riv",
    "The Ministers agreed that the basin services are to study the banks jointly and rep",
])
def test_a_copy_cut_mid_word_keeps_its_last_clause_and_is_flagged(last: str) -> None:
    decl, notices = parse(CUT.format(last=last))
    got = units(decl)
    assert len(got) == 3 and got[-1] == last
    assert decl.meta.truncated and any("cut-off" in n for n in notices)


RU = """\
Администрация города (иллюстративная страница для тестов)

Заявление министров транспорта о речных перевозках

Министры транспорта, собравшиеся 5 июля 2317 года в {place}, обсудили речные перевозки.

Государства-члены будут обмениваться расписаниями судов.

Совершено в г. {place} 5 июля 2317 года.

© 2317 Администрация города {home} · 450000, г. {city}, ул. Примерная, 1
"""


@pytest.mark.parametrize(("place", "home", "city", "latin"), [
    ("Перми", "Перми", "Пермь", "Perm"),
    ("Кургане", "Кургана", "Курган", "Kurgan"),
    ("Душанбе", "Душанбе", "Душанбе", "Dushanbe"),  # a name that takes no case stays
])
def test_a_russian_place_in_an_oblique_case_takes_the_form_the_page_prints(
        place: str, home: str, city: str, latin: str) -> None:
    decl, _ = parse(RU.format(place=place, home=home, city=city))
    assert decl.meta.meeting.place == latin and decl.meta.meeting.place_written == city


FOOTER = """\
Ministry of Trade (illustrative site) | Home | News

Declaration of the Ministers of Trade on Bazaars

Osh, 14 August 2318

The Ministers of Trade met in Osh and discussed the bazaars of border towns.

The Member States will keep the bazaars of border towns open on holidays.

Print this page | Back to top

This page is an illustration made for the tests; the
declaration is invented. Last updated 16/08/2318.
"""


def test_a_page_note_wrapped_onto_a_second_line_stays_out_of_the_text() -> None:
    decl, _ = parse(FOOTER)
    assert units(decl)[-1].startswith("The Member States will keep the bazaars")
    assert not any("invented" in u for u in units(decl))
    assert decl.meta.meeting.date == "2318-08-14"  # the dateline's, not the page's update


EDITION = """\
Archive of Regional Texts (an illustrative edition for the tests)

Statement of the Ministers of Health on Mountain Clinics

The Ministers of Health met in Naryn on 3 September 2319.

The Member States will send doctors to the clinics of mountain districts in winter.

The Member States will pay for the radio links of the mountain clinics.

The Ministers agreed to meet in 2320.

{section}
"""

APPARATUS = """\
Editorial note
This copy reproduces the text circulated at the meeting. Capitals are as printed.

About the translator
A. Example translated the statement from Kyrgyz. He lives in Osh.
Suggested citation: Example, A. (tr.), Archive of Regional Texts, 2319."""

LAST_SECTION = """\
Final provisions
The Member States will review this Statement in 2322. The Ministers will report on it."""


def test_an_editions_headed_back_matter_under_the_text_is_left_out() -> None:
    decl, _ = parse(EDITION.format(section=APPARATUS))
    got = units(decl)
    assert got[-1] == "The Ministers agreed to meet in 2320."
    furniture = " ".join(str(f) for f in decl.furniture)
    assert "About the translator" in furniture and "Capitals are as printed." in furniture
    assert not decl.meta.truncated


def test_a_last_section_that_commits_as_the_text_does_stays() -> None:
    decl, _ = parse(EDITION.format(section=LAST_SECTION))
    assert units(decl)[-1].endswith("The Ministers will report on it.")
    assert not any("will review" in str(f) for f in decl.furniture)


def test_a_closing_signed_by_a_name_is_no_cut() -> None:
    closing = "In friendship and respect, the Ministers of Health of the Member States"
    decl, notices = parse(EDITION.format(section=closing))
    assert units(decl)[-1] == closing
    assert not decl.meta.truncated and not any("cut-off" in n for n in notices)


def test_a_margin_numbering_every_fifth_line_is_taken_off_too() -> None:
    lines = ["Statement of the Ministers of Labour on Seasonal Work", "",
             "The Ministers of Labour met in Andijan on 4 October 2321 and",
             "discussed the seasonal work of citizens of the Member States",
             "in the farms and building sites of other Member States.", "",
             "The Member States will give seasonal workers written contracts",
             "in a language they understand, and will inspect the hostels",
             "where they live at least once a season.", "",
             "The Member States will let seasonal workers send their wages",
             "home through banks at a low fee.", "", "",
             "The Member States will count the seasons worked abroad towards",
             "the pension of a worker in the country of the worker's home.", "", "",
             "The Ministers agreed to meet again in Andijan in 2323 and",
             "to hear there a report on the contracts and the fees.", "",
             "Done at Andijan on 4 October 2321.", "", "", "", "", "", "", "", ""]
    text = "\n".join((f"{i:>4}  " if i % 5 == 0 else "      ") + x
                     for i, x in enumerate(lines, 1)) + "\n"
    decl, _ = parse(text)
    got = units(decl)
    assert got[0].endswith("in the farms and building sites of other Member States.")
    assert got[-2].startswith("The Ministers agreed to meet again in Andijan in 2323 and to hear")
    assert {"5", "10", "15", "20", "25", "30"} <= {str(f) for f in decl.furniture}


def test_a_clause_cut_after_a_list_of_names_is_still_a_cut() -> None:
    last = "The Ministers noted the work of the Council, the Secretariat and the Regional Structure"
    decl, _ = parse(EDITION.format(section=last))
    assert units(decl)[-1] == last and decl.meta.truncated


def test_a_list_numbered_one_item_a_line_in_lower_case_keeps_its_numbers() -> None:
    items = ["lower the duties on fruit", "build two new roads", "open three border posts",
             "train customs officers", "share the lists of goods", "count the lorries"]
    text = ("Statement of the Ministers of Trade on Fruit\n\n"
            "The Ministers of Trade met in Khorog on 6 May 2324. The Member States will:\n"
            + "".join(f"{k} {x}\n" for k, x in enumerate(items, 3)))
    decl, _ = parse(text)
    assert not {"3", "4", "8"} & {str(f) for f in decl.furniture}


def test_a_later_take_opening_with_a_numbered_heading_keeps_the_heading() -> None:
    slug = "KAZAKHSTAN-SCO-RAIL 2 ADD\n"
    wire = WIRE.replace(slug, f"{slug}II. TIMETABLES\n")
    decl, _ = parse(wire)
    assert "II. TIMETABLES" not in {str(f) for f in decl.furniture}
    assert "KAZAKHSTAN-SCO-RAIL 2 ADD" in {str(f) for f in decl.furniture}
