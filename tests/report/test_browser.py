"""The HTML report in a real browser: headless Chromium (Debian package) through Playwright.

One browser per module. Checks: no console message (CSP violations included) and no request but
the file itself; the CSS-only filters and the clause anchors work; the page reads with JavaScript
disabled and with its stylesheet removed; screenshots (light, dark) saved under tests/artifacts/.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest
from report_samples import sample_alignment

from compare.report.facade import render_html

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "reports" / "2007-bishkek-draft--2007-bishkek.html"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium (Debian chromium) missing"),
]


@pytest.fixture(scope="module")
def report_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("report") / "sample.html"
    path.write_text(render_html(sample_alignment()), encoding="utf-8")
    return path.as_uri()


def _open(browser, url: str, **context):
    """A page with every console message, page error and request recorded."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, **context)
    page = ctx.new_page()
    seen: dict[str, list[str]] = {"console": [], "requests": []}
    page.on("console", lambda m: seen["console"].append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: seen["console"].append(f"pageerror: {e}"))
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.goto(url)
    page.wait_for_load_state("load")
    return ctx, page, seen


def _urls(paths: list[Path]) -> list[str]:
    return [p.as_uri() for p in paths if p.exists()]


def test_no_console_message_and_no_request(browser, report_url):
    for url in [report_url, *_urls([EXAMPLE])]:
        ctx, page, seen = _open(browser, url)
        try:
            assert seen["console"] == [], seen["console"]
            assert seen["requests"] == [url]
            assert page.locator("ins").count() > 0
        finally:
            ctx.close()


def test_filters_hide_and_show_rows(browser, report_url):
    ctx, page, _seen = _open(browser, report_url)
    try:
        same = page.locator(".sbs .row.same").first
        changed = page.locator(".sbs .row.changed").first
        without = page.locator(".sbs .row:not(.has-commitment):not(.head)").first
        assert not same.is_visible() and changed.is_visible()  # unchanged runs start folded
        page.get_by_label("everything").check()
        assert same.is_visible() and changed.is_visible()
        page.get_by_label("changes only").check()
        assert not same.is_visible() and changed.is_visible()
        assert not page.locator("#X-R-para_1").is_visible()  # the redline follows the filter
        page.get_by_label("changes only").uncheck()
        assert same.is_visible()
        page.get_by_label("commitments only").check()
        assert not without.is_visible()
        assert page.locator(".sbs .row.has-commitment").first.is_visible()
    finally:
        ctx.close()


def test_anchor_targets_and_scrolls_to_the_clause(browser, report_url):
    ctx, page, seen = _open(browser, report_url + "#R-para_7")
    try:
        target = page.locator(":target")
        assert target.get_attribute("id") == "R-para_7"
        box = target.bounding_box()
        assert box is not None and 0 <= box["y"] < 900
        page.locator("#row-1").scroll_into_view_if_needed()
        page.locator("a.moved-link").first.click()  # the old place links to the new one
        assert page.locator(":target").get_attribute("id") == "R-para_7"
        assert seen["console"] == []
    finally:
        ctx.close()


def test_readable_with_javascript_disabled_and_screenshots(browser, report_url):
    ARTIFACTS.mkdir(exist_ok=True)
    for scheme in ("light", "dark"):
        ctx, page, seen = _open(
            browser, report_url, java_script_enabled=False, color_scheme=scheme
        )
        try:
            assert seen["console"] == []
            assert page.locator("p.banner").is_visible()
            assert page.locator("#R-para_2 ins").first.is_visible()
            assert re.search(r"softened\s*1", page.locator("#summary").inner_text())
            assert page.locator("#only-changes").is_visible()  # filters need CSS, not script
            page.screenshot(path=str(ARTIFACTS / f"report-{scheme}.png"), full_page=True)
        finally:
            ctx.close()


