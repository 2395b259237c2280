"""Import stage, what wraps a copy above its text: a banner's tagline, a cover note.

`ingest.furniture` starts the text at its first sentence-like line. Two kinds of line look so
and are not the text. A site's banner may print a tagline of running words without final
punctuation ("Regional news portal for the mountain districts") over its menu: a line that
ends no sentence and that the next line of its run does not go on with (a menu word, a
picker, a stamp) is the banner's (`banner_line`). A forward, a list post or a chat puts a
note to its readers above the document ("Hi all, here is the text as adopted.", "Please find
the statement below."): when a document's own title (`bounds.document_title`, a title naming
its kind) follows within `COVER_LINES` lines with running text under it, and every sentence
above it speaks to a reader (I, you, please, below, here is, FYI, as e-mail and chat notes
do; a forward's or an archive's field lines may stand between), the text starts under that
title and the note is furniture (`cover_start`). A post split over two messages marks its parts
("(1/2)" after the title, "(2/2)" over the rest): the counters are the post's (`part_counter`,
`title_counter`). The notes pages of a slide deck print each slide (its number, title and
bullets) over its speaker notes: the slide is furniture, the notes the text (`slide_frames`). A
paragraph set in a narrow column may have no line that reads as a sentence by itself: the
filled run of lines is the text's (`column_lines`); `group_ids` numbers the runs of lines.
"""

# ruff: noqa: RUF001, RUF002  (Cyrillic letters and CJK punctuation are meant)
from __future__ import annotations

import re

from .bounds import document_title
from .lines import Line, ends_final, parse_marker
from .signals import furniture_like, sentence_like, text_note

COVER_LINES = 16
"""A document's title follows a cover note (with a forward's headers) within this many lines."""
COVER_WORDS = 60
"""A cover note's sentence is this short."""

_TO_READER = re.compile(
    r"(?i)\b(?:you|your|please|pls|fyi|hi|hello|below|attached|herewith|here is|here's"
    r"|find (?:below|attached|enclosed)|forward(?:ed|ing)?)\b"
    r"|(?-i:\bI(?:'m|'ve|'ll)?\b)|\bниже\b|направляю|пересылаю|прилагаю|\bвот текст|коллеги"
    r"|以下|如下|转发|小编")
"""Words of a note to the copy's reader: a person writes, a reader is asked or shown."""


def banner_line(text_lines: list[Line], i: int, group: dict[int, int]) -> bool:
    """Line `i` is a site banner's tagline: sentence-like words that end no sentence, with a
    line of furniture (not of running text) under it in its run, and no running text above it
    in the run."""
    n, x = text_lines[i]
    if ends_final(x) or i + 1 >= len(text_lines):
        return False
    below_n, below = text_lines[i + 1]
    if group[below_n] != group[n] or sentence_like(below) or not furniture_like(below):
        return False
    return i == 0 or group[text_lines[i - 1][0]] != group[n] or not sentence_like(
        text_lines[i - 1][1])


def cover_start(text_lines: list[Line], first: int, group: dict[int, int]) -> int:
    """The first line of the text when a cover note stands above the document's title (see
    the module docstring), else `first`."""
    for j in range(first + 1, min(first + COVER_LINES, len(text_lines))):
        x = text_lines[j][1]
        if not document_title(x, russian=True):
            continue
        after = [k for k in range(j + 1, min(j + 7, len(text_lines)))
                 if sentence_like(text_lines[k][1])]
        runs: dict[int, str] = {}  # a note hard-wrapped over its run of lines is read whole
        for n, y in text_lines[first:j]:
            runs[group[n]] = f"{runs.get(group[n], '')} {y}"
        above = [(y, runs[group[n]]) for n, y in text_lines[first:j] if sentence_like(y)]
        if len(after) >= 2 and any(_to_reader(run) for _, run in above) and all(
                _to_reader(run) or _field(y) for y, run in above):
            return after[0]
        return first
    return first


_FIELD = re.compile(r"[^\W\d_][^:.!?]{0,40}:\s")
"""A header's or a navigation's field ("Previous message (by thread): ...")."""


def _field(x: str) -> bool:
    marker = parse_marker(x)
    core = marker[3] if marker is not None else x
    return _FIELD.match(core) is not None and not ends_final(core)


def reader_note(text_lines: list[Line], first: int, body: list[int]) -> bool:
    """Line `first`, the first sentence-like line under the title, is an editor's note to the
    readers of the page ("Editor's note: here is the full text; please share it", "编者按：
    ……欢迎转发"): labelled as a note and speaking to the reader, with the text after it. A
    note of the text about its words speaks to no one and stays (`signals.text_note`)."""
    x = text_lines[first][1]
    return text_note(x) and _to_reader(x) and any(i > first for i in body)


def _to_reader(x: str) -> bool:
    return len(x.split()) <= COVER_WORDS and _TO_READER.search(x) is not None


_PART = re.compile(r"\((\d{1,2}) ?/ ?(\d{1,2})\)")
_PART_AT_END = re.compile(r"\s+\((\d{1,2}) ?/ ?(\d{1,2})\)$")


def part_counter(x: str) -> bool:
    """A line that is only the counter of a post or message split in parts ("(2/2)")."""
    m = _PART.fullmatch(x.strip())
    return m is not None and _in_order(m)


