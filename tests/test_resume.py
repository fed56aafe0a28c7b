"""Resume (issue 4, point 6): a crawl killed in any way finishes on the next run,
with nothing lost and nothing stored twice. Real HTTP on loopback, real SQLite,
the crawler in a subprocess: SIGKILL (no chance to clean up) and SIGINT (Ctrl-C
to the whole process group, extraction workers included).
"""

from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlite_utils import Database

from archive.sites.urls import canonical_url
from sampleweb import Request, SampleWeb, SampleWebServer, build_sample_web
from tests.crawling import EVERYTHING, Recorder, start

pytestmark = pytest.mark.e2e

SLOW = ["-s", "DOWNLOAD_DELAY=0.15"]  # slow enough to be stopped half-way
EXIT_INTERRUPTED = 1  # README, "Commands": interrupted crawls exit with status 1


@dataclass
class Web:
    web: SampleWeb
    server: SampleWebServer
    recorder: Recorder
    sites_file: Path


@pytest.fixture
def web(tmp_path: Path) -> Iterator[Web]:
    sample = build_sample_web(articles_per_site=6, sites=4)
    recorder = Recorder()
    with SampleWebServer(sample, faults={EVERYTHING: recorder}) as server:
        yield Web(sample, server, recorder, server.write_sites(tmp_path / "sites.toml"))


def articles_stored(db_path: Path) -> int:
    if not db_path.exists():
        return 0
    conn = sqlite3.connect(db_path, timeout=5)
    try:
        return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0
    finally:
        conn.close()


def wait_for_articles(process: subprocess.Popen[str], db_path: Path, at_least: int) -> None:
    deadline = time.monotonic() + 120
    while articles_stored(db_path) < at_least:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the crawl stored nothing in time"
        time.sleep(0.05)


def finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=300)
    return process.returncode, out, err


def assert_complete_and_unique(web: Web, db_path: Path) -> None:
    """Every article of the sample web archived once, and no row twice anywhere."""
    db = Database(db_path)
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    expected = web.web.articles
    ids = set()
    for article in expected:
        row = db.execute(
            "select article_id from article_urls where url = ?", [canonical_url(article.url)]
        ).fetchone()
        assert row is not None, article.url
        ids.add(row[0])
    assert len(ids) == len(expected)
    assert db.execute("select count(*) from articles").fetchone()[0] == len(expected)
    # One version per article (nothing changed), one row per (site, text).
    assert db.execute("select count(*), max(version) from article_versions").fetchone() == (
        len(expected), 1)  # fmt: skip
    assert db.execute(
        "select count(*) from (select site_id, content_hash from articles group by 1, 2 "
        "having count(*) > 1)").fetchone()[0] == 0  # fmt: skip
    assert db.execute("select count(*) from frontier").fetchone()[0] == 0
    fts = db.execute("select count(*) from articles_fts").fetchone()[0]
    assert fts == len(expected)


def test_a_crawl_killed_with_sigkill_is_resumed_by_the_next_run(web: Web, tmp_path: Path):
    db_path = tmp_path / "archive.db"
    first = start(db_path, web.sites_file, *SLOW)
    wait_for_articles(first, db_path, 5)
    os.kill(first.pid, signal.SIGKILL)
    first.communicate(timeout=30)
    killed_at = web.recorder.mark()
    db = Database(db_path)
    pending = db.execute("select count(*) from frontier").fetchone()[0]
    stored = {url for (url,) in db.execute(
        "select url from pages where kind = 'article' and crawl_id = 1")}  # fmt: skip
    assert pending > 0 and stored, "the kill should come half-way"
    assert articles_stored(db_path) < len(web.web.articles)
    assert db.table("crawls").get(1)["status"] == "running"  # as the kill left it

    code, out, err = finish(start(db_path, web.sites_file))
    assert code == 0, err[-3000:]
    assert "resumed the unfinished crawl(s) [1]" in err
    assert_complete_and_unique(web, db_path)
    killed = db.table("crawls").get(1)
    assert killed["status"] == "killed" and killed["resumed_by"] == 2
    assert "killed" in killed["message"]
    assert db.table("crawls").get(2)["status"] == "finished"
    # What the killed run stored is not fetched again by the run that resumes it.
    again = {canonical_url(s.url) for s in web.recorder.since(killed_at)}
    assert not again & stored


