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
import threading
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from archive.store.migrations import open_db
from sampleweb import SampleWebServer, build_sample_web
from sampleweb.audit import (
    CrawlRun,
    Readers,
    audit,
    crawl_command,
    integrity,
    run_crawl,
    serving,
    wait_until_writing,
)

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Scene:
    crawl: CrawlRun
    second: CrawlRun
    first_running: bool  # when the second crawl had exited
    readers: Readers
    serve_log: str
    db: Path
    expected: list


@pytest.fixture(scope="module")
def scene(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scene]:
    tmp = tmp_path_factory.mktemp("concurrency")
    db = tmp / "archive.db"
    open_db(str(db)).close()  # serve needs a file; the crawl fills it
    web = build_sample_web(articles_per_site=30)
    results: dict[str, CrawlRun] = {}
    with serving(db, cwd=ROOT) as (base, log), SampleWebServer(web) as server:
        sites = server.write_sites(tmp / "sites.toml")
        with Readers(base) as readers:
            first = threading.Thread(target=lambda: results.update(
                first=run_crawl(crawl_command(db, sites, "--log-level", "INFO"))))  # fmt: skip
            first.start()
            wait_until_writing(db)
            second = run_crawl(crawl_command(db, sites), timeout=60)
            first_running = first.is_alive()
            first.join(timeout=600)
            time.sleep(1)  # a last round of reads over the finished archive
    yield Scene(results["first"], second, first_running, readers, log[0], db, web.articles)


def test_datasette_answers_every_request_during_the_crawl(scene):
    assert scene.readers.problems == []
    assert sum(scene.readers.statuses.values()) > 200, scene.readers.statuses


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
    assert scene.first_running  # refused at once, not after the first crawl
    assert str(scene.db) in second.stderr and "Traceback" not in second.stderr
    assert second.stdout == ""
    with closing(sqlite3.connect(scene.db)) as conn:
        crawls = conn.execute("select id, status from crawls").fetchall()
    assert crawls == [(1, "finished")]  # the refused crawl wrote nothing
    assert integrity(scene.db) == "ok"
