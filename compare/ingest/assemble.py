"""Import stage, assembly: laid-out blocks to numbered paragraphs, items and sentences.

`assemble` attaches list items to the paragraph that introduces them (a list after a paragraph
not ending in ":" is attached with a notice; "1)" outside a list numbers a paragraph), joins a
paragraph that a blank line broke mid-sentence, numbers the ids (`para_N`, `para_N__item_M`,
`..__s_K`) and splits sentences (`segment`). The text is stored as written: doubled full stops,
unbalanced quotes and repeated words are reported by `text_notices`, never corrected.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..model import Declaration, Item, Paragraph, Sentence
from .bilingual import language_runs
from .lines import INTRO_WORDS, Block, Notice, ends_final, join_lines, marker_value
from .recitals import recital_break
from .segment import CJK_LANGUAGES, CLOSING, base_language, split_sentences
from .structure import HEADING_MAX_WORDS, word_count


@dataclass
class _Para:
    block: Block
    text: str
    items: list[Block]

    @property
    def takes_items(self) -> bool:
        """A list item that opens the text (or follows one) is a paragraph of its own."""
        return self.block.kind == "paragraph"


def assemble(
    blocks: tuple[Block, ...], language: str
) -> tuple[tuple[Paragraph, ...], list[Notice]]:
    """Attach items to their paragraph, join mid-sentence breaks, number ids, split sentences."""
    notices: list[Notice] = []
    paras: list[_Para] = []
    blocks = recital_items(numbered_items(blocks))
    for b in blocks:
        if _continues(paras, b, language):
            _join(paras[-1], b, notices)
        elif b.kind == "item" and paras and paras[-1].takes_items and _is_item(paras[-1], b):
            if not paras[-1].items and not paras[-1].text.rstrip(" ").endswith((":", "\uff1a")):
                notices.append(Notice(b.line, "list follows a paragraph that does not end with "
                                              "':'; attached to it"))
            paras[-1].items.append(b)
        else:
            if b.kind == "item" and b.style == "digit":  # "1)" outside a list numbers a paragraph
                b = dataclasses.replace(b, kind="paragraph")
            paras.append(_Para(b, b.text, []))
    return _numbered(paras, language), notices


def _numbered(paras: list[_Para], language: str) -> tuple[Paragraph, ...]:
    """Number the paragraphs; a paragraph with whole sentences in another language (a page
    printing the translation after each paragraph, or after each sentence) gives them a unit
    of their own after it, in their order; the document's sentences stay one paragraph."""
    out: list[Paragraph] = []
    for p in paras:
        parts = _runs(p.text, language)
        split = _translations(parts) if not p.items else None
        if split is None:
            out.append(_paragraph(len(out) + 1, p, language, parts))
            continue
        out.append(_paragraph(len(out) + 1, p, language, split[0]))
        other = _Para(dataclasses.replace(p.block, number=None, heading=""), "", [])
        out.append(_paragraph(len(out) + 1, other, language, split[1]))
    return tuple(out)


Parts = list[tuple[str, str]]


def _translations(parts: Parts) -> tuple[Parts, Parts] | None:
    """(the document's sentences, the others) when every run in another language is whole
    sentences after a sentence of the document's language that ends ("... a new record.
    部长们指出...。 The ministers ..."), or after a salutation ending in a comma ("Dear
    colleagues," and the same in Chinese); None when the paragraph opens in the other
    language or a run stands inside a sentence of its own ("the Shanghai spirit 上海精神 of
    trust")."""
    if not parts or parts[0][1] or all(not lang for _, lang in parts):
        return None
    for k in range(1, len(parts)):
        if parts[k][1] and not parts[k - 1][1]:
            before = parts[k - 1][0].rstrip()
            if not (ends_final(before) or before.endswith((",", ":"))):
                return None
        elif not parts[k][1] and parts[k - 1][1] and not _opens_sentence(parts[k][0]):
            return None  # the document's sentence goes on after the run: it is inside it
    return [x for x in parts if not x[1]], [x for x in parts if x[1]]


