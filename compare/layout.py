"""Import stage, layout: plain-text lines to a title and a flat sequence of blocks.

A block is one paragraph or one list item as laid out on the page, before `ingest` attaches items
to the paragraph that introduces them. The heuristics, in order:

- lines are grouped by blank lines; a marker at the start of a line (`1.`, `IV.`, `一、` number a
  paragraph; `-`, `–`, `—`, `•`, `*`, `a)`, `(a)`, `1)`, `(iv)` mark an item) starts a block;
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
  of Kazakhstan"); a title printed on two or three title-like lines is one title;
- text copied from a PDF: page-number lines ("- 2 -", "Page 3 of 5", "Стр. 4", "第2页"), page
  breaks (form feeds, when `ingest` lets them through) and the running header or footer
  repeated beside them are dropped, and the gap is closed so a paragraph runs on across the
  page; a word hyphenated at a line end ("coop-" + "eration") is joined without the hyphen when
  the second part starts in lower case, unless the text writes the compound with a hyphen
  elsewhere ("long-term"); before a capital the hyphen stays ("Asia-Pacific"). Each of these is
  a notice: the importer cannot know, so it says what it did.

Apart from those joins, nothing here changes the words: only line breaks, runs of spaces and
tabs and spaces at line edges (no-break and ideographic ones too) are normalised.
"""

# ruff: noqa: RUF001, RUF002  (Cyrillic letters, CJK brackets and dashes are meant)
from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass
from typing import Literal

from .segment import CLOSING, is_cjk

FINAL_PUNCT = ".!?;:\u2026\u3002\uff01\uff1f\uff1b\uff1a"
"""Punctuation after which a line may end a paragraph (sentence ends, intros, list items)."""

TITLE_MAX_WORDS = 20
TITLE_MAX_CHARS = 150

_ROMAN = r"(?:M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
_GAP = "[ \t\u00a0\u2009\u202f]+"  # spaces after a marker: typeset text often has a no-break one
_MARKERS: tuple[tuple[str, Literal["paragraph", "item"], re.Pattern[str]], ...] = (
    ("number", "paragraph", re.compile(rf"(\d{{1,3}}\.){_GAP}(\S.*)")),
    ("roman", "paragraph", re.compile(rf"((?=[IVXLCDM]{{2}}|[IVX]\.){_ROMAN}\.){_GAP}(\S.*)")),
    ("cjk-number", "paragraph", re.compile(r"([一二三四五六七八九十百]+、)[ \t\u3000]*(\S.*)")),
    ("cjk-article", "paragraph",
     re.compile(r"(第[一二三四五六七八九十百零〇\d]+条)[ \t\u3000]*(\S.*)")),
    ("bullet", "item", re.compile(rf"([-\u2013\u2014\u2022*\u00b7]){_GAP}(\S.*)")),
    ("digit", "item", re.compile(rf"(\(?\d{{1,3}}\)){_GAP}(\S.*)")),
    ("roman-lower", "item", re.compile(rf"(\(?(?:ii|iii|iv|vi|vii|viii|ix|xi|xii)\)){_GAP}(\S.*)")),
    ("letter", "item", re.compile(rf"(\(?[a-zа-яё]\)){_GAP}(\S.*)")),
    ("cjk-item", "item", re.compile(r"([（(][一二三四五六七八九十\d]+[）)])[ \t\u3000]*(\S.*)")),
)
_SPACES = re.compile(r"[ \t]+")
_EDGE_SPACE = " \t\u00a0\u2000\u2001\u2002\u2003\u2009\u200b\u202f\u3000"


@dataclass(frozen=True)
class Notice:
    """Something the importer did or noticed, located by line (`path:line: notice: ...`)."""

    line: int | None
    message: str

    def format(self, path: str | None) -> str:
        where = ":".join(str(x) for x in (path, self.line) if x is not None)
        return f"{where}: notice: {self.message}" if where else f"notice: {self.message}"


