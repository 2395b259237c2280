"""The importer (compare.ingest: importer, layout, preamble, html) and the import/export commands.

Inputs under tests/data/import/ are written for these tests (illustrative texts), except
2007-bishkek.txt, a byte-identical copy of the seed. Golden outlines under tests/golden/import/
show how each input was read (`pytest --update-golden` after reviewing tests/actual/).
"""

# ruff: noqa: RUF001  (Cyrillic, CJK punctuation and typographic quotes are the test data)
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.cli import main
from compare.errors import DeclarationError, LimitError
from compare.ingest import importer as ingest
from compare.model import Declaration, Party
from compare.store import xmlio

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
ROOT = Path(__file__).resolve().parents[2]
SEED = DATA / "2007-bishkek.txt"
COMMITTED = ROOT / "declarations" / "2007-bishkek.xml"


def outline(decl: Declaration, notices: list[ingest.Notice]) -> str:
    """A reviewable plain-text picture of an import: metadata, units, sentences, notices."""
    m = decl.meta
    out = [f"id: {m.id}", f"title: {m.title}", f"kind: {m.kind}", f"language: {m.language}",
           f"meeting: {m.meeting.place} {m.meeting.date}"
           + (f" (written {m.meeting.place_written})" if m.meeting.place_written else ""),
           "parties: " + "; ".join(f"{p.code}={p.name}" for p in m.parties)]
    if m.truncated:
        out.append("truncated: yes")
    for p in decl.paragraphs:
        if p.heading:
            out.append(f"== {p.heading}")
        out.append(f"{p.id} [{p.number or ''}] line {p.line}")
        out += [f"  {s.id}{f' ({s.lang})' if s.lang else ''}: {s.text}" for s in p.sentences]
        for it in p.items:
            out.append(f"  {it.id} [{it.number or ''}] line {it.line}")
            out += [f"    {s.id}{f' ({s.lang})' if s.lang else ''}: {s.text}"
                    for s in it.sentences]
    out += [f"furniture: {x}" for x in decl.furniture]
    out += [n.format(None) for n in notices]
    return "\n".join(out) + "\n"


def parse(text: str, **kw: object) -> tuple[Declaration, list[ingest.Notice]]:
    return ingest.parse_text(text, path="t.txt", **kw)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- golden outlines of the hand-written inputs ----------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.iterdir() if p.suffix in (".txt",
                                                                                       ".html")))
def test_import_outline(name: str, golden) -> None:
    decl, notices = ingest.import_file(str(DATA / name))
    golden(f"import/{name}.outline", outline(decl, notices))


# --- the seed --------------------------------------------------------------------------------


def test_seed_structure() -> None:
    decl, notices = ingest.import_file(str(SEED))
    assert len(decl.paragraphs) == 18
    security = decl.paragraphs[5]
    assert security.text.endswith("norms of international law that will:")
    assert [it.id for it in security.items] == [f"para_6__item_{m}" for m in range(1, 5)]
    assert all(it.number == "-" for it in security.items)
    assert sum(len(p.items) for p in decl.paragraphs) == 4
    broken = decl.paragraphs[8].text
    assert "strengthening of regional and international peace and security." in broken
    assert decl.meta.meeting.place == "Bishkek" and decl.meta.meeting.date == "2007-08-16"
    assert [p.code for p in decl.meta.parties] == ["KZ", "CN", "KG", "RU", "TJ", "UZ"]
    assert decl.meta.title == "BISHKEK DECLARATION" and decl.meta.kind == "declaration"
    assert decl.meta.id == "2007-bishkek" and decl.meta.language == "en"
    lines = {n.line: n.message for n in notices}
    assert "mid-sentence" in lines[28] and "'..'" in lines[42] and "unbalanced" in lines[40]


def test_seed_words_all_kept_in_order() -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    title = next(ln for ln in lines if ln.strip())
    assert title == "BISHKEK DECLARATION"
    body_lines = lines[lines.index(title) + 1 :]
    markers = [ln for ln in body_lines if ln.startswith("- ")]
    body = [w for ln in body_lines for w in ln.removeprefix("- ").split()]
    assert len(markers) == 4 and len(body) == 981
    stored = [w for s in xmlio.load(COMMITTED).sentences() for w in s.text.split()]
    assert stored == body  # none lost, none added, same order (the in-text dashes included)


