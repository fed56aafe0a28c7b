"""Monitors and alerts at the end of a crawl (issue 21), on the sample web crawled three times.

1. a first crawl of the whole web: every monitor passes, no alert is sent;
2. Liferay's redesign drops the publication date from its pages, and the web is
   recrawled with ``--revalidate-after 0``: a date-coverage alert names Liferay,
   by e-mail (a real SMTP server on loopback, aiosmtpd) and webhook (a loopback
   HTTP receiver), and the crawl exits 7;
3. Drupal goes dark (every URL answers 404) and NukeViet's robots.txt starts to
   forbid its news section: a zero-articles alert for Drupal, a robots alert for
   NukeViet. The sites left untouched raise no alert in any crawl.
"""

from __future__ import annotations

import json
import socket
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from sqlite_utils import Database

from sampleweb import SampleWebServer, build_sample_web
from sampleweb.faults import EVERYWHERE, Breakages
from tests.crawling import crawl

pytestmark = pytest.mark.e2e

UNTOUCHED = ("aspnet", "joomla", "websphere", "wordpress")


class Mailbox:
    """aiosmtpd handler keeping every message delivered to it."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.recipients: list[list[str]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.original_content))
        self.recipients.append(list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"


class Receiver(BaseHTTPRequestHandler):
    """The webhook's other end: keeps each POSTed body."""

    bodies: list[dict[str, Any]]

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers["Content-Length"])
        self.server.bodies.append(json.loads(self.rfile.read(length)))  # type: ignore[attr-defined]
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Run:
    result: subprocess.CompletedProcess[str]
    crawl_id: int
    mails: list[Message]
    hooks: list[dict[str, Any]]
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # site, monitor, message


@dataclass
class Sequence:
    db_path: Path
    runs: list[Run]


@pytest.fixture(scope="module")
def sequence(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sequence]:
    tmp = tmp_path_factory.mktemp("monitors")
    web = build_sample_web(articles_per_site=8)
    breakages = Breakages(web)
    mailbox = Mailbox()
    smtp = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    hook = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    hook.bodies = []  # type: ignore[attr-defined]
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    alerts = [
        "-s",
        "SPIDERMON_EMAIL_TO=archivist@example.org",
        "-s",
        f"SPIDERMON_SMTP_HOST={smtp.hostname}",
        "-s",
        f"SPIDERMON_SMTP_PORT={smtp.port}",
        "-s",
        f"ARCHIVE_MONITOR_WEBHOOK_URL=http://127.0.0.1:{hook.server_address[1]}/alerts",
    ]
    db_path = tmp / "archive.db"
    runs: list[Run] = []

    def run(*extra: str) -> None:
        mails, hooks = len(mailbox.messages), len(hook.bodies)  # type: ignore[attr-defined]
        result = crawl(db_path, tmp / "sites.toml", *alerts, *extra)
        db = Database(db_path)
        crawl_id = db.execute("select max(id) from crawls").fetchone()[0]
        failed = db.execute(
            "select site_id, monitor, message from monitor_results "
            "where crawl_id = ? and passed = 0",
            [crawl_id],
        ).fetchall()
        db.close()
        runs.append(
            Run(
                result,
                crawl_id,
                mailbox.messages[mails:],
                hook.bodies[hooks:],
                [tuple(r) for r in failed],
            )
        )  # type: ignore[attr-defined]

    try:
        with SampleWebServer(web, faults={EVERYWHERE: breakages}) as server:
            server.write_sites(tmp / "sites.toml")
            run()
            breakages.undated.add("liferay")
            run("--revalidate-after", "0")
            breakages.undated.clear()
            breakages.dark.add("drupal")
            breakages.forbidden["nukeviet"] = ["/vi/news/"]
            run()
        yield Sequence(db_path, runs)
    finally:
        smtp.stop()
        hook.shutdown()
        hook.server_close()


def failing(run: Run, site: str) -> set[str]:
    return {monitor for s, monitor, _ in run.failed if s == site}


