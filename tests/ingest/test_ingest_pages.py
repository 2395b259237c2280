"""The importer on imitations of the page layouts users save or copy (issue 12).

Each input under tests/data/import/pages/ imitates one layout kind (site banners and pickers,
breadcrumbs, PDF-host counters, labelled database headers in English, Russian and Chinese,
one-recital-a-line preambles, Roman-numeral headings, one-line and one-paragraph texts, cut-off
copies, bilingual pages, press releases, addresses, signature lines, numbered lists after a
colon), written for these tests in our own words (illustrative). For each: the title, date,
place and kind a careful reader records, and a reviewed golden outline. Then the properties:
import never loses a word (body, metadata or furniture), the lossless export round-trips,
notices are capped, and a long one-line text imports in near-linear time.
"""


from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_ingest import outline

from compare.cli import main
from compare.cli.base import print_notices
from compare.errors import DeclarationError
from compare.ingest import importer as ingest
from compare.ingest import lossless
from compare.model import Declaration, Item, Meeting, Meta, Paragraph, Party, Sentence
from compare.store import xmlio
from compare.store.xmlsafe import FORBIDDEN

DATA = Path(__file__).resolve().parents[1] / "data" / "import" / "pages"

# name: (title, date, place, kind, paragraphs, furniture lines)
CASES: dict[str, tuple[str, str, str, str, int, int]] = {
    "site-banner.html": ("Joint Statement of the Ministers of Transport on Regional Roads",
                         "2019-03-12", "Almaty", "statement", 3, 9),
    "breadcrumbs.txt": ("Joint Communiqué of the Meeting of the Ministers of Culture",
                        "2016-06-02", "Dushanbe", "communique", 3, 6),
    "pdf-host.txt": ("Declaration of the Council of Heads of Government on Food Security",
                     "2017-11-03", "Tashkent", "declaration", 4, 4),
    "labelled.txt": ("Declaration of the Ministers of Health on Common Action against "
                     "Epidemics", "2014-05-21", "Bishkek", "declaration", 3, 7),
    "labelled-ru.txt": ("Совместное коммюнике министров сельского хозяйства", "2011-06-15",
                        "Dushanbe", "communique", 3, 5),
    "labelled-zh.txt": ("成员国教育部长联合声明", "2018-06-10", "Qingdao", "statement", 3, 5),
    "recitals.txt": ("DECLARATION OF THE MINISTERS OF ENERGY", "2015-07-05", "Astana",
                     "declaration", 8, 0),
    "roman-headings.txt": ("Illustrative Joint Statement on Cooperation in Science",
                           "2015-07-09", "Ufa", "statement", 4, 1),
    "one-line.txt": ("Joint Statement of the Ministers of Finance", "2012-09-14", "Beijing",
                     "statement", 4, 0),
    "one-paragraph.txt": ("Joint Statement of the Ministers of Tourism", "2016-04-20",
                          "Samarkand", "statement", 5, 0),
    "cut-off.txt": ("Joint Statement of the Ministers of Water Resources", "2013-08-08",
                    "Khujand", "statement", 3, 0),
    "bilingual.html": ("Joint Statement on Cultural Exchanges", "2012-05-16", "Beijing",
                       "statement", 6, 0),
    "press-release.txt": ("Press Release on the Meeting of the Secretaries of Security "
                          "Councils", "2018-04-24", "Beijing", "press-release", 3, 1),
    "address.txt": ("Address by the Secretary-General at the Opening of the Youth Forum",
                    "2013-08-17", "Cholpon-Ata", "address", 3, 0),
    "signature.txt": ("Illustrative Agreement on Cooperation in Customs Matters", "2017-06-15",
                      "Astana", "", 3, 4),
    "agency-copy.txt": ("Joint Press Communiqué of the Ministers of Justice", "2019-06-11",
                        "Minsk", "communique", 2, 6),
    "field-table.html": ("Joint Statement of the Ministers of Sport", "2017-05-12", "Astana",
                         "statement", 1, 9),
    "bilingual.txt": ("Joint Statement on Water", "2013-08-08", "Tashkent", "statement", 4, 1),
    "colon-list.txt": ("Joint Communiqué of the Meeting of the Ministers of Trade",
                       "2014-10-10", "Moscow", "communique", 2, 0),
    # where the text starts and ends: notes under titles, titles on several lines or under a
    # banner, news leads, trailing blocks, signature blocks, one-line texts, wrapped recitals
    "note-under-title.txt": ("DECLARATION OF THE MINISTERS OF LABOUR ON THE MOBILITY OF WORKERS",
                             "2024-04-04", "Dushanbe", "declaration", 3, 1),
    "h1-after-banner.html": ("Joint Statement of the Ministers of Emergency Situations on Flood "
                             "Relief",
                             "2023-05-12", "Almaty", "statement", 3, 1),
    "pdf-title-lines.txt": ("JOINT STATEMENT by the Ministers of Science of the Member States "
                            "on Open Access to Research Data",
                            "2022-09-20", "Bishkek", "statement", 3, 4),
    "news-lead.txt": ("Joint Statement of the Ministers of Culture on Cooperation of Museums",
                      "2025-10-09", "Astana", "statement", 3, 5),
    "news-lead.html": ("Joint Communique of the Meeting of the Ministers of Health",
                       "2026-03-14", "Tashkent", "communique", 3, 3),
    "trailing-related.txt": ("Joint Statement of the Ministers of Tourism on Travel Between the "
                             "Member States",
                             "2027-05-05", "Samarkand", "statement", 3, 5),
    "trailing-widgets.html": ("Joint Statement of the Ministers of Sport on School Sport",
                              "2028-07-02", "Ufa", "statement", 3, 5),  # a newsletter box: one
    "signatures-onbehalf.txt": ("Declaration of the Ministers of Agriculture on Seed Exchange",
                                "2029-06-08", "Qingdao", "declaration", 4, 4),
    "signatures-dotted.html": ("Joint Statement of the Ministers of Justice on Legal Aid",
                               "2029-10-10", "Minsk", "statement", 3, 3),
    "one-line-titlecase.txt": ("Tashkent Declaration of the Ministers of Water Resources",
                               "2031-06-02", "Tashkent", "declaration", 4, 2),
    "one-line-upper.txt": ("JOINT STATEMENT OF THE MINISTERS OF ENERGY",
                           "2030-03-03", "Bishkek", "statement", 4, 1),
    "recitals-wrapped.txt": ("Declaration of the Ministers of Communications on Postal "
                             "Cooperation",
                             "2030-08-06", "Cholpon-Ata", "declaration", 3, 0),
    "recitals-no-blank.txt": ("Statement of the Ministers of Finance on Payments",
                              "2031-04-04", "Moscow", "statement", 7, 0),
    "dateline-note.txt": ("Joint Communique of the Meeting of the Ministers of Education",
                          "2030-05-03", "Dushanbe", "communique", 3, 2),
    "fused-title.txt": ("Astana Declaration on Energy Security", "2038-07-05", "Astana",
                        "declaration", 3, 5),
    "one-line-plain.txt": ("Joint Statement of the Ministers of Finance on Budget Rules",
                           "2038-06-03", "Astana", "statement", 4, 0),
    "more-news.html": ("Joint Statement of the Ministers of Culture on Libraries", "2038-05-03",
                       "Kazan", "statement", 3, 4),
    "bilingual-title.html": ("Joint Statement of the Ministers of Education on Language "
                             "Teaching", "2038-04-09", "Beijing", "statement", 3, 1),
    "head-title.html": ("Tashkent Declaration on Youth Exchanges", "2038-06-02", "Tashkent",
                        "declaration", 3, 0),
    "table-rows.html": ("Joint Statement of the Ministers of Railways on Freight Corridors",
                        "2038-11-11", "Lanzhou", "statement", 3, 4),
    "agency-lead.html": ("Press Release on the Meeting of the Ministers of Defence",
                         "2031-03-03", "Tashkent", "press-release", 3, 1),
}


