"""Import stage, recitals: a preamble set one recital a line, and the opening wrapped above it.

A preamble may run as one sentence over many lines, each recital opening with a participle
("noting ...;", "reaffirming ...,", "highly assessing ...", "отмечая ...", "руководствуясь ...")
after a line ending in a semicolon or a comma: such a line break ends a unit, not a hard wrap
(`recital_break`, asked by `layout` of a line starting in lower case and by `assemble` of a
block after a blank line). The opening sentence above the recitals may itself wrap onto a line
that says when its authors met (`opening_goes_on`). The participles are read in English and
Russian.
"""

from __future__ import annotations

from .lines import parse_marker, starts_lower
from .preamble import find_date_place
from .segment import CLOSING

__all__ = ["opening_goes_on", "recital_break"]

_RECITAL_WORDS = frozenset({
    "convinced", "determined", "guided", "aware", "concerned", "mindful", "desirous",
    "resolved", "deeply", "firmly", "highly", "further", "also", "being", "based",
    "conscious", "cognizant", "cognisant", "alarmed", "encouraged", "confident", "committed",
    "inspired", "fully", "pleased", "satisfied", "keen",
    "будучи", "исходя", "руководствуясь", "убежденные", "убеждённые", "стремясь", "высоко"})


def recital_break(prev: str, line: str) -> bool:
    """A preamble written one recital a line: "...;" or "...," then a line that opens with a
    participle ("noting", "reaffirming", "highly assessing", "отмечая", "рассмотрев")."""
    if not prev.rstrip(CLOSING).endswith((";", ",", "\uff1b", "\uff0c")):
        return False
    marker = parse_marker(prev)  # "- noting ...;": a recital set with a dash
    before = prev if marker is None or marker[1] != "item" else marker[3]
    return _opens_recital(line) or _opens_recital(before)  # a recital, or the clause after it


def opening_goes_on(prev: str, line: str, nxt: str) -> bool:
    """The opening sentence wrapped onto a second line above recitals ("The Heads of State
    ...," / "meeting in Astana on 5 October 2085," / "noting ...;"): the opening opens in
    capitals, the line under it says when the authors met (a date) and both end in a comma,
    while the recitals below end in a semicolon: the line goes on with the opening
    (punctuated as it is), not with them ("noting ...," there is a recital)."""
    return (not starts_lower(prev) and prev.rstrip().endswith(",") and line.rstrip().endswith(",")
            and starts_lower(line) and starts_lower(nxt) and nxt.rstrip(CLOSING).endswith(
                (";", "\uff1b")) and parse_marker(line) is None
            and bool(find_date_place(line)[0]))


def _opens_recital(line: str) -> bool:
    words = [w.strip(",;").lower() for w in line.split(" ")[:2]]
    return any(_participle(w) for w in words[:1]) or (
        len(words) == 2 and words[0] in _RECITAL_WORDS and _participle(words[1]))


def _participle(word: str) -> bool:
    if word in _RECITAL_WORDS:
        return True
    if len(word) > 5 and word.endswith("ing") and word.isascii():
        return True
    return len(word) > 5 and word.endswith(("ая", "яя", "ив", "ев", "ав", "вшись", "ясь"))
