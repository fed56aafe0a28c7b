"""Helpers for tests that crawl the sample web in a subprocess (`python -m archive crawl`).

The sample web runs in the test process on loopback; a :class:`Recorder` in
its faults hook sees every request (time, URL, headers) before routing.
"""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from sampleweb import Request
from sampleweb.server import ResetConnection

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0",
        "-s", "ARCHIVE_PROGRESS_INTERVAL=0"]  # fmt: skip
#: Extraction in-process: a small crawl spends longer starting worker processes than working.
IN_PROCESS = ["--workers", "0"]
EVERYTHING = re.compile("")
#: What the archive holds (captures grow with every fetch, listings included, by design).
TABLES = ("articles", "article_versions", "article_urls", "pages", "attachments")


def command(db_path: Path, sites_file: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "archive", "crawl", "--db", str(db_path),
            "--sites", str(sites_file), *FAST, *extra]  # fmt: skip


def crawl(db_path: Path, sites_file: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command(db_path, sites_file, *IN_PROCESS, *extra), capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip


def start(db_path: Path, sites_file: Path, *extra: str, **popen: Any) -> subprocess.Popen[str]:
    """A crawl in the background (its own session, so a signal can reach the whole group)."""
    return subprocess.Popen(
        command(db_path, sites_file, *extra), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, start_new_session=True, **popen,
    )  # fmt: skip


@dataclass(frozen=True)
class Seen:
    time: float
    url: str
    headers: dict[str, str]


@dataclass
class Recorder:
    """A faults hook that records each request (when it reached the server: the gaps a site
    sees, however late the server's busy process reads it) and lets it through to routing."""

    seen: list[Seen] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, request: Request) -> None:
        arrived = request.arrived or time.time()
        with self.lock:
            self.seen.append(Seen(arrived, request.url, dict(request.headers)))

    def mark(self) -> int:
        with self.lock:
            return len(self.seen)

    def since(self, mark: int) -> list[Seen]:
        with self.lock:
            return self.seen[mark:]


@dataclass
class DropOnce(Recorder):
    """Records every request, and closes the connection without an answer on the
    ``nth`` request for a page the server got, whichever site (once; robots.txt, which
    every worker asks for, is not counted): a keep-alive connection the server dropped
    as it was reused."""

    nth: int = 4
    dropped: list[str] = field(default_factory=list)
    pages: int = 0

    def __call__(self, request: Request) -> None:
        super().__call__(request)
        with self.lock:
            self.pages += not request.url.endswith("/robots.txt")
            drop = self.pages == self.nth and not self.dropped
            if drop:
                self.dropped.append(request.url)
        if drop:
            raise ResetConnection(request.url)


def counts(db_path: Path) -> dict[str, int]:
    db = Database(db_path)
    try:
        return {t: db.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}
    finally:
        db.close()


def last_crawl(db_path: Path) -> dict[str, Any]:
    db = Database(db_path)
    try:
        return next(db.query("select * from crawls order by id desc limit 1"))
    finally:
        db.close()
