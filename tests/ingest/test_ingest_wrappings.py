"""Wrappings of copies of issue 12's kinds met in held-out set 11, each on a small text of our own
(illustrative, invented for these tests): a PDF-to-text copy whose form feeds stand by page
numbers, a banner's tagline over a site's menu, a cover note above the document's own title
(an e-mail, a list post, a chat), a part counter ("(1/2)") of a post split in two, slide
headers repeated over speaker notes, and a Russian database's label lines."""

# ruff: noqa: RUF001  (Cyrillic letters are meant)
from __future__ import annotations

import pytest

from compare.errors import DeclarationError
from compare.ingest import importer as ingest

BODY = ("The Ministers of Fisheries of the Member States met in Aktau on 4 May 2301.\n\n"
        "The Member States will count the sturgeon of the sea together every spring.\n\n")
MORE = ("The Member States will close the spawning rivers to nets in May and June.\n\n"
        "Done at Aktau on 4 May 2301.\n")


def _texts(text: str) -> list[str]:
    decl, _ = ingest.parse_text(text, path="t.txt")
    return [u.text for u in decl.units()]


@pytest.mark.parametrize("between", ["\n                 1\n\f2\n",  # pdftotext
                                     "\n\nhttps://fish.example.org/aktau.html   1/2\n\f\n"])
def test_form_feeds_by_page_numbers_are_page_breaks(between: str) -> None:
    """A form feed at a line's edge with a page number or an "n/N" counter beside it is a
    page break of a PDF or print copy: imported without --page-breaks, as with it."""
    data = f"Aktau Declaration on Sturgeon\n\n{BODY}{between}\n{MORE}".encode()
    text = ingest.read_text(data, "t.txt")
    decl, notices = ingest.parse_text(text, path="t.txt")
    assert [u.text[:20] for u in decl.units()] == [
        "The Ministers of Fis", "The Member States wi", "The Member States wi",
        "Done at Aktau on 4 M"]
    assert any("form feed(s) read as page breaks" in n.message for n in notices)
    with_option, _ = ingest.parse_text(ingest.read_text(data, "t.txt", page_breaks=True),
                                       path="t.txt", page_breaks=True)
    assert with_option == decl


@pytest.mark.parametrize(("between", "where"), [("\n\f", "t.txt:8:1"),  # no page's marks
                                                ("\n2 pa\fge 3\n", "t.txt:8:5")])  # in a line
def test_other_form_feeds_are_still_refused(between: str, where: str) -> None:
    data = f"Aktau Declaration on Sturgeon\n\n{BODY}{between}\n{MORE}".encode()
    with pytest.raises(DeclarationError, match=rf"^{where}: .*U\+000C.*--page-breaks"):
        ingest.read_text(data, "t.txt")


def test_a_banners_tagline_over_the_menu_is_no_start_of_the_text() -> None:
    """A tagline of running words without a full stop over a site's menu is the banner's: the
    text starts at the document's title below it, and the menu goes with the banner."""
    decl, _ = ingest.parse_text(
        "STEPPE HERALD\nRegional news portal for the western districts of the steppe\nNews\n"
        "Sport\nCulture\nKZ | RU | EN\n\nAktau Declaration on Sturgeon\n\n" + BODY + MORE,
        path="t.txt")
    assert decl.meta.title == "Aktau Declaration on Sturgeon"
    assert decl.units()[0].text[:20] == "The Ministers of Fis"
    assert "Regional news portal for the western districts of the steppe" in decl.furniture
    assert {"News", "Sport", "Culture"} <= set(decl.furniture)


