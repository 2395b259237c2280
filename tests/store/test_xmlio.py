"""The hardened parser, the schema, semantic checks, and the canonical dump (RELIABILITY X1-X7)."""

from __future__ import annotations

import gzip
import time

import pytest

from compare.errors import DeclarationError, LimitError
from compare.model import Declaration, Item, Meeting, Meta, Paragraph, Party, Sentence
from compare.store import xmlio, xmlsafe


def small() -> Declaration:
    return Declaration(
        Meta(
            id="2001-test", title="Test <Declaration> & co", kind="statement",
            meeting=Meeting("Council", "Somewhere", "2001-06-15"), language="en",
            parties=(Party("KZ", "Republic of Kazakhstan"), Party("CN", "China")),
            status="illustrative", version_label="draft 1", version_of="2001-test",
            source="written for the tests", source_url="https://example.org/x?a=1&b=2",
        ),
        (
            Paragraph("para_1", "1.", (Sentence("para_1__s_1", "Text with \"quotes\" & <tags>."),
                                       Sentence("para_1__s_2", "  Spaces kept\tas written.."))),
            Paragraph("para_2", None, (Sentence("para_2__s_1", "Intro:"),), (
                Item("para_2__item_1", "a)", (Sentence("para_2__item_1__s_1", "first;"),)),
                Item("para_2__item_2", "b)", (Sentence("para_2__item_2__s_1", "second."),)),
            )),
            Paragraph("para_3", None, (Sentence("para_3__s_1", "上海合作组织。"),)),
        ),
    )


VALID = xmlio.dump(small())


def test_round_trip_is_identity_and_canonical() -> None:
    decl = xmlio.loads(VALID, "t.xml")
    assert decl == small()
    assert xmlio.dump(decl) == VALID
    assert VALID.endswith(b"</declaration>\n") and b"\r" not in VALID
    assert VALID.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')


def test_units_flatten_paragraph_then_items() -> None:
    units = xmlio.loads(VALID).units()
    assert [(u.id, u.kind, u.parent) for u in units] == [
        ("para_1", "paragraph", None), ("para_2", "paragraph", None),
        ("para_2__item_1", "item", "para_2"), ("para_2__item_2", "item", "para_2"),
        ("para_3", "paragraph", None),
    ]
    assert units[0].text == "Text with \"quotes\" & <tags>.   Spaces kept\tas written.."


def test_source_lines_are_recorded() -> None:
    decl = xmlio.loads(VALID)
    assert decl.paragraphs[1].items[0].line is not None
    assert VALID.decode().splitlines()[decl.paragraphs[1].line - 1].strip().startswith(
        '<paragraph eId="para_2"')


def err(data: bytes) -> DeclarationError:
    with pytest.raises(DeclarationError) as info:
        xmlio.loads(data, "in.xml")
    return info.value


def test_x1_xxe_is_refused_and_not_read() -> None:
    data = b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>'
    e = err(data)
    assert str(e) == "in.xml:2:1: DOCTYPE not allowed"
    assert "root:" not in str(e)


@pytest.mark.parametrize("data", [
    b'<!DOCTYPE declaration SYSTEM "http://127.0.0.1:9/x.dtd"><declaration/>',
    b'<!DOCTYPE d PUBLIC "-//x//EN" "http://127.0.0.1:9/d.dtd">\n<d/>',
])
def test_x2_external_dtd_refused(data: bytes) -> None:
    assert "DOCTYPE not allowed" in str(err(data))


def test_x2_stylesheet_pi_and_schema_location_are_ignored() -> None:
    text = VALID.decode().replace(
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet href="http://127.0.0.1:9/x"?>\n',
    )
    assert xmlio.loads(text.encode()) == small()


def test_x3_billion_laughs_is_quick() -> None:
    lol = ['<!ENTITY a0 "lol">'] + [
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 11)
    ]
    data = ("<!DOCTYPE r [" + "".join(lol) + "]><r>&a10;</r>").encode()
    start = time.perf_counter()
    assert "DOCTYPE not allowed" in str(err(data))
    assert time.perf_counter() - start < 1


def test_x3_quadratic_blowup_is_quick() -> None:
    data = ('<!DOCTYPE r [<!ENTITY e "' + "x" * 50_000 + '">]><r>' + "&e;" * 20_000
            + "</r>").encode()
    start = time.perf_counter()
    assert "DOCTYPE not allowed" in str(err(data))
    assert time.perf_counter() - start < 1


def test_entity_declaration_without_doctype_word_refused() -> None:
    assert "not allowed" in str(err(b"<r><!ENTITY x 'y'></r>"))


def test_x4_xinclude_is_never_expanded() -> None:
    text = VALID.decode().replace(
        '<s eId="para_3__s_1">上海合作组织。</s>',
        '<s eId="para_3__s_1">上海合作组织。</s><xi:include xmlns:xi="http://www.w3.org/2001/XInclude"'
        ' href="/etc/passwd" parse="text"/>',
    )
    e = err(text.encode())
    assert "schema" in str(e) and "root:" not in str(e)


