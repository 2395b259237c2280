"""Import stage, romanised place names: a place written only in Cyrillic over an English text.

A Russian dateline or label ("г. Новосибирск, 7 декабря 2093 г.") may be the only place an
English copy names. The place is then given in Latin letters by the BGN/PCGN romanisation of
Russian (1947, without its optional dots and apostrophes): "е" is "ye" at the start of a word
and after a vowel or a sign ("Екатеринбург" -> "Yekaterinburg"), "й" and "ы" are "y", the hard
and soft signs are dropped, each word keeps its capital ("Чолпон-Ата" -> "Cholpon-Ata"). The
importer uses it only for a place read from the page around the text (a label's value, a bare
dateline above the text or among its lines: the place, a date and the marks of a city and a
year, no Russian sentence such as "Совершено в г. Душанбе ...") when the English text itself
names none (its own spelling wins: "Aktobe" in the text over "г. Актобе" in a label; a name the
text itself writes in Cyrillic, a closing dateline too, stays as written), so no list of places
is needed.
"""

# ruff: noqa: RUF001, RUF002  (Cyrillic letters are meant)
from __future__ import annotations

import re

_LETTERS = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ("a", "b", "v", "g", "d", "e", "ë", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
     "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"),
    strict=True))
_VOWELS = set("аеёиоуыэюяъь")
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+(?:-[\u0400-\u04ff]+)*")


_DATELINE_WORDS = re.compile(
    r"(?i)\b(?:г|гг|года?|город|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|"
    r"октября|ноября|декабря)\b")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def bare_dateline(line: str, place: str) -> bool:
    """Whether `line` names `place` with nothing else in Cyrillic but a date and the marks of
    a city and a year ("г. Новосибирск, 7 декабря 2093 г."): a dateline, not a sentence."""
    if place not in line:
        return False
    rest = _DATELINE_WORDS.sub(" ", line.replace(place, " "))
    return _CYRILLIC.search(rest) is None


def romanize(name: str) -> str:
    """`name` with its Cyrillic words in Latin letters (BGN/PCGN); other characters kept."""
    return _CYRILLIC_WORD.sub(lambda m: "-".join(_word(w) for w in m.group().split("-")), name)


def _word(word: str) -> str:
    out: list[str] = []
    prev = ""
    for ch in word:
        low = ch.lower()
        latin = _LETTERS.get(low, ch)
        if low in "её" and (not prev or prev in _VOWELS):
            latin = "y" + ("e" if low == "е" else "o")
        elif low == "ё":
            latin = "e"  # "Орёл" -> "Orel", as English spells it
        out.append(latin)
        prev = low
    text = "".join(out)
    return text[:1].upper() + text[1:] if word[:1].isupper() else text
