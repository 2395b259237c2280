"""The importer on inputs shaped like real sources (compare.ingest: layout, html, preamble).

Each input under tests/data/import/realistic/ imitates the STRUCTURE of a kind of real source
(a CMS page, an old table-layout site, a cp1251 or GBK page, text copied from a PDF or a web
page...) with illustrative text written for these tests. Beside each input, `NAME.words` holds
what a reader sees as the document: its title on the first line, then the body text (no
paragraph numbers or list markers). Three checks per input: the key facts below, the words
(none lost, none added, same order) and a reviewed golden outline under
tests/golden/import/realistic/.
"""

# ruff: noqa: RUF001, RUF003  (Cyrillic, CJK punctuation and typographic quotes are the test data)
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_ingest import outline

from compare.errors import DeclarationError
from compare.ingest import importer as ingest
from compare.ingest.segment import CJK_LANGUAGES, base_language
from compare.model import Declaration

DATA = Path(__file__).resolve().parents[1] / "data" / "import" / "realistic"


@dataclass(frozen=True)
class Expect:
    """What a careful reader of the source would record."""

    title: str
    paragraphs: int
    items: int
    sentences: int
    date: str
    place: str
    parties: tuple[str, ...]
    language: str = "en"
    options: dict[str, object] = field(default_factory=dict)


CASES: dict[str, Expect] = {
    "cms-article.html": Expect("Joint Statement on Transport Corridors", 5, 0, 7, "2011-06-15",
                               "Astana", ("KZ", "KG", "UZ")),
    "footnotes.html": Expect("Joint Communiqué on Water Resources", 4, 3, 8, "2009-09-02",
                             "Dushanbe", ("TJ", "UZ")),
    "spacers.html": Expect("DECLARATION of the Heads of State on Regional Security", 6, 2, 8,
                           "2006-06-14", "Shanghai", ("KZ", "CN", "RU")),
    "table-layout.html": Expect("JOINT DECLARATION ON COOPERATION IN AGRICULTURE", 4, 3, 8,
                                "2005-07-19", "Moscow", ("RU", "TJ", "KG")),
    "div-paragraphs.html": Expect("Statement of the Council of Ministers on Youth Exchanges", 4, 2,
                                  7, "2013-05-16", "Cholpon-Ata", ()),
    "ol-numbered.html": Expect("Tashkent Declaration of the Heads of Member States", 6, 5, 13,
                               "2010-06-11", "Tashkent", ()),
    "ru-cp1251.html": Expect("Совместное заявление министров иностранных дел", 4, 2, 7,
                             "2007-08-16", "Bishkek", ("KZ", "KG", "RU"), "ru"),
    "zh-gb2312.html": Expect("中华人民共和国和吉尔吉斯共和国联合声明", 4, 2, 7, "2007-08-16",
                             "Bishkek", ("CN", "KG"), "zh"),
    "pdf-hyphen.txt": Expect(
        "JOINT STATEMENT OF THE MINISTERS OF ENERGY ON REGIONAL ENERGY COOPERATION", 5, 3, 10,
        "2012-09-22", "Samarkand", ("KZ", "RU", "UZ")),
    "pdf-formfeed.txt": Expect("Illustrative Memorandum on Customs Cooperation", 6, 0, 6,
                               "2014-03-03", "Osh", ("KG", "TJ"),
                               options={"page_breaks": True}),
    "web-copy.txt": Expect(
        "Joint Communiqué following the meeting of the Council of Heads of Government", 6, 2, 9,
        "2008-11-14", "Astana", ("KZ", "CN", "KG", "RU", "TJ", "UZ")),
    "numbered-subitems.txt": Expect("REGULATIONS ON THE BUSINESS COUNCIL (ILLUSTRATIVE)", 26, 3,
                                    30, "2009-06-15", "Yekaterinburg", ()),
    "roman-sections.txt": Expect("TREATY OF GOOD-NEIGHBOURLINESS (ILLUSTRATIVE TEXT)", 7, 0, 7,
                                 "2007-08-16", "Bishkek", ("KZ", "CN")),
    "russian-text.txt": Expect(
        "СОВМЕСТНОЕ ЗАЯВЛЕНИЕ министров культуры государств – членов Организации", 5, 3, 9,
        "2007-08-16", "Bishkek", ("KZ", "CN", "KG", "RU"), "ru"),
    "chinese-text.txt": Expect("中华人民共和国和塔吉克斯坦共和国关于加强文化合作的联合声明", 4,
                               3, 8, "2007-08-16", "Bishkek", ("CN", "TJ"), "zh"),
    "cp1252-quotes.txt": Expect("Joint Press Statement", 3, 0, 3, "2015-04-28", "Dushanbe",
                                ("TJ", "PK"), options={"encoding": "cp1252"}),
}


