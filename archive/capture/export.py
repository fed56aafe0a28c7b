"""Exports: the articles as JSON Lines or CSV, the captures as a WACZ package.

JSON Lines and CSV stream from one query (SQLite builds each row's aliases,
captures and attachments as JSON), so an archive of any size is exported in
constant memory. WACZ goes through the ``wacz`` package: the WARC files
plus a CDXJ index and a page list built from the articles (title and the
capture's timestamp), so ReplayWeb.page and pywb open the archived sites at
their articles.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

from sqlite_utils import Database
from warcio.archiveiterator import ArchiveIterator
from warcio.warcwriter import WARCWriter

from archive.capture import warcs

FORMATS = ("jsonl", "csv", "wacz")

#: Columns of an exported article, in order (lists are JSON in CSV cells).
COLUMNS = (
    "id", "site_id", "site_name", "province", "url", "title", "published", "published_at",
    "author", "source", "lead", "text", "word_count", "language", "cms", "content_hash",
    "version", "first_seen", "last_seen", "updated", "removed", "duplicate_of",
    "aliases", "captures", "attachments",
)  # fmt: skip
LIST_COLUMNS = ("aliases", "captures", "attachments")

_ARTICLES_SQL = """
select a.id, a.site_id, s.name as site_name, s.province, a.url, a.title, a.published,
  a.published_at, a.author, a.source, a.lead, a.text, a.word_count, a.language, a.cms,
  a.content_hash, a.version, a.first_seen, a.last_seen, a.updated, a.removed, a.duplicate_of,
  (select json_group_array(url) from (select u.url from article_urls u
     where u.article_id = a.id and u.url != a.url order by u.url)) as aliases,
  (select json_group_array(json_object('id', id, 'url', url, 'fetched', fetched,
     'status', status, 'warc_file', warc_file, 'offset', "offset", 'length', length,
     'digest', digest, 'record_id', record_id))
   from (select * from captures c where c.article_id = a.id order by c.id)) as captures,
  (select json_group_array(json_object('url', url, 'file_name', file_name,
     'media_type', media_type, 'size', size, 'sha256', sha256, 'capture_id', capture_id))
   from (select * from attachments t where t.article_id = a.id order by t.id)) as attachments