def title_counter(head: list[Line], title: int, retitled: dict[int, str]) -> list[Line]:
    """A title line ending in the counter of a post split in parts ("... on Para Sport
    (1/2)"): the title without it (in `head` and `retitled`), and the counter as a line left
    out (the post's, not the title's); else nothing changes."""
    n, x = head[title]
    x = retitled.get(n, x)
    m = _PART_AT_END.search(x)
    if m is None or not _in_order(m):
        return []
    head[title] = (n, x[: m.start()])
    retitled[n] = x[: m.start()]
    return [(n, m.group().strip())]


def _in_order(m: re.Match[str]) -> bool:
    return 1 <= int(m.group(1)) <= int(m.group(2)) and int(m.group(2)) >= 2


_SLIDE = re.compile(r"(?i)(?:slide|слайд)\s*(\d{1,3})|幻灯片\s*(\d{1,3})")
_NOTES_LABEL = re.compile(r"(?i)(?:speaker |presenter )?notes?\s*:|заметки(?: докладчика)?\s*:"
                          r"|备注\s*[:：]")
SLIDE_LINES = 10
"""A slide's own lines (its number, title, bullets) above its notes are at most this many."""


def slide_frames(lines: list[Line]) -> list[Line]:
    """The lines of each slide on the notes pages of a slide deck: a line "Slide N" (two or
    more, numbered in order) and the lines under it in its run, up to the notes' label
    ("Notes:") or, without one, to the run's end. The notes under the label are the text."""
    at = [(i, int(m.group(1) or m.group(2))) for i, (_, x) in enumerate(lines)
          if (m := _SLIDE.fullmatch(x.strip())) is not None]
    numbers = [k for _, k in at]
    if len(at) < 2 or numbers != sorted(set(numbers)):
        return []
    out: list[Line] = []
    for i, _ in at:
        j = i
        while j < len(lines) and lines[j][1] and j - i <= SLIDE_LINES:
            out.append(lines[j])
            if _NOTES_LABEL.fullmatch(lines[j][1].strip()):
                break
            j += 1
    return out


_CREDIT = re.compile(r"(?i)(?:image|picture|photo)s?(?: source| credit)?s?\s*:|图片来源\s*[:：]"
                     r"|图源\s*[:：]|摄影\s*[:：]|источник фото\s*:")
CREDIT_WORDS = 12
"""An image's credit line is this short (or twice as many CJK characters)."""


def credit_line(x: str) -> bool:
    """An image's source or credit on a line of its own ("Image source: ...", "图片来源：..."):
    the page's caption, wherever it stands between paragraphs."""
    cjk = sum(1 for ch in x if "\u3400" <= ch <= "\u9fff")
    return _CREDIT.match(x) is not None and len(x.split()) <= CREDIT_WORDS and (
        cjk <= 2 * CREDIT_WORDS) and not ends_final(x)


def in_text_mark(x: str) -> bool:
    """A line between two paragraphs that is the page's mark: a part counter or an image's
    credit."""
    return part_counter(x) or credit_line(x)


def paragraph_ends(text_lines: list[Line], body: list[int], group: dict[int, int]) -> list[int]:
    """The lines that end a sentence of the text: a sentence-like line of `body` that ends one,
    or the short line right under one in its run that ends it (a narrow column's last line:
    "... data on canal" / "losses.")."""
    out: list[int] = []
    inside = set(body)
    for i in body:
        if ends_final(text_lines[i][1]):
            out.append(i)
        elif i + 1 < len(text_lines) and i + 1 not in inside and group[text_lines[i + 1][0]] == (
                group[text_lines[i][0]]) and ends_final(text_lines[i + 1][1]):
            out.append(i + 1)
    return out


COLUMN_LINES = 3
"""A paragraph set in a narrow column runs over at least this many lines."""
FILLED = 0.6
"""Each line of a filled column but the last is at least this share of its longest line."""


def column_lines(text_lines: list[Line], group: dict[int, int]) -> set[int]:
    """The lines of runs that are a paragraph hard-wrapped in a narrow column, none of them
    sentence-like by itself ("The Ministers of Fisheries of the" / "Member States met in Aktau
    on 4" / "May 2301 to discuss ..." / "of the sea."): `COLUMN_LINES` lines or more, filled
    (`FILLED`), only the last ending a sentence, and the whole a sentence."""
    out: set[int] = set()
    start = 0
    for i in range(1, len(text_lines) + 1):
        if i < len(text_lines) and group[text_lines[i][0]] == group[text_lines[start][0]]:
            continue
        run = [x for _, x in text_lines[start:i]]
        widest = max(len(x) for x in run)
        if len(run) >= COLUMN_LINES and ends_final(run[-1]) and not any(
                ends_final(x) for x in run[:-1]) and all(len(x) >= FILLED * widest
                                                       for x in run[:-1]) and sentence_like(
                " ".join(run)) and not any(furniture_like(x, False, False) and not _plain(x)
                                           for x in run):
            out.update(range(start, i))
        start = i
    return out


def _plain(x: str) -> bool:
    """A line of words and numbers only (a wrapped date: "met in Aktau on 4"), no stamp, link,
    separator or counter."""
    return re.fullmatch(r"[\w ,.;'()\u2019-]+", x) is not None and not re.search(r"\d:\d", x)


def group_ids(lines: list[Line]) -> dict[int, int]:
    """Line number -> the number of its run of lines between blank lines."""
    out: dict[int, int] = {}
    g = 0
    for n, x in lines:
        if x:
            out[n] = g
        else:
            g += 1
    return out
