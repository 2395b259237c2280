"""Import stage, marks of the copy: what an e-mail, a markdown file or a transcript puts on lines.

A text pasted from a mail client has every line quoted (`> `), or a reply quotes it in pieces
between its own comments; a plain copy quotes a passage under its own title, the text around it its
own (`>>` nested, `>` alone a blank line of the quote); one saved as markdown wraps its headings in
`#` and `**`, one from a video page opens each line with a time code (`[00:01:02]`), a library's
copy numbers its lines in the margin, a news wire sends it in takes between teleprinter codes
(`ZCZC` ... `NNNN`). None of it is the text's: `strip_marks` takes such marks off the line starts
and ends before the layout is read, and returns them with their line numbers so that the importer
keeps them with the left-out furniture (nothing is dropped). Each mark is read by its form and by
repetition, never by words: quoting (a mail's copy: at least `QUOTED_LINES` lines of one run), time
codes at the start of at least two lines (and a chat's sender after them, when the same name opens
two of them), setext underlines (a run of `=` or `-` under a line of text), markdown headings
(`# `) and lines wholly in `**bold**` or `*italic*`; a line made only of markdown links
(`[Print](#print) · [PDF](/a.pdf)`) is page furniture as a whole. A parallel edition pasted as a
two-column table (a tab between a cell in Latin letters and one in another script, on at least
`COLUMN_ROWS` lines) is read a row at a time (`split_columns`), before tabs are collapsed. A
transcript's notes of the hall inside a line ("... as well. [Applause]", "(Laughter)" between two
sentences) are taken out of it (`strip_reactions`, also on a web page's blocks).
"""

from __future__ import annotations

import itertools
import re

from .lines import Line, is_title_like, parse_marker, starts_lower
from .signals import KIND_WORDS, labelled
from .sitetalk import language_label

__all__ = ["COLUMN_ROWS", "MARGIN_LINES", "QUOTED_LINES", "join_takes", "split_columns",
           "strip_margin_numbers", "strip_marks", "strip_reactions"]

QUOTED_LINES = 3
"""Quoted lines (`>` alone or `> text`) in one run, blank lines between them allowed, that make
an e-mail's quoted copy: one quoted line is a markdown note, not a quoted document."""

_QUOTE = re.compile(r"(?:>[ \t]?)+(?=\S|$)")
_QUOTED = re.compile(r"(?:>[ \t]?)*>(?:[ \t]|$)")
_TIME_CODE = re.compile(r"[\[(](?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?[\])][ \t]*")
_HEADING = re.compile(r"(#{1,6})[ \t]+(\S.*?)(?:[ \t]+#+)?")
_EMPHASIS = re.compile(r"(\*\*|\*)(?=[^\s*])(.+?)(?<=[^\s*])\1")
_LINK = r"!?\[[^\]\n]*\]\([^)\s]*\)"
_LINKS_ONLY = re.compile(rf"{_LINK}(?:[ \t]*[|·•/,][ \t]*{_LINK}|[ \t]+{_LINK})*")


