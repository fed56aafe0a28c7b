"""The database schema, in one place.

Every change is a new migration appended below; `open_db` applies whatever is
pending, so an archive created by any earlier version is brought up to date
the first time a newer version opens it. The README documents every table.
"""

from __future__ import annotations

import unicodedata

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from archive.store import search
from archive.store.dedup import NEAR_DUPLICATE_INDEX, bands
from archive.store.search import FTS_TABLE

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
    archive/capture/frontier.py); a killed crawl's rows are taken over by the next
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
    """A covering index for the near-duplicate lookup (archive.store.dedup).

    Each new article reads the fingerprint of every article sharing one of its
    eight simhash bands: about one in 32 of the archive. Read from the table,
    each of those rows is the whole article (the fingerprint sits after the
    text); from this index it is a few bytes. At 50,000 articles a lookup
    went from 240 ms to 15 ms.
    """
    db.table("articles").create_index(
        ["id", "simhash", "duplicate_of"], index_name=NEAR_DUPLICATE_INDEX, if_not_exists=True
    )


# m008: the per-site and per-month figures, kept by triggers (see archive/store/summary.py).
# {r} is new or old; every statement ignores articles without a site.
_STATS_ADD = """
insert into site_stats(site_id, articles, no_date, no_author, short_text)
select {r}.site_id, 1, {r}.published is null, {r}.author is null or {r}.author = '',
  coalesce({r}.word_count, 0) < 80
where {r}.site_id is not null
on conflict(site_id) do update set
  articles = articles + 1,
  no_date = no_date + excluded.no_date,
  no_author = no_author + excluded.no_author,
  short_text = short_text + excluded.short_text,
  new_in_last_crawl = new_in_last_crawl + coalesce({r}.first_seen >= last_crawl, 0),
  incomplete_in_last_crawl = incomplete_in_last_crawl
    + coalesce({r}.first_seen >= last_crawl and {incomplete}, 0);
insert into site_months(site_id, month, articles)
select {r}.site_id, {r}.month, 1 where {r}.site_id is not null and {r}.month is not null
on conflict(site_id, month) do update set articles = articles + 1;
"""
_STATS_REMOVE = """
update site_stats set
  articles = articles - 1,
  no_date = no_date - ({r}.published is null),
  no_author = no_author - ({r}.author is null or {r}.author = ''),
  short_text = short_text - (coalesce({r}.word_count, 0) < 80),
  new_in_last_crawl = new_in_last_crawl - coalesce({r}.first_seen >= last_crawl, 0),
  incomplete_in_last_crawl = incomplete_in_last_crawl
    - coalesce({r}.first_seen >= last_crawl and {incomplete}, 0)
where site_id = {r}.site_id;
update site_months set articles = articles - 1 where site_id = {r}.site_id and month = {r}.month;
delete from site_months where site_id = {r}.site_id and month = {r}.month and articles <= 0;
"""
# A site's last crawl and the articles first seen since it started, counted again through
# the (site_id, first_seen, published, author, word_count) index from that start. {sites}
# says which site_stats rows: those of the crawl_sites row, or of every site of a crawl.
_STATS_LAST_CRAWL = """
update site_stats set last_crawl = (
  select max(c.started) from crawl_sites cs join crawls c on c.id = cs.crawl_id
  where cs.site_id = site_stats.site_id
) where {sites};
update site_stats set
  new_in_last_crawl = (
    select count(*) from articles a
    where a.site_id = site_stats.site_id and a.first_seen >= site_stats.last_crawl
  ),
  incomplete_in_last_crawl = (
    select coalesce(sum({incomplete}), 0) from articles a
    where a.site_id = site_stats.site_id and a.first_seen >= site_stats.last_crawl
  )
where {sites};
"""
_STATS_NEW_SITE = """
insert into site_stats(site_id) select new.site_id where new.site_id is not null
on conflict(site_id) do nothing;
"""


def _incomplete(row: str) -> str:
    return (
        f"({row}.published is null or {row}.author is null or {row}.author = '' "
        f"or coalesce({row}.word_count, 0) < 80)"
    )


