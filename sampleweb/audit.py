"""Crawls of the sample web under faults, and the archive checked against the ground truth.

Shared by tests/test_faults.py, the kill tests and ``benchmarks/chaos.py``:
:func:`run_crawl` runs ``python -m archive crawl`` in a subprocess (what a
user runs) and samples the peak memory of the crawler and its extraction
workers; :func:`audit` compares the database with what a
:class:`~sampleweb.faults.FaultyWeb` says must (and must not) be
there; :func:`warc_state` and :func:`integrity` check the files a kill may
have torn. Nothing here imports Scrapy.
"""

from __future__ import annotations

import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from archive.sites.urls import canonical_url
from sampleweb.core.entries import SampleArticle
from sampleweb.faults import DISALLOWED, FAILS, REFUSED, FaultyWeb, Injection

#: Quick settings for loopback crawls: no politeness delays, no progress lines.
FAST = ("-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0",
        "-s", "ARCHIVE_PROGRESS_INTERVAL=0")  # fmt: skip
#: What a crash looks like in a crawl's log: an exception nobody handled.
CRASH = re.compile(
    r"Traceback \(most recent call last\)|Spider error processing|Error processing|"
    r"Unhandled error|Error caught on signal handler"
)
_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \[([^\]]+)\] (\w+): ", re.M)
#: Loggers whose tracebacks are expected: robots.txt that cannot be fetched is the
#: site's problem (Scrapy logs it with a traceback, then crawls as if allowed).
_EXPECTED = frozenset({"scrapy.downloadermiddlewares.robotstxt"})


def count_crashes(log: str) -> int:
    """Log records (and bare tracebacks) showing an exception nobody handled."""
    starts = list(_RECORD.finditer(log))
    bounds = [0, *(m.start() for m in starts), len(log)]
    loggers = ["", *(m.group(1) for m in starts)]
    crashes = 0
    for logger, start, end in zip(loggers, bounds, bounds[1:], strict=False):
        if logger not in _EXPECTED and CRASH.search(log, start, end):
            crashes += 1
    return crashes


@dataclass
class CrawlRun:
    returncode: int | None  # None: killed by us
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float  # the crawler and every process it started, summed, at the worst moment
    killed_at: float | None = None
    orphans: int = 0  # processes of the killed crawler still alive 20 s after the kill

    @property
    def crashes(self) -> int:
        return count_crashes(self.stderr)


def crawl_command(db: Path, sites: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "archive", "crawl", "--db", str(db), "--sites", str(sites),
            *FAST, *extra]  # fmt: skip


def run_crawl(command: Sequence[str], *, timeout: float = 600, kill_after: float | None = None,
              preexec_fn: Callable[[], None] | None = None,
              cwd: str | Path | None = None) -> CrawlRun:  # fmt: skip
    """Run a crawl; with ``kill_after``, SIGKILL it then (the process alone, as the OOM
    killer would) and wait until its workers are gone too."""
    started = time.monotonic()
    # Files, not pipes: nobody reads a pipe while we wait for the kill, and a crawl
    # blocked on a full pipe is not the crawl we meant to kill.
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        process = subprocess.Popen(list(command), stdout=out, stderr=err, text=True,
                                   preexec_fn=preexec_fn, cwd=cwd)  # fmt: skip
        sampler = _PeakMemory(process.pid)
        sampler.start()
        killed_at, orphans = None, 0
        try:
            if kill_after is not None:
                try:
                    process.wait(timeout=kill_after)
                except subprocess.TimeoutExpired:
                    tree = _tree(process.pid)
                    process.send_signal(signal.SIGKILL)  # the crawler alone, as the OOM killer
                    killed_at = time.monotonic() - started
                    orphans = _reap(process, tree)
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            for child in _tree(process.pid):
                child.kill()
            process.wait()
            err.write(f"\n[audit] crawl killed after the {timeout}s time limit\n")
        finally:
            sampler.stop()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    code = None if killed_at is not None else process.returncode
    seconds = time.monotonic() - started
    return CrawlRun(code, stdout, stderr, seconds, sampler.peak_mb, killed_at, orphans)


