"""Reports: view model, HTML/Markdown/JSON rendering, escaping, CSP, determinism, golden files."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from report_samples import HOSTILE, sample_alignment, synthetic_alignment, word_diff

from compare.model import Pair, Relation, Unit
from compare.report import renderers as render_mod
from compare.report.facade import build_view, render, render_html, render_json, render_markdown
from compare.report.redline import INVISIBLE, Segment, distribute
from compare.report.renderers import environment, md_text
from compare.resources import templates_dir

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def alignment():
    return sample_alignment()


@pytest.fixture(scope="module")
def html(alignment) -> str:
    return render_html(alignment)


@pytest.fixture(scope="module")
def tree(html):
    return lxml.html.document_fromstring(html)


def _shown_text(el) -> str:
    """An element's text with invisible-character badges turned back into the characters."""
    el = lxml.html.fromstring(lxml.html.tostring(el, encoding="unicode"))
    for badge in el.xpath(".//span[@class='invisible']"):
        badge.text = chr(int(badge.get("data-char")[2:], 16))
    (text,) = el.xpath(".//span[@class='text']")
    return text.text_content()


# --- templates and environment ---------------------------------------------------------------


def test_every_shipped_template_is_autoescaped_and_documented():
    env = environment()
    names = sorted(p.name for p in templates_dir().iterdir() if p.is_file())
    assert "report.html.j2" in names and "report.css" in names and "report.md.j2" in names
    for name in names:
        assert env.autoescape(name) is True, name
        assert (templates_dir() / name).read_text("utf-8").startswith("{#"), name
    assert env.undefined is __import__("jinja2").StrictUndefined
    assert env.keep_trailing_newline


def test_included_templates_are_partials():
    pulled = set()
    for path in templates_dir().iterdir():
        found = re.findall(r"{%-?\s*(?:include|import|from)\s+\"([^\"]+)\"", path.read_text())
        pulled.update(found)
    assert pulled, "the report template includes partials"
    assert all(name.startswith("_") or name == "report.css" for name in pulled), pulled


def test_no_safe_filter_and_no_markup_built_from_data():
    for path in templates_dir().iterdir():
        assert "|safe" not in path.read_text().replace(" ", ""), path.name
    source = Path(render_mod.__file__).read_text()
    assert 'Markup(f"' not in source and "Markup(f'" not in source


def test_strict_undefined_fails_loudly():
    with pytest.raises(Exception, match="undefined"):
        environment().get_template("report.html.j2").render(csp="x")


def test_inlined_segment_loops_match_the_segments_macro(alignment, html):
    """The side-by-side and redline loops inline the `segments` macro; they must not drift."""
    macro = environment().get_template("_segments.html.j2").module.segments
    view = build_view(alignment)
    units = [u for r in view.rows for u in (*r.left, *r.right)]
    assert any(s.char for u in units for s in u.segments), "sample has an invisible character"
    assert any(s.op for u in units for s in u.segments), "sample has changes"
    lang = {"left": view.left.language, "right": view.right.language}
    for u in units:
        assert f'lang="{lang[u.side]}">{macro(u.segments)}</span></div>' in html, u.anchor
    for e in view.redline:
        assert f'lang="{lang[e.side]}">{macro(e.segments)}</span></p>' in html, e.anchor


# --- the HTML page ----------------------------------------------------------------------------


