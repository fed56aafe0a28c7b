"""The loopback HTTP server of the sample web: one IP per site, one port.

Each site binds ``<host_base>.<2 + index>`` (``127.0.0.2``, ``127.0.0.3``...),
all on the same port, so the crawler sees separate hosts exactly as on the
real web. Threads, HTTP/1.1 keep-alive, one ``write`` per response (no Nagle
stalls). Pages render lazily from the model; ``ETag``/``Last-Modified`` come
from the model's versions, so conditional requests get 304.

``faults`` maps a URL path (exact, with or without the query) or a compiled
regular expression (searched in the absolute URL) to a handler: a callable
``(Request) -> Response | None`` (None falls through to normal routing) or
the name of one of :data:`FAULT_HANDLERS`. It is consulted before routing.
A handler may also raise :class:`ResetConnection` (close without answering)
or :class:`RawReply` (a partial, paced or reset answer: what a broken server
or network does mid-body); :mod:`sampleweb.faults` builds on both.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import socketserver
import struct
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from email.utils import formatdate
from http import HTTPStatus
from itertools import count
from pathlib import Path

from sampleweb.core import dates
from sampleweb.core.entries import SampleArticle
from sampleweb.core.pages import Ctx, Request, Response
from sampleweb.core.routing import dispatch
from sampleweb.core.site import SiteModel
from sampleweb.web import SampleWeb

FaultHandler = Callable[[Request], "Response | None"]
FaultKey = str | re.Pattern[str]
Faults = Mapping[FaultKey, "FaultHandler | str"]


class ResetConnection(Exception):
    """Raised by a fault handler to drop the connection without an answer."""


class RawReply(Exception):
    """Raised by a fault handler to answer the way a broken server does.

    The status line and headers come from ``response``; ``length`` replaces
    the Content-Length (None: the true length of what is sent, -1: none at
    all, the body then ends when the connection does). The body is
    ``chunks`` if given, else ``response.body`` cut to ``send`` bytes; each
    chunk is followed by ``pause`` seconds. The connection is then closed,
    with a TCP reset when ``reset`` (SO_LINGER 0), else with a normal FIN.
    """

    def __init__(
        self,
        response: Response,
        *,
        send: int | None = None,
        chunks: Iterable[bytes] | None = None,
        length: int | None = None,
        reset: bool = False,
        pause: float = 0.0,
    ):
        super().__init__(response.status)
        self.response, self.send, self.chunks = response, send, chunks
        self.length, self.reset, self.pause = length, reset, pause

    def body(self) -> Iterable[bytes]:
        if self.chunks is not None:
            return self.chunks
        return [self.response.body if self.send is None else self.response.body[: self.send]]


def _status(code: int) -> FaultHandler:
    def handler(request: Request) -> Response:
        return Response(code, f"<html><body><h1>{code}</h1></body></html>".encode())

    return handler


def _reset(request: Request) -> Response:
    raise ResetConnection(request.url)


#: Named faults usable as values of the ``faults`` mapping.
FAULT_HANDLERS: dict[str, FaultHandler] = {
    "http-404": _status(404),
    "http-429": _status(429),
    "http-500": _status(500),
    "http-503": _status(503),
    "reset": _reset,
}

_SERVER_HEADERS = {
    "nukeviet": "Apache/2.4.41 (Ubuntu)",
    "liferay": "Apache-Coyote/1.1",
    "websphere": "IBM_HTTP_Server",
    "drupal": "Apache/2.2.15 (CentOS)",
    "joomla": "nginx/1.18.0",
    "aspnet": "Microsoft-IIS/7.5",
    "wordpress": "nginx",
}


_SO_TIMESTAMPNS = getattr(socket, "SO_TIMESTAMPNS", 35)  # Linux's; not in Python 3.11


class _SiteServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    block_on_close = False
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], owner: SampleWebServer, model: SiteModel):
        self.owner = owner
        self.model = model
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        """The kernel stamps what each connection receives (see :class:`_Arrivals`), also
        before this process accepts it: the connections inherit the option."""
        super().server_bind()
        with contextlib.suppress(OSError):  # not Linux: a request arrives when it is read
            self.socket.setsockopt(socket.SOL_SOCKET, _SO_TIMESTAMPNS, 1)


class _Arrivals:
    """A connection's bytes as the handler reads them (lines, a body), and when the current
    request reached this host: the kernel's receive time (``SO_TIMESTAMPNS``), not the time a
    thread of this process got round to reading it. Under load this process reads late (its
    threads wait for the GIL and a CPU), and the tests that measure a crawler's delay at the
    server counted that lateness against the crawler (docs/scale-out.md)."""

    def __init__(self, connection: socket.socket):
        self.connection = connection
        self.buffer = b""
        self.arrived = 0.0  # when the current request's first bytes arrived (time.time())

    def close(self) -> None:
        pass  # the handler closes the connection

    def readline(self, limit: int) -> bytes:
        while (end := self.buffer.find(b"\n", 0, limit)) < 0 and len(self.buffer) < limit:
            if not self._fill():
                break
        cut = end + 1 if end >= 0 else min(limit, len(self.buffer))
        line, self.buffer = self.buffer[:cut], self.buffer[cut:]
        return line

    def read(self, size: int) -> bytes:
        while len(self.buffer) < size and self._fill():
            pass
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data

    def _fill(self) -> bool:
        """Read what arrived; the first bytes after an empty buffer start a request."""
        if hasattr(self.connection, "recvmsg"):
            data, ancillary, _, _ = self.connection.recvmsg(8192, socket.CMSG_SPACE(16))
        else:
            data, ancillary = self.connection.recv(8192), []
        if data and not self.buffer:
            self.arrived = _received(ancillary)
        self.buffer += data
        return bool(data)


def _received(ancillary: list[tuple[int, int, bytes]]) -> float:
    """The kernel's receive time of what was just read (time.time()'s clock); now if none."""
    for level, kind, data in ancillary:
        if level == socket.SOL_SOCKET and kind == _SO_TIMESTAMPNS and len(data) >= 16:
            seconds, nanoseconds = struct.unpack("@ll", data[:16])
            return seconds + nanoseconds / 1e9
    return time.time()


class _Handler(socketserver.StreamRequestHandler):
    """A lean HTTP/1.1 keep-alive loop: GET and HEAD, headers parsed by hand.

    ``http.server`` parses headers with the e-mail package, which costs more
    than rendering a page; crawls must find the server fast.
    """

    timeout = 30
    disable_nagle_algorithm = True
    server: _SiteServer
    rfile: _Arrivals  # type: ignore[assignment]

    def setup(self) -> None:
        super().setup()
        self.rfile.close()
        self.rfile = _Arrivals(self.connection)

    def handle(self) -> None:
        try:
            while self._one():
                pass
        except (TimeoutError, ConnectionError):
            return

    def _one(self) -> bool:
        """Serve one request; False when the connection should close."""
        line = self.rfile.readline(_MAX_LINE)
        while line in (b"\r\n", b"\n"):
            line = self.rfile.readline(_MAX_LINE)
        if not line:
            return False
        parts = line.decode("latin-1").split()
        headers = self._headers()
        if len(parts) != 3 or headers is None:
            self._write(Response(400, b"bad request"), False, True)
            return False
        method, target, version = parts
        length = headers.get("content-length", "0")
        if length.isdigit() and int(length):
            self.rfile.read(int(length))
        connection = headers.get("connection", "").lower()
        keep = "close" not in connection if version == "HTTP/1.1" else "keep-alive" in connection
        if method not in ("GET", "HEAD"):
            self._write(Response(405, b"", headers={"Allow": "GET, HEAD"}), True, keep)
            return keep
        try:
            response = self.server.owner.respond(
                self.server.model, method, target, headers, self.rfile.arrived
            )
        except ResetConnection:
            self.connection.shutdown(socket.SHUT_RDWR)
            return False
        except RawReply as raw:
            self._raw(raw)
            return False
        except Exception:  # a bug in a renderer must not kill the connection silently
            traceback.print_exc(file=sys.stderr)
            response = Response(500, b"<html><body><h1>500</h1></body></html>")
        self._write(response, method == "GET", keep)
        return keep

    def _headers(self) -> dict[str, str] | None:
        headers: dict[str, str] = {}
        for _ in range(_MAX_HEADERS):
            line = self.rfile.readline(_MAX_LINE)
            if line in (b"\r\n", b"\n", b""):
                return headers
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        return None

    def _write(self, response: Response, with_body: bool, keep: bool) -> None:
        head = self._head(response, keep, len(response.body))
        self.wfile.write(head + (response.body if with_body else b""))

    def _raw(self, raw: RawReply) -> None:
        """Write a broken answer (see :class:`RawReply`), then close or reset."""
        length = raw.length
        chunks = list(raw.body()) if length is None else raw.body()
        if length is None:
            length = sum(len(c) for c in chunks)
        try:
            self.wfile.write(self._head(raw.response, False, None if length < 0 else length))
            for chunk in chunks:
                self.wfile.write(chunk)
                if raw.pause:
                    time.sleep(raw.pause)
        except OSError:
            return  # the client gave up first: what a fault is for
        if raw.reset:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()

    def _head(self, response: Response, keep: bool, length: int | None) -> bytes:
        cms = self.server.model.site.cms
        lines = [
            f"HTTP/1.1 {response.status} {_REASONS.get(response.status, 'Unknown')}",
            f"Date: {formatdate(usegmt=True)}",
            f"Server: {_SERVER_HEADERS.get(cms, 'Apache')}",
        ]
        if cms == "aspnet":
            lines.append("X-Powered-By: ASP.NET")
        if response.status != 304:
            if length is not None:
                lines.append(f"Content-Length: {length}")
            if response.content_type:
                lines.append(f"Content-Type: {response.content_type}")
        lines += [f"{k}: {v}" for k, v in response.headers.items()]
        if not keep:
            lines.append("Connection: close")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


_MAX_LINE = 65537
_MAX_HEADERS = 100
_REASONS = {status.value: status.phrase for status in HTTPStatus}


class SampleWebServer:
    """Serves a :class:`SampleWeb` on loopback; a context manager.

    ``urls`` maps site id → base URL once started; ``hits`` counts requests
    per absolute URL (as requested, query included).
    """

    def __init__(
        self,
        web: SampleWeb,
        host_base: str = "127.0.0",
        port: int = 0,
        faults: Faults | None = None,
    ):
        self.web = web
        self.host_base = host_base
        self.port = port
        self.faults: dict[FaultKey, FaultHandler | str] = dict(faults or {})
        self.hits: Counter[str] = Counter()
        self.urls: dict[str, str] = {}
        self._servers: list[_SiteServer] = []
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._requests = count(1)

    # -- lifecycle --------------------------------------------------------------
    def start(self) -> None:
        if self._servers:
            return
        self._bind()
        self.urls = {
            m.site.id: f"http://{m.site.host(self.host_base)}:{self.port}" for m in self.web.models
        }
        self.web.bind(self.urls)
        for server in self._servers:
            thread = threading.Thread(
                target=server.serve_forever,
                kwargs={"poll_interval": 0.2},
                name=f"sampleweb-{server.model.site.id}",
                daemon=True,
            )
            thread.start()
            self._threads.append(thread)

    def _bind(self) -> None:
        """All sites on one port: retry with a fresh port if another IP has it taken."""
        wanted = self.port
        for _ in range(30):
            servers: list[_SiteServer] = []
            port = wanted
            try:
                for model in self.web.models:
                    server = _SiteServer((model.site.host(self.host_base), port), self, model)
                    servers.append(server)
                    port = server.server_address[1]
            except OSError:
                for server in servers:
                    server.server_close()
                if wanted:
                    raise
                continue
            self._servers, self.port = servers, port
            return
        raise OSError("could not bind the sample web on one port for every site")

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._servers, self._threads = [], []

    def __enter__(self) -> SampleWebServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- requests ---------------------------------------------------------------
    def respond(
        self,
        model: SiteModel,
        method: str,
        target: str,
        headers: Mapping[str, str],
        arrived: float = 0.0,
    ) -> Response:
        """Count the request, give the faults hook its chance, then route it."""
        base = self.urls.get(model.site.id, "")
        request = Request.make(model.site.id, base, target, method, headers, arrived)
        with self._lock:
            self.hits[request.url] += 1
        fault = self._fault(request)
        if fault is not None:
            return fault
        ctx = Ctx(base, datetime.now(dates.VN), visits=next(self._requests))
        with self.web.lock:
            return dispatch(model, request, ctx)

    def _fault(self, request: Request) -> Response | None:
        for key, handler in list(self.faults.items()):
            if isinstance(key, re.Pattern):
                matched = key.search(request.url) is not None
            else:
                matched = key in (request.target, request.path, request.target.split("?")[0])
            if matched:
                func = FAULT_HANDLERS[handler] if isinstance(handler, str) else handler
                response = func(request)
                if response is not None:
                    return response
        return None

    # -- ground truth helpers ---------------------------------------------------
    def url_for(self, article: SampleArticle) -> str:
        """The absolute URL of an article (its ``url`` is a path before binding)."""
        if article.url.startswith("http"):
            return article.url
        return self.urls[article.site_id] + article.url

    def sites_toml(self) -> str:
        """A registry file (see :mod:`archive.sites.registry`) for the bound sites."""
        if not self.urls:
            raise RuntimeError("start the server first: the registry needs the bound URLs")
        blocks = ["# Sample web registry, written by sampleweb for the bound loopback servers.\n"]
        for model in self.web.models:
            blocks.append(self._site_block(model))
        return "\n".join(blocks)

    def _site_block(self, model: SiteModel) -> str:
        site, base = model.site, self.urls[model.site.id]
        lines = [
            "[[site]]",
            f"id = {_toml(site.id)}",
            f"name = {_toml(site.name)}",
            f"province = {_toml(site.province)}",
            f"start_urls = {_toml([base + site.start_path])}",
        ]
        if site.path_prefix:
            lines.append(f"path_prefix = {_toml(site.path_prefix)}")
        if site.sitemap_paths:
            lines.append(f"sitemap_urls = {_toml([base + p for p in site.sitemap_paths])}")
        if site.feed_paths:
            lines.append(f"feed_urls = {_toml([base + p for p in site.feed_paths])}")
        hints = {"cms": site.cms}
        if site.encoding != "utf-8":
            hints["encoding"] = site.encoding
        inline = ", ".join(f"{k} = {_toml(v)}" for k, v in hints.items())
        lines.append(f"hints = {{ {inline} }}")
        lines.append(f"notes = {_toml(f'Sample web: {model.style.label}.')}")
        return "\n".join(lines) + "\n"

    def write_sites(self, path: str | Path) -> Path:
        target = Path(path)
        target.write_text(self.sites_toml(), encoding="utf-8")
        return target


def _toml(value: str | list[str]) -> str:
    """TOML basic strings and arrays (JSON escapes are valid TOML)."""
    return json.dumps(value, ensure_ascii=False)