def load(name: str) -> tuple[Declaration, list[ingest.Notice]]:
    return ingest.import_file(str(DATA / name))


def test_cases_cover_every_input() -> None:
    assert {p.name for p in DATA.iterdir()} == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_title_date_place_kind(name: str) -> None:
    decl, _ = load(name)
    m = decl.meta
    got = (m.title, m.meeting.date, m.meeting.place, m.kind, len(decl.paragraphs),
           len(decl.furniture))
    assert got == CASES[name]


@pytest.mark.parametrize("name", sorted(CASES))
def test_outline(name: str, golden) -> None:
    decl, notices = load(name)
    golden(f"import/pages/{name}.outline", outline(decl, notices))


@pytest.mark.parametrize("name", sorted(CASES))
def test_stored_xml_validates_and_round_trips(name: str) -> None:
    decl, _ = load(name)
    assert xmlio.loads(xmlio.dump(decl)) == decl
    assert lossless.parse(lossless.dumps(decl)) == decl


def test_furniture_goes_in_one_notice_and_no_menu_is_a_clause() -> None:
    decl, notices = load("site-banner.html")
    body = " ".join(u.text for u in decl.units())
    for absent in ("English", "font", "USD", "Home", "Updated", "Print", "rights reserved"):
        assert absent not in body
    assert sum("line(s) of page furniture" in n.message for n in notices) == 1


def test_publication_stamp_is_not_the_meeting_date() -> None:
    decl, _ = load("press-release.txt")
    assert decl.meta.meeting.date == "2018-04-24"  # not "Posted: 30 April 2018"
    assert "Posted: 30 April 2018" in decl.furniture


def test_labelled_fields_are_metadata_never_clauses() -> None:
    decl, notices = load("labelled.txt")
    assert decl.meta.source == "Illustrative document archive, record 4471"
    assert all("[" not in u.text and "distributed" not in u.text for u in decl.units())
    assert any("labelled header fields read as metadata" in n.message for n in notices)


def test_recitals_one_a_line_are_units_and_headings_are_not() -> None:
    decl, _ = load("recitals.txt")
    assert [p.text.split(" ")[0] for p in decl.paragraphs[1:5]] == [
        "highly", "reviewing", "noting", "recognizing"]
    decl, _ = load("roman-headings.txt")
    assert [p.heading for p in decl.paragraphs] == ["I", "", "II", "Part III"]


def test_numbered_list_after_a_colon_stays_items() -> None:
    decl, _ = load("colon-list.txt")
    assert [(i.number, i.text) for i in decl.paragraphs[0].items] == [
        ("1.", "simpler rules of origin for goods;"), ("2.", "a common list of standards;"),
        ("3.", "regular meetings of experts.")]


def test_one_line_text_is_divided_with_a_notice() -> None:
    decl, notices = load("one-line.txt")
    assert [p.number for p in decl.paragraphs] == ["1.", "2.", "3.", "4."]
    assert any("divided at its 4 inline paragraph numbers" in n.message for n in notices)
    decl, notices = load("one-paragraph.txt")
    assert any("at the sentences that open a new commitment" in n.message for n in notices)


def test_cut_off_copy_is_flagged() -> None:
    decl, notices = load("cut-off.txt")
    assert decl.meta.truncated
    assert b"<truncated/>" in xmlio.dump(decl)
    assert any("cut-off copy" in n.message for n in notices)
    whole, _ = load("signature.txt")
    assert not whole.meta.truncated
    dotted, _ = ingest.parse_text("Joint Statement on Trade\n\nThe ministers met in Astana.\n\n"
                                  "The ministers will lower duties on goods and will coop\u2026\n")
    assert dotted.meta.truncated  # an ellipsis where the copy stops


def test_a_record_of_labelled_fields_under_a_sentence_like_banner_is_read() -> None:
    """A document database prints a banner that reads like a sentence, a menu and a record
    counter above its labelled fields: the fields are metadata and what is above them is
    furniture, not the text's first paragraph."""
    page = ("TREATY ARCHIVE PLUS, the online library of agreements and statements of many "
            "organisations\nStart >> Archive >> Ministerial meetings >> Agriculture >> 2039\n"
            "Item 3 of 90\n\n"
            "[Title] Statement of the Ministers of Agriculture (illustrative)\n[Place] Osh\n"
            "[Date] March 3, 2039\n[Full text]\n\n"
            "The ministers met in Osh and reviewed the harvest of the year.\n\n"
            "The member states will exchange data on the health of livestock.\n")
    decl, _ = ingest.parse_text(page, path="record.txt", status="illustrative")
    assert decl.meta.title == "Statement of the Ministers of Agriculture (illustrative)"
    assert (decl.meta.meeting.place, decl.meta.meeting.date) == ("Osh", "2039-03-03")
    assert [p.text[:12] for p in decl.paragraphs] == ["The minister", "The member s"]
    assert decl.furniture[0].startswith("TREATY ARCHIVE PLUS")


@pytest.mark.parametrize("crumbs", [
    "Home >> Regional bodies >> Council of ministers >> Agriculture >> 2039 archive",
    "Home \u2192 Regional bodies \u2192 Council of ministers \u2192 Agriculture \u2192 "
    "2039 archive"])
def test_breadcrumbs_with_doubled_or_arrow_separators_are_not_sentences(crumbs: str) -> None:
    from compare.ingest.signals import sentence_like

    assert not sentence_like(crumbs)
    assert sentence_like("The parties agreed that trade >> growth helps all the member states.")


def test_recitals_set_one_a_block_are_units_not_one_broken_paragraph() -> None:
    """Blank lines between recitals ending in commas: each recital is a unit of its own (as
    when they are set one a line), not a paragraph "broken by a blank line" and joined."""
    text = ("Declaration of the Heads of State (illustrative)\n\n"
            "The Heads of State of the member states,\n\n"
            "recalling the Charter of the Organisation,\n\n"
            "noting the changes in the world economy,\n\n"
            "declare as follows.\n\nThe member states will cooperate.\n")
    decl, notices = ingest.parse_text(text, path="rec.txt", status="illustrative")
    assert [p.text for p in decl.paragraphs] == [
        "The Heads of State of the member states,", "recalling the Charter of the Organisation,",
        "noting the changes in the world economy,", "declare as follows.",
        "The member states will cooperate."]
    assert not any("broken by a blank line" in n.message for n in notices)
    broken, notices = ingest.parse_text(
        "Statement (illustrative)\n\nThe ministers agreed to lower duties on goods and\n\n"
        "services traded between their countries.\n", path="b.txt", status="illustrative")
    assert len(broken.paragraphs) == 1  # a sentence broken by a blank line is still joined
    assert any("broken by a blank line" in n.message for n in notices)


