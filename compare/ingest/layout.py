"""Import stage, layout: plain-text lines to a title and a flat sequence of blocks.

A block is one paragraph or one list item as laid out on the page, before `ingest` attaches items
to the paragraph that introduces them; blocks, notices, markers and the tests on one line are in
`ingest.lines`. The heuristics, in order:

- the marks of the copy are taken off first (`ingest.copymarks`: e-mail quoting, markdown,
  transcript time codes; a two-column parallel table read a row at a time);
- lines are grouped by blank lines; a marker at the start of a line (`1.`, `1、`, `IV.`, `一、`
  number a paragraph; `-`, `–`, `—`, `•`, `*`, `a)`, `(a)`, `1)`, `(iv)` mark an item) starts a
  block; a preamble set one recital a line breaks at each (`ingest.recitals`);
- the first line is the title when it is short, has no final punctuation and stands apart
  (upper case, followed by a blank line, or broken deliberately);
- inside a group, a line break is either a hard wrap (joined with one space, or nothing between
  two CJK characters) or a paragraph end. The document's layout decides: when most line breaks
  follow sentence-final punctuation, it is one paragraph per line; otherwise the text is
  hard-wrapped, and a break is a paragraph end only where the next line's first word would have
  fitted on the line before it;
- a short line without final punctuation (not ending in a comma, a dash or a short lower-case
  word such as "the") before a line that does not start in lower case is a heading, a dateline
  or a signature line: a paragraph of its own ("I. Political cooperation", "For the Republic
  of Kazakhstan"); a title printed on two or three title-like lines is one title (in title
  case or capitals, or in two alphabets: "Пресс-релиз о ..." over "Press release on ...");
- text copied from a PDF: page-number lines, page breaks and running heads are dropped and the
  gap closed, a paragraph number on a line of its own is joined to the next line, a word
  hyphenated at a line end is joined (`ingest.pages`). Each of these is a notice: the importer
  cannot know, so it says what it did.

Apart from those joins the words stay: only line breaks and spaces (runs, line edges) change.
"""

# ruff: noqa: RUF002  (Cyrillic letters, CJK brackets and dashes are meant)
from __future__ import annotations

import dataclasses
import itertools
import re

from .bilingual import alphabet_halves, two_scripts
from .copymarks import split_columns, strip_marks
from .furniture import split_furniture
from .lines import (
    EDGE_SPACE,
    FINAL_PUNCT,
    SPACES,
    TITLE_MAX_CHARS,
    TITLE_MAX_WORDS,
    Block,
    Layout,
    Line,
    Notice,
    clean_line,
    ends_final,
    glue,
    is_title_like,
    join_lines,
    merge_space_notices,
    numbers_on,
    parse_marker,
    starts_lower,
)
from .pages import (
    PAGE_BREAK,
    SPACED_NUMBER,
    Vocabulary,
    attach_bare_numbers,
    dehyphenate,
    drop_page_furniture,
)
from .preamble import find_date_place
from .recitals import opening_goes_on, recital_break
from .segment import CLOSING
from .signals import KIND_WORDS, heading_word

__all__ = [
    "FINAL_PUNCT",
    "PAGE_BREAK",
    "TITLE_MAX_CHARS",
    "TITLE_MAX_WORDS",
    "Block",
    "Layout",
    "Notice",
    "Vocabulary",
    "drop_page_furniture",
    "ends_final",
    "is_title_like",
    "join_lines",
    "layout",
    "line_blocks",
    "parse_marker",
]



