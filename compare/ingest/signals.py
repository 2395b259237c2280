"""Import stage, line signals: what one line of a page looks like, for `ingest.furniture`.

A line of running text (`sentence_like`), a line of page furniture (`furniture_like`: banners,
menus, counters, stamps, labels, copyright), a signature or closing line (`signature_like`),
a note on the copy set wholly in brackets (`bracketed`), a title in title case or capitals
(`title_cased`). No list of sites or strings decides: length, final punctuation, separators
between short runs, digits and times, a `Label: value` shape, capitalisation and repetition do.

The rule for notes: a note *of the text* (`text_note`: a translator's or editor's note, one
that names itself a note of someone who worked on the text and says a sentence about it,
"[Translator's note: the numbers are those of the original.]", "Editor's note: ...", "N.B.
...") is content the reader of the text reads, a paragraph wherever it stands (under the title,
between paragraphs, at the end; in brackets or not), unless what it says is what the copy is
("Editor's note: sample text, not an official document": `sitetalk.copy_note`, furniture at
the text's edges, kept inside it). A line that only says what the copy is
("(Unofficial translation)", "[Translated from Russian by the Secretariat]", "Illustrative text
written for tests.") labels the copy as the site does, and is left out with the furniture; a
labelled header field (`[Notes] ...`, `Note: ...`) is metadata (`ingest.labels`).
"""

# ruff: noqa: RUF001, RUF002  (Cyrillic letters and CJK punctuation are meant)
from __future__ import annotations

import re
from functools import lru_cache

from .lines import ends_final, is_title_like, parse_marker, starts_lower
from .segment import count_cjk
from .sitetalk import contact_line, copy_note, page_talk

KIND_WORDS = re.compile(
    r"(?i)declaration|communiqu|statement|press release|press-release|address|speech|remarks|"
    r"пресс-релиз|"
    r"memorandum|treaty|charter|agreement|joint(?!ly)|декларац|коммюнике|заявлени|обращени|"
    r"выступлени|宣言|公报|声明|讲话|致辞|新闻稿|联合")
_MODAL_VERB = re.compile(r"\b(?:will|shall|should|must|would|may|can)\b")
"""A modal verb in lower case: a clause's, no title's ("... agreed that the services will
jointly ...", a copy cut off before its stop)."""
_CJK_CLAUSE = re.compile("[\uff0c\uff1b]")
"""A full-width comma or semicolon between a Chinese line's clauses: a sentence's, no title's
("成员国将在上述领域联合制定……，并向……", a copy cut off before its 。); a title lists its parties
with "、"."""
SEPARATORS = re.compile(r"\s(?:[>|»/·•›\u2192]{1,2}|::|--?)\s|[|›»\u2192]")
_MENU_SEP = re.compile(r"\s[|>\u00bb\u203a\u2192]{1,2}\s")
FILE_NAME = re.compile(r"(?i)\.(?:pdf|docx?|rtf|odt|txt|zip)$")
"""A line ending in a file's extension: a host's name for the file, not the document's title
("Joint Statement ... on Water.pdf")."""
_DOT_SEP = re.compile(r"\s[\u00b7\u2022]\s")
"""A middle dot or a bullet between the pieces of a list of links or headlines on one line."""
_INNER_STOP = re.compile(r"(?:\w\w|[)\"'»”])[.!?;] [A-ZА-ЯЁ]")
"""Two sentences on a line; not after a one-letter abbreviation or initial ("г. Худжанд")."""
COMMITMENT = re.compile(
    r"(?i)\b(?:will|shall|must|should|agree[sd]?|support|reaffirm|intend|undertake|commit|"
    r"call(?:s|ed)? (?:on|for|upon)|stress|welcome|note[sd]?|express|consider|declare|decide|"
    r"advocate|oppose|condemn|urge|believe|emphasi[sz]e|recogni[sz]e|underline|instruct|"
    r"ask|request|invite|encourage|propose|approve|adopt|pledge|resolve)(?:s|es|d|ed)?\b|"
    r"(?:будут|будет|должны|согласились|поддерживают|подтверждают|выступают|отмечают|"
    r"заявляют|считают|приветствуют|призывают)|(?:将|应|同意|支持|重申|主张|反对|呼吁|认为|欢迎)")
