"""Sitemaps and feeds: where a site lists its own articles.

Parsed with lxml in recover mode, because the sitemaps of old portals are
often not well-formed. ``lastmod`` is kept only when it is W3C datetime: some
Vietnamese PHP sites write ``m/d/Y`` there, and a wrong date must not make the
crawler skip a page.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

from lxml import etree

_W3C_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"
)
MAX_XML_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit
GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Entry:
    url: str
    lastmod: str | None = None


@dataclass(frozen=True)
class Listing:
    """A parsed sitemap, sitemap index or feed."""

    kind: str  # urlset, sitemapindex, rss, atom, or unknown
    entries: tuple[Entry, ...]


def looks_like_xml(body: bytes, content_type: str) -> bool:
    """A sitemap or feed, by its type or its first bytes; a gzipped one too, whatever its
    type says (old IIS and Apache serve ``.xml.gz`` as application/x-gzip or
    application/octet-stream)."""
    head = body[:512]
    if head[:2] == GZIP_MAGIC:
        try:
            head, content_type = _gunzip(body, 512), ""
        except (OSError, EOFError, zlib.error):
            return False
    head = head.lstrip().removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    return (
        "xml" in content_type
        or "rss" in content_type
        or head.startswith((b"<?xml", b"<rss", b"<urlset", b"<sitemapindex", b"<feed"))
    )


def parse_listing(body: bytes) -> Listing:
    """Parse a sitemap, sitemap index, RSS or Atom document (gzip accepted)."""
    if body[:2] == GZIP_MAGIC:
        try:
            body = _gunzip(body, MAX_XML_BYTES)
        except (OSError, EOFError, zlib.error):
            return Listing("unknown", ())
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except (etree.XMLSyntaxError, ValueError):
        return Listing("unknown", ())
    if root is None:
        return Listing("unknown", ())
    kind = _local(root).lower()
    if kind in ("urlset", "sitemapindex"):
        return Listing(kind, tuple(_sitemap_entries(root)))
    if kind in ("rss", "rdf"):
        return Listing("rss", tuple(_rss_entries(root)))
    if kind == "feed":
        return Listing("atom", tuple(_atom_entries(root)))
    return Listing("unknown", ())


def _gunzip(data: bytes, limit: int) -> bytes:
    """At most ``limit`` bytes of a gzip stream: a small file may inflate to gigabytes."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    return inflater.decompress(data, limit)


def _local(element: etree._Element) -> str:
    """The tag without its namespace ('' for comments and the like). Not ``etree.QName``:
    it raises on the odd names recover mode makes of broken markup (``<http:``)."""
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in element if _local(c) == name]


def _text(element: etree._Element, name: str) -> str | None:
    found = _children(element, name)
    return found[0].text.strip() if found and found[0].text else None


def _sitemap_entries(root: etree._Element) -> list[Entry]:
    entries = []
    for item in root:
        if _local(item) not in ("url", "sitemap"):
            continue
        loc = _text(item, "loc")
        if loc:
            lastmod = _text(item, "lastmod")
            entries.append(Entry(loc, lastmod if lastmod and _W3C_DATE.match(lastmod) else None))
    return entries


def _rss_entries(root: etree._Element) -> list[Entry]:
    return [
        Entry(link)
        for item in root.iter()
        if _local(item) == "item"
        if (link := _text(item, "link") or _text(item, "guid"))
    ]


def _atom_entries(root: etree._Element) -> list[Entry]:
    entries = []
    for entry in _children(root, "entry"):
        links = [
            ln.get("href")
            for ln in _children(entry, "link")
            if ln.get("rel", "alternate") == "alternate"
        ]
        if links and links[0]:
            entries.append(Entry(links[0], _text(entry, "updated")))
    return entries
