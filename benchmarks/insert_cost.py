"""What storing one article costs on a large archive: the storage path, then the bare insert.

    python benchmarks/generate_archive.py /tmp/a200k.db --articles 200000
    python benchmarks/insert_cost.py /tmp/a200k.db [--articles 300] [--no-migrate]

Stores --articles new generated articles (realistic texts, as
generate_archive.py makes them) through ``archive.store.writer`` (``save_page`` then
``save_article``: version, FTS, simhash bands, near-duplicate lookup, the
triggers), one savepoint per article as the crawl's session does, then times
``insert into articles`` alone for the same rows. Each part runs twice: with
the summary triggers (migration m008) and with them dropped, so their cost
shows on its own. Everything happens inside a transaction that is rolled
back: the archive is left as it was. ``--no-migrate`` measures the archive
with the schema it has (an archive generated before m008: the indexes of
then, no triggers). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generate_archive import article_rows  # noqa: E402

from archive.extract.records import Article  # noqa: E402
from archive.sites import registry  # noqa: E402
from archive.store import writer as store  # noqa: E402
from archive.store.migrations import open_db  # noqa: E402

TRIGGERS = "select name, sql from sqlite_master where type = 'trigger' and name like '%stats%'"


def storage_path(db, rows, fetched) -> list[float]:  # type: ignore[no-untyped-def]
    """ms per article through save_page + save_article, each in its own savepoint."""
    times = []
    for row in rows:
        article = Article(url=str(row["url"]), title=str(row["title"]), date=row["published"],
                          author=row["author"], text=str(row["text"]))  # type: ignore[arg-type]  # fmt: skip
        started = time.perf_counter()
        with db.atomic():
            store.save_page(db, {"url": row["url"], "site_id": row["site_id"], "status": 200,
                                 "kind": "article", "fetched": fetched})  # fmt: skip
            store.save_article(db, str(row["site_id"]), str(row["url"]), article,
                               fetched=fetched, crawl_id=None)  # fmt: skip
        times.append((time.perf_counter() - started) * 1000)
    return times


def bare_inserts(db, rows, fetched, n: int) -> float:  # type: ignore[no-untyped-def]
    """µs per row of `insert into articles` alone (indexes and triggers included), n rows."""
    values = [(row["site_id"], f"{row['url']}#bare{i}", row["title"], row["published"],
               row["author"], row["text"], row["word_count"], f"bare{i}", fetched, fetched)
              for i, row in zip(range(n), itertools.cycle(rows))]  # fmt: skip
    started = time.perf_counter()
    for value in values:
        db.execute(
            "insert into articles(site_id, url, title, published, author, text, word_count, "
            "content_hash, first_seen, last_seen) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            value,
        )
    return (time.perf_counter() - started) * 1e6 / len(values)


def measure(db, rows, fetched, drop: bool, bare: int) -> tuple[list[float], float]:  # type: ignore[no-untyped-def]
    conn = db.conn
    conn.execute("savepoint bench")
    try:
        if drop:
            for name, _sql in conn.execute(TRIGGERS).fetchall():
                conn.execute(f"drop trigger {name}")
        path = storage_path(db, rows, fetched)
        per_row = bare_inserts(db, rows, fetched, bare)
    finally:
        conn.execute("rollback to bench")
        conn.execute("release bench")
    return path, per_row


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db")
    parser.add_argument("--articles", type=int, default=300, help="through the storage path")
    parser.add_argument("--bare", type=int, default=5000, help="bare inserts into articles")
    parser.add_argument("--no-migrate", action="store_true", help="keep the archive's schema")
    args = parser.parse_args(argv)
    db = open_db(args.db, migrate=not args.no_migrate)
    count = db.execute("select count(*) from articles").fetchone()[0]
    indexes = db.execute("select count(*) from pragma_index_list('articles')").fetchone()[0]
    triggers = db.execute(TRIGGERS).fetchall()
    sites = registry.load_sites()
    fetched = "2026-08-01T02:00:00Z"
    rows = [r for r, _ in zip(article_rows(args.articles, 99, sites, fetched), range(args.articles),
                              strict=False)]  # fmt: skip
    for row in rows:  # new URLs, never seen by the archive
        row["url"] = f"{row['url']}?bench={row['id']}"
    print(f"{args.db}: {count:,} articles, {indexes} indexes on articles, "
          f"{len(triggers)} summary triggers; {len(rows)} articles stored, "
          "rolled back\n")  # fmt: skip
    measure(db, rows[:20], fetched, drop=False, bare=500)  # warm the caches
    runs = [("as it is", False)] + ([("summary triggers dropped", True)] if triggers else [])
    for label, drop in runs * 3:  # alternated: the order does not favour either
        path, bare = measure(db, rows, fetched, drop, args.bare)
        print(f"{label:26} storage path: median {statistics.median(path):6.2f} ms, "
              f"mean {statistics.mean(path):6.2f} ms per article; "
              f"bare insert into articles: {bare:6.1f} µs per row")  # fmt: skip
    db.close()


if __name__ == "__main__":
    main()
