"""Analyse stage, measured clause by clause: the reader against the labelled clause sets.

The sets (`tests/data/commitments/clauses/tuning.toml` and `heldout.toml` in a checkout, format in
their headers) label each sentence with its commitments (actor, phrase, force; none for a
sentence that commits to nothing) and each before/after pair with the commitments that changed.
A sentence is read as the pipeline reads it: a list paragraph "ACTOR will: - a; - b" as an intro
and its items. `score(doc)` gives precision and recall of commitment detection, force accuracy
over the commitments both found and labelled, and precision and recall of commitment changes
(a predicted change is right when a labelled change of the same kind matches it, in order), with
the misses listed in file order.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Commitment
from .config import Config, Rules
from .diff import compare_commitments
from .lexicon import tokens
from .pairing import pair_clauses
from .read import read_intro, read_item, read_sentence

_LIST = re.compile(r"\s+-\s+")
_STEM = 4


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def read_text(text: str, rules: Rules, cfg: Config) -> tuple[Commitment, ...]:
    """The commitments of one labelled text; "intro: - item; - item" read as a list."""
    head, sep, rest = text.partition(": - ")
    if not sep:
        return read_sentence(text, rules, cfg)[0]
    intro = head + ":"
    lead = read_intro(intro, rules, cfg)
    found, actor = read_sentence(intro, rules, cfg)
    out = [] if lead else list(found)
    for item in _LIST.split(rest):
        item = item.strip().removeprefix("- ").rstrip(";.").strip()
        if item:
            got, actor = read_item(item, lead, rules, cfg, actor)
            out.extend(got)
    return tuple(out)


def _stems(phrase: str) -> set[str]:
    return {t[:_STEM] for t in tokens(phrase)}


def _compatible(got: Commitment, want: dict[str, Any]) -> bool:
    return bool(_stems(got.phrase) & _stems(str(want.get("phrase", ""))))


def _align(got: tuple[Commitment, ...], want: list[dict[str, Any]]
           ) -> list[tuple[int, int]]:
    """The longest in-order matching of found to labelled commitments by phrase words."""
    n, m = len(got), len(want)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best[i][j] = max(best[i + 1][j], best[i][j + 1],
                             best[i + 1][j + 1] + 1 if _compatible(got[i], want[j]) else 0)
    out, i, j = [], 0, 0
    while i < n and j < m:
        if _compatible(got[i], want[j]) and best[i][j] == best[i + 1][j + 1] + 1:
            out.append((i, j))
            i, j = i + 1, j + 1
        elif best[i + 1][j] >= best[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


def _sentences(rows: list[dict[str, Any]], rules: Rules, cfg: Config, misses: list[str]
               ) -> dict[str, Any]:
    found = labelled = matched = force_ok = 0
    for row in rows:
        got = read_text(row["text"], rules, cfg)
        want = row.get("commitment", [])
        pairs = _align(got, want)
        found, labelled, matched = found + len(got), labelled + len(want), matched + len(pairs)
        for i, j in pairs:
            if got[i].force == want[j]["force"]:
                force_ok += 1
            else:
                misses.append(f"{row['id']} force {got[i].force} != {want[j]['force']} "
                              f"('{got[i].phrase}'): {row['text']}")
        gi = {i for i, _ in pairs}
        wj = {j for _, j in pairs}
        misses.extend(f"{row['id']} extra '{c.phrase}' {c.force}: {row['text']}"
                      for i, c in enumerate(got) if i not in gi)
        misses.extend(f"{row['id']} missed '{w['phrase']}' {w['force']}: {row['text']}"
                      for j, w in enumerate(want) if j not in wj)
    return {"sentences": len(rows), "commitments": labelled, "found": found,
            "precision": _ratio(matched, found), "recall": _ratio(matched, labelled),
            "force_accuracy": _ratio(force_ok, matched)}


def predicted_changes(before: str, after: str, rules: Rules, cfg: Config
                      ) -> list[tuple[str, int, int]]:
    """The changes the reader sees between two texts: (kind, force before, force after)."""
    out: list[tuple[str, int, int]] = []
    for lc, rc in pair_clauses(read_text(before, rules, cfg), read_text(after, rules, cfg)):
        if lc and rc:
            kind = compare_commitments(lc, rc).change
            if kind != "unchanged":
                out.append((kind, lc.force, rc.force))
        elif lc:
            out.append(("dropped", lc.force, 0))
        elif rc:
            out.append(("added", 0, rc.force))
    return out


def _pairs(rows: list[dict[str, Any]], rules: Rules, cfg: Config, misses: list[str]
           ) -> dict[str, Any]:
    predicted = labelled = matched = exact = 0
    for row in rows:
        got = predicted_changes(row["before"], row["after"], rules, cfg)
        want = [(w["change"], w["before_force"], w["after_force"]) for w in row.get("change", [])]
        rest = list(want)
        for g in got:
            hit = next((w for w in rest if w[0] == g[0]), None)
            if hit is None:
                misses.append(f"{row['id']} change extra {g}: {row['before']} -> {row['after']}")
                continue
            rest.remove(hit)
            matched += 1
            exact += hit == g
            if hit != g:
                misses.append(f"{row['id']} change forces {g[1:]} != {hit[1:]}: "
                              f"{row['before']} -> {row['after']}")
        misses.extend(f"{row['id']} change missed {w}: {row['before']} -> {row['after']}"
                      for w in rest)
        predicted, labelled = predicted + len(got), labelled + len(want)
    return {"pairs": len(rows), "changes": labelled, "changes_found": predicted,
            "change_precision": _ratio(matched, predicted),
            "change_recall": _ratio(matched, labelled),
            "change_force_exact": _ratio(exact, matched)}


def score(doc: dict[str, Any], rules: Rules, cfg: Config) -> tuple[dict[str, Any], list[str]]:
    """The figures of one labelled clause set, and its misses in file order."""
    misses: list[str] = []
    out = _sentences(doc.get("sentence", []), rules, cfg, misses)
    out.update(_pairs(doc.get("pair", []), rules, cfg, misses))
    return out, misses
