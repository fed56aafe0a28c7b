"""The articles table as a reader's list (templates/_table-archive-articles.html and
plugins/article_list.py), in-process through datasette.client; the browser checks what
fits on a screen (tests/test_browser.py)."""

from __future__ import annotations

import re
import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_datasette import archive, ds, ids, load_plugin  # noqa: F401


def items_in(page: str) -> list[str]:
    return re.findall(r'<li class="article-item">(.*?)</li>', page, re.S)


async def test_the_table_lists_titles_schools_dates_authors_and_snippets(ds, ids):  # noqa: F811
    page = (await ds.client.get("/archive/articles", params={"_search": "dang uy"})).text
    items = items_in(page)
    assert len(items) == 3
    party = next(i for i in items if f'href="/archive/articles/{ids["party"]}"' in i)
    assert re.search(
        r'<h3 class="article-title"><a href="/archive/articles/\d+"><mark>Đảng</mark> bộ', party
    )
    assert "Trường Chính trị tỉnh Thái Nguyên" in party  # the school's name, not its id
    assert '<time datetime="2022-07-01">2022-07-01</time>' in party
    assert 'class="article-author"' in party
    assert "<mark>Đảng</mark>" in party  # the search snippet, matches marked
    # The long text stays out of the row: a snippet of at most ~220 characters.
    snippet = re.search(r'<p class="article-snippet">(.*?)</p>', party, re.S)[1]
    assert len(re.sub(r"<[^>]+>", "", snippet)) < 260
    assert 'class="rows-and-columns"' not in page  # no grid of columns


async def test_without_a_search_the_snippet_is_the_start_of_the_text(ds, ids):  # noqa: F811
    page = (await ds.client.get("/archive/articles")).text
    items = items_in(page)
    assert len(items) == 4 and "<mark>" not in page.split('class="article-list"')[1]
    course = next(i for i in items if f'href="/archive/articles/{ids["course"]}"' in i)
    assert '<p class="article-snippet">Lễ khai giảng lớp bồi dưỡng' in course


async def test_the_columns_stay_one_click_away(ds):  # noqa: F811
    page = (await ds.client.get("/archive/articles", params={"_search": "dang uy"})).text
    link = re.search(r'<a href="([^"]+)" rel="nofollow">Bảng các cột', page)[1]
    assert "_nocol=text" in link and "_search=dang+uy" in link
    grid = (await ds.client.get(link.replace("&amp;", "&"))).text
    assert 'class="rows-and-columns"' in grid and 'class="article-list"' not in grid
    assert '<td class="col-url' in grid and '<td class="col-text' not in grid
    chosen = (await ds.client.get("/archive/articles", params={"_col": ["title", "text"]})).text
    assert '<td class="col-text' in chosen and 'class="article-list"' not in chosen
    back = re.search(r'<a href="([^"]+)">Danh sách', grid)[1]
    assert "_nocol" not in back and "_search=dang+uy" in back
    # JSON and CSV are Datasette's own: every column.
    rows = (await ds.client.get("/archive/articles.json?_shape=array")).json()
    assert {"id", "site_id", "url", "title", "text", "author"} <= set(rows[0])
    csv = (await ds.client.get("/archive/articles.csv")).text
    assert csv.splitlines()[0].startswith("id,site_id,url,title")


async def test_the_list_prints_archived_markup_as_text(archive):  # noqa: F811
    from archive.serve import make_datasette

    for public in (False, True):
        page = (await make_datasette(archive[0], public=public).client.get(
            "/archive/articles", params={"_search": "hoa binh"})).text  # fmt: skip
        listed = page.split('class="article-list"')[1]
        assert "<script>alert" not in listed and "<img src=x" not in listed
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Đảng uỷ xử lý" in listed
        assert "<mark>Hoà</mark> <mark>bình</mark> &lt;img src=x" in listed
        assert "<b>Chính trị</b>" not in listed and "Trường &lt;b&gt;Chính trị" in listed


def test_article_items_is_a_plain_function():
    plugin = load_plugin("article_list")
    conn = sqlite3.connect(":memory:")
    conn.row_factory = sqlite3.Row
    row = conn.execute(
        "select 7 as id, 'a' as site_id, 'T' as title, '2020-01-02' as published, "
        "null as author, 'Một hai <b>ba</b>. Đảng ủy bốn.' as text"
    ).fetchone()
    [item] = plugin.article_items([row], "dang uy", {"a": "Trường A"})
    assert (item["id"], item["school"], item["published"], item["author"]) == (
        7, "Trường A", "2020-01-02", None)  # fmt: skip
    assert str(plugin.article_items([row], "t", {})[0]["title_html"]) == "<mark>T</mark>"
    assert (
        str(item["snippet"])
        == "Một hai &lt;b&gt;ba&lt;/b&gt;. <mark>Đảng</mark> <mark>ủy</mark> bốn."
    )
    [plain] = plugin.article_items([row], None, {})
    assert plain["school"] == "a" and "<mark>" not in str(plain["snippet"])
    assert plugin.list_mode({}) and plugin.list_mode({"_search": "x", "_sort": "id"})
    assert not plugin.list_mode({"_col": "title"}) and not plugin.list_mode({"_nocol": "text"})
    assert str(plugin.marked("<mark>a</mark><script>")) == "<mark>a</mark>&lt;script&gt;"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="aăâdđeêioôơuưy AĐƠÚỦỤÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬỳýỷỹỵ<&>\n.,-İß\u0301", max_size=900),
    st.sampled_from(["dang uy", "Đảng uỷ", '"hoa binh"', "a OR d", "y", "ss", "AND"]),
    st.sampled_from([20, 60, 220]),
)
def test_the_list_excerpt_is_the_reference_snippet(text, query, width):
    """The list reads a window of the text, the reference folds all of it: same excerpt."""
    from archive.store.search import snippet

    plugin = load_plugin("article_list")
    assert str(plugin.excerpt(text, query, width)) == str(
        plugin.marked(snippet(text, query, width))
    )
