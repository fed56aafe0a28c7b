"""Redis mode's one writer: the workers' records, from the job's stream into SQLite.

``tct-archive ingest --redis URL --db PATH`` (found through the ``tct_archive`` entry
point ``ingest``, like ``crawl``). It stores through the very session a single-process
crawl uses (crawler/session.py: same dedup, versions, FTS, per-site tallies), under the
database's lock; it imports no Scrapy.

Nothing lost, nothing twice: records are read with a consumer group and acknowledged
only after the SQLite commit that stored them, and that commit also records the last
stream id stored (``ingest_progress``). A writer killed at any point restarts from its
pending entries and skips those its last commit already holds.

It exits by itself once the job is complete: the frontier seeded and empty, no
request leased, no worker alive, every record stored. It then clears the job's keys,
so the next crawl starts afresh.
"""

from __future__ import annotations

import json
import logging
import signal
import time
from collections.abc import Iterator
from types import FrameType
from typing import Any

from redis.exceptions import ResponseError

from archive.capture import attachments
from archive.extract.records import Article
from archive.sites.registry import load_sites, select_sites
from archive.store.writer import TEXT_COLUMNS
from crawler.items import AttachmentItem, PageItem
from crawler.redisjob import CONSUMER, GROUP, OUTAGE, Job, connect
from crawler.session import ArchiveSession

logger = logging.getLogger(__name__)

BATCH = 500  # records per SQLite transaction at most (and per XREADGROUP)
BLOCK_MS = 1000  # how long one read waits for new records
# Records arriving one by one are gathered this long into one transaction (as a single
# process commits every ARCHIVE_COMMIT_INTERVAL): a commit, an acknowledgement and a trim
# per record made the writer's CPU per article 1.6 times that of batches.
GATHER = 0.5


