"""Russian dates written in words read as dates (invented sentences, illustrative)."""

# ruff: noqa: RUF001  (Cyrillic letters are the test data)
from __future__ import annotations

import pytest

from compare.ingest.preamble import find_date_place
from compare.ingest.ruwords import date_digits, number


@pytest.mark.parametrize(("words", "value"), [
    ("две тысячи сто тридцать второго", 2132), ("двухтысячного", 2000),
    ("тысяча девятьсот девяносто девятого", 1999), ("двадцать второе", 22),
    ("первого", 1), ("тридцатое", 30), ("одиннадцатого", 11),
])
def test_russian_number_words(words: str, value: int) -> None:
    assert number(words.split()) == value


def test_a_date_in_words_reads_as_the_date_and_other_words_stay() -> None:
    text = "Совершено в г. Омске девятого июня две тысячи семьдесят первого года."
    assert date_digits(text) == "Совершено в г. Омске 9 июня 2071 года."
    assert find_date_place("Дата принятия: девятое июня две тысячи семьдесят первого года")[0] \
        == "2071-06-09"
    assert date_digits("в начале июня этого года") == "в начале июня этого года"
    assert date_digits("сорок второе июня две тысячи года") == "сорок второе июня две тысячи года"
