"""Analyse stage, measured: precision and recall of commitment detection on a labelled set.

`evaluate(path)` reads the hand-labelled set (`tests/data/commitments/evaluation.toml` in a
checkout) and returns the figures: precision, recall and F1 of detection; accuracy of force,
level, actor and hedges over the sentences both the labels and the analysis call commitments;
accuracy of the change (added, dropped, strengthened, softened, unchanged) over labelled pairs.
Figures are rounded to 4 places; `run` also lists the mistakes, in file order.
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
from .read import read_intro, read_item, read_sentence

SETS_DIR = PACKAGE.parent / "tests" / "data" / "commitments"
DEFAULT_SET = SETS_DIR / "evaluation.toml"
SHIPPED_SETS = (("", "evaluation.toml"), ("heldout_", "heldout.toml"),
                ("frozen_", "frozen.toml"), ("fresh_", "fresh.toml"))
"""The labelled sets `evaluate()` reports on, with the prefix of their keys: the tuning set
(written with the rules), the held-out set (written later, in phrasings the rules did not know;
tuned on afterwards), the frozen set (written before the held-out one, looked at once) and the
fresh set (written after the last rule change, never tuned on)."""


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def _read(text: str, previous: str, rules: Rules, cfg: Config, intro: str = ""
          ) -> Commitment | None:
    """One labelled sentence, read after `previous` (for "They") or as an item of `intro`."""
    actor = read_sentence(previous, rules, cfg)[1] if previous else None
    lead = read_intro(intro, rules, cfg) if intro else None
    return read_item(text, lead, rules, cfg, actor)[0] if text else None


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


def evaluate(path: str | os.PathLike[str] | None = None, config: ConfigArg = None
             ) -> dict[str, Any]:
    """Detection precision/recall/F1, force/level/actor/hedge/negation accuracy, pair-change
    accuracy, and the number of mistakes (`run` lists them), as one flat dict of numbers. With
    `path`, for that set; without, for each of `SHIPPED_SETS` present, keys prefixed by set."""
    if path is not None:
        figures, mistakes = run(path, config)
        return {**figures, "mistakes": len(mistakes)}
    cfg = as_config(config)
    out: dict[str, Any] = {}
    for prefix, name in SHIPPED_SETS:
        if prefix and not (SETS_DIR / name).exists():
            continue
        figures, mistakes = run(None if not prefix else SETS_DIR / name, cfg)
        out.update({f"{prefix}{k}": v for k, v in {**figures, "mistakes": len(mistakes)}.items()})
    return out