def test_csp_is_first_in_head_and_hashes_the_inline_css(tree):
    head = tree.find("head")
    first = head[0]
    assert first.tag == "meta" and first.get("http-equiv") == "Content-Security-Policy"
    policy = first.get("content")
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    styles = tree.xpath("//style")
    assert len(styles) == 1
    digest = base64.b64encode(hashlib.sha256(styles[0].text.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy
    assert "script-src" not in policy  # no script at all: default-src 'none' forbids them


def test_page_fetches_nothing_and_has_no_script_or_inline_style(tree):
    assert tree.xpath("//script") == []
    assert tree.xpath("//*[@style]") == []
    assert tree.xpath("//*[@src]") == []
    assert tree.xpath("//link") == []
    for a in tree.xpath("//a[@href]"):
        assert a.get("href").startswith("#"), a.get("href")
    for attr in tree.xpath("//@*"):
        assert not attr.attrname.lower().startswith("on"), attr.attrname


def test_every_unit_appears_exactly_once_side_by_side(alignment, tree):
    for side, decl in (("left", alignment.left), ("right", alignment.right)):
        cells = tree.xpath(f"//div[@class='sbs']//*[@data-{side}]")
        ids = [c.get(f"data-{side}") for c in cells]
        assert sorted(ids) == sorted(u.id for u in decl.units())
        assert len(ids) == len(set(ids))


def test_unit_text_in_the_page_is_the_clause_text(alignment, tree):
    for prefix, decl in (("L", alignment.left), ("R", alignment.right)):
        for unit in decl.units():
            (el,) = tree.xpath(f"//*[@id='{prefix}-{unit.id}']")
            assert _shown_text(el) == unit.text, unit.id


def test_hostile_text_stays_text(html, tree):
    assert "<script>alert(1)" not in html
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>bold</b>" not in html and tree.xpath("//b") == []
    assert "{{7*7}}" in tree.text_content() and "49" not in tree.text_content()
    assert "{% if %}" in tree.text_content()
    (cell,) = tree.xpath("//*[@id='L-para_9']")
    assert HOSTILE in cell.text_content()


def test_ids_are_unique_and_every_internal_link_resolves(tree):
    ids = tree.xpath("//@id")
    assert len(ids) == len(set(ids))
    for href in tree.xpath("//a/@href"):
        assert tree.xpath(f"//*[@id='{href[1:]}']"), href


def test_changes_are_real_ins_and_del_with_text_markers(tree):
    (left,) = tree.xpath("//*[@id='L-para_2']")
    (right,) = tree.xpath("//*[@id='R-para_2']")
    assert [d.text.strip() for d in left.iter("del")] == ["will", "closely"]
    assert [i.text.strip() for i in right.iter("ins")] == ["intend to"]
    heads = "//div[@class='sbs']//div[contains(@class,'rh')]//span[@class='mark']"
    marks = [m.text_content() for m in tree.xpath(heads)]
    assert {"=", "~", "[moved]", "[split]", "[merged]", "\u2212", "+"} <= set(marks)


ROWS = "//div[@class='sbs']//div[contains(@class,'row ') and @id]"


def test_move_is_linked_at_both_ends(tree):
    (ghost,) = tree.xpath("//div[contains(@class,'row ghost')]")
    (to,) = ghost.xpath(".//a[@class='moved-link']/@href")
    assert to == "#R-para_7"
    moved = tree.xpath("//div[@data-relation='moved']")[0]
    assert moved.xpath(".//a[@class='moved-link']/@href") == [f"#{ghost.get('id')}"]
    rows = [r.get("id") for r in tree.xpath(ROWS)]
    # the old place sits after the left neighbour that stayed (para_5 merged into right para_5)
    merged = tree.xpath("//div[@data-relation='merged']")[0].get("id")
    assert rows.index(ghost.get("id")) == rows.index(merged) + 1


def test_rows_follow_the_right_text_with_removed_after_its_left_neighbour(alignment, tree):
    right_order = [
        el.get("data-right") for el in tree.xpath("//div[@class='sbs']//*[@data-right]")
    ]
    assert right_order == [u.id for u in alignment.right.units()]
    removed = tree.xpath("//div[@data-relation='removed']")[0]
    before = removed.getprevious()
    assert before.get("data-relation") == "moved-from"


def test_invisible_character_is_a_badge_and_counted(alignment, tree):
    badges = tree.xpath("//span[@class='invisible' and @data-char='U+202E']")
    assert len(badges) == 2  # side by side and redline
    assert badges[0].get("title") == "U+202E RIGHT-TO-LEFT OVERRIDE"
    assert badges[0].getparent().tag == "ins"
    assert "\u202e" not in lxml.html.tostring(tree, encoding="unicode")
    assert build_view(alignment).summary.invisible == 1


def test_illustrative_banner_and_metadata(tree):
    banners = tree.xpath("//p[@class='banner']")
    assert len(banners) == 1 and "[ILLUSTRATIVE]" in banners[0].text_content()
    header = tree.xpath("//table[@class='meta']")[0].text_content()
    for expected in ("Testville", "2001-02-03", "illustrative", "adopted", "test-adopted"):
        assert expected in header


def test_summary_and_commitments_panel(tree):
    summary = tree.xpath("//section[@id='summary']")[0].text_content()
    assert re.search(r"softened\s*1", summary) and re.search(r"strengthened\s*0", summary)
    rows = tree.xpath("//table[@class='commitments']/tbody")
    assert [r.get("class") for r in rows] == [
        "change-softened",
        "change-dropped",
        "change-added",
    ]
    softened = rows[0].text_content()
    assert "binding" in softened and "intention" in softened
    assert [d.text.strip() for d in rows[0].iter("del")] == ["will", "closely"]
    assert [i.text.strip() for i in rows[0].iter("ins")] == ["intend to"]
    assert rows[1].xpath(".//ins | .//del") == []  # one-sided: plain text
    assert rows[0].xpath(".//a/@href") == ["#L-para_2", "#R-para_2"]


def test_redline_follows_right_text_with_removed_clause_struck(alignment, tree):
    entries = tree.xpath("//div[@class='redline']/p")
    ids = [e.get("id") for e in entries]
    rights = [f"X-R-{u.id}" for u in alignment.right.units()]
    assert [i for i in ids if i.startswith("X-R-")] == rights
    assert ids.index("X-L-para_7") == ids.index("X-R-para_5") + 1  # removed, after para_5
    (removed,) = tree.xpath("//p[@id='X-L-para_7' and contains(@class,'rel-removed')]")
    assert removed.xpath(".//del")


def test_identical_documents_render_no_differences(alignment):
    from compare.model import Alignment

    left = alignment.left
    pairs = tuple(
        Pair(Relation.UNCHANGED, (u.id,), (u.id,), 1.0, ((0, u.text),)) for u in left.units()
    )
    html = render_html(Alignment(left, left, pairs))
    tree = lxml.html.document_fromstring(html)
    assert tree.xpath("//main//*[self::ins or self::del][not(ancestor::dl)]") == []
    assert tree.xpath("//div[@class='sbs']//*[@data-left]")
    assert "No differences" in tree.text_content()


def test_an_alignment_that_drops_or_invents_a_unit_is_refused(alignment):
    from dataclasses import replace

    from compare.errors import ScodiffError

    with pytest.raises(ScodiffError, match=r"left unit 'para_1' of 'test-draft' in 0 pairs"):
        build_view(replace(alignment, pairs=alignment.pairs[1:]))
    extra = Pair(Relation.ADDED, (), ("para_99",), 0.0, ((1, "x"),))
    with pytest.raises(ScodiffError, match="right unit 'para_99', not in 'test-adopted'"):
        build_view(replace(alignment, pairs=(*alignment.pairs, extra)))


# --- Markdown and JSON -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a | b", "a \\| b"),
        ("`x`", "\\`x\\`"),
        ("<script>", "\\<script>"),
        ("# heading", "# heading"),  # not at a line's start: not a heading
        ("- item", "- item"),
        ("1. item", "1. item"),
        ("a -> b", "a -> b"),
        ("a\nb", "a b"),
        ("[link](http://x)", "\\[link\\](`http://x`)"),
        ("*a* _b_ ~c~ para_8__s_1", "\\*a\\* \\_b\\_ \\~c\\~ para_8__s_1"),
        ("AT&T &copy;", "AT&T \\&copy;"),
        ("ask @alice or @org/team", "ask `@alice` or `@org/team`"),
        ("see https://x.org/a_b. and www.y.com", "see `https://x.org/a_b`. and `www.y.com`"),
        ("mail a.b@example.org, issue #12", "mail `a.b@example.org`, issue `#12`"),
        ("x\u202ey", "x\u27e8U+202E\u27e9y"),
    ],
)
def test_markdown_escapes_document_text(text, expected):
    assert md_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1. item", "1\\. item"), ("- item", "\\- item"), ("+ x", "\\+ x"),
     ("# h", "\\# h"), ("> q", "\\> q"), ("12) x", "12\\) x"), ("a 1. b", "a 1. b")],
)
def test_markdown_escapes_line_openers_only_at_a_line_start(text, expected):
    """A leading "1." was escaped "\\1." (a backslash before a digit is shown by GitHub):
    escapes are a backslash before the punctuation, and only where a line starts."""
    assert md_text(text, line_start=True) == expected


