"""One crawl run against the archive database.

Owns the database connection for the run (the spider reads through it, the
pipeline writes through it, both on the reactor thread), the ``crawls`` row,
and the per-site tallies written to ``crawl_sites`` when the run ends.
"""

from __future__ import annotations

import os
from collections import defaultdict
from typing import Any

from sqlite_utils import Database

from archive import store
from archive.migrations import open_db
from archive.registry import Site
from crawler.items import AttachmentItem, PageItem, SiteCounts


class ArchiveSession:
    def __init__(self, db_path: str, sites: list[Site]):
        self.db: Database = open_db(db_path)
        self.sites = {site.id: site for site in sites}
        store.save_sites(self.db, sites)
        self.crawl_id = store.start_crawl(self.db, list(self.sites), os.getpid())
        self.counts: dict[str, SiteCounts] = defaultdict(SiteCounts)

    def known_article(self, url: str) -> bool:
        """Is this URL already archived as an article (or an alias of one)?"""
        row = self.db.execute("select 1 from article_urls where url = ?", [url]).fetchone()
        return row is not None

    def save(self, item: PageItem) -> store.Outcome | None:
        counts = self.counts[item.site_id]
        counts.pages += 1
        if item.kind == "error":
            counts.errors += 1
        else:
            counts.ok += 1
        outcome = None
        if item.article is not None:
            also = [item.url, *item.aliases] if item.final_url else item.aliases
            outcome = store.save_article(
                self.db, item.site_id, item.location, item.article,
                fetched=item.fetched, crawl_id=self.crawl_id, also=also,
            )  # fmt: skip
            self._count(counts, outcome)
            store.link_captures(self.db, item.captures, outcome.article_id)
        row = item.page_row(self.crawl_id)
        row["article_id"] = outcome.article_id if outcome else None
        store.save_page(self.db, row)
        return outcome

    def save_capture(self, row: dict[str, Any]) -> int:
        """A response just written to WARC (crawler/warc.py); returns the captures id."""
        return store.save_capture(self.db, row)

    def article_id(self, url: str) -> int | None:
        row = self.db.execute("select article_id from article_urls where url = ?", [url]).fetchone()
        return int(row[0]) if row else None

    def attachment(self, url: str) -> dict[str, Any] | None:
        """A document already archived, whichever article it was fetched for."""
        return store.get_attachment(self.db, url)

    def save_attachment(self, item: AttachmentItem) -> None:
        """One ``attachments`` row per article linking the document; one capture for all."""
        capture = item.captures[-1] if item.captures else None
        for url in item.article_urls:
            article_id = self.article_id(url)
            if article_id is not None:
                store.save_attachment(self.db, {
                    "article_id": article_id, "url": item.url, "file_name": item.file_name,
                    "media_type": item.media_type, "size": item.size, "sha256": item.sha256,
                    "capture_id": capture, "fetched": item.fetched,
                })  # fmt: skip

    @staticmethod
    def _count(counts: SiteCounts, outcome: store.Outcome) -> None:
        counts.articles_seen += 1
        if outcome.status == store.NEW:
            counts.articles_new += 1
        elif outcome.status == store.CHANGED:
            counts.articles_changed += 1
        elif outcome.status == store.ALIAS:
            counts.aliases_new += 1

    def site_status(self, site_id: str) -> str:
        counts = self.counts.get(site_id)
        if counts is None or counts.ok == 0:
            return "failed"
        return "partial" if counts.errors else "ok"

    def close(self, reason: str) -> dict[str, Any]:
        """Write the per-site rows and the crawl row; returns the crawl totals."""
        totals = {"pages": 0, "articles_new": 0, "articles_changed": 0, "aliases_new": 0,
                  "errors": 0}  # fmt: skip
        for site_id in self.sites:
            counts = self.counts.get(site_id, SiteCounts())
            row: dict[str, Any] = {
                "status": self.site_status(site_id),
                "pages": counts.pages,
                "articles_new": counts.articles_new,
                "articles_changed": counts.articles_changed,
                "articles_seen": counts.articles_seen,
                "aliases_new": counts.aliases_new,
                "errors": counts.errors,
                "message": "; ".join(counts.messages[:5]) or None,
            }
            store.save_crawl_site(self.db, self.crawl_id, site_id, row)
            for key in totals:
                totals[key] += row[key]
        status = "finished" if reason == "finished" else "interrupted"
        store.finish_crawl(self.db, self.crawl_id, status, {**totals, "message": reason})
        self.db.close()
        return totals
