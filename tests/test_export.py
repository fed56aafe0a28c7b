"""Export: articles as JSON Lines and CSV, the captures as a WACZ that replay tools accept."""

from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sqlite_utils import Database

from archive.capture import export

pytestmark = pytest.mark.e2e


def export_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "archive", "export", *args],
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def test_jsonl_lists_every_article_with_site_aliases_captures_and_attachments(captured):
    db = Database(captured.db_path)
    done = export_cli("--db", str(captured.db_path), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == db.execute("select count(*) from articles").fetchone()[0]
    assert f"{len(rows)} articles exported" in done.stderr
    names = {s: n for s, n in db.execute("select id, name from sites")}
    for row in rows:
        assert list(row) == list(export.COLUMNS)
        assert row["site_name"] == names[row["site_id"]]
        assert row["captures"] and all(c["warc_file"] and c["digest"] for c in row["captures"])
        assert row["url"] not in row["aliases"]
        stored = db.execute("select title, text from articles where id = ?", [row["id"]]).fetchone()
        assert (row["title"], row["text"]) == stored
    assert sum(bool(r["aliases"]) for r in rows) >= 3
    with_documents = [r for r in rows if r["attachments"]]
    assert with_documents and all(r["site_id"] == "aspnet" for r in with_documents)
    assert with_documents[0]["attachments"][0]["media_type"] == "application/pdf"


def test_csv_to_a_file_and_one_site(captured, tmp_path):
    out = tmp_path / "aspnet.csv"
    done = export_cli(
        "--db", str(captured.db_path), "--format", "csv", "--site", "aspnet", "-o", str(out)
    )
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    db = Database(captured.db_path)
    assert (
        len(rows)
        == db.execute("select count(*) from articles where site_id = 'aspnet'").fetchone()[0]
    )
    assert {r["site_id"] for r in rows} == {"aspnet"}
    for row in rows:
        assert list(row) == list(export.COLUMNS)
        for column in export.LIST_COLUMNS:
            assert isinstance(json.loads(row[column]), list)
        assert (
            row["text"]
            == db.execute("select text from articles where id = ?", [int(row["id"])]).fetchone()[0]
        )


def test_export_refuses_bad_input(captured, tmp_path):
    unknown = export_cli("--db", str(captured.db_path), "--site", "atlantis")
    assert unknown.returncode == 2 and "unknown site id: atlantis" in unknown.stderr
    no_file = export_cli("--db", str(captured.db_path), "--format", "wacz")
    assert no_file.returncode == 2 and "--output" in no_file.stderr
    missing = export_cli("--db", str(tmp_path / "none.db"))
    assert missing.returncode == 2
    bad_format = export_cli("--db", str(captured.db_path), "--format", "xml")
    assert bad_format.returncode == 2


def wacz_validate(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "wacz", "validate", "-f", str(path)],
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def wacz_contents(path: Path) -> tuple[list[dict], set[str], set[str]]:
    """(pages, URLs in the CDXJ index, file names) of a WACZ."""
    with zipfile.ZipFile(path) as wacz:
        names = set(wacz.namelist())
        pages = [json.loads(line) for line in wacz.read("pages/pages.jsonl").splitlines()[1:]]
        index = gzip.decompress(wacz.read("indexes/index.cdx.gz")).decode()
    indexed = {json.loads(line.split(" ", 2)[2])["url"] for line in index.splitlines()}
    return pages, indexed, names


def test_wacz_of_the_whole_archive_is_valid_and_lists_the_articles(captured, tmp_path):
    out = tmp_path / "archive.wacz"
    done = export_cli("--db", str(captured.db_path), "--format", "wacz", "-o", str(out))
    assert done.returncode == 0, done.stderr
    check = wacz_validate(out)
    assert check.returncode == 0 and "is valid" in check.stdout, check.stdout
    pages, indexed, names = wacz_contents(out)
    db = Database(captured.db_path)
    titles = sorted(t for (t,) in db.execute("select title from articles"))
    assert sorted(p["title"] for p in pages) == titles
    fetched = set(db.execute("select url, fetched from captures where status = 200"))
    assert all(
        p["url"] in indexed and (p["url"], p["ts"]) in fetched for p in pages
    )  # the exact capture
    assert {u for (u,) in db.execute("select url from captures")} <= indexed
    warc_names = {p.name for p in captured.warc_dir.glob("*.warc.gz")}
    assert {n.removeprefix("archive/") for n in names if n.startswith("archive/")} == warc_names


def test_wacz_of_one_site_holds_only_its_records(captured, tmp_path):
    out = tmp_path / "wordpress.wacz"
    db = Database(captured.db_path)
    count = export.write_wacz(db, captured.warc_dir, out, site_id="wordpress")
    assert (
        count
        == db.execute("select count(*) from articles where site_id = 'wordpress'").fetchone()[0]
    )
    assert wacz_validate(out).returncode == 0
    pages, indexed, names = wacz_contents(out)
    base = captured.base["wordpress"]
    assert indexed and all(u.startswith(base) for u in indexed)
    assert {
        u for (u,) in db.execute("select url from captures where site_id = 'wordpress'")
    } == indexed
    assert len(pages) == count
    assert [n for n in names if n.startswith("archive/")] == [
        "archive/tct-archive-wordpress.warc.gz"
    ]