def _opens_sentence(text: str) -> bool:
    """A sentence of the document's language that starts anew: no lower-case first letter."""
    first = next((ch for ch in text if ch.isalpha()), "")
    return not first.islower()


def recital_items(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """A run of list entries under an opening that ends in a comma ("The Ministers, ...,"),
    each a recital ("noting ...;", "aware that ...;"): the preamble set as a bulleted list
    (`<li>`, "-"), its recitals units of their own as one a line, not items."""
    out = list(blocks)
    for i in range(1, len(out)):
        prev, b = out[i - 1], out[i]
        if b.kind != "item" or prev.kind != "paragraph" or b.style == "digit":
            continue
        opening = prev.text.rstrip(CLOSING).endswith((",", "\uff0c"))
        if (opening or prev.style == "recital") and b.text[:1].islower() and recital_break(
                prev.text, b.text):
            out[i] = dataclasses.replace(b, kind="paragraph", number=None, style="recital")
    return tuple(out)


_LISTED = frozenset({"number", "roman", "cjk-number"})
"""Paragraph numbers a list under a colon may be numbered with ("1." "1、" "I." "一、", also in
full-width digits)."""


def numbered_items(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """A numbered run 1., 2., 3. (or 1、, I., 一、 ..., one style from 1 on: `_LISTED`) after
    a line ending in a colon is a list, not numbered paragraphs,
    when its entries read as list items (one ends in ";" or "," or starts in lower case), or
    when that line is a sentence (`INTRO_WORDS`) and the run holds two entries or more, each a
    few words (`HEADING_MAX_WORDS`) without final punctuation, the last one's full stop aside
    ("1. Energy", "2. Transport", "3. Tourism."): the items of the list the sentence
    introduces. A short label ending in a colon ("Key sectors:", "重点领域" with a full-width
    colon) opens such a run too, unless the run is a contents list (`_contents`: its entries
    are printed again further down, as the headings of the parts they name). `ingest.shape`
    asks this before it looks for headings, so such entries are never taken for a heading over
    the paragraph under them; a numbered heading alone ("1. General provisions" over its
    paragraphs) is no run of entries and stays one."""
    out = list(blocks)
    last_at = {_entry_key(b.text): k for k, b in enumerate(out)}  # linear: one pass
    i = 0
    while i < len(out):
        b = out[i]
        j = i + 1
        style = out[j].style if j < len(out) and out[j].style in _LISTED else ""
        while j < len(out) and out[j].style == style and marker_value(out[j].number) == j - i:
            j += 1
        run = out[i + 1 : j]
        intro = b.text.rstrip(" ").endswith((":", "\uff1a"))
        if intro and run and (any(r.text.rstrip(CLOSING).endswith((";", ",", "\uff1b"))
                                  or r.text[:1].islower() for r in run)
                              or _short_entries(b, run, not _contents(run, last_at, j))):
            out[i + 1 : j] = [dataclasses.replace(r, kind="item") for r in run]
        i = max(j, i + 1)
    return tuple(out)


def _short_entries(intro: Block, run: list[Block], label: bool) -> bool:
    """Two entries or more of a few words each, under a sentence, or (with `label`) under a
    label ending in a colon ("Key sectors:")."""
    if len(run) < 2 or intro.kind != "paragraph" or (
            word_count(intro.text) < INTRO_WORDS and not label):
        return False
    last = run[-1].text.rstrip(CLOSING)
    entries = [r.text for r in run[:-1]] + [last[:-1] if last.endswith(".") else last]
    return all(x and word_count(x) <= HEADING_MAX_WORDS and not ends_final(x)
               for x in entries)


def _entry_key(text: str) -> str:
    """An entry's words as a contents list and a heading print them alike."""
    return text.rstrip(CLOSING).rstrip(".").casefold()


def _contents(run: list[Block], last_at: dict[str, int], end: int) -> bool:
    """Every entry of the run (which ends before block `end`) is printed again as a block
    after it ("Contents:" over "1. General provisions", ... and "1. General provisions" over
    its part further down): a contents list, not a list of the text."""
    return all(last_at.get(_entry_key(r.text), -1) >= end for r in run)


def _is_item(para: _Para, b: Block) -> bool:
    """`1)` is an item inside a list (or after an intro ending in ':'), else a paragraph number."""
    if b.style != "digit":
        return True
    intro = para.text.rstrip(" ").endswith((":", "\uff1a")) and not para.items
    if intro or not para.items or para.items[-1].style != "digit":
        return intro
    # after a blank line, a list whose last item ended a sentence is over
    return not (b.after_break and para.items[-1].text.rstrip(CLOSING).endswith((".", "!", "?")))


def _continues(paras: list[_Para], b: Block, language: str) -> bool:
    """A block after a blank line that goes on with a sentence the previous block left open."""
    if not paras or not b.after_break or b.kind != "paragraph" or b.number is not None:
        return False
    if b.heading:
        return False  # a heading stands between: the block under it starts anew
    prev = paras[-1].items[-1].text if paras[-1].items else paras[-1].text
    if ends_final(prev):
        return False
    if base_language(language) in CJK_LANGUAGES:
        return prev.endswith(("\uff0c", "\u3001", ","))
    if recital_break(prev, b.text):
        return False  # a preamble set one recital a block: "..., " then "noting ..."
    first = next((ch for ch in b.text if ch.isalpha()), "")
    return bool(first) and first.islower() and b.text[0].isalpha()


def _join(para: _Para, b: Block, notices: list[Notice]) -> None:
    target = para.items[-1] if para.items else None
    where = target.line if target else para.block.line
    notices.append(Notice(b.line, f"paragraph broken by a blank line in mid-sentence: joined "
                                  f"line {b.line} to the paragraph at line {where}"))
    if target is None:
        para.text = join_lines(para.text, b.text)
    else:
        para.items[-1] = dataclasses.replace(target, text=join_lines(target.text, b.text))


def _paragraph(n: int, p: _Para, language: str, parts: list[tuple[str, str]]) -> Paragraph:
    pid = f"para_{n}"
    items = tuple(
        Item(f"{pid}__item_{m}", it.number,
             _sentences(f"{pid}__item_{m}", it, _runs(it.text, language)), it.line)
        for m, it in enumerate(p.items, 1)
    )
    return Paragraph(pid, p.block.number, _sentences(pid, p.block, parts), items,
                     p.block.line, p.block.heading)


def _runs(text: str, language: str) -> list[tuple[str, str]]:
    """(sentence, language tag) in order: the runs in another script cut apart."""
    return [run for s in split_sentences(text, language) for run in language_runs(s, language)]


def _sentences(uid: str, b: Block, parts: list[tuple[str, str]]) -> tuple[Sentence, ...]:
    return tuple(Sentence(f"{uid}__s_{k}", s, b.line, lang)
                 for k, (s, lang) in enumerate(parts, 1))


# --- notices on the text as written ----------------------------------------------------------

_QUOTE_PAIRS = (("\u201c", "\u201d"), ("\u00ab", "\u00bb"), ("(", ")"), ("[", "]"),
                ("\u300c", "\u300d"), ("\u300e", "\u300f"), ("\uff08", "\uff09"))
_DOUBLED_STOP = re.compile(r"(?<![.\s])\.\.(?!\.)")
_REPEATED = re.compile(r"\b(\w+) \1\b", re.IGNORECASE)


def text_notices(decl: Declaration) -> list[Notice]:
    """Doubled full stops, unbalanced quotes or brackets and repeated words, kept as written."""
    out: list[Notice] = []
    for u in decl.units():
        text = u.text
        if _DOUBLED_STOP.search(text):
            out.append(Notice(u.line, f"{u.id}: doubled full stop '..' kept as written"))
        for opening, closing in _QUOTE_PAIRS:
            a, b = text.count(opening), text.count(closing)
            if a != b:
                out.append(Notice(u.line, f"{u.id}: unbalanced {opening}{closing}: {a} opening, "
                                          f"{b} closing, kept as written"))
        if text.count('"') % 2:
            out.append(Notice(u.line, f'{u.id}: odd number of " quotes, kept as written'))
        for m in _REPEATED.finditer(text):
            out.append(Notice(u.line, f"{u.id}: repeated word {m.group(0)!r} kept as written"))
    return out
