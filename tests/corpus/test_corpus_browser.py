"""The corpus site in a real browser: headless Chromium (Debian package) through Playwright.

Checks on the index, the timeline and a track page: no console message (CSP violations
included) and no request but the page itself; the SVG charts are drawn; a timeline cell's link
opens that pair's report; screenshots saved under tests/artifacts/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from compare.corpus.site import build_site

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium (Debian chromium) missing"),
]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("site")
    shutil.copytree(ROOT / "declarations", base / "c",
                    ignore=shutil.ignore_patterns("sources", "README.md"))
    build_site(base / "c", base / "out")
    return base / "out"


@pytest.mark.parametrize("page_name", ["index.html", "timeline.html", "track/afghanistan.html"])
def test_page_loads_nothing_and_logs_nothing(browser, site: Path, page_name: str) -> None:
    url = (site / page_name).as_uri()
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    console: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(url)
        page.wait_for_load_state("load")
        assert console == [] and requests == [url]
        if page_name != "index.html":
            box = page.locator("svg polyline.line").first.bounding_box()
            assert box is not None and box["width"] > 0
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"corpus-{page_name.replace('/', '-')}.png"),
                        full_page=True)
    finally:
        ctx.close()


def test_a_timeline_cell_opens_its_pair_report(browser, site: Path) -> None:
    ctx = browser.new_context()
    page = ctx.new_page()
    try:
        page.goto((site / "timeline.html").as_uri())
        page.locator("td.revived a").first.click()
        page.wait_for_load_state("load")
        assert "/compare/" in page.url and page.url.endswith(".html")
        assert page.locator("h1").first.inner_text().startswith("Comparison")
    finally:
        ctx.close()


def test_timeline_filters_work_without_script(browser, site: Path) -> None:
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    try:
        page.goto((site / "timeline.html").as_uri())
        rows = page.locator("tr.lineage")
        total = rows.count()
        visible = lambda: sum(rows.nth(k).is_visible() for k in range(total))  # noqa: E731
        assert visible() == total
        page.check("#only-changed")
        changed = page.locator("tr.lineage.changed").count()
        assert 0 < visible() == changed < total
        page.uncheck("#only-changed")
        page.check("#only-commitments")
        assert 0 < visible() == page.locator("tr.lineage.commitment").count() < total
    finally:
        ctx.close()
