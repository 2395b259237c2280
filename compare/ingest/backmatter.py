"""Import stage, an edition's back matter: the sections an edition prints under the text.

A document series, an institute's or a library's edition prints under the text it publishes
sections of its own ("Notes on this edition", "About the editors", a suggested citation), each
under a short heading. None of it is the text's, and none of it is found by its words:
`back_matter` finds the first heading under a text that had none above it (three paragraphs or
more, committing), when what follows speaks in another voice: no paragraph opens as one of the
text's does, and at most one in `COMMITTING_SHARE` of its sentences commits (the editors'
notes describe the copy and its people; a text's last section commits as its first ones do).
"""

from __future__ import annotations

import re

from .inbody import opening
from .lines import Line, ends_final, is_title_like
from .signals import COMMITMENT, DIGIT, sentence_like

__all__ = ["COMMITTING_SHARE", "HEAD_WORDS", "TEXT_PARAGRAPHS", "back_matter"]

HEAD_WORDS = 6
"""A heading of the back matter is at most this many words ("About the editors")."""
TEXT_PARAGRAPHS = 3
"""Paragraphs of the text above the back matter's first heading, at the least."""
COMMITTING_SHARE = 3
"""At most one in this many sentences of the back matter commits ("She will join ...")."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u0410-\u042f\u0401])")


def _head(text_lines: list[Line], k: int, group: dict[int, int]) -> bool:
    """A short heading opening its run of lines, over a line of running text."""
    n, x = text_lines[k]
    return (0 < k < len(text_lines) - 1 and group[text_lines[k - 1][0]] != group[n]
            and is_title_like(x) and len(x.split()) <= HEAD_WORDS and not DIGIT.search(x)
            and x[:1].isupper() and sentence_like(text_lines[k + 1][1]))


def back_matter(text_lines: list[Line], first: int, last: int, group: dict[int, int]) -> int:
    """The text's last line above an edition's back matter (see the module docstring); `last`
    when there is none."""
    heads = [k for k in range(first + 1, last) if _head(text_lines, k, group)]
    if not heads:
        return last
    k = heads[0]
    starts = [i for i in range(first, last + 1)
              if i == first or group[text_lines[i - 1][0]] != group[text_lines[i][0]]
              or (i - 1) in heads]
    above = [text_lines[i][1] for i in starts if i < k]
    below = [text_lines[i][1] for i in starts if i > k and i not in heads]
    if len(above) < TEXT_PARAGRAPHS or not below or not any(
            COMMITMENT.search(x) for x in above):
        return last
    if {opening(x) for x in above} & {opening(x) for x in below}:
        return last
    prose = " ".join(x for i, (_, x) in enumerate(text_lines[k + 1 : last + 1], k + 1)
                     if i not in heads)
    sentences = [s for s in _SENTENCE_END.split(prose) if s.strip()]
    committing = sum(1 for s in sentences if COMMITMENT.search(s))
    if committing * COMMITTING_SHARE > len(sentences) or not ends_final(prose.rstrip()):
        return last
    return k - 1
