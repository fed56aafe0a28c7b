"""Scrapy's downloader, holding each site to CONCURRENT_REQUESTS_PER_DOMAIN without a delay too.

Under the asyncio reactor, Scrapy 2.19's downloader starts each download as a task
that first runs on the loop's next turn, and only then counts it as transferring;
the loop that hands out a slot's free places looks at that count in between, so a
slot without a delay sent its whole queue at once. With the sample web's delays off
(the benchmarks), a site had up to 38 requests out instead of 2, each on a new TCP
connection (HTTP keep-alive keeps 2 per host), which cost the crawl process ~8 %.
With a delay (``DOWNLOAD_DELAY``, AutoThrottle) the slot sends one request per
delay, and this changes nothing.
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any

from scrapy import Request
from scrapy.core.downloader import Downloader, Slot
from twisted.internet.defer import Deferred


class SlotDownloader(Downloader):
    def _wait_for_download(
        self, slot: Slot, request: Request, queue_dfd: Deferred[Any]
    ) -> Coroutine[Any, Any, None]:
        """The download counted as transferring when it is scheduled, not when it starts
        (``Downloader._download`` adds it again and removes it when done)."""
        slot.transferring.add(request)
        return super()._wait_for_download(slot, request, queue_dfd)
