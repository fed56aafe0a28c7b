"""Datasette over a stored archive, in-process through datasette.client."""

from __future__ import annotations

import importlib.util
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.serve import datasette_dir, load_metadata, make_datasette
from archive.store import writer as store
from archive.store.migrations import open_db
from tests.conftest import PARAGRAPHS, make_article

T = "2026-01-01T00:00:00Z"
ATOM = "{http://www.w3.org/2005/Atom}"
EVIL_TITLE = '<script>alert("x")</script> Đảng uỷ xử lý'
EVIL_TEXT = "Hoà bình <img src=x onerror=alert(1)> và <script>alert(2)</script> ổn định.\n\n" * 3
SITES = [
    ("thai-nguyen", "Trường Chính trị tỉnh Thái Nguyên", "Thái Nguyên"),
    ("ben-tre", "Trường Chính trị tỉnh Bến Tre", "Bến Tre"),
    ("evil", "Trường <b>Chính trị</b>", "Hà Nội"),
]


def build_archive(path: Path) -> dict[str, int]:
    """A small archive with every case the pages show: a near-copy across sites, an alias,
    a changed article, a malicious one, captures, an attachment, a crawl. Returns ids."""
    db = open_db(str(path))
    for site_id, name, province in SITES:
        db.table("sites").insert({"id": site_id, "name": name, "province": province})
    with db.conn:
        db.execute("insert into crawls(id, started, status) values (1, ?, 'finished')", [T])
        for site_id, *_ in SITES:
            db.execute("insert into crawl_sites(crawl_id, site_id) values (1, ?)", [site_id])
    ids = {}
    save = store.save_article
    ids["party"] = save(
        db, "thai-nguyen", "http://tn/1", make_article("http://tn/1"), fetched=T, crawl_id=1
    ).article_id
    save(db, "thai-nguyen", "http://tn/1?print=1", make_article("http://tn/1?print=1"),
         fetched=T, crawl_id=1)  # fmt: skip
    copy = "\n\n".join(PARAGRAPHS[:3] + [PARAGRAPHS[3].replace("đổi mới", "cải tiến")])
    ids["copy"] = save(
        db, "ben-tre", "http://bt/9",
        make_article("http://bt/9", text=copy, date="2022-07-03", author=None),
        fetched=T, crawl_id=1,
    ).article_id  # fmt: skip
    other = "Lễ khai giảng lớp bồi dưỡng kiến thức quốc phòng và an ninh cho cán bộ cơ sở. " * 5
    ids["course"] = save(
        db, "ben-tre", "http://bt/2",
        make_article("http://bt/2", text=other, title="Khai giảng lớp bồi dưỡng", date="2023-03-02"),
        fetched=T, crawl_id=1,
    ).article_id  # fmt: skip
    changed = other.replace("cán bộ cơ sở", "cán bộ chủ chốt cơ sở")
    save(db, "ben-tre", "http://bt/2",
         make_article("http://bt/2", text=changed, title="Khai giảng lớp bồi dưỡng",
                      date="2023-03-02"),
         fetched="2026-02-01T00:00:00Z", crawl_id=1)  # fmt: skip
    ids["evil"] = save(
        db, "evil", "javascript:alert(3)",
        make_article("javascript:alert(3)", title=EVIL_TITLE, text=EVIL_TEXT, date="2024-05-06"),
        fetched=T, crawl_id=1,
    ).article_id  # fmt: skip
    warcs = path.parent / "warcs"
    warcs.mkdir(exist_ok=True)
    (warcs / "crawl-1.warc.gz").write_bytes(b"HEADER" + b"WARC/1.1 record bytes" + b"TRAILER")
    with db.conn:
        db.table("captures").insert_all([
            {"id": 1, "url": "http://tn/1", "site_id": "thai-nguyen", "crawl_id": 1,
             "fetched": T, "status": 200, "warc_file": "crawl-1.warc.gz", "offset": 6,
             "length": 21, "article_id": ids["party"]},
            {"id": 2, "url": "http://tn/1", "site_id": "thai-nguyen", "crawl_id": 1,
             "fetched": T, "status": 200, "warc_file": "../outside.warc.gz", "offset": 0,
             "length": 5, "article_id": ids["party"]},
        ])  # fmt: skip
        db.table("attachments").insert(
            {"article_id": ids["party"], "url": "http://tn/files/nghi-quyet.pdf",
             "file_name": "nghi-quyet.pdf", "media_type": "application/pdf", "size": 12345}
        )  # fmt: skip
        db.execute(
            "insert into pages(url, site_id, status, kind, fetched, error) "
            "values ('http://bt/broken', 'ben-tre', 500, 'error', ?, 'HTTP 500')",
            [T],
        )
    db.close()
    return ids


