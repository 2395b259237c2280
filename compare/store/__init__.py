"""Store stage: declarations as validated XML on disk, and the corpus folder that holds them.

Owns the one hardened XML parser (`xmlsafe`), load/dump and validation against the shipped RELAX NG
schema (`xmlio`, `schema/`), the catalogue of a corpus folder and how a command argument names a
file (`catalogue`), plain-text outlines for `show` and `list` (`outline`), bounded reading and the
one atomic writer (`fsio`), and TOML data files (`tomlfile`). Imports only the shared core
(`compare.model`, `compare.errors`, `compare.resources`, `compare.textfmt`).

Entry points: `load`, `loads`, `dump`, `validate`, `catalogue`, `resolve`, `write_atomic`.
"""

from .catalogue import catalogue, resolve
from .fsio import write_atomic
from .xmlio import dump, load, loads, validate

__all__ = ["catalogue", "dump", "load", "loads", "resolve", "validate", "write_atomic"]