def layout(text: str, *, keep_furniture: bool = False, start_at: str | None = None) -> Layout:
    """Split decoded text (LF newlines) into the title and blocks; see the module docstring.

    Page furniture and labelled header lines are left out first (`ingest.furniture`)."""
    notices: list[Notice] = []
    rows, header = split_columns(list(enumerate(text.split("\n"), 1)))
    lines = [(n, clean_line(raw, n, notices)) for n, raw in rows]
    lines, marks = (lines, []) if keep_furniture else strip_marks(lines)
    marks += header
    spaced = frozenset(n for n, raw in rows if SPACED_NUMBER.search(raw))
    paged = drop_page_furniture(lines, notices, spaced)
    found = split_furniture(paged, keep=keep_furniture, start_at=start_at)
    left = {n for n, _ in paged}  # page numbers and running heads: kept with the furniture
    pages_out = [(n, x) for n, x in lines if x and x != PAGE_BREAK and n not in left]
    if pages_out or marks:
        found.left_out = sorted(found.left_out + pages_out + marks)
    lines = attach_bare_numbers(found.lines, notices)
    groups = _groups(lines)
    width = _wrap_width(groups)
    per_line = _per_line_layout(groups)
    title, title_line, groups = _take_title(groups, per_line, width)
    if title_line is not None and groups and groups[0][-1][0] < title_line and not (
            keep_furniture):
        found.left_out = sorted(found.left_out + groups.pop(0))  # talk above the title
    words = Vocabulary.of(text)
    blocks: list[Block] = []
    joined: list[int] = []
    for group in groups:
        blocks.extend(_group_blocks(group, per_line, width, joined, (words, notices)))
    breaks = [g[1][0] for g in groups if len(g) > 1]
    notices.extend(_layout_notices(joined, per_line, breaks[0] if breaks else None))
    return Layout(title, title_line, tuple(blocks), tuple(merge_space_notices(notices)),
                  tuple(found.left_out), tuple(found.fields.items()), tuple(found.dates))


def line_blocks(text: str, line: int, source_lines: bool = False) -> list[Block]:
    """Blocks of a text whose lines were set by the page (`<br>`, `<pre>`), all at `line` (or,
    with `source_lines`, at `line` plus the row: a `<pre>`'s rows are lines of the source): the
    same rules as `layout` (a blank line ends a block), without a title or notices."""
    rows = [(line + k if source_lines else line, SPACES.sub(" ", raw.strip(EDGE_SPACE)))
            for k, raw in enumerate(text.split("\n"))]
    groups = _groups(rows)
    width = _wrap_width(groups)
    per_line = _per_line_layout(groups)
    context: _Context = (Vocabulary.of(text), [])
    return [b for g in groups for b in _group_blocks(g, per_line, width, [], context)]


def _groups(lines: list[Line]) -> list[list[Line]]:
    groups: list[list[Line]] = [[]]
    for n, line in lines:
        if line:
            groups[-1].append((n, line))
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _breaks(groups: list[list[Line]]) -> list[tuple[str, str]]:
    """Pairs of consecutive lines inside groups where the second line has no marker."""
    return [
        (a[1], b[1])
        for g in groups
        for a, b in itertools.pairwise(g)
        if parse_marker(b[1]) is None
    ]


def _per_line_layout(groups: list[list[Line]]) -> bool:
    """Whether most line breaks end a paragraph: after sentence-final punctuation or a recital."""
    pairs = _breaks(groups)
    if not pairs:
        return False
    ends = sum(1 for a, b in pairs if (ends_final(a) and not starts_lower(b))
               or (starts_lower(b) and recital_break(a, b)))
    return ends * 2 >= len(pairs)


def _wrap_width(groups: list[list[Line]]) -> int:
    """The width hard-wrapped lines were filled to: 90th percentile of non-final line lengths."""
    lengths = sorted(len(line) for g in groups for _, line in g[:-1])
    return lengths[round(0.9 * (len(lengths) - 1))] if lengths else 0


def _fits(prev: str, nxt: str, width: int) -> bool:
    """Whether the first word of `nxt` would have fitted on `prev`'s line (a deliberate break)."""
    first = nxt.split(" ", 1)[0]
    return len(prev) + 1 + len(first) <= width


def _title_case(text: str) -> bool:
    """Every word longer than three letters capitalised ("Declaration of the Heads of State")."""
    words = [w for w in text.split(" ") if len(w) > 3 and w[0].isalpha()]
    return bool(words) and all(w[0].isupper() for w in words)


def _upper_or_title_case(text: str) -> bool:
    return (any(ch.isalpha() for ch in text) and text == text.upper()) or _title_case(text)


