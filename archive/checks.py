"""Checks the commands run on their input before they start: bad input gets one clear
message and exit status 2, and nothing is written (README: Commands)."""

from __future__ import annotations

import os
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import click

from archive.sites import registry
from archive.store.storage import folder_problem

EXIT_USAGE = 2


class UsageError(click.ClickException):
    """Bad input: one clear message, exit status 2, nothing written."""

    exit_code = EXIT_USAGE


def load_registry(sites_file: str | None) -> list[registry.Site]:
    try:
        return registry.load_sites(sites_file)
    except registry.RegistryError as exc:
        raise UsageError(str(exc)) from exc


def check_folder(folder: Path, path: str) -> None:
    """Where a command writes ``path``: an existing folder it may write in."""
    folder = folder if str(folder) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"{path}: directory {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise UsageError(f"{path}: directory {folder} is not writable")


def check_database(path: str, *, write: bool = True) -> None:
    """Refuse a path that is not a usable SQLite file before anything starts.

    The check leaves nothing behind: SQLite gives a database in WAL mode
    -wal and -shm files when it opens it, so one without a log is read as
    an immutable file (there is no log to miss), and so is one where it could
    not make them (read-only storage).
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"{path}: directory {folder} does not exist")
    if target.is_dir():
        raise UsageError(f"{path}: is a directory, not a database file")
    if target.exists() and not target.is_file():
        raise UsageError(f"{path}: is a {_file_kind(target)}, not a database file")
    if write and (problem := folder_problem(folder)):
        raise UsageError(f"{path}: {problem}")
    writable = os.access(folder, os.W_OK) and (not target.exists() or os.access(target, os.W_OK))
    if write and not writable:
        raise UsageError(f"{path}: not writable")
    if target.exists():
        immutable = "" if Path(f"{target}-wal").exists() and writable else "&immutable=1"
        try:
            with closing(sqlite3.connect(f"file:{target}?mode=ro{immutable}", uri=True)) as conn:
                conn.execute("select count(*) from sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise UsageError(f"{path}: not an SQLite database ({exc})") from exc


def _file_kind(path: Path) -> str:
    mode = path.stat().st_mode
    kinds = [(stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
             (stat.S_ISFIFO, "named pipe"), (stat.S_ISSOCK, "socket")]  # fmt: skip
    return next((name for test, name in kinds if test(mode)), "special file")


def check_duration(
    value: str | None, option: str = "--revalidate-after (ARCHIVE_REVALIDATE_AFTER)"
) -> None:
    """--revalidate-after and -s ARCHIVE_MONITOR_SCHEDULE must be durations."""
    if value is None:
        return
    from archive.capture.recrawl import parse_duration

    try:
        parse_duration(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from exc
