"""The database schema, in one place.

Every change is a new migration appended below; `open_db` applies whatever is
pending, so an archive created by any earlier version is brought up to date
the first time a newer version opens it. The README documents every table.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from archive.dedup import NEAR_DUPLICATE_INDEX
from archive.search import FTS_TABLE

migrations = Migrations("tct-archive")

# FTS and views are declared as data, applied by the migrations below.
FTS_COLUMNS = ("title", "text")
FTS_TOKENIZE = "unicode61 remove_diacritics 2"

VIEWS = {
    "site_health": """
select
  s.id as site_id,
  s.name,
  s.province,
  (select max(c.started) from crawl_sites cs join crawls c on c.id = cs.crawl_id
    where cs.site_id = s.id) as last_crawl,
  (select count(*) from articles a where a.site_id = s.id) as articles,
  (select count(*) from pages p where p.site_id = s.id and p.kind = 'error') as pages_failed,
  round(100.0 * (select count(*) from articles a where a.site_id = s.id and a.published is null)
    / max(1, (select count(*) from articles a where a.site_id = s.id)), 1) as pct_no_date,
  round(100.0 * (select count(*) from articles a where a.site_id = s.id and a.author is null)
    / max(1, (select count(*) from articles a where a.site_id = s.id)), 1) as pct_no_author,
  round(100.0 * (select count(*) from articles a where a.site_id = s.id and a.word_count < 80)
    / max(1, (select count(*) from articles a where a.site_id = s.id)), 1) as pct_short_text
