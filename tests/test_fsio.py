"""Atomic writes and refusing to overwrite inputs (RELIABILITY F1-F3)."""

from __future__ import annotations

import os

import pytest

from compare import fsio
from compare.errors import DeclarationError, OutputError


def test_write_atomic_writes_and_replaces(tmp_path) -> None:
    dest = tmp_path / "out.txt"
    fsio.write_atomic(dest, b"one")
    fsio.write_atomic(dest, b"two")
    assert dest.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_f1_failure_leaves_destination_and_no_temp(tmp_path, monkeypatch) -> None:
    dest = tmp_path / "out.txt"
    dest.write_bytes(b"old")

    def boom(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OutputError, match="No space left"):
        fsio.write_atomic(dest, b"new")
    assert dest.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_f2_refuses_input_as_output_also_through_a_link(tmp_path) -> None:
    src = tmp_path / "in.xml"
    src.write_bytes(b"input")
    link = tmp_path / "link.xml"
    link.symlink_to(src)
    for dest in (src, link, tmp_path / "." / "in.xml"):
        with pytest.raises(OutputError, match="refusing to overwrite an input"):
            fsio.write_atomic(dest, b"x", inputs=[src])
    assert src.read_bytes() == b"input"


def test_unwritable_folder_is_an_output_error(tmp_path) -> None:
    with pytest.raises(OutputError, match="cannot write"):
        fsio.write_atomic(tmp_path / "missing" / "out.txt", b"x")


def test_read_bytes_errors_name_the_file(tmp_path) -> None:
    with pytest.raises(DeclarationError, match="no such file"):
        fsio.read_bytes(tmp_path / "nope")
    with pytest.raises(DeclarationError, match="is a directory"):
        fsio.read_bytes(tmp_path)
