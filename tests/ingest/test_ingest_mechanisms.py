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


def test_russian_date_with_the_day_in_guillemets() -> None:
    text = ("Joint Statement of the Ministers of Sport on Mountain Games\n"
            "Дата проведения: «21» октября 2064 года\n\n"
            "The ministers of sport met in Naryn and agreed to hold mountain games every "
            "second winter.\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.meeting.date == "2064-10-21"


def test_title_in_chinese_over_english_gives_the_english_title() -> None:
    text = ("成员国旅游部长关于山地旅游的联合声明\n"
            "Joint Statement of the Ministers of Tourism of the Member States on Mountain "
            "Tourism in the Region\n\n"
            "The ministers of tourism met in Osh on 4 May 2066 and agreed on a common map of "
            "mountain trails.\n\n"
            "The member states will train mountain guides together.\n\n"
            "中文\n\n"
            "旅游部长们于2066年5月4日在奥什举行会议，商定绘制共同的山地步道地图。\n\n"
            "成员国将共同培训山地向导。\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.title.startswith("Joint Statement of the Ministers of Tourism")
    assert decl.meta.language == "en" and decl.meta.meeting.place == "Osh"
    assert "成员国旅游部长关于山地旅游的联合声明" in decl.furniture


def test_side_by_side_russian_and_english_cells_read_in_the_title_language() -> None:
    page = (
        "<html><head><title>Совместное заявление / Joint Statement</title></head><body>"
        "<table><tr><th>Совместное заявление министров культуры о музеях под открытым небом"
        "</th><th>Joint Statement following the Meeting of the Ministers of Culture on "
        "Open-Air Museums</th></tr>"
        "<tr><td>Министры культуры встретились в Караколе 9 сентября 2067 года.</td>"
        "<td>The ministers of culture met in Karakol on 9 September 2067.</td></tr>"
        "<tr><td>Государства-члены будут обмениваться выставками под открытым небом.</td>"
        "<td>The member states will exchange open-air exhibitions.</td></tr>"
        "</table></body></html>").encode()
    decl, _ = ingest.parse_html(page)
    assert decl.meta.title == ("Joint Statement following the Meeting of the Ministers of "
                               "Culture on Open-Air Museums")
    assert decl.meta.language == "en" and decl.meta.meeting.place == "Karakol"


def test_cells_mostly_russian_under_an_english_title_read_as_english() -> None:
    ru = "Министры культуры подробно обсудили сохранение деревянных построек в горных селах. "
    page = (
        "<html><head><title>Joint Statement on Wooden Villages</title></head><body>"
        "<h1>Joint Statement on Wooden Villages</h1><table>"
        f"<tr><td>{ru}</td><td>The ministers met in Talas on 2 June 2068.</td></tr>"
        f"<tr><td>{ru}</td><td>The member states will keep the old houses.</td></tr>"
        "</table></body></html>").encode()
    decl, _ = ingest.parse_html(page)
    assert decl.meta.language == "en"


def test_place_named_only_in_cyrillic_is_romanised() -> None:
    text = ("Joint Statement of the Ministers of Railways on Night Trains\n"
            "г. Барнаул, 12 марта 2069 г.\n\n"
            "The ministers of railways agreed to run night trains between the capitals of the "
            "member states.\n\n"
            "The member states will sell tickets for these trains on one site.\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.meeting.place == "Barnaul" and decl.meta.meeting.date == "2069-03-12"


def test_the_english_text_s_own_spelling_wins_over_romanisation() -> None:
    text = ("Joint Statement of the Ministers of Railways on Freight\n"
            "Место: г. Алма-Ата\n\n"
            "The ministers of railways met in Almaty on 3 April 2069 and agreed to run freight "
            "trains on a common timetable.\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.meeting.place == "Almaty"


def test_chinese_document_title_label_with_a_full_width_colon() -> None:
    text = ("资料出处：山地文献网    字体【大 中 小】\n"
            "文件标题：Joint Statement of the Ministers of Forestry on Juniper Woods\n"
            "地点：比什凯克\n"
            "日期：2070-05-09\n"
            "备注：Working translation made by the library\n"
            "The ministers of forestry met in Bishkek on 9 May 2070.\n"
            "The member states will count the juniper trees of the region every five years.\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.title == "Joint Statement of the Ministers of Forestry on Juniper Woods"
    assert decl.meta.kind == "statement"
    assert texts(decl) == ["The ministers of forestry met in Bishkek on 9 May 2070.",
                           "The member states will count the juniper trees of the region "
                           "every five years."]


def test_chinese_note_label_and_empty_body_label_in_a_page() -> None:
    page = ("<html><body><p>标题：Joint Statement of the Ministers of Forestry on Juniper Woods"
            "</p><p>会议地点：比什凯克</p><p>说明：工作译本，仅供参考</p><p>正文：</p>"
            "<p>The ministers of forestry met in Bishkek on 9 May 2070 and spoke of the juniper "
            "woods.</p><p>The member states will count the juniper trees of the region every "
            "five years.</p></body></html>").encode()
    decl, _ = ingest.parse_html(page)
    assert texts(decl)[0].startswith("The ministers of forestry met in Bishkek")
    assert "正文：" in decl.furniture


def test_record_stamp_and_venue_in_a_table_of_fields() -> None:
    page = (
        b"<html><body><table>"
        b"<tr><td>Title:</td><td>Joint Statement of the Ministers of Water on Spring Floods</td>"
        b"</tr><tr><td>Venue:</td><td>Riverside Pavilion, Taraz</td></tr>"
        b"<tr><td>Date:</td><td>Apr. 6, 2071</td></tr>"
        b"<tr><td>Record added:</td><td>2071-09-30</td></tr></table>"
        b"<p>The ministers of water agreed to warn each other of spring floods within an hour."
        b"</p><p>The member states will share the levels of their rivers every day.</p>"
        b"</body></html>")
    decl, _ = ingest.parse_html(page)
    assert decl.meta.meeting.place == "Taraz" and decl.meta.meeting.date == "2071-04-06"
    assert not any("Record" in t or "2071-09-30" in t for t in texts(decl))
    assert "Record added:" in decl.furniture


def test_venue_city_in_either_order() -> None:
    from compare.ingest.labels import venue_city
    from compare.ingest.meta import _STATE_NAME
    assert venue_city("Riverside Pavilion, Taraz", _STATE_NAME) == "Taraz"
    assert venue_city("Taraz, Riverside Pavilion", _STATE_NAME) == "Taraz"
    assert venue_city("Riverside Pavilion, Kazakhstan", _STATE_NAME) == "Riverside Pavilion"
    assert venue_city("Taraz, Kazakhstan", _STATE_NAME) == "Taraz"


def test_opening_wrapped_over_two_lines_above_recitals() -> None:
    text = ("Declaration of the Ministers of Health on Mountain Clinics\n\n"
            "The Ministers of Health of the Member States,\n"
            "gathering in Khorog on 8 August 2072,\n"
            "noting that many mountain villages are a day's travel from a hospital;\n"
            "recognising the work of nurses in remote places;\n"
            "declare:\n"
            "The member states will open clinics in the mountain valleys.\n")
    decl, _ = ingest.parse_text(text)
    assert texts(decl)[:3] == [
        "The Ministers of Health of the Member States, gathering in Khorog on 8 August 2072,",
        "noting that many mountain villages are a day's travel from a hospital;",
        "recognising the work of nurses in remote places;"]


def test_recitals_that_end_in_commas_stay_apart() -> None:
    text = ("Declaration of the Ministers of Health on Mountain Clinics\n\n"
            "The Ministers of Health of the Member States,\n"
            "noting that many mountain villages are a day's travel from a hospital,\n"
            "recognising the work of nurses in remote places,\n"
            "declare:\n"
            "The member states will open clinics in the mountain valleys.\n")
    decl, _ = ingest.parse_text(text)
    assert texts(decl)[1] == ("noting that many mountain villages are a day's travel from a "
                              "hospital,")


def test_a_first_recital_ending_in_a_comma_is_still_a_recital() -> None:
    text = ("Declaration of the Ministers of Health on Mountain Clinics\n\n"
            "The Ministers of Health of the Member States,\n"
            "noting that many mountain villages are a day's travel from a hospital,\n"
            "recognising the work of nurses in remote places;\n"
            "declare:\n"
            "The member states will open clinics in the mountain valleys.\n")
    decl, _ = ingest.parse_text(text)
    assert texts(decl)[0] == "The Ministers of Health of the Member States,"


def test_headline_above_an_agency_dateline_under_a_line_of_headlines() -> None:
    text = ("STEPPE WIRE | World | Business\n"
            "Latest: 09:12Osh Market opens early · 08:40Taraz Snow closes pass · 07:55Kashgar "
            "Fair draws crowds\n"
            "Ministers of Ecology of SCO Member States adopt Joint Statement on Clean Air\n"
            "By Steppe Wire staff | 3 March 2073, 10:05\n"
            "TARAZ, March 2 (Steppe Wire) -- The Ministers of Ecology of the Member States, "
            "meeting in Taraz on 2 March 2073, adopted a joint statement on clean air.\n"
            "Under the statement, the Member States will measure the air in their large "
            "cities every hour.\n"
            "The ministers will meet again next year.\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.title == ("Ministers of Ecology of SCO Member States adopt Joint "
                               "Statement on Clean Air")
    assert decl.meta.kind == "statement"
    assert texts(decl)[0].startswith("The Ministers of Ecology of the Member States, meeting")
    assert not any("Latest" in t for t in texts(decl))


PDF_HOST = """\
filebox.example  Upload  Log in
Joint Statement of the Ministers of Agriculture on Orchards.pdf
Total Page:2   File Type:pdf   Views: 1,207
Flag this file
JOINT STATEMENT
of the Ministers of Agriculture of the Member States
on Orchards and Vineyards
The Ministers of Agriculture of the Member States met in Fergana on 6 and 7 September 2074
to discuss the care of old orchards and the planting of new vineyards in the valleys.
Part I
1. The ministers agreed that the member states will exchange saplings of apricot, apple and
walnut trees that resist frost and drought in the mountain valleys of the region.
                                                                              Page 1/2
Part II
2. The ministers will meet again in the Republic of
Tajikistan in 2075.
                                                                              Page 2/2
Other files on filebox.example:
Apricot growers guide.pdf · Vineyard map.pdf
"""


def test_pdf_host_page_title_date_and_the_last_wrapped_line() -> None:
    decl, _ = ingest.parse_text(PDF_HOST)
    assert decl.meta.title == ("JOINT STATEMENT of the Ministers of Agriculture of the Member "
                               "States on Orchards and Vineyards")
    assert decl.meta.meeting.date == "2074-09-06" and not decl.meta.truncated
    assert [p.heading for p in decl.paragraphs] == ["", "Part I", "Part II"]
    assert texts(decl)[-1] == "The ministers will meet again in the Republic of Tajikistan in 2075."
    assert "Flag this file" in decl.furniture and "Other files on filebox.example:" in (
        decl.furniture)


def test_one_line_text_with_a_dateline_between_dashes() -> None:
    text = ("Joint Statement of the Ministers of Culture on Puppet Theatres — Almaty, 2 June 2076 "
            "— The ministers of culture met in Almaty on 2 June 2076 to speak of puppet "
            "theatres. 1. The member states will hold a festival of puppet theatres every 3 "
            "years. 2. The ministers agreed to translate 12 classic plays for puppets. 3. The "
            "next meeting will be held in Hulunbuir in 2078.\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.title == "Joint Statement of the Ministers of Culture on Puppet Theatres"
    assert texts(decl)[0].startswith("The ministers of culture met in Almaty")
    assert len(decl.paragraphs) == 4


def test_one_line_text_whose_title_and_dateline_are_sentences_with_abbreviations() -> None:
    text = ("Joint Statement of the Ministers of Culture on Puppet Theatres. St. Augustin, Oct. 3, "
            "2077. The ministers of culture, meeting in St. Augustin, spoke of puppet theatres, "
            "e.g. shadow plays and marionettes. The member states will hold a puppet festival "
            "by Jan. 2079. The ministers will translate classic plays, incl. the old farces.\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.title == "Joint Statement of the Ministers of Culture on Puppet Theatres"
    assert decl.meta.kind == "statement" and decl.meta.meeting.place == "St. Augustin"
    assert decl.meta.meeting.date == "2077-10-03"
    assert texts(decl)[0].startswith("The ministers of culture, meeting in St. Augustin")


def test_bracketed_inline_numbers_divide_one_paragraph_beside_a_short_one() -> None:
    page = (b"<html><body><h1>Declaration of the Ministers of Sport on Winter Games</h1>"
            b"<p>Unofficial translation of the ministry.</p>"
            b"<p>The Ministers of Sport, meeting in Karakol on 5 February 2079 and guided by the "
            b"Charter of the Games (2060), declare the following. (1) The Member States recognise "
            b"that 40 per cent of young people do no sport in winter. (2) The Member States will "
            b"build 10 ice rinks in small towns. (3) The Member States shall open the rinks to "
            b"schools free of charge. (4) The Ministers instruct their experts to report by "
            b"2081.</p></body></html>")
    decl, _ = ingest.parse_html(page)
    numbered = [(p.number, p.text[:17]) for p in decl.paragraphs if p.number]
    assert numbered == [("(1)", "The Member States"), ("(2)", "The Member States"),
                        ("(3)", "The Member States"), ("(4)", "The Ministers ins")]
    assert decl.meta.title == "Declaration of the Ministers of Sport on Winter Games"


def test_section_sign_heading_does_not_end_the_text() -> None:
    page = ("<html><body><h1>Joint Statement of the Ministers of Sport on Winter Games</h1>"
            "<p>The ministers of sport met in Karakol on 5 February 2079 and spoke of winter "
            "games.</p><p>§ 1</p><p>The member states will build ice rinks in small towns.</p>"
            "<p>§ 2</p><p>The ministers agree to meet again in 2081.</p></body></html>").encode()
    decl, _ = ingest.parse_html(page)
    assert [p.heading for p in decl.paragraphs] == ["", "§ 1", "§ 2"]
    assert texts(decl)[-1] == "The ministers agree to meet again in 2081."


def test_a_day_word_before_a_date_is_no_place() -> None:
    text = ("Address of the Chair on the Day of Mountains\n\n"
            "Dear friends,\n\n"
            "Today, 11 December 2075, we celebrate the mountains that join our countries.\n\n"
            "I wish every mountain village a peaceful winter.\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.meeting.place == "" and decl.meta.meeting.date == "2075-12-11"


def test_stage_directions_and_running_heads_stay_near_linear() -> None:
    """Every other line a stage direction or a running head: the in-body pass reads each line
    with its neighbours once, so the time at 8x stays near 8x."""
    from test_ingest_pages import _cpu_seconds_uncached

    unit = ("The member states will plant {0} trees along the river banks this year.\n"
            "(Applause)\nriver-archive.example | print view\n")
    head = "river-archive.example | print view\nStatement on River Banks\n"
    small = head + "".join(unit.format(i) for i in range(250))
    large = head + "".join(unit.format(i) for i in range(2000))
    ratio = _cpu_seconds_uncached(large) / _cpu_seconds_uncached(small)
    assert ratio < 16, ratio


def test_cyrillic_datelines_are_romanised_and_kept_as_written() -> None:
    note = ("Joint Statement of the Ministers of Railways on Night Trains\n"
            "Рабочий перевод.\n"
            "г. Барнаул, 12 марта 2069 г.\n"
            "The ministers of railways agreed to run night trains between the capitals of the "
            "member states.\n"
            "The member states will sell tickets for these trains on one site.\n")
    decl, _ = ingest.parse_text(note)
    assert (decl.meta.meeting.place, decl.meta.meeting.place_written) == ("Barnaul", "Барнаул")
    closing = ("Joint Statement of the Ministers of Railways on Night Trains\n\n"
               "The ministers of railways agreed to run night trains between the capitals.\n\n"
               "Барнаул, 12.03.2069\n\nFor the Republic of Kazakhstan\n")
    decl, _ = ingest.parse_text(closing)
    assert (decl.meta.meeting.place, decl.meta.meeting.place_written) == ("Barnaul", "Барнаул")