def test_markdown_report(alignment):
    md = render_markdown(alignment)
    assert md.startswith("## scodiff: ")
    assert "<script>" not in md.replace("\\<script>", "")
    assert "<b>" not in md.replace("\\<b>", "")
    assert "<del>will</del> <ins>intend to</ins>" in md  # a space between: not "willintend to"
    assert "**[ILLUSTRATIVE]**" in md
    assert "\\| \\`code\\` # not a heading" in md
    assert md.endswith("\n") and not md.endswith("\n\n")


def test_json_report_is_the_same_view(alignment):
    doc = json.loads(render_json(alignment))
    assert doc["format"] == "scodiff.report/1"
    view = build_view(alignment)
    assert len(doc["rows"]) == len(view.rows)
    assert doc["summary"]["invisible"] == 1
    for row in doc["rows"]:
        for unit in row["left"]:
            assert "".join(t for op, t in unit["segments"] if op <= 0) == unit["text"]
        for unit in row["right"]:
            assert "".join(t for op, t in unit["segments"] if op >= 0) == unit["text"]
    assert render(alignment, "json") == render_json(build_view(alignment))


def test_golden_sample_reports(alignment, golden):
    golden("report/sample.html", render_html(alignment))
    golden("report/sample.md", render_markdown(alignment))
    golden("report/sample.json", render_json(alignment))


# --- distributing word diffs over units ------------------------------------------------------

_word = st.text(alphabet="abc \u200b", min_size=1, max_size=12).map(str.strip).filter(bool)


def _units(texts: list[str]) -> list[Unit]:
    return [Unit(f"u{i}", "paragraph", None, ()) for i, _t in enumerate(texts)]


@settings(derandomize=True, deadline=None, max_examples=60)
@given(st.lists(_word, min_size=0, max_size=3), st.lists(_word, min_size=0, max_size=3))
def test_distributed_diff_rebuilds_every_unit(left, right):
    from compare.model import Sentence

    lu = [Unit(f"l{i}", "paragraph", None, (Sentence("s", t),)) for i, t in enumerate(left)]
    ru = [Unit(f"r{i}", "paragraph", None, (Sentence("s", t),)) for i, t in enumerate(right)]
    pair = Pair(Relation.REWORDED, (), (), 0.5, word_diff(" ".join(left), " ".join(right)))
    lsegs, rsegs, red = distribute(pair, lu, ru)
    for unit, segs in zip(lu, lsegs, strict=True):
        assert _rebuild(segs, -1) == unit.text
    for unit, segs, rl in zip(ru, rsegs, red, strict=True):
        assert _rebuild(segs, 1) == unit.text
        assert _rebuild(rl, 1) == unit.text


def _rebuild(segs, keep: int) -> str:
    return "".join(
        chr(int(s.char[2:], 16)) if s.char else s.text for s in segs if s.op in (0, keep)
    )


def test_a_diff_that_does_not_match_the_units_falls_back_to_coarse():
    from compare.model import Sentence

    lu = [Unit("a", "paragraph", None, (Sentence("s", "one two"),))]
    ru = [Unit("b", "paragraph", None, (Sentence("s", "one three"),))]
    bogus = Pair(Relation.REWORDED, ("a",), ("b",), 0.5, ((0, "something else"),))
    lsegs, rsegs, _red = distribute(bogus, lu, ru)
    assert [(s.op, s.text) for s in lsegs[0]] == [(-1, "one two")]
    assert [(s.op, s.text) for s in rsegs[0]] == [(1, "one three")]