@pytest.fixture
def archive(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "archive.db"
    return path, build_archive(path)


@pytest.fixture
def ds(archive):
    return make_datasette(archive[0])


@pytest.fixture
def ids(archive) -> dict[str, int]:
    return archive[1]


async def get_json(ds, path: str, **params):
    response = await ds.client.get(path, params={"_shape": "array", **params})
    assert response.status_code == 200, response.text
    return response.json()


async def search_titles(ds, query: str) -> list[str]:
    rows = await get_json(ds, "/archive/articles.json", _search=query)
    return [row["title"] for row in rows]


def load_plugin(name: str):
    """A plugin file as a module, to test its plain functions directly."""
    path = datasette_dir() / "plugins" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"test_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# 1. Metadata


def test_every_table_and_column_has_a_description(tmp_path):
    db = sqlite3.connect(tmp_path / "archive.db")
    open_db(str(tmp_path / "archive.db")).close()
    tables = load_metadata()["databases"]["archive"]["tables"]
    names = [
        r[0]
        for r in db.execute(
            "select name from sqlite_master where type in ('table', 'view') "
            "and name not like 'articles_fts%' and name not like 'attachments_fts%' "
            "and name not like 'sqlite_%' "
            "and name != '_sqlite_migrations'"
        )
    ]
    assert names
    for name in names:
        assert tables[name].get("description"), name
        columns = [r[1] for r in db.execute(f"pragma table_xinfo({name})")]
        missing = set(columns) - set(tables[name].get("columns", {}))
        assert not missing, (name, missing)


def test_metadata_and_configuration_are_split_for_datasette_1():
    folder = datasette_dir()
    metadata = yaml.safe_load((folder / "metadata.yml").read_text(encoding="utf-8"))
    config = yaml.safe_load((folder / "datasette.yml").read_text(encoding="utf-8"))
    for key in ("title", "license", "license_url", "source", "source_url", "description_html"):
        assert metadata[key]
    config_keys = {"queries", "facets", "sort", "sort_desc", "label_column", "fts_table",
                   "fts_pk", "hidden", "plugins", "extra_css_urls", "settings"}  # fmt: skip

    def keys(node):
        if isinstance(node, dict):
            for key, value in node.items():
                yield key
                if key != "columns":
                    yield from keys(value)

    assert not config_keys & set(keys(metadata))
    tables = config["databases"]["archive"]["tables"]
    assert not {"description", "description_html", "title", "columns"} & set(keys(tables))
    assert config["databases"]["archive"]["tables"]["articles"]["facets"] == [
        "site_id", "province", "year", "author",
    ]  # fmt: skip


async def test_facets_newest_first_and_labels(ds, ids):
    response = await ds.client.get(
        "/archive/articles.json", params={"_labels": "on", "_shape": "objects"}
    )
    data = response.json()
    assert set(data["facet_results"]) == {"site_id", "province", "year", "author"}
    provinces = {f["value"]: f["count"] for f in data["facet_results"]["province"]["results"]}
    assert provinces == {"Thái Nguyên": 1, "Bến Tre": 2, "Hà Nội": 1}
    years = {f["value"]: f["count"] for f in data["facet_results"]["year"]["results"]}
    assert years == {"2022": 2, "2023": 1, "2024": 1}
    rows = data["rows"]
    assert [r["published"] for r in rows] == [
        "2024-05-06",
        "2023-03-02",
        "2022-07-03",
        "2022-07-01",
    ]
    assert rows[-1]["site_id"] == {
        "value": "thai-nguyen",
        "label": "Trường Chính trị tỉnh Thái Nguyên",
    }
    assert rows[1]["duplicate_of"] is None and rows[2]["duplicate_of"]["label"].startswith(
        "Đảng bộ"
    )
    filtered = await get_json(ds, "/archive/articles.json", province="Bến Tre", year="2023")
    assert [r["id"] for r in filtered] == [ids["course"]]


async def test_province_follows_the_site(archive, ds):
    db = open_db(str(archive[0]))
    db.table("sites").update("ben-tre", {"province": "Vĩnh Long"})
    db.close()
    rows = await get_json(ds, "/archive/articles.json", site_id="ben-tre")
    assert {r["province"] for r in rows} == {"Vĩnh Long"}


# 2. Search


@pytest.mark.parametrize(
    "query", ["dang uy", "Đảng ủy", "Đảng uỷ", "DANG UY", '"dang uy"', "đảng   ủy"]
)
async def test_table_search_with_or_without_diacritics(ds, query):
    assert (
        await search_titles(ds, query)
        == [EVIL_TITLE] + ["Đảng bộ Trường Chính trị tổ chức Hội nghị sơ kết"] * 2
    )


@pytest.mark.parametrize("query", ["hoa binh", "hoà bình", "hòa bình", "HOÀ BÌNH"])
async def test_both_tone_mark_placements_match(ds, query):
    assert await search_titles(ds, query) == [EVIL_TITLE]


async def test_phrase_search_needs_the_words_together(ds):
    assert await search_titles(ds, '"khai giang"') == ["Khai giảng lớp bồi dưỡng"]
    assert await search_titles(ds, '"giang khai"') == []
    assert await search_titles(ds, '"cai tien"') == [
        "Đảng bộ Trường Chính trị tổ chức Hội nghị sơ kết"
    ]


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Đảng OR Hoà", {"party", "copy", "evil"}),
        ("quoc OR hoa", {"course", "evil"}),
        ('"khai giang" OR "hoà bình"', {"course", "evil"}),
        ("Đảng NOT Hoà", {"party", "copy"}),
        ("dang AND binh", {"evil"}),
        ("quo*", {"course"}),
        ("quoc OR", {"course"}),  # a dangling operator is dropped
    ],
)
async def test_search_operators_work_in_the_table_and_canned_searches(ds, ids, query, found):
    """What fold_query promises, through Datasette: OR, AND, NOT between terms, word*."""
    expected = {ids[key] for key in found}
    rows = await get_json(ds, "/archive/articles.json", _search=query)
    assert {r["id"] for r in rows} == expected
    rows = await get_json(ds, "/archive/search.json", q=query, site="")
    assert {r["id"] for r in rows} == expected
    assert len(await feed_entries(ds, "/archive/feed_search.atom", q=query)) == len(expected)


