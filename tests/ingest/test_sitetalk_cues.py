"""The pre-checks in front of the long expressions of the site's talk (`ingest.sitetalk.cued`).

`_STRONG` (the site's own words), `_COPY_STATUS` (what a note says the copy is) and `_URL` are
long, and trying them on every line of a long text cost most of an import; each is tried only
on a line holding one of its literal cues. A pre-check must never say no where its expression
says yes: the two are held equal on every line of every page under tests/data/import, on each
cue inside a sentence in every case form, and, for the case folding, on every code point that
`re.IGNORECASE` takes for a cue's letter.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from compare.ingest.sitetalk import (
    _CASE_KIN,
    _COPY_CUES,
    _COPY_STATUS,
    _STRONG,
    _STRONG_CUES,
    _URL,
    _URL_CUES,
    TALK_WORDS,
    cued,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "import"
EXPRESSIONS = {"strong": (_STRONG, _STRONG_CUES), "copy": (_COPY_STATUS, _COPY_CUES),
               "url": (_URL, _URL_CUES)}


def _lines() -> list[str]:
    """Every distinct line of the test inputs as text and with HTML tags taken for breaks,
    short enough for `page_talk` to try (`TALK_WORDS`)."""
    out: set[str] = set()
    for path in sorted(DATA.rglob("*")):
        if path.is_file() and path.suffix in {".txt", ".html", ".htm", ".toml", ".md"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            out.update(text.splitlines(), re.sub(r"<[^>]*>", "\n", text).split("\n"))
    return sorted(line.strip() for line in out if 0 < len(line.split()) <= TALK_WORDS)


LINES = _lines()


@pytest.mark.parametrize("name", sorted(EXPRESSIONS))
def test_the_pre_check_finds_what_the_expression_finds_on_every_test_line(name: str) -> None:
    pattern, cues = EXPRESSIONS[name]
    assert len(LINES) > 5000
    found = [bool(pattern.search(line)) for line in LINES]
    assert sum(found) > 20  # the data holds what the expression finds, and the test sees it
    assert [line for line, hit in zip(LINES, found, strict=True)
            if hit and not cued(line, cues)] == []


@pytest.mark.parametrize(("name", "cue"), [(name, cue) for name, (_, cues) in
                                           sorted(EXPRESSIONS.items()) for cue in cues])
def test_each_cue_in_a_sentence_in_every_case(name: str, cue: str) -> None:
    pattern, cues = EXPRESSIONS[name]
    for form in (cue, cue.upper(), cue.title(), cue.capitalize()):
        for line in (form, f"The {form} 12 (3) here: now", f"{form}s: x", f"a {form}ing 2 us",
                     f"for {form} purposes", f"x.{form}/y"):
            assert cued(line, cues) or not pattern.search(line), line


def test_case_folding_never_hides_a_cue() -> None:
    """Every character the expressions' case-blind match takes for a cue's letter is that
    letter after `str.lower` and `_CASE_KIN` (the dotted capital I is let through apart)."""
    letters = sorted({ch for _, cues in EXPRESSIONS.values() for cue in cues for ch in cue})
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
    assert cued("LOG\u0130N", ("zzz",))  # the dotted capital I: the expression decides


def test_the_pre_checks_skip_ordinary_clauses() -> None:
    clause = ("The Member States will survey their grain elevators by 2228 and will publish "
              "the yearly figures.")
    assert not any(cued(clause, cues) for _, cues in EXPRESSIONS.values())
    assert cued("Log in to leave a comment", _STRONG_CUES)
    assert cued("Sample text, not an official document.", _COPY_CUES)
    assert cued("See WWW.Example.ORG/page", _URL_CUES) and cued("rail-news.COM", _URL_CUES)
