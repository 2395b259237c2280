"""Corpus stage: a series of declarations read together -- clause lineages, timeline, phrase
tracking and the static site.

Owns linking the units of consecutive declarations and back to dormant ones (`link`), lineages
(`lineage`), commitment force per lineage and the timeline document (`timeline`), phrase
occurrences (`track`), the HTML pages of the timeline, the tracks and the site index (`pages`)
and the incremental site build (`site`); `api` is its face. It may import the core, `store`,
`ingest`, `alignment`, `commitments` and `report`.

Entry points: `load_corpus`, `lineages`, `timeline`, `track`, `build_site`.
"""