@pytest.mark.parametrize(
    "query",
    ["", " ", '"', '""', "!!!", "(dang", "a:b", "dang -uy", "OR", "NOT dang", "dang OR",
     "AND OR NOT", "*", '"dang" *', "dang NEAR uy", "dang OR OR uy", "-", "dang)"],
)  # fmt: skip
async def test_odd_queries_never_fail(ds, query):
    response = await ds.client.get("/archive/search.json", params={"q": query, "site": ""})
    assert response.status_code == 200, response.text
    response = await ds.client.get("/archive/articles.json", params={"_search": query})
    assert response.status_code == 200, response.text


def search_plugin(monkeypatch, **thresholds):
    """The table search plugin as Datasette loaded it, its thresholds lowered for a small archive."""
    from datasette.plugins import pm

    plugin = pm.get_plugin("article_search.py")
    for name, value in thresholds.items():
        monkeypatch.setattr(plugin, name, value)
    return plugin


@pytest.mark.parametrize(
    "extra, plan",
    [({}, "probe"), ({"site_id": "thai-nguyen"}, "probe"), ({"_sort_desc": "first_seen"}, "probe"),
     ({"word_count__gt": "10"}, "lookup"), ({"_sort": "title"}, "lookup"),
     ({"province": "Bến Tre", "_sort": "title"}, "lookup")],
)  # fmt: skip
async def test_a_search_matching_many_articles_lists_the_same_rows_uncounted(ds, monkeypatch,
                                                                            extra, plan):  # fmt: skip
    params = {"_search": "dang uy", "_shape": "objects", **extra}
    counted = (await ds.client.get("/archive/articles.json", params=params)).json()
    assert counted["filtered_table_rows_count"] == len(counted["rows"]) > 0
    assert counted["facet_results"]
    plugin = search_plugin(monkeypatch, COUNTED=1, PROBE_SHARE=4)
    args = [(k, v) for k, v in params.items() if k != "_shape"]
    assert (await plugin.plan_search(ds.get_database("archive"), "dang uy", args)).clause == plan
    many = (await ds.client.get("/archive/articles.json", params=params)).json()
    key = extra.get("_sort") or extra.get("_sort_desc") or "published"  # ties: in no set order
    assert [r[key] for r in many["rows"]] == [r[key] for r in counted["rows"]]
    assert sorted(r["id"] for r in many["rows"]) == sorted(r["id"] for r in counted["rows"])
    assert many["filtered_table_rows_count"] is None and many["facet_results"] == {}
    assert "more than 1 articles: not counted, no facets" in many["human_description_en"]