def load(name: str) -> tuple[Declaration, list[ingest.Notice]]:
    return ingest.import_file(str(DATA / name), **CASES[name].options)  # type: ignore[arg-type]


Facts = tuple[str, int, int, int, str, str, tuple[str, ...], str]


def expected_facts(e: Expect) -> Facts:
    return (e.title, e.paragraphs, e.items, e.sentences, e.date, e.place, e.parties, e.language)


def facts(decl: Declaration) -> Facts:
    """The same record, read from an import."""
    m = decl.meta
    return (m.title, len(decl.paragraphs), sum(len(p.items) for p in decl.paragraphs),
            len(decl.sentences()), m.meeting.date, m.meeting.place,
            tuple(p.code for p in m.parties), m.language)


def tokens(text: str, language: str) -> list[str]:
    """Words, or characters for Chinese and Japanese (no spaces between words)."""
    if base_language(language) in CJK_LANGUAGES:
        return [ch for ch in text if not ch.isspace()]
    return text.split()


def expected_words(name: str) -> list[str]:
    text = (DATA / f"{name}.words").read_text(encoding="utf-8")
    return tokens(text, CASES[name].language)


def stored_words(decl: Declaration) -> list[str]:
    """The title, then each paragraph's heading and sentences, in order."""
    texts = [decl.meta.title]
    for p in decl.paragraphs:
        heading = re.sub(r"^(?:[IVXLC]+|\d+)\.\s+", "", p.heading)  # .words have no numbers
        texts += [heading, *(s.text for s in p.sentences)]
        texts += [s.text for it in p.items for s in it.sentences]
    return tokens(" ".join(texts), decl.meta.language)


def furniture_words(decl: Declaration) -> list[str]:
    return tokens(" ".join(decl.furniture), decl.meta.language)


