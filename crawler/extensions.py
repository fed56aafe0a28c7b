"""Progress lines for long runs: per site, pages fetched and articles stored."""

from __future__ import annotations

import logging
import sys

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task

logger = logging.getLogger(__name__)


class Progress:
    def __init__(self, crawler: Crawler, interval: float):
        self.crawler = crawler
        self.interval = interval
        self.loop: task.LoopingCall | None = None
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        interval = crawler.settings.getfloat("ARCHIVE_PROGRESS_INTERVAL")
        if interval <= 0:
            raise NotConfigured
        return cls(crawler, interval)

    def opened(self) -> None:
        self.loop = task.LoopingCall(self.report)
        self.loop.start(self.interval, now=False)

    def closed(self) -> None:
        if self.loop and self.loop.running:
            self.loop.stop()

    def report(self) -> None:
        session = getattr(self.crawler.spider, "session", None)
        if session is None:
            return
        parts = [
            f"{site_id}: {c.pages} pages, {c.articles_new} new articles"
            + (f", {c.errors} errors" if c.errors else "")
            for site_id, c in sorted(session.counts.items())
        ]
        print("progress | " + " | ".join(parts), file=sys.stderr, flush=True)