"""A verb or modal that commits ("will", "agree", "asked", "будут", "将"), in any of its English
forms: what a clause of the text has."""
TIME = re.compile(r"\d{1,2}:\d{2}")
DIGIT = re.compile(r"\d")
_HAN_NUMBER = "\u3007\u96f6\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\\d"
ZH_DATELINE = re.compile(rf"[{_HAN_NUMBER}]{{2,4}}\u5e74[{_HAN_NUMBER}]{{1,3}}\u6708"
                         rf"[{_HAN_NUMBER}]{{1,3}}\u65e5\u4e8e[\u4e00-\u9fff]{{2,10}}")
ZH_CLOSING = re.compile(rf"[{_HAN_NUMBER}]{{2,4}}\u5e74[{_HAN_NUMBER}]{{1,3}}\u6708"
                        rf"[{_HAN_NUMBER}]{{1,3}}\u65e5(?:\u8ba2|\u7b7e|\u7b7e\u8ba2|\u7b7e\u7f72)"
                        r"\u4e8e[\u4e00-\u9fff]{2,10}\u3002")
"""A Chinese closing sentence, a date, a verb of concluding and a place ("2007年8月16日订于比什
凯克。", "done at Bishkek on ..."): the text's last paragraph, like "Done at ...", not a stamp."""
"""A Chinese dateline, a date and a place without a verb ("二〇〇七年八月十六日于比什凯克",
"on 16 August 2007 at Bishkek"): like "Bishkek, 16 August 2007" after the text, metadata;
a closing sentence ("...日在比什凯克签署。") is the text's."""
_COMPACT_LABEL = re.compile(r"[^\W\d_]\w*(?: \w+){0,2}[:：](?:\S+|\s*\S*\d.{0,30}|\s*\S+(?: \S+)?)")
_LABEL_START = re.compile(r"[^\W\d_][\w'’-]*(?: [\w'’-]+)?[:：] ")
"""A caption or a field: one or two words and a colon ("Photo: ...", "Read more: ...")."""
FUNCTION_WORDS = frozenset({"of", "the", "on", "and", "in", "for", "to", "at", "with", "a",
                             "an", "between", "by", "о", "и", "в", "по", "на", "об"})
STRONG = re.compile(r"(?i)(?:total pages?|file type|file size|pages?|views?|downloads?|hits)"
                    r"\s*[:：]\s*\S+|©|\(c\) \d{4}|all rights reserved|^(?:print|share)\b|"
                    r"back to top|top of page|версия для печати|打印|关闭窗口|返回顶部")
"""Counters, copyright and the page's own buttons ("Print", "Share" open the line: "the member
states share the view" is a clause)."""
COPYRIGHT = re.compile(r"(?i)©|\(c\) \d{4}|all rights reserved|все права защищены|版权所有")
"""A copyright line: furniture however long its small print runs (up to `COPYRIGHT_WORDS`)."""
COPYRIGHT_WORDS = 30
_STRONG_END = re.compile(r"(?i)^(?:print|share|tweet|email|e-mail|close|top|back)\b")
_SIGN_LINE = re.compile(r"_{3,}|\.{6,}|…{2,}")
_RULE = re.compile(r"[-=~*_\u2013\u2014\u2500\u2550]{4,}")
"""A rule across the page, alone on its line: a separator, not text."""
"""A line to sign on: a run of underscores or dots."""
_ARTICLE = re.compile(r"(?:The|A|An|This|These|It) ")
"""A line that opens with an article is running text even in title case ("The Heads of State
of the Member States ..."); a title names its kind or opens with its place or subject."""
_TITLE_GOES_ON = re.compile(r"(?:of|on|for|between|in|and|to|at|by) ")
_YEAR_MARK = re.compile(r"(?<=\d{4}) ?(?:г\.|года\.?|гг\.)$")
"""The Russian mark after a year ("14 сентября 2040 г."): its full stop ends no sentence."""


def _unmarked(text: str) -> str:
    """`text` without the Russian mark after a final year, unless the line is a sentence that
    ends in the word "года." (no comma: "Совершено в городе Оше 5 мая 2090 года.", not the
    dateline "г. Ош, 5 мая 2090 года.")."""
    if "," not in text and text.rstrip().endswith("года.") and len(text.split()) >= 6:
        return text
    return _YEAR_MARK.sub("", text)


_BRACKETS = {"(": ")", "[": "]", "【": "】", "（": "）", "〔": "〕"}


