"""Article extraction: a pure function of HTML bytes, URL and site hints.

trafilatura finds the main text; our rules decide what it is given and what
is kept from it. This module is the orchestration; each part has its module:

1. decode (:mod:`archive.extract.charset`) and parse, within size bounds
   (:mod:`archive.extract.tree`, which also holds the parsed :class:`Page`);
2. detect the CMS and build the rule chain: site hints, CMS rule, generic
   rule (:mod:`archive.extract.rules`);
3. read the metadata from the untouched page: headline
   (:mod:`archive.extract.headline`), the date printed next to it
   (:mod:`archive.extract.dating`), lead, bylines (:mod:`archive.extract.credits`),
   captions (:mod:`archive.extract.captions`), attachments and canonical URL
   (:mod:`archive.extract.links`);
4. copy the article's container (or the page), prune chrome
   (:mod:`archive.extract.chrome`) and captions, and let trafilatura extract
   the text (:mod:`archive.extract.body`);
5. clean the paragraphs: drop chrome lines, date lines, the title, and move
   bylines at either end of the body into ``author``/``source``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lxml import etree

from archive.extract import dates, rules
from archive.extract.body import body_paragraphs, drop_known, language, lead_text, with_lead
from archive.extract.captions import find_captions
from archive.extract.credits import edge_bylines, find_credits, strip_bylines
from archive.extract.dating import find_date
from archive.extract.headline import find_title
from archive.extract.links import canonical_url, find_attachments
from archive.extract.records import Article
from archive.extract.tree import (
    MAX_INPUT,
    Page,
    Region,
    base_url,
    content_node,
    cut,
    decode,
    matches,
    parse,
)

# MAX_INPUT and parse stay importable from here (archive.extract.page and the tests use them).
__all__ = ["MAX_INPUT", "extract_article", "extract_parsed", "parse"]


def extract_article(
    html: bytes | str,
    url: str,
    hints: Mapping[str, Any] | None = None,
    *,
    encoding: str | None = None,
) -> Article:
    """Extract one article page; never raises (garbage in gives an empty ``text``)."""
    safe_url = url if isinstance(url, str) else ""
    try:
        return _extract(html, safe_url, dict(hints or {}), encoding)
    except Exception:  # noqa: BLE001 - the crawler must never lose a page to a parser bug
        return Article(url=safe_url)


def extract_parsed(tree: Any, url: str, hints: Mapping[str, Any] | None = None) -> Article:
    """:func:`extract_article` on a page already decoded and parsed, for a caller that
    parsed it for its own purposes (archive.extract.page reads the links first).

    ``tree`` must come from ``lxml.html.document_fromstring`` of the decoded text
    (at most ``MAX_INPUT`` characters, no XML declaration); it is brought to what
    :func:`parse` makes, in place: comments and processing instructions
    removed (their tails kept), elements past ``MAX_ELEMENTS`` dropped. Never raises.
    """
    safe_url = url if isinstance(url, str) else ""
    try:
        etree.strip_tags(tree, etree.Comment, etree.ProcessingInstruction)
        cut(tree)
        return _from_tree(tree, safe_url, dict(hints or {}))
    except Exception:  # noqa: BLE001 - the crawler must never lose a page to a parser bug
        return Article(url=safe_url)


def _extract(html: bytes | str, url: str, hints: dict[str, Any], encoding: str | None) -> Article:
    text = decode(html, encoding or _str_hint(hints, "encoding"))
    tree = parse(text)
    if tree is None:
        return Article(url=url)
    return _from_tree(tree, url, hints)


def _from_tree(tree: Any, url: str, hints: dict[str, Any]) -> Article:
    cms = rules.detect_cms(tree, url, _str_hint(hints, "cms"))
    page = Page(tree, url, base_url(tree, url), cms, rules.rules_for(cms, hints))
    page.order = {el: i for i, el in enumerate(tree.iter())}
    return _article(page)


def _str_hint(hints: Mapping[str, Any], key: str) -> str | None:
    value = hints.get(key)
    return value if isinstance(value, str) and value else None


def _article(page: Page) -> Article:
    """Every part of the record, each from its finder, read from the untouched page first."""
    title, title_el = find_title(page)
    day, clock = find_date(page, title_el)
    content = content_node(page)
    near = Region.around(page, title_el, content)
    lead_el = next((el for rule, el in matches(page, "lead") if near.accepts(rule, el)), None)
    lead = lead_text(lead_el, content)
    captions = find_captions([n for n in (content, lead_el) if n is not None] or [page.tree])
    paragraphs, rendered = body_paragraphs(page, content)
    paragraphs = drop_known(paragraphs, title, captions)
    rendered = drop_known(rendered, title, captions)
    edges, edge_author, edge_source = edge_bylines(rendered if content is not None else paragraphs)
    paragraphs = [p for p in strip_bylines(paragraphs)[0] if p not in edges]
    paragraphs = with_lead(paragraphs, lead)
    author, source = find_credits(page, content, near)
    return Article(
        url=page.url,
        title=title or None,
        date=day,
        published_at=dates.published_at(day, clock),
        author=author or edge_author,
        source=source or edge_source,
        text="\n\n".join(paragraphs),
        lead=lead,
        captions=list(dict.fromkeys(captions)),
        attachments=find_attachments(page, content),
        canonical_url=canonical_url(page),
        cms=page.cms,
        language=language(page.tree, paragraphs),
    )