def _reap(process: subprocess.Popen[str], tree: list[psutil.Process]) -> int:
    """Give the killed crawler's workers 20 s to notice and exit; end (and count) the rest.
    They are ours: the process tree of the crawl we started."""
    process.wait()
    left = _wait_gone([p for p in tree if p.pid != process.pid], 20)
    for child in left:
        with suppress(psutil.Error):
            child.kill()
    return len(left)


def _tree(pid: int) -> list[psutil.Process]:
    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.Error:
        return []


def _wait_gone(processes: Iterable[psutil.Process], seconds: float) -> list[psutil.Process]:
    """Wait for processes to exit; returns those still alive (orphans)."""
    _, alive = psutil.wait_procs(list(processes), timeout=seconds)
    return alive


class _PeakMemory(threading.Thread):
    def __init__(self, pid: int, every: float = 0.1):
        super().__init__(daemon=True)
        self.pid, self.every, self.peak_mb = pid, every, 0.0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            total = 0
            for process in _tree(self.pid):
                with suppress(psutil.Error):
                    total += process.memory_info().rss
            self.peak_mb = max(self.peak_mb, total / 2**20)
            self._stop_event.wait(self.every)

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=2)


# --- the archive against the truth ---------------------------------------------------


@dataclass
class Audit:
    expected: int  # articles that must be archived
    archived: int  # of those, archived
    lost: list[str] = field(default_factory=list)  # expected but not archived (must be empty)
    duplicates: list[str] = field(default_factory=list)  # archived more than once
    leaked: list[str] = field(default_factory=list)  # must not be archived, yet are
    unexplained: list[str] = field(default_factory=list)  # a broken URL without its reason
    integrity: str = "ok"


def integrity(db_path: str | Path) -> str:
    """``PRAGMA integrity_check`` of the file as it is (read-only: a kill's WAL included)."""
    try:
        with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)) as db:
            rows = db.execute("pragma integrity_check").fetchall()
    except sqlite3.Error as exc:
        return f"error: {exc}"
    return "; ".join(str(r[0]) for r in rows)


def article_ids(db: sqlite3.Connection, article: SampleArticle) -> set[int]:
    urls = [canonical_url(u) for u in article.urls]
    marks = ",".join("?" for _ in urls)
    rows = db.execute(f"select article_id from article_urls where url in ({marks})", urls)
    return {row[0] for row in rows}


def audit(db_path: str | Path, expected: Iterable[SampleArticle],
          faulty: FaultyWeb | None = None) -> Audit:  # fmt: skip
    """Every expected article archived exactly once; nothing the faults forbid archived;
    every broken URL recorded with its reason."""
    expected = list(expected)
    result = Audit(expected=len(expected), archived=0, integrity=integrity(db_path))
    with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)) as db:
        for article in expected:
            ids = article_ids(db, article)
            if ids:
                result.archived += 1
            else:
                result.lost.append(article.url)
            if len(ids) > 1:
                result.duplicates.append(article.url)
        copies = db.execute(
            "select site_id, content_hash, count(*) from articles group by 1, 2 having count(*) > 1"
        ).fetchall()
        result.duplicates += [f"{site}: {count} articles with text {digest[:12]}"
                              for site, digest, count in copies]  # fmt: skip
        if faulty is not None:
            _check_faults(db, faulty, result)
    return result


def _check_faults(db: sqlite3.Connection, faulty: FaultyWeb, result: Audit) -> None:
    for injection in faulty.injected:
        forbidden = injection.fault.effect in (FAILS, REFUSED, DISALLOWED)
        if forbidden and injection.entry and article_ids(db, faulty.web.truth(injection.entry)):
            result.leaked.append(
                f"{injection.fault.name}: {injection.url} "
                f"{_how_archived(db, faulty.web.truth(injection.entry))}"
            )
        if injection.fault.reason and not _reason_recorded(db, faulty, injection):
            result.unexplained.append(f"{injection.fault.name}: {injection.url}")


def _how_archived(db: sqlite3.Connection, article: SampleArticle) -> str:
    """Where an article that should not be there came from: its URLs and their pages rows."""
    ids = sorted(article_ids(db, article))
    marks = ",".join("?" for _ in ids)
    rows = db.execute(
        f"select u.url, u.first_seen, p.kind, p.crawl_id, p.status, p.final_url "
        f"from article_urls u left join pages p on p.url = u.url where u.article_id in ({marks})",
        ids,
    ).fetchall()
    return "; ".join(" ".join(str(v) for v in row) for row in rows)


