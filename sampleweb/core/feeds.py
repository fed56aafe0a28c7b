"""RSS 2.0 feeds and XML sitemaps, the discovery files some school CMSs publish."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from html import escape

from sampleweb.core import dates


def rss(title: str, link: str, items: Iterable[tuple[str, str, datetime, str]]) -> str:
    """Items are (title, absolute URL, published, description)."""
    rows = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(u)}</link>"
        f'<guid isPermaLink="true">{escape(u)}</guid><pubDate>{dates.rfc822(when)}</pubDate>'
        f"<description><![CDATA[{d}]]></description></item>\n"
        for t, u, when, d in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:atom="http://www.w3.org/2005/Atom"><channel>\n'
        f"<title>{escape(title)}</title><link>{escape(link)}</link>"
        f"<description>{escape(title)}</description><language>vi</language>\n"
        f"{rows}</channel></rss>\n"
    )


def urlset(urls: Iterable[tuple[str, datetime | None]]) -> str:
    """A sitemap of (absolute URL, lastmod) pairs."""
    rows = "".join(
        f"<url><loc>{escape(u)}</loc>"
        + (f"<lastmod>{dates.w3c(when)}</lastmod>" if when else "")
        + "</url>\n"
        for u, when in urls
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{rows}</urlset>\n'
    )


def sitemap_index(urls: Iterable[str]) -> str:
    rows = "".join(f"<sitemap><loc>{escape(u)}</loc></sitemap>\n" for u in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{rows}'
        "</sitemapindex>\n"
    )
