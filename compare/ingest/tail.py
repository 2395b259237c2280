"""Import stage, the text's tail: which lines after the text's last sentence are still the text.

`bounds.text_end` finds the last sentence of the declaration; `tail_kept` keeps what after it is
still the text: the wrapped or cut-off rest of the last paragraph, short sentences and the
headings above them, the items of a list it opens (also unmarked document titles under a
sentence ending in a colon), a sentence of the text set in brackets, a closing formula with
its date. Everything else after the end (tags, related headlines, polls, signature blocks) is
furniture.
"""

from __future__ import annotations

import re

from .bounds import HEADING_WORDS, introduces, list_entries
from .inbody import opening
from .lines import Line, ends_final, is_title_like, parse_marker, starts_lower
from .preamble import find_date_place
from .signals import (
    FUNCTION_WORDS,
    ZH_DATELINE,
    bracketed,
    captioned,
    end_signal,
    furniture_like,
    sentence_like,
)
from .structure import running_words


def tail_kept(text_lines: list[Line], last: int, group: dict[int, int]) -> set[int]:
    """Indices after `last` that are still the text: the wrapped or cut-off rest of the last
    paragraph, short sentences and the headings above them, the items of a list it opens (also
    unmarked titles under a sentence ending in a colon), a closing formula with its date. The
    run stops at the first line that says the text is over (`end_signal`, a caption, a
    bracketed note or label) or at a line that is none of these (a block's label over
    headlines: "Most read", "Related documents")."""
    kept: set[int] = set()
    units = _units(text_lines, last + 1, group)
    openings = {opening(x) for _, x in text_lines[: last + 1]}
    prev = text_lines[last][1]
    in_list = prev.rstrip().endswith((":", "\uff1a"))
    named = introduces(prev)  # "... adopted the following statements:"
    entries = list_entries(text_lines, last)  # "1. Energy by 2315", "1. 能源": its list
    heading = False
    for k, (i, j, x) in enumerate(units):
        marker = parse_marker(x)
        words = len((marker[3] if marker else x).split())
        if i in entries:
            kept.update(range(i, j))
            in_list, heading = True, False
            continue
        aside = bracketed(x) and _aside(x, openings)
        if ((end_signal(x) or bracketed(x)) and not aside) or captioned(x) or (
                _LABEL_OPENS.match(x)):
            break
        nxt = units[k + 1][2] if k + 1 < len(units) else ""
        if x.rstrip().endswith((":", "\uff1a")) and (not nxt or end_signal(nxt)):
            break  # "Related documents:" over links: a block's label, not an intro of the text
        if (k == 0 or heading) and _cut_rest(units, k):
            pass  # the text's last paragraph, cut off early (under its heading)
        elif marker is not None and (in_list or running_words(marker[3]) >= 4):  # "3. 成员国"
            in_list = in_list or marker[1] == "item"
        elif named and words >= 3 and is_title_like(x) and not furniture_like(x, False, False):
            pass  # an item the sentence above names: "Statement on Food Security"
        elif not (ends_final(x) or (sentence_like(x) and words >= 9) or (
                find_date_place(x)[0] and not furniture_like(x, False, False)
                and not ZH_DATELINE.fullmatch(x)) or (
                is_title_like(x) and words <= HEADING_WORDS and (
                    ends_final(nxt) or parse_marker(nxt) is not None
                    or _cut_rest(units, k + 1)) and not end_signal(nxt)) or (
                _numbered_heading(x, nxt))):
            break  # a closing formula with its date stays ("二〇〇七年八月十六日于比什凯克")
        else:
            in_list = in_list or parse_marker(nxt) is not None  # a list under a heading
        heading = (is_title_like(x) and words <= HEADING_WORDS and not ends_final(x)) or (
            _numbered_heading(x, nxt))
        kept.update(range(i, j))
    return kept


def _numbered_heading(x: str, nxt: str) -> bool:
    """A numbered heading ("2. 合作", "2. Trade") over a short sentence of its own ("加强合作。"):
    a few words after the number, title-like, no signal of the page's own (a menu entry, a
    counter), and the line under it a sentence (it ends one) that says no end either."""
    marker = parse_marker(x)
    if marker is None or marker[1] != "paragraph":
        return False
    core = marker[3]
    return is_title_like(core) and len(core.split()) <= HEADING_WORDS and not furniture_like(
        core, False, False) and ends_final(nxt) and not end_signal(nxt) and (
        parse_marker(nxt) is None)


def _aside(x: str, openings: set[tuple[str, ...]]) -> bool:
    """A sentence of the text set in brackets ("(The Member States shall inform ...)"): it
    opens as a line of the text does, and ends like a sentence inside its brackets."""
    inner = x[1:-1].strip()
    return opening(inner) in openings and ends_final(inner) and sentence_like(inner)


_LABEL_OPENS = re.compile(r"[\[\u3010][^\W\d_][^\]\u3011\d]{0,29}[\]\u3011]")
"""A line opening with a bracketed label ("[Related documents] ...", also in CJK brackets): a
database's field after the text."""


def _cut_rest(units: list[tuple[int, int, str]], k: int) -> bool:
    """Unit `k` is the text's last paragraph, cut off: sentence-like, five words or more
    (`running_words`), no page's field (`_CJK_FIELD`), and nothing sentence-like after it."""
    if k >= len(units):
        return False
    x = units[k][2]
    return sentence_like(x) and running_words(x) >= 5 and not _CJK_FIELD.match(x) and not any(
        sentence_like(y) for _, _, y in units[k + 1:])


_CJK_FIELD = re.compile("[\u4e00-\u9fff]{1,4}[:\uff1a]")
"""A page's field after the text, in Chinese: a label of a few characters and a colon ("相关
文档" or "责任编辑" and a full-width colon, then its value), a line as long as a sentence but
none."""


def _units(text_lines: list[Line], start: int, group: dict[int, int]) -> list[tuple[int, int, str]]:
    """(first index, end index, text) of each line from `start`, with the lines wrapped onto it
    (same run of lines, no final stop before, no marker after, and lower case after or a
    word such as "of" or "the" before: "... held in the Republic of" / "Uzbekistan in 2089.")
    read as one."""
    out: list[tuple[int, int, str]] = []
    i = start
    while i < len(text_lines):
        j = i + 1
        while j < len(text_lines) and group[text_lines[j][0]] == group[text_lines[j - 1][0]] \
                and not ends_final(text_lines[j - 1][1]) and (starts_lower(text_lines[j][1]) or (
                    _open_end(text_lines[j - 1][1]))) and parse_marker(text_lines[j][1]) is None:
            j += 1
        out.append((i, j, " ".join(y for _, y in text_lines[i:j])))
        i = j
    return out


def _open_end(x: str) -> bool:
    """A line ending in a word that cannot end a sentence ("of", "the", "and"): wrapped."""
    words = x.split()
    return bool(words) and words[-1].casefold() in FUNCTION_WORDS
