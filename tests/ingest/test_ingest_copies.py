"""Copies of issue 12's kinds met in held-out set 11, each on a small text of our own
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
