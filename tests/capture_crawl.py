"""Session fixtures: the sample web crawled once with WARC capture, for the WARC,
re-extraction, attachment and export tests.

The crawl is `python -m archive crawl` in a subprocess over loopback HTTP, as
in test_crawl_e2e. Three things are added to the sample web through its
faults hook: every answer of the WordPress site is gzip-encoded (when the
client accepts it), an old ASP.NET URL redirects to an article (with a
tracking parameter, so the redirect is fetched whatever else was), and one
start URL resets the connection. The server is stopped before any test
runs: whatever reads the archive afterwards cannot be using the network.
"""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest

from sampleweb import SampleWeb, SampleWebServer, build_sample_web
from sampleweb.core import dates as sample_dates
from sampleweb.core.pages import Ctx, Request, Response
from sampleweb.core.routing import dispatch

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0",
        "-s", "ARCHIVE_PROGRESS_INTERVAL=0"]  # fmt: skip
WARC_MAX_BYTES = 150_000  # small, so that the crawl rotates files
GZIP_SITE = "wordpress"
REDIRECT_SITE = "aspnet"
REDIRECT_PATH = "/tin-cu/bai-viet.aspx"
RESET_PATH = "/mat-ket-noi.aspx"


@dataclass
class Captured:
    web: SampleWeb
    tmp: Path
    db_path: Path
    warc_dir: Path
    sites_file: Path
    result: subprocess.CompletedProcess[str]
    base: dict[str, str]  # site id -> base URL
    gzipped: set[str] = field(default_factory=set)  # URLs answered with Content-Encoding: gzip
    redirect_source: str = ""
    redirect_target: str = ""  # the article URL the redirect leads to (canonical)
    documents: dict[str, bytes] = field(default_factory=dict)  # attachment URL -> bytes served


def run_crawl(db_path: Path, sites_file: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "archive", "crawl", "--db", str(db_path),
               "--sites", str(sites_file), *FAST, *extra]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def _gzipping(server: SampleWebServer, site_id: str, seen: set[str]) -> Callable[..., Response]:
    model = next(m for m in server.web.models if m.site.id == site_id)

    def handler(request: Request) -> Response | None:
        if "gzip" not in request.headers.get("accept-encoding", ""):
            return None
        with server.web.lock:
            response = dispatch(
                model, request, Ctx(server.urls[site_id], datetime.now(sample_dates.VN))
            )
        if response.status != 200 or not response.body:
            return response
        seen.add(request.url)
        headers = {**response.headers, "Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
        return Response(200, gzip.compress(response.body), response.content_type, headers)

    return handler


def _with_start_urls(sites_file: Path, base: str, extra: list[str]) -> None:
    """Add start URLs to the site whose start URL begins with ``base``."""
    text = sites_file.read_text(encoding="utf-8")
    marker = f'start_urls = ["{base}'
    start = text.index(marker)
    end = text.index("]", start)
    added = "".join(f', "{url}"' for url in extra)
    sites_file.write_text(text[:end] + added + text[end:], encoding="utf-8")


@pytest.fixture(scope="session")
def captured(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Captured]:
    tmp = tmp_path_factory.mktemp("captured")
    web = build_sample_web(articles_per_site=6)
    with SampleWebServer(web) as server:
        sites_file = server.write_sites(tmp / "sites.toml")
        base = dict(server.urls)
        state = Captured(web, tmp, tmp / "archive.db", tmp / "warcs", sites_file,
                         subprocess.CompletedProcess([], 0), base)  # fmt: skip
        server.faults[re.compile(re.escape(base[GZIP_SITE]) + "/")] = _gzipping(
            server, GZIP_SITE, state.gzipped
        )
        article = next(a for a in web.articles if a.site_id == REDIRECT_SITE and a.attachments)
        state.redirect_target = article.url
        state.redirect_source = base[REDIRECT_SITE] + REDIRECT_PATH
        joiner = "&" if "?" in article.url else "?"
        location = f"{article.url}{joiner}utm_source=redirect"
        server.faults[REDIRECT_PATH] = lambda request: Response(
            301, b"", "", {"Location": location}
        )
        server.faults[RESET_PATH] = "reset"
        _with_start_urls(sites_file, base[REDIRECT_SITE],
                         [state.redirect_source, base[REDIRECT_SITE] + RESET_PATH])  # fmt: skip
        state.result = run_crawl(
            state.db_path, sites_file, "-s", f"ARCHIVE_WARC_MAX_BYTES={WARC_MAX_BYTES}"
        )
        for sample in web.articles:
            for url in sample.attachments:
                with urllib.request.urlopen(url, timeout=10) as answer:
                    state.documents[url] = answer.read()
    yield state


@dataclass
class SmallCrawl:
    db_path: Path
    warc_dir: Path
    result: subprocess.CompletedProcess[str]


@pytest.fixture(scope="session")
def small_crawl(tmp_path_factory: pytest.TempPathFactory) -> SmallCrawl:
    """One site, with ``--warc-dir`` and an attachment size limit below the PDFs' size."""
    tmp = tmp_path_factory.mktemp("small")
    web = build_sample_web(articles_per_site=3)
    with SampleWebServer(web) as server:
        sites_file = server.write_sites(tmp / "sites.toml")
        warc_dir = tmp / "elsewhere" / "warc"
        result = run_crawl(tmp / "archive.db", sites_file, REDIRECT_SITE, "--warc-dir", str(warc_dir),
                           "-s", "ARCHIVE_ATTACHMENT_MAX_BYTES=100")  # fmt: skip
    return SmallCrawl(tmp / "archive.db", warc_dir, result)
