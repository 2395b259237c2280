"""The command line: parses options, calls the library, prints or writes. No logic of its own.

Exit codes everywhere (as diff(1)): 0 nothing to report, 1 differences or findings, 2 trouble.
click's own defaults (1 for `ClickException`, Ctrl-C and uncaught exceptions) are overridden in
`main`: every failure path exits 2 with one line on stderr (a traceback only with `--debug`).
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

import click

from ..errors import ScodiffError
from ..textfmt import one_line
from . import compare_cmds, corpus_cmds, store_cmds
from .base import EXIT_OK, EXIT_TROUBLE, cli
from .check_cmds import check_cmd, git_diff_cmd  # noqa: F401  (registers the commands)
from .process import Terminated, flush_stdout, remove_pending, say, signals_raise, silence

__all__ = ["cli", "compare_cmds", "corpus_cmds", "main", "run", "store_cmds"]


GC_THRESHOLD = (50_000, 20, 20)
"""The cyclic collector's thresholds in a `scodiff` process: the stages build many small
acyclic objects, and with Python's default (700 allocations) the collector walked them again
and again, a quarter of the time of a large comparison (align, commitments and JSON of 8,800
units: 4.1 s CPU with the default, 3.0 s with no collection, 2.9 s with these)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `scodiff` and `python -m compare`; returns the exit status. Run as a
    process (`argv` None) it sets the collector's thresholds (`GC_THRESHOLD`)."""
    if argv is None:
        gc.set_threshold(*GC_THRESHOLD)
    args = list(sys.argv[1:] if argv is None else argv)
    with signals_raise():
        try:
            status = _run(args, "--debug" in args)
        except Terminated as exc:
            remove_pending()
            say(f"scodiff: terminated by {exc.name}")
            return EXIT_TROUBLE
    if not flush_stdout():
        return EXIT_TROUBLE
    return status


def run() -> NoReturn:
    """The `scodiff` process (console script and `python -m compare`): `main`, then the end of
    the process without the interpreter's teardown, which frees every object of the run one by
    one (a large comparison's model, alignment and commitments: about 0.2 s of 4 s at N=400).
    By then the command has written and closed its files and stdout is flushed; stderr is
    flushed here."""
    status = main()
    with contextlib.suppress(OSError, ValueError):
        if sys.stderr is not None:
            sys.stderr.flush()
    os._exit(status)


def _run(args: list[str], debug: bool) -> int:
    """The command, every failure turned into one line on stderr and exit 2."""
    try:
        rv = cli.main(args=args, prog_name="scodiff", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except (click.exceptions.Abort, KeyboardInterrupt):
        remove_pending()
        say("scodiff: interrupted")
        return EXIT_TROUBLE
    except click.exceptions.NoArgsIsHelpError as exc:  # `scodiff` alone: its help, exit 2
        say(exc.format_message())
        return EXIT_TROUBLE
    except click.UsageError as exc:
        where = exc.ctx.command_path if exc.ctx is not None else "scodiff"
        message = exc.format_message().rstrip(".")
        say(one_line(f"scodiff: error: {message} (see '{where} --help')"))
        return EXIT_TROUBLE
    except click.ClickException as exc:
        say(one_line(f"scodiff: error: {exc.format_message()}"))
        return EXIT_TROUBLE
    except (BrokenPipeError, SystemExit):  # the reader went away (`| head`): quiet, never 0 or 1
        # click answers EPIPE with sys.exit(1) even outside standalone mode: that is this case too
        silence(1)
        return EXIT_TROUBLE
    except ScodiffError as exc:
        if debug:
            import traceback  # only with --debug: not imported by every run

            traceback.print_exc()
        say(one_line(f"scodiff: error: {exc}"))
        return EXIT_TROUBLE
    except Exception as exc:  # the last line of defence: never exit 1 on a bug
        if debug:
            import traceback

            traceback.print_exc()
        first = str(exc).splitlines()[0] if str(exc) else ""
        msg = f"scodiff: internal error: {type(exc).__name__}: {first}".rstrip(": ")
        say(one_line(f"{msg} (run with --debug for a traceback)"))
        return EXIT_TROUBLE
    return rv if isinstance(rv, int) else EXIT_OK