def readme_import_command() -> list[str]:
    readme = (ROOT / "declarations" / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Importing", 1)[1]
    block = re.search(r"```\n(scodiff import .*?)```", section, re.DOTALL)
    assert block, "declarations/README.md must show the import command in a code block"
    return shlex.split(block.group(1).replace("\\\n", " "))


def test_committed_seed_reproduced_byte_for_byte(tmp_path, capsys, monkeypatch) -> None:
    args = readme_import_command()
    out = args.index("-o")
    assert args[out + 1] == "declarations/2007-bishkek.xml"
    args[out + 1] = str(tmp_path / "bishkek.xml")
    monkeypatch.chdir(ROOT)
    code, _, err = run(capsys, *args[1:])
    assert code == 0, err
    assert (tmp_path / "bishkek.xml").read_bytes() == COMMITTED.read_bytes()
    assert err.count(": notice: ") == 3


# --- layout heuristics -----------------------------------------------------------------------


def test_title_upper_case_and_apart() -> None:
    decl, _ = parse("SHORT TITLE\nThe first paragraph starts here.\n")
    assert decl.meta.title == "SHORT TITLE" and len(decl.paragraphs) == 1
    decl, _ = parse("Short Title\n\nThe first paragraph.\n")
    assert decl.meta.title == "Short Title"


def test_long_first_line_ending_in_colon_is_the_preamble() -> None:
    decl, notices = parse("The heads of state, meeting today, declare the following:\n\n"
                          "They agree.\n")
    assert decl.meta.title == "" and decl.paragraphs[0].text.endswith("following:")
    assert any("no title line" in n.message for n in notices)


def test_single_line_is_a_paragraph_not_a_title() -> None:
    decl, _ = parse("Only a paragraph without a final stop")
    assert decl.meta.title == ""
    assert decl.paragraphs[0].text == "Only a paragraph without a final stop"


def test_numbered_paragraphs_arabic_and_roman() -> None:
    decl, _ = parse("T\n\n1. One.\n\n2) Two.\n\nIV. Four.\n\nV. Five.\n")
    assert [(p.number, p.text) for p in decl.paragraphs] == [
        ("1.", "One."), ("2)", "Two."), ("IV.", "Four."), ("V.", "Five.")]


def test_digit_paren_is_an_item_inside_a_list() -> None:
    decl, _ = parse("T\n\n1) They agree to:\n1) trade;\n\n2) travel.\n\n2) Next paragraph.\n")
    first, second = decl.paragraphs
    assert first.number == "1)"
    assert [(i.number, i.text) for i in first.items] == [("1)", "trade;"), ("2)", "travel.")]
    assert second.number == "2)" and second.items == ()


@pytest.mark.parametrize("marker", ["-", "–", "—", "•", "*", "a)", "(a)", "(iv)"])
def test_item_markers(marker: str) -> None:
    decl, notices = parse(f"T\n\nThey agree to:\n{marker} trade;\n{marker} travel.\n")
    (para,) = decl.paragraphs
    assert para.text == "They agree to:"
    assert [(i.number, i.text) for i in para.items] == [(marker, "trade;"), (marker, "travel.")]
    assert not any("list follows" in n.message for n in notices)


def test_list_after_paragraph_without_colon_is_attached_with_notice() -> None:
    decl, notices = parse("T\n\nThey agree.\n- trade;\n- travel.\n")
    assert len(decl.paragraphs) == 1 and len(decl.paragraphs[0].items) == 2
    assert any(n.line == 4 and "does not end with ':'" in n.message for n in notices)


def test_text_opening_with_a_list_gives_marked_paragraphs() -> None:
    decl, _ = parse("- first point.\n\n- second point.\n")
    assert [(p.number, p.text, p.items) for p in decl.paragraphs] == [
        ("-", "first point.", ()), ("-", "second point.", ())]


def test_hard_wrapped_lines_are_joined() -> None:
    text = ("Title Line\n\nThe member states agree that trade and transport\n"
            "link the region. They will build roads\nand railways together.\n\n"
            "They will also:\n- share data on the traffic that\n  crosses borders;\n"
            "- meet every year.\n")
    decl, notices = parse(text)
    first, second = decl.paragraphs
    assert first.text == ("The member states agree that trade and transport link the region. "
                          "They will build roads and railways together.")
    assert [i.text for i in second.items] == ["share data on the traffic that crosses borders;",
                                              "meet every year."]
    assert any("line break(s) inside paragraphs joined" in n.message for n in notices)


def test_hard_wrapped_paragraphs_without_blank_lines_end_at_short_lines() -> None:
    text = ("The member states of the organisation agree on\n"
            "the following points about trade.\n"
            "Transport links across the region will be built\n"
            "by the member states together.\n")
    decl, _ = parse(text)
    assert [p.text for p in decl.paragraphs] == [
        "The member states of the organisation agree on the following points about trade.",
        "Transport links across the region will be built by the member states together."]


def test_one_paragraph_per_line() -> None:
    text = ("Title of the Text\nThe first paragraph is long enough to look like one.\n"
            "The second one is short.\nThe third: it goes on\nwith a wrapped line.\n")
    decl, notices = parse(text)
    assert decl.meta.title == "Title of the Text"
    assert [p.text for p in decl.paragraphs] == [
        "The first paragraph is long enough to look like one.", "The second one is short.",
        "The third: it goes on with a wrapped line."]
    assert any("one paragraph per line" in n.message for n in notices)


def test_mid_sentence_blank_line_is_joined_with_notice() -> None:
    decl, notices = parse("T\n\nThe states support peace and\n\nstability in the region.\n\n"
                          "Next paragraph.\n")
    assert [p.text for p in decl.paragraphs] == [
        "The states support peace and stability in the region.", "Next paragraph."]
    (joined,) = [n for n in notices if "mid-sentence" in n.message]
    assert joined.line == 5 and "line 3" in joined.message


@pytest.mark.parametrize("first", ["The states support peace.", "The states support:",
                                   "The states support peace;"])
def test_blank_line_after_final_punctuation_is_not_joined(first: str) -> None:
    decl, notices = parse(f"T\n\n{first}\n\nlower case start.\n")
    assert len(decl.paragraphs) == 2
    assert not any("mid-sentence" in n.message for n in notices)


def test_text_is_kept_as_written_with_notices() -> None:
    text = "T\n\nThey support the the plan.. It is “fair.\n\nThe (second is \"open.\n"
    decl, notices = parse(text)
    assert decl.paragraphs[0].text == "They support the the plan.. It is “fair."
    assert decl.paragraphs[1].text == 'The (second is "open.'
    messages = " | ".join(n.message for n in notices)
    for expected in ("repeated word 'the the'", "doubled full stop", "unbalanced “”",
                     "unbalanced ()", 'odd number of " quotes'):
        assert expected in messages


def test_typographic_characters_and_nbsp_are_kept() -> None:
    decl, _ = parse("T\n\nThe states\u00a0agree — “fully” and ‘firmly’.\n")
    assert decl.paragraphs[0].text == "The states\u00a0agree — “fully” and ‘firmly’."


def test_runs_of_spaces_are_collapsed_and_reported() -> None:
    decl, notices = parse("T\n\nThe  states\t agree.\n\nThey   trade.\n")
    assert [p.text for p in decl.paragraphs] == ["The states agree.", "They trade."]
    (note,) = [n for n in notices if "runs of spaces" in n.message]
    assert note.line == 3 and "on 2 lines" in note.message


def test_ids_are_hierarchical() -> None:
    decl, _ = parse("T\n\nOne. Two.\n\nIntro:\n- a. B.\n- c.\n")
    ids = [s.id for s in decl.sentences()]
    assert ids == ["para_1__s_1", "para_1__s_2", "para_2__s_1", "para_2__item_1__s_1",
                   "para_2__item_1__s_2", "para_2__item_2__s_1"]


# --- metadata --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("preamble", "place", "date"),
    [
        ("The heads of state, on August 16, 2007 in Bishkek, declare:", "Bishkek", "2007-08-16"),
        ("Meeting in Astana on 5 July 2005, the ministers agree:", "Astana", "2005-07-05"),
        ("Bishkek, 16 August 2007", "Bishkek", "2007-08-16"),
        ("On the 3rd of June 2001 in Shanghai the states agree:", "Shanghai", "2001-06-03"),
        ("Главы государств 16 августа 2007 года в Бишкеке заявляют:", "Bishkek", "2007-08-16"),
        ("Москва, 5 июля 2005 г.", "Moscow", "2005-07-05"),
        ("元首于2007年8月16日在比什凯克举行会晤，声明如下：", "Bishkek", "2007-08-16"),
        ("The states met on 2019-06-14 and agreed:", "", "2019-06-14"),
        ("The states met on 31 February 2007 in Nowhere:", "", ""),
        ("The states agree:", "", ""),
    ],
)
def test_meeting_from_preamble(preamble: str, place: str, date: str) -> None:
    decl, _ = parse(f"T\n\n{preamble}\n\nThey agree.\n")
    assert (decl.meta.meeting.place, decl.meta.meeting.date) == (place, date)
    romanised = place and any("\u0400" <= c <= "\u04ff" or "\u4e00" <= c <= "\u9fff"
                              for c in preamble)
    written = decl.meta.meeting.place_written  # a Cyrillic or Chinese place is kept beside it
    assert (written[:4] in preamble) if romanised else written == ""


