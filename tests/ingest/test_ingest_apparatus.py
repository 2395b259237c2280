"""A page's apparatus around the text: contents lists, record rows, notes lists, boxes.

Every page here is illustrative, invented for these tests in our own words. A printed bulletin's
masthead and contents list with dot leaders above the text (`ingest.contents`); a repository's
record table whose rows the labels do not all know ("Creator:", "Date accessioned:"); a notes
list under the text whose items link back to their marks; boxes the markup sets apart between
the paragraphs (a poll's count, a call to apply, a box under a bold label); a Chinese mobile
page's "view in the app" prompt; a Russian place named after "в" in its own form. Each is left
out of the body and kept in the declaration's furniture; the hard cases beside them (a list of
items inside the text, a heading or a clause in a classed `<div>`, "Done at ...", a contents
list at the end of a page) stay the text's.
"""

# ruff: noqa: RUF001  (Cyrillic and CJK letters are the test data)
from __future__ import annotations

import pytest

from compare.ingest import importer as ingest
from compare.ingest.contents import front_contents
from compare.ingest.ruwords import place_nominative
from compare.ingest.sitetalk import page_talk
from compare.model import Declaration


def units(decl: Declaration) -> list[str]:
    return [u.text for u in decl.units()]


def words_kept(source: str, decl: Declaration) -> None:
    """Every word of a plain-text input is in the body, the metadata or the furniture."""
    m = decl.meta
    stored = " ".join([m.title, m.meeting.place, m.meeting.place_written, *decl.furniture,
                       *(p.heading for p in decl.paragraphs), *units(decl)])
    for word in source.split():
        assert word.strip("¹²") in stored, word


BULLETIN = """\
MONTHLY BULLETIN OF THE MINISTRY OF TRANSPORT (sample issue made up for the import tests)
Issue 7 (1 204)                                  Tuesday, 3 April 2190

IN THIS ISSUE

Agreements and declarations
  Termez Declaration on Rail Freight ........................... 2
  Protocol on border stations .. 9
Orders of the Minister
  On the winter timetable ...................................... 11

                                                                     2

TERMEZ DECLARATION OF THE MINISTERS OF TRANSPORT
ON RAIL FREIGHT

The Ministers of Transport met in Termez on 14 March 2190 to review rail freight across the region.

The Ministers note that freight trains wait too long at the border stations.

The Member States will publish one common timetable for freight trains by 2191.
"""


def test_a_contents_list_with_dot_leaders_is_front_matter() -> None:
    decl, _ = ingest.parse_text(BULLETIN, path="bulletin.txt")
    assert decl.meta.title == ("TERMEZ DECLARATION OF THE MINISTERS OF TRANSPORT ON RAIL "
                               "FREIGHT")
    assert decl.meta.meeting.date == "2190-03-14" and decl.meta.meeting.place == "Termez"
    assert [u[:20] for u in units(decl)] == ["The Ministers of Tra", "The Ministers note t",
                                             "The Member States wi"]
    for line in ("IN THIS ISSUE", "Agreements and declarations", "Orders of the Minister",
                 "Protocol on border stations .. 9"):
        assert line in decl.furniture
    assert decl.furniture[0].startswith("MONTHLY BULLETIN")  # the masthead, read as no text
    words_kept(BULLETIN, decl)


def test_a_contents_list_needs_leaders_and_stands_before_the_text() -> None:
    lines = [(n, x) for n, x in enumerate(BULLETIN.split("\n"), 1)]
    text_lines = [(n, " ".join(x.split())) for n, x in lines if x.strip()]
    group: dict[int, int] = {}
    g = 0
    for n, x in lines:
        g += not x.strip()
        if x.strip():
            group[n] = g
    found = front_contents(text_lines, group)
    assert found is not None and text_lines[found.start][1] == "IN THIS ISSUE"
    assert text_lines[found.stop - 1][1].startswith("On the winter timetable")
    one = [(n, x) for n, x in text_lines if "Protocol" not in x and "winter" not in x]
    assert front_contents(one, group) is None  # a single entry with leaders: no list
    at_end = text_lines[12:] + text_lines[2:9]  # the list under the text
    assert front_contents(at_end, group) is None


