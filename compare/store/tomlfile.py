"""Analyse stage, data files: one TOML document from bytes, refused with one message if bad.

The shipped lists (`data/commitments.toml`, `data/entities.toml`), the user files that extend
them and the labelled evaluation sets are TOML. A file that is not UTF-8 TOML is a
`DeclarationError` naming the file and what the parser found.
"""

from __future__ import annotations

import tomllib
from typing import Any

from ..errors import DeclarationError


def parse_toml(data: bytes, where: str | None) -> dict[str, Any]:
    """The document in `data` (read from `where`, named in the error)."""
    try:
        return tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DeclarationError(f"expected a UTF-8 TOML file, found: {exc}", where) from None
    except RecursionError:
        raise DeclarationError("expected a TOML file, found arrays or tables nested too deeply "
                               "to read", where) from None
