"""The near-duplicate lookup on a large archive: candidates read and time per new article.

    python benchmarks/generate_archive.py /tmp/a1m.db --articles 1000000
    python benchmarks/dedup_lookup.py /tmp/a1m.db [--samples 20] [--repeat 2]

Looks up --samples stored articles (spread over the ids) as if each were new:
``dedup.find_near_duplicate`` with its own fingerprint and text, which reads
every article sharing a probed block and confirms the close ones on their
texts. Prints the candidates per lookup and the time per lookup (each round
after the first runs on a warm cache). ``open_db`` first brings the archive up
to date (migration m010 rebuilds the lookup table). Writes nothing else.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlite_utils import Database  # noqa: E402

from archive import dedup  # noqa: E402
from archive.migrations import open_db  # noqa: E402


def candidates(db: Database, value: int) -> int:
    sql = f"{dedup._PROBE_SQL} select count(*) from c"
    return int(db.execute(sql, dedup.probes(value)).fetchone()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    open_db(args.db).close()
    db = Database(args.db)
    total = db.execute("select max(id) from articles").fetchone()[0] or 0
    step = max(1, total // args.samples)
    rows = db.execute(
        "select id, simhash, text from articles where id % ? = 1 and simhash is not null limit ?",
        [step, args.samples],
    ).fetchall()
    counts = [candidates(db, int(h, 16)) for _, h, _ in rows]
    print(f"{total:,} articles, {len(rows)} lookups, {dedup.BANDS} blocks of {dedup.BAND_BITS} "
          f"bits probed within {dedup.PROBE_RADIUS}: candidates median "
          f"{statistics.median(counts):,.0f}, max {max(counts):,}")  # fmt: skip
    for round_ in range(1 + args.repeat):
        times = []
        for row_id, hexhash, text in rows:
            started = time.perf_counter()
            dedup.find_near_duplicate(db, row_id, int(hexhash, 16), text)
            times.append((time.perf_counter() - started) * 1000)
        label = "cold" if round_ == 0 else f"warm {round_}"
        print(f"{label}: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms")


if __name__ == "__main__":
    main()
