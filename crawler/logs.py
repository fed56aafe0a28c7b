"""Expected network failures read as one line on the terminal; their tracebacks go to the log
file only.

A school's server that refuses connections, a name that does not resolve, a TLS handshake
that fails, a timeout: Scrapy logs some of these (robots.txt downloads, for one) with a
full traceback, which on a terminal looks like a crash of the crawler. They are not: the
page is recorded with its reason (``pages.error``) and the summary explains the site
(archive.store.stats.site_message). So a handler that writes to a terminal or a pipe
(a ``StreamHandler`` that is not a ``FileHandler``) prints such a record without its
traceback; a log file (``--log-file``, ``LOG_FILE``) keeps everything. The record itself
is never changed, so other handlers see it whole.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

#: Exceptions that mean "the network or the server said no", by class name.
NETWORK_ERRORS = frozenset({
    "ConnectionRefusedError", "DownloadConnectionRefusedError", "DNSLookupError",
    "CannotResolveHostError", "TimeoutError", "TCPTimedOutError", "DownloadTimeoutError",
    "ConnectionLost", "ConnectionDone", "ConnectionAborted", "ConnectionResetError",
    "ResponseNeverReceived", "ResponseFailed", "ResponseDataLossError", "DownloadFailedError",
    "SSLError", "TLSError", "NoRouteError", "ConnectError", "UnknownHostError",
})  # fmt: skip
NETWORK_MODULES = ("OpenSSL.", "twisted.internet.error", "twisted.web._newclient")


def network_failure(error: BaseException | None) -> bool:
    """True when ``error``, or an error it wraps, is an expected network failure."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        kind = type(error)
        if kind.__name__ in NETWORK_ERRORS or kind.__module__.startswith(NETWORK_MODULES):
            return True
        wrapped = getattr(error, "reasons", None)  # twisted.web's ResponseFailed and kin
        if isinstance(wrapped, list) and any(
            network_failure(getattr(f, "value", None)) for f in wrapped
        ):
            return True
        error = error.__cause__ or error.__context__
    return False


class OneLineFormatter(logging.Formatter):
    """Wraps a handler's formatter: a record of an expected network failure is formatted
    without its traceback (on a copy; the record stays whole for other handlers)."""

    def __init__(self, inner: logging.Formatter | None):
        super().__init__()
        self.inner = inner or logging.Formatter()

    def format(self, record: logging.LogRecord) -> str:
        if record.exc_info and network_failure(record.exc_info[1]):
            record = logging.makeLogRecord(record.__dict__)
            record.exc_info = record.exc_text = record.stack_info = None
        return self.inner.format(record)


def terminal_handlers() -> list[logging.Handler]:
    """The root logger's handlers that write to a stream other than a file."""
    return [
        h for h in logging.getLogger().handlers
        if isinstance(h, logging.StreamHandler) and not isinstance(h, logging.FileHandler)
    ]  # fmt: skip


class NetworkFailuresOneLine:
    """The extension: installs :class:`OneLineFormatter` on terminal handlers for the run."""

    def __init__(self, crawler: Crawler):
        self.wrapped: list[tuple[logging.Handler, logging.Formatter | None]] = []
        crawler.signals.connect(self.opened, signal=signals.engine_started)
        crawler.signals.connect(self.stopped, signal=signals.engine_stopped)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NetworkFailuresOneLine:
        return cls(crawler)

    def opened(self, *args: Any) -> None:
        for handler in terminal_handlers():
            if not isinstance(handler.formatter, OneLineFormatter):
                self.wrapped.append((handler, handler.formatter))
                handler.setFormatter(OneLineFormatter(handler.formatter))

    def stopped(self, *args: Any) -> None:
        for handler, formatter in self.wrapped:
            handler.setFormatter(formatter)
        self.wrapped = []
