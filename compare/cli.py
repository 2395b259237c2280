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

from .errors import ScodiffError

EXIT_OK, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
@click.option("--debug", is_flag=True, help="Show a traceback on errors.")
@click.version_option(package_name="scodiff", prog_name="scodiff")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """scodiff: store, align and compare SCO declarations clause by clause.

    \b
    Example:
      scodiff validate
      scodiff report declarations/2007-bishkek-draft.xml declarations/2007-bishkek.xml
    """
    ctx.obj = {"debug": debug}


def echo_out(text: str) -> None:
    """Print to stdout as UTF-8 with "\\n" line endings, whatever the locale."""
    data = text if text.endswith("\n") else text + "\n"
    sys.stdout.flush()
    sys.stdout.buffer.write(data.encode("utf-8"))
    sys.stdout.buffer.flush()


# --- commands ------------------------------------------------------------------------------
# Each command below parses its options, calls one library function and prints or writes.


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
    except click.ClickException as exc:
        exc.show()
        return EXIT_TROUBLE
    except ScodiffError as exc:
        if debug:
            traceback.print_exc()
        click.echo(f"scodiff: error: {exc}", err=True)
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
        click.echo(f"{msg} (run with --debug for a traceback)", err=True)
        return EXIT_TROUBLE
    return rv if isinstance(rv, int) else EXIT_OK
