"""Downloader middlewares: stay inside each site, off private networks, and wait when told to.

:class:`SafetyMiddleware` checks every request and every redirect hop, so that
no redirect, meta refresh or link takes the crawler out of a site's domains
or path, round a loop, or to a private, loopback, link-local, unspecified or
multicast address (unless the site itself lives on that kind of address, as
the loopback sample web does). Refusals raise :class:`RefusedRequest`, whose
message is the reason the spider records in ``pages.error``.

:class:`RetryAfterMiddleware` honours ``Retry-After`` on 429 and 503, which
Scrapy's RetryMiddleware does not: it pauses the site's download slot for the
time asked, within ``ARCHIVE_RETRY_AFTER_MAX``; a longer wait is not retried
in this run.

:class:`RobotsTxtMiddleware` replaces Scrapy's (2.19) to fix a regression:
requests that wait for a site's robots.txt while it downloads each await
the same Deferred through ``maybe_deferred_to_future``, which consumes its
result, so only the first waiter got the rules and the others got None,
"no robots.txt", and were fetched whatever robots.txt said (found by the
kill campaign: a resumed crawl sends many requests to a site at once). The
regression came with scrapy/scrapy#6802 (``robot_parser`` made ``async``; its
author noted the waiting branch had no test); no upstream report of the bug
itself was found. ``tests/test_robots.py`` fails with the stock middleware.
"""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Awaitable, Callable, Iterable
from email.utils import parsedate_to_datetime
from time import monotonic, time
from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxt
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.response import get_meta_refresh
from twisted.internet.defer import Deferred
from w3lib.url import safe_url_string

from archive.sites import urls
from archive.sites.registry import Site
from archive.store.writer import now
from crawler.items import PageItem

logger = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

Resolver = Callable[[str], Awaitable[list[str]]]


class RefusedRequest(IgnoreRequest):
    """A request the crawler will not make; the message is the reason recorded."""


class RedirectRefused(RefusedRequest):
    pass


class AddressRefused(RefusedRequest):
    pass


def address_class(address: str) -> str | None:
    """The kind of a non-public address ('private', 'loopback'...), None when public."""
    ip = ipaddress.ip_address(address.strip("[]"))
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    checks = (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("unspecified", ip.is_unspecified),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),  # RFC 1918, fc00::/7 and the other special-purpose blocks
        ("reserved", ip.is_reserved),
        ("non-public", not ip.is_global),  # e.g. 100.64.0.0/10, carrier-grade NAT
    )
    return next((name for name, hit in checks if hit), None)


def _literal(host: str) -> str | None:
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return None


async def resolve_with_reactor(host: str) -> list[str]:
    """The address Scrapy will connect to: its own caching resolver (empty when it fails;
    the download then fails too, and is recorded as a DNS error)."""
    from twisted.internet import reactor

    try:
        address = await maybe_deferred_to_future(reactor.resolve(host))  # type: ignore[arg-type]
    except Exception:
        return []
    return [str(address)]


def redirect_problem(chain: Iterable[str], target: str, site: Site) -> str | None:
    """Why a redirect from the last URL of ``chain`` to ``target`` must not be followed."""
    chain = list(chain)
    parts = urlsplit(target)
    if parts.scheme not in ("http", "https"):
        return None  # RedirectMiddleware does not follow these either
    canonical = urls.canonical_or_none(target)
    if canonical is None:
        return f"redirect to a malformed URL: {target}"
    host, origin = (parts.hostname or "").lower(), (urlsplit(chain[0]).hostname or "").lower()
    if not urls.host_allowed(target, site) and (host, urls.port_of(target)) != (
        origin,
        urls.port_of(chain[0]),
    ):
        return f"redirect to another {'port' if host == origin else 'domain'}: {target}"
    if (
        site.path_prefix
        and not parts.path.startswith(site.path_prefix)
        and urls.host_allowed(chain[0], site)
    ):
        return f"redirect out of the site's path {site.path_prefix}: {target}"
    if canonical in {urls.canonical_url(u) for u in chain}:
        hops = " -> ".join([*chain, target][-4:])
        return f"redirect loop: {hops}"
    return None


