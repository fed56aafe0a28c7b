"""The project deployed to a real Scrapyd (issue 4, point 7).

A copy of the project is deployed with `scrapyd-deploy` (an egg built by
setuptools from pyproject.toml, offline) to a `scrapyd` started on a free
loopback port in a temporary directory; the `schools` spider is scheduled
over the sample web with `setting=ARCHIVE_DB=...`, and the articles are then
found in the database. The job's log shows the code ran from the egg.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from sampleweb import SampleWebServer, build_sample_web

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).parents[1]
BIN = Path(sys.executable).parent
PROJECT_FILES = (
    "pyproject.toml",
    "setup.py",
    "README.md",
    "archive",
    "crawler",
    "datasette",
    "sampleweb",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def call(base: str, endpoint: str, data: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(f"{base}/{endpoint}", data=body, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture
def scrapyd(tmp_path: Path) -> Iterator[str]:
    """A real scrapyd on 127.0.0.1, everything it writes under tmp_path."""
    port = free_port()
    home = tmp_path / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = {home}/eggs\n"
        f"logs_dir = {home}/logs\ndbs_dir = {home}/dbs\nitems_dir =\nmax_proc = 1\n"
        "poll_interval = 0.5\n"
    )
    log = (home / "scrapyd.out").open("w")
    process = subprocess.Popen([str(BIN / "scrapyd")], cwd=home, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                assert call(base, "daemonstatus.json")["status"] == "ok"
                break
            except OSError:
                assert process.poll() is None, (home / "scrapyd.out").read_text()
                assert time.monotonic() < deadline, "scrapyd did not start"
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def deploy(base: str, tmp_path: Path) -> None:
    """`scrapyd-deploy` from a copy of the project (it builds in the project folder)."""
    project = tmp_path / "project"
    project.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=ignore)
        else:
            shutil.copy(source, project / name)
    config = (ROOT / "scrapy.cfg").read_text().replace("http://127.0.0.1:6800/", base + "/")
    (project / "scrapy.cfg").write_text(config)
    result = subprocess.run(
        [str(BIN / "scrapyd-deploy"), "-v", "test"], cwd=project, capture_output=True,
        text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert '"status": "ok"' in result.stdout


def test_the_spider_runs_under_scrapyd_from_the_deployed_egg(scrapyd: str, tmp_path: Path):
    deploy(scrapyd, tmp_path)
    assert call(scrapyd, "listspiders.json?project=tct_archive")["spiders"] == ["schools"]
    web = build_sample_web(articles_per_site=3, sites=2)
    with SampleWebServer(web) as server:
        sites_file = server.write_sites(tmp_path / "sites.toml")
        db_path = tmp_path / "archive.db"
        settings = [f"ARCHIVE_DB={db_path}", f"ARCHIVE_SITES_FILE={sites_file}",
                    "DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=0", "ARCHIVE_EXTRACT_WORKERS=0",
                    "ARCHIVE_PROGRESS_INTERVAL=0"]  # fmt: skip
        job = call(scrapyd, "schedule.json", [
            ("project", "tct_archive"), ("spider", "schools"),
            *(("setting", s) for s in settings),
        ])["jobid"]  # fmt: skip
        deadline = time.monotonic() + 240
        while not any(j["id"] == job for j in call(
                scrapyd, "listjobs.json?project=tct_archive")["finished"]):  # fmt: skip
            assert time.monotonic() < deadline, "the Scrapyd job did not finish"
            time.sleep(0.5)
    db = Database(db_path)
    assert db.execute("select count(*) from articles").fetchone()[0] == len(web.articles)
    crawl = next(db.query("select * from crawls"))
    assert crawl["status"] == "finished" and crawl["requests"] > 0
    job_log = next((tmp_path / "scrapyd" / "logs").rglob(f"{job}.log")).read_text()
    assert ".egg" in job_log.split("(code: ", 1)[1].split(")", 1)[0], "ran from the egg"
