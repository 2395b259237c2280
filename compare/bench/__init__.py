"""Benchmark: alignment and commitment figures on generated edits, against difflib.HtmlDiff.

Run as ``python -m compare.bench``. Not part of the pipeline: nothing shipped imports this package.
`run` is the benchmark; `bench.benchgen` and `bench.benchgen2` are two independent edit generators,
each giving edited declarations with their true alignment.
"""
