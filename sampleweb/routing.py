"""From a request to a response, independent of any HTTP server.

The server and :func:`sampleweb.static.write_static` both call
:func:`dispatch`, so what nginx serves from files is what the loopback
server renders. Conditional requests (``If-None-Match``,
``If-Modified-Since``) are answered here with 304 before rendering.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import formatdate, parsedate_to_datetime
from itertools import count
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, unquote, urlsplit

from sampleweb import cp1258

if TYPE_CHECKING:
    from sampleweb.model import SiteModel

_sessions = count(0x5A3F0)


@dataclass(frozen=True)
class Request:
    """What a style's router sees: the decoded path and the query parameters."""

    site_id: str
    method: str
    target: str
    path: str
    query: Mapping[str, str]
    headers: Mapping[str, str]
    url: str

    @classmethod
    def make(
        cls,
        site_id: str,
        base: str,
        target: str,
        method: str = "GET",
        headers: Mapping[str, str] | None = None,
    ) -> Request:
        parts = urlsplit(target)
        return cls(
            site_id=site_id,
            method=method,
            target=target,
            path=unquote(parts.path) or "/",
            query=dict(parse_qsl(parts.query, keep_blank_values=True)),
            headers={k.lower(): v for k, v in (headers or {}).items()},
            url=base + target,
        )


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Ctx:
    """Per-request rendering context: what changes between two fetches of a page."""

    base: str
    now: datetime
    visits: int = 3_167_066
    sessions: bool = True

    @property
    def today(self) -> date:
        return self.now.date()

    def session_id(self) -> str:
        """A fresh cookieless session id, as old ASP.NET sites put in links."""
        if not self.sessions:
            return ""
        return hashlib.blake2b(str(next(_sessions)).encode(), digest_size=12).hexdigest()

    def url(self, path: str) -> str:
        return self.base + path


Render = Callable[[Ctx], "str | bytes"]


@dataclass(frozen=True)
class Page:
    """A routed page: its kind, how to render it, and its validators."""

    kind: str
    render: Render | None = None
    tag: str = ""
    modified: float | None = None
    content_type: str = "text/html"
    status: int = 200
    location: str | None = None

    @property
    def etag(self) -> str:
        digest = hashlib.blake2b(self.tag.encode(), digest_size=8).hexdigest()
        return f'"{digest}"'


def dispatch(model: SiteModel, request: Request, ctx: Ctx) -> Response:
    """Route, answer conditional requests, render and encode one request."""
    page = model.style.route(request)
    if page is None:
        page = model.style.not_found(request)
    if page.location is not None:
        return Response(
            page.status, b"", "text/html; charset=utf-8", {"Location": ctx.url(page.location)}
        )
    headers: dict[str, str] = {}
    if page.tag:
        headers["ETag"] = page.etag
    if page.modified is not None:
        headers["Last-Modified"] = formatdate(page.modified, usegmt=True)
    if page.status == 200 and _not_modified(request, page):
        return Response(304, b"", "", headers)
    body = page.render(ctx) if page.render else b""
    content_type = page.content_type
    if isinstance(body, str):
        charset = model.site.encoding if content_type == "text/html" else "utf-8"
        body = cp1258.encode(body) if charset == "windows-1258" else body.encode(charset)
        content_type = f"{content_type}; charset={charset}"
    return Response(page.status, body, content_type, headers)


def _not_modified(request: Request, page: Page) -> bool:
    match = request.headers.get("if-none-match")
    if match is not None and page.tag:
        tags = {t.strip().removeprefix("W/") for t in match.split(",")}
        return "*" in tags or page.etag in tags
    since = request.headers.get("if-modified-since")
    if since is None or page.modified is None:
        return False
    try:
        moment = parsedate_to_datetime(since).timestamp()
    except (TypeError, ValueError):
        return False
    return int(page.modified) <= moment
