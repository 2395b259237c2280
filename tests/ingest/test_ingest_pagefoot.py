"""Imitations of printed copies (illustrative, written for these tests, no real document): the
footnotes at a page foot, a word hyphenated across a page break, article headings between
pages. Each input is short and in the tests' own words."""

from __future__ import annotations

from compare.ingest import importer as ingest

PDF_FOOTNOTES = """\
JOINT STATEMENT OF THE MINISTERS OF TRANSPORT ON RAILWAY CORRIDORS

The Ministers of Transport met in Tashkent on 2 May 2071.

Article 1

The Parties shall open the northern freight corridor¹ to regular
traffic and shall publish the timetables of the trains on it in ad-

¹ The corridor links the river ports of the region with the coast.
                                                        Page 1 of 2
vance of every season, together with the tariffs.

Article 2

The Parties will review the corridor's use² once a year.

² The first review is planned for the spring.
                                                        Page 2 of 2
"""


def test_page_foot_footnotes_go_to_the_furniture_and_the_hyphen_joins() -> None:
    decl, notices = ingest.parse_text(PDF_FOOTNOTES)
    texts = [u.text for u in decl.units()]
    assert any("in advance of every season" in t for t in texts), texts
    assert not any("corridor links the river ports" in t for t in texts)
    assert not any("first review is planned" in t for t in texts)
    assert any(t.startswith("The Parties will review") for t in texts), texts
    assert "\u00b9 The corridor links the river ports of the region with the coast." \
        in decl.furniture
    assert sum("footnote line(s)" in n.message for n in notices) == 1


def test_a_superscript_line_inside_a_page_is_no_footnote() -> None:
    text = PDF_FOOTNOTES.replace("Page 1 of 2\n", "Page 1 of 2\n\n\u00b3 A line in the body "
                                 "that opens with a mark is read as the text.\n\n")
    decl, _ = ingest.parse_text(text)
    assert any("line in the body" in u.text for u in decl.units())


QUOTING_PAGE = """<!DOCTYPE html><html><head><title>Press office</title></head><body>
<div class="menu"><a href="/">Home</a> | <a href="/news">News</a></div>
<div class="story">
<h2>Press release on the ministers' statement on water metering</h2>
<p>On 3 March 2072 the Ministers of Water Resources, meeting in Khujand, adopted a statement.</p>
<p>Its main provisions read as follows:</p>
<blockquote>
<p>"1. The Parties will install meters at every intake of the shared canals and exchange the
readings every month with the basin commission.</p>
<p>2. The Parties will train the staff of the intakes together, in courses held by turns.</p>
<p>3. The Parties will report on the progress of this work at their next regular meeting."</p>
</blockquote>
<p>The press office will publish the full statement on its site in the coming days.</p>
</div></body></html>"""


def test_a_press_release_quoting_paragraphs_keeps_its_own_sentences() -> None:
    decl, _ = ingest.parse_html(QUOTING_PAGE.encode())
    texts = [u.text for u in decl.units()]
    assert texts[0].startswith("On 3 March 2072"), texts
    assert texts[-1].startswith("The press office will publish"), texts
    assert (decl.meta.meeting.date, decl.meta.meeting.place) == ("2072-03-03", "Khujand")


NOTED_TEXT = """JOINT STATEMENT OF THE MINISTERS OF CULTURE ON TRAVELLING EXHIBITIONS

The Ministers of Culture met in Bishkek on 9 June 2073 and agreed on a programme of travelling
exhibitions between the national museums of their countries.

The programme will open with an exhibition of felt carpets, shown in each capital in turn.

Unofficial translation. Kept by the archive.
"""


def test_a_note_of_two_short_sentences_under_the_text_is_furniture() -> None:
    decl, _ = ingest.parse_text(NOTED_TEXT)
    texts = [u.text for u in decl.units()]
    assert texts[-1].startswith("The programme will open"), texts
    assert "Unofficial translation. Kept by the archive." in decl.furniture


DASHED_RECORD = """Treaty shelf :: Browse :: Search

Title - Almaty Statement of the Ministers of Health on Vaccine Storage
Place - Almaty
Date - 12 April 2074
Notes - An invented record written for the tests; illustrative only.
Text -

The Ministers of Health, meeting in Almaty, agreed to build shared cold stores for vaccines.

The stores will be opened in the border regions first.
"""

