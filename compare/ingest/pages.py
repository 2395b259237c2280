"""Import stage, pages: what printing did to a text copied from a PDF, undone with a notice.

Page-number lines ("- 2 -", "Page 3 of 5", "Стр. 4", "第2页"), page breaks (form feeds, when
`ingest` lets them through) and the running header or footer repeated beside them are dropped,
and the gap is closed so a paragraph runs on across the page (`drop_page_furniture`); a
paragraph number on a line of its own numbers the next text line, a list marker alone marks the
line under it (`attach_bare_numbers`). A word
hyphenated at a line end ("coop-" + "eration") is joined without the hyphen when the second part
starts in lower case, unless the text writes the compound with a hyphen elsewhere ("long-term",
see `Vocabulary`); before a capital the hyphen stays ("Asia-Pacific"): `dehyphenate`.
"""

# ruff: noqa: RUF001  (Cyrillic letters in the page-number patterns are meant)
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .lines import (
    ROMAN,
    Line,
    Notice,
    ends_final,
    is_title_like,
    parse_marker,
    starts_lower,
)
from .sitetalk import copy_note

_PAGE_NUMBER = re.compile(
    r"(?i)(?:[-\u2013\u2014] ?)?\d{1,3}(?: ?[-\u2013\u2014])?"
    r"|(?:page|p\.|стр\.?|страница|с\.) ?\d{1,4}(?: ?(?:of|из|/) ?\d{1,4})?"
    r"|\d{1,4} ?(?:/|of|из) ?\d{1,4}"
    r"|第 ?\d{1,4} ?页(?: ?[，,]? ?共 ?\d{1,4} ?页)?"
)
PAGE_BREAK = "\f"
"""A line holding only this is a page break (`ingest` puts form feeds on lines of their own)."""


def page_number_line(x: str) -> bool:
    """A line that is only a page number ("2", "- 3 -", "Page 2 of 5") or ends in a page
    number with the page count after a wide gap or a head ("https://... 1/3")."""
    x = " ".join(x.split())
    return bool(x) and (_PAGE_NUMBER.fullmatch(x) is not None or _OF_TOTAL.search(x) is not None)


def drop_page_furniture(lines: list[Line], notices: list[Notice],
                        spaced: frozenset[int] = frozenset()) -> list[Line]:
    """Drop page breaks, page-number lines and the running heads next to them, and close the
    gap so that a paragraph running over a page break is read as one (a notice for each kind).
    `spaced`: the numbers of the lines that printed a number at their end after a wide gap
    (`SPACED_NUMBER`, before spaces were collapsed), a PDF's footer set flush right.
    """
    whole = {x for _, x in lines}
    whole |= _numbered_heads(lines, spaced)
    numbers = [(n, x) for n, x in lines if x != PAGE_BREAK and (
        _PAGE_NUMBER.fullmatch(x) or _headed_number(x, whole))]
    feeds = [n for n, x in lines if x == PAGE_BREAK]
    if not numbers and not feeds:
        return lines
    notes = _footnotes(lines, {n for n, _ in numbers} | set(feeds))
    dropped = {n for n, _ in numbers} | set(feeds) | notes
    kept = [(n, x) for n, x in lines if x != PAGE_BREAK and n not in dropped]
    kept, unmarked = _unmark(kept, [x for n, x in lines if n in notes])
    gaps = _gaps(lines, dropped)
    heads = _running_heads(kept, gaps, [_headed_number(x, whole) for _, x in numbers])
    out = [(n, x) for n, x in kept if n not in heads]
    if feeds:
        notices.append(Notice(feeds[0], f"{len(feeds)} form feed(s) read as page breaks"))
    if numbers:
        notices.append(Notice(numbers[0][0], f"{len(numbers)} page number line(s) dropped "
                                             f"(first here: {numbers[0][1]!r})"))
    if notes:
        first = min(notes)
        notices.append(Notice(first, f"{len(notes)} footnote line(s) at a page foot dropped "
                                     f"(first here: {dict(lines)[first]!r})"))
    if unmarked:
        notices.append(Notice(unmarked[0], f"{len(unmarked)} footnote mark(s) glued to a word "
                                           "left out of the text (first here)"))
    for text in dict.fromkeys(x for n, x in kept if n in heads):
        first = min(n for n, x in kept if n in heads and x == text)
        notices.append(Notice(first, f"running header or footer {text!r} dropped next to "
                                     "page breaks"))
    return _close_gaps(out, _gaps(lines, dropped | heads))


