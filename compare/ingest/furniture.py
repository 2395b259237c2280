"""Import stage, page furniture in a text: what a saved or copied page holds around the text.

A copied page brings its banner, breadcrumbs ("Home > Documents > ..."), language and font
pickers, widgets, share and print links, "Updated:" stamps, PDF-host counters ("Total Page:16",
"File Type:pdf"), time stamps fused with a city ("22:51Abu Dhabi"), copyright and signature
lines. No list of sites: general signals decide (`furniture_like`): position (before the first
sentence-like line, or after the last), length, final punctuation, separators between short
runs, digits and times, a `Label: value` shape, repetition across lines. Labelled header lines
(`ingest.labels`) become metadata. What is left out is returned with its line number so that the
importer keeps it in the stored declaration (outside the body) and says so in one notice;
`keep` leaves every line in the body, `start_at` (a regular expression) says where it starts.
"""

# ruff: noqa: RUF001, RUF002  (Cyrillic letters and CJK punctuation are meant)
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import DeclarationError
from .labels import read_label
from .lines import Line, ends_final, is_title_like, parse_marker
from .segment import is_cjk

KIND_WORDS = re.compile(
    r"(?i)declaration|communiqu|statement|press release|press-release|address|speech|"
    r"memorandum|treaty|charter|agreement|joint|декларац|коммюнике|заявлени|обращени|"
    r"выступлени|宣言|公报|声明|讲话|致辞|新闻稿|联合")
_SEPARATORS = re.compile(r"\s(?:[>|»/·•›]|::|--?)\s|[|›»]")
_MENU_SEP = re.compile(r"\s[|>\u00bb\u203a]\s")
_INNER_STOP = re.compile(r"[.!?;] [A-ZА-ЯЁ]")
_TIME = re.compile(r"\d{1,2}:\d{2}")
_DIGIT = re.compile(r"\d")
_COMPACT_LABEL = re.compile(r"[^\W\d_]\w*(?: \w+){0,2}[:：](?:\S+|\s*\S*\d.{0,30}|\s*\S+(?: \S+)?)")
_FUNCTION_WORDS = frozenset({"of", "the", "on", "and", "in", "for", "to", "at", "with", "a",
                             "an", "between", "by", "о", "и", "в", "по", "на", "об"})
_STRONG = re.compile(r"(?i)(?:total pages?|file type|file size|pages?|views?|downloads?|hits)"
                     r"\s*[:：]\s*\S+|©|\(c\) \d{4}|all rights reserved|print(?: this page)?|"
                     r"share|back to top|top of page|версия для печати|打印|关闭窗口|返回顶部")
_COPYRIGHT = re.compile(r"(?i)©|\(c\) \d{4}|all rights reserved|все права защищены|版权所有")
"""A copyright line: furniture however long its small print runs (up to `COPYRIGHT_WORDS`)."""
COPYRIGHT_WORDS = 30
_STRONG_END = re.compile(r"(?i)^(?:print|share|tweet|email|e-mail|close|top|back)\b")


@dataclass
class Furniture:
    """What `split_furniture` found: lines kept for the body, lines left out, header fields."""

    lines: list[Line]
    left_out: list[Line] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    dates: list[str] = field(default_factory=list)  # dateline texts (not publication stamps)


def sentence_like(text: str) -> bool:
    """A line of running text: six words or more (fifteen characters of CJK) ending like a
    sentence, a recital (",") or an intro (":"); or a long line (nine words, twenty CJK
    characters): a hard-wrapped line of a paragraph."""
    if len(text) > 400:
        return True  # longer than any title, banner or menu (and no scan of a long line)
    marker = parse_marker(text)
    core = marker[3] if marker else text
    cjk = sum(1 for ch in core if is_cjk(ch))
    words = len(core.split())
    if (_STRONG.search(text) and words < 12) or (_COPYRIGHT.search(text)
                                                  and words < COPYRIGHT_WORDS):
        return False  # "© 2019 Ministry of ... All rights reserved."
    if is_title_like(text) and KIND_WORDS.search(text) and not text[:1].islower():
        return False  # a title: "Joint Communiqué following the meeting of the Council ..."
    if _MENU_SEP.search(core) and not ends_final(core):
        return False  # "Related: A | B | C", "Home > News > ..."
    if words >= 9 or cjk >= 20:
        return True
    if words >= 5 and _INNER_STOP.search(core):
        return True  # two sentences on one line
    lower = sum(1 for w in core.split() if w[:1].islower())
    if words >= 6 and lower * 2 >= words and not _DIGIT.search(core) and ":" not in core:
        return True  # running words, as menus, banners and titles are not
    long_enough = words >= 6 or cjk >= 15
    return long_enough and (ends_final(core) or core.rstrip().endswith((",", "，", "、")))


