"""The command line's shared pieces: the `scodiff` group, exit codes, and how output is printed.

Every command module of this package decorates its commands with `cli.command`; `compare.cli`
imports them all and holds `main`, which turns every failure into one line and exit 2.
"""

from __future__ import annotations

import math
import sys
from typing import Any

import click

from ..errors import OutputError
from .process import silence

EXIT_OK, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2

class Fraction(click.FloatRange):
    """A number from 0 to 1, refusing nan (which passes any range check) and infinities."""

    name = "fraction"

    def __init__(self) -> None:
        super().__init__(0.0, 1.0)

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> float:
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"expected a number from 0 to 1, found {value!r}", param, ctx)
        return float(number)


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
    """Print to stdout as UTF-8 with "\\n" line endings, whatever the locale.

    A closed or unwritable stdout is trouble (`OutputError`, exit 2), never "internal error"; a
    reader that went away (`| head`) raises BrokenPipeError, which `main` ends quietly with 2.
    """
    data = text if text.endswith("\n") else text + "\n"
    if sys.stdout is None:
        raise OutputError("cannot write to standard output: it is closed")
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data.encode("utf-8"))
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        silence(1)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "it is closed"
        raise OutputError(f"cannot write to standard output: {reason}") from None


def _output_path(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not value.strip():
        raise click.BadParameter("expected a file name, found an empty string")
    return value


# --- commands ------------------------------------------------------------------------------
