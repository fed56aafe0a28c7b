"""The crawl survives a faulty web: every reachable article archived, every failure explained.

One crawl of the sample web with the whole fault catalogue
(sampleweb/faults.py: 5xx bursts, 429 with Retry-After, timeouts,
resets mid-body, truncation, redirect loops and chains, redirects off-site
and to private addresses, calendars and endless pagination, session ids, a
50 MB page, binary data as HTML, a lying charset, an empty 200, broken HTML,
robots.txt rules), plus a site that cannot be reached at all, then a second
crawl after an article was deleted. ``benchmarks/chaos.py`` runs the same
campaign at a larger scale and with kills.
"""

from __future__ import annotations

import sqlite3
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlite_utils import Database

from archive.extract.shapes import shape_of
from archive.sites.registry import load_sites
from archive.sites.urls import canonical_url, host_allowed
from crawler.traps import TrapGuard
from sampleweb import SampleArticle, SampleWebServer, build_sample_web
from sampleweb.audit import Audit, CrawlRun, audit, crawl_command, run_crawl
from sampleweb.faults import (
    BOUNDED,
    CATALOGUE,
    DISALLOWED,
    FAULTS,
    REMOVED,
    FaultyWeb,
    ForeignHost,
)
from tests.crawling import FAST, crawl

pytestmark = pytest.mark.e2e

TIMEOUT = 2  # DOWNLOAD_TIMEOUT for the campaign: slow answers fail fast
PEAK_MB = 1500  # crawler + extraction workers, with a 50 MB page and two traps
DEAD_SITE = """
[[site]]
id = "dead-site"
name = "Trường Chính trị không truy cập được"
province = "Không rõ"
start_urls = ["http://127.0.0.251:9/"]
"""


@dataclass
class Campaign:
    faulty: FaultyWeb
    server: SampleWebServer
    foreign: ForeignHost
    db: Path
    sites: Path
    expected: list[SampleArticle]
    first: CrawlRun
    removed: list[SampleArticle]
    second: CrawlRun
    audit: Audit

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with closing(sqlite3.connect(self.db)) as db:
            return db.execute(sql, params).fetchall()


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Campaign]:
    tmp = tmp_path_factory.mktemp("faults")
    web = build_sample_web(articles_per_site=8)
    faulty = FaultyWeb(web, timeout=TIMEOUT)
    with ForeignHost() as foreign, SampleWebServer(web, faults=faulty.faults) as server:
        faulty.foreign = foreign.base
        sites = tmp / "sites.toml"
        sites.write_text(faulty.sites_toml(server) + DEAD_SITE, encoding="utf-8")
        db = tmp / "archive.db"
        expected = faulty.expected
        extra = ("-s", f"DOWNLOAD_TIMEOUT={TIMEOUT}", "--log-level", "INFO")
        first = run_crawl(crawl_command(db, sites, *extra), timeout=600)
        result = audit(db, expected, faulty)
        removed = faulty.remove_between_crawls()
        site_ids = sorted({a.site_id for a in removed})
        second = run_crawl(crawl_command(db, sites, *site_ids, "--revalidate-after", "0", *extra))
        yield Campaign(faulty, server, foreign, db, sites, expected, first, removed, second, result)


def test_the_campaign_injects_every_fault_of_the_catalogue(campaign):
    names = {i.fault.name for i in campaign.faulty.injected}
    assert names == {f.name for f in CATALOGUE}
    quiet = [
        i.fault.name
        for i in campaign.faulty.injected
        if not i.hits and i.fault.make is not None and i.fault.effect != DISALLOWED
    ]
    assert quiet == [], "faults never triggered"  # fmt: skip


def test_the_crawl_finishes_and_reports_the_dead_site(campaign):
    first = campaign.first
    assert first.returncode == 1, first.stderr[-3000:]  # a site failed entirely
    assert "failed entirely: dead-site" in first.stderr
    for site in load_sites(campaign.sites):
        assert site.id in first.stdout  # the summary has a line per site
    status = campaign.query("select status from crawls order by id")[0][0]
    assert status == "finished"


def test_no_unhandled_exception(campaign):
    assert campaign.first.crashes == 0, campaign.first.stderr[-5000:]
    assert campaign.second.crashes == 0, campaign.second.stderr[-5000:]


def test_every_reachable_article_is_archived_once(campaign):
    result = campaign.audit
    assert result.integrity == "ok"
    assert result.lost == []
    assert result.duplicates == []
    assert result.archived == result.expected == len(campaign.expected) > 40


def test_nothing_a_fault_forbids_is_archived(campaign):
    assert campaign.audit.leaked == []


def test_every_failure_is_recorded_with_its_reason(campaign):
    assert campaign.audit.unexplained == []
    rows = campaign.query(
        "select count(*) from pages where kind = 'error' and (error is null or error = '')"
    )
    assert rows == [(0,)]


