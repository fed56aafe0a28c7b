"""Stop the crawl at the first storage failure (disk full, I/O error), whoever meets it.

The pipeline (SQLite), the WARC writer and the spider's own bookkeeping can
each meet a full disk; Scrapy would log each failure and carry on, failing
every page after it. This extension watches the log records that carry an
exception (a filter on the log handlers), and pages recorded with such an
error, and closes the spider with reason ``storage error`` the first time. ``crawler.storage_error``
keeps the message; :func:`crawler.run.run_crawl` raises it as
:class:`archive.store.storage.StorageError`, and the command exits with status 4.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

from archive.store.storage import describe, storage_problem

logger = logging.getLogger(__name__)


_FILE_NAMED = re.compile(r": '([^']+)'$")


class _Watch(logging.Filter):
    """On every log handler: a record carrying a storage failure trips the guard, and is
    shortened to one line (the same failure repeats on every write until the crawl stops)."""

    def __init__(self, guard: StorageGuard):
        super().__init__()
        self.guard = guard

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if error is not None and storage_problem(error):
            message = describe(error, self.guard.db_path)
            self.guard.trip(message)
            said = record.getMessage().split("\n", 1)[0]  # some messages carry a traceback
            said = said if len(said) <= 160 else said[:150] + "..."
            record.msg, record.args = f"{said}: {message}", ()
            record.exc_info = record.exc_text = None
        return True


class StorageGuard:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.db_path = str(crawler.settings.get("ARCHIVE_DB"))
        self.watch = _Watch(self)
        crawler.storage_error = None  # type: ignore[attr-defined]
        crawler.signals.connect(self.opened, signal=signals.engine_started)
        crawler.signals.connect(self.stopped, signal=signals.engine_stopped)
        crawler.signals.connect(self.scraped, signal=signals.item_scraped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorageGuard:
        return cls(crawler)

    def opened(self) -> None:
        for handler in logging.getLogger().handlers:
            handler.addFilter(self.watch)

    def stopped(self) -> None:
        for handler in logging.getLogger().handlers:
            handler.removeFilter(self.watch)

    def scraped(self, item: Any) -> None:
        """A page whose recorded failure is a storage one (a WARC write that failed)."""
        error = getattr(item, "error", None)
        if error and storage_problem(error):
            named = _FILE_NAMED.search(error)  # OSError's text ends with the file, quoted
            self.trip(f"{storage_problem(error)} writing {named[1] if named else self.db_path}")

    def trip(self, message: str) -> None:
        if self.crawler.storage_error:  # type: ignore[attr-defined]
            return
        self.crawler.storage_error = message  # type: ignore[attr-defined]
        logger.error("stopping the crawl: %s", message)
        from twisted.internet import reactor

        reactor.callFromThread(self._close)  # any thread may log

    def _close(self) -> None:
        from scrapy.utils.defer import deferred_from_coro

        engine = self.crawler.engine
        if engine is not None and engine.spider is not None and engine.running:
            deferred_from_coro(engine.close_spider_async(reason="storage error"))