STAMPED = """Statement of the Ministers of Sport on the Regional Games

Last modified on 3 March 2081 by the editor

Almaty, 14 February 2080

The Ministers of Sport agreed to hold the regional games every four years, by turns.

The next games will be held in the summer of the coming year.
"""


def test_dash_labels_are_a_record_of_fields() -> None:
    decl, _ = ingest.parse_text(DASHED_RECORD)
    texts = [u.text for u in decl.units()]
    assert texts[0].startswith("The Ministers of Health"), texts
    assert decl.meta.title == "Almaty Statement of the Ministers of Health on Vaccine Storage"
    assert (decl.meta.meeting.date, decl.meta.meeting.place) == ("2074-04-12", "Almaty")
    assert "Notes - An invented record written for the tests; illustrative only." \
        in decl.furniture


def test_a_publication_stamp_in_words_is_not_the_meeting_date() -> None:
    decl, _ = ingest.parse_text(STAMPED)
    assert decl.meta.meeting.date == "2080-02-14"


def test_more_date_forms() -> None:
    from compare.ingest.preamble import find_date_place

    assert find_date_place("Date - 04/06/2055")[0] == "2055-06-04"  # day first
    assert find_date_place("06/24/2055")[0] == "2055-06-24"  # no 24th month: American
    assert find_date_place("signed on 4.VI.2055")[0] == "2055-06-04"
    assert find_date_place("Astana, June 4-5, 2055")[0] == "2055-06-04"
    assert find_date_place("held on 4\u20135 June 2055 in Astana") == ("2055-06-04", "Astana")
    assert find_date_place("on the 9th of October 2060")[0] == "2060-10-09"
    assert find_date_place("13/13/2050 and 4.IIV.2055") == ("", "")
    assert find_date_place("JC/CHG/2068 1/3") == ("", "")


def test_a_day_in_words_and_a_hosts_welcome() -> None:
    from compare.ingest.preamble import find_date_place, find_place

    assert find_date_place("We meet on this eleventh day of June 2063.")[0] == "2063-06-11"
    assert find_date_place("Done in Osh on the twenty-first day of May 2070") == (
        "2070-05-21", "Osh")
    assert find_date_place("the first day of the summit") == ("", "")
    assert find_place("I warmly welcome you to Khujand, friends.") == "Khujand"
    assert find_place("we welcome the decision to Expand the list") == ""


ONE_LINE = ("Statement of the Ministers of Energy on Shared Power Lines\n\n"
            "Bishkek, 5 May 2075. The Ministers of Energy, meeting in Bishkek, state the "
            "following: 1. The Parties will connect their grids along the northern line. "
            "2. The Parties will agree on common rules for the trade in electricity. "
            "3. The Parties instruct their operators to report on the work within a year. "
            "(An invented text written for the tests. Illustrative only.)\n")


def test_a_one_line_text_sets_its_dateline_and_bracketed_note_apart() -> None:
    decl, _ = ingest.parse_text(ONE_LINE)
    texts = [u.text for u in decl.units()]
    assert texts[0].startswith("The Ministers of Energy"), texts
    assert texts[-1].endswith("within a year."), texts
    assert "Bishkek, 5 May 2075." in decl.furniture
    assert "(An invented text written for the tests. Illustrative only.)" in decl.furniture
    assert decl.meta.meeting.date == "2075-05-05"


BARRED = ("Regional wire | Statement of the Ministers of Tourism on Mountain Routes | Osh, "
          "2 July 2076 | The Ministers of Tourism met in Osh on 2 July 2076 to review the "
          "mountain routes. The Ministers agreed to mark the routes in three languages. "
          "The Ministers will train mountain guides together in summer schools. "
          "The Ministers will set up shelters on the passes used by walkers in winter. "
          "The Ministers invited the regions to propose new routes by the end of the year. "
          "The Ministers will publish a common map of the routes next spring. "
          "| Back to the wire | Print\n")


def test_a_one_line_text_between_bars_has_its_title_dateline_and_links_apart() -> None:
    decl, _ = ingest.parse_text(BARRED)
    assert decl.meta.title == "Statement of the Ministers of Tourism on Mountain Routes"
    texts = [u.text for u in decl.units()]
    assert texts[0].startswith("The Ministers of Tourism met"), texts
    assert texts[-1].endswith("next spring."), texts
    for x in ("Regional wire", "Osh, 2 July 2076", "Back to the wire", "Print"):
        assert x in decl.furniture


