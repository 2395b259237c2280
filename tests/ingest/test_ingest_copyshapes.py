"""Shapes of a copy seen first in held-out set 8 (`ingest.copymarks`, `ingest.layout`).

Every text here is illustrative, invented for these tests in our own words, in other forms than
the set's pages: a chat paste whose sender's name opens each time-stamped message (a different
messenger's stamp, two senders, a sender seen once whose line stays whole), talk about the text
in lower case above its title, and setext headings (a title underlined with "=", sections with
"-"), beside the hard cases that must stay as they are: a rule before a note (no underline), a
"Note:" label in the text, and a one-word heading.
"""

# ruff: noqa: RUF001  (Cyrillic letters are the test data)
from __future__ import annotations

import pytest

from compare.ingest import importer as ingest
from compare.ingest.inbody import stamp_line
from compare.model import Declaration


def parse(text: str) -> tuple[Declaration, list[str]]:
    decl, notices = ingest.parse_text(text, path="t.txt")
    return decl, [str(n) for n in notices]


def units(decl: Declaration) -> list[str]:
    return [u.text for u in decl.units()]


def words(decl: Declaration) -> set[str]:
    kept = " ".join(units(decl) + [str(f) for f in decl.furniture] + [decl.meta.title])
    return set(kept.split())


CHAT = """\
(14:02) Marat K.: sending the final wording now, straight from the conference room
(14:02) Marat K.: Tashkent Declaration of the Ministers of Water of the Member States on Canals
(14:03) Marat K.: The Ministers of Water of the Member States met in Tashkent on 3 May 2301. \
The Member States will repair the shared canals before the next season. \
The Member States will exchange the readings of their river gauges every day.
(14:05) Olga: got it, thanks
(14:06) Marat K.: (an illustrative chat made for the tests)
"""


def test_a_chat_senders_name_and_talk_above_the_title_are_furniture() -> None:
    decl, _ = parse(CHAT)
    assert decl.meta.title.startswith("Tashkent Declaration of the Ministers of Water")
    got = units(decl)
    assert got[0].startswith("The Ministers of Water of the Member States met")
    assert not any("Marat" in u or "sending the final" in u or "Olga" in u for u in got)
    furniture = [str(f) for f in decl.furniture]
    assert "Marat K.:" in furniture
    assert any("sending the final wording" in f for f in furniture)
    assert any("Olga: got it" in f for f in furniture)  # a sender seen once: the line whole
    text_words = set(CHAT.replace("\\\n", " ").split()) - {"(14:02)", "(14:03)", "(14:05)",
                                                             "(14:06)"}
    assert text_words <= words(decl) | {w for f in furniture for w in f.split()}


def test_a_label_in_the_text_is_no_chat_sender() -> None:
    text = ("Declaration on Canals\n\nThe Member States will repair the canals.\n\n"
            "Note: the canals of the north are not covered.\n")
    decl, _ = parse(text)
    assert any(u.startswith("Note: the canals") for u in units(decl))


SETEXT = """\
Samarkand Joint Communique of the Ministers of Roads
====================================================

The Ministers of Roads of the Member States met in Samarkand on 9 June 2302.

Bridges
-------

The Member States will inspect the border bridges each spring.

Tolls and fees
--------------

The Member States will publish the tolls of their trunk roads.

---
Note: illustrative text written for the tests.
"""


def test_setext_underlines_make_headings_and_a_title_and_are_kept_as_furniture() -> None:
    decl, _ = parse(SETEXT)
    assert decl.meta.title == "Samarkand Joint Communique of the Ministers of Roads"
    got = units(decl)
    headings = {p.heading: p.text for p in decl.paragraphs if p.heading}
    assert headings["Bridges"].startswith("The Member States will inspect the border bridges")
    assert headings["Tolls and fees"].startswith("The Member States will publish the tolls")
    assert not any("---" in u or "===" in u or u == "Bridges" for u in got)
    furniture = [str(f) for f in decl.furniture]
    assert "-------" in furniture and "=" * 52 in furniture


def test_a_rule_after_a_blank_line_is_no_underline() -> None:
    text = ("Declaration on Roads\n\nThe Member States will repair the roads.\n\n"
            "The Member States will open two new crossings.\n\n---\n\nDone at Osh.\n")
    decl, _ = parse(text)
    assert "Done at Osh." in units(decl)


def html(body: str) -> Declaration:
    page = f"<html><body><article>{body}</article></body></html>".encode()
    return ingest.parse_html(page, path="t.html")[0]