from sites s
""",
}


@migrations()
def m001_core(db: Database) -> None:
    db.table("sites").create(
        {
            "id": str,
            "name": str,
            "province": str,
            "start_urls": str,
            "allowed_domains": str,
            "path_prefix": str,
            "sitemap_urls": str,
            "feed_urls": str,
            "cms": str,
            "status": str,
            "merged_into": str,
            "first_crawled": str,
            "last_crawled": str,
        },
        pk="id",
    )
    db.table("crawls").create(
        {
            "id": int,
            "started": str,
            "ended": str,
            "status": str,
            "sites": str,
            "pages": int,
            "articles_new": int,
            "articles_changed": int,
            "aliases_new": int,
            "errors": int,
            "pid": int,
            "message": str,
        },
        pk="id",
    )
    db.table("crawl_sites").create(
        {
            "crawl_id": int,
            "site_id": str,
            "status": str,
            "pages": int,
            "articles_new": int,
            "articles_changed": int,
            "articles_seen": int,
            "aliases_new": int,
            "errors": int,
            "message": str,
        },
        pk=("crawl_id", "site_id"),
        foreign_keys=[("crawl_id", "crawls", "id"), ("site_id", "sites", "id")],
    )
    db.table("articles").create(
        {
            "id": int,
            "site_id": str,
            "url": str,
            "title": str,
            "published": str,
            "published_at": str,
            "author": str,
            "source": str,
            "text": str,
            "word_count": int,
            "content_hash": str,
            "simhash": str,
            "lead": str,
            "cms": str,
            "language": str,
            "first_seen": str,
            "last_seen": str,
            "updated": str,
            "version": int,
            "removed": str,
            "duplicate_of": int,
        },
        pk="id",
        foreign_keys=[("site_id", "sites", "id"), ("duplicate_of", "articles", "id")],
    )
    db.table("pages").create(
        {
            "url": str,
            "site_id": str,
            "status": int,
            "kind": str,
            "fetched": str,
            "checked": str,
            "crawl_id": int,
            "content_type": str,
            "length": int,
            "etag": str,
            "last_modified": str,
            "final_url": str,
            "article_id": int,
            "error": str,
        },
        pk="url",
        foreign_keys=[("site_id", "sites", "id"), ("article_id", "articles", "id")],
    )
    db.table("article_urls").create(
        {"url": str, "article_id": int, "site_id": str, "first_seen": str, "last_seen": str},
        pk="url",
        foreign_keys=[("article_id", "articles", "id"), ("site_id", "sites", "id")],
    )
    db.table("article_versions").create(
        {
            "article_id": int,
            "version": int,
            "captured_at": str,
            "title": str,
            "published": str,
            "author": str,
            "text": str,
            "content_hash": str,
        },
        pk=("article_id", "version"),
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.execute(
        "create table simhash_bands (band integer not null, bits integer not null, "
        "article_id integer not null references articles(id), "
        "primary key (band, bits, article_id)) without rowid"
    )
    _indexes(db)
    _fts(db)
    _views(db)


@migrations()
def m002_captures(db: Database) -> None:
    """Raw captures in WARC files, and the documents articles link to."""
    db.table("captures").create(
        {
            "id": int,
            "url": str,
            "site_id": str,
            "crawl_id": int,
            "fetched": str,
            "status": int,
            "content_type": str,
            "warc_file": str,
            "offset": int,
            "length": int,
            "digest": str,
            "record_id": str,
            "article_id": int,
        },
        pk="id",
        foreign_keys=[("site_id", "sites", "id"), ("article_id", "articles", "id")],
    )
    db.table("captures").create_index(["url"])
    db.table("captures").create_index(["article_id"])
    db.table("attachments").create(
        {
            "id": int,
            "article_id": int,
            "url": str,
            "file_name": str,
            "media_type": str,
            "size": int,
            "sha256": str,
            "capture_id": int,
            "fetched": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("capture_id", "captures", "id")],
    )
    db.table("attachments").create_index(["article_id", "url"], unique=True)


def _indexes(db: Database) -> None:
    db.table("articles").create_index(["site_id", "content_hash"], unique=True)
    db.table("articles").create_index(["published"])
    db.table("articles").create_index(["site_id", "published"])
    db.table("articles").create_index(["duplicate_of"])
    db.table("articles").create_index(["first_seen"])
    db.table("article_urls").create_index(["article_id"])
    db.table("pages").create_index(["site_id", "kind"])
    db.table("pages").create_index(["article_id"])
    db.table("crawl_sites").create_index(["site_id"])
    db.table("simhash_bands").create_index(["article_id"])


def _fts(db: Database) -> None:
    columns = ", ".join(FTS_COLUMNS)
    db.execute(
        f"create virtual table {FTS_TABLE} using fts5({columns}, content='', "
        f"tokenize='{FTS_TOKENIZE}')"
    )


def _views(db: Database) -> None:
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)


def open_db(path: str, *, migrate: bool = True) -> Database:
    """Open the archive in WAL mode (readers never block the crawler) and migrate it."""
    db = Database(path)
    db.execute("pragma busy_timeout = 30000")
    db.enable_wal()
    db.execute("pragma synchronous = normal")
    db.execute("pragma foreign_keys = on")
    if migrate:
        migrations.apply(db)
    return db


@migrations()
def m003_browse_columns(db: Database) -> None:
    """Facets by province, year and month, indexes for charts and facets, a faster site_health.

    ``year`` and ``month`` are virtual generated columns: computed from
    ``published``, so no writer has to fill them. ``province`` is copied from
    ``sites`` by triggers rather than by each writer, so every insert path
    fills it and a site's change of province (the 2025 mergers) reaches its
    articles. ``site_health`` is redefined to read ``articles`` once, through
    a covering index, never the article text (the first version counted it
    five times per site), and adds the share of incomplete articles among
    those new in the site's last crawl: a layout change shows there first.
    """
    for name, expr in (("year", "substr(published, 1, 4)"), ("month", "substr(published, 1, 7)")):
        db.execute(f"alter table articles add column {name} text generated always as ({expr})")
    db.execute("alter table articles add column province text")
    db.execute(
        "update articles set province = "
        "(select province from sites where sites.id = articles.site_id)"
    )
    db.execute(
        "create trigger articles_province_insert after insert on articles begin "
        "update articles set province = (select province from sites where id = new.site_id) "
        "where id = new.id; end"
    )
    db.execute(
        "create trigger articles_province_site after update of site_id on articles begin "
        "update articles set province = (select province from sites where id = new.site_id) "
        "where id = new.id; end"
    )
    db.execute(
        "create trigger sites_province_update after update of province on sites begin "
        "update articles set province = new.province where site_id = new.id; end"
    )
    for columns in (
        ["site_id", "first_seen", "published", "author", "word_count"],
        ["site_id", "month"],
        ["province", "month"],
        ["year"],
        ["author"],
        ["version"],
    ):
        db.table("articles").create_index(columns, if_not_exists=True)
    db.create_view(
        "site_health",
        """
