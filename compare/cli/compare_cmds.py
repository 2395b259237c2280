"""Commands that compare two declarations or read one's commitments: `align`, `report`,
`commitments`. Each parses its options, calls one library function and prints or writes.
"""

from __future__ import annotations

import click

from .base import EXIT_DIFFERENT, EXIT_OK, _output_path, cli, echo_out


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
@click.option("--translation/--no-translation", default=None,
              help="Compare as two renderings of one text: a wording difference is no "
                   "commitment change unless the force moves (default: when the metadata says "
                   "one is a version of the other or both of one work, in one language).")
def align_cmd(left: str, right: str, fmt: str, threshold: float | None, check: bool,
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
    from ..report.serialize import alignment_to_json, dumps_json
    from ..store.catalogue import resolve
    from ..store.xmlio import load

    alignment = analyse(align(load(resolve(left)), load(resolve(right)),
                              THRESHOLD if threshold is None else threshold),
                        translation=translation)
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
@click.option("--translation/--no-translation", default=None,
              help="Compare as two renderings of one text (see `align --translation`).")
def report_cmd(left: str, right: str, output: str | None, fmt: str,
               translation: bool | None) -> int:
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
    from ..store.fsio import check_not_input, write_atomic

    paths = [resolve(left), resolve(right)]
    if output:
        check_not_input(output, paths)
    alignment = compare_files(paths[0], paths[1], translation)
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
    from ..commitments import commitments_document, commitments_text, find_commitments
    from ..commitments.config import load_config
    from ..report.serialize import dumps_json
    from ..store.catalogue import resolve
    from ..store.xmlio import load

    decl = load(resolve(file))
    found = find_commitments(decl, load_config(config))
    if fmt == "json":
        echo_out(dumps_json(commitments_document(decl, found)))
    else:
        echo_out(commitments_text(found) or "(no commitments)")
    return EXIT_OK
