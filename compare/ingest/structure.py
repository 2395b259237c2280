"""Import stage, structure: headings, texts without paragraph breaks, cut-off copies.

After layout, on the flat blocks: a section heading (a Roman numeral alone, "Part I", "Раздел II",
"第一部分", or a short title-like line between two paragraphs, numbered or not) is not a clause:
`headings` attaches it to the paragraph under it (stored as its `heading`). A text whose body came
in as one block with many sentences (no line breaks, or one paragraph for the whole declaration) is
divided (`divide`): at its inline paragraph numbers ("... agree. 2. The ...", "(2) The ..." or "2)
The ...") when they run 1, 2, 3 (also when short blocks stand beside it, a note, or a dateline
however long), else, when it is the only block, at the sentences that open a new commitment (a
commitment verb), with a notice. `cut_off` says whether the text ends mid-sentence or mid-word (a
copy cut short): the last unit is long and has no final punctuation. A text that came in on one
line opens with its title and dateline and may end with the site's copyright: `opening` and
`closing` set them apart.
"""

# ruff: noqa: RUF001  (Cyrillic letters are meant)
from __future__ import annotations

import dataclasses
import re

from .lines import Block, Notice, ends_final, is_title_like
from .preamble import DATE_PATTERN, find_date_place
from .segment import count_cjk, split_sentences
from .signals import COMMITMENT, COPYRIGHT, COPYRIGHT_WORDS, KIND_WORDS, title_cased

HEADING_MAX_WORDS = 8

_NUMERAL = re.compile(
    r"(?i)(?:(?:part|section|chapter|title|раздел|часть|глава)\s+)?"
    r"(?:[IVXLC]{1,6}|\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\.?"
    r"|第[一二三四五六七八九十]+(?:部分|章|节|部)|\u00a7\s?\d{1,3}\.?"
    r"|[IVXLC]{1,6}\.?\s+[^\W\d_].{0,60}"
    r"|(?i:part|section|chapter|раздел|часть|глава)\s+(?:[IVXLC]{1,6}|\d{1,2})\.?\s*\S.{0,60}")
_INLINE_NUMBER = re.compile(r"(?:(?<=^)|(?<=[.;:!?\u3002] )|(?<= )(?=1\. [A-ZА-ЯЁ]))(\d{1,3})\. "
                            r"(?=[^\W\d_])")


def headings(blocks: tuple[Block, ...]) -> tuple[tuple[Block, ...], int]:
    """Attach section headings to the paragraph under them; (blocks, headings found)."""
    out: list[Block] = []
    pending: list[Block] = []
    for i, b in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if nxt is not None and nxt.kind == "paragraph" and _is_heading(b, nxt):
            pending.append(b)
            continue
        if pending and b.kind == "paragraph":
            text = " ".join(_full(h) for h in pending)
            b = dataclasses.replace(b, heading=text)
            pending = []
        elif pending:  # never: a heading is followed by a paragraph; kept for safety
            out.extend(pending)
            pending = []
        out.append(b)
    out.extend(pending)
    return tuple(out), sum(1 for b in out if b.heading)


def _full(b: Block) -> str:
    return b.text if b.number is None else f"{b.number} {b.text}"


def _is_heading(b: Block, nxt: Block) -> bool:
    if b.kind != "paragraph" or b.heading:
        return False
    text = _full(b)
    if _NUMERAL.fullmatch(text) and (len(text.split()) == 1 or not ends_final(text)):
        return True
    if not is_title_like(b.text) or len(text.split()) > HEADING_MAX_WORDS:
        return False
    if b.text[-1:] in ",-\u2013\u2014" or (not b.text[:1].isupper() and not b.number):
        return False
    # a short line between paragraphs: the one under it must be running text (a sentence, or
    # the words that open a list: "The parties will support:")
    words = word_count(nxt.text)
    return nxt.number is not None or (ends_final(nxt.text) and words >= 6) or (
        nxt.text.rstrip().endswith((":", "\uff1a")) and words >= 3
        and (nxt.text[:1].isupper() or count_cjk(nxt.text[:1]) > 0))


