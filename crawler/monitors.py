"""Spidermon at the end of every crawl: monitors, item validation and alerts.

The rules live in plain Python (archive/store/history.py: each site judged against
its own earlier crawls); here they become Spidermon monitors, one per rule, each
failing with the sites it caught and why. The suite's actions store one
``monitor_results`` row per crawl, site and monitor, write the JSON report file,
and on failure send the e-mail and call the webhook. ``tct-archive crawl`` exits 7
when a monitor failed; ``scrapy crawl schools`` and Scrapyd run the same suite
through the settings (``SPIDERMON_SPIDER_CLOSE_MONITORS``).
"""

from __future__ import annotations

import json
import logging
import urllib.request
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler
from spidermon import Monitor, MonitorSuite, monitors
from spidermon.contrib.scrapy.extensions import Spidermon
from spidermon.contrib.scrapy.pipelines import ItemValidationPipeline
from spidermon.contrib.scrapy.runners import SpiderMonitorResult, SpiderMonitorRunner
from spidermon.core.actions import Action
from spidermon.exceptions import SkipAction

from archive.capture.recrawl import parse_duration
from archive.store import history
from archive.store.migrations import open_db
from crawler.items import PageItem

logger = logging.getLogger(__name__)

#: Per-site stats of the validation pipeline (Spidermon's own are for the whole crawl).
VALIDATION_STATS = "archive/validation/{site}/{name}"


# --- item validation ----------------------------------------------------------------------

#: The article item's schema: a page stored as an article has a title, a body, a day in
#: YYYY-MM-DD (or none) and an http(s) URL (SPIDERMON_VALIDATION_SCHEMAS).
PAGE_ITEM_SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["site_id", "url", "kind", "fetched"],
    "properties": {
        "site_id": {"type": "string", "minLength": 1},
        "url": {"type": "string", "pattern": "^https?://"},
        "kind": {"type": "string", "minLength": 1},
        "article": {
            "type": ["object", "null"],
            "required": ["title", "text"],
            "properties": {
                "title": {"type": "string", "minLength": 1},
                "text": {"type": "string", "minLength": 1},
                "date": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                "author": {"type": ["string", "null"]},
            },
        },
    },
}


class ArticleValidation(ItemValidationPipeline):
    """Spidermon's validation pipeline, counting failures per site as well.

    Items are never dropped (SPIDERMON_VALIDATION_DROP_ITEMS_WITH_ERRORS stays
    False): an article with a missing title is still archived, and the
    ``item-validation`` monitor names the site. ``process_item`` takes no spider
    argument, the Scrapy 2.13+ signature (the inherited one would be called with a
    deprecation warning).
    """

    current: Any = None
    crawler_stats: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        pipeline = super().from_crawler(crawler)
        pipeline.crawler_stats = crawler.stats
        return pipeline

    def find_validators(self, item: Any) -> Any:
        """Pages only: attachments have no schema."""
        return super().find_validators(item) if isinstance(item, PageItem) else []

    def process_item(self, item: Any) -> Any:
        self.current = item
        return super().process_item(item)

    def _add_error_stats(self, errors: dict[str, list[str]]) -> None:
        super()._add_error_stats(errors)
        site = getattr(self.current, "site_id", "unknown")
        stats = self.crawler_stats
        stats.inc_value(VALIDATION_STATS.format(site=site, name="items_with_errors"))
        for field, messages in errors.items():
            for message in messages:
                stats.inc_value(VALIDATION_STATS.format(site=site, name=f"{field}: {message}"))


def validation_by_site(stats: dict[str, Any]) -> dict[str, tuple[int, list[str]]]:
    """Per site: article items that failed the schema, and the errors ("field: message")."""
    found: dict[str, tuple[int, list[str]]] = {}
    for key, value in stats.items():
        if not key.startswith("archive/validation/"):
            continue
        site, _, name = key.removeprefix("archive/validation/").partition("/")
        count, errors = found.get(site, (0, []))
        if name == "items_with_errors":
            count = int(value)
        else:
            errors.append(f"{name} ({value})")
        found[site] = (count, errors)
    return found


# --- the monitors -------------------------------------------------------------------------