def test_every_listed_invisible_character_gets_a_badge():
    from compare.report.redline import segments

    for ch, name in INVISIBLE.items():
        (seg,) = segments(1, ch)
        assert seg.char == f"U+{ord(ch):04X}" and seg.name == name and ch not in seg.text


def test_every_character_matching_drops_gets_a_badge():
    """An Arabic letter mark (a bidi control) made the note "invisible-characters" but was shown
    as nothing: every character that `match_key` drops must be a badge in HTML and Markdown."""
    from compare.alignment.normalize import INVISIBLE as STRIPPED
    from compare.report.redline import badge, segments

    for ch in sorted(STRIPPED):
        (seg,) = segments(1, ch)
        assert seg.char == f"U+{ord(ch):04X}" and ch not in seg.text, hex(ord(ch))
        assert badge(ch) in md_text(f"a{ch}b") and ch not in md_text(f"a{ch}b")


_clause = st.text(
    alphabet=st.sampled_from(list("ab Z.<>&\"'{}%#|`*_-\u00e9") + list(INVISIBLE)),
    min_size=1,
    max_size=30,
)
ALLOWED_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "a",
    "header",
    "h1",
    "h2",
    "p",
    "strong",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "nav",
    "ol",
    "ul",
    "li",
    "main",
    "section",
    "div",
    "span",
    "fieldset",
    "legend",
    "label",
    "input",
    "colgroup",
    "col",
    "ins",
    "del",
    "br",
    "dl",
    "dt",
    "dd",
    "code",
    "footer",
    "details",
    "summary",
}


@settings(derandomize=True, deadline=None, max_examples=25)
@given(st.lists(_clause, min_size=1, max_size=4), st.lists(_clause, min_size=1, max_size=4))
def test_rendered_clause_text_is_the_clause_text_whatever_it_holds(left_texts, right_texts):
    from report_samples import meta, para

    from compare.model import Alignment, Declaration

    left = Declaration(
        meta("l", "<L>", "draft"), tuple(para(f"para_{i}", t) for i, t in enumerate(left_texts, 1))
    )
    right = Declaration(
        meta("r", "{{R}}", "adopted"),
        tuple(para(f"para_{i}", t) for i, t in enumerate(right_texts, 1)),
    )
    pairs = []
    for i in range(1, max(len(left_texts), len(right_texts)) + 1):
        lt = left_texts[i - 1] if i <= len(left_texts) else None
        rt = right_texts[i - 1] if i <= len(right_texts) else None
        if lt is not None and rt is not None:
            pairs.append(
                Pair(Relation.REWORDED, (f"para_{i}",), (f"para_{i}",), 0.5, word_diff(lt, rt))
            )
        elif lt is not None:
            pairs.append(Pair(Relation.REMOVED, (f"para_{i}",), (), 0.0, ((-1, lt),)))
        else:
            pairs.append(Pair(Relation.ADDED, (), (f"para_{i}",), 0.0, ((1, rt),)))
    alignment = Alignment(left, right, tuple(pairs))
    tree = lxml.html.document_fromstring(render_html(alignment))
    assert {el.tag for el in tree.iter() if isinstance(el.tag, str)} <= ALLOWED_TAGS
    assert not [a for a in tree.xpath("//@*") if a.attrname.startswith("on")]
    for prefix, texts in (("L", left_texts), ("R", right_texts)):
        for i, text in enumerate(texts, 1):
            (el,) = tree.xpath(f"//*[@id='{prefix}-para_{i}']")
            assert _shown_text(el) == text
    md = render_markdown(alignment)
    assert "<" not in re.sub(r"</?(ins|del)>", "", md).replace("\\<", "")
    assert "&lt;" not in md and "&amp;" not in md  # no entities: "<" is "\<", "&" is "&"


# --- determinism and speed -------------------------------------------------------------------

_RENDER_SCRIPT = """
import sys, hashlib
sys.path.insert(0, {tests!r})
from report_samples import sample_alignment
from compare.report.facade import render
a = sample_alignment()
print(hashlib.sha256(''.join(render(a, f) for f in ('html', 'md', 'json')).encode()).hexdigest())
"""


def test_output_is_byte_identical_across_hash_seeds_and_time_zones(alignment, tmp_path):
    here = hashlib.sha256(
        "".join(render(alignment, f) for f in ("html", "md", "json")).encode()
    ).hexdigest()
    env = dict(os.environ, PYTHONHASHSEED="12345", TZ="Asia/Bishkek", LC_ALL="C")
    script = _RENDER_SCRIPT.format(tests=str(Path(__file__).parent))
    out = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == here


def test_rendering_800_units_is_fast():
    alignment = synthetic_alignment(800)
    start = time.perf_counter()
    html = render_html(alignment)
    elapsed = time.perf_counter() - start
    tree = lxml.html.document_fromstring(html)
    assert len(tree.xpath("//div[@class='sbs']//*[@data-left]")) == 800
    assert elapsed < 2.0, f"rendering 800 units took {elapsed:.2f} s"


# --- the committed example and the command ---------------------------------------------------

