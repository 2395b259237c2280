"""Report stage: an alignment as a self-contained HTML page, Markdown, or JSON.

Owns the frozen view model (`viewmodel`) and how it is built (`view`, `rows`, `summary`), the
cutting of word diffs over units and invisible-character badges (`redline`), the one Jinja2
environment and the renderers (`render`), and the JSON writer of every `scodiff.<kind>/<version>`
document (`serialize`). Imports the shared core and every stage before it.

Entry points: `build_view`, `render`, `render_html`, `render_markdown`, `render_json`,
`compare_files`.
"""

from .facade import (
    FORMATS,
    build_view,
    compare_files,
    render,
    render_html,
    render_json,
    render_markdown,
)

__all__ = [
    "FORMATS",
    "build_view",
    "compare_files",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
]
