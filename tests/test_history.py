"""The rules the monitors apply (archive/store/history.py), and the per-site item validation.

The rules are pure functions of a crawl's figures and the site's earlier ones; the
database queries behind them are exercised on a real archive file; the validation
pipeline is Spidermon's, in a real Scrapy crawler.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from archive.extract.records import Article
from archive.store import history
from archive.store.history import Figures
from archive.store.migrations import open_db
from crawler.items import AttachmentItem, PageItem
from crawler.monitors import ArticleValidation, validation_by_site

BASE = Figures(crawl_id=1, site_id="s", started="2026-01-01T02:00:00Z", status="ok", pages=40,
               found=20, articles_new=20, errors=0, listings=10, extracted=20, with_title=20,
               with_date=20, with_author=15, body_words=8000, generic=2)  # fmt: skip


def crawl(n: int, **changes: object) -> Figures:
    return replace(BASE, crawl_id=n, started=f"2026-01-{n:02d}T02:00:00Z", **changes)  # type: ignore[arg-type]


def verdicts(findings: list[history.Finding]) -> dict[str, bool]:
    return {f.monitor: f.passed for f in findings}


def test_a_fall_to_zero_always_alerts_and_a_fall_by_half_against_the_usual() -> None:
    before = [crawl(3, found=20), crawl(2, found=22), crawl(1, found=18)]
    assert verdicts(history.judge_articles(crawl(4, found=0), before))["zero-articles"] is False
    assert verdicts(history.judge_articles(crawl(4, found=0), []))["zero-articles"] is False
    fewer = history.judge_articles(crawl(4, found=9), before)
    assert verdicts(fewer) == {"zero-articles": True, "fewer-articles": False}
    assert "under half the 20 usual" in fewer[1].message
    assert verdicts(history.judge_articles(crawl(4, found=10), before))["fewer-articles"]
    # A site with 3 articles may show 1: under FEWER_MIN the fall is not judged.
    small = [crawl(1, found=3)]
    assert verdicts(history.judge_articles(crawl(2, found=1), small))["fewer-articles"]


def test_no_new_articles_alert_only_when_the_sites_own_pace_says_more() -> None:
    before = [crawl(1)]
    week_later = crawl(8, articles_new=0)
    # 2 articles a week over the last year: a week without one is normal.
    assert history.judge_new(week_later, before, per_day=2 / 7).passed
    # 3 a day: about 21 expected in a week, none came.
    daily = history.judge_new(week_later, before, per_day=3.0)
    assert not daily.passed and "about 21" in daily.message
    assert history.judge_new(crawl(8, articles_new=6), before, per_day=3.0).passed
    assert history.judge_new(crawl(1, articles_new=0), [], per_day=3.0).passed  # first crawl


def test_a_field_that_disappears_is_caught_against_the_sites_history() -> None:
    before = [crawl(2), crawl(1)]
    undated = verdicts(history.judge_coverage(crawl(3, with_date=0), before))
    assert undated == {"coverage-title": True, "coverage-date": False, "coverage-author": True,
                       "body-length": True, "generic-share": True}  # fmt: skip
    # 0 authors among 3 articles, where 75 % had one: chance does that 1.6 % of the time.
    few_authors = crawl(3, extracted=3, with_title=3, with_date=3, with_author=0, body_words=1200)
    assert verdicts(history.judge_coverage(few_authors, before))["coverage-author"]
    assert not verdicts(
        history.judge_coverage(
            replace(few_authors, extracted=5, with_title=5, with_date=5, body_words=2000), before
        )
    )["coverage-author"]  # 0.1 %: an alert
    # A site that never printed authors is not alerted for having none.
    no_authors = [crawl(2, with_author=0), crawl(1, with_author=0)]
    assert verdicts(history.judge_coverage(crawl(3, with_author=0), no_authors))["coverage-author"]
    short = verdicts(history.judge_coverage(crawl(3, body_words=2000), before))
    assert short["body-length"] is False
    generic = verdicts(history.judge_coverage(crawl(3, generic=18), before))
    assert generic["generic-share"] is False
    # Too few articles to judge (a recrawl answered with 304s): passed, and says so.
    few = history.judge_coverage(crawl(3, extracted=1, with_date=0), before)
    assert all(f.passed and f.message.startswith("not judged") for f in few)


def test_listings_errors_timeouts_and_offsite_redirects_against_history() -> None:
    before = [crawl(1, listings=10, errors=1, timeouts=0, offsite_redirects=1)]
    ok = verdicts(history.judge_pages(crawl(2, listings=12, errors=2, offsite_redirects=1), before))
    assert all(ok.values()), ok
    bad = verdicts(history.judge_pages(
        crawl(2, listings=30, errors=20, timeouts=10, offsite_redirects=3), before))  # fmt: skip
    assert bad == {"listings": False, "http-errors": False, "timeouts": False,
                   "offsite-redirects": False}  # fmt: skip


def test_errors_and_timeouts_are_judged_only_against_history() -> None:
    # A first crawl's dead template links (404s) are the site's normal, not an alert.
    first = verdicts(history.judge_pages(crawl(1, errors=10, timeouts=8), []))
    assert first["http-errors"] and first["timeouts"]


def test_robots_and_validation_findings_name_what_they_found() -> None:
    robots = history.judge_robots("s", ["http://s.test/news/", "http://s.test/news/2"])
    assert (
        not robots.passed
        and "forbids 2 pages" in robots.message
        and "http://s.test/news/" in robots.message
    )
    assert history.judge_robots("s", []).passed
    invalid = history.judge_validation("s", 3, ["article.title: too short (3)"])
    assert (
        not invalid.passed and "3 article items" in invalid.message and "title" in invalid.message
    )


def test_evaluate_and_schedule_on_an_archive(tmp_path: Path) -> None:
    db = open_db(str(tmp_path / "a.db"))
    for site in ("fresh", "stale", "dark"):
        db["sites"].insert({"id": site, "name": site, "province": "P", "start_urls": "[]",
                            "first_crawled": "2026-01-01T02:00:00Z"})  # fmt: skip
    rows = [(1, "2026-01-01T02:00:00Z", {"fresh": "ok", "stale": "ok", "dark": "ok"}),
            (2, "2026-01-05T02:00:00Z", {"fresh": "ok", "dark": "failed"})]  # fmt: skip
    for crawl_id, started, statuses in rows:
        db["crawls"].insert({"id": crawl_id, "started": started, "status": "finished"})
        for site, status in statuses.items():
            found = 0 if status == "failed" else 12
            db["crawl_sites"].insert({"crawl_id": crawl_id, "site_id": site, "status": status,
                                      "pages": 20, "articles_seen": found, "errors": 0})  # fmt: skip
    findings = history.evaluate(db, 2, schedule=86400.0,
                                now=datetime(2026, 1, 5, 12, tzinfo=UTC))  # fmt: skip
    failed = {(f.site_id, f.monitor) for f in findings if not f.passed}
    assert failed == {("dark", "zero-articles"), ("dark", "schedule"), ("stale", "schedule")}
    # A site that never had a good crawl is judged by its own crawls, not by others'.
    db["sites"].insert({"id": "never", "name": "never", "province": "P", "start_urls": "[]",
                        "first_crawled": "2026-01-01T02:00:00Z"})  # fmt: skip
    db["crawl_sites"].insert({"crawl_id": 1, "site_id": "never", "status": "failed"})
    later = datetime(2026, 1, 5, 12, tzinfo=UTC)

    def never(crawled: list[str]) -> history.Finding:
        found = history.judge_schedule(db, later, 86400.0, crawled)
        return next(f for f in found if f.site_id == "never")

    assert never(["fresh"]).passed
    assert not never(["never"]).passed
    history.save(db, 2, findings)
    history.save(db, 2, findings)  # the monitors run again: replaced, not doubled
    assert history.results(db, 2) == findings
    assert db.execute("select alerts from site_health where site_id = 'dark'").fetchone()[0] == 2
    assert db.execute("select alerts from site_health where site_id = 'fresh'").fetchone()[0] == 0


def test_item_validation_counts_failures_per_site_and_drops_nothing() -> None:
    crawler = get_crawler(settings_dict={
        "SPIDERMON_ENABLED": True,
        "SPIDERMON_VALIDATION_SCHEMAS": ["crawler.monitors.PAGE_ITEM_SCHEMA"]})  # fmt: skip
    crawler.stats.open_spider()
    pipeline = ArticleValidation.from_crawler(crawler)
    good = Article(url="http://a.test/1", title="Khai giảng", date="2026-01-02", text="Nội dung")
    bad = Article(url="http://b.test/1", title="", date="02/01/2026", text="Nội dung")
    items = [
        PageItem("a", "http://a.test/1", "article", "2026-01-02T00:00:00Z", article=good),
        PageItem("b", "http://b.test/1", "article", "2026-01-02T00:00:00Z", article=bad),
        PageItem("b", "http://b.test/", "listing", "2026-01-02T00:00:00Z"),
        AttachmentItem("b", "http://b.test/x.pdf", [], "2026-01-02T00:00:00Z", None, None, 1, "0"),
    ]
    assert [pipeline.process_item(item) for item in items] == items  # none dropped
    stats = crawler.stats.get_stats()
    assert stats["spidermon/validation/items"] == 3  # the attachment has no schema
    assert stats["spidermon/validation/items/errors"] == 1
    found = validation_by_site(stats)
    assert set(found) == {"b"}
    count, errors = found["b"]
    assert count == 1
    assert any(e.startswith("article.title") for e in errors)
    assert any(e.startswith("article.date") for e in errors)


@pytest.mark.parametrize("name", history.MONITORS)
def test_every_monitor_has_a_spidermon_check(name: str) -> None:
    source = (Path(__file__).parents[1] / "crawler/monitors.py").read_text(encoding="utf-8")
    assert f'self.check("{name}")' in source


async def test_datasette_shows_a_crawls_monitors_and_links_each_sites_alerts(
    tmp_path: Path,
) -> None:
    from archive.serve import make_datasette

    db = open_db(str(tmp_path / "archive.db"))
    db["sites"].insert_all([{"id": s, "name": s, "province": "P"} for s in ("dark", "fine")])
    for crawl_id, day in ((1, "01"), (2, "02")):
        db["crawls"].insert(
            {"id": crawl_id, "started": f"2026-01-{day}T02:00:00Z", "status": "finished"}
        )
        db["crawl_sites"].insert_all([{"crawl_id": crawl_id, "site_id": s, "status": "ok"}
                                      for s in ("dark", "fine")])  # fmt: skip
    old = history.Finding(
        "dark", "coverage-date", False, "date found on 0% of 9 articles extracted"
    )
    history.save(db, 1, [old])
    history.save(db, 2, [
        history.Finding("dark", "zero-articles", False, "no articles seen among 3 pages fetched"),
        history.Finding("dark", "robots-forbidden", True, "no page fetched before is forbidden"),
        history.Finding("fine", "zero-articles", True, "12 articles seen"),
        history.Finding("dark", "schedule", False, "no good crawl since 2026-01-01T02:00:00Z"),
    ])  # fmt: skip
    db.close()
    ds = make_datasette(tmp_path / "archive.db")
    report = (await ds.client.get("/archive/monitor_report.json?crawl_id=2&_shape=array")).json()
    assert [(r["site_id"], r["monitor"], r["result"]) for r in report] == [
        ("dark", "zero-articles", "failed"), ("dark", "schedule", "failed"),
        ("dark", "robots-forbidden", "passed"), ("fine", "zero-articles", "passed")]  # fmt: skip
    assert report[0]["message"] == "no articles seen among 3 pages fetched"
    page = (await ds.client.get("/archive/monitor_report?crawl_id=2")).text
    assert page.count('<span class="status-alert">failed</span>') == 2
    health = (await ds.client.get("/archive/site_health_report")).text
    assert '<a class="status-alert" href="/archive/site_alerts?site=dark">2 alerts</a>' in health
    assert "site_alerts?site=fine" not in health  # no alert, no link
    alerts = (await ds.client.get("/archive/site_alerts.json?site=dark&_shape=array")).json()
    assert [(a["crawl_id"], a["monitor"]) for a in alerts] == [
        (2, "zero-articles"),
        (2, "schedule"),
    ]
