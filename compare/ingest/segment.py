"""Segmentation stage: whitespace normalisation, language detection and sentence splitting.

`split_sentences(text, language)` cuts one paragraph (or list item) into sentences. It is
lossless: for English and Russian `" ".join(sentences) == normalize_space(text)`; for Chinese and
Japanese, whose sentences are not separated by spaces, only the spaces at the cuts are dropped
(`"".join(sentences) == normalize_space(text)` when the text has none there). Abbreviations that
end in a full stop are kept as data below (`ABBREVIATIONS`, `NUMBER_ABBREVIATIONS`).
"""

# ruff: noqa: RUF001, RUF003  (the Russian abbreviations are Cyrillic on purpose)
from __future__ import annotations

import re

ABBREVIATIONS: frozenset[str] = frozenset(
    {
        # English titles, honorifics and Latin short forms (lower case, without the final stop)
        "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "hon", "amb", "gen", "col", "lt",
        "capt", "sen", "gov", "rev", "messrs", "mme", "mlle",
        "e.g", "i.e", "cf", "vs", "viz", "al", "ca", "approx", "resp",
        "inc", "ltd", "co", "corp", "dept", "univ", "est",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "u.n", "u.s", "u.k", "e.u", "h.e",
        # Russian (города, то есть, и так далее, статья, пункт, смотри, имени, ...)
        "г", "гг", "т.е", "т.д", "т.п", "т.к", "т.н", "и.о", "ст", "п", "пп", "см", "им", "др",
        "проф", "акад", "тыс", "млн", "млрд", "руб", "ул", "д", "стр", "напр", "н.э", "гос",
    }
)
"""Words that take a full stop without ending a sentence (matched case-insensitively)."""

CLOSING_ABBREVIATIONS: frozenset[str] = frozenset({"т.д", "т.п", "etc"})
"""Abbreviations that close an enumeration: before a capital letter they end the sentence too
("... и т.д. Они ...", "... etc. The ...")."""

NUMBER_ABBREVIATIONS: frozenset[str] = frozenset(
    {"no", "nos", "art", "arts", "para", "paras", "p", "pp", "vol", "ch", "sec", "fig", "op"}
)
"""Words that are abbreviations when a number (arabic or roman) follows: "No. 3", "Art. IV"."""

FINAL = ".!?\u2026"
CLOSING = "\"'\u201d\u2019\u00bb)]\u300d\u300f\uff09"
OPENING = "\"'\u201c\u2018\u00ab\u201e([\u300c\u300e\uff08"
CJK_FINAL = "\u3002\uff01\uff1f"
CJK_LANGUAGES = ("zh", "ja")

_SPACE = re.compile(r"[ \t\n\r]+")
_BOUNDARY = re.compile(rf"[{re.escape(FINAL)}]+[{re.escape(CLOSING)}]* ")
_CJK_BOUNDARY = re.compile(rf"[{CJK_FINAL}]+[{re.escape(CLOSING)}]*(?: )?")
_LETTER_DOTS = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_ROMAN_OR_DIGIT = re.compile(r"(?:\d|[IVXLC]+\b)")


def normalize_space(text: str) -> str:
    """Collapse runs of ASCII whitespace to one space and strip; NBSP and others are kept."""
    return _SPACE.sub(" ", text).strip(" ")


def base_language(language: str) -> str:
    """The primary subtag of a BCP 47 tag, lower case: "zh-Hans" -> "zh"."""
    return language.split("-", 1)[0].lower()


def split_sentences(text: str, language: str = "en") -> list[str]:
    """Split one paragraph into sentences (whitespace normalised first); [] for blank text."""
    flat = normalize_space(text)
    if not flat:
        return []
    if base_language(language) in CJK_LANGUAGES:
        return _split_cjk(flat)
    return _split_alphabetic(flat)


