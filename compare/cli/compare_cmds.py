"""Commands that compare two declarations or read one's commitments: `align`, `report`,
`commitments`. Each parses its options, calls one library function and prints or writes.
"""

from __future__ import annotations

import click

from .base import (
    EXIT_DIFFERENT,
    EXIT_OK,
    align_options,
    cli,
    output_option,
    resolve_format,
    write_document,
)


@cli.command("align")
@click.argument("left")
@click.argument("right")
@output_option(("text", "json"), "text", "text: one line per pair; json: scodiff.alignment/1.")
@align_options
@click.option("--check", is_flag=True,
              help="Print nothing; only the exit status tells whether the texts differ.")
@click.option("--translation/--no-translation", default=None,
              help="Compare as two renderings of one text: a wording difference is no "
                   "commitment change unless the force moves (default: when the metadata says "
                   "both are versions of one work in one language, neither a draft nor the "
                   "other's version).")
def align_cmd(left: str, right: str, output: str | None, fmt: str | None,
              threshold: float | None, config: str | None, check: bool,
              translation: bool | None) -> int:
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
    from ..alignment.aligner import THRESHOLD, align
    from ..alignment.table import format_table
    from ..commitments import analyse
    from ..report.serialize import alignment_to_json, json_pieces
    from ..store.catalogue import resolve
    from ..store.xmlio import load

    fmt = resolve_format(output, fmt, ("text", "json"), "text")
    paths = [resolve(left), resolve(right)]
    alignment = analyse(align(load(paths[0]), load(paths[1]),
                              THRESHOLD if threshold is None else threshold), config,
                        translation=translation)
    if not check:
        write_document(json_pieces(alignment_to_json(alignment)) if fmt == "json"
                       else format_table(alignment), output, paths)
    return EXIT_DIFFERENT if alignment.differs else EXIT_OK


@cli.command("report")
@click.argument("left")
@click.argument("right")
@output_option(("html", "md", "json"), "html", "html: one self-contained page; md: for a "
                                               "pull-request comment; json: scodiff.report/1.")
@align_options
@click.option("--translation/--no-translation", default=None,
              help="Compare as two renderings of one text (see `align --translation`).")
def report_cmd(left: str, right: str, output: str | None, fmt: str | None,
               threshold: float | None, config: str | None, translation: bool | None) -> int:
    """Compare two declarations and write the report (LEFT earlier or draft, RIGHT later).

    LEFT and RIGHT are XML files or ids of declarations in the corpus. Exit status 1 when
    the texts differ, 0 when they do not, 2 on trouble.

    \b
    Example:
      scodiff report declarations/2007-bishkek-draft.xml declarations/2007-bishkek.xml \\
          -o reports/2007-bishkek-draft--2007-bishkek.html
    """
    from ..report.facade import compare_files, render
    from ..store.catalogue import resolve
    from ..store.fsio import check_not_input

    fmt = resolve_format(output, fmt, ("html", "md", "json"), "html")
    paths = [resolve(left), resolve(right)]
    if output and output != "-":
        check_not_input(output, paths)
    alignment = compare_files(paths[0], paths[1], threshold=threshold, config=config,
                              translation=translation)
    write_document(render(alignment, fmt), output, paths)
    return EXIT_DIFFERENT if alignment.differs else EXIT_OK


@cli.command("commitments")
@click.argument("file")
@output_option(("text", "json"), "text",
               "text: one line per commitment; json: scodiff.commitments/1.")
@click.option("--config", "config", metavar="FILE",
              help="TOML file of extra phrases/levels merged into the shipped ladder "
                   "(also: $SCODIFF_COMMITMENTS).")
def commitments_cmd(file: str, output: str | None, fmt: str | None, config: str | None) -> int:
    """List the commitments of one declaration: actor, phrase, force, hedges.

    FILE is an XML file or the id of a declaration in the corpus. The text format is a table:
    sentence id, force (1 note .. 5 will, after hedges, intensifiers and negation), level of
    the phrase, actor, phrase, notes (negation, hedges, intensifiers), object (clipped).

    \b
    Example:
      scodiff commitments declarations/2007-bishkek.xml --format json
    """
    from ..commitments import commitments_document, commitments_text, find_commitments
    from ..commitments.config import load_config
    from ..report.serialize import dumps_json
    from ..store.catalogue import resolve
    from ..store.xmlio import load

    fmt = resolve_format(output, fmt, ("text", "json"), "text")
    path = resolve(file)
    decl = load(path)
    found = find_commitments(decl, load_config(config))
    text = (dumps_json(commitments_document(decl, found)) if fmt == "json"
            else commitments_text(found) or "(no commitments)")
    write_document(text, output, [path])
    return EXIT_OK
