"""Issue 23 in Datasette: a site that found nothing stands out in site health, and image
captions are kept, searched and shown apart from the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive.serve import make_datasette
from archive.store import writer as store
from archive.store.migrations import open_db
from tests.conftest import make_article

T = "2026-11-20T10:00:00Z"
CAPTION = "Quang cảnh lễ bế giảng lớp Trung cấp khóa Ê Đê"


@pytest.fixture
def ds(tmp_path: Path):
    db = open_db(str(tmp_path / "archive.db"))
    db.table("sites").insert_all([{"id": s, "name": s, "province": "Huế"} for s in ("ok", "quiet")])
    with db.conn:
        db.execute("insert into crawls(id, started, status) values (1, ?, 'finished')", [T])
        db.execute("insert into crawl_sites(crawl_id, site_id, status) values (1, 'ok', 'ok')")
        db.execute(
            "insert into crawl_sites(crawl_id, site_id, status, message) values "
            "(1, 'quiet', 'no-articles', 'no article found: the 17 pages fetched were all listings or other pages')"
        )
    article = make_article("http://ok/1")
    article.captions = [CAPTION]
    article.extraction = {"title": "generic", "date": "generic", "body": "generic"}
    article.flags = ["no-author"]
    store.save_article(db, "ok", "http://ok/1", article, fetched=T, crawl_id=1)
    ruled = make_article("http://ok/2", text="Lớp bồi dưỡng kiến thức. " * 30, title="Bồi dưỡng")
    ruled.extraction = {"title": "cms:nukeviet", "body": "cms:nukeviet"}
    store.save_article(db, "ok", "http://ok/2", ruled, fetched=T, crawl_id=1)
    db.close()
    return make_datasette(tmp_path / "archive.db")


async def test_site_health_puts_a_site_that_found_nothing_first_in_red(ds):
    response = await ds.client.get("/archive/site_health_report.json?_shape=array")
    rows = response.json()
    assert [r["site_id"] for r in rows] == ["quiet", "ok"]
    ok = rows[1]
    assert ok["last_status"] == "ok" and ok["pct_generic"] == 50.0 and ok["pct_flagged"] == 50.0
    html = (await ds.client.get("/archive/site_health_report")).text
    assert '<span class="status-alert">no-articles</span>' in html
    assert html.count("status-alert") == 1
    css = (await ds.client.get("/assets/archive.css")).text
    assert "tr:has(.status-alert)" in css


async def test_captions_are_searched_without_diacritics_and_shown_apart(ds):
    found = await ds.client.get("/archive/articles.json?_search=le+be+giang+khoa+e+de&_shape=array")
    assert [r["url"] for r in found.json()] == ["http://ok/1"]
    page = (await ds.client.get("/archive/articles/1")).text
    assert "Chú thích ảnh" in page and CAPTION in page
    text_part = page.split('class="article-text"')[1].split("</div>")[0]
    assert CAPTION not in text_part


async def test_extraction_paths_and_flags_are_stored(ds):
    rows = (await ds.client.get("/archive/articles.json?_shape=array&_sort=id")).json()
    assert rows[0]["generic"] == 1 and rows[0]["flags"] == "no-author"
    assert '"body": "generic"' in rows[0]["extraction"]
    assert rows[1]["generic"] == 0 and rows[1]["flags"] is None