PDF_TIGHT = """JOINT STATEMENT OF THE MINISTERS OF EDUCATION
(AND SCIENCE) OF THE MEMBER STATES OF THE
ORGANISATION
The Ministers of Education met in Osh on 8 October 2077 and agreed as follows.
1. The Ministers will open a joint summer school for young teachers of the
languages of the region*.
2. The Ministers will exchange their curricula for the teaching of
history every two years.
* The school will be hosted by the universities in turn.
ME/2077/4 1/2
ME/2077/4
3. The Ministers will meet again in the autumn of the next year and review
the work done.
ME/2077/4 2/2
"""


def test_a_tight_pdf_copy_keeps_its_capitals_title_and_drops_page_lines() -> None:
    decl, _ = ingest.parse_text(PDF_TIGHT)
    assert decl.meta.title == ("JOINT STATEMENT OF THE MINISTERS OF EDUCATION (AND SCIENCE) OF "
                               "THE MEMBER STATES OF THE ORGANISATION")
    texts = [u.text for u in decl.units()]
    assert texts[0].startswith("The Ministers of Education met"), texts
    assert not any("hosted by the universities" in t or "ME/2077" in t for t in texts), texts
    assert len(texts) == 4, texts
    assert "* The school will be hosted by the universities in turn." in decl.furniture


RECORD_TAIL = """[Title] Statement of the Ministers of Justice on Legal Aid
[Place] Tashkent
[Date] 3 March 2078
[Full text]

The Ministers of Justice, meeting in Tashkent, agreed to open legal aid offices at the border.

The offices will help travellers and drivers in all the languages of the region.

[Related documents] Strategy of the Organisation on legal aid (2076) · Action plan 2077-2080
[Keywords] legal aid; borders
Record 5512 · printed from the database · please cite as LAW/5512
"""


def test_bracketed_labels_after_the_text_end_it() -> None:
    decl, _ = ingest.parse_text(RECORD_TAIL)
    texts = [u.text for u in decl.units()]
    assert texts[-1].startswith("The offices will help"), texts
    assert not decl.meta.truncated
    assert "[Keywords] legal aid; borders" in decl.furniture


