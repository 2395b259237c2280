"""HTML layouts behind the misses of held-out sets 10 and 12 (issue 12), each on a short page
written here (illustrative text, not the held-out pages): a table setting the text beside a
number and a commentary column, an index of other documents above the text, tooltips inside
paragraphs, a pull quote and an author box named with hyphens, a page section after the
document outranking its title, a second document on the page, and a word processor's list
paragraphs."""

# ruff: noqa: RUF001  (CJK punctuation and typographic quotes are the test data)
from __future__ import annotations

from compare.ingest import importer as ingest
from compare.model import Declaration


def texts(decl: Declaration) -> list[str]:
    return [p.text for p in decl.paragraphs]


def _page(body: str) -> bytes:
    return (f"<html><head><title>Sample</title></head><body>{body}"
            "</body></html>").encode()


SENTENCES = [
    "The Ministers of Water Resources met in Samarkand on 3 March 2190 and adopted this text.",
    "The Member States will measure the flow of shared rivers at the same stations each month.",
    "The Member States will publish the measurements on a common site within ten days.",
    "The Ministers agreed to meet again in the autumn of 2191 in another Member State.",
]


def test_table_with_number_and_commentary_columns_reads_as_the_text() -> None:
    rows = "".join(f"<tr><td>{i}.</td><td>{s}</td><td><a href='#'>{i} votes</a></td></tr>"
                   for i, s in enumerate(SENTENCES, 1))
    page = _page("<main><h1>Samarkand Statement of the Ministers of Water Resources</h1>"
                 "<table><tr><th>Item</th><th>Wording</th><th>Readers</th></tr>"
                 f"{rows}</table></main>")
    decl, notices = ingest.parse_html(page, path="t.html")
    assert texts(decl) == SENTENCES
    assert [p.number for p in decl.paragraphs] == ["1.", "2.", "3.", "4."]
    assert {"Item", "Wording", "Readers", "1 votes", "4 votes"} <= set(decl.furniture)
    assert any("text column" in n.message for n in notices)


def test_table_of_two_text_columns_is_not_read_as_one() -> None:
    rows = "".join(f"<tr><td>{s}</td><td>{s.upper()}</td></tr>" for s in SENTENCES)
    page = _page(f"<main><h1>Statement on Rivers</h1><table>{rows}</table></main>")
    decl, _ = ingest.parse_html(page, path="t.html")
    assert any(s.upper() in t for t in texts(decl) for s in SENTENCES)


def test_index_of_other_documents_above_the_text_is_left_out() -> None:
    index = "".join(f"<tr><td>0{i}.05.2190</td><td>{t}</td><td>Open</td></tr>" for i, t in
                    enumerate(["Joint Communiqué of the meeting of transport ministers",
                               "Statement on the protection of wetlands",
                               "Declaration on a common museum pass",
                               "Memorandum on exchanges of young diplomats"], 1))
    page = _page(f"<main><h1>Archive</h1><table>{index}</table><hr>"
                 "<h2>Statement of the Ministers of Water Resources on Shared Rivers</h2>"
                 + "".join(f"<p>{s}</p>" for s in SENTENCES) + "</main>")
    decl, notices = ingest.parse_html(page, path="t.html")
    assert texts(decl) == SENTENCES
    assert "Declaration on a common museum pass" in decl.furniture
    assert any("other documents" in n.message for n in notices)


def test_tooltip_inside_a_paragraph_is_left_out() -> None:
    page = _page("<main><h1>Statement on Rivers</h1><p>The Member States will clean the "
                 "<span class='term'>oxbow lakes<span class='t' role='tooltip'>An oxbow lake "
                 "is a bend of a river cut off from it.</span></span> along the river.</p>"
                 + "".join(f"<p>{s}</p>" for s in SENTENCES[1:]) + "</main>")
    decl, _ = ingest.parse_html(page, path="t.html")
    assert texts(decl)[0] == "The Member States will clean the oxbow lakes along the river."
    assert "An oxbow lake is a bend of a river cut off from it." in decl.furniture


