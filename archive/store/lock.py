"""One crawl per database: an exclusive ``flock`` on ``<database>.lock``.

Cron and systemd timers start crawls blindly; two runs writing the same
archive would fetch everything twice and fight over the frontier. The lock
file sits beside the database and holds the pid of the last holder (for the
message only: the kernel's lock is the truth, and it is released when the
holder dies, SIGKILL included, so there is never a stale lock to clean up).

The lock is reentrant within a process: `tct-archive crawl` takes it before
anything is written, and the spider takes it again when it opens the
database (which is how `scrapy crawl` and Scrapyd runs are covered too).
"""

from __future__ import annotations

import fcntl
import os
from dataclasses import dataclass
from pathlib import Path


class LockedError(RuntimeError):
    """Another process holds the database's lock."""

    def __init__(self, db_path: str, lock_path: Path, pid: int | None):
        self.db_path, self.lock_path, self.pid = db_path, lock_path, pid
        holder = f"process {pid}" if pid else "another process"
        super().__init__(
            f"{db_path}: another crawl ({holder}) is using this database; "
            f"exiting without writing (lock file {lock_path})"
        )


@dataclass
class _Held:
    fd: int
    count: int


_held: dict[str, _Held] = {}


def lock_path(db_path: str) -> Path:
    return Path(f"{db_path}.lock")


def acquire(db_path: str) -> Path:
    """Take the database's lock (again, if this process holds it) or raise LockedError."""
    path = lock_path(db_path)
    key = os.path.realpath(path)
    held = _held.get(key)
    if held is not None:
        held.count += 1
        return path
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        pid = _read_pid(fd)
        os.close(fd)
        raise LockedError(db_path, path, pid) from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    _held[key] = _Held(fd, 1)
    return path


def release(db_path: str) -> None:
    """Give back one acquisition; the last one unlocks (the file stays)."""
    key = os.path.realpath(lock_path(db_path))
    held = _held.get(key)
    if held is None:
        return
    held.count -= 1
    if held.count == 0:
        del _held[key]
        fcntl.flock(held.fd, fcntl.LOCK_UN)
        os.close(held.fd)


def holder(db_path: str) -> int | None:
    """The pid holding the lock now, or None when it is free."""
    path = lock_path(db_path)
    if not path.exists():
        return None
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _read_pid(fd) or -1
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def _read_pid(fd: int) -> int | None:
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None