def test_a_title_in_sentence_case_printed_in_two_alphabets() -> None:
    text = ("Заявление министров о паромных линиях на Каспии\n"  # noqa: RUF001
            "Statement of the ministers on ferry lines on the Caspian\n\n"
            "The ministers met in Aktau on 4 April 2079 and agreed to open two ferry lines.\n\n"
            "The ferries will carry both passengers and freight from the next season.\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.title == "Statement of the ministers on ferry lines on the Caspian"
    assert decl.meta.kind == "statement"
    assert decl.units()[0].text.startswith("The ministers met in Aktau")


CARD = """<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Карточка</title>
</head><body><table>
<tr><td>Название документа:</td>
<td>Statement of the Ministers of Health on Field Hospitals</td></tr>
<tr><td>Место подписания:</td><td>г. Бишкек</td></tr>
<tr><td>Дата подписания:</td><td>5 мая 2080 года</td></tr>
<tr><td>Язык текста:</td><td>английский</td></tr>
</table><div class="text">
<p>The Ministers of Health met in Bishkek on 5 May 2080 and agreed to set up field hospitals.</p>
<p>The hospitals will serve the mountain districts where no clinic is within a day's travel.</p>
<p>The Ministers will review the work of the hospitals at their next meeting in the spring.</p>
</div></body></html>"""  # noqa: RUF001


def test_a_russian_catalogue_card_over_an_english_text() -> None:
    decl, _ = ingest.parse_html(CARD.encode())
    assert decl.meta.title == "Statement of the Ministers of Health on Field Hospitals"
    assert decl.meta.kind == "statement"
    assert (decl.meta.meeting.date, decl.meta.meeting.place) == ("2080-05-05", "Bishkek")


def test_a_bilingual_text_takes_the_place_in_its_own_script() -> None:
    text = ("Joint Statement of the Ministers of Water on Mountain Reservoirs\n\n"
            "各国水利部长于2081年4月2日在杜尚别举行会晤。\n\n"
            "The Ministers of Water met in Dushanbe on 2 April 2081 and spoke of reservoirs.\n\n"
            "各国将共同监测水库的安全。\n\n"
            "The Parties will monitor the safety of the mountain reservoirs together.\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.language == "en"
    assert (decl.meta.meeting.date, decl.meta.meeting.place) == ("2081-04-02", "Dushanbe")


CAPTIONED = """<!DOCTYPE html><html><head><title>Wire</title></head><body><article>
<h1>Joint Statement of the Ministers of Forestry on Fire Watch</h1>
<p>The Ministers of Forestry met in Almaty on 6 June 2082 and agreed on a common fire watch.</p>
<figure><img src="a.jpg" alt="">
<figcaption>Ministers walk through a nursery of young pines before the talks.
Photo: Wire</figcaption>
</figure>
<p>The Parties will share the images of their watch towers and aircraft every day in summer.</p>
</article></body></html>"""


def test_a_photographs_caption_is_furniture_unless_kept() -> None:
    decl, _ = ingest.parse_html(CAPTIONED.encode())
    assert not any("nursery" in u.text for u in decl.units())
    assert any("nursery of young pines" in x for x in decl.furniture)
    kept, _ = ingest.parse_html(CAPTIONED.encode(), keep_furniture=True)
    assert any("nursery" in u.text for u in kept.units())


def test_a_salutation_and_a_short_thanks_keep_their_chinese_apart() -> None:
    text = ("Address of the Chair at the Opening of the Forum on Rivers\n\n"
            "Dear friends, \u5c0a\u656c\u7684\u5404\u4f4d\u670b\u53cb\uff0c\n\n"
            "I welcome you to Khujand for our forum on the rivers we share. "
            "We will speak of dams, fish and the towns along the banks.\n\n"
            "Thank you. \u8c22\u8c22\u3002\n")
    decl, _ = ingest.parse_text(text)
    texts = [p.text for p in decl.paragraphs]
    assert "Dear friends," in texts, texts
    assert "Thank you." in texts, texts
    assert "\u8c22\u8c22\u3002" in texts, texts


def test_a_roman_numeral_set_apart_is_a_section_heading() -> None:
    text = ("Declaration of the Ministers of Trade on Fair Markets\n\n"
            "The Ministers of Trade met in Osh on 1 March 2083 and declare as follows:\n\n"
            "I.\n\n"
            "The Parties will open their markets to the farmers of the border districts.\n\n"
            "The Parties will publish the prices of grain every week.\n\n"
            "II.\n\n"
            "The Parties will meet again next year to review the markets.\n")
    decl, _ = ingest.parse_text(text)
    paras = decl.paragraphs
    assert [p.heading for p in paras if p.heading] == ["I.", "II."], paras
    assert all(p.number != "I." for p in paras)


def test_a_heading_over_a_list_intro() -> None:
    text = ("Joint Communique of the Ministers of Labour\n\n"
            "The Ministers of Labour met in Astana on 7 July 2084 to speak of seasonal work.\n\n"
            "Seasonal workers\n\n"
            "The parties will support:\n"
            "- contracts written in both languages;\n"
            "- the transfer of wages without fees.\n\n"
            "The next meeting will be held in the spring of the coming year.\n")
    decl, _ = ingest.parse_text(text)
    assert [p.heading for p in decl.paragraphs if p.heading] == ["Seasonal workers"]


def test_the_marks_of_dropped_footnotes_leave_the_words() -> None:
    decl, notices = ingest.parse_text(PDF_FOOTNOTES)
    body = " ".join(u.text for u in decl.units())
    assert "northern freight corridor to regular" in body
    assert "corridor's use once a year" in body
    assert sum("footnote mark(s)" in n.message for n in notices) == 1


def test_the_rule_over_a_page_foots_notes_goes_with_them() -> None:
    """Illustrative: a paragraph broken by a page foot whose footnote stands under a rule."""
    from compare.ingest import importer

    text = ("Statement of the Ministers of Tourism on Heritage Routes\n\n"
            "1. The ministers of tourism met in Khiva on 20 March 2209.\n\n"
            "2. The ministers noted that travellers wish to follow the old routes, but that\n\n"
            "____________\n* Distributed in English only.\nDOC/2209/1     Page 1\n"
            "DOC/2209/1\npage 2\n\n"
            "different visa rules make such journeys difficult to plan.\n\n"
            "3. The member states will mark a common heritage route.\n")
    decl, _ = importer.parse_text(text, path="t.txt")
    assert decl.units()[1].text.endswith("but that different visa rules make such journeys "
                                         "difficult to plan.")
    assert "____________" in decl.furniture