@pytest.mark.parametrize("opener", ["conscious", "cognizant", "alarmed", "confident",
                                    "fully aware", "deeply concerned"])
def test_a_recital_opening_with_an_adjective_ends_before_the_operative_clause(opener: str
                                                                               ) -> None:
    text = ("Declaration of the Ministers (illustrative)\n\nThe ministers of the member states,"
            f"\n\n{opener} that the rivers of the region are shared by all,\n\n"
            "have agreed as follows.\n\nThe member states will share data on river flows.\n")
    decl, _ = ingest.parse_text(text, path="rec.txt", status="illustrative")
    assert [p.text.split()[0] for p in decl.paragraphs] == [
        "The", opener.split()[0], "have", "The"]


def test_a_cut_off_last_paragraph_under_its_heading_stays_in_the_text() -> None:
    """The copy stops mid-sentence in a section of its own: the heading and the cut-off
    paragraph under it are the text (flagged), not trailing page furniture."""
    page = ("Home > Documents > Summits >\nPrint this page | Share\n\n"
            "Declaration of the Council of Heads of State (illustrative)\n\nI\n\n"
            "The member states will deepen cooperation in trade and transport.\n\nII\n\n"
            "The member states shall consult each other on matters of regional security and "
            "settle\n")
    decl, _ = ingest.parse_text(page, path="cut.txt", status="illustrative")
    assert decl.meta.truncated
    assert [(p.heading, p.text[:30]) for p in decl.paragraphs] == [
        ("I", "The member states will deepen "), ("II", "The member states shall consul")]
    assert decl.furniture == ("Home > Documents > Summits >", "Print this page | Share")


def test_bilingual_runs_are_marked_not_fused() -> None:
    decl, _ = load("bilingual.html")  # each sentence again in Chinese: a unit of its own
    first = [s for p in decl.paragraphs[:2] for s in p.sentences]
    assert [(s.text, s.lang) for s in first] == [
        ("The ministers of culture met in Beijing on 16 May 2012.", ""),
        ("成员国文化部长于2012年5月16日在北京举行会晤。", "zh")]
    assert [p.sentences[0].lang for p in decl.paragraphs] == ["", "zh"] * 3
    assert b'xml:lang="zh"' in xmlio.dump(decl)
    decl, _ = load("bilingual-title.html")  # the title again in Chinese under it
    assert decl.furniture == ("成员国教育部长关于语言教学的联合声明",)
    decl, _ = load("bilingual.txt")  # a page in two scripts: the language it opens in
    assert decl.meta.language == "en" and decl.furniture == ("关于水资源的联合声明",)
    assert [s.lang for p in decl.paragraphs for s in p.sentences] == ["", "zh", "", "zh"]


def _body(decl: Declaration) -> str:
    return " ".join(u.text for u in decl.units())


@pytest.mark.parametrize(("name", "gone"), [
    ("trailing-related.txt", ["You may also like", "Hotels", "Comments (5)", "Share"]),
    ("trailing-widgets.html", ["Photo:", "Poll", "sport every week", "Newsletter", "Subscribe"]),
    ("signatures-onbehalf.txt", ["On behalf of", "____", "Signed copies"]),
    ("signatures-dotted.html", ["For the Republic", "....", "signed original"]),
    ("more-news.html", ["More news", "museum of the region", "Download the full text"]),
])
def test_the_text_ends_before_trailing_blocks_and_signatures(name: str, gone: list[str]) -> None:
    decl, notices = load(name)
    body, kept = _body(decl), " ".join(decl.furniture)
    for text in gone:
        assert text not in body and text in kept, text
    assert sum("line(s) of page furniture" in n.message for n in notices) == 1


def test_a_heading_and_a_list_after_the_last_sentence_stay_in_the_text() -> None:
    decl, _ = ingest.parse_text(
        "Joint Statement of the Ministers of Trade\n\nThe ministers of trade met in Astana on 5 "
        "May 2038.\n\nThe ministers will lower duties on goods of the region.\n\nNext steps\n"
        "- a register\n- common labels for food\n\nFinal provisions\n\nThe ministers will meet "
        "again next year.\n")
    assert decl.furniture == ()
    assert [it.text for it in decl.paragraphs[2].items] == ["a register", "common labels for food"]
    assert decl.paragraphs[-1].heading == "Final provisions"


def test_a_stage_direction_does_not_end_an_address() -> None:
    decl, _ = ingest.parse_text(
        "Address by the Secretary-General at the Forum\n\nDear friends, I am glad to welcome "
        "you all to the forum of the young leaders of the region in Astana today.\n\n"
        "(Applause)\n\nI am sure that your ideas will help the member states to build a better "
        "future together.\n\nThank you.\n")
    # the stage direction itself is furniture (ingest.inbody), kept outside the body
    assert decl.units()[-1].text == "Thank you." and decl.furniture == ("(Applause)",)


def test_a_parenthesis_in_lower_case_goes_on_with_the_line_above() -> None:
    decl, _ = ingest.parse_text(
        "BISHKEK DECLARATION\n\nThe Heads of State\nof the Member States of the Organisation\n"
        "(hereinafter the member states), meeting in Bishkek on 16 August 2037, declare the\n"
        "following:\n\n1. The member states will deepen their cooperation in trade.\n")
    assert decl.paragraphs[0].text == (
        "The Heads of State of the Member States of the Organisation (hereinafter the member "
        "states), meeting in Bishkek on 16 August 2037, declare the following:")


def test_a_news_lead_gives_way_to_the_documents_own_title() -> None:
    for name in ("news-lead.txt", "news-lead.html"):
        decl, _ = load(name)
        assert decl.meta.title.startswith("Joint ")
        assert decl.units()[0].text.startswith("The ministers of")
        assert any("(Region Today)" in x or "(Illustrative Agency)" in x
                   for x in decl.furniture)
    decl, _ = load("agency-lead.html")  # the agency's dateline off the first clause
    assert decl.units()[0].text.startswith("The ministers of defence")
    assert decl.furniture == ("TASHKENT, March 3 (Illustrative Agency) -",)


def test_remarks_and_speeches_are_document_titles_after_a_lead() -> None:
    decl, _ = ingest.parse_text(
        "Secretary-General opens the youth forum\n"
        "Astana, 2 May (Agency) - The Secretary-General spoke at the opening of the forum.\n"
        "Remarks by the Secretary-General at the Opening of the Youth Forum\n"
        "Dear friends, I am glad to welcome you to the youth forum in Astana on 2 May 2038.\n"
        "The Secretariat will support the projects of young people in the whole region.\n")
    assert decl.meta.title == "Remarks by the Secretary-General at the Opening of the Youth Forum"
    assert decl.meta.kind == "address"
    assert decl.units()[0].text.startswith("Dear friends")


def test_notes_and_banners_are_not_titles() -> None:
    decl, _ = load("note-under-title.txt")
    assert "Translated" not in decl.meta.title
    decl, _ = load("h1-after-banner.html")
    assert decl.furniture == ("REGIONAL COOPERATION PORTAL DOCUMENTS",)
    decl, _ = load("pdf-title-lines.txt")  # three title lines under "JOINT STATEMENT"
    assert decl.meta.title.endswith("on Open Access to Research Data")
    decl, _ = load("dateline-note.txt")
    assert "Unofficial translation." in decl.furniture
    decl, _ = ingest.parse_text(  # the title only as the breadcrumb's last step
        "Home > Documents > Tashkent Declaration on Youth Policy\n\nThe heads of state met in "
        "Tashkent on 14 September 2036 and adopted this declaration.\n\nThe member states "
        "will support youth entrepreneurship.\n")
    assert decl.meta.title == "Tashkent Declaration on Youth Policy"
    assert decl.furniture == ("Home > Documents >",)


