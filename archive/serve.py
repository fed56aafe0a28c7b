"""Datasette on the archive, with the repository's metadata, templates and plugins.

The database is always published under the name ``archive`` whatever its
file is called, because the metadata, the canned queries and the per-table
templates (``row-archive-articles.html``) are keyed on that name.

``datasette/metadata.yml`` holds metadata and ``datasette/datasette.yml``
configuration, the split Datasette 1.0 expects; Datasette 0.65 reads both
from one metadata dictionary, so :func:`load_metadata` merges them.

Public mode opens the file immutable (no locks, no writes, cached counts).
An immutable open ignores the write-ahead log, so the log is checkpointed
into the main file first, and a file a crawl is still writing is refused.
"""

from __future__ import annotations

import errno
import os
import shutil
import socket
import sqlite3
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import click
import yaml

DATABASE_NAME = "archive"
PLUGIN_NAME = "tct-archive"
PUBLIC_SETTINGS = {
    "sql_time_limit_ms": 2000,
    "max_returned_rows": 1000,
    "allow_download": False,
    "allow_csv_stream": False,
    "default_page_size": 50,
    "facet_time_limit_ms": 500,
    "suggest_facets": False,
    "truncate_cells_html": 300,
}
LOCAL_SETTINGS = {
    "sql_time_limit_ms": 5000,
    "default_page_size": 50,
    "suggest_facets": False,
    "truncate_cells_html": 300,
}


class PublicModeError(click.ClickException):
    """The archive cannot be served read-only as it is (exit status 2, one message)."""

    exit_code = 2


#: Exit status when the port to serve on is taken by another program.
EXIT_PORT_BUSY = 5


class PortBusyError(click.ClickException):
    """Another program listens on the port (exit status 5, one line with the way out)."""

    exit_code = EXIT_PORT_BUSY


class AddressError(click.ClickException):
    """A host or port this machine cannot serve on (exit status 2)."""

    exit_code = 2


def listen_socket(host: str, port: int) -> socket.socket:
    """The server's socket, bound to ``host:port`` now (not listening yet), so that a port
    another program holds is found before anything is printed or crawled, and nothing
    can take it between the check and the server's start (uvicorn serves on this one)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError) as exc:
        raise AddressError(f"--host {host}: unknown host ({exc})") from exc
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            other = port + 1 if port < 65535 else 8002
            raise PortBusyError(
                f"port {port} on {host} is already in use by another program; "
                f"serve on another one with --port (e.g. --port {other})"
            ) from exc
        if exc.errno == errno.EACCES:
            raise AddressError(
                f"port {port} on {host}: permission denied (ports below 1024 need root); "
                "choose another with --port"
            ) from exc
        if exc.errno == errno.EADDRNOTAVAIL:
            raise AddressError(f"--host {host}: not an address of this machine") from exc
        raise AddressError(f"{host}:{port}: cannot serve there ({exc.strerror})") from exc
    return sock


def datasette_dir() -> Path:
    """The `datasette/` folder: beside the packages in a checkout, packaged otherwise."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "datasette", here / "datasette_files"):
        if (candidate / "metadata.yml").exists():
            return candidate
    raise FileNotFoundError("datasette/metadata.yml not found beside the archive package")


def _read_yaml(path: Path) -> dict[str, Any]:
    with open(path, encoding="utf-8") as f:
        return dict(yaml.safe_load(f) or {})


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge two YAML documents: mappings merge key by key, anything else is replaced."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def load_metadata(folder: Path | None = None) -> dict[str, Any]:
    """metadata.yml and datasette.yml as one dictionary, the form Datasette 0.65 reads."""
    folder = folder or datasette_dir()
    return merge(_read_yaml(folder / "metadata.yml"), _read_yaml(folder / "datasette.yml"))


