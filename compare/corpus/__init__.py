"""Corpus stage: a series of declarations read together -- clause lineages, timeline, phrase
tracking and the static site.

Owns linking the units of consecutive declarations and back to dormant ones (`link`), lineages
(`lineage`), commitment force per lineage and the timeline document (`timeline`), phrase
occurrences (`track`), the HTML pages of the timeline, the tracks and the site index (`pages`),
the incremental site build (`site`) and importing many files into a corpus folder (`batch`);
`api` is its face. It may import the core, `store`, `ingest`, `alignment`, `commitments` and
`report`.

Entry points: `load_corpus`, `series`, `versions`, `work_of`, `previous`, `lineages`,
`timeline`, `track`, `build_site`, `plan_import`.
"""

from .api import lineages, load_corpus, previous, series, timeline, track, versions, work_of
from .batch import plan_import
from .lineage import Cell, Lineage, Lineages
from .site import SiteResult, build_site

__all__ = [
    "Cell",
    "Lineage",
    "Lineages",
    "SiteResult",
    "build_site",
    "lineages",
    "load_corpus",
    "plan_import",
    "previous",
    "series",
    "timeline",
    "track",
    "versions",
    "work_of",
]
