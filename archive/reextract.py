"""Rebuild the articles from the WARC captures with the current extractor, offline.

This is how an improved extractor reaches the whole archive: for each site,
the newest successful capture of every HTML URL (an article or a page that
could now be one) is read back from its WARC file and goes through
:func:`archive.extract.page.analyze_page` and :func:`archive.store.writer.save_article`,
the very functions a crawl uses, so the result is what a fresh crawl of the
same responses would store. Changed articles become new versions; nothing
is deleted (a page no longer seen as an article keeps its old record).
Attachments and the links from captures and pages to articles are rebuilt
too. No network is used at all.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass
from multiprocessing import get_context
from typing import Any

from sqlite_utils import Database

from archive.capture import attachments, documents, feeds, warcs
from archive.extract.page import analyze_page
from archive.extract.records import PageResult
from archive.sites import urls
from archive.sites.registry import Site
from archive.store import writer as store

HTML_TYPES = ("text/html", "application/xhtml")


@dataclass
class SiteTally:
    """What re-extraction did for one site (the columns of the CLI's table)."""

    site: str
    captures: int = 0
    articles: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    aliases: int = 0
    attachments: int = 0
    unreadable: int = 0

    def count(self, outcome: store.Outcome) -> None:
        self.articles += 1
        field = {store.NEW: "new", store.CHANGED: "changed", store.ALIAS: "aliases"}
        name = field.get(outcome.status, "unchanged")
        setattr(self, name, getattr(self, name) + 1)


def reextract(
    db: Database,
    sites: Iterable[Site],
    warc_dir: str | os.PathLike[str],
    *,
    workers: int = 0,
) -> list[dict[str, Any]]:
    """Re-extract every site in ``sites`` from its captures; one tally row per site."""
    rows = []
    texts: dict[str, dict[str, Any]] = {}  # SHA-256 -> text columns: each file read once
    pool = _pool(workers)
    try:
        for site in sites:
            tally = SiteTally(site.id)
            pages = _pages(db, site, warc_dir, tally)
            for capture, result in _analyzed(pages, site, pool, workers):
                if result.article is not None:
                    _store(db, site, capture, result, warc_dir, tally, texts)
            rows.append(asdict(tally))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    return rows


def html_captures(db: Database, site_id: str) -> Iterator[dict[str, Any]]:
    """The newest successful capture of each URL of a site that may be a page, in fetch order."""
    yield from db.query(
        "select * from captures where id in (select max(id) from captures "
        "where site_id = ? and status between 200 and 299 group by url) "
        "and (content_type is null or content_type = '' "
        "or lower(content_type) like 'text/html%' "
        "or lower(content_type) like 'application/xhtml%') order by id",
        [site_id],
    )


def _pages(db: Database, site: Site, warc_dir: str | os.PathLike[str],
           tally: SiteTally) -> Iterator[tuple[dict[str, Any], bytes]]:  # fmt: skip
    for capture in html_captures(db, site.id):
        try:
            record = warcs.read_capture(warc_dir, capture["warc_file"], capture["offset"],
                                        capture["length"])  # fmt: skip
        except warcs.CaptureError:
            tally.unreadable += 1
            continue
        content_type = (capture["content_type"] or "").lower()
        if not content_type.startswith(HTML_TYPES) and feeds.looks_like_xml(record.body, ""):
            continue  # the crawl read this as a sitemap or feed, not a page
        tally.captures += 1
        yield capture, record.body


def _analyzed(pages: Iterator[tuple[dict[str, Any], bytes]], site: Site,
              pool: ProcessPoolExecutor | None,
              workers: int) -> Iterator[tuple[dict[str, Any], PageResult]]:  # fmt: skip
    """analyze_page over the pages, in order; in worker processes when there is a pool."""
    if pool is None:
        for capture, body in pages:
            yield capture, analyze_page(body, _location(capture), site, encoding=_charset(capture))
        return
    window: deque[tuple[dict[str, Any], Future[PageResult]]] = deque()
    for capture, body in pages:
        window.append((capture, pool.submit(analyze_page, body, _location(capture), site,
                                            encoding=_charset(capture))))  # fmt: skip
        if len(window) >= 4 * workers:
            done, future = window.popleft()
            yield done, future.result()
    while window:
        done, future = window.popleft()
        yield done, future.result()


def _store(db: Database, site: Site, capture: dict[str, Any], result: PageResult,
           warc_dir: str | os.PathLike[str], tally: SiteTally,
           texts: dict[str, dict[str, Any]]) -> None:  # fmt: skip
    """Save the article as the crawl's pipeline would, then relink captures and pages."""
    assert result.article is not None
    location = _location(capture)
    sources = [u for (u,) in db.execute("select url from pages where final_url = ?", [location])]
    outcome = store.save_article(db, site.id, location, result.article, fetched=capture["fetched"],
                                 crawl_id=None, also=[*sources, *result.aliases])  # fmt: skip
    tally.count(outcome)
    store.link_captures(db, [capture["id"], *_newest(db, sources)], outcome.article_id)
    store.set_page_article(db, location, outcome.article_id)
    for url in attachments.wanted(result.article.attachments, site):
        if _attachment(db, url, outcome.article_id, warc_dir, texts):
            tally.attachments += 1


def _attachment(db: Database, url: str, article_id: int, warc_dir: str | os.PathLike[str],
                texts: dict[str, dict[str, Any]]) -> bool:  # fmt: skip
    """The document's row rebuilt from its capture, its text read again (once per file)."""
    row = db.execute(
        "select id, warc_file, offset, length, fetched from captures "
        "where url = ? and status between 200 and 299 order by id desc limit 1",
        [url],
    ).fetchone()
    if row is None:
        return False
    capture_id, warc_file, offset, length, fetched = row
    try:
        record = warcs.read_capture(warc_dir, warc_file, offset, length)
    except warcs.CaptureError:
        return False
    facts = attachments.describe(url, record.header("Content-Type"),
                                 record.header("Content-Disposition"), record.body)  # fmt: skip
    if facts["sha256"] not in texts:
        read = documents.read_text(record.body, facts["media_type"], facts["file_name"])
        texts[facts["sha256"]] = read.row()
    store.save_attachment(db, {**facts, "article_id": article_id, "capture_id": capture_id,
                               "fetched": fetched, **texts[facts["sha256"]]})  # fmt: skip
    return True


def _newest(db: Database, page_urls: list[str]) -> list[int]:
    """The newest capture of each URL (redirects that led to an article)."""
    found = []
    for url in page_urls:
        row = db.execute("select max(id) from captures where url = ?", [url]).fetchone()
        if row and row[0] is not None:
            found.append(int(row[0]))
    return found


def _location(capture: dict[str, Any]) -> str:
    return urls.canonical_url(capture["url"])


def _charset(capture: dict[str, Any]) -> str | None:
    return warcs.content_charset((capture["content_type"] or "").lower())  # as the spider reads it


def _pool(workers: int) -> ProcessPoolExecutor | None:
    if workers <= 0:
        return None
    # forkserver: as in the crawler, workers must not inherit an open database
    return ProcessPoolExecutor(workers, mp_context=get_context("forkserver"))


def archived_sites(db: Database, registry_sites: Iterable[Site],
                   ids: Iterable[str] = ()) -> tuple[list[Site], list[str]]:  # fmt: skip
    """The registry sites with captures in this archive (or those named by ``ids``).

    Returns them with the ids of archived sites the registry no longer
    lists (they cannot be re-extracted without their rules). An unknown id
    raises KeyError.
    """
    by_id = {s.id: s for s in registry_sites}
    wanted = list(ids)
    unknown = [i for i in wanted if i not in by_id]
    if unknown:
        raise KeyError(", ".join(unknown))
    archived = [r for (r,) in db.execute("select distinct site_id from captures order by 1") if r]
    if wanted:
        return [by_id[i] for i in wanted], []
    return [by_id[i] for i in archived if i in by_id], [i for i in archived if i not in by_id]
