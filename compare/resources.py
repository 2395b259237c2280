"""Where shipped files live: the schema, the templates and the bundled declarations.

In a wheel, templates/ and declarations/ are mapped inside the package; in a checkout (or an
editable install) they sit beside it at the top level.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    inside = PACKAGE / name
    return inside if inside.is_dir() else PACKAGE.parent / name


def templates_dir() -> Path:
    return _shipped("templates")


def declarations_dir() -> Path:
    return _shipped("declarations")


def schema_path() -> Path:
    return PACKAGE / "store" / "schema" / "declaration.rng"


def data_path(name: str) -> Path:
    return PACKAGE / "commitments" / "data" / name