async def test_a_selective_search_is_counted_and_faceted_again(ds, monkeypatch):
    search_plugin(monkeypatch, COUNTED=1)
    page = (await ds.client.get("/archive/articles", params={"_search": "dang uy"})).text
    assert 'name="_search"' in page and "_matches=many" in page  # in its links and form
    assert "no facets" in page and 'class="facet-info' not in page
    monkeypatch.undo()
    # the next search from that page carries the flags: they are decided afresh
    params = {"_search": '"khai giang"', "_nocount": "1", "_nofacet": "1", "_matches": "many",
              "_shape": "objects"}  # fmt: skip
    data = (await ds.client.get("/archive/articles.json", params=params)).json()
    assert data["filtered_table_rows_count"] == 1 and data["facet_results"]
    # a reader's own _nocount is kept
    data = (await ds.client.get("/archive/articles.json",
                                params={"_search": '"khai giang"', "_nocount": "1"})).json()  # fmt: skip
    assert data["filtered_table_rows_count"] is None


async def test_the_table_page_keeps_its_search_box(ds):
    page = (await ds.client.get("/archive/articles")).text
    assert 'name="_search"' in page
    page = (await ds.client.get("/archive/articles", params={"_search": "Đảng ủy"})).text
    assert 'value="Đảng ủy"' in page and "3 rows" in page


def canned_sql(name: str, **replace: str) -> str:
    sql = load_metadata()["databases"]["archive"]["queries"][name]["sql"]
    for old, new in replace.items():
        assert old in sql
        sql = sql.replace(old, new)
    return sql


async def test_canned_search_lists_the_newest_first_when_too_many_match(ds, ids):
    db = ds.get_database("archive")
    params = {"q": "dang uy", "site": ""}
    ranked = [r[0] for r in (await db.execute(canned_sql("search"), params)).rows]
    assert sorted(ranked) == sorted([ids["party"], ids["copy"], ids["evil"]])
    # the same query when more than 2 (instead of 10,000) articles match: newest stored first
    many = canned_sql("search", **{"10001": "3", "10000": "2"})
    assert [r[0] for r in (await db.execute(many, params)).rows] == sorted(ranked, reverse=True)
    assert [r[0] for r in (await db.execute(many, {**params, "q": "quoc phong"})).rows] == [
        ids["course"]]  # fmt: skip
    one_site = (await db.execute(many, {**params, "site": "ben-tre"})).rows
    assert [r[0] for r in one_site] == [ids["copy"]]


async def test_feed_search_takes_the_newest_matches(ds, ids):
    db = ds.get_database("archive")
    sql = canned_sql("feed_search", **{"limit 1000": "limit 2"})
    params = {"q": "dang uy", "site": "", "_header_host": "", "_header_x_forwarded_proto": ""}
    rows = (await db.execute(sql, params)).rows
    assert {r[0] for r in rows} == {ids["copy"], ids["evil"]}  # the two stored last


async def test_canned_search_ranks_and_highlights(ds, ids):
    rows = await get_json(ds, "/archive/search.json", q="quoc phong", site="")
    assert [r["title"] for r in rows] == ["Khai giảng lớp bồi dưỡng"]
    assert "<mark>quốc</mark> <mark>phòng</mark>" in rows[0]["snippet"]
    rows = await get_json(ds, "/archive/search.json", q="khai giang", site="")
    assert rows[0]["id"] == ids["course"]  # in the title: ranked first
    rows = await get_json(ds, "/archive/search.json", q="dang uy", site="ben-tre")
    assert [r["id"] for r in rows] == [ids["copy"]]


async def test_search_page_shows_marks_and_escapes_the_rest(ds, ids):
    page = (await ds.client.get("/archive/search", params={"q": "hoa binh", "site": ""})).text
    assert "<mark>Hoà</mark> <mark>bình</mark>" in page
    assert "<img src=x" not in page and "<script>alert" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert f'<a href="/archive/articles/{ids["evil"]}">&lt;script&gt;' in page


