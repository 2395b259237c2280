"""The process around a command: I/O faults on the standard streams, signals, special files.

Issue 14's kinds 2 (trouble is 2 whatever fails, a closed pipe is quiet but never 0 or 1), 5 (no
temp file left after a terminating signal), 9 (a FIFO named *.xml in a corpus is skipped with a
notice, never read) and 11 (a legal 255-byte output name is written). Every case runs a real
`python -m compare` process, since the faults are the process's own.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LEFT = str(ROOT / "declarations" / "2007-bishkek-draft.xml")
RIGHT = str(ROOT / "declarations" / "2007-bishkek.xml")
SCODIFF = [sys.executable, "-m", "compare"]


def scodiff(*args: str, **kw: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*SCODIFF, *args], cwd=ROOT, timeout=60, check=False, **kw)  # type: ignore[call-overload, no-any-return]


# --- kind 2: standard streams that fail ------------------------------------------------------

def test_trouble_is_2_when_stderr_is_full() -> None:
    with open("/dev/full", "wb") as full:
        done = scodiff("show", "no-such-declaration", stderr=full, stdout=subprocess.PIPE)
    assert done.returncode == 2


def test_trouble_is_2_when_stderr_is_closed() -> None:
    done = scodiff("show", "no-such-declaration", stdout=subprocess.PIPE,
                   pass_fds=(), preexec_fn=lambda: os.close(2))
    assert done.returncode == 2


def test_a_full_stdout_is_trouble_with_a_message() -> None:
    with open("/dev/full", "wb") as full:
        done = scodiff("show", "2007-bishkek", stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 2
    assert done.stderr.decode().strip() == (
        "scodiff: error: cannot write to standard output: No space left on device")


def test_a_closed_stdout_is_trouble_with_a_message() -> None:
    done = scodiff("show", "2007-bishkek", stderr=subprocess.PIPE,
                   preexec_fn=lambda: os.close(1))
    assert done.returncode == 2
    assert b"cannot write to standard output" in done.stderr
    assert b"internal error" not in done.stderr


@pytest.mark.parametrize("args", [("show", "2007-bishkek", "--full"), ("--help",),
                                  ("align", LEFT, RIGHT)])
def test_a_closed_pipe_is_quiet_and_exits_2(args: tuple[str, ...]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first write: EPIPE, every time
    try:
        done = scodiff(*args, stdout=write_end, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    assert done.returncode == 2
    assert done.stderr == b""


# --- kind 5: signals during a write -----------------------------------------------------------

_SIGNAL_SCRIPT = """
import os, signal, sys
import compare.store.fsio as fsio
real_fsync = os.fsync
def fsync(fd):
    real_fsync(fd)
    os.kill(os.getpid(), signal.{name})
