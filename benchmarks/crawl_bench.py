"""Crawl benchmark: our crawl end to end against the extraction floor and a peer, on one machine.

    python benchmarks/crawl_bench.py                        # 20 sites x 1,000 articles (main)
    python benchmarks/crawl_bench.py --sites 7 --articles-per-site 50   # a quick look
    python benchmarks/crawl_bench.py registry               # 60 sites, DOWNLOAD_DELAY=1
    python benchmarks/crawl_bench.py memory                 # peak memory at 10k vs 100k pages

``main`` (the default) renders the sample web to files (cached under
``--work``), serves it with nginx on 127.0.0.x (the Python sample-web server
if nginx is not installed: ``apt-get install -y nginx-light``), load-tests the
server on its own (``wrk`` if installed, else a keep-alive Python client), then
measures, one after the other:

* our crawl (``python -m archive crawl`` in a subprocess, politeness delays
  off): pages/s, articles/s, CPU seconds per article (the crawl process and
  its extraction workers, sampled with psutil), how busy the two cores were,
  peak memory, database and WARC bytes per article;
* a second crawl of the unchanged web into the same archive (wall time);
* the floor: our extraction alone (``archive.extract.article.extract_article``), CPU
  seconds per article over the same article pages read from the files, in
  two processes;
* the peer: ``trafilatura -i URLS --parallel 2`` downloading and extracting the
  article URLs (given the list), with ``SLEEP_TIME = 0`` and
  ``SSRF_PROTECTION = off`` for loopback;
* Scrapy alone (``bare_spider.py``): the same URLs fetched by Scrapy with
  every middleware off and the responses discarded, CPU per page; with the
  floor it bounds from below what any Scrapy crawl with our extraction costs;

and prints a table of figures and the ratios the targets of issue 7 name.
``registry`` crawls 60 small sites at once with ``DOWNLOAD_DELAY=1`` and
AutoThrottle as configured, and compares the wall time with what the delays
alone impose (requests per site from nginx's access log). ``memory`` crawls a
large web once and reports the peak memory at the page counts given.

It prints figures and asserts nothing; ``--json FILE`` also writes them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sampleweb import SampleWebServer, build_sample_web, write_static  # noqa: E402

PYTHON = sys.executable
BIN = Path(PYTHON).parent
CORES = os.cpu_count() or 1
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0"]


# --------------------------------------------------------------------------- the sample web


@dataclass
class StaticWeb:
    """The sample web rendered to files, with what the benchmark needs to know about it."""

    directory: Path
    sites_file: Path
    nginx_snippet: Path
    hosts: list[str]  # 127.0.0.x of each site
    port: int
    articles: list[tuple[str, str, str | None, str]]  # (url, file, encoding, site id)
    listing_urls: int

    @property
    def article_urls(self) -> list[str]:
        return [a[0] for a in self.articles]


def prepare_web(work: Path, sites: int, per_site: int, port: int, seed: int = 0) -> StaticWeb:
    """Render the sample web once per (sites, articles, port, seed); reuse it after."""
    directory = (work / f"web-{sites}x{per_site}-p{port}-s{seed}").resolve()
    state = directory / "bench.json"
    if state.exists():
        data = json.loads(state.read_text("utf-8"))
        return StaticWeb(
            directory,
            Path(data["sites_file"]),
            Path(data["nginx_snippet"]),
            data["hosts"],
            port,
            [tuple(a) for a in data["articles"]],
            data["listing_urls"],
        )
    started = time.perf_counter()
    if directory.exists():
        shutil.rmtree(directory)
    web = build_sample_web(per_site, sites, seed)
    manifest_path = write_static(web, directory, port=port)
    manifest = json.loads(manifest_path.read_text("utf-8"))
    _serve_canonical_spellings(web, manifest, directory, port)
    server = SampleWebServer(web, port=port)  # never started: only its registry writer
    server.urls = {site: data["base"] for site, data in manifest["sites"].items()}
    sites_file = server.write_sites(directory / "sites.toml")
    articles = []
    for article in web.articles:
        site = manifest["sites"][article.site_id]
        parts = urlsplit(article.url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        entry = site["urls"].get(target)
        if entry is None or "file" not in entry:
            continue
        articles.append((article.url, entry["file"], site["encoding"], article.site_id))
    listings = sum(len(web.listing_urls(s.id)) for s in web.sites)
    hosts = [urlsplit(data["base"]).hostname or "" for data in manifest["sites"].values()]
    data = {
        "sites_file": str(sites_file),
        "nginx_snippet": str(directory / "nginx.conf"),
        "hosts": hosts,
        "articles": articles,
        "listing_urls": listings,
    }
    state.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    print(
        f"rendered {len(articles):,} articles on {sites} sites to {directory} "
        f"in {time.perf_counter() - started:.0f} s",
        flush=True,
    )
    return prepare_web(work, sites, per_site, port, seed)


def _serve_canonical_spellings(
    web: Any, manifest: dict[str, Any], directory: Path, port: int
) -> None:
    """Let nginx answer the crawler's canonical spelling of each URL too.

    The crawler requests URLs in canonical form (query parameters sorted, session
    and tracking parameters dropped); the Python server routes either spelling,
    nginx's map matches the request target exactly.
    """
    from archive.sites.urls import canonical_url
    from sampleweb.static import nginx_conf

    for data in manifest["sites"].values():
        targets = data["urls"]
        for target, entry in list(targets.items()):
            spelled = _target(canonical_url(data["base"] + target))
            if spelled != target and spelled not in targets:
                targets[spelled] = entry
    (directory / "nginx.conf").write_text(
        nginx_conf(web, manifest, directory, "127.0.0", port), "utf-8"
    )


# --------------------------------------------------------------------------- servers


class Nginx:
    """nginx in the foreground on the sample web's addresses (a context manager)."""

    def __init__(self, web: StaticWeb, run_dir: Path, access_log: bool = False):
        self.web, self.run_dir, self.access_log = web, run_dir, access_log
        self.process: subprocess.Popen[bytes] | None = None

    @staticmethod
    def available() -> bool:
        return shutil.which("nginx") is not None or Path("/usr/sbin/nginx").exists()

    def config(self) -> Path:
        d = self.run_dir
        d.mkdir(parents=True, exist_ok=True)
        log = (
            f"log_format bench '$server_addr $msec $status $request_uri';\n"
            f"access_log {d}/access.log bench buffer=256k flush=1s;"
            if self.access_log
            else "access_log off;"
        )
        temps = "\n".join(
            f"{name}_temp_path {d}/{name};"
            for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        conf = d / "nginx.conf"
        conf.write_text(
            # as root, workers would run as nobody, who may not read a private --work directory
            ("user root;\n" if os.geteuid() == 0 else "")
            + f"daemon off;\nmaster_process on;\nworker_processes 1;\npid {d}/nginx.pid;\n"
            f"error_log {d}/error.log warn;\n"
            "events { worker_connections 4096; }\n"
            f"http {{\n{log}\nsendfile on;\ntcp_nopush on;\nkeepalive_requests 1000000;\n"
            f"keepalive_timeout 120s;\n{temps}\ninclude {self.web.nginx_snippet};\n}}\n",
            "utf-8",
        )
        return conf

    def __enter__(self) -> Nginx:
        conf = self.config()
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        self.process = subprocess.Popen(
            [
                binary,
                "-p",
                str(self.run_dir),
                "-e",
                str(self.run_dir / "error.log"),
                "-c",
                str(conf),
            ]
        )
        _wait_for_port(self.web.hosts[0], self.web.port, self.process)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)

    def pids(self) -> list[int]:
        if self.process is None:
            return []
        parent = psutil.Process(self.process.pid)
        return [parent.pid, *(c.pid for c in parent.children(recursive=True))]


