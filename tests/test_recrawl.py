"""Unit tests of the recrawl policy, the frontier and the database lock (no crawling)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from archive.capture import frontier
from archive.capture.recrawl import (
    PageState,
    decide,
    page_state,
    parse_duration,
    parse_time,
    period_end,
    prepare,
    relisting,
    remember_fresh,
    settled_listing,
)
from archive.store import lock
from archive.store import writer as store
from tests.conftest import make_article

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def state(**fields: object) -> PageState:
    values: dict[str, object] = dict(
        kind="article",
        status=200,
        checked="2026-11-20T12:00:00Z",
        etag='"abc"',
        last_modified="Fri, 20 Nov 2026 10:00:00 GMT",
        crawl_id=1,
        article_id=7,
    )
    values.update(fields)
    return PageState(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("0", 0),
        ("3600", 3600),
        ("45s", 45),
        ("90m", 5400),
        ("12h", 43200),
        ("7d", 604800),
        ("2w", 1209600),
        ("1d12h", 129600),
        ("1.5h", 5400),
        (0, 0),
        (30.5, 30.5),
    ],
)
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "7x", "d", "-1", "1 week", "7d!"])
def test_bad_durations_are_refused(text):
    with pytest.raises(ValueError):
        parse_duration(text)


def test_a_new_url_is_fetched_unconditionally():
    decision = decide(None, now=NOW, revalidate_after=86400)
    assert decision.fetch and not decision.conditional


def test_a_fresh_article_is_skipped_and_a_stale_one_revalidated():
    fresh = decide(state(), now=NOW, revalidate_after=2 * 86400)
    assert not fresh.fetch
    due = decide(state(), now=NOW, revalidate_after=86400)
    assert due.fetch
    assert due.headers == {
        "If-None-Match": '"abc"',
        "If-Modified-Since": "Fri, 20 Nov 2026 10:00:00 GMT",
    }


def test_zero_means_every_run_even_against_an_old_lastmod():
    decision = decide(
        state(checked=NOW.isoformat()), now=NOW, revalidate_after=0, lastmod="2020-01-01"
    )
    assert decision.fetch and decision.conditional


def test_sitemap_lastmod_decides_before_the_age():
    older = decide(state(), now=NOW, revalidate_after=3600, lastmod="2026-11-19T08:00:00+07:00")
    assert not older.fetch and older.reason == "lastmod-older"
    newer = decide(state(), now=NOW, revalidate_after=30 * 86400, lastmod="2026-11-21")
    assert newer.fetch and newer.reason == "lastmod" and newer.conditional


def test_a_lastmod_in_the_second_of_the_last_check_fetches_the_page():
    """Both are whole seconds: the page may have changed after the check in that second."""
    same = decide(state(), now=NOW, revalidate_after=3600, lastmod="2026-11-20T19:00:00+07:00")
    assert same.fetch and same.reason == "lastmod"
    earlier = decide(state(), now=NOW, revalidate_after=3600, lastmod="2026-11-20T11:59:59Z")
    assert not earlier.fetch


def test_a_bare_lastmod_date_means_the_end_of_that_day_in_vietnam():
    """Checked at 03:00 UTC (10:00 in Vietnam), edited that evening: ``2023-05-01`` may be
    later than the check, and stays so on every later crawl until the page is fetched."""
    checked = state(checked="2023-05-01T03:00:00Z")
    for now in (datetime(2023, 5, 1, 12, tzinfo=UTC), datetime(2023, 7, 1, 12, tzinfo=UTC)):
        decision = decide(checked, now=now, revalidate_after=7 * 86400, lastmod="2023-05-01")
        assert decision.fetch and decision.reason == "lastmod"
    after = state(checked="2023-05-01T17:00:00Z")  # 00:00 on 2 May in Vietnam
    later = decide(after, now=datetime(2023, 5, 9, tzinfo=UTC), revalidate_after=7 * 86400,
                   lastmod="2023-05-01")  # fmt: skip
    assert not later.fetch and later.reason == "lastmod-older"


@pytest.mark.parametrize("fresh", [False, True])
def test_an_older_lastmod_puts_a_revalidation_off_for_a_while_never_for_ever(fresh):
    """``lastmod`` (often wrong on CMS sitemaps) skips a due page only within LASTMOD_TRUST
    of its last check; the run's remembered verdict (listing links, the sweep) too."""
    old = state(checked="2023-05-01T18:00:00Z", sitemap_fresh=fresh)
    lastmod = None if fresh else "2023-04-01"
    week = decide(old, now=datetime(2023, 5, 9, tzinfo=UTC), revalidate_after=86400,
                  lastmod=lastmod)  # fmt: skip
    assert not week.fetch and week.reason == "lastmod-older"
    months = decide(old, now=datetime(2023, 7, 1, tzinfo=UTC), revalidate_after=86400,
                    lastmod=lastmod)  # fmt: skip
    assert months.fetch and months.reason == "due" and months.conditional


