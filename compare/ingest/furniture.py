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

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..errors import DeclarationError
from . import cover
from .backmatter import back_matter
from .bounds import (
    closing_note,
    document_title,
    front_note,
    past_title_lines,
    text_end,
    title_ahead,
    title_index,
    title_rest,
)
from .contents import front_contents, label_list
from .inbody import in_body_furniture, speaker_label, stamp_in_body
from .labels import META_FIELDS, label_in_parts, label_parts, mail_headers, read_label
from .lines import Line, ends_final, is_title_like, parse_marker
from .signals import (
    COPYRIGHT_WORDS,
    DIGIT,
    KIND_WORDS,
    SEPARATORS,
    ZH_DATELINE,
    bracketed,
    captioned,
    copy_label,
    furniture_like,
    sentence_like,
)
from .sitetalk import page_talk
from .structure import word_count
from .tail import tail_kept
from .textfoot import after_cut, footnotes
from .titleparts import fused_title

__all__ = ["COPYRIGHT_WORDS", "KIND_WORDS", "Furniture", "furniture_like", "sentence_like",
           "split_furniture"]

@dataclass
class Furniture:
    """What `split_furniture` found: lines kept for the body, lines left out, header fields."""

    lines: list[Line]
    left_out: list[Line] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    dates: list[str] = field(default_factory=list)  # dateline texts (not publication stamps)
    opened: dict[int, tuple[str, str]] = field(default_factory=dict)  # "[Full text] The ..."


