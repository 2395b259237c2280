"""Storage stage: load/dump of declarations, and their validation.

Bytes are parsed by the one hardened parser of the project (`xmlsafe`); `loads` validates
against the RELAX NG schema shipped in the package, then checks what a grammar cannot (unique,
hierarchical ids; real dates), and builds the frozen model. `dump` (`xmldump`) writes the
canonical form: UTF-8, two-space indentation, metadata in a fixed order, one final newline.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Literal

from lxml import etree

from ..errors import DeclarationError
from ..model import KINDS, STATUSES, Declaration, Item, Meeting, Meta, Paragraph, Party, Sentence
from . import xmlschema
from .fsio import read_bytes
from .xmldump import NS, XML_NS, dump
from .xmlsafe import check_depth, parse_bytes

__all__ = ["NS", "XML_NS", "Problem", "assert_validates", "dump", "inspect", "load", "loads",
           "validate"]

_Q = "{" + NS + "}"
@dataclass(frozen=True)
class Problem:
    """One finding of `validate`: errors make a file unusable, warnings say what is missing."""

    severity: Literal["error", "warning"]
    message: str
    path: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = ":".join(str(x) for x in (self.path, self.line) if x is not None)
        return f"{where}: {self.severity}: {self.message}" if where else self.message


# --- schema ----------------------------------------------------------------------------------


def _schema_problems(root: etree._Element, path: str | None) -> list[Problem]:
    if root.tag != _Q + "declaration":
        found = etree.QName(root).localname
        ns = etree.QName(root).namespace or "no namespace"
        hint = "; to bring in an HTML page, use `scodiff import`" if found == "html" else ""
        return [Problem("error", f"expected <declaration> in namespace {NS}, found <{found}> in "
                        f"{ns}{hint}", path, root.sourceline)]
    if xmlschema.valid(root):
        return []
    schema = xmlschema.schema()  # its error log is that of `valid`'s last validation
    explained = _value_problems(root, path)
    if explained:
        return explained
    errors = list(schema.error_log)
    line = next((e.line for e in errors if e.line), None)
    message = "; ".join(dict.fromkeys(e.message for e in errors))
    return [Problem("error", f"schema: {message}", path, line)]


_CHOICES = {"kind": KINDS, "status": STATUSES}


def _value_problems(root: etree._Element, path: str | None) -> list[Problem]:
    """Plain-words explanations of the value errors a schema reports obscurely."""
    out: list[Problem] = []
    for tag, allowed in _CHOICES.items():
        for el in root.iterfind(f"{_Q}meta/{_Q}{tag}"):
            if _text(el) not in allowed:
                out.append(Problem("error", f"<{tag}> is {_text(el)!r}, expected one of "
                                   + ", ".join(allowed), path, el.sourceline))
    for el in root.iterfind(f"{_Q}meta/{_Q}meeting[@date]"):
        if not _real_date(str(el.get("date"))):
            out.append(Problem("error", f"<meeting> date {el.get('date')!r} is not a calendar "
                               "date (YYYY-MM-DD)", path, el.sourceline))
    for el in root.iterfind(f"{_Q}meta/{_Q}parties/{_Q}party"):
        if not re.fullmatch(r"[A-Z]{2}", str(el.get("code", ""))):
            out.append(Problem("error", f"<party> code {el.get('code')!r} is not an ISO 3166 "
                               "alpha-2 code", path, el.sourceline))
    return out + _id_syntax_problems(root, path) + _blank_problems(root, path)


_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,127}")
"""The schema's id pattern, checked on the attribute as written (no whitespace trimmed)."""


def _quoted(value: str, width: int = 40) -> str:
    """`repr` of a value for a message, cut to `width` characters with its length said."""
    return repr(value) if len(value) <= width else f"{value[:width]!r}... ({len(value)} chars)"


_IDS_AS_WRITTEN = re.compile(f"{_ID.pattern}(?:\x00{_ID.pattern})*")
"""Ids joined by NUL (which no attribute holds), each matching `_ID` as written."""


def _id_syntax_problems(root: etree._Element, path: str | None, ids: list[str] | None = None
                        ) -> list[Problem]:
    """Ids not as the schema's pattern says, as written; `ids`: every eId of the file (read
    from it when None)."""
    if ids is None:
        ids = [v for el in root.iter() if (v := el.get("eId")) is not None]
    if _IDS_AS_WRITTEN.fullmatch("\x00".join(ids)):  # the usual case, in one match
        return []
    return [
        Problem("error", f"<{etree.QName(el).localname}> id {_quoted(str(el.get('eId')))}: "
                "expected at most "
                "128 letters, digits, '_', '.', '-' (starting with a letter or digit)",
                path, el.sourceline)
        for el in root.iter(_Q + "declaration", _Q + "paragraph", _Q + "item", _Q + "s")
        if el.get("eId") is not None and not _ID.fullmatch(str(el.get("eId")))
    ]


