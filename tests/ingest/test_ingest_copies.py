"""Import mechanisms behind the misses on the fifth held-out set (issue 12), each on its own
short input written here (illustrative text, not the held-out pages): decimal-numbered
paragraphs under numbered headings, transcript time codes, e-mail and markdown copies,
dot-leader labels and tables of contents, footnotes at the end, a two-column parallel table
pasted with tabs."""

# ruff: noqa: RUF001  (Cyrillic letters are the test data)
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


def test_time_codes_at_line_starts_are_furniture_and_the_text_after_them_the_unit() -> None:
    text = ("Speech of the Chair at the Forum of Orchard Towns\n\n"
            "[00:00:03] CHAIR:\n"
            "[00:00:05] Dear friends,\n\n"
            "[00:00:09] Our towns planted twelve thousand apple trees along the river this "
            "spring.\n\n"
            "[00:00:41] We will open a common seed bank for old orchard varieties next year.\n\n"
            "[00:01:15] (Applause)\n")
    decl, _ = ingest.parse_text(text)
    assert texts(decl) == ["Dear friends,",
                           "Our towns planted twelve thousand apple trees along the river "
                           "this spring.",
                           "We will open a common seed bank for old orchard varieties next "
                           "year."]
    assert {"[00:00:03]", "[00:00:41]", "CHAIR:", "(Applause)"} <= set(decl.furniture)


def test_one_bracketed_time_is_no_transcript() -> None:
    text = ("Statement of the Orchard Towns\n\n"
            "[10:30] The mayors met at the town hall and agreed on a common seed bank.\n\n"
            "The towns will share their old apple varieties.\n")
    decl, _ = ingest.parse_text(text)
    assert texts(decl)[0].startswith("[10:30] The mayors met")


