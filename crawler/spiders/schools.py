"""The one generic spider: every registered school site, or one with -a site=ID.

Discovery: start URLs, robots.txt `Sitemap:` lines, declared sitemaps and
feeds, and in-site links of every page (listings and pagination included).
Everything that decides what a page *is* lives in archive.extract.page and runs in
worker processes; this module only schedules, and hands results to the
pipeline.

Scheduling is incremental (archive/capture/recrawl.py): listings, feeds and sitemaps
every run, known pages only when revalidation is due, and then with
conditional headers; a 304 stores no body. Every request is recorded in the
SQLite frontier before it leaves (archive/capture/frontier.py), and requests left
by a killed or interrupted crawl are sent first.
"""

from __future__ import annotations

import asyncio
import re
from collections import defaultdict
from collections.abc import AsyncIterator, Iterator, Sized
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from twisted.internet import task
from twisted.python.failure import Failure

from archive.capture import attachments, documents, feeds, frontier, recrawl
from archive.extract import kinds
from archive.extract.shapes import ShapeBook
from archive.sites import urls
from archive.sites.registry import Site, load_sites, select_sites
from archive.store.writer import TEXT_COLUMNS, now
from crawler.items import AttachmentItem, PageItem
from crawler.middlewares import PAGE_URL, AlreadyArchived, RelistingSkipped
from crawler.relistings import RelistingGate
from crawler.session import ArchiveSession
from crawler.traps import TrapGuard
from crawler.workers import DocumentReader, PageAnalyzer

#: Request meta: links followed from the site's start to this page, the depth cap's
#: measure. Unlike Scrapy's own ``depth`` (kept for DEPTH_PRIORITY), a link from a listing
#: or an article that showed new articles does not add one (``_hop``), so neither
#: pagination nor a chain of related-news lists is cut short.
LINK_DEPTH = "link_depth"

#: Request meta of a document: the articles that asked for it.
ARTICLES = "articles"

#: Request meta: the link as the site wrote it, session id and all, where that is not
#: what was asked for; asked for once more if the cleaned URL is not found.
AS_WRITTEN = "as_written"
#: Request meta: the key of what the page showed when last read as a listing
#: (``pages.listing_key``, archive.extract.verdicts).
LISTING_KEY = "listing_key"
#: The answers to a cleaned URL that make it worth asking for the link as written: the
#: server knows no page without its session id.
NOT_FOUND = (400, 404, 410)

HTML_TYPES = ("text/html", "application/xhtml")
#: Articles first, then listings (pagination), then pages whose URL says nothing, whatever
#: their depth (DEPTH_PRIORITY takes 1 per level): a trap of unknown-shaped pages (a
#: calendar) is fetched last, so it cannot spend the page cap before the listings are done.
SHAPE_PRIORITY: dict[str | None, int] = {"article": 40, "listing": 20}
RELISTING_PRIORITY = -1000  # Redis mode: after every other page (crawler/redis_mode.py)
RELISTINGS_SKIPPED = "tag, author and date archives skipped: the sitemap lists articles"
SHAPE_REREAD = "pages taken for listings by their URL shape read again: an article shared it"
LISTINGS_BY_SHAPE = "archive/listings_by_shape"  # stat: listing pages taken so, unread
LISTINGS_UNCHANGED = "archive/listings_unchanged"  # stat: shown as when read, so unread
BACKLOG = 1000  # requests read from the archive at a time (resumed, or due for revalidation)
#: Links kept as turned down, per site (SchoolsSpider.declined): the repeated ones (menus,
#: "tin mới" boxes: a few hundred) come back within a page or two of a clear; 60 sites
#: full are ~18 MB.
DECLINED_KEPT = 2000


