"""The closed vocabularies of a declaration's metadata: its kinds and its statuses.

Kept apart from `model` (which re-exports them) so that what only needs the words, such as the
command line's `--kind` choice, does not load the dataclasses of the model.
"""

from __future__ import annotations

KINDS = ("declaration", "communique", "statement", "press-release", "address")
STATUSES = ("adopted", "draft", "illustrative")