def test_snippet_cells_let_only_mark_through():
    marked = load_plugin("vietnamese_search").marked
    assert marked("a <mark>b</mark> &amp; c") == "a <mark>b</mark> &amp; c"
    assert (
        marked("<script>x</script><mark>y</mark>") == "&lt;script&gt;x&lt;/script&gt;<mark>y</mark>"
    )
    assert marked("<mark onclick=x>y") == "&lt;mark onclick=x&gt;y"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="aăâdđeêioôơuưy AĐƠÚỦỤÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬỳýỷỹỵ<&>\n.,-İß\u0301", max_size=300),
    st.sampled_from(["dang uy", "Đảng uỷ", '"hoa binh"', "a OR d", "y", "ss"]),
)
def test_fast_snippet_is_the_reference_snippet(text, query):
    from archive.store.search import snippet

    assert load_plugin("vietnamese_search").fast_snippet(text, query) == snippet(text, query)


async def test_custom_sql_cannot_inject_markup_through_a_snippet_column(ds):
    sql = "select '<img src=x onerror=alert(1)>' as snippet, 1 as id, '<b>t</b>' as title"
    page = (await ds.client.get("/archive", params={"sql": sql})).text
    assert "<img src=x" not in page and "<b>t</b>" not in page


# 3. Canned queries


async def test_latest_and_per_site_month(ds, ids):
    latest = await get_json(ds, "/archive/latest.json", site="")
    assert [r["published"] for r in latest] == [
        "2024-05-06",
        "2023-03-02",
        "2022-07-03",
        "2022-07-01",
    ]
    assert [r["id"] for r in await get_json(ds, "/archive/latest.json", site="ben-tre")] == [
        ids["course"], ids["copy"],
    ]  # fmt: skip
    months = await get_json(ds, "/archive/per_site_month.json", site="", since="")
    assert [(r["month"], r["site_id"], r["articles"]) for r in months] == [
        ("2024-05", "evil", 1), ("2023-03", "ben-tre", 1),
        ("2022-07", "ben-tre", 1), ("2022-07", "thai-nguyen", 1),
    ]  # fmt: skip
    since = await get_json(ds, "/archive/per_site_month.json", site="", since="2023-01")
    assert len(since) == 2


async def test_near_duplicates_and_changed(ds, ids):
    clusters = await get_json(ds, "/archive/near_duplicates.json")
    assert [(c["id"], c["copies"], c["sites"]) for c in clusters] == [(ids["party"], 2, 2)]
    assert set(clusters[0]["site_ids"].split(",")) == {"thai-nguyen", "ben-tre"}
    changed = await get_json(ds, "/archive/changed.json")
    assert [(c["id"], c["versions"]) for c in changed] == [(ids["course"], 2)]
    assert changed[0]["chars_now"] > changed[0]["chars_before"]


async def test_site_health(ds):
    rows = {r["site_id"]: r for r in await get_json(ds, "/archive/site_health_report.json")}
    bt = rows["ben-tre"]
    assert (bt["articles"], bt["pages_failed"], bt["pct_no_author"]) == (2, 1, 50.0)
    assert bt["last_crawl"] == T and bt["new_in_last_crawl"] == 2
    assert bt["pct_short_text"] == 0.0 and rows["thai-nguyen"]["pct_no_date"] == 0.0
    assert rows["evil"]["pct_short_text"] == 100.0
    assert list(rows) == ["evil", "ben-tre", "thai-nguyen"]  # worst first


# 4. Article page


async def test_article_page_reads_like_an_article(ds, ids):
    response = await ds.client.get(f"/archive/articles/{ids['party']}")
    page = response.text
    assert response.status_code == 200
    assert "<h1>Đảng bộ Trường Chính trị tổ chức Hội nghị sơ kết</h1>" in page
    assert '<time datetime="2022-07-01">' in page and "Võ Thị Nhiên" in page
    assert "Trường Chính trị tỉnh Thái Nguyên" in page
    for paragraph in PARAGRAPHS:
        assert f"<p>{paragraph}</p>" in page
    assert '<a href="http://tn/1" rel="noopener noreferrer nofollow">' in page
    assert f'href="/archive/captures?article_id={ids["party"]}"' in page
    assert "http://tn/1?print=1" in page  # alias
    assert f'href="/archive/articles/{ids["copy"]}"' in page  # near-duplicate
    assert 'href="/-/capture/1.warc"' in page and 'href="/-/capture/2.warc"' not in page
    assert "nghi-quyet.pdf" in page


