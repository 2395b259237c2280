"""Plain-text helpers: clipping and column padding."""

from __future__ import annotations

from compare.textfmt import clip, columns


def test_clip() -> None:
    assert clip("short", 10) == "short"
    assert clip("a long sentence here", 8) == "a long…"
    assert len(clip("x" * 50, 20)) == 20


def test_columns_pad_all_but_the_last() -> None:
    assert columns([("id", "text"), ("para_10", "a long last cell"), ("p", "b")]) == (
        "id       text\npara_10  a long last cell\np        b\n")


def test_columns_empty() -> None:
    assert columns([]) == ""
