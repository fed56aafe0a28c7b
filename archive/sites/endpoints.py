"""Machine endpoints: URLs a site links to that are for programs, not readers.

A WordPress page links its REST API, oEmbed, XML-RPC, per-post comment feeds
and reply links; Joomla and NukeViet link e-mail-a-friend forms and popup
views; DNN links a print view of every article. None of them holds an article
a reader would not find at the article's own URL, and together they cost more
requests than the articles (a stock WordPress: 7.9 requests per post). The crawl
never follows them.

Patterns are data, matched against the canonical URL (path and query,
lowercased); add a line to skip another kind.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: (name, pattern over "path?query", lowercased)
MACHINE_ENDPOINTS: tuple[tuple[str, str], ...] = (
    ("rest api", r"^/wp-json(/|$)|[?&]rest_route="),
    ("xml-rpc", r"/xmlrpc\.php(\?|$)"),
    ("oembed", r"/oembed(/|\.|$)|[?&]format=oembed"),
    ("post embed", r"/embed/?$"),
    ("login and admin", r"/wp-(login|signup|cron|trackback)\.php(\?|$)|^/wp-admin(/|$)"),
    ("comment feed", r"/comments/feed/?$|[?&]feed=comments-"),
    ("feed of one post", r"/\d{4}/\d{1,2}/(\d{1,2}/)?[^/]+/feed/?$"),
    ("taxonomy feed", r"/(tag|category|author)/[^?]+/feed/?$"),
    ("post feed", r"[?&]feed=[^&]*.*&p=\d|[?&]p=\d+.*&feed="),
    ("reply link", r"[?&](replytocom|like_comment|doing_wp_cron)="),
    ("share link", r"[?&]share=|/share/?$|sharer\.php"),
    ("trackback", r"/trackback/?$"),
    ("e-mail form", r"option=com_mailto|/sendmail(/|$)|[?&]tmpl=component"),
    ("cdn helper", r"^/cdn-cgi/"),
    ("print view", r"[?&]ctl=print(&|$)"),  # DNN's print control: the article, canonical to it
)

_COMPILED = tuple((name, re.compile(p)) for name, p in MACHINE_ENDPOINTS)


def machine_endpoint(url: str) -> str | None:
    """The kind of machine endpoint ``url`` is, or None for a page worth reading."""
    parts = urlsplit(url)
    target = (parts.path or "/").lower() + (f"?{parts.query.lower()}" if parts.query else "")
    for name, pattern in _COMPILED:
        if pattern.search(target):
            return name
    return None
