"""The command line's shared pieces: the `scodiff` group, exit codes, and how output is printed.

Every command module of this package decorates its commands with `cli.command`; `compare.cli`
imports them all and holds `main`, which turns every failure into one line and exit 2.
"""

from __future__ import annotations

import sys

import click

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


def _output_path(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not value.strip():
        raise click.BadParameter("expected a file name, found an empty string")
    return value


# --- commands ------------------------------------------------------------------------------


NOTICE_CAP = 20
"""At most this many notices are printed unless --verbose; then one line says how many more."""


def print_notices(notices: list[str], verbose: bool) -> None:
    """Print formatted notice lines to stderr: all with `verbose`, else the first
    `NOTICE_CAP` and "... and N more (--verbose)"."""
    shown = notices if verbose else notices[:NOTICE_CAP]
    for line in shown:
        click.echo(line, err=True)
    if len(notices) > len(shown):
        click.echo(f"... and {len(notices) - len(shown)} more (--verbose)", err=True)