def test_parties_from_preamble_only_in_order_as_written() -> None:
    decl, _ = parse("T\n\nThe Islamic Republic of Pakistan, India and the Russian Federation "
                    "agree:\n\nThey discuss Afghanistan and China.\n")
    assert decl.meta.parties == (Party("PK", "Islamic Republic of Pakistan"), Party("IN", "India"),
                                 Party("RU", "Russian Federation"))


def test_states_inside_other_words_are_not_parties() -> None:
    decl, _ = parse("T\n\nRussian and Chinese experts from Indiana agree.\n")
    assert decl.meta.parties == ()


@pytest.mark.parametrize(("title", "kind"), [("Joint Communiqué", "communique"),
                                             ("Press Statement", "statement"),
                                             ("Декларация", "declaration"), ("Report", "")])
def test_kind_from_title(title: str, kind: str) -> None:
    assert parse(f"{title}\n\nText.\n")[0].meta.kind == kind


def test_id_defaults_to_year_and_place_else_file_stem() -> None:
    assert parse("T\n\nIn Ufa on 10 July 2015 they agree.\n")[0].meta.id == "2015-ufa"
    decl, _ = ingest.parse_text("T\n\nText.\n", path="/x/My Draft_v2.txt")
    assert decl.meta.id == "my-draft-v2"
    assert ingest.parse_text("T\n\nText.\n")[0].meta.id == "declaration"


