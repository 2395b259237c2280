"""Atomic writes and refusing to overwrite inputs (RELIABILITY F1-F3)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time

import pytest

from compare.errors import DeclarationError, OutputError
from compare.store import fsio


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


def test_output_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path) -> None:
    target = tmp_path / "real.html"
    target.write_bytes(b"old")
    link = tmp_path / "link.html"
    link.symlink_to(target)
    fsio.write_atomic(link, b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.html", "real.html"]


def test_output_to_a_device_writes_into_it_never_replaces_it(tmp_path) -> None:
    # Through a link in tmp_path, so that a regression replaces the link, never /dev/null.
    link = tmp_path / "sink"
    link.symlink_to(os.devnull)
    fsio.write_atomic(link, b"data")
    assert link.is_symlink() and stat.S_ISCHR(os.stat(os.devnull).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["sink"]


def test_output_to_a_fifo_without_reader_is_refused_not_hung(tmp_path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="no process reads"):
        fsio.write_atomic(fifo, b"data")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_to_a_fifo_with_a_reader_goes_to_the_reader(tmp_path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    for _ in range(200):  # wait until the reader has the FIFO open (at most 2 s)
        try:
            fsio.write_atomic(fifo, b"data")
            break
        except OutputError:
            time.sleep(0.01)
    reader.join(5)
    assert got == [b"data"] and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_path_with_a_trailing_slash_is_a_folder_not_a_file(tmp_path) -> None:
    with pytest.raises(OutputError, match="expected a file name"):
        fsio.write_atomic(f"{tmp_path / 'out'}/", b"x")
    assert list(tmp_path.iterdir()) == []


def test_reading_a_fifo_without_writer_does_not_hang(tmp_path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code = f"from compare.store import fsio; fsio.read_bytes({str(fifo)!r})"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=20)
    assert done.returncode == 0


def test_reading_a_device_is_refused_without_reading_it() -> None:
    with pytest.raises(DeclarationError, match="is a device, expected a file"):
        fsio.read_bytes("/dev/zero")
