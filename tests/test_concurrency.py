"""Datasette serves the archive while a crawl writes to it; a second crawl is refused.

`tct-archive serve` runs in a subprocess on the database from the start; threads
hammer it (tables, full-text search, canned queries, row pages, the health view)
for as long as a crawl of the sample web writes, and a second crawl of the same
database is started half-way. SQLite's WAL mode means readers never block the
writer and the writer never blocks readers: no request may fail, and "database
is locked" must appear nowhere.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from archive.migrations import open_db
from archive.sampleweb import SampleWebServer, build_sample_web
from archive.sampleweb.audit import CrawlRun, audit, crawl_command, integrity, run_crawl

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parent.parent
PATHS = [
    "/archive/articles.json?_size=20",
    "/archive/articles?_sort_desc=published",
    "/archive/articles.json?_search=dao+tao&_size=10",
    "/archive/articles.json?_search=%22boi+duong%22",
    "/archive/search.json?q=hoi+nghi&site=",
    "/archive/latest.json?site=",
    "/archive/per_site_month.json?site=&since=",
    "/archive/pages.json?_size=50&_sort_desc=fetched",
    "/archive/site_health.json",
    "/archive/crawl_sites.json",
    "/archive/articles/1",
    "/archive.json?sql=select+count(*)+from+articles",
]


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Hammer:
    """Threads fetching PATHS in turn until stopped; every answer is kept in counts."""

    base: str
    statuses: Counter[int] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self, offset: int) -> None:
        index = offset
        while not self.stop.is_set():
            path = PATHS[index % len(PATHS)]
            index += 1
            try:
                with urllib.request.urlopen(self.base + path, timeout=30) as response:
                    status, body = response.status, response.read().decode("utf-8", "replace")
            except urllib.error.HTTPError as exc:
                status, body = exc.code, exc.read().decode("utf-8", "replace")
                exc.close()
            except OSError as exc:
                status, body = 0, str(exc)
            self.statuses[status] += 1
            # /archive/articles/1 is a 404 until the first article is stored.
            if status != 200 and not (status == 404 and path.endswith("/1")):
                self.problems.append(f"{status} {path}: {body[:300]}")
            if "database is locked" in body.lower():
                self.problems.append(f"locked: {path}")


@dataclass
class Scene:
    crawl: CrawlRun
    second: CrawlRun
    second_started: float
    hammer: Hammer
    serve_log: str
    db: Path
    expected: list


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scene]:
    tmp = tmp_path_factory.mktemp("concurrency")
    db = tmp / "archive.db"
    open_db(str(db)).close()  # serve needs a file; the crawl fills it
    web = build_sample_web(articles_per_site=30)
    port = free_port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "archive", "serve", "--db", str(db), "--port", str(port)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    hammer = Hammer(base)
    try:
        _wait_for(base, serve)
        with SampleWebServer(web) as server:
            sites = server.write_sites(tmp / "sites.toml")
            threads = [threading.Thread(target=hammer.run, args=(i,), daemon=True)
                       for i in range(4)]  # fmt: skip
            for thread in threads:
                thread.start()
            results: dict[str, CrawlRun] = {}
            first = threading.Thread(target=lambda: results.update(
                first=run_crawl(crawl_command(db, sites, "--log-level", "INFO"))))  # fmt: skip
            first.start()
            _wait_until_writing(db)
            started = time.monotonic()
            second = run_crawl(crawl_command(db, sites), timeout=60)
            second_seconds = time.monotonic() - started
            first.join(timeout=600)
            time.sleep(1)  # a last round of reads over the finished archive
            hammer.stop.set()
            for thread in threads:
                thread.join(timeout=60)
            expected = web.articles
    finally:
        serve.terminate()
        _, log = serve.communicate(timeout=30)
    yield Scene(results["first"], second, second_seconds, hammer, log, db, expected)


def _wait_for(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2):
                return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(process.stderr.read() if process.stderr else "") from None
            time.sleep(0.1)


def _wait_until_writing(db: Path) -> None:
    """Until the first crawl has stored some pages (it holds the lock by then)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
                if conn.execute("select count(*) from pages").fetchone()[0] >= 5:
                    return
        except sqlite3.Error:
            pass
        time.sleep(0.05)
    raise AssertionError("the first crawl never started writing")


def test_datasette_answers_every_request_during_the_crawl(scene):
    assert scene.hammer.problems == []
    assert sum(scene.hammer.statuses.values()) > 200, scene.hammer.statuses


def test_nothing_anywhere_says_database_is_locked(scene):
    for text in (scene.crawl.stderr, scene.crawl.stdout, scene.serve_log):
        assert "database is locked" not in text.lower()


def test_the_crawl_finishes_complete_while_being_read(scene):
    assert scene.crawl.returncode == 0, scene.crawl.stderr[-3000:]
    assert scene.crawl.crashes == 0
    result = audit(scene.db, scene.expected)
    assert result.lost == [] and result.duplicates == [] and result.integrity == "ok"


def test_a_second_crawl_of_the_same_database_is_refused_cleanly(scene):
    second = scene.second
    assert second.returncode == 3, second.stderr[-2000:]
    assert scene.second_started < 20  # at once, not after the first crawl
    assert str(scene.db) in second.stderr and "Traceback" not in second.stderr
    assert second.stdout == ""
    with closing(sqlite3.connect(scene.db)) as conn:
        crawls = conn.execute("select id, status from crawls").fetchall()
    assert crawls == [(1, "finished")]  # the refused crawl wrote nothing
    assert integrity(scene.db) == "ok"

