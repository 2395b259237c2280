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
from .textfmt import visible

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
# Each command below parses its options, calls one library function and prints or writes.


@cli.command("align")
@click.argument("left")
@click.argument("right")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: one line per pair; json: scodiff.alignment/1.")
@click.option("--threshold", type=click.FloatRange(0.0, 1.0), default=None,
              help="Cosine similarity (0-1, default 0.5) at or above which two changed units "
                   "are one clause: higher pairs fewer units (more removed + added), lower "
                   "pairs more (more reworded and moved). Identical texts always pair.")
@click.option("--check", is_flag=True,
              help="Print nothing; only the exit status tells whether the texts differ.")
def align_cmd(left: str, right: str, fmt: str, threshold: float | None, check: bool) -> int:
    """Align two declarations clause by clause and print the alignment.

    LEFT and RIGHT are XML files or ids of declarations in the corpus. Exit status 1 when the
    texts differ (any pair not unchanged, or a normalisation-only or invisible-character
    change), 0 when they do not, 2 on trouble; --check only suppresses the output. The
    threshold also scales gap filling between unchanged neighbours (0.4 x, or 0.1 x for
    mutual best matches), splits and merges, and moves (a changed text moved d units needs
    threshold + (1 - threshold) x d / (d + 100)).
    Text lines read `MARK  LEFT  RIGHT  SIMILARITY  (NOTES)`; marks: = unchanged, ~ reworded,
    > moved, < split/merged, - removed, + added.

    \b
    Example:
      scodiff align declarations/2007-bishkek-draft.xml declarations/2007-bishkek.xml
    """
    from .align.aligner import THRESHOLD, align
    from .align.table import format_table
    from .commitments import analyse
    from .report.serialize import alignment_to_json, dumps_json
    from .store.catalogue import resolve
    from .store.xmlio import load

    alignment = analyse(align(load(resolve(left)), load(resolve(right)),
                              THRESHOLD if threshold is None else threshold))
    if not check:
        echo_out(dumps_json(alignment_to_json(alignment)) if fmt == "json"
                 else format_table(alignment))
    return EXIT_DIFFERENT if alignment.differs else EXIT_OK


@cli.command("report")
@click.argument("left")
@click.argument("right")
@click.option("-o", "--output", callback=_output_path,
              help="File to write (default: print to stdout).")
@click.option("--format", "fmt", type=click.Choice(["html", "md", "json"]), default="html",
              show_default=True, help="html: one self-contained page; md: for a pull-request "
                                      "comment; json: scodiff.report/1.")
def report_cmd(left: str, right: str, output: str | None, fmt: str) -> int:
    """Compare two declarations and write the report (LEFT earlier or draft, RIGHT later).

    LEFT and RIGHT are XML files or ids of declarations in the corpus. Exit status 1 when
    the texts differ, 0 when they do not, 2 on trouble.

    \b
    Example:
      scodiff report declarations/2007-bishkek-draft.xml declarations/2007-bishkek.xml \\
          -o reports/2007-bishkek-draft--2007-bishkek.html
    """
    from .report.facade import compare_files, render
    from .store.catalogue import resolve
    from .store.fsio import check_not_input, write_atomic

    paths = [resolve(left), resolve(right)]
    if output:
        check_not_input(output, paths)
    alignment = compare_files(*paths)
    text = render(alignment, fmt)
    if output:
        write_atomic(output, text.encode("utf-8"), inputs=paths)
    else:
        echo_out(text)
    return EXIT_DIFFERENT if alignment.differs else EXIT_OK


@cli.command("commitments")
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="One line per commitment, or the scodiff.commitments/1 JSON.")
@click.option("--config", "config", metavar="FILE",
              help="TOML file of extra phrases/levels merged into the shipped ladder "
                   "(also: $SCODIFF_COMMITMENTS).")
def commitments_cmd(file: str, fmt: str, config: str | None) -> int:
    """List the commitments of one declaration: actor, phrase, force, hedges.

    FILE is an XML file or the id of a declaration in the corpus. The text format is a table:
    sentence id, force (1 note .. 5 will, after hedges, intensifiers and negation), level of
    the phrase, actor, phrase, notes (negation, hedges, intensifiers), object (clipped).

    \b
    Example:
      scodiff commitments declarations/2007-bishkek.xml --format json
    """
    from .commitments import commitments_document, commitments_text, find_commitments
    from .commitments.config import load_config
    from .report.serialize import dumps_json
    from .store.catalogue import resolve
    from .store.xmlio import load

    decl = load(resolve(file))
    found = find_commitments(decl, load_config(config))
    if fmt == "json":
        echo_out(dumps_json(commitments_document(decl, found)))
    else:
        echo_out(commitments_text(found) or "(no commitments)")
    return EXIT_OK


