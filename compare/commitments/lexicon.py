"""Analyse stage, the words of a sentence: tokens, and phrase lists matched token by token.

The bottom of the commitment reader, importing nothing of the package: `tokenise` cuts a sentence
into lower-cased word tokens (each Chinese character is one) with their spans in the text;
an `Index` maps a first token to the (tokens, value) entries starting with it, longest first,
and holds them as a trie, so `match` finds the longest entry at a token in one walk along the
text and `scan` finds every entry of a stretch in one pass, left to right, trying only the tokens
an entry starts with. `config` compiles the phrase lists into indexes;
`grammar` and `read` only look them up. Its last part: the English forms of a listed phrase (its
third person, past and participle), which `config` indexes beside it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from itertools import accumulate
from typing import Any

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_APOSTROPHES = "'\u2019"
_SOURCES = {
    "TOKEN": rf"[{_CJK}]|[^\W{_CJK}]+(?:[{_APOSTROPHES}\-][^\W{_CJK}]+)*",
    "_SPLIT": rf"([{_CJK}]|[^\W{_CJK}]+(?:[{_APOSTROPHES}\-][^\W{_CJK}]+)*)",
    "_CJK_CHAR": rf"[{_CJK}]",
}
"""The general patterns: `TOKEN` (a word token), `_SPLIT` (`TOKEN` as a group: `split` gives
gap, token, gap, ..., token, gap in one call) and `_CJK_CHAR`. Compiled on first use (their
classes take milliseconds to compile): ASCII text needs none of them (`_ASCII_TOKEN`)."""
_ASCII_TOKEN = re.compile(r"\w+(?:['\-]\w+)*")
_ASCII_SPLIT = re.compile(r"(\w+(?:['\-]\w+)*)")
"""`TOKEN` and `_SPLIT` on ASCII text, where they match the same: no CJK character there, the
only apostrophe is "'", and `\\w` is `[^\\W{_CJK}]`. Faster to run and to compile."""
_BELOW_CJK = "\u3400"
_PLAIN_TOKEN = re.compile(rf"\w+(?:[{_APOSTROPHES}\-]\w+)*")
_PLAIN_SPLIT = re.compile(rf"(\w+(?:[{_APOSTROPHES}\-]\w+)*)")
"""`TOKEN` and `_SPLIT` on text with no character from U+3400 up (`_CJK` starts there): a
curly quote or a dash in English, Cyrillic. There `[^\\W{_CJK}]` is `\\w` and `[{_CJK}]` never
matches, so they match the same; they compile in a fraction of a millisecond, where each class
of CJK ranges takes milliseconds (its ranges are expanded character by character)."""


def _plain(text: str) -> bool:
    return max(text) < _BELOW_CJK


@cache
def _general(name: str) -> re.Pattern[str]:
    return re.compile(_SOURCES[name])


def __getattr__(name: str) -> object:
    """`TOKEN`, `_SPLIT` and `_CJK_CHAR` as module attributes (compiled on first use)."""
    if name in _SOURCES:
        return _general(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


Tokens = tuple[str, ...]
Entries = tuple[tuple[Tokens, str], ...]


Node = tuple[str | None, dict[str, "Node"]]
"""A trie node: the value of the entry ending here (None: none does), the next tokens."""


class Index(dict[str, Entries]):
    """Entries (tokens, value) by first token, longest first; with, for `match`, the entries
    as a trie of tokens, so the longest entry at a token is found in one walk along the text
    instead of a comparison per entry."""

    def __init__(self, grouped: Mapping[str, Entries] | None = None) -> None:
        super().__init__(grouped or {})
        self.trie = _trie([entry for entries in self.values() for entry in entries])


def _trie(entries: list[tuple[Tokens, str]]) -> dict[str, Node]:
    """The trie of non-empty token tuples, each with its value (the first given for a tuple):
    built by inserting each entry along its path, then frozen into `Node` tuples."""
    root: dict[str, list[Any]] = {}
    for toks, value in entries:
        children, node = root, None
        for t in toks:
            if (node := children.get(t)) is None:
                node = children[t] = [None, {}]
            children = node[1]
        if node is not None and node[0] is None:
            node[0] = value
    return _frozen(root)


def _frozen(children: dict[str, list[Any]]) -> dict[str, Node]:
    return {t: (node[0], _frozen(node[1]) if node[1] else {}) for t, node in children.items()}


@lru_cache(maxsize=1 << 14)
def tokens(text: str) -> Tokens:
    """Lower-cased word tokens; each Chinese character is a token of its own. Cached: the
    objects and phrases of commitments repeat across the two sides and the clauses."""
    if text.isascii():  # lower-casing ASCII keeps every character's place and word class
        if text.replace(" ", "").isalnum():  # letters, digits and spaces: the words are tokens
            return tuple(text.lower().split())
        return tuple(_ASCII_TOKEN.findall(text.lower()))
    found = (_PLAIN_TOKEN if _plain(text) else _general("TOKEN")).findall(text)
    return tuple([t.lower() for t in found])


@dataclass(frozen=True)
class Tokenised:
    """A sentence's text, its lower-cased word tokens and each token's (start, end) in the text."""

    text: str
    toks: Tokens
    gaps: tuple[str, ...] = ()
    """gaps[k]: the text between token k-1 and token k ("" before the first)."""
    parts: tuple[str, ...] = ()
    """The text cut as gap, token, gap, ..., token, gap (lower-cased when ASCII: same lengths)."""

    @cached_property
    def ends(self) -> tuple[int, ...]:
        """Where each part ends in the text (0 first): token k spans ends[2k+1]:ends[2k+2].
        Worked out on first use, by the reader of a sentence that holds a commitment (most
        sentences hold none), which asks `start` and `end` of a few tokens."""
        return tuple(accumulate(map(len, self.parts), initial=0))

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Each token's (start, end) in the text."""
        ends = self.ends
        return tuple(zip(ends[1:-1:2], ends[2::2], strict=True))

    def start(self, k: int) -> int:
        """`spans[k][0]`."""
        return self.ends[2 * k + 1]

    def end(self, k: int) -> int:
        """`spans[k][1]`."""
        return self.ends[2 * k + 2]