_TOKENS = (("declaration", f"{{{XML_NS}}}lang", " xml:lang"), ("version", "of", " of"),
           ("party", "code", " code"), ("meeting", "date", " date"), ("kind", None, ""),
           ("status", None, ""))
"""Values the schema checks as tokens, after trimming them: the model must not keep spaces."""


def _padded_problems(root: etree._Element, path: str | None) -> list[Problem]:
    out: list[Problem] = []
    meta = root.find(_Q + "meta")  # the schema holds every other element of `_TOKENS` there
    for tag, attr, label in _TOKENS:
        for el in ([root] if tag == "declaration" else () if meta is None
                   else meta.iter(_Q + tag)):
            value = _text(el) if attr is None else el.get(attr)
            if value is not None and value != value.strip():
                out.append(Problem("error", f"<{tag}>{label} {value!r} has leading or trailing "
                                   "spaces", path, el.sourceline))
    return out


def _blank_problems(root: etree._Element, path: str | None) -> list[Problem]:
    out: list[Problem] = []
    for el in root.iter(_Q + "s", _Q + "num", _Q + "title", _Q + "party"):
        if len(el) == 0 and not _text(el).strip():
            tag = etree.QName(el).localname
            name = f" {el.get('eId')!r}" if el.get("eId") else ""
            out.append(Problem("error", f"<{tag}>{name} has no text", path, el.sourceline))
    return out


# --- semantic checks -------------------------------------------------------------------------

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _id_problems(decl: Declaration, path: str | None) -> list[Problem]:
    """Duplicate ids, and ids not under their parent's (`PARENT__...`), in document order. Read
    from the model of a file the schema accepts: it holds every paragraph, item and sentence,
    each with its line."""
    out: list[Problem] = []
    seen: dict[str, int | None] = {}

    def check(eid: str, line: int | None, tag: str, parent: str | None) -> None:
        if eid in seen:
            out.append(Problem("error", f"duplicate id {eid!r} (first at line {seen[eid]})",
                               path, line))
        seen[eid] = line
        if parent is not None and not eid.startswith(parent + "__"):
            out.append(Problem("error", f"<{tag}> id {eid!r} is not under its parent's id "
                               f"{parent!r} (expected {parent}__...)", path, line))

    for p in decl.paragraphs:
        check(p.id, p.line, "paragraph", None)
        for s in p.sentences:
            check(s.id, s.line, "s", p.id)
        for it in p.items:
            check(it.id, it.line, "item", p.id)
            for s in it.sentences:
                check(s.id, s.line, "s", it.id)
    return out


def _model_ids(decl: Declaration) -> list[str]:
    """Every eId of a file the schema accepts, from its model: the grammar allows one only on
    the declaration, paragraphs, items and sentences."""
    ids = [decl.meta.id]
    for p in decl.paragraphs:
        ids.append(p.id)
        ids.extend([s.id for s in p.sentences])
        for it in p.items:
            ids.append(it.id)
            ids.extend([s.id for s in it.sentences])
    return ids


def _meta_problems(decl: Declaration, root: etree._Element, path: str | None) -> list[Problem]:
    m = decl.meta
    meta_el = root.find(_Q + "meta")
    line = meta_el.sourceline if meta_el is not None else None
    out: list[Problem] = []
    if m.meeting.date and not _real_date(m.meeting.date):
        out.append(Problem("error", f"meeting date {m.meeting.date!r} is not a calendar date",
                           path, line))
    missing = [
        name
        for name, value in (
            ("title", m.title), ("kind", m.kind), ("meeting date", m.meeting.date),
            ("meeting place", m.meeting.place), ("meeting body", m.meeting.body),
            ("parties", m.parties), ("status", m.status), ("version label", m.version_label),
            ("source", m.source or m.source_url),
        )
        if not value
    ]
    if missing:
        out.append(Problem("warning", "metadata missing: " + ", ".join(missing), path, line))
    codes = [p.code for p in m.parties]
    for code in sorted({c for c in codes if codes.count(c) > 1}):
        out.append(Problem("warning", f"party {code} listed more than once", path, line))
    for s in decl.sentences():
        if s.text != s.text.strip():
            out.append(Problem("warning", f"sentence {s.id} has leading or trailing whitespace",
                               path, s.line))
    return out


def _real_date(value: str) -> bool:
    import datetime

    match = _DATE.match(value)
    if not match:
        return False
    try:
        datetime.date(*(int(g) for g in match.groups()))
    except ValueError:
        return False
    return True


# --- building the model ----------------------------------------------------------------------


def _text(el: etree._Element | None) -> str:
    return "" if el is None else "".join(el.itertext())


_S, _NUM, _INTRO, _LIST, _ITEM, _HEADING = (_Q + t for t in ("s", "num", "intro", "list", "item",
                                                             "heading"))
_LANG = f"{{{XML_NS}}}lang"


def _own_text(el: etree._Element) -> str:
    """`_text(el)`, quicker for an element without children (lxml joins its text nodes)."""
    return (el.text or "") if len(el) == 0 else "".join(el.itertext())


