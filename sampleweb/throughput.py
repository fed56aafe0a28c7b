"""How many pages per second the loopback server delivers to one keep-alive client.

The server runs in a child process (``python -m sampleweb serve``) so
that client and server do not share a GIL; the client fetches every article
and listing page once ("cold": text generated on demand), then again ("warm").
"""

from __future__ import annotations

import http.client
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path
from urllib.parse import urlsplit

from sampleweb.web import build_sample_web


def measure(
    articles_per_site: int = 300, sites: int | None = None, seed: int = 0, rounds: int = 2
) -> list[tuple[int, float]]:
    """(pages, seconds) per round, all pages answered 200 over keep-alive connections."""
    with tempfile.TemporaryDirectory() as tmp:
        registry = Path(tmp) / "sites.toml"
        command = [
            sys.executable,
            "-m",
            "sampleweb",
            "serve",
            "--articles-per-site",
            str(articles_per_site),
            "--seed",
            str(seed),
            "--write-sites",
            str(registry),
        ]
        if sites is not None:
            command += ["--sites", str(sites)]
        server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        try:
            _wait_until_serving(server)
            urls = _urls(articles_per_site, sites, seed, registry)
            return [_fetch_all(urls) for _ in range(rounds)]
        finally:
            server.terminate()
            server.communicate(timeout=10)


def _wait_until_serving(server: subprocess.Popen[str]) -> None:
    assert server.stdout is not None
    for line in server.stdout:
        if line.startswith("serving"):
            return
    raise RuntimeError("the sample web server did not start")


def _urls(articles_per_site: int, sites: int | None, seed: int, registry: Path) -> list[str]:
    web = build_sample_web(articles_per_site, sites, seed)
    entries = tomllib.loads(registry.read_text("utf-8"))["site"]
    web.bind({e["id"]: "http://" + urlsplit(e["start_urls"][0]).netloc for e in entries})
    listings = [u for site in web.sites for u in web.listing_urls(site.id)]
    return [a.url for a in web.articles] + listings


def _fetch_all(urls: list[str]) -> tuple[int, float]:
    connections: dict[str, http.client.HTTPConnection] = {}
    start = time.perf_counter()
    for url in urls:
        parts = urlsplit(url)
        connection = connections.get(parts.netloc)
        if connection is None:
            connection = connections[parts.netloc] = http.client.HTTPConnection(parts.netloc)
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        response = connection.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}")
    elapsed = time.perf_counter() - start
    for connection in connections.values():
        connection.close()
    return len(urls), elapsed
