"""Check stage, the previous declaration: what a text is checked against with `--against auto`.

For a draft or another version (`version/@of` names another id) it is the text it is a version
of; otherwise the latest declaration of the same kind with an earlier meeting date that is not
itself a version of another text (an illustrative one only for an illustrative text). This one
function is the whole rule, so that a corpus stage can take it over.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Declaration


def previous(decl: Declaration, corpus: Sequence[Declaration]) -> Declaration | None:
    """The declaration `decl` is checked against, from `corpus`; None when there is none."""
    m = decl.meta
    if m.version_of and m.version_of != m.id:
        return next((d for d in corpus if d.id == m.version_of), None)
    if not m.meeting.date:
        return None
    candidates = [
        d for d in corpus
        if d.id != m.id and d.meta.kind == m.kind and d.meta.meeting.date
        and d.meta.meeting.date < m.meeting.date
        and not (d.meta.version_of and d.meta.version_of != d.id)
        and d.meta.status != "draft"
        and (d.meta.status != "illustrative" or m.status == "illustrative")
    ]
    return max(candidates, key=lambda d: (d.meta.meeting.date, d.id), default=None)