def base_url_origin(url: str) -> str:
    """``--base-url`` as ``scheme://host[:port]``: where the public archive is reached, which
    its feeds and absolute links name. Raises ValueError for anything else."""
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    try:
        port = parts.port
    except ValueError:
        port = -1
    if parts.scheme not in ("http", "https") or not parts.hostname or port == -1:
        raise ValueError(f"{url!r} is not an http(s) URL such as https://archive.example/")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ValueError(f"{url!r}: give only scheme, host and port (no path, query or user)")
    return f"{parts.scheme}://{parts.netloc.lower()}"


def make_datasette(
    db_path: str | Path,
    *,
    public: bool = False,
    warc_dir: str | Path | None = None,
    base_url: str | None = None,
) -> Any:
    """A configured Datasette instance (also what the tests use in-process).

    ``warc_dir`` is where the plugin finds WARC files to serve raw capture
    records from; by default ``warcs/`` beside the database. ``base_url``
    (``https://archive.example``) is what public mode's feeds and absolute links name.
    """
    from datasette.app import Datasette
    from datasette.database import Database

    if public:
        prepare_public(db_path)
    folder = datasette_dir()
    metadata = load_metadata(folder)
    warcs = Path(warc_dir) if warc_dir else Path(db_path).resolve().parent / "warcs"
    config: dict[str, str] = {"warc_dir": str(warcs)}
    if base_url:
        config["base_url"] = base_url_origin(base_url)
    metadata = merge(metadata, {"plugins": {PLUGIN_NAME: config}})
    ds = Datasette(
        [],
        metadata=metadata,
        template_dir=str(folder / "templates"),
        plugins_dir=str(folder / "plugins"),
        static_mounts=[("assets", str(folder / "static"))],
        settings=PUBLIC_SETTINGS if public else LOCAL_SETTINGS,
    )
    if "_memory" in ds.databases:  # added when no file is given; only clutter here
        ds.remove_database("_memory")
    database = Database(ds, path=str(db_path), is_mutable=not public)
    ds.add_database(database, name=DATABASE_NAME)
    return ds


def prepare_public(db_path: str | Path) -> None:
    """Make the file safe to open immutable: no crawl writing, the WAL folded in.

    Raises :class:`PublicModeError` with what to do instead.
    """
    path = Path(db_path)
    if not path.exists():
        raise PublicModeError(f"{path}: no such archive")
    running = _running_crawl(path)
    if running:
        raise PublicModeError(
            f"{path}: crawl {running[0]} (pid {running[1]}) is still writing to it. "
            f"Serve a snapshot instead: sqlite3 {path} \"vacuum into 'public.db'\""
        )
    bring_up_to_date(path)
    wal = Path(f"{path}-wal")
    if not wal.exists() or wal.stat().st_size == 0:
        return
    if not writable(path):
        raise PublicModeError(
            f"{path}: on read-only storage, its newest rows are still in {wal.name} "
            f"({wal.stat().st_size:,} bytes), which an immutable open would miss. Where the "
            f"file is writable, run `sqlite3 {path.name} 'pragma wal_checkpoint(truncate)'` "
            f"(or serve a copy: `sqlite3 {path.name} \"vacuum into 'public.db'\"`), then "
            "publish the result."
        )
    try:
        with closing(sqlite3.connect(path, timeout=5)) as conn:
            busy, log_frames, done = conn.execute("pragma wal_checkpoint(truncate)").fetchone()
    except sqlite3.Error as exc:
        raise PublicModeError(
            f"{path}: its write-ahead log could not be checkpointed ({exc}); "
            "an immutable open would miss the newest rows. Make the file and its "
            "folder writable once, or serve a copy made with `vacuum into`."
        ) from exc
    if busy or log_frames != done:
        raise PublicModeError(
            f"{path}: another connection is writing, the write-ahead log could not be "
            "folded in. Stop it, or serve a copy made with `vacuum into`."
        )


def writable(path: str | Path) -> bool:
    """Can SQLite write beside the file (its -wal and -shm files)? Not on read-only storage,
    nor for a user without write permission there."""
    path = Path(path)
    return os.access(path.parent if str(path.parent) else ".", os.W_OK) and os.access(path, os.W_OK)