def test_one_line_text_gives_up_title_dateline_and_copyright() -> None:
    decl, _ = load("one-line-titlecase.txt")
    assert decl.furniture == ("Tashkent, 2 June 2031",
                              "\u00a9 2031 Illustrative Archive of Documents. All rights reserved.")
    assert decl.units()[-1].text == "The ministers will meet again in 2032."
    decl, _ = load("one-line-upper.txt")
    assert decl.meta.title == "JOINT STATEMENT OF THE MINISTERS OF ENERGY"


SET_FIGURES = {
    # set: (labelled fields right at least, furniture units at most, outline units found at
    # least, import errors at most): the figures each set reaches, held (none may slip)
    "tuning2": (96, 0, 98, 0), "heldout": (88, 0, 132, 0), "heldout2": (120, 0, 312, 0),
    "heldout3": (80, 0, 205, 0), "heldout4": (95, 0, 186, 0), "heldout5": (96, 1, 189, 0),
    "heldout6": (96, 1, 188, 0), "heldout7": (80, 1, 125, 0), "tuning3": (119, 1, 159, 0),
    "heldout8": (96, 0, 131, 0), "heldout9": (72, 0, 87, 0), "heldout11": (100, 0, 147, 0),
    "heldout10": (100, 0, 146, 0), "heldout12": (100, 0, 142, 0),
    "heldout13": (96, 5, 105, 0), "heldout14": (98, 4, 119, 0),
}
"""heldout6's and heldout11's form-feed pages import without options (page numbers stand by
their form feeds: `decode.paged_copy`). tuning3's outline misses 6 of its 165 units on purpose:
its writer counts a block of "For the Republic of ..." lines under "Done at" as paragraphs,
where issue 12 and every other set (tuning2/sections-final.txt has the same block) count
signature lines as furniture.
heldout9 was first scored at (66, 19, 85, 0) and heldout11 at (83, 51, 126, 1); heldout10 at
(98, 10, 139, 0) and heldout12 at (93, 32, 131, 0); each is held at what its tuning reached.
heldout13 and heldout14 are not tuned on: they are held at their scores on the code that merged them
(first scores in FIRST-SCORES.md)."""


@pytest.mark.parametrize("folder", sorted(SET_FIGURES))
def test_page_set_figures(folder: str) -> None:
    """Every page set (tuning2, the held-out sets: tuned on since their first scores) scored
    as `python -m compare.bench.pages` scores it, at the figures it reaches today."""
    from compare.bench.pages import pages_figures

    lines = pages_figures(DATA.parent / folder)
    figures = {line.split(":")[0]: line.split(":")[1].split()[0] for line in lines[1:]}
    fields, furniture, found, errors = SET_FIGURES[folder]
    assert int(figures["labelled fields right"].split("/")[0]) >= fields
    assert int(figures["furniture units"]) <= furniture
    assert int(figures["outline accuracy"].split("/")[0]) >= found
    assert int(figures["import errors"]) <= errors


def test_keep_furniture_and_start_at_override(tmp_path: Path, capsys) -> None:
    decl, _ = ingest.import_file(str(DATA / "breadcrumbs.txt"), keep_furniture=True)
    assert decl.furniture == () and "Share | Print | E-mail" in [p.text for p in
                                                                 decl.paragraphs]
    decl, _ = ingest.import_file(str(DATA / "trailing-related.txt"), keep_furniture=True)
    assert decl.furniture == () and "Comments (5)" in _body(decl)
    decl, _ = ingest.import_file(str(DATA / "pdf-host.txt"), start_at=r"^Declaration")
    assert decl.furniture[:4] == ("Total Page:16", "File Type:pdf", "Views: 1,204",
                                  "22:51Abu Dhabi")
    with pytest.raises(DeclarationError, match="matched no line"):
        ingest.import_file(str(DATA / "pdf-host.txt"), start_at="^Nothing here")
    assert main(["import", str(DATA / "pdf-host.txt"), "--start-at", "("]) == 2
    assert "not a regular expression" in capsys.readouterr().err


# --- the cut-off copy in a comparison --------------------------------------------------------


def test_commitments_past_a_cut_off_are_listed_apart() -> None:
    from compare import align, analyse

    whole, _ = ingest.parse_text(
        "Joint Statement on Trade\n\n1. The member states will expand trade between them.\n\n"
        "2. The member states will build new roads across the region.\n\n"
        "3. The member states will cooperate in the field of energy and water.\n")
    cut, _ = ingest.parse_text(
        "Joint Statement on Trade\n\n1. The member states will expand trade between them.\n\n"
        "2. The member states will build new roads across the reg\n")
    assert cut.meta.truncated
    result = analyse(align(whole, cut))
    assert [c.left.unit for c in result.cut_off if c.left] == ["para_3"]
    assert not any(c.change == "dropped" and c.left and c.left.unit == "para_3"
                   for c in result.commitments)
    from compare.report.summary import summary

    assert "The right copy is cut off" in summary(result, 0, len(result.commitments)).verdict


# --- properties --------------------------------------------------------------------------------

WORDS = ["states", "will", "support", "trade", "Home", "News", "Share", "Print", "Updated:",
         "2019", "I", "II", "[Title]", "Date:", "12:30", "noting", "the", "of", "roads", "|",
         ">", "©", "Joint", "Statement", "Declaration", "water", "energy", "(signature)",
         "____", "Photo:", "Tags:", "ASTANA,", "June", "4", "--", "For", "Related", "Page",
         "(Agency)", "JOINT", "STATEMENT", "Tashkent,", "May", "2030"]


@st.composite
def page_text(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 12))):
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=14))
        end = draw(st.sampled_from(["", ".", ";", ",", ":"]))
        lines.append(" ".join(words) + end)
    seps = draw(st.lists(st.sampled_from(["\n", "\n\n"]), min_size=len(lines),
                         max_size=len(lines)))
    return "".join(line + sep for line, sep in zip(lines, seps, strict=True))


def _words(decl: Declaration) -> list[str]:
    m = decl.meta
    texts = [m.title, m.meeting.place, m.meeting.place_written, m.source, *decl.furniture]
    for p in decl.paragraphs:
        texts += [p.heading, p.number or "", *(s.text for s in p.sentences)]
        for it in p.items:
            texts += [it.number or "", *(s.text for s in it.sentences)]
    return " ".join(texts).split()


@settings(derandomize=True, deadline=None, max_examples=150)
@given(page_text())
def test_import_never_loses_a_word(text: str) -> None:
    """Every word of the input is in the body, the metadata or the left-out furniture."""
    try:
        decl, _ = ingest.parse_text(text, path="p.txt")
    except DeclarationError:
        return  # refused with a message (e.g. no paragraphs): nothing stored, nothing lost
    stored = _words(decl)
    for word in text.split():
        assert any(word in w for w in stored), word


