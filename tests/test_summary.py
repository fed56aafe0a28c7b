"""Summary tables (site_stats, site_months): the triggers keep them equal to a full count."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from sqlite_utils import Database

from archive.store import summary
from archive.store import writer as store
from archive.store.migrations import m011_minhash_sketches, migrations, open_db
from tests.conftest import PARAGRAPHS, make_article

T = "2026-01-01T00:00:00Z"
T2 = "2026-02-01T00:00:00Z"
T3 = "2026-03-01T00:00:00Z"
SHORT = "Hội nghị sơ kết công tác sáu tháng."


def stats(db: Database, site_id: str) -> dict:
    return dict(db.table("site_stats").get(site_id))


def recent(db: Database, site_id: str) -> tuple[int, int]:
    """Articles first seen since the site's last crawl started, and how many are incomplete."""
    row = stats(db, site_id)
    return row["new_in_last_crawl"], row["incomplete_in_last_crawl"]


def months(db: Database) -> list[tuple]:
    return db.execute("select site_id, month, articles from site_months order by 1, 2").fetchall()


def crawl(db: Database, crawl_id: int, started: str, *site_ids: str) -> None:
    """A crawl's rows as the session writes them: the crawl first, its sites at the end."""
    with db.conn:
        db.execute(
            "insert into crawls(id, started, status) values (?, ?, 'finished')", [crawl_id, started]
        )
    for site_id in site_ids:
        store.save_crawl_site(db, crawl_id, site_id, {"status": "ok"})


def test_every_write_of_a_crawl_keeps_the_counts(db):
    save = store.save_article
    save(db, "s1", "http://a/1", make_article("http://a/1"), fetched=T, crawl_id=1)
    save(db, "s1", "http://a/1?print=1", make_article("http://a/1?print=1"), fetched=T,
         crawl_id=1)  # an alias: no new article  # fmt: skip
    save(db, "s1", "http://a/2", make_article("http://a/2", text=SHORT, author=None, date=None),
         fetched=T, crawl_id=1)  # fmt: skip
    save(db, "s2", "http://b/1", make_article("http://b/1", date="2023-05-04"), fetched=T,
         crawl_id=1)  # a near copy on another site  # fmt: skip
    assert stats(db, "s1") | {"last_crawl": None} == {
        "site_id": "s1", "articles": 2, "no_date": 1, "no_author": 1, "short_text": 1,
        "last_crawl": None, "new_in_last_crawl": 0, "incomplete_in_last_crawl": 0,
    }  # fmt: skip
    assert months(db) == [("s1", "2022-07", 1), ("s2", "2023-05", 1)]
    crawl(db, 1, T, "s1", "s2")
    assert stats(db, "s1")["last_crawl"] == T
    assert recent(db, "s1") == (2, 1)
    # a new version moves the article to another month and completes it
    changed = make_article(
        "http://a/1", text="\n\n".join([*PARAGRAPHS, "Đã cập nhật."]), date="2024-01-02"
    )
    assert save(db, "s1", "http://a/1", changed, fetched=T2, crawl_id=2).status == store.CHANGED
    assert months(db) == [("s1", "2024-01", 1), ("s2", "2023-05", 1)]
    fixed = make_article("http://a/2", text="\n\n".join(reversed(PARAGRAPHS)), date="2021-03-04")
    save(db, "s1", "http://a/2", fixed, fetched=T2, crawl_id=2)
    assert stats(db, "s1")["no_date"] == 0 and stats(db, "s1")["incomplete_in_last_crawl"] == 0
    # a removed article is marked, not deleted: still counted
    store.mark_removed(db, "http://a/2", T2)
    assert stats(db, "s1")["articles"] == 2
    assert summary.check(db) == []


def test_a_new_crawl_counts_only_the_articles_seen_since_it_started(db):
    for i, fetched in enumerate((T, T, T3)):
        store.save_article(db, "s1", f"http://a/{i}",
                           make_article(f"http://a/{i}", text=f"{SHORT} {i}"),
                           fetched=fetched, crawl_id=None)  # fmt: skip
    crawl(db, 1, T, "s1")
    assert stats(db, "s1")["new_in_last_crawl"] == 3
    crawl(db, 2, T2, "s1")  # started after the first two were seen
    assert recent(db, "s1") == (1, 1)
    # an older crawl's row written late does not move last_crawl back
    crawl(db, 3, "2025-12-01T00:00:00Z", "s1")
    assert stats(db, "s1")["last_crawl"] == T2
    with db.conn:  # a crawl's start corrected by hand
        db.execute("update crawls set started = ? where id = 2", [T3])
    assert stats(db, "s1")["last_crawl"] == T3 and stats(db, "s1")["new_in_last_crawl"] == 1
    with db.conn:
        db.execute("delete from crawl_sites where crawl_id in (2, 3)")
    assert stats(db, "s1")["last_crawl"] == T and stats(db, "s1")["new_in_last_crawl"] == 3
    assert summary.check(db) == []


def test_deletes_and_hand_made_updates_are_counted_too(db):
    for i in range(4):
        store.save_article(db, "s1", f"http://a/{i}",
                           make_article(f"http://a/{i}", text=f"{SHORT} {i}", date=f"202{i}-01-01"),
                           fetched=T, crawl_id=None)  # fmt: skip
    crawl(db, 1, T, "s1")
    with db.conn:
        db.execute("update articles set site_id = 's2', author = '' where id = 1")
        db.execute("update articles set published = null where id = 2")
        db.execute("update articles set word_count = 500 where id = 3")
        for table in ("simhash_bands", "article_versions", "article_urls"):
            db.execute(f"delete from {table} where article_id = 4")
        db.execute("delete from articles where id = 4")
        db.execute("insert into articles(site_id, published, first_seen) values (null, '2020-02-02', ?)",
                   [T])  # no site: counted nowhere  # fmt: skip
    assert summary.check(db) == []
    assert stats(db, "s2")["no_author"] == 1 and stats(db, "s1")["articles"] == 2
    assert months(db) == [("s1", "2022-01", 1), ("s2", "2020-01", 1)]


