"""Import stage, lines: the pieces `layout` works with and the tests it asks of one line.

A `Block` is one paragraph or list item as laid out, a `Layout` the title and blocks of a text,
a `Notice` something the importer did or noticed. A line may open with a paragraph number (`1.`,
`1、`, `１．`, `IV.`, `一、`, `第一条`) or an item marker (`-`, `–`, `—`, `•`, `*`, `a)`, `(a)`,
`1)`, `(iv)`, `（一）`): `parse_marker`; a number inside the quotation mark that opens a quoted
paragraph (`"1. The Member States ...`) is its number, the mark kept at the start of its text;
`marker_value` reads a marker's number in any of these forms. A line may end in sentence-final
punctuation (`ends_final`), look like a title (`is_title_like`: short, no final punctuation, no
marker) or start in lower case (`starts_lower`). Hard-wrapped lines are joined with one space,
or nothing between two CJK characters (`join_lines`).
"""

# ruff: noqa: RUF001, RUF002, RUF003  (Cyrillic letters, CJK brackets and dashes are meant)
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .segment import CLOSING, is_cjk

FINAL_PUNCT = ".!?;:\u2026\u3002\uff01\uff1f\uff1b\uff1a"
"""Punctuation after which a line may end a paragraph (sentence ends, intros, list items)."""

TITLE_MAX_WORDS = 20
TITLE_MAX_CHARS = 150
NAMED_TITLE_MAX_WORDS = 40
NAMED_TITLE_MAX_CHARS = 300
"""A title that names its kind of document ("Declaration of the Council of Heads of State of the
Member States of the Shanghai Cooperation Organisation on ...") may be this long: official
titles name the body, the organisation and the subject."""
_NAMES_KIND = re.compile(r"(?i)\b(?:declaration|communiqu|statement|press release|address|"
                         r"speech|remarks)|"
                         r"декларац|коммюнике|заявлени|обращени|宣言|公报|声明")

ROMAN = r"(?:M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
_GAP = "[ \t\u00a0\u2009\u202f]+"  # spaces after a marker: typeset text often has a no-break one
_MARKERS: tuple[tuple[str, Literal["paragraph", "item"], re.Pattern[str]], ...] = (
    ("number", "paragraph", re.compile(rf"(\d{{1,3}}\.){_GAP}(\S.*)")),
    ("number", "paragraph",  # "1、能源", "１．能源": a Chinese comma or full stop, no space
     re.compile(r"(\d{1,3}[\u3001\uff0e])[ \t\u3000]*([^\d\s].*)")),
    ("decimal", "paragraph",  # "1.1 The Ministers ...", "2.3.1. Each Party ..."
     re.compile(rf"(\d{{1,3}}(?:\.\d{{1,3}}){{1,3}}\.?){_GAP}([\"\u201c\u00ab(]?[^\W\d_a-z\u0430-\u044f].*)")),
    ("roman", "paragraph", re.compile(rf"((?=[IVXLCDM]{{2}}|[IVX]\.){ROMAN}\.){_GAP}(\S.*)")),
    ("cjk-number", "paragraph", re.compile(r"([一二三四五六七八九十百]+、)[ \t\u3000]*(\S.*)")),
    ("cjk-article", "paragraph",
     re.compile(r"(第[一二三四五六七八九十百零〇\d]+条)[ \t\u3000]*(\S.*)")),
    ("bullet", "item", re.compile(rf"([-\u2013\u2014\u2022*\u00b7]){_GAP}(\S.*)")),
    ("digit", "item", re.compile(rf"(\(?\d{{1,3}}\)){_GAP}(\S.*)")),
    ("roman-lower", "item", re.compile(rf"(\(?(?:ii|iii|iv|vi|vii|viii|ix|xi|xii)\)){_GAP}(\S.*)")),
    ("letter", "item", re.compile(rf"(\(?[a-zа-яё]\)){_GAP}(\S.*)")),
    ("cjk-item", "item", re.compile(r"([（(][一二三四五六七八九十\d]+[）)])[ \t\u3000]*(\S.*)")),
)


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
    heading: str = ""


