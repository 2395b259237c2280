"""Check stage, diffs for a terminal: two declarations by clause, or any two texts by line.

`clause_diff` prints what changed between two declarations: one header line per changed pair
of the alignment (mark, ids, relation, similarity, notes), its word diff wrapped to the width,
then the commitment and entity changes. `plain_diff` is a unified diff of two texts (binary
content is only said to differ). `outline_text` is the textconv form: the metadata, then one
line per sentence with its id. Colour is ANSI (red deleted, green inserted); without it,
deletions read `[-...-]` and insertions `{+...+}` as in `git diff --word-diff=plain`. Every
printed text is made `visible`: a terminal never runs a control character from a file.
"""

from __future__ import annotations

import difflib

from ..alignment.table import MARKS
from ..model import Alignment, Declaration, Relation
from ..textfmt import visible

RED, GREEN, CYAN, BOLD, RESET = "\x1b[31m", "\x1b[32m", "\x1b[36m", "\x1b[1m", "\x1b[0m"


class Painter:
    def __init__(self, colour: bool, width: int) -> None:
        self.colour, self.width = colour, max(20, width)

    def paint(self, text: str, style: str) -> str:
        return f"{style}{text}{RESET}" if self.colour and text else text

    def wrap(self, segments: list[tuple[int, str]], indent: str = "    ") -> list[str]:
        """Word-diff segments laid out in lines of at most `width` visible characters.

        Without colour a run of deleted (inserted) words is one `[-...-]` (`{+...+}`); a piece
        not preceded by a space stays on its word's line.
        """
        words = _words(segments)
        marked = []
        for k, (op, word, _) in enumerate(words):
            if op and not self.colour:
                first = k == 0 or words[k - 1][0] != op
                last = k + 1 == len(words) or words[k + 1][0] != op
                word = ("[-" if op < 0 else "{+") * first + word + ("-]" if op < 0 else "+}") * last
            marked.append(word)
        lines, line, used = [], indent, len(indent)
        for (op, _, spaced), shown in zip(words, marked, strict=True):
            gap = 1 if spaced and used > len(indent) else 0
            if spaced and used + gap + len(shown) > self.width and used > len(indent):
                lines.append(line)
                line, used, gap = indent, len(indent), 0
            style = RED if op < 0 else GREEN if op > 0 else ""
            line += " " * gap + (self.paint(shown, style) if style else shown)
            used += gap + len(shown)
        if line.strip():
            lines.append(line)
        return lines


def _words(segments: list[tuple[int, str]]) -> list[tuple[int, str, bool]]:
    """(op, word, preceded by a space) for every space-separated piece of the segments."""
    out: list[tuple[int, str, bool]] = []
    spaced = True
    for op, text in segments:
        for k, piece in enumerate(visible(text).split(" ")):
            if k:
                spaced = True
            if piece:
                out.append((op, piece, spaced or not out))
                spaced = False
    return out


def _changes(al: Alignment, p: Painter) -> list[str]:
    out = []
    for ch in al.commitments:
        if ch.change == "unchanged":
            continue
        c = ch.right or ch.left
        assert c is not None
        forces = "/".join("." if x is None else str(x.force) for x in (ch.left, ch.right))
        style = RED if ch.change in ("dropped", "softened") else GREEN
        why = f" ({'; '.join(ch.reasons)})" if ch.reasons else ""
        out.append(f"  {p.paint(ch.change, style)} {c.sentence}: {visible(c.actor)} "
                   f"'{visible(c.phrase)}' force {forces}{visible(why)}")
    for e in al.entities:
        style = RED if e.change == "no longer named" else GREEN
        out.append(f"  {p.paint(e.change, style)}: {visible(e.name)} ({e.kind})")
    return out


def clause_diff(al: Alignment, p: Painter) -> list[str]:
    """The changed pairs with their word diffs, then commitments and entities changed."""
    out: list[str] = []
    unchanged = 0
    for pair in al.pairs:
        if pair.relation is Relation.UNCHANGED and not pair.notes:
            unchanged += 1
            continue
        ids = f"{' '.join(pair.left) or '.'} -> {' '.join(pair.right) or '.'}"
        notes = f" ({', '.join(pair.notes)})" if pair.notes else ""
        head = f"{MARKS[pair.relation]} {ids}  {pair.relation.value} {pair.similarity:.2f}{notes}"
        out.append(p.paint(head, CYAN))
        if pair.relation is not Relation.MOVED or pair.notes:
            out.extend(p.wrap(list(pair.diff)))
    out.append(f"({unchanged} unit(s) unchanged)")
    changes = _changes(al, p)
    if changes:
        out += [p.paint("commitments and entities:", BOLD), *changes]
    return out


def plain_diff(old: bytes | None, new: bytes | None, a: str, b: str, p: Painter) -> list[str]:
    """A unified diff of two contents (None: absent), or a line saying binary files differ."""
    def text(data: bytes | None) -> list[str] | None:
        if data is None:
            return []
        if b"\0" in data:
            return None
        try:
            return data.decode("utf-8").splitlines()
        except UnicodeDecodeError:
            return None

    left, right = text(old), text(new)
    if left is None or right is None:
        return [] if old == new else [f"Binary files {a} and {b} differ"]
    out = []
    for line in difflib.unified_diff(left, right, a, b, lineterm="", n=3):
        shown = visible(line)
        style = (BOLD if line.startswith(("---", "+++")) else RED if line.startswith("-")
                 else GREEN if line.startswith("+") else CYAN if line.startswith("@@") else "")
        out.append(p.paint(shown, style) if style else shown)
    return out


def outline_text(decl: Declaration) -> str:
    """The textconv form: metadata as `#` lines, then `id  text` per number and sentence."""
    m = decl.meta
    lines = [f"# {m.id}  {m.title}  ({m.kind or '-'}, {m.status or '-'}, {m.language})",
             f"# meeting: {m.meeting.body}, {m.meeting.place}, {m.meeting.date}",
             "# parties: " + ", ".join(f"{x.code} {x.name}" for x in m.parties),
             f"# version: {m.version_label}" + (f" of {m.version_of}" if m.version_of else ""),
             f"# source: {m.source} {m.source_url}".rstrip(), ""]
    for u in decl.units():
        if u.number:
            lines.append(f"{u.id}  [{u.number}]")
        lines += [f"{s.id}  {s.text}" for s in u.sentences]
    return "\n".join(visible(x) for x in lines) + "\n"