def test_dotted_lines_inside_a_text_are_no_contents_list() -> None:
    text = ("Joint Statement on Rail Freight\n\nThe Ministers met in Termez on 14 March 2190 "
            "and agreed as follows.\n\n1. The Member States will open two new border "
            "stations.\n\n2. The Member States will publish a common timetable.\n\nFor the "
            "Republic of Uzbekistan ......................\nFor the Kyrgyz Republic "
            "..........................\n")
    decl, _ = ingest.parse_text(text, path="t.txt")
    assert units(decl)[:3] == ["The Ministers met in Termez on 14 March 2190 and agreed as "
                               "follows.", "The Member States will open two new border "
                               "stations.", "The Member States will publish a common "
                               "timetable."]


RECORD = """<html><body><main>
<table class="record">
<tr><th>Title:</th><td>Termez Declaration of the Ministers of Transport of the Member States of
the Shanghai Cooperation Organisation on Rail Freight and Border Stations</td></tr>
<tr><th>Creator:</th><td>Council of Ministers of Transport</td></tr>
<tr><th>Date of meeting:</th><td>14 March 2190</td></tr>
<tr><th>Place:</th><td>Termez</td></tr>
<tr><th>Date accessioned:</th><td>2190-06-01</td></tr>
<tr><th>Held in:</th><td>Transport policy papers</td></tr>
</table>
<h3>Full text</h3>
<p>The Ministers of Transport met in Termez on 14 March 2190 to review rail freight.</p>
<p>The Member States will publish one common timetable for freight trains by 2191.</p>
</main></body></html>"""


def test_a_record_table_keeps_every_labelled_row_out_of_the_body() -> None:
    decl, _ = ingest.parse_html(RECORD.encode(), path="record.html")
    assert decl.meta.title.startswith("Termez Declaration of the Ministers of Transport")
    assert decl.meta.meeting.date == "2190-03-14"  # the meeting's, not the accession's
    assert units(decl) == ["The Ministers of Transport met in Termez on 14 March 2190 to "
                           "review rail freight.", "The Member States will publish one common "
                           "timetable for freight trains by 2191."]
    for text in ("Creator:", "Council of Ministers of Transport", "Date accessioned:",
                 "Held in:", "Transport policy papers"):
        assert text in decl.furniture


def test_a_table_of_unknown_labels_is_no_record() -> None:
    page = ("<html><body><main><h1>Joint Statement on Rail Freight</h1><p>The Ministers met in "
            "Termez on 14 March 2190 and agreed on the figures below.</p><table>"
            "<tr><th>Wagons:</th><td>Four thousand new wagons</td></tr>"
            "<tr><th>Stations:</th><td>Two new border stations</td></tr></table>"
            "<p>The Member States will report on both figures every year.</p></main></body>"
            "</html>")
    decl, _ = ingest.parse_html(page.encode(), path="t.html")
    assert "Four thousand new wagons" in " ".join(units(decl))


NOTES = """<html><body><main>
<h1>Termez Declaration on Rail Freight</h1>
<p>The Ministers of Transport met in Termez on 14 March 2190.<sup><a href="#n1">1</a></sup></p>
<p>The Member States will publish one common timetable for freight trains by 2191.</p>
<p>The Ministers agreed to meet again in Osh in 2192.<sup><a href="#n2">2</a></sup></p>
<h2>Sources</h2>
<ol>
<li id="n1"><a href="#r1">&#8593;</a> Transport Weekly, issue of 20 March 2190.</li>
<li id="n2"><a href="#r2">&#8593;</a> Minutes of the meeting, page 4.</li>
</ol>
</main></body></html>"""


def test_a_notes_list_with_backlinks_under_the_text_is_left_out() -> None:
    decl, _ = ingest.parse_html(NOTES.encode(), path="notes.html")
    assert units(decl) == ["The Ministers of Transport met in Termez on 14 March 2190.",
                           "The Member States will publish one common timetable for freight "
                           "trains by 2191.", "The Ministers agreed to meet again in Osh in "
                           "2192."]
    assert any("Transport Weekly" in x for x in decl.furniture)
    plain = NOTES.replace('<a href="#r1">&#8593;</a> ', "").replace('<a href="#r2">&#8593;'
                                                                     "</a> ", "")
    decl, _ = ingest.parse_html(plain.encode(), path="n.html")  # no backlinks: the marks say it
    assert not any("Minutes" in u for u in units(decl))