class PythonServer:
    """The sample web's own server in a child process, for machines without nginx."""

    def __init__(self, sites: int, per_site: int, port: int, seed: int = 0):
        self.args = [
            PYTHON,
            "-m",
            "sampleweb",
            "serve",
            "--sites",
            str(sites),
            "--articles-per-site",
            str(per_site),
            "--port",
            str(port),
            "--seed",
            str(seed),
        ]
        self.port = port
        self.process: subprocess.Popen[str] | None = None

    def __enter__(self) -> PythonServer:
        self.process = subprocess.Popen(self.args, stdout=subprocess.PIPE, text=True, cwd=ROOT)
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("serving"):
                break
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)

    def pids(self) -> list[int]:
        return [self.process.pid] if self.process else []


def _wait_for_port(host: str, port: int, process: subprocess.Popen[bytes]) -> None:
    import socket

    for _ in range(200):
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with status {process.returncode}")
        try:
            with socket.create_connection((host, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on {host}:{port}")


def load_test(urls: list[str], seconds: float = 5.0) -> dict[str, Any]:
    """Pages/s the server delivers over keep-alive connections (wrk when installed)."""
    wrk = shutil.which("wrk")
    host = urlsplit(urls[0]).netloc
    same_host = [u for u in urls if urlsplit(u).netloc == host][:2000]
    if wrk:
        with tempfile.TemporaryDirectory() as tmp:
            script = Path(tmp) / "paths.lua"
            paths = [_target(u) for u in same_host]
            script.write_text(
                "paths = {" + ",".join(json.dumps(p) for p in paths) + "}\n"
                "i = 0\nrequest = function()\n  i = i % #paths + 1\n"
                "  return wrk.format('GET', paths[i])\nend\n",
                "utf-8",
            )
            out = subprocess.run(
                [
                    wrk,
                    "-t2",
                    "-c16",
                    f"-d{max(1, round(seconds))}s",
                    "-s",
                    str(script),
                    f"http://{host}/",
                ],
                capture_output=True,
                text=True,
                check=True,
            )
        for line in out.stdout.splitlines():
            if line.startswith("Requests/sec:"):
                return {
                    "tool": "wrk -t2 -c16",
                    "pages_per_s": float(line.split()[1]),
                    "urls": len(same_host),
                }
        raise RuntimeError(out.stdout)
    with ProcessPoolExecutor(2) as pool:
        counts = list(pool.map(_fetch_for, [same_host[0::2], same_host[1::2]], [seconds, seconds]))
    return {
        "tool": "2 keep-alive Python clients",
        "pages_per_s": sum(counts) / seconds,
        "urls": len(same_host),
    }


def _target(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _fetch_for(urls: list[str], seconds: float) -> int:
    import http.client

    connection = http.client.HTTPConnection(urlsplit(urls[0]).netloc)
    done, deadline = 0, time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        for url in urls:
            connection.request("GET", _target(url))
            connection.getresponse().read()
            done += 1
            if time.perf_counter() >= deadline:
                break
    return done


# --------------------------------------------------------------------------- sampling


@dataclass
class Usage:
    """CPU and memory of a process tree, sampled every ``interval`` seconds."""

    wall: float = 0.0
    cpu_main: float = 0.0  # the process we started
    cpu_children: float = 0.0  # everything below it (extraction workers, forkserver)
    cpu_server: float = 0.0  # the web server's processes over the same time
    # voluntary context switches (a process that waits on a socket or a pipe: each round
    # trip to Redis, each page to the pool), of the main process and of everything below
    switches_main: int = 0
    switches_children: int = 0
    peak_rss: int = 0  # the whole tree, summed
    peak_rss_main: int = 0
    busy_2_cores: float = 0.0  # share of samples with the tree using > 1.5 cores
    timeline: list[tuple[float, int, int, float]] = field(default_factory=list)
    # (seconds, pages in the archive, tree RSS, cores used since the last sample)

    @property
    def cpu(self) -> float:
        return self.cpu_main + self.cpu_children


class Sampler(threading.Thread):
    def __init__(
        self,
        pid: int,
        server_pids: Sequence[int] = (),
        db: Path | None = None,
        interval: float = 0.25,
    ):
        super().__init__(daemon=True)
        self.pid, self.server_pids, self.db, self.interval = pid, list(server_pids), db, interval
        self.usage = Usage()
        self._halt = threading.Event()
        self._cpu: dict[int, float] = {}
        self._switches: dict[int, int] = {}
        self._server_start = self._server_cpu()

    def _server_cpu(self) -> float:
        total = 0.0
        for pid in self.server_pids:
            try:
                t = psutil.Process(pid).cpu_times()
                total += t.user + t.system
            except psutil.Error:
                pass
        return total

    def _pages(self) -> int:
        if self.db is None or not self.db.exists():
            return 0
        try:
            with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=1) as conn:
                return int(conn.execute("select count(*) from pages").fetchone()[0])
        except sqlite3.Error:
            return -1

    def run(self) -> None:
        start = time.perf_counter()
        root = psutil.Process(self.pid)
        last_t, last_cpu, busy, samples, tick = start, 0.0, 0, 0, 0
        while not self._halt.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            rss = rss_main = 0
            for proc in procs:
                try:
                    with proc.oneshot():
                        t = proc.cpu_times()
                        mem = proc.memory_info().rss
                        switches = proc.num_ctx_switches().voluntary
                except psutil.Error:
                    continue
                self._cpu[proc.pid] = t.user + t.system
                self._switches[proc.pid] = switches
                rss += mem
                if proc.pid == self.pid:
                    rss_main = mem
            now = time.perf_counter()
            total = sum(self._cpu.values())
            cores = (total - last_cpu) / max(now - last_t, 1e-6)
            last_t, last_cpu = now, total
            samples += 1
            busy += cores > 1.5
            u = self.usage
            u.peak_rss, u.peak_rss_main = max(u.peak_rss, rss), max(u.peak_rss_main, rss_main)
            tick += 1
            if tick % 4 == 1:
                u.timeline.append((round(now - start, 2), self._pages(), rss, round(cores, 2)))
            self._halt.wait(self.interval)
        self.usage.wall = time.perf_counter() - start
        self.usage.cpu_main = self._cpu.get(self.pid, 0.0)
        self.usage.cpu_children = sum(v for k, v in self._cpu.items() if k != self.pid)
        self.usage.switches_main = self._switches.get(self.pid, 0)
        self.usage.switches_children = sum(v for k, v in self._switches.items() if k != self.pid)
        self.usage.cpu_server = self._server_cpu() - self._server_start
        self.usage.busy_2_cores = busy / max(samples, 1)

    def stop(self) -> Usage:
        self._halt.set()
        self.join()
        return self.usage


def run_measured(
    command: list[str],
    *,
    server_pids: Sequence[int] = (),
    db: Path | None = None,
    log: Path,
    env: dict[str, str] | None = None,
) -> tuple[int, Usage]:
    """Run ``command``; returns its exit status and the sampled usage of its process tree."""
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, env=env)
        sampler = Sampler(process.pid, server_pids, db)
        sampler.start()
        status = process.wait()
        usage = sampler.stop()
    return status, usage


# --------------------------------------------------------------------------- our crawl


@dataclass
class CrawlFigures:
    wall: float
    pages: int
    articles: int
    articles_total: int
    kinds: dict[str, int]
    usage: Usage
    db_bytes: int
    warc_bytes: int | None
    status: int

    def row(self) -> dict[str, Any]:
        u, n = self.usage, max(self.articles_total, 1)
        return {
            "wall_s": round(self.wall, 1),
            "pages": self.pages,
            "articles_new": self.articles,
            "pages_per_s": round(self.pages / self.wall, 1),
            "articles_per_s": round(self.articles / self.wall, 1),
            "cpu_s_per_article": round(u.cpu / max(self.articles, 1), 4),
            "cpu_main_s": round(u.cpu_main, 1),
            "cpu_workers_s": round(u.cpu_children, 1),
            "cores_used": round(u.cpu / self.wall, 2),
            "share_of_time_over_1.5_cores": round(u.busy_2_cores, 2),
            "server_cpu_s": round(u.cpu_server, 1),
            "peak_rss_mb": round(u.peak_rss / 2**20),
            "peak_rss_main_mb": round(u.peak_rss_main / 2**20),
            "db_bytes_per_article": round(self.db_bytes / n),
            "warc_bytes_per_article": round(self.warc_bytes / n) if self.warc_bytes else None,
            "kinds": self.kinds,
        }


def crawl(
    db: Path, web: StaticWeb, log: Path, *settings: str, server_pids: Sequence[int] = ()
) -> CrawlFigures:
    command = [
        PYTHON,
        "-m",
        "archive",
        "crawl",
        "--db",
        str(db),
        "--sites",
        str(web.sites_file),
        "--log-level",
        "WARNING",
        "-s",
        "ARCHIVE_PROGRESS_INTERVAL=0",
        "-s",
        "ARCHIVE_MAX_PAGES_PER_SITE=1000000",
        *settings,
    ]
    before = _crawl_count(db)
    status, usage = run_measured(command, server_pids=server_pids, db=db, log=log)
    with sqlite3.connect(db) as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
        crawl_id, pages, articles = conn.execute(
            "select id, pages, articles_new from crawls order by id desc limit 1"
        ).fetchone()
        if crawl_id <= before:
            raise RuntimeError(f"the crawl did not run; see {log}")
        kinds = dict(
            conn.execute(
                "select kind, count(*) from pages where crawl_id = ? group by kind", [crawl_id]
            )
        )
        total = conn.execute("select count(*) from articles").fetchone()[0]
    db_bytes = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
    warcs = [p for p in db.parent.rglob("*.warc*") if p.is_file()]
    warc_bytes = sum(p.stat().st_size for p in warcs) if warcs else None
    return CrawlFigures(
        usage.wall, pages or 0, articles or 0, total, kinds, usage, db_bytes, warc_bytes, status
    )


def _crawl_count(db: Path) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        return int(conn.execute("select coalesce(max(id), 0) from crawls").fetchone()[0])


# --------------------------------------------------------------------------- the floor


def floor(web: StaticWeb, sample: int) -> dict[str, Any]:
    """CPU seconds per article of our extraction alone, in ``CORES`` processes."""
    articles = web.articles
    if sample and len(articles) > sample:
        step = len(articles) / sample
        articles = [articles[int(i * step)] for i in range(sample)]
    jobs = [(str(web.directory), articles[i::CORES]) for i in range(CORES)]
    started = time.perf_counter()
    with ProcessPoolExecutor(CORES) as pool:
        results = list(pool.map(_extract_chunk, jobs))
    wall = time.perf_counter() - started
    n = sum(r["n"] for r in results)
    extract_cpu = sum(r["extract"] for r in results)
    analyze_cpu = sum(r["analyze"] for r in results)
    return {
        "articles": n,
        "extract_cpu_s_per_article": round(extract_cpu / n, 4),
        "analyze_cpu_s_per_article": round(analyze_cpu / n, 4),
        "empty": sum(r["empty"] for r in results),
        "wall_s": round(wall, 1),
    }


def _extract_chunk(job: tuple[str, list[tuple[str, str, str | None, str]]]) -> dict[str, Any]:
    from archive.extract.article import extract_article
    from archive.extract.page import analyze_page
    from archive.sites.registry import load_sites

    directory, articles = job
    sites = {s.id: s for s in load_sites(Path(directory) / "sites.toml")}
    bodies = [
        (url, (Path(directory) / file).read_bytes(), enc, sites[site])
        for url, file, enc, site in articles
    ]
    extract_article(bodies[0][1], bodies[0][0], bodies[0][3].hints, encoding=bodies[0][2])
    extract = analyze = 0.0
    empty = 0
    for url, body, encoding, site in bodies:
        t = time.process_time()
        article = extract_article(body, url, site.hints, encoding=encoding)
        extract += time.process_time() - t
        empty += not article.text
    for url, body, encoding, site in bodies:
        t = time.process_time()
        analyze_page(body, url, site, encoding=encoding)
        analyze += time.process_time() - t
    return {"n": len(bodies), "extract": extract, "analyze": analyze, "empty": empty}


# --------------------------------------------------------------------------- the peer

PEER_CONFIG = """[DEFAULT]
DOWNLOAD_TIMEOUT = 30
MAX_FILE_SIZE = 20000000
MIN_FILE_SIZE = 10
SLEEP_TIME = 0
USER_AGENTS =
COOKIE =
MAX_REDIRECTS = 2
SSRF_PROTECTION = off
INSECURE_SSL_FALLBACK = on
MIN_EXTRACTED_SIZE = 250
MIN_OUTPUT_SIZE = 1
MIN_OUTPUT_COMM_SIZE = 1
MAX_TREE_SIZE =
EXTRACTION_TIMEOUT = 30
MIN_DUPLCHECK_SIZE = 100
MAX_REPETITIONS = 2
EXTENSIVE_DATE_SEARCH = on
EXTERNAL_URLS = off
"""


def peer(urls: list[str], work: Path, server_pids: Sequence[int]) -> dict[str, Any]:
    """``trafilatura -i URLS --parallel 2`` on the article URLs; counts the files it wrote."""
    work.mkdir(parents=True, exist_ok=True)
    out = work / "peer-out"
    if out.exists():
        shutil.rmtree(out)
    (work / "urls.txt").write_text("\n".join(urls) + "\n", "utf-8")
    (work / "peer.cfg").write_text(PEER_CONFIG, "utf-8")
    trafilatura = str(BIN / "trafilatura")
    command = [
        trafilatura,
        "-i",
        str(work / "urls.txt"),
        "--parallel",
        str(CORES),
        "--config-file",
        str(work / "peer.cfg"),
        "-o",
        str(out),
    ]
    status, usage = run_measured(command, server_pids=server_pids, log=work / "peer.log")
    written = sum(1 for p in out.rglob("*") if p.is_file()) if out.exists() else 0
    return {
        "command": " ".join(
            [
                "trafilatura",
                "-i",
                "urls.txt",
                "--parallel",
                str(CORES),
                "--config-file",
                "peer.cfg",
                "-o",
                "peer-out/",
            ]
        ),
        "status": status,
        "urls": len(urls),
        "extracted": written,
        "wall_s": round(usage.wall, 1),
        "articles_per_s": round(written / usage.wall, 1),
        "cpu_s_per_article": round(usage.cpu / max(written, 1), 4),
        "cores_used": round(usage.cpu / usage.wall, 2),
        "peak_rss_mb": round(usage.peak_rss / 2**20),
    }


# --------------------------------------------------------------------------- Scrapy alone

BARE_SPIDER = ROOT / "benchmarks" / "bare_spider.py"
RESPONSES = re.compile(r"'downloader/response_status_count/200': (\d+)")


def scrapy_alone(urls: list[str], work: Path, server_pids: Sequence[int]) -> dict[str, Any]:
    """CPU per page of Scrapy fetching ``urls`` with nothing done to the responses.

    Runs ``bare_spider.py`` (Scrapy's settings, every middleware off) with our
    concurrency, once with no URLs (start-up: imports, reactor) and once with all of them;
    the difference per page is what Scrapy's machinery costs any crawl of ours.
    """
    from crawler import settings

    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "scrapy.settings.default_settings"}
    concurrency = [
        "-s",
        f"CONCURRENT_REQUESTS={settings.CONCURRENT_REQUESTS}",
        "-s",
        f"CONCURRENT_REQUESTS_PER_DOMAIN={settings.CONCURRENT_REQUESTS_PER_DOMAIN}",
    ]
    runs = {}
    for name, listed in (("start-up", []), ("fetch", urls)):
        (work / f"{name}.txt").write_text("\n".join(listed) + "\n", "utf-8")
        command = [str(BIN / "scrapy"), "runspider", str(BARE_SPIDER), *concurrency]
        command += ["-a", f"urls_file={work / f'{name}.txt'}"]
        log = work / f"{name}.log"
        status, usage = run_measured(command, server_pids=server_pids, log=log, env=env)
        found = RESPONSES.search(log.read_text("utf-8", errors="replace"))
        runs[name] = (status, usage, int(found.group(1)) if found else 0)
    status, usage, fetched = runs["fetch"]
    startup = runs["start-up"][1]
    return {
        "status": status,
        "urls": len(urls),
        "fetched": fetched,
        "wall_s": round(usage.wall, 1),
        "startup_cpu_s": round(startup.cpu, 2),
        "cpu_s_per_page": round(max(usage.cpu - startup.cpu, 0.0) / max(fetched, 1), 5),
        "cores_used": round(usage.cpu / usage.wall, 2),
    }


