"""Telling article pages from listings and everything else.

Listing, category, tag, search and pagination pages are never stored as
articles, and an article is never lost for its URL. The page's content decides:
a full, dated text is an article; a text made of other pages' headlines and
summaries is a listing. URL shapes (generic ones, the CMS rules' own, in
archive.extract.rules) are priors for short or undated pages; they let the
crawler skip reading a page only when the registry says so or when this
site's own pages have confirmed the shape during the crawl
(archive.extract.shapes).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from archive.extract import rules
from archive.extract.records import Article
from archive.extract.shapes import shape_of
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
TEASER_SLACK = 200  # and holds little beside them (a date, "Xem tiếp", a category)


@dataclass(frozen=True)
class Signals:
    """What the page itself says, measured once by archive.extract.page."""

    headlines: tuple[str, ...] = ()  # texts of in-site links long enough to be headlines
    teasers: tuple[str, ...] = ()  # the summaries printed beside those links


def url_kind(url: str, site: Site) -> str | None:
    """'listing' or 'article' as the URL suggests (registry, home page, generic and CMS
    shapes), else None: a prior for scheduling and for undated pages, never a verdict
    on a page whose text says otherwise."""
    if known := registry_kind(url, site):
        return known
    if any(p.search(url) for p in LISTING_URL):
        return "listing"
    return rules.url_kind(url, site.hints.get("cms"))


def registry_kind(url: str, site: Site) -> str | None:
    """What the registry entry says of the URL (its home page, ``article_allow`` and
    ``article_deny``): trusted without reading the page."""
    parts = urlsplit(url)
    path = parts.path
    home = path in ("", "/") or (
        site.path_prefix and path.rstrip("/") == site.path_prefix.rstrip("/")
    )
    if home and not parts.query:
        return "listing"
    if any(re.search(p, url) for p in site.article_deny):
        return "listing"
    if site.article_allow:
        return "article" if any(re.search(p, url) for p in site.article_allow) else "listing"
    return None


def known_kind(url: str, site: Site, shapes: Mapping[str, str] | None) -> str | None:
    """A verdict that spares reading the page: the registry's, or the one this site's own
    pages of the URL's shape confirmed during the crawl (archive.extract.shapes)."""
    return registry_kind(url, site) or (shapes.get(shape_of(url)) if shapes else None)


def page_kind(
    url: str, site: Site, article: Article | None, signals: Signals, known: str | None = None
) -> str:
    """Decide article / listing / other for a fetched HTML page, by its content.

    A full, dated text that is not made of other pages' headlines and
    summaries is an article whatever its URL. The registry's verdict stands;
    a shape learned in the crawl (``known``) or the URL's prior of
    :func:`url_kind` only decide for short or undated texts.
    """
    registry = registry_kind(url, site)
    if "listing" in (registry, known):
        return "listing"
    words = len(article.text.split()) if article else 0
    if registry == "article":
        return "article" if words else "other"
    prior = known or url_kind(url, site)
    if article is None or words < MIN_ARTICLE_WORDS:
        if prior == "article" and words and not teaser_text(article, signals):
            return "article"  # a short notice where the site keeps its articles
        return "listing" if len(signals.headlines) >= 5 else "other"
    if teaser_text(article, signals):
        return "listing"
    if article.date or prior == "article":
        return "article"
    return "listing" if prior == "listing" else "other"


def declared_article(url: str, site: Site, article: Article | None, signals: Signals) -> bool:
    """A page whose shortlink has an article's shape (Drupal's ``/node/N``) is an article
    when its text is a full one, not other pages' teasers: a Drupal home page is often a
    node too. Shorter pages are judged as any other (:func:`page_kind`)."""
    if article is None or registry_kind(url, site) == "listing":
        return False
    return len(article.text.split()) >= MIN_ARTICLE_WORDS and not teaser_text(article, signals)


def teaser_text(article: Article | None, signals: Signals) -> bool:
    """Extraction drops "Tin khác" boxes from articles; a listing's teasers are its text."""
    if article is None:
        return False
    inside = [t for t in signals.headlines + signals.teasers if t in article.text]
    share = sum(map(len, inside))
    if share >= TEASER_SHARE * len(article.text):
        return True
    # Teasers through most of the text: a listing. In a few paragraphs of a long text they
    # are an "other news" box that extraction kept (broken markup), not what the page is.
    paragraphs = [p for p in article.text.split("\n\n") if p.strip()]
    marked = sum(any(t in p for t in inside) for p in paragraphs)
    return len(inside) >= MIN_TEASERS and 2 * marked >= len(paragraphs)
