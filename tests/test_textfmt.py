"""Plain-text helpers: clipping and column padding."""

from __future__ import annotations

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

    text = "Evil \u202eesrever\u202c and \u009b2J clear."
    decl = Declaration(Meta(id="x", title="T\u009b2J"),
                       (Paragraph("para_1", None, (Sentence("para_1__s_1", text),)),))
    (tmp_path / "x.xml").write_bytes(xmlio.dump(decl))
    for args in (["show", str(tmp_path / "x.xml")], ["show", "--full", str(tmp_path / "x.xml")],
                 ["list", str(tmp_path)]):
        assert main(args) == 0
        out = capsys.readouterr().out
        assert not any(c in out for c in "\u202e\u202c\u009b"), args
    assert main(["show", str(tmp_path / "x.xml")]) == 0
    assert "Evil <U+202E>esrever<U+202C> and <U+009B>2J clear." in capsys.readouterr().out