# --------------------------------------------------------------------------- commands


@contextmanager
def serving(
    web: StaticWeb, args: argparse.Namespace, run_dir: Path, access_log: bool = False
) -> Iterator[Any]:
    if args.server == "nginx":
        with Nginx(web, run_dir, access_log) as server:
            yield server
    else:
        with PythonServer(args.sites, args.articles_per_site, web.port) as server:
            yield server


def cmd_main(args: argparse.Namespace) -> dict[str, Any]:
    work = Path(args.work)
    web = prepare_web(work, args.sites, args.articles_per_site, args.port)
    run = Path(tempfile.mkdtemp(prefix="run-", dir=work))
    results: dict[str, Any] = {
        "web": {
            "sites": args.sites,
            "articles_per_site": args.articles_per_site,
            "articles": len(web.articles),
            "listing_urls": web.listing_urls,
        },
        "server": args.server,
        "cores": CORES,
        "run_dir": str(run),
    }
    with serving(web, args, run / "server") as server:
        print(f"server: {args.server}; load test ...", flush=True)
        results["server_load"] = load_test(web.article_urls, args.load_seconds)
        print(f"  {results['server_load']}", flush=True)
        db = run / "archive.db"
        print("first crawl ...", flush=True)
        first = crawl(db, web, run / "crawl1.log", *FAST, *args.setting, server_pids=server.pids())
        results["crawl"] = first.row()
        print(f"  {results['crawl']}", flush=True)
        print("second crawl of the unchanged web ...", flush=True)
        second = crawl(db, web, run / "crawl2.log", *FAST, *args.setting, server_pids=server.pids())
        results["recrawl"] = second.row()
        print(f"  {results['recrawl']}", flush=True)
        if not args.no_peer:
            print("peer: trafilatura ...", flush=True)
            results["peer"] = peer(web.article_urls, run / "peer", server.pids())
            print(f"  {results['peer']}", flush=True)
        print("Scrapy alone: the article URLs, responses discarded ...", flush=True)
        results["scrapy_alone"] = scrapy_alone(web.article_urls, run / "bare", server.pids())
        print(f"  {results['scrapy_alone']}", flush=True)
    print("floor: extraction alone ...", flush=True)
    results["floor"] = floor(web, args.floor_sample)
    print(f"  {results['floor']}", flush=True)
    results["ratios"] = ratios(results)
    report_main(results)
    if not args.keep:
        shutil.rmtree(run, ignore_errors=True)
    return results


