"""The whole product: the sample web crawled by real Scrapy in a subprocess.

The sample web runs in this process on loopback (127.0.0.x); the crawl is
`python -m archive crawl`, exactly what a user runs. Assertions compare the
archive with the sample web's ground truth.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlite_utils import Database

from archive.serve import make_datasette
from archive.sites.urls import canonical_url
from archive.store.search import fold
from sampleweb import SampleArticle, SampleWeb, SampleWebServer, build_sample_web

pytestmark = pytest.mark.e2e

FAST = [
    "-s",
    "DOWNLOAD_DELAY=0",
    "-s",
    "AUTOTHROTTLE_ENABLED=0",
    "-s",
    "ARCHIVE_PROGRESS_INTERVAL=0",
]


@dataclass
class Crawled:
    web: SampleWeb
    server: SampleWebServer
    db_path: Path
    sites_file: Path
    first: subprocess.CompletedProcess[str]
    second: subprocess.CompletedProcess[str]
    rows_after_first: int

    @property
    def db(self) -> Database:
        return Database(self.db_path)


def crawl(db_path: Path, sites_file: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "archive", "crawl", "--db", str(db_path),
               "--sites", str(sites_file), *FAST, *extra]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Crawled]:
    tmp = tmp_path_factory.mktemp("e2e")
    web = build_sample_web(articles_per_site=10)
    with SampleWebServer(web) as server:
        sites_file = server.write_sites(tmp / "sites.toml")
        db_path = tmp / "archive.db"
        first = crawl(db_path, sites_file)
        rows = Database(db_path).execute("select count(*) from articles").fetchone()[0]
        second = crawl(db_path, sites_file)
        yield Crawled(web, server, db_path, sites_file, first, second, rows)


def article_for(db: Database, url: str) -> dict | None:
    rows = list(
        db.query(
            "select a.* from article_urls u join articles a on a.id = u.article_id where u.url = ?",
            [canonical_url(url)],
        )
    )
    return rows[0] if rows else None


def truth(crawled: Crawled) -> list[SampleArticle]:
    return crawled.web.articles


def test_crawl_exits_cleanly_with_a_summary(crawled):
    assert crawled.first.returncode == 0, crawled.first.stderr[-3000:]
    for site in crawled.web.sites:
        assert site.id in crawled.first.stdout
    assert "Traceback" not in crawled.first.stderr


def test_the_crawl_uses_no_deprecated_api(crawled):
    """pytest's warnings-as-errors does not reach the crawl's subprocess: its log does."""
    for run in (crawled.first, crawled.second):
        warned = [line for line in run.stderr.splitlines() if "Deprecat" in line]
        assert warned == []


def test_every_expected_article_is_archived_once(crawled):
    """One row per article; any of its URLs may be the primary one unless it declares a canonical."""
    db = crawled.db
    for site in crawled.web.sites:
        expected = [a for a in truth(crawled) if a.site_id == site.id]
        ids = []
        for article in expected:
            row = article_for(db, article.url)
            assert row is not None, article.url
            assert row["url"] in {canonical_url(u) for u in (article.url, *article.alias_urls)}
            ids.append(row["id"])
        assert len(set(ids)) == len(expected), site.id
        count = db.execute("select count(*) from articles where site_id = ?", [site.id]).fetchone()[
            0
        ]
        assert count == len(expected), site.id


def test_no_listing_page_is_stored_as_an_article(crawled):
    db = crawled.db
    for site in crawled.web.sites:
        for url in crawled.web.listing_urls(site.id):
            assert article_for(db, url) is None, url
        kinds = dict(db.execute(
            "select kind, count(*) from pages where site_id = ? group by kind", [site.id]).fetchall())  # fmt: skip
        assert kinds.get("listing", 0) >= 2, site.id


@pytest.mark.parametrize("field", ["title", "date", "author"])
def test_metadata_is_right_on_every_cms_style(crawled, field):
    db = crawled.db
    column = {"date": "published"}.get(field, field)
    wrong = []
    for article in truth(crawled):
        row = article_for(db, article.url)
        assert row is not None, article.url
        if row[column] != getattr(article, field):
            wrong.append((article.site_id, getattr(article, field), row[column]))
    assert wrong == []


def test_each_article_says_how_it_was_extracted(crawled):
    """Issue 23 item 7: the crawl stores which path found each field and the quality flags."""
    rows = list(crawled.db.query("select url, cms, extraction, generic, flags from articles"))
    assert rows
    for row in rows:
        paths = json.loads(row["extraction"])
        assert {"title", "date", "body"} <= set(paths), row["url"]
        assert set(paths.values()) <= {"site", "generic", "meta", "url", "title-tag"} | {
            f"cms:{row['cms']}"
        }, row["url"]
        assert row["generic"] == int(paths["body"] == "generic"), row["url"]
        assert "no-date" not in (row["flags"] or ""), row["url"]
    nukeviet = [json.loads(r["extraction"]) for r in rows if r["cms"] == "nukeviet"]
    assert nukeviet and all(p["body"] == "cms:nukeviet" for p in nukeviet)


def test_aliases_point_at_one_article(crawled):
    db = crawled.db
    with_aliases = [a for a in truth(crawled) if a.alias_urls]
    assert with_aliases, "the sample web should serve some article at two URLs"
    for article in with_aliases:
        primary = article_for(db, article.url)
        for alias in article.alias_urls:
            row = article_for(db, alias)
            assert row is not None and row["id"] == primary["id"], alias


def test_near_copy_is_linked_to_the_original(crawled):
    db = crawled.db
    copies = [a for a in truth(crawled) if a.near_copy_of]
    assert copies
    for copy in copies:
        original = article_for(db, copy.near_copy_of)
        assert article_for(db, copy.url)["duplicate_of"] == original["id"]
    linked = db.execute("select count(*) from articles where duplicate_of is not null").fetchone()[
        0
    ]
    assert linked == len(copies)


def test_second_crawl_adds_no_articles(crawled):
    assert crawled.second.returncode == 0, crawled.second.stderr[-3000:]
    db = crawled.db
    assert db.execute("select count(*) from articles").fetchone()[0] == crawled.rows_after_first
    assert db.execute("select max(version) from articles").fetchone()[0] == 1
    crawls = list(db.query("select status, articles_new from crawls order by id"))
    assert [c["status"] for c in crawls] == ["finished", "finished"]
    assert crawls[1]["articles_new"] == 0


def test_the_crawl_never_leaves_the_path_prefix(crawled):
    db = crawled.db
    for site in crawled.web.sites:
        outside = crawled.web.outside_urls(site.id)
        for url in outside:
            assert (
                db.execute("select 1 from pages where url = ?", [canonical_url(url)]).fetchone()
                is None
            ), url
    prefixed = [s for s in crawled.web.sites if s.path_prefix]
    assert prefixed
    for site in prefixed:
        for (url,) in db.execute("select url from pages where site_id = ?", [site.id]).fetchall():
            assert site.path_prefix in url or url.endswith(("robots.txt", ".xml")), url


async def test_datasette_answers_a_search_over_the_crawl(crawled):
    ds = make_datasette(crawled.db_path)
    article = truth(crawled)[0]
    phrase = '"' + fold(" ".join(article.title.split()[:8])) + '"'  # typed without diacritics
    response = await ds.client.get(
        "/archive/articles.json", params={"_search": phrase, "_shape": "array"}
    )
    assert response.status_code == 200
    assert article.title in [r["title"] for r in response.json()]


def test_malformed_sites_file_is_refused_before_anything_is_written(tmp_path: Path):
    bad = tmp_path / "sites.toml"
    bad.write_text('[[site]]\nid = "x"\nname = "x"\nprovince = "x"\nstart_urls = "not a url"\n')
    result = crawl(tmp_path / "archive.db", bad)
    assert result.returncode == 2
    assert f"{bad}: entry 1 (x): field 'start_urls'" in result.stderr
    assert not (tmp_path / "archive.db").exists()
