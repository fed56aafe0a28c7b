"""Datasette over a stored archive, in-process through datasette.client."""

import pytest

from archive import store
from archive.serve import make_datasette
from tests.conftest import PARAGRAPHS, make_article

T = "2026-01-01T00:00:00Z"


@pytest.fixture
def ds(db, tmp_path):
    store.save_article(db, "s1", "http://a/1", make_article("http://a/1"), fetched=T, crawl_id=1)
    other = (
        "Lễ khai giảng lớp bồi dưỡng kiến thức quốc phòng và an ninh cho cán bộ cơ sở diễn ra sáng nay. "
        * 5
    )
    store.save_article(
        db,
        "s2",
        "http://b/2",
        make_article("http://b/2", text=other, title="Khai giảng lớp bồi dưỡng", date="2023-03-02"),
        fetched=T,
        crawl_id=1,
    )
    return make_datasette(tmp_path / "archive.db")


async def search_titles(ds, query: str) -> list[str]:
    response = await ds.client.get(
        "/archive/articles.json", params={"_search": query, "_shape": "array"}
    )
    assert response.status_code == 200, response.text
    return [row["title"] for row in response.json()]


@pytest.mark.parametrize("query", ["dang uy", "Đảng ủy", "Đảng uỷ", "DANG UY", '"dang uy"'])
async def test_table_search_with_or_without_diacritics(ds, query):
    assert await search_titles(ds, query) == ["Đảng bộ Trường Chính trị tổ chức Hội nghị sơ kết"]


async def test_phrase_search_needs_the_words_together(ds):
    assert await search_titles(ds, '"khai giang"') == ["Khai giảng lớp bồi dưỡng"]
    assert await search_titles(ds, '"giang khai"') == []


async def test_canned_search_ranks_and_highlights(ds):
    response = await ds.client.get(
        "/archive/search.json", params={"q": "quoc phong", "_shape": "array"}
    )
    rows = response.json()
    assert [r["title"] for r in rows] == ["Khai giảng lớp bồi dưỡng"]
    assert "<mark>quốc</mark> <mark>phòng</mark>" in rows[0]["snippet"]


async def test_canned_queries_and_metadata(ds):
    latest = (await ds.client.get("/archive/latest.json?_shape=array")).json()
    assert [r["published"] for r in latest] == ["2023-03-02", "2022-07-01"]
    years = (await ds.client.get("/archive/per_site_year.json?_shape=array")).json()
    assert {(r["site_id"], r["year"], r["articles"]) for r in years} == {
        ("s1", "2022", 1),
        ("s2", "2023", 1),
    }
    page = await ds.client.get("/archive/articles")
    assert page.status_code == 200 and "site_id" in page.text
    row = (await ds.client.get("/archive/articles/1.json?_shape=array")).json()[0]
    assert row["text"].startswith(PARAGRAPHS[0][:20])