def test_the_summary_counts_the_failures_per_site(campaign):
    errors = dict(campaign.query("select site_id, errors from crawl_sites where crawl_id = 1"))
    statuses = dict(campaign.query("select site_id, status from crawl_sites where crawl_id = 1"))
    assert statuses["dead-site"] == "failed"
    failing = {i.site_id for i in campaign.faulty.with_reason() if i.fault.effect != DISALLOWED}
    for site_id in failing:
        assert errors[site_id] > 0 and statuses[site_id] == "partial", site_id
    reason = campaign.query("select error from pages where site_id = 'dead-site'")
    assert reason and "Connection" in reason[0][0]


def test_the_crawler_never_leaves_the_sites(campaign):
    """Nothing fetched elsewhere; a private address in a site's domains is refused, and
    the refusal is what its pages row says."""
    assert campaign.foreign.hits == []
    sites = {s.id: s for s in load_sites(campaign.sites)}
    for site_id, url, kind, error in campaign.query("select site_id, url, kind, error from pages"):
        host = urlsplit(url).hostname
        if host != urlsplit(sites[site_id].start_urls[0]).hostname:
            assert host_allowed(url, sites[site_id]), url
            assert kind == "error" and error.startswith("AddressRefused: private address"), url
    for (url,) in campaign.query("select url from article_urls"):
        assert urlsplit(url).hostname.startswith("127.0.0."), url


def test_traps_stay_bounded_and_are_reported(campaign):
    for injection in campaign.faulty.injected:
        if injection.fault.effect != BOUNDED:
            continue
        path = urlsplit(injection.url).path
        pages = campaign.query(
            "select count(*) from pages where site_id = ? and url like ?",
            (injection.site_id, f"%{path}%"),
        )[0][0]
        message = campaign.query(
            "select message from crawl_sites where crawl_id = 1 and site_id = ?",
            (injection.site_id,),
        )[0][0]
        assert 1 < pages <= 40, (injection.fault.name, pages)
        assert "cap reached" in message or "trap guard" in message, message


def test_session_ids_never_reach_stored_urls(campaign):
    for table in ("pages", "article_urls"):
        rows = campaign.query(
            f"select url from {table} where lower(url) like '%jsessionid%' "
            "or lower(url) like '%phpsessid%'"
        )
        assert rows == [], table


def test_retry_after_is_honoured(campaign):
    """Each 429/503 with Retry-After is followed by a pause at least that long."""
    for injection in campaign.faulty.injected:
        if injection.fault.name in ("throttle-429", "burst-503"):
            wanted = 2 if injection.fault.name == "throttle-429" else 1
            times = campaign.faulty.times[injection.url][: injection.hits + 1]
            gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
            assert len(gaps) == injection.hits, (injection.fault.name, times)
            assert min(gaps) >= wanted - 0.1, (injection.fault.name, gaps)


def test_robots_txt_is_obeyed(campaign):
    for injection in campaign.faulty.injected:
        if injection.fault.effect == DISALLOWED:
            urls = [injection.url, *(campaign.faulty.absolute(injection, p)
                                     for p in injection.aliases)]  # fmt: skip
            assert all(campaign.server.hits[u] == 0 for u in urls), urls
            assert injection.hits == 0


def test_the_charset_lie_is_seen_through(campaign):
    with closing(sqlite3.connect(campaign.db)) as db:
        for injection in campaign.faulty.injected:
            if injection.fault.name in ("charset-lie", "malformed-html"):
                truth = campaign.faulty.web.truth(injection.entry)
                row = db.execute(
                    "select a.title, a.published from article_urls u join articles a "
                    "on a.id = u.article_id where u.url = ?", [canonical_url(truth.url)],
                ).fetchone()  # fmt: skip
                assert row == (truth.title, truth.date), injection.fault.name


def test_memory_stays_bounded(campaign):
    assert 0 < campaign.first.peak_mb < PEAK_MB


def test_an_article_gone_from_the_site_stays_in_the_archive_marked_removed(campaign):
    assert campaign.second.returncode == 0, campaign.second.stderr[-3000:]
    assert campaign.removed
    for article in campaign.removed:
        row = campaign.query(
            "select a.removed, a.text from article_urls u join articles a on a.id = u.article_id "
            "where u.url = ?", (canonical_url(article.url),),
        )  # fmt: skip
        assert row and row[0][0] is not None and row[0][1], article.url
    injected = [i for i in campaign.faulty.injected if i.fault.effect == REMOVED]
    assert len(injected) == len(campaign.removed)


# --- small, fast checks of the pieces -------------------------------------------------


def test_ground_truth_of_the_faulty_web():
    web = build_sample_web(articles_per_site=8)
    faulty = FaultyWeb(web)
    lost = {a.url for a in faulty.lost}
    expected = {a.url for a in faulty.expected}
    assert lost and not lost & expected
    assert len(expected) + len(lost) + 1 == len(web.articles)  # truncated-html: no verdict
    placed = [i.fault.name for i in faulty.injected]
    assert sorted(placed) == sorted(f.name for f in CATALOGUE)
    robots = [i for i in faulty.injected if i.fault.name in ("robots-txt", "robots-disallowed")]
    assert len({i.site_id for i in robots}) == 1  # the rules go where the article is
    again = FaultyWeb(build_sample_web(articles_per_site=8))
    assert [(i.fault.name, i.path) for i in again.injected] == [
        (i.fault.name, i.path) for i in faulty.injected
    ]  # deterministic


