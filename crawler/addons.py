"""Scrapy add-ons of the crawl's settings (``ADDONS`` in crawler/settings.py).

Kept apart from what they switch on: Scrapy imports every add-on at each crawl's
start, and Redis mode's components (crawler/redis_mode.py) bring redis and
scrapy-redis, 55 ms of a one-process crawl's start that it would never use.
"""

from __future__ import annotations

from scrapy.settings import BaseSettings


class RedisMode:
    """Scrapy add-on: with ``ARCHIVE_REDIS_URL`` set, the worker's components; else nothing."""

    def update_settings(self, settings: BaseSettings) -> None:
        url = settings.get("ARCHIVE_REDIS_URL")
        if not url:
            return
        from crawler.redisjob import client_options

        prefix = settings.get("ARCHIVE_REDIS_KEY")
        for name, value in {
            "SCHEDULER": "crawler.redis_mode.RedisScheduler",
            "SCHEDULER_QUEUE_CLASS": "crawler.redis_mode.LeasedQueue",
            "SCHEDULER_QUEUE_KEY": f"{prefix}:requests",
            "SCHEDULER_DUPEFILTER_KEY": f"{prefix}:dupefilter",
            "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
            "SCHEDULER_PERSIST": True,  # a worker that finishes must not flush the others' queue
            "REDIS_URL": url,
            "REDIS_PARAMS": client_options(),
            # Scrapy's own downloader: with crawler.downloader.SlotDownloader the shared
            # delay was broken at the server (0.3 s gaps for a 0.5 s delay); not yet
            # understood, measured by test_three_workers_keep_each_sites_delay_at_the_server.
            "DOWNLOADER": "scrapy.core.downloader.Downloader",
        }.items():
            settings.set(name, value, priority="addon")
        # The writer stores, and judges the crawl: no monitors, no SQLite in a worker.
        settings.set("SPIDERMON_ENABLED", False, priority="cmdline")
        settings.set("ARCHIVE_COMMIT_INTERVAL", 0.0, priority="cmdline")
        # A response's outputs in order: the links it yields are queued before its record
        # releases its lease (a worker killed in between loses nothing).
        settings.set("CONCURRENT_ITEMS", 1, priority="cmdline")
        for scheme in ("http", "https"):
            settings["DOWNLOAD_HANDLERS"][scheme] = "crawler.redis_mode.SharedDelay"
        # SharedDelay looks up the page's URL in ``archived`` in the round trip that takes
        # its slot and turn: at the last moment, where the middleware looked it up when the
        # request left the frontier (a worker's requests wait in its downloader's queue
        # meanwhile, so more of an article's other URLs were fetched), in a round trip more.
        settings["DOWNLOADER_MIDDLEWARES"]["crawler.middlewares.ArchivedMiddleware"] = None
        settings["EXTENSIONS"]["crawler.redis_mode.RedisWorker"] = 540
