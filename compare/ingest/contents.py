"""Import stage, a printed edition's contents list: front matter, never the text.

A gazette, a bulletin or a collection copied from its PDF or print view opens with its masthead
and a list of what the issue holds: entries with dot leaders and the page each starts on
("Aktau Declaration on Fisheries ........ 3"), under group headings of the list ("Documents of
the Government") and the list's own heading ("CONTENTS"). An entry names a document, so it reads
like a title, and the masthead above it may run long enough to read like a sentence; neither is
the text. `front_contents` finds such a list near the top: two entries with dot leaders at
least (`signals.toc_entry`), the lines between them and the lines above them in their run of
lines that end no sentence (group headings, an entry with a short leader or none; not a title
naming a kind of document), an entry ending in its page below them, and a short heading alone
right above. The text starts after it when more of the page's sentences stand below the list
than above it. A list without leaders is one too when it is numbered under a label ending in a
colon ("Contents:" over "1. General provisions", ...) with no sentence above it, and each entry
is printed again further down, as its part's heading (`numbered_contents`); those headings are
then no running head printed twice.
"""

from __future__ import annotations

from .bounds import document_title
from .lines import INTRO_WORDS, Line, ends_final, marker_value, parse_marker
from .signals import DIGIT, furniture_like, sentence_like, toc_entry
from .sitetalk import page_talk
from .structure import HEADING_MAX_WORDS, word_count

CONTENTS_WITHIN = 60
"""Lines at the top of a page read for a contents list."""
HEADING_WORDS = 3
"""The heading over a contents list ("CONTENTS", "Table of contents") is this short."""


def front_contents(text_lines: list[Line], group: dict[int, int], start: int = 0
                   ) -> range | None:
    """The indices (into `text_lines`) of a contents list at the front, heading included, not
    above line `start` (the first past the header fields), or None (see the module
    docstring)."""
    found = _front_contents(text_lines, group)
    return found if found is not None and found.start >= start else None


def _front_contents(text_lines: list[Line], group: dict[int, int]) -> range | None:
    top = min(len(text_lines), CONTENTS_WITHIN)
    entries = [i for i in range(top) if toc_entry(text_lines[i][1])]
    if len(entries) < 2:
        return numbered_contents(text_lines, top)
    a, b = entries[0], entries[-1]
    if any(ends_final(x) or (sentence_like(x) and not toc_entry(x))
           for _, x in text_lines[a : b + 1]):
        return None  # a sentence among the entries: no list of what an issue holds
    while a > 0 and _in_list(text_lines, a - 1, a, group) and not document_title(
            text_lines[a - 1][1]):
        a -= 1  # the list's group headings above its first entry, not a title over it
    while b + 1 < len(text_lines) and _in_list(text_lines, b + 1, b, group) and (
            text_lines[b + 1][1][-1:].isdigit()):
        b += 1  # an entry with a short leader or none, ending in its page
    if a > 0 and _heading(text_lines, a - 1, a, group):
        a -= 1
    before = sum(1 for _, x in text_lines[:a] if sentence_like(x))
    after = sum(1 for _, x in text_lines[b + 1 :] if sentence_like(x))
    return range(a, b + 1) if after > before else None


def _in_list(text_lines: list[Line], k: int, beside: int, group: dict[int, int]) -> bool:
    """Line `k`, in the run of lines of the list's line `beside`, is the list's too: it ends no
    sentence and reads like none."""
    x = text_lines[k][1]
    return group[text_lines[k][0]] == group[text_lines[beside][0]] and not ends_final(x) and (
        not sentence_like(x))


def _heading(text_lines: list[Line], k: int, first: int, group: dict[int, int]) -> bool:
    """Line `k` is the list's heading: alone in its run of lines, right above the list's
    first, short, without a digit or final punctuation."""
    n, x = text_lines[k]
    alone = (k == 0 or group[text_lines[k - 1][0]] != group[n]) and group[n] != group[
        text_lines[first][0]]
    return alone and 0 < len(x.split()) <= HEADING_WORDS and not DIGIT.search(x) and not (
        ends_final(x))


def numbered_contents(text_lines: list[Line], top: int) -> range | None:
    """The indices of a contents list set as numbered lines under a label ending in a colon
    ("Contents:", "Содержание:", "目录" with a full-width colon) at the front, no running text
    above it: two entries or more, numbered from 1 in one style, each a few words, every one
    printed again as a line further down (the heading of the part it names). Or None."""
    for k in range(top):
        x = text_lines[k][1]
        if sentence_like(x) and ends_final(x) and not x.rstrip().endswith((":", "\uff1a")):
            return None  # a sentence of running text above: no front matter
        if not x.rstrip().endswith((":", "\uff1a")) or word_count(x) >= INTRO_WORDS:
            continue
        j = _numbered_run(text_lines, k)
        if j - k > 2 and {y for _, y in text_lines[k + 1 : j]} <= {
                y for _, y in text_lines[j:]}:  # a label above at most CONTENTS_WITHIN lines
            return range(k, j)
    return None


def _numbered_run(text_lines: list[Line], k: int) -> int:
    """The end of the run of entries under line `k`: numbered from 1 in one style, each a few
    words without final punctuation."""
    j, style = k + 1, None
    while j < len(text_lines) and (m := parse_marker(text_lines[j][1])) is not None and (
            m[0] == (style or m[0])) and marker_value(m[2]) == j - k and not ends_final(
                m[3]) and word_count(m[3]) <= HEADING_MAX_WORDS:
        j, style = j + 1, m[0]
    return j


def label_list(head: list[Line], title: int) -> set[int]:
    """The indices of the lines of a short label's list under the title (`head`: the lines
    above the text's first sentence; `title`: the title's index): a label ending in a colon,
    not the site's talk ("Read also:"), over two entries or more numbered from 1 in one style
    (`_numbered_run`), none with a stamp's, counter's or separator's signals. A contents list
    (its entries printed again below) is taken out before (`numbered_contents`); what is left
    is the text's own list ("Priority areas:" / "1. Grain" / "2. Irrigation"), never a menu."""
    out: set[int] = set()
    for k in range(title + 1, len(head)):
        x = head[k][1]
        if not x.rstrip().endswith((":", "\uff1a")) or page_talk(x) or furniture_like(
                x, False, False):
            continue
        j = _numbered_run(head, k)
        if j - k > 2 and not any(furniture_like(y, False, False) for _, y in head[k + 1 : j]):
            out.update(range(k, j))
    return out