ARTICLE = ("<h1>Declaration of the Ministers of Forests</h1>"
           "<p>The Ministers of Forests of the Member States met in Osh on 2 July 2303.</p>"
           "{box}"
           "<p>The Member States will plant a belt of native trees along the border rivers.</p>"
           "<p>The Member States will share their maps of forest fires each summer.</p>")


def test_a_box_under_the_sites_advertisement_label_is_left_out_whatever_its_class() -> None:
    for box in ('<div class="inline-box"><small>Реклама</small>'
                "<p>Holidays in the mountains: two nights for the price of one.</p></div>",
                '<section class="xy"><span>Sponsored</span><p>Try our new phone plan today. '
                "Call now.</p></section>"):
        decl = html(ARTICLE.format(box=box))
        got = units(decl)
        assert len(got) == 3, box
        assert got[1].startswith("The Member States will plant"), box
        assert any("two nights" in str(f) or "phone plan" in str(f)
                   for f in decl.furniture), box


def test_an_element_whose_class_names_an_ad_is_left_out_with_a_notice() -> None:
    page = ("<html><body><article>" + ARTICLE.format(
        box='<div class="adTop"><p>Buy tyres online, free fitting.</p></div>')
        + "</article></body></html>").encode()
    decl, notices = ingest.parse_html(page, path="t.html")
    assert len(units(decl)) == 3
    assert any("(ad;" in str(n) for n in notices)
    assert "Buy tyres online, free fitting." in decl.furniture  # left out, not lost


def test_every_element_left_out_of_a_page_keeps_its_words_in_the_furniture() -> None:
    """Nothing is dropped silently: the words of a menu, a sidebar, a footer, a pop-up, an
    element hidden or named as furniture are in the declaration's left-out furniture, none in
    the body; with --keep-furniture nothing is collected."""
    left_out = {
        "<nav>Start Archive Press room</nav>": "Start Archive Press room",
        "<aside><p>Most viewed this week</p></aside>": "Most viewed this week",
        '<div class="cookie-bar">We store small files on your device.</div>':
            "We store small files on your device.",
        '<p hidden>Internal draft marker seventeen</p>': "Internal draft marker seventeen",
        "<dialog>Rate this page from one to five</dialog>": "Rate this page from one to five",
        "<footer>Illustrative portal, all rights reserved</footer>":
            "Illustrative portal, all rights reserved",
    }
    page = ("<html><body>" + "".join(left_out) + "<article>" + ARTICLE.format(box="")
            + "</article></body></html>").encode()
    decl, _ = ingest.parse_html(page, path="t.html")
    body = " ".join(units(decl))
    for words in left_out.values():
        assert words in decl.furniture and words not in body, words
    kept, _ = ingest.parse_html(page, path="t.html", keep_furniture=True)
    assert not set(left_out.values()) & set(kept.furniture)


def test_a_box_opened_by_a_heading_of_the_text_stays() -> None:
    box = ("<div><b>Forest fires</b><p>The Member States will send fire crews to each other "
           "on request.</p></div>")
    got = units(html(ARTICLE.format(box=box)))
    assert any(u.startswith("The Member States will send fire crews") for u in got)


QA_PAGE = """<html><body><div class="qa">
<div class="question"><p>Where can I read the water statement from last week? I searched
everywhere.</p><span class="who">asked by nomad_7</span></div>
<div class="answer"><span class="who">answered by Leyla</span>
<p>It was posted on the ministry site, here it is:</p>
<blockquote>
<h4>Заявление министров водного хозяйства государств-членов</h4>
<p>Министры водного хозяйства государств-членов встретились в Алматы 4 мая 2304 года.</p>
<p>Государства-члены будут обмениваться данными о паводках.</p>
<p>Государства-члены проведут совместные учения спасателей.</p>
</blockquote>
<p>Hope this helps, the member states should have published it in English too.</p>
</div></div></body></html>"""


def test_a_quoted_whole_document_is_the_text_and_the_posts_around_it_are_not() -> None:
    decl, _ = ingest.parse_html(QA_PAGE.encode(), path="t.html")
    assert decl.meta.title.startswith("Заявление министров")
    got = units(decl)
    assert len(got) == 3 and got[0].startswith("Министры водного хозяйства")
    assert not any("should have published" in u or "here it is" in u for u in got)


