"""Report stage, cutting diffs: a pair's word diff spread over its units, invisible characters.

A pair of several units (a split, a merge) carries one word diff over the joined texts; the
side-by-side view needs each unit's own part of it and the redline needs, per right unit, the
deletions too. `distribute` cuts the diff at unit boundaries and checks that the parts rebuild
every unit's text exactly, falling back to a coarse diff (all deleted, all inserted) if they do
not. `segments` cuts a run of text so that each invisible or bidi character is its own segment,
shown as a badge by the templates.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Sequence
from operator import itemgetter
from typing import NamedTuple

from ..alignment.normalize import BLANK, char_class
from ..alignment.normalize import INVISIBLE as STRIPPED
from ..model import Diff, Pair, Unit

INVISIBLE: dict[str, str] = {
    "\u00a0": "NO-BREAK SPACE",
    "\u00ad": "SOFT HYPHEN",
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u202a": "LEFT-TO-RIGHT EMBEDDING",
    "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING",
    "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE",
    "\u2060": "WORD JOINER",
    "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE",
    "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE",
    **{c: unicodedata.name(c, f"U+{ord(c):04X}") for c in sorted(STRIPPED | BLANK)},
}
"""Characters shown as badges wherever they occur (they are invisible or reorder the display):
every character that matching drops (`normalize.INVISIBLE`, so that a change the pair's note
calls "invisible-characters" is always visible), those that print as blank (`normalize.BLANK`),
and the no-break space."""

INVISIBLE_RE = re.compile(f"([{char_class(INVISIBLE)}])")
"""One character of `INVISIBLE` (a group, so that `split` keeps it)."""


def badge(char: str) -> str:
    """How an invisible character is shown: its code point in angle brackets (⟨U+00A0⟩)."""
    return f"\u27e8U+{ord(char):04X}\u27e9"


class Segment(NamedTuple):
    """A run of text: op -1 deleted, 0 equal, 1 inserted; `char` set for one invisible character.

    A named tuple rather than a frozen dataclass: a large report holds tens of thousands, and
    the garbage collector stops tracking a tuple of plain values, where it would rescan every
    dataclass instance on each full collection.
    """

    op: int
    text: str
    char: str = ""
    name: str = ""


Segs = tuple[Segment, ...]


def distribute(
    pair: Pair, left: Sequence[Unit], right: Sequence[Unit]
) -> tuple[tuple[Segs, ...], tuple[Segs, ...], tuple[Segs, ...]]:
    """Cut a pair's word diff at unit boundaries.

    Returns per left unit its equal+deleted segments, per right unit its equal+inserted ones, and
    per right unit the redline (equal, deleted and inserted). A diff that does not rebuild the
    unit texts is replaced by a coarse one (everything deleted, everything inserted).
    """
    return distribute_texts(pair, [u.text for u in left], [u.text for u in right])


def distribute_texts(
    pair: Pair, ltexts: list[str], rtexts: list[str]
) -> tuple[tuple[Segs, ...], tuple[Segs, ...], tuple[Segs, ...]]:
    """`distribute` given the units' texts."""
    same = _unchanged(pair, ltexts, rtexts)
    if same is not None:
        return (same,), (same,), (same,)
    diff = _usable_diff(pair, ltexts, rtexts)
    spread = _spread_single(diff, ltexts, rtexts) if len(ltexts) < 2 and len(rtexts) < 2 else None
    if spread is None:
        spread = _spread(diff, ltexts, rtexts)
    if spread is None:
        spread = _spread(_coarse(ltexts, rtexts), ltexts, rtexts)
        assert spread is not None
    lout, rout, red = spread
    return _finish(lout), _finish(rout), _finish(red)


Runs = list[list[tuple[int, str]]]


def _unchanged(pair: Pair, ltexts: list[str], rtexts: list[str]) -> Segs | None:
    """The segments of a one-to-one pair with the same text on both sides (the commonest pair),
    shared by both sides and the redline; None for any other pair."""
    if len(ltexts) != 1 or len(rtexts) != 1 or ltexts[0] != rtexts[0]:
        return None
    if pair.diff and (len(pair.diff) != 1 or tuple(pair.diff[0]) != (0, ltexts[0])):
        return None
    return segments(0, ltexts[0])


def _spread_single(
    diff: tuple[tuple[int, str], ...], ltexts: list[str], rtexts: list[str]
) -> tuple[Runs, Runs, Runs] | None:
    """The common case, at most one unit a side: nothing to cut, one pass over the diff.
    None unless the diff rebuilds both texts exactly (then `_spread` decides)."""
    lruns: list[tuple[int, str]] = []
    rruns: list[tuple[int, str]] = []
    red: list[tuple[int, str]] = []
    for op, text in diff:
        if not text:
            continue
        if op <= 0:
            lruns.append((op, text))
        if op >= 0:
            rruns.append((op, text))
        red.append((op, text))
    if _text(lruns, -1) != "".join(ltexts) or _text(rruns, 1) != "".join(rtexts):
        return None
    return [lruns][: len(ltexts)], [rruns][: len(rtexts)], [red][: len(rtexts)]


