"""The lexicon's quick paths read as its general patterns: tokens, spans and gaps alike.

`lexicon.tokens` and `lexicon.tokenise` take the general patterns (`TOKEN`, `_SPLIT`, whose CJK
classes take milliseconds to compile) only for text with a character from U+3400 up; text
below it (curly quotes and dashes in English, Cyrillic) goes through `_PLAIN_TOKEN` and
`_PLAIN_SPLIT`, ASCII through `_ASCII_*`. Each must give what the general pattern gives.
"""

from __future__ import annotations

from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from compare.commitments import lexicon
from compare.commitments.config import Rules, load_config
from compare.commitments.lexicon import join_tokens, tokenise, tokens

_ALPHABET = st.sampled_from(list("aZ9_ -'\u2019\u201c\u201d\u2013\u00e9\u0130\u0131\u00df\u0436"
                                 "\u0416\u00b2\u0301\u3002\u33ff\u3400\u4e2d\u9fff\uf900"
                                 "\ufaff\ufb00 ,.:;\t\n"))


def _general(text: str) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...], tuple[str, ...]]:
    found = list(lexicon.TOKEN.finditer(text))
    spans = tuple(m.span() for m in found)
    gaps = tuple(text[spans[k - 1][1] : spans[k][0]] if k else "" for k in range(len(spans)))
    return tuple(m.group(0).lower() for m in found), spans, gaps


@settings(max_examples=400, deadline=None)
@given(st.text(_ALPHABET, max_size=40))
def test_tokens_and_tokenise_read_as_the_general_pattern(text: str) -> None:
    toks, spans, gaps = _general(text)
    assert tokens(text) == toks
    s = tokenise(text)
    assert (s.toks, s.spans, s.gaps) == (toks, spans, gaps)


def test_plain_text_compiles_no_general_pattern() -> None:
    lexicon._general.cache_clear()
    tokens("The \u201cSCO\u201d member states\u2019 co\u2013operation; \u0413\u043e\u0441\u0443")
    tokenise("\u201cThey will\u201d \u2013 \u0436\u0435\u043b\u0430\u044e\u0442")
    assert lexicon._general.cache_info().currsize == 0


def test_join_tokens_spaces_as_the_cjk_pattern() -> None:
    cases = [("a", "b"), ("\u4e2d", "\u56fd"), ("a", "\u4e2d"), ("\u0436", "\u4e2d"),
             ("\u0436", "\u0436"), ("\u33ff", "\u3400"), ("\ufaff", "\ufb00"), ("\u9fff", "x"),
             ("\u4e2d\u56fd", "\u4e2d")]
    for a, b in cases:
        want = " " if not (lexicon._CJK_CHAR.fullmatch(a) or lexicon._CJK_CHAR.fullmatch(b)) \
            or (a.isascii() and b.isascii()) else ""
        assert join_tokens((a, b)) == a + want + b


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(alphabet="aZ09 _-'\t.,", max_size=20))
def test_tokens_of_ascii_words_and_spaces_are_the_token_pattern_s(text: str) -> None:
    tokens.cache_clear()
    assert tokens(text) == _general(text)[0]


def _loose_by_entry(idx: lexicon.Index, toks: tuple[str, ...], i: int,
                    optional: frozenset[str]) -> tuple[int, str] | None:
    """`match_loose` entry by entry: each next word at the first place it stands, past
    optional words only; the longest end."""
    if i >= len(toks) or toks[i] in optional:
        return None
    best = None
    for entry in (e for entries in idx.values() for e, _ in entries if e[0] == toks[i]):
        k, ok = i + 1, True
        for want in entry[1:]:
            while k < len(toks) and toks[k] != want and toks[k] in optional:
                k += 1
            if k >= len(toks) or toks[k] != want:
                ok = False
                break
            k += 1
        if ok and (best is None or k > best):
            best = k
    return None if best is None else (best, join_tokens(toks[i:best]))


@cache
def _en_rules() -> Rules:
    rules = load_config(environ={}).rules("en")
    assert rules is not None
    return rules


@settings(max_examples=400, derandomize=True, deadline=None)
@given(st.lists(st.sampled_from(["subject", "to", "the", "availability", "of", "funds", "in",
                                 "accordance", "with", "their", "as", "appropriate", "where",
                                 "possible", "and", "step", "by", "all", "x"]), max_size=10))
def test_match_loose_is_the_longest_loose_entry(toks: list[str]) -> None:
    rules, t = _en_rules(), tuple(toks)
    for i in range(len(t) + 1):
        assert lexicon.match_loose(rules.hedges, t, i, rules.optional) == _loose_by_entry(
            rules.hedges, t, i, rules.optional)


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=40))
def test_start_and_end_are_the_spans(text: str) -> None:
    s = tokenise(text)
    assert tuple((s.start(k), s.end(k)) for k in range(len(s.toks))) == s.spans


def test_records_made_as_dicts_are_the_dataclasses() -> None:
    from dataclasses import fields

    from compare.commitments.lexicon import Tokenised
    from compare.commitments.passive import Clause

    s = tokenise("The member states, firmly, will act.")
    assert s == Tokenised(s.text, s.toks, s.gaps, s.parts) and hash(s) == hash(
        Tokenised(s.text, s.toks, s.gaps, s.parts))
    assert tuple(vars(s)) == tuple(f.name for f in fields(Tokenised))
    made = Clause.made(0, "the member states", (4, 6), "will", False, ("firmly",))
    plain = Clause(0, "the member states", (4, 6), "will", False, ("firmly",))
    assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
    assert tuple(vars(made)) == tuple(f.name for f in fields(Clause))
