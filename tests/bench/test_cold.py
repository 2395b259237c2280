"""The bench's in-process runs start cold: every function cache of the package is emptied."""

from __future__ import annotations

from compare.alignment.normalize import match_key
from compare.alignment.worddiff import word_diff
from compare.bench.run import cold
from compare.commitments.lexicon import tokens


def test_cold_empties_the_caches_a_warm_run_would_reuse() -> None:
    match_key("The Member States will cooperate.")
    tokens("The Member States will cooperate.")
    word_diff("The Member States will cooperate.", "The Member States may cooperate.")
    assert cold() >= 3
    assert [f.cache_info().currsize for f in (match_key, tokens, word_diff)] == [0, 0, 0]