def _parties(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> tuple[object, ...] | None:
    from .model import Party

    out = []
    for value in values:
        code, sep, name = value.partition("=")
        if not sep or len(code) != 2 or not code.isalpha() or not code.isupper() or not name:
            raise click.BadParameter(f"expected CODE=NAME such as KZ=Republic of Kazakhstan, "
                                     f"found {value!r}")
        out.append(Party(code, name))
    return tuple(out) or None


@cli.command("import")
@click.argument("source_path", metavar="SOURCE")
@click.option("-o", "--output", callback=_output_path,
              help="XML file to write (default: print to stdout).")
@click.option("--format", "fmt", type=click.Choice(["auto", "text", "html"]), default="auto",
              show_default=True, help="Input format; auto looks at the name and content.")
@click.option("--encoding", help="Input encoding if not UTF-8, e.g. cp1252.")
@click.option("--select", help="HTML only: CSS selector (or XPath starting with / or ( ) "
                               "of the content.")
@click.option("--page-breaks", is_flag=True, help="Text only: read form feeds (page breaks in "
                                                  "text copied from a PDF) instead of refusing.")
@click.option("--id", "id_", help="Declaration id (default: YEAR-place, else the file name).")
@click.option("--title", help="Title (default: the title line as printed).")
@click.option("--kind", type=click.Choice(["declaration", "communique", "statement"]))
@click.option("--body", help='Meeting body, e.g. "Council of Heads of State".')
@click.option("--place", help="Meeting place (default: from the preamble).")
@click.option("--date", help="Meeting date YYYY-MM-DD (default: from the preamble).")
@click.option("--language", help="BCP 47 language tag (default: detected).")
@click.option("--party", "parties", multiple=True, callback=_parties, metavar="CODE=NAME",
              help="A party (repeatable); replaces the states found in the preamble.")
@click.option("--status", type=click.Choice(["adopted", "draft", "illustrative"]))
@click.option("--version-label", help='e.g. "English text".')
@click.option("--version-of", help="Id of the text this is a version of.")
@click.option("--source", help="Where the text comes from.")
@click.option("--source-url", help="URL of the source.")
def import_cmd(source_path: str, output: str | None, fmt: str, encoding: str | None,
               select: str | None, page_breaks: bool, id_: str | None, **meta: object) -> int:
    """Import a plain-text or HTML declaration into the XML format.

    Notices (joined paragraphs, doubled full stops, unbalanced quotes...) go to stderr as
    `path:line: notice: ...`; the text itself is stored as written.

    \b
    Example:
      scodiff import bishkek.txt -o declarations/2007-bishkek.xml --status adopted
    """
    from .ingest.importer import import_file
    from .store.fsio import write_atomic
    from .store.xmlio import dump

    given = {k: v for k, v in meta.items() if v is not None}
    decl, notices = import_file(source_path, fmt=fmt, encoding=encoding, select=select,
                                page_breaks=page_breaks, **({"id": id_} if id_ else {}), **given)
    data = dump(decl)
    for notice in notices:
        click.echo(visible(notice.format(source_path)), err=True)
    if output:
        write_atomic(output, data, inputs=[source_path])
    else:
        echo_out(data.decode("utf-8"))
    return EXIT_OK


@cli.command("export")
@click.argument("file")
@click.option("-o", "--output", callback=_output_path,
              help="Text file to write (default: print to stdout).")
def export_cmd(file: str, output: str | None) -> int:
    """Export a declaration as plain text (title, paragraphs, items as `marker text`).

    Importing the exported text gives the same declaration.

    \b
    Example:
      scodiff export declarations/2007-bishkek.xml -o bishkek.txt
    """
    from .ingest.importer import to_text
    from .store.catalogue import resolve
    from .store.fsio import write_atomic
    from .store.xmlio import load

    path = resolve(file)
    text = to_text(load(path))
    if output:
        write_atomic(output, text.encode("utf-8"), inputs=[path])
    else:
        echo_out(text)
    return EXIT_OK


@cli.command("validate")
@click.argument("files", nargs=-1)
@click.option("--strict", is_flag=True, help="Exit 1 when there are warnings (missing metadata).")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only.")
def validate_cmd(files: tuple[str, ...], strict: bool, quiet: bool) -> int:
    """Check declarations against the schema and the semantic rules.

    FILES are XML files, folders, or ids of declarations in the corpus; with none, the corpus
    (./declarations if present, else the bundled one). Exit 0 valid, 1 warnings with --strict,
    2 any error.

    \b
    Example:
      scodiff validate declarations/
    """
    from .store.catalogue import expand, validate_all

    paths = expand(files)
    problems = validate_all(paths)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    for p in problems:
        if p.severity == "error" or not quiet:
            echo_out(visible(str(p)))
    bad = len({p.path for p in problems if p.severity == "error"})
    click.echo(f"{len(paths)} file(s): {len(paths) - bad} valid, {bad} invalid; "
               f"{errors} error(s), {warnings} warning(s)", err=True)
    if errors:
        return EXIT_TROUBLE
    return EXIT_DIFFERENT if strict and warnings else EXIT_OK


@cli.command("show")
@click.argument("file")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Outline for people, or the scodiff.declaration/1 JSON.")
@click.option("--full", is_flag=True, help="List every sentence with its id (text format).")
def show_cmd(file: str, fmt: str, full: bool) -> int:
    """Show one declaration: metadata and its units with ids and numbers.

    FILE is an XML file or the id of a declaration in the corpus.

    \b
    Example:
      scodiff show declarations/2007-bishkek.xml --format json
    """
    from .report.serialize import declaration_to_json, dumps_json
    from .store.catalogue import resolve
    from .store.outline import outline
    from .store.xmlio import load

    decl = load(resolve(file))
    echo_out(dumps_json(declaration_to_json(decl)) if fmt == "json" else outline(decl, full))
    return EXIT_OK


@cli.command("list")
@click.argument("folder", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="A table, or the scodiff.corpus/1 JSON.")
def list_cmd(folder: str | None, fmt: str) -> int:
    """List the corpus: id, date, place, kind, status, paragraph count, by date.

    FOLDER defaults to ./declarations if present, else the bundled corpus.

    \b
    Example:
      scodiff list declarations/
    """
    from .report.serialize import dumps_json
    from .store.catalogue import catalogue
    from .store.outline import catalogue_json, catalogue_table

    entries = catalogue(folder)
    echo_out(dumps_json(catalogue_json(entries)) if fmt == "json" else catalogue_table(entries))
    return EXIT_OK


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
