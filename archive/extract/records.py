"""The records passed between extraction, the crawler and storage.

One definition of each field name, so that the spider, the store and the
``extract`` command cannot drift apart.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: Kinds of page recorded in ``pages.kind``.
PAGE_KINDS = ("article", "listing", "other", "error")


@dataclass
class Article:
    """What extraction finds in one article page.

    ``date`` is the publication day (YYYY-MM-DD); ``published_at`` adds the
    time with the +07:00 offset when the page prints one. ``problems`` notes what
    extraction had to give up (a field whose finder failed, or the whole page), for
    ``pages.error``; it is not an ``articles`` column.
    """

    url: str
    title: str | None = None
    date: str | None = None
    published_at: str | None = None
    author: str | None = None
    source: str | None = None
    text: str = ""
    lead: str | None = None
    captions: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    canonical_url: str | None = None
    cms: str | None = None
    language: str | None = None
    problems: list[str] = field(default_factory=list)
    #: Which path found each field (title, date, author, source, lead, body): "site" (registry
    #: selectors), "cms:<name>", "generic", "meta" (og:title, article:published_time, JSON-LD,
    #: hAtom), "url" (a date in the URL) or "title-tag" (a title only ``<title>`` gave).
    extraction: dict[str, str] = field(default_factory=dict)
    #: What a person should check: no-date, no-author, title-from-title-tag, short-body.
    flags: list[str] = field(default_factory=list)

    @property
    def generic(self) -> bool:
        """The body was found by the generic path: no site or CMS rule named its block."""
        return self.extraction.get("body", "generic") == "generic"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class PageResult:
    """Everything the crawler needs from one fetched HTML page.

    Produced by :func:`archive.extract.page.analyze_page` in a worker process, so it
    must stay picklable and small: links are strings, the article is a record.
    """

    url: str
    kind: str
    links: list[str] = field(default_factory=list)
    article: Article | None = None
    aliases: list[str] = field(default_factory=list)  # other URLs the page declares for itself
    reason: str | None = None
    article_links: list[str] = field(default_factory=list)  # links of a confirmed article shape
    alias_of: str | None = None  # an article this crawl stored, which this page is (not extracted)
    by_content: bool = False  # the kind was decided by reading the page, not by its URL
    spellings: dict[str, str] = field(default_factory=dict)  # link -> as written, if not so
    listing_key: str | None = None  # a listing's content and rules (archive.extract.verdicts)
