"""Report stage: an alignment as a self-contained HTML page, Markdown, or JSON.

Owns the frozen view model (`viewmodel`) and how it is built (`view`, `rows`, `summary`), the
cutting of word diffs over units and invisible-character badges (`redline`), the one Jinja2
environment and the renderers (`render`), and the JSON writer of every `scodiff.<kind>/<version>`
document (`serialize`). Imports the shared core and every stage before it.

Entry points: `build_view`, `render`, `render_html`, `render_markdown`, `render_json`,
`compare_files` (imported on first use).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .facade import (
        FORMATS,
        build_view,
        compare_files,
        render,
        render_html,
        render_json,
        render_markdown,
    )


def __getattr__(name: str) -> Any:
    """The entry points, imported on first use: a command that only writes JSON
    (`report.serialize`) does not load the renderers and Jinja2."""
    if name in __all__:
        from . import facade

        return getattr(facade, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FORMATS",
    "build_view",
    "compare_files",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
]
