"""Word diff: diff-match-patch over word tokens, lossless and bounded.

Stage four of the alignment pipeline, run only for pairs whose text changed. Both texts are cut
into lossless tokens (`normalize.tokens`: words, runs of space, single marks, one token per CJK
character), each distinct token is mapped to one character (diff-match-patch's linesToChars
trick), the character strings are diffed with ``Diff_Timeout = 0`` (Myers, machine-independent)
and a semantic cleanup, the characters are mapped back to tokens, and each lone edit is slid
to the best boundary nearby (diff-match-patch's lossless semantic shift: sentence ends before
spaces before punctuation before mid-word).

The result is lossless: the equal and delete spans concatenate to the left text, the equal and
insert spans to the right text. Work is bounded deterministically: the common prefix and
suffix of tokens are peeled off first; when what remains has more than `MAX_TOKENS` tokens it is
cut into chunks (after sentence-final punctuation, and after tokens picked by a fixed hash of
their text, so that the cuts do not shift when text is inserted before them), the chunk
sequences are diffed first, and each changed run of chunks is diffed word by word. Only a run
that is itself longer than `MAX_TOKENS` tokens is reported as one deletion and one insertion,
with the note "coarse-diff"; so is the whole middle when the chunk diff itself would be too
much work (`CHUNK_WORK`: long texts that share few chunks). Diffs are kept for the last
`CACHED` distinct text pairs: a unit of one sentence is diffed as a unit and as a sentence.
"""

from __future__ import annotations

import zlib
from collections import Counter
from functools import lru_cache

from diff_match_patch import diff_match_patch

from ..model import Diff
from .normalize import tokens

MAX_TOKENS = 2000
"""Largest number of differing tokens (both sides) diffed word by word; beyond it: coarse."""

CHUNK_WORK = 4_000_000
"""Largest lower bound of the chunk diff's work (`_least_work`, about half a second); past it
the two texts are mostly different anyway and the whole middle is coarse: two long unrelated
paragraphs would otherwise take time growing with the square of their length."""

CACHED = 4096
"""Distinct (left, right, max_tokens) word diffs kept (least recently used dropped)."""

_BASE = 0x100
CAPACITY = 0x110000 - _BASE - 0x800
"""Distinct tokens (or chunks) one diff can map to characters: code points from `_BASE` up,
the surrogate block skipped. A chunk diff with more distinct chunks than this is coarse."""


def _dmp() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    return dmp


def _char(n: int) -> str:
    code = _BASE + n
    if code >= 0xD800:  # skip the surrogate block
        code += 0x800
    return chr(code)


def _encode(left: list[str], right: list[str]) -> tuple[str, str, list[str]]:
    table: dict[str, str] = {}
    back: list[str] = []

    def enc(toks: list[str]) -> str:
        out = []
        for t in toks:
            c = table.get(t)
            if c is None:
                c = table[t] = _char(len(back))
                back.append(t)
            out.append(c)
        return "".join(out)

    return enc(left), enc(right), back


def _common(a: list[str], b: list[str]) -> tuple[int, int]:
    """The lengths of the common prefix and of the common suffix after it (runs of `_RUN`
    tokens compared at once, then token by token)."""
    n, la, lb = min(len(a), len(b)), len(a), len(b)
    p = 0
    while p + _RUN <= n and a[p : p + _RUN] == b[p : p + _RUN]:
        p += _RUN
    while p < n and a[p] == b[p]:
        p += 1
    s = 0
    while s + _RUN <= n - p and a[la - s - _RUN : la - s] == b[lb - s - _RUN : lb - s]:
        s += _RUN
    while s < n - p and a[-1 - s] == b[-1 - s]:
        s += 1
    return p, s


_RUN = 16


def merge_ops(ops: list[tuple[int, str]]) -> Diff:
    """Drop empty spans and join neighbours with the same op (deletions before insertions)."""
    out: list[tuple[int, str]] = []
    for op, text in ops:
        if not text:
            continue
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))
    return tuple(out)


