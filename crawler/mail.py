"""The monitors' e-mail alert (crawler.monitors.EmailAlert loads it when configured)."""

from __future__ import annotations

import logging
import smtplib
from email.message import Message
from typing import Any

from scrapy.crawler import Crawler
from spidermon.contrib.actions.email import SendEmail

from crawler.monitors import alert_text, crawl_id_of, failed_findings

logger = logging.getLogger(__name__)


class MonitorMail(SendEmail):
    """Spidermon's e-mail action (SPIDERMON_EMAIL_* and SPIDERMON_SMTP_* settings), sent
    with smtplib before the crawl returns: Scrapy's MailSender sends on the reactor,
    which stops right after the spider closes, so a mail could be lost. The SMTP user
    and password are optional (a local relay needs none)."""

    def __init__(self, *args: Any, smtp: dict[str, Any] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.smtp = smtp or {}

    @classmethod
    def from_crawler_kwargs(cls, crawler: Crawler) -> dict[str, Any]:
        kwargs = super().from_crawler_kwargs(crawler)
        kwargs["sender"] = kwargs["sender"] or "tct-archive@localhost"
        kwargs["subject"] = kwargs["subject"] or "tct-archive: monitors failed"
        settings = crawler.settings
        kwargs["smtp"] = {
            "host": settings.get("SPIDERMON_SMTP_HOST") or "localhost",
            "port": settings.getint("SPIDERMON_SMTP_PORT") or 25,
            "user": settings.get("SPIDERMON_SMTP_USER"),
            "password": settings.get("SPIDERMON_SMTP_PASSWORD"),
            "tls": settings.getbool("SPIDERMON_SMTP_ENFORCE_TLS"),
            "ssl": settings.getbool("SPIDERMON_SMTP_ENFORCE_SSL"),
        }
        return kwargs

    def get_subject(self) -> str:
        if self.subject != "tct-archive: monitors failed":
            return str(super().get_subject())
        return alert_text(crawl_id_of(self), failed_findings(self))[0]

    def get_body_text(self) -> str:
        return alert_text(crawl_id_of(self), failed_findings(self))[1]

    def get_body_html(self) -> str:
        return ""

    def send_message(self, message: Message, **kwargs: Any) -> None:
        smtp = self.smtp
        client_class = smtplib.SMTP_SSL if smtp["ssl"] else smtplib.SMTP
        with client_class(smtp["host"], smtp["port"], timeout=30) as client:
            if smtp["tls"]:
                client.starttls()
            if smtp["user"]:
                client.login(smtp["user"], smtp["password"] or "")
            recipients = [*self.to, *(self.cc or []), *(self.bcc or [])]
            client.sendmail(self.sender, recipients, message.as_string())
        logger.info("monitor alert e-mailed to %s", ", ".join(self.to))
