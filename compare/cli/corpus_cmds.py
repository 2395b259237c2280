"""Commands over a corpus read as a series: `timeline`, `track`, `site`. Each parses its options,
calls one function of `compare.corpus` and prints or writes; a progress bar goes to stderr on a
terminal only (never when stderr is not a TTY or `CI` is set).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import click

from .base import (
    EXIT_OK,
    _output_path,
    cli,
    echo_out,
    output_option,
    resolve_format,
    write_document,
)

if TYPE_CHECKING:
    from ..model import Declaration


def progress_bar(label: str) -> Callable[[int, int, str], None] | None:
    """A one-line progress bar on stderr, or None when stderr is not a terminal or in CI."""
    if os.environ.get("CI") or not sys.stderr.isatty():
        return None

    def show(done: int, total: int, what: str) -> None:
        width = 30
        filled = width * done // total if total else width
        line = f"\r{label} [{'#' * filled}{' ' * (width - filled)}] {done}/{total} {what[:40]}"
        sys.stderr.write(line.ljust(100)[:100] + ("\n" if done >= total else ""))
        sys.stderr.flush()

    return show


def _write(doc: dict[str, Any], output: str | None, fmt: str | None,
           html: Callable[[dict[str, Any]], str], text: Callable[[dict[str, Any]], str],
           decls: Sequence[Declaration]) -> int:
    """A corpus document written as text, JSON or HTML (by --format or the -o extension)."""
    from ..report.serialize import dumps_json

    kind = resolve_format(output, fmt, ("text", "json", "html"), "text")
    body = dumps_json(doc) if kind == "json" else html(doc) if kind == "html" else text(doc)
    write_document(body, output, [d.path for d in decls if d.path])
    return EXIT_OK


@cli.command("timeline")
@click.argument("paths", nargs=-1, metavar="[DIR]...")
@output_option(("text", "json", "html"), "text",
               "text: a grid; json: scodiff.timeline/1; html: a self-contained page.")
@click.option("--commitments-only", is_flag=True, help="Only lineages holding a commitment.")
@click.option("--changed-only", is_flag=True,
              help="Only lineages that changed (not first seen and then unchanged throughout).")
def timeline_cmd(paths: tuple[str, ...], output: str | None, fmt: str | None,
                 commitments_only: bool, changed_only: bool) -> int:
    """Clause lineages by summit: rows lineages, columns declarations by date.

    Each cell says what happened to the clause there: first seen, unchanged, reworded, moved,
    split, merged, revived (after skipping summits), dropped, merged into another lineage.
    DIR is a corpus folder (or files; default ./declarations, else the bundled corpus).
    Drafts and other versions of a declaration present (`version/@of`) are left out of the
    series. Exit 0, or 2 on trouble.

    \b
    Example:
      scodiff timeline declarations/ --changed-only
      scodiff timeline -o timeline.html
    """
    from ..corpus.api import load_corpus, timeline
    from ..corpus.pages import render_timeline_html
    from ..corpus.timeline import timeline_text

    decls = load_corpus(paths)
    doc = timeline(decls, commitments_only, changed_only)
    return _write(doc, output, fmt, render_timeline_html, timeline_text, decls)


@cli.command("track")
@click.argument("args", nargs=-1, required=True, metavar="PHRASE... [DIR]")
@click.option("--regex", is_flag=True, help="Read each PHRASE as a Python regular expression.")
@click.option("-i", "--ignore-case", is_flag=True, help="Match in any case.")
@output_option(("text", "json", "html"), "text",
               "text: a table; json: scodiff.track/1; html: a page with an SVG chart.")
def track_cmd(args: tuple[str, ...], regex: bool, ignore_case: bool, output: str | None,
              fmt: str | None) -> int:
    """Where phrases occur in each declaration, counted per summit and per 1,000 words.

    A phrase matches whole words (any spacing); several phrases are shown side by side. A
    last argument that is a folder or an .xml file is the corpus (default ./declarations, else
    the bundled one). Exit 0, or 2 on trouble.

    \b
    Example:
      scodiff track "double standards" Afghanistan
      scodiff track --regex "terroris[mt]" declarations/ --format json
    """
    from ..corpus.api import load_corpus, track
    from ..corpus.pages import render_track_html
    from ..corpus.track import track_text

    phrases, paths = list(args), list[str]()
    while len(phrases) > 1 and (os.path.isdir(phrases[-1]) or phrases[-1].endswith(".xml")):
        paths.insert(0, phrases.pop())
    decls = load_corpus(paths)
    doc = track(decls, phrases, regex, ignore_case)
    return _write(doc, output, fmt, render_track_html, track_text, decls)


@cli.command("site")
@click.argument("folder", required=False, metavar="[DIR]")
@click.option("-o", "--output", "out", default="reports", show_default=True,
              callback=_output_path, help="Folder of the site.")
@click.option("--phrase", "phrases", multiple=True,
              help="A phrase to track (repeatable), besides those of DIR/site.toml.")
def site_cmd(folder: str | None, out: str, phrases: tuple[str, ...]) -> int:
    """Build the static site of a corpus: index, comparisons, timeline, phrase tracks.

    Incremental: a page whose inputs (by content hash) and code are unchanged since the last
    run is neither re-aligned nor re-rendered. Every file is checked before anything is
    written. Prints what was written. Exit 0, or 2 on trouble.

    \b
    Example:
      scodiff site declarations/ -o reports/
    """
    from ..corpus.site import build_site
    from ..store.catalogue import default_dir

    if out == "-":
        raise click.BadParameter("a site is a folder, not stdout", param_hint="'-o'")
    result = build_site(folder or default_dir(), out, phrases, progress_bar("site"))
    for rel in result.written:
        echo_out(f"wrote {os.path.join(out, rel)}")
    for rel in result.removed:
        echo_out(f"removed {os.path.join(out, rel)}")
    click.echo(f"{len(result.written)} page(s) written, {len(result.unchanged)} unchanged",
               err=True)
    return EXIT_OK
