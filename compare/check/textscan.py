"""Check stage, scanners of one text: where quotes, brackets, punctuation and characters go wrong.

Pure functions over a string, each returning `(index, message)` hits in text order; `lint` turns
them into findings located in the file. Nothing here changes the text.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from ..alignment.normalize import INVISIBLE

Hit = tuple[int, str]

_CLOSERS_Q = {"\u201d": "\u201c\u201e", "\u00bb": "\u00ab", "\u300d": "\u300c",
              "\u300f": "\u300e", "\u203a": "\u2039"}
_OPENERS_Q = "\u201c\u00ab\u300c\u300e\u201e\u2039"
_PAIRS_B = {")": "(", "]": "[", "}": "{", "\uff09": "\uff08", "\u3011": "\u3010",
            "\u3015": "\u3014", "\u300b": "\u300a", "\u3009": "\u3008", "\u27e9": "\u27e8"}
_OPENERS_B = "".join(_PAIRS_B.values())
_MARKER = re.compile(r"\s*(?:\d{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})\)\s")


def quotes(text: str) -> list[Hit]:
    """Closing quotes with no opening one before them, and opening ones never closed."""
    stack: list[tuple[str, int]] = []
    out: list[Hit] = []
    for i, ch in enumerate(text):
        if ch == '"':
            if stack and stack[-1][0] == '"':
                stack.pop()
            else:
                stack.append((ch, i))
        elif ch == "\u201c" and stack and stack[-1][0] == "\u201e":
            stack.pop()  # German and Russian inner quotes: „...“
        elif ch in _OPENERS_Q:
            stack.append((ch, i))
        elif ch in _CLOSERS_Q:
            if stack and stack[-1][0] in _CLOSERS_Q[ch]:
                stack.pop()
            else:
                out.append((i, f"closing quote {ch} without an opening one"))
    out += [(i, f"opening quote {ch} never closed") for ch, i in stack]
    return sorted(out)


def brackets(text: str) -> list[Hit]:
    """Closing brackets with no opening one, mismatched pairs, opening ones never closed."""
    skip = _MARKER.match(text)
    stack: list[tuple[str, int]] = []
    out: list[Hit] = []
    for i, ch in enumerate(text):
        if ch in _OPENERS_B:
            stack.append((ch, i))
        elif ch in _PAIRS_B:
            if skip and i == skip.end() - 2:
                continue  # a list marker "a) " written into the text
            if stack and stack[-1][0] == _PAIRS_B[ch]:
                stack.pop()
            elif stack:
                out.append((i, f"closing bracket {ch} does not match {stack[-1][0]}"))
                stack.pop()
            else:
                out.append((i, f"closing bracket {ch} without an opening one"))
    out += [(i, f"opening bracket {ch} never closed") for ch, i in stack]
    return sorted(out)


_DOUBLED = re.compile(r"(?<!\.)\.\.(?!\.)|,,|;;|::|!!|\?\?|\uff0c\uff0c|\u3002\u3002|"
                      r"\uff1b\uff1b|\uff1a\uff1a|\u3001\u3001")


def doubled(text: str) -> list[Hit]:
    """The same punctuation mark twice in a row; an ellipsis (three or more dots) is not."""
    return [(m.start(), f"doubled punctuation {m.group()!r}") for m in _DOUBLED.finditer(text)]


def non_nfc(text: str) -> list[Hit]:
    """Where the text first stops being NFC (one hit at most)."""
    if unicodedata.is_normalized("NFC", text):
        return []
    starts = [i for i, ch in enumerate(text) if unicodedata.combining(ch) == 0] + [len(text)]
    for a, b in itertools.pairwise(starts):
        seg = text[a : b + 1] if b < len(text) else text[a:b]
        if not unicodedata.is_normalized("NFC", seg):
            shown = " ".join(f"U+{ord(c):04X}" for c in text[a:b])
            return [(a, f"text not in NFC: {shown} has a composed form")]
    return [(0, "text not in NFC")]


BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_JOINER_SCRIPTS = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
                             "\u0900-\u0dff\u0f00-\u0fff\u1780-\u17ff]")


def _needed_joiner(text: str, i: int) -> bool:
    """A ZWNJ or ZWJ that a script (Persian, Hindi, ...) or an emoji sequence needs."""
    if text[i] not in "\u200c\u200d" or i == 0:
        return False
    before = text[i - 1]
    return bool(_JOINER_SCRIPTS.match(before)) or ord(before) >= 0x1F000 or (
        text[i] == "\u200d" and unicodedata.category(before) == "So")


def _runs(text: str, chars: frozenset[str], keep: bool = False) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(text):
        if text[i] in chars and (keep or not _needed_joiner(text, i)):
            j = i
            while j < len(text) and text[j] in chars and (keep or not _needed_joiner(text, j)):
                j += 1
            out.append((i, text[i:j]))
            i = j
        else:
            i += 1
    return out


def _names(run: str) -> str:
    seen = dict.fromkeys(run)
    return ", ".join(f"U+{ord(c):04X} {unicodedata.name(c, 'format character')}" for c in seen)


def invisible(text: str) -> list[Hit]:
    """Runs of zero-width and other invisible format characters (not bidi overrides)."""
    return [(i, f"invisible character {_names(run)}")
            for i, run in _runs(text, INVISIBLE - BIDI)]


def bidi(text: str) -> list[Hit]:
    """Runs of bidirectional embedding, override and isolate controls."""
    return [(i, f"bidi control {_names(run)}") for i, run in _runs(text, BIDI, keep=True)]