def strip_marks(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The lines without the copy's marks, and the marks (or whole link lines) left out."""
    out = list(lines)
    left: list[Line] = []
    strip_margin_numbers(out, left)
    out = join_takes(out, left)
    _unquote(out, left)
    codes = [i for i, (_, x) in enumerate(out) if _TIME_CODE.match(x)]
    if len(codes) >= 2:
        for i in codes:
            n, x = out[i]
            m = _TIME_CODE.match(x)
            assert m is not None
            left.append((n, m.group().strip()))
            out[i] = (n, x[m.end():])
        _strip_speakers(out, left, codes)
    _strip_underlines(out, left)
    strip_reactions(out, left)
    for i, (n, x) in enumerate(out):
        if _LINKS_ONLY.fullmatch(x):
            left.append((n, x))
            out[i] = (n, "")
            continue
        heading = _HEADING.fullmatch(x)
        if heading:
            left.append((n, heading.group(1)))
            x = heading.group(2)
        whole = _EMPHASIS.fullmatch(x)
        if whole and "*" not in whole.group(2):
            left.append((n, whole.group(1) * 2))
            x = whole.group(2)
        out[i] = (n, x)
    return out, sorted(left)


_SPEAKER = re.compile(r"([^\W\d_][\w.'-]*(?: [^\W\d_][\w.'-]*){0,2}):[ \t]+(?=\S)")
"""A chat message's sender before its text ("Dilnoza R.: "): at most three words, no digits
first, a colon and a space."""
SPEAKER_LINES = 2
"""A sender's name opens at least this many time-stamped lines: then it is a chat's sender, not
a label of the text ("Note: ...")."""


MARGIN_LINES = 6
"""Lines whose opening numbers count the lines themselves that make a margin of line numbers."""
WRAPPED_WORDS = 6
"""A numbered line this long, ending without a stop, over one going on in lower case: a
sentence wrapped from line to line, which a list's numbers do not count."""
_MARGIN = re.compile(r"(\d{1,5})(?:[ \t]+(?=\S)|$)")


def strip_margin_numbers(out: list[Line], left: list[Line]) -> None:
    """Take a margin of line numbers off (a law library's or an edition's copy: "9   1. The
    Ministers recognise ...", "10   the coastal regions ..."): numbers opening the lines that
    go up as the lines do (each number minus its line's place the same, every line numbered
    or only every fifth), on at least `MARGIN_LINES` lines in one run, with a sign that they
    are no list's numbers: a number alone on its line (a blank line numbered) or a sentence
    wrapped from a numbered line onto the next (`WRAPPED_WORDS`). A number alone leaves a
    blank line."""
    found = [(i, int(m.group(1)), m) for i, (_, x) in enumerate(out)
             if (m := _MARGIN.match(x)) is not None]
    runs: list[list[tuple[int, int, re.Match[str]]]] = []
    for item in found:
        last = runs[-1][-1] if runs else None
        if last is not None and item[1] - item[0] == last[1] - last[0] and item[1] > last[1]:
            runs[-1].append(item)
        else:
            runs.append([item])
    for run in runs:
        rest = [out[i][1][m.end():] for i, _, m in run]
        wraps = any(b[:1].islower() and len(a.split()) >= WRAPPED_WORDS and not a.endswith(
            (".", ";", ":", ",")) for a, b in itertools.pairwise(rest))
        if len(run) < MARGIN_LINES or not (wraps or not all(rest)):
            continue
        for (i, number, _m), x in zip(run, rest, strict=True):
            left.append((out[i][0], str(number)))
            out[i] = (out[i][0], x)


_TAKE_START, _TAKE_END = "ZCZC", "NNNN"
"""The teleprinter's start and end of a message (ITA2 practice, kept by news wires): a wire copy
sent in takes prints each take between them."""


def join_takes(lines: list[Line], left: list[Line]) -> list[Line]:
    """A wire copy sent in takes read as one text: each take's start and end codes, the lines
    in capitals and figures under a later take's start (its number, slug and "(ADDS)") and
    over each end ("MORE", the desk's time stamp) are left out, and the takes run on (a take
    ends where the desk cut the copy, not a paragraph). The first take's header stays for the
    page's furniture rules to read (its headline, its lead). Without a start and an end code
    on lines of their own nothing changes."""
    starts = [i for i, (_, x) in enumerate(lines) if x == _TAKE_START]
    ends = [i for i, (_, x) in enumerate(lines) if x == _TAKE_END]
    if not starts or not ends or ends[-1] < starts[0]:
        return lines
    drop = set(starts) | set(ends)
    for i in ends:
        k = i - 1
        while k >= 0 and k not in drop and lines[k][1] and not _lower(lines[k][1]):
            drop.add(k)
            k -= 1
    for i in starts[1:]:
        k = i + 1
        while k < len(lines) and k not in drop and lines[k][1] and not _lower(lines[k][1]) and (
                parse_marker(lines[k][1]) is None):  # "II. TRADE" opens the text again
            drop.add(k)
            k += 1
    left.extend(lines[k] for k in sorted(drop) if lines[k][1])
    return [line for k, line in enumerate(lines) if k not in drop]


def _lower(x: str) -> bool:
    return any(ch.islower() for ch in x)


def _strip_speakers(out: list[Line], left: list[Line], codes: list[int]) -> None:
    """Take the sender's name off the time-stamped lines of a chat paste ("[09:12] Dilnoza R.:
    text"), when the same name opens `SPEAKER_LINES` of them; a sender seen once keeps the line
    whole (it is the chat's talk around the text, left out as a line)."""
    names = [(i, _SPEAKER.match(out[i][1])) for i in codes]
    count: dict[str, int] = {}
    for _, m in names:
        if m:
            count[m.group(1)] = count.get(m.group(1), 0) + 1
    for i, m in names:
        if m and count[m.group(1)] >= SPEAKER_LINES:
            n, x = out[i]
            left.append((n, m.group().strip()))
            out[i] = (n, x[m.end():])


_UNDERLINE = re.compile(r"(=|-)\1{2,}")
"""A setext underline: a run of "=" or "-" alone on its line."""


def _strip_underlines(out: list[Line], left: list[Line]) -> None:
    """Take the underlines of setext headings off ("Trade in goods" over "--------------"): a
    run of "=" or "-" alone on its line, right under a line of text, about as long as it (from
    half to one and a half times); the line above stands alone as a heading (a blank line after
    it). A rule with a blank line above it ("---" before a note) is no underline and stays."""
    for i in range(1, len(out)):
        n, x = out[i]
        above = out[i - 1][1]
        if (_UNDERLINE.fullmatch(x) and above.strip() and not _UNDERLINE.fullmatch(above)
                and len(above) <= 2 * len(x) and 2 * len(above) >= len(x)):
            left.append((n, x))
            out[i] = (n, "")


_REACTION = re.compile(
    r"(?:(?<=[.!?\u2026\u3002\uff01\uff1f])|(?<=[.!?\u2026][\"\u201d\u00bb\u2019]))"
    r"[ \t]*(\[[^\[\]\d\n]{2,80}\]|\([^()\d\n]{2,80}\)|\uff08[^\uff08\uff09\d\n]{1,40}\uff09"
    r"|\u3010[^\u3010\u3011\d\n]{1,40}\u3011)"
    r"(?=[ \t]*$|[ \t]+[A-Z\u0410-\u042f\u0401\"\u201c\u00ab]|[ \t]*[\u4e00-\u9fff])")
"""A note in brackets between two sentences of a line, or after its last ("... as well.
[Applause]", "... here. (Voices from the hall: \"Five!\") Five days ...", a Chinese note in
full-width brackets)."""
REACTION_WORDS = 8
"""A transcript's note of the hall's reaction is at most this many words."""
SHORT_REACTION = 4
"""A transcript shows itself by one note of the hall at most this short, without a stop or a
colon inside ("[Applause]", "(Prolonged applause)", "(Аплодисменты.)"): then its longer notes
go too."""


def _reaction(inner: str) -> bool:
    """The inside of a note of the hall: opening with a capital (or a Han character), no
    digits, at most `REACTION_WORDS`."""
    first = inner.lstrip()[:1]
    return (first.isupper() or "\u4e00" <= first <= "\u9fff") and len(inner.split()) <= (
        REACTION_WORDS)


def strip_reactions(out: list[Line], left: list[Line]) -> None:
    """Take a transcript's notes of the hall's reactions ("[Applause]", "(Laughter)") out of
    the lines they stand in, after a sentence, when one of them is short (`SHORT_REACTION`);
    the longer ones ("(Voices from the hall: \"Five!\")") go with it."""
    found = [(i, m) for i, (_, x) in enumerate(out) for m in _REACTION.finditer(x)
             if _reaction(m.group(1)[1:-1])]
    short = [m for _, m in found if len(m.group(1).split()) <= SHORT_REACTION and not any(
        c in m.group(1)[1:-1].rstrip(".") for c in ".!?:;\u3002\uff01\uff1f\uff1a")]
    if not short or (len(found) == 1 and len(found[0][1].group(1).split()) > SHORT_REACTION):
        return  # no "[Applause]" of a transcript: a bracketed sentence of the text stays
    for i in sorted({i for i, _ in found}):
        n, x = out[i]
        notes = [m for j, m in found if j == i]
        kept, at = [], 0
        for m in notes:
            kept.append(x[at : m.start()])
            left.append((n, m.group(1)))
            at = m.end()
        kept.append(x[at:])
        out[i] = (n, re.sub(r"[ \t]{2,}", " ", "".join(kept)).strip())


COLUMN_ROWS = 3
"""Lines split by a tab into a cell in Latin letters and a cell in another script that make a
two-column table of a parallel edition (pasted from a word processor)."""


def split_columns(rows: list[Line]) -> tuple[list[Line], list[Line]]:
    """Raw lines with each row of a two-column parallel table set apart (a blank line after it,
    each cell a line of its own: a text over its translation, as a parallel edition printed in
    pairs of lines, which `ingest.bilingual` tells apart), and the table's header row
    ("ENGLISH<tab>РУССКИЙ": one word a cell, or "Русский текст<tab>English text": each cell
    a language's label) left out."""
    table = [i for i, (_, x) in enumerate(rows) if _two_scripts(x)]
    if len(table) < COLUMN_ROWS:
        return rows, []
    out: list[Line] = []
    left: list[Line] = []
    at = set(table)
    for i, (n, x) in enumerate(rows):
        if i not in at:
            out.append((n, x))
            continue
        cells = [c.strip() for c in x.split("\t") if c.strip()]
        if all(len(c.split()) == 1 for c in cells) or all(map(language_label, cells)):
            left.append((n, " ".join(cells)))
            out.append((n, ""))
            continue
        out += [*((n, c) for c in cells), (n, "")]
    return out, left


def _two_scripts(x: str) -> bool:
    """A row of two cells split by tabs, one in Latin letters and one in another script."""
    cells = [c for c in x.split("\t") if c.strip()]
    if len(cells) != 2:
        return False
    latin = [_latin_share(c) for c in cells]
    return min(latin) < 0.2 < 0.8 < max(latin)


def _latin_share(cell: str) -> float:
    letters = [ch for ch in cell if ch.isalpha()]
    return sum(1 for ch in letters if ch.isascii()) / len(letters) if letters else 0.5


def _unquote(lines: list[Line], left: list[Line]) -> None:
    """Take `>` quoting off each run of quoted lines long enough to be a quoted copy. When one
    run holds most of the words, it is the document the mail carries: the mail's own lines
    around it (headers, cover note, signature) and the quoted signature (from a `--` line on)
    are left out whole. A reply that quotes the document in pieces, its own comments between
    them ("> The Member States will ..." then "NS: in my notes ..."), carries it too: when the
    quoted runs together (at least `QUOTED_LINES` lines) hold most of the words, each is
    unquoted, however short, and every line of the mail's own is left out. Under a title of
    the document's own above the first quote (`_titled`), unless that quote opens with a title
    of its own standing apart (a blank line under it), or when the quotes hold too few of the
    words for a mail's copy, the text quotes passages: each is unquoted, however short (">>"
    nested, ">" alone a blank line of the quote), and nothing around it is left out."""
    unquoted = list(lines)
    pieces = _quoted_runs(unquoted, [], 1)
    if not pieces:
        return
    first = pieces[0][0]
    apart = first + 1 == len(lines) or not unquoted[first + 1][1]
    if not (apart and _titled(unquoted[first][1])) and any(_titled(x) for _, x in lines[:first]):
        _quoted_runs(lines, left, 1)
        return
    words = [len(x.split()) for _, x in lines]
    total = sum(words)
    quoted = sum(1 for i, j in pieces for k in range(i, j) if lines[k][1])
    runs = _quoted_runs(lines, left, QUOTED_LINES)
    main = next(((i, j) for i, j in runs if 2 * sum(words[i:j]) > total), None)
    if main is None:
        _quoted_runs(lines, left, 1)
        if len(pieces) < 2 or quoted < QUOTED_LINES or 2 * sum(
                sum(words[i:j]) for i, j in pieces) <= total:
            return
        keep = {k for i, j in pieces for k in range(i, j)}
        last = pieces[-1]
    else:
        keep, last = set(range(*main)), main
    sign = next((k for k in range(*last) if lines[k][1].rstrip() == "--"), last[1])
    for k, (n, x) in enumerate(lines):
        if x and (k not in keep or k >= sign):
            left.append((n, x))
            lines[k] = (n, "")


def _titled(x: str) -> bool:
    """Whether a line is a document's title: one naming its kind of document, not opening in
    lower case (markdown's `#` aside), no labelled header line ("Subject: Fwd: the communique").
    A title above the first quote is the text's, the quotes its passages, unless the quote
    opens with a title of its own: a mail's copy carries its title inside the quote."""
    heading = _HEADING.fullmatch(x)
    text = heading.group(2) if heading else x
    return not starts_lower(text) and is_title_like(text) and KIND_WORDS.search(text) is not None \
        and not labelled(text)


def _quoted_runs(lines: list[Line], left: list[Line], least: int) -> list[tuple[int, int]]:
    """Unquote the runs of at least `least` quoted lines (see `_unquote`); their index
    ranges."""
    runs = []
    i = 0
    while i < len(lines):
        if not _QUOTED.match(lines[i][1]):
            i += 1
            continue
        j = i
        while j < len(lines) and (_QUOTED.match(lines[j][1]) or (
                not lines[j][1] and j + 1 < len(lines) and _QUOTED.match(lines[j + 1][1]))):
            j += 1
        run = [k for k in range(i, j) if lines[k][1]]
        if len(run) >= least:
            left.append((lines[i][0], ">"))
            for k in run:
                n, x = lines[k]
                m = _QUOTE.match(x)
                lines[k] = (n, x[m.end():] if m else x)
            runs.append((i, j))
        i = j
    return runs