DRAFT_TEXT = ROOT / "tests" / "data" / "report" / "2007-bishkek-draft.txt"
DRAFT = ROOT / "declarations" / "2007-bishkek-draft.xml"
ADOPTED = ROOT / "declarations" / "2007-bishkek.xml"
EXAMPLE = ROOT / "reports" / "2007-bishkek-draft--2007-bishkek"
DRAFT_META = {
    "id": "2007-bishkek-draft",
    "title": "Bishkek Declaration (illustrative negotiating draft)",
    "status": "illustrative",
    "version_label": "illustrative draft",
    "version_of": "2007-bishkek",
    "body": "Council of Heads of State",
    "source": "Illustrative negotiating draft written for scodiff from the adopted English text; "
    "not an SCO document (tests/data/report/2007-bishkek-draft.txt)",
}


def test_bundled_draft_is_the_import_of_its_text():
    from compare.ingest.importer import import_file
    from compare.store.xmlio import dump

    decl, _notices = import_file(str(DRAFT_TEXT), fmt="text", **DRAFT_META)
    assert decl.meta.status == "illustrative"
    assert dump(decl) == DRAFT.read_bytes()


@pytest.fixture(scope="module")
def example():
    from compare.report.facade import compare_files

    return compare_files(DRAFT, ADOPTED)


def test_committed_example_reports_are_re_rendered_identically(example, golden):
    golden(EXAMPLE.with_suffix(".html"), render_html(example))
    golden(EXAMPLE.with_suffix(".md"), render_markdown(example))


def test_example_shows_every_relation_and_commitment_change(example):
    view = build_view(example)
    counts = {c.key: c.value for c in view.summary.relations}
    for rel in ("reworded", "moved", "split", "merged", "removed", "added"):
        assert counts[rel] >= 1, rel
    changes = {c.key: c.value for c in view.summary.commitments}
    assert changes["softened"] >= 1 and changes["strengthened"] >= 1
    tree = lxml.html.document_fromstring(render_html(view))
    for side, decl in (("left", example.left), ("right", example.right)):
        ids = [e.get(f"data-{side}") for e in tree.xpath(f"//*[@data-{side}]")]
        assert sorted(ids) == sorted(u.id for u in decl.units())
    assert "[ILLUSTRATIVE]" in tree.xpath("//p[@class='banner']")[0].text_content()


def _run(args: list[str]) -> int:
    from compare.cli import main

    return main(args)


