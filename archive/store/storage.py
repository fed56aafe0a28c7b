"""Storage failures: a full disk, a quota, a size limit, a read-only or failing file system.

They are not bugs and not bad input: the archive cannot be written until an
operator acts. Every command tells them apart (:func:`storage_problem`),
stops cleanly (SQLite has rolled the failed transaction back, so everything
committed before stays intact) and exits with its own status, 4, with one
message naming the problem and the file.
"""

from __future__ import annotations

import errno
import os
import re
import resource
import sqlite3

EXIT_STORAGE = 4

_ERRNOS = {
    errno.ENOSPC: "disk full",
    errno.EDQUOT: "disk quota exceeded",
    errno.EFBIG: "file size limit reached",
    errno.EROFS: "read-only file system",
    errno.EIO: "disk I/O error",
}
#: SQLite reports these as text (sqlite3.OperationalError); EFBIG comes back as an I/O error.
_SQLITE = {
    "database or disk is full": "disk full",
    "disk i/o error": "disk I/O error",
    "attempt to write a readonly database": "read-only database",
    "database disk image is malformed": "database file damaged",
}
#: Errors that reach us only as text (a WARC write failure recorded as a page's error).
_TEXT = {
    "no space left on device": "disk full",
    "disk quota exceeded": "disk quota exceeded",
    "file too large": "file size limit reached",
    "read-only file system": "read-only file system",
}


class StorageError(Exception):
    """Writing the archive failed for a reason outside the program (see module doc)."""


def storage_problem(error: BaseException | str | None) -> str | None:
    """'disk full', 'disk I/O error'... when ``error`` (or what caused it) is one; else None."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, str):
            text = error.lower()
            return next((p for key, p in {**_SQLITE, **_TEXT}.items() if key in text), None)
        seen.add(id(error))
        if isinstance(error, StorageError):
            return str(error)
        if isinstance(error, OSError) and error.errno in _ERRNOS:
            return _ERRNOS[error.errno]
        if isinstance(error, sqlite3.DatabaseError):
            text = str(error).lower()
            found = next((p for key, p in _SQLITE.items() if key in text), None)
            if found:
                return found
        error = error.__cause__ or error.__context__
    return None


def describe(error: BaseException, default_path: str) -> str:
    """One line for the operator: the problem and the file being written."""
    problem = storage_problem(error) or str(error)
    if isinstance(error, StorageError):
        return problem
    path = getattr(error, "filename", None) or default_path
    if problem == "disk I/O error" and _at_size_limit(path):
        problem = "file size limit reached"
    if problem == "database file damaged":
        return f"{problem}: {path}"
    return f"{problem} writing {path}"


def _at_size_limit(path: str) -> bool:
    """SQLite turns EFBIG into a bare I/O error: name the limit when a file has reached it."""
    limit = resource.getrlimit(resource.RLIMIT_FSIZE)[0]
    if limit == resource.RLIM_INFINITY:
        return False
    sizes = (os.path.getsize(p) for p in (path, f"{path}-wal") if os.path.exists(p))
    return any(size >= limit - 65_536 for size in sizes)


#: File systems that hold no ordinary files: a database cannot live there.
SPECIAL_FILE_SYSTEMS = frozenset({
    "proc", "sysfs", "devpts", "cgroup", "cgroup2", "debugfs", "tracefs", "securityfs",
    "configfs", "pstore", "bpf", "fusectl", "mqueue", "efivarfs", "binfmt_misc", "autofs",
    "hugetlbfs", "nsfs",
})  # fmt: skip


def file_system(
    path: str | os.PathLike[str], mountinfo: str = "/proc/self/mountinfo"
) -> str | None:
    """The type of the file system ``path`` is on (``proc``, ``ext4``...), from the kernel's
    mount table; None when it cannot be told (no /proc, another system)."""
    target = os.path.realpath(path)
    best, kind = "", None
    try:
        with open(mountinfo, encoding="utf-8", errors="replace") as table:
            for line in table:
                left, sep, right = line.partition(" - ")
                fields = left.split()
                if not sep or len(fields) < 5 or not right.split():
                    continue
                point = _unescape_mount(fields[4])
                inside = target == point or target.startswith(point.rstrip("/") + "/")
                if inside and len(point) >= len(best):
                    best, kind = point, right.split()[0]
    except OSError:
        return None
    return kind


def _unescape_mount(field: str) -> str:
    """Mount points escape spaces, tabs, newlines and backslashes as octal (\\040)."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def folder_problem(folder: str | os.PathLike[str]) -> str | None:
    """Why a database (and its lock and log files) cannot be created in ``folder``, in words,
    or None when it can. Tries for real: a probe file is made and removed."""
    import tempfile

    kind = file_system(folder)
    special = (
        f"cannot hold a database: {folder} is a {kind} file system, which holds no ordinary files"
    )
    try:
        fd, probe = tempfile.mkstemp(prefix=".tct-archive-probe-", dir=folder)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if kind in SPECIAL_FILE_SYSTEMS:
            return f"{special} ({reason})"
        return f"not writable: cannot create files in {folder} ({reason})"
    os.close(fd)
    os.unlink(probe)
    return special if kind in SPECIAL_FILE_SYSTEMS else None
