"""Downloader middleware: every HTTP exchange of the crawl, written to WARC files.

Placed at 950, above HttpCompressionMiddleware (590): ``process_response``
runs from the highest number down, so this one sees the response before it
is decompressed, with the body as it came over the wire and its
``Content-Encoding`` still true (Scrapy issue #1988: the middleware deletes
the header after decoding). It also sees redirects (600), retried errors
(550) and robots.txt (fetched through the same chain), so nothing the
crawler fetched is missing from the WARC files.

What is not verbatim, and why: Scrapy has already removed any chunked
transfer encoding, so ``Transfer-Encoding`` is dropped from the stored
headers (the stored message is then what a server sending Content-Length
would have sent, and the payload digest is over the entity body, as the
WARC standard defines it); header names come title-cased by Scrapy; the
request record is rebuilt from the Request (Host added), since Twisted does
not expose the bytes it sent. A fetch that got no response (DNS error,
timeout, reset, a body over the size limit) leaves no WARC record; its
``pages`` row records the error.

Each response becomes a ``captures`` row through the crawl's
:class:`~crawler.session.ArchiveSession`; the capture ids travel in
``request.meta["warc_captures"]`` (copied by redirects and retries), so the
spider can link them to the article they gave.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psutil
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Headers, Response

from archive.capture import warcs
from archive.sites import urls
from archive.store import writer as store

if TYPE_CHECKING:
    from crawler.session import ArchiveSession

logger = logging.getLogger(__name__)

META_KEY = "warc_captures"


class WarcMiddleware:
    def __init__(self, crawler: Crawler, warc_dir: Path, max_bytes: int):
        self.crawler = crawler
        self.warc_dir = warc_dir
        self.max_bytes = max_bytes
        self.files: warcs.WarcFiles | None = None
        crawler.signals.connect(self.closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcMiddleware:
        settings = crawler.settings
        if not settings.getbool("ARCHIVE_WARC_ENABLED"):
            raise NotConfigured
        folder = settings.get("ARCHIVE_WARC_DIR") or warcs.default_warc_dir(
            settings.get("ARCHIVE_DB")
        )
        return cls(crawler, Path(folder), settings.getint("ARCHIVE_WARC_MAX_BYTES"))

    @property
    def session(self) -> ArchiveSession | None:
        return getattr(self.crawler.spider, "session", None)

    def process_response(self, request: Request, response: Response) -> Response:
        session = self.session
        if session is None or "cached" in response.flags:
            return response  # a cached answer was archived when it was fetched
        written = self._writer(session).write(exchange(request, response))
        row = capture_row(request, response, written, session)
        request.meta[META_KEY] = [*request.meta.get(META_KEY, ()), session.save_capture(row)]
        return response

    def _writer(self, session: ArchiveSession) -> warcs.WarcFiles:
        if self.files is None:
            worker = getattr(session, "worker", None)  # Redis mode: files named per worker
            if worker is None:
                self._repair(session)
            agent = self.crawler.settings.get("USER_AGENT")
            self.files = warcs.WarcFiles(self.warc_dir, session.crawl_id, self.max_bytes,
                                         {"http-header-user-agent": agent},
                                         label=worker)  # fmt: skip
        return self.files

    def _repair(self, session: ArchiveSession) -> None:
        """Cut torn tails off the files of crawls that died (SIGKILL, power loss).

        Only files of a crawl marked ``killed`` (the session does that under
        the crawl lock) or still marked ``running`` with its process gone (or
        this one: an earlier run of this crawl): a live crawl's file is never
        touched, and a file no crawl of this archive wrote is left alone. Only
        the tail after the last recorded capture of each file is read.
        """
        if not self.warc_dir.is_dir():
            return
        dead = dict(session.db.execute(
            "select id, pid from crawls where status in ('running', 'killed')"))  # fmt: skip
        names = []
        for path in self.warc_dir.glob("*" + warcs.SUFFIX):
            crawl_id = warcs.crawl_of(path.name)
            if crawl_id is None or crawl_id not in dead:
                continue
            pid = dead[crawl_id]
            if (
                crawl_id == session.crawl_id
                or not pid
                or pid == os.getpid()
                or not (psutil.pid_exists(pid))
            ):
                names.append(path.name)
        if not names:
            return
        known = store.capture_ends(session.db, names)
        for name, cut in warcs.repair_dir(self.warc_dir, known, names).items():
            logger.warning("WARC file %s: cut %d bytes of a torn last record", name, cut)

    def closed(self) -> None:
        if self.files is not None:
            self.files.close()


def exchange(request: Request, response: Response) -> warcs.Exchange:
    """The exchange as received; the WARC date is when the request went out."""
    latency = request.meta.get("download_latency")
    date = datetime.now(UTC) - timedelta(seconds=latency or 0)
    return warcs.Exchange(
        url=request.url,
        status=response.status,
        response_headers=_pairs(response.headers),
        body=response.body,
        date=date,
        method=request.method,
        request_headers=_pairs(request.headers),
        request_body=request.body,
        protocol=response.protocol or "HTTP/1.1",
        ip_address=str(response.ip_address) if response.ip_address else None,
    )


def capture_row(request: Request, response: Response, written: warcs.Written,
                session: ArchiveSession) -> dict[str, Any]:  # fmt: skip
    content_type = response.headers.get(b"Content-Type")
    return {
        "url": request.url,
        "site_id": request.meta.get("site_id") or site_for(request.url, session),
        "crawl_id": session.crawl_id,
        "fetched": written.date.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "status": response.status,
        "content_type": content_type.decode("latin-1") if content_type else None,
        "warc_file": written.warc_file,
        "offset": written.offset,
        "length": written.length,
        "digest": written.digest,
        "record_id": written.record_id,
    }


def site_for(url: str, session: ArchiveSession) -> str | None:
    """The site a request without one belongs to (robots.txt): in scope first, then by host."""
    sites = list(session.sites.values())
    for test in (urls.in_scope, urls.host_allowed):
        for site in sites:
            if test(url, site):
                return site.id
    return None


def _pairs(headers: Headers) -> list[tuple[str, str]]:
    return [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in headers.items()
        for value in values
    ]