def test_report_command_writes_each_format(example, tmp_path, capsys):
    for fmt in ("html", "md", "json"):
        out = tmp_path / f"r.{fmt}"
        assert _run(["report", str(DRAFT), str(ADOPTED), "--format", fmt, "-o", str(out)]) == 1
        assert out.read_text("utf-8") == render(build_view(example), fmt)
    assert _run(["report", str(ADOPTED), str(ADOPTED), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["differs"] is False


def test_report_command_refuses_to_overwrite_an_input_and_a_missing_file(tmp_path, capsys):
    copy = tmp_path / "left.xml"
    copy.write_bytes(DRAFT.read_bytes())
    assert _run(["report", str(copy), str(ADOPTED), "-o", str(copy)]) == 2
    assert copy.read_bytes() == DRAFT.read_bytes()
    assert _run(["report", str(tmp_path / "missing.xml"), str(ADOPTED)]) == 2
    assert _run(["report", str(DRAFT), str(ADOPTED), "--format", "pdf"]) == 2
    err = capsys.readouterr().err
    assert "refusing to overwrite an input" in err and "no such file" in err


# --- unseen inputs: languages, scripts, sizes, metadata (through the real aligner) -----------

from report_samples import pipeline, unseen_cases  # noqa: E402

UNSEEN = unseen_cases()


@pytest.fixture(scope="module")
def unseen() -> dict[str, tuple[object, str, str]]:
    out = {}
    for name, (left, right) in UNSEEN.items():
        alignment = pipeline(left, right)
        out[name] = (alignment, render_html(alignment), render_markdown(alignment))
    return out


@pytest.mark.parametrize("name", sorted(UNSEEN))
def test_unseen_input_renders_every_clause_once_with_its_text(unseen, name):
    alignment, html, md = unseen[name]
    tree = lxml.html.document_fromstring(html)
    ids = [e.get("id") for e in tree.xpath("//*[@id]")]
    assert len(ids) == len(set(ids))
    for side, prefix, decl in (("left", "L", alignment.left), ("right", "R", alignment.right)):
        cells = tree.xpath(f"//div[@class='sbs']//*[@data-{side}]")
        shown = [e.get(f"data-{side}") for e in cells]
        assert sorted(shown) == sorted(u.id for u in decl.units())
        for unit in decl.units():
            (el,) = tree.xpath(f"//*[@id='{prefix}-{unit.id}']")
            assert _shown_text(el) == unit.text, unit.id
    redline = [e.get("id") for e in tree.xpath("//div[@class='redline']/p")]
    assert [i for i in redline if i.startswith("X-R-")] == [
        f"X-R-{u.id}" for u in alignment.right.units()
    ]
    verdict = tree.xpath("//header/p[contains(@class,'verdict')]")[0].text_content()
    assert verdict.startswith("The texts differ" if alignment.differs else "No differences")
    assert md.startswith("## scodiff: ") and f"**{verdict}**" in md


def test_chinese_changes_are_grouped_without_space_artefacts(unseen):
    _alignment, html, _md = unseen["chinese"]
    tree = lxml.html.document_fromstring(html)
    marks = tree.xpath("//div[@class='sbs']//*[self::ins or self::del]")
    assert marks
    for m in marks:
        assert m.text_content() == m.text_content().strip(), m.text_content()
        assert " " not in m.text_content()
    # a changed run is one element, not one per character
    assert any(len(m.text_content()) >= 2 for m in marks)
    assert "</ins><ins>" not in html and "</del><del>" not in html
    for span in tree.xpath("//span[@class='text']"):
        assert span.get("lang") == "zh" and span.get("dir") == "auto"


def test_right_to_left_text_is_isolated_and_intact(unseen):
    _alignment, html, _md = unseen["rtl"]
    tree = lxml.html.document_fromstring(html)
    texts = tree.xpath("//span[@class='text']")
    assert texts and all(t.get("dir") == "auto" for t in texts)
    assert "الدول الأعضاء تعلن ما يلي" in tree.text_content()


def test_identical_documents_say_so_first(unseen):
    _alignment, html, md = unseen["identical"]
    tree = lxml.html.document_fromstring(html)
    header = tree.xpath("//header")[0]
    (verdict,) = header.xpath("p[contains(@class,'verdict')]")
    assert "same" in verdict.get("class")
    assert verdict.text_content().startswith("No differences")
    assert tree.xpath("//main//*[self::ins or self::del][not(ancestor::dl)]") == []
    assert "### Changed clauses (0" in md and "None." in md


def test_missing_metadata_leaves_no_empty_header_rows(unseen):
    _alignment, html, md = unseen["no-metadata"]
    tree = lxml.html.document_fromstring(html)
    fields = [th.text_content() for th in tree.xpath("//table[@class='meta']/tbody/tr/th")]
    assert fields == ["id", "language", "status", "units"]
    assert tree.xpath("//h1")[0].text_content() == "Comparison: bare-left \u2192 bare-right"
    for row in tree.xpath("//table[@class='meta']/tbody/tr"):
        assert all(td.text_content().strip() for td in row.xpath("td"))
    assert "| title |" not in md and "| place" not in md


def test_both_drafts_are_bannered(unseen):
    _alignment, html, md = unseen["both-draft"]
    tree = lxml.html.document_fromstring(html)
    banners = [b.text_content() for b in tree.xpath("//p[@class='banner']")]
    assert len(banners) == 2 and all(b.startswith("[DRAFT]") for b in banners)
    assert md.count("**[DRAFT]**") == 2


def test_one_side_empty_or_nothing_in_common(unseen):
    for name in ("empty-right", "nothing-in-common"):
        alignment, html, _md = unseen[name]
        tree = lxml.html.document_fromstring(html)
        removed = tree.xpath("//div[@class='redline']/p[contains(@class,'rel-removed')]")
        assert len(removed) == len(alignment.left.units())
        assert all(r.xpath(".//del") for r in removed)
        marks = [a.text_content() for a in tree.xpath("//div[@class='redline']/p/a")]
        assert all(" left " in m for m in marks if m.startswith("\u2212"))


def test_a_very_long_paragraph_stays_whole_in_html_and_short_in_markdown(unseen):
    alignment, html, md = unseen["long-paragraph"]
    (unit,) = alignment.right.units()
    assert len(unit.text) > 30_000
    tree = lxml.html.document_fromstring(html)
    (el,) = tree.xpath(f"//*[@id='R-{unit.id}']")
    assert _shown_text(el) == unit.text
    lines = md.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("- \\~ **reworded**"))
    clause = lines[at + 1]
    assert len(clause) < render_mod.MD_CLAUSE_MAX + 2 * render_mod.MD_RUN_MAX + 400
    assert "\\[\u2026\\]" in clause


def test_large_report_opens_with_unchanged_clauses_hidden(alignment):
    from compare.report.view import LARGE_REPORT_ROWS

    small = lxml.html.document_fromstring(render_html(alignment))
    assert small.xpath("//input[@id='only-changes']")[0].get("checked") is None
    big = synthetic_alignment(LARGE_REPORT_ROWS + 20)
    tree = lxml.html.document_fromstring(render_html(big))
    assert tree.xpath("//input[@id='only-changes']")[0].get("checked") is not None
    assert len(tree.xpath("//div[@class='sbs']//*[@data-left]")) == LARGE_REPORT_ROWS + 20


# --- Markdown for pull requests ---------------------------------------------------------------


def _table_cells(line: str) -> int:
    """Cells of a GitHub table row: pipes not escaped by a backslash."""
    return len(re.findall(r"(?<!\\)\|", line)) - 1


def test_markdown_tables_survive_pipes_and_newlines_in_metadata(alignment):
    from dataclasses import replace

    hostile = replace(
        alignment.left.meta, title="A | B\nC\r\nD\u2028E `x` **y**", source="s|t"
    )
    md = render_markdown(replace(alignment, left=replace(alignment.left, meta=hostile)))
    for block in re.findall(r"(?:^\|.*\n)+", md, flags=re.M):
        rows = block.splitlines()
        assert len({_table_cells(r) for r in rows}) == 1, rows
    assert "A \\| B C D E \\`x\\` \\*\\*y\\*\\*" in md


def test_markdown_lists_changed_clauses_in_document_order_by_kind_and_caps_them(monkeypatch):
    big = synthetic_alignment(400)
    view = build_view(big)
    changed = [r for r in view.rows if r.changed and not r.ghost]
    monkeypatch.setattr(render_mod, "MARKDOWN_MAX_CHANGES", 10)
    md = render_markdown(view)
    section = md.split("### Changed clauses")[1].split("### Entities")[0]
    listed = [line for line in section.splitlines() if line.startswith("- ")]
    assert len(listed) == 11  # ten clauses and the "... and N more" line
    assert f"- … and {len(changed) - 10} more: see the HTML report." in md
    sample = build_view(sample_alignment())
    md = render_markdown(sample)
    section = md.split("### Changed clauses")[1].split("### Entities")[0]
    rows = [r for r in sample.rows if r.changed and not r.ghost]
    assert f"({len(rows)})" in section.splitlines()[0]  # the verdict's count of changed pairs
    assert f"{sample.summary.changed_pairs} changed pairs" in md
    assert sample.summary.counts in md.replace("\\", "")
    headings = [line for line in section.splitlines() if line.startswith("#### ")]
    kinds = [k for k, _title in render_mod.MARKDOWN_SECTIONS]
    seen = [next(k for k, t in render_mod.MARKDOWN_SECTIONS if h[5:].startswith(t))
            for h in headings]
    assert seen == sorted(seen, key=kinds.index) and len(seen) == len(set(seen))
    for kind, _title in render_mod.MARKDOWN_SECTIONS:  # document order within each kind
        ids = [r.id for r in rows if r.relation == kind]
        units = [(r.right or r.left)[0].id for r in rows if r.relation == kind]
        positions = [section.index(f" {u}") for u in units]
        assert positions == sorted(positions), (kind, ids)


def test_markdown_commitments_show_phrases_bold_and_changed_words():
    md = render_markdown(sample_alignment())
    part = md.split("### Commitments changed")[1].split("### Changed clauses")[0]
    first = part.splitlines()[2]
    assert "**will**" in first and "**intend to**" in first and " -> " in first
    assert "-&gt;" not in md and "&lt;" not in md
    assert "<del>will</del>" in part and "<ins>intend to</ins>" in part


def test_markdown_fits_a_pull_request_comment_whatever_the_size():
    big = synthetic_alignment(3000)
    md = render_markdown(big)
    assert len(md) <= render_mod.MARKDOWN_MAX_CHARS
    assert "more: see the HTML report." in md


def test_bidi_and_invisible_characters_in_metadata_are_badges_too():
    """A title with a right-to-left override reached the <title>, the heading, the banner and
    the metadata table raw, reversing "→ Right" in the heading; every printed value now shows
    such characters as badges, as clause text does."""
    from compare.alignment.aligner import align
    from compare.bench.benchgen import Block, build_declaration

    left = build_declaration("l", [Block(["Peace."], [])], title="Evil \u202eeltit")
    right = build_declaration("r", [Block(["Peace!"], [])], title="Right\u200b\u2066x")
    alignment = align(left, right)
    html, md = render_html(alignment), render_markdown(alignment)
    for ch in "\u202e\u200b\u2066":
        assert ch not in html and ch not in md
    tree = lxml.html.document_fromstring(html)
    assert tree.xpath("//h1")[0].text_content() == (
        "Comparison: Evil \u27e8U+202E\u27e9eltit \u2192 "
        "Right\u27e8U+200B\u27e9\u27e8U+2066\u27e9x")
    assert "\u27e8U+202E\u27e9" in tree.xpath("//title")[0].text_content()
    assert json.loads(render_json(alignment))  # JSON keeps the data as it is


def test_markdown_lists_each_entity_on_its_own_line_and_caps_them():
    """Entity lines ran together into one (a block tag ate each line's newline), and 3,000
    newly named treaties made a 127,000-character page, past what a pull-request comment
    holds: entities are capped and counted like clauses and commitments."""
    import itertools
    import string

    from compare.alignment.aligner import align
    from compare.bench.benchgen import Block, build_declaration
    from compare.commitments import analyse

    alignment = analyse(align(build_declaration("l", [Block(["Afghanistan and the CIS."], [])]),
                              build_declaration("r", [Block(["India and the CSTO."], [])])))
    md = render_markdown(alignment)
    lines = md[md.index("### Entities"):].splitlines()
    assert [ln for ln in lines if ln.startswith("- ")] == [
        "- \u2212 no longer named: **Afghanistan** (state)",
        "- \u2212 no longer named: **CIS** (organisation)",
        "- \\+ newly named: **India** (state)",
        "- \\+ newly named: **CSTO** (organisation)",
    ]
    names = ["".join(p).capitalize() for p in itertools.product(string.ascii_lowercase, repeat=3)]
    treaties = " ".join(f"The Q{n} Treaty." for n in names[:3000])
    many = analyse(align(build_declaration("l", [Block(["Peace."], [])]),
                         build_declaration("r", [Block(["Peace."], []), Block([treaties], [])])))
    assert len(many.entities) == 3000
    md = render_markdown(many)
    assert len(md) <= render_mod.MARKDOWN_MAX_CHARS
    shown = [ln for ln in md.splitlines() if ln.startswith("- \\+ newly named")]
    assert len(shown) == render_mod.MARKDOWN_MAX_ENTITIES
    assert f"\u2026 and {3000 - len(shown)} more" in md


# --- small changes visible, citations (issue 13, items 3 and 4) -----------------------------


def test_a_deletion_and_its_replacement_are_spaced_in_the_redline(alignment, tree):
    (entry,) = tree.xpath("//p[@id='X-R-para_2']")
    text = " ".join(entry.xpath("string(.//span[@class='text'])").split())
    assert "will intend to" in text and "willintend" not in text
    assert render_mod.needs_gap(Segment(-1, "will"), Segment(1, "intend to"))
    assert not render_mod.needs_gap(Segment(-1, "will "), Segment(1, "intend"))
    assert not render_mod.needs_gap(Segment(-1, "\u4e2d"), Segment(1, "\u56fd"))  # no space in CJK
    assert not render_mod.needs_gap(Segment(0, "a"), Segment(1, "b"))


def test_a_lone_punctuation_change_is_boxed():
    from compare.alignment.aligner import align
    from compare.bench.benchgen import Block, build_declaration

    al = align(build_declaration("l", [Block(["We agree on peace and trade."], [])]),
               build_declaration("r", [Block(["We agree on peace, and trade."], [])]))
    tree = lxml.html.document_fromstring(render_html(al))
    lone = tree.xpath("//ins[@class='lone']")
    assert lone and {m.text_content().strip() for m in lone} == {","}
    assert render_mod.is_lone_mark(";") and not render_mod.is_lone_mark("and,")
    assert not render_mod.is_lone_mark(" ")


def test_similarity_is_a_percentage_on_changed_rows_only(alignment):
    view = build_view(alignment)
    for r in view.rows:
        if not r.changed or not r.left or not r.right:
            assert r.percent == "", r
        else:
            assert re.fullmatch(r"\d{1,3} %", r.percent), r
    assert any(r.percent for r in view.rows)
    html = render_html(alignment)
    assert "similarity 0." not in html


def test_citations_are_printed_numbers_or_counted_positions():
    from compare.alignment.table import citations
    from compare.model import Sentence, Unit

    def unit(i, kind, number, parent=None):
        return Unit(i, kind, number, (Sentence(i + "__s_1", "x."),), parent)

    units = (unit("p1", "paragraph", None), unit("p2", "paragraph", "7."),
             unit("p2i1", "item", "(a)", "p2"), unit("p2i2", "item", "-", "p2"),
             unit("p3", "paragraph", "\u2022"))
    assert citations(units) == {"p1": "\u00b61", "p2": "\u00b67", "p2i1": "\u00b67(a)",
                                "p2i2": "\u00b67(2)", "p3": "\u00b63"}


def test_citations_beside_ids_in_every_format(alignment):
    from compare.alignment.table import format_table, parse_table
    from compare.report.serialize import alignment_to_json

    html, md = render_html(alignment), render_markdown(alignment)
    tree = lxml.html.document_fromstring(html)
    for el in tree.xpath("//div[@class='unit']"):
        assert el.xpath("string(.//a[@class='permalink'])").startswith("\u00b6")
    for tbody in tree.xpath("//table[@class='commitments']/tbody"):
        for link in tbody.xpath(".//a[@class='cite']"):
            assert re.match(r"\u00b6\d+(\(\w+\))? para_", link.text_content())
    assert re.search(r"left \u00b6\d+ para_\d+ -> right \u00b6\d+ para_\d+", md)
    doc = json.loads(render_json(alignment))
    assert all(u["cite"].startswith("\u00b6") for r in doc["rows"] for u in r["left"])
    assert all(c["left_cite"] or c["right_cite"] for c in doc["commitments"])
    pairs = alignment_to_json(alignment)["pairs"]
    assert all(len(p["cite"]["left"]) == len(p["left"]) for p in pairs)
    table = format_table(alignment)
    assert "\u00b6" in table
    assert [(r.left, r.right) for r in parse_table(table)] == [
        (p.left, p.right) for p in alignment.pairs]


def test_markdown_mentions_and_links_in_clause_text_are_never_live():
    """Issue 14: "@mentions" and bare URLs in clause text stayed live in a PR comment, and a
    changed run starting "1." printed as "\\1.". Now each is a code span (shown as written, no
    invisible character), and nothing but ASCII punctuation is ever backslashed."""
    from compare.alignment.aligner import align
    from compare.bench.benchgen import Block, build_declaration
    from compare.commitments import analyse

    left = build_declaration("l", [Block(["The parties will meet in the spring."], []),
                                   Block(["Peace and trade are agreed."], [])])
    right = build_declaration("r", [
        Block(["The parties will meet @alice and @org/team at https://evil.example/x?a=1 "
               "and www.evil.example, mail ops@evil.example, see #12, GH-7 "
               "and commit 3f2a9c1e, not 1500000 or acceded."], []),
        Block(["Peace and trade are agreed. 1. Nothing else."], [])])
    md = render_markdown(analyse(align(left, right)))
    body = re.sub(r"`[^`\n]+`", "", md)  # what is left outside code spans
    for live in ("@alice", "@org", "https://", "www.", "ops@", "#12", "GH-7", "3f2a9c1e"):
        assert live in md and live not in body, live
    for span in ("`@alice`", "`@org/team`", "`https://evil.example/x?a=1`", "`www.evil.example`",
                 "`ops@evil.example`", "`#12`", "`GH-7`", "`3f2a9c1e`"):
        assert span in md, span
    assert not re.search(r"\\[0-9A-Za-z]", md)  # a backslash only ever before punctuation
    assert "1. Nothing else" in md
    assert "1500000" in body and "acceded" in body  # a number and a word stay plain text
    assert not re.search("[\u200b-\u200d\u2060\ufeff]", md)