def test_classes_written_with_hyphens_name_furniture_too() -> None:
    page = _page("<main><h1>Statement on Rivers</h1>" + f"<p>{SENTENCES[0]}</p>"
                 "<div class='pull-quote'>“A river counted is a river kept.”</div>"
                 + "".join(f"<p>{s}</p>" for s in SENTENCES[1:])
                 + "<div class='cite-box'><h4>How to cite</h4><p>Sample, R. (2190) "
                   "Counting rivers, Institute of Water Studies.</p></div>"
                   "<div class='author-box'><p>Ruslan Sample writes on water for the "
                   "institute and teaches hydrology.</p></div></main>")
    decl, _ = ingest.parse_html(page, path="t.html")
    assert texts(decl) == SENTENCES
    assert "“A river counted is a river kept.”" in decl.furniture


def test_section_outranking_the_documents_title_ends_the_text() -> None:
    page = _page("<main><h1>Counting rivers: a reading of the Samarkand statement</h1>"
                 "<p>Water statistics rarely make the news, yet they matter to every farmer.</p>"
                 "<h2>The text</h2><div class='full'>"
                 "<h3>Samarkand Statement of the Ministers of Water Resources</h3>"
                 + "".join(f"<p>{s}</p>" for s in SENTENCES)
                 + "</div><h2>What we think</h2><p>The monthly measurements are the real gain "
                   "of this meeting, if the stations get the money they need.</p>"
                   "<h3>Part II</h3><p>More of the page's own views follow here in a sentence.</p>"
                   "</main>")
    decl, notices = ingest.parse_html(page, path="t.html")
    assert decl.meta.title == "Samarkand Statement of the Ministers of Water Resources"
    assert texts(decl) == SENTENCES
    assert "What we think" in decl.furniture
    assert any("What we think" in n.message for n in notices)


def test_annex_heading_does_not_end_the_text() -> None:
    page = _page("<main><h2>Samarkand Statement of the Ministers of Water Resources</h2>"
                 + "".join(f"<p>{s}</p>" for s in SENTENCES[:2])
                 + "<h1>Annex</h1>" + "".join(f"<p>{s}</p>" for s in SENTENCES[2:]) + "</main>")
    decl, _ = ingest.parse_html(page, path="t.html")
    assert texts(decl)[-2:] == SENTENCES[2:]


def test_second_document_on_the_page_is_left_out() -> None:
    page = _page("<main><h1>Documents of the meeting</h1><article>"
                 "<h2>Samarkand Statement of the Ministers of Water Resources</h2>"
                 + "".join(f"<p>{s}</p>" for s in SENTENCES) + "</article><article>"
                 "<h2>Joint Communiqué of the Ministers of Water Resources on Glaciers</h2>"
                 "<p>The Ministers noted that the glaciers of the region lose ice each year.</p>"
                 "</article></main>")
    decl, _ = ingest.parse_html(page, path="t.html")
    assert texts(decl) == SENTENCES
    assert ("The Ministers noted that the glaciers of the region lose ice each year."
            in decl.furniture)


def _word_item(marker: str, font: str, text: str) -> str:
    return (f"<p class=MsoListParagraph style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'>"
            f"<span style='font-family:{font}'><span style='mso-list:Ignore'>{marker}"
            "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span>"
            f"</span><span>{text}</span></p>")


def test_word_list_paragraphs_are_items_without_their_glyphs() -> None:
    items = ["share river flow data every month;", "train the staff of the stations together;",
             "publish a yearly report."]
    page = _page("<div class=WordSection1><p class=MsoTitle>Statement of the Ministers of "
                 "Water Resources</p><p class=MsoNormal>The Ministers of Water Resources, "
                 "meeting in Samarkand, agreed that the Member States will:</p>"
                 + "".join(_word_item("·", "Symbol", t) for t in items)
                 + f"<p class=MsoNormal>{SENTENCES[3]}</p></div>")
    decl, _ = ingest.parse_html(page, path="t.html")
    found = [i.text for p in decl.paragraphs for i in p.items]
    assert found == items
    marks = [i.number for p in decl.paragraphs for i in p.items]
    assert marks == ["-"] * 3  # a bullet, not the symbol font's letter for it
    assert not any("·" in t for t in texts(decl))