def test_overrides_replace_what_the_text_says() -> None:
    decl, _ = parse("T\n\nOn 16 August 2007 in Bishkek Kazakhstan agrees.\n", id="x-1",
                    title="New", kind="statement", body="Council", place="Here",
                    date="2001-01-02", language="en-GB", parties=(Party("CN", "China"),),
                    status="illustrative", version_label="v", version_of="y",
                    source="s", source_url="https://example.org/")
    m = decl.meta
    assert (m.id, m.title, m.kind, m.meeting.body, m.meeting.place, m.meeting.date) == (
        "x-1", "New", "statement", "Council", "Here", "2001-01-02")
    assert (m.language, m.parties, m.status, m.version_label, m.version_of, m.source,
            m.source_url) == ("en-GB", (Party("CN", "China"),), "illustrative", "v", "y", "s",
                              "https://example.org/")


@pytest.mark.parametrize(("key", "value", "message"),
                         [("date", "2007-02-30", "calendar date"), ("kind", "memo", "kind"),
                          ("id", "bad id", "id"), ("language", "English", "BCP 47")])
def test_bad_overrides_are_refused(key: str, value: str, message: str) -> None:
    with pytest.raises(DeclarationError, match=message):
        parse("T\n\nText.\n", **{key: value})


def test_unknown_override_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        parse("T\n\nText.\n", colour="red")


# --- decoding and bad input ------------------------------------------------------------------


@pytest.mark.parametrize(("data", "message"), [
    (b"%PDF-1.4\n...", "not a text file (PDF)"),
    (b"PK\x03\x04rest", "not a text file (ZIP"),
    (b"\x1f\x8b\x08\x00", "compressed input not supported (gzip)"),
    (b"{\\rtf1\\ansi text}", "not a text file (RTF)"),
    (b"Title\n\nText\x00here.\n", "not a text file (NUL byte at byte 11)"),
    (b"", "no paragraphs found"),
    (b"\xef\xbb\xbf", "no paragraphs found"),
    (b" \n\t\r\n\n", "no paragraphs found"),
])
def test_read_text_refuses(data: bytes, message: str) -> None:
    with pytest.raises(DeclarationError, match=re.escape(message)):
        ingest.read_text(data, "in.txt")


def test_invalid_utf8_names_byte_offset_and_line() -> None:
    data = "Title\n\nThe states\u2019 view.\n".encode("cp1252")
    with pytest.raises(DeclarationError) as info:
        ingest.read_text(data, "in.txt")
    assert str(info.value) == ("in.txt:3: invalid utf-8 at byte 17 (line 3, byte 0x92); "
                               "try --encoding cp1252")
    assert ingest.read_text(data, "in.txt", "cp1252").endswith("The states\u2019 view.\n")


