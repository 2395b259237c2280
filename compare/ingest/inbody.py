"""Import stage, furniture inside the text: lines between two paragraphs that are not the text's.

`ingest.furniture` finds where the text starts and ends; between those bounds two kinds of line
still belong to the page, not to the declaration. A stage direction of a transcript ("(Applause)",
"(Laughter)") is a line set wholly in brackets, a word or a few without digits or final
punctuation, standing between two sentences. A running head of a print view or a PDF copy is a
line repeated word for word, also printed above or below the text, that is page furniture by its
shape (separators, a stamp, no final punctuation). The site speaking of the page ("Read also:
...", "Advertisement", "Please enable JavaScript ..."), a line of addresses, or the label of one
language's half of a parallel edition ("English text": it ends nothing, the other half follows),
set as a line of its own, is the page's wherever it stands (`ingest.sitetalk`). A speaker label
("CHAIR:", a name in capitals and a colon alone on its line) says who speaks next. Each is
judged on the line and its two neighbours, so the pass stays linear in the lines.
"""

from __future__ import annotations

import re

from .lines import Line, ends_final, parse_marker
from .signals import DIGIT, bracketed, furniture_like
from .sitetalk import contact_line, language_label, page_talk

STAGE_WORDS = 4
"""A stage direction in brackets is at most this many words ("(Applause)", "(Prolonged
applause)")."""


def stage_direction(x: str) -> bool:
    """A short line set wholly in brackets, of words without digits or final punctuation: a
    transcript's note of what happened in the hall, not a clause."""
    if not bracketed(x):
        return False
    inner = x[1:-1].strip()
    words = inner.split()
    return (0 < len(words) <= STAGE_WORDS and not DIGIT.search(inner) and not ends_final(inner)
            and any(ch.isalpha() for ch in inner) and len(max(words, key=len)) >= 3)


SPEAKER_WORDS = 3
"""A transcript's speaker label is at most this many words ("CHAIR:", "THE PRESIDENT:")."""

_SPEAKER_LABEL = re.compile(r"[^\W\d_][^\W\d_ .'-]*(?:[ .'-]+[^\W\d_]+)*[ \t]*[:\uff1a]")


def speaker_label(x: str) -> bool:
    """A line that is only a speaker's name or office in capitals and a colon ("CHAIR:"): a
    transcript's label for who speaks next, not a clause."""
    letters = [ch for ch in x if ch.isalpha()]
    return (bool(_SPEAKER_LABEL.fullmatch(x)) and len(letters) >= 2
            and all(ch.isupper() for ch in letters) and len(x.split()) <= SPEAKER_WORDS
            and parse_marker(x) is None)


def in_body_furniture(text_lines: list[Line], k: int, group: dict[int, int],
                      repeated_outside: bool) -> bool:
    """Whether line `k`, inside the text's bounds, is page furniture: a stage direction
    between two sentences (the line above ends one, or stands in another run of lines), or a
    running head (`repeated_outside`: the same line also stands outside the text)."""
    n, x = text_lines[k]
    if repeated_outside and furniture_like(x, True) and not ends_final(x):
        return True
    if speaker_label(x):
        return True
    if (page_talk(x) or contact_line(x) or language_label(x)) and _standalone(
            text_lines, k, group):
        return True  # "Advertisement", "Read also: ...", "Enable JavaScript ...", a URL
    if not stage_direction(x) or k == 0:
        return False
    above_n, above = text_lines[k - 1]
    return ends_final(above) or group[above_n] != group[n]


def _standalone(text_lines: list[Line], k: int, group: dict[int, int]) -> bool:
    """Line `k` is a whole line of its own, not a piece of a wrapped sentence: the line above
    ends a sentence, stands in another run of lines or is the site's talk too, and the line
    itself ends one or the next line opens another run or a new sentence."""
    n, x = text_lines[k]
    above = text_lines[k - 1][1] if k > 0 else ""
    if k > 0 and group[text_lines[k - 1][0]] == group[n] and not ends_final(above) and not (
            page_talk(above) or contact_line(above)):
        return False
    if ends_final(x) or k + 1 >= len(text_lines):
        return True
    below_n, below = text_lines[k + 1]
    return group[below_n] != group[n] or not below[:1].islower()
