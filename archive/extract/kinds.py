"""Telling article pages from listings and everything else.

Listing, category, tag, search and pagination pages are never stored as
articles. Generic URL shapes (pagination, tags, search, feeds) decide first, then the
CMS rules' own article and listing shapes (archive.extract.rules); the page's content
decides when the URL says nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from archive.extract import rules
from archive.extract.records import Article
from archive.sites.registry import Site

#: URL shapes of listings on any CMS: pagination, categories, tags, search, feeds.
LISTING_URL = tuple(
    re.compile(p, re.I)
    for p in (
        r"[?&](page|start|limitstart|p|pg|trang|paged|cur|pageindex)=\d+",
        r"[?&][^=&]*_cur=\d+",  # Liferay asset publisher paging
        r"/page[-/]\d+/?$",
        r"/(tag|tags|category|categories|chuyen-muc|danh-muc|topics?|author)/",
        r"[?&](s|q|keyword|search|tu-khoa)=",
        r"/(search|tim-kiem|timkiem)(/|\.|$)",
        r"/(rss|feed|atom)(/|\.xml|$)",
        r"sitemap[^/]*\.xml",
        r"/list[^/]*\.aspx",
        r"/\d{4}/(\d{2}/)?$",  # date archives
    )
)

MIN_ARTICLE_WORDS = 40  # shorter pages are notices at best; kept only when the URL says article
HEADLINE_CHARS = 25  # a link text this long reads like a headline
MIN_TEASERS = 3  # headlines or summaries of other pages inside the main text: a listing
TEASER_CHARS = 40  # a summary is at least this long
TEASER_SHARE = 0.3  # or other pages' headlines and summaries make up this much of the text
MAX_TEASER_BLOCK = 1200  # a block holding a headline and its summary is no longer than this


@dataclass(frozen=True)
class Signals:
    """What the page itself says, measured once by archive.extract.page."""

    headlines: tuple[str, ...] = ()  # texts of in-site links long enough to be headlines
    article_links: int = 0  # in-site links whose URL has an article shape
    teasers: tuple[str, ...] = ()  # the summaries printed beside those links


def url_kind(url: str, site: Site) -> str | None:
    """'listing' or 'article' when the URL alone decides, else None."""
    parts = urlsplit(url)
    path = parts.path
    if path in ("", "/") or (site.path_prefix and path.rstrip("/") == site.path_prefix.rstrip("/")):
        return "listing"
    if any(re.search(p, url) for p in site.article_deny):
        return "listing"
    if site.article_allow:
        return "article" if any(re.search(p, url) for p in site.article_allow) else "listing"
    if any(p.search(url) for p in LISTING_URL):
        return "listing"
    return rules.url_kind(url, site.hints.get("cms"))


def listing_by_shape(url: str, site: Site, signals: Signals) -> bool:
    """A listing whatever its text says: the URL, or its links, decide.

    archive.extract.page skips extraction for these pages (a third of a crawl's pages).
    """
    by_url = url_kind(url, site)
    # signals.article_links: this site's articles have recognizable URLs, and this one is not.
    return by_url == "listing" or (by_url is None and signals.article_links >= 3)


def page_kind(url: str, site: Site, article: Article | None, signals: Signals) -> str:
    """Decide article / listing / other for a fetched HTML page."""
    if listing_by_shape(url, site, signals):
        return "listing"
    by_url = url_kind(url, site)
    words = len(article.text.split()) if article else 0
    if by_url == "article":
        return "article" if words else "other"
    if article is None or words < MIN_ARTICLE_WORDS:
        return "listing" if len(signals.headlines) >= 5 else "other"
    # Extraction drops "Tin khác" boxes from articles; a listing's teasers are its text.
    inside = [t for t in signals.headlines + signals.teasers if t in article.text]
    if len(inside) >= MIN_TEASERS or sum(map(len, inside)) >= TEASER_SHARE * len(article.text):
        return "listing"
    return "article" if article.date else "other"
