"""Scrapy's downloader and HTTP handler, holding each site to its delay and concurrency.

:class:`SlotDownloader`: each site held to CONCURRENT_REQUESTS_PER_DOMAIN without a
delay too.

Under the asyncio reactor, Scrapy 2.19's downloader starts each download as a task
that first runs on the loop's next turn, and only then counts it as transferring;
the loop that hands out a slot's free places looks at that count in between, so a
slot without a delay sent its whole queue at once. With the sample web's delays off
(the benchmarks), a site had up to 38 requests out instead of 2, nearly each on a new
TCP connection (the pool keeps 2 idle per host): a few per cent of the crawl's CPU.
With a delay (``DOWNLOAD_DELAY``, AutoThrottle) the slot sends one request per
delay, and this changes nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Coroutine
from time import monotonic
from typing import Any, cast
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.core.downloader import Downloader, Slot
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.crawler import Crawler
from scrapy.http import Response
from twisted.internet.defer import Deferred

from crawler.wire import WireFactory


class SlotDownloader(Downloader):
    def _wait_for_download(
        self, slot: Slot, request: Request, queue_dfd: Deferred[Any]
    ) -> Coroutine[Any, Any, None]:
        """The download counted as transferring when it is scheduled, not when it starts
        (``Downloader._download`` adds it again and removes it when done)."""
        slot.transferring.add(request)
        return super()._wait_for_download(slot, request, queue_dfd)


class PoliteHTTPHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP(S) handler, with a site's delay run from each request's send.

    Scrapy runs the delay from the moment a request leaves the site's queue; a request
    sent later than that (a new connection's set-up, a TLS handshake, a busy reactor)
    was followed by the next one sooner than the delay: at the server, a site's first
    page came 0.9 s after its robots.txt for a 1 s Crawl-delay. Here the slot's clock is
    moved to the send (crawler/wire.py says when the bytes left), or, when the send could
    not be seen (a TLS handshake), to the answer: later than the send, never earlier.

    Without Twisted's automatic retry: a request whose reused keep-alive connection the
    server closed unanswered was sent again at once on a new connection, past the delay
    and the slot (the server got it twice within 3 ms). The failure now reaches Scrapy's
    RetryMiddleware, whose retry waits for the delay like any request (and, in Redis
    mode, for its turn). Both at the server: tests/test_crawl_delay.py.
    """

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.crawler = crawler
        self._pool.retryAutomatically = False
        self._pool._factory = cast(Any, functools.partial(WireFactory, self.on_wire))
        self._unsent: dict[str, object] = {}  # host -> the request last started there, not sent

    async def download_request(self, request: Request) -> Response:
        host = urlsplit(request.url).hostname or ""
        start = self._unsent[host] = object()
        try:
            return await super().download_request(request)
        finally:
            if self._unsent.get(host) is start:  # its send was not seen: the answer counts
                del self._unsent[host]
                self._sent_at(host)

    def on_wire(self, host: str) -> None:
        """A request to ``host`` left the socket: the site's next one is due the delay
        after now."""
        self._unsent.pop(host, None)
        self._sent_at(host)

    def _sent_at(self, host: str) -> None:
        engine = self.crawler.engine
        slot = engine.downloader.slots.get(host) if engine is not None else None
        if slot is not None:
            slot.lastseen = max(slot.lastseen, monotonic())