IMITATIONS = sorted(p for folder in ("pages", "heldout", "heldout2", "heldout3", "heldout4",
                                     "heldout5", "heldout6", "heldout7", "tuning2",
                                     "tuning3", "heldout8", "heldout9", "heldout10",
                                     "heldout11", "heldout12", "heldout13", "heldout14")
                    for p in (DATA.parent / folder).glob("*.txt"))


@pytest.mark.parametrize("path", IMITATIONS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_word_of_an_imitation_is_lost(path: Path) -> None:
    """Every word of each plain-text imitation is in the body, the metadata or the furniture
    (compared without spaces: a CJK paragraph number is stored apart from its text; words as
    runs of letters and digits: a line-end hyphen, markdown's `**` and a one-line digest's `|`
    are layout, not words, and a footnote's superscript mark glued to a word goes with the
    footnote, with a notice)."""
    text = path.read_text(encoding="utf-8")
    decl, _ = ingest.import_file(str(path), page_breaks="\f" in text)  # as the hint says
    stored = "".join(_words(decl))
    assert [w for w in re.findall(r"[^\W\u00b9\u00b2\u00b3\u2070-\u2079]+", text)
            if w not in stored] == []


_TEXT = st.text(st.characters(blacklist_categories=("Cs",),
                              blacklist_characters="\x00\ufffe\uffff"), min_size=1, max_size=30)


@st.composite
def declarations(draw: st.DrawFn) -> Declaration:
    paras = []
    for i in range(1, draw(st.integers(1, 4)) + 1):
        pid = f"para_{i}"
        sents = tuple(Sentence(f"{pid}__s_{k}", draw(_TEXT), None, draw(st.sampled_from(
            ["", "zh"]))) for k in range(1, draw(st.integers(1, 3)) + 1))
        items = tuple(Item(f"{pid}__item_{m}", draw(st.sampled_from([None, "-", "1."])),
                           (Sentence(f"{pid}__item_{m}__s_1", draw(_TEXT)),))
                      for m in range(1, draw(st.integers(0, 2)) + 1))
        paras.append(Paragraph(pid, draw(st.sampled_from([None, "1.", "- "])), sents, items,
                               heading=draw(st.sampled_from(["", "II", "Part I\tx"]))))
    meta = Meta(id="d-1", title=draw(_TEXT), kind="statement",
                meeting=Meeting("", draw(_TEXT), "2007-08-16"), parties=(Party("KZ", "K"),),
                source=draw(_TEXT), truncated=draw(st.booleans()))
    return Declaration(meta, tuple(paras), None, tuple(draw(st.lists(_TEXT, max_size=3))))


@settings(derandomize=True, deadline=None, max_examples=100)
@given(declarations())
def test_lossless_export_round_trips(decl: Declaration) -> None:
    assert lossless.parse(lossless.dumps(decl)) == decl


def test_cli_export_lossless_then_import_gives_the_same_xml(tmp_path: Path, capsys) -> None:
    source = Path(__file__).resolve().parents[2] / "declarations" / "2007-bishkek-draft.xml"
    text = tmp_path / "d.sdt"
    again = tmp_path / "d.xml"
    assert main(["export", str(source), "--format", "lossless", "-o", str(text)]) == 0
    assert main(["import", str(text), "-o", str(again)]) == 0
    assert again.read_bytes() == source.read_bytes()


def test_notices_are_capped_at_twenty(capsys) -> None:
    print_notices([f"n{i}" for i in range(45)], verbose=False)
    err = capsys.readouterr().err.splitlines()
    assert err[:20] == [f"n{i}" for i in range(20)]
    assert err[20:] == ["... and 25 more (--verbose)"]
    print_notices([f"n{i}" for i in range(45)], verbose=True)
    assert len(capsys.readouterr().err.splitlines()) == 45


def test_cli_import_caps_notices(tmp_path: Path, capsys) -> None:
    src = tmp_path / "many.txt"
    src.write_text("T\n\n" + "".join(f"The the states agree {i}..\n\n" for i in range(60)))
    assert main(["import", str(src), "-o", str(tmp_path / "o.xml")]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 21 and err[-1].endswith("more (--verbose)")


def _seconds(text: str) -> float:
    from compare.ingest import signals

    best = float("inf")
    for _ in range(2):
        for fn in (signals.sentence_like, signals.furniture_like, signals.end_signal):
            fn.cache_clear()  # a cached second run would flatter the small text
        start = time.perf_counter()
        ingest.parse_text(text, path="long.txt")
        best = min(best, time.perf_counter() - start)
    return best


def test_long_one_line_text_imports_in_near_linear_time() -> None:
    """Time at 1x and 8x of a one-line text of many sentences: the ratio stays near 8."""
    unit = "The member states will strengthen cooperation in trade and they note progress. "
    small, large = "Title\n\n" + unit * 250, "Title\n\n" + unit * 2000
    ratio = _seconds(large) / _seconds(small)
    assert ratio < 16, ratio


def test_many_end_signals_import_in_near_linear_time() -> None:
    """A text whose every sentence is followed by a line of furniture: each is a possible end
    of the text; deciding it reads a bounded look-ahead, so the ratio at 8x stays near 8."""
    unit = "The member states will strengthen cooperation in trade, item {0}.\nShare {0}\n"
    small = "Title\n\n" + "".join(unit.format(i) for i in range(250))
    large = "Title\n\n" + "".join(unit.format(i) for i in range(2000))
    ratio = _cpu_seconds_uncached(large) / _cpu_seconds_uncached(small)
    assert ratio < 16, ratio


def _cpu_seconds_uncached(text: str) -> float:
    """Best of three CPU times, the line signals' caches cleared before each run (a cached
    second run would flatter the small text)."""
    from compare.ingest import signals

    best = float("inf")
    for _ in range(3):
        for fn in (signals.sentence_like, signals.furniture_like, signals.end_signal):
            fn.cache_clear()
        start = time.process_time()
        ingest.parse_text(text, path="long.txt")
        best = min(best, time.process_time() - start)
    return best


# --- charsets as browsers read them ------------------------------------------------------------


@pytest.mark.parametrize(("meta", "text"), [
    ('<meta charset="utf-16">', "The states agree."),
    ('<meta charset="utf-7">', "The states +ADw-script+AD4- agree."),
    ('<meta charset="cp037">', "The states agree."),
    ('<meta charset="idna">', "The states agree."),
])
def test_charset_labels_as_browsers_read_them(meta: str, text: str) -> None:
    page = f"<html><head>{meta}</head><body><p>{text}</p></body></html>".encode()
    decl, _ = ingest.parse_html(page, path="p.html")
    assert decl.paragraphs[0].text == text


@pytest.mark.parametrize("encoding", ["utf-7", "unicode_escape", "idna", "cp037"])
def test_encoding_option_on_a_page_must_be_a_browser_encoding(encoding: str) -> None:
    with pytest.raises(DeclarationError, match="not an encoding browsers read"):
        ingest.parse_html(b"<p>The states agree.</p>", path="p.html", encoding=encoding)


def test_non_text_codecs_are_refused_for_text() -> None:
    with pytest.raises(DeclarationError, match="not a text encoding"):
        ingest.read_text(b"The states +ADw-agree.", "t.txt", "utf-7")


def test_control_character_reference_is_refused_at_its_line() -> None:
    page = b"<html><body><main>\n<p>The states agree.</p>\n<p>They &#1; meet.</p></main></body>"
    with pytest.raises(DeclarationError) as info:
        ingest.parse_html(page, path="p.html")
    assert info.value.line == 3 and "U+0001" in info.value.message


def test_link_lists_are_furniture_by_link_density_not_by_name() -> None:
    page = (b"<html><body><div><a href='/a'>About us</a> <a href='/b'>Press centre</a> "
            b"<a href='/c'>Documents</a></div><div><h1>Joint Statement on Roads</h1>"
            b"<p>The ministers of transport of the member states will repair the roads.</p>"
            b"<p>They support new <a href='/r'>bus routes</a> between the capitals.</p>"
            b"<ul><li><a href='/x'>Ministers meet in Moscow</a></li>"
            b"<li><a href='/y'>Forum of rectors opens</a></li></ul></div></body></html>")
    decl, _ = ingest.parse_html(page, path="p.html")
    assert [p.text for p in decl.paragraphs] == [
        "The ministers of transport of the member states will repair the roads.",
        "They support new bus routes between the capitals."]
    assert "Ministers meet in Moscow Forum of rectors opens" in decl.furniture
    kept, _ = ingest.parse_html(page, path="p.html", keep_furniture=True)
    assert "Ministers meet in Moscow" in [i.text for p in kept.paragraphs for i in p.items]


_XML_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=(
    "\x00\ufffe\uffff\r" + "".join(map(chr, range(1, 32))).replace("\t", "").replace(
        "\n", ""))), min_size=1, max_size=30).filter(
    lambda t: t.strip() != "" and not FORBIDDEN.search(t))  # what the store refuses