class SafetyMiddleware:
    """Scope of redirects and safety of addresses, for every request of the crawl."""

    def __init__(self, crawler: Crawler, resolve: Resolver | None = None):
        self.crawler = crawler
        self.resolve = resolve or resolve_with_reactor
        self.meta_refresh = crawler.settings.getbool("METAREFRESH_ENABLED")
        self.meta_refresh_max = crawler.settings.getfloat("METAREFRESH_MAXDELAY")
        self.meta_refresh_ignore = crawler.settings.getlist("METAREFRESH_IGNORE_TAGS")
        self._allowed: dict[str, frozenset[str]] = {}
        crawler.signals.connect(self.request_dropped, signal=signals.request_dropped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SafetyMiddleware:
        return cls(crawler)

    # --- sites -----------------------------------------------------------------
    def sites(self) -> dict[str, Site]:
        return getattr(self.crawler.spider, "by_id", None) or {}

    def site_for(self, request: Request) -> Site | None:
        """The request's site: named in its meta (our requests), else by host (robots.txt)."""
        sites = self.sites()
        site = sites.get(request.meta.get("site_id", ""))
        if site is not None:
            return site
        return next((s for s in sites.values() if urls.host_allowed(request.url, s)), None)

    async def allowed_classes(self, site: Site | None) -> frozenset[str]:
        """The non-public address kinds a site may use: those its own start URLs resolve to."""
        if site is None:
            return frozenset()
        if site.id not in self._allowed:
            kinds: set[str] = set()
            for url in site.start_urls:
                for address in await self.addresses(urlsplit(url).hostname or ""):
                    kind = address_class(address)
                    if kind:
                        kinds.add(kind)
            self._allowed[site.id] = frozenset(kinds)
        return self._allowed[site.id]

    async def addresses(self, host: str) -> list[str]:
        if not host:
            return []
        literal = _literal(host)
        return [literal] if literal else await self.resolve(host)

    # --- requests --------------------------------------------------------------
    async def process_request(self, request: Request) -> None:
        site = self.site_for(request)
        problem = await self.address_problem(request.url, site)
        if problem:
            raise AddressRefused(problem)
        if site is not None and "redirect_urls" in request.meta:
            # A hop another middleware made (our response check has not seen it).
            problem = redirect_problem(request.meta["redirect_urls"], request.url, site)
            if problem and not problem.startswith("redirect loop"):
                raise RedirectRefused(problem)

    async def address_problem(self, url: str, site: Site | None) -> str | None:
        """Why the crawler must not connect where ``url`` points (None: it may)."""
        host = urlsplit(url).hostname or ""
        allowed = await self.allowed_classes(site)
        for address in await self.addresses(host):
            kind = address_class(address)
            if kind is not None and kind not in allowed:
                where = f" (host {host})" if address != host else ""
                return f"{kind} address {address}{where} refused"
        return None

    async def process_response(self, request: Request, response: Response) -> Response:
        """Refuse a redirect before RedirectMiddleware turns it into a request.

        Out-of-domain hops would otherwise be dropped silently by Scrapy's
        offsite filter, and loops or hops to a URL refused earlier by its
        duplicate filter: the URL would get no row and no reason.
        """
        target = self._redirect_target(request, response)
        site = self.site_for(request) if target else None
        if target is None or site is None:
            return response
        chain = [*request.meta.get("redirect_urls", []), request.url]
        problem = redirect_problem(chain, target, site)
        if problem and problem.startswith("redirect to another domain"):
            raise RedirectRefused(problem)
        refused = await self.address_problem(target, site)
        if refused:
            raise AddressRefused(f"redirect to {target}: {refused}")
        if problem:
            raise RedirectRefused(problem)
        return response

    def _redirect_target(self, request: Request, response: Response) -> str | None:
        if request.meta.get("dont_redirect") or request.meta.get("handle_httpstatus_all"):
            return None
        if response.status in request.meta.get("handle_httpstatus_list", ()):
            return None
        location = response.headers.get(b"Location")
        if response.status in REDIRECT_STATUSES and location:
            text = safe_url_string(location)
            if location.startswith(b"//"):
                text = f"{urlparse_cached(request).scheme}:{text}"
            return urljoin(request.url, text)
        if self.meta_refresh and isinstance(response, HtmlResponse):
            try:
                interval, url = get_meta_refresh(response, ignore_tags=self.meta_refresh_ignore)
            except Exception:
                return None
            if url and interval is not None and interval < self.meta_refresh_max:
                return url
        return None

    def request_dropped(self, request: Request) -> None:
        """A redirect to a URL this run already fetched: record where the old URL led."""
        chain = request.meta.get("redirect_urls")
        session = getattr(self.crawler.spider, "session", None)
        site_id = request.meta.get("site_id")
        if not chain or session is None or site_id is None:
            return
        item = PageItem(
            site_id=site_id, url=urls.canonical_url(chain[0]), kind="other", fetched=now(),
            final_url=urls.canonical_url(request.url),
        )  # fmt: skip
        try:
            session.save(item)
        except Exception:
            logger.exception("could not record the redirect of %s", chain[0])


# --- pages stored meanwhile --------------------------------------------------------

#: Meta key of page requests: the canonical URL to look up before sending (ArchivedMiddleware).
PAGE_URL = "page_url"


class AlreadyArchived(IgnoreRequest):
    """A queued page whose URL became a URL of an article this crawl stored."""


class RelistingSkipped(IgnoreRequest):
    """A queued tag, author or date archive of a site whose sitemap listed its pages."""


class ArchivedMiddleware:
    """Drop a queued page request whose URL this crawl has meanwhile stored as an article's,
    or that re-lists (a tag, author or date archive) what the site's sitemap listed.

    A page is scheduled when a link to it is found, and fetched later; by then
    another page may have declared it (Drupal's ``/node/N`` names its path alias
    as canonical and the alias names ``/node/N`` as shortlink), and the article
    is stored under both URLs. The spider then drops the request and its
    frontier row, as it skips a link to an already archived URL found later.
    """

    def __init__(self, crawler: Crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchivedMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        url = request.meta.get(PAGE_URL)
        spider = self.crawler.spider
        skipped = getattr(spider, "relisting_skipped", None)
        if skipped is not None and skipped(request):
            raise RelistingSkipped("a tag, author or date archive: the sitemap lists articles")
        session = getattr(spider, "session", None) if url else None
        if session is not None and session.archived(url):
            raise AlreadyArchived("an article this crawl stored is known at this URL")


# --- Retry-After -------------------------------------------------------------------


def retry_after_seconds(value: bytes | str | None, at: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or an HTTP date)."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        moment = parsedate_to_datetime(text).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return max(0.0, moment - (time() if at is None else at))


class RetryAfterMiddleware:
    """Pause a site's download slot for as long as its 429 or 503 asks (bounded)."""

    def __init__(self, crawler: Crawler, limit: float):
        self.crawler = crawler
        self.limit = limit
        self._until: dict[str, float] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        return cls(crawler, crawler.settings.getfloat("ARCHIVE_RETRY_AFTER_MAX", 60.0))

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in (429, 503):
            return response
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        if wait is None:
            return response
        if wait > self.limit:
            logger.info("%s asks to wait %.0fs (over %.0fs): not retried in this run",
                        request.url, wait, self.limit)  # fmt: skip
            request.meta["dont_retry"] = True
            return response
        self.pause(request, wait)
        return response

    def pause(self, request: Request, wait: float) -> None:
        """No request leaves the slot for ``wait`` seconds (the retry included)."""
        engine = self.crawler.engine
        if engine is None or wait <= 0:
            return
        downloader = engine.downloader
        key = request.meta.get("download_slot") or downloader.get_slot_key(request)
        slot = downloader.slots.get(key)
        until = monotonic() + wait
        if slot is None or until <= self._until.get(key, 0.0):
            return
        self._until[key] = until
        hold_slot(downloader, slot, wait)
        logger.info("pausing %s for %.1fs (Retry-After)", key, wait)


def hold_slot(downloader: Any, slot: Any, wait: float, schedule: Any = None) -> None:
    """Hold a download slot's queue for ``wait`` seconds: the one use of Scrapy internals.

    Scrapy has no public call for this. Its own download delay does it: a slot
    whose ``latercall`` is pending holds its queue, and the private
    ``Downloader._latercall(slot)`` clears it and resumes the queue.
    ``tests/test_security.py`` checks both against the installed Scrapy (2.19).
    ``schedule`` is ``call_later``'s stand-in for that test.
    """
    from scrapy.utils.asyncio import call_later

    resume = downloader._latercall  # an AttributeError now, not later, if Scrapy renames it
    if slot.latercall is not None:
        slot.latercall.cancel()
    slot.latercall = (schedule or call_later)(wait, resume, slot)


# --- robots.txt ------------------------------------------------------------------------


class RobotsTxtMiddleware(ScrapyRobotsTxt):
    """Scrapy's, with every request waiting for robots.txt getting the parsed rules."""

    async def robot_parser(self, request: Request) -> Any:
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if not isinstance(pending, Deferred):
            return await super().robot_parser(request)  # known already, or this one fetches it
        waiter: Deferred[Any] = Deferred()

        def relay(parser: Any) -> Any:
            waiter.callback(parser)
            return parser  # and the next waiter gets it too

        pending.addCallback(relay)
        return await maybe_deferred_to_future(waiter)