def test_a_healthy_crawl_passes_every_monitor_and_sends_nothing(sequence: Sequence) -> None:
    first = sequence.runs[0]
    assert first.result.returncode == 0, first.result.stdout + first.result.stderr[-3000:]
    assert first.failed == []
    assert first.mails == [] and first.hooks == []
    assert "monitor failed" not in first.result.stdout
    db = Database(sequence.db_path)
    sites = {r[0] for r in db.execute("select site_id from monitor_results where crawl_id = 1")}
    assert len(sites) == 7  # every site judged, and each monitor recorded passing
    monitors = {r[0] for r in db.execute("select monitor from monitor_results where crawl_id = 1")}
    assert {"zero-articles", "coverage-date", "robots-forbidden", "schedule"} <= monitors


def test_dates_disappearing_raise_a_date_coverage_alert_naming_the_site(sequence: Sequence) -> None:
    second = sequence.runs[1]
    assert failing(second, "liferay") == {"coverage-date"}, second.failed
    message = next(m for s, mon, m in second.failed if s == "liferay")
    assert message.startswith("date found on 0% of "), message
    assert "was 100%" in message
    assert "monitor failed: liferay: coverage-date: date found on 0%" in second.result.stdout


def test_a_failed_monitor_alone_exits_7(sequence: Sequence) -> None:
    second = sequence.runs[1]
    assert second.result.returncode == 7, second.result.stdout + second.result.stderr[-3000:]
    assert "1 monitors failed: liferay" in second.result.stderr


def test_the_email_names_the_site_and_the_failing_monitor(sequence: Sequence) -> None:
    second = sequence.runs[1]
    assert len(second.mails) == 1
    mail = second.mails[0]
    assert "liferay" in mail["Subject"] and f"crawl {second.crawl_id}" in mail["Subject"]
    assert mail["To"] == "archivist@example.org"
    text = next(p for p in mail.walk() if p.get_content_type() == "text/plain")
    body = text.get_payload(decode=True).decode("utf-8")
    assert "liferay: coverage-date: date found on 0%" in body


def test_the_webhook_names_the_site_and_the_failing_monitor(sequence: Sequence) -> None:
    second = sequence.runs[1]
    assert len(second.hooks) == 1
    report = second.hooks[0]
    assert report["crawl_id"] == second.crawl_id and report["passed"] is False
    assert report["sites_failing"] == ["liferay"]
    assert report["monitors_failing"] == ["coverage-date"]
    assert [(f["site_id"], f["monitor"]) for f in report["failed"]] == [
        ("liferay", "coverage-date")
    ]


def test_a_site_gone_dark_raises_a_zero_articles_alert(sequence: Sequence) -> None:
    third = sequence.runs[2]
    assert "zero-articles" in failing(third, "drupal"), third.failed
    assert third.result.returncode == 1  # drupal failed entirely: 1 wins over 7
    assert "monitor failed: drupal: zero-articles: no articles seen" in third.result.stdout
    assert any(
        f["site_id"] == "drupal" and f["monitor"] == "zero-articles"
        for f in third.hooks[0]["failed"]
    )


def test_robots_txt_forbidding_the_news_raises_its_alert(sequence: Sequence) -> None:
    third = sequence.runs[2]
    assert "robots-forbidden" in failing(third, "nukeviet"), third.failed
    message = next(m for s, mon, m in third.failed if (s, mon) == ("nukeviet", "robots-forbidden"))
    assert message.startswith("robots.txt now forbids ") and "/vi/news/" in message
    assert "nukeviet" in third.mails[0]["Subject"]


def test_untouched_sites_raise_no_alert(sequence: Sequence) -> None:
    for run in sequence.runs:
        for site in UNTOUCHED:
            assert failing(run, site) == set(), (run.crawl_id, site, run.failed)
    assert failing(sequence.runs[1], "nukeviet") == failing(sequence.runs[1], "drupal") == set()


def test_a_report_file_per_crawl(sequence: Sequence) -> None:
    folder = sequence.db_path.parent / "monitor-reports"
    for run in sequence.runs:
        report = json.loads((folder / f"crawl-{run.crawl_id}.json").read_text(encoding="utf-8"))
        assert report["crawl_id"] == run.crawl_id
        assert sorted((f["site_id"], f["monitor"]) for f in report["failed"]) == sorted(
            (s, m) for s, m, _ in run.failed
        )
        assert len(report["results"]) > len(report["failed"])