fsio.os.fsync = fsync
from compare.cli import main
sys.exit(main(["report", {left!r}, {right!r}, "-o", {out!r}]))
"""


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT", "SIGQUIT", "SIGUSR1"])
def test_a_signal_during_a_write_leaves_no_temp_file(name: str, tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("old report\n", encoding="utf-8")
    code = _SIGNAL_SCRIPT.format(name=name, left=LEFT, right=RIGHT, out=str(out))
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          timeout=60, check=False)
    assert done.returncode == 2, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
    assert out.read_text(encoding="utf-8") == "old report\n"  # the old file or the whole new one
    expected = "interrupted" if name == "SIGINT" else f"terminated by {name}"
    assert done.stderr.decode().strip() == f"scodiff: {expected}"


def test_signal_handlers_are_restored_after_main() -> None:
    from compare.cli import main

    before = signal.getsignal(signal.SIGTERM)
    assert main(["--version"]) == 0
    assert signal.getsignal(signal.SIGTERM) is before


# --- kind 9: special files in a corpus folder -------------------------------------------------

@pytest.mark.parametrize("command", [("list",), ("validate",)])
def test_a_fifo_in_a_corpus_folder_is_skipped_with_a_notice(command: tuple[str, ...],
                                                            tmp_path: Path) -> None:
    (tmp_path / "2007-bishkek.xml").write_bytes(Path(RIGHT).read_bytes())
    os.mkfifo(tmp_path / "pipe.xml")
    done = scodiff(*command, str(tmp_path), capture_output=True)
    assert done.returncode == 0, done.stderr
    assert f"scodiff: notice: {tmp_path / 'pipe.xml'}: skipped, not a regular file".encode() \
        in done.stderr


def test_show_by_id_does_not_read_a_fifo(tmp_path: Path) -> None:
    folder = tmp_path / "declarations"
    folder.mkdir()
    (folder / "2007-bishkek.xml").write_bytes(Path(RIGHT).read_bytes())
    os.mkfifo(folder / "a-first.xml")  # sorted before the real file
    done = subprocess.run([*SCODIFF, "show", "2007-bishkek"], cwd=tmp_path, capture_output=True,
                          timeout=30, check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert b"Bishkek Declaration" in done.stdout


# --- kind 11: long output names ---------------------------------------------------------------

@pytest.mark.parametrize("stem", ["a" * 250, "\u00e9" * 125])
def test_a_255_byte_output_name_is_written(stem: str, tmp_path: Path) -> None:
    name = stem + ".html"
    assert len(os.fsencode(name)) == 255
    done = scodiff("report", LEFT, RIGHT, "-o", str(tmp_path / name), capture_output=True)
    assert done.returncode == 1, done.stderr
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_temp_prefix_fits_the_limit_and_keeps_characters_whole(tmp_path: Path) -> None:
    from compare.store.fsio import _TEMP_EXTRA, _temp_prefix

    for name in ("x" * 255, "\u00e9" * 127, "\u4e2d" * 85, "short.html"):
        prefix = _temp_prefix(name, tmp_path)
        assert len(os.fsencode(prefix)) + 8 + len(".tmp") <= 255
        assert prefix.startswith(".") and prefix.endswith(".")
        assert name.startswith(prefix[1:-1])
    assert _TEMP_EXTRA == 14


# --- kind 7: options ----------------------------------------------------------------------

@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "-0.1", "1.5", "x"])
def test_threshold_must_be_a_finite_number_from_0_to_1(value: str) -> None:
    from compare.cli import main

    assert main(["align", LEFT, RIGHT, "--threshold", value]) == 2


def test_threshold_in_range_is_taken() -> None:
    from compare.cli import main

    assert main(["align", LEFT, RIGHT, "--threshold", "0.3", "--check"]) == 1


@pytest.mark.parametrize(("toml", "message"), [
    ('[languages]\nen = 4\n', "languages.en: expected a table, found 4"),
    ('[[levels]]\nname = "x"\nforce = 99\n', "levels.x.force: expected a force from 1 to 5"),
    ('format = 5\n', "format: expected 'scodiff.commitments-config/1', found 5"),
    ('[languages.en]\npronouns = 5\n', "languages.en.pronouns: expected a list, found 5"),
    ('[adjust]\nhedge = "x"\n', "adjust.hedge: expected an integer, found 'x'"),
    ("a = " + "[" * 100_000 + "]" * 100_000 + "\n", "nested too deeply"),
])
def test_a_config_of_the_wrong_shape_names_the_file_and_the_key(toml: str, message: str,
                                                               tmp_path: Path, capsys) -> None:
    from compare.cli import main

    config = tmp_path / "mine.toml"
    config.write_text(toml, encoding="utf-8")
    for args in (["commitments", RIGHT], ["align", LEFT, RIGHT], ["report", LEFT, RIGHT]):
        assert main([*args, "--config", str(config)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"scodiff: error: {config}: ") and message in err, err
        assert "internal error" not in err and len(err.splitlines()) == 1


def test_a_scodiff_process_raises_the_collector_thresholds(monkeypatch, capsys) -> None:
    """Run as a process (no argv given), main sets `GC_THRESHOLD`; called with arguments, as
    the tests and a library user do, it leaves the collector alone."""
    import gc

    from compare.cli import GC_THRESHOLD, main

    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        assert main(["--version"]) == 0 and gc.get_threshold() == (700, 10, 10)
        monkeypatch.setattr("sys.argv", ["scodiff", "--version"])
        assert main() == 0 and gc.get_threshold() == GC_THRESHOLD
    finally:
        gc.set_threshold(*before)
    assert "scodiff" in capsys.readouterr().out
