"""The HTML report in a real browser: headless Chromium (Debian package) through Playwright.

One browser per module. Checks: no console message (CSP violations included) and no request but
the file itself; the CSS-only filters and the clause anchors work; the page reads with JavaScript
disabled and with its stylesheet removed; screenshots (light, dark) saved under tests/artifacts/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


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
        same = page.locator("table.sbs tr.same").first
        changed = page.locator("table.sbs tr.changed").first
        without = page.locator("table.sbs tbody tr:not(.has-commitment)").first
        assert same.is_visible() and changed.is_visible()
        page.get_by_label("changes only").check()
        assert not same.is_visible() and changed.is_visible()
        assert not page.locator("#X-R-para_1").is_visible()  # the redline follows the filter
        page.get_by_label("changes only").uncheck()
        assert same.is_visible()
        page.get_by_label("commitments only").check()
        assert not without.is_visible()
        assert page.locator("table.sbs tr.has-commitment").first.is_visible()
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
        text = page.locator("table.sbs").inner_text()
        assert "[moved]" in text and "[split]" in text and "similarity 0.7143" in text
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
        assert not page.locator("table.sbs tr.same").first.is_visible()
        assert page.locator("table.sbs tr.changed").first.is_visible()
        page.get_by_label("changes only").uncheck()
        assert page.locator("table.sbs tr.same").first.is_visible()
    finally:
        ctx.close()