def word_changes(expected: list[str], stored: list[str]) -> tuple[list[str], list[str]]:
    """(lost, added): words of the source missing from the import, and words it invented."""
    lost: list[str] = []
    added: list[str] = []
    matcher = difflib.SequenceMatcher(None, expected, stored, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op != "equal":
            lost += expected[a1:a2]
            added += stored[b1:b2]
    return lost, added


# --- every case: facts, words, golden outline ------------------------------------------------


@pytest.mark.parametrize("name", sorted(CASES))
def test_key_facts(name: str) -> None:
    decl, _ = load(name)
    assert facts(decl) == expected_facts(CASES[name])


@pytest.mark.parametrize("name", sorted(CASES))
def test_no_word_lost_or_added(name: str) -> None:
    """Every word a reader sees is in the body in order, or kept in the left-out furniture."""
    decl, _ = load(name)
    lost, added = word_changes(expected_words(name), stored_words(decl))
    spare = furniture_words(decl)
    for word in lost:
        assert word in spare, word
        spare.remove(word)
    assert added == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_outline(name: str, golden) -> None:
    decl, notices = load(name)
    golden(f"import/realistic/{name}.outline", outline(decl, notices))


def test_cases_cover_every_input() -> None:
    inputs = {p.name for p in DATA.iterdir() if not p.name.endswith(".words")}
    assert inputs == set(CASES)


# --- page furniture, hidden and script content never reach the text --------------------------


def test_cms_page_furniture_is_left_out_and_reported() -> None:
    decl, notices = load("cms-article.html")
    text = ingest.to_text(decl)
    for absent in ("cookies", "Skip to", "Search", "Home", "Facebook", "Print", "Draft note",
                   "empty paragraph", "Click to enlarge", "run a script", "JavaScript",
                   "template paragraph", "screen readers", "Tags", "Related", "archive",
                   "rights reserved", "Views", "old draft", "track visitors"):
        assert absent not in text, absent
    (note,) = [n for n in notices if "page element(s)" in n.message]
    for kind in ("cookie", "breadcrumbs", "share", "hidden", "page header", "meta"):
        assert kind in note.message


def test_article_header_keeps_its_title_but_a_page_header_goes() -> None:
    page = (b"<html><body><header><h1>Ministry</h1><p>Motto of the ministry.</p></header>"
            b"<article><header><h1>Joint Statement</h1></header><p>The states agree.</p>"
            b"</article></body></html>")
    decl, _ = ingest.parse_html(page, path="p.html")
    assert decl.meta.title == "Joint Statement"
    assert [p.text for p in decl.paragraphs] == ["The states agree."]


@pytest.mark.parametrize("hidden", ['hidden', 'aria-hidden="true"', 'style="display: none"',
                                    'style="visibility:hidden"', 'class="sr-only"'])
def test_hidden_elements_are_skipped(hidden: str) -> None:
    page = f"<html><body><main><p>The states agree.</p><p {hidden}>Secret.</p></main></body>"
    decl, _ = ingest.parse_html(page.encode(), path="p.html")
    assert [p.text for p in decl.paragraphs] == ["The states agree."]


def test_selected_element_is_kept_whatever_its_class() -> None:
    page = (b"<html><body><main><p>Main text.</p></main><div class='sidebar'><p>Side text.</p>"
            b"<div class='share'>Share</div></div></body></html>")
    decl, _ = ingest.parse_html(page, path="p.html", select=".sidebar")
    assert [p.text for p in decl.paragraphs] == ["Side text."]


def test_footnote_markers_and_section_are_reported_not_imported() -> None:
    decl, notices = load("footnotes.html")
    text = ingest.to_text(decl)
    assert "Uzbekistan (hereinafter" in text and "of 1998 and" in text and "year;" in text
    assert "Not published" not in text and "available funds" not in text
    messages = [n.message for n in notices]
    assert "footnotes section left out" in messages
    assert any("'1' (line 10), '2' (line 11), '[3]' (line 11), '*'" in m for m in messages)


def test_superscript_without_footnotes_is_text() -> None:
    page = b"<html><body><p>An area of 20 km<sup>2</sup> is protected.</p></body></html>"
    decl, _ = ingest.parse_html(page, path="p.html")
    assert decl.paragraphs[0].text == "An area of 20 km2 is protected."


# --- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize(("head", "codec"), [
    (b'<meta charset="windows-1251">', "windows-1251"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "gb18030"),
    (b"<meta charset=GBK>", "gb18030"),
    (b'<meta http-equiv="content-type" content="text/html; charset=ISO-8859-1">', "cp1252"),
    (b'<?xml version="1.0" encoding="koi8-r"?>', "koi8-r"),
    (b'<meta charset="utf-8">', None),
    (b'<meta charset="no-such-charset">', None),
    (b"<p>no declaration</p>", None),
    (b'\xef\xbb\xbf<meta charset="windows-1251">', None),  # a byte-order mark wins
])
def test_declared_charset(head: bytes, codec: str | None) -> None:
    from compare.ingest.html_source import declared_charset

    assert declared_charset(head + b"<html><body><p>x</p></body></html>") == codec


def test_page_is_decoded_by_its_declared_charset_and_encoding_overrides() -> None:
    decl, notices = load("zh-gb2312.html")
    assert "二〇〇七年八月十六日于比什凯克" in decl.furniture  # 〇 is GBK, not GB 2312 (a dateline)
    assert decl.meta.meeting.date == "2007-08-16"
    assert any("decoded as gb18030" in n.message for n in notices)
    with pytest.raises(DeclarationError, match="invalid utf-8"):
        ingest.import_file(str(DATA / "ru-cp1251.html"), encoding="utf-8")
    page = '<meta charset="windows-1251"><p>Стороны согласны.</p>'.encode()
    decl, notices = ingest.parse_html(page, path="p.html", encoding="utf-8")
    assert decl.paragraphs[0].text == "Стороны согласны."
    assert not any("decoded as" in n.message for n in notices)


# --- HTML shapes -----------------------------------------------------------------------------


