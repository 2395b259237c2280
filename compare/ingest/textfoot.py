"""Import stage, the foot of a text: footnotes under it and a page's note under a copy cut off.

For `ingest.furniture`: `footnotes` finds the run of "[n] ..." notes at the end whose markers
stand glued to words of the text ("Organisation[1]"), and the short heading over them;
`after_cut` finds the short run of the page's own lines under a copy that stops mid-word or
mid-sentence ("Log in to read on."). Both return the text's last line above what they found.
"""

from __future__ import annotations

import re

from .lines import Line, ends_final, parse_marker
from .signals import DIGIT

_FOOTNOTE = re.compile(r"\[(\d{1,3})\][ \t]+\S")
_GLUED = re.compile(r"(?<=\S)\[(\d{1,3})\]")


def footnotes(text_lines: list[Line], first: int, last: int) -> int:
    """The text's last line above its footnotes: a run of lines at the end opening with
    "[n] ", each marker also standing in the text glued to a word ("Organisation[1]"), and the
    short heading over them ("Notes"). The markers stay in the text; the notes are the copy's
    apparatus, not clauses."""
    k = last
    if not _FOOTNOTE.match(text_lines[k][1]):
        return last
    glued = {m.group(1) for _, x in text_lines[first:last] for m in _GLUED.finditer(x)}
    while k > first and (m := _FOOTNOTE.match(text_lines[k][1])) and m.group(1) in glued:
        k -= 1
    if k == last:
        return last
    x = text_lines[k][1]
    if k > first and len(x.split()) <= 3 and not ends_final(x) and not DIGIT.search(x):
        k -= 1  # "Notes", "Footnotes"
    return k


CUT_NOTE_WORDS = 20
"""A page's note under a copy cut off mid-word ("Preview limited to four paragraphs.") is at
most this many words."""


def after_cut(text_lines: list[Line], first: int, last: int, group: dict[int, int]) -> int:
    """The text's last line when the copy stops mid-word or mid-sentence (a long unnumbered line
    ending in a letter) and only a short run of lines of its own follows, to the end of the
    page: that run is the page's note on the cut ("Log in to read on."), not the text."""
    start = last
    while start > first and group[text_lines[start - 1][0]] == group[text_lines[last][0]]:
        start -= 1
    if start <= first or sum(len(x.split()) for _, x in text_lines[start : last + 1]) > (
            CUT_NOTE_WORDS):
        return last
    cut = text_lines[start - 1][1]
    if ends_final(cut) or len(cut.split()) < 10 or not cut[-1:].isalpha() or parse_marker(cut):
        return last
    return start - 1