def title_cased(text: str) -> bool:
    """Every word longer than three letters capitalised, or the whole line in capitals."""
    if any(ch.isalpha() for ch in text) and text == text.upper():
        return True
    words = [w for w in text.split(" ") if len(w) > 3 and w[0].isalpha()
             and w.casefold() not in PREPOSITIONS]
    return bool(words) and all(w[0].isupper() for w in words)


PREPOSITIONS = frozenset({"along", "among", "amongst", "against", "between", "within", "without",
                          "through", "towards", "upon", "into", "from", "with", "following",
                          "regarding", "concerning", "during", "across", "beyond", "under",
                          "over", "about", "after", "before", "around", "onto", "until"})
"""Longer prepositions a title in title case leaves in lower case ("on Security along the
Southern Borders")."""


_NOTE_LABEL = re.compile(
    r"(?i)[\[(\uff08\u3010]?\s*(?:"
    r"[^\W\d_]+(?:['\u2019]s|s['\u2019])\s+(?:note|comment|remark|annotation|gloss)s?"
    r"|(?:note|comment|remark)s?\s+(?:by|of|from)\s+(?:the\s+)?[^\W\d_]+"
    r"|n\.\s?b\.|примечани[ея]\s+[^\W\d_]+|[\u4e00-\u9fff]者[注按]|[译编][注按]"
    r")\s*[:\uff1a.\u2013\u2014-]\s*(\S.*)")
"""The label of a note of the text: the note of someone ("Translator's note:", "Editors'
comment -"), a note by someone ("Note by the compiler:"), "N.B.", "Примечание переводчика:",
"译者注：". A bare "Note:" or "[Notes]" is a labelled header field instead."""
NOTE_WORDS_MIN = 4
"""A note of the text says at least this many words after its label (or as many CJK
characters twice over): a sentence, not a label."""


@lru_cache(maxsize=8192)
def text_note(text: str) -> bool:
    """A translator's or editor's note about the text (see the module docstring): a note's
    label and a sentence after it, the whole line in brackets or not."""
    m = _NOTE_LABEL.match(text)
    if m is None or copy_note(text):
        return False  # "Editor's note: sample text, not an official document": the copy's
    value = m.group(1)
    return len(value.split()) >= NOTE_WORDS_MIN or count_cjk(value) >= 2 * NOTE_WORDS_MIN


def bracketed(text: str) -> bool:
    """A line set wholly in one pair of brackets that is no note of the text (`text_note`): a
    note on the copy ("(Unofficial translation)", "[copied from ...]"), a stage direction
    ("(signature)")."""
    if text_note(text):
        return False
    close = _BRACKETS.get(text[:1])
    if close is None or not text.endswith(close) or len(text) < 3:
        return False
    inner = text[1:-1]
    return text[:1] not in inner and close not in inner


def captioned(text: str) -> bool:
    """A caption or field line: "Photo: the leaders ...", "Read more: ..." (no final stop);
    a note of the text (`text_note`) is none."""
    return labelled(text) and not ends_final(text) and not text_note(text)


def labelled(text: str) -> bool:
    """A line opening with one or two words and a colon ("Anna: I hope ...", "Source: ...")."""
    return _LABEL_START.match(text) is not None