def _reason_recorded(db: sqlite3.Connection, faulty: FaultyWeb, injection: Injection) -> bool:
    pattern = re.compile(injection.fault.reason or "")
    urls = [
        canonical_url(faulty.absolute(injection, p)) for p in (injection.path, *injection.aliases)
    ]
    for url in urls:
        row = db.execute("select kind, error from pages where url = ?", [url]).fetchone()
        if row and row[0] in ("error", "other") and row[1] and pattern.search(row[1]):
            return True
    return False


# --- WARC files ----------------------------------------------------------------------


@dataclass
class WarcState:
    files: int = 0
    records: int = 0
    torn: list[str] = field(default_factory=list)  # files whose last record is incomplete
    invalid: list[str] = field(default_factory=list)  # files warcio cannot read to the end
    dangling: int = 0  # captures rows pointing at bytes that are not a complete record


def warc_state(warc_dir: str | Path, db_path: str | Path | None = None) -> WarcState:
    """Every WARC file readable to its end, and every capture row pointing at a record."""
    from archive.capture import warcs

    state = WarcState()
    folder = Path(warc_dir)
    for path in sorted(folder.glob("*.warc.gz")):
        state.files += 1
        if warcs.complete_length(path) != path.stat().st_size:
            state.torn.append(path.name)
            continue
        try:
            state.records += sum(1 for _ in warcs.iter_records(path))
        except Exception as exc:  # warcio's errors have no common base class
            state.invalid.append(f"{path.name}: {type(exc).__name__}: {exc}")
    if db_path is not None and Path(db_path).exists():
        state.dangling = _dangling_captures(folder, db_path)
    return state


def _dangling_captures(folder: Path, db_path: str | Path) -> int:
    from archive.capture import warcs

    with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)) as db:
        try:
            rows = db.execute("select warc_file, offset, length from captures").fetchall()
        except sqlite3.Error:
            return 0
    bad = 0
    for name, offset, length in rows:
        try:
            warcs.read_capture(folder, name, offset, length)
        except Exception:
            bad += 1
    return bad


# --- kills ----------------------------------------------------------------------------


@dataclass
class KillReport:
    runs: int = 0
    kills: int = 0  # runs killed before they finished
    finished_first: int = 0  # runs that finished before their kill came
    broken_after_kill: list[str] = field(default_factory=list)  # integrity failures
    torn_after_kill: int = 0  # WARC files left with a torn last record by a kill
    orphans: int = 0  # processes of a killed crawl still alive 20 s later
    crashes: int = 0
    peak_mb: float = 0.0
    final: CrawlRun | None = None
    audit: Audit | None = None
    warcs: WarcState | None = None
    torn_made: int = 0  # torn tails we added ourselves (a kill in the middle of a write)
    errors: list[str] = field(default_factory=list)  # ERROR lines of every run, for diagnosis
    crawl_statuses: dict[str, int] = field(default_factory=dict)
    pending: int = 0  # frontier rows left after the final crawl
    log: list[str] = field(default_factory=list)


