"""Redis mode's worker side: many crawl processes share one frontier; none writes SQLite.

``ARCHIVE_REDIS_URL`` switches it on (``tct-archive crawl --redis URL``, or ``-s`` for
``scrapy crawl`` and Scrapyd); the add-on :class:`crawler.addons.RedisMode` then plugs in:

- scrapy-redis's scheduler and duplicate filter, with :class:`LeasedQueue`: a pop leases
  the request (crawler/redisjob.py) until its record is in the stream, so a worker killed
  with SIGKILL loses nothing: its leases expire and any worker gives them back;
- :class:`RedisSession` in place of the SQLite session: each page, attachment and WARC
  capture becomes a record on the job's stream, added in the same MULTI that releases
  the request's lease; the one writer (crawler/ingest.py) stores them;
- :class:`SharedDelay`, the HTTP download handler: a site's delay (DOWNLOAD_DELAY,
  AutoThrottle, Crawl-delay) and concurrency (CONCURRENT_REQUESTS_PER_DOMAIN) hold
  across workers, through a per-host turn and per-host slots in Redis;
- :class:`RedisWorker`: heartbeats (the worker registry, lease renewal, expired leases
  given back), seeding by the first worker, and closing only when the job's frontier
  is empty and nothing is leased.

scrapy-redis's own spiders (``RedisMixin``) are not used: they rely on
``start_requests()``, which Scrapy 2.16 removed (scrapy-redis issue #305), and call
``engine.crawl(request, spider=...)``, which Scrapy rejects (issue #285). Our spider
seeds through its async ``start()`` and :class:`RedisWorker`.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import itertools
import json
import logging
import os
import socket
import time
import uuid
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.misc import load_object
from scrapy.utils.reactor import CallLaterOnce
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from archive.capture import frontier, recrawl
from archive.extract.shapes import shape_of
from archive.sites import urls
from archive.sites.registry import Site
from crawler.downloader import PoliteHTTPHandler
from crawler.items import AttachmentItem, PageItem, SiteCounts
from crawler.middlewares import PAGE_URL, AlreadyArchived
from crawler.redisjob import ARCHIVED, NO_SLOT, OUTAGE, SENDING, Job, connect
from crawler.session import ArchiveSession, Shared

logger = logging.getLogger(__name__)

PATIENCE = 60.0  # seconds a worker waits for Redis to queue a link before giving it up


def worker_name(settings: BaseSettings) -> str:
    return settings.get("ARCHIVE_REDIS_WORKER") or f"{socket.gethostname()}.{os.getpid()}"


def job_for(settings: BaseSettings) -> Job:
    return Job(connect(settings.get("ARCHIVE_REDIS_URL")), settings.get("ARCHIVE_REDIS_KEY"))


class RedisScheduler(Scheduler):
    """scrapy-redis 0.9.1's scheduler without the calls Scrapy 2.19 deprecates (warnings
    in every worker's log, which tests/test_redis_mode.py refuses): ``Spider.log()`` on
    open, and ``stats.inc_value(..., spider=...)`` per request (scrapy-redis issue #285 is
    the same break elsewhere: its spiders' ``engine.crawl(request, spider=...)``). Also:
    a new request joins the frontier in one round trip, and a Redis outage is waited out
    rather than raised into the engine's loop."""

    df: Any  # scrapy-redis's duplicate filter (RFPDupeFilter): its keys and fingerprints
    queue: LeasedQueue

    def open(self, spider: Spider) -> None:
        self.spider = spider
        self.queue = load_object(self.queue_cls)(
            server=self.server, spider=spider, key=self.queue_key % {"spider": spider.name},
            serializer=self.serializer,
        )  # fmt: skip
        if not self.df:
            self.df = load_object(self.dupefilter_cls).from_spider(spider)
        if self.flush_on_start:
            self.flush()
        if queued := len(self.queue):
            logger.info("joining a crawl with %d requests queued", queued)

    def enqueue_request(self, request: Request) -> bool:
        """A link joins the frontier with the next MULTI that releases a lease (its page's
        record, as a rule: :class:`PendingLinks`), or before the next pop. A redirect joins
        it now: a duplicate is dropped (False), and its old URL recorded at once
        (crawler/middlewares.py, ``request_dropped``). Redis down: waited for (up to
        ``PATIENCE`` seconds, the worker stalled), since the page that links the request
        may be recorded once Redis is back."""
        fingerprint = "" if request.dont_filter else self.df.request_fingerprint(request)
        session = getattr(self.spider, "session", None)
        if isinstance(session, RedisSession) and "redirect_urls" not in request.meta:
            session.links.report = self._counted
            session.links.add(request, fingerprint, self.queue._encode_request(request))
            return True
        deadline = time.monotonic() + PATIENCE
        while True:
            try:
                return self._enqueue(request, fingerprint)
            except OUTAGE as exc:
                if time.monotonic() > deadline:
                    raise
                logger.error("Redis unreachable (%s): waiting to queue %s", exc, request.url)
                time.sleep(1.0)

    def _enqueue(self, request: Request, fingerprint: str) -> bool:
        data = self.queue._encode_request(request)
        queued = self.queue.job.add(fingerprint, data, request.priority)
        self._counted(request, queued)
        return queued

    def _counted(self, request: Request, queued: bool) -> None:
        """As scrapy-redis counts a request: queued, or logged by its duplicate filter."""
        if not queued:
            self.df.log(request, self.spider)
        elif self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")

    def has_pending_requests(self) -> bool:
        session = getattr(self.spider, "session", None)
        return bool(isinstance(session, RedisSession) and session.links) or len(self) > 0

    def next_request(self) -> Request | None:
        """None while this worker has ``ARCHIVE_REDIS_IN_FLIGHT`` requests in flight: the
        others get the rest (Scrapy asks for as many as CONCURRENT_REQUESTS, 128, allows;
        the worker holds at most ``LeasedQueue.BATCH - 1`` more, popped and waiting). Links
        not queued yet are queued first (Redis down: kept for the next try)."""
        session = getattr(self.spider, "session", None)
        limit = self.spider.settings.getint("ARCHIVE_REDIS_IN_FLIGHT")
        waiting = len(self.queue.popped)
        if isinstance(session, RedisSession) and len(session.held) - waiting >= limit:
            return None
        try:
            if isinstance(session, RedisSession) and session.links and not waiting:
                session.links.flush()
            request: Request | None = self.queue.pop(self.idle_before_close)
        except OUTAGE as exc:
            logger.error("Redis unreachable (%s): no request taken for now", exc)
            return None
        if request is not None and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request


class PendingLinks:
    """The links a worker's callbacks yielded, not in the frontier yet. They join it in the
    MULTI that releases their page's lease (its record's, as a rule), all in one command,
    where each took a round trip of its own (1.6 a stored article, measured; each round
    trip costs a worker CPU beyond its own: docs/scale-out.md). Queued in the same MULTI
    as the release, so a worker killed in between loses nothing: its lease expires and
    the page is fetched again, its links with it."""

    Batch = list[tuple[Request, str, bytes]]  # (request, fingerprint, encoded request)

    def __init__(self, job: Job):
        self.job = job
        self.report: Callable[[Request, bool], None] | None = None  # the scheduler's count
        self.pending: PendingLinks.Batch = []

    def __len__(self) -> int:
        return len(self.pending)

    def add(self, request: Request, fingerprint: str, data: bytes) -> None:
        self.pending.append((request, fingerprint, data))

    def send(self, pipe: Any, *commands: Callable[[Any], Any]) -> None:
        """Run ``pipe`` with all of them queued first, in one command, then ``commands``.
        Counted as scrapy-redis counts them (duplicates logged by its filter). Redis down:
        they wait for the next pipeline (queued twice if it ran after all: the duplicate
        filter keeps one), and the error is raised."""
        batch, self.pending = self.pending, []
        if batch:
            self.job.queue(pipe, [(f, data, request.priority) for request, f, data in batch])
        for command in commands:
            command(pipe)
        try:
            results = pipe.execute()
        except OUTAGE:
            self.pending[:0] = batch
            raise
        if batch and self.report is not None:
            for (request, _, _), queued in zip(batch, results[0], strict=True):
                self.report(request, bool(queued))

    def flush(self) -> None:
        """Queued now, on their own (a pop is due)."""
        self.send(self.job.server.pipeline(transaction=False))


class LeasedQueue(PriorityQueue):
    """scrapy-redis's priority queue whose pop leases the request instead of dropping it
    from Redis: popped destructively, a killed worker's requests were lost. One pop
    leases the ``BATCH`` best requests, handed out one at a time (a round trip per four
    requests, where each took one: each round trip costs a worker CPU beyond its own,
    docs/scale-out.md); their leases are held, and renewed, from the pop on."""

    BATCH = 4

    def __init__(self, server: Any, spider: Spider, key: str, serializer: Any = None):
        super().__init__(server, spider, key, serializer)
        settings = spider.settings
        self.job = Job(server, settings.get("ARCHIVE_REDIS_KEY"))
        self.lease = settings.getfloat("ARCHIVE_REDIS_LEASE")
        self.popped: deque[Request] = deque()  # leased by this worker, not handed out yet

    def __len__(self) -> int:
        return len(self.popped) or super().__len__()

    def pop(self, timeout: int = 0) -> Request | None:
        if not self.popped:
            session = getattr(self.spider, "session", None)
            for lease, data in self.job.pop(self.lease, self.BATCH):
                request: Request = self._decode_request(data)
                if isinstance(session, RedisSession):
                    session.hold(request, lease)
                self.popped.append(request)
        return self.popped.popleft() if self.popped else None


#: Seconds between a worker's reads of what the job's workers learned (one round trip).
SHARED_EVERY = 1.0


def _count_shapes(pipe: Any, key: str, reads: Counter[str]) -> None:
    for field, count in reads.items():
        pipe.hincrby(key, field, count)


class RedisSession(ArchiveSession):
    """The spider's session in a worker: records go to the job's stream, nothing to SQLite.

    The archive's state is not read (every page is new to a worker: no conditional
    requests, no alias lookups); the writer's dedup decides what is new.
    """

    record_releases_request = True

    def __init__(self, job: Job, worker: str, lease: float, sites: list[Site], db_path: str):
        self.redis_job = job
        self.worker = worker
        self.lease = lease
        self.db_path = db_path
        self.sites = {site.id: site for site in sites}
        self.commit_interval = 0.0
        self.crawl_id = 0  # the writer's crawl holds the rows
        self.started = ""
        self.job, self.resuming, self.killed = set(), [], []
        self.counts: dict[str, SiteCounts] = defaultdict(SiteCounts)
        self.held: dict[str, str] = {}  # requested URL (canonical) -> its lease
        self.links = PendingLinks(job)  # yielded, queued with the next release of a lease
        self._captures: dict[int, dict[str, Any]] = {}  # handle -> captures row, not yet sent
        self._handles = itertools.count(1)
        self.shape_reads: Counter[str] = Counter()  # "site\tshape\tkind", not sent yet
        self._shared_read = -SHARED_EVERY

    # --- leases --------------------------------------------------------------------
    def hold(self, request: Request, lease: str) -> None:
        """A popped request's lease, kept until its record is added. A redirect or a retry
        of a request this worker holds replaces the old lease (the new one covers it)."""
        key = _requested(request)
        old = self.held.get(key)
        self.held[key] = lease
        if old is not None and old != lease:
            self._release([old])

    def release_orphans(self) -> int:
        """Leases held while nothing is in flight (an exception in a callback left the
        request without a record): let go, so the job can end. Returns how many."""
        orphans = list(self.held.values())
        if orphans:
            self._release(orphans)
            self.held.clear()
        return len(orphans)

    def _release(self, leases: list[str], *commands: Callable[[Any], Any]) -> None:
        """One MULTI: the links yielded so far queued first, then ``commands`` (a record,
        each a function of the pipeline), then ``leases`` let go: a lease never goes
        before the links of its page are in the frontier. Redis down: the links wait for
        the next one, and the error is raised (nothing of the MULTI was applied)."""

        def release(pipe: Any) -> None:
            for lease in leases:
                self.redis_job.release(pipe, lease)

        self.links.send(self.redis_job.server.pipeline(transaction=True), *commands, release)

    def _add(self, kind: str, record: dict[str, Any], url: str | None = None,
             archived: dict[str, str] | None = None) -> None:  # fmt: skip
        """One record on the stream; the lease of ``url``'s request released with it, and
        an article's URLs marked archived by this job (crawler/middlewares.py: a request
        for one of them is then not sent, as in a single-process crawl)."""
        job = self.redis_job
        body = json.dumps({"kind": kind, "worker": self.worker, **record}, ensure_ascii=False)
        commands = [lambda pipe: pipe.xadd(job.records, {"r": body.encode()})]
        if archived:
            commands.insert(0, lambda pipe: pipe.hset(job.archived, mapping=archived))
        reads, self.shape_reads = self.shape_reads, Counter()
        if reads:
            commands.append(lambda pipe: _count_shapes(pipe, job.shapes, reads))
        lease = self.held.pop(url, None) if url else None
        try:
            self._release([lease] if lease is not None else [], *commands)
        except OUTAGE as exc:  # nothing of it was added (MULTI): the lease brings it back
            self.shape_reads.update(reads)
            logger.error("Redis unreachable (%s): the %s record of %s is not added; its "
                         "request goes back to the frontier when its lease expires",
                         exc, kind, url or record.get("row", {}).get("url"))  # fmt: skip

    def note(self, site_id: str, message: str) -> bool:
        """Sent to the writer, whose crawl reports the site (once per worker)."""
        if first := super().note(site_id, message):
            self._add("note", {"site_id": site_id, "message": message})
        return first

    # --- URL shapes: what each worker's pages were, shared -------------------------
    def shape_read(self, site_id: str, url: str, kind: str) -> None:
        """Counted in the job's ``shapes`` hash with the page's record: alone, each worker
        read three pages of a shape to trust it, and every listing page until then (three
        workers read 576 listing pages where three processes read 350: docs/scale-out.md)."""
        self.shape_reads[f"{site_id}\t{shape_of(url)}\t{kind}"] += 1

    def shared(self) -> Shared | None:
        """The job's shape counts and mapped sites, every ``SHARED_EVERY`` seconds."""
        if time.monotonic() - self._shared_read < SHARED_EVERY:
            return None
        self._shared_read = time.monotonic()
        pipe = self.redis_job.server.pipeline(transaction=False)
        pipe.hgetall(self.redis_job.shapes)
        pipe.smembers(self.redis_job.mapped)
        try:
            counts, mapped = pipe.execute()
        except OUTAGE:
            return None
        found = Shared(mapped={site.decode() for site in mapped})
        for key, count in counts.items():
            site_id, shape, kind = key.decode().split("\t")
            found.shapes.setdefault(site_id, {}).setdefault(shape, {})[kind] = int(count)
        return found

    def site_mapped(self, site_id: str) -> None:
        """Told at once (once a site a worker): the others skip its tag, author and date
        archives from then on, as a single process does."""
        with contextlib.suppress(*OUTAGE):  # they fetch the archives: more requests, no loss
            self.redis_job.server.sadd(self.redis_job.mapped, site_id)

    def known_shapes(self) -> dict[str, dict[str, dict[str, int]]]:
        """None: a worker reads no SQLite (the job's workers share what they read instead)."""
        return {}

    def save_shapes(self, site_id: str, shapes: Mapping[str, Mapping[str, int]]) -> None:
        """Not kept: the writer's SQLite is not the worker's to write."""

    # --- seeding ------------------------------------------------------------------
    def seeds(self) -> bool:
        return self.redis_job.claim_seeding(self.worker, self.lease)

    def seeded(self) -> None:
        self.redis_job.mark_seeded()

    # --- what the spider asks of the archive: nothing is known to a worker ------------
    def page_state(self, url: str) -> recrawl.PageState | None:
        return None

    def remember_fresh(self, url: str) -> None:
        pass

    def resumed(self) -> Iterator[frontier.Entry]:
        return iter(())

    def sites_with_feeds(self) -> set[str]:
        return set()

    def due_pages(self, site_id: str, revalidate_after: float) -> Iterator[str]:
        return iter(())

    def schedule(self, url: str, site_id: str, depth: int, kind: str,
                 via: str | None = None) -> None:  # fmt: skip
        pass  # the request itself is the frontier entry (in Redis)

    def drop(self, url: str) -> None:
        """A request that ends without a record (its article is archived meanwhile)."""
        if (lease := self.held.pop(url, None)) is not None:
            self._release([lease])

    def archived(self, url: str) -> bool:
        return bool(self.redis_job.server.hexists(self.redis_job.archived, url))

    def knows_article(self, url: str) -> bool:
        return self.archived(url)

    def article_id(self, url: str) -> int | None:
        return None

    def attachment(self, url: str) -> dict[str, Any] | None:
        return None

    def document_text(self, sha256: str) -> dict[str, Any] | None:
        return None

    def commit(self) -> None:
        pass

    def tick(self) -> None:
        pass

    # --- results --------------------------------------------------------------------
    def save_capture(self, row: dict[str, Any]) -> int:
        """A capture travels in its page's record (one record instead of two: measured, a
        tenth of Redis mode's cost per article); robots.txt's, which has no page, now."""
        if row["url"].endswith("/robots.txt"):
            self._add("capture", {"row": row})
            return 0
        handle = next(self._handles)
        self._captures[handle] = row
        return handle

    def _capture_rows(self, handles: list[int]) -> list[dict[str, Any]]:
        return [self._captures.pop(h) for h in handles if h in self._captures]

    def send_captures(self) -> None:
        """Captures no record claimed (a callback failed): sent on their own, so the WARC
        records are indexed all the same (at idle, when nothing is in flight)."""
        for handle in list(self._captures):
            self._add("capture", {"row": self._captures.pop(handle)})

    def save(self, item: PageItem) -> None:
        counts = self.counts[item.site_id]
        counts.pages += 1
        record = dataclasses.asdict(item)
        record["captures"] = self._capture_rows(item.captures)
        self._add("page", {"item": record}, item.url, archived_urls(item))

    def save_attachment(self, item: AttachmentItem) -> None:
        record = dataclasses.asdict(item)
        record["captures"] = self._capture_rows(item.captures)
        self._add("attachment", {"item": record})  # the lease goes with the page's record

    def close(self, reason: str, stats: Any = None) -> dict[str, Any]:
        self.redis_job.leave(self.worker)
        return {"pages": sum(c.pages for c in self.counts.values())}


def archived_urls(item: PageItem) -> dict[str, str] | None:
    """An article's URLs -> its title, for ``archived``: those the writer stores it under
    (archive/store/writer.py), its canonical URL first. Without the canonical URL, Drupal's
    path alias of an article fetched at /node/N was fetched too: 40 pages more than one
    process in 1,730 (benchmarks/redis_mode.py)."""
    article = item.article
    if article is None:
        return None
    urls = [article.canonical_url, item.url, item.location, *item.aliases]
    return dict.fromkeys([url for url in urls if url], article.title or "")


def open_session(settings: BaseSettings, sites: list[Site]) -> RedisSession:
    """The worker's session; a clear error (redis.ConnectionError) if Redis is unreachable."""
    job = job_for(settings)
    job.server.ping()
    return RedisSession(job, worker_name(settings), settings.getfloat("ARCHIVE_REDIS_LEASE"),
                        sites, settings.get("ARCHIVE_DB"))  # fmt: skip


def _requested(request: Request) -> str:
    """The URL a request's record is filed under: the first of its redirects, canonical."""
    return urls.canonical_url(request.meta.get("redirect_urls", [request.url])[0])


class SharedDelay(PoliteHTTPHandler):
    """HTTP(S) download handler: a site's delay and concurrency hold across all workers.

    Each request first takes one of the host's slots in Redis (at most
    CONCURRENT_REQUESTS_PER_DOMAIN requests to a host in flight, by all workers together:
    each worker's Scrapy slot counts only its own), then waits for the host's turn
    (granted only when the delay has passed since the last grant to any worker) at the
    last moment before it is sent: after this worker's own downloader slot has waited.
    The slot comes first so that no turn is taken by a request that cannot be sent; both
    in one script, whose answer is the exact wait for the turn (crawler/redisjob.py).
    (Turns reserved ahead, or taken in a downloader middleware, were measured at the
    server to leave late and crowd the next worker's request: gaps of 0.27 s for a 0.5 s
    delay.) A granted turn is held until the request's bytes left the socket
    (crawler/wire.py), and the next is due the delay after that: a request sent late
    (a busy reactor, a new connection) delays the next one, never crowds it. The delay
    is the worker's own for the host: DOWNLOAD_DELAY, raised by AutoThrottle and by
    Crawl-delay (crawler/extensions.py).
    """

    POLL = 0.1  # seconds between two asks for a slot while the host's are all taken
    FREE_AFTER = 0.05  # seconds a slot freed without a delay waits to ride on the next ask
    MARGIN = 10.0  # seconds a slot outlives its request's longest wait and download

    def __init__(self, crawler: Crawler):
        super().__init__(crawler)
        self.crawler = crawler
        self.job = job_for(crawler.settings)
        self.default = crawler.settings.getfloat("DOWNLOAD_DELAY")
        self.limit = crawler.settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN")
        self.timeout = crawler.settings.getfloat("DOWNLOAD_TIMEOUT")
        self.worker = worker_name(crawler.settings)
        # host -> (token, delay) of this worker's request holding the host's turn, not sent
        self.granted: dict[str, tuple[str, float]] = {}
        # (host, token) of requests done without a delay whose slots are not freed yet
        self.done: list[tuple[str, str]] = []
        self._free_later = CallLaterOnce(self.free_done)

    async def download_request(self, request: Request) -> Response:
        host = urlsplit(request.url).hostname or ""
        delay = self.delay(request, host)
        token = f"{self.worker}:{uuid.uuid4().hex}"  # unique also after a restart of the name
        # A killed worker's slot frees itself after the longest a request may hold it: its
        # turn (the other slots' turns first) and its download.
        timeout = float(request.meta.get("download_timeout", self.timeout))
        hold = delay * self.limit + timeout + self.MARGIN
        try:
            while (wait := self._go(host, token, hold, delay, request.meta.get(PAGE_URL))) != 0:
                if wait == ARCHIVED:
                    raise AlreadyArchived("an article this crawl stored is known at this URL")
                await asyncio.sleep(wait)
            if delay > 0:
                self.granted[host] = (token, delay)
            return await super().download_request(request)
        finally:
            if self.granted.get(host, ("",))[0] == token:
                del self.granted[host]
            self._free(host, token, delay)

    def _go(self, host: str, token: str, hold: float, delay: float, url: str | None) -> float:
        """0 once the request holds a slot and its turn; ARCHIVED for a page stored
        meanwhile; else the seconds to wait before asking again (the turn's exact wait;
        ``POLL`` while the host's slots are all taken or its last granted request is not
        sent yet). Redis down: the request waits (never sent past the site's delay or
        concurrency, never recorded as the page's failure)."""
        done, self.done = self.done, []
        try:
            wait = self.job.go(host, token, self.limit, hold, delay, url, done)
        except OUTAGE as exc:
            logger.error("Redis unreachable (%s): %s waits for its turn", exc, host)
            self.done += done
            return 1.0
        return self.POLL if wait in (NO_SLOT, SENDING) else wait

    def on_wire(self, host: str) -> None:
        """A request to ``host`` left the socket: the turn this worker holds there (one at
        a time, whoever holds it) is let go, the next due the delay from now; this
        worker's own slot too (PoliteHTTPHandler)."""
        super().on_wire(host)
        if (granted := self.granted.pop(host, None)) is None:
            return
        token, delay = granted
        try:
            self.job.sent(host, token, delay)
        except OUTAGE as exc:
            logger.error("Redis unreachable (%s): %s's turn is let go when done", exc, host)

    def _free(self, host: str, token: str, delay: float) -> None:
        """Without a delay, the slot is freed in this worker's next ask for a slot, or
        ``FREE_AFTER`` seconds later if none comes (a round trip a page saved: measured,
        each round trip of a worker costs it CPU beyond its own). Redis down: the slot (and
        the turn, if the request was not reported sent) is left to expire (the site's
        concurrency lower meanwhile). A request cancelled before it had a slot frees
        nothing."""
        if delay <= 0:
            self.done.append((host, token))
            self._free_later.schedule(self.FREE_AFTER)
            return
        try:
            self.job.free_slot(host, token, delay)
        except OUTAGE as exc:
            logger.error("Redis unreachable (%s): a slot of %s is left to expire", exc, host)

    def free_done(self) -> None:
        """The slots of requests done without a delay that no ask took along."""
        done, self.done = self.done, []
        if not done:
            return
        try:
            self.job.free_slots(done)
        except OUTAGE as exc:
            logger.error("Redis unreachable (%s): %d slot(s) left to expire", exc, len(done))

    async def close(self) -> None:
        self._free_later.cancel()
        self.free_done()
        await super().close()

    def delay(self, request: Request, host: str) -> float:
        engine = self.crawler.engine
        downloader = engine.downloader if engine else None
        slot = downloader.slots.get(downloader.get_slot_key(request)) if downloader else None
        floors = [self.default, slot.delay if slot is not None else 0.0]
        for extension in getattr(self.crawler.extensions, "middlewares", ()):
            floors.append(getattr(extension, "floors", {}).get(host, 0.0))
        return max(floors)


class RedisWorker:
    """The worker's life in the job: heartbeats, seeding, and when to close."""

    def __init__(self, crawler: Crawler, job: Job, worker: str):
        self.crawler = crawler
        self.job = job
        self.worker = worker
        self.lease = crawler.settings.getfloat("ARCHIVE_REDIS_LEASE")
        self.tries = crawler.settings.getint("ARCHIVE_REDIS_TRIES")
        self.beat: task.LoopingCall | None = None
        crawler.signals.connect(self.opened, signal=signals.spider_opened)
        crawler.signals.connect(self.idle, signal=signals.spider_idle)
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedisWorker:
        return cls(crawler, job_for(crawler.settings), worker_name(crawler.settings))

    @property
    def session(self) -> RedisSession | None:
        session = getattr(self.crawler.spider, "session", None)
        return session if isinstance(session, RedisSession) else None

    def opened(self) -> None:
        self.heartbeat()
        self.beat = task.LoopingCall(self.heartbeat)
        self.beat.start(max(1.0, self.lease / 10), now=False)

    def heartbeat(self) -> None:
        """Alive; the leases of requests in flight renewed; dead workers' leases given back.
        Redis down: logged, and tried again at the next beat."""
        session = self.session
        try:
            self.job.heartbeat(self.worker, self.lease, session.held.values() if session else ())
            if self.job.server.get(self.job.seeder) == self.worker.encode():
                self.job.server.expire(self.job.seeder, int(self.lease))
            if back := self.job.requeue_expired(self.tries):
                logger.warning("%d expired lease(s) given back to the frontier", back)
        except Exception as exc:  # redis.ConnectionError above all
            logger.error("Redis: %s", exc)

    def idle(self) -> None:
        """Nothing in flight here: close only when the whole job's frontier is done (never
        while Redis cannot say so)."""
        try:
            done = self._idle()
        except OUTAGE as exc:
            logger.error("Redis unreachable (%s): the worker waits for it", exc)
            done = False
        if not done:
            raise DontCloseSpider

    def _idle(self) -> bool:
        session = self.session
        if session is not None and (orphans := session.release_orphans()):
            logger.warning("%d request(s) ended without a record; released", orphans)
        if session is not None:
            session.send_captures()
        self.heartbeat()
        if not self.job.is_seeded() and self.job.claim_seeding(self.worker, self.lease):
            spider = self.crawler.spider
            engine = self.crawler.engine
            for request in getattr(spider, "entry_requests", lambda: ())():
                engine.crawl(request)
            self.job.mark_seeded()
            return False
        return self.job.frontier_done()

    def closed(self) -> None:
        if self.beat is not None and self.beat.running:
            self.beat.stop()
        try:
            self.job.leave(self.worker)
        except Exception as exc:
            logger.error("Redis: %s", exc)