async def test_article_page_links_back_to_the_original_of_a_copy(ds, ids):
    page = (await ds.client.get(f"/archive/articles/{ids['copy']}")).text
    assert f'href="/archive/articles/{ids["party"]}"' in page and "(bản đầu / original)" in page
    page = (await ds.client.get(f"/archive/articles/{ids['course']}")).text
    assert f"/archive/article_versions/{ids['course']},1" in page


@pytest.mark.parametrize("public", [False, True])
async def test_malicious_article_is_inert_text(archive, ids, public):
    ds = make_datasette(archive[0], public=public)
    for path in (f"/archive/articles/{ids['evil']}", "/archive/articles",
                 "/archive/latest", "/archive/search?q=hoa&site=", "/dashboard"):  # fmt: skip
        page = (await ds.client.get(path)).text
        assert "<script>alert" not in page, path
        assert "<img src=x" not in page and "<b>Chính trị</b>" not in page, path
        assert 'href="javascript:' not in page, path
    page = (await ds.client.get(f"/archive/articles/{ids['evil']}")).text
    assert "<h1>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Đảng uỷ xử lý</h1>" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


async def test_raw_capture_download(ds):
    response = await ds.client.get("/-/capture/1.warc")
    assert response.status_code == 200 and response.content == b"WARC/1.1 record bytes"
    assert response.headers["content-type"] == "application/warc"
    assert "attachment" in response.headers["content-disposition"]
    assert (await ds.client.get("/-/capture/2.warc")).status_code == 404  # outside warcs/
    assert (await ds.client.get("/-/capture/99.warc")).status_code == 404


# 5. Charts


async def test_dashboard_embeds_counts_and_vendored_vega(ds):
    page = (await ds.client.get("/dashboard")).text
    assert '["ben-tre", "2022-07", 1]' in page and '"counts"' in page
    assert "\\u003cb\\u003eCh\\u00ednh tr\\u1ecb\\u003c/b\\u003e" in page  # tojson-escaped
    for script in ("vega-5.33.1.min.js", "vega-lite-5.23.0.min.js", "vega-embed-6.29.0.min.js"):
        assert f'src="/assets/vendor/{script}"' in page
        response = await ds.client.get(f"/assets/vendor/{script}")
        assert response.status_code == 200 and len(response.content) > 50_000
    assert 'src="http' not in page and "cdn" not in page.lower()
    assert "Bến Tre" in page and "Totals by province" in page


# 6. Feeds


async def feed_entries(ds, path: str, **params) -> list[ET.Element]:
    response = await ds.client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/xml")
    return ET.fromstring(response.content).findall(f"{ATOM}entry")


async def test_atom_feed_of_new_articles(ds, ids):
    entries = await feed_entries(ds, "/archive/feed.atom")
    assert len(entries) == 4
    evil = next(e for e in entries if e.find(f"{ATOM}title").text == EVIL_TITLE)
    content = evil.find(f"{ATOM}content").text
    assert "&lt;img src=x" in content and "<img" not in content and "<script" not in content
    assert (
        evil.find(f"{ATOM}link").get("href") == f"http://localhost/archive/articles/{ids['evil']}"
    )
    assert "javascript:" not in content
    one_site = await feed_entries(ds, "/archive/feed.atom", site="thai-nguyen")
    assert [e.find(f"{ATOM}title").text for e in one_site] == [
        "Đảng bộ Trường Chính trị tổ chức Hội nghị sơ kết"
    ]


async def test_atom_feed_of_a_search(ds):
    entries = await feed_entries(ds, "/archive/feed_search.atom", q="quoc phong")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Khai giảng lớp bồi dưỡng"]
    assert await feed_entries(ds, "/archive/feed_search.atom", q="khong co tu nay") == []


def test_feed_html_escapes_and_links_only_http():
    plugin = load_plugin("archive_pages")
    html = plugin.feed_html("a <b>\n\nc", "javascript:x", "S<", "2024-01-01")
    assert html == "<p><em>S&lt; · 2024-01-01</em></p>\n<p>a &lt;b&gt;</p>\n<p>c</p>"
    assert plugin.page_url("archive.example:8001", "https", "archive/articles/1") == (
        "https://archive.example:8001/archive/articles/1"
    )
    assert plugin.page_url('evil"><x', "http", "a") == "/a"
    assert plugin.page_url("", "", "a") == "/a"