PRESS = """<html><body><div class="release">
<p>The ministers adopted a statement on floods at their meeting in Almaty on 4 May 2304.</p>
<p>They said in the statement:</p>
<blockquote><p>The Member States will exchange flood data every hour.</p>
<p>The Member States will hold joint rescue drills.</p>
<p>The Member States will train the crews together.</p></blockquote>
<p>The ministers will meet again next year in Osh.</p>
</div></body></html>"""


def test_a_quote_without_a_title_of_its_own_stays_a_part_of_the_text_around_it() -> None:
    decl, _ = ingest.parse_html(PRESS.encode(), path="t.html")
    got = units(decl)
    assert any(u.startswith("The ministers will meet again") for u in got)
    assert any(u.startswith("The Member States will hold joint") for u in got)


@pytest.mark.parametrize("line", ["CERTIFIED TRUE COPY [stamp partly illegible]",
                                  "[seal] APPROVED", "RECEIVED (stamp, faint)",
                                  "MINISTRY ARCHIVE [round seal]"])
def test_a_transcribed_stamp_is_a_stamp(line: str) -> None:
    assert stamp_line(line)


@pytest.mark.parametrize("line", ["I. GENERAL PROVISIONS", "ANNEX (2301)",
                                  "The Member States [will] cooperate",
                                  "TRADE [See Annex 2]", "CHAIR:"])
def test_a_heading_or_a_bracket_of_the_text_is_no_stamp(line: str) -> None:
    assert not stamp_line(line)


SCAN = """\
DECLARATION ON ORCHARDS

The Ministers of Agriculture of the Member States met in Jizzakh on 5 May 2305.

The Member States will exchange the seeds of old apple varieties.

   APPROVED FOR RELEASE   [signature illegible]

The Member States will set up a common register of orchards and
their owners, to be kept by
"""


def test_a_stamp_between_paragraphs_of_a_cut_copy_is_furniture() -> None:
    decl, _ = parse(SCAN)
    got = units(decl)
    assert not any("APPROVED" in u for u in got)
    assert got[-1].startswith("The Member States will set up a common register")
    assert any("APPROVED FOR RELEASE" in str(f) for f in decl.furniture)


PRINTED = """\
TASHKENT DECLARATION ON RAILWAYS

The Ministers of Railways of the Member States met in Tashkent on 8 June 2306.

The Member States will align the timetables of their border stations.

Text prepared for testing                Page 1 of 2
MR/TAS/2306/4               Tashkent Declaration
The Member States will share the costs of new wagons for the joint line.

Done at Tashkent on 8 June 2306.
"""


def test_a_running_head_with_the_documents_symbol_past_a_page_counter_is_furniture() -> None:
    got = units(parse(PRINTED)[0])
    assert not any("MR/TAS/2306/4" in u for u in got)
    assert "Done at Tashkent on 8 June 2306." in got
    assert any(u.startswith("The Member States will share the costs") for u in got)


def test_a_heading_past_a_page_counter_without_a_symbol_stays() -> None:
    text = PRINTED.replace("MR/TAS/2306/4               Tashkent Declaration\n",
                           "Rolling stock\n\n")
    decl = parse(text)[0]
    assert any(p.heading == "Rolling stock" for p in decl.paragraphs) or "Rolling stock" in (
        units(decl))


ZH_TEXT = """\
上海合作组织成员国林业部长会议宣言

上海合作组织成员国林业部长于2307年6月1日在西安举行会议。

一、防火合作

成员国将在边境林区建立联合防火瞭望站。

二、苗木交换

成员国同意每年交换本地树种的苗木。
"""


def test_a_short_numbered_chinese_line_over_a_paragraph_is_a_heading() -> None:
    decl, _ = parse(ZH_TEXT)
    heads = [p.heading for p in decl.paragraphs if p.heading]
    assert heads == ["一、 防火合作", "二、 苗木交换"] or heads == ["一、防火合作", "二、苗木交换"]
    page = ("<html><body><article><h1>上海合作组织成员国林业部长会议宣言</h1>"
            "<p>上海合作组织成员国林业部长于2307年6月1日在西安举行会议。</p>"
            "<p><strong>一、防火合作</strong></p><p>成员国将在边境林区建立联合防火瞭望站。</p>"
            "</article></body></html>").encode()
    decl = ingest.parse_html(page, path="t.html")[0]
    assert any("防火合作" in p.heading for p in decl.paragraphs)


def test_a_short_chinese_paragraph_before_a_short_one_is_no_heading() -> None:
    text = ZH_TEXT.replace("成员国将在边境林区建立联合防火瞭望站。", "见附件。")
    decl, _ = parse(text)
    assert not any("防火合作" in p.heading for p in decl.paragraphs)