@lru_cache(maxsize=CACHED)
def word_diff(left: str, right: str, max_tokens: int = MAX_TOKENS) -> tuple[Diff, bool]:
    """The word-level diff of two texts and whether it was coarsened (past `max_tokens`)."""
    if left == right:
        return merge_ops([(0, left)]), False
    lt, rt = tokens(left), tokens(right)
    p, s = _common(lt, rt)
    lm, rm = lt[p : len(lt) - s], rt[p : len(rt) - s]
    head, tail = "".join(lt[:p]), "".join(lt[len(lt) - s :])
    if len(lm) + len(rm) > max_tokens:
        middle, coarse = _chunked(lm, rm, max_tokens)
    else:
        middle, coarse = _tokens_diff(lm, rm), False
    body = list(merge_ops([(0, head), *middle, (0, tail)]))
    _dmp().diff_cleanupSemanticLossless(body)
    return merge_ops(_order(body)), coarse


def _tokens_diff(lm: list[str], rm: list[str]) -> list[tuple[int, str]]:
    """Myers over tokens (each distinct token one character), then a semantic cleanup."""
    a, b, back = _encode(lm, rm)
    dmp = _dmp()
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    return [(op, _decode(t, back)) for op, t in diffs]


_TERMINALS = frozenset(".!?;\u3002\uff01\uff1f\uff1b")
_CUT_EVERY = 16
"""A word ends a chunk when the CRC-32 of it and the two words before it is a multiple of this
(about one word in 16): cut points depend only on nearby text, so they do not shift when text
is inserted or deleted elsewhere."""


def _chunks(toks: list[str]) -> list[str]:
    """Cut tokens into chunks at content-defined points (stable under insertions)."""
    out: list[str] = []
    start = 0
    window: list[str] = []
    for i, t in enumerate(toks):
        if t[:1].isalnum():
            window = [*window[-2:], t]
        cut = t[:1].isalnum() and zlib.crc32("\x00".join(window).encode()) % _CUT_EVERY == 0
        if cut or t in _TERMINALS:
            out.append("".join(toks[start : i + 1]))
            start = i + 1
    if start < len(toks):
        out.append("".join(toks[start:]))
    return out


def _least_work(ca: list[str], cb: list[str]) -> int:
    """A lower bound of the Myers work on two chunk sequences: their length times the least
    number of edits (chunks not shared, counted as multisets)."""
    n = len(ca) + len(cb)
    return n * (n - 2 * sum((Counter(ca) & Counter(cb)).values()))


def _chunked(lm: list[str], rm: list[str], max_tokens: int) -> tuple[list[tuple[int, str]], bool]:
    """Diff chunk sequences, then each changed run of chunks word by word (bounded)."""
    ca, cb = _chunks(lm), _chunks(rm)
    if len({*ca, *cb}) > CAPACITY or _least_work(ca, cb) > CHUNK_WORK:
        return [(-1, "".join(lm)), (1, "".join(rm))], True
    a, b, back = _encode(ca, cb)
    out: list[tuple[int, str]] = []
    coarse = False
    run: dict[int, list[str]] = {-1: [], 1: []}
    for op, chars in [*_dmp().diff_main(a, b, False), (0, "")]:
        if op != 0:
            run[op].append(_decode(chars, back))
            continue
        if run[-1] or run[1]:
            lt, rt = tokens("".join(run[-1])), tokens("".join(run[1]))
            if len(lt) + len(rt) > max_tokens:
                coarse = True
                out += [(-1, "".join(lt)), (1, "".join(rt))]
            else:
                out += _tokens_diff(lt, rt)
            run = {-1: [], 1: []}
        out.append((0, _decode(chars, back)))
    return out, coarse


def _decode(chars: str, back: list[str]) -> str:
    return "".join(back[ord(c) - _BASE - (0x800 if ord(c) >= 0xE000 else 0)] for c in chars)


def _order(ops: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Within each run of changes, put the deletions before the insertions (reads better)."""
    out: list[tuple[int, str]] = []
    run: list[tuple[int, str]] = []
    for op, text in [*ops, (0, "")]:
        if op == 0:
            out.extend(sorted(run, key=lambda x: x[0]))
            run = []
            out.append((op, text))
        else:
            run.append((op, text))
    return out


def left_text(diff: Diff) -> str:
    """The left text a diff was made from (equal + delete spans)."""
    return "".join(t for op, t in diff if op <= 0)


def right_text(diff: Diff) -> str:
    """The right text a diff was made from (equal + insert spans)."""
    return "".join(t for op, t in diff if op >= 0)
