"""What the spider hands to the pipeline: one fetched URL and what it held."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from archive.extract.records import Article


@dataclass
class PageItem:
    site_id: str
    url: str  # canonical URL
    kind: str  # article, listing, other, error
    fetched: str
    status: int | None = None
    content_type: str | None = None
    length: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None
    error: str | None = None
    article: Article | None = None
    aliases: list[str] = field(default_factory=list)  # other URLs serving this page
    captures: list[int] = field(default_factory=list)  # WARC captures behind it (redirects too)
    alias_of: str | None = None  # the page is this stored article's (not extracted again)
    listing_key: str | None = None  # a listing's content and rules (archive.extract.verdicts)

    @property
    def location(self) -> str:
        """Where the content was found: the end of any redirects."""
        return self.final_url or self.url

    def page_row(self, crawl_id: int | None) -> dict[str, Any]:
        row = {k: v for k, v in vars(self).items() if k not in _NOT_PAGE_COLUMNS}
        row.update(checked=self.fetched, crawl_id=crawl_id)
        return row


_NOT_PAGE_COLUMNS = frozenset({"article", "aliases", "captures", "alias_of"})


@dataclass
class AttachmentItem:
    """A document fetched for the articles that link to it (``attachments`` rows)."""

    site_id: str
    url: str
    article_urls: list[str]  # where the linking articles live (any of their URLs)
    fetched: str
    file_name: str | None
    media_type: str | None
    size: int
    sha256: str
    captures: list[int] = field(default_factory=list)
    #: archive.capture.documents: text, pages, text_method, text_error (None: not read)
    document: dict[str, Any] | None = None


@dataclass
class SiteCounts:
    """Per-site tallies for one run, written to ``crawl_sites``."""

    pages: int = 0
    ok: int = 0
    errors: int = 0
    articles_new: int = 0
    articles_changed: int = 0
    articles_seen: int = 0
    aliases_new: int = 0
    not_modified: int = 0  # 304 answers to conditional requests
    articles_removed: int = 0  # article URLs answering 404/410
    found: set[int] = field(default_factory=set)  # articles stored, 304ed or linked while fresh
    listings: int = 0  # pages read (or known) as listings
    scheduled: int = 0
    # What this run extracted (archive/store/history.py compares them with earlier runs):
    extracted: int = 0  # articles extracted from a fetched page
    with_title: int = 0
    with_date: int = 0
    with_author: int = 0
    body_words: int = 0
    generic: int = 0  # bodies found by the generic path
    messages: list[str] = field(default_factory=list)  # notes on normal behaviour (caps, traps)
    failures: Counter[str] = field(default_factory=Counter)  # failed pages by kind of failure
    robots: int = 0  # pages robots.txt forbade (recorded, not failed)

    @property
    def articles_found(self) -> int:
        """Distinct articles this run saw or confirmed: stored, answered 304 at one of their
        URLs, or still linked while not due for revalidation."""
        return len(self.found)