CJK_WORD = 2
"""Han characters that count as one word where a text writes no spaces (a word of Chinese is
one to three characters, most often two)."""


def word_count(text: str) -> int:
    """Words of a text: spaced words, or its Han characters over `CJK_WORD` when more."""
    return max(len(text.split()), count_cjk(text) // CJK_WORD)


def running_words(text: str) -> int:
    """Words of a line of running text: `word_count` when written without spaces, else its
    spaced pieces (a line of signatures or values set apart: "...代表", a space, "...代表")."""
    spaced = len(text.split())
    return word_count(text) if spaced == 1 else spaced


def divide(blocks: tuple[Block, ...], language: str) -> tuple[tuple[Block, ...], list[Notice]]:
    """Divide a body that came in as one block of many sentences; see the module docstring."""
    paras = [b for b in blocks if b.kind == "paragraph"]
    if any(b.kind == "item" for b in blocks) or not paras:
        return blocks, []
    big = max(paras, key=lambda b: len(b.text))
    if len(paras) > 1 and any(len(b.text.split()) > SHORT_BESIDE and not dated(b.text)
                              for b in paras if b is not big):
        return blocks, []
    numbered = _at_numbers(big)
    if numbered:
        count = sum(1 for b in numbered if b.number)
        msg = (f"the text has no paragraph breaks: divided at its {count} inline paragraph "
               "numbers")
        return _replace(blocks, big, numbered), [Notice(big.line, msg)]
    sentences = split_sentences(big.text, language)
    if len(sentences) < 4 or any(not dated(b.text) for b in paras if b is not big):
        return blocks, []  # at sentences only when the whole text is one paragraph (and a dateline)
    parts: list[list[str]] = []
    for s in sentences:
        if not parts or COMMITMENT.search(s) or _subject(s) in {_subject(p[0]) for p in parts} or (
                _closing(s)):
            parts.append([s])
        else:
            parts[-1].append(s)
    if len(parts) < 2:
        return blocks, []
    new = [dataclasses.replace(big, text=" ".join(p), number=None if k else big.number)
           for k, p in enumerate(parts)]
    msg = (f"the text has no paragraph breaks: divided into {len(new)} paragraphs at the "
           "sentences that open a new commitment")
    return _replace(blocks, big, new), [Notice(big.line, msg)]


def _subject(sentence: str) -> str:
    """The opening words a clause names its subject with ("Государства-члены", "The Member"):
    a sentence opening as a part opened opens a new part (a commitment in a verb form the
    patterns do not know: "Государства-члены создадут ...")."""
    words = sentence.split()
    short = len(words) > 1 and len(words[0]) <= 4
    return " ".join(words[:2] if short else words[:1]).casefold()


_INLINE_BRACKETED = re.compile(r"(?:(?<=^)|(?<=[.;:!?\u3002] ))\((\d{1,3})\) (?=[^\W\d_])")
"""An inline paragraph number in brackets after a sentence's end: "... following. (1) The ..."
(not a year or a figure in brackets inside a sentence: "(2071)", "by 3 laboratories")."""


_INLINE_ARTICLE = re.compile(r"(?:(?<=^)|(?<=[.;:!?\u3002] ))(?:Article|Art\.|Статья|Ст\.) "
                             r"(\d{1,3})\. (?=[^\W\d_])")
"""An article's label after a sentence's end: "... provisions. Article 1. The ..." (not a
reference inside a sentence: "in accordance with Article 13 of the Charter"); the label stays
at the start of its paragraph's text, as a line "Article 1. ..." keeps it."""


_INLINE_ZH = re.compile(r"(?:(?<=^)|(?<=[\u3002\uff1b\uff1a\uff01\uff1f]))"
                        r"([一二三四五六七八九十]{1,3})\u3001")
"""A Chinese inline number after a sentence's end or a colon: "...达成一致：一、成员国 ..."
(not "每年三、四月间", "in March and April each year")."""
_ZH_VALUES = {w: i for i, w in enumerate(
    ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
     "十五", "十六", "十七", "十八", "十九", "二十"), 1)}


