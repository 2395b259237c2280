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

_NON_EMPTY = tuple(f"{{{NS}}}{tag}" for tag in ("title", "line", "party", "num", "s", "heading"))
"""The elements the grammar types as `nonEmpty` (text holding a character that is not XML white
space: space, tab, CR, LF, which is what the pattern's `\\s` means)."""
_VERSION = f"{{{NS}}}version"
_XSD_SPACE = "[ \t\n\r]*"
_ID = "[A-Za-z0-9][A-Za-z0-9_.\\-]{0,127}"
_ALL_IDS = re.compile(f"{_XSD_SPACE}{_ID}{_XSD_SPACE}(?:\x00{_XSD_SPACE}{_ID}{_XSD_SPACE})*")
"""Ids joined by NUL (which no attribute can hold), each matching the pattern once the token's
leading and trailing white space is collapsed away (inner white space never matches)."""


_ID_USES = 5
"""Where the grammar refers to `id`: eId of declaration, paragraph, item and s; version/@of."""
_NON_EMPTY_USES = 6
"""Where it refers to `nonEmpty`: the six elements of `_NON_EMPTY` (num through its define).
A grammar that uses either elsewhere is not the one `valid` knows: it is then always used whole."""


@lru_cache(maxsize=1)
def schema() -> etree.RelaxNG:
    """The shipped grammar."""
    return etree.RelaxNG(etree.fromstring(schema_path().read_bytes(), parser()))


@lru_cache(maxsize=1)
def _relaxed() -> etree.RelaxNG | None:
    """The grammar without the two value patterns; None if the shipped grammar no longer holds
    them as written here, or uses them in other places (then every file goes to the full
    grammar)."""
    text = schema_path().read_bytes()
    if (text.count(_ID_DATA) != 1 or text.count(_NON_EMPTY_DATA) != 1
            or text.count(b'<ref name="id"/>') != _ID_USES
            or text.count(b'<ref name="nonEmpty"/>') != _NON_EMPTY_USES):
        return None
    text = text.replace(_ID_DATA, b'<data type="token"/>').replace(_NON_EMPTY_DATA, b"<text/>")
    return etree.RelaxNG(etree.fromstring(text, parser()))


def valid(root: etree._Element) -> bool:
    """`schema().validate(root)`, in a fraction of the time on a valid file."""
    relaxed = _relaxed()
    if relaxed is None or not relaxed.validate(root):
        return bool(schema().validate(root))
    if not (_ids_match(root) and all(map(_non_empty, root.iter(*_NON_EMPTY)))):
        return bool(schema().validate(root))
    return True


def _ids_match(root: etree._Element) -> bool:
    """Every value the grammar types as `id` matches its pattern: eId (which the relaxed grammar
    allows only on declaration, paragraph, item and s) and version/@of."""
    ids = [v for el in root.iter() if (v := el.get("eId")) is not None]
    ids += [v for el in root.iter(_VERSION) if (v := el.get("of")) is not None]
    return _ALL_IDS.fullmatch("\x00".join(ids)) is not None


def _non_empty(el: etree._Element) -> bool:
    text = (el.text or "") if len(el) == 0 else "".join(el.itertext())
    return bool(text.strip(" \t\n\r"))