@dataclass(frozen=True)
class Block:
    """A paragraph or list item as laid out; `style` names an item's marker kind."""

    kind: Literal["paragraph", "item"]
    text: str
    line: int
    number: str | None = None
    style: str = ""
    after_break: bool = False


@dataclass(frozen=True)
class Layout:
    title: str
    title_line: int | None
    blocks: tuple[Block, ...]
    notices: tuple[Notice, ...]


Line = tuple[int, str]


def parse_marker(text: str) -> tuple[str, Literal["paragraph", "item"], str, str] | None:
    """(style, kind, marker, rest) when `text` opens with a paragraph number or item marker."""
    for style, kind, pattern in _MARKERS:
        m = pattern.fullmatch(text)
        if m:
            return style, kind, m.group(1), m.group(2)
    return None


def ends_final(text: str) -> bool:
    """Whether text ends in sentence-final punctuation (closing quotes and brackets aside)."""
    core = text.rstrip(" " + CLOSING)
    return bool(core) and core[-1] in FINAL_PUNCT


def join_lines(left: str, right: str) -> str:
    """Join a hard-wrapped line: one space, or nothing between two CJK characters."""
    if not left or not right:
        return left or right
    return left + _glue(left, right) + right


def _glue(left: str, right: str) -> str:
    return "" if _cjk_like(left[-1]) and _cjk_like(right[0]) else " "


def _cjk_like(ch: str) -> bool:
    return is_cjk(ch) or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


def layout(text: str) -> Layout:
    """Split decoded text (LF newlines) into the title and blocks; see the module docstring."""
    notices: list[Notice] = []
    lines = [(n, _clean(raw, n, notices)) for n, raw in enumerate(text.split("\n"), 1)]
    lines = _attach_bare_numbers(drop_page_furniture(lines, notices), notices)
    groups = _groups(lines)
    per_line = _per_line_layout(groups)
    width = _wrap_width(groups)
    title, title_line, groups = _take_title(groups, per_line, width)
    words = Vocabulary.of(text)
    blocks: list[Block] = []
    joined: list[int] = []
    for group in groups:
        blocks.extend(_group_blocks(group, per_line, width, joined, (words, notices)))
    breaks = [g[1][0] for g in groups if len(g) > 1]
    notices.extend(_layout_notices(joined, per_line, breaks[0] if breaks else None))
    return Layout(title, title_line, tuple(blocks), tuple(_merge_space_notices(notices)))


def line_blocks(text: str, line: int) -> list[Block]:
    """Blocks of a text whose lines were set by the page (`<br>`, `<pre>`), all at `line`: the
    same rules as `layout` (a blank line ends a block), without a title or notices."""
    rows = [(line, _SPACES.sub(" ", raw.strip(_EDGE_SPACE))) for raw in text.split("\n")]
    groups = _groups(rows)
    per_line, width = _per_line_layout(groups), _wrap_width(groups)
    context: _Context = (Vocabulary.of(text), [])
    return [b for g in groups for b in _group_blocks(g, per_line, width, [], context)]


def _clean(raw: str, n: int, notices: list[Notice]) -> str:
    stripped = raw.strip(_EDGE_SPACE)
    squeezed = _SPACES.sub(" ", stripped)
    if squeezed != stripped:
        notices.append(Notice(n, "runs of spaces or tabs collapsed to one space"))
    return squeezed


# --- page furniture: page numbers, running heads, form feeds (text copied from a PDF) --------

_PAGE_NUMBER = re.compile(
    r"(?i)(?:[-\u2013\u2014] ?)?\d{1,3}(?: ?[-\u2013\u2014])?"
    r"|(?:page|p\.|стр\.?|страница|с\.) ?\d{1,4}(?: ?(?:of|из|/) ?\d{1,4})?"
    r"|\d{1,4} ?(?:/|of|из) ?\d{1,4}"
    r"|第 ?\d{1,4} ?页(?: ?[，,]? ?共 ?\d{1,4} ?页)?"
)
PAGE_BREAK = "\f"
"""A line holding only this is a page break (`ingest` puts form feeds on lines of their own)."""


