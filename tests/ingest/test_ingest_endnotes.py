"""Lines under the text, form feeds and titles of issue 12, each on its own invented text
(illustrative; none of it is from a real page).

A short line without final punctuation under the text's last sentence ("Invented wording for
the test suite") is the copy's note, furniture, and does not make the copy "cut off"; a last
paragraph that really stops mid-sentence or mid-word still does. In HTML a short line in small
print (`<small>`, `<font size="1">`, a "note" class) is the same note wherever it stands.
"""

# ruff: noqa: RUF001  (CJK punctuation is the test data)
from __future__ import annotations

import pytest

from compare.ingest import importer as ingest
from compare.model import Declaration


def parse(text: str, **kw: object) -> Declaration:
    return ingest.parse_text(text, path="t.txt", **kw)[0]


def html(page: str) -> Declaration:
    return ingest.parse_html(page.encode(), path="t.html")[0]


TITLE = "Declaration of the Ministers of Fisheries on River Stocks"
BODY = ("The ministers of fisheries of the member states met in Kokshetau on 9 June 2071.\n\n"
        "1. The ministers will exchange yearly counts of sturgeon in the shared rivers.\n\n"
        "2. The ministers support a common closed season for spawning grounds.\n")
NOTE = "Invented wording for the test suite"


def test_a_short_unpunctuated_line_under_the_last_sentence_is_furniture_not_a_cut() -> None:
    decl = parse(f"{TITLE}\n\n{BODY}\n{NOTE}\n")
    assert decl.units()[-1].text.startswith("The ministers support a common closed season")
    assert NOTE in decl.furniture
    assert not decl.meta.truncated


@pytest.mark.parametrize("cut", [
    "3. The ministers will also study the",  # a word that needs more
    "3. The ministers agree to restock the shared lakes with young fish and",
    "3. Hatcheries on both banks of the rivers will exchange spawn and fry for restock",
    "3. The ministers call for closer cooperat",  # the start of a word of the text
])
def test_a_last_paragraph_cut_short_is_still_flagged(cut: str) -> None:
    text = BODY.replace("spawning grounds.", "spawning grounds and cooperation.")
    decl = parse(f"{TITLE}\n\n{text}\n{cut}\n")
    assert decl.meta.truncated, cut
    assert decl.units()[-1].text == cut.removeprefix("3. ")


def test_a_cut_with_a_note_under_it_is_flagged_and_the_note_left_out() -> None:
    cut = "3. The ministers agree to restock the shared lakes with young fish and"
    decl = parse(f"{TITLE}\n\n{BODY}\n{cut}\n\n{NOTE}\n")
    assert decl.meta.truncated
    assert NOTE not in [u.text for u in decl.units()]


def test_a_short_last_paragraph_of_the_text_stays_a_paragraph() -> None:
    decl = parse(f"{TITLE}\n\n{BODY}\nThe ministers will meet again in Kokshetau\n")
    assert decl.units()[-1].text == "The ministers will meet again in Kokshetau"


PAGE = ("<html><body><main><h1>{title}</h1><p>The ministers of fisheries of the member states "
        "met in Kokshetau on 9 June 2071.</p><p>The ministers will exchange yearly counts of "
        "sturgeon in the shared rivers.</p><p>The ministers will open the hatcheries on both "
        "banks of the rivers to visiting experts and</p>{note}</main></body></html>")


@pytest.mark.parametrize("note", [
    f'<p class="note">{NOTE}</p>',
    f"<p><small>{NOTE}</small></p>",
    f'<table><tr><td><font size="1">{NOTE}</font></td></tr></table>',
    f"<div><br><small>{NOTE}</small><br></div>",
])
def test_a_line_in_small_print_under_a_cut_is_left_out(note: str) -> None:
    decl = html(PAGE.format(title=TITLE, note=note))
    assert decl.meta.truncated
    assert decl.units()[-1].text.endswith("to visiting experts and")
    assert NOTE in decl.furniture


def test_small_print_keeps_a_note_of_the_text_and_a_long_paragraph() -> None:
    editor = "[Editor's note: the counts are those the delegations handed in.]"
    long_ = ("The ministers agreed that the counts of every river will be published each "
             "spring, in the languages of the Organisation, on the site of the Secretariat.")
    page = PAGE.format(title=TITLE, note=f'<p class="note">{editor}</p>'
                                         f'<p class="small">{long_}</p>')
    texts = [u.text for u in html(page).units()]
    assert editor in texts and long_ in texts