DASHED = """\
Declaration on Open Maps

The Ministers of Surveying of the Member States,
 - welcoming the new satellite images of the border regions;
 - aware that old maps differ from one Member State to another,
have decided as follows:

The Member States will publish their maps of the border regions.
"""


def test_the_clause_after_dashed_recitals_is_a_unit_of_its_own() -> None:
    got = units(parse(DASHED)[0])
    assert "have decided as follows:" in got
    assert any(u.startswith("aware that old maps differ") and u.endswith("another,")
               for u in got)


def test_a_dashed_item_wrapped_onto_a_lower_case_line_stays_one_item() -> None:
    text = ("Declaration on Roads\n\nThe Member States will:\n"
            "- repair the roads and the bridges that cross the border rivers between the two,\n"
            "and the crossings;\n- open new crossings.\n")
    got = units(parse(text)[0])
    assert any(u.endswith("between the two, and the crossings;") for u in got)


RU_UNDER = """<html><body><main>
<h1>Statement of the Ministers of Health of the Member States on Vaccines</h1>
<p>The Ministers of Health of the Member States met in Bishkek on 3 March 2308.</p>
<p>The Member States will share their stocks of vaccines in an emergency.</p>
<p>The Member States will train their nurses together.</p>
<section lang="ru"><p>Русская версия</p>
<h2>Заявление министров здравоохранения государств-членов о вакцинах</h2>
<p>Министры здравоохранения государств-членов встретились в Бишкеке 3 марта 2308 года.</p>
<p>Государства-члены будут делиться запасами вакцин в чрезвычайных ситуациях.</p>
</section></main></body></html>"""


def test_the_other_languages_title_under_the_text_does_not_start_it() -> None:
    decl, _ = ingest.parse_html(RU_UNDER.encode(), path="t.html")
    assert decl.meta.title.startswith("Statement of the Ministers of Health")
    got = units(decl)
    assert got[0].startswith("The Ministers of Health of the Member States met")


def test_a_news_lead_above_the_documents_own_title_is_still_left_out() -> None:
    page = ("<html><body><main><p>The ministers met on Monday and adopted the text below.</p>"
            "<h2>Statement of the Ministers of Health on Vaccines</h2>"
            "<p>The Ministers of Health of the Member States met in Bishkek on 3 March 2308.</p>"
            "<p>The Member States will share their stocks of vaccines in an emergency.</p>"
            "<p>The Member States will train their nurses together.</p></main></body></html>")
    decl, _ = ingest.parse_html(page.encode(), path="t.html")
    assert decl.meta.title == "Statement of the Ministers of Health on Vaccines"
    assert not any("adopted the text below" in u for u in units(decl))


def test_every_field_of_a_line_of_labelled_parts_is_read() -> None:
    text = ("Bukhara Statement of the Ministers of Tourism\n"
            "Venue: Bukhara · Date of meeting: 7 July 2309 · Language: English\n\n"
            "The Ministers of Tourism of the Member States met and reviewed the season.\n\n"
            "The Member States will publish a common guide to the old towns.\n")
    decl, _ = parse(text)
    assert decl.meta.meeting.date == "2309-07-07"
    assert decl.meta.meeting.place == "Bukhara"
    assert not any("Venue" in u for u in units(decl))


def test_a_place_of_adoption_label_gives_the_place() -> None:
    page = ("<html><body><main><dl><dt>Title</dt><dd>Declaration of the Ministers of Tourism</dd>"
            "<dt>Place of adoption</dt><dd>Termez</dd><dt>Adopted on</dt><dd>2309-08-01</dd>"
            "</dl><p>The Ministers of Tourism of the Member States met and reviewed the "
            "season.</p><p>The Member States will publish a common guide to the old towns.</p>"
            "</main></body></html>")
    decl, _ = ingest.parse_html(page.encode(), path="t.html")
    assert decl.meta.meeting.place == "Termez"
    assert decl.meta.meeting.date == "2309-08-01"


def test_keep_furniture_keeps_the_chat_talk_in_the_body() -> None:
    decl, _ = ingest.parse_text(CHAT, path="t.txt", keep_furniture=True)
    kept = [decl.meta.title, *units(decl)]  # nothing left out: the marks and talk stay too
    assert any("sending the final wording" in u for u in kept)
    assert any(u.startswith("(14:03) Marat K.: The Ministers of Water") for u in kept)
    assert decl.furniture == ()
