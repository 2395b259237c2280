"""Plain-text helpers: clipping and column padding."""

from __future__ import annotations

import pytest

from compare.textfmt import clip, columns, visible


def test_clip() -> None:
    assert clip("short", 10) == "short"
    assert clip("a long sentence here", 8) == "a long…"
    assert len(clip("x" * 50, 20)) == 20


def test_columns_pad_all_but_the_last() -> None:
    assert columns([("id", "text"), ("para_10", "a long last cell"), ("p", "b")]) == (
        "id       text\npara_10  a long last cell\np        b\n")


def test_columns_empty() -> None:
    assert columns([]) == ""


def test_invisible_and_control_characters_are_shown_by_code() -> None:
    # bidi override, zero-width space, C1 CSI (a terminal escape), next line, line separator
    raw = "a\u202eb\u200bc\u009b31md\u0085e\u2028f"
    assert visible(raw) == "a<U+202E>b<U+200B>c<U+009B>31md<U+0085>e<U+2028>f"
    assert visible(visible(raw)) == visible(raw)
    assert visible("tab\tand text, «Ω» 上海") == "tab\tand text, «Ω» 上海"
    assert clip("\u202e" * 3, 30) == "<U+202E>" * 3
    assert columns([("x\u202e", "y\u009b")]) == "x<U+202E>  y<U+009B>\n"


def test_show_and_list_never_send_controls_to_the_terminal(tmp_path, capsys) -> None:
    from compare.cli import main
    from compare.model import Declaration, Meta, Paragraph, Sentence
    from compare.store import xmlio

    text = "Evil \u202eesrever\u202c and \u20662J clear."
    decl = Declaration(Meta(id="x", title="T\u2069\n2J"),
                       (Paragraph("para_1", None, (Sentence("para_1__s_1", text),)),))
    (tmp_path / "x.xml").write_bytes(xmlio.dump(decl))
    for args in (["show", str(tmp_path / "x.xml")], ["show", "--full", str(tmp_path / "x.xml")],
                 ["list", str(tmp_path)]):
        assert main(args) == 0
        out = capsys.readouterr().out
        assert not any(c in out for c in "\u202e\u202c\u2066\u2069"), args
    assert main(["show", str(tmp_path / "x.xml")]) == 0
    out = capsys.readouterr().out
    assert "Evil <U+202E>esrever<U+202C> and <U+2066>2J clear." in out
    assert out.splitlines()[0] == "x  T<U+2069><U+000A>2J  (en)"  # one line


def test_a_stored_c1_control_or_non_character_is_refused_with_its_line(tmp_path, capsys) -> None:
    from compare.cli import main
    from compare.model import Declaration, Meta, Paragraph, Sentence
    from compare.store import xmlio

    for bad, what in (("\u009b2J", "C1 control character U+009B"),
                      ("\ufdd0", "Unicode non-character U+FDD0"),
                      ("\U0010ffff", "Unicode non-character U+10FFFF")):
        decl = Declaration(Meta(id="x", title="T"),
                           (Paragraph("para_1", None, (Sentence("para_1__s_1", f"A {bad}."),)),))
        data = xmlio.dump(decl)
        (tmp_path / "x.xml").write_bytes(data)
        assert main(["show", str(tmp_path / "x.xml")]) == 2
        err = capsys.readouterr().err
        line = data.decode().splitlines().index(next(
            x for x in data.decode().splitlines() if bad in x)) + 1
        assert f"x.xml:{line}: {what} not allowed in a declaration" in err
        ref = data.replace(bad.encode(), f"&#x{ord(bad[0]):x};".encode())  # as a reference too
        (tmp_path / "x.xml").write_bytes(ref)
        assert main(["show", str(tmp_path / "x.xml")]) == 2


def test_a_newline_in_an_attribute_does_not_forge_a_list_row(tmp_path, capsys) -> None:
    from compare.cli import main
    from compare.model import Declaration, Meeting, Meta, Paragraph, Sentence
    from compare.store import xmlio

    decl = Declaration(Meta(id="x", title="T", meeting=Meeting(place="Bishkek\n2099-01-01  fake")),
                       (Paragraph("para_1", None, (Sentence("para_1__s_1", "A."),)),))
    (tmp_path / "x.xml").write_bytes(xmlio.dump(decl))
    assert main(["list", str(tmp_path)]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 2 and "Bishkek<U+000A>2099-01-01  fake" in rows[1]


def test_a_deeply_nested_toml_names_the_file(tmp_path) -> None:
    from compare.errors import DeclarationError
    from compare.store.tomlfile import parse_toml

    with pytest.raises(DeclarationError, match="nested too deeply") as info:
        parse_toml(("x = " + "[" * 100_000 + "]" * 100_000 + "\n").encode(), "deep.toml")
    assert str(info.value).startswith("deep.toml")
