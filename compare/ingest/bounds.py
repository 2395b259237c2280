"""Import stage, the bounds of the text on a page: where it starts, its title, where it ends.

`ingest.furniture` finds the sentence-like lines; here it is decided which of them are the
declaration's. The start: a news page prints a lead ("Astana, 15 October (Agency) - The leaders
adopted ...") and then the document under its own title: a title-like line in title case or
capitals naming a kind of document, within the first lines of the text and followed by running
text, starts the text (`title_ahead`); the title is the nearest such line above the text, a
headline in sentence case only when there is none (`title_index`). The end: the text is over
at the last sentence followed by a line that says so (furniture, a signature line, a bracketed
note; `signals.end_signal`) when what comes after holds no running text of its own
(`text_end`), unless the line is only the site's talk (an advertisement, "Read also: ...")
between two clauses that open alike, or an entry of the list a sentence ending in a colon
opens (`list_entries`); after the end, only the wrapped or cut-off rest of the
last paragraph and the items of a list it opens stay (`tail.tail_kept`), the rest (tags, related
headlines, polls, comment counts, newsletter boxes, signature blocks) is furniture.
"""

from __future__ import annotations

import re

from .bilingual import alphabet_halves, script
from .inbody import interruption, opening, page_counter, runs_on, wrapped_paragraphs
from .lines import INTRO_WORDS, Line, ends_final, is_title_like, parse_marker
from .segment import count_cjk
from .signals import (
    COMMITMENT,
    DIGIT,
    FUNCTION_WORDS,
    KIND_WORDS,
    SEPARATORS,
    bracketed,
    captioned,
    end_mark,
    end_signal,
    furniture_like,
    labelled,
    sentence_like,
    text_note,
    title_cased,
    whole_phrase,
)
from .sitetalk import page_talk
from .structure import word_count

LEAD_LINES = 4
"""A document title may follow at most this many lines of a news lead."""
LOOK_AHEAD = 200
"""Lines after an end signal read to decide whether the text goes on (linear time)."""
HEADING_WORDS = 8
"""A short line above a sentence after the text's last long line is a heading, if this short."""
SUBSTANTIAL_WORDS = 40
"""Running text after an end signal that goes on this long (or three long lines) is text."""


def document_title(x: str, repeated: bool = False, russian: bool = False) -> bool:
    """A title-like line naming a kind of document, in title case or capitals; with `russian`,
    also in Russian sentence case opening with its kind ("Совместное заявление министров ...":
    a document's own title under a news lead; a label's value, "Тема: Заявление", is none)."""
    kind = KIND_WORDS.search(x)
    return (is_title_like(x) and kind is not None and (title_cased(x) or (
        russian and _CYRILLIC_START.match(x) is not None and len(x[: kind.start()].split()) <= 1
        and ":" not in x)) and not SEPARATORS.search(x) and not furniture_like(x, repeated))


_CYRILLIC_START = re.compile(r"[\u0410-\u042f\u0401]")


def past_title_lines(text_lines: list[Line], body: list[int], group: dict[int, int]) -> int:
    """The first line of the text, past the lines of a title set in one run under a document
    title ("JOINT COMMUNIQUE" / "following the meeting of the Council ..." / "of the ...")."""
    first = body[0]
    start = first
    while start > 0 and group[text_lines[start - 1][0]] == group[text_lines[first][0]]:
        start -= 1
    titled = [i for i in range(start, first) if document_title(text_lines[i][1])]
    if not titled:
        return first
    end = first
    while end + 1 < len(text_lines) and group[text_lines[end + 1][0]] == group[
            text_lines[first][0]]:
        end += 1
    if end - titled[0] > 4 or not all(is_title_like(x) for _, x in text_lines[titled[0] : end + 1]):
        return first
    return next((i for i in body if i > end), first)


def title_ahead(text_lines: list[Line], first: int) -> int:
    """The first line of the text when a document title follows a short lead on its page,
    else `first` (past a page counter, a title-like line is a running head)."""
    for j in range(first + 1, min(first + 1 + LEAD_LINES, len(text_lines))):
        if page_counter(text_lines[j][1]):
            return first
        if document_title(text_lines[j][1], russian=True):
            if _listed(text_lines, j):
                return first  # "... approved the following documents:" over their titles
            if script(text_lines[j][1]) != script(text_lines[first][1]):
                return first  # the title of the other language's version under the text
            after = text_lines[j + 1 : j + 6]
            if sum(1 for _, x in after if sentence_like(x)) >= min(2, len(after)) and after:
                # the text starts at its first running line: a dateline or a note between the
                # title and it is judged with the lines above ("Chongqing, 1 September 2045")
                return next(k for k, (_, x) in enumerate(after, j + 1) if sentence_like(x))
            return first
    return first


