"""Import stage, the lossless text form: `scodiff export --format lossless` and its import.

The plain export (`importer.to_text`) is for reading: importing it again reads the layout, so
a sentence that starts "1." or "-", a title with a line break, tabs and runs of spaces or a C1
character do not come back as they were. This form does: one record a line, fields separated
by tabs, every character that could be misread escaped (`\\\\`, `\\t`, `\\n`, `\\r`,
`\\u{XXXX}` for any character that is not printable). The first line is `scodiff-text<TAB>1`;
`import` recognises it and rebuilds the declaration exactly (ids, numbers, headings, sentence
boundaries and languages, metadata, furniture): `parse(dumps(d)) == d`.
"""

from __future__ import annotations

import re

from ..errors import DeclarationError
from ..model import Declaration, Item, Meeting, Meta, Paragraph, Party, Sentence

MAGIC = "scodiff-text\t1"
_UNESCAPE = re.compile(r"\\(?:u\{([0-9a-fA-F]{1,6})\}|(.))")
_SIMPLE = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}
_META = ("title", "kind", "body", "place", "place_written", "date", "language", "status",
         "version_label", "version_of", "source", "source_url")


def _esc(text: str) -> str:
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch != " " and not ch.isprintable():
            out.append(f"\\u{{{ord(ch):x}}}")
        else:
            out.append(ch)
    return "".join(out)


def _unesc(text: str, path: str | None, line: int) -> str:
    def one(m: re.Match[str]) -> str:
        if m.group(1):
            return chr(int(m.group(1), 16))
        if m.group(2) in _SIMPLE:
            return _SIMPLE[m.group(2)]
        raise DeclarationError(f"bad escape \\{m.group(2)} in the lossless text form", path, line)

    return _UNESCAPE.sub(one, text)


def is_lossless(text: str) -> bool:
    return text.removeprefix("\ufeff").startswith(MAGIC + "\n")


def is_lossless_bytes(data: bytes) -> bool:
    return data.removeprefix(b"\xef\xbb\xbf").startswith(MAGIC.encode() + b"\n")


def dumps(decl: Declaration) -> str:
    """The lossless text of a declaration (see the module docstring)."""
    m = decl.meta
    rows: list[tuple[str, ...]] = [("id", m.id)]
    values = {"title": m.title, "kind": m.kind, "body": m.meeting.body,
              "place": m.meeting.place, "place_written": m.meeting.place_written,
              "date": m.meeting.date, "language": m.language,
              "status": m.status, "version_label": m.version_label,
              "version_of": m.version_of, "source": m.source, "source_url": m.source_url}
    rows += [(k, values[k]) for k in _META if values[k] or k == "language"]
    rows += [("party", p.code, p.name) for p in m.parties]
    if m.truncated:
        rows.append(("truncated",))
    for p in decl.paragraphs:
        rows.append(("p", p.id, p.number or "", p.heading))
        rows += [("s", s.id, s.lang, s.text) for s in p.sentences]
        for it in p.items:
            rows.append(("item", it.id, it.number or ""))
            rows += [("s", s.id, s.lang, s.text) for s in it.sentences]
    rows += [("furniture", x) for x in decl.furniture]
    lines = [MAGIC, *("\t".join([r[0], *(_esc(f) for f in r[1:])]) for r in rows)]
    return "\n".join(lines) + "\n"


def parse(text: str, path: str | None = None) -> Declaration:
    """Rebuild the declaration from its lossless text; a malformed line is an error."""
    meta: dict[str, str] = {}
    parties: list[Party] = []
    truncated = False
    paras: list[tuple[list[str], list[Sentence], list[tuple[list[str], list[Sentence]]]]] = []
    furniture: list[str] = []
    for n, raw in enumerate(text.removeprefix("\ufeff").split("\n")[1:], 2):
        if not raw:
            continue
        key, *fields = raw.split("\t")
        f = [_unesc(x, path, n) for x in fields]
        if key in ("id", *_META) and len(f) == 1:
            meta[key] = f[0]
        elif key == "party" and len(f) == 2:
            parties.append(Party(f[0], f[1]))
        elif key == "truncated" and not f:
            truncated = True
        elif key == "p" and len(f) == 3:
            paras.append((f, [], []))
        elif key == "item" and len(f) == 2 and paras:
            paras[-1][2].append((f, []))
        elif key == "s" and len(f) == 3 and paras:
            target = paras[-1][2][-1][1] if paras[-1][2] else paras[-1][1]
            target.append(Sentence(f[0], f[2], n, f[1]))
        elif key == "furniture" and len(f) == 1:
            furniture.append(f[0])
        else:
            raise DeclarationError(f"not a line of the lossless text form: {key!r}", path, n)
    m = Meta(id=meta.get("id", "declaration"), title=meta.get("title", ""),
             kind=meta.get("kind", ""),
             meeting=Meeting(meta.get("body", ""), meta.get("place", ""), meta.get("date", ""),
                             meta.get("place_written", "")),
             language=meta.get("language", "en"), parties=tuple(parties),
             status=meta.get("status", ""), version_label=meta.get("version_label", ""),
             version_of=meta.get("version_of", ""), source=meta.get("source", ""),
             source_url=meta.get("source_url", ""), truncated=truncated)
    paragraphs = tuple(
        Paragraph(pf[0], pf[1] or None, tuple(ss),
                  tuple(Item(itf[0], itf[1] or None, tuple(its)) for itf, its in items),
                  heading=pf[2])
        for pf, ss, items in paras)
    if not paragraphs:
        raise DeclarationError("no paragraphs found", path)
    return Declaration(m, paragraphs, path, tuple(furniture))
