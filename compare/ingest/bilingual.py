"""Import stage, bilingual pages: runs in another script kept apart from the document's sentences.

A page that prints the English text with its Chinese beside it (or a Chinese text with English
glosses) must not fuse the two into one sentence. `language_runs(sentence, language)` cuts one
segmented sentence at the edges of runs in another script: in an English or Russian document a
run of four Han characters or more (with its CJK punctuation) is Chinese (Japanese with kana), in
a Chinese document a run of four Latin words or more is English; a whole sentence of three
words or more in Cyrillic in a Latin-script document is Russian, and one in Latin in a Russian
document English; a whole sentence of two Han characters or more ("谢谢。") is Chinese. Each
run is returned with its BCP 47 tag ("" for the document's own language), Chinese runs split at
their own sentence ends. The words are kept; only the spaces at the cuts go.
"""

from __future__ import annotations

import itertools
import re

from .segment import CJK_LANGUAGES, base_language, split_sentences

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff"
_CJK_PUNCT = "\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019"
_CJK_RUN = re.compile(rf"[{_HAN}{_CJK_PUNCT}0-9]*(?:[{_HAN}][{_CJK_PUNCT}0-9]*){{4,}}"
                      rf"(?:[ ]*[{_HAN}{_CJK_PUNCT}0-9]+)*")
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'\u2019,.;:()\-]*(?: [A-Za-z0-9][A-Za-z0-9'\u2019,.;:!?()"
                        r"\-]*){3,}")


def language_runs(sentence: str, language: str) -> list[tuple[str, str]]:
    """(text, tag) runs of one sentence; tag "" is the document's language."""
    base = base_language(language)
    cjk_doc = base in CJK_LANGUAGES
    pattern = _LATIN_RUN if cjk_doc else _CJK_RUN
    found = list(pattern.finditer(sentence))
    if not found:
        tail = None if cjk_doc else _HAN_TAIL.search(sentence)
        if tail is not None:  # "Thank you. 谢谢。"
            return [(sentence[: tail.start()].strip(), ""), (tail.group().strip(), "zh")]
        return [(sentence, _other_alphabet(sentence, base))]
    out: list[tuple[str, str]] = []
    at = 0
    for m in found:
        before = sentence[at : m.start()].strip()
        if before:
            out.append((before, ""))
        run = m.group().strip()
        tag = "en" if cjk_doc else ("ja" if re.search("[\u3040-\u30ff]", run) else "zh")
        pieces = split_sentences(run, tag)
        out.extend((p, tag) for p in pieces if p)
        at = m.end()
    rest = sentence[at:].strip()
    if rest:
        out.append((rest, ""))
    if all(tag for _, tag in out) and len(out) == 1 and out[0][0] == sentence:
        return [(sentence, out[0][1])]
    return out


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
_WHOLE_HAN = re.compile(rf"[{_CJK_PUNCT}]*(?:[{_HAN}][{_CJK_PUNCT}]*){{2,}}")
"""A short sentence wholly in Han characters ("谢谢。") in a Latin or Cyrillic document."""
_HAN_TAIL = re.compile(rf"(?<=[.!?]) +(?:[{_HAN}][{_CJK_PUNCT}]*){{2,}}$")
"""A short Chinese sentence after the document's own one ends."""
_ALPHABET_WORDS = 3
"""A sentence of at least this many words wholly in the other alphabet is in that language."""


def _other_alphabet(sentence: str, base: str) -> str:
    """"ru" for a whole sentence in Cyrillic in a Latin-script document, "en" for one in Latin
    in a Russian document (a page printing each sentence again in the other language); else
    "". Names and terms inside a sentence do not count: every letter must be of the other
    alphabet."""
    if len(sentence.split()) < _ALPHABET_WORDS and not (
            base not in CJK_LANGUAGES and _WHOLE_HAN.fullmatch(sentence)):
        return ""
    cyrillic, latin = len(_CYRILLIC.findall(sentence)), len(_LATIN.findall(sentence))
    if base == "ru":
        return "en" if latin and not cyrillic else ""
    if base in CJK_LANGUAGES:
        return ""
    if _WHOLE_HAN.fullmatch(sentence):
        return "ja" if re.search("[\u3040-\u30ff]", sentence) else "zh"
    return "ru" if cyrillic and not latin else ""


HALF_WORDS = 3
"""Each half of a title printed in two alphabets has at least this many words."""


