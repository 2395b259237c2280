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
("CHAIR:", a name in capitals and a colon alone on its line) says who speaks next. A scan's
transcribed stamp (capitals and a lower-case note in brackets) and a running head carrying the
document's symbol beside a page counter are the copy's marks. Each is
judged on the line and its two neighbours, so the pass stays linear in the lines. An
interruption between two clauses (the site's talk, a PDF viewer's toolbar at a page break, a
line printed on every page) ends nothing when the clause after it goes on like the text
(`interruption`). Whether text goes on after such a line is judged by paragraphs, a narrow
column's hard-wrapped lines read whole (`wrapped_paragraphs`).
"""

from __future__ import annotations

import re

from .lines import Line, ends_final, parse_marker, starts_lower
from .signals import (
    COMMITMENT,
    DIGIT,
    FUNCTION_WORDS,
    STRONG,
    TIME,
    bracketed,
    end_signal,
    furniture_like,
    labelled,
    sentence_like,
    site_line,
    toc_entry,
)
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
    if page_counter(x) and parse_marker(x) is None:
        return True  # a PDF viewer's toolbar at a page break: "Page 2 / 3   Zoom 100 %"
    if symbol_head(text_lines, k) or (stamp_line(x) and _standalone(text_lines, k, group)):
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


_PAGE_COUNTER = re.compile(r"(?i)\b(?:page|стр\.?|страница)\s*\d{1,4}\s*(?:of|из|/)\s*\d{1,4}"
                           r"|第\s*\d{1,4}\s*页")
"""A page counter with the page count ("Page 2 / 3", "Страница 2 из 2"): a page break."""


def page_counter(x: str) -> bool:
    """A line with a page counter outside a sentence: a PDF viewer's toolbar, a page break."""
    return _PAGE_COUNTER.search(x) is not None and not sentence_like(x)


_STAMP = re.compile(r"([^\[\]()]*?)[ \t]*[\[(]([^\[\]()]+)[\])][ \t]*([^\[\]()]*)")
STAMP_WORDS = 6
"""A stamp's words in capitals and the transcriber's note beside it are at most this many."""


def stamp_line(x: str) -> bool:
    """A stamp or seal as a scan's transcriber writes it: a few words in capitals and a note in
    brackets, in lower case, on what was seen ("CERTIFIED TRUE COPY [stamp partly illegible]",
    "[seal] APPROVED"): the copy's marks, not a heading (a heading has no such note)."""
    m = _STAMP.fullmatch(x)
    if m is None:
        return False
    outside, note = f"{m.group(1)} {m.group(3)}".strip(), m.group(2).strip()
    letters = [ch for ch in outside if ch.isalpha()]
    return (len(letters) >= 2 and all(ch.isupper() for ch in letters)
            and 0 < len(outside.split()) <= STAMP_WORDS and 0 < len(note.split()) <= STAMP_WORDS
            and note == note.lower() and any(ch.isalpha() for ch in note)
            and not DIGIT.search(note) and parse_marker(x) is None)


_SYMBOL = re.compile(r"(?<![\w/])[A-Z]{2,}[\w.-]*(?:/[\w.-]+){2,}(?![\w/])")
"""A document symbol ("SCO/ME/2175/1", "A/RES/60/1"): capitals, then two parts or more after
slashes."""
HEAD_WORDS = 12
"""A running head beside a page counter is at most this many words."""


def symbol_head(text_lines: list[Line], k: int) -> bool:
    """A running head printed once, beside a page counter: a short line without final
    punctuation carrying the document's symbol ("SCO/ME/2175/1   Dushanbe Declaration"),
    right after or before a page-break line ("... Page 1 of 2")."""
    x = text_lines[k][1]
    if not _SYMBOL.search(x) or ends_final(x) or len(x.split()) > HEAD_WORDS or parse_marker(
            x) is not None:
        return False
    return any(0 <= j < len(text_lines) and page_counter(text_lines[j][1]) for j in (k - 1, k + 1))


def opening(x: str) -> tuple[str, ...]:
    """A line's first two words (after its number or marker), case-folded."""
    marker = parse_marker(x)
    return tuple(w.casefold() for w in (marker[3] if marker else x).split()[:2])


def _subjects(openings: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The first words of the text's lines that name a subject ("member", "министры"), not an
    article or a word of four letters or fewer ("The", "This")."""
    return {o[:1] for o in openings if o and len(o[0]) > 4 and o[0] not in FUNCTION_WORDS}


def interruption(signals: list[str], after: str, openings: set[tuple[str, ...]],
                 repeated: frozenset[str] = frozenset()) -> bool:
    """Whether the lines that would end the text (`signals`) only interrupt it: each is the
    site's talk, a page counter outside a sentence ("Page 2 / 3 Zoom 100 %") or a line printed
    more than once on the page (a running head), and the line after them (`after`) goes on like
    the text (`openings`: the first words of its lines): numbered, opening alike, with the
    same subject, or a clause that commits (not a reader's "Name: ...")."""
    if not all(site_line(x) or x in repeated or page_counter(x) for x in signals):
        return False
    return (parse_marker(after) is not None or opening(after) in openings
            or opening(after)[:1] in _subjects(openings)
            or bool(COMMITMENT.search(after) and not labelled(after)))


def runs_on(gap: list[Line], after: str) -> bool:
    """The line after an end signal goes on with its sentence (a page's note wrapped onto a
    second line: "This page is an illustration ...; the" / "statement is invented."): it is
    the note's rest, not the text resumed."""
    last = gap[-1][1] if gap else ""
    return bool(last) and end_signal(last) and not ends_final(last) and starts_lower(after)


def stamp_in_body(x: str) -> bool:
    """A line inside the text's bounds that is furniture however it stands: a counter, a
    time stamp, an entry of a table of contents (not a numbered line)."""
    return furniture_like(x, False) and bool(STRONG.search(x) or TIME.search(x) or toc_entry(
        x)) and parse_marker(x) is None


def wrapped_paragraphs(rest: list[Line]) -> list[str]:
    """The lines of `rest`, with the lines of a paragraph hard-wrapped in a narrow column
    joined (up to `WRAPPED_LINES` lines, none of them an end signal or a label, up to one that
    ends a sentence: "The Ministers instructed the working" / "group on water to prepare ..."
    / "farms."); other lines as they are."""
    out: list[str] = []
    run: list[str] = []
    for _, x in rest:
        if end_signal(x) or labelled(x) or len(run) >= WRAPPED_LINES:
            out += run
            run = []
            if end_signal(x) or labelled(x):
                out.append(x)
                continue
        run.append(x)
        if ends_final(x):
            out.append(" ".join(run))
            run = []
    return out + run


WRAPPED_LINES = 12
"""A paragraph hard-wrapped in a narrow column runs over at most this many lines (read whole)."""