def _summary_triggers() -> dict[str, str]:
    add = _STATS_ADD.format(r="new", incomplete=_incomplete("new"))
    remove = _STATS_REMOVE.format(r="old", incomplete=_incomplete("old"))

    def last(sites: str) -> str:
        return _STATS_LAST_CRAWL.format(sites=sites, incomplete=_incomplete("a"))

    last_new = _STATS_NEW_SITE + last("site_id = new.site_id")
    last_old = last("site_id = old.site_id")
    of_crawl = last("site_id in (select site_id from crawl_sites where crawl_id = new.id)")
    return {
        "articles_stats_insert": f"after insert on articles begin {add} end",
        "articles_stats_delete": f"after delete on articles begin {remove} end",
        "articles_stats_update": (
            "after update of site_id, published, author, word_count, first_seen on articles "
            f"begin {remove} {add} end"
        ),
        "crawl_sites_stats_insert": f"after insert on crawl_sites begin {last_new} end",
        "crawl_sites_stats_delete": f"after delete on crawl_sites begin {last_old} end",
        "crawl_sites_stats_update": (
            f"after update of crawl_id, site_id on crawl_sites begin {last_old} {last_new} end"
        ),
        "crawls_stats_started": f"after update of started on crawls begin {of_crawl} end",
    }


SITE_HEALTH_FROM_SUMMARY = """
select
  s.id as site_id,
  s.name,
  s.province,
  st.last_crawl,
  coalesce(st.articles, 0) as articles,
  (select count(*) from pages p where p.site_id = s.id and p.kind = 'error') as pages_failed,
  round(100.0 * coalesce(st.no_date, 0) / max(1, coalesce(st.articles, 0)), 1) as pct_no_date,
  round(100.0 * coalesce(st.no_author, 0) / max(1, coalesce(st.articles, 0)), 1) as pct_no_author,
  round(100.0 * coalesce(st.short_text, 0) / max(1, coalesce(st.articles, 0)), 1)
    as pct_short_text,
  coalesce(st.new_in_last_crawl, 0) as new_in_last_crawl,
  round(100.0 * coalesce(st.incomplete_in_last_crawl, 0)
    / max(1, coalesce(st.new_in_last_crawl, 0)), 1) as pct_incomplete_last_crawl
from sites s
left join site_stats st on st.site_id = s.id
"""


@migrations()
def m008_summaries(db: Database) -> None:
    """Whole-archive figures read from summary tables, near-copies from a partial index.

    ``site_stats`` (per site) and ``site_months`` (per site and month of
    publication) hold the counts that ``site_health``, ``per_site_month`` and
    the dashboard computed over every article on every view (1.6-3.7 s at
    1,000,000 articles); triggers keep them exact (archive/store/summary.py), and
    ``site_health`` reads them, with the same columns. The index on
    ``duplicate_of`` becomes ``(duplicate_of, site_id)`` for the ~3 % of
    articles that are near-copies only: the near_duplicates query reads it
    instead of the table, and new articles (duplicate_of null) no longer add
    an entry to it. ``(site_id, month)`` and ``(province, month)`` go (their
    counts are in site_months); ``(year)``, ``(author)`` become ``(year,
    published)``, ``(author, published)``, with ``(province, published)``:
    a table search filtered on a facet walks them in publication order
    (datasette/plugins/article_search.py). Net, articles carry one full
    index fewer. At 1,000,000 articles this migration took 12 s with the file
    in the page cache (each new index reads the table once; see
    docs/performance.md); an insert into articles costs ~8 µs more (the
    triggers), out of ~80 µs for the insert and ~28 ms for storing an article.
    """
    from archive.store import summary

    db.execute(
        "create table site_stats (site_id text primary key, "
        "articles integer not null default 0, no_date integer not null default 0, "
        "no_author integer not null default 0, short_text integer not null default 0, "
        "last_crawl text, new_in_last_crawl integer not null default 0, "
        "incomplete_in_last_crawl integer not null default 0)"
    )
    db.execute(
        "create table site_months (site_id text not null, month text not null, "
        "articles integer not null, primary key (site_id, month)) without rowid"
    )
    for name, body in _summary_triggers().items():
        db.execute(f"create trigger {name} {body}")
    summary.refresh(db)
    db.create_view("site_health", SITE_HEALTH_FROM_SUMMARY, replace=True)
    db.execute("drop index if exists idx_articles_duplicate_of")
    db.execute(
        "create index if not exists idx_articles_duplicate_of_site_id "
        "on articles(duplicate_of, site_id) where duplicate_of is not null"
    )
    # The month indexes served the counts now in site_months; a facet column followed by
    # the publication date lets a search filtered on it walk in the order shown.
    for name in ("site_id_month", "province_month", "year", "author"):
        db.execute(f"drop index if exists idx_articles_{name}")
    for column in ("year", "author", "province"):
        db.table("articles").create_index([column, "published"], if_not_exists=True)


@migrations()
def m009_pages_browse(db: Database) -> None:
    """The ``pages`` table as Datasette shows it: newest fetch first, faceted by kind and
    status. Without these, each view sorted every row and counted kinds and statuses
    from the table (1.2 s with 1,010,000 pages, docs/performance.md)."""
    for column in ("fetched", "kind", "status"):
        db.table("pages").create_index([column], if_not_exists=True)


