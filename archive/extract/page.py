"""One fetched HTML page in, everything the crawler needs out.

`analyze_page` is what the worker processes run: it decodes the bytes once,
parses them once, finds the links to follow and the page's kind, and extracts
the article from the same tree. It is a pure function of (bytes, URL, site),
like extraction itself, plus, in the crawl, one question to the archive: is
this page an article the crawl has just stored under another URL?
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from archive.extract import article as extract
from archive.extract import kinds, verdicts
from archive.extract.charset import decode_html, not_text
from archive.extract.records import Article, PageResult
from archive.extract.shapes import shape_of
from archive.extract.tree import html_parser
from archive.sites import urls
from archive.sites.registry import Site

MAX_PARSE_CHARS = 8_000_000  # beyond this a "page" is not a page we want to follow
MAX_LINKS = 5_000  # links taken from one page; beyond this it is a dump or a trap, not a listing
#: Links resolved, kept per process: a site's menus, footers and "latest news" repeat on
#: every page (two thirds of a page's links were resolved before). One budget shared by
#: the sites a process sees (a site's share is cleared when full): 20,000 per site made
#: each worker grow by ~60 MB over 20 sites' crawl (~370 bytes an entry), for 4 % of the
#: analysis time.
LINK_CACHE_SIZE = 20_000

#: The crawl's question to the archive: given a page's candidate URLs (its declared
#: canonical URL, then its own), the first that belongs to an article stored by this
#: crawl, with that article's title; None if none does.
Archived = Callable[[list[str]], "tuple[str, str | None] | None"]


def analyze_page(
    body: bytes, url: str, site: Site, *, encoding: str | None = None,
    archived: Archived | None = None, shapes: Mapping[str, str] | None = None,
    listing_key: str | None = None,
) -> PageResult:  # fmt: skip
    """Kind, in-scope links and (for articles) the extracted record of one page.

    ``shapes`` are the URL shapes this site's pages have confirmed so far in
    the crawl (archive.extract.shapes): a page of a confirmed listing shape is
    not read, and links of a confirmed article shape are the ``article_links``
    the crawler's trap guard counts. Every other page is read, and its content
    decides its kind (``by_content``).

    ``listing_key``: the key of what the URL showed when last read as a listing
    (archive.extract.verdicts); a page showing it again under the same rules is that
    listing, not read. A listing read by its content, or so recognised, carries a key.

    With ``archived`` (the crawl's workers pass it), a page whose declared
    canonical URL or own URL is an article this crawl already stored, and whose
    ``<title>`` or ``<h1>`` shows that article's title, is returned as that
    article's alias (``alias_of``) without being extracted again: a print view,
    the same article under a second category, Drupal's path alias and
    ``/node/N``. The crawl fetched a quarter more article pages than articles,
    and extracted each.
    """
    if binary := not_text(body):  # random bytes decode to a few words of mojibake
        return PageResult(url=url, kind="other", reason=binary)
    try:
        html, _ = decode_html(body, encoding)
    except Exception as exc:  # decode_html should not raise; never let one page stop a crawl
        return PageResult(url=url, kind="other", reason=f"undecodable: {exc}")
    tree = _parse(html[:MAX_PARSE_CHARS])
    if tree is None:
        return PageResult(url=url, kind="other", reason="no HTML content")
    links, signals, shaped, anchors, spelled = _links(tree, url, site, shapes or {})
    aliases = _shortlinks(tree, url, site)
    # A page whose own shortlink has an article's shape (Drupal's /node/N on an aliased
    # path) is an article, whatever its related-article links say.
    declared = any(kinds.url_kind(alias, site) == "article" for alias in aliases)
    known = kinds.known_kind(url, site, shapes)
    shown = listing_key is not None and verdicts.shows_again(tree, site, listing_key)
    if not declared and (known == "listing" or shown):  # no text needed to know
        return PageResult(url=url, kind="listing", links=links, article_links=shaped,
                          spellings=spelled,
                          listing_key=listing_key if shown else None)  # fmt: skip
    if archived is not None and (found := _known_alias(tree, url, site, archived)):
        return PageResult(url, "article", links, aliases=aliases, article_links=shaped,
                          alias_of=found, spellings=spelled)  # fmt: skip
    article, problems = _article(html, tree, url, site)
    if problems.startswith(extract.EXTRACTION_FAILED):  # the links are still followed
        return PageResult(url, "error", links, reason=problems, article_links=shaped,
                          spellings=spelled)  # fmt: skip
    if article is not None and kinds.registry_kind(url, site) is None:
        signals = replace(signals, teasers=_teasers(anchors))  # the kind reads them
    if declared and kinds.declared_article(url, site, article, signals):
        kind = "article"
    else:
        kind = kinds.page_kind(url, site, article, signals, known)
    reason = problems or None  # a field extraction gave up on: pages.error says which
    if kind != "article":
        return PageResult(url=url, kind=kind, links=links, article_links=shaped, reason=reason,
                          by_content=True, spellings=spelled,
                          listing_key=_listing_key(kind, tree, site))  # fmt: skip
    return PageResult(url, kind, links, article, aliases=aliases, article_links=shaped,
                      reason=reason, by_content=True, spellings=spelled)  # fmt: skip


def _listing_key(kind: str, tree: lxml.html.HtmlElement, site: Site) -> str | None:
    """Only a listing's: extraction reads the tree without changing its text, so the key is
    the one the page's next fetch computes before reading it."""
    return verdicts.listing_key(tree, site) if kind == "listing" else None


def _parse(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(html, parser=html_parser())
    except (etree.ParserError, ValueError):
        return None


def _article(
    html: str, tree: lxml.html.HtmlElement, url: str, site: Site
) -> tuple[Article | None, str]:
    """The page's article, extracted from the tree the links were read from (a page too
    long for extraction's input limit is parsed again, from its first part), and what
    extraction gave up on ('' if nothing)."""
    if len(html) <= extract.MAX_INPUT:
        article = extract.extract_parsed(tree, url, site.hints)
    else:
        article = extract.extract_article(html, url, site.hints)
    if article.canonical_url:
        canonical = urls.canonical_or_none(article.canonical_url)
        article.canonical_url = canonical if canonical and urls.in_scope(canonical, site) else None
    return (article if article.text.strip() else None), "; ".join(article.problems)


Anchors = dict[str, lxml.html.HtmlElement]  # headline text -> the first link showing it


def _links(
    tree: lxml.html.HtmlElement, url: str, site: Site, shapes: Mapping[str, str]
) -> tuple[list[str], kinds.Signals, list[str], Anchors, dict[str, str]]:
    """In-scope links, what they say about the page (teasers aside: see :func:`_teasers`),
    those of a shape this site confirmed for articles, the headline links, and the
    links as written where that differs from their canonical URL (the crawler asks
    for a page as the site wrote it: see archive.sites.urls.request_url)."""
    base, own = _base_url(tree, url), urls.canonical_url(url)
    parts = urlsplit(base)
    origin = f"{parts.scheme}://{parts.netloc}"
    found: dict[str, str] = {}  # target -> its URL shape
    spelled: dict[str, str] = {}  # target -> the first link to it, where written otherwise
    headlines: Anchors = {}
    for element in tree.iter("a", "area", "link", "frame", "iframe"):
        href = element.get("src") if element.tag in ("frame", "iframe") else element.get("href")
        if not href or element.tag == "link" and element.get("rel", "").lower() not in _LINK_RELS:
            continue
        target, shape, written = _resolve(site, base, origin, href)
        if target is None or target == own:
            continue
        found.setdefault(target, shape)
        if written != target:
            spelled.setdefault(target, written)
        if len(found) >= MAX_LINKS:
            break
        if element.tag == "a":
            text = " ".join(element.text_content().split())
            if len(text) < kinds.HEADLINE_CHARS:  # "Xem tiếp": the teaser's heading says it
                text = _teaser_heading(element)
            if len(text) >= kinds.HEADLINE_CHARS and text not in headlines:
                headlines[text] = element
    shaped_links = [t for t, shape in found.items() if shapes.get(shape) == "article"]
    return list(found), kinds.Signals(tuple(headlines)), shaped_links, headlines, spelled


Resolved = dict[tuple[str, str], tuple[str | None, str, str]]
#: Per Site object (by identity, held so its id is not reused): the answers depend on
#: its scope and patterns, and two registries may give one id different ones.
_RESOLVED: dict[int, tuple[Site, Resolved]] = {}


def _resolve(site: Site, base: str, origin: str, href: str) -> tuple[str | None, str, str]:
    """A link's canonical target if the crawl may follow it (in scope, not a document),
    its URL shape and its absolute URL as written; cached per process (see
    LINK_CACHE_SIZE).

    The key holds what the answer depends on: an absolute ``http(s)://`` link
    resolves alone, a root-relative one against the base's origin, any other
    against the whole base.
    """
    start = href.lstrip()[:8].lower()
    if start.startswith(("http://", "https://")):
        key = ("", href)
    elif start.startswith("/") and not start.startswith("//"):
        key = (origin, href)
    else:
        key = (base, href)
    cache = _cache_for(site)
    known = cache.get(key)
    if known is not None:
        return known
    written = urls.web_link(base, href.strip()) or ""
    target = _absolute(base, href)
    if target is None or not urls.in_scope(target, site) or urls.is_document(target):
        answer: tuple[str | None, str, str] = (None, "", "")
    else:
        answer = (target, shape_of(target), written)
    if len(cache) >= LINK_CACHE_SIZE // len(_RESOLVED):
        cache.clear()
    cache[key] = answer
    return answer


def _cache_for(site: Site) -> Resolved:
    entry = _RESOLVED.get(id(site))
    if entry is None or entry[0] is not site:
        if len(_RESOLVED) >= 100:  # sites come and go in tests and re-extraction runs
            _RESOLVED.clear()
        entry = _RESOLVED[id(site)] = (site, {})
        share = LINK_CACHE_SIZE // len(_RESOLVED)
        for _, cache in _RESOLVED.values():  # the others' shares just shrank
            if len(cache) > share:
                cache.clear()
    return entry[1]


_TEASER_HEADINGS = ("h2", "h3", "h4", "h5", "h6")  # an h1 is the page's own title


def _teaser_heading(anchor: lxml.html.HtmlElement) -> str:
    """The headline of a teaser whose link is only "Xem tiếp" (DNN and many hand-made
    listings print the title as an unlinked heading): the one heading of the small
    block around the link, if any."""
    element = anchor
    for _ in range(2):
        element = element.getparent()
        if element is None:
            return ""
        headings = [h for h in element.iter(_TEASER_HEADINGS) if h.find(".//a") is None]
        if len(headings) > 1 or _block_text(element, kinds.MAX_TEASER_BLOCK) is None:
            return ""
        if headings:
            return " ".join(headings[0].text_content().split())
    return ""


def _teasers(anchors: Anchors) -> tuple[str, ...]:
    """The summaries printed beside the page's headline links (listings print them)."""
    found = (_teaser(anchor, text) for text, anchor in anchors.items())
    return tuple(t for t in found if t)


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
            # A teaser's block is its headline and summary (a date, "Xem tiếp"), not an
            # article's whole text above a "back to the category" link.
            rest = sum(map(len, chunks)) - len(headline) - len(longest)
            return longest if rest <= kinds.TEASER_SLACK else ""
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


_LINK_RELS = {"next", "prev", "previous", "alternate", "canonical", "sitemap"}


def _shortlinks(tree: lxml.html.HtmlElement, url: str, site: Site) -> list[str]:
    """`<link rel="shortlink">` (Drupal's /node/N): an alias we need not fetch to know."""
    found = []
    for element in tree.iterfind(".//link[@rel='shortlink']"):
        target = _absolute(_base_url(tree, url), element.get("href", ""))
        if target and urls.in_scope(target, site) and target != urls.canonical_url(url):
            found.append(target)
    return found


def _known_alias(
    tree: lxml.html.HtmlElement, url: str, site: Site, archived: Archived
) -> str | None:
    """The URL of an article this crawl stored that the page is: the page declares it as
    its canonical URL, or is found at one of its URLs, and shows its title.

    The title check keeps a site whose pages all declare one canonical URL (the
    home page, a listing, the newest article) from turning articles into aliases.
    """
    candidates = []
    base = _base_url(tree, url)
    for href in tree.xpath(_CANONICAL):
        target = _absolute(base, str(href))
        if target is not None and urlsplit(target).scheme in ("http", "https"):
            if urls.in_scope(target, site):
                candidates.append(target)
            break  # the first canonical link decides, as extraction's does
    candidates.append(urls.canonical_url(url))
    found = archived(list(dict.fromkeys(candidates)))
    if found is None:
        return None
    known, title = found
    return known if title and _shows_title(tree, title) else None


_CANONICAL = "//link[contains(concat(' ', normalize-space(@rel), ' '), ' canonical ')]/@href"


def _shows_title(tree: lxml.html.HtmlElement, title: str) -> bool:
    wanted = " ".join(title.split()).casefold()
    for element in tree.iter("title", "h1"):
        if wanted in " ".join(element.text_content().split()).casefold():
            return True
    return False


def _base_url(tree: lxml.html.HtmlElement, url: str) -> str:
    base = tree.find(".//base[@href]")
    return (urls.web_link(url, base.get("href")) or url) if base is not None else url


def _absolute(base: str, href: str) -> str | None:
    href = href.strip()
    if not href or href.startswith(("javascript:", "mailto:", "tel:", "#", "data:")):
        return None
    absolute = urls.web_link(base, href)
    return urls.canonical_or_none(absolute) if absolute else None
