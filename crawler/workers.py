"""Page analysis off the reactor thread.

Extraction is CPU-bound (lxml, trafilatura, htmldate). Run on the Twisted
reactor it would use one core and stall downloads while it works, so pages go
to a pool of worker processes and the spider awaits the result. A worker that
hangs or dies costs one page, never the crawl: the pool is replaced.

Each worker gets the crawl's sites once (a task names its site by id) and a
read-only connection to the archive, through which it asks whether a page is an
article this crawl has already stored (archive.extract.page: such a page is recorded as
an alias without being extracted again). It sees what the crawl has
committed, so it may miss an article stored in the last half second: the page
is then extracted, as before.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import multiprocessing.forkserver
import os
import resource
import signal
import sqlite3
import threading
import time
import weakref
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import psutil

from archive.capture import documents
from archive.extract.records import PageResult
from archive.sites.registry import Site

logger = logging.getLogger(__name__)


class _Workers:
    """A process pool that is replaced, its processes killed, when one of them hangs or
    dies (a hostile page or document), and shut down with the crawl."""

    workers: int
    _pool: ProcessPoolExecutor | None
    _killed: weakref.WeakSet[ProcessPoolExecutor]

    def _restart(self, pool: ProcessPoolExecutor) -> None:
        """``pool``'s processes killed: the current pool's, or a retired one's whose last
        pages hang (its retirement waits for them)."""
        if pool in self._killed:
            return  # already killed after another failure
        self._killed.add(pool)
        if self._pool is pool:
            self._pool = None
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _get_pool(self) -> ProcessPoolExecutor:
        raise NotImplementedError

    def start(self) -> None:
        """Start the workers now, while Scrapy sets up and fetches robots.txt, rather than at
        the first page, which a short crawl waited for (a second and more), or the first
        document, pages into a crawl: the crawl's memory is then what it will be from its
        first seconds. From a thread: starting a process waits for the forkserver, which
        first loads extraction."""
        if self.workers > 0:
            pool = self._get_pool()
            threading.Thread(target=_start_workers, args=(pool, self.workers), daemon=True,
                             name=f"start-{type(self).__name__}").start()  # fmt: skip


class PageAnalyzer(_Workers):
    def __init__(
        self, workers: int, timeout: float, sites: list[Site] | None = None,
        db_path: str | None = None, crawl: tuple[int, str] | None = None,
        redis: tuple[str, str] | None = None, pages_per_worker: int = 0,
    ):  # fmt: skip
        """``db_path`` and ``crawl`` (its id and start): the workers' alias lookup; in Redis
        mode ``redis`` (URL, job key prefix) instead. ``pages_per_worker``: pages a worker
        analyses before the pool is replaced by fresh processes (0: never)."""
        self.workers = (os.cpu_count() or 1) if workers < 0 else workers
        self.timeout = timeout
        self.sites = {site.id: site for site in sites or ()}
        self.archive: tuple[Any, ...] | None = (db_path, *crawl) if db_path and crawl else None
        if redis is not None:
            self.archive = ("redis", *redis)
        self.pages_per_pool = pages_per_worker * self.workers
        self._pool: ProcessPoolExecutor | None = None
        self._killed = weakref.WeakSet()
        self._pages = 0  # submitted to the current pool
        self._retiring: asyncio.Future[None] | None = None

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=_context(), initializer=_worker_setup,
                initargs=(os.getpid(), list(self.sites.values()), self.archive),
            )  # fmt: skip
            self._pages = 0
        return self._pool

    async def _pool_for_page(self) -> ProcessPoolExecutor:
        """The pool, replaced every ``pages_per_pool`` pages: a worker grows as it works
        (caches filling up, the allocator's fragments; +0.7 KB a page, 45 MB a worker
        in a 130,000-page crawl), a fresh one starts from the forkserver's warm state.
        The old pool finishes its pages before the new one starts, so that the crawl
        never holds both: a pause of a few pages' time, once per pool. Not the pool's own
        ``max_tasks_per_child``: on Python 3.11 an exited worker may never be replaced
        (CPython gh-115634)."""
        if self._pool is not None and 0 < self.pages_per_pool <= self._pages:
            old, self._pool = self._pool, None
            self._retiring = asyncio.ensure_future(asyncio.to_thread(old.shutdown, wait=True))
        if self._retiring is not None:
            retiring = self._retiring
            await asyncio.wait([retiring])
            if self._retiring is retiring:
                self._retiring = None
        pool = self._get_pool()
        self._pages += 1
        return pool

    async def analyze(
        self, body: bytes, url: str, site: Site, encoding: str | None, *, aliases: bool = True,
        shapes: Mapping[str, str] | None = None, listing_key: str | None = None,
    ) -> PageResult:  # fmt: skip
        """The page analysed in a worker; ``aliases=False``: never taken for a stored article's
        alias (the check is the workers' only). ``shapes``: the URL shapes the site's pages
        confirmed so far (archive.extract.shapes); ``listing_key``: what the URL showed when
        last read as a listing (archive.extract.verdicts)."""
        if self.workers == 0:
            try:
                return _analyze_page(body, url, site, encoding=encoding, shapes=shapes,
                                     listing_key=listing_key)  # fmt: skip
            except Exception as exc:
                logger.exception("extracting %s failed", url)
                return PageResult(url, "error", reason=f"extraction failed: {_describe(exc)}")
        for attempt in (1, 2):
            pool = await self._pool_for_page()
            if self.sites.get(site.id) is site:  # the workers know it: send its id
                future = pool.submit(_analyze, body, url, site.id, encoding, aliases, shapes,
                                     listing_key)  # fmt: skip
            else:
                future = pool.submit(_analyze_page, body, url, site, encoding=encoding,
                                     shapes=shapes, listing_key=listing_key)  # fmt: skip
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
            except Exception as exc:  # a bug in extraction costs this page, never the crawl
                logger.exception("extracting %s failed", url)
                return PageResult(url, "error", reason=f"extraction failed: {_describe(exc)}")
        return PageResult(url, "error", reason="extraction worker crashed")


#: The title of the article known at ``:url`` when crawl ``:crawl_id`` (begun at
#: ``:started``) has seen that URL and served the article: the workers' alias lookup and
#: the session's check of queued requests (here, so a worker need not import
#: archive.store.writer). Time alone is not enough: timestamps are whole seconds, and a crawl
#: starting within the second the previous one ended would take that crawl's articles
#: for its own and revalidate none of them.
ARTICLE_SEEN_IN_CRAWL = (
    "select a.title from article_urls u join articles a on a.id = u.article_id "
    "where u.url = :url and u.last_seen >= :started and exists (select 1 from pages p "
    "where p.article_id = u.article_id and p.crawl_id = :crawl_id and p.status < 300)"
)


class _Archive:
    """A worker's read-only look into the crawl's archive (archive.extract.page.Archived)."""

    def __init__(self, db_path: str, crawl_id: int, started: str):
        self.uri = Path(db_path).resolve().as_uri() + "?mode=ro"
        self.crawl = {"crawl_id": crawl_id, "started": started}  # only what this crawl stored
        self.conn: sqlite3.Connection | None = None

    def __call__(self, urls: list[str]) -> tuple[str, str | None] | None:
        try:
            if self.conn is None:
                self.conn = sqlite3.connect(self.uri, uri=True, timeout=1)
            for url in urls:
                row = self.conn.execute(
                    ARTICLE_SEEN_IN_CRAWL, {"url": url, **self.crawl}
                ).fetchone()
                if row is not None:
                    return url, row[0]
        except sqlite3.Error:
            return None  # the page is extracted: slower, never wrong
        return None


class _RedisArchive:
    """Redis mode's alias lookup: the job's ``archived`` hash (URL -> title), which a
    worker fills in the same MULTI as the article's record (crawler/redis_mode.py)."""

    def __init__(self, url: str, prefix: str):
        self.url, self.key = url, f"{prefix}:archived"
        self.client: Any = None

    def __call__(self, urls: list[str]) -> tuple[str, str | None] | None:
        try:
            if self.client is None:
                import redis

                self.client = redis.Redis.from_url(self.url, socket_timeout=5)
            for url, title in zip(urls, self.client.hmget(self.key, urls), strict=True):
                if title is not None:
                    return url, title.decode()
        except Exception:
            return None  # the page is extracted: slower, never wrong
        return None


def _context() -> multiprocessing.context.ForkServerContext:
    """forkserver: workers must not inherit the reactor, its sockets or threads. The server
    imports this module and warms extraction up (crawler.warmup) once, before it forks the
    workers, so that each starts with extraction loaded instead of loading it at its
    first article."""
    context = multiprocessing.get_context("forkserver")
    # no effect once the server runs (it is one per process: a test suite starts it once)
    context.set_forkserver_preload(["__main__", __name__, "crawler.warmup"])
    return context


def start_forkserver() -> None:
    """The forkserver started, loading extraction, at once: `tct-archive crawl` calls this
    before it imports Scrapy, so that the second core works from the command's start
    instead of from the spider's creation, 0.6 s into a short crawl."""
    _context()
    multiprocessing.forkserver.ensure_running()


def _start_workers(pool: ProcessPoolExecutor, count: int) -> None:
    """One task per worker: the pool starts a process for each task it finds no idle one for."""
    try:
        for _ in range(count):
            pool.submit(_ready)
    except (RuntimeError, BrokenProcessPool):  # shut down or replaced meanwhile
        pass


def _ready() -> None:
    """A worker's first task: it is started and set up."""


_SITES: dict[str, Site] = {}
_ARCHIVE: list[_Archive | _RedisArchive] = []


def _analyze(
    body: bytes, url: str, site_id: str, encoding: str | None, aliases: bool,
    shapes: Mapping[str, str] | None = None, listing_key: str | None = None,
) -> PageResult:  # fmt: skip
    """analyze_page in a worker, with the site it was given at start and the alias lookup."""
    archived = _ARCHIVE[0] if aliases and _ARCHIVE else None
    site = _SITES[site_id]
    return _analyze_page(body, url, site, encoding=encoding, archived=archived, shapes=shapes,
                         listing_key=listing_key)  # fmt: skip


def _analyze_page(*args: Any, **kwargs: Any) -> PageResult:
    """archive.extract.page.analyze_page, imported at its first page: the crawl process
    need not load extraction (40 ms of its start) when the workers extract."""
    from archive.extract.page import analyze_page

    return analyze_page(*args, **kwargs)


def _worker_setup(
    crawler: int, sites: list[Site] | None = None, archive: tuple[Any, ...] | None = None
) -> None:
    """Ctrl-C reaches the whole process group: the crawler stops gracefully and
    shuts the pool down; a worker dying of KeyboardInterrupt would only lose pages.

    A crawler killed outright (SIGKILL, the OOM killer) cannot shut the pool
    down, and nothing else would: the workers hold the forkserver's "alive"
    pipe, so the forkserver waits for them while they wait for work, all
    holding the crawler's stdout and stderr open. So each worker watches the
    crawler and exits when it is gone.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(crawler,), daemon=True).start()
    _SITES.update({site.id: site for site in sites or ()})
    if archive is not None:
        redis_mode = archive[0] == "redis"
        _ARCHIVE.append(_RedisArchive(*archive[1:]) if redis_mode else _Archive(*archive))


def _exit_with(pid: int) -> None:
    try:
        process = psutil.Process(pid)
        while process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
            time.sleep(0.5)
    except psutil.Error:
        pass
    os._exit(1)


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


class DocumentReader(_Workers):
    """Document text (archive.capture.documents) in its own worker processes.

    Separate from the page pool, so that OCR of a scan never holds up page analysis;
    each document is bounded by its ``Limits`` inside the worker (a deadline that kills
    the external tools), and the pool is replaced if a document outlives that by
    ``GRACE`` seconds (a pure-Python parser stuck on a hostile file). A worker's address
    space is capped at ``memory`` bytes: a decompression bomb is a ``MemoryError``, a
    reason on its row, never the machine's memory.
    """

    GRACE = 15.0

    def __init__(self, workers: int, limits: documents.Limits, memory: int = 0):
        self.workers = workers
        self.limits = limits
        self.memory = memory
        self._pool: ProcessPoolExecutor | None = None
        self._killed = weakref.WeakSet()

    def _get_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=_context(), initializer=_reader_setup,
                initargs=(os.getpid(), self.memory),
            )  # fmt: skip
        return self._pool

    async def read(self, body: bytes, media_type: str | None,
                   file_name: str | None) -> documents.DocumentText:  # fmt: skip
        if self.workers == 0:
            return documents.read_text(body, media_type, file_name, self.limits)
        for _attempt in (1, 2):
            pool = self._get_pool()
            future = pool.submit(documents.read_text, body, media_type, file_name, self.limits)
            try:
                return await asyncio.wait_for(
                    asyncio.wrap_future(future), self.limits.timeout + self.GRACE
                )
            except TimeoutError:
                logger.warning("reading a document took over %ss; reader replaced",
                               self.limits.timeout + self.GRACE)  # fmt: skip
                self._restart(pool)
                return documents.DocumentText(
                    None, reason=f"time limit reached ({self.limits.timeout:g}s)"
                )
            except BrokenProcessPool:
                self._restart(pool)  # this document (or another) killed it: once more
            except Exception as exc:
                return documents.DocumentText(None, reason=f"unreadable: {_describe(exc)}")
        return documents.DocumentText(None, reason="document reader crashed")


def _reader_setup(crawler: int, memory: int) -> None:
    _worker_setup(crawler)
    if memory > 0:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
