"""Speed case: `scodiff import` on long plain texts, as whole processes, against a naive importer.

The promise is that every stage stays near-linear in its input. This case writes the `distinct`
speed case's left side (n copies of the seed, each copy's units made distinct) as plain text at
two sizes, a quarter of the other and the larger about 4 MB, and times `scodiff import` on each
as a process; beside it, in the same run, a baseline process that does the least an importer
does (read the file, split it at blank lines, write one XML element per paragraph with
`xml.etree`). A linear stage takes about 4x as long on the larger text; the baseline's own
ratio shows what the machine gives for 4x the bytes.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..ingest.importer import to_text
from . import distinct
from .benchgen import seed_blocks

BASELINE = """import sys, xml.etree.ElementTree as ET
text = open(sys.argv[1], encoding="utf-8").read()
root = ET.Element("declaration")
for block in text.split("\\n\\n"):
    if block.strip():
        ET.SubElement(root, "p").text = " ".join(block.split())
ET.ElementTree(root).write(sys.argv[2], encoding="utf-8")
"""


def _process(cmd: list[str], env: dict[str, str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
    return time.perf_counter() - t0


def import_scaling(source: Path, scodiff: list[str], env: dict[str, str],
                   small: int = 100, large: int = 400) -> list[str]:
    """Lines of the case: both sizes, ours and the baseline, and the ratios large/small."""
    blocks = seed_blocks(source)
    times: dict[str, list[float]] = {"ours": [], "base": []}
    sizes = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (small, large):
            path = Path(tmp, f"n{n}.txt")
            path.write_text(to_text(distinct.generate(blocks, n)[0]), encoding="utf-8")
            sizes.append(path.stat().st_size)
            out = str(Path(tmp, f"n{n}.xml"))
            times["ours"].append(_process([*scodiff, "import", str(path), "-o", out, "--status",
                                           "illustrative"], env))
            times["base"].append(_process([sys.executable, "-c", BASELINE, str(path),
                                           str(Path(tmp, f"b{n}.xml"))], env))
    ours, base = times["ours"], times["base"]
    return [f"== import scaling (processes): plain texts of {sizes[0] / 1e6:.1f} MB and "
            f"{sizes[1] / 1e6:.1f} MB ({large // small}x)",
            f"  scodiff import {ours[0]:.2f} s -> {ours[1]:.2f} s = {ours[1] / ours[0]:.1f}x; "
            f"naive split-and-write baseline {base[0]:.2f} s -> {base[1]:.2f} s = "
            f"{base[1] / base[0]:.1f}x (linear: about {large // small}x)"]