@migrations()
def m010_simhash_blocks(db: Database) -> None:
    """simhash_bands rebuilt as four 16-bit blocks (archive.store.dedup), probed within two bits.

    The eight 8-bit bands made each lookup read one in 32 articles (31,000 rows
    and 150 ms at a million); the blocks read one in 120 and find every pair the
    bands found. The rows are derived from ``articles.simhash`` alone.
    """
    db.execute("delete from simhash_bands")
    rows = db.execute("select id, simhash from articles where simhash is not null")
    while chunk := rows.fetchmany(10_000):
        db.conn.executemany(
            "insert into simhash_bands(band, bits, article_id) values (?, ?, ?)",
            [(band, bits, row_id) for row_id, hexhash in chunk
             for band, bits in bands(int(hexhash, 16))],
        )  # fmt: skip


@migrations()
def m011_minhash_sketches(db: Database) -> None:
    """A MinHash sketch per article (archive.store.dedup), so that the near-duplicate lookup
    skips a close fingerprint whose text is plainly another without reading it.

    Left empty here: computing a million sketches would take minutes at the first
    start of a new version. Instead each older article gets its sketch the first
    time a lookup reads it, and every article stored from now on has one.
    """
    db.execute(
        "create table if not exists minhash_sketches "
        "(article_id integer primary key references articles(id) on delete cascade, "
        "sketch blob not null)"
    )


#: site_health as m012 left it: m008's columns, plus the status of the site's last crawl
#: and the share of its articles extracted by the generic path or carrying quality flags.
SITE_HEALTH_WITH_STATUS = SITE_HEALTH_FROM_SUMMARY.replace(
    "from sites s\n",
    """  , (select cs.status from crawl_sites cs join crawls c on c.id = cs.crawl_id
     where cs.site_id = s.id order by c.started desc, c.id desc limit 1) as last_status,
  round(100.0 * (select count(*) from articles g where g.site_id = s.id and g.generic = 1)
    / max(1, coalesce(st.articles, 0)), 1) as pct_generic,
  round(100.0 * (select count(*) from articles f where f.site_id = s.id and f.flags is not null)
    / max(1, coalesce(st.articles, 0)), 1) as pct_flagged
from sites s
""",
)


@migrations()
def m012_extraction_paths(db: Database) -> None:
    """What extraction found beside the text, how, and the crawls that found nothing.

    ``articles`` gains ``captions`` (image captions, one per line; searchable),
    ``extraction`` (JSON: which path found each field: a site rule, a CMS rule
    or the generic path), ``generic`` (1 when the body came from the generic
    path) and ``flags`` (quality flags, space-separated, null when none).
    ``crawl_sites`` gains ``articles_found`` (distinct articles the run stored,
    confirmed with a 304, or still found linked while not due) and
    ``listings``, so a crawl that finds no article, or far fewer than the
    last one, says so. Two
    partial indexes let ``site_health`` count generic and flagged articles per
    site without reading the others.
    """
    articles = db.table("articles")
    for column, kind in (("captions", str), ("extraction", str), ("generic", int), ("flags", str)):
        if column not in articles.columns_dict:
            articles.add_column(column, kind)
    for column in ("articles_found", "listings"):
        if column not in db.table("crawl_sites").columns_dict:
            db.table("crawl_sites").add_column(column, int)
    db.execute(
        "create index if not exists idx_articles_generic on articles(site_id) where generic = 1"
    )
    db.execute(
        "create index if not exists idx_articles_flagged on articles(site_id) "
        "where flags is not null"
    )
    db.create_view("site_health", SITE_HEALTH_WITH_STATUS, replace=True)


@migrations()
def m013_fold_eth(db: Database) -> None:
    """Articles holding ``Ð``/``ð`` (a stand-in for ``Đ``) re-indexed: fold now maps them to
    ``d``, so ``dang`` finds ``ÐẢNG``. Only those rows change: the others fold as before.
    """
    where = " or ".join(f"instr(coalesce(title, '') || text, '{c}')" for c in search.ETH)
    rows = db.execute(f"select id, title, text from articles where {where}").fetchall()
    for article_id, title, text in rows:
        before = [_fold_before_m013(title or ""), _fold_before_m013(text or "")]
        db.execute(
            f"insert into {FTS_TABLE}({FTS_TABLE}, rowid, title, text) values ('delete', ?, ?, ?)",
            [article_id, *before],
        )
        search.index_article(db, article_id, title, text)