def split_furniture(
    lines: list[Line], *, keep: bool = False, start_at: str | None = None,
    whole_title: int | None = None,
) -> Furniture:
    """Left-out lines: the header fields, the furniture before the text and after it
    (`whole_title`: the number of a line that is a title the page set whole, a web page's)."""
    slides = [] if keep else cover.slide_frames(lines)  # a deck's slides over its notes
    lines = [line for line in lines if line not in set(slides)] if slides else lines
    found = Furniture(list(lines))
    retitled: dict[int, str] = {}
    text_lines = [(n, x) for n, x in lines if x]
    if not text_lines:
        return found
    group = cover.group_ids(lines)
    start = _start(text_lines, start_at)
    body_from = _labels(text_lines, start, found)
    if found.opened:  # the text opens on the label's line: the line is the text's part of it
        retitled.update({n: value for n, (_, value) in found.opened.items()})
        text_lines = [(n, retitled.get(n, x)) for n, x in text_lines]
    if keep:
        found.left_out = []
        return found
    toc = front_contents(text_lines, group, body_from) if start_at is None else None
    if toc is not None:  # a printed edition's list of contents
        found.left_out += [text_lines[i] for i in toc]
        body_from = toc.stop
    counts: dict[str, int] = {}
    for i, (_, x) in enumerate(text_lines):  # a contents list's entries are no running heads
        counts[x] = counts.get(x, 0) + (toc is None or i not in toc)
    column = cover.column_lines(text_lines, group)  # a paragraph set in a narrow column
    body = [i for i, (_, x) in enumerate(text_lines) if i >= body_from and (sentence_like(x) or (
        parse_marker(x) is not None and ends_final(x)) or i in column)]
    while len(body) > 1 and cover.banner_line(text_lines, body[0], group):
        body.pop(0)  # a banner's tagline over the site's menu
    if not body:
        return found
    first = past_title_lines(text_lines, body, group)  # a title set on several lines
    ahead = title_ahead(text_lines, first)  # a news lead above the document's own title
    ahead = cover.cover_start(text_lines, first, group) if ahead == first else ahead  # a note
    lead_title = next((text_lines[k][0] for k in range(ahead - 1, first, -1)
                       if document_title(text_lines[k][1], russian=True)), None) if (
        ahead > first) else None
    first = ahead
    at = front_note(text_lines, first, group)  # a note on the copy under a dateline
    at = first if at is None and cover.reader_note(text_lines, first, body) else at  # to readers
    note = None if at is None else text_lines[at][0]
    first = next((i for i in body if i > first), first) if at == first else first
    while first < body[-1] and bracketed(text_lines[first][1]):
        first = next(i for i in body if i > first)  # "(Adopted at the Meeting of ...)" over it
    body = [i for i in body if i >= first]
    ended = cover.paragraph_ends(text_lines, body, group)  # a short last line too
    heads = frozenset(x for _, x in text_lines[:first] if counts[x] > 1)  # running heads
    printed = frozenset(x for x, c in counts.items() if c > 1)  # on every page
    last = text_end(text_lines, ended, heads, printed) if ended else body[-1]
    while last + 1 < len(text_lines) and not ends_final(text_lines[last][1]) and (
            group[text_lines[last + 1][0]] == group[text_lines[last][0]]):
        last += 1  # the wrapped end of the last paragraph
    while first > body_from and ((_wrapped_start(text_lines[first - 1], text_lines[first], group)
                                  and not _salutation(text_lines[first]))
                                 or _salutation(text_lines[first - 1])):
        first -= 1  # the wrapped start of the first paragraph, an address's salutations
    first -= first > body_from and _first_heading(text_lines, first, last, group)
    drop = {n for n, _ in found.left_out}
    head = [(n, x) for n, x in text_lines[start:first] if n not in drop]
    later = {x for _, x in text_lines[first:]}
    repeated = {x: counts[x] > 1 and x in later for _, x in head}  # a running head
    title = title_index(head, repeated, group, whole_title)
    if lead_title is not None and start_at is None:  # the document's title under the lead
        title = next((i for i, (n, _) in enumerate(head) if n == lead_title), title)
    fused = fused_title(head) if title is None and start_at is None else None
    if fused is not None:  # the title is the part of a site's line that names a document
        title, text, rest = fused
        n = head[title][0]
        head[title] = (n, text)
        retitled[n] = text
        found.left_out.append((n, rest))
    if title is not None and start_at is None:  # "... on Sport (1/2)": the post's counter
        found.left_out += cover.title_counter(head, title, retitled)
    merged = _wrapped_title(head, title, group, retitled) if start_at is None else set()
    below = [x for _, x in head[1:]] + [text_lines[first][1]]  # the line under each
    title_n = head[title][0] if title is not None and start_at is None else None
    listed_n = {head[k][0] for k in label_list(head, title)} if (
        title is not None and start_at is None) else set()
    named = {text_lines[k][1] for k in toc or ()}  # the contents list's entries: the headings
    for i, (n, x) in enumerate(head):
        if n in merged or n in listed_n or (x in named and n not in drop):
            continue  # a short label's list under the title ("Priority areas:" / "1. Grain")
        if n == title_n:
            continue  # the title's other cell in a row of a parallel table
        if start_at is not None or (title is not None and i < title) or (i != title and (
                furniture_like(x, counts[x] > 1, title is not None) or bracketed(x)
                or captioned(x) or speaker_label(x) or n == note or (
                    title is not None and i > title and copy_label(x, below[i])))):
            drop.add(n)
            if DIGIT.search(x) and read_label(x) is None:
                found.dates.append(x)
    last, kept = _tail(text_lines, first, last, group, start_at is None)
    cut = back_matter(text_lines, first, last, group) if start_at is None else last
    last, kept = (cut, set()) if cut < last else (last, kept)  # "About the editors"
    for i in range(last + 1, len(text_lines)):
        if i not in kept or in_body_furniture(text_lines, i, group, False):
            n, x = text_lines[i]
            drop.add(n)
            if (DIGIT.search(x) or ZH_DATELINE.fullmatch(x)) and read_label(x) is None and (
                    i not in kept):
                found.dates.append(x)
    outside = {x for i, (_, x) in enumerate(text_lines) if i < first or i > last}
    listed = False  # under the label of a list of the site ("Related:"): its headlines
    for k, (n, x) in enumerate(text_lines[first : last + 1], first):
        listed = listed and not sentence_like(x) and not ends_final(x)
        if listed or stamp_in_body(x) or cover.in_text_mark(x) or in_body_furniture(
                text_lines, k, group, counts[x] > 1 and (
                    x in outside or furniture_like(x, False, False))):  # a head on every page
            drop.add(n)
            listed = listed or (x.rstrip().endswith((":", "\uff1a")) and page_talk(x))
    found.left_out = sorted([(n, x) for n, x in text_lines if n in drop] + slides + [
        (n, x) for n, x in found.left_out if n in retitled] + [
        (n, label) for n, (label, _) in found.opened.items()], key=lambda line: line[0])
    found.lines = [(n, retitled.get(n, x)) for n, x in lines if n not in drop | merged]
    return found


