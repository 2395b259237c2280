"""Analyse stage, measured: the reader's figures on the labelled sets.

`evaluate()` (printed by `python -m compare.bench`) scores the clause-labelled sets
(`tests/data/commitments/clauses/`: `tuning.toml`, the part the rules were tuned on, and
`heldout.toml`, scored once; `labelled`): for each, precision and recall of commitment
detection, force accuracy, precision and recall of commitment changes, keys prefixed `tuning_`
and `heldout_`. `python -m compare.commitments.evaluate --misses` lists what was missed.
`evaluate(path)` and `run(path)` score an older sentence-labelled set (one commitment per
sentence, its strongest: `tests/data/commitments/evaluation.toml`): detection, force, level,
actor and hedge accuracy, pair-change accuracy. Figures are rounded to 4 places.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..errors import DeclarationError
from ..model import Commitment
from ..resources import PACKAGE
from ..store.fsio import read_bytes
from ..store.tomlfile import parse_toml
from .config import Config, ConfigArg, Rules, as_config
from .diff import compare_commitments
from .labelled import score
from .read import read_intro, read_item, read_sentence, strongest

SETS_DIR = PACKAGE.parent / "tests" / "data" / "commitments"
DEFAULT_SET = SETS_DIR / "evaluation.toml"
SHIPPED_SETS = (("", "evaluation.toml"), ("heldout_", "heldout.toml"),
                ("frozen_", "frozen.toml"), ("fresh_", "fresh.toml"))
"""The older sentence-labelled sets (one commitment per sentence, labelled before the scale of
issue 11), with the prefix of their keys; `run` scores one."""


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def _read(text: str, previous: str, rules: Rules, cfg: Config, intro: str = ""
          ) -> Commitment | None:
    """One labelled sentence, read after `previous` (for "They") or as an item of `intro`."""
    actor = read_sentence(previous, rules, cfg)[1] if previous else None
    lead = read_intro(intro, rules, cfg) if intro else None
    return strongest(read_item(text, lead, rules, cfg, actor)[0]) if text else None


def _change(left: Commitment | None, right: Commitment | None) -> str:
    if left and right:
        return compare_commitments(left, right).change
    return "dropped" if left else "added" if right else "none"


def _load(path: str | os.PathLike[str] | None) -> dict[str, Any]:
    name = os.fspath(DEFAULT_SET if path is None else path)
    if path is None and not Path(name).exists():
        raise DeclarationError("the evaluation set ships with the source tree only", name)
    return parse_toml(read_bytes(name), name)


def _sentences(rows: list[dict[str, Any]], rules: Rules, cfg: Config) -> dict[str, Any]:
    tp = fp = fn = 0
    right = {"force": 0, "level": 0, "actor": 0, "hedges": 0, "negated": 0}
    negation_labels = 0
    mistakes: list[str] = []
    for row in rows:
        got = _read(row["text"], row.get("previous", ""), rules, cfg, row.get("intro", ""))
        want = "level" in row
        if got is None or not want:
            fp, fn = fp + (got is not None), fn + want
            if got is not None or want:
                mistakes.append(f"{'extra' if got else 'missed'}: {row['text']}")
            continue
        tp += 1
        seen = {"force": got.force, "level": got.level, "actor": got.actor,
                "hedges": list(got.hedges), "negated": got.negated}
        negation_labels += "negated" in row
        for key, value in seen.items():
            if key == "negated" and key not in row:
                continue
            ok = value == row.get(key, [] if key == "hedges" else None)
            right[key] += ok
            if not ok:
                mistakes.append(f"{key} {value!r} != {row.get(key)!r}: {row['text']}")
    return {
        "sentences": len(rows), "labelled": tp + fn, "detected": tp + fp,
        "precision": _ratio(tp, tp + fp), "recall": _ratio(tp, tp + fn),
        "f1": _ratio(2 * tp, 2 * tp + fp + fn),
        **{f"{k}_accuracy": _ratio(v, negation_labels if k == "negated" else tp)
           for k, v in right.items() if k != "negated" or negation_labels},
        "mistakes": mistakes,
    }


def run(path: str | os.PathLike[str] | None = None, config: ConfigArg = None
        ) -> tuple[dict[str, Any], list[str]]:
    """The figures and the list of mistakes (file order) on the labelled set at `path`."""
    doc = _load(path)
    cfg = as_config(config)
    rules = cfg.rules("en")
    if rules is None:
        raise DeclarationError("the evaluation set is English; the configuration has no 'en'")
    out = _sentences(doc.get("sentence", []), rules, cfg)
    mistakes: list[str] = out.pop("mistakes")
    pairs = doc.get("pair", [])
    ok = 0
    for p in pairs:
        got = _change(_read(p["left"], "", rules, cfg), _read(p["right"], "", rules, cfg))
        ok += got == p["change"]
        if got != p["change"]:
            mistakes.append(f"pair {got} != {p['change']}: {p['left'] or p['right']}")
    out.update(pairs=len(pairs), pair_accuracy=_ratio(ok, len(pairs)))
    return out, mistakes


CLAUSE_DIR = SETS_DIR / "clauses"
CLAUSE_SETS = (("tuning_", "tuning.toml"), ("heldout_", "heldout.toml"))
"""The clause-labelled sets, with the prefix of their keys; a set not present is skipped."""


def clause_figures(config: ConfigArg = None, sets: tuple[tuple[str, str], ...] = CLAUSE_SETS
                   ) -> tuple[dict[str, Any], list[str]]:
    """The figures of each clause-labelled set present (keys prefixed) and all misses."""
    cfg = as_config(config)
    rules = cfg.rules("en")
    if rules is None:
        raise DeclarationError("the labelled sets are English; the configuration has no 'en'")
    out: dict[str, Any] = {}
    misses: list[str] = []
    for prefix, name in sets:
        path = CLAUSE_DIR / name
        if not path.exists():
            continue
        figures, missed = score(parse_toml(read_bytes(path), str(path)), rules, cfg)
        out.update({f"{prefix}{k}": v for k, v in figures.items()})
        out[f"{prefix}misses"] = len(missed)
        misses.extend(f"{name}: {m}" for m in missed)
    return out, misses


def evaluate(path: str | os.PathLike[str] | None = None, config: ConfigArg = None
             ) -> dict[str, Any]:
    """Without `path`: the clause-labelled sets' figures (`clause_figures`), as one flat dict.
    With `path`, an older sentence-labelled set: detection precision/recall/F1,
    force/level/actor/hedge/negation accuracy, pair-change accuracy and the number of
    mistakes (`run` lists them)."""
    if path is not None:
        figures, mistakes = run(path, config)
        return {**figures, "mistakes": len(mistakes)}
    return clause_figures(config)[0]


def main(argv: list[str] | None = None) -> int:
    """`python -m compare.commitments.evaluate [--misses]`: the figures, one per line (and the
    misses); exit 0."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    figures, misses = clause_figures()
    for key in sorted(figures):
        print(f"{key} {figures[key]}")
    if "--misses" in args:
        for m in misses:
            print(m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
