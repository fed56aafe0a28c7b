"""Download handlers that send every other request late, as a reactor busy with extraction
in-process does: a worker's, late after its turn (tests/test_redis_mode.py), and a single
process's, late after its slot let it go (tests/test_crawl_delay.py)."""

from __future__ import annotations

import logging
import time
from collections import Counter
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response

from crawler.downloader import PoliteHTTPHandler
from crawler.redis_mode import SharedDelay

logger = logging.getLogger(__name__)

LAG = 0.3  # seconds the reactor is held between a grant and the send


class LateSharedDelay(SharedDelay):
    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.grants = 0

    def _go(self, host: str, token: str, hold: float, delay: float, url: str | None) -> float:
        """Blocks the reactor (not only this request) after every other granted turn."""
        wait = super()._go(host, token, hold, delay, url)
        if wait == 0 and delay > 0:
            self.grants += 1
            if self.grants % 2:
                logger.info("holding the reactor %gs after the turn of %s", LAG, host)
                time.sleep(LAG)
        return wait


class LatePoliteHTTPHandler(PoliteHTTPHandler):
    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.starts: Counter[str] = Counter()

    async def download_request(self, request: Request) -> Response:
        """Blocks the reactor before every other request to a site is sent (Scrapy's slot
        has let it go: its delay has started)."""
        host = urlsplit(request.url).hostname or ""
        self.starts[host] += 1
        if self.starts[host] % 2:
            logger.info("holding the reactor %gs before %s", LAG, request.url)
            time.sleep(LAG)
        return await super().download_request(request)
