"""One crawl run against the archive database.

Owns the database connection for the run (the spider reads through it, the
pipeline writes through it, both on the reactor thread), the database lock,
the ``crawls`` row, the frontier, and the per-site tallies written to
``crawl_sites`` when the run ends.

Opening a session takes the lock (archive/store/lock.py), marks crawls that died
``killed`` and adopts their pending requests (archive/capture/frontier.py). Each
response is stored together with the deletion of its frontier row, so a crawl
killed at any moment resumes with nothing lost and nothing stored twice.

Writes are grouped: one SQLite transaction holds everything written during
``commit_interval`` seconds (``ARCHIVE_COMMIT_INTERVAL``, 0.5 s), and each
response inside it is a savepoint. A commit per response cost a quarter of the
crawl process's storage CPU (WAL frames of the same index pages written again
and again). The guarantees hold at any commit point, because everything is
written in program order on one connection: the frontier rows of a page's
links (and documents) are written before the page itself, so a committed page
has its links committed; a page whose transaction was lost is still in the
frontier (its deletion was lost with it), and is fetched again on resume; a
WARC record whose ``captures`` row was lost lies after the last recorded
capture of its file, where the next run cuts torn tails.
"""

from __future__ import annotations

import logging
import os
import time
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from archive.capture import frontier, recrawl
from archive.extract.records import Article
from archive.sites.registry import Site
from archive.store import history, lock
from archive.store import writer as store
from archive.store.migrations import open_db
from archive.store.stats import failure_kind, site_message
from crawler.items import AttachmentItem, PageItem, SiteCounts
from crawler.workers import ARTICLE_SEEN_IN_CRAWL

logger = logging.getLogger(__name__)


@dataclass
class Shared:
    """What a job's crawl processes learned that each would otherwise learn alone (Redis
    mode): per site, what its pages of each URL shape were (``{site: {shape: {kind:
    count}}}``, archive.extract.shapes), and the sites a sitemap listed the pages of."""

    shapes: dict[str, dict[str, dict[str, int]]] = field(default_factory=dict)
    mapped: set[str] = field(default_factory=set)