def ratios(r: dict[str, Any]) -> dict[str, Any]:
    c = r["crawl"]
    out: dict[str, Any] = {
        "cpu_vs_floor": round(c["cpu_s_per_article"] / r["floor"]["extract_cpu_s_per_article"], 2),
        "recrawl_vs_first_wall": round(r["recrawl"]["wall_s"] / c["wall_s"], 3),
        "crawl_vs_server_capacity": round(c["pages_per_s"] / r["server_load"]["pages_per_s"], 3),
    }
    if "peer" in r:
        out["articles_per_s_vs_peer"] = round(
            c["articles_per_s"] / max(r["peer"]["articles_per_s"], 1e-9), 2
        )
    out.update(lower_bound(r))
    return out


def lower_bound(r: dict[str, Any]) -> dict[str, Any]:
    """What any Scrapy crawl with our extraction costs at least: the floor plus Scrapy alone.

    Scrapy's cost per page times the pages our crawl needed per article
    (discovery, print views), with no storage, WARC, link extraction or
    inter-process traffic at all.
    """
    if "scrapy_alone" not in r:
        return {}
    c, floor_cpu = r["crawl"], r["floor"]["extract_cpu_s_per_article"]
    pages_per_article = c["pages"] / max(c["articles_new"], 1)
    bound = floor_cpu + r["scrapy_alone"]["cpu_s_per_page"] * pages_per_article
    out = {
        "pages_per_article": round(pages_per_article, 2),
        "bound_cpu_s_per_article": round(bound, 4),
        "bound_cpu_vs_floor": round(bound / floor_cpu, 2),
        "bound_articles_per_s": round(r["cores"] / bound, 1),
    }
    if "peer" in r:
        out["bound_vs_peer"] = round(out["bound_articles_per_s"] / r["peer"]["articles_per_s"], 2)
    return out


