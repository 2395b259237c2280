"""The pre-check in front of the site's-talk expression (`ingest.sitetalk._strong`).

`_STRONG` is long, and trying it on every line of a long text cost most of an import; `_strong`
tries it only on a line holding one of `_STRONG_CUES`. The pre-check must never say no where the
expression says yes: the two are held equal on every line of every page under tests/data/import, on
each cue inside a sentence in every case form, and, for the case folding, on every code point
that `re.IGNORECASE` takes for a cue's letter.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from compare.ingest.sitetalk import _CASE_KIN, _STRONG, _STRONG_CUES, TALK_WORDS, _strong

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


def _lines() -> list[str]:
    """Every distinct line of the test inputs as text and with HTML tags taken for breaks,
    short enough for `page_talk` to try (`TALK_WORDS`)."""
    out: set[str] = set()
    for path in sorted(DATA.rglob("*")):
        if path.is_file() and path.suffix in {".txt", ".html", ".htm", ".toml", ".md"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            out.update(text.splitlines(), re.sub(r"<[^>]*>", "\n", text).split("\n"))
    return sorted(line.strip() for line in out if 0 < len(line.split()) <= TALK_WORDS)


def test_the_pre_check_finds_what_the_expression_finds_on_every_test_line() -> None:
    lines = _lines()
    assert len(lines) > 5000
    found = [bool(_STRONG.search(line)) for line in lines]
    assert sum(found) > 100  # the data holds the site's talk, and the test sees it
    assert [line for line, talk in zip(lines, found, strict=True) if _strong(line) != talk] == []


@pytest.mark.parametrize("cue", _STRONG_CUES)
def test_each_cue_in_a_sentence_in_every_case(cue: str) -> None:
    for form in (cue, cue.upper(), cue.title(), cue.capitalize()):
        for line in (form, f"The {form} 12 (3) here: now", f"{form}s: x", f"a {form}ing 2 us"):
            assert _strong(line) == bool(_STRONG.search(line)), line


def test_case_folding_never_hides_a_cue() -> None:
    """Every character the expression's case-blind match takes for a cue's letter is that
    letter after `str.lower` and `_CASE_KIN` (the dotted capital I is let through apart)."""
    letters = sorted({ch for cue in _STRONG_CUES for ch in cue})
    blind = re.compile("(?i)[" + "".join(re.escape(ch) for ch in letters) + "]")
    misses = []
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if code == 0x130 or 0xD800 <= code <= 0xDFFF or not blind.fullmatch(ch):
            continue
        folded = ch.lower().translate(_CASE_KIN)
        for letter in letters:
            if re.fullmatch("(?i)" + re.escape(letter), ch) and folded != letter:
                misses.append((hex(code), letter))
    assert misses == []


def test_the_pre_check_skips_ordinary_clauses() -> None:
    clause = ("The Member States will survey their grain elevators by 2228 and will publish "
              "the share of stored grain lost each year.")
    assert not any(cue in clause.lower() for cue in _STRONG_CUES if cue != " share")
    assert _strong("Ministers met in the capital and signed the agreement.") is False
    assert _strong("Log in to leave a comment") is True
