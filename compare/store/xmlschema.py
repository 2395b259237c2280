"""The RELAX NG schema of a stored declaration, and a cheaper first test of validity.

`schema()` is the shipped grammar (compare/store/schema/declaration.rng), whose error log words
every schema error. Most of its cost on a valid file is two value patterns that libxml2 matches
character by character: ids (`[A-Za-z0-9][A-Za-z0-9_.\\-]{0,127}`, on the whitespace-collapsed
token) and non-empty text (`[\\s\\S]*\\S[\\s\\S]*`). `valid(root)` validates against the grammar
with those two patterns taken out, then checks the two rules itself in one pass each: it is True
exactly when `schema().validate(root)` is, because each element name has one definition in the
grammar, so every element the relaxed grammar accepts is held to the rule of that definition.
A file it rejects is validated again by the full grammar, for the words of its errors.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from ..resources import schema_path
from .xmldump import NS
from .xmlsafe import parser

_ID_DATA = (b'<data type="token"><param name="pattern">[A-Za-z0-9][A-Za-z0-9_.\\-]{0,127}'
            b'</param></data>')
_NON_EMPTY_DATA = b'<data type="string"><param name="pattern">[\\s\\S]*\\S[\\s\\S]*</param></data>'

_IDS = etree.XPath("//@eId | /d:declaration/d:meta/d:version/@of", namespaces={"d": NS})
"""Every value the grammar types as `id` (eId on declaration, paragraph, item and s; version/@of:
the relaxed grammar allows eId nowhere else)."""
_BLANK = etree.XPath(
    "//d:title[not(normalize-space())] | //d:line[not(normalize-space())]"
    " | //d:party[not(normalize-space())] | //d:num[not(normalize-space())]"
    " | //d:s[not(normalize-space())] | //d:heading[not(normalize-space())]",
    namespaces={"d": NS})
"""The elements the grammar types as `nonEmpty` whose text is only XML white space (space, tab,
CR, LF: XPath's normalize-space and the pattern's `\\s` agree on these four)."""
_XSD_SPACE = "[ \t\n\r]*"
_ID = "[A-Za-z0-9][A-Za-z0-9_.\\-]{0,127}"
_ALL_IDS = re.compile(f"{_XSD_SPACE}{_ID}{_XSD_SPACE}(?:\x00{_XSD_SPACE}{_ID}{_XSD_SPACE})*")
"""Ids joined by NUL (which no attribute can hold), each matching the pattern once the token's
leading and trailing white space is collapsed away (inner white space never matches)."""


@lru_cache(maxsize=1)
def schema() -> etree.RelaxNG:
    """The shipped grammar."""
    return etree.RelaxNG(etree.fromstring(schema_path().read_bytes(), parser()))


@lru_cache(maxsize=1)
def _relaxed() -> etree.RelaxNG | None:
    """The grammar without the two value patterns; None if the shipped grammar no longer holds
    them as written here (then every file goes to the full grammar)."""
    text = schema_path().read_bytes()
    if text.count(_ID_DATA) != 1 or text.count(_NON_EMPTY_DATA) != 1:
        return None
    text = text.replace(_ID_DATA, b'<data type="token"/>').replace(_NON_EMPTY_DATA, b"<text/>")
    return etree.RelaxNG(etree.fromstring(text, parser()))


def valid(root: etree._Element) -> bool:
    """`schema().validate(root)`, in a fraction of the time on a valid file."""
    relaxed = _relaxed()
    if relaxed is None or not relaxed.validate(root):
        return bool(schema().validate(root))
    ids = _IDS(root)
    assert isinstance(ids, list)
    if _ALL_IDS.fullmatch("\x00".join(map(str, ids))) is None or _BLANK(root):
        return bool(schema().validate(root))
    return True