def _split_alphabetic(flat: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(flat):
        if not _starts_sentence(flat, m.end()):
            continue
        if _is_abbreviation(flat[start : m.end() - 1], m.group(), flat, m.end()):
            continue
        out.append(flat[start : m.end() - 1])
        start = m.end()
    out.append(flat[start:])
    return out


_ENUMERATOR = re.compile(r"\d{1,2}\. (?=\w)")
"""An inline list number ("2. "): it opens a sentence when a capital letter follows it."""


def _starts_sentence(flat: str, at: int) -> bool:
    """A sentence starts with an upper-case letter, an opening quote or bracket, or a list
    number before a capital ("2. The second")."""
    if at >= len(flat):
        return False
    if flat[at] in OPENING or flat[at].isupper():
        return True
    m = _ENUMERATOR.match(flat, at)
    return m is not None and flat[m.end()].isupper()


def _enumerator(before: str) -> bool:
    """Whether `before` ends with an inline list number that opens the text or follows ':'."""
    head, _, last = before.rpartition(" ")
    return bool(re.fullmatch(r"\d{1,2}\.", last)) and (not head or head.endswith(":"))


def _is_abbreviation(before: str, stop: str, flat: str, at: int) -> bool:
    """Whether the full stop ending `before` belongs to an abbreviation, not a sentence end."""
    if stop.rstrip(CLOSING + " ") != ".":
        return False  # "!", "?", "..", "…" always end a sentence
    if _enumerator(before):
        return True  # "1. The first.", "as follows: 1. Trade ..."
    word = before[before.rfind(" ") + 1 :].lstrip(OPENING)
    core = word[:-1] if word.endswith(".") else word
    low = core.lower()
    if low in CLOSING_ABBREVIATIONS:
        return False  # the caller checked that a capital letter follows
    if low in ABBREVIATIONS:
        return True
    if low in NUMBER_ABBREVIATIONS and _ROMAN_OR_DIGIT.match(flat, at):
        return True
    if len(core) == 1 and core.isalpha() and core.isupper():
        return True  # an initial: "A. B. Smith"
    return bool(_LETTER_DOTS.fullmatch(core))  # "U.N", "e.g", "т.е"


def _split_cjk(flat: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _CJK_BOUNDARY.finditer(flat):
        end = m.end() - (1 if m.group().endswith(" ") else 0)
        if end >= len(flat):
            break
        out.append(flat[start:end])
        start = m.end()
    out.append(flat[start:])
    return [s for s in out if s]


_CJK_CHARS = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\u3040-\u30ff\uf900-\ufaff"
                        "\U00020000-\U0002ffff]")
_KANA = re.compile("[\u3040-\u30ff]")
_CYRILLIC_CHARS = re.compile("[\u0400-\u04ff]")
_LATIN = re.compile("[A-Za-z]")


def _count(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of `text` the one-character `pattern` matches."""
    return len(text) - len(pattern.sub("", text))


def count_cjk(text: str) -> int:
    """How many characters of `text` are CJK (`is_cjk`), in one pass in C."""
    return _count(_CJK_CHARS, text)


def is_cjk(ch: str) -> bool:
    """Han ideographs, kana and CJK punctuation."""
    o = ord(ch)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x3040 <= o <= 0x30FF
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x2FFFF
    )


def detect_language(text: str) -> str:
    """BCP 47 tag from the script: "zh" (or "ja" with kana) if CJK dominates, "ru", else "en".

    Letters are counted by class with `_count` (one C-level pass per class, not a Python loop
    over every character: a 16 MiB text took seconds)."""
    cjk, kana = _count(_CJK_CHARS, text), _count(_KANA, text)
    cyrillic, latin = _count(_CYRILLIC_CHARS, text), _count(_LATIN, text)
    # one Han character carries about as much as a short word: weigh it so
    if cjk * 3 > cyrillic + latin:
        return "ja" if kana * 10 > cjk else "zh"
    return "ru" if cyrillic > latin else "en"
