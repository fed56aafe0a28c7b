"""Extensions: progress lines for long runs, and robots.txt Crawl-delay."""

from __future__ import annotations

import logging
import sys
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet import task

from archive.sites import urls

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


class CrawlDelay:
    """A floor under a site's download delay: robots.txt ``Crawl-delay`` and the registry's.

    Scrapy ignores ``Crawl-delay`` (Scrapy issue #892). The floor is applied
    to the site's downloader slot (keyed by hostname) whenever a request
    reaches it and after every download, because AutoThrottle lowers
    ``slot.delay`` on ``response_downloaded`` (this handler is connected after
    AutoThrottle's, so it has the last word) and idle slots are dropped and
    recreated with the default delay. Scrapy's ±50% jitter would halve the
    gap, so the slot's jitter is narrowed until its shortest delay is the floor.
    A robots.txt delay above ``ARCHIVE_CRAWL_DELAY_MAX`` is capped there (a
    typo of 86400 must not stall a crawl for days) and logged.
    """

    def __init__(self, crawler: Crawler, cap: float):
        self.crawler = crawler
        self.cap = cap
        settings = crawler.settings
        self.user_agent = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT")
        self.floors: dict[str, float] = {}
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(self.reached, signal=signals.request_reached_downloader)
        crawler.signals.connect(self.downloaded, signal=signals.response_downloaded)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlDelay:
        return cls(crawler, crawler.settings.getfloat("ARCHIVE_CRAWL_DELAY_MAX"))

    def opened(self, spider: Spider) -> None:
        """The registry's ``crawl_delay`` for every host a site declares."""
        for site in getattr(spider, "sites", ()):
            if site.crawl_delay:
                declared = [*site.start_urls, *site.sitemap_urls, *site.feed_urls]
                hosts = {urlsplit(u).hostname for u in declared} | set(urls.allowed_hosts(site))
                for host in filter(None, hosts):
                    self.raise_floor(host, float(site.crawl_delay), "the registry")

    def robots_parsed(self, robotparser: Any, request: Request) -> None:
        delay = getattr(robotparser, "crawl_delay", lambda agent: None)(self.user_agent)
        host = urlparse_cached(request).hostname
        if delay and host:
            if delay > self.cap:
                logger.warning("%s asks Crawl-delay: %gs; capped at %gs (ARCHIVE_CRAWL_DELAY_MAX)",
                               host, delay, self.cap)  # fmt: skip
            self.raise_floor(host, min(float(delay), self.cap), "robots.txt")

    def raise_floor(self, host: str, delay: float, source: str) -> None:
        if delay > self.floors.get(host, 0.0):
            self.floors[host] = delay
            logger.info("%s: at least %gs between requests (%s)", host, delay, source)
            self.clamp(host)

    def reached(self, request: Request) -> None:
        self.clamp(request.meta.get("download_slot"))

    def downloaded(self, response: Response, request: Request) -> None:
        self.clamp(request.meta.get("download_slot"))

    def clamp(self, key: str | None) -> None:
        floor = self.floors.get(key or "")
        engine = self.crawler.engine
        slot = engine.downloader.slots.get(key or "") if engine else None
        if not floor or slot is None:
            return
        slot.delay = max(slot.delay, floor)
        if slot.delay * (1 - slot.jitter) < floor:
            slot.jitter = max(0.0, 1 - floor / slot.delay)