@pytest.mark.parametrize("feed", ["\n\f", "\f\n", "\r\n\f", "\n  \f\n", "\n\f\f"])
def test_a_form_feed_is_refused_with_its_place_and_read_with_page_breaks(feed: str) -> None:
    """RELIABILITY T4: a form feed is refused (exit 2 with its place and the hint) unless the
    user says the text has page breaks; with --page-breaks it is read as one, wherever it is."""
    from compare.errors import DeclarationError

    data = f"{TITLE}\n\n{BODY}".replace("\n\n2.", f"\n{feed}2.").encode()
    with pytest.raises(DeclarationError, match=r"t.txt:\d+:\d+: .*U\+000C.*--page-breaks"):
        ingest.read_text(data, "t.txt")
    text = ingest.read_text(data, "t.txt", page_breaks=True)
    decl, notices = ingest.parse_text(text, path="t.txt", page_breaks=True)
    assert [u.text[:16] for u in decl.units()][-2:] == ["The ministers wi", "The ministers su"]
    assert any("form feed(s) read as page breaks" in n.message for n in notices)


def test_a_print_views_header_and_footer_at_a_form_feed_are_left_out() -> None:
    head = "03.02.2071, 09:15        Declaration of the Ministers of Fisheries - Minis..."
    foot = "https://fish.example.org/docs/2071/kokshetau.html        {}/2"
    page_two = f"\n\n{foot.format(1)}\n\f{head}\n\n2."
    text = f"{head}\n\n{TITLE}\n\n{BODY.replace(chr(10) * 2 + '2.', page_two)}\n{foot.format(2)}\n"
    decl, notices = ingest.parse_text(text, path="t.txt", page_breaks=True)
    units = [u.text for u in decl.units()]
    assert len(units) == 3 and units[-1].startswith("The ministers support a common")
    assert not any("example.org" in u or "09:15" in u for u in units)
    assert any("running header or footer" in n.message for n in notices)


@pytest.mark.parametrize("dateline", ["二〇七一年六月九日于科克舍套", "2071年6月9日于科克舍套"])
def test_a_chinese_closing_dateline_is_metadata_like_an_english_one(dateline: str) -> None:
    text = ("上海合作组织渔业部长联合声明\n\n上海合作组织成员国渔业部长举行会议，达成以下共识：\n\n"
            "第一条　成员国将交换河流鱼类数量的年度统计。\n\n第二条　成员国支持共同的禁渔期。\n\n"
            f"{dateline}\n")
    decl = parse(text)
    assert [u.number for u in decl.units()] == [None, "第一条", "第二条"]
    assert dateline in decl.furniture
    assert (decl.meta.meeting.place, decl.meta.meeting.date) == ("科克舍套", "2071-06-09")


SENTENCES = ("The ministers of fisheries of the member states met in Kokshetau on 9 June 2071."
             "<br><br>The ministers will exchange yearly counts of sturgeon in the shared rivers."
             "<br><br>The ministers support a common closed season for spawning grounds.")


def test_a_title_on_two_bold_lines_above_br_paragraphs_is_the_title() -> None:
    page = ("<html><body><div id='content'><b>JOINT STATEMENT</b><br><b>of the Ministers of "
            "Fisheries of the Member States</b><br><br><i>Added: 2071-06-12 by editor</i>"
            f"<br><br>{SENTENCES}</div></body></html>")
    decl = html(page)
    assert decl.meta.title == "JOINT STATEMENT of the Ministers of Fisheries of the Member States"
    assert decl.meta.kind == "statement"
    assert decl.units()[0].text.startswith("The ministers of fisheries")


def test_a_pre_page_takes_the_title_naming_its_kind_not_the_line_above() -> None:
    body = SENTENCES.replace("<br><br>", "\n\n")
    page = ("<html><body><pre>\nEMBARGOED UNTIL NOON\n\n            JOINT STATEMENT\n"
            "    of the Ministers of Fisheries of the Member States\n\n"
            f"Kokshetau, 9 June 2071\n\n{body}\n</pre></body></html>")
    decl = html(page)
    assert decl.meta.title == "JOINT STATEMENT of the Ministers of Fisheries of the Member States"
    assert "EMBARGOED UNTIL NOON" in decl.furniture
    assert [u.text[:13] for u in decl.units()] == ["The ministers"] * 3
    assert not any(p.heading for p in decl.paragraphs)


