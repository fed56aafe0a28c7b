"""Search latency through Datasette (in-process, datasette.client), as a reader meets it.

    python benchmarks/generate_archive.py benchmarks/out/archive-50k.db --articles 50000
    python benchmarks/search_latency.py benchmarks/out/archive-50k.db

Times the articles table's search page (HTML, with its facets and row
count) and the ranked canned search (HTML, with snippets), for queries with
and without diacritics, phrases, common and rare words, in public mode (its
SQL time limit applies). Each query runs once to warm the cache, then
--repeat times; the figures are per request.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive.serve import make_datasette  # noqa: E402

QUERIES = {
    "common, no diacritics": "dang uy",
    "common, diacritics": "Đảng ủy",
    "common, other tone placement": "Đảng uỷ",
    "phrase": '"hoi nghi"',
    "phrase, diacritics": '"nghiên cứu khoa học"',
    "less common word": "OCOP",
    "less common, no diacritics": "xam nhap man",
    "less common phrase": '"hien mau tinh nguyen"',
    "rare name": '"Trịnh Xuân Lộc"',
    "rare name, no diacritics": "trinh xuan loc",
    "rare place, no diacritics": '"thon khanh oanh"',
    "no match": "blockchain",
}
PAGES = {
    "table search": lambda q: ("/archive/articles", {"_search": q}),
    "canned search": lambda q: ("/archive/search", {"q": q, "site": ""}),
}


async def measure(db: Path, repeat: int) -> list[tuple[str, str, list[float], int, int]]:
    ds = make_datasette(db, public=True)
    results = []
    for page, build in PAGES.items():
        for label, query in QUERIES.items():
            path, params = build(query)
            response = await ds.client.get(path, params=params)
            status = response.status_code
            if "took too long" in response.text or "interrupted" in response.text:
                status = 408  # Datasette's SQL time limit stopped the page's query
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                response = await ds.client.get(path, params=params)
                times.append((time.perf_counter() - started) * 1000)
            rows = await ds.client.get(path + ".json", params={**params, "_shape": "array"})
            found = len(rows.json()) if rows.status_code == 200 else 0
            results.append((page, f"{label}: {query}", times, found, status))
    return results


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    db = Path(args.db)
    import sqlite3

    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        count = conn.execute("select count(*) from articles").fetchone()[0]
    results = asyncio.run(measure(db, args.repeat))
    print(f"{db}: {count:,} articles; {args.repeat} timed requests per query, in ms\n")
    print(f"{'page':14} {'query':48} {'median':>8} {'slowest':>8} {'rows':>5} status")
    for page, label, times, rows, status in results:
        print(f"{page:14} {label:48} {statistics.median(times):8.1f} {max(times):8.1f} {rows:5} "
              f"{status}")  # fmt: skip
    for page in PAGES:
        times = [t for p, _, ts, _, _ in results if p == page for t in ts]
        print(f"\n{page}: median {statistics.median(times):.1f} ms, slowest {max(times):.1f} ms "
              f"over {len(times)} requests")  # fmt: skip


if __name__ == "__main__":
    main()