_FOOTNOTE = re.compile(r"[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+ ?\S|\*{1,3} ?\S")
_STARRED = re.compile(r"[^\W\d_]\*+(?!\w)")
"""A word with an asterisk glued to it ("re-gion*."): the text has starred footnotes."""
_NOTE_LINES = 12
"""At most this many lines above a page break are read as the page's footnotes."""


def _headed_number(x: str, whole: set[str]) -> str:
    """The running head of a page number set on one line with it, when the head stands alone
    on another page ("JC/CHG/2068 1/3" beside "JC/CHG/2068"), either side of it; else ""."""
    if " " not in x:
        return ""
    first, rest = x.split(" ", 1)
    most, last = x.rsplit(" ", 1)
    return next((head for head, number in ((most, last), (rest, first))
                 if _WORD.search(head) is not None and head in whole
                 and _PAGE_NUMBER.fullmatch(number) is not None), "")


def _numbered_heads(lines: list[Line], spaced: frozenset[int]) -> set[str]:
    """Heads printed with a page number and the page count on two or more pages
    ("https://.../page.html 1/2" and "... 2/2", a print view's footer), or with a bare page
    number set flush right (`spaced`) on consecutive pages (`PAGED_HEAD_WORDS`): each such line
    is a page-number line, by its head ("Article 1", "Article 2" have no count)."""
    seen: dict[tuple[str, str], set[str]] = {}
    for _, x in lines:
        m = _OF_TOTAL.search(x)
        if m and _WORD.search(x[:m.start()]):
            seen.setdefault((x[:m.start()].rstrip(), m.group(2)), set()).add(m.group(1))
    plain: dict[str, list[int]] = {}
    for n, x in lines:
        m = _PAGE_AT_END.search(x) if n in spaced else None
        head = x[:m.start()].rstrip() if m else ""
        if m and len(head.split()) >= PAGED_HEAD_WORDS and not ends_final(head):
            plain.setdefault(head, []).append(int(m.group(1)))
    paged = {head for head, numbers in plain.items() if len(numbers) >= 2 and all(
        b == a + 1 for a, b in itertools.pairwise(numbers))}  # "Sample text ... 1", "... 2"
    return paged | {head for (head, _), numbers in seen.items() if len(numbers) >= 2}


_PAGE_AT_END = re.compile(r"(?<= )(\d{1,3})$")
SPACED_NUMBER = re.compile(r"\S(?: {3,}|\t+)\d{1,3}[ \t]*$")
"""A raw line ending in a number after a wide gap: a page number set flush right."""
PAGED_HEAD_WORDS = 3
"""A running footer printed with a bare page number on consecutive pages ("Sample text prepared
for tests 1", "... 2") has at least this many words ("Article 1", "Article 2" are headings)."""


_OF_TOTAL = re.compile(r"(?i)(?<= )(\d{1,4}) ?(?:/|of|из) ?(\d{1,4})$")
"""A page number with the page count ("1/2", "2 of 5"): the same count on each page."""


_MARK = re.compile(r"[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+|\*{1,3}")


def _unmark(kept: list[Line], notes: list[str]) -> tuple[list[Line], list[int]]:
    """The text without the marks of the dropped footnotes glued to its words ("Network\u00b9",
    "re-gion*."): a reference, not a word of the clause; the line numbers where one went."""
    marks = {m.group() for x in notes for m in [_MARK.match(x)] if m}
    if not marks:
        return kept, []
    alts = "|".join(re.escape(m) for m in sorted(marks, key=len, reverse=True))
    glued = re.compile(rf"([A-Za-z\u00c0-\u024f\u0400-\u04ff][.,;:)]?)(?:{alts})"
                       r"(?![\u00b9\u00b2\u00b3\u2070-\u2079*])")
    out: list[Line] = []
    where: list[int] = []
    for n, x in kept:
        y = glued.sub(r"\1", x)
        if y != x:
            where.append(n)
        out.append((n, y))
    return out, where


