"""Bad input to every command, and a disk that fills up: one clear message, a distinct
exit status, nothing lost or half-written.

Exit statuses (archive/cli.py): 2 bad usage or input, 3 locked (tests/test_concurrency.py),
4 the archive could not be written (a full disk, a size limit, a read-only or failing disk).
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli
from archive.store.migrations import open_db
from archive.store.storage import EXIT_STORAGE, StorageError, describe, storage_problem
from sampleweb import SampleWebServer, build_sample_web
from sampleweb.audit import crawl_command, integrity, run_crawl

GOOD = """
[[site]]
id = "sample"
name = "Trường Chính trị mẫu"
province = "Thái Nguyên"
start_urls = ["http://127.0.0.9:9/"]
"""
BAD_SITES = {
    "not-toml": "[[site]\nid = ",
    "not-utf8": GOOD.encode("utf-8").replace("ờ".encode(), b"\xff\xfe").decode("latin-1"),
    "no-sites": "title = 'nothing here'\n",
    "no-start-urls": GOOD.replace('start_urls = ["http://127.0.0.9:9/"]', ""),
    "start-url-not-http": GOOD.replace("http://127.0.0.9:9/", "ftp://127.0.0.9/"),
    "bad-id": GOOD.replace('id = "sample"', 'id = "Sample Site"'),
    "duplicate-id": GOOD + GOOD,
    "unknown-field": GOOD + 'colour = "red"\n',
    "bad-regex": GOOD + 'deny = ["(unclosed"]\n',
}


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.toml"
    good.write_text(GOOD, encoding="utf-8")
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    archive = tmp_path / "archive.db"
    open_db(str(archive)).close()
    truncated = tmp_path / "truncated.db"
    shutil.copy(archive, truncated)
    with open(truncated, "r+b") as f:
        f.truncate(truncated.stat().st_size // 2)
    folder = tmp_path / "a-folder.db"
    folder.mkdir()
    return {"good": good, "corrupt": corrupt, "truncated": truncated, "folder": folder,
            "missing": tmp_path / "missing.db", "nodir": tmp_path / "no" / "where.db",
            "archive": archive}  # fmt: skip


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}  # fmt: skip


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def assert_refused(result, status: int, *words: str) -> None:
    assert result.exit_code == status, result.output
    assert result.output.count("Error:") == 1, result.output
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.output, result.output


@pytest.mark.parametrize("name", list(BAD_SITES))
@pytest.mark.parametrize("command", ["crawl", "sites"])
def test_a_malformed_sites_file_is_refused_by_every_command_that_reads_one(
    tmp_path, files, name, command
):
    sites = tmp_path / "sites.toml"
    sites.write_bytes(BAD_SITES[name].encode("latin-1" if name == "not-utf8" else "utf-8"))
    before = snapshot(tmp_path)
    args = [command, "--sites", str(sites)]
    if command == "crawl":
        args += ["--db", str(tmp_path / "new.db")]
    assert_refused(run(*args), 2, str(sites))
    assert snapshot(tmp_path) == before  # nothing written, not even a database


@pytest.mark.parametrize(
    ("command", "problem", "message"),
    [
        (["crawl", "--sites", "{good}", "--db", "{corrupt}"], "corrupt", "not an SQLite database"),
        (["crawl", "--sites", "{good}", "--db", "{truncated}"], "truncated", "malformed"),
        (["crawl", "--sites", "{good}", "--db", "{folder}"], "folder", "{folder}"),
        (["crawl", "--sites", "{good}", "--db", "{nodir}"], "nodir", "does not exist"),
        (["crawl", "--sites", "{good}", "atlantis"], "unknown site", "unknown site id(s): atlantis"),
        (["crawl", "--sites", "{good}", "-s", "RETRY_TIMES=many"], "bad -s", "not a valid int"),
        (["crawl", "--sites", "{good}", "-s", "ARCHIVE_MAXPAGES=5"], "bad -s", "unknown setting"),
        (["crawl", "--sites", "{good}", "--revalidate-after", "soon"], "bad option", "soon"),
        (["crawl", "--sites", "{good}", "-s", "ARCHIVE_MONITOR_SCHEDULE=weekly"], "bad -s",
         "-s ARCHIVE_MONITOR_SCHEDULE: "),
        (["stats", "--db", "{missing}"], "missing", "no such archive"),
        (["stats", "--db", "{corrupt}"], "corrupt", "not an SQLite database"),
        (["stats", "--db", "{truncated}"], "truncated", "malformed"),
        (["summaries", "--db", "{missing}"], "missing", "no such archive"),
        (["summaries", "--db", "{corrupt}", "--refresh"], "corrupt", "not an SQLite database"),
        (["summaries", "--db", "{truncated}"], "truncated", "malformed"),
        (["serve", "--db", "{missing}"], "missing", "no such archive"),
        (["serve", "--db", "{corrupt}"], "corrupt", "not an SQLite database"),
        (["serve", "--db", "{corrupt}", "--public"], "corrupt", "{corrupt}"),
        (["reextract", "--db", "{missing}"], "missing", "{missing}"),
        (["reextract", "--db", "{corrupt}"], "corrupt", "{corrupt}"),
        (["export", "--db", "{missing}"], "missing", "{missing}"),
        (["export", "--db", "{corrupt}"], "corrupt", "{corrupt}"),
        (["extract", "{missing}", "--url", "http://x.vn/a"], "missing", "{missing}"),
        (["extract", "{good}", "--url", "http://x.vn/a", "--site", "atlantis", "--sites",
          "{good}"], "unknown site", "unknown site id: atlantis"),
        (["eval", "{missing}"], "missing", "{missing}"),
        (["export", "--db", "{archive}", "-o", "{nodir}"], "no folder", "does not exist"),
        (["export", "--db", "{archive}", "--format", "wacz", "-o", "{nodir}"], "no folder",
         "does not exist"),
        (["demo", "--dir", "{nodir}/deeper", "--no-serve"], "no folder", "does not exist"),
    ],
)  # fmt: skip
def test_bad_input_to_every_command(tmp_path, files, command, problem, message):
    before = snapshot(tmp_path)
    args = [a.format(**files) for a in command]
    assert_refused(run(*args), 2, message.format(**files))
    assert snapshot(tmp_path) == before, problem


DB_COMMANDS = sorted(name for name, command in cli.commands.items()
                     if any(p.name == "db" for p in command.params))  # fmt: skip


# Every command with --db and every unusable database, except a missing one for crawl
# and ingest (Redis mode's writer), which create it.
UNUSABLE = [(command, problem) for command in DB_COMMANDS
            for problem in ("missing", "corrupt", "folder")
            if (command, problem) not in (("crawl", "missing"), ("ingest", "missing"))]  # fmt: skip


@pytest.mark.parametrize(("command", "problem"), UNUSABLE)
def test_every_command_with_a_database_refuses_an_unusable_one(tmp_path, files, command,
                                                               problem):  # fmt: skip
    """Whatever the command (new ones included): one line, exit 2, nothing written."""
    before = snapshot(tmp_path)
    extra = ["--sites", str(files["good"])] if command == "crawl" else []
    assert_refused(run(command, "--db", str(files[problem]), *extra), 2, str(files[problem]))
    assert snapshot(tmp_path) == before


@contextmanager
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder this process cannot write: a read-only tmpfs as root, else chmod 0555."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(folder)],
                             capture_output=True)  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip("root without mount: cannot make a folder read-only")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_an_unwritable_folder_is_refused_before_anything_starts(tmp_path, files):
    with read_only_folder(tmp_path) as folder:
        result = run("crawl", "--sites", str(files["good"]), "--db", str(folder / "archive.db"))
        assert_refused(result, 2, "not writable")
        assert list(folder.iterdir()) == []


# --- a full disk -----------------------------------------------------------------------


def test_storage_problems_are_told_apart():
    assert storage_problem(OSError(28, "No space left on device")) == "disk full"
    assert storage_problem(sqlite3.OperationalError("database or disk is full")) == "disk full"
    assert storage_problem(sqlite3.OperationalError("disk I/O error")) == "disk I/O error"
    assert storage_problem(OSError(27, "File too large")) == "file size limit reached"
    assert storage_problem(OSError(30, "Read-only file system")) == "read-only file system"
    assert storage_problem("OSError: [Errno 28] No space left on device") == "disk full"
    assert storage_problem(ValueError("no")) is None
    assert storage_problem(sqlite3.OperationalError("no such table: x")) is None
    wrapped = RuntimeError("while saving")
    wrapped.__cause__ = OSError(28, "No space left on device")
    assert storage_problem(wrapped) == "disk full"
    error = OSError(28, "No space left on device", "/srv/warcs/a.warc.gz")
    assert describe(error, "archive.db") == "disk full writing /srv/warcs/a.warc.gz"
    assert describe(StorageError("disk full writing x.db"), "y") == "disk full writing x.db"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, Path, int]]:
    """A finished crawl of the sample web: (folder, database, sites file, articles)."""
    tmp = tmp_path_factory.mktemp("full")
    web = build_sample_web(articles_per_site=6)
    with SampleWebServer(web) as server:
        sites = server.write_sites(tmp / "sites.toml")
        db = tmp / "archive.db"
        first = run_crawl(crawl_command(db, sites))
        assert first.returncode == 0, first.stderr[-3000:]
        with closing(sqlite3.connect(db)) as conn:
            articles = conn.execute("select count(*) from articles").fetchone()[0]
        yield tmp, db, sites, articles


def check_stopped_cleanly(run, db: Path, articles: int) -> None:
    assert run.returncode == EXIT_STORAGE, run.stderr[-3000:]
    last = run.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: ") and " writing " in last, last
    at = run.stderr.find("Traceback")
    assert at < 0, run.stderr[max(0, at - 500) : at + 2500]
    assert integrity(db) == "ok"
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == articles
        assert conn.execute("select status from crawls where id = 1").fetchone()[0] == "finished"


def test_a_file_size_limit_stops_the_crawl_cleanly(tmp_path, crawled):
    """RLIMIT_FSIZE: every file the crawl writes may grow only so far (works without root)."""
    _, source, sites, articles = crawled
    db = tmp_path / "archive.db"
    shutil.copy(source, db)
    # Smaller than the database already is: its writes past this offset fail, and so
    # do the WARC's once it is that long (the crawl commits in batches, so the WAL alone
    # no longer reaches a limit a little above the database's size).
    limit = 60_000
    assert db.stat().st_size > limit

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of death
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    again = run_crawl(crawl_command(db, sites, "--revalidate-after", "0"), preexec_fn=small_files)
    check_stopped_cleanly(again, db, articles)
    assert "file size limit reached writing" in again.stderr.strip().splitlines()[-1]


def test_a_full_disk_stops_the_crawl_cleanly(tmp_path, crawled):
    """A small tmpfs filled by the crawl (needs root and mount; skipped otherwise)."""
    _, source, sites, articles = crawled
    disk = tmp_path / "disk"
    disk.mkdir()
    size = source.stat().st_size + 400_000
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(disk)],
                             capture_output=True)  # fmt: skip
    if os.geteuid() != 0 or mounted.returncode != 0:
        pytest.skip("needs root and mount for a small tmpfs")
    try:
        db = disk / "archive.db"
        shutil.copy(source, db)
        again = run_crawl(crawl_command(db, sites, "--revalidate-after", "0"))
        check_stopped_cleanly(again, db, articles)
        assert "disk full writing" in again.stderr
        # Room again: the next crawl resumes and finishes.
        shutil.rmtree(disk / "warcs", ignore_errors=True)
        moved = tmp_path / "archive.db"
        shutil.copy(db, moved)
        for suffix in ("-wal", "-shm"):
            if Path(f"{db}{suffix}").exists():
                shutil.copy(f"{db}{suffix}", f"{moved}{suffix}")
    finally:
        subprocess.run(["umount", str(disk)], check=False)
    resumed = run_crawl(crawl_command(moved, sites))
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert integrity(moved) == "ok"
