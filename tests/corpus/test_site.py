"""The site: incremental by content hash, byte-identical re-runs, nothing written on bad input."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import lxml.html
import pytest

from compare.cli import main
from compare.corpus.site import build_site
from compare.report.renderers import content_security_policy

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "declarations"


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("site")
    corpus = base / "corpus"
    shutil.copytree(BUNDLED, corpus, ignore=shutil.ignore_patterns("sources", "README.md"))
    out = base / "out"
    first = build_site(corpus, out)
    assert "index.html" in first.written and not first.unchanged
    return corpus, out


def test_second_run_renders_nothing_and_changes_no_byte(built) -> None:
    corpus, out = built
    before = _tree(out)
    again = build_site(corpus, out)
    assert again.written == () and again.removed == ()
    assert _tree(out) == before


def test_pages(built) -> None:
    _, out = built
    names = set(_tree(out))
    assert {"index.html", "timeline.html", "timeline.json", "track/double-standards.html",
            "track/afghanistan.html", "compare/2007-bishkek--2008-dushanbe.html",
            "compare/2010-tashkent--2011-astana.html",
            "compare/2007-bishkek-draft--2007-bishkek.html"} <= names
    for name in names:
        if name.endswith(".html"):
            page = (out / name).read_text(encoding="utf-8")
            assert page.startswith("<!DOCTYPE html>") and "<script" not in page
            head = lxml.html.fromstring(page.encode()).find("head")
            first = head[0]
            assert first.tag == "meta" and first.get("http-equiv") == "Content-Security-Policy"
            css = head.find("style").text
            assert first.get("content") == content_security_policy(css), name
    index = lxml.html.fromstring((out / "index.html").read_bytes())
    for href in index.xpath("//a/@href"):
        assert (out / href).is_file(), href
    timeline = lxml.html.fromstring((out / "timeline.html").read_bytes())
    hrefs = set(timeline.xpath("//td/a/@href"))
    assert hrefs and all((out / h).is_file() for h in hrefs)


def test_a_changed_file_rerenders_only_what_depends_on_it(built, tmp_path: Path) -> None:
    corpus, out = built
    c2, o2 = tmp_path / "c", tmp_path / "o"
    shutil.copytree(corpus, c2)
    shutil.copytree(out, o2)
    f = c2 / "2011-astana.xml"
    f.write_text(f.read_text(encoding="utf-8").replace("where possible", "as far as possible"),
                 encoding="utf-8")
    result = build_site(c2, o2)
    assert set(result.written) == {"compare/2010-tashkent--2011-astana.html", "index.html",
                                   "timeline.html", "timeline.json",
                                   "track/afghanistan.html", "track/double-standards.html"}
    assert "compare/2007-bishkek--2008-dushanbe.html" in result.unchanged


def test_one_broken_file_of_twenty_is_named_and_nothing_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    seed = (BUNDLED / "2007-bishkek.xml").read_text(encoding="utf-8")
    corpus = tmp_path / "c"
    corpus.mkdir()
    for k in range(20):
        text = seed.replace('eId="2007-bishkek"', f'eId="2007-bishkek-c{k:02d}"')
        if k == 13:
            text = text.replace("</body>", "")
        (corpus / f"c{k:02d}.xml").write_text(text, encoding="utf-8")
    out = tmp_path / "site"
    assert main(["site", str(corpus), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "c13.xml" in err and err.count("\n") == 1
    assert not out.exists()


def test_broken_file_leaves_an_existing_site_untouched(built, tmp_path: Path) -> None:
    corpus, out = built
    c2, o2 = tmp_path / "c", tmp_path / "o"
    shutil.copytree(corpus, c2)
    shutil.copytree(out, o2)
    before = _tree(o2)
    (c2 / "2009-yekaterinburg.xml").write_text("<declaration", encoding="utf-8")
    assert main(["site", str(c2), "-o", str(o2)]) == 2
    assert _tree(o2) == before


def test_alignments_are_kept_beside_the_site_one_per_comparison(built, tmp_path: Path) -> None:
    corpus, out = built
    cached = sorted((out / ".scodiff-cache" / "align").glob("*.json"))
    pages = sorted((out / "compare").glob("*.html"))
    assert len(cached) == len(pages) == 5
    assert all('"format": "scodiff.alignment/1"' in p.read_text(encoding="utf-8")
               for p in cached)
    c2, o2 = tmp_path / "c", tmp_path / "o"
    shutil.copytree(corpus, c2)
    shutil.copytree(out, o2)
    (o2 / ".scodiff-cache" / "align" / cached[0].name).unlink()  # a lost alignment: made again
    (o2 / ".scodiff-cache" / "align" / "0000.json").write_text("{}", encoding="utf-8")
    again = build_site(c2, o2)
    assert len(again.written) == 1 and again.written[0].startswith("compare/")
    assert sorted(p.name for p in (o2 / ".scodiff-cache" / "align").glob("*.json")) == [
        p.name for p in cached]  # the stale one is gone
