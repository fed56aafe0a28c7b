"""Re-extraction: the articles rebuilt from the WARC captures, offline, equal a fresh crawl's."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from archive import reextract as rx
from archive.sites.registry import load_sites
from archive.store import summary
from archive.store.migrations import open_db

pytestmark = pytest.mark.e2e

FIELDS = (
    "a.site_id, a.title, a.published, a.published_at, a.author, a.source, a.text, a.content_hash"
)


def copy_db(source: Path, target: Path) -> Path:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def forget_articles(path: Path) -> None:
    """What a fresh archive would lack: every article and everything derived from one."""
    with sqlite3.connect(path) as conn:
        conn.executescript(
            "update captures set article_id = null; update pages set article_id = null;"
            "update pages set kind = 'other' where kind = 'article';"
            "delete from attachments; delete from simhash_bands; delete from minhash_sketches;"
            "delete from article_versions;"
            "delete from article_urls; insert into articles_fts(articles_fts) values('delete-all');"
            "delete from articles;"
        )


def articles(db_path: Path) -> list[tuple]:
    return sorted(sqlite3.connect(db_path).execute(f"select {FIELDS} from articles a").fetchall())


def links(db_path: Path) -> dict[str, set]:
    """Every relation to an article, named by the article's text hash instead of its id."""
    conn = sqlite3.connect(db_path)
    by = "(select content_hash from articles where id = {}.article_id)"
    return {
        "urls": set(conn.execute(f"select url, {by.format('article_urls')} from article_urls")),
        "captures": set(conn.execute(f"select id, {by.format('captures')} from captures")),
        "pages": set(conn.execute(f"select url, kind, {by.format('pages')} from pages")),
        "attachments": set(
            conn.execute(
                f"select url, sha256, size, file_name, capture_id, {by.format('attachments')} "
                "from attachments"
            )
        ),  # fmt: skip
        "duplicates": set(
            conn.execute(
                "select a.content_hash, o.content_hash from articles a join articles o "
                "on o.id = a.duplicate_of"
            )
        ),  # fmt: skip
    }


@pytest.fixture
def offline(monkeypatch):
    """No connection may be opened (the sample web is already stopped, too)."""

    def refuse(*args, **kwargs):
        raise AssertionError("re-extraction tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def run(db_path: Path, captured, ids: tuple[str, ...] = (), **kwargs) -> list[dict]:
    db = open_db(str(db_path))
    sites, dropped = rx.archived_sites(db, load_sites(captured.sites_file), ids)
    assert dropped == []
    try:
        return rx.reextract(db, sites, captured.warc_dir, **kwargs)
    finally:
        db.close()


def test_reextract_into_the_same_archive_changes_nothing(captured, tmp_path, offline):
    db_path = copy_db(captured.db_path, tmp_path / "same.db")
    before, before_links = articles(db_path), links(db_path)
    rows = run(db_path, captured)
    assert {r["site"] for r in rows} == {s.id for s in captured.web.sites}
    assert sum(r["new"] + r["changed"] + r["unreadable"] for r in rows) == 0
    assert sum(r["unchanged"] for r in rows) >= len(before)
    assert articles(db_path) == before
    assert links(db_path) == before_links
    assert Database(db_path).execute("select max(version) from articles").fetchone()[0] == 1


def test_reextract_into_an_archive_without_articles_gives_the_crawled_records(
    captured, tmp_path, offline
):
    crawled, crawled_links = articles(captured.db_path), links(captured.db_path)
    db_path = copy_db(captured.db_path, tmp_path / "fresh.db")
    forget_articles(db_path)
    assert articles(db_path) == []
    rows = run(db_path, captured)
    assert sum(r["new"] for r in rows) == len(crawled)
    assert articles(db_path) == crawled
    rebuilt = links(db_path)
    for name, expected in crawled_links.items():
        assert rebuilt[name] == expected, name
    search = Database(db_path).execute(
        "select count(*) from articles_fts where articles_fts match 'truong'").fetchone()[0]  # fmt: skip
    assert search > 0
    assert summary.check(Database(db_path)) == []  # deleted, then stored again: still exact


def test_an_improved_extractor_reaches_every_article_as_a_new_version(
    captured, tmp_path, offline, monkeypatch
):
    db_path = copy_db(captured.db_path, tmp_path / "improved.db")
    count = sum(a[0] in ("aspnet", "drupal") for a in articles(db_path))
    original = rx.analyze_page

    def improved(body, url, site, *, encoding=None):
        result = original(body, url, site, encoding=encoding)
        if result.article is not None:
            result.article.text += "\n\n(đã hiệu đính)"
        return result

    monkeypatch.setattr(rx, "analyze_page", improved)
    rows = run(db_path, captured, ("aspnet", "drupal"))
    assert sum(r["changed"] for r in rows) == count
    db = Database(db_path)
    assert dict(db.execute("select site_id, min(version) from articles group by 1")) == {
        "aspnet": 2, "drupal": 2, **{s: 1 for s in ("joomla", "liferay", "nukeviet", "websphere", "wordpress")}}  # fmt: skip
    assert (
        db.execute("select count(*) from article_versions").fetchone()[0]
        == len(articles(db_path)) + count
    )
    assert db.execute("select count(*) from articles where site_id in ('aspnet', 'drupal') "
                      "and text not like '%(đã hiệu đính)'").fetchone()[0] == 0  # fmt: skip
    assert summary.check(db) == []


def test_worker_processes_give_the_same_records(captured, tmp_path):
    db_path = copy_db(captured.db_path, tmp_path / "workers.db")
    forget_articles(db_path)
    run(db_path, captured, ("nukeviet",), workers=2)
    assert articles(db_path) == [a for a in articles(captured.db_path) if a[0] == "nukeviet"]


def reextract_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "archive", "reextract", *args],
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def test_reextract_command(captured, tmp_path):
    db_path = copy_db(captured.db_path, tmp_path / "cli.db")
    common = [
        "--db",
        str(db_path),
        "--sites",
        str(captured.sites_file),
        "--warc-dir",
        str(captured.warc_dir),
    ]
    done = reextract_cli(*common, "--site", "aspnet")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].split()[:3] == ["site", "captures", "articles"]
    assert [line.split()[0] for line in done.stdout.splitlines()[2:]] == ["aspnet"]
    unknown = reextract_cli(*common, "--site", "atlantis")
    assert unknown.returncode == 2 and "unknown site id(s): atlantis" in unknown.stderr
    missing = reextract_cli("--db", str(tmp_path / "none.db"))
    assert missing.returncode == 2 and "no such archive" in missing.stderr
    assert not (tmp_path / "none.db").exists()


def test_missing_warc_files_are_reported(captured, tmp_path):
    db_path = copy_db(captured.db_path, tmp_path / "lost.db")
    (tmp_path / "warcs").mkdir()  # the default place, beside the database: empty
    done = reextract_cli("--db", str(db_path), "--sites", str(captured.sites_file))
    assert done.returncode == 1
    assert "could not be read from the WARC files" in done.stderr
