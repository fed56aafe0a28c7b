"""Page analysis off the reactor thread.

Extraction is CPU-bound (lxml, trafilatura, htmldate). Run on the Twisted
reactor it would use one core and stall downloads while it works, so pages go
to a pool of worker processes and the spider awaits the result. A worker that
hangs or dies costs one page, never the crawl: the pool is replaced.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from archive.page import analyze_page
from archive.records import PageResult
from archive.registry import Site

logger = logging.getLogger(__name__)


class PageAnalyzer:
    def __init__(self, workers: int, timeout: float):
        self.workers = (os.cpu_count() or 1) if workers < 0 else workers
        self.timeout = timeout
        self._pool: ProcessPoolExecutor | None = None

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # forkserver: workers must not inherit the reactor, its sockets or threads
            context = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
        return self._pool

    async def analyze(self, body: bytes, url: str, site: Site, encoding: str | None) -> PageResult:
        if self.workers == 0:
            return analyze_page(body, url, site, encoding=encoding)
        for attempt in (1, 2):
            pool = self._get_pool()
            future = pool.submit(analyze_page, body, url, site, encoding=encoding)
            try:
                return await asyncio.wait_for(asyncio.wrap_future(future), self.timeout)
            except TimeoutError:
                logger.warning("extracting %s took over %ss; workers replaced", url, self.timeout)
                self._restart(pool)
                return PageResult(url, "error", reason=f"extraction timed out ({self.timeout}s)")
            except BrokenProcessPool:
                # Another page may have killed the pool: retry once in a fresh one.
                self._restart(pool)
                if attempt == 2:
                    logger.warning("a worker died while extracting %s", url)
        return PageResult(url, "error", reason="extraction worker crashed")

    def _restart(self, pool: ProcessPoolExecutor) -> None:
        if self._pool is not pool:
            return  # already replaced by another page's failure
        self._pool = None
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
