"""Import stage, shaping a layout: furniture of web pages, headings, undivided texts, notices.

`html_blocks_furniture` applies the text rules of `ingest.furniture` to the blocks read from a
web page (its title first): what the element classes did not say is furniture, the position
and the shape of a block still may. `shape` attaches headings (after reading a numbered run
under a sentence ending in a colon as its list, `assemble.numbered_items`) and divides a text
without paragraph breaks (`ingest.structure`), taking the title and dateline off the front of a text
that came in on one line, a news agency's dateline off the first paragraph and a copyright off
the end of the last block, and the title printed again in the page's other language under it.
`furniture_notices` is the one notice that lists what was left out, the header fields read,
and whether the copy is cut off.
"""

from __future__ import annotations

import dataclasses
import re

from .assemble import numbered_items
from .bilingual import language_runs
from .bounds import document_title, note_sentence
from .copymarks import strip_reactions
from .furniture import sentence_like, split_furniture
from .labels import META_FIELDS
from .lines import Block, Layout, Notice, ends_final, is_title_like
from .segment import split_sentences
from .signals import COMMITMENT, DIGIT, KIND_WORDS, text_note
from .structure import (
    bar_head,
    bar_tail,
    closing,
    dated,
    dateline_lead,
    divide,
    headings,
    opening,
)


def html_blocks_furniture(lay: Layout, *, keep: bool, start_at: str | None) -> Layout:
    """Leave out the furniture among the blocks of a page (and its title, if furniture), and
    the notes of the hall inside its paragraphs ("[Applause]")."""
    if not keep:
        lay = _without_reactions(lay)
    lines = [(i, _full(b)) for i, b in enumerate(lay.blocks, 1)]
    if lay.title:  # the title where the page prints it (banners may stand above it)
        line = lay.title_line or 0  # a site line above it reads like a sentence but ends none
        at = next((k for k, b in enumerate(lay.blocks) if b.line >= line or (
            sentence_like(_full(b)) and (ends_final(b.text) or not line))), len(lay.blocks))
        lines.insert(at, (0, lay.title))
    found = split_furniture(lines, keep=keep, start_at=start_at,
                            whole_title=0 if lay.title else None)
    kept = {n for n, _ in found.lines}
    title, title_line = lay.title, lay.title_line
    blocks = [b for i, b in enumerate(lay.blocks, 1) if i in kept]
    if title and 0 not in kept:
        title, title_line = "", None
        first = next((i for i, b in enumerate(blocks) if b.kind == "paragraph"
                      and is_title_like(_full(b))), None)
        if first is not None and first < 3:
            title, title_line = _full(blocks[first]), blocks[first].line
            del blocks[first]
    elif not title and blocks and blocks[0].kind == "paragraph" and document_title(
            blocks[0].text) and blocks[0].number is None and len(blocks) > 1:
        title, title_line = blocks[0].text, blocks[0].line  # a bold or plain title line
        blocks = blocks[1:]
    where = {i: b.line for i, b in enumerate(lay.blocks, 1)} | {0: lay.title_line or 0}
    left = tuple((where[n], x) for n, x in found.left_out)
    return dataclasses.replace(lay, title=title, title_line=title_line, blocks=tuple(blocks),
                               furniture=tuple(sorted(lay.furniture + left,
                                                      key=lambda x: x[0])),
                               fields=lay.fields + tuple(found.fields.items()),
                               datelines=lay.datelines + tuple(found.dates))


def _without_reactions(lay: Layout) -> Layout:
    """The blocks without a transcript's notes of the hall (`copymarks.strip_reactions`)."""
    texts = [(b.line, b.text) for b in lay.blocks]
    left: list[tuple[int, str]] = []
    strip_reactions(texts, left)
    if not left:
        return lay
    blocks = tuple(dataclasses.replace(b, text=x) for b, (_, x) in zip(lay.blocks, texts,
                                                                        strict=True))
    return dataclasses.replace(lay, blocks=blocks, furniture=tuple(sorted(
        lay.furniture + tuple(left), key=lambda x: x[0])))


def _full(b: Block) -> str:
    return b.text if b.number is None else f"{b.number} {b.text}"


