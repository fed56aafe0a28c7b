"""What a user sees when something goes wrong: one line naming the real cause, and an exit
status of its own (README, "Commands"). Through the real command, in a subprocess."""

from __future__ import annotations

import http.server
import re
import socket
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from archive.serve import EXIT_PORT_BUSY
from tests.test_datasette import build_archive

ROOT = Path(__file__).resolve().parent.parent


def tct(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "archive", *args], cwd=ROOT, capture_output=True, text=True,
        timeout=timeout, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def one_error_line(run: subprocess.CompletedProcess[str]) -> str:
    """The run's only error line; no traceback, nothing from uvicorn."""
    assert "Traceback" not in run.stderr, run.stderr
    errors = [line for line in run.stderr.splitlines() if "rror" in line]
    assert len(errors) == 1, run.stderr
    assert errors[0].startswith("Error: "), run.stderr
    return errors[0]


@pytest.fixture
def busy_port() -> Iterator[int]:
    """A loopback port another program listens on."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield other.getsockname()[1]


def test_serve_on_a_busy_port_says_so_with_its_own_exit_status(tmp_path, busy_port):
    db = tmp_path / "archive.db"
    build_archive(db)
    run = tct("serve", "--db", str(db), "--port", str(busy_port))
    assert run.returncode == EXIT_PORT_BUSY == 5, run.stderr
    line = one_error_line(run)
    assert f"port {busy_port} on 127.0.0.1 is already in use by another program" in line
    assert "--port" in line
    assert "serving" not in run.stderr  # no URL that would show the other program


def test_the_demo_checks_its_port_before_crawling(tmp_path, busy_port):
    run = tct("demo", "--dir", str(tmp_path / "demo"), "--port", str(busy_port))
    assert run.returncode == EXIT_PORT_BUSY, run.stderr
    assert f"port {busy_port} on 127.0.0.1 is already in use" in one_error_line(run)
    assert "browse the archive" not in run.stdout and "sample web" not in run.stdout
    assert not (tmp_path / "demo").exists()  # nothing crawled, nothing written


def test_serve_on_an_address_that_is_not_this_machines(tmp_path):
    db = tmp_path / "archive.db"
    build_archive(db)
    run = tct("serve", "--db", str(db), "--host", "192.0.2.1")  # TEST-NET-1: never local
    assert run.returncode == 2, run.stderr
    assert "--host 192.0.2.1: not an address of this machine" in one_error_line(run)


SITES = '[[site]]\nid = "s"\nname = "S"\nprovince = "P"\nstart_urls = ["http://127.0.0.9:9/"]\n'


@pytest.mark.parametrize(
    ("db", "reason"),
    [
        ("/proc/archive.db", "/proc is a proc file system, which holds no ordinary files"),
        ("/proc/version", "/proc is a proc file system, which holds no ordinary files"),
        ("/sys/archive.db", "/sys is a sysfs file system, which holds no ordinary files"),
        ("/dev/null", "is a character device, not a database file"),
    ],
)
def test_a_database_path_on_a_special_file_system_names_the_path_and_the_reason(
    tmp_path, db, reason
):
    if not Path(db).parent.is_dir() or not Path("/proc/self/mountinfo").exists():
        pytest.skip(f"no {Path(db).parent} here")
    sites = tmp_path / "sites.toml"
    sites.write_text(SITES, encoding="utf-8")
    run = tct("crawl", "--sites", str(sites), "--db", db)
    assert run.returncode == 2, run.stderr
    line = one_error_line(run)
    assert line.startswith(f"Error: {db}: ") and reason in line, line
    assert ".lock" not in line


def test_file_systems_are_read_from_the_mount_table(tmp_path):
    from archive.store.storage import file_system, folder_problem

    table = tmp_path / "mountinfo"
    table.write_text(
        "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
        "23 22 0:5 / /proc rw,nosuid shared:2 - proc proc rw\n"
        "24 22 0:6 / /srv/my\\040disk rw - xfs /dev/sdb1 rw\n"
    )  # fmt: skip
    assert file_system("/proc/archive.db", str(table)) == "proc"
    assert file_system("/procedures/a.db", str(table)) == "ext4"
    assert file_system("/srv/my disk/a.db", str(table)) == "xfs"
    assert file_system("/x", str(tmp_path / "missing")) is None
    assert folder_problem(tmp_path) is None
    assert list(tmp_path.iterdir()) == [table]  # the probe file is gone


# --- crawl summaries that explain ---------------------------------------------------------

LISTING = "<html><body><h1>Tin tức</h1>{}</body></html>"


class FaultyHandler(http.server.BaseHTTPRequestHandler):
    """Each loopback address is one kind of site (see SITE_KINDS)."""

    def do_GET(self) -> None:  # noqa: N802
        kind = SITE_KINDS[self.server.server_address[0]]
        if kind == "timeout":  # slower than the crawl's DOWNLOAD_TIMEOUT: it gives up first
            self.server.gone.wait(SLOW)
            return
        if kind == "http-500":
            self.answer(500, "<html>lỗi</html>")
        elif kind == "robots" and self.path == "/robots.txt":
            self.answer(200, "User-agent: *\nDisallow: /\n", "text/plain")
        elif self.path == "/robots.txt":
            self.answer(404, "")
        else:  # listings that link to more listings, never to an article
            links = "".join(f'<a href="/danh-muc/{i}">Mục {i}</a>' for i in range(3))
            self.answer(200, LISTING.format(links))

    def answer(self, status: int, body: str, kind: str = "text/html; charset=utf-8") -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


SITE_KINDS = {"127.0.0.21": "http-500", "127.0.0.22": "robots", "127.0.0.23": "listings",
              "127.0.0.24": "tls", "127.0.0.25": "refused", "127.0.0.26": "timeout"}  # fmt: skip
SLOW = 30  # seconds the timeout site would take; the crawl waits 1 (DOWNLOAD_TIMEOUT)


@pytest.fixture(scope="module")
def faulty_sites(tmp_path_factory) -> Iterator[Path]:
    """A registry of five sites that each fail in their own way, served on loopback (the
    refused one has no server: its port is closed)."""
    servers = []
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    for host, kind in SITE_KINDS.items():
        if kind != "refused":
            server = http.server.ThreadingHTTPServer((host, port), FaultyHandler)
            server.gone = threading.Event()
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers.append(server)
    entries = []
    for host, kind in SITE_KINDS.items():
        scheme = "https" if kind == "tls" else "http"  # TLS to a plain HTTP server
        entries.append(
            f'[[site]]\nid = "{kind}"\nname = "Trường {kind}"\nprovince = "P"\n'
            f'start_urls = ["{scheme}://{host}:{port}/"]\n'
        )
    sites = tmp_path_factory.mktemp("faulty") / "sites.toml"
    sites.write_text("\n".join(entries), encoding="utf-8")
    yield sites
    for server in servers:
        server.gone.set()
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def faulty_crawl(faulty_sites) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    db = faulty_sites.parent / "archive.db"
    run = tct(
        "crawl", "--sites", str(faulty_sites), "--db", str(db), "-s", "RETRY_TIMES=0",
        "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "ARCHIVE_MAX_PAGES_PER_SITE=8",
        "-s", "DOWNLOAD_TIMEOUT=1",
        "-s", "ARCHIVE_PROGRESS_INTERVAL=0", timeout=300,
    )  # fmt: skip
    with closing(sqlite3.connect(db)) as conn:
        messages = dict(conn.execute("select site_id, message from crawl_sites"))
    return run, messages


@pytest.mark.parametrize(
    ("site", "reason"),
    [
        ("refused", "1 of 1 page failed: connection refused (1)"),
        ("tls", "1 of 1 page failed: TLS/SSL failure (1)"),
        ("http-500", "1 of 1 page failed: HTTP 500 (1)"),
        ("timeout", "1 of 1 page failed: timeout (1)"),
        ("robots", "robots.txt forbids every page asked for (1 page)"),
        ("listings", "no article found: the "),
    ],
)
def test_every_failed_or_empty_site_says_why_in_one_line(faulty_crawl, site, reason):
    run, messages = faulty_crawl
    assert run.returncode == 1, run.stderr
    assert messages[site].startswith(reason), messages[site]
    assert "\n" not in messages[site] and "note:" not in messages[site]
    row = next(line for line in run.stdout.splitlines() if line.startswith(site + " "))
    assert reason in row  # the summary's message column
    if " failed " in row:
        assert re.search(rf"^failed entirely: .*\b{site}\b", run.stderr, re.M)
        assert f"\n  {site}: {reason}" in run.stderr


def test_expected_network_failures_print_no_traceback(faulty_crawl):
    run, _ = faulty_crawl
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert "Connection was refused" in run.stderr  # Scrapy's own line stays, one line


def test_normal_behaviour_is_a_note_apart_from_faults(tmp_path):
    """A trap cut on a healthy site is information: no message column entry, a note below."""
    from sampleweb import SampleWebServer, build_sample_web

    web = build_sample_web(articles_per_site=6)
    with SampleWebServer(web) as server:
        sites = server.write_sites(tmp_path / "sites.toml")
        run = tct("crawl", "--sites", str(sites), "--db", str(tmp_path / "a.db"),
                  "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0",
                  "-s", "ARCHIVE_PROGRESS_INTERVAL=0", timeout=300)  # fmt: skip
    assert run.returncode == 0, run.stderr
    table, _, notes = run.stdout.partition("notes (normal behaviour, not faults):")
    assert "trap" not in table
    assert re.search(r"^  \w+: trap guard: the links of \d+ pages? that showed no new article "
                     r"were not followed$", notes, re.M), run.stdout  # fmt: skip
    with closing(sqlite3.connect(tmp_path / "a.db")) as conn:
        stored = [m for (m,) in conn.execute("select message from crawl_sites") if m]
    assert stored and all(part.startswith("note: ") for m in stored for part in m.split("; "))


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        ("DownloadConnectionRefusedError: Connection was refused by other side: 111: "
         "Connection refused.", "connection refused"),
        ("DNSLookupError: DNS lookup failed: no results for hostname lookup: x.invalid.",
         "DNS lookup failed"),
        ("CannotResolveHostError: [Errno -2] Name or service not known", "DNS lookup failed"),
        ("DownloadFailedError: Error: [('SSL routines', '', 'wrong version number')]",
         "TLS/SSL failure"),
        ("DownloadTimeoutError: Getting http://x/ took longer than 30.0 seconds.", "timeout"),
        ("HTTP 503", "HTTP 503"),
        ("ResponseDataLossError: the connection broke before the whole answer arrived",
         "connection broken"),
        ("IgnoreRequest: Forbidden by robots.txt", "forbidden by robots.txt"),
        ("RedirectRefused: redirect loop: http://a/ -> http://b/ -> http://a/", "redirect loop"),
        ("RedirectRefused: redirect to another domain: http://x/", "redirect out of the site refused"),
        ("AddressRefused: private address 10.0.0.1 refused", "private address refused"),
        ("extraction failed: boom", "extraction failed"),
        ("WeirdError: something", "WeirdError"),
        (None, "unknown error"),
    ],
)  # fmt: skip
def test_failures_are_told_in_a_readers_words(error, kind):
    from archive.store.stats import failure_kind

    assert failure_kind(error) == kind


def test_site_messages_put_faults_first_and_mark_notes():
    from archive.store.stats import site_message, split_message

    both = site_message(pages=40, failures={"HTTP 503": 2, "timeout": 1}, robots=3,
                        articles=12, archived=12, notes=["page cap reached"])  # fmt: skip
    assert both == ("3 of 40 pages failed: HTTP 503 (2), timeout (1); "
                    "note: page cap reached; note: robots.txt forbade 3 pages")  # fmt: skip
    assert split_message(both) == (
        "3 of 40 pages failed: HTTP 503 (2), timeout (1)",
        ["page cap reached", "robots.txt forbade 3 pages"],
    )
    assert site_message(pages=5, failures={}, articles=5, archived=5) is None
    # A later crawl that only saw listings of a site already archived: nothing to explain.
    assert site_message(pages=5, failures={}, articles=0, archived=1) is None
    assert split_message(None) == ("", [])
    assert site_message(pages=0, failures={}).startswith("no page was fetched in this run")


def test_the_terminal_drops_the_traceback_of_a_network_failure_a_log_file_keeps():
    import logging

    from scrapy.exceptions import DownloadConnectionRefusedError
    from twisted.internet.error import ConnectionRefusedError as TwistedRefused

    from crawler.logs import OneLineFormatter, network_failure

    def record_of(error: Exception) -> logging.LogRecord:
        try:
            raise error
        except Exception:
            return logging.getLogger("t").makeRecord(
                "t", logging.ERROR, __file__, 1, "Error downloading <GET http://x/>", (),
                sys.exc_info(),
            )  # fmt: skip

    refused = DownloadConnectionRefusedError("refused")
    refused.__cause__ = TwistedRefused()
    record = record_of(refused)
    assert network_failure(refused) and not network_failure(ValueError("bug"))
    plain = logging.Formatter("%(message)s")
    assert OneLineFormatter(plain).format(record) == "Error downloading <GET http://x/>"
    assert "Traceback" in plain.format(record)  # the record is whole for a log file
    bug = record_of(ValueError("a bug"))
    assert "Traceback" in OneLineFormatter(plain).format(bug)  # a bug keeps its traceback