def test_listings_and_errors_are_fetched_every_run():
    assert decide(state(kind="listing", article_id=None), now=NOW, revalidate_after=1e9).fetch
    failed = state(kind="error", status=503, article_id=None)
    assert decide(failed, now=NOW, revalidate_after=1e9).reason == "retry"


def test_a_gone_page_is_known_and_revalidated_without_validators():
    gone = state(kind="error", status=404)
    assert not decide(gone, now=NOW, revalidate_after=2 * 86400).fetch
    again = decide(gone, now=NOW, revalidate_after=3600)
    assert again.fetch and not again.conditional


def test_parse_time_accepts_w3c_and_stored_times():
    assert parse_time("2026-11-21T12:00:00Z") == NOW
    assert parse_time("2026-11-21T19:00:00+07:00") == NOW
    assert parse_time("2026-11-21") == NOW - timedelta(hours=12)
    assert parse_time("21/11/2026") is None


def test_page_state_reads_pages_and_article_urls(db):
    url = "http://127.0.0.9/a-1.html"
    prepare(db)
    assert page_state(db, url) is None
    outcome = store.save_article(
        db, "s1", url, make_article(url), fetched="2026-11-20T00:00:00Z", crawl_id=None
    )
    known = page_state(db, url)
    assert known is not None and known.article_id == outcome.article_id and known.kind is None
    store.save_page(
        db,
        {
            "url": url,
            "site_id": "s1",
            "kind": "article",
            "status": 200,
            "checked": "2026-11-21T00:00:00Z",
            "etag": '"e"',
        },
    )
    known = page_state(db, url)
    assert known is not None and known.checked == "2026-11-21T00:00:00Z" and known.etag == '"e"'
    assert not known.sitemap_fresh
    remember_fresh(db, url)
    known = page_state(db, url)
    assert known is not None and known.sitemap_fresh
    assert not decide(known, now=NOW, revalidate_after=1).fetch  # found again via a link
    assert decide(known, now=NOW, revalidate_after=0).fetch


def test_frontier_take_over_builds_the_job(db):
    first = store.start_crawl(db, ["s1", "s2"], 1)
    frontier.add(db, "http://a/1", "s1", 1, frontier.PAGE, first)
    frontier.add(db, "http://b/1", "s2", 1, frontier.PAGE, first)
    assert frontier.mark_dead_crawls(db) == [first]
    assert db.table("crawls").get(first)["status"] == "killed"
    second = store.start_crawl(db, ["s1"], 2)
    job, previous = frontier.take_over(db, second, ["s1"])
    assert job == {first, second} and previous == [first]
    assert [e.url for e in frontier.pending(db, previous, ["s1"])] == ["http://a/1"]
    frontier.add(db, "http://a/1", "s1", 1, frontier.PAGE, second)  # scheduled again: moves
    frontier.add(db, "http://a/2", "s1", 2, frontier.PAGE, second)
    assert list(frontier.pending(db, previous, ["s1"])) == []
    frontier.mark_dead_crawls(db)
    third = store.start_crawl(db, ["s1", "s2"], 3)
    job, previous = frontier.take_over(db, third, ["s1", "s2"])
    assert job == {first, second, third} and previous == [first, second]
    pending = frontier.pending(db, previous, ["s1", "s2"])
    assert [e.url for e in pending] == ["http://a/1", "http://b/1", "http://a/2"]
    with db.atomic():
        frontier.done(db, ["http://a/1"])
    assert frontier.count(db) == 2
    frontier.clear(db, second)
    assert frontier.count(db) == 1


def test_the_lock_is_exclusive_between_processes_and_reentrant_within_one(tmp_path: Path):
    db_path = str(tmp_path / "archive.db")
    lock.acquire(db_path)
    lock.acquire(db_path)  # the spider again, in the same process
    probe = [
        sys.executable,
        "-c",
        f"from archive.store import lock\ntry:\n lock.acquire({db_path!r})\nexcept lock.LockedError as e:"
        "\n print(e.pid)\n raise SystemExit(3)",
    ]
    result = subprocess.run(probe, capture_output=True, text=True, check=False)
    assert result.returncode == 3 and result.stdout.strip() == str(os.getpid())
    assert lock.holder(db_path) == os.getpid()
    lock.release(db_path)
    assert subprocess.run(probe, check=False).returncode == 3  # still held once
    lock.release(db_path)
    assert lock.holder(db_path) is None
    assert subprocess.run(probe, check=False).returncode == 0