@settings(derandomize=True, deadline=None, max_examples=60)
@given(st.lists(st.tuples(_XML_TEXT, st.sampled_from([None, "1.", "-"]),
                          st.sampled_from(["", "II"])), min_size=1, max_size=4), _XML_TEXT)
def test_stored_declaration_exported_lossless_imports_to_the_same_xml(
        paras: list[tuple[str, str | None, str]], title: str) -> None:
    """XML -> export --format lossless -> import gives byte-identical XML (tabs, newlines,
    C1 characters, sentences starting "1." or "-" included)."""
    decl = Declaration(
        Meta(id="d-1", title=title, language="en"),
        tuple(Paragraph(f"para_{i}", number, (Sentence(f"para_{i}__s_1", text),),
                        heading=heading)
              for i, (text, number, heading) in enumerate(paras, 1)))
    xml = xmlio.dump(decl)
    stored = xmlio.loads(xml)
    again, _ = ingest.parse_text(lossless.dumps(stored), path="d.sdt")
    assert xmlio.dump(again) == xml


# --- found on the second held-out set after it was opened for tuning ---------------------------


@pytest.mark.parametrize(("lines", "want"), [
    (("14 May 2042, 19:40 | Text size: A A", "Minsk, 13 May 2042"), ("2042-05-13", "Minsk")),
    (("16.06.2031", "22:51Moscow", "Moscow, June 15, 2031"), ("2031-06-15", "Moscow")),
    (("Uploaded by: someone   Uploaded: 02.02.2039", "20.07.2038"), ("2038-07-20", "")),
    (("3 March 2040",), ("2040-03-03", "")),
])
def test_the_meetings_dateline_wins_over_a_pages_stamp(lines: tuple[str, ...],
                                                      want: tuple[str, str]) -> None:
    """A dateline naming its place, then a date without a time or a label before it: a page's
    time-stamped or labelled date is the page's, wherever it stands."""
    from compare.ingest.meta import meeting_dateline

    assert meeting_dateline(lines) == want


@pytest.mark.parametrize("dateline", ["Kokshetau, 2 September 2044", "Termez, 29.11.2045"])
def test_a_dateline_between_a_leads_title_and_the_text_is_no_unit(dateline: str) -> None:
    page = ("STEPPE DAILY\nHome | Politics | World\n03.09.2044 08:15 | Views: 311\n"
            "Ministers of agriculture agree on a seed bank for the region\n"
            "Joint Statement of the Ministers of Agriculture on a Seed Bank\n"
            f"{dateline}\n"
            "The ministers of agriculture met to discuss the protection of rare crops.\n"
            "The member states will set up a common seed bank and share its costs.\n")
    decl, _ = ingest.parse_text(page, path="s.txt", status="illustrative")
    assert decl.meta.title == "Joint Statement of the Ministers of Agriculture on a Seed Bank"
    assert decl.meta.meeting.place == dateline.split(",")[0]
    assert decl.units()[0].text.startswith("The ministers of agriculture")
    assert dateline in decl.furniture


@pytest.mark.parametrize("note", ["Illustrative copy prepared for the archive.",
                                  "Unofficial rendering, checked by volunteers.",
                                  "Text reproduced from the press office's handout."])
def test_a_short_note_under_the_text_is_furniture(note: str) -> None:
    text = ("Joint Statement of the Ministers of Sport (illustrative)\n\n"
            "The ministers of sport met in Osh on 3 March 2040.\n\n"
            "The member states will hold a youth games every second year.\n\n"
            "The ministers will meet again in the Republic of Tajikistan.\n\n"
            f"{note}\n\nTags: sport, youth\n")
    decl, _ = ingest.parse_text(text, path="n.txt", status="illustrative")
    assert decl.units()[-1].text.startswith("The ministers will meet again")
    assert note in decl.furniture
    page = ("<html><body><h1>Joint Statement of the Ministers of Sport</h1>"
            "<p>The ministers of sport met in Osh on 3 March 2040.</p>"
            "<p>The member states will hold a youth games every second year.</p>"
            "<p>The ministers will meet again in the Republic of Tajikistan.</p>"
            f"<p><em>{note}</em></p><div>Share | Print</div></body></html>")
    decl, _ = ingest.parse_html(page.encode(), path="n.html", status="illustrative")
    assert decl.units()[-1].text.startswith("The ministers will meet again")
    assert note in decl.furniture


@pytest.mark.parametrize("last", [
    "The talks passed in a friendly and constructive atmosphere.",  # a subject
    "Thank you for your kind attention.",  # a speaker
    "Russia hosts the next meeting.",  # shares a word with the text above
    "Signing ceremony followed in 2040.",  # a number
    "Agreed unanimously by all delegations.",  # a commitment verb
    "A new bakery opened near the station at dawn.",  # an article opens a clause
])
def test_a_real_short_last_paragraph_stays(last: str) -> None:
    text = ("Joint Statement of the Ministers of Sport (illustrative)\n\n"
            "The ministers of sport met in Osh on 3 March 2040 for their next meeting.\n\n"
            "The member states will hold a youth games every second year.\n\n"
            "The ministers will ask Russia to host the games.\n\n"
            f"{last}\n\nTags: sport, youth\n")
    decl, _ = ingest.parse_text(text, path="n.txt", status="illustrative")
    assert decl.units()[-1].text == last


