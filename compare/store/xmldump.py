"""Storage stage, writing: a `Declaration` as the canonical XML of the format.

UTF-8, two-space indentation, metadata in a fixed order, one final newline: the same
declaration always gives the same bytes, and `xmlio.loads` reads them back as the same
declaration.
"""

from __future__ import annotations

from lxml import etree

from ..errors import DeclarationError
from ..model import Declaration, Meeting, Meta, Paragraph, Sentence

NS = "urn:scodiff:declaration:1"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_Q = "{" + NS + "}"


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, _Q + tag, {k: v for k, v in attrs.items() if v})
    if text is not None:
        el.text = text
    return el


def _dump_sentences(parent: etree._Element, sentences: tuple[Sentence, ...]) -> None:
    for s in sentences:
        el = _el(parent, "s", s.text, eId=s.id)
        if s.lang:
            el.set(f"{{{XML_NS}}}lang", s.lang)


def _dump_meta(parent: etree._Element, m: Meta) -> None:
    meta = _el(parent, "meta")
    if m.title:
        _el(meta, "title", m.title)
    if m.kind:
        _el(meta, "kind", m.kind)
    if m.meeting != Meeting():
        _el(meta, "meeting", body=m.meeting.body, place=m.meeting.place,
            **{"place-written": m.meeting.place_written}, date=m.meeting.date)
    if m.parties:
        parties = _el(meta, "parties")
        for p in m.parties:
            _el(parties, "party", p.name, code=p.code)
    if m.status:
        _el(meta, "status", m.status)
    if m.version_label or m.version_of:
        _el(meta, "version", label=m.version_label, of=m.version_of)
    if m.source or m.source_url:
        _el(meta, "source", m.source, url=m.source_url)
    if m.truncated:
        _el(meta, "truncated")


def _dump_paragraph(body: etree._Element, p: Paragraph) -> None:
    el = _el(body, "paragraph", eId=p.id)
    if p.heading:
        _el(el, "heading", p.heading)
    if p.number is not None:
        _el(el, "num", p.number)
    if not p.items:
        _dump_sentences(el, p.sentences)
        return
    if p.sentences:
        _dump_sentences(_el(el, "intro"), p.sentences)
    lst = _el(el, "list")
    for it in p.items:
        item = _el(lst, "item", eId=it.id)
        if it.number is not None:
            _el(item, "num", it.number)
        _dump_sentences(item, it.sentences)


def dump(decl: Declaration) -> bytes:
    """The canonical XML of a declaration: UTF-8, indented, one final newline."""
    try:
        root = etree.Element(_Q + "declaration", nsmap={None: NS})
        root.set("eId", decl.meta.id)
        root.set(f"{{{XML_NS}}}lang", decl.meta.language)
        _dump_meta(root, decl.meta)
        body = _el(root, "body")
        for p in decl.paragraphs:
            _dump_paragraph(body, p)
        if decl.furniture:
            furniture = _el(root, "furniture")
            for line in decl.furniture:
                _el(furniture, "line", line)
    except ValueError as exc:  # lxml refuses characters XML cannot hold
        raise DeclarationError(f"cannot store text: {exc}", decl.path) from None
    etree.indent(root, space="  ")
    out: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return out.replace(b"<?xml version='1.0' encoding='UTF-8'?>",
                       b'<?xml version="1.0" encoding="UTF-8"?>', 1)