@dataclass(frozen=True)
class Layout:
    """The title and blocks of a text; what was left out of the body (`furniture`, with line
    numbers), the labelled header fields (`fields`) and the short dated lines left out
    (`datelines`: evidence for the meeting's date and place)."""

    title: str
    title_line: int | None
    blocks: tuple[Block, ...]
    notices: tuple[Notice, ...]
    furniture: tuple[tuple[int, str], ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    datelines: tuple[str, ...] = ()


Line = tuple[int, str]


_OPENING_QUOTES = "\"\u201c\u201e\u00ab\u2018\u300c\u300e"
_NUMBERED = frozenset({"number", "roman", "cjk-number", "cjk-article", "digit"})
"""Markers that count: a quoted paragraph may open with one inside its quotation mark."""


def parse_marker(text: str) -> tuple[str, Literal["paragraph", "item"], str, str] | None:
    """(style, kind, marker, rest) when `text` opens with a paragraph number or item marker;
    a number just inside an opening quotation mark counts, the mark opening `rest`."""
    quote = text[:1] if text[:1] in _OPENING_QUOTES else ""
    for style, kind, pattern in _MARKERS:
        m = pattern.fullmatch(text)
        if m:
            return style, kind, m.group(1), m.group(2)
        m = pattern.fullmatch(text, 1) if quote and style in _NUMBERED else None
        if m and m.group(2)[:1] not in _OPENING_QUOTES:
            return style, kind, m.group(1), quote + m.group(2)
    return None


def numbers_on(prev: str, line: str) -> bool:
    """Whether `line` opens with the paragraph number after the one `prev` opens with, in the
    same style ("1. Energy and power grids" over "2. Transport", "一、粮食" over "二、灌溉",
    "I. Energy" over "II. Transport"): a run of numbered lines, not a wrapped "2.".
    """
    a, b = parse_marker(prev), parse_marker(line)
    if a is None or b is None or a[0] != b[0] or a[0] not in _RUN_STYLES:
        return False
    before, after = marker_value(a[2]), marker_value(b[2])
    return before is not None and after == before + 1


_RUN_STYLES = frozenset({"number", "roman", "cjk-number"})


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_CJK_DIGITS = {ch: k for k, ch in enumerate("〇一二三四五六七八九")}


def marker_value(number: str | None) -> int | None:
    """The value of a paragraph number or list marker as written ("3." "3、" "３．" "(3)" "3)"
    "三、" "（十二）" "III." give 3, 3, 3, 3, 3, 3, 12, 3); None for a bullet, a letter or
    anything else."""
    core = (number or "").strip("()\uff08\uff09.\u3001\uff0e")
    if core.isdecimal():
        return int(core)
    if core and all(ch in _ROMAN_VALUES for ch in core):
        values = [_ROMAN_VALUES[ch] for ch in core]
        return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))
    tens, ten, units = core.partition("十")  # "三", "十二", "二十三"
    if len(tens) <= 1 and len(units) <= 1 and (ten or tens) and all(
            ch in _CJK_DIGITS for ch in tens + units):
        return _CJK_DIGITS.get(tens, 1) * 10 + _CJK_DIGITS.get(units, 0) if ten else (
            _CJK_DIGITS[tens])
    return None


def ends_final(text: str) -> bool:
    """Whether text ends in sentence-final punctuation (closing quotes and brackets aside)."""
    core = text.rstrip(" " + CLOSING)
    return bool(core) and core[-1] in FINAL_PUNCT


def join_lines(left: str, right: str) -> str:
    """Join a hard-wrapped line: one space, or nothing between two CJK characters."""
    if not left or not right:
        return left or right
    return left + glue(left, right) + right


def glue(left: str, right: str) -> str:
    """What joins two hard-wrapped lines: nothing between two CJK characters, else a space."""
    return "" if _cjk_like(left[-1]) and _cjk_like(right[0]) else " "


def _cjk_like(ch: str) -> bool:
    return is_cjk(ch) or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


def starts_lower(text: str) -> bool:
    """Whether the first letter is lower case (and no quote or bracket opens the line)."""
    first = next((ch for ch in text if ch.isalpha()), "")
    return bool(first) and first.islower() and text[0] not in "\"'\u201c\u2018\u00ab("


def is_title_like(text: str) -> bool:
    """Short (longer when it names its kind of document and starts with a capital), without
    final punctuation and without a paragraph or item marker."""
    named = text[:1].isupper() and _NAMES_KIND.search(text) is not None
    return (
        len(text) <= (NAMED_TITLE_MAX_CHARS if named else TITLE_MAX_CHARS)
        and len(text.split(" ")) <= (NAMED_TITLE_MAX_WORDS if named else TITLE_MAX_WORDS)
        and text.rstrip(CLOSING)[-1:] not in FINAL_PUNCT + ",\uff0c"
        and parse_marker(text) is None
    )


SPACES = re.compile(r"[ \t]+")
EDGE_SPACE = " \t\u00a0\u2000\u2001\u2002\u2003\u2009\u200b\u202f\u3000"


def clean_line(raw: str, n: int, notices: list[Notice]) -> str:
    """A raw line without its edge spaces, runs of spaces and tabs as one (with a notice)."""
    stripped = raw.strip(EDGE_SPACE)
    squeezed = SPACES.sub(" ", stripped)
    if squeezed != stripped:
        notices.append(Notice(n, "runs of spaces or tabs collapsed to one space"))
    return squeezed


def merge_space_notices(notices: list[Notice]) -> list[Notice]:
    """The space notices of `clean_line` as one, at the first line, before the others."""
    spaces = [x for x in notices if x.message.startswith("runs of spaces")]
    rest = [x for x in notices if not x.message.startswith("runs of spaces")]
    if len(spaces) > 1:
        msg = f"runs of spaces or tabs collapsed to one space on {len(spaces)} lines (first here)"
        spaces = [Notice(spaces[0].line, msg)]
    return spaces + rest


INTRO_WORDS = 4
"""Words a colon-ended sentence needs to introduce a list ("... guided in their relations by:");
a shorter line ("Related:", "See also:") is a label over a list of links."""