def test_email_quoted_copy_is_the_document_and_the_mail_is_furniture() -> None:
    text = ("Subject: Fwd: agreed text on orchards\n"
            "From: Town Clerk <clerk@example.org>\n"
            "Date: Tue, 4 May 2088 09:12:00 +0500\n\n"
            "Here is the text we agreed on, for the records.\n\n"
            "Regards,\n"
            "K.\n\n"
            "> Statement of the Mayors of Orchard Towns\n"
            ">\n"
            "> Namangan, 2 May 2088\n"
            ">\n"
            "> The mayors of the orchard towns met in Namangan and reviewed the harvest of the "
            "past year together.\n"
            ">\n"
            "> The towns will open a common seed bank for the old apple varieties of the "
            "valley.\n"
            ">\n"
            "> --\n"
            "> Office of the Mayor\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.title == "Statement of the Mayors of Orchard Towns"
    assert decl.meta.meeting.date == "2088-05-02"
    assert [t[:20] for t in texts(decl)] == ["The mayors of the or", "The towns will open "]
    assert "Here is the text we agreed on, for the records." in decl.furniture
    assert "Office of the Mayor" in decl.furniture and "K." in decl.furniture


def test_markdown_copy_headings_bold_and_link_lines() -> None:
    text = ("[Home](/) · [News](/news) · [Contact](/contact)\n\n"
            "# Declaration of the Lake Towns on Clean Shores\n\n"
            "The mayors of the lake towns, meeting in Cholpon-Ata on 3 June 2089, declare "
            "the following.\n\n"
            "**I. Water**\n\n"
            "The towns will test the lake water every month at twenty points.\n\n"
            "**II. Shores**\n\n"
            "The towns shall keep every public beach free of litter.\n\n"
            "[Download PDF](/files/shores.pdf) | [Print](#print)\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.title == "Declaration of the Lake Towns on Clean Shores"
    assert [p.heading for p in decl.paragraphs] == ["", "I. Water", "II. Shores"]
    assert texts(decl)[2] == "The towns shall keep every public beach free of litter."
    assert "[Download PDF](/files/shores.pdf) | [Print](#print)" in decl.furniture
    assert "[Home](/) · [News](/news) · [Contact](/contact)" in decl.furniture


def test_one_line_text_under_a_long_dateline_divides_at_closing_bracket_numbers() -> None:
    text = ("Joint Communiqué of the Meeting of the Mayors of Orchard Towns\n"
            "Namangan, 14/05/2091 — the text as sent to the newsroom by the host town's office\n"
            "The mayors met in Namangan and agreed on the following. 1) The towns will plant "
            "3 new orchards of 40 hectares each. 2) The towns will open a seed bank within 6 "
            "months. 3) The next meeting will be held in Osh in 2092.\n")
    decl, _ = ingest.parse_text(text)
    dateline = "Namangan, 14/05/2091 — the text as sent to the newsroom by the host town's office"
    assert dateline in decl.furniture  # a dateline beside the text, metadata as set 5 reads it
    assert decl.meta.meeting.date == "2091-05-14"
    assert texts(decl)[0] == "The mayors met in Namangan and agreed on the following."
    assert [p.number for p in decl.paragraphs[1:]] == ["1)", "2)", "3)"]
    assert texts(decl)[2] == "The towns will open a seed bank within 6 months."


def test_dot_leader_labels_are_a_record_and_a_note_under_a_cut_is_furniture() -> None:
    text = ("CITY ARCHIVE — reading room\n"
            "Title ............ Statement of the Mayors of Orchard Towns\n"
            "Place ............ Andijan\n"
            "Date ............. 12 March 2093\n"
            "Text .............\n\n"
            "The mayors of the orchard towns met in Andijan to review the spring planting.\n\n"
            "The towns will open a common nursery for young apricot trees on the river bank "
            "near the old mill and will share the seedl\n\n"
            "Only the first two paragraphs are shown. Sign in to read the record.\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.title == "Statement of the Mayors of Orchard Towns"
    assert decl.meta.meeting.place == "Andijan" and decl.meta.meeting.date == "2093-03-12"
    assert len(decl.paragraphs) == 2 and decl.meta.truncated
    assert "Place ............ Andijan" in decl.furniture
    assert "Only the first two paragraphs are shown. Sign in to read the record." in (
        decl.furniture)


def test_table_of_contents_and_footnotes_are_furniture_the_headings_stay() -> None:
    text = ("Declaration of the Lake Towns on Fisheries\n\n"
            "Contents\n"
            "Introduction ......................... 1\n"
            "I. Fish stocks ....................... 1\n"
            "II. Fishing seasons .................. 2\n\n"
            "Introduction\n\n"
            "The mayors of the lake towns[1] declare that the fish of the lake are a common "
            "good.\n\n"
            "I. Fish stocks\n\n"
            "The towns will count the fish stocks of the lake every second year.\n\n"
            "II. Fishing seasons\n\n"
            "The towns shall close the fishing season during the spawning weeks[2].\n\n"
            "Footnotes\n"
            "[1] The six towns on the northern shore.\n"
            "[2] From April to the middle of May.\n")
    decl, _ = ingest.parse_text(text)
    assert [p.heading for p in decl.paragraphs] == ["Introduction", "I. Fish stocks",
                                                    "II. Fishing seasons"]
    assert texts(decl)[2].endswith("spawning weeks[2].")
    assert len(decl.paragraphs) == 3
    assert {"I. Fish stocks ....................... 1", "Footnotes",
            "[1] The six towns on the northern shore."} <= set(decl.furniture)


def test_bracketed_numbers_without_markers_in_the_text_are_no_footnotes() -> None:
    text = ("Statement of the Lake Towns\n\n"
            "The towns agreed on the following measures for the fishing season.\n\n"
            "[1] The towns will count the fish stocks every second year.\n\n"
            "[2] The towns shall close the fishing season during the spawning weeks.\n")
    decl, _ = ingest.parse_text(text)
    assert len(decl.paragraphs) >= 2
    assert not any("spawning" in x for x in decl.furniture)


def test_two_column_parallel_table_pasted_with_tabs_is_read_a_row_at_a_time() -> None:
    text = ("ENGLISH\tРУССКИЙ\n"
            "Statement of the Mayors of Lake Towns\tЗаявление мэров озёрных городов\n"
            "Cholpon-Ata, 3 June 2089\tг. Чолпон-Ата, 3 июня 2089 г.\n"
            "The mayors met on the shore of the lake and reviewed the fishing season.\t"
            "Мэры встретились на берегу озера и подвели итоги рыболовного сезона.\n"
            "The towns will count the fish stocks every second year.\t"
            "Города будут считать рыбные запасы каждые два года.\n"
            "The towns shall keep the beaches clean.\tГорода будут содержать пляжи в "
            "чистоте.\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.title == "Statement of the Mayors of Lake Towns"
    english = [p.text for p in decl.paragraphs if not any(s.lang for s in p.sentences)]
    assert english == ["The mayors met on the shore of the lake and reviewed the fishing season.",
                       "The towns will count the fish stocks every second year.",
                       "The towns shall keep the beaches clean."]
    assert all(not any(ch in "абвгдежзиклмнопрстуфхцчшщыэюя" for ch in t) for t in english)
    assert "ENGLISH РУССКИЙ" in decl.furniture
    assert decl.meta.meeting.place == "Cholpon-Ata"
    assert all(s.lang == "ru" for p in decl.paragraphs for s in p.sentences
               if any("\u0400" <= ch <= "\u04ff" for ch in s.text))


def test_recitals_set_as_list_entries_are_units_not_items() -> None:
    page = (b"<html><body><main><h1>Declaration of the Lake Towns on Clean Shores</h1>"
            b"<p>The mayors of the lake towns, meeting in Cholpon-Ata on 3 June 2089,</p>"
            b"<ul><li>noting that the lake gives water to forty villages;</li>"
            b"<li>aware that litter on the beaches harms the fish;</li>"
            b"<li>convinced that clean shores bring visitors,</li></ul>"
            b"<p>declare:</p>"
            b"<ol><li>The towns will test the lake water every month.</li>"
            b"<li>The towns shall keep every public beach free of litter.</li></ol>"
            b"</main></body></html>")
    decl, _ = ingest.parse_html(page)
    assert texts(decl)[1:4] == ["noting that the lake gives water to forty villages;",
                                "aware that litter on the beaches harms the fish;",
                                "convinced that clean shores bring visitors,"]
    assert not any(p.items for p in decl.paragraphs[:4])


def test_a_list_under_an_intro_with_a_colon_stays_a_list() -> None:
    text = ("Statement of the Lake Towns\n\n"
            "The towns agreed on the following, noting the low water:\n"
            "- testing the water every month;\n"
            "- cleaning the beaches every week.\n")
    decl, _ = ingest.parse_text(text)
    assert len(decl.paragraphs[0].items) == 2


def test_pdf_lines_caps_title_then_dateline_then_two_salutation_lines() -> None:
    text = ("SPEECH OF THE MAYOR OF NAMANGAN AT THE\n"
            "FORUM OF ORCHARD TOWNS\n"
            "Namangan, 4 May 2094\n"
            "Dear mayors,\n"
            "Ladies and gentlemen,\n"
            "It is a joy to welcome you to our town, where the apple\n"
            "orchards reach the edge of the old market and the river\n"
            "runs past the gardens of every school in the valley.\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.title == "SPEECH OF THE MAYOR OF NAMANGAN AT THE FORUM OF ORCHARD TOWNS"
    assert decl.meta.meeting.place == "Namangan"
    assert texts(decl)[-3:] == ["Dear mayors,", "Ladies and gentlemen,",
                                "It is a joy to welcome you to our town, where the apple "
                                "orchards reach the edge of the old market and the river runs "
                                "past the gardens of every school in the valley."]


def test_labelled_list_entries_on_a_page_are_a_record_of_fields() -> None:
    page = (b"<html><head><title>Documents portal</title></head><body>"
            b"<ul class='meta'><li>Document: Statement of the Lake Towns on Clean Shores</li>"
            b"<li>Place: Cholpon-Ata</li><li>Date: 3 June 2089</li></ul>"
            b"<article><p>The mayors of the lake towns met on the shore and reviewed the "
            b"summer season together.</p>"
            b"<p>The towns will test the lake water every month at twenty points.</p>"
            b"</article></body></html>")
    decl, _ = ingest.parse_html(page)
    assert decl.meta.title == "Statement of the Lake Towns on Clean Shores"
    assert decl.meta.kind == "statement"
    assert decl.meta.meeting.place == "Cholpon-Ata"
    assert "Place: Cholpon-Ata" in decl.furniture
    assert len(decl.paragraphs) == 2


def test_dates_and_places_in_new_forms() -> None:
    from compare.ingest.preamble import find_date_place

    assert find_date_place("09-Mar-2095") == ("2095-03-09", "")
    assert find_date_place("Termez, Friday 3rd May 2095") == ("2095-05-03", "Termez")
    assert find_date_place("Given on 2 May 2095, Termez") == ("2095-05-02", "Termez")


def test_mail_header_date_is_not_the_meetings_and_a_line_of_parts_gives_its_label() -> None:
    text = ("От: Town Office <office@example.org>\n"
            "Дата: 9 мая 2095\n"
            "Тема: statement\n\n"
            "Statement of the Mayors of Orchard Towns\n\n"
            "Termez, 3 May 2095\n\n"
            "The mayors of the orchard towns met in Termez and reviewed the spring planting "
            "together.\n\n"
            "The towns will open a common seed bank for old apple varieties.\n")
    decl, _ = ingest.parse_text(text)
    assert decl.meta.meeting.date == "2095-05-03"
    page = (b"<html><body><main><h1>Press Release on the Forum of Orchard Towns</h1>"
            b"<p>Release date: 9 May 2095 | Meeting date: 3 May 2095</p>"
            b"<p>The mayors of the orchard towns met and reviewed the spring planting "
            b"together.</p><p>The towns will open a common seed bank for old apple "
            b"varieties.</p></main></body></html>")
    decl, _ = ingest.parse_html(page)
    assert decl.meta.meeting.date == "2095-05-03"


def test_russian_closing_formula_ending_in_goda_is_the_texts_last_unit() -> None:
    text = ("Заявление мэров озёрных городов\n\n"
            "г. Чолпон-Ата, 3 июня 2089 года\n\n"
            "Мэры озёрных городов встретились на берегу озера и обсудили летний сезон.\n\n"
            "Города будут проверять воду озера каждый месяц.\n\n"
            "Совершено в городе Чолпон-Ата 3 июня 2089 года.\n\n"
            "Документ 3 из 9 | Печать\n")
    decl, _ = ingest.parse_text(text)
    assert texts(decl)[-1] == "Совершено в городе Чолпон-Ата 3 июня 2089 года."
    assert "г. Чолпон-Ата, 3 июня 2089 года" not in texts(decl)


def test_a_place_the_russian_text_inflects_is_given_as_its_dateline_names_it() -> None:
    text = ("Заявление мэров озёрных городов\n\n"
            "г. Каракол, 3 июня 2089 г.\n\n"
            "3 июня 2089 года в Караколе состоялась встреча мэров озёрных городов.\n\n"
            "Города будут проверять воду озера каждый месяц.\n")
    decl, _ = ingest.parse_text(text)
    assert (decl.meta.meeting.place, decl.meta.meeting.place_written) == ("Karakol", "Каракол")
