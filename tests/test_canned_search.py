"""The canned search says how many articles match and leads to the rest (plugins/canned_search.py,
templates/query-archive-search.html), in-process through datasette.client."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from archive.serve import make_datasette
from benchmarks.generate_archive import generate


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    path = Path(tmp_path_factory.mktemp("canned")) / "archive.db"
    generate(path, 150, seed=3)
    return make_datasette(path)


async def table_count(ds, **params) -> int:
    data = (await ds.client.get("/archive/articles.json", params=params)).json()
    return data["filtered_table_rows_count"]


def status_line(page: str) -> str:
    found = re.search(r'<p class="search-total">(.*?)</p>', page, re.S)
    assert found, "no status line"
    return " ".join(re.sub(r"<[^>]+>", "", html.unescape(found[1])).split())


async def test_it_says_first_50_of_how_many_and_links_to_the_rest(ds):
    total = await table_count(ds, _search="dang uy")
    assert total > 50
    page = (await ds.client.get("/archive/search", params={"q": "dang uy", "site": ""})).text
    assert page.count('<td class="col-title">') == 50
    line = status_line(page)
    assert f"Kết quả 1–50 trong {total} bài khớp" in line
    assert f"Results 1–50 of {total} matching articles" in line
    assert 'href="/archive/articles?_search=dang+uy"' in page  # all of them, page by page
    rest = (await ds.client.get("/archive/articles", params={"_search": "dang uy"})).text
    assert f"{total} rows where search matches" in rest


async def test_one_site_counts_that_site_and_links_with_its_filter(ds):
    sites = (await ds.client.get("/archive.json?sql=select+site_id,+count(*)+n+from+articles+"
                                 "group+by+1+order+by+2+desc+limit+1&_shape=array")).json()  # fmt: skip
    site = sites[0]["site_id"]
    total = await table_count(ds, _search="dang uy", site_id=site)
    page = (await ds.client.get("/archive/search", params={"q": "dang uy", "site": site})).text
    shown = page.count('<td class="col-title">')
    line = status_line(page)
    if shown < total:
        assert f"Results 1–{shown} of {total} matching articles" in line
        assert f'href="/archive/articles?_search=dang+uy&amp;site_id={site}"' in page
    else:
        assert line.endswith(f"/ {total} matching articles")


async def test_all_shown_says_just_how_many(ds):
    page = (
        await ds.client.get("/archive/search", params={"q": '"hoi nghi so ket"', "site": ""})
    ).text
    shown = page.count('<td class="col-title">')
    total = await table_count(ds, _search='"hoi nghi so ket"')
    assert 0 < shown == total < 50
    assert (
        status_line(page)
        == f"{total} bài khớp / {total} matching article{'s' if total > 1 else ''}"
    )


async def test_more_than_counted_says_so(ds, monkeypatch):
    from datasette.plugins import pm

    monkeypatch.setattr(pm.get_plugin("canned_search.py"), "COUNTED", 20)
    page = (await ds.client.get("/archive/search", params={"q": "dang uy", "site": ""})).text
    assert "Results 1–50 of more than 20 matching articles" in status_line(page)


async def test_no_query_no_line_and_json_unchanged(ds):
    page = (await ds.client.get("/archive/search")).text
    assert 'class="search-total"' not in page
    rows = (await ds.client.get("/archive/search.json",
                                params={"q": "dang uy", "site": "", "_shape": "array"})).json()  # fmt: skip
    # found_in (issue 22): "text" or the attached document a match came from
    assert len(rows) == 50 and set(rows[0]) == {
        "id",
        "published",
        "site_id",
        "title",
        "snippet",
        "found_in",
    }
