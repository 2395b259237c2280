# ruff: noqa: RUF001
"""The model: units flatten in document order; sentences join as their script writes them."""

from __future__ import annotations

from compare.model import Sentence, join_sentences


def sentences(*texts: str) -> tuple[Sentence, ...]:
    return tuple(Sentence(f"s_{i}", t) for i, t in enumerate(texts, 1))


def test_latin_and_cyrillic_sentences_join_with_one_space() -> None:
    assert join_sentences(sentences("One.", "Two?", "Три.")) == "One. Two? Три."


def test_full_width_terminals_join_without_space() -> None:
    assert join_sentences(sentences("第一句。", "第二句！", "「引用。」", "完")) == \
        "第一句。第二句！「引用。」完"


def test_mixed_text_keeps_the_space_after_latin() -> None:
    assert join_sentences(sentences("SCO.", "上海合作组织。", "End.")) == "SCO. 上海合作组织。End."


def test_empty() -> None:
    assert join_sentences(()) == ""