def report_main(r: dict[str, Any]) -> None:
    c, f, q = r["crawl"], r["floor"], r["ratios"]
    web = r["web"]
    print()
    print(
        f"sample web: {web['sites']} sites x {web['articles_per_site']} articles "
        f"({web['articles']:,} articles), {r['cores']} cores, server {r['server']}"
    )
    load = r["server_load"]
    print(
        f"server alone: {load['pages_per_s']:,.0f} pages/s ({load['tool']}); "
        f"crawl used {100 * q['crawl_vs_server_capacity']:.1f} % of it, "
        f"server CPU during the crawl {c['server_cpu_s']} s"
    )
    rows = [
        ("our crawl: wall", f"{c['wall_s']} s", ""),
        ("  pages fetched", f"{c['pages']:,}  {c['kinds']}", ""),
        ("  pages/s", f"{c['pages_per_s']}", ""),
        ("  articles/s", f"{c['articles_per_s']}", ""),
        (
            "  CPU s/article",
            f"{c['cpu_s_per_article']}  (main {c['cpu_main_s']} s, workers {c['cpu_workers_s']} s)",
            "",
        ),
        (
            "  cores used (mean)",
            f"{c['cores_used']} of {r['cores']}; >1.5 cores "
            f"{100 * c['share_of_time_over_1.5_cores']:.0f} % of the time",
            "",
        ),
        ("  peak memory", f"{c['peak_rss_mb']} MB tree, {c['peak_rss_main_mb']} MB main", ""),
        ("  DB bytes/article", f"{c['db_bytes_per_article']:,}", ""),
        ("  WARC bytes/article", f"{c['warc_bytes_per_article'] or 'n/a (no WARC files)'}", ""),
        (
            "floor: extract_article",
            f"{f['extract_cpu_s_per_article']} CPU s/article "
            f"(analyze_page {f['analyze_cpu_s_per_article']}; {f['articles']:,} pages)",
            "",
        ),
    ]
    if "peer" in r:
        p = r["peer"]
        rows += [
            (
                "peer: trafilatura",
                f"{p['extracted']:,}/{p['urls']:,} extracted in {p['wall_s']} s"
                f" = {p['articles_per_s']} articles/s, {p['cpu_s_per_article']} CPU s/article, "
                f"{p['cores_used']} cores",
                "",
            ),
            ("articles/s vs peer", f"{q['articles_per_s_vs_peer']}x", "target >= 1.5x"),
        ]
    if "bound_cpu_s_per_article" in q:
        a = r["scrapy_alone"]
        rows += [
            (
                "Scrapy alone",
                f"{a['fetched']:,}/{a['urls']:,} pages, {a['cpu_s_per_page']} CPU s/page "
                f"(start-up {a['startup_cpu_s']} s left out), {a['cores_used']} cores",
                "",
            ),
            (
                "lower bound",
                f"floor + {q['pages_per_article']} pages/article x Scrapy alone = "
                f"{q['bound_cpu_s_per_article']} CPU s/article = {q['bound_cpu_vs_floor']}x "
                f"the floor; at most {q['bound_articles_per_s']} articles/s on {r['cores']} cores"
                + (f" = {q['bound_vs_peer']}x the peer" if "bound_vs_peer" in q else ""),
                "",
            ),
        ]
    rows += [
        ("CPU/article vs floor", f"{q['cpu_vs_floor']}x", "target <= 1.3x"),
        (
            "second crawl",
            f"{r['recrawl']['wall_s']} s = {100 * q['recrawl_vs_first_wall']:.1f} % of the first",
            "target <= 10 %",
        ),
    ]
    for name, value, target in rows:
        print(f"{name:24} {value}" + (f"   [{target}]" if target else ""))