def test_check_finds_a_difference_and_refresh_repairs_it(db):
    store.save_article(db, "s1", "http://a/1", make_article("http://a/1"), fetched=T, crawl_id=None)
    with db.conn:
        db.execute("update site_stats set articles = 7")
        db.execute("delete from site_months")
    problems = summary.check(db)
    assert len(problems) == 2 and any(p.startswith("site_stats s1: stored (7,") for p in problems)
    summary.refresh(db)
    assert summary.check(db) == [] and stats(db, "s1")["articles"] == 1


def old_archive(path: Path) -> Database:
    """An archive as the version before the summary tables made it."""
    db = Database(str(path))
    migrations.apply(db, stop_before="m008_summaries")
    m011_minhash_sketches(db)  # today's store writes sketches; m011 runs again, a no-op
    return db


def test_the_migration_backfills_an_archive_made_before_it(tmp_path: Path):
    path = tmp_path / "old.db"
    db = old_archive(path)
    db.table("sites").insert_all([{"id": s, "name": s, "province": "Huế"} for s in ("s1", "s2")])
    for i in range(6):
        site = "s1" if i % 3 else "s2"
        store.save_article(db, site, f"http://a/{i}",
                           make_article(f"http://a/{i}", text=f"{SHORT} {i}",
                                        date=None if i == 2 else f"202{i}-0{i + 1}-01"),
                           fetched=T if i < 4 else T3, crawl_id=None)  # fmt: skip
    crawl(db, 1, T2, "s1", "s2")
    with db.conn:
        db.execute("insert into pages(url, site_id, kind) values ('http://a/x', 's1', 'error')")
    health = "select * from site_health order by site_id"
    before = db.execute(health).fetchall()
    assert [m.name for m in migrations.pending(db)][0] == "m008_summaries"
    db.close()
    db = open_db(str(path))
    assert summary.check(db) == []
    width = len(before[0])  # later migrations add columns (m012: last_status, pct_...)
    assert [row[:width] for row in db.execute(health).fetchall()] == before
    indexes = {r[1] for r in db.execute("pragma index_list(articles)")}
    assert "idx_articles_year_published" in indexes and "idx_articles_year" not in indexes


def test_summaries_command(db, tmp_path: Path):
    path = tmp_path / "archive.db"  # the db fixture's file
    store.save_article(db, "s1", "http://a/1", make_article("http://a/1"), fetched=T, crawl_id=None)
    cli = [sys.executable, "-m", "archive", "summaries", "--db", str(path)]
    ok = subprocess.run(cli, capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and "agree" in ok.stderr
    with db.conn:
        db.execute("update site_stats set no_date = 3")
    wrong = subprocess.run(cli, capture_output=True, text=True, timeout=60)
    assert wrong.returncode == 1 and "site_stats" in wrong.stdout
    fixed = subprocess.run([*cli, "--refresh"], capture_output=True, text=True, timeout=60)
    assert fixed.returncode == 0, fixed.stderr
    assert summary.check(db) == []


#: prepare_public in a process that may not write the archive; the message on stdout.
PREPARE = """
import sys
from archive import serve
try:
    serve.prepare_public(sys.argv[1])
except serve.PublicModeError as exc:
    print(exc)
    sys.exit(2)
"""


def as_reader(path: Path) -> subprocess.CompletedProcess[str]:
    """prepare_public run by a user who cannot write ``path`` (a 0444 file): nobody when the
    tests run as root, whom file modes do not stop. Nobody must be able to run this
    checkout's interpreter: a clone inside a private (0700) folder cannot be tested so."""
    user = "nobody" if os.geteuid() == 0 else None
    if user is not None:
        try:
            subprocess.run([sys.executable, "-c", "import archive"], user=user,
                           capture_output=True, timeout=60, check=True)  # fmt: skip
        except (OSError, subprocess.CalledProcessError) as exc:
            pytest.skip(f"user nobody cannot run {sys.executable} ({exc}): run the suite "
                        "from a folder others may read")  # fmt: skip
    return subprocess.run([sys.executable, "-c", PREPARE, str(path)], user=user,
                          capture_output=True, text=True, timeout=60)  # fmt: skip


async def test_serving_an_older_archive_brings_it_up_to_date(tmp_path: Path):
    from archive import serve

    home = Path(tempfile.mkdtemp())  # not under tmp_path: nobody must reach it
    try:
        home.chmod(0o755)
        path = home / "archive.db"
        db = old_archive(path)
        db.table("sites").insert({"id": "s1", "name": "s1", "province": "Huế"})
        store.save_article(db, "s1", "http://a/1", make_article("http://a/1"), fetched=T,
                           crawl_id=None)  # fmt: skip
        db.close()
        path.chmod(0o444)
        refused = as_reader(path)
        assert refused.returncode == 2, refused.stderr
        assert re.search(r"\(m008_summaries, .*not applied\).*readonly", refused.stdout)
        untouched = Database(str(path))
        assert [m.name for m in migrations.pending(untouched)][0] == "m008_summaries"
        untouched.close()
        path.chmod(0o644)
        await served_month(serve, path)
    finally:
        shutil.rmtree(home)


async def served_month(serve, path: Path) -> None:
    ds = serve.make_datasette(path, public=True)
    response = await ds.client.get("/archive/per_site_month.json",
                                   params={"site": "", "since": "", "_shape": "array"})  # fmt: skip
    assert response.status_code == 200 and response.json()[0]["articles"] == 1