def _spread(
    diff: tuple[tuple[int, str], ...], ltexts: list[str], rtexts: list[str]
) -> tuple[Runs, Runs, Runs] | None:
    """Runs per unit, or None when the diff does not rebuild every unit's text exactly."""
    lb = _bounds("".join(t for op, t in diff if op <= 0), ltexts)
    rb = _bounds("".join(t for op, t in diff if op >= 0), rtexts)
    if lb is None or rb is None:
        return None
    lout: Runs = [[] for _ in ltexts]
    rout: Runs = [[] for _ in rtexts]
    red: Runs = [[] for _ in rtexts]
    lpos = rpos = 0
    for op, text in diff:
        if op == 0:
            _walk_equal(text, lpos, rpos, lb, rb, lout, rout, red)
        elif op < 0:
            for a, b in _cut(lpos, lpos + len(text), lb):
                _put(lout, _owner(lb, a), -1, text[a - lpos : b - lpos])
            _put(red, _attach(rb, rpos), -1, text)
        else:
            for a, b in _cut(rpos, rpos + len(text), rb):
                _put(rout, _owner(rb, a), 1, text[a - rpos : b - rpos])
                _put(red, _owner(rb, a), 1, text[a - rpos : b - rpos])
        lpos += len(text) if op <= 0 else 0
        rpos += len(text) if op >= 0 else 0
    ok = all(_text(r, -1) == t for r, t in zip(lout, ltexts, strict=True)) and all(
        _text(r, 1) == t for r, t in zip(rout, rtexts, strict=True)
    )
    return (lout, rout, red) if ok else None


def _text(runs: list[tuple[int, str]], keep: int) -> str:
    return "".join(t for op, t in runs if op in (0, keep))


def _usable_diff(pair: Pair, ltexts: list[str], rtexts: list[str]) -> tuple[tuple[int, str], ...]:
    if pair.diff:
        return tuple((int(op), str(t)) for op, t in pair.diff)
    if " ".join(ltexts) == " ".join(rtexts):
        return ((0, " ".join(ltexts)),) if ltexts else ()
    return _coarse(ltexts, rtexts)


def _coarse(ltexts: list[str], rtexts: list[str]) -> tuple[tuple[int, str], ...]:
    out = []
    if ltexts:
        out.append((-1, " ".join(ltexts)))
    if rtexts:
        out.append((1, " ".join(rtexts)))
    return tuple(out)


def _bounds(whole: str, texts: list[str]) -> list[tuple[int, int]] | None:
    """Where each unit's text sits in the side's joined text, in order; None if one is missing."""
    out, pos = [], 0
    for t in texts:
        at = whole.find(t, pos)
        if at < 0:
            return None
        out.append((at, at + len(t)))
        pos = at + len(t)
    return out


def _cut(a: int, b: int, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split [a, b) at unit boundaries, dropping the parts between units."""
    out = []
    for s, e in bounds:
        lo, hi = max(a, s), min(b, e)
        if lo < hi:
            out.append((lo, hi))
    return out


def _owner(bounds: list[tuple[int, int]], pos: int) -> int | None:
    for i, (s, e) in enumerate(bounds):
        if s <= pos < e:
            return i
    return None


def _attach(bounds: list[tuple[int, int]], pos: int) -> int | None:
    """The unit a deletion at right position `pos` is shown in: the one there or just before."""
    best = 0 if bounds else None
    for i, (s, _e) in enumerate(bounds):
        if s <= pos:
            best = i
    return best


def _walk_equal(
    text: str,
    lpos: int,
    rpos: int,
    lb: list[tuple[int, int]],
    rb: list[tuple[int, int]],
    lout: Runs,
    rout: Runs,
    red: Runs,
) -> None:
    cuts = {0, len(text)}
    for bounds, base in ((lb, lpos), (rb, rpos)):
        for s, e in bounds:
            cuts.update(x - base for x in (s, e) if 0 < x - base < len(text))
    points = sorted(cuts)
    for a, b in itertools.pairwise(points):
        piece = text[a:b]
        _put(lout, _owner(lb, lpos + a), 0, piece)
        _put(rout, _owner(rb, rpos + a), 0, piece)
        _put(red, _owner(rb, rpos + a), 0, piece)


def _put(out: Runs, index: int | None, op: int, text: str) -> None:
    if index is None or not text:
        return
    out[index].append((op, text))  # `_finish` joins neighbours of the same op (linear time)


def _merged(runs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    return [
        (op, "".join(t for _op, t in group))
        for op, group in itertools.groupby(runs, key=itemgetter(0))
    ]


def _finish(out: Runs) -> tuple[Segs, ...]:
    return tuple(tuple(s for op, t in _merged(runs) for s in segments(op, t)) for runs in out)


def segments(op: int, text: str) -> Segs:
    """Cut one run into plain text and one segment per invisible character."""
    if not INVISIBLE_RE.search(text):
        return (Segment(op, text),) if text else ()
    out = []
    for piece in INVISIBLE_RE.split(text):
        if not piece:
            continue
        if piece in INVISIBLE:
            out.append(Segment(op, badge(piece), f"U+{ord(piece):04X}", INVISIBLE[piece]))
        else:
            out.append(Segment(op, piece))
    return tuple(out)


def sentence_segments(diff: Diff, left: str, right: str) -> tuple[Segs, Segs]:
    """Both sides of a sentence diff (equal+deleted, equal+inserted), or the plain texts when the
    diff is missing or does not rebuild them."""
    lruns = [(op, t) for op, t in diff if op <= 0]
    rruns = [(op, t) for op, t in diff if op >= 0]
    if not diff or _text(lruns, -1) != left or _text(rruns, 1) != right:
        lruns, rruns = [(0, left)], [(0, right)]
    return (
        tuple(s for op, t in lruns if t for s in segments(op, t)),
        tuple(s for op, t in rruns if t for s in segments(op, t)),
    )
