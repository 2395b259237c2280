"""Costs of the alignment stage, as ratios (never wall-clock limits): startup imports, and time
near-linear in the length of one long unit."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from compare.alignment.aligner import align
from compare.bench.benchgen import Block, build_declaration

PHRASE = ("the member states will strengthen cooperation in the fight against terrorism "
          "separatism and extremism on the basis of international law and mutual respect")
WORDS = PHRASE.split(" ")


def test_version_imports_neither_lxml_nor_jinja2() -> None:
    code = ("import sys\nfrom compare.cli import main\ntry:\n    main(['--version'])\n"
            "except SystemExit:\n    pass\nimport json\n"
            "print(json.dumps(sorted(m for m in sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.splitlines()[-1]
    loaded = {m.split(".")[0] for m in json.loads(out)}
    assert not loaded & {"lxml", "jinja2", "markupsafe", "diff_match_patch"}


def _sentence(n_words: int, salt: int) -> str:
    return " ".join(f"{WORDS[(k * 7 + salt) % len(WORDS)]}{k % 97}" for k in range(n_words)) + "."


def _align_time(n_words: int) -> float:
    """Best of three: one very long sentence against an edited copy of it."""
    text = _sentence(n_words, 0)
    words = text.split()
    words[len(words) // 2] = "changed"
    left = build_declaration("l", [Block([text], [])])
    right = build_declaration("r", [Block([" ".join(words)], [])])
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        align(left, right)
        best = min(best, time.perf_counter() - t0)
    return best


def test_align_time_is_near_linear_in_a_long_sentence() -> None:
    """8x the words costs well under 64x (quadratic) the time: bounded by 16x."""
    small, large = _align_time(4000), _align_time(32000)
    assert large / small < 16, (small, large)