def _sentence(s: etree._Element) -> Sentence:
    return Sentence(str(s.get("eId")), _own_text(s), s.sourceline, str(s.get(_LANG, "")))


def _children(el: etree._Element) -> tuple[dict[object, etree._Element], list[etree._Element]]:
    """The first child of each tag (what `find` returns) and the <s> children, in one pass."""
    first: dict[object, etree._Element] = {}
    sentences = []
    for child in el:
        if child.tag == _S:
            sentences.append(child)
        elif child.tag not in first:
            first[child.tag] = child
    return first, sentences


def _item(el: etree._Element) -> Item:
    first, sentences = _children(el)
    num = first.get(_NUM)
    return Item(str(el.get("eId")), None if num is None else _own_text(num),
                tuple(map(_sentence, sentences)), el.sourceline)


def _paragraph(el: etree._Element) -> Paragraph:
    first, sentences = _children(el)
    intro, lst, num, heading = (first.get(t) for t in (_INTRO, _LIST, _NUM, _HEADING))
    items = () if lst is None else tuple(map(_item, lst.iterchildren(_ITEM)))
    own = sentences if intro is None else list(intro.iterchildren(_S))
    return Paragraph(str(el.get("eId")), None if num is None else _own_text(num),
                     tuple(map(_sentence, own)), items, el.sourceline,
                     "" if heading is None else _own_text(heading))


def _meta(root: etree._Element) -> Meta:
    meta = root.find(_Q + "meta")
    assert meta is not None  # guaranteed by the schema

    def attr(tag: str, name: str) -> str:
        el = meta.find(_Q + tag)
        return "" if el is None else str(el.get(name, ""))

    parties = tuple(
        Party(str(p.get("code")), _text(p)) for p in meta.iterfind(f"{_Q}parties/{_Q}party")
    )
    return Meta(
        id=str(root.get("eId")),
        title=_text(meta.find(_Q + "title")),
        kind=_text(meta.find(_Q + "kind")),
        meeting=Meeting(attr("meeting", "body"), attr("meeting", "place"), attr("meeting", "date"),
                        attr("meeting", "place-written")),
        language=str(root.get(f"{{{XML_NS}}}lang")),
        parties=parties,
        status=_text(meta.find(_Q + "status")),
        version_label=attr("version", "label"),
        version_of=attr("version", "of"),
        source=_text(meta.find(_Q + "source")),
        source_url=attr("source", "url"),
        truncated=meta.find(_Q + "truncated") is not None,
    )


def _build(root: etree._Element, path: str | None) -> Declaration:
    body = root.find(_Q + "body")
    assert body is not None  # guaranteed by the schema
    paragraphs = tuple(_paragraph(p) for p in body.iterchildren(_Q + "paragraph"))
    furniture = tuple(_text(x) for x in root.iterfind(f"{_Q}furniture/{_Q}line"))
    return Declaration(_meta(root), paragraphs, path, furniture)


def _check(data: bytes, path: str | None) -> tuple[Declaration | None, list[Problem]]:
    root = parse_bytes(data, path, depth=False)  # the grammar nests 6 deep: checked if refused
    problems = _schema_problems(root, path)
    if problems:
        check_depth(root, path)  # past the limit: said first, as the parser says it
        return None, problems
    decl = _build(root, path)
    problems = (_id_syntax_problems(root, path, _model_ids(decl)) + _padded_problems(root, path)
                + _id_problems(decl, path))
    return decl, problems + _meta_problems(decl, root, path)


# --- public API ------------------------------------------------------------------------------


def loads(data: bytes, path: str | None = None) -> Declaration:
    """Parse, validate and build a Declaration; the first error raises DeclarationError."""
    decl, problems = _check(data, path)
    for p in problems:
        if p.severity == "error":
            raise DeclarationError(p.message, path, p.line)
    assert decl is not None
    return decl


def load(path: str | os.PathLike[str]) -> Declaration:
    """Read and parse one declaration file (bounded read; see `loads`)."""
    name = os.fspath(path)
    return loads(read_bytes(name), name)


def inspect(path: str | os.PathLike[str]) -> tuple[Declaration | None, list[Problem]]:
    """Check one file: the declaration (None if unusable) and every problem found.

    Never raises for bad input: a file that cannot be read or parsed gives one error.
    """
    name = os.fspath(path)
    try:
        decl, problems = _check(read_bytes(name), name)
    except DeclarationError as exc:
        return None, [Problem("error", exc.message, exc.path, exc.line)]
    if any(p.severity == "error" for p in problems):
        decl = None
    return decl, problems


def validate(path: str | os.PathLike[str]) -> tuple[bool, list[Problem]]:
    """Check one file; `ok` is False when any problem is an error. Never raises for bad input."""
    decl, problems = inspect(path)
    return decl is not None, problems


def assert_validates(path: str | os.PathLike[str]) -> None:
    """Raise DeclarationError with the first error if `path` does not validate."""
    ok, problems = validate(path)
    if not ok:
        first = next(p for p in problems if p.severity == "error")
        raise DeclarationError(first.message, first.path, first.line)