def test_an_attachment_row_collects_the_articles_it_is_for(db):
    crawl = store.start_crawl(db, ["s1"], 1)
    for via in ("http://a/1", "http://a/2", "http://a/1", None):
        frontier.add(db, "http://a/doc.pdf", "s1", 0, frontier.ATTACHMENT, crawl, via=via)
    (entry,) = frontier.pending(db, [crawl], ["s1"])
    assert entry.kind == frontier.ATTACHMENT and entry.via == ("http://a/1", "http://a/2")


@pytest.mark.parametrize(
    ("url", "end"),
    [
        ("http://h/2023/05/", "2023-05-31T17:00:00+00:00"),
        ("http://h/2023/05/page/2/", "2023-05-31T17:00:00+00:00"),
        ("http://h/?m=202312", "2023-12-31T17:00:00+00:00"),
        ("http://h/2023/", "2023-12-31T17:00:00+00:00"),
        ("http://h/2023/02/28/", "2023-02-28T17:00:00+00:00"),
        ("http://h/2023/05/le-be-giang/", None),
        ("http://h/?p=2023", None),
    ],
)
def test_a_date_archive_knows_when_its_period_ended(url, end):
    found = period_end(url)
    assert (found.isoformat() if found else None) == end


def test_a_settled_date_archive_is_revalidated_like_a_known_page():
    checked = "2023-06-05T00:00:00Z"  # five days after May ended in Vietnam
    listing = PageState("listing", 200, checked, '"e"', None, 1, None)
    now = datetime(2023, 6, 8, tzinfo=UTC)
    assert settled_listing("http://h/2023/05/", listing)
    assert not settled_listing("http://h/2023/06/", listing)  # June goes on
    fresh = decide(listing, now=now, revalidate_after=7 * 86400, settled=True)
    assert not fresh.fetch and fresh.reason == "fresh"
    due = decide(listing, now=now + timedelta(days=7), revalidate_after=7 * 86400, settled=True)
    assert due.fetch and due.headers  # when due, conditionally
    assert decide(listing, now=now, revalidate_after=7 * 86400).fetch  # not settled: every run


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://h/tag/dao-tao/", True),
        ("http://h/vi/news/tag/hoc-vien/page-2", True),
        ("http://h/author/admin/", True),
        ("http://h/index.php?option=com_content&tag=5", True),
        ("http://h/2023/05/", True),
        ("http://h/category/tin-tuc/page/2/", False),
        ("http://h/vi/news/tin-tuc-su-kien/", False),
        ("http://h/2023/05/14/khai-giang/", False),
        ("http://h/tin-tuc/bai-viet-ve-tags-va-tu-khoa.html", False),
    ],
)
def test_tag_author_and_date_archives_are_relistings(url: str, expected: bool):
    assert relisting(url) is expected


def test_a_site_whose_sitemap_lists_its_posts_is_not_crawled_tag_by_tag(captured):
    """The sample web's WordPress site has twelve tag pages and a sitemap of its posts:
    every post is archived, no tag page is fetched, and the crawl says why."""
    from sqlite_utils import Database

    db = Database(captured.db_path)
    site = "wordpress"
    posts = {a.url for a in captured.web.articles if a.site_id == site}
    archived = {r[0] for r in db.execute("select url from article_urls where site_id = ?", [site])}
    assert posts <= archived
    fetched = [r[0] for r in db.execute("select url from pages where site_id = ?", [site])]
    assert not [url for url in fetched if "/tag/" in url]
    assert any("/category/" in url for url in fetched)  # categories are still followed
    messages = db.execute("select message from crawl_sites where site_id = ?", [site]).fetchone()
    assert "tag, author and date archives skipped" in messages[0]


def test_archives_wait_for_the_sites_sitemaps_then_go_or_are_dropped():
    from scrapy import Request

    from crawler.relistings import RelistingGate

    gate = RelistingGate()
    tag = Request("http://h/tag/dao-tao/")
    assert not gate.hold("s", tag)  # no sitemap in flight: sent at once
    gate.listing_started("s")
    gate.listing_started("s")
    assert gate.hold("s", tag) and not gate.hold("other", Request("http://o/tag/x/"))
    assert gate.listing_done("s") == []  # one sitemap still in flight
    assert gate.listing_done("s") == [tag]  # the spider now drops or sends it
    gate.listing_started("s")
    gate.hold("s", tag)
    assert gate.release_all() == [tag] and gate.listing_done("s") == []  # idle: all go
