"""What a user sees when something goes wrong: one line naming the real cause, and an exit
status of its own (README, "Commands"). Through the real command, in a subprocess."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
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
