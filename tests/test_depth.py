"""The depth cap counts links, not pages of one listing: pagination that keeps showing new
articles never runs into it, while a chain of pages without new articles does."""

from __future__ import annotations

from pathlib import Path

import pytest
from crawling import crawl
from sqlite_utils import Database

from archive.sites.urls import canonical_url
from sampleweb import SampleWebServer, build_sample_web

pytestmark = pytest.mark.e2e


def test_pagination_is_not_cut_by_the_depth_cap(tmp_path: Path):
    """40 articles, three to a listing page, no sitemap or feed: the last pages of each
    category are far deeper than two links from the home page."""
    web = build_sample_web(articles_per_site=40, sites=7, page_size=3)
    site_ids = ["liferay", "aspnet"]  # neither has a sitemap or a feed
    with SampleWebServer(web) as server:
        sites_file = server.write_sites(tmp_path / "sites.toml")
        done = crawl(tmp_path / "archive.db", sites_file, "-s", "ARCHIVE_MAX_DEPTH=2",
                     *site_ids)  # fmt: skip
        assert done.returncode == 0, done.stderr[-3000:]
    db = Database(tmp_path / "archive.db")
    stored = {row["url"] for row in db.query("select url from article_urls")}
    expected = [a for a in web.articles if a.site_id in site_ids]
    missing = [a.url for a in expected if canonical_url(a.url) not in stored]
    assert len(expected) == 80 and not missing, missing[:5]
    listings = db.execute("select count(*) from pages where kind = 'listing'").fetchone()[0]
    assert listings >= 2 * 40 // 3  # the pagination was walked, not just the home page


#: Joomla's articles each link the five before them ("related news"); 40 articles, three
#: to a listing page, depth cap 1: without its fix (``_hop``), a chain of related lists
#: reached the cap first and two articles were lost, here and in Redis mode alike.
CHAINED = {"articles_per_site": 40, "sites": 7, "page_size": 3}


def stored_titles(db_path: Path, site_id: str) -> list[str]:
    db = Database(db_path)
    return [r["title"] for r in db.query("select title from articles where site_id = ?",
                                         [site_id])]  # fmt: skip


def test_related_news_chains_are_not_cut_by_the_depth_cap(tmp_path: Path):
    """Every article once, though the crawl meets most of them in other articles'
    related-news lists before the listing pages that show them reach them."""
    web = build_sample_web(**CHAINED)
    with SampleWebServer(web) as server:
        sites_file = server.write_sites(tmp_path / "sites.toml")
        done = crawl(tmp_path / "archive.db", sites_file, "-s", "ARCHIVE_MAX_DEPTH=1", "joomla")
        assert done.returncode == 0, done.stderr[-3000:]
    titles = stored_titles(tmp_path / "archive.db", "joomla")
    expected = [a.title for a in web.articles if a.site_id == "joomla"]
    assert sorted(titles) == sorted(expected), set(expected) - set(titles)