RU_TITLE = "Омская декларация министров рыбного хозяйства о речных запасах"
RU_BODY = ("Министры рыбного хозяйства, собравшись в г. Омске, приняли настоящую декларацию. "
           "Государства-члены будут ежегодно обмениваться данными о численности осетра, т. е. "
           "рыбы в общих реках. Государства-члены создадут общий фонд мальков (осетра, стерляди "
           "и т. д.) для зарыбления рек. Государства-члены поддерживают единый запрет на лов в "
           "период нереста. Министры поручили экспертам подготовить общие правила учёта улова.")


def test_a_one_line_text_under_a_title_and_a_dateline_is_divided_by_its_subjects() -> None:
    text = f"{RU_TITLE}\nОмск, 9 июня 2071 г. (пример для тестов)\n{RU_BODY}\n"
    decl, notices = ingest.parse_text(text, path="t.txt")
    assert decl.meta.title == RU_TITLE and decl.meta.kind == "declaration"
    assert decl.meta.meeting.date == "2071-06-09"
    assert [u.text.split()[0] for u in decl.units()] == [
        "Министры", "Государства-члены", "Государства-члены", "Государства-члены", "Министры"]
    assert "Омск, 9 июня 2071 г. (пример для тестов)" in decl.furniture
    assert any("no paragraph breaks" in n.message for n in notices)


def test_a_sentence_case_title_line_over_a_dateline_is_the_title() -> None:
    text = (f"{RU_TITLE}\nОмск, 9 июня 2071 г.\n\n"
            + RU_BODY.replace(". Государства", ".\n\nГосударства") + "\n")
    decl = parse(text)
    assert decl.meta.title == RU_TITLE
    assert decl.units()[0].text.startswith("Министры рыбного хозяйства")


def test_a_news_page_printing_a_full_text_under_its_lead_takes_the_documents_title() -> None:
    page = (f"<html><body><main><h1>Full text: {TITLE}</h1><p>KOKSHETAU, June 9 (RiverNews) -- "
            "Fisheries ministers of the region on Friday adopted a declaration on sturgeon, and "
            "one of them called it overdue.</p><p>The following is the text of the declaration "
            f"as handed to reporters by the hosts:</p><h2>{TITLE}</h2>"
            f"<p>{SENTENCES.replace('<br><br>', '</p><p>')}</p></main></body></html>")
    decl = html(page)
    assert decl.meta.title == TITLE
    assert [u.text[:13] for u in decl.units()] == ["The ministers"] * 3
    assert any(f.startswith("KOKSHETAU, June 9") for f in decl.furniture)


def test_a_markdown_table_of_fields_is_read_as_labelled_headers() -> None:
    text = ("| Field | Value |\n|---|---|\n"
            f"| Title | {TITLE} |\n| Meeting date | Friday, 9 June 2071 |\n"
            "| Venue | Fisheries Institute, Kokshetau |\n| Published | 2071-06-12 |\n\n" + BODY)
    decl = parse(text)
    assert decl.meta.title == TITLE and decl.meta.kind == "declaration"
    assert (decl.meta.meeting.place, decl.meta.meeting.date) == ("Kokshetau", "2071-06-09")
    assert f"| Title | {TITLE} |" in decl.furniture
    assert decl.units()[0].text.startswith("The ministers of fisheries")


def test_a_title_in_two_alphabets_split_by_a_slash_under_a_banner() -> None:
    ru = "Омская декларация министров рыбного хозяйства о речных запасах"
    text = (f"Архив документов / Document archive — made-up page for the test suite\n\n"
            f"{ru} / {TITLE}\n\n{BODY}")
    decl = parse(text)
    assert decl.meta.title == TITLE
    assert any(f.startswith("Архив документов / Document archive") for f in decl.furniture)
    assert any(f.startswith(ru) for f in decl.furniture)
    assert decl.units()[0].text.startswith("The ministers of fisheries")


def test_a_long_bracketed_line_about_adoption_under_the_title_is_left_out() -> None:
    adopted = ("(Adopted at the Meeting of the Ministers of Fisheries of the Member States of "
               "the Organisation on River Stocks, Kokshetau, 9 June 2071)")
    decl = parse(f"{TITLE}\n{adopted}\n\n{BODY}")
    assert decl.meta.title == TITLE
    assert adopted in decl.furniture
    assert decl.units()[0].text.startswith("The ministers of fisheries")
    note = "[Translator's note: the names of the rivers follow the spelling of the original.]"
    assert parse(f"{TITLE}\n\n{note}\n\n{BODY}").units()[0].text == note


