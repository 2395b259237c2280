"""`scodiff timeline`: the scodiff.timeline/1 document, filters, text and HTML forms."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from compare.cli import main
from compare.corpus.site import build_site

ROOT = Path(__file__).resolve().parents[2]
DECL = str(ROOT / "declarations")


def _json(args: list[str], capsys: pytest.CaptureFixture[str]) -> dict:
    assert main(["timeline", DECL, "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_document_and_filters(capsys: pytest.CaptureFixture[str]) -> None:
    doc = _json([], capsys)
    assert doc["format"] == "scodiff.timeline/1"
    assert [d["id"] for d in doc["declarations"]] == ["2007-bishkek", "2008-dushanbe",
                                                  "2009-yekaterinburg", "2010-tashkent",
                                                  "2011-astana"]
    assert doc["pairs"][0] == {"left": "2007-bishkek", "right": "2008-dushanbe",
                               "report": "2007-bishkek--2008-dushanbe.html"}
    units = [(c["declaration"], u) for r in doc["lineages"] for c in r["cells"] for u in c["units"]]
    assert len(units) == len(set(units)) == sum(d["units"] for d in doc["declarations"])
    para4 = next(r for r in doc["lineages"] if r["id"] == "2007-bishkek/para_4")
    assert [(c["declaration"], c["event"]) for c in para4["cells"]][1:3] == [
        ("2008-dushanbe", "dropped"), ("2010-tashkent", "revived")]
    para8 = next(r for r in doc["lineages"] if r["id"] == "2007-bishkek/para_8")
    forces = [c["force"] for c in para8["cells"]]
    assert forces[1] > forces[0] and forces[2] < forces[1]  # "will" in 2008, "support" in 2009
    only = _json(["--commitments-only", "--changed-only"], capsys)
    assert only["lineages"] and all(r["commitment"] and r["changed"] for r in only["lineages"])
    assert len(only["lineages"]) < len(doc["lineages"])


def test_text_and_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", DECL]) == 0
    text = capsys.readouterr().out
    assert "2007-bishkek/para_4" in text and "+x.R~" in text
    out = tmp_path / "t.html"
    assert main(["timeline", DECL, "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<svg" in page and "<script" not in page and "revived (2)" in page
    assert main(["timeline", DECL, "-o", "-", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["format"] == "scodiff.timeline/1"


def test_text_reaching_html_is_escaped(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(ROOT / "declarations", corpus,
                    ignore=shutil.ignore_patterns("sources", "README.md"))
    f = corpus / "2011-astana.xml"
    f.write_text(f.read_text(encoding="utf-8").replace(
        "In the ten years since", "&lt;script&gt;alert(1)&lt;/script&gt; In the ten years since"),
        encoding="utf-8")
    (corpus / "site.toml").write_text('[site]\nphrases = ["<b>alert</b>", "alert"]\n',
                                      encoding="utf-8")
    build_site(corpus, tmp_path / "o")
    for page in (tmp_path / "o").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text and "<b>alert" not in text, page


def test_a_removed_declaration_removes_its_pages(tmp_path: Path) -> None:
    corpus = tmp_path / "c"
    shutil.copytree(ROOT / "declarations", corpus,
                    ignore=shutil.ignore_patterns("sources", "README.md"))
    build_site(corpus, tmp_path / "o")
    (corpus / "2011-astana.xml").unlink()
    result = build_site(corpus, tmp_path / "o")
    assert result.removed == ("compare/2010-tashkent--2011-astana.html",)
    assert not (tmp_path / "o" / "compare" / "2010-tashkent--2011-astana.html").exists()