class Writer:
    """Reads the job's stream, stores each batch in one transaction, then acknowledges."""

    def __init__(self, job: Job, session: ArchiveSession):
        self.job = job
        self.session = session
        self.stored = _last_id(session, job.records)
        self.stopping = False
        self.records = 0

    def run(self) -> str:
        """Until the job is complete (or a signal); returns the reason the crawl ended.

        Redis unreachable: said in one line, and waited for; then the records read and
        not acknowledged are read again (those already committed are skipped)."""
        resume = True
        while not self.stopping:
            try:
                if resume:
                    self._create_group()
                    for batch in self._pending():
                        self.store(batch)
                    resume = False
                batch = self._gather()
                if batch:
                    self.store(batch)
                elif self._complete():
                    return "finished"
            except OUTAGE as exc:
                logger.error("Redis unreachable (%s); the writer waits for it", exc)
                resume = True
                time.sleep(1.0)
        return "interrupted"

    def _create_group(self) -> None:
        try:
            self.job.server.xgroup_create(self.job.records, GROUP, id="0", mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    def _pending(self) -> Iterator[list[tuple[bytes, dict[bytes, bytes]]]]:
        """Entries delivered to this writer before it was killed, never acknowledged."""
        after = "0"
        while batch := self._read(after):
            yield batch
            after = batch[-1][0].decode()

    def _read(self, after: str, block: int | None = None,
              count: int = BATCH) -> list[tuple[bytes, Any]]:  # fmt: skip
        answer: Any = self.job.server.xreadgroup(
            GROUP, CONSUMER, {self.job.records: after}, count=count, block=block
        )
        return list(answer[0][1]) if answer else []

    def _gather(self) -> list[tuple[bytes, Any]]:
        """New records: waited for, then those added within ``GATHER`` seconds, read at its
        end (read as they came, the writer woke and read once per record or two)."""
        batch = self._read(">", block=BLOCK_MS)
        if batch and len(batch) < BATCH:
            time.sleep(GATHER)
            batch += self._read(">", count=BATCH - len(batch))
        return batch

    def _complete(self) -> bool:
        """Nothing queued or leased, no worker alive, and nothing new since (a worker adds
        its last record before it leaves the registry)."""
        if not self.job.frontier_done() or self.job.live_workers():
            return False
        return not self._peek()

    def _peek(self) -> bool:
        batch = self._read(">")
        if batch:
            self.store(batch)
        return bool(batch)

    def store(self, batch: list[tuple[bytes, Any]]) -> None:
        """One transaction for the batch and the progress mark; then the acknowledgement."""
        ids = [entry_id.decode() for entry_id, _ in batch]
        session = self.session
        if not session.db.conn.in_transaction:
            session.db.conn.execute("BEGIN")
        for entry_id, fields in batch:
            if _order(entry_id.decode()) <= _order(self.stored):
                continue  # committed by a writer killed before it acknowledged
            self.apply(json.loads(fields[b"r"]))
            self.records += 1
        session.db.execute(
            "insert or replace into ingest_progress (stream, last_id) values (?, ?)",
            [self.job.records, ids[-1]],
        )
        session.commit()
        self.stored = max(self.stored, ids[-1], key=_order)
        self.job.server.xack(self.job.records, GROUP, *ids)
        # Stored and acknowledged: the records leave Redis's memory (one writer, in order:
        # every entry before these is acknowledged too).
        self.job.server.xtrim(self.job.records, minid=ids[-1])

    def apply(self, record: dict[str, Any]) -> None:
        session = self.session
        kind = record["kind"]
        if kind == "capture":
            store_capture(session, record["row"])
        elif kind == "page":
            item = page_item(record["item"], session)
            session.save(item)
            self.link_documents(item)
        elif kind == "attachment":
            document = attachment_item(record["item"], session)
            document.article_urls += self.job.awaiting_articles(document.url)
            session.save_attachment(document)
        elif kind == "note":
            session.note(record["site_id"], record["message"])

    def link_documents(self, item: PageItem) -> None:
        """An article linking documents already archived gets their rows, as a single
        process gives them; one linking a document not stored yet waits for it.

        Its worker knew nothing of either: the shared duplicate filter dropped its request
        for a document another worker had queued, so the record of that document names
        only the other worker's article."""
        site = self.session.sites.get(item.site_id)
        if item.article is None or site is None:
            return
        for url in attachments.wanted(item.article.attachments, site):
            if not (known := self.session.attachment(url)):
                self.job.await_document(url, item.location)
                continue
            self.session.save_attachment(AttachmentItem(
                site_id=site.id, url=url, article_urls=[item.location],
                fetched=known["fetched"], file_name=known["file_name"],
                media_type=known["media_type"], size=known["size"], sha256=known["sha256"],
                captures=[known["capture_id"]] if known["capture_id"] else [],
                document={c: known[c] for c in TEXT_COLUMNS}
                if known.get("text_method") or known.get("text_error") else None,
            ))  # fmt: skip


def adopt_earlier_writers(job: Job, session: ArchiveSession) -> None:
    """A restarted writer's crawl resumes the crawls of the writers it replaces (killed or
    interrupted): the job is judged as one crawl, as a resumed single-process crawl is
    (crawler/session.py: no fall in articles is reported for part of a job)."""
    earlier = sorted(int(crawl) for crawl in job.server.smembers(job.writers))
    earlier = [crawl for crawl in earlier if crawl != session.crawl_id]
    if earlier:
        marks = ",".join("?" * len(earlier))
        with session.db.atomic():
            session.db.execute(f"update crawls set resumed_by = ? where id in ({marks})",
                               [session.crawl_id, *earlier])  # fmt: skip
        session.job |= set(earlier)
        session.resuming = earlier
        logger.warning("crawl %s resumes the Redis-mode crawl(s) %s", session.crawl_id, earlier)
    job.server.sadd(job.writers, session.crawl_id)


def page_item(data: dict[str, Any], session: ArchiveSession) -> PageItem:
    data = dict(data)
    article = data.pop("article", None)
    data["captures"] = _capture_ids(session, data.get("captures", []))
    return PageItem(**data, article=Article(**article) if article else None)


def attachment_item(data: dict[str, Any], session: ArchiveSession) -> AttachmentItem:
    data = dict(data)
    data["captures"] = _capture_ids(session, data.get("captures", []))
    return AttachmentItem(**data)


def _capture_ids(session: ArchiveSession, rows: list[dict[str, Any]]) -> list[int]:
    """The captures a worker's record carries, stored: their ids here."""
    return [store_capture(session, row) for row in rows]


def store_capture(session: ArchiveSession, row: dict[str, Any]) -> int:
    """A worker's capture row, under this crawl; once (a record read again after a kill)."""
    known = _capture_id(session, row["warc_file"], row["offset"])
    if known is not None:
        return known
    return session.save_capture({**row, "crawl_id": session.crawl_id})


def _capture_id(session: ArchiveSession, warc_file: str, offset: int) -> int | None:
    row = session.db.execute(
        'select id from captures where warc_file = ? and "offset" = ?', [warc_file, offset]
    ).fetchone()
    return int(row[0]) if row else None


def _last_id(session: ArchiveSession, stream: str) -> str:
    row = session.db.execute(
        "select last_id from ingest_progress where stream = ?", [stream]
    ).fetchone()
    return str(row[0]) if row else "0-0"


def _order(entry_id: str) -> tuple[int, int]:
    millis, _, seq = entry_id.partition("-")
    return int(millis), int(seq or 0)


def run_ingest(redis_url: str, prefix: str, db_path: str, sites_file: str | None = None,
               site_ids: list[str] | None = None) -> int:  # fmt: skip
    """Store the job's records until it is complete; returns the writer's crawl id.

    Raises redis.ConnectionError when Redis cannot be reached (before anything is
    written), LockedError when another process holds the database.
    """
    job = Job(connect(redis_url), prefix)
    job.server.ping()
    sites = select_sites(load_sites(sites_file), site_ids or [])
    session = ArchiveSession(db_path, sites, commit_interval=3600.0)  # the writer commits
    adopt_earlier_writers(job, session)
    writer = Writer(job, session)

    def stop(signum: int, frame: FrameType | None) -> None:
        writer.stopping = True

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    reason = "interrupted"
    try:
        reason = writer.run()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        session.close(reason)
    if reason == "finished":
        job.clear()
    logger.info("stored %d records; crawl %s %s", writer.records, session.crawl_id, reason)
    return int(session.crawl_id)
