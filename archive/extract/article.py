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

from archive.extract import dates, guard, rules
from archive.extract.body import (
    body_paragraphs,
    drop_known,
    language,
    lead_text,
    starting_at,
    with_lead,
)
from archive.extract.captions import find_captions
from archive.extract.credits import edge_bylines, find_credits, strip_bylines
from archive.extract.dating import find_date
from archive.extract.headline import FROM_TITLE_TAG, container_below, find_title, flat_span
from archive.extract.links import canonical_url, find_attachments
from archive.extract.records import Article
from archive.extract.tree import (
    MAX_INPUT,
    Page,
    Region,
    base_url,
    content_match,
    cut,
    decode,
    matches,
    parse,
)

#: How ``Article.problems`` (and so ``pages.error``) starts when the whole page failed.
EXTRACTION_FAILED = "extraction failed"

# MAX_INPUT and parse stay importable from here (archive.extract.page and the tests use them).
__all__ = ["MAX_INPUT", "extract_article", "extract_parsed", "parse"]


def extract_article(
    html: bytes | str,
    url: str,
    hints: Mapping[str, Any] | None = None,
    *,
    encoding: str | None = None,
) -> Article:
    """Extract one article page; never raises (garbage in gives an empty ``text``; a failure
    gives an empty record whose ``problems`` say why)."""
    safe_url = url if isinstance(url, str) else ""
    try:
        return _extract(html, safe_url, dict(hints or {}), encoding)
    except Exception as exc:  # noqa: BLE001 - the crawler must never lose a page to a parser bug
        return _failed(safe_url, exc)


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
    except Exception as exc:  # noqa: BLE001 - the crawler must never lose a page to a parser bug
        return _failed(safe_url, exc)


def _failed(url: str, exc: Exception) -> Article:
    """The record of a page extraction gave up on: no text, and the reason."""
    return Article(url=url, problems=[f"{EXTRACTION_FAILED}: {guard.describe(exc)}"])


def _extract(html: bytes | str, url: str, hints: dict[str, Any], encoding: str | None) -> Article:
    text = decode(html, encoding or _str_hint(hints, "encoding"))
    tree = parse(text)
    if tree is None:
        return Article(url=url)
    return _from_tree(tree, url, hints)


def _from_tree(tree: Any, url: str, hints: dict[str, Any]) -> Article:
    marks = rules.page_marks(tree)
    cms = rules.detect_cms(tree, url, _str_hint(hints, "cms"), marks)
    page = Page(tree, url, base_url(tree, url), cms, rules.rules_for(cms, hints), marks=marks)
    page.order = {el: i for i, el in enumerate(tree.iter())}
    with page.reading():
        return _article(page)


def _str_hint(hints: Mapping[str, Any], key: str) -> str | None:
    value = hints.get(key)
    return value if isinstance(value, str) and value else None


# What a failed finder gives.
_NO_TITLE: tuple[str, Any | None, str | None] = ("", None, None)
_NO_DATE: tuple[str | None, str | None, str | None] = (None, None, None)
_NO_LEAD: tuple[Any | None, str | None, str | None] = (None, None, None)
#: Fewer words than this make a body worth a look (flag ``short-body``).
SHORT_BODY = 80


def _article(page: Page) -> Article:
    """Every part of the record, each from its finder, read from the untouched page first;
    a metadata field whose finder fails is left empty and noted (archive.extract.guard).
    ``extraction`` records which path found each field, ``flags`` what a reader should check."""
    problems: list[str] = []
    title, title_el, title_by = guard.attempt(
        problems, "title", lambda: find_title(page), _NO_TITLE
    )
    day, clock, date_by = guard.attempt(
        problems, "date", lambda: find_date(page, title_el), _NO_DATE
    )
    content, body_by, first = _container(page, title_el)
    span = flat_span(page, title_el) if content is None else None
    near = Region.around(page, title_el, content)
    lead_el, lead, lead_by = guard.attempt(
        problems, "lead", lambda: _lead(page, near, content), _NO_LEAD
    )
    captions = find_captions([n for n in (content, lead_el) if n is not None] or [page.tree])
    extracted, own = body_paragraphs(page, content, span)
    paragraphs = starting_at(drop_known(extracted, title, captions), first)
    # trafilatura's paragraphs are most often our rendering's: cleaned once then
    rendered = (
        paragraphs if own == extracted else starting_at(drop_known(own, title, captions), first)
    )
    edges, edge_author, edge_source = edge_bylines(rendered if content is not None else paragraphs)
    kept, tail_author, tail_source = strip_bylines(paragraphs)
    paragraphs = [p for p in kept if p not in edges]
    # our rendering may end with a page's actions after the signature; trafilatura's not
    edge_author, edge_source = edge_author or tail_author, edge_source or tail_source
    paragraphs = with_lead(paragraphs, lead)
    no_credits: dict[str, tuple[str, str]] = {}
    credits = guard.attempt(
        problems,
        "author",
        lambda: find_credits(page, content, near, bool(edge_author), title_el),
        no_credits,
    )
    author, author_by = credits.get("author") or (edge_author, "generic")
    source, source_by = credits.get("source") or (edge_source, "generic")
    text = "\n\n".join(paragraphs)
    found_by = {
        "title": title_by if title else None,
        "date": date_by if day else None,
        "author": author_by if author else None,
        "source": source_by if source else None,
        "lead": lead_by if lead else None,
        "body": body_by if text else None,
    }
    return Article(
        url=page.url,
        title=title or None,
        date=day,
        published_at=dates.published_at(day, clock),
        author=author,
        source=source,
        text=text,
        lead=lead,
        captions=list(dict.fromkeys(captions)),
        attachments=guard.attempt(
            problems, "attachments", lambda: find_attachments(page, content), []
        ),
        canonical_url=guard.attempt(problems, "canonical_url", lambda: canonical_url(page), None),
        cms=page.cms,
        language=guard.attempt(problems, "language", lambda: language(page.tree, paragraphs), None),
        problems=problems,
        extraction={field: path for field, path in found_by.items() if path},
        flags=quality_flags(day, author, title_by, text),
    )


def _container(page: Page, title_el: Any | None) -> tuple[Any | None, str, str | None]:
    """The article's container, the path that found it, and (for a container the generic path
    inferred from the headline) the first paragraph's text."""
    found = content_match(page)
    if found is not None:
        return found[1], found[0].path, None
    inferred = container_below(page, title_el)
    return (inferred[0], "generic", inferred[1]) if inferred else (None, "generic", None)


def quality_flags(
    day: str | None, author: str | None, title_by: str | None, text: str
) -> list[str]:
    """What a person should check on this article: no date, no author, a title that only
    ``<title>`` gave, a short body."""
    flags = []
    if not day:
        flags.append("no-date")
    if not author:
        flags.append("no-author")
    if title_by == FROM_TITLE_TAG:
        flags.append("title-from-title-tag")
    if len(text.split()) < SHORT_BODY:
        flags.append("short-body")
    return flags


def _lead(
    page: Page, near: Region, content: Any | None
) -> tuple[Any | None, str | None, str | None]:
    for rule, el in matches(page, "lead"):
        if near.accepts(rule, el):
            return el, lead_text(el, content), rule.path
    return None, None, None
