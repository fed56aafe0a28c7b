"""One crawl per database (issue 4, point 7): the lock beside the database.

Two crawls on the same archive: the second exits at once with status 3 and a
message naming the database and the first crawl's pid, and writes nothing.
The lock goes when its holder does, even killed with SIGKILL (the kernel
drops a dead process's flock). `scrapy crawl` (and so Scrapyd) obeys it too.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlite_utils import Database

from archive.store import lock
from sampleweb import SampleWebServer, build_sample_web
from tests.crawling import crawl, start

pytestmark = pytest.mark.e2e

EXIT_LOCKED = 3


def wait_for_lock(db_path: Path, process: subprocess.Popen[str]) -> int:
    deadline = time.monotonic() + 60
    while (pid := lock.holder(str(db_path))) is None:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    return pid


def crawl_rows(db_path: Path) -> int:
    return Database(db_path).execute("select count(*) from crawls").fetchone()[0]


def test_a_second_crawl_exits_at_once_and_writes_nothing(tmp_path: Path):
    web = build_sample_web(articles_per_site=3, sites=2)
    with SampleWebServer(web) as server:
        sites_file = server.write_sites(tmp_path / "sites.toml")
        db_path = tmp_path / "archive.db"
        first = start(db_path, sites_file, "-s", "DOWNLOAD_DELAY=0.3")
        try:
            assert wait_for_lock(db_path, first) == first.pid
            log = tmp_path / "second.log"
            second = crawl(db_path, sites_file, "--log-file", str(log))
            assert first.poll() is None, "the first crawl should still be running"
            assert second.returncode == EXIT_LOCKED
            message = second.stderr.strip()
            assert str(db_path) in message and f"process {first.pid}" in message
            assert "another crawl" in message and second.stdout == ""
            assert message in log.read_text(encoding="utf-8")  # cron's log has it too
            out, err = first.communicate(timeout=300)
        finally:
            if first.poll() is None:
                first.kill()
                first.communicate()
        assert first.returncode == 0, err[-3000:]
        # Counted once the first crawl is done (it takes the lock before it writes its row):
        # the first crawl's row alone, none of the second's.
        assert crawl_rows(db_path) == 1
        assert lock.holder(str(db_path)) is None  # released at the end
        third = crawl(db_path, sites_file)
        assert third.returncode == 0, third.stderr[-3000:]
        assert crawl_rows(db_path) == 2


def test_the_kernel_releases_the_lock_of_a_killed_holder(tmp_path: Path):
    db_path = tmp_path / "archive.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"from archive.store import lock; import time\n"
         f"lock.acquire({str(db_path)!r}); print('held', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    assert lock.holder(str(db_path)) == holder.pid
    with pytest.raises(lock.LockedError, match=f"process {holder.pid}"):
        lock.acquire(str(db_path))
    os.kill(holder.pid, signal.SIGKILL)
    holder.communicate(timeout=30)
    assert lock.holder(str(db_path)) is None
    lock.acquire(str(db_path))
    lock.release(str(db_path))


def test_scrapy_crawl_obeys_the_lock_too(tmp_path: Path, sites_file):
    """The spider takes the lock itself: `scrapy crawl` and Scrapyd jobs are covered."""
    registry = sites_file(
        '[[site]]\nid = "x"\nname = "X"\nprovince = "Huế"\nstart_urls = ["http://127.0.0.1:9/"]\n'
    )
    db_path = tmp_path / "archive.db"
    lock.acquire(str(db_path))
    try:
        result = subprocess.run(
            [sys.executable, "-m", "scrapy", "crawl", "schools", "-s", f"ARCHIVE_DB={db_path}",
             "-s", f"ARCHIVE_SITES_FILE={registry}", "-s", "LOG_LEVEL=ERROR"],
            capture_output=True, text=True, timeout=120, cwd=Path(__file__).parents[1],
        )  # fmt: skip
    finally:
        lock.release(str(db_path))
    assert result.returncode != 0
    assert f"another crawl (process {os.getpid()}) is using this database" in result.stderr
    assert not db_path.exists()  # nothing written


def test_the_lock_is_released_even_when_closing_the_crawl_fails(tmp_path: Path, site, monkeypatch):
    from archive.store import writer as store
    from crawler.session import ArchiveSession

    db_path = str(tmp_path / "archive.db")
    session = ArchiveSession(db_path, [site])
    assert lock.holder(db_path) == os.getpid()

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "finish_crawl", full_disk)
    with pytest.raises(OSError):
        session.close("finished")
    assert lock.holder(db_path) is None