# Illustrative sentences written for this test, in the SCO's official languages.
@pytest.mark.parametrize(("text", "encoding"), [
    ("Декларация\n\nГосударства-члены поддерживают сотрудничество в области энергетики.\n",
     "cp1251"),
    ("联合声明\n\n成员国支持在能源领域开展合作。\n", "gb18030"),
    ("Déclaration\n\nLes États membres soutiennent la coopération énergétique.\n", "cp1252"),
    ("Title\n\nThe \u201cstates\u201d view, the caf\u00e9 \u00e0 la carte.\n", "cp1252"),
])
def test_invalid_utf8_hint_names_the_likely_encoding(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    with pytest.raises(DeclarationError, match=f"try --encoding {encoding}$"):
        ingest.read_text(data, "in.txt")
    assert ingest.read_text(data, "in.txt", encoding) == text


@pytest.mark.parametrize(("text", "where"), [("Title\n\nText\x0chere.\n", "in.txt:3:5"),
                                             ("T\n\nA\x1b.\n", "in.txt:3:2"),
                                             ("T\n\nok \ud800 no\n", "in.txt:3:4")])
def test_control_characters_and_lone_surrogates_are_located(text: str, where: str) -> None:
    with pytest.raises(DeclarationError) as info:
        ingest.parse_text(text, path="in.txt")
    assert str(info.value).startswith(where + ": ")


def test_utf16_needs_the_encoding_option() -> None:
    data = "Title\n\nThe states agree.\n".encode("utf-16")
    with pytest.raises(DeclarationError, match="try --encoding utf-16"):
        ingest.read_text(data, "in.txt")
    assert ingest.read_text(data, "in.txt", "utf-16") == "Title\n\nThe states agree.\n"


def test_title_directly_above_a_wrapped_preamble() -> None:
    decl, _ = parse("Illustrative Declaration\nThe heads of state meeting in Ufa declare\n"
                    "the following:\n\nThey agree.\n")
    assert decl.meta.title == "Illustrative Declaration"
    assert decl.paragraphs[0].text == "The heads of state meeting in Ufa declare the following:"


def test_unknown_encoding() -> None:
    with pytest.raises(DeclarationError, match="unknown encoding"):
        ingest.read_text(b"T\n\nText.\n", "in.txt", "no-such-codec")


def test_newlines_and_bom_do_not_matter() -> None:
    lf = SEED.read_bytes()
    results = set()
    for data in (lf, lf.replace(b"\n", b"\r\n"), lf.replace(b"\n", b"\r"), b"\xef\xbb\xbf" + lf,
                 lf.replace(b"\n", b"\r\n", 5)):
        decl, notices = ingest.parse_text(ingest.read_text(data, "s.txt"), path="s.txt")
        results.add((decl, tuple(notices), tuple(u.line for u in decl.units())))
    assert len(results) == 1


@pytest.mark.parametrize("text", [
    "Title\n\n1.\n\nThe parties agree.\n\n2.\n\nThey act.\n",  # number, blank, text
    "Title\n\n1.\nThe parties agree.\n\n2.\nThey act.\n",
])
def test_paragraph_number_on_its_own_line_numbers_the_text_after_it(text: str) -> None:
    decl, notices = parse(text)
    assert [(p.number, p.text) for p in decl.paragraphs] == [("1.", "The parties agree."),
                                                              ("2.", "They act.")]
    assert any("on a line of their own" in n.message for n in notices)


@pytest.mark.parametrize("marker", ["-", "\u2022", "a)", "(b)"])
def test_item_marker_on_its_own_line_marks_the_next_line(marker: str) -> None:
    decl, notices = parse(f"Title\n\nThe parties agree to:\n{marker}\ntrade;\n{marker}\n"
                          "transport.\n")
    assert [(i.number, i.text) for i in decl.paragraphs[0].items] == [(marker, "trade;"),
                                                                      (marker, "transport.")]
    assert any("on a line of their own" in n.message for n in notices)


def test_a_lone_dash_between_paragraphs_stays_text() -> None:
    decl, _ = parse("Title\n\nThe parties agree.\n\n-\n\nThey act.\n")
    assert [p.text for p in decl.paragraphs] == ["The parties agree.", "-", "They act."]


def test_unicode_line_and_paragraph_separators_are_newlines() -> None:
    lf = SEED.read_text(encoding="utf-8")
    want = ingest.parse_text(ingest.read_text(lf.encode(), "s.txt"), path="s.txt")
    for text in (lf.replace("\n", "\u2028"),
                 lf.replace("\n\n", "\u2029").replace("\n", "\u2028")):
        got = ingest.parse_text(ingest.read_text(text.encode(), "s.txt"), path="s.txt")
        assert got[0] == want[0]
        assert [u.line for u in got[0].units()] == [u.line for u in want[0].units()]


def test_c1_controls_mean_a_wrong_encoding_and_are_refused() -> None:
    # cp1252 text read as Latin-1: the ellipsis and quotes become C1 controls U+0085, U+0093
    data = "Title\n\nThe parties \u201cagree\u201d\u2026\n".encode("cp1252")
    with pytest.raises(DeclarationError) as info:
        ingest.read_text(data, "in.txt", "latin-1")
    assert str(info.value).startswith("in.txt:3:13: a C1 control character U+0093")
    assert "--encoding cp1252" in str(info.value)
    assert ingest.read_text(data, "in.txt", "cp1252").endswith("\u201cagree\u201d\u2026\n")


# --- HTML ------------------------------------------------------------------------------------


def html(body: str) -> bytes:
    page = f"<!DOCTYPE html><html><head><title>Site</title></head><body>{body}</body></html>"
    return page.encode("utf-8")


def test_html_main_content_skips_navigation_and_scripts() -> None:
    decl, _ = ingest.import_file(str(DATA / "page.html"))
    text = ingest.to_text(decl)
    for absent in ("Ministry", "Home", "Subscribe", "Copyright", "run this script", "Hidden",
                   "comment", "color"):
        assert absent not in text
    assert decl.meta.title == "Illustrative Declaration on Rivers"
    assert [i.text for i in decl.paragraphs[2].items] == ["monitor the quality of water;",
                                                         "exchange data on floods."]


def test_html_without_main_takes_the_densest_paragraphs() -> None:
    decl, _ = ingest.import_file(str(DATA / "nomain.html"))
    assert decl.meta.title == "Section heading"  # the first heading above the text
    assert decl.paragraphs[0].text == "The member states support this illustrative text."
    assert "Home" not in ingest.to_text(decl) and "Short." not in ingest.to_text(decl)
    assert [i.number for i in decl.paragraphs[1].items] == ["a)", "b)"]


# An illustrative page whose text is laid out in two table columns of equal weight.
TWO_COLUMNS = html(
    '<div class="nav"><a href="/">Home</a></div><table><tr><td>'
    "<p>The member states support the further development of regional trade on fair terms.</p>"
    "<p>The parties agreed to hold consultations on transport corridors every year.</p></td><td>"
    "<p>The ministers welcomed the progress made in cooperation on water resources.</p>"
    "<p>The next meeting will be held in the second half of the year.</p></td></tr></table>"
    "<p>Short footer line.</p>")


def test_html_sentences_outside_the_chosen_content_are_never_dropped_silently() -> None:
    decl, notices = ingest.parse_html(TWO_COLUMNS, path="h.html")
    kept = ingest.to_text(decl)
    missing = [s for s in ("water resources", "second half") if s not in kept]
    said = [n.message for n in notices if "outside the chosen content" in n.message]
    assert missing == [] or (len(said) == 1 and "2 sentence-like" in said[0]
                             and "--select" in said[0]), (missing, notices)


@pytest.mark.parametrize("swap", [False, True])
def test_html_text_in_two_columns_is_read_whole_in_order(swap: bool) -> None:
    page = TWO_COLUMNS.decode()
    if swap:  # the second column the longer one
        page = page.replace("in the second half of the year.",
                            "in the second half of the year, in the capital, at the invitation "
                            "of the chair, with observers and guests.")
    decl, notices = ingest.parse_html(page.encode(), path="h.html")
    assert [p.text.split()[1] for p in decl.paragraphs] == ["member", "parties", "ministers",
                                                            "next"]
    assert "Short footer" not in ingest.to_text(decl)
    assert not [n for n in notices if "outside the chosen content" in n.message]


def test_html_short_teaser_beside_the_text_stays_out_with_a_notice() -> None:
    page = html("<div><p>" + "</p><p>".join(
        f"The member states will develop cooperation in area number {n} of the plan."
        for n in range(1, 7)) + "</p></div><div><p>Ministers met in the capital to discuss "
                                "several other issues.</p></div>")
    decl, notices = ingest.parse_html(page, path="h.html")
    assert len(decl.paragraphs) == 6 and "Ministers met" not in ingest.to_text(decl)
    assert any("outside the chosen content" in n.message for n in notices)


def test_html_nested_too_deep_is_refused_not_cut_short() -> None:
    deep = "<div>" * 300 + "<p>The parties agree on the second point here.</p>" + "</div>" * 300
    page = html(f"<p>The parties agree on the first point here.</p>{deep}"
                "<p>The parties agree on the third point here.</p>")
    with pytest.raises(LimitError, match="nesting deeper than"):
        ingest.parse_html(page, path="h.html")


def test_html_text_node_past_the_parser_limit_is_refused_not_cut_short() -> None:
    page = html("<p>The parties agree on the first point here.</p><p>" + "word " * 2_200_000
                + "end.</p><p>The parties agree on the third point here.</p>")
    with pytest.raises(LimitError, match="past the HTML parser's limit"):
        ingest.parse_html(page, path="h.html")


def test_html_no_left_out_notice_when_the_rest_is_page_furniture() -> None:
    for name in ("page.html", "nomain.html"):
        _, notices = ingest.import_file(str(DATA / name))
        assert not [n for n in notices if "outside the chosen content" in n.message]


@pytest.mark.parametrize("select", ["#sidebar", "//div[@id='sidebar']", "(//p)[last()]"])
def test_html_select_css_and_xpath(select: str) -> None:
    decl, notices = ingest.import_file(str(DATA / "nomain.html"), select=select)
    assert [p.text for p in decl.paragraphs] == ["Short."]
    assert any(select in n.message for n in notices)


@pytest.mark.parametrize(("select", "message"), [("#nothing", "matched no element"),
                                                 ("p[", "bad selector"), ("//p[", "bad selector")])
def test_html_bad_or_empty_selection(select: str, message: str) -> None:
    with pytest.raises(DeclarationError, match=re.escape(message)):
        ingest.import_file(str(DATA / "nomain.html"), select=select)


def test_hostile_html_is_text_only() -> None:
    data = (b'<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body>'
            b"<p>Clause &x; <img src=x onerror=alert(1)>one.</p>"
            b"<p>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; {{7*7}}.</p>"
            b"<script>alert('not content')</script><style>p{}</style></body></html>")
    decl, _ = ingest.parse_html(data, path="h.html")
    assert [p.text for p in decl.paragraphs] == [
        "Clause &x; one.", "</script><script>alert(1)</script> {{7*7}}."]


def test_html_charset_and_encoding() -> None:
    data = b'<html><head><meta charset="windows-1252"></head><body><p>States\x92 view.</p></body>'
    decl, _ = ingest.parse_html(data, path="h.html")
    assert decl.paragraphs[0].text == "States\u2019 view."


def test_html_without_paragraphs_is_refused() -> None:
    with pytest.raises(DeclarationError, match="no paragraphs found"):
        ingest.parse_html(html("<nav><p>Menu.</p></nav><script>x</script>"), path="h.html")


# --- the command line ------------------------------------------------------------------------


def test_cli_import_writes_xml_and_prints_notices(tmp_path, capsys) -> None:
    src = tmp_path / "in.txt"
    src.write_text("Title\n\nThe states agree..\n", encoding="utf-8")
    out = tmp_path / "out.xml"
    code, stdout, err = run(capsys, "import", str(src), "-o", str(out), "--status", "draft",
                            "--party", "KZ=Republic of Kazakhstan", "--date", "2001-06-15")
    assert code == 0 and stdout == ""
    assert err == f"{src}:3: notice: para_1: doubled full stop '..' kept as written\n"
    decl = xmlio.load(out)
    assert decl.meta.status == "draft" and decl.meta.parties == (Party("KZ",
                                                                       "Republic of Kazakhstan"),)
    assert decl.paragraphs[0].text == "The states agree.."


def test_cli_import_to_stdout_and_export_round_trip(tmp_path, capsys) -> None:
    code, xml, _ = run(capsys, "import", str(DATA / "numbered.txt"))
    assert code == 0 and xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    stored = tmp_path / "n.xml"
    stored.write_text(xml, encoding="utf-8")
    code, text, _ = run(capsys, "export", str(stored))
    assert code == 0
    assert text.split() == (DATA / "numbered.txt").read_text(encoding="utf-8").split()
    exported = tmp_path / "n.txt"
    assert run(capsys, "export", str(stored), "-o", str(exported))[0] == 0
    assert exported.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(("data", "message"), [
    (b"%PDF-1.7", "in.txt: not a text file (PDF)"),
    (b"T\n\nbad \x92 byte\n", "in.txt:3: invalid utf-8 at byte 7 (line 3"),
    (b"T\n\nform\x0cfeed\n", "in.txt:3:5: a control character U+000C"),
    (b"", "in.txt: no paragraphs found"),
])
def test_cli_import_trouble_exits_2_and_writes_nothing(tmp_path, capsys, monkeypatch, data,
                                                       message) -> None:
    monkeypatch.chdir(tmp_path)
    Path("in.txt").write_bytes(data)
    code, out, err = run(capsys, "import", "in.txt", "-o", "out.xml")
    assert code == 2 and out == ""
    assert err.startswith(f"scodiff: error: {message}") and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]


