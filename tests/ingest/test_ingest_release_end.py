"""Press-release end marks, prompts to read on and reactions in an address (issue 12), each on
its own invented text (illustrative; none of it is from a real page).

A press release prints "ENDS" (or "###", "- end -") under its text and then "Notes to editors"
with numbered sentences of their own: the text is over at the mark, however long the notes
run. A prompt to read the rest elsewhere ("Download the complete file to keep reading") under a
copy cut off is the page's, not the text's.
"""

# ruff: noqa: RUF001  (Cyrillic letters are the test data)
from __future__ import annotations

import pytest

from compare.ingest import importer as ingest
from compare.ingest.pages import SPACED_NUMBER, _numbered_heads
from compare.ingest.signals import end_mark
from compare.ingest.sitetalk import page_talk
from compare.model import Declaration


def parse(text: str, **kw: object) -> Declaration:
    return ingest.parse_text(text, path="t.txt", **kw)[0]


def html(page: str) -> Declaration:
    return ingest.parse_html(page.encode(), path="t.html")[0]


RELEASE = """<html><body><h1>Press release: Ministers of Forestry agree on seed banks</h1>
<p>Kokshetau, 4 May 2093</p>
<p>The Ministers of Forestry of the member states, meeting in Kokshetau, agreed to found a joint
bank of tree seeds for the steppe belts.</p>
<p>The bank will keep the seeds of forty native species and share them with nurseries.</p>
<p>{mark}</p>
<h3>{notes}</h3>
<ol><li>The ministers of forestry meet every second year in one of the member states.</li>
<li>Pictures of the signing can be found on the photo page of this website.</li>
<li>This invented release was written for the test suite of the program.</li></ol>
<p>Press contact: Office of the Ministry, +00 111 111</p>
</body></html>"""


@pytest.mark.parametrize(("mark", "notes"), [
    ("ENDS", "Notes to editors"), ("###", "Note for editors"), ("- end -", "Editors' notes")])
def test_a_release_ends_at_its_end_mark_and_its_notes_to_editors_are_furniture(
        mark: str, notes: str) -> None:
    decl = html(RELEASE.format(mark=mark, notes=notes))
    texts = [u.text for u in decl.units()]
    assert texts[-1].startswith("The bank will keep the seeds")
    assert len(texts) == 2
    assert notes in decl.furniture  # (a mark without letters, "###", is no line at all)
    assert mark in decl.furniture or not any(c.isalpha() for c in mark)
    assert any("every second year" in x for x in decl.furniture)


def test_the_words_end_and_notes_inside_a_sentence_end_nothing() -> None:
    assert end_mark("ENDS") and end_mark("-- END --") and end_mark("Notes to editors:")
    assert not end_mark("The ministers noted the ends of the old programme.")
    assert not end_mark("Notes")
    decl = html(RELEASE.format(mark="The talks ends here for this year.", notes="Background"))
    assert any("ministers of forestry meet" in u.text for u in decl.units())


CUT = ("Declaration of the Ministers of Water on Irrigation Canals\n\n"
       "The ministers of water of the member states met in Termez on 2 March 2094 to speak\n"
       "of the old irrigation canals of the river valleys.\n\n"
       "The member states will line the main canals with concrete within ten years, and will\n"
       "ask the farmers of the lower valleys to\n\n"
       "{prompt}\n")


@pytest.mark.parametrize("prompt", [
    "Download the complete file (90 KB) to keep reading",
    "Log in to read the whole text",
    "Read the full declaration on the portal"])
def test_a_prompt_to_read_on_under_a_cut_copy_is_furniture(prompt: str) -> None:
    decl = parse(CUT.format(prompt=prompt))
    assert decl.units()[-1].text.endswith("ask the farmers of the lower valleys to")
    assert prompt in decl.furniture
    assert decl.meta.truncated


def test_a_sentence_about_reading_is_no_prompt() -> None:
    assert page_talk("Continue reading")
    assert not page_talk("The member states will continue to teach reading and writing in the "
                       "mountain schools of the region for as long as they are needed.")


