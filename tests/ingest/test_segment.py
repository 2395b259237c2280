"""Sentence splitting, whitespace normalisation and language detection (compare.ingest.segment)."""

# ruff: noqa: RUF001  (Cyrillic, CJK punctuation and typographic quotes are the test data)
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.ingest.segment import (
    ABBREVIATIONS,
    NUMBER_ABBREVIATIONS,
    detect_language,
    is_cjk,
    normalize_space,
    split_sentences,
)

CASES = [
    # (language, text, expected sentences)
    ("en", "States cooperate. They trade.", ["States cooperate.", "They trade."]),
    ("en", "Is it agreed? Yes! It is.", ["Is it agreed?", "Yes!", "It is."]),
    ("en", "The U.N. Charter applies. It binds all.",
     ["The U.N. Charter applies.", "It binds all."]),
    ("en", "See Art. 5 and Art. IV of the treaty.", ["See Art. 5 and Art. IV of the treaty."]),
    ("en", "Resolution No. 3 was adopted. No. The vote failed.",
     ["Resolution No. 3 was adopted.", "No.", "The vote failed."]),
    ("en", "Mr. A. B. Smith spoke. Dr. Jones replied.",
     ["Mr. A. B. Smith spoke.", "Dr. Jones replied."]),
    ("en", "Some states, e.g. Kazakhstan, agree. Others, i.e. Some, do not.",
     ["Some states, e.g. Kazakhstan, agree.", "Others, i.e. Some, do not."]),
    ("en", "They met in St. Petersburg. It rained.", ["They met in St. Petersburg.", "It rained."]),
    ("en", "The 61st session grew 3.5 per cent. Then it stopped.",
     ["The 61st session grew 3.5 per cent.", "Then it stopped."]),
    ("en", "producer and transit states.. The end.", ["producer and transit states..", "The end."]),
    ("en", 'He said "We agree." Then he left.', ['He said "We agree."', "Then he left."]),
    ("en", "It was signed (in 2006.) The zone exists.",
     ["It was signed (in 2006.)", "The zone exists."]),
    ("en", "The anti-drug “security belts” around it. “Next” starts here.",
     ["The anti-drug “security belts” around it.", "“Next” starts here."]),
    ("en", "They agree. 'Quoted' opening starts a sentence.",
     ["They agree.", "'Quoted' opening starts a sentence."]),
    ("en", "Lower case after a stop. does not start one.",
     ["Lower case after a stop. does not start one."]),
    ("en", "Trailing space only.   ", ["Trailing space only."]),
    ("en", "Wait… What next?", ["Wait…", "What next?"]),
    ("en", "No\u00a0break. Kept\u00a0as is.", ["No\u00a0break.", "Kept\u00a0as is."]),
    ("ru", "В 2007 г. главы государств встретились. Они подписали т.е. утвердили текст.",
     ["В 2007 г. главы государств встретились.", "Они подписали т.е. утвердили текст."]),
    ("ru", "См. ст. 5 Устава. Итак! Всё ли ясно? Да.",
     ["См. ст. 5 Устава.", "Итак!", "Всё ли ясно?", "Да."]),
    ("ru", "Президент В. В. Иванов выступил. «Мы согласны», сказал он.",
     ["Президент В. В. Иванов выступил.", "«Мы согласны», сказал он."]),
    ("ru", "Культура, образование и т.д. Они согласны. Наука, спорт и т.п., а также туризм.",
     ["Культура, образование и т.д.", "Они согласны.",
      "Наука, спорт и т.п., а также туризм."]),
    ("ru", "Встреча в 2008 г. в Москве, в т.ч. в г. Казани.",
     ["Встреча в 2008 г. в Москве, в т.ч. в г. Казани."]),
    ("en", "Trade, transport, etc. The states agree, etc., and sign.",
     ["Trade, transport, etc.", "The states agree, etc., and sign."]),
    ("zh", "成员国支持合作。成员国愿意加强联系！这是否可行？",
     ["成员国支持合作。", "成员国愿意加强联系！", "这是否可行？"]),
    ("zh", "他说：“我们同意。”然后离开。", ["他说：“我们同意。”", "然后离开。"]),
    ("zh", "第一句。 第二句。", ["第一句。", "第二句。"]),
    ("zh-Hans", "没有句号的文本", ["没有句号的文本"]),
    ("ja", "加盟国は協力する。「合意した。」以上。",
     ["加盟国は協力する。", "「合意した。」", "以上。"]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CASES)
def test_split_sentences(language: str, text: str, expected: list[str]) -> None:
    assert split_sentences(text, language) == expected


def test_blank_text_has_no_sentences() -> None:
    assert split_sentences(" \n\t ", "en") == []


def test_split_normalises_ascii_whitespace_only() -> None:
    text = "One\n sentence\there.\r\nAnother\u00a0one."
    assert split_sentences(text, "en") == ["One sentence here.", "Another\u00a0one."]
    assert normalize_space("  a \t\n b\u00a0 c ") == "a b\u00a0 c"


def test_abbreviation_lists_are_lower_case_data() -> None:
    for word in ABBREVIATIONS | NUMBER_ABBREVIATIONS:
        assert word == word.lower() and not word.endswith(".")
    assert {"mr", "st", "e.g", "i.e", "г", "т.е", "ст"} <= ABBREVIATIONS
    assert {"no", "art"} <= NUMBER_ABBREVIATIONS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The heads of state declare.", "en"),
        ("Главы государств заявляют следующее.", "ru"),
        ("成员国元首声明如下。", "zh"),
        ("成员国元首 SCO 声明如下 Bishkek。", "zh"),
        ("加盟国はこれを宣言する。", "ja"),
        ("", "en"),
        ("2007 – 123", "en"),
        ("The SCO (ШОС) declaration.", "en"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


WORD = st.sampled_from(
    ["states", "peace", "trade", "the", "U.N.", "Mr.", "e.g.", "3.5", "61st", "Art.", "No. 5",
     "Region", "“belts”", "(2006)", "and", "A.", "г.", "Союз", "мир", "states..", "\u00a0x"]
)
PUNCT = st.sampled_from([".", "!", "?", ";", ",", "", ".”", "..", ":"])


@settings(derandomize=True, deadline=None, max_examples=150)
@given(st.lists(st.tuples(st.lists(WORD, min_size=1, max_size=6), PUNCT), min_size=1, max_size=6),
       st.sampled_from([" ", "  ", "\n", " \t"]))
def test_splitting_is_lossless(chunks: list[tuple[list[str], str]], gap: str) -> None:
    text = gap.join(" ".join(words) + punct for words, punct in chunks)
    sentences = split_sentences(text, "en")
    assert " ".join(sentences) == normalize_space(text)
    assert all(s and s == s.strip(" ") for s in sentences)


CJK = st.text(alphabet="成员国支持合作加强联系发展贸易“”「」", min_size=1, max_size=8)


@settings(derandomize=True, deadline=None, max_examples=100)
@given(st.lists(st.tuples(CJK, st.sampled_from(["。", "！", "？", "，", "。”", ""])), min_size=1,
                max_size=6))
def test_cjk_splitting_is_lossless(chunks: list[tuple[str, str]]) -> None:
    text = "".join(body + punct for body, punct in chunks)
    sentences = split_sentences(text, "zh")
    assert "".join(sentences) == text
    assert all(sentences)


# Inline enumerations (illustrative sentences): the number belongs to the sentence it opens.
@pytest.mark.parametrize(("text", "expected"), [
    ("1. The first. 2. The second.", ["1. The first.", "2. The second."]),
    ("They agreed as follows: 1. Trade grows. 2. Transport improves.",
     ["They agreed as follows: 1. Trade grows.", "2. Transport improves."]),
    ("Стороны договорились: 1. Торговля растёт. 2. Транспорт развивается.",
     ["Стороны договорились: 1. Торговля растёт.", "2. Транспорт развивается."]),
    ("The treaty was signed in 2007. 15 states joined later.",
     ["The treaty was signed in 2007. 15 states joined later."]),
    ("Membership grew to 8. New members followed.",
     ["Membership grew to 8.", "New members followed."]),
])
def test_inline_enumerations(text: str, expected: list[str]) -> None:
    assert split_sentences(text, "ru" if text[0] == "С" else "en") == expected


def _language_by_loop(text: str) -> str:
    """The reading `detect_language` had as a loop over characters: the reference."""
    cyrillic = latin = cjk = kana = 0
    for ch in text:
        if is_cjk(ch):
            cjk += 1
            kana += 0x3040 <= ord(ch) <= 0x30FF
        elif "\u0400" <= ch <= "\u04ff":
            cyrillic += 1
        elif ch.isalpha() and ch.isascii():
            latin += 1
    if cjk * 3 > cyrillic + latin:
        return "ja" if kana * 10 > cjk else "zh"
    return "ru" if cyrillic > latin else "en"


@settings(derandomize=True, deadline=None, max_examples=200)
@given(st.text(alphabet=st.sampled_from("aZ9 .é\u0416\u044f\u4e2d\u3042\u30a2\uf900\u3400"
                                        "\U00020001\u00e9\u0100"), max_size=60))
def test_language_counts_by_class_as_the_loop_did(text: str) -> None:
    assert detect_language(text) == _language_by_loop(text)