def furniture_like(text: str, repeated: bool = False, weak: bool = True) -> bool:
    """Signals of page furniture in a short line; a sentence-like line never is. `weak` adds
    the signals that need a title found elsewhere (a lone word, a menu bar)."""
    if len(text) > 400:
        return False
    if _STRONG.search(text) and len(text.split()) < 12:
        return True
    if _COPYRIGHT.search(text) and len(text.split()) < COPYRIGHT_WORDS:
        return True
    if sentence_like(text) or _heading_word(text):
        return False
    if (repeated and not ends_final(text)) or _STRONG.search(text) or _STRONG_END.match(text):
        return True
    if _SEPARATORS.search(text) or _TIME.search(text):
        return True
    if _COMPACT_LABEL.fullmatch(text) and not KIND_WORDS.search(text):
        return True
    words = text.split()
    if len(words) >= 2 and all(len(w) <= 3 for w in words):
        return True  # language codes, font sizes: "EN RU 中文", "A A+ A++"
    if _DIGIT.search(text) and len(words) <= 8 and not KIND_WORDS.search(text) and not (
            ends_final(text) and len(words) >= 4):
        return True  # dates, rates, counters (not a short sentence with a number)
    if not weak or ends_final(text):
        return False
    if len(words) <= 2 and not KIND_WORDS.search(text) and sum(map(is_cjk, text)) < 6:
        return True  # a menu entry, a lone word
    capital = [w for w in words if w[:1].isupper()]
    small = [w for w in words if w.lower() in _FUNCTION_WORDS]
    return len(words) >= 4 and len(capital) == len(words) and not small  # a menu bar


def _heading_word(text: str) -> bool:
    return bool(re.fullmatch(r"(?i)(?:part|section|chapter|раздел|часть|глава)?\s*"
                             r"(?:[IVXLC]+|\d{1,2})\.?|第[一二三四五六七八九十]+[部章节分]+", text))


def split_furniture(
    lines: list[Line], *, keep: bool = False, start_at: str | None = None
) -> Furniture:
    """Left-out lines: the header fields, the furniture before the text and after it."""
    found = Furniture(list(lines))
    text_lines = [(n, x) for n, x in lines if x]
    if not text_lines:
        return found
    group = _group_ids(lines)
    start = _start(text_lines, start_at)
    body_from = _labels(text_lines, start, found)
    if keep:
        found.left_out = []
        return found
    counts: dict[str, int] = {}
    for _, x in text_lines:
        counts[x] = counts.get(x, 0) + 1
    body = [i for i, (_, x) in enumerate(text_lines) if i >= body_from and (sentence_like(x) or (
        parse_marker(x) is not None and ends_final(x)))]
    if not body:
        return found
    first = body[0]
    ended = [i for i in body if ends_final(text_lines[i][1])]
    last = ended[-1] if ended else body[-1]  # the text ends with punctuation, a headline does not
    while last + 1 < len(text_lines) and not ends_final(text_lines[last][1]) and (
            group[text_lines[last + 1][0]] == group[text_lines[last][0]]):
        last += 1  # the wrapped end of the last paragraph
    while first > body_from and _wrapped_start(text_lines[first - 1], text_lines[first], group):
        first -= 1  # the wrapped start of the first paragraph
    drop = {n for n, _ in found.left_out}
    head = [(n, x) for n, x in text_lines[start:first] if n not in drop]
    title = _title_index(head, counts, group)
    for i, (n, x) in enumerate(head):
        if start_at is not None or (title is not None and i < title) or (
                i != title and furniture_like(x, counts[x] > 1, title is not None)):
            drop.add(n)
            if _DIGIT.search(x) and read_label(x) is None:
                found.dates.append(x)
    for n, x in text_lines[last + 1 :]:
        if furniture_like(x, counts[x] > 1, False) or _signature_like(x):
            drop.add(n)
            found.dates.append(x)
    for n, x in text_lines[first : last + 1]:
        if furniture_like(x, False) and (_STRONG.search(x) or _TIME.search(x)) and not (
                parse_marker(x)):
            drop.add(n)
    found.left_out = [(n, x) for n, x in text_lines if n in drop]
    found.lines = [(n, x) for n, x in lines if n not in drop]
    return found