def _footnotes(lines: list[Line], page: set[int]) -> set[int]:
    """Line numbers of the footnotes at a page foot: a block right above a page number or
    break, after a blank line, a rule of underscores or a sentence's end, whose first line
    opens with a superscript mark ("\u00b9 The Network was ...") or an asterisk (after a
    sentence's end only when a word of the text has one glued to it: "re-gion*."); its other
    lines are further notes or their wrapped runs. The rule over them goes with them."""
    notes: set[int] = set()
    starred = any(_STARRED.search(x) for _, x in lines)
    for i, (n, _) in enumerate(lines):
        if n not in page:
            continue
        j = i - 1
        while j >= 0 and not lines[j][1]:
            j -= 1
        block: list[int] = []
        start = None
        while j >= 0 and lines[j][1] and lines[j][0] not in page and len(block) < _NOTE_LINES:
            block.append(j)
            if _FOOTNOTE.match(lines[j][1]):
                start = len(block)
            j -= 1
            while j >= 0 and not lines[j][1] and _FOOTNOTE.match(lines[j + 1][1]):
                j -= 1  # blank lines between two notes
        if start is None:
            continue
        above = block[start - 1] - 1
        rule = above >= 0 and len(lines[above][1]) >= 3 and set(lines[above][1]) <= set(
            "_-\u2014 ")
        if above < 0 or not lines[above][1] or rule or (
                ends_final(lines[above][1]) and (lines[block[start - 1]][1][0] != "*" or starred)):
            notes.update(lines[k][0] for k in block[:start])
            if rule:
                notes.add(lines[above][0])  # the footnote rule over them goes with them
    return notes


def _gaps(lines: list[Line], dropped: set[int]) -> set[int]:
    """Line numbers of the blank lines that touch a dropped page line (the page gap)."""
    gap: set[int] = set()
    for i, (n, _) in enumerate(lines):
        if n not in dropped:
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and (not lines[j][1] or lines[j][0] in dropped):
                gap.add(lines[j][0])
                j += step
    return gap | dropped


def _running_heads(kept: list[Line], gaps: set[int], also: list[str]) -> set[int]:
    """Short lines without final punctuation right next to a page gap that also occur elsewhere
    (the title or another page, `also` beside a page number): a running header or footer."""
    count: dict[str, int] = {}
    for x in (*(x for _, x in kept), *also):
        count[x] = count.get(x, 0) + 1
    heads: set[int] = set()
    top = {w for _, x in kept[:TOP_LINES] for w in _WORD.findall(x.casefold())}
    for i, (n, x) in enumerate(kept):
        beside = (i > 0 and kept[i - 1][0] + 1 in gaps) or (n + 1 in gaps) or (n - 1 in gaps)
        if x and beside and i > 0 and ((count[x] > 1 and (
                is_title_like(x) or _PRINT_HEAD.search(x))) or (
                i >= TOP_LINES and _short_title(x, top))):
            heads.add(n)
        if x and n + 1 in gaps:
            heads |= _foot_note(kept, i)
    return heads


DIGIT = re.compile(r"\d")
TOP_LINES = 12
"""The lines at the top of a text that hold its title (for a running head that shortens it)."""


def _short_title(x: str, top: set[str]) -> bool:
    """A running head printed once beside a page break, the title shortened ("Andijan
    Declaration on Water" under "ANDIJAN DECLARATION OF THE MINISTERS ... ON WATER"): title-like,
    three words of three letters or more, no digit (no page counter), each word in the lines
    at the top of the text."""
    words = _WORD.findall(x.casefold())
    return is_title_like(x) and not ends_final(x) and set(words) <= top and sum(
        len(w) >= 3 for w in words) >= 3 and not DIGIT.search(x)


def _foot_note(kept: list[Line], i: int) -> set[int]:
    """The lines of a note on the copy set as a page's footer, ending at line `i` right above
    a page break ("Sample booklet page for" / "tests; not an official text."), up to three
    lines of its run."""
    j = i
    while j > 0 and i - j < 2 and kept[j - 1][1] and kept[j - 1][0] == kept[j][0] - 1:
        j -= 1
    for k in range(j, i + 1):
        if copy_note(" ".join(x for _, x in kept[k : i + 1])):
            return {n for n, _ in kept[k : i + 1]}
    return set()


_PRINT_HEAD = re.compile(r"\b\d{1,2}:\d{2}\b|[^\W\d_](?:\.\.\.|\u2026)$")
"""A browser's print header: the time it was printed, or a title shortened to fit ("14.05.2040,
10:22 Joint Communique of the ... - Ministry o...")."""


def _close_gaps(lines: list[Line], gaps: set[int]) -> list[Line]:
    """Remove the blank lines of page gaps, so a sentence runs on across the page; where the
    text before the gap ended a sentence and the next line starts one, keep a paragraph end."""
    out: list[Line] = []
    for i, (n, x) in enumerate(lines):
        if x or n not in gaps:
            out.append((n, x))
            continue
        prev = next((y for _, y in reversed(out) if y), "")
        after = next((y for _, y in lines[i + 1 :] if y), "")
        if out and out[-1][1] and ends_final(prev) and after and not starts_lower(after):
            out.append((n, x))
    return out