def test_a_whole_sentence_in_the_other_language_is_a_unit_of_its_own() -> None:
    """English then the same sentence in Russian (or Chinese) on one line: the translation is
    a unit of its own, tagged; a name in the other script inside a sentence is not cut."""
    text = ("Joint Statement of the Ministers of Youth (illustrative)\n\n"
            "1. The ministers met in Khujand on 4 May 2041. Министры встретились в Худжанде "
            "4 мая 2041 года.\n\n"
            "2. The member states will support student exchanges. 成员国将支持学生交流。\n\n"
            "3. The ministers thanked the «Молодёжь» foundation for its help.\n")
    decl, _ = ingest.parse_text(text, path="b.txt", status="illustrative")
    got = [(p.number, [(s.text[:12], s.lang) for s in p.sentences]) for p in decl.paragraphs]
    assert got == [("1.", [("The minister", "")]), (None, [("Министры вст", "ru")]),
                   ("2.", [("The member s", "")]), (None, [("成员国将支持学生交流。", "zh")]),
                   ("3.", [("The minister", "")])]
    ru_text = "Совместное заявление\n\nМинистры встретились в Хороге."  # noqa: RUF001
    ru, _ = ingest.parse_text(f"{ru_text} The ministers met in Khorog.\n", path="r.txt")
    assert [(s.lang, p.number) for p in ru.paragraphs for s in p.sentences] == [
        ("", None), ("en", None)]


@pytest.mark.parametrize(("lines", "title"), [
    (["JOINT STATEMENT", "of the Ministers of Health of the", "Member States on Vaccines"],
     "JOINT STATEMENT of the Ministers of Health of the Member States on Vaccines"),
    (["Declaration of the Council of Heads of", "Government on Food Security"],
     "Declaration of the Council of Heads of Government on Food Security"),
])
def test_a_title_wrapped_over_lines_under_it_is_one_title(lines: list[str], title: str) -> None:
    """A PDF copy prints its title over several lines with no blank line around it: the lines
    that go on with it (lower case, or after "of the") are the title, not the first clause."""
    page = "\n".join(["FILES.example | Upload | Sign in", "Total Page:2", *lines,
                      "Osh, 3 March 2040",
                      "1. The ministers met in Osh and reviewed the state of cooperation in",
                      "the field of public health.",
                      "2. The member states will exchange data on outbreaks of disease."]) + "\n"
    decl, _ = ingest.parse_text(page, path="t.txt", status="illustrative")
    assert decl.meta.title == title
    assert [u.text[:16] for u in decl.units()] == ["The ministers me", "The member state"]
    assert not any(x in decl.furniture for x in lines[1:])


@pytest.mark.parametrize("title", [
    "Joint Statement of the Ministers of Energy on Cooperation within the Framework of the "
    "Organisation",
    "Declaration of the Heads of State on Trade Routes through Central Asia and across the "
    "Caspian Sea",
])
def test_a_document_title_with_long_prepositions_wins_over_a_headline(title: str) -> None:
    """Title case leaves "within", "through", "across" in lower case: still the document's
    title, under a news headline in sentence case."""
    page = ("DAILY WIRE\nPolitics   World   Sport\n08:30Osh\n"
            "Ministers meet in Osh and agree on new routes for the region\n"
            "Share: Facebook   Telegram\n"
            f"{title}\nOsh, 3 March 2040\n"
            "The ministers met in Osh and reviewed the work of the past year together.\n"
            "The member states will open two new routes for freight before the end of 2041.\n")
    decl, _ = ingest.parse_text(page, path="w.txt", status="illustrative")
    assert decl.meta.title == title
    assert [u.text[:14] for u in decl.units()] == ["The ministers ", "The member sta"]


ONE_PARAGRAPH = ("The ministers of health met in Osh on 3 March 2040 and reviewed the year. "
                 "The member states will share data on outbreaks of disease every week. "
                 "The ministers asked the experts to draw up common rules for vaccines. "
                 "The parties encouraged hospitals to exchange doctors for a year. "
                 "The next meeting of the ministers will be held in 2041 in Tashkent.")


def test_a_text_in_one_paragraph_with_a_note_under_it_is_divided() -> None:
    """The whole declaration in one paragraph and a note on the copy under it: the note is
    furniture, so the body is one paragraph and is divided at its commitments (also one
    opening with "asked" or "encouraged")."""
    note = "Illustrative copy kept for reference only."
    page = ("<html><body><h1>Joint Communique of the Ministers of Health</h1>"
            f"<p>{ONE_PARAGRAPH}</p><p><small>{note}</small></p></body></html>")
    decl, _ = ingest.parse_html(page.encode(), path="o.html", status="illustrative")
    assert [u.text[:12] for u in decl.units()] == [
        "The minister", "The member s", "The minister", "The parties ", "The next mee"]
    assert note in decl.furniture
    text = f"Joint Communique of the Ministers of Health\n\n{ONE_PARAGRAPH}\n\n{note}\n"
    decl, _ = ingest.parse_text(text, path="o.txt", status="illustrative")
    assert len(decl.paragraphs) == 5 and note in decl.furniture


@pytest.mark.parametrize("fmt", ["txt", "html"])
def test_a_labelled_title_in_two_languages_says_which_the_document_is(fmt: str) -> None:
    """A Chinese portal's record gives the title in English and Chinese: the page is the
    English text with its Chinese beside it (the labelled title opens in English), not a
    Chinese text with English glosses."""
    title = "Joint Statement of the Ministers of Water Resources"
    zh_title = "成员国水利部长联合声明"
    colon = "\uff1a"
    body = ["The ministers of water resources met in Qingdao on 4 July 2040.",
            "成员国水利部长于2040年7月4日在青岛举行会议。",
            "The parties will share data on the flow of rivers every month.",
            "各方将每月交换河流流量数据。"]
    if fmt == "txt":
        page = (f"首页 > 文件库 > 正文\n\n标题{colon}{title} {zh_title}\n地点{colon}Qingdao\n"
                f"日期{colon}2040年7月4日\n\n" + "\n\n".join(body) + "\n")
        decl, _ = ingest.parse_text(page, path="z.txt", status="illustrative")
    else:
        page = ("<html><body><div>首页 &gt; 文件库 &gt; 正文</div><table>"
                f"<tr><td>标题{colon}</td><td>{title} {zh_title}</td></tr>"
                f"<tr><td>地点{colon}</td><td>Qingdao</td></tr>"
                f"<tr><td>日期{colon}</td><td>2040年7月4日</td></tr>"
                "</table>" + "".join(f"<p>{x}</p>" for x in body) + "</body></html>")
        decl, _ = ingest.parse_html(page.encode(), path="z.html", status="illustrative")
    assert (decl.meta.language, decl.meta.title) == ("en", title)
    assert [s.lang for p in decl.paragraphs for s in p.sentences] == ["", "zh", "", "zh"]


@pytest.mark.parametrize(("note", "dateline"), [
    ("Unofficial translation.", "Osh, 3 March 2040"),
    ("Copy kept by a reader for reference.", "Osh, 2040-03-03"),
])
def test_a_note_before_a_one_line_texts_title_is_furniture(note: str, dateline: str) -> None:
    text = (f"{note} Joint Communique of the Meeting of the Ministers of Sport {dateline} "
            "The ministers of sport met in Osh and reviewed the year. The member states will "
            "hold youth games every second year. The ministers agreed to meet again in 2041. "
            "The parties will share the costs of the games.\n")
    decl, _ = ingest.parse_text(text, path="l.txt", status="illustrative")
    assert decl.meta.title == "Joint Communique of the Meeting of the Ministers of Sport"
    assert (decl.meta.kind, decl.meta.meeting.date) == ("communique", "2040-03-03")
    assert decl.furniture[:2] == (note, dateline)
    assert decl.units()[0].text.startswith("The ministers of sport")


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_an_addresss_salutations_open_its_text(sep: str) -> None:
    """"Excellencies," alone above the text is the address's first paragraph, not a lone
    menu word; so is "Distinguished Governor," (title case), set one a line or one a block."""
    page = sep.join(["Home | Speeches", "Published: 7 April 2044",
                     "Address by the Chairman at the Meeting with the Partners",
                     "Islamabad, 6 April 2044", "Excellencies,", "Distinguished Governor,",
                     "Let me welcome you to Islamabad on behalf of the member states today.",
                     "The dialogue partners of our Organisation now number fourteen.",
                     "We are ready to open the business forums to companies of the partners.",
                     "I am sure that our meeting will help to build trust between us.",
                     "Thank you."]) + "\n"
    decl, _ = ingest.parse_text(page, path="a.txt", status="illustrative")
    assert [u.text for u in decl.units()][:3] == [
        "Excellencies,", "Distinguished Governor,",
        "Let me welcome you to Islamabad on behalf of the member states today."]
    assert decl.furniture[-1] == "Islamabad, 6 April 2044"


