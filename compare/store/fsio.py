"""File I/O at the edges: bounded reading of inputs and the one atomic writer of outputs.

`read_bytes` enforces the input size limit; `write_atomic` writes a temp file in the destination's
folder, flushes it and `os.replace`s it, so a reader sees the old file or the whole new one. It
refuses to write over any of the inputs (also through a link) before anything is written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import DeclarationError, LimitError, OutputError

MAX_INPUT_BYTES = 16 * 1024 * 1024
"""Largest input file read (16 MiB, ~2,500 declarations' worth of text)."""

_MAGIC = (
    (b"\x1f\x8b", "compressed input not supported (gzip); decompress it first"),
    (b"%PDF-", "not a text file (PDF)"),
    (b"PK\x03\x04", "not a text file (ZIP or office document)"),
    (b"\xd0\xcf\x11\xe0", "not a text file (old Word or Excel document)"),
    (b"{\\rtf", "not a text file (RTF)"),
)


def binary_kind(data: bytes) -> str | None:
    """Why `data` is not text we can read, judged by its first bytes; None when it may be."""
    return next((message for magic, message in _MAGIC if data.startswith(magic)), None)


def read_bytes(path: str | os.PathLike[str], limit: int = MAX_INPUT_BYTES) -> bytes:
    """Read an input file, refusing one past `limit` bytes; errors name the file.

    A device (/dev/zero, a terminal) is refused without reading it; a FIFO is opened without
    waiting for a writer, so one that nobody writes reads as empty instead of hanging.
    """
    name = os.fspath(path)
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK)
    except IsADirectoryError:
        raise DeclarationError("is a directory, expected a file", name) from None
    except FileNotFoundError:
        raise DeclarationError("no such file", name) from None
    except OSError as exc:
        raise DeclarationError(f"cannot read: {exc.strerror or exc}", name) from None
    mode = os.fstat(fd).st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        os.close(fd)
        what = "a directory" if stat.S_ISDIR(mode) else "a device"
        raise DeclarationError(f"is {what}, expected a file", name)
    with os.fdopen(fd, "rb") as fh:
        os.set_blocking(fd, True)
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise DeclarationError(f"cannot read: {exc.strerror or exc}", name) from None
    if len(data) > limit:
        raise LimitError(f"input larger than the {limit // (1024 * 1024)} MiB limit", name)
    return data


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (b.exists() and a.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def check_not_input(dest: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Refuse an output path that is (or links to) one of the inputs."""
    d = Path(dest)
    for src in inputs:
        if _same_file(d, Path(src)):
            raise OutputError(f"{os.fspath(dest)}: refusing to overwrite an input file")


def write_atomic(
    dest: str | os.PathLike[str],
    data: bytes,
    inputs: Iterable[str | os.PathLike[str]] = (),
) -> None:
    """Write `data` to `dest` atomically; never over an input; no temp file left on failure.

    A link is followed (the file it points to is replaced, the link kept); a device or a FIFO
    (`-o /dev/stdout`) is written into, never replaced.
    """
    check_not_input(dest, inputs)
    name = os.fspath(dest)
    if name.endswith(("/", os.sep)) and not Path(name).is_dir():
        raise OutputError(f"{name}: expected a file name, found a folder path")
    try:
        mode: int | None = os.stat(name).st_mode
    except OSError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(f"{name}: is a directory")
    if mode is not None and not stat.S_ISREG(mode):
        _write_special(name, data)
        return
    import tempfile  # here: a command that only reads and prints does not load it

    path = Path(os.path.realpath(name)) if os.path.islink(name) else Path(name)
    folder = path.parent if str(path.parent) else Path(".")
    tmp = None
    try:
        with _signals_held():  # a signal between creating and recording it would leave it
            fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path.name, folder), suffix=".tmp",
                                       dir=folder)
            _PENDING.add(tmp)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, path)
        _PENDING.discard(tmp)
        tmp = None
    except OSError as exc:
        raise OutputError(f"{name}: cannot write: {exc.strerror or exc}") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            _PENDING.discard(tmp)


_HELD = tuple(getattr(signal, name) for name in (
    "SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGXCPU",
    "SIGXFSZ", "SIGVTALRM", "SIGPROF") if hasattr(signal, name))


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Terminating signals wait (blocked, not lost) until the block ends, then arrive."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


_PENDING: set[str] = set()
"""Temp files being written now: `remove_pending` deletes them when a signal ends the process."""

_TEMP_EXTRA = len(".") + len(".") + 8 + len(".tmp")  # "." + prefix + "." + random + ".tmp"


def _temp_prefix(name: str, folder: Path) -> str:
    """`.NAME.` cut so that the whole temp name fits the folder's file-name limit (in bytes)."""
    try:
        limit = os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError):
        limit = 255
    raw = os.fsencode(name)
    room = max(limit - _TEMP_EXTRA, 1)
    if len(raw) > room:
        raw = raw[:room]
        while raw and (raw[-1] & 0xC0) == 0x80:  # never cut a UTF-8 character in two
            raw = raw[:-1]
        raw = raw[:-1] if raw and raw[-1] >= 0xC0 else raw
    return f".{os.fsdecode(raw)}."


def remove_pending() -> None:
    """Delete every temp file a write in progress left (called on a terminating signal)."""
    for tmp in sorted(_PENDING):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    _PENDING.clear()


def _write_special(name: str, data: bytes) -> None:
    """Write into a device or FIFO in place; a FIFO that no process reads is an error."""
    try:
        fd = os.open(name, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OutputError(f"{name}: no process reads this FIFO") from None
        raise OutputError(f"{name}: cannot write: {exc.strerror or exc}") from None
    try:
        os.set_blocking(fd, True)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        raise OutputError(f"{name}: cannot write: {exc.strerror or exc}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