def tokenise(text: str) -> Tokenised:
    ascii_text = text.isascii()  # lower-cased first: ASCII keeps its length and word classes
    parts = (_ASCII_SPLIT.split(text.lower()) if ascii_text
             else (_PLAIN_SPLIT if _plain(text) else _general("_SPLIT")).split(text))
    if len(parts) == 1:
        return Tokenised(text, (), ())
    words = parts[1::2]
    out = object.__new__(Tokenised)  # the fields set as its dict: cheaper than the frozen init
    out.__dict__.update(text=text, toks=tuple(words if ascii_text else [w.lower() for w in words]),
                        gaps=("", *parts[2:-1:2]),  # no letters in a gap: lower-casing kept it
                        parts=tuple(parts))
    return out


def index(pairs: list[tuple[Tokens, str]]) -> Index:
    """Entries (tokens, value) by first token, longest first, in a deterministic order; the
    first value given for a token tuple wins."""
    seen: dict[Tokens, str] = {}
    for toks, value in pairs:
        if toks and toks not in seen:
            seen[toks] = value
    grouped: dict[str, list[tuple[Tokens, str]]] = {}
    for toks, value in seen.items():
        grouped.setdefault(toks[0], []).append((toks, value))
    return Index({k: tuple(sorted(v, key=lambda p: (-len(p[0]), p[0])))
                  for k, v in grouped.items()})


def match(idx: Index, toks: Tokens, i: int) -> tuple[int, str] | None:
    """The longest entry of `idx` starting at token `i`: (end, value), or None."""
    if i >= len(toks) or (node := idx.trie.get(toks[i])) is None:
        return None
    k, n = i + 1, len(toks)
    best = None if node[0] is None else (k, node[0])
    while node[1] and k < n and (node := node[1].get(toks[k])) is not None:
        k += 1
        if node[0] is not None:
            best = (k, node[0])
    return best


def match_loose(idx: Index, toks: Tokens, i: int, optional: frozenset[str]
                ) -> tuple[int, str] | None:
    """Like `match`, but words of `optional` ("the", "their") in the text may be skipped where
    the entry lacks them ("subject to the availability of funds" matches "subject to availability
    of funds"); the value is the text's own words, lower-cased. The longest end over every entry
    that matches, found in one walk of the trie: past an entry's token at k, its next token is
    matched at the first of k, k+1, ... that holds it, the text's tokens before it all optional."""
    n = len(toks)
    if i >= n or toks[i] in optional or (node := idx.trie.get(toks[i])) is None:
        return None
    best = i + 1 if node[0] is not None else None
    if not node[1] or i + 1 == n or (toks[i + 1] not in node[1] and toks[i + 1] not in optional):
        # no entry goes on with the next token, nor past it: the walk below would stop there
        return None if best is None else (best, toks[i])  # one token, joined as itself
    stack = [(node[1], i + 1)]
    while stack:
        children, k = stack.pop()
        if not children:
            continue
        seen: set[str] = set()
        for j in range(k, n):
            t = toks[j]
            if t not in seen:
                seen.add(t)
                if (child := children.get(t)) is not None:
                    if child[0] is not None and (best is None or j + 1 > best):
                        best = j + 1
                    stack.append((child[1], j + 1))
            if t not in optional:
                break
    return (best, join_tokens(toks[i:best])) if best is not None else None