def findings(data: Any) -> list[history.Finding]:
    """The crawl's findings, computed once per crawl and shared by monitors and actions."""
    crawler = data.crawler
    cached = getattr(crawler, "archive_findings", None)
    if cached is not None:
        return list(cached)
    session = getattr(data.spider, "session", None)
    crawler.archive_findings = []
    # Not judged: a crawl that never opened the archive, or stopped by a full disk.
    if session is None or getattr(crawler, "storage_error", None):
        return []
    settings = crawler.settings
    schedule = parse_duration(settings.get("ARCHIVE_MONITOR_SCHEDULE"))
    db = open_db(session.db_path)
    try:
        status = db.execute("select status from crawls where id = ?", [session.crawl_id])
        if status.fetchone()[0] != "finished":  # interrupted: the next run resumes and is judged
            return []
        result = history.evaluate(
            db, session.crawl_id, validation=validation_by_site(data.stats), schedule=schedule
        )
    finally:
        db.close()
    crawler.archive_findings = result
    crawler.archive_crawl_id = session.crawl_id
    return list(result)


class RuleMonitor(Monitor):
    """Fails when any site fails one of archive/store/history.py's rules."""

    def check(self, monitor: str) -> None:
        failed = [f for f in findings(self.data) if f.monitor == monitor and not f.passed]
        if failed:
            self.fail("; ".join(f.line() for f in failed))


@monitors.name("Articles")
class ArticlesMonitor(RuleMonitor):
    @monitors.name("zero-articles")
    def test_zero_articles(self) -> None:
        """Every site yielded articles (fetched, 304 or still linked)."""
        self.check("zero-articles")

    @monitors.name("fewer-articles")
    def test_fewer_articles(self) -> None:
        """No site saw under half its usual articles."""
        self.check("fewer-articles")

    @monitors.name("new-articles")
    def test_new_articles(self) -> None:
        """New articles as many as each site's own pace predicts."""
        self.check("new-articles")


@monitors.name("Coverage")
class CoverageMonitor(RuleMonitor):
    @monitors.name("coverage-title")
    def test_title(self) -> None:
        self.check("coverage-title")

    @monitors.name("coverage-date")
    def test_date(self) -> None:
        self.check("coverage-date")

    @monitors.name("coverage-author")
    def test_author(self) -> None:
        self.check("coverage-author")

    @monitors.name("body-length")
    def test_body(self) -> None:
        self.check("body-length")

    @monitors.name("generic-share")
    def test_generic(self) -> None:
        self.check("generic-share")


@monitors.name("Pages")
class PagesMonitor(RuleMonitor):
    @monitors.name("listings")
    def test_listings(self) -> None:
        self.check("listings")

    @monitors.name("http-errors")
    def test_errors(self) -> None:
        self.check("http-errors")

    @monitors.name("timeouts")
    def test_timeouts(self) -> None:
        self.check("timeouts")

    @monitors.name("robots-forbidden")
    def test_robots(self) -> None:
        self.check("robots-forbidden")

    @monitors.name("offsite-redirects")
    def test_offsite(self) -> None:
        self.check("offsite-redirects")


@monitors.name("Items")
class ItemsMonitor(RuleMonitor):
    @monitors.name("item-validation")
    def test_validation(self) -> None:
        self.check("item-validation")


@monitors.name("Schedule")
class ScheduleMonitor(RuleMonitor):
    @monitors.name("schedule")
    def test_schedule(self) -> None:
        """Every site crawled before had a good crawl within ARCHIVE_MONITOR_SCHEDULE."""
        self.check("schedule")


# --- the actions --------------------------------------------------------------------------


def failed_findings(action: Action) -> list[history.Finding]:
    return [f for f in findings(action.data) if not f.passed]


def crawl_id_of(action: Action) -> int | None:
    findings(action.data)
    return getattr(action.data.crawler, "archive_crawl_id", None)


