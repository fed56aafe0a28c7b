"""What a reader sees: a real headless Chromium on the served archive (public mode).

Uses Debian's chromium (Playwright cannot download its own browser here);
every request to anything but the local server is blocked and recorded, so
a page that reaches for a CDN fails. Screenshots go to tests/screenshots/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.store import writer as store
from archive.store.migrations import open_db
from archive.store.search import fold
from benchmarks.generate_archive import generate
from tests.conftest import make_article
from tests.test_datasette import EVIL_TEXT, EVIL_TITLE
from tests.test_serve import running_server

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parent / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="no /usr/bin/chromium: install Debian's chromium package (.ci/run does)",
    ),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("browser") / "archive.db"
    generate(path, 400, seed=5)
    db = open_db(str(path))
    db.table("sites").insert({"id": "evil", "name": "Trường <b>X</b>", "province": "Hà Nội"})
    article = make_article("http://evil/1", title=EVIL_TITLE, text=EVIL_TEXT, date="2026-06-30")
    store.save_article(db, "evil", "http://evil/1", article, fetched="t", crawl_id=1)
    db.close()
    with running_server(path, public=True) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A page that may only talk to the local server; fails on dialogs and script errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    outside, dialogs, errors = [], [], []

    def route(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(10_000)
    yield page
    context.close()
    assert outside == [], "requests outside the local server"
    assert dialogs == [], "a script ran (alert)"
    assert errors == [], "JavaScript errors"


def shot(page, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def test_search_without_diacritics_then_open_an_article(page, server):
    page.goto(server + "/")
    page.fill("#home-q", "dang uy")
    page.click("form.archive-search button")
    page.wait_for_url(re.compile(r"/archive/search\?q=dang\+uy"))
    marks = page.locator("td.col-snippet mark")
    assert marks.count() > 0
    assert {fold(m) for m in marks.all_inner_texts()} == {"dang", "uy"}
    total = page.locator("p.search-total")  # the 50 best of how many, and the way to the rest
    assert re.search(r"Results 1–50 of [\d,]+ matching articles", total.inner_text())
    assert total.get_by_role("link", name=re.compile("articles table")).count() == 1
    shot(page, "1-search-dang-uy", full_page=False)
    title = page.locator("td.col-title a").first
    expected = title.inner_text()
    title.click()
    page.wait_for_url(re.compile(r"/archive/articles/\d+$"))
    assert page.locator("article h1").inner_text() == expected
    assert page.locator(".article-text p").count() >= 3
    assert page.locator("dl.article-meta time").count() == 1
    assert page.get_by_role("link", name=re.compile("Bài gốc")).count() == 1
    shot(page, "2-article")


def test_table_search_box_and_a_facet(page, server):
    page.goto(server + "/archive/articles")
    page.fill("input[name=_search]", "hoi nghi so ket")
    page.locator("input[name=_search]").press("Enter")
    page.wait_for_url(re.compile(r"_search=hoi\+nghi\+so\+ket"))
    searched = int(
        re.search(r"([\d,]+) rows?", page.locator("h3").first.inner_text())[1].replace(",", "")
    )
    assert searched > 0
    facet = page.locator(".facet-info[data-column=province] li a").first
    province = facet.inner_text()
    facet.click()
    page.wait_for_url(re.compile(r"province="))
    faceted = page.locator("h3").first.inner_text()
    assert f'search matches "hoi nghi so ket" and province = "{province}"' in faceted
    assert int(re.search(r"([\d,]+) rows?", faceted)[1].replace(",", "")) <= searched
    shot(page, "3-facet-province", full_page=False)
    page.get_by_role("link", name=re.compile("All columns as a table")).click()  # the grid
    page.wait_for_url(re.compile(r"_nocol=text"))
    assert page.locator("td.col-province").first.inner_text() == province
    assert page.locator("td.col-text").count() == 0


def test_dashboard_draws_the_charts(page, server):
    page.goto(server + "/dashboard")
    for chart in ("#chart-months", "#chart-provinces", "#chart-sites"):
        page.wait_for_selector(f"{chart} svg .mark-rect path, {chart} svg .mark-rect")
    bars = page.locator("#chart-months svg .mark-rect path")
    all_bars = bars.count()
    assert all_bars > 50
    page.select_option("#filter-site", "evil")
    page.wait_for_function(
        "document.querySelectorAll('#chart-months svg .mark-rect path').length === 1"
    )
    page.select_option("#filter-site", "")
    page.wait_for_function(
        f"document.querySelectorAll('#chart-months svg .mark-rect path').length === {all_bars}"
    )
    shot(page, "4-dashboard")


def test_malicious_article_shows_as_text(page, server):
    page.goto(server + "/archive/articles?_search=hoa+binh")
    page.locator("h3.article-title a").first.click()
    assert page.locator("article h1").inner_text() == EVIL_TITLE
    assert "<img src=x onerror=alert(1)>" in page.locator(".article-text").inner_text()
    assert page.locator("article img, article script").count() == 0
    shot(page, "5-malicious-article-inert")


#: Words of facet values that the browser broke across two lines ("Đồng Thá/p").
BROKEN_WORDS = """() => {
  const broken = [];
  for (const li of document.querySelectorAll('.facet-info li')) {
    const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  return broken;
}"""


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_a_table_search_shows_the_first_result_on_the_first_screen(page, server, width, height):
    """The articles table as a reader's list: typed without diacritics, the search shows the
    first result's title within the first screen, above (narrow) or beside (wide) the
    facets, whose values wrap between words."""
    page.set_viewport_size({"width": width, "height": height})
    page.goto(server + "/archive/articles")
    page.fill("input[name=_search]", "dang uy")
    page.locator("input[name=_search]").press("Enter")
    page.wait_for_url(re.compile(r"_search=dang\+uy"))
    title = page.locator("ol.article-list h3.article-title a").first
    box = title.bounding_box()
    assert box is not None and box["height"] > 0
    assert box["y"] + box["height"] <= height, f"first title at {box['y']:.0f} px"
    item = page.locator("ol.article-list li.article-item").first
    assert item.locator("mark").count() > 0  # the search snippet
    assert item.bounding_box()["height"] < 320  # a short item, not the whole text
    facets = page.locator(".facet-results").bounding_box()
    if width < 900:
        assert facets["y"] > box["y"] + box["height"]  # results above the facets
    else:
        assert facets["x"] >= box["x"] + box["width"]  # beside them
    assert page.locator(".facet-info li").count() > 20
    assert page.evaluate(BROKEN_WORDS) == []
    shot(page, f"6-table-search-{width}px", full_page=False)
    title.click()
    page.wait_for_url(re.compile(r"/archive/articles/\d+$"))
    assert page.locator("article h1").count() == 1