def test_items_of_the_text_with_ids_or_in_page_links_stay() -> None:
    page = ("<html><body><main><h1>Termez Declaration on Rail Freight</h1><p>The Member "
            "States will:</p><ol><li id='a1'>open two new border stations;</li><li id='a2'>"
            "publish one common timetable.</li></ol><p>The Ministers agreed to meet again in "
            "2192.</p><ul><li><a href='#a1'>Stations</a></li><li><a href='#a2'>Timetable</a>"
            "</li></ul></main></body></html>")
    decl, _ = ingest.parse_html(page.encode(), path="t.html")
    assert "open two new border stations;" in units(decl)


BOXES = """<html><body><main>
<h1>Termez Declaration on Rail Freight</h1>
<p>The Ministers of Transport met in Termez on 14 March 2190 to review rail freight.</p>
<div class="poll">Readers' poll on this story: yes - 412, no - 37</div>
<p>The Ministers note that freight trains wait too long at the border stations.</p>
<div class="part-title">Part II. Timetables</div>
<p>The Member States will publish one common timetable for freight trains by 2191.</p>
<div class="lead">The Member States will also open two new border stations.</div>
<p>The Ministers agreed to meet again in Osh in 2192 and to invite the rail companies.</p>
<div class="promo-card"><h4>Going by train?</h4><p>Book your seat in two minutes.</p>
<a href="/tickets">Book now</a></div>
<div class="reach"><strong>Write to the ministry</strong> - use the form for letters.</div>
</main></body></html>"""


def test_boxes_set_apart_between_the_paragraphs_are_left_out() -> None:
    decl, _ = ingest.parse_html(BOXES.encode(), path="boxes.html")
    body = units(decl)
    assert body == ["The Ministers of Transport met in Termez on 14 March 2190 to review rail "
                    "freight.", "The Ministers note that freight trains wait too long at the "
                    "border stations.", "The Member States will publish one common timetable "
                    "for freight trains by 2191.", "The Member States will also open two new "
                    "border stations.", "The Ministers agreed to meet again in Osh in 2192 "
                    "and to invite the rail companies."]
    assert any(p.heading == "Part II. Timetables" for p in decl.paragraphs)
    furniture = " ".join(decl.furniture)
    for text in ("Readers' poll on this story", "Book your seat", "Write to the ministry"):
        assert text in furniture


def test_a_closing_in_a_classed_box_stays() -> None:
    page = ("<html><body><main><h1>Termez Declaration on Rail Freight</h1><p>The Member "
            "States will publish one common timetable for freight trains by 2191.</p>"
            "<div class='place-date'><b>Done at Termez</b> on 14 March 2190.</div>"
            "</main></body></html>")
    decl, _ = ingest.parse_html(page.encode(), path="t.html")
    assert units(decl)[-1] == "Done at Termez on 14 March 2190."


def test_a_mobile_pages_app_prompt_is_the_sites_talk() -> None:
    assert page_talk("App内查看高清大图 ›") and page_talk("打开App阅读全文")
    assert page_talk("下载客户端")
    assert not page_talk("成员国将每年交流灌溉用水定额和滴灌推广面积的数据。")
    text = ("铁路货运宣言\n\n各国交通部长于2190年3月14日在铁尔梅兹举行会议。\n\n"
            "在App内查看大图 ›\n\n成员国将于2191年前公布统一的货运列车时刻表。\n")
    decl, _ = ingest.parse_text(text, path="zh.txt")
    assert units(decl) == ["各国交通部长于2190年3月14日在铁尔梅兹举行会议。",
                           "成员国将于2191年前公布统一的货运列车时刻表。"]
    assert "在App内查看大图 ›" in decl.furniture


@pytest.mark.parametrize(("written", "own"), [
    ("Томске", "Томск"), ("Оренбурге", "Оренбург"), ("Белгороде", "Белгород"),
    ("Калининграде", "Калининград"), ("Усть-Каменогорске", "Усть-Каменогорск"),
    ("Астане", "Астане"), ("Уфе", "Уфе"), ("Душанбе", "Душанбе"), ("Бишкек", "Бишкек"),
])
def test_a_russian_place_after_v_in_its_own_form(written: str, own: str) -> None:
    assert place_nominative(written) == own


def test_a_russian_text_names_its_place_as_such() -> None:
    decl, _ = ingest.parse_text(
        "Декларация министров транспорта\n\nМинистры транспорта провели совещание в Томске "
        "14 марта 2190 года.\n\nГосударства-члены будут публиковать общее расписание.\n",
        path="ru.txt")
    assert (decl.meta.meeting.place, decl.meta.meeting.place_written) == ("Tomsk", "Томск")
