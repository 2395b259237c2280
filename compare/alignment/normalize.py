"""Normalise: the explicit foldings used for matching, and the tokenisers of later stages.

Stage two of the alignment pipeline (tokenise, normalise, align, analyse, visualise). Nothing
here changes stored text: `match_key` is the form two units are compared in, `tokens` splits
stored text losslessly for the word diff, `features` gives the words and word prefixes that
`similarity` weights. Every folding is listed here and reported when it is the only difference:

- Unicode compatibility normalisation (NFKC: NFD and NFC agree, NBSP is a space, full-width
  forms are folded);
- zero-width and bidirectional control characters are dropped (``INVISIBLE``);
- typographic quotes, apostrophes and dashes are folded to ASCII, then every punctuation mark
  becomes a space (symbols such as ``$ < + \u00b0`` and emoji stay: they are text);
- runs of whitespace become one space; leading and trailing space is dropped.

Case is kept in the key (a change of case is a change of text); `features` casefolds.
Chinese and Japanese script has no spaces: every CJK character is a token of its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from itertools import pairwise

from ..textfmt import BLANK, DEFAULT_IGNORABLE, INVISIBLE

__all__ = ["BLANK", "DEFAULT_IGNORABLE", "INVISIBLE"]


_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "`": "'",
    }
)

_CJK = (
    "\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\U00020000-\U0002fa1f"
)


def _mark_ranges() -> str:
    """A character-class body of every combining mark (category M) up to U+1FFFF."""
    out, start, cat = [], None, unicodedata.category
    for c in range(0x300, 0x20001):
        if cat(chr(c))[0] == "M":
            start = c if start is None else start
        elif start is not None:
            out.append(f"{chr(start)}-{chr(c - 1)}")
            start = None
    return "".join(out)


@lru_cache(maxsize=1)
def _marks() -> str:
    """Combining marks, variation selectors and emoji skin-tone modifiers: they belong to the
    character before them (Devanagari vowel signs, Arabic vowel marks, an emoji's presentation).
    Built on first use, as are the patterns below: text whose only non-ASCII characters are the
    quotes and dashes that `_FOLD` folds never needs them (see `_plain`)."""
    return _mark_ranges() + "\ufe0e\ufe0f\U0001f3fb-\U0001f3ff"


@cache
def _general(name: str) -> re.Pattern[str]:
    """The general patterns, compiled on first use: `_TOKEN` (lossless tokens), `_KEY_WORD`,
    `_KEY_TOKEN` (words and signs of the key) and `_CJK_CHAR`."""
    if name == "_CJK_CHAR":
        return re.compile(rf"[{_CJK}]")
    marks = _marks()
    word = rf"(?:(?![{_CJK}])\w)(?:(?![{_CJK}])[\w{marks}\u00ad\u200c\u200d])*"
    cluster = rf".[{marks}]*(?:\u200d.[{marks}]*)*"
    sources = {
        "_TOKEN": (rf"[{_CJK}][{marks}]*|{word}|\s+|[\U0001f1e6-\U0001f1ff]{{2}}|{cluster}", re.S),
        "_KEY_WORD": (rf"[{_CJK}]|{word}", 0),
        "_KEY_TOKEN": (rf"([{_CJK}]|{word})|([^\w\s])", 0),
    }
    source, flags = sources[name]
    return re.compile(source, flags)


def __getattr__(name: str) -> object:
    """`_MARKS` and the general patterns as module attributes (the tests compare with them)."""
    if name == "_MARKS":
        return _marks()
    if name in ("_TOKEN", "_KEY_WORD", "_KEY_TOKEN", "_CJK_CHAR"):
        return _general(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def char_class(chars: Iterable[str]) -> str:
    """The body of a regex character class matching `chars`, as sorted ranges: Python's `re`
    tests a class of scattered astral-plane characters one by one, ranges at once."""
    points = sorted(map(ord, chars))
    runs: list[list[int]] = []
    for p in points:
        if runs and p == runs[-1][1] + 1:
            runs[-1][1] = p
        else:
            runs.append([p, p])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                   for a, b in runs)


INVISIBLE_CLASS = char_class(INVISIBLE)
"""`INVISIBLE` as the body of a regex character class."""

_INVISIBLE = re.compile(f"[{INVISIBLE_CLASS}]")
_UNSEEN = re.compile(f"[{char_class(INVISIBLE | BLANK)}]")
"""What prints as nothing or as blank: a change in these is noted ("invisible-characters")."""

_ASCII_PLAIN = not any(_INVISIBLE.match(chr(c)) for c in range(128))
"""Whether ASCII text is free of invisible characters by construction. Then, on ASCII text,
the patterns above reduce to the short ones below (no CJK, no marks, no joiners, NFKC is the
identity), which match the same strings several times faster: the fast path of long texts."""
_ASCII_WORD = re.compile(r"\w+")
_ASCII_WORDS = str.maketrans({c: " " for c in map(chr, range(128)) if not re.match(r"\w", c)})
_ASCII_WORDS_LOWER = str.maketrans({c: (c.lower() if re.match(r"\w", c) else " ")
                                    for c in map(chr, range(128))})
"""On ASCII text, a space for each character that is not a word character (and lower case for
the others): the words of `_ASCII_WORD.findall(text)` (of `text.lower()`) are then
`text.translate(...).split()`, two C loops instead of a regex match per word (most of what
`features` spent)."""
_ASCII_KEY_TOKEN = re.compile(r"(\w+)|([^\w\s])")
_ASCII_TOKEN = re.compile(r"\w+|\s+|.", re.S)
_ASCII_SYMBOLS = "".join(c for c in map(chr, range(128)) if unicodedata.category(c)[0] == "S")
_ASCII_KEPT = re.compile(rf"\w+|[{re.escape(_ASCII_SYMBOLS)}]")
"""On ASCII text, what `match_key` keeps of `_ASCII_KEY_TOKEN`'s tokens in one pass: the words
and the symbols (category S); other marks are dropped as there."""
_ASCII_KEY = str.maketrans({c: f" {c} " for c in _ASCII_SYMBOLS} | {
    c: " " for c in map(chr, range(128)) if not re.match(r"\w", c) and c not in _ASCII_SYMBOLS})
"""`_ASCII_KEPT`'s tokens as `text.translate(_ASCII_KEY).split()`: a symbol set apart by
spaces, other marks a space (as `_ASCII_WORDS`)."""


def _ascii(text: str) -> bool:
    return _ASCII_PLAIN and text.isascii()


def _plain(text: str) -> str | None:
    """`_folded(text)` when it is ASCII and the text needs no NFKC and holds nothing invisible
    (its only non-ASCII characters are quotes and dashes `_FOLD` folds, as in most English
    text): then the ASCII patterns give what the general ones give. Otherwise None."""
    if not _ASCII_PLAIN:
        return None
    folded = text.translate(_FOLD)
    if folded.isascii() and unicodedata.is_normalized("NFKC", text):
        return folded
    return None

PREFIX = 5
"""Length of the word prefixes used as features: a poor man's stemmer for English and Russian."""


def strip_invisible(text: str) -> str:
    """`text` without zero-width and bidi control characters."""
    return _INVISIBLE.sub("", text)


def canonical(text: str) -> str:
    """Text as the analysis reads it (names, commitment phrases): invisible characters dropped,
    NFC, one space between words. Equal to the text itself for ordinary text, so that
    "wi<U+200B>ll" or "Kyrgyz<NBSP>Republic" reads as what it shows."""
    if _ascii(text):  # nothing invisible in ASCII, and NFC keeps it as it is
        return " ".join(text.split())
    return " ".join(unicodedata.normalize("NFC", strip_invisible(text)).split())


def invisible_chars(text: str) -> tuple[str, ...]:
    """The invisible and blank-looking characters in `text`, in order (with repeats)."""
    return tuple(_UNSEEN.findall(text))


def key_words(text: str) -> list[str]:
    """The words of `text` after every folding (case kept): CJK characters one by one."""
    plain = text.translate(_FOLD) if _ascii(text) else _plain(text)
    if plain is not None:
        return plain.translate(_ASCII_WORDS).split()
    return _general("_KEY_WORD").findall(_folded(text))


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKC", strip_invisible(text)).translate(_FOLD)


@lru_cache(maxsize=1 << 16)
def match_key(text: str) -> str:
    """The form in which two texts are equal "after normalisation" (see the module docstring):
    the words, and the symbols (currency, mathematical and other signs, emoji: a change from
    "<" to ">" or from "$" to "\u20ac" is a change of text, not of punctuation)."""
    plain = text.translate(_FOLD) if _ascii(text) else _plain(text)
    if plain is not None:
        return " ".join(plain.translate(_ASCII_KEY).split())  # `_ASCII_KEPT.findall(plain)`
    found = _general("_KEY_TOKEN").findall(_folded(text))
    return " ".join(
        word or sign
        for word, sign in found
        if word or unicodedata.category(sign).startswith("S")
    )


def normalisation_notes(left: str, right: str) -> tuple[str, ...]:
    """Notes for two texts with equal keys, or () when the texts are identical.

    "normalisation-only" when the stored texts differ at all; "invisible-characters" too when
    the zero-width or bidi characters differ.
    """
    if left == right:
        return ()
    return ("normalisation-only", *invisible_notes(left, right))


def invisible_notes(left: str, right: str) -> tuple[str, ...]:
    """("invisible-characters",) when the two texts' invisible characters differ, else ()."""
    return ("invisible-characters",) if invisible_chars(left) != invisible_chars(right) else ()


def tokens(text: str) -> list[str]:
    """Lossless tokens for the word diff: words, runs of space, single marks, CJK characters.

    A combining mark never starts a token (it stays with the character it modifies), nor does
    the second half of a flag or of an emoji joined by ZERO WIDTH JOINER.

    `"".join(tokens(text)) == text` for every string.
    """
    if _ascii(text) or _plain(text) is not None:
        return _ASCII_TOKEN.findall(text)
    return _general("_TOKEN").findall(text)


def features(text: str) -> list[str]:
    """Similarity features: casefolded words, their prefixes, and adjacent word pairs.

    CJK characters count as words, so their pairs are character bigrams.
    """
    if _ascii(text):  # casefold is lower() on ASCII, and keeps the word boundaries; `_FOLD`
        words = text.translate(_ASCII_WORDS_LOWER).split()  # maps no ASCII word character
    else:
        words = [w.casefold() for w in key_words(text)]
    out = words + list(filter(None, map(_prefix, words)))  # the loop in C, a word's once
    out += map(" ".join, pairwise(words))
    return out


@lru_cache(maxsize=1 << 16)
def _prefix(word: str) -> str:
    """The prefix feature of a word longer than `PREFIX` characters ("" for a shorter one):
    a document repeats its words, so each is cut once."""
    return "^" + word[:PREFIX] if len(word) > PREFIX else ""


def is_cjk(text: str) -> bool:
    """True when `text` contains a CJK character (used to describe token choices)."""
    return not text.isascii() and _general("_CJK_CHAR").search(text) is not None
