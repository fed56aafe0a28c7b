"""What a style's router sees and returns: :class:`Request`, :class:`Ctx`, :class:`Page`,
:class:`Response`. :func:`sampleweb.core.routing.dispatch` ties them together.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import count
from urllib.parse import parse_qsl, unquote, urlsplit

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
    #: When it reached the server: the kernel's receive time, time.time()'s clock; 0 unknown.
    arrived: float = 0.0

    @classmethod
    def make(
        cls,
        site_id: str,
        base: str,
        target: str,
        method: str = "GET",
        headers: Mapping[str, str] | None = None,
        arrived: float = 0.0,
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
            arrived=arrived,
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