def test_ctrl_c_stops_cleanly_and_the_next_run_completes(web: Web, tmp_path: Path):
    db_path = tmp_path / "archive.db"
    first = start(db_path, web.sites_file, *SLOW)
    wait_for_articles(first, db_path, 5)
    os.killpg(first.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
    code, out, err = finish(first)
    assert code == EXIT_INTERRUPTED, err[-3000:]
    assert "crawl 1 interrupted" in err
    assert "Traceback" not in err
    assert "site" in out.splitlines()[0]  # the summary still printed
    db = Database(db_path)
    row = db.table("crawls").get(1)
    assert row["status"] == "interrupted" and row["ended"] and row["message"] == "shutdown"
    assert db.execute("select count(*) from frontier").fetchone()[0] > 0

    code, out, err = finish(start(db_path, web.sites_file))
    assert code == 0, err[-3000:]
    assert_complete_and_unique(web, db_path)
    assert db.table("crawls").get(1)["resumed_by"] == 2


def test_documents_pending_at_a_kill_are_fetched_by_the_next_run(tmp_path: Path):
    """The articles are stored, their documents are still downloading: SIGKILL.
    The next run does not fetch the articles again, but records the documents."""
    sample = build_sample_web(articles_per_site=6)
    release = threading.Event()
    recorder = Recorder()

    def slow_document(request: Request) -> None:
        release.wait(30)  # hold every document until the crawler is dead

    faults = {EVERYTHING: recorder, re.compile(r"\.pdf$"): slow_document}
    with SampleWebServer(sample, faults=faults) as server:
        linking = [a for a in sample.articles if a.attachments]  # absolute URLs once bound
        assert linking and {a.site_id for a in linking} == {"aspnet"}
        sites_file = server.write_sites(tmp_path / "sites.toml")
        db_path = tmp_path / "archive.db"
        first = start(db_path, sites_file, "aspnet")
        deadline = time.monotonic() + 120
        while not all(stored(db_path, a.url) for a in linking) or not any(
                s.url.endswith(".pdf") for s in recorder.since(0)):  # fmt: skip
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline
            time.sleep(0.05)
        os.kill(first.pid, signal.SIGKILL)
        first.communicate(timeout=30)
        release.set()
        db = Database(db_path)
        assert db.execute("select count(*) from attachments").fetchone()[0] == 0
        pending = {url: json.loads(via) for url, via in db.execute(
            "select url, via from frontier where kind = 'attachment'")}  # fmt: skip
        assert set(pending) == {canonical_url(u) for a in linking for u in a.attachments}
        mark = recorder.mark()

        code, out, err = finish(start(db_path, sites_file, "aspnet"))
        assert code == 0, err[-3000:]
        again = {canonical_url(s.url) for s in recorder.since(mark)}
        assert not again & {canonical_url(a.url) for a in linking}  # articles not refetched
    for article in linking:
        article_id = stored(db_path, article.url)
        documents = {r[0] for r in db.execute(
            "select url from attachments where article_id = ?", [article_id])}  # fmt: skip
        assert documents == {canonical_url(u) for u in article.attachments}, article.url
    assert db.execute("select count(*) from frontier").fetchone()[0] == 0


def stored(db_path: Path, url: str) -> int | None:
    """The article stored at this URL, read while the crawler writes."""
    conn = sqlite3.connect(db_path, timeout=5)
    try:
        row = conn.execute(
            "select article_id from article_urls where url = ?", [canonical_url(url)]
        ).fetchone()
    except sqlite3.OperationalError:  # not created yet
        return None
    finally:
        conn.close()
    return row[0] if row else None
