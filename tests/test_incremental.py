"""Incremental recrawl over the sample web, with real HTTP on loopback (issue 4, point 5).

One fixture runs the sequence a scheduled crawl lives through, and the tests
read what each run sent and stored:

1. a first crawl;
2. the same web, unchanged, crawled again with the default revalidation age;
3. again with ``--revalidate-after 0`` (every known page, conditionally);
4. after one article is edited and another removed, ``--revalidate-after 0``.

A second fixture crawls one site from its sitemap only, to show that a
``lastmod`` older than the last check skips a page and a newer one fetches it.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from archive.sites.urls import canonical_url
from archive.store import summary
from sampleweb import SampleArticle, SampleWeb, SampleWebServer, build_sample_web
from tests.crawling import EVERYTHING, Recorder, Seen, counts, crawl, last_crawl

pytestmark = pytest.mark.e2e

EDIT = "Bổ sung: Ban Giám hiệu đề nghị các lớp hoàn thành báo cáo thu hoạch trước ngày 30/11."


@dataclass
class Run:
    result: subprocess.CompletedProcess[str]
    requests: list[Seen]
    counts: dict[str, int]
    crawl: dict[str, Any]


@dataclass
class Sequence:
    web: SampleWeb
    db_path: Path
    edited: SampleArticle
    removed: SampleArticle
    articles: set[str]  # every URL of every article, before the edit and the removal
    runs: dict[str, Run] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)  # page kinds after the first crawl

    @property
    def db(self) -> Database:
        return Database(self.db_path)


def run(recorder: Recorder, db_path: Path, sites_file: Path, *extra: str) -> Run:
    mark = recorder.mark()
    result = crawl(db_path, sites_file, *extra)
    assert result.returncode == 0, result.stderr[-3000:]
    return Run(result, recorder.since(mark), counts(db_path), last_crawl(db_path))


def article_urls(web: SampleWeb) -> set[str]:
    return {canonical_url(u) for a in web.articles for u in a.urls}


def plain_article(web: SampleWeb, site_id: str) -> SampleArticle:
    """An article of the site that is neither a near copy nor copied."""
    originals = {a.near_copy_of for a in web.articles}
    return next(
        a for a in web.articles
        if a.site_id == site_id and not a.near_copy_of and a.url not in originals
    )  # fmt: skip


@pytest.fixture(scope="module")
def sequence(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sequence]:
    tmp = tmp_path_factory.mktemp("incremental")
    web = build_sample_web(articles_per_site=4, sites=4)  # NukeViet, Liferay, WebSphere, Drupal
    recorder = Recorder()
    with SampleWebServer(web, faults={EVERYTHING: recorder}) as server:
        sites_file = server.write_sites(tmp / "sites.toml")
        db_path = tmp / "archive.db"
        seq = Sequence(web, db_path, plain_article(web, "nukeviet"), plain_article(web, "liferay"),
                       article_urls(web))  # fmt: skip
        seq.runs["first"] = run(recorder, db_path, sites_file)
        for url, final, kind in seq.db.execute("select url, final_url, kind from pages"):
            seq.kinds[url] = seq.kinds[final or url] = kind
        seq.runs["unchanged"] = run(recorder, db_path, sites_file)
        seq.runs["revalidate"] = run(recorder, db_path, sites_file, "--revalidate-after", "0")
        seq.edited = web.edit_article(seq.edited.url, EDIT)
        web.remove_article(seq.removed.url)
        seq.runs["changed"] = run(recorder, db_path, sites_file, "--revalidate-after", "0")
        yield seq


def test_the_first_crawl_archives_every_article_once(sequence):
    first = sequence.runs["first"]
    assert first.counts["articles"] == len(sequence.web.articles) + 1  # one removed since
    assert first.counts["article_versions"] == first.counts["articles"]  # the first version too
    assert first.crawl["status"] == "finished"


def test_an_unchanged_web_costs_only_its_listings_feeds_and_sitemaps(sequence):
    unchanged = sequence.runs["unchanged"]
    requested = {canonical_url(s.url) for s in unchanged.requests}
    assert not requested & sequence.articles
    # Every request is robots.txt or a page the archive held as a listing when the crawl
    # began (home, categories, pagination, tags, sitemaps, feeds, and pages that link around).
    for url in requested:
        assert url.endswith("/robots.txt") or sequence.kinds.get(url) == "listing", url
    assert not any("if-none-match" in s.headers for s in unchanged.requests)
    assert unchanged.counts == sequence.runs["first"].counts  # no row added anywhere
    assert unchanged.crawl["articles_new"] == 0
    # The crawl row's figures are the downloader's own: every request the server saw.
    assert unchanged.crawl["requests"] == len(unchanged.requests)
    assert unchanged.crawl["bytes"] < sequence.runs["first"].crawl["bytes"] / 2
    assert len(unchanged.requests) < len(sequence.runs["first"].requests)


def test_revalidate_after_zero_sends_conditional_requests_and_gets_304s(sequence):
    revalidate = sequence.runs["revalidate"]
    asked = [s for s in revalidate.requests if canonical_url(s.url) in sequence.articles]
    assert asked
    assert all("if-none-match" in s.headers for s in asked)
    conditional = [s for s in revalidate.requests if "if-none-match" in s.headers]
    assert revalidate.crawl["not_modified"] == len(conditional)
    assert revalidate.counts == sequence.runs["first"].counts  # a 304 stores nothing
    assert revalidate.crawl["articles_changed"] == 0


def test_a_changed_article_gets_a_second_version(sequence):
    db = sequence.db
    row = next(db.query(
        "select a.* from article_urls u join articles a on a.id = u.article_id where u.url = ?",
        [canonical_url(sequence.edited.url)]))  # fmt: skip
    assert row["version"] == 2
    assert EDIT in row["text"]
    versions = list(db.query(
        "select version, text from article_versions where article_id = ? order by version",
        [row["id"]]))  # fmt: skip
    assert [v["version"] for v in versions] == [1, 2]
    assert EDIT not in versions[0]["text"] and EDIT in versions[1]["text"]
    changed = sequence.runs["changed"]
    assert changed.crawl["articles_changed"] == 1
    assert (
        changed.counts["article_versions"] == sequence.runs["first"].counts["article_versions"] + 1
    )
    assert db.execute("select count(*) from articles where version > 1").fetchone()[0] == 1


def test_a_removed_article_is_marked_and_kept(sequence):
    db = sequence.db
    url = canonical_url(sequence.removed.url)
    row = next(db.query(
        "select a.* from article_urls u join articles a on a.id = u.article_id where u.url = ?",
        [url]))  # fmt: skip
    assert (
        row["removed"] is not None and row["removed"] >= sequence.runs["changed"].crawl["started"]
    )
    assert row["text"]  # kept, with its text
    page = db.table("pages").get(url)
    assert page["status"] == 404 and page["article_id"] == row["id"]
    assert db.execute("select count(*) from articles where removed is not null").fetchone()[0] == 1
    assert sequence.runs["changed"].counts["articles"] == sequence.runs["first"].counts["articles"]
    removed = db.execute(
        "select sum(articles_removed) from crawl_sites where crawl_id = ?",
        [sequence.runs["changed"].crawl["id"]],
    ).fetchone()[0]
    assert removed == 1


def test_the_summary_tables_agree_with_the_articles_after_every_run(sequence):
    db = sequence.db
    assert summary.check(db) == []
    total = db.execute("select sum(articles) from site_stats").fetchone()[0]
    assert total == sequence.runs["changed"].counts["articles"]
    last = db.execute("select distinct last_crawl from site_stats").fetchall()
    assert last == [(sequence.runs["changed"].crawl["started"],)]


# --- sitemap lastmod ------------------------------------------------------------------


@dataclass
class SitemapRuns:
    web: SampleWeb
    first: Run
    fresh: Run  # every page due by age, the sitemap says unchanged
    edited_url: str
    after_edit: Run  # default age (nothing due), the sitemap says one page changed


@pytest.fixture(scope="module")
def sitemap_runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SitemapRuns]:
    """The Drupal site, entered through its sitemap only (every entry has a lastmod)."""
    tmp = tmp_path_factory.mktemp("sitemap")
    web = build_sample_web(articles_per_site=4, sites=4)
    recorder = Recorder()
    with SampleWebServer(web, faults={EVERYTHING: recorder}) as server:
        base = server.urls["drupal"]
        sites_file = tmp / "sites.toml"
        sites_file.write_text(
            f'[[site]]\nid = "drupal"\nname = "Drupal"\nprovince = "Cần Thơ"\n'
            f'start_urls = ["{base}/sitemap.xml"]\n', encoding="utf-8",
        )  # fmt: skip
        db_path = tmp / "archive.db"
        first = run(recorder, db_path, sites_file)
        time.sleep(1.1)
        fresh = run(recorder, db_path, sites_file, "--revalidate-after", "1s")
        edited = plain_article(web, "drupal")
        web.edit_article(edited.url, EDIT)
        after_edit = run(recorder, db_path, sites_file)
        yield SitemapRuns(web, first, fresh, canonical_url(edited.url), after_edit)


def test_a_sitemap_lastmod_older_than_the_last_check_skips_the_page(sitemap_runs):
    drupal = {canonical_url(a.url) for a in sitemap_runs.web.articles if a.site_id == "drupal"}
    assert drupal <= {canonical_url(s.url) for s in sitemap_runs.first.requests}
    requested = {canonical_url(s.url) for s in sitemap_runs.fresh.requests}
    assert not requested & drupal  # due by age, but the sitemap says unchanged
    assert sitemap_runs.fresh.counts == sitemap_runs.first.counts


def test_a_newer_sitemap_lastmod_fetches_the_page_before_it_is_due(sitemap_runs):
    drupal = {canonical_url(a.url) for a in sitemap_runs.web.articles if a.site_id == "drupal"}
    requested = {canonical_url(s.url) for s in sitemap_runs.after_edit.requests}
    assert requested & drupal == {sitemap_runs.edited_url}
    assert sitemap_runs.after_edit.crawl["articles_changed"] == 1
