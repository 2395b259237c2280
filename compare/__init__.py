"""scodiff: clause-aware comparison of SCO declarations (package `compare`).

The public API, six calls from files to reports (everything else is private by convention)::

    import compare
    left, right = compare.load("declarations/2007-bishkek-draft.xml"), compare.load("...")
    alignment = compare.analyse(compare.align(left, right))
    html = compare.render_html(alignment)
    markdown, data = compare.render_markdown(alignment), compare.to_json(alignment)

Each call imports its stage on first use, so `import compare` (and `scodiff --version`) stays
cheap.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .model import Alignment, Declaration

__version__ = "0.1.0"
"""The version (`scodiff --version`, and the package's: pyproject.toml reads it here)."""

__all__ = [
    "Alignment",
    "Declaration",
    "__version__",
    "align",
    "analyse",
    "load",
    "render_html",
    "render_markdown",
    "to_json",
]


def __getattr__(name: str) -> Any:
    """`Alignment` and `Declaration`, imported on first use (the model loads `dataclasses`)."""
    if name in ("Alignment", "Declaration"):
        from . import model

        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load(path: str | os.PathLike[str]) -> Declaration:
    """Read and validate one stored declaration (XML); `DeclarationError` if it is not valid."""
    from .store.xmlio import load as _load

    return _load(path)


def align(left: Declaration, right: Declaration, threshold: float | None = None) -> Alignment:
    """Pair the units of two declarations: unchanged, reworded, moved, split, merged, ..."""
    from .alignment.aligner import THRESHOLD
    from .alignment.aligner import align as _align

    return _align(left, right, THRESHOLD if threshold is None else threshold)


def analyse(alignment: Alignment) -> Alignment:
    """The alignment with its commitment changes and named-entity changes filled in."""
    from .commitments import analyse as _analyse

    return _analyse(alignment)


def render_html(alignment: Alignment) -> str:
    """The self-contained HTML report of an (analysed) alignment."""
    from .report import render_html as _render_html

    return _render_html(alignment)


def render_markdown(alignment: Alignment) -> str:
    """The Markdown report, sized for a pull-request comment."""
    from .report import render_markdown as _render_markdown

    return _render_markdown(alignment)


def to_json(alignment: Alignment) -> str:
    """The alignment as a `scodiff.alignment/1` JSON document (sorted keys, final newline)."""
    from .report.serialize import alignment_to_json, dumps_json

    return dumps_json(alignment_to_json(alignment))