PARALLEL = """<html lang="ru"><body><div class="nav">Главная | Документы | English</div>
<div lang="{first}"><h1>{t1}</h1>{p1}</div>
<p>Translated by the secretariat</p>
<div lang="{second}"><h2>{t2}</h2>{p2}</div>
</body></html>"""
RU_TITLE = "Совместное заявление министров лесного хозяйства о банке семян"
RU = ("<p>Министры лесного хозяйства встретились в Кокшетау 4 мая 2093 года и обсудили степные "
      "лесополосы.</p><p>Стороны договорились создать общий банк семян деревьев для "
      "лесополос.</p>")
EN_TITLE = "Joint Statement of the Ministers of Forestry on a Seed Bank"
EN = ("<p>The ministers of forestry met in Kokshetau on 4 May 2093 and spoke of the steppe tree "
      "belts.</p><p>The parties agreed to found a common bank of tree seeds for the belts.</p>")


@pytest.mark.parametrize("russian_first", [True, False])
def test_a_parallel_edition_marked_by_language_reads_its_english_half(
        russian_first: bool) -> None:
    halves = [("ru", RU_TITLE, RU), ("en", EN_TITLE, EN)]
    (l1, t1, p1), (l2, t2, p2) = halves if russian_first else halves[::-1]
    decl = html(PARALLEL.format(first=l1, t1=t1, p1=p1, second=l2, t2=t2, p2=p2))
    assert decl.meta.title == EN_TITLE
    assert decl.meta.language == "en"
    assert [u.text[:24] for u in decl.units()] == ["The ministers of forestr",
                                                   "The parties agreed to fo"]
    assert decl.meta.meeting.place == "Kokshetau"


def test_a_short_english_summary_beside_a_russian_text_does_not_replace_it() -> None:
    summary = "<p>Summary: seed bank agreed.</p>"
    decl = html(PARALLEL.format(first="ru", t1=RU_TITLE, p1=RU + RU + RU, second="en",
                                t2="In English", p2=summary))
    assert decl.meta.title == RU_TITLE
    assert decl.units()[0].text.startswith("Министры лесного")


SPEECH = ("Address of the Mayor of Kokshetau at the Opening of the Forest Fair\n\n"
          "Dear guests,\n\n"
          "I welcome you to the forest fair of our town. [Cheers]\n\n"
          "Some of you came on foot from the villages. (A voice: \"On skis!\") On skis, then, "
          "and we thank every one of you. (Laughter)\n\n"
          "The town will plant a birch for every guest of the fair.\n")


def test_notes_of_the_hall_inside_a_line_are_furniture_and_the_sentences_stay() -> None:
    decl = parse(SPEECH)
    texts = [u.text for u in decl.units()]
    assert texts[1] == "I welcome you to the forest fair of our town."
    assert texts[2] == ("Some of you came on foot from the villages. On skis, then, and we "
                        "thank every one of you.")
    for note in ("[Cheers]", '(A voice: "On skis!")', "(Laughter)"):
        assert note in decl.furniture


def test_notes_of_the_hall_inside_a_web_page_paragraph_are_furniture() -> None:
    body = "".join(f"<p>{p}</p>" for p in SPEECH.split("\n\n")[1:])
    decl = html(f"<html><body><h1>{SPEECH.split(chr(10))[0]}</h1>{body}</body></html>")
    texts = [u.text for u in decl.units()]
    assert "I welcome you to the forest fair of our town." in texts
    assert "(Laughter)" in decl.furniture and "[Cheers]" in decl.furniture


def test_a_bracketed_clause_of_a_text_stays() -> None:
    text = ("Declaration of the Ministers of Water on Canals\n\n"
            "The ministers met in Termez. (The meeting was the first of its kind.)\n\n"
            "The member states (hereinafter the Parties) will line the canals with concrete.\n")
    texts = [u.text for u in parse(text).units()]
    assert texts[0] == "The ministers met in Termez. (The meeting was the first of its kind.)"
    assert texts[1].startswith("The member states (hereinafter the Parties)")


