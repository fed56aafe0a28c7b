"""WARC capture: every exchange of a real crawl, valid for standard tools, faithful to the wire.

The crawl (tests/capture_crawl.py) runs over loopback HTTP against the sample
web, with the WordPress site gzip-encoding its answers, a redirect to an
article and a start URL that resets the connection.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from capture_crawl import GZIP_SITE, RESET_PATH, WARC_MAX_BYTES
from sqlite_utils import Database
from warcio.archiveiterator import ArchiveIterator

from archive.capture import warcs
from archive.cli import OPTION_SETTINGS, settings_from_options
from archive.sites.urls import canonical_url

pytestmark = pytest.mark.e2e

TOOLS = Path(sys.executable).parent  # warcio and cdxj-indexer, installed with the project
NAME = re.compile(r"^tct-archive-\d{14}-(\d+)-(\d{5})\.warc\.gz$")


def captures(captured) -> list[dict]:
    return list(Database(captured.db_path).query("select * from captures order by id"))


def warc_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.warc.gz"))


def sha1_b32(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def raw_response(captured, row: dict):
    """The stored record: HTTP headers and the payload exactly as stored (not decoded)."""
    path = captured.warc_dir / row["warc_file"]
    with open(path, "rb") as f:
        f.seek(row["offset"])
        data = f.read(row["length"])
    record = next(iter(ArchiveIterator(io.BytesIO(data))))
    return record.rec_headers, record.http_headers, record.raw_stream.read()


def test_the_crawl_succeeds(captured):
    assert captured.result.returncode == 0, captured.result.stderr[-3000:]
    assert "Traceback" not in captured.result.stderr


def test_warcio_check_passes_on_every_file(captured):
    files = warc_files(captured.warc_dir)
    assert files
    result = subprocess.run([str(TOOLS / "warcio"), "check", "-v", *map(str, files)],
                            capture_output=True, text=True)  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:]
    assert "failed" not in result.stdout
    assert result.stdout.count("digest pass") >= 2 * len(captures(captured))


def test_every_response_has_its_request_and_a_valid_digest(captured):
    responses, requests = {}, {}
    for path in warc_files(captured.warc_dir):
        types = []
        for _, _, record in warcs.iter_records(path):
            kind = record.rec_type
            types.append(kind)
            assert record.digest_checker.passed is not False, (path.name, kind)
            assert record.rec_headers.get_header("WARC-Type") == kind
            assert record.rec_headers.protocol == "WARC/1.1"
            if kind == "response":
                responses[record.rec_headers.get_header("WARC-Record-ID")] = path.name
            elif kind == "request":
                requests[record.rec_headers.get_header("WARC-Concurrent-To")] = path.name
        assert types[0] == "warcinfo", path.name
    assert responses and responses == requests  # each pair in one file


def test_captures_rows_point_at_their_records(captured):
    rows = captures(captured)
    assert len(rows) > 50
    for row in rows:
        headers, http, payload = raw_response(captured, row)
        assert headers.get_header("WARC-Type") == "response"
        assert headers.get_header("WARC-Target-URI") == row["url"]
        assert headers.get_header("WARC-Record-ID") == row["record_id"]
        assert headers.get_header("WARC-Payload-Digest") == row["digest"] == sha1_b32(payload)
        assert headers.get_header("WARC-IP-Address") == re.match(r"http://([\d.]+)", row["url"])[1]
        assert int(http.get_statuscode()) == row["status"]
        assert headers.get_header("WARC-Date").startswith(row["fetched"][:-1])
        assert http.get_header("Transfer-Encoding") is None


def test_every_kind_of_fetch_is_captured(captured):
    db = Database(captured.db_path)
    urls = {r["url"] for r in captures(captured)}
    for site, base in captured.base.items():
        assert f"{base}/robots.txt" in urls, site
        site_urls = {u for u in urls if u.startswith(base)}
        kinds = {k for (k,) in db.execute(
            "select distinct p.kind from pages p where p.site_id = ? and p.url in "
            "(select url from captures)", [site])}  # fmt: skip
        assert {"article", "listing"} <= kinds, site
        assert len(site_urls) >= 8, site
    # every page fetched with an answer has a capture, and no capture lacks a page
    answered = {u for (u,) in db.execute("select url from pages where status is not null")}
    assert answered <= {canonical_url(u) for u in urls}


def test_a_failed_fetch_leaves_no_record(captured):
    db = Database(captured.db_path)
    url = captured.base["aspnet"] + RESET_PATH
    page = db.execute("select kind, error, status from pages where url = ?", [url]).fetchone()
    assert page is not None and page[0] == "error" and page[2] is None, page
    assert db.execute("select count(*) from captures where url = ?", [url]).fetchone()[0] == 0


def test_files_rotate_at_the_size_limit_and_never_mix_runs(captured):
    files = warc_files(captured.warc_dir)
    assert len(files) >= 3
    crawl_id = Database(captured.db_path).execute("select max(id) from crawls").fetchone()[0]
    serials = []
    for path in files:
        match = NAME.match(path.name)
        assert match, path.name
        assert int(match[1]) == crawl_id
        serials.append(int(match[2]))
    assert serials == list(range(len(files)))
    for path in files[:-1]:  # closed once past the limit, by less than one exchange
        assert WARC_MAX_BYTES <= path.stat().st_size < WARC_MAX_BYTES + 1_000_000


def test_gzip_answers_are_stored_as_received_and_read_back_decoded(captured):
    db = Database(captured.db_path)
    rows = [r for r in captures(captured) if r["url"] in captured.gzipped]
    assert len(rows) >= 5, "the WordPress site should have answered gzip-encoded"
    articles = 0
    for row in rows:
        _, http, payload = raw_response(captured, row)
        assert http.get_header("Content-Encoding") == "gzip"
        assert int(http.get_header("Content-Length")) == len(payload)  # headers and body agree
        assert payload[:2] == b"\x1f\x8b"
        capture = warcs.read_capture(
            captured.warc_dir, row["warc_file"], row["offset"], row["length"]
        )
        assert capture.body == gzip.decompress(payload)
        assert capture.header("Content-Encoding") == "gzip"
        page = db.execute(
            "select length, kind from pages where url = ?", [canonical_url(row["url"])]
        ).fetchone()
        if page is not None:  # what the crawler saw, after Scrapy decoded it
            assert page[0] == len(capture.body), row["url"]
            articles += page[1] == "article"
    assert articles >= 3
    assert (
        db.execute("select count(*) from articles where site_id = ?", [GZIP_SITE]).fetchone()[0]
        >= 6
    )


def test_captures_are_linked_to_their_articles_with_redirects(captured):
    db = Database(captured.db_path)
    for (article_id,) in db.execute("select id from articles"):
        statuses = [
            s
            for (s,) in db.execute("select status from captures where article_id = ?", [article_id])
        ]
        assert 200 in statuses, article_id
    target = db.execute("select article_id from article_urls where url = ?",
                        [canonical_url(captured.redirect_target)]).fetchone()[0]  # fmt: skip
    redirect = db.execute("select status, article_id from captures where url = ?",
                          [captured.redirect_source]).fetchone()  # fmt: skip
    assert redirect == (301, target)
    followed = db.execute("select url from captures where article_id = ? and url like '%utm_source=redirect'",
                          [target]).fetchone()  # fmt: skip
    assert followed is not None  # the URL actually requested, not the canonical one
    alias = db.execute(
        "select article_id from article_urls where url = ?", [captured.redirect_source]
    ).fetchone()
    assert alias == (target,)


def test_cdxj_indexer_indexes_every_capture(captured, tmp_path):
    """The index pywb and ReplayWeb.page use (cdxj-indexer comes with the wacz package)."""
    out = tmp_path / "index.cdxj"
    files = [str(p) for p in warc_files(captured.warc_dir)]
    subprocess.run([str(TOOLS / "cdxj-indexer"), "-o", str(out), *files],
                   check=True, capture_output=True)  # fmt: skip
    indexed = {re.search(r'"url": "([^"]+)"', line)[1] for line in out.read_text().splitlines()}
    assert {r["url"] for r in captures(captured)} <= indexed


def test_warc_dir_option_is_honoured(small_crawl):
    assert small_crawl.result.returncode == 0, small_crawl.result.stderr[-3000:]
    files = warc_files(small_crawl.warc_dir)
    assert files
    assert not (small_crawl.db_path.parent / "warcs").exists()
    names = {
        r
        for (r,) in Database(small_crawl.db_path).execute("select distinct warc_file from captures")
    }
    assert names == {p.name for p in files}
    assert OPTION_SETTINGS["warc_dir"] == "ARCHIVE_WARC_DIR"
    assert settings_from_options({"warc_dir": "/x"}, ())["ARCHIVE_WARC_DIR"] == "/x"


# --- the writer and the repair of torn files, on real files --------------------


def test_writer_drops_transfer_encoding_and_keeps_everything_else(tmp_path):
    files = warcs.WarcFiles(tmp_path, 9)
    body = gzip.compress("Xin chào".encode())
    headers = [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked"),
               ("Content-Encoding", "gzip"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2")]  # fmt: skip
    written = files.write(warcs.Exchange("http://127.0.0.9/a?b=1", 200, headers, body,
                                         datetime(2025, 7, 1, 3, 4, 5, tzinfo=UTC)))  # fmt: skip
    files.close()
    capture = warcs.read_capture(tmp_path, written.warc_file, written.offset, written.length)
    assert capture.headers == [h for h in headers if h[0] != "Transfer-Encoding"]
    assert capture.body == "Xin chào".encode()
    assert capture.date.startswith("2025-07-01T03:04:05")
    assert written.digest == sha1_b32(body)


def test_read_capture_reports_a_missing_or_damaged_record(captured, tmp_path):
    row = captures(captured)[0]
    with pytest.raises(warcs.CaptureError):
        warcs.read_capture(tmp_path, row["warc_file"], row["offset"], row["length"])
    copy = tmp_path / row["warc_file"]
    shutil.copy(captured.warc_dir / row["warc_file"], copy)
    with pytest.raises(warcs.CaptureError):
        warcs.read_capture(tmp_path, row["warc_file"], row["offset"] + 1, row["length"])


def record_ends(path: Path) -> list[int]:
    return [offset + length for offset, length, _ in warcs.iter_records(path)]


@pytest.mark.parametrize("cut", [1, 10, 100, 1000, 5000])
def test_repair_cuts_a_torn_last_record_back_to_a_valid_file(captured, tmp_path, cut):
    source = warc_files(captured.warc_dir)[-1]
    ends = record_ends(source)
    torn = tmp_path / source.name
    shutil.copy(source, torn)
    with open(torn, "r+b") as f:
        f.truncate(source.stat().st_size - cut)
    removed = warcs.repair(torn)
    kept = max(e for e in [0, *ends] if e <= source.stat().st_size - cut)
    assert torn.stat().st_size == kept and removed == source.stat().st_size - cut - kept
    check = subprocess.run(
        [str(TOOLS / "warcio"), "check", str(torn)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout
    assert warcs.repair(torn) == 0  # idempotent


def test_repair_drops_zeros_after_a_crash_and_scans_from_a_known_offset(captured, tmp_path):
    source = warc_files(captured.warc_dir)[0]
    ends = record_ends(source)
    damaged = tmp_path / source.name
    shutil.copy(source, damaged)
    with open(damaged, "ab") as f:
        f.write(b"\0" * 8192)
    removed = warcs.repair_dir(tmp_path, known_good={source.name: ends[len(ends) // 2]})
    assert removed == {source.name: 8192}
    assert damaged.read_bytes() == source.read_bytes()


def test_a_file_with_no_complete_record_is_removed(tmp_path):
    path = tmp_path / "tct-archive-20250701000000-3-00000.warc.gz"
    path.write_bytes(gzip.compress(b"WARC/1.1\r\n" + os.urandom(1000))[:500])
    assert warcs.repair(path) == 500
    assert not path.exists()
    assert warcs.crawl_of(path.name) == 3 and warcs.crawl_of("other.warc.gz") is None


# --- the middleware's switches and its repair at crawl start -------------------


def test_warc_capture_can_be_turned_off():
    from scrapy.exceptions import NotConfigured
    from scrapy.utils.test import get_crawler

    from crawler.warc import WarcMiddleware

    with pytest.raises(NotConfigured):
        WarcMiddleware.from_crawler(get_crawler(settings_dict={"ARCHIVE_WARC_ENABLED": False}))
    on = WarcMiddleware.from_crawler(get_crawler(settings_dict={
        "ARCHIVE_WARC_ENABLED": True, "ARCHIVE_DB": "/srv/tct/a.db", "ARCHIVE_WARC_DIR": None}))  # fmt: skip
    assert on.warc_dir == Path("/srv/tct/warcs")


def test_a_crawl_repairs_only_the_files_of_dead_crawls(captured, tmp_path):
    """Files of a killed crawl (or of this crawl's earlier run) are cut back; others are not."""
    from types import SimpleNamespace

    from scrapy.utils.test import get_crawler

    from archive.store.migrations import open_db
    from crawler.warc import WarcMiddleware

    ids = (1, 2, 3, 4, 5, 6, 7)
    db = open_db(str(tmp_path / "a.db"))
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()  # fmt: skip
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        crawls = {1: ("running", int(gone)), 2: ("finished", int(gone)), 3: ("running", alive.pid),
                  4: ("running", os.getpid()), 6: ("killed", int(gone)),
                  7: ("interrupted", int(gone))}  # fmt: skip
        for crawl_id, (status, pid) in crawls.items():
            db.table("crawls").insert({"id": crawl_id, "status": status, "pid": pid})
        source = warc_files(captured.warc_dir)[0]
        for crawl_id in ids:  # 5: not a crawl of this archive
            with open(tmp_path / f"tct-archive-20250701000000-{crawl_id}-00000.warc.gz", "wb") as f:
                f.write(source.read_bytes()[:-10])
        middleware = WarcMiddleware(get_crawler(), tmp_path, 10**9)
        middleware._repair(SimpleNamespace(db=db, crawl_id=4))
    finally:
        alive.kill()
        alive.wait()
    sizes = {crawl_id: (tmp_path / f"tct-archive-20250701000000-{crawl_id}-00000.warc.gz").stat().st_size
             for crawl_id in ids}  # fmt: skip
    torn = source.stat().st_size - 10
    assert sizes[2] == sizes[3] == sizes[5] == sizes[7] == torn
    assert sizes[1] == sizes[4] == sizes[6] == record_ends(source)[-2]