class StoreResults(Action):
    """``monitor_results`` rows for the crawl, and the JSON report file."""

    def run_action(self) -> None:
        crawl_id = crawl_id_of(self)
        if crawl_id is None:
            raise SkipAction("not judged: the crawl did not finish (or never started)")
        results = findings(self.data)
        settings = self.data.crawler.settings
        db_path = settings.get("ARCHIVE_DB")
        db = open_db(db_path)
        try:
            history.save(db, crawl_id, results)
        finally:
            db.close()
        folder = Path(
            settings.get("ARCHIVE_MONITOR_REPORT_DIR")
            or Path(db_path).resolve().parent / "monitor-reports"
        )
        folder.mkdir(parents=True, exist_ok=True)
        report = folder / f"crawl-{crawl_id}.json"
        report.write_text(
            json.dumps(history.report(crawl_id, results), ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
        logger.info("monitor report: %s", report)


class NotConfiguredAction(Action):
    """Stands in for an alert whose settings are not given: skipped, with the reason."""

    def __init__(self, reason: str):
        super().__init__()
        self.reason = reason

    def run_action(self) -> None:
        raise SkipAction(self.reason)


def alert_text(crawl_id: int | None, failed: list[history.Finding]) -> tuple[str, str]:
    """The subject and body of an alert: which sites, which monitors, why."""
    sites = sorted({f.site_id or "(all)" for f in failed})
    subject = f"tct-archive crawl {crawl_id}: {len(failed)} monitors failed ({', '.join(sites)})"
    body = "\n".join([f"Crawl {crawl_id}: monitors failed", "", *(f.line() for f in failed)])
    return subject, body + "\n"


class EmailAlert(Action):
    """Spidermon's e-mail action (SPIDERMON_EMAIL_* and SPIDERMON_SMTP_* settings):
    :class:`crawler.mail.MonitorMail`, loaded only when e-mail is configured (its
    imports, premailer, cssutils and requests, took a tenth of every crawl's start)."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Action:
        if not crawler.settings.getlist("SPIDERMON_EMAIL_TO"):
            return NotConfiguredAction("SPIDERMON_EMAIL_TO is not set")
        from crawler.mail import MonitorMail

        return MonitorMail.from_crawler(crawler)


class WebhookAlert(Action):
    """POSTs the crawl's report (JSON: crawl id, failing sites and monitors, every result)
    to ARCHIVE_MONITOR_WEBHOOK_URL."""

    def __init__(self, url: str | None = None, timeout: float = 30.0):
        super().__init__()
        self.url = url
        self.timeout = timeout

    @classmethod
    def from_crawler_kwargs(cls, crawler: Crawler) -> dict[str, Any]:
        return {
            "url": crawler.settings.get("ARCHIVE_MONITOR_WEBHOOK_URL"),
            "timeout": crawler.settings.getfloat("ARCHIVE_MONITOR_WEBHOOK_TIMEOUT"),
        }

    def run_action(self) -> None:
        if not self.url:
            raise SkipAction("ARCHIVE_MONITOR_WEBHOOK_URL is not set")
        crawl_id = crawl_id_of(self)
        body = json.dumps(history.report(crawl_id or 0, findings(self.data)), ensure_ascii=False)
        request = urllib.request.Request(
            self.url,
            data=body.encode("utf-8"),
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "User-Agent": "tct-archive monitors",
            },
        )
        with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310
            answer.read()
        logger.info("monitor alert posted to %s", self.url)


class ArchiveMonitors(MonitorSuite):
    """The suite run when the spider closes (SPIDERMON_SPIDER_CLOSE_MONITORS)."""

    monitors = [ArticlesMonitor, CoverageMonitor, PagesMonitor, ItemsMonitor, ScheduleMonitor]
    monitors_finished_actions = [StoreResults]
    monitors_failed_actions = [EmailAlert, WebhookAlert]


# --- Spidermon under Scrapy 2.19 ----------------------------------------------------------


class _Result(SpiderMonitorResult):
    """Logs through ``spider.logger``: Spidermon 1.27 calls ``Spider.log()``, deprecated
    since Scrapy 2.13 (a ScrapyDeprecationWarning at every line of its report)."""

    def log(self, msg: Any, level: int = logging.DEBUG) -> None:
        self.spider.logger.log(level, "[Spidermon] %s", msg)

    def write_errors(self) -> None:
        """A failed monitor is an alert, not a bug: one line with its message, no
        traceback (``tct-archive crawl`` prints the alerts; a monitor or action that
        raised keeps its traceback)."""
        for status in self.step.error_statuses:
            for item in self.step.items_for_status(status):
                error = str(item.error or "")
                if status == "FAIL":
                    error = error.strip().splitlines()[-1].removeprefix("AssertionError: ")
                self.log_error(f"{status}: {item.item.name}: {error}")


class _Runner(SpiderMonitorRunner):
    def create_result(self) -> _Result:
        return _Result(self.spider)


class SpidermonExtension(Spidermon):
    """Spidermon's extension, running the suites with :class:`_Runner` (EXTENSIONS)."""

    def _run_suites(self, spider: Any, suites: Any) -> None:
        data = self._generate_data_for_spider(spider)
        for suite in suites:
            _Runner(spider=spider).run(suite, **data)
