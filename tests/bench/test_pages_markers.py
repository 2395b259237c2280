"""The page scorer reads a unit's number or letter before its first words as the importer stores
them apart: decimal numbers ("1.1") and Cyrillic item letters ("б)") too."""

# ruff: noqa: RUF001, RUF002  (Cyrillic letters are the test data)
from __future__ import annotations

from compare.bench.pages import _starts


def test_decimal_number_before_the_expected_words() -> None:
    assert _starts("2.1 The towns will repair the piers.", "The towns will repair")
    assert not _starts("2.1 The towns will repair the piers.", "The piers")


def test_cyrillic_item_letter_before_the_expected_words() -> None:
    assert _starts("б) joint patrols on the lake;", "joint patrols on")
    assert _starts("в) провести ярмарку ремёсел;", "провести ярмарку")


def test_a_chinese_article_label_before_the_words_is_the_number() -> None:
    assert _starts("第三条 成员国将共建渔业数据库。", "成员国将共建")
    assert not _starts("第三条 成员国将共建渔业数据库。", "渔业数据库")


def test_an_article_label_before_the_words_is_the_number() -> None:
    assert _starts("Article 2. The towns will repair the piers.", "The towns will repair")
    assert _starts("Статья 2. Города отремонтируют причалы.", "Города отремонтируют")
    assert not _starts("Article 2. The towns will repair the piers.", "The piers")
