"""The layering of the package: a stage imports only the shared core and the stages before it.

Read from the source with `ast` (function-level imports included), so the rule holds for lazy
imports too. The order is the pipeline's (ARCHITECTURE.md): the core, then store, ingest,
alignment, commitments, report, corpus, check; the CLI and the package's public API may import
any stage; nothing shipped imports the benchmark.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "compare"

CORE = ("model", "errors", "resources", "textfmt", "vocab")
STAGES = ("store", "ingest", "alignment", "commitments", "report", "corpus", "check")
TOP = ("cli", "__init__", "__main__")


def rank(part: str) -> int:
    """Where a top-level part of `compare` stands: core 0, stages 1.., top parts above all."""
    if part in CORE:
        return 0
    if part in STAGES:
        return 1 + STAGES.index(part)
    if part in TOP:
        return 1 + len(STAGES)
    if part == "bench":
        return 2 + len(STAGES)
    raise AssertionError(f"compare/{part} is not in the layering: add it to tests/test_layering.py "
                         "and ARCHITECTURE.md")


def part_of(module: str) -> str:
    """'compare.alignment.chain' -> 'alignment'; 'compare' -> '__init__'."""
    bits = module.split(".")
    return bits[1] if len(bits) > 1 else "__init__"


def module_name(path: Path, root: Path = PACKAGE) -> str:
    rel = path.relative_to(root.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports(path: Path, root: Path = PACKAGE) -> list[tuple[int, str]]:
    """(line, absolute module) of every import of `compare` in one file."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("compare")]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("compare"):
                continue
            if node.module is None or target.count(".") == 0:  # from . import x
                found += [(node.lineno, f"{target}.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, target))
    return found


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_every_part_has_a_place() -> None:
    for path in SOURCES:
        rank(part_of(module_name(path)) if path.parent != PACKAGE else path.stem)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_one_way(path: Path) -> None:
    own = part_of(module_name(path)) if path.parent != PACKAGE else path.stem
    for line, target in imports(path):
        other = part_of(target)
        if other == own or (own in TOP and other != "bench") or own == "bench":
            continue
        assert other != "bench", f"{path}:{line}: shipped code imports the benchmark ({target})"
        assert rank(other) <= rank(own) and not (rank(own) == 0 and rank(other) > 0), (
            f"{path}:{line}: {own} imports {target}, a later stage"
        )


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    """The rule can fail: imports of later stages are found, relative and absolute, lazy too."""
    probe = tmp_path / "compare" / "store" / "_probe.py"
    probe.parent.mkdir(parents=True)
    probe.write_text("from ..report import render_html\n"
                     "def f():\n    import compare.alignment.chain\n    from .. import check\n",
                     encoding="utf-8")
    found = [t for _, t in imports(probe, tmp_path / "compare")]
    assert found == ["compare.report", "compare.alignment.chain", "compare.check"]
    assert all(rank(part_of(t)) > rank("store") for t in found)
