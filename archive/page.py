"""One fetched HTML page in, everything the crawler needs out.

`analyze_page` is what the worker processes run: it decodes the bytes once,
finds the links to follow and the page's kind, and extracts the article. It is
a pure function of (bytes, URL, site), like extraction itself.
"""

from __future__ import annotations

from urllib.parse import urljoin

import lxml.html
from lxml import etree

from archive import kinds, urls
from archive.charset import decode_html
from archive.extract import extract_article
from archive.records import Article, PageResult
from archive.registry import Site

MAX_PARSE_CHARS = 8_000_000  # beyond this a "page" is not a page we want to follow


def analyze_page(body: bytes, url: str, site: Site, *, encoding: str | None = None) -> PageResult:
    """Kind, in-scope links and (for articles) the extracted record of one page."""
    try:
        html, _ = decode_html(body, encoding)
    except Exception as exc:  # decode_html should not raise; never let one page stop a crawl
        return PageResult(url=url, kind="other", reason=f"undecodable: {exc}")
    tree = _parse(html[:MAX_PARSE_CHARS])
    if tree is None:
        return PageResult(url=url, kind="other", reason="no HTML content")
    links, signals = _links(tree, url, site)
    article = _article(html, url, site)
    kind = kinds.page_kind(url, site, article, signals)
    return PageResult(
        url=url, kind=kind, links=links, article=article if kind == "article" else None
    )


def _parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _article(html: str, url: str, site: Site) -> Article | None:
    article = extract_article(html, url, site.hints)
    if article.canonical_url:
        canonical = urls.canonical_url(article.canonical_url)
        article.canonical_url = canonical if urls.in_scope(canonical, site) else None
    return article if article.text.strip() else None


def _links(tree: lxml.html.HtmlElement, url: str, site: Site) -> tuple[list[str], kinds.Signals]:
    base = _base_url(tree, url)
    found: dict[str, None] = {}
    headline_links = headline_chars = 0
    for element in tree.iter("a", "area", "link", "frame", "iframe"):
        href = element.get("src") if element.tag in ("frame", "iframe") else element.get("href")
        if not href or element.tag == "link" and element.get("rel", "").lower() not in _LINK_RELS:
            continue
        target = _absolute(base, href)
        if target is None or not urls.in_scope(target, site) or urls.is_document(target):
            continue
        found.setdefault(target, None)
        if element.tag == "a":
            text = " ".join(element.text_content().split())
            if len(text) >= kinds.HEADLINE_CHARS:
                headline_links += 1
                headline_chars += len(text)
    found.pop(urls.canonical_url(url), None)
    return list(found), kinds.Signals(headline_links, headline_chars)


_LINK_RELS = {"next", "prev", "previous", "alternate", "canonical"}


def _base_url(tree: lxml.html.HtmlElement, url: str) -> str:
    base = tree.find(".//base[@href]")
    return urljoin(url, base.get("href")) if base is not None else url


def _absolute(base: str, href: str) -> str | None:
    href = href.strip()
    if not href or href.startswith(("javascript:", "mailto:", "tel:", "#", "data:")):
        return None
    try:
        return urls.canonical_url(urljoin(base, href))
    except ValueError:
        return None
