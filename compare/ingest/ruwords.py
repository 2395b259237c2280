"""Import stage, Russian dates in words: "двадцать второе сентября две тысячи ... года".

A formal Russian text (an act's label, a closing line) may write its date wholly in words: the
day as an ordinal ("первое", "двадцать второе", "тридцать первого"), the month's name, the year
as a cardinal with an ordinal last word ("две тысячи сто тридцать второго года"). `date_digits`
rewrites such a date with digits ("22 сентября 2132 года") so that `preamble` reads it as any
other Russian date; words that are no numbers leave the text as it was. `place_nominative`
gives a place named after "в" in its own form where its ending says which that is ("в Томске":
Томск), `nominative_in` the form the same page prints it in elsewhere ("в Тюмени" beside "г.
Тюмень" in the page's address). Pure, linear.
"""

# ruff: noqa: RUF001, RUF002  (Cyrillic letters are meant)
from __future__ import annotations

import re

_ORDINAL_STEMS = (
    ("одиннадцат", 11), ("двенадцат", 12), ("тринадцат", 13), ("четырнадцат", 14),
    ("пятнадцат", 15), ("шестнадцат", 16), ("семнадцат", 17), ("восемнадцат", 18),
    ("девятнадцат", 19), ("двадцат", 20), ("тридцат", 30), ("сорок", 40),
    ("пятидесят", 50), ("шестидесят", 60), ("семидесят", 70), ("восьмидесят", 80),
    ("девяност", 90), ("перв", 1), ("втор", 2), ("трет", 3), ("четв", 4), ("пят", 5),
    ("шест", 6), ("седьм", 7), ("восьм", 8), ("девят", 9), ("десят", 10), ("сот", 100),
    ("двухсот", 200), ("трёхсот", 300), ("трехсот", 300), ("двухтысячн", 2000),
    ("тысячн", 1000),
)
"""Stems of the ordinal words (longest first where one opens another)."""
_CARDINALS = {
    "один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
    "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "двадцать": 20, "тридцать": 30,
    "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70, "восемьдесят": 80,
    "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400,
    "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
}
_THOUSAND = ("тысяча", "тысячи", "тысяч")
_MONTHS = ("января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|"
           "декабря")
_WORD = r"[а-яё]+"
_DATE = re.compile(rf"(?i)\b({_WORD}(?: {_WORD})?) ({_MONTHS}) ((?:{_WORD} ){{1,6}})года\b")


def number(words: list[str]) -> int | None:
    """The number written by Russian cardinal words ending in an ordinal, or None."""
    total, part = 0, 0
    for w in (x.casefold() for x in words):
        if w in _THOUSAND:
            total, part = total + (part or 1) * 1000, 0
        elif w in _CARDINALS:
            part += _CARDINALS[w]
        else:
            value = next((v for stem, v in _ORDINAL_STEMS if w.startswith(stem)), None)
            if value is None:
                return None
            if value >= 1000:  # "двухтысячного": the year's last word
                total += value
            else:
                part += value
    return total + part


def date_digits(text: str) -> str:
    """The text with each date in words written with digits (see the module docstring)."""
    if "года" not in text:
        return text

    def digits(m: re.Match[str]) -> str:
        words = m.group(1).split()
        day, year = number(words), number(m.group(3).split())
        if day is None and len(words) == 2:  # "на второе сентября ...": the day is one word
            day = number(words[1:])
            if day is not None and year is not None and 1 <= day <= 31 and year >= 1000:
                return f"{words[0]} {day} {m.group(2)} {year} года"
        if day is None or year is None or not 1 <= day <= 31 or year < 1000:
            return m.group(0)
        return f"{day} {m.group(2)} {year} года"

    return _DATE.sub(digits, text)


_LOCATIVE_STEMS = ("ск", "цк", "бург", "град", "город")
"""Endings of Russian place names that take "-е" after "в" and nothing in their own form."""


def place_nominative(name: str) -> str:
    """A Russian place named after "в" in its own form: a name ending in "-ск", "-цк",
    "-бург", "-град" or "-город" takes "-е" there ("в Иркутске", "в Оренбурге", "в
    Белгороде") and drops it as such; any other name is returned as written."""
    if len(name) > 4 and name.endswith("е") and name[:-1].endswith(_LOCATIVE_STEMS):
        return name[:-1]
    return name


_OBLIQUE_ENDS = ("е", "и", "ы", "у", "ю", "ой", "ом", "ем")
"""Endings of a Russian noun in a case other than its own ("в Тюмени", "из Барнаула" aside:
"а" and "я" end names as such too)."""
_NAME_WORD = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*")


def nominative_in(name: str, text: str) -> str:
    """A Russian place named in an oblique case ("в Тюмени", "в Барнауле") in the form the
    same page prints it in elsewhere ("г. Тюмень" in its address, "Барнаул" under its coat of
    arms): the shortest capitalised word of `text` that shares all but the last letter or two
    of `name`, differs from it at most in those letters and does not end as an oblique case
    does; `name` itself when the page prints no such form."""
    if len(name) < 4 or not name.endswith(_OBLIQUE_ENDS):
        return name
    forms = sorted({w for w in _NAME_WORD.findall(text) if w != name and 0 <= len(name) - len(
        w) <= 2 and name.startswith(w[:-1]) and not w.endswith(_OBLIQUE_ENDS)},
                   key=lambda w: (len(w), w))
    return forms[0] if forms else name
