"""Saving crawl results: ``save_*(db, record)`` functions, no fetching here.

Each function is one transaction, so a crawl killed at any moment leaves the
archive as it was before or after a record, never in between. They use
``db.atomic()``, which nests as a savepoint: a caller may group several of
them (the crawl session stores a page, its article and its frontier row in
one transaction).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from archive.extract.records import Article
from archive.sites.registry import Site
from archive.store import dedup, search

NEW, CHANGED, UNCHANGED, ALIAS = "new", "changed", "unchanged", "alias"

#: SQL of the crawl's per-row writes, by (table, columns, conflict key). sqlite-utils'
#: ``Table.insert`` and ``upsert`` read the table's schema on every call (``PRAGMA
#: table_info``, ``table_names``): a third of the crawl's storage CPU per page.
_WRITES: dict[tuple[str, tuple[str, ...], str | None], str] = {}


def _write_row(db: Database, table: str, row: Mapping[str, Any], key: str | None = None) -> int:
    """Insert ``row`` (or, with ``key``, update the row with that key: an upsert of the
    given columns, as sqlite-utils' ``upsert`` does); returns the rowid.

    Call inside ``db.atomic()``: this goes to the connection directly.
    """
    columns = tuple(row)
    sql = _WRITES.get((table, columns, key))
    if sql is None:
        names = ", ".join(f"[{c}]" for c in columns)
        sql = f"insert into [{table}] ({names}) values ({', '.join('?' * len(columns))})"
        if key is not None:
            sets = ", ".join(f"[{c}] = excluded.[{c}]" for c in columns if c != key)
            sql += f" on conflict([{key}]) do update set {sets}"
        _WRITES[(table, columns, key)] = sql
    cursor = db.conn.execute(sql, list(row.values()))
    return int(cursor.lastrowid or 0)


def now() -> str:
    """Current time as stored everywhere: ISO 8601 UTC, seconds precision."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Outcome:
    article_id: int
    status: str  # new, changed, unchanged or alias
    duplicate_of: int | None = None


def save_sites(db: Database, sites: Iterable[Site]) -> None:
    with db.atomic():
        for site in sites:
            row = site.to_row()
            for key in ("start_urls", "allowed_domains", "sitemap_urls", "feed_urls"):
                row[key] = json.dumps(row[key], ensure_ascii=False)
            db.table("sites").upsert(row, pk="id")


def save_shapes(db: Database, site_id: str, shapes: Mapping[str, Mapping[str, int]]) -> None:
    """The crawl's counts of the site's page kinds per URL shape (``url_shapes``); shapes
    it did not meet keep their rows."""
    rows = [
        {"site_id": site_id, "shape": shape, "kind": kind, "pages": pages}
        for shape, kinds in shapes.items()
        for kind, pages in kinds.items()
        if pages
    ]
    if rows:
        db.table("url_shapes").upsert_all(rows, pk=("site_id", "shape", "kind"))


def start_crawl(db: Database, site_ids: list[str], pid: int) -> int:
    with db.atomic():
        table = db.table("crawls")
        table.insert(
            {"started": now(), "status": "running", "sites": json.dumps(site_ids), "pid": pid}
        )
        return int(table.last_pk)  # type: ignore[arg-type]


def finish_crawl(db: Database, crawl_id: int, status: str, counts: Mapping[str, Any]) -> None:
    row = {"ended": now(), "status": status, **counts}
    with db.atomic():
        db.table("crawls").update(crawl_id, row)


def save_crawl_site(db: Database, crawl_id: int, site_id: str, counts: Mapping[str, Any]) -> None:
    with db.atomic():
        db.table("crawl_sites").upsert(
            {"crawl_id": crawl_id, "site_id": site_id, **counts}, pk=("crawl_id", "site_id")
        )
        db.table("sites").update(site_id, {"last_crawled": now()})
        db.execute(
            "update sites set first_crawled = last_crawled where id = ? and first_crawled is null",
            [site_id],
        )


def save_page(db: Database, row: Mapping[str, Any]) -> None:
    """Record one fetch (or failure) of a URL; the newest fetch wins."""
    with db.atomic():
        _write_row(db, "pages", row, key="url")


def get_page(db: Database, url: str) -> dict[str, Any] | None:
    rows = list(db.query("select * from pages where url = ?", [url]))
    return rows[0] if rows else None


def save_article(
    db: Database,
    site_id: str,
    url: str,
    article: Article,
    *,
    fetched: str,
    crawl_id: int | None,
    also: Sequence[str] = (),
) -> Outcome:
    """Store an extracted article: new, a new version, unchanged, or an alias.

    ``also`` lists other URLs known to serve this page (redirects, shortlinks).
    """
    primary = article.canonical_url or url
    urls = list(dict.fromkeys([primary, url, *also]))
    digest = dedup.content_hash(article.text)
    with db.atomic():
        existing = _article_for_urls(db, urls)
        if existing and existing["content_hash"] == digest:
            _touch(db, existing["id"], urls, site_id, fetched)
            return Outcome(existing["id"], UNCHANGED, existing["duplicate_of"])
        same_text = _article_with_hash(db, site_id, digest)
        if same_text:
            _touch(db, same_text["id"], urls, site_id, fetched)
            return Outcome(same_text["id"], ALIAS, same_text["duplicate_of"])
        if existing and existing["url"] in urls:
            return _save_version(db, existing, article, digest, urls, site_id, fetched)
        return _insert_article(db, site_id, primary, urls, article, digest, fetched)


def save_alias(
    db: Database, site_id: str, article_url: str, urls: Sequence[str], *, fetched: str
) -> Outcome | None:
    """More URLs of the article stored at ``article_url``, known without reading the page's
    text again (archive.extract.page: a page that declares the article as its canonical URL, or
    is found at one of its URLs, and shows its title). ``unchanged``, as
    :func:`save_article` says of a page whose canonical article has the same text;
    None if no article is stored at ``article_url``."""
    with db.atomic():
        row = db.execute(
            "select a.id, a.duplicate_of from article_urls u join articles a "
            "on a.id = u.article_id where u.url = ?",
            [article_url],
        ).fetchone()
        if row is None:
            return None
        _touch(db, row[0], list(dict.fromkeys([article_url, *urls])), site_id, fetched)
        return Outcome(int(row[0]), UNCHANGED, row[1])


def _article_for_urls(db: Database, urls: list[str]) -> dict[str, Any] | None:
    marks = ",".join("?" for _ in urls)
    rows = list(
        db.query(
            f"select a.* from article_urls u join articles a on a.id = u.article_id "
            f"where u.url in ({marks}) order by a.id limit 1",
            urls,
        )
    )
    return rows[0] if rows else None


def _article_with_hash(db: Database, site_id: str, digest: str) -> dict[str, Any] | None:
    rows = list(
        db.query("select * from articles where site_id = ? and content_hash = ?", [site_id, digest])
    )
    return rows[0] if rows else None


def _touch(db: Database, article_id: int, urls: list[str], site_id: str, fetched: str) -> None:
    db.execute(
        "update articles set last_seen = ?, removed = null where id = ?", [fetched, article_id]
    )
    for url in urls:
        db.execute(
            "insert into article_urls(url, article_id, site_id, first_seen, last_seen) "
            "values (?, ?, ?, ?, ?) on conflict(url) do update set "
            "article_id = excluded.article_id, last_seen = excluded.last_seen",
            [url, article_id, site_id, fetched, fetched],
        )


def _columns(article: Article, digest: str, fingerprint: int) -> dict[str, Any]:
    return {
        "title": article.title,
        "published": article.date,
        "published_at": article.published_at,
        "author": article.author,
        "source": article.source,
        "text": article.text,
        "word_count": len(article.text.split()),
        "content_hash": digest,
        "simhash": dedup.to_hex(fingerprint),
        "lead": article.lead,
        "cms": article.cms,
        "language": article.language,
        **_found_beside_text(article),
    }


def _found_beside_text(article: Article) -> dict[str, Any]:
    """Captions, extraction paths and quality flags (migration m012), as far as the record
    has them: an article built by hand says nothing of how it was extracted."""
    columns: dict[str, Any] = {}
    if article.captions:
        columns["captions"] = "\n".join(article.captions)
    if article.extraction:
        columns["extraction"] = _json(article.extraction)
        columns["generic"] = int(article.generic)
        columns["flags"] = " ".join(article.flags) or None
    return columns


def _json(value: Mapping[str, Any]) -> str | None:
    return json.dumps(value, sort_keys=True, ensure_ascii=False) if value else None


def _insert_article(
    db: Database,
    site_id: str,
    primary: str,
    urls: list[str],
    article: Article,
    digest: str,
    fetched: str,
) -> Outcome:
    words = dedup.words(article.text)  # once, for the fingerprint and the sketch
    fingerprint = dedup.simhash_of_words(words)
    row = {"site_id": site_id, "url": primary, **_columns(article, digest, fingerprint)}
    row.update(first_seen=fetched, last_seen=fetched, updated=fetched, version=1)
    article_id = _write_row(db, "articles", row)
    _touch(db, article_id, urls, site_id, fetched)
    _save_version_row(db, article_id, 1, row, fetched)
    _save_lookups(db, article_id, article, fingerprint, words)
    original = _link_near_duplicate(db, article_id, fingerprint, article)
    return Outcome(article_id, NEW, original)


def _save_version(
    db: Database,
    existing: dict[str, Any],
    article: Article,
    digest: str,
    urls: list[str],
    site_id: str,
    fetched: str,
) -> Outcome:
    article_id, version = existing["id"], existing["version"] + 1
    words = dedup.words(article.text)
    fingerprint = dedup.simhash_of_words(words)
    columns = _columns(article, digest, fingerprint)
    search.unindex_article(
        db, article_id, existing["title"], existing["text"], existing.get("captions")
    )
    db.table("articles").update(
        article_id, {**columns, "version": version, "updated": fetched, "last_seen": fetched}
    )
    _touch(db, article_id, urls, site_id, fetched)
    _save_version_row(db, article_id, version, columns, fetched)
    _save_lookups(db, article_id, article, fingerprint, words)
    return Outcome(article_id, CHANGED, existing["duplicate_of"])


def _save_lookups(
    db: Database, article_id: int, article: Article, fingerprint: int, words: list[str]
) -> None:
    """The article's rows in the search index and the near-duplicate lookup."""
    search.index_article(db, article_id, article.title, article.text, "\n".join(article.captions))
    dedup.save_bands(db, article_id, fingerprint)
    dedup.save_sketch(db, article_id, dedup.sketch_of_words(words))


def _save_version_row(
    db: Database, article_id: int, version: int, row: Mapping[str, Any], captured: str
) -> None:
    _write_row(
        db,
        "article_versions",
        {
            "article_id": article_id,
            "version": version,
            "captured_at": captured,
            "title": row["title"],
            "published": row["published"],
            "author": row["author"],
            "text": row["text"],
            "content_hash": row["content_hash"],
        },
    )


def _link_near_duplicate(
    db: Database, article_id: int, fingerprint: int, article: Article
) -> int | None:
    """Point the later of two near-copies at the earlier (by publication date)."""
    other = dedup.find_near_duplicate(db, article_id, fingerprint, article.text)
    if other is None:
        return None
    other_date = db.execute("select published from articles where id = ?", [other]).fetchone()[0]
    if article.date and other_date and article.date < other_date:
        db.execute(
            "update articles set duplicate_of = ? where id = ? or duplicate_of = ?",
            [article_id, other, other],
        )
        return None
    db.execute("update articles set duplicate_of = ? where id = ?", [other, article_id])
    return other


def mark_removed(db: Database, url: str, when: str) -> int | None:
    """An article whose URL now answers 404/410: marked, never deleted."""
    with db.atomic():
        row = db.execute("select article_id from article_urls where url = ?", [url]).fetchone()
        if not row:
            return None
        db.execute(
            "update articles set removed = ? where id = ? and removed is null", [when, row[0]]
        )
        return int(row[0])


def save_not_modified(
    db: Database, url: str, *, checked: str, crawl_id: int | None, also: Sequence[str] = ()
) -> int | None:
    """A 304 answer: the page and its article were seen, nothing else is stored.

    Returns the article served at the URL, if any.
    """
    urls = list(dict.fromkeys([url, *also]))
    marks = ",".join("?" for _ in urls)
    with db.atomic():
        db.execute(
            "update pages set checked = ?, crawl_id = ? where url = ?", [checked, crawl_id, url]
        )
        db.execute(
            f"update article_urls set last_seen = ? where url in ({marks})", [checked, *urls]
        )
        row = db.execute(
            f"select article_id from article_urls where url in ({marks}) limit 1", urls
        ).fetchone()
        if row is None:
            return None
        db.execute("update articles set last_seen = ? where id = ?", [checked, row[0]])
        return int(row[0])


# --- captures and attachments --------------------------------------------------


def save_capture(db: Database, row: Mapping[str, Any]) -> int:
    """Record where one fetched response lies in the WARC files; returns its id."""
    with db.atomic():
        return _write_row(db, "captures", row)


def link_captures(db: Database, capture_ids: Sequence[int], article_id: int) -> None:
    """Point the captures behind a stored article at it (redirects and aliases included)."""
    if not capture_ids:
        return
    marks = ",".join("?" for _ in capture_ids)
    with db.atomic():
        db.execute(
            f"update captures set article_id = ? where id in ({marks}) and status < 400",
            [article_id, *capture_ids],
        )


def capture_ends(db: Database, names: Sequence[str] | None = None) -> dict[str, int]:
    """Per WARC file (or these files), the end of its last recorded response: known
    complete up to there."""
    if names is None:
        rows = db.execute(
            'select warc_file, max("offset" + length) from captures '
            "where warc_file is not null group by warc_file"
        ).fetchall()
    else:
        rows = [
            (name, end)
            for name in names
            for (end,) in db.execute(
                'select max("offset" + length) from captures where warc_file = ?', [name]
            )
            if end is not None
        ]
    return {name: int(end) for name, end in rows}


ATTACHMENT_COLUMNS = ("article_id", "url", "file_name", "media_type", "size", "sha256",
                      "capture_id", "fetched")  # fmt: skip
#: What archive.capture.documents read from the file (m015).
TEXT_COLUMNS = ("text", "pages", "text_method", "text_error")


def save_attachment(db: Database, row: Mapping[str, Any]) -> int:
    """One document linked from one article; a refetch replaces the row's facts. With the
    text columns, the document's text replaces the row's, in the full-text index too."""
    columns = [c for c in (*ATTACHMENT_COLUMNS, *TEXT_COLUMNS) if c in row]
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in ("article_id", "url"))
    key = [row["article_id"], row["url"]]
    with db.atomic():
        before = db.execute(
            "select id, text from attachments where article_id = ? and url = ?", key
        ).fetchone()
        if before is not None and "text" in row:
            search.unindex_document(db, before[0], before[1])
        db.execute(
            f"insert into attachments ({', '.join(columns)}) "
            f"values ({', '.join('?' for _ in columns)}) "
            f"on conflict(article_id, url) do update set {updates}",
            [row[c] for c in columns],
        )
        found = db.execute(
            "select id from attachments where article_id = ? and url = ?", key
        ).fetchone()
        if "text" in row:
            search.index_document(db, found[0], row["text"])
        return int(found[0])


def document_text(db: Database, sha256: str) -> dict[str, Any] | None:
    """The text columns of a file already read (same SHA-256, whichever URL or article):
    a file linked from several articles is read once."""
    found = db.execute(
        "select text, pages, text_method, text_error from attachments where sha256 = ? "
        "and (text_method is not null or text_error is not null) order by id desc limit 1",
        [sha256],
    ).fetchone()
    return dict(zip(TEXT_COLUMNS, found, strict=True)) if found else None


def get_attachment(db: Database, url: str) -> dict[str, Any] | None:
    """The newest row for a document URL, whichever article links it."""
    rows = list(db.query("select * from attachments where url = ? order by id desc limit 1", [url]))
    return rows[0] if rows else None


def set_page_article(db: Database, url: str, article_id: int) -> None:
    """The page at ``url`` (and any redirect to it) holds this article: re-extraction's link."""
    with db.atomic():
        db.execute(
            "update pages set kind = 'article', article_id = ? where url = ? or final_url = ?",
            [article_id, url, url],
        )
