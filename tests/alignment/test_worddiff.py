"""Word diff: lossless spans, word granularity, CJK and Cyrillic, the coarse bound."""

from __future__ import annotations

import random
import time
from itertools import pairwise

import pytest

from compare.alignment import worddiff
from compare.alignment.worddiff import left_text, merge_ops, right_text, word_diff

CASES = [
    ("The SCO member states advocate creating a security architecture.",
     "The SCO member states strongly support creating a new security architecture!"),
    ("Государства-члены ШОС выступают за укрепление стабильности.",
     "Государства-члены ШОС последовательно выступают за стабильность."),
    ("上海合作组织成员国主张建立安全架构。", "上海合作组织成员国支持建立新的安全架构。"),
    ("", "Only on the right."),
    ("Only on the left.", ""),
    ("same", "same"),
    ("a\u200bb  c", "ab c"),
]


@pytest.mark.parametrize(("left", "right"), CASES)
def test_lossless(left: str, right: str) -> None:
    diff, coarse = word_diff(left, right)
    assert left_text(diff) == left
    assert right_text(diff) == right
    assert not coarse
    assert all(text for _, text in diff)
    assert all(a[0] != b[0] for a, b in pairwise(diff))


def test_whole_words_change() -> None:
    diff, _ = word_diff("The heads of state note the importance.",
                        "The heads of state stress the importance.")
    assert diff == ((0, "The heads of state "), (-1, "note"), (1, "stress"),
                    (0, " the importance."))


def test_cyrillic_words_are_tokens() -> None:
    diff, _ = word_diff(*CASES[1])
    assert (1, "последовательно ") in diff
    assert (-1, "укрепление стабильности") in diff


def test_chinese_characters_are_tokens() -> None:
    diff, _ = word_diff("成员国主张合作", "成员国支持合作")
    assert diff == ((0, "成员国"), (-1, "主张"), (1, "支持"), (0, "合作"))


def test_deletions_come_before_insertions() -> None:
    diff, _ = word_diff("one two three", "one four three")
    assert [op for op, _ in diff] == [0, -1, 1, 0]


def test_past_the_bound_the_middle_is_coarse_and_flagged() -> None:
    left = "Common start. " + " ".join(f"l{k}" for k in range(300)) + " Common end."
    right = "Common start. " + " ".join(f"r{k}" for k in range(300)) + " Common end."
    diff, coarse = word_diff(left, right, max_tokens=200)
    assert coarse
    assert diff[0] == (0, "Common start. ")
    assert diff[-1] == (0, " Common end.")
    assert [op for op, _ in diff] == [0, -1, 1, 0]
    assert left_text(diff) == left and right_text(diff) == right
    assert word_diff(left, right)[1] is False


def test_merge_ops() -> None:
    assert merge_ops([(0, "a"), (0, "b"), (1, ""), (-1, "c")]) == ((0, "ab"), (-1, "c"))


def _long_paragraph(seed: int, sentences: int = 400) -> list[str]:
    import random

    rng = random.Random(seed)
    words = ["the", "member", "states", "will", "support", "cooperation", "on", "security",
             "economic", "development", "energy", "dialogue", "in", "region", "for", "peace"]
    return [" ".join(rng.choice(words) for _ in range(rng.randint(8, 20))).capitalize() + "."
            for _ in range(sentences)]


def test_a_long_paragraph_with_few_edits_is_diffed_finely_not_coarsely() -> None:
    sents = _long_paragraph(3)
    edited = list(sents)
    edited[10] = "A wholly new sentence appears here."
    del edited[200]
    edited.insert(300, "Inserted sentence about trade.")
    left, right = " ".join(sents), " ".join(edited)
    diff, coarse = word_diff(left, right, max_tokens=500)
    assert not coarse
    assert left_text(diff) == left and right_text(diff) == right
    changed = sum(len(t) for op, t in diff if op)
    assert changed < len(sents[10]) + len(sents[200]) + 80


def test_long_text_without_punctuation_is_chunked_by_content() -> None:
    words = " ".join(_long_paragraph(5, 300)).replace(".", "")
    right = words[:5000] + " three inserted words" + words[5000:]
    diff, coarse = word_diff(words, right, max_tokens=500)
    assert not coarse
    assert [t for op, t in diff if op] == [" three inserted words"] or \
        sum(len(t) for op, t in diff if op) < 60
    assert left_text(diff) == words and right_text(diff) == right