def read_only_uri(path: str | Path) -> str:
    """An SQLite URI that reads ``path`` without writing anything: ``mode=ro`` where SQLite
    can make the WAL index beside it, else ``immutable=1`` (a WAL-mode file on read-only
    storage cannot be opened otherwise: "unable to open database file")."""
    return f"file:{path}?{'mode=ro' if writable(path) else 'immutable=1'}"


def bring_up_to_date(path: str | Path) -> None:
    """Apply the migrations an archive made by an older version lacks (the canned queries
    read tables added since, such as ``site_months``); a read-only file cannot be."""
    from sqlite_utils import Database as Sqlite

    from archive.store.migrations import migrations, open_db

    with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
        if not migrations.applied(Sqlite(conn)):
            return  # not an archive (or an empty file): nothing of ours to bring up
        pending = [m.name for m in migrations.pending(Sqlite(conn))]
    if not pending:
        return
    try:
        open_db(str(path)).close()
    except sqlite3.Error as exc:
        raise PublicModeError(
            f"{path}: made by an older version ({', '.join(pending)} not applied) and "
            f"it cannot be updated here ({exc}). Run any tct-archive command on a "
            "writable copy first, e.g. `tct-archive summaries --db COPY`."
        ) from exc


def _running_crawl(path: Path) -> tuple[int, int] | None:
    """A crawl recorded as running whose process is still alive, if any."""
    import psutil

    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            rows = conn.execute(
                "select id, pid from crawls where status = 'running' and pid is not null"
            ).fetchall()
    except sqlite3.Error:
        return None
    for crawl_id, pid in rows:
        if psutil.pid_exists(pid):
            return int(crawl_id), int(pid)
    return None


def serve(
    db_path: str | Path,
    *,
    host: str,
    port: int,
    public: bool,
    warc_dir: str | Path | None = None,
    base_url: str | None = None,
    sock: socket.socket | None = None,
) -> None:
    """Serve until interrupted (uvicorn, as `datasette serve` does), on ``sock`` when given
    (from :func:`listen_socket`), else on a socket bound here (PortBusyError if taken)."""
    import uvicorn

    ds = make_datasette(db_path, public=public, warc_dir=warc_dir, base_url=base_url)
    sock = sock or listen_socket(host, port)
    config = uvicorn.Config(ds.app(), host=host, port=port, log_level="warning", lifespan="on")
    with sock:
        uvicorn.Server(config).run(sockets=[sock])


def write_bundle(out: str | Path) -> Path:
    """Everything `datasette publish` / `datasette package` needs, in one folder.

    metadata.json is the merged file for Datasette 0.65 (metadata.yml and
    datasette.yml are copied too, for 1.0). The plugins import
    ``archive.store.search``; a published container has no ``archive`` package, so
    search.py is copied into ``plugins/archive/store/``, where the plugins look
    when the import fails.
    """
    import json

    folder, out = datasette_dir(), Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("templates", "static", "plugins"):
        shutil.copytree(
            folder / name, out / name, dirs_exist_ok=True,
            ignore=shutil.ignore_patterns("__pycache__"),
        )  # fmt: skip
    package = out / "plugins" / "archive" / "store"
    package.mkdir(parents=True, exist_ok=True)
    for init in (package.parent / "__init__.py", package / "__init__.py"):
        init.write_text('"""archive.store.search, copied for a published bundle."""\n')
    shutil.copy(Path(__file__).parent / "store" / "search.py", package / "search.py")
    for name in ("metadata.yml", "datasette.yml"):
        shutil.copy(folder / name, out / name)
    text = json.dumps(load_metadata(folder), ensure_ascii=False, indent=2)
    (out / "metadata.json").write_text(text + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":  # python -m archive.serve bundle DIR
    if len(sys.argv) != 3 or sys.argv[1] != "bundle":
        sys.exit("usage: python -m archive.serve bundle DIR")
    print(write_bundle(sys.argv[2]))