def _wrapped_start(prev: Line, line: Line, group: dict[int, int]) -> bool:
    """A line above the first sentence-like one that its sentence runs on from."""
    x = prev[1]
    if group[prev[0]] != group[line[0]] or ends_final(x) or furniture_like(x, False, False) or (
            bracketed(x) or captioned(x) or document_title(x, russian=True)):
        return False  # a title in sentence case over the text is no start of its sentence
    words = [w for w in x.split() if len(w) > 3 and w[0].isalpha()]
    return bool(words) and not all(w[0].isupper() for w in words) and x != x.upper()


def _set_apart(text_lines: list[Line], k: int, group: dict[int, int]) -> bool:
    """A short title-like line in a run of lines of its own: a heading's shape."""
    n, x = text_lines[k]
    marker = parse_marker(x)
    x = marker[3] if marker is not None and marker[1] == "paragraph" else x
    return (0 < k < len(text_lines) - 1 and is_title_like(x) and len(x.split()) <= 8
            and group[text_lines[k - 1][0]] != group[n] != group[text_lines[k + 1][0]])


def _first_heading(text_lines: list[Line], first: int, last: int, group: dict[int, int]) -> bool:
    """Whether the line above the text's first is its first section heading ("Preamble"): set
    apart as the headings inside the text are (at least two of them), without a stamp's or
    a menu's signals."""
    x = text_lines[first - 1][1]
    if not _set_apart(text_lines, first - 1, group) or DIGIT.search(x) or furniture_like(
            x, False, False) or bracketed(x) or captioned(x):
        return False
    inside = sum(1 for k in range(first + 1, last) if _set_apart(text_lines, k, group))
    return inside >= 2


def _wrapped_title(head: list[Line], title: int | None, group: dict[int, int],
                   retitled: dict[int, str]) -> set[int]:
    """A title wrapped onto the lines under it: join them into the title line (`retitled`)
    and return their line numbers."""
    more = title_rest(head, title, group) if title is not None else []
    if title is None or not more:
        return set()
    n = head[title][0]
    retitled[n] = " ".join([retitled.get(n, head[title][1]), *(head[k][1] for k in more)])
    return {head[k][0] for k in more}


def _tail(text_lines: list[Line], first: int, last: int, group: dict[int, int],
          notes: bool) -> tuple[int, set[int]]:
    """The text's last line and the lines after it that are still the text, without a bare
    "Signed:" over the signatures or (with `notes`) a note on the copy under the text, the
    page's note under a copy cut off, and footnotes."""
    kept = tail_kept(text_lines, last, group)
    for check in ("intro", "note"):
        end = max(kept, default=last)
        if (end > first and _bare_intro(text_lines[end][1])) if check == "intro" else (
                notes and closing_note(text_lines, end)):
            kept.discard(end)
            last -= end == last
    if notes:
        last = footnotes(text_lines, first, after_cut(text_lines, first, last, group))
    return last, kept


def _bare_intro(x: str) -> bool:
    """A word or two before a colon and nothing else ("Signed:", "Attachments:", in Chinese)."""
    return x.rstrip().endswith((":", "\uff1a")) and word_count(x) <= 2


SALUTATION_WORDS = 8
"""An address's salutation above its text ("Excellencies,", "Dear heads of regions,")."""


def _salutation(prev: Line) -> bool:
    """A salutation just above the text (in its run of lines or apart, as the text's first
    paragraph): a short line opening with a capital and ending in a comma, without digits,
    separators or a label."""
    x = prev[1]
    return (x.rstrip().endswith(",") and x[:1].isupper()
            and len(x.split()) <= SALUTATION_WORDS and not DIGIT.search(x)
            and not SEPARATORS.search(x) and ":" not in x and not bracketed(x))


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