def test_x5_depth_limit() -> None:
    data = ("<r>" + "<a>" * 300 + "</a>" * 300 + "</r>").encode()
    e = err(data)
    assert isinstance(e, LimitError)
    assert "depth" in str(e).lower() or "deeper" in str(e)


def test_x5_moderate_depth_names_our_limit() -> None:
    data = ("<r>" + "<a>" * 40 + "</a>" * 40 + "</r>").encode()
    assert f"limit of {xmlsafe.MAX_DEPTH}" in str(err(data))


@pytest.mark.parametrize("extra", ["", "\u0085", "&#133;"])
def test_x5_depth_inside_a_declaration_is_said_before_schema_and_characters(extra: str) -> None:
    # `loads` checks the nesting only when the grammar (6 deep) refuses the file: a file too
    # deep inside its <declaration> still gets the limit error, before a forbidden character
    deep = "<a>" * 40 + extra + "</a>" * 40
    data = VALID.decode().replace('<s eId="para_1__s_1">', '<s eId="para_1__s_1">' + deep, 1)
    assert data != VALID.decode()
    e = err(data.encode())
    assert isinstance(e, LimitError) and f"limit of {xmlsafe.MAX_DEPTH}" in str(e), e


def test_x5_gzip_refused() -> None:
    assert "compressed input not supported" in str(err(gzip.compress(VALID)))


def test_x5_size_limit(tmp_path) -> None:
    from compare.store import fsio

    big = tmp_path / "big.xml"
    big.write_bytes(b"<r>" + b"x" * (fsio.MAX_INPUT_BYTES + 10) + b"</r>")
    with pytest.raises(LimitError, match="MiB limit"):
        xmlio.load(big)


@pytest.mark.parametrize(("data", "where"), [
    (b"<declaration>\n<body></bod></declaration>", "in.xml:2:"),
    (b'<declaration eId="a" eId="b"/>', "in.xml:1:"),
    (b"<declaration>\n<body>", "in.xml:2:"),
])
def test_x6_malformed_xml_has_line_and_column(data: bytes, where: str) -> None:
    e = err(data)
    assert str(e).startswith(where) and "malformed XML" in str(e)
    assert e.column is not None


def test_x7_schema_violation_names_element_and_line() -> None:
    text = VALID.decode().replace("<kind>statement</kind>", "<kind>treaty</kind>")
    e = err(text.encode())
    assert "<kind> is 'treaty', expected one of declaration" in str(e)
    assert e.line == text.splitlines().index("    <kind>treaty</kind>") + 1


def test_x7_unknown_element_names_it_and_its_line() -> None:
    text = VALID.decode().replace("<num>1.</num>", "<num>1.</num><note>x</note>")
    e = err(text.encode())
    assert "schema" in str(e) and "note" in str(e)
    assert e.line == text.splitlines().index("      <num>1.</num><note>x</note>") + 1


def test_x7_duplicate_ids() -> None:
    text = VALID.decode().replace('eId="para_3"', 'eId="para_1"').replace(
        'eId="para_3__s_1"', 'eId="para_1__s_9"')
    e = err(text.encode())
    assert "duplicate id 'para_1'" in str(e)


def test_ids_must_be_hierarchical() -> None:
    text = VALID.decode().replace('eId="para_3__s_1"', 'eId="para_9__s_1"')
    assert "not under its parent's id 'para_3'" in str(err(text.encode()))


def test_wrong_root_element() -> None:
    e = err(b"<html><body/></html>")
    assert "expected <declaration> in namespace urn:scodiff:declaration:1, found <html>" in str(e)


def test_invalid_date_is_an_error() -> None:
    text = VALID.decode().replace('date="2001-06-15"', 'date="2001-02-30"')
    assert "date" in str(err(text.encode()))


def test_invalid_utf8_gives_byte_offset() -> None:
    data = VALID.replace(b"Intro:", b"Intro\x92:")
    e = err(data)
    assert "invalid UTF-8 at byte" in str(e) and "0x92" in str(e)
    lines = VALID.decode().splitlines()
    assert e.line == lines.index('        <s eId="para_2__s_1">Intro:</s>') + 1


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"  \n\t\n"])
def test_empty_inputs(data: bytes) -> None:
    assert "empty file" in str(err(data))


@pytest.mark.parametrize("data", [b"%PDF-1.7\n...", b"PK\x03\x04rest"])
def test_binary_inputs(data: bytes) -> None:
    assert "not a text file" in str(err(data))


def test_other_encodings_refused() -> None:
    data = VALID.decode().replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("latin-1",
                                                                                     "replace")
    assert "UTF-8" in str(err(data))


def test_validate_reports_missing_metadata_as_warnings(tmp_path) -> None:
    bare = Declaration(Meta(id="x"), (Paragraph("para_1", None, (Sentence("para_1__s_1", "A."),)),))
    path = tmp_path / "x.xml"
    path.write_bytes(xmlio.dump(bare))
    ok, problems = xmlio.validate(path)
    assert ok
    assert [p.severity for p in problems] == ["warning"]
    assert "title" in problems[0].message and "parties" in problems[0].message


