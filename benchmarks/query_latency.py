"""Latency of every canned query and of the main table pages, through Datasette in-process.

    python benchmarks/generate_archive.py /tmp/archive-1m.db --articles 1000000
    python benchmarks/query_latency.py /tmp/archive-1m.db [--repeat 3] [--public]

Every canned query of datasette/datasette.yml runs with its parameters
filled in (``q`` a common search, ``site`` empty and then one site, ``since``
a year ago), as HTML, like a reader opens it; then the articles table (first
page, a facet, a table search) and the site_health view. Each request runs
once to warm the cache, then --repeat times; figures are per request, in ms.
Prints figures and the database's size per table; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sqlite3
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.serve import DATABASE_NAME, make_datasette  # noqa: E402

VALUES = {"q": "dang uy", "site": "", "since": "2024-01-01", "article": "1", "tct": "1"}


def canned() -> dict[str, str]:
    config = yaml.safe_load((ROOT / "datasette" / "datasette.yml").read_text("utf-8"))
    queries = config["databases"][DATABASE_NAME]["queries"]
    return {name: q["sql"] for name, q in queries.items()}


def requests(site: str) -> list[tuple[str, str, dict[str, str]]]:
    out = []
    for name, sql in canned().items():
        params = {p: VALUES.get(p, "") for p in dict.fromkeys(re.findall(r":(\w+)", sql))}
        params = {k: v for k, v in params.items() if not k.startswith("_header")}
        out.append((f"canned {name}", f"/{DATABASE_NAME}/{name}", params))
        if "site" in params:
            out.append((f"canned {name}, site={site}", f"/{DATABASE_NAME}/{name}",
                        {**params, "site": site}))  # fmt: skip
    table = f"/{DATABASE_NAME}/articles"
    out += [
        ("table articles", table, {}),
        ("table articles, facet site_id", table, {"_facet": "site_id"}),
        ("table articles, site filter", table, {"site_id": site}),
        ("table articles, search dang uy", table, {"_search": "dang uy"}),
        ("table articles, search OCOP", table, {"_search": "OCOP"}),
        ("view site_health", f"/{DATABASE_NAME}/site_health", {}),
        ("table pages", f"/{DATABASE_NAME}/pages", {}),
    ]
    return out


async def measure(db: Path, repeat: int, public: bool, site: str) -> list[tuple[str, list, int]]:
    ds = make_datasette(db, public=public)
    results = []
    for label, path, params in requests(site):
        response = await ds.client.get(path, params=params)
        status = response.status_code
        if "took too long" in response.text or "interrupted" in response.text:
            status = 408
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            await ds.client.get(path, params=params)
            times.append((time.perf_counter() - started) * 1000)
        results.append((label, times, status))
        print(f"{label:44} {statistics.median(times):9.1f} {max(times):9.1f}  {status}", flush=True)
    return results


def sizes(db: Path) -> list[tuple[str, int]]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        try:
            rows = conn.execute(
                "select name, sum(pgsize) from dbstat group by name order by 2 desc"
            ).fetchall()
        except sqlite3.Error:
            return []
    return [(name, int(size)) for name, size in rows]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--public", action="store_true", help="public mode (SQL time limit)")
    parser.add_argument("--sizes", action="store_true", help="also bytes per table and index")
    args = parser.parse_args(argv)
    db = Path(args.db)
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        count = conn.execute("select count(*) from articles").fetchone()[0]
        site = conn.execute("select site_id from articles where id = 1").fetchone()[0]
    print(f"{db}: {count:,} articles, {db.stat().st_size / count:,.0f} bytes per article; "
          f"{args.repeat} timed requests each, ms\n")  # fmt: skip
    print(f"{'request':44} {'median':>9} {'slowest':>9}  status")
    results = asyncio.run(measure(db, args.repeat, args.public, site))
    slow = [label for label, times, _ in results if max(times) >= 1000]
    bad = [label for label, _, status in results if status != 200]
    print(f"\nslowest request: {max(max(t) for _, t, _ in results):.0f} ms; "
          f"1 s or more: {slow or 'none'}; not 200: {bad or 'none'}")  # fmt: skip
    if args.sizes:
        print("\nbytes per article, by table or index:")
        for name, size in sizes(db):
            if size / count >= 10:
                print(f"  {name:48} {size / count:10,.0f}")


if __name__ == "__main__":
    main()
