"""The command line's shared pieces: the `scodiff` group, exit codes, and how output is printed.

Every command module of this package decorates its commands with `cli.command`; `compare.cli`
imports them all and holds `main`, which turns every failure into one line and exit 2.
The rules every command follows are kept here, once: a command that prints a document takes
`output_option` (`-o FILE`, format inferred from the extension, `-o -` is standard output) and
writes with `write_document`; a command that aligns takes `align_options` (`--threshold`,
`--config`); notices go to stderr through `print_notices` (at most NOTICE_LIMIT); data goes
to stdout through `echo_out`.
"""

from __future__ import annotations

import errno
import math
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from .. import __version__
from ..errors import OutputError
from .process import silence

F = TypeVar("F", bound=Callable[..., Any])

EXTENSIONS = {".md": "md", ".markdown": "md", ".json": "json", ".html": "html", ".htm": "html",
              ".txt": "text", ".text": "text", ".sarif": "sarif"}
"""The format a file name's extension means; other extensions leave the choice to --format."""
NOTICE_LIMIT = 20
"""Notices printed before "... and N more (--verbose)"."""

EXIT_OK, EXIT_DIFFERENT, EXIT_TROUBLE = 0, 1, 2
WRITE_BATCH = 1 << 20
"""Bytes gathered before one write to stdout when a document comes in pieces."""

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
@click.version_option(__version__, prog_name="scodiff")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """scodiff: store, align and compare SCO declarations clause by clause.

    \b
    Example:
      scodiff validate
      scodiff report declarations/2007-bishkek-draft.xml declarations/2007-bishkek.xml
    """
    ctx.obj = {"debug": debug}


def echo_out(text: str | Sequence[str]) -> None:
    """Print to stdout as UTF-8 with "\\n" line endings, whatever the locale; `text` may come
    in pieces (a long JSON document), written one after another.

    A closed or unwritable stdout is trouble (`OutputError`, exit 2), never "internal error"; a
    reader that went away (`| head`) raises BrokenPipeError, which `main` ends quietly with 2.
    """
    pieces = [text] if isinstance(text, str) else list(text)
    if not pieces or not pieces[-1].endswith("\n"):
        pieces.append("\n")
    if sys.stdout is None:
        raise OutputError("cannot write to standard output: it is closed")
    try:
        sys.stdout.flush()
        batch = bytearray()
        for piece in pieces:  # one write per MiB: a shorter document is one write, as one string
            batch += piece.encode("utf-8")
            if len(batch) >= WRITE_BATCH:
                _write_all(sys.stdout.buffer, bytes(batch))
                batch.clear()
        if batch:
            _write_all(sys.stdout.buffer, bytes(batch))
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        silence(1)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "it is closed"
        raise OutputError(f"cannot write to standard output: {reason}") from None


def _write_all(stream: Any, data: bytes) -> None:
    """Write every byte: a pipe whose reader goes away mid-write makes `write` return a short
    count without an error, and the rest would be lost in silence; the next write raises."""
    view = memoryview(data)
    while view:
        written = stream.write(view)
        if not written:
            raise OSError(errno.EIO, "nothing written")
        view = view[written:]


def _output_path(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not value.strip():
        raise click.BadParameter("expected a file name, found an empty string")
    return value


def output_option(formats: Sequence[str], default: str, help: str) -> Callable[[F], F]:
    """Decorator: `-o/--output FILE` and `--format` for a command that prints a document.

    The command receives `output` (None or "-" for standard output) and `fmt` (None unless
    given); it calls `resolve_format(output, fmt, formats, default)` to get the format, and
    `write_document(text, output)` to write. `help` describes the formats.

    \b
    Example:
      @cli.command("show")
      @output_option(("text", "json"), "text", "text: an outline; json: scodiff.declaration/1.")
      def show_cmd(file, output, fmt): ...
    """
    names = ", ".join(f"{ext} ({f})" for ext, f in EXTENSIONS.items() if f in formats)

    def decorate(f: F) -> F:
        f = click.option("--format", "fmt", type=click.Choice(list(formats)), default=None,
                         help=f"{help} Default: from the extension of -o, else {default}.")(f)
        return click.option(
            "-o", "--output", callback=_output_path, metavar="FILE",
            help=f"File to write (default or '-': standard output); its extension picks the "
                 f"format: {names}.")(f)

    return decorate


def resolve_format(output: str | None, fmt: str | None, formats: Sequence[str],
                   default: str) -> str:
    """The format to write: --format, else the one the extension of `output` means, else
    `default`. A --format the extension contradicts, or an extension meaning a format this
    command does not write, is a usage error (one line, exit 2)."""
    inferred = None
    if output and output != "-":
        suffix = Path(output).suffix.lower()
        inferred = EXTENSIONS.get(suffix)
        if inferred is not None and inferred not in formats:
            raise click.UsageError(f"{output}: a {suffix} file would hold {inferred}; this "
                                   f"command writes {', '.join(formats)}")
        if fmt is not None and inferred is not None and fmt != inferred:
            raise click.UsageError(f"--format {fmt} does not match {output} (a {suffix} file "
                                   f"holds {inferred})")
    return fmt or inferred or default


def write_document(text: str | Sequence[str], output: str | None,
                   inputs: Iterable[Any] = ()) -> None:
    """Write a document (one string, or pieces of one) to `output` atomically (never over one of
    `inputs`), or to standard output when `output` is None or "-"."""
    if output is None or output == "-":
        echo_out(text)
        return
    from ..store.fsio import check_not_input, write_atomic

    paths = list(inputs)
    check_not_input(output, paths)
    data = (text.encode("utf-8") if isinstance(text, str)
            else b"".join(piece.encode("utf-8") for piece in text))
    write_atomic(output, data, inputs=paths)


def align_options(f: F) -> F:
    """Decorator: the options that change an alignment, for every command that aligns:
    `--threshold F` and `--config FILE` (the command receives `threshold` and `config`)."""
    f = click.option("--config", "config", metavar="FILE",
                     help="TOML file of extra commitment phrases/levels merged into the shipped "
                          "ladder (also: $SCODIFF_COMMITMENTS).")(f)
    return click.option(
        "--threshold", type=Fraction(), default=None,
        help="Cosine similarity (0-1, default 0.5) at or above which two changed units are one "
             "clause: higher pairs fewer units (more removed + added), lower pairs more (more "
             "reworded and moved). Identical texts always pair.")(f)


def verbose_option(f: F) -> F:
    """Decorator: `-v/--verbose`, every notice printed (the command receives `verbose`)."""
    return click.option("-v", "--verbose", is_flag=True,
                        help=f"Print every notice (default: the first {NOTICE_LIMIT}).")(f)


def print_notices(notices: Iterable[str], verbose: bool, limit: int = NOTICE_LIMIT) -> int:
    """Print notices to stderr, one line each (controls shown visibly): at most `limit`, then
    "... and N more (--verbose)", unless `verbose`. Returns how many there were."""
    from ..textfmt import one_line

    count = 0
    for notice in notices:
        count += 1
        if verbose or count <= limit:
            click.echo(one_line(" ".join(str(notice).splitlines())), err=True)
    if not verbose and count > limit:
        click.echo(f"... and {count - limit} more (--verbose)", err=True)
    return count