def test_word_numbered_list_paragraphs_keep_their_numbers() -> None:
    page = _page("<div class=WordSection1><p class=MsoTitle>Statement of the Ministers of "
                 "Water Resources</p>"
                 + "".join(_word_item(f"{i}.", "Calibri", s) for i, s in enumerate(SENTENCES, 1))
                 + "</div>")
    decl, _ = ingest.parse_html(page, path="t.html")
    assert texts(decl) == SENTENCES
    assert [p.number for p in decl.paragraphs] == ["1.", "2.", "3.", "4."]


def test_text_outside_the_chosen_content_is_kept_in_the_furniture() -> None:
    page = _page("<div id='siteNotice'><p>This archive moves to a new server on Friday "
                 "evening, so pages may be slow.</p></div><div id='content'>"
                 "<h1>Samarkand Statement of the Ministers of Water Resources</h1>"
                 + "".join(f"<p>{s}</p>" for s in SENTENCES) + "</div>"
                 "<div class='printfooter'>Retrieved from the <b>archive</b> today</div>")
    decl, _ = ingest.parse_html(page, path="t.html")
    assert texts(decl) == SENTENCES
    assert ("This archive moves to a new server on Friday evening, so pages may be slow."
            in decl.furniture)
    assert "Retrieved from the archive today" in decl.furniture


def test_gallery_counters_between_paragraphs_are_furniture() -> None:
    body = "".join(f"<p>{s}</p><div class='n'>{i}/4</div>" for i, s in enumerate(SENTENCES, 1))
    page = _page("<main><h1>Samarkand Statement of the Ministers of Water Resources</h1>"
                 f"{body}<p>The share of shared rivers measured rose to <span>2/3</span> of "
                 "them this year.</p></main>")
    decl, _ = ingest.parse_html(page, path="t.html")
    assert texts(decl)[:4] == SENTENCES
    assert {"1/4", "2/4", "4/4"} <= set(decl.furniture)
    assert "2/3" in texts(decl)[-1]


def test_a_note_saying_what_is_not_part_of_the_text_is_furniture() -> None:
    from compare.ingest.sitetalk import copy_note

    note = "Readers' notes are added by members and are not part of the declaration."
    page = _page("<main><h1>Samarkand Statement of the Ministers of Water Resources</h1>"
                 + "".join(f"<p>{s}</p>" for s in SENTENCES) + f"<p>{note}</p></main>")
    decl, _ = ingest.parse_html(page, path="t.html")
    assert texts(decl) == SENTENCES and note in decl.furniture
    assert copy_note("Примечания не являются частью декларации.")
    assert not copy_note("The Ministers note that the annex is part of the declaration.")


def test_short_chinese_sentence_with_a_year_is_no_date_line() -> None:
    from compare.ingest.signals import furniture_like

    assert not furniture_like("各方同意，第二次会议于2191年举行。", False, False)
    assert furniture_like("2190年3月3日", False, False)  # a date alone stays furniture
    page = ("<main><h1>上海合作组织成员国水利部长撒马尔罕声明</h1>"
            "<p>上海合作组织成员国水利部长于2190年3月3日在撒马尔罕举行会议。</p>"
            "<p>各方将在同一水文站每月测量跨界河流的流量，并在十日内公布结果。</p>"
            "<p>各方同意，第二次会议于2191年举行。</p>"
            "<p>编辑：示例</p></main>").encode()
    decl, _ = ingest.parse_html(page, path="t.html")
    assert texts(decl)[-1] == "各方同意，第二次会议于2191年举行。"


def test_a_higher_heading_inside_the_documents_own_box_does_not_end_it() -> None:
    page = _page("<main><div class='doc'>"
                 "<h3>Samarkand Statement of the Ministers of Water Resources</h3>"
                 + "".join(f"<p>{s}</p>" for s in SENTENCES[:2])
                 + "<h2>Measurements</h2>" + "".join(f"<p>{s}</p>" for s in SENTENCES[2:])
                 + "</div></main>")
    decl, _ = ingest.parse_html(page, path="t.html")
    assert texts(decl)[-2:] == SENTENCES[2:]
