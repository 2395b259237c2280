"""The command line: parses options, calls the library, prints or writes. No logic of its own.

Exit codes everywhere (as diff(1)): 0 nothing to report, 1 differences or findings, 2 trouble.
click's own defaults (1 for `ClickException`, Ctrl-C and uncaught exceptions) are overridden in
`main`: every failure path exits 2 with one line on stderr (a traceback only with `--debug`).
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Sequence

import click

from ..errors import ScodiffError
from ..textfmt import visible
from . import compare_cmds, corpus_cmds, store_cmds
from .base import EXIT_OK, EXIT_TROUBLE, cli

__all__ = ["cli", "compare_cmds", "corpus_cmds", "main", "store_cmds"]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `scodiff` and `python -m compare`; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        rv = cli.main(args=args, prog_name="scodiff", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("scodiff: interrupted", err=True)
        return EXIT_TROUBLE
    except click.exceptions.NoArgsIsHelpError as exc:  # `scodiff` alone: its help, exit 2
        click.echo(exc.format_message(), err=True)
        return EXIT_TROUBLE
    except click.UsageError as exc:
        where = exc.ctx.command_path if exc.ctx is not None else "scodiff"
        message = exc.format_message().rstrip(".")
        click.echo(visible(f"scodiff: error: {message} (see '{where} --help')"), err=True)
        return EXIT_TROUBLE
    except click.ClickException as exc:
        click.echo(visible(f"scodiff: error: {exc.format_message()}"), err=True)
        return EXIT_TROUBLE
    except ScodiffError as exc:
        if debug:
            traceback.print_exc()
        click.echo(visible(f"scodiff: error: {exc}"), err=True)
        return EXIT_TROUBLE
    except KeyboardInterrupt:
        click.echo("scodiff: interrupted", err=True)
        return EXIT_TROUBLE
    except BrokenPipeError:
        return EXIT_TROUBLE
    except Exception as exc:  # the last line of defence: never exit 1 on a bug
        if debug:
            traceback.print_exc()
        first = str(exc).splitlines()[0] if str(exc) else ""
        msg = f"scodiff: internal error: {type(exc).__name__}: {first}".rstrip(": ")
        click.echo(visible(f"{msg} (run with --debug for a traceback)"), err=True)
        return EXIT_TROUBLE
    return rv if isinstance(rv, int) else EXIT_OK