def introduces(x: str) -> bool:
    """A sentence ending in a colon, also a full-width one ("... approved the following
    documents:"; its words counted as `structure.word_count` does, a Chinese sentence's too): the
    lines under it are its list, not a document's own title."""
    return x.rstrip().endswith((":", "\uff1a")) and word_count(x) >= INTRO_WORDS


def list_entries(text_lines: list[Line], k: int) -> range:
    """The indices of the entries of the list line `k` opens, when it ends a sentence ending in
    a colon (`introduces`; the sentence may be wrapped onto line `k`: "... for the next" /
    "three years:"): the lines under it that open with a list marker or a number ("1. Energy by
    2315", "1、能源", "一、能源", "- Transport"), however short, and whatever their words look
    like (a year, a lone word). They are the sentence's list: no sign of the text's end (a
    date's digits, a menu's short words) counts in them."""
    start = k
    while start > max(0, k - WRAPPED_LINES) and not ends_final(text_lines[start - 1][1]) and (
            parse_marker(text_lines[start][1]) is None):
        start -= 1  # the lines the sentence is wrapped over
    sentence = " ".join(x for _, x in text_lines[start : k + 1])
    j = k + 1
    if introduces(sentence) and not page_talk(sentence):  # not "You may also like:"
        while j < len(text_lines) and parse_marker(text_lines[j][1]) is not None:
            j += 1
    return range(k + 1, j)


WRAPPED_LINES = 4
"""A sentence over a list is read back over at most this many lines above its last."""


def _listed(text_lines: list[Line], j: int) -> bool:
    """Line `j` is one of two or more title lines under a sentence ending in a colon: a list of
    the documents the text names, not a document's own title (which running text follows)."""
    def title(k: int) -> bool:
        return 0 <= k < len(text_lines) and document_title(text_lines[k][1], russian=True)
    return any(k >= 0 and introduces(text_lines[k][1]) and all(title(m) for m in range(k + 1, j))
               and (k + 1 < j or title(j + 1)) for k in (j - 1, j - 2))


FRONT_NOTE_WORDS = 10
"""A sentence set with the furniture above the text is a note on the copy if this short."""


_OPENS_CLAUSE = re.compile(r"(?:The|A|An|This|These|We|On|In|At) ")
"""A note on the copy names the copy ("Unofficial translation."); a sentence of the text opens
with its subject or a time or place ("The ministers met in Almaty.")."""


def front_note(text_lines: list[Line], first: int, group: dict[int, int]) -> int | None:
    """The index of a note on the copy just above the text or as its first line: a short line
    ending in a full stop, set in one run of lines under a furniture line (a dateline) and apart
    from the text below ("Dushanbe, 3 May 2030" / "Unofficial translation." / blank line)."""
    for k in (first - 1, first):
        if k < 1 or k + 1 >= len(text_lines):
            continue
        (above, ax), (n, x), (below, bx) = text_lines[k - 1 : k + 2]
        if group[above] == group[n] != group[below] and len(x.split()) < FRONT_NOTE_WORDS and (
                x.rstrip().endswith(".") or k == first) and not _OPENS_CLAUSE.match(x) and (
                furniture_like(ax, False, False) or bracketed(ax)) and sentence_like(bx) and (
                parse_marker(x) is None) and not text_note(x):
            return k
    return None


NOTE_WORDS = 12
"""A one-sentence line after the text is a note on the copy if this short (and see below)."""
_SPEAKER = re.compile(r"(?i)\b(?:I|we|you|our|your|us|me|my)\b|^Thank")
"""Words of a speaker: a short last line that addresses someone is the text ("Thank you.")."""


def closing_note(text_lines: list[Line], at: int) -> bool:
    """Whether line `at`, the last line of the text, is a note on the copy left under it
    ("Illustrative text written for tests.", "Unofficial translation of the ministry."): one
    short sentence after a line that ends a sentence and some running text, that opens with no
    subject of a clause (nor with the first word of a line of the text), commits to nothing,
    has no number, speaks to no one and shares hardly a word of four letters or more with the
    running text above (`NOTE_SHARED`: it speaks of the copy, not of what the text is about).
    A real short last paragraph has a subject ("The talks passed in a friendly atmosphere."),
    a commitment ("Agreed by all delegations."), a speaker ("Thank you.") or the text's own
    words."""
    x = text_lines[at][1]
    if at < 1:
        return False
    above = [y for _, y in text_lines[max(0, at - 3) : at]]
    text = [y for _, y in text_lines[max(0, at - NOTE_CONTEXT) : at] if sentence_like(y)]
    running = sum(len(y.split()) for y in above if sentence_like(y))
    return ends_final(above[-1]) and running >= NOTE_TEXT_WORDS and note_sentence(x, text)