def test_br_separated_text_in_a_cell_is_read_line_by_line() -> None:
    page = (b"<table><tr><td><a href='/'>Home</a><br><a href='/n'>News</a></td><td>"
            b"<b>TITLE OF THE TEXT</b><br><br>First paragraph, which goes\non.<br>"
            b"Second paragraph:<br>- one;<br>- two.<br><br>Third.</td></tr></table>")
    decl, _ = ingest.parse_html(page, path="p.html")
    assert decl.meta.title == "TITLE OF THE TEXT"
    assert [p.text for p in decl.paragraphs] == ["First paragraph, which goes on.",
                                                 "Second paragraph:", "Third."]
    assert [i.text for i in decl.paragraphs[1].items] == ["one;", "two."]


def test_ol_of_short_items_stays_a_list() -> None:
    page = b"<main><p>They will:</p><ol><li>trade;</li><li>travel.</li></ol></main>"
    decl, _ = ingest.parse_html(page, path="p.html")
    assert [(i.number, i.text) for i in decl.paragraphs[0].items] == [("1)", "trade;"),
                                                                      ("2)", "travel.")]


def test_spacers_and_indents_are_layout() -> None:
    page = ("<main><p>&nbsp;</p><p>\u3000\u3000一、双方同意。</p><p> &nbsp; </p>"
            "<p>* * *</p><p>二、双方支持。&nbsp;</p></main>").encode()
    decl, notices = ingest.parse_html(page, path="p.html")
    assert [(p.number, p.text) for p in decl.paragraphs] == [("一、", "双方同意。"),
                                                             ("二、", "双方支持。")]
    assert any("without letters or digits left out: '* * *'" in n.message for n in notices)


# --- text copied from a PDF ------------------------------------------------------------------


def test_form_feed_refused_by_default_with_its_location(tmp_path: Path) -> None:
    """A form feed with no page's marks by it (no page number, no "n/N" counter) is refused
    with its place and the hint (RELIABILITY T4)."""
    bare = tmp_path / "bare.txt"
    bare.write_text("\n".join(x for x in (DATA / "pdf-formfeed.txt").read_text(
        encoding="utf-8").split("\n") if not x.strip().isdigit()), encoding="utf-8")
    with pytest.raises(DeclarationError) as info:
        ingest.import_file(str(bare))
    assert str(info.value).startswith(f"{bare}:12:1: a control character U+000C")
    assert "--page-breaks" in str(info.value)


def test_form_feeds_with_page_numbers_by_them_are_page_breaks() -> None:
    """The PDF copy prints page numbers by its form feeds: they are page breaks without the
    option, read as --page-breaks reads them."""
    plain, notices = ingest.import_file(str(DATA / "pdf-formfeed.txt"))
    paged, _ = ingest.import_file(str(DATA / "pdf-formfeed.txt"), page_breaks=True)
    assert plain == paged
    assert any("form feed(s) read as page breaks" in n.message for n in notices)


def test_cli_page_breaks_option(capsys) -> None:
    from compare.cli import main

    assert main(["import", str(DATA / "pdf-formfeed.txt")]) == 0
    capsys.readouterr()
    assert main(["import", str(DATA / "pdf-formfeed.txt"), "--page-breaks"]) == 0
    out, err = capsys.readouterr()
    assert "form feed(s) read as page breaks" in err and "<paragraph" in out


def parse(text: str) -> tuple[Declaration, list[ingest.Notice]]:
    return ingest.parse_text(text, path="t.txt")


WIDE = "The ministers of energy of the member states of the Organization note that\n"


def test_line_end_hyphens_are_joined_with_a_notice_each() -> None:
    decl, notices = parse(f"T\n\n{WIDE}energy coop-\neration and long-term plans for the\n"
                          "long-\nterm and for the Asia-\nPacific region and one more line to\n"
                          "be wrapped -\nas written.\n")
    assert decl.paragraphs[0].text.endswith(
        "energy cooperation and long-term plans for the long-term and for the Asia-Pacific "
        "region and one more line to be wrapped - as written.")
    joins = [n.message for n in notices if "broken at a line end" in n.message]
    assert joins == ["word broken at a line end: 'coop-' + 'eration' joined as 'cooperation'",
                     "word broken at a line end: 'long-' + 'term' joined as 'long-term'",
                     "word broken at a line end: 'Asia-' + 'Pacific' joined as 'Asia-Pacific'"]


@pytest.mark.parametrize("page", ["- 2 -", "— 3 —", "Page 3 of 5", "page 4", "2", "7/12",
                                  "Стр. 4", "第2页"])
