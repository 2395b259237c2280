"""The cheaper validity test agrees with the full RELAX NG grammar, file by file.

`xmlschema.valid` validates against the grammar without its id and non-empty patterns and checks
those two rules itself; on every value below (white space of each kind, char references, lengths
at the limit, another error beside) it must say what `schema().validate` says.
"""

from __future__ import annotations

import pytest

from compare.store import xmlio, xmlsafe, xmlschema
from tests.helpers import ROOT

DRAFT = (ROOT / "declarations" / "2007-bishkek-draft.xml").read_bytes()

IDS = ["p", "p1", " p1", "p1 ", "p 1", "&#9;p1", "p1&#10;", "p1&#13;", "&#xa0;p1", "p1&#x2003;",
       "", " ", "_p", ".p", "-p", "p_.-9", "é", "a" * 128, "a" * 129, " " + "a" * 128 + " ",
       "p\u00e9", "P.Q", "9"]
TEXTS = ["x", "", " ", "\t", "&#9;", "&#10;&#13;", " \n ", "\u00a0", "&#xa0;", "\u2003", "\u3000",
         " x ", "&#x85;x", "\u200b", ".", "&#12;"]
"""&#x85; is refused later by the character check; here only the grammar's verdict is compared."""


def _variants() -> list[bytes]:
    out = []
    for v in IDS:
        b = v.encode()
        out.append(DRAFT.replace(b'eId="para_2"', b'eId="' + b + b'"', 1))
        out.append(DRAFT.replace(b'eId="para_7__item_2"', b'eId="' + b + b'"', 1))
        out.append(DRAFT.replace(b'eId="para_1__s_1"', b'eId="' + b + b'"', 1))
        out.append(DRAFT.replace(b'eId="2007-bishkek-draft"', b'eId="' + b + b'"', 1))
        out.append(DRAFT.replace(b'<version ', b'<version of="' + b + b'" ', 1))
    for v in TEXTS:
        b = v.encode()
        for tag in (b"title", b"party", b"num"):
            start = DRAFT.index(b"<" + tag)
            end = DRAFT.index(b"</" + tag + b">", start)
            head = DRAFT.index(b">", start) + 1
            out.append(DRAFT[:head] + b + DRAFT[end:])
        out.append(DRAFT.replace(b'>The heads', b'>' + b + b'<!-- c --></s><s eId="para_1__s_9">'
                                 b'The heads', 1))
        out.append(DRAFT.replace(b"<s eId=\"para_3__s_1\">", b"<heading>" + b + b"</heading>"
                                 b"<s eId=\"para_3__s_1\">", 1))
        out.append(DRAFT.replace(b"</body>", b"</body><furniture><line>" + b + b"</line>"
                                 b"</furniture>", 1))
    out.append(DRAFT.replace(b"<title>", b"<title><b/>", 1))  # an error of another kind
    out.append(DRAFT.replace(b'eId="para_2"', b'eId=" p"', 1).replace(b"<kind>", b"<kind>x", 1))
    return out


@pytest.mark.parametrize("data", _variants())
def test_valid_says_what_the_full_grammar_says(data: bytes) -> None:
    try:
        root = xmlsafe.parse_bytes(data, "f.xml")
    except Exception:  # not this test's business: the parser refused it before any grammar
        return
    assert xmlschema.valid(root) is bool(xmlschema.schema().validate(root))


def test_the_relaxed_grammar_is_derived_from_the_shipped_one() -> None:
    assert xmlschema._relaxed() is not None  # else every file pays the full grammar


def test_an_invalid_file_keeps_the_full_grammar_s_words(tmp_path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_bytes(DRAFT.replace(b"<title>", b"<title><b/>", 1))
    with pytest.raises(Exception, match=r"bad\.xml:4: schema: "):
        xmlio.load(bad)