def drop_page_furniture(lines: list[Line], notices: list[Notice]) -> list[Line]:
    """Drop page breaks, page-number lines and the running heads next to them, and close the
    gap so that a paragraph running over a page break is read as one (a notice for each kind).
    """
    numbers = [(n, x) for n, x in lines if x != PAGE_BREAK and _PAGE_NUMBER.fullmatch(x)]
    feeds = [n for n, x in lines if x == PAGE_BREAK]
    if not numbers and not feeds:
        return lines
    kept = [(n, x) for n, x in lines if x != PAGE_BREAK and not _PAGE_NUMBER.fullmatch(x)]
    dropped = {n for n, _ in numbers} | set(feeds)
    gaps = _gaps(lines, dropped)
    heads = _running_heads(kept, gaps)
    out = [(n, x) for n, x in kept if n not in heads]
    if feeds:
        notices.append(Notice(feeds[0], f"{len(feeds)} form feed(s) read as page breaks"))
    if numbers:
        notices.append(Notice(numbers[0][0], f"{len(numbers)} page number line(s) dropped "
                                             f"(first here: {numbers[0][1]!r})"))
    for text in dict.fromkeys(x for n, x in kept if n in heads):
        first = min(n for n, x in kept if n in heads and x == text)
        notices.append(Notice(first, f"running header or footer {text!r} dropped next to "
                                     "page breaks"))
    return _close_gaps(out, gaps | heads)


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


def _running_heads(kept: list[Line], gaps: set[int]) -> set[int]:
    """Short lines without final punctuation right next to a page gap that also occur elsewhere
    (the title or another page): a running header or footer."""
    count: dict[str, int] = {}
    for _, x in kept:
        count[x] = count.get(x, 0) + 1
    heads: set[int] = set()
    for i, (n, x) in enumerate(kept):
        beside = (i > 0 and kept[i - 1][0] + 1 in gaps) or (n + 1 in gaps) or (n - 1 in gaps)
        if x and beside and count[x] > 1 and _is_title(x) and i > 0:
            heads.add(n)
    return heads


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
        if out and out[-1][1] and ends_final(prev) and after and not _starts_lower(after):
            out.append((n, x))
    return out


_BARE_NUMBER = re.compile(
    rf"\d{{1,3}}\.|(?=[IVXLCDM]{{2}}|[IVX]\.){_ROMAN}\.|[一二三四五六七八九十百]+、")


def _attach_bare_numbers(lines: list[Line], notices: list[Notice]) -> list[Line]:
    """A paragraph number on a line of its own ("1." above the text) numbers the next line."""
    out: list[Line] = []
    attached: list[int] = []
    for n, x in lines:
        if out and out[-1][1] and _BARE_NUMBER.fullmatch(out[-1][1]) and x:
            out[-1] = (out[-1][0], f"{out[-1][1]} {x}")
            attached.append(out[-1][0])
            continue
        out.append((n, x))
    if attached:
        notices.append(Notice(attached[0], f"{len(attached)} paragraph number(s) on a line of "
                                           "their own joined to the next line (first here)"))
    return out


# --- hyphenation at line ends -----------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
_SPLIT_END = re.compile(r"([^\W\d_]*[^\W\d_A-ZА-ЯЁ])-$")


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


def _dehyphenate(before: str, after: str, words: Vocabulary) -> tuple[str, str] | None:
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


def _merge_space_notices(notices: list[Notice]) -> list[Notice]:
    spaces = [x for x in notices if x.message.startswith("runs of spaces")]
    rest = [x for x in notices if not x.message.startswith("runs of spaces")]
    if len(spaces) > 1:
        msg = f"runs of spaces or tabs collapsed to one space on {len(spaces)} lines (first here)"
        spaces = [Notice(spaces[0].line, msg)]
    return spaces + rest


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
    pairs = _breaks(groups)
    if not pairs:
        return False
    ends = sum(1 for a, b in pairs if ends_final(a) and not _starts_lower(b))
    return ends * 2 >= len(pairs)