def test_page_number_lines_are_dropped_and_a_paragraph_runs_on(page: str) -> None:
    decl, notices = parse(f"T\n\n{WIDE}the member states will continue their work in\n\n"
                          f"{page}\n\nthe field of energy.\n\nNext paragraph.\n")
    assert [p.text for p in decl.paragraphs] == [
        WIDE.strip() + " the member states will continue their work in the field of energy.",
        "Next paragraph."]
    assert any(f"page number line(s) dropped (first here: {page!r})" in n.message
               for n in notices)


def test_numbered_text_lines_are_not_page_numbers() -> None:
    decl, _ = parse("T\n\n1. The states agree.\n\n2. They meet.\n")
    assert [p.number for p in decl.paragraphs] == ["1.", "2."]


# --- headings, signature lines, closing formula ----------------------------------------------


def test_headings_are_headings_and_signature_lines_furniture() -> None:
    decl, _ = load("roman-sections.txt")
    texts = [p.text for p in decl.paragraphs]
    assert texts[1] == "The Parties will hold regular meetings at the highest level."
    assert decl.paragraphs[1].heading == "I. Political cooperation"
    assert decl.furniture == ("For the Republic of Kazakhstan", "(signature)",
                              "For the People's Republic of China", "(signature)")


def test_short_line_ending_in_an_article_goes_on() -> None:
    decl, _ = load("pdf-hyphen.txt")
    assert decl.paragraphs[2].text.endswith("and that the Central Asian power ring needs new "
                                            "investment.")


@pytest.mark.parametrize(("closing", "place", "date"), [
    ("Done at Bishkek on 16 August 2007 in two copies.", "Bishkek", "2007-08-16"),
    ("Signed in Astana, 5 July 2005.", "Astana", "2005-07-05"),
    ("Совершено в г. Душанбе 28 августа 2008 года.", "Dushanbe", "2008-08-28"),
    ("二〇一八年六月十日于青岛", "Qingdao", "2018-06-10"),
    ("Бишкек, 16.08.2007", "Bishkek", "2007-08-16"),
])
def test_meeting_from_the_closing_formula(closing: str, place: str, date: str) -> None:
    decl, _ = parse(f"T\n\nThe states agree:\n\n1. To trade.\n\n{closing}\n\nFor A\n\nFor B\n")
    assert (decl.meta.meeting.place, decl.meta.meeting.date) == (place, date)


def test_parties_from_the_first_opening_paragraph_naming_several_states() -> None:
    decl, _ = parse("T\n\nAstana, 14 November 2008\n\nThe Council met in Astana.\n\n"
                    "It was attended by Kazakhstan and China.\n\nIndia was discussed.\n")
    assert [p.code for p in decl.meta.parties] == ["KZ", "CN"]
    assert (decl.meta.meeting.place, decl.meta.meeting.date) == ("Astana", "2008-11-14")


# --- property: a body wrapped in page furniture keeps every word -----------------------------

WORDS = ["states", "peace", "trade", "member", "region", "will", "support", "water", "roads",
         "and", "the", "of", "joint", "efforts", "security", "closer"]


@st.composite
def body(draw: st.DrawFn) -> list[str]:
    paragraphs = []
    for _ in range(draw(st.integers(1, 5))):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=12))
        paragraphs.append(" ".join([words[0].capitalize(), *words[1:]]) + ".")
    return paragraphs


FURNITURE = [
    "<nav><a href='/'>Home</a> <a href='/n'>News</a></nav>",
    "<div id='cookie-notice'><p>We use cookies on this site.</p><button>OK</button></div>",
    "<div class='breadcrumbs'><a href='/'>Home</a> / Documents</div>",
    "<aside><p>A sidebar paragraph with a good many words about other things entirely.</p>"
    "</aside>",
    "<footer><p>Contacts and copyright of the ministry.</p></footer>",
    "<div class='share-links'><a href='#'>Share</a></div>",
    "<script>var x = 'The states agree to this script.';</script>",
]


@settings(derandomize=True, deadline=None, max_examples=40)
@given(body(), st.lists(st.sampled_from(FURNITURE), max_size=6),
       st.sampled_from(["article", "main", "div class='text'", "td", "div"]),
       st.sampled_from(["p", "div", "br"]))