def _take_title(
    groups: list[list[Line]], per_line: bool, width: int
) -> tuple[str, int | None, list[list[Line]]]:
    if len(groups) < 1 or (len(groups) == 1 and len(groups[0]) == 1):
        return "", None, groups
    head = groups[0]
    if len(groups) > 1 and 2 <= len(head) <= 3 and all(is_title_like(x) for _, x in head):
        joined = _join_all(head, (Vocabulary.of(""), []))
        if (is_title_like(joined) or two_scripts([x for _, x in head])) and (
                _upper_or_title_case(head[0][1]) or alphabet_halves(joined, "en") is not None):
            return joined, head[0][0], groups[1:]  # a title printed on two or three lines
    caps = _caps_title(head)
    if caps:
        joined = _join_all(head[:caps], (Vocabulary.of(""), []))
        return joined, head[0][0], [head[caps:], *groups[1:]]
    (n, first), rest = groups[0][0], groups[0][1:]
    if starts_lower(first) and rest and is_title_like(rest[0][1]) and not starts_lower(
            rest[0][1]):  # talk about the text over its title ("here is the text: ...")
        title, at, after = _take_title([rest, *groups[1:]], per_line, width)
        if at is not None:
            return title, at, [[(n, first)], *after]
    if not is_title_like(first) or starts_lower(first):
        return "", None, groups  # a line opening in lower case is no title
    upper = any(ch.isalpha() for ch in first) and first == first.upper()
    apart = not rest or upper or _title_case(first) or per_line or _fits(first, rest[0][1], width)
    apart = apart or (KIND_WORDS.search(first) is not None and (
        _dateline(rest[0][1]) or len(_SENTENCE_ENDS.findall(rest[0][1])) >= ONE_LINE_SENTENCES))
    if not apart:
        return "", None, groups
    return first, n, ([rest] if rest else []) + groups[1:]


def _caps_title(head: list[Line]) -> int:
    """How many lines (two or three) at the top of a run of lines are a title set in capitals
    over them, the text going on under it without a blank line (a PDF copy); 0 if none."""
    caps = 0
    while caps < min(len(head) - 1, 4) and is_title_like(head[caps][1]) and _upper(
            head[caps][1]):
        caps += 1
    if not 2 <= caps <= 3 or _upper(head[caps][1]):
        return 0
    return caps if is_title_like(_join_all(head[:caps], (Vocabulary.of(""), []))) else 0


def _upper(text: str) -> bool:
    return any(ch.isalpha() for ch in text) and text == text.upper()


_Context = tuple[Vocabulary, list[Notice]]


def _group_blocks(
    group: list[Line], per_line: bool, width: int, joined: list[int], context: _Context
) -> list[Block]:
    starts: list[tuple[Block, list[Line]]] = []  # each block and the lines joined into it
    prev = ""
    for i, (n, line) in enumerate(group):
        marker = parse_marker(line)
        nxt = group[i + 1][1] if i + 1 < len(group) else ""
        if i and (not _starts_block(prev, line, marker, per_line, width) or (
                len(starts[-1][1]) == 1 and opening_goes_on(prev, line, nxt))):
            starts[-1][1].append((n, line))
            joined.append(n)
        else:
            block = _block(n, line, marker, after_break=i == 0)
            starts.append((block, [(n, block.text)]))
        prev = line
    return [dataclasses.replace(b, text=_join_all(parts, context)) for b, parts in starts]


def _join_all(lines: list[Line], context: _Context) -> str:
    """Join hard-wrapped lines (see `join_lines`) in linear time; a word hyphenated at a line end
    is joined (see `Vocabulary`), with a notice each time."""
    words, notices = context
    out = [lines[0][1]]
    for (_, before), (n, after) in itertools.pairwise(lines):
        split = dehyphenate(before, after, words) if before.endswith("-") else None
        if split is None:
            out.append(glue(before, after))
        else:
            out[-1] = split[0]
            first, second = before.rsplit(" ", 1)[-1], after.split(" ", 1)[0]
            word = split[0].rsplit(" ", 1)[-1] + second
            notices.append(Notice(n, f"word broken at a line end: {first!r} + {second!r} "
                                     f"joined as {word!r}"))
        out.append(after)
    return "".join(out)