def test_readable_with_the_stylesheet_removed(browser, tmp_path):
    tree = lxml.html.document_fromstring(render_html(sample_alignment()))
    for style in tree.xpath("//style"):
        style.drop_tree()
    path = tmp_path / "bare.html"
    path.write_bytes(lxml.html.tostring(tree, doctype="<!DOCTYPE html>", encoding="utf-8"))
    ctx, page, seen = _open(browser, path.as_uri())
    try:
        assert seen["console"] == [] and seen["requests"] == [path.as_uri()]
        deco = page.locator("#R-para_2 ins").first.evaluate(
            "e => getComputedStyle(e).textDecorationLine"
        )
        assert deco == "underline"
        deco = page.locator("#L-para_2 del").first.evaluate(
            "e => getComputedStyle(e).textDecorationLine"
        )
        assert deco == "line-through"
        assert not page.locator("fieldset.filters").is_visible()  # useless without CSS: hidden
        text = page.locator("div.sbs").inner_text()
        assert "[moved]" in text and "[split]" in text and "71 % similar" in text
        page.screenshot(path=str(ARTIFACTS / "report-unstyled.png"), full_page=True)
    finally:
        ctx.close()


def test_print_stylesheet_hides_controls_and_keeps_markers(browser, report_url):
    ctx, page, seen = _open(browser, report_url)
    try:
        page.emulate_media(media="print")
        assert not page.locator("fieldset.filters").is_visible()
        assert not page.locator("nav.toc").is_visible()
        deco = page.locator("#R-para_2 ins").first.evaluate(
            "e => getComputedStyle(e).textDecorationLine"
        )
        assert deco == "underline"
        assert page.locator("p.banner").is_visible()
        assert seen["console"] == []
    finally:
        ctx.close()