def cmd_registry(args: argparse.Namespace) -> dict[str, Any]:
    work = Path(args.work)
    web = prepare_web(work, args.sites, args.articles_per_site, args.port)
    run = Path(tempfile.mkdtemp(prefix="registry-", dir=work))
    delay = args.delay
    settings = ["-s", f"DOWNLOAD_DELAY={delay:g}", *args.setting]
    with serving(web, args, run / "server", access_log=True) as server:
        figures = crawl(
            run / "archive.db", web, run / "crawl.log", *settings, server_pids=server.pids()
        )
    per_site: Counter[str] = Counter()
    spans: dict[str, list[float]] = {}
    log = run / "server" / "access.log"
    for line in log.read_text("utf-8").splitlines() if log.exists() else []:
        addr, msec, _status, _uri = line.split(" ", 3)
        per_site[addr] += 1
        spans.setdefault(addr, []).append(float(msec))
    imposed = max(((n - 1) * delay for n in per_site.values()), default=0.0)
    busiest = max(per_site, key=lambda a: per_site[a]) if per_site else ""
    gaps = [b - a for times in spans.values() for a, b in zip(times, times[1:], strict=False)]
    result = {
        "sites": args.sites,
        "articles_per_site": args.articles_per_site,
        "delay_s": delay,
        "settings": settings,
        "requests": sum(per_site.values()),
        "requests_per_site_max": per_site[busiest] if busiest else 0,
        "requests_per_site_median": statistics.median(per_site.values()) if per_site else 0,
        "imposed_s": round(imposed, 1),
        "wall_s": round(figures.wall, 1),
        "wall_vs_imposed": round(figures.wall / imposed, 3) if imposed else None,
        "median_gap_s": round(statistics.median(gaps), 2) if gaps else None,
        "crawl": figures.row(),
    }
    print(json.dumps(result, indent=1))
    print(
        f"\n{args.sites} sites at once, DOWNLOAD_DELAY={delay:g}: {result['wall_s']} s wall; "
        f"the delays alone impose {result['imposed_s']} s (busiest site "
        f"{result['requests_per_site_max']} requests x {delay:g} s) -> "
        f"{result['wall_vs_imposed']}x   [target <= 1.2x]"
    )
    if not args.keep:
        shutil.rmtree(run, ignore_errors=True)
    return result