_INLINE_CLOSED = re.compile(r"(?:(?<=^)|(?<=[.;:!?\u3002] ))(\d{1,3})\) (?=[^\W\d_])")
"""The same with a closing bracket only: "... following. 1) The ..."."""


def dated(text: str) -> bool:
    """A line that opens with a place and a date ("Osh, 4 May 2090 — as received ..."): a
    dateline beside the text, however long its note."""
    head = text.split(" ", 4)[:4]
    return head[0].endswith(",") and bool(find_date_place(" ".join(head))[0])


def _number_cuts(text: str) -> list[tuple[int, str]]:
    """Where the inline numbers 1., 2., 3. ... (or (1), (2), (3) ..., 1), 2), 3) ...) stand,
    in order."""
    for pattern, form in ((_INLINE_NUMBER, "{}."), (_INLINE_BRACKETED, "({})"),
                          (_INLINE_CLOSED, "{})"), (_INLINE_ARTICLE, ""), (_INLINE_ZH, "{}、")):
        cuts: list[tuple[int, str]] = []
        want = 1
        for m in pattern.finditer(text):
            n = m.group(1)
            if (int(n) if n.isascii() else _ZH_VALUES.get(n)) == want:
                cuts.append((m.start(), form.format(m.group(1))))  # "": the label stays
                want += 1
        if len(cuts) >= 3:
            return cuts
    return []


SHORT_BESIDE = 12
"""A text that came in as one paragraph may have short ones beside it (a dateline, a note on
the copy, a salutation) of at most this many words: its inline numbers still divide it."""


def _at_numbers(big: Block) -> list[Block]:
    """Paragraphs at inline numbers 1., 2., 3. ... (or (1), (2), (3) ...) in order (at least
    three), else []."""
    text = big.text if big.number is None else f"{big.number} {big.text}"
    cuts = _number_cuts(text)
    if not cuts:
        return []
    out: list[Block] = []
    if cuts[0][0] > 0:
        out.append(dataclasses.replace(big, text=text[: cuts[0][0]].strip(), number=None))
    for k, (at, number) in enumerate(cuts):
        end = cuts[k + 1][0] if k + 1 < len(cuts) else len(text)
        rest = text[at + len(number) : end].strip()
        out.append(dataclasses.replace(big, text=rest, number=number or None,
                                       style="number" if number else ""))
    closing = _CLOSING_FORMULA.search(out[-1].text)
    if closing and _closing(out[-1].text[closing.start():]):  # "... in 2160. Done at ..."
        last, text = out[-1], out[-1].text
        out[-1:] = [dataclasses.replace(last, text=text[: closing.start()].rstrip()),
                    dataclasses.replace(last, text=text[closing.start():], number=None, style="")]
    return out


_CLOSING_START = (r"(?:(?:Done|Signed|Adopted) (?:at|in) (?=[A-Z])"
                  r"|(?:Совершено|Подписано|Принято) в )")
_CLOSING_FORMULA = re.compile(rf"(?<=[.;!?] ){_CLOSING_START}")
"""The closing formula after the last numbered paragraph of a one-line text ("... in 2160.
Done at Fergana on 9 September 2158."): a paragraph of its own, not the last item's."""
CLOSING_WORDS = 25
"""A closing formula with its date is at most this many words."""


def _closing(sentence: str) -> bool:
    """A closing formula with its date ("Done at Fergana on 9 September 2158."): a paragraph
    of its own."""
    return bool(re.match(_CLOSING_START, sentence) and find_date_place(sentence)[0]) and len(
        sentence.split()) <= CLOSING_WORDS


def _replace(blocks: tuple[Block, ...], old: Block, new: list[Block]) -> tuple[Block, ...]:
    out: list[Block] = []
    for b in blocks:
        out.extend(new if b is old else [b])
    return tuple(out)


