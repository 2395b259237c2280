"""Helpers for the check tests: small declarations written from text, and running the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from compare.cli import main
from compare.model import Declaration, Item, Meeting, Meta, Paragraph, Party, Sentence
from compare.store.xmlio import dump

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "declarations" / "2007-bishkek.xml"
VARIANT = ROOT / "tests" / "data" / "check" / "2007-bishkek-variant.xml"

Para = str | list[str] | tuple[str | None, list[str], list[tuple[str | None, str]]]


def declaration(paragraphs: list[Para], id: str = "2007-test", date: str = "2007-08-16",
                place: str = "Bishkek", kind: str = "declaration", status: str = "illustrative",
                version_of: str = "", place_written: str = "") -> bytes:
    """A complete, valid declaration: a paragraph is a text, a list of sentences, or
    (number, sentences, [(item number, item text)])."""
    paras = []
    for i, p in enumerate(paragraphs, 1):
        pid = f"para_{i}"
        number, texts, items = (p if isinstance(p, tuple)
                                else (None, [p] if isinstance(p, str) else p, []))
        sentences = tuple(Sentence(f"{pid}__s_{k}", t) for k, t in enumerate(texts, 1))
        its = tuple(Item(f"{pid}__item_{k}", n, (Sentence(f"{pid}__item_{k}__s_1", t),))
                    for k, (n, t) in enumerate(items, 1))
        paras.append(Paragraph(pid, number, sentences, its))
    meta = Meta(id=id, title="Test declaration", kind=kind,
                meeting=Meeting("Council of Heads of State", place, date, place_written),
                parties=(Party("KG", "Kyrgyz Republic"),), status=status,
                version_label="test text", version_of=version_of, source="written for the tests")
    return dump(Declaration(meta, tuple(paras)))


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def findings(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[Any]]:
    code, out, _ = run([*args, "--format", "json"], capsys)
    doc = json.loads(out)
    assert doc["format"] == "scodiff.findings/1"
    return code, doc["findings"]


def codes(found: list[Any], reported_only: bool = True) -> list[str]:
    return [f["code"] for f in found if not (reported_only and f["baselined"])]