def test_validate_never_raises_on_bad_input(tmp_path) -> None:
    path = tmp_path / "bad.xml"
    path.write_bytes(b"<oops")
    ok, problems = xmlio.validate(path)
    assert not ok and str(problems[0]).startswith(f"{path}:1:")
    ok, problems = xmlio.validate(tmp_path / "missing.xml")
    assert not ok and "no such file" in problems[0].message


def test_dump_refuses_text_xml_cannot_hold() -> None:
    sentence = Sentence("para_1__s_1", "a\x00b")
    bad = Declaration(Meta(id="x"), (Paragraph("para_1", None, (sentence,)),))
    with pytest.raises(DeclarationError, match="cannot store text"):
        xmlio.dump(bad)


def test_carriage_return_in_text_survives_round_trip() -> None:
    decl = Declaration(Meta(id="x"), (Paragraph("para_1", None,
                                                (Sentence("para_1__s_1", "a\rb"),)),))
    assert xmlio.loads(xmlio.dump(decl)) == decl


@pytest.mark.parametrize("ident", ["x" * 129, "-lead", "with space", "é"])
def test_bad_id_is_explained_in_plain_words(ident: str) -> None:
    text = VALID.decode().replace('eId="para_3"', f'eId="{ident}"', 1)
    e = err(text.encode())
    shown = repr(ident) if len(ident) <= 40 else f"{ident[:40]!r}... ({len(ident)} chars)"
    assert f"id {shown}:" in str(e) and "at most 128 letters, digits" in str(e)
    assert e.line == next(i for i, x in enumerate(text.splitlines(), 1) if ident in x)


@pytest.mark.parametrize(("old", "new", "what"), [
    ("上海合作组织。", " \n ", "<s> 'para_3__s_1' has no text"),
    ("<num>1.</num>", "<num> </num>", "<num> has no text"),
    ("Republic of Kazakhstan", "  ", "<party> has no text"),
])
def test_blank_text_is_explained_in_plain_words(old: str, new: str, what: str) -> None:
    text = VALID.decode().replace(old, new, 1)
    assert what in str(err(text.encode()))


def _odd(text: str) -> str:
    """The same document, written the odd but legal ways another tool may write it."""
    text = text.replace('<?xml version="1.0" encoding="UTF-8"?>',
                        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')
    text = text.replace('xmlns="urn:scodiff:declaration:1"', 'xmlns:d="urn:scodiff:declaration:1"')
    text = text.replace("</", "</d:").replace("<", "<d:").replace("<d:/d:", "</d:")
    text = text.replace("<d:?xml", "<?xml").replace("<d:!--", "<!--")
    text = text.replace("first;", "<![CDATA[first;]]>").replace("second.", "sec<!-- x -->ond.")
    text = text.replace("<d:body>", "<d:body><!-- note --><?tool keep?>")
    return "\ufeff" + text.replace("\n", "\r\n")


def test_odd_but_legal_xml_loads_as_the_canonical_form() -> None:
    odd = _odd(VALID.decode())
    assert "<d:s " in odd and "CDATA" in odd
    assert xmlio.loads(odd.encode(), "odd.xml") == small()


def test_id_padded_with_spaces_is_refused_not_stored_with_them() -> None:
    # xsd:token trims the value before the schema checks it; the model would keep the spaces.
    text = VALID.decode().replace('eId="2001-test"', 'eId=" 2001-test "', 1)
    e = err(text.encode())
    assert "<declaration> id ' 2001-test '" in str(e) and e.line == 2


@pytest.mark.parametrize(("old", "new", "what"), [
    ('xml:lang="en"', 'xml:lang=" en "', "<declaration> xml:lang ' en '"),
    ('of="2001-test"', 'of="2001-test "', "<version> of '2001-test '"),
    ('code="KZ"', 'code=" KZ"', "<party> code ' KZ'"),
    ("<kind>statement</kind>", "<kind> statement\n</kind>", "<kind> ' statement\\n'"),
    ("<status>illustrative</status>", "<status>illustrative </status>",
     "<status> 'illustrative '"),
])
def test_padded_metadata_values_are_refused_not_stored_with_spaces(old, new, what) -> None:
    # The schema's token types trim values before checking them; the model would keep them.
    text = VALID.decode().replace(old, new, 1)
    assert text != VALID.decode()
    assert what in str(err(text.encode()))


def test_text_node_past_the_parser_limit_is_a_limit_not_malformed_xml() -> None:
    data = VALID.replace("上海合作组织。".encode(), b"word " * 2_200_000)
    with pytest.raises(LimitError) as info:
        xmlio.loads(data, "big.xml")
    message = str(info.value)
    assert "longer than the parser's limit" in message and "malformed" not in message
    assert "XML_PARSE_HUGE" not in message