def note_sentence(x: str, text: list[str]) -> bool:
    """The shape of a note on the copy (see `closing_note`) against the running `text` it
    follows: one short sentence or two ("Unofficial translation. Check against delivery."),
    no clause's subject or opening word of `text`, no
    commitment, number or speaker, hardly a word of four letters or more of `text`; a note of the
    text (`signals.text_note`: "Translator's note: ...") is the text's, never one."""
    words = x.split()
    if not 4 <= len(words) <= NOTE_WORDS or not (x.rstrip().endswith(".") or (
            whole_phrase(x, text))) or not x[:1].isupper() or text_note(x):
        return False
    if COMMITMENT.search(x) or _SPEAKER.search(x) or parse_marker(x) is not None or (
            DIGIT.search(x)):
        return False
    starts = [0] + [m.end() - 1 for m in _INNER_END.finditer(x.rstrip()[:-1])]
    if len(starts) > NOTE_SENTENCES or any(
            _OPENS_CLAUSE.match(x, k) or _SUBJECT.match(x, k) for k in starts):
        return False  # more sentences, or one that opens a clause
    opens = {opening(y)[:1] for y in text}
    seen = {w for y in text for w in _content_words(y)}
    own = _content_words(x)
    return opening(x)[:1] not in opens and len(own & seen) * NOTE_SHARED <= len(own)


NOTE_SENTENCES = 2
"""A note on the copy says at most this many short sentences (`NOTE_WORDS` in all)."""
NOTE_SHARED = 5
"""A note on the copy shares at most one in this many of its words of four letters or more with
the running text above ("Sample text prepared for tests. Illustrative only." under a text that
says "prepared" once); a short last sentence of the text shares more ("Done in Astana in two
copies.": one of three)."""
NOTE_TEXT_WORDS = 20
"""Words of running text in the lines just above a closing note (two lines, or one paragraph
that came in on one line)."""
NOTE_CONTEXT = 60
"""Lines above a closing note whose openings and words it must not share (linear time)."""


def _content_words(x: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]{4,}", x.casefold())}


_SUBJECT = re.compile(r"(?:They|It|Its|Their|He|She|Both|Each|All|Member|Ministers?|Heads?|"
                      r"Parties|States|Leaders|Participants)\b")
"""Subjects a clause of the text opens with besides an article ("They agreed ...")."""
_INNER_END = re.compile(r"[.!?] [A-Z]")


def title_index(head: list[Line], repeated: dict[str, bool], group: dict[int, int],
                whole: int | None = None) -> int | None:
    """The title among the lines before the text: the first document title (of three words or
    more, if any), from the first of the title-cased lines set with it (not above line `whole`,
    a title the page already set whole); else the first title-like line naming a kind; else
    the last title-like line that is not furniture."""
    def rep(x: str) -> bool:
        return repeated.get(x, False)

    cased = [i for i, (_, x) in enumerate(head) if document_title(x, rep(x))]
    cased = [i for i in cased if not _FULL_TEXT.search(head[i][1])] or cased  # a headline
    long_ = [i for i in cased if len(head[i][1].split()) >= 3]
    named = [i for i, (_, x) in enumerate(head) if is_title_like(x) and KIND_WORDS.search(x)
             and not furniture_like(x, rep(x)) and not SEPARATORS.search(x)]
    found = long_ or cased or [i for i, (_, x) in enumerate(head) if bilingual_title(x)] or named
    if found:
        i = found[0]
        while i > 0 and head[i][0] != whole and group[head[i - 1][0]] == group[head[i][0]] and (
                _title_part(head[i - 1][1], rep(head[i - 1][1]))) and _capitals(
                    head[i - 1][1]) == _capitals(head[i][1]):  # a letterhead over a title
            i -= 1
        return i
    plain = [i for i, (_, x) in enumerate(head) if is_title_like(x)
             and not furniture_like(x, rep(x)) and len(x.split()) >= 3 and not bracketed(x)]
    return plain[-1] if plain else None


_FULL_TEXT = re.compile(r"(?i)(?:\bfull text|полный текст|全文)\W*$")
"""A headline naming the document as the full text that follows ("乌鲁木齐宣言全文"): the
document's own title under it is the title."""


