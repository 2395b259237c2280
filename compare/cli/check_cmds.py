"""Commands for CI and git: `check` (findings on declarations) and `git-diff` (git's external
diff driver, and its `--textconv` form). Each parses its options, calls the check stage and
prints or writes.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from pathlib import Path

    from ..check.config import Settings

from .base import (
    EXIT_OK,
    EXIT_TROUBLE,
    _output_path,
    cli,
    output_option,
    resolve_format,
    write_document,
)

FORMATS = ("text", "json", "github", "sarif", "junit")


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(x.strip() for v in values for x in v.split(",") if x.strip())


def _selectors(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
               ) -> tuple[str, ...]:
    from ..check.rules import unknown_selectors

    out = _split(values)
    bad = unknown_selectors(out)
    if bad:
        raise click.BadParameter(f"expected rule codes, prefixes or names, found {bad[0]!r}, "
                                 "which names no rule")
    return out


@cli.command("check")
@click.argument("files", nargs=-1)
@click.option("--against", metavar="PREV|auto",
              help="Also run the policy rules against PREV (a file or id), or with `auto` "
                   "against each file's previous declaration (same kind, earlier date; for a "
                   "draft the text it is a version of).")
@output_option(FORMATS, "text", "text: path:line:col: CODE message; json: scodiff.findings/1; "
               "github: workflow commands; sarif: SARIF 2.1.0; junit: JUnit XML.")
@click.option("--select", multiple=True, callback=_selectors, metavar="CODES",
              help="Only these rules: codes, prefixes or names, comma-separated (replaces the "
                   "configured selection).")
@click.option("--ignore", multiple=True, callback=_selectors, metavar="CODES",
              help="Leave out these rules (added to the configured ones).")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error", "never"]),
              help="Exit 1 for findings at this severity or above (default: error).")
@click.option("--baseline", metavar="FILE",
              help="Findings in this baseline are not reported; its stale entries are (B001).")
@click.option("--generate-baseline", metavar="FILE", callback=_output_path,
              help="Write the current findings to FILE as a baseline and exit 0.")
@click.option("--prune-baseline", is_flag=True,
              help="Rewrite the --baseline file without its stale entries.")
@click.option("--config", "config", metavar="FILE",
              help="Configuration file to use instead of the one found upward from the current "
                   "folder (scodiff.toml [check], or pyproject.toml [tool.scodiff.check]).")
def check_cmd(files: tuple[str, ...], against: str | None, output: str | None, fmt: str | None,
              select: tuple[str, ...], ignore: tuple[str, ...], fail_on: str | None,
              baseline: str | None, generate_baseline: str | None, prune_baseline: bool,
              config: str | None) -> int:
    """Check declarations: validity, lint and (with --against) policy rules, for CI.

    FILES are XML files, folders or ids in the corpus; with none, the corpus. Exit 0 when no
    finding outside the baseline is at the failing level, 1 when one is, 2 on trouble (a file
    that cannot be read as a declaration, a bad configuration) whatever the format. The codes
    are listed in the README (`V` validity, `L` lint, `P` policy, `B` baseline).

    \b
    Example:
      scodiff check declarations/
      scodiff check new.xml --against auto --format sarif -o scodiff.sarif
    """
    from dataclasses import replace
    from pathlib import Path

    from ..check import baseline as bl
    from ..check.config import ConfigError, find_config, load_settings
    from ..store.catalogue import expand, resolve

    kind = resolve_format(output, fmt, FORMATS, "text")
    paths = expand(files)
    try:
        if config is not None and not Path(config).is_file():
            raise ConfigError(f"{config}: no such configuration file")
        s = load_settings(Path(config) if config else find_config())
        s = replace(s, select=select or s.select, ignore=s.ignore + ignore,
                    fail_on=fail_on or s.fail_on, baseline=baseline or s.baseline,
                    against=(against if against in (None, "auto")
                             else os.fspath(resolve(against))) or s.against)
        if s.baseline and not generate_baseline:
            bl.load(s.baseline)  # a bad baseline is trouble before any file is read
    except ConfigError:
        _whole_document(paths, kind, output)
        raise
    return _check(s, paths, kind, output, generate_baseline, prune_baseline)


def _whole_document(paths: list[Path], kind: str, output: str | None) -> None:
    """On trouble with the configuration or the baseline, still a complete document of the
    format (no findings, every file marked as not checked), as `check` promises."""
    from ..check import render
    from ..check.engine import Result

    names = tuple(map(str, paths))
    text = render(Result((), names, names, "error"), kind, None)
    if text or (output and output != "-"):
        write_document(text, output, paths)


def _check(s: Settings, paths: list[Path], kind: str, output: str | None,
           generate_baseline: str | None, prune_baseline: bool) -> int:
    from dataclasses import replace

    from ..check import baseline as bl
    from ..check import render, run
    from ..store.fsio import write_atomic

    if prune_baseline and not s.baseline:
        raise click.UsageError("--prune-baseline needs a baseline (--baseline FILE)")
    if generate_baseline:
        result = run(paths, replace(s, baseline=None))
        keep = [f for f in result.findings if f.code not in ("V001", "B001")]
        write_atomic(generate_baseline, bl.dumps(keep), inputs=paths)
        click.echo(f"{generate_baseline}: {len(keep)} finding(s) in the baseline", err=True)
        return EXIT_TROUBLE if result.trouble else EXIT_OK
    result = run(paths, s)
    text = render(result, kind, s.baseline)
    if text or (output and output != "-"):
        write_document(text, output, paths)
    if prune_baseline and s.baseline:
        stale = {f.fingerprint for f in result.findings if f.code == "B001"}
        kept = [e for e in bl.load(s.baseline) if e.fingerprint not in stale]
        write_atomic(s.baseline, bl.dumps(kept), inputs=paths)
        click.echo(f"{s.baseline}: {len(stale)} stale entr(y/ies) removed", err=True)
    _summary(result)
    return result.exit_code


def _summary(result: object) -> None:
    from ..check.engine import Result
    from ..textfmt import visible

    assert isinstance(result, Result)
    counts = {k: sum(f.severity == k for f in result.reported) for k in ("error", "warning",
                                                                         "info")}
    base = sum(f.baselined for f in result.findings)
    for note in result.notes:
        click.echo(visible(f"scodiff: {note}"), err=True)
    for path in result.trouble:
        click.echo(visible(f"scodiff: error: {path}: cannot be read as a declaration (V001)"),
                   err=True)
    click.echo(f"{len(result.files)} file(s): {counts['error']} error(s), {counts['warning']} "
               f"warning(s), {counts['info']} info; {base} baselined", err=True)


@cli.command("git-diff", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
@click.option("--textconv", is_flag=True,
              help="Print one file as text for git to diff (diff.<driver>.textconv).")
@click.option("--color", "colour", type=click.Choice(["auto", "always", "never"]),
              default="auto", show_default=True,
              help="auto: when stdout is a terminal or git's pager is in use (GIT_PAGER_IN_USE).")
@click.option("--exit-code", is_flag=True,
              help="Exit 1 when the sides differ (for diff.<driver>.trustExitCode); also when "
                   "GIT_EXTERNAL_DIFF_TRUST_EXIT_CODE is true.")
def git_diff_cmd(args: tuple[str, ...], textconv: bool, colour: str, exit_code: bool) -> int:
    """git's external diff driver: a declaration's changes by clause and commitment.

    git passes 7 arguments (path old-file old-hex old-mode new-file new-hex new-mode), 9 for
    a rename, 1 for an unmerged path. A file that is not a declaration is shown as a plain
    unified diff. Exit 0 unless in trouble (2). Width from COLUMNS. With --textconv, ARGS is
    one file, printed one line per sentence (other files unchanged).

    \b
    Example:
      git config diff.scodiff.command "scodiff git-diff"
      git config diff.scodiff.textconv "scodiff git-diff --textconv"
      echo 'declarations/*.xml diff=scodiff' >> .gitattributes
    """
    from ..check.gitdiff import git_diff, trust_from_env
    from ..check.gitdiff import textconv as to_text

    if textconv:
        if len(args) != 1:
            raise click.UsageError(f"--textconv expects one file, found {len(args)}")
        sys.stdout.flush()
        sys.stdout.buffer.write(to_text(args[0]))
        sys.stdout.buffer.flush()
        return EXIT_OK
    use = colour == "always" or (colour == "auto" and (
        sys.stdout.isatty() or "GIT_PAGER_IN_USE" in os.environ))
    import shutil  # here: the other commands do not need it (nor its imports)

    width = shutil.get_terminal_size((80, 24)).columns
    text, status = git_diff(args, use, width, exit_code or trust_from_env())
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()
    return status
