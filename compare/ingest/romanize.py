"""Import stage, romanised place names: the meeting's place in Latin letters.

A declaration's place is kept in Latin letters, as its id ("2111-dushanbe") and the corpus list
give it, so that an English and a Russian copy of one text, or a Russian text and an English page
about it, name one place alike; the text's own spelling is kept beside it (`Meeting.place_written`).
A place written in Cyrillic ("Душанбе" in a Russian text, "г. Новосибирск" in a Russian label
over an English text) is given by the BGN/PCGN romanisation of Russian (1947, without its
optional dots and apostrophes): "е" is "ye" at the start of a word and after a vowel or a sign
("Екатеринбург" -> "Yekaterinburg"), "й" and "ы" are "y", the hard and soft signs are dropped,
each word keeps its capital ("Чолпон-Ата" -> "Cholpon-Ata"), so no list of places is needed. A
name with letters of other Cyrillic alphabets (Kazakh "қ", "ү", ...) that the Russian table does
not cover is kept as written, and so is a Chinese name: pinyin would misname the places whose
English names are not their Mandarin reading (乌鲁木齐 is Ürümqi, not "Wulumuqi"). A few
places have an English name that is not the romanisation of their Russian one: Moscow, not
"Moskva"; Beijing, not "Pekin", for Russian's own names of foreign cities. `EXONYMS` gives those
of the cities that host the organisation's meetings (a language fact, like the letter table; a
place not in it is romanised).
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
EXONYMS = {
    "Москва": "Moscow", "Санкт-Петербург": "Saint Petersburg", "Пекин": "Beijing",
    "Шанхай": "Shanghai", "Циндао": "Qingdao", "Сиань": "Xi'an", "Урумчи": "Ürümqi",
    "Нью-Дели": "New Delhi", "Тегеран": "Tehran",
}
"""Russian names of places whose English name is not their romanisation."""
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+(?:-[\u0400-\u04ff]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def latin_place(place: str) -> str:
    """`place` romanised when it is written in Cyrillic and the romanisation leaves none, else ""
    (a place in Latin letters already, or one the Russian table cannot give)."""
    if not _CYRILLIC.search(place):
        return ""
    latin = EXONYMS.get(place) or romanize(place)
    return "" if _CYRILLIC.search(latin) else latin


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
