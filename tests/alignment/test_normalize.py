"""Normalisation: what is folded for matching, what is kept, lossless tokens."""

from __future__ import annotations

import unicodedata
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.alignment.normalize import (
    features,
    invisible_chars,
    is_cjk,
    key_words,
    match_key,
    normalisation_notes,
    strip_invisible,
    tokens,
)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (unicodedata.normalize("NFD", "régime"), unicodedata.normalize("NFC", "régime")),
        ("September\u00a08", "September 8"),
        ("\u201cbelts\u201d and the Organization\u2019s", '"belts" and the Organization\'s'),
        ("states..", "states."),
        ("SCO \u2013 Afghanistan", "SCO - Afghanistan"),
        ("Afghan\u200bistan", "Afghanistan"),
        ("  two   spaces\n", "two spaces"),
        ("\uff33\uff23\uff2f", "SCO"),
        ("`quoted`", "'quoted'"),
        ("\u2764\ufe0f peace", "\u2764 peace"),
    ],
)
def test_equal_after_normalisation(left: str, right: str) -> None:
    assert left != right
    assert match_key(left) == match_key(right)
    assert normalisation_notes(left, right)[0] == "normalisation-only"


@pytest.mark.parametrize(
    ("left", "right"),
    [("Member States", "member states"), ("will", "shall"), ("states", "state"),
     # symbols are text, not punctuation (found by tests/test_fuzz.py: these were "unchanged")
     ("The fund is 5 $ a year.", "The fund is 5 \u20ac a year."),
     ("Warming below 2 \u00b0C.", "Warming below 2 C."),
     ("Temperature < 2 degrees.", "Temperature > 2 degrees."),
     ("A + B.", "A = B."), ("Peace \U0001f600.", "Peace \U0001f621.")],
)
def test_real_changes_are_not_folded(left: str, right: str) -> None:
    assert match_key(left) != match_key(right)


def test_invisible_characters() -> None:
    text = "a\u200bb\u202ec\ufeff"
    assert invisible_chars(text) == ("\u200b", "\u202e", "\ufeff")
    assert strip_invisible(text) == "abc"
    assert normalisation_notes("ab", "a\u200bb") == ("normalisation-only", "invisible-characters")
    assert normalisation_notes("“a”", '"a"') == ("normalisation-only",)
    assert normalisation_notes("same", "same") == ()


@pytest.mark.parametrize(
    "text",
    ["The SCO member states, (hereinafter) - the Republic's.", "上海合作组织 成员国。",
     "Государства-члены ШОС.", "e\u0301 \u00a0x\u200b", "", "\n\t"],
)
def test_tokens_are_lossless(text: str) -> None:
    assert "".join(tokens(text)) == text


def test_tokens_split_words_spaces_marks_and_cjk() -> None:
    assert tokens("SCO's role, 上海") == ["SCO", "'", "s", " ", "role", ",", " ", "上", "海"]
    assert tokens("re\u0301gime") == ["re\u0301gime"]


def test_key_words_and_features() -> None:
    assert key_words("The SCO, “member” states.") == ["The", "SCO", "member", "states"]
    assert key_words("   ") == []
    feats = features("Strengthening cooperation")
    assert "strengthening" in feats and "^stren" in feats and "strengthening cooperation" in feats
    assert features("合作") == ["合", "作", "合 作"]
    assert is_cjk("ШОС 上") and not is_cjk("ШОС")