_SENTENCE_ENDS = re.compile(r"[.!?\u3002] ?(?=[^\W\d_])")
ONE_LINE_SENTENCES = 3
"""A line holding this many sentence ends is a text on one line: a title naming a kind above
it (or above its dateline) stands apart from it."""


def _starts_block(
    prev: str, line: str, marker: tuple[str, str, str, str] | None, per_line: bool, width: int
) -> bool:
    if marker is not None:
        # a paragraph number after an open line is more likely a wrapped "5." than a new
        # paragraph, unless that line is a short heading ("I. Political cooperation")
        return marker[1] == "item" or ends_final(prev) or _heading_break(prev, line, width) or (
            numbers_on(prev, line))
    if starts_lower(line):  # a recital a line, unless the line was filled (a hard wrap)
        return recital_break(prev, line) and (per_line or _fits(prev, line, width))
    if not ends_final(prev):
        if line.startswith("(") and line[1:2].islower():
            return False  # "(hereinafter ...), meeting in ...": the phrase goes on
        return _heading_break(prev, line, width) or _dateline(prev) or (
            _dateline(line) and _upper_or_title_case(prev)) or (
            _salutation(prev) and (per_line or _fits(prev, line, width) or (
                _salutation(line) and not starts_lower(prev))))  # "Dear friends," / "Ladies"
    return per_line or _fits(prev, line, width) or heading_word(line)  # "... agree." / "Part III"


DATELINE_WORDS = 4
"""A dateline names its place and date in its first words ("Khujand, 22/04/2116 — ...")."""


def _dateline(prev: str) -> bool:
    """A line that opens with a place and a date ("Osh, 4 May 2090 — as received"): a dateline
    on a line of its own, never the start of a wrapped sentence."""
    head = prev.split(" ", DATELINE_WORDS)[:DATELINE_WORDS]
    return (prev[:1].isupper() and head[0].endswith(",") and len(head) > 1
            and bool(find_date_place(" ".join(head))[0]))


def _salutation(prev: str) -> bool:
    """A short line ending in a comma on its own line ("Distinguished guests, ladies and
    gentlemen,") in a text laid out one paragraph a line."""
    return prev.rstrip().endswith(",") and len(prev.split()) <= 8


def _heading_break(prev: str, line: str, width: int) -> bool:
    """A short line without final punctuation that the next line did not continue: a heading,
    a dateline or a signature line (`width` 0: every line break was deliberate)."""
    marker = parse_marker(prev)
    text = marker[3] if marker is not None and marker[1] == "paragraph" else prev
    last = text.rsplit(" ", 1)[-1]
    if not is_title_like(text) or text.rstrip(CLOSING)[-1:] in _OPEN_END:
        return False
    if len(last) <= 3 and last.isalpha() and last.islower() and " " in text:
        return False  # "... and that the": a short word such as an article goes on
    return width == 0 or (len(prev) * 4 <= width * 3 and _fits(prev, line, width))


_OPEN_END = "-\u2010\u2013\u2014\u3001\uff0c"
"""A line ending in a dash or a comma goes on in the next line."""


def _block(n: int, line: str, marker: tuple[str, str, str, str] | None, after_break: bool) -> Block:
    if marker is None:
        return Block("paragraph", line, n, after_break=after_break)
    style, kind, number, rest = marker
    return Block(kind, rest, n, number, style, after_break)  # type: ignore[arg-type]


def _layout_notices(joined: list[int], per_line: bool, first_break: int | None) -> list[Notice]:
    out = []
    if per_line and first_break is not None:
        out.append(Notice(first_break, "one paragraph per line: a line break after "
                                       "sentence-final punctuation ends a paragraph"))
    if joined:
        out.append(Notice(joined[0], f"{len(joined)} line break(s) inside paragraphs joined "
                                     "with a space (first here)"))
    return out
