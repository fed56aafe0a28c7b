"""Redis mode (issue 17): what many workers, one Redis and one writer cost, beside one process.

    python benchmarks/redis_mode.py                          # 7 sites x 150 articles, 1-3 workers
    python benchmarks/redis_mode.py --sites 7 --articles-per-site 40 --workers 1,3   # a quick look
    python benchmarks/redis_mode.py --split -s ARCHIVE_EXTRACT_WORKERS=1   # vs N processes

The sample web is rendered and served as in ``crawl_bench.py`` (nginx on 127.0.0.x
if installed, else the Python server), delays off. Measured, one after the other,
each into a fresh archive:

* single-process mode (``tct-archive crawl``): wall, articles/s, CPU per article
  (the crawl's process tree), before and after the Redis runs: their mean is the
  reference;
* Redis mode with 1, 2, 3 workers and one writer (``crawl --redis`` x N, ``ingest``),
  all started at once against a fresh ``redis-server``: wall until the writer exits,
  articles/s, CPU per article of workers (their main processes and extraction pools) +
  writer + redis-server, and the overhead of Redis mode per article against
  single-process mode;
* what one article costs in Redis: commands and network bytes (``INFO`` before and
  after, over the whole job, per stored article), the stream's bytes per record;
* the writer's sustained insert rate: the workers first run alone (records pile up
  in the stream), then the writer alone drains it (records/s, articles/s, CPU);
* with ``--split``, for each N > 1: N single processes at once, each crawling its
  share of the sites into its own archive (what N processes cost without Redis mode);
* with ``--pairs K``, instead of all the above: for each N, K pairs of runs, N workers
  then N single processes, back to back, and the median of the K paired overheads. The
  machine's own speed is checked before every run (``speed``: the least CPU time of a
  fixed Python loop in five tries): on a shared virtual machine it moved by a factor of
  two within minutes, and one run's figure says little; a pair's two runs share the
  moment, and the median of several pairs leaves out the pair the machine spoiled.
  N workers on fewer than N cores pay for the contention (context switches, caches,
  each its own extraction pool) whatever the mode; against this baseline, which pays
  it too, the overhead left is Redis mode's own.

It prints figures and asserts nothing; ``--json FILE`` also writes them.
docs/scale-out.md turns them into how many workers one writer and one Redis serve.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from crawl_bench import (  # noqa: E402
    CORES,
    FAST,
    PYTHON,
    Nginx,
    PythonServer,
    Sampler,
    StaticWeb,
    crawl,
    prepare_web,
)

from tests.redisserver import RedisServer  # noqa: E402

TINY = 3  # pages of the start-up measure's crawl
FIRST = "nukeviet"  # its site
COMMON = ["--log-level", "WARNING", "-s", "ARCHIVE_PROGRESS_INTERVAL=0",
          "-s", "ARCHIVE_MAX_PAGES_PER_SITE=1000000", *FAST]  # fmt: skip


def worker(url: str, db: Path, web: StaticWeb, name: str, log: Path,
           *extra: str) -> subprocess.Popen[bytes]:  # fmt: skip
    command = [PYTHON, "-m", "archive", "crawl", "--redis", url, "--db", str(db), "--sites",
               str(web.sites_file), *COMMON, "-s", f"ARCHIVE_REDIS_WORKER={name}",
               *extra]  # fmt: skip
    with log.open("wb") as out:
        return subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)


def writer(url: str, db: Path, web: StaticWeb, log: Path,
           *site_ids: str) -> subprocess.Popen[bytes]:  # fmt: skip
    command = [PYTHON, "-m", "archive", "ingest", "--redis", url, "--db", str(db), "--sites",
               str(web.sites_file), *site_ids]  # fmt: skip
    with log.open("wb") as out:
        return subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)


def redis_stats(client: Any) -> dict[str, int]:
    info = client.info("stats")
    return {"commands": int(info["total_commands_processed"]),
            "net_in": int(info["total_net_input_bytes"]),
            "net_out": int(info["total_net_output_bytes"])}  # fmt: skip


def redis_cpu(pid: int) -> float:
    times = psutil.Process(pid).cpu_times()
    return float(times.user + times.system)


def articles_in(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("select count(*) from articles").fetchone()[0])


def sampled(process: subprocess.Popen[bytes]) -> Sampler:
    sampler = Sampler(process.pid)
    sampler.start()
    return sampler


def redis_run(web: StaticWeb, run: Path, workers: int, *extra: str) -> dict[str, Any]:
    """N workers and the writer at once, on a fresh Redis; until the writer exits."""
    run.mkdir(parents=True)
    with RedisServer(run / "redis", fsync="everysec") as server:
        assert server.process is not None
        client = server.client()
        before, cpu_before = redis_stats(client), redis_cpu(server.process.pid)
        db = run / "archive.db"
        started = time.perf_counter()
        procs = [writer(server.url, db, web, run / "writer.log")]
        procs += [worker(server.url, db, web, f"w{i}", run / f"w{i}.log", *extra)
                  for i in range(workers)]  # fmt: skip
        samplers = [sampled(p) for p in procs]
        statuses = [p.wait() for p in procs]
        wall = time.perf_counter() - started
        usages = [s.stop() for s in samplers]
        after, cpu_after = redis_stats(client), redis_cpu(server.process.pid)
    articles = articles_in(db)
    cpu = {"writer": usages[0].cpu, "workers": sum(u.cpu_main for u in usages[1:]),
           "pools": sum(u.cpu_children for u in usages[1:]),
           "redis": cpu_after - cpu_before}  # fmt: skip
    total = sum(cpu.values())
    switches = {"writer": usages[0].switches_main + usages[0].switches_children,
                "workers": sum(u.switches_main for u in usages[1:]),
                "pools": sum(u.switches_children for u in usages[1:])}  # fmt: skip
    return {
        "workers": workers,
        "statuses": statuses,
        "wall_s": round(wall, 1),
        "articles": articles,
        "articles_per_s": round(articles / wall, 1),
        "cpu_s_per_article": round(total / max(articles, 1), 4),
        "cpu_s": {k: round(v, 1) for k, v in cpu.items()},
        "switches_per_article": {k: round(v / max(articles, 1), 1) for k, v in switches.items()},
        "redis_commands_per_article": round(
            (after["commands"] - before["commands"]) / max(articles, 1), 1
        ),
        "redis_bytes_in_per_article": round(
            (after["net_in"] - before["net_in"]) / max(articles, 1)
        ),
        "redis_bytes_out_per_article": round(
            (after["net_out"] - before["net_out"]) / max(articles, 1)
        ),
    }


def drain_run(web: StaticWeb, run: Path, workers: int, *extra: str) -> dict[str, Any]:
    """The workers alone fill the stream; then the writer alone drains it."""
    run.mkdir(parents=True)
    with RedisServer(run / "redis", fsync="everysec") as server:
        client = server.client()
        db = run / "archive.db"
        started = time.perf_counter()
        procs = [worker(server.url, db, web, f"w{i}", run / f"w{i}.log", *extra)
                 for i in range(workers)]  # fmt: skip
        samplers = [sampled(p) for p in procs]
        statuses = [p.wait() for p in procs]
        fetch_wall = time.perf_counter() - started
        fetch_cpu = sum(s.stop().cpu for s in samplers)
        records = int(client.xlen("tct-archive:records"))
        stream_bytes = int(client.memory_usage("tct-archive:records", samples=0) or 0)
        started = time.perf_counter()
        process = writer(server.url, db, web, run / "writer.log")
        sampler = sampled(process)
        statuses.append(process.wait())
        write_wall = time.perf_counter() - started
        write_cpu = sampler.stop().cpu
    articles = articles_in(db)
    return {
        "workers": workers,
        "statuses": statuses,
        "fetch": {
            "wall_s": round(fetch_wall, 1),
            "articles_per_s": round(articles / fetch_wall, 1),
            "cpu_s_per_article": round(fetch_cpu / max(articles, 1), 4),
        },  # fmt: skip
        "stream": {
            "records": records,
            "records_per_article": round(records / max(articles, 1), 2),
            "bytes_per_record": round(stream_bytes / max(records, 1)),
        },  # fmt: skip
        "writer": {
            "wall_s": round(write_wall, 1),
            "records_per_s": round(records / write_wall, 1),
            "articles_per_s": round(articles / write_wall, 1),
            "cpu_s_per_article": round(write_cpu / max(articles, 1), 4),
            "note": "includes the writer's start-up and its completion check (about 1 s)",
        },
        "articles": articles,
    }


def startup_run(web: StaticWeb, run: Path, server_pids: list[int],
                *extra: str) -> dict[str, float]:  # fmt: skip
    """The fixed cost of each process, whatever the crawl's size (imports, the extraction
    pool, Redis): CPU of a crawl of one site capped at ``TINY`` pages, single-process,
    and in Redis mode per worker and for the writer."""
    run.mkdir(parents=True)
    tiny = ("-s", f"ARCHIVE_MAX_PAGES_PER_SITE={TINY}", "-s", f"ARCHIVE_SITES={FIRST}", *extra)
    single = crawl(run / "single.db", web, run / "single.log", *FAST, *tiny,
                   server_pids=server_pids)  # fmt: skip
    costs = {"single": round(single.usage.cpu, 2)}
    with RedisServer(run / "redis", fsync="everysec") as server:
        db = run / "archive.db"
        procs = [writer(server.url, db, web, run / "writer.log", FIRST),
                 worker(server.url, db, web, "w0", run / "w0.log", *tiny)]  # fmt: skip
        samplers = [sampled(p) for p in procs]
        for process in procs:
            process.wait()
        costs["writer"], costs["worker"] = (round(s.stop().cpu, 2) for s in samplers)
    return costs


def single_run(web: StaticWeb, run: Path, server_pids: list[int],
               *extra: str) -> dict[str, Any]:  # fmt: skip
    run.mkdir(parents=True)
    figures = crawl(run / "archive.db", web, run / "crawl.log", *FAST, *extra,
                    server_pids=server_pids)  # fmt: skip
    row = figures.row()
    picked = {k: row[k] for k in ("wall_s", "articles_new", "articles_per_s", "cpu_s_per_article")}
    cpu = {"main": round(figures.usage.cpu_main, 1), "pool": round(figures.usage.cpu_children, 1)}
    return {**picked, "cpu_s": cpu}


def split_run(web: StaticWeb, run: Path, n: int, *extra: str) -> dict[str, Any]:
    """N single processes at once, the sites dealt out among them, each its own archive."""
    run.mkdir(parents=True)
    site_ids = list(dict.fromkeys(a[3] for a in web.articles))
    shares = [site_ids[i::n] for i in range(n)]
    dbs = [run / f"p{i}.db" for i in range(n)]
    started = time.perf_counter()
    procs = [single(dbs[i], web, run / f"p{i}.log", shares[i], *extra) for i in range(n)]
    samplers = [sampled(p) for p in procs]
    statuses = [p.wait() for p in procs]
    wall = time.perf_counter() - started
    usages = [s.stop() for s in samplers]
    articles = sum(articles_in(db) for db in dbs)
    main, pools = sum(u.cpu_main for u in usages), sum(u.cpu_children for u in usages)
    switches = {"main": sum(u.switches_main for u in usages),
                "pools": sum(u.switches_children for u in usages)}  # fmt: skip
    return {"processes": n, "statuses": statuses, "wall_s": round(wall, 1), "articles": articles,
            "articles_per_s": round(articles / wall, 1),
            "cpu_s_per_article": round((main + pools) / max(articles, 1), 4),
            "cpu_s": {"main": round(main, 1), "pools": round(pools, 1)},
            "switches_per_article": {k: round(v / max(articles, 1), 1)
                                     for k, v in switches.items()}}  # fmt: skip


def single(db: Path, web: StaticWeb, log: Path, site_ids: list[str],
           *extra: str) -> subprocess.Popen[bytes]:  # fmt: skip
    command = [PYTHON, "-m", "archive", "crawl", "--db", str(db), "--sites",
               str(web.sites_file), *COMMON, *extra, *site_ids]  # fmt: skip
    with log.open("wb") as out:
        return subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)


def speed() -> float:
    """CPU seconds of a fixed loop (least of five): how fast the machine is right now."""
    pattern = re.compile(r"(\w+)\s+(\d+)")
    text = "alpha 12 beta 34 gamma 56 " * 20
    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        total = 0
        for _ in range(3000):
            total += sum(int(m.group(2)) for m in pattern.finditer(text))
            total += sum({str(k): k for k in range(100)}.values())
        best = min(best, time.process_time() - started)
    return round(best, 3)


def pairs_run(web: StaticWeb, run: Path, n: int, k: int, *extra: str) -> dict[str, Any]:
    """K pairs: N workers, then N single processes (the sites dealt out), back to back."""
    pairs = []
    for i in range(k):
        before = speed()
        redis = redis_run(web, run / f"redis-{n}-{i}", n, *extra)
        between = speed()
        split = split_run(web, run / f"split-{n}-{i}", n, *extra)
        overhead = redis["cpu_s_per_article"] / split["cpu_s_per_article"] - 1
        pairs.append({"redis": redis, "split": split, "overhead": round(overhead, 3),
                      "speed": [before, between, speed()]})  # fmt: skip
        print(f"  pair {i + 1}: redis {redis['cpu_s_per_article']} ({redis['articles']} "
              f"articles, {redis['wall_s']} s), {n} processes {split['cpu_s_per_article']} "
              f"({split['articles']}, {split['wall_s']} s): {overhead:+.1%}; speed "
              f"{pairs[-1]['speed']}", flush=True)  # fmt: skip
        for path in (run / f"redis-{n}-{i}", run / f"split-{n}-{i}"):
            shutil.rmtree(path, ignore_errors=True)
    overheads = sorted(p["overhead"] for p in pairs)
    return {"workers": n, "pairs": pairs, "median_overhead": statistics.median(overheads),
            "overheads": overheads}  # fmt: skip


def reference(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """Single-process mode measured before and after the Redis runs, averaged: on a shared
    machine one measure of it varied by 25 % between runs minutes apart (the overhead
    figures moved by as much)."""
    mean = {k: round((before[k] + after[k]) / 2, 4)
            for k in ("wall_s", "articles_per_s", "cpu_s_per_article")}  # fmt: skip
    return {**before, **mean, "runs": [before, after]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sites", type=int, default=7)
    parser.add_argument("--articles-per-site", type=int, default=150)
    parser.add_argument("--workers", default="1,2,3", help="worker counts to measure")
    parser.add_argument("--port", type=int, default=18081)
    parser.add_argument("--work", default=str(ROOT / "benchmarks" / "out" / "redis"))
    parser.add_argument("--json", metavar="FILE")
    parser.add_argument("--keep", action="store_true", help="keep the run directory")
    parser.add_argument("--split", action="store_true",
                        help="also N single processes at once, the sites dealt out")  # fmt: skip
    parser.add_argument("--pairs", type=int, metavar="K",
                        help="only K pairs of N workers and N processes, for each N")  # fmt: skip
    parser.add_argument("-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                        help="a setting of every crawl process (workers, single)")  # fmt: skip
    args = parser.parse_args(argv)
    extra = [part for setting in args.settings for part in ("-s", setting)]
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    web = prepare_web(work, args.sites, args.articles_per_site, args.port)
    run = Path(tempfile.mkdtemp(prefix="run-", dir=work))
    counts = [int(n) for n in args.workers.split(",")]
    results: dict[str, Any] = {"web": {"sites": args.sites, "articles": len(web.articles)},
                               "cores": CORES, "settings": args.settings,
                               "redis_mode": []}  # fmt: skip
    server_cls = Nginx if Nginx.available() else None
    server = (
        Nginx(web, run / "server")
        if server_cls
        else PythonServer(args.sites, args.articles_per_site, web.port)
    )
    with server:
        if args.pairs:
            paired(results, web, run, counts, args.pairs, extra)
            return finish(results, args, run)
        print("single process ...", flush=True)
        first = single_run(web, run / "single", server.pids(), *extra)
        print(f"  {first}", flush=True)
        for n in counts:
            print(f"Redis mode, {n} worker(s) and the writer ...", flush=True)
            figures = redis_run(web, run / f"redis-{n}", n, *extra)
            results["redis_mode"].append(figures)
            print(f"  {figures}", flush=True)
            if args.split and n > 1:
                print(f"{n} single processes at once, the sites dealt out ...", flush=True)
                figures["split"] = split_run(web, run / f"split-{n}", n, *extra)
                print(f"  {figures['split']}", flush=True)
        print("single process again ...", flush=True)
        again = single_run(web, run / "single2", server.pids(), *extra)
        results["single"] = reference(first, again)
        print(f"  {results['single']['runs'][1]}", flush=True)
        for figures in results["redis_mode"]:
            figures["overhead_cpu_per_article"] = round(
                figures["cpu_s_per_article"] / results["single"]["cpu_s_per_article"] - 1, 3
            )
            if "split" in figures:
                figures["overhead_vs_split"] = round(
                    figures["cpu_s_per_article"] / figures["split"]["cpu_s_per_article"] - 1, 3
                )
        print("start-up: a worker and the writer with nothing to do ...", flush=True)
        results["startup_cpu_s"] = startup_run(web, run / "startup", server.pids(), *extra)
        print(f"  {results['startup_cpu_s']}", flush=True)
        steady(results)
        print(f"the workers alone ({counts[-1]}), then the writer alone ...", flush=True)
        results["drain"] = drain_run(web, run / "drain", counts[-1], *extra)
        print(f"  {results['drain']}", flush=True)
    report(results)
    return finish(results, args, run)


def finish(results: dict[str, Any], args: argparse.Namespace, run: Path) -> int:
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), "utf-8")
    if not args.keep:
        shutil.rmtree(run, ignore_errors=True)
    return 0


def paired(results: dict[str, Any], web: StaticWeb, run: Path, counts: list[int], k: int,
           extra: list[str]) -> None:  # fmt: skip
    results["pairs"] = []
    for n in counts:
        print(f"{k} pairs: {n} worker(s) and the writer, then {n} single process(es)", flush=True)
        figures = pairs_run(web, run, n, k, *extra)
        results["pairs"].append(figures)
        print(f"  {n} worker(s) against {n} process(es): median {figures['median_overhead']:+.1%}"
              f" of {[f'{o:+.1%}' for o in figures['overheads']]}", flush=True)  # fmt: skip


def steady(r: dict[str, Any]) -> None:
    """CPU per article without the processes' fixed start-up (a crawl of thousands of
    hosts runs for hours: what grows with the articles is what counts)."""
    start = r["startup_cpu_s"]
    s = r["single"]
    single = (s["cpu_s_per_article"] * s["articles_new"] - start["single"]) / s["articles_new"]
    s["steady_cpu_s_per_article"] = round(single, 4)
    for f in r["redis_mode"]:
        fixed = f["workers"] * start["worker"] + start["writer"]
        cpu = (f["cpu_s_per_article"] * f["articles"] - fixed) / max(f["articles"], 1)
        f["steady_cpu_s_per_article"] = round(cpu, 4)
        f["steady_overhead"] = round(cpu / single - 1, 3)


def report(r: dict[str, Any]) -> None:
    s = r["single"]
    print(f"\nsample web: {r['web']['sites']} sites, {r['web']['articles']} articles; "
          f"{r['cores']} cores")  # fmt: skip
    print(f"{'mode':<22}{'wall s':>8}{'articles/s':>12}{'CPU s/article':>15}{'overhead':>10}"
          f"{'steady CPU':>12}{'overhead':>10}")  # fmt: skip
    for i, one in enumerate(s["runs"]):
        name = f"single ({'before' if i == 0 else 'after'})"
        print(f"{name:<22}{one['wall_s']:>8}{one['articles_per_s']:>12}"
              f"{one['cpu_s_per_article']:>15}   CPU s {one['cpu_s']}")  # fmt: skip
    print(f"{'single, mean':<22}{s['wall_s']:>8}{s['articles_per_s']:>12}"
          f"{s['cpu_s_per_article']:>15}{'':>10}{s['steady_cpu_s_per_article']:>12}")  # fmt: skip
    for f in r["redis_mode"]:
        name = f"redis, {f['workers']} worker(s)"
        print(f"{name:<22}{f['wall_s']:>8}{f['articles_per_s']:>12}{f['cpu_s_per_article']:>15}"
              f"{f['overhead_cpu_per_article']:>+10.1%}{f['steady_cpu_s_per_article']:>12}"
              f"{f['steady_overhead']:>+10.1%}")  # fmt: skip
    for f in r["redis_mode"]:
        if "split" in f:
            p = f["split"]
            name = f"{p['processes']} single processes"
            print(f"{name:<22}{p['wall_s']:>8}{p['articles_per_s']:>12}{p['cpu_s_per_article']:>15}"
                  f"   redis, {f['workers']} workers, against it: "
                  f"{f['overhead_vs_split']:+.1%}")  # fmt: skip
    if r["settings"]:
        print(f"settings of every crawl process: {r['settings']}")
    print(f"start-up CPU per process (left out of 'steady'): {r['startup_cpu_s']}")
    for f in r["redis_mode"]:
        print(
            f"{f['workers']} worker(s): CPU s {f['cpu_s']}; Redis per article: "
            f"{f['redis_commands_per_article']} commands, {f['redis_bytes_in_per_article']} "
            f"bytes in, {f['redis_bytes_out_per_article']} bytes out"
        )
    d = r["drain"]
    print(
        f"stream: {d['stream']['records_per_article']} records per article, "
        f"{d['stream']['bytes_per_record']} bytes per record held"
    )
    print(
        f"writer alone: {d['writer']['records_per_s']} records/s = "
        f"{d['writer']['articles_per_s']} articles/s, {d['writer']['cpu_s_per_article']} "
        f"CPU s/article; workers alone: {d['fetch']['articles_per_s']} articles/s"
    )


if __name__ == "__main__":
    sys.exit(main())