def test_cli_import_missing_file_exits_2(tmp_path, capsys) -> None:
    code, out, err = run(capsys, "import", str(tmp_path / "absent.txt"), "-o",
                         str(tmp_path / "out.xml"))
    assert code == 2 and out == "" and "absent.txt: no such file" in err
    assert list(tmp_path.iterdir()) == []


def test_cli_format_option_overrides_the_guess(tmp_path, capsys) -> None:
    src = tmp_path / "page.txt"
    src.write_text("<p>The states agree.</p>\n", encoding="utf-8")
    assert "&lt;p&gt;The states agree." in run(capsys, "import", str(src), "--format", "text")[1]
    code, xml, _ = run(capsys, "import", str(src), "--format", "html")
    assert code == 0 and ">The states agree.</s>" in xml


def test_cli_export_of_the_committed_seed_gives_its_words(capsys) -> None:
    code, text, _ = run(capsys, "export", str(COMMITTED))
    assert code == 0 and text.startswith("Bishkek Declaration\n\nThe heads of member states")
    seed = SEED.read_text(encoding="utf-8").split()
    assert text.split()[2:] == seed[2:]  # the title was given as --title, the rest is as printed


def test_cli_import_encoding_option(tmp_path, capsys) -> None:
    src = tmp_path / "in.txt"
    src.write_bytes("Title\n\nThe states\u2019 view.\n".encode("cp1252"))
    code, xml, _ = run(capsys, "import", str(src), "--encoding", "cp1252")
    assert code == 0 and "The states\u2019 view." in xml