def cut_off(last_text: str) -> bool:
    """A last unit of six words or more (`running_words`: twelve Han characters) without final
    punctuation or ending in an ellipsis, or one ending in a hyphen."""
    text = last_text.rstrip()
    if text.endswith(("-", "\u2010")):
        return True
    if text.endswith(("\u2026", "...")) and running_words(text) >= 6:
        return True  # "... and will coop\u2026": a copy cut short says so with an ellipsis
    return running_words(text) >= 6 and not ends_final(text) and text[-1:] not in ")]\u300d" and (
        not _signed(text))


SIGN_OFF_WORDS = 6
"""The words before the comma of a closing that signs the text, at most ("With respect and
gratitude")."""


def _signed(text: str) -> bool:
    """A closing that signs the text ("With respect and gratitude, the Ministers of Education
    of the Member States"): a few words that commit to nothing ("With respect"), a comma,
    then a name in title case (two words of four letters or more, every one capitalised), as a
    signatory is printed; no cut. A clause cut after a name ("The Ministers noted the work of
    the Council, the Secretariat and the Regional Structure") is none."""
    head = text.split(",", 1)[0]
    if "," not in text or len(head.split()) > SIGN_OFF_WORDS or COMMITMENT.search(head):
        return False
    words = [w for w in text.rsplit(",", 1)[1].split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


_DATELINE = re.compile(rf"(?:^|(?<= ))(?:[\u2013\u2014-] )?((?:(?:St|Mt|Ft)\. )?[A-Z][\w'’]*"
                       rf"(?:-[A-Z][\w'’]*)?), {DATE_PATTERN}\.?(?: [\u2013\u2014-])?\s+(?=\S)")
"""A dateline inside a one-line text, set off by dashes or ended by a full stop as a sentence
("... Organisation — Ufa, 24 May 2093 — The ...", "... Forecasting. St. Petersburg, Sept. 9,
2086. The ...")."""


_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")
_LEAD = re.compile(
    rf"(?:[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){{0,2}}|[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?)"
    rf",? (?:{_MONTH} \d{{1,2}}|\d{{1,2}} {_MONTH})(?:,? \d{{4}})?"
    r"(?: \([^()]{1,40}\))? ?(?:--|–|—|-) (?=[A-Z])")
"""A news agency's dateline before its first sentence: "ASTANA, June 4 (Agency) -- "."""


_DATED_LEAD = re.compile(rf"[A-Z][\w'’]*(?:[- ][A-Z][\w'’]*)?, {DATE_PATTERN}"
                         r"(?:\.|\s*(?:--|–|—|-))\s+(?=[A-Z])")
"""A place and a full date set as a sentence before the first one: "Astana, 21 March 2062. "."""


def dateline_lead(text: str) -> tuple[str, str]:
    """(dateline, rest) when a paragraph opens with a news agency's dateline or a place and a
    date ended by a full stop or a dash, else ("", text)."""
    m = _LEAD.match(text) or _DATED_LEAD.match(text)
    if m is None or len(text) - m.end() < 20:
        return "", text
    return m.group(0).strip(), text[m.end():]


def opening(text: str) -> tuple[str, str, str, str]:
    """(title, dateline, rest, note) of the first block of a text that came in on one line: a run
    of three words or more in capitals, or a title-cased title naming its kind before a
    dateline ("Navoi, 4 July 2033") or before a capitalised word that opens a sentence ("...
    on Budget Rules The ministers ..."); ("", "", text) when it opens with none of these. A
    short sentence before such a title and dateline is a note on the copy, returned fourth
    ("" if none)."""
    words = text.split(" ")
    n = 0
    while n < len(words) and any(ch.isalpha() for ch in words[n]) and words[n].isupper():
        n += 1
    if 3 <= n < len(words):
        title, rest = " ".join(words[:n]), " ".join(words[n:])
        m = _DATELINE.match(rest)
        if m and m.end() < len(rest):
            return title, m.group(0).strip(), rest[m.end():], ""
        return title, "", rest, ""
    m = _DATELINE.search(text, 0, 400)
    if m and m.start() > 0 and m.end() < len(text):
        title = _title_before(text[: m.start()])
        if is_title_like(title) and KIND_WORDS.search(title) and title_cased(title):
            return title, m.group(0).strip(), text[m.end():], ""
        note, _, after = title.rpartition(". ")
        if note and len(note.split()) <= NOTE_WORDS and not _INNER_STOP.search(note) and (
                is_title_like(after) and KIND_WORDS.search(after) and title_cased(after)):
            # a note on the copy before the title ("Illustrative text. Press Release ...")
            return after, m.group(0).strip(), text[m.end():], note + "."
    for k, word in enumerate(words[:40]):  # "... on Budget Rules The ministers of ..."
        if k >= 3 and word in _SENTENCE_OPENERS:
            title = " ".join(words[:k])
            if is_title_like(title) and KIND_WORDS.search(title) and title_cased(title):
                return title, "", " ".join(words[k:]), ""
            break
        if not (word[:1].isupper() or word in _TITLE_SMALL):
            break
    return "", "", text, ""


def _title_before(head: str) -> str:
    """The words before a one-line text's dateline, without the full stop that a title set as
    a sentence ends with ("... on Space Weather."); a note before it keeps its own."""
    head = head.strip()
    core = head[:-1] if head.endswith(".") and not head.endswith("..") else head
    return core if _INNER_STOP.search(core) is None or is_title_like(core) else head


NOTE_WORDS = 12
"""A sentence before a one-line text's title is a note on the copy if this short."""
_INNER_STOP = re.compile(r"[.!?] ")
_SENTENCE_OPENERS = frozenset({"The", "We", "A", "An", "This", "On", "In", "At"})
_TITLE_SMALL = frozenset({"of", "the", "on", "and", "in", "for", "to", "at", "by", "with",
                          "between", "a", "an", "following"})


_BAR = " | "
BAR_PART_WORDS = 20
"""A part of a one-line text between bars ("Site | Title | Dushanbe, 18 August 2064 | The
...") is page furniture, a title or a dateline if this short and without final punctuation."""


def bar_head(text: str) -> tuple[list[str], str]:
    """(parts, rest) when a one-line text opens with short parts between bars before its first
    sentence (a site's name, the title, a dateline), else ([], text)."""
    parts = text.split(_BAR)
    k = 0
    while k < len(parts) - 1 and len(parts[k].split()) <= BAR_PART_WORDS and not ends_final(
            parts[k]):
        k += 1
    if k == 0:
        return [], text
    return parts[:k], _BAR.join(parts[k:])


def bar_tail(text: str) -> tuple[str, list[str]]:
    """(text, parts) when a one-line text ends in short parts between bars after its last
    sentence (the page's links: "... in 2065. | Back to digest | Print"), else (text, [])."""
    parts = text.split(_BAR)
    k = len(parts)
    while k > 1 and len(parts[k - 1].split()) <= HEADING_MAX_WORDS and not ends_final(
            parts[k - 1]):
        k -= 1
    if k == len(parts) or not ends_final(parts[k - 1]):
        return text, []
    return _BAR.join(parts[:k]), parts[k:]


def closing(text: str) -> tuple[str, str]:
    """(text, copyright) when a block ends in a site's copyright after its last sentence
    ("... in 2034. © 2033 Archive. All rights reserved."), else (text, "")."""
    m = COPYRIGHT.search(text)
    if m is None or m.start() == 0:
        return text, ""
    head, tail = text[: m.start()].rstrip(), text[m.start():]
    if not ends_final(head) or len(tail.split()) >= COPYRIGHT_WORDS:
        return text, ""
    if any(ends_final(s) for s in split_sentences(tail, "en")[:-1]) and not tail.startswith(
            ("©", "(c)", "(C)")):
        return text, ""  # a sentence of the text names "all rights reserved" and goes on
    return head, tail
