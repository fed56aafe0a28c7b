"""Faults for the sample web: what broken school sites and networks do, as data.

:data:`CATALOGUE` lists every fault: its name, which kind of URL it hits,
what it does and what the archive must show for it (its ``effect``).
:class:`FaultyWeb` picks URLs of a :func:`~sampleweb.build_sample_web`
web for each fault (deterministically, from a seed), serves them through the
server's ``faults`` hook, counts what it injected, and keeps the ground
truth: which articles must still be archived (``expected``), which cannot be
(``lost``: every URL of them is broken for good), and the reason each broken
URL must be recorded with.

    web = build_sample_web(articles_per_site=10)
    faulty = FaultyWeb(web, timeout=2.0)
    with ForeignHost() as foreign, SampleWebServer(web, faults=faulty.faults) as server:
        faulty.foreign = foreign.base
        faulty.write_sites(server, "sites.toml")   # the registry, with extra domains
        ... crawl ...
        faulty.expected, faulty.lost, faulty.injected, foreign.hits

Faults are per URL and stateful (a burst of three 503s, then the page), so a
:class:`FaultyWeb` serves one campaign; build a new one for the next.
"""

from __future__ import annotations

import re
import socketserver
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from random import Random
from typing import TYPE_CHECKING

from sampleweb.core import dates
from sampleweb.core.entries import Entry, SampleArticle
from sampleweb.core.pages import Ctx, Request, Response
from sampleweb.core.routing import dispatch
from sampleweb.server import RawReply, ResetConnection
from sampleweb.web import SampleWeb

if TYPE_CHECKING:
    from sampleweb.server import Faults, SampleWebServer

Handler = Callable[[Request], "Response | None"]
Transform = Callable[["Response"], "Response"]  # a site-wide fault rewrites every answer
#: Query parameters only the faults' own URLs carry (loops, chains, traps): a fault owns
#: every value of them on its URL.
FAULT_PARAMS = frozenset({"vong", "buoc", "thang", "ngay", "trang"})

# What a fault hits.
ARTICLE = "article"  # one article: its URL and any second URL it has (print view, shortlink)
LISTING = "listing"  # a listing page other than the home page
OTHER = "other"  # an about or contact page
EXTRA = "extra"  # a new URL, linked from the site's home page
ROBOTS = "robots"  # robots.txt (and the article it disallows)
SITE = "site"  # every HTML page of the site
BETWEEN = "between"  # an article changed between two crawls

# What the archive must show for it.
RECOVERS = "recovers"  # the page is archived anyway: the fault is transient
FAILS = "fails"  # the URL is recorded as an error with ``reason``; its article is lost
REFUSED = "refused"  # never fetched where it points; recorded with ``reason``
BOUNDED = "bounded"  # a trap: the site stays under its caps, the cap is reported
RECORDED = "recorded"  # the URL gets a pages row, the crawl goes on (no crash)
CANONICAL = "canonical"  # session ids never reach stored URLs; no page fetched twice
DISALLOWED = "disallowed"  # never requested (robots.txt); recorded as such
REMOVED = "removed"  # answers 404 on the next crawl: kept, and marked removed

HUGE_BYTES = 50 * 1024 * 1024
#: Addresses the crawler must refuse. Deliberately not 10.0.0.1 or 169.254.169.254 (the
#: metadata service): if the check ever broke, a test must not reach anything real.
PRIVATE_TARGETS = (
    "http://10.213.47.1/noi-bo/tin-mat.html",
    "http://169.254.77.77/latest/meta-data/",
    "http://10.213.47.1/noi-bo/danh-ba.html",
)


@dataclass(frozen=True)
class Fault:
    """One entry of the catalogue; ``make`` builds the handler for one URL."""

    name: str
    target: str
    effect: str
    about: str
    make: Callable[[FaultyWeb, Injection], Handler | Transform] | None = None
    reason: str | None = None  # regex the recorded error of the URL must match
    extra_path: str | None = None  # for EXTRA: the new URL's path under the site's root


@dataclass
class Injection:
    """A fault placed on one URL of one site."""

    fault: Fault
    site_id: str
    path: str  # path and query, as the site serves it
    entry: Entry | None = None
    aliases: tuple[str, ...] = ()  # the article's other paths: the fault owns them too
    url: str = ""  # absolute, once the web is bound
    hits: int = 0  # faulty answers given
    handler: Callable[..., Response | None] | None = field(default=None, repr=False)