def test_cli_import_refuses_to_overwrite_its_input(tmp_path, capsys) -> None:
    src = tmp_path / "in.txt"
    src.write_text("Title\n\nText.\n", encoding="utf-8")
    code, _, err = run(capsys, "import", str(src), "-o", str(src))
    assert code == 2 and "refusing to overwrite an input" in err
    assert src.read_text(encoding="utf-8") == "Title\n\nText.\n"


@pytest.mark.parametrize("args", [["--party", "Kazakhstan"], ["--kind", "memo"],
                                  ["--date", "16 August 2007"], ["--select", "p"]])
def test_cli_import_bad_options_exit_2(tmp_path, capsys, args) -> None:
    src = tmp_path / "in.txt"
    src.write_text("Title\n\nText.\n", encoding="utf-8")
    code, out, _ = run(capsys, "import", str(src), *args)
    assert code == 2 and out == ""


@pytest.mark.parametrize(("args", "message"), [
    (["--id", "x" * 200], "id"), (["--version-of", "a b"], "version of"),
    (["--title", "   "], "title"), (["--party", "KZ=  "], "party"),
    (["--source-url", "http://[x"], "source"),
])
def test_cli_import_never_writes_a_file_that_does_not_validate(tmp_path, capsys, args,
                                                               message) -> None:
    src = tmp_path / "in.txt"
    src.write_text("Title\n\nText.\n", encoding="utf-8")
    dest = tmp_path / "out.xml"
    code, _, err = run(capsys, "import", str(src), "-o", str(dest), *args)
    assert code == 2 and message in err and not dest.exists(), err