def match_skipping(idx: Index, toks: Tokens, i: int, skip: frozenset[str]
                   ) -> tuple[int, str] | None:
    """Like `match`, but single words of `skip` may stand inside the entry ("are fully ready"
    matches "are ready"); the first word must be the entry's own."""
    if i >= len(toks) or not skip:
        return None
    for entry, value in idx.get(toks[i], ()):
        k, ok = i + 1, len(entry) > 1
        for want in entry[1:]:
            while k < len(toks) and toks[k] != want and toks[k] in skip:
                k += 1
            if k >= len(toks) or toks[k] != want:
                ok = False
                break
            k += 1
        if ok:
            return k, value
    return None


def scan(idx: Index, toks: Tokens, lo: int = 0, hi: int | None = None,
         optional: frozenset[str] | None = None) -> tuple[tuple[int, int, str], ...]:
    """Every entry of `idx` in toks[lo:hi], left to right, not overlapping: (start, end, value);
    with `optional`, matched loosely and valued in the text's own words. One pass."""
    out: list[tuple[int, int, str]] = []
    i, end = lo, len(toks) if hi is None else hi
    if idx.keys().isdisjoint(toks if lo == 0 and end == len(toks) else toks[lo:end]):
        # most sentences hold no hedge, say
        return ()
    for k in [k for k in range(lo, end) if toks[k] in idx]:  # only these can start an entry
        if k < i:
            continue
        hit = match(idx, toks, k) if optional is None else match_loose(idx, toks, k, optional)
        if hit and hit[0] <= end:
            out.append((k, hit[0], hit[1]))
            i = hit[0]
        else:
            i = k + 1
    return tuple(out)


def distinct(found: tuple[tuple[int, int, str], ...]) -> tuple[str, ...]:
    """The distinct values of `scan`'s hits, in order."""
    return tuple(dict.fromkeys(v for _, _, v in found)) if found else ()


def join_tokens(toks: Tokens) -> str:
    """Tokens as text: a space between words, none beside a Chinese character."""
    out = ""
    for t in toks:
        gap = out and ((t.isascii() and out[-1].isascii()) or not (
            _cjk_char(t) or _cjk_char(out[-1])))
        out += (" " if gap else "") + t
    return out


def _cjk_char(text: str) -> bool:
    """`_CJK_CHAR.fullmatch(text)`, without compiling it: one character in a `_CJK` range."""
    return len(text) == 1 and ("\u3400" <= text <= "\u4dbf" or "\u4e00" <= text <= "\u9fff"
                               or "\uf900" <= text <= "\ufaff")


# --- English forms of a listed phrase (`config` lists each phrase's forms) ---------------------

_SINGULAR = {"are": "is", "have": "has", "their": "its", "themselves": "itself"}


def variants(phrase: str) -> tuple[str, ...]:
    """A phrase, its third-person singular ("stand ready" -> "stands ready") and its regular
    past ("express their readiness" -> "expressed their readiness")."""
    words = phrase.split()
    if not words or not words[0].isascii() or words[0].endswith("ed") or words[0] in _MODALS:
        return (phrase,)
    head, rest = words[0], words[1:]
    if head in _SINGULAR:
        third = _SINGULAR[head]
    elif head.endswith(("s", "sh", "ch", "x")):
        third = head + "es"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        third = head[:-1] + "ies"
    else:
        third = head + "s"
    consonant_y = head.endswith("y") and head[-2:-1] not in "aeiou"
    past = head[:-1] + "ied" if consonant_y else head + ("d" if head.endswith("e") else "ed")
    singular = [_SINGULAR.get(w, w) if w in ("their", "themselves") else w for w in rest]
    out = [phrase, " ".join([third, *singular])]
    if head not in _SINGULAR:
        out += [" ".join([past, *rest]), " ".join([past, *singular])]
    return tuple(out)


_NO_GERUND = frozenset({"are", "have", "is", "has", "it", "hope", "value", "regard", "accept"})


def gerund(phrase: str) -> str:
    """A phrase with its first word as a participle ("note that" -> "noting that"), or ""
    for a modal, a past form or a word that is not a verb of its own."""
    words = phrase.split()
    head = words[0] if words else ""
    if not head.isascii() or head in _MODALS or head in _NO_GERUND or head.endswith("ed"):
        return ""
    stem = head[:-1] if head.endswith("e") and not head.endswith("ee") else head
    return " ".join([stem + "ing", *words[1:]])


_MODALS = frozenset({"will", "shall", "must", "can", "may", "should", "would"})
