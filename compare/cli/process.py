"""The process around a command: terminating signals, and standard streams that fail.

Trouble exits 2 whatever fails, including the report of the trouble. A terminating signal
(SIGTERM, SIGHUP, SIGQUIT, ...) is turned into `Terminated` so that every `finally` runs and
`store.fsio.remove_pending` deletes the temp file of a write in progress; the process then exits
2 with one line. A stream that cannot be written (a closed pipe, a full disk, a closed descriptor)
is pointed at /dev/null once it has failed, so that Python's own flush at exit cannot fail again
and turn the exit status into 120.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType

import click

TERMINATING = ("SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2", "SIGALRM", "SIGXCPU",
               "SIGXFSZ", "SIGVTALRM", "SIGPROF")
"""Signals whose default action ends the process and that a program may catch (not SIGKILL)."""


class Terminated(BaseException):
    """A terminating signal arrived; a BaseException so that no `except Exception` stops it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.name = signal.Signals(signum).name


def _raise(signum: int, frame: FrameType | None) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def signals_raise() -> Iterator[None]:
    """While inside, a terminating signal raises `Terminated` (main thread only); restored after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = {}
    for name in TERMINATING:
        sig = getattr(signal, name, None)
        if sig is not None and signal.getsignal(sig) is signal.SIG_DFL:
            saved[sig] = signal.signal(sig, _raise)
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def silence(fd: int) -> None:
    """Point a failed standard stream at /dev/null (a closed one too), so nothing more fails."""
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)


def say(message: str) -> None:
    """One line on stderr; if stderr itself cannot be written, nothing (the exit status speaks)."""
    try:
        if sys.stderr is None:
            return
        click.echo(message, err=True)
        sys.stderr.flush()
    except (OSError, ValueError):
        silence(2)


def flush_stdout() -> bool:
    """Flush stdout at the end of a command; False when it cannot be written (pipe closed...)."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
        return True
    except (OSError, ValueError):
        silence(1)
        return False


def remove_pending() -> None:
    """Delete the temp file of a write in progress (`store.fsio.remove_pending`), without
    importing the store: if it was never imported, no write can be in progress, and
    `scodiff --version` stays free of lxml."""
    fsio = sys.modules.get("compare.store.fsio")
    if fsio is not None:
        fsio.remove_pending()