class ArchiveSession:
    def __init__(self, db_path: str, sites: list[Site], *, commit_interval: float = 0.0):
        self.db_path = db_path
        self.commit_interval = commit_interval  # seconds per transaction; 0: one per write
        self._opened = 0.0  # monotonic time the open transaction began
        lock.acquire(db_path)  # LockedError: another crawl holds the database
        try:
            self.db: Database = open_db(db_path)
            self.sites = {site.id: site for site in sites}
            store.save_sites(self.db, sites)
            self.killed = frontier.mark_dead_crawls(self.db)
            self.crawl_id = store.start_crawl(self.db, list(self.sites), os.getpid())
            self.started: str = self.db.execute(
                "select started from crawls where id = ?", [self.crawl_id]
            ).fetchone()[0]
            self.job, self.resuming = frontier.take_over(self.db, self.crawl_id, self.sites)
            recrawl.prepare(self.db)
        except BaseException:
            lock.release(db_path)
            raise
        self.counts: dict[str, SiteCounts] = defaultdict(SiteCounts)

    # --- transactions ------------------------------------------------------------
    def _begin(self) -> None:
        """Open the batch's transaction before a write (with a commit interval)."""
        if self.commit_interval > 0 and not self.db.conn.in_transaction:
            self.db.conn.execute("BEGIN")
            self._opened = time.monotonic()

    def commit(self) -> None:
        """Commit what the open transaction holds (nothing to do without one)."""
        if self.db.conn.in_transaction:
            try:
                self.db.conn.execute("COMMIT")
            except BaseException:
                if self.db.conn.in_transaction:
                    self.db.conn.execute("ROLLBACK")
                raise

    def tick(self) -> None:
        """Commit a transaction open for ``commit_interval``: called after each response and
        by a timer, so an idle crawl's results are not held back (readers, the workers'
        alias lookups). A failure is logged (a full disk: the storage guard stops the crawl)."""
        if self.db.conn.in_transaction and (
            time.monotonic() - self._opened >= self.commit_interval
        ):
            try:
                self.commit()
            except Exception:
                logger.exception("committing the crawl's results failed")

    # --- the frontier ------------------------------------------------------------
    #: A response's record ends its request (Redis mode: its lease is released with it),
    #: so every request the response leads to must be queued before the record.
    record_releases_request = False

    def seeds(self) -> bool:
        """This run seeds the frontier from the registry (Redis mode: only the first worker)."""
        return True

    def seeded(self) -> None:
        """The registry's entry points are all scheduled."""

    def page_state(self, url: str) -> recrawl.PageState | None:
        return recrawl.page_state(self.db, url)

    def remember_fresh(self, url: str) -> None:
        self._begin()
        recrawl.remember_fresh(self.db, url)

    def done_in_job(self, state: recrawl.PageState | None) -> bool:
        """A known page this crawl, or the crawl it resumes, already stored."""
        return state is not None and state.known and state.crawl_id in self.job

    def resumed(self) -> Iterator[frontier.Entry]:
        """Requests left pending by the crawls this one resumes."""
        return frontier.pending(self.db, self.resuming, self.sites)

    def sites_with_feeds(self) -> set[str]:
        return recrawl.sites_with_feeds(self.db)

    def due_pages(self, site_id: str, revalidate_after: float) -> Iterator[str]:
        """Known pages of the site due for revalidation (archive/capture/recrawl.py)."""
        return recrawl.due_pages(self.db, site_id, datetime.now(UTC), revalidate_after)

    def schedule(
        self, url: str, site_id: str, depth: int, kind: str, via: str | None = None
    ) -> None:
        self._begin()
        frontier.add(self.db, url, site_id, depth, kind, self.crawl_id, via)

    def drop(self, url: str) -> None:
        """A pending request that will not be sent after all."""
        self._begin()
        with self.db.atomic():
            frontier.done(self.db, [url])

    # --- results -------------------------------------------------------------------
    def save(self, item: PageItem) -> store.Outcome | None:
        """Store one response (or failure) and retire its frontier row, in one transaction
        (a savepoint of the batch's)."""
        self._begin()
        with self.db.atomic():
            if item.status == 304:
                self._not_modified(item)
                outcome = None
            else:
                outcome = self._save(item)
            frontier.done(self.db, [item.url])
        if self.commit_interval > 0 and time.monotonic() - self._opened >= self.commit_interval:
            self.commit()  # a failure reaches the pipeline, which logs it
        return outcome

    def _save(self, item: PageItem) -> store.Outcome | None:
        counts = self.counts[item.site_id]
        counts.pages += 1
        outcome = None
        if item.article is not None:
            also = [item.url, *item.aliases] if item.final_url else item.aliases
            outcome = store.save_article(
                self.db, item.site_id, item.location, item.article,
                fetched=item.fetched, crawl_id=self.crawl_id, also=also,
            )  # fmt: skip
            self._count(counts, outcome)
            self._tally(counts, item.article)
            store.link_captures(self.db, item.captures, outcome.article_id)
        elif item.alias_of is not None:
            also = [item.location, *item.aliases, *([item.url] if item.final_url else [])]
            outcome = store.save_alias(
                self.db, item.site_id, item.alias_of, also, fetched=item.fetched
            )
            if outcome is not None:
                self._count(counts, outcome)
                store.link_captures(self.db, item.captures, outcome.article_id)
        row = item.page_row(self.crawl_id)
        row["article_id"] = outcome.article_id if outcome else None
        removed = self._removed(item) if item.status in recrawl.GONE else None
        if removed is not None:
            row["article_id"] = removed
            counts.articles_removed += 1
            counts.ok += 1  # the site answered; the article is gone, which is recorded
        elif item.kind == "error":
            counts.errors += 1
            counts.failures[failure_kind(item.error)] += 1
        else:
            counts.ok += 1
            counts.listings += item.kind == "listing"
            counts.robots += "robots.txt" in (item.error or "")
        store.save_page(self.db, row)
        return outcome

    def _removed(self, item: PageItem) -> int | None:
        """An article URL answering 404/410: the article is marked removed, never deleted."""
        found = None
        for url in dict.fromkeys([item.url, item.location]):
            found = store.mark_removed(self.db, url, item.fetched) or found
        return found

    def _not_modified(self, item: PageItem) -> None:
        counts = self.counts[item.site_id]
        counts.pages += 1
        counts.ok += 1
        counts.not_modified += 1
        if (article_id := self.article_id(item.url)) is not None:
            counts.found.add(article_id)
        also = [item.final_url] if item.final_url else []
        store.save_not_modified(
            self.db, item.url, checked=item.fetched, crawl_id=self.crawl_id, also=also
        )

    def save_capture(self, row: dict[str, Any]) -> int:
        """A response just written to WARC (crawler/warc.py); returns the captures id."""
        self._begin()
        return store.save_capture(self.db, row)

    def archived(self, url: str) -> bool:
        """An article this crawl stored is known at ``url`` (its own, declared or found)."""
        crawl = {"url": url, "started": self.started, "crawl_id": self.crawl_id}
        row = self.db.execute(ARTICLE_SEEN_IN_CRAWL, crawl).fetchone()
        return row is not None

    def knows_article(self, url: str) -> bool:
        """An article is stored at ``url`` (an alias found by the workers must point to one)."""
        return self.article_id(url) is not None

    def article_id(self, url: str) -> int | None:
        row = self.db.execute("select article_id from article_urls where url = ?", [url]).fetchone()
        return int(row[0]) if row else None

    def attachment(self, url: str) -> dict[str, Any] | None:
        """A document already archived, whichever article it was fetched for."""
        return store.get_attachment(self.db, url)

    def document_text(self, sha256: str) -> dict[str, Any] | None:
        """The text of a file already read (same SHA-256): read once, whoever links it."""
        return store.document_text(self.db, sha256)

    def save_attachment(self, item: AttachmentItem) -> None:
        """One ``attachments`` row per article linking the document; one capture for all.

        The document's frontier row goes in the same transaction.
        """
        capture = item.captures[-1] if item.captures else None
        self._begin()
        with self.db.atomic():
            for url in item.article_urls:
                article_id = self.article_id(url)
                if article_id is not None:
                    store.save_attachment(self.db, {
                        "article_id": article_id, "url": item.url, "file_name": item.file_name,
                        "media_type": item.media_type, "size": item.size, "sha256": item.sha256,
                        "capture_id": capture, "fetched": item.fetched,
                        **(item.document or {}),
                    })  # fmt: skip
            frontier.done(self.db, [item.url])

    def shape_read(self, site_id: str, url: str, kind: str) -> None:
        """A page read by its content (archive.extract.shapes): for other crawl processes."""

    def shared(self) -> Shared | None:
        """What other crawl processes of the job learned: none here."""
        return None

    def known_shapes(self) -> dict[str, dict[str, dict[str, int]]]:
        """What earlier crawls found each site's pages of each URL shape to be."""
        return recrawl.known_shapes(self.db, list(self.sites))

    def save_shapes(self, site_id: str, shapes: Mapping[str, Mapping[str, int]]) -> None:
        """What this crawl found them to be, for the next (archive.extract.shapes)."""
        self._begin()
        store.save_shapes(self.db, site_id, shapes)

    def site_mapped(self, site_id: str) -> None:
        """A sitemap of the site listed its pages: for other crawl processes."""

    def note(self, site_id: str, message: str) -> bool:
        """A cap or trap the crawl ran into, once per site; True the first time."""
        messages = self.counts[site_id].messages
        if message in messages:
            return False
        messages.append(message)
        return True

    @staticmethod
    def _tally(counts: SiteCounts, article: Article) -> None:
        """Which fields extraction found: the monitors compare them with earlier crawls."""
        counts.extracted += 1
        counts.with_title += bool(article.title)
        counts.with_date += bool(article.date)
        counts.with_author += bool(article.author)
        counts.body_words += len(article.text.split())
        counts.generic += article.generic

    @staticmethod
    def _count(counts: SiteCounts, outcome: store.Outcome) -> None:
        counts.articles_seen += 1
        counts.found.add(outcome.article_id)
        if outcome.status == store.NEW:
            counts.articles_new += 1
        elif outcome.status == store.CHANGED:
            counts.articles_changed += 1
        elif outcome.status == store.ALIAS:
            counts.aliases_new += 1

    def _judge(self, site_id: str) -> tuple[str, str | None]:
        """The site's status (failed, no-articles, fewer-articles, partial or ok) and the
        shortfall of articles that explains it, if any."""
        counts = self.counts.get(site_id)
        if counts is None or counts.ok == 0:
            return "failed", None
        if shortfall := self._shortfall(site_id, counts):
            return shortfall
        return ("partial" if counts.errors else "ok"), None

    def _shortfall(self, site_id: str, counts: SiteCounts) -> tuple[str, str] | None:
        """A site that answered but yielded no article, or under half its last crawl's:
        never silent (a redesign, a move, or pages we took for listings)."""
        found = len(counts.found | self._found_before_resume(site_id))
        if len(self.job) > 1 and found:
            return None  # a resumed crawl saw only what was left: no fall is judged
        if found == 0:
            return "no-articles", (
                f"no article found: the {counts.pages - counts.errors} pages fetched were all "
                f"listings or other pages ({counts.listings} read as listings)"
            )
        before = history.earlier_figures(self.db, self.crawl_id, site_id)
        if history.fell(found, before):
            return "fewer-articles", (
                f"{found} articles found, under half the {history.usual_found(before):g} "
                "its earlier crawls usually found"
            )
        return None

    def _found_before_resume(self, site_id: str) -> set[int]:
        """Articles of the site the crawls this one resumes had already stored or seen."""
        earlier = sorted(self.job - {self.crawl_id})
        if not earlier:
            return set()
        rows = self.db.execute(
            "select id from articles where site_id = ? and last_seen >= "
            f"(select min(started) from crawls where id in ({','.join('?' * len(earlier))}))",
            [site_id, *earlier],
        )
        return {row[0] for row in rows}

    def _message(self, site_id: str, counts: SiteCounts, shortfall: str | None) -> str | None:
        """Why the site failed, is partial or short of articles, in one line, then notes on
        normal behaviour."""
        archived = 0
        if counts.articles_seen == 0 and counts.pages > counts.errors:
            row = self.db.execute("select 1 from articles where site_id = ? limit 1", [site_id])
            archived = 1 if row.fetchone() else 0
        return site_message(
            pages=counts.pages, failures=counts.failures, robots=counts.robots,
            articles=counts.articles_seen, archived=archived, notes=counts.messages[:5],
            shortfall=shortfall,
        )  # fmt: skip

    def _finish(self, reason: str, stats: Mapping[str, Any] | None) -> dict[str, Any]:
        """Write the per-site rows and the crawl row; returns the totals.

        ``stats`` are Scrapy's: the downloader's request and byte counts are kept
        in the crawl row, so what a run cost is in the archive itself.
        """
        totals = {"pages": 0, "articles_new": 0, "articles_changed": 0, "aliases_new": 0,
                  "errors": 0, "not_modified": 0}  # fmt: skip
        tallies = history.page_tallies(self.db, self.crawl_id)
        for site_id in self.sites:
            counts = self.counts.get(site_id, SiteCounts())
            status, shortfall = self._judge(site_id)
            row: dict[str, Any] = {
                "status": status,
                "pages": counts.pages,
                "articles_new": counts.articles_new,
                "articles_changed": counts.articles_changed,
                "articles_seen": counts.articles_seen,
                "aliases_new": counts.aliases_new,
                "errors": counts.errors,
                "not_modified": counts.not_modified,
                "articles_removed": counts.articles_removed,
                "articles_found": counts.articles_found,
                "listings": counts.listings,
                "extracted": counts.extracted,
                "with_title": counts.with_title,
                "with_date": counts.with_date,
                "with_author": counts.with_author,
                "body_words": counts.body_words,
                "generic": counts.generic,
                "timeouts": tallies.get(site_id, {}).get("timeouts", 0),
                "offsite_redirects": tallies.get(site_id, {}).get("offsite_redirects", 0),
                "message": self._message(site_id, counts, shortfall),
            }
            store.save_crawl_site(self.db, self.crawl_id, site_id, row)
            for key in totals:
                totals[key] += row[key]
        status = "finished" if reason == "finished" else "interrupted"
        if status == "finished":
            frontier.clear(self.db, self.crawl_id)
        stats = stats or {}
        cost = {"requests": stats.get("downloader/request_count", 0),
                "bytes": stats.get("downloader/response_bytes", 0)}  # fmt: skip
        store.finish_crawl(self.db, self.crawl_id, status, {**totals, **cost, "message": reason})
        return totals

    def close(self, reason: str, stats: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Write the crawl's rows, then close the database and release the lock, even when
        the writing fails (a full disk): the process may live on (Scrapyd, tests)."""
        try:
            self.commit()
            return self._finish(reason, stats)
        finally:
            try:
                if self.db.conn.in_transaction:  # the commit failed (a full disk)
                    self.db.conn.execute("ROLLBACK")
            finally:
                self.db.close()
                lock.release(self.db_path)