def _fold_before_m013(text: str) -> str:
    """What :func:`archive.store.search.fold` gave before m013 (``ð`` kept): a contentless
    index's rows are deleted with the values they were indexed with."""
    decomposed = unicodedata.normalize("NFD", text.translate({ord("đ"): "d", ord("Đ"): "d"}))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


#: site_health as m014 leaves it: m012's, plus the count of monitors that failed for the
#: site in its last crawl (the site health page links them).
SITE_HEALTH_WITH_ALERTS = SITE_HEALTH_WITH_STATUS.replace(
    "from sites s\n",
    """  , (select count(*) from monitor_results m where m.site_id = s.id and m.passed = 0
     and m.crawl_id = (select cs.crawl_id from crawl_sites cs join crawls c on c.id = cs.crawl_id
       where cs.site_id = s.id order by c.started desc, c.id desc limit 1)) as alerts
from sites s
""",
)


@migrations()
def m014_monitor_results(db: Database) -> None:
    """What the monitors found at the end of each crawl, and the tallies they judge.

    ``monitor_results`` has one row per crawl, site and monitor (``passed`` 0 or 1, and
    why). ``crawl_sites`` gains what the crawl extracted (articles, with a title, a date,
    an author, their words, by the generic path) and its time-outs and off-site
    redirects, so each crawl is compared with the site's own earlier crawls
    (archive/store/history.py). ``site_health`` gains ``alerts``.
    """
    if "monitor_results" not in db.table_names():
        db.table("monitor_results").create(
            {"id": int, "crawl_id": int, "site_id": str, "monitor": str, "passed": int,
             "message": str},
            pk="id",
            foreign_keys=[("crawl_id", "crawls", "id"), ("site_id", "sites", "id")],
        )  # fmt: skip
        db.table("monitor_results").create_index(["crawl_id"])
        db.table("monitor_results").create_index(["site_id", "passed"])
    crawl_sites = db.table("crawl_sites")
    for column in ("extracted", "with_title", "with_date", "with_author", "body_words",
                   "generic", "timeouts", "offsite_redirects"):  # fmt: skip
        if column not in crawl_sites.columns_dict:
            crawl_sites.add_column(column, int)
    db.execute("create index if not exists idx_pages_crawl_id on pages(crawl_id)")
    db.create_view("site_health", SITE_HEALTH_WITH_ALERTS, replace=True)


@migrations()
def m015_document_text(db: Database) -> None:
    """The text of attached documents, searchable with the articles.

    ``attachments`` gains ``text`` (NFC), ``pages``, ``text_method`` (``pdf-text``,
    ``ocr``, ``docx``, ``xlsx``, ``odt``, ``antiword``, ``catdoc``, ``xls2csv``; ``+tcvn3``
    or ``+vni`` when converted from a legacy font encoding) and ``text_error`` (why there
    is no text, or only part of it). ``attachments_fts`` is a contentless index of that
    text (rowid = ``attachments.id``), folded like ``articles_fts``; existing rows get
    their text from ``tct-archive reextract``. An index on ``sha256`` lets the same file
    linked from several articles be read once.
    """
    table = db.table("attachments")
    for column, kind in (("text", str), ("pages", int), ("text_method", str),
                         ("text_error", str)):  # fmt: skip
        if column not in table.columns_dict:
            table.add_column(column, kind)
    db.execute("create index if not exists idx_attachments_sha256 on attachments(sha256)")
    db.execute(
        f"create virtual table if not exists {search.DOCUMENTS_FTS} using fts5(text, "
        f"content='', tokenize='{FTS_TOKENIZE}')"
    )


@migrations()
def m016_ingest_progress(db: Database) -> None:
    """Redis mode's writer (crawler/ingest.py): the last stream entry it stored, per stream.

    Written in the same transaction as the records, so a writer killed between its
    commit and its acknowledgement to Redis skips, on restart, what it already stored.
    """
    db.execute("create table if not exists ingest_progress (stream text primary key, last_id text)")


@migrations()
def m017_url_shapes(db: Database) -> None:
    """What each site's pages of each URL shape were found to be (archive.extract.shapes),
    kept from one crawl to the next: a recrawl confirms a shape's verdict with one page
    read instead of three."""
    db.execute(
        "create table if not exists url_shapes (site_id text, shape text, kind text, "
        "pages integer, primary key (site_id, shape, kind))"
    )


@migrations()
def m018_listing_keys(db: Database) -> None:
    """What each listing showed when last read as one, under which rules
    (archive.extract.verdicts): a recrawl takes a page showing it again as that listing
    without reading it."""
    db.execute("alter table pages add column listing_key text")