def test_two_bracketed_sentences_of_a_text_without_a_note_of_the_hall_stay() -> None:
    text = ("Declaration of the Ministers of Water on Canals\n\n"
            "The ministers met in Termez. (The meeting was the first of its kind.)\n\n"
            "The canals will be lined. (The work will take ten years to finish.)\n")
    texts = [u.text for u in parse(text).units()]
    assert texts[1] == "The canals will be lined. (The work will take ten years to finish.)"


def test_a_place_named_with_a_session_or_forum_in_a_title_case_title_is_the_meeting_place(
        ) -> None:
    text = ("Speech of the Chair at the Closing of the Forest Session in Kokshetau\n\n"
            "Dear colleagues,\n\n"
            "The fair showed how much the villages of the steppe can grow on their own land.\n")
    assert parse(text).meta.meeting.place == "Kokshetau"
    text = ("Speech of the Chair of the Forest Fair\n\n"
            "I am glad to open our forum in Kokshetau, the town of lakes and pines.\n\n"
            "The fair showed how much the villages can grow.\n")
    assert parse(text).meta.meeting.place == "Kokshetau"


def test_a_footer_with_a_bare_page_number_on_consecutive_pages_is_dropped() -> None:
    footer = "Invented copy for the test suite"
    text = ("Declaration of the Ministers of Water on Canals\n\n"
            "1. The member states will line the main canals with concrete within ten\n"
            "years.\n\n"
            f"{footer}                                  1\n\n"
            "2. The member states will train the farmers of the valleys to save water.\n\n"
            f"{footer}                                  2\n")
    decl = parse(text)
    assert [u.text[:30] for u in decl.units()] == ["The member states will line th",
                                                   "The member states will train t"]
    assert not any(footer in u.text for u in decl.units())


def test_only_a_number_set_flush_right_on_consecutive_pages_makes_a_page_footer() -> None:
    lines = [(1, "Invented copy for the test suite 1"), (5, "Invented copy for the test suite 2")]
    assert _numbered_heads(lines, frozenset({1, 5})) == {"Invented copy for the test suite"}
    assert _numbered_heads(lines, frozenset()) == set()  # no wide gap: a heading's number
    skipped = [(1, lines[0][1]), (5, "Invented copy for the test suite 3")]
    assert _numbered_heads(skipped, frozenset({1, 5})) == set()  # not consecutive pages
    assert SPACED_NUMBER.search("Invented copy for the test suite          1")
    assert not SPACED_NUMBER.search("The member states agreed on point 1")


@pytest.mark.parametrize("marks", [("1.", "2.", "3."), ("(a)", "(b)", "(c)")])
def test_a_closing_formula_after_the_last_point_of_a_one_line_text_is_a_paragraph(
        marks: tuple[str, str, str]) -> None:
    a, b, c = marks
    text = ("Joint Statement of the Ministers of Water on Canals\n\n"
            "The ministers of water, meeting in Termez on 2 March 2094, agreed as follows. "
            f"{a} The services will line the main canals with concrete. {b} The services will "
            f"train the farmers to save water. {c} The services will report on the work in "
            "2096. Done at Termez on 2 March 2094.\n")
    texts = [u.text for u in parse(text).units()]
    assert texts[-1] == "Done at Termez on 2 March 2094."
    assert texts[-2].endswith("report on the work in 2096.")


def test_a_russian_note_of_the_hall_with_its_full_stop_is_furniture() -> None:
    text = ("Выступление мэра Кокшетау на открытии ярмарки\n\n"
            "Дорогие гости!\n\n"
            "Я рад приветствовать вас на лесной ярмарке нашего города. (Аплодисменты.)\n\n"
            "Город посадит березу для каждого гостя ярмарки.\n")
    decl = parse(text)
    assert any(u.text == "Я рад приветствовать вас на лесной ярмарке нашего города."
               for u in decl.units())
    assert "(Аплодисменты.)" in decl.furniture