@pytest.mark.parametrize("cover", [
    "Dear colleagues,\n\nPlease find below the declaration as it was adopted.\n\nAigerim\n\n",
    "Hello everyone, here is the text as I copied it from the\nbooklet handed out in the "
    "hall. Any typos are mine.\n\n",
    "From: Fisheries Desk <desk@example.org>\nSubject: Aktau text\n\nFYI, the adopted text "
    "below; please pass it on to your teams.\n\n",
])
def test_a_cover_note_above_the_documents_title_is_furniture(cover: str) -> None:
    """A forward's or a post's note to its readers above the document's own title: the text
    starts under the title, the note is left out (kept in the furniture)."""
    decl, _ = ingest.parse_text(cover + "AKTAU DECLARATION OF THE MINISTERS OF FISHERIES\n"
                                "ON STURGEON\n\n" + BODY + MORE, path="t.txt")
    assert decl.meta.title == "AKTAU DECLARATION OF THE MINISTERS OF FISHERIES ON STURGEON"
    assert decl.units()[0].text[:20] == "The Ministers of Fis"
    assert decl.meta.kind == "declaration"
    kept = " ".join(decl.furniture)
    assert all(w in kept for w in ("below", "typos", "FYI") if w in cover)


def test_the_text_above_a_title_inside_it_is_no_cover_note() -> None:
    """Sentences of the text itself (no word to a reader) above a title-like line stay (a
    news lead of up to four lines above a title is another matter: `bounds.title_ahead`)."""
    more = "".join(f"The Member States will mark river {k} on their maps.\n\n" for k in range(4))
    texts = _texts("Aktau Declaration on Sturgeon\n\n" + BODY + more
                   + "Joint Statement on Nets\n\n" + MORE)
    assert texts[0].startswith("The Ministers of Fisheries")


def test_the_counters_of_a_post_split_in_two_are_left_out() -> None:
    """A post forwarded in two messages: "(1/2)" after its title, "(2/2)" over its second
    part are the post's counters, neither in the title nor fused into a paragraph."""
    decl, _ = ingest.parse_text(
        "Fisheries channel\nAktau Declaration on Sturgeon (1/2)\n\n" + BODY.replace(
            "\n\nThe Member", "\n\n(2/2)\nThe Member") + MORE, path="t.txt")
    assert decl.meta.title == "Aktau Declaration on Sturgeon"
    assert [u.text[:14] for u in decl.units()] == ["The Ministers ", "The Member Sta",
                                                   "The Member Sta", "Done at Aktau "]
    assert {"(1/2)", "(2/2)"} <= set(decl.furniture)


def test_a_russian_databases_label_lines_and_rule_are_left_out() -> None:
    """A legal database prints its fields as a label line over a value line (Source, Notes),
    then "Текст документа" over the text, and a rule over its footer at the end: metadata
    and furniture, never clauses."""
    decl, _ = ingest.parse_text(
        "Документ взят из иллюстративной базы для тестирования\nДата сохранения: 01.02.2301\n\n"
        "АКТАУСКАЯ ДЕКЛАРАЦИЯ\nМИНИСТРОВ РЫБНОГО ХОЗЯЙСТВА\n\n(Актау, 4 мая 2301 года)\n\n"
        "Источник публикации\nНе опубликован\n\nПримечание к документу\nТекст взят с сайта "
        "министерства.\n\nТекст документа\n\nМинистры рыбного хозяйства собрались в Актау 4 мая "
        "2301 года и обсудили охрану осетровых рыб.\n\nГосударства будут вместе считать осетров "
        "каждую весну.\n\n------------------------------\nДокумент взят из иллюстративной базы  "
        "Дата сохранения: 01.02.2301\n", path="t.txt")
    assert [u.text[:10] for u in decl.units()] == ["Министры р", "Государств"]
    assert {"Примечание к документу", "Текст документа", "------------------------------"} <= (
        set(decl.furniture))
    assert not decl.meta.truncated