def test_only_the_oversized_run_is_coarse() -> None:
    common = " ".join(_long_paragraph(7, 60))
    left = (common + " " + " ".join(f"l{k}" for k in range(300)) + ". " + common
            + " An extra closing sentence.")
    right = common + " " + " ".join(f"r{k}" for k in range(300)) + ". " + common
    diff, coarse = word_diff(left, right, max_tokens=200)
    assert coarse
    assert diff[-1] == (-1, " An extra closing sentence.")
    assert left_text(diff) == left and right_text(diff) == right


@pytest.mark.parametrize(
    ("left", "right"),
    [("a \U0001f600 b", "a \U0001f621 b"), ("\U00020000\U00020001x", "\U00020000y"),
     ("\U0001f468\u200d\U0001f469 c", "\U0001f468 c"), ("e\u0301\u0301 x", "\u00e9 x")],
)
def test_astral_plane_characters_are_diffed_losslessly(left: str, right: str) -> None:
    diff, coarse = word_diff(left, right)
    assert left_text(diff) == left and right_text(diff) == right and not coarse
    for _, text in diff:  # no span holds half a character (a lone surrogate cannot encode)
        text.encode("utf-8")


def test_tokens_mapped_past_the_surrogate_block_come_back() -> None:
    """70,000 distinct tokens: their characters run past U+D7FF, skip the surrogates, and the
    diff of two texts made of them maps back to the same tokens."""
    toks = [f"w{i} " for i in range(70_000)]
    a, b, back = worddiff._encode(toks, toks[::-1])
    codes = {ord(c) for c in a}
    assert max(codes) > 0xE000 and not any(0xD800 <= c < 0xE000 for c in codes)
    assert worddiff._decode(a, back) == "".join(toks)
    left, right = a[59_000:61_000], a[59_000:60_000] + b[:10] + a[60_500:61_000]
    ops = worddiff._dmp().diff_main(left, right, False)
    assert "".join(worddiff._decode(t, back) for op, t in ops if op <= 0) == "".join(
        toks[59_000:61_000])
    assert "".join(worddiff._decode(t, back) for op, t in ops if op >= 0) == "".join(
        toks[59_000:60_000] + toks[::-1][:10] + toks[60_500:61_000])


def test_more_distinct_chunks_than_characters_is_coarse_not_a_crash(monkeypatch) -> None:
    """Past `CAPACITY` distinct chunks there are no characters left to stand for them (chr()
    raised ValueError): the diff is coarse and flagged instead."""
    assert worddiff._char(worddiff.CAPACITY - 1) == chr(0x10FFFF)
    monkeypatch.setattr(worddiff, "CAPACITY", 50)
    left = " ".join(f"clause{i}." for i in range(400))
    right = " ".join(f"clause{i}." for i in range(1, 401))
    diff, coarse = word_diff(left, right, max_tokens=100)
    assert coarse and left_text(diff) == left and right_text(diff) == right


def test_two_long_unrelated_texts_are_coarse_at_once() -> None:
    """Two unrelated 20,000-word paragraphs: the chunk diff's work grew with the square of the
    length (0.9 s here, 3.9 s at 40,000 words, hours at the input limit); now the lower bound of
    that work (`_least_work`) says at once that the whole middle is a coarse diff."""
    rng = random.Random(1)
    left = " ".join(f"w{rng.randrange(5000)}" for _ in range(20_000))
    right = " ".join(f"w{rng.randrange(5000)}" for _ in range(20_000))
    start = time.perf_counter()
    diff, coarse = word_diff(left, right)
    assert coarse and left_text(diff) == left and right_text(diff) == right
    assert [op for op, _ in diff if op] == [-1, 1]
    assert time.perf_counter() - start < 0.5


def test_a_long_paragraph_with_many_small_edits_is_still_diffed_finely() -> None:
    words = [f"w{(i * 7919) % 5003}" for i in range(40_000)]
    edited = [("edit" if i % 200 == 7 else w) for i, w in enumerate(words)]
    diff, coarse = word_diff(" ".join(words), " ".join(edited))
    assert not coarse and sum(1 for op, t in diff if op == 1 and t == "edit") == 200
