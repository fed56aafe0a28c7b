"""Each site has at most CONCURRENT_REQUESTS_PER_DOMAIN requests out, delays off too
(crawler/downloader.py: Scrapy 2.19 sent a delay-free slot's whole queue at once)."""

from __future__ import annotations

import threading
import time
from collections import Counter
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
