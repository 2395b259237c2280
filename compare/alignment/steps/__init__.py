"""The aligner's steps, one module each, over one shared `State` (`state`).

`exact` (step 1: the exact chain and its re-slide among repeated texts), `gaps` (step 2, and
step 5's gap filling: in-order pairs between anchors), `groups` (step 2's splits and merges),
`moves` (step 3), `rechain` (step 4: the main sequence), `copies` (4b: equal copies trade
partners), `renderings` (step 5b: independent renderings), `scatter` (5c: scattered splits
and merges), `evidence` (5d), `restore` (5e: reworded parts), `intros` (5f: list intros) and
`rest` (step 6).
`compare.alignment.aligner.run_steps` runs them in order; each reads and changes only the
`State` it is given, so one step can be read, tested and replaced alone. The thresholds they
share are in `params`.
"""