def _wrap_width(groups: list[list[Line]]) -> int:
    """The width hard-wrapped lines were filled to: 90th percentile of non-final line lengths."""
    lengths = sorted(len(line) for g in groups for _, line in g[:-1])
    return lengths[round(0.9 * (len(lengths) - 1))] if lengths else 0


def _starts_lower(text: str) -> bool:
    first = next((ch for ch in text if ch.isalpha()), "")
    return bool(first) and first.islower() and text[0] not in "\"'\u201c\u2018\u00ab("


def _fits(prev: str, nxt: str, width: int) -> bool:
    """Whether the first word of `nxt` would have fitted on `prev`'s line (a deliberate break)."""
    first = nxt.split(" ", 1)[0]
    return len(prev) + 1 + len(first) <= width


def is_title_like(text: str) -> bool:
    """Short, without final punctuation and without a paragraph or item marker."""
    return _is_title(text)


def _is_title(text: str) -> bool:
    return (
        len(text) <= TITLE_MAX_CHARS
        and len(text.split(" ")) <= TITLE_MAX_WORDS
        and text.rstrip(CLOSING)[-1:] not in FINAL_PUNCT + ",\uff0c"
        and parse_marker(text) is None
    )


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
    if len(groups) > 1 and 2 <= len(head) <= 3 and all(_is_title(x) for _, x in head):
        joined = _join_all(head, (Vocabulary.of(""), []))
        if _is_title(joined) and _upper_or_title_case(head[0][1]):
            return joined, head[0][0], groups[1:]  # a title printed on two or three lines
    (n, first), rest = groups[0][0], groups[0][1:]
    if not _is_title(first):
        return "", None, groups
    upper = any(ch.isalpha() for ch in first) and first == first.upper()
    apart = not rest or upper or _title_case(first) or per_line or _fits(first, rest[0][1], width)
    if not apart:
        return "", None, groups
    return first, n, ([rest] if rest else []) + groups[1:]


_Context = tuple[Vocabulary, list[Notice]]


def _group_blocks(
    group: list[Line], per_line: bool, width: int, joined: list[int], context: _Context
) -> list[Block]:
    starts: list[tuple[Block, list[Line]]] = []  # each block and the lines joined into it
    prev = ""
    for i, (n, line) in enumerate(group):
        marker = parse_marker(line)
        if i and not _starts_block(prev, line, marker, per_line, width):
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
        split = _dehyphenate(before, after, words) if before.endswith("-") else None
        if split is None:
            out.append(_glue(before, after))
        else:
            out[-1] = split[0]
            first, second = before.rsplit(" ", 1)[-1], after.split(" ", 1)[0]
            word = split[0].rsplit(" ", 1)[-1] + second
            notices.append(Notice(n, f"word broken at a line end: {first!r} + {second!r} "
                                     f"joined as {word!r}"))
        out.append(after)
    return "".join(out)


def _starts_block(
    prev: str, line: str, marker: tuple[str, str, str, str] | None, per_line: bool, width: int
) -> bool:
    if marker is not None:
        # a paragraph number after an open line is more likely a wrapped "5." than a new
        # paragraph, unless that line is a short heading ("I. Political cooperation")
        return marker[1] == "item" or ends_final(prev) or _heading_break(prev, line, width)
    if _starts_lower(line):
        return False
    if not ends_final(prev):
        return _heading_break(prev, line, width)
    return per_line or _fits(prev, line, width)


def _heading_break(prev: str, line: str, width: int) -> bool:
    """A short line without final punctuation that the next line did not continue: a heading,
    a dateline or a signature line (`width` 0: every line break was deliberate)."""
    marker = parse_marker(prev)
    text = marker[3] if marker is not None and marker[1] == "paragraph" else prev
    last = text.rsplit(" ", 1)[-1]
    if not _is_title(text) or text.rstrip(CLOSING)[-1:] in _OPEN_END:
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