def alphabet_halves(title: str, language: str) -> tuple[str, str] | None:
    """(the document's half, the other) of a title printed in Cyrillic and then in Latin
    letters (or the other way round) on one line or two lines joined; None if it is not."""
    words = title.split()
    kinds = ["c" if _CYRILLIC.search(w) and not _LATIN.search(w) else
             "l" if _LATIN.search(w) and not _CYRILLIC.search(w) else "" for w in words]
    lettered = [k for k in kinds if k]
    switches = sum(1 for a, b in itertools.pairwise(lettered) if a != b)
    if switches != 1:
        return None
    first = lettered[0]
    cut = next(i for i, k in enumerate(kinds) if k and k != first)
    left, right = " ".join(words[:cut]), " ".join(words[cut:])
    if min(cut, len(words) - cut) < HALF_WORDS:
        return None
    own = "c" if base_language(language) == "ru" else "l"
    return (left, right) if first == own else (right, left)


def two_scripts(lines: list[str]) -> bool:
    """Two lines, one in Han characters without Latin letters and the other in Latin letters
    without Han: a title printed in Chinese and again in English (either first)."""
    if len(lines) != 2:
        return False
    han = [bool(_HAN_CHAR.search(x)) and not _LATIN.search(x) for x in lines]
    latin = [bool(_LATIN.search(x)) and not _HAN_CHAR.search(x) for x in lines]
    return han in ([True, False], [False, True]) and latin == [not h for h in han]


_HAN_CHAR = re.compile(f"[{_HAN}]")
_LETTER = re.compile(r"[^\W\d_]")


_SCRIPTS = (("han", re.compile(r"[\u3400-\u9fff\uf900-\ufaff]"), 3),
            ("cyrillic", re.compile(r"[\u0400-\u04ff]"), 1), ("latin", re.compile(r"[A-Za-z]"), 1))


def script(x: str) -> str:
    """The script most of a line is written in ("han", "cyrillic", "latin"; a Han character
    counts as three letters, about a short word)."""
    return max(_SCRIPTS, key=lambda s: len(s[1].findall(x)) * s[2])[0]


def primary_language(texts: list[str], detected: str, titles: tuple[str, ...] = ()) -> str:
    """On a page in two scripts (Latin or Cyrillic and Han, each a good share of the text):
    English if one of its `titles` (the heading it prints, its record's title field) is in
    Latin letters only, else the language of the first text that has letters (a page printing
    its title, `texts[0]`, in both languages above the text: of the text under it). On a page
    in Latin and Cyrillic letters, each a good share (at least a third of the other): the
    language of the title if it is in one alphabet only (a Russian text with English glosses,
    an English text with Russian ones); if it is printed in both and the halves are near in
    length (a parallel edition), English. Else `detected`. Counting letters would pick the
    longer half, and the same text runs longer in Russian than in English; the order of the
    halves is the publisher's (the host's language first). English is the language the
    bundled corpus and the commitment phrases are written in: its half is the one compared,
    the other kept as units tagged `ru` or `zh` (`--language` takes the other half instead)."""
    joined = " ".join(texts)
    han = len(_HAN_CHAR.findall(joined))
    letters = len(_LETTER.findall(joined))
    cyrillic = len(_CYRILLIC.findall(joined))
    latin = letters - han
    cjk = 3 * han  # a Han character carries about what a short word does
    if min(latin, cjk) * 3 < max(latin, cjk):
        return _alphabets(texts, latin - cyrillic, cyrillic, detected) if han == 0 else detected
    if any(_LATIN.search(t) and not _HAN_CHAR.search(t) and not _CYRILLIC.search(t)
           for t in titles):
        return "en"  # the page names its English text: that is the one compared
    both = bool(texts) and _HAN_CHAR.search(texts[0]) is not None and _LATIN.search(
        texts[0]) is not None  # a title printed in both languages
    first = (_LETTER.search(" ".join(texts[1:])) if both else None) or _LETTER.search(joined)
    if first is None:
        return detected
    ch = first.group()
    if _HAN_CHAR.match(ch):
        return "zh"
    return "ru" if "\u0400" <= ch <= "\u04ff" else "en"


SHARE = 2
"""Each of the two alphabets of a parallel edition has at least 1/SHARE of the other's letters."""


def _alphabets(texts: list[str], roman: int, cyrillic: int, detected: str) -> str:
    """"ru" or "en" on a text in Cyrillic and Latin letters, each at least a third of the
    other: by the alphabet of a title written wholly in one of them; a title in both over
    halves within `SHARE` of each other (a parallel edition) is English; else `detected`."""
    if not texts or min(roman, cyrillic) * 3 < max(roman, cyrillic):
        return detected
    title_cyr, title_lat = _CYRILLIC.search(texts[0]), _LATIN.search(texts[0])
    if bool(title_cyr) != bool(title_lat):
        return "ru" if title_cyr else "en"
    if title_cyr and min(roman, cyrillic) * SHARE >= max(roman, cyrillic):
        return "en"
    return detected
