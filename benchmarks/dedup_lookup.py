"""The near-duplicate lookup on a large archive: candidates read and time per new article.

    python benchmarks/generate_archive.py /tmp/a1m.db --articles 1000000
    python benchmarks/dedup_lookup.py /tmp/a1m.db [--samples 20] [--repeat 2] [--fill-sketches]

Looks up --samples stored articles (spread over the ids) as if each were new:
``dedup.find_near_duplicate`` with its own fingerprint and text, which reads
every article sharing a probed block and confirms the close ones on their
texts. Prints the candidates per lookup, how many are close enough to confirm,
and the time per lookup (each round after the first runs on a warm cache).
``open_db`` first brings the archive up to date (migration m010 rebuilds the
lookup table). A close candidate without a MinHash sketch (an archive from
before m011) is read and sketched by the first round; ``--fill-sketches``
sketches every article first, as a crawl since m011 has. Writes nothing else.
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

from archive.store import dedup  # noqa: E402
from archive.store.migrations import open_db  # noqa: E402


def candidates(db: Database, value: int) -> tuple[int, int]:
    """Rows the probe reads, and how many of them are within MAX_DISTANCE."""
    sql = f"{dedup._PROBE_SQL} select simhash from articles where id in (select article_id from c)"
    hashes = [int(h, 16) for (h,) in db.execute(sql, dedup.probes(value)).fetchall()]
    return len(hashes), sum(dedup.distance(value, h) <= dedup.MAX_DISTANCE for h in hashes)


def fill_sketches(db: Database) -> int:
    rows = db.execute(
        "select id, text from articles where id not in (select article_id from minhash_sketches)"
    ).fetchall()
    with db.conn:
        for row_id, text in rows:
            dedup.save_sketch(db, row_id, dedup.sketch(text))
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--fill-sketches", action="store_true")
    args = parser.parse_args()
    open_db(args.db).close()
    db = Database(args.db)
    if args.fill_sketches:
        print(f"sketched {fill_sketches(db):,} articles")
    total = db.execute("select max(id) from articles").fetchone()[0] or 0
    step = max(1, total // args.samples)
    rows = db.execute(
        "select id, simhash, text from articles where id % ? = 1 and simhash is not null limit ?",
        [step, args.samples],
    ).fetchall()
    counts = [candidates(db, int(h, 16)) for _, h, _ in rows]
    read, close = [c for c, _ in counts], [c for _, c in counts]
    print(f"{total:,} articles, {len(rows)} lookups, {dedup.BANDS} blocks of {dedup.BAND_BITS} "
          f"bits probed within {dedup.PROBE_RADIUS}: candidates median "
          f"{statistics.median(read):,.0f}, max {max(read):,}; within {dedup.MAX_DISTANCE} "
          f"bits median {statistics.median(close):,.0f}, max {max(close):,}")  # fmt: skip
    for round_ in range(1 + args.repeat):
        times = []
        with db.conn:  # sketches of older articles are written as they are read
            for row_id, hexhash, text in rows:
                started = time.perf_counter()
                dedup.find_near_duplicate(db, row_id, int(hexhash, 16), text)
                times.append((time.perf_counter() - started) * 1000)
        label = "cold" if round_ == 0 else f"warm {round_}"
        print(
            f"{label}: mean {statistics.mean(times):.1f} ms, "
            f"median {statistics.median(times):.1f} ms, max {max(times):.1f} ms"
        )


if __name__ == "__main__":
    main()