def test_a_slide_decks_slides_over_its_notes_are_furniture() -> None:
    """Notes pages of a deck: each slide (number, title, bullets) over its speaker notes; the
    text runs through the notes across the slides, page digits between."""
    decl, _ = ingest.parse_text(
        "Slide 1\nSturgeon talks\nNotes:\nAktau Declaration on Sturgeon\n\n"
        "The Ministers of Fisheries of the Member States met in Aktau on 4 May 2301.\n1\n\n"
        "Slide 2\nCounts (1/2)\n\u2022 Spring count\nNotes:\nThe Member States will count the "
        "sturgeon of the sea together every spring.\n2\n\nSlide 3\nCounts (2/2)\n\u2022 Nets\n"
        "Notes:\n" + MORE + "3\n\nSlide 4\nQuestions?\n4\n", path="t.txt")
    assert decl.meta.title == "Aktau Declaration on Sturgeon"
    assert [u.text[:20] for u in decl.units()] == [
        "The Ministers of Fis", "The Member States wi", "The Member States wi",
        "Done at Aktau on 4 M"]
    assert {"Slide 3", "Counts (2/2)", "\u2022 Nets", "Questions?"} <= set(decl.furniture)


def test_a_chinese_text_after_a_caption_runs_on() -> None:
    """Chinese running text has no spaces: after a caption under its first paragraph its
    lines still count as running text (two characters a word), so the text goes on; an
    editor's note to the readers above it is the page's; "……日订于……。" closes the text."""
    paragraphs = ["成员国渔业部长于2301年5月4日在阿克套举行会议，"
                  "讨论里海鲟鱼的保护与联合调查问题。",
                  "各成员国将每年春季共同开展鲟鱼数量调查，并互相通报调查结果和禁渔措施。",
                  "各方同意在五月和六月禁止在鲟鱼产卵河流使用渔网，并加强边境水域的联合巡查。",
                  "各成员国渔业部门将交换鲟鱼人工繁殖的经验，并共同培训水产养殖技术人员。",
                  "各方同意建立鲟鱼保护信息交换机制，每季度通报非法捕捞案件和查处情况。",
                  "部长们商定下次会议于2303年在阿斯特拉罕举行，届时审议联合调查的初步结果。"]
    decl, _ = ingest.parse_text(
        "成员国渔业部长阿克套宣言\n\n编者按：会议昨日闭幕，小编为大家整理了宣言全文，欢迎转发。\n\n"
        f"{paragraphs[0]}\n\n图片来源：示例图库\n\n" + "\n\n".join(paragraphs[1:])
        + "\n\n2301年5月4日订于阿克套。\n\n阅读 120\n", path="t.txt")
    assert [u.text for u in decl.units()] == [*paragraphs, "2301年5月4日订于阿克套。"]
    assert any(x.startswith("编者按") for x in decl.furniture)


def test_a_note_of_the_text_under_the_title_stays() -> None:
    """A translator's note about the text's words speaks to no reader: it stays the text's."""
    texts = _texts("Aktau Declaration on Sturgeon\n\nTranslator's note: the names of the rivers "
                   "are given as the original spells them.\n\n" + BODY + MORE)
    assert texts[0].startswith("Translator's note")


def _column(text: str, width: int = 34) -> str:
    """`text` hard-wrapped to a narrow column, as a booklet printed to PDF sets it."""
    import textwrap

    return "\n".join(textwrap.wrap(text, width))


def test_a_narrow_column_runs_on_across_a_page_break() -> None:
    """A PDF copy in a narrow column: the footer note on the copy and the page digit at the
    foot of page 1, the title shortened as a running head at the top of page 2, short last
    lines of paragraphs; the text runs on to its end."""
    paras = ["The Ministers of Fisheries of the Member States met in Aktau on 4 May 2301 to "
             "discuss the sturgeon of the sea.",
             "The Member States will count the sturgeon of the sea together every spring.",
             "Observers of the Caspian Research Institute took part in the meeting as guests.",
             "The Member States will close the spawning rivers to nets in May and June.",
             "Done at Aktau on 4 May 2301 in one original copy."]
    page_one = "\n\n".join(_column(p) for p in paras[:2])
    page_two = "\n\n".join(_column(p) for p in paras[2:])
    text = ("AKTAU DECLARATION OF THE MINISTERS\nOF FISHERIES ON THE STURGEON\nOF THE SEA\n\n"
            f"{page_one}\n\nSample booklet page for software\ntesting; not an official text.\n"
            f"                  1\n\f2\n      Aktau Declaration on the Sturgeon\n\n{page_two}\n")
    decl, _ = ingest.parse_text(ingest.read_text(text.encode(), "t.txt"), path="t.txt")
    assert [u.text for u in decl.units()] == paras
    assert "Aktau Declaration on the Sturgeon" in decl.furniture
    assert "testing; not an official text." in decl.furniture


