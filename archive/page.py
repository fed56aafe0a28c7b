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
MAX_LINKS = 5_000  # links taken from one page; beyond this it is a dump or a trap, not a listing


def analyze_page(body: bytes, url: str, site: Site, *, encoding: str | None = None) -> PageResult:
    """Kind, in-scope links and (for articles) the extracted record of one page."""
    try:
        html, _ = decode_html(body, encoding)
    except Exception as exc:  # decode_html should not raise; never let one page stop a crawl
        return PageResult(url=url, kind="other", reason=f"undecodable: {exc}")
    tree = _parse(html[:MAX_PARSE_CHARS])
    if tree is None:
        return PageResult(url=url, kind="other", reason="no HTML content")
    links, signals, shaped = _links(tree, url, site)
    aliases = _shortlinks(tree, url, site)
    # A page whose own shortlink has an article's shape (Drupal's /node/N on an aliased
    # path) is an article, whatever its related-article links say.
    declared = any(kinds.url_kind(alias, site) == "article" for alias in aliases)
    if not declared and kinds.listing_by_shape(url, site, signals):  # no text needed to know
        return PageResult(url=url, kind="listing", links=links, article_links=shaped)
    article = _article(html, url, site)
    kind = "article" if declared and article else kinds.page_kind(url, site, article, signals)
    if kind != "article":
        return PageResult(url=url, kind=kind, links=links, article_links=shaped)
    return PageResult(url, kind, links, article, aliases=aliases, article_links=shaped)


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


def _links(
    tree: lxml.html.HtmlElement, url: str, site: Site
) -> tuple[list[str], kinds.Signals, list[str]]:
    """In-scope links, what they say about the page, and those shaped like article URLs."""
    base, own = _base_url(tree, url), urls.canonical_url(url)
    found: dict[str, None] = {}
    headlines: dict[str, str] = {}  # headline text -> the teaser text beside it
    for element in tree.iter("a", "area", "link", "frame", "iframe"):
        href = element.get("src") if element.tag in ("frame", "iframe") else element.get("href")
        if not href or element.tag == "link" and element.get("rel", "").lower() not in _LINK_RELS:
            continue
        target = _absolute(base, href)
        if target is None or target == own or not urls.in_scope(target, site):
            continue
        if urls.is_document(target):
            continue
        found.setdefault(target, None)
        if len(found) >= MAX_LINKS:
            break
        if element.tag == "a":
            text = " ".join(element.text_content().split())
            if len(text) >= kinds.HEADLINE_CHARS and text not in headlines:
                headlines[text] = _teaser(element, text)
    shaped = [target for target in found if kinds.url_kind(target, site) == "article"]
    teasers = tuple(t for t in headlines.values() if t)
    signals = kinds.Signals(tuple(headlines), len(shaped), teasers)
    return list(found), signals, shaped


def _teaser(anchor: lxml.html.HtmlElement, headline: str) -> str:
    """The start of the summary printed with a headline link, if any (listings print one)."""
    element = anchor
    for _ in range(3):
        element = element.getparent()
        if element is None:
            return ""
        chunks = _block_text(element, kinds.MAX_TEASER_BLOCK)
        if chunks is None:
            return ""
        longest = max((c for c in chunks if c and c not in headline), key=len, default="")
        if len(longest) >= kinds.TEASER_CHARS:
            return longest
    return ""


def _block_text(element: lxml.html.HtmlElement, limit: int) -> list[str] | None:
    """The element's text chunks, whitespace collapsed; None as soon as they pass ``limit``.

    Stopping early matters: on a flat page of thousands of links every
    anchor's parent is the whole body, and reading it all for each anchor
    took minutes.
    """
    chunks: list[str] = []
    total = 0
    for text in element.itertext():
        if len(text) > 50 * limit:
            return None  # far too long even if it were mostly blanks
        chunk = " ".join(text.split())
        total += len(chunk)
        if total > limit:
            return None
        chunks.append(chunk)
    return chunks


_LINK_RELS = {"next", "prev", "previous", "alternate", "canonical"}


def _shortlinks(tree: lxml.html.HtmlElement, url: str, site: Site) -> list[str]:
    """`<link rel="shortlink">` (Drupal's /node/N): an alias we need not fetch to know."""
    found = []
    for element in tree.iterfind(".//link[@rel='shortlink']"):
        target = _absolute(_base_url(tree, url), element.get("href", ""))
        if target and urls.in_scope(target, site) and target != urls.canonical_url(url):
            found.append(target)
    return found


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