with last as (
  select cs.site_id, max(c.started) as started
  from crawl_sites cs join crawls c on c.id = cs.crawl_id group by cs.site_id
),
a as (
  select site_id, count(*) as n,
    sum(published is null) as no_date,
    sum(author is null or author = '') as no_author,
    sum(coalesce(word_count, 0) < 80) as short
  from articles group by site_id
),
r as (
  select last.site_id, count(*) as n,
    sum(a.published is null or a.author is null or a.author = ''
        or coalesce(a.word_count, 0) < 80) as incomplete
  from last join articles a on a.site_id = last.site_id and a.first_seen >= last.started
  group by last.site_id
),
p as (select site_id, count(*) as n from pages where kind = 'error' group by site_id)
select
  s.id as site_id,
  s.name,
  s.province,
  last.started as last_crawl,
  coalesce(a.n, 0) as articles,
  coalesce(p.n, 0) as pages_failed,
  round(100.0 * coalesce(a.no_date, 0) / max(1, coalesce(a.n, 0)), 1) as pct_no_date,
  round(100.0 * coalesce(a.no_author, 0) / max(1, coalesce(a.n, 0)), 1) as pct_no_author,
  round(100.0 * coalesce(a.short, 0) / max(1, coalesce(a.n, 0)), 1) as pct_short_text,
  coalesce(r.n, 0) as new_in_last_crawl,
  round(100.0 * coalesce(r.incomplete, 0) / max(1, coalesce(r.n, 0)), 1)
    as pct_incomplete_last_crawl
from sites s
left join last on last.site_id = s.id
left join a on a.site_id = s.id
left join r on r.site_id = s.id
left join p on p.site_id = s.id
""",
        replace=True,
    )


@migrations()
def m004_recrawl(db: Database) -> None:
    """Incremental recrawl and resume: the persisted frontier, and what each crawl cost.

    ``frontier`` holds every request scheduled and not yet processed (see
    archive/frontier.py); a killed crawl's rows are taken over by the next
    run. ``crawls`` gains the downloader's figures (``requests``, ``bytes``),
    304 answers (``not_modified``) and ``resumed_by``; ``crawl_sites`` gains
    ``not_modified`` and ``articles_removed``.
    """
    db.execute(
        "create table frontier (url text primary key, site_id text not null, depth integer, "
        "kind text, crawl_id integer references crawls(id), added text)"
    )
    db.table("frontier").create_index(["crawl_id"])
    db.table("frontier").create_index(["site_id"])
    for column in ("requests", "bytes", "not_modified", "resumed_by"):
        db.table("crawls").add_column(column, int)
    for column in ("not_modified", "articles_removed"):
        db.table("crawl_sites").add_column(column, int)


@migrations()
def m005_capture_files(db: Database) -> None:
    """Captures by WARC file: the end of a file's last record (repair after a kill) and a
    file's records in order (export) without scanning the table."""
    db.table("captures").create_index(["warc_file", "offset"], if_not_exists=True)


@migrations()
def m006_frontier_via(db: Database) -> None:
    """``frontier.via``: the articles (a JSON list of URLs) an attachment request is for,
    so that a resumed crawl records the document for each of them."""
    db.table("frontier").add_column("via", str)


@migrations()
def m007_near_duplicate_lookup(db: Database) -> None:
    """A covering index for the near-duplicate lookup (archive.dedup).

    Each new article reads the fingerprint of every article sharing one of its
    eight simhash bands: about one in 32 of the archive. Read from the table,
    each of those rows is the whole article (the fingerprint sits after the
    text); from this index it is a few bytes. At 50,000 articles a lookup
    went from 240 ms to 15 ms.
    """
    db.table("articles").create_index(
        ["id", "simhash", "duplicate_of"], index_name=NEAR_DUPLICATE_INDEX, if_not_exists=True
    )