def test_default_id_from_a_long_file_name_fits_the_schema(tmp_path, capsys) -> None:
    src = tmp_path / ("long-name-" * 20 + ".txt")
    src.write_text("Title\n\nText.\n", encoding="utf-8")
    code, xml, err = run(capsys, "import", str(src))
    assert code == 0, err
    ident = re.search(r'<declaration [^>]*eId="([^"]+)"', xml)
    assert ident is not None and len(ident.group(1)) <= 128
    assert ident.group(1).startswith("long-name-long-name") and not ident.group(1).endswith("-")


@pytest.mark.parametrize("args", [["--id", "a." + "x" * 126], ["--version-of", "y-1.2"],
                                  ["--source-url", "https://example.org/a?b=c"]])
def test_cli_import_accepts_what_the_schema_accepts(tmp_path, capsys, args) -> None:
    src = tmp_path / "in.txt"
    src.write_text("Title\n\nText.\n", encoding="utf-8")
    dest = tmp_path / "out.xml"
    code, _, err = run(capsys, "import", str(src), "-o", str(dest), *args)
    assert code == 0, err
    assert xmlio.validate(dest)[0]


def test_cli_import_refuses_a_declaration_file_or_other_xml(tmp_path, capsys) -> None:
    stored = tmp_path / "stored.xml"
    stored.write_bytes(xmlio.dump(ingest.parse_text("Title\n\nText.\n", id="x")[0]))
    other = tmp_path / "data.txt"
    other.write_bytes(b"\xef\xbb\xbf\n  <?xml version='1.0'?>\n<root><p>Hello there.</p></root>\n")
    for path, message in ((stored, "already a scodiff declaration"), (other, "XML document")):
        code, out, err = run(capsys, "import", str(path))
        assert code == 2 and out == "" and message in err, err
    code, out, _ = run(capsys, "import", str(other), "--format", "text")
    assert code == 0 and "Hello there." in out  # asked for explicitly


def test_cli_import_html_with_select(capsys) -> None:
    code, xml, _ = run(capsys, "import", str(DATA / "page.html"), "--select", "main > ul")
    body = xml.split("<body>")[1].split("</body>")[0]
    assert code == 0 and "monitor the quality of water;" in body and "Rivers are" not in body
    furniture = xml.split("<furniture>")[1]  # what is outside the selection is kept, not lost
    assert "They will protect them together." in furniture


# --- round trip property ---------------------------------------------------------------------

EN_WORDS = ["states", "peace", "trade", "member", "region", "will", "support", "water", "roads",
            "and", "the", "of", "joint", "efforts", "security", "closer"]
ZH_CHARS = "成员国支持合作加强联系发展贸易交流和平安全地区"


@st.composite
def sentence(draw: st.DrawFn, zh: bool) -> str:
    end = draw(st.sampled_from(["。", "！", "？"] if zh else [".", "!", "?"]))
    if zh:
        return draw(st.text(alphabet=ZH_CHARS, min_size=1, max_size=12)) + end
    words = draw(st.lists(st.sampled_from(EN_WORDS), min_size=1, max_size=8))
    return " ".join([words[0].capitalize(), *words[1:]]) + end


@st.composite
def document(draw: st.DrawFn, zh: bool) -> str:
    glue = "" if zh else " "
    paragraphs = []
    for n in range(draw(st.integers(1, 5))):
        text = glue.join(draw(st.lists(sentence(zh), min_size=1, max_size=3)))
        number = draw(st.sampled_from(["", f"{n + 1}.", f"{'IVX'[n % 3]}."]))
        if draw(st.booleans()):
            intro = text[:-1] + ("：" if zh else ":")
            marker = draw(st.sampled_from(["-", "•", "a)", "(b)"]))
            items = draw(st.lists(sentence(zh), min_size=1, max_size=3))
            text = "\n".join([intro, *(f"{marker} {it[:-1]}{'；' if zh else ';'}" for it in items)])
        paragraphs.append(f"{number} {text}".strip())
    title = draw(st.sampled_from(["", "示例宣言" if zh else "Illustrative Title"]))
    # blank lines between paragraphs (any newline convention), or one paragraph per line
    space = draw(st.sampled_from(["\n\n", "\n \n\n", "\r\n\r\n", "\n"]))
    return space.join(([title] if title else []) + paragraphs) + draw(st.sampled_from(["", "\n"]))


def squash(text: str, zh: bool) -> str:
    return re.sub(r"\s+", "" if zh else " ", text).strip()


@settings(derandomize=True, deadline=None, max_examples=60)
@given(st.booleans().flatmap(lambda zh: st.tuples(st.just(zh), document(zh))))
def test_import_export_round_trip(case: tuple[bool, str]) -> None:
    zh, text = case
    first, _ = ingest.parse_text(text)
    exported = ingest.to_text(first)
    again, _ = ingest.parse_text(exported)
    assert again == first
    assert squash(exported, zh) == squash(text, zh)
    assert xmlio.loads(xmlio.dump(first)) == first