def test_a_scans_speck_after_a_full_stop_ends_nothing() -> None:
    """An OCR copy's block ("\u25a0") after a sentence's stop is noise, not a widget's icon:
    the paragraph is the text's and the text goes on after the fax header under it."""
    texts = _texts("AKTAU DECLARATION ON STURGEON\n\n" + BODY + "The Member States will "
                   "train their river inspectors together. \u25a0\n\n"
                   "MAY-06-2301 10:15 FROM:FISH DESK P.02/02\n\nThe Member States will mark the "
                   "spawning rivers on their maps and tell the fishermen of them.\n\n" + MORE)
    assert [t[:24] for t in texts] == [
        "The Ministers of Fisheri", "The Member States will c", "The Member States will t",
        "The Member States will m", "The Member States will c", "Done at Aktau on 4 May 2"]


def test_a_parallel_tables_header_of_language_labels_and_its_title_row() -> None:
    """A two-column table copied as tab-separated rows under a header row of language labels
    ("Русский текст<tab>English text"): the header is furniture, and the English title cell of
    the title row is the title (its Russian cell, on the same line, goes with the furniture)."""
    rows = [("Актауская декларация министров рыбного хозяйства об осетрах",
             "Aktau Declaration of the Ministers of Fisheries on Sturgeon"),
            ("Министры рыбного хозяйства собрались в Актау 4 мая 2301 года.",
             "The Ministers of Fisheries met in Aktau on 4 May 2301."),
            ("Государства будут вместе считать осетров каждую весну.",
             "The Member States will count the sturgeon together every spring."),
            ("Совершено в Актау 4 мая 2301 года.", "Done at Aktau on 4 May 2301.")]
    decl, _ = ingest.parse_text("Министерство (иллюстративный сайт)\nРусский текст\tEnglish text\n"
                                + "".join(f"{ru}\t{en}\n" for ru, en in rows), path="t.txt")
    assert decl.meta.title == rows[0][1]
    assert decl.meta.kind == "declaration"
    assert "Русский текст English text" in decl.furniture
    assert rows[0][0] in decl.furniture


@pytest.mark.parametrize(("said", "place"), [("в Омске", "Omsk"), ("в Оренбурге", "Orenburg"),
                                             ("в Бишкеке", "Bishkek")])
def test_a_russian_place_after_v_is_named_in_the_nominative(said: str, place: str) -> None:
    decl, _ = ingest.parse_text(f"Декларация министров\n\nМинистры собрались {said} 4 мая 2301 "
                                "года и обсудили охрану рек.\n\nГосударства будут вместе "
                                "охранять реки региона.\n", path="t.txt")
    assert decl.meta.meeting.place == place


def test_a_databases_record_fields_are_metadata_not_clauses() -> None:
    """A document database's record prints its fields under the title ("Document type:",
    "Subjects:", "Language of the copy:"): labelled header fields, none of them a clause."""
    page = (b"<html><body><h1>Aktau Declaration on Sturgeon</h1>"
            b"<p><b>Document type:</b> Declaration</p><p><b>Subjects:</b> Fisheries; Rivers</p>"
            b"<p><b>Language of the copy:</b> English (unofficial)</p>"
            b"<p>The Ministers of Fisheries of the Member States met in Aktau on 4 May 2301.</p>"
            b"<p>The Member States will count the sturgeon of the sea together every spring.</p>"
            b"<p>Done at Aktau on 4 May 2301.</p></body></html>")
    decl, _ = ingest.parse_html(page, path="t.html")
    assert [u.text[:14] for u in decl.units()] == ["The Ministers ", "The Member Sta",
                                                   "Done at Aktau "]
    assert "Language of the copy: English (unofficial)" in decl.furniture