class SchoolsSpider(Spider):
    name = "schools"
    sites: list[Site]
    by_id: dict[str, Site]
    allowed_domains: list[str]
    max_pages: int
    max_depth: int
    revalidate_after: float  # seconds (ARCHIVE_REVALIDATE_AFTER)
    sweep: Iterator[Request] | None  # known pages due for revalidation, read at idle
    session: ArchiveSession
    analyzer: PageAnalyzer
    reader: DocumentReader | None  # document text (None: ARCHIVE_DOCUMENT_TEXT off)
    attachments: bool
    attachment_max_bytes: int
    pending_attachments: dict[str, list[str]]  # document URL -> articles waiting for it
    requested: set[str]  # page URLs this run has scheduled (the page cap counts each once)
    #: Per site, links this run turned down for a reason no later link to them changes (out
    #: of scope, archived and not due, done in the job): menus and "latest news" boxes
    #: repeat them on every listing, and a recrawl looked each up again (page_request was
    #: 14 % of its crawl process's samples, most of them for links already looked at).
    declined: defaultdict[str, set[str]]
    fed: set[str]  # sites whose feed or sitemap lists articles (this run or an earlier one)
    mapped: set[str]  # sites whose sitemap listed pages (this run, or a feed or sitemap before)
    shapes: defaultdict[str, ShapeBook]  # per site: what its pages of each URL shape were
    rereads: list[Request]  # pages to read again, found while links were scheduled
    traps: TrapGuard
    relistings: RelistingGate
    committer: task.LoopingCall | None  # commits the session's batch every interval

    def __init__(self, site: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.site_arg = site

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> SchoolsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        ids = spider.site_arg.split(",") if spider.site_arg else settings.getlist("ARCHIVE_SITES")
        spider.sites = select_sites(load_sites(settings.get("ARCHIVE_SITES_FILE")), ids)
        spider.by_id = {s.id: s for s in spider.sites}
        spider.allowed_domains = sorted({d for s in spider.sites for d in urls.allowed_hosts(s)})
        spider.max_pages = settings.getint("ARCHIVE_MAX_PAGES_PER_SITE")
        spider.max_depth = settings.getint("ARCHIVE_MAX_DEPTH")
        spider.revalidate_after = recrawl.parse_duration(settings.get("ARCHIVE_REVALIDATE_AFTER"))
        spider.attachments = settings.getbool("ARCHIVE_ATTACHMENTS")
        spider.attachment_max_bytes = settings.getint("ARCHIVE_ATTACHMENT_MAX_BYTES")
        spider.pending_attachments = {}
        spider.requested = set()
        spider.declined = defaultdict(set)
        spider.shapes = defaultdict(ShapeBook)
        spider.rereads = []
        spider.traps = TrapGuard(settings.getint("ARCHIVE_TRAP_DEPTH"))
        # Redis mode: any worker may read a site's sitemaps, so none holds archives back;
        # they go last instead (_priority) and are dropped once the site is mapped.
        spider.relistings = RelistingGate(enabled=not settings.get("ARCHIVE_REDIS_URL"))
        redis_mode = bool(settings.get("ARCHIVE_REDIS_URL"))
        if redis_mode:  # a worker of a Redis-mode job: records go to Redis (one writer)
            from crawler.redis_mode import open_session

            spider.session = open_session(settings, spider.sites)
        else:
            spider.session = ArchiveSession(
                settings.get("ARCHIVE_DB"), spider.sites,
                commit_interval=settings.getfloat("ARCHIVE_COMMIT_INTERVAL"),
            )  # fmt: skip
        spider.fed = spider.session.sites_with_feeds()
        for site_id, shapes in spider.session.known_shapes().items():
            for shape, counts in shapes.items():
                spider.shapes[site_id].seed(shape, counts)
        spider.mapped = set(spider.fed)  # a recrawl knows it from the last crawl, at once
        spider.analyzer = PageAnalyzer(
            settings.getint("ARCHIVE_EXTRACT_WORKERS"),
            settings.getfloat("ARCHIVE_EXTRACT_TIMEOUT"),
            spider.sites, None if redis_mode else settings.get("ARCHIVE_DB"),
            (spider.session.crawl_id, spider.session.started),
            redis=(settings.get("ARCHIVE_REDIS_URL"), settings.get("ARCHIVE_REDIS_KEY"))
            if redis_mode else None,
            pages_per_worker=settings.getint("ARCHIVE_EXTRACT_WORKER_PAGES"),
        )  # fmt: skip
        spider.analyzer.start()  # while Scrapy builds its engine and fetches robots.txt
        spider.reader = (
            DocumentReader(
                settings.getint("ARCHIVE_DOCUMENT_WORKERS"),
                documents.Limits(
                    ocr=settings.getbool("ARCHIVE_DOCUMENT_OCR"),
                    max_pages=settings.getint("ARCHIVE_DOCUMENT_MAX_PAGES"),
                    ocr_pages=settings.getint("ARCHIVE_DOCUMENT_OCR_PAGES"),
                    timeout=settings.getfloat("ARCHIVE_DOCUMENT_TIMEOUT"),
                    tool_memory=settings.getint("ARCHIVE_DOCUMENT_MEMORY"),
                ),
                settings.getint("ARCHIVE_DOCUMENT_MEMORY"),
            )
            if settings.getbool("ARCHIVE_DOCUMENT_TEXT")
            else None
        )
        if spider.reader is not None and spider.analyzer.workers > 0:
            spider.reader.start()  # with the workers: the crawl's memory is set from its start
        crawler.signals.connect(spider.on_robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider.on_opened, signal=signals.spider_opened)
        spider.committer = None
        spider.sweep = None
        spider.logger.info(
            "crawl %s of %s sites into %s (code: %s)%s", spider.session.crawl_id,
            len(spider.sites), settings.get("ARCHIVE_DB"), Path(__file__).parents[2],
            f"; resuming crawl(s) {spider.session.resuming}" if spider.session.resuming else "",
        )  # fmt: skip
        return spider

    def on_opened(self) -> None:
        """Results are committed in batches (crawler/session.py); a timer commits the last
        batch of a quiet moment too."""
        interval = self.session.commit_interval
        if interval > 0:
            self.committer = task.LoopingCall(self.session.tick)
            self.committer.start(interval, now=False)

    # --- scheduling ------------------------------------------------------------
    async def start(self) -> AsyncIterator[Request]:
        """Pending requests of a crawl this one resumes, then the sites' entry points."""
        for entry in self.session.resumed():
            await self._room()
            for output in self.resumed(entry):
                yield output
        if not self.session.seeds():
            return  # Redis mode: another worker seeds the shared frontier
        for request in self.entry_requests():
            yield request
        self.session.seeded()

    def entry_requests(self) -> Iterator[Request]:
        """The sites' entry points: start URLs, declared sitemaps and feeds."""
        for site in self.sites:
            for url in site.start_urls:
                if request := self.page_request(url, site, force=True):
                    yield request
            for url in site.sitemap_urls + site.feed_urls:
                yield self.listing_request(url, site)

    def on_idle(self) -> None:
        """Discovery is done: sweep the archive for known pages due for revalidation.

        This finds what no listing leads to any more (removed articles, old ones
        beyond the pagination). It runs last so that this run's sitemap verdicts
        and fetches count, and it feeds ``BACKLOG`` requests per idle moment.
        Archives held for a sitemap that will not answer here are sent first.
        """
        held = [
            sent
            for waiting in self.relistings.release_all()
            for sent in self._release(self.by_id[waiting.meta["site_id"]], [waiting])
        ]
        for waiting in held:
            self.crawler.engine.crawl(waiting)
        if held:
            raise DontCloseSpider
        if self.sweep is None:
            self.sweep = (
                request
                for site in self.sites
                for url in self.session.due_pages(site.id, self.revalidate_after)
                if (request := self.due_request(url, site)) is not None
            )
        sent = 0
        for request in self.sweep:
            self.crawler.engine.crawl(request)
            sent += 1
            if sent >= BACKLOG:
                break
        if sent:
            raise DontCloseSpider

    def due_request(self, url: str, site: Site) -> Request | None:
        """A page the archive finds due: looked at afresh, whatever an earlier link to it
        decided in this run (it may have come due since)."""
        self.declined[site.id].discard(url)
        return self.page_request(url, site)

    async def _room(self) -> None:
        """Feed requests from the archive only as fast as they are sent, so memory stays
        bounded however large the archive (the scheduler's queue is in memory)."""
        scheduler = self.crawler.engine.scheduler if self.crawler.engine else None
        while isinstance(scheduler, Sized) and len(scheduler) > BACKLOG:
            await asyncio.sleep(0.2)

    def resumed(self, entry: frontier.Entry) -> Iterator[Any]:
        """A request a killed or interrupted crawl left pending, under today's rules."""
        site = self.by_id[entry.site_id]
        if entry.kind == frontier.ATTACHMENT:
            yield from self.attachment_outputs(entry.url, site, list(entry.via))
        elif entry.kind == frontier.LISTING:
            yield self.listing_request(entry.url, site)
        elif request := self.page_request(
            entry.url, site, force=entry.kind == frontier.START, depth=entry.depth
        ):
            request.meta["depth"] = entry.depth
            yield request
        else:
            self.session.drop(entry.url)

    def page_request(
        self, url: str, site: Site, *, force: bool = False, depth: int = 0,
        lastmod: str | None = None, canonical: bool = False, written: str | None = None,
    ) -> Request | None:  # fmt: skip
        """A request for an in-scope page, unless caps or the archive say no.

        Known pages are revalidated when due (conditionally) and skipped
        otherwise; a page this job already stored is never fetched again.
        ``canonical``: ``url`` is canonical already (a page's links are), and
        ``written`` the link as the page wrote it, if otherwise. The page is
        known by its canonical URL and asked for as written, cleaned of session
        ids (archive.sites.urls.request_url).
        """
        written = written or url
        if not canonical:
            url = urls.canonical_url(url)
        if url in self.requested:
            return None  # asked for already in this run: a repeated link must not count again
        declined = self.declined[site.id]
        if not force and lastmod is None and url in declined:
            return None
        if len(declined) >= DECLINED_KEPT:
            declined.clear()
        if not force and not urls.in_scope(url, site):
            declined.add(url)
            return None
        if not force and depth > (site.max_depth if site.max_depth is not None else self.max_depth):
            self._note(site, "depth cap reached (ARCHIVE_MAX_DEPTH): deeper links not followed")
            return None
        state = self.session.page_state(url)
        if self.session.done_in_job(state):
            declined.add(url)
            return None
        if not force and site.id in self.mapped and recrawl.relisting(url):
            self._note(site, RELISTINGS_SKIPPED)
            declined.add(url)
            return None
        settled = site.id in self.fed and recrawl.settled_listing(url, state)
        decision = recrawl.decide(
            None if force else state, now=datetime.now(UTC),
            revalidate_after=self.revalidate_after, lastmod=lastmod, settled=settled,
        )  # fmt: skip
        if decision.reason == "lastmod-older" and state is not None and not state.sitemap_fresh:
            self.session.remember_fresh(url)
        if not decision.fetch:
            self._count_linked(url, site, state)
            if lastmod is None:  # a sitemap's lastmod may yet say it changed
                declined.add(url)
            return None
        if not self._count_request(site):
            return None
        kind = frontier.START if force else frontier.PAGE
        self.requested.add(url)
        self.session.schedule(url, site.id, depth, kind)
        asked = _asked(written, url)
        meta = {"site_id": site.id, PAGE_URL: url, LINK_DEPTH: depth}
        if state is not None and state.listing_key:
            meta[LISTING_KEY] = state.listing_key
        if urls.canonical_or_none(written) == url and written != asked:
            meta[AS_WRITTEN] = written
        request = Request(
            asked, headers=decision.headers, callback=self.parse, errback=self.on_error,
            meta=meta, priority=self._priority(url, site),
        )  # fmt: skip
        if not force and recrawl.relisting(url) and self.relistings.hold(site.id, request):
            return None  # sent or dropped once the site's sitemaps are read (_release)
        return request

    def _priority(self, url: str, site: Site) -> int:
        """Articles first, then listings. Redis mode holds no tag, author or date archive
        back until the site's sitemaps are read (any worker may read them): they go last
        instead, and are dropped if a sitemap listed the site's pages by then."""
        if not self.relistings.enabled and recrawl.relisting(url):
            return RELISTING_PRIORITY
        return SHAPE_PRIORITY.get(kinds.url_kind(url, site), 0)

    def relisting_skipped(self, request: Request) -> bool:
        """A queued tag, author or date archive of a site whose sitemap listed its pages."""
        url = request.meta.get(PAGE_URL)
        if url is None or request.meta.get("site_id") not in self.mapped:
            return False
        return recrawl.relisting(url)

    def _adopt_shared(self) -> Iterator[Request]:
        """What the job's other crawl processes learned (Redis mode's workers): the URL
        shapes their pages were, and the sites a sitemap listed the pages of."""
        if (shared := self.session.shared()) is None:
            return
        self.mapped |= shared.mapped
        for site_id, shapes in shared.shapes.items():
            if (site := self.by_id.get(site_id)) is None:
                continue
            book = self.shapes[site_id]
            for shape, counts in shapes.items():
                for url, depth in book.adopt(shape, counts):
                    yield self.reread_request(url, site, depth)

    def reread_request(self, url: str, site: Site, depth: int) -> Request:
        """A page taken for a listing by its URL shape, unread, fetched again to be read:
        an article turned up under that shape (archive.extract.shapes.ShapeBook)."""
        self._note(site, SHAPE_REREAD)
        self.session.schedule(url, site.id, depth, frontier.PAGE)
        return Request(
            _asked(url, url), callback=self.parse, errback=self.on_error, dont_filter=True,
            meta={"site_id": site.id, PAGE_URL: url, LINK_DEPTH: depth},
        )  # fmt: skip

    def _release(self, site: Site, held: list[Request]) -> Iterator[Request]:
        """Held tag, author and date archives: dropped when a sitemap listed the site's
        pages, sent otherwise."""
        for request in held:
            if site.id in self.mapped:
                self._note(site, RELISTINGS_SKIPPED)
                self.session.drop(request.meta[PAGE_URL])
                self.session.counts[site.id].scheduled -= 1
            else:
                yield request

    def _count_linked(self, url: str, site: Site, state: recrawl.PageState | None) -> None:
        """A known article still linked, not fetched because not due: it counts as found
        (a site that stops linking its articles is reported: crawler/session.py), and as an
        article of its URL shape, read in an earlier crawl: a recrawl reads few articles,
        and a listing verdict needs the site's articles confirmed (archive.extract.shapes)."""
        if state is None or state.article_id is None:
            return
        found = self.session.counts[site.id].found
        if state.article_id in found:
            return
        found.add(state.article_id)
        if state.kind == "article":
            for again, depth in self.shapes[site.id].record(url, "article"):
                self.rereads.append(self.reread_request(again, site, depth))

    def _count_request(self, site: Site) -> bool:
        """Count one more request against the site's cap; False once the cap is reached."""
        counts = self.session.counts[site.id]
        if counts.scheduled >= (site.max_pages if site.max_pages is not None else self.max_pages):
            self._note(site, "page cap reached (--max-pages, ARCHIVE_MAX_PAGES_PER_SITE)")
            return False
        counts.scheduled += 1
        return True

    def _note(self, site: Site, message: str) -> None:
        """A cap or trap this run ran into, reported once in crawl_sites.message as a note:
        normal behaviour, told apart from the site's faults (archive.store.stats)."""
        self.session.note(site.id, message)

    def listing_request(self, url: str, site: Site) -> Request:
        """Sitemaps and feeds are fetched every run, whatever their scope; known by their
        canonical URL and asked for as the site wrote them, as pages are (a server may
        know ``?option=com_osmap&view=xml`` in its own order only)."""
        canonical = urls.canonical_url(url)
        self.session.schedule(canonical, site.id, 0, frontier.LISTING)
        self.relistings.listing_started(site.id)
        return Request(
            _asked(url, canonical), callback=self.parse, errback=self.on_error,
            meta={"site_id": site.id, "listing": True}, priority=10,
        )  # fmt: skip

    def on_robots_parsed(self, robotparser: Any, request: Request) -> None:
        site = self.by_id.get(request.meta.get("site_id", ""))
        protego = getattr(robotparser, "rp", None)
        if site is None or protego is None:
            return
        for line in protego.sitemaps:
            # resolved against robots.txt: some servers write "Sitemap: /sitemap.xml"
            sitemap = urls.web_link(request.url, line)
            if sitemap and urls.host_allowed(sitemap, site):
                self.crawler.engine.crawl(self.listing_request(sitemap, site))

    # --- responses -------------------------------------------------------------
    async def parse(self, response: Response, **kwargs: Any) -> AsyncIterator[Any]:
        site = self.by_id[response.meta["site_id"]]
        if (again := self._as_written(response, site)) is not None:
            yield again  # the page is recorded from that answer
            return
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
        item = self._item(response, site, content_type)
        if response.status == 304:
            item.kind = "not-modified"  # the stored page stands; only its check time moves
        elif response.status >= 400 or response.status < 200:
            item.kind, item.error = "error", f"HTTP {response.status}"
        elif feeds.looks_like_xml(response.body, content_type) and not content_type.startswith(
            HTML_TYPES
        ):
            item.kind = "listing"
            depth = response.meta.get(LINK_DEPTH, 0)
            for request in self._from_listing(response.body, response.url, site, depth):
                yield request
        elif content_type.startswith(HTML_TYPES) or not content_type:
            encoding = _charset(content_type)
            for again in self._adopt_shared():
                yield again
            book = self.shapes[site.id]
            shapes = book.for_page(item.location)
            known = response.meta.get(LISTING_KEY)
            result = await self.analyzer.analyze(
                response.body, item.location, site, encoding, shapes=shapes, listing_key=known
            )
            if result.alias_of is not None and not self.session.knows_article(result.alias_of):
                result = await self.analyzer.analyze(  # cannot happen: never lose a page to it
                    response.body, item.location, site, encoding, aliases=False, shapes=shapes,
                    listing_key=known,
                )  # fmt: skip
            depth = response.meta.get(LINK_DEPTH, 0)
            if result.by_content:
                self.session.shape_read(site.id, item.location, result.kind)
                for url, at in book.record(item.location, result.kind):
                    yield self.reread_request(url, site, at)
            elif result.listing_key is not None:
                if self.crawler.stats:
                    self.crawler.stats.inc_value(LISTINGS_UNCHANGED)
            elif result.kind == "listing":
                book.hand(item.location, depth)
                if self.crawler.stats:
                    self.crawler.stats.inc_value(LISTINGS_BY_SHAPE)
            item.kind, item.article, item.error = result.kind, result.article, result.reason
            item.listing_key = result.listing_key
            item.aliases, item.alias_of = result.aliases, result.alias_of
            if result.alias_of is not None and self.crawler.stats:
                self.crawler.stats.inc_value("archive/aliases_not_extracted")
            articles = book.article_shaped(result.links)  # confirmed article shapes among them
            barren = self.traps.step(site.id, response.meta.get("barren", 0), articles)
            depth += _hop(result.kind, barren)
            if not self.traps.follow(site.id, barren):
                result.links = []  # counted by the guard, told in the site's notes (closed)
            for link in result.links:
                written = result.spellings.get(link)
                if follow := self.page_request(
                    link, site, depth=depth, canonical=True, written=written
                ):
                    follow.meta["barren"] = barren
                    yield follow
        else:
            item.kind = "other"
        while self.rereads:
            yield self.rereads.pop()
        documents = self.schedule_attachments(item, site)
        if self.session.record_releases_request:  # Redis mode: the request is done with it
            for url in documents:
                for follow in self.attachment_outputs(url, site, [item.location]):
                    yield follow
            documents = []
        yield item
        for url in documents:
            for follow in self.attachment_outputs(url, site, [item.location]):
                yield follow
        if response.meta.get("listing"):
            for request in self._release(site, self.relistings.listing_done(site.id)):
                yield request

    def _as_written(self, response: Response, site: Site) -> Request | None:
        """The link as the site wrote it, when the URL cleaned of its session id was not
        found (a server that keeps the session in the URL may know no page without it)."""
        written, asked = response.meta.get(AS_WRITTEN), response.request
        if written is None or asked is None or response.status not in NOT_FOUND:
            return None
        if not self._count_request(site):
            return None
        meta = {k: response.meta[k] for k in ("site_id", PAGE_URL, LINK_DEPTH, "barren", "depth")
                if k in response.meta}  # fmt: skip
        return asked.replace(url=written, meta=meta, dont_filter=True)

    # --- attachments -------------------------------------------------------------
    def schedule_attachments(self, item: PageItem, site: Site) -> list[str]:
        """The documents an article links to, written to the frontier before the article
        is stored (a kill between the two must not forget them)."""
        if item.article is None or not self.attachments:
            return []
        documents = list(attachments.wanted(item.article.attachments, site))
        for url in documents:
            self.session.schedule(url, site.id, 0, frontier.ATTACHMENT, via=item.location)
        return documents

    def attachment_outputs(self, url: str, site: Site, articles: list[str]) -> Iterator[Any]:
        """A document for these articles: fetched once per run, counted against the page cap.

        A document already archived (for another article) gets its row for
        these articles from the stored facts, without a second fetch.
        """
        if url in self.pending_attachments:
            self.pending_attachments[url].extend(articles)
        elif not self.attachments:
            self.session.drop(url)
        elif known := self.session.attachment(url):
            yield AttachmentItem(
                site_id=site.id, url=url, article_urls=articles,
                fetched=known["fetched"], file_name=known["file_name"],
                media_type=known["media_type"], size=known["size"], sha256=known["sha256"],
                captures=[known["capture_id"]] if known["capture_id"] else [],
                document={c: known[c] for c in TEXT_COLUMNS}
                if known.get("text_method") or known.get("text_error") else None,
            )  # fmt: skip
        elif self._count_request(site):
            self.pending_attachments[url] = list(articles)
            yield Request(
                url, callback=self.parse_attachment, errback=self.on_error,
                meta={"site_id": site.id, "attachment": True, ARTICLES: list(articles),
                      "download_maxsize": self.attachment_max_bytes},
            )  # fmt: skip
        else:
            self.session.drop(url)

    async def parse_attachment(self, response: Response) -> AsyncIterator[Any]:
        """Record the fetch, and the document for each article linking it (no HTML analysis),
        with its text, read off the reactor by the document workers (once per file)."""
        site = self.by_id[response.meta["site_id"]]
        content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1")
        item = self._item(response, site, content_type.lower())
        if not 200 <= response.status < 300:
            self.pending_attachments.pop(item.url, None)
            item.kind, item.error = "error", f"HTTP {response.status}"
        else:
            facts = attachments.describe(item.url, content_type, _header(
                response, b"Content-Disposition"), response.body)  # fmt: skip
            document = None
            if self.reader is not None:
                document = self.session.document_text(facts["sha256"])
                if document is None:
                    read = await self.reader.read(
                        response.body, facts["media_type"], facts["file_name"]
                    )
                    document = read.row()
            # articles that linked it while it was read are waiting too
            # (Redis mode: another worker may have asked for it; the request names them)
            linked = self.pending_attachments.pop(item.url, None) or response.meta.get(ARTICLES, [])
            yield AttachmentItem(site_id=site.id, article_urls=linked, fetched=item.fetched,
                                 captures=item.captures, document=document, **facts)  # fmt: skip
        yield item

    def _from_listing(self, body: bytes, base: str, site: Site, depth: int) -> Iterator[Request]:
        """The pages and sitemaps a feed or sitemap lists (relative locations resolved
        against it, as some CMSs write them)."""
        listing = feeds.parse_listing(body)
        if listing.entries and listing.kind != "sitemapindex":
            self.fed.add(site.id)  # its feed or sitemap says what is new: see page_request
        if listing.entries and listing.kind == "urlset" and site.id not in self.mapped:
            self.mapped.add(site.id)
            self.session.site_mapped(site.id)
        for entry in listing.entries:
            location = urls.web_link(base, entry.url)
            if location is None:
                continue
            if listing.kind == "sitemapindex":
                if urls.host_allowed(location, site):
                    yield self.listing_request(location, site)
            elif request := self.page_request(
                location, site, depth=depth + 1, lastmod=entry.lastmod
            ):
                yield request

    def _item(self, response: Response, site: Site, content_type: str) -> PageItem:
        requested = response.meta.get("redirect_urls", [response.url])[0]
        final = urls.canonical_url(response.url)
        return PageItem(
            site_id=site.id,
            url=urls.canonical_url(requested),
            kind="other",
            fetched=now(),
            status=response.status,
            content_type=content_type or None,
            length=len(response.body),
            etag=_header(response, b"ETag"),
            last_modified=_header(response, b"Last-Modified"),
            final_url=final if final != urls.canonical_url(requested) else None,
            captures=list(response.meta.get("warc_captures", ())),
        )

    def on_error(self, failure: Failure) -> Iterator[PageItem | Request]:
        request = failure.request  # type: ignore[attr-defined]
        site_id = request.meta.get("site_id")
        if site_id is None:
            return
        if request.meta.get("listing") and site_id in self.by_id:
            yield from self._release(self.by_id[site_id], self.relistings.listing_done(site_id))
        if isinstance(failure.value, AlreadyArchived):  # known meanwhile: nothing to record
            self.session.drop(request.meta[PAGE_URL])
            if self.crawler.stats:
                self.crawler.stats.inc_value("archive/pages_known_meanwhile")
            return
        if isinstance(failure.value, RelistingSkipped) and site_id in self.by_id:
            self._note(self.by_id[site_id], RELISTINGS_SKIPPED)
            self.session.drop(request.meta[PAGE_URL])
            self.session.counts[site_id].scheduled -= 1
            return
        reason = _reason(failure)
        # A robots.txt refusal is the site's wish, not a failure of the site.
        kind = "other" if "robots.txt" in reason else "error"
        first = request.meta.get("redirect_urls", [request.url])[0]  # the URL we asked for
        yield PageItem(
            site_id=site_id, url=urls.canonical_url(first), kind=kind,
            fetched=now(), error=reason,
        )  # fmt: skip

    def closed(self, reason: str) -> None:
        if self.committer is not None and self.committer.running:
            self.committer.stop()
        for site_id, cut in sorted(self.traps.cut.items()):
            pages = f"{cut} page" + ("" if cut == 1 else "s")
            self._note(self.by_id[site_id], f"trap guard: the links of {pages} that showed "
                       "no new article were not followed")  # fmt: skip
        self.analyzer.close()
        if self.reader is not None:
            self.reader.close()
        for site_id, book in self.shapes.items():
            self.session.save_shapes(site_id, book.totals())
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        self.totals = self.session.close(reason, stats)


def _asked(written: str, canonical: str) -> str:
    """What to send for a page known as ``canonical``: the link as written, cleaned."""
    try:
        return urls.request_url(written)
    except ValueError:
        return canonical


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key == "charset" and value:
            return value.strip("\"' ")
    return None


#: What Scrapy's errors that carry no message mean, for pages.error.
_SILENT_ERRORS = {
    "ResponseDataLossError": "the connection broke before the whole answer arrived",
    "DownloadCancelledError": "download cancelled (usually: larger than DOWNLOAD_MAXSIZE)",
}
_WRAPPED = re.compile(r"Failure [\w.]*?(\w+): ([^>]*)>")


def _reason(failure: Failure) -> str:
    """The recorded reason: the error's name and what it says, Twisted's wrappers unwrapped."""
    error = failure.value
    name = type(error).__name__
    text = str(error).strip()
    if text.startswith("[<twisted.python.failure.Failure"):  # a list of wrapped failures
        text = "; ".join(f"{kind}: {said.strip()}" for kind, said in _WRAPPED.findall(text))
    if name == "IgnoreRequest" and not text:
        return "ignored"
    text = text or _SILENT_ERRORS.get(name, "")
    return f"{name}: {text}" if text else name


def _hop(kind: str, barren: int) -> int:
    """How much deeper a page's links are: none from a listing or an article that showed
    new articles (a listing's next page and its articles are one listing's pages; an
    article's related-news list is a listing too), one from any other page.

    An article's depth is that of the first page that links it. Articles are fetched
    before listings (SHAPE_PRIORITY), so an article is often first met in the related
    list of the article before it: when each of those links added one, a chain of them
    reached the cap and the next article was refused there, while the listing pages
    that show it at depth 0 came later, showed nothing new (their articles had come
    through the chain) and were cut by the trap guard: the article was never fetched.
    Issue 17: 3,999 of 4,000 in Redis mode, whose frontier keeps that order strictly
    (docs/scale-out.md); tests/test_depth.py loses articles in one process too."""
    return 0 if kind in ("listing", "article") and barren == 0 else 1