from articles a join sites s on s.id = a.site_id
where (:site is null or a.site_id = :site)
order by a.id
"""


class ExportError(Exception):
    """The export could not be made (a WARC file missing, the wacz tool failing)."""


def articles(db: Database, site_id: str | None = None) -> Iterator[dict[str, Any]]:
    """Every article (of one site) with its site, aliases, captures and attachments, streamed."""
    cursor = db.execute(_ARTICLES_SQL, {"site": site_id})
    names = [d[0] for d in cursor.description]
    for values in cursor:
        row = dict(zip(names, values, strict=True))
        for column in LIST_COLUMNS:
            row[column] = json.loads(row[column] or "[]")
        yield row


def write_jsonl(db: Database, out: IO[str], site_id: str | None = None) -> int:
    count = 0
    for row in articles(db, site_id):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(db: Database, out: IO[str], site_id: str | None = None) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in articles(db, site_id):
        for column in LIST_COLUMNS:
            row[column] = json.dumps(row[column], ensure_ascii=False)
        writer.writerow(row)
        count += 1
    return count


# --- WACZ ----------------------------------------------------------------------


def write_wacz(db: Database, warc_dir: str | os.PathLike[str], output: str | os.PathLike[str],
               site_id: str | None = None, title: str | None = None) -> int:  # fmt: skip
    """A WACZ of the archive (or one site); returns the number of pages listed.

    With ``site_id``, only that site's records are packed: its responses and
    their requests are copied, byte for byte, into one new WARC file.
    """
    warc_dir = Path(warc_dir)
    files = _warc_files(db, warc_dir, site_id)
    with tempfile.TemporaryDirectory(prefix="tct-wacz-") as tmp:
        if site_id is not None:
            files = [_site_warc(db, warc_dir, files, site_id, Path(tmp))]
        pages_path = Path(tmp) / "pages.jsonl"
        count = _write_pages(db, pages_path, site_id)
        args = ["create", "-o", str(output), "--title", title or _title(db, site_id)]
        args += ["--pages", str(pages_path)] if count else ["--detect-pages"]
        _run_wacz([*args, *map(str, files)])
    return count


def validate_wacz(path: str | os.PathLike[str]) -> bool:
    """The ``wacz validate`` verdict (required files, hashes, datapackage)."""
    try:
        _run_wacz(["validate", "-f", str(path)])
    except ExportError:
        return False
    return True


def _warc_files(db: Database, warc_dir: Path, site_id: str | None) -> list[Path]:
    rows = db.execute(
        "select distinct warc_file from captures where warc_file is not null "
        "and (:site is null or site_id = :site) order by warc_file",
        {"site": site_id},
    ).fetchall()
    files = [warc_dir / name for (name,) in rows]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise ExportError(f"WARC file(s) missing: {', '.join(missing[:5])}")
    if not files:
        raise ExportError("no captures to export (was the archive crawled with WARC capture on?)")
    return files


def _site_warc(db: Database, warc_dir: Path, files: Sequence[Path], site_id: str,
               folder: Path) -> Path:  # fmt: skip
    """One WARC file holding the site's records only (responses and their requests)."""
    ids = {r for (r,) in db.execute("select record_id from captures where site_id = ?", [site_id])}
    target = folder / f"{warcs.PREFIX}-{site_id}{warcs.SUFFIX}"
    with open(target, "wb") as out:
        writer = WARCWriter(out, gzip=True, warc_version="1.1")
        info = {
            "software": warcs.SOFTWARE,
            "format": "WARC File Format 1.1",
            "description": f"The records of site {site_id}, copied from the archive",
        }
        writer.write_record(writer.create_warcinfo_record(target.name, info))
        for path in files:
            with open(path, "rb") as f:
                for offset, length in _members(path, ids):
                    f.seek(offset)
                    out.write(f.read(length))
    return target


def _members(path: Path, ids: set[str]) -> list[tuple[int, int]]:
    """(offset, length) of the records in ``ids`` and of the requests made with them."""
    found = []
    with open(path, "rb") as f:
        records = ArchiveIterator(f)
        for record in records:
            own = record.rec_headers.get_header("WARC-Record-ID")
            concurrent = record.rec_headers.get_header("WARC-Concurrent-To")
            if own in ids or concurrent in ids:
                records.read_to_end(record)
                found.append((records.get_record_offset(), records.get_record_length()))
    return found


def _write_pages(db: Database, path: Path, site_id: str | None) -> int:
    """pages.jsonl from the articles: the newest capture of each (at the article's own URL
    if it was fetched there), at its exact timestamp."""
    ok = "from captures where article_id = a.id and status between 200 and 299"
    rows = db.execute(
        f"select a.title, c.url, c.fetched from articles a join captures c on c.id = "
        f"coalesce((select max(id) {ok} and url = a.url), (select max(id) {ok})) "
        "where (:site is null or a.site_id = :site) order by a.id",
        {"site": site_id},
    )
    count = 0
    with open(path, "w", encoding="utf-8") as out:
        out.write(json.dumps({"format": "json-pages-1.0", "id": "pages", "title": "Articles"}))
        out.write("\n")
        for title, url, fetched in rows:
            page = {"url": url, "ts": fetched, "title": title or url}
            out.write(json.dumps(page, ensure_ascii=False) + "\n")
            count += 1
    return count


def _title(db: Database, site_id: str | None) -> str:
    if site_id is None:
        return "tct-archive: Vietnam's provincial political schools"
    row = db.execute("select name from sites where id = ?", [site_id]).fetchone()
    return f"tct-archive: {row[0] if row else site_id}"


def _run_wacz(args: list[str]) -> str:
    """The ``wacz`` command line, in a child process (it prints, and leaves files open)."""
    result = subprocess.run([sys.executable, "-m", "wacz", *args], capture_output=True,
                            text=True, check=False)  # fmt: skip
    if result.returncode:
        lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
        raise ExportError(f"wacz {args[0]} failed: {' / '.join(lines[-3:])}")
    return result.stdout