_BARE_NUMBER = re.compile(
    rf"\d{{1,3}}\.|(?=[IVXLCDM]{{2}}|[IVX]\.){ROMAN}\.|[一二三四五六七八九十百]+、")


_BARE_ROMAN = re.compile(rf"(?=[IVXLCDM]{{2}}|[IVX]\.){ROMAN}\.")


def attach_bare_numbers(lines: list[Line], notices: list[Notice]) -> list[Line]:
    """A paragraph number on a line of its own ("1." above the text, blank lines between or
    not) numbers the next text line; a list marker alone ("-", "a)") marks the line under it.
    A Roman numeral with a blank line under it stays: a section heading (`structure`)."""
    out: list[Line] = []
    attached: dict[str, list[int]] = {"paragraph": [], "item": []}
    for n, x in lines:
        at = _bare_above(out, x)
        if at is not None:
            kind = "paragraph" if _BARE_NUMBER.fullmatch(out[at][1]) else "item"
            out[at] = (out[at][0], f"{out[at][1]} {x}")
            del out[at + 1 :]
            attached[kind].append(out[at][0])
            continue
        out.append((n, x))
    for kind, what in (("paragraph", "paragraph number(s)"), ("item", "list marker(s)")):
        if attached[kind]:
            notices.append(Notice(attached[kind][0], f"{len(attached[kind])} {what} on a line "
                                  "of their own joined to the next line (first here)"))
    return out


def _bare_above(out: list[Line], x: str) -> int | None:
    """Index in `out` of a bare number (blank lines may follow it) or a bare list marker just
    above a text line `x`, else None."""
    if not x or parse_marker(x) is not None or _bare_marker(x) or _BARE_NUMBER.fullmatch(x):
        return None
    i = len(out) - 1
    while i >= 0 and not out[i][1] and _BARE_NUMBER.fullmatch(next(
            (out[k][1] for k in range(i - 1, -1, -1) if out[k][1]), "")):  # no copy of out
        i -= 1
    if i < 0 or not out[i][1]:
        return None
    if _BARE_NUMBER.fullmatch(out[i][1]):
        if i < len(out) - 1 and _BARE_ROMAN.fullmatch(out[i][1]):
            return None  # "II." set apart by a blank line: a section heading, not a number
        return i
    return i if i == len(out) - 1 and _bare_marker(out[i][1]) else None


def _bare_marker(x: str) -> bool:
    """A list marker and nothing else ("-", "\u2022", "a)", "(b)")."""
    found = parse_marker(f"{x} x")
    return found is not None and found[1] == "item" and found[2] == x


_WORD = re.compile(r"[^\W\d_]+")
_COMPOUND = re.compile(r"(?<![^\W\d_])[^\W\d_]++(?:-[^\W\d_]++)+")
_SPLIT_END = re.compile(r"(?<![^\W\d_])([^\W\d_]*[^\W\d_A-ZА-ЯЁ])-$")
"""Both start only where a word starts: tried inside a word as well, a 100 KB word without a
hyphen took minutes (each start position ran to the word's end and back)."""


@dataclass(frozen=True)
class Vocabulary:
    """The words and hyphenated compounds a text uses elsewhere: evidence for a line-end hyphen."""

    words: frozenset[str]
    compounds: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Vocabulary:
        low = text.lower()
        return cls(frozenset(_WORD.findall(low)), frozenset(_COMPOUND.findall(low)))

    def hyphen_kept(self, first: str, second: str) -> bool:
        """Keep "long-" + "term" as "long-term" only when the text writes it so elsewhere."""
        joined = (first + second).lower()
        return f"{first}-{second}".lower() in self.compounds and joined not in self.words


def dehyphenate(before: str, after: str, words: Vocabulary) -> tuple[str, str] | None:
    """(before, glue) for a line ending in a hyphen after letters, else None (a usual join)."""
    m = _SPLIT_END.search(before)
    second = _WORD.match(after)
    if m is None or second is None or not (m.start() == 0 or before[m.start() - 1] == " "):
        return None
    if second.group()[0].isupper():
        return before, ""  # "Asia-" + "Pacific": a compound broken at its hyphen
    if words.hyphen_kept(m.group(1), second.group()):
        return before, ""
    return before[:-1], ""