def kill_campaign(db: Path, sites: Path, expected: Callable[[], Iterable[SampleArticle]], *,
                  runs: int = 20, seed: int = 0, longest: float = 12.0,
                  faulty: FaultyWeb | None = None, extra: Sequence[str] = (),
                  progress: Callable[[str], None] | None = None) -> KillReport:  # fmt: skip
    """Crawl, SIGKILL at a random moment, check the files, restart; ``runs`` times.

    Then one crawl left to finish, and the archive audited: every article once,
    intact database, WARC files complete (torn tails repaired by the restarts),
    no capture pointing nowhere, no request left pending. Every other run
    refetches everything (revalidate 0), so kills also land on updates.
    """
    import random

    rng = random.Random(seed)
    report = KillReport()
    warc_dir = db.parent / "warcs"
    for number in range(runs):
        args = [*extra, "--revalidate-after", "0"] if number % 2 else list(extra)
        moment = rng.uniform(0.05, longest)
        run = run_crawl(crawl_command(db, sites, *args), kill_after=moment)
        report.runs += 1
        report.peak_mb = max(report.peak_mb, run.peak_mb)
        report.crashes += run.crashes
        report.errors += [f"run {number + 1}: {line}" for line in run.stderr.splitlines()
                          if "] ERROR: " in line]  # fmt: skip
        if run.killed_at is None:
            report.finished_first += 1
            line = f"run {number + 1}: finished ({run.returncode}) before the kill at {moment:.1f}s"
        else:
            report.kills += 1
            report.orphans += run.orphans
            state = integrity(db) if db.exists() else "ok (no database yet)"
            if not state.startswith("ok"):
                report.broken_after_kill.append(f"run {number + 1}: {state}")
            if report.kills % 3 == 0 and tear_last_warc(warc_dir, rng):
                report.torn_made += 1
            torn = warc_state(warc_dir).torn if warc_dir.exists() else []
            report.torn_after_kill += len(torn)
            line = f"run {number + 1}: killed at {run.killed_at:.2f}s, db {state}, torn {len(torn)}"
        report.log.append(line)
        if progress:
            progress(line)
    report.final = run_crawl(crawl_command(db, sites, *extra))
    report.crashes += report.final.crashes
    report.audit = audit(db, expected(), faulty)
    report.warcs = warc_state(warc_dir, db)
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        report.crawl_statuses = dict(
            conn.execute("select status, count(*) from crawls group by status").fetchall()
        )
        report.pending = conn.execute("select count(*) from frontier").fetchone()[0]
    return report


def tear_last_warc(warc_dir: Path, rng: Any) -> bool:
    """Append part of a record to the newest WARC file: what a kill in the middle of a
    write leaves (a real kill rarely lands there, so the campaign makes sure it happens)."""
    from archive.capture import warcs

    files = sorted(warc_dir.glob("*.warc.gz"), key=lambda p: p.stat().st_mtime) if (
        warc_dir.exists()) else []  # fmt: skip
    if not files or files[-1].stat().st_size == 0:
        return False
    path = files[-1]
    records = [(offset, length) for offset, length, _ in warcs.iter_records(path)]
    if not records:
        return False
    offset, length = records[-1]
    with open(path, "rb") as f:
        f.seek(offset)
        member = f.read(length)
    with open(path, "ab") as f:
        f.write(member[: rng.randint(1, max(1, len(member) - 1))])
    return True


# --- Datasette while crawling -----------------------------------------------------------

#: What readers ask for while a crawl writes: tables, search, canned queries, a row, SQL.
READER_PATHS = (
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
)


@dataclass
class Readers:
    """Threads reading READER_PATHS from a Datasette in turn until stopped."""

    base: str
    threads: int = 4
    statuses: Counter[int] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _running: list[threading.Thread] = field(default_factory=list)

    def __enter__(self) -> Readers:
        for offset in range(self.threads):
            thread = threading.Thread(target=self._read, args=(offset,), daemon=True)
            thread.start()
            self._running.append(thread)
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for thread in self._running:
            thread.join(timeout=60)

    def _read(self, offset: int) -> None:
        index = offset
        while not self._stop.is_set():
            path = READER_PATHS[index % len(READER_PATHS)]
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


@contextmanager
def serving(db: Path, cwd: Path | None = None) -> Iterator[tuple[str, list[str]]]:
    """``tct-archive serve`` on ``db`` in a subprocess on a free port: (base URL, [its log])."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "archive", "serve", "--db", str(db), "--port", str(port)],
        cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    base, log = f"http://127.0.0.1:{port}", [""]
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(process.stderr.read() if process.stderr else "") from None
                time.sleep(0.1)
        yield base, log
    finally:
        process.terminate()
        _, log[0] = process.communicate(timeout=30)


def wait_until_writing(db: Path, pages: int = 5, seconds: float = 60) -> None:
    """Until a crawl has stored some pages of ``db`` (it holds the lock by then)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with (
            suppress(sqlite3.Error),
            closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn,
        ):
            if conn.execute("select count(*) from pages").fetchone()[0] >= pages:
                return
        time.sleep(0.05)
    raise TimeoutError(f"no crawl started writing {db}")