@lru_cache(maxsize=8192)
def sentence_like(text: str) -> bool:
    """A line of running text: six words or more (fifteen characters of CJK) ending like a
    sentence, a recital (",") or an intro (":"); or a long line (nine words, twenty CJK
    characters): a hard-wrapped line of a paragraph. Never a title in title case, a caption
    ("Photo: ..."), a run of pieces between separators, or a bracketed note."""
    if len(text) > 400 or text_note(text):
        return True  # longer than any title, banner or menu; a note of the text is its text
    if site_line(text):
        return False  # "We use cookies ...", "Tel. +7 ...", "Sample text, not official."
    marker = parse_marker(text)
    core = marker[3] if marker else text
    cjk = count_cjk(core)
    words = len(core.split())
    if (STRONG.search(text) and words < 12) or (COPYRIGHT.search(text)
                                                 and words < COPYRIGHT_WORDS):
        return False  # "© 2019 Ministry of ... All rights reserved."
    if is_title_like(text) and not text[:1].islower() and KIND_WORDS.search(text) and not (
            _MODAL_VERB.search(text) or _CJK_CLAUSE.search(text)):
        return False  # a title: "Joint Communiqué following the meeting of the Council ..."
    if is_title_like(text) and marker is None and cjk == 0 and title_cased(text) and not (
            _ARTICLE.match(text)) and (not text[:1].islower() or _TITLE_GOES_ON.match(text)):
        return False  # a title's line: "of the Member States of the ... on Digital Cooperation"
    lettered = sum(1 for w in core.split() if any(ch.isalnum() for ch in w))  # not "/", "—"
    if not ends_final(core) and (_MENU_SEP.search(core) or (
            lettered < 12 and (SEPARATORS.search(core) or captioned(core)))):
        return False  # "Related: A | B | C", "Home > News > ...", "Photo: the leaders ..."
    if not ends_final(core) and len(_DOT_SEP.findall(core)) >= 2:
        return False  # "Most read: 21:07 Rain delays harvest · 20:40 New terminal · ..."
    if (bracketed(core) and words < 20) or (_SIGN_LINE.search(core) and words <= 16):
        return False  # "(signature)", "For the Republic of ... ........"
    if words >= 9 or cjk >= 20:
        return True
    if words >= 5 and _INNER_STOP.search(core):
        return True  # two sentences on one line
    lower = sum(1 for w in core.split() if w[:1].islower())
    if words >= 6 and lower * 2 >= words and not DIGIT.search(core) and ":" not in core:
        return True  # running words, as menus, banners and titles are not
    long_enough = words >= 6 or cjk >= 15
    return long_enough and (ends_final(_unmarked(core))
                            or core.rstrip().endswith((",", "，", "、")))


def site_line(text: str) -> bool:
    """The page speaking of itself, a line of addresses, or a note saying what the copy is
    (`ingest.sitetalk`): never running text of the declaration, always furniture by itself."""
    return page_talk(text) or contact_line(text) or copy_note(text)


_TOC_ENTRY = re.compile(r"\S.{0,120}?[ \t]*(?:\.[ \t]?){4,}[ \t]*(?:\d{1,3}|[ivxlc]{1,6})")
"""An entry of a table of contents: a heading, dot leaders and a page number."""


def toc_entry(text: str) -> bool:
    """A line of a printed edition's table of contents ("II. Trade ........ 4"): it points to
    a page of the printed edition, it is no heading of the text."""
    return bool(_TOC_ENTRY.fullmatch(text))


CJK_SHORT = 8
"""A line of this many CJK characters at least that ends like a sentence is a short sentence
("各方商定，下一次会议于2234年举行。": one "word" to `split`), not a date or counter."""


@lru_cache(maxsize=8192)
def furniture_like(text: str, repeated: bool = False, weak: bool = True) -> bool:
    """Signals of page furniture in a short line; a sentence-like line never is. `weak` adds
    the signals that need a title found elsewhere (a lone word, a menu bar)."""
    if len(text) > 400:
        return False
    if site_line(text):
        return True
    if toc_entry(text) or _RULE.fullmatch(text):
        return True
    if STRONG.search(text) and len(text.split()) < 12:
        return True
    if COPYRIGHT.search(text) and len(text.split()) < COPYRIGHT_WORDS:
        return True
    if sentence_like(text) or heading_word(text) or ZH_CLOSING.fullmatch(text):
        return False
    if (repeated and not ends_final(text)) or STRONG.search(text) or _STRONG_END.match(text):
        return True
    if SEPARATORS.search(text) or TIME.search(text) or FILE_NAME.search(text):
        return True
    if _COMPACT_LABEL.fullmatch(text) and not KIND_WORDS.search(text):
        return True
    words = text.split()
    entry = _unnumbered(text).split()  # a list's entry without its number: "1. 能源"
    if len(entry) >= 2 and all(len(w) <= 3 for w in entry):
        return True  # language codes, font sizes: "EN RU 中文", "A A+ A++"
    if DIGIT.search(_unnumbered(text)) and len(words) <= 8 and not KIND_WORDS.search(text) and not (
            ends_final(_unmarked(text)) and (len(words) >= 4 or count_cjk(text) >= CJK_SHORT)):
        return True  # dates, rates, counters (not a short sentence with a number)
    if not weak or ends_final(text):
        return False
    if len(words) <= 2 and not KIND_WORDS.search(text) and count_cjk(text) < 6:
        return True  # a menu entry, a lone word
    capital = [w for w in words if w[:1].isupper()]
    small = [w for w in words if w.lower() in FUNCTION_WORDS]
    return len(words) >= 4 and len(capital) == len(words) and not small  # a menu bar


