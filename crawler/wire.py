"""When a request is on the wire: Scrapy's HTTP/1.1 client protocol, telling its handler.

A site's delay runs from each request's send, not from the moment it was let go: in
Redis mode from the turn's grant (crawler/redis_mode.py, SharedDelay), a worker whose
reactor was busy (in-process extraction, a CPU shared with other jobs) sent later than
its grant, and another worker's next request, granted a delay after the grant and sent
at once, reached the server closer than the delay (0.30 s for a 0.5 s delay, measured
at the server); in one process from the slot's dequeue (crawler/downloader.py,
PoliteHTTPHandler), the same after a late send or a new connection's set-up.

Twisted buffers what a protocol writes until the reactor's next turn (and TLS
aggregates small writes until then), so "written" is not "sent": the protocol hands
the request's bytes to the kernel itself, then says so. The one use of Twisted's
internals in the crawler's transport; tests/test_redis_mode.py measures it at the server.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from scrapy.core.downloader.handlers.http11 import (
    _LenientHTTP11ClientFactory,
    _LenientHTTP11ClientProtocol,
)
from twisted.internet.abstract import FileDescriptor
from twisted.internet.defer import Deferred
from twisted.protocols.tls import TLSMemoryBIOProtocol
from twisted.web._newclient import Request as TxRequest
from twisted.web.iweb import IResponse

#: Called with the host of a request whose bytes all left the socket.
OnWire = Callable[[str], None]


class WireProtocol(_LenientHTTP11ClientProtocol):
    def __init__(self, quiescent: Any, on_wire: OnWire):
        super().__init__(quiescent)
        self.on_wire = on_wire

    def _finishResponse_WAITING(self, rest: bytes) -> None:
        """An HTTP/1.0 answer without ``Connection: keep-alive`` ends its connection (RFC
        9112, 9.3). Twisted pooled it all the same, and the site's next request went into
        a connection its server was closing: lost (tests/test_slots.py), or, when Twisted
        resent it by itself, sent twice."""
        parser: Any = self._parser
        response = getattr(parser, "response", None)
        if response is not None and tuple(response.version[1:]) < (1, 1):
            options = b",".join(parser.connHeaders.getRawHeaders(b"Connection", ())).lower()
            if b"keep-alive" not in options and self._currentRequest is not None:
                self._currentRequest.persistent = False
        super()._finishResponse_WAITING(rest)

    _finishResponse_TRANSMITTING = _finishResponse_WAITING

    def request(self, request: TxRequest) -> Deferred[IResponse]:
        """Sent now if it can be (not over a TLS connection still shaking hands, nor into a
        full socket buffer): then ``on_wire`` is told. Else nothing is: the handler frees
        the turn when the request is done (later than its send, never earlier)."""
        d = super().request(request)
        if self.state == "WAITING" and flush(self.transport):
            uri: bytes = request.absoluteURI or b""
            self.on_wire(urlsplit(uri.decode("ascii", "replace")).hostname or "")
        return d


class WireFactory(_LenientHTTP11ClientFactory):
    """The pool's factory (called as ``factory(quiescent, metadata)``: bind ``on_wire``)."""

    def __init__(self, on_wire: OnWire, quiescent: Any, metadata: Any):
        super().__init__(quiescent, metadata)
        self.on_wire = on_wire

    def buildProtocol(self, addr: Any) -> WireProtocol:
        return WireProtocol(self._quiescentCallback, self.on_wire)


def flush(transport: Any) -> bool:
    """Hand what the connection buffered to the kernel now; True once nothing is left."""
    if isinstance(transport, TLSMemoryBIOProtocol):
        aggregated = getattr(transport, "_aggregator", None)  # small writes wait a turn
        if aggregated is not None:
            aggregated.flush()
        if transport._appSendBuffer:  # the handshake is not done: the request waits for it
            return False
        transport = transport.transport
    if not isinstance(transport, FileDescriptor) or not transport.connected:
        return False
    if transport.disconnecting:
        return False
    if _buffered(transport):
        transport.doWrite()  # as the reactor does once the socket is writable
    return not _buffered(transport)


def _buffered(connection: FileDescriptor) -> bool:
    return bool(connection._tempDataLen or connection.offset < len(connection.dataBuffer))