def test_a_field_the_labels_do_not_know_inside_a_record_stays_out_of_the_text() -> None:
    title = "Statement by the Chair of the Council of Ministers of Fisheries on River Stocks"
    text = (f"TITLE: {title}\nAUTHOR: Council of Ministers\nFILE KIND: statement\n"
            "DATE: 9 JUN 2071\nPLACE: Kokshetau\nTEXT:\nOn this day I call on the fishers of "
            "the region to count the sturgeon they catch in every river.\n\nThe Secretariat "
            "will publish the counts of every river each spring.\n")
    decl = parse(text)
    assert decl.meta.title == title
    assert decl.units()[0].text.startswith("On this day I call on the fishers")
    assert "FILE KIND: statement" in decl.furniture
    assert decl.meta.meeting.date == "2071-06-09"


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_labels_on_how_to_read_an_address_stay_out_and_its_salutations_in(fmt: str) -> None:
    title = "Address by the Chair of the Council of Ministers of Fisheries at the Opening"
    lines = [title, "Kokshetau, 9 June 2071", "Check against delivery", "Unofficial translation",
             "Dear colleagues,", "Ladies and gentlemen,",
             "Welcome to Kokshetau, a town of lakes where the sturgeon is still remembered.",
             "Today I will be brief, because the rivers cannot wait for our speeches.",
             "Thank you."]
    if fmt == "text":
        decl = parse("\n\n".join(lines) + "\n")
    else:
        decl = html("<html><body><main><h1>" + lines[0] + "</h1>"
                    + "".join(f"<p>{x}</p>" for x in lines[1:]) + "</main></body></html>")
    assert [u.text for u in decl.units()][:2] == ["Dear colleagues,", "Ladies and gentlemen,"]
    assert {"Check against delivery", "Unofficial translation"} <= set(decl.furniture)


def test_a_label_opening_with_a_publication_word_dates_the_page_not_the_meeting() -> None:
    text = (f"{RU_TITLE}\n\nДата принятия: девятое июня две тысячи семьдесят первого года\n"
            "Место принятия: г. Омск\nОпубликовано на портале: 30.06.2071, 09:15\n\n"
            + RU_BODY.replace(". Государства", ".\n\nГосударства") + "\n")
    decl = parse(text)
    assert decl.meta.meeting.date == "2071-06-09"
    assert "Опубликовано на портале: 30.06.2071, 09:15" in decl.furniture


def test_a_one_line_text_divides_at_its_article_labels_not_at_a_reference() -> None:
    text = (f"{TITLE}\nKokshetau, 9 June 2071\nThe ministers met in Kokshetau and agreed as "
            "follows. Article 1. The member states will count the sturgeon every year. Article "
            "2. The member states will close the spawning grounds, as Article 12 of the Charter "
            "allows, for 40 days. Article 3. The member states will meet again in 2072.\n")
    decl = parse(text)
    assert [u.text[:10] for u in decl.units()] == [
        "The minist", "Article 1.", "Article 2.", "Article 3."]
    assert "Article 12 of the Charter" in decl.units()[2].text


def test_a_one_line_chinese_text_divides_at_its_numbers_after_a_colon_too() -> None:
    text = ("上海合作组织成员国渔业部长联合公报\n"
            "上海合作组织成员国渔业部长于2071年6月9日举行会议，达成以下共识：一、成员国将交换鱼类统计。"
            "二、成员国将在每年三、四月间共同禁渔。三、成员国支持建立鱼苗库。\n")
    decl = parse(text)
    assert [p.number for p in decl.paragraphs] == [None, "一、", "二、", "三、"]
    assert decl.paragraphs[2].text == "成员国将在每年三、四月间共同禁渔。"


def test_a_site_line_above_the_h1_stays_above_the_title_and_out_of_the_text() -> None:
    brand = "RiverPortal — fishing news of the whole region"
    page = (f"<html><body><div id='site'>\n<div class='brand'>{brand}</div>\n<h1>{TITLE}</h1>\n"
            f"<p>{SENTENCES.replace('<br><br>', '</p>' + chr(10) + '<p>')}</p></div></body></html>")
    decl = html(page)
    assert decl.meta.title == TITLE
    assert brand in decl.furniture
    assert [u.text[:13] for u in decl.units()] == ["The ministers"] * 3
