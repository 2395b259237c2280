"""Press-release end marks, prompts to read on and reactions in an address (issue 12), each on
its own invented text (illustrative; none of it is from a real page).

A press release prints "ENDS" (or "###", "- end -") under its text and then "Notes to editors"
with numbered sentences of their own: the text is over at the mark, however long the notes
run. A prompt to read the rest elsewhere ("Download the complete file to keep reading") under a
copy cut off is the page's, not the text's.
"""

from __future__ import annotations

import pytest

from compare.ingest import importer as ingest
from compare.ingest.signals import end_mark, read_on
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
    assert read_on("Continue reading")
    assert not read_on("The member states will continue to teach reading and writing in the "
                       "mountain schools of the region for as long as they are needed.")