def test_faults_are_stateful_bursts():
    web = build_sample_web(articles_per_site=4, sites=1)
    faulty = FaultyWeb(web, faults=(FAULTS["burst-500"],))

    with SampleWebServer(web, faults=faulty.faults):
        injection = faulty.injected[0]
        url = faulty.absolute(injection, injection.path)
        statuses = []
        for _ in range(3):
            try:
                statuses.append(urllib.request.urlopen(url, timeout=5).status)
            except urllib.error.HTTPError as exc:
                statuses.append(exc.code)
    assert statuses == [500, 500, 200]


def test_trap_guard_cuts_barren_chains_only_where_url_shapes_work():
    guard = TrapGuard(limit=2)
    assert guard.follow("s", guard.step("s", 0, [])) is True  # no article shape seen yet: off
    assert guard.step("s", 0, ["a1", "a2"]) == 0
    assert guard.step("s", 0, ["a1"]) == 1  # nothing new
    assert guard.follow("s", 1)
    assert guard.step("s", 1, ["a2"]) == 2
    assert not guard.follow("s", 2) and guard.cut["s"] == 1
    assert guard.step("s", 2, ["a3"]) == 0  # a new article: productive again
    assert TrapGuard(limit=0).follow("s", 99)


# --- kills (slow: pytest -m slow, or benchmarks/chaos.py) --------------------------------


@pytest.mark.slow
def test_killed_at_random_moments_twenty_times_and_restarted(tmp_path):
    """SIGKILL at random moments, 20 times, each followed by a restart that resumes; then a
    crawl left to finish. Intact database after every kill, every article once, WARC files
    valid (torn tails cut by the next start), nothing pending, every killed crawl marked."""
    from sampleweb.audit import kill_campaign

    web = build_sample_web(articles_per_site=12)
    faults = tuple(f for f in CATALOGUE if f.effect != REMOVED)
    faulty = FaultyWeb(web, faults=faults, timeout=TIMEOUT)
    with ForeignHost() as foreign, SampleWebServer(web, faults=faulty.faults) as server:
        faulty.foreign = foreign.base
        sites = faulty.write_sites(server, tmp_path / "sites.toml")
        report = kill_campaign(
            tmp_path / "archive.db", sites, lambda: faulty.expected, runs=20, faulty=faulty,
            longest=10, extra=("-s", f"DOWNLOAD_TIMEOUT={TIMEOUT}"),
        )  # fmt: skip
    assert report.runs == 20 and report.kills >= 15, report.log
    assert report.broken_after_kill == []
    assert report.crashes == 0 and report.orphans == 0
    assert report.final is not None and report.final.returncode == 0, report.final.stderr[-3000:]
    assert report.audit is not None
    assert report.audit.lost == [] and report.audit.duplicates == [] and report.audit.leaked == []
    assert report.audit.integrity == "ok"
    assert report.warcs is not None and report.warcs.files > 0
    assert report.warcs.torn == [] and report.warcs.invalid == [] and report.warcs.dangling == 0
    assert report.torn_after_kill >= report.torn_made > 0  # torn tails were there, and cut
    assert report.pending == 0
    assert set(report.crawl_statuses) <= {"finished", "killed"}  # none left "running"
    # A kill during start-up may come before the crawl's row exists.
    assert 0 < report.crawl_statuses["killed"] <= report.kills


def test_shapes_that_name_articles_and_listings_alike_still_count_as_article_links():
    """WebSphere's opaque !ut/p/z0 URLs name articles and listing pages alike: the shape is
    never confirmed, but its links are article links to the trap guard."""
    from archive.extract.shapes import ShapeBook

    book = ShapeBook()
    base = "http://h/wps/portal/tct/!ut/p/z0/"
    for i, kind in enumerate(["article"] * 8 + ["listing"] * 3):
        book.record(f"{base}Dnja{i}x9E30DcCAAP/", kind)
    assert book.verdict(shape_of(f"{base}Z/")) is None  # mixed: never a shortcut
    links = [f"{base}Qk{i}9E3/" for i in range(3)] + ["http://h/wps/portal/tct/lien-he/"]
    assert book.article_shaped(links) == links[:3]


def test_a_websphere_site_of_200_articles_is_archived_whole(tmp_path: Path):
    """Its listing pages and articles share one opaque URL shape; the trap guard cut the
    pagination and 68 of 200 articles were lost, with exit 0 (issue 15's benchmark)."""
    web = build_sample_web(articles_per_site=200, sites=7)
    with SampleWebServer(web) as server:
        sites = server.write_sites(tmp_path / "sites.toml")
        done = crawl(tmp_path / "archive.db", sites, "websphere", *FAST)
    assert done.returncode == 0, done.stderr[-2000:]
    stored = Database(tmp_path / "archive.db").execute("select count(*) from articles")
    assert stored.fetchone()[0] == 200