# -- handlers ------------------------------------------------------------------------


def _page(status: int, title: str, extra_headers: dict[str, str] | None = None) -> Response:
    body = f"<html><head><title>{status}</title></head><body><h1>{title}</h1></body></html>"
    return Response(status, body.encode(), headers=dict(extra_headers or {}))


def burst(status: int, times: int | None, retry_after: int | None = None) -> Callable[..., Handler]:
    """``times`` answers with ``status`` (and ``Retry-After``), then the real page."""

    def make(web: FaultyWeb, injection: Injection) -> Handler:
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}

        def handler(request: Request) -> Response | None:
            web.note_time(injection)  # every request, so the wait after a Retry-After shows
            if not web.take(injection, times):
                return None
            return _page(status, f"Lỗi {status}", headers)

        return handler

    return make


def slow(times: int | None) -> Callable[..., Handler]:
    """Answers only after the download timeout has passed (``times`` times; None: always)."""

    def make(web: FaultyWeb, injection: Injection) -> Handler:
        def handler(request: Request) -> Response | None:
            if not web.take(injection, times):
                return None
            time.sleep(web.timeout + 1.0)
            return web.render(request)

        return handler

    return make


def cut(reset: bool, times: int | None) -> Callable[..., Handler]:
    """Half the body, then a TCP reset (``reset``) or a clean close short of Content-Length."""

    def make(web: FaultyWeb, injection: Injection) -> Handler:
        def handler(request: Request) -> Response | None:
            if not web.take(injection, times):
                return None
            response = web.render(request)
            size = len(response.body)
            raise RawReply(response, send=size // 2, length=size, reset=reset)

        return handler

    return make


def reset_before_answer(web: FaultyWeb, injection: Injection) -> Handler:
    def handler(request: Request) -> Response | None:
        web.take(injection, None)
        raise ResetConnection(request.url)

    return handler


def truncated_html(web: FaultyWeb, injection: Injection) -> Handler:
    """A well-formed HTTP answer whose HTML stops in the middle (a crashed PHP script)."""

    def handler(request: Request) -> Response | None:
        web.take(injection, None)
        response = web.render(request)
        response.body = response.body[: len(response.body) * 55 // 100]
        return response

    return handler


def malformed_html(web: FaultyWeb, injection: Injection) -> Handler:
    """The real article with its closing tags dropped and stray markup sprinkled in."""

    def handler(request: Request) -> Response | None:
        web.take(injection, None)
        response = web.render(request)
        body = re.sub(rb"</(div|p|span|td|tr|table|li|ul)>", b"", response.body)
        body = body.replace(b"<body", b"<<<>>><div <p class='x><body", 1)
        response.body = body + b"<table><tr><td><!-- never closed <script>var x = '</"
        return response

    return handler


def charset_lie(web: FaultyWeb, injection: Injection) -> Handler:
    """The header names a charset the bytes are not in (UTF-8 sent as Latin-1 and back)."""

    def handler(request: Request) -> Response | None:
        web.take(injection, None)
        response = web.render(request)
        wrong = "utf-8" if "1258" in response.content_type else "iso-8859-1"
        response.content_type = f"text/html; charset={wrong}"
        return response

    return handler


def empty(web: FaultyWeb, injection: Injection) -> Handler:
    def handler(request: Request) -> Response | None:
        web.take(injection, None)
        return Response(200, b"")

    return handler


def binary(web: FaultyWeb, injection: Injection) -> Handler:
    noise = Random(injection.path).randbytes(300_000)

    def handler(request: Request) -> Response | None:
        web.take(injection, None)
        return Response(200, noise, "text/html")

    return handler


def huge(declared: bool) -> Callable[..., Handler]:
    """A 50 MB page, streamed: with its Content-Length, or ending only when the connection does."""

    def make(web: FaultyWeb, injection: Injection) -> Handler:
        def handler(request: Request) -> Response | None:
            web.take(injection, None)
            head = Response(200, b"", "text/html; charset=utf-8")
            raise RawReply(head, chunks=_huge_chunks(), length=HUGE_BYTES if declared else -1)

        return handler

    return make


def _huge_chunks() -> Iterator[bytes]:
    line = "<p>Nghị quyết số 12 về công tác đào tạo, bồi dưỡng cán bộ. </p>\n".encode()
    block = line * (65536 // len(line))
    block += b" " * (65536 - len(block))
    yield b"<!DOCTYPE html><html><head><title>T\xc3\xa0i li\xe1\xbb\x87u</title></head><body>"
    for _ in range(HUGE_BYTES // len(block) - 1):
        yield block


def redirect_to(target: Callable[[FaultyWeb, Injection], str], status: int = 302):
    def make(web: FaultyWeb, injection: Injection) -> Handler:
        def handler(request: Request) -> Response | None:
            web.take(injection, None)
            return Response(status, b"", headers={"Location": target(web, injection)})

        return handler

    return make


def redirect_loop(web: FaultyWeb, injection: Injection) -> Handler:
    """A → A?vong=1 → A: two URLs sending the crawler to each other."""

    def handler(request: Request) -> Response | None:
        web.take(injection, None)
        path = injection.path
        location = path if "vong" in request.query else _with_param(path, "vong=1")
        return Response(302, b"", headers={"Location": web.absolute(injection, location)})

    return handler


def redirect_chain(web: FaultyWeb, injection: Injection) -> Handler:
    """A → A?buoc=1 → A?buoc=2 → ...: every hop a new URL, never an answer."""

    def handler(request: Request) -> Response | None:
        web.take(injection, None)
        step = int(request.query.get("buoc", "0") or 0) + 1
        location = _with_param(injection.path, f"buoc={step}")
        return Response(302, b"", headers={"Location": web.absolute(injection, location)})

    return handler


def calendar(web: FaultyWeb, injection: Injection) -> Handler:
    """An events calendar: each month links its days and both neighbouring months, forever."""

    def handler(request: Request) -> Response | None:
        web.take(injection, None)
        base = injection.path.split("?")[0]
        year, month = _month(request.query.get("thang", "2024-05"))
        links = [
            f"{base}?thang={y:04d}-{m:02d}"
            for y, m in (_shift(year, month, -1), _shift(year, month, 1))
        ]
        links += [f"{base}?thang={year:04d}-{month:02d}&ngay={d}" for d in range(1, 29)]
        html = "".join(f'<a href="{link}">{link[-2:]}</a> ' for link in links)
        title = f"Lịch công tác tháng {month}/{year}"
        return _html(f"<h1>{title}</h1><table><tr><td>{html}</td></tr></table>", title)

    return handler


def endless_pagination(web: FaultyWeb, injection: Injection) -> Handler:
    """Page N shows the same three articles and links page N+1, forever."""

    def handler(request: Request) -> Response | None:
        web.take(injection, None)
        base = injection.path.split("?")[0]
        page = int(request.query.get("trang", "1") or 1)
        latest = web.latest_links(injection.site_id, 3)
        items = "".join(f'<li><a href="{u}">{t}</a></li>' for u, t in latest)
        title = f"Tin hoạt động - Trang {page}"
        body = f'<h1>{title}</h1><ul>{items}</ul><a href="{base}?trang={page + 1}">Trang sau</a>'
        return _html(body, title)

    return handler


def session_ids(web: FaultyWeb, injection: Injection) -> Transform:
    """Every link of every page of the site gets a fresh session id (PHP and Java styles)."""

    def transform(response: Response) -> Response:
        if not response.content_type.startswith("text/html") or response.status != 200:
            return response
        web.take(injection, None)
        serial = injection.hits

        def add(match: re.Match[bytes]) -> bytes:
            href = match.group(2)
            if href.startswith((b"#", b"mailto:", b"javascript:")):
                return match.group(0)
            sid = b"%08x" % (zlib.crc32(b"%d|%s" % (serial, href)))
            if b"?" in href:
                href += b"&PHPSESSID=" + sid
            else:
                href += b";jsessionid=" + sid.upper()
            return match.group(1) + href + b'"'

        response.body = re.sub(rb'(href=")([^"]*)"', add, response.body)
        return response

    return transform


def robots_rules(web: FaultyWeb, injection: Injection) -> Handler:
    """robots.txt disallowing one article and asking for a Crawl-delay."""

    def handler(request: Request) -> Response | None:
        web.take(injection, None)
        response = web.render(request)
        text = response.body.decode("utf-8")
        blocked = [path for i in web.injected if i.fault.effect == DISALLOWED
                   and i.site_id == injection.site_id for path in (i.path, *i.aliases)]  # fmt: skip
        rules = "".join(f"Disallow: {path}\n" for path in blocked)
        delay = f"Crawl-delay: {web.crawl_delay:g}\n" if web.crawl_delay else ""
        text = text.replace("User-agent: *\n", f"User-agent: *\n{rules}{delay}", 1)
        response.body = text.encode("utf-8")
        return response

    return handler


def never(web: FaultyWeb, injection: Injection) -> Handler:
    """The URL must never be requested: counts a hit if it is, answers normally."""

    def handler(request: Request) -> Response | None:
        web.take(injection, None)
        return None

    return handler


def _html(body: str, title: str) -> Response:
    page = f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
    return Response(200, (page + f"</head><body>{body}</body></html>").encode("utf-8"))


def _with_param(path: str, param: str) -> str:
    return f"{path}{'&' if '?' in path else '?'}{param}"


def _month(value: str) -> tuple[int, int]:
    try:
        year, month = (int(p) for p in value.split("-")[:2])
    except ValueError:
        return 2024, 5
    return (year, month) if 1 <= month <= 12 else (2024, 5)


def _shift(year: int, month: int, step: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + step
    return index // 12, index % 12 + 1


def _foreign(web: FaultyWeb, injection: Injection) -> str:
    return f"{web.foreign}/tin-tuc/bai-viet-{injection.site_id}.html"


def _private(index: int) -> Callable[[FaultyWeb, Injection], str]:
    return lambda web, injection: PRIVATE_TARGETS[index]


#: Every fault the campaign injects: name, target, effect, what it does, expected reason.
CATALOGUE: tuple[Fault, ...] = (
    Fault("burst-500", ARTICLE, RECOVERS, "two 500s, then the page", burst(500, 2)),
    Fault(
        "burst-502", LISTING, RECOVERS, "two 502s on a listing page, then the page", burst(502, 2)
    ),
    Fault(
        "burst-503",
        ARTICLE,
        RECOVERS,
        "three 503s with Retry-After: 1, then the page",
        burst(503, 3, retry_after=1),
    ),
    Fault(
        "throttle-429",
        ARTICLE,
        RECOVERS,
        "429 with Retry-After: 2, then the page",
        burst(429, 1, retry_after=2),
    ),
    Fault(
        "too-many-5xx", ARTICLE, FAILS, "503 on every try", burst(503, None), reason=r"^HTTP 503$"
    ),
    Fault("slow-once", ARTICLE, RECOVERS, "first answer slower than the download timeout", slow(1)),
    Fault(
        "slow-always",
        ARTICLE,
        FAILS,
        "every answer slower than the download timeout",
        slow(None),
        reason=r"TimeoutError|took longer than",
    ),
    Fault(
        "reset-mid-body", ARTICLE, RECOVERS, "half the body, then a TCP reset (once)", cut(True, 1)
    ),
    Fault(
        "reset-always",
        ARTICLE,
        FAILS,
        "half the body, then a TCP reset, every time",
        cut(True, None),
        reason=r"DataLoss|ResponseFailed|ConnectionLost|connection broke",
    ),
    Fault(
        "no-answer",
        ARTICLE,
        FAILS,
        "the connection closes before any answer",
        reset_before_answer,
        reason=r"ResponseNeverReceived|ConnectionDone|ConnectionLost|clos",
    ),
    Fault(
        "truncated-once",
        ARTICLE,
        RECOVERS,
        "body shorter than Content-Length, clean close",
        cut(False, 1),
    ),
    Fault(
        "truncated-html",
        ARTICLE,
        RECORDED,
        "a complete answer whose HTML stops half-way",
        truncated_html,
    ),
    Fault(
        "redirect-loop",
        ARTICLE,
        FAILS,
        "A redirects to A?vong=1, which redirects to A",
        redirect_loop,
        reason=r"redirect loop",
    ),
    Fault(
        "redirect-chain",
        ARTICLE,
        FAILS,
        "every hop redirects to a new URL",
        redirect_chain,
        reason=r"max redirections|redirect",
    ),
    Fault(
        "redirect-offsite",
        ARTICLE,
        REFUSED,
        "302 to another domain",
        redirect_to(_foreign),
        reason=r"another domain",
    ),
    Fault(
        "redirect-private",
        ARTICLE,
        REFUSED,
        "302 to a private address (10/8)",
        redirect_to(_private(0)),
        reason=r"private address",
    ),
    Fault(
        "redirect-metadata",
        ARTICLE,
        REFUSED,
        "302 to link-local (where metadata services live)",
        redirect_to(_private(1)),
        reason=r"link-local address",
    ),
    Fault(
        "link-private",
        EXTRA,
        REFUSED,
        "a link to a private address in an allowed domain",
        None,
        reason=r"private address",
        extra_path=PRIVATE_TARGETS[2],
    ),
    Fault(
        "calendar",
        EXTRA,
        BOUNDED,
        "an events calendar linking months and days forever",
        calendar,
        extra_path="lich-cong-tac?thang=2024-05",
    ),
    Fault(
        "endless-pagination",
        EXTRA,
        BOUNDED,
        "a listing whose next page never ends",
        endless_pagination,
        extra_path="tin-hoat-dong?trang=1",
    ),
    Fault("session-ids", SITE, CANONICAL, "a fresh session id in every link", session_ids),
    Fault(
        "huge-page",
        EXTRA,
        FAILS,
        "a 50 MB page with its Content-Length",
        huge(True),
        reason=r"size|maxsize|larger",
        extra_path="tai-lieu/toan-van.html",
    ),
    # Without a Content-Length the size is known only as it arrives: the download is cut at
    # DOWNLOAD_MAXSIZE, or at DOWNLOAD_TIMEOUT when 16 MB take longer (a busy machine).
    Fault(
        "huge-stream",
        EXTRA,
        FAILS,
        "a 50 MB page without Content-Length",
        huge(False),
        reason=r"size|larger|[Cc]ancel|took longer than",
        extra_path="tai-lieu/phu-luc.html",
    ),
    Fault(
        "binary-as-html",
        EXTRA,
        RECORDED,
        "random bytes labelled text/html",
        binary,
        extra_path="tai-lieu/bang-diem.html",
    ),
    Fault(
        "charset-lie", ARTICLE, RECOVERS, "a charset header that contradicts the bytes", charset_lie
    ),
    Fault("empty-200", OTHER, RECORDED, "200 with an empty body", empty),
    Fault(
        "malformed-html", ARTICLE, RECOVERS, "closing tags dropped, stray markup", malformed_html
    ),
    Fault("robots-txt", ROBOTS, RECOVERS, "Disallow rules and a Crawl-delay", robots_rules),
    Fault(
        "robots-disallowed",
        ARTICLE,
        DISALLOWED,
        "an article robots.txt disallows",
        never,
        reason=r"robots\.txt",
    ),
    Fault("removed-article", BETWEEN, REMOVED, "an archived article answers 404 next time"),
)
FAULTS = {fault.name: fault for fault in CATALOGUE}


class FaultyWeb:
    """The sample web with the catalogue's faults placed on chosen URLs."""

    def __init__(
        self,
        web: SampleWeb,
        faults: tuple[Fault, ...] = CATALOGUE,
        *,
        seed: int = 0,
        timeout: float = 2.0,
        crawl_delay: float | None = 0.2,
        per_fault: int = 1,
    ):
        self.web = web
        self.timeout = timeout
        self.crawl_delay = crawl_delay
        self.foreign = "http://127.0.0.250:9"
        self.injected: list[Injection] = []
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = {}
        self._rng = Random(f"faults:{seed}")
        self._used: set[int] = set()
        self._by_url: dict[str, Injection] = {}
        self._by_path: dict[str, Injection] = {}
        self._site_wide: dict[str, Injection] = {}
        self._home_links: dict[str, list[str]] = {}
        self._bound = False
        self._visits = 3_000_000
        html_sites = [m.site.id for m in web.models if m.site.encoding == "utf-8"]
        all_sites = [m.site.id for m in web.models]
        robots_site: str | None = None
        for number, fault in enumerate(f for f in faults for _ in range(per_fault)):
            sites = html_sites if fault.target in (EXTRA, SITE, ROBOTS) else all_sites
            site_id = sites[(number + seed) % len(sites)]
            if fault.effect == DISALLOWED:  # the article goes where robots.txt is rewritten
                robots_site = robots_site or site_id
                site_id = robots_site
            elif fault.target == ROBOTS:
                if robots_site is not None:
                    continue  # one rewritten robots.txt serves every disallowed article
                robots_site = site_id
            self._place(fault, site_id)
        if robots_site and not any(i.fault.target == ROBOTS for i in self.injected):
            self._place(FAULTS["robots-txt"], robots_site)

    # -- placing -----------------------------------------------------------------
    def _place(self, fault: Fault, site_id: str) -> None:
        model = self.web.model(site_id)
        style, root = model.style, model.site.path_prefix or "/"
        entry = None
        if fault.target in (ARTICLE, BETWEEN):
            entry = self._pick_entry(site_id)
            path = style.article_path(entry)
        elif fault.target == LISTING:
            path = self._rng.choice(style.listing_paths()[1:])
        elif fault.target == OTHER:
            path = style.other_paths()[0]
        elif fault.target == ROBOTS:
            path = "/robots.txt"
        elif fault.target == SITE:
            path = ""
        else:
            extra = fault.extra_path or fault.name
            path = extra if extra.startswith("http") else root + extra
            self._home_links.setdefault(site_id, []).append(path)
        aliases = tuple(style.alias_paths(entry)) if entry is not None else ()
        injection = Injection(fault, site_id, path, entry, aliases)
        if fault.make is not None:
            injection.handler = fault.make(self, injection)
        self.injected.append(injection)

    def _pick_entry(self, site_id: str) -> Entry:
        model = self.web.model(site_id)
        copies = {id(e.copy_of) for m in self.web.models for e in m.entries if e.copy_of}
        choices = [
            e for e in model.entries
            if not e.removed and id(e) not in self._used and id(e) not in copies
            and e.copy_of is None
        ]  # fmt: skip
        if not choices:
            raise ValueError(f"{site_id}: too few articles for its faults; build a bigger web")
        entry = self._rng.choice(choices)
        self._used.add(id(entry))
        return entry

    def _bind(self) -> None:
        """Absolute URLs, once the server has bound the sites (first request)."""
        for injection in self.injected:
            if injection.fault.target == SITE:
                self._site_wide[injection.site_id] = injection
                continue
            injection.url = self.absolute(injection, injection.path)
            if injection.handler is not None:
                for path in (injection.path, *injection.aliases):
                    self._by_url[_key(self.absolute(injection, path))] = injection
        self._bound = True

    # -- serving -----------------------------------------------------------------
    @property
    def faults(self) -> Faults:
        """The ``faults`` argument of :class:`SampleWebServer`: every request comes here."""
        return {re.compile(""): self.respond}

    def respond(self, request: Request) -> Response | None:
        """The faulty answer, if a fault owns the URL; else the page with site-wide faults."""
        with self.lock:
            if not self._bound:
                self._bind()
        injection = self._by_url.get(_key(request.url))
        if injection is not None and injection.handler is not None:
            response = injection.handler(request)
            if response is not None:
                return response
        response = None
        links = self._home_links.get(request.site_id)
        home = self.web.model(request.site_id).site.start_path
        if links and request.path == home and not request.query:
            response = self._with_links(request, links)
        site_wide = self._site_wide.get(request.site_id)
        if site_wide is not None and site_wide.handler is not None:
            return site_wide.handler(response or self.render(request))
        return response

    def _with_links(self, request: Request, links: list[str]) -> Response:
        """The home page with the extra URLs linked at the end of its body."""
        response = self.render(request)
        anchors = "".join(f'<a href="{link}">Liên kết {n}</a> ' for n, link in enumerate(links))
        marker = response.body.lower().rfind(b"</body>")
        at = marker if marker >= 0 else len(response.body)
        response.body = (
            response.body[:at] + anchors.encode("ascii", "xmlcharrefreplace") + response.body[at:]
        )
        return response

    def render(self, request: Request) -> Response:
        """What the site would have answered without the fault."""
        base = self.web.bases[request.site_id]
        with self.lock:
            self._visits += 1
            visits = self._visits
        ctx = Ctx(base, datetime.now(dates.VN), visits=visits)
        with self.web.lock:
            return dispatch(self.web.model(request.site_id), request, ctx)

    def take(self, injection: Injection, times: int | None) -> bool:
        """Count one faulty answer if the fault still has one to give (``times`` None: always)."""
        with self.lock:
            if times is not None and injection.hits >= times:
                return False
            injection.hits += 1
            return True

    def note_time(self, injection: Injection) -> None:
        """When requests for the injection's URL came (``times[injection.url]``, in order)."""
        with self.lock:
            self.times.setdefault(injection.url, []).append(time.monotonic())

    def absolute(self, injection: Injection, path: str) -> str:
        return path if path.startswith("http") else self.web.bases[injection.site_id] + path

    def latest_links(self, site_id: str, count: int) -> list[tuple[str, str]]:
        model = self.web.model(site_id)
        with self.web.lock:
            entries = model.live()[:count]
            return [(self.web.absolute(site_id, model.style.article_path(e)),
                     model.style.title(e)) for e in entries]  # fmt: skip

    # -- the registry ----------------------------------------------------------------
    def extra_domains(self) -> dict[str, list[str]]:
        """Private hosts the registry must list for some sites, with their port (the sites
        live on another one), so that the address check (not the scope check) refuses them."""
        domains: dict[str, list[str]] = {}
        for injection in self.injected:
            if injection.fault.name in ("redirect-private", "redirect-metadata", "link-private"):
                host = PRIVATE_TARGETS[1 if injection.fault.name == "redirect-metadata" else 0]
                domains.setdefault(injection.site_id, []).append(f"{host.split('/')[2]}:80")
        return domains

    def sites_toml(self, server: SampleWebServer) -> str:
        """The server's registry, with each site's extra domains beside its own host."""
        blocks = server.sites_toml().split("[[site]]\n")
        extra = self.extra_domains()
        out = [blocks[0]]
        for block in blocks[1:]:
            site_id = re.search(r'^id = "([^"]+)"', block, re.M).group(1)  # type: ignore[union-attr]
            if site_id in extra:
                host = server.urls[site_id].split("//")[1].split(":")[0]
                domains = ", ".join(f'"{d}"' for d in [host, *sorted(set(extra[site_id]))])
                block = block.replace("\nname = ", f"\nallowed_domains = [{domains}]\nname = ", 1)
            out.append(block)
        return "[[site]]\n".join(out)

    def write_sites(self, server: SampleWebServer, path: str | Path) -> Path:
        target = Path(path)
        target.write_text(self.sites_toml(server), encoding="utf-8")
        return target

    # -- ground truth ------------------------------------------------------------------
    def remove_between_crawls(self) -> list[SampleArticle]:
        """Delete the articles of the removed-article faults (call after the first crawl)."""
        removed = []
        for injection in self.injected:
            if injection.fault.effect == REMOVED and injection.entry is not None:
                truth = self.web.truth(injection.entry)
                self.web.remove_article(truth.url)
                injection.url = truth.url
                removed.append(truth)
        return removed

    def _lost_entries(self) -> set[int]:
        lost_effects = (FAILS, REFUSED, DISALLOWED, RECORDED)
        return {id(i.entry) for i in self.injected
                if i.entry is not None and i.fault.effect in lost_effects}  # fmt: skip

    @property
    def expected(self) -> list[SampleArticle]:
        """Articles that must be archived: every one no fault breaks for good."""
        lost = self._lost_entries()
        return [self.web.truth(e) for _, e in self.web.iter_entries() if id(e) not in lost]

    @property
    def lost(self) -> list[SampleArticle]:
        """Articles whose every URL is broken for good: recorded as failures, not archived."""
        lost = self._lost_entries()
        return [self.web.truth(e) for _, e in self.web.iter_entries()
                if id(e) in lost and self._effect_of(e) != RECORDED]  # fmt: skip

    def _effect_of(self, entry: Entry) -> str | None:
        for injection in self.injected:
            if injection.entry is entry:
                return injection.fault.effect
        return None

    def with_reason(self) -> list[Injection]:
        """Injections whose URL must be recorded with their fault's reason."""
        return [i for i in self.injected if i.fault.reason]

    def summary(self) -> dict[str, int]:
        """Faulty answers given per fault name, and the distinct URLs they hit."""
        answers: Counter[str] = Counter()
        for injection in self.injected:
            answers[injection.fault.name] += injection.hits
        return dict(answers)

    @property
    def pages_affected(self) -> int:
        return sum(1 for i in self.injected if i.hits)

    @property
    def answers(self) -> int:
        return sum(i.hits for i in self.injected)


def _key(url: str) -> str:
    """The canonical URL without the faults' own query parameters."""
    from archive.sites.urls import canonical_url

    scheme, rest = canonical_url(url).split("://", 1)
    path, _, query = rest.partition("?")
    kept = [p for p in query.split("&") if p and p.split("=", 1)[0] not in FAULT_PARAMS]
    return f"{scheme}://{path}" + (f"?{'&'.join(kept)}" if kept else "")


class ForeignHost:
    """Another domain on loopback (127.0.0.250): records every request it gets.

    Redirects to it must never be followed, so a test asserts ``hits == []``.
    """

    def __init__(self, host: str = "127.0.0.250"):
        self.host = host
        self.hits: list[str] = []
        self._server: socketserver.ThreadingTCPServer | None = None

    @property
    def base(self) -> str:
        assert self._server is not None
        return f"http://{self.host}:{self._server.server_address[1]}"

    def __enter__(self) -> ForeignHost:
        owner = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                line = self.rfile.readline(65537).decode("latin-1").strip()
                owner.hits.append(line)
                body = b"<html><body><h1>Not a school</h1></body></html>"
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                 b"Connection: close\r\nContent-Length: %d\r\n\r\n%s"
                                 % (len(body), body))  # fmt: skip

        server = socketserver.ThreadingTCPServer((self.host, 0), Handler)
        server.daemon_threads = True
        self._server = server
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2},
                         daemon=True).start()  # fmt: skip
        return self

    def __exit__(self, *exc: object) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


# --- Whole-site breakages, for the monitors (issue 21) ----------------------------------

#: What a redesign that drops the publication date removes: dated metadata, <time>
#: elements and any element whose class names a date (the sidebars' dates go too).
_DATE_MARKUP = (
    re.compile(rb"<meta[^>]+(?:published|modified|date|time)[^>]*>", re.I),
    re.compile(rb"<time\b[^>]*>.*?</time>", re.I | re.S),
    re.compile(rb"<(\w+)\b[^>]*class=\"[^\"]*date[^\"]*\"[^>]*>.*?</\1>", re.I | re.S),
)


@dataclass
class Breakages:
    """Sites that break quietly between two crawls: one hook for the server's ``faults``.

    ``undated``: a redesign drops the publication date from every page (answers
    are 200 without validators, so a conditional recrawl gets the new layout);
    ``dark``: every URL answers 404 (a merger emptied the site); ``forbidden``:
    robots.txt adds ``Disallow`` lines for these path prefixes. Switched on by
    filling the sets between crawls; the server consults it before routing::

        breakages = Breakages(web)
        with SampleWebServer(web, faults={EVERYWHERE: breakages}) as server:
            ... crawl ...
            breakages.undated.add("liferay")
            ... crawl again ...
    """

    web: SampleWeb
    undated: set[str] = field(default_factory=set)
    dark: set[str] = field(default_factory=set)
    forbidden: dict[str, list[str]] = field(default_factory=dict)

    def __call__(self, request: Request) -> Response | None:
        site = request.site_id
        if site in self.dark:
            page = _html("<h1>Không tìm thấy trang</h1>", "404 Not Found")
            return Response(404, page.body)
        if request.path == "/robots.txt" and site in self.forbidden:
            robots = self.render(request)
            extra = "".join(f"Disallow: {prefix}\n" for prefix in self.forbidden[site])
            text = robots.body.decode("utf-8").replace("User-agent: *\n", "User-agent: *\n" + extra)
            return Response(200, text.encode("utf-8"), robots.content_type)
        if site in self.undated and request.path != "/robots.txt":
            page = self.render(request)
            if not page.content_type.startswith("text/html"):
                return page
            body = page.body
            for pattern in _DATE_MARKUP:
                body = pattern.sub(b"", body)
            return Response(
                page.status,
                body,
                page.content_type,
                {k: v for k, v in page.headers.items() if k not in ("ETag", "Last-Modified")},
            )
        return None

    def render(self, request: Request) -> Response:
        """What the site answers without the breakage (conditions ignored: always 200)."""
        plain = Request(
            request.site_id, "GET", request.target, request.path, request.query, {}, request.url
        )
        ctx = Ctx(self.web.bases[request.site_id], datetime.now(dates.VN))
        with self.web.lock:
            return dispatch(self.web.model(request.site_id), plain, ctx)


#: The ``faults`` key that sends every request to a hook (a pattern found in every URL).
EVERYWHERE = re.compile("")
