"""The crawl frontier in SQLite, so a killed crawl resumes without JOBDIR.

Scrapy's JOBDIR only resumes after a clean stop (Scrapy issues #2399,
#4479). Here every request the spider schedules is a ``frontier`` row,
written before the request leaves the spider; the row is deleted in the
same transaction that stores the response's page and article. Whatever the
moment of death (SIGKILL included), each URL is either stored or still in
the frontier, never both lost and never half-written.

A new run holds the database lock, so any ``running`` crawl it finds is dead:
it is marked ``killed``. Frontier rows of the run's sites left by earlier
runs (killed or interrupted) are scheduled again before the start URLs, and
the known pages (articles, "other" pages) those runs already stored count as
done for this one (the same *job*), so nothing is fetched twice. Listings are
fetched again: that is where the articles published meanwhile appear.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlite_utils import Database

from archive.store.writer import now

PAGE, LISTING, START, ATTACHMENT = "page", "listing", "start", "attachment"
BATCH = 500


@dataclass(frozen=True)
class Entry:
    url: str
    site_id: str
    depth: int
    kind: str
    via: tuple[str, ...] = ()  # for an attachment: the URLs of the articles linking it


def add(
    db: Database, url: str, site_id: str, depth: int, kind: str, crawl_id: int,
    via: str | None = None,
) -> None:  # fmt: skip
    """Record a scheduled request (a URL already pending keeps its row, and gains ``via``)."""
    with db.atomic():
        db.execute(
            "insert into frontier(url, site_id, depth, kind, crawl_id, added, via) "
            "values (?, ?, ?, ?, ?, ?, case when ?7 is null then null else json_array(?7) end) "
            "on conflict(url) do update set crawl_id = excluded.crawl_id, via = case "
            "when ?7 is null then frontier.via when frontier.via is null then excluded.via "
            "when exists (select 1 from json_each(frontier.via) where value = ?7) "
            "then frontier.via else json_insert(frontier.via, '$[#]', ?7) end",
            [url, site_id, depth, kind, crawl_id, now(), via],
        )


def done(db: Database, urls: Iterable[str]) -> None:
    """Forget processed requests; call inside the transaction that stores the result."""
    for url in urls:
        db.execute("delete from frontier where url = ?", [url])


def mark_dead_crawls(db: Database) -> list[int]:
    """Crawls still ``running`` while we hold the lock died: mark them ``killed``.

    ``ended`` becomes the time of their last recorded page, the best evidence
    of when they stopped.
    """
    dead = [row[0] for row in db.execute("select id from crawls where status = 'running'")]
    with db.atomic():
        for crawl_id in dead:
            pid = db.execute("select pid from crawls where id = ?", [crawl_id]).fetchone()[0]
            db.execute(
                "update crawls set status = 'killed', message = ?, ended = coalesce("
                "(select max(checked) from pages where crawl_id = ?), started) where id = ?",
                [f"process {pid} ended without closing the crawl (killed)", crawl_id, crawl_id],
            )
    return dead


def take_over(db: Database, crawl_id: int, site_ids: Iterable[str]) -> tuple[set[int], list[int]]:
    """Adopt the pending rows of these sites left by earlier crawls.

    Returns the job (this crawl, the crawls it resumes and, transitively,
    the crawls those had resumed, via ``crawls.resumed_by``) and the crawls
    whose rows are pending. The rows keep their crawl id until they are
    scheduled again (:func:`add` moves them to this crawl) or dropped, so a
    run interrupted while resuming leaves the rest for the next one.
    """
    sites = list(site_ids)
    marks = ",".join("?" for _ in sites)
    previous = [
        row[0]
        for row in db.execute(
            f"select distinct crawl_id from frontier where site_id in ({marks}) "
            "and crawl_id != ? order by crawl_id",
            [*sites, crawl_id],
        )
    ]
    if not previous:
        return {crawl_id}, []
    with db.atomic():
        db.execute(
            f"update crawls set resumed_by = ? where id in ({','.join('?' * len(previous))})",
            [crawl_id, *previous],
        )
    chain = db.execute(
        "with recursive chain(id) as (select id from crawls where resumed_by = ? "
        "union select c.id from crawls c join chain on c.resumed_by = chain.id) "
        "select id from chain",
        [crawl_id],
    )
    return {crawl_id, *(row[0] for row in chain)}, previous


def pending(db: Database, crawl_ids: Iterable[int], site_ids: Iterable[str]) -> Iterator[Entry]:
    """Rows of these crawls and sites, oldest first, read in batches.

    No cursor stays open across a yield (the caller writes in between), and
    rows moved to another crawl meanwhile are not seen again.
    """
    ids, sites = list(crawl_ids), list(site_ids)
    if not ids or not sites:
        return
    where = (
        f"crawl_id in ({','.join('?' * len(ids))}) and site_id in ({','.join('?' * len(sites))})"
    )
    last = 0
    while True:
        rows = db.execute(
            f"select rowid, url, site_id, depth, kind, via from frontier where {where} "
            "and rowid > ? order by rowid limit ?",
            [*ids, *sites, last, BATCH],
        ).fetchall()
        if not rows:
            return
        for rowid, url, site_id, depth, kind, via in rows:
            last = rowid
            yield Entry(url, site_id, depth or 0, kind or PAGE, tuple(json.loads(via or "[]")))


def count(db: Database, crawl_id: int | None = None) -> int:
    if crawl_id is None:
        return int(db.execute("select count(*) from frontier").fetchone()[0])
    return int(
        db.execute("select count(*) from frontier where crawl_id = ?", [crawl_id]).fetchone()[0]
    )


def clear(db: Database, crawl_id: int) -> None:
    """A finished crawl leaves nothing pending (requests dropped by Scrapy's filters)."""
    with db.atomic():
        db.execute("delete from frontier where crawl_id = ?", [crawl_id])
