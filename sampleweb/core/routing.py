"""From a request to a response, independent of any HTTP server.

The server and :func:`sampleweb.static.write_static` both call
:func:`dispatch`, so what nginx serves from files is what the loopback
server renders. Conditional requests (``If-None-Match``,
``If-Modified-Since``) are answered here with 304 before rendering.
"""

from __future__ import annotations

from email.utils import formatdate, parsedate_to_datetime

from sampleweb.core import cp1258
from sampleweb.core.pages import Ctx, Page, Request, Response
from sampleweb.core.site import SiteModel


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