def test_tag_characters_and_other_format_controls_are_invisible_characters() -> None:
    """Tag characters (U+E0020-E007F) spell hidden text that prints as nothing: they were
    dropped from the key, so a pair with hidden text added was "normalisation-only" without the
    "invisible-characters" note (and without a badge in the report)."""
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "hidden note")
    for extra in (hidden, "\u206a", "\ufff9", "\U0001bca0", "\U0001d173"):
        assert normalisation_notes("peace", "peace" + extra) == (
            "normalisation-only", "invisible-characters")
        assert invisible_chars("a" + extra) == tuple(extra)
    # format characters that print (Arabic number sign) are text, not invisible
    assert invisible_chars("\u0600 12") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u0928\u092e\u0938\u094d\u0924\u0947 \u0926\u0941\u0928\u093f\u092f\u093e",
         ["\u0928\u092e\u0938\u094d\u0924\u0947", " ", "\u0926\u0941\u0928\u093f\u092f\u093e"]),
        ("\u0627\u0644\u0633\u0651\u064e\u0644\u0627\u0645 x",
         ["\u0627\u0644\u0633\u0651\u064e\u0644\u0627\u0645", " ", "x"]),
        ("\U0001f1e8\U0001f1f3 x", ["\U0001f1e8\U0001f1f3", " ", "x"]),
        ("\U0001f44d\U0001f3fd ok", ["\U0001f44d\U0001f3fd", " ", "ok"]),
        ("\u2764\ufe0f a\u20dd", ["\u2764\ufe0f", " ", "a\u20dd"]),
        ("\U0001f468\u200d\U0001f469 x", ["\U0001f468\u200d\U0001f469", " ", "x"]),
    ],
)
def test_a_token_never_starts_with_a_combining_mark(text: str, expected: list[str]) -> None:
    """Devanagari vowel signs, Arabic vowel marks, the second half of a flag, a skin tone, an
    emoji joined by ZWJ were tokens of their own, so a word diff cut a letter from its mark
    (a deleted vowel sign shown alone on a dotted circle)."""
    assert tokens(text) == expected


def test_a_word_diff_keeps_a_letter_with_its_marks() -> None:
    from compare.alignment.worddiff import word_diff

    namaste, cut = "\u0928\u092e\u0938\u094d\u0924\u0947", "\u0928\u092e\u0938\u094d\u0924"
    diff, _ = word_diff(namaste + " x", cut + " x")
    assert diff == ((-1, namaste), (1, cut), (0, " x"))
    diff, _ = word_diff("\U0001f1e8\U0001f1f3 x", "\U0001f1e8\U0001f1e6 x")
    assert diff == ((-1, "\U0001f1e8\U0001f1f3"), (1, "\U0001f1e8\U0001f1e6"), (0, " x"))


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_fast_path_matches_the_general_patterns(text: str) -> None:
    """On ASCII text the short patterns give exactly what the general ones give."""
    _same_as_general_patterns(text)


@settings(derandomize=True, max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    [*"ab Z9_.,;\n\t'\"`-", "\u2018", "\u2019", "\u201c", "\u201d", "\u2033", "\u00ab", "\u00bb",
     "\u2013", "\u2014", "\u2011", "\u2212", "\u00e9", "\u0301", "\u00a0", "\u200b", "\u4e2d",
     "\uff33"]), max_size=40))
def test_quotes_and_dashes_fast_path_matches_the_general_patterns(text: str) -> None:
    """Text whose only non-ASCII characters are folded quotes and dashes takes the ASCII
    patterns (`_plain`); with any other character it takes the general ones: the same result."""
    from compare.alignment import normalize as n

    _same_as_general_patterns(text)
    assert n.is_cjk(text) is ("\u4e2d" in text)


def _same_as_general_patterns(text: str) -> None:
    """Tokens, key words, match key and features of `text` (by whatever path `normalize`
    takes) equal what the general patterns give."""
    from compare.alignment import normalize as n

    assert n.tokens(text) == n._TOKEN.findall(text)
    assert n.key_words(text) == n._KEY_WORD.findall(n._folded(text))
    slow = " ".join(w or s for w, s in n._KEY_TOKEN.findall(n._folded(text))
                    if w or unicodedata.category(s).startswith("S"))
    assert n.match_key(text) == slow
    words = [w.casefold() for w in n._KEY_WORD.findall(n._folded(text))]
    assert n.features(text) == [*words, *("^" + w[:n.PREFIX] for w in words if len(w) > n.PREFIX),
                                *(f"{a} {b}" for a, b in pairwise(words))]
