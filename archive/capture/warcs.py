"""WARC files: writing HTTP exchanges, reading captures back, repairing torn tails.

Plain Python over warcio, so the crawler (crawler/warc.py), re-extraction,
export and the tests share one implementation. Records are WARC/1.1, one
gzip member per record (what ``warcio check``, pywb and the ``wacz`` package
expect); a ``captures`` row points at the response record's member by file,
offset and length, so one record is read without scanning the file.

Files are named ``tct-archive-<UTC time>-<crawl id>-<serial>.warc.gz`` and
are never reopened for appending: each run starts its own, so the torn tail
of a killed run stays in that run's last file, where :func:`repair` cuts it
back to the last complete record.
"""

from __future__ import annotations

import io
import os
import re
import socket
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.warcwriter import WARCWriter

SOFTWARE = "tct-archive/0.1 (warcio)"
PREFIX = "tct-archive"
SUFFIX = ".warc.gz"
DEFAULT_MAX_BYTES = 1_000_000_000  # the customary 1 GB per WARC file
CONFORMS_TO = "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"

#: Header dropped from stored responses: Scrapy hands over the body already
#: de-chunked, so keeping ``Transfer-Encoding: chunked`` would make every reader
#: try to de-chunk a body that has no chunk markers (and fail or mangle it).
DROPPED_HEADERS = frozenset({"transfer-encoding"})

Headers = list[tuple[str, str]]


def default_warc_dir(db_path: str | os.PathLike[str]) -> Path:
    """``warcs/`` beside the database: where the crawler writes and readers look."""
    return Path(db_path).resolve().parent / "warcs"


@dataclass
class Exchange:
    """One HTTP request and the response it got, as the crawler saw them.

    ``body`` is the response body as received on the wire (still compressed
    when the response declares a ``Content-Encoding``), without transfer
    encoding.
    """

    url: str
    status: int
    response_headers: Headers
    body: bytes
    date: datetime
    method: str = "GET"
    request_headers: Headers = field(default_factory=list)
    request_body: bytes = b""
    protocol: str = "HTTP/1.1"
    ip_address: str | None = None


@dataclass(frozen=True)
class Written:
    """Where a response record went: enough for a ``captures`` row."""

    warc_file: str  # relative to the WARC directory
    offset: int
    length: int  # of the gzip member, as stored
    digest: str  # WARC-Payload-Digest, sha1:BASE32
    record_id: str
    date: datetime