@pytest.mark.parametrize("name", ["chinese", "identical", "rtl"])
def test_unseen_inputs_in_the_browser_and_screenshots(browser, tmp_path, name):
    from report_samples import pipeline, unseen_cases

    left, right = unseen_cases()[name]
    alignment = pipeline(left, right)
    path = tmp_path / f"{name}.html"
    path.write_text(render_html(alignment), encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    ctx, page, seen = _open(browser, path.as_uri())
    try:
        assert seen["console"] == [] and seen["requests"] == [path.as_uri()]
        verdict = page.locator("header p.verdict")
        assert verdict.is_visible()
        box = verdict.bounding_box()
        assert box is not None and box["y"] < 200  # the answer is the first thing read
        expected = "No differences" if name == "identical" else "The texts differ"
        assert verdict.inner_text().startswith(expected)
        page.get_by_label("everything").check()  # unfold the unchanged runs
        for unit in right.units():
            assert page.locator(f"#R-{unit.id}").is_visible()
        page.screenshot(path=str(ARTIFACTS / f"report-{name}.png"), full_page=True)
    finally:
        ctx.close()


def test_large_report_opens_with_unchanged_rows_hidden(browser, tmp_path):
    from report_samples import synthetic_alignment

    from compare.report.view import LARGE_REPORT_ROWS

    path = tmp_path / "large.html"
    path.write_text(render_html(synthetic_alignment(LARGE_REPORT_ROWS + 20)), encoding="utf-8")
    ctx, page, seen = _open(browser, path.as_uri())
    try:
        assert seen["console"] == []
        assert page.locator("#only-changes").is_checked()
        assert not page.locator(".sbs .row.same").first.is_visible()
        assert page.locator(".sbs .row.changed").first.is_visible()
        page.get_by_label("changes only").uncheck()
        page.get_by_label("everything").check()
        assert page.locator(".sbs .row.same").first.is_visible()
    finally:
        ctx.close()


# --- answer first, navigation, folds, layouts, print (issue 13) -----------------------------

FIRST_SCREEN = {"width": 1366, "height": 768}


def _view(browser, url: str, viewport: dict[str, int], **context):
    ctx = browser.new_context(viewport=viewport, **context)
    page = ctx.new_page()
    seen: list[str] = []
    page.on("console", lambda m: seen.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: seen.append(f"pageerror: {e}"))
    page.goto(url)
    page.wait_for_load_state("load")
    return ctx, page, seen


def _changed_rows(page) -> list[str]:
    return page.evaluate("[...document.querySelectorAll('.sbs .row.changed')].map(e => e.id)")


def test_the_first_screen_shows_the_verdict_and_the_commitment_changes(browser, report_url):
    ARTIFACTS.mkdir(exist_ok=True)
    for url, shot in ((report_url, "first-screen-sample-1366x768.png"),
                      *((u, "first-screen-example-1366x768.png") for u in _urls([EXAMPLE]))):
        ctx, page, seen = _view(browser, url, FIRST_SCREEN, java_script_enabled=False)
        try:
            assert seen == []
            for selector in ("header p.verdict", "p.banner", "p.counts-line",
                             "#commitments tbody >> nth=0"):
                box = page.locator(selector).first.bounding_box()
                assert box is not None and box["y"] < FIRST_SCREEN["height"], selector
            first = page.locator("#commitments tbody").first
            box = first.bounding_box()
            assert box is not None and box["y"] + box["height"] <= FIRST_SCREEN["height"]
            text = first.inner_text()
            assert "\u2192" in text and "force" in text and "\u00b6" in text  # phrase, force, cite
            assert first.locator("a.cite").count() >= 1
            assert not page.locator("table.meta").is_visible()  # metadata folded
            page.screenshot(path=str(ARTIFACTS / shot))
        finally:
            ctx.close()


def test_next_and_previous_links_reach_every_change_in_order(browser, report_url):
    for url in [report_url, *_urls([EXAMPLE])]:
        ctx, page, _seen = _view(browser, url, FIRST_SCREEN, java_script_enabled=False)
        try:
            changed = _changed_rows(page)
            assert len(changed) >= 3
            index = page.evaluate("[...document.querySelectorAll('#changes a')]"
                                  ".map(a => a.getAttribute('href').slice(1))")
            ghosts = page.evaluate("[...document.querySelectorAll('.sbs .row.ghost')]"
                                   ".map(e => e.id)")
            assert index == [r for r in changed if r not in ghosts]
            page.locator("#changes a").first.click()
            reached = [page.evaluate("location.hash.slice(1)")]
            while page.locator(f"#{reached[-1]} a[rel=next]").count():
                page.locator(f"#{reached[-1]} a[rel=next]").click()
                reached.append(page.evaluate("location.hash.slice(1)"))
                box = page.locator(f"#{reached[-1]}").bounding_box()
                assert box is not None and -1 <= box["y"] < FIRST_SCREEN["height"]
            assert reached == changed
            back = [reached[-1]]
            while page.locator(f"#{back[-1]} a[rel=prev]").count():
                page.locator(f"#{back[-1]} a[rel=prev]").click()
                back.append(page.evaluate("location.hash.slice(1)"))
            assert back == changed[::-1]
        finally:
            ctx.close()


def test_unchanged_runs_are_folded_and_expand(browser, report_url):
    ctx, page, _seen = _view(browser, report_url, FIRST_SCREEN, java_script_enabled=False)
    try:
        folds = page.locator("details.fold")
        assert folds.count() >= 1
        for i in range(folds.count()):
            fold = folds.nth(i)
            rows = fold.locator(".row")
            n = rows.count()
            label = fold.locator("summary").inner_text()
            assert label == f"{n} unchanged {'clause' if n == 1 else 'clauses'}"
            assert not rows.first.is_visible()
            fold.locator("summary").click()
            assert all(rows.nth(k).is_visible() for k in range(n))
        page.reload()
        page.get_by_label("everything").check()  # the whole text, unfolded, by CSS alone
        same = page.locator(".sbs .row.same")
        assert same.count() >= 1 and all(same.nth(k).is_visible() for k in range(same.count()))
        assert not page.locator("details.fold summary").first.is_visible()
    finally:
        ctx.close()
    # a link into a folded run (an entity, a permalink) opens the fold it points into
    folded = page_id = None
    ctx, page, _seen = _view(browser, report_url, FIRST_SCREEN, java_script_enabled=False)
    try:
        folded = page.locator("details.fold .unit").first.get_attribute("id")
        assert folded and not page.locator(f"#{folded}").is_visible()
    finally:
        ctx.close()
    ctx, page, _seen = _view(browser, f"{report_url}#{folded}", FIRST_SCREEN,
                             java_script_enabled=False)
    try:
        page_id = page.locator(":target").get_attribute("id")
        assert page_id == folded and page.locator(f"#{folded}").is_visible()
    finally:
        ctx.close()


_OVERLAPS = """() => {
  const boxed = e => { const s = getComputedStyle(e); const r = e.getBoundingClientRect();
    return s.display !== 'inline' && s.display !== 'contents' && s.visibility !== 'hidden'
      && r.width > 0 && r.height > 0 && s.position !== 'sticky' ? r : null; };
  const out = [];
  for (const parent of document.querySelectorAll('body *')) {
    const kids = [...parent.children].map(e => [e, boxed(e)]).filter(k => k[1]);
    for (let i = 0; i < kids.length; i++) for (let j = i + 1; j < kids.length; j++) {
      const a = kids[i][1], b = kids[j][1];
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 1 && y > 1) out.push(`${kids[i][0].tagName}.${kids[i][0].className} / ` +
                                   `${kids[j][0].tagName}.${kids[j][0].className}`);
    }
  }
  const wide = [...document.querySelectorAll('body *')].filter(e => {
    const r = e.getBoundingClientRect(); return r.width > 0 && r.right > innerWidth + 1; });
  return {overlaps: out, wide: wide.map(e => e.tagName + '.' + e.className).slice(0, 10),
          scroll: document.documentElement.scrollWidth, width: innerWidth};
}"""


@pytest.mark.parametrize("width", [800, 390])
def test_narrow_layouts_overlap_nothing_and_never_scroll_sideways(browser, report_url, width):
    ARTIFACTS.mkdir(exist_ok=True)
    for url, name in ((report_url, "sample"), *((u, "example") for u in _urls([EXAMPLE]))):
        ctx, page, seen = _view(browser, url, {"width": width, "height": 900},
                                java_script_enabled=False)
        try:
            for unfold in (False, True):
                if unfold:
                    page.get_by_label("everything").check()
                    page.locator("details.documents summary").click()
                found = page.evaluate(_OVERLAPS)
                assert found["overlaps"] == [], (width, unfold, found["overlaps"][:5])
                assert found["scroll"] <= found["width"], (width, found["wide"])
                assert found["wide"] == [], (width, found["wide"])
            for row in page.locator(".sbs .row:not(.head)").all():  # no text under the relation
                head = row.locator(".rh").bounding_box()
                for cell in row.locator(".cell").all():
                    box = cell.bounding_box()
                    assert head and box and box["y"] >= head["y"] + head["height"] - 1
            assert seen == []
            page.screenshot(path=str(ARTIFACTS / f"report-{name}-{width}px.png"), full_page=True)
        finally:
            ctx.close()


def test_print_to_pdf_is_a_clean_document_with_every_change(tmp_path, report_url):
    import shutil
    import subprocess

    if shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        pytest.skip("pdftoppm/pdftotext (Debian poppler-utils) missing")
    ARTIFACTS.mkdir(exist_ok=True)
    for url, name in ((report_url, "sample"), *((u, "example") for u in _urls([EXAMPLE]))):
        pdf = tmp_path / f"{name}.pdf"
        subprocess.run([str(CHROMIUM), "--headless", *ARGS, "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", url], check=True, capture_output=True,
                       timeout=120)
        assert pdf.read_bytes().startswith(b"%PDF")
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                              capture_output=True, text=True).stdout
        html = lxml.html.parse(url.removeprefix("file://")).getroot()
        flat = " ".join(text.split())
        assert html.xpath("string(//p[contains(@class,'verdict')])").strip() in flat
        changed = "//div[contains(concat(' ', @class, ' '), ' row ') and contains(concat(' ', "
        for row in html.xpath(changed + "@class, ' '), ' changed ')]"):
            ids = row.xpath(".//div[@class='unit']/@id")
            for unit in ids:  # every changed clause is printed with its citation and id
                assert unit[2:] in flat, (name, row.get("id"), unit)
            for mark in row.xpath(".//ins | .//del"):
                words = " ".join(mark.text_content().split())
                if len(words) > 3:
                    assert words[:40] in flat or words[:20] in flat, (name, words)
            if not ids:
                assert row.xpath("string(.//a[@class='moved-link'])").split()[1] in flat
        assert "previous change" not in flat and "Filters" not in flat  # controls not printed
        prefix = ARTIFACTS / f"report-{name}-print"
        for old in ARTIFACTS.glob(f"report-{name}-print-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(prefix)], check=True,
                       timeout=120)
        assert list(ARTIFACTS.glob(f"report-{name}-print-*.png"))
