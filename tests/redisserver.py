"""A real Redis server for the Redis-mode tests and benchmarks: Debian's ``redis-server``
on a free loopback port, in a temporary directory of its own, stopped afterwards."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import redis

from tests.crawling import FAST, IN_PROCESS

BINARY = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """``with RedisServer(folder) as server: server.url``; ``restart()`` keeps the data
    (an append-only file), ``stop()`` and ``start()`` take it down and up."""

    def __init__(self, folder: Path, port: int | None = None, fsync: str = "always"):
        """``fsync``: the append-only file's appendfsync (tests: always; benchmarks:
        everysec, Redis's default)."""
        self.folder = folder
        self.port = port or free_port()
        self.fsync = fsync
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [BINARY, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
             "--save", "", "--appendonly", "yes", "--appendfsync", self.fsync,
             "--protected-mode", "no", "--daemonize", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        client = redis.Redis(port=self.port, socket_connect_timeout=1)
        deadline = time.monotonic() + 20
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.05)
        client.close()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url)

    def __enter__(self) -> RedisServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def worker_command(redis_url: str, db_path: Path, sites_file: Path, name: str,
                   *extra: str) -> list[str]:  # fmt: skip
    return [sys.executable, "-m", "archive", "crawl", "--db", str(db_path), "--sites",
            str(sites_file), "--redis", redis_url, *FAST, *IN_PROCESS, "--log-level", "INFO",
            "-s", f"ARCHIVE_REDIS_WORKER={name}", *extra]  # fmt: skip


def ingest_command(redis_url: str, db_path: Path, sites_file: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "archive", "ingest", "--redis", redis_url, "--db", str(db_path),
            "--sites", str(sites_file), *extra]  # fmt: skip
