"""Canonical URLs and crawl scope.

A page must be fetched once, whatever the link that led to it: fragments go,
the query is sorted, session and tracking parameters are removed (old ASP.NET
and PHP sites put a session ID in every link; an ambiguous name such as ``sid``
only when its value has a session token's shape), default ports and host case
are normalized. w3lib does the percent-encoding and sorting. (courlan's cleaning
is not used: it drops ``cid``, a category number on many PHP sites, and keeps
``sid=0123456789abcdef0123``.)
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url, safe_url_string

from archive.sites.endpoints import machine_endpoint
from archive.sites.registry import Site

#: Query parameters that never change what a page shows (compared lowercased).
SESSION_PARAMS = frozenset(
    {
        "jsessionid", "phpsessid", "sessionid", "session_id", "aspsessionid",
        "cfid", "cftoken", "zenid", "osCsid".lower(), "nv_session",
    }
)  # fmt: skip
#: Names that are a session id only when the value looks like one: PHP-Nuke (NukeViet's
#: ancestor) numbers its stories ``modules.php?name=News&file=article&sid=123``.
SHAPED_SESSION_PARAMS = frozenset({"sid"})
#: A session token: 16 or more letters, digits, ``,`` or ``-``, not all digits (PHP's ids
#: are 26 to 40 such characters; a story number is digits).
_SESSION_TOKEN = re.compile(r"(?=.*[^0-9])[A-Za-z0-9,-]{16,}")
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid", "_ga", "ref_src"}
)
TRACKING_PREFIXES = ("utm_", "aspsessionid")
_PATH_SESSION = re.compile(r";(?:jsessionid|phpsessid|sid)=[^/?#]*", re.I)
_ASPNET_COOKIELESS = re.compile(r"/\((?:[A-Z]\([^)]*\))+\)", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_ESCAPE = re.compile(r"%[0-9a-f]{2}", re.I)

#: Extensions that are never HTML pages worth following.
ASSET_EXTENSIONS = frozenset(
    [
        ".css",
        ".js",
        ".json",
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".bmp",
        ".webp",
        ".svg",
        ".ico",
        ".tif",
        ".tiff",
        ".mp3",
        ".mp4",
        ".avi",
        ".wmv",
        ".flv",
        ".mov",
        ".webm",
        ".ogg",
        ".wav",
        ".woff",
        ".woff2",
        ".ttf",
        ".eot",
        ".exe",
        ".msi",
        ".dmg",
        ".iso",
    ]
)
#: Documents kept as attachments of the article that links them.
DOCUMENT_EXTENSIONS = frozenset(
    [".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".rtf"]
)


def canonical_url(url: str) -> str:
    """The one spelling of ``url`` used for scheduling, storage and dedup."""
    url = _PATH_SESSION.sub("", url.strip())
    url = _ASPNET_COOKIELESS.sub("", url)
    parts = urlsplit(canonicalize_url(url))
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port in (None, _DEFAULT_PORTS.get(parts.scheme)) else f"{host}:{port}"
    query = "&".join(p for p in parts.query.split("&") if p and not _noise(*p.partition("=")[::2]))
    return urlunsplit((parts.scheme, netloc, parts.path or "/", query, ""))


def request_url(url: str) -> str:
    """The spelling of ``url`` to send: session and tracking parameters and the fragment
    removed and percent-escapes in upper case (RFC 3986's normal form), as in
    :func:`canonical_url`, but the query in the site's order. Sorting is for identity
    only: a server may route the query string as written (DNN's
    ``?tabid=60&ctl=Detail&mid=412&ItemID=1301``)."""
    url = _ASPNET_COOKIELESS.sub("", _PATH_SESSION.sub("", url.strip()))
    url = _ESCAPE.sub(lambda m: m[0].upper(), safe_url_string(url))
    parts = urlsplit(url)
    query = "&".join(p for p in parts.query.split("&") if p and not _noise(*p.partition("=")[::2]))
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, ""))


def canonical_or_none(url: str) -> str | None:
    """:func:`canonical_url` of a URL a page or server wrote, None when it is not a URL
    (``http://host:vi/...``: a CMS that lost its port number)."""
    try:
        return canonical_url(url)
    except ValueError:
        return None


def web_link(base: str, href: str) -> str | None:
    """The absolute http(s) URL a page's ``href`` names, None for other schemes and for
    what is not a URL at all (urljoin raises on an unbalanced IPv6 bracket)."""
    try:
        absolute = urljoin(base, href.strip())
        return absolute if urlsplit(absolute).scheme in ("http", "https") else None
    except ValueError:
        return None


def _noise(name: str, value: str) -> bool:
    """A session or tracking parameter: the page is the same without it."""
    name = name.lower()
    if name in SHAPED_SESSION_PARAMS:
        return _SESSION_TOKEN.fullmatch(value) is not None
    return name in SESSION_PARAMS or name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


def extension(url: str) -> str:
    path = urlsplit(url).path.lower()
    dot = path.rfind(".")
    return path[dot:] if dot > path.rfind("/") else ""


def port_of(url: str) -> int | None:
    """The port a URL connects to (its scheme's default when none is written)."""
    parts = urlsplit(url)
    try:
        return parts.port or _DEFAULT_PORTS.get(parts.scheme)
    except ValueError:
        return None


@lru_cache(maxsize=1024)
def _site_ports(declared: tuple[str, ...]) -> frozenset[int | None]:
    """The ports of a site's declared URLs; http and https on their default ports are one
    site (schools move to https), any other port is a server of its own."""
    ports = {port_of(url) for url in declared}
    return frozenset(ports | {80, 443} if ports & {80, 443} else ports)


def _domain_port(domain: str) -> tuple[str, int | None]:
    """``host`` or ``host:port`` of a registry ``allowed_domains`` entry."""
    host, _, port = domain.rpartition(":") if domain.count(":") == 1 else (domain, "", "")
    return (host, int(port)) if port.isdigit() else (domain, None)


def allowed_hosts(site: Site) -> list[str]:
    """The host names of a site's ``allowed_domains``, ports left out (what Scrapy's
    offsite filter and the per-host delays take)."""
    return [_domain_port(d)[0] for d in site.allowed_domains]


def host_allowed(url: str, site: Site) -> bool:
    """True when the URL's host is one of the site's domains or a subdomain of one, on one
    of the site's ports: those of its start, sitemap and feed URLs, or an
    ``allowed_domains`` entry written ``host:port``.

    ``www.`` is not a different site: a school registered at ``www.x.gov.vn``
    that redirects to ``x.gov.vn`` (or links there) stays in scope.
    """
    host, port = (urlsplit(url).hostname or "").lower(), port_of(url)
    ports = _site_ports(site.start_urls + site.sitemap_urls + site.feed_urls)
    return any(
        (host == domain or host.endswith("." + domain) or f"www.{host}" == domain)
        and (port == only if only is not None else port in ports)
        for domain, only in map(_domain_port, site.allowed_domains)
    )


def in_scope(url: str, site: Site) -> bool:
    """May the crawler follow this link? Domains, path prefix, deny rules, and never a
    machine endpoint (archive/sites/endpoints.py)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not host_allowed(url, site):
        return False
    if site.path_prefix and not parts.path.startswith(site.path_prefix):
        return False
    if extension(url) in ASSET_EXTENSIONS or machine_endpoint(url):
        return False
    return not any(re.search(p, url) for p in site.deny)


def is_document(url: str) -> bool:
    return extension(url) in DOCUMENT_EXTENSIONS
