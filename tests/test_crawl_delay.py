"""Robots.txt ``Crawl-delay`` and the registry's ``crawl_delay`` (issue 4, point 7).

Scrapy ignores Crawl-delay (Scrapy issue #892); crawler.extensions.CrawlDelay
turns it into a floor under the site's download delay. Measured where it
matters, on the server: the gaps between the requests one site receives.
"""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlsplit

import pytest

from sampleweb import SampleWebServer, build_sample_web
from tests.crawling import EVERYTHING, DropOnce, Recorder, Seen, crawl

pytestmark = pytest.mark.e2e

ROBOTS_DELAY = 1.0  # every site's robots.txt says Crawl-delay: 1
REGISTRY_DELAY = 1.5  # the registry asks more of the Liferay site
SLACK = 0.1  # timer and loopback jitter
# AutoThrottle on, starting near zero: it must not take the delay below the floor.
THROTTLED = ["-s", "AUTOTHROTTLE_ENABLED=1", "-s", "AUTOTHROTTLE_START_DELAY=0.05",
             "--max-pages", "5"]  # fmt: skip


def gaps(seen: list[Seen]) -> dict[str, list[float]]:
    """Seconds between consecutive requests, per host."""
    times: dict[str, list[float]] = defaultdict(list)
    for s in seen:
        times[urlsplit(s.url).hostname or ""].append(s.time)
    return {
        host: [b - a for a, b in zip(sorted(ts), sorted(ts)[1:], strict=False)]
        for host, ts in times.items()
    }


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, list[float]]]:
    tmp = tmp_path_factory.mktemp("crawl_delay")
    web = build_sample_web(articles_per_site=3, sites=2, crawl_delay=ROBOTS_DELAY)
    recorder = Recorder()
    with SampleWebServer(web, faults={EVERYTHING: recorder}) as server:
        sites_file = server.write_sites(tmp / "sites.toml")
        text = sites_file.read_text(encoding="utf-8")
        sites_file.write_text(
            text.replace('id = "liferay"\n', f'id = "liferay"\ncrawl_delay = {REGISTRY_DELAY}\n'),
            encoding="utf-8",
        )
        hosts = {site: urlsplit(url).hostname for site, url in server.urls.items()}
        runs = {}
        for name, extra in (
            ("honoured", THROTTLED),
            ("without the extension", [*THROTTLED, "-s", "EXTENSIONS={}"]),
        ):
            mark = recorder.mark()
            result = crawl(tmp / f"{name}.db", sites_file, *extra)
            # Five pages a site reach no article: the crawl says so (exit 6), and goes on.
            assert result.returncode in (0, 6), result.stderr[-3000:]
            measured = gaps(recorder.since(mark))
            runs[name] = {site: measured[host] for site, host in hosts.items() if host}
        return runs


def test_robots_crawl_delay_spaces_the_requests(measured):
    spacing = measured["honoured"]["nukeviet"]
    assert len(spacing) >= 4
    assert min(spacing) >= ROBOTS_DELAY - SLACK, spacing
    assert sorted(spacing)[len(spacing) // 2] < 2 * ROBOTS_DELAY + 0.5  # the floor, not more


def test_the_registry_crawl_delay_raises_the_floor(measured):
    spacing = measured["honoured"]["liferay"]
    assert len(spacing) >= 4
    assert min(spacing) >= REGISTRY_DELAY - SLACK, spacing


def test_scrapy_alone_ignores_crawl_delay(measured):
    """The control: the same crawl without crawler.extensions.CrawlDelay."""
    assert min(measured["without the extension"]["nukeviet"]) < ROBOTS_DELAY / 2


def test_a_request_the_server_dropped_is_sent_again_no_sooner_than_the_delay(tmp_path):
    """A request on a reused connection that the server closes unanswered: Twisted's
    connection pool would send it again at once, on a new connection, past Scrapy's slot
    and the site's delay (the server then got the page twice within milliseconds). It is
    retried by Scrapy instead, the site's delay before it like any other request."""
    web = build_sample_web(articles_per_site=3, sites=1, crawl_delay=ROBOTS_DELAY)
    hook = DropOnce()
    with SampleWebServer(web, faults={EVERYTHING: hook}) as server:
        sites_file = server.write_sites(tmp_path / "sites.toml")
        result = crawl(tmp_path / "archive.db", sites_file, "--max-pages", "8")
    assert result.returncode in (0, 6), result.stderr[-3000:]
    assert len(hook.dropped) == 1
    (spacing,) = gaps(hook.seen).values()
    assert min(spacing) >= ROBOTS_DELAY - SLACK, spacing
    again = [s.time for s in hook.seen if s.url == hook.dropped[0]]
    assert len(again) == 2, hook.dropped  # the page was fetched after all


LATE = '{"http": "tests.lagging.LatePoliteHTTPHandler"}'


def test_a_request_sent_late_delays_the_next_one_at_the_server(tmp_path):
    """The reactor held between the slot's go-ahead and the send of every other request
    (LAG of a 0.5 s delay): the next request still reaches the server the delay after
    the late one, not the delay after its go-ahead."""
    from tests.lagging import LAG

    web = build_sample_web(articles_per_site=3, sites=2)
    recorder = Recorder()
    with SampleWebServer(web, faults={EVERYTHING: recorder}) as server:
        sites_file = server.write_sites(tmp_path / "sites.toml")
        result = crawl(tmp_path / "archive.db", sites_file, "--max-pages", "6",
                       "-s", f"DOWNLOAD_DELAY={DELAY}", "-s", "AUTOTHROTTLE_ENABLED=0",
                       "-s", f"DOWNLOAD_HANDLERS={LATE}", "--log-level", "INFO")  # fmt: skip
    assert result.returncode in (0, 6), result.stderr[-3000:]
    assert result.stderr.count(f"holding the reactor {LAG}s") >= 4
    for host, spacing in gaps(recorder.seen).items():
        assert len(spacing) >= 4, host
        assert min(spacing) >= DELAY - SLACK, (host, spacing)


DELAY = 0.5