@pytest.mark.parametrize("intro", ["Signed:", "Signatures:"])
def test_a_bare_intro_over_the_signatures_is_not_the_texts_end(intro: str) -> None:
    text = ("Statement of the Heads of State (illustrative)\n\n"
            "The heads of state met in Kunming on 9 July 2048 and reviewed the year.\n\n"
            "The member states will mark the anniversary with public events in 2049.\n\n"
            f"{intro}\nFor the Republic of India          For the Republic of Kazakhstan\n"
            "R. Venkataraman                    K. Amirov\n")
    decl, _ = ingest.parse_text(text, path="s.txt", status="illustrative")
    assert decl.units()[-1].text.startswith("The member states will mark")
    assert intro in decl.furniture


@pytest.mark.parametrize(("label", "value"), [
    ("Примечание:", "Illustrative text kept for tests"),
    ("Language:", "English (unofficial translation)"),
])
def test_a_records_fields_and_the_value_under_its_last_label_are_metadata(
        label: str, value: str) -> None:
    """A record of fields whose last label has its value on the line under it (as a <dt>/<dd>
    list or a table comes out), a language row, and "Текст документа:" opening the text."""
    page = ("Title:\nPress Release on the Meeting of the Prosecutors General\nPlace:\n"
            f"Yekaterinburg\nDate:\n27 February 2031\n{label}\n{value}\n\n"
            "Текст документа:\n\n"
            "The meeting of the prosecutors general was held in Yekaterinburg.\n\n"
            "The parties will exchange data on the laundering of money.\n")
    decl, _ = ingest.parse_text(page, path="r.txt", status="illustrative")
    assert decl.meta.title == "Press Release on the Meeting of the Prosecutors General"
    assert [u.text[:16] for u in decl.units()] == ["The meeting of t", "The parties will"]
    assert value in decl.furniture
    last, _ = ingest.parse_text(  # the last label of a record, its value under it
        f"Title: Press Release on the Meeting\nPlace: Osh\n{label}\n{value}\n\n"
        "The meeting of the prosecutors general was held in Osh on 3 March 2040.\n",
        path="l.txt", status="illustrative")
    assert value in last.furniture and len(last.paragraphs) == 1


@pytest.mark.parametrize("numbered", [True, False])
def test_a_note_at_the_end_of_a_one_line_text_is_furniture(numbered: bool) -> None:
    parts = ["The ministers of health met in Osh and reviewed the year.",
             "The member states will share data on outbreaks every week.",
             "The ministers agreed to draw up common rules for vaccines.",
             "The parties will meet again in Tashkent in 2041."]
    body = " ".join(f"{k}. {p}" if numbered else p for k, p in enumerate(parts, 1))
    note = "Copy kept by a reader for reference only."
    text = f"Joint Communique of the Ministers of Health Osh, 3 March 2040 {body} {note}\n"
    decl, _ = ingest.parse_text(text, path="l.txt", status="illustrative")
    assert decl.units()[-1].text == parts[-1]
    assert note in decl.furniture


@pytest.mark.parametrize("label", ["[Full text]", "Full text:", "Текст:"])
def test_the_text_opening_on_the_full_text_labels_line_keeps_its_first_words(label: str) -> None:
    """"[Full text] The Ministers ..., meeting in Osh," opens the text on the label's line:
    the label goes to the furniture, the words after it are the first unit."""
    page = ("[Title] Statement of the Ministers of Sport\n[Place] Osh\n[Date] May 22, 2041\n"
            f"{label} The ministers of sport of the member states, meeting in Osh,\n"
            "noting the success of the youth games,\nstate as follows.\n"
            "The member states will hold the games every second year.\n")
    decl, _ = ingest.parse_text(page, path="f.txt", status="illustrative")
    assert decl.units()[0].text == "The ministers of sport of the member states, meeting in Osh,"
    assert label in decl.furniture
    assert (decl.meta.meeting.place, decl.meta.meeting.date) == ("Osh", "2041-05-22")


@pytest.mark.parametrize("dateline", ["г. Худжанд, 14 сентября 2040 г.",  # noqa: RUF001
                                      "Худжанд, 14 сентября 2040 года."])
def test_a_russian_dateline_with_its_year_mark_is_no_sentence(dateline: str) -> None:
    """The Russian "g." before a city and after a year ends no sentence: the dateline is
    furniture and gives the meeting's date, not the text's first unit."""
    from compare.ingest.signals import sentence_like

    assert not sentence_like(dateline)
    text = (f"Декларация глав государств (illustrative)\n\n{dateline}\n\n"
            "Главы государств-членов встретились в Худжанде и обсудили молодёжную политику.\n\n"
            "Государства-члены будут поддерживать обмены студентами между странами.\n")
    decl, _ = ingest.parse_text(text, path="r.txt", status="illustrative")
    assert decl.meta.meeting.date == "2040-09-14"
    assert decl.units()[0].text.startswith("Главы")
    assert dateline in decl.furniture


@pytest.mark.parametrize(("lines", "language", "title"), [
    (["ХУДЖАНДСКАЯ ДЕКЛАРАЦИЯ О МОЛОДЁЖНОЙ ПОЛИТИКЕ",  # noqa: RUF001
      "KHUJAND DECLARATION ON YOUTH POLICY"],
     "ru", "ХУДЖАНДСКАЯ ДЕКЛАРАЦИЯ О МОЛОДЁЖНОЙ ПОЛИТИКЕ"),  # noqa: RUF001
    (["Khujand Declaration on Youth Policy",
      "Худжандская декларация о молодёжной политике"],  # noqa: RUF001
     "en", "Khujand Declaration on Youth Policy"),
])
def test_a_title_printed_in_two_alphabets_keeps_the_documents_half(
        lines: list[str], language: str, title: str) -> None:
    body = ("The heads of state met in Khujand on 14 September 2040 and spoke of youth.\n\n"
            "The member states will support the exchange of students and young workers.\n")
    if language == "ru":
        body = ("Главы государств встретились в Худжанде и обсудили молодёжную политику.\n\n"
                "Государства-члены будут поддерживать обмены студентами между странами.\n")
    decl, _ = ingest.parse_text("\n".join(lines) + "\n\n" + body, path="t.txt",
                                status="illustrative")
    assert decl.meta.language == language
    assert decl.meta.title == title
    assert next(x for x in lines if x != title) in decl.furniture
