"""The ASCII fast paths give exactly what the general ones give (speed work must not change a
result): the similarity features, the match key, the commitment tokens and the candidates."""

from __future__ import annotations

import unicodedata
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from compare.alignment import normalize
from compare.alignment.similarity import Index, Space
from compare.commitments import lexicon

ASCII = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=127), max_size=80)
WORDY = st.lists(st.sampled_from(["Will", "won't", "co-operate", "_x", "42", "a-", "-b", "'s",
                                  "$5", "<", "`q`", "~", "|", "state's", " ", "\t", ", ", "."]),
                 max_size=30).map("".join)


def _features_general(text: str) -> list[str]:
    """`features` as written before its ASCII path skipped `_FOLD`."""
    words = normalize._ASCII_WORD.findall(text.translate(normalize._FOLD).lower())
    out = list(words)
    out.extend(["^" + w[: normalize.PREFIX] for w in words if len(w) > normalize.PREFIX])
    out.extend([a + " " + b for a, b in pairwise(words)])
    return out


def _key_general(plain: str) -> str:
    found = normalize._ASCII_KEY_TOKEN.findall(plain)
    return " ".join(w or s for w, s in found if w or unicodedata.category(s).startswith("S"))


@settings(max_examples=300)
@given(st.one_of(ASCII, WORDY))
def test_ascii_features_and_key(text: str) -> None:
    assert normalize.features(text) == _features_general(text)
    normalize.match_key.cache_clear()
    assert normalize.match_key(text) == _key_general(text.translate(normalize._FOLD))


@settings(max_examples=300)
@given(st.one_of(ASCII, WORDY))
def test_ascii_canonical(text: str) -> None:
    general = " ".join(unicodedata.normalize("NFC", normalize.strip_invisible(text)).split())
    assert normalize.canonical(text) == general


def test_fold_maps_no_ascii_word_character() -> None:
    for c in map(chr, range(128)):
        if c.isalnum() or c == "_":
            assert c.translate(normalize._FOLD) == c


@settings(max_examples=300)
@given(st.one_of(ASCII, WORDY))
def test_ascii_tokens(text: str) -> None:
    general = lexicon._general("_SPLIT")
    for t in (text, text.lower()):
        assert lexicon._ASCII_SPLIT.split(t) == general.split(t)
        assert lexicon._ASCII_TOKEN.findall(t) == lexicon._general("TOKEN").findall(t)
    assert lexicon.join_tokens(lexicon.tokens(text)) == " ".join(lexicon.tokens(text))


def test_join_tokens_beside_chinese() -> None:
    assert lexicon.join_tokens(("the", "上", "海", "group", "x")) == "the上海group x"


def test_candidates_asked_again_answer_alike() -> None:
    texts = ["trade and transport links", "transport corridors and trade", "energy security",
             "trade links", "security of energy supply", "transport and trade links"]
    space = Space(texts)
    vecs = [space.vector(t) for t in texts]
    index = Index(vecs, max_df=3)
    first = [index.candidates(v, 2) for v in vecs]
    fresh = Index(vecs, max_df=3)
    assert [index.candidates(v, 2) for v in vecs] == first
    assert [fresh.candidates(v, 2) for v in reversed(vecs)] == first[::-1]
    other = space.vector("energy supply")
    assert index.candidates(other, 2) == Index(vecs, max_df=3).candidates(other, 2)


def test_entity_pattern_finds_what_the_plain_alternation_finds() -> None:
    import re
    from pathlib import Path

    from compare.commitments.entities import _alias_pattern, load_entities
    from compare.store.xmlio import load

    pattern, by_alias = _alias_pattern(load_entities())
    body = "|".join(re.escape(a) for a in sorted(by_alias, key=lambda a: (-len(a), a)))
    plain = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
    root = Path(__file__).resolve().parents[2] / "declarations"
    texts = [s.text for p in sorted(root.glob("*.xml")) for u in load(p).units()
             for s in u.sentences]
    texts += [f"{x}{a}{y}" for a in list(by_alias)[:20] for x in ("", "-", "a", " ", "(")
              for y in ("", "-", "s", ".", " and")]
    assert len(texts) > 200
    for t in texts:
        assert [m.span() for m in pattern.finditer(t)] == [m.span() for m in plain.finditer(t)]


@settings(max_examples=400)
@given(st.lists(st.sampled_from("ab "), max_size=60), st.lists(st.sampled_from("ab "),
                                                                 max_size=60))
def test_common_prefix_and_suffix(a: list[str], b: list[str]) -> None:
    from compare.alignment.worddiff import _common

    n = min(len(a), len(b))
    p = next((k for k in range(n) if a[k] != b[k]), n)
    s = next((k for k in range(n - p) if a[-1 - k] != b[-1 - k]), n - p)
    assert _common(a, b) == (p, s)
    long_a, long_b = a * 5 + ["x"] + a * 3, a * 5 + ["y"] + a * 3
    m = len(a) * 5
    assert _common(long_a, long_b) == (m, len(a) * 3)


@settings(max_examples=300)
@given(st.one_of(ASCII, WORDY, st.text(alphabet="ab \u201c\u201d\u2013\u2019.,$", max_size=30)))
def test_ascii_key_words(text: str) -> None:
    """The words of plain text (`_ASCII_WORDS` by translation) are `_ASCII_WORD`'s matches."""
    plain = normalize._plain(text)
    if plain is not None:
        assert normalize.key_words(text) == normalize._ASCII_WORD.findall(plain)
