"""Alignment stage: pair the units of two declarations and diff the pairs that changed.

Owns the explicit foldings used for matching (`normalize`), TF-IDF similarity through an inverted
index (`similarity`), order-preserving chains (`chain`), the aligner (`aligner`) and its steps
(`steps/`, one module per step over one shared state), sentence refinement inside a matched pair
(`sentences`), the bounded word diff (`worddiff`) and the plain-text alignment table (`table`).
Imports only the shared core.

Entry points: `align(left, right) -> Alignment`, `format_table(alignment)`.
"""

from .aligner import THRESHOLD, align, group_text
from .table import format_table, parse_table

__all__ = ["THRESHOLD", "align", "format_table", "group_text", "parse_table"]
