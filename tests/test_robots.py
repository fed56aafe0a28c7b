"""Every request that waits for a site's robots.txt gets its rules.

Scrapy 2.19's RobotsTxtMiddleware awaits the one Deferred of a robots.txt
download from every waiting request (``maybe_deferred_to_future``, since
scrapy/scrapy#6802), which consumes its result: only the first waiter got the
rules, the others got None ("no robots.txt") and were fetched. With the stock
middleware back in ``crawler/settings.py`` this test fails.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.crawling import crawl

HOST = "127.0.0.23"
FORBIDDEN = [f"/cam/bai-{i}.html" for i in range(8)]
#: robots.txt answers after this long, so the start requests all wait for it at once.
ROBOTS_SLOWNESS = 0.5


class Site(BaseHTTPRequestHandler):
    served: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.served.append(self.path)
        if self.path == "/robots.txt":
            time.sleep(ROBOTS_SLOWNESS)
            body, kind = b"User-agent: *\nDisallow: /cam/\n", "text/plain"
        else:
            body, kind = b"<html><body><p>Trang</p></body></html>", "text/html; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Site.served = []
    httpd = ThreadingHTTPServer((HOST, 0), Site)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_every_request_waiting_for_robots_txt_obeys_it(server: str, tmp_path: Path):
    starts = ", ".join(f'"{server}{path}"' for path in FORBIDDEN)
    sites = tmp_path / "sites.toml"
    sites.write_text(f'[[site]]\nid = "s"\nname = "S"\nprovince = "P"\nstart_urls = [{starts}]\n')
    db_path = tmp_path / "archive.db"
    done = crawl(db_path, sites)
    assert Site.served.count("/robots.txt") == 1, done.stderr
    assert [p for p in Site.served if p.startswith("/cam/")] == []
    rows = Database(db_path).execute("select url, kind, error from pages").fetchall()
    assert sorted(url.removeprefix(server) for url, _, _ in rows) == sorted(FORBIDDEN)
    assert {(kind, error) for _, kind, error in rows} == {
        ("other", "IgnoreRequest: Forbidden by robots.txt")
    }
