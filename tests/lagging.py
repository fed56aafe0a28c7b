"""A worker's download handler that sends every other request late after its turn, as a
reactor busy with extraction in-process does (tests/test_redis_mode.py)."""

from __future__ import annotations

import logging
import time

from scrapy.crawler import Crawler

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