def cmd_memory(args: argparse.Namespace) -> dict[str, Any]:
    work = Path(args.work)
    web = prepare_web(work, args.sites, args.articles_per_site, args.port)
    run = Path(tempfile.mkdtemp(prefix="memory-", dir=work))
    with serving(web, args, run / "server") as server:
        figures = crawl(
            run / "archive.db",
            web,
            run / "crawl.log",
            *FAST,
            "-s",  # the default cap (5,000 fetches per site) would end the crawl early
            f"ARCHIVE_MAX_PAGES_PER_SITE={3 * args.articles_per_site}",
            *args.setting,
            server_pids=server.pids(),
        )
    marks = sorted(args.marks)
    timeline = figures.usage.timeline
    peaks: dict[int, int | None] = {}
    for mark in marks:
        seen = [rss for _, pages, rss, _ in timeline if 0 <= pages <= mark]
        peaks[mark] = round(max(seen) / 2**20) if seen else None
    result: dict[str, Any] = {
        "crawl": figures.row(),
        "peak_rss_mb_at_pages": peaks,
        "timeline": timeline[:: max(1, len(timeline) // 60)],
    }
    print(json.dumps(result, indent=1))
    reached = max((pages for _, pages, _, _ in timeline), default=0)
    result["pages_reached"] = reached
    first, final = peaks[marks[0]] if marks else None, peaks[marks[-1]] if marks else None
    if len(marks) >= 2 and first and final:
        last = f"{marks[-1]:,} pages" if reached >= marks[-1] else (
            f"the crawl's end at {reached:,} pages (short of {marks[-1]:,}: more articles per site)"
        )  # fmt: skip
        print(
            f"\npeak memory: {first} MB up to {marks[0]:,} pages, "
            f"{final} MB up to {last} -> "
            f"{final / first:.2f}x   [target <= 1.2x]"
        )
    if not args.keep:
        shutil.rmtree(run, ignore_errors=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "command", nargs="?", default="main", choices=["main", "registry", "memory"]
    )
    parser.add_argument("--sites", type=int, default=None)
    parser.add_argument("--articles-per-site", type=int, default=None)
    parser.add_argument("--port", type=int, default=18080)
    parser.add_argument(
        "--work",
        default=str(ROOT / "benchmarks" / "out" / "crawl"),
        help="where the rendered web (cached) and the runs go",
    )
    parser.add_argument("--server", choices=["nginx", "python"], default=None)
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument(
        "--load-seconds", type=float, default=5.0, help="length of the server's own load test"
    )
    parser.add_argument(
        "--floor-sample", type=int, default=3000, help="article pages timed for the floor (0 = all)"
    )
    parser.add_argument("--delay", type=float, default=1.0, help="registry: DOWNLOAD_DELAY")
    parser.add_argument(
        "--marks",
        type=int,
        nargs="+",
        default=[10_000, 100_000],
        help="memory: page counts to report the peak memory at",
    )
    parser.add_argument(
        "-s",
        dest="setting",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extra crawl setting (repeatable)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the run directory")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    args.setting = [x for pair in args.setting for x in ("-s", pair)]
    defaults = {"main": (20, 1000), "registry": (60, 10), "memory": (20, 4600)}[args.command]
    args.sites = args.sites or defaults[0]
    args.articles_per_site = args.articles_per_site or defaults[1]
    if args.server is None:
        args.server = "nginx" if Nginx.available() else "python"
        if args.server == "python":
            print(
                "nginx not found (apt-get install -y nginx-light): using the Python server, "
                "which will compete with the crawl for the CPU",
                flush=True,
            )
    args.work = str(Path(args.work).resolve())
    Path(args.work).mkdir(parents=True, exist_ok=True)
    command = {"main": cmd_main, "registry": cmd_registry, "memory": cmd_memory}[args.command]
    result = command(args)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, default=str), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