class WarcFiles:
    """A rotating WARC writer for one crawl: request + response per exchange.

    A new file is started when the current one has reached ``max_bytes``
    (a response and its request always share a file), and each file opens
    with a ``warcinfo`` record naming the software and the crawl.
    """

    def __init__(
        self,
        warc_dir: str | os.PathLike[str],
        crawl_id: int,
        max_bytes: int = DEFAULT_MAX_BYTES,
        info: Mapping[str, str] | None = None,
        label: str | None = None,
    ):
        """``label``: a Redis-mode worker's name, in place of the crawl id in file names
        (workers write files of their own; the writer indexes them)."""
        self.dir = Path(warc_dir)
        self.crawl_id = crawl_id
        self.label = label
        self.max_bytes = max_bytes
        self.info = dict(info or {})
        self.serial = 0
        self.files: list[str] = []
        self._out: BinaryIO | None = None
        self._writer: WARCWriter | None = None

    def write(self, exchange: Exchange) -> Written:
        try:
            return self._write(exchange)
        except OSError as exc:  # a full disk: name the file, as open() would have
            if exc.filename is None and self.files:
                exc.filename = str(self.dir / self.files[-1])
            raise

    def _write(self, exchange: Exchange) -> Written:
        writer, out = self._current()
        response = _response_record(writer, exchange)
        request = _request_record(writer, exchange)
        record_id = response.rec_headers.get_header("WARC-Record-ID")
        request.rec_headers.add_header("WARC-Concurrent-To", record_id)
        offset = out.tell()
        writer.write_record(response)
        length = out.tell() - offset
        writer.write_record(request)
        out.flush()
        return Written(self.files[-1], offset, length,
                       response.rec_headers.get_header("WARC-Payload-Digest"),
                       record_id, exchange.date)  # fmt: skip

    def _current(self) -> tuple[WARCWriter, BinaryIO]:
        if self._out is not None and self._out.tell() >= self.max_bytes:
            self.close()
        if self._out is None or self._writer is None:
            self._open()
        assert self._out is not None and self._writer is not None
        return self._writer, self._out

    def _open(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        while True:
            stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
            tag = _safe_label(self.label) if self.label else self.crawl_id
            name = f"{PREFIX}-{stamp}-{tag}-{self.serial:05d}{SUFFIX}"
            self.serial += 1
            try:
                out = open(self.dir / name, "xb")  # noqa: SIM115 - closed in close()
            except FileExistsError:
                continue  # never append to an existing file, whatever its origin
            break
        writer = WARCWriter(out, gzip=True, warc_version="1.1")
        info = {"software": SOFTWARE, "format": "WARC File Format 1.1", "conformsTo": CONFORMS_TO,
                "hostname": socket.gethostname(), "isPartOf": f"crawl-{self.crawl_id}",
                **self.info}  # fmt: skip
        writer.write_record(writer.create_warcinfo_record(name, info))
        out.flush()
        self._out, self._writer = out, writer
        self.files.append(name)

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
        self._out = self._writer = None


def _response_record(writer: WARCWriter, exchange: Exchange) -> ArcWarcRecord:
    reason = _reason(exchange.status)
    headers = [(k, v) for k, v in exchange.response_headers if k.lower() not in DROPPED_HEADERS]
    http = StatusAndHeaders(f"{exchange.status} {reason}".strip(), headers,
                            protocol=exchange.protocol or "HTTP/1.1")  # fmt: skip
    warc_headers = {"WARC-Date": _warc_date(exchange.date)}
    if exchange.ip_address:
        warc_headers["WARC-IP-Address"] = exchange.ip_address
    return writer.create_warc_record(
        exchange.url, "response", payload=io.BytesIO(exchange.body), length=len(exchange.body),
        http_headers=http, warc_headers_dict=warc_headers,
    )  # fmt: skip


def _request_record(writer: WARCWriter, exchange: Exchange) -> ArcWarcRecord:
    parts = urlsplit(exchange.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = [("Host", parts.netloc)]
    headers += [(k, v) for k, v in exchange.request_headers if k.lower() != "host"]
    http = StatusAndHeaders(f"{exchange.method} {target} HTTP/1.1", headers, is_http_request=True)
    body = exchange.request_body
    return writer.create_warc_record(
        exchange.url, "request", payload=io.BytesIO(body), length=len(body), http_headers=http,
        warc_headers_dict={"WARC-Date": _warc_date(exchange.date)},
    )  # fmt: skip


def _reason(status: int) -> str:
    """Scrapy keeps the status code, not the reason phrase: use the standard one."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _warc_date(moment: datetime) -> str:
    return str(datetime_to_iso_date(moment.astimezone(UTC).replace(tzinfo=None), use_micros=True))


# --- reading -------------------------------------------------------------------


@dataclass(frozen=True)
class Capture:
    """One stored response: status, headers as stored, body decoded from Content-Encoding."""

    url: str
    status: int
    headers: Headers
    body: bytes
    date: str

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)


class CaptureError(Exception):
    """The record a captures row points at is missing or unreadable."""


def read_capture(warc_dir: str | os.PathLike[str], warc_file: str, offset: int,
                 length: int) -> Capture:  # fmt: skip
    """The response record at ``offset`` in ``warc_file``, body decoded as a browser would."""
    path = Path(warc_dir) / warc_file
    try:
        with open(path, "rb") as f:
            f.seek(offset)
            data = f.read(length)
    except OSError as exc:
        raise CaptureError(f"{warc_file}: {exc.strerror or exc}") from exc
    if len(data) != length:
        raise CaptureError(f"{warc_file}: record at {offset} is cut short")
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response" or record.http_headers is None:
                break
            body = record.content_stream().read()
            return Capture(
                url=record.rec_headers.get_header("WARC-Target-URI"),
                status=int(record.http_headers.get_statuscode()),
                headers=list(record.http_headers.headers),
                body=body,
                date=record.rec_headers.get_header("WARC-Date"),
            )
    except Exception as exc:  # warcio raises several kinds on a damaged record
        raise CaptureError(f"{warc_file}: record at {offset} unreadable ({exc})") from exc
    raise CaptureError(f"{warc_file}: no response record at {offset}")


def iter_records(path: str | os.PathLike[str]) -> Iterator[tuple[int, int, ArcWarcRecord]]:
    """(offset, length, record) for every record of a file, payload read and digest-checked."""
    with open(path, "rb") as f:
        records = ArchiveIterator(f, check_digests=True)
        for record in records:
            record.content_stream().read()
            yield records.get_record_offset(), records.get_record_length(), record


# --- repair --------------------------------------------------------------------


def complete_length(path: str | os.PathLike[str], start: int = 0) -> int:
    """Bytes of the file up to the end of its last complete gzip member, from ``start``.

    ``start`` must be a member boundary known to be good (the end of a record
    a ``captures`` row points at), so a large file is not scanned again.
    """
    good = start
    with open(path, "rb") as f:
        f.seek(start)
        position = start
        decoder = zlib.decompressobj(zlib.MAX_WBITS | 16)
        pending = b""
        while True:
            chunk = pending or f.read(1 << 20)
            pending = b""
            if not chunk:
                return good
            try:
                decoder.decompress(chunk, 1 << 20)
                while decoder.unconsumed_tail:
                    decoder.decompress(decoder.unconsumed_tail, 1 << 20)
            except zlib.error:
                return good  # garbage after the last good member (zeros of a crashed file)
            if decoder.eof:
                rest = decoder.unused_data
                position += len(chunk) - len(rest)
                good = position
                decoder = zlib.decompressobj(zlib.MAX_WBITS | 16)
                pending = rest
            else:
                position += len(chunk)


def repair(path: str | os.PathLike[str], start: int = 0) -> int:
    """Cut a torn last record (a killed crawl) off a WARC file; returns the bytes removed.

    Every record is its own gzip member, so the file is valid up to the end
    of its last complete member. A file left with nothing is removed.
    """
    path = Path(path)
    size = path.stat().st_size
    keep = complete_length(path, start)
    if keep == size:
        return 0
    if keep == 0:
        path.unlink()
    else:
        with open(path, "r+b") as f:
            f.truncate(keep)
    return size - keep


def repair_dir(warc_dir: str | os.PathLike[str], known_good: Mapping[str, int] | None = None,
               only: Iterable[str] | None = None) -> dict[str, int]:  # fmt: skip
    """Repair the WARC files of a directory (or ``only`` those names); {name: bytes removed}.

    ``known_good`` maps a file name to an offset up to which it is known to
    be complete, so only the tail is scanned.
    """
    root = Path(warc_dir)
    names = list(only) if only is not None else [p.name for p in sorted(root.glob("*" + SUFFIX))]
    removed = {}
    for name in names:
        if (root / name).is_file():
            cut = repair(root / name, (known_good or {}).get(name, 0))
            if cut:
                removed[name] = cut
    return removed


def _safe_label(label: str) -> str:
    """A worker's name as a file name's part: never a crawl id (``w`` first), no dashes."""
    return "w" + re.sub(r"[^A-Za-z0-9.]+", ".", label)


def crawl_of(warc_file: str) -> int | None:
    """The crawl id in a file name written by :class:`WarcFiles`, if it is one."""
    if not (warc_file.startswith(PREFIX + "-") and warc_file.endswith(SUFFIX)):
        return None
    parts = warc_file.removesuffix(SUFFIX).split("-")
    return int(parts[-2]) if len(parts) >= 4 and parts[-2].isdigit() else None


def content_charset(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type value."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "charset" and value:
            return value.strip("\"' ")
    return None
