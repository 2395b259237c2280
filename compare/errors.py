"""Errors: one base class that the CLI catches once and turns into a one-line message, exit 2.

`DeclarationError` locates a problem in an input file (`path:line:column: message`);
`OutputError` is trouble writing; `LimitError` is an input past a documented resource limit.
"""

from __future__ import annotations


class ScodiffError(Exception):
    """Base of every error scodiff reports to the user (exit status 2)."""


class DeclarationError(ScodiffError):
    """A problem in an input file, located by path and, where known, line and column."""

    def __init__(
        self,
        message: str,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = [str(x) for x in (self.path, self.line, self.column) if x is not None]
        return ": ".join([":".join(where), self.message]) if where else self.message


class LimitError(DeclarationError):
    """An input past a documented resource limit (size, depth, diff work)."""


class OutputError(ScodiffError):
    """An output could not be written, or would overwrite an input."""
