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