def _unnumbered(text: str) -> str:
    """A line without its section number or its list marker ("3. Safety", "2.1 Ports", "1)
    Energy", "（一）能源"): the number is no date and the marker no word."""
    marker = parse_marker(text)
    return marker[3] if marker is not None else text


def copy_label(x: str, nxt: str) -> bool:
    """A short label under the title, above the text, that says how the copy is to be read
    ("Check against delivery", "Unofficial translation"): two to four words, a capital, no
    digit, ending in a letter, no marker, no kind of document named, and the line under it
    (`nxt`) not going on with it in lower case ("The Heads of State" / "of the Member States
    ...")."""
    return 2 <= len(x.split()) <= 4 and x[:1].isupper() and not DIGIT.search(x) and (
        x[-1:].isalpha()) and not (parse_marker(x) or KIND_WORDS.search(x) or starts_lower(nxt))


def heading_word(text: str) -> bool:
    """A section number alone: "II", "Part III", "Article 4", "§ 4", "第一部分", "第三条"."""
    return bool(re.fullmatch(r"(?i)(?:part|section|chapter|article|раздел|часть|глава|статья)?"
                             r"\s*(?:[IVXLC]+|\d{1,2})\.?|第[一二三四五六七八九十]+[部章节分条]+"
                             r"|\u00a7\s?\d{1,3}\.?", text))


def signature_like(x: str) -> bool:
    """A signature or closing line: a line to sign on ("____", "......"), or short, without
    final punctuation, in title case, in brackets, or "For the ..." ("За ...", "代表...")."""
    if _SIGN_LINE.search(x) and len(x.split()) <= 16:
        return True
    if not is_title_like(x):
        return False
    if x.startswith(("(", "[", "For ", "On behalf", "За ", "От ", "代表")):
        return True
    words = [w for w in x.split() if len(w) > 3 and w[0].isalpha()]
    return bool(words) and all(w[0].isupper() for w in words)


_END_MARK = re.compile(
    r"(?i)[-\u2013\u2014 ]*(?:ends?|end of (?:text|release|statement)|#{3}|-30-|\*{3}\s*end"
    r"|notes? (?:to|for) (?:the )?editors?|editors['\u2019]? notes|for editors"
    r"|примечани[ея] для редакци[йи]|справка для редакци[йи]|информация для редакци[йи])"
    r"[-\u2013\u2014 :.]*")
"""The mark a press release prints under its text: "ENDS", "- end -", "###", "-30-", and the
heading of the apparatus under it ("Notes to editors", "Примечание для редакций")."""


def end_mark(x: str) -> bool:
    """A press release's end mark or the heading of its notes to editors (`_END_MARK`): the
    text is over however much follows (the notes are numbered sentences of their own)."""
    return _END_MARK.fullmatch(x.strip()) is not None


@lru_cache(maxsize=8192)
def end_signal(x: str) -> bool:
    """A line that says the text is over: furniture (the site's talk too: a prompt to read on,
    "Download the full document to continue reading"), a signature line, a bracketed note, a
    caption, a press release's end mark."""
    return furniture_like(x, False, False) or bracketed(x) or captioned(x) or end_mark(x) or bool(
        _SIGN_LINE.search(x) and len(x.split()) <= 16) or (
        signature_like(x) and x.startswith(("For ", "On behalf", "За ", "От ", "代表")))


def whole_phrase(x: str, text: list[str]) -> bool:
    """A line without final punctuation that cannot be a paragraph cut short ("Sample text
    written for tests"): it ends in a letter, not in a word that needs more ("to", "and",
    "of"), a hyphen, an ellipsis or a comma, nor in the start of a longer word of the text
    ("cooperat" for "cooperation")."""
    last = x.rstrip()
    if ends_final(last) or not last[-1:].isalpha():
        return False
    end = last.split()[-1].casefold()
    if end in FUNCTION_WORDS or end in _OPEN_WORDS:
        return False
    return not any(w.startswith(end) and w != end for y in text for w in y.casefold().split())


_OPEN_WORDS = frozenset({"that", "which", "who", "whose", "from", "into", "as", "or", "their",
                         "its", "our", "this", "these", "those", "will", "shall", "would",
                         "should", "must", "may", "can", "is", "are", "be", "not", "also",
                         "such", "than", "very", "all", "each", "both", "но", "что", "для",
                         "с", "к", "от", "из"})
"""Words after which an English or Russian sentence must go on: a line ending in one is cut."""