def bilingual_title(x: str) -> bool:
    """A title printed in two alphabets on one line, split by a slash: "Туркестанская
    декларация ... / Turkistan Declaration ...", each half naming a kind of document."""
    halves = x.split(" / ")
    return len(halves) == 2 and all(is_title_like(h) and KIND_WORDS.search(h) for h in halves) \
        and alphabet_halves(" ".join(halves), "en") is not None


TITLE_LINES = 3
"""A title goes on over at most this many lines under its first."""


def title_rest(head: list[Line], title: int, group: dict[int, int]) -> list[int]:
    """The indices of the lines under the title line that go on with it, in the same run of
    lines: a title wrapped as a PDF prints it ("JOINT COMMUNIQUE" / "of the Meeting of the
    Ministers of Education of the" / "Member States of the Organisation"). A line goes on
    when it opens in lower case, the line above ends with a word such as "of" or "the", or
    both are set in capitals;
    it is title-like, without final punctuation, digits or the signs of furniture."""
    out: list[int] = []
    k = title + 1
    while k < len(head) and len(out) < TITLE_LINES and group[head[k][0]] == group[
            head[title][0]]:
        x, prev = head[k][1], head[k - 1][1]
        goes_on = x[:1].islower() or prev.split()[-1].casefold() in FUNCTION_WORDS or (
            _capitals(x) and _capitals(prev))
        if not goes_on or not is_title_like(x) or ends_final(x) or DIGIT.search(x) or (
                furniture_like(x, False, False) or bracketed(x) or captioned(x)):
            break
        out.append(k)
        k += 1
    return out


def _capitals(x: str) -> bool:
    """Set in capitals (letters with case: CJK lines are not)."""
    return any(ch.isupper() for ch in x) and x == x.upper()


def _title_part(x: str, repeated: bool) -> bool:
    """A line above a title that is the start of it ("ALMATY" above "DECLARATION")."""
    return (is_title_like(x) and title_cased(x) and not bracketed(x) and ":" not in x
            and not furniture_like(x, repeated) and not _FULL_TEXT.search(x))


def text_end(text_lines: list[Line], ended: list[int], heads: frozenset[str] = frozenset(),
             repeated: frozenset[str] = frozenset()) -> int:
    """The last line of the text among the lines ending like a sentence (`ended`); a bracketed
    line alone ends nothing ("(Applause)" in an address), nor does a running head (`heads`: a
    line printed above the text and again inside it), nor an interruption of the text
    (`inbody.interruption`; `repeated`: the lines printed more than once), nor an entry of
    the list a sentence ending in a colon opens (`list_entries`: "1. 能源" is no menu's short
    word, "1. Energy by 2315" no date); a press release's end mark ("ENDS") ends it however
    much running text follows."""
    openings: set[tuple[str, ...]] = set()
    seen = 0
    for k, e in enumerate(ended[:-1]):
        openings.update(opening(x) for _, x in text_lines[seen : e + 1])  # the text so far
        seen = e + 1
        gap = text_lines[e + 1 : ended[k + 1]]
        if any(end_mark(x) for _, x in gap):
            return e  # "ENDS", "Notes to editors": what follows is the release's apparatus
        entries = list_entries(text_lines, e)  # the list a sentence ending in a colon opens
        signals = [x for i, (_, x) in enumerate(gap, e + 1) if end_signal(x) and not (
            bracketed(x)) and x not in heads and i not in entries]
        after = text_lines[ended[k + 1]][1]
        if signals and not runs_on(gap, after) and interruption(signals, after, openings,
                                                                  repeated):
            continue  # "Advertisement", "Page 2 / 3 Zoom 100 %" between two clauses
        if signals and not _substantial(text_lines[e + 1 : e + 1 + LOOK_AHEAD], openings):
            return e
    return ended[-1]


def _substantial(rest: list[Line], openings: set[tuple[str, ...]]) -> bool:
    """Running text of its own: five long lines or twice `SUBSTANTIAL_WORDS` in long lines; or
    three, or `SUBSTANTIAL_WORDS`, that go on like the text above (one of them numbered or
    opening with the same two words as a line above: "The member states ..."). A line opening
    with a name and a colon (a reader's comment) is no line of the text."""
    long_: list[str] = []
    words = 0
    for x in wrapped_paragraphs(rest):
        size = max(len(x.split()), count_cjk(x) // 2)  # a CJK line: two characters a word
        if size >= 10 and not labelled(x) and sentence_like(x) and not end_signal(x):
            long_.append(x)
            words += size
            if len(long_) >= 5 or words >= 2 * SUBSTANTIAL_WORDS:
                return True  # a long run of text, however it opens
    alike = any(parse_marker(x) is not None or opening(x) in openings for x in long_)
    return alike and (len(long_) >= 3 or words >= SUBSTANTIAL_WORDS)
