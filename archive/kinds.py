"""Telling article pages from listings and everything else.

Listing, category, tag, search and pagination pages are never stored as
articles. URL shapes decide first (they are reliable on every CMS we know);
the page's content decides when the URL says nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from archive.records import Article
from archive.registry import Site

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

#: URL shapes of articles on the CMSs seen on school sites (notes.md §2).
ARTICLE_URL = tuple(
    re.compile(p, re.I)
    for p in (
        r"/news/[^/]+/[^/]+-\d+\.html?$",  # NukeViet 4
        r"/index\.php/news/[^/]+/[^/]+-\d+/?$",  # NukeViet 3
        r"/-/view_content/\d+",  # Liferay
        r"/asset_publisher/[^/]+/content/",  # Liferay
        r"/-/tin-tuc/",  # Liferay (Hậu Giang)
        r"/node/\d+/?$",  # Drupal
        r"/post/\d+/[^/]+\.aspx$",  # ASP.NET, DotNetNuke
        r"articledetail\.aspx\?.*id=\d+",  # ASP.NET
        r"dnews\.aspx\?.*newsid=\d+",
        r"[?&]tin_id=\d+",
        r"/index\.php/[^/]+/\d+-[^/]+$",  # Joomla
        r"/\d{4}/\d{2}/\d{2}/[^/]+/?$",  # WordPress
        r"modules\.php\?.*name=news.*&(sid|id)=\d+",  # PHP-Nuke
    )
)
_SAVEFILE = re.compile(r"/(savefile|print)/", re.I)

MIN_ARTICLE_WORDS = 40  # shorter pages are notices at best; kept only when the URL says article
HEADLINE_CHARS = 25  # a link text this long reads like a headline


@dataclass(frozen=True)
class Signals:
    """What the page itself says, measured once by archive.page."""

    headline_links: int  # in-site links with headline-length text
    headline_chars: int  # characters of those link texts


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
    if any(p.search(url) for p in ARTICLE_URL) or _SAVEFILE.search(url):
        return "article"
    return None


def page_kind(url: str, site: Site, article: Article | None, signals: Signals) -> str:
    """Decide article / listing / other for a fetched HTML page."""
    by_url = url_kind(url, site)
    words = len(article.text.split()) if article else 0
    if by_url == "article":
        return "article" if words else "other"
    if by_url == "listing":
        return "listing"
    if article is None or words < MIN_ARTICLE_WORDS:
        return "listing" if signals.headline_links >= 5 else "other"
    text_chars = max(1, len(article.text))
    if signals.headline_links >= 8 and signals.headline_chars > 0.35 * text_chars:
        return "listing"
    return "article" if article.date else "other"
