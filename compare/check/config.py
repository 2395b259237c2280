"""Check stage, configuration: pyproject.toml `[tool.scodiff.check]`, or scodiff.toml `[check]`.

The file is found upward from the current folder (the first folder holding a `scodiff.toml`, or
a `pyproject.toml` with a `[tool.scodiff]` table; scodiff.toml wins in one folder), or named with
`--config FILE`. Keys: `select`, `ignore` (codes, prefixes or names), `fail-on` (a severity or
`never`), `severity` (a table: selector = severity), `per-file-ignores` (a table: glob =
selectors, globs relative to the file's folder), `baseline` and `against` (paths relative to the
file's folder, or `auto`). Every error names the file, the key and what was expected (exit 2).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ScodiffError
from ..store.fsio import read_bytes
from ..store.tomlfile import parse_toml
from .rules import FAIL_LEVELS, SEVERITIES, unknown_selectors

KEYS = ("select", "ignore", "fail-on", "severity", "per-file-ignores", "baseline", "against")


class ConfigError(ScodiffError):
    """A configuration file or option that cannot be used."""


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    severity: tuple[tuple[str, str], ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    baseline: str | None = None
    against: str | None = None
    root: str = "."
    file: str | None = None


def find_config(start: Path | None = None) -> Path | None:
    """The configuration file that applies in `start` (default: the current folder)."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "scodiff.toml").is_file():
            return folder / "scodiff.toml"
        py = folder / "pyproject.toml"
        if py.is_file() and "scodiff" in _table(py, ("tool",), quiet=True):
            return py
    return None


def _table(path: Path, keys: tuple[str, ...], quiet: bool = False) -> dict[str, Any]:
    try:
        doc: Any = parse_toml(read_bytes(path), os.fspath(path))
    except ScodiffError as exc:
        if quiet:
            return {}
        raise ConfigError(str(exc)) from None
    for key in keys:
        doc = doc.get(key, {}) if isinstance(doc, dict) else {}
    if not isinstance(doc, dict):
        raise ConfigError(f"{path}: [{'.'.join(keys)}]: expected a table")
    return doc


def _where(path: Path) -> tuple[str, ...]:
    return ("tool", "scodiff", "check") if path.name == "pyproject.toml" else ("check",)


def _selectors(file: str, key: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{file}: {key}: expected a list of rule codes, prefixes or names, "
                          f"found {value!r}")
    bad = unknown_selectors(tuple(value))
    if bad:
        raise ConfigError(f"{file}: {key}: expected rule codes, prefixes or names, found "
                          f"{bad[0]!r}, which names no rule")
    return tuple(value)


def _level(file: str, key: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ConfigError(f"{file}: {key}: expected one of {', '.join(allowed)}, found {value!r}")
    return str(value)


def _path(file: str, key: str, value: Any, root: Path) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{file}: {key}: expected a file name, found {value!r}")
    return value if value == "auto" and key.endswith("against") else os.fspath(root / value)


def load_settings(path: Path | None) -> Settings:
    """Settings from one configuration file (defaults when `path` is None)."""
    if path is None:
        return Settings()
    keys = _where(path)
    doc = _table(path, keys)
    file, table = os.fspath(path), ".".join(keys)
    for key in doc:
        if key not in KEYS:
            raise ConfigError(f"{file}: [{table}] {key}: unknown key, expected one of "
                              + ", ".join(KEYS))
    root = path.resolve().parent
    q = f"[{table}] "
    sev = doc.get("severity", {})
    if not isinstance(sev, dict):
        raise ConfigError(f"{file}: {q}severity: expected a table of selector = severity")
    pfi = doc.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise ConfigError(f"{file}: {q}per-file-ignores: expected a table of glob = [selectors]")
    return Settings(
        select=_selectors(file, q + "select", doc.get("select", ["ALL"])),
        ignore=_selectors(file, q + "ignore", doc.get("ignore", [])),
        fail_on=_level(file, q + "fail-on", doc.get("fail-on", "error"), FAIL_LEVELS),
        severity=tuple((_selectors(file, f"{q}severity key", [k])[0],
                        _level(file, f"{q}severity.{k}", v, SEVERITIES))
                       for k, v in sev.items()),
        per_file_ignores=tuple((g, _selectors(file, f"{q}per-file-ignores.{g}", v))
                               for g, v in pfi.items()),
        baseline=_path(file, q + "baseline", doc["baseline"], root) if "baseline" in doc
        else None,
        against=_path(file, q + "against", doc["against"], root) if "against" in doc else None,
        root=os.fspath(root),
        file=file,
    )
