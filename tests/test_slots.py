"""Each site has at most CONCURRENT_REQUESTS_PER_DOMAIN requests out, delays off too
(crawler/downloader.py: Scrapy 2.19 sent a delay-free slot's whole queue at once)."""

from __future__ import annotations

import http.server
import sqlite3
import threading
import time
from collections import Counter
from contextlib import closing
from urllib.parse import urlsplit

import pytest

from sampleweb import Request, SampleWebServer, build_sample_web
from tests.crawling import EVERYTHING, crawl

pytestmark = pytest.mark.e2e


class InFlight:
    """A faults hook that holds each request a little and counts those held at once, per host."""

    def __init__(self, hold: float):
        self.hold = hold
        self.now: Counter[str] = Counter()
        self.most: Counter[str] = Counter()
        self.lock = threading.Lock()

    def __call__(self, request: Request) -> None:
        host = urlsplit(request.url).hostname or ""
        with self.lock:
            self.now[host] += 1
            self.most[host] = max(self.most[host], self.now[host])
        time.sleep(self.hold)
        with self.lock:
            self.now[host] -= 1


@pytest.mark.parametrize("per_site", [1, 2])
def test_a_site_never_has_more_requests_out_than_its_concurrency(tmp_path, per_site):
    web = build_sample_web(articles_per_site=6, sites=1)
    probe = InFlight(hold=0.05)
    with SampleWebServer(web, faults={EVERYTHING: probe}) as server:
        sites_file = server.write_sites(tmp_path / "sites.toml")
        result = crawl(tmp_path / "archive.db", sites_file,
                       "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={per_site}")  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert probe.most and max(probe.most.values()) == per_site, probe.most


class OldServer(http.server.BaseHTTPRequestHandler):
    """An HTTP/1.0 server (no ``Connection`` header: each connection ends with its answer)
    that closes a connection only LINGER seconds after answering, unread meanwhile."""

    protocol_version = "HTTP/1.0"
    connections = 0

    def setup(self) -> None:
        super().setup()
        type(self).connections += 1

    def do_GET(self) -> None:  # noqa: N802
        links = "".join(f'<a href="/danh-muc/{i}">Mục {i}</a>' for i in range(4))
        body = b"" if self.path == "/robots.txt" else f"<html><body>{links}</body></html>".encode()
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()
        time.sleep(LINGER)

    def log_message(self, *args: object) -> None:
        pass


LINGER = 0.5


def test_an_http_1_0_answer_ends_its_connection(tmp_path):
    """Twisted pooled the connection of an HTTP/1.0 answer; the next request, sent into it
    at once (no delay), was lost when the server closed it (with retries off, the page
    failed). Each request now has its own connection, and every page is fetched."""
    server = http.server.ThreadingHTTPServer(("127.0.0.31", 0), OldServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.31:{server.server_address[1]}/"
        sites = tmp_path / "sites.toml"
        sites.write_text(f'[[site]]\nid = "old"\nname = "Trường cũ"\nprovince = "P"\n'
                         f'start_urls = ["{url}"]\n', encoding="utf-8")  # fmt: skip
        result = crawl(tmp_path / "archive.db", sites, "-s", "RETRY_TIMES=0",
                       "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1")  # fmt: skip
    finally:
        server.shutdown()
        server.server_close()
    assert result.returncode == 6, result.stderr[-3000:]  # no article: listings only
    with closing(sqlite3.connect(tmp_path / "archive.db")) as db:
        failed = db.execute("select count(*) from pages where kind = 'error'").fetchone()[0]
        pages = db.execute("select count(*) from pages").fetchone()[0]
    assert (failed, pages) == (0, 5)
    assert OldServer.connections == 6  # robots.txt and five pages, one connection each
