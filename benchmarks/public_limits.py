"""What one heavy SQL request costs the public server: time, peak memory, other readers.

    python benchmarks/public_limits.py                       # this checkout
    python benchmarks/public_limits.py --repo /tmp/before    # another checkout (e.g. before a fix)

Boots a real ``tct-archive serve --public`` (``python -m archive serve``, run
from ``--repo``) on a loopback port against a generated archive
(benchmarks/generate_archive.py, 2,000 articles by default, made once under
benchmarks/out/), then sends ``/archive.json?sql=select hex(randomblob(200000000))
as x`` (the audit's request; ``--sql`` another) one at a time and three at once, while a reader
asks for a one-row table page every 100 ms. Prints, per scenario, the heavy
responses' status, bytes and time, the server's peak RSS (psutil, sampled
every 20 ms) and the table read's latency. Asserts nothing.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
HEAVY = "select hex(randomblob(200000000)) as x"
READ = "/archive/sites.json?_size=1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ensure_archive(path: Path, articles: int) -> Path:
    if not path.exists():
        script = ROOT / "benchmarks" / "generate_archive.py"
        subprocess.run([sys.executable, str(script), str(path), "--articles", str(articles)],
                       check=True)  # fmt: skip
    return path


def get(url: str, timeout: float = 120) -> tuple[int, int, float]:
    """Status, body bytes (read and dropped) and seconds of one GET."""
    start = time.perf_counter()
    size = 0
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            status = response.status
            while chunk := response.read(1 << 20):
                size += len(chunk)
    except urllib.error.HTTPError as exc:
        status, size = exc.code, len(exc.read())
        exc.close()
    return status, size, time.perf_counter() - start


class Sampler(threading.Thread):
    """Peak RSS of a process (and its children) while running."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.process, self.peak, self.stop = psutil.Process(pid), 0, threading.Event()

    def rss(self) -> int:
        procs = [self.process, *self.process.children(recursive=True)]
        return sum(p.memory_info().rss for p in procs)

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, self.rss())
            time.sleep(0.02)


class Reader(threading.Thread):
    """An ordinary reader: a one-row table page every 100 ms, latencies kept."""

    def __init__(self, url: str):
        super().__init__(daemon=True)
        self.url, self.latencies, self.stop = url, [], threading.Event()
        self.failures = 0

    def run(self) -> None:
        while not self.stop.is_set():
            status, _, seconds = get(self.url, timeout=60)
            self.latencies.append(seconds)
            self.failures += status != 200
            time.sleep(0.1)


def scenario(base: str, pid: int, parallel: int, sql: str) -> dict:
    url = f"{base}/archive.json?" + urllib.parse.urlencode({"sql": sql})
    sampler, reader = Sampler(pid), Reader(base + READ)
    before = sampler.rss()
    sampler.start()
    reader.start()
    time.sleep(0.5)
    results: list[tuple[int, int, float]] = []
    threads = [threading.Thread(target=lambda: results.append(get(url))) for _ in range(parallel)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    time.sleep(0.5)
    reader.stop.set()
    reader.join()
    sampler.stop.set()
    sampler.join()
    return {
        "parallel": parallel,
        "statuses": sorted({r[0] for r in results}),
        "mb": max(r[1] for r in results) / 1e6,
        "seconds": max(r[2] for r in results),
        "rss_before": before / 1e6,
        "rss_peak": sampler.peak / 1e6,
        "read_median": statistics.median(reader.latencies) * 1000,
        "read_max": max(reader.latencies) * 1000,
        "reads": len(reader.latencies),
        "read_failures": reader.failures,
    }


def serve(repo: Path, db: Path, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "archive", "serve", "--db", str(db), "--public",
               "--port", str(port)]  # fmt: skip
    process = subprocess.Popen(command, cwd=repo, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=2):
                return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=ROOT, help="checkout to serve from")
    parser.add_argument("--db", type=Path, default=ROOT / "benchmarks/out/archive-2k.db")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--sql", default=HEAVY, help="the heavy request's SQL")
    parser.add_argument("--at-once", default="1,3", help="scenarios: requests sent together")
    args = parser.parse_args()
    db = ensure_archive(args.db, args.articles)
    port = free_port()
    process = serve(args.repo.resolve(), db, port)
    base = f"http://127.0.0.1:{port}"
    try:
        get(base + READ)
        rows = [scenario(base, process.pid, int(n), args.sql) for n in args.at_once.split(",")]
    finally:
        process.terminate()
        process.wait(timeout=20)
    print(f"server: {args.repo.resolve()}   request: /archive.json?sql={args.sql}")
    print("| at once | status | response MB | slowest s | RSS before MB | peak RSS MB "
          "| table read median ms | table read max ms | reads (failed) |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['parallel']} | {','.join(map(str, r['statuses']))} | {r['mb']:.1f} "
            f"| {r['seconds']:.2f} | {r['rss_before']:.0f} | {r['rss_peak']:.0f} "
            f"| {r['read_median']:.0f} | {r['read_max']:.0f} "
            f"| {r['reads']} ({r['read_failures']}) |"
        )


if __name__ == "__main__":
    main()