def _signature_like(x: str) -> bool:
    """A signature or closing line: short, no final punctuation, title case, in brackets, or
    "For the ..." ("За ...", "代表...")."""
    if not is_title_like(x):
        return False
    if x.startswith(("(", "[", "For ", "On behalf", "За ", "От ", "代表")):
        return True
    words = [w for w in x.split() if len(w) > 3 and w[0].isalpha()]
    return bool(words) and all(w[0].isupper() for w in words)


def _wrapped_start(prev: Line, line: Line, group: dict[int, int]) -> bool:
    """A line above the first sentence-like one that its sentence runs on from."""
    x = prev[1]
    if group[prev[0]] != group[line[0]] or ends_final(x) or furniture_like(x, False, False):
        return False
    words = [w for w in x.split() if len(w) > 3 and w[0].isalpha()]
    return bool(words) and not all(w[0].isupper() for w in words) and x != x.upper()


def _group_ids(lines: list[Line]) -> dict[int, int]:
    """Line number -> the number of its run of lines between blank lines."""
    out: dict[int, int] = {}
    g = 0
    for n, x in lines:
        if x:
            out[n] = g
        else:
            g += 1
    return out


def _start(text_lines: list[Line], start_at: str | None) -> int:
    if start_at is None:
        return 0
    try:
        pattern = re.compile(start_at)
    except re.error as exc:
        raise DeclarationError(f"--start-at {start_at!r}: not a regular expression: "
                               f"{exc}") from None
    at = next((i for i, (_, x) in enumerate(text_lines) if pattern.search(x)), None)
    if at is None:
        raise DeclarationError(f"--start-at {start_at!r} matched no line")
    return at


def _labels(text_lines: list[Line], start: int, found: Furniture) -> int:
    """Read the labelled header lines at the top (and leave out everything above `start`);
    the index of the first line after them. A label without a value ("[Notes]") takes the
    lines up to the next label as its value. Other lines may stand between labels (a title
    above "Posted: ..."): they stay."""
    out: list[Line] = list(text_lines[:start])
    labels = [(i, read_label(x)) for i, (_, x) in enumerate(text_lines[start : start + 40],
                                                          start)]
    at = [(i, lab) for i, lab in labels if lab is not None]
    if len(at) == 1 and not at[0][1][1] and at[0][1][0] != "body":
        at = []  # one bare word such as "Text" or "Notes" is no record of fields
    body_from = start
    for k, (i, (name, value)) in enumerate(at):
        nxt = at[k + 1][0] if k + 1 < len(at) else None
        if i - body_from > 6:
            break
        out.append(text_lines[i])
        if value and name not in found.fields:
            found.fields[name] = value
        body_from = i + 1
        if name == "body":
            break
        if not value and nxt is not None and nxt - i <= 6:
            out += text_lines[i + 1 : nxt]  # the value of an empty label
            if name not in found.fields and name in ("title", "place", "date", "source"):
                found.fields[name] = " ".join(x for _, x in text_lines[i + 1 : nxt])
            body_from = nxt
    found.left_out = out
    return body_from


def _title_index(
    head: list[Line], counts: dict[str, int], group: dict[int, int]
) -> int | None:
    """The title among the lines before the text: a title-like line naming a kind of document
    (from the first of the title-like lines set with it), else the last title-like line that is
    not furniture."""
    named = [i for i, (_, x) in enumerate(head) if is_title_like(x) and KIND_WORDS.search(x)
             and not furniture_like(x, counts[x] > 1) and not _SEPARATORS.search(x)]
    if named:
        i = named[0]
        while i > 0 and group[head[i - 1][0]] == group[head[i][0]] and is_title_like(
                head[i - 1][1]) and not furniture_like(head[i - 1][1], counts[head[i - 1][1]] > 1):
            i -= 1
        return i
    plain = [i for i, (_, x) in enumerate(head) if is_title_like(x)
             and not furniture_like(x, counts[x] > 1) and len(x.split()) >= 3]
    return plain[-1] if plain else None