def _record_at(labels: list[tuple[int, tuple[str, str] | None]], start: int) -> int | None:
    """The first line of a record of labelled fields near the top (two labels with values at
    most three lines apart, the first within `RECORD_WITHIN` lines of `start`): a site's
    banner or a sentence-like line above it is not yet the text."""
    valued = [i for i, lab in labels if lab is not None and lab[1]]
    for a, b in itertools.pairwise(valued):
        if a - start > RECORD_WITHIN:
            return None
        if b - a <= 3:
            return a
    return None


_FIELD_SHAPE = re.compile(r"[^\W\d_][\w'-]*(?: [\w'-]+){0,2} ?[:\uff1a] ?[^.!?\u3002]{1,60}")
"""A field of a record between two known labels: a label of up to three words, a colon and a
short value without a sentence's end ("DOC TYPE: statement", "AUTHOR: Secretary-General")."""

RECORD_WITHIN = 8
"""Lines above a record of labelled fields that may be page furniture (banner, menu, crumbs)."""


def _labels(text_lines: list[Line], start: int, found: Furniture) -> int:
    """Read the labelled header lines at the top (and leave out everything above `start`);
    the index of the first line after them. A label without a value ("[Notes]") takes the
    lines up to the next label as its value. Other lines may stand between labels (a title
    above "Posted: ..."): they stay."""
    out: list[Line] = list(text_lines[:start])
    labels = [(i, label_in_parts(x)) for i, (_, x) in enumerate(text_lines[start : start + 40],
                                                           start)]
    mail = mail_headers(text_lines[: start + 40])
    text_at, empty = len(text_lines), False
    record = _record_at(labels, start)
    for i, lab in labels:  # the text starts at a sentence that is no label's value
        if lab is not None:
            empty = not lab[1] and lab[0] != "body"
        elif not empty and sentence_like(text_lines[i][1]) and (record is None or i > record):
            text_at = i
            break
    at = [(i, lab) for i, lab in labels if lab is not None and i < text_at]  # a header
    if len(at) == 1 and not at[0][1][1] and at[0][1][0] != "body":
        at = []  # one bare word such as "Text" or "Notes" is no record of fields
    body_from = start
    for k, (i, (name, value)) in enumerate(at):
        nxt = at[k + 1][0] if k + 1 < len(at) else None
        if i - body_from > (RECORD_WITHIN if k == 0 else 6):
            break  # the first label under a banner and a title, the others close together
        if name == "body" and value:  # "[Full text] The Ministers ...": the text opens here
            n, x = text_lines[i]
            found.opened[n] = (x[: len(x) - len(value)].strip(), value)
            body_from = i
            break
        out.append(text_lines[i])
        for part, said in [] if i in mail else [(name, value), *label_parts(text_lines[i][1])]:
            if said and part not in found.fields and (part == name or part in META_FIELDS):
                found.fields[part] = said  # every field of a line of parts ("Place: ... | ")
        body_from = i + 1
        if name == "body":
            break
        if not value and nxt is None and i + 1 < len(text_lines) and not sentence_like(
                text_lines[i + 1][1]) and read_label(text_lines[i + 1][1]) is None:
            out.append(text_lines[i + 1])  # the last label's value on the line under it
            if name not in found.fields and name in META_FIELDS:
                found.fields[name] = text_lines[i + 1][1]
            body_from = i + 2
        if value and nxt is not None:  # a field the labels do not know ("DOC TYPE: ...")
            unknown = [(n, x) for n, x in text_lines[i + 1 : nxt] if _FIELD_SHAPE.fullmatch(x)]
            out += unknown
            found.dates += [x for _, x in unknown if DIGIT.search(x)]  # "Дата проведения: ..."
        if not value and nxt is not None and nxt - i <= 6:
            out += text_lines[i + 1 : nxt]  # the value of an empty label
            if name not in found.fields and name in META_FIELDS:
                found.fields[name] = " ".join(x for _, x in text_lines[i + 1 : nxt])
            body_from = nxt
    if record is not None and at and at[0][0] == record and "title" in found.fields:
        out[start:start] = text_lines[start:record]  # a site's lines above a record's title
    found.left_out = out
    return body_from