def test_body_inside_furniture_keeps_every_word(paragraphs: list[str], furniture: list[str],
                                                container: str, shape: str) -> None:
    if shape == "br":
        inner = "<br><br>".join(paragraphs)
    else:
        inner = "".join(f"<{shape}>{p}</{shape}>" for p in paragraphs)
    tag = container.split(" ")[0]
    wrapped = f"<{container}>{inner}</{tag}>"
    if tag == "td":
        wrapped = f"<table><tr>{wrapped}</tr></table>"
    half = len(furniture) // 2
    page = ("<html><body>" + "".join(furniture[:half]) + wrapped + "".join(furniture[half:])
            + "</body></html>")
    decl, _ = ingest.parse_html(page.encode(), path="p.html")
    stored = [w for s in [decl.meta.title, *(s.text for s in decl.sentences())] for w in s.split()]
    assert stored == " ".join(paragraphs).split()


def test_pre_and_br_wrapped_lines_follow_the_text_rules() -> None:
    wrapped = ("<p>ILLUSTRATIVE STATEMENT<br><br>The ministers of the member states of the "
               "Organization, meeting in the<br>city of Ufa on 10 July 2015, discuss the "
               "situation in the region and the<br>Republic of Kazakhstan and the Russian "
               "Federation propose a new programme.<br>They agree.<br><br>Economic "
               "cooperation<br>The ministers support trade.</p>")
    pre = ("<pre>\nJOINT STATEMENT\n\nThe ministers of the member states of the Organization, "
           "meeting in\nUfa on 10 July 2015, agree that the Republic of Kazakhstan and the\n"
           "Russian Federation will lead the programme.\n\n1. The ministers support trade.\n"
           "2. They will meet again.\n</pre>")
    for page, title, texts in (
        (wrapped, "ILLUSTRATIVE STATEMENT", ["Economic cooperation",
                                              "The ministers support trade."]),
        (pre, "JOINT STATEMENT", ["The ministers support trade.", "They will meet again."]),
    ):
        decl, _ = ingest.parse_html(f"<html><body>{page}</body></html>".encode(), path="p.html")
        assert decl.meta.title == title
        assert [p.text for p in decl.paragraphs[1:]][-2:] == texts
        first = decl.paragraphs[0].text
        assert first.startswith("The ministers of the member states of the Organization, meeting")
        assert first.endswith(("programme. They agree.", "lead the programme."))
        assert len(decl.paragraphs) == 3
        assert [p.code for p in decl.meta.parties] == ["KZ", "RU"]
        assert (decl.meta.meeting.place, decl.meta.meeting.date) == ("Ufa", "2015-07-10")


def test_page_gap_after_a_sentence_before_a_capital_ends_the_paragraph() -> None:
    decl, _ = parse(f"T\n\n{WIDE}the member states of the region and the world.\n\n- 2 -\n\n"
                    "Ministers discussed security.\n")
    assert [p.text for p in decl.paragraphs] == [
        WIDE.strip() + " the member states of the region and the world.",
        "Ministers discussed security."]


def test_number_on_a_line_of_its_own_and_chinese_articles() -> None:
    decl, notices = parse("T\n\n1.\nThe states agree.\n\nIV.\nThey meet.\n")
    assert [(p.number, p.text) for p in decl.paragraphs] == [("1.", "The states agree."),
                                                             ("IV.", "They meet.")]
    assert any("2 paragraph number(s) on a line of their own" in n.message for n in notices)
    decl, _ = parse("中华人民共和国和俄罗斯联邦联合声明\n\n第一条\u3000双方重申合作。\n\n"
                    "第十二条 双方同意。\n")
    assert [(p.number, p.text) for p in decl.paragraphs] == [("第一条", "双方重申合作。"),
                                                             ("第十二条", "双方同意。")]
    assert [p.code for p in decl.meta.parties] == ["CN", "RU"]  # from the title


def test_page_saved_as_utf8_under_an_old_declaration_is_read_as_utf8() -> None:
    page = '<meta charset="windows-1251"><p>Стороны согласны «полностью».</p>'.encode()
    decl, notices = ingest.parse_html(page, path="p.html")
    assert decl.paragraphs[0].text == "Стороны согласны «полностью»."
    assert any("declares windows-1251 but its bytes are UTF-8" in n.message for n in notices)
    decl, _ = ingest.parse_html(page, path="p.html", encoding="cp1251")  # as told, mojibake
    assert decl.paragraphs[0].text.startswith("РЎС‚")
