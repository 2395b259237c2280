"""Commands over stored declarations and the corpus: `import`, `export`, `validate`, `show`,
`list`. Each parses its options, calls one library function and prints or writes.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import click

from ..textfmt import one_line
from ..vocab import KINDS
from .base import (
    EXIT_DIFFERENT,
    EXIT_OK,
    EXIT_TROUBLE,
    _output_path,
    cli,
    echo_out,
    output_option,
    print_notices,
    resolve_format,
    verbose_option,
    write_document,
)


def _parties(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> tuple[object, ...] | None:
    from ..model import Party

    out = []
    for value in values:
        code, sep, name = value.partition("=")
        if not sep or len(code) != 2 or not code.isalpha() or not code.isupper() or not name:
            raise click.BadParameter(f"expected CODE=NAME such as KZ=Republic of Kazakhstan, "
                                     f"found {value!r}")
        out.append(Party(code, name))
    return tuple(out) or None


@cli.command("import")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("-o", "--output", callback=_output_path,
              help="XML file to write (default: print to stdout); with several sources, or a "
                   "path ending in /, the folder to write ID.xml files into.")
@click.option("--format", "fmt", type=click.Choice(["auto", "text", "html"]), default="auto",
              show_default=True, help="Input format; auto looks at the name and content.")
@click.option("--encoding", help="Input encoding if not UTF-8, e.g. cp1252.")
@click.option("--select", help="HTML only: CSS selector (or XPath starting with / or ( ) "
                               "of the content.")
@click.option("--page-breaks", is_flag=True, help="Text only: read form feeds (page breaks in "
                                                  "text copied from a PDF) instead of refusing "
                                                  "(those beside a page number are read so "
                                                  "anyway).")
@click.option("--keep-furniture", is_flag=True, help="Keep page furniture (menus, banners, "
              "page counters, labelled header lines) in the body instead of leaving it out.")
@click.option("--start-at", metavar="REGEX", help="The body starts at the first line matching "
              "REGEX; the lines above it are left out as furniture.")
@click.option("--id", "id_", help="Declaration id (default: YEAR-place, else the file name).")
@click.option("--title", help="Title (default: the title line as printed).")
@click.option("--kind", type=click.Choice(KINDS))
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
@verbose_option
def import_cmd(sources: tuple[str, ...], output: str | None, fmt: str, encoding: str | None,
               select: str | None, page_breaks: bool, keep_furniture: bool,
               start_at: str | None, id_: str | None, verbose: bool,
               **meta: object) -> int:
    """Import plain-text or HTML declarations into the XML format.

    Each SOURCE may hold at most 16 MiB (a larger one is refused, exit 2). Notices (joined
    paragraphs, doubled full stops, unbalanced quotes...) go to stderr as
    `path:line: notice: ...`; the text itself is stored as written. Several sources go into
    the folder given by -o, each as ID.xml, the id from its metadata (YEAR-place); every file
    is imported before any is written, and two files never get one id (the later one gets
    ID-2 and is marked a version of the first, with a notice).

    \b
    Example:
      scodiff import bishkek.txt -o declarations/2007-bishkek.xml --status adopted
      scodiff import sources/*.txt -o declarations/ --status illustrative
    """
    if len(sources) > 1 or (output or "").endswith(("/", os.sep)):
        extra = {"keep_furniture": keep_furniture, "start_at": start_at}
        return _import_many(sources, output, fmt, encoding, select, page_breaks, id_,
                            {**meta, **extra}, verbose)
    source_path = sources[0]
    from ..ingest.importer import import_file
    from ..store.fsio import write_atomic
    from ..store.xmlio import dump

    given = {k: v for k, v in meta.items() if v is not None}
    decl, notices = import_file(source_path, fmt=fmt, encoding=encoding, select=select,
                                page_breaks=page_breaks, keep_furniture=keep_furniture,
                                start_at=start_at, **({"id": id_} if id_ else {}), **given)
    data = storable(dump(decl), source_path)
    print_notices((n.format(source_path) for n in notices), verbose)
    if output and output != "-":
        write_atomic(output, data, inputs=[source_path])
    else:
        echo_out(data.decode("utf-8"))
    return EXIT_OK


def storable(data: bytes, source: str) -> bytes:
    """The XML of an imported declaration, refused (exit 2, naming the source) when it is larger
    than a declaration file may be for the tool to read it back (`fsio.MAX_INPUT_BYTES`): a text
    of many tiny paragraphs within the input limit can take more as XML."""
    from ..errors import LimitError
    from ..store.fsio import MAX_INPUT_BYTES

    if len(data) > MAX_INPUT_BYTES:
        raise LimitError(f"the stored declaration would take {len(data) / 2**20:.1f} MiB, "
                               f"more than the {MAX_INPUT_BYTES // 2**20} MiB a declaration file "
                               "may hold (import it in parts)", source)
    return data


def _import_many(sources: tuple[str, ...], output: str | None, fmt: str, encoding: str | None,
                 select: str | None, page_breaks: bool, id_: str | None,
                 meta: dict[str, object], verbose: bool) -> int:
    from ..corpus.batch import plan_import
    from ..store.fsio import write_atomic
    from ..store.xmlio import dump
    from .corpus_cmds import progress_bar

    if not output or output == "-":
        raise click.UsageError("several sources need -o FOLDER")
    if id_:
        raise click.UsageError("--id names one file: import that file alone to set it")
    given = {k: v for k, v in meta.items() if v is not None}
    planned = plan_import(sources, output, progress_bar("import"), fmt=fmt, encoding=encoding,
                          select=select, page_breaks=page_breaks, **given)
    print_notices((line for p in planned for line in p.notices), verbose)
    os.makedirs(output, exist_ok=True)
    stored = [storable(dump(p.declaration), p.source) for p in planned]  # all before writing
    for p, data in zip(planned, stored, strict=True):
        write_atomic(p.destination, data, inputs=list(sources))
        echo_out(one_line(f"{p.source} -> {p.destination}"))
    return EXIT_OK


@cli.command("export")
@click.argument("file")
@click.option("-o", "--output", callback=_output_path,
              help="Text file to write (default: print to stdout).")
@click.option("--format", "fmt", type=click.Choice(["text", "lossless"]), default="text",
              show_default=True, help="text: for reading; lossless: one record a line, "
              "escaped, which `import` reads back as exactly the same declaration.")
def export_cmd(file: str, output: str | None, fmt: str) -> int:
    """Export a declaration as plain text (title, paragraphs, items as `marker text`).

    The text form is for reading: importing it reads its layout again. The lossless form
    keeps ids, numbers, headings, sentence boundaries, metadata and left-out furniture, and
    `scodiff import` gives back the same declaration.

    \b
    Example:
      scodiff export declarations/2007-bishkek.xml -o bishkek.txt
      scodiff export declarations/2007-bishkek.xml --format lossless -o bishkek.sdt
    """
    from ..ingest.importer import to_text
    from ..ingest.lossless import dumps
    from ..store.catalogue import resolve
    from ..store.xmlio import load

    path = resolve(file)
    text = dumps(load(path)) if fmt == "lossless" else to_text(load(path))
    write_document(text, output, [path])
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
    from ..store.catalogue import default_dir, expand, validate_all

    paths = expand(files)
    _say_skipped([f for f in files if Path(f).is_dir()] or ([] if files else [default_dir()]))
    problems = validate_all(paths)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    for p in problems:  # problems are not data: stderr, as every command's
        if p.severity == "error" or not quiet:
            click.echo(one_line(str(p)), err=True)
    bad = len({p.path for p in problems if p.severity == "error"})
    click.echo(f"{len(paths)} file(s): {len(paths) - bad} valid, {bad} invalid; "
               f"{errors} error(s), {warnings} warning(s)", err=True)
    if errors:
        return EXIT_TROUBLE
    return EXIT_DIFFERENT if strict and warnings else EXIT_OK


def _say_skipped(folders: Sequence[str | Path]) -> None:
    """One notice per `*.xml` name in these folders that is not a regular file (never read)."""
    from ..store.catalogue import special_files

    for folder in folders:
        for path in special_files(folder):
            click.echo(one_line(f"scodiff: notice: {path}: skipped, not a regular file"), err=True)


@cli.command("show")
@click.argument("file")
@output_option(("text", "json"), "text", "text: an outline for people; json: "
                                        "scodiff.declaration/1.")
@click.option("--full", is_flag=True, help="List every sentence with its id (text format).")
def show_cmd(file: str, output: str | None, fmt: str | None, full: bool) -> int:
    """Show one declaration: metadata and its units with ids and numbers.

    FILE is an XML file or the id of a declaration in the corpus.

    \b
    Example:
      scodiff show declarations/2007-bishkek.xml --format json
    """
    from ..report.serialize import declaration_to_json, dumps_json
    from ..store.catalogue import resolve
    from ..store.outline import outline
    from ..store.xmlio import load

    fmt = resolve_format(output, fmt, ("text", "json"), "text")
    path = resolve(file)
    decl = load(path)
    write_document(dumps_json(declaration_to_json(decl)) if fmt == "json"
                   else outline(decl, full), output, [path])
    return EXIT_OK


@cli.command("list")
@click.argument("folder", required=False)
@output_option(("text", "json"), "text", "text: a table; json: scodiff.corpus/1.")
def list_cmd(folder: str | None, output: str | None, fmt: str | None) -> int:
    """List the corpus: id, date, place, kind, status, paragraph count, by date.

    FOLDER defaults to ./declarations if present, else the bundled corpus.

    \b
    Example:
      scodiff list declarations/
    """
    from ..report.serialize import dumps_json
    from ..store.catalogue import catalogue, default_dir
    from ..store.outline import catalogue_json, catalogue_table

    fmt = resolve_format(output, fmt, ("text", "json"), "text")
    entries = catalogue(folder)
    _say_skipped([folder or default_dir()])
    write_document(dumps_json(catalogue_json(entries)) if fmt == "json"
                   else catalogue_table(entries), output)
    return EXIT_OK