def shape(lay: Layout, language: str) -> tuple[Layout, list[Notice]]:
    """Headings attached to the paragraph under them; a text without breaks divided (the
    words before its first paragraph number are its title when it has none)."""
    blocks, notices = divide(lay.blocks, language)
    left: list[tuple[int, str]] = []
    whole = bool(notices) and len(lay.blocks) == 1  # the whole text came in as one block
    if whole and not lay.title and len(blocks) > 1 and blocks[0].number is None:
        lay, blocks = _bar_head(lay, blocks, left)
    if whole and not lay.title and len(blocks) > 1 and blocks[0].number is None:
        opener = blocks[0]
        if is_title_like(opener.text):
            lay = dataclasses.replace(lay, title=opener.text, title_line=opener.line)
            blocks = blocks[1:]
        else:
            title, dateline, rest, note = opening(opener.text)
            if title:
                lay = dataclasses.replace(lay, title=title, title_line=opener.line,
                                          datelines=(dateline, *lay.datelines)
                                          if dateline else lay.datelines)
                left += [(opener.line, x) for x in (note, dateline) if x]
                blocks = (dataclasses.replace(opener, text=rest), *blocks[1:])
    if blocks and blocks[0].number is None:
        lead, rest = dateline_lead(blocks[0].text)
        if lead:
            left.append((blocks[0].line, lead))
            lay = dataclasses.replace(lay, datelines=(*lay.datelines, lead))
            blocks = (dataclasses.replace(blocks[0], text=rest), *blocks[1:])
    if notices and len(blocks) > 1 and blocks[0].number is None and blocks[0].kind == (
            "paragraph") and dated(blocks[0].text) and len(lay.blocks) == 2:
        left.append((blocks[0].line, blocks[0].text))  # the dateline beside a one-line text
        lay = dataclasses.replace(lay, datelines=(*lay.datelines, blocks[0].text))
        blocks = blocks[1:]
    links: list[tuple[int, str]] = []
    if blocks and whole:
        text, parts = bar_tail(blocks[-1].text)
        links = [(blocks[-1].line, x) for x in parts]
        blocks = (*blocks[:-1], dataclasses.replace(blocks[-1], text=text))
    if blocks:
        text, tail = closing(blocks[-1].text)
        if whole and not tail:  # a text that came in on one line: a note at its end
            text, tail = _closing_note(blocks, language)
        if tail:
            left.append((blocks[-1].line, tail))
            blocks = (*blocks[:-1], dataclasses.replace(blocks[-1], text=text))
    left += links  # after a note on the copy, as the page has them
    if left:
        lay = dataclasses.replace(lay, furniture=tuple(sorted(lay.furniture + tuple(left),
                                                              key=lambda x: x[0])))
    if lay.title and blocks and blocks[0].kind == "paragraph" and blocks[0].number is None \
            and is_title_like(blocks[0].text) and _other_language(blocks[0].text, language):
        lay = dataclasses.replace(lay, furniture=tuple(sorted(
            (*lay.furniture, (blocks[0].line, blocks[0].text)), key=lambda x: x[0])))
        blocks = blocks[1:]  # the title printed again in the page's other language
    blocks, found = headings(numbered_items(blocks))
    if found:
        first = next(b.line for b in blocks if b.heading)
        notices.append(Notice(first, f"{found} section heading(s) kept as headings, not as "
                                     "paragraphs (first here)"))
    return dataclasses.replace(lay, blocks=blocks), notices


_ASIDE = re.compile(r"\s[(\[]([^()\[\]]{3,200})[)\]]$")
ASIDE_WORDS = 16
"""A bracketed aside after the last sentence of a one-line text, this short, is a note on the
copy ("... for the years 2063 to 2067. (Illustrative text written for tests.)")."""


def _bar_head(lay: Layout, blocks: tuple[Block, ...], left: list[tuple[int, str]]
              ) -> tuple[Layout, tuple[Block, ...]]:
    """A one-line text opening with parts between bars: the part naming a kind of document is
    the title, a part with a date a dateline, the others furniture (added to `left`)."""
    parts, rest = bar_head(blocks[0].text)
    title = next((x for x in parts if is_title_like(x) and KIND_WORDS.search(x)), "")
    if not title:
        return lay, blocks
    line = blocks[0].line
    dates = tuple(x for x in parts if x != title and DIGIT.search(x))
    lay = dataclasses.replace(lay, title=title, title_line=line,
                              datelines=(*dates, *lay.datelines))
    left += [(line, x) for x in parts if x != title]
    return lay, (dataclasses.replace(blocks[0], text=rest), *blocks[1:])


def _closing_note(blocks: tuple[Block, ...], language: str) -> tuple[str, str]:
    """(text, note) when the last block of a divided one-line text ends in a note on the copy
    ("... in Pakistan in 2038. Illustrative text written for tests.", or the same in brackets
    and committing to nothing), else (text, "")."""
    text = blocks[-1].text
    aside = _ASIDE.search(text)
    if aside and ends_final(text[: aside.start()]) and len(aside.group(1).split()) <= (
            ASIDE_WORDS) and not COMMITMENT.search(aside.group(1)) and not text_note(
                aside.group(0).strip()):
        return text[: aside.start()].rstrip(), aside.group(0).strip()
    sentences = split_sentences(text, language)
    if len(sentences) < 2:
        return text, ""
    last = sentences[-1]
    head = text[: len(text) - len(last)].rstrip()
    if not text.endswith(last) or not ends_final(head):
        return text, ""
    others = [s for b in blocks for s in split_sentences(b.text, language)][:-1]
    return (head, last) if note_sentence(last, others) else (text, "")


def _other_language(text: str, language: str) -> bool:
    runs = language_runs(text, language)
    return len(runs) == 1 and bool(runs[0][1])


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def furniture_notices(lay: Layout, truncated: bool, last: str) -> list[Notice]:
    """One notice for the furniture left out, one for the header fields, one if cut off."""
    out: list[Notice] = []
    if lay.furniture:
        shown = ", ".join(repr(_clip(x)) for _, x in lay.furniture[:5])
        more = f" and {len(lay.furniture) - 5} more" if len(lay.furniture) > 5 else ""
        out.append(Notice(lay.furniture[0][0] or None, f"left out {len(lay.furniture)} "
                          f"line(s) of page furniture or header, kept in the declaration's "
                          f"<furniture>: {shown}{more} (--keep-furniture keeps them in the "
                          "body, --start-at REGEX says where it starts)"))
    names = ", ".join(dict.fromkeys(name for name, _ in lay.fields
                                    if name in META_FIELDS))
    if names:
        out.append(Notice(None, f"labelled header fields read as metadata: {names}"))
    if truncated:
        out.append(Notice(None, f"the text ends mid-sentence ({_clip(last[-40:])!r}): "
                                "flagged as a cut-off copy (<truncated/>)"))
    return out
