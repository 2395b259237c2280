"""Report stage: the public face of the report (view model in `view`, rendering in `render`).

`build_view(alignment)` makes the frozen view model; `render_html`, `render_markdown` and
`render_json` turn a view (or an alignment) into text; `compare_files` loads, aligns and analyses
two declaration files, and `render(alignment, fmt)` picks the format for the CLI.
"""

from __future__ import annotations

import os

from ..errors import ScodiffError
from ..model import Alignment
from .renderers import environment, render_html, render_json, render_markdown
from .view import build_view
from .viewmodel import REPORT_FORMAT, ReportView

FORMATS = ("html", "md", "json")

__all__ = [
    "FORMATS",
    "REPORT_FORMAT",
    "ReportView",
    "build_view",
    "compare_files",
    "environment",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
]


def render(view_or_alignment: ReportView | Alignment, fmt: str = "html") -> str:
    """The report in one of FORMATS."""
    if fmt == "html":
        return render_html(view_or_alignment)
    if fmt == "md":
        return render_markdown(view_or_alignment)
    if fmt == "json":
        return render_json(view_or_alignment)
    raise ScodiffError(f"unknown report format {fmt!r}, expected one of {', '.join(FORMATS)}")


def compare_files(
    left: str | os.PathLike[str], right: str | os.PathLike[str], threshold: float | None = None,
    config: str | os.PathLike[str] | None = None, translation: bool | None = None,
) -> Alignment:
    """Load two declaration files, align them (at `threshold`, default the aligner's) and
    analyse their commitments (with the extra phrases of `config`, a TOML file; `translation`:
    as two renderings of one text, None: as the metadata says)."""
    from ..alignment.aligner import THRESHOLD, align
    from ..commitments import analyse
    from ..store.xmlio import load

    aligned = align(load(os.fspath(left)), load(os.fspath(right)),
                    THRESHOLD if threshold is None else threshold)
    return analyse(aligned, config, translation=translation)
